"""(lw) Newbold Clinics, a chain of physiotherapy clinics: ``booking-api``, a Python 3.12
FastAPI service on Cloud Run (SQLAlchemy 2's asyncio engine over asyncpg on Cloud SQL, httpx
for the SMS gateway and the insurers' pre-authorisation API), logging with loguru's
``serialize=True`` sink on stdout (``lw-gcp``: ``jsonPayload.text`` with the traceback as
loguru's ``backtrace`` formats it, ``jsonPayload.record``); exceptions that escape the team's
middleware reach uvicorn, whose ``Exception in ASGI application`` text goes to stderr.

Logs reach Splunk through the same Pub/Sub sink and Dataflow template as Northwold's (one saved
search) and Datadog through the GCP integration (one log monitor, grouped by service; the
team's pipeline remaps loguru's ``text`` to the message). sentry-python with the FastAPI
integration. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FASTAPI_ENDPOINT, FASTAPI_ROUTE, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.fastapi", "2.13.0", "pypi:sentry-sdk")
SRC = "projects/newbold-clinics-prod/subscriptions/splunk-log-export"
SERVICES = {
    "booking-api": Service("booking-api", "python", "lw-gcp", "google:gcp:pubsub:message", SRC, "gcp_logs", 11030011, "CPython 3.12.4", framework="starlette", sdk=SDK),
}

EXECUTE = (
    pylib("sqlalchemy.ext.asyncio.session", "commit", 1011, "await greenlet_spawn(self.sync_session.commit)"),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 203, "result = context.switch(value)"),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "execute", 572, "self._adapt_connection.await_("),
)
# Every outbound call goes through one helper; its post_json is the last app frame.
POST_JSON = py("newbold.clients.base", "post_json", 27, "resp = await self._client.post(path, json=body, timeout=10.0)")
HTTPX_READ = (
    pylib("httpx._client", "post", 1892, "return await self.request("),
    pylib("httpx._transports.default", "handle_async_request", 372, "with map_httpcore_exceptions():"),
    pylib("httpx._transports.default", "map_httpcore_exceptions", 86, "raise mapped_exc(message) from exc"),
)


def view(*frames: Frame) -> tuple[Frame, ...]:
    return (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, *frames)


def unique(constraint: str, detail: str, sql: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'
    return (
        Exc("UniqueViolationError", pg, frames, module="asyncpg.exceptions"),
        Exc("IntegrityError", f"(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: {pg}\n[SQL: {sql}]\n[parameters: ({{id}}, {{n}})]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", frames, module="sqlalchemy.exc"),
    )


def read_timeout(app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    frames = view(*app, POST_JSON, *HTTPX_READ)
    return (
        Exc("ReadTimeout", "", (pylib("httpcore._backends.anyio", "read", 32, "with map_exceptions(exc_map):"),), module="httpcore"),
        Exc("ReadTimeout", "", frames, module="httpx"),
    )


S_RUN = dict(search="Cloud Run booking-api - errors", owner="svc_gcp", app="nb_ops")
S_UVI = dict(S_RUN, kind="uvicorn")
S_WRAP = dict(S_RUN, kind="wrap")
TEAM = "clinics"
DD = dict(monitor="[Cloud Run] booking-api error logs", team=TEAM, by="service", scope="service:booking-api", filter="source:gcp.cloud.run.revision service:booking-api", format="lw-dd", text="booking-api is logging errors ({{value}} in 5m).\n\n```\n{{log.message}}\n```", sample_lines=8)
DD_UVI = dict(DD, kind="uvicorn")

APPT = "newbold.routers.appointments"
PAT = "newbold.routers.patients"
NOTIFY = "newbold.services.notify"

BUGS = [
    # Unique violations on two tables behind one commit.
    Bug("lw-slot-unique", "booking-api", unique("appointments_clinician_id_starts_at_key", "Key (clinician_id, starts_at)=({n}, 2026-03-0{idx} 09:30:00+00) already exists.", "INSERT INTO appointments (clinician_id, patient_id, starts_at, kind) VALUES ($1::INTEGER, $2::INTEGER, $3::TIMESTAMP WITH TIME ZONE, $4::VARCHAR) RETURNING appointments.id", view(py(APPT, "book_appointment", 64, "await session.commit()"), *EXECUTE)),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_RUN), see("splunk", **S_WRAP), see("datadog.log", 2, **DD)),
        classes=(1, 4), pair="lw-patient-unique", entry="POST /v1/appointments", log="booking failed for clinician {n}", logger=f"{APPT}:book_appointment:70"),
    Bug("lw-patient-unique", "booking-api", unique("patients_email_key", "Key (email)=({email}) already exists.", "INSERT INTO patients (email, first_name, last_name, dob) VALUES ($1::VARCHAR, $2::VARCHAR, $3::VARCHAR, $4::DATE) RETURNING patients.id", view(py(PAT, "register_patient", 38, "await session.commit()"), *EXECUTE)),
        (see("sentry.error", 3), see("splunk", 2, **S_RUN), see("datadog.log", 2, **DD)),
        classes=(1, 4), pair="lw-slot-unique", entry="POST /v1/patients", log="registration failed", logger=f"{PAT}:register_patient:44"),
    # The same None attribute in two places: the reminder sender and the invoice mailer.
    Bug("lw-reminder-none-phone", "booking-api", (Exc("AttributeError", "'NoneType' object has no attribute 'mobile'", view(py(APPT, "confirm_appointment", 91, "await notify.send_confirmation(appt)"), py(NOTIFY, "send_confirmation", 22, "to = appt.patient.contact.mobile")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_RUN), see("splunk", **S_UVI), see("datadog.log", 2, **DD)),
        classes=(4,), pair="lw-invoice-none-phone", entry="POST /v1/appointments/{id}/confirm", log="confirmation failed for appointment {id}", logger=f"{APPT}:confirm_appointment:95"),
    Bug("lw-invoice-none-phone", "booking-api", (Exc("AttributeError", "'NoneType' object has no attribute 'mobile'", view(py("newbold.routers.invoices", "send_invoice", 57, "await notify.send_invoice_link(invoice)"), py(NOTIFY, "send_invoice_link", 48, "to = invoice.payer.contact.mobile")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **S_RUN), see("datadog.log", **DD)),
        classes=(4, 5), pair="lw-reminder-none-phone", entry="POST /v1/invoices/{id}/send", log="invoice send failed", logger="newbold.routers.invoices:send_invoice:61", span=2),
    # One helper, two upstreams: the SMS gateway and the insurer's pre-authorisation API.
    Bug("lw-sms-timeout", "booking-api", read_timeout((py(APPT, "confirm_appointment", 91, "await notify.send_confirmation(appt)"), py(NOTIFY, "send_confirmation", 25, "await sms.post_json('/v2/messages', payload)"))),
        (see("sentry.error", 3), see("splunk", 2, **S_RUN), see("datadog.log", 2, **DD)),
        classes=(9,), pair="lw-preauth-timeout", entry="POST /v1/appointments/{id}/confirm", log="confirmation failed for appointment {id}", logger=f"{APPT}:confirm_appointment:95"),
    Bug("lw-preauth-timeout", "booking-api", read_timeout((py(APPT, "book_appointment", 51, "auth = await insurers.preauthorise(body.policy)"), py("newbold.services.insurers", "preauthorise", 33, "data = await self.api.post_json('/preauth', req)"))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_RUN), see("splunk", **S_UVI), see("datadog.log", 2, **DD)),
        classes=(9,), pair="lw-sms-timeout", entry="POST /v1/appointments", log="booking failed for clinician {n}", logger=f"{APPT}:book_appointment:70"),
    # One slots function, two errors: an unknown clinic time zone and a bad duration.
    Bug("lw-slots-zoneinfo", "booking-api", (Exc("ZoneInfoNotFoundError", "'No time zone found with key Europe/Belfast '", view(py("newbold.routers.slots", "list_slots", 29, "return await available_slots(clinic, day)"), py("newbold.services.slots", "available_slots", 17, "tz = ZoneInfo(clinic.timezone)"), pylib("zoneinfo._common", "load_tzdata", 24, 'raise ZoneInfoNotFoundError(f"No time zone found with key {key}")')), module="zoneinfo"),),
        (see("sentry.error", 3), see("splunk", 2, **S_UVI), see("datadog.log", 2, **DD_UVI)),
        classes=(4,), pair="lw-slots-duration", entry="GET /v1/clinics/{id}/slots"),
    Bug("lw-slots-duration", "booking-api", (Exc("ValueError", "range() arg 3 must not be zero", view(py("newbold.routers.slots", "list_slots", 29, "return await available_slots(clinic, day)"), py("newbold.services.slots", "available_slots", 23, "for minute in range(start, end, clinic.slot_minutes):")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_UVI), see("splunk", **S_RUN, kind="uvicorn"), see("datadog.log", 2, **DD_UVI)),
        classes=(4,), pair="lw-slots-zoneinfo", entry="GET /v1/clinics/{id}/slots"),
    # Two different bugs only the one search and monitor join: a pool timeout and a KeyError.
    Bug("lw-pool-timeout", "booking-api", (Exc("TimeoutError", "", (pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val"),), module="builtins"), Exc("TimeoutError", "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", view(py("newbold.routers.clinicians", "get_diary", 19, "rows = await session.execute(stmt)"), pylib("sqlalchemy.pool.impl", "_do_get", 169, "raise exc.TimeoutError(")), module="sqlalchemy.exc")),
        (see("sentry.error", 3), see("splunk", 3, **S_RUN), see("datadog.log", 2, **DD)),
        classes=(2,), pair="lw-webhook-keyerror", entry="GET /v1/clinicians/{id}/diary", log="diary load failed", logger="newbold.routers.clinicians:get_diary:24"),
    Bug("lw-webhook-keyerror", "booking-api", (Exc("KeyError", "'payment_intent'", view(py("newbold.routers.webhooks", "stripe_webhook", 42, "intent_id = event['data']['object']['payment_intent']")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_RUN), see("datadog.log", 2, **DD)),
        classes=(2,), pair="lw-pool-timeout", entry="POST /v1/webhooks/stripe", log="stripe webhook failed", logger="newbold.routers.webhooks:stripe_webhook:47"),
    # Not pairs.
    Bug("lw-pydantic-dob", "booking-api", (Exc("ValidationError", "1 validation error for PatientOut\ndob\n  Input should be a valid date [type=date_type, input_value=None, input_type=NoneType]\n    For further information visit https://errors.pydantic.dev/2.8/v/date_type", view(py(PAT, "get_patient", 71, "return PatientOut.model_validate(patient)"), pylib("pydantic.main", "model_validate", 568, "return cls.__pydantic_validator__.validate_python(")), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **S_UVI), see("datadog.log", **DD_UVI)),
        classes=(5,), entry="GET /v1/patients/{id}", span=3, renames={"get_patient": "read_patient"}),
    Bug("lw-cloudsql-refused", "booking-api", (Exc("ConnectionRefusedError", "[Errno 111] Connect call failed ('10.41.0.3', 5432)", (pylib("asyncio.selector_events", "sock_connect", 651, "return await fut"),), module="builtins"), Exc("OSError", "Multiple exceptions: [Errno 111] Connect call failed ('10.41.0.3', 5432), [Errno 99] Cannot assign requested address", view(py("newbold.db", "get_session", 14, "async with SessionLocal() as session:"), pylib("asyncpg.connect_utils", "_connect_addr", 734, "tr, pr = await connector")), module="builtins")),
        (see("sentry.error", 2), see("splunk", 2, **S_UVI), see("datadog.log", **DD_UVI)),
        entry="GET /v1/clinics/{id}/slots"),
    Bug("lw-singleton-recursion", "booking-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", view(py("newbold.services.referrals", "walk_chain", 12, "return walk_chain(ref.previous, seen)")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/referrals/{id}"),
]

NOISE = [
    Noise("lw-noise-started", "booking-api", "splunk", {**S_RUN, "line": '{"insertId":"65e7a1c3000d2b9f4c61e8aa","textPayload":"INFO:     Application startup complete.","resource":{"type":"cloud_run_revision","labels":{"service_name":"booking-api","location":"europe-west1","project_id":"newbold-clinics-prod","configuration_name":"booking-api","revision_name":"booking-api-00119-vap"}},"timestamp":"2026-03-04T06:58:01.220147Z","severity":"INFO","logName":"projects/newbold-clinics-prod/logs/run.googleapis.com%2Fstderr"}'}),
    Noise("lw-noise-recovered", "booking-api", "datadog.log", {**DD, "text": "[Recovered] booking-api error logs back to normal.", "transition": "Recovered", "alert_type": "success"}),
    Noise("lw-noise-deploy", "booking-api", "datadog.event", {"monitor": "booking-api revision deployed", "text": "Cloud Run revision booking-api-00120-kez is serving 100% of traffic.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
]

NEWBOLD = Company(
    key="lw",
    name="Newbold Clinics",
    domain="newboldclinics.example",
    sentry_org="newbold-clinics",
    splunk_url="https://newbold.splunkcloud.example",
    splunk_guid="9E4A7C13-2B6F-4D80-A5E1-C38B0F7D2A96",
    datadog_org=("1103001", "Newbold Clinics"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("1.31.0", "1.32.0", "1.32.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="newbold-sentry-client-secret",
)
# fmt: on
