"""(fc) Foulshaw Moorings, berth bookings for a string of small harbours: Python 3.11 on
aiohttp 3.10. ``berths-api`` (aiohttp's ``web.Application`` behind gunicorn's
``GunicornWebWorker``, asyncpg, an aiohttp ``ClientSession`` to a tide and weather provider)
and ``buoy-ingest`` (an aiohttp app taking sensor batches and pushing live positions over
websockets, with fire-and-forget ``asyncio.create_task`` jobs that nobody awaits).

Both log through the standard library (``%(asctime)s %(levelname)s %(name)s: %(message)s``,
``fc-aiohttp-logging``): aiohttp's own "Error handling request from <addr>" on
``aiohttp.server``, asyncio's "Task exception was never retrieved" with its ``future: <Task
finished ...>`` line when a task dies unread, the code's own ``logger.exception`` lines, and
aiohttp's access log (a 500 with no trace). Sentry: sentry-python with the aiohttp
integration (a dead task reaches it only through the logging integration). PostHog:
posthog-python's ``capture_exception`` in the API's error middleware. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.aiohttp", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "berths-api": Service("berths-api", "python", "fc-aiohttp-logging", "foulshaw:berths-api", "/var/log/foulshaw/berths-api.log", "fc_prod", 5520131, "CPython 3.11.9", framework="aiohttp", sdk=SDK),
    "buoy-ingest": Service("buoy-ingest", "python", "fc-aiohttp-logging", "foulshaw:buoy-ingest", "/var/log/foulshaw/buoy-ingest.log", "fc_prod", 5520134, "CPython 3.11.9", framework="aiohttp", sdk=SDK),
}

# aiohttp serving a request (oldest first), through the app's two middlewares.
AIOHTTP = (
    pylib("aiohttp.web_protocol", "_handle_request", 462, "resp = await request_handler(request)"),
    pylib("aiohttp.web_app", "_handle", 537, "resp = await handler(request)"),
    pylib("aiohttp.web_middlewares", "impl", 114, "return await handler(request)"),
    py("foulshaw.web.middleware", "error_middleware", 31, "return await handler(request)"),
    py("foulshaw.web.middleware", "auth_middleware", 58, "return await handler(request)"),
)
ASYNCPG_EXECUTE = (
    pylib("asyncpg.pool", "execute", 602, "return await con.execute(query, *args, timeout=timeout)"),
    pylib("asyncpg.connection", "execute", 352, "_, status, _ = await self._execute("),
    pylib("asyncpg.connection", "__execute", 1864, "result, stat = await self._do_execute("),
    pylib("asyncpg.connection", "_do_execute", 1961, "result = await executor(stmt, None)"),
    Frame("bind_execute", "asyncpg/protocol/protocol.pyx", 207, "asyncpg.protocol.protocol", False),
)
WS_SEND = (
    pylib("aiohttp.web_ws", "send_str", 402, "await self._writer.send_frame(data.encode(\"utf-8\"), WSMsgType.TEXT, compress=compress)"),
    pylib("aiohttp._websocket.writer", "send_frame", 172, "self._write(header + message)"),
    pylib("aiohttp._websocket.writer", "_write", 64, "raise ClientConnectionResetError(\"Cannot write to closing transport\")"),
)
CLIENT_GET = (
    pylib("aiohttp.client", "_request", 730, "await resp.start(conn)"),
    pylib("aiohttp.client_reqrep", "start", 1059, "message, payload = await protocol.read()  # type: ignore[union-attr]"),
    pylib("aiohttp.streams", "read", 671, "await self._waiter"),
)


def api(module: str, function: str, line: int, context: str = "") -> Frame:
    return py("foulshaw." + module, function, line, context)


def ing(module: str, function: str, line: int, context: str = "") -> Frame:
    return py("buoys." + module, function, line, context)


SEARCH_A = "foulshaw - berths-api errors"
SEARCH_I = "foulshaw - buoy-ingest errors"
S_A = dict(search=SEARCH_A, app="foulshaw")
S_I = dict(search=SEARCH_I, app="foulshaw")
TASK = dict(kind="task")
APP = dict(kind="app")
RESET = "Cannot write to closing transport"


def dup(constraint: str, detail: str) -> str:
    return f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'


BUGS = [
    # KeyError 'loa_m' (a vessel's length overall) in two handlers reading the same payload.
    Bug("fc-booking-loa", "berths-api", (Exc("KeyError", "'loa_m'", (*AIOHTTP, api("berths.views", "create_booking", 44, "length = _vessel_length(payload)"), api("berths.views", "_vessel_length", 19, "return float(payload[\"vessel\"][\"loa_m\"])")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_A), see("posthog", 1)),
        classes=(4,), pair="fc-tariff-loa", entry="POST /v1/harbours/{id}/bookings"),
    Bug("fc-tariff-loa", "berths-api", (Exc("KeyError", "'loa_m'", (*AIOHTTP, api("tariffs.views", "quote_tariff", 27, "band = season_band(vessel, await _season(request))"), api("tariffs.bands", "season_band", 63, "metres = vessel[\"loa_m\"]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, **S_A), see("posthog", 2)),
        classes=(4,), pair="fc-booking-loa", entry="GET /v1/harbours/{id}/tariff"),
    # Two tasks nobody awaits write to a websocket the client already closed: the same
    # aiohttp frames end both, only the task's coroutine differs.
    Bug("fc-live-reset", "buoy-ingest", (Exc("ClientConnectionResetError", RESET, (ing("live.push", "push_positions", 38, "await ws.send_str(json.dumps(frame))"), *WS_SEND), module="aiohttp.client_exceptions"),),
        (see("splunk", 3, **S_I, **TASK), see("sentry.error", 2, mechanism="logging")),
        classes=(2,), pair="fc-alarm-reset", entry="push_positions"),
    Bug("fc-alarm-reset", "berths-api", (Exc("ClientConnectionResetError", RESET, (api("alarms.fanout", "notify_harbourmaster", 52, "await ws.send_str(alarm.to_json())"), *WS_SEND), module="aiohttp.client_exceptions"),),
        (see("splunk", 2, **S_A, **TASK), see("sentry.error", 2, mechanism="logging")),
        classes=(2,), pair="fc-live-reset", entry="notify_harbourmaster"),
    # Unique violations on two tables: a booking's berth and arrival, a buoy's reading.
    Bug("fc-dup-booking", "berths-api", (Exc("UniqueViolationError", dup("bookings_berth_id_arrival_key", "Key (berth_id, arrival)=({n}, 2026-03-{idx}) already exists."), (*AIOHTTP, api("berths.views", "create_booking", 61, "booking_id = await repo.insert_booking(conn, booking)"), api("berths.repo", "insert_booking", 22, "return await conn.fetchval(INSERT_BOOKING, *booking.row())"), *ASYNCPG_EXECUTE[2:]), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **S_A), see("posthog", 1)),
        classes=(4,), pair="fc-dup-reading", entry="POST /v1/harbours/{id}/bookings"),
    Bug("fc-dup-reading", "buoy-ingest", (Exc("UniqueViolationError", dup("readings_buoy_id_ts_key", "Key (buoy_id, ts)=(B-{n}, 2026-03-0{idx} 04:{n}:00+00) already exists."), (*AIOHTTP[:3], ing("ingest.batch", "ingest_batch", 47, "await store.save_readings(pool, readings)"), ing("ingest.store", "save_readings", 33, "await pool.execute(INSERT_READING, *r.row())"), *ASYNCPG_EXECUTE), module="asyncpg.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **S_I, **APP)),
        classes=(4, 5), pair="fc-dup-booking", log="could not store batch from buoy", logger="buoys.ingest.batch", entry="POST /v1/batches", span=2),
    # One function, two exceptions: the forecast fetch times out, or the provider's error page
    # comes back as HTML.
    Bug("fc-forecast-timeout", "berths-api", (Exc("TimeoutError", "", (*AIOHTTP, api("forecast.views", "arrival_window", 33, "tides = await provider.fetch_forecast(harbour.station)"), api("forecast.provider", "fetch_forecast", 71, "async with self._session.get(url, timeout=self._timeout) as resp:"), *CLIENT_GET), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, **S_A)),
        classes=(3,), pair="fc-forecast-html", entry="GET /v1/harbours/{id}/arrival-window"),
    Bug("fc-forecast-html", "berths-api", (Exc("ContentTypeError", "{status}, message='Attempt to decode JSON with unexpected mimetype: text/html', url='https://api.tidesource.example/v3/stations/{id}/forecast'", (*AIOHTTP, api("forecast.views", "arrival_window", 33, "tides = await provider.fetch_forecast(harbour.station)"), api("forecast.provider", "fetch_forecast", 74, "return await resp.json()"), pylib("aiohttp.client_reqrep", "json", 1268, "raise ContentTypeError(")), module="aiohttp.client_exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **S_A), see("posthog", 1)),
        classes=(3,), pair="fc-forecast-timeout", entry="GET /v1/harbours/{id}/arrival-window"),
    # Division by zero in two averages: a task nobody awaited, a report handler.
    Bug("fc-depth-zero", "buoy-ingest", (Exc("ZeroDivisionError", "division by zero", (ing("stats.depth", "roll_depth_average", 24, "avg = await _average(pool, buoy_id)"), ing("stats.depth", "_average", 41, "return total / count")), module="builtins"),),
        (see("splunk", 3, **S_I, **TASK), see("sentry.error", 1, mechanism="logging")),
        pair="fc-fuel-zero", entry="roll_depth_average"),
    Bug("fc-fuel-zero", "berths-api", (Exc("ZeroDivisionError", "division by zero", (*AIOHTTP, api("reports.views", "fuel_report", 29, "rows = [fuel_per_nm(v) for v in visits]"), api("reports.fuel", "fuel_per_nm", 12, "return visit.fuel_litres / visit.distance_nm")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_A), see("posthog", 1)),
        pair="fc-depth-zero", entry="GET /v1/reports/fuel"),
    # Not pairs.
    Bug("fc-auth-none", "berths-api", (Exc("AttributeError", "'NoneType' object has no attribute 'harbour_id'", (*AIOHTTP[:4], api("web.middleware", "auth_middleware", 52, "request[\"harbour\"] = token.harbour_id")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_A), see("posthog", 1), see("splunk", 1, kind="access", **S_A)),
        classes=(5,), entry="GET /v1/harbours/{id}/berths", span=2, renames={"auth_middleware": "token_middleware"}),
    Bug("fc-batch-json", "buoy-ingest", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*AIOHTTP[:3], ing("ingest.batch", "ingest_batch", 29, "payload = await request.json()"), pylib("aiohttp.web_request", "json", 686, "return loads(body)"), pylib("json", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "decode", 337, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"), pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 3), see("splunk", 3, **S_I)),
        entry="POST /v1/batches"),
    Bug("fc-pool-closing", "buoy-ingest", (Exc("InterfaceError", "pool is closing", (ing("ingest.flush", "flush_forever", 18, "await _flush(pool)"), ing("ingest.flush", "_flush", 35, "async with pool.acquire() as conn:"), pylib("asyncpg.pool", "_acquire", 864, "raise exceptions.InterfaceError('pool is closing')")), module="asyncpg.exceptions._base"),),
        (see("splunk", 3, **S_I, **APP),),
        classes=(1,), log="flush loop stopped", logger="buoys.ingest.flush", entry="flush_forever"),
    Bug("fc-clearance-domain", "berths-api", (Exc("ValueError", "math domain error", (*AIOHTTP, api("forecast.views", "arrival_window", 41, "window = clearance_windows(tides, vessel.draught_m)"), api("forecast.clearance", "clearance_windows", 28, "slack = [_under_keel(t, draught) for t in tides]"), api("forecast.clearance", "_under_keel", 14, "return math.sqrt(t.height_m - draught - SAFETY_M)")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_A), see("posthog", 1)),
        entry="GET /v1/harbours/{id}/arrival-window"),
    Bug("fc-session-closed", "berths-api", (Exc("RuntimeError", "Session is closed", (api("forecast.refresh", "refresh_tides", 22, "await provider.prefetch(station)"), api("forecast.provider", "prefetch", 88, "async with self._session.get(url) as resp:"), pylib("aiohttp.client", "__aenter__", 1359, "self._resp: _RetType = await self._coro"), pylib("aiohttp.client", "_request", 453, "raise RuntimeError(\"Session is closed\")")), module="builtins"),),
        (see("splunk", 3, **S_A, **TASK), see("sentry.error", 1, mechanism="logging")),
        entry="refresh_tides"),
    # A singleton: an MMSI with a letter in it.
    Bug("fc-mmsi-int", "berths-api", (Exc("ValueError", "invalid literal for int() with base 10: '23514{n}A'", (*AIOHTTP, api("vessels.views", "register_vessel", 21, "mmsi = int(form[\"mmsi\"])")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/vessels"),
]

NOISE = [
    Noise("fc-noise-running", "berths-api", "splunk", {"search": SEARCH_A, "line": "{gts},{millis} INFO aiohttp.access: {ip} [{clf}] \"GET /healthz HTTP/1.1\" 200 151 \"-\" \"kube-probe/1.29\""}),
    Noise("fc-noise-started", "buoy-ingest", "splunk", {"search": SEARCH_I, "line": "[{gts} +0000] [{pid}] [INFO] Booting worker with pid: {pid}"}),
]

FOULSHAW = Company(
    key="fc",
    name="Foulshaw Moorings",
    domain="foulshaw.example",
    sentry_org="foulshaw",
    splunk_url="https://foulshaw.splunkcloud.com",
    splunk_guid="3E81C0A4-92D7-4B6F-A1C3-58E2F07D9B14",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(48213, "Foulshaw Moorings"),
    releases=("2026.10.0", "2026.10.1", "2026.10.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="foulshaw-sentry-client-secret",
)
# fmt: on
