"""An alert or error that names no service (a front end's error naming no backend, a monitor
on a load balancer or a queue) joins the one incident of its environment that took an item in
the same minutes; and what the rule reads as noise. Items as the plugins make them."""

from __future__ import annotations

from soulcaster_core.incidents.signals import signal_kind

from .items import item
from .test_rule import run


def test_a_front_end_error_of_the_same_minutes_joins_the_failing_backend() -> None:
    backend = item(0, source="sentry", title="OperationalError", service="bookings")
    front = item(2, source="posthog", title="Error: 502", service=None, exception="Error")
    later = item(20, source="posthog", title="Error: 502", service=None, exception="Error")
    incidents = run([backend, front, later])
    assert front.incident_id == backend.incident_id
    assert later.incident_id not in (None, backend.incident_id)
    assert backend.incident_id is not None
    link = incidents[backend.incident_id].links[-1]
    assert (link.item_id, link.by, link.value, link.with_item, link.at) == (
        front.id,
        "near",
        "production",
        backend.id,
        front.created_at,
    )


def test_a_monitor_naming_no_service_opens_what_a_service_then_joins() -> None:
    gateway = item(
        0,
        title="[P2] [Triggered on {apiid:q7w2e9r4t1}] WebSocket API 5xx",
        service=None,
        tags={"apiid": "q7w2e9r4t1"},
        status="triggered",
    )
    error = item(1, source="sentry", title="TypeError: handler failed", service="chat")
    run([gateway, error])
    assert error.incident_id == gateway.incident_id


def test_the_minutes_decide_nothing_between_two_failures_or_two_services() -> None:
    payments = item(0, source="sentry", title="APIConnectionError", service="payments")
    search = item(1, title="[P2] search latency", service="search")
    front = item(2, source="posthog", title="Error: 502", service=None, exception="Error")
    staging = item(2, source="posthog", title="Error: 502", service=None, environment="staging")
    run([payments, search, front, staging])
    assert search.incident_id != payments.incident_id
    assert front.incident_id not in (payments.incident_id, search.incident_id)
    assert staging.incident_id not in (payments.incident_id, search.incident_id)


def test_a_priority_in_the_title_and_browser_noise_join_nothing() -> None:
    backend = item(0, source="sentry", title="OperationalError", service="bookings")
    low = item(
        1,
        title="[P4] [Triggered on {apiname:public}] API Gateway 4xx",
        service=None,
        status="triggered",
    )
    noise = item(1, source="posthog", title="Error: Script error.", service=None, level="error")
    resize = item(
        1,
        source="posthog",
        title="Error: ResizeObserver loop completed with undelivered notifications.",
        service=None,
        level="error",
    )
    run([backend, low, noise, resize])
    assert [signal_kind(one) for one in (low, noise, resize)] == ["quiet"] * 3
    assert low.incident_id is noise.incident_id is resize.incident_id is None
