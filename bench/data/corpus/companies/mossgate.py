"""(ad) Mossgate, veterinary clinic booking: a Litestar 2 API on Python 3.11 (``api``, its
uncaught exceptions logged by Litestar's own logger through ``logging.basicConfig``'s
``%(levelname)s:%(name)s:%(message)s``) and SAQ workers on Redis (``worker``: reminders, lab
results, SMS, PDF exports), whose logs go through the team's own formatter, a dict of short
keys of their choosing dumped with ``json.dumps``.

Sentry (sentry-python: the Litestar integration on the API, the logging integration on the
workers, which have no SAQ integration) and PostHog (posthog-python's ``capture_exception``
in the API's exception hook) see the services; Splunk indexes both log streams; Datadog posts
the team's own template (``mossgate`` in ``datadog.TEMPLATES``).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import httpx_timeout, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.litestar", "2.3.1", "pypi:sentry-sdk")
SERVICES = {
    "api": Service("api", "python", "python-basic", "mossgate:api", "/var/log/containers/api.log", "mg_prod", 8810041, "CPython 3.11.9", framework="litestar", sdk=SDK),
    "worker": Service("worker", "python", "mossgate-json", "mossgate:worker:json", "/var/log/containers/worker.log", "mg_prod", 8810044, "CPython 3.11.9", framework="logging", sdk=("sentry.python", "2.3.1", "pypi:sentry-sdk")),
}

# Litestar 2.8 from the exception middleware down to the handler's coroutine.
LITESTAR = (
    pylib("litestar.middleware._internal.exceptions.middleware", "__call__", 159, "await self.app(scope, receive, send)"),
    pylib("litestar.routes.http", "handle", 81, "response = await self._get_response_for_request("),
    pylib("litestar.routes.http", "_get_response_for_request", 133, "return await self._call_handler_function("),
    pylib("litestar.routes.http", "_call_handler_function", 153, "response_data, cleanup_group = await self._get_response_data("),
    pylib("litestar.routes.http", "_get_response_data", 200, "data = await route_handler.fn(**parsed_kwargs)"),
)
# SAQ's worker awaiting the job's task through asyncio.wait_for.
SAQ = (
    pylib("saq.worker", "process", 328, "result = await asyncio.wait_for("),
    pylib("asyncio.tasks", "wait_for", 520, "return await fut"),
)
# SQLAlchemy 2 (advanced-alchemy's repository) flushing through asyncpg.
ASYNCPG_FLUSH = (
    pylib("advanced_alchemy.repository._async", "add", 312, "await self._flush_or_commit(auto_commit=auto_commit)"),
    pylib("sqlalchemy.ext.asyncio.session", "flush", 802, "await greenlet_spawn(self.sync_session.flush, objects=objects)"),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 201, "result = context.throw(*sys.exc_info())"),
    pylib("sqlalchemy.orm.session", "flush", 4352, "self._flush(objects)"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "execute", 572, "self._adapt_connection._handle_exception(error)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_handle_exception", 788, "raise translated_error from error"),
)
ASYNCPG_EXECUTE = (
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_prepare_and_execute", 521, "self._rows = deque(await prepared_stmt.fetch(*parameters))"),
    pylib("asyncpg.prepared_stmt", "fetch", 176, "data = await self.__bind_execute(args, 0, timeout)"),
    pylib("asyncpg.prepared_stmt", "__bind_execute", 267, "data, status, _ = await self.__do_execute("),
    pylib("asyncpg.prepared_stmt", "__do_execute", 256, "return await executor(protocol)"),
)

LITESTAR_LOG = dict(log="Uncaught exception (connection_type=http, path='{path}'):", logger="litestar")
SAQ_LOG = "Error processing job Job<function={fn}, kwargs={'clinic_id': {id}}, queue=default, id=saq:job:default:{uuid}, scheduled=0, progress=0.0, attempts=1, status=active, meta={}>"
SENTRY_JOB = dict(mechanism="logging")
DD = dict(team="clinic-app")


def a(module: str, function: str, line: int, context: str = "") -> Frame:
    return py("mossgate." + module, function, line, context)


def saq_log(fn: str) -> dict[str, str]:
    return dict(log=SAQ_LOG.replace("{fn}", fn), logger="saq.worker")


def unique(constraint: str, detail: str, app: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    cause = Exc("UniqueViolationError", f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}', ASYNCPG_EXECUTE, module="asyncpg.exceptions")
    return cause, Exc("IntegrityError", f"(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: duplicate key value violates unique constraint \"{constraint}\"\nDETAIL:  {detail}\n[SQL: INSERT INTO ...]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", (*app, *ASYNCPG_FLUSH), module="sqlalchemy.exc")


NAIVE = "can't compare offset-naive and offset-aware datetimes"
BUGS = [
    # A naive datetime from the booking form compared with the clinic's aware opening hours.
    Bug("mg-slot-naive-dt", "api", (Exc("TypeError", NAIVE, (*LITESTAR, a("appointments.routes", "book_appointment", 64, "slot = await slots.reserve(clinic, data.starts_at)"), a("appointments.slots", "reserve", 41, "if starts_at < clinic.opens_at(starts_at.date()):")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2), see("posthog", 2), see("datadog.log", **DD, monitor="api uncaught exceptions", filter="service:api logger_name:litestar", style="sample"), see("datadog.apm", **DD, style="route", monitor="Booking error rate")),
        classes=(1, 4), pair="mg-reminder-naive-dt", entry="POST /clinics/{clinic_id}/appointments", **LITESTAR_LOG),
    Bug("mg-reminder-naive-dt", "worker", (Exc("TypeError", NAIVE, (*SAQ, a("reminders.jobs", "send_reminders", 37, "due = [a for a in upcoming if a.starts_at - REMINDER_LEAD <= now]")), module="builtins"),),
        (see("sentry.error", 2, **SENTRY_JOB), see("splunk", 3), see("datadog.task", **DD, monitor="SAQ job failures"), see("splunk", stats={"function": "send_reminders", "failures": "{n}", "last_error": "TypeError: " + NAIVE, "hosts": "{idx}"}, search="mossgate - failed SAQ jobs by function")),
        classes=(4,), pair="mg-slot-naive-dt", entry="send_reminders", **saq_log("send_reminders")),
    # A pet imported from the old system without a species; two readers of the same dict.
    Bug("mg-pet-species-key", "api", (Exc("KeyError", "'species'", (*LITESTAR, a("pets.routes", "get_pet", 29, "return PetOut.from_record(record)"), a("pets.schemas", "from_record", 52, "species=SPECIES[record.extra['species']],")), module="builtins"),),
        (see("sentry.error", 4), see("splunk", 2), see("sentry.issue")),
        classes=(5,), span=2, renames={"get_pet": "read_pet"}, pair="mg-invoice-species-key", entry="GET /pets/{pet_id}", **LITESTAR_LOG),
    Bug("mg-invoice-species-key", "api", (Exc("KeyError", "'species'", (*LITESTAR, a("billing.routes", "finalize_invoice", 77, "invoice = await billing.finalize(invoice_id)"), a("billing.pricing", "consult_fee", 23, "band = FEE_BANDS[pet.extra['species']]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("posthog", 1)),
        pair="mg-pet-species-key", entry="POST /invoices/{invoice_id}/finalize", **LITESTAR_LOG),
    # Two unique constraints: owners registering twice, and a microchip typed into two pets.
    Bug("mg-owner-email-unique", "api", unique("uq_owner_email", "Key (lower(email::text))=({email}) already exists.", (*LITESTAR, a("owners.routes", "register_owner", 44, "owner = await repo.add(Owner(**data.model_dump()))"))),
        (see("sentry.error", 3), see("splunk", 2), see("posthog", 1), see("sentry.issue"), see("datadog.log", 2, **DD, monitor="api uncaught exceptions", filter="service:api logger_name:litestar", text="Uncaught exception on {{log.service}} ({{log.host}}):\n\n{{log.message}}")),
        classes=(2, 4), pair="mg-pet-microchip-unique", entry="POST /owners", **LITESTAR_LOG),
    Bug("mg-pet-microchip-unique", "api", unique("uq_pet_microchip", "Key (microchip)=(9851{offset}) already exists.", (*LITESTAR, a("pets.routes", "create_pet", 88, "pet = await repo.add(Pet(owner_id=owner_id, **data.model_dump()))"))),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", **DD, monitor="api uncaught exceptions", filter="service:api logger_name:litestar", text="Uncaught exception on {{log.service}} ({{log.host}}):\n\n{{log.message}}")),
        classes=(2,), pair="mg-owner-email-unique", entry="POST /owners/{owner_id}/pets", **LITESTAR_LOG),
    # Deleting a pet that still has appointments: the foreign key refuses.
    Bug("mg-pet-delete-fk", "api", (Exc("ForeignKeyViolationError", 'update or delete on table "pets" violates foreign key constraint "fk_appointments_pet_id" on table "appointments"\nDETAIL:  Key (id)=({id}) is still referenced from table "appointments".', ASYNCPG_EXECUTE, module="asyncpg.exceptions"), Exc("IntegrityError", '(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class \'asyncpg.exceptions.ForeignKeyViolationError\'>: update or delete on table "pets" violates foreign key constraint "fk_appointments_pet_id" on table "appointments"\nDETAIL:  Key (id)=({id}) is still referenced from table "appointments".\n[SQL: DELETE FROM pets WHERE pets.id = $1::UUID]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)', (*LITESTAR, a("pets.routes", "delete_pet", 104, "await repo.delete(pet_id)"), pylib("advanced_alchemy.repository._async", "delete", 402, "await self._flush_or_commit(auto_commit=auto_commit)"), *ASYNCPG_FLUSH[1:]), module="sqlalchemy.exc")),
        (see("sentry.error", 3), see("splunk", 2), see("posthog", 1), see("datadog.apm", **DD, style="message", monitor="api error spans")),
        classes=(2,), entry="DELETE /pets/{pet_id}", **LITESTAR_LOG),
    # Two SAQ jobs timing out on two partners' APIs: the same httpx words.
    Bug("mg-lab-sync-timeout", "worker", httpx_timeout((*SAQ, a("labs.jobs", "sync_lab_results", 58, "resp = client.post(f\"{LAB_URL}/v2/results/query\", json=query)")), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2, **SENTRY_JOB), see("splunk", 4), see("datadog.task", 2, **DD, monitor="SAQ job failures")),
        classes=(8,), pair="mg-sms-batch-timeout", entry="sync_lab_results", **saq_log("sync_lab_results")),
    Bug("mg-sms-batch-timeout", "worker", httpx_timeout((*SAQ, a("notify.sms", "send_sms_batch", 31, "r = client.post(GATEWAY + \"/messages/batch\", json={\"messages\": batch})")), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2, **SENTRY_JOB), see("splunk", 3), see("datadog.task", **DD, monitor="SAQ job failures")),
        classes=(8,), pair="mg-lab-sync-timeout", entry="send_sms_batch", **saq_log("send_sms_batch")),
    # The team's alerting helper (capture_message with the stack) reached from two failures.
    Bug("mg-capture-declined", "worker", (Exc("Message", "", (*SAQ, a("billing.jobs", "capture_deposits", 49, "await alerts.report_failure(f\"deposit capture failed for invoice {invoice.id}: {err.code}\")"), a("observability.alerts", "report_failure", 18, "sentry_sdk.capture_message(text, level=\"error\")"))),),
        (see("sentry.error", 3, **SENTRY_JOB), see("splunk", 2, line='{"t": {epoch}, "lvl": "ERROR", "src": "mossgate.observability.alerts", "text": "deposit capture failed for invoice {id}: card_declined", "pod": "worker", "rel": "2026.11.2", "job": "capture_deposits"}')),
        classes=(2, 9), message_event=True, pair="mg-refund-failed", entry="capture_deposits", log="deposit capture failed for invoice {id}: card_declined", logger="mossgate.observability.alerts"),
    Bug("mg-refund-failed", "worker", (Exc("Message", "", (*SAQ, a("billing.jobs", "refund_cancellations", 88, "await alerts.report_failure(f\"refund failed for invoice {invoice.id}: {err.code}\")"), a("observability.alerts", "report_failure", 18, "sentry_sdk.capture_message(text, level=\"error\")"))),),
        (see("sentry.error", 2, **SENTRY_JOB), see("splunk", 2, line='{"t": {epoch}, "lvl": "ERROR", "src": "mossgate.observability.alerts", "text": "refund failed for invoice {id}: charge_already_refunded", "pod": "worker", "rel": "2026.11.2", "job": "refund_cancellations"}')),
        classes=(2, 9), message_event=True, pair="mg-capture-declined", entry="refund_cancellations", log="refund failed for invoice {id}: charge_already_refunded", logger="mossgate.observability.alerts"),
    # A clinic whose membership row is gone: the guard and an export job read it.
    Bug("mg-guard-none-clinic", "api", (Exc("AttributeError", "'NoneType' object has no attribute 'clinic_id'", (*LITESTAR[:1], pylib("litestar.handlers.base", "authorize_connection", 505, "await guard(connection, copy(self))"), a("auth.guards", "clinic_member_guard", 22, "if membership.clinic_id != connection.path_params[\"clinic_id\"]:")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("posthog", 2), see("datadog.apm", **DD, style="message", monitor="api error spans")),
        pair="mg-export-none-clinic", entry="GET /clinics/{clinic_id}/schedule", **LITESTAR_LOG),
    Bug("mg-export-none-clinic", "worker", (Exc("AttributeError", "'NoneType' object has no attribute 'clinic_id'", (*SAQ, a("records.jobs", "export_records_pdf", 40, "folder = storage.folder_for(vet.primary_membership.clinic_id)")), module="builtins"),),
        (see("sentry.error", 3, **SENTRY_JOB), see("splunk", 2)),
        pair="mg-guard-none-clinic", entry="export_records_pdf", **saq_log("export_records_pdf")),
    # A lab's webhook payload with a null patient name, decoded by msgspec in a job.
    Bug("mg-lab-webhook-null", "worker", (Exc("ValidationError", "Expected `str`, got `null` - at `$.patient.name`", (*SAQ, a("labs.jobs", "ingest_lab_webhook", 21, "result = msgspec.json.decode(raw, type=LabResult)")), module="msgspec"),),
        (see("sentry.error", 3, **SENTRY_JOB), see("splunk", 2)),
        entry="ingest_lab_webhook", **saq_log("ingest_lab_webhook")),
    # SAQ's upkeep loop losing Redis: SAQ logs it itself.
    Bug("mg-saq-redis-refused", "worker", (Exc("ConnectionRefusedError", "[Errno 111] Connection refused", (pylib("redis.asyncio.connection", "connect", 277, "await self.retry.call_with_retry("), pylib("redis.asyncio.connection", "_connect", 728, "reader, writer = await asyncio.open_connection("), pylib("asyncio.base_events", "create_connection", 1078, "raise exceptions[0]")), module="builtins"), Exc("ConnectionError", "Error 111 connecting to redis-master:6379. Connection refused.", (pylib("saq.worker", "poll", 248, "await func(arg or sleep)"), pylib("saq.queue.redis", "sweep", 311, "for job_id in await self.redis.lrange(self._active, 0, -1):"), pylib("redis.asyncio.client", "execute_command", 605, "conn = self.connection or await pool.get_connection(command_name, **options)"), pylib("redis.asyncio.connection", "connect", 283, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions")),
        (see("sentry.error", 2, **SENTRY_JOB), see("splunk", 3), see("datadog.log", **DD, monitor="SAQ upkeep failing", filter="service:worker @src:saq.worker", text="SAQ upkeep failed on {{log.host}}: {{log.attributes.err.cls}}: {{log.attributes.err.said}}")),
        classes=(8,), log="Upkeep task failed unexpectedly", logger="saq.worker"),
    # The PDF export job after the slim base image dropped Pango (release 2 on).
    Bug("mg-pdf-pango-missing", "worker", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate a library called 'libpango-1.0-0'", (*SAQ, a("records.jobs", "export_records_pdf", 52, "pdf = render_pdf(html)"), a("records.pdf", "render_pdf", 9, "from weasyprint import HTML"), pylib("weasyprint.text.ffi", "<module>", 440, "pango = _dlopen("), pylib("weasyprint.text.ffi", "_dlopen", 428, "return ffi.dlopen(names[0], flags)"), pylib("cffi.api", "dlopen", 150, "lib, function_cache = _make_ffi_library(self, name, flags)")), module="builtins"),),
        (see("sentry.error", 2, **SENTRY_JOB, release=1), see("splunk", 2, release=2, stats={"function": "export_records_pdf", "failures": "{n}", "last_error": "OSError: cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory.", "hosts": "{n}"}, search="mossgate - failed SAQ jobs by function"), see("datadog.task", **DD, monitor="SAQ job failures", release=2)),
        classes=(5, 8), span=3, entry="export_records_pdf", **saq_log("export_records_pdf")),
    # Workers killed for memory while exporting: no trace at all.
    Bug("mg-worker-oom", "worker", (),
        (see("datadog.metric", 2, monitor="worker OOMKilled", scope="kube_deployment:worker", team="clinic-app", metric="kubernetes.containers.state.terminated", query="max(last_5m):max:kubernetes.containers.state.terminated{reason:oomkilled,kube_deployment:worker} > 0", event_type="metric_alert_monitor", status="kubernetes.containers.state.terminated over kube_deployment:worker was > 0.0 during the last 5m", text="worker container OOMKilled on {n} pods (limit 768Mi) - check export_records_pdf batch sizes."),),
        classes=(8,)),
    # Seen once: an occupancy report dividing by a clinic's zero rooms.
    Bug("mg-occupancy-zero", "api", (Exc("ZeroDivisionError", "division by zero", (*LITESTAR, a("reports.routes", "occupancy", 35, "return occupancy_report(clinic, week)"), a("reports.occupancy", "occupancy_report", 61, "rate = booked_minutes / (clinic.rooms * OPEN_MINUTES)")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /clinics/{clinic_id}/reports/occupancy", **LITESTAR_LOG),
]

NOISE = [
    Noise("mg-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api 2026.11.2", "text": "Argo CD synced mossgate-api to 2026.11.2 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("mg-noise-saq-start", "worker", "splunk", {"search": "worker - errors", "line": '{"t": {epoch}, "lvl": "INFO", "src": "saq.worker", "text": "Worker starting: Queue<redis=Redis<ConnectionPool<Connection<host=redis-master,port=6379,db=0>>>, name=\'default\'>"}'}),
    Noise("mg-noise-recovered", "api", "datadog.log", {"monitor": "api uncaught exceptions", "transition": "Recovered", "alert_type": "success", "team": "clinic-app", "filter": "service:api logger_name:litestar", "text": "Uncaught exceptions on api are back under the threshold."}),
]

MOSSGATE = Company(
    key="ad",
    name="Mossgate",
    domain="mossgate.example",
    sentry_org="mossgate",
    splunk_url="https://mossgate.splunkcloud.com",
    splunk_guid="2F7C1B94-0E3A-4D55-9C81-6B0D3E2A7F19",
    datadog_org=("1187342", "Mossgate"),
    datadog_template="mossgate",
    posthog_project=(61204, "Mossgate Clinics"),
    releases=("2026.11.1", "2026.11.2", "2026.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="mossgate-sentry-client-secret",
)
# fmt: on
