"""(ct) Whitbarrow Laboratories, a private pathology lab taking samples at partner clinics:
one Python 3.11 monolith. ``results-portal`` (Flask 3 under uWSGI 2.0's prefork workers with
``harakiri = 60``: clinicians' results, sample booking, CSV exports, Flask-SQLAlchemy over
PostgreSQL through psycopg 3) and ``lab-workers`` (Celery 5.4 on Redis: result flagging,
report PDFs, notifications, the clinics' appointment sync), the same codebase.

Splunk reads uWSGI's log stream, where Flask's ``default_handler`` writes ("ERROR in app:
Exception on … [POST]" and the traceback, sometimes with uWSGI's own request line in the same
event), where uWSGI prints the Python traceback of an error raised after the view returned
(a streamed export), and uWSGI's own lines (``HARAKIRI`` on a slow request, a write to a
closed socket); and the Celery worker's log. Sentry: sentry-sdk's Flask and Celery
integrations. PostHog: posthog-python's ``capture_exception`` in the portal's error handler.
Datadog: dd-trace-py APM (``flask.request``, ``celery.run``) and log monitors through the
plugin's recommended template.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import CELERY_TASK, httpx_timeout, py, pylib, sqlalchemy_integrity
from .hollowmead import FLASK_VIEW

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "results-portal": Service("results-portal", "python", "ct-uwsgi-flask", "whitbarrow:uwsgi", "/var/log/uwsgi/results-portal.log", "wb_prod", 7530031, "CPython 3.11.10", framework="flask"),
    "lab-workers": Service("lab-workers", "python", "ct-celery", "whitbarrow:celery", "/var/log/celery/lab-workers.log", "wb_prod", 7530034, "CPython 3.11.10", framework="celery"),
}

VIEW = FLASK_VIEW
# Flask-SQLAlchemy's query of one row (oldest first, below the app's call).
FIRST = (
    pylib("sqlalchemy.orm.query", "first", 2748, "return self.limit(1)._iter().first()  # type: ignore"),
    pylib("sqlalchemy.orm.query", "_iter", 2847, "result: Union[ScalarResult[_T], Result[_T]] = self.session.execute("),
    pylib("sqlalchemy.orm.session", "execute", 2308, "return self._execute_internal("),
    pylib("sqlalchemy.orm.session", "_connection_for_bind", 2140, "conn = self._connection_for_bind(bind)"),
    pylib("sqlalchemy.engine.base", "_revalidate_connection", 675, "self._dbapi_connection = self.engine.raw_connection()"),
    pylib("sqlalchemy.pool.base", "_checkout", 1277, "fairy._checkout_existing()"),
)
# One helper uploads every file to S3 (report PDFs from the workers, attachments from the portal).
PUT_OBJECT = (
    py("whitbarrow.storage", "put_file", 31, "s3.put_object(Bucket=BUCKET, Key=key, Body=body, ContentType=content_type)"),
    pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1005, "http, parsed_response = self._make_request("),
    pylib("botocore.endpoint", "_send", 382, "return self.http_session.send(request)"),
    pylib("botocore.httpsession", "send", 496, "raise EndpointConnectionError(endpoint_url=request.url, error=e)"),
)
S3_DOWN = 'Could not connect to the endpoint URL: "https://whitbarrow-files.s3.eu-west-2.amazonaws.com/{path}"'
NO_RANGE = "'NoneType' object has no attribute 'reference_range'"

PORTAL_SEARCH = {"search": "results-portal exceptions", "app": "lab_ops", "owner": "ops"}
PORTAL_REQ = {**PORTAL_SEARCH, "reqlog": True}
WORKER_SEARCH = {"search": "lab-workers failed tasks", "app": "lab_ops", "owner": "ops"}
UWSGI_SEARCH = {"search": "uwsgi harakiri and write errors", "app": "lab_ops", "owner": "ops"}
STREAMED = {**PORTAL_SEARCH, "format": "ct-uwsgi-escaped"}
APM = {"monitor": "results-portal errors by type", "team": "lab-digital"}
TASKS = {"monitor": "lab-workers failing tasks", "team": "lab-digital"}
HARAKIRI_MONITOR = {"monitor": "uWSGI harakiri", "team": "lab-digital", "filter": "service:results-portal source:uwsgi HARAKIRI"}
CELERY_LOGS = {"monitor": "lab-workers task errors", "team": "lab-digital", "filter": "service:lab-workers status:error \"raised unexpected\"", "text": "A Celery task failed on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 2}


def harakiri(path: str) -> tuple[dict[str, object], dict[str, object]]:
    """uWSGI's lines for a request killed past ``harakiri``: Splunk's row and the monitor's."""
    since = "{hms}"
    line = f"HARAKIRI: --- uWSGI worker {{idx}} (pid: {{pid}}) WAS managing request {path} since Mon Mar  2 {since} 2026 ---"
    return ({**UWSGI_SEARCH, "line": line}, {**HARAKIRI_MONITOR, "text": f"uWSGI killed a worker on {{{{log.host}}}}:\n\n{line}"})


EXPORT_SPLUNK, EXPORT_DD = harakiri("/results/export.csv?clinic={n}")
AUDIT_SPLUNK, AUDIT_DD = harakiri("/admin/audit?page={n}")

BUGS = [
    # The same missing reference range in two places: the results page and the flagging task.
    Bug("ct-result-range-none", "results-portal", (Exc("AttributeError", NO_RANGE, (*VIEW, py("whitbarrow.results.views", "show_result", 48, "flag = classify(result.value, result.analyte.reference_range.low, result.analyte.reference_range.high)"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **PORTAL_SEARCH), see("posthog"), see("datadog.apm", **APM)),
        classes=(4,), pair="ct-flag-range-none", entry="GET /results/{result_id}", span=2),
    Bug("ct-flag-range-none", "lab-workers", (Exc("AttributeError", NO_RANGE, (*CELERY_TASK, py("whitbarrow.results.tasks", "flag_results", 37, "for result in batch: flag_one(result)"), py("whitbarrow.results.flagging", "flag_one", 22, "bounds = result.analyte.reference_range.bounds_for(result.patient.sex)"))),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", **CELERY_LOGS)),
        classes=(4,), pair="ct-result-range-none", entry="whitbarrow.results.tasks.flag_results"),
    # A unique violation per table: a sample barcode scanned twice (portal), an appointment slot synced twice (worker).
    Bug("ct-sample-barcode-unique", "results-portal", sqlalchemy_integrity((*VIEW, py("whitbarrow.samples.views", "register_sample", 61, "db.session.commit()")), "samples_barcode_key", "Key (barcode)=(WB{id}) already exists.", "INSERT INTO samples (barcode, clinic_id, collected_at, test_code) VALUES (%(barcode)s::VARCHAR, %(clinic_id)s::INTEGER, %(collected_at)s::TIMESTAMP WITHOUT TIME ZONE, %(test_code)s::VARCHAR) RETURNING samples.id"),
        (see("sentry.error", 3), see("splunk", 2, **PORTAL_REQ), see("datadog.apm", **APM)),
        classes=(4,), pair="ct-appointment-slot-unique", entry="POST /samples"),
    Bug("ct-appointment-slot-unique", "lab-workers", sqlalchemy_integrity((*CELERY_TASK, py("whitbarrow.clinics.tasks", "sync_appointments", 44, "db.session.commit()")), "appointments_clinic_id_slot_at_key", "Key (clinic_id, slot_at)=({n}, 2026-03-{idx} 09:30:00) already exists.", "INSERT INTO appointments (clinic_id, slot_at, patient_ref) VALUES (%(clinic_id)s::INTEGER, %(slot_at)s::TIMESTAMP WITHOUT TIME ZONE, %(patient_ref)s::VARCHAR) RETURNING appointments.id"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", **TASKS)),
        classes=(4,), pair="ct-sample-barcode-unique", entry="whitbarrow.clinics.tasks.sync_appointments"),
    # One unit conversion, two exceptions: an HbA1c unit the table lacks, a zero molar mass for a new analyte.
    Bug("ct-convert-unit-keyerror", "results-portal", (Exc("KeyError", "'mmol/mol'", (*VIEW, py("whitbarrow.results.views", "show_result", 52, "display = convert(result.value, result.unit, preferred_unit(current_user))"), py("whitbarrow.results.units", "convert", 19, "factor = FACTORS[(from_unit, to_unit)]"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **PORTAL_SEARCH), see("posthog"), see("datadog.apm", **APM)),
        classes=(4, 5), pair="ct-convert-zero-division", entry="GET /results/{result_id}", span=2),
    Bug("ct-convert-zero-division", "results-portal", (Exc("ZeroDivisionError", "float division by zero", (*VIEW, py("whitbarrow.results.views", "show_result", 52, "display = convert(result.value, result.unit, preferred_unit(current_user))"), py("whitbarrow.results.units", "convert", 24, "return value / analyte.molar_mass * 1000"))),),
        (see("sentry.error", 3), see("splunk", 2, **PORTAL_REQ), see("datadog.apm", **APM)),
        classes=(4,), pair="ct-convert-unit-keyerror", entry="GET /results/{result_id}"),
    # Both uploads end in one S3 helper: the report PDF (worker) and a clinician's attachment (portal).
    Bug("ct-report-s3-down", "lab-workers", (Exc("EndpointConnectionError", S3_DOWN, (*CELERY_TASK, py("whitbarrow.reports.tasks", "build_report", 58, "put_file(key, pdf_bytes, \"application/pdf\")"), *PUT_OBJECT), module="botocore.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", **CELERY_LOGS)),
        classes=(9,), pair="ct-attachment-s3-down", entry="whitbarrow.reports.tasks.build_report"),
    Bug("ct-attachment-s3-down", "results-portal", (Exc("EndpointConnectionError", S3_DOWN, (*VIEW, py("whitbarrow.samples.views", "upload_attachment", 88, "put_file(key, upload.read(), upload.mimetype)"), *PUT_OBJECT), module="botocore.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **PORTAL_SEARCH), see("datadog.apm", **APM)),
        classes=(9,), pair="ct-report-s3-down", entry="POST /samples/{sample_id}/attachments"),
    # Two slow pages killed by harakiri, under one Splunk search and one monitor: the clinic export and the audit log.
    Bug("ct-export-harakiri", "results-portal", (),
        (see("splunk", 3, **EXPORT_SPLUNK), see("datadog.log", 2, **EXPORT_DD)),
        classes=(4, 7), pair="ct-audit-harakiri", entry="GET /results/export.csv"),
    Bug("ct-audit-harakiri", "results-portal", (),
        (see("splunk", 2, **AUDIT_SPLUNK), see("datadog.log", **AUDIT_DD)),
        classes=(4, 7), pair="ct-export-harakiri", entry="GET /admin/audit"),
    # The streamed CSV of a clinic's results: a row generator reading a deleted clinician after Flask returned.
    Bug("ct-export-stream-keyerror", "results-portal", (Exc("KeyError", "'clinician_name'", (pylib("flask.helpers", "generator", 113, "yield from gen"), py("whitbarrow.results.exports", "rows", 29, "yield csv_line(row[\"sample\"], row[\"clinician_name\"], row[\"value\"])"))),),
        (see("sentry.error", 2), see("splunk", 3, **STREAMED)),
        classes=(10,), entry="GET /results/export.csv"),
    # The PDF view writing to a client that hung up: uWSGI's own line, Python's OSError in Sentry.
    Bug("ct-pdf-write-error", "results-portal", (Exc("OSError", "write error", (*VIEW, py("whitbarrow.reports.views", "download_pdf", 33, "return send_file(io.BytesIO(pdf), mimetype=\"application/pdf\")")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, **UWSGI_SEARCH, line="uwsgi_response_writev_headers_and_body_do(): Broken pipe [core/writer.c line 306] during GET /reports/{id}/pdf ({ip})")),
        classes=(7,), entry="GET /reports/{report_id}/pdf"),
    # The monthly pack: Celery's soft time limit raised wherever the task was.
    Bug("ct-pack-soft-limit", "lab-workers", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*CELERY_TASK, py("whitbarrow.reports.tasks", "build_monthly_pack", 81, "pages.extend(render_clinic(clinic) for clinic in clinics)"), py("whitbarrow.reports.pdf", "render_clinic", 40, "return HTML(string=html).write_pdf()"), pylib("billiard.pool", "soft_timeout_sighandler", 228, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", 2, **TASKS)),
        classes=(8,), entry="whitbarrow.reports.tasks.build_monthly_pack"),
    # The clinician notification: the relay refuses an address; the task renamed notify_requester in 2026.10.
    Bug("ct-notify-refused", "lab-workers", (Exc("SMTPRecipientsRefused", "{'{email}': (550, b'5.1.1 <{email}>: Recipient address rejected: User unknown')}", (*CELERY_TASK, py("whitbarrow.notify.tasks", "notify_clinician", 26, "mail.send(message)"), pylib("flask_mail", "send", 427, "message.send(connection)"), pylib("smtplib", "sendmail", 891, "raise SMTPRecipientsRefused(senderrs)")), module="smtplib"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", **CELERY_LOGS)),
        classes=(5,), entry="whitbarrow.notify.tasks.notify_clinician", span=3, renames={"notify_clinician": "notify_requester"}),
    # The postcode lookup for new clinics, through httpx.
    Bug("ct-postcode-lookup-timeout", "results-portal", httpx_timeout((*VIEW, py("whitbarrow.clinics.views", "create_clinic", 27, "address = lookup_postcode(form.postcode.data)"), py("whitbarrow.clinics.geo", "lookup_postcode", 14, "response = client.post(LOOKUP_URL, json={\"postcodes\": [postcode]})")), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2), see("splunk", 2, **PORTAL_SEARCH), see("posthog"), see("datadog.apm", **APM)),
        entry="POST /clinics"),
    # Postgres restarted under the portal: the pool hands out a dead connection.
    Bug("ct-pg-closed", "results-portal", (Exc("OperationalError", "(psycopg.OperationalError) consuming input failed: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n(Background on this error at: https://sqlalche.me/e/20/e3q8)", (*VIEW, py("whitbarrow.results.views", "inbox", 19, "pending = Result.query.filter_by(clinician_id=current_user.id, read=False).first()"), *FIRST), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("splunk", 2, **PORTAL_REQ), see("datadog.apm", 2, **APM)),
        entry="GET /inbox"),
    # Seen once: a consent form uploaded as a HEIC photo.
    Bug("ct-consent-heic", "results-portal", (Exc("UnidentifiedImageError", "cannot identify image file <_io.BytesIO object at {addr}>", (*VIEW, py("whitbarrow.samples.views", "upload_consent", 102, "image = Image.open(upload.stream)"), pylib("PIL.Image", "open", 3498, "raise UnidentifiedImageError(msg)")), module="PIL"),),
        (see("sentry.error"),),
        singleton=True, entry="POST /samples/{sample_id}/consent"),
]

NOISE = [
    Noise("ct-noise-uwsgi-respawn", "results-portal", "splunk", {**UWSGI_SEARCH, "line": "Respawned uWSGI worker {idx} (new pid: {pid})"}),
    Noise("ct-noise-celery-ready", "lab-workers", "splunk", {**WORKER_SEARCH, "line": "[{gts},{millis}: INFO/MainProcess] celery@lab-workers-{idx} ready."}),
    Noise("ct-noise-deploy", "results-portal", "datadog.event", {"monitor": "Deployed results-portal 2026.10.1", "text": "Ansible deployed results-portal and lab-workers 2026.10.1 (uWSGI reloaded gracefully, 2 Celery nodes restarted).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lab-digital"}),
]

WHITBARROW = Company(
    key="ct",
    name="Whitbarrow Laboratories",
    domain="whitbarrow.example",
    sentry_org="whitbarrow",
    splunk_url="https://whitbarrow.splunkcloud.com",
    splunk_guid="3E71A9D4-0B52-4C86-A1F7-92D5E8B6C043",
    datadog_org=("753926", "Whitbarrow Laboratories"),
    datadog_template="recommended",
    posthog_project=(94415, "results.whitbarrow.example"),
    releases=("2026.10.0", "2026.10.1", "2026.10.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="whitbarrow-sentry-client-secret",
)
# fmt: on
