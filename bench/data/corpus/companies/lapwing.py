"""(ar) Lapwing Health, online GP and physiotherapy bookings: a FastAPI booking API on
Python 3.11 (``booking-api``: gunicorn with uvicorn workers; sync endpoints over SQLAlchemy 2
and psycopg 3, run in Starlette's threadpool), Celery 5.4 workers (``tasks``: reminders,
invoices, lab results, video rooms, recordings) and a Next.js 14 App Router site (``web``,
webpack chunks under ``/_next/static/chunks/app/…``).

Logs to Splunk: gunicorn's error log carrying uvicorn's "Exception in ASGI application", the
team's ``logging`` format with a request id for errors the API logs itself, Celery's default
worker text and, on the newer worker pool, the root logger through python-json-logger. Sentry:
sentry-sdk (FastAPI and Celery integrations) and @sentry/nextjs in the browser; PostHog:
posthog-js on the site (Chrome, Edge, Firefox, Safari) and posthog-python's exception capture
in the API. Datadog (ddtrace, APM only) posts the team's template: the markdown message, the
monitor's fields nested under ``meta``, the last-change time unquoted.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
    FASTAPI_ENDPOINT,
    FASTAPI_ROUTE,
    REACT_CLICK,
    REACT_EFFECT,
    REACT_RENDER,
    httpx_timeout,
    js,
    py,
    pylib,
    sqlalchemy_integrity,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking-api": Service("booking-api", "python", "gunicorn-asgi", "lapwing:gunicorn", "/var/log/containers/booking-api.log", "lapwing_prod", 7730011, "CPython 3.11.9", framework="fastapi", sdk=("sentry.python.fastapi", "2.13.0", "pypi:sentry-sdk")),
    "tasks": Service("tasks", "python", "celery", "lapwing:celery", "/var/log/containers/tasks.log", "lapwing_prod", 7730014, "CPython 3.11.9", framework="celery", sdk=("sentry.python.celery", "2.13.0", "pypi:sentry-sdk")),
    "web": Service("web", "javascript", "", "", "", "", 7730017, origin="https://book.lapwing.example", framework="generic", sdk=("sentry.javascript.nextjs", "8.27.0", "npm:@sentry/nextjs")),
}

# Starlette running a sync (``def``) endpoint in its threadpool, under uvicorn and FastAPI.
SYNC_ENDPOINT = (
    *FASTAPI_ROUTE,
    FASTAPI_ENDPOINT[0],
    pylib("fastapi.routing", "run_endpoint_function", 193, "return await run_in_threadpool(dependant.call, **values)"),
    pylib("starlette.concurrency", "run_in_threadpool", 42, "return await anyio.to_thread.run_sync(func, *args)"),
    pylib("anyio.to_thread", "run_sync", 56, "return await get_async_backend().run_sync_in_worker_thread("),
    pylib("anyio._backends._asyncio", "run_sync_in_worker_thread", 2177, "return await future"),
    pylib("anyio._backends._asyncio", "run", 859, "result = context.run(func, *args)"),
)
# SQLAlchemy's QueuePool giving up waiting for a connection.
POOL_CHECKOUT = (
    pylib("sqlalchemy.orm.session", "execute", 2362, "return self._execute_internal("),
    pylib("sqlalchemy.orm.session", "_execute_internal", 2237, "conn = self._connection_for_bind(bind)"),
    pylib("sqlalchemy.orm.session", "_connection_for_bind", 2106, "return trans._connection_for_bind(engine, execution_options)"),
    pylib("sqlalchemy.engine.base", "connect", 3276, "return self._connection_cls(self)"),
    pylib("sqlalchemy.pool.base", "connect", 449, "return _ConnectionFairy._checkout(self)"),
    pylib("sqlalchemy.pool.base", "_checkout", 1263, "fairy = _ConnectionRecord.checkout(pool)"),
    pylib("sqlalchemy.pool.impl", "_do_get", 158, "raise exc.TimeoutError("),
)
REACT_FW = "node_modules/next/dist/compiled/react-dom/cjs/react-dom.production.min.js"
# Next.js ships React in its own ``framework`` chunk.
NEXT_CLICK, NEXT_RENDER, NEXT_EFFECT = (tuple(replace(f, file=REACT_FW, bundle="framework") for f in frames) for frames in (REACT_CLICK, REACT_RENDER, REACT_EFFECT))
HYDRATE = (
    js(REACT_FW, "Ks", 1, 66471, "framework", lib=True),
    js(REACT_FW, "Ou", 1, 116734, "framework", lib=True),
    js(REACT_FW, "Vl", 1, 90121, "framework", lib=True),
)
# Every partner call from the workers goes through one helper that raises what httpx raises.
REQUEST_JSON = py("lapwing.clients.base", "request_json", 41, "resp = client.post(url, json=payload, timeout=self.timeout)")
READ_TIMEOUT = "The read operation timed out"
# The team's reporting helper: logs the problem with its stack (``stack_info=True``), which
# Sentry's logging integration turns into a message event; its frame is the innermost of both.
REPORT = py("lapwing.observability", "report_problem", 19, "logger.error(message, extra=context, stack_info=True)")
TASK_MON = dict(team="clinical-ops", monitor="Celery task failures")
API_TEAM = "booking"
FAILED_TASKS = "tasks - failed by task"
MESSAGE_LOGGED = "pylog-reqid"


def task(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"lapwing.tasks.{module}", function, line, context)


def task_stats(name: str, exc: str) -> dict[str, str]:
    """A Splunk ``stats count by task, exc`` row: no ``_raw``, no trace."""
    return {"task": f"lapwing.tasks.{name}", "exc_type": exc, "count": "{n}", "workers": "{idx}"}


BUGS = [
    # KeyError 'clinician_id' at two places: booking a slot, and a reminder's template.
    Bug("ar-slot-hold-keyerror", "booking-api", (Exc("KeyError", "'clinician_id'", (*SYNC_ENDPOINT, py("lapwing.api.routers.appointments", "hold_slot", 58, "slot = slots.hold(payload.slot_ref, patient_id=user.patient_id)"), py("lapwing.services.slots", "hold", 87, 'clinician = roster[ref["clinician_id"]]')), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", 2), see("splunk", 2), see("datadog.apm", style="type", team=API_TEAM, monitor="booking-api errors by type")),
        classes=(2, 4, 8), pair="ar-reminder-keyerror", entry="POST /v1/appointments/hold", span=2, renames={"hold_slot": "hold_appointment_slot"}),
    Bug("ar-reminder-keyerror", "tasks", (Exc("KeyError", "'clinician_id'", (*CELERY_TASK, task("reminders", "send_reminder", 33, "body = templates.render(\"reminder_sms\", appt)"), py("lapwing.notifications.templates", "render", 22, 'return TEMPLATES[name].format(clinician=ctx["clinician_id"], **ctx)')), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("splunk", format="celery-json", sourcetype="lapwing:celery:json")),
        classes=(4,), pair="ar-slot-hold-keyerror", entry="lapwing.tasks.reminders.send_reminder"),
    # Unique violations on two constraints: the constraint is the bug.
    Bug("ar-patient-nhs-unique", "booking-api", sqlalchemy_integrity((*SYNC_ENDPOINT, py("lapwing.api.routers.patients", "register_patient", 44, "db.commit()")), "uq_patients_nhs_number", "Key (nhs_number)=(4{n}85{id}) already exists.", "INSERT INTO patients (id, nhs_number, given_name, family_name, date_of_birth, email) VALUES (%(id)s::UUID, %(nhs_number)s, %(given_name)s, %(family_name)s, %(date_of_birth)s, %(email)s)"),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2), see("datadog.apm", style="message", team=API_TEAM, monitor="booking-api error spans")),
        classes=(2, 4), pair="ar-invoice-appointment-unique", entry="POST /v1/patients"),
    Bug("ar-invoice-appointment-unique", "tasks", sqlalchemy_integrity((*CELERY_TASK, task("billing", "generate_invoice", 52, "session.commit()")), "uq_invoices_appointment_id", "Key (appointment_id)=({uuid}) already exists.", "INSERT INTO invoices (id, appointment_id, amount_pence, currency, issued_at) VALUES (%(id)s::UUID, %(appointment_id)s::UUID, %(amount_pence)s, %(currency)s, %(issued_at)s)"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("splunk", search=FAILED_TASKS, stats=task_stats("billing.generate_invoice", "IntegrityError"))),
        classes=(4, 8), pair="ar-patient-nhs-unique", entry="lapwing.tasks.billing.generate_invoice"),
    # Two partners timing out through the one request helper.
    Bug("ar-video-room-timeout", "tasks", httpx_timeout((*CELERY_TASK, task("video", "create_video_room", 27, "room = video.create_room(appointment_id)"), py("lapwing.clients.video", "create_room", 36, 'return self.request_json("/rooms", {"appointment": str(appointment_id)})'), REQUEST_JSON), "ReadTimeout", READ_TIMEOUT),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", **TASK_MON, scope="resource_name:lapwing.tasks.video.create_video_room")),
        classes=(8, 9), pair="ar-prescription-send-timeout", entry="lapwing.tasks.video.create_video_room"),
    Bug("ar-prescription-send-timeout", "tasks", httpx_timeout((*CELERY_TASK, task("pharmacy", "send_prescription", 48, "pharmacy.submit(rx)"), py("lapwing.clients.pharmacy", "submit", 29, 'return self.request_json("/v2/prescriptions", rx.as_fhir())'), REQUEST_JSON), "ReadTimeout", READ_TIMEOUT),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", format="celery-json", sourcetype="lapwing:celery:json"), see("splunk"), see("datadog.task", **TASK_MON, scope="resource_name:lapwing.tasks.pharmacy.send_prescription")),
        classes=(8, 9), pair="ar-video-room-timeout", entry="lapwing.tasks.pharmacy.send_prescription", span=2),
    # The same read of undefined .name in two client components.
    Bug("ar-web-slot-picker-name", "web", (Exc("TypeError", frames=(*NEXT_RENDER, js("app/book/[clinicId]/SlotPicker.tsx", "SlotPicker", 48, 31, "app/book/[clinicId]/page")), js=JsError("read-undefined", "slot.clinician", "name")),),
        (see("sentry.error", 2, browser="chrome", chunk="app/book/[clinicId]/page"), see("sentry.error", browser="safari", chunk="app/book/[clinicId]/page", release=1), see("posthog", browser="chrome", chunk="app/book/[clinicId]/page", mechanism="generic"), see("posthog", browser="firefox", chunk="app/book/[clinicId]/page", mechanism="generic", release=1), see("posthog", browser="edge", chunk="app/book/[clinicId]/page", resolved=True, mechanism="generic", release=1)),
        classes=(3, 4), pair="ar-web-profile-name", span=2, page="/book/clinic-leeds-central"),
    Bug("ar-web-profile-name", "web", (Exc("TypeError", frames=(*NEXT_EFFECT, js("app/account/ProfileCard.tsx", "ProfileCard.useEffect", 19, 44, "app/account/page")), js=JsError("read-undefined", "profile.gp", "name")),),
        (see("sentry.error", browser="chrome", chunk="app/account/page"), see("sentry.error", browser="firefox", chunk="app/account/page"), see("posthog", browser="safari", chunk="app/account/page", mechanism="generic"), see("posthog", browser="chrome", chunk="app/account/page", mechanism="generic")),
        classes=(3, 4), pair="ar-web-slot-picker-name", page="/account"),
    # A page chunk gone after a deploy: webpack's own message, a new hash each release.
    Bug("ar-web-chunk-load", "web", (Exc("ChunkLoadError", "Loading chunk 7{idx}31 failed.\n(error: {chunkurl})", (js("webpack/runtime/jsonp chunk loading", "__webpack_require__.f.j", 1, 3521, "webpack", lib=True), js("webpack/runtime/ensure chunk", "__webpack_require__.e", 1, 1912, "webpack", lib=True))),),
        (see("sentry.error", 2, browser="chrome", chunk="app/book/[clinicId]/page", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="app/book/[clinicId]/page", mechanism="onunhandledrejection"), see("posthog", browser="edge", chunk="app/book/[clinicId]/page", mechanism="onunhandledrejection"), see("posthog", browser="firefox", chunk="app/book/[clinicId]/page", mechanism="onunhandledrejection")),
        classes=(5,), span=3, page="/book/clinic-bristol-harbourside"),
    # Appointment times formatted in the server's zone and again in the browser's.
    Bug("ar-web-hydration-time", "web", (Exc("Error", "Minified React error #418; visit https://react.dev/errors/418?args[]=text&args[]= for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", HYDRATE),),
        (see("sentry.error", 2, browser="chrome", chunk="framework", mechanism="onerror"), see("sentry.error", browser="safari", chunk="framework", mechanism="onerror"), see("posthog", browser="firefox", chunk="framework", mechanism="onerror"), see("posthog", browser="chrome", chunk="framework", mechanism="onerror")),
        page="/appointments"),
    # A booking button calling a method the payments element no longer has.
    Bug("ar-web-pay-click", "web", (Exc("TypeError", frames=(*NEXT_CLICK, js("app/book/[clinicId]/confirm/PayButton.tsx", "onClick", 26, 15, "app/book/[clinicId]/confirm/page")), js=JsError("not-function", "elements", "submitPayment", "(t)")),),
        (see("sentry.error", browser="chrome", chunk="app/book/[clinicId]/confirm/page"), see("sentry.error", browser="chrome", chunk="app/book/[clinicId]/confirm/page", sourcemaps=False), see("sentry.error", browser="safari", chunk="app/book/[clinicId]/confirm/page"), see("posthog", browser="chrome", chunk="app/book/[clinicId]/confirm/page", mechanism="generic")),
        classes=(3, 10), page="/book/clinic-leeds-central/confirm"),
    # The nightly availability sync cut off by the soft time limit wherever it was.
    Bug("ar-availability-soft-limit", "tasks", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*CELERY_TASK, task("availability", "sync_availability", 61, "for clinician in roster.active():"), py("lapwing.integrations.rota", "fetch_shifts", 88, "rows = cursor.fetchall()"), pylib("billiard.pool", "soft_timeout_sighandler", 229, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk"), see("splunk", search=FAILED_TASKS, stats=task_stats("availability.sync_availability", "SoftTimeLimitExceeded")), see("datadog.task", 2, **TASK_MON, scope="resource_name:lapwing.tasks.availability.sync_availability")),
        classes=(8,), entry="lapwing.tasks.availability.sync_availability"),
    # One lab-result task, two exceptions: a "<5.0" value, and a unit the mapper does not know.
    Bug("ar-lab-result-float", "tasks", (Exc("ValidationError", "1 validation error for Observation\nvalue\n  Input should be a valid number, unable to parse string as a number [type=float_parsing, input_value='<{idx}.0', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.8/v/float_parsing", (*CELERY_TASK, task("labs", "ingest_lab_result", 39, "obs = parser.parse_observation(segment)"), py("lapwing.labs.parser", "parse_observation", 57, "return Observation.model_validate(fields)"), pylib("pydantic.main", "model_validate", 568, "return cls.__pydantic_validator__.validate_python(")), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("splunk", format="celery-json", sourcetype="lapwing:celery:json")),
        classes=(4,), pair="ar-lab-result-unit", entry="lapwing.tasks.labs.ingest_lab_result"),
    Bug("ar-lab-result-unit", "tasks", (Exc("ValueError", "Unknown unit 'mmol/mol' for analyte HBA1C", (*CELERY_TASK, task("labs", "ingest_lab_result", 39, "obs = parser.parse_observation(segment)"), py("lapwing.labs.parser", "parse_observation", 51, "unit = UNITS.normalise(fields[\"unit\"], analyte=fields[\"code\"])"), py("lapwing.labs.units", "normalise", 18, 'raise ValueError(f"Unknown unit {unit!r} for analyte {analyte}")')), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, format="celery-json", sourcetype="lapwing:celery:json")),
        classes=(4,), pair="ar-lab-result-float", entry="lapwing.tasks.labs.ingest_lab_result"),
    # The pool running dry at 08:00 when the phone lines open; the APM monitor names the route.
    Bug("ar-availability-pool-timeout", "booking-api", (Exc("TimeoutError", "QueuePool limit of size 10 overflow 20 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", (*SYNC_ENDPOINT, py("lapwing.api.routers.availability", "list_availability", 31, "rows = db.execute(query).scalars().all()"), *POOL_CHECKOUT), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("sentry.alert", rule="booking-api: database errors"), see("splunk", 2), see("datadog.apm", style="route", team=API_TEAM, monitor="booking-api: availability error rate")),
        classes=(2, 8), entry="GET /v1/clinics/{clinic_id}/availability"),
    # Stripe webhooks verified against the old signing secret after a rotation; logged, not raised.
    Bug("ar-stripe-webhook-signature", "booking-api", (Exc("SignatureVerificationError", "No signatures found matching the expected signature for payload", (*SYNC_ENDPOINT, py("lapwing.api.routers.webhooks", "stripe_webhook", 24, "event = stripe.Webhook.construct_event(body, sig, settings.stripe_webhook_secret)"), pylib("stripe._webhook", "construct_event", 22, "WebhookSignature.verify_header(payload, sig_header, secret, tolerance)"), pylib("stripe._webhook", "verify_header", 90, "raise error.SignatureVerificationError(")), module="stripe._error"),),
        (see("sentry.error", 2), see("splunk", 2, format=MESSAGE_LOGGED)),
        handled=True, log="Stripe webhook rejected", logger="lapwing.api.routers.webhooks", entry="POST /v1/webhooks/stripe"),
    # Consultation recordings too big for the transcoder: sizes, durations and hosts in the message.
    Bug("ar-recording-transcode", "tasks", (Exc("RuntimeError", "ffmpeg exited with status 1 after {dur} transcoding {size} from {objstore}", (*CELERY_TASK, task("recordings", "transcode_recording", 44, "media.transcode(src, dst, preset=\"consult-720p\")"), py("lapwing.media.ffmpeg", "transcode", 71, 'raise RuntimeError(f"ffmpeg exited with status {proc.returncode} after {elapsed} transcoding {human_size(src.size)} from {src.endpoint}")')), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("splunk", format="celery-json", sourcetype="lapwing:celery:json")),
        classes=(7,), entry="lapwing.tasks.recordings.transcode_recording"),
    # SMS reminders to numbers the front desk typed with a leading 0 and a country code.
    Bug("ar-reminder-sms-invalid", "tasks", (Exc("TwilioRestException", "HTTP 400 error: Unable to create record: The 'To' number +4407{n}0{id} is not a valid phone number.", (*CELERY_TASK, task("reminders", "send_reminder_sms", 71, "sms.messages.create(to=appt.patient.phone, from_=settings.sms_from, body=body)"), pylib("twilio.rest.api.v2010.account.message", "create", 742, "payload = self._version.create("), pylib("twilio.base.version", "create", 465, "return self._parse_create(method, uri, response)"), pylib("twilio.base.version", "_parse_create", 444, "raise self.exception(method, uri, response, \"Unable to create record\")")), module="twilio.base.exceptions"),),
        (see("sentry.error", 2), see("splunk"), see("datadog.task", **TASK_MON, scope="resource_name:lapwing.tasks.reminders.send_reminder_sms")),
        classes=(8,), entry="lapwing.tasks.reminders.send_reminder_sms", span=2),
    # Two problems reported through the one helper as message events, not exceptions.
    Bug("ar-rota-no-rooms", "tasks", (Exc("", "Clinic {id} has no bookable rooms on {date}; {n} appointments left unassigned", (*CELERY_TASK, task("rota", "build_rota", 76, 'report_problem(f"Clinic {clinic.id} has no bookable rooms on {day:%d/%m/%Y}; {len(pending)} appointments left unassigned", clinic=clinic.id)'), REPORT)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, format="celery-worker-log")),
        classes=(9,), pair="ar-lab-unknown-patients", message_event=True, log="Clinic {id} has no bookable rooms on {date}; {n} appointments left unassigned", logger="lapwing.observability", entry="lapwing.tasks.rota.build_rota"),
    Bug("ar-lab-unknown-patients", "tasks", (Exc("", "Lab feed {seg} sent {n} results for unknown patients", (*CELERY_TASK, task("labs", "ingest_lab_batch", 112, 'report_problem(f"Lab feed {batch.source} sent {len(orphans)} results for unknown patients", batch=batch.id)'), REPORT)),),
        (see("sentry.error", 2), see("splunk", 2, format="celery-worker-log")),
        classes=(9,), pair="ar-rota-no-rooms", message_event=True, log="Lab feed {seg} sent {n} results for unknown patients", logger="lapwing.observability", entry="lapwing.tasks.labs.ingest_lab_batch"),
    # Seen once.
    Bug("ar-clinic-timezone", "booking-api", (Exc("ZoneInfoNotFoundError", "'No time zone found with key Europe/Kyiv'", (*SYNC_ENDPOINT, py("lapwing.api.routers.clinics", "get_clinic", 19, "tz = ZoneInfo(clinic.timezone)"), pylib("zoneinfo._common", "load_tzdata", 24, 'raise ZoneInfoNotFoundError(f"No time zone found with key {key}")')), module="zoneinfo"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/clinics/{clinic_id}"),
]

NOISE = [
    Noise("ar-noise-worker-ready", "tasks", "splunk", {"search": "tasks - errors", "line": "[{gts},{millis}: INFO/MainProcess] celery@tasks-7d9f6c8b55-x2kqp ready."}),
    Noise("ar-noise-deploy", "booking-api", "datadog.event", {"monitor": "Deployed booking-api 2026.10.2", "text": "GitHub Actions deployed booking-api 2026.10.2 to production (8/8 pods).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": API_TEAM}),
    Noise("ar-noise-apm-recovered", "booking-api", "datadog.apm", {"monitor": "booking-api: availability error rate", "transition": "Recovered", "text": "Error rate on `GET /v1/clinics/{clinic_id}/availability` is back under 5%.", "team": API_TEAM, "style": "route", "scope": "resource_name:get_/v1/clinics/{clinic_id}/availability,service:booking-api"}),
]

LAPWING = Company(
    key="ar",
    name="Lapwing Health",
    domain="lapwing.example",
    sentry_org="lapwing-health",
    splunk_url="https://lapwing.splunkcloud.com",
    splunk_guid="B52E07A9-1C64-4F83-9E2D-6A0F41C8D795",
    datadog_org=("711390", "Lapwing Health"),
    datadog_template="ar",
    posthog_project=(90517, "Lapwing web"),
    releases=("2026.10.0", "2026.10.1", "2026.10.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="lapwing-sentry-client-secret",
)
# fmt: on
