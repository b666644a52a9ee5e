"""(ie) Askham Energy, a small electricity supplier's meter-reading and billing API: Kotlin 2.0
on Spring Boot 3.3 (``meter-api``: Spring MVC with ``suspend`` controller functions, services on
``Dispatchers.IO``, ``JdbcClient`` over Postgres, ``WebClient`` with ``awaitBody`` to the
tariff service) and a coroutine billing worker in the same codebase (``billing-worker``: bill
runs, PDF upload to S3, mail), OpenJDK 21.

Both log through Spring Boot's default logback console pattern to stdout; the Datadog agent
aggregates the multi-line events. A suspended function resumed on a ``DefaultDispatcher-worker``
thread carries no caller above its continuation (``invokeSuspend``,
``BaseContinuationImpl.resumeWith``). Sentry: sentry-spring-boot-jakarta with
``in-app-includes``, one pod deployed without it. PostHog: posthog-java's
``captureException`` in the ``@RestControllerAdvice``. Datadog: log monitors pasting
``{{log.message}}``. No Splunk, no APM.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import COROUTINE_WORKER, PGJDBC_UPDATE, jexc, jl, jv, kt, ktlib

# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.16.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "meter-api": Service("meter-api", "java", "ie-boot", "", "", "", 7830031, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
    "billing-worker": Service("billing-worker", "java", "ie-boot", "", "", "", 7830032, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
}
PKG = "energy.askham"


def k(cls: str, method: str, line: int) -> Frame:
    return kt(f"{PKG}.{cls}", method, line)


def resumed(cls: str, fn: str, line: int, lambda_no: int = 1) -> tuple[Frame, ...]:
    """A suspend function resumed on a Dispatchers.IO worker: its continuation's invokeSuspend
    (no line: the state machine) and the function itself (oldest first)."""
    return (*COROUTINE_WORKER, jv(f"{PKG}.{cls}${fn}${lambda_no}", "invokeSuspend", 0, kotlin=True), k(cls, fn, line))


def with_io(cls: str, fn: str, line: int) -> tuple[Frame, ...]:
    """The body of ``withContext(Dispatchers.IO) { ... }`` inside ``fn``."""
    return (*COROUTINE_WORKER, k(f"{cls}${fn}$2", "invokeSuspend", line))


JDBC_UPDATE = (
    jl("org.springframework.jdbc.core.simple.DefaultJdbcClient$DefaultStatementSpec", "update", 287),
    jl("org.springframework.jdbc.core.JdbcTemplate", "update", 1002),
    jl("org.springframework.jdbc.core.JdbcTemplate", "execute", 658),
    jl("org.springframework.jdbc.core.JdbcTemplate", "lambda$update$2", 1005),
)
JDBC_TRANSLATE = (
    *JDBC_UPDATE[:3],
    jl("org.springframework.jdbc.core.JdbcTemplate", "translateException", 1570),
    jl("org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator", "translate", 70),
    jl("org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator", "doTranslate", 243),
)


def duplicate(app: tuple[Frame, ...], constraint: str, detail: str, sql: str) -> tuple:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    return (
        jexc("org.postgresql.util.PSQLException", pg, app + JDBC_UPDATE + PGJDBC_UPDATE),
        jexc("org.springframework.dao.DuplicateKeyException", f"PreparedStatementCallback; SQL [{sql}]; {pg}", app + JDBC_TRANSLATE),
    )


REQUIRED = "Required value was null."

LOGMON = {"team": "meters", "monitor": "meter-api errors", "filter": "service:meter-api status:error", "text": "meter-api logged an error on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 6}
LOGMON_SHORT = {**LOGMON, "sample_lines": 3}
WORKER = {"team": "billing", "monitor": "billing-worker errors", "filter": "service:billing-worker status:error", "text": "```\n{{log.message}}\n```", "sample_lines": 8}

BUGS = [
    # requireNotNull in reading submission and in bill estimation.
    Bug("ie-reading-required", "meter-api", (Exc("IllegalStateException", REQUIRED, resumed("readings.ReadingService", "submit", 57), module="java.lang"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.error", in_app="all", release=1), see("posthog", 2), see("datadog.log", **LOGMON)),
        classes=(4, 5), pair="ie-estimate-required", entry="POST /api/v1/meters/{id}/readings", span=3, renames={"submit": "submitReading"}),
    Bug("ie-estimate-required", "meter-api", (Exc("IllegalStateException", REQUIRED, resumed("billing.EstimateService", "estimate", 83), module="java.lang"),),
        (see("sentry.error", 3), see("posthog"), see("datadog.log", **LOGMON_SHORT)),
        classes=(4,), pair="ie-reading-required", entry="GET /api/v1/accounts/{id}/estimate"),
    # Duplicate keys on two tables through JdbcClient.
    Bug("ie-dup-reading", "meter-api", duplicate(with_io("readings.ReadingRepository", "insert", 31), "meter_readings_meter_id_read_at_key", "Key (meter_id, read_at)=({id}, 2026-03-0{idx} 00:00:00+00) already exists.", "INSERT INTO meter_readings (meter_id, read_at, kwh) VALUES (?, ?, ?)"),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ie-dup-account", entry="POST /api/v1/meters/{id}/readings"),
    Bug("ie-dup-account", "meter-api", duplicate(with_io("accounts.AccountRepository", "create", 26), "accounts_email_key", "Key (email)=({email}) already exists.", "INSERT INTO accounts (email, postcode, tariff_code) VALUES (?, ?, ?)"),
        (see("sentry.error", 2), see("posthog"), see("datadog.log", 2, **LOGMON)),
        classes=(4,), pair="ie-dup-reading", entry="POST /api/v1/accounts"),
    # One tariff client: a coroutine timeout, a 503.
    Bug("ie-tariff-timeout", "meter-api", (Exc("TimeoutCancellationException", "Timed out waiting for 5000 ms", resumed("tariffs.TariffClient", "fetch", 44), module="kotlinx.coroutines"),),
        (see("sentry.error", 3), see("posthog"), see("datadog.log", **LOGMON)),
        classes=(9,), pair="ie-tariff-503", log="tariff lookup failed for account {id}", entry="GET /api/v1/accounts/{id}/estimate"),
    Bug("ie-tariff-503", "billing-worker", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from GET http://tariff-service/api/tariffs/{seg}", resumed("tariffs.TariffClient", "fetch", 47)),),
        (see("sentry.error", 2), see("sentry.alert", rule="Tariff service errors"), see("datadog.log", 2, **WORKER)),
        classes=(9,), pair="ie-tariff-timeout", log="bill run failed for account {id}", logger="energy.askham.billing.BillRun", entry="BillRun.priceAccount"),
    # One reading parser, two exceptions.
    Bug("ie-parse-number", "meter-api", (Exc("NumberFormatException", "For input string: \"12,5\"", (*resumed("imports.CsvImportController", "upload", 38), k("imports.ReadingParser", "parse", 22), jl("java.lang.Double", "parseDouble", 792), jl("jdk.internal.math.FloatingDecimal", "parseDouble", 110), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054)), module="java.lang"),),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ie-parse-date", entry="POST /api/v1/imports/readings"),
    Bug("ie-parse-date", "meter-api", (Exc("DateTimeParseException", "Text '31/03/2026' could not be parsed at index 0", (*resumed("imports.CsvImportController", "upload", 38), k("imports.ReadingParser", "parse", 19), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parse", 2023), jl("java.time.format.DateTimeFormatter", "parseResolved0", 2110)), module="java.time.format"),),
        (see("sentry.error", 2), see("posthog"), see("datadog.log", **LOGMON_SHORT)),
        classes=(4,), pair="ie-parse-number", entry="POST /api/v1/imports/readings"),
    # Two worker jobs under one monitor.
    Bug("ie-s3-denied", "billing-worker", (jexc("software.amazon.awssdk.services.s3.model.S3Exception", "Access Denied (Service: S3, Status Code: 403, Request ID: {hex}, Extended Request ID: {uuid})", (*resumed("billing.BillPdfUploader", "upload", 29), jl("software.amazon.awssdk.services.s3.DefaultS3Client", "putObject", 10628), jl("software.amazon.awssdk.core.internal.http.pipeline.stages.HandleResponseStage", "execute", 40))),),
        (see("sentry.error", 2), see("datadog.log", 2, **WORKER)),
        classes=(2,), pair="ie-mail-failed", log="bill PDF upload failed for bill {id}", logger="energy.askham.billing.BillPdfUploader", entry="BillPdfUploader.upload"),
    Bug("ie-mail-failed", "billing-worker", (jexc("org.eclipse.angus.mail.smtp.SMTPSendFailedException", "554 5.7.1 Message rejected: sending quota exceeded", (jl("org.eclipse.angus.mail.smtp.SMTPTransport", "issueSendCommand", 2545),)), jexc("org.springframework.mail.MailSendException", "Failed messages: org.eclipse.angus.mail.smtp.SMTPSendFailedException: 554 5.7.1 Message rejected: sending quota exceeded", (*resumed("billing.BillMailer", "send", 35), jl("org.springframework.mail.javamail.JavaMailSenderImpl", "send", 366), jl("org.springframework.mail.javamail.JavaMailSenderImpl", "doSend", 481)))),
        (see("sentry.error", 3), see("datadog.log", 2, **WORKER)),
        classes=(2,), pair="ie-s3-denied", log="bill mail failed for account {id}", logger="energy.askham.billing.BillMailer", entry="BillMailer.send"),
    # Not pairs.
    Bug("ie-hikari-timeout", "meter-api", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})", (*with_io("readings.ReadingRepository", "history", 48), jl("org.springframework.jdbc.datasource.DataSourceUtils", "fetchConnection", 160), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))), jexc("org.springframework.jdbc.CannotGetJdbcConnectionException", "Failed to obtain JDBC Connection", (*with_io("readings.ReadingRepository", "history", 48), jl("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection", 84)))),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **LOGMON), see("datadog.log", kind="half", cut=4, **LOGMON)),
        classes=(10,), entry="GET /api/v1/meters/{id}/readings"),
    Bug("ie-job-cancelled", "billing-worker", (Exc("JobCancellationException", "Parent job is Cancelling", (*resumed("billing.BillRun", "runAll", 40), ktlib("kotlinx.coroutines.JobSupport", "cancelParent", 1487, "JobSupport.kt")), module="kotlinx.coroutines"),),
        (see("sentry.error", 2), see("datadog.log", 3, **WORKER)),
        classes=(1,), log="bill run aborted", logger="energy.askham.billing.BillRun", entry="BillRun.runAll"),
    Bug("ie-estimate-bigdecimal", "meter-api", (Exc("ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*resumed("billing.EstimateService", "estimate", 97), k("billing.Money", "perDay", 14), jl("java.math.BigDecimal", "divide", 1780)), module="java.lang"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2), see("datadog.log", **LOGMON)),
        classes=(5,), entry="GET /api/v1/accounts/{id}/estimate", span=3),
    Bug("ie-singleton-index", "billing-worker", (Exc("IndexOutOfBoundsException", "Index 0 out of bounds for length 0", (*resumed("billing.BillRun", "lastReading", 112), jl("java.util.ArrayList", "get", 427), jl("java.util.Objects", "checkIndex", 385)), module="java.lang"),),
        (see("sentry.error"),),
        singleton=True, entry="BillRun.lastReading"),
]

NOISE = [
    Noise("ie-noise-deploy", "meter-api", "datadog.event", {"monitor": "Deployed meter-api", "text": "meter-api 2026.03.3 rolled out (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "meters"}),
    Noise("ie-noise-recovered", "billing-worker", "datadog.log", {"monitor": "billing-worker errors", "transition": "Recovered", "alert_type": "success", "team": "billing", "filter": "service:billing-worker status:error", "text": "billing-worker errors back to normal."}),
]

ASKHAM = Company(
    key="ie",
    name="Askham Energy",
    domain="askham-energy.example",
    sentry_org="askham",
    splunk_url="https://askham.splunkcloud.com",
    splunk_guid="2D7F4A18-9E35-4C60-8B1D-6F0E2A9C5B73",
    datadog_org=("783003", "Askham Energy"),
    datadog_template="recommended",
    posthog_project=(78303, "Askham meter-api"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="askham-sentry-client-secret",
)
# fmt: on
