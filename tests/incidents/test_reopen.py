"""An alert on a host or a dependency (a queue, a topic, a node) that fires again after its
incident closed, within ``rule.REOPEN``, is the same failure come back: its incident opens
again. A service's error rate firing again may be any new failure: it opens a new one."""

from __future__ import annotations

from soulcaster_core.incidents.model import Incident
from soulcaster_core.incidents.rule import close_recovered
from soulcaster_core.models import FeedbackItem

from .items import at, item
from .test_rule import run


def _queue_alert(minutes: float, cluster_id: str = "c-queue") -> FeedbackItem:
    return item(
        minutes,
        title="[P2] [Triggered on {queue:webhooks.outbound}] RabbitMQ queue backing up",
        service=None,
        tags={"queue": "webhooks.outbound"},
        status="triggered",
        cluster_id=cluster_id,
    )


def _recover(incidents: dict[str, Incident], alert: FeedbackItem, minutes: float) -> None:
    changes = close_recovered(incidents, [alert.id], now=at(minutes))
    incidents.update({i.id: i for i in changes.incidents})
    assert incidents[alert.incident_id].status == "closed"  # type: ignore[index]


def test_a_dependencys_alert_firing_again_opens_its_incident_again() -> None:
    first = _queue_alert(0)
    incidents = run([first])
    _recover(incidents, first, 15)
    again = _queue_alert(47)
    incidents = run([again], incidents)
    assert again.incident_id == first.incident_id is not None
    incident = incidents[first.incident_id]
    assert (incident.status, incident.closed_by, incident.firing) == ("open", None, [again.id])
    link = incident.links[-1]
    assert (link.item_id, link.by, link.value, link.with_item, link.at) == (
        again.id,
        "cluster",
        "c-queue",
        first.id,
        again.created_at,
    )
    assert [(e.action, e.detail["item_id"]) for e in incident.history] == [("reopened", again.id)]


def test_an_alert_firing_again_long_after_opens_a_new_incident() -> None:
    first = _queue_alert(0)
    incidents = run([first])
    _recover(incidents, first, 15)
    later = _queue_alert(200)
    run([later], incidents)
    assert later.incident_id != first.incident_id


def test_a_services_error_rate_firing_again_is_a_new_failure() -> None:
    first = item(0, title="[P1] Error rate above 5% on loyalty", status="triggered", cluster_id="c")
    incidents = run([first])
    _recover(incidents, first, 15)
    again = item(
        75, title="[P1] Error rate above 5% on loyalty", status="triggered", cluster_id="c"
    )
    run([again], incidents)
    assert again.incident_id != first.incident_id


def test_an_alert_naming_no_service_firing_again_opens_its_incident_again() -> None:
    # Game servers of a fleet OOM-killed, an hour apart: the leak came back.
    def oom(minutes: float) -> FeedbackItem:
        return item(
            minutes,
            title="[P2] [Triggered on {agones_fleet:arena-eu}] Game servers OOMKilled",
            service=None,
            tags={"agones_fleet": "arena-eu", "kube_namespace": "gameservers"},
            status="triggered",
            cluster_id="c-oom",
        )

    first = oom(0)
    incidents = run([first])
    _recover(incidents, first, 20)
    again = oom(60)
    disconnect = item(
        61, source="posthog", title="ConnectionLostException: timed out", service=None
    )
    incidents = run([again, disconnect], incidents)
    assert again.incident_id == disconnect.incident_id == first.incident_id is not None
    incident = incidents[first.incident_id]
    assert incident.status == "open"
    assert (incident.links[1].by, incident.links[1].value) == ("cluster", "c-oom")
