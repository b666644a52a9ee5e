"""(x) Pipit, grocery delivery: a React Native shop app (``shop-app``, Hermes on Android and
iOS, one iOS build still on JavaScriptCore), a Flutter rider app (``rider-app``, Dart 3), and a
Hapi 21 API on Node 20 in plain JavaScript (``api``) logging bunyan JSON; both apps post
their errors to the API's ``/v1/client-errors``, which logs them with the app's own stack.

Sentry (@sentry/react-native, sentry_flutter, @sentry/node) sees the three; PostHog sees both
apps (posthog-react-native: Hermes frames, raw and resolved; posthog-flutter: Dart frames in
the order the trace prints them) and the API once (posthog-node); Splunk indexes the API's
bunyan lines; Datadog posts the team's template (the monitor's ``name``, the plain text as
``long_description``, the event and the alert in two objects, the date unquoted).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Seen, Service, see
from ..stacks import ASYNC_GAP, NODE_TICKS, dart, nd
from .kerbside import RN_EFFECT, RN_PRESS, RN_PROMISE, RN_RENDER, rn, rnlib

# The tables keep one frame or delivery per line.
# fmt: off
SHOP_RELEASES = ("com.pipit.shop@3.1.0+402", "com.pipit.shop@3.1.1+407", "com.pipit.shop@3.2.0+415")
RIDER_RELEASES = ("com.pipit.rider@2.4.0+311", "com.pipit.rider@2.4.1+318", "com.pipit.rider@2.5.0+330")
SERVICES = {
    "shop-app": Service("shop-app", "react-native", "bunyan-client", "pipit:api:bunyan", "/var/log/containers/api.log", "px_prod", 2260031, framework="onerror", sdk=("sentry.javascript.react-native", "5.33.1", "npm:@sentry/react-native"), releases=SHOP_RELEASES),
    "rider-app": Service("rider-app", "dart", "bunyan-client", "pipit:api:bunyan", "/var/log/containers/api.log", "px_prod", 2260034, framework="FlutterError", sdk=("sentry.dart.flutter", "8.9.0", "pub:sentry_flutter"), releases=RIDER_RELEASES),
    "api": Service("api", "node", "bunyan", "pipit:api:bunyan", "/var/log/containers/api.log", "px_prod", 2260037, "node v20.17.0", framework="hapi", sdk=("sentry.javascript.node", "8.42.0", "npm:@sentry/node")),
}

# --- Flutter -----------------------------------------------------------------------------------

FW = "package:flutter/src/"
# A frame being drawn: the engine's hooks, the scheduler, a StatefulWidget rebuilding.
FLUTTER_BUILD = (
    dart("dart:ui/hooks.dart", "_drawFrame", 283, 31),
    dart("dart:ui/platform_dispatcher.dart", "PlatformDispatcher._drawFrame", 383, 5),
    dart("dart:ui/hooks.dart", "_invoke", 312, 13),
    dart(FW + "scheduler/binding.dart", "SchedulerBinding._handleDrawFrame", 1246, 5),
    dart(FW + "scheduler/binding.dart", "SchedulerBinding.handleDrawFrame", 1326, 9),
    dart(FW + "scheduler/binding.dart", "SchedulerBinding._invokeFrameCallback", 1392, 15),
    dart(FW + "rendering/binding.dart", "RendererBinding._handlePersistentFrameCallback", 358, 5),
    dart(FW + "widgets/binding.dart", "WidgetsBinding.drawFrame", 1183, 21),
    dart(FW + "widgets/framework.dart", "BuildOwner.buildScope", 2895, 19),
    dart(FW + "widgets/framework.dart", "Element.rebuild", 5189, 7),
    dart(FW + "widgets/framework.dart", "StatefulElement.performRebuild", 5722, 11),
    dart(FW + "widgets/framework.dart", "ComponentElement.performRebuild", 5532, 16),
    dart(FW + "widgets/framework.dart", "StatefulElement.build", 5667, 27),
)
# A tap: the gesture arena calling an InkWell's onTap.
FLUTTER_TAP = (
    dart(FW + "gestures/binding.dart", "GestureBinding.handleEvent", 495, 13),
    dart(FW + "gestures/pointer_router.dart", "PointerRouter.route", 134, 7),
    dart(FW + "gestures/pointer_router.dart", "PointerRouter._dispatch", 98, 12),
    dart(FW + "gestures/recognizer.dart", "GestureRecognizer.invokeCallback", 351, 24),
    dart(FW + "gestures/tap.dart", "TapGestureRecognizer.handleTapUp", 656, 11),
    dart(FW + "material/ink_well.dart", "_InkResponseState.handleTap", 1170, 21),
)
RIDER = "package:pipit_rider/"
NULL_CHECK = "Null check operator used on a null value"

# --- Hapi --------------------------------------------------------------------------------------

HAPI = "node_modules/@hapi/hapi/lib/"
# Hapi 21 awaiting a route handler (V8 prints each caller as ``at async``).
HAPI_ROUTE = (
    nd(HAPI + "request.js", "Request._execute", 281, 9, lib=True, awaited=True),
    nd(HAPI + "request.js", "Request._lifecycle", 371, 32, lib=True, awaited=True),
    nd(HAPI + "handler.js", "exports.execute", 31, 20, lib=True, awaited=True),
    nd(HAPI + "handler.js", "Object.internals.handler", 46, 20, lib=True, awaited=True),
    nd(HAPI + "toolkit.js", "exports.Manager.execute", 60, 28, lib=True, awaited=True),
)
PG_REJECT = (NODE_TICKS, nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True))
UNDICI = nd("node:internal/deps/undici/undici", "", 13185, 13, lib=True)
REQUEST_FAILED = dict(log="request failed", logger="http")
TEAM = "mobile"
CLIENT = dict(log="client error: <exc>")


def client_logs(n: int = 1, **opts: object) -> Seen:
    """The API's bunyan line for an error an app posted to ``/v1/client-errors``."""
    return Seen("splunk", n, {"relay": "api", "search": "api - client errors", **opts})


def client_alert(**opts: object) -> Seen:
    """The log monitor over the apps' reported errors, quoting the bunyan attributes."""
    monitor = {"team": TEAM, "monitor": "App errors reported to the API", "filter": "service:api component:client-errors", "text": "{{log.attributes.err.name}}: {{log.attributes.err.message}}\nscreen {{log.attributes.screen}}, app {{log.attributes.app_version}} ({{log.attributes.platform}})"}
    return Seen("datadog.log", 1, {**monitor, **opts})


API_LOGS = dict(team="backend", monitor="api 5xx errors", filter="service:api level:50", text="{{log.attributes.msg}} on api: {{log.attributes.err.name}}: {{log.attributes.err.message}}")


def api(file: str, fn: str, line: int, col: int, awaited: bool = False) -> object:
    return nd("lib/" + file, fn, line, col, awaited=awaited)


BUGS = [
    # Hermes words two different reads of undefined the same way ('length'); JavaScriptCore
    # and the mapped frames tell them apart.
    Bug("px-shop-basket-length", "shop-app", (Exc("TypeError", frames=(*RN_RENDER, rn("src/screens/BasketScreen.tsx", "BasketScreen", 52, 33), rn("src/features/basket/useDeliverySlots.ts", "useDeliverySlots", 19, 27)), js=JsError("read-undefined", "basket.slots", "length")),),
        (see("sentry.error", 2, browser="android", release=0), see("sentry.error", browser="ios-jsc", release=0), see("sentry.error", browser="android", raw=True, release=1), see("posthog", browser="android", release=0), see("posthog", browser="ios", resolved=True, release=1), client_logs(2, browser="android"), client_alert(browser="android", release=1)),
        classes=(3, 4), pair="px-shop-promo-length", span=2, page="Basket", **CLIENT),
    Bug("px-shop-promo-length", "shop-app", (Exc("TypeError", frames=(*RN_EFFECT, rn("src/components/PromoBanner.tsx", "PromoBanner", 24, 41), rn("src/features/promos/tiers.ts", "currentTier", 11, 22)), js=JsError("read-undefined", "offer.tiers", "length")),),
        (see("sentry.error", 2, browser="android"), see("posthog", browser="android"), see("posthog", browser="ios"), client_logs(1, browser="ios")),
        classes=(3, 4), pair="px-shop-basket-length", page="Home", **CLIENT),
    # The barcode scanner's camera ref not ready; the same screen's pay button is another bug.
    Bug("px-shop-scan-fn", "shop-app", (Exc("TypeError", frames=(*RN_PRESS, rn("src/screens/ScanItemScreen.tsx", "onCapture", 71, 30)), js=JsError("not-function", "camera.current", "takePhoto", "({ flash: 'off' })")),),
        (see("sentry.error", browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", browser="ios", resolved=True), client_logs(1, browser="android")),
        classes=(3, 4), pair="px-shop-scan-add", page="ScanItem", **CLIENT),
    Bug("px-shop-scan-add", "shop-app", (Exc("Error", "No product for barcode {n}0{id}", (*RN_PROMISE, rn("src/screens/ScanItemScreen.tsx", "onBarcode", 48, 13), rn("src/api/catalogue.ts", "productByBarcode", 37, 11))),),
        (see("sentry.error", 2, browser="android", mechanism="onunhandledrejection"), see("posthog", browser="android", mechanism="onunhandledrejection"), client_logs(2, browser="ios")),
        classes=(2, 4), pair="px-shop-scan-fn", page="ScanItem", **CLIENT),
    # A hooks-order error seen once.
    Bug("px-shop-hooks", "shop-app", (Exc("Error", "Rendered more hooks than during the previous render.", (*RN_RENDER, rnlib("node_modules/react-native/Libraries/Renderer/implementations/ReactNativeRenderer-prod.js", "updateWorkInProgressHook", 2711, 19))),),
        (see("sentry.error", browser="ios"),), page="Orders", singleton=True),
    # Flutter: the same null-check failure in a build method and in an awaited loader.
    Bug("px-rider-dropoff-null", "rider-app", (Exc("_TypeError", NULL_CHECK, (*FLUTTER_BUILD, dart(RIDER + "delivery/delivery_screen.dart", "_DeliveryScreenState.build", 64, 38), dart(RIDER + "delivery/dropoff_card.dart", "DropoffCard.instructions", 22, 31))),),
        (see("sentry.error", 3, browser="android"), see("sentry.issue", browser="android"), see("posthog", 2, browser="android"), see("posthog", browser="ios"), client_logs(1, browser="android"), client_alert(browser="android")),
        classes=(1, 4), pair="px-rider-route-null", span=2, page="/delivery", handled=True, **CLIENT),
    Bug("px-rider-route-null", "rider-app", (Exc("_TypeError", NULL_CHECK, (ASYNC_GAP, dart(RIDER + "map/route_map_screen.dart", "_RouteMapScreenState._loadStops", 52, 5), dart(RIDER + "map/route_map.dart", "RouteMap.fitBounds", 88, 41))),),
        (see("sentry.error", 2, browser="android", mechanism="PlatformDispatcher.onError", release=0), see("sentry.error", browser="android", mechanism="PlatformDispatcher.onError", raw=True, release=2), see("posthog", 2, browser="ios", release=1), client_logs(1, browser="ios")),
        classes=(4, 10), pair="px-rider-dropoff-null", page="/route", span=3, **CLIENT),
    # ``.first`` on an empty list in the stop list.
    Bug("px-rider-next-stop", "rider-app", (Exc("StateError", "Bad state: No element", (*FLUTTER_TAP, dart(RIDER + "orders/order_list.dart", "_OrderListState._startNext", 103, 19), dart(RIDER + "orders/stops.dart", "Stops.next", 17, 30), dart("dart:core-patch/growable_array.dart", "List.first", 344, 5))),),
        (see("sentry.error", 2, browser="android"), see("posthog", browser="android"), client_logs(1, browser="android")),
        classes=(4,), page="/orders", handled=True, **CLIENT),
    # A scale reading with its unit left on: the value varies in the message.
    Bug("px-rider-weight-parse", "rider-app", (Exc("FormatException", "FormatException: Invalid radix-10 number (at character 1)\n{n}.{idx}kg\n^\n", (*FLUTTER_TAP, dart(RIDER + "scan/weigh_sheet.dart", "_WeighSheetState._confirm", 58, 25), dart(RIDER + "scan/weight_parser.dart", "WeightParser.grams", 12, 16), dart("dart:core-patch/integers_patch.dart", "int.parse", 52, 5), dart("dart:core-patch/integers_patch.dart", "int._throwFormatException", 183, 5))),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", 2, browser="ios")),
        classes=(2,), page="/scan", handled=True, **CLIENT),
    # Hapi: the same read of undefined at two code locations.
    Bug("px-api-order-postcode", "api", (Exc("TypeError", "Cannot read properties of undefined (reading 'postcode')", (*HAPI_ROUTE, api("routes/orders.js", "createOrder", 44, 36), api("services/delivery-zone.js", "zoneFor", 12, 31))),),
        (see("sentry.error", 2), see("splunk", 3), see("posthog", 1), see("datadog.log", **API_LOGS)),
        classes=(1, 4), pair="px-api-slot-postcode", entry="POST /v1/orders", **REQUEST_FAILED),
    Bug("px-api-slot-postcode", "api", (Exc("TypeError", "Cannot read properties of undefined (reading 'postcode')", (*HAPI_ROUTE, api("routes/slots.js", "listSlots", 27, 29), api("services/slot-finder.js", "nearestDepot", 40, 22))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **API_LOGS)),
        classes=(1, 4), pair="px-api-order-postcode", entry="GET /v1/slots", **REQUEST_FAILED),
    # Node's fetch failing to connect to two upstreams through one client helper; bunyan's
    # serializer drops the ``cause``, so the log says only "fetch failed".
    Bug("px-api-picking-timeout", "api", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: picking.internal:8443, timeout: 10000ms)", (nd("node:internal/deps/undici/undici", "onConnectTimeout", 2331, 28, lib=True), nd("node:internal/deps/undici/undici", "Timeout._onTimeout", 2313, 13, lib=True))), Exc("TypeError", "fetch failed", (*HAPI_ROUTE, api("routes/picking.js", "startPick", 31, 18, awaited=True), api("services/picking.js", "reserve", 19, 10, awaited=True), api("clients/http.js", "request", 18, 15, awaited=True), NODE_TICKS, UNDICI))),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.apm", style="type", team="backend", monitor="api error spans by type")),
        classes=(4, 9, 10), pair="px-api-refund-timeout", entry="POST /v1/orders/{order_id}/pick", **REQUEST_FAILED),
    Bug("px-api-refund-timeout", "api", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: payments.internal:443, timeout: 10000ms)", (nd("node:internal/deps/undici/undici", "onConnectTimeout", 2331, 28, lib=True), nd("node:internal/deps/undici/undici", "Timeout._onTimeout", 2313, 13, lib=True))), Exc("TypeError", "fetch failed", (*HAPI_ROUTE, api("routes/refunds.js", "createRefund", 52, 20, awaited=True), api("services/payments.js", "refund", 33, 10, awaited=True), api("clients/http.js", "request", 18, 15, awaited=True), NODE_TICKS, UNDICI))),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="type", team="backend", monitor="api error spans by type")),
        classes=(4, 9, 10), pair="px-api-picking-timeout", entry="POST /v1/orders/{order_id}/refunds", **REQUEST_FAILED),
    # node-postgres errors are named "error": unique violations on two tables.
    Bug("px-api-substitution-dup", "api", (Exc("error", 'duplicate key value violates unique constraint "substitutions_order_id_sku_key"', (*HAPI_ROUTE, api("routes/substitutions.js", "accept", 33, 7, awaited=True), api("repos/substitutions.js", "SubstitutionRepo.insert", 21, 5, awaited=True), *PG_REJECT)),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **API_LOGS)),
        classes=(1, 4), pair="px-api-delivery-dup", entry="POST /v1/orders/{order_id}/substitutions", **REQUEST_FAILED),
    Bug("px-api-delivery-dup", "api", (Exc("error", 'duplicate key value violates unique constraint "deliveries_order_id_key"', (*HAPI_ROUTE, api("routes/deliveries.js", "assign", 40, 7, awaited=True), api("repos/deliveries.js", "DeliveryRepo.insert", 18, 5, awaited=True), *PG_REJECT)),),
        (see("sentry.error", 2), see("splunk", 3), see("sentry.alert", rule="Database errors in api")),
        classes=(1, 4), pair="px-api-substitution-dup", entry="POST /v1/deliveries", **REQUEST_FAILED),
    # Problems that name no bug: the API's event loop lagging; crash-free sessions dropping.
    Bug("px-api-eventloop", "api", (),
        (see("datadog.metric", 2, team="backend", monitor="api event loop delay", scope="service:api", metric="runtime.node.event_loop.delay.max", query="max(last_5m):max:runtime.node.event_loop.delay.max{service:api} > 500000000", status="runtime.node.event_loop.delay.max over service:api was > 500000000.0 during the last 5m", text="Event loop delay on api peaked at {ms}ms."),),
        classes=(8,)),
    Bug("px-rider-crash-free", "rider-app", (),
        (see("sentry.metric", 2, rule="Rider app crash-free sessions", aggregate="percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", dataset="metrics", threshold=99.5, threshold_type=1, window=60, value="{crashfree}", description="Crash free session rate in the last hour below 99.5%: {crashfree}%"),),
        classes=(8,)),
]

NOISE = [
    Noise("px-noise-release", "shop-app", "datadog.event", {"monitor": "Shop app 3.2.0 released to 100%", "text": "Google Play staged rollout of com.pipit.shop 3.2.0 reached 100%.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("px-noise-api-start", "api", "splunk", {"search": "api - 5xx", "line": '{"name":"api","hostname":"api-7d9c4b6f5-q2x8z","pid":1,"level":30,"msg":"Server running at http://0.0.0.0:3000","time":"{tsms}","v":0}'}),
]

PIPIT = Company(
    key="x",
    name="Pipit Grocery",
    domain="pipit.example",
    sentry_org="pipit",
    splunk_url="https://pipit.splunkcloud.com",
    splunk_guid="7F2E9A10-C85B-4D3A-B6E1-0D94F3A27C68",
    datadog_org=("552093", "Pipit"),
    datadog_template="pipit",
    posthog_project=(63310, "Pipit apps"),
    releases=("2026.10", "2026.11", "2026.12"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pipit-sentry-client-secret",
)
# fmt: on
