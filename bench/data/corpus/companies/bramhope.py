"""(km) Bramhope Lettings, a letting agency's back-office admin: an Ember.js 5.4 app built by
classic ember-cli with ember-auto-import's webpack 5 (``bramhope-admin``: Glimmer components,
Ember Data 5 models over a JSON:API backend, date-fns for dates), served with ember-cli's
fingerprinting as ``/assets/vendor-<md5>.js`` (Ember, Glimmer, Backburner, Ember Data,
date-fns) and ``/assets/bramhope-admin-<md5>.js`` (the app's modules; ember-cli names it after
the app's ``modulePrefix``), lazy ``chunk.<id>.<hash>.js`` from ember-auto-import.

Sentry: @sentry/ember 7 (``Ember.onerror`` and RSVP's ``onerror``); the first release
(2026.3.0) shipped without source maps, so its events keep the minified frames. PostHog:
posthog-js exception autocapture, raw minified frames in Chrome, Edge, Firefox and Safari, a
few resolved. No logs anywhere: there is no server of its own.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js

# fmt: off
SDK = ("sentry.javascript.ember", "7.109.0", "npm:@sentry/ember")
APP = "bramhope-admin"
SERVICES = {
    "admin-web": Service("admin-web", "javascript", "", "", "", "", 6604218, origin="https://admin.bramhope.example", framework="onerror", sdk=SDK),
}
GLIMMER = "node_modules/@glimmer/runtime/dist/prod/index.js"
BB = "node_modules/backburner.js/dist/es6/backburner.js"
CLICK = (
    js(GLIMMER, "HTMLButtonElement.<anonymous>", 4120, 13, "vendor", lib=True),
)
RENDER = (
    js(BB, "Backburner._end", 1041, 37, "vendor", lib=True),
    js(BB, "DeferredActionQueues.flush", 642, 29, "vendor", lib=True),
    js(BB, "Queue.flush", 291, 13, "vendor", lib=True),
    js("node_modules/@glimmer/validator/dist/prod/index.js", "track", 652, 7, "vendor", lib=True),
)
ROUTE = (
    js("node_modules/rsvp/dist/rsvp.js", "invokeCallback", 434, 17, "vendor", lib=True),
    js("node_modules/router_js/dist/modules/route-info.js", "UnresolvedRouteInfoByParam.getModel", 345, 20, "vendor", lib=True),
)
ED = (
    js("node_modules/@ember-data/store/addon/-private/store-service.js", "Store.findRecord", 1512, 17, "vendor", lib=True),
    js("node_modules/@ember-data/legacy-compat/addon/legacy-network-handler/legacy-network-handler.js", "_findRecord", 312, 9, "vendor", lib=True),
    js("node_modules/@ember-data/adapter/addon/rest.js", "RESTAdapter.handleResponse", 1021, 13, "vendor", lib=True),
)
DATE_FNS = js("node_modules/date-fns/esm/format/index.js", "format", 364, 11, "vendor", lib=True)


def comp(name: str, fn: str, line: int, col: int) -> Frame:
    return js(f"{APP}/components/{name}.js", fn, line, col, APP)


def rte(name: str, line: int, col: int) -> Frame:
    return js(f"{APP}/routes/{name}.js", "model", line, col, APP)


def h(fn: str, line: int, col: int) -> Frame:
    return js(f"{APP}/utils/{fn}.js", fn, line, col, APP)


BROWSERS = ("chrome", "edge", "firefox", "safari")


def ph(browser: str, **kw: object) -> object:
    return see("posthog", browser=browser, chunk=APP, **kw)


def sentry_raw(browser: str, n: int = 1) -> object:
    """The first release, without source maps: minified frames only."""
    return see("sentry.error", n, browser=browser, chunk=APP, release=0, raw=True)


def sentry(browser: str, n: int = 1, release: int = 1) -> object:
    return see("sentry.error", n, browser=browser, chunk=APP, release=release)


INVALID_TIME = "Invalid time value"

BUGS = [
    # tenancy.currentRent.amount read in two components.
    Bug("km-summary-rent", "admin-web", (Exc("TypeError", frames=(*RENDER, comp("tenancy-summary", "get monthlyRent", 23, 40)), js=JsError("read-undefined", "tenancy.currentRent", "amount")),),
        (ph("chrome"), ph("safari"), ph("firefox", release=1), ph("edge", release=2, resolved=True), sentry_raw("chrome"), sentry("firefox"), sentry("safari", release=2)),
        classes=(3, 4), pair="km-payments-rent", page="/tenancies/{tenancy_id}"),
    Bug("km-payments-rent", "admin-web", (Exc("TypeError", frames=(*RENDER, comp("payments-table", "get expected", 57, 31)), js=JsError("read-undefined", "tenancy.currentRent", "amount")),),
        (ph("chrome"), ph("edge", release=1), ph("safari", release=2), sentry_raw("chrome"), sentry("edge", release=2)),
        classes=(3, 4), pair="km-summary-rent", page="/tenancies/{tenancy_id}/payments"),
    # One inspection-form action, two TypeErrors.
    Bug("km-inspection-null", "admin-web", (Exc("TypeError", frames=(*CLICK, comp("inspection-form", "saveDraft", 88, 29)), js=JsError("read-null", "this.photoInput", "files")),),
        (ph("chrome"), ph("safari"), ph("firefox", release=2), sentry_raw("safari"), sentry("chrome")),
        classes=(3, 4), pair="km-inspection-notfn", page="/inspections/{inspection_id}/edit"),
    Bug("km-inspection-notfn", "admin-web", (Exc("TypeError", frames=(*CLICK, comp("inspection-form", "saveDraft", 94, 18)), js=JsError("not-function", "draft", "toJSON", "()")),),
        (ph("chrome", release=1), ph("edge", release=1), sentry("firefox"), sentry("chrome", release=2)),
        classes=(3, 4), pair="km-inspection-null", page="/inspections/{inspection_id}/edit"),
    # date-fns' format at the end of two components' bugs.
    Bug("km-arrears-date", "admin-web", (Exc("RangeError", INVALID_TIME, (*RENDER, comp("arrears-list", "get rows", 36, 22), h("formatDue", 6, 10), DATE_FNS)),),
        (ph("chrome"), ph("firefox"), ph("safari", release=1), sentry_raw("chrome", 2), sentry("edge")),
        classes=(3, 9), pair="km-schedule-date", page="/arrears"),
    Bug("km-schedule-date", "admin-web", (Exc("RangeError", INVALID_TIME, (*CLICK, comp("rent-schedule", "regenerate", 71, 15), h("formatDue", 6, 10), DATE_FNS)),),
        (ph("chrome", release=1), ph("edge", release=2), sentry("safari"), sentry("chrome", release=2)),
        classes=(3, 9), pair="km-arrears-date", page="/tenancies/{tenancy_id}/schedule"),
    # Ember Data's adapter at the end of a 404 and a 403 from two routes.
    Bug("km-landlord-404", "admin-web", (Exc("Error", "Ember Data Request GET /api/v1/landlords/{id} returned a 404\nPayload (application/vnd.api+json)\n[object Object]", (*ROUTE, rte("landlords/show", 9, 23), *ED)),),
        (ph("chrome"), ph("safari"), sentry_raw("firefox"), sentry("chrome"), sentry("edge", release=2)),
        classes=(9,), pair="km-deposit-403", page="/landlords/{landlord_id}"),
    Bug("km-deposit-403", "admin-web", (Exc("Error", "Ember Data Request GET /api/v1/tenancies/{id}/deposit returned a 403\nPayload (application/vnd.api+json)\n[object Object]", (*ROUTE, rte("tenancies/deposit", 12, 19), *ED)),),
        (ph("edge"), ph("firefox", release=1), sentry("chrome"), sentry("safari", release=2)),
        classes=(9,), pair="km-landlord-404", page="/tenancies/{tenancy_id}/deposit"),
    # this.args.onSelect is not a function in two pickers.
    Bug("km-property-onselect", "admin-web", (Exc("TypeError", frames=(*CLICK, comp("property-picker", "choose", 31, 17)), js=JsError("not-function", "this.args", "onSelect", "(e)")),),
        (ph("chrome"), ph("safari"), ph("edge", release=2), sentry_raw("chrome"), sentry("firefox", release=2)),
        classes=(3, 4), pair="km-tenant-onselect", page="/tenancies/new"),
    Bug("km-tenant-onselect", "admin-web", (Exc("TypeError", frames=(*CLICK, comp("tenant-picker", "pick", 44, 9)), js=JsError("not-function", "this.args", "onSelect", "(t)")),),
        (ph("chrome", release=1), ph("firefox", release=1), sentry("safari"), sentry("chrome", release=2)),
        classes=(3, 4), pair="km-property-onselect", page="/tenancies/{tenancy_id}/tenants"),
    # Not pairs.
    Bug("km-chunk-load", "admin-web", (Exc("ChunkLoadError", "Loading chunk 412 failed.\n(error: https://admin.bramhope.example/assets/chunk.412.{hex}.js)", (js("webpack/runtime/load script", "HTMLScriptElement.onScriptComplete", 42, 22, "vendor", lib=True),)),),
        (ph("chrome"), ph("firefox"), ph("safari"), ph("edge", release=2), sentry("chrome", release=2)),
        classes=(3, 5), page="/reports", span=3),
    Bug("km-fetch-failed", "admin-web", (Exc("TypeError", "Failed to fetch", (comp("document-upload", "upload", 52, 30),), engines={"spidermonkey": "NetworkError when attempting to fetch resource.", "jsc": "Load failed"}),),
        (ph("chrome"), ph("firefox"), ph("safari"), sentry("edge"), sentry_raw("safari")),
        classes=(3,), page="/properties/{property_id}/documents"),
    Bug("km-drafts-quota", "admin-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'bramhope:drafts' exceeded the quota.", (*CLICK, comp("inspection-form", "autosave", 120, 24), h("saveDraftLocally", 14, 20)), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (ph("chrome"), ph("safari"), ph("firefox", release=1), sentry("safari", release=2)),
        classes=(3,), page="/inspections/{inspection_id}/edit"),
    Bug("km-map-lat", "admin-web", (Exc("TypeError", frames=(*RENDER, comp("property-map", "didInsertMap", 27, 33)), js=JsError("read-undefined", "property.location", "lat")),),
        (ph("chrome"), ph("firefox"), ph("safari", release=1), sentry_raw("edge"), sentry("chrome", release=2)),
        classes=(3,), page="/properties/{property_id}"),
    Bug("km-singleton-stack", "admin-web", (Exc("RangeError", "Maximum call stack size exceeded", (*RENDER, comp("property-tree", "get nodes", 18, 12), h("flattenTree", 3, 14))),),
        (sentry("chrome", release=2),),
        singleton=True, page="/properties"),
]

NOISE = [
    Noise("km-noise-resolved", "admin-web", "sentry.metric", {"rule": "admin-web errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

BRAMHOPE = Company(
    key="km",
    name="Bramhope Lettings",
    domain="bramhope.example",
    sentry_org="bramhope-lettings",
    splunk_url="",
    splunk_guid="",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(81127, "Bramhope admin"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="bramhope-sentry-client-secret",
)
# fmt: on
