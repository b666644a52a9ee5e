"""(jo) Ninebanks Leisure, a council leisure trust's booking site: a Vue 3.4 SPA with Vue
Router 4 and Pinia (``leisure-web``: the swim and class timetable, lane and class bookings,
memberships and renewals, a basket with promo codes), built by Vite 5: the entry chunk
``/assets/index-<hash>.js`` and the lazy route chunks ``/assets/<Name>-<hash>.js``, every
release changing the hashes. All API calls go through one ``useFetch`` composable.

Sentry: @sentry/vue 8 (``app.config.errorHandler`` for component, hook and handler errors,
the global ``onunhandledrejection`` for promises outside Vue's reach); one release shipped
without its source maps uploaded. PostHog: posthog-js with exception autocapture. Chrome,
Edge, Firefox and Safari (members book from their phones). No server logs of its own here, so
no Splunk and no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js

# fmt: off
SERVICES = {
    "leisure-web": Service("leisure-web", "javascript", "", "", "", "", 7330519, origin="https://book.ninebanksleisure.example", framework="vue", sdk=("sentry.javascript.vue", "8.42.0", "npm:@sentry/vue")),
}


def src(file: str, fn: str, line: int, col: int, chunk: str = "index") -> Frame:
    return js(f"src/{file}", fn, line, col, chunk)


FETCH = js("src/composables/useFetch.ts", "request", 37, 15, "index")
ROUTER_GUARD = (
    js("node_modules/vue-router/dist/vue-router.mjs", "runGuardQueue", 2301, 37, "index", lib=True),
    js("node_modules/vue-router/dist/vue-router.mjs", "guardToPromiseFn", 2135, 45, "index", lib=True),
)
FORMAT_DATE = "utils/format.ts"


def spread(chunk: str, mech: str = "vue", chrome: int = 2, ph: int = 2, first: int = 0) -> tuple:
    """Sentry from Chrome, Firefox and Safari over two releases; PostHog from Chrome and Edge."""
    return (
        see("sentry.error", chrome, browser="chrome", chunk=chunk, release=first, mechanism=mech),
        see("sentry.error", browser="firefox", chunk=chunk, release=first + 1, mechanism=mech),
        see("sentry.error", browser="safari", chunk=chunk, release=first + 1, mechanism=mech),
        see("posthog", ph, browser="chrome", chunk=chunk, release=first + 1),
        see("posthog", browser="edge", chunk=chunk, release=first + 1),
    )


def phones(chunk: str, mech: str = "vue") -> tuple:
    """Mostly Safari on phones: PostHog, with Sentry from Safari and once from Chrome."""
    return (
        see("sentry.error", 2, browser="safari", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="chrome", chunk=chunk, release=2, mechanism=mech),
        see("posthog", 2, browser="safari", chunk=chunk, release=1),
        see("posthog", browser="firefox", chunk=chunk, release=2, resolved=True),
    )


def unmapped(chunk: str, mech: str = "vue") -> tuple:
    """Release 1 went out without its source maps: Sentry shows minified frames there."""
    return (
        see("sentry.error", browser="chrome", chunk=chunk, release=0, mechanism=mech),
        see("sentry.error", 2, browser="edge", chunk=chunk, release=1, mechanism=mech, sourcemaps=False),
        see("sentry.issue", browser="chrome", chunk=chunk, release=1, mechanism=mech),
        see("posthog", 2, browser="chrome", chunk=chunk, release=1),
        see("posthog", browser="safari", chunk=chunk, release=2),
    )


BUGS = [
    # The same TypeError in a render and in a mounted hook.
    Bug("jo-lane-slots-undefined", "leisure-web", (Exc("TypeError", frames=(*VUE_RENDER, src("components/LaneGrid.vue", "render", 31, 42, "Timetable")), js=JsError("read-undefined", "session.slots", "length")),),
        spread("Timetable"), classes=(3, 4, 5), pair="jo-class-slots-undefined", page="/timetable/swim", span=2),
    Bug("jo-class-slots-undefined", "leisure-web", (Exc("TypeError", frames=(*VUE_MOUNTED, src("views/ClassBooking.vue", "onMounted", 48, 27, "Booking"), src("booking/availability.ts", "freeSpaces", 12, 30, "Booking")), js=JsError("read-undefined", "session.slots", "length")),),
        spread("Booking", chrome=1), classes=(3, 4), pair="jo-lane-slots-undefined", page="/book/class/spin-45"),
    # Two click handlers calling something that is not a function.
    Bug("jo-waitlist-not-fn", "leisure-web", (Exc("TypeError", frames=(*VUE_CLICK, src("components/SessionCard.vue", "joinWaitlist", 74, 13, "Timetable")), js=JsError("not-function", "store.joinWaitlist", "joinWaitlist", "(e.id)")),),
        spread("Timetable", ph=1), classes=(3, 4), pair="jo-guest-pass-not-fn", page="/timetable/classes"),
    Bug("jo-guest-pass-not-fn", "leisure-web", (Exc("TypeError", frames=(*VUE_CLICK, src("views/membership/GuestPasses.vue", "issuePass", 59, 11, "Membership")), js=JsError("not-function", "passes.issue", "issue", "(t)")),),
        phones("Membership"), classes=(3, 4), pair="jo-waitlist-not-fn", page="/membership/guests"),
    # Two API failures thrown by the same composable.
    Bug("jo-bookings-api-500", "leisure-web", (Exc("FetchError", "POST /api/v2/bookings failed: 500 Internal Server Error", (*VUE_CLICK, src("views/checkout/ConfirmStep.vue", "confirm", 82, 17, "Checkout"), FETCH)),),
        spread("Checkout", mech="onunhandledrejection"), classes=(9,), pair="jo-renewal-api-409", page="/checkout/confirm"),
    Bug("jo-renewal-api-409", "leisure-web", (Exc("FetchError", "PUT /api/v2/memberships/{id}/renewal failed: 409 Conflict", (*VUE_CLICK, src("views/membership/Renewal.vue", "renew", 46, 13, "Membership"), FETCH)),),
        phones("Membership", mech="onunhandledrejection"), classes=(9,), pair="jo-bookings-api-500", page="/membership/renew"),
    # Invalid dates through one formatter, from two pages.
    Bug("jo-renewal-date-invalid", "leisure-web", (Exc("RangeError", "Invalid time value", (*VUE_RENDER, src("views/account/MembershipCard.vue", "render", 27, 19, "Account"), src(FORMAT_DATE, "formatDate", 8, 12, "Account")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        spread("Account"), classes=(3,), pair="jo-class-date-invalid", page="/account/membership"),
    Bug("jo-class-date-invalid", "leisure-web", (Exc("RangeError", "Invalid time value", (*VUE_RENDER, src("components/SessionCard.vue", "render", 19, 31, "Timetable"), src(FORMAT_DATE, "formatDate", 8, 12, "Timetable")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        phones("Timetable"), classes=(3,), pair="jo-renewal-date-invalid", page="/timetable/classes"),
    # One applyPromo, two exceptions.
    Bug("jo-promo-rules-null", "leisure-web", (Exc("TypeError", frames=(*VUE_CLICK, src("components/PromoField.vue", "apply", 28, 9, "index"), src("basket/promo.ts", "applyPromo", 17, 22, "index")), js=JsError("read-null", "promo.rules", "minSpend")),),
        unmapped("index"), classes=(3, 4), pair="jo-promo-currency", page="/basket"),
    Bug("jo-promo-currency", "leisure-web", (Exc("RangeError", "Invalid currency code : gbp", (*VUE_CLICK, src("components/PromoField.vue", "apply", 28, 9, "index"), src("basket/promo.ts", "applyPromo", 33, 18, "index")), engines={"spidermonkey": "invalid currency code in NumberFormat(): gbp", "jsc": "currency is not a well-formed currency code"}),),
        spread("index", ph=1), classes=(3, 4), pair="jo-promo-rules-null", page="/basket"),
    # Singles.
    Bug("jo-chunk-load", "leisure-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://book.ninebanksleisure.example/assets/Booking-{hex}.js", (*ROUTER_GUARD, src("router/index.ts", "component", 31, 28)), engines={"spidermonkey": "error loading dynamically imported module: https://book.ninebanksleisure.example/assets/Booking-{hex}.js", "jsc": "Importing a module script failed."}),),
        spread("index", mech="onunhandledrejection", first=1), classes=(3, 5), page="/book/lane", span=2),
    Bug("jo-json-parse", "leisure-web", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*VUE_MOUNTED, src("views/Timetable.vue", "onMounted", 52, 25, "Timetable"), FETCH), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unrecognized token '<'"}),),
        unmapped("Timetable", mech="onunhandledrejection"), classes=(3,), page="/timetable/swim"),
    Bug("jo-maps-undefined", "leisure-web", (Exc("ReferenceError", "google is not defined", (*VUE_MOUNTED, src("components/CentreMap.vue", "onMounted", 23, 18, "Centres")), engines={"jsc": "Can't find variable: google"}),),
        phones("Centres"), classes=(3,), page="/centres/riverside"),
    Bug("jo-stripe-secret", "leisure-web", (Exc("IntegrationError", "In order to create a payment element, you must pass a valid PaymentIntent or SetupIntent client secret when creating the Elements group.", (*VUE_MOUNTED, src("views/checkout/PaymentStep.vue", "onMounted", 61, 30, "Checkout"), js("node_modules/@stripe/stripe-js/dist/stripe.mjs", "elements", 1, 28411, "Checkout", lib=True))),),
        (see("sentry.error", 2, browser="chrome", chunk="Checkout", release=1, mechanism="vue"), see("sentry.error", browser="firefox", chunk="Checkout", release=2, mechanism="vue"), see("posthog", 2, browser="edge", chunk="Checkout", release=2)),
        classes=(10,), page="/checkout/payment"),
    Bug("jo-camera-singleton", "leisure-web", (Exc("NotAllowedError", "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.", (*VUE_CLICK, src("views/account/PhotoUpload.vue", "openCamera", 37, 21, "Account"))),),
        (see("sentry.error", browser="safari", chunk="Account", release=2, mechanism="onunhandledrejection"),), singleton=True, page="/account/photo"),
]

NINEBANKS = Company(
    key="jo",
    name="Ninebanks Leisure",
    domain="ninebanksleisure.example",
    sentry_org="ninebanks-leisure",
    splunk_url="https://ninebanks.splunkcloud.com",
    splunk_guid="3E91B7D4-0A6C-4F28-B5E3-7D19C2A04F86",
    datadog_org=("930419", "Ninebanks Leisure"),
    datadog_template="recommended",
    posthog_project=(90519, "Leisure booking"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=[],
    sentry_secret="ninebanks-sentry-client-secret",
)
# fmt: on
