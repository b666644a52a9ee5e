"""(ip) Hartsop Hostels, a chain of fell hostels: a Node 20 NestJS 10 GraphQL API (``api``: code
first resolvers on Apollo Server 4 through @nestjs/apollo, TypeORM on Postgres, a DataLoader per
request, axios to the pricing service, ioredis for the rate cache, one REST controller for
Stripe's webhooks and @nestjs/schedule jobs).

Logs: Nest's default ``ConsoleLogger`` text on stdout: ``ExternalExceptionFilter``'s
``[ExceptionsHandler]`` line over the stack for every resolver error, the team's Apollo plugin
logging ``<extensions.code>: <message>`` under ``[GraphQL]`` (with the stack) for errors the
resolvers wrap in a ``GraphQLError``, and the scheduler's one-line ``[Scheduler]`` record.
One node pool runs without ``NO_COLOR``, so its lines keep the logger's colour codes and
Datadog's multi-line rule (``^\\[Nest\\]``) fails there: the monitor's sample is the first
line alone. Sentry: @sentry/nestjs with its global filter (the original error, not Apollo's
wrapper, except where the code threw a ``GraphQLError`` itself). Datadog: log monitors
pasting ``{{log.message}}``. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NEST_HTTP, NODE_TICKS, TYPEORM_INSERT, nd

# fmt: off
SDK = ("sentry.javascript.nestjs", "8.47.0", "npm:@sentry/nestjs")
SERVICES = {
    "api": Service("api", "node", "ip-nest", "", "", "", 8230411, "node v20.18.1", framework="nestjs", sdk=SDK),
}

# Nest's GraphQL resolvers: the external proxy awaits the context creator, which awaits the
# resolver method (oldest first).
CONTEXT = nd("node_modules/@nestjs/core/helpers/external-context-creator.js", "target", 74, 28, lib=True, awaited=True)


def gql(field: str) -> tuple[Frame, ...]:
    return (nd("node_modules/@nestjs/core/helpers/external-proxy.js", f"Object.{field}", 9, 24, lib=True, awaited=True), CONTEXT)


def src(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    return nd(f"src/{file}", fn, line, col, awaited=awaited)


AXIOS = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 4252, 41, lib=True, awaited=True),
    nd("node_modules/axios/dist/node/axios.cjs", "settle", 2012, 12, lib=True),
)
TYPEORM_FIND = (
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneOrFail", 537, 19, lib=True, awaited=True),
    NODE_TICKS,
)
QUOTE = src("stays/stays.resolver.ts", "StaysResolver.quoteStay", 48, 13)
PRICING_CALL = src("pricing/pricing.client.ts", "PricingClient.quote", 22, 24)
DATES = src("common/dates.ts", "formatStayDate", 11, 37, awaited=False)

LOG = {"team": "hostels", "monitor": "hostels api: errors", "filter": "service:hostels-api status:error", "text": "{{log.service}} is logging errors:\n\n```\n{{log.message}}\n```", "sample_lines": 8}
LOG_LONG = {**LOG, "sample_lines": 20}
LOG_ANSI = {**LOG, "ansi": True, "sample_lines": 1}
GQLMON = {"team": "hostels", "monitor": "hostels api: GraphQL errors", "filter": "service:hostels-api @context:GraphQL", "text": "GraphQL errors above threshold.\n\n```\n{{log.message}}\n```", "kind": "gql", "sample_lines": 6}
READ_NIGHTLY = "Cannot read properties of undefined (reading 'nightly')"

BUGS = [
    # 1. The same TypeError in two services' price lookups.
    Bug("ip-room-nightly-undefined", "api", (Exc("TypeError", READ_NIGHTLY, (*gql("quoteStay"), QUOTE, src("rates/rates.service.ts", "RatesService.roomRate", 61, 37, awaited=False))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **LOG), see("datadog.log", **LOG_ANSI)),
        classes=(4,), pair="ip-extras-nightly-undefined", entry="quoteStay"),
    Bug("ip-extras-nightly-undefined", "api", (Exc("TypeError", READ_NIGHTLY, (*gql("addExtras"), src("extras/extras.resolver.ts", "ExtrasResolver.addExtras", 30, 18), src("extras/extras.service.ts", "ExtrasService.priceExtra", 44, 29, awaited=False))),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOG)),
        classes=(4,), pair="ip-room-nightly-undefined", entry="addExtras"),
    # 2. One resolver wrapping the pricing client's failures in a GraphQLError: a timeout, a 503.
    Bug("ip-pricing-timeout", "api", (Exc("GraphQLError", "Pricing failed: timeout of 8000ms exceeded", (*gql("quoteStay"), QUOTE)),),
        (see("sentry.error", 3), see("sentry.alert", rule="Quotes failing"), see("datadog.log", code="PRICING_FAILED", **GQLMON), see("datadog.log", **LOG)),
        classes=(4, 9), pair="ip-pricing-503", entry="quoteStay"),
    Bug("ip-pricing-503", "api", (Exc("GraphQLError", "Pricing failed: Request failed with status code 503", (*gql("quoteStay"), QUOTE)),),
        (see("sentry.error", 2), see("datadog.log", 2, code="PRICING_FAILED", **GQLMON), see("datadog.log", **LOG_ANSI)),
        classes=(4, 9), pair="ip-pricing-timeout", entry="quoteStay"),
    # 3. Two unique constraints through TypeORM's insert.
    Bug("ip-dup-guest-email", "api", (Exc("QueryFailedError", "duplicate key value violates unique constraint \"UQ_guest_email\"", (*gql("registerGuest"), src("guests/guests.resolver.ts", "GuestsResolver.registerGuest", 25, 16), src("guests/guests.service.ts", "GuestsService.create", 38, 23), *TYPEORM_INSERT)),),
        (see("sentry.error", 3), see("datadog.log", **LOG_LONG), see("datadog.log", **LOG)),
        classes=(4,), pair="ip-dup-booking-ref", entry="registerGuest"),
    Bug("ip-dup-booking-ref", "api", (Exc("QueryFailedError", "duplicate key value violates unique constraint \"UQ_booking_ref\"", (*gql("confirmBooking"), src("bookings/bookings.resolver.ts", "BookingsResolver.confirmBooking", 57, 16), src("bookings/bookings.service.ts", "BookingsService.confirm", 91, 23), *TYPEORM_INSERT)),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **LOG)),
        classes=(4,), pair="ip-dup-guest-email", entry="confirmBooking"),
    # 4. findOneOrFail on two entities.
    Bug("ip-booking-not-found", "api", (Exc("EntityNotFoundError", "Could not find any entity of type \"Booking\" matching: {\n    \"where\": {\n        \"ref\": \"HS-{id}\"\n    }\n}", (*gql("booking"), src("bookings/bookings.resolver.ts", "BookingsResolver.booking", 22, 16), src("bookings/bookings.service.ts", "BookingsService.byRef", 40, 19), *TYPEORM_FIND)),),
        (see("sentry.error", 3), see("datadog.log", **LOG), see("datadog.log", **LOG_ANSI)),
        classes=(4,), pair="ip-room-not-found", entry="booking"),
    Bug("ip-room-not-found", "api", (Exc("EntityNotFoundError", "Could not find any entity of type \"Room\" matching: {\n    \"where\": {\n        \"id\": \"{uuid}\"\n    }\n}", (*gql("moveBooking"), src("bookings/bookings.resolver.ts", "BookingsResolver.moveBooking", 71, 16), src("rooms/rooms.service.ts", "RoomsService.byId", 19, 19), *TYPEORM_FIND)),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOG)),
        classes=(4,), pair="ip-booking-not-found", entry="moveBooking"),
    # 5. One date helper at the end of two bugs.
    Bug("ip-arrivals-invalid-date", "api", (Exc("RangeError", "Invalid time value", (*gql("arrivalsToday"), src("stays/arrivals.resolver.ts", "ArrivalsResolver.arrivalsToday", 34, 25), DATES, nd("node_modules/date-fns/format.js", "format", 356, 11, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **LOG)),
        classes=(4,), pair="ip-invoice-invalid-date", entry="arrivalsToday"),
    Bug("ip-invoice-invalid-date", "api", (Exc("RangeError", "Invalid time value", (*gql("invoice"), src("invoices/invoices.resolver.ts", "InvoicesResolver.invoice", 19, 16), src("invoices/invoice.renderer.ts", "InvoiceRenderer.lines", 52, 30, awaited=False), DATES, nd("node_modules/date-fns/format.js", "format", 356, 11, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", **LOG_LONG)),
        classes=(4,), pair="ip-arrivals-invalid-date", entry="invoice"),
    # Not pairs.
    Bug("ip-dataloader-length", "api", (Exc("TypeError", "DataLoader must be constructed with a function which accepts Array<key> and returns Promise<Array<value>>, but the function did not return a Promise of an Array of the same length as the Array of keys.\n\nKeys:\n{uuid},{uuid2}\n\nValues:\n[object Object]", (nd("node_modules/dataloader/index.js", "", 293, 16, lib=True), NODE_TICKS, src("rooms/rooms.loader.ts", "RoomsLoader.batchBeds", 17, 20))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.error", release=2), see("datadog.log", release=2, **LOG)),
        classes=(5,), entry="bedsForRoom", span=3, renames={"RoomsLoader.batchBeds": "RoomsLoader.loadBedsByRoom"}),
    Bug("ip-rate-cache-timeout", "api", (Exc("Error", "Command timed out", (*gql("quoteStay"), QUOTE, src("rates/rates.cache.ts", "RatesCache.get", 14, 26), nd("node_modules/ioredis/built/Command.js", "Timeout._onTimeout", 192, 33, lib=True), nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", **LOG), see("datadog.log", **LOG_ANSI)),
        classes=(9,), entry="quoteStay"),
    Bug("ip-stripe-signature", "api", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://docs.stripe.com/webhooks/signature\n", (*NEST_HTTP, src("payments/stripe-webhook.controller.ts", "StripeWebhookController.handle", 29, 37, awaited=False), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 71, 23, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **LOG)),
        entry="POST /payments/stripe/webhook"),
    Bug("ip-cron-housekeeping", "api", (Exc("TypeError", "Cannot read properties of null (reading 'checkOut')", (src("housekeeping/housekeeping.job.ts", "HousekeepingJob.buildRota", 36, 41), nd("node_modules/@nestjs/schedule/dist/schedule.explorer.js", "", 134, 34, lib=True, awaited=True))),),
        (see("sentry.error", 2), see("datadog.log", 2, kind="scheduler", team="hostels", monitor="hostels api: errors", filter="service:hostels-api status:error", text="{{log.service}} is logging errors:\n\n```\n{{log.message}}\n```", sample_lines=3)),
        entry="housekeeping-rota"),
    Bug("ip-pg-connect-timeout", "api", (Exc("Error", "Connection terminated due to connection timeout", (nd("node_modules/pg-pool/index.js", "Timeout.<anonymous>", 45, 11, lib=True), nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True), nd("node:internal/timers", "process.processTimers", 519, 7, lib=True), nd("node_modules/typeorm/driver/postgres/PostgresDriver.js", "PostgresDriver.obtainMasterConnection", 883, 28, lib=True, awaited=True))),),
        (see("sentry.error", 3), see("sentry.alert", rule="Database connection errors"), see("datadog.log", 2, **LOG)),
        classes=(9, 10), entry="bookings"),
    Bug("ip-singleton-depth", "api", (Exc("GraphQLError", "Query exceeds maximum depth of 8 (found 11).", (nd("node_modules/graphql-depth-limit/index.js", "determineDepth", 74, 13, lib=True),)),),
        (see("sentry.error"),),
        singleton=True, entry="bookings"),
]

NOISE = [
    Noise("ip-noise-deploy", "api", "datadog.event", {"monitor": "Deployed hostels-api 2026.03.2", "text": "hostels-api 2026.03.2 rolled out (4/4 tasks healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hostels"}),
    Noise("ip-noise-recovered", "api", "datadog.log", {"monitor": "hostels api: GraphQL errors", "transition": "Recovered", "alert_type": "success", "team": "hostels", "filter": "service:hostels-api @context:GraphQL", "text": "GraphQL errors back under threshold."}),
]

HARTSOP = Company(
    key="ip",
    name="Hartsop Hostels",
    domain="hartsophostels.example",
    sentry_org="hartsop-hostels",
    splunk_url="",
    splunk_guid="",
    datadog_org=("823041", "Hartsop Hostels"),
    datadog_template="recommended",
    posthog_project=(82304, "Hartsop"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hartsop-sentry-client-secret",
)
# fmt: on
