"""What each Sentry payload hands over as structure: frames, service, release, trace, links.

Fixtures follow the payloads of Sentry's webhook docs (issues, errors, issue alerts): an issue
without frames, a performance issue, an older issue alert that names its issue only in links,
and a Node error with a trace context and a service tag.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from soulcaster_core.stacktrace import Frame
from soulcaster_sentry import sentry_event_to_feedback_item
from soulcaster_sentry.culprit import culprit_frame

Payload = Callable[[str], dict[str, Any]]


def _frames(item: Any) -> list[tuple[str | None, str | None, str | None, bool | None]]:
    return [(f.module, f.filename, f.function, f.in_app) for f in item.exceptions[-1].frames]


@pytest.mark.parametrize(
    ("culprit", "frame"),
    [
        (
            "billing.invoices in finalize_invoice",
            Frame(module="billing.invoices", function="finalize_invoice"),
        ),
        (
            "com.acme.ledger.JournalService in post",
            Frame(module="com.acme.ledger.JournalService", function="post"),
        ),
        (
            "app/models/order.rb in block in total",
            Frame(filename="app/models/order.rb", function="block in total"),
        ),
        ("invoices.py in close", Frame(filename="invoices.py", function="close")),
        (
            "ProductList(src/ProductList.tsx)",
            Frame(filename="src/ProductList.tsx", function="ProductList"),
        ),
        (
            "Object.render(app/components/Cart)",
            Frame(filename="app/components/Cart", function="Object.render"),
        ),
        # Names no function: a transaction, or a frame Sentry could not name.
        ("/api/orders/{id}", None),
        ("POST /v1/charges", None),
        ("?(runner)", None),
        ("?(<anonymous>)", None),
        ("", None),
    ],
)
def test_culprit_forms(culprit: str, frame: Frame | None) -> None:
    found = culprit_frame(culprit)
    if frame is None:
        assert found is None
    else:
        assert found == frame.model_copy(update={"in_app": True})


def test_issue_metadata_gives_the_thrown_exception_and_its_crash_frame(payload: Payload) -> None:
    item = sentry_event_to_feedback_item(payload("issue_created"), "billing")

    [thrown] = item.exceptions
    assert thrown.headline() == "ValueError: invoice total must be positive, got -12.50"
    # metadata names the file and function, the culprit adds the module.
    assert _frames(item) == [("billing.invoices", "billing/invoices.py", "finalize_invoice", True)]
    assert (item.service, item.level) == ("billing-api", "error")
    # Issues carry no release, environment, tags or trace.
    assert (item.release, item.environment, item.trace_id, item.tags) == (None, None, None, {})


def test_an_issue_without_a_function_takes_its_frame_from_the_culprit(payload: Payload) -> None:
    item = sentry_event_to_feedback_item(payload("issue_created_javascript"), "shop")

    assert item.title == "TypeError: Cannot read properties of null (reading 'currency')"
    assert _frames(item) == [(None, "app/components/PriceTag", "renderPrice", True)]
    assert item.service == "storefront"
    # The docs' issue payload has neither web_url nor a permalink: no link is made up.
    assert item.links == {}


def test_a_crash_in_library_code_is_not_marked_in_app(payload: Payload) -> None:
    event = payload("issue_created_javascript")
    event["data"]["issue"]["metadata"]["in_app_frame_mix"] = "system-only"

    item = sentry_event_to_feedback_item(event, "shop")

    assert _frames(item) == [(None, "app/components/PriceTag", "renderPrice", False)]


def test_an_issue_whose_culprit_is_a_transaction_gets_no_frame(payload: Payload) -> None:
    event = payload("issue_created")
    event["data"]["issue"]["culprit"] = "/api/invoices/{invoice_id}/close"
    del event["data"]["issue"]["metadata"]["function"]

    item = sentry_event_to_feedback_item(event, "billing")

    [thrown] = item.exceptions
    assert thrown.type == "ValueError"
    assert thrown.frames == []


def test_a_performance_issue_is_no_exception(payload: Payload) -> None:
    item = sentry_event_to_feedback_item(payload("issue_created_performance"), "orders")

    assert item.title == "N+1 Query"
    assert 'SELECT "order_lines".*' in item.body
    assert item.exceptions == []
    assert (item.service, item.level) == ("orders-api", "info")
    assert item.links == {"issue": "https://kestrel-labs.sentry.io/issues/5830455102/"}


def test_an_error_hands_over_its_trace_release_environment_service_and_links(
    payload: Payload,
) -> None:
    item = sentry_event_to_feedback_item(payload("error_node_traced"), "payments")

    assert item.title == "LedgerConflictError: entry LE-88120 already posted"
    assert _frames(item) == [
        (
            "task_queues",
            "node:internal/process/task_queues",
            "process.processTicksAndRejections",
            False,
        ),
        ("routes:charges", "/srv/payments/dist/routes/charges.js", "createCharge", True),
        ("ledger:postEntry", "/srv/payments/dist/ledger/postEntry.js", "postEntry", True),
    ]
    innermost = item.exceptions[-1].frames[-1]
    assert (innermost.lineno, innermost.colno) == (34, 11)
    # release: null in the event, the tag has it; no environment field, the tag has it.
    assert item.release == "payments-api@5.2.0"
    assert item.environment == "production"
    assert item.service == "payments-api"
    assert item.trace_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert item.endpoint == "POST /v1/charges"  # the transaction: what an APM monitor names
    assert item.level == "error"
    assert item.links == {
        "sentry": "https://kestrel-labs.sentry.io/issues/5830502664/events/a61f4c0e9b2d47e3b8c5d1f0e2a3b4c5/",
        "issue": "https://kestrel-labs.sentry.io/issues/5830502664/",
    }
    assert item.tags["runtime"] == "node v20.18.1"
    assert "exceptions" not in item.metadata and "stack_trace" not in item.metadata


def test_the_host_is_not_the_service(payload: Payload) -> None:
    event = payload("error_node_traced")
    event["data"]["error"]["tags"] = [
        pair for pair in event["data"]["error"]["tags"] if pair[0] != "service"
    ]

    item = sentry_event_to_feedback_item(event, "payments")

    # server_name is the pod: a service's replicas would each be a service of their own.
    # Without a service tag, the service is the Sentry project its API address names.
    assert item.tags["server_name"] == "payments-api-5b8d7c9f6-l2wqz"
    assert item.service == "payments-api"
    event["data"]["error"]["url"] = None
    assert sentry_event_to_feedback_item(event, "payments").service is None


def test_an_event_without_frames_is_located_by_its_metadata(payload: Payload) -> None:
    event = payload("error_minimal")
    error = event["data"]["error"]
    error["metadata"] = {
        "type": "TimeoutError",
        "filename": "gateway/client.py",
        "function": "charge",
    }
    error["culprit"] = "gateway.client in charge"

    item = sentry_event_to_feedback_item(event, "billing")

    assert _frames(item) == [("gateway.client", "gateway/client.py", "charge", True)]
    # The body shows what Sentry sent: no trace was sent, none is drawn.
    assert "Traceback" not in item.body


def test_a_metric_alert_on_one_project_names_it_as_the_service(payload: Payload) -> None:
    item = sentry_event_to_feedback_item(payload("metric_alert_critical"), "shop")

    assert (item.service, item.environment, item.level) == ("storefront", "production", "critical")
    assert item.exceptions == []
    resolved = sentry_event_to_feedback_item(payload("metric_alert_resolved"), "shop")
    assert resolved.level is None  # a recovery is no severity


def test_links_that_are_not_http_are_dropped(payload: Payload) -> None:
    event = payload("error_node_traced")
    event["data"]["error"]["web_url"] = "javascript:alert(document.cookie)//issues/5830502664/"

    item = sentry_event_to_feedback_item(event, "payments")

    assert item.links == {}
    assert "javascript:" not in item.body


def test_an_older_issue_alert_is_tied_to_its_issue_by_its_links(payload: Payload) -> None:
    event = payload("event_alert_without_issue_id")
    assert "issue_id" not in event["data"]["event"]

    item = sentry_event_to_feedback_item(event, "shop")

    assert item.external_id == "issue:5830419227"
    assert item.metadata["issue_id"] == "5830419227"
    assert item.links["issue"] == "https://sentry.io/organizations/kestrel-labs/issues/5830419227/"

    # With no issue_url either, the web link still names the issue.
    del event["data"]["event"]["issue_url"]
    assert sentry_event_to_feedback_item(event, "shop").external_id == "issue:5830419227"
    # With neither, the event stands on its own.
    del event["data"]["event"]["web_url"]
    alone = sentry_event_to_feedback_item(event, "shop")
    assert alone.external_id == "event:3b9e0d7f21c84a6e9f5d1c0b8a7e6d54"


def test_an_older_issue_alert_joins_its_issues_item(sentry: Any, payload: Payload) -> None:
    issue = sentry.post(payload("issue_created_javascript"), "issue")
    assert issue.status_code == 201, issue.text

    alert = sentry.post(payload("event_alert_without_issue_id"), "event_alert")

    assert alert.status_code == 200, alert.text
    assert alert.json() == {"status": "duplicate", "id": issue.json()["id"]}
    [item] = sentry.items()
    assert item["occurrences"] == 2


def test_typed_fields_survive_the_store(sentry: Any, payload: Payload) -> None:
    response = sentry.post(payload("error_node_traced"), "error")
    assert response.status_code == 201, response.text

    item = sentry.client.item(response.json()["id"])

    assert item["service"] == "payments-api"
    assert item["trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert item["exceptions"][0]["frames"][-1]["function"] == "postEntry"
    assert item["links"]["issue"] == "https://kestrel-labs.sentry.io/issues/5830502664/"


def test_an_error_then_its_issue_keeps_the_trace_and_gains_the_short_id(
    sentry: Any, payload: Payload
) -> None:
    error = sentry.post(payload("error_python"), "error")
    assert error.status_code == 201, error.text
    sentry.post(payload("issue_created"), "issue")

    item = sentry.client.item(error.json()["id"])

    assert len(item["exceptions"][0]["frames"]) == 3
    assert item["body"].startswith("Traceback (most recent call last):")
    assert item["metadata"]["short_id"] == "BILLING-API-2K"
    assert (item["release"], item["service"]) == ("billing-api@3.8.1", "billing-api")


def test_an_issue_then_its_error_gives_the_item_the_errors_trace(
    sentry: Any, payload: Payload
) -> None:
    issue = sentry.post(payload("issue_created"), "issue")
    assert issue.status_code == 201, issue.text
    sentry.post(payload("error_python"), "error")

    item = sentry.client.item(issue.json()["id"])

    assert item["body"].startswith("Traceback (most recent call last):")
    assert len(item["exceptions"][0]["frames"]) == 3
    assert item["metadata"]["short_id"] == "BILLING-API-2K"


def test_the_transaction_is_the_endpoint_when_no_tag_names_it(payload: Payload) -> None:
    event = payload("error_node_traced")
    error = event["data"]["error"]
    error["tags"] = [pair for pair in error["tags"] if pair[0] != "transaction"]
    error["transaction"] = "POST /v1/refunds"
    assert sentry_event_to_feedback_item(event, "payments").endpoint == "POST /v1/refunds"


def test_an_events_sdk_and_lambda_function_are_handed_over(payload: Payload) -> None:
    event = payload("error_node_traced")
    error = event["data"]["error"]
    error["sdk"] = {"name": "sentry.java.android", "version": "7.18.0"}
    error["contexts"]["aws_lambda"] = {"function_name": "statement-generator"}

    item = sentry_event_to_feedback_item(event, "payments")

    # The SDK tells an Android app from a Java server; one project may hold many functions.
    assert item.metadata["sdk"] == "sentry.java.android"
    assert item.tags["function_name"] == "statement-generator"
