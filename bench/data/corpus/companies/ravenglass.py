"""(hl) Ravenglass Climbing Centres, session bookings and memberships for three bouldering
walls: a FastAPI 0.115 service (``booking-api`` under uvicorn; SQLAlchemy 2.0 async over
asyncpg, httpx to GoCardless) and arq 0.26 workers (``arq-worker``: membership renewals,
door-access syncs, receipts, monthly reports).

Both log through structlog's ``ConsoleRenderer(colors=False)`` (the dev format left on in
production: ``2026-03-02 10:00:00 [error    ] event_name  key=value`` over the plain
traceback), the stdlib's records (uvicorn's ``Exception in ASGI application``, arq's ``!
<job_id>:<function> failed``) through structlog's ``ProcessorFormatter``. No Splunk: the
lines reach Datadog only, whose log monitors paste ``{{log.message}}`` (the aggregated
multi-line event, some monitors only its first lines). Sentry: sentry-python with its
FastAPI and arq integrations. Datadog: dd-trace-py APM monitors by error type on the API,
and log monitors, on the team's own template. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FASTAPI_ENDPOINT, FASTAPI_ROUTE, HTTPX_ASYNC_POST, py, pylib

# fmt: off
SDK = ("sentry.python", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "booking-api": Service("booking-api", "python", "hl-structlog-console", "kube:container:booking-api", "/var/log/containers/booking-api.log", "hl_k8s", 7730411, "CPython 3.12.7", framework="fastapi", sdk=SDK),
    "arq-worker": Service("arq-worker", "python", "hl-structlog-console", "kube:container:arq-worker", "/var/log/containers/arq-worker.log", "hl_k8s", 7730412, "CPython 3.12.7", framework="arq", sdk=SDK),
}
ROUTE = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT)
ARQ = (
    pylib("arq.worker", "run_job", 617, "result = await asyncio.wait_for(task, timeout_s)"),
    pylib("asyncio.tasks", "wait_for", 520, "return await fut"),
)
SA_COMMIT = (
    pylib("sqlalchemy.ext.asyncio.session", "commit", 1012, "await greenlet_spawn(self.sync_session.commit)"),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 203, "result = context.switch(value)"),
    pylib("sqlalchemy.orm.session", "commit", 2017, "trans.commit(_to_root=True)"),
    pylib("sqlalchemy.orm.session", "_flush", 4408, "flush_context.execute()"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1986, "self._handle_dbapi_exception("),
    pylib("sqlalchemy.engine.base", "_handle_dbapi_exception", 2355, "raise sqlalchemy_exception.with_traceback(exc_info[2]) from e"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 941, "cursor.execute(statement, parameters)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "execute", 568, "self._adapt_connection.await_("),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_handle_exception", 782, "raise translated_error from error"),
)
PG_RAISE = (
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_prepare_and_execute", 526, "await adapt_connection._start_transaction()"),
    pylib("asyncpg.protocol.protocol", "bind_execute", 207, ""),
)
GC = py("ravenglass.payments.gocardless", "request", 48, "response.raise_for_status()")


def r(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"ravenglass.{module}", function, line, context)


def unique(app: tuple[Frame, ...], constraint: str, key: str) -> tuple[Exc, Exc]:
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key ({key})=({{id}}, {{user}}) already exists.'
    wrapped = f"(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: {pg}\n[SQL: INSERT ...]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)"
    return (Exc("UniqueViolationError", pg, PG_RAISE, module="asyncpg.exceptions"), Exc("IntegrityError", wrapped, app + SA_COMMIT, module="sqlalchemy.exc"))


LOGMSG = "**{{log.service}}** logged an error:\n\n```\n{{log.message}}\n```"
DDAPI = dict(team="walls", monitor="[ravenglass] booking-api errors", filter="service:booking-api status:error", text=LOGMSG, sample_lines=80)
DDASGI = dict(team="walls", monitor="[ravenglass] booking-api errors", filter="service:booking-api status:error", text=LOGMSG, sample_lines=80, format="hl-uvicorn-foreign")
DDHEAD = dict(team="walls", monitor="[ravenglass] booking-api errors", filter="service:booking-api status:error", text=LOGMSG, sample_lines=6, format="hl-uvicorn-foreign")
DDJOB = dict(team="walls", monitor="[ravenglass] arq job failures", filter="service:arq-worker status:error logger.name:arq.worker", text=LOGMSG, sample_lines=80, format="hl-arq-foreign")
DDWRK = dict(team="walls", monitor="[ravenglass] arq-worker errors", filter="service:arq-worker status:error", text=LOGMSG, sample_lines=80)
APM = dict(team="walls", monitor="[ravenglass] fastapi.request errors by type", style="type")

BUGS = [
    # The same KeyError on a member's tier: quoting a session and renewing a membership.
    Bug("hl-quote-tier", "booking-api", (Exc("KeyError", "'membership_tier'", (*ROUTE, r("api.sessions", "quote_session", 64, "price = pricing.session_price(member, session)"), r("pricing.rules", "session_price", 31, "discount = TIER_DISCOUNTS[member.profile['membership_tier']]")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **DDASGI), see("datadog.apm", **APM)),
        classes=(4, 5), pair="hl-renew-tier", entry="POST /sessions/{id}/quote", span=2, renames={"quote_session": "get_session_quote"}),
    Bug("hl-renew-tier", "arq-worker", (Exc("KeyError", "'membership_tier'", (*ARQ, r("jobs.memberships", "renew_membership", 42, "amount = renewal_amount(member)"), r("memberships.billing", "renewal_amount", 19, "base = PLAN_PRICES[member.profile['membership_tier']]")), module="builtins"),),
        (see("sentry.error", 2), see("datadog.log", **DDJOB), see("datadog.log", **DDWRK)),
        classes=(4,), pair="hl-quote-tier", log="membership_renewal_failed", entry="renew_membership"),
    # One commit, two unique constraints.
    Bug("hl-dup-booking", "booking-api", unique((*ROUTE, r("api.bookings", "create_booking", 51, "await db.commit()")), "bookings_session_id_member_id_key", "session_id, member_id"),
        (see("sentry.error", 3), see("datadog.log", **DDASGI), see("datadog.apm", **APM)),
        classes=(4,), pair="hl-dup-waiver", entry="POST /bookings"),
    Bug("hl-dup-waiver", "arq-worker", unique((*ARQ, r("jobs.waivers", "store_signed_waiver", 37, "await db.commit()")), "waivers_member_id_version_key", "member_id, version"),
        (see("sentry.error", 2), see("datadog.log", **DDJOB)),
        classes=(4,), pair="hl-dup-booking", entry="store_signed_waiver"),
    # One GoCardless helper: a read timeout and a 422.
    Bug("hl-gc-timeout", "booking-api", (Exc("ReadTimeout", "", (*ROUTE, r("api.memberships", "start_direct_debit", 73, "mandate = await gocardless.create_mandate(member)"), r("payments.gocardless", "create_mandate", 88, "return await request(\"POST\", \"/mandates\", json=body)"), py("ravenglass.payments.gocardless", "request", 45, "response = await client.request(method, path, **kwargs)"), *HTTPX_ASYNC_POST), module="httpx"),),
        (see("sentry.error", 3), see("datadog.log", **DDAPI), see("datadog.apm", **APM)),
        classes=(9,), pair="hl-gc-422", log="gocardless_request_failed", entry="POST /memberships/direct-debit"),
    Bug("hl-gc-422", "booking-api", (Exc("HTTPStatusError", "Client error '422 Unprocessable Entity' for url 'https://api.gocardless.com/mandates'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/422", (*ROUTE, r("api.memberships", "start_direct_debit", 73, "mandate = await gocardless.create_mandate(member)"), r("payments.gocardless", "create_mandate", 88, "return await request(\"POST\", \"/mandates\", json=body)"), GC, pylib("httpx._models", "raise_for_status", 829, "raise HTTPStatusError(message, request=request, response=self)")), module="httpx"),),
        (see("sentry.error", 2), see("sentry.alert", rule="GoCardless failures"), see("datadog.log", **DDAPI)),
        classes=(9,), pair="hl-gc-timeout", log="gocardless_request_failed", entry="POST /memberships/direct-debit"),
    # One availability parser, two exceptions.
    Bug("hl-window-format", "booking-api", (Exc("ValueError", "time data '{date}' does not match format '%Y-%m-%d'", (*ROUTE, r("api.sessions", "availability", 29, "window = parse_window(start, days)"), r("sessions.windows", "parse_window", 14, "first = datetime.strptime(start, \"%Y-%m-%d\")"), pylib("_strptime", "_strptime_datetime", 554, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"), pylib("_strptime", "_strptime", 333, "raise ValueError(\"time data %r does not match format %r\" %")), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", **DDASGI), see("datadog.apm", **APM)),
        classes=(4,), pair="hl-window-tz", entry="GET /sessions/availability"),
    Bug("hl-window-tz", "booking-api", (Exc("TypeError", "can't compare offset-naive and offset-aware datetimes", (*ROUTE, r("api.sessions", "availability", 29, "window = parse_window(start, days)"), r("sessions.windows", "parse_window", 19, "if first < now_utc():")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **DDHEAD)),
        classes=(4, 10), pair="hl-window-format", entry="GET /sessions/availability"),
    # Two jobs failing under one arq failures monitor: a refused door controller and a job timeout.
    Bug("hl-door-refused", "arq-worker", (Exc("ConnectionRefusedError", "[Errno 111] Connect call failed ('{ip}', 8443)", (*ARQ, r("jobs.doors", "sync_door_access", 23, "await controller.push_credentials(batch)"), r("doors.controller", "push_credentials", 57, "reader, writer = await asyncio.open_connection(self.host, self.port, ssl=self.ssl)"), pylib("asyncio.streams", "open_connection", 48, "transport, _ = await loop.create_connection("), pylib("asyncio.base_events", "create_connection", 1122, "raise exceptions[0]")), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", 2, **DDJOB)),
        classes=(2,), pair="hl-report-timeout", entry="sync_door_access"),
    Bug("hl-report-timeout", "arq-worker", (Exc("CancelledError", "", (pylib("asyncio.tasks", "wait_for", 520, "return await fut"), r("jobs.reports", "monthly_report", 66, "rows = await db.execute(OCCUPANCY_BY_HOUR, params)"), pylib("sqlalchemy.ext.asyncio.session", "execute", 461, "result = await greenlet_spawn(")), module="asyncio.exceptions"), Exc("TimeoutError", "", ARQ, module="builtins")),
        (see("sentry.error", 2), see("datadog.log", 2, **DDJOB)),
        classes=(2,), pair="hl-door-refused", entry="monthly_report"),
    # Not pairs.
    Bug("hl-missing-greenlet", "booking-api", (Exc("MissingGreenlet", "greenlet_spawn has not been called; can't call await_only() here. Was IO attempted in an unexpected place? (Background on this error at: https://sqlalche.me/e/20/xd2s)", (*ROUTE, r("api.members", "member_profile", 38, "return MemberOut.model_validate(member)"), pylib("pydantic.main", "model_validate", 596, "return cls.__pydantic_validator__.validate_python("), pylib("sqlalchemy.orm.attributes", "__get__", 566, "return self.impl.get(state, dict_)"), pylib("sqlalchemy.util._concurrency_py3k", "await_only", 123, "raise exc.MissingGreenlet(")), module="sqlalchemy.exc"),),
        (see("sentry.error", 3), see("datadog.log", **DDASGI), see("datadog.apm", **APM)),
        classes=(5,), entry="GET /members/{id}", span=3),
    Bug("hl-response-validation", "booking-api", (Exc("ResponseValidationError", "1 validation errors:\n  {'type': 'string_type', 'loc': ('response', 'coach', 'email'), 'msg': 'Input should be a valid string', 'input': None}\n", (*ROUTE, pylib("fastapi.routing", "serialize_response", 155, "raise ResponseValidationError(")), module="fastapi.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **DDASGI), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /sessions/{id}"),
    Bug("hl-asyncpg-busy", "booking-api", (Exc("InterfaceError", "cannot perform operation: another operation is in progress", (*ROUTE, r("api.walls", "wall_status", 22, "counts, routes = await asyncio.gather(occupancy(db, wall_id), routes_set(db, wall_id))"), r("walls.queries", "routes_set", 41, "return (await db.execute(ROUTES_SET, {\"wall\": wall_id})).all()"), pylib("asyncpg.connection", "_check_open", 1467, "raise exceptions.InterfaceError(")), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("datadog.log", **DDHEAD), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /walls/{id}/status"),
    Bug("hl-receipt-redis", "arq-worker", (Exc("ConnectionError", "Error 111 connecting to redis-master:6379. Connection refused.", (*ARQ, r("jobs.receipts", "send_receipt", 28, "await ctx[\"redis\"].enqueue_job(\"send_email\", receipt.email_payload())"), pylib("arq.connections", "enqueue_job", 140, "async with self.pipeline(transaction=True) as pipe:"), pylib("redis.asyncio.connection", "connect", 286, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 3), see("datadog.log", 2, **DDWRK)),
        log="receipt_enqueue_failed", entry="send_receipt"),
    Bug("hl-singleton-zero", "booking-api", (Exc("ZeroDivisionError", "division by zero", (*ROUTE, r("api.stats", "occupancy", 17, "return {\"pct\": round(100 * booked / capacity, 1)}")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /stats/occupancy"),
]

NOISE = [
    Noise("hl-noise-deploy", "booking-api", "datadog.event", {"monitor": "Deploy", "text": "booking-api 2026.3.2 rolled out (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "walls"}),
    Noise("hl-noise-recovered", "arq-worker", "datadog.log", {"monitor": "[ravenglass] arq job failures", "text": "Recovered: arq job failures back to normal.", "transition": "Recovered", "alert_type": "success", "team": "walls"}),
]

RAVENGLASS = Company(
    key="hl",
    name="Ravenglass Climbing Centres",
    domain="ravenglass-climbing.example",
    sentry_org="ravenglass",
    splunk_url="https://ravenglass.splunkcloud.com",
    splunk_guid="9A2C4E61-5B83-4F07-8D1E-2C6A9B3F7D40",
    datadog_org=("826611", "Ravenglass Climbing Centres"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ravenglass-sentry-client-secret",
)
# fmt: on
