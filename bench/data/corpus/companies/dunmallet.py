"""(nd) Dunmallet Freight, a parcel consolidator: Java 21 Micronaut 4 services on GKE.
``rates-service`` (Netty HTTP server, Micronaut Data JDBC over Cloud SQL Postgres with
HikariCP, declarative HTTP clients to the carriers and a postcode API, a ``@Scheduled`` SLA
sweep) and ``tracking-consumer`` (a micronaut-kafka ``@KafkaListener`` on the carriers' scan
events).

Logs: logback with a JSON encoder shaped for Cloud Logging (``severity``, ``message``,
``stack_trace``, ``logger_name``, ``thread_name``, ``logging.googleapis.com/trace``; one
release with the encoder's root-cause-first throwable converter). GKE's agent makes each line a
``LogEntry`` (``jsonPayload``, ``trace``, ``resource.type: k8s_container``); a log sink
publishes them to Pub/Sub: Google's Pub/Sub-to-Splunk Dataflow template posts the ``LogEntry``
JSON to HEC (one saved search on ``severity=ERROR`` over both services), Datadog's GCP
integration keeps it under ``data`` (a log monitor rendering ``jsonPayload.message``, one
rendering ``jsonPayload.stack_trace``; APM monitors by type through dd-java-agent). Sentry:
sentry-logback (ERROR events with the exception). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.logback", "7.18.1", "maven:io.sentry:sentry-logback")
SERVICES = {
    "rates-service": Service("rates-service", "java", "nd-gke-pubsub", "google:gcp:pubsub:message", "projects/dunmallet-freight-prod/subscriptions/splunk-logs", "gcp_gke", 12130031, "OpenJDK 21.0.5", framework="micronaut", sdk=SDK),
    "tracking-consumer": Service("tracking-consumer", "java", "nd-gke-pubsub", "google:gcp:pubsub:message", "projects/dunmallet-freight-prod/subscriptions/splunk-logs", "gcp_gke", 12130032, "OpenJDK 21.0.5", framework="micronaut-kafka", sdk=SDK),
}

P = "com.dunmallet"


def a(cls: str, method: str, line: int) -> Frame:
    return jv(f"{P}.{cls}", method, line)


def gen(cls: str, method: str) -> Frame:
    """A class Micronaut generates at compile time (no source file)."""
    return Frame(method, f"{cls.rsplit('.', 1)[-1]}.java", -1, f"{P}.{cls}", True)


NETTY = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 566),
    jl("io.micronaut.http.server.netty.handler.PipeliningServerHandler$MessageInboundHandler", "read", 411),
    jl("io.micronaut.http.server.netty.NettyRequestLifecycle", "handleNormal", 85),
    jl("io.micronaut.http.server.RequestLifecycle", "normalFlow", 142),
    jl("io.micronaut.http.server.RequestLifecycle", "executeRoute", 230),
    jl("io.micronaut.http.server.RouteExecutor", "executeRouteAndConvertBody", 408),
    jl("io.micronaut.web.router.AbstractRouteMatch", "execute", 158),
    jl("io.micronaut.context.AbstractExecutableMethod", "invoke", 166),
)
KAFKA = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("io.micronaut.configuration.kafka.processor.ConsumerStateSingle", "pollAndProcessRecords", 97),
    jl("io.micronaut.configuration.kafka.processor.ConsumerState", "processRecord", 353),
    jl("io.micronaut.context.AbstractExecutableMethod", "invoke", 166),
    gen("tracking.$ScanListener$Definition$Exec", "dispatch"),
    a("tracking.ScanListener", "onScan", 44),
)
SCHEDULED = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("io.micronaut.scheduling.processor.ScheduledMethodProcessor", "lambda$process$5", 130),
    gen("rates.sla.$SlaSweeper$Definition$Exec", "dispatch"),
    a("rates.sla.SlaSweeper", "sweep", 37),
)
JDBC_PERSIST = (
    gen("rates.repo.ShipmentRepository$Intercepted", "save"),
    jl("io.micronaut.data.runtime.intercept.DefaultSaveEntityInterceptor", "intercept", 40),
    jl("io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", "persist", 532),
    jl("io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", "executeWrite", 780),
)
PG = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 497),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)
CLIENT_TIMEOUT = (
    jl("io.micronaut.http.client.netty.DefaultHttpClient", "lambda$exchange$13", 1127),
    jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 296),
)
MONEY = a("rates.money.Money", "of", 22)
CURRENCY = jl("java.util.Currency", "getInstance", 308)


def ctl(name: str, method: str, line: int) -> tuple[Frame, ...]:
    return (gen(f"rates.web.${name}$Definition$Exec", "dispatch"), a(f"rates.web.{name}", method, line))


def dup(app: tuple[Frame, ...], table: str, constraint: str, key: str) -> tuple:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key {key} already exists.'
    cause = jexc("org.postgresql.util.PSQLException", pg, (*NETTY, *app, *JDBC_PERSIST, *PG))
    thrown = jexc("io.micronaut.data.exceptions.DataAccessException", f"Error executing PERSIST: {pg}", (*NETTY, *app, *JDBC_PERSIST))
    return (cause, thrown)


UNEXPECTED = "Unexpected error occurred: {msg}"
RE = "io.micronaut.http.server.RouteExecutor"
SPL = dict(search="dunmallet - GKE ERROR entries (freight namespace)", owner="nd_platform", app="gcp")
SPL_ROOT = dict(SPL, root_first=True)
DD_MSG = dict(team="freight", monitor="[freight] ERROR logs on GKE", format="nd-gke-dd", filter="source:gcp.k8s.container @data.resource.labels.namespace_name:freight status:error", text="{{log.attributes.data.resource.labels.container_name}} logged an error:\n\n{{log.attributes.data.jsonPayload.message}}")
DD_STACK = dict(team="freight", monitor="[freight] exceptions with stack", format="nd-gke-dd", filter="source:gcp.k8s.container @data.jsonPayload.stack_trace:*", text="Exception on {{log.attributes.data.resource.labels.pod_name}}:\n\n```\n{{log.attributes.data.jsonPayload.stack_trace}}\n```")
APM = dict(team="freight", style="type", monitor="[freight] error spans by service")
KT = dict(thread="consumer-executor-thread-1")
K_LOG = "Error processing record [Optional[{ref}]] for Kafka consumer [com.dunmallet.tracking.ScanListener@{args}] produced error: {msg}"
K_LOGGER = "io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler"
ZONE_NPE = 'Cannot invoke "com.dunmallet.rates.zones.Zone.code()" because the return value of "java.util.Map.get(Object)" is null'

BUGS = [
    # The same helpful NPE in two services' methods.
    Bug("nd-quote-zone-npe", "rates-service", (jexc("java.lang.NullPointerException", ZONE_NPE, (*NETTY, *ctl("QuoteController", "quote", 41), a("rates.quote.QuoteService", "price", 66))),),
        (see("sentry.error", 3), see("splunk", **SPL), see("datadog.log", **DD_MSG), see("datadog.log", **DD_STACK), see("datadog.apm", **APM)),
        classes=(1, 4), pair="nd-booking-zone-npe", entry="POST /v1/quotes", log=UNEXPECTED.replace("{msg}", ZONE_NPE), logger=RE),
    Bug("nd-booking-zone-npe", "rates-service", (jexc("java.lang.NullPointerException", ZONE_NPE, (*NETTY, *ctl("BookingController", "confirm", 58), a("rates.booking.BookingService", "confirm", 91))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SPL), see("datadog.log", **DD_STACK)),
        classes=(1, 4, 5), pair="nd-quote-zone-npe", entry="POST /v1/bookings/{id}/confirm", log=UNEXPECTED.replace("{msg}", ZONE_NPE), logger=RE, span=3),
    # Unique violations through Micronaut Data on two tables.
    Bug("nd-shipment-ref-dup", "rates-service", dup((*ctl("ShipmentController", "create", 33), a("rates.shipment.ShipmentService", "register", 48)), "shipments", "shipments_customer_ref_key", "(customer_ref)=(DUN-{id})"),
        (see("sentry.error", 3), see("splunk", **SPL), see("splunk", **SPL_ROOT), see("datadog.log", **DD_MSG)),
        classes=(1, 4), pair="nd-carrier-account-dup", entry="POST /v1/shipments", log=UNEXPECTED.replace("{msg}", 'Error executing PERSIST: ERROR: duplicate key value violates unique constraint "shipments_customer_ref_key"'), logger=RE),
    Bug("nd-carrier-account-dup", "rates-service", dup((*ctl("CarrierAccountController", "add", 27), a("rates.carriers.CarrierAccountService", "link", 39)), "carrier_accounts", "carrier_accounts_carrier_id_account_no_key", "(carrier_id, account_no)=({idx}, {sub})"),
        (see("sentry.error", 2), see("splunk", **SPL), see("datadog.log", 2, **DD_MSG)),
        classes=(1, 4), pair="nd-shipment-ref-dup", entry="POST /v1/carrier-accounts", log=UNEXPECTED.replace("{msg}", 'Error executing PERSIST: ERROR: duplicate key value violates unique constraint "carrier_accounts_carrier_id_account_no_key"'), logger=RE),
    # "Read Timeout" from two declarative clients.
    Bug("nd-dpd-label-timeout", "rates-service", (jexc("io.micronaut.http.client.exceptions.ReadTimeoutException", "Read Timeout", (*NETTY, *ctl("LabelController", "create", 29), a("rates.labels.LabelService", "viaDpd", 52), gen("rates.carriers.dpd.DpdClient$Intercepted", "createLabel"), *CLIENT_TIMEOUT)),),
        (see("sentry.error", 3), see("splunk", **SPL), see("datadog.log", **DD_STACK), see("datadog.apm", **APM)),
        classes=(1, 9), pair="nd-evri-label-timeout", entry="POST /v1/labels", log=UNEXPECTED.replace("{msg}", "Read Timeout"), logger=RE),
    Bug("nd-evri-label-timeout", "rates-service", (jexc("io.micronaut.http.client.exceptions.ReadTimeoutException", "Read Timeout", (*NETTY, *ctl("LabelController", "create", 29), a("rates.labels.LabelService", "viaEvri", 77), gen("rates.carriers.evri.EvriClient$Intercepted", "createLabel"), *CLIENT_TIMEOUT)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD_MSG), see("datadog.log", **DD_STACK)),
        classes=(1, 9), pair="nd-dpd-label-timeout", entry="POST /v1/labels", log=UNEXPECTED.replace("{msg}", "Read Timeout"), logger=RE),
    # One Kafka listener, two exceptions.
    Bug("nd-scan-json", "tracking-consumer", (jexc("com.fasterxml.jackson.databind.exc.MismatchedInputException", 'Cannot deserialize value of type `java.time.Instant` from Array value (token `JsonToken.START_ARRAY`)\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: {n}] (through reference chain: com.dunmallet.tracking.ScanEvent["scannedAt"])', (*KAFKA, a("tracking.ScanMapper", "read", 23), jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3828), jl("com.fasterxml.jackson.databind.exc.MismatchedInputException", "from", 63))),),
        (see("sentry.error", 3), see("splunk", **dict(SPL, **KT)), see("datadog.log", **dict(DD_MSG, **KT)), see("datadog.apm", **APM)),
        classes=(1, 2), pair="nd-scan-date", entry="scans.v1", log=K_LOG.replace("{msg}", "Cannot deserialize value of type `java.time.Instant` from Array value (token `JsonToken.START_ARRAY`)"), logger=K_LOGGER),
    Bug("nd-scan-date", "tracking-consumer", (jexc("java.time.format.DateTimeParseException", "Text '{date} 14:02' could not be parsed at index 2", (*KAFKA, a("tracking.ScanMapper", "read", 31), jl("java.time.LocalDateTime", "parse", 492), jl("java.time.format.DateTimeFormatter", "parseResolved0", 2108))),),
        (see("sentry.error", 2), see("splunk", 2, **dict(SPL, **KT)), see("datadog.log", **dict(DD_STACK, **KT))),
        classes=(1, 2), pair="nd-scan-json", entry="scans.v1", log=K_LOG.replace("{msg}", "Text '{date} 14:02' could not be parsed at index 2"), logger=K_LOGGER),
    # One money helper (java.util.Currency) under two callers.
    Bug("nd-invoice-currency", "rates-service", (jexc("java.lang.IllegalArgumentException", "", (*NETTY, *ctl("InvoiceController", "export", 62), a("rates.invoice.InvoiceExporter", "row", 88), MONEY, CURRENCY)),),
        (see("sentry.error", 3), see("splunk", **SPL), see("datadog.log", **DD_STACK)),
        classes=(1, 9), pair="nd-quote-dto-currency", entry="GET /v1/invoices/{id}/export", log="Unexpected error occurred: null", logger=RE),
    Bug("nd-quote-dto-currency", "rates-service", (jexc("java.lang.IllegalArgumentException", "", (*NETTY, *ctl("QuoteController", "get", 74), a("rates.quote.QuoteMapper", "toDto", 31), MONEY, CURRENCY)),),
        (see("sentry.error", 2), see("splunk", **SPL_ROOT), see("datadog.log", 2, **DD_STACK)),
        classes=(1, 9), pair="nd-invoice-currency", entry="GET /v1/quotes/{id}", log="Unexpected error occurred: null", logger=RE),
    # Not paired.
    Bug("nd-sla-pool-exhausted", "rates-service", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting}).", (*SCHEDULED, a("rates.sla.SlaRepository", "overdue", 19), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))),),
        (see("sentry.error", 2), see("splunk", 2, **dict(SPL, thread="scheduled-executor-thread-1")), see("datadog.log", **dict(DD_MSG, thread="scheduled-executor-thread-1"))),
        classes=(1,), entry="SlaSweeper.sweep", log="Error invoking scheduled task for bean [com.dunmallet.rates.sla.SlaSweeper@{args}] HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting}).", logger="io.micronaut.scheduling.exceptions.TaskExceptionHandler"),
    Bug("nd-postcode-not-found", "rates-service", (jexc("io.micronaut.http.client.exceptions.HttpClientResponseException", "Client 'postcodes': Not Found", (*NETTY, *ctl("AddressController", "lookup", 21), a("rates.address.AddressService", "resolve", 35), gen("rates.address.PostcodeClient$Intercepted", "find"), jl("io.micronaut.http.client.netty.DefaultHttpClient", "lambda$exchange$10", 1092))),),
        (see("sentry.error", 2), see("splunk", **SPL), see("datadog.log", **DD_MSG)),
        classes=(1,), entry="GET /v1/addresses", log=UNEXPECTED.replace("{msg}", "Client 'postcodes': Not Found"), logger=RE),
    Bug("nd-zone-cache-dup-key", "rates-service", (jexc("java.lang.IllegalStateException", "Duplicate key GB-{zone} (attempted merging values Zone[code=GB-{zone}, band=B] and Zone[code=GB-{zone}, band=C])", (*SCHEDULED[:2], jl("io.micronaut.scheduling.processor.ScheduledMethodProcessor", "lambda$process$5", 130), gen("rates.zones.$ZoneCache$Definition$Exec", "dispatch"), a("rates.zones.ZoneCache", "reload", 54), jl("java.util.stream.Collectors", "duplicateKeyException", 135))),),
        (see("sentry.error", 3), see("splunk", **dict(SPL, thread="scheduled-executor-thread-2")), see("datadog.log", **dict(DD_STACK, thread="scheduled-executor-thread-2"))),
        classes=(1,), entry="ZoneCache.reload", log="Error invoking scheduled task for bean [com.dunmallet.rates.zones.ZoneCache@{args}] Duplicate key GB-{zone} (attempted merging values Zone[code=GB-{zone}, band=B] and Zone[code=GB-{zone}, band=C])", logger="io.micronaut.scheduling.exceptions.TaskExceptionHandler"),
    Bug("nd-commit-failed", "tracking-consumer", (jexc("org.apache.kafka.clients.consumer.CommitFailedException", "Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.", (*KAFKA[:5], jl("org.apache.kafka.clients.consumer.KafkaConsumer", "commitSync", 1062), jl("org.apache.kafka.clients.consumer.internals.ConsumerCoordinator", "commitOffsetsSync", 1197))),),
        (see("sentry.error", 2), see("splunk", **dict(SPL, **KT)), see("datadog.log", **dict(DD_MSG, **KT))),
        classes=(1,), entry="scans.v1", log="Kafka consumer [com.dunmallet.tracking.ScanListener@{args}] failed to commit offsets: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.", logger="io.micronaut.configuration.kafka.processor.ConsumerState"),
    Bug("nd-singleton-route-overflow", "rates-service", (jexc("java.lang.StackOverflowError", "", (*NETTY, *ctl("RouteController", "plan", 18), *(a("rates.routing.HubGraph", "walk", 47) for _ in range(6)))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/routes/plan"),
]

NOISE = [
    Noise("nd-noise-startup", "rates-service", "splunk", {**SPL, "line": '{"insertId":"{hex}","jsonPayload":{"message":"Startup completed in 2314ms. Server Running: http://rates-service-7d9f8c6b5-{args}:8080","logger_name":"io.micronaut.runtime.Micronaut","thread_name":"main"},"resource":{"type":"k8s_container","labels":{"project_id":"dunmallet-freight-prod","cluster_name":"freight-prod","namespace_name":"freight","container_name":"rates-service"}},"timestamp":"{ts}","severity":"INFO","logName":"projects/dunmallet-freight-prod/logs/stdout"}'}),
    Noise("nd-noise-dd-recovered", "rates-service", "datadog.log", {"monitor": "[freight] ERROR logs on GKE", "transition": "Recovered", "alert_type": "success", "team": "freight", "filter": "source:gcp.k8s.container @data.resource.labels.namespace_name:freight status:error", "text": "Recovered: freight ERROR logs back under 5 in 5 minutes."}),
    Noise("nd-noise-sentry-issue-resolved", "tracking-consumer", "sentry.metric", {"rule": "tracking-consumer errors", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

DUNMALLET = Company(
    key="nd",
    name="Dunmallet Freight",
    domain="dunmallet.example",
    sentry_org="dunmallet-freight",
    splunk_url="https://dunmallet.splunkcloud.example",
    splunk_guid="5E9B3D07-2A6C-4F81-B7D4-0C8E1F6A2B95",
    datadog_org=("1213003", "Dunmallet Freight"),
    datadog_template="nested",
    posthog_project=(0, ""),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dunmallet-sentry-client-secret",
)
# fmt: on
