"""Titles, dedup keys, metadata and bad input: the mapping function and the app's answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from soulcaster_core import BadPayload
from soulcaster_core.models import TITLE_MAX
from soulcaster_sentry import SentryHandler, sentry_event_to_feedback_item

Payload = Callable[[str], dict[str, Any]]


def test_missing_optional_fields(sentry: Any, payload: Payload) -> None:
    event = payload("error_minimal")
    item = sentry_event_to_feedback_item(event, "billing")
    assert item.title == "TimeoutError: payment gateway did not answer in 30s"
    # No issue id: the event stands on its own.
    assert item.external_id == "event:5d4c3b2a1f0e4d9c8b7a6f5e4d3c2b1a"
    assert (item.release, item.environment, item.service, item.trace_id) == (None,) * 4
    assert item.tags == {}
    assert item.links == {}
    assert item.metadata["short_id"] is None
    [thrown] = item.exceptions
    assert thrown.frames == []

    response = sentry.post(event, "error")
    assert response.status_code == 201, response.text
    stored = sentry.client.item(response.json()["id"])
    assert stored["body"].startswith("TimeoutError: payment gateway did not answer in 30s")
    assert "Release" not in stored["body"]


def test_the_environment_tag_stands_in_for_a_missing_field(payload: Payload) -> None:
    event = payload("error_python")
    del event["data"]["error"]["environment"]
    assert sentry_event_to_feedback_item(event, "billing").environment == "production"


@pytest.mark.parametrize(
    ("change", "title"),
    [
        (lambda e: e.pop("exception"), "ValueError: invoice total must be positive, got -12.50"),
        (
            lambda e: (e.pop("exception"), e.update(message="nightly export skipped 3 invoices")),
            "nightly export skipped 3 invoices",
        ),
        (
            lambda e: (e.pop("exception"), e.pop("title")),
            "Sentry error c4a1f0d2e3b84f6a9d7e5b2c1a0f9e8d",
        ),
    ],
)
def test_title_falls_back_in_order(
    payload: Payload, change: Callable[[dict[str, Any]], Any], title: str
) -> None:
    event = payload("error_python")
    change(event["data"]["error"])
    item = sentry_event_to_feedback_item(event, "billing")
    assert item.title == title


def test_issue_title_without_metadata_uses_the_issue_title(payload: Payload) -> None:
    event = payload("issue_created")
    event["data"]["issue"]["metadata"] = {"title": "Slow DB Query"}
    event["data"]["issue"]["title"] = "Slow DB Query: SELECT * FROM invoices WHERE account_id = %s"
    item = sentry_event_to_feedback_item(event, "billing")
    assert item.title == "Slow DB Query: SELECT * FROM invoices WHERE account_id = %s"
    del event["data"]["issue"]["title"]
    assert sentry_event_to_feedback_item(event, "billing").title == "Sentry issue BILLING-API-2K"


def test_unicode_survives_the_ascii_escaped_body(sentry: Any, payload: Payload) -> None:
    event = payload("error_python")
    error = event["data"]["error"]
    error["exception"]["values"][0]["value"] = "Kontostand für „Zürich-Süd“ unzureichend 💳"
    error["tags"].append(["région", "Île-de-France"])
    error["culprit"] = "処理.請求 in 確定"
    body = sentry.signer.body(event)
    assert body.isascii()
    response = sentry.post(body, "error")
    assert response.status_code == 201, response.text
    item = sentry.client.item(response.json()["id"])
    assert item["title"] == "ValueError: Kontostand für „Zürich-Süd“ unzureichend 💳"
    assert item["tags"]["région"] == "Île-de-France"
    assert "Culprit: 処理.請求 in 確定" in item["body"]


def test_very_long_values_are_kept_but_the_title_is_bounded(sentry: Any, payload: Payload) -> None:
    event = payload("error_python")
    error = event["data"]["error"]
    long_value = "row " + "; ".join(f"invoice INV-{n:06d} rejected" for n in range(3000))
    error["exception"]["values"][0]["value"] = long_value
    error["tags"].append(["query", "x" * 10_000])
    frames = error["exception"]["values"][0]["stacktrace"]["frames"]
    error["exception"]["values"][0]["stacktrace"]["frames"] = frames * 100
    response = sentry.post(event, "error")
    assert response.status_code == 201, response.text
    item = sentry.client.item(response.json()["id"])
    assert len(item["title"]) == TITLE_MAX
    assert item["title"].startswith("ValueError: row invoice INV-000000 rejected")
    assert item["title"].endswith("…")
    assert long_value in item["body"]
    assert len(item["exceptions"][0]["frames"]) == 300
    assert len(item["tags"]["query"]) == 10_000


def test_an_overlong_issue_id_is_refused(sentry: Any, payload: Payload) -> None:
    event = payload("error_python")
    event["data"]["error"]["issue_id"] = "9" * 600
    response = sentry.post(event, "error")
    assert response.status_code == 400
    assert "data.error.issue_id" in response.json()["error"]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = body
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        key: Any = int(last) if last.isdigit() else last
        if value is _DELETE:
            del target[key]
        else:
            target[key] = value

    return change


_DELETE = object()
_FRAMES = "data.error.exception.values.0.stacktrace.frames"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (_set("data", _DELETE), "data: missing"),
        (_set("data", [1, 2]), "data: expected an object"),
        (_set("action", _DELETE), "action: missing"),
        (_set("action", 7), "action: expected a string"),
        (_set("data.error", "boom"), "data.error: expected an object"),
        (_set("data.error.exception", [1]), "data.error.exception: expected an object"),
        (_set("data.error.exception.values", {}), "data.error.exception.values: expected a list"),
        (_set(_FRAMES, "frames"), "stacktrace.frames: expected a list"),
        (_set(f"{_FRAMES}.1", "frame"), "stacktrace.frames[1]: expected an object"),
        (_set(f"{_FRAMES}.2.lineno", "67"), "stacktrace.frames[2].lineno: expected an integer"),
        (_set(f"{_FRAMES}.0.in_app", "yes"), "frames[0].in_app: expected true, false or null"),
        (_set("data.error.tags", "env:prod"), "data.error.tags: expected a list"),
        (_set("data.error.tags.3", ["level"]), "data.error.tags[3]: expected a [key, value] pair"),
        (_set("data.error.level", 40), "data.error.level: expected a string"),
        (_set("data.error.issue_id", True), "data.error.issue_id: expected a string or integer"),
        (_set("data.error.datetime", ["2024"]), "data.error.datetime: expected a string or number"),
    ],
)
def test_bad_payloads_are_400_naming_the_field(
    sentry: Any, payload: Payload, change: Callable[[dict[str, Any]], None], named: str
) -> None:
    event = payload("error_python")
    change(event)
    response = sentry.post(event, "error")
    assert response.status_code == 400, response.text
    assert named in response.json()["error"]
    letters = sentry.client.api.get(
        "/api/dead-letters", params={"project_id": sentry.client.project_id}
    )
    assert letters.status_code == 200
    assert named in letters.text


def test_an_event_without_any_id_is_refused(payload: Payload) -> None:
    event = payload("error_minimal")
    del event["data"]["error"]["event_id"]
    handler = SentryHandler()
    parsed = handler.parse(handler.sample_request(SentryHandler.Config()).body)
    assert handler.to_feedback_item(parsed, "billing").external_id == "issue:5921847301"
    with pytest.raises(BadPayload, match="neither issue_id nor event_id"):
        sentry_event_to_feedback_item(event, "billing")


def test_metric_alert_without_an_id_is_refused(payload: Payload) -> None:
    event = payload("metric_alert_critical")
    del event["data"]["metric_alert"]["id"]
    # The incident's identifier ties its updates together just as well.
    assert sentry_event_to_feedback_item(event, "shop").external_id == "metric_alert:412"
    del event["data"]["metric_alert"]["identifier"]
    with pytest.raises(BadPayload, match=r"data\.metric_alert\.id"):
        sentry_event_to_feedback_item(event, "shop")


def test_timestamps_in_both_sentry_forms(payload: Payload) -> None:
    zulu = payload("event_alert_javascript")
    offset = payload("error_python")
    assert sentry_event_to_feedback_item(zulu, "shop").created_at.isoformat() == (
        "2024-11-04T19:22:31.004000+00:00"
    )
    assert sentry_event_to_feedback_item(offset, "billing").created_at.isoformat() == (
        "2024-10-21T09:12:44.503000+00:00"
    )
    issue = sentry_event_to_feedback_item(payload("issue_resolved"), "billing")
    assert issue.first_seen is not None and issue.last_seen is not None
    assert issue.first_seen.isoformat() == "2024-10-21T08:14:52.331000+00:00"
    assert issue.last_seen.isoformat() == "2024-10-22T17:03:11.902000+00:00"
