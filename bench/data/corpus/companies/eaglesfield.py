"""(ek) Eaglesfield Tutors, an online tutoring marketplace: a Litestar 2 API on Uvicorn
(``tutor-api``: bookings, payouts, lesson rooms; SQLAlchemy 2 async over asyncpg, httpx to
Stripe and the video vendor) with a couple of legacy Starlette mounts, and SAQ workers on Redis
(``tutor-worker``: reminders, payouts, recordings).

Both log through stdlib ``logging`` and the team's own JSON formatter (``logs46.ek-team-json``:
``time``, ``lvl``, ``logger``, ``msg``, ``exc``), shipped to Splunk by the OpenTelemetry
collector's filelog receiver. Sentry: sentry-sdk with its Litestar/Starlette integrations (SAQ
has none: the worker calls ``capture_exception`` in an ``after_process`` hook). PostHog:
posthog-python's exception capture on the API. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "tutor-api": Service("tutor-api", "python", "ek-team-json", "otel:filelog:tutor-api", "/var/log/tutor/api.json", "ek_app", 3981201, "CPython 3.11.9", framework="starlette"),
    "tutor-worker": Service("tutor-worker", "python", "ek-team-json", "otel:filelog:tutor-worker", "/var/log/tutor/worker.json", "ek_app", 3981204, "CPython 3.11.9", framework="generic"),
}
LITESTAR = (
    pylib("litestar.routes.http", "handle", 81, "response = await self._get_response_for_request("),
    pylib("litestar.routes.http", "_call_handler_function", 162, "response_data, cleanup_group = await self._get_response_data("),
    pylib("litestar.routes.http", "_get_response_data", 195, "data = await route_handler.fn(**parsed_kwargs)"),
)
SAQ = (
    pylib("saq.worker", "process", 305, "result = await asyncio.wait_for(task, job.timeout if job.timeout else None)"),
)
SA_EXEC = (
    pylib("sqlalchemy.ext.asyncio.session", "execute", 461, "result = await greenlet_spawn("),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_handle_exception", 789, "raise translated_error from error"),
)
API = dict(log="Uncaught exception", logger="litestar")
SPL = dict(search="tutor - errors")
WSPL = dict(search="tutor worker - failed jobs")


def a(module: str, fn: str, line: int, ctx: str) -> Frame:
    return py("tutor." + module, fn, line, ctx)


def job(name: str, module: str, line: int, ctx: str, *more: Frame) -> tuple[Frame, ...]:
    return (*SAQ, a(f"worker.{module}", name, line, ctx), *more)


def unique(app: tuple[Frame, ...], constraint: str, detail: str) -> tuple[Exc, ...]:
    return (
        Exc("UniqueViolationError", f'duplicate key value violates unique constraint "{constraint}"', (pylib("asyncpg.protocol.protocol", "bind_execute", 207),), module="asyncpg.exceptions"),
        Exc("IntegrityError", f"(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: duplicate key value violates unique constraint \"{constraint}\"\nDETAIL:  {detail}", (*LITESTAR, *app, *SA_EXEC), module="sqlalchemy.exc"),
    )


def httpx_timeout(app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("ReadTimeout", "", (pylib("httpcore._async.http11", "_receive_event", 224, "data = await self._network_stream.read("),), module="httpcore"),
        Exc("ReadTimeout", "", (*app, pylib("httpx._client", "send", 1661, "response = await self._send_handling_auth("), pylib("httpx._transports.default", "map_httpcore_exceptions", 86, "raise mapped_exc(message) from exc")), module="httpx"),
    )


BUGS = [
    # One unique constraint, booking slots vs. tutor availability (same helper, different tables).
    Bug("ek-booking-slot-unique", "tutor-api", unique((a("api.bookings", "create_booking", 88, "await self.repo.add(booking)"), a("db.repo", "add", 31, "await self.session.flush()")), "uq_booking_tutor_slot", "Key (tutor_id, starts_at)=({n}, 2026-12-08 16:00:00+00) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **SPL), see("posthog", 2)), classes=(4, 1), pair="ek-availability-unique", entry="POST /bookings", span=2, **API),
    Bug("ek-availability-unique", "tutor-api", unique((a("api.availability", "add_window", 54, "await self.repo.add(window)"), a("db.repo", "add", 31, "await self.session.flush()")), "uq_availability_tutor_weekday_start", "Key (tutor_id, weekday, start_time)=({n}, 3, 17:00:00) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **SPL)), classes=(4,), pair="ek-booking-slot-unique", entry="POST /tutors/me/availability", **API),
    # A KeyError on the same dict key in two places: the lesson room builder and the invoice line.
    Bug("ek-room-subject-keyerror", "tutor-api", (Exc("KeyError", "'subject_code'", (*LITESTAR, a("api.rooms", "open_room", 47, "room = build_room(lesson)"), a("rooms.builder", "build_room", 22, "title = SUBJECTS[lesson.meta['subject_code']]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("posthog")), classes=(5,), pair="ek-invoice-subject-keyerror", entry="POST /lessons/{id}/room", span=2, **API),
    Bug("ek-invoice-subject-keyerror", "tutor-worker", (Exc("KeyError", "'subject_code'", job("send_invoice", "invoices", 63, "lines = [invoice_line(l) for l in lessons]", a("billing.lines", "invoice_line", 18, "label = SUBJECTS[lesson.meta['subject_code']]"))),),
        (see("sentry.error", 2), see("splunk", 3, **WSPL)), classes=(5,), pair="ek-room-subject-keyerror", entry="send_invoice", log="Error processing job send_invoice", logger="saq"),
    # The video vendor: a timeout and a 409 from the same client call.
    Bug("ek-video-timeout", "tutor-api", httpx_timeout((*LITESTAR, a("api.rooms", "open_room", 51, "url = await video.create_room(room)"), a("integrations.video", "create_room", 39, "resp = await self._client.post('/v1/rooms', json=payload)"))),
        (see("sentry.error", 3), see("splunk", 2, **SPL), see("posthog", 2)), classes=(9,), pair="ek-video-conflict", entry="POST /lessons/{id}/room", span=2, **API),
    Bug("ek-video-conflict", "tutor-api", (Exc("HTTPStatusError", "Client error '409 Conflict' for url 'https://api.meetwell.example/v1/rooms'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/409", (*LITESTAR, a("api.rooms", "open_room", 51, "url = await video.create_room(room)"), a("integrations.video", "create_room", 41, "resp.raise_for_status()"), pylib("httpx._models", "raise_for_status", 763, "raise HTTPStatusError(message, request=request, response=self)")), module="httpx"),),
        (see("sentry.error", 2), see("splunk", 2, **SPL)), classes=(9,), pair="ek-video-timeout", entry="POST /lessons/{id}/room", **API),
    # Payouts: Stripe's balance error, and a Decimal quantize error in the same task.
    Bug("ek-payout-balance", "tutor-worker", (Exc("InvalidRequestError", "Request req_{hex}: You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card.", job("run_payout", "payouts", 71, "transfer = await stripe_client.transfers.create_async(**params)", pylib("stripe._api_requestor", "_interpret_response", 842, "self._handle_error_response(")), module="stripe._error"),),
        (see("sentry.error", 3), see("splunk", 2, **WSPL)), classes=(1,), pair="ek-payout-quantize", entry="run_payout", log="Error processing job run_payout", logger="saq"),
    Bug("ek-payout-quantize", "tutor-worker", (Exc("InvalidOperation", "[<class 'decimal.InvalidOperation'>]", job("run_payout", "payouts", 58, "amount = to_minor_units(earned - fees)", a("billing.money", "to_minor_units", 12, "return int((value * 100).quantize(Decimal('1'), ROUND_HALF_UP))")), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 2, **WSPL)), pair="ek-payout-balance", entry="run_payout", log="Error processing job run_payout", logger="saq"),
    # The reminders job: one AttributeError on None (tutor deleted), seen across a renamed caller.
    Bug("ek-reminder-none-tutor", "tutor-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'timezone'", job("send_reminders", "reminders", 34, "local = to_local(lesson.starts_at, lesson.tutor.timezone)")),),
        (see("sentry.error", 3), see("splunk", 3, **WSPL)), classes=(3,), span=3, renames={"send_reminders": "send_lesson_reminders"}, entry="send_reminders", log="Error processing job send_reminders", logger="saq"),
    # asyncpg pool exhaustion on the API under load.
    Bug("ek-pool-timeout", "tutor-api", (Exc("TimeoutError", "QueuePool limit of size 10 overflow 5 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", (*LITESTAR, a("api.search", "search_tutors", 29, "rows = await session.execute(stmt)"), pylib("sqlalchemy.pool.impl", "_do_get", 168, "raise exc.TimeoutError(")), module="sqlalchemy.exc"),),
        (see("sentry.error", 3), see("splunk", 3, **SPL), see("posthog", 2)), classes=(1,), entry="GET /tutors/search", span=2, **API),
    # Validation: a pydantic error from msgspec-side DTO mapping, only in the search filter.
    Bug("ek-search-filter-value", "tutor-api", (Exc("ValueError", "invalid literal for int() with base 10: '{ref}'", (*LITESTAR, a("api.search", "search_tutors", 22, "max_price = int(filters.get('max_price', 0))")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, **SPL), see("posthog", 2)), classes=(5,), entry="GET /tutors/search", **API),
    # Recording uploads: S3 multipart failures from aiobotocore.
    Bug("ek-recording-upload", "tutor-worker", (Exc("ClientError", "An error occurred (EntityTooSmall) when calling the CompleteMultipartUpload operation: Your proposed upload is smaller than the minimum allowed size", job("store_recording", "recordings", 45, "await s3.complete_multipart_upload(**parts)", pylib("aiobotocore.client", "_make_api_call", 412, "raise error_class(parsed_response, operation_name)")), module="botocore.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **WSPL)), entry="store_recording", log="Error processing job store_recording", logger="saq"),
    # SAQ's job timeout: the same asyncio.wait_for frame ends two different jobs' stacks.
    Bug("ek-recording-job-timeout", "tutor-worker", (Exc("CancelledError", "", job("store_recording", "recordings", 52, "await transcode(path)", a("media.transcode", "transcode", 27, "await proc.wait()"), pylib("asyncio.subprocess", "wait", 137, "return await self._transport._wait()")), module="asyncio.exceptions"), Exc("TimeoutError", "", SAQ, module="builtins")),
        (see("sentry.error", 3), see("splunk", 2, **WSPL)), classes=(6,), pair="ek-reminder-job-timeout", entry="store_recording", log="Error processing job store_recording", logger="saq"),
    Bug("ek-reminder-job-timeout", "tutor-worker", (Exc("CancelledError", "", job("send_reminders", "reminders", 41, "await sms.send(lesson.student.phone, text)", a("integrations.sms", "send", 19, "resp = await self._client.post('/messages', data=form)")), module="asyncio.exceptions"), Exc("TimeoutError", "", SAQ, module="builtins")),
        (see("sentry.error", 2), see("splunk", 3, **WSPL)), classes=(6,), pair="ek-recording-job-timeout", entry="send_reminders", log="Error processing job send_reminders", logger="saq"),
    # A singleton: a RecursionError in the timezone helper.
    Bug("ek-tz-recursion", "tutor-api", (Exc("RecursionError", "maximum recursion depth exceeded", (*LITESTAR, a("api.profile", "update_profile", 66, "profile.tz = normalise_tz(body.tz)"), a("utils.tz", "normalise_tz", 14, "return normalise_tz(ALIASES[name])")), module="builtins"),),
        (see("sentry.error"),), singleton=True, entry="PATCH /tutors/me", **API),
    # A message event: the worker logs a warning line without a traceback.
    Bug("ek-slow-job", "tutor-worker", (),
        (see("splunk", 3, search="tutor worker - slow jobs", line='{"time": "{tsms}", "lvl": "warning", "logger": "tutor.worker.metrics", "msg": "job send_invoice took {ms} ms (queue default)"}'),), classes=(7,)),
]

NOISE = [
    Noise("ek-noise-deploy", "tutor-api", "splunk", {"search": "tutor - errors", "line": '{"time": "2026-03-02T09:12:03.118+00:00", "lvl": "info", "logger": "tutor.app", "msg": "startup complete: tutor-api 2026.47.2"}'}),
    Noise("ek-noise-metric-resolved", "tutor-api", "sentry.metric", {"rule": "tutor-api 5xx rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("ek-noise-worker-start", "tutor-worker", "splunk", {"search": "tutor worker - failed jobs", "line": '{"time": "2026-03-02T09:12:41.530+00:00", "lvl": "info", "logger": "saq", "msg": "Worker starting: Queue<redis=Redis<ConnectionPool<Connection<host=redis,port=6379,db=0>>>, name=\'default\'>"}'}),
]

EAGLESFIELD = Company(
    key="ek",
    name="Eaglesfield Tutors",
    domain="eaglesfield.example",
    sentry_org="eaglesfield",
    splunk_url="https://eaglesfield.splunkcloud.com",
    splunk_guid="3C1B9A7E-55D2-4F08-9E61-0A7B2C4D8E11",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(48213, "Eaglesfield Tutors"),
    releases=("2026.46.1", "2026.47.0", "2026.47.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
)
# fmt: on
