"""What runs a service names it more finely than what its sender inferred: the Deployment of
a pod Sentry reports from, a Lambda function, a workload named after its environment; and the
database or queue a monitor is grouped by. Items as the plugins make them."""

from __future__ import annotations

from typing import Any

from soulcaster_core.incidents.entities import entities_of
from soulcaster_core.models import FeedbackItem

from .items import item
from .test_rule import run


def _sentry(minutes: float, pod: str, exception: str, **fields: Any) -> FeedbackItem:
    # Sentry's service is its project (``ledger``: one Django project); the SDK fills
    # ``server_name`` with the host name, on Kubernetes the pod's.
    return item(
        minutes,
        source="sentry",
        title=f"{exception}: boom",
        service="ledger",
        exception=exception,
        tags={"server_name": pod},
        **fields,
    )


def test_a_project_running_as_two_deployments_fails_as_two() -> None:
    web_alert = item(
        0,
        title="[P2] [Triggered on {kube_deployment:ledger-web}] ledger-web 5xx rate",
        service=None,
        tags={"kube_deployment": "ledger-web", "kube_namespace": "ledger"},
        status="triggered",
    )
    web_error = _sentry(1, "ledger-web-f6269821c-7dzq6", "AttributeError")
    worker_error = _sentry(2, "ledger-worker-fb86b91ea-fq7gj", "UnauthorizedError")
    worker_row = item(
        3,
        source="splunk",
        title="sendgrid rejected message: 401 Unauthorized",
        service=None,
        environment=None,
        tags={"host": "ip-10-40-2-58", "pod": "ledger-worker-2bc05a62c-t89z7"},
    )
    run([web_alert, web_error, worker_error, worker_row])
    assert web_error.incident_id == web_alert.incident_id
    assert worker_error.incident_id == worker_row.incident_id != web_alert.incident_id
    assert entities_of(web_error).service == "ledger-web"


def test_a_lambda_function_is_a_service() -> None:
    throttles = item(
        0,
        title="[P2] [Triggered on {functionname:ub-search}] Lambda throttles",
        service=None,
        tags={"functionname": "ub-search", "env": "prod"},
        status="triggered",
    )
    error = item(1, source="sentry", title="QueryCanceled", service="ub-search")
    row = item(
        2,
        source="splunk",
        title="Task timed out after 15.02 seconds",
        service=None,
        environment=None,
        tags={"host": "arn:aws:lambda:eu-west-2:418803221907:function:ub-search"},
    )
    other = item(1, title="[P2] Lambda errors", service=None, tags={"functionname": "ub-chat"})
    incidents = run([throttles, error, row, other])
    assert throttles.incident_id == error.incident_id == row.incident_id
    assert other.incident_id != throttles.incident_id
    assert throttles.incident_id is not None
    link = incidents[throttles.incident_id].links[-1]
    assert (link.item_id, link.by, link.value) == (row.id, "service", "ub-search")


def test_a_workload_named_after_its_environment_stays_in_it() -> None:
    production = item(0, title="[P2] ledger-worker crashloop", service="ledger-worker")
    staging = item(
        1,
        title="[P2] [Triggered on {kube_deployment:ledger-worker-staging}] crashloop",
        service=None,
        environment=None,
        tags={"kube_deployment": "ledger-worker-staging"},
    )
    lambda_row = item(
        2,
        source="splunk",
        title="[ERROR] KeyError: 'policy_number'",
        service=None,
        environment=None,
        tags={"host": "arn:aws:lambda:eu-west-2:418803221907:function:ledger-worker-prd"},
    )
    run([production, staging, lambda_row])
    assert (entities_of(staging).service, entities_of(staging).environment) == (
        "ledger-worker",
        "staging",
    )
    assert staging.incident_id != production.incident_id
    assert lambda_row.incident_id == production.incident_id


def test_a_database_monitor_takes_the_errors_that_cannot_reach_it() -> None:
    rds = item(
        0,
        title="[P1] [Triggered on {dbinstanceidentifier:orders-db}] RDS connections near max",
        service=None,
        tags={"dbinstanceidentifier": "orders-db", "engine": "postgres"},
        status="triggered",
    )
    error = item(
        1,
        source="sentry",
        title="OperationalError",
        service="bookings",
        exception="OperationalError",
    )
    error.exceptions[
        0
    ].value = 'connection to server at "orders-db.c9x2.eu-west-2.rds.amazonaws.com" failed'
    queue = item(
        1,
        title="[P3] [Triggered on {queuename:push-jobs}] SQS oldest message age",
        service=None,
        tags={"queuename": "push-jobs"},
        status="triggered",
    )
    incidents = run([rds, error, queue])
    assert error.incident_id == rds.incident_id != queue.incident_id
    assert rds.incident_id is not None
    link = incidents[rds.incident_id].links[-1]
    assert (link.item_id, link.by, link.value, link.with_item) == (
        error.id,
        "host",
        "orders-db",
        rds.id,
    )
