"""(bp) Lanternfly Cinemas, a chain of independent cinemas selling tickets online: a NestJS 10 API
on Node 20 with Prisma 5 over Postgres (``booking-api``: showtimes, seat holds, bookings,
promo codes, Stripe webhooks; ``@nestjs/schedule`` cron jobs syncing the distributor's
showtimes and film ratings) and a Next.js 13 pages-router site (``cinema-site``, rendered by
``getServerSideProps`` on Node, and its browser side ``cinema-web``: webpack chunks under
``/_next/static/chunks/``).

Sentry: @sentry/node 7 in the API (a global exception filter calls ``captureException``)
and @sentry/nextjs 7 on both sides of the site (source maps uploaded at build; one release's
upload failed for the client). Datadog: dd-trace on both Node services (APM monitors) and
the API's nestjs-pino JSON logs (log monitors paste ``err`` attributes: nestjs-pino builds
``err`` with ``new Error(message)``, so ``err.type`` is ``Error`` whatever Prisma or axios
threw); monitors post the team's own flat template with the plain-text message. No Splunk,
no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NEST_HTTP, NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
NEXT_SDK = ("sentry.javascript.nextjs", "7.110.1", "npm:@sentry/nextjs")
SERVICES = {
    "booking-api": Service("booking-api", "node", "bp-nest-pino", "", "", "", 7160041, "node v20.12.2"),
    "cinema-site": Service("cinema-site", "node", "bp-nest-pino", "", "", "", 7160043, "node v20.12.2", framework="nextjs", sdk=NEXT_SDK),
    "cinema-web": Service("cinema-web", "javascript", "", "", "", "", 7160044, origin="https://www.lanternfly.example", framework="nextjs", sdk=NEXT_SDK),
}

TEAM = "tickets"
PRISMA = "node_modules/@prisma/client/runtime/library.js"


def prisma_call(app: tuple[Frame, ...]) -> tuple[Frame, ...]:
    """The API awaiting a Prisma client call that fails in the query engine's response."""
    return (
        *NEST_HTTP,
        *app,
        nd(PRISMA, "l", 127, 11167, lib=True, awaited=True),
        nd(PRISMA, "In.request", 122, 5919, lib=True),
        nd(PRISMA, "In.handleAndLogRequestError", 122, 6211, lib=True),
        nd(PRISMA, "In.handleRequestError", 122, 6877, lib=True),
    )


def prisma_error(call: str, where: str, line: str, what: str) -> str:
    return f"\nInvalid `{call}` invocation in\n{where}\n\n→ {line}\n{what}"


def svc(path: str, function: str, line: int, col: int) -> Frame:
    return nd(f"src/{path}", function, line, col, awaited=True)


AXIOS = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 3876, 41, lib=True),
    NODE_TICKS,
    nd("node:internal/streams/readable", "endReadableNT", 1400, 12, lib=True),
    nd("node:events", "IncomingMessage.emit", 529, 35, lib=True),
    nd("node_modules/axios/dist/node/axios.cjs", "IncomingMessage.handleStreamEnd", 3065, 11, lib=True),
    nd("node_modules/axios/dist/node/axios.cjs", "settle", 1966, 12, lib=True),
)
# Both distributor syncs go through one client; its frame sits above axios in both.
GET_JSON = svc("distributor/distributor.client.ts", "DistributorClient.getJson", 28, 22)

# Next.js 13 pages router running getServerSideProps (oldest first).
NEXT_SSR = (
    nd("node_modules/next/dist/server/base-server.js", "NextNodeServer.renderToResponseWithComponentsImpl", 1071, 28, lib=True, awaited=True),
    nd("node_modules/next/dist/server/render.js", "renderToHTMLImpl", 565, 20, lib=True, awaited=True),
)


def page(path: str, function: str, line: int, col: int) -> Frame:
    return nd(f"src/pages/{path}", function, line, col, awaited=True)


# The browser: react-dom in the framework chunk, webpack's runtime in webpack.js.
RDOM = "node_modules/react-dom/cjs/react-dom.production.min.js"
CLIENT_RENDER = (
    js(RDOM, "Sk", 293, 39, "framework", lib=True),
    js(RDOM, "Jk", 276, 11, "framework", lib=True),
    js(RDOM, "Vh", 158, 137, "framework", lib=True),
)
CLIENT_CLICK = (
    js(RDOM, "Rb", 54, 317, "framework", lib=True),
    js(RDOM, "Ub", 54, 471, "framework", lib=True),
)
HYDRATE = (
    js(RDOM, "Yg", 147, 176, "framework", lib=True),
    js(RDOM, "Zg", 146, 420, "framework", lib=True),
)


def web(file: str, function: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"src/{file}", function, line, col, chunk)


API_LOG = dict(monitor="booking-api error logs", team=TEAM, filter="service:booking-api status:error", text="booking-api logged an error ({{log.attributes.context}}) on {{log.host}}\n\n{{log.attributes.err.type}}: {{log.attributes.err.message}}\nurl: {{log.attributes.req.url}}")
CRON_LOG = dict(monitor="booking-api cron failures", team=TEAM, filter="service:booking-api @context:Scheduler status:error", text="A cron job failed on booking-api:\n\n{{log.attributes.msg}}\n\n{{log.attributes.err.stack}}")
APM_TYPE = dict(style="type", monitor="booking-api errors by type", team=TEAM)
SITE_APM = dict(style="route", team=TEAM)
CLIENT = {"mechanism": "onerror"}

BUGS = [
    # Prisma P2002 on two unique indexes: a seat sold twice, an account registered twice.
    Bug("bp-seat-double-booked", "booking-api", (Exc("PrismaClientKnownRequestError", prisma_error("this.prisma.booking.create()", "/app/dist/bookings/bookings.service.js:41:52", "41 const booking = await this.prisma.booking.create(", "Unique constraint failed on the fields: (`showtimeId`,`seatId`)"), prisma_call((svc("bookings/bookings.controller.ts", "BookingsController.create", 24, 16), svc("bookings/bookings.service.ts", "BookingsService.create", 38, 29)))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **API_LOG), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bp-account-email-taken", entry="POST /bookings"),
    Bug("bp-account-email-taken", "booking-api", (Exc("PrismaClientKnownRequestError", prisma_error("this.prisma.customer.create()", "/app/dist/customers/customers.service.js:19:50", "19 return this.prisma.customer.create(", "Unique constraint failed on the fields: (`email`)"), prisma_call((svc("customers/customers.controller.ts", "CustomersController.register", 17, 16), svc("customers/customers.service.ts", "CustomersService.register", 17, 23)))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **API_LOG), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bp-seat-double-booked", span=2, entry="POST /customers"),
    # Prisma P2025 (record to update not found) in two services: promo codes, gift cards.
    Bug("bp-promo-not-found", "booking-api", (Exc("PrismaClientKnownRequestError", prisma_error("this.prisma.promoCode.update()", "/app/dist/promos/promos.service.js:33:44", "33 await this.prisma.promoCode.update(", "An operation failed because it depends on one or more records that were required but not found. Record to update not found."), prisma_call((svc("promos/promos.controller.ts", "PromosController.redeem", 21, 16), svc("promos/promos.service.ts", "PromosService.redeem", 31, 17)))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", **API_LOG)),
        classes=(4,), pair="bp-giftcard-not-found", entry="POST /promos/{code}/redeem", span=2),
    Bug("bp-giftcard-not-found", "booking-api", (Exc("PrismaClientKnownRequestError", prisma_error("this.prisma.giftCard.update()", "/app/dist/giftcards/giftcards.service.js:52:46", "52 const card = await this.prisma.giftCard.update(", "An operation failed because it depends on one or more records that were required but not found. Record to update not found."), prisma_call((svc("giftcards/giftcards.controller.ts", "GiftCardsController.apply", 30, 16), svc("giftcards/giftcards.service.ts", "GiftCardsService.apply", 49, 30)))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **API_LOG)),
        classes=(4,), pair="bp-promo-not-found", entry="POST /giftcards/{code}/apply"),
    # One price quote, two exceptions: a showtime without a price band, a bad currency code.
    Bug("bp-quote-no-band", "booking-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'amount')", (*NEST_HTTP, svc("pricing/pricing.controller.ts", "PricingController.quote", 18, 16), nd("src/pricing/pricing.service.ts", "PricingService.quote", 44, 40))),),
        (see("sentry.error", 2), see("datadog.apm", **APM_TYPE), see("datadog.log", **API_LOG)),
        classes=(4,), pair="bp-quote-bad-currency", entry="GET /showtimes/{id}/quote"),
    Bug("bp-quote-bad-currency", "booking-api", (Exc("RangeError", "Invalid currency code : £", (*NEST_HTTP, svc("pricing/pricing.controller.ts", "PricingController.quote", 18, 16), nd("src/pricing/pricing.service.ts", "PricingService.quote", 51, 23))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.apm", **APM_TYPE), see("datadog.log", **API_LOG)),
        classes=(4,), pair="bp-quote-no-band", entry="GET /showtimes/{id}/quote"),
    # Two cron jobs fail in the distributor client they share (a 503 from the distributor).
    Bug("bp-showtime-sync-503", "booking-api", (Exc("AxiosError", "Request failed with status code 503", (svc("showtimes/showtime-sync.service.ts", "ShowtimeSyncService.syncFromDistributor", 36, 33), GET_JSON, *AXIOS)),),
        (see("sentry.error", 2, mechanism="generic"), see("datadog.log", 2, **CRON_LOG)),
        classes=(9,), pair="bp-ratings-sync-503", log="Request failed with status code 503", logger="Scheduler", entry="ShowtimeSyncService.syncFromDistributor"),
    Bug("bp-ratings-sync-503", "booking-api", (Exc("AxiosError", "Request failed with status code 503", (svc("films/ratings-sync.service.ts", "RatingsSyncService.refreshRatings", 22, 27), GET_JSON, *AXIOS)),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("datadog.log", 2, **CRON_LOG)),
        classes=(9,), pair="bp-showtime-sync-503", log="Request failed with status code 503", logger="Scheduler", entry="RatingsSyncService.refreshRatings"),
    # getServerSideProps reading a null film or cinema: same message, two pages.
    Bug("bp-film-page-null-poster", "cinema-site", (Exc("TypeError", "Cannot read properties of null (reading 'posterUrl')", (*NEXT_SSR, page("films/[slug].tsx", "getServerSideProps", 23, 37))),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.error", mechanism="generic", release=1), see("datadog.apm", monitor="GET /films/[slug] error rate", **SITE_APM)),
        classes=(4,), pair="bp-cinema-page-null-poster", entry="GET /films/[slug]", span=2),
    Bug("bp-cinema-page-null-poster", "cinema-site", (Exc("TypeError", "Cannot read properties of null (reading 'posterUrl')", (*NEXT_SSR, page("cinemas/[id].tsx", "getServerSideProps", 31, 45), nd("src/lib/showtimes.ts", "featuredFilm", 12, 22))),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("datadog.apm", monitor="GET /cinemas/[id] error rate", **SITE_APM)),
        classes=(4,), pair="bp-film-page-null-poster", entry="GET /cinemas/[id]"),
    # Stripe webhooks: the raw body lost to Nest's JSON parser after a middleware change.
    Bug("bp-stripe-signature", "booking-api", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (*NEST_HTTP, svc("payments/stripe-webhook.controller.ts", "StripeWebhookController.handle", 27, 40), nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 12, 24, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 87, 19, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "validateComputedSignature", 200, 15, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 3, **API_LOG), see("datadog.apm", style="route", monitor="POST /payments/stripe/webhook error rate", team=TEAM)),
        entry="POST /payments/stripe/webhook", span=3),
    # Seat holds starve Prisma's pool on a blockbuster's opening night.
    Bug("bp-prisma-pool-timeout", "booking-api", (Exc("PrismaClientKnownRequestError", prisma_error("this.prisma.seatHold.findMany()", "/app/dist/holds/holds.service.js:27:50", "27 const holds = await this.prisma.seatHold.findMany(", "Timed out fetching a new connection from the connection pool. More info: http://pris.ly/d/connection-pool (Current connection pool timeout: 10, connection limit: 9)"), prisma_call((svc("holds/holds.controller.ts", "HoldsController.list", 15, 16), svc("holds/holds.service.ts", "HoldsService.active", 26, 29)))),),
        (see("sentry.error", 2), see("sentry.alert", rule="booking-api: new issue"), see("datadog.apm", 2, **APM_TYPE), see("datadog.log", **API_LOG)),
        entry="GET /showtimes/{id}/holds"),
    # The seat map: a showtime without rows (a screen not yet configured), three engines.
    Bug("bp-web-seatmap-rows", "cinema-web", (Exc("TypeError", frames=(*CLIENT_RENDER, web("components/SeatMap.tsx", "SeatMap", 34, 26, "pages/book/[showtimeId]")), js=JsError("read-undefined", "screen.rows", "map")),),
        (see("sentry.error", 2, browser="chrome", chunk="pages/book/[showtimeId]", **CLIENT), see("sentry.error", browser="safari", chunk="pages/book/[showtimeId]", **CLIENT), see("sentry.error", browser="firefox", chunk="pages/book/[showtimeId]", sourcemaps=False, release=1, **CLIENT), see("sentry.issue")),
        classes=(3,), span=2, page="/book/[showtimeId]"),
    # Showtimes rendered in the server's zone and then the visitor's: React 18's #425.
    Bug("bp-web-hydration-text", "cinema-web", (Exc("Error", "Minified React error #425; visit https://reactjs.org/docs/error-decoder.html?invariant=425 for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", HYDRATE),),
        (see("sentry.error", 2, browser="chrome", chunk="pages/films/[slug]", **CLIENT), see("sentry.error", browser="edge", chunk="pages/films/[slug]", release=1, **CLIENT), see("sentry.error", browser="safari", chunk="pages/films/[slug]", release=1, **CLIENT), see("sentry.issue")),
        span=2, page="/films/[slug]"),
    # Open tabs after a deploy: webpack asks for a chunk the new build no longer has.
    Bug("bp-web-chunk-load", "cinema-web", (Exc("ChunkLoadError", "Loading chunk 7341 failed.\n(error: {chunkurl})", (js("webpack/runtime/load script", "HTMLScriptElement.onScriptComplete", 41, 26, "webpack", lib=True),)),),
        (see("sentry.error", browser="chrome", chunk="7341", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="7341", mechanism="onunhandledrejection", release=1), see("sentry.error", browser="firefox", chunk="7341", mechanism="onunhandledrejection", release=2)),
        span=3, page="/book/[showtimeId]"),
    # The checkout button calling a method the new Stripe.js no longer has.
    Bug("bp-web-confirm-card-payment", "cinema-web", (Exc("TypeError", frames=(*CLIENT_CLICK, web("components/CheckoutForm.tsx", "onSubmit", 58, 35, "pages/checkout")), js=JsError("not-function", "stripe.handleCardPayment", "handleCardPayment", "(n, t)")),),
        (see("sentry.error", 2, browser="chrome", chunk="pages/checkout", **CLIENT), see("sentry.error", browser="safari", chunk="pages/checkout", **CLIENT), see("sentry.issue")),
        classes=(3,), page="/checkout"),
    # Seen once: the revalidate API route given a path outside pages/.
    Bug("bp-revalidate-bad-path", "cinema-site", (Exc("Error", "Invalid revalidate path /admin/../films", (nd("node_modules/next/dist/server/api-utils/node.js", "apiResolver", 372, 15, lib=True, awaited=True), page("api/revalidate.ts", "handler", 14, 11))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/revalidate"),
]

NOISE = [
    Noise("bp-noise-apm-recovered", "booking-api", "datadog.metric", {"monitor": "booking-api p95 latency", "transition": "Recovered", "metric": "trace.express.request.duration.by.service.95p", "team": TEAM, "text": "p95 latency on booking-api is back under 400 ms."}),
    Noise("bp-noise-deploy", "cinema-site", "datadog.event", {"monitor": "Deployed cinema-site 2.19.0", "event_type": "deployment", "alert_type": "info", "text": "cinema-site 2.19.0 rolled out (build 1c9e2f4)."}),
    Noise("bp-noise-sentry-resolved", "booking-api", "sentry.metric", {"rule": "booking-api error count", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

LANTERNFLY = Company(
    key="bp",
    name="Lanternfly Cinemas",
    domain="lanternfly.example",
    sentry_org="lanternfly",
    splunk_url="",
    splunk_guid="",
    datadog_org=("733104", "Lanternfly Cinemas"),
    datadog_template="bp-lantern",
    posthog_project=(0, ""),
    releases=("2.18.0", "2.18.2", "2.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="lanternfly-sentry-client-secret",
)
