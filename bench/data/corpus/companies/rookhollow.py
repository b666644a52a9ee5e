"""(al) Rookhollow Parcels, a same-day courier: a Ktor 2.3 API on Netty with Exposed over
PostgreSQL (``dispatch``; logback 1.5's ``JsonEncoder``, the throwable as nested objects), a
Ktor-based route-planning worker on coroutines (``routing``; log4j2's ``PatternLayout`` with
``%xEx``) and the couriers' Android app in Jetpack Compose (``courier-app``, R8-shrunk
release builds).

Sentry for all three (sentry-kotlin on the JVM services, sentry-android with the ProGuard
mapping uploaded, so its frames are deobfuscated); PostHog error tracking in the app
(posthog-android, no mapping: R8's names); Splunk saved searches over both services' logs;
Datadog APM monitors on ``dispatch`` and log monitors on ``routing`` posting the team's
nested markdown template.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import COROUTINE_WORKER, TIMEOUT_FIRED, jexc, jl, kt, ktlib

# The tables keep one frame or delivery per line.
# fmt: off
SENTRY_KOTLIN = ("sentry.java", "7.18.1", "maven:io.sentry:sentry")
SERVICES = {
    "dispatch": Service("dispatch", "java", "logback-jsonencoder", "rookhollow:dispatch:json", "/var/log/rookhollow/dispatch.json", "rh_prod", 9950011, "OpenJDK 21.0.5", framework="ktor", sdk=SENTRY_KOTLIN),
    "routing": Service("routing", "java", "log4j2-xex", "rookhollow:routing:log4j2", "/var/log/rookhollow/routing.log", "rh_prod", 9950014, "OpenJDK 21.0.5", framework="coroutines", sdk=SENTRY_KOTLIN),
    "courier-app": Service("courier-app", "java", "", "", "", "", 9950017, framework="android", sdk=("sentry.java.android", "7.18.1", "maven:io.sentry:sentry-android-core"), releases=("com.rookhollow.courier@5.3.0+5030", "com.rookhollow.courier@5.4.0+5040", "com.rookhollow.courier@5.4.1+5041", "com.rookhollow.courier@5.5.0+5050")),
}

# Ktor on Netty: the event loop resuming the call's coroutine through the routing pipeline.
KTOR_CALL = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor", "runAllTasks", 470),
    jl("io.netty.util.concurrent.AbstractEventExecutor", "runTask", 173),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
    ktlib("io.ktor.server.netty.NettyApplicationCallHandler$handleRequest$1", "invokeSuspend", 119, "NettyApplicationCallHandler.kt"),
    ktlib("io.ktor.util.pipeline.Pipeline", "execute", 77, "Pipeline.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "execute$ktor_utils", 98, "SuspendFunctionGun.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "proceed", 78, "SuspendFunctionGun.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "loop", 120, "SuspendFunctionGun.kt"),
    ktlib("io.ktor.server.routing.Routing$Plugin$install$1", "invokeSuspend", 140, "Routing.kt"),
    ktlib("io.ktor.server.routing.Routing", "interceptor", 64, "Routing.kt"),
    ktlib("io.ktor.server.routing.Routing", "executeResult", 190, "Routing.kt"),
    ktlib("io.ktor.util.pipeline.Pipeline", "execute", 77, "Pipeline.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "loop", 120, "SuspendFunctionGun.kt"),
    ktlib("io.ktor.server.routing.Route$buildPipeline$1$1", "invokeSuspend", 116, "Route.kt"),
)
# Exposed inserting through a Hikari connection; PgJDBC reading the server's error.
EXPOSED_INSERT = (
    ktlib("org.jetbrains.exposed.sql.transactions.experimental.SuspendedKt$suspendedTransactionAsyncInternal$1", "invokeSuspend", 303, "Suspended.kt"),
    ktlib("org.jetbrains.exposed.sql.QueriesKt", "insert", 78, "Queries.kt"),
    ktlib("org.jetbrains.exposed.sql.statements.Statement", "execute", 61, "Statement.kt"),
    ktlib("org.jetbrains.exposed.sql.Transaction", "exec", 141, "Transaction.kt"),
    ktlib("org.jetbrains.exposed.sql.statements.Statement", "executeIn$exposed_core", 59, "Statement.kt"),
)
PG_ERROR = (
    ktlib("org.jetbrains.exposed.sql.statements.InsertStatement", "executeInternal", 344, "InsertStatement.kt"),
    ktlib("org.jetbrains.exposed.sql.statements.jdbc.JdbcPreparedStatementImpl", "executeUpdate", 40, "JdbcPreparedStatementImpl.kt"),
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", -1),
    jl("com.zaxxer.hikari.pool.ProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeWithFlags", 194),
    jl("org.postgresql.jdbc.PgStatement", "execute", 525),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 496),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2420),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)
def kf(cls: str, method: str, line: int) -> Frame:
    """A frame in a Kotlin file-level class (``ParcelRoutesKt``): the file is ``ParcelRoutes.kt``."""
    simple = cls.rsplit(".", 1)[-1].split("$")[0]
    return Frame(method, simple.removesuffix("Kt") + ".kt", line, cls, True)


# Every precondition on a parcel's or a depot's state goes through one helper.
REQUIRE_STATE = kf("com.rookhollow.dispatch.common.PreconditionsKt", "requireState", 14)
DISPATCH_APM = {"style": "type", "monitor": "dispatch errors by type", "team": "courier-platform"}
ROUTING_LOGS = {"style": "kind", "monitor": "routing worker errors", "team": "planning"}
CALL_THREAD = {"thread": "eventLoopGroupProxy-4-{idx}"}

# Android: the main looper running a Compose frame, a tap, a lazy list's item.
ANDROID_MAIN = (
    jl("com.android.internal.os.ZygoteInit", "main", 1042),
    jl("com.android.internal.os.RuntimeInit$MethodAndArgsCaller", "run", 548),
    jl("java.lang.reflect.Method", "invoke", -2),
    jl("android.app.ActivityThread", "main", 8762),
    jl("android.os.Looper", "loop", 317),
    jl("android.os.Looper", "loopOnce", 232),
    jl("android.os.Handler", "dispatchMessage", 99),
    jl("android.view.Choreographer$FrameDisplayEventReceiver", "run", 1405),
    jl("android.view.Choreographer", "doFrame", 1386),
    jl("android.view.Choreographer", "doCallbacks", 1002),
    jl("android.view.Choreographer$CallbackRecord", "run", 1397),
)
COMPOSE_TAP = (
    *ANDROID_MAIN,
    ktlib("androidx.compose.ui.platform.AndroidUiDispatcher$dispatchCallback$1", "doFrame", 66, "AndroidUiDispatcher.android.kt"),
    ktlib("androidx.compose.ui.platform.AndroidUiDispatcher", "performTrampolineDispatch", 81, "AndroidUiDispatcher.android.kt"),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
    ktlib("androidx.compose.foundation.gestures.TapGestureDetectorKt$detectTapAndPress$2$1", "invokeSuspend", 255, "TapGestureDetector.kt"),
    ktlib("androidx.compose.foundation.ClickablePointerInputNode$pointerInput$3", "invoke-k-4lQ0M", 987, "Clickable.kt"),
)
COMPOSE_ITEM = (
    *ANDROID_MAIN,
    ktlib("androidx.compose.ui.platform.AndroidComposeView", "measureAndLayout", 1130, "AndroidComposeView.android.kt"),
    ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutMeasureScopeImpl", "measure-0kLqBqw", 97, "LazyLayoutMeasureScope.kt"),
    ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutItemContentFactory$CachedItemContent$createContentLambda$1", "invoke", 95, "LazyLayoutItemContentFactory.kt"),
    ktlib("androidx.compose.foundation.lazy.LazyListItemProviderImpl", "Item", 79, "LazyListItemProvider.kt"),
    ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutIntervalContent", "withInterval", 63, "LazyLayoutIntervalContent.kt"),
)
APP = "com.rookhollow.courier"


def ktor(*app: Frame) -> tuple[Frame, ...]:
    return (*KTOR_CALL, *app)


def worker(*app: Frame) -> tuple[Frame, ...]:
    return (jl("java.lang.Thread", "run", 1583), *COROUTINE_WORKER, *app)


def unique(constraint: str, key: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key ({key}) already exists.'
    return (
        jexc("org.postgresql.util.PSQLException", pg, (*app, *EXPOSED_INSERT, *PG_ERROR)),
        jexc("org.jetbrains.exposed.exceptions.ExposedSQLException", f"org.postgresql.util.PSQLException: {pg}", (*app, *EXPOSED_INSERT)),
    )


BUGS = [
    # Kotlin's ``!!`` on two code paths: a bare NullPointerException, no message, two places.
    Bug(
        "rh-label-address-npe",
        "dispatch",
        (jexc("java.lang.NullPointerException", "", ktor(
            kf("com.rookhollow.dispatch.routes.LabelRoutesKt$labelRoutes$1$2", "invokeSuspend", 41),
            kt("com.rookhollow.dispatch.labels.LabelService", "render", 77),
        )),),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("sentry.issue"),
            see("splunk", 2, **CALL_THREAD),
            see("datadog.apm", **DISPATCH_APM),
        ),
        classes=(4,),
        pair="rh-manifest-driver-npe",
        log="Unhandled: POST - /v1/parcels/{id}/label",
        logger="ktor.application",
        entry="POST /v1/parcels/{parcel_id}/label",
        span=2,
    ),
    Bug(
        "rh-manifest-driver-npe",
        "dispatch",
        (jexc("java.lang.NullPointerException", "", ktor(
            kf("com.rookhollow.dispatch.routes.ManifestRoutesKt$manifestRoutes$1$1", "invokeSuspend", 29),
            kt("com.rookhollow.dispatch.manifests.ManifestBuilder", "build", 52),
            kt("com.rookhollow.dispatch.manifests.ManifestBuilder", "driverLine", 88),
        )),),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 2, **CALL_THREAD),
            see("datadog.apm", **DISPATCH_APM),
        ),
        classes=(4,),
        pair="rh-label-address-npe",
        log="Unhandled: GET - /v1/manifests/{id}",
        logger="ktor.application",
        entry="GET /v1/manifests/{manifest_id}",
    ),
    # Unique violations on two tables through Exposed.
    Bug(
        "rh-parcel-tracking-unique",
        "dispatch",
        unique("parcels_tracking_code_key", "tracking_code)=({ref}", ktor(
            kf("com.rookhollow.dispatch.routes.ParcelRoutesKt$parcelRoutes$1$1", "invokeSuspend", 33),
            kt("com.rookhollow.dispatch.parcels.ParcelRepository", "create", 48),
        )),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 2, **CALL_THREAD),
            see("datadog.apm", style="message", monitor="dispatch error spans", team="courier-platform"),
        ),
        classes=(1, 4),
        pair="rh-depot-code-unique",
        log="Unhandled: POST - /v1/parcels",
        logger="ktor.application",
        entry="POST /v1/parcels",
        span=2,
    ),
    Bug(
        "rh-depot-code-unique",
        "dispatch",
        unique("depots_code_key", "code)=({branch}", ktor(
            kf("com.rookhollow.dispatch.routes.DepotRoutesKt$depotRoutes$1$1", "invokeSuspend", 24),
            kt("com.rookhollow.dispatch.depots.DepotRepository", "create", 31),
        )),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("sentry.issue"),
            see("splunk", 2, **CALL_THREAD),
        ),
        classes=(1, 4),
        pair="rh-parcel-tracking-unique",
        log="Unhandled: POST - /v1/depots",
        logger="ktor.application",
        entry="POST /v1/depots",
    ),
    # Two state checks ending in one helper: the helper is innermost for both.
    Bug(
        "rh-cancel-delivered-parcel",
        "dispatch",
        (jexc("java.lang.IllegalStateException", "Parcel {ref} is DELIVERED, expected one of [CREATED, COLLECTED]", ktor(
            kf("com.rookhollow.dispatch.routes.ParcelRoutesKt$parcelRoutes$1$4", "invokeSuspend", 71),
            kt("com.rookhollow.dispatch.parcels.ParcelLifecycle", "cancel", 36),
            REQUIRE_STATE,
        )),),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 2, **CALL_THREAD),
            see("datadog.apm", **DISPATCH_APM),
        ),
        classes=(9,),
        pair="rh-assign-closed-depot",
        log="Unhandled: POST - /v1/parcels/{ref}/cancel",
        logger="ktor.application",
        entry="POST /v1/parcels/{parcel_id}/cancel",
    ),
    Bug(
        "rh-assign-closed-depot",
        "dispatch",
        (jexc("java.lang.IllegalStateException", "Depot {branch} is CLOSED, expected one of [OPEN]", ktor(
            kf("com.rookhollow.dispatch.routes.DepotRoutesKt$depotRoutes$1$3", "invokeSuspend", 58),
            kt("com.rookhollow.dispatch.depots.DepotAssignment", "assign", 44),
            REQUIRE_STATE,
        )),),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("sentry.issue"),
            see("splunk", 1, **CALL_THREAD),
        ),
        classes=(9,),
        pair="rh-cancel-delivered-parcel",
        log="Unhandled: POST - /v1/depots/{branch}/assign",
        logger="ktor.application",
        entry="POST /v1/depots/{depot_id}/assign",
    ),
    # The pool runs dry under the morning sort.
    Bug(
        "rh-dispatch-pool-timeout",
        "dispatch",
        (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})", ktor(
            kf("com.rookhollow.dispatch.routes.ScanRoutesKt$scanRoutes$1$1", "invokeSuspend", 27),
            kt("com.rookhollow.dispatch.scans.ScanService", "record", 39),
            ktlib("org.jetbrains.exposed.sql.transactions.experimental.SuspendedKt$suspendedTransactionAsyncInternal$1", "invokeSuspend", 303, "Suspended.kt"),
            ktlib("org.jetbrains.exposed.sql.Transaction", "getConnection", 89, "Transaction.kt"),
            jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100),
            jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 162),
            jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181),
            jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696),
        )),),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 3, **CALL_THREAD),
            see("datadog.apm", **DISPATCH_APM),
            see("datadog.apm", style="route", monitor="scan ingest error rate", team="courier-platform"),
        ),
        classes=(1, 8),
        log="Unhandled: POST - /v1/scans",
        logger="ktor.application",
        entry="POST /v1/scans",
    ),
    # Route planning: one function, two failures.
    Bug(
        "rh-optimize-timeout",
        "routing",
        (jexc("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 45000 ms", (
            *TIMEOUT_FIRED,
        )),),
        (
            see("sentry.error", 2, mechanism="generic", in_app="none"),
            see("splunk", 2, thread="DefaultDispatcher-worker-{n}"),
            see("datadog.log", **ROUTING_LOGS),
            see("datadog.log", style="sample", monitor="routing worker errors", team="planning"),
        ),
        classes=(1, 2),
        pair="rh-optimize-matrix-shape",
        log="route optimisation failed for depot {branch}",
        logger="com.rookhollow.routing.plan.RouteOptimizer",
        entry="optimize-routes",
    ),
    Bug(
        "rh-optimize-matrix-shape",
        "routing",
        (jexc("java.lang.IllegalArgumentException", "Distance matrix must be square, got {n}x{idx}", worker(
            kt("com.rookhollow.routing.plan.PlanningJob$run$1", "invokeSuspend", 38),
            kt("com.rookhollow.routing.plan.RouteOptimizer", "optimize", 64),
            kt("com.rookhollow.routing.plan.DistanceMatrix", "<init>", 19),
        )),),
        (
            see("sentry.error", 2, mechanism="generic", in_app="none"),
            see("sentry.issue"),
            see("splunk", 1),
            see("splunk", half=4),
            see("datadog.log", **ROUTING_LOGS),
        ),
        classes=(1, 2),
        pair="rh-optimize-timeout",
        log="route optimisation failed for depot {branch}",
        logger="com.rookhollow.routing.plan.RouteOptimizer",
        entry="optimize-routes",
    ),
    # The geocoder dropped a field; kotlinx.serialization refuses the response.
    Bug(
        "rh-geocode-missing-lat",
        "routing",
        (
            jexc("kotlinx.serialization.MissingFieldException", "Field 'lat' is required for type with serial name 'com.rookhollow.routing.geo.GeoPoint', but it was missing at path: $.results[0].location", worker(
                kt("com.rookhollow.routing.geo.GeocodeClient", "lookup", 47),
                ktlib("io.ktor.client.call.HttpClientCall", "bodyNullable", 89, "HttpClientCall.kt"),
                ktlib("io.ktor.serialization.kotlinx.KotlinxSerializationConverter", "deserialize", 83, "KotlinxSerializationConverter.kt"),
                ktlib("kotlinx.serialization.json.Json", "decodeFromString", 107, "Json.kt"),
                ktlib("kotlinx.serialization.internal.PluginExceptionsKt", "throwMissingFieldException", 20, "PluginExceptions.kt"),
            )),
            jexc("io.ktor.serialization.JsonConvertException", "Illegal input: Field 'lat' is required for type with serial name 'com.rookhollow.routing.geo.GeoPoint', but it was missing at path: $.results[0].location", worker(
                kt("com.rookhollow.routing.plan.PlanningJob$run$1", "invokeSuspend", 31),
                kt("com.rookhollow.routing.geo.GeocodeClient", "lookup", 47),
                ktlib("io.ktor.client.call.HttpClientCall", "bodyNullable", 89, "HttpClientCall.kt"),
                ktlib("io.ktor.serialization.kotlinx.KotlinxSerializationConverter", "deserialize", 90, "KotlinxSerializationConverter.kt"),
            )),
        ),
        (
            see("sentry.error", 2, mechanism="generic", in_app="none"),
            see("splunk", 2),
            see("splunk", 2, half=9),
            see("datadog.log", style="stack", monitor="geocoder responses failing", team="planning", lines=8),
        ),
        classes=(1, 2),
        log="geocoding failed for {n} stops",
        logger="com.rookhollow.routing.geo.GeocodeClient",
        entry="optimize-routes",
        span=2,
    ),
    # Android: the camera closed under a scan, across releases (mapped in Sentry, R8 in PostHog).
    Bug(
        "rh-app-camera-closed",
        "courier-app",
        (jexc("java.lang.IllegalStateException", "Camera is closed", (
            *COMPOSE_TAP,
            kf(f"{APP}.ui.scan.ScanScreenKt$ScanScreen$2$1", "invoke", 94),
            kt(f"{APP}.scan.BarcodeScanner", "capture", 57),
            jl("androidx.camera.core.ImageCapture", "takePicture", 912),
            jl("androidx.camera.core.impl.utils.Threads", "checkMainThread", 38),
        )),),
        (
            see("sentry.error", 2, mechanism="UncaughtExceptionHandler", release=0),
            see("sentry.error", mechanism="UncaughtExceptionHandler", release=2),
            see("sentry.issue"),
            see("sentry.alert", rule="New crash in the courier app", release=3),
            see("posthog", 2, release=1),
            see("posthog", release=3),
        ),
        classes=(5, 10),
        page="ScanScreen",
        span=4,
    ),
    # A lazy list reads one past the end, in two screens.
    Bug(
        "rh-app-stoplist-index",
        "courier-app",
        (jexc("java.lang.IndexOutOfBoundsException", "Index {idx} out of bounds for length {idx}", (
            *COMPOSE_ITEM,
            kf(f"{APP}.ui.stops.StopListScreenKt$StopList$1$1$invoke$$inlined$items$default$4", "invoke", 145),
            kf(f"{APP}.ui.stops.StopListScreenKt", "StopRow", 172),
            jl("java.util.ArrayList", "get", 437),
            jl("jdk.internal.util.Preconditions", "checkIndex", 302),
            jl("jdk.internal.util.Preconditions", "outOfBoundsCheckIndex", 100),
            jl("jdk.internal.util.Preconditions", "outOfBounds", 64),
        )),),
        (
            see("sentry.error", 2, mechanism="UncaughtExceptionHandler"),
            see("posthog", 2),
            see("posthog", r8=False),
        ),
        classes=(4, 10),
        pair="rh-app-pager-index",
        page="StopListScreen",
    ),
    Bug(
        "rh-app-pager-index",
        "courier-app",
        (jexc("java.lang.IndexOutOfBoundsException", "Index {idx} out of bounds for length {idx}", (
            *COMPOSE_ITEM,
            kf(f"{APP}.ui.parcels.ParcelPagerKt$ParcelPager$1", "invoke", 63),
            kf(f"{APP}.ui.parcels.ParcelPagerKt", "ParcelPage", 88),
            jl("java.util.ArrayList", "get", 437),
            jl("jdk.internal.util.Preconditions", "checkIndex", 302),
            jl("jdk.internal.util.Preconditions", "outOfBoundsCheckIndex", 100),
            jl("jdk.internal.util.Preconditions", "outOfBounds", 64),
        )),),
        (
            see("sentry.error", 2, mechanism="UncaughtExceptionHandler"),
            see("sentry.issue"),
            see("posthog", 2),
        ),
        classes=(4, 10),
        pair="rh-app-stoplist-index",
        page="ParcelPagerScreen",
    ),
    # The signature pad allocates a full-resolution bitmap; the numbers vary per device.
    Bug(
        "rh-app-signature-oom",
        "courier-app",
        (jexc("java.lang.OutOfMemoryError", "Failed to allocate a {offset} byte allocation with {id} free bytes and {n}MB until OOM, target footprint 268435456, growth limit 268435456", (
            *COMPOSE_TAP,
            kf(f"{APP}.ui.pod.SignaturePadKt$SignaturePad$1$1", "invoke", 51),
            kt(f"{APP}.pod.SignatureCapture", "snapshot", 33),
            jl("android.graphics.Bitmap", "createBitmap", 1133),
            jl("android.graphics.Bitmap", "nativeCreate", -2),
        )),),
        (
            see("sentry.error", 2, mechanism="UncaughtExceptionHandler"),
            see("posthog", 2),
        ),
        classes=(10,),
        page="ProofOfDeliveryScreen",
    ),
    # Delivery windows typed by depots in UK day-first dates; the app parses ISO.
    Bug(
        "rh-app-window-parse",
        "courier-app",
        (jexc("java.time.format.DateTimeParseException", "Text '{date}' could not be parsed at index 2", (
            *COMPOSE_ITEM,
            kf(f"{APP}.ui.stops.StopListScreenKt", "StopRow", 181),
            kt(f"{APP}.format.DeliveryWindowFormatter", "format", 22),
            jl("java.time.LocalDate", "parse", 430),
            jl("java.time.format.DateTimeFormatter", "parse", 2108),
            jl("java.time.format.DateTimeFormatter", "parseResolved0", 2199),
        )),),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("sentry.issue"),
            see("posthog", 2),
        ),
        classes=(10,),
        page="StopListScreen",
        handled=True,
    ),
    # Seen once.
    Bug(
        "rh-routing-stack-overflow",
        "routing",
        (jexc("java.lang.StackOverflowError", "", worker(
            kt("com.rookhollow.routing.plan.PlanningJob$run$1", "invokeSuspend", 44),
            kt("com.rookhollow.routing.plan.ClusterSplitter", "split", 71),
            kt("com.rookhollow.routing.plan.ClusterSplitter", "split", 79),
            kt("com.rookhollow.routing.plan.ClusterSplitter", "split", 79),
        )),),
        (see("sentry.error", mechanism="generic", in_app="none"),),
        singleton=True,
        entry="optimize-routes",
    ),
]

NOISE = [
    Noise("rh-noise-deploy", "dispatch", "datadog.event", {"monitor": "Deployed dispatch 2026.48.2", "text": "ArgoCD synced dispatch to 2026.48.2 (5/5 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("rh-noise-latency-resolved", "dispatch", "sentry.metric", {"rule": "dispatch p95 latency over 800ms", "aggregate": "p95(transaction.duration)", "dataset": "transactions", "action": "resolved", "value": "4{n}"}),
    Noise("rh-noise-routing-started", "routing", "splunk", {"search": "routing - errors", "line": "{gts},{millis} INFO  [main] k.application - Responding at http://0.0.0.0:8081"}),
]

ROOKHOLLOW = Company(
    key="al",
    name="Rookhollow Parcels",
    domain="rookhollow.example",
    sentry_org="rookhollow",
    splunk_url="https://rookhollow.splunkcloud.com",
    splunk_guid="9D24E6A0-73B1-4C5F-8E02-5AF1C98B3D76",
    datadog_org=("833170", "Rookhollow Parcels"),
    datadog_template="rookhollow",
    posthog_project=(90417, "Rookhollow courier app"),
    releases=("2026.48.0", "2026.48.1", "2026.48.2", "2026.49.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="rookhollow-sentry-client-secret",
)
# fmt: on
