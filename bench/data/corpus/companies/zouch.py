"""(hp) Zouch Trails, a walking-route app for Android in Kotlin (``trails-android``: Fragments
and a Compose trail list, kotlinx.serialization over OkHttp/Retrofit, Room for offline trails,
coroutines in ViewModels), R8-shrunk release builds.

Sentry: sentry-android, the ProGuard/R8 mapping uploaded by the Gradle plugin for 5.2.0 and
5.3.0 but not for 5.2.1 (a hotfix built on a developer's machine), so that release's frames
keep R8's names; crashes by the ``UncaughtExceptionHandler``, handled errors by
``Sentry.captureException``. PostHog: posthog-android's exception capture (no mapping: R8's
names, raw ``platform: "java"`` frames innermost first as the SDK sends them). No Splunk, no
Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, kt, ktlib
from .rookhollow import ANDROID_MAIN, COMPOSE_ITEM, COMPOSE_TAP

# fmt: off
APP = "com.zouch.trails"
SERVICES = {
    "trails-android": Service("trails-android", "java", "", "", "", "", 7330031, framework="android", sdk=("sentry.java.android", "7.19.0", "maven:io.sentry:sentry-android-core"), releases=(f"{APP}@5.2.0+520", f"{APP}@5.2.1+521", f"{APP}@5.3.0+530")),
}
HANDLER = (
    jl("com.android.internal.os.ZygoteInit", "main", 1042),
    jl("com.android.internal.os.RuntimeInit$MethodAndArgsCaller", "run", 548),
    jl("java.lang.reflect.Method", "invoke", -2),
    jl("android.app.ActivityThread", "main", 8762),
    jl("android.os.Looper", "loop", 317),
    jl("android.os.Looper", "loopOnce", 232),
    jl("android.os.Handler", "dispatchMessage", 99),
    jl("android.os.Handler", "handleCallback", 959),
)
FRAGMENT_VIEW = (
    *HANDLER,
    ktlib("androidx.fragment.app.FragmentManager$5", "run", 1737, "FragmentManager.java"),
    ktlib("androidx.fragment.app.FragmentManager", "execPendingActions", 2042, "FragmentManager.java"),
    ktlib("androidx.fragment.app.FragmentStateManager", "moveToExpectedState", 280, "FragmentStateManager.java"),
    ktlib("androidx.fragment.app.FragmentStateManager", "createView", 557, "FragmentStateManager.java"),
    ktlib("androidx.fragment.app.Fragment", "performViewCreated", 3128, "Fragment.java"),
)
MAIN_RESUME = (
    *HANDLER,
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
IO_RESUME = (
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "run", 749, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "runWorker", 677, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler", "runSafely", 584, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
OKHTTP_READ = (
    ktlib("okhttp3.internal.connection.RealCall", "execute", 154, "RealCall.kt"),
    ktlib("okhttp3.internal.connection.RealCall", "getResponseWithInterceptorChain$okhttp", 201, "RealCall.kt"),
    ktlib("okhttp3.internal.http.RealInterceptorChain", "proceed", 109, "RealInterceptorChain.kt"),
    ktlib("okhttp3.internal.http.CallServerInterceptor", "intercept", 93, "CallServerInterceptor.kt"),
    ktlib("okhttp3.internal.http1.Http1ExchangeCodec", "readResponseHeaders", 180, "Http1ExchangeCodec.kt"),
    ktlib("okio.AsyncTimeout$source$1", "read", 162, "AsyncTimeout.kt"),
    ktlib("okio.AsyncTimeout", "access$newTimeoutException", 158, "AsyncTimeout.kt"),
    ktlib("okio.SocketAsyncTimeout", "newTimeoutException", 147, "JvmOkio.kt"),
)
OKHTTP_TLS = (
    ktlib("okhttp3.internal.connection.RealCall", "execute", 154, "RealCall.kt"),
    ktlib("okhttp3.internal.connection.RealCall", "getResponseWithInterceptorChain$okhttp", 201, "RealCall.kt"),
    ktlib("okhttp3.internal.connection.ConnectInterceptor", "intercept", 18, "ConnectInterceptor.kt"),
    ktlib("okhttp3.internal.connection.RealConnection", "connectTls", 379, "RealConnection.kt"),
    jl("com.android.org.conscrypt.ConscryptFileDescriptorSocket", "startHandshake", 236),
    jl("com.android.org.conscrypt.SSLUtils", "toSSLHandshakeException", 363),
)
ROOM_INSERT = (
    ktlib("androidx.room.EntityInsertionAdapter", "insert", 42, "EntityInsertionAdapter.kt"),
    jl("androidx.sqlite.db.framework.FrameworkSQLiteStatement", "executeInsert", 42),
    jl("android.database.sqlite.SQLiteStatement", "executeInsert", 81),
    jl("android.database.sqlite.SQLiteSession", "executeForLastInsertedRowId", 790),
    jl("android.database.sqlite.SQLiteConnection", "nativeExecuteForLastInsertedRowId", -2),
)
DECODE = (
    ktlib("kotlinx.serialization.json.Json", "decodeFromString", 107, "Json.kt"),
    ktlib("kotlinx.serialization.json.internal.StreamingJsonDecoder", "decodeSerializableValue", 69, "StreamingJsonDecoder.kt"),
    ktlib("kotlinx.serialization.internal.AbstractCollectionSerializer", "merge", 61, "CollectionSerializers.kt"),
)


def z(cls: str, method: str, line: int) -> Frame:
    return kt(f"{APP}.{cls}", method, line)


def suspend(cls: str, method: str, line: int) -> tuple[Frame, Frame]:
    """A resumed suspend function: its continuation's ``invokeSuspend``, then the function."""
    return (z(f"{cls}${method}$1", "invokeSuspend", line - 6), z(cls, method, line))


API_EXECUTE = z("net.ApiClient", "execute", 58)
LATEINIT = "lateinit property binding has not been initialized"
CRASH = {"mechanism": "UncaughtExceptionHandler"}
NOMAP = {"release": 1, "r8": True, "in_app": "none", "mechanism": "UncaughtExceptionHandler"}
PH = {"in_app_prefix": APP}


def missing_field(field: str) -> tuple[Exc, ...]:
    value = f"Field '{field}' is required for type with serial name '{APP}.api.TrailDto', but it was missing at path: $.trails[{{idx}}]"
    return (jexc("kotlinx.serialization.MissingFieldException", value, (*IO_RESUME, *suspend("trails.TrailsRepository", "nearby", 44), z("net.ApiClient", "decode", 71), *DECODE, z("api.TrailDto$$serializer", "deserialize", 12), z("api.TrailDto", "<init>", 12), ktlib("kotlinx.serialization.internal.PluginExceptionsKt", "throwMissingFieldException", 20, "PluginExceptions.kt"))),)


BUGS = [
    # The same lateinit binding read: the map screen and the trail detail screen.
    Bug("hp-map-binding", "trails-android", (jexc("kotlin.UninitializedPropertyAccessException", LATEINIT, (*MAIN_RESUME, *suspend("map.MapFragment", "renderRoute", 112), ktlib("kotlin.jvm.internal.Intrinsics", "throwUninitializedPropertyAccessException", 23, "Intrinsics.java"))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("sentry.error", release=2, **CRASH), see("posthog", 2, **PH)),
        classes=(4, 5, 10), pair="hp-detail-binding", page="MapFragment", span=3, renames={"renderRoute": "drawRoute"}),
    Bug("hp-detail-binding", "trails-android", (jexc("kotlin.UninitializedPropertyAccessException", LATEINIT, (*FRAGMENT_VIEW, z("detail.TrailDetailFragment", "onViewCreated", 64), z("detail.TrailDetailFragment", "bindHeader", 91), ktlib("kotlin.jvm.internal.Intrinsics", "throwUninitializedPropertyAccessException", 23, "Intrinsics.java"))),),
        (see("sentry.error", 3, **CRASH), see("sentry.issue"), see("posthog", 2, **PH)),
        classes=(4,), pair="hp-map-binding", page="TrailDetailFragment"),
    # One DTO, two fields missing: the field named is the bug.
    Bug("hp-dto-elevation", "trails-android", missing_field("elevationGain"),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("posthog", 2, **PH), see("posthog", r8=False, **PH)),
        classes=(4, 10), pair="hp-dto-difficulty", page="NearbyScreen"),
    Bug("hp-dto-difficulty", "trails-android", missing_field("difficulty"),
        (see("sentry.error", 3, **CRASH), see("posthog", 2, **PH)),
        classes=(4,), pair="hp-dto-elevation", page="NearbyScreen"),
    # The same index out of bounds: the elevation chart and the photo pager.
    Bug("hp-chart-index", "trails-android", (jexc("java.lang.IndexOutOfBoundsException", "Index {idx} out of bounds for length {idx}", (*ANDROID_MAIN, jl("android.view.View", "draw", 24466), z("detail.ElevationChartView", "onDraw", 77), z("detail.ElevationChartView", "pointAt", 102), jl("java.util.ArrayList", "get", 434), jl("java.util.Objects", "checkIndex", 385), jl("jdk.internal.util.Preconditions", "checkIndex", 266), jl("jdk.internal.util.Preconditions", "outOfBounds", 100))),),
        (see("sentry.error", 3, **CRASH), see("posthog", 2, **PH)),
        classes=(4,), pair="hp-pager-index", page="TrailDetailFragment"),
    Bug("hp-pager-index", "trails-android", (jexc("java.lang.IndexOutOfBoundsException", "Index {idx} out of bounds for length {idx}", (*COMPOSE_TAP, z("photos.PhotoPagerKt$PhotoPager$1$1", "invoke", 48), z("photos.PhotoPagerViewModel", "select", 33), jl("java.util.ArrayList", "get", 434), jl("java.util.Objects", "checkIndex", 385), jl("jdk.internal.util.Preconditions", "checkIndex", 266), jl("jdk.internal.util.Preconditions", "outOfBounds", 100))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("posthog", 2, **PH)),
        classes=(4, 10), pair="hp-chart-index", page="PhotoPager"),
    # One offline-save path, two SQLite failures.
    Bug("hp-offline-unique", "trails-android", (jexc("android.database.sqlite.SQLiteConstraintException", "UNIQUE constraint failed: offline_trails.trail_id (code 2067 SQLITE_CONSTRAINT_UNIQUE)", (*IO_RESUME, *suspend("offline.OfflineRepository", "save", 39), z("offline.OfflineTrailDao_Impl", "insert", 88), *ROOM_INSERT)),),
        (see("sentry.error", 3), see("posthog", 2, **PH)),
        classes=(4,), pair="hp-offline-full", page="TrailDetailFragment", handled=True),
    Bug("hp-offline-full", "trails-android", (jexc("android.database.sqlite.SQLiteFullException", "database or disk is full (code 13 SQLITE_FULL)", (*IO_RESUME, *suspend("offline.OfflineRepository", "save", 39), z("offline.OfflineTrailDao_Impl", "insert", 88), *ROOM_INSERT)),),
        (see("sentry.error", 2), see("sentry.error", release=1, r8=True, in_app="none"), see("posthog", 1, **PH)),
        classes=(4, 10), pair="hp-offline-unique", page="TrailDetailFragment", handled=True),
    # One API client helper at the end of two network failures.
    Bug("hp-nearby-timeout", "trails-android", (jexc("java.net.SocketTimeoutException", "timeout", (*IO_RESUME, *suspend("trails.TrailsRepository", "nearby", 41), API_EXECUTE, *OKHTTP_READ)),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 2, **PH)),
        classes=(9,), pair="hp-weather-tls", page="NearbyScreen", handled=True),
    Bug("hp-weather-tls", "trails-android", (jexc("java.security.cert.CertPathValidatorException", "Trust anchor for certification path not found.", (jl("com.android.org.conscrypt.TrustManagerImpl", "verifyChain", 677),)), jexc("javax.net.ssl.SSLHandshakeException", "java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.", (*IO_RESUME, *suspend("weather.WeatherRepository", "forecast", 27), API_EXECUTE, *OKHTTP_TLS))),
        (see("sentry.error", 2), see("sentry.error", release=1, r8=True, in_app="none"), see("posthog", 2, **PH)),
        classes=(9,), pair="hp-nearby-timeout", page="TrailDetailFragment", handled=True),
    # Not pairs.
    Bug("hp-fragment-detached", "trails-android", (jexc("java.lang.IllegalStateException", "Fragment TrailDetailFragment{{{hex}}} (" + "{uuid}) not attached to a context.", (*MAIN_RESUME, *suspend("detail.TrailDetailFragment", "showShareSheet", 140), ktlib("androidx.fragment.app.Fragment", "requireContext", 972, "Fragment.java"))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("sentry.error", release=2, **CRASH), see("posthog", 2, **PH)),
        classes=(5,), page="TrailDetailFragment", span=3, renames={"showShareSheet": "openShareSheet"}),
    Bug("hp-photo-oom", "trails-android", (jexc("java.lang.OutOfMemoryError", "Failed to allocate a {offset} byte allocation with {ms}00 free bytes and {n}MB until OOM, target footprint 268435456, growth limit 268435456", (*IO_RESUME, *suspend("photos.PhotoLoader", "decode", 52), jl("android.graphics.BitmapFactory", "decodeStream", 790), jl("android.graphics.BitmapFactory", "nativeDecodeStream", -2))),),
        (see("sentry.error", 3, **CRASH), see("posthog", 2, **PH)),
        classes=(10,), page="PhotoPager"),
    Bug("hp-lazy-duplicate-key", "trails-android", (jexc("java.lang.IllegalArgumentException", "Key \"trail-{id}\" was already used. If you are using LazyColumn/Row please make sure you provide a unique key for each item.", (*COMPOSE_ITEM, ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutMeasureScopeImpl", "measure-0kLqBqw", 101, "LazyLayoutMeasureScope.kt"), ktlib("androidx.compose.ui.node.LayoutNodeSubcompositionsState", "subcompose", 420, "SubcomposeLayout.kt"))),),
        (see("sentry.error", 3, **CRASH), see("sentry.issue"), see("posthog", 1, **PH)),
        classes=(1,), page="NearbyScreen"),
    Bug("hp-gpx-locale", "trails-android", (jexc("java.lang.NumberFormatException", "For input string: \"51,{n}82\"", (*IO_RESUME, *suspend("gpx.GpxImporter", "import", 30), z("gpx.GpxParser", "parsePoint", 66), jl("jdk.internal.math.FloatingDecimal", "parseDouble", 110), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054))),),
        (see("sentry.error", 3), see("posthog", 2, **PH)),
        page="GpxImportScreen", handled=True),
    Bug("hp-singleton-location", "trails-android", (jexc("java.lang.SecurityException", "uid 10{n}4 does not have android.permission.ACCESS_COARSE_LOCATION or android.permission.ACCESS_FINE_LOCATION.", (*MAIN_RESUME, *suspend("map.LocationTracker", "start", 36), jl("android.location.LocationManager", "requestLocationUpdates", 1312), jl("android.os.Parcel", "createExceptionOrNull", 3057))),),
        (see("sentry.error", **CRASH),),
        singleton=True, page="MapFragment"),
]

NOISE = [
    Noise("hp-noise-crashfree", "trails-android", "sentry.metric", {"rule": "trails-android crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "critical", "threshold": 99.5, "threshold_type": 1, "window": 60, "value": "{crashfree}"}),
    Noise("hp-noise-resolved", "trails-android", "sentry.metric", {"rule": "trails-android crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
]

ZOUCH = Company(
    key="hp",
    name="Zouch Trails",
    domain="zouch-trails.example",
    sentry_org="zouch",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(73303, "Zouch Trails Android"),
    releases=("5.2.0", "5.2.1", "5.3.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zouch-sentry-client-secret",
)
# fmt: on
