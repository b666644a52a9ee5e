"""(fh) Frizington Water, a water utility's meter readings and billing: Java 21 on Quarkus 3.15
in Kubernetes. ``readings-api`` (RESTEasy Reactive, Hibernate Reactive with Panache over the
reactive Postgres client, on Vert.x event loops), ``billing-consumer`` (SmallRye Reactive
Messaging on Kafka: ``meter-readings`` and ``tariff-changes``) and ``portal-bff`` (RESTEasy
Reactive with the reactive REST client, calling the other two).

The API and the consumer log through quarkus-logging-json with the default ``detailed``
exception output: the exception as an object (``exceptionType``, ``message``, ``frames`` of
class/method/line, ``causedBy``), no trace text (``fh-quarkus-json``); the BFF keeps the default
console pattern with abbreviated categories and ``QuarkusErrorHandler``'s error ids
(``fh-quarkus-text``). Sentry: quarkus-logging-sentry (sentry-jul) on all three. Datadog:
dd-java-agent APM monitors and log monitors rendering the JSON attributes. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

SDK = ("sentry.java.jul", "7.16.0", "maven:io.sentry:sentry-jul")
# fmt: off
SERVICES = {
    "readings-api": Service("readings-api", "java", "fh-quarkus-json", "kube:container:readings-api", "/var/log/containers/readings-api.log", "fh_prod", 5520331, "OpenJDK 21.0.5", framework="generic", sdk=SDK),
    "billing-consumer": Service("billing-consumer", "java", "fh-quarkus-json", "kube:container:billing-consumer", "/var/log/containers/billing-consumer.log", "fh_prod", 5520332, "OpenJDK 21.0.5", framework="generic", sdk=SDK),
    "portal-bff": Service("portal-bff", "java", "fh-quarkus-text", "kube:container:portal-bff", "/var/log/containers/portal-bff.log", "fh_prod", 5520333, "OpenJDK 21.0.5", framework="generic", sdk=SDK),
}

P = "com.frizington."
# RESTEasy Reactive on a Vert.x event loop down to a resource method returning a Uni.
RESTEASY = (
    jl("io.vertx.core.impl.ContextInternal", "dispatch", 264),
    jl("io.quarkus.vertx.http.runtime.VertxHttpRecorder$1", "handle", 147),
    jl("io.vertx.ext.web.impl.RouterImpl", "handle", 37),
    jl("org.jboss.resteasy.reactive.server.handlers.RestInitialHandler", "beginProcessing", 48),
    jl("org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext", "run", 147),
    jl("org.jboss.resteasy.reactive.server.handlers.InvocationHandler", "handle", 29),
)
# A Uni's item arriving from the Postgres client and mapped by the app (oldest first).
UNI_MAP = (
    jl("io.vertx.pgclient.impl.codec.PgDecoder", "channelRead", 110),
    jl("io.vertx.sqlclient.impl.QueryResultBuilder", "tryComplete", 102),
    jl("io.smallrye.mutiny.operators.uni.builders.UniCreateFromCompletionStage$CompletionStageUniSubscription", "forwardResult", 64),
    jl("io.smallrye.mutiny.operators.uni.UniOnItemTransform$UniOnItemTransformProcessor", "onItem", 36),
)
PG_ERR = (
    jl("io.vertx.pgclient.impl.codec.PgDecoder", "channelRead", 110),
    jl("io.vertx.pgclient.impl.codec.PgDecoder", "decodeError", 246),
    jl("io.vertx.pgclient.impl.codec.ExtendedQueryCommandCodec", "handleErrorResponse", 93),
)
HR_FLUSH = (
    jl("org.hibernate.reactive.session.impl.ReactiveSessionImpl", "reactiveFlush", 1541),
    jl("org.hibernate.reactive.engine.ReactiveActionQueue", "executeActions", 573),
    jl("org.hibernate.reactive.sql.exec.spi.ReactiveMutationExecutor", "lambda$execute$0", 66),
    jl("org.hibernate.reactive.pool.impl.SqlClientConnection", "lambda$convertException$16", 299),
)
KAFKA = (
    jl("io.smallrye.reactive.messaging.kafka.impl.KafkaSource", "lambda$new$1", 179),
    jl("io.smallrye.reactive.messaging.providers.extension.MediatorManager", "lambda$start$0", 261),
    jl("io.smallrye.reactive.messaging.providers.AbstractMediator", "invokeBlocking", 187),
    jl("io.quarkus.smallrye.reactivemessaging.runtime.QuarkusWorkerPoolRegistry$2", "executeWork", 114),
)
REST_CLIENT = (
    jl("org.jboss.resteasy.reactive.client.impl.ClientSendRequestHandler$1", "handle", 389),
    jl("org.jboss.resteasy.reactive.client.handlers.ClientErrorHandler", "handle", 31),
    jl("io.quarkus.rest.client.reactive.runtime.MicroProfileRestClientResponseFilter", "filter", 54),
    jl("io.quarkus.rest.client.reactive.runtime.DefaultMicroprofileRestClientExceptionMapper", "toThrowable", 40),
)


def rd(cls: str, method: str, line: int) -> Frame:
    return jv(P + "readings." + cls, method, line)


def bl(cls: str, method: str, line: int) -> Frame:
    return jv(P + "billing." + cls, method, line)


def pt(cls: str, method: str, line: int) -> Frame:
    return jv(P + "portal." + cls, method, line)


def dup(constraint: str, app: tuple[Frame, ...], sql: str) -> tuple[Exc, ...]:
    return (
        jexc("io.vertx.pgclient.PgException", f'ERROR: duplicate key value violates unique constraint "{constraint}" (23505)', PG_ERR),
        jexc("org.hibernate.exception.ConstraintViolationException", f'error executing SQL statement [ERROR: duplicate key value violates unique constraint "{constraint}" (23505)] [{sql}]', (*RESTEASY, *app, *HR_FLUSH)),
    )


S_API = dict(search="frizington - readings-api errors", app="frizington")
S_BILL = dict(search="frizington - billing-consumer errors", app="frizington")
S_BFF = dict(search="frizington - portal errors", app="frizington")
DD_API = dict(team="metering", monitor="[readings-api] error logs", filter="service:readings-api status:error", text="**{{log.attributes.exception.exceptionType}}**: {{log.attributes.exception.message}}\n\nlogger: {{log.attributes.loggerName}} on {{log.host}}")
DD_BILL = dict(team="billing", monitor="[billing-consumer] failed messages", filter="service:billing-consumer status:error", text="{{log.attributes.message}}\n\n{{log.attributes.exception.exceptionType}}: {{log.attributes.exception.message}}")
DD_BFF = dict(team="portal", monitor="[portal-bff] 5xx error logs", filter="service:portal-bff status:error", text="New errors on portal-bff:\n\n```\n{{log.message}}\n```", sample_lines=3)
APM_API = dict(team="metering", monitor="[readings-api] error spans", style="message")
APM_BFF = dict(team="portal", monitor="[portal-bff] error rate by route", style="route")

NPE = 'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because the return value of "{cls}.getUnitRate()" is null'
SERVICE_503 = "Received: 'Service Unavailable, status code 503' when invoking: Rest Client method: '{m}'"

BUGS = [
    # Unique violations through Hibernate Reactive's flush: meters and accounts.
    Bug("fh-dup-meter", "readings-api", dup("meters_serial_number_key", (rd("MeterResource", "register", 58), rd("MeterService", "lambda$register$2", 41)), "insert into meters (account_id,installed_on,serial_number,id) values ($1,$2,$3,$4)"),
        (see("sentry.error", 2), see("splunk", 3, **S_API), see("datadog.log", **DD_API), see("datadog.apm", **APM_API)),
        classes=(4,), pair="fh-dup-account", entry="POST /meters"),
    Bug("fh-dup-account", "readings-api", dup("accounts_customer_ref_key", (rd("AccountResource", "open", 44), rd("AccountService", "lambda$open$0", 29)), "insert into accounts (customer_ref,opened_on,tariff_code,id) values ($1,$2,$3,$4)"),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(4,), pair="fh-dup-meter", entry="POST /accounts"),
    # A null unit rate multiplied in two classes: a bill estimate and a consumption chart.
    Bug("fh-npe-estimate", "readings-api", (jexc("java.lang.NullPointerException", NPE.replace("{cls}", P + "readings.model.Tariff"), (*RESTEASY, rd("EstimateResource", "estimate", 37), *UNI_MAP, rd("EstimateService", "lambda$estimate$1", 52), rd("EstimateService", "cost", 88))),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("datadog.apm", **APM_API)),
        classes=(4, 5), pair="fh-npe-chart", entry="GET /accounts/{id}/estimate", span=2, renames={"lambda$estimate$1": "lambda$estimate$2"}),
    Bug("fh-npe-chart", "readings-api", (jexc("java.lang.NullPointerException", NPE.replace("{cls}", P + "readings.model.Tariff"), (*RESTEASY, rd("UsageResource", "chart", 29), *UNI_MAP, rd("UsageChartService", "lambda$monthly$0", 66), rd("UsageChartService", "costOf", 91))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(4,), pair="fh-npe-estimate", entry="GET /accounts/{id}/usage"),
    # Two consumer methods under one monitor, two ArithmeticExceptions of BigDecimal.
    Bug("fh-bill-nonterminating", "billing-consumer", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*KAFKA, bl("ReadingConsumer", "onReading", 42), bl("BillCalculator", "dailyAverage", 73), jl("java.math.BigDecimal", "divide", 1780))),),
        (see("sentry.error", 2), see("splunk", 3, **S_BILL), see("datadog.log", 2, **DD_BILL)),
        classes=(2,), pair="fh-tariff-divzero", log="Failed to process reading from meter-readings partition {part} offset {offset}", logger=P + "billing.ReadingConsumer", entry="meter-readings"),
    Bug("fh-tariff-divzero", "billing-consumer", (jexc("java.lang.ArithmeticException", "/ by zero", (*KAFKA, bl("TariffConsumer", "onTariffChange", 35), bl("Proration", "daysRemaining", 27))),),
        (see("sentry.error", 2), see("splunk", 2, **S_BILL), see("datadog.log", 2, **DD_BILL)),
        classes=(2,), pair="fh-bill-nonterminating", log="Failed to process tariff change from tariff-changes partition {part} offset {offset}", logger=P + "billing.TariffConsumer", entry="tariff-changes"),
    # The BFF's REST clients: one 503 from two services.
    Bug("fh-bff-readings-503", "portal-bff", (jexc("org.jboss.resteasy.reactive.ClientWebApplicationException", SERVICE_503.replace("{m}", P + "portal.client.ReadingsClient#latest"), (*REST_CLIENT,)),),
        (see("sentry.error", 2), see("splunk", 3, **S_BFF), see("datadog.log", **DD_BFF), see("datadog.apm", **APM_BFF)),
        classes=(4, 10), pair="fh-bff-billing-503", entry="GET /portal/meter"),
    Bug("fh-bff-billing-503", "portal-bff", (jexc("org.jboss.resteasy.reactive.ClientWebApplicationException", SERVICE_503.replace("{m}", P + "portal.client.BillingClient#statement"), (*REST_CLIENT,)),),
        (see("sentry.error", 2), see("splunk", 2, **S_BFF), see("datadog.log", 2, **DD_BFF)),
        classes=(4, 10), pair="fh-bff-readings-503", entry="GET /portal/statement"),
    # Hibernate Reactive's session used from another event loop.
    Bug("fh-hr-thread", "readings-api", (jexc("java.lang.IllegalStateException", "HR000069: Detected use of the reactive Session from a different Thread than the one which was used to open the reactive Session - this suggests an invalid integration; original thread [{n}]: 'vert.x-eventloop-thread-{idx}' current Thread [{id}]: 'vert.x-eventloop-thread-{part}'", (*RESTEASY, rd("ReadingResource", "submitBatch", 71), rd("ReadingService", "lambda$saveAll$3", 48), jl("org.hibernate.reactive.common.InternalStateAssertions", "assertCurrentThreadMatches", 30))),),
        (see("sentry.error", 3), see("splunk", 3, **S_API), see("datadog.log", 2, **DD_API), see("datadog.apm", **APM_API)),
        entry="POST /readings/batch"),
    # The pool's connection dropped under the reactive client.
    Bug("fh-pg-closed", "readings-api", (jexc("io.vertx.sqlclient.ClosedConnectionException", "Failed to read any response from the server, the underlying connection may have been lost unexpectedly.", (jl("io.vertx.sqlclient.impl.SocketConnectionBase", "handleClosed", 289), jl("io.vertx.sqlclient.impl.SocketConnectionBase", "lambda$init$0", 110))),),
        (see("splunk", 3, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(1,), entry="GET /meters/{id}/readings"),
    # Vert.x's blocked-thread warning: a blocking call on an event loop.
    Bug("fh-blocked-loop", "readings-api", (jexc("io.vertx.core.VertxException", "Thread blocked", (jl("io.vertx.core.impl.ContextInternal", "dispatch", 264), rd("ExportResource", "csv", 33), rd("CsvExporter", "write", 58), jl("java.io.FileOutputStream", "write", 367))),),
        (see("splunk", 3, level="WARN", thread="vertx-blocked-thread-checker", **S_API), see("datadog.log", **DD_API)),
        classes=(7,), log="Thread Thread[vert.x-eventloop-thread-{idx},5,main] has been blocked for {ms} ms, time limit is 2000 ms", logger="io.vertx.core.impl.BlockedThreadChecker", entry="GET /exports/readings.csv"),
    # Panache's singleResult() over two lookups that stopped being unique.
    Bug("fh-nonunique-meter", "readings-api", (jexc("org.hibernate.NonUniqueResultException", "Query did not return a unique result: {idx} results were returned", (*RESTEASY, rd("ReadingResource", "submit", 39), *UNI_MAP, rd("Meter", "lambda$findBySerial$0", 31), jl("org.hibernate.query.spi.AbstractSelectionQuery", "uniqueElement", 587))),),
        (see("sentry.error", 2), see("splunk", 3, **S_API), see("datadog.log", 2, **DD_API), see("datadog.apm", **APM_API)),
        classes=(4,), pair="fh-nonunique-account", entry="POST /readings"),
    Bug("fh-nonunique-account", "readings-api", (jexc("org.hibernate.NonUniqueResultException", "Query did not return a unique result: {idx} results were returned", (*RESTEASY, rd("AccountResource", "byCustomer", 62), *UNI_MAP, rd("Account", "lambda$findByCustomerRef$0", 27), jl("org.hibernate.query.spi.AbstractSelectionQuery", "uniqueElement", 587))),),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(4, 9), pair="fh-nonunique-meter", entry="GET /accounts/by-customer/{ref}"),
    # A Uni's ifNoItem().after(3s) on the BFF's usage call: Mutiny's bare TimeoutException.
    Bug("fh-bff-usage-timeout", "portal-bff", (jexc("io.smallrye.mutiny.TimeoutException", "Timeout", (jl("io.vertx.core.impl.VertxImpl$InternalTimerHandler", "handle", 1054), jl("io.smallrye.mutiny.operators.uni.UniBlockingAwait", "await", 62), jl("io.smallrye.mutiny.operators.uni.UniFailOnTimeout$UniFailOnTimeoutSubscriber", "doTimeout", 69))),),
        (see("sentry.error", 2), see("splunk", 2, **S_BFF), see("datadog.log", **DD_BFF), see("datadog.apm", **APM_BFF)),
        classes=(9,), entry="GET /portal/usage"),
    # The consumer killed by its memory limit.
    Bug("fh-consumer-oom", "billing-consumer", (),
        (see("datadog.metric", 2, monitor="[billing-consumer] OOMKilled", scope="kube_deployment:billing-consumer", team="billing", metric="kubernetes.containers.state.terminated", query="max(last_5m):max:kubernetes.containers.state.terminated{kube_deployment:billing-consumer,reason:oomkilled} >= 1", event_type="metric_alert_monitor", status="billing-consumer container OOMKilled", text="A billing-consumer container was OOMKilled ({n} restarts)."),),
        classes=(8,)),
    # A singleton: a read date of 30 February typed into the portal.
    Bug("fh-bff-date", "portal-bff", (jexc("java.time.format.DateTimeParseException", "Text '2026-02-30' could not be parsed: Invalid date 'FEBRUARY 30'", (pt("ReadingForm", "readOn", 24), jl("java.time.LocalDate", "parse", 430))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /portal/readings"),
]

NOISE = [
    Noise("fh-noise-started", "readings-api", "splunk", {"search": "frizington - readings-api errors", "app": "frizington", "line": '{"timestamp":"2026-03-04T06:00:03.412Z","sequence":1142,"loggerClassName":"org.jboss.logging.Logger","loggerName":"io.quarkus","level":"INFO","message":"readings-api 2026.3.2 on JVM (powered by Quarkus 3.15.1) started in 2.318s. Listening on: http://0.0.0.0:8080","threadName":"main","threadId":1,"mdc":{},"ndc":"","hostName":"readings-api-6f7c9d8b5-kq2xz","processName":"quarkus-run.jar","processId":1}'}),
    Noise("fh-noise-deploy", "portal-bff", "datadog.event", {"monitor": "portal-bff deployed", "text": "Argo CD synced portal-bff to 2026.3.2 (2/2 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fh-noise-recovered", "billing-consumer", "datadog.log", {"monitor": "[billing-consumer] failed messages", "transition": "Recovered", "alert_type": "success", "text": "billing-consumer failures are back under the threshold.", "team": "billing"}),
]

FRIZINGTON = Company(
    key="fh",
    name="Frizington Water",
    domain="frizington.example",
    sentry_org="frizington",
    splunk_url="https://frizington.splunkcloud.com",
    splunk_guid="6C2E8A19-D4F7-4B05-9A3E-F1B7C60D2854",
    datadog_org=("733510", "Frizington Water"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="frizington-sentry-client-secret",
)
# fmt: on
