"""(ng) Eglingham Rambles, a walking-trails app built with Kotlin Multiplatform: a ``shared``
Kotlin module (Ktor client, kotlinx.serialization, SQLDelight, coroutines) used by a SwiftUI
iOS app (the module linked as a static framework, so its code runs in the app's own image)
and a Jetpack Compose Android app shrunk by R8.

Sentry: sentry-kotlin-multiplatform (sentry-cocoa underneath on iOS, with unhandled Kotlin
exceptions reported as the Kotlin type, ``kotlin.IllegalStateException``, over ``kfun:``
frames that run through Swift; sentry-android underneath on Android, the R8 mapping uploaded
but for one build). PostHog: posthog-ios and posthog-android exception capture (raw frames:
Kotlin/Native symbols as ``dladdr`` names them, R8's names on Android). Splunk: the API's
``/v1/client-log`` endpoint writing the app's reports to HEC (``stackTraceToString()``, one
saved search). Datadog: dd-sdk-kotlin-multiplatform's logs (one log monitor over the apps'
error logs). All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import jexc, jl, kt

# The tables keep one frame or delivery per line.
# fmt: off
PKG = "com.eglingham.trails"
IOS_RELEASES = (f"{PKG}@3.1.0+310", f"{PKG}@3.1.1+314", f"{PKG}@3.2.0+320")
ANDROID_RELEASES = (f"{PKG}@3.1.0+3100", f"{PKG}@3.1.1+3104", f"{PKG}@3.2.0+3200")
SERVICES = {
    "app-ios": Service("app-ios", "cocoa", "ng-clientlog", "_json", "http:client-log", "mobile_logs", 12220031, sdk=("sentry.cocoa.kotlin-multiplatform", "0.11.0", "maven:io.sentry:sentry-kotlin-multiplatform"), releases=IOS_RELEASES),
    "app-android": Service("app-android", "java", "ng-clientlog", "_json", "http:client-log", "mobile_logs", 12220032, framework="android", sdk=("sentry.java.android.kotlin-multiplatform", "0.11.0", "maven:io.sentry:sentry-kotlin-multiplatform"), releases=ANDROID_RELEASES),
}
SH = f"{PKG}.shared"


# --- iOS: Swift frames and the shared module's Kotlin/Native frames in the app's image -------
def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"iosApp/{file}", line, "Eglingham", True)


def kn(fn: str, file: str, line: int) -> Frame:
    """A Kotlin/Native frame: ``kfun:<package>.<Class>#<method>(<params>){}<return>``."""
    return Frame(f"kfun:{fn}", f"shared/src/commonMain/kotlin/{file}", line, "Eglingham", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
SWIFTUI = "/System/Library/Frameworks/SwiftUI.framework/SwiftUI"
IOS_MAIN = (
    ios("start", "/usr/lib/dyld"),
    sw("static EglinghamApp.$main()", "EglinghamApp.swift", 11),
    ios("UIApplicationMain", UIKIT),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
    ios("_dispatch_main_queue_drain", "/usr/lib/system/libdispatch.dylib"),
)
TAP = (*IOS_MAIN, ios("-[UIApplication sendEvent:]", UIKIT), ios("ButtonAction.callAsFunction()", SWIFTUI))
# Kotlin's Dispatchers.Main on iOS: the coroutine machinery is compiled into the app's image too.
KN_MAIN = (
    *IOS_MAIN,
    kn("kotlinx.coroutines.DispatchedTask#run(){}", "kotlinx/coroutines/internal/DispatchedTask.kt", 104),
    kn("kotlin.coroutines.native.internal.BaseContinuationImpl#resumeWith(kotlin.Result<kotlin.Any?>){}", "kotlin/coroutines/ContinuationImpl.kt", 30),
)


# --- Android: Compose, coroutines, R8 -------------------------------------------------------
MAIN = (
    jl("com.android.internal.os.ZygoteInit", "main", 947),
    jl("com.android.internal.os.RuntimeInit$MethodAndArgsCaller", "run", 548),
    jl("android.app.ActivityThread", "main", 8177),
    jl("android.os.Looper", "loop", 288),
    jl("android.os.Looper", "loopOnce", 201),
    jl("android.os.Handler", "dispatchMessage", 106),
)
COROUTINE = (
    *MAIN,
    jl("kotlinx.coroutines.DispatchedTask", "run", 108),
    jl("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33),
)
COMPOSE = (
    *MAIN,
    jl("androidx.compose.ui.platform.AndroidUiFrameClock$withFrameNanos$2$callback$1", "doFrame", 39),
    jl("androidx.compose.runtime.Recomposer", "performRecompose", 1380),
    jl("androidx.compose.runtime.ComposerImpl", "doCompose", 3314),
)
CLICK = (
    *MAIN,
    jl("android.os.Handler", "handleCallback", 958),
    jl("androidx.compose.foundation.ClickablePointerInputNode$pointerInput$3", "invoke", 987),
)
PH_A = dict(in_app_prefix=PKG)


def ktk(cls: str, method: str, line: int) -> Frame:
    """A composable's frame: the class is the file's facade (``TrailDetailScreenKt``)."""
    simple = cls.rsplit(".", 1)[-1].split("$")[0].removesuffix("Kt")
    return Frame(method, simple + ".kt", line, cls, True)

KTOR_TIMEOUT = "Request timeout has expired [url=https://api.eglingham.example/v2/{what}, request_timeout=15000 ms]"
NOT_DOWNLOADED = "Trail pack {id} is not downloaded"
MISSING = "Field '{field}' is required for type with serial name '{cls}', but it was missing at path: $.{path}[{idx}]"

SEARCH = dict(search="Eglingham - app client errors", owner="ng_mobile", app="eglingham_apps")
DD = dict(team="apps", monitor="[trails-app] error logs from the apps", filter="source:mobile service:(app-ios OR app-android) status:error", format="ng-ddlog", text="{{log.attributes.error.kind}} on {{log.service}} {{log.attributes.version}}: {{log.attributes.error.message}}\n\n```\n{{log.attributes.error.stack}}\n```")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def a_(n: int, tool: str, group: str, **opts: object) -> Seen:
    return see(tool, n, svc="app-android", as_group=group, **opts)


def missing(field: str, cls: str, path: str) -> str:
    return MISSING.replace("{field}", field).replace("{cls}", f"{SH}.model.{cls}").replace("{path}", path)


GRID = "Invalid grid reference: {sku}"

BUGS = [
    # A pack opened before its download finished, in the shared repository: seen on iOS (the
    # Kotlin type over kfun frames under Swift) and on Android (java.lang, R8 frames).
    Bug("ng-pack-not-downloaded", "app-ios", (Exc("kotlin.IllegalStateException", NOT_DOWNLOADED, (*TAP, sw("closure #1 in TrailDetailView.body.getter", "Trails/TrailDetailView.swift", 64), sw("TrailDetailViewModel.startWalk()", "Trails/TrailDetailViewModel.swift", 41), Frame("objc2kotlin_kfun:com.eglingham.trails.shared.packs.PackRepository#open(kotlin.String){}com.eglingham.trails.shared.packs.TrailPack", "", 0, "Eglingham", True), kn(f"{SH}.packs.PackRepository#open(kotlin.String){{}}{SH}.packs.TrailPack", "com/eglingham/trails/shared/packs/PackRepository.kt", 58), kn("kotlin#error(kotlin.Any){}kotlin.Nothing", "kotlin/Preconditions.kt", 151))),),
        (see("sentry.error", 3), see("sentry.error", raw=True, release=2), spl(2), dd()),
        classes=(4, 10), pair="ng-tile-not-downloaded", span=2, page="TrailDetailView"),
    Bug("ng-pack-not-downloaded-android", "app-android", (jexc("java.lang.IllegalStateException", NOT_DOWNLOADED, (*CLICK, ktk(f"{PKG}.android.trails.TrailDetailScreenKt$TrailDetailScreen$1$1", "invoke", 77), kt(f"{SH}.packs.PackRepository", "open", 58))),),
        (a_(3, "sentry.error", "ng-pack-not-downloaded", mechanism="UncaughtExceptionHandler"), a_(2, "posthog", "ng-pack-not-downloaded", **PH_A), a_(1, "splunk", "ng-pack-not-downloaded", **SEARCH)),
        classes=(4, 10), page="TrailDetailScreen"),
    Bug("ng-tile-not-downloaded", "app-android", (jexc("java.lang.IllegalStateException", NOT_DOWNLOADED, (*COROUTINE, kt(f"{SH}.map.TileCache$tileFor$1", "invokeSuspend", 39), kt(f"{SH}.map.TileCache", "requirePack", 71))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("posthog", 2, **PH_A), spl(2), dd()),
        classes=(4, 10), pair="ng-pack-not-downloaded", page="MapScreen"),
    # Two Ktor timeouts ending in one shared client helper (handled, captured in shared code).
    Bug("ng-conditions-timeout", "app-ios", (Exc("io.ktor.client.plugins.HttpRequestTimeoutException", KTOR_TIMEOUT.replace("{what}", "trails/{id}/conditions"), (*KN_MAIN, kn(f"{SH}.conditions.ConditionsRepository.$refreshCOROUTINE$3#invokeSuspend(kotlin.Result<kotlin.Any?>){{}}kotlin.Any?", "com/eglingham/trails/shared/conditions/ConditionsRepository.kt", 33), kn(f"{SH}.net.ApiClient.$getJsonCOROUTINE$1#invokeSuspend(kotlin.Result<kotlin.Any?>){{}}kotlin.Any?", "com/eglingham/trails/shared/net/ApiClient.kt", 48))),),
        (see("sentry.error", 3), see("posthog", 2), spl(), dd()),
        classes=(9,), pair="ng-weather-timeout", handled=True, page="TrailDetailView"),
    Bug("ng-conditions-timeout-android", "app-android", (jexc("io.ktor.client.plugins.HttpRequestTimeoutException", KTOR_TIMEOUT.replace("{what}", "trails/{id}/conditions"), (*COROUTINE, kt(f"{SH}.conditions.ConditionsRepository$refresh$1", "invokeSuspend", 33), kt(f"{SH}.net.ApiClient", "getJson", 48))),),
        (a_(2, "sentry.error", "ng-conditions-timeout", mechanism="generic"), a_(1, "datadog.log", "ng-conditions-timeout", **DD)),
        classes=(9,), handled=True, page="TrailDetailScreen"),
    Bug("ng-weather-timeout", "app-ios", (Exc("io.ktor.client.plugins.HttpRequestTimeoutException", KTOR_TIMEOUT.replace("{what}", "weather/forecast?lat=54.{n}&lon=-1.{idx}"), (*KN_MAIN, kn(f"{SH}.weather.WeatherRepository.$forecastCOROUTINE$2#invokeSuspend(kotlin.Result<kotlin.Any?>){{}}kotlin.Any?", "com/eglingham/trails/shared/weather/WeatherRepository.kt", 27), kn(f"{SH}.net.ApiClient.$getJsonCOROUTINE$1#invokeSuspend(kotlin.Result<kotlin.Any?>){{}}kotlin.Any?", "com/eglingham/trails/shared/net/ApiClient.kt", 48))),),
        (see("sentry.error", 2), see("posthog", 3), dd(2)),
        classes=(9,), pair="ng-conditions-timeout", handled=True, page="WeatherView"),
    # kotlinx.serialization: two models missing a field.
    Bug("ng-trail-summary-field", "app-android", (jexc("kotlinx.serialization.MissingFieldException", missing("elevationGain", "TrailSummary", "trails"), (*COROUTINE, kt(f"{SH}.trails.TrailRepository$search$1", "invokeSuspend", 52), kt(f"{SH}.net.ApiClient", "getJson", 51), jl("kotlinx.serialization.json.internal.StreamingJsonDecoder", "decodeSerializableValue", 69))),),
        (see("sentry.error", 3, mechanism="generic"), see("posthog", 2, **PH_A), spl(2), dd()),
        classes=(4, 9), pair="ng-waypoint-field", handled=True, page="SearchScreen"),
    Bug("ng-waypoint-field", "app-ios", (Exc("kotlinx.serialization.MissingFieldException", missing("gridRef", "Waypoint", "waypoints"), (*KN_MAIN, kn(f"{SH}.trails.RouteRepository.$routeCOROUTINE$4#invokeSuspend(kotlin.Result<kotlin.Any?>){{}}kotlin.Any?", "com/eglingham/trails/shared/trails/RouteRepository.kt", 40), kn(f"{SH}.net.ApiClient.$getJsonCOROUTINE$1#invokeSuspend(kotlin.Result<kotlin.Any?>){{}}kotlin.Any?", "com/eglingham/trails/shared/net/ApiClient.kt", 51), kn("kotlinx.serialization.json.internal.StreamingJsonDecoder#decodeSerializableValue(kotlinx.serialization.DeserializationStrategy<0:0>){0\u00a7<kotlin.Any?>}0:0", "kotlinx/serialization/json/internal/StreamingJsonDecoder.kt", 69))),),
        (see("sentry.error", 3), see("posthog", 2), spl(2)),
        classes=(4, 9, 10), pair="ng-trail-summary-field", handled=True, page="RouteView"),
    # Kotlin `!!` in two places of the shared module: no message.
    Bug("ng-walk-recorder-npe", "app-android", (jexc("java.lang.NullPointerException", "", (*COROUTINE, kt(f"{SH}.walk.WalkRecorder$onLocation$1", "invokeSuspend", 66), kt(f"{SH}.walk.WalkRecorder", "appendPoint", 90))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("sentry.error", r8=True, release=1, mechanism="UncaughtExceptionHandler"), see("posthog", 2, **PH_A), spl()),
        classes=(4, 10), pair="ng-badge-npe", span=2, page="RecordWalkScreen"),
    Bug("ng-walk-recorder-npe-ios", "app-ios", (Exc("kotlin.NullPointerException", "", (*KN_MAIN, kn(f"{SH}.walk.WalkRecorder.$onLocationCOROUTINE$5#invokeSuspend(kotlin.Result<kotlin.Any?>){{}}kotlin.Any?", "com/eglingham/trails/shared/walk/WalkRecorder.kt", 66), kn(f"{SH}.walk.WalkRecorder#appendPoint({SH}.geo.Fix){{}}", "com/eglingham/trails/shared/walk/WalkRecorder.kt", 90), kn("kotlin.native.internal#ThrowNullPointerException(){}kotlin.Nothing", "kotlin/native/internal/RuntimeUtils.kt", 33))),),
        (see("sentry.error", 2, as_group="ng-walk-recorder-npe"), see("splunk", as_group="ng-walk-recorder-npe", **SEARCH)),
        classes=(4,), page="RecordWalkView"),
    Bug("ng-badge-npe", "app-android", (jexc("java.lang.NullPointerException", "", (*COROUTINE, kt(f"{SH}.badges.BadgeEngine$evaluate$1", "invokeSuspend", 28), kt(f"{SH}.badges.BadgeEngine", "streakFor", 47))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("posthog", **PH_A), dd()),
        classes=(4, 10), pair="ng-walk-recorder-npe", page="BadgesScreen"),
    # One grid-reference parser, two exceptions.
    Bug("ng-gridref-invalid", "app-ios", (Exc("kotlin.IllegalArgumentException", GRID, (*TAP, sw("WaypointEditor.save()", "Waypoints/WaypointEditor.swift", 52), kn(f"{SH}.geo.GridRef.Companion#parse(kotlin.String){{}}{SH}.geo.GridRef", "com/eglingham/trails/shared/geo/GridRef.kt", 24), kn("kotlin#require(kotlin.Boolean;kotlin.Function0<kotlin.Any>){}", "kotlin/Preconditions.kt", 28))),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(4,), pair="ng-gridref-number", page="WaypointEditor"),
    Bug("ng-gridref-number", "app-android", (jexc("java.lang.NumberFormatException", 'For input string: "{seg}{idx}x"', (*CLICK, ktk(f"{PKG}.android.waypoints.WaypointEditorKt$WaypointEditor$2$1", "invoke", 61), kt(f"{SH}.geo.GridRef$Companion", "parse", 31), jl("java.lang.Integer", "parseInt", 668))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("posthog", 2, **PH_A), spl()),
        classes=(4, 10), pair="ng-gridref-invalid", page="WaypointEditor"),
    # Android only: SQLDelight insert of a walk twice, and a Compose chart index.
    Bug("ng-walk-insert-constraint", "app-android", (jexc("android.database.sqlite.SQLiteConstraintException", "UNIQUE constraint failed: recorded_walk.id (code 1555 SQLITE_CONSTRAINT_PRIMARYKEY)", (*COROUTINE, kt(f"{SH}.walk.WalkStore$save$2", "invokeSuspend", 37), kt(f"{SH}.db.RecordedWalkQueries", "insert", 112), jl("app.cash.sqldelight.driver.android.AndroidSqliteDriver", "execute", 301), jl("android.database.sqlite.SQLiteConnection", "nativeExecuteForChangedRowCount", -2))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("posthog", 2, **PH_A), spl(), dd()),
        classes=(10,), page="RecordWalkScreen"),
    Bug("ng-elevation-chart-index", "app-android", (jexc("java.lang.IndexOutOfBoundsException", "Index {idx} out of bounds for length {idx}", (*COMPOSE, ktk(f"{PKG}.android.trails.ElevationChartKt$ElevationChart$1$1", "invoke", 48), jl("java.util.ArrayList", "get", 437))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("sentry.issue"), see("posthog", 2, **PH_A)),
        classes=(10,), page="TrailDetailScreen"),
    # iOS only: a Swift force unwrap in the offline-maps screen.
    Bug("ng-ios-offline-unwrap", "app-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Unexpectedly found nil while unwrapping an Optional value", (*TAP, sw("closure #2 in OfflineMapsView.body.getter", "Maps/OfflineMapsView.swift", 88), sw("OfflineMapsModel.delete(_:)", "Maps/OfflineMapsModel.swift", 35), ios("_assertionFailure(_:_:file:line:flags:)", "/usr/lib/swift/libswiftCore.dylib"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("sentry.alert", rule="New crash in the iOS app")),
        classes=(), page="OfflineMapsView"),
    # Seen once: a foreground-service notification rejected on one Android 14 device.
    Bug("ng-fgs-notification", "app-android", (jexc("android.app.RemoteServiceException$CannotPostForegroundServiceNotificationException", "Bad notification for startForeground", (*MAIN, jl("android.app.ActivityThread$H", "handleMessage", 2459), jl("android.app.ActivityThread", "throwRemoteServiceException", 2061))),),
        (see("sentry.error", mechanism="UncaughtExceptionHandler"),),
        singleton=True, page="RecordWalkScreen"),
]

NOISE = [
    Noise("ng-noise-release", "app-ios", "datadog.event", {"monitor": "Eglingham 3.2.0 released", "text": "3.2.0 (320) is live on the App Store; Android 3.2.0 (3200) at 100% on Google Play.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "apps", "release": "2"}),
    Noise("ng-noise-clientlog-info", "app-android", "splunk", {**SEARCH, "line": '{"ts":"{tsms}","level":"INFO","platform":"android","appVersion":"3.2.0+3200","installId":"{uuid}","screen":"RecordWalkScreen","tag":"WalkRecorder","message":"GPS fix lost for 31s, resumed"}'}),
    Noise("ng-noise-recovered", "app-ios", "datadog.log", {"monitor": "[trails-app] error logs from the apps", "transition": "Recovered", "alert_type": "success", "team": "apps", "filter": "source:mobile service:(app-ios OR app-android) status:error", "text": "App error logs are back to normal."}),
]

EGLINGHAM = Company(
    key="ng",
    name="Eglingham Rambles",
    domain="eglingham.example",
    sentry_org="eglingham",
    splunk_url="https://eglingham.splunkcloud.example",
    splunk_guid="3C8E1A57-B2D4-4F06-8A93-6E0D5C1B7F42",
    datadog_org=("1220031", "Eglingham Rambles"),
    datadog_template="recommended",
    posthog_project=(122031, "Eglingham apps"),
    releases=("3.1.0", "3.1.1", "3.2.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="eglingham-sentry-client-secret",
)
# fmt: on
