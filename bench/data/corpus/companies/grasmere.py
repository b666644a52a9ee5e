"""(ih) Grasmere Lake Ferries, a passenger-ferry operator's mobile app: Ionic 7 with Angular 17
(the webpack browser builder: ``main.<16 hex>.js``, ``polyfills``, lazy pages as
``<id>.<16 hex>.js``) wrapped by Capacitor 6 for iOS and Android (``ferries-app``): the bundle is
served from ``capacitor://localhost/``; iOS runs it in WKWebView (JavaScriptCore's wording),
Android in the system WebView (V8's). Tickets, boarding passes, a QR scanner plugin, the
Geolocation plugin for the nearest pier, card payments.

Sentry: @sentry/capacitor with @sentry/angular's ``ErrorHandler``; source maps uploaded from CI
except for one hotfix release. PostHog: posthog-js with exception autocapture (raw minified
frames). No Splunk, no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js

# fmt: off
SERVICES = {
    "ferries-app": Service("ferries-app", "javascript", "", "", "", "", 7930011, origin="capacitor://localhost", framework="angular", sdk=("sentry.javascript.capacitor", "1.2.0", "npm:@sentry/capacitor")),
}

ZONE = "node_modules/zone.js/fesm2015/zone.js"
CORE = "node_modules/@angular/core/fesm2022/core.mjs"
# A click: zone.js's task under Angular's listener wrapper (oldest first).
CLICK = (
    js(ZONE, "ZoneTask.invokeTask", 2451, 18, "polyfills", lib=True),
    js(ZONE, "_ZoneDelegate.invokeTask", 402, 31, "polyfills", lib=True),
    js(CORE, "Object.onInvokeTask", 14923, 33, "main", lib=True),
    js(CORE, "wrapListenerIn_markDirtyAndPreventDefault", 24751, 22, "main", lib=True),
)
# ngOnInit after a resolved promise (zone's microtask drain).
INIT = (
    js(ZONE, "drainMicroTaskQueue", 593, 35, "polyfills", lib=True),
    js(ZONE, "ZoneDelegate.invokeTask", 402, 31, "polyfills", lib=True),
    js(CORE, "callHookInternal", 4020, 14, "main", lib=True),
    js(CORE, "callHook", 4035, 13, "main", lib=True),
)
SENTRY_NG = "node_modules/@sentry/angular/fesm2022/sentry-angular.mjs"
# Change detection rendering a component's template.
RENDER = (
    js(CORE, "detectChangesInView", 13390, 9, "main", lib=True),
    js(CORE, "executeTemplate", 11961, 9, "main", lib=True),
)

TICKETS, BOARDING, TIMETABLE, PAY, SCAN = "318", "624", "207", "951", "780"


def src(file: str, fn: str, line: int, col: int, chunk: str = "main") -> Frame:
    return js(f"src/app/{file}", fn, line, col, chunk)


API_GET = src("core/api.service.ts", "ApiService.get", 41, 15)
TO_DAY = src("shared/dates.ts", "toIsoDay", 12, 27)
LOCATE = src("core/location.service.ts", "LocationService.current", 23, 19)
SCANNER = src("boarding/qr-scan.service.ts", "QrScanService.scan", 31, 21, BOARDING)
PLUGIN = js("node_modules/@capacitor/core/dist/index.js", "Object.<anonymous>", 389, 28, "main", lib=True)


def both(chunk: str, n_ios: int = 2, n_and: int = 1, n_ph: int = 2) -> tuple:
    """iOS (WKWebView) and Android (WebView) deliveries to Sentry and PostHog."""
    return (
        see("sentry.error", n_ios, browser="safari", chunk=chunk, release=0),
        see("sentry.error", n_and, browser="chrome", chunk=chunk, release=1),
        see("sentry.error", browser="safari", chunk=chunk, release=2, sourcemaps=False),
        see("posthog", n_ph, browser="chrome", chunk=chunk, release=1),
        see("posthog", browser="safari", chunk=chunk, release=2),
    )


def sentry_only(chunk: str) -> tuple:
    return (
        see("sentry.error", 2, browser="safari", chunk=chunk, release=1),
        see("sentry.error", browser="chrome", chunk=chunk, release=2),
        see("sentry.issue", browser="chrome", chunk=chunk, release=2),
    )


def posthog_heavy(chunk: str) -> tuple:
    return (
        see("sentry.error", browser="chrome", chunk=chunk, release=0),
        see("posthog", 2, browser="safari", chunk=chunk, release=0),
        see("posthog", browser="chrome", chunk=chunk, release=1),
        see("posthog", browser="safari", chunk=chunk, release=2),
    )


BUGS = [
    # The same undefined vessel read in two components.
    Bug("ih-ticket-vessel-undefined", "ferries-app", (Exc("TypeError", frames=(*INIT, src("tickets/ticket-detail.page.ts", "TicketDetailPage.ngOnInit", 44, 31, TICKETS)), js=JsError("read-undefined", "ticket.vessel", "name")),),
        both(TICKETS), classes=(3, 4), pair="ih-pass-vessel-undefined", page="/tabs/tickets/{id}"),
    Bug("ih-pass-vessel-undefined", "ferries-app", (Exc("TypeError", frames=(*RENDER, src("boarding/boarding-pass.component.html", "BoardingPassComponent_Template", 12, 45, BOARDING)), js=JsError("read-undefined", "ctx.ticket.vessel", "name")),),
        sentry_only(BOARDING), classes=(3, 4), pair="ih-ticket-vessel-undefined", page="/boarding"),
    # One shared date helper at the end of two bugs.
    Bug("ih-timetable-invalid-day", "ferries-app", (Exc("RangeError", "Invalid time value", (*CLICK, src("timetable/timetable.page.ts", "TimetablePage.selectDay", 67, 22, TIMETABLE), TO_DAY), engines={"jsc": "Invalid Date"}),),
        both(TIMETABLE, n_ios=1, n_and=2, n_ph=1), classes=(3, 9), pair="ih-rebook-invalid-day", page="/tabs/timetable"),
    Bug("ih-rebook-invalid-day", "ferries-app", (Exc("RangeError", "Invalid time value", (*CLICK, src("tickets/rebook.modal.ts", "RebookModal.confirm", 88, 30, TICKETS), TO_DAY), engines={"jsc": "Invalid Date"}),),
        posthog_heavy(TICKETS), classes=(3, 9), pair="ih-timetable-invalid-day", page="/tabs/tickets/{id}/rebook"),
    # One location call, two failures of the Geolocation plugin.
    Bug("ih-geo-denied", "ferries-app", (Exc("Error", "Location permission was denied", (*INIT, src("piers/nearest-pier.page.ts", "NearestPierPage.ngOnInit", 29, 18, TIMETABLE), LOCATE, PLUGIN)),),
        both(TIMETABLE, n_ios=2, n_and=2, n_ph=1), classes=(4,), pair="ih-geo-unavailable", page="/tabs/piers"),
    Bug("ih-geo-unavailable", "ferries-app", (Exc("Error", "location unavailable", (*INIT, src("piers/nearest-pier.page.ts", "NearestPierPage.ngOnInit", 29, 18, TIMETABLE), LOCATE, PLUGIN)),),
        sentry_only(TIMETABLE), classes=(4,), pair="ih-geo-denied", page="/tabs/piers"),
    # The API's not-found error: a booking or a sailing.
    Bug("ih-booking-not-found", "ferries-app", (Exc("NotFoundError", "Booking GF-{id} not found", (*INIT, src("tickets/ticket-detail.page.ts", "TicketDetailPage.load", 58, 24, TICKETS), API_GET)),),
        both(TICKETS, n_ios=2, n_and=1, n_ph=1), classes=(4, 9), pair="ih-sailing-not-found", page="/tabs/tickets/{id}"),
    Bug("ih-sailing-not-found", "ferries-app", (Exc("NotFoundError", "Sailing {id} not found", (*CLICK, src("timetable/sailing.page.ts", "SailingPage.refresh", 36, 24, TIMETABLE), API_GET)),),
        both(TIMETABLE, n_ios=1, n_and=2, n_ph=2), classes=(4, 9), pair="ih-booking-not-found", page="/tabs/timetable/sailing/{id}"),
    # One scan call: an old plugin without startScan, and the camera refused.
    Bug("ih-scan-not-fn", "ferries-app", (Exc("TypeError", frames=(*CLICK, src("boarding/boarding.page.ts", "BoardingPage.scan", 51, 20, BOARDING), SCANNER), js=JsError("not-function", "BarcodeScanner", "startScan", "()")),),
        both(BOARDING, n_ios=1, n_and=1, n_ph=1), classes=(3, 4), pair="ih-scan-camera-denied", page="/boarding"),
    Bug("ih-scan-camera-denied", "ferries-app", (Exc("Error", "User denied access to camera", (*CLICK, src("boarding/boarding.page.ts", "BoardingPage.scan", 51, 20, BOARDING), SCANNER, PLUGIN)),),
        posthog_heavy(BOARDING), classes=(4,), pair="ih-scan-not-fn", page="/boarding"),
    # A payment sheet, in two releases: the handler's caller renamed.
    Bug("ih-pay-intent-null", "ferries-app", (Exc("TypeError", frames=(*CLICK, src("checkout/checkout.page.ts", "CheckoutPage.payNow", 74, 33, PAY), src("checkout/payment.service.ts", "PaymentService.confirm", 19, 41, PAY)), js=JsError("read-null", "this.intent", "clientSecret")),),
        both(PAY), classes=(3, 5), page="/checkout", span=3, renames={"CheckoutPage.payNow": "CheckoutPage.confirmAndPay"}),
    # Not pairs.
    Bug("ih-stored-json", "ferries-app", (Exc("SyntaxError", "Unexpected token 'u', \"undefined\" is not valid JSON", (*INIT, src("core/session.store.ts", "SessionStore.restore", 15, 30)), engines={"jsc": "JSON Parse error: Unexpected identifier \"undefined\""}),),
        both("main", n_ios=2, n_and=1, n_ph=1), classes=(3,), page="/"),
    Bug("ih-route-undefined", "ferries-app", (Exc("Error", "NG04002: Cannot match any routes. URL Segment: 'tabs/tickets/undefined'", (js("node_modules/@angular/router/fesm2022/router.mjs", "ApplyRedirects.noMatchError", 2601, 16, "main", lib=True),)),),
        sentry_only("main"), classes=(10,), page="/tabs/tickets"),
    Bug("ih-http-unknown", "ferries-app", (Exc("Error", "Http failure response for https://api.grasmere-ferries.example/v2/tickets: 0 Unknown Error", (*INIT, js(SENTRY_NG, "SentryErrorHandler.handleError", 78, 31, "main", lib=True), js(SENTRY_NG, "SentryErrorHandler._defaultExtractor", 121, 20, "main", lib=True), js(SENTRY_NG, "extractHttpModuleError", 35, 16, "main", lib=True))),),
        (see("sentry.error", 3, browser="safari", release=1), see("sentry.error", 2, browser="chrome", release=2), see("posthog", browser="safari", release=2)),
        classes=(10,), page="/tabs/tickets"),
    Bug("ih-quota", "ferries-app", (Exc("QuotaExceededError", "The quota has been exceeded.", (*CLICK, src("tickets/offline-cache.service.ts", "OfflineCache.put", 27, 20, TICKETS)), engines={"v8": "Failed to execute 'setItem' on 'Storage': Setting the value of 'gf.tickets' exceeded the quota."}),),
        both(TICKETS, n_ios=1, n_and=1, n_ph=1), classes=(3,), page="/tabs/tickets"),
    Bug("ih-singleton-share", "ferries-app", (Exc("Error", "Share canceled", (*CLICK, src("tickets/ticket-detail.page.ts", "TicketDetailPage.share", 97, 12, TICKETS), PLUGIN)),),
        (see("sentry.error", browser="safari", chunk=TICKETS, release=2),), singleton=True, page="/tabs/tickets/{id}"),
]

NOISE = [
    Noise("ih-noise-crashfree", "ferries-app", "sentry.metric", {"rule": "ferries-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "critical", "value": "{crashfree}"}),
    Noise("ih-noise-resolved", "ferries-app", "sentry.metric", {"rule": "ferries-app error count", "aggregate": "count()", "dataset": "events", "action": "resolved", "value": "{n}"}),
]

GRASMERE = Company(
    key="ih",
    name="Grasmere Lake Ferries",
    domain="grasmere-ferries.example",
    sentry_org="grasmere-ferries",
    splunk_url="https://grasmere-ferries.splunkcloud.com",
    splunk_guid="6F1B2C84-9A3D-4E07-8B65-D2C0A1E97F34",
    datadog_org=("793001", "Grasmere Lake Ferries"),
    datadog_template="recommended",
    posthog_project=(79301, "Grasmere ferries app"),
    releases=("4.8.0", "4.8.1", "4.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="grasmere-ferries-sentry-client-secret",
)
# fmt: on
