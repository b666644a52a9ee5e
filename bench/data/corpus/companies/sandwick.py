"""(ms) Sandwick Haulage, a pallet network: Scala 2.13 services on Akka 2.8 and Akka HTTP 10.5
(JDK 21) on EKS. ``pallet-api`` (Akka HTTP routes for bookings, quotes, labels and proof of
delivery; Slick 3.5 over PostgreSQL through HikariCP; asks to the routing and capacity actors)
and ``tracking-stream`` (an Alpakka Kafka consumer of depot scan events, ``mapAsync`` over
circe decoders and Slick writes).

Logs: akka-slf4j into logback with logstash-logback-encoder's ``LogstashEncoder`` on stdout
(``stack_trace`` with ``Caused by:`` chains, Scala's ``$anonfun$`` frames, Akka dispatcher and
ForkJoin frames; a ``ShortenedThrowableConverter`` with ``maxDepthPerThrowable`` on the stream
after the second release). A route's exception reaches Akka HTTP's default ExceptionHandler
("Error during processing of request: '…'. Completing with 500 Internal Server Error
response. …" on ``akka.actor.ActorSystemImpl``); the stream logs its own records. Fluent Bit
(tail, cri, kubernetes filter) posts them to Splunk HEC (one saved search over both services);
the Datadog Agent reads them too (one log monitor over both, pasting the message and the
remapped ``error.stack``; dd-java-agent APM monitors by ``error.type``). Sentry: sentry-java 7
with sentry-logback (``java`` platform, ``in-app-includes: sandwick``). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Seen, Service, see
from ..stacks import jexc, jl, sc, sclib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.logback", "7.14.0", "maven:io.sentry:sentry-logback")
SERVICES = {
    "pallet-api": Service("pallet-api", "java", "ms-fluentbit", "fluentbit:k8s", "http:eks-freight", "freight", 11180011, "OpenJDK 21.0.4", framework="logback", sdk=SDK),
    "tracking-stream": Service("tracking-stream", "java", "ms-fluentbit", "fluentbit:k8s", "http:eks-freight", "freight", 11180012, "OpenJDK 21.0.4", framework="logback", sdk=SDK),
}

FJ = (
    jl("java.util.concurrent.ForkJoinWorkerThread", "run", 188),
    jl("java.util.concurrent.ForkJoinPool", "runWorker", 1689),
    jl("java.util.concurrent.ForkJoinPool$WorkQueue", "topLevelExec", 1312),
    jl("java.util.concurrent.ForkJoinTask", "doExec", 387),
    sclib("akka.dispatch.ForkJoinExecutorConfigurator$AkkaForkJoinTask", "exec", 49, "ForkJoinExecutorConfigurator.scala"),
)
# A route's Future callback on the default dispatcher, inside Akka HTTP's directives.
ROUTE = (
    *FJ,
    sclib("akka.dispatch.TaskInvocation", "run", 48, "AbstractDispatcher.scala"),
    sclib("akka.dispatch.internal.SameThreadExecutionContext$$anon$1", "unbatchedExecute", 25, "SameThreadExecutionContext.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 484, "Promise.scala"),
    sclib("akka.http.scaladsl.server.directives.FutureDirectives", "$anonfun$onComplete$3", 37, "FutureDirectives.scala"),
    sclib("akka.http.scaladsl.server.directives.BasicDirectives", "$anonfun$mapRouteResult$2", 68, "BasicDirectives.scala"),
    sclib("akka.http.scaladsl.server.RouteConcatenation$RouteWithConcatenation", "$anonfun$$tilde$2", 47, "RouteConcatenation.scala"),
)
# The scan stream's mapAsync stage running the handler's Future.
STREAM = (
    *FJ,
    sclib("akka.dispatch.TaskInvocation", "run", 48, "AbstractDispatcher.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 484, "Promise.scala"),
    sclib("scala.concurrent.Future$", "$anonfun$apply$1", 687, "Future.scala"),
    sc("sandwick.tracking.ScanConsumer", "$anonfun$handle$1", 61),
)
# Slick's own executor: no application frame below the statement.
SLICK_INSERT = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    sclib("slick.util.AsyncExecutor$$anon$1$$anon$2$$anon$3", "run", 161, "AsyncExecutor.scala"),
    sclib("slick.basic.BasicBackend$BasicDatabaseDef$$anon$3", "liftedTree1$1", 276, "BasicBackend.scala"),
    sclib("slick.jdbc.JdbcActionComponent$InsertActionComposerImpl$SingleInsertAction", "$anonfun$run$15", 522, "JdbcActionComponent.scala"),
    sclib("slick.jdbc.JdbcBackend$BaseSession", "withPreparedInsertStatement", 451, "JdbcBackend.scala"),
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 512),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)
HIKARI = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    sclib("slick.util.AsyncExecutor$$anon$1$$anon$2$$anon$3", "run", 161, "AsyncExecutor.scala"),
    sclib("slick.basic.BasicBackend$BasicDatabaseDef$$anon$3", "run", 260, "BasicBackend.scala"),
    sclib("slick.jdbc.JdbcBackend$BaseSession", "conn$lzycompute", 458, "JdbcBackend.scala"),
    jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100),
    jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 162),
    jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686),
)
NONE_GET = sclib("scala.None$", "get", 627, "Option.scala")
DEPOT_BY_CODE = sc("sandwick.network.Depots$", "byCode", 44)
DECODE = (sc("sandwick.tracking.ScanEvent$", "decode", 27), sclib("io.circe.parser.package$", "decode", 44, "package.scala"))

SEARCH = dict(search="freight - ERROR records (EKS)", owner="sw_platform", app="freight_ops")
DD_LOGS = dict(format="ms-dd", monitor="[freight] error logs", team="freight", filter="kube_namespace:freight status:error",
               text="**{{log.service}}** logged an error ({{log.attributes.logger_name}}):\n\n{{log.attributes.message}}\n\n```\n{{log.attributes.error.stack}}\n```", lines=8)
DD_APM = dict(style="type", monitor="pallet-api errors by error.type", team="freight")
AKKA = dict(kind="akka")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**SEARCH, **opts})


def ddl(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**DD_LOGS, **opts})


def unique(table_key: str, detail: str) -> tuple[Exc, ...]:
    return (jexc("org.postgresql.util.PSQLException", f'ERROR: duplicate key value violates unique constraint "{table_key}"\n  Detail: {detail}', SLICK_INSERT),)


def ask_timeout(path: str, message: str) -> tuple[Exc, ...]:
    return (jexc("akka.pattern.AskTimeoutException", f"Ask timed out on [Actor[{path}#-{{id}}]] after [5000 ms]. Message of type [{message}]. A typical reason for `AskTimeoutException` is that the recipient actor didn't send a reply.", ()),)


BUGS = [
    # Two unique violations raised on Slick's executor: the table is the bug.
    Bug("ms-booking-unique", "pallet-api", unique("pallet_bookings_consignment_no_key", "Key (consignment_no)=(SW{offset}) already exists."),
        (see("sentry.error", 3), spl(2, **AKKA), ddl()),
        classes=(1, 4), pair="ms-manifest-unique", entry="POST /v1/bookings"),
    Bug("ms-manifest-unique", "tracking-stream", unique("trunk_manifests_depot_id_run_date_key", "Key (depot_id, run_date)=({idx}, 2026-03-0{idx}) already exists."),
        (see("sentry.error", 2), spl(2), ddl(2)),
        log="Failed to process scan event at offset {offset}", classes=(1, 4), pair="ms-booking-unique", entry="consignment-scans"),
    # Asks timing out: only the actor path and the message type differ.
    Bug("ms-ask-routing-timeout", "pallet-api", ask_timeout("akka://sandwick/user/routing-planner", "sandwick.routing.Planner$PlanRoute"),
        (see("sentry.error", 2), spl(3, **AKKA), see("datadog.apm", **DD_APM)),
        classes=(1, 8), pair="ms-ask-capacity-timeout", entry="POST /v1/quotes"),
    Bug("ms-ask-capacity-timeout", "pallet-api", ask_timeout("akka://sandwick/user/depot-capacity", "sandwick.network.Capacity$Reserve"),
        (see("sentry.error", 3), spl(2, **AKKA), ddl(), see("datadog.apm", **DD_APM)),
        classes=(1, 8), pair="ms-ask-routing-timeout", entry="POST /v1/bookings"),
    # None.get in one depot lookup, reached from a route and from the scan stream.
    Bug("ms-depot-none-quote", "pallet-api", (jexc("java.util.NoSuchElementException", "None.get", (*ROUTE, sc("sandwick.api.QuoteRoutes", "$anonfun$routes$4", 52), sc("sandwick.pricing.Quotes$", "forPostcodes", 31), DEPOT_BY_CODE, NONE_GET)),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2, **AKKA), ddl(), see("datadog.apm", **DD_APM)),
        classes=(1, 9), pair="ms-depot-none-scan", entry="POST /v1/quotes", span=3, renames={"forPostcodes": "quoteFor"}),
    Bug("ms-depot-none-scan", "tracking-stream", (jexc("java.util.NoSuchElementException", "None.get", (*STREAM, sc("sandwick.tracking.ScanHandler", "apply", 38), DEPOT_BY_CODE, NONE_GET)),),
        (see("sentry.error", 3), spl(2), ddl(depth=6)),
        log="Failed to process scan event at offset {offset}", classes=(1, 9), pair="ms-depot-none-quote", entry="consignment-scans"),
    # One decoder under one log message: a missing field, a timestamp that is no timestamp.
    Bug("ms-scan-missing-field", "tracking-stream", (jexc("io.circe.DecodingFailure$DecodingFailureImpl", "DecodingFailure at .depotCode: Missing required field", (*STREAM, *DECODE)),),
        (see("sentry.error", 2), spl(2), ddl(2)),
        log="Failed to process scan event at offset {offset}", classes=(1, 2), pair="ms-scan-bad-instant", entry="consignment-scans"),
    Bug("ms-scan-bad-instant", "tracking-stream", (
        jexc("java.time.format.DateTimeParseException", "Text '0{idx}/03/2026 07:{n}' could not be parsed at index 0", (*STREAM, *DECODE, sclib("io.circe.Decoder$$anon$24", "apply", 1263, "Decoder.scala"), jl("java.time.Instant", "parse", 397), jl("java.time.format.DateTimeFormatter", "parseResolved0", 2106))),
        jexc("io.circe.DecodingFailure$DecodingFailureImpl", "DecodingFailure at .scannedAt: Instant (Text '0{idx}/03/2026 07:{n}' could not be parsed at index 0)", (*STREAM, *DECODE)),
    ),
        (see("sentry.error", 3), spl(), ddl(2)),
        log="Failed to process scan event at offset {offset}", classes=(1, 2), pair="ms-scan-missing-field", entry="consignment-scans"),
    # The same MatchError message from two routes' service-level matches.
    Bug("ms-quote-service-match", "pallet-api", (jexc("scala.MatchError", "Timed0930 (of class java.lang.String)", (*ROUTE, sc("sandwick.api.QuoteRoutes", "$anonfun$routes$4", 52), sc("sandwick.pricing.ServiceLevels$", "surcharge", 19))),),
        (see("sentry.error", 2), see("sentry.error", in_app="none"), spl(2, **AKKA), see("datadog.apm", **DD_APM)),
        classes=(1, 4), pair="ms-label-service-match", entry="POST /v1/quotes"),
    Bug("ms-label-service-match", "pallet-api", (jexc("scala.MatchError", "Timed0930 (of class java.lang.String)", (*ROUTE, sc("sandwick.api.LabelRoutes", "$anonfun$routes$2", 33), sc("sandwick.labels.LabelRenderer", "serviceBand", 88))),),
        (see("sentry.error", 3), spl(**AKKA), ddl()),
        classes=(1, 4), pair="ms-quote-service-match", entry="GET /v1/consignments/{consignment}/label"),
    # The pool exhausted on the booking rush: values in the message.
    Bug("ms-hikari-timeout", "pallet-api", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting={waiting})", HIKARI),),
        (see("sentry.error", 2), spl(3, **AKKA), ddl(2), see("datadog.apm", **DD_APM)),
        classes=(1, 3), entry="POST /v1/bookings"),
    # Proof-of-delivery photos to S3: the SDK's timeout wrapped by the team's upload service.
    Bug("ms-pod-upload-timeout", "pallet-api", (
        jexc("software.amazon.awssdk.core.exception.ApiCallTimeoutException", "Client execution did not complete before the specified timeout configuration: 10000 millis", (*FJ, sc("sandwick.pod.PodUploader", "$anonfun$put$1", 47), jl("software.amazon.awssdk.services.s3.DefaultS3AsyncClient", "putObject", 10133), jl("software.amazon.awssdk.core.internal.http.async.AsyncApiCallTimeoutTrackingStage", "handleTimeout", 102))),
        jexc("sandwick.pod.PodUploadFailed", "Could not store POD image for consignment SW{offset}", (*ROUTE, sc("sandwick.api.PodRoutes", "$anonfun$routes$1", 29), sc("sandwick.pod.PodUploader", "$anonfun$put$2", 53))),
    ),
        (see("sentry.error", 2), spl(2, **AKKA), ddl()),
        classes=(1, 3), entry="POST /v1/consignments/{consignment}/pod"),
    # The customs broker's endpoint refusing: Akka's TCP failure has no stack.
    Bug("ms-customs-refused", "pallet-api", (jexc("akka.stream.StreamTcpException", "Tcp command [Connect(customs.brokerlink.example:443,None,List(),Some(10 seconds),true)] failed because of java.net.ConnectException: Connection refused", ()),),
        (see("sentry.error", 2), spl(2, **AKKA), ddl()),
        classes=(1,), entry="POST /v1/consignments/{consignment}/customs"),
    # One ETA function, two exceptions: a missing depot cut-off, a negative transit time.
    Bug("ms-eta-null-cutoff", "pallet-api", (jexc("java.lang.NullPointerException", 'Cannot invoke "java.time.LocalTime.isBefore(java.time.LocalTime)" because "cutoff" is null', (*ROUTE, sc("sandwick.api.TrackingRoutes", "$anonfun$routes$6", 71), sc("sandwick.tracking.EtaCalculator", "estimate", 34))),),
        (see("sentry.error", 3), spl(2, **AKKA), ddl(), see("datadog.apm", **DD_APM)),
        classes=(1, 2), pair="ms-eta-negative-transit", entry="GET /v1/consignments/{consignment}/eta"),
    Bug("ms-eta-negative-transit", "pallet-api", (jexc("java.lang.IllegalArgumentException", "requirement failed: transit time must be positive, got -{n} minutes", (*ROUTE, sc("sandwick.api.TrackingRoutes", "$anonfun$routes$6", 71), sc("sandwick.tracking.EtaCalculator", "estimate", 41), sclib("scala.Predef$", "require", 337, "Predef.scala"))),),
        (see("sentry.error", 2), spl(2, **AKKA), ddl(2), see("datadog.apm", **DD_APM)),
        classes=(1, 2), pair="ms-eta-null-cutoff", entry="GET /v1/consignments/{consignment}/eta"),
    # A singleton: average pallet weight over an empty trunk run.
    Bug("ms-trunk-divzero", "tracking-stream", (jexc("java.lang.ArithmeticException", "/ by zero", (*STREAM, sc("sandwick.tracking.TrunkStats$", "averageWeight", 15))),),
        (see("sentry.error"),),
        singleton=True, entry="consignment-scans"),
]

NOISE = [
    Noise("ms-noise-rebalance", "tracking-stream", "splunk", {**SEARCH, "line": '{"time":"2026-03-0{idx}T06:00:0{idx}.114220301Z","stream":"stdout","_p":"F","@timestamp":"2026-03-0{idx}T06:00:0{idx}.114Z","@version":"1","message":"[Consumer clientId=consumer-tracking-stream-1, groupId=tracking-stream] Revoke previously assigned partitions consignment-scans-{part}","logger_name":"org.apache.kafka.clients.consumer.internals.ConsumerCoordinator","thread_name":"sandwick-akka.kafka.default-dispatcher-{idx}","level":"INFO","level_value":20000,"kubernetes":{"namespace_name":"freight","container_name":"tracking-stream"}}'}),
    Noise("ms-noise-deploy", "pallet-api", "datadog.event", {"monitor": "Deployed pallet-api 4.12.0", "text": "Argo CD synced pallet-api to 4.12.0 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "freight"}),
    Noise("ms-noise-recovered", "pallet-api", "datadog.log", {"monitor": "[freight] error logs", "transition": "Recovered", "alert_type": "success", "team": "freight", "filter": "kube_namespace:freight status:error", "text": "No error logs from pallet-api in the last 10 minutes."}),
]

SANDWICK = Company(
    key="ms",
    name="Sandwick Haulage",
    domain="sandwickhaulage.example",
    sentry_org="sandwick-haulage",
    splunk_url="https://sandwick.splunkcloud.example",
    splunk_guid="3E9A61C4-7B20-4D8F-A5C1-0F2E7D94B613",
    datadog_org=("1118001", "Sandwick Haulage"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("4.11.2", "4.11.3", "4.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="sandwick-sentry-client-secret",
)
# fmt: on
