"""(cr) Sloeberry Ferries, vehicle and foot-passenger ferries on three island routes: Java 21
on Micronaut 4. ``booking-api`` (Micronaut's Netty HTTP server, blocking controllers on the IO
executor, Micronaut Data JDBC over PostgreSQL through Hikari, the declarative HTTP client to
the payment provider and the port authority), ``checkin-consumer`` (a micronaut-kafka
``@KafkaListener`` on the port lanes' ``vehicle-checkins`` topic) and the Svelte 4 booking
app built by Vite (``sailings-web``).

Logs go to Datadog only: the API through logstash-logback-encoder's ``LogstashEncoder`` (a
route's failure is Micronaut's own "Unexpected error occurred: …" line from
``RouteExecutor``), the consumer on the generated project's plain console pattern (micronaut-
kafka's "Error processing record [Optional[ConsumerRecord(…)]] for Kafka consumer […]
produced error: …" line). Sentry: sentry-logback on both services (events from ERROR log
records; no ``in-app-includes``, so no frame is in-app), @sentry/svelte in the browser.
PostHog: posthog-js exception autocapture on the booking app. Datadog: dd-java-agent APM and
log monitors through the plugin's recommended template. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import jexc, jl, js, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.logback", "7.18.1", "maven:io.sentry:sentry-logback")
SERVICES = {
    "booking-api": Service("booking-api", "java", "cr-logstash", "sloeberry:booking:json", "/var/log/sloeberry/booking-api.json", "sl_prod", 7310021, "OpenJDK 21.0.5", framework="micronaut", sdk=SDK),
    "checkin-consumer": Service("checkin-consumer", "java", "cr-console", "sloeberry:checkin", "/var/log/sloeberry/checkin-consumer.log", "sl_prod", 7310024, "OpenJDK 21.0.5", framework="micronaut-kafka", sdk=SDK),
    "sailings-web": Service("sailings-web", "javascript", "", "", "", "", 7310027, origin="https://book.sloeberry.example", framework="generic", sdk=("sentry.javascript.svelte", "8.47.0", "npm:@sentry/svelte")),
}


def own(cls: str, method: str, line: int) -> Frame:
    """The team's code: sentry-logback was given no in-app packages, so it is not in-app."""
    return jv(f"com.sloeberry.{cls}", method, line, lib=True)


# A blocking controller method on Micronaut 4's IO executor (oldest first).
ROUTE = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("io.micronaut.core.propagation.PropagatedContext", "lambda$wrap$3", 211),
    jl("io.micronaut.core.execution.ExecutionFlow", "lambda$async$1", 87),
    jl("io.micronaut.http.server.RouteExecutor", "lambda$callRoute$5", 447),
    jl("io.micronaut.http.server.RouteExecutor", "executeRouteAndConvertBody", 470),
    jl("io.micronaut.web.router.AbstractRouteMatch", "execute", 298),
    jl("io.micronaut.context.AbstractExecutableMethodsDefinition$DispatchedExecutableMethod", "invoke", 456),
)
# micronaut-kafka's consumer loop handing one record to the listener bean.
LISTENER = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("io.micronaut.configuration.kafka.processor.ConsumerStateSingle", "pollAndProcessRecords", 60),
    jl("io.micronaut.configuration.kafka.processor.ConsumerState", "processRecords", 305),
    jl("io.micronaut.configuration.kafka.processor.ConsumerState", "processSingleRecord", 365),
    jl("io.micronaut.context.AbstractExecutableMethodsDefinition$DispatchedExecutableMethod", "invoke", 456),
    own("checkin.CheckinListener", "receive", 41),
)
# Micronaut Data JDBC persisting an entity (oldest first, below the repository call).
PERSIST = (
    jl("io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", "persist", 462),
    jl("io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", "lambda$persist$11", 470),
    jl("io.micronaut.data.runtime.operations.internal.sql.SqlEntityOperations", "executeUpdate", 179),
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", -1),
)
PG_FRAMES = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeWithFlags", 194),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 502),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2725),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)


def unique(constraint: str, detail: str, table: str, app: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    cause = jexc("org.postgresql.util.PSQLException", pg, PG_FRAMES)
    return cause, jexc("io.micronaut.data.exceptions.DataAccessException", f"Error executing PERSIST: {pg}", (*app, jl(f"com.sloeberry.{table}$Intercepted", "save", -1), *PERSIST[:3]))


# One declarative client wrapper turns every partner call into a blocking call with retries.
EXCHANGE = (
    own("common.http.PartnerGateway", "exchange", 58),
    jl("io.micronaut.http.client.netty.DefaultHttpClient$1", "exchange", 431),
    jl("reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", 127),
)

VEHICLE_NPE = 'Cannot invoke "com.sloeberry.booking.model.Vehicle.lengthMetres()" because the return value of "com.sloeberry.booking.model.Booking.vehicle()" is null'
HIKARI = "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})"

API_APM = {"monitor": "booking-api errors by type", "team": "bookings"}
API_LOGS = {"monitor": "booking-api error logs", "team": "bookings", "filter": "service:booking-api status:error", "text": "{{log.attributes.message}}\n\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}\n\nthread: {{log.attributes.thread_name}}"}
CONSUMER_LOGS = {"monitor": "checkin-consumer record failures", "team": "port-ops", "filter": "service:checkin-consumer status:error \"produced error\"", "text": "The check-in consumer failed a record on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 4}
TOPIC = {"topic": "vehicle-checkins", "listener": "com.sloeberry.checkin.CheckinListener"}
WEB = {"chunk": "Timetable"}

BUGS = [
    # One helpful NullPointerException sentence in two places: the API's fare quote and the consumer's deck planner.
    Bug("cr-fare-vehicle-npe", "booking-api", (jexc("java.lang.NullPointerException", VEHICLE_NPE, (*ROUTE, own("booking.web.FareController", "quote", 44), own("booking.pricing.FareService", "vehicleFare", 71))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **API_LOGS), see("datadog.apm", **API_APM)),
        classes=(4, 10), pair="cr-deck-vehicle-npe", entry="GET /bookings/{booking_id}/fare", span=2),
    Bug("cr-deck-vehicle-npe", "checkin-consumer", (jexc("java.lang.NullPointerException", VEHICLE_NPE, (*LISTENER, own("checkin.DeckPlanner", "allocate", 88), own("checkin.DeckPlanner", "laneFor", 112))),),
        (see("sentry.error", 2), see("datadog.log", 2, **CONSUMER_LOGS, **TOPIC)),
        classes=(4, 10), pair="cr-fare-vehicle-npe", entry="CheckinListener.receive"),
    # A unique violation per table: a vehicle booked twice on one sailing (API), a lane check-in replayed (consumer).
    Bug("cr-booking-unique", "booking-api", unique("bookings_sailing_id_vehicle_reg_key", "Key (sailing_id, vehicle_reg)=({n}, {plate}) already exists.", "booking.repo.BookingRepository", (*ROUTE, own("booking.web.BookingController", "create", 52), own("booking.BookingService", "book", 39))),
        (see("sentry.error", 3), see("datadog.log", 2, **API_LOGS), see("datadog.apm", **API_APM)),
        classes=(4, 10), pair="cr-checkin-unique", entry="POST /bookings"),
    Bug("cr-checkin-unique", "checkin-consumer", unique("checkins_booking_ref_lane_key", "Key (booking_ref, lane)=(SLB-{id}, {idx}) already exists.", "checkin.repo.CheckinRepository", (*LISTENER, own("checkin.CheckinService", "record", 33))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **CONSUMER_LOGS, **TOPIC)),
        classes=(4, 10), pair="cr-booking-unique", entry="CheckinListener.receive"),
    # One surcharge method, two exceptions: a sailing with no capacity left, a fuel index feed sending "n/a".
    Bug("cr-surcharge-div-zero", "booking-api", (jexc("java.lang.ArithmeticException", "/ by zero", (*ROUTE, own("booking.web.FareController", "quote", 44), own("booking.pricing.FareService", "vehicleFare", 74), own("booking.pricing.SurchargeCalculator", "surcharge", 29))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", **API_LOGS), see("datadog.apm", 2, **API_APM)),
        classes=(4, 5), pair="cr-surcharge-number-format", entry="GET /bookings/{booking_id}/fare", span=2),
    Bug("cr-surcharge-number-format", "booking-api", (jexc("java.lang.NumberFormatException", 'For input string: "n/a"', (*ROUTE, own("booking.web.FareController", "quote", 44), own("booking.pricing.FareService", "vehicleFare", 74), own("booking.pricing.SurchargeCalculator", "surcharge", 24), jl("java.lang.Double", "parseDouble", 792), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054))),),
        (see("sentry.error", 3), see("datadog.log", 2, **API_LOGS), see("datadog.apm", **API_APM)),
        classes=(4,), pair="cr-surcharge-div-zero", entry="GET /bookings/{booking_id}/fare"),
    # Two partners timing out through one gateway: the payment provider (API) and the port authority's berth check (consumer).
    Bug("cr-payment-read-timeout", "booking-api", (jexc("io.micronaut.http.client.exceptions.ReadTimeoutException", "Read Timeout", (*ROUTE, own("booking.web.PaymentController", "capture", 37), own("booking.payments.PaymentClient", "capture", 23), *EXCHANGE)),),
        (see("sentry.error", 3), see("sentry.alert", rule="Payment capture failures"), see("datadog.log", **API_LOGS), see("datadog.apm", **API_APM)),
        classes=(9,), pair="cr-berth-read-timeout", entry="POST /bookings/{booking_id}/payment"),
    Bug("cr-berth-read-timeout", "checkin-consumer", (jexc("io.micronaut.http.client.exceptions.ReadTimeoutException", "Read Timeout", (*LISTENER, own("checkin.BerthCheck", "confirm", 26), own("checkin.port.PortAuthorityClient", "berth", 19), *EXCHANGE)),),
        (see("sentry.error", 2), see("datadog.log", 3, **CONSUMER_LOGS, **TOPIC)),
        classes=(9,), pair="cr-payment-read-timeout", entry="CheckinListener.receive"),
    # The same undefined read in two Svelte components: the sailing card and the return-leg picker.
    Bug("cr-web-card-departs", "sailings-web", (Exc("TypeError", frames=(js("node_modules/svelte/src/runtime/internal/scheduler.js", "flush", 99, 5, "Timetable", lib=True), js("src/lib/timetable/SailingCard.svelte", "create_fragment", 23, 41, "Timetable")), js=JsError("read-undefined", "sailing.slot", "departsAt")),),
        (see("sentry.error", 2, browser="chrome", **WEB), see("sentry.error", browser="firefox", **WEB), see("posthog", browser="chrome", **WEB), see("posthog", browser="safari", resolved=True, **WEB)),
        classes=(3, 4), pair="cr-web-return-departs", page="/timetable"),
    Bug("cr-web-return-departs", "sailings-web", (Exc("TypeError", frames=(js("node_modules/svelte/src/runtime/internal/dom.js", "HTMLButtonElement.<anonymous>", 361, 41, "Booking", lib=True), js("src/routes/book/ReturnPicker.svelte", "pickReturn", 57, 18, "Booking")), js=JsError("read-undefined", "sailing.slot", "departsAt")),),
        (see("sentry.error", 2, browser="chrome", chunk="Booking"), see("sentry.error", browser="safari", chunk="Booking", release=1), see("posthog", 2, browser="edge", chunk="Booking")),
        classes=(3, 4), pair="cr-web-card-departs", page="/book/return", span=2),
    # A check-in message the lanes' new firmware sends without a lane: micronaut-serde refuses it before the listener runs.
    Bug("cr-checkin-serde", "checkin-consumer", (jexc("io.micronaut.serde.exceptions.SerdeException", "Unable to deserialize type [CheckinEvent]. Required constructor parameter [String lane] at index [2] is not present or is null in the supplied data", (*LISTENER[:5], jl("io.micronaut.configuration.kafka.serde.JsonObjectSerde", "deserialize", 81), jl("io.micronaut.serde.support.deserializers.SpecificObjectDeserializer", "deserialize", 189))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 2, **CONSUMER_LOGS, **TOPIC)),
        classes=(5, 10), entry="CheckinListener.receive", span=3),
    # Easter timetable release: the pool of ten connections exhausted under the booking rush.
    Bug("cr-hikari-exhausted", "booking-api", (jexc("java.sql.SQLTransientConnectionException", HIKARI, (jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))), jexc("io.micronaut.transaction.exceptions.CannotCreateTransactionException", "Could not open JDBC Connection for transaction", (*ROUTE, own("booking.web.SailingController", "availability", 31), jl("io.micronaut.transaction.interceptor.TransactionalInterceptor", "intercept", 138), jl("io.micronaut.data.connection.jdbc.operations.DefaultDataSourceConnectionOperations", "openConnection", 69)))),
        (see("sentry.error", 2), see("datadog.log", 2, **API_LOGS), see("datadog.apm", 2, **API_APM)),
        classes=(10,), entry="GET /sailings/{sailing_id}/availability"),
    # A refund after check-in; RefundService.refund renamed issueRefund in the next release.
    Bug("cr-refund-checked-in", "booking-api", (jexc("java.lang.IllegalStateException", "Cannot refund booking SLB-{id} in state CHECKED_IN", (*ROUTE, own("booking.web.RefundController", "create", 28), own("booking.refunds.RefundService", "refund", 47), own("booking.model.Booking", "assertRefundable", 133))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.issue", release=2), see("datadog.log", 2, **API_LOGS)),
        classes=(5,), entry="POST /bookings/{booking_id}/refunds", span=3, renames={"refund": "issueRefund"}),
    # Lazy-loaded route chunk gone after a deploy: each engine's wording.
    Bug("cr-web-chunk-import", "sailings-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js("src/router.ts", "loadRoute", 31, 22, "index"),), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="Booking", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="Booking", mechanism="onunhandledrejection", release=1), see("sentry.error", browser="safari", chunk="Booking", mechanism="onunhandledrejection", release=1), see("posthog", 2, browser="chrome", chunk="Booking"), see("posthog", browser="safari", chunk="Booking", release=1)),
        classes=(3,), page="/book", span=2),
    # The timetable formatting a sailing whose departure the API sent as null.
    Bug("cr-web-invalid-date", "sailings-web", (Exc("RangeError", "Invalid time value", (js("node_modules/date-fns/format.js", "format", 351, 11, "Timetable", lib=True), js("src/lib/timetable/TimetableRow.svelte", "update", 64, 25, "Timetable")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", 2, browser="chrome", **WEB), see("sentry.error", browser="firefox", **WEB), see("sentry.error", browser="safari", **WEB), see("posthog", browser="firefox", **WEB)),
        classes=(3,), page="/timetable"),
    # Seen once: a vessel swapped in with no deck plan for the day.
    Bug("cr-no-deck-plan", "checkin-consumer", (jexc("java.lang.IllegalStateException", "Vessel MV Sloe Lark has no deck plan for 2026-03-14", (*LISTENER, own("checkin.DeckPlanner", "allocate", 79), own("checkin.DeckPlanRepository", "planFor", 22))),),
        (see("sentry.error"),),
        singleton=True, entry="CheckinListener.receive"),
]

NOISE = [
    Noise("cr-noise-deploy", "booking-api", "datadog.event", {"monitor": "Deployed booking-api 2026.11.2", "text": "Argo CD synced booking-api 2026.11.2 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "bookings"}),
    Noise("cr-noise-lag-recovered", "checkin-consumer", "datadog.metric", {"monitor": "checkin-consumer lag", "scope": "consumer_group:checkin-consumer", "transition": "Recovered", "metric": "kafka.consumer_lag", "text": "Consumer lag on vehicle-checkins back to {n} (threshold 500).", "team": "port-ops"}),
    Noise("cr-noise-logs-recovered", "booking-api", "datadog.log", {"monitor": "booking-api error logs", "transition": "Recovered", "alert_type": "success", "text": "booking-api error logs are back under the threshold.", "priority": "P3", "team": "bookings"}),
]

SLOEBERRY = Company(
    key="cr",
    name="Sloeberry Ferries",
    domain="sloeberry.example",
    sentry_org="sloeberry",
    splunk_url="https://sloeberry.splunkcloud.com",
    splunk_guid="5B2E9C41-7D08-4A6F-9E13-C47A0B8D2F65",
    datadog_org=("731904", "Sloeberry Ferries"),
    datadog_template="recommended",
    posthog_project=(94211, "book.sloeberry.example"),
    releases=("2026.11.0", "2026.11.1", "2026.11.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="sloeberry-sentry-client-secret",
)
# fmt: on
