"""Readable traces from Python, JavaScript (source-mapped), Java (chained) and Go frames."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soulcaster_sentry import extract_sentry_stacktrace, sentry_event_to_feedback_item

Payload = Callable[[str], dict[str, Any]]


def _frame_lines(trace: str) -> list[str]:
    return [line for line in trace.splitlines() if line[:2] in ("> ", "  ") and " in " in line]


def test_javascript_uses_the_source_mapped_frames(payload: Payload) -> None:
    event = payload("event_alert_javascript")
    trace = extract_sentry_stacktrace(event)
    assert _frame_lines(trace) == [
        "  ./node_modules/react-dom/cjs/react-dom.production.min.js:167:18 in renderWithHooks",
        "> ./src/pages/Checkout.tsx:58:11 in Checkout",
        "> ./src/components/CartSummary.tsx:23:37 in useCartSummary",
    ]
    assert "index-4f9a2c1b.js" not in trace
    assert trace.endswith("TypeError: Cannot read properties of undefined (reading 'price')")

    item = sentry_event_to_feedback_item(event, "shop")
    meta = item.metadata
    assert meta["source_mapped"] is True
    [raw] = meta["raw_exceptions"]
    assert [(f["filename"], f["lineno"], f["colno"], f["function"]) for f in raw["frames"]] == [
        ("/assets/vendor-1c77e0a5.js", 1, 91344, "Hs"),
        ("/assets/index-4f9a2c1b.js", 1, 48213, "Xa"),
        ("/assets/index-4f9a2c1b.js", 1, 47102, "n"),
    ]
    # The typed frames are the mapped ones: what grouping compares across releases.
    assert [(f.filename, f.function, f.in_app) for f in item.exceptions[0].frames] == [
        ("./node_modules/react-dom/cjs/react-dom.production.min.js", "renderWithHooks", False),
        ("./src/pages/Checkout.tsx", "Checkout", True),
        ("./src/components/CartSummary.tsx", "useCartSummary", True),
    ]


def test_unmapped_javascript_shows_what_the_browser_saw(payload: Payload) -> None:
    event = payload("event_alert_javascript")
    exception = event["data"]["event"]["exception"]["values"][0]
    exception["stacktrace"] = exception.pop("raw_stacktrace")
    trace = extract_sentry_stacktrace(event)
    assert "> /assets/index-4f9a2c1b.js:1:47102 in n" in trace.splitlines()
    meta = sentry_event_to_feedback_item(event, "shop").metadata
    assert meta["source_mapped"] is False
    assert "raw_exceptions" not in meta


def test_python_trace_is_not_source_mapped(payload: Payload) -> None:
    meta = sentry_event_to_feedback_item(payload("error_python"), "billing").metadata
    assert meta["source_mapped"] is False
    assert "raw_exceptions" not in meta


def test_java_chain_reads_cause_first(payload: Payload) -> None:
    event = payload("error_java_chained")
    trace = extract_sentry_stacktrace(event)
    cause, thrown = trace.split(
        "\n\nThe above exception was the direct cause of the following exception:\n\n"
    )
    assert cause.endswith("PSQLException: ERROR: canceling statement due to statement timeout")
    assert thrown.endswith("LedgerWriteException: could not post journal entry JE-2024-118842")
    # Java frames name the class in "module": the trace shows the qualified method.
    assert _frame_lines(thrown) == [
        "  Thread.java:1583 in java.lang.Thread.run",
        "> PostingWorker.java:77 in com.acme.ledger.worker.PostingWorker.drain",
        "> JournalService.java:214 in com.acme.ledger.JournalService.post",
    ]
    assert _frame_lines(cause)[-1] == (
        "  QueryExecutorImpl.java:2725 in "
        "org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse"
    )

    item = sentry_event_to_feedback_item(event, "ledger")
    assert item.title == "LedgerWriteException: could not post journal entry JE-2024-118842"
    assert [e.type for e in item.exceptions] == ["PSQLException", "LedgerWriteException"]
    # The typed frames keep class and method as Sentry sent them.
    innermost = item.exceptions[-1].frames[-1]
    assert (innermost.module, innermost.function) == ("com.acme.ledger.JournalService", "post")
    assert item.level == "fatal"


def test_go_panic_ends_in_the_runtime_frame(payload: Payload) -> None:
    event = payload("event_alert_go_panic")
    trace = extract_sentry_stacktrace(event)
    assert _frame_lines(trace) == [
        "  net/http/server.go:2092 in (*conn).serve",
        "  http/sentryhttp.go:119 in (*Handler).handle.func1",
        "> internal/router/router.go:64 in (*Router).ServeHTTP",
        "> internal/router/assign.go:31 in (*Router).assign",
        "  runtime/panic.go:115 in goPanicIndex",
    ]
    item = sentry_event_to_feedback_item(event, "fleet")
    assert item.title == "runtime.boundsError: runtime error: index out of range [3] with length 3"
    assert item.environment == "staging"


def test_a_message_with_a_crashed_thread_shows_its_stack(payload: Payload) -> None:
    event = payload("error_python")
    error = event["data"]["error"]
    frames = error.pop("exception")["values"][0]["stacktrace"]["frames"]
    error["logentry"] = {
        "message": "ledger drift of %s on account %s",
        "formatted": "ledger drift of 12.50 on account ACC-7731",
    }
    error["threads"] = {
        "values": [
            {"id": 1, "name": "MainThread", "current": False, "stacktrace": {"frames": frames[:1]}},
            {"id": 7, "name": "reconciler", "current": True, "stacktrace": {"frames": frames}},
        ]
    }
    trace = extract_sentry_stacktrace(event)
    assert trace.splitlines()[-1] == "ledger drift of 12.50 on account ACC-7731"
    assert _frame_lines(trace)[-1] == "> billing/invoices.py:67 in finalize_invoice"
    assert len(_frame_lines(trace)) == 3
    item = sentry_event_to_feedback_item(event, "billing")
    assert item.title == "ledger drift of 12.50 on account ACC-7731"


def test_webhooks_without_frames_have_no_trace(payload: Payload) -> None:
    assert extract_sentry_stacktrace(payload("issue_created")) == ""
    assert extract_sentry_stacktrace(payload("metric_alert_critical")) == ""
    minimal = extract_sentry_stacktrace(payload("error_minimal"))
    assert minimal == "TimeoutError: payment gateway did not answer in 30s"


def test_a_bare_sentry_event_is_read_too(payload: Payload) -> None:
    webhook = payload("error_java_chained")
    assert extract_sentry_stacktrace(webhook["data"]["error"]) == extract_sentry_stacktrace(webhook)


def test_an_overlong_context_line_is_cut(payload: Payload) -> None:
    event = payload("event_alert_javascript")
    frame = event["data"]["event"]["exception"]["values"][0]["stacktrace"]["frames"][-1]
    frame["context_line"] = "const a=" + "x" * 20_000
    trace = extract_sentry_stacktrace(event)
    assert max(len(line) for line in trace.splitlines()) < 300
    assert "const a=xxxx" in trace
