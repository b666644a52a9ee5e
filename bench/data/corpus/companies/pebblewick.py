"""(ay) Pebblewick Tickets, a box office for small venues and festivals: one Next.js 14 App
Router app on Node 20 (``next start`` from the standalone build on Kubernetes): route
handlers under ``/api`` (``box-office``), server actions and Server Components in the same
process, the edge middleware (``box-office-edge``: the geo and bot checks, run in Next's
edge sandbox) and the browser side (``box-office-web``, webpack chunks under
``/_next/static/chunks/…``).

Sentry: @sentry/nextjs for all three (server frames mapped by the uploaded source maps,
browser frames mapped or, for a release whose upload failed, raw). PostHog: posthog-js in the
browser (Chrome, Edge, Firefox, Safari; raw and resolved frames) and posthog-node's
``captureException`` in a few route handlers' catches. Splunk indexes the pods' stdout and
stderr through the OpenTelemetry collector: Next's own `` ⨯ `` error output and the app's
pino lines, both with the compiled, minified ``.next/server`` stacks (no
``--enable-source-maps``). No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501, RUF002

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.nextjs", "8.38.0", "npm:@sentry/nextjs")
RELEASES = ("box-office@4.12.0", "box-office@4.13.0", "box-office@4.13.1")
SERVICES = {
    "box-office": Service("box-office", "node", "next-console", "kube:container:next", "/var/log/pods/pw-prod_box-office/next/0.log", "pw_prod", 8810011, "node v20.18.0", framework="auto.function.nextjs", sdk=SDK, releases=RELEASES),
    "box-office-edge": Service("box-office-edge", "node", "next-console", "kube:container:next", "/var/log/pods/pw-prod_box-office/next/0.log", "pw_prod", 8810011, "node v20.18.0", framework="auto.function.nextjs.middleware", sdk=SDK, releases=RELEASES),
    "box-office-web": Service("box-office-web", "javascript", "", "", "", "", 8810014, origin="https://tickets.pebblewick.example", framework="generic", sdk=SDK, releases=RELEASES),
}

RT = "node_modules/next/dist/compiled/next-server/"
BASE = "node_modules/next/dist/server/base-server.js"
# A route handler (oldest first): Next's base server rendering the route, the app-route
# runtime's minified module calling the exported handler.
ROUTE = (
    nd(BASE, "doRender", 1366, 42, lib=True, awaited=True),
    nd(RT + "app-route.runtime.prod.js", "e_.handle", 6, 39943, lib=True, awaited=True),
    nd(RT + "app-route.runtime.prod.js", "e_.execute", 6, 27880, lib=True, awaited=True),
    nd(RT + "app-route.runtime.prod.js", "", 6, 38411, lib=True, awaited=True),
)
# A server action posted from a page: the app-page runtime's action handler.
ACTION = (
    nd(BASE, "doRender", 1366, 42, lib=True, awaited=True),
    nd(RT + "app-page.runtime.prod.js", "rj", 16, 4432, lib=True, awaited=True),
    nd(RT + "app-page.runtime.prod.js", "", 15, 7986, lib=True, awaited=True),
)
# A Server Component rendering (React's Flight renderer inside the app-page runtime).
RSC = (
    nd(RT + "app-page.runtime.prod.js", "em", 12, 131276, lib=True),
    nd(RT + "app-page.runtime.prod.js", "", 12, 142976, lib=True),
    nd(RT + "app-page.runtime.prod.js", "Array.toJSON", 12, 146848, lib=True),
)
# The edge middleware, run by Next's sandbox for every matched request.
MIDDLEWARE = (
    nd("node_modules/next/dist/server/web/sandbox/sandbox.js", "runWithTaggedErrors", 100, 24, lib=True, awaited=True),
    nd("node_modules/next/dist/server/next-server.js", "NextNodeServer.runMiddleware", 1047, 24, lib=True, awaited=True),
    nd(".next/server/src/middleware.js", "adapter", 1, 3514, lib=True, awaited=True),
)


def src(file: str, function: str, line: int, col: int = 5, awaited: bool = False) -> Frame:
    return nd(f"src/{file}", function, line, col, awaited=awaited)


def prisma_unique(app: tuple[Frame, ...], model: str, call: str, fields: str) -> Exc:
    """Prisma 5's ``PrismaClientKnownRequestError`` P2002 as its message prints it."""
    frames = (*app, nd("node_modules/@prisma/client/runtime/library.js", "ei.handleRequestError", 123, 6854, lib=True), nd("node_modules/@prisma/client/runtime/library.js", "ei.handleAndLogRequestError", 123, 6211, lib=True))
    return Exc("PrismaClientKnownRequestError", f"\nInvalid `prisma.{model}.{call}()` invocation:\n\n\nUnique constraint failed on the fields: ({fields})", frames)


# Every call to another internal service goes through one helper that throws the app's own
# error on a non-2xx answer: two bugs end in it.
FETCH_JSON = src("lib/http/fetch-json.ts", "fetchJson", 31, 11)
REACT_FW = "node_modules/next/dist/compiled/react-dom/cjs/react-dom.production.min.js"
WEB_CLICK, WEB_RENDER, WEB_EFFECT = (tuple(replace(f, file=REACT_FW, bundle="fd9d1056") for f in frames) for frames in (REACT_CLICK, REACT_RENDER, REACT_EFFECT))
CHECKOUT_5XX = dict(search="box-office 5xx by route (15m)", app="pw_sre", owner="sre")
NEXT_ERRORS = dict(search="box-office - next errors", app="pw_sre", owner="sre")
PINO_ERRORS = dict(search="box-office - app errors (pino)", app="pw_sre", owner="sre", format="next-pino")

BUGS = [
    # The same undefined read in two places: the checkout route pricing a seat whose section
    # was not loaded, and the hold action reserving a seat missing from the seat map.
    Bug("ay-checkout-seat-section", "box-office", (Exc("TypeError", "Cannot read properties of undefined (reading 'section')", (*ROUTE, src("app/api/checkout/route.ts", "POST", 38, 27, awaited=True), src("lib/checkout/build-order.ts", "buildOrder", 54, 22), src("lib/pricing/seat-price.ts", "priceSeat", 17, 33))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **NEXT_ERRORS), see("splunk", stats={"route": "POST /api/checkout", "status": "500", "count": "{n}", "pods": "3"}, **CHECKOUT_5XX)),
        classes=(4,), pair="ay-hold-seat-section", entry="POST /api/checkout", span=2, renames={"buildOrder": "buildDraftOrder"}),
    Bug("ay-hold-seat-section", "box-office", (Exc("TypeError", "Cannot read properties of undefined (reading 'section')", (*ACTION, src("app/events/[slug]/seats/actions.ts", "holdSeats", 22, 18, awaited=True), src("lib/holds/reserve.ts", "reserveSeats", 61, 40))),),
        (see("sentry.error", 2), see("posthog", resolved=True, mechanism="generic"), see("splunk", 2, **NEXT_ERRORS)),
        classes=(4,), pair="ay-checkout-seat-section", entry="POST /events/{slug}/seats"),
    # Two internal services failing through the one fetch helper.
    Bug("ay-availability-inventory-503", "box-office", (Exc("UpstreamError", "inventory-api responded 503 Service Unavailable for GET /v2/events/{id}/availability", (*ROUTE, src("app/api/events/[id]/availability/route.ts", "GET", 14, 22, awaited=True), src("lib/inventory/client.ts", "getAvailability", 40, 10, awaited=True), FETCH_JSON)),),
        (see("sentry.error", 3), see("sentry.alert", rule="box-office: new high-volume issue"), see("splunk", 2, **NEXT_ERRORS)),
        classes=(9,), pair="ay-promo-engine-422", entry="GET /api/events/{id}/availability", span=2),
    Bug("ay-promo-engine-422", "box-office", (Exc("UpstreamError", "promo-engine responded 422 Unprocessable Entity for POST /v1/codes/redeem", (*ACTION, src("app/checkout/actions.ts", "applyPromoCode", 47, 20, awaited=True), src("lib/promo/client.ts", "redeemCode", 19, 10, awaited=True), FETCH_JSON)),),
        (see("sentry.error", 2), see("posthog", 2, resolved=True, mechanism="generic"), see("splunk", 2, **PINO_ERRORS)),
        classes=(9,), pair="ay-availability-inventory-503", entry="POST /checkout", log="applyPromoCode failed", handled=True),
    # Prisma's unique violations: the fields in the message are the bug.
    Bug("ay-order-idempotency-unique", "box-office", (prisma_unique((*ROUTE, src("app/api/orders/route.ts", "POST", 29, 24, awaited=True), src("lib/orders/create-order.ts", "createOrder", 66, 31, awaited=True)), "order", "create", "`idempotency_key`"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **PINO_ERRORS), see("posthog", resolved=True, mechanism="generic")),
        classes=(4,), pair="ay-transfer-seat-unique", entry="POST /api/orders", log="order create failed"),
    Bug("ay-transfer-seat-unique", "box-office", (prisma_unique((*ACTION, src("app/tickets/[ticketId]/transfer/actions.ts", "transferTicket", 35, 28, awaited=True), src("lib/tickets/transfer.ts", "reissueTicket", 52, 24, awaited=True)), "ticket", "create", "`event_id`,`seat_id`"),),
        (see("sentry.error", 3), see("splunk", 2, **PINO_ERRORS)),
        classes=(4,), pair="ay-order-idempotency-unique", entry="POST /tickets/{ticketId}/transfer", log="transfer failed", span=2),
    # One Server Component helper, two exceptions: an event whose doors time is not a date,
    # and an event without a venue.
    Bug("ay-event-doors-invalid-date", "box-office", (Exc("RangeError", "Invalid time value", (*RSC, src("app/events/[slug]/page.tsx", "EventPage", 41, 16), src("lib/format/doors.ts", "formatDoors", 12, 10), nd("node_modules/date-fns/format.js", "format", 361, 11, lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, digest=True, **NEXT_ERRORS)),
        classes=(4,), pair="ay-event-doors-venue-null", entry="GET /events/{slug}"),
    Bug("ay-event-doors-venue-null", "box-office", (Exc("TypeError", "Cannot read properties of null (reading 'timezone')", (*RSC, src("app/events/[slug]/page.tsx", "EventPage", 41, 16), src("lib/format/doors.ts", "formatDoors", 9, 38))),),
        (see("sentry.error", 2), see("splunk", 2, digest=True, **NEXT_ERRORS)),
        classes=(4,), pair="ay-event-doors-invalid-date", entry="GET /events/{slug}"),
    # Self-hosted, the edge middleware gets no ``req.geo``: every request from a new region
    # throws before the bot check.
    Bug("ay-edge-geo-undefined", "box-office-edge", (Exc("TypeError", "Cannot read properties of undefined (reading 'country')", (*MIDDLEWARE, src("middleware.ts", "middleware", 23, 31), src("lib/edge/region.ts", "resolveRegion", 8, 22))),),
        (see("sentry.error", 3), see("splunk", 2, **NEXT_ERRORS)),
        classes=(1,), entry="GET /events/{slug}", span=2, renames={"resolveRegion": "regionFor"}),
    # Apple Wallet passes: the signing service times out (posthog-node in the handler's catch).
    Bug("ay-pkpass-sign-timeout", "box-office", (Exc("TimeoutError", "The operation was aborted due to timeout", (*ROUTE, src("app/api/tickets/[id]/pkpass/route.ts", "GET", 31, 26, awaited=True), src("lib/wallet/sign-pass.ts", "signPass", 44, 23, awaited=True), nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True))),),
        (see("posthog", resolved=True), see("posthog"), see("sentry.error"), see("splunk", 2, **PINO_ERRORS)),
        classes=(6, 10), entry="GET /api/tickets/{id}/pkpass", log="pkpass signing failed"),
    # Stripe's webhook route verifying the signature over a body that was parsed first.
    Bug("ay-stripe-webhook-signature", "box-office", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (*ROUTE, src("app/api/webhooks/stripe/route.ts", "POST", 18, 36, awaited=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 20, 47, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 134, 19, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **PINO_ERRORS)),
        entry="POST /api/webhooks/stripe", log="stripe webhook rejected", handled=True),
    # Access-needs forms with a photo of a carer card: Next rejects the server action's body
    # before any of the app's code runs.
    Bug("ay-access-needs-body-limit", "box-office", (Exc("Error", "Body exceeded 1 MB limit.\nTo configure the body size limit for Server Actions, see: https://nextjs.org/docs/app/api-reference/next-config-js/serverActions#bodysizelimit", (*ACTION[:2], nd(RT + "app-page.runtime.prod.js", "rT", 15, 2011, lib=True, awaited=True), nd(RT + "app-page.runtime.prod.js", "IncomingMessage.<anonymous>", 15, 1190, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **NEXT_ERRORS)),
        entry="POST /account/access-needs", span=2),
    # ISR revalidation warnings: durations and sizes that change length.
    Bug("ay-isr-revalidate-slow", "box-office", (),
        (see("splunk", 4, search="box-office - slow revalidation", app="pw_sre", owner="sre", line='{"level":40,"time":{epochms},"pid":1,"hostname":"box-office-7c9d8f6b54-x2k8p","path":"/events/{id}","msg":"revalidatePath took {dur}, rendered {size}"}'),),
        classes=(7,)),
    # The browser: the same QR payload read in the wallet and in the ticket card.
    Bug("ay-web-wallet-qr", "box-office-web", (Exc("TypeError", frames=(*WEB_RENDER, js("src/app/tickets/TicketWallet.tsx", "TicketWallet", 57, 38, "app/tickets/page")), js=JsError("read-undefined", "ticket.qr", "payload")),),
        (see("sentry.error", 2, browser="chrome", chunk="app/tickets/page"), see("sentry.error", browser="firefox", chunk="app/tickets/page", release=1), see("sentry.error", browser="safari", chunk="app/tickets/page", raw=True, release=2), see("posthog", browser="chrome", chunk="app/tickets/page", mechanism="generic"), see("posthog", browser="safari", chunk="app/tickets/page", resolved=True, mechanism="generic", release=1), see("posthog", browser="edge", chunk="app/tickets/page", mechanism="generic", release=2)),
        classes=(3, 4), pair="ay-web-ticketcard-qr", span=3, page="/tickets"),
    Bug("ay-web-ticketcard-qr", "box-office-web", (Exc("TypeError", frames=(*WEB_EFFECT, js("src/components/tickets/TicketCard.tsx", "TicketCard.useEffect", 33, 27, "app/orders/[orderId]/page")), js=JsError("read-undefined", "ticket.qr", "payload")),),
        (see("sentry.error", browser="chrome", chunk="app/orders/[orderId]/page"), see("sentry.error", browser="safari", chunk="app/orders/[orderId]/page"), see("posthog", browser="firefox", chunk="app/orders/[orderId]/page", mechanism="generic"), see("posthog", browser="chrome", chunk="app/orders/[orderId]/page", resolved=True, mechanism="generic")),
        classes=(3, 4), pair="ay-web-wallet-qr", page="/orders/88412"),
    # The seat picker calling a method the seat-map library renamed in a minor release.
    Bug("ay-web-seatpicker-getblock", "box-office-web", (Exc("TypeError", frames=(*WEB_CLICK, js("src/app/events/[slug]/seats/SeatPicker.tsx", "onSeatClick", 88, 19, "app/events/[slug]/seats/page"), js("src/lib/seatmap/select.ts", "selectSeat", 21, 27, "app/events/[slug]/seats/page")), js=JsError("not-function", "seatMap", "getBlock", "(e.blockId)")),),
        (see("sentry.error", 2, browser="chrome", chunk="app/events/[slug]/seats/page"), see("sentry.error", browser="firefox", chunk="app/events/[slug]/seats/page", release=1), see("sentry.error", browser="safari", chunk="app/events/[slug]/seats/page", release=1), see("posthog", browser="edge", chunk="app/events/[slug]/seats/page", mechanism="generic"), see("posthog", browser="safari", chunk="app/events/[slug]/seats/page", mechanism="generic", release=1), see("posthog", browser="chrome", chunk="app/events/[slug]/seats/page", resolved=True, mechanism="generic", release=1)),
        classes=(3,), span=2, page="/events/spring-folk-weekender/seats"),
    # After a deploy, open checkout tabs load a chunk that is gone.
    Bug("ay-web-chunk-load", "box-office-web", (Exc("ChunkLoadError", "Loading chunk 7214 failed.\n(error: {chunkurl})", (js("node_modules/next/dist/client/app-index.js", "__webpack_require__.f.j", 1, 3911, "webpack", lib=True), js("node_modules/next/dist/client/components/layout-router.js", "fetchServerResponse", 1, 20412, "main-app", lib=True))),),
        (see("sentry.error", browser="chrome", chunk="7214", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="7214", mechanism="onunhandledrejection", release=1), see("posthog", browser="safari", chunk="7214", mechanism="onunhandledrejection"), see("posthog", 2, browser="chrome", chunk="7214", mechanism="onunhandledrejection", release=1)),
        classes=(3,), span=2, page="/checkout"),
    # Seen once: Safari refusing the share sheet outside a user gesture.
    Bug("ay-web-share-notallowed", "box-office-web", (Exc("NotAllowedError", "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.", (*WEB_CLICK, js("src/components/tickets/ShareButton.tsx", "share", 14, 21, "app/tickets/page"))),),
        (see("sentry.error", browser="safari", chunk="app/tickets/page", mechanism="onunhandledrejection"),),
        singleton=True, page="/tickets"),
]

NOISE = [
    Noise("ay-noise-next-ready", "box-office", "splunk", {**NEXT_ERRORS, "line": "  ▲ Next.js 14.2.18\n  - Local:        http://box-office-7c9d8f6b54-x2k8p:3000\n  - Network:      http://0.0.0.0:3000\n\n ✓ Starting...\n ✓ Ready in 389ms"}),
    Noise("ay-noise-info-pino", "box-office", "splunk", {**PINO_ERRORS, "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"box-office-7c9d8f6b54-qm4rt","msg":"on-sale opened for event {id}"}'}),
    Noise("ay-noise-sentry-resolved", "box-office", "sentry.metric", {"rule": "box-office error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

PEBBLEWICK = Company(
    key="ay",
    name="Pebblewick Tickets",
    domain="pebblewick.example",
    sentry_org="pebblewick",
    splunk_url="https://pebblewick.splunkcloud.com",
    splunk_guid="3E1B6F2A-9C47-4D08-B5E3-71A0C2D9F846",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(97213, "Pebblewick box office"),
    releases=("4.12.0", "4.13.0", "4.13.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pebblewick-sentry-client-secret",
)
# fmt: on
