"""A service that went quiet (nothing in, no alert of it firing) and fails again fails anew."""

from __future__ import annotations

from .items import item
from .test_rule import run


def test_a_service_failing_again_after_a_lull_is_a_new_incident() -> None:
    first = item(0, source="sentry", title="PermissionDenied: 403 publishing", service="classroom")
    again = item(1, source="sentry", title="PermissionDenied: 403 publishing", service="classroom")
    other = item(20, source="sentry", title="OperationalError: no slots", service="classroom")
    run([first, again, other])
    assert again.incident_id == first.incident_id is not None
    assert other.incident_id not in (None, first.incident_id)


def test_a_service_whose_alert_still_fires_is_still_failing() -> None:
    alert = item(0, title="[P2] classroom 5xx", service="classroom", status="triggered")
    error = item(20, source="sentry", title="OperationalError: no slots", service="classroom")
    incidents = run([alert, error])
    assert error.incident_id == alert.incident_id is not None
    assert incidents[alert.incident_id].links[-1].by == "service"


def test_a_service_quiet_for_minutes_fails_for_the_dependency_alerting_now() -> None:
    # One Rails app: its database pool ran dry, then, ten minutes on, the mail queue backs up
    # and its mailer times out: the queue's failure, not the pool's.
    pool = item(
        0, source="sentry", title="ConnectionTimeoutError", service="rails", cluster_id="c1"
    )
    queue = item(
        9,
        title="[P2] [Triggered on {queue:mailers}] Sidekiq queue latency high",
        service=None,
        tags={"queue": "mailers"},
        status="triggered",
    )
    mailer = item(10, source="sentry", title="Postmark::TimeoutError", service="rails")
    again = item(
        11, source="sentry", title="ConnectionTimeoutError", service="rails", cluster_id="c1"
    )
    incidents = run([pool, queue, mailer, again])
    assert queue.incident_id not in (None, pool.incident_id)
    assert mailer.incident_id == queue.incident_id
    link = incidents[queue.incident_id].links[1]  # type: ignore[index]
    assert (link.item_id, link.by, link.value, link.with_item) == (
        mailer.id,
        "near",
        "production",
        queue.id,
    )
    # The same bug again is the pool's.
    assert again.incident_id == pool.incident_id
