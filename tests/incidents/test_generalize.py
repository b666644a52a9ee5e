"""What real senders do that the rule reads: services named by what runs them, a stats row's
failure words, the alert's priority, environments kept apart through items that name none.
Each on items as the plugins make them, asserting which items end up in one incident."""

from __future__ import annotations

from soulcaster_core.incidents.entities import entities_of, pod_workload
from soulcaster_core.incidents.signals import signal_kind
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo

from .items import item
from .test_rule import run


def test_a_kubernetes_workload_or_its_pod_names_the_service() -> None:
    monitor = item(
        0,
        title="[P2] [Triggered on {kube_deployment:checkout}] Pods restarting",
        service=None,
        tags={"kube_deployment": "checkout", "kube_namespace": "shop"},
    )
    row = item(
        1,
        source="splunk",
        title="WORKER TIMEOUT (pid:87)",
        level="critical",
        service=None,
        environment=None,
        tags={"host": "prd-k8s-node-02", "pod": "checkout-7c9f6d5b8-x2lqp"},
    )
    error = item(2, source="sentry", title="MemoryError", exception="MemoryError")
    other = item(1, title="[P2] search errors", service=None, tags={"kube_deployment": "search"})
    run([monitor, row, error, other])
    assert monitor.incident_id == row.incident_id == error.incident_id
    assert other.incident_id not in (None, monitor.incident_id)
    assert entities_of(row).service == "checkout"


def test_a_node_is_not_a_workload() -> None:
    assert pod_workload("checkout-7c9f6d5b8-x2lqp") == "checkout"
    assert pod_workload("billing-svc-78fd4-tt5xq") == "billing-svc"
    assert pod_workload("prd-k8s-node-02") is None
    assert pod_workload("cache-02") is None
    row = item(0, source="splunk", service=None, tags={"host": "prd-k8s-node-02"})
    assert entities_of(row).service is None


def test_a_stats_row_counting_5xx_is_an_alert() -> None:
    monitor = item(0)
    stats = item(
        3,
        source="splunk",
        title="[Splunk] prod - 5xx by service (5m)",
        level=None,
        environment=None,
    )
    assert signal_kind(stats) == "signal"
    run([monitor, stats])
    assert stats.incident_id == monitor.incident_id


def test_low_priority_monitors_join_nothing() -> None:
    alert = item(0)
    notices = [
        item(1, title="[P5] [Triggered] Deploy notice"),
        item(2, title="[P4] [Triggered on {http.status_code:422}] checkout 4xx spike"),
    ]
    notices[0].metadata["alert_priority"] = "P5"
    notices[1].metadata["alert_priority"] = "P4"
    incidents = run([alert, *notices])
    assert [n.incident_id for n in notices] == [None, None]
    high = item(3, title="[P2] [Triggered] checkout error rate")
    high.metadata["alert_priority"] = "P2"
    run([high], incidents)
    assert high.incident_id == alert.incident_id


def test_staging_does_not_join_production_through_an_item_without_environment() -> None:
    prod = item(0)
    row = item(2, source="splunk", title="[Splunk] checkout errors", environment=None)
    staging = item(5, source="sentry", title="ProgrammingError", environment="staging")
    run([prod, row, staging])
    assert row.incident_id == prod.incident_id
    assert staging.incident_id not in (None, prod.incident_id)


def _error(minutes: float, service: str, value: str, **fields: object) -> FeedbackItem:
    one = item(
        minutes, source="sentry", title=f"ConnectionError: {value}", service=service, **fields
    )
    one.exceptions = [ExceptionInfo(type="ConnectionError", value=value)]
    return one


def test_an_alert_on_a_host_takes_the_errors_of_the_services_that_cannot_reach_it() -> None:
    database = item(
        0,
        title="[P2] [Triggered on {host:pg-main-01}] Postgres connections near max",
        service=None,
        tags={"host": "pg-main-01", "db": "pg-main"},
    )
    cache = item(
        1,
        title="[P2] [Triggered on {host:cache-02,redis_host:10.20.6.8}] Redis can connect",
        service=None,
        tags={"host": "cache-02", "redis_host": "10.20.6.8"},
    )
    api = _error(2, "dispatch", 'connection to server at "pg-main.internal", port 5432 failed')
    worker = _error(3, "rates", "dial tcp 10.20.6.8:6379: connect: connection refused")
    web = _error(4, "labels", "Error 111 connecting to cache-02.internal:6379. Refused.")
    run([database, cache, api, worker, web])
    assert api.incident_id == database.incident_id
    assert worker.incident_id == web.incident_id == cache.incident_id != database.incident_id


def test_a_host_link_says_the_host() -> None:
    database = item(
        0, title="[P2] Postgres down", service=None, tags={"host": "pg-main-01", "db": "pg-main"}
    )
    api = _error(2, "dispatch", 'connection to server at "pg-main.internal" failed')
    incident = next(iter(run([database, api]).values()))
    link = incident.links[-1]
    assert (link.by, link.value, link.with_item) == ("host", "pg-main", database.id)
    assert "pg-main" in incident.entities["peer"]


def test_a_word_after_connect_to_is_not_a_host() -> None:
    first = _error(0, "payments", "could not connect to server: Connection timed out")
    other = _error(3, "search", "could not connect to server: Connection timed out")
    assert entities_of(first).peers == ()
    run([first, other])
    assert first.incident_id != other.incident_id


def test_a_host_an_item_of_staging_names_does_not_pull_it_into_production() -> None:
    database = item(
        0, title="[P2] Postgres down", service=None, tags={"host": "pg-main-01", "db": "pg-main"}
    )
    staging = _error(
        2, "dispatch", 'connection to server at "pg-main.internal" failed', environment="staging"
    )
    run([database, staging])
    assert staging.incident_id != database.incident_id


def test_the_pod_of_an_error_of_a_named_service_is_no_host_to_link_by() -> None:
    error = item(
        0, source="sentry", service="dispatch", tags={"server_name": "dispatch-6d8f-7tw4c"}
    )
    assert entities_of(error).peers == ()
    alert = item(0, service="edi", tags={"host": "prd-edge-01"}, status="triggered")
    row = item(
        2,
        source="splunk",
        title="SSL_do_handshake() failed",
        service=None,
        tags={"host": "prd-edge-01"},
    )
    assert entities_of(alert).peers == entities_of(row).peers == ("prd-edge-01",)
    run([alert, row])
    assert row.incident_id == alert.incident_id
