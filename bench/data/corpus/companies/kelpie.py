"""(at) Kelpie Fitness, gym class booking for a chain of studios: an Express 4 API on Node 20
(``booking-api``: TypeScript compiled to ``dist/``, Prisma 5 over Postgres, node-cron jobs in
the same process) and a React Native app on Hermes for Android and iOS (``kelpie-app``).

Sentry (@sentry/node 8 with its Express error handler, @sentry/react-native); PostHog
(posthog-react-native: Hermes frames, raw and resolved; posthog-node's ``captureException``
in the API's error middleware: compiled ``dist/`` frames, raw and resolved); Splunk over the API's pino logs
(pino-http's ``request errored`` line with the request, the response and ``err``; pino from
the cron jobs); Datadog APM monitors on the API posting the team's flat camelCase template
(``details`` the plain-text message, ``firedAtMs`` quoted).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import NODE_TICKS, nd

# The tables keep one frame or delivery per line.
# fmt: off
APP_RELEASES = ("fit.kelpie.app@5.12.0+4120", "fit.kelpie.app@5.12.1+4127", "fit.kelpie.app@5.13.0+4140")
SERVICES = {
    "booking-api": Service("booking-api", "node", "pino-http", "kelpie:api:pino", "/var/log/containers/booking-api.log", "kp_prod", 6620011, "node v20.18.1", framework="expressjs", sdk=("sentry.javascript.node", "8.47.0", "npm:@sentry/node")),
    "kelpie-app": Service("kelpie-app", "react-native", "", "", "", "", 6620014, framework="onerror", sdk=("sentry.javascript.react-native", "6.4.0", "npm:@sentry/react-native"), releases=APP_RELEASES),
}

EXPRESS = "node_modules/express/lib/router/"
# Express 4 running a route's handlers (oldest first), for an error thrown synchronously.
EXPRESS_ROUTE = (
    nd(EXPRESS + "index.js", "next", 280, 10, lib=True),
    nd(EXPRESS + "index.js", "Function.process_params", 346, 12, lib=True),
    nd(EXPRESS + "index.js", "", 284, 15, lib=True),
    nd(EXPRESS + "layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
    nd(EXPRESS + "route.js", "Route.dispatch", 119, 3, lib=True),
    nd(EXPRESS + "route.js", "next", 149, 13, lib=True),
    nd(EXPRESS + "layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
PRISMA = "node_modules/@prisma/client/runtime/library.js"
# Prisma 5's client rejecting a query: the engine's error turned into a known request error.
PRISMA_REQUEST = (
    nd(PRISMA, "l", 130, 9633, lib=True, awaited=True),
    nd(PRISMA, "$n.request", 121, 6307, lib=True),
    nd(PRISMA, "$n.handleAndLogRequestError", 121, 6623, lib=True),
    nd(PRISMA, "$n.handleRequestError", 121, 7315, lib=True),
)
PRISMA_VERSION = "5.22.0"
# The partners' shared check of a response: it throws the app's own error.
ENSURE_OK = nd("src/lib/upstream.ts", "ensureOk", 19, 11)


def prisma(model: str, method: str, text: str) -> str:
    """Prisma's message without colours (``NODE_ENV=production``): the invocation, two empty
    lines, then the engine's words."""
    return f"\nInvalid `prisma.{model}.{method}()` invocation:\n\n\n{text}"


def route(file: str, function: str, line: int, col: int, *, awaited: bool = True) -> Frame:
    """An async route handler: V8 prints it ``at async`` where it awaits the frame above it,
    plainly where it is the code running when the error is thrown (resumed from a microtask,
    with ``processTicksAndRejections`` below it)."""
    return nd(f"src/routes/{file}", function, line, col, awaited=awaited)


def api_logs(n: int = 1, **opts: object) -> Seen:
    return Seen("splunk", n, {"search": "booking-api - 5xx", **opts})


def apm(style: str, **opts: object) -> Seen:
    monitor = {"type": "booking-api error types", "message": "booking-api error spans", "route": "booking-api route error rate"}[style]
    return Seen("datadog.apm", 1, {"style": style, "team": "platform", "monitor": monitor, **opts})


def cron_logs(n: int = 1, **opts: object) -> Seen:
    return Seen("splunk", n, {"search": "booking-api - cron failures", "format": "pino-app", **opts})


# --- React Native --------------------------------------------------------------------------------


def rn(file: str, function: str, line: int, col: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col)


RENDERER = "node_modules/react-native/Libraries/Renderer/implementations/ReactFabric-prod.js"
SCHEDULER = "node_modules/scheduler/cjs/scheduler.production.js"
RN_RENDER = (
    rn(SCHEDULER, "performWorkUntilDeadline", 421, 34, lib=True),
    rn(RENDERER, "performWorkOnRoot", 9410, 11, lib=True),
    rn(RENDERER, "beginWork", 7960, 18, lib=True),
    rn(RENDERER, "renderWithHooks", 4150, 22, lib=True),
)
RN_EFFECT = (
    rn(SCHEDULER, "performWorkUntilDeadline", 421, 34, lib=True),
    rn(RENDERER, "flushPassiveEffects", 10870, 7, lib=True),
    rn(RENDERER, "commitPassiveMountOnFiber", 10322, 13, lib=True),
    rn(RENDERER, "commitHookEffectListMount", 8112, 30, lib=True),
)
RN_PROMISE = (
    rn("node_modules/react-native/Libraries/Core/Timers/JSTimers.js", "callReactNativeMicrotasksPass", 422, 18, lib=True),
    rn("node_modules/promise/setimmediate/core.js", "tryCallOne", 37, 14, lib=True),
    rn("node_modules/@babel/runtime/helpers/asyncToGenerator.js", "asyncGeneratorStep", 3, 24, lib=True),
)
STARTS_AT = JsError("read-undefined", "session.slot", "startsAt")

BUGS = [
    # Prisma's "record to update not found" from a route and from a cron job: two bugs.
    Bug("kp-cancel-booking-missing", "booking-api", (Exc("PrismaClientKnownRequestError", prisma("booking", "update", "An operation failed because it depends on one or more records that were required but not found. Record to update not found."), (route("bookings.ts", "cancelBooking", 88, 9), *PRISMA_REQUEST)),),
        (see("sentry.error", 2, mechanism="middleware"), see("sentry.error", mechanism="middleware", sourcemaps=False, release=1), see("sentry.issue"), see("posthog"), api_logs(2, err_fields={"code": "P2025", "clientVersion": PRISMA_VERSION, "meta": {"modelName": "Booking", "cause": "Record to update not found."}}), apm("message")),
        # v2026.48.1 shipped without its source maps: Sentry shows that release's compiled dist/ frames.
        classes=(2, 4), pair="kp-waitlist-promote-missing", log="request errored", entry="PATCH /v1/bookings/{booking_id}/cancel", span=2, renames={"cancelBooking": "cancelMemberBooking"}),
    Bug("kp-waitlist-promote-missing", "booking-api", (Exc("PrismaClientKnownRequestError", prisma("waitlistEntry", "update", "An operation failed because it depends on one or more records that were required but not found. Record to update not found."), (nd("src/jobs/promoteWaitlist.ts", "promoteWaitlist", 41, 5, awaited=True), nd("src/services/waitlist.ts", "promoteNext", 63, 3, awaited=True), *PRISMA_REQUEST)),),
        (see("sentry.error", 2, mechanism="generic"), cron_logs(2)),
        classes=(4,), pair="kp-cancel-booking-missing", log="waitlist promotion failed", entry="promoteWaitlist"),
    # One read of undefined in a middleware and in a route: V8's words are the same.
    Bug("kp-membership-tier-middleware", "booking-api", (Exc("TypeError", frames=(*EXPRESS_ROUTE, nd("src/middleware/requireMembership.ts", "requireMembership", 12, 38)), js=JsError("read-undefined", "req.member.membership", "tier")),),
        (see("sentry.error", 2, mechanism="middleware"), see("posthog"), api_logs(2), apm("type")),
        classes=(2, 4, 8), pair="kp-benefits-tier-route", log="request errored", entry="POST /v1/bookings"),
    Bug("kp-benefits-tier-route", "booking-api", (Exc("TypeError", frames=(NODE_TICKS, route("me.ts", "getBenefits", 31, 44, awaited=False)), js=JsError("read-undefined", "member.membership", "tier")),),
        (see("sentry.error", 2, mechanism="middleware"), see("sentry.issue"), api_logs(1), apm("type")),
        classes=(2, 4, 8), pair="kp-membership-tier-middleware", log="request errored", entry="GET /v1/me/benefits"),
    # Two partners failing through one helper.
    Bug("kp-classpass-502", "booking-api", (Exc("UpstreamError", "ClassPass responded 502 Bad Gateway to POST /v2/reservations", (NODE_TICKS, route("partners/classpass.ts", "createReservation", 54, 22, awaited=False), ENSURE_OK)),),
        (see("sentry.error", 3, mechanism="generic"), api_logs(2, no_err=True, status=502)),
        classes=(8, 9), pair="kp-wahoo-401", log="request errored", entry="POST /v1/partners/classpass/reservations", handled=True),
    Bug("kp-wahoo-401", "booking-api", (Exc("UpstreamError", "Wahoo responded 401 Unauthorized to GET /v1/users/{user}/workouts", (nd("src/jobs/syncWorkouts.ts", "syncWorkouts", 22, 7, awaited=True), NODE_TICKS, nd("src/integrations/wahoo.ts", "fetchWorkouts", 37, 18), ENSURE_OK)),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), cron_logs(2)),
        classes=(9,), pair="kp-classpass-502", log="workout sync failed", entry="syncWorkouts", handled=True),
    # One route, two Prisma errors: a class session deleted under a booking, and a double booking.
    Bug("kp-book-session-fk", "booking-api", (Exc("PrismaClientKnownRequestError", prisma("booking", "create", "Foreign key constraint failed on the field: `Booking_classSessionId_fkey (index)`"), (route("bookings.ts", "createBooking", 42, 21), *PRISMA_REQUEST)),),
        (see("sentry.error", 2, mechanism="middleware"), api_logs(2, err_fields={"code": "P2003", "clientVersion": PRISMA_VERSION, "meta": {"modelName": "Booking", "field_name": "Booking_classSessionId_fkey (index)"}}), apm("message")),
        classes=(2, 4), pair="kp-book-double", log="request errored", entry="POST /v1/bookings"),
    Bug("kp-book-double", "booking-api", (Exc("PrismaClientKnownRequestError", prisma("booking", "create", "Unique constraint failed on the fields: (`memberId`,`classSessionId`)"), (route("bookings.ts", "createBooking", 42, 21), *PRISMA_REQUEST)),),
        (see("sentry.error", 2, mechanism="middleware"), see("sentry.issue"), see("posthog", resolved=True), api_logs(2, err_fields={"code": "P2002", "clientVersion": PRISMA_VERSION, "meta": {"modelName": "Booking", "target": ["memberId", "classSessionId"]}})),
        classes=(4,), pair="kp-book-session-fk", log="request errored", entry="POST /v1/bookings"),
    # The timetable's query starving the pool at 6 a.m.
    Bug("kp-timetable-pool", "booking-api", (Exc("PrismaClientKnownRequestError", prisma("classSession", "findMany", "Timed out fetching a new connection from the connection pool. More info: http://pris.ly/d/connection-pool (Current connection pool timeout: 10, connection limit: 9)"), (route("timetable.ts", "listTimetable", 27, 18), *PRISMA_REQUEST)),),
        (see("sentry.error", 2, mechanism="middleware"), see("sentry.alert", rule="booking-api: error spike"), see("sentry.issue"), see("posthog"), api_logs(2, err_fields={"code": "P2024", "clientVersion": PRISMA_VERSION, "meta": {"modelName": "ClassSession", "connection_limit": 9, "timeout": 10}}), api_logs(search="booking-api - Prisma errors by code (hourly)", stats={"err.type": "PrismaClientKnownRequestError", "err.code": "P2024", "count": "{n}", "distinct_urls": "{idx}"}), apm("route")),
        classes=(2, 8), log="request errored", entry="GET /v1/timetable"),
    # express.json() parses Stripe's webhook before the route can verify the raw body.
    Bug("kp-stripe-signature", "booking-api", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://docs.stripe.com/webhooks/signature\n", (*EXPRESS_ROUTE, nd("src/routes/webhooks/stripe.ts", "stripeWebhook", 18, 35), nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 28, 24, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 62, 13, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "validateComputedSignature", 203, 15, lib=True))),),
        (see("sentry.error", 2, mechanism="middleware"), see("sentry.issue"), see("posthog", resolved=True), api_logs(3), apm("route")),
        classes=(2, 8), log="request errored", entry="POST /v1/webhooks/stripe", span=2),
    # Expo's push service throttling the reminder job.
    Bug("kp-reminders-expo-429", "booking-api", (Exc("Error", 'Expo responded with an error with status code 429: {"errors":[{"code":"TOO_MANY_REQUESTS","message":"Too many requests. Please retry after {idx} seconds."}]}', (nd("src/jobs/sendClassReminders.ts", "sendClassReminders", 36, 9, awaited=True), nd("node_modules/expo-server-sdk/build/ExpoClient.js", "ExpoClient.sendPushNotificationsAsync", 78, 19, lib=True, awaited=True), NODE_TICKS, nd("node_modules/expo-server-sdk/build/ExpoClient.js", "ExpoClient.requestAsync", 191, 27, lib=True))),),
        (see("sentry.error", 2, mechanism="generic"), cron_logs(3)),
        log="class reminders failed", entry="sendClassReminders", handled=True),
    # Profile photos over the limit: pino warnings whose sizes change length.
    Bug("kp-avatar-too-large", "booking-api", (),
        (see("splunk", 3, search="booking-api - warnings", line='{"level":40,"time":{epochms},"pid":1,"hostname":"booking-api-7c9f5d6b8-x2kqp","reqId":"{uuid}","memberId":{user},"size":"{size}","limit":"5 MB","msg":"avatar upload rejected: {size} over the 5 MB limit"}'),),
        classes=(7,)),
    # The app: one startsAt read in two components.
    Bug("kp-app-classdetail-startsat", "kelpie-app", (Exc("TypeError", frames=(*RN_RENDER, rn("src/screens/ClassDetailScreen.tsx", "ClassDetailScreen", 64, 41)), js=STARTS_AT),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios", release=1), see("sentry.issue", browser="android"), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True, release=1)),
        classes=(4,), pair="kp-app-bookingcard-startsat", page="ClassDetail", span=2),
    Bug("kp-app-bookingcard-startsat", "kelpie-app", (Exc("TypeError", frames=(*RN_RENDER, rn("src/components/BookingCard.tsx", "BookingCard", 29, 36)), js=STARTS_AT),),
        (see("sentry.error", browser="ios"), see("sentry.error", browser="android", raw=True, release=2), see("posthog", browser="ios"), see("posthog", browser="android", resolved=True)),
        classes=(4,), pair="kp-app-classdetail-startsat", page="MyBookings", span=3),
    # After paying, a nested navigator's screen calls replace(), which only stacks have.
    Bug("kp-app-checkout-replace", "kelpie-app", (Exc("TypeError", frames=(*RN_PROMISE, rn("src/screens/CheckoutScreen.tsx", "onPaymentComplete", 97, 20), rn("src/navigation/goToConfirmation.ts", "goToConfirmation", 8, 14)), js=JsError("not-function", "navigation", "replace", "(\"BookingConfirmed\", t)")),),
        (see("sentry.error", browser="android", mechanism="onunhandledrejection"), see("sentry.error", browser="ios", mechanism="onunhandledrejection"), see("posthog", 2, browser="android", mechanism="onunhandledrejection"), see("posthog", browser="ios", resolved=True, mechanism="onunhandledrejection")),
        page="Checkout"),
    # An effect that sets the state it depends on.
    Bug("kp-app-timetable-depth", "kelpie-app", (Exc("Error", "Maximum update depth exceeded. This can happen when a component calls setState inside useEffect, but useEffect either doesn't have a dependency array, or one of the dependencies changes on every render.", (*RN_EFFECT, rn("src/screens/TimetableScreen.tsx", "TimetableScreen.useEffect$argument_0", 52, 7), rn(RENDERER, "dispatchSetState", 3905, 9, lib=True), rn(RENDERER, "scheduleUpdateOnFiber", 9120, 5, lib=True), rn(RENDERER, "throwIfInfiniteUpdateLoopDetected", 10990, 15, lib=True))),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios", release=1), see("posthog", browser="android"), see("posthog", browser="ios")),
        page="Timetable"),
    # Seen once: a studio with no geo position on the map screen.
    Bug("kp-app-studio-coords", "kelpie-app", (Exc("TypeError", frames=(*RN_RENDER, rn("src/screens/StudioMapScreen.tsx", "StudioMarker", 118, 52)), js=JsError("read-null", "studio.location", "latitude")),),
        (see("posthog", browser="android"),),
        singleton=True, page="StudioMap"),
]

NOISE = [
    Noise("kp-noise-deploy", "booking-api", "datadog.event", {"monitor": "Deployed booking-api v2026.48.2", "text": "GitHub Actions deployed booking-api v2026.48.2 to production (4/4 tasks healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "platform"}),
    Noise("kp-noise-listening", "booking-api", "splunk", {"search": "booking-api - 5xx", "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"booking-api-7c9f5d6b8-x2kqp","msg":"booking-api listening on :8080"}'}),
    Noise("kp-noise-apm-recovered", "booking-api", "datadog.metric", {"monitor": "booking-api route error rate", "transition": "Recovered", "scope": "resource_name:get_/v1/timetable,service:booking-api", "text": "Error rate on GET /v1/timetable is back under 5% (0.4% over the last 10 minutes).", "metric": "trace.express.request.errors", "query": "sum(last_10m):sum:trace.express.request.errors{service:booking-api,resource_name:get_/v1/timetable}.as_count() / sum:trace.express.request.hits{service:booking-api,resource_name:get_/v1/timetable}.as_count() * 100 > 5", "team": "platform"}),
]

KELPIE = Company(
    key="at",
    name="Kelpie Fitness",
    domain="kelpie.example",
    sentry_org="kelpie-fitness",
    splunk_url="https://kelpie.splunkcloud.com",
    splunk_guid="E2B7490A-9C1D-4B83-A6F0-5D12C8E3B947",
    datadog_org=("551907", "Kelpie Fitness"),
    datadog_template="kelpie",
    posthog_project=(64218, "Kelpie app"),
    releases=("2026.48.0", "2026.48.1", "2026.48.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kelpie-sentry-client-secret",
)
# fmt: on
