"""(ir) Lunebeck Freight, road-freight tariffs and monthly invoicing: a Java 17 Spring Boot
2.7 service (``tariff-api``: Spring MVC on embedded Tomcat 9, ``javax.servlet``, Spring Data
JPA on Hibernate 5.6 and PostgreSQL through Hikari, a ``RestTemplate`` client to the
carriers' booking gateway) and a Spring Batch 4.3 job service of the same codebase
(``invoice-batch``: ``@Scheduled`` launches of ``tariffImportJob`` (a CSV from S3 read by a
``FlatFileItemReader``) and ``invoiceRunJob`` (chunk-oriented: reader, processor, JPA writer)
and a manifest upload step).

Logs: ``spring-boot-starter-log4j2`` with the pattern ``%d{ISO8601} %-5p [%t] %c{1.}:
%m%n%xEx`` (the extended trace names every frame's jar), read by Splunk (sourcetype
``log4j``) and by Datadog's agent with multi-line aggregation. An exception a controller lets
through is logged by Tomcat's ``StandardWrapperValve`` (``Servlet.service() ... with root
cause``, the root cause's trace alone); a failing step by Spring Batch's ``AbstractStep``.
Sentry: sentry-spring-boot-starter (javax) with ``in-app-includes: com.lunebeck``; PostHog:
posthog-java's ``captureException`` in the ``@ControllerAdvice``; Datadog: APM by type and
log monitors. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# fmt: off
SDK = ("sentry.java.spring-boot", "6.34.0", "maven:io.sentry:sentry-spring-boot-starter")
SERVICES = {
    "tariff-api": Service("tariff-api", "java", "ir-log4j2", "log4j", "/var/log/lunebeck/tariff-api.log", "lf_prod", 8330011, "OpenJDK 17.0.9", framework="spring", sdk=SDK),
    "invoice-batch": Service("invoice-batch", "java", "ir-log4j2", "log4j", "/var/log/lunebeck/invoice-batch.log", "lf_prod", 8330012, "OpenJDK 17.0.9", framework="spring", sdk=SDK),
}
PKG = "com.lunebeck.tariff"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


# Tomcat 9 and Spring MVC 5.3 under a controller method, oldest first.
TOMCAT9 = (
    jl("java.lang.Thread", "run", 840),
    jl("org.apache.tomcat.util.threads.TaskThread$WrappingRunnable", "run", 61),
    jl("org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker", "run", 659),
    jl("org.apache.tomcat.util.threads.ThreadPoolExecutor", "runWorker", 1191),
    jl("org.apache.tomcat.util.net.SocketProcessorBase", "run", 49),
    jl("org.apache.tomcat.util.net.NioEndpoint$SocketProcessor", "doRun", 1789),
    jl("org.apache.coyote.AbstractProtocol$ConnectionHandler", "process", 926),
    jl("org.apache.coyote.http11.Http11Processor", "service", 399),
    jl("org.apache.catalina.connector.CoyoteAdapter", "service", 357),
    jl("org.apache.catalina.core.StandardEngineValve", "invoke", 74),
    jl("org.apache.catalina.core.StandardWrapperValve", "invoke", 197),
    jl("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 162),
    jl("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", 189),
    jl("org.springframework.web.filter.OncePerRequestFilter", "doFilter", 117),
    jl("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", 209),
    jl("javax.servlet.http.HttpServlet", "service", 764),
    jl("org.springframework.web.servlet.FrameworkServlet", "service", 883),
    jl("javax.servlet.http.HttpServlet", "service", 681),
    jl("org.springframework.web.servlet.FrameworkServlet", "doPost", 920),
    jl("org.springframework.web.servlet.FrameworkServlet", "processRequest", 1006),
    jl("org.springframework.web.servlet.DispatcherServlet", "doService", 964),
    jl("org.springframework.web.servlet.DispatcherServlet", "doDispatch", 1072),
    jl("org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter", "handle", 87),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "handleInternal", 808),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "invokeHandlerMethod", 895),
    jl("org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod", "invokeAndHandle", 117),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "invokeForRequest", 150),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "doInvoke", 205),
    jl("java.lang.reflect.Method", "invoke", 568),
    jl("jdk.internal.reflect.DelegatingMethodAccessorImpl", "invoke", 43),
)


def route(controller: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*TOMCAT9, app(f"web.{controller}", method, line))


# A @Scheduled launch of a Spring Batch job on the synchronous launcher, down to the step.
LAUNCH = (
    jl("java.lang.Thread", "run", 840),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("java.util.concurrent.FutureTask", "runAndReset", 305),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 539),
    jl("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", 54),
    jl("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 84),
    jl("java.lang.reflect.Method", "invoke", 568),
    app("batch.JobScheduler", "launch", 41),
    jl("org.springframework.batch.core.launch.support.SimpleJobLauncher", "run", 140),
    jl("org.springframework.core.task.SyncTaskExecutor", "execute", 50),
    jl("org.springframework.batch.core.launch.support.SimpleJobLauncher$1", "run", 149),
    jl("org.springframework.batch.core.job.AbstractJob", "execute", 320),
    jl("org.springframework.batch.core.job.SimpleJob", "doExecute", 164),
    jl("org.springframework.batch.core.job.AbstractJob", "handleStep", 413),
    jl("org.springframework.batch.core.job.SimpleStepHandler", "handleStep", 152),
    jl("org.springframework.batch.core.step.AbstractStep", "execute", 208),
    jl("org.springframework.batch.core.step.tasklet.TaskletStep", "doExecute", 258),
    jl("org.springframework.batch.repeat.support.RepeatTemplate", "iterate", 139),
    jl("org.springframework.batch.repeat.support.RepeatTemplate", "executeInternal", 215),
    jl("org.springframework.batch.core.step.tasklet.TaskletStep$ChunkTransactionCallback", "doInTransaction", 407),
)
CHUNK = (
    *LAUNCH,
    jl("org.springframework.batch.core.step.item.ChunkOrientedTasklet", "execute", 82),
)
PROCESS = (
    *CHUNK,
    jl("org.springframework.batch.core.step.item.SimpleChunkProcessor", "process", 198),
    jl("org.springframework.batch.core.step.item.SimpleChunkProcessor", "transform", 298),
    jl("org.springframework.batch.core.step.item.SimpleChunkProcessor", "doProcess", 134),
)
WRITE = (
    *CHUNK,
    jl("org.springframework.batch.core.step.item.SimpleChunkProcessor", "process", 200),
    jl("org.springframework.batch.core.step.item.SimpleChunkProcessor", "write", 276),
    jl("org.springframework.batch.core.step.item.SimpleChunkProcessor", "doWrite", 175),
)
READ = (
    *CHUNK,
    jl("org.springframework.batch.core.step.item.ChunkOrientedTasklet", "execute", 75),
    jl("org.springframework.batch.core.step.item.SimpleChunkProvider", "provide", 119),
    jl("org.springframework.batch.core.step.item.SimpleChunkProvider", "read", 172),
    jl("org.springframework.batch.core.step.item.SimpleChunkProvider", "doRead", 108),
    jl("org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader", "read", 93),
)
TASKLET = (
    *LAUNCH,
    jl("org.springframework.batch.core.step.tasklet.TaskletStep$ChunkTransactionCallback", "doInTransaction", 407),
)

# RestTemplate through the app's carrier gateway helper (the innermost app frame of both
# carrier bugs).
REST = (
    app("carrier.CarrierClient", "post", 58),
    jl("org.springframework.web.client.RestTemplate", "postForEntity", 468),
    jl("org.springframework.web.client.RestTemplate", "execute", 734),
    jl("org.springframework.web.client.RestTemplate", "doExecute", 776),
)

PG_UPDATE = (
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", -1),
    jl("com.zaxxer.hikari.pool.ProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeWithFlags", 196),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 517),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 365),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2676),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2713),
)
HIBERNATE5_FLUSH = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 625),
    jl("org.hibernate.internal.SessionImpl", "flush", 1343),
    jl("org.hibernate.event.internal.DefaultFlushEventListener", "onFlush", 39),
    jl("org.hibernate.engine.spi.ActionQueue", "executeActions", 604),
    jl("org.hibernate.action.internal.EntityInsertAction", "execute", 82),
    jl("org.hibernate.persister.entity.AbstractEntityPersister", "insert", 3375),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 197),
)
TRANSLATE = (
    jl("org.springframework.dao.support.PersistenceExceptionTranslationInterceptor", "invoke", 152),
    jl("org.springframework.dao.support.DataAccessUtils", "translateIfNecessary", 242),
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "translateExceptionIfPossible", 233),
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 276),
)


def duplicate(caller: tuple[Frame, ...], constraint: str, detail: str) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    flush = caller + HIBERNATE5_FLUSH
    return (
        jexc("org.postgresql.util.PSQLException", pg, flush + PG_UPDATE),
        jexc("org.hibernate.exception.ConstraintViolationException", "could not execute statement", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 112))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement; SQL [n/a]; constraint [{constraint}]; nested exception is org.hibernate.exception.ConstraintViolationException: could not execute statement", caller + TRANSLATE),
    )


NPE_ZONE = 'Cannot invoke "com.lunebeck.tariff.zone.Zone.getSurcharge()" because "zone" is null'
NON_TERMINATING = "Non-terminating decimal expansion; no exact representable decimal result."
BIGDEC_DIVIDE = (jl("java.math.BigDecimal", "divide", 1780),)

SPLUNK = {"search": "tariff-api - errors", "owner": "svc_splunk", "kind": "tomcat"}
SPLUNK_APP = {"search": "tariff-api - errors", "owner": "svc_splunk"}
SPLUNK_STEP = {"search": "invoice-batch - step failures", "owner": "svc_splunk", "thread": "scheduling-1"}
LOGMON = {"team": "freight", "monitor": "tariff-api error logs", "filter": "service:tariff-api status:error env:prod", "text": "tariff-api logged an error on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 8, "kind": "tomcat"}
BATCHMON = {"team": "freight", "monitor": "invoice-batch step failures", "filter": "service:invoice-batch status:error \"Encountered an error executing step\"", "text": "A batch step failed on {{log.host}}.\n\n```\n{{log.message}}\n```", "sample_lines": 5, "thread": "scheduling-1"}
APM = {"style": "type", "team": "freight"}


def step(s: str, job: str) -> dict[str, object]:
    return {"kind": "step", "step": s, "job": job}


IMPORT = step("importTariffsStep", "tariffImportJob")
INVOICE = step("buildInvoicesStep", "invoiceRunJob")
MANIFEST = step("uploadManifestStep", "invoiceRunJob")

BUGS = [
    # 1. One helpful NPE message from two code paths (a quote and an invoice line).
    Bug("ir-quote-npe", "tariff-api", (jexc("java.lang.NullPointerException", NPE_ZONE, (*route("QuoteController", "quote", 47), app("quote.QuoteService", "price", 88))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPLUNK), see("posthog", 2), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ir-invoice-npe", entry="POST /quotes", span=2),
    Bug("ir-invoice-npe", "invoice-batch", (jexc("java.lang.NullPointerException", NPE_ZONE, (*PROCESS, app("invoice.InvoiceLineProcessor", "process", 54))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK_STEP, **INVOICE), see("datadog.log", **BATCHMON, **INVOICE)),
        classes=(4,), pair="ir-quote-npe", entry="invoiceRunJob"),
    # 2. One rate-card loader, two exceptions.
    Bug("ir-ratecard-empty", "tariff-api", (jexc("org.springframework.dao.EmptyResultDataAccessException", "Incorrect result size: expected 1, actual 0", (*route("RateCardController", "show", 33), app("ratecard.RateCardService", "load", 61), jl("org.springframework.jdbc.core.JdbcTemplate", "queryForObject", 880), jl("org.springframework.dao.support.DataAccessUtils", "nullableSingleResult", 97))),),
        (see("sentry.error", 3), see("splunk", **SPLUNK), see("splunk", cut=6, **SPLUNK), see("posthog"), see("datadog.apm", **APM)),
        classes=(4,), pair="ir-ratecard-number", entry="GET /rate-cards/{id}"),
    Bug("ir-ratecard-number", "tariff-api", (jexc("java.lang.NumberFormatException", 'For input string: "{n},50"', (*route("RateCardController", "show", 33), app("ratecard.RateCardService", "load", 67), app("ratecard.RateCardMapper", "toBand", 29), jl("java.math.BigDecimal", "<init>", 1148), jl("java.math.BigDecimal", "<init>", 567))),),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("splunk", 2, **SPLUNK), see("posthog", 2), see("datadog.log", **LOGMON)),
        classes=(4, 10), pair="ir-ratecard-empty", entry="GET /rate-cards/{id}"),
    # 3. The carrier gateway helper at the end of two bugs: a read timeout and a 503.
    Bug("ir-booking-timeout", "tariff-api", (jexc("java.net.SocketTimeoutException", "Read timed out", (*route("BookingController", "book", 39), app("booking.BookingService", "submit", 72), *REST, jl("java.net.SocketInputStream", "socketRead0", -2))), jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on POST request for "https://gateway.carriers.example/v2/bookings": Read timed out; nested exception is java.net.SocketTimeoutException: Read timed out', (*route("BookingController", "book", 39), app("booking.BookingService", "submit", 72), *REST))),
        (see("sentry.error", 3), see("splunk", 2, **SPLUNK), see("posthog"), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(9,), pair="ir-manifest-503", entry="POST /bookings"),
    Bug("ir-manifest-503", "invoice-batch", (jexc("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable", "503 Service Unavailable: [no body]", (*TASKLET, app("manifest.ManifestUploadTasklet", "execute", 44), *REST, jl("org.springframework.web.client.DefaultResponseErrorHandler", "handleError", 122))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK_STEP, **MANIFEST), see("datadog.log", 2, **BATCHMON, **MANIFEST)),
        classes=(9,), pair="ir-booking-timeout", entry="invoiceRunJob"),
    # 4. Duplicate keys on two tables.
    Bug("ir-invoice-dup", "invoice-batch", duplicate((*WRITE, app("invoice.InvoiceWriter", "write", 36), jv("jdk.proxy3.$Proxy201", "saveAndFlush", -1, lib=True)), "invoices_customer_id_period_key", "Key (customer_id, period)=({id}, 2026-02) already exists."),
        (see("sentry.error", 2), see("sentry.alert", rule="invoice run failures"), see("splunk", 2, **SPLUNK_STEP, **INVOICE), see("datadog.log", **BATCHMON, **INVOICE)),
        classes=(4,), pair="ir-credit-dup", entry="invoiceRunJob"),
    Bug("ir-credit-dup", "tariff-api", duplicate((*route("CreditNoteController", "create", 28), app("credit.CreditNoteService", "issue", 51), jv("jdk.proxy3.$Proxy188", "saveAndFlush", -1, lib=True)), "credit_notes_invoice_id_key", "Key (invoice_id)=({id}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="ir-invoice-dup", entry="POST /credit-notes"),
    # 5. One step, one monitor: a malformed line and a missing object behind the same log line.
    Bug("ir-import-parse", "invoice-batch", (jexc("org.springframework.batch.item.file.transform.IncorrectTokenCountException", "Incorrect number of tokens found in record: expected 6 actual 5", (*READ, jl("org.springframework.batch.item.file.FlatFileItemReader", "doRead", 189), jl("org.springframework.batch.item.file.mapping.DefaultLineMapper", "mapLine", 43), jl("org.springframework.batch.item.file.transform.AbstractLineTokenizer", "tokenize", 144))), jexc("org.springframework.batch.item.file.FlatFileParseException", "Parsing error at line: {line} in resource=[URL [s3://lunebeck-tariffs/inbound/tariffs-2026-03-0{idx}.csv]], input=[{zone};{n};12.40;EUR;2026-03-01]", (*READ, jl("org.springframework.batch.item.file.FlatFileItemReader", "doRead", 195)))),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK_STEP, **IMPORT), see("splunk", cut=4, **SPLUNK_STEP, **IMPORT), see("datadog.log", 2, **BATCHMON, **IMPORT)),
        classes=(2, 10), pair="ir-import-nokey", entry="tariffImportJob"),
    Bug("ir-import-nokey", "invoice-batch", (jexc("software.amazon.awssdk.services.s3.model.NoSuchKeyException", "The specified key does not exist. (Service: S3, Status Code: 404, Request ID: {hex}, Extended Request ID: {uuid})", (*TASKLET, app("imports.TariffFetchTasklet", "execute", 38), app("imports.TariffStore", "download", 52), jl("software.amazon.awssdk.services.s3.DefaultS3Client", "getObject", 5438), jl("software.amazon.awssdk.core.internal.http.pipeline.stages.HandleResponseStage", "execute", 40))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK_STEP, **IMPORT), see("datadog.log", 2, **BATCHMON, **IMPORT)),
        classes=(2,), pair="ir-import-parse", entry="tariffImportJob"),
    # 6. BigDecimal division without a scale in a quote and in VAT totals.
    Bug("ir-fx-divide", "tariff-api", (jexc("java.lang.ArithmeticException", NON_TERMINATING, (*route("QuoteController", "quote", 47), app("quote.QuoteService", "price", 95), app("fx.CurrencyConverter", "convert", 31), *BIGDEC_DIVIDE)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", **SPLUNK), see("posthog", 2), see("datadog.log", **LOGMON)),
        classes=(4, 5), pair="ir-vat-divide", entry="POST /quotes", span=2, renames={"price": "priceQuote"}),
    Bug("ir-vat-divide", "invoice-batch", (jexc("java.lang.ArithmeticException", NON_TERMINATING, (*PROCESS, app("invoice.InvoiceLineProcessor", "process", 61), app("invoice.VatTotals", "split", 24), *BIGDEC_DIVIDE)),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK_STEP, **INVOICE), see("datadog.log", **BATCHMON, **INVOICE)),
        classes=(4,), pair="ir-fx-divide", entry="invoiceRunJob"),
    # Not pairs.
    Bug("ir-hikari", "tariff-api", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms.", (*route("LaneController", "list", 22), app("lane.LaneService", "all", 18), jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 402), jl("org.hibernate.internal.SessionImpl", "connection", 457), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 128), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696))), jexc("org.springframework.transaction.CannotCreateTransactionException", "Could not open JPA EntityManager for transaction; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection", (*route("LaneController", "list", 22), app("lane.LaneService", "all", 18), jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 467)))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPLUNK), see("splunk", cut=3, **SPLUNK), see("datadog.apm", **APM), see("datadog.log", **{**LOGMON, "sample_lines": 3})),
        classes=(10,), entry="GET /lanes"),
    Bug("ir-json-date", "tariff-api", (jexc("org.springframework.http.converter.HttpMessageNotReadableException", 'JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String "{date}": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text \'{date}\' could not be parsed at index 2; nested exception is com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String "{date}"', (*TOMCAT9[:-4], jl("org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodArgumentResolver", "readWithMessageConverters", 186), jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "readJavaType", 391))),),
        (see("splunk", 3, level="WARN", bare=True, **SPLUNK_APP), see("posthog", 2), see("datadog.log", level="WARN", bare=True, **{**LOGMON, "kind": "", "monitor": "tariff-api client errors", "filter": "service:tariff-api status:warn DefaultHandlerExceptionResolver", "sample_lines": 1})),
        classes=(1,), log="Resolved [org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String \"{date}\"]", logger="org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver", entry="POST /quotes", handled=True),
    Bug("ir-csv-header", "tariff-api", (jexc("java.lang.IllegalArgumentException", "Mapping for tariff_code not found, expected one of [zone, weight_kg, price, currency, valid_from]", (*route("RateCardController", "upload", 58), app("ratecard.RateCardCsv", "parse", 40), jl("org.apache.commons.csv.CSVRecord", "get", 145), jl("org.apache.commons.csv.CSVRecord", "getNullableMapping", 106))),),
        (see("sentry.error", 2), see("splunk", **SPLUNK), see("posthog", 2), see("datadog.apm", **APM)),
        entry="POST /rate-cards/upload"),
    Bug("ir-jobrepo-lock", "invoice-batch", (jexc("org.postgresql.util.PSQLException", "ERROR: deadlock detected\n  Detail: Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}.", (*LAUNCH[:18], jl("org.springframework.batch.core.repository.support.SimpleJobRepository", "updateExecutionContext", 203), jl("org.springframework.batch.core.repository.dao.JdbcExecutionContextDao", "updateExecutionContext", 174), jl("org.springframework.jdbc.core.JdbcTemplate", "update", 1016), *PG_UPDATE)), jexc("org.springframework.dao.CannotAcquireLockException", "PreparedStatementCallback; SQL [UPDATE BATCH_STEP_EXECUTION_CONTEXT SET SHORT_CONTEXT = ?, SERIALIZED_CONTEXT = ? WHERE STEP_EXECUTION_ID = ?]; ERROR: deadlock detected", (*LAUNCH[:18], jl("org.springframework.batch.core.repository.support.SimpleJobRepository", "updateExecutionContext", 203), jl("org.springframework.batch.core.repository.dao.JdbcExecutionContextDao", "updateExecutionContext", 174), jl("org.springframework.jdbc.core.JdbcTemplate", "update", 1016), jl("org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator", "doTranslate", 267)))),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK_STEP, **INVOICE), see("datadog.log", **BATCHMON, **INVOICE)),
        classes=(1,), entry="invoiceRunJob"),
    Bug("ir-singleton-oom", "invoice-batch", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*WRITE, app("invoice.InvoicePdfWriter", "write", 72), jl("com.lowagie.text.pdf.PdfWriter", "close", 1190))),),
        (see("sentry.error"),),
        singleton=True, entry="invoiceRunJob"),
]

NOISE = [
    Noise("ir-noise-deploy", "tariff-api", "datadog.event", {"monitor": "Deployed tariff-api", "text": "tariff-api 2026.03.2 deployed to prod (3/3 instances healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "freight"}),
    Noise("ir-noise-job-done", "invoice-batch", "splunk", {"search": "invoice-batch - step failures", "owner": "svc_splunk", "line": "{gts},{millis} INFO  [scheduling-1] o.s.b.c.l.s.SimpleJobLauncher: Job: [SimpleJob: [name=invoiceRunJob]] completed with the following parameters: [{run.id={n}}] and the following status: [COMPLETED] in 4m12s318ms"}),
    Noise("ir-noise-recovered", "invoice-batch", "datadog.log", {"monitor": "invoice-batch step failures", "transition": "Recovered", "alert_type": "success", "team": "freight", "filter": "service:invoice-batch status:error", "text": "invoice-batch step failures back to zero."}),
]

LUNEBECK = Company(
    key="ir",
    name="Lunebeck Freight",
    domain="lunebeck-freight.example",
    sentry_org="lunebeck",
    splunk_url="https://lunebeck.splunkcloud.com",
    splunk_guid="9D41C2E7-5B08-4A6F-8C3D-17E2B94A60F1",
    datadog_org=("833001", "Lunebeck Freight"),
    datadog_template="recommended",
    posthog_project=(83301, "Lunebeck tariff-api"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="lunebeck-sentry-client-secret",
)
# fmt: on
