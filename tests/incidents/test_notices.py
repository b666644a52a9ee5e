"""Log rows that are notices, not failures: a Splunk row's line is kept as an error without a
type (what the row says), which alone does not make it an alert or an error."""

from __future__ import annotations

from soulcaster_core.incidents.signals import signal_kind
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo

from .items import item
from .test_rule import run


def _row(minutes: float, line: str, host: str) -> FeedbackItem:
    row = item(
        minutes,
        source="splunk",
        title="[Splunk] fleet - ecs events",
        level=None,
        service=None,
        environment=None,
        tags={"host": host},
    )
    row.exceptions = [ExceptionInfo(type=None, value=line)]
    return row


def test_a_deploy_or_scaling_row_joins_nothing_and_opens_nothing() -> None:
    failing = _row(0, "panic: assignment to entry in nil map", "fleet-prod")
    deployed = _row(
        2,
        "(service alerts) has started 3 tasks. Deployment ecs-svc/4471 COMPLETED for alerts:112",
        "fleet-prod",
    )
    scaled = _row(3, "Scaled up replica set policy-service-84f6d5c9b to 3", "ocp-master-01")
    clock = _row(4, "System clock wrong by 1.203114 seconds, adjustment started", "fleet-prod")
    broke = _row(5, "Deployment ecs-svc/4472 failed: tasks failed to start", "fleet-prod")
    run([failing, deployed, scaled, clock, broke])
    assert failing.incident_id is not None
    assert (deployed.incident_id, scaled.incident_id, clock.incident_id) == (None, None, None)
    # A notice that says something failed is a failure: it joins the host's incident.
    assert broke.incident_id == failing.incident_id
    assert [signal_kind(one) for one in (deployed, scaled, clock, broke)] == [
        "quiet",
        "quiet",
        "quiet",
        "signal",
    ]


def test_a_host_named_for_an_environment_places_no_row() -> None:
    # A CloudWatch forwarder names every row of the ECS cluster ``fleet-prod`` after it (the
    # Heroku add-on, the app): two services' failures there are two incidents.
    ingest = _row(0, "panic: assignment to entry in nil map", "fleet-prod")
    export = _row(10, "export EX-5512 failed: Read timeout on endpoint URL", "fleet-prod")
    # A machine's name with an environment in it (``ora-prd-01``) is one machine.
    disk = _row(20, "ORA-1653: unable to extend table CLAIMS.CLAIM_NOTES", "ora-prd-01")
    alert = item(
        29,
        title="[P2] [Triggered on {host:ora-prd-01}] tablespace full",
        service=None,
        status="triggered",
        tags={"host": "ora-prd-01"},
    )
    incidents = run([ingest, export, disk, alert])
    assert ingest.incident_id is not None and export.incident_id is not None
    assert ingest.incident_id != export.incident_id
    assert alert.incident_id == disk.incident_id
    assert disk.incident_id is not None
    link = incidents[disk.incident_id].links[-1]
    assert (link.by, link.value, link.with_item) == ("host", "ora-prd-01", disk.id)


def test_a_heroku_dyno_runs_its_process_type_as_a_pod_its_deployment() -> None:
    # Datadog's Heroku integration: a worker dyno's memory alert names the app and the dyno.
    memory = item(
        0,
        title="[P2] [Triggered on {app:shop-prod,dyno:worker.2}] Dyno memory above quota",
        service=None,
        status="triggered",
        tags={"app": "shop-prod", "dyno": "worker.2"},
    )
    quota = _row(1, "Error R14 (Memory quota exceeded)", "shop-prod")
    # The web dynos' timeouts a minute on are another failure, not the worker's memory.
    timeout = item(
        2, source="sentry", title="Rack::Timeout::RequestTimeoutException", service="rails"
    )
    router = _row(3, 'at=error code=H12 desc="Request timeout" host=app.shop.example', "shop-prod")
    incidents = run([memory, quota, timeout, router])
    assert memory.incident_id is not None and quota.incident_id == memory.incident_id
    incident = incidents[memory.incident_id]
    assert incident.entities["service"] == ["worker"]
    assert "worker.2" in incident.entities["peer"]
    assert incident.opened_by is None
    assert timeout.incident_id not in (None, memory.incident_id)
    assert router.incident_id not in (None, memory.incident_id)
