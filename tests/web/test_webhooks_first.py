"""Deliveries skip Starlette's middleware and router (``WebhooksFirst``) and its query
parameters: same answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.datastructures import Headers, QueryParams
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from soulcaster_core import FeedbackItem, SourceConfig, WebhookHandler, hookimpl
from soulcaster_core.testing import TEST_PROJECT, SoulcasterClient, running_app
from soulcaster_core.web.ingest_routes import HeaderMap, query_of


class _Tripping(WebhookHandler[dict[str, Any], SourceConfig]):
    """A source whose credential check fails unexpectedly: a core step, so a 500."""

    source = "tripping"

    def has_credentials(self, config: SourceConfig) -> bool:
        raise RuntimeError("tripped")

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        raise AssertionError("never reached")


class _TrippingPlugin:
    @hookimpl
    def register_sources(self, register: Any) -> None:
        register(_Tripping)


@pytest.fixture
def both(tmp_path: Path) -> Iterator[tuple[SoulcasterClient, TestClient]]:
    """The app, and a client of the same app that takes Starlette's way for every request."""
    with running_app(data_dir=tmp_path, plugins=[_TrippingPlugin()], max_body_bytes=1000) as client:
        app = client.app
        assert isinstance(app, Starlette)

        async def routed(scope: Scope, receive: Receive, send: Send) -> None:
            await Starlette.__call__(app, scope, receive, send)

        yield client, TestClient(routed, raise_server_exceptions=False)


REPORT = {"title": "Checkout fails", "external_id": "t-1"}
WEBHOOK = f"/ingest/manual/webhook?project_id={TEST_PROJECT}"


@pytest.mark.parametrize(
    ("method", "path", "options"),
    [
        ("POST", WEBHOOK, {"json": REPORT}),  # a duplicate: the test posts it once first
        ("POST", f"/ingest/manual?project_id={TEST_PROJECT}", {"json": REPORT}),
        ("POST", "/ingest/jira/webhook?project_id=test", {"json": REPORT}),
        ("POST", f"/ingest/Manual/webhook?project_id={TEST_PROJECT}", {"json": REPORT}),
        ("POST", "/ingest/manual/webhook", {"json": REPORT}),
        ("POST", "/ingest/manual/webhook?project_id=nope", {"json": REPORT}),
        ("POST", WEBHOOK, {"content": b"{}", "headers": {"content-type": "text/plain"}}),
        ("POST", WEBHOOK, {"content": b"{not json"}),
        ("POST", WEBHOOK, {"content": b"{" + b" " * 2000 + b"}"}),
        ("POST", f"/ingest/tripping/webhook?project_id={TEST_PROJECT}", {"json": {}}),
        ("GET", WEBHOOK, {}),
        ("POST", f"/ingest/manual/webhook/?project_id={TEST_PROJECT}", {"json": REPORT}),
        ("POST", f"/ingest/manual/sync?project_id={TEST_PROJECT}", {}),
        ("POST", f"/ingest/manual/other?project_id={TEST_PROJECT}", {"json": REPORT}),
    ],
    ids=[
        "duplicate",
        "bare-path",
        "unknown-source",
        "source-case",
        "no-project",
        "unknown-project",
        "content-type",
        "dead-letter",
        "too-large",
        "unexpected",
        "get",
        "trailing-slash",
        "sync",
        "other-path",
    ],
)
def test_a_delivery_is_answered_as_starlettes_routes_answer_it(
    both: tuple[SoulcasterClient, TestClient], method: str, path: str, options: dict[str, Any]
) -> None:
    client, routed = both
    created = client.post_webhook("manual", REPORT)
    assert created.status_code == 201
    answers = [
        http.request(method, path, follow_redirects=False, **options)
        for http in (client.http, routed)
    ]
    fast, slow = answers
    assert fast.status_code == slow.status_code
    assert fast.headers == slow.headers
    assert _shown(fast) == _shown(slow)


def _shown(answer: Any) -> Any:
    """An answer's body, without a dead letter's id (a new one each time)."""
    if answer.headers.get("content-type") != "application/json":
        return answer.content
    body = answer.json()
    body.pop("dead_letter_id", None)
    return body


def test_an_unexpected_error_is_raised_for_the_server_log(tmp_path: Path) -> None:
    with running_app(data_dir=tmp_path, plugins=[_TrippingPlugin()]) as client:
        strict = TestClient(client.app)  # raises what reaches the server
        with pytest.raises(RuntimeError, match="tripped"):
            strict.post(f"/ingest/tripping/webhook?project_id={TEST_PROJECT}", json={})


@settings(max_examples=250)
@given(
    st.one_of(
        st.binary(max_size=60),
        st.lists(st.sampled_from(["a", "b", "=", "&", "%", "+", "%41", "%zz", "é", " "])).map(
            lambda parts: "".join(parts).encode()
        ),
    )
)
def test_the_query_reads_as_starlettes_query_params(raw: bytes) -> None:
    expected = dict(QueryParams(raw.decode("latin-1")))
    assert query_of(raw) == expected


_NAMES = [b"content-type", b"Content-Type", b"authorization", b"x-token", b"\xe9t\xe9", b"a"]
_ASKED = ["content-type", "CONTENT-TYPE", "Authorization", "x-token", "été", "ÉTÉ", "€", "none"]


@settings(max_examples=250)
@given(
    st.lists(
        st.tuples(st.sampled_from(_NAMES), st.binary(max_size=4)),
        max_size=6,
    )
)
def test_a_deliverys_headers_read_as_starlettes_headers(raw: list[tuple[bytes, bytes]]) -> None:
    """``HeaderMap`` (a dict made once) answers every lookup as ``Headers`` does: the first of
    a repeated name, names compared in lower case, the same errors."""
    expected, got = Headers(raw=list(raw)), HeaderMap(raw)
    assert isinstance(got, Headers)
    for name in _ASKED:
        assert _lookups(got, name) == _lookups(expected, name)
    assert got == expected and got.items() == expected.items() and got.raw == expected.raw


def _lookups(headers: Headers, name: str) -> list[tuple[Any, ...]]:
    """What ``headers[name]``, ``get`` (with and without a default) and ``in`` give."""
    outcomes: list[tuple[Any, ...]] = []
    for how in ("item", "get", "get-default", "in"):
        try:
            if how == "item":
                value: Any = headers[name]
            elif how == "get":
                value = headers.get(name)
            elif how == "get-default":
                value = headers.get(name, "-")
            else:
                value = name in headers
            outcomes.append(("value", value))
        except (KeyError, UnicodeEncodeError) as exc:
            outcomes.append((type(exc),))
    return outcomes
