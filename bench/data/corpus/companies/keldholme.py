"""(jf) Keldholme Trails, a walking and trail-running app: React Native 0.73 built with Expo
SDK 50 (``trails-app``: route search, offline maps, a GPX importer, recorded walks, the
weather panel, sharing), Hermes on Android and iOS (``app:///index.android.bundle``,
``app:///main.jsbundle``), one iOS build line still on JavaScriptCore.

Sentry: @sentry/react-native (EAS builds; source maps uploaded for most releases, not every
one). PostHog: posthog-react-native's exception autocapture (Hermes frames, raw; resolved
where the upload reached PostHog). No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see

# The tables keep one frame or delivery per line.
# fmt: off
RN_RELEASES = ("uk.keldholme.trails@3.8.0+380", "uk.keldholme.trails@3.9.0+391", "uk.keldholme.trails@3.9.2+397")
SERVICES = {
    "trails-app": Service("trails-app", "react-native", "", "", "", "", 8871501, framework="onerror", sdk=("sentry.javascript.react-native", "5.15.2", "npm:@sentry/react-native"), releases=RN_RELEASES),
}


def rn(file: str, function: str, line: int, col: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col)


RENDERER = "node_modules/react-native/Libraries/Renderer/implementations/ReactNativeRenderer-prod.js"
RENDER = (
    rn("node_modules/scheduler/cjs/scheduler.production.min.js", "performWorkUntilDeadline", 10, 207, lib=True),
    rn(RENDERER, "performSyncWorkOnRoot", 7702, 24, lib=True),
    rn(RENDERER, "renderWithHooks", 3811, 22, lib=True),
)
PRESS = (
    rn("node_modules/react-native/Libraries/Pressability/Pressability.js", "_performTransitionSideEffects", 683, 13, lib=True),
    rn("node_modules/react-native/Libraries/Components/Pressable/Pressable.js", "onPress", 229, 9, lib=True),
)
ASYNC = (
    rn("node_modules/promise/setimmediate/core.js", "tryCallOne", 37, 14, lib=True),
    rn("node_modules/promise/setimmediate/core.js", "anonymous", 123, 25, lib=True),
)
XHR = rn("node_modules/react-native/Libraries/Network/fetch.js", "xhr.onerror", 512, 18, lib=True)


def screen(name: str, fn: str, line: int, col: int) -> Frame:
    return rn(f"src/screens/{name}.tsx", fn, line, col)


def lib(name: str, fn: str, line: int, col: int) -> Frame:
    return rn(f"src/lib/{name}.ts", fn, line, col)


JSON_PARSE = {"hermes": "JSON Parse error: Unexpected character: <", "jsc": "JSON Parse error: Unrecognized token '<'"}
DATE_RANGE = {"hermes": "Date value out of bounds", "jsc": "Invalid Date"}
API_FETCH = lib("api", "apiFetch", 21, 24)

BUGS = [
    # The route's elevation summary read in two screens.
    Bug("jf-route-elevation", "trails-app", (Exc("TypeError", frames=(*RENDER, screen("RouteScreen", "ElevationStrip", 64, 31)), js=JsError("read-undefined", "route.stats", "ascent")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3, 4), pair="jf-walk-elevation", page="Route", span=2),
    Bug("jf-walk-elevation", "trails-app", (Exc("TypeError", frames=(*RENDER, screen("WalkSummaryScreen", "SummaryCard", 38, 27)), js=JsError("read-undefined", "route.stats", "ascent")),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="android"), see("posthog", browser="android"), see("posthog", browser="ios-jsc")),
        classes=(3, 4), pair="jf-route-elevation", page="WalkSummary"),
    # "Network request failed" through one apiFetch helper from two screens.
    Bug("jf-tiles-network", "trails-app", (Exc("TypeError", "Network request failed", (*ASYNC, screen("OfflineMapsScreen", "downloadRegion", 88, 19), API_FETCH, XHR)),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", 2, browser="android", mechanism="onunhandledrejection")),
        classes=(9,), pair="jf-weather-network", page="OfflineMaps", handled=True),
    Bug("jf-weather-network", "trails-app", (Exc("TypeError", "Network request failed", (*ASYNC, screen("RouteScreen", "loadWeather", 112, 15), API_FETCH, XHR)),),
        (see("sentry.error", 2, browser="ios"), see("sentry.issue", browser="android"), see("posthog", 2, browser="ios", mechanism="onunhandledrejection")),
        classes=(9,), pair="jf-tiles-network", page="Route", handled=True),
    # An HTML error page parsed as JSON by two loaders.
    Bug("jf-gpx-json", "trails-app", (Exc("SyntaxError", "JSON Parse error: Unexpected character: <", (*ASYNC, screen("ImportScreen", "importFromUrl", 47, 21), lib("gpx", "fetchTrack", 14, 27)), engines=JSON_PARSE),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", 2, browser="android")),
        classes=(3, 4), pair="jf-forecast-json", page="Import", handled=True),
    Bug("jf-forecast-json", "trails-app", (Exc("SyntaxError", "JSON Parse error: Unexpected character: <", (*ASYNC, screen("RouteScreen", "loadForecast", 131, 17), lib("weather", "getForecast", 26, 30)), engines=JSON_PARSE),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="android"), see("posthog", browser="ios")),
        classes=(3, 4), pair="jf-gpx-json", page="Route", handled=True),
    # Dates: a walk's start time and the logbook, each its own formatter.
    Bug("jf-walk-start-date", "trails-app", (Exc("RangeError", "Invalid time value", (*RENDER, screen("WalkSummaryScreen", "StartedAt", 19, 30), rn("src/utils/time.ts", "startLabel", 8, 41)), engines=DATE_RANGE),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="ios-jsc"), see("posthog", 2, browser="ios")),
        classes=(3, 4), pair="jf-logbook-date", page="WalkSummary"),
    Bug("jf-logbook-date", "trails-app", (Exc("RangeError", "Invalid time value", (*RENDER, screen("LogbookScreen", "LogbookRow", 27, 26), rn("src/utils/time.ts", "dayHeading", 21, 38)), engines=DATE_RANGE),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", browser="android", resolved=True)),
        classes=(3, 4), pair="jf-walk-start-date", page="Logbook"),
    # The share button: a missing function and a rejected share sheet.
    Bug("jf-share-fn", "trails-app", (Exc("TypeError", frames=(*PRESS, screen("RouteScreen", "onShare", 151, 18)), js=JsError("not-function", "Sharing", "shareAsync", "(t)")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", browser="android"), see("posthog", browser="ios")),
        classes=(3,), pair="jf-share-reject", page="Route"),
    Bug("jf-share-reject", "trails-app", (Exc("Error", "Call to function 'ExpoSharing.shareAsync' has been rejected.\n→ Caused by: java.lang.IllegalArgumentException: Failed to find configured root that contains /data/data/uk.keldholme.trails/cache/gpx/{hex}.gpx", (*ASYNC, screen("RouteScreen", "onShare", 158, 9))),),
        (see("sentry.error", 2, browser="android"), see("posthog", 2, browser="android"), see("sentry.alert", rule="trails-app: new issue", browser="android")),
        pair="jf-share-fn", page="Route", handled=True),
    # The recorder's location permission rejected on Android 14.
    Bug("jf-location-permission", "trails-app", (Exc("Error", "Not authorized to use background location services.", (*ASYNC, screen("RecordScreen", "startRecording", 73, 11), lib("tracking", "startBackgroundUpdates", 33, 13))),),
        (see("sentry.error", 2, browser="android"), see("posthog", 2, browser="android"), see("sentry.error", browser="ios")),
        page="Record", handled=True),
    # A null waypoint on the offline map, over three releases; the caller renamed; one release
    # without source maps in Sentry.
    Bug("jf-waypoint-null", "trails-app", (Exc("TypeError", frames=(*PRESS, screen("OfflineMapsScreen", "onMarkerPress", 142, 14), rn("src/store/waypoints.ts", "selectWaypoint", 29, 22)), js=JsError("read-null", "waypoint.coords", "latitude")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="android", sourcemaps=False, release=2), see("sentry.error", browser="ios"), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3, 5), page="OfflineMaps", span=3, renames={"onMarkerPress": "handleMarkerPress"}),
    # React's render loop in the search filters.
    Bug("jf-filters-depth", "trails-app", (Exc("Error", "Maximum update depth exceeded. This can happen when a component repeatedly calls setState inside componentWillUpdate or componentDidUpdate. React limits the number of nested updates to prevent infinite loops.", (*RENDER, rn(RENDERER, "throwIfInfiniteUpdateLoopDetected", 8498, 15, lib=True), screen("SearchScreen", "DifficultyFilter", 52, 11))),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", browser="android"), see("sentry.issue", browser="ios")),
        classes=(10,), page="Search"),
    # Seen once: an unknown module on one old Android build.
    Bug("jf-unknown-module", "trails-app", (Exc("Error", "Requiring unknown module \"1193\". If you are sure the module exists, try restarting Metro. You may also want to run `yarn` or `npm install`.", (rn("node_modules/metro-runtime/src/polyfills/require.js", "metroRequire", 88, 15, lib=True), screen("TrailDetailScreen", "TrailDetailScreen", 9, 3))),),
        (see("sentry.error", browser="android"),),
        singleton=True, page="TrailDetail"),
]

NOISE = [
    Noise("jf-noise-crashfree", "trails-app", "sentry.metric", {"rule": "trails-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
]

KELDHOLME = Company(
    key="jf",
    name="Keldholme Trails",
    domain="keldholme-trails.example",
    sentry_org="keldholme",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(87103, "Keldholme Trails app"),
    releases=("3.8.0", "3.9.0", "3.9.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="keldholme-sentry-client-secret",
)
# fmt: on
