"""(j) Copperline Cycles, dockless and docked bike share: a Fastify API on Node 20 (``rides``,
Prisma over Postgres, pino as Fastify's own logger), arq workers on Python 3.11 (``fleet``,
asyncio jobs that ingest bike telemetry and rebalance docks, stdlib logging through
python-json-logger) and a React rider site built by Vite (``web``, ``/assets/chunk-<HASH>.js``).

Every tool on: Sentry (``@sentry/node`` with the Fastify integration, the Python SDK's arq
integration, ``@sentry/react``); PostHog error tracking in the browser (posthog-js) and on the
API (posthog-node); Splunk indexes pino's JSON (``err.stack``), the workers' JSON logs and a
saved search of job counts; Datadog posts its default payload (nobody pasted a template) for
APM, log and task monitors.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, REACT_CLICK, REACT_EFFECT, REACT_RENDER, js, nd, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "rides": Service("rides", "node", "pino", "copperline:rides:pino", "/var/log/containers/rides.log", "cl_prod", 6120011, "node v20.15.1", framework="fastify", sdk=("sentry.javascript.node", "8.26.0", "npm:@sentry/node")),
    "fleet": Service("fleet", "python", "python-json", "copperline:fleet:json", "/var/log/copperline/fleet-worker.json", "cl_prod", 6120014, "CPython 3.11.9", framework="arq", sdk=("sentry.python", "2.13.0", "pypi:sentry-sdk")),
    "web": Service("web", "javascript", "", "", "", "", 6120017, origin="https://ride.copperline.example", framework="onerror", sdk=("sentry.javascript.react", "8.26.0", "npm:@sentry/react")),
}

# Fastify 4 awaiting an async route handler (oldest first).
FASTIFY = (
    nd("node_modules/fastify/lib/route.js", "Object.routeHandler", 528, 5, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "handleRequest", 39, 7, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "preHandlerCallback", 137, 37, lib=True),
    nd("node_modules/fastify/lib/wrapThenable.js", "wrapThenable", 26, 24, lib=True),
)
# Prisma's query engine rejecting a write; the client throws from its request handler.
PRISMA = (
    NODE_TICKS,
    nd("node_modules/@prisma/client/runtime/library.js", "ai.request", 121, 6491, lib=True, awaited=True),
    nd("node_modules/@prisma/client/runtime/library.js", "ai.handleAndLogRequestError", 121, 6784, lib=True),
    nd("node_modules/@prisma/client/runtime/library.js", "ai.handleRequestError", 121, 7759, lib=True),
)
# Every partner call checks the status through one helper that throws an UpstreamHttpError.
EXPECT_OK = nd("src/lib/http.ts", "expectOk", 14, 11)
# arq awaiting a job coroutine under asyncio.wait_for (the job's timeout).
ARQ = (
    pylib("arq.worker", "run_job", 611, "result = await asyncio.wait_for(function.coroutine(ctx, *self.args, **self.kwargs), timeout_s)"),
    pylib("asyncio.tasks", "wait_for", 520, "return await fut"),
)
ASYNCPG_UNIQUE = pylib("asyncpg.protocol.protocol", "bind_execute", 207, "")


def job(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"copperline.fleet.jobs.{module}", function, line, context)


def prisma_unique(model: str, method: str, fields: str) -> str:
    return f"\nInvalid `prisma.{model}.{method}()` invocation:\n\n\nUnique constraint failed on the fields: ({fields})"


BUGS = [
    # One Prisma unique violation on two models: only the model and fields differ.
    Bug(
        "cl-unlock-rental-unique",
        "rides",
        (
            Exc(
                "PrismaClientKnownRequestError",
                prisma_unique("rental", "create", "`bikeId`,`endedAt`"),
                (
                    *FASTIFY,
                    nd("src/routes/rentals.ts", "unlockBike", 48, 34, awaited=True),
                    nd("src/services/rentals.ts", "startRental", 72, 19, awaited=True),
                    *PRISMA,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("posthog"),
            see("datadog.apm", style="message", team="rides"),
        ),
        classes=(4,),
        pair="cl-reserve-dock-unique",
        log="\nInvalid `prisma.rental.create()` invocation:",
        entry="POST /v2/bikes/{bike_id}/unlock",
    ),
    Bug(
        "cl-reserve-dock-unique",
        "rides",
        (
            Exc(
                "PrismaClientKnownRequestError",
                prisma_unique("dockReservation", "create", "`dockId`,`slot`"),
                (
                    *FASTIFY,
                    nd("src/routes/docks.ts", "reserveDock", 31, 28, awaited=True),
                    nd("src/services/docks.ts", "holdSlot", 55, 21, awaited=True),
                    *PRISMA,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.apm", style="message", team="rides"),
        ),
        classes=(4,),
        pair="cl-unlock-rental-unique",
        log="\nInvalid `prisma.dockReservation.create()` invocation:",
        entry="POST /v2/docks/{dock_id}/reservations",
    ),
    # The same V8 message in two routes, over three releases for the fare route.
    Bug(
        "cl-fare-cap-undefined",
        "rides",
        (
            Exc(
                "TypeError",
                "Cannot read properties of undefined (reading 'dailyCap')",
                (
                    *FASTIFY,
                    nd("src/routes/rentals.ts", "endRental", 96, 31, awaited=True),
                    nd("src/services/fares.ts", "priceRide", 41, 29),
                    nd("src/services/fares.ts", "applyCaps", 63, 37),
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("sentry.error", sourcemaps=False),
            see("posthog", 2),
            see("splunk", 2),
            see("datadog.log", style="sample", monitor="Error logs on rides", team="rides"),
        ),
        classes=(4, 5),
        pair="cl-pass-renew-undefined",
        log="Cannot read properties of undefined (reading 'dailyCap')",
        entry="POST /v2/rentals/{rental_id}/end",
        span=3,
        renames={"endRental": "finishRental"},
    ),
    Bug(
        "cl-pass-renew-undefined",
        "rides",
        (
            Exc(
                "TypeError",
                "Cannot read properties of undefined (reading 'dailyCap')",
                (
                    *FASTIFY,
                    nd("src/routes/passes.ts", "renewPass", 22, 25, awaited=True),
                    nd("src/services/passes.ts", "nextPeriod", 88, 44),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("posthog", resolved=True),
            see("splunk", 2),
            see("datadog.log", style="sample", monitor="Error logs on rides", team="rides"),
        ),
        classes=(4,),
        pair="cl-fare-cap-undefined",
        log="Cannot read properties of undefined (reading 'dailyCap')",
        entry="POST /v2/passes/{pass_id}/renew",
    ),
    # Two partner calls failing in one helper: only the caller and the status differ.
    Bug(
        "cl-payment-expectok",
        "rides",
        (
            Exc(
                "UpstreamHttpError",
                "payments-gateway answered 402",
                (
                    *FASTIFY,
                    nd("src/routes/rentals.ts", "endRental", 104, 13, awaited=True),
                    nd("src/clients/payments.ts", "capture", 37, 5, awaited=True),
                    NODE_TICKS,
                    EXPECT_OK,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("posthog"),
            see("datadog.log", style="kind", monitor="Upstream errors on rides", team="rides"),
        ),
        classes=(9,),
        pair="cl-sms-expectok",
        log="payments-gateway answered 402",
        entry="POST /v2/rentals/{rental_id}/end",
    ),
    Bug(
        "cl-sms-expectok",
        "rides",
        (
            Exc(
                "UpstreamHttpError",
                "sms-relay answered 503",
                (
                    *FASTIFY,
                    nd("src/routes/auth.ts", "sendLoginCode", 19, 11, awaited=True),
                    nd("src/clients/sms.ts", "sendCode", 26, 5, awaited=True),
                    NODE_TICKS,
                    EXPECT_OK,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", style="kind", monitor="Upstream errors on rides", team="rides"),
        ),
        classes=(9,),
        pair="cl-payment-expectok",
        log="sms-relay answered 503",
        entry="POST /v2/auth/code",
    ),
    # Telemetry from older bike firmware lacks a field.
    Bug(
        "cl-telemetry-battery-keyerror",
        "fleet",
        (
            Exc(
                "KeyError",
                "'battery_pct'",
                (
                    *ARQ,
                    job("telemetry", "ingest_telemetry", 34, "readings = [parse_reading(r) for r in batch]"),
                    job("telemetry", "<listcomp>", 34, "readings = [parse_reading(r) for r in batch]"),
                    py("copperline.fleet.telemetry.parse", "parse_reading", 21, 'battery=raw["battery_pct"] / 100,'),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("posthog"),
            see("datadog.task", team="fleet"),
        ),
        log="job {hex}:ingest_telemetry failed",
        logger="arq.jobs",
        entry="ingest_telemetry",
    ),
    # One asyncio timeout in two jobs; the task monitors name only the job.
    Bug(
        "cl-rebalance-timeout",
        "fleet",
        (
            Exc("CancelledError", "", (pylib("asyncio.tasks", "wait_for", 520, "return await fut"), job("rebalance", "rebalance_docks", 58, "plan = await planner.solve(zone, demand)"), py("copperline.fleet.planner", "solve", 112, "return await loop.run_in_executor(None, self._solve, zone, demand)")), module="asyncio.exceptions"),
            Exc("TimeoutError", "", (*ARQ, pylib("asyncio.tasks", "wait_for", 519, "async with timeouts.timeout(timeout):"), pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val")), module="builtins"),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.task", 2, team="fleet"),
        ),
        classes=(4,),
        pair="cl-invoice-timeout",
        log="job {hex}:rebalance_docks failed",
        logger="arq.jobs",
        entry="rebalance_docks",
    ),
    Bug(
        "cl-invoice-timeout",
        "fleet",
        (
            Exc("CancelledError", "", (pylib("asyncio.tasks", "wait_for", 520, "return await fut"), job("invoices", "send_monthly_invoices", 27, "async for account in accounts.due(period):"), py("copperline.fleet.accounts", "due", 64, "rows = await conn.fetch(DUE_SQL, period)")), module="asyncio.exceptions"),
            Exc("TimeoutError", "", (*ARQ, pylib("asyncio.tasks", "wait_for", 519, "async with timeouts.timeout(timeout):"), pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val")), module="builtins"),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.task", team="billing"),
        ),
        classes=(4,),
        pair="cl-rebalance-timeout",
        log="job {hex}:send_monthly_invoices failed",
        logger="arq.jobs",
        entry="send_monthly_invoices",
    ),
    # A zone with no docks: an APM monitor naming only the service and the type.
    Bug(
        "cl-utilisation-zerodiv",
        "fleet",
        (
            Exc(
                "ZeroDivisionError",
                "division by zero",
                (
                    *ARQ,
                    job("reports", "zone_utilisation", 19, "rows.append(utilisation(zone, day))"),
                    py("copperline.fleet.metrics", "utilisation", 44, "return ride_minutes / (zone.dock_count * 1440)"),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.apm", style="type", team="fleet"),
        ),
        log="job {hex}:zone_utilisation failed",
        logger="arq.jobs",
        entry="zone_utilisation",
    ),
    # asyncpg's unique violation in the workers, through SQLAlchemy's asyncio layer.
    Bug(
        "cl-trip-import-duplicate",
        "fleet",
        (
            Exc("UniqueViolationError", 'duplicate key value violates unique constraint "trips_bike_id_started_at_key"', (*ARQ, job("trips", "import_partner_trips", 41, "await session.commit()"), pylib("sqlalchemy.ext.asyncio.session", "commit", 1011, "await greenlet_spawn(self.sync_session.commit)"), ASYNCPG_UNIQUE), module="asyncpg.exceptions"),
            Exc("IntegrityError", "(sqlalchemy.dialects.postgresql.asyncpg.IntegrityError) <class 'asyncpg.exceptions.UniqueViolationError'>: duplicate key value violates unique constraint \"trips_bike_id_started_at_key\"\nDETAIL:  Key (bike_id, started_at)=({id}, 2026-03-0{idx} 07:1{idx}:00+00) already exists.\n[SQL: INSERT INTO trips (bike_id, started_at, ended_at, partner) VALUES ($1::INTEGER, $2::TIMESTAMP WITH TIME ZONE, $3::TIMESTAMP WITH TIME ZONE, $4::VARCHAR)]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", (*ARQ, job("trips", "import_partner_trips", 41, "await session.commit()"), pylib("sqlalchemy.ext.asyncio.session", "commit", 1011, "await greenlet_spawn(self.sync_session.commit)"), pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)")), module="sqlalchemy.exc"),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", style="kind", team="fleet"),
        ),
        log="job {hex}:import_partner_trips failed",
        logger="arq.jobs",
        entry="import_partner_trips",
    ),
    # The map component reads a station that is not loaded yet: three engines' words.
    Bug(
        "cl-web-station-undefined",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/components/map/StationPin.tsx", "StationPin", 27, 33, "map"),
                ),
                js=JsError("read-undefined", "station.availability", "ebikes"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", release=0, chunk="map"),
            see("posthog", browser="chrome", release=1, chunk="map"),
            see("posthog", browser="firefox", release=1, chunk="map"),
            see("posthog", browser="safari", release=0, chunk="map"),
            see("posthog", browser="chrome", release=1, resolved=True, chunk="map"),
            see("sentry.error", release=0),
            see("sentry.error", raw=True, release=1),
        ),
        classes=(3,),
        page="/map",
        span=2,
    ),
    # Two forms call one formatting helper with a missing price: only the caller differs.
    Bug(
        "cl-web-plan-price-null",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/pages/plans/PlanCard.tsx", "PlanCard", 19, 21, "plans"),
                    js("src/lib/money.ts", "formatPence", 6, 24, "plans"),
                ),
                js=JsError("read-null", "amount", "toFixed"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="plans"),
            see("posthog", browser="safari", chunk="plans"),
            see("sentry.error", browser="chrome"),
            see("sentry.issue"),
        ),
        classes=(3, 9),
        pair="cl-web-receipt-price-null",
        page="/plans",
    ),
    Bug(
        "cl-web-receipt-price-null",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/pages/rides/RideReceipt.tsx", "RideReceipt", 44, 18, "rides"),
                    js("src/lib/money.ts", "formatPence", 6, 24, "rides"),
                ),
                js=JsError("read-null", "amount", "toFixed"),
            ),
        ),
        (
            see("posthog", browser="chrome", chunk="rides"),
            see("posthog", browser="firefox", chunk="rides"),
            see("posthog", browser="edge", chunk="rides"),
            see("sentry.error", browser="firefox"),
        ),
        classes=(3, 9),
        pair="cl-web-plan-price-null",
        page="/rides/8812",
    ),
    # A QR scanner calls an API only Chromium ships.
    Bug(
        "cl-web-scanner-notfunction",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_CLICK,
                    js("src/components/unlock/ScanButton.tsx", "startScan", 15, 9, "unlock"),
                ),
                js=JsError("not-function", "detector", "detect", "(n)"),
            ),
        ),
        (
            see("posthog", browser="firefox", chunk="unlock"),
            see("posthog", browser="safari", chunk="unlock"),
            see("posthog", browser="safari", resolved=True, chunk="unlock"),
            see("sentry.error", browser="safari"),
            see("sentry.alert", rule="Rider site errors"),
        ),
        classes=(3,),
        page="/unlock",
    ),
    # Slow telemetry uploads from the docks' gateway: sizes, durations, hosts.
    Bug(
        "cl-telemetry-upload-slow",
        "fleet",
        (),
        (
            see("splunk", 3, search="fleet - slow telemetry batches", line='{"asctime": "{ts}", "levelname": "WARNING", "name": "copperline.fleet.telemetry", "message": "telemetry batch upload slow", "bytes": "{size}", "elapsed": "{dur}", "endpoint": "{objstore}"}'),
            see("datadog.log", 2, monitor="Slow telemetry batches", filter="service:fleet @logger.name:copperline.fleet.telemetry status:warn", team="fleet", text="Telemetry batches upload slowly. Sample: telemetry batch upload slow bytes={size} elapsed={dur} endpoint={objstore}"),
        ),
        classes=(7,),
    ),
    # A saved search's stats rows: failures per job, no log line at all.
    Bug(
        "cl-geofence-sync-failing",
        "fleet",
        (
            Exc("ConnectError", "[Errno 111] Connection refused", (*ARQ, job("geofence", "sync_geofences", 22, "resp = await client.get(f\"{base}/zones\")"), pylib("httpx._transports.default", "handle_async_request", 372, "raise mapped_exc(message) from exc")), module="httpx"),
        ),
        (
            see("splunk", 2, search="fleet - failing jobs (15 min)", stats={"job": "sync_geofences", "failures": "{n}", "last_error": "ConnectError"}),
            see("sentry.error", 2),
            see("datadog.task", team="fleet"),
        ),
        log="job {hex}:sync_geofences failed",
        logger="arq.jobs",
        entry="sync_geofences",
    ),
    # Seen once only: Safari refuses to play the unlock chime.
    Bug(
        "cl-web-chime-notallowed",
        "web",
        (
            Exc(
                "NotAllowedError",
                "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.",
                (
                    *REACT_EFFECT,
                    js("src/components/unlock/UnlockedBanner.tsx", "UnlockedBanner.useEffect", 12, 20, "unlock"),
                ),
            ),
        ),
        (see("posthog", browser="safari", chunk="unlock"),),
        singleton=True,
        page="/unlock",
    ),
]

NOISE = [
    Noise(
        "cl-noise-deploy",
        "rides",
        "datadog.event",
        {
            "monitor": "Deployed rides 2026.12.2 to prod",
            "text": "Argo CD sync finished: rides 2026.12.2 (6/6 pods ready).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "cl-noise-arq-start",
        "fleet",
        "splunk",
        {
            "search": "fleet - errors",
            "line": '{"asctime": "{ts}", "levelname": "INFO", "name": "arq.worker", "message": "Starting worker for 9 functions: ingest_telemetry, rebalance_docks, send_monthly_invoices, zone_utilisation, import_partner_trips, sync_geofences, cron:nightly_rollup, cron:purge_sessions, cron:refresh_tariffs"}',
        },
    ),
    Noise(
        "cl-noise-listening",
        "rides",
        "splunk",
        {
            "search": "rides - errors",
            "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"rides-7d9f8c6b5-x2kqp","msg":"Server listening at http://0.0.0.0:3000"}',
        },
    ),
]

COPPERLINE = Company(
    key="j",
    name="Copperline",
    domain="copperline.example",
    sentry_org="copperline",
    splunk_url="https://copperline.splunkcloud.com",
    splunk_guid="7C21E0A9-44B3-4F18-9D6A-0B5E3C8F1A72",
    datadog_org=("815540", "Copperline Cycles"),
    datadog_template="default",
    posthog_project=(51877, "Copperline"),
    releases=("2026.12.1", "2026.12.2", "2026.12.3", "2026.12.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="copperline-sentry-client-secret",
)
# fmt: on
