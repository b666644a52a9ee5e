"""The incident rule on items as the plugins make them: what links, what does not, what
closes an incident, and why each item is where it is."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from soulcaster_core.incidents.entities import entities_of
from soulcaster_core.incidents.model import Incident
from soulcaster_core.incidents.rule import ItemFacts, close_recovered, correlate
from soulcaster_core.incidents.signals import signal_kind
from soulcaster_core.models import FeedbackItem

from .items import at, item


def run(
    items: Sequence[FeedbackItem], found: dict[str, Incident] | None = None
) -> dict[str, Incident]:
    """Place ``items`` one batch at a time, as the worker does; the incidents by id."""
    incidents = dict(found or {})
    for one in items:
        changes = correlate(incidents, [ItemFacts.of(one)], project_id="acme")
        incidents.update({i.id: i for i in changes.incidents})
        for item_id, incident_id in changes.items:
            assert item_id == one.id
            one.incident_id = incident_id
    return incidents


def groups(items: Sequence[FeedbackItem]) -> list[set[str]]:
    by: dict[str | None, set[str]] = {}
    for one in items:
        by.setdefault(one.incident_id, set()).add(one.source + ":" + one.title)
    return sorted(by.values(), key=sorted)


def test_one_service_failing_across_tools_is_one_incident_and_a_neighbour_is_another() -> None:
    monitor = item(0, title="[P1] Triggered: error rate on checkout")
    sentry = item(2, source="sentry", title="Checkout failure rate", level="critical")
    splunk = item(3, source="splunk", title="[Splunk] checkout errors", level=None)
    error = item(4, source="sentry", title="KeyError: coupon", exception="KeyError", level=None)
    other = item(3, source="datadog", title="[P2] Triggered: search latency", service="search")
    incidents = run([monitor, sentry, splunk, other, error])
    assert len(incidents) == 2
    assert monitor.incident_id == sentry.incident_id == splunk.incident_id == error.incident_id
    assert other.incident_id not in (None, monitor.incident_id)


def test_each_link_says_which_entity_and_item_made_it_and_when() -> None:
    first = item(0, trace_id="abc123")
    by_trace = item(5, source="sentry", service="payments", trace_id="ABC123")
    by_service = item(9, source="splunk")
    incident = next(iter(run([first, by_trace, by_service]).values()))
    links = {link.item_id: link for link in incident.links}
    assert links[first.id].by == "opened"
    assert (links[by_trace.id].by, links[by_trace.id].value) == ("trace", "abc123")
    assert links[by_trace.id].with_item == first.id and links[by_trace.id].at == at(5)
    assert (links[by_service.id].by, links[by_service.id].value) == (
        "service",
        "checkout/production",
    )
    assert incident.entities["service"] == ["checkout", "payments"]
    assert incident.sources == ["datadog", "sentry", "splunk"]


def test_another_environment_is_another_incident_but_a_missing_one_is_not() -> None:
    prod = item(0)
    unknown = item(2, source="splunk", environment=None)
    staging = item(1, environment="staging", service="search")
    run([prod, staging, unknown])
    assert prod.incident_id != staging.incident_id
    assert unknown.incident_id == prod.incident_id
    later_staging = item(3, source="sentry", environment="staging")
    run([later_staging])
    assert later_staging.incident_id != prod.incident_id


def test_an_item_after_the_window_opens_a_new_incident() -> None:
    # One request's trace: what a lull of the service (``rule.LULL``) does not part.
    first, soon = item(0, trace_id="t1"), item(29, source="sentry", trace_id="t1")
    late = item(29 + 31, source="splunk", trace_id="t1")
    incidents = run([first, soon, late])
    assert first.incident_id == soon.incident_id != late.incident_id
    assert incidents[first.incident_id or ""].status == "closed"
    assert incidents[first.incident_id or ""].closed_by == "quiet"


def test_heartbeats_info_events_and_deploy_notices_join_nothing() -> None:
    alert = item(0)
    decoys = [
        item(1, title="Heartbeat from checkout", level="info"),
        item(2, source="splunk", title="[Splunk] checkout heartbeat", level=None),
        item(3, title="Deployed checkout 4.2.0", level=None),
        item(4, source="posthog", title="$pageview on https://shop/checkout", level=None),
    ]
    run([alert, *decoys])
    assert all(d.incident_id is None for d in decoys)
    assert [signal_kind(d) for d in decoys] == ["quiet"] * 4


def test_recovery_of_every_alert_closes_the_incident_and_a_later_alert_opens_another() -> None:
    one = item(0, status="triggered")
    two = item(1, source="sentry", title="Checkout failure rate", status="critical")
    incidents = run([one, two])
    incident = incidents[one.incident_id or ""]
    assert incident.firing == [one.id, two.id]
    half = close_recovered(incidents, [one.id], now=at(5)).incidents
    assert half[0].status == "open" and half[0].firing == [two.id]
    incidents = {i.id: i for i in half}
    closed = close_recovered(incidents, [two.id], now=at(6)).incidents[0]
    assert (closed.status, closed.closed_by, closed.closed_at) == ("closed", "recovered", at(6))
    again = item(7, source="splunk")
    run([again], {closed.id: closed})
    assert again.incident_id not in (None, closed.id)


def test_a_recovery_arriving_as_an_item_opens_nothing() -> None:
    recovered = item(0, status="recovered", level=None)
    assert run([recovered]) == {} and recovered.incident_id is None


def test_placing_a_batch_again_changes_nothing() -> None:
    one, two = item(0), item(1, source="sentry")
    incidents = run([one, two])
    replay = correlate(incidents, [ItemFacts.of(one), ItemFacts.of(two)], project_id="acme")
    assert not replay
    # Nor when the items were read before the incident step wrote (another worker's copy).
    one.incident_id = two.incident_id = None
    assert not correlate(incidents, [ItemFacts.of(one), ItemFacts.of(two)], project_id="acme")


def test_a_shared_cluster_links_but_not_across_services() -> None:
    one = item(0, service=None, environment=None, cluster_id="c1")
    same_bug = item(3, source="posthog", service=None, environment=None, cluster_id="c1")
    other_service = item(4, source="sentry", service="search", cluster_id="c1")
    run([one, same_bug])
    assert one.incident_id == same_bug.incident_id
    linked = item(0, cluster_id="c1")
    run([linked, other_service])
    assert other_service.incident_id != linked.incident_id


def test_a_late_item_of_the_minutes_before_still_joins() -> None:
    later, earlier = item(20), item(0, source="sentry")
    incidents = run([later, earlier])
    assert later.incident_id == earlier.incident_id
    assert incidents[later.incident_id or ""].first_seen == at(0)


def test_the_window_is_a_setting() -> None:
    one, two = item(0), item(10, source="sentry")
    found = correlate({}, [ItemFacts.of(one)], project_id="acme")
    incidents = {i.id: i for i in found.incidents}
    short = correlate(
        incidents, [ItemFacts.of(two)], project_id="acme", window=timedelta(minutes=5)
    )
    assert short.items[0][1] not in incidents


def test_entities_come_from_typed_fields_then_tags() -> None:
    tagged = item(
        0,
        service=None,
        environment=None,
        tags={
            "service": "Checkout_Service",
            "env": "prod",
            "server_name": "web-7f9c",
            "url": "https://shop.example/api/orders/98123?x=1",
            "user": "id:42",
            "trace_id": "T1",
        },
        release="4.2.0",
    )
    named = entities_of(tagged).named()
    assert named == {
        "service": "checkout",
        "environment": "production",
        "host": "web-7f9c",
        "release": "4.2.0",
        "endpoint": "api/orders",
        "trace": "t1",
        "user": "id:42",
    }


def test_the_same_bug_in_another_environment_is_that_environments_incident() -> None:
    prod = item(0, cluster_id="c1", service=None)
    staging = item(2, source="sentry", environment="staging", service=None, cluster_id="c1")
    run([prod, staging])
    assert prod.incident_id != staging.incident_id


def test_an_item_without_environment_is_productions_of_a_service_failing_in_two() -> None:
    # As for the minutes: staging is what a team names (session 13, third round).
    prod, staging = item(0), item(1, source="sentry", environment="staging")
    nowhere = item(3, source="splunk", environment=None)
    traced = item(4, source="splunk", environment=None, trace_id="t9")
    staging_traced = item(2, source="sentry", environment="staging", trace_id="t9")
    run([prod, staging, staging_traced, nowhere, traced])
    assert nowhere.incident_id == prod.incident_id != staging.incident_id
    assert traced.incident_id == staging.incident_id  # a trace still decides
