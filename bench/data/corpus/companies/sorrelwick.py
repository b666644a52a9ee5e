"""(s) Sorrelwick Cycles, e-bike share: a Starlette API on Python 3.12 under uvicorn
(``api``, the stdlib logging JSON formatter of python-json-logger), RQ workers that settle
rides and send receipts (``worker``, RQ's text log) and a Nuxt 3 rider app in the browser
(``app``, Vite chunks served from ``/_nuxt/<name>.<hash>.js``).

Sentry (sentry-python with the Starlette and RQ integrations, @sentry/nuxt) sees all three;
PostHog's posthog-js captures the rider app's errors in Chrome, Firefox and Safari; Splunk
indexes the API's JSON lines and the workers' text; Datadog posts the team's own template
(``heading``, ``markdown``, the monitor nested, the date unquoted).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "api": Service("api", "python", "python-json", "sorrel:api:json", "/var/log/containers/api.log", "sw_prod", 6611020, "CPython 3.12.4", framework="starlette"),
    "worker": Service("worker", "python", "rq", "sorrel:worker", "/var/log/containers/worker.log", "sw_prod", 6611023, "CPython 3.12.4", framework="rq"),
    "app": Service("app", "javascript", "", "", "", "", 6611027, origin="https://ride.sorrelwick.example", sdk=("sentry.javascript.nuxt", "8.30.0", "npm:@sentry/nuxt")),
}

STARLETTE = (
    pylib("uvicorn.protocols.http.httptools_impl", "run_asgi", 409),
    pylib("starlette.applications", "__call__", 123),
    pylib("starlette.middleware.errors", "__call__", 186),
    pylib("starlette.middleware.exceptions", "__call__", 65),
    pylib("starlette._exception_handler", "wrapped_app", 53),
    pylib("starlette.routing", "__call__", 756),
    pylib("starlette.routing", "handle", 297),
    pylib("starlette.routing", "app", 77),
)
RQ = (
    pylib("rq.worker", "perform_job", 1428),
    pylib("rq.job", "perform", 1260),
    pylib("rq.job", "_execute", 1301),
)
SQLA = (
    pylib("sqlalchemy.ext.asyncio.session", "commit", 1011),
    pylib("sqlalchemy.orm.session", "_flush", 4343),
    pylib("sqlalchemy.engine.default", "do_execute", 924),
    pylib("asyncpg.connection", "execute", 350),
)
HTTPX = (
    pylib("httpx._client", "post", 1157),
    pylib("httpx._client", "send", 928),
    pylib("httpx._transports.default", "handle_request", 232),
    pylib("contextlib", "__exit__", 158),
    pylib("httpx._transports.default", "map_httpcore_exceptions", 86),
)
LOG = "Exception in ASGI application"
API_LOG = dict(log=LOG, logger="uvicorn.error")
DD_API = dict(team="rides", monitor="api error logs", filter="service:api status:error", text="New error on api:\n\n{{log.attributes.exc_info}}")


def ep(module: str, fn: str, line: int, ctx: str = "") -> tuple:
    return (*STARLETTE, py("sorrel.api." + module, fn, line, ctx))


def job(module: str, fn: str, line: int, ctx: str = "") -> tuple:
    return (*RQ, py("sorrel.jobs." + module, fn, line, ctx))


def apm(style: str = "message") -> object:
    return see("datadog.apm", style=style, team="rides", monitor="api error spans")


BUGS = [
    # KeyError 'dock_id' in an endpoint and in a worker: same message, two places.
    Bug("sw-unlock-dock-keyerror", "api", (Exc("KeyError", "'dock_id'", (*ep("unlock", "unlock_bike", 58, "payload = await request.json()"), py("sorrel.api.unlock", "_dock_for", 31, "return DOCKS[payload['dock_id']]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **DD_API), apm()),
        classes=(4,), pair="sw-settle-dock-keyerror", entry="POST /v2/rides/unlock", **API_LOG),
    Bug("sw-settle-dock-keyerror", "worker", (Exc("KeyError", "'dock_id'", (*job("settle", "settle_ride", 44, "end = ride.events[-1]"), py("sorrel.jobs.settle", "_return_dock", 87, "return event['dock_id']")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3), see("sentry.issue")),
        classes=(4,), pair="sw-unlock-dock-keyerror", entry="sorrel.jobs.settle.settle_ride"),
    # A unique violation on two tables behind asyncpg's one exception type.
    Bug("sw-pass-unique", "api", (Exc("UniqueViolationError", 'duplicate key value violates unique constraint "rider_pass_rider_id_kind_key"\nDETAIL:  Key (rider_id, kind)=({user}, monthly) already exists.', (*ep("passes", "buy_pass", 72, "await session.commit()"), *SQLA), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2), apm("type")),
        classes=(4,), pair="sw-referral-unique", entry="POST /v2/passes", **API_LOG),
    Bug("sw-referral-unique", "api", (Exc("UniqueViolationError", 'duplicate key value violates unique constraint "referral_code_key"\nDETAIL:  Key (code)=(RIDE{idx}{n}) already exists.', (*ep("referrals", "create_referral", 39, "await session.commit()"), *SQLA), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2), see("sentry.alert", rule="New issue in api")),
        classes=(4,), pair="sw-pass-unique", entry="POST /v2/referrals", **API_LOG),
    # The payment provider's timeout from one helper, for a capture job and a refund endpoint.
    Bug("sw-capture-timeout", "worker", (Exc("ReadTimeout", "timed out", (*job("capture", "capture_ride", 27, "resp = psp.post('/captures', json=body)"), py("sorrel.psp", "post", 19, "return client.post(path, json=json, timeout=8)"), *HTTPX), module="httpx"),),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.task", 2, team="rides", monitor="RQ job failures")),
        classes=(9,), pair="sw-refund-timeout", entry="sorrel.jobs.capture.capture_ride"),
    Bug("sw-refund-timeout", "api", (Exc("ReadTimeout", "timed out", (*ep("refunds", "refund_ride", 51, "resp = psp.post('/refunds', json=body)"), py("sorrel.psp", "post", 19, "return client.post(path, json=json, timeout=8)"), *HTTPX), module="httpx"),),
        (see("sentry.error", 2), see("splunk", 2), apm()),
        classes=(9,), pair="sw-capture-timeout", entry="POST /v2/rides/{ride_id}/refund", **API_LOG),
    # Over three releases, the fare calculator's caller renamed.
    Bug("sw-fare-zero-division", "api", (Exc("ZeroDivisionError", "division by zero", (*ep("fares", "quote_fare", 33, "return calc.per_minute(ride)"), py("sorrel.pricing.calc", "per_minute", 61, "return ride.cost / ride.minutes")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 3), see("datadog.log", **DD_API), apm("type")),
        classes=(5,), span=3, renames={"quote_fare": "estimate_fare"}, entry="GET /v2/fares/quote", **API_LOG),
    # An AttributeError on the receipt job; seen resolved and created again (a regression).
    Bug("sw-receipt-none-email", "worker", (Exc("AttributeError", "'NoneType' object has no attribute 'email'", (*job("receipts", "send_receipt", 22, "to = ride.rider.contact.email"),), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("sentry.issue", action="resolved"), see("splunk", 2)),
        classes=(6,), pair="sw-docksync-none-lat", entry="sorrel.jobs.receipts.send_receipt"),
    # The same AttributeError wording, a different attribute and place: the dock sync.
    Bug("sw-docksync-none-lat", "worker", (Exc("AttributeError", "'NoneType' object has no attribute 'lat'", (*job("docks", "sync_docks", 48, "for d in feed.stations:"), py("sorrel.geo", "distance", 12, "return haversine(a.lat, a.lon, b.lat, b.lon)")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", team="rides", monitor="RQ job failures")),
        pair="sw-receipt-none-email", entry="sorrel.jobs.docks.sync_docks"),
    # A pydantic validation error from the battery telemetry endpoint, values in the message.
    Bug("sw-telemetry-validation", "api", (Exc("ValidationError", "1 validation error for BatteryReading\nvoltage\n  Input should be less than or equal to 60 [type=less_than_equal, input_value={n}{idx}.5, input_type=float]", (*ep("telemetry", "ingest", 27, "reading = BatteryReading.model_validate(body)"), pylib("pydantic.main", "model_validate", 568)), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.log", **DD_API)),
        entry="POST /v2/telemetry", **API_LOG),
    # The Nuxt rider app: the map component reads a station without coordinates.
    Bug("sw-app-map-coords", "app", (Exc("TypeError", frames=(*VUE_MOUNTED, js("components/StationMap.vue", "setup", 41, 29, "StationMap"), js("composables/useMarkers.ts", "toMarker", 9, 33, "StationMap")), js=JsError("read-undefined", "station.coords", "lat")),),
        (see("posthog", browser="chrome", chunk="StationMap", release=0), see("posthog", browser="firefox", chunk="StationMap", release=1), see("posthog", browser="safari", chunk="StationMap", release=1), see("posthog", browser="chrome", chunk="StationMap", release=1, resolved=True), see("sentry.error", browser="chrome", chunk="StationMap", release=0), see("sentry.error", browser="safari", chunk="StationMap", release=1)),
        classes=(3, 5), span=2, page="/map"),
    # The same read-of-undefined wording in the ride history list, a different bug.
    Bug("sw-app-history-coords", "app", (Exc("TypeError", frames=(*VUE_RENDER, js("pages/rides/index.vue", "_sfc_render", 22, 17, "index"), js("components/RideRow.vue", "startLabel", 14, 25, "index")), js=JsError("read-undefined", "ride.start", "lat")),),
        (see("posthog", 2, browser="chrome", chunk="index"), see("posthog", browser="firefox", chunk="index"), see("sentry.error", browser="chrome", chunk="index")),
        classes=(3, 4), pair="sw-app-unlock-notfunction", page="/rides"),
    Bug("sw-app-unlock-notfunction", "app", (Exc("TypeError", frames=(*VUE_CLICK, js("components/UnlockButton.vue", "onUnlock", 31, 11, "index"), js("composables/useBluetooth.ts", "connect", 18, 22, "index")), js=JsError("not-function", "navigator.bluetooth", "requestDevice", "({filters:e})")),),
        (see("posthog", 2, browser="firefox", chunk="index"), see("posthog", browser="safari", chunk="index"), see("sentry.error", browser="firefox", chunk="index")),
        classes=(3,), pair="sw-app-history-coords", page="/unlock"),
    # A lazy route's chunk gone after a deploy.
    Bug("sw-app-chunk-load", "app", (Exc("TypeError", "Failed to fetch dynamically imported module: https://ride.sorrelwick.example/_nuxt/account.{hex}.js", (js("node_modules/vue-router/dist/vue-router.mjs", "extractComponentsGuards", 2134, 37, "entry", lib=True),), engines={"firefox": "error loading dynamically imported module: https://ride.sorrelwick.example/_nuxt/account.{hex}.js", "safari": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="firefox", chunk="entry"), see("posthog", browser="safari", chunk="entry"), see("sentry.error", browser="chrome", chunk="entry")),
        classes=(3,), page="/account"),
    # Slow object-store uploads of ride photos: sizes, durations, hosts of varying length.
    Bug("sw-photo-upload-slow", "worker", (),
        (see("splunk", 3, search="worker - slow uploads", line="{tsms} [WARNING] sorrel.jobs.photos: uploaded {size} to {objstore} in {dur}"), see("datadog.log", 2, team="rides", monitor="Slow photo uploads", filter="service:worker @logger.name:sorrel.jobs.photos status:warn", text="uploaded {size} to {objstore} in {dur}")),
        classes=(7,)),
    # RQ's failed-job registry growing: a queue metric, no bug named.
    Bug("sw-rq-failed-registry", "worker", (),
        (see("datadog.metric", 2, monitor="RQ failed registry growing", scope="queue:settlements", team="rides", metric="rq.jobs.failed", query="sum(last_30m):sum:rq.jobs.failed{queue:settlements} > 50", event_type="metric_alert_monitor", status="rq.jobs.failed over queue:settlements was > 50.0 during the last 30m", text="{n} jobs in the failed registry of settlements."),),
        classes=(8,)),
    # A Sentry metric alert on the rider app's crash-free sessions.
    Bug("sw-app-crashfree", "app", (),
        (see("sentry.metric", 2, rule="Rider app crash-free sessions below 98%", aggregate="percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", dataset="metrics", threshold=98, threshold_type=1, window=60, description="Crash free session rate {crashfree}%"),),
        classes=(8,)),
    # A Synthetic browser test of the unlock flow.
    Bug("sw-synthetic-unlock", "app", (),
        (see("datadog.synthetics", 2, monitor="[Synthetics] Unlock flow", event_type="synthetics_alert", scope="location:aws:eu-west-2", team="rides", text="Browser test **Unlock flow** failed on step 4: element `button[data-test=unlock]` not found after {ms}ms."),),
        classes=(8,)),
]

NOISE = [
    Noise("sw-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api 3.18.2", "text": "Argo CD synced api to 3.18.2 (6 pods).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("sw-noise-worker-start", "worker", "splunk", {"search": "worker - errors", "line": "{tsms} Worker rq:worker:{hex} started with PID {n}, version 1.16.2"}),
]

SORRELWICK = Company(
    key="s",
    name="Sorrelwick Cycles",
    domain="sorrelwick.example",
    sentry_org="sorrelwick",
    splunk_url="https://sorrelwick.splunkcloud.com",
    splunk_guid="0B6E2F1A-7C44-4E8B-9A35-2D61C8F0B7E9",
    datadog_org=("518203", "Sorrelwick Cycles"),
    datadog_template="sorrel",
    posthog_project=(91033, "Sorrelwick rider app"),
    releases=("3.18.0", "3.18.1", "3.18.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="sorrelwick-sentry-client-secret",
)
# fmt: on
