"""What a failure's items share when they name what they depend on in the words of their own
tool: the cluster's DNS, a CDN's or a checked endpoint's host name, a DynamoDB table or a Cloud
SQL instance, an ECS container; and the environment a cluster or a resource is named for."""

from __future__ import annotations

from soulcaster_core.incidents.entities import entities_of
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo

from .items import item
from .test_rule import run


def _error(minutes: float, service: str, kind: str, value: str) -> FeedbackItem:
    one = item(minutes, source="sentry", title=f"{kind}: {value}", service=service)
    one.exceptions = [ExceptionInfo(type=kind, value=value)]
    return one


def test_the_callers_of_a_failing_dns_join_its_alert() -> None:
    dns = item(
        0,
        title="[P1] [Triggered on {kube_namespace:kube-system}] CoreDNS SERVFAIL rate",
        service=None,
        tags={"kube_deployment": "coredns", "kube_namespace": "kube-system"},
        status="triggered",
    )
    python = _error(
        1, "payout-worker", "ConnectError", "[Errno -3] Temporary failure in name resolution"
    )
    node = _error(2, "notif", "Error", "getaddrinfo EAI_AGAIN smtp-relay.messaging.svc")
    bug = _error(3, "kyc", "KeyError", "'document_type'")
    incidents = run([dns, python, node, bug])
    assert python.incident_id == node.incident_id == dns.incident_id is not None
    assert bug.incident_id != dns.incident_id
    link = incidents[dns.incident_id].links[1]
    assert (link.item_id, link.by, link.value, link.at) == (
        python.id,
        "host",
        "dns",
        python.created_at,
    )


def test_a_service_named_by_its_host_name_is_that_host() -> None:
    cdn = item(
        0,
        title="[P1] [Triggered on {service:vod.example.tv}] CDN 5xx ratio high",
        service="vod.example.tv",
        status="triggered",
    )
    player = _error(
        1, "web-player", "HlsNetworkError", "HTTP 503 loading https://vod.example.tv/a.ts"
    )
    run([cdn, player])
    assert player.incident_id == cdn.incident_id is not None


def test_a_checked_endpoints_host_is_what_its_monitor_is_about() -> None:
    check = item(
        0,
        title="[P1] [Triggered on {url:https://billing.internal.example.io}] TLS certificate",
        service=None,
        tags={"url": "https://billing.internal.example.io"},
        status="triggered",
    )
    caller = _error(
        10, "orders-api", "SSLError", "HTTPSConnectionPool(host='billing.internal.example.io')"
    )
    incidents = run([check, caller])
    assert caller.incident_id == check.incident_id is not None
    link = incidents[check.incident_id].links[-1]
    assert (link.by, link.value) == ("host", "billing.internal.example.io")


def test_a_table_and_an_instance_are_hosts_and_name_their_environment() -> None:
    table = item(
        0,
        title="[P1] [Triggered on {tablename:orders-prod}] DynamoDB throttled",
        service=None,
        environment=None,
        tags={"tablename": "orders-prod"},
        status="triggered",
    )
    sql = item(
        0,
        title="[P1] Cloud SQL down",
        service=None,
        environment=None,
        tags={"database_id": "acme-prod:pg-01", "kube_cluster_name": "acme-staging"},
        status="triggered",
    )
    assert (entities_of(table).environment, entities_of(table).peers) == (
        "production",
        ("orders-prod",),
    )
    assert entities_of(sql).environment == "staging"
    assert set(entities_of(sql).peers) == {"acme-prod:pg-01"}


def test_an_ecs_container_names_its_service() -> None:
    memory = item(
        0,
        title="[P2] [Triggered on {ecs_container_name:inventory-svc}] Container memory",
        service=None,
        tags={"ecs_container_name": "inventory-svc", "ecs_cluster": "shop-prod"},
        status="triggered",
    )
    error = item(2, source="sentry", title="Error: heap out of memory", service="inventory")
    incidents = run([memory, error])
    assert error.incident_id == memory.incident_id is not None
    assert incidents[memory.incident_id].links[1].value == "inventory/production"
