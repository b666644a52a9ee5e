"""(ns) Zorbridge Cycles, a city bike-hire scheme: ``ride-android``, the riders' Android app
(Kotlin, Jetpack Compose, coroutines, Retrofit with Moshi, Room, a BLE lock client, a
foreground ride-tracking service), shrunk by R8 in release builds.

Sentry: sentry-android with the ProGuard mapping uploaded for every build (mapped frames),
ANRs (``ApplicationNotResponding``, the main thread's stack) and OOMs. PostHog: posthog-android's
exception autocapture and ``captureException`` for handled errors; the 4.8.0 build's mapping
was never uploaded to PostHog, so its frames keep R8's names, later builds are resolved.
Splunk: the app's ``ErrorReporter`` posts handled errors (``Log.getStackTraceString``, R8's
names) to the team's telemetry endpoint, which writes them to HEC; one saved search over them.
Datadog: dd-sdk-android's Logs (``logger.e(msg, t)``; the crash persisted and sent on the next
launch), one log monitor over the app's errors and crashes. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import jexc, jl, kt

# The tables keep one frame or delivery per line.
# fmt: off
APP = "com.zorbridge.ride"
SERVICES = {
    "ride-android": Service("ride-android", "java", "ns-relay", "zorbridge:app_error", "http:telemetry-app-errors", "mobile", 12630031, framework="android", sdk=("sentry.java.android", "7.18.0", "maven:io.sentry:sentry-android-core"), releases=(f"{APP}@4.8.0+4800", f"{APP}@4.8.1+4812", f"{APP}@4.9.0+4900")),
}

MAIN = (
    jl("com.android.internal.os.ZygoteInit", "main", 947),
    jl("com.android.internal.os.RuntimeInit$MethodAndArgsCaller", "run", 548),
    jl("android.app.ActivityThread", "main", 8177),
    jl("android.os.Looper", "loop", 288),
    jl("android.os.Looper", "loopOnce", 232),
    jl("android.os.Handler", "dispatchMessage", 106),
)
COROUTINE = (*MAIN, jl("kotlinx.coroutines.DispatchedTask", "run", 108), jl("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33))
IO = (jl("java.lang.Thread", "run", 1012), jl("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "run", 675), jl("kotlinx.coroutines.DispatchedTask", "run", 108), jl("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33))
COMPOSE = (
    *MAIN,
    jl("android.view.Choreographer$FrameDisplayEventReceiver", "run", 1339),
    jl("androidx.compose.ui.platform.AndroidComposeView", "dispatchDraw", 2143),
    jl("androidx.compose.ui.node.MeasureAndLayoutDelegate", "measureAndLayout", 355),
    jl("androidx.compose.foundation.lazy.LazyListKt$rememberLazyListMeasurePolicy$1$1", "invoke-0kLqBqw", 177),
    jl("androidx.compose.foundation.CheckScrollableContainerConstraintsKt", "checkScrollableContainerConstraints", 35),
)
MOSHI = (jl("retrofit2.converter.moshi.MoshiResponseBodyConverter", "convert", 46), jl("com.squareup.moshi.internal.Util", "missingProperty", 660))


def a(cls: str, method: str, line: int) -> object:
    return kt(f"{APP}.{cls}", method, line)


PH = {"in_app_prefix": APP}
PH_RAW = {**PH, "release": 0}  # 4.8.0: no mapping uploaded to PostHog
PH_OK = {**PH, "r8": False}
DROID = {"mechanism": "UncaughtExceptionHandler"}
SEARCH = dict(search="Zorbridge - ride app errors (telemetry)", owner="zb_mobile", app="mobile")
DD = dict(team="mobile", monitor="[ride-android] error and crash logs", format="ns-dd", filter="service:ride-android status:(error OR emergency)", text="{{log.attributes.logger.name}}: {{log.attributes.error.kind}}: {{log.attributes.error.message}}\nversion {{log.attributes.version}}")
CRASH = {**DD, "crash": True}


def spl(n: int = 1, **opts: object) -> object:
    return see("splunk", n, **SEARCH, **opts)


def anr(frames: tuple) -> tuple[Exc, ...]:
    return (Exc("ApplicationNotResponding", "Application Not Responding for at least 5000 ms.", frames, module="io.sentry.android.core"),)


def oom(value: str, frames: tuple) -> tuple[Exc, ...]:
    return (jexc("java.lang.OutOfMemoryError", value, frames),)


BUGS = [
    # 1. Two ANRs: the main thread blocked in two different places.
    Bug("ns-anr-prefs-commit", "ride-android", anr((*MAIN, a("ui.settings.SettingsViewModel", "onUnitsChanged", 58), a("data.RidePrefs", "save", 33), jl("android.app.SharedPreferencesImpl$EditorImpl", "commit", 604), jl("java.util.concurrent.CountDownLatch", "await", 211), jl("java.lang.Object", "wait", -2))),
        (see("sentry.error", 3, mechanism="ANR"), see("sentry.issue"), see("sentry.error", release=2, mechanism="ANR")),
        classes=(4, 5), pair="ns-anr-room-main", span=3),
    Bug("ns-anr-room-main", "ride-android", anr((*MAIN, a("ui.map.StationMapViewModel", "loadDocks", 71), a("data.db.DockDao_Impl", "nearby", 112), jl("androidx.room.RoomDatabase", "query", 461), jl("android.database.sqlite.SQLiteConnection", "nativeExecuteForCursorWindow", -2))),
        (see("sentry.error", 3, mechanism="ANR"), see("sentry.issue", 2)),
        classes=(4,), pair="ns-anr-prefs-commit"),
    # 2. Two OOMs: a photo decoded whole, a ride history parsed whole.
    Bug("ns-oom-photo", "ride-android", oom("Failed to allocate a 37748748 byte allocation with 25165824 free bytes and 30MB until OOM, target footprint 268435456, growth limit 268435456", (*IO, a("report.DamagePhotoUploader$upload$2", "invokeSuspend", 47), a("report.DamagePhotoUploader", "compress", 82), jl("android.graphics.BitmapFactory", "decodeStream", 774), jl("android.graphics.BitmapFactory", "nativeDecodeStream", -2))),
        (see("sentry.error", 3, **DROID), see("datadog.log", 2, **CRASH)),
        classes=(4,), pair="ns-oom-history"),
    Bug("ns-oom-history", "ride-android", oom("Failed to allocate a 16 byte allocation with 0 free bytes and 0B until OOM, target footprint 268435456, growth limit 268435456", (*IO, a("history.RideHistoryRepository$all$2", "invokeSuspend", 39), jl("com.squareup.moshi.internal.CollectionJsonAdapter", "fromJson", 76), jl("java.util.ArrayList", "add", 483))),
        (see("sentry.error", 2, **DROID), see("sentry.error", release=1, **DROID), see("datadog.log", **CRASH)),
        classes=(4,), pair="ns-oom-photo"),
    # 3. Moshi: one required field missing in two responses.
    Bug("ns-moshi-rides-dock", "ride-android", (jexc("com.squareup.moshi.JsonDataException", "Required value 'dockId' missing at $.rides[{idx}]", (*COROUTINE, a("history.RideHistoryViewModel$refresh$1", "invokeSuspend", 44), a("history.RideHistoryRepository", "page", 28), *MOSHI)),),
        (see("sentry.error", 2), see("posthog", **PH_RAW), see("posthog", 2, **PH_OK, release=2), spl(2), see("datadog.log", **DD)),
        log="RideHistoryViewModel.refresh", classes=(4, 10), pair="ns-moshi-reservation-dock", handled=True),
    Bug("ns-moshi-reservation-dock", "ride-android", (jexc("com.squareup.moshi.JsonDataException", "Required value 'dockId' missing at $.reservation", (*COROUTINE, a("reserve.ReserveViewModel$reserve$1", "invokeSuspend", 66), a("reserve.ReservationRepository", "create", 35), *MOSHI)),),
        (see("sentry.error", 3), see("posthog", 2, **PH_OK, release=1), spl(2), see("datadog.log", 2, **DD)),
        log="ReserveViewModel.reserve", classes=(4, 10), pair="ns-moshi-rides-dock", handled=True),
    # 4. One unlock function, two network failures.
    Bug("ns-unlock-dns", "ride-android", (jexc("java.net.UnknownHostException", 'Unable to resolve host "api.zorbridge.example": No address associated with hostname', (*COROUTINE, a("unlock.UnlockViewModel$unlock$1", "invokeSuspend", 52), a("unlock.UnlockRepository", "unlock", 24), jl("okhttp3.internal.connection.RealCall", "execute", 154), jl("okhttp3.Dns$Companion$DnsSystem", "lookup", 52), jl("java.net.Inet6AddressImpl", "lookupAllHostAddr", -2))),),
        (see("sentry.error", 2), see("posthog", **PH_RAW), see("posthog", **PH_OK, release=1), spl(2), see("datadog.log", 2, **DD)),
        log="UnlockViewModel.unlock", classes=(10,), pair="ns-unlock-tls", handled=True),
    Bug("ns-unlock-tls", "ride-android", (jexc("java.security.cert.CertPathValidatorException", "Trust anchor for certification path not found.", (*COROUTINE, a("unlock.UnlockViewModel$unlock$1", "invokeSuspend", 52), a("unlock.UnlockRepository", "unlock", 24), jl("okhttp3.internal.connection.RealCall", "execute", 154), jl("com.android.org.conscrypt.TrustManagerImpl", "verifyChain", 676))), jexc("javax.net.ssl.SSLHandshakeException", "java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.", (*COROUTINE, a("unlock.UnlockViewModel$unlock$1", "invokeSuspend", 52), a("unlock.UnlockRepository", "unlock", 24), jl("okhttp3.internal.connection.RealCall", "execute", 154), jl("com.android.org.conscrypt.ConscryptFileDescriptorSocket", "startHandshake", 238)))),
        (see("sentry.error", 3), see("posthog", 2, **PH_OK, release=2), spl(2), see("datadog.log", **DD)),
        log="UnlockViewModel.unlock", classes=(10,), pair="ns-unlock-dns", handled=True),
    # 5. BLE permissions: connect and scan (Android 12's runtime permissions).
    Bug("ns-ble-connect-perm", "ride-android", (jexc("java.lang.SecurityException", "Need android.permission.BLUETOOTH_CONNECT permission for android.content.AttributionSource@{hex}: GattService registerClient", (*COROUTINE, a("lock.LockBleClient$connect$1", "invokeSuspend", 61), a("lock.LockBleClient", "openGatt", 88), jl("android.bluetooth.BluetoothDevice", "connectGatt", 2933), jl("android.os.Parcel", "createExceptionOrNull", 3069))),),
        (see("sentry.error", 3, **DROID), see("posthog", **PH_RAW), see("posthog", **PH_OK, release=2), see("datadog.log", **CRASH)),
        classes=(4, 10), pair="ns-ble-scan-perm"),
    Bug("ns-ble-scan-perm", "ride-android", (jexc("java.lang.SecurityException", "Need android.permission.BLUETOOTH_SCAN permission for android.content.AttributionSource@{hex}: GattService registerScanner", (*MAIN, a("lock.DockScanner", "start", 42), jl("android.bluetooth.le.BluetoothLeScanner", "startScan", 135), jl("android.os.Parcel", "createExceptionOrNull", 3069))),),
        (see("sentry.error", 2, **DROID), see("posthog", 2, **PH_OK, release=1), see("datadog.log", 2, **CRASH)),
        classes=(4, 10), pair="ns-ble-connect-perm"),
    # 6. Compose: one scrollable measured with infinite height, in two screens.
    Bug("ns-compose-history-scroll", "ride-android", (jexc("java.lang.IllegalStateException", "Vertically scrollable component was measured with an infinity maximum height constraints, which is disallowed. One of the common reasons is nesting layouts like LazyColumn and Column(Modifier.verticalScroll()). If you want to add a header before the list of items please add a header as a separate item() before the main items() inside the LazyColumn scope. There are could be other reasons for this to happen: your ComposeView was added into a LinearLayout with some weight, you applied Modifier.wrapContentSize(unbounded = true) or wrote a custom layout. Please try to remove the source of infinite constraints in the hierarchy above the scrolling container.", (*COMPOSE, a("history.RideHistoryScreenKt$RideHistory$1", "invoke", 73))),),
        (see("sentry.error", 3, **DROID), see("posthog", **PH_RAW), see("posthog", **PH_OK, release=1), see("datadog.log", **CRASH)),
        classes=(4, 10), pair="ns-compose-stations-scroll"),
    Bug("ns-compose-stations-scroll", "ride-android", (jexc("java.lang.IllegalStateException", "Vertically scrollable component was measured with an infinity maximum height constraints, which is disallowed. One of the common reasons is nesting layouts like LazyColumn and Column(Modifier.verticalScroll()). If you want to add a header before the list of items please add a header as a separate item() before the main items() inside the LazyColumn scope. There are could be other reasons for this to happen: your ComposeView was added into a LinearLayout with some weight, you applied Modifier.wrapContentSize(unbounded = true) or wrote a custom layout. Please try to remove the source of infinite constraints in the hierarchy above the scrolling container.", (*COMPOSE, a("stations.StationListScreenKt$StationList$2", "invoke", 58))),),
        (see("sentry.error", 2, **DROID), see("posthog", 2, **PH_OK, release=2)),
        classes=(4, 10), pair="ns-compose-history-scroll"),
    # Not paired.
    Bug("ns-fgs-not-allowed", "ride-android", (jexc("android.app.ForegroundServiceStartNotAllowedException", "startForegroundService() not allowed due to mAllowStartForeground false: service com.zorbridge.ride/.tracking.RideTrackingService", (*COROUTINE, a("tracking.RideTracker$start$1", "invokeSuspend", 36), jl("android.app.ContextImpl", "startServiceCommon", 1897), jl("android.app.ForegroundServiceStartNotAllowedException$1", "createFromParcel", 54))),),
        (see("sentry.error", 2, **DROID), see("sentry.error", 2, release=2, **DROID), see("posthog", **PH_RAW), see("posthog", **PH_OK, release=2), see("datadog.log", 2, **CRASH)),
        classes=(5, 10), span=3),
    Bug("ns-payment-sheet-state", "ride-android", (jexc("java.lang.IllegalStateException", "Can not perform this action after onSaveInstanceState", (*MAIN, a("payment.TopUpActivity", "onTopUpResult", 94), jl("androidx.fragment.app.FragmentManager", "checkStateLoss", 1661), jl("androidx.fragment.app.FragmentManager", "enqueueAction", 1701))),),
        (see("sentry.error", 3, **DROID), see("posthog", 2, **PH_OK, release=1), see("datadog.log", **CRASH)),
        classes=(10,)),
    Bug("ns-topup-http-402", "ride-android", (jexc("retrofit2.HttpException", "HTTP 402 ", (*COROUTINE, a("payment.TopUpViewModel$topUp$1", "invokeSuspend", 49), a("payment.WalletRepository", "topUp", 31), jl("retrofit2.KotlinExtensions$await$2$2", "onResponse", 53))),),
        (see("sentry.error", 2), spl(3), see("datadog.log", 2, **DD)),
        log="TopUpViewModel.topUp", classes=(10,), handled=True),
    # Seen once.
    Bug("ns-bad-token", "ride-android", (jexc("android.view.WindowManager$BadTokenException", "Unable to add window -- token android.os.BinderProxy@{hex} is not valid; is your activity running?", (*MAIN, a("ride.EndRideDialog", "show", 27), jl("android.app.Dialog", "show", 352), jl("android.view.ViewRootImpl", "setView", 1301))),),
        (see("sentry.error", **DROID),),
        singleton=True),
]

NOISE = [
    Noise("ns-noise-crashfree", "ride-android", "sentry.metric", {"rule": "ride-android crash free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "threshold": "99.5", "value": "{crashfree}"}),
    Noise("ns-noise-recovered", "ride-android", "datadog.log", {"monitor": "[ride-android] error and crash logs", "transition": "Recovered", "alert_type": "success", "team": "mobile", "filter": "service:ride-android status:(error OR emergency)", "text": "ride-android error logs are back under 20 in 15 minutes."}),
    Noise("ns-noise-app-start", "ride-android", "splunk", {**SEARCH, "line": '{"type":"app_start","app":"com.zorbridge.ride","version":"4.9.0","build":4900,"cold_start_ms":{ms},"session":"{uuid}"}'}),
]

ZORBRIDGE = Company(
    key="ns",
    name="Zorbridge Cycles",
    domain="zorbridge.example",
    sentry_org="zorbridge-cycles",
    splunk_url="https://zorbridge.splunkcloud.example",
    splunk_guid="D3A61F08-9C4E-4B27-8E5A-1F7C20B94D63",
    datadog_org=("1260033", "Zorbridge Cycles"),
    datadog_template="camel",
    posthog_project=(92633, "Zorbridge ride app"),
    releases=("4.8.0", "4.8.1", "4.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zorbridge-sentry-client-secret",
)
# fmt: on
