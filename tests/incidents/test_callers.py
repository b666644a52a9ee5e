"""What an outsider's failures taught (session 13, third round): a caller names the service that
failed its call (by the host it called or in its words), a database server in SQL Server's or
MySQL's words, the cluster's DNS server in Go's; a queue by Azure's dimension; a mobile app by
its SDK; and what an error's host or node says no more than its service does."""

from __future__ import annotations

from soulcaster_core.incidents.entities import entities_of
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo

from .items import item
from .test_rule import run


def _error(
    minutes: float, service: str | None, kind: str, value: str, **fields: object
) -> FeedbackItem:
    one = item(minutes, source="sentry", title=f"{kind}: {value}", service=service, **fields)  # type: ignore[arg-type]
    one.exceptions = [ExceptionInfo(type=kind, value=value)]
    return one


def _monitor(minutes: float, title: str, tags: dict[str, str], **fields: object) -> FeedbackItem:
    return item(minutes, title=title, service=None, tags=tags, status="triggered", **fields)  # type: ignore[arg-type]


def test_a_caller_joins_the_service_its_error_names_as_failing_it() -> None:
    payments = item(0, title="[P2] error rate on payments-api", service="payments-api")
    bff = _error(
        1.5, "mobile-bff", "UpstreamError", "payments-api responded 503 for POST /v2/transfers"
    )
    incidents = run([payments, bff])
    assert bff.incident_id == payments.incident_id is not None
    link = incidents[payments.incident_id].links[1]
    assert (link.item_id, link.by, link.value, link.with_item, link.at) == (
        bff.id,
        "calls",
        "payments-api",
        payments.id,
        bff.created_at,
    )


def test_a_caller_names_the_service_by_its_kubernetes_or_cloud_run_host() -> None:
    pricing = item(0, title="[P2] memory on pricing-svc", service="pricing-svc")
    orders = _error(
        2,
        "orders-api",
        "HTTPError",
        "Response code 503 (Service Unavailable) from "
        "https://pricing-svc-6ozq3pjv4a-ew.a.run.app/v1/quote",
    )
    loyalty = item(20, title="[P2] restarts of loyalty-svc", service="loyalty-svc")
    checkout = _error(
        21,
        "checkout-api",
        "HttpRequestException",
        "Connection refused (loyalty-svc.retail.svc.cluster.local:80)",
    )
    run([pricing, orders, loyalty, checkout])
    assert orders.incident_id == pricing.incident_id is not None
    assert checkout.incident_id == loyalty.incident_id is not None
    assert loyalty.incident_id != pricing.incident_id


def test_a_caller_does_not_join_what_its_error_does_not_say_failed() -> None:
    payments = item(0, title="[P2] error rate on payments-api", service="payments-api")
    bff = _error(1.5, "mobile-bff", "ValidationError", "payments-api sent an unknown currency")
    staging = _error(
        2,
        "mobile-bff",
        "UpstreamError",
        "payments-api responded 503 for POST /v2/transfers",
        environment="staging",
    )
    run([payments, bff, staging])
    assert bff.incident_id != payments.incident_id
    assert staging.incident_id != payments.incident_id


def test_a_database_server_named_in_sql_servers_words_is_a_host() -> None:
    database = _monitor(
        0, "[P1] Azure SQL connections failing", {"server_name": "gfs-sql-weu", "name": "retail"}
    )
    inventory = _error(
        0.5,
        "inventory",
        "SqlException",
        "Database 'retail' on server 'gfs-sql-weu' is not currently available.",
    )
    checkout = _error(
        1,
        "checkout-api",
        "SqlException",
        "Database 'retail' on server 'gfs-sql-weu' is not currently available.",
    )
    incidents = run([database, inventory, checkout])
    assert inventory.incident_id == checkout.incident_id == database.incident_id is not None
    link = incidents[database.incident_id].links[2]
    assert (link.by, link.value) == ("host", "gfs-sql-weu")
    assert (
        "db-2"
        in entities_of(
            _error(
                0, "web", "OperationalError", "(2003, \"Can't connect to MySQL server on 'db-2'\")"
            )
        ).peers
    )


def test_gos_resolver_timing_out_on_the_dns_server_is_the_dns() -> None:
    dns = _monitor(0, "[P1] CoreDNS SERVFAIL", {"kube_deployment": "coredns"})
    cards = _error(
        0.5,
        "cards-api",
        "*net.OpError",
        "dial tcp: lookup accounts-api.bank-prod.svc.cluster.local on 172.20.0.10:53: "
        "read udp 10.1.4.22:41822->172.20.0.10:53: i/o timeout",
    )
    incidents = run([dns, cards])
    assert cards.incident_id == dns.incident_id is not None
    assert incidents[dns.incident_id].links[1].value == "dns"


def test_two_service_bus_queues_failing_at_once_are_two_incidents() -> None:
    orders = _monitor(
        0, "[P2] store-orders active messages", {"entity_name": "store-orders", "name": "sb-prod"}
    )
    returns = _monitor(
        2, "[P3] returns active messages", {"entity_name": "returns", "name": "sb-prod"}
    )
    sync = _error(
        3, "order-sync", "ServiceBusException", "lock lost", tags={"queue": "store-orders"}
    )
    run([orders, returns, sync])
    assert returns.incident_id != orders.incident_id
    assert sync.incident_id == orders.incident_id is not None


def test_an_errors_host_says_no_more_than_its_service() -> None:
    # A host monitor and the billing error of its minutes; then, past those minutes, another
    # failure of a service on the same host: a Sentry error's empty ``status`` makes no alert
    # of it, and a pod's log row is placed by its pod's service, not by the node every pod
    # shares.
    cpu = _monitor(0, "[P3] CPU high on web-01", {"host": "web-01"})
    billing = _error(1, "billing", "TimeoutError", "charge timed out")
    rails = _error(
        7, "rails", "CommandError", "OOM command not allowed", tags={"server_name": "web-01"}
    )
    rails.metadata["status"] = None
    gateway = item(
        20,
        source="splunk",
        title="InvalidOperationException: section not found",
        service=None,
        tags={"host": "aks-node-7", "pod": "pos-gateway-eb4796bab-2nv8c"},
    )
    other = item(
        21,
        source="splunk",
        title="FileNotFoundException: no tls.crt",
        service=None,
        environment="staging",
        tags={"host": "aks-node-7", "pod": "pos-gateway-c9d5ed7d5-gslvx"},
    )
    run([cpu, billing, rails, gateway, other])
    assert billing.incident_id == cpu.incident_id is not None
    assert rails.incident_id != cpu.incident_id
    assert other.incident_id != gateway.incident_id


def test_a_mobile_apps_failed_request_follows_the_backend_of_its_minutes() -> None:
    cards = item(0, title="[P2] 5xx rate of cards-api", service="cards-api")
    android = _error(0.5, "android-app", "retrofit2.HttpException", "HTTP 502 ")
    android.metadata.update(platform="java", sdk="sentry.java.android")
    ios = _error(1, "ios-app", "NSURLErrorDomain", 'Code=-1005 "The network connection was lost."')
    ios.metadata.update(platform="cocoa", sdk="sentry.cocoa")
    incidents = run([cards, android, ios])
    assert android.incident_id == ios.incident_id == cards.incident_id is not None
    assert [link.by for link in incidents[cards.incident_id].links] == ["opened", "near", "near"]


def test_every_caller_of_a_failing_dependency_joins_its_alert_in_its_minutes() -> None:
    aurora = _monitor(
        0,
        "[P1] Aurora failover on bramblewick-aurora-prod",
        {"dbclusteridentifier": "bramblewick-aurora-prod"},
    )
    payments = _error(0.7, "payments-api", "PSQLException", "An I/O error occurred")
    accounts = _error(
        0.8, "accounts-api", "PSQLException", "cannot execute UPDATE in a read-only transaction"
    )
    incidents = run([aurora, payments, accounts])
    assert payments.incident_id == accounts.incident_id == aurora.incident_id is not None
    incident = incidents[aurora.incident_id]
    assert incident.opened_by == "dependency"
    link = incident.links[2]
    assert (link.item_id, link.by, link.value, link.at) == (
        accounts.id,
        "near",
        "production",
        accounts.created_at,
    )


def test_a_services_failure_takes_no_other_service_by_its_minutes() -> None:
    monitor = item(0, title="[P2] error rate on payments-api", service="payments-api")
    payments = _error(0.5, "payments-api", "TimeoutError", "charge timed out")
    accounts = _error(1, "accounts-api", "KeyError", "'owner'")
    incidents = run([monitor, payments, accounts])
    assert payments.incident_id == monitor.incident_id is not None
    assert accounts.incident_id != monitor.incident_id
    assert incidents[monitor.incident_id].opened_by is None


def test_a_caller_failing_anew_after_a_lull_leaves_its_dependencys_incident() -> None:
    # The database's alert still fires; it is the database's, not the caller's: the caller's
    # next failure, after a lull, is a failure of its own.
    database = _monitor(0, "[P1] RDS connections maxed", {"dbinstanceidentifier": "ub-prod"})
    payments = _error(1, "ub-payments", "OperationalError", "too many connections")
    stripe = _error(22, "ub-payments", "APIConnectionError", "Stripe timed out")
    run([database, payments, stripe])
    assert payments.incident_id == database.incident_id is not None
    assert stripe.incident_id != database.incident_id


def test_a_pods_namespace_names_its_environment() -> None:
    gateway = item(0, title="[P1] pos-gateway replicas unavailable", service="pos-gateway")
    staging = item(
        1,
        source="splunk",
        title="FileNotFoundException: no tls.pfx",
        service=None,
        environment=None,
        tags={"pod": "pos-gateway-c9d5ed7d5-gslvx", "namespace": "retail-stg"},
    )
    assert entities_of(staging).environment == "staging"
    run([gateway, staging])
    assert staging.incident_id != gateway.incident_id


def test_an_item_naming_no_environment_is_productions_when_its_service_fails_in_two() -> None:
    production = item(0, title="[P1] 5xx of pos-gateway", service="pos-gateway")
    staging = item(1, title="[P2] 5xx of pos-gateway", service="pos-gateway", environment="staging")
    stats = item(
        3, source="splunk", title="[Splunk] 5xx by service", service="pos-gateway", environment=None
    )
    incidents = run([production, staging, stats])
    assert staging.incident_id != production.incident_id
    assert stats.incident_id == production.incident_id is not None
    link = incidents[production.incident_id].links[-1]
    assert (link.item_id, link.by, link.value) == (stats.id, "service", "pos-gateway")


def test_a_dependency_failing_now_takes_a_service_whose_incident_only_its_alert_holds() -> None:
    # The web's bad deploy: its alert still fires, nothing else came for 25 minutes; then
    # Redis runs out of memory, and the web's next error is Redis's failure, not the deploy's.
    deploy = _error(0, "web", "NoMethodError", "undefined method `name' for nil")
    web_alert = item(1, title="[P2] High error rate on web", service="web", status="triggered")
    redis = _monitor(28, "[P2] Redis used memory near maxmemory", {"host": "redis-01"})
    oom = _error(28.5, "web", "CommandError", "OOM command not allowed when used memory")
    incidents = run([deploy, web_alert, redis, oom])
    assert web_alert.incident_id == deploy.incident_id is not None
    assert oom.incident_id == redis.incident_id != deploy.incident_id
    assert incidents[redis.incident_id].links[-1].by == "near"


def test_a_service_whose_alert_still_fires_keeps_its_error_after_a_lull() -> None:
    deploy = _error(0, "web", "NoMethodError", "undefined method `name' for nil")
    web_alert = item(1, title="[P2] High error rate on web", service="web", status="triggered")
    late = _error(25, "web", "NoMethodError", "undefined method `title' for nil")
    run([deploy, web_alert, late])
    assert late.incident_id == deploy.incident_id is not None


def test_the_log_rows_of_the_hosts_around_a_failing_dependency_join_it() -> None:
    primary = _monitor(0, "[P1] PostgreSQL primary not accepting connections", {"host": "pg-1"})
    replica = item(
        0.7,
        source="splunk",
        title="[Splunk] Syslog - postgres FATAL/PANIC",
        level=None,
        service=None,
        environment=None,
        tags={"host": "pg-replica-1"},
    )
    cache = _monitor(1.5, "[P2] Redis used memory near maxmemory", {"host": "redis-1"})
    incidents = run([primary, replica, cache])
    assert replica.incident_id == primary.incident_id is not None
    assert incidents[primary.incident_id].links[1].by == "near"
    # Another host's alert of the same minutes is another failure.
    assert cache.incident_id != primary.incident_id


def test_kubernetes_warning_events_are_failures_that_join_their_incident() -> None:
    # Forwarded as log rows with no level: a container killed for its memory, a Job out of
    # retries. Each joins the failure of its minutes, the node's memory alert.
    node = _monitor(0, "[P2] AKS node memory high", {"host": "aks-node-a"})
    killed = item(
        1,
        source="splunk",
        title="Container loyalty-svc exceeded its memory limit (1Gi) and was killed",
        level=None,
        service=None,
        environment=None,
    )
    job = item(
        2,
        source="splunk",
        title="Job has reached the specified backoff limit",
        level=None,
        service=None,
        environment=None,
    )
    run([node, killed, job])
    assert killed.incident_id == job.incident_id == node.incident_id is not None
