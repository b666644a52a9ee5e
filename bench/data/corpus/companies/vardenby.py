"""(hv) Vardenby Council Parking, resident permits, visitor vouchers and penalty appeals: an
aiohttp 3.11 service on Python 3.11 (``permits-api``: ``web.Application`` with a JSON error
middleware only for ``HTTPException``s, asyncpg pools on PostgreSQL 15, an aiohttp
``ClientSession`` to the payment provider and the DVLA vehicle API) and its background loop
(``permits-sweeper``: ``asyncio`` tasks started from ``cleanup_ctx`` that expire permits,
import street lists and reconcile payments).

Logs: ``logging.basicConfig(format="%(asctime)s %(name)s %(levelname)s %(message)s")`` on
stdout: ``aiohttp.server``'s ``Error handling request from <addr>`` over the traceback for every
unhandled handler error, the app's own ``log.exception`` records (``vardenby.sweeper ERROR
sweep failed for permit 123``). No Splunk: Datadog log monitors paste ``{{log.message}}`` (the
multi-line event, some only its first lines) and APM monitors name the service and the error
type. Sentry: sentry-python's aiohttp integration (its ``sentry_app_handle`` wrapper frame in
every request traceback). PostHog: posthog-python's ``capture_exception`` in the sweeper.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# fmt: off
SDK = ("sentry.python.aiohttp", "2.20.0", "pypi:sentry-sdk")
SERVICES = {
    "permits-api": Service("permits-api", "python", "hv-aiohttp-server", "vardenby:stdout", "/var/log/containers/permits-api.log", "vd_prod", 6610451, "CPython 3.11.11", framework="aiohttp", sdk=SDK),
    "permits-sweeper": Service("permits-sweeper", "python", "hv-app-exception", "vardenby:stdout", "/var/log/containers/permits-sweeper.log", "vd_prod", 6610452, "CPython 3.11.11", framework="aiohttp", sdk=SDK),
}


def vd(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"vardenby.{module}", function, line, context)


AIOHTTP = (
    pylib("aiohttp.web_protocol", "_handle_request", 477, "resp = await request_handler(request)"),
    pylib("sentry_sdk.integrations.aiohttp", "sentry_app_handle", 128, "response = await old_handle(self, request)"),
    pylib("aiohttp.web_app", "_handle", 567, "return await handler(request)"),
    pylib("aiohttp.web_middlewares", "impl", 114, "return await handler(request)"),
    vd("api.middleware", "json_errors", 19, "return await handler(request)"),
)
SWEEP = (
    vd("sweeper.loop", "run_forever", 42, "await job(app)"),
)
ASYNCPG_EXECUTE = (
    pylib("asyncpg.pool", "execute", 843, "return await con.execute(query, *args, timeout=timeout)"),
    pylib("asyncpg.connection", "execute", 352, "_, status, _ = await self._execute("),
    pylib("asyncpg.connection", "_execute", 1864, "result, _ = await self.__execute("),
    pylib("asyncpg.connection", "__execute", 1961, "result, stmt = await self._do_execute("),
    pylib("asyncpg.connection", "_do_execute", 2024, "result = await executor(stmt, None)"),
    Frame("bind_execute", "asyncpg/protocol/protocol.pyx", 207, "asyncpg.protocol.protocol", False),
)
PAY = vd("payments.client", "create_intent", 37, "async with self.session.post(f\"{self.base}/v1/intents\", json=body, timeout=self.timeout) as resp:")
ZONE_FOR = vd("zones.lookup", "zone_for", 22, "return ZONES[postcode.split()[0]]")


def api(*frames: Frame) -> tuple[Frame, ...]:
    return (*AIOHTTP, *frames)


def sweep(*frames: Frame) -> tuple[Frame, ...]:
    return (*SWEEP, *frames)


def unique(constraint: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("UniqueViolationError", f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}', (*frames, *ASYNCPG_EXECUTE), module="asyncpg.exceptions"),)


KV = "{{log.message}}"


def mon(name: str, query: str, lines: int = 24, **more: object) -> dict[str, object]:
    return dict(team="parking", monitor=f"[vardenby] {name}", filter=query, text=f"{{{{log.service}}}} logged an error:\n\n```\n{KV}\n```", sample_lines=lines, **more)


SERVER = mon("unhandled request errors", "service:permits-api @logger.name:aiohttp.server")
SERVER_SHORT = mon("unhandled request errors", "service:permits-api @logger.name:aiohttp.server", lines=14)
SWEEPER = mon("sweeper errors", "service:permits-sweeper status:error")
APM = {"style": "type", "team": "parking"}
NONE_TARIFF = "'NoneType' object has no attribute 'tariff'"

BUGS = [
    # One message, two places: renewing a permit and the nightly expiry sweep, both on a permit whose zone was withdrawn.
    Bug("hv-renew-none-tariff", "permits-api", (Exc("AttributeError", NONE_TARIFF, api(vd("api.permits", "renew_permit", 58, "price = zone.tariff.price_for(permit.vehicle_class)"))),),
        (see("sentry.error", 4), see("datadog.log", **SERVER), see("datadog.log", **SERVER_SHORT), see("datadog.apm", **APM)),
        classes=(4, 5), pair="hv-sweep-none-tariff", entry="POST /api/permits/{id}/renew", span=2, renames={"renew_permit": "renew"}),
    Bug("hv-sweep-none-tariff", "permits-sweeper", (Exc("AttributeError", NONE_TARIFF, sweep(vd("sweeper.expiry", "expire_due", 31, "await notify_expiry(conn, permit, permit.zone.tariff)"))),),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.log", 2, **SWEEPER)),
        classes=(4,), pair="hv-renew-none-tariff", log="sweep failed for permit {id}", logger="vardenby.sweeper.expiry", entry="expire_due"),
    # One executor, two unique constraints.
    Bug("hv-dup-vrm", "permits-api", unique("vehicles_vrm_key", "Key (vrm)=({plate}) already exists.", api(vd("api.vehicles", "add_vehicle", 27, "await pool.execute(INSERT_VEHICLE, account_id, body[\"vrm\"], body[\"make\"])"))),
        (see("sentry.error", 3), see("datadog.log", **SERVER_SHORT), see("datadog.apm", **APM)),
        classes=(4,), pair="hv-dup-permit", entry="POST /api/vehicles"),
    Bug("hv-dup-permit", "permits-api", unique("permits_holder_id_zone_code_key", "Key (holder_id, zone_code)=({id}, {zone}) already exists.", api(vd("api.permits", "apply", 33, "await pool.execute(INSERT_PERMIT, holder.id, zone.code, starts_on)"))),
        (see("sentry.error", 3), see("datadog.log", 2, **SERVER), see("datadog.apm", **APM)),
        classes=(4,), pair="hv-dup-vrm", entry="POST /api/permits"),
    # One payment client method, two exceptions.
    Bug("hv-pay-timeout", "permits-api", (Exc("CancelledError", "", (pylib("aiohttp.client_reqrep", "start", 1053, "message, payload = await protocol.read()  # type: ignore[union-attr]"), pylib("aiohttp.streams", "read", 668, "await self._waiter")), module="asyncio.exceptions"), Exc("TimeoutError", "", api(vd("api.vouchers", "buy_vouchers", 44, "intent = await payments.create_intent(amount, ref)"), PAY, pylib("aiohttp.client", "__aenter__", 1425, "self._resp: _RetType = await self._coro"), pylib("aiohttp.client", "_request", 730, "await resp.start(conn)"), pylib("aiohttp.helpers", "__exit__", 668, "raise asyncio.TimeoutError from exc_val")), module="builtins")),
        (see("sentry.error", 3), see("datadog.log", **SERVER), see("datadog.apm", **APM)),
        classes=(9,), pair="hv-pay-html", entry="POST /api/vouchers"),
    Bug("hv-pay-html", "permits-api", (Exc("ContentTypeError", "502, message='Attempt to decode JSON with unexpected mimetype: text/html', url='https://api.paygate.example/v1/intents'", api(vd("api.vouchers", "buy_vouchers", 44, "intent = await payments.create_intent(amount, ref)"), PAY, vd("payments.client", "create_intent", 40, "return await resp.json()"), pylib("aiohttp.client_reqrep", "json", 1188, "raise ContentTypeError(")), module="aiohttp.client_exceptions"),),
        (see("sentry.error", 2), see("datadog.log", **SERVER_SHORT), see("datadog.apm", **APM)),
        classes=(9,), pair="hv-pay-timeout", entry="POST /api/vouchers"),
    # One postcode lookup at the end of two bugs: a quote for a new street and the street import.
    Bug("hv-zone-quote", "permits-api", (Exc("KeyError", "'VD9'", api(vd("api.quotes", "quote", 21, "zone = zone_for(body[\"postcode\"])"), ZONE_FOR)),),
        (see("sentry.error", 3), see("datadog.log", **SERVER), see("datadog.apm", **APM)),
        classes=(9,), pair="hv-zone-import", entry="POST /api/quotes"),
    Bug("hv-zone-import", "permits-sweeper", (Exc("KeyError", "'VD9'", sweep(vd("sweeper.streets", "import_streets", 48, "row[\"zone\"] = zone_for(row[\"postcode\"]).code"), ZONE_FOR)),),
        (see("sentry.error", 2), see("posthog"), see("datadog.log", 2, **SWEEPER)),
        classes=(9,), pair="hv-zone-quote", log="street import failed at row {n}", logger="vardenby.sweeper.streets", entry="import_streets"),
    # One appeal handler, two exceptions, under the one request-errors monitor.
    Bug("hv-appeal-decimal", "permits-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", api(vd("api.appeals", "submit_appeal", 36, "amount = Decimal(body[\"amount_paid\"])")), module="decimal"),),
        (see("sentry.error", 2), see("datadog.log", 2, **SERVER)),
        classes=(2,), pair="hv-appeal-date", entry="POST /api/appeals"),
    Bug("hv-appeal-date", "permits-api", (Exc("ValueError", "time data '{date}' does not match format '%Y-%m-%d'", api(vd("api.appeals", "submit_appeal", 31, "issued = datetime.strptime(body[\"issued_on\"], \"%Y-%m-%d\")"), pylib("_strptime", "_strptime_datetime", 567, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"), pylib("_strptime", "_strptime", 349, "raise ValueError(\"time data %r does not match format %r\" %")), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", 2, **SERVER)),
        classes=(2,), pair="hv-appeal-decimal", entry="POST /api/appeals"),
    # Not pairs.
    Bug("hv-too-many-clients", "permits-sweeper", (Exc("TooManyConnectionsError", "sorry, too many clients already", sweep(vd("sweeper.reconcile", "reconcile_payments", 19, "async with app[\"pool\"].acquire() as conn:"), pylib("asyncpg.pool", "_acquire_impl", 870, "await ch.acquire()  # type: PoolConnectionHolder"), pylib("asyncpg.connect_utils", "_connect_addr", 817, "return await __connect_addr(params, True, *args)")), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("posthog"), see("datadog.log", **SWEEPER), see("datadog.apm", **APM)),
        classes=(5,), log="reconcile run failed", logger="vardenby.sweeper.reconcile", entry="reconcile_payments", span=2),
    Bug("hv-dvla-disconnect", "permits-api", (Exc("ServerDisconnectedError", "Server disconnected", api(vd("api.vehicles", "lookup_vehicle", 52, "info = await dvla.vehicle(vrm)"), vd("dvla.client", "vehicle", 24, "async with self.session.post(URL, json={\"registrationNumber\": vrm}) as resp:"), pylib("aiohttp.client", "_request", 730, "await resp.start(conn)"), pylib("aiohttp.client_reqrep", "start", 1053, "message, payload = await protocol.read()  # type: ignore[union-attr]")), module="aiohttp.client_exceptions"),),
        (see("sentry.error", 3), see("datadog.log", **SERVER_SHORT), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /api/vehicles/{plate}"),
    Bug("hv-statement-timeout", "permits-api", (Exc("QueryCanceledError", "canceling statement due to statement timeout", api(vd("api.reports", "occupancy", 15, "rows = await pool.fetch(OCCUPANCY_SQL, zone_code, week)"), pylib("asyncpg.pool", "fetch", 903, "return await con.fetch("), Frame("bind_execute", "asyncpg/protocol/protocol.pyx", 207, "asyncpg.protocol.protocol", False)), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("datadog.log", **SERVER), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /api/reports/occupancy"),
    Bug("hv-json-body", "permits-api", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", api(vd("api.visitors", "add_visitor", 18, "body = await request.json()"), pylib("aiohttp.web_request", "json", 723, "return loads(body)"), pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **SERVER_SHORT)),
        entry="POST /api/visitors"),
    Bug("hv-voucher-overflow", "permits-sweeper", (Exc("NumericValueOutOfRangeError", "smallint out of range", sweep(vd("sweeper.vouchers", "topup_monthly", 26, "await conn.execute(TOPUP_SQL, account_id, monthly_allowance)"), *ASYNCPG_EXECUTE), module="asyncpg.exceptions"),),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.log", 2, **SWEEPER)),
        log="voucher top-up failed for account {user}", logger="vardenby.sweeper.vouchers", entry="topup_monthly"),
    Bug("hv-singleton-recursion", "permits-sweeper", (Exc("RecursionError", "maximum recursion depth exceeded", sweep(vd("sweeper.streets", "merge_aliases", 77, "return merge_aliases(parent_of(street), seen)"))),),
        (see("sentry.error"),),
        singleton=True, entry="import_streets"),
]

NOISE = [
    Noise("hv-noise-deploy", "permits-api", "datadog.event", {"monitor": "Deployed permits-api 2026.03.10", "text": "ArgoCD synced permits-api to 2026.03.10 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "parking"}),
    Noise("hv-noise-recovered", "permits-api", "datadog.log", {"monitor": "[vardenby] unhandled request errors", "transition": "Recovered", "alert_type": "success", "team": "parking", "filter": "service:permits-api @logger.name:aiohttp.server", "text": "permits-api is no longer logging unhandled request errors."}),
    Noise("hv-noise-sweep-ok", "permits-sweeper", "datadog.event", {"monitor": "[vardenby] nightly sweep finished", "text": "expire_due finished: 214 permits expired, 0 failures.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "parking"}),
]

VARDENBY = Company(
    key="hv",
    name="Vardenby Council Parking",
    domain="vardenby-parking.example",
    sentry_org="vardenby",
    splunk_url="https://vardenby.splunkcloud.com",
    splunk_guid="C51F7A08-2E6B-4D93-8B47-0A9E3D6C1F52",
    datadog_org=("661940", "Vardenby Council"),
    datadog_template="recommended",
    posthog_project=(97730, "Vardenby Permits"),
    releases=("2026.03.02", "2026.03.06", "2026.03.10"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="vardenby-sentry-client-secret",
)
# fmt: on
