"""(ls) Ixworth Freight, a road-freight forwarder: Python 3.11 Celery 5.3 workers on AWS EKS, two
deployments of one codebase on Redis (``worker-bookings``: collection bookings with the
carriers' APIs over httpx, tracking polls, EDIFACT imports; ``worker-docs``: customs
declarations, invoice and manifest PDFs on WeasyPrint), SQLAlchemy 2.0 on PostgreSQL.

Logs: Celery's own text log on stdout (``[<time>: <LEVEL>/<process>] ...``): ``raised
unexpected`` records with the traceback, ``retry:`` lines of ``autoretry_for`` tasks, the
MainProcess' ``Task handler raised error: WorkerLostError`` and ``Hard time limit`` lines, the
tasks' own ``get_task_logger`` records. Fluent Bit (the kubernetes filter, the ``python``
multiline parser on the bookings input only) to CloudWatch Logs, read into Splunk by the Splunk
Add-on for AWS: ONE saved search for both deployments. Sentry: sentry-python's Celery
integration. Datadog: ONE log monitor on the workers' error lines pasting ``{{log.message}}``.
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import CELERY_TASK, httpx_timeout, py, pylib, sqlalchemy_integrity

# fmt: off
SRC = "eu-west-1:/aws/containerinsights/ixworth-prod/application"
SERVICES = {
    "worker-bookings": Service("worker-bookings", "python", "ls-fluent-celery", "aws:cloudwatchlogs", SRC, "aws_eks", 10920011, "CPython 3.11.9", framework="celery"),
    "worker-docs": Service("worker-docs", "python", "ls-fluent-celery", "aws:cloudwatchlogs", SRC, "aws_eks", 10920012, "CPython 3.11.9", framework="celery"),
}


def task(module: str, function: str, line: int, context: str) -> tuple[Frame, ...]:
    return (*CELERY_TASK, py(module, function, line, context))


SPL = {"search": "Ixworth celery workers - errors", "owner": "ixw_ops", "app": "ixworth"}
DD = {"team": "freight", "monitor": "Celery workers: task errors", "filter": "kube_namespace:ixworth source:celery status:error", "format": "ls-celery", "sample_lines": 3, "text": "Celery workers are logging task errors on {{log.host}}.\n\n```\n{{log.message}}\n```"}
CARRIER = (py("ixworth.carriers.client", "_post", 48, "resp = self._http.post(path, json=payload, timeout=10)"),)


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SPL, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


LOST = "Worker exited prematurely: signal 9 (SIGKILL) Job: {n}."
BILLIARD = (
    pylib("billiard.pool", "mark_as_worker_lost", 1264, "raise WorkerLostError("),
)
QUOTE = "ixworth.pricing.quote"
REDIS_REFUSED = "Error 111 connecting to redis-master.ixworth.svc.cluster.local:6379. Connection refused."

BUGS = [
    # The same KeyError 'postcode' in two tasks.
    Bug("ls-collection-postcode", "worker-bookings", (Exc("KeyError", "'postcode'", (*task("ixworth.bookings.tasks", "book_collection", 41, "booking = builder.build(shipment)"), py("ixworth.bookings.builder", "build", 66, 'postcode=shipment.pickup["postcode"],')), module="builtins"),),
        (see("sentry.error", 3), spl(2), spl(kind="raised", joined=False), dd()),
        classes=(1, 3, 4), pair="ls-customs-postcode", entry="ixworth.bookings.tasks.book_collection", span=2),
    Bug("ls-customs-postcode", "worker-docs", (Exc("KeyError", "'postcode'", (*task("ixworth.customs.tasks", "submit_declaration", 58, "payload = to_cds(declaration)"), py("ixworth.customs.cds", "to_cds", 112, '"Postcode": consignee["postcode"],')), module="builtins"),),
        (see("sentry.error", 2), spl(2, joined=False), dd()),
        classes=(1, 3, 4), pair="ls-collection-postcode", entry="ixworth.customs.tasks.submit_declaration"),
    # One carrier client helper at the end of two tasks' read timeouts (autoretry: retry lines).
    Bug("ls-booking-carrier-timeout", "worker-bookings", httpx_timeout((*task("ixworth.bookings.tasks", "book_collection", 44, "ref = carriers.for_code(shipment.carrier).book(booking)"), py("ixworth.carriers.palletways", "book", 31, 'return self._post("/v3/consignments", booking.as_dict())'), *CARRIER), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2), spl(2), spl(kind="retry"), spl(kind="retry", countdown=60), dd(), dd(kind="retry")),
        classes=(1, 3, 7, 9), pair="ls-tracking-carrier-timeout", entry="ixworth.bookings.tasks.book_collection"),
    Bug("ls-tracking-carrier-timeout", "worker-bookings", httpx_timeout((*task("ixworth.tracking.tasks", "poll_carrier_events", 27, "events = carriers.for_code(code).events(since)"), py("ixworth.carriers.palletways", "events", 58, 'return self._post("/v3/tracking/query", {"since": since.isoformat()})'), *CARRIER), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 3), spl(2, kind="retry"), spl(), dd(2)),
        classes=(1, 3, 7, 9), pair="ls-booking-carrier-timeout", entry="ixworth.tracking.tasks.poll_carrier_events"),
    # Unique violations on two tables.
    Bug("ls-declaration-dup", "worker-docs", sqlalchemy_integrity(task("ixworth.customs.tasks", "submit_declaration", 66, "session.commit()"), "customs_declarations_shipment_id_key", "Key (shipment_id)=({id}) already exists.", "INSERT INTO customs_declarations (shipment_id, mrn, status, submitted_at) VALUES (%(shipment_id)s::INTEGER, %(mrn)s::VARCHAR, %(status)s::VARCHAR, now()) RETURNING customs_declarations.id"),
        (see("sentry.error", 3), spl(2, joined=False), dd()),
        classes=(1, 3, 4, 9), pair="ls-booking-ref-dup", entry="ixworth.customs.tasks.submit_declaration"),
    Bug("ls-booking-ref-dup", "worker-bookings", sqlalchemy_integrity(task("ixworth.bookings.tasks", "book_collection", 52, "session.commit()"), "collection_bookings_carrier_ref_key", "Key (carrier_ref)=({ref}) already exists.", "INSERT INTO collection_bookings (shipment_id, carrier, carrier_ref, booked_at) VALUES (%(shipment_id)s::INTEGER, %(carrier)s::VARCHAR, %(carrier_ref)s::VARCHAR, now()) RETURNING collection_bookings.id"),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(1, 3, 4, 9), pair="ls-declaration-dup", entry="ixworth.bookings.tasks.book_collection"),
    # One quote function, two exceptions.
    Bug("ls-quote-bad-decimal", "worker-bookings", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*task("ixworth.pricing.tasks", "requote_open_shipments", 19, "quote_freight(shipment)"), py(QUOTE, "quote_freight", 37, "weight = Decimal(shipment.weight_kg)")), module="decimal"),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 3, 4), pair="ls-quote-zero-pallets", entry="ixworth.pricing.tasks.requote_open_shipments"),
    Bug("ls-quote-zero-pallets", "worker-bookings", (Exc("ZeroDivisionError", "division by zero", (*task("ixworth.pricing.tasks", "requote_open_shipments", 19, "quote_freight(shipment)"), py(QUOTE, "quote_freight", 44, "per_pallet = total / shipment.pallets")), module="builtins"),),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(1, 3, 4), pair="ls-quote-bad-decimal", entry="ixworth.pricing.tasks.requote_open_shipments"),
    # Hard time limits of two PDF tasks: one line each, the task's name the only difference.
    Bug("ls-manifest-hard-limit", "worker-docs", (Exc("TimeLimitExceeded", "300", (), module="billiard.exceptions"),),
        (spl(2, kind="hardlimit", joined=False), dd(2, kind="hardlimit")),
        classes=(1,), pair="ls-invoice-hard-limit", entry="ixworth.documents.tasks.render_manifest"),
    Bug("ls-invoice-hard-limit", "worker-docs", (Exc("TimeLimitExceeded", "300", (), module="billiard.exceptions"),),
        (spl(2, kind="hardlimit", joined=False), dd(kind="hardlimit")),
        classes=(1,), pair="ls-manifest-hard-limit", entry="ixworth.documents.tasks.render_invoice_pdf"),
    # Not pairs.
    Bug("ls-docs-worker-lost", "worker-docs", (Exc("WorkerLostError", LOST, BILLIARD, module="billiard.exceptions"),),
        (see("sentry.error", 2, mechanism="logging"), spl(2, kind="lost", joined=False), dd(2, kind="lost")),
        classes=(1, 2), log="Task handler raised error: <exc>", logger="celery.worker.request", entry="ixworth.documents.tasks.render_invoice_pdf", handled=True),
    Bug("ls-edi-bad-segment", "worker-bookings", (Exc("ValueError", "UNB segment missing interchange control reference in {tmpl}", (*task("ixworth.edi.tasks", "import_interchange", 33, "messages = parse_interchange(raw)"), py("ixworth.edi.parser", "parse_interchange", 71, 'raise ValueError(f"UNB segment missing interchange control reference in {name}")')), module="builtins"),),
        (see("sentry.error", 2), spl(2, kind="team"), dd(kind="team")),
        classes=(1, 2, 3), log="EDIFACT import failed for {tmpl}", logger="ixworth.edi.tasks", entry="ixworth.edi.tasks.import_interchange"),
    Bug("ls-soft-limit-tracking", "worker-bookings", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*task("ixworth.tracking.tasks", "poll_carrier_events", 31, "for event in events:"), py("ixworth.tracking.store", "upsert_event", 22, "session.execute(stmt)"), pylib("billiard.pool", "soft_timeout_sighandler", 237, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(1, 2), entry="ixworth.tracking.tasks.poll_carrier_events"),
    Bug("ls-broker-refused", "worker-bookings", (Exc("ConnectionError", REDIS_REFUSED, (pylib("kombu.connection", "_reraise_as_library_errors", 472, "yield"), pylib("kombu.connection", "ensure_connection", 389, "return self._ensure_connection(*args, **kwargs)"), pylib("redis.connection", "connect", 356, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"), Exc("OperationalError", REDIS_REFUSED, (*task("ixworth.tracking.tasks", "poll_carrier_events", 40, "notify_customers.delay(changed)"), pylib("celery.app.task", "delay", 444, "return self.apply_async(args, kwargs)"), pylib("celery.app.task", "apply_async", 594, "return app.send_task("), pylib("kombu.connection", "_reraise_as_library_errors", 476, "raise ConnectionError(str(exc)) from exc")), module="kombu.exceptions")),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(1, 3, 7), entry="ixworth.tracking.tasks.poll_carrier_events"),
    Bug("ls-cds-unprocessable", "worker-docs", (Exc("HTTPStatusError", "Client error '422 Unprocessable Entity' for url 'https://api.cds.example/v1/declarations'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/422", (*task("ixworth.customs.tasks", "submit_declaration", 61, "client.submit(payload)"), py("ixworth.customs.cds", "submit", 140, "resp.raise_for_status()"), pylib("httpx._models", "raise_for_status", 761, "raise HTTPStatusError(message, request=request, response=self)")), module="httpx"),),
        (see("sentry.error", 2), spl(), dd()),
        classes=(1, 3), entry="ixworth.customs.tasks.submit_declaration"),
    Bug("ls-singleton-weasyprint-font", "worker-docs", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory", (*task("ixworth.documents.tasks", "render_invoice_pdf", 18, "from weasyprint import HTML"), pylib("weasyprint.text.ffi", "<module>", 431, "pango = _dlopen(")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="ixworth.documents.tasks.render_invoice_pdf"),
]

NOISE = [
    Noise("ls-noise-monitor-recovered", "worker-bookings", "datadog.log", {"monitor": "Celery workers: task errors", "transition": "Recovered", "alert_type": "success", "team": "freight", "filter": "kube_namespace:ixworth source:celery status:error", "text": "Celery workers are no longer logging task errors."}),
    Noise("ls-noise-worker-ready", "worker-docs", "splunk", {**SPL, "line": "{\"time\":\"{ts}\",\"stream\":\"stdout\",\"_p\":\"F\",\"log\":\"[{gts},{idx}12: INFO/MainProcess] celery@worker-docs-6f9c8d7b5-q2x7k ready.\",\"kubernetes\":{\"namespace_name\":\"ixworth\",\"container_name\":\"worker-docs\"}}"}),
]

IXWORTH = Company(
    key="ls",
    name="Ixworth Freight",
    domain="ixworthfreight.example",
    sentry_org="ixworth-freight",
    splunk_url="https://ixworth.splunkcloud.com",
    splunk_guid="A4D19E07-3C62-4B8F-9E15-7F20C8B3D461",
    datadog_org=("1092001", "Ixworth Freight"),
    datadog_template="custom",
    posthog_project=(109201, "Ixworth Freight"),
    releases=("2026.11.2", "2026.11.3", "2026.11.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ixworth-sentry-client-secret",
)
# fmt: on
