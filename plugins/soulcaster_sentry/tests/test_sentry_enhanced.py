"""The five behaviours the integrations design asks of the enhanced Sentry source."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soulcaster_sentry import extract_sentry_stacktrace, verify_sentry_signature

Payload = Callable[[str], dict[str, Any]]


def test_sentry_signature_verification(sentry: Any, sign: Any, payload: Payload) -> None:
    """Valid signature passes, invalid rejects with 401."""
    event = payload("error_python")
    body = sign.body(event)

    assert verify_sentry_signature(sign.request(body, "error"), sign.secret)
    assert not verify_sentry_signature(sign.request(body, "error", secret="wrong"), sign.secret)
    assert not verify_sentry_signature(sign.request(body, "error", secret=None), sign.secret)

    wrong_secret = sentry.post(body, "error", secret="not-the-client-secret")
    assert wrong_secret.status_code == 401, wrong_secret.text
    unsigned = sentry.post(body, "error", secret=None)
    assert unsigned.status_code == 401
    assert "Sentry-Hook-Signature" in unsigned.json()["error"]

    # A body changed after signing (here: another culprit) no longer matches its signature.
    headers = sign.headers(body, "error")
    event["data"]["error"]["culprit"] = "billing.invoices in void_invoice"
    tampered = sentry.client.post_webhook("sentry", sign.body(event), headers=headers)
    assert tampered.status_code == 401
    assert sentry.items() == []

    accepted = sentry.post(body, "error")
    assert accepted.status_code == 201, accepted.text
    assert [item["id"] for item in sentry.items()] == [accepted.json()["id"]]


def test_sentry_uses_issue_short_id_for_dedup(sentry: Any, payload: Payload) -> None:
    """Multiple events for same issue create one FeedbackItem."""
    # Sentry's short id (BILLING-API-2K) exists only on issue webhooks; error webhooks carry the
    # numeric issue id, so that is what ties the two together.
    created = sentry.post(payload("issue_created"), "issue")
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]

    for event_id in ("c4a1f0d2e3b84f6a9d7e5b2c1a0f9e8d", "d5b2a1e3f4c95a7b0e8f6c3d2b1a0f9e"):
        event = payload("error_python")
        event["data"]["error"]["event_id"] = event_id
        again = sentry.post(event, "error")
        assert again.status_code == 200, again.text
        assert again.json() == {"status": "duplicate", "id": item_id}

    other_issue = payload("error_python")
    other_issue["data"]["error"]["issue_id"] = "4417623999"
    assert sentry.post(other_issue, "error").status_code == 201

    items = {item["id"]: item for item in sentry.items()}
    assert len(items) == 2
    item = items[item_id]
    assert item["occurrences"] == 3
    assert item["metadata"]["short_id"] == "BILLING-API-2K"
    assert item["metadata"]["issue_id"] == "4417623905"
    assert item["title"] == "ValueError: invoice total must be positive, got -12.50"


def test_sentry_stack_trace_normalized(sentry: Any, payload: Payload) -> None:
    """Stack frames are extracted and formatted."""
    event = payload("error_python")
    trace = extract_sentry_stacktrace(event)
    lines = trace.splitlines()

    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "ValueError: invoice total must be positive, got -12.50"
    frame_lines = [line for line in lines if " in " in line and not line.startswith("      ")]
    # Oldest first, innermost last; only the application's own frames are marked.
    assert frame_lines == [
        "  flask/app.py:880 in dispatch_request",
        "> billing/api/routes.py:142 in close_invoice",
        "> billing/invoices.py:67 in finalize_invoice",
    ]
    assert '      raise ValueError(f"invoice total must be positive, got {total}")' in lines

    response = sentry.post(event, "error")
    assert response.status_code == 201, response.text
    item = sentry.client.item(response.json()["id"])
    assert item["body"].startswith(trace)
    frames = item["exceptions"][0]["frames"]
    assert [(f["filename"], f["lineno"], f["in_app"]) for f in frames] == [
        ("flask/app.py", 880, False),
        ("billing/api/routes.py", 142, True),
        ("billing/invoices.py", 67, True),
    ]


def test_sentry_environment_filter(sentry: Any, payload: Payload) -> None:
    """Only configured environments are ingested."""
    sentry.client.configure("sentry", environments=["production"])

    staging = sentry.post(payload("event_alert_go_panic"), "event_alert")
    assert staging.status_code == 200, staging.text
    assert staging.json()["status"] == "ignored"
    assert "'staging'" in staging.json()["reason"]

    nameless = payload("error_minimal")
    ignored = sentry.post(nameless, "error").json()
    assert ignored["status"] == "ignored"
    assert "no environment" in ignored["reason"]

    assert sentry.post(payload("error_python"), "error").status_code == 201
    # Issues span environments and Sentry sends none with them: they are not held back.
    assert sentry.post(payload("issue_created"), "issue").status_code == 200

    sentry.client.configure("sentry", environments=["Staging", "production"])
    assert sentry.post(payload("event_alert_go_panic"), "event_alert").status_code == 201

    titles = sorted(item["title"] for item in sentry.items())
    assert titles == [
        "ValueError: invoice total must be positive, got -12.50",
        "runtime.boundsError: runtime error: index out of range [3] with length 3",
    ]


def test_sentry_level_filter(sentry: Any, payload: Payload) -> None:
    """Only configured levels (error/fatal) are ingested."""
    warning = payload("error_python")
    warning["data"]["error"]["level"] = "warning"
    warning["data"]["error"]["issue_id"] = "4417620001"
    answer = sentry.post(warning, "error").json()
    assert answer["status"] == "ignored"
    assert "'warning'" in answer["reason"]

    info_issue = payload("issue_created")
    info_issue["data"]["issue"]["level"] = "info"
    assert sentry.post(info_issue, "issue").json()["status"] == "ignored"

    fatal = sentry.post(payload("error_java_chained"), "error")
    assert fatal.status_code == 201, fatal.text
    # Sentry stores an event sent without a level as an error; so does the filter.
    levelless = payload("error_python")
    del levelless["data"]["error"]["level"]
    assert sentry.post(levelless, "error").status_code == 201

    sentry.client.configure("sentry", levels=["Warning"])
    assert sentry.post(warning, "error").status_code == 201
    not_fatal = payload("error_java_chained")
    not_fatal["data"]["error"]["issue_id"] = "6003918999"
    assert sentry.post(not_fatal, "error").json()["status"] == "ignored"

    levels = sorted(item["level"] for item in sentry.items())
    assert levels == ["error", "fatal", "warning"]
