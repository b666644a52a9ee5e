"""(ai) Cragmoor Freight, a road-haulage operator: a Spring Boot 3 dispatch API on Java 21
(``dispatch``, Spring Boot's console pattern through logback, ``Caused by:`` chains with
``... n common frames omitted``), Spring Batch 5 jobs in their own Boot app (``batch``, same
pattern) and an iOS driver app in Swift (``driver-app``: sentry-cocoa for crashes, symbolicated
or, for a build shipped without its dSYMs, not; posthog-ios ``captureException`` for errors
the app handles, its frames as ``dladdr`` names them).

Sentry for every service; PostHog for the app; Splunk saved searches over the two Boot apps'
logs (one a ``stats`` table of failed job executions); Datadog log, APM and task monitors
posting the team's own nested template.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import TOMCAT, jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
APP_RELEASES = ("com.cragmoor.driver@6.2.0+612", "com.cragmoor.driver@6.2.1+618", "com.cragmoor.driver@6.3.0+630", "com.cragmoor.driver@6.3.0+631")
SERVICES = {
    "dispatch": Service("dispatch", "java", "spring-console", "cragmoor:spring", "/opt/cragmoor/dispatch/logs/dispatch.log", "cm_prod", 9120011, "OpenJDK 21.0.5", framework="HandlerExceptionResolver"),
    "batch": Service("batch", "java", "spring-console", "cragmoor:spring", "/opt/cragmoor/batch/logs/batch.log", "cm_prod", 9120014, "OpenJDK 21.0.5"),
    "driver-app": Service("driver-app", "cocoa", "", "", "", "", 9120017, sdk=("sentry.cocoa", "8.41.0", "spm:sentry-cocoa"), releases=APP_RELEASES),
}

DSP = "com.cragmoor.dispatch"
BAT = "com.cragmoor.batch"
ROOT_CAUSE = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
DISPATCHER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
STEP_LOGGER = "org.springframework.batch.core.step.AbstractStep"
SB = "org.springframework.batch"

# A job launched by a cron trigger, down to a chunk-oriented step's writer (oldest first).
def batch_step(job_cls: str, write: bool = True) -> tuple[Frame, ...]:
    return (
        jl("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 84),
        jv(f"{BAT}.schedule.{job_cls}", "launch", 27),
        jl(f"{SB}.core.launch.support.TaskExecutorJobLauncher", "run", 164),
        jl(f"{SB}.core.launch.support.TaskExecutorJobLauncher$1", "run", 148),
        jl(f"{SB}.core.job.AbstractJob", "execute", 307),
        jl(f"{SB}.core.job.SimpleJob", "doExecute", 149),
        jl(f"{SB}.core.job.AbstractJob", "handleStep", 413),
        jl(f"{SB}.core.job.SimpleStepHandler", "handleStep", 153),
        jl(f"{SB}.core.step.AbstractStep", "execute", 229),
        jl(f"{SB}.core.step.tasklet.TaskletStep", "doExecute", 255),
        jl(f"{SB}.core.step.tasklet.TaskletStep$ChunkTransactionCallback", "doInTransaction", 383),
        jl(f"{SB}.core.step.item.ChunkOrientedTasklet", "execute", 75),
        *((jl(f"{SB}.core.step.item.SimpleChunkProcessor", "process", 227), jl(f"{SB}.core.step.item.SimpleChunkProcessor", "write", 316), jl(f"{SB}.core.step.item.SimpleChunkProcessor", "doWrite", 286)) if write else (jl(f"{SB}.core.step.item.SimpleChunkProvider", "provide", 118), jl(f"{SB}.core.step.item.SimpleChunkProvider", "read", 142))),
    )


# RestClient over the JDK's HttpURLConnection (SimpleClientHttpRequestFactory): a read timeout.
REST_READ = (
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "toEntity", 808),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "retrieve", 570),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 477),
    jl("org.springframework.http.client.SimpleClientHttpRequest", "executeInternal", 79),
    jl("sun.net.www.protocol.http.HttpURLConnection", "getInputStream", 1615),
    jl("sun.nio.ch.NioSocketImpl", "timedRead", 278),
)
PG_DEADLOCK = "ERROR: deadlock detected\n  Detail: Process {pid} waits for ShareLock on transaction {offset}; blocked by process {id}.\nProcess {id} waits for ShareLock on transaction {offset}; blocked by process {pid}.\n  Hint: See server log for query details.\n  Where: while updating tuple ({n},{idx}) in relation \"{table}\""
JDBC_BATCH = (
    jl("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate", "batchUpdate", 385),
    jl("org.springframework.jdbc.core.JdbcTemplate", "execute", 658),
    jl("org.springframework.jdbc.core.JdbcTemplate", "lambda$getPreparedStatementCallback$3", 1584),
)
PGJDBC = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeBatch", 1863),
    jl("org.postgresql.jdbc.PgStatement", "internalExecuteBatch", 896),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 577),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2733),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)


def deadlock(job_cls: str, writer: str, table: str, sql: str) -> tuple[Exc, ...]:
    """A JdbcBatchItemWriter's batch losing a deadlock: PgJDBC's BatchUpdateException over
    the server's error, translated by Spring into CannotAcquireLockException."""
    app = (*batch_step(job_cls), jv(f"{BAT}.writer.{writer}", "write", 41), jl(f"{SB}.item.database.JdbcBatchItemWriter", "write", 198), *JDBC_BATCH)
    server = PG_DEADLOCK.replace("{table}", table)
    return (
        jexc("org.postgresql.util.PSQLException", server, (*app, *PGJDBC)),
        jexc("java.sql.BatchUpdateException", f"Batch entry 0 {sql} was aborted: {server.split(chr(10))[0]}  Call getNextException to see other errors in the batch.", (*app, *PGJDBC[:2])),
        jexc("org.springframework.dao.CannotAcquireLockException", f"PreparedStatementCallback; SQL [{sql}]; {server.split(chr(10))[0]}", app),
    )


def step_failed(step: str, job: str) -> str:
    return f"Encountered an error executing step {step} in job {job}"


# sentry-cocoa frames: the app's Swift code, and system images named by path.
def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, file, line, "CragmoorDriver", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
SWIFTUI = "/System/Library/Frameworks/SwiftUI.framework/SwiftUI"
SWIFT_CORE = "/usr/lib/swift/libswiftCore.dylib"
MAIN_LOOP = (
    ios("start", "/usr/lib/dyld"),
    sw("static CragmoorDriverApp.$main()", "CragmoorDriver/App/CragmoorDriverApp.swift", 12),
    ios("UIApplicationMain", UIKIT),
    ios("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
    ios("__CFRUNLOOP_IS_SERVICING_THE_MAIN_DISPATCH_QUEUE__", CF),
    ios("_dispatch_main_queue_drain", "/usr/lib/system/libdispatch.dylib"),
)
SWIFTUI_TAP = (
    *MAIN_LOOP,
    ios("-[UIApplication sendEvent:]", UIKIT),
    ios("ButtonAction.callAsFunction()", SWIFTUI),
)
UNWRAP_TRAP = ios("_assertionFailure(_:_:file:line:flags:)", SWIFT_CORE)
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
# Errors the app handles go through one reporter (posthog-ios captures the stack there).
REPORTER = sw("ErrorReporter.report(_:context:)", "CragmoorDriver/Support/ErrorReporter.swift", 24)
ASYNC_TASK = (
    ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", "/usr/lib/swift/libswift_Concurrency.dylib"),
    ios("swift_job_runImpl(swift::Job*, swift::SerialExecutorRef)", "/usr/lib/swift/libswift_Concurrency.dylib"),
)

BUGS = [
    # One helpful NullPointerException sentence from two controllers.
    Bug(
        "cm-assign-trailer-npe",
        "dispatch",
        (jexc("java.lang.NullPointerException", 'Cannot invoke "com.cragmoor.dispatch.model.Trailer.getMaxPayloadKg()" because the return value of "com.cragmoor.dispatch.model.Load.getTrailer()" is null', (
            *TOMCAT,
            jv(f"{DSP}.web.LoadController", "assign", 63),
            jv(f"{DSP}.planning.AssignmentService", "checkPayload", 88),
        )),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="message", team="planning"),
        ),
        classes=(4,),
        pair="cm-eta-trailer-npe",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/loads/{load_id}/assign",
        span=3,
        renames={"assign": "assignDriver"},
    ),
    Bug(
        "cm-eta-trailer-npe",
        "dispatch",
        (jexc("java.lang.NullPointerException", 'Cannot invoke "com.cragmoor.dispatch.model.Trailer.getMaxPayloadKg()" because the return value of "com.cragmoor.dispatch.model.Load.getTrailer()" is null', (
            *TOMCAT,
            jv(f"{DSP}.web.EtaController", "estimate", 29),
            jv(f"{DSP}.eta.EtaCalculator", "fuelStops", 112),
        )),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="route", team="planning")),
        classes=(4,),
        pair="cm-assign-trailer-npe",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/loads/{load_id}/eta",
    ),
    # Two dispatchers editing one shipment: the id changes with every delivery.
    Bug(
        "cm-shipment-stale",
        "dispatch",
        (
            jexc("org.hibernate.StaleObjectStateException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect): [com.cragmoor.dispatch.model.Shipment#{id}]", (
                *TOMCAT,
                jv(f"{DSP}.web.ShipmentController", "reschedule", 47),
                jv(f"{DSP}.shipment.ShipmentService", "reschedule", 71),
                jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "save", 629),
                jl("org.hibernate.internal.SessionImpl", "merge", 1395),
                jl("org.hibernate.event.internal.DefaultMergeEventListener", "entityIsDetached", 451),
            )),
            jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect): [com.cragmoor.dispatch.model.Shipment#{id}]", (
                *TOMCAT,
                jv(f"{DSP}.web.ShipmentController", "reschedule", 47),
                jv(f"{DSP}.shipment.ShipmentService", "reschedule", 71),
                jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 325),
            )),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.log", style="kind", monitor="dispatch error logs", team="planning"),
        ),
        classes=(2,),
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="PUT /api/shipments/{shipment_id}/schedule",
    ),
    # One deadlock in two jobs' writers; one log monitor over every failed step.
    Bug(
        "cm-invoice-run-deadlock",
        "batch",
        deadlock("InvoiceRunSchedule", "InvoiceStatusWriter", "invoice", "UPDATE invoice SET status = ?, issued_at = ? WHERE id = ?"),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, thread="scheduling-1"),
            see("splunk", search="failed batch job executions (24h)", stats={"JOB_NAME": "invoiceRunJob", "STATUS": "FAILED", "EXIT_CODE": "FAILED", "executions": "{idx}"}),
            see("datadog.log", style="sample", monitor="Spring Batch step failures", team="billing"),
        ),
        classes=(2, 4),
        pair="cm-surcharge-deadlock",
        log=step_failed("issueInvoicesStep", "invoiceRunJob"),
        logger=STEP_LOGGER,
        entry="invoiceRunJob",
    ),
    Bug(
        "cm-surcharge-deadlock",
        "batch",
        deadlock("FuelSurchargeSchedule", "SurchargeRateWriter", "customer_tariff", "UPDATE customer_tariff SET fuel_surcharge_pct = ? WHERE customer_id = ? AND lane_id = ?"),
        (
            see("sentry.error", 2),
            see("splunk", 2, thread="scheduling-2"),
            see("datadog.log", 2, style="sample", monitor="Spring Batch step failures", team="billing"),
            see("datadog.task", team="billing"),
        ),
        classes=(2, 4),
        pair="cm-invoice-run-deadlock",
        log=step_failed("applySurchargeStep", "fuelSurchargeJob"),
        logger=STEP_LOGGER,
        entry="fuelSurchargeJob",
    ),
    # A telematics export the reader cannot parse: the job is all the task monitor names.
    Bug(
        "cm-telematics-json",
        "batch",
        (
            jexc("com.fasterxml.jackson.core.JsonParseException", "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]", (
                *batch_step("TelematicsSchedule", write=False),
                jl(f"{SB}.item.json.JsonItemReader", "doRead", 101),
                jl(f"{SB}.item.json.JacksonJsonObjectReader", "read", 83),
                jl("com.fasterxml.jackson.core.json.UTF8StreamJsonParser", "_handleUnexpectedValue", 2654),
                jl("com.fasterxml.jackson.core.JsonParser", "_constructReadException", 2660),
            )),
            jexc(f"{SB}.item.ParseException", "Unexpected token while reading telematics export /data/telematics/pings-{week}.json", (
                *batch_step("TelematicsSchedule", write=False),
                jl(f"{SB}.item.json.JsonItemReader", "doRead", 101),
                jl(f"{SB}.item.json.JacksonJsonObjectReader", "read", 91),
            )),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, thread="scheduling-3"),
            see("splunk", search="failed batch job executions (24h)", stats={"JOB_NAME": "telematicsImportJob", "STATUS": "FAILED", "EXIT_CODE": "FAILED", "executions": "{idx}"}),
            see("datadog.task", 2, team="fleet"),
        ),
        classes=(8,),
        log=step_failed("readPingsStep", "telematicsImportJob"),
        logger=STEP_LOGGER,
        entry="telematicsImportJob",
    ),
    # iOS crashes: one force unwrap in two screens; one build lacks its dSYMs.
    Bug(
        "cm-ios-pod-signature-unwrap",
        "driver-app",
        (Exc("EXC_BREAKPOINT", UNWRAP, (
            *SWIFTUI_TAP,
            sw("closure #2 in ProofOfDeliveryView.body.getter", "CragmoorDriver/Delivery/ProofOfDeliveryView.swift", 58),
            sw("ProofOfDeliveryModel.submitSignature()", "CragmoorDriver/Delivery/ProofOfDeliveryModel.swift", 93),
            UNWRAP_TRAP,
        )),),
        (
            see("sentry.error", release=0),
            see("sentry.error", release=1),
            see("sentry.error", 2, release=2, raw=True),
            see("sentry.issue", release=1),
        ),
        classes=(4, 10),
        pair="cm-ios-route-stop-unwrap",
        span=3,
    ),
    Bug(
        "cm-ios-route-stop-unwrap",
        "driver-app",
        (Exc("EXC_BREAKPOINT", UNWRAP, (
            *SWIFTUI_TAP,
            sw("closure #1 in RouteStopRow.body.getter", "CragmoorDriver/Route/RouteStopRow.swift", 41),
            sw("RouteViewModel.markArrived(stop:)", "CragmoorDriver/Route/RouteViewModel.swift", 137),
            UNWRAP_TRAP,
        )),),
        (see("sentry.error", 2, release=1), see("sentry.alert", release=1, rule="New crash in the driver app")),
        classes=(4,),
        pair="cm-ios-pod-signature-unwrap",
    ),
    # Handled errors through the app's reporter: posthog-ios sends the reporting stack only.
    Bug(
        "cm-ios-manifest-decoding",
        "driver-app",
        (Exc("DecodingError", "The data couldn\u2019t be read because it is missing. (Code: 4865)", (
            *MAIN_LOOP,
            *ASYNC_TASK,
            sw("ManifestStore.refresh()", "CragmoorDriver/Manifest/ManifestStore.swift", 66),
            REPORTER,
        ), module="Swift"),),
        (see("posthog", 4),),
        classes=(9,),
        pair="cm-ios-upload-timeout",
        handled=True,
        page="ManifestView",
        span=2,
    ),
    Bug(
        "cm-ios-upload-timeout",
        "driver-app",
        (Exc("NSURLErrorDomain", "The request timed out. (Code: -1001)", (
            *MAIN_LOOP,
            *ASYNC_TASK,
            sw("PhotoUploader.uploadPending()", "CragmoorDriver/Delivery/PhotoUploader.swift", 88),
            REPORTER,
        )),),
        (see("posthog", 2),),
        classes=(9,),
        pair="cm-ios-manifest-decoding",
        handled=True,
        page="ProofOfDeliveryView",
    ),
    # An uncaught NSException from a map annotation with a nil title.
    Bug(
        "cm-ios-annotation-nil",
        "driver-app",
        (Exc("NSInvalidArgumentException", "*** -[__NSArrayM insertObject:atIndex:]: object cannot be nil", (
            *MAIN_LOOP,
            sw("RouteMapCoordinator.mapView(_:didUpdate:)", "CragmoorDriver/Route/RouteMapCoordinator.swift", 74),
            sw("RouteMapCoordinator.refreshAnnotations()", "CragmoorDriver/Route/RouteMapCoordinator.swift", 102),
            ios("-[__NSArrayM insertObject:atIndex:]", CF),
            ios("objc_exception_throw", "/usr/lib/libobjc.A.dylib"),
            ios("__exceptionPreprocess", CF),
        )),),
        (see("sentry.error", 2, release=2), see("sentry.issue", release=2)),
        classes=(6,),
    ),
    # Two partner APIs time out behind RestClient; the APM monitor names only the type.
    Bug(
        "cm-route-optimiser-timeout",
        "dispatch",
        (
            jexc("java.net.SocketTimeoutException", "Read timed out", (*TOMCAT, jv(f"{DSP}.web.RouteController", "optimise", 38), jv(f"{DSP}.routing.OptimiserClient", "solve", 57), *REST_READ)),
            jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on POST request for "https://optimiser.routing-partner.example/v3/solve": Read timed out', (*TOMCAT, jv(f"{DSP}.web.RouteController", "optimise", 38), jv(f"{DSP}.routing.OptimiserClient", "solve", 57), *REST_READ[:3])),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="type", monitor="dispatch error spans", team="planning"),
        ),
        classes=(1, 8),
        pair="cm-weather-timeout",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/routes/{route_id}/optimise",
    ),
    Bug(
        "cm-weather-timeout",
        "dispatch",
        (
            jexc("java.net.SocketTimeoutException", "Read timed out", (*TOMCAT, jv(f"{DSP}.web.EtaController", "estimate", 33), jv(f"{DSP}.eta.WeatherClient", "forecastAlong", 44), *REST_READ)),
            jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on GET request for "https://api.weather-partner.example/v1/route-forecast": Read timed out', (*TOMCAT, jv(f"{DSP}.web.EtaController", "estimate", 33), jv(f"{DSP}.eta.WeatherClient", "forecastAlong", 44), *REST_READ[:3])),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.apm", 2, style="type", monitor="dispatch error spans", team="planning"),
        ),
        classes=(1, 8),
        pair="cm-route-optimiser-timeout",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/loads/{load_id}/eta",
    ),
    # Proof-of-delivery reconciliation skips bad rows until the limit: the job fails.
    Bug(
        "cm-pod-skip-limit",
        "batch",
        (
            jexc("org.springframework.batch.item.validator.ValidationException", "Validation failed for PodRecord[consignment=CN-{id}, signedAt=null]: signedAt must not be null", (
                *batch_step("PodReconcileSchedule", write=False),
                jl(f"{SB}.core.step.item.SimpleChunkProcessor", "doProcess", 127),
                jl(f"{SB}.item.validator.ValidatingItemProcessor", "process", 84),
                jl(f"{SB}.item.validator.SpringValidator", "validate", 54),
            )),
            jexc(f"{SB}.core.step.skip.SkipLimitExceededException", "Skip limit of '25' exceeded", (
                *batch_step("PodReconcileSchedule", write=False),
                jl(f"{SB}.core.step.item.FaultTolerantChunkProcessor", "transform", 318),
                jl(f"{SB}.core.step.skip.LimitCheckingItemSkipPolicy", "shouldSkip", 133),
            )),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, thread="scheduling-4"),
            see("datadog.task", team="fleet"),
        ),
        classes=(8,),
        log=step_failed("reconcilePodStep", "podReconcileJob"),
        logger=STEP_LOGGER,
        entry="podReconcileJob",
    ),
    # Seen once.
    Bug(
        "cm-dispatch-tz",
        "dispatch",
        (jexc("java.time.zone.ZoneRulesException", "Unknown time-zone ID: Europe/Kyiv ", (
            *TOMCAT,
            jv(f"{DSP}.web.DepotController", "openingHours", 22),
            jl("java.time.ZoneId", "of", 356),
            jl("java.time.zone.ZoneRulesProvider", "getRules", 267),
        )),),
        (see("sentry.error"),),
        singleton=True,
        entry="GET /api/depots/{depot_id}/hours",
    ),
]

NOISE = [
    Noise("cm-noise-job-completed", "batch", "splunk", {"search": "batch - errors", "line": "{tsms}  INFO 1 --- [batch] [   scheduling-1] o.s.b.c.l.s.TaskExecutorJobLauncher      : Job: [SimpleJob: [name=invoiceRunJob]] completed with the following parameters: [{'run.date':'{java.time.LocalDate,2026-03-1{idx},identifying=true}'}] and the following status: [COMPLETED] in 4m12s"}),
    Noise("cm-noise-deploy", "dispatch", "datadog.event", {"monitor": "Deployed dispatch 3.18.0 to prod", "text": "Jenkins deployed dispatch 3.18.0 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("cm-noise-crashfree", "driver-app", "sentry.metric", {"rule": "Driver app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "99.{n}"}),
]

CRAGMOOR = Company(
    key="ai",
    name="Cragmoor Freight",
    domain="cragmoor.example",
    sentry_org="cragmoor",
    splunk_url="https://cragmoor.splunkcloud.com",
    splunk_guid="B27E1D4C-93A0-4F56-8E2D-6C1F0A9B7E35",
    datadog_org=("702291", "Cragmoor Freight"),
    datadog_template="cragmoor",
    posthog_project=(80517, "Cragmoor driver app"),
    releases=("3.17.0", "3.17.1", "3.18.0", "3.18.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="cragmoor-sentry-client-secret",
)
# fmt: on
