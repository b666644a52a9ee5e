"""(iy) Gatesgarth Leisure, council leisure centres: an Angular 17 SPA (``members-web``,
standalone components, signals, lazy routes) built by the CLI's esbuild application builder
(``main-<HASH>.js``, ``polyfills-<HASH>.js`` with zone.js, lazy routes in ``chunk-<HASH>.js``)
for class timetables, swim-lane bookings, memberships and invoices.

Sentry: @sentry/angular's ``ErrorHandler`` (mechanism ``angular``), source maps uploaded from
the second release on (the first release's events keep minified frames). PostHog: posthog-js
exception autocapture (``onerror``/``onunhandledrejection``) in Chrome, Edge, Firefox and
Safari's words, raw minified frames and, for processed events, resolved ones. Production
Angular throws bare ``NG0…`` codes (the long messages are dev-mode only); zone.js wraps
unhandled rejections as ``Uncaught (in promise): …``. No Splunk, no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import js

# fmt: off
SDK = ("sentry.javascript.angular-ivy", "7.109.0", "npm:@sentry/angular-ivy")
SERVICES = {
    "members-web": Service("members-web", "javascript", "", "", "", "", 4852201, origin="https://members.gatesgarth.example", framework="angular", sdk=SDK),
}
ZONE = "node_modules/zone.js/fesm2015/zone.js"
CORE = "node_modules/@angular/core/fesm2022/core.mjs"
COMMON = "node_modules/@angular/common/fesm2022/common.mjs"
ROUTER = "node_modules/@angular/router/fesm2022/router.mjs"
NG_CLICK = (
    js(ZONE, "HTMLButtonElement.globalCallback", 1674, 22, "polyfills", lib=True),
    js(ZONE, "ZoneTask.invokeTask", 446, 22, "polyfills", lib=True),
    js(ZONE, "_ZoneDelegate.invokeTask", 418, 31, "polyfills", lib=True),
    js(CORE, "wrapListenerIn_markDirtyAndPreventDefault", 25811, 22, "main", lib=True),
)
NG_RENDER = (
    js(ZONE, "_ZoneDelegate.invoke", 393, 26, "polyfills", lib=True),
    js(CORE, "ApplicationRef.tick", 32210, 22, "main", lib=True),
    js(CORE, "detectChangesInView", 13152, 9, "main", lib=True),
    js(CORE, "executeTemplate", 11930, 9, "main", lib=True),
)
NG_INIT = (
    js(ZONE, "_ZoneDelegate.invoke", 393, 26, "polyfills", lib=True),
    js(CORE, "ApplicationRef.tick", 32210, 22, "main", lib=True),
    js(CORE, "callHookInternal", 4032, 13, "main", lib=True),
)
ZONE_REJECT = (
    js(ZONE, "drainMicroTaskQueue", 582, 35, "polyfills", lib=True),
    js(ZONE, "ZoneDelegate.invokeTask", 418, 31, "polyfills", lib=True),
    js(ZONE, "resolvePromise", 1107, 31, "polyfills", lib=True),
)
PIPE = (js(COMMON, "invalidPipeArgumentError", 4618, 12, "main", lib=True),)
REJECT = '{{"headers":{{"normalizedNames":{{}},"lazyUpdate":null,"headers":{{}}}},"status":{st},"statusText":"OK","url":"https://api.gatesgarth.example/v1/{path}","ok":false,"name":"HttpErrorResponse","message":"Http failure response for https://api.gatesgarth.example/v1/{path}: {st} OK","error":{err}}}'
CURRENCY = {"spidermonkey": "invalid currency code in NumberFormat(): undefined", "jsc": "currency is not a well-formed currency code"}


def app(path: str, function: str, line: int, col: int, chunk: str) -> object:
    return js(f"src/app/{path}", function, line, col, chunk)


MAPPED = dict(sourcemaps=False, release=0)

BUGS = [
    # The same undefined read of a session's instructor in the timetable and the booking summary.
    Bug("iy-timetable-instructor", "members-web", (Exc("TypeError", frames=(*NG_RENDER, app("timetable/class-card.component.ts", "ClassCardComponent_Template", 14, 41, "chunk-timetable")), js=JsError("read-undefined", "ctx.session.instructor", "displayName")),),
        (see("sentry.error", browser="chrome", **MAPPED), see("sentry.error", browser="safari", release=1), see("posthog", browser="chrome"), see("posthog", browser="firefox"), see("posthog", browser="edge", resolved=True)),
        classes=(3, 4, 10), pair="iy-booking-instructor", page="/timetable", entry="/timetable", span=2),
    Bug("iy-booking-instructor", "members-web", (Exc("TypeError", frames=(*NG_CLICK, app("booking/booking-summary.component.ts", "BookingSummaryComponent.confirm", 52, 33, "chunk-booking"), app("booking/booking.store.ts", "BookingStore.summaryLine", 88, 29, "chunk-booking")), js=JsError("read-undefined", "session.instructor", "displayName")),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="chrome", release=2), see("posthog", browser="safari"), see("posthog", browser="chrome")),
        classes=(3, 4), pair="iy-timetable-instructor", page="/book/{id}", entry="/book/{id}", span=3),
    # Production Angular's bare NG02100 (InvalidPipeArgument) from two pipes at two places.
    Bug("iy-classcard-date-pipe", "members-web", (Exc("Error", "NG02100", (*NG_RENDER, app("timetable/class-card.component.html", "ClassCardComponent_Template", 9, 18, "chunk-timetable"), js(COMMON, "DatePipe.transform", 4735, 19, "main", lib=True), *PIPE)),),
        (see("sentry.error", 2, browser="chrome", release=1), see("sentry.issue", browser="edge", release=1), see("posthog", browser="firefox"), see("posthog", browser="safari")),
        classes=(4,), pair="iy-invoice-currency-pipe", page="/timetable", entry="/timetable"),
    Bug("iy-invoice-currency-pipe", "members-web", (Exc("Error", "NG02100", (*NG_RENDER, app("account/invoices/invoice-row.component.html", "InvoiceRowComponent_Template", 6, 22, "chunk-account"), js(COMMON, "CurrencyPipe.transform", 4918, 19, "main", lib=True), *PIPE)),),
        (see("sentry.error", browser="safari", release=2), see("sentry.error", browser="chrome", release=1), see("posthog", 2, browser="chrome"), see("posthog", browser="safari")),
        classes=(4,), pair="iy-classcard-date-pipe", page="/account/invoices", entry="/account/invoices"),
    # Zone's wrapped HttpClient rejections: a booking conflict and the payment intent's 502.
    Bug("iy-booking-409", "members-web", (Exc("Error", "Uncaught (in promise): HttpErrorResponse: " + REJECT.format(st=409, path="bookings", err='{"code":"SESSION_FULL","detail":"No places left"}'), ZONE_REJECT),),
        (see("sentry.error", 2, browser="chrome", release=1), see("sentry.error", browser="safari", release=2), see("posthog", browser="edge", mechanism="onunhandledrejection"), see("posthog", 2, browser="chrome", mechanism="onunhandledrejection")),
        classes=(4,), pair="iy-payment-intent-502", page="/book/{id}", entry="/book/{id}"),
    Bug("iy-payment-intent-502", "members-web", (Exc("Error", "Uncaught (in promise): HttpErrorResponse: " + REJECT.format(st=502, path="payments/intent", err='"<html><head><title>502 Bad Gateway</title></head></html>"'), ZONE_REJECT),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="chrome", release=2), see("posthog", 2, browser="chrome", mechanism="onunhandledrejection")),
        classes=(4,), pair="iy-booking-409", page="/membership/join", entry="/membership/join"),
    # One promo-code method, two exceptions: rules missing on a legacy code, and a stored
    # basket that is not JSON.
    Bug("iy-promo-rules-undefined", "members-web", (Exc("TypeError", frames=(*NG_CLICK, app("membership/join.component.ts", "JoinComponent.applyPromo", 131, 18, "chunk-membership"), app("membership/promo-code.service.ts", "PromoCodeService.apply", 24, 37, "chunk-membership")), js=JsError("read-undefined", "promo.rules", "minSpend")),),
        (see("sentry.error", browser="chrome", **MAPPED), see("sentry.error", browser="edge", release=1), see("posthog", browser="safari"), see("posthog", browser="firefox"), see("posthog", browser="chrome")),
        classes=(3, 4, 10), pair="iy-promo-basket-json", page="/membership/join", entry="/membership/join", span=2),
    Bug("iy-promo-basket-json", "members-web", (Exc("SyntaxError", '"[object Object]" is not valid JSON', (*NG_CLICK, app("membership/join.component.ts", "JoinComponent.applyPromo", 131, 18, "chunk-membership"), app("membership/promo-code.service.ts", "PromoCodeService.apply", 19, 31, "chunk-membership")), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 2 of the JSON data", "jsc": "JSON Parse error: Unexpected identifier \"object\""}),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="safari", release=1), see("posthog", browser="chrome"), see("posthog", browser="chrome", resolved=True)),
        classes=(3, 4), pair="iy-promo-rules-undefined", page="/membership/join", entry="/membership/join"),
    # One formatPence helper under two callers: Intl.NumberFormat given no currency.
    Bug("iy-invoice-list-currency", "members-web", (Exc("RangeError", "Invalid currency code : undefined", (*NG_INIT, app("account/invoices/invoice-list.component.ts", "InvoiceListComponent.ngOnInit", 47, 25, "chunk-account"), app("shared/money.ts", "formatPence", 11, 10, "main")), engines=CURRENCY),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="firefox", release=2), see("posthog", browser="safari"), see("posthog", browser="edge"), see("posthog", browser="chrome")),
        classes=(3, 4, 9), pair="iy-freeze-dialog-currency", page="/account/invoices", entry="/account/invoices"),
    Bug("iy-freeze-dialog-currency", "members-web", (Exc("RangeError", "Invalid currency code : undefined", (*NG_CLICK, app("membership/freeze/freeze-dialog.component.ts", "FreezeDialogComponent.quote", 63, 21, "chunk-membership"), app("shared/money.ts", "formatPence", 11, 10, "main")), engines=CURRENCY),),
        (see("sentry.error", browser="safari", release=2), see("sentry.error", browser="chrome", **MAPPED), see("posthog", browser="chrome"), see("posthog", browser="firefox")),
        classes=(3, 4, 9, 10), pair="iy-invoice-list-currency", page="/membership/freeze", entry="/membership/freeze"),
    # Lazy chunks gone after a deploy: each release names other chunk files.
    Bug("iy-chunk-import", "members-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js(ROUTER, "loadChildren", 5212, 12, "main", lib=True), js(ROUTER, "RouterPreloader.preloadConfig", 5402, 31, "main", lib=True)), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="chunk-booking", **MAPPED), see("sentry.error", browser="safari", chunk="chunk-booking", release=1), see("sentry.error", browser="firefox", chunk="chunk-account", release=2), see("posthog", browser="chrome", chunk="chunk-timetable"), see("posthog", browser="edge", chunk="chunk-booking")),
        classes=(3, 5), page="/book/{id}", entry="/book/{id}", span=3),
    # Signals written inside a computed(): production's bare NG0600.
    Bug("iy-lanes-signal-write", "members-web", (Exc("Error", "NG0600", (*NG_RENDER, app("swim/lane-grid.component.ts", "LaneGridComponent.freeLanes", 72, 19, "chunk-swim"), js(CORE, "throwInvalidWriteToSignalError", 1962, 11, "main", lib=True))),),
        (see("sentry.error", 2, browser="chrome", release=1), see("sentry.alert", browser="edge", release=2, rule="New issue in members-web"), see("posthog", browser="firefox"), see("posthog", browser="chrome")),
        page="/swim/lanes", entry="/swim/lanes"),
    # A null swim-lane read when the lane picker closes before the plan loads.
    Bug("iy-lane-picker-null", "members-web", (Exc("TypeError", frames=(*NG_CLICK, app("swim/lane-picker.component.ts", "LanePickerComponent.select", 38, 27, "chunk-swim")), js=JsError("read-null", "this.plan", "lanes")),),
        (see("sentry.error", browser="chrome", **MAPPED), see("sentry.error", browser="chrome", release=2), see("posthog", browser="safari"), see("posthog", browser="edge"), see("posthog", browser="firefox"), see("posthog", browser="chrome")),
        classes=(3, 10), page="/swim/lanes", entry="/swim/lanes", span=3, renames={"LanePickerComponent.select": "LanePickerComponent.choose"}),
    # A card expiry that is still an ISO string when the membership card renders.
    Bug("iy-card-expiry-not-function", "members-web", (Exc("TypeError", frames=(*NG_INIT, app("membership/card/membership-card.component.ts", "MembershipCardComponent.ngOnInit", 33, 41, "chunk-membership")), js=JsError("not-function", "this.card.expiresAt", "toLocaleDateString", "(\"en-GB\")")),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="safari", release=1), see("posthog", browser="firefox"), see("posthog", browser="edge"), see("posthog", browser="chrome", resolved=True)),
        classes=(3,), page="/membership/card", entry="/membership/card"),
    # Seen once: storage quota in Safari's private mode while caching the timetable.
    Bug("iy-timetable-quota", "members-web", (Exc("QuotaExceededError", "The quota has been exceeded.", (*NG_INIT, app("timetable/timetable-cache.service.ts", "TimetableCache.store", 21, 22, "chunk-timetable"))),),
        (see("posthog", browser="safari"),),
        singleton=True, page="/timetable", entry="/timetable"),
]

NOISE = [
    Noise("iy-noise-metric-resolved", "members-web", "sentry.metric", {"rule": "members-web errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("iy-noise-crash-free", "members-web", "sentry.metric", {"rule": "members-web crash free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "action": "resolved", "value": "{crashfree}"}),
]

GATESGARTH = Company(
    key="iy",
    name="Gatesgarth Leisure",
    domain="gatesgarth.example",
    sentry_org="gatesgarth",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="default",
    posthog_project=(48522, "Gatesgarth Members"),
    releases=("4.12.0", "4.13.0", "4.13.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gatesgarth-sentry-client-secret",
)
# fmt: on
