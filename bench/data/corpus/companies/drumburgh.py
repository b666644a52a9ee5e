"""(du) Drumburgh Cottages, holiday cottage bookings on the Solway coast: a Quart 0.19 API
under Hypercorn on CPython 3.11 with SQLAlchemy 2's asyncio engine over asyncpg
(``bookings-api``), and a Huey 2.5 consumer on Redis for payouts, iCal syncs and cleaning
rotas (``huey-consumer``); Docker on two VMs.

Logging is ``logging.basicConfig(level=logging.INFO)``: the default
``%(levelname)s:%(name)s:%(message)s``, Quart's ``log_exception`` on ``quart.app`` and Huey's
``Unhandled exception in task <id>.`` on ``huey``, each followed by the traceback. Sentry:
sentry-sdk's Quart and Huey integrations. PostHog: posthog-python's ``capture_exception`` in
the Quart error handler. Splunk indexes the containers' stderr. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "bookings-api": Service("bookings-api", "python", "du-py-basic", "docker:stderr", "/var/lib/docker/containers/bookings-api.log", "drumburgh_docker", 9920031, "CPython 3.11.11", framework="quart", sdk=("sentry.python.quart", "2.20.0", "pypi:sentry-sdk")),
    "huey-consumer": Service("huey-consumer", "python", "du-py-basic", "docker:stderr", "/var/lib/docker/containers/huey-consumer.log", "drumburgh_docker", 9920034, "CPython 3.11.11", framework="huey", sdk=("sentry.python.huey", "2.20.0", "pypi:sentry-sdk")),
}

QUART = (
    pylib("quart.app", "handle_request", 1375, "return await self.full_dispatch_request(request_context)"),
    pylib("quart.app", "full_dispatch_request", 1413, "result = await self.dispatch_request(request_context)"),
    pylib("quart.app", "dispatch_request", 1505, "return await self.ensure_async(handler)(**request_.view_args)"),
)
HUEY = (
    pylib("huey.api", "_execute", 409, "task_value = task.execute()"),
    pylib("huey.api", "execute", 786, "return func(*args, **kwargs)"),
)
EXECUTE = (
    pylib("sqlalchemy.ext.asyncio.session", "execute", 463, "result = await greenlet_spawn("),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 201, "result = context.throw(*sys.exc_info())"),
    pylib("sqlalchemy.engine.default", "do_execute", 942, "cursor.execute(statement, parameters)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "execute", 580, "self._adapt_connection.await_("),
)
# Every call to a channel manager (Airbnb, Vrbo, Sykes) goes through one httpx helper.
CHANNEL = (
    py("drumburgh.channels.client", "get_json", 31, "resp = await client.get(url, timeout=15)"),
    pylib("httpx._client", "get", 1814, "return await self.request("),
    pylib("httpx._transports.default", "handle_async_request", 376, "with map_httpcore_exceptions():"),
)
API = {"search": "bookings-api tracebacks"}
TASKS = {"search": "huey - unhandled task exceptions"}
NONE_OWNER = "'NoneType' object has no attribute 'payout_account'"


def view(*frames: Frame) -> tuple[Frame, ...]:
    return (*QUART, *frames)


def task(*frames: Frame) -> tuple[Frame, ...]:
    return (*HUEY, *frames)


def unique(constraint: str, detail: str, sql: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'
    return (
        Exc("UniqueViolationError", pg, frames, module="asyncpg.exceptions"),
        Exc("IntegrityError", f"(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: {pg}\n[SQL: {sql}]\n[parameters: ({{id}}, {{n}})]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", frames, module="sqlalchemy.exc"),
    )


def read_timeout(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("ReadTimeout", "", frames, module="httpcore"),
        Exc("ReadTimeout", "", frames, module="httpx"),
    )


BUGS = [
    # A cottage whose owner row is gone: the booking view and the payout task read it.
    Bug("du-booking-owner-none", "bookings-api", (Exc("AttributeError", NONE_OWNER, view(py("drumburgh.api.bookings", "confirm_booking", 58, "account = cottage.owner.payout_account"))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("posthog", 2), see("splunk", 3, **API)),
        classes=(4, 5), pair="du-payout-owner-none", entry="POST /bookings/{id}/confirm", span=3, renames={"confirm_booking": "confirm"}),
    Bug("du-payout-owner-none", "huey-consumer", (Exc("AttributeError", NONE_OWNER, task(py("drumburgh.tasks.payouts", "send_owner_payout", 22, "transfer(owner.payout_account, amount)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **TASKS)),
        classes=(4,), pair="du-booking-owner-none", entry="drumburgh.tasks.payouts.send_owner_payout"),
    # Two unique constraints through asyncpg.
    Bug("du-booking-unique", "bookings-api", unique("uq_bookings_cottage_arrival", "Key (cottage_id, arrival)=({n}, 2026-07-{idx}) already exists.", "INSERT INTO bookings (cottage_id, arrival, guest_id) VALUES ($1::INTEGER, $2::DATE, $3::INTEGER) RETURNING bookings.id", view(py("drumburgh.api.bookings", "create_booking", 41, "await session.flush()"), *EXECUTE)),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **API)),
        classes=(4,), pair="du-ical-unique", entry="POST /bookings"),
    Bug("du-ical-unique", "huey-consumer", unique("uq_blocked_dates_cottage_day", "Key (cottage_id, day)=({n}, 2026-08-{idx}) already exists.", "INSERT INTO blocked_dates (cottage_id, day, source) VALUES ($1::INTEGER, $2::DATE, $3::VARCHAR)", task(py("drumburgh.tasks.ical", "sync_channel_calendar", 64, "await session.flush()"), *EXECUTE)),
        (see("sentry.error", 3), see("splunk", 2, **TASKS)),
        classes=(4,), pair="du-booking-unique", entry="drumburgh.tasks.ical.sync_channel_calendar"),
    # The channel helper timing out for two callers.
    Bug("du-ical-timeout", "huey-consumer", read_timeout(task(py("drumburgh.tasks.ical", "sync_channel_calendar", 38, "feed = await get_json(channel.feed_url)"), *CHANNEL)),
        (see("sentry.error", 3), see("splunk", 2, **TASKS)),
        classes=(4, 9), pair="du-rates-timeout", entry="drumburgh.tasks.ical.sync_channel_calendar"),
    Bug("du-rates-timeout", "bookings-api", read_timeout(view(py("drumburgh.api.rates", "push_rates", 27, "current = await get_json(rates_url(cottage))"), *CHANNEL)),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **API)),
        classes=(4, 9), pair="du-ical-timeout", entry="POST /cottages/{id}/rates/push"),
    # One quote function, two exceptions.
    Bug("du-quote-key", "bookings-api", (Exc("KeyError", "'nights'", view(py("drumburgh.api.quotes", "quote", 19, "price = price_stay(await request.get_json())"), py("drumburgh.pricing", "price_stay", 33, 'nights = payload["nights"]'))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **API)),
        classes=(4,), pair="du-quote-date", entry="POST /quotes"),
    Bug("du-quote-date", "bookings-api", (Exc("ValueError", "Invalid isoformat string: '{date}'", view(py("drumburgh.api.quotes", "quote", 19, "price = price_stay(await request.get_json())"), py("drumburgh.pricing", "price_stay", 36, 'arrival = date.fromisoformat(payload["arrival"])'))),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", resolved=True), see("splunk", **API)),
        classes=(4,), pair="du-quote-key", entry="POST /quotes"),
    # Same ZeroDivisionError at two code locations.
    Bug("du-occupancy-zero", "huey-consumer", (Exc("ZeroDivisionError", "division by zero", task(py("drumburgh.tasks.reports", "weekly_occupancy", 47, "rate = booked / available"))),),
        (see("sentry.error", 2), see("splunk", 2, **TASKS)),
        classes=(4,), pair="du-rota-zero", entry="drumburgh.tasks.reports.weekly_occupancy"),
    Bug("du-rota-zero", "huey-consumer", (Exc("ZeroDivisionError", "division by zero", task(py("drumburgh.tasks.cleaning", "build_rota", 29, "per_cleaner = len(changeovers) // len(cleaners)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **TASKS)),
        classes=(4,), pair="du-occupancy-zero", entry="drumburgh.tasks.cleaning.build_rota"),
    # The same missing 'email' key in the guest sign-up view and the mailing-list task.
    Bug("du-guest-email-key", "bookings-api", (Exc("KeyError", "'email'", view(py("drumburgh.api.guests", "register_guest", 31, 'guest = Guest(email=form["email"].lower())'))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **API)),
        classes=(4,), pair="du-mailing-email-key", entry="POST /guests"),
    Bug("du-mailing-email-key", "huey-consumer", (Exc("KeyError", "'email'", task(py("drumburgh.tasks.marketing", "sync_mailing_list", 44, 'members.append({"email_address": row["email"], "status": "subscribed"})'))),),
        (see("sentry.error", 3), see("splunk", 2, **TASKS)),
        classes=(4,), pair="du-guest-email-key", entry="drumburgh.tasks.marketing.sync_mailing_list"),
    Bug("du-stripe-card", "bookings-api", (Exc("CardError", "Request {req}: Your card was declined.", view(py("drumburgh.api.payments", "take_deposit", 52, "intent = await stripe.PaymentIntent.create_async(**params)"), pylib("stripe._api_requestor", "_interpret_response", 851, "self._specific_v1_api_error(")), module="stripe._error"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2), see("splunk", **API)),
        classes=(5,), entry="POST /bookings/{id}/deposit", span=3),
    Bug("du-redis-conn", "huey-consumer", (Exc("ConnectionError", "Error 111 connecting to redis:6379. Connection refused.", task(py("drumburgh.tasks.notify", "send_arrival_sms", 15, "if cache.get(f\"sms:{booking_id}\"):"), pylib("redis.connection", "connect", 357, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **TASKS)),
        entry="drumburgh.tasks.notify.send_arrival_sms"),
    Bug("du-template-undefined", "bookings-api", (Exc("UndefinedError", "'dict object' has no attribute 'checkin_time'", view(py("drumburgh.api.guides", "arrival_guide", 23, 'return await render_template("guide.html", cottage=cottage)'), pylib("jinja2.environment", "render_async", 1324, "return self.environment.handle_exception()")), module="jinja2.exceptions"),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **API)),
        entry="GET /cottages/{id}/guide"),
    Bug("du-pdf-memory", "huey-consumer", (Exc("MemoryError", "", task(py("drumburgh.tasks.invoices", "render_owner_statement", 71, "pdf = HTML(string=html).write_pdf()"))),),
        (see("sentry.error"),),
        singleton=True, entry="drumburgh.tasks.invoices.render_owner_statement"),
]

NOISE = [
    Noise("du-noise-hypercorn", "bookings-api", "splunk", {**API, "line": "[2026-03-05 06:00:01 +0000] [1] [INFO] Running on http://0.0.0.0:8000 (CTRL + C to quit)"}),
    Noise("du-noise-huey-start", "huey-consumer", "splunk", {**TASKS, "line": "INFO:huey.consumer:Huey consumer started with 4 thread, PID 1 at 2026-03-05 06:00:02.114381"}),
]

DRUMBURGH = Company(
    key="du",
    name="Drumburgh Cottages",
    domain="drumburgh-cottages.example",
    sentry_org="drumburgh-cottages",
    splunk_url="https://splunk.drumburgh-cottages.example:8000",
    splunk_guid="F14C7A2E-93B0-4E6D-8A51-6D2E0B9C3F77",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(71304, "Cottage bookings"),
    releases=("3.0.4", "3.1.0", "3.1.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="drumburgh-sentry-client-secret",
)
# fmt: on
