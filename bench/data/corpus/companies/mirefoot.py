"""(cm) Mirefoot Launches, scheduled boat trips on three lakes: a NestJS 10 API on Fastify 4
serving GraphQL through Mercurius (``trips-graphql``: departures, manifests, seat holds,
vouchers, fares, weather and tide windows; MikroORM 6 over Postgres; ``@nestjs/schedule``
cron tasks; TypeScript compiled by ``nest build`` under ``dist/``) and a Vue 3 booking app
with Pinia stores built by Vite (``booking-web``).

Sentry: @sentry/nestjs' ``SentryGlobalFilter`` (in a GraphQL context it logs the error with
Nest's logger, captures it and rethrows it to Mercurius), @sentry/vue. PostHog: posthog-js
exception autocapture in the booking app. No Splunk: the containers' stdout goes to Datadog,
which parses Fastify's pino lines (Mercurius' default error formatter logs each GraphQL
error at ``info``, ``err.type`` always ``GraphQLError``) and keeps Nest's console text as a
multi-line message. Datadog: log monitors through the team's ``custom`` template (one
monitor over every GraphQL error, pasting ``err.type``, ``err.message`` and ``err.path``;
one pasting the console text), APM monitors by error type.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import NODE_TICKS, VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "trips-graphql": Service("trips-graphql", "node", "cm-pino-mercurius", "", "", "", 8840511, "node v20.18.0", framework="mercurius", sdk=("sentry.javascript.nestjs", "8.42.0", "npm:@sentry/nestjs")),
    "booking-web": Service("booking-web", "javascript", "", "", "", "", 8840514, origin="https://book.mirefoot.example", framework="vue", sdk=("sentry.javascript.vue", "8.42.0", "npm:@sentry/vue")),
}

EXT_CTX = "node_modules/@nestjs/core/helpers/external-context-creator.js"


def sg(tool: str, n: int = 1, **opts: object) -> Seen:
    """A Sentry delivery from @sentry/nestjs' global filter (GraphQL context)."""
    return see(tool, n, mechanism="auto.graphql.nestjs.global_filter", **opts)


def resolver(field: str, cls: str, file: str, line: int, col: int, *inner: Frame) -> tuple[Frame, ...]:
    """Nest's external context creator calling a resolver method for graphql-js."""
    return (
        nd("node_modules/@nestjs/core/helpers/external-proxy.js", f"Object.{field}", 9, 24, lib=True, awaited=True),
        nd(EXT_CTX, "target", 74, 28, lib=True, awaited=True),
        nd(EXT_CTX, "", 67, 33, lib=True),
        nd(f"src/{file}.ts", f"{cls}.{field}", line, col, awaited=True),
        *inner,
    )


# MikroORM 6 flushing an insert; its exception converter wraps pg's error (``previous``, not ``cause``).
MIKRO_FLUSH = (
    nd("node_modules/@mikro-orm/core/EntityManager.js", "SqlEntityManager.flush", 1287, 9, lib=True, awaited=True),
    nd("node_modules/@mikro-orm/core/unit-of-work/UnitOfWork.js", "UnitOfWork.commit", 405, 13, lib=True, awaited=True),
    nd("node_modules/@mikro-orm/core/unit-of-work/ChangeSetPersister.js", "ChangeSetPersister.persistNewEntities", 93, 13, lib=True, awaited=True),
    nd("node_modules/@mikro-orm/knex/AbstractSqlDriver.js", "PostgreSqlDriver.nativeInsertMany", 404, 19, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/@mikro-orm/core/drivers/DatabaseDriver.js", "PostgreSqlDriver.convertException", 433, 19, lib=True),
    nd("node_modules/@mikro-orm/postgresql/PostgreSqlExceptionConverter.js", "PostgreSqlExceptionConverter.convertException", 38, 24, lib=True),
)
# Every partner call goes through one helper around axios: its frame ends both timeouts.
FETCH_JSON = nd("src/common/http/fetch-json.ts", "fetchJson", 14, 20, awaited=True)
AXIOS_TIMEOUT = (
    FETCH_JSON,
    NODE_TICKS,
    nd("node_modules/axios/lib/core/Axios.js", "Axios.request", 45, 41, lib=True),
    nd("node:internal/timers", "process.processTimers", 519, 7, lib=True),
    nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True),
    nd("node_modules/follow-redirects/index.js", "Timeout.<anonymous>", 221, 12, lib=True),
    nd("node:events", "RedirectableRequest.emit", 519, 28, lib=True),
    nd("node_modules/axios/lib/adapters/http.js", "RedirectableRequest.handleRequestTimeout", 647, 16, lib=True),
)
BERTH = "Cannot read properties of undefined (reading 'berth')"
APP = "index"
PINIA = js("node_modules/pinia/dist/pinia.mjs", "wrappedAction", 1391, 26, APP, lib=True)
TEAM = {"team": "launches"}
GQL_MONITOR = {"monitor": "trips-graphql GraphQL errors", "filter": "service:trips-graphql @err.type:GraphQLError", "text": "Mercurius is returning GraphQL errors on trips-graphql.\n\n**{{log.attributes.err.type}}** at `{{log.attributes.err.path}}`: {{log.attributes.err.message}}", **TEAM}
GQL_STACK = {**GQL_MONITOR, "text": "Mercurius is returning GraphQL errors on trips-graphql.\n\n```\n{{log.attributes.err.stack}}\n```"}
NEST_MONITOR = {"format": "cm-nest-console", "monitor": "trips-graphql console errors", "filter": "service:trips-graphql status:error", "text": "Nest logged an error on trips-graphql:\n\n```\n{{log.message}}\n```", "sample_lines": 4, **TEAM}
APM = {"team": "launches"}


def unique(cls: str, field: str, file: str, line: int, service: tuple[Frame, ...], sql: str, constraint: str) -> tuple[Exc, ...]:
    value = f'{sql} - duplicate key value violates unique constraint "{constraint}"'
    return (Exc("UniqueConstraintViolationException", value, resolver(field, cls, file, line, 24, *service, *MIKRO_FLUSH)),)


SEAT_SQL = "insert into \"booking\" (\"created_at\", \"seat_no\", \"status\", \"trip_id\") values ('{tsms}', {idx}, 'held', {id}) returning \"id\""
VOUCHER_SQL = "insert into \"voucher_redemption\" (\"booking_id\", \"redeemed_at\", \"voucher_id\") values ({id}, '{tsms}', {sub}) returning \"id\""
GLOBAL_EM = "Using global EntityManager instance methods for context specific actions is disallowed. If you need to work with the global instance's identity map, use `allowGlobalContext` configuration option or `fork()` instead."

BUGS = [
    # V8's sentence in two resolvers: a trip whose pier was deleted, read in two services.
    Bug("cm-departure-berth", "trips-graphql", (Exc("TypeError", BERTH, resolver("departures", "TripsResolver", "trips/trips.resolver", 31, 43, nd("src/trips/departures.service.ts", "DeparturesService.toSlot", 58, 37))),),
        (sg("sentry.error", 2), sg("sentry.error", release=1, sourcemaps=False), sg("sentry.issue"), see("datadog.log", 2, gql="departures", **GQL_MONITOR), see("datadog.apm", **APM)),
        classes=(4, 5), pair="cm-manifest-berth", entry="POST /graphql", span=2),
    Bug("cm-manifest-berth", "trips-graphql", (Exc("TypeError", BERTH, resolver("manifest", "ManifestResolver", "manifest/manifest.resolver", 22, 26, nd("src/manifest/manifest.service.ts", "ManifestService.lineFor", 41, 29))),),
        (sg("sentry.error", 3), see("datadog.log", gql="manifest", **GQL_MONITOR), see("datadog.log", gql="manifest", **GQL_STACK)),
        classes=(4,), pair="cm-departure-berth", entry="POST /graphql"),
    # Two unique constraints behind MikroORM's exception: a seat held twice; a voucher redeemed twice.
    Bug("cm-seat-unique", "trips-graphql", unique("BookingResolver", "holdSeat", "booking/booking.resolver", 48, (nd("src/booking/booking.service.ts", "BookingService.hold", 72, 7, awaited=True),), SEAT_SQL, "booking_trip_id_seat_no_unique"),
        (sg("sentry.error", 3), see("datadog.log", 2, gql="holdSeat", gql_line=3, **GQL_MONITOR), see("datadog.apm", **APM)),
        classes=(4,), pair="cm-voucher-unique", entry="POST /graphql"),
    Bug("cm-voucher-unique", "trips-graphql", unique("VoucherResolver", "redeemVoucher", "vouchers/voucher.resolver", 29, (nd("src/vouchers/voucher.service.ts", "VoucherService.redeem", 44, 7, awaited=True),), VOUCHER_SQL, "voucher_redemption_voucher_id_unique"),
        (sg("sentry.error", 2), sg("sentry.alert"), see("datadog.log", gql="redeemVoucher", **GQL_MONITOR), see("datadog.apm", **APM)),
        classes=(4,), pair="cm-seat-unique", entry="POST /graphql"),
    # One function, two exceptions: an operator's currency symbol where a code belongs; a trip with no fare.
    Bug("cm-fare-currency", "trips-graphql", (Exc("RangeError", "Invalid currency code : £", resolver("quote", "FareResolver", "fares/fare.resolver", 19, 32, nd("src/fares/fare-calculator.ts", "FareCalculator.quote", 27, 21))),),
        (sg("sentry.error", 3), sg("sentry.issue"), see("datadog.log", 2, gql="quote", **GQL_MONITOR)),
        classes=(4,), pair="cm-fare-null", entry="POST /graphql"),
    Bug("cm-fare-null", "trips-graphql", (Exc("TypeError", "Cannot read properties of null (reading 'amount')", resolver("quote", "FareResolver", "fares/fare.resolver", 19, 32, nd("src/fares/fare-calculator.ts", "FareCalculator.quote", 34, 40))),),
        (sg("sentry.error", 2), sg("sentry.issue"), see("datadog.log", gql="quote", **GQL_MONITOR), see("datadog.log", gql="quote", **GQL_STACK)),
        classes=(4,), pair="cm-fare-currency", entry="POST /graphql"),
    # Two partners' timeouts ending in one helper: the Met Office forecast and the tide tables.
    Bug("cm-weather-timeout", "trips-graphql", (Exc("AxiosError", "timeout of 8000ms exceeded", resolver("weather", "TripsResolver", "trips/trips.resolver", 77, 28, nd("src/weather/met-office.client.ts", "MetOfficeClient.forecast", 33, 12, awaited=True), *AXIOS_TIMEOUT)),),
        (sg("sentry.error", 3), see("datadog.log", 2, gql="trip.weather", **GQL_MONITOR), see("datadog.apm", **APM)),
        classes=(9,), pair="cm-tides-timeout", entry="POST /graphql"),
    Bug("cm-tides-timeout", "trips-graphql", (Exc("AxiosError", "timeout of 8000ms exceeded", resolver("tideWindows", "SailingsResolver", "sailings/sailings.resolver", 52, 31, nd("src/tides/tide-tables.client.ts", "TideTablesClient.windows", 21, 18, awaited=True), *AXIOS_TIMEOUT)),),
        (sg("sentry.error", 2), sg("sentry.error", release=1), sg("sentry.issue", release=1), see("datadog.log", gql="sailing.tideWindows", **GQL_MONITOR), see("datadog.log", gql="sailing.tideWindows", **GQL_STACK)),
        classes=(9,), pair="cm-weather-timeout", entry="POST /graphql", span=2),
    # The booking app reading a trip's vessel in a card's render and in a store action.
    Bug("cm-js-trip-card", "booking-web", (Exc("TypeError", frames=(*VUE_RENDER, js("src/components/TripCard.vue", "_sfc_render", 14, 62, APP)), js=JsError("read-undefined", "trip.vessel", "name")),),
        (see("sentry.error", 2, browser="chrome", chunk=APP), see("sentry.error", browser="safari", chunk=APP, release=1), see("posthog", browser="firefox", chunk=APP), see("posthog", browser="chrome", chunk=APP, resolved=True, release=1)),
        classes=(3, 4), pair="cm-js-basket-confirm", span=2, page="/trips"),
    Bug("cm-js-basket-confirm", "booking-web", (Exc("TypeError", frames=(*VUE_CLICK, js("src/components/CheckoutSummary.vue", "onSubmit", 88, 15, APP), PINIA, js("src/stores/basket.ts", "confirm", 61, 30, APP)), js=JsError("read-undefined", "trip.vessel", "name")),),
        (see("sentry.error", 2, browser="edge", chunk=APP), see("sentry.error", browser="safari", chunk=APP), see("posthog", 2, browser="chrome", chunk=APP), see("posthog", browser="safari", chunk=APP)),
        classes=(3, 4), pair="cm-js-trip-card", page="/checkout"),
    # A lazy route's chunk gone after a deploy: three browsers' words.
    Bug("cm-js-chunk-gone", "booking-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://book.mirefoot.example/assets/TripDetail-{hex}.js", (js("node_modules/vue-router/dist/vue-router.mjs", "extractComponentsGuards", 2151, 42, APP, lib=True), js("src/router/index.ts", "component", 31, 24, APP)), engines={"spidermonkey": "error loading dynamically imported module: https://book.mirefoot.example/assets/TripDetail-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk=APP), see("sentry.error", browser="firefox", chunk=APP), see("sentry.error", browser="safari", chunk=APP), see("posthog", 2, browser="chrome", chunk=APP)),
        classes=(3,), page="/trips/{trip_id}"),
    # A timetable getter formatting a departure with no time.
    Bug("cm-js-timetable-date", "booking-web", (Exc("RangeError", "Invalid time value", (*VUE_MOUNTED, js("src/views/Timetable.vue", "setup", 40, 11, APP), js("src/stores/timetable.ts", "byDay", 27, 52, APP)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="chrome", chunk=APP), see("sentry.error", browser="firefox", chunk=APP), see("sentry.error", browser="safari", chunk=APP), see("posthog", browser="chrome", chunk=APP)),
        classes=(3,), page="/timetable"),
    # The persisted basket outgrowing localStorage: three engines' words.
    Bug("cm-js-basket-quota", "booking-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'basket' exceeded the quota.", (*VUE_CLICK, PINIA, js("node_modules/pinia-plugin-persistedstate/dist/index.js", "persistState", 70, 15, APP, lib=True)), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("sentry.error", browser="chrome", chunk=APP), see("sentry.error", browser="safari", chunk=APP), see("posthog", browser="firefox", chunk=APP), see("posthog", browser="chrome", chunk=APP)),
        classes=(3,), page="/checkout"),
    # A cron task using the global EntityManager: MikroORM's validation error, logged by the task.
    Bug("cm-holds-global-em", "trips-graphql", (Exc("ValidationError", GLOBAL_EM, (nd("node_modules/@nestjs/schedule/dist/scheduler.orchestrator.js", "CronJob.<anonymous>", 90, 40, lib=True, awaited=True), nd("src/booking/holds.task.ts", "HoldsTask.releaseExpired", 23, 35, awaited=True), nd("node_modules/@mikro-orm/core/EntityManager.js", "SqlEntityManager.getContext", 1563, 19, lib=True), nd("node_modules/@mikro-orm/core/errors.js", "ValidationError.cannotUseGlobalContext", 84, 16, lib=True))),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue", mechanism="generic"), see("datadog.log", 2, **NEST_MONITOR)),
        entry="HoldsTask.releaseExpired", log="releaseExpired failed: {n} holds left open", logger="HoldsTask"),
    # Seen once: a trip with no captain assigned, refused by graphql-js itself.
    Bug("cm-nonnull-captain", "trips-graphql", (Exc("GraphQLError", "Cannot return null for non-nullable field Trip.captain.", (nd("node_modules/graphql/execution/execute.js", "executeField", 545, 12, lib=True), nd("node_modules/graphql/execution/execute.js", "completeValue", 605, 13, lib=True))),),
        (see("datadog.log", gql="trip.captain", gql_line=4, **GQL_MONITOR),),
        singleton=True, entry="POST /graphql"),
]

NOISE = [
    Noise("cm-noise-deploy", "trips-graphql", "datadog.event", {"monitor": "Deployed trips-graphql 3.8.0", "text": "Argo CD synced trips-graphql to 3.8.0.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", **TEAM}),
    Noise("cm-noise-recovered", "trips-graphql", "datadog.log", {"monitor": "trips-graphql GraphQL errors", "transition": "Recovered", "alert_type": "success", "text": "GraphQL errors on trips-graphql are back under 5 in 5m.", **TEAM}),
    Noise("cm-noise-scaled", "trips-graphql", "datadog.event", {"monitor": "trips-graphql scaled to {idx} replicas", "text": "HorizontalPodAutoscaler trips-graphql: New size: {idx}; reason: cpu resource utilization (percentage of request) above target", "priority": "P5", "event_type": "event_alert", "alert_type": "info", **TEAM}),
]

MIREFOOT = Company(
    key="cm",
    name="Mirefoot Launches",
    domain="mirefoot.example",
    sentry_org="mirefoot",
    splunk_url="",
    splunk_guid="",
    datadog_org=("2207815", "Mirefoot Launches"),
    datadog_template="custom",
    posthog_project=(92018, "Mirefoot booking"),
    releases=("3.7.2", "3.8.0", "3.8.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="mirefoot-sentry-client-secret",
)
