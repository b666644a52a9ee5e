"""(mg) Portinscale Tutors, an online tutoring marketplace: ``tutor-api``, a Python 3.12
FastAPI service, and ``tutor-worker``, Dramatiq 1.16 actors on a Redis broker (reminders,
payouts, lesson recordings), both on Cloud Run, logging structlog's ``JSONRenderer`` with
``format_exc_info`` (the traceback as a string in ``exception``) on stdout.

Logs leave Cloud Logging through a log sink to Pub/Sub: Dataflow's Pub/Sub-to-Splunk template
writes the ``LogEntry`` to Splunk HEC (with ``includePubsubMessage`` on the worker's job, the
whole Pub/Sub message), and Datadog's GCP integration reads the same entries (one log monitor
for the API, one for the worker, pasting the entry's ``jsonPayload`` attributes).
sentry-python with the FastAPI and Dramatiq integrations. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FASTAPI_ENDPOINT, FASTAPI_ROUTE, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.fastapi", "2.14.0", "pypi:sentry-sdk")
SDK_W = ("sentry.python.dramatiq", "2.14.0", "pypi:sentry-sdk")
SRC = "projects/portinscale-tutors-prod/subscriptions/splunk-export"
SERVICES = {
    "tutor-api": Service("tutor-api", "python", "mg-gcp", "google:gcp:pubsub:message", SRC, "gcp_portinscale", 11410011, "CPython 3.12.5", framework="starlette", sdk=SDK),
    "tutor-worker": Service("tutor-worker", "python", "mg-gcp", "google:gcp:pubsub:message", SRC, "gcp_portinscale", 11410012, "CPython 3.12.5", framework="dramatiq", sdk=SDK_W),
}

DRAMATIQ = (
    pylib("dramatiq.worker", "process_message", 513, "res = actor(*message.args, **message.kwargs)"),
    pylib("dramatiq.actor", "__call__", 185, "return self.fn(*args, **kwargs)"),
)
ASYNC_COMMIT = (
    pylib("sqlalchemy.ext.asyncio.session", "commit", 1011, "await greenlet_spawn(self.sync_session.commit)"),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 203, "result = context.switch(value)"),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "execute", 572, "self._adapt_connection.await_("),
)
SYNC_COMMIT = (
    pylib("sqlalchemy.orm.session", "commit", 1969, "trans.commit(_to_root=True)"),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
)
# Both outbound clients go through one helper, which raises for the status.
REQUEST = py("portinscale.integrations.base", "request_json", 41, "resp.raise_for_status()")
RAISE = pylib("httpx._models", "raise_for_status", 761, "raise HTTPStatusError(message, request=request, response=self)")


def view(*frames: Frame) -> tuple[Frame, ...]:
    return (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, *frames)


def actor(module: str, fn: str, line: int, context: str, *more: Frame) -> tuple[Frame, ...]:
    return (*DRAMATIQ, py(f"portinscale.actors.{module}", fn, line, context), *more)


def unique(dialect: str, constraint: str, detail: str, sql: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'
    if dialect == "asyncpg":
        cause = Exc("UniqueViolationError", pg, frames, module="asyncpg.exceptions")
        wrapped = f"(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: {pg}"
    else:
        cause = Exc("UniqueViolation", pg, frames, module="psycopg2.errors")
        wrapped = f"(psycopg2.errors.UniqueViolation) {pg}\n"
    return (cause, Exc("IntegrityError", f"{wrapped}\n[SQL: {sql}]\n[parameters: {{'id': {{id}}}}]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", frames, module="sqlalchemy.exc"))


def status_error(url: str, status: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    text = f"Server error '{status}' for url '{url}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{status.split()[0]}"
    return (Exc("HTTPStatusError", text, (*app, REQUEST, RAISE), module="httpx"),)


S_API = dict(search="tutor-api - Cloud Run errors", owner="svc_gcp", app="pt_ops")
S_WORK = dict(search="tutor-worker - Dramatiq failures", owner="svc_gcp", app="pt_ops")
S_WORK_WRAP = dict(S_WORK, wrap=True)
S_TAIL = dict(S_API, kind="tail")
TEAM = "tutoring"
DD_API = dict(monitor="[GCP] tutor-api error logs", team=TEAM, by="service", scope="service:tutor-api", filter="source:gcp.cloud.run.revision service:tutor-api status:error", format="mg-dd",
              text="tutor-api is logging errors ({{value}} in 5m).\n\n**event:** {{log.attributes.jsonPayload.event}}\n**logger:** {{log.attributes.jsonPayload.logger}}\n\n```\n{{log.attributes.jsonPayload.exception}}\n```")
DD_WORK = dict(monitor="[GCP] tutor-worker actor failures", team=TEAM, by="@jsonPayload.actor", filter="source:gcp.cloud.run.revision service:tutor-worker status:error", format="mg-dd",
               text="Dramatiq actor `{{log.attributes.jsonPayload.actor}}` failed.\n\n{{log.attributes.jsonPayload.event}}\n\n```\n{{log.attributes.jsonPayload.exception}}\n```")

BOOK = "portinscale.routers.bookings"
PRICE = "portinscale.services.pricing"

BUGS = [
    # The same None attribute in two places: the booking view and the reminder actor.
    Bug("mg-book-none-tz", "tutor-api", (Exc("AttributeError", "'NoneType' object has no attribute 'timezone'", view(py(BOOK, "create_booking", 58, "starts = localise(body.starts_at, tutor.profile.timezone)")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(4,), pair="mg-remind-none-tz", entry="POST /v1/bookings", log="booking_failed", logger=BOOK),
    Bug("mg-remind-none-tz", "tutor-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'timezone'", actor("reminders", "send_lesson_reminder", 31, "when = lesson.starts_at.astimezone(ZoneInfo(student.profile.timezone))"), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_WORK), see("splunk", **S_WORK_WRAP), see("datadog.log", 2, **DD_WORK)),
        classes=(4,), pair="mg-book-none-tz", entry="send_lesson_reminder", log="Failed to process message send_lesson_reminder({id}) with unhandled exception.", logger="dramatiq.worker.WorkerThread"),
    # Unique violations on two tables: a double booking (asyncpg, API) and a payout (psycopg2, worker).
    Bug("mg-lesson-unique", "tutor-api", unique("asyncpg", "lessons_tutor_id_starts_at_key", "Key (tutor_id, starts_at)=({n}, 2026-03-0{idx} 17:00:00+00) already exists.", "INSERT INTO lessons (tutor_id, student_id, starts_at, minutes) VALUES ($1::INTEGER, $2::INTEGER, $3::TIMESTAMP WITH TIME ZONE, $4::INTEGER) RETURNING lessons.id", view(py(BOOK, "create_booking", 71, "await session.commit()"), *ASYNC_COMMIT)),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(1, 4), pair="mg-payout-unique", entry="POST /v1/bookings", log="booking_failed", logger=BOOK),
    Bug("mg-payout-unique", "tutor-worker", unique("psycopg2", "payouts_stripe_transfer_id_key", "Key (stripe_transfer_id)=(tr_1P{n}Qx7bLkD) already exists.", "INSERT INTO payouts (tutor_id, amount_pence, stripe_transfer_id) VALUES (%(tutor_id)s, %(amount_pence)s, %(stripe_transfer_id)s) RETURNING payouts.id", actor("payouts", "pay_tutor", 47, "session.commit()", *SYNC_COMMIT)),
        (see("sentry.error", 2), see("splunk", 2, **S_WORK), see("datadog.log", 2, **DD_WORK)),
        classes=(1, 4), pair="mg-lesson-unique", entry="pay_tutor", log="Failed to process message pay_tutor({id}) with unhandled exception.", logger="dramatiq.worker.WorkerThread"),
    # One pricing function, two exceptions.
    Bug("mg-quote-zero", "tutor-api", (Exc("ZeroDivisionError", "division by zero", view(py("portinscale.routers.quotes", "quote", 22, "return pricing.quote_lesson(tutor, body.minutes, body.package)"), py(PRICE, "quote_lesson", 35, "per_lesson = package.total_pence / package.lessons")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("splunk", **S_TAIL), see("datadog.log", **DD_API)),
        classes=(4,), pair="mg-quote-decimal", entry="POST /v1/quotes", log="quote_failed", logger="portinscale.routers.quotes"),
    Bug("mg-quote-decimal", "tutor-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", view(py("portinscale.routers.quotes", "quote", 22, "return pricing.quote_lesson(tutor, body.minutes, body.package)"), py(PRICE, "quote_lesson", 29, "rate = Decimal(tutor.hourly_rate)")), module="decimal"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(4, 5), pair="mg-quote-zero", entry="POST /v1/quotes", log="quote_failed", logger="portinscale.routers.quotes", span=3, renames={"quote": "quote_lessons"}),
    # One helper, two upstreams: Zoom's meetings API and the SMS provider.
    Bug("mg-zoom-503", "tutor-worker", status_error("https://api.zoom.us/v2/users/me/meetings", "503 Service Unavailable", actor("recordings", "create_meeting", 19, "meeting = zoom.create_meeting(lesson)", py("portinscale.integrations.zoom", "create_meeting", 27, "return self.request_json('POST', '/users/me/meetings', json=payload)"))),
        (see("sentry.error", 3), see("splunk", 2, **S_WORK), see("datadog.log", 2, **DD_WORK)),
        classes=(9,), pair="mg-sms-503", entry="create_meeting", log="Failed to process message create_meeting({id}) with unhandled exception.", logger="dramatiq.worker.WorkerThread"),
    Bug("mg-sms-503", "tutor-worker", status_error("https://rest.textmagic.example/api/v2/messages", "503 Service Unavailable", actor("reminders", "send_sms_reminder", 52, "sms.send(student.phone, text)", py("portinscale.integrations.sms", "send", 18, "return self.request_json('POST', '/messages', json={'phones': to, 'text': text})"))),
        (see("sentry.error", 2), see("splunk", 2, **S_WORK), see("splunk", **S_WORK_WRAP), see("datadog.log", **DD_WORK)),
        classes=(9,), pair="mg-zoom-503", entry="send_sms_reminder", log="Failed to process message send_sms_reminder({id}) with unhandled exception.", logger="dramatiq.worker.WorkerThread"),
    # Two different actor failures only the one search and monitor join.
    Bug("mg-recording-timelimit", "tutor-worker", (Exc("TimeLimitExceeded", "", actor("recordings", "transcode_recording", 64, "subprocess.run(cmd, check=True)", pylib("subprocess", "run", 550, "stdout, stderr = process.communicate(input, timeout=timeout)"), pylib("subprocess", "wait", 2011, "(pid, sts) = self._try_wait(0)")), module="dramatiq.middleware.time_limit"),),
        (see("sentry.error", 3), see("splunk", 3, **S_WORK), see("datadog.log", 2, **DD_WORK)),
        classes=(2,), pair="mg-invoice-keyerror", entry="transcode_recording", log="Failed to process message transcode_recording({id}) with unhandled exception.", logger="dramatiq.worker.WorkerThread"),
    Bug("mg-invoice-keyerror", "tutor-worker", (Exc("KeyError", "'vat_number'", actor("invoices", "render_invoice", 38, "ctx = {'vat': org.billing['vat_number'], 'lines': lines}"), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_WORK), see("datadog.log", 2, **DD_WORK)),
        classes=(2,), pair="mg-recording-timelimit", entry="render_invoice", log="Failed to process message render_invoice({id}) with unhandled exception.", logger="dramatiq.worker.WorkerThread"),
    # Not pairs.
    Bug("mg-profile-validation", "tutor-api", (Exc("ResponseValidationError", "1 validation error:\n  {'type': 'missing', 'loc': ('response', 'subjects'), 'msg': 'Field required', 'input': {'id': {id}, 'name': 'tutor'}}", view(py("portinscale.routers.tutors", "get_tutor", 44, "return await tutors.fetch_profile(session, tutor_id)"), pylib("fastapi.routing", "serialize_response", 155, "raise ResponseValidationError(")), module="fastapi.exceptions"),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(5,), entry="GET /v1/tutors/{id}", log="request_failed", logger="portinscale.middleware", span=3, renames={"get_tutor": "read_tutor"}),
    Bug("mg-redis-conn", "tutor-api", (Exc("ConnectionError", "Error 111 connecting to 10.84.0.3:6379. Connection refused.", view(py(BOOK, "create_booking", 80, "send_booking_confirmation.send(booking.id)"), pylib("dramatiq.actor", "send", 112, "return self.send_with_options(args=args, kwargs=kwargs)"), pylib("dramatiq.brokers.redis", "enqueue", 193, "self.do_enqueue(queue_name, message.options['redis_message_id'], message.encode())"), pylib("redis.connection", "connect", 353, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("splunk", **S_TAIL), see("datadog.log", 2, **DD_API)),
        entry="POST /v1/bookings", log="booking_failed", logger=BOOK),
    Bug("mg-stripe-signature", "tutor-api", (Exc("SignatureVerificationError", "No signatures found matching the expected signature for payload", view(py("portinscale.routers.webhooks", "stripe_webhook", 26, "event = stripe.Webhook.construct_event(body, sig, settings.stripe_webhook_secret)"), pylib("stripe._webhook", "construct_event", 23, "WebhookSignature.verify_header(payload, sig_header, secret, tolerance)"), pylib("stripe._webhook", "verify_header", 76, "raise error.SignatureVerificationError(")), module="stripe._error"),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("splunk", **S_TAIL), see("datadog.log", **DD_API)),
        entry="POST /v1/webhooks/stripe", log="stripe_webhook_rejected", logger="portinscale.routers.webhooks"),
    Bug("mg-worker-memory", "tutor-worker", (Exc("MemoryLimitExceeded", "Memory limit of 512 MiB exceeded", ()),),
        (see("splunk", 3, line='{"insertId":"{hex}","textPayload":"Memory limit of 512 MiB exceeded with 5{idx}3 MiB used. Consider increasing the memory limit, see https://cloud.google.com/run/docs/configuring/memory-limits","resource":{"type":"cloud_run_revision","labels":{"service_name":"tutor-worker","location":"europe-west2","project_id":"portinscale-tutors-prod","configuration_name":"tutor-worker","revision_name":"tutor-worker-0020{idx}-kaf"}},"timestamp":"{ts}","severity":"ERROR","logName":"projects/portinscale-tutors-prod/logs/run.googleapis.com%2Fvarlog%2Fsystem"}', **S_WORK), see("datadog.log", 2, monitor="[GCP] Cloud Run memory limit exceeded", team=TEAM, filter='source:gcp.cloud.run.revision "Memory limit of"', text="tutor-worker instances are being killed for memory.\n\nMemory limit of 512 MiB exceeded with 5{idx}3 MiB used. Consider increasing the memory limit, see https://cloud.google.com/run/docs/configuring/memory-limits")),
        entry="transcode_recording"),
    Bug("mg-singleton-recursion", "tutor-api", (Exc("RecursionError", "maximum recursion depth exceeded", view(py("portinscale.services.syllabus", "flatten_topics", 14, "out.extend(flatten_topics(child))")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/syllabus/{id}"),
]

NOISE = [
    Noise("mg-noise-started", "tutor-api", "splunk", {**S_API, "line": '{"insertId":"6602b1e40009f3a1c27d5b8e","jsonPayload":{"event":"Application startup complete.","logger":"uvicorn.error","level":"info","timestamp":"{ts}"},"resource":{"type":"cloud_run_revision","labels":{"service_name":"tutor-api","location":"europe-west2","project_id":"portinscale-tutors-prod","configuration_name":"tutor-api","revision_name":"tutor-api-00205-qiv"}},"timestamp":"{ts}","severity":"INFO","logName":"projects/portinscale-tutors-prod/logs/run.googleapis.com%2Fstdout"}'}),
    Noise("mg-noise-recovered", "tutor-worker", "datadog.log", {**DD_WORK, "text": "[Recovered] No Dramatiq actor failures in the last 5 minutes.", "transition": "Recovered", "alert_type": "success"}),
    Noise("mg-noise-deploy", "tutor-api", "datadog.event", {"monitor": "tutor-api revision deployed", "text": "Cloud Run revision tutor-api-00206-mud is serving 100% of traffic.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
]

PORTINSCALE = Company(
    key="mg",
    name="Portinscale Tutors",
    domain="portinscaletutors.example",
    sentry_org="portinscale-tutors",
    splunk_url="https://portinscale.splunkcloud.example",
    splunk_guid="5B2E9D40-7C13-4A6F-8E21-D0F4A3C7B915",
    datadog_org=("1141001", "Portinscale Tutors"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2.4.0", "2.5.0", "2.5.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="portinscale-sentry-client-secret",
)
# fmt: on
