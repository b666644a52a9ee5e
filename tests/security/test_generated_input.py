"""Every route in ``/openapi.json``, fed generated input (paths, query strings, JSON and
non-JSON bodies, content types), answers a 2xx or a 4xx with a JSON error: never a 500."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient, running_app

SOURCES = ["manual", "sentry", "datadog", "posthog", "splunk"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
bodies = (
    json_values.map(lambda value: json.dumps(value).encode())
    | st.binary(max_size=200)
    | st.sampled_from([b"", b"{", b'{"a":', b"[]" * 40, b"\xff\xfe", b'{"a": NaN}'])
)
content_types = st.sampled_from(
    ["application/json", "text/plain", "application/x-www-form-urlencoded", "", "text/html"]
)
segments = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/?#%"),
    min_size=1,
    max_size=20,
)
queries = st.dictionaries(
    st.sampled_from(["project_id", "limit", "cursor", "source", "q", "token", "window"]),
    st.text(max_size=25) | st.integers(min_value=-5, max_value=10**20).map(str),
    max_size=4,
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoulcasterClient]:
    with running_app(data_dir=Path(tmp_path_factory.mktemp("fuzz"))) as app:
        created = app.post_webhook("manual", {"title": "a real item"}, as_owner=True)
        assert created.status_code == 201, created.text
        app.item_id = created.json()["id"]  # type: ignore[attr-defined]
        yield app


def _routes() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as data_dir, running_app(data_dir=Path(data_dir)) as app:
        spec = app.http.get("/openapi.json").json()
    return [(path, method) for path, ops in spec["paths"].items() for method in ops]


# Sorted: the spec lists a route's methods in set order, and a test id list must not depend on it.
ROUTES = sorted(_routes())


@pytest.mark.parametrize(("path", "method"), ROUTES, ids=[f"{m} {p}" for p, m in ROUTES])
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), body=bodies, content_type=content_types, query=queries)
def test_no_route_answers_500(
    client: SoulcasterClient,
    path: str,
    method: str,
    data: st.DataObject,
    body: bytes,
    content_type: str,
    query: dict[str, str],
) -> None:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "source":
            return str(data.draw(st.sampled_from(SOURCES) | segments))
        if name == "project_id":
            return str(data.draw(st.sampled_from([client.project_id]) | segments))
        known = getattr(client, "item_id", "x")
        return str(data.draw(st.sampled_from([known]) | segments))

    url = re.sub(r"\{(\w+)\}", lambda m: quote(fill(m), safe=""), path)
    params: dict[str, Any] = {"project_id": client.project_id, **query}
    headers = {"authorization": f"Bearer {TEST_TOKEN}"}
    if content_type:
        headers["content-type"] = content_type
    answer = client.http.request(method.upper(), url, params=params, content=body, headers=headers)
    assert answer.status_code < 500, (method, url, params, body[:80], answer.text[:300])
    if answer.status_code >= 400 and answer.headers.get("content-type", "").startswith(
        "application/json"
    ):
        assert "error" in answer.json(), answer.text
