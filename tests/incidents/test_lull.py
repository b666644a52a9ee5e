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
