"""(eb) Ebberston Freight, a pallet-freight booking platform on GKE: a Flask-RESTX API on
CPython 3.11 with SQLAlchemy 2 over psycopg 3 (``booking-api``) and RQ 1.16 workers for
labels, manifests, invoices and carrier tracking (``rq-workers``).

Sentry: sentry-sdk's Flask and RQ integrations. Logs: python-json-logger writing Google Cloud
Logging's structured JSON to stdout (``severity``, ``message``,
``logging.googleapis.com/sourceLocation``/``trace``); a log sink exports them through Pub/Sub
and the Pub/Sub-to-Splunk Dataflow template, so Splunk alerts carry the whole ``LogEntry``.
No Datadog, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib, sqlalchemy_integrity

# The tables keep one frame or delivery per line.
# fmt: off
ST, SRC, IDX = "google:gcp:pubsub:message", "projects/ebberston-prod/subscriptions/splunk-logs", "gcp_logs"
SERVICES = {
    "booking-api": Service("booking-api", "python", "eb-gcl-json", ST, SRC, IDX, 9430011, "CPython 3.11.10", framework="flask", sdk=("sentry.python.flask", "2.18.0", "pypi:sentry-sdk")),
    "rq-workers": Service("rq-workers", "python", "eb-gcl-json", ST, SRC, IDX, 9430012, "CPython 3.11.10", framework="rq", sdk=("sentry.python.rq", "2.18.0", "pypi:sentry-sdk")),
}

# Flask dispatching to a Flask-RESTX Resource method (oldest first).
FLASK = (
    pylib("flask.app", "wsgi_app", 1511, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 917, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 902, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
    pylib("flask_restx.api", "wrapper", 405, "resp = resource(*args, **kwargs)"),
    pylib("flask.views", "view", 110, "return current_app.ensure_sync(self.dispatch_request)(**kwargs)  # type: ignore[no-any-return]"),
    pylib("flask_restx.resource", "dispatch_request", 46, "resp = meth(*args, **kwargs)"),
)
RQ_JOB = (
    pylib("rq.worker", "perform_job", 1428, "rv = job.perform()"),
    pylib("rq.job", "perform", 1280, "self._result = self._execute()"),
    pylib("rq.job", "_execute", 1317, "result = self.func(*self.args, **self.kwargs)"),
)
# Every carrier call goes through one helper: the end of two bugs' stacks.
CARRIER_POST = (
    py("ebberston.carriers.http", "post_json", 33, "resp = session.post(url, json=body, timeout=(3, 15))"),
    pylib("requests.sessions", "post", 637, 'return self.request("POST", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
NONE_RATE = "'NoneType' object has no attribute 'rate_per_kg'"
API = {"search": "booking-api - ERROR entries"}
JOBS = {"search": "rq-workers - failed jobs"}
ALL = {"search": "ebberston - all ERROR entries"}


def resource(*frames: Frame) -> tuple[Frame, ...]:
    return (*FLASK, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*RQ_JOB, *frames)


def read_timeout(host: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("ReadTimeout", f"HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout=15)", frames, module="requests.exceptions"),)


def job_timeout(seconds: int, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("JobTimeoutException", f"Task exceeded maximum timeout value ({seconds} seconds)", (*frames, pylib("rq.timeouts", "handle_death_penalty", 67, "raise self._exception('Task exceeded maximum timeout value ({0} seconds)'.format(self._timeout))")), module="rq.timeouts"),)


BOOKING_DUP = sqlalchemy_integrity(
    resource(py("ebberston.api.bookings", "post", 58, "db.session.commit()")),
    "bookings_customer_ref_key", "Key (customer_id, customer_ref)=({id}, PO-{n}) already exists.",
    "INSERT INTO bookings (customer_id, customer_ref, pallets, collect_on) VALUES (%(customer_id)s::INTEGER, %(customer_ref)s::VARCHAR, %(pallets)s::INTEGER, %(collect_on)s::DATE) RETURNING bookings.id")
CONSIGNEE_DUP = sqlalchemy_integrity(
    job(py("ebberston.jobs.imports", "import_consignees", 41, "db.session.commit()")),
    "consignees_account_id_email_key", "Key (account_id, email)=({id}, {email}) already exists.",
    "INSERT INTO consignees (account_id, name, email, postcode) VALUES (%(account_id)s::INTEGER, %(name)s::VARCHAR, %(email)s::VARCHAR, %(postcode)s::VARCHAR) RETURNING consignees.id")

BUGS = [
    # One unique violation on two tables: the constraint is the difference.
    Bug("eb-booking-dup", "booking-api", BOOKING_DUP,
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("splunk", **ALL)),
        classes=(4,), pair="eb-consignee-dup", log="Exception on /api/v1/bookings [POST]", logger="ebberston.api", entry="POST /api/v1/bookings"),
    Bug("eb-consignee-dup", "rq-workers", CONSIGNEE_DUP,
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("splunk", **ALL)),
        classes=(4,), pair="eb-booking-dup", log="Job import_consignees failed", logger="rq.worker", entry="ebberston.jobs.imports.import_consignees"),
    # A lane with no rate: the quote endpoint and the invoice job read it.
    Bug("eb-quote-no-rate", "booking-api", (Exc("AttributeError", NONE_RATE, resource(py("ebberston.api.quotes", "post", 34, "return quote_for(payload)"), py("ebberston.pricing", "quote_for", 71, "base = lane.rate.rate_per_kg * weight"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4, 5), pair="eb-invoice-no-rate", log="Exception on /api/v1/quotes [POST]", logger="ebberston.api", entry="POST /api/v1/quotes", span=2, renames={"quote_for": "price_quote"}),
    Bug("eb-invoice-no-rate", "rq-workers", (Exc("AttributeError", NONE_RATE, job(py("ebberston.jobs.invoices", "build_invoice", 52, "line.amount = leg.lane.rate.rate_per_kg * leg.weight_kg"))),),
        (see("sentry.error", 3), see("splunk", 2, **JOBS)),
        classes=(4,), pair="eb-quote-no-rate", log="Job build_invoice failed", logger="rq.worker", entry="ebberston.jobs.invoices.build_invoice"),
    # One label renderer, two exceptions.
    Bug("eb-label-postcode-key", "rq-workers", (Exc("KeyError", "'postcode'", job(py("ebberston.jobs.labels", "print_labels", 27, "pdf = render_label(consignment)"), py("ebberston.labels", "render_label", 44, 'lines.append(addr["postcode"].upper())'))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **JOBS)),
        classes=(4,), pair="eb-label-name-none", log="Job print_labels failed", logger="rq.worker", entry="ebberston.jobs.labels.print_labels"),
    Bug("eb-label-name-none", "rq-workers", (Exc("TypeError", 'can only concatenate str (not "NoneType") to str', job(py("ebberston.jobs.labels", "print_labels", 27, "pdf = render_label(consignment)"), py("ebberston.labels", "render_label", 39, 'title = "FAO " + consignment.contact_name'))),),
        (see("sentry.error", 2), see("splunk", **JOBS), see("splunk", **ALL)),
        classes=(4,), pair="eb-label-postcode-key", log="Job print_labels failed", logger="rq.worker", entry="ebberston.jobs.labels.print_labels"),
    # Two carriers timing out through one helper.
    Bug("eb-palletways-timeout", "booking-api", read_timeout("api.palletnet.example", resource(py("ebberston.api.bookings", "post", 66, "ref = carriers.book(booking)"), py("ebberston.carriers.palletnet", "book", 22, 'return post_json(f"{BASE}/consignments", body)'), *CARRIER_POST)),
        (see("sentry.error", 3), see("splunk", 3, **API)),
        classes=(4, 9), pair="eb-tracking-timeout", log="Exception on /api/v1/bookings [POST]", logger="ebberston.api", entry="POST /api/v1/bookings"),
    Bug("eb-tracking-timeout", "rq-workers", read_timeout("track.haulnet.example", job(py("ebberston.jobs.tracking", "sync_tracking", 19, "events = haulnet.events(since)"), py("ebberston.carriers.haulnet", "events", 48, 'return post_json(f"{BASE}/v2/events/search", {"since": since})'), *CARRIER_POST)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOBS), see("splunk", **ALL)),
        classes=(4, 9), pair="eb-palletways-timeout", log="Job sync_tracking failed", logger="rq.worker", entry="ebberston.jobs.tracking.sync_tracking"),
    # Two jobs killed by RQ's timeout: only the job differs.
    Bug("eb-manifest-job-timeout", "rq-workers", job_timeout(180, job(py("ebberston.jobs.manifests", "generate_manifest", 36, "for row in depot_rows(depot_id):"), py("ebberston.jobs.manifests", "depot_rows", 61, "yield from db.session.execute(stmt).yield_per(500)"))),
        (see("sentry.error", 3), see("splunk", 3, **JOBS)),
        classes=(4,), pair="eb-reprice-job-timeout", log="Job generate_manifest failed", logger="rq.worker", entry="ebberston.jobs.manifests.generate_manifest"),
    Bug("eb-reprice-job-timeout", "rq-workers", job_timeout(180, job(py("ebberston.jobs.pricing", "reprice_lanes", 24, "for lane in Lane.query.filter_by(active=True):"), py("ebberston.pricing", "recompute", 102, "lane.rate = fuel_adjusted(lane)"))),
        (see("sentry.error", 2), see("splunk", **JOBS), see("splunk", **ALL)),
        classes=(4,), pair="eb-manifest-job-timeout", log="Job reprice_lanes failed", logger="rq.worker", entry="ebberston.jobs.pricing.reprice_lanes"),
    # Regular groups.
    Bug("eb-weight-decimal", "booking-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", resource(py("ebberston.api.bookings", "put", 88, "booking.weight_kg = parse_weight(payload['weight'])"), py("ebberston.units", "parse_weight", 12, "return Decimal(raw.replace(',', '.'))")), module="decimal"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API)),
        log="Exception on /api/v1/bookings/{id} [PUT]", logger="ebberston.api", entry="PUT /api/v1/bookings/{id}", span=3),
    Bug("eb-redis-enqueue", "booking-api", (Exc("ConnectionError", "Error 111 connecting to {ip}:6379. Connection refused.", resource(py("ebberston.api.labels", "post", 21, "q.enqueue(print_labels, booking_id)"), pylib("rq.queue", "enqueue", 979, "return self.enqueue_call("), pylib("redis.connection", "connect", 353, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(9,), log="Exception on /api/v1/bookings/{id}/labels [POST]", logger="ebberston.api", entry="POST /api/v1/bookings/{id}/labels"),
    Bug("eb-pod-gcs-404", "rq-workers", (Exc("NotFound", "404 GET https://storage.googleapis.com/download/storage/v1/b/ebberston-pod/o/pod%2F{id}.jpg?alt=media: No such object: ebberston-pod/pod/{id}.jpg", job(py("ebberston.jobs.pod", "attach_pod", 29, "blob.download_to_filename(tmp)"), pylib("google.cloud.storage.blob", "download_to_filename", 1305, "self._handle_filename_and_download("), pylib("google.cloud.storage.blob", "_prep_and_do_download", 4394, "_raise_from_invalid_response(exc)")), module="google.api_core.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS)),
        log="Job attach_pod failed", logger="rq.worker", entry="ebberston.jobs.pod.attach_pod"),
    Bug("eb-depot-capacity-zero", "booking-api", (Exc("ZeroDivisionError", "division by zero", resource(py("ebberston.api.depots", "get", 29, "return depot_load(depot)"), py("ebberston.depots", "depot_load", 54, "pct = booked / depot.capacity_pallets * 100"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("splunk", **ALL)),
        log="Exception on /api/v1/depots/{id}/load [GET]", logger="ebberston.api", entry="GET /api/v1/depots/{id}/load"),
    Bug("eb-invoice-pdf-oserror", "rq-workers", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory", job(py("ebberston.jobs.invoices", "render_invoice_pdf", 88, "HTML(string=html).write_pdf(target)"), pylib("weasyprint.text.ffi", "_dlopen", 428, "return ffi.dlopen(names[0], flags)"))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **JOBS)),
        classes=(9,), log="Job render_invoice_pdf failed", logger="rq.worker", entry="ebberston.jobs.invoices.render_invoice_pdf", span=3),
    Bug("eb-restx-bad-date", "booking-api", (Exc("ValueError", "Invalid isoformat string: '{n}/03/2026'", resource(py("ebberston.api.collections", "get", 17, "day = date.fromisoformat(args['day'])"))),),
        (see("sentry.error"),),
        singleton=True, log="Exception on /api/v1/collections [GET]", logger="ebberston.api", entry="GET /api/v1/collections"),
]

NOISE = [
    Noise("eb-noise-rq-started", "rq-workers", "splunk", {**JOBS, "line": '{"jsonPayload":{"message":"Worker rq:worker:{hex} started with PID {pid}, version 1.16.2","logger":"rq.worker"},"severity":"INFO","logName":"projects/ebberston-prod/logs/stdout"}'}),
    Noise("eb-noise-sentry-resolved", "booking-api", "sentry.metric", {"rule": "booking-api error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

EBBERSTON = Company(
    key="eb",
    name="Ebberston Freight",
    domain="ebberston-freight.example",
    sentry_org="ebberston-freight",
    splunk_url="https://ebberston.splunkcloud.example:8000",
    splunk_guid="3F7A9C21-5B0E-4D86-A1C4-7E2D9B0F6A18",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("2026.11.2", "2026.11.3", "2026.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ebberston-sentry-client-secret",
)
# fmt: on
