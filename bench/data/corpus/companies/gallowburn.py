"""(cd) Gallowburn Water, a regional water utility's smart-meter platform: two Dropwizard 4
services on Java 21 (Jetty 11, Jersey 3, JDBI 3 over PostgreSQL through tomcat-jdbc):
``meter-api`` (accounts, meters, leak reports, on-demand reads from the meters' head-end
systems) and ``readings-importer`` (``Managed`` scheduled pollers fetching the head-ends' CSV
files over SFTP and HTTP, a leak-alert feed, the monthly bill estimate run).

Sentry: sentry-logback (the appender on ERROR: a resource's failure reaches Sentry as Jersey's
``LoggingExceptionMapper`` logs it, a poller's as the poller logs it; one JVM crash through
the uncaught-exception handler). Splunk: the API's Dropwizard default console pattern on stdout
(``%-5p [%d{ISO8601,UTC}] %c: %m%n%rEx``, the trace root cause first and prefixed ``! ``),
the importer's Dropwizard JSON layout (the same trace text in ``exception``), and the Jetty
request log (logback-access). Datadog: a template nesting the alert in one object
(``text`` the plain message), log monitors pasting ``{{log.message}}`` (so the root cause's
first lines), by kind, and dd-java-agent's APM. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.logback", "7.18.1", "maven:io.sentry:sentry-logback")
SERVICES = {
    "meter-api": Service("meter-api", "java", "cd-dropwizard", "gallowburn:dropwizard", "/var/log/containers/meter-api.log", "gw_prod", 4418031, "OpenJDK 21.0.5", framework="generic", sdk=SDK),
    "readings-importer": Service("readings-importer", "java", "cd-dropwizard-json", "gallowburn:dropwizard:json", "/var/log/containers/readings-importer.log", "gw_prod", 4418032, "OpenJDK 21.0.5", framework="generic", sdk=SDK),
}

API = "com.gallowburn.meters.api."
IMP = "com.gallowburn.meters.importer."

# A Jersey resource method under Jetty (oldest first).
JERSEY = (
    jl("java.lang.Thread", "run", 1583),
    jl("org.eclipse.jetty.util.thread.QueuedThreadPool$Runner", "run", 1149),
    jl("org.eclipse.jetty.server.HttpChannel", "handle", 479),
    jl("org.eclipse.jetty.server.handler.HandlerWrapper", "handle", 122),
    jl("io.dropwizard.jetty.RoutingHandler", "handle", 52),
    jl("org.eclipse.jetty.servlet.ServletHolder", "handle", 750),
    jl("org.glassfish.jersey.servlet.ServletContainer", "service", 358),
    jl("org.glassfish.jersey.server.ServerRuntime$1", "run", 266),
    jl("org.glassfish.jersey.server.model.ResourceMethodInvoker", "apply", 398),
    jl("org.glassfish.jersey.server.model.internal.AbstractJavaResourceMethodDispatcher", "invoke", 93),
    jl("java.lang.reflect.Method", "invoke", 580),
)
# A Managed service's ScheduledExecutorService running a poller.
SCHEDULED = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("java.util.concurrent.FutureTask", "runAndReset", 358),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 572),
)


def res(cls: str, method: str, line: int) -> Frame:
    return jv(API + "resources." + cls, method, line)


def imp(cls: str, method: str, line: int) -> Frame:
    return jv(IMP + cls, method, line)


def proxy(method: str, n: int) -> Frame:
    """A JDBI SqlObject's JDK proxy: no source."""
    return Frame(method, "", -1, f"jdk.proxy2.$Proxy{n}", False)


JDBI_CALL = (
    jl("org.jdbi.v3.sqlobject.internal.SqlObjectInitData$1", "lambda$invoke$0", 251),
    jl("org.jdbi.v3.core.internal.Invocations", "invokeWith", 47),
    jl("org.jdbi.v3.sqlobject.statement.internal.CustomizingStatementHandler", "invoke", 185),
    jl("org.jdbi.v3.sqlobject.statement.internal.SqlUpdateHandler", "internalInvoke", 79),
)
PG_EXECUTE = (
    jl("org.jdbi.v3.core.statement.SqlStatement", "internalExecute", 1791),
    jl("org.apache.tomcat.jdbc.pool.StatementFacade$StatementProxy", "invoke", 118),
    jl("org.postgresql.jdbc.PgPreparedStatement", "execute", 167),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 525),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2420),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)


def jdbi_unique(outer: tuple[Frame, ...], dao: str, method: str, constraint: str, key: str, sql: str) -> tuple[Exc, Exc]:
    """A SqlObject ``@SqlUpdate`` violating a unique constraint: PgJDBC's PSQLException under
    JDBI's UnableToExecuteStatementException (the statement and its bindings in the message)."""
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key {key} already exists.'
    head = (*outer, proxy(method, 71), *JDBI_CALL)
    cause = jexc("org.postgresql.util.PSQLException", pg, (*head, *PG_EXECUTE))
    wrapper = jexc("org.jdbi.v3.core.statement.UnableToExecuteStatementException", f'org.postgresql.util.PSQLException: {pg} [statement:"{sql}", arguments:{{positional:{{}}, named:{{{dao}}}, finder:[]}}]', (*head, jl("org.jdbi.v3.core.statement.SqlStatement", "internalExecute", 1797)))
    return cause, wrapper


# Every head-end call goes through one client: its fetch() is the innermost app frame of both timeouts.
HEADEND_FETCH = jv("com.gallowburn.meters.headend.HeadEndClient", "fetch", 73)
JERSEY_CLIENT = (
    jl("org.glassfish.jersey.client.JerseyInvocation$Builder", "get", 334),
    jl("org.glassfish.jersey.client.JerseyInvocation", "invoke", 765),
    jl("org.glassfish.jersey.client.ClientRuntime", "invoke", 298),
)
SOCKET_READ = (
    jl("io.dropwizard.client.DropwizardApacheConnector", "apply", 109),
    jl("org.apache.hc.client5.http.impl.classic.CloseableHttpClient", "execute", 106),
    jl("org.apache.hc.core5.http.impl.io.BHttpConnectionBase", "receiveResponseHeader", 298),
    jl("sun.nio.ch.NioSocketImpl", "timedRead", 288),
)


def read_timeout(outer: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    cause = jexc("java.net.SocketTimeoutException", "Read timed out", (*outer, HEADEND_FETCH, *JERSEY_CLIENT, *SOCKET_READ))
    thrown = jexc("jakarta.ws.rs.ProcessingException", "java.net.SocketTimeoutException: Read timed out", (*outer, HEADEND_FETCH, *JERSEY_CLIENT, jl("org.glassfish.jersey.client.ClientRuntime", "invoke", 313)))
    return cause, thrown


NO_VALUE = "No value present"
OR_ELSE = jl("java.util.Optional", "orElseThrow", 377)
NPE_TARIFF = 'Cannot invoke "com.gallowburn.meters.core.Tariff.getStandingChargePence()" because the return value of "com.gallowburn.meters.core.Account.getTariff()" is null'
MAPPER = "io.dropwizard.jersey.errors.LoggingExceptionMapper"
APP_SEARCH = {"search": "gallowburn ERROR events"}
TEAM = {"team": "meters"}
SAMPLE = {"monitor": "meter-api error logs", "style": "sample", "filter": "service:meter-api status:error", **TEAM}
IMPORTER_MON = {"monitor": "readings-importer failures", "style": "sample", "filter": "service:readings-importer status:error", **TEAM}
IMPORTER_STACK = {**IMPORTER_MON, "style": "stack", "lines": 8}
BY_LOGGER = "gallowburn errors by logger (24h)"
KINDS = {"monitor": "meter-api error kinds", "style": "kind", "filter": "service:meter-api status:error", **TEAM}

BUGS = [
    # Two unique constraints: a head-end re-sending a reading; a customer reporting one leak twice.
    Bug("cd-reading-dup", "readings-importer", jdbi_unique((*SCHEDULED, imp("jobs.ReadingsPoller", "run", 57), imp("parse.ReadingFileImporter", "importFile", 92), imp("db.ReadingStore", "saveBatch", 38)), "meterId:MTR-{id}, readAt:2026-11-1{idx}T00:30Z, litres:{n}", "insert", "readings_meter_id_read_at_key", "(meter_id, read_at)=(MTR-{id}, 2026-11-1{idx} 00:30:00+00)", "INSERT INTO readings (meter_id, read_at, litres) VALUES (:meterId, :readAt, :litres)"),
        (see("sentry.error", 3), see("splunk", 2, **APP_SEARCH), see("datadog.log", 2, **IMPORTER_MON)),
        classes=(4,), pair="cd-leak-ref-dup", entry="ReadingsPoller", handled=True, log="Import of head-end file readings-{id}.csv failed", logger=IMP + "jobs.ReadingsPoller"),
    Bug("cd-leak-ref-dup", "meter-api", jdbi_unique((*JERSEY, res("LeakReportResource", "create", 61), jv(API + "leaks.LeakService", "report", 44)), "reference:LK-{id}, accountId:{user}, severity:HIGH", "insertReport", "leak_reports_reference_key", "(reference)=(LK-{id})", "INSERT INTO leak_reports (reference, account_id, severity, reported_at) VALUES (:reference, :accountId, :severity, now())"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **APP_SEARCH), see("datadog.log", **SAMPLE)),
        classes=(4,), pair="cd-reading-dup", entry="POST /v1/leaks", handled=True),
    # The helpful NPE sentence, word for word, in the API's estimator and the importer's bill run.
    Bug("cd-estimate-tariff-npe", "meter-api", (jexc("java.lang.NullPointerException", NPE_TARIFF, (*JERSEY, res("AccountResource", "estimate", 88), jv(API + "billing.BillEstimator", "estimate", 52))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **APP_SEARCH), see("datadog.log", **KINDS), see("datadog.apm", style="type", **TEAM)),
        classes=(4, 5), pair="cd-billrun-tariff-npe", entry="GET /v1/accounts/{account_id}/estimate", handled=True, span=2, renames={"estimate": "estimateNextBill"}),
    Bug("cd-billrun-tariff-npe", "readings-importer", (jexc("java.lang.NullPointerException", NPE_TARIFF, (*SCHEDULED, imp("jobs.MonthlyEstimateRun", "run", 41), imp("billing.EstimateWriter", "write", 66))),),
        (see("sentry.error", 3), see("splunk", 2, **APP_SEARCH), see("splunk", search=BY_LOGGER, stats={"logger": IMP + "jobs.MonthlyEstimateRun", "level": "ERROR", "count": "{n}"})),
        classes=(4,), pair="cd-estimate-tariff-npe", entry="MonthlyEstimateRun", handled=True, log="Estimate run aborted at account {user}", logger=IMP + "jobs.MonthlyEstimateRun"),
    # Two head-end timeouts ending in one client: the importer's poll and the API's on-demand read.
    Bug("cd-poll-headend-timeout", "readings-importer", read_timeout((*SCHEDULED, imp("jobs.ReadingsPoller", "run", 49), imp("headend.HeadEndFiles", "listNew", 33))),
        (see("sentry.error", 3), see("splunk", 2, **APP_SEARCH), see("datadog.log", **IMPORTER_MON)),
        classes=(9,), pair="cd-ondemand-headend-timeout", entry="ReadingsPoller", handled=True, log="Head-end poll failed for arqiva-south", logger=IMP + "jobs.ReadingsPoller"),
    Bug("cd-ondemand-headend-timeout", "meter-api", read_timeout((*JERSEY, res("MeterResource", "readNow", 71), jv(API + "meters.OnDemandReads", "request", 29))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **APP_SEARCH), see("datadog.apm", style="route", **TEAM)),
        classes=(9,), pair="cd-poll-headend-timeout", entry="POST /v1/meters/{meter_id}/reads", handled=True),
    # One parser line, two exceptions: a comma decimal, an hour 24 timestamp.
    Bug("cd-parse-comma-decimal", "readings-importer", (jexc("java.lang.NumberFormatException", 'Character , is neither a decimal digit number, decimal point, nor "e" notation exponential mark.', (*SCHEDULED, imp("jobs.ReadingsPoller", "run", 57), imp("parse.ReadingFileImporter", "importFile", 84), imp("parse.ReadingParser", "parseLine", 41), jl("java.math.BigDecimal", "<init>", 608), jl("java.math.BigDecimal", "<init>", 497))),),
        (see("sentry.error", 3), see("splunk", 2, **APP_SEARCH), see("datadog.log", **IMPORTER_STACK)),
        classes=(4,), pair="cd-parse-hour-24", entry="ReadingsPoller", handled=True, log="Reading file readings-{id}.csv rejected", logger=IMP + "parse.ReadingFileImporter"),
    Bug("cd-parse-hour-24", "readings-importer", (jexc("java.time.format.DateTimeParseException", "Text '2026-11-1{idx}T24:00:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24", (*SCHEDULED, imp("jobs.ReadingsPoller", "run", 57), imp("parse.ReadingFileImporter", "importFile", 84), imp("parse.ReadingParser", "parseLine", 36), jl("java.time.LocalDateTime", "parse", 492), jl("java.time.format.DateTimeFormatter", "parse", 2010), jl("java.time.format.DateTimeFormatter", "createError", 2084))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **APP_SEARCH)),
        classes=(4,), pair="cd-parse-comma-decimal", entry="ReadingsPoller", handled=True, span=2, log="Reading file readings-{id}.csv rejected", logger=IMP + "parse.ReadingFileImporter"),
    # Optional.orElseThrow in two resources: both under one monitor that shows only kind and message.
    Bug("cd-latest-reading-empty", "meter-api", (jexc("java.util.NoSuchElementException", NO_VALUE, (*JERSEY, res("MeterResource", "latest", 48), OR_ELSE)),),
        (see("sentry.error", 3), see("splunk", 2, **APP_SEARCH), see("datadog.log", 2, **KINDS)),
        classes=(4,), pair="cd-balance-empty", entry="GET /v1/meters/{meter_id}/latest", handled=True, logger=MAPPER),
    Bug("cd-balance-empty", "meter-api", (jexc("java.util.NoSuchElementException", NO_VALUE, (*JERSEY, res("AccountResource", "balance", 37), jv(API + "billing.BalanceService", "current", 25), OR_ELSE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **APP_SEARCH), see("datadog.log", 2, **KINDS)),
        classes=(4,), pair="cd-latest-reading-empty", entry="GET /v1/accounts/{account_id}/balance", handled=True, logger=MAPPER),
    # tomcat-jdbc's pool empty at the morning estimate peak; the thread name carries the request.
    Bug("cd-pool-exhausted", "meter-api", (jexc("org.apache.tomcat.jdbc.pool.PoolExhaustedException", "[dw-{n} - GET /v1/accounts/{id}/balance] Timeout: Pool empty. Unable to fetch a connection in 30 seconds, none available[size:32; busy:32; idle:0; lastwait:30000].", (*JERSEY, res("AccountResource", "balance", 35), jl("org.jdbi.v3.core.Jdbi", "open", 319), jl("io.dropwizard.db.ManagedPooledDataSource", "getConnection", 62), jl("org.apache.tomcat.jdbc.pool.ConnectionPool", "getConnection", 198), jl("org.apache.tomcat.jdbc.pool.ConnectionPool", "borrowConnection", 729))), jexc("org.jdbi.v3.core.ConnectionException", "org.apache.tomcat.jdbc.pool.PoolExhaustedException: [dw-{n} - GET /v1/accounts/{id}/balance] Timeout: Pool empty. Unable to fetch a connection in 30 seconds, none available[size:32; busy:32; idle:0; lastwait:30000].", (*JERSEY, res("AccountResource", "balance", 35), jl("org.jdbi.v3.core.Jdbi", "open", 342)))),
        (see("sentry.error", 3), see("splunk", 2, **APP_SEARCH), see("splunk", half=True, **APP_SEARCH), see("datadog.apm", style="type", **TEAM), see("datadog.log", **SAMPLE)),
        classes=(10,), entry="GET /v1/accounts/{account_id}/balance", handled=True),
    # The SFTP head-end rotated its host key and user: every release since renamed the fetcher.
    Bug("cd-sftp-auth", "readings-importer", (jexc("net.schmizz.sshj.userauth.UserAuthException", "Exhausted available authentication methods", (*SCHEDULED, imp("jobs.SftpPoller", "run", 38), imp("sftp.SftpFetcher", "connect", 44), jl("net.schmizz.sshj.SSHClient", "auth", 232), jl("net.schmizz.sshj.SSHClient", "authPublickey", 305))),),
        (see("sentry.error", 2), see("sentry.error", 2, release=2), see("splunk", 2, **APP_SEARCH), see("datadog.log", **IMPORTER_MON), see("datadog.log", release=2, **IMPORTER_STACK)),
        classes=(5,), entry="SftpPoller", handled=True, span=3, renames={"connect": "openSession"}, log="SFTP poll of sensus-north failed", logger=IMP + "jobs.SftpPoller"),
    # The leak feed sending a severity the enum does not know.
    Bug("cd-leak-feed-enum", "readings-importer", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `com.gallowburn.meters.core.LeakSeverity` from String "URGENT": not one of the values accepted for Enum class: [LOW, MEDIUM, HIGH, CRITICAL]\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: {n}] (through reference chain: com.gallowburn.meters.importer.feed.LeakAlert["severity"])', (*SCHEDULED, imp("jobs.LeakFeedPoller", "run", 31), imp("feed.LeakFeedClient", "next", 58), jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3848), jl("com.fasterxml.jackson.databind.exc.InvalidFormatException", "from", 67))),),
        (see("sentry.error", 2), see("sentry.error", in_app="none"), see("splunk", 2, **APP_SEARCH), see("splunk", search=BY_LOGGER, stats={"logger": IMP + "jobs.LeakFeedPoller", "level": "ERROR", "count": "{n}"})),
        entry="LeakFeedPoller", handled=True, log="Leak feed message skipped", logger=IMP + "jobs.LeakFeedPoller"),
    # Jetty's request log of slow meter-history reads: one template, numbers of every length.
    Bug("cd-slow-history", "meter-api", (),
        (see("splunk", 4, search="meter-api slow requests (request log)", line='{ip} - - [{clf}] "GET /v1/meters/MTR-{id}/readings?from=2026-0{idx}-01 HTTP/1.1" 200 {offset} "-" "okhttp/4.12.0" {ms}'),),
        classes=(7,)),
    # Seen once: a head-end file of 9 million rows read into one list.
    Bug("cd-importer-oom", "readings-importer", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*SCHEDULED, imp("jobs.ReadingsPoller", "run", 57), imp("parse.ReadingFileImporter", "importFile", 79), jl("java.util.ArrayList", "add", 484), jl("java.util.Arrays", "copyOf", 3541))),),
        (see("sentry.error", mechanism="UncaughtExceptionHandler"),),
        singleton=True, entry="ReadingsPoller"),
]

NOISE = [
    Noise("cd-noise-started", "meter-api", "splunk", {**APP_SEARCH, "search": "gallowburn INFO startup", "line": "INFO  [{gts},{millis}] org.eclipse.jetty.server.Server: Started Server@6b0d80ed{STARTING}[11.0.24,sto=30000] @{ms}ms"}),
    Noise("cd-noise-poll-empty", "readings-importer", "splunk", {**APP_SEARCH, "search": "gallowburn importer heartbeat", "line": '{"timestamp":{epochms},"level":"INFO","thread":"readings-poller-1","logger":"com.gallowburn.meters.importer.jobs.ReadingsPoller","message":"Poll complete for head-end arqiva-south: 0 new files"}'}),
    Noise("cd-noise-recovered", "meter-api", "datadog.log", {**SAMPLE, "transition": "Recovered", "text": "meter-api error logs are back to normal."}),
]

GALLOWBURN = Company(
    key="cd",
    name="Gallowburn Water",
    domain="gallowburn.example",
    sentry_org="gallowburn",
    splunk_url="https://gallowburn.splunkcloud.com",
    splunk_guid="A7C03E58-91B4-4D2F-86E0-3F5B9C12D7A4",
    datadog_org=("655204", "Gallowburn Water"),
    datadog_template="nested",
    posthog_project=(0, ""),
    releases=("4.18.0", "4.18.2", "4.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gallowburn-sentry-client-secret",
)
