"""(kv) Eastwell Cycle Hire, a town's dockless-and-docked bike hire web app: a SvelteKit 2 app
on Svelte 4 built with ``adapter-static`` (no server at all: prerendered shells and a
client-side app calling the hire API) served from a CDN (``ride-web``: Vite chunks under
``/_app/immutable/{chunks,nodes,entry}/<name>.<hash>.js``, Svelte 4's runtime in
``chunks/scheduler`` and ``chunks/index``, shared modules in their own chunks).

Sentry: @sentry/svelte 7 in the browser (source maps uploaded, except for one release), an
error-rate metric alert. PostHog: posthog-js exception autocapture in Chrome, Edge, Firefox and
Safari (iOS), raw minified frames, a few resolved. No logs anywhere: no Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import js

# fmt: off
SDK = ("sentry.javascript.svelte", "7.112.2", "npm:@sentry/svelte")
ORIGIN = "https://ride.eastwellcyclehire.example"
SERVICES = {
    "ride-web": Service("ride-web", "javascript", "", "", "", "", 4480917, origin=ORIGIN, framework="onerror", sdk=SDK),
}
SV = "node_modules/svelte/src/runtime/internal/"
CLICK = (js(SV + "dom.js", "HTMLButtonElement.<anonymous>", 361, 41, "chunks/index", lib=True),)
FLUSH = (
    js(SV + "scheduler.js", "flush", 99, 5, "chunks/scheduler", lib=True),
    js(SV + "scheduler.js", "update", 135, 12, "chunks/scheduler", lib=True),
)
MOUNT = (
    js(SV + "scheduler.js", "flush", 99, 5, "chunks/scheduler", lib=True),
    js(SV + "lifecycle.js", "run_all", 41, 17, "chunks/scheduler", lib=True),
    js(SV + "Component.js", "mount_component", 45, 27, "chunks/index", lib=True),
)
FMT = js("src/lib/time.ts", "formatSlot", 6, 19, "chunks/time")
UNLOCK = "src/lib/unlock.ts"
DOCKS = JsError("read-undefined", "dock.bikes", "length")
ALL = ("chrome", "firefox", "safari", "edge")


def ph(browser: str, chunk: str, n: int = 1, **more: object) -> object:
    return see("posthog", n, browser=browser, chunk=chunk, **more)


BUGS = [
    # The same read in the map popup and in the dock list.
    Bug("kv-map-dock-bikes", "ride-web", (Exc("TypeError", frames=(*CLICK, js("src/lib/components/DockPopup.svelte", "click_handler", 31, 22, "nodes/2")), js=DOCKS),),
        (ph("chrome", "nodes/2", 2), ph("safari", "nodes/2"), ph("firefox", "nodes/2"), ph("edge", "nodes/2", release=1, resolved=True), see("sentry.error", browser="chrome", chunk="nodes/2"), see("sentry.error", browser="safari", chunk="nodes/2")),
        classes=(3, 4), pair="kv-list-dock-bikes", page="/map"),
    Bug("kv-list-dock-bikes", "ride-web", (Exc("TypeError", frames=(*FLUSH, js("src/lib/components/DockList.svelte", "$$self.$$.update", 18, 40, "nodes/3")), js=DOCKS),),
        (ph("chrome", "nodes/3"), ph("firefox", "nodes/3", 2), see("sentry.error", browser="chrome", chunk="nodes/3"), see("sentry.error", browser="edge", chunk="nodes/3", release=1, sourcemaps=False)),
        classes=(3, 4), pair="kv-map-dock-bikes", page="/docks"),
    # One time helper at the end of two bugs.
    Bug("kv-booking-slot-date", "ride-web", (Exc("RangeError", "Invalid time value", (*CLICK, js("src/lib/components/BookingForm.svelte", "submit", 64, 13, "nodes/5"), FMT), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (ph("chrome", "nodes/5"), ph("firefox", "nodes/5"), ph("safari", "nodes/5", 2), see("sentry.error", browser="chrome", chunk="nodes/5")),
        classes=(3, 9), pair="kv-receipt-date", page="/book"),
    Bug("kv-receipt-date", "ride-web", (Exc("RangeError", "Invalid time value", (*MOUNT, js("src/routes/rides/[id]/+page.svelte", "create_fragment", 22, 30, "nodes/7"), FMT), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (ph("chrome", "nodes/7", 2), ph("safari", "nodes/7"), see("sentry.error", browser="firefox", chunk="nodes/7"), see("sentry.error", browser="chrome", chunk="nodes/7")),
        classes=(3, 9), pair="kv-booking-slot-date", page="/rides/{id}"),
    # One unlock function, two exceptions.
    Bug("kv-unlock-null", "ride-web", (Exc("TypeError", frames=(*CLICK, js("src/lib/components/UnlockButton.svelte", "click_handler", 12, 9, "nodes/4"), js(UNLOCK, "unlockBike", 27, 21, "chunks/unlock")), js=JsError("read-null", "session", "token")),),
        (ph("chrome", "nodes/4", 2), ph("safari", "nodes/4"), ph("edge", "nodes/4"), see("sentry.error", browser="chrome", chunk="nodes/4")),
        classes=(3, 4), pair="kv-unlock-not-fn", page="/bike/{id}"),
    Bug("kv-unlock-not-fn", "ride-web", (Exc("TypeError", frames=(*CLICK, js("src/lib/components/UnlockButton.svelte", "click_handler", 12, 9, "nodes/4"), js(UNLOCK, "unlockBike", 35, 14, "chunks/unlock")), js=JsError("not-function", "navigator.bluetooth", "requestDevice", "({filters:e})")),),
        (ph("safari", "nodes/4", 2), ph("firefox", "nodes/4"), see("sentry.error", browser="safari", chunk="nodes/4"), see("sentry.error", browser="firefox", chunk="nodes/4")),
        classes=(3, 4), pair="kv-unlock-null", page="/bike/{id}"),
    # The same null read at two mounts: the map container and the QR scanner's video element.
    Bug("kv-map-container-null", "ride-web", (Exc("TypeError", frames=(*MOUNT, js("src/lib/components/RideMap.svelte", "onMount", 40, 28, "nodes/2")), js=JsError("read-null", "container", "clientWidth")),),
        (ph("chrome", "nodes/2"), ph("edge", "nodes/2"), ph("firefox", "nodes/2"), see("sentry.error", browser="chrome", chunk="nodes/2"), see("sentry.issue", browser="chrome", chunk="nodes/2")),
        classes=(3, 4), pair="kv-scanner-container-null", page="/map", span=2),
    Bug("kv-scanner-container-null", "ride-web", (Exc("TypeError", frames=(*MOUNT, js("src/lib/components/QrScanner.svelte", "onMount", 19, 33, "nodes/6")), js=JsError("read-null", "container", "clientWidth")),),
        (ph("safari", "nodes/6", 2), ph("chrome", "nodes/6"), see("sentry.error", browser="safari", chunk="nodes/6")),
        classes=(3, 4), pair="kv-map-container-null", page="/scan"),
    # Not pairs.
    Bug("kv-chunk-load", "ride-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://ride.eastwellcyclehire.example/_app/immutable/nodes/5.{hex}.js", (js("node_modules/@sveltejs/kit/src/runtime/client/client.js", "load_node", 573, 30, "entry/start", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://ride.eastwellcyclehire.example/_app/immutable/nodes/5.{hex}.js", "jsc": "Importing a module script failed."}),),
        (*(ph(b, "entry/start") for b in ALL), ph("chrome", "entry/start", release=2), see("sentry.error", browser="safari", chunk="entry/start")),
        classes=(3, 5), page="/book", span=3),
    Bug("kv-api-fetch", "ride-web", (Exc("TypeError", "Failed to fetch", (js("src/lib/api.ts", "request", 14, 24, "chunks/api"),), engines={"spidermonkey": "NetworkError when attempting to fetch resource.", "jsc": "Load failed"}),),
        (ph("chrome", "chunks/api"), ph("firefox", "chunks/api"), ph("safari", "chunks/api", 2), see("sentry.error", browser="edge", chunk="chunks/api")),
        classes=(3,), page="/map"),
    Bug("kv-storage-quota", "ride-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'eastwell.rides' exceeded the quota.", (js("src/lib/stores/rides.ts", "persist", 9, 22, "chunks/stores"),), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (ph("chrome", "chunks/stores"), ph("safari", "chunks/stores", 2), ph("firefox", "chunks/stores"), see("sentry.error", browser="safari", chunk="chunks/stores")),
        classes=(3,), page="/rides"),
    Bug("kv-singleton-share", "ride-web", (Exc("NotAllowedError", "Failed to execute 'share' on 'Navigator': Must be handling a user gesture to perform a share request.", (js("src/lib/components/ShareRide.svelte", "share", 15, 24, "nodes/7"),)),),
        (see("sentry.error", browser="chrome", chunk="nodes/7"),),
        singleton=True, page="/rides/{id}"),
]

NOISE = [
    Noise("kv-noise-resolved", "ride-web", "sentry.metric", {"rule": "ride-web errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("kv-noise-warning", "ride-web", "sentry.metric", {"rule": "ride-web errors per hour", "aggregate": "count()", "action": "warning", "value": "{n}"}),
]

EASTWELL = Company(
    key="kv",
    name="Eastwell Cycle Hire",
    domain="eastwellcyclehire.example",
    sentry_org="eastwell-cycle-hire",
    splunk_url="",
    splunk_guid="",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(80613, "Eastwell ride"),
    releases=("2026.3.0", "2026.3.1", "2026.3.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="eastwell-sentry-client-secret",
)
# fmt: on
