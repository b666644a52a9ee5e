"""No input ever yields a 500: random and hostile bodies against every source's ingest route."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soulcaster_core.testing import SoulcasterClient, running_app

# Never 404: every source and its project exist, on both routes (a 404 would mean the request
# reached no handler, and tested nothing).
OK = {200, 201, 400, 401, 413, 415}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=30,
)
# Plausible field names, so payloads get past the first "is it an object" check.
known_keys = st.sampled_from(
    [
        "title",
        "body",
        "data",
        "event",
        "result",
        "sid",
        "id",
        "date",
        "tags",
        "action",
        "issue",
        "error",
        "exception",
        "properties",
        "hook",
        "_time",
        "search_name",
        "uuid",
    ]
)
shaped = st.dictionaries(known_keys, json_values, max_size=8)
hostile = st.sampled_from(
    [
        b"",
        b"\xff\xfe\xfd",
        b"[" * 50_000,
        b'{"a":' * 20_000,
        b"1" * 10_000,
        b'{"title": 1e999999}',
        b'{"title": "\\ud800"}',
        b"\x00" * 100,
        b'{"title": NaN}',
    ]
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoulcasterClient]:
    with running_app(data_dir=Path(tmp_path_factory.mktemp("fuzz"))) as app_client:
        yield app_client


def _sources(client: SoulcasterClient) -> list[str]:
    return sorted(client.app.state.plugins.handlers)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), payload=st.one_of(json_values, shaped))
def test_random_json_never_500(
    client: SoulcasterClient, data: st.DataObject, payload: object
) -> None:
    source = data.draw(st.sampled_from(_sources(client)))
    path = data.draw(st.sampled_from(["webhook", ""]))
    response = client.post_webhook(source, json.dumps(payload).encode(), path=path)
    assert response.status_code in OK, (source, payload, response.text)
    assert response.json(), "every answer is JSON"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), body=st.one_of(hostile, st.binary(max_size=2000)))
def test_hostile_bytes_never_500(
    client: SoulcasterClient, data: st.DataObject, body: bytes
) -> None:
    source = data.draw(st.sampled_from(_sources(client)))
    content_type = data.draw(
        st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded"])
    )
    response = client.post_webhook(source, body, headers={"content-type": content_type})
    assert response.status_code in OK, (source, body[:80], response.text)
    if response.status_code == 400:
        assert response.json()["error"]


header_values = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), values=st.lists(header_values, min_size=4, max_size=4))
def test_hostile_credentials_never_500(
    client: SoulcasterClient, data: st.DataObject, values: list[str]
) -> None:
    """With every source's secret set, odd signatures, timestamps and tokens are 401 or 400."""
    source = data.draw(st.sampled_from(_sources(client)))
    handler = client.app.state.plugins.handlers[source]
    secrets = {
        name: "s3cret"
        for name, info in handler.Config.model_fields.items()
        if "SecretStr" in str(info.annotation) and name in ("webhook_secret", "webhook_token")
    }
    if secrets:
        client.configure(source, **secrets)
    names = [
        "sentry-hook-signature",
        "sentry-hook-timestamp",
        "authorization",
        "x-soulcaster-token",
    ]
    headers = dict(zip(names, values, strict=True))
    response = client.post_webhook(
        source, {"title": "x"}, headers=headers, query={"token": values[0]}
    )
    assert response.status_code in OK, (source, headers, response.text)
