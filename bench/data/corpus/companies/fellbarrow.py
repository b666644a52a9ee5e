"""(cj) Fellbarrow Parcels, a regional parcel carrier: two Quarkus 3.15 services on Java 21.
``shipment-api`` (Quarkus REST, Hibernate ORM with Panache over PostgreSQL through Agroal,
Narayana transactions, a REST client to the carriers' label and pickup APIs) and
``tracking-consumer`` (SmallRye Reactive Messaging's Kafka connector: a ``@Incoming``
``@Blocking`` consumer of depot scan events that records them, recomputes the ETA and books
pickups).

Sentry: quarkus-logging-sentry (sentry-jul behind JBoss LogManager: every ERROR record with a
throwable becomes an event, so a request failure arrives as QuarkusErrorHandler logged it; the
consumer logs a failed scan at ERROR itself before SmallRye reports it at WARN, the record
Splunk and Datadog see). Splunk: the API's default console line
(``%d %-5p [%c{3.}] (%t) %s%e%n``, the category abbreviated), the consumer's
quarkus-logging-json records (``stackTrace``, ``errorType``, ``errorMessage``). Datadog: the
plugin's recommended template; log monitors pasting the API's console sample or the
consumer's JSON attributes, dd-java-agent APM monitors by error type. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.jul", "7.14.0", "maven:io.sentry:sentry-jul")
SERVICES = {
    "shipment-api": Service("shipment-api", "java", "cj-quarkus-console", "quarkus:console", "/var/log/containers/shipment-api.log", "fb_prod", 3390217, "OpenJDK 21.0.4", framework="generic", sdk=SDK),
    "tracking-consumer": Service("tracking-consumer", "java", "cj-logging-json", "quarkus:json", "/var/log/containers/tracking-consumer.log", "fb_prod", 3390218, "OpenJDK 21.0.4", framework="generic", sdk=SDK),
}

PKG = "com.fellbarrow."

# A Quarkus REST resource method on a worker thread, through the @Transactional subclass.
REST = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("org.jboss.threads.ThreadLocalResettingRunnable", "run", 11),
    jl("org.jboss.threads.DelegatingRunnable", "run", 11),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1521),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "run", 2495),
    jl("io.quarkus.vertx.core.runtime.VertxCoreRecorder$14", "runWith", 635),
    jl("org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext", "run", 147),
    jl("io.quarkus.resteasy.reactive.server.runtime.QuarkusResteasyReactiveRequestContext", "invokeHandler", 141),
    jl("org.jboss.resteasy.reactive.server.handlers.InvocationHandler", "handle", 29),
)


def rest(resource: str, method: str, line: int, tx: bool = False) -> tuple[Frame, ...]:
    """The generated invoker, (with ``tx``) the interceptor subclass, then the method."""
    cls = PKG + "shipments.api." + resource
    invoker = gen(f"{cls}$quarkusrestinvoker${method}_6f1c0e2b", "invoke")
    if not tx:
        return (invoker, jv(cls, method, line))
    return (invoker, gen(cls + "_Subclass", method))


def gen(cls: str, method: str) -> Frame:
    """A class Quarkus generates at build time: no source file, so ``Unknown Source``, and
    no line to move between releases."""
    return Frame(method, cls.rsplit(".", 1)[-1] + ".java", -1, cls, False)


# SmallRye's Kafka connector running a @Blocking @Incoming method on a Vert.x worker.
SMALLRYE = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.vertx.core.impl.TaskQueue", "run", 81),
    jl("io.vertx.core.impl.ContextImpl", "lambda$executeBlocking$4", 194),
    jl("io.smallrye.reactive.messaging.providers.AbstractMediator", "lambda$invokeBlocking$13", 174),
    jl("io.smallrye.reactive.messaging.providers.AbstractMediator", "invoke", 147),
    gen(PKG + "tracking.ScanEventConsumer_SmallRyeMessagingInvoker_consume_a41e2f", "invoke"),
    gen(PKG + "tracking.ScanEventConsumer_ClientProxy", "consume"),
)


def svc(cls: str, method: str, line: int) -> Frame:
    return jv(PKG + cls, method, line)


CONSUME = svc("tracking.ScanEventConsumer", "consume", 44)

PG_UPDATE = (
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 194),
    jl("io.agroal.pool.wrapper.PreparedStatementWrapper", "executeUpdate", 227),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 525),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)
FLUSH = (
    jl("org.hibernate.internal.SessionImpl", "doFlush", 1412),
    jl("org.hibernate.event.internal.AbstractFlushingEventListener", "performExecutions", 359),
    jl("org.hibernate.engine.spi.ActionQueue", "executeActions", 634),
    jl("org.hibernate.action.internal.EntityInsertAction", "execute", 85),
    jl("org.hibernate.persister.entity.mutation.InsertCoordinatorStandard", "doStaticInserts", 194),
    jl("org.hibernate.engine.jdbc.mutation.internal.MutationExecutorSingleNonBatched", "performNonBatchedOperations", 40),
    jl("org.hibernate.engine.jdbc.mutation.internal.AbstractMutationExecutor", "performNonBatchedMutation", 107),
)
CONVERT = jl("org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "convert", 108)


def unique(constraint: str, detail: str, sql: str) -> tuple[str, str]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key {detail} already exists.'
    return pg, f"could not execute statement [{pg}] [{sql}]"


def commit_failed(outer: tuple[Frame, ...], constraint: str, detail: str, sql: str) -> tuple[Exc, ...]:
    """A @Transactional resource whose insert flushes at commit: PgJDBC's error, Hibernate's
    ConstraintViolationException, Narayana's RollbackException, and ArC's wrapper thrown by
    the interceptor subclass."""
    pg, hib = unique(constraint, detail, sql)
    tx = (
        *outer,
        jl("io.quarkus.narayana.jta.runtime.interceptor.TransactionalInterceptorRequired", "intercept", 32),
        jl("io.quarkus.narayana.jta.runtime.interceptor.TransactionalInterceptorBase", "invokeInOurTx", 136),
        jl("io.quarkus.narayana.jta.runtime.interceptor.TransactionalInterceptorBase", "endTransaction", 448),
        jl("io.quarkus.narayana.jta.runtime.NotifyingTransactionManager", "commit", 70),
    )
    before = (
        *tx,
        jl("com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple", "commitAndDisassociate", 1286),
        jl("com.arjuna.ats.arjuna.coordinator.TwoPhaseCoordinator", "beforeCompletion", 382),
        jl("org.hibernate.resource.transaction.backend.jta.internal.synchronization.SynchronizationCallbackCoordinatorTrackingImpl", "beforeCompletion", 47),
        jl("org.hibernate.internal.SessionImpl", "beforeTransactionCompletion", 1967),
        *FLUSH,
    )
    return (
        jexc("org.postgresql.util.PSQLException", pg, (*before, *PG_UPDATE)),
        jexc("org.hibernate.exception.ConstraintViolationException", hib, (*before, jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 197), CONVERT)),
        jexc("jakarta.transaction.RollbackException", "ARJUNA016053: Could not commit transaction.", (*tx, jl("com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple", "commitAndDisassociate", 1308))),
        jexc("io.quarkus.arc.ArcUndeclaredThrowableException", "Error invoking subclass method", outer),
    )


def flush_failed(outer: tuple[Frame, ...], constraint: str, detail: str, sql: str) -> tuple[Exc, ...]:
    """``persistAndFlush`` inside the method: Hibernate's exception straight out of the flush."""
    pg, hib = unique(constraint, detail, sql)
    flush = (
        *outer,
        jl("io.quarkus.hibernate.orm.panache.common.runtime.AbstractJpaOperations", "persistAndFlush", 104),
        jl("org.hibernate.engine.spi.SessionDelegatorBaseImpl", "flush", 453),
        jl("org.hibernate.internal.SessionImpl", "flush", 1403),
        *FLUSH,
    )
    return (
        jexc("org.postgresql.util.PSQLException", pg, (*flush, *PG_UPDATE)),
        jexc("org.hibernate.exception.ConstraintViolationException", hib, (*flush, jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 197), CONVERT)),
    )


# Every carrier call goes through one gateway: its call() is the innermost app frame of both timeouts.
GATEWAY = svc("carriers.CarrierGateway", "call", 52)
AWAIT = (
    jl("io.smallrye.mutiny.groups.UniAwait", "indefinitely", 65),
    jl("io.smallrye.mutiny.operators.uni.UniBlockingAwait", "await", 79),
)


def carrier_timeout(outer: tuple[Frame, ...], client_method: str, path: str) -> tuple[Exc, Exc]:
    msg = f"The timeout period of 10000ms has been exceeded while executing POST {path} for server null"
    api = gen(PKG + "carriers.CarrierApi$$QuarkusRestClientInterface", client_method)
    # Vert.x's NoStackTrace exception: no frames of its own.
    cause = jexc("io.vertx.core.http.impl.NoStackTraceTimeoutException", msg, ())
    thrown = jexc("jakarta.ws.rs.ProcessingException", f"io.vertx.core.http.impl.NoStackTraceTimeoutException: {msg}", (*outer, GATEWAY, api, *AWAIT))
    return cause, thrown


NPE_DEPOT = 'Cannot invoke "com.fellbarrow.core.Depot.getZoneId()" because the return value of "com.fellbarrow.core.Shipment.getDestinationDepot()" is null'
ETA = svc("eta.EtaCalculator", "estimate", 48)
API_LOGS = {"search": "fellbarrow shipment-api errors"}
CONSUMER_LOGS = {"search": "fellbarrow tracking-consumer errors"}
NACK = {"via": "smallrye", "topic": "depot-scans", "thread": "vert.x-worker-thread-{idx}"}
COMMIT = {"via": "commit", "topic": "depot-scans", "thread": "vert.x-eventloop-thread-0"}
TEAM = {"team": "parcels"}
# A stats search over the consumer's JSON records: errors per type and logger (24h).
BY_TYPE = "fellbarrow consumer errors by type (24h)"
API_SAMPLE = {"monitor": "shipment-api error logs", "style": "sample", "filter": "service:shipment-api status:error", **TEAM}
API_TYPES = {"monitor": "shipment-api errors by type", "style": "type", **TEAM}
CONSUMER_ERR = {"monitor": "tracking-consumer failures", "filter": "service:tracking-consumer status:(error OR warn) @errorType:*", "text": "tracking-consumer logged a failure.\n\n**{{log.attributes.errorType}}**: {{log.attributes.errorMessage}}", **TEAM}
# One monitor over every nack: it shows the SmallRye line alone, the same for any cause.
NACKS = {"monitor": "tracking-consumer nacked scans", "filter": "service:tracking-consumer @loggerName:io.smallrye.reactive.messaging.kafka", "text": "Scan events are being nacked.\n\n> {{log.attributes.message}}\n\nThread: {{log.attributes.threadName}}", **TEAM}

BUGS = [
    # A unique constraint each: a tracking number issued twice; a depot scan delivered twice.
    Bug("cj-shipment-dup", "shipment-api", commit_failed((*REST, *rest("ShipmentResource", "create", 0, tx=True)), "shipments_tracking_no_key", "(tracking_no)=(FB{id}GB)", "insert into shipments (created_at,depot_id,service_level,tracking_no,id) values (?,?,?,?,?)"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_LOGS), see("datadog.log", **API_SAMPLE)),
        classes=(4,), pair="cj-scan-dup", entry="POST /api/shipments", handled=False),
    Bug("cj-scan-dup", "tracking-consumer", flush_failed((*SMALLRYE, CONSUME, svc("tracking.ScanEventRepository", "record", 29)), "scan_events_parcel_id_scanned_at_key", "(parcel_id, scanned_at)=(FB{id}GB, 2026-03-0{idx} 06:4{idx}:12+00)", "insert into scan_events (depot_code,parcel_id,scan_code,scanned_at,id) values (?,?,?,?,?)"),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **NACK, **CONSUMER_LOGS), see("datadog.log", **NACK, **CONSUMER_ERR)),
        classes=(4,), pair="cj-shipment-dup", entry="depot-scans", span=2),
    # The helpful NPE sentence, word for word, in the API's ETA and the consumer's notifier.
    Bug("cj-eta-depot-npe", "shipment-api", (jexc("java.lang.NullPointerException", NPE_DEPOT, (*REST, *rest("ShipmentResource", "eta", 77), svc("eta.EtaService", "forShipment", 61))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API_LOGS), see("datadog.apm", **API_TYPES)),
        classes=(4,), pair="cj-notify-depot-npe", entry="GET /api/shipments/{id}/eta", span=2, renames={"forShipment": "etaFor"}),
    Bug("cj-notify-depot-npe", "tracking-consumer", (jexc("java.lang.NullPointerException", NPE_DEPOT, (*SMALLRYE, CONSUME, svc("notify.DeliveryWindowNotifier", "notify", 33))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **NACK, **CONSUMER_LOGS), see("datadog.log", **NACK, **CONSUMER_ERR)),
        classes=(4,), pair="cj-eta-depot-npe", entry="depot-scans"),
    # One ETA method, two exceptions: a zero average speed; a Sunday index one past the table.
    Bug("cj-eta-divide", "tracking-consumer", (jexc("java.lang.ArithmeticException", "/ by zero", (*SMALLRYE, CONSUME, ETA)),),
        (see("sentry.error", 3), see("splunk", 2, **NACK, **CONSUMER_LOGS), see("datadog.log", **NACK, **CONSUMER_ERR), see("splunk", search=BY_TYPE, stats={"errorType": "java.lang.ArithmeticException", "loggerName": "io.smallrye.reactive.messaging.kafka", "count": "{n}"})),
        classes=(4,), pair="cj-eta-index", entry="depot-scans"),
    Bug("cj-eta-index", "tracking-consumer", (jexc("java.lang.ArrayIndexOutOfBoundsException", "Index 7 out of bounds for length 7", (*SMALLRYE, CONSUME, svc("eta.EtaCalculator", "estimate", 55))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **NACK, **CONSUMER_LOGS)),
        classes=(4,), pair="cj-eta-divide", entry="depot-scans", span=3),
    # Two carrier calls timing out in one gateway.
    Bug("cj-label-timeout", "shipment-api", carrier_timeout((*REST, *rest("LabelResource", "print", 38), svc("labels.LabelService", "print", 27)), "createLabel", "/v2/labels"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_LOGS), see("datadog.apm", **API_TYPES)),
        classes=(9,), pair="cj-pickup-timeout", entry="POST /api/shipments/{id}/label"),
    Bug("cj-pickup-timeout", "tracking-consumer", carrier_timeout((*SMALLRYE, CONSUME, svc("pickups.PickupBooker", "book", 41)), "bookPickup", "/v1/pickups"),
        (see("sentry.error", 2), see("splunk", 2, **NACK, **CONSUMER_LOGS), see("datadog.log", **NACK, **CONSUMER_ERR)),
        classes=(9,), pair="cj-label-timeout", entry="depot-scans"),
    # Two causes under one nack monitor that shows only SmallRye's line.
    Bug("cj-scan-code-unknown", "tracking-consumer", (jexc("java.lang.IllegalStateException", "Unknown scan code: X{idx}", (*SMALLRYE, CONSUME, svc("tracking.ScanCodes", "parse", 23))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **NACK, **CONSUMER_LOGS), see("datadog.log", 2, **NACK, **NACKS)),
        classes=(4,), pair="cj-scan-time-format", entry="depot-scans"),
    Bug("cj-scan-time-format", "tracking-consumer", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `java.time.Instant` from String "2026-03-0{idx} 07:1{idx}:44": Failed to deserialize java.time.Instant: (java.time.format.DateTimeParseException) Text \'2026-03-0{idx} 07:1{idx}:44\' could not be parsed at index 10\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: {n}] (through reference chain: com.fellbarrow.tracking.ScanPayload["scannedAt"])', (*SMALLRYE, CONSUME, svc("tracking.ScanPayloads", "read", 31), jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3848), jl("com.fasterxml.jackson.databind.exc.InvalidFormatException", "from", 67))),),
        (see("sentry.error", 2), see("sentry.error", in_app="none"), see("splunk", 2, **NACK, **CONSUMER_LOGS), see("datadog.log", 2, **NACK, **NACKS)),
        classes=(4, 10), pair="cj-scan-code-unknown", entry="depot-scans"),
    # The consumer kicked out of its group during a slow batch: no application frame at all.
    Bug("cj-commit-failed", "tracking-consumer", (jexc("org.apache.kafka.clients.consumer.CommitFailedException", "Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.", (jl("java.lang.Thread", "run", 1583), jl("io.smallrye.reactive.messaging.kafka.impl.ReactiveKafkaConsumer", "lambda$runOnPollingThread$0", 117), jl("io.smallrye.reactive.messaging.kafka.commit.KafkaThrottledLatestProcessedCommit", "lambda$commit$11", 421), jl("org.apache.kafka.clients.consumer.KafkaConsumer", "commitSync", 1344), jl("org.apache.kafka.clients.consumer.internals.LegacyKafkaConsumer", "commitSync", 685), jl("org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "commitOffsetsSync", 1157), jl("org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "sendOffsetCommitRequest", 1316))),),
        (see("sentry.error", 3), see("splunk", 2, **COMMIT, **CONSUMER_LOGS), see("datadog.log", **COMMIT, **CONSUMER_ERR), see("splunk", search=BY_TYPE, stats={"errorType": "org.apache.kafka.clients.consumer.CommitFailedException", "loggerName": "io.smallrye.reactive.messaging.kafka", "count": "{n}"})),
        entry="depot-scans"),
    # Agroal's pool drained by a slow depot report: Hibernate's wrapper names it.
    Bug("cj-pool-timeout", "shipment-api", (jexc("java.sql.SQLException", "Sorry, acquisition timeout!", (*REST, *rest("DepotReportResource", "daily", 54), jl("org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl", "getConnection", 122), jl("io.agroal.pool.DataSource", "getConnection", 86), jl("io.agroal.pool.ConnectionPool", "getConnection", 250), jl("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", 335))), jexc("org.hibernate.exception.GenericJDBCException", "Unable to acquire JDBC Connection [Sorry, acquisition timeout!] [n/a]", (*REST, *rest("DepotReportResource", "daily", 54), jl("org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl", "acquireConnectionIfNeeded", 113), CONVERT))),
        (see("sentry.error", 3), see("splunk", 2, **API_LOGS), see("datadog.apm", **API_TYPES), see("datadog.log", **API_SAMPLE)),
        entry="GET /api/depots/{code}/report"),
    # A service level the mobile app added before the API knew it; the pricing method renamed since.
    Bug("cj-service-level-enum", "shipment-api", (jexc("java.lang.IllegalArgumentException", "No enum constant com.fellbarrow.core.ServiceLevel.SAME_DAY", (*REST, *rest("QuoteResource", "create", 33), svc("pricing.QuoteService", "quote", 47), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 2), see("sentry.error", 2, release=2), see("splunk", **API_LOGS), see("splunk", release=2, **API_LOGS)),
        classes=(5,), entry="POST /api/quotes", span=3, renames={"quote": "priceQuote"}),
    # Seen once: a depot graph with a cycle.
    Bug("cj-route-overflow", "shipment-api", (jexc("java.lang.StackOverflowError", "", (*REST, *rest("RouteResource", "plan", 29), *(svc("routing.RouteGraph", "visit", 64) for _ in range(6)))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/routes/plan"),
    # SmallRye's warning of unacknowledged records: one template, numbers of every length.
    Bug("cj-ack-wait", "tracking-consumer", (),
        (see("splunk", 3, search="fellbarrow kafka ack waits", line='{"timestamp":"{ts}","sequence":{id},"loggerClassName":"org.jboss.logging.DelegatingBasicLogger","loggerName":"io.smallrye.reactive.messaging.kafka","level":"WARN","message":"SRMSG18231: The record {offset} from topic-partition \'depot-scans-{part}\' has waited for {n} seconds to be acknowledged. This waiting time is greater than the configured threshold (60000 ms). At the moment {waiting} messages from this partition are awaiting acknowledgement. The last committed offset for this partition was {offset}. This error is due to a potential issue in the application which does not acknowledged the records in a timely fashion. The connector cannot commit as a record processing has not completed.","threadName":"vert.x-eventloop-thread-0","threadId":{line},"mdc":{},"hostName":"tracking-consumer-7c9d5b6f4-x2k{idx}q","processName":"quarkus-run.jar","processId":1}'),
         see("datadog.log", monitor="tracking-consumer slow acknowledgements", filter="service:tracking-consumer SRMSG18231", text="SRMSG18231 warnings on tracking-consumer: a record from depot-scans-{part} has waited {n} seconds ({waiting} awaiting acknowledgement).", **TEAM)),
        classes=(7,)),
]

NOISE = [
    Noise("cj-noise-started", "shipment-api", "splunk", {**API_LOGS, "search": "fellbarrow startup", "line": "{gts},{millis} INFO  [io.quarkus] (main) shipment-api 2.14.0 on JVM (powered by Quarkus 3.15.1) started in {idx}.{millis}s. Listening on: http://0.0.0.0:8080"}),
    Noise("cj-noise-consumer-ready", "tracking-consumer", "splunk", {**CONSUMER_LOGS, "search": "fellbarrow consumer startup", "line": '{"timestamp":"{ts}","sequence":{id},"loggerClassName":"org.jboss.logging.DelegatingBasicLogger","loggerName":"io.smallrye.reactive.messaging.kafka","level":"INFO","message":"SRMSG18257: Kafka consumer kafka-consumer-depot-scans, connected to Kafka brokers \'kafka-0.kafka:9092,kafka-1.kafka:9092\', belongs to the \'tracking-consumer\' consumer group and is configured to poll records from [depot-scans]","threadName":"main","threadId":1,"mdc":{},"hostName":"tracking-consumer-7c9d5b6f4-h8m2q","processName":"quarkus-run.jar","processId":1}'}),
    Noise("cj-noise-recovered", "shipment-api", "datadog.log", {**API_SAMPLE, "transition": "Recovered", "text": "shipment-api error logs are back to normal."}),
]

FELLBARROW = Company(
    key="cj",
    name="Fellbarrow Parcels",
    domain="fellbarrow.example",
    sentry_org="fellbarrow",
    splunk_url="https://fellbarrow.splunkcloud.com",
    splunk_guid="C04F6E9B-2A71-4D3E-9B58-7E1A0D46C2F9",
    datadog_org=("418877", "Fellbarrow Parcels"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2.13.1", "2.14.0", "2.14.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="fellbarrow-sentry-client-secret",
)
