"""(iz) Glenridding Solar, rooftop solar installs with monitoring: Python 3.11 services on
FastAPI 0.110 / uvicorn 0.29 with SQLAlchemy 2.0 async over asyncpg and httpx: ``fleet-api``
(sites, inverters, tariffs and live output for the customer app) and ``telemetry-worker``
(an asyncio loop polling the inverter vendors' cloud APIs and storing readings).

Logs: structlog's ``JSONRenderer`` after ``format_exc_info`` (``event``, ``exception`` as one
string, ``level``, ``logger``, ``timestamp``, the request's or job's bound keys, ddtrace's
``dd.*``) to stdout; uvicorn's own ``Exception in ASGI application`` text for errors that
escape the app. Datadog log monitors read both (Datadog's default payload, no custom
template): the structlog ones paste ``event`` and ``exception``, or the pipeline's ``error.*``;
one over uvicorn's text pastes ``{{log.message}}`` cut at 12 or 30 lines. Sentry: sentry-python
with the FastAPI integration and ``capture_exception`` in the worker's loop. No Splunk, no
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import FASTAPI_ENDPOINT, FASTAPI_ROUTE, HTTPX_ASYNC_POST, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "fleet-api": Service("fleet-api", "python", "iz-structlog", "", "", "", 4853301, "CPython 3.11.8", framework="fastapi"),
    "telemetry-worker": Service("telemetry-worker", "python", "iz-structlog", "", "", "", 4853302, "CPython 3.11.8"),
}

ROUTE = (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT)
WORKER = (
    pylib("asyncio.runners", "run", 190, "return runner.run(main)"),
    pylib("asyncio.runners", "run", 118, "return self._loop.run_until_complete(task)"),
    pylib("asyncio.base_events", "run_until_complete", 654, "return future.result()"),
    py("glenridding.worker.main", "main", 41, "await poller.run_forever()"),
    py("glenridding.worker.poller", "run_forever", 66, "await self.poll_site(site)"),
)
# SQLAlchemy 2.0's async session down to asyncpg's error translated by the dialect.
ASYNC_EXECUTE = (
    pylib("sqlalchemy.ext.asyncio.session", "execute", 461, "result = await greenlet_spawn("),
    pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 201, "result = context.throw(*sys.exc_info())"),
    pylib("sqlalchemy.orm.session", "execute", 2351, "return self._execute_internal("),
    pylib("sqlalchemy.orm.session", "_execute_internal", 2236, "result: Result[Any] = compile_state_cls.orm_execute_statement("),
    pylib("sqlalchemy.orm.context", "orm_execute_statement", 293, "result = conn.execute("),
    pylib("sqlalchemy.engine.base", "execute", 1418, "return meth("),
    pylib("sqlalchemy.sql.elements", "_execute_on_connection", 515, "return connection._execute_clauseelement("),
    pylib("sqlalchemy.engine.base", "_execute_clauseelement", 1640, "ret = self._execute_context("),
    pylib("sqlalchemy.engine.base", "_execute_context", 1846, "return self._exec_single_context("),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1986, "self._handle_dbapi_exception("),
    pylib("sqlalchemy.engine.base", "_handle_dbapi_exception", 2355, "raise sqlalchemy_exception.with_traceback(exc_info[2]) from e"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "execute", 580, "self._adapt_connection.await_("),
    pylib("sqlalchemy.util._concurrency_py3k", "await_only", 132, "return current.driver.switch(awaitable)  # type: ignore[no-any-return]"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_prepare_and_execute", 558, "self._handle_exception(error)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_handle_exception", 508, "self._adapt_connection._handle_exception(error)"),
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_handle_exception", 792, "raise translated_error from error"),
)
ASYNCPG = (
    pylib("sqlalchemy.dialects.postgresql.asyncpg", "_prepare_and_execute", 537, "self._rows = deque(await prepared_stmt.fetch(*parameters))"),
    pylib("asyncpg.prepared_stmt", "fetch", 176, "data = await self.__bind_execute(args, 0, timeout)"),
    pylib("asyncpg.prepared_stmt", "__bind_execute", 241, "data, status, _ = await self.__do_execute("),
    pylib("asyncpg.prepared_stmt", "__do_execute", 230, "return await executor(protocol)"),
    pylib("asyncpg.protocol.protocol", "bind_execute", 207, ""),
)
SCALAR_ONE = (
    pylib("sqlalchemy.engine.result", "scalar_one", 1462, "return self._only_one_row("),
    pylib("sqlalchemy.engine.result", "_only_one_row", 752, "raise exc.NoResultFound("),
)
HTTPX_GET = (
    pylib("httpx._client", "get", 1801, "return await self.request("),
    *HTTPX_ASYNC_POST[1:],
)
STATUS = (pylib("httpx._models", "raise_for_status", 761, "raise HTTPStatusError(message, request=request, response=self)"),)


def asyncpg_error(app: tuple, pg_type: str, pg: str, sa_type: str, sql: str, code: str) -> tuple[Exc, Exc, Exc]:
    """asyncpg's error, the dialect's DBAPI adaptation of it, SQLAlchemy's wrapper (cause first)."""
    adapt = f"<class 'asyncpg.exceptions.{pg_type}'>: {pg}"
    return (
        Exc(pg_type, pg, ASYNCPG, module="asyncpg.exceptions"),
        Exc(sa_type, adapt, ASYNC_EXECUTE[-1:], module="sqlalchemy.dialects.postgresql.asyncpg", qual=f"AsyncAdapt_asyncpg_dbapi.{sa_type}"),
        Exc(sa_type, f"(sqlalchemy.dialects.postgresql.asyncpg.{sa_type}) {adapt}\n[SQL: {sql}]\n[parameters: ({{id}}, '{{hex}}', {{n}})]\n(Background on this error at: https://sqlalche.me/e/20/{code})", app + ASYNC_EXECUTE, module="sqlalchemy.exc"),
    )


def api(module: str, function: str, line: int, context: str) -> object:
    return py(f"glenridding.api.{module}", function, line, context)


def events(**extra: object) -> dict[str, object]:
    """The structlog monitor: the record's ``event`` over its ``exception``."""
    return dict(monitor="fleet errors (structlog)", filter="service:(fleet-api OR telemetry-worker) status:error env:prod", text="{{log.attributes.event}} on {{log.service}}\n\n```\n{{log.attributes.exception}}\n```", team="fleet", **extra)


def kinds(**extra: object) -> dict[str, object]:
    return dict(monitor="telemetry-worker error kinds", filter="service:telemetry-worker status:error", style="stack", lines=10, team="telemetry", **extra)


def uvicorn(lines: int, **extra: object) -> dict[str, object]:
    return dict(monitor="fleet-api unhandled exceptions", filter='service:fleet-api "Exception in ASGI application"', text="{{log.message}}", sample_lines=lines, format="iz-uvicorn", team="fleet", **extra)


BUGS = [
    # Unique violations on two tables: an inverter serial registered twice (API), a reading
    # stored twice after a poll retried (worker).
    Bug("iz-api-inverter-serial-unique", "fleet-api", asyncpg_error((*ROUTE, api("routes.inverters", "register_inverter", 58, "await session.commit()")), "UniqueViolationError", 'duplicate key value violates unique constraint "inverter_serial_key"\nDETAIL:  Key (serial)=(SOL-{hex}) already exists.', "IntegrityError", "INSERT INTO inverter (site_id, serial, rated_kw) VALUES ($1::INTEGER, $2::VARCHAR, $3::INTEGER)", "gkpj"),
        (see("sentry.error", 3), see("datadog.log", 2, **events())),
        classes=(4,), pair="iz-worker-reading-unique", entry="POST /sites/{id}/inverters", log="inverter_register_failed", logger="glenridding.api.routes.inverters", span=2),
    Bug("iz-worker-reading-unique", "telemetry-worker", asyncpg_error((*WORKER, py("glenridding.worker.poller", "poll_site", 91, "await self.store.save_readings(site.id, readings)"), py("glenridding.worker.store", "save_readings", 33, "await session.commit()")), "UniqueViolationError", 'duplicate key value violates unique constraint "reading_inverter_id_taken_at_key"\nDETAIL:  Key (inverter_id, taken_at)=({id}, 2026-03-0{idx} 10:15:00+00) already exists.', "IntegrityError", "INSERT INTO reading (inverter_id, taken_at, watts) VALUES ($1::INTEGER, $2::TIMESTAMP WITH TIME ZONE, $3::INTEGER)", "gkpj"),
        (see("sentry.error", 2), see("datadog.log", 2, **events()), see("datadog.log", **kinds())),
        classes=(4,), pair="iz-api-inverter-serial-unique", entry="poll_site", log="readings_store_failed", logger="glenridding.worker.store"),
    # scalar_one() finding nothing at two places: a site and a tariff.
    Bug("iz-api-site-noresult", "fleet-api", (Exc("NoResultFound", "No row was found when one was required", (*ROUTE, api("routes.sites", "get_site", 44, "site = (await session.execute(stmt)).scalar_one()"), *SCALAR_ONE), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **events()), see("datadog.log", **uvicorn(12))),
        classes=(4,), pair="iz-api-tariff-noresult", entry="GET /sites/{id}", log="site_lookup_failed", logger="glenridding.api.routes.sites", span=2, renames={"get_site": "read_site"}),
    Bug("iz-api-tariff-noresult", "fleet-api", (Exc("NoResultFound", "No row was found when one was required", (*ROUTE, api("routes.savings", "savings_summary", 71, "tariff = await tariffs.current_for(site_id, session)"), api("services.tariffs", "current_for", 27, "return (await session.execute(stmt)).scalar_one()"), *SCALAR_ONE), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("datadog.log", 2, **events()), see("datadog.log", **uvicorn(30))),
        classes=(4,), pair="iz-api-site-noresult", entry="GET /sites/{id}/savings", log="savings_failed", logger="glenridding.api.routes.savings"),
    # One vendor client method, two exceptions: a read timeout and a 401 after a token expired.
    Bug("iz-worker-vendor-timeout", "telemetry-worker", (Exc("ReadTimeout", "", (pylib("httpcore._backends.anyio", "read", 34, "with map_exceptions(exc_map):"), pylib("httpcore._exceptions", "map_exceptions", 14, "raise to_exc(exc) from exc")), module="httpcore"), Exc("ReadTimeout", "", (*WORKER, py("glenridding.worker.poller", "poll_site", 84, "payload = await client.fetch_realtime(site.vendor_ref)"), py("glenridding.vendors.solis", "fetch_realtime", 47, "resp = await self._http.get(f\"/v1/api/inverterDetail?sn={sn}\")"), *HTTPX_GET), module="httpx")),
        (see("sentry.error", 3), see("datadog.log", 2, **kinds()), see("datadog.log", **events())),
        classes=(4,), pair="iz-worker-vendor-401", entry="poll_site", log="vendor_fetch_failed", logger="glenridding.vendors.solis", span=2),
    Bug("iz-worker-vendor-401", "telemetry-worker", (Exc("HTTPStatusError", "Client error '401 Unauthorized' for url 'https://api.soliscloud.example/v1/api/inverterDetail?sn=SOL-{hex}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/401", (*WORKER, py("glenridding.worker.poller", "poll_site", 84, "payload = await client.fetch_realtime(site.vendor_ref)"), py("glenridding.vendors.solis", "fetch_realtime", 48, "resp.raise_for_status()"), *STATUS), module="httpx"),),
        (see("sentry.error", 2), see("datadog.log", 2, **kinds()), see("datadog.log", **events())),
        classes=(4,), pair="iz-worker-vendor-timeout", entry="poll_site", log="vendor_fetch_failed", logger="glenridding.vendors.solis"),
    # One watts() helper under two callers: a vendor payload without "pac".
    Bug("iz-worker-watts-keyerror", "telemetry-worker", (Exc("KeyError", "'pac'", (*WORKER, py("glenridding.worker.poller", "poll_site", 88, "readings = [normalise(site, p) for p in payload[\"data\"]]"), py("glenridding.worker.poller", "<listcomp>", 88, "readings = [normalise(site, p) for p in payload[\"data\"]]"), py("glenridding.telemetry.normalise", "normalise", 19, "watts=units.watts(point),"), py("glenridding.telemetry.units", "watts", 12, "return int(float(point[\"pac\"]) * 1000)")), module="builtins"),),
        (see("sentry.error", 2), see("datadog.log", 2, **events()), see("datadog.log", **kinds())),
        classes=(4, 9), pair="iz-api-live-watts-keyerror", entry="poll_site", log="normalise_failed", logger="glenridding.worker.poller"),
    Bug("iz-api-live-watts-keyerror", "fleet-api", (Exc("KeyError", "'pac'", (*ROUTE, api("routes.live", "live_output", 36, "return LiveOut(watts=units.watts(latest), at=latest[\"ts\"])"), py("glenridding.telemetry.units", "watts", 12, "return int(float(point[\"pac\"]) * 1000)")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **uvicorn(12)), see("datadog.log", **events())),
        classes=(4, 9), pair="iz-worker-watts-keyerror", entry="GET /sites/{id}/live", log="live_output_failed", logger="glenridding.api.routes.live"),
    # Two bugs under one uvicorn monitor: the pool exhausted, and a lazy load in async code.
    Bug("iz-api-pool-timeout", "fleet-api", (Exc("TimeoutError", "QueuePool limit of size 10 overflow 5 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", (*ROUTE, api("routes.sites", "list_sites", 29, "result = await session.execute(stmt)"), pylib("sqlalchemy.ext.asyncio.session", "execute", 461, "result = await greenlet_spawn("), pylib("sqlalchemy.util._concurrency_py3k", "greenlet_spawn", 201, "result = context.throw(*sys.exc_info())"), pylib("sqlalchemy.pool.impl", "_do_get", 164, "raise exc.TimeoutError(")), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("datadog.log", 2, **uvicorn(30))),
        pair="iz-api-missing-greenlet", entry="GET /sites", log="list_sites_failed", logger="glenridding.api.routes.sites"),
    Bug("iz-api-missing-greenlet", "fleet-api", (Exc("MissingGreenlet", "greenlet_spawn has not been called; can't call await_only() here. Was IO attempted in an unexpected place? (Background on this error at: https://sqlalche.me/e/20/xd2s)", (*ROUTE, api("routes.inverters", "inverter_detail", 77, "return InverterOut.model_validate(inverter)"), pylib("sqlalchemy.orm.attributes", "__get__", 566, "return self.impl.get(state, dict_)  # type: ignore[no-any-return]"), pylib("sqlalchemy.orm.strategies", "_load_for_state", 1006, "return self._emit_lazyload("), pylib("sqlalchemy.util._concurrency_py3k", "await_only", 123, "raise exc.MissingGreenlet(")), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("datadog.log", 2, **uvicorn(12)), see("datadog.log", **uvicorn(30))),
        pair="iz-api-pool-timeout", entry="GET /inverters/{id}", logger="glenridding.api.routes.inverters", span=2),
    # The response model refusing a site without a peak rating.
    Bug("iz-api-response-validation", "fleet-api", (Exc("ResponseValidationError", "1 validation errors:\n  {'type': 'float_type', 'loc': ('response', 'peak_kw'), 'msg': 'Input should be a valid number', 'input': None, 'url': 'https://errors.pydantic.dev/2.6/v/float_type'}\n", (*FASTAPI_ROUTE, pylib("fastapi.routing", "app", 296, "content = await serialize_response("), pylib("fastapi.routing", "serialize_response", 155, "raise ResponseValidationError(")), module="fastapi.exceptions"),),
        (see("sentry.error", 3), see("datadog.log", 2, **uvicorn(30))),
        entry="GET /sites/{id}/summary"),
    # asyncpg losing its connection mid-query during a database failover.
    Bug("iz-worker-connection-lost", "telemetry-worker", asyncpg_error((*WORKER, py("glenridding.worker.poller", "poll_site", 79, "site = await self.store.refresh(site)"), py("glenridding.worker.store", "refresh", 21, "result = await session.execute(select(Site).where(Site.id == site.id))")), "ConnectionDoesNotExistError", "connection was closed in the middle of operation", "InterfaceError", "SELECT site.id, site.vendor, site.vendor_ref FROM site WHERE site.id = $1::INTEGER", "rvf5"),
        (see("sentry.error", 2), see("datadog.log", 2, **events(exc=False)), see("datadog.log", **kinds())),
        entry="poll_site", log="site_refresh_failed", logger="glenridding.worker.store"),
    # A site with no rated capacity: the performance ratio divides by zero.
    Bug("iz-api-performance-zero", "fleet-api", (Exc("ZeroDivisionError", "float division by zero", (*ROUTE, api("routes.performance", "performance", 52, "ratio = metrics.performance_ratio(output_kwh, site.rated_kw, irradiance)"), py("glenridding.telemetry.metrics", "performance_ratio", 17, "return output_kwh / (rated_kw * irradiance_kwh_m2)")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.alert", rule="fleet-api: new issue"), see("datadog.log", 3, **events())),
        entry="GET /sites/{id}/performance", log="performance_failed", logger="glenridding.api.routes.performance"),
    # A whole site's poll cut by the loop's own deadline (``asyncio.timeout(20)``).
    Bug("iz-worker-poll-deadline", "telemetry-worker", (Exc("CancelledError", "", (pylib("asyncio.tasks", "__step", 267, "result = coro.send(None)"),), module="asyncio.exceptions"), Exc("TimeoutError", "", (*WORKER, py("glenridding.worker.poller", "poll_site", 76, "async with asyncio.timeout(self.site_deadline):"), pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val")), module="builtins")),
        (see("sentry.error", 2), see("datadog.log", 2, **kinds())),
        entry="poll_site", log="site_poll_deadline", logger="glenridding.worker.poller"),
    # Seen once: the worker out of memory on a vendor's full-history export.
    Bug("iz-worker-memory", "telemetry-worker", (Exc("MemoryError", "", (*WORKER, py("glenridding.worker.backfill", "backfill", 33, "rows = json.loads(body)"), pylib("json", "loads", 346, "return _default_decoder.decode(s)")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="backfill"),
    # Slow polls: a warning whose durations and sizes change length.
    Bug("iz-worker-slow-poll", "telemetry-worker", (),
        (see("datadog.log", 4, monitor="telemetry-worker slow polls", filter="service:telemetry-worker @event:slow_poll", text="slow_poll from {ip} took {dur} ({size}) for {n} inverters", team="telemetry", transition="Warn", priority="P4"),),
        classes=(7,)),
]

NOISE = [
    Noise("iz-noise-recovered", "fleet-api", "datadog.log", {"monitor": "fleet-api unhandled exceptions", "transition": "Recovered", "alert_type": "success", "text": "fleet-api unhandled exceptions back under 3 in 5m.", "priority": "P3", "team": "fleet"}),
    Noise("iz-noise-deploy", "telemetry-worker", "datadog.event", {"monitor": "Deployed telemetry-worker", "text": "ECS service telemetry-worker reached a steady state (2/2 tasks, revision 57).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "telemetry"}),
]

GLENRIDDING = Company(
    key="iz",
    name="Glenridding Solar",
    domain="glenridding.example",
    sentry_org="glenridding",
    splunk_url="",
    splunk_guid="",
    datadog_org=("731988", "Glenridding Solar"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("1.31.0", "1.32.0", "1.32.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="glenridding-sentry-client-secret",
)
# fmt: on
