"""(gl) Quoyness Ferries, an island ferry operator's booking site: a Next.js 14.2 pages-router
app built with ``output: 'standalone'`` and run by ``next start`` on a Kubernetes cluster
(``ferry-web``: timetables and sailings rendered by ``getServerSideProps``, API routes for
bookings, vehicles, checkout and a Stripe webhook; Prisma 5 over PostgreSQL, a weather feed and a
CMS over fetch, ioredis sessions).

Splunk indexes the pods' stdout (``gl-next-console``): the plain console of ``next start``, Next
14's `` ⨯ <Type>: <message>`` over the server stack of a page's error, API routes'
``console.error(err)``, the team's ``console.error('msg', err)``, some windows cut to the first
line. Frames run in ``/app/.next/server/pages/...`` (the pages-router server bundle, not
minified). Sentry: @sentry/nextjs on the server. PostHog: posthog-node's exception capture in
the API routes. Datadog: log monitors pasting a sample. No APM.
"""

# ruff: noqa: E501, RUF002

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import nd

# fmt: off
SDK = ("sentry.javascript.nextjs", "8.35.0", "npm:@sentry/nextjs")
SERVICES = {
    "ferry-web": Service("ferry-web", "node", "gl-next-console", "kube:container:ferry-web", "/var/log/containers/ferry-web.log", "gl_ferry", 8840311, "node v20.17.0", framework="nextjs", sdk=SDK),
}
NX = "node_modules/next/dist/server"
SSR = (
    nd(f"{NX}/next-server.js", "NextNodeServer.handleCatchallRenderRequest", 283, 37, lib=True, awaited=True),
    nd(f"{NX}/base-server.js", "NextNodeServer.renderToResponseWithComponentsImpl", 1121, 28, lib=True, awaited=True),
    nd(f"{NX}/render.js", "renderToHTMLImpl", 568, 20, lib=True, awaited=True),
)
RENDER = (
    nd(f"{NX}/render.js", "renderToHTMLImpl", 856, 22, lib=True, awaited=True),
    nd("node_modules/react-dom/cjs/react-dom-server-legacy.node.production.min.js", "renderWithHooks", 86, 196, lib=True),
)
API = (
    nd(f"{NX}/api-utils/node/api-resolver.js", "apiResolver", 366, 9, lib=True, awaited=True),
    nd(f"{NX}/future/route-modules/pages-api/module.compiled.js", "PagesAPIRouteModule.render", 22, 6276, lib=True, awaited=True),
)
PRISMA = (
    nd("node_modules/@prisma/client/runtime/library.js", "Vn.request", 123, 6186, lib=True),
    nd("node_modules/@prisma/client/runtime/library.js", "Vn.handleAndLogRequestError", 123, 6211, lib=True),
    nd("node_modules/@prisma/client/runtime/library.js", "Vn.handleRequestError", 123, 6854, lib=True),
)
FETCH = (
    nd("node:internal/deps/undici/undici", "Object.fetch", 13185, 13, lib=True),
)
STRIPE = (
    nd("node_modules/stripe/cjs/RequestSender.js", "res.toJSON.then.StripeAPIError.message", 105, 31, lib=True),
)


def page(route: str, fn: str, line: int, col: int, *inner: object) -> tuple:
    return (*SSR, nd(f".next/server/pages/{route}.js", fn, line, col, awaited=bool(inner)), *inner)


def api(route: str, line: int, col: int, *inner: object) -> tuple:
    return (*API, nd(f".next/server/pages/api/{route}.js", "handler", line, col, awaited=bool(inner)), *inner)


def chunk(name: str, fn: str, line: int, col: int) -> object:
    return nd(f".next/server/chunks/{name}.js", fn, line, col)


SSRLOG = {"search": "quoyness next errors", "app": "quoyness"}
APILOG = {"search": "quoyness next errors", "app": "quoyness", "kind": "api"}
TEAM = {"search": "quoyness next errors", "app": "quoyness", "kind": "team"}
HEAD = {"search": "quoyness next errors", "app": "quoyness", "kind": "head"}
DD = dict(team="ferries", monitor="[quoyness] next.js server errors", filter="kube_deployment:ferry-web status:error", style="sample")

BUGS = [
    Bug("gl-timetable-undefined", "ferry-web", (Exc("TypeError", "Cannot read properties of undefined (reading 'departures')", page("timetable/[route]", "getServerSideProps", 212, 38)),),
        (see("sentry.error", 3), see("splunk", 2, **SSRLOG), see("splunk", 1, **HEAD), see("datadog.log", **DD)),
        classes=(4, 3), pair="gl-sailing-undefined", entry="GET /timetable/{slug}", page="/timetable/[route]", span=2),
    Bug("gl-sailing-undefined", "ferry-web", (Exc("TypeError", "Cannot read properties of undefined (reading 'departures')", page("sailings/[id]", "getServerSideProps", 147, 31)),),
        (see("sentry.error", 2), see("splunk", 2, **SSRLOG), see("datadog.log", **DD)),
        classes=(4,), pair="gl-timetable-undefined", entry="GET /sailings/{id}", page="/sailings/[id]"),
    Bug("gl-booking-unique", "ferry-web", (Exc("PrismaClientKnownRequestError", "\nInvalid `prisma.booking.create()` invocation:\n\n\nUnique constraint failed on the fields: (`reference`)", api("bookings", 61, 24, *PRISMA)),),
        (see("sentry.error", 3), see("splunk", 2, **APILOG), see("posthog", 1), see("datadog.log", **DD)),
        classes=(1, 4), pair="gl-vehicle-unique", entry="POST /api/bookings"),
    Bug("gl-vehicle-unique", "ferry-web", (Exc("PrismaClientKnownRequestError", "\nInvalid `prisma.vehicle.create()` invocation:\n\n\nUnique constraint failed on the fields: (`registration`)", api("vehicles", 38, 22, *PRISMA)),),
        (see("sentry.error", 2), see("splunk", 2, **APILOG), see("posthog", 1)),
        classes=(1, 4), pair="gl-booking-unique", entry="POST /api/vehicles"),
    Bug("gl-weather-failed", "ferry-web", (Exc("Error", "connect ETIMEDOUT 104.18.{n}.7:443", ()),
         Exc("TypeError", "fetch failed", page("index", "getServerSideProps", 96, 27, chunk("412", "getSeaState", 58, 23), *FETCH))),
        (see("sentry.error", 3), see("splunk", 2, **TEAM), see("datadog.log", **DD)),
        classes=(10, 2, 3), pair="gl-weather-abort", log="weather feed unavailable", entry="GET /", page="/", span=2),
    Bug("gl-weather-abort", "ferry-web", (Exc("DOMException [AbortError]", "This operation was aborted", page("index", "getServerSideProps", 96, 27, chunk("412", "getSeaState", 58, 23), *FETCH)),),
        (see("sentry.error", 2), see("splunk", 2, **TEAM), see("datadog.log", **DD)),
        classes=(10,), pair="gl-weather-failed", log="weather feed unavailable", entry="GET /", page="/"),
    Bug("gl-cms-json", "ferry-web", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", page("[slug]", "getServerSideProps", 74, 21, chunk("588", "getPage", 19, 31), nd("node:internal/deps/undici/undici", "parseJSONFromBytes", 5472, 19, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SSRLOG), see("datadog.log", **DD)),
        classes=(4,), entry="GET /{slug}", page="/[slug]"),
    Bug("gl-fares-null-map", "ferry-web", (Exc("TypeError", "Cannot read properties of null (reading 'map')", (*RENDER, chunk("731", "FareTable", 44, 28))),),
        (see("sentry.error", 3), see("splunk", 2, **SSRLOG), see("splunk", 1, **HEAD)),
        classes=(4, 5), entry="GET /fares", page="/fares"),
    Bug("gl-no-such-price", "ferry-web", (Exc("StripeInvalidRequestError", "No such price: 'price_{hex}'", api("checkout", 33, 41, *STRIPE)),),
        (see("sentry.error", 2), see("splunk", 2, **APILOG), see("posthog", 1), see("datadog.log", **DD)),
        classes=(4,), entry="POST /api/checkout"),
    Bug("gl-webhook-env", "ferry-web", (Exc("Error", "Missing required env var STRIPE_WEBHOOK_SECRET", api("webhooks/stripe", 18, 11)),),
        (see("sentry.error", 2), see("splunk", 2, **APILOG)),
        classes=(4,), pair="gl-webhook-signature", entry="POST /api/webhooks/stripe"),
    Bug("gl-webhook-signature", "ferry-web", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", api("webhooks/stripe", 24, 37, nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 130, 23, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **APILOG), see("datadog.log", **DD)),
        classes=(4,), pair="gl-webhook-env", entry="POST /api/webhooks/stripe", span=2),
    Bug("gl-redis-refused", "ferry-web", (Exc("Error", "connect ECONNREFUSED 10.42.{n}.12:6379", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1607, 16, lib=True),)),),
        (see("sentry.error", 2), see("splunk", 3, **TEAM), see("datadog.log", **DD)),
        classes=(10,), log="[ioredis] Unhandled error event:", entry="GET /account", page="/account"),
    Bug("gl-timetable-date", "ferry-web", (Exc("RangeError", "Invalid time value", page("timetable/[route]", "getServerSideProps", 219, 30, chunk("95", "formatDeparture", 12, 40), nd("node_modules/date-fns/format.js", "format", 361, 11, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SSRLOG), see("datadog.log", **DD)),
        classes=(4, 6), pair="gl-sailing-date", entry="GET /timetable/{slug}", page="/timetable/[route]"),
    Bug("gl-sailing-date", "ferry-web", (Exc("RangeError", "Invalid time value", page("sailings/[id]", "getServerSideProps", 151, 22, chunk("95", "formatDeparture", 12, 40), nd("node_modules/date-fns/format.js", "format", 361, 11, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **SSRLOG), see("datadog.log", **DD)),
        classes=(4, 6), pair="gl-timetable-date", entry="GET /sailings/{id}", page="/sailings/[id]"),
    Bug("gl-singleton-uri", "ferry-web", (Exc("URIError", "URI malformed", page("search", "getServerSideProps", 23, 19)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /search", page="/search"),
]

NOISE = [
    Noise("gl-noise-ready", "ferry-web", "splunk", {"search": "quoyness next errors", "line": "  ▲ Next.js 14.2.15\n  - Local:        http://ferry-web-7c9f6d5b8-x2kq4:3000\n  - Network:      http://10.42.3.17:3000\n\n ✓ Starting...\n ✓ Ready in 412ms"}),
    Noise("gl-noise-deploy", "ferry-web", "datadog.event", {"monitor": "Deploy", "text": "ferry-web 1.38.0 rolled out to k8s-quoyness (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gl-noise-recovered", "ferry-web", "datadog.log", {"monitor": "[quoyness] next.js server errors", "text": "Recovered: next.js server errors on ferry-web below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

QUOYNESS = Company(
    key="gl",
    name="Quoyness Ferries",
    domain="quoyness-ferries.example",
    sentry_org="quoyness",
    splunk_url="https://quoyness.splunkcloud.com",
    splunk_guid="5F2A9D18-7B4C-4E31-A6D0-2C8E1B7F9A64",
    datadog_org=("712065", "Quoyness Ferries"),
    datadog_template="recommended",
    posthog_project=(63117, "Quoyness web"),
    releases=("1.36.0", "1.37.0", "1.38.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quoyness-sentry-client-secret",
)
# fmt: on
