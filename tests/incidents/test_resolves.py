"""A resolve that its trigger's item did not take (a Sentry issue resolved, whose events came as
errors; a recovery keyed apart from its trigger) joins the incident holding its cluster, open
or just closed, within the window; it opens nothing and keeps the incident no longer open."""

from __future__ import annotations

from soulcaster_core.incidents.rule import close_recovered
from soulcaster_core.models import FeedbackItem

from .items import at, item
from .test_rule import run


def _resolved(minutes: float, cluster_id: str = "c-nil") -> FeedbackItem:
    return item(
        minutes,
        source="sentry",
        title="NoMethodError: undefined method `strftime' for nil",
        service="lessons",
        environment=None,
        status="resolved",
        cluster_id=cluster_id,
        external_id=f"issue-{minutes}",
    )


def test_an_issue_resolved_joins_the_incident_of_its_errors() -> None:
    error = item(0, source="sentry", title="NoMethodError", service="lessons", cluster_id="c-nil")
    alert = item(3, title="[P2] router 5xx", service="lessons", status="triggered")
    incidents = run([error, alert])
    assert error.incident_id is not None
    # The router's alert recovered: the incident closed; the issue is resolved a while on.
    changes = close_recovered(incidents, [alert.id], now=at(20))
    incidents.update({i.id: i for i in changes.incidents})
    assert incidents[error.incident_id].status == "closed"
    resolved = _resolved(25)
    later = item(40, source="sentry", title="KeyError: lesson", service="lessons")
    incidents = run([resolved, later], incidents)
    assert resolved.incident_id == error.incident_id
    incident = incidents[error.incident_id]
    link = incident.links[-1]
    assert (link.item_id, link.by, link.value, link.with_item) == (
        resolved.id,
        "cluster",
        "c-nil",
        error.id,
    )
    # Not opened again, nor kept going: a later error of the service is a failure of its own.
    assert (incident.status, incident.last_seen) == ("closed", at(3))
    assert later.incident_id not in (None, error.incident_id)


def test_a_resolve_of_nothing_held_opens_nothing() -> None:
    error = item(0, source="sentry", title="NoMethodError", service="lessons", cluster_id="c-nil")
    incidents = run([error])
    alone, late = _resolved(5, "c-other"), _resolved(80)
    run([alone, late], incidents)
    assert (alone.incident_id, late.incident_id) == (None, None)
