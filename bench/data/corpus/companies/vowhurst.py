"""(mx) Vowhurst Fitness, a chain of gyms: ``gym-api``, a Kotlin Ktor 2.3 backend (Netty, Exposed
over Cloud SQL Postgres, a Ktor client to Stripe and the mailer, kotlinx.serialization) on
Google Cloud Run, and ``gym-android``, the members' Android app (Kotlin, Jetpack Compose,
Retrofit 2 with OkHttp, coroutines), shrunk by R8 in release builds.

Logs: logback's text pattern from Ktor's generated ``logback.xml`` with the trace below the
line; Cloud Run makes each stdout line its own ``LogEntry`` (``textPayload``), so a trace
arrives as many entries. A Log Router sink publishes them to Pub/Sub: the Splunk Add-on for
Google Cloud Platform indexes the ``LogEntry`` JSON (one saved search on the ``ERROR`` lines,
one on the exception lines), Datadog's GCP integration keeps ``textPayload`` as the message
(log monitors paste ``{{log.message}}``) through the team's own template. Sentry: sentry-kotlin
on the backend (StatusPages reports), sentry-android with the ProGuard mapping uploaded (but
for one build). PostHog: posthog-android's exception capture (R8 names, no mapping). All four
tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Frame, Noise, Service, see
from ..stacks import jexc, jl, kt, ktlib

# The tables keep one frame or delivery per line.
# fmt: off
APP = "com.vowhurst.members"
SERVICES = {
    "gym-api": Service("gym-api", "java", "mx-gcp", "google:gcp:pubsub:message", "projects/vowhurst-prod/subscriptions/splunk-run-logs", "gcp_run", 11190031, "OpenJDK 21.0.4", sdk=("sentry.java", "7.14.0", "maven:io.sentry:sentry")),
    "gym-android": Service("gym-android", "java", "", "", "", "", 11190032, framework="android", sdk=("sentry.java.android", "7.16.0", "maven:io.sentry:sentry-android-core"), releases=(f"{APP}@5.2.0+5200", f"{APP}@5.2.1+5201", f"{APP}@5.3.0+5300")),
}


def k(cls: str, method: str, line: int, file: str) -> Frame:
    """An app frame whose file is the Kotlin source (``ClassRoutesKt`` in ``ClassRoutes.kt``)."""
    return Frame(method, file, line, f"com.vowhurst.gym.{cls}", True)


NETTY = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.netty.util.concurrent.AbstractEventExecutor", "runTask", 174),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
    ktlib("io.ktor.server.netty.NettyApplicationCallHandler$handleRequest$1", "invokeSuspend", 37, "NettyApplicationCallHandler.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "loop", 120, "SuspendFunctionGun.kt"),
    ktlib("io.ktor.server.routing.Routing$interceptor$1", "invokeSuspend", 64, "Routing.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "loop", 120, "SuspendFunctionGun.kt"),
)
EXPOSED = (
    ktlib("org.jetbrains.exposed.sql.transactions.ThreadLocalTransactionManagerKt", "transaction", 259, "ThreadLocalTransactionManager.kt"),
    ktlib("org.jetbrains.exposed.sql.Transaction", "exec", 140, "Transaction.kt"),
    ktlib("org.jetbrains.exposed.sql.statements.Statement", "executeIn$exposed_core", 64, "Statement.kt"),
)
PG_INSERT = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 136),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 497),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
POST_JSON = k("http.HttpClientsKt", "postJson", 41, "HttpClients.kt")
TIMEOUT = (
    ktlib("io.ktor.client.plugins.HttpTimeout$Plugin$install$1$1$killer$1", "invokeSuspend", 165, "HttpTimeout.kt"),
)

# --- Android ---
MAIN = (
    jl("com.android.internal.os.ZygoteInit", "main", 947),
    jl("com.android.internal.os.RuntimeInit$MethodAndArgsCaller", "run", 548),
    jl("android.app.ActivityThread", "main", 8177),
    jl("android.os.Looper", "loop", 288),
    jl("android.os.Handler", "dispatchMessage", 106),
)
COROUTINE = (
    *MAIN,
    jl("kotlinx.coroutines.DispatchedTask", "run", 108),
    jl("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33),
)
COMPOSE = (
    *MAIN,
    jl("android.view.Choreographer$FrameDisplayEventReceiver", "run", 1339),
    jl("androidx.compose.ui.platform.AndroidUiFrameClock$withFrameNanos$2$callback$1", "doFrame", 39),
    jl("androidx.compose.runtime.Recomposer$runRecomposeAndApplyChanges$2$1", "invoke", 586),
    jl("androidx.compose.runtime.ComposerImpl", "recompose$runtime_release", 3302),
)
RETROFIT = (
    jl("retrofit2.KotlinExtensions$await$2$2", "onResponse", 53),
    jl("retrofit2.OkHttpCall$1", "onResponse", 161),
)
PH = {"in_app_prefix": APP}
DROID = {"mechanism": "UncaughtExceptionHandler"}

SPL = dict(search="vowhurst - gym-api ERROR lines (Cloud Run)", owner="vw_sre", app="gcp", part="head")
SPL_EXC = dict(search="vowhurst - gym-api exception lines (Cloud Run)", owner="vw_sre", app="gcp", part="thrown")
SPL_CAUSE = dict(SPL_EXC, part="caused")
DD = dict(team="members", monitor="[gym-api] ERROR logs on Cloud Run", format="mx-gcp-dd", filter="source:gcp.cloud.run service:gym-api status:error", style="sample", sample_lines=1, part="head")
DD_CAUSE = dict(team="members", monitor="[gym-api] database exceptions", format="mx-gcp-dd", filter='service:gym-api "Caused by: org.postgresql"', text="Postgres error on gym-api:\n\n```\n{{log.message}}\n```", part="caused")
UNHANDLED = "Unhandled error on {method} {path}"

BUGS = [
    # `!!` on two nullable columns in two routes: an NPE without a message.
    Bug("mx-class-instructor-npe", "gym-api", (jexc("java.lang.NullPointerException", "", (*NETTY, k("routes.ClassRoutesKt$classRoutes$1$2", "invokeSuspend", 58, "ClassRoutes.kt"), k("classes.ClassService", "detail", 33, "ClassService.kt"))),),
        (see("sentry.error", 3), see("splunk", **SPL), see("splunk", **SPL_EXC), see("datadog.log", **DD)),
        classes=(1, 4), pair="mx-member-home-npe", entry="GET /api/v1/classes/{id}", log="Unhandled error on GET /api/v1/classes/{id}", logger="ktor.application"),
    Bug("mx-member-home-npe", "gym-api", (jexc("java.lang.NullPointerException", "", (*NETTY, k("routes.MemberRoutesKt$memberRoutes$1$1", "invokeSuspend", 27, "MemberRoutes.kt"), k("members.MemberService", "homeClub", 71, "MemberService.kt"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", **SPL_EXC), see("datadog.log", 2, **DD)),
        classes=(1, 4, 5), pair="mx-class-instructor-npe", entry="GET /api/v1/members/me", log="Unhandled error on GET /api/v1/members/me", logger="ktor.application", span=3, renames={"homeClub": "primaryClub"}),
    # Unique violations through Exposed on two tables.
    Bug("mx-booking-dup", "gym-api", (jexc("org.postgresql.util.PSQLException", 'ERROR: duplicate key value violates unique constraint "class_bookings_class_id_member_id_key"\n  Detail: Key (class_id, member_id)=({id}, {user}) already exists.', (*NETTY, k("routes.BookingRoutesKt$bookingRoutes$1$1", "invokeSuspend", 41, "BookingRoutes.kt"), k("bookings.BookingService", "book", 52, "BookingService.kt"), *EXPOSED, *PG_INSERT)), jexc("org.jetbrains.exposed.exceptions.ExposedSQLException", 'org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "class_bookings_class_id_member_id_key"\n  Detail: Key (class_id, member_id)=({id}, {user}) already exists.', (*NETTY, k("routes.BookingRoutesKt$bookingRoutes$1$1", "invokeSuspend", 41, "BookingRoutes.kt"), k("bookings.BookingService", "book", 52, "BookingService.kt"), *EXPOSED))),
        (see("sentry.error", 3), see("splunk", **SPL), see("splunk", **SPL_CAUSE), see("datadog.log", **DD_CAUSE), see("datadog.log", **DD)),
        classes=(1, 4), pair="mx-checkin-dup", entry="POST /api/v1/classes/{id}/bookings", log="Unhandled error on POST /api/v1/classes/{id}/bookings", logger="ktor.application"),
    Bug("mx-checkin-dup", "gym-api", (jexc("org.postgresql.util.PSQLException", 'ERROR: duplicate key value violates unique constraint "checkins_member_id_day_key"\n  Detail: Key (member_id, day)=({user}, 2026-03-{idx}) already exists.', (*NETTY, k("routes.CheckinRoutesKt$checkinRoutes$1$1", "invokeSuspend", 22, "CheckinRoutes.kt"), k("checkins.CheckinService", "scan", 36, "CheckinService.kt"), *EXPOSED, *PG_INSERT)), jexc("org.jetbrains.exposed.exceptions.ExposedSQLException", 'org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "checkins_member_id_day_key"\n  Detail: Key (member_id, day)=({user}, 2026-03-{idx}) already exists.', (*NETTY, k("routes.CheckinRoutesKt$checkinRoutes$1$1", "invokeSuspend", 22, "CheckinRoutes.kt"), k("checkins.CheckinService", "scan", 36, "CheckinService.kt"), *EXPOSED))),
        (see("sentry.error", 2), see("splunk", 2, **SPL_CAUSE), see("datadog.log", 2, **DD_CAUSE)),
        classes=(1, 4), pair="mx-booking-dup", entry="POST /api/v1/checkins", log="Unhandled error on POST /api/v1/checkins", logger="ktor.application"),
    # Two outbound calls timing out in one client helper.
    Bug("mx-stripe-timeout", "gym-api", (jexc("io.ktor.client.plugins.HttpRequestTimeoutException", "Request timeout has expired [url=https://api.stripe.com/v1/subscriptions, request_timeout=10000 ms]", (*TIMEOUT, k("payments.StripeGateway", "createSubscription", 64, "StripeGateway.kt"), POST_JSON)),),
        (see("sentry.error", 3), see("splunk", **SPL), see("splunk", **SPL_EXC), see("datadog.log", **DD)),
        classes=(1, 9), pair="mx-mailer-timeout", entry="POST /api/v1/memberships", log="Could not start subscription for member {user}", logger="com.vowhurst.gym.payments.StripeGateway"),
    Bug("mx-mailer-timeout", "gym-api", (jexc("io.ktor.client.plugins.HttpRequestTimeoutException", "Request timeout has expired [url=https://api.postmark.example/email/withTemplate, request_timeout=10000 ms]", (*TIMEOUT, k("mail.Mailer", "sendTemplate", 29, "Mailer.kt"), POST_JSON)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(1, 9), pair="mx-stripe-timeout", entry="POST /api/v1/classes/{id}/bookings", log="Booking confirmation email not sent to {email}", logger="com.vowhurst.gym.mail.Mailer"),
    # Not paired: a request body missing a field; a CSV date.
    Bug("mx-membership-body", "gym-api", (jexc("kotlinx.serialization.MissingFieldException", "Field 'planId' is required for type with serial name 'com.vowhurst.gym.memberships.NewMembership', but it was missing at path: $", (*NETTY, k("routes.MembershipRoutesKt$membershipRoutes$1$1", "invokeSuspend", 19, "MembershipRoutes.kt"), ktlib("io.ktor.server.request.ApplicationReceiveFunctionsKt", "receive", 108, "ApplicationReceiveFunctions.kt"), ktlib("io.ktor.serialization.kotlinx.KotlinxSerializationConverter", "deserialize", 97, "KotlinxSerializationConverter.kt"))), jexc("io.ktor.server.plugins.BadRequestException", "Failed to convert request body to class com.vowhurst.gym.memberships.NewMembership", (*NETTY, k("routes.MembershipRoutesKt$membershipRoutes$1$1", "invokeSuspend", 19, "MembershipRoutes.kt"), ktlib("io.ktor.server.request.ApplicationReceiveFunctionsKt", "receive", 108, "ApplicationReceiveFunctions.kt")))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **SPL), see("splunk", **SPL_CAUSE), see("datadog.log", **DD)),
        classes=(1,), entry="POST /api/v1/memberships", log="Unhandled error on POST /api/v1/memberships", logger="ktor.application"),
    Bug("mx-timetable-import-date", "gym-api", (jexc("java.time.format.DateTimeParseException", "Text '2026-3-{idx}' could not be parsed at index 5", (*NETTY, k("routes.AdminRoutesKt$adminRoutes$1$4", "invokeSuspend", 88, "AdminRoutes.kt"), k("timetable.CsvImporter", "parseRow", 47, "CsvImporter.kt"), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parseResolved0", 2106))),),
        (see("sentry.error", 2), see("splunk", **SPL_EXC), see("splunk", **SPL), see("datadog.log", **DD)),
        classes=(1,), entry="POST /api/v1/admin/timetable/import", log="Unhandled error on POST /api/v1/admin/timetable/import", logger="ktor.application"),
    # Android: NPEs in two view models (R8 names in PostHog).
    Bug("mx-and-timetable-npe", "gym-android", (jexc("java.lang.NullPointerException", "", (*COROUTINE, kt(f"{APP}.ui.timetable.TimetableViewModel$load$1", "invokeSuspend", 64), kt(f"{APP}.data.TimetableRepository", "week", 38))),),
        (see("sentry.error", 3, **DROID), see("sentry.issue"), see("posthog", 3, **PH)),
        classes=(4, 10), pair="mx-and-profile-npe"),
    Bug("mx-and-profile-npe", "gym-android", (jexc("java.lang.NullPointerException", "", (*COROUTINE, kt(f"{APP}.ui.profile.ProfileViewModel$refresh$1", "invokeSuspend", 41), kt(f"{APP}.data.MemberRepository", "me", 27))),),
        (see("sentry.error", 2, **DROID), see("sentry.error", r8=True, release=1, **DROID), see("posthog", 2, **PH), see("posthog", r8=False, **PH)),
        classes=(4, 10), pair="mx-and-timetable-npe"),
    # Android: one repository call, a 401 (the token refresh) and a 500.
    Bug("mx-and-book-401", "gym-android", (jexc("retrofit2.HttpException", "HTTP 401 ", (*COROUTINE, kt(f"{APP}.ui.classes.ClassDetailViewModel$book$1", "invokeSuspend", 77), kt(f"{APP}.data.BookingRepository", "book", 33), *RETROFIT)),),
        (see("sentry.error", 3, **DROID), see("posthog", 2, **PH)),
        classes=(10,), pair="mx-and-book-500"),
    Bug("mx-and-book-500", "gym-android", (jexc("retrofit2.HttpException", "HTTP 500 ", (*COROUTINE, kt(f"{APP}.ui.classes.ClassDetailViewModel$book$1", "invokeSuspend", 77), kt(f"{APP}.data.BookingRepository", "book", 33), *RETROFIT)),),
        (see("sentry.error", 2, **DROID), see("posthog", 3, **PH)),
        classes=(10,), pair="mx-and-book-401"),
    # Android, not paired: an OkHttp timeout and a duplicate LazyColumn key.
    Bug("mx-and-classes-timeout", "gym-android", (jexc("java.net.SocketTimeoutException", "timeout", (*COROUTINE, kt(f"{APP}.ui.classes.ClassListViewModel$load$1", "invokeSuspend", 35), kt(f"{APP}.data.ClassRepository", "upcoming", 22), jl("okhttp3.internal.connection.RealCall", "execute", 154), jl("okio.SocketAsyncTimeout", "newTimeoutException", 184))),),
        (see("sentry.error", 2, **DROID), see("posthog", 2, **PH), see("posthog", r8=False, **PH)),
        classes=(10,)),
    Bug("mx-and-lazy-key", "gym-android", (jexc("java.lang.IllegalArgumentException", 'Key "class-{id}" was already used. If you are using LazyColumn/Row please make sure you provide a unique key for each item.', (*COMPOSE, jl("androidx.compose.foundation.lazy.layout.LazyLayoutItemProvider", "getKey", 112), kt(f"{APP}.ui.classes.ClassListScreenKt$ClassList$1$1", "invoke", 58))),),
        (see("sentry.error", 3, **DROID), see("posthog", 2, **PH)),
        classes=(10,)),
    # A singleton: the heap during a report export.
    Bug("mx-report-oom", "gym-api", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*NETTY, k("routes.AdminRoutesKt$adminRoutes$1$7", "invokeSuspend", 131, "AdminRoutes.kt"), k("reports.AttendanceReport", "render", 64, "AttendanceReport.kt"), jl("java.util.Arrays", "copyOf", 3541))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/admin/reports/attendance"),
]

NOISE = [
    Noise("mx-noise-startup", "gym-api", "splunk", {**SPL, "line": '{"insertId":"{hex}","textPayload":"Default STARTUP TCP probe succeeded after 1 attempt for container \\"gym-api-1\\" on port 8080.","resource":{"type":"cloud_run_revision","labels":{"service_name":"gym-api","location":"europe-west2"}},"timestamp":"{ts}","severity":"INFO","logName":"projects/vowhurst-prod/logs/run.googleapis.com%2Fvarlog%2Fsystem"}'}),
    Noise("mx-noise-ktor-start", "gym-api", "splunk", {**SPL, "line": '{"insertId":"{hex}","textPayload":"2026-03-0{idx} 07:00:0{idx}.412 [main] INFO  ktor.application - Responding at http://0.0.0.0:8080","resource":{"type":"cloud_run_revision","labels":{"service_name":"gym-api"}},"timestamp":"{ts}","logName":"projects/vowhurst-prod/logs/run.googleapis.com%2Fstdout"}'}),
    Noise("mx-noise-recovered", "gym-api", "datadog.log", {"monitor": "[gym-api] ERROR logs on Cloud Run", "transition": "Recovered", "alert_type": "success", "team": "members", "filter": "source:gcp.cloud.run service:gym-api status:error", "text": "Recovered: gym-api ERROR lines back under 5 in 10 minutes."}),
    Noise("mx-noise-crashfree", "gym-android", "sentry.metric", {"rule": "gym-android crash free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "threshold": "99.5", "value": "{crashfree}"}),
]

VOWHURST = Company(
    key="mx",
    name="Vowhurst Fitness",
    domain="vowhurst.example",
    sentry_org="vowhurst-fitness",
    splunk_url="https://vowhurst.splunkcloud.example",
    splunk_guid="E61B8F93-4D2A-4C07-9B5E-7A3F0D2C18B4",
    datadog_org=("1119003", "Vowhurst Fitness"),
    datadog_template="custom",
    posthog_project=(91193, "Vowhurst members app"),
    releases=("2026.10.1", "2026.10.2", "2026.11.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="vowhurst-sentry-client-secret",
)
# fmt: on
