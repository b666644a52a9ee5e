"""(dr) Drybeck Archives, a county record office's reading-room bookings and catalogue: a
Pyramid 2.0 app behind gunicorn (sync workers) on CPython 3.11 with SQLAlchemy 2 over
psycopg2 (``reading-room``), RQ 1.16 workers for exports, thumbnails and reindexing
(``rq-workers``); VMs, not Kubernetes.

Sentry: sentry-sdk's Pyramid and RQ integrations. PostHog: posthog-python's exception
capture in the Pyramid app's exception view. Splunk indexes ``/var/log/messages`` from the
VMs: Python's ``SysLogHandler`` (``%(name)s %(levelname)s %(message)s``), pyramid_exclog's
``exc_logger`` and RQ's ``rq.worker``, each record one syslog message whose newlines rsyslog
escaped as ``#012``; the older hosts write the traditional file format, the newer RFC 5424.
Datadog (its default payload) log monitors paste the syslog line.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.pyramid", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "reading-room": Service("reading-room", "python", "dr-syslog", "syslog", "/var/log/messages", "drybeck_os", 8810041, "CPython 3.11.11", framework="pyramid", sdk=SDK),
    "rq-workers": Service("rq-workers", "python", "dr-syslog", "syslog", "/var/log/messages", "drybeck_os", 8810044, "CPython 3.11.11", framework="rq", sdk=("sentry.python.rq", "2.19.2", "pypi:sentry-sdk")),
}

PYRAMID = (
    pylib("pyramid.router", "__call__", 270, "response = self.execution_policy(environ, self)"),
    pylib("pyramid.router", "default_execution_policy", 276, "return router.invoke_request(request)"),
    pylib("pyramid.router", "invoke_request", 245, "response = handle_request(request)"),
    pylib("pyramid_tm", "tm_tween", 178, "response = handler(request)"),
    pylib("pyramid.router", "handle_request", 143, "response = _call_view("),
    pylib("pyramid.view", "_call_view", 674, "response = view_callable(context, request)"),
    pylib("pyramid.viewderivers", "rendered_view", 392, "result = view(context, request)"),
)
RQ_JOB = (
    pylib("rq.worker", "perform_job", 1428, "rv = job.perform()"),
    pylib("rq.job", "perform", 1280, "self._result = self._execute()"),
    pylib("rq.job", "_execute", 1317, "result = self.func(*self.args, **self.kwargs)"),
)
ONE = (
    pylib("sqlalchemy.orm.query", "one", 2778, "return self._iter().one()  # type: ignore"),
    pylib("sqlalchemy.engine.result", "one", 1810, "return self._only_one_row("),
    pylib("sqlalchemy.engine.result", "_only_one_row", 760, 'raise exc.NoResultFound('),
)
FLUSH = (
    pylib("sqlalchemy.orm.session", "flush", 4345, "self._flush(objects)"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
)
# Every call to another archive system goes through one helper.
FETCH = (
    py("drybeck.http", "fetch_json", 27, "resp = session.get(url, timeout=10)"),
    pylib("requests.sessions", "get", 602, 'return self.request("GET", url, **kwargs)'),
    pylib("requests.adapters", "send", 700, "raise ConnectionError(e, request=request)"),
)
NONE_SHELF = "'NoneType' object has no attribute 'shelfmark'"
NO_ROW = "No row was found when one was required"
VIEWS = {"search": "reading-room - exceptions"}
NEW = {"format": "dr-syslog-5424"}
JOBS = {"search": "rq - failed jobs"}


def view(*frames: Frame) -> tuple[Frame, ...]:
    return (*PYRAMID, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*RQ_JOB, *frames)


def conn_error(host: str, path: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    reason = f"HTTPSConnectionPool(host='{host}', port=443): Max retries exceeded with url: {path} (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f{{hex}}>: Failed to establish a new connection: [Errno 111] Connection refused'))"
    return (Exc("ConnectionError", reason, frames, module="requests.exceptions"),)


def unique(constraint: str, detail: str, sql: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames, module="psycopg2.errors"),
        Exc("IntegrityError", f"(psycopg2.errors.UniqueViolation) {pg}\n[SQL: {sql}]\n[parameters: {{'id': {{id}}}}]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", frames, module="sqlalchemy.exc"),
    )


BUGS = [
    # A document with no catalogue entry: the request view and the export job read its shelfmark.
    Bug("dr-request-shelfmark", "reading-room", (Exc("AttributeError", NONE_SHELF, view(py("drybeck.views.requests", "request_document", 44, "label = doc.catalogue_entry.shelfmark"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("posthog", 2), see("splunk", **VIEWS), see("splunk", **VIEWS, **NEW), see("datadog.log", style="sample", monitor="reading-room errors")),
        classes=(4, 5), pair="dr-export-shelfmark", entry="POST /requests/{id}", span=2, renames={"request_document": "order_document"}),
    Bug("dr-export-shelfmark", "rq-workers", (Exc("AttributeError", NONE_SHELF, job(py("drybeck.jobs.exports", "export_finding_aid", 31, "rows.append((item.catalogue_entry.shelfmark, item.title))"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOBS)),
        classes=(4,), pair="dr-request-shelfmark", entry="drybeck.jobs.exports.export_finding_aid"),
    # The same NoResultFound for two entities.
    Bug("dr-item-no-row", "reading-room", (Exc("NoResultFound", NO_ROW, view(py("drybeck.views.catalogue", "item_detail", 29, "item = query.filter_by(ref=ref).one()"), *ONE), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", 2), see("splunk", 2, **VIEWS)),
        classes=(4,), pair="dr-reader-no-row", entry="GET /catalogue/{id}"),
    Bug("dr-reader-no-row", "reading-room", (Exc("NoResultFound", NO_ROW, view(py("drybeck.views.readers", "renew_ticket", 52, "reader = dbsession.query(Reader).filter_by(ticket_no=ticket).one()"), *ONE), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("posthog"), see("splunk", **VIEWS), see("splunk", **VIEWS, **NEW)),
        classes=(4,), pair="dr-item-no-row", entry="POST /readers/{id}/renew"),
    # The HTTP helper refused by two systems.
    Bug("dr-iiif-refused", "rq-workers", conn_error("iiif.drybeck-archives.example", "/iiif/2/{id}/info.json", job(py("drybeck.jobs.thumbnails", "make_thumbnail", 18, "info = fetch_json(iiif_url(image_id))"), *FETCH)),
        (see("sentry.error", 3), see("splunk", 2, **JOBS), see("datadog.log", style="sample", monitor="rq failed jobs")),
        classes=(4, 9), pair="dr-calm-refused", entry="drybeck.jobs.thumbnails.make_thumbnail"),
    Bug("dr-calm-refused", "reading-room", conn_error("calm.drybeck-archives.example", "/CalmView/api/records/{id}", view(py("drybeck.views.catalogue", "item_availability", 71, "record = fetch_json(calm_url(item.ref))"), *FETCH)),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **VIEWS, **NEW), see("datadog.log", style="sample", monitor="reading-room errors")),
        classes=(4, 9), pair="dr-iiif-refused", entry="GET /catalogue/{id}/availability"),
    # One booking function, two exceptions.
    Bug("dr-booking-seat-key", "reading-room", (Exc("KeyError", "'seat'", view(py("drybeck.views.bookings", "create_booking", 36, "slot = book_slot(request.json_body)"), py("drybeck.bookings", "book_slot", 22, 'seat = payload["seat"]'))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2), see("splunk", 2, **VIEWS)),
        classes=(4, 5), pair="dr-booking-date-format", entry="POST /bookings", span=3),
    Bug("dr-booking-date-format", "reading-room", (Exc("ValueError", "time data '{date} 10:00' does not match format '%Y-%m-%d %H:%M'", view(py("drybeck.views.bookings", "create_booking", 36, "slot = book_slot(request.json_body)"), py("drybeck.bookings", "book_slot", 25, 'start = datetime.strptime(payload["start"], "%Y-%m-%d %H:%M")'), pylib("_strptime", "_strptime", 554, "raise ValueError(\"time data %r does not match format %r\" %"))),),
        (see("sentry.error", 2), see("posthog", 2, resolved=True), see("splunk", **VIEWS, **NEW), see("datadog.log", style="sample", monitor="reading-room errors")),
        classes=(4,), pair="dr-booking-seat-key", entry="POST /bookings"),
    # Two unique constraints.
    Bug("dr-booking-unique", "reading-room", unique("uq_bookings_seat_slot", "Key (seat_id, slot_start)=({n}, 2026-03-{idx} 10:00:00+00) already exists.", "INSERT INTO bookings (seat_id, slot_start, reader_id) VALUES (%(seat_id)s, %(slot_start)s, %(reader_id)s) RETURNING bookings.id", view(py("drybeck.views.bookings", "create_booking", 41, "dbsession.flush()"), *FLUSH)),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog"), see("splunk", 2, **VIEWS)),
        classes=(4,), pair="dr-loan-unique", entry="POST /bookings"),
    Bug("dr-loan-unique", "rq-workers", unique("uq_loans_item_open", "Key (item_id)=({id}) already exists.", "INSERT INTO loans (item_id, reader_id, opened_at) VALUES (%(item_id)s, %(reader_id)s, %(opened_at)s) RETURNING loans.id", job(py("drybeck.jobs.loans", "open_exhibition_loans", 47, "session.flush()"), *FLUSH)),
        (see("sentry.error", 3), see("splunk", 2, **JOBS, **NEW)),
        classes=(4,), pair="dr-booking-unique", entry="drybeck.jobs.loans.open_exhibition_loans"),
    Bug("dr-thumbnail-unidentified", "rq-workers", (Exc("UnidentifiedImageError", "cannot identify image file <_io.BytesIO object at 0x7f{hex}>", job(py("drybeck.jobs.thumbnails", "make_thumbnail", 24, "img = Image.open(io.BytesIO(blob))"), pylib("PIL.Image", "open", 3498, "raise UnidentifiedImageError(msg)")), module="PIL"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **JOBS), see("datadog.log", style="sample", monitor="rq failed jobs")),
        entry="drybeck.jobs.thumbnails.make_thumbnail", span=2),
    Bug("dr-reindex-timeout", "rq-workers", (Exc("JobTimeoutException", "Task exceeded maximum timeout value (600 seconds)", job(py("drybeck.jobs.search", "reindex_collection", 63, "for batch in chunks(items, 500):"), py("drybeck.search", "index_batch", 40, "resp = es.bulk(operations=ops)")), module="rq.timeouts"),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS, **NEW), see("datadog.log", style="sample", monitor="rq failed jobs")),
        entry="drybeck.jobs.search.reindex_collection"),
    Bug("dr-redis-timeout", "reading-room", (Exc("TimeoutError", "Timeout reading from socket", view(py("drybeck.views.bookings", "seat_map", 88, "held = redis_client.smembers(f\"held:{day}\")"), pylib("redis.connection", "read_response", 520, "raise TimeoutError(\"Timeout reading from socket\")")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **VIEWS)),
        entry="GET /bookings/seats"),
    Bug("dr-search-es-timeout", "reading-room", (Exc("ConnectionTimeout", "Connection timed out", view(py("drybeck.views.catalogue", "search", 112, "hits = es.search(index=\"catalogue\", query=build_query(params))"), pylib("elastic_transport._node._http_urllib3", "perform_request", 202, "raise err from e")), module="elastic_transport"),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **VIEWS, **NEW), see("datadog.log", style="sample", monitor="reading-room errors")),
        entry="GET /catalogue/search"),
    Bug("dr-finding-aid-unicode", "rq-workers", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xa3 in position {n}: invalid start byte", job(py("drybeck.jobs.imports", "import_ead", 19, "text = upload.read().decode()"))),),
        (see("sentry.error"),),
        singleton=True, entry="drybeck.jobs.imports.import_ead"),
]

NOISE = [
    Noise("dr-noise-gunicorn-boot", "reading-room", "splunk", {**VIEWS, "line": "Mar  9 06:00:02 reading-room-vm2 gunicorn[{pid}]: [{pid}] [INFO] Booting worker with pid: {n}"}),
    Noise("dr-noise-dd-recovered", "rq-workers", "datadog.log", {"monitor": "rq failed jobs", "transition": "Recovered", "alert_type": "success", "text": "Failed RQ jobs are back under the threshold.", "priority": "P3"}),
]

DRYBECK = Company(
    key="dr",
    name="Drybeck Archives",
    domain="drybeck-archives.example",
    sentry_org="drybeck-archives",
    splunk_url="https://splunk.drybeck-archives.example:8000",
    splunk_guid="5C8E2A71-0D94-4B3F-A6E2-9F1B7C4D0E53",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(60277, "Reading room"),
    releases=("4.2.0", "4.2.1", "4.3.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="drybeck-sentry-client-secret",
)
# fmt: on
