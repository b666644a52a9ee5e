"""(dc) Dewbank Water, a regional water utility's data platform: a Spring Boot 3.3 batch
service on Java 21 (``reads-etl``: Spring Batch 5 jobs launched by Quartz that load meter
reads and tariff sheets from CSV drops into PostgreSQL through JdbcBatchItemWriter) and a
Quartz-driven sync service (``billing-sync``: pushes customers and tariffs to the billing
system over Spring's RestClient, exports to S3).

Both log through log4j2: the ETL with the legacy ``JsonLayout`` (``compact``, ``eventEol``,
``properties``: the exception as ``thrown`` with a structured ``extendedStackTrace`` and its
``cause`` nested), the sync service with ``JsonTemplateLayout`` and the bundled
``EcsLayout.json`` (the trace as text in ``error.stack_trace``). Sentry: sentry-log4j2
(``java`` platform, ``in-app-includes: com.dewbank``). Splunk saved searches over both.
Datadog: dd-java-agent APM monitors and log monitors through the plugin's recommended
template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.log4j2", "7.18.1", "maven:io.sentry:sentry-log4j2")
SERVICES = {
    "reads-etl": Service("reads-etl", "java", "dc-log4j2-json", "dewbank:log4j2:json", "/var/log/dewbank/reads-etl.json", "dw_batch", 5120041, "OpenJDK 21.0.5", framework="log4j2", sdk=SDK),
    "billing-sync": Service("billing-sync", "java", "dc-log4j2-ecs", "dewbank:log4j2:ecs", "/var/log/dewbank/billing-sync.json", "dw_batch", 5120044, "OpenJDK 21.0.5", framework="log4j2", sdk=SDK),
}

QUARTZ = (
    jl("org.quartz.simpl.SimpleThreadPool$WorkerThread", "run", 573),
    jl("org.quartz.core.JobRunShell", "run", 202),
    jl("org.springframework.scheduling.quartz.QuartzJobBean", "execute", 75),
)
BATCH = "org.springframework.batch.core."
STEP = (
    *QUARTZ,
    jv("com.dewbank.etl.quartz.LaunchBatchJob", "executeInternal", 44),
    jl(BATCH + "launch.support.SimpleJobLauncher", "run", 164),
    jl(BATCH + "job.AbstractJob", "execute", 307),
    jl(BATCH + "job.SimpleStepHandler", "handleStep", 153),
    jl(BATCH + "step.AbstractStep", "execute", 229),
    jl(BATCH + "step.tasklet.TaskletStep", "doExecute", 257),
    jl("org.springframework.transaction.support.TransactionTemplate", "execute", 140),
    jl(BATCH + "step.tasklet.TaskletStep$ChunkTransactionCallback", "doInTransaction", 383),
    jl(BATCH + "step.item.ChunkOrientedTasklet", "execute", 82),
)
PROCESS = (
    *STEP,
    jl(BATCH + "step.item.SimpleChunkProcessor", "process", 198),
    jl(BATCH + "step.item.SimpleChunkProcessor", "transform", 291),
    jl(BATCH + "step.item.SimpleChunkProcessor", "doProcess", 127),
)
WRITE = (
    *STEP,
    jl(BATCH + "step.item.SimpleChunkProcessor", "process", 201),
    jl(BATCH + "step.item.SimpleChunkProcessor", "write", 303),
    jl(BATCH + "step.item.SimpleChunkProcessor", "doWrite", 159),
    jl("org.springframework.batch.item.database.JdbcBatchItemWriter", "write", 186),
    jl("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate", "batchUpdate", 385),
    jl("org.springframework.jdbc.core.JdbcTemplate", "execute", 658),
)
READ = (
    *STEP,
    jl(BATCH + "step.item.SimpleChunkProvider", "provide", 119),
    jl(BATCH + "step.item.SimpleChunkProvider", "read", 176),
    jl("org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader", "read", 93),
    jl("org.springframework.batch.item.file.FlatFileItemReader", "doRead", 200),
)
SYNC = (*QUARTZ,)
NFE = (
    jl("java.math.BigDecimal", "<init>", 586),
    jl("java.math.BigDecimal", "<init>", 1012),
)


def etl(cls: str, method: str, line: int) -> Frame:
    return jv(f"com.dewbank.etl.{cls}", method, line)


def sync(cls: str, method: str, line: int) -> Frame:
    return jv(f"com.dewbank.billing.{cls}", method, line)


def duplicate(table: str, constraint: str, detail: str) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    frames = (*WRITE, jl("org.postgresql.jdbc.PgStatement", "executeBatch", 916), jl("org.postgresql.jdbc.BatchResultHandler", "handleError", 165))
    return (
        jexc("org.postgresql.util.PSQLException", pg, frames),
        jexc("java.sql.BatchUpdateException", f"Batch entry {{idx}} INSERT INTO {table} (...) VALUES (...) was aborted: {pg}  Call getNextException to see other errors in the batch.", frames),
        jexc("org.springframework.dao.DuplicateKeyException", f"PreparedStatementCallback; SQL [INSERT INTO {table} (...) VALUES (...)]; Batch entry {{idx}} INSERT INTO {table} (...) VALUES (...) was aborted: {pg}  Call getNextException to see other errors in the batch.", (*WRITE, jl("org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator", "doTranslate", 247))),
    )


def parse_error(cause: Exc) -> tuple[Exc, ...]:
    """FlatFileItemReader wrapping a line that would not map, the cause first."""
    return (cause, jexc("org.springframework.batch.item.file.FlatFileParseException", "Parsing error at line: {line} in resource=[file [/data/inbound/reads-{week}.csv]], input=[{meter},{date},,{n}.{idx},A,,]", READ))


# The billing system's client: exchange() is the innermost application frame of both pushes.
EXCHANGE = (
    sync("client.BillingClient", "exchange", 57),
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "toEntity", 709),
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "applyStatusHandlers", 768),
    jl("org.springframework.web.client.StatusHandler", "lambda$defaultHandler$3", 89),
)
UNAVAILABLE = "503 Service Unavailable: \"{\"error\":\"maintenance\"}\""

ETL = {"search": "reads-etl batch errors"}
SYNCS = {"search": "billing-sync job errors"}
LOG_MON = {"monitor": "reads-etl step failures", "team": "data", "filter": "service:reads-etl status:error", "text": "A batch step failed on {{log.host}}.\n\n**logger:** {{log.attributes.loggerName}}\n**exception:** {{log.attributes.thrown.name}}: {{log.attributes.thrown.message}}"}
SYNC_MON = {"monitor": "billing-sync errors", "team": "billing", "style": "stack", "lines": 8}
APM = {"monitor": "reads-etl errors by type", "team": "data"}
SYNC_APM = {"monitor": "billing-sync error spans", "team": "billing", "style": "message"}
NOT_AVAILABLE = 'For input string: "N/A"'

BUGS = [
    # "N/A" where a number belongs: a meter read's volume and a tariff sheet's rate.
    Bug("dc-read-volume-na", "reads-etl", (jexc("java.lang.NumberFormatException", NOT_AVAILABLE, (*PROCESS, etl("reads.MeterReadProcessor", "process", 38), etl("reads.MeterReadProcessor", "parseVolume", 61), *NFE)),),
        (see("sentry.error", 3), see("splunk", 2, **ETL), see("datadog.log", **LOG_MON)),
        classes=(4,), pair="dc-tariff-rate-na", log="Encountered an error executing step readsStep in job meterReadsImport", logger="org.springframework.batch.core.step.AbstractStep", entry="meterReadsImport", span=2),
    Bug("dc-tariff-rate-na", "reads-etl", (jexc("java.lang.NumberFormatException", NOT_AVAILABLE, (*PROCESS, etl("tariffs.TariffRowProcessor", "process", 29), etl("tariffs.TariffRowProcessor", "parseRate", 47), *NFE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **ETL), see("datadog.log", **LOG_MON)),
        classes=(4,), pair="dc-read-volume-na", log="Encountered an error executing step tariffStep in job tariffImport", logger="org.springframework.batch.core.step.AbstractStep", entry="tariffImport"),
    # Duplicate rows on two tables: a meter read loaded twice, a bill line for a period already billed.
    Bug("dc-meter-read-duplicate", "reads-etl", duplicate("meter_read", "meter_read_meter_id_read_at_key", "Key (meter_id, read_at)=({meter}, 2026-11-{idx}0 00:00:00) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **ETL), see("datadog.apm", **APM)),
        classes=(4, 10), pair="dc-bill-line-duplicate", log="Encountered an error executing step readsStep in job meterReadsImport", logger="org.springframework.batch.core.step.AbstractStep", entry="meterReadsImport"),
    Bug("dc-bill-line-duplicate", "reads-etl", duplicate("bill_line", "bill_line_account_id_period_key", "Key (account_id, period)=({id}, 2026-{idx}) already exists."),
        (see("sentry.error", 2), see("splunk", 3, **ETL), see("datadog.apm", **APM)),
        classes=(4, 10), pair="dc-meter-read-duplicate", log="Encountered an error executing step billLinesStep in job billingRun", logger="org.springframework.batch.core.step.AbstractStep", entry="billingRun"),
    # One validator, two failures: a meter with no previous read (helpful NPE), a read dated before the meter was fitted.
    Bug("dc-validate-npe", "reads-etl", (jexc("java.lang.NullPointerException", 'Cannot invoke "java.math.BigDecimal.compareTo(java.math.BigDecimal)" because "previous" is null', (*PROCESS, etl("reads.MeterReadProcessor", "process", 41), etl("reads.ReadValidator", "validate", 33))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **ETL), see("datadog.apm", **APM)),
        classes=(4, 5), pair="dc-validate-install-date", log="Encountered an error executing step readsStep in job meterReadsImport", logger="org.springframework.batch.core.step.AbstractStep", entry="meterReadsImport", span=2),
    Bug("dc-validate-install-date", "reads-etl", (jexc("java.lang.IllegalStateException", "Read date {date} is before install date for meter {meter}", (*PROCESS, etl("reads.MeterReadProcessor", "process", 41), etl("reads.ReadValidator", "validate", 39))),),
        (see("sentry.error", 2), see("splunk", 2, **ETL), see("datadog.log", **LOG_MON)),
        classes=(4,), pair="dc-validate-npe", log="Encountered an error executing step readsStep in job meterReadsImport", logger="org.springframework.batch.core.step.AbstractStep", entry="meterReadsImport"),
    # The billing system in maintenance: two Quartz jobs failing in one client method.
    Bug("dc-customer-push-503", "billing-sync", (jexc("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable", UNAVAILABLE, (*SYNC, sync("jobs.CustomerPushJob", "executeInternal", 36), sync("customers.CustomerPusher", "push", 52), *EXCHANGE)),),
        (see("sentry.error", 3), see("splunk", 2, **SYNCS), see("datadog.log", **SYNC_MON), see("datadog.apm", **SYNC_APM)),
        classes=(9,), pair="dc-tariff-push-503", log="Job DEFAULT.customerPush threw an unhandled Exception: ", logger="org.quartz.core.JobRunShell", entry="customerPush"),
    Bug("dc-tariff-push-503", "billing-sync", (jexc("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable", UNAVAILABLE, (*SYNC, sync("jobs.TariffPushJob", "executeInternal", 31), sync("tariffs.TariffPusher", "pushAll", 44), *EXCHANGE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SYNCS), see("datadog.log", **SYNC_MON)),
        classes=(9,), pair="dc-customer-push-503", log="Job DEFAULT.tariffPush threw an unhandled Exception: ", logger="org.quartz.core.JobRunShell", entry="tariffPush"),
    # One parse error, two roots: a short line (token count) and a date in the wrong format.
    Bug("dc-csv-token-count", "reads-etl", parse_error(jexc("org.springframework.batch.item.file.transform.IncorrectTokenCountException", "Incorrect number of tokens found in record: expected 7 actual 6", (*READ, jl("org.springframework.batch.item.file.mapping.DefaultLineMapper", "mapLine", 43), jl("org.springframework.batch.item.file.transform.AbstractLineTokenizer", "tokenize", 142)))),
        (see("sentry.error", 3), see("splunk", 2, **ETL), see("datadog.log", **LOG_MON)),
        classes=(4, 10), pair="dc-csv-date-format", log="Encountered an error executing step readsStep in job meterReadsImport", logger="org.springframework.batch.core.step.AbstractStep", entry="meterReadsImport"),
    Bug("dc-csv-date-format", "reads-etl", parse_error(jexc("org.springframework.validation.BindException", "org.springframework.validation.BeanPropertyBindingResult: 1 errors\nField error in object 'target' on field 'readDate': rejected value [{date}]; codes [typeMismatch.target.readDate,typeMismatch.readDate,typeMismatch.java.time.LocalDate,typeMismatch]; default message [Failed to convert property value of type 'java.lang.String' to required type 'java.time.LocalDate' for property 'readDate']", (*READ, jl("org.springframework.batch.item.file.mapping.DefaultLineMapper", "mapLine", 43), jl("org.springframework.batch.item.file.mapping.BeanWrapperFieldSetMapper", "mapFieldSet", 196)))),
        (see("sentry.error", 2), see("splunk", 2, **ETL), see("datadog.log", 2, **LOG_MON)),
        classes=(4, 10), pair="dc-csv-token-count", log="Encountered an error executing step readsStep in job meterReadsImport", logger="org.springframework.batch.core.step.AbstractStep", entry="meterReadsImport"),
    # The pool exhausted when the billing run and the reads import overlap.
    Bug("dc-hikari-exhausted", "reads-etl", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})", (*STEP, jl("org.springframework.jdbc.datasource.DataSourceUtils", "fetchConnection", 160), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))), jexc("org.springframework.jdbc.CannotGetJdbcConnectionException", "Failed to obtain JDBC Connection", (*STEP, jl("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection", 84)))),
        (see("sentry.error", 2), see("splunk", 2, **ETL), see("datadog.apm", 2, **APM), see("datadog.log", **LOG_MON)),
        classes=(10,), log="Encountered an error executing step billLinesStep in job billingRun", logger="org.springframework.batch.core.step.AbstractStep", entry="billingRun"),
    # The monthly aggregation holding every read in memory.
    Bug("dc-aggregate-oom", "reads-etl", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*STEP, etl("aggregate.ConsumptionAggregator", "execute", 52), jl("java.util.HashMap", "resize", 710))),),
        (see("sentry.error", 2), see("splunk", 2, **ETL), see("datadog.log", **LOG_MON)),
        log="Encountered an error executing step aggregateStep in job monthlyConsumption", logger="org.springframework.batch.core.step.AbstractStep", entry="monthlyConsumption"),
    # The S3 export timing out; the uploader method was renamed in 2026.12.1.
    Bug("dc-export-s3-timeout", "billing-sync", (jexc("software.amazon.awssdk.core.exception.SdkClientException", "Unable to execute HTTP request: Read timed out", (*SYNC, sync("jobs.ExportJob", "executeInternal", 28), sync("export.ExportWriter", "upload", 63), jl("software.amazon.awssdk.services.s3.DefaultS3Client", "putObject", 11466), jl("software.amazon.awssdk.core.internal.http.pipeline.stages.RetryableStage", "execute", 73))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **SYNCS), see("datadog.log", **SYNC_MON)),
        classes=(5,), log="Job DEFAULT.nightlyExport threw an unhandled Exception: ", logger="org.quartz.core.JobRunShell", entry="nightlyExport", span=3, renames={"upload": "uploadExport"}),
    # The late-file warning: one template, no bug.
    Bug("dc-inbound-late", "reads-etl", (),
        (see("splunk", 3, search="reads-etl inbound files", line='{"instant":{"epochSecond":{id},"nanoOfSecond":0},"thread":"sftp-poller-1","level":"WARN","loggerName":"com.dewbank.etl.inbound.SftpPoller","message":"Inbound file {path} ({size}) from {hostport} arrived {dur} late","endOfBatch":false,"loggerFqcn":"org.apache.logging.slf4j.Log4jLogger","threadId":31,"threadPriority":5}'), see("datadog.log", monitor="reads-etl late inbound files", team="data", filter="service:reads-etl @loggerName:*SftpPoller status:warn", text="Inbound file {path} ({size}) from {hostport} arrived {dur} late.")),
        classes=(7,)),
    # Seen once: the SFTP poller meeting a renewed host certificate it does not trust.
    Bug("dc-sftp-pkix", "reads-etl", (jexc("javax.net.ssl.SSLHandshakeException", "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target", (*QUARTZ, etl("inbound.SftpPoller", "poll", 49), jl("sun.security.ssl.Alert", "createSSLException", 130))),),
        (see("sentry.error"),),
        singleton=True, log="Job DEFAULT.sftpPoll threw an unhandled Exception: ", logger="org.quartz.core.JobRunShell", entry="sftpPoll"),
]

NOISE = [
    Noise("dc-noise-quartz-started", "billing-sync", "splunk", {**SYNCS, "line": '{"@timestamp":"{tsms}","ecs.version":"1.2.0","log.level":"INFO","message":"Scheduler quartzScheduler_$_NON_CLUSTERED started.","process.thread.name":"main","log.logger":"org.quartz.core.QuartzScheduler"}'}),
    Noise("dc-noise-misfire", "reads-etl", "splunk", {**ETL, "line": '{"instant":{"epochSecond":{id},"nanoOfSecond":0},"thread":"QuartzScheduler_quartzScheduler-NON_CLUSTERED_MisfireHandler","level":"INFO","loggerName":"org.springframework.scheduling.quartz.LocalDataSourceJobStore","message":"Handling 1 trigger(s) that missed their scheduled fire-time.","endOfBatch":false,"loggerFqcn":"org.apache.logging.slf4j.Log4jLogger","threadId":19,"threadPriority":5}'}),
    Noise("dc-noise-deploy", "reads-etl", "datadog.event", {"monitor": "Deployed reads-etl 2026.12.1", "text": "Argo CD synced reads-etl to 2026.12.1 (Spring Boot 3.3.5).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "data"}),
]

DEWBANK = Company(
    key="dc",
    name="Dewbank Water",
    domain="dewbank.example",
    sentry_org="dewbank",
    splunk_url="https://dewbank.splunkcloud.com",
    splunk_guid="C93F1E47-0A2B-4D6C-B815-5E7A9D2C40F1",
    datadog_org=("512004", "Dewbank Water"),
    datadog_template="recommended",
    posthog_project=(51200, "dewbank.example"),
    releases=("2026.11.2", "2026.12.0", "2026.12.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dewbank-sentry-client-secret",
)
