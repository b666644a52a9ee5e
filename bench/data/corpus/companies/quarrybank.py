"""(aj) Quarrybank Bikes, a city bike-share: a Sanic 23 API on Python 3.11 served by
``sanic serve`` workers (``api``; Sanic's own ``sanic.error`` log with the traceback, and
structlog's ``ConsoleRenderer`` for the app's own ``log.exception`` calls), RQ workers on Redis
(``worker``; RQ's stdlib-logging "exception raised while executing" lines) and a SvelteKit
front end (``web``, Vite chunks under ``/_app/immutable/``).

Sentry for every service (sentry-python with the Sanic and RQ integrations, @sentry/sveltekit);
Splunk saved searches over the API and worker logs (one a ``stats`` table of failed RQ jobs by
function); Datadog APM monitors on the API and RQ job monitors posting the team's snake_case
template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "api": Service("api", "python", "sanic-error", "quarrybank:api:sanic", "/var/log/quarrybank/api.log", "qb_prod", 8840011, "CPython 3.11.10", framework="sanic", sdk=("sentry.python.sanic", "2.18.0", "pypi:sentry-sdk")),
    "worker": Service("worker", "python", "rq", "quarrybank:worker:rq", "/var/log/quarrybank/worker.log", "qb_prod", 8840014, "CPython 3.11.10", framework="rq", sdk=("sentry.python.rq", "2.18.0", "pypi:sentry-sdk")),
    "web": Service("web", "javascript", "", "", "", "", 8840017, origin="https://ride.quarrybank.example", framework="onerror", sdk=("sentry.javascript.sveltekit", "8.42.0", "npm:@sentry/sveltekit")),
}

# Sanic awaiting a route handler.
SANIC = (
    pylib("sanic.app", "handle_request", 1385, "response = await response"),
)
# asyncpg executing a statement through the pool.
ASYNCPG_FETCHROW = (
    pylib("asyncpg.pool", "fetchrow", 948, "return await con.fetchrow("),
    pylib("asyncpg.connection", "fetchrow", 748, "data = await self._execute("),
    pylib("asyncpg.connection", "_execute", 1864, "result, _ = await self.__execute("),
    pylib("asyncpg.connection", "__execute", 1961, "result, stmt = await self._do_execute("),
    pylib("asyncpg.connection", "_do_execute", 2024, "result = await executor(stmt, None)"),
)
# An RQ worker forking a job's work horse.
RQ_JOB = (
    pylib("rq.worker", "perform_job", 1430, "rv = job.perform()"),
    pylib("rq.job", "perform", 1280, "self._result = self._execute()"),
    pylib("rq.job", "_execute", 1317, "result = self.func(*self.args, **self.kwargs)"),
)
TWILIO_CREATE = (
    pylib("twilio.rest.api.v2010.account.message", "create", 747, "payload = self._version.create("),
    pylib("twilio.base.version", "create", 465, "return self._parse_create(method, uri, response)"),
    pylib("twilio.base.version", "_parse_create", 435, "raise self.exception(method, uri, response, \"Unable to create record\")"),
)
# Every notification job sends through one helper.
SEND_SMS = py("quarrybank.notify.sms", "send_sms", 28, "return client.messages.create(to=to, from_=SENDER, body=body)")
API_LOG = "request failed"
API_APM = {"style": "type", "monitor": "api errors by type", "team": "rides"}
RQ_TASK = {"team": "ops"}


def api(module: str, function: str, line: int, context: str = "") -> Frame:
    return py(module, function, line, context)


def route(*app: Frame) -> tuple[Frame, ...]:
    return (*SANIC, *app)


def job(*app: Frame) -> tuple[Frame, ...]:
    return (*RQ_JOB, *app)


SVELTE = "node_modules/svelte/src/runtime/internal/"
SVELTE_CLICK = (
    js(SVELTE + "dom.js", "HTMLButtonElement.<anonymous>", 361, 41, "chunks/index", lib=True),
)
SVELTE_FLUSH = (
    js(SVELTE + "scheduler.js", "flush", 99, 5, "chunks/scheduler", lib=True),
    js(SVELTE + "scheduler.js", "update", 135, 12, "chunks/scheduler", lib=True),
)


def unique(constraint: str, detail: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("UniqueViolationError", f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}', (*app, *ASYNCPG_FETCHROW), module="asyncpg.exceptions"),)


BUGS = [
    # A dock id missing from the hardware's callback: the unlock and the return handlers both
    # index the payload; same KeyError, two code paths.
    Bug(
        "qb-unlock-dock-keyerror",
        "api",
        (Exc("KeyError", "'dock_id'", route(
            api("quarrybank.api.rentals", "unlock_bike", 54, "dock = await docks.release(request.app.ctx.db, payload[\"dock_id\"], user.id)"),
        ), module="builtins"),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", **API_APM),
        ),
        classes=(4,),
        pair="qb-return-dock-keyerror",
        entry="POST /v1/rentals/unlock",
        span=2,
        renames={"unlock_bike": "start_rental"},
    ),
    Bug(
        "qb-return-dock-keyerror",
        "api",
        (Exc("KeyError", "'dock_id'", route(
            api("quarrybank.api.rentals", "return_bike", 97, "rental = await returns.close(request.app.ctx.db, rental_id, event)"),
            api("quarrybank.rentals.returns", "close", 33, "dock = event[\"dock_id\"]"),
        ), module="builtins"),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", format="structlog-console", kv={"rental_id": "{id}"}),
            see("datadog.apm", **API_APM),
        ),
        classes=(4,),
        pair="qb-unlock-dock-keyerror",
        log="rental return failed",
        logger="quarrybank.rentals",
        entry="POST /v1/rentals/{rental_id}/return",
    ),
    # One active rental per rider; a double tap on "unlock" inserts twice.
    Bug(
        "qb-rental-active-unique",
        "api",
        unique("rentals_one_active_per_rider", "Key (rider_id)=({user}) already exists.", route(
            api("quarrybank.api.rentals", "unlock_bike", 61, "rental = await rentals.open(conn, user.id, dock)"),
            api("quarrybank.rentals.store", "open", 22, "row = await conn.fetchrow(INSERT_RENTAL, rider_id, dock.id, dock.bike_id)"),
        )),
        (
            see("sentry.error", 3),
            see("splunk", 2),
            see("datadog.apm", style="message", monitor="api error spans", team="rides"),
        ),
        classes=(4,),
        pair="qb-card-default-unique",
        entry="POST /v1/rentals/unlock",
        span=2,
    ),
    Bug(
        "qb-card-default-unique",
        "api",
        unique("payment_methods_one_default_per_rider", "Key (rider_id)=({user}) already exists.", route(
            api("quarrybank.api.wallet", "add_card", 40, "method = await wallet.add(conn, user.id, body.token, make_default=True)"),
            api("quarrybank.wallet.store", "add", 58, "row = await conn.fetchrow(INSERT_METHOD, rider_id, token, make_default)"),
        )),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="message", monitor="api error spans", team="rides"),
        ),
        classes=(4,),
        pair="qb-rental-active-unique",
        entry="POST /v1/wallet/cards",
    ),
    # The fare quote: one function, two different failures.
    Bug(
        "qb-quote-invalid-decimal",
        "api",
        (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", route(
            api("quarrybank.api.fares", "quote", 19, "return json(await fares.quote(plan, request.args))"),
            api("quarrybank.fares.pricing", "quote", 44, "per_minute = Decimal(plan.rates.get(\"per_minute\"))"),
        ), module="decimal"),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", format="structlog-console", kv={"plan": "{coupon}"}),
            see("datadog.apm", **API_APM),
        ),
        classes=(4,),
        pair="qb-quote-zero-division",
        log="fare quote failed",
        logger="quarrybank.fares",
        entry="GET /v1/fares/quote",
    ),
    Bug(
        "qb-quote-zero-division",
        "api",
        (Exc("ZeroDivisionError", "division by zero", route(
            api("quarrybank.api.fares", "quote", 19, "return json(await fares.quote(plan, request.args))"),
            api("quarrybank.fares.pricing", "quote", 51, "blocks = math.ceil(minutes / plan.block_minutes)"),
        ), module="builtins"),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
        ),
        classes=(4,),
        pair="qb-quote-invalid-decimal",
        entry="GET /v1/fares/quote",
    ),
    # Stripe webhooks signed against the wrong secret after a rotation.
    Bug(
        "qb-stripe-signature",
        "api",
        (Exc("SignatureVerificationError", "No signatures found matching the expected signature for payload", route(
            api("quarrybank.api.webhooks", "stripe_webhook", 23, "event = stripe.Webhook.construct_event(request.body, sig, settings.STRIPE_WEBHOOK_SECRET)"),
            pylib("stripe._webhook", "construct_event", 32, "WebhookSignature.verify_header(payload, sig_header, secret, tolerance)"),
            pylib("stripe._webhook", "verify_header", 106, "raise error.SignatureVerificationError("),
        ), module="stripe._error"),),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="Payments: any new issue"),
            see("splunk", 2),
            see("datadog.apm", style="route", monitor="Stripe webhook endpoint error rate", team="payments"),
            see("datadog.log", monitor="Stripe webhooks failing", team="payments", filter="service:api @path:/v1/webhooks/stripe status:error", text="Stripe webhook deliveries are failing on {{log.service}}.\n\n```\n{{log.message}}\n```"),
        ),
        classes=(2,),
        entry="POST /v1/webhooks/stripe",
        span=2,
    ),
    # Redis (the rate limiter's store) down: the API's middleware fails before any route.
    Bug(
        "qb-ratelimit-redis-down",
        "api",
        (
            Exc("ConnectionRefusedError", "[Errno 111] Connect call failed ('10.40.2.17', 6379)", (
                pylib("redis.asyncio.connection", "_connect", 299, "reader, writer = await asyncio.open_connection("),
                pylib("asyncio.streams", "open_connection", 48, "transport, _ = await loop.create_connection("),
                pylib("asyncio.base_events", "create_connection", 1122, "raise exceptions[0]"),
            ), module="builtins"),
            Exc("ConnectionError", "Error 111 connecting to redis-ratelimit:6379. Connect call failed ('10.40.2.17', 6379).", (
                pylib("sanic.app", "handle_request", 1338, "response = await self._run_request_middleware(request, middleware_collection=route.extra.request_middleware)"),
                pylib("sanic.app", "_run_request_middleware", 1624, "response = await response"),
                api("quarrybank.api.middleware", "rate_limit", 27, "allowed = await limiter.hit(request.app.ctx.redis, key, LIMIT)"),
                api("quarrybank.ratelimit", "hit", 15, "count = await redis.incr(key)"),
                pylib("redis.asyncio.client", "execute_command", 606, "conn = self.connection or await pool.get_connection(command_name, **options)"),
                pylib("redis.asyncio.connection", "connect", 250, "raise ConnectionError(self._error_message(e))"),
            ), module="redis.exceptions"),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 2, format="structlog-console"),
            see("datadog.log", style="error", msg="rate limiter unavailable", monitor="api: rate limiter unavailable", team="platform"),
        ),
        classes=(1, 2),
        log="rate limiter unavailable",
        logger="quarrybank.ratelimit",
        entry="GET /v1/stations",
    ),
    # RQ jobs. The invoice renderer lost a system library in a slimmer base image.
    Bug(
        "qb-invoice-pango-missing",
        "worker",
        (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate a library called 'libpango-1.0-0'", job(
            py("quarrybank.jobs.invoices", "render_invoice", 31, "pdf = HTML(string=html).write_pdf()"),
            pylib("weasyprint", "<module>", 428, "from .css import preprocess_stylesheet"),
            pylib("weasyprint.text.ffi", "<module>", 440, "pango = _dlopen("),
            pylib("weasyprint.text.ffi", "_dlopen", 428, "return ffi.dlopen(names[0])"),
        ), module="builtins"),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", 2, search="rq failed jobs by function", stats={"func_name": "quarrybank.jobs.invoices.render_invoice", "origin": "invoices", "exc_type": "OSError", "count": "{n}"}),
            see("datadog.task", **RQ_TASK),
        ),
        classes=(8,),
        entry="quarrybank.jobs.invoices.render_invoice",
    ),
    # The rebalancing planner hits RQ's job timeout wherever it happens to be.
    Bug(
        "qb-rebalance-job-timeout",
        "worker",
        (Exc("JobTimeoutException", "Task exceeded maximum timeout value (180 seconds)", job(
            py("quarrybank.jobs.rebalance", "plan_moves", 42, "routes = solver.solve(stations, vans, horizon=timedelta(hours=2))"),
            py("quarrybank.rebalance.solver", "solve", 118, "best = min(candidates, key=self._cost)"),
            py("quarrybank.rebalance.solver", "_cost", 87, "return sum(self._distance(a, b) for a, b in pairwise(route))"),
            pylib("rq.timeouts", "handle_death_penalty", 63, "raise self._exception('Task exceeded maximum timeout value ({0} seconds)'.format(self._timeout))"),
        ), module="rq.timeouts"),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", search="rq failed jobs by function", stats={"func_name": "quarrybank.jobs.rebalance.plan_moves", "origin": "planning", "exc_type": "JobTimeoutException", "count": "{n}"}),
            see("datadog.task", 2, **RQ_TASK),
        ),
        classes=(8,),
        entry="quarrybank.jobs.rebalance.plan_moves",
        span=2,
    ),
    # Every SMS goes through one helper; two different Twilio refusals end in it.
    Bug(
        "qb-sms-invalid-number",
        "worker",
        (Exc("TwilioRestException", "HTTP 400 error: Unable to create record: The 'To' number +4477{offset} is not a valid phone number.", job(
            py("quarrybank.jobs.notify", "ride_receipt", 19, "send_sms(rider.phone, render(\"receipt\", ride=ride))"),
            SEND_SMS,
            *TWILIO_CREATE,
        ), module="twilio.base.exceptions"),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.task", **RQ_TASK),
        ),
        classes=(9,),
        pair="qb-sms-unsubscribed",
        entry="quarrybank.jobs.notify.ride_receipt",
    ),
    Bug(
        "qb-sms-unsubscribed",
        "worker",
        (Exc("TwilioRestException", "HTTP 400 error: Unable to create record: Attempt to send to unsubscribed recipient", job(
            py("quarrybank.jobs.notify", "dock_full_alert", 44, "send_sms(rider.phone, render(\"dock_full\", station=station))"),
            SEND_SMS,
            *TWILIO_CREATE,
        ), module="twilio.base.exceptions"),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", search="rq failed jobs by function", stats={"func_name": "quarrybank.jobs.notify.dock_full_alert", "origin": "notify", "exc_type": "TwilioRestException", "count": "{n}"}),
        ),
        classes=(9,),
        pair="qb-sms-invalid-number",
        entry="quarrybank.jobs.notify.dock_full_alert",
    ),
    # Ride exports to object storage time out; the message carries the size and the elapsed time.
    Bug(
        "qb-export-upload-timeout",
        "worker",
        (Exc("TimeoutError", "upload of rides-{week}.csv.gz ({size}) to {objstore} timed out after {dur}", job(
            py("quarrybank.jobs.exports", "weekly_rides_export", 36, "storage.upload(path, key=f\"exports/rides-{week}.csv.gz\")"),
            py("quarrybank.storage", "upload", 52, "raise TimeoutError(f\"upload of {name} ({human_size(size)}) to {self.endpoint} timed out after {human_duration(elapsed)}\")"),
        ), module="builtins"),),
        (
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.task", **RQ_TASK),
        ),
        classes=(7,),
        entry="quarrybank.jobs.exports.weekly_rides_export",
    ),
    # SvelteKit front end: one read of a station's coordinates in three engines.
    Bug(
        "qb-web-station-coords",
        "web",
        (Exc("TypeError", frames=(
            *SVELTE_FLUSH,
            js("src/lib/map/StationLayer.svelte", "update", 58, 31, "nodes/3"),
            js("src/lib/map/geo.ts", "toLngLat", 6, 24, "chunks/geo"),
        ), js=JsError("read-undefined", "station.coords", "lat")),),
        (
            see("sentry.error", 2, browser="chrome", release=0),
            see("sentry.error", browser="firefox", release=1),
            see("sentry.error", browser="safari", release=1),
            see("sentry.error", browser="chrome", sourcemaps=False, release=2),
            see("sentry.issue"),
        ),
        classes=(3, 5),
        page="/map",
        span=3,
    ),
    # After a deploy, open tabs ask for chunks that are gone.
    Bug(
        "qb-web-stale-chunk",
        "web",
        (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (
            see("sentry.error", 2, browser="chrome", chunk="nodes/5"),
            see("sentry.error", browser="firefox", chunk="nodes/5", release=1),
            see("sentry.error", browser="safari", chunk="nodes/5", release=2),
        ),
        classes=(3,),
        page="/account/passes",
        span=3,
    ),
    # A plan's price read before the plans load: two components, same sentence.
    Bug(
        "qb-web-plancard-price",
        "web",
        (Exc("TypeError", frames=(
            *SVELTE_FLUSH,
            js("src/lib/passes/PlanCard.svelte", "create_fragment", 24, 40, "chunks/PlanCard"),
        ), js=JsError("read-null", "plan.price", "monthly")),),
        (
            see("sentry.error", 2, browser="chrome"),
            see("sentry.error", browser="safari"),
            see("sentry.issue"),
        ),
        classes=(3, 4),
        pair="qb-web-checkout-price",
        page="/passes",
    ),
    Bug(
        "qb-web-checkout-price",
        "web",
        (Exc("TypeError", frames=(
            *SVELTE_CLICK,
            js("src/routes/checkout/+page.svelte", "click_handler", 71, 33, "nodes/7"),
            js("src/lib/checkout/summary.ts", "totalFor", 12, 29, "chunks/summary"),
        ), js=JsError("read-null", "plan.price", "monthly")),),
        (
            see("sentry.error", 2, browser="chrome"),
            see("sentry.error", browser="firefox"),
        ),
        classes=(3, 4),
        pair="qb-web-plancard-price",
        page="/checkout",
    ),
    # Seen once.
    Bug(
        "qb-gdpr-export-memory",
        "worker",
        (Exc("MemoryError", "", job(
            py("quarrybank.jobs.exports", "gdpr_export", 71, "rows = list(rides.all_for_rider(conn, rider_id))"),
        ), module="builtins"),),
        (see("sentry.error"),),
        singleton=True,
        entry="quarrybank.jobs.exports.gdpr_export",
    ),
]

NOISE = [
    Noise("qb-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api 2026.11.4", "text": "Nomad job api-prod updated to 2026.11.4, 6/6 allocations healthy.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("qb-noise-rq-queue-recovered", "worker", "datadog.metric", {"monitor": "RQ queue depth: invoices", "scope": "queue:invoices", "text": "Queue depth back under 200.", "query": "avg(last_10m):avg:rq.queue.jobs{queue:invoices} > 200", "metric": "rq.queue.jobs", "priority": "P3", "transition": "Recovered"}),
    Noise("qb-noise-worker-started", "worker", "splunk", {"search": "worker - errors", "line": "{hhmm}:12 Worker rq:worker:{hex} started with PID {pid}, version 1.16.2"}),
]

QUARRYBANK = Company(
    key="aj",
    name="Quarrybank Bikes",
    domain="quarrybank.example",
    sentry_org="quarrybank",
    splunk_url="https://quarrybank.splunkcloud.com",
    splunk_guid="3F8B61D2-0C4E-4A97-B2D5-7E19A40C6F53",
    datadog_org=("604118", "Quarrybank Bikes"),
    datadog_template="quarrybank",
    posthog_project=(0, ""),
    releases=("2026.11.1", "2026.11.2", "2026.11.3", "2026.11.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quarrybank-sentry-client-secret",
)
# fmt: on
