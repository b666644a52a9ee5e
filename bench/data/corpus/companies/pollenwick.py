"""(bn) Pollenwick Seeds, a seed-subscription and allotment-planning service: a FastAPI 0.111 API
on CPython 3.11 under uvicorn (``garden-api``: members, seed boxes, plot bookings, the sowing
planner; SQLModel over SQLAlchemy 2's asyncio engine and asyncpg), Taskiq 0.11 workers on a
Redis broker (``garden-worker``: box dispatch, renewals, frost alerts, label printing) and a
React 18 SPA built by Vite 5 (``garden-web``: ``/assets/<name>-<hash>.js``).

Sentry: sentry-sdk's FastAPI integration on the API; the workers call
``sentry_sdk.capture_exception`` in a Taskiq middleware (no integration of their own, so a
``generic`` mechanism); @sentry/react 7 on the SPA (source maps uploaded by the Vite plugin,
one release's upload skipped). PostHog: posthog-js exception autocapture on the SPA and
posthog-python's ``capture_exception`` in the API's exception handler. Splunk indexes the
containers' output: uvicorn's own ``Exception in ASGI application`` text with the traceback,
structlog JSON from the app code and the workers (the traceback in ``exception``), and a
stats search of failed Taskiq tasks. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "garden-api": Service("garden-api", "python", "bn-uvicorn-error", "pollenwick:uvicorn", "/var/log/containers/garden-api.log", "pw_prod", 7140021, "CPython 3.11.9", framework="fastapi"),
    "garden-worker": Service("garden-worker", "python", "bn-structlog", "pollenwick:structlog", "/var/log/containers/garden-worker.log", "pw_prod", 7140022, "CPython 3.11.9"),
    "garden-web": Service("garden-web", "javascript", "", "", "", "", 7140024, origin="https://app.pollenwick.example", framework="react", sdk=("sentry.javascript.react", "7.112.2", "npm:@sentry/react")),
}

# uvicorn -> Starlette -> FastAPI into an async endpoint (oldest first). Starlette's
# ServerErrorMiddleware re-raises, so its frame shows twice (``raise exc`` first).
FASTAPI = (
    pylib("uvicorn.protocols.http.httptools_impl", "run_asgi", 411, "result = await app(  # type: ignore[func-returns-value]"),
    pylib("uvicorn.middleware.proxy_headers", "__call__", 69, "return await self.app(scope, receive, send)"),
    pylib("fastapi.applications", "__call__", 1054, "await super().__call__(scope, receive, send)"),
    pylib("starlette.applications", "__call__", 123, "await self.middleware_stack(scope, receive, send)"),
    pylib("starlette.middleware.errors", "__call__", 186, "raise exc"),
    pylib("starlette.middleware.errors", "__call__", 164, "await self.app(scope, receive, _send)"),
    pylib("starlette.middleware.exceptions", "__call__", 65, "await wrap_app_handling_exceptions(self.app, conn)(scope, receive, send)"),
    pylib("starlette._exception_handler", "wrapped_app", 64, "await app(scope, receive, sender)"),
    pylib("starlette.routing", "__call__", 756, "await self.middleware_stack(scope, receive, send)"),
    pylib("starlette.routing", "app", 776, "await route.handle(scope, receive, send)"),
    pylib("starlette.routing", "handle", 297, "await self.app(scope, receive, send)"),
    pylib("starlette.routing", "app", 77, "await wrap_app_handling_exceptions(app, request)(scope, receive, send)"),
    pylib("starlette.routing", "app", 72, "response = await func(request)"),
    pylib("fastapi.routing", "app", 278, "raw_response = await run_endpoint_function("),
    pylib("fastapi.routing", "run_endpoint_function", 191, "return await dependant.call(**values)"),
)
# Taskiq's receiver running an async task function.
TASKIQ = (
    pylib("taskiq.receiver.receiver", "run_task", 282, "returned = await target_future"),
)
COMMIT = (
    pylib("sqlalchemy.ext.asyncio.session", "commit", 1011, "await greenlet_spawn(self.sync_session.commit)"),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 203, "result = context.switch(value)"),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "execute", 572, "self._adapt_connection.await_(self._prepare_and_execute(operation, parameters))"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_prepare_and_execute", 550, "self._handle_exception(error)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_handle_exception", 784, "self._adapt_connection._handle_exception(error)"),
)


def asyncpg_unique(app: tuple[Frame, ...], constraint: str, key: str, sql: str) -> tuple[Exc, ...]:
    """asyncpg's UniqueViolationError under SQLAlchemy's IntegrityError (cause first)."""
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key {key} already exists.'
    return (
        Exc("UniqueViolationError", pg, (pylib("asyncpg.protocol.protocol", "bind_execute", 207, ""),), module="asyncpg.exceptions"),
        Exc("IntegrityError", f"(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: {pg}\n[SQL: {sql}]\n[parameters: ({{id}}, '{{email}}')]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", (*app, *COMMIT), module="sqlalchemy.exc"),
    )


# Both carrier and payment calls go through one helper; its frame ends both timeouts.
POST_JSON = py("pollenwick.integrations.http", "post_json", 27, "resp = await client.post(url, json=payload, headers=headers)")
HTTPX_POST = (
    pylib("httpx._client", "post", 1892, "return await self.request("),
    pylib("httpx._client", "send", 1661, "response = await self._send_handling_auth("),
    pylib("httpx._transports.default", "handle_async_request", 376, "with map_httpcore_exceptions():"),
    pylib("contextlib", "__exit__", 158, "self.gen.throw(value)"),
    pylib("httpx._transports.default", "map_httpcore_exceptions", 89, "raise mapped_exc(message) from exc"),
)


def read_timeout(app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("ReadTimeout", "", (pylib("httpcore._exceptions", "map_exceptions", 14, "raise to_exc(exc) from exc"),), module="httpcore"),
        Exc("ReadTimeout", "", (*TASKIQ, *app, POST_JSON, *HTTPX_POST), module="httpx"),
    )


def web(file: str, function: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"src/{file}", function, line, col, chunk)


API = {"search": "garden-api: unhandled exceptions"}
APP_LOG = {"search": "garden-api: error events", "format": "bn-structlog", "sourcetype": "pollenwick:structlog"}
WORKER = {"search": "garden-worker: task errors"}
STATS = "garden-worker: failed tasks by name (1h)"
WEB = {"mechanism": "onerror"}

BUGS = [
    # Two unique violations: a plot booked twice for a season, a member signing up twice.
    Bug("bn-plot-booked-twice", "garden-api", asyncpg_unique((*FASTAPI, py("pollenwick.api.plots", "book_plot", 52, "await session.commit()")), "uq_plot_bookings_plot_id_season", "(plot_id, season)=({id}, 2026)", "INSERT INTO plot_bookings (plot_id, season, member_id, created_at) VALUES ($1::INTEGER, $2::INTEGER, $3::INTEGER, now()) RETURNING plot_bookings.id"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("posthog")),
        classes=(4,), pair="bn-member-email-taken", entry="POST /v1/plots/{plot_id}/bookings"),
    Bug("bn-member-email-taken", "garden-api", asyncpg_unique((*FASTAPI, py("pollenwick.api.members", "sign_up", 38, "await session.commit()")), "uq_members_email", "(lower(email::text))=({email})", "INSERT INTO members (email, display_name, postcode, created_at) VALUES ($1::VARCHAR, $2::VARCHAR, $3::VARCHAR, now()) RETURNING members.id"),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 2)),
        classes=(4,), pair="bn-plot-booked-twice", entry="POST /v1/members"),
    # The same None climate zone read by the planner endpoint and by the frost-alert task.
    Bug("bn-planner-no-zone", "garden-api", (Exc("AttributeError", "'NoneType' object has no attribute 'last_frost'", (*FASTAPI, py("pollenwick.api.planner", "sowing_plan", 44, "return build_plan(member.garden, season)"), py("pollenwick.planner.calendar", "build_plan", 71, "frost = garden.climate_zone.last_frost")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API), see("posthog")),
        classes=(4,), pair="bn-frost-alert-no-zone", entry="GET /v1/planner/{season}", span=2, renames={"sowing_plan": "get_sowing_plan"}),
    Bug("bn-frost-alert-no-zone", "garden-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'last_frost'", (*TASKIQ, py("pollenwick.tasks.alerts", "send_frost_alerts", 33, "if garden.climate_zone.last_frost > today:")), module="builtins"),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, **WORKER), see("splunk", search=STATS, stats={"task_name": "pollenwick.tasks.alerts:send_frost_alerts", "broker": "redis", "failures": "{n}", "last_error": "AttributeError"})),
        classes=(4,), pair="bn-planner-no-zone", entry="pollenwick.tasks.alerts:send_frost_alerts"),
    # One dispatch-email builder, two exceptions: a box with no variety key, a bad weight.
    Bug("bn-dispatch-missing-variety", "garden-worker", (Exc("KeyError", "'variety_name'", (*TASKIQ, py("pollenwick.tasks.boxes", "send_dispatch_email", 58, "html = render_dispatch(box)"), py("pollenwick.emails.dispatch", "render_dispatch", 22, "lines = [f\"{p['variety_name']} x{p['qty']}\" for p in box.packets]")), module="builtins"),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("splunk", 2, **WORKER)),
        classes=(4,), pair="bn-dispatch-bad-weight", entry="pollenwick.tasks.boxes:send_dispatch_email"),
    Bug("bn-dispatch-bad-weight", "garden-worker", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*TASKIQ, py("pollenwick.tasks.boxes", "send_dispatch_email", 58, "html = render_dispatch(box)"), py("pollenwick.emails.dispatch", "render_dispatch", 27, "total = sum(Decimal(p['weight_g']) for p in box.packets)")), module="decimal"),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, **WORKER), see("splunk", search=STATS, stats={"task_name": "pollenwick.tasks.boxes:send_dispatch_email", "broker": "redis", "failures": "{n}", "last_error": "InvalidOperation"})),
        classes=(4,), pair="bn-dispatch-missing-variety", entry="pollenwick.tasks.boxes:send_dispatch_email"),
    # Two tasks time out in the one HTTP helper they share: carrier labels, card renewals.
    Bug("bn-label-carrier-timeout", "garden-worker", read_timeout((py("pollenwick.tasks.labels", "print_label", 19, "label = await carrier.create_label(box)"), py("pollenwick.integrations.carrier", "create_label", 41, "return await post_json(self.url + '/shipments', payload, self.headers)"))),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, **WORKER), see("splunk", search=STATS, stats={"task_name": "pollenwick.tasks.labels:print_label", "broker": "redis", "failures": "{n}", "last_error": "ReadTimeout"})),
        classes=(9,), pair="bn-renewal-payments-timeout", entry="pollenwick.tasks.labels:print_label"),
    Bug("bn-renewal-payments-timeout", "garden-worker", read_timeout((py("pollenwick.tasks.renewals", "renew_subscription", 47, "charge = await payments.charge(sub.customer_ref, sub.price_pence)"), py("pollenwick.integrations.payments", "charge", 29, "return await post_json(f'{self.base}/v1/payments', body, self.headers)"))),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("splunk", 2, **WORKER)),
        classes=(9,), pair="bn-label-carrier-timeout", entry="pollenwick.tasks.renewals:renew_subscription"),
    # A lazy relationship touched outside the greenlet in the renewals task.
    Bug("bn-renewal-missing-greenlet", "garden-worker", (Exc("MissingGreenlet", "greenlet_spawn has not been called; can't call await_only() here. Was IO attempted in an unexpected place? (Background on this error at: https://sqlalche.me/e/20/xd2s)", (*TASKIQ, py("pollenwick.tasks.renewals", "renew_subscription", 39, "for item in sub.box.items:"), pylib("sqlalchemy.orm.attributes", "__get__", 566, "return self.impl.get(state, dict_)"), pylib("sqlalchemy.orm.strategies", "_load_for_state", 918, "return self._emit_lazyload("), pylib("sqlalchemy.util._concurrency_py3k", "await_only", 123, "raise exc.MissingGreenlet(")), module="sqlalchemy.exc"),),
        (see("sentry.error", 3, mechanism="generic"), see("splunk", 2, **WORKER), see("splunk", search=STATS, stats={"task_name": "pollenwick.tasks.renewals:renew_subscription", "broker": "redis", "failures": "{n}", "last_error": "MissingGreenlet"})),
        entry="pollenwick.tasks.renewals:renew_subscription", span=2),
    # The box response model demands a shipping address that gift boxes do not have.
    Bug("bn-box-response-validation", "garden-api", (Exc("ResponseValidationError", "1 validation errors:\n  {'type': 'missing', 'loc': ('response', 'shipping_address'), 'msg': 'Field required', 'input': {'id': {id}, 'kind': 'gift', 'status': 'packed'}}\n", (*FASTAPI[:-1], pylib("fastapi.routing", "serialize_response", 155, "raise ResponseValidationError(")), module="fastapi.exceptions"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.issue"), see("splunk", 2, **API), see("posthog")),
        entry="GET /v1/boxes/{box_id}", span=3),
    # The pool runs dry on seed-drop morning.
    Bug("bn-pool-timeout", "garden-api", (Exc("TimeoutError", "QueuePool limit of size 10 overflow 20 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", (*FASTAPI, py("pollenwick.api.boxes", "list_boxes", 27, "result = await session.exec(select(SeedBox).where(SeedBox.member_id == member.id))"), pylib("sqlalchemy.ext.asyncio.session", "execute", 461, "result = await greenlet_spawn("), pylib("sqlalchemy.pool.impl", "_do_get", 157, "raise exc.TimeoutError(")), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("sentry.alert", rule="garden-api: error spike"), see("splunk", 3, **API), see("posthog")),
        entry="GET /v1/boxes"),
    # The app code logs a failed postcode lookup itself (structlog, logger.exception).
    Bug("bn-postcode-lookup-json", "garden-api", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (py("pollenwick.geo.postcodes", "lookup", 31, "data = resp.json()"), pylib("httpx._models", "json", 764, "return jsonlib.loads(self.content, **kwargs)"), pylib("json", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "decode", 337, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"), pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 2, mechanism="logging"), see("splunk", 3, **APP_LOG)),
        handled=True, log="postcode lookup failed", logger="pollenwick.geo.postcodes", entry="POST /v1/members/{member_id}/garden"),
    # The SPA: the same undefined .map in two components.
    Bug("bn-web-planner-rows-map", "garden-web", (Exc("TypeError", frames=(*REACT_RENDER, web("planner/PlannerGrid.tsx", "PlannerGrid", 48, 27, "Planner")), js=JsError("read-undefined", "plan.rows", "map")),),
        (see("sentry.error", 2, browser="chrome", chunk="Planner", **WEB), see("sentry.error", browser="firefox", chunk="Planner", **WEB), see("posthog", browser="safari"), see("posthog", browser="chrome", resolved=True)),
        classes=(3, 4), pair="bn-web-seedlist-packets-map", page="/planner"),
    Bug("bn-web-seedlist-packets-map", "garden-web", (Exc("TypeError", frames=(*REACT_RENDER, web("boxes/SeedList.tsx", "SeedList", 19, 31, "Boxes")), js=JsError("read-undefined", "box.packets", "map")),),
        (see("sentry.error", 2, browser="chrome", chunk="Boxes", **WEB), see("sentry.error", browser="edge", chunk="Boxes", sourcemaps=False, release=1, **WEB), see("posthog", browser="firefox"), see("posthog", browser="chrome", release=1)),
        classes=(3, 4), pair="bn-web-planner-rows-map", page="/boxes", span=2),
    # date-fns' format() given an unparsed sowing date: three engines, three wordings.
    Bug("bn-web-sowing-invalid-date", "garden-web", (Exc("RangeError", "Invalid time value", (*REACT_CLICK, web("planner/SowingCalendar.tsx", "onSelectWeek", 72, 18, "Planner"), js("node_modules/date-fns/format.mjs", "format", 354, 11, "Planner", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="chrome", chunk="Planner", **WEB), see("sentry.error", browser="safari", chunk="Planner", **WEB), see("posthog", browser="firefox"), see("posthog", browser="safari", resolved=True)),
        classes=(3,), page="/planner/calendar"),
    # After a deploy, open tabs ask for a lazy chunk that is gone.
    Bug("bn-web-stale-chunk", "garden-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (*REACT_EFFECT, web("routes.tsx", "lazy", 14, 31, "index")), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="Planner", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="Boxes", mechanism="onunhandledrejection", release=1), see("posthog", browser="safari", chunk="Planner", mechanism="onunhandledrejection", release=1)),
        classes=(3,), span=2, page="/planner"),
    # Safari alone refuses clipboard writes outside a user gesture (the share-plan button).
    Bug("bn-web-safari-clipboard", "garden-web", (Exc("NotAllowedError", "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.", (*REACT_EFFECT, web("planner/SharePlan.tsx", "copyLink", 33, 37, "Planner"))),),
        (see("posthog", 2, browser="safari", mechanism="onunhandledrejection"),),
        page="/planner/share"),
    # Photo uploads: one structlog template, no bug.
    Bug("bn-photo-upload-slow", "garden-api", (),
        (see("splunk", 4, search="garden-api: slow photo uploads", sourcetype="pollenwick:structlog", line='{"event":"garden photo stored","store":"{objstore}","size":"{size}","took":"{dur}","level":"warning","logger":"pollenwick.api.photos","timestamp":"{ts}"}'),),
        classes=(7,)),
    # Seen once: the CSV export of a huge allotment society runs out of memory.
    Bug("bn-export-memory", "garden-worker", (Exc("MemoryError", "", (*TASKIQ, py("pollenwick.tasks.exports", "export_society_csv", 24, "rows = [r async for r in stream]")), module="builtins"),),
        (see("sentry.error", mechanism="generic"),),
        singleton=True, entry="pollenwick.tasks.exports:export_society_csv"),
]

NOISE = [
    Noise("bn-noise-uvicorn-startup", "garden-api", "splunk", {**API, "line": "INFO:     Application startup complete."}),
    Noise("bn-noise-taskiq-started", "garden-worker", "splunk", {**WORKER, "line": '{"event":"Listening started.","logger":"taskiq.receiver.receiver","level":"info","timestamp":"{ts}"}'}),
    Noise("bn-noise-sentry-resolved", "garden-api", "sentry.metric", {"rule": "garden-api error count", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

POLLENWICK = Company(
    key="bn",
    name="Pollenwick Seeds",
    domain="pollenwick.example",
    sentry_org="pollenwick",
    splunk_url="https://pollenwick.splunkcloud.com",
    splunk_guid="6D0A2F91-3B7C-4E58-A1D4-92C7E0F5B318",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(52917, "Pollenwick app"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pollenwick-sentry-client-secret",
)
