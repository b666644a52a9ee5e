"""(d) Tidewell, telehealth clinics: a FastAPI booking API (``booking-api``) and Celery
workers (``tasks``) on Python 3.11, a Vue 3 patient portal (``portal``, Vite's named chunks
``<Name>-<hash>.js``) and a NestJS messaging service on Node 20 (``messaging``, HTTP routes
and BullMQ jobs), all on Kubernetes.

Sentry for every service (the FastAPI, Vue and NestJS SDKs); PostHog error tracking in the
portal (posthog-js) and on the servers (posthog-python, posthog-node: raw and resolved
frames); Splunk indexes structlog JSON (the API with ``dict_tracebacks``, the workers with
Python 3.11's caret-marked tracebacks) and pino JSON; Datadog APM monitors (grouped by
service, naming ``@error.type`` and ``@error.message``, or the route, or only the type) and
Celery task monitors post a template with names of the team's own (plain-text message).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    BULLMQ_JOB,
    CELERY_TASK,
    FASTAPI_ENDPOINT,
    FASTAPI_ROUTE,
    NEST_HTTP,
    NODE_TICKS,
    TYPEORM_INSERT,
    VUE_CLICK,
    VUE_MOUNTED,
    VUE_RENDER,
    httpx_timeout,
    js,
    nd,
    py,
    pylib,
    sqlalchemy_integrity,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking-api": Service("booking-api", "python", "structlog-dict", "tidewell:api:json", "/var/log/containers/booking-api.log", "tw_prod", 6612031, "CPython 3.11.9", framework="starlette", sdk=("sentry.python.fastapi", "2.5.1", "pypi:sentry-sdk")),
    "tasks": Service("tasks", "python", "structlog-carets", "tidewell:tasks:json", "/var/log/containers/tasks-worker.log", "tw_prod", 6612034, "CPython 3.11.9", framework="celery", sdk=("sentry.python", "2.5.1", "pypi:sentry-sdk")),
    "portal": Service("portal", "javascript", "", "", "", "", 6612037, origin="https://my.tidewell.example", framework="vue", sdk=("sentry.javascript.vue", "8.9.2", "npm:@sentry/vue")),
    "messaging": Service("messaging", "node", "pino", "tidewell:messaging:pino", "/var/log/containers/messaging.log", "tw_prod", 6612040, "node v20.12.2", framework="nestjs", sdk=("sentry.javascript.nestjs", "8.9.2", "npm:@sentry/nestjs")),
}

# What uvicorn logs for an exception that escaped the app.
ASGI = "Exception in ASGI application"
UVICORN = "uvicorn.error"
API = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT)


def endpoint(*frames: Frame) -> tuple[Frame, ...]:
    """An endpoint's own frames under uvicorn, Starlette and FastAPI."""
    return (*API, *frames)


# SQLAlchemy's asyncpg adapter asking for a connection the server refuses.
ASYNCPG_CONNECT = (
    pylib("sqlalchemy.ext.asyncio.session", "execute", 461, "result = await greenlet_spawn("),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 201, "result = context.throw(*sys.exc_info())"),
    pylib("sqlalchemy.orm.session", "execute", 2351, "return self._execute_internal("),
    pylib("sqlalchemy.orm.session", "_connection_for_bind", 2036, "return trans._connection_for_bind(engine, execution_options)"),
    pylib("sqlalchemy.engine.base", "__init__", 146, "self._dbapi_connection = engine.raw_connection()"),
    pylib("sqlalchemy.engine.base", "raw_connection", 3302, "return self.pool.connect()"),
    pylib("sqlalchemy.pool.base", "__connect", 903, "with util.safe_reraise():"),
    pylib("sqlalchemy.util.langhelpers", "__exit__", 146, "raise exc_value.with_traceback(exc_tb)"),
    pylib("sqlalchemy.pool.base", "__connect", 899, "self.dbapi_connection = connection = pool._invoke_creator(self)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "connect", 1077, "await_only(creator_fn(*arg, **kw)),"),
    pylib("sqlalchemy.util._concurrency_py3k", "await_only", 131, "return current.driver.switch(awaitable)  # type: ignore[no-any-return]"),
    pylib("asyncpg.connection", "connect", 2329, "return await connect_utils._connect("),
    pylib("asyncpg.connect_utils", "_connect_addr", 831, "return await __connect_addr(params, True, *args)"),
    pylib("asyncpg.connect_utils", "__connect_addr", 885, "await connected"),
)

REMINDER_JOB = nd("src/reminders/reminder.processor.ts", "ReminderProcessor.process", 24, 12, awaited=True)
CLAIM_TASK = py("tidewell.tasks.claims", "submit_claim", 34, "receipt = clearinghouse.submit(claim)")

BUGS = [
    # Seen by all four tools: Sentry, posthog-python, structlog's dict traceback, an APM monitor.
    Bug(
        "tw-intake-keyerror",
        "booking-api",
        (
            Exc(
                "KeyError",
                "'allergies'",
                endpoint(
                    py("tidewell.api.routes.intake", "submit_intake", 48, "answers = normalize_answers(form, payload.answers)"),
                    py("tidewell.intake.forms", "normalize_answers", 77, "value = answers[question.key]"),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("posthog"),
            see("splunk", 2),
            see("datadog.apm", style="message", monitor="booking-api error spans", team="care"),
        ),
        log=ASGI,
        logger=UVICORN,
        entry="POST /v1/intake/{appointment_id}",
        span=2,
    ),
    # The same AttributeError text in two services.
    Bug(
        "tw-slots-timezone",
        "booking-api",
        (
            Exc(
                "AttributeError",
                "'NoneType' object has no attribute 'timezone'",
                endpoint(
                    py("tidewell.api.routes.slots", "list_slots", 36, "return await slot_service.open_slots(clinician_id, day)"),
                    py("tidewell.scheduling.slots", "open_slots", 58, "tz = ZoneInfo(clinician.clinic.timezone)"),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog"), see("splunk", 2)),
        classes=(4,),
        pair="tw-reminder-timezone",
        log=ASGI,
        logger=UVICORN,
        entry="GET /v1/clinicians/{clinician_id}/slots",
    ),
    Bug(
        "tw-reminder-timezone",
        "tasks",
        (
            Exc(
                "AttributeError",
                "'NoneType' object has no attribute 'timezone'",
                (
                    *CELERY_TASK,
                    py("tidewell.tasks.reminders", "send_reminder", 29, "message = compose_reminder(appointment)"),
                    py("tidewell.reminders.compose", "compose_reminder", 44, "local = appointment.starts_at.astimezone(ZoneInfo(appointment.patient.timezone))", caret="appointment.patient.timezone"),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 3)),
        classes=(4,),
        pair="tw-slots-timezone",
        log="reminder task failed",
        entry="tidewell.tasks.reminders.send_reminder",
    ),
    # One unique index, violated by a Python worker and by a Node job: two bugs.
    Bug(
        "tw-reminder-unique-tasks",
        "tasks",
        sqlalchemy_integrity(
            (
                *CELERY_TASK,
                py("tidewell.tasks.reminders", "schedule_reminders", 61, "ledger.record(appointment.id, kind)"),
                py("tidewell.reminders.ledger", "record", 23, "session.commit()"),
            ),
            "appointment_reminders_appointment_id_kind_key",
            "Key (appointment_id, kind)=({id}, sms_24h) already exists.",
            "INSERT INTO appointment_reminders (appointment_id, kind, scheduled_for) VALUES (%(appointment_id)s::INTEGER, %(kind)s::VARCHAR, %(scheduled_for)s::TIMESTAMP WITH TIME ZONE) RETURNING appointment_reminders.id",
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", team="care")),
        classes=(4,),
        pair="tw-reminder-unique-messaging",
        log="reminder scheduling failed",
        entry="tidewell.tasks.reminders.schedule_reminders",
    ),
    Bug(
        "tw-reminder-unique-messaging",
        "messaging",
        (
            Exc(
                "QueryFailedError",
                'duplicate key value violates unique constraint "appointment_reminders_appointment_id_kind_key"',
                (
                    *BULLMQ_JOB,
                    nd("src/reminders/reminder.processor.ts", "ReminderProcessor.process", 31, 7, awaited=True),
                    nd("src/reminders/reminder-ledger.service.ts", "ReminderLedgerService.record", 22, 5, awaited=True),
                    *TYPEORM_INSERT,
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 3), see("posthog")),
        classes=(4,),
        pair="tw-reminder-unique-tasks",
        log="reminder job failed",
    ),
    # Two bugs whose innermost frame is the portal's status helper: one shallow, one deep.
    Bug(
        "tw-confirm-apierror",
        "portal",
        (
            Exc(
                "ApiError",
                "Request failed with status 409",
                (
                    *VUE_CLICK,
                    js("src/views/BookingSummaryView.vue", "confirmBooking", 88, 11, "BookingSummaryView"),
                    js("src/api/client.ts", "raiseForStatus", 17, 11, "index"),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("posthog", browser="chrome"),
            see("posthog", browser="firefox", resolved=True),
            see("posthog", browser="safari"),
        ),
        classes=(9,),
        pair="tw-insurance-apierror",
        page="/book/summary",
    ),
    Bug(
        "tw-insurance-apierror",
        "portal",
        (
            Exc(
                "ApiError",
                "Request failed with status 409",
                (
                    *VUE_CLICK,
                    js("src/views/InsuranceView.vue", "onSubmit", 54, 9, "InsuranceView"),
                    js("src/stores/insurance.ts", "verifyCoverage", 41, 22, "InsuranceView"),
                    js("src/services/coverage.ts", "checkEligibility", 19, 18, "InsuranceView"),
                    js("src/api/http.ts", "post", 33, 12, "index"),
                    js("src/api/client.ts", "raiseForStatus", 17, 11, "index"),
                ),
            ),
        ),
        (
            see("sentry.error"),
            see("sentry.issue"),
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="edge", resolved=True),
        ),
        classes=(9,),
        pair="tw-confirm-apierror",
        page="/insurance",
    ),
    # The same V8 message in two components; the other engines name the object that differs.
    Bug(
        "tw-cliniciancard-name",
        "portal",
        (
            Exc(
                "TypeError",
                frames=(
                    *VUE_RENDER,
                    js("src/components/ClinicianCard.vue", "_sfc_render", 14, 37, "CliniciansView"),
                ),
                js=JsError("read-undefined", "clinician.specialty", "name"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="firefox"),
            see("posthog", browser="safari"),
            see("posthog", browser="edge", resolved=True),
            see("sentry.error"),
        ),
        classes=(3, 4),
        pair="tw-visitsummary-name",
        page="/clinicians",
    ),
    Bug(
        "tw-visitsummary-name",
        "portal",
        (
            Exc(
                "TypeError",
                frames=(
                    *VUE_RENDER,
                    js("src/components/VisitSummary.vue", "_sfc_render", 27, 41, "VisitDetailView"),
                ),
                js=JsError("read-undefined", "visit.prescriber", "name"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="firefox"),
            see("posthog", browser="safari"),
            see("sentry.error", browser="firefox"),
            see("sentry.issue"),
        ),
        classes=(3, 4),
        pair="tw-cliniciancard-name",
        page="/visits",
    ),
    # One Celery task, two different exceptions; the task monitor names only the task.
    Bug(
        "tw-claim-timeout",
        "tasks",
        httpx_timeout(
            (
                *CELERY_TASK,
                CLAIM_TASK,
                py("tidewell.billing.clearinghouse", "submit", 71, 'resp = self.http.post("/claims/837p", content=edi, timeout=20.0)'),
            ),
            "ReadTimeout",
            "The read operation timed out",
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", 2, team="billing")),
        pair="tw-claim-validation",
        log="claim submission failed",
        entry="tidewell.tasks.claims.submit_claim",
    ),
    Bug(
        "tw-claim-validation",
        "tasks",
        (
            Exc(
                "ValidationError",
                "1 validation error for ClaimReceipt\nstatus\n  Input should be 'accepted', 'rejected' or 'pending' [type=enum, input_value='queued', input_type=str]",
                (
                    *CELERY_TASK,
                    CLAIM_TASK,
                    py("tidewell.billing.clearinghouse", "submit", 74, "return ClaimReceipt.model_validate(resp.json())"),
                    pylib("pydantic.main", "model_validate", 551, "return cls.__pydantic_validator__.validate_python("),
                ),
                module="pydantic_core._pydantic_core",
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3)),
        pair="tw-claim-timeout",
        log="claim submission failed",
        entry="tidewell.tasks.claims.submit_claim",
    ),
    # Two bugs whose innermost frame is the error factory every channel calls.
    Bug(
        "tw-sms-provider",
        "messaging",
        (
            Exc(
                "ProviderError",
                "provider responded 503 Service Unavailable",
                (
                    *BULLMQ_JOB,
                    nd("src/reminders/reminder.processor.ts", "ReminderProcessor.process", 36, 7, awaited=True),
                    nd("src/channels/sms.sender.ts", "SmsSender.send", 44, 13, awaited=True),
                    NODE_TICKS,
                    nd("src/common/provider-error.ts", "ProviderError.fromResponse", 21, 12),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.error", sourcemaps=False),
            see("splunk", 2),
            see("posthog", resolved=True),
        ),
        classes=(9,),
        pair="tw-email-provider",
        log="reminder job failed",
    ),
    Bug(
        "tw-email-provider",
        "messaging",
        (
            Exc(
                "ProviderError",
                "provider responded 503 Service Unavailable",
                (
                    *NEST_HTTP,
                    nd("src/notifications/notifications.controller.ts", "NotificationsController.resend", 52, 12, awaited=True),
                    nd("src/notifications/notifications.service.ts", "NotificationsService.resend", 77, 9, awaited=True),
                    nd("src/channels/email.sender.ts", "EmailSender.send", 38, 13, awaited=True),
                    NODE_TICKS,
                    nd("src/common/provider-error.ts", "ProviderError.fromResponse", 21, 12),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("posthog")),
        classes=(9,),
        pair="tw-sms-provider",
        log="request failed",
        entry="POST /v1/notifications/{notification_id}/resend",
    ),
    # Two bugs under one Splunk saved search.
    Bug(
        "tw-policy-multiple",
        "booking-api",
        (
            Exc(
                "MultipleResultsFound",
                "Multiple rows were found when exactly one was required",
                endpoint(
                    py("tidewell.api.routes.insurance", "get_policy", 29, "policy = await policies.active_for(patient_id)"),
                    py("tidewell.insurance.policies", "active_for", 52, "return (await session.execute(stmt)).scalar_one_or_none()"),
                    pylib("sqlalchemy.engine.result", "scalar_one_or_none", 1480, "return self._only_one_row("),
                    pylib("sqlalchemy.engine.result", "_only_one_row", 814, "raise exc.MultipleResultsFound("),
                ),
                module="sqlalchemy.exc",
            ),
        ),
        (see("splunk", 3, search="booking-api - 5xx"), see("sentry.error")),
        pair="tw-reschedule-naive",
        log=ASGI,
        logger=UVICORN,
        entry="GET /v1/patients/{patient_id}/policy",
    ),
    Bug(
        "tw-reschedule-naive",
        "booking-api",
        (
            Exc(
                "TypeError",
                "can't compare offset-naive and offset-aware datetimes",
                endpoint(
                    py("tidewell.api.routes.appointments", "reschedule", 91, "await booking.reschedule(appointment, body.starts_at)"),
                    py("tidewell.scheduling.booking", "reschedule", 63, "if new_start < utcnow() + MIN_NOTICE:"),
                ),
            ),
        ),
        (see("splunk", 3, search="booking-api - 5xx"), see("sentry.error")),
        pair="tw-policy-multiple",
        log=ASGI,
        logger=UVICORN,
        entry="PATCH /v1/appointments/{appointment_id}",
    ),
    # Two bugs under one APM monitor grouped by service; one has an empty message.
    Bug(
        "tw-db-toomany",
        "booking-api",
        (
            Exc("TooManyConnectionsError", "sorry, too many clients already", ASYNCPG_CONNECT[8:], module="asyncpg.exceptions"),
            Exc(
                "DBAPIError",
                "(sqlalchemy.dialects.postgresql.asyncpg.Error) <class 'asyncpg.exceptions.TooManyConnectionsError'>: sorry, too many clients already\n(Background on this error at: https://sqlalche.me/e/20/dbapi)",
                endpoint(
                    py("tidewell.api.routes.slots", "search_slots", 71, "rows = await slot_repo.search(filters)"),
                    py("tidewell.scheduling.repository", "search", 40, "result = await self.session.execute(stmt)"),
                    *ASYNCPG_CONNECT[:8],
                ),
                module="sqlalchemy.exc",
            ),
        ),
        (
            see("datadog.apm", 2, style="message", monitor="booking-api error spans", team="care"),
            see("sentry.error", 2),
            see("splunk", 2),
        ),
        pair="tw-video-connect",
        log=ASGI,
        logger=UVICORN,
        entry="GET /v1/slots/search",
    ),
    Bug(
        "tw-video-connect",
        "booking-api",
        httpx_timeout(
            endpoint(
                py("tidewell.api.routes.visits", "start_visit", 44, "room = await video.create_room(visit)"),
                py("tidewell.video.client", "create_room", 38, 'resp = await self.http.post("/v1/rooms", json=payload)'),
            ),
            "ConnectTimeout",
            "",
            connect=True,
        ),
        (
            see("datadog.apm", 2, style="message", monitor="booking-api error spans", team="care"),
            see("sentry.error"),
            see("sentry.issue"),
            see("splunk", 2),
        ),
        pair="tw-db-toomany",
        log=ASGI,
        logger=UVICORN,
        entry="POST /v1/visits/{visit_id}/start",
    ),
    # One browser TypeError in three engines' words over two releases, raw and mapped.
    Bug(
        "tw-video-join",
        "portal",
        (
            Exc(
                "TypeError",
                frames=(
                    *VUE_MOUNTED,
                    js("src/views/VideoRoomView.vue", "startCall", 71, 11, "VideoRoomView"),
                    js("src/composables/useVideoRoom.ts", "join", 57, 29, "VideoRoomView"),
                ),
                js=JsError("not-function", "room.localParticipant", "publishTrack", "(t)"),
            ),
        ),
        (
            see("posthog", browser="chrome", release=0),
            see("posthog", browser="chrome", resolved=True, release=1),
            see("posthog", browser="firefox", release=0),
            see("posthog", browser="safari", release=1),
            see("posthog", browser="edge", release=1),
            see("sentry.error", release=0),
            see("sentry.error", raw=True, release=1),
            see("sentry.issue", release=0),
        ),
        classes=(3,),
        page="/visit/room",
        span=2,
    ),
    Bug(
        "tw-card-mount-null",
        "portal",
        (
            Exc(
                "TypeError",
                frames=(
                    *VUE_MOUNTED,
                    js("src/components/PaymentCard.vue", "mountCard", 48, 22, "CheckoutView"),
                ),
                js=JsError("read-null", "cardHost.value", "appendChild"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", 2, browser="firefox"),
            see("posthog", browser="safari"),
            see("sentry.alert", browser="safari", rule="Portal errors"),
        ),
        classes=(3,),
        page="/checkout",
    ),
    # A lazy route's chunk gone after a deploy: no frames, each engine's words, a new URL per release.
    Bug(
        "tw-route-chunk",
        "portal",
        (
            Exc(
                "TypeError",
                "Failed to fetch dynamically imported module: {chunkurl}",
                engines={
                    "spidermonkey": "error loading dynamically imported module: {chunkurl}",
                    "jsc": "Importing a module script failed.",
                },
            ),
        ),
        (
            see("posthog", browser="chrome", mechanism="onunhandledrejection", chunk="VisitHistoryView", release=0),
            see("posthog", browser="chrome", mechanism="onunhandledrejection", chunk="VisitHistoryView", release=1),
            see("posthog", browser="firefox", mechanism="onunhandledrejection", chunk="VisitHistoryView", release=1),
            see("posthog", browser="safari", mechanism="onunhandledrejection", chunk="VisitHistoryView", release=0),
            see("sentry.error", browser="chrome", mechanism="onunhandledrejection", chunk="VisitHistoryView", release=1),
        ),
        classes=(3,),
        page="/visits",
        span=2,
    ),
    # Seen by all four tools; an outer caller renamed between releases.
    Bug(
        "tw-copay-zerodiv",
        "booking-api",
        (
            Exc(
                "ZeroDivisionError",
                "division by zero",
                endpoint(
                    py("tidewell.api.routes.billing", "estimate", 22, "return await estimate_visit_cost(visit_type, policy)"),
                    py("tidewell.billing.estimate", "estimate_visit_cost", 47, "shares = split_copay(total, policy.plan_members)"),
                    py("tidewell.billing.estimate", "split_copay", 18, "per_member = total / len(members)"),
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("sentry.issue"),
            see("posthog"),
            see("splunk", 2),
            see("datadog.apm", style="type", monitor="booking-api error types", team="billing"),
        ),
        log=ASGI,
        logger=UVICORN,
        entry="GET /v1/visits/{visit_id}/estimate",
        span=3,
        renames={"estimate_visit_cost": "quote_visit_cost"},
    ),
    # A wrapper raised from its root cause; the task monitor names only the task.
    Bug(
        "tw-fhir-nonjson",
        "tasks",
        (
            Exc(
                "JSONDecodeError",
                "Expecting value: line 1 column 1 (char 0)",
                (
                    py("tidewell.ehr.fhir", "fetch_patient", 58, "return resp.json()"),
                    pylib("httpx._models", "json", 764, "return jsonlib.loads(self.content, **kwargs)"),
                    pylib("json", "loads", 346, "return _default_decoder.decode(s)"),
                    pylib("json.decoder", "decode", 337, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"),
                    pylib("json.decoder", "raw_decode", 355, 'raise JSONDecodeError("Expecting value", s, err.value) from None'),
                ),
                module="json.decoder",
            ),
            Exc(
                "FhirResponseError",
                "EHR returned a non-JSON body (HTTP {status}) for Patient/{uuid}",
                (
                    *CELERY_TASK,
                    py("tidewell.tasks.ehr", "sync_patient_record", 26, "record = fhir.fetch_patient(patient.ehr_id)"),
                    py("tidewell.ehr.fhir", "fetch_patient", 60, 'raise FhirResponseError(f"EHR returned a non-JSON body (HTTP {resp.status_code}) for Patient/{ehr_id}") from exc'),
                ),
                module="tidewell.ehr.errors",
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", 2, team="clinical")),
        log="EHR sync failed",
        entry="tidewell.tasks.ehr.sync_patient_record",
    ),
    # Seen by all four tools: Sentry mapped and unmapped, pino, posthog-node raw and resolved.
    Bug(
        "tw-reminder-phone",
        "messaging",
        (
            Exc(
                "TypeError",
                "Cannot read properties of undefined (reading 'phone')",
                (
                    *BULLMQ_JOB,
                    REMINDER_JOB,
                    nd("src/reminders/reminders.service.ts", "RemindersService.buildMessage", 64, 41),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.error", sourcemaps=False),
            see("sentry.issue"),
            see("splunk", 3),
            see("posthog"),
            see("posthog", resolved=True),
            see("datadog.apm", style="message", monitor="messaging error spans", team="care"),
        ),
        log="reminder job failed",
        span=2,
    ),
    # The monitor names only the route.
    Bug(
        "tw-twilio-status-json",
        "messaging",
        (
            Exc(
                "SyntaxError",
                'Unexpected token \'S\', "SmsSid=SM7"... is not valid JSON',
                (
                    *NEST_HTTP,
                    nd("src/webhooks/twilio.controller.ts", "TwilioController.status", 27, 14, awaited=True),
                    nd("src/webhooks/status-callback.ts", "parseStatusCallback", 12, 17),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", 2, style="route", monitor="Error rate on messaging routes", team="care")),
        log="request failed",
        entry="POST /webhooks/twilio/status",
    ),
    # Every frame is the framework's: the endpoint returned, its response failed validation.
    Bug(
        "tw-clinic-response",
        "booking-api",
        (
            Exc(
                "ResponseValidationError",
                "1 validation errors:\n  {'type': 'missing', 'loc': ('response', 'clinic', 'address'), 'msg': 'Field required', 'input': {'id': {id}, 'name': 'Tidewell Harbourside', 'timezone': 'Europe/London'}}\n",
                (
                    *FASTAPI_ROUTE,
                    pylib("fastapi.routing", "app", 296, "content = await serialize_response("),
                    pylib("fastapi.routing", "serialize_response", 155, "raise ResponseValidationError("),
                ),
                module="fastapi.exceptions",
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("posthog")),
        classes=(10,),
        log=ASGI,
        logger=UVICORN,
        entry="GET /v1/clinics/{clinic_id}",
    ),
    # A reporting helper two calls deep under the code that found the problem (a message with a stack).
    Bug(
        "tw-eligibility-anomaly",
        "tasks",
        (
            Exc(
                "",
                "",
                (
                    *CELERY_TASK,
                    py("tidewell.tasks.eligibility", "refresh_eligibility", 33, "coverage = eligibility.parse_271(response)"),
                    py("tidewell.insurance.eligibility", "parse_271", 88, "benefits = _coverage_for(segment, payer_id)"),
                    py("tidewell.insurance.eligibility", "_coverage_for", 112, 'report_issue("271 response without coverage for payer %s", payer_id)'),
                    py("tidewell.observability.alerts", "report_issue", 19, "_emit(message % args, level=level)"),
                    py("tidewell.observability.alerts", "_emit", 31, "sentry_sdk.capture_message(text, level=level)"),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue")),
        classes=(9,),
        message_event=True,
        log="271 response without coverage for payer {n}",
        logger="tidewell.observability.alerts",
        entry="tidewell.tasks.eligibility.refresh_eligibility",
    ),
    Bug(
        "tw-storage-denied",
        "portal",
        (
            Exc(
                "SecurityError",
                "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.",
                (js("src/plugins/persist.ts", "loadPersisted", 9, 24, "index"),),
            ),
        ),
        (see("posthog", browser="chrome"),),
        singleton=True,
        page="/",
    ),
    # A log template whose variable parts change length (sizes, durations, host with or without port).
    Bug(
        "tw-slow-export",
        "tasks",
        (),
        (
            see("splunk", 3, search="tasks - slow uploads", line='{"event": "slow export upload", "bytes": "{size}", "elapsed": "{dur}", "endpoint": "{objstore}", "bucket": "tw-ehr-exports", "logger": "tidewell.exports.storage", "level": "warning", "timestamp": "{ts}"}'),
            see("datadog.log", 2, monitor="Slow EHR export uploads", filter="service:tasks @logger.name:tidewell.exports.storage status:warn", team="clinical", text="EHR exports upload slowly. Sample: slow export upload bytes={size} elapsed={dur} endpoint={objstore}"),
        ),
        classes=(7,),
    ),
]

NOISE = [
    Noise(
        "tw-noise-deploy",
        "booking-api",
        "datadog.event",
        {
            "monitor": "Deployed booking-api 2026.3.2 to prod",
            "text": "Argo CD sync succeeded: booking-api 2026.3.2 (8/8 pods ready).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "tw-noise-heartbeat",
        "tasks",
        "splunk",
        {
            "search": "tasks heartbeat",
            "line": '{"event": "beat heartbeat", "scheduler": "redbeat", "due_tasks": {n}, "logger": "tidewell.beat", "level": "info", "timestamp": "{ts}"}',
        },
    ),
    Noise(
        "tw-noise-slo-burn",
        "booking-api",
        "datadog.metric",
        {
            "monitor": "SLO burn rate: booking availability 99.9%",
            "scope": "slo:booking-availability",
            "text": "The 1h burn rate of SLO booking-availability is 14.6 (threshold 14.4); 2.1% of the 30-day error budget was spent in the last hour.",
            "query": 'burn_rate("3f1c9a7e2b5d4c8e9a0b1c2d3e4f5a6b").over("30d").long_window("1h").short_window("5m") > 14.4',
            "event_type": "slo_alert_monitor",
            "priority": "P2",
        },
    ),
    Noise(
        "tw-noise-synthetic",
        "portal",
        "datadog.metric",
        {
            "monitor": "[Synthetics] Book a video visit (browser test)",
            "scope": "location:aws:eu-west-1",
            "text": "Browser test failed from 1 of 3 locations (aws:eu-west-1): step 4 'Click Confirm booking' timed out after 60s.",
            "event_type": "synthetics_alert",
            "priority": "P3",
        },
    ),
    Noise(
        "tw-noise-started",
        "messaging",
        "splunk",
        {
            "search": "messaging - errors",
            "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"messaging-5f7d9c8b6-{hex}","context":"NestApplication","msg":"Nest application successfully started"}',
        },
    ),
]

TIDEWELL = Company(
    key="d",
    name="Tidewell",
    domain="tidewell.example",
    sentry_org="tidewell",
    splunk_url="https://tidewell.splunkcloud.com",
    splunk_guid="7C2E9B41-D0A6-4F3B-8E57-1B9D6A4C2F80",
    datadog_org=("902114", "Tidewell"),
    datadog_template="own",
    posthog_project=(31877, "Tidewell Portal"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2", "2026.3.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tidewell-sentry-client-secret",
)
# fmt: on
