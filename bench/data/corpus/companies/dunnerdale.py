"""(dd) Dunnerdale Lettings, repairs and rent for a letting agency: a FastAPI API with
SQLAlchemy 2's asyncio ORM over asyncpg (``lettings-api``: tenants, repair requests, rent
ledgers), arq workers on Redis (``lettings-worker``: contractor dispatch, rent reminders,
statement PDFs, bank-feed imports) and a Vue 3 tenant portal built by Vite (``portal``).

Both Python processes log through structlog's ``ConsoleRenderer(colors=False)``; the worker's
stdlib records (arq's own ``! <job> failed`` line) go through ``ProcessorFormatter`` so they
render the same way. Splunk Connect for Kubernetes ships the container logs. Sentry (the
FastAPI and arq integrations, @sentry/vue) and PostHog (posthog-js with exception autocapture,
posthog-python for the API's handled errors). No Datadog: the agency never bought it.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    FASTAPI_ENDPOINT,
    FASTAPI_ROUTE,
    VUE_CLICK,
    VUE_MOUNTED,
    VUE_RENDER,
    js,
    py,
    pylib,
)

SDK = ("sentry.python.fastapi", "2.19.2", "pypi:sentry-sdk")
# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "lettings-api": Service("lettings-api", "python", "dd-structlog", "kube:container:lettings-api", "/var/log/containers/lettings-api.log", "dunnerdale", 4471102, "CPython 3.11.10", framework="fastapi", sdk=SDK),
    "lettings-worker": Service("lettings-worker", "python", "dd-arq", "kube:container:lettings-worker", "/var/log/containers/lettings-worker.log", "dunnerdale", 4471105, "CPython 3.11.10", framework="arq", sdk=("sentry.python", "2.19.2", "pypi:sentry-sdk")),
    "portal": Service("portal", "javascript", "", "", "", "", 4471108, origin="https://portal.dunnerdale.example", framework="vue", sdk=("sentry.javascript.vue", "8.41.0", "npm:@sentry/vue")),
}

ARQ_JOB = (
    pylib("arq.worker", "run_job", 658, "result = await asyncio.wait_for(function.coroutine(ctx, *args, **kwargs), timeout_s)"),
    pylib("asyncio.tasks", "wait_for", 520, "return await fut"),
)
# SQLAlchemy 2's AsyncSession down to asyncpg, where the driver's error is translated.
ASYNC_EXEC = (
    pylib("sqlalchemy.ext.asyncio.session", "commit", 1011, "await greenlet_spawn(self.sync_session.commit)"),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 201, "result = context.throw(*sys.exc_info())"),
    pylib("sqlalchemy.orm.session", "_flush", 4408, "flush_context.execute()"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "execute", 572, "self._adapt_connection.await_("),
    pylib("sqlalchemy.util._concurrency_py3k", "await_only", 132, "return current.driver.switch(awaitable)  # type: ignore[no-any-return]"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_prepare_and_execute", 550, "self._handle_exception(error)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_handle_exception", 784, "raise translated_error from error"),
)
HTTPX_SEND = (
    pylib("httpx._client", "send", 1674, "response = await self._send_handling_auth("),
    pylib("httpx._models", "raise_for_status", 829, "raise HTTPStatusError(message, request=request, response=self)"),
)


def app(module: str, function: str, line: int, context: str = "") -> Frame:
    return py("dunnerdale." + module, function, line, context)


def unique(frames: tuple[Frame, ...], constraint: str, detail: str, sql: str) -> tuple[Exc, Exc]:
    """asyncpg's UniqueViolationError, translated by SQLAlchemy's asyncpg dialect."""
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'
    return (
        Exc("UniqueViolationError", pg, (pylib("asyncpg.connection", "_do_execute", 1864, "result, stmt = await executor(stmt, None)"),), module="asyncpg.exceptions"),
        Exc("IntegrityError", f"(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: {pg}\n[SQL: {sql}]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", frames + ASYNC_EXEC, module="sqlalchemy.exc"),
    )


API = dict(logger="dunnerdale.api.errors", log="unhandled request error")
HANDLERS = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT)
SEARCH_API = dict(search="lettings-api - tracebacks")
SEARCH_WORKER = dict(search="lettings-worker - failed jobs")

BUGS = [
    # One ``KeyError: 'postcode'`` in the API's repair request and in the contractor dispatch
    # job: the same address helper's dictionary, two callers.
    Bug("dd-repair-postcode", "lettings-api", (Exc("KeyError", "'postcode'", (*HANDLERS, app("api.routes.repairs", "create_repair", 58, "job = await repairs.open_request(session, tenancy, body)"), app("repairs.service", "open_request", 91, "area = address_area(tenancy.property.address)"), app("common.address", "address_area", 17, "return AREAS[address[\"postcode\"][:4].strip()]")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 3, **SEARCH_API), see("posthog", 2)),
        classes=(4, 9), pair="dd-dispatch-postcode", entry="POST /v1/repairs", **API),
    Bug("dd-dispatch-postcode", "lettings-worker", (Exc("KeyError", "'postcode'", (*ARQ_JOB, app("worker.jobs.dispatch", "dispatch_contractor", 44, "area = address_area(repair.property.address)"), app("common.address", "address_area", 17, "return AREAS[address[\"postcode\"][:4].strip()]")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 3, **SEARCH_WORKER)),
        classes=(4, 9), pair="dd-repair-postcode", entry="dispatch_contractor"),
    # Two unique constraints: a tenant e-mail registered twice, a rent charge posted twice.
    Bug("dd-dup-tenant-email", "lettings-api", unique((*HANDLERS, app("api.routes.tenants", "register_tenant", 39, "await session.commit()")), "uq_tenants_email", "Key (email)=({email}) already exists.", "INSERT INTO tenants (id, email, full_name, created_at) VALUES ($1::UUID, $2::VARCHAR, $3::VARCHAR, now())"),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH_API), see("posthog")),
        classes=(3, 4), pair="dd-dup-rent-charge", entry="POST /v1/tenants", **API),
    Bug("dd-dup-rent-charge", "lettings-worker", unique((*ARQ_JOB, app("worker.jobs.rent", "post_monthly_rent", 62, "await session.commit()")), "uq_rent_charges_tenancy_period", "Key (tenancy_id, period)=({uuid}, {date}) already exists.", "INSERT INTO rent_charges (id, tenancy_id, period, amount_pence) VALUES ($1::UUID, $2::UUID, $3::DATE, $4::INTEGER)"),
        (see("sentry.error", 2), see("splunk", 3, **SEARCH_WORKER)),
        classes=(3, 4), pair="dd-dup-tenant-email", entry="post_monthly_rent"),
    # One statement builder, two exceptions: a tenancy without a start date, and a ledger
    # row with a currency the formatter does not know.
    Bug("dd-statement-none-date", "lettings-worker", (Exc("TypeError", "'<' not supported between instances of 'NoneType' and 'datetime.date'", (*ARQ_JOB, app("worker.jobs.statements", "render_statement", 33, "rows = statement_rows(tenancy, ledger)"), app("statements.builder", "statement_rows", 71, "if tenancy.starts_on < period_start:")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH_WORKER)),
        classes=(1,), pair="dd-statement-currency", entry="render_statement"),
    Bug("dd-statement-currency", "lettings-worker", (Exc("KeyError", "'EUR'", (*ARQ_JOB, app("worker.jobs.statements", "render_statement", 33, "rows = statement_rows(tenancy, ledger)"), app("statements.builder", "statement_rows", 84, "amount = money(row.amount_pence, row.currency)"), app("statements.money", "money", 12, "return SYMBOLS[currency] + f\"{pence / 100:,.2f}\"")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH_WORKER)),
        classes=(1, 6), pair="dd-statement-none-date", entry="render_statement"),
    # Two arq jobs timing out under one saved search: the bank feed import and the
    # contractor availability sync (arq's own asyncio.TimeoutError, no app frame of the job).
    Bug("dd-bankfeed-timeout", "lettings-worker", (Exc("CancelledError", "", (pylib("asyncio.tasks", "wait_for", 520, "return await fut"), app("worker.jobs.bankfeed", "import_bank_feed", 27, "async for page in feed.pages(since):"), app("bankfeed.client", "pages", 48, "resp = await self._http.get(url, params=params)")), module="asyncio.exceptions"), Exc("TimeoutError", "", (pylib("arq.worker", "run_job", 658, "result = await asyncio.wait_for(function.coroutine(ctx, *args, **kwargs), timeout_s)"), pylib("asyncio.tasks", "wait_for", 519, "async with timeouts.timeout(timeout):"), pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val")), module="builtins")),
        (see("sentry.error", 2), see("splunk", 3, **SEARCH_WORKER)),
        classes=(2, 10), pair="dd-availability-timeout", entry="import_bank_feed"),
    Bug("dd-availability-timeout", "lettings-worker", (Exc("CancelledError", "", (pylib("asyncio.tasks", "wait_for", 520, "return await fut"), app("worker.jobs.contractors", "sync_availability", 19, "slots = await calendar.free_slots(contractor.calendar_id)"), app("contractors.calendar", "free_slots", 36, "resp = await self._http.get(f\"/calendars/{calendar_id}/free\")")), module="asyncio.exceptions"), Exc("TimeoutError", "", (pylib("arq.worker", "run_job", 658, "result = await asyncio.wait_for(function.coroutine(ctx, *args, **kwargs), timeout_s)"), pylib("asyncio.tasks", "wait_for", 519, "async with timeouts.timeout(timeout):"), pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val")), module="builtins")),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH_WORKER)),
        classes=(2, 10), pair="dd-bankfeed-timeout", entry="sync_availability"),
    # The portal: one ``tenancy.landlord`` undefined on two pages.
    Bug("dd-portal-dashboard-landlord", "portal", (Exc("TypeError", frames=(*VUE_RENDER, js("src/views/TenantDashboard.vue", "landlordName", 42, 31, "TenantDashboard")), js=JsError("read-undefined", "tenancy.landlord", "displayName")),),
        (see("sentry.error", 2, browser="chrome", chunk="TenantDashboard"), see("sentry.error", browser="safari", chunk="TenantDashboard", release=1), see("posthog", browser="firefox"), see("posthog", browser="edge", release=1)),
        classes=(4, 7), pair="dd-portal-contact-landlord", page="/dashboard", span=2),
    Bug("dd-portal-contact-landlord", "portal", (Exc("TypeError", frames=(*VUE_CLICK, js("src/views/ContactAgent.vue", "onSend", 67, 18, "ContactAgent"), js("src/composables/useMessages.ts", "recipientFor", 22, 40, "ContactAgent")), js=JsError("read-undefined", "tenancy.landlord", "displayName")),),
        (see("sentry.error", browser="chrome", chunk="ContactAgent"), see("sentry.error", browser="firefox", chunk="ContactAgent"), see("posthog", 2, browser="chrome"), see("posthog", browser="safari", resolved=True)),
        classes=(4, 7), pair="dd-portal-dashboard-landlord", page="/contact"),
    # A repair photo upload whose ``files`` is null once the browser drops the input.
    Bug("dd-portal-photo-null", "portal", (Exc("TypeError", frames=(*VUE_CLICK, js("src/components/RepairPhotos.vue", "addPhotos", 55, 27, "RepairForm")), js=JsError("read-null", "input.files", "length")),),
        (see("sentry.error", 2, browser="safari", chunk="RepairForm"), see("sentry.error", browser="chrome", chunk="RepairForm", raw=True), see("posthog", 2, browser="chrome"), see("posthog", browser="firefox")),
        classes=(7, 10), page="/repairs/new"),
    # Mounted hook calling a method the store lost in a refactor.
    Bug("dd-portal-rent-fn", "portal", (Exc("TypeError", frames=(*VUE_MOUNTED, js("src/views/RentLedger.vue", "mounted", 28, 9, "RentLedger")), js=JsError("not-function", "ledger.fetchArrears", "fetchArrears", "(t.id)")),),
        (see("sentry.error", 2, browser="chrome", chunk="RentLedger"), see("posthog", 2, browser="edge"), see("posthog", browser="safari")),
        classes=(7,), page="/rent"),
    # The deposit scheme's API answering 503: httpx's HTTPStatusError in a handler, over two
    # releases with the client's method renamed.
    Bug("dd-deposit-503", "lettings-api", (Exc("HTTPStatusError", "Server error '503 Service Unavailable' for url 'https://api.depositguard.example/v2/deposits/{ref}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/503", (*HANDLERS, app("api.routes.deposits", "deposit_status", 24, "return await scheme.status(tenancy.deposit_ref)"), app("deposits.scheme", "status", 51, "resp.raise_for_status()"), *HTTPX_SEND[1:]), module="httpx"),),
        (see("sentry.error", 3), see("splunk", 3, **SEARCH_API), see("posthog", 2)),
        classes=(5,), entry="GET /v1/tenancies/{id}/deposit", span=2, renames={"status": "fetch_status"}, **API),
    # Pydantic refusing the bank's webhook: a ValidationError with two lines in the message.
    Bug("dd-bank-webhook-validation", "lettings-api", (Exc("ValidationError", "1 validation error for BankTransaction\namount\n  Input should be a valid decimal [type=decimal_type, input_value='{n},00', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.9/v/decimal_type", (*HANDLERS, app("api.routes.bank", "bank_webhook", 31, "txn = BankTransaction.model_validate(payload)"), pylib("pydantic.main", "model_validate", 596, "return cls.__pydantic_validator__.validate_python(")), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH_API)),
        classes=(8,), entry="POST /v1/webhooks/bank", **API),
    # The reminder job's template missing a variable: Jinja's UndefinedError, deep frames.
    Bug("dd-reminder-jinja", "lettings-worker", (Exc("UndefinedError", "'tenancy' is undefined", (*ARQ_JOB, app("worker.jobs.reminders", "send_rent_reminder", 38, "html = templates.get_template(\"rent_reminder.html\").render(**ctx)"), pylib("jinja2.environment", "render", 1304, "self.environment.handle_exception()"), pylib("jinja2.environment", "handle_exception", 939, "raise rewrite_traceback_stack(source=source)"), py("templates.rent_reminder", "top-level template code", 7, "Dear {{ tenant.first_name }}, your rent for {{ tenancy.address_line }}"), pylib("jinja2.environment", "getattr", 487, "return getattr(obj, attribute)")), module="jinja2.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH_WORKER)),
        classes=(1,), entry="send_rent_reminder"),
    # Redis dropping the arq pool's connection mid-enqueue: the API's repair-photo handler.
    Bug("dd-redis-enqueue", "lettings-api", (Exc("ConnectionError", "Error while reading from lettings-redis:6379 : (104, 'Connection reset by peer')", (*HANDLERS, app("api.routes.repairs", "upload_photos", 82, "await arq.enqueue_job(\"make_thumbnails\", repair_id)"), pylib("arq.connections", "enqueue_job", 144, "await pipe.execute()"), pylib("redis.asyncio.client", "execute", 1539, "return await conn.retry.call_with_retry("), pylib("redis.asyncio.connection", "read_response", 577, "raise ConnectionError(f\"Error while reading from {host_error} : {e.args}\")")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH_API), see("posthog")),
        classes=(2,), entry="POST /v1/repairs/{id}/photos", **API),
    # Singleton: a migration's leftover column read once after deploy.
    Bug("dd-undefined-column", "lettings-api", (Exc("UndefinedColumnError", "column tenancies.break_clause_on does not exist", (*HANDLERS, app("api.routes.tenancies", "get_tenancy", 21, "tenancy = await session.get(Tenancy, tenancy_id)")), module="asyncpg.exceptions"),),
        (see("sentry.error"),), singleton=True, entry="GET /v1/tenancies/{id}", **API),
]

NOISE = [
    Noise("dd-noise-arq-start", "lettings-worker", "splunk", {"search": "lettings-worker - failed jobs", "line": "2026-03-05T06:00:01.204113Z [info     ] Starting worker for 9 functions: dispatch_contractor, post_monthly_rent, render_statement, import_bank_feed, sync_availability, send_rent_reminder, make_thumbnails, cron:nightly_arrears, cron:sync_availability [arq.worker]"}),
    Noise("dd-noise-worker-errors-resolved", "lettings-worker", "sentry.metric", {"rule": "lettings-worker failed jobs", "aggregate": "count()", "dataset": "events", "action": "resolved", "value": "{n}"}),
    Noise("dd-noise-portal-crashfree", "portal", "sentry.metric", {"rule": "Portal error rate", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "99.{n}"}),
]

DUNNERDALE = Company(
    key="dd",
    name="Dunnerdale Lettings",
    domain="dunnerdale.example",
    sentry_org="dunnerdale",
    splunk_url="https://splunk.dunnerdale.example:8000",
    splunk_guid="5B1E2C44-90A7-4F1D-8C6E-3A2F7D9B1C05",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(31207, "Dunnerdale portal"),
    releases=("2026.3.1", "2026.3.2", "2026.3.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dunnerdale-sentry-client-secret",
)
