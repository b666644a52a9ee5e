"""(kd) Thursby Leisure Trust, a district's leisure centres: a member app built with Ionic 7 and
Angular 17 (the esbuild application builder: ``main-<HASH>.js``, ``polyfills-<HASH>.js``, lazy
pages as ``chunk-<HASH>.js``) wrapped by Capacitor 5. The same bundle runs from
``capacitor://localhost/`` on iOS (WKWebView, JavaScriptCore's wording) and from
``http://localhost/`` on Android (the system WebView, V8's wording): class timetables and
bookings, swim lessons, a waiting list, the membership card, a profile photo through the
Camera plugin, Stripe's payment sheet plugin.

Sentry: @sentry/capacitor with @sentry/angular-ivy's ``ErrorHandler``; one iOS release shipped
without its source maps. PostHog: posthog-js with exception autocapture (raw minified frames).
No Splunk, no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js

# fmt: off
SDK = ("sentry.javascript.capacitor", "0.15.1", "npm:@sentry/capacitor")
SERVICES = {
    "leisure-ios": Service("leisure-ios", "javascript", "", "", "", "", 9530031, origin="capacitor://localhost", framework="angular", sdk=SDK),
    "leisure-android": Service("leisure-android", "javascript", "", "", "", "", 9530031, origin="http://localhost", framework="angular", sdk=SDK),
}

ZONE = "node_modules/zone.js/fesm2015/zone.js"
CORE = "node_modules/@angular/core/fesm2022/core.mjs"
CLICK = (
    js(ZONE, "ZoneTask.invokeTask", 2428, 18, "polyfills", lib=True),
    js(ZONE, "_ZoneDelegate.invokeTask", 398, 31, "polyfills", lib=True),
    js(CORE, "Object.onInvokeTask", 15017, 33, "main", lib=True),
    js(CORE, "wrapListenerIn_markDirtyAndPreventDefault", 25180, 22, "main", lib=True),
)
INIT = (
    js(ZONE, "drainMicroTaskQueue", 591, 35, "polyfills", lib=True),
    js(ZONE, "_ZoneDelegate.invoke", 368, 26, "polyfills", lib=True),
    js(CORE, "callHookInternal", 4094, 14, "main", lib=True),
    js(CORE, "callHook", 4109, 13, "main", lib=True),
)
RENDER = (
    js(CORE, "detectChangesInView", 13521, 9, "main", lib=True),
    js(CORE, "executeTemplate", 12037, 9, "main", lib=True),
)
CAP = js("node_modules/@capacitor/core/dist/index.js", "Object.<anonymous>", 412, 28, "main", lib=True)
DATEFNS = js("node_modules/date-fns/format.mjs", "format", 347, 11, "main", lib=True)

CLASSES, BOOKINGS, SWIM, PROFILE, PAY, WAITLIST = "chunk-classes", "chunk-bookings", "chunk-swim", "chunk-profile", "chunk-pay", "chunk-waitlist"


def src(file: str, fn: str, line: int, col: int, chunk: str = "main") -> Frame:
    return js(f"src/app/{file}", fn, line, col, chunk)


API = src("core/api.service.ts", "ApiService.post", 52, 17)
LOCAL_DAY = src("shared/dates.ts", "toLocalDay", 18, 10)
CAMERA = src("profile/photo.service.ts", "PhotoService.pick", 24, 33, PROFILE)
SHEET = src("pay/payment-sheet.service.ts", "PaymentSheetService.present", 41, 22, PAY)


def both(chunk: str, ios: int = 2, android: int = 2, ph: int = 1) -> tuple:
    """iOS (WKWebView) and Android (WebView) deliveries to Sentry and PostHog."""
    return (
        see("sentry.error", ios, browser="safari", chunk=chunk, release=0),
        see("sentry.error", android, browser="android-webview", chunk=chunk, release=1, svc="leisure-android"),
        see("sentry.error", browser="safari", chunk=chunk, release=2, sourcemaps=False),
        see("posthog", ph, browser="android-webview", chunk=chunk, release=1, svc="leisure-android"),
        see("posthog", browser="safari", chunk=chunk, release=2),
    )


def android_heavy(chunk: str) -> tuple:
    return (
        see("sentry.error", 2, browser="android-webview", chunk=chunk, release=1, svc="leisure-android"),
        see("sentry.error", browser="safari", chunk=chunk, release=1),
        see("posthog", 2, browser="android-webview", chunk=chunk, release=2, svc="leisure-android"),
    )


BUGS = [
    # The same undefined slot read in a page and in a template.
    Bug("kd-class-slot-undefined", "leisure-ios", (Exc("TypeError", frames=(*INIT, src("classes/class-detail.page.ts", "ClassDetailPage.ngOnInit", 38, 29, CLASSES)), js=JsError("read-undefined", "session.slot", "startsAt")),),
        both(CLASSES), classes=(3, 4), pair="kd-booking-slot-undefined", page="/tabs/classes/{id}"),
    Bug("kd-booking-slot-undefined", "leisure-ios", (Exc("TypeError", frames=(*RENDER, src("bookings/booking-card.component.html", "BookingCardComponent_Template", 9, 41, BOOKINGS)), js=JsError("read-undefined", "ctx.booking.slot", "startsAt")),),
        android_heavy(BOOKINGS), classes=(3, 4), pair="kd-class-slot-undefined", page="/tabs/bookings"),
    # date-fns' own RangeError from one helper, two callers.
    Bug("kd-timetable-invalid-day", "leisure-ios", (Exc("RangeError", "Invalid time value", (*CLICK, src("classes/timetable.page.ts", "TimetablePage.pickDay", 71, 19, CLASSES), LOCAL_DAY, DATEFNS)),),
        both(CLASSES, ios=1, android=2, ph=2), classes=(3, 9), pair="kd-swim-invalid-day", page="/tabs/classes"),
    Bug("kd-swim-invalid-day", "leisure-ios", (Exc("RangeError", "Invalid time value", (*INIT, src("swim/lesson-plan.page.ts", "LessonPlanPage.ngOnInit", 33, 27, SWIM), LOCAL_DAY, DATEFNS)),),
        both(SWIM, ios=2, android=1, ph=1), classes=(3, 9), pair="kd-timetable-invalid-day", page="/tabs/swim"),
    # A 409 from two endpoints (HTTP/2: Angular's statusText is always "OK").
    Bug("kd-book-409", "leisure-ios", (Exc("Error", "Http failure response for https://api.thursby-leisure.example/v1/bookings: 409 OK", (*CLICK, src("classes/class-detail.page.ts", "ClassDetailPage.book", 64, 24, CLASSES), API)),),
        both(CLASSES, ios=2, android=1, ph=1), classes=(4, 9), pair="kd-waitlist-409", page="/tabs/classes/{id}"),
    Bug("kd-waitlist-409", "leisure-ios", (Exc("Error", "Http failure response for https://api.thursby-leisure.example/v1/waitlist/{id}: 409 OK", (*CLICK, src("waitlist/waitlist.page.ts", "WaitlistPage.join", 45, 24, WAITLIST), API)),),
        android_heavy(WAITLIST), classes=(4, 9), pair="kd-book-409", page="/tabs/classes/{id}/waitlist"),
    # One Camera call, two refusals.
    Bug("kd-photo-denied", "leisure-ios", (Exc("Error", "User denied access to photos", (*CLICK, src("profile/profile.page.ts", "ProfilePage.changePhoto", 57, 28, PROFILE), CAMERA, CAP)),),
        both(PROFILE, ios=3, android=1, ph=1), classes=(4,), pair="kd-photo-cancelled", page="/tabs/profile"),
    Bug("kd-photo-cancelled", "leisure-ios", (Exc("Error", "User cancelled photos app", (*CLICK, src("profile/profile.page.ts", "ProfilePage.changePhoto", 57, 28, PROFILE), CAMERA, CAP)),),
        both(PROFILE, ios=1, android=2, ph=2), classes=(4,), pair="kd-photo-denied", page="/tabs/profile"),
    # One payment-sheet method: the plugin missing on an old native shell, a null intent.
    Bug("kd-sheet-not-fn", "leisure-ios", (Exc("TypeError", frames=(*CLICK, src("pay/checkout.page.ts", "CheckoutPage.pay", 82, 20, PAY), SHEET), js=JsError("not-function", "this.stripe.createPaymentSheet", "createPaymentSheet", "({paymentIntentClientSecret:e})")),),
        both(PAY, ios=2, android=1, ph=1), classes=(3, 4), pair="kd-sheet-null-intent", page="/tabs/membership/pay"),
    Bug("kd-sheet-null-intent", "leisure-ios", (Exc("TypeError", frames=(*CLICK, src("pay/checkout.page.ts", "CheckoutPage.pay", 82, 20, PAY), SHEET), js=JsError("read-null", "this.intent", "clientSecret")),),
        android_heavy(PAY), classes=(3, 4), pair="kd-sheet-not-fn", page="/tabs/membership/pay"),
    # A lazy page's chunk gone after an app update; the engines word it differently.
    Bug("kd-chunk-import", "leisure-ios", (Exc("TypeError", "Failed to fetch dynamically imported module: http://localhost/chunk-SWIMX4QZ.js", (js(CORE, "ZoneAwarePromise.then", 1298, 12, "polyfills", lib=True), js("node_modules/@angular/router/fesm2022/router.mjs", "loadChildren", 3217, 20, "main", lib=True)), engines={"jsc": "Importing a module script failed."}),),
        both("main", ios=2, android=2, ph=1), classes=(3,), page="/tabs/swim"),
    # The stored session, parsed on start.
    Bug("kd-session-json", "leisure-ios", (Exc("SyntaxError", "Unexpected token 'u', \"undefined\" is not valid JSON", (*INIT, src("core/session.store.ts", "SessionStore.restore", 21, 30)), engines={"jsc": "JSON Parse error: Unexpected identifier \"undefined\""}),),
        both("main", ios=1, android=2, ph=2), classes=(3,), page="/"),
    # Over three releases, its page method renamed.
    Bug("kd-card-barcode-null", "leisure-ios", (Exc("TypeError", frames=(*INIT, src("membership/card.page.ts", "CardPage.ionViewWillEnter", 29, 31, "main"), src("membership/barcode.ts", "renderBarcode", 14, 19)), js=JsError("read-null", "canvas", "getContext")),),
        (see("sentry.error", 2, browser="safari", release=0), see("sentry.error", browser="android-webview", release=1, svc="leisure-android"), see("sentry.error", browser="safari", release=2), see("posthog", browser="android-webview", release=2, svc="leisure-android")),
        classes=(3, 5), page="/tabs/membership", span=3, renames={"CardPage.ionViewWillEnter": "CardPage.ionViewDidEnter"}),
    # iOS only: push registration without the entitlement.
    Bug("kd-push-entitlement", "leisure-ios", (Exc("Error", "no valid \u201caps-environment\u201d entitlement string found for application", (*INIT, src("core/push.service.ts", "PushService.register", 31, 25), CAP)),),
        (see("sentry.error", 3, browser="safari", release=1), see("posthog", browser="safari", release=1)),
        classes=(4,), page="/"),
    Bug("kd-singleton-share", "leisure-ios", (Exc("Error", "Share canceled", (*CLICK, src("classes/class-detail.page.ts", "ClassDetailPage.share", 99, 12, CLASSES), CAP)),),
        (see("sentry.error", browser="android-webview", chunk=CLASSES, release=2, svc="leisure-android"),), singleton=True, page="/tabs/classes/{id}"),
]

NOISE = [
    Noise("kd-noise-crashfree", "leisure-ios", "sentry.metric", {"rule": "leisure app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "critical", "value": "{crashfree}"}),
    Noise("kd-noise-resolved", "leisure-ios", "sentry.metric", {"rule": "leisure app error count", "aggregate": "count()", "dataset": "events", "action": "resolved", "value": "{n}"}),
]

THURSBY = Company(
    key="kd",
    name="Thursby Leisure Trust",
    domain="thursby-leisure.example",
    sentry_org="thursby-leisure",
    splunk_url="https://thursby-leisure.splunkcloud.com",
    splunk_guid="91A4C6E2-0D7B-4F35-B8A9-5E2C7D1F0A46",
    datadog_org=("953901", "Thursby Leisure Trust"),
    datadog_template="recommended",
    posthog_project=(95301, "Leisure app"),
    releases=("3.4.0", "3.4.1", "3.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="thursby-leisure-sentry-client-secret",
)
# fmt: on
