"""(ak) Mallowmere Events, festival ticketing: a NestJS 10 API with TypeORM on Node 20 (``api``;
NestJS's own ``ConsoleLogger`` with ``NO_COLOR``, the ``ExceptionsHandler`` line and the
stack), a Kafka consumer on kafkajs (``consumer``; pino for the app's lines, kafkajs's JSON
logger for its crashes) and a Nuxt 3 / Vue 3 storefront (``web``, Vite chunks under
``/_nuxt/``).

PostHog error tracking in the storefront (posthog-js: minified frames, some resolved) and in
the API (posthog-node's ``captureException`` from a global exception filter); Splunk saved
searches over the API's and the consumer's logs (one a ``stats`` table of consumer crashes by
topic); Datadog APM monitors on the API and log monitors on the consumer, posting the team's
nested plain-text template. No Sentry.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    NEST_HTTP,
    NODE_TICKS,
    TYPEORM_INSERT,
    VUE_CLICK,
    VUE_MOUNTED,
    VUE_RENDER,
    js,
    nd,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "api": Service("api", "node", "nest-logger", "mallowmere:api:nest", "/var/log/pods/api.log", "mm_prod", 0, "node v20.18.1", framework="nestjs"),
    "consumer": Service("consumer", "node", "pino", "mallowmere:consumer:pino", "/var/log/pods/consumer.log", "mm_prod", 0, "node v20.18.1", framework="kafkajs"),
    "web": Service("web", "javascript", "", "", "", "", 0, origin="https://tickets.mallowmere.example", framework="onerror"),
}

TYPEORM_FIND_ONE_OR_FAIL = (
    nd("node_modules/typeorm/repository/Repository.js", "Repository.findOneOrFail", 227, 29, lib=True, awaited=True),
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneOrFail", 658, 19, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "", 661, 23, lib=True),
)
TYPEORM_UPDATE = (
    nd("node_modules/typeorm/query-builder/UpdateQueryBuilder.js", "UpdateQueryBuilder.execute", 142, 33, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/typeorm/driver/postgres/PostgresQueryRunner.js", "PostgresQueryRunner.query", 219, 19, lib=True),
)
# kafkajs's runner awaiting the consumer's eachMessage.
KAFKAJS = (
    nd("node_modules/kafkajs/src/consumer/runner.js", "Runner.handleBatch", 330, 15, lib=True, awaited=True),
    nd("node_modules/kafkajs/src/consumer/runner.js", "Runner.processEachMessage", 231, 9, lib=True, awaited=True),
    nd("src/consumer/main.ts", "eachMessage", 41, 13, awaited=True),
)
# The checkout and the refund both turn Stripe's failures into HTTP errors in one helper.
MAP_PAYMENT_ERROR = nd("src/payments/payment-errors.ts", "mapPaymentError", 18, 11)
API_APM = {"style": "type", "monitor": "api errors by type", "team": "ticketing"}
CONSUMER_LOGS = {"style": "sample", "monitor": "consumer error logs", "team": "ticketing"}


def nest(*app: Frame) -> tuple[Frame, ...]:
    return (*NEST_HTTP, *app)


def handler(topic: str, *app: Frame) -> tuple[Frame, ...]:
    return (*KAFKAJS, *app)


def unique(constraint: str, app: tuple[Frame, ...]) -> Exc:
    """TypeORM's ``QueryFailedError`` wraps the driver's error; its message is PostgreSQL's
    (the detail stays on ``driverError.detail``)."""
    return Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', (*app, *TYPEORM_INSERT))


def not_found(entity: str) -> str:
    return f'Could not find any entity of type "{entity}" matching: {{\n    "where": {{\n        "id": "{{uuid}}"\n    }}\n}}'


BUGS = [
    # Two services read .length of a missing ticket list: same V8 sentence, two places.
    Bug(
        "mm-order-tickets-length",
        "api",
        (Exc("TypeError", "Cannot read properties of undefined (reading 'length')", nest(
            nd("src/orders/orders.controller.ts", "OrdersController.create", 34, 38, awaited=True),
            nd("src/orders/orders.service.ts", "OrdersService.create", 71, 37),
        )),),
        (
            see("posthog", 2),
            see("splunk", 2),
            see("datadog.apm", **API_APM),
        ),
        classes=(4,),
        pair="mm-refund-tickets-length",
        entry="POST /orders",
        span=2,
        renames={"OrdersController.create": "OrdersController.placeOrder"},
    ),
    Bug(
        "mm-refund-tickets-length",
        "api",
        (Exc("TypeError", "Cannot read properties of undefined (reading 'length')", nest(
            nd("src/refunds/refunds.controller.ts", "RefundsController.request", 22, 29, awaited=True),
            nd("src/refunds/refunds.service.ts", "RefundsService.quote", 48, 52),
        )),),
        (
            see("posthog", 2),
            see("splunk", 2),
            see("datadog.apm", **API_APM),
        ),
        classes=(4,),
        pair="mm-order-tickets-length",
        entry="POST /refunds",
    ),
    # Unique violations on two tables through one TypeORM insert.
    Bug(
        "mm-ticket-barcode-unique",
        "api",
        (unique("UQ_ticket_barcode", nest(
            nd("src/orders/orders.controller.ts", "OrdersController.create", 34, 38, awaited=True),
            nd("src/orders/orders.service.ts", "OrdersService.create", 88, 30, awaited=True),
            nd("src/tickets/tickets.service.ts", "TicketsService.issue", 41, 38, awaited=True),
        )),),
        (
            see("posthog", 2),
            see("splunk", 3),
            see("datadog.apm", style="message", monitor="api error spans", team="ticketing"),
        ),
        classes=(4,),
        pair="mm-attendee-email-unique",
        entry="POST /orders",
    ),
    Bug(
        "mm-attendee-email-unique",
        "api",
        (unique("UQ_attendee_event_email", nest(
            nd("src/attendees/attendees.controller.ts", "AttendeesController.register", 27, 33, awaited=True),
            nd("src/attendees/attendees.service.ts", "AttendeesService.register", 55, 34, awaited=True),
        )),),
        (
            see("posthog", 2),
            see("splunk", 2),
            see("datadog.apm", style="message", monitor="api error spans", team="ticketing"),
        ),
        classes=(4,),
        pair="mm-ticket-barcode-unique",
        entry="POST /events/{event_id}/attendees",
    ),
    # findOneOrFail on two entities: the entity in the message is the bug.
    Bug(
        "mm-event-not-found",
        "api",
        (Exc("EntityNotFoundError", not_found("Event"), (
            *nest(
                nd("src/events/events.controller.ts", "EventsController.publish", 61, 30, awaited=True),
                nd("src/events/events.service.ts", "EventsService.publish", 93, 44, awaited=True),
            ),
            *TYPEORM_FIND_ONE_OR_FAIL,
        )),),
        (
            see("posthog", 2),
            see("splunk", 2),
            see("datadog.apm", style="route", monitor="Publish endpoint error rate", team="ticketing"),
        ),
        classes=(4, 8),
        pair="mm-venue-not-found",
        entry="POST /events/{event_id}/publish",
    ),
    Bug(
        "mm-venue-not-found",
        "api",
        (Exc("EntityNotFoundError", not_found("Venue"), (
            *nest(
                nd("src/events/events.controller.ts", "EventsController.publish", 61, 30, awaited=True),
                nd("src/events/events.service.ts", "EventsService.publish", 97, 42, awaited=True),
                nd("src/venues/venues.service.ts", "VenuesService.capacityFor", 19, 40, awaited=True),
            ),
            *TYPEORM_FIND_ONE_OR_FAIL,
        )),),
        (
            see("posthog"),
            see("splunk", 2),
            see("datadog.apm", style="route", monitor="Publish endpoint error rate", team="ticketing"),
        ),
        classes=(4, 8),
        pair="mm-event-not-found",
        entry="POST /events/{event_id}/publish",
    ),
    # Two payment failures mapped by one helper: its frame is innermost for both.
    Bug(
        "mm-pay-amount-too-large",
        "api",
        (Exc("InternalServerErrorException", "Amount must be no more than 999,999.99", nest(
            nd("src/checkout/checkout.controller.ts", "CheckoutController.pay", 30, 27, awaited=True),
            nd("src/checkout/checkout.service.ts", "CheckoutService.pay", 64, 15),
            MAP_PAYMENT_ERROR,
        )),),
        (
            see("posthog", 2),
            see("splunk", 2),
            see("datadog.apm", **API_APM),
        ),
        classes=(9,),
        pair="mm-refund-idempotency",
        entry="POST /checkout/pay",
    ),
    Bug(
        "mm-refund-idempotency",
        "api",
        (Exc("InternalServerErrorException", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.", nest(
            nd("src/refunds/refunds.controller.ts", "RefundsController.execute", 41, 29, awaited=True),
            nd("src/refunds/refunds.service.ts", "RefundsService.execute", 102, 15),
            MAP_PAYMENT_ERROR,
        )),),
        (
            see("posthog"),
            see("splunk", 2),
            see("datadog.apm", **API_APM),
        ),
        classes=(9,),
        pair="mm-pay-amount-too-large",
        entry="POST /refunds/{refund_id}/execute",
    ),
    # Kafka consumer: a refactor parses a value that is already an object.
    Bug(
        "mm-consumer-payment-json",
        "consumer",
        (Exc("SyntaxError", "Unexpected token 'o', \"[object Obj\"... is not valid JSON", handler(
            "payments.captured",
            nd("src/consumer/handlers/payment-captured.handler.ts", "PaymentCapturedHandler.handle", 17, 30, awaited=True),
        )),),
        (
            see("splunk", 2, format="kafkajs-json", group="payments-consumer"),
            see("splunk", 1),
            see("splunk", search="consumer crashes by topic", stats={"topic": "payments.captured", "groupId": "payments-consumer", "error": "SyntaxError", "count": "{n}"}),
            see("datadog.log", **CONSUMER_LOGS),
        ),
        classes=(1, 8),
        log="failed to handle message",
        entry="payments.captured",
    ),
    # The consumer loses the brokers; kafkajs gives up after its retries.
    Bug(
        "mm-consumer-broker-retries",
        "consumer",
        (
            Exc("KafkaJSConnectionError", "Connection timeout", (
                nd("node_modules/kafkajs/src/network/connection.js", "Timeout.onTimeout [as _onTimeout]", 223, 23, lib=True),
                nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True),
                nd("node:internal/timers", "process.processTimers", 519, 7, lib=True),
            )),
            Exc("KafkaJSNumberOfRetriesExceeded", "Connection timeout", (
                nd("node_modules/kafkajs/src/retry/index.js", "RetryManager.onException", 53, 18, lib=True),
                nd("node_modules/kafkajs/src/retry/index.js", "Runner.scheduleFetch", 43, 12, lib=True),
            )),
        ),
        (
            see("splunk", 3, format="kafkajs-json", group="orders-consumer"),
            see("datadog.log", style="error", msg="[Consumer] Crash", monitor="kafkajs consumer crashed", team="platform"),
            see("datadog.log", style="kind", monitor="consumer error logs", team="ticketing"),
        ),
        classes=(1, 2),
        entry="orders.created",
    ),
    # One handler, two failures: a null seat and a deadlock.
    Bug(
        "mm-seat-release-null",
        "consumer",
        (Exc("TypeError", "Cannot read properties of null (reading 'seatId')", handler(
            "orders.cancelled",
            nd("src/consumer/handlers/seat-release.handler.ts", "SeatReleaseHandler.handle", 29, 44, awaited=True),
        )),),
        (
            see("splunk", 2),
            see("splunk", format="kafkajs-json", group="seating-consumer"),
            see("datadog.log", **CONSUMER_LOGS),
        ),
        classes=(1,),
        pair="mm-seat-release-deadlock",
        log="failed to handle message",
        entry="orders.cancelled",
    ),
    Bug(
        "mm-seat-release-deadlock",
        "consumer",
        (Exc("QueryFailedError", "deadlock detected", (
            *handler(
                "orders.cancelled",
                nd("src/consumer/handlers/seat-release.handler.ts", "SeatReleaseHandler.handle", 36, 21, awaited=True),
                nd("src/seating/seat-map.repository.ts", "SeatMapRepository.release", 58, 10, awaited=True),
            ),
            *TYPEORM_UPDATE,
        )),),
        (
            see("splunk", 2),
            see("splunk", search="consumer crashes by topic", stats={"topic": "orders.cancelled", "groupId": "seating-consumer", "error": "QueryFailedError", "count": "{n}"}),
            see("datadog.log", style="kind", monitor="consumer error logs", team="ticketing"),
        ),
        classes=(1, 8),
        pair="mm-seat-release-null",
        log="failed to handle message",
        entry="orders.cancelled",
    ),
    # Nuxt storefront: the basket total read before the basket loads, in three engines.
    Bug(
        "mm-web-basket-totals",
        "web",
        (Exc("TypeError", frames=(
            *VUE_RENDER,
            js("components/basket/BasketSummary.vue", "_sfc_render", 14, 52, "BasketSummary"),
            js("composables/useBasket.ts", "grossTotal", 31, 29, "BasketSummary"),
        ), js=JsError("read-undefined", "basket.value.totals", "gross")),),
        (
            see("posthog", 2, browser="chrome", chunk="BasketSummary", release=0),
            see("posthog", browser="firefox", chunk="BasketSummary", release=1),
            see("posthog", browser="safari", chunk="BasketSummary", release=1),
            see("posthog", browser="chrome", resolved=True, chunk="BasketSummary", release=2),
            see("posthog", browser="edge", chunk="BasketSummary", release=2),
        ),
        classes=(3, 5),
        page="/basket",
        span=3,
    ),
    # A map library's method called on two components before it loads.
    Bug(
        "mm-web-seatmap-fitbounds",
        "web",
        (Exc("TypeError", frames=(
            *VUE_MOUNTED,
            js("components/seating/SeatMap.vue", "setup.onMounted", 88, 16, "SeatMap"),
        ), js=JsError("not-function", "map.value", "fitBounds", "(e)")),),
        (
            see("posthog", 2, browser="chrome", chunk="SeatMap"),
            see("posthog", browser="safari", chunk="SeatMap"),
            see("posthog", browser="firefox", resolved=True, chunk="SeatMap"),
        ),
        classes=(3, 4),
        pair="mm-web-venuemap-fitbounds",
        page="/events/harbour-lights-2026/seats",
    ),
    Bug(
        "mm-web-venuemap-fitbounds",
        "web",
        (Exc("TypeError", frames=(
            *VUE_MOUNTED,
            js("components/venue/VenueMap.vue", "setup.onMounted", 41, 16, "VenueMap"),
        ), js=JsError("not-function", "map.value", "fitBounds", "(e)")),),
        (
            see("posthog", 2, browser="chrome", chunk="VenueMap"),
            see("posthog", browser="safari", chunk="VenueMap"),
            see("posthog", hook=True, browser="chrome", chunk="VenueMap"),
        ),
        classes=(3, 4),
        pair="mm-web-seatmap-fitbounds",
        page="/venues/old-mill-yard",
    ),
    # Open tabs asking for chunks a deploy removed.
    Bug(
        "mm-web-stale-chunk",
        "web",
        (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (
            see("posthog", 2, browser="chrome", chunk="checkout", release=1),
            see("posthog", browser="firefox", chunk="checkout", release=2),
            see("posthog", browser="safari", chunk="checkout", release=2),
        ),
        classes=(3,),
        page="/checkout",
        span=3,
    ),
    # The promo field calls a string method on a number when a code is all digits.
    Bug(
        "mm-web-promo-touppercase",
        "web",
        (Exc("TypeError", frames=(
            *VUE_CLICK,
            js("components/checkout/PromoCode.vue", "applyCode", 23, 31, "checkout"),
        ), js=JsError("not-function", "code.value", "toUpperCase", "()")),),
        (
            see("posthog", 2, browser="chrome", chunk="checkout"),
            see("posthog", browser="safari", chunk="checkout"),
            see("posthog", browser="edge", resolved=True, chunk="checkout"),
        ),
        classes=(3,),
        page="/checkout",
    ),
    # Seen once.
    Bug(
        "mm-web-quota",
        "web",
        (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'mm.recentlyViewed' exceeded the quota.", (
            *VUE_CLICK,
            js("composables/useRecentlyViewed.ts", "remember", 12, 22, "index"),
        )),),
        (see("posthog", browser="chrome", chunk="index"),),
        singleton=True,
        page="/events/harbour-lights-2026",
    ),
]

NOISE = [
    Noise("mm-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api v3.42.0", "text": "Helm release api upgraded to v3.42.0 (revision 118).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("mm-noise-lag-recovered", "consumer", "datadog.metric", {"monitor": "Consumer lag on orders.created", "scope": "consumer_group:orders-consumer", "text": "Lag back under 1000 messages.", "query": "max(last_10m):max:kafka.consumer_lag{consumer_group:orders-consumer} > 1000", "metric": "kafka.consumer_lag", "priority": "P3", "transition": "Recovered"}),
    Noise("mm-noise-consumer-joined", "consumer", "splunk", {"search": "consumer - errors", "line": '{"level":"INFO","timestamp":"{tsms}","logger":"kafkajs","message":"[ConsumerGroup] Consumer has joined the group","groupId":"orders-consumer","memberId":"consumer-{hex}","leaderId":"consumer-{hex}","isLeader":true,"memberAssignment":{"orders.created":[0,1,2]},"groupProtocol":"RoundRobinAssigner","duration":{ms}}'}),
]

MALLOWMERE = Company(
    key="ak",
    name="Mallowmere Events",
    domain="mallowmere.example",
    sentry_org="",
    splunk_url="https://mallowmere.splunkcloud.com",
    splunk_guid="B71C04E9-5A2D-4F63-9E18-C2D6A83F0B47",
    datadog_org=("720445", "Mallowmere Events"),
    datadog_template="mallowmere",
    posthog_project=(88213, "Mallowmere storefront"),
    releases=("v3.40.0", "v3.41.0", "v3.41.1", "v3.42.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
)
# fmt: on
