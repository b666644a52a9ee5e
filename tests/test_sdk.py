"""The plugin SDK: what ``soulcaster_core`` exports, and the typed payload reader."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import soulcaster_core
from soulcaster_core import BadPayload, Payload

#: The plugin SDK. Removing a name breaks third-party plugins: do it on purpose, with a new
#: major version, and change this list in the same commit.
SDK = {
    "BadPayload",
    "BadRequest",
    "DEFAULT_MERGE_POLICY",
    "ExceptionInfo",
    "FeedbackItem",
    "Frame",
    "HOOKSPEC_VERSION",
    "HmacSha256",
    "IngestResult",
    "MergePolicy",
    "NotFound",
    "Payload",
    "PluginError",
    "SharedToken",
    "SourceAuth",
    "SourceConfig",
    "SyncContext",
    "SyncReport",
    "Unauthorized",
    "WebhookHandler",
    "WebhookRequest",
    "__version__",
    "format_exceptions",
    "hmac_sha256_hex",
    "hookimpl",
    "parse_json_object",
    "parse_timestamp",
    "require_shared_token",
    "secret_values",
    "secrets_equal",
}


def test_the_sdk_exports_exactly_what_plugins_are_promised() -> None:
    assert set(soulcaster_core.__all__) == SDK
    for name in SDK:
        assert getattr(soulcaster_core, name) is not None, name


def test_payload_reads_each_value_as_the_type_asked_for() -> None:
    event = Payload.from_body(
        b'{"n": "42", "t": 7, "blank": "  ", "when": "2024-05-01T12:00:00Z", "on": "true",'
        b' "labels": {"env": "prod", "shard": 3, "none": null}, "alerts": [{"id": "a"}]}'
    )
    assert event.text("t") == "7"
    assert event.text("blank") is None
    assert event.number("n") == 42.0
    assert event.flag("on") is True
    assert event.time("when") == datetime(2024, 5, 1, 12, tzinfo=UTC)
    assert event.strings("labels") == {"env": "prod", "shard": "3"}
    [alert] = event.objects("alerts")
    assert alert.text("id") == "a"
    assert event.objects("absent") == []


@pytest.mark.parametrize(
    ("body", "read", "message"),
    [
        (b'{"alerts": {"a": 1}}', lambda p: p.objects("alerts", required=True), "alerts: expected"),
        (b'{"alerts": [{}, 3]}', lambda p: p.objects("alerts"), "alerts[1]: expected an object"),
        (
            b'{"alerts": [{"labels": []}]}',
            lambda p: p.objects("alerts")[0].object("labels", required=True),
            "alerts[0].labels: expected an object",
        ),
        (b'{"id": ""}', lambda p: p.text("id", required=True), "id: expected a non-empty"),
        (b"[1]", lambda p: p, "body must be a JSON object"),
    ],
)
def test_what_is_required_and_missing_is_named(body: bytes, read: object, message: str) -> None:
    with pytest.raises(BadPayload, match=message.replace("[", r"\[").replace("]", r"\]")):
        read(Payload.from_body(body))  # type: ignore[operator]
