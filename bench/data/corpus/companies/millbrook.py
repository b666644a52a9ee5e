"""(mf) Millbrook Vets, a group of veterinary practices: ``booking-web``, an Angular 17 SPA
(standalone components, lazy routes, signals) built by the CLI's esbuild application builder
(``main-<HASH>.js``, ``polyfills-<HASH>.js`` with zone.js, lazy ``chunk-<HASH>.js``) where
owners book appointments, register pets, buy treatment plans and manage reminders.

Sentry: @sentry/angular's ``ErrorHandler`` (source maps uploaded from the second release on;
the first release shows minified frames). PostHog: posthog-js exception autocapture in
Chrome, Edge, Firefox and Safari's words, raw minified frames, some processed events with
resolved ones. Splunk: the team's ``ErrorHandler`` also posts each error to the API's
``/client-errors`` endpoint, which writes it to Splunk HEC (the message, the engine's own
stack, the page, the user agent): one saved search over all of them. Datadog: the Browser
Logs SDK's ``forwardErrorsToLogs``, one log monitor on ``source:browser`` pasting
``error.kind`` and ``error.message``. Production Angular throws bare ``NG0…`` codes; zone.js
wraps unhandled rejections as ``Uncaught (in promise): …``. All four tools.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import js
from .gatesgarth import CORE, NG_CLICK, NG_INIT, NG_RENDER, ROUTER, ZONE_REJECT

# fmt: off
SDK = ("sentry.javascript.angular", "7.114.0", "npm:@sentry/angular")
SERVICES = {
    "booking-web": Service("booking-web", "javascript", "mf-clienterr", "millbrook:client_errors", "http:booking-web-client-errors", "millbrook_web", 11330041, origin="https://book.millbrookvets.example", framework="angular", sdk=SDK),
}
REJECT = '{{"headers":{{"normalizedNames":{{}},"lazyUpdate":null}},"status":{st},"statusText":"OK","url":"https://api.millbrookvets.example/v2/{path}","ok":false,"name":"HttpErrorResponse","message":"Http failure response for https://api.millbrookvets.example/v2/{path}: {st} OK","error":{err}}}'
INVALID_DATE = {"spidermonkey": "invalid date", "jsc": "Invalid Date"}
DATE_FNS = js("node_modules/date-fns/format.mjs", "format", 370, 11, "main", lib=True)
FORMAT_SLOT = js("src/app/shared/slot-format.ts", "formatSlot", 12, 10, "main")
INJECT = js(CORE, "injectInjectorOnly", 1081, 15, "main", lib=True)


def app(path: str, function: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"src/app/{path}", function, line, col, chunk)


RAW = dict(sourcemaps=False, release=0)
SEARCH = dict(search="Millbrook - booking-web client errors", owner="mf_web", app="millbrook")
DD = dict(team="web", monitor="[booking-web] browser errors", filter="source:browser service:booking-web status:error", text="Browser errors on booking-web over 20 in 10 minutes.\n\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


BUGS = [
    # The same undefined read of a pet's species in the pet list and the booking summary.
    Bug("mf-petlist-species", "booking-web", (Exc("TypeError", frames=(*NG_RENDER, app("pets/pet-list.component.ts", "PetListComponent_Template", 19, 33, "chunk-pets")), js=JsError("read-undefined", "pet.species", "label")),),
        (see("sentry.error", browser="chrome", **RAW), see("sentry.error", browser="safari", release=1), see("posthog", browser="chrome"), see("posthog", browser="firefox"), spl(browser="edge"), dd(browser="chrome")),
        classes=(2, 3, 4, 10), pair="mf-summary-species", page="/pets", entry="/pets", span=2),
    Bug("mf-summary-species", "booking-web", (Exc("TypeError", frames=(*NG_CLICK, app("booking/booking-summary.component.ts", "BookingSummaryComponent.confirm", 57, 29, "chunk-booking"), app("booking/booking.store.ts", "BookingStore.speciesLabel", 23, 31, "chunk-booking")), js=JsError("read-undefined", "pet.species", "label")),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="chrome", release=2), see("posthog", browser="safari"), see("posthog", 2, browser="chrome"), spl(browser="firefox"), dd(browser="safari")),
        classes=(2, 3, 4), pair="mf-petlist-species", page="/book/summary", entry="/book/summary", span=3),
    # Bare NG0203: inject() outside an injection context, in two services.
    Bug("mf-reminder-inject", "booking-web", (Exc("Error", "NG0203", (*NG_CLICK, app("reminders/reminder-settings.component.ts", "ReminderSettingsComponent.save", 44, 17, "chunk-reminders"), app("reminders/reminder.service.ts", "ReminderService.schedule", 31, 22, "chunk-reminders"), INJECT)),),
        (see("sentry.error", 2, browser="chrome", release=1), see("sentry.issue", browser="edge", release=1), see("posthog", browser="firefox"), spl(browser="chrome"), dd()),
        classes=(2, 4), pair="mf-plan-inject", page="/reminders", entry="/reminders"),
    Bug("mf-plan-inject", "booking-web", (Exc("Error", "NG0203", (*NG_INIT, app("plans/plan-checkout.component.ts", "PlanCheckoutComponent.ngOnInit", 38, 9, "chunk-plans"), app("plans/plan-pricing.service.ts", "PlanPricingService.quote", 18, 25, "chunk-plans"), INJECT)),),
        (see("sentry.error", browser="safari", release=2), see("sentry.error", browser="chrome", release=1), see("posthog", 2, browser="chrome"), spl(browser="safari"), dd(2)),
        classes=(2, 4), pair="mf-reminder-inject", page="/plans/checkout", entry="/plans/checkout"),
    # One slot formatter under two callers: date-fns given an unparsed string.
    Bug("mf-slot-date", "booking-web", (Exc("RangeError", "Invalid time value", (*NG_RENDER, app("booking/slot-picker.component.ts", "SlotPickerComponent_For_3_Template", 28, 41, "chunk-booking"), FORMAT_SLOT, DATE_FNS), engines=INVALID_DATE),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="firefox", release=2), see("posthog", browser="safari"), see("posthog", browser="edge"), spl(2, browser="chrome"), dd(browser="firefox")),
        classes=(2, 3, 4, 9), pair="mf-reminder-date", page="/book/slots", entry="/book/slots"),
    Bug("mf-reminder-date", "booking-web", (Exc("RangeError", "Invalid time value", (*NG_INIT, app("reminders/reminder-list.component.ts", "ReminderListComponent.ngOnInit", 26, 18, "chunk-reminders"), FORMAT_SLOT, DATE_FNS), engines=INVALID_DATE),),
        (see("sentry.error", browser="safari", release=2), see("sentry.error", browser="chrome", **RAW), see("posthog", browser="chrome"), see("posthog", browser="firefox"), spl(browser="safari")),
        classes=(3, 4, 9, 10), pair="mf-slot-date", page="/reminders", entry="/reminders"),
    # Zone-wrapped HttpClient rejections: a slot taken (409) and the plans API down (503).
    Bug("mf-slot-409", "booking-web", (Exc("Error", "Uncaught (in promise): HttpErrorResponse: " + REJECT.format(st=409, path="appointments", err='{"code":"SLOT_TAKEN","detail":"This appointment slot is no longer available"}'), ZONE_REJECT),),
        (see("sentry.error", 2, browser="chrome", release=1), see("posthog", browser="edge", mechanism="onunhandledrejection"), see("posthog", browser="chrome", mechanism="onunhandledrejection"), spl(browser="chrome"), dd(browser="edge")),
        classes=(2, 4), pair="mf-plans-503", page="/book/summary", entry="/book/summary"),
    Bug("mf-plans-503", "booking-web", (Exc("Error", "Uncaught (in promise): HttpErrorResponse: " + REJECT.format(st=503, path="plans/quote", err='"<html><body><h1>503 Service Unavailable</h1></body></html>"'), ZONE_REJECT),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="chrome", release=2), see("posthog", browser="safari", mechanism="onunhandledrejection"), spl(2, browser="chrome"), dd(2, browser="chrome")),
        classes=(2, 4), pair="mf-slot-409", page="/plans/checkout", entry="/plans/checkout"),
    # One pet form method, two exceptions: a null microchip and a weight stored as a string.
    Bug("mf-petform-chip-null", "booking-web", (Exc("TypeError", frames=(*NG_CLICK, app("pets/pet-form.component.ts", "PetFormComponent.submit", 72, 35, "chunk-pets")), js=JsError("read-null", "this.form.value.microchip", "trim")),),
        (see("sentry.error", browser="chrome", **RAW), see("sentry.error", browser="edge", release=1), see("posthog", browser="safari"), see("posthog", browser="firefox"), spl(browser="firefox")),
        classes=(3, 4, 10), pair="mf-petform-weight", page="/pets/new", entry="/pets/new", span=2),
    Bug("mf-petform-weight", "booking-web", (Exc("TypeError", frames=(*NG_CLICK, app("pets/pet-form.component.ts", "PetFormComponent.submit", 79, 48, "chunk-pets")), js=JsError("not-function", "this.form.value.weightKg", "toFixed", "(1)")),),
        (see("sentry.error", browser="safari", release=1), see("sentry.error", browser="chrome", release=1), see("posthog", browser="chrome"), see("posthog", browser="edge", resolved=True), dd(browser="chrome")),
        classes=(2, 3, 4), pair="mf-petform-chip-null", page="/pets/new", entry="/pets/new"),
    # Lazy chunks gone after a deploy.
    Bug("mf-chunk-import", "booking-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js(ROUTER, "loadChildren", 5212, 12, "main", lib=True), js(ROUTER, "RouterPreloader.preloadConfig", 5402, 31, "main", lib=True)), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="chunk-plans", **RAW), see("sentry.error", browser="safari", chunk="chunk-booking", release=1), see("sentry.error", browser="firefox", chunk="chunk-pets", release=2), see("posthog", browser="chrome", chunk="chunk-reminders"), spl(browser="safari", chunk="chunk-booking"), dd(browser="firefox", chunk="chunk-pets")),
        classes=(2, 3, 5), page="/plans", entry="/plans", span=3),
    # A signal written inside a computed(): bare NG0600.
    Bug("mf-basket-signal-write", "booking-web", (Exc("Error", "NG0600", (*NG_RENDER, app("plans/plan-basket.component.ts", "PlanBasketComponent.total", 41, 19, "chunk-plans"), js(CORE, "throwInvalidWriteToSignalError", 1962, 11, "main", lib=True))),),
        (see("sentry.error", 2, browser="chrome", release=1), see("sentry.alert", browser="edge", release=2, rule="New issue in booking-web"), see("posthog", browser="firefox"), spl(browser="chrome")),
        classes=(), page="/plans/basket", entry="/plans/basket", renames={"PlanBasketComponent.total": "PlanBasketComponent.subtotal"}),
    # A practice with no opening hours on the map page.
    Bug("mf-practice-hours", "booking-web", (Exc("TypeError", frames=(*NG_INIT, app("practices/practice-card.component.ts", "PracticeCardComponent.ngOnInit", 33, 40, "chunk-practices")), js=JsError("read-undefined", "this.practice.openingHours", "find")),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="safari", release=2), see("posthog", browser="firefox"), see("posthog", browser="edge"), see("posthog", browser="chrome", resolved=True), dd(browser="safari")),
        classes=(2, 3), page="/practices", entry="/practices"),
    # An insurance details cookie holding "undefined".
    Bug("mf-insurance-json", "booking-web", (Exc("SyntaxError", '"undefined" is not valid JSON', (*NG_INIT, app("insurance/insurance-panel.component.ts", "InsurancePanelComponent.ngOnInit", 24, 30, "chunk-insurance"), js("<anonymous>", "JSON.parse", 0, 0, "main", lib=True)), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unexpected identifier \"undefined\""}),),
        (see("sentry.error", browser="firefox", release=1), see("sentry.error", browser="safari", release=2), see("posthog", browser="chrome"), spl(browser="safari"), dd(browser="firefox")),
        classes=(2, 3), page="/insurance", entry="/insurance"),
    # Seen once: Safari's private-mode storage while saving the booking draft.
    Bug("mf-singleton-quota", "booking-web", (Exc("QuotaExceededError", "The quota has been exceeded.", (*NG_CLICK, app("booking/draft.service.ts", "DraftService.persist", 21, 20, "chunk-booking"))),),
        (see("posthog", browser="safari"),),
        singleton=True, page="/book/summary", entry="/book/summary"),
]

NOISE = [
    Noise("mf-noise-metric-resolved", "booking-web", "sentry.metric", {"rule": "booking-web errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("mf-noise-dd-recovered", "booking-web", "datadog.log", {"monitor": "[booking-web] browser errors", "transition": "Recovered", "alert_type": "success", "team": "web", "filter": "source:browser service:booking-web status:error", "text": "Browser errors on booking-web are back under 20 in 10 minutes."}),
]

MILLBROOK = Company(
    key="mf",
    name="Millbrook Vets",
    domain="millbrookvets.example",
    sentry_org="millbrook-vets",
    splunk_url="https://millbrook.splunkcloud.com",
    splunk_guid="0E4B9C27-5A13-4D8F-B6E2-7F31A9C04D52",
    datadog_org=("1133001", "Millbrook Vets"),
    datadog_template="own",
    posthog_project=(113300, "Millbrook booking"),
    releases=("3.8.0", "3.9.0", "3.9.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="millbrook-sentry-client-secret",
)
# fmt: on
