"""(ew) Wythburn Lettings, a residential lettings platform: a FastAPI 0.110 API on uvicorn
(``lettings-api``: listings, viewings, applicants, tenancies, deposits, documents; SQLAlchemy 2
over psycopg 3, httpx to the deposit scheme and the referencing agency, boto3 for documents)
and Celery 5.3 workers on Redis (``lettings-worker``: rent reminders, invoices, inventories,
referencing callbacks, portal feeds), CPython 3.12 on Kubernetes.

Logging is structlog everywhere. The API's pods never switched off the development
``ConsoleRenderer`` and have Rich installed (``ew-structlog-rich``: Rich's boxed traceback in
the container log); the workers render orjson lines with ``dict_tracebacks`` and locals
(``ew-structlog-orjson``), Celery's own "Task … raised unexpected" record among them.

Sentry: sentry-sdk's FastAPI and Celery integrations (``python``). PostHog: posthog-python's
``capture_exception`` in the API's exception middleware. Splunk: both containers' logs.
Datadog: APM monitors and log monitors through a team template (``custom``).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
    FASTAPI_ENDPOINT,
    FASTAPI_ROUTE,
    httpx_timeout,
    py,
    pylib,
    sqlalchemy_integrity,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "lettings-api": Service("lettings-api", "python", "ew-structlog-rich", "kube:container:lettings-api", "/var/log/containers/lettings-api.log", "wythburn", 8150021, "CPython 3.12.2", framework="fastapi"),
    "lettings-worker": Service("lettings-worker", "python", "ew-structlog-orjson", "kube:container:lettings-worker", "/var/log/containers/lettings-worker.log", "wythburn", 8150022, "CPython 3.12.2", framework="celery"),
}

ROUTE = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT)
API = {"search": "lettings-api - tracebacks"}
WORKER = {"search": "lettings-worker - task errors"}
CELERY = {"search": "lettings-worker - celery failures", "celery": True}
APM = dict(team="lettings", monitor="[lettings] error spans by type", style="message")
APM_TYPE = dict(team="lettings", monitor="[lettings] errors by service", style="type")
LOGS = dict(team="lettings", monitor="[lettings-worker] task errors", filter="service:lettings-worker status:error", text="Task error on **lettings-worker**\n\n`{{log.attributes.event}}`\n\nlogger: {{log.attributes.logger}} ({{log.attributes.func_name}})")
API_LOGS = dict(team="lettings", monitor="[lettings-api] tracebacks", filter="service:lettings-api status:error", style="sample")

# The one HTTP helper the deposit and referencing clients share.
POST_JSON = py("wythburn.integrations.http", "post_json", 27, "resp = client.post(url, json=payload, timeout=self.timeout)")
# SQLAlchemy's session.get on a relationship that is None; the pence helper of the money module.
TO_PENCE = py("wythburn.money", "to_pence", 14, "return int(Decimal(value).quantize(Decimal('0.01')) * 100)")
DECIMAL_BAD = "[<class 'decimal.ConversionSyntax'>]"
BOTO = (
    pylib("botocore.client", "_api_call", 565, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1021, "raise error_class(parsed_response, operation_name)"),
)
REDIS_GET = (
    pylib("redis.commands.core", "get", 1829, 'return self.execute_command("GET", name, keys=[name])'),
    pylib("redis.client", "execute_command", 533, "conn = self.connection or pool.get_connection(command_name, **options)"),
    pylib("redis.connection", "get_connection", 1086, "connection.connect()"),
    pylib("redis.connection", "connect", 283, "raise ConnectionError(self._error_message(e))"),
)
PYDANTIC = pylib("pydantic.main", "model_validate", 509, "return cls.__pydantic_validator__.validate_python(")


def api(module: str, function: str, line: int, context: str, *more: Frame) -> tuple[Frame, ...]:
    return (*ROUTE, py(module, function, line, context), *more)


def task(module: str, function: str, line: int, context: str, *more: Frame) -> tuple[Frame, ...]:
    return (*CELERY_TASK, py(module, function, line, context), *more)


NONE_EMAIL = "'NoneType' object has no attribute 'email'"

BUGS = [
    # The same None landlord read in the API and in the rent-reminder task.
    Bug("ew-tenancy-landlord-none", "lettings-api", (Exc("AttributeError", NONE_EMAIL, api("wythburn.api.tenancies", "get_tenancy", 61, "return TenancyOut.from_model(tenancy)", py("wythburn.schemas.tenancy", "from_model", 38, "landlord_email=tenancy.property.landlord.email,")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="ew-reminder-landlord-none", entry="GET /v1/tenancies/{tenancy_id}", logger="wythburn.api.errors", log="unhandled error"),
    Bug("ew-reminder-landlord-none", "lettings-worker", (Exc("AttributeError", NONE_EMAIL, task("wythburn.tasks.rent", "send_rent_reminder", 33, "notify(tenancy.property.landlord.email, reminder)"), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("splunk", **CELERY), see("datadog.log", **LOGS)),
        classes=(4,), pair="ew-tenancy-landlord-none", entry="wythburn.tasks.rent.send_rent_reminder", log="rent reminder failed", logger="wythburn.tasks.rent"),
    # Unique violations: a viewing slot booked twice, an applicant registered twice.
    Bug("ew-viewing-slot-taken", "lettings-api", sqlalchemy_integrity(api("wythburn.api.viewings", "book_viewing", 47, "await session.commit()"), "uq_viewings_property_id_starts_at", "Key (property_id, starts_at)=({id}, 2026-03-1{idx} 17:30:00+00) already exists.", "INSERT INTO viewings (property_id, applicant_id, starts_at) VALUES (%(property_id)s::INTEGER, %(applicant_id)s::INTEGER, %(starts_at)s::TIMESTAMP WITH TIME ZONE) RETURNING viewings.id"),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog"), see("datadog.apm", **APM_TYPE)),
        classes=(4, 1), pair="ew-applicant-email-taken", entry="POST /v1/properties/{property_id}/viewings", logger="wythburn.api.errors", log="unhandled error"),
    Bug("ew-applicant-email-taken", "lettings-api", sqlalchemy_integrity(api("wythburn.api.applicants", "register_applicant", 29, "await session.commit()"), "uq_applicants_email", "Key (lower(email::text))=({email}) already exists.", "INSERT INTO applicants (email, full_name, phone) VALUES (%(email)s::VARCHAR, %(full_name)s::VARCHAR, %(phone)s::VARCHAR) RETURNING applicants.id"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("posthog", 2)),
        classes=(4, 1), pair="ew-viewing-slot-taken", entry="POST /v1/applicants", logger="wythburn.api.errors", log="unhandled error"),
    # Two outbound calls time out in the helper they share.
    Bug("ew-deposit-read-timeout", "lettings-api", httpx_timeout(api("wythburn.api.deposits", "protect_deposit", 72, "ref = deposits.register(tenancy, amount)", py("wythburn.integrations.deposits", "register", 41, "return post_json(self.url + '/deposits', body)"), POST_JSON), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(9, 1), pair="ew-referencing-read-timeout", entry="POST /v1/tenancies/{tenancy_id}/deposit", logger="wythburn.api.errors", log="unhandled error"),
    Bug("ew-referencing-read-timeout", "lettings-worker", httpx_timeout(task("wythburn.tasks.referencing", "request_reference", 22, "referencing.order(applicant)", py("wythburn.integrations.referencing", "order", 36, "return post_json(self.url + '/orders', body)"), POST_JSON), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("splunk", **CELERY), see("datadog.log", **LOGS)),
        classes=(9, 1), pair="ew-deposit-read-timeout", entry="wythburn.tasks.referencing.request_reference", log="referencing order failed", logger="wythburn.tasks.referencing"),
    # One inventory parser, two exceptions from the clerks' app export.
    Bug("ew-inventory-keyerror", "lettings-worker", (Exc("KeyError", "'rooms'", task("wythburn.tasks.inventory", "import_inventory", 18, "report = parse_inventory(payload)", py("wythburn.inventory.parser", "parse_inventory", 52, "for room in payload['rooms']:")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("splunk", **CELERY), see("datadog.log", **LOGS)),
        pair="ew-inventory-typeerror", entry="wythburn.tasks.inventory.import_inventory", log="inventory import failed", logger="wythburn.tasks.inventory"),
    Bug("ew-inventory-typeerror", "lettings-worker", (Exc("TypeError", "'NoneType' object is not iterable", task("wythburn.tasks.inventory", "import_inventory", 18, "report = parse_inventory(payload)", py("wythburn.inventory.parser", "parse_inventory", 58, "items = [Item(**i) for i in room['items']]")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("datadog.log", **LOGS)),
        classes=(5,), pair="ew-inventory-keyerror", entry="wythburn.tasks.inventory.import_inventory", log="inventory import failed", logger="wythburn.tasks.inventory", span=2),
    # The money helper fed a blank amount: from the invoice task and from the API's rent quote.
    Bug("ew-invoice-pence", "lettings-worker", (Exc("InvalidOperation", DECIMAL_BAD, task("wythburn.tasks.invoices", "raise_invoice", 44, "lines = [to_pence(c.amount) for c in charges]", TO_PENCE), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("splunk", **CELERY), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="ew-quote-pence", entry="wythburn.tasks.invoices.raise_invoice", log="invoice failed", logger="wythburn.tasks.invoices"),
    Bug("ew-quote-pence", "lettings-api", (Exc("InvalidOperation", DECIMAL_BAD, api("wythburn.api.quotes", "rent_quote", 25, "return QuoteOut(total=prorate(to_pence(body.rent), body.start))", TO_PENCE), module="decimal"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("posthog", 2)),
        classes=(4, 5), pair="ew-invoice-pence", entry="POST /v1/quotes/rent", logger="wythburn.api.errors", log="unhandled error", span=2, renames={"rent_quote": "quote_rent"}),
    # A tenancy document missing from the bucket.
    Bug("ew-document-nosuchkey", "lettings-api", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", api("wythburn.api.documents", "download", 53, "obj = s3.get_object(Bucket=BUCKET, Key=doc.key)", *BOTO), module="botocore.errorfactory"),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog"), see("datadog.apm", **APM)),
        entry="GET /v1/documents/{doc_id}", logger="wythburn.api.errors", log="unhandled error"),
    # A portal feed callback with a field the portal renamed.
    Bug("ew-portal-validation", "lettings-worker", (Exc("ValidationError", "1 validation error for PortalLead\nlisting_ref\n  Field required [type=missing, input_value={'ref': 'RM-{id}', 'name': '{email}'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.6/v/missing", task("wythburn.tasks.portal", "ingest_lead", 15, "lead = PortalLead.model_validate(payload)", PYDANTIC), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("datadog.log", **LOGS)),
        entry="wythburn.tasks.portal.ingest_lead", log="portal lead rejected", logger="wythburn.tasks.portal"),
    # Celery's soft time limit on the nightly feed export.
    Bug("ew-feed-soft-limit", "lettings-worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", task("wythburn.tasks.portal", "export_feed", 61, "xml = render_feed(listings)", py("wythburn.portal.feed", "render_feed", 22, "return ''.join(render_listing(l) for l in listings)")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **CELERY), see("datadog.log", **LOGS)),
        entry="wythburn.tasks.portal.export_feed", log="feed export failed", logger="wythburn.tasks.portal"),
    # Redis restarted under the workers' rate limiter.
    Bug("ew-redis-down", "lettings-worker", (Exc("ConnectionError", "Error 111 connecting to redis-master.lettings.svc:6379. Connection refused.", task("wythburn.tasks.rent", "send_rent_reminder", 27, "if limiter.hit(tenancy.id):", py("wythburn.ratelimit", "hit", 19, "count = self.redis.get(key)"), *REDIS_GET), module="redis.exceptions"),),
        (see("sentry.error", 2), see("splunk", 3, **WORKER), see("datadog.apm", **APM_TYPE)),
        classes=(1,), entry="wythburn.tasks.rent.send_rent_reminder", log="rent reminder failed", logger="wythburn.tasks.rent"),
    # A search filter with a bedroom count typed as text.
    Bug("ew-search-int", "lettings-api", (Exc("ValueError", "invalid literal for int() with base 10: '{idx} bed'", api("wythburn.api.listings", "search", 88, "filters = parse_filters(request.query_params)", py("wythburn.listings.filters", "parse_filters", 31, "beds = int(params.get('beds', 0))")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 2), see("datadog.log", **API_LOGS)),
        entry="GET /v1/listings", logger="wythburn.api.errors", log="unhandled error"),
    # A singleton: a rent schedule that never ends.
    Bug("ew-schedule-overflow", "lettings-worker", (Exc("OverflowError", "date value out of range", task("wythburn.tasks.rent", "build_schedule", 71, "due = start + relativedelta(months=i)"), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="wythburn.tasks.rent.build_schedule"),
    # Celery retrying referencing callbacks: template lines.
    Bug("ew-callback-retry", "lettings-worker", (),
        (see("splunk", 3, search="lettings-worker - retries", line='{"event":"Task wythburn.tasks.referencing.handle_callback[{uuid}] retry: Retry in {n}s","level":"warning","logger":"celery.app.trace","timestamp":"{ts}"}'), see("datadog.log", 2, team="lettings", monitor="[lettings-worker] callback retries", filter="service:lettings-worker @logger:celery.app.trace status:warn", text="Referencing callbacks are retrying: {n} retries in 15 minutes.")),
        classes=(7,)),
]

NOISE = [
    Noise("ew-noise-deploy", "lettings-api", "datadog.event", {"monitor": "lettings-api deployed", "text": "lettings-api 2026.11.2 rolled out (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ew-noise-worker-ready", "lettings-worker", "splunk", {"search": "lettings-worker - task errors", "line": '{"event":"celery@lettings-worker-0 ready.","level":"info","logger":"celery.apps.worker","timestamp":"{ts}"}'}),
]

WYTHBURN = Company(
    key="ew",
    name="Wythburn Lettings",
    domain="wythburn.example",
    sentry_org="wythburn",
    splunk_url="https://wythburn.splunkcloud.com",
    splunk_guid="3C9D1E7A-2B4F-4A6C-9D8E-1F2A3B4C5D6E",
    datadog_org=("915502", "Wythburn Lettings"),
    datadog_template="custom",
    posthog_project=(71503, "Wythburn API"),
    releases=("2026.11.0", "2026.11.1", "2026.11.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="wythburn-sentry-client-secret",
)
# fmt: on
