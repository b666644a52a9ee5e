"""(lq) Xolbury Energy, a small electricity and gas supplier: a Java 17 Micronaut 4 service
(``meter-api``: customers' meter readings, tariff quotes and smart-meter gateway calls over
Micronaut Data JDBC on PostgreSQL and declarative ``@Client`` interfaces, on the IO executor)
and a batch deployment of the same codebase (``billing-batch``: ``@Scheduled`` jobs pricing
the month's readings, importing the network operator's CSV settlement files and sending
bills), on Kubernetes.

Logs: logstash-logback-encoder's ``LogstashEncoder`` to stdout with a
``ShortenedThrowableConverter`` (root cause first, 24 frames per throwable, class names
shortened to 30 characters; the batch deployment's ``logback.xml`` keeps 8 frames), read by
the same OpenTelemetry Collector ``filelog`` receiver and sent to Splunk HEC (one saved search
per deployment). Micronaut's ``RouteExecutor`` logs ``Unexpected error occurred: <message>``
for a route that throws; the jobs log their own messages. Sentry: sentry-logback. Datadog:
one log monitor per deployment (no APM). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import jexc, jl, jv

# fmt: off
SDK = ("sentry.java.logback", "7.8.0", "maven:io.sentry:sentry-logback")
SERVICES = {
    "meter-api": Service("meter-api", "java", "lq-logstash", "kube:container:meter-api", "/var/log/pods/xolbury_meter-api/meter-api/0.log", "xolbury", 10830011, "OpenJDK 17.0.11", framework="micronaut", sdk=SDK),
    "billing-batch": Service("billing-batch", "java", "lq-logstash", "kube:container:billing-batch", "/var/log/pods/xolbury_billing-batch/billing-batch/0.log", "xolbury", 10830012, "OpenJDK 17.0.11", framework="micronaut", sdk=SDK),
}
PKG = "energy.xolbury.meters"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


def route(pkg: str, controller: str, method: str, line: int) -> tuple[Frame, ...]:
    """A blocking controller method on Micronaut 4's IO executor, oldest first."""
    return (
        jl("java.lang.Thread", "run", 840),
        jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635),
        jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136),
        jl("io.micronaut.core.propagation.PropagatedContext", "lambda$wrap$3", 211),
        jl("io.micronaut.core.execution.ExecutionFlow", "lambda$async$1", 87),
        jl("io.micronaut.http.server.RouteExecutor", "lambda$callRoute$5", 451),
        jl("io.micronaut.http.server.RouteExecutor", "executeRouteAndConvertBody", 474),
        jl("io.micronaut.web.router.AbstractRouteMatch", "execute", 305),
        jl("io.micronaut.context.AbstractExecutableMethodsDefinition$DispatchedExecutableMethod", "invoke", 461),
        Frame("dispatch", f"{controller}.java", -1, f"{PKG}.{pkg}.${controller}$Definition$Exec"),
        app(f"{pkg}.{controller}", method, line),
    )


def scheduled(pkg: str, job: str, method: str, line: int) -> tuple[Frame, ...]:
    return (
        jl("java.lang.Thread", "run", 840),
        jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635),
        jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136),
        jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
        jl("java.util.concurrent.FutureTask", "runAndReset", 305),
        jl("java.util.concurrent.Executors$RunnableAdapter", "call", 539),
        jl("io.micronaut.scheduling.processor.ScheduledMethodProcessor", "lambda$process$5", 158),
        jl("io.micronaut.context.AbstractExecutableMethodsDefinition$DispatchedExecutableMethod", "invoke", 461),
        Frame("dispatch", f"{job}.java", -1, f"{PKG}.{pkg}.${job}$Definition$Exec"),
        app(f"{pkg}.{job}", method, line),
    )


def persist(repo: str) -> tuple[Frame, ...]:
    return (
        jv(f"{PKG}.{repo}$Intercepted", "save", -1),
        jl("io.micronaut.aop.chain.MethodInterceptorChain", "proceed", 143),
        jl("io.micronaut.data.intercept.DataIntroductionAdvice", "intercept", 84),
        jl("io.micronaut.data.runtime.intercept.DefaultSaveEntityInterceptor", "intercept", 49),
        jl("io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", "persist", 563),
        jl("io.micronaut.data.runtime.operations.internal.sql.AbstractSqlRepositoryOperations", "executeUpdate", 355),
    )


PG_EXEC = (
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", -1),
    jl("com.zaxxer.hikari.pool.ProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 517),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2420),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)


def duplicate(caller: tuple[Frame, ...], repo: str, constraint: str, detail: str) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    frames = caller + persist(repo)
    return (
        jexc("org.postgresql.util.PSQLException", pg, frames + PG_EXEC),
        jexc("io.micronaut.data.exceptions.DataAccessException", f"Error executing PERSIST: {pg}", frames),
    )


def client(iface: str, method: str) -> tuple[Frame, ...]:
    return (
        jv(f"{PKG}.{iface}$Intercepted", method, -1),
        jl("io.micronaut.aop.chain.MethodInterceptorChain", "proceed", 143),
        jl("io.micronaut.http.client.interceptor.HttpClientIntroductionAdvice", "intercept", 332),
        jl("io.micronaut.http.client.netty.BlockingHttpClientImpl", "exchange", 78),
        jl("reactor.core.publisher.Mono", "block", 1742),
        jl("reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", 104),
    )


RE = "io.micronaut.http.server.RouteExecutor"
UNEXPECTED = "Unexpected error occurred: "
NPE_TARIFF = 'Cannot invoke "energy.xolbury.meters.tariffs.Tariff.getUnitRatePence()" because "tariff" is null'
TIMEOUT = "Read Timeout"
API = {"search": "Xolbury meter-api errors", "owner": "xb_platform", "app": "xolbury"}
BATCH = {"search": "Xolbury billing-batch errors", "owner": "xb_platform", "app": "xolbury"}
DD_API = {"team": "meters", "monitor": "[meter-api] error logs", "filter": "service:meter-api status:error env:prod", "text": "meter-api logged an error on {{log.host}}\n\n{{log.attributes.logger_name}}: {{log.attributes.message}}"}
DD_BATCH = {"team": "meters", "monitor": "[billing-batch] error logs", "filter": "service:billing-batch status:error env:prod", "text": "billing-batch job failed: {{log.attributes.message}}\n\n```\n{{log.attributes.stack_trace}}\n```"}


def spl_api(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **API, **opts)


def spl_batch(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **BATCH, depth=8, **opts)


def dd_api(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_API, **opts)


def dd_batch(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_BATCH, depth=8, **opts)


BUGS = [
    # Duplicate keys on two tables through Micronaut Data's persist.
    Bug("lq-reading-dup", "meter-api", duplicate((*route("readings", "ReadingController", "submit", 47), app("readings.ReadingService", "record", 38)), "readings.MeterReadingRepository", "meter_readings_meter_id_read_on_key", "Key (meter_id, read_on)=({id}, 2026-03-0{idx}) already exists."),
        (see("sentry.error", 3), spl_api(2), dd_api()),
        classes=(1, 4, 9), pair="lq-statement-dup", log=UNEXPECTED + 'Error executing PERSIST: ERROR: duplicate key value violates unique constraint "meter_readings_meter_id_read_on_key"\n  Detail: Key (meter_id, read_on)=({id}, 2026-03-0{idx}) already exists.', logger=RE, entry="POST /accounts/{id}/readings"),
    Bug("lq-statement-dup", "billing-batch", duplicate((*scheduled("billing", "MonthlyBillingJob", "run", 52), app("billing.StatementWriter", "write", 66)), "billing.StatementRepository", "statements_account_id_period_key", "Key (account_id, period)=({id}, 2026-02) already exists."),
        (see("sentry.error", 2), spl_batch(2), dd_batch()),
        classes=(1, 4, 9), pair="lq-reading-dup", log="monthly billing failed for account {id}", logger=f"{PKG}.billing.MonthlyBillingJob", entry="MonthlyBillingJob.run"),
    # The same null tariff in a quote route and in the billing job.
    Bug("lq-quote-null-tariff", "meter-api", (jexc("java.lang.NullPointerException", NPE_TARIFF, (*route("quotes", "QuoteController", "quote", 33), app("quotes.QuoteService", "estimate", 58), app("pricing.UnitPricer", "price", 21))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl_api(2), dd_api()),
        classes=(1, 4, 5), pair="lq-bill-null-tariff", log=UNEXPECTED + NPE_TARIFF, logger=RE, entry="GET /quotes/{postcode}", span=3, renames={"estimate": "estimateAnnual"}),
    Bug("lq-bill-null-tariff", "billing-batch", (jexc("java.lang.NullPointerException", NPE_TARIFF, (*scheduled("billing", "MonthlyBillingJob", "run", 52), app("billing.StatementWriter", "lines", 91), app("pricing.UnitPricer", "price", 21))),),
        (see("sentry.error", 3), spl_batch(2), dd_batch(2)),
        classes=(1, 4), pair="lq-quote-null-tariff", log="monthly billing failed for account {id}", logger=f"{PKG}.billing.MonthlyBillingJob", entry="MonthlyBillingJob.run"),
    # Read timeouts of two declarative clients.
    Bug("lq-gateway-timeout", "meter-api", (jexc("io.micronaut.http.client.exceptions.ReadTimeoutException", TIMEOUT, (*route("smart", "SmartMeterController", "latest", 29), app("smart.SmartReadService", "fetch", 44), *client("smart.DccGatewayClient", "latestReading"))),),
        (see("sentry.error", 3), spl_api(2), dd_api(2)),
        classes=(1, 7, 9), pair="lq-settlement-timeout", log=UNEXPECTED + TIMEOUT, logger=RE, entry="GET /meters/{id}/smart/latest"),
    Bug("lq-settlement-timeout", "billing-batch", (jexc("io.micronaut.http.client.exceptions.ReadTimeoutException", TIMEOUT, (*scheduled("settlement", "SettlementImportJob", "importDay", 36), app("settlement.SettlementFetcher", "download", 28), *client("settlement.ElexonClient", "settlementFile"))),),
        (see("sentry.error", 2), spl_batch(2), dd_batch()),
        classes=(1, 7, 9), pair="lq-gateway-timeout", log="settlement import failed for {date}", logger=f"{PKG}.settlement.SettlementImportJob", entry="SettlementImportJob.importDay"),
    # One CSV line parser, two exceptions, under one search and one monitor.
    Bug("lq-csv-number", "billing-batch", (jexc("java.lang.NumberFormatException", 'For input string: "{n}.5kWh"', (*scheduled("settlement", "SettlementImportJob", "importDay", 36), app("settlement.SettlementCsv", "parseLine", 57), jl("java.lang.Long", "parseLong", 711), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("sentry.error", 3), spl_batch(2), dd_batch(2)),
        classes=(1, 2, 4), pair="lq-csv-date", log="settlement import failed for {date}", logger=f"{PKG}.settlement.SettlementImportJob", entry="SettlementImportJob.importDay"),
    Bug("lq-csv-date", "billing-batch", (jexc("java.time.format.DateTimeParseException", "Text '{date}' could not be parsed at index 2", (*scheduled("settlement", "SettlementImportJob", "importDay", 36), app("settlement.SettlementCsv", "parseLine", 49), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parse", 2052), jl("java.time.format.DateTimeFormatter", "parseResolved0", 2106))),),
        (see("sentry.error", 2), spl_batch(2), dd_batch()),
        classes=(1, 2, 4), pair="lq-csv-number", log="settlement import failed for {date}", logger=f"{PKG}.settlement.SettlementImportJob", entry="SettlementImportJob.importDay"),
    # Optional.get on two lookups.
    Bug("lq-meter-novalue", "meter-api", (jexc("java.util.NoSuchElementException", "No value present", (*route("readings", "ReadingController", "history", 71), app("readings.MeterLookup", "byMpan", 19), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 2), spl_api(2), dd_api()),
        classes=(1, 4), pair="lq-account-novalue", log=UNEXPECTED + "No value present", logger=RE, entry="GET /meters/{id}/readings"),
    Bug("lq-account-novalue", "billing-batch", (jexc("java.util.NoSuchElementException", "No value present", (*scheduled("billing", "BillDispatchJob", "send", 24), app("billing.AccountLookup", "emailFor", 31), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 2), spl_batch(2), dd_batch()),
        classes=(1, 4), pair="lq-meter-novalue", log="bill dispatch failed for account {id}", logger=f"{PKG}.billing.BillDispatchJob", entry="BillDispatchJob.send"),
    # Not pairs.
    Bug("lq-hikari-timeout", "meter-api", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})", (*route("readings", "ReadingController", "submit", 47), app("readings.ReadingService", "record", 35), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))),),
        (see("sentry.error", 3), spl_api(3), dd_api(2)),
        classes=(1, 2, 7), log=UNEXPECTED + "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})", logger=RE, entry="POST /accounts/{id}/readings"),
    Bug("lq-serde-introspection", "meter-api", (jexc("io.micronaut.serde.exceptions.SerdeException", "No deserializable introspection present for type: TariffChange tariffChange. Consider adding Serdeable. Deserializable annotate to type TariffChange tariffChange. Alternatively if you are not in control of the project's source code, you can use @SerdeImport(TariffChange.class) to enable serialization of this type.", (*route("tariffs", "TariffController", "change", 52), jl("io.micronaut.serde.support.DefaultSerdeRegistry", "findDeserializer", 511))),),
        (see("sentry.error", 2), spl_api(2, nostack=True), dd_api()),
        classes=(1, 2), log=UNEXPECTED + "No deserializable introspection present for type: TariffChange tariffChange.", logger=RE, entry="POST /accounts/{id}/tariff", span=2),
    Bug("lq-bill-pdf-oom", "billing-batch", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*scheduled("billing", "BillDispatchJob", "send", 24), app("billing.BillPdf", "render", 77), jl("org.apache.pdfbox.pdmodel.PDDocument", "save", 1290))),),
        (see("sentry.error", 2), spl_batch(2), dd_batch()),
        classes=(1, 2, 10), log="bill dispatch failed for account {id}", logger=f"{PKG}.billing.BillDispatchJob", entry="BillDispatchJob.send"),
    Bug("lq-singleton-mpan-checksum", "meter-api", (jexc("java.lang.IllegalArgumentException", "MPAN check digit mismatch: expected {idx}", (*route("readings", "ReadingController", "register", 88), app("readings.Mpan", "of", 42))),),
        (see("sentry.error"),),
        singleton=True, log=UNEXPECTED + "MPAN check digit mismatch: expected {idx}", logger=RE, entry="POST /meters"),
]

NOISE = [
    Noise("lq-noise-batch-recovered", "billing-batch", "datadog.log", {"monitor": "[billing-batch] error logs", "transition": "Recovered", "alert_type": "success", "team": "meters", "filter": "service:billing-batch status:error env:prod", "text": "billing-batch is no longer logging errors."}),
    Noise("lq-noise-startup", "meter-api", "splunk", {**API, "line": "{\"@timestamp\":\"{tsnaive}\",\"@version\":\"1\",\"message\":\"Startup completed in 1184ms. Server Running: http://meter-api-7d9c5b6f4-k2v8q:8080\",\"logger_name\":\"io.micronaut.runtime.Micronaut\",\"thread_name\":\"main\",\"level\":\"INFO\",\"level_value\":20000}"}),
]

XOLBURY = Company(
    key="lq",
    name="Xolbury Energy",
    domain="xolbury-energy.example",
    sentry_org="xolbury",
    splunk_url="https://xolbury.splunkcloud.com",
    splunk_guid="6F2B8D13-9C4E-4A57-B1D0-5E83A2C7F946",
    datadog_org=("1083001", "Xolbury Energy"),
    datadog_template="recommended",
    posthog_project=(108301, "Xolbury Energy"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="xolbury-sentry-client-secret",
)
# fmt: on
