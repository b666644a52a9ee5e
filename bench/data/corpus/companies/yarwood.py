"""(ln) Yarwood Events, a concert and theatre ticket seller's public API for partner sites: a
Fastify 4 app on Node 20 (``partner-api``: events, venues and seat maps, orders, refunds;
node-postgres, undici ``fetch`` to the payments service, TypeScript compiled by ``tsc`` to
``dist/``) and a ``setInterval`` cache refresher in the same process.

Logs: Fastify's pino JSON on stdout (``ln-fastify``): the default error handler's record with
``req``/``res``/``err`` and ``msg`` the error's message, the code's own ``request.log.error``,
Node's uncaught-exception text when the refresher crashes the process. The Splunk OTel
Collector for Kubernetes sends them to Splunk (one saved search for the service); the Datadog
agent reads them (one log monitor for the service, pasting ``err`` fields). Sentry: @sentry/node
8 with its Fastify integration. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import NODE_TICKS, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.node", "8.33.1", "npm:@sentry/node")
SERVICES = {
    "partner-api": Service("partner-api", "node", "ln-fastify", "kube:container:partner-api", "/var/log/pods/yarwood_partner-api/partner-api/0.log", "yarwood_k8s", 10730031, "node v20.12.2", framework="fastify", sdk=SDK),
}
FASTIFY = (
    nd("node_modules/fastify/lib/route.js", "Object.routeHandler [as handler]", 528, 5, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "handleRequest", 34, 5, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "preHandlerCallback", 137, 37, lib=True),
)
SERIALIZE = (
    nd("node_modules/fastify/lib/reply.js", "Reply.send", 205, 18, lib=True),
    nd("node_modules/fastify/lib/reply.js", "serialize", 614, 12, lib=True),
    nd("node_modules/fastify/lib/error-serializer.js", "anonymous", 36, 15, lib=True),
)
PG = (
    NODE_TICKS,
    nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True),
    nd("node_modules/pg/lib/client.js", "Client._handleErrorMessage", 336, 15, lib=True),
)
UNDICI = (
    NODE_TICKS,
    nd("node:internal/deps/undici/undici", "Object.fetch", 11_730, 11, lib=True),
)
PAYMENTS = nd("src/clients/payments.ts", "PaymentsClient.post", 31, 18, awaited=True)


def ts(file: str, function: str, line: int, col: int, *, awaited: bool = True) -> Frame:
    return nd(f"src/{file}", function, line, col, awaited=awaited)


def route(file: str, function: str, line: int, col: int) -> tuple[Frame, ...]:
    return (*FASTIFY, ts(f"routes/{file}", function, line, col))


SEARCH = dict(search="Yarwood - partner-api errors", owner="yw_ops", app="yarwood")
DD = dict(team="partners", monitor="[partner-api] error logs", filter="service:partner-api status:error", text="{{log.attributes.msg}}\n\n`{{log.attributes.err.type}}` {{log.attributes.req.method}} {{log.attributes.req.url}}\n\n```\n{{log.attributes.err.stack}}\n```")
DD_SAMPLE = dict(team="partners", monitor="[partner-api] error logs", filter="service:partner-api status:error", style="sample")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**DD, **opts})


PRICE = JsError("read-undefined", "section.pricing", "priceBands")
PG_UNIQUE = 'duplicate key value violates unique constraint "{c}"'

BUGS = [
    # Same TypeError, two routes.
    Bug("ln-seatmap-pricebands", "partner-api", (Exc("TypeError", js=PRICE, frames=(*route("venues.ts", "getSeatMap", 64, 21), ts("pricing/bands.ts", "bandFor", 12, 30, awaited=False))),),
        (see("sentry.error", 3), see("sentry.issue"), spl(2), dd(), dd(**DD_SAMPLE)),
        classes=(1, 2, 4), pair="ln-order-pricebands", entry="GET /v1/venues/{id}/seat-map"),
    Bug("ln-order-pricebands", "partner-api", (Exc("TypeError", js=PRICE, frames=(*route("orders.ts", "createOrder", 88, 17), ts("pricing/quote.ts", "quoteSeats", 40, 35, awaited=False))),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 2, 4), pair="ln-seatmap-pricebands", entry="POST /v1/orders"),
    # Unique violations on two tables.
    Bug("ln-order-idempotency-dup", "partner-api", (Exc("error", PG_UNIQUE.replace("{c}", "orders_partner_id_idempotency_key_key"), (*route("orders.ts", "createOrder", 101, 9), ts("db/orders.ts", "insertOrder", 22, 5), *PG)),),
        (see("sentry.error", 3), spl(2, code="23505"), dd()),
        classes=(1, 2, 4), pair="ln-ticket-seat-dup", entry="POST /v1/orders"),
    Bug("ln-ticket-seat-dup", "partner-api", (Exc("error", PG_UNIQUE.replace("{c}", "tickets_event_id_seat_id_key"), (*route("orders.ts", "createOrder", 112, 9), ts("db/tickets.ts", "holdSeats", 37, 5), *PG)),),
        (see("sentry.error", 2), spl(2, code="23505"), dd(2)),
        classes=(1, 2, 4), pair="ln-order-idempotency-dup", entry="POST /v1/orders"),
    # One payments client, two fetch failures.
    Bug("ln-payments-connect-timeout", "partner-api", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: payments.yarwood.svc:8080, timeout: 10000ms)", (nd("node_modules/undici/lib/core/connect.js", "onConnectTimeout", 237, 24, lib=True),)), Exc("TypeError", "fetch failed", (*route("refunds.ts", "createRefund", 45, 24), PAYMENTS, *UNDICI))),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 2, 9), pair="ln-payments-socket-closed", entry="POST /v1/orders/{id}/refunds"),
    Bug("ln-payments-socket-closed", "partner-api", (Exc("SocketError", "other side closed", (nd("node_modules/undici/lib/dispatcher/client-h1.js", "Socket.onHttpSocketEnd", 1033, 22, lib=True),)), Exc("TypeError", "fetch failed", (*route("orders.ts", "confirmOrder", 140, 28), PAYMENTS, *UNDICI))),
        (see("sentry.error", 2), spl(2), dd(**DD_SAMPLE)),
        classes=(1, 2, 9), pair="ln-payments-connect-timeout", entry="POST /v1/orders/{id}/confirm"),
    # Response serialization: a required property missing on two routes.
    Bug("ln-event-serialize", "partner-api", (Exc("Error", '"capacity" is required!', (*route("events.ts", "getEvent", 33, 12), *SERIALIZE)),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 2, 4), pair="ln-venue-serialize", entry="GET /v1/events/{id}"),
    Bug("ln-venue-serialize", "partner-api", (Exc("Error", '"capacity" is required!', (*route("venues.ts", "getVenue", 27, 12), *SERIALIZE)),),
        (see("sentry.error", 2), spl(), dd()),
        classes=(1, 2, 4), pair="ln-event-serialize", entry="GET /v1/venues/{id}"),
    # Invalid dates: the events list and the calendar export.
    Bug("ln-events-invalid-date", "partner-api", (Exc("RangeError", "Invalid time value", (*route("events.ts", "listEvents", 58, 30), ts("format/dates.ts", "toPartnerTime", 9, 42, awaited=False))),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 2, 4), pair="ln-ics-invalid-date", entry="GET /v1/events"),
    Bug("ln-ics-invalid-date", "partner-api", (Exc("RangeError", "Invalid time value", (*route("calendar.ts", "exportIcs", 22, 14), ts("format/ics.ts", "vevent", 31, 25, awaited=False))),),
        (see("sentry.error", 2), spl(), dd(**DD_SAMPLE)),
        classes=(1, 2, 4), pair="ln-events-invalid-date", entry="GET /v1/events/{id}/calendar.ics"),
    # The cache refresher crashing the process: Node's own text and Sentry's uncaught handler.
    Bug("ln-refresher-crash", "partner-api", (Exc("TypeError", js=JsError("read-undefined", "payload.data", "items"), frames=(nd("node:internal/timers", "listOnTimeout", 573, 17, lib=True), replace(ts("cache/refresher.ts", "refreshVenues", 19, 39, awaited=False), context="    const venues = payload.data.items.map(toVenue);"))),),
        (see("sentry.error", 3), spl(2, kind="crash"), dd(kind="crash", text="partner-api logged on {{log.host}}:\n\n{{log.message}}")),
        classes=(1, 2), log="uncaught exception"),
    # Refunds: the team's own log line for a refund above the paid amount.
    Bug("ln-refund-over", "partner-api", (Exc("RefundError", "refund of {n}00 exceeds captured amount for order {order}", (*route("refunds.ts", "createRefund", 38, 15), ts("refunds/policy.ts", "assertRefundable", 14, 11, awaited=False))),),
        (see("sentry.error", 2), spl(2, kind="team"), dd(kind="team")),
        classes=(1, 2), log="refund rejected", entry="POST /v1/orders/{id}/refunds"),
    # The pool: too many clients at the on-sale.
    Bug("ln-pg-too-many-clients", "partner-api", (Exc("error", "sorry, too many clients already", (*route("events.ts", "getEvent", 29, 20), ts("db/events.ts", "findEvent", 8, 5), *PG)),),
        (see("sentry.error", 3), spl(3), dd(2)),
        classes=(1, 2), entry="GET /v1/events/{id}"),
    # Stripe webhooks read after Fastify parsed the body: the signature never matches.
    Bug("ln-stripe-signature", "partner-api", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (*route("webhooks.ts", "stripeWebhook", 19, 38), nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 11, 24, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 113, 19, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "validateComputedSignature", 236, 15, lib=True))),),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(1, 2), entry="POST /v1/webhooks/stripe"),
    # A singleton: a stack overflow in a recursive seat-block merge.
    Bug("ln-seat-merge-recursion", "partner-api", (Exc("RangeError", "Maximum call stack size exceeded", (*route("venues.ts", "getSeatMap", 71, 18), ts("seating/merge.ts", "mergeBlocks", 5, 22, awaited=False))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/venues/{id}/seat-map"),
]

NOISE = [
    Noise("ln-noise-deploy", "partner-api", "datadog.event", {"monitor": "partner-api deployed", "text": "partner-api v4.18.0 rolled out to 4/4 pods.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "partners"}),
    Noise("ln-noise-listening", "partner-api", "splunk", {**SEARCH, "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"partner-api-6d8f9c7b5-{hex}","msg":"Server listening at http://0.0.0.0:3000"}'}),
    Noise("ln-noise-recovered", "partner-api", "datadog.log", {"monitor": "[partner-api] error logs", "transition": "Recovered", "alert_type": "success", "team": "partners", "filter": "service:partner-api status:error", "text": "partner-api error logs are back to normal."}),
]

YARWOOD = Company(
    key="ln",
    name="Yarwood Events",
    domain="yarwood.example",
    sentry_org="yarwood",
    splunk_url="https://yarwood.splunkcloud.com",
    splunk_guid="4D8A6E13-7B2C-4A91-B0F5-2E6C8D9A1F37",
    datadog_org=("1073001", "Yarwood Events"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("4.17.2", "4.18.0", "4.18.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yarwood-sentry-client-secret",
)
# fmt: on
