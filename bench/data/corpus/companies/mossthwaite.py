"""(jj) Mossthwaite Water, a water company's billing: Kotlin 1.9 on Spring Boot 3.2 and the JVM
21. ``billing-api`` is Spring MVC on Tomcat with ``suspend`` controller functions (Spring's
``CoroutinesUtils`` bridging them through Reactor's ``mono``), the services switching to
``Dispatchers.IO`` with ``withContext`` around Spring Data JPA on Hibernate 6.4 and PostgreSQL;
``meter-reads-worker`` runs ``@Scheduled`` jobs that enter coroutines through ``runBlocking``
and fan out with ``async`` on ``Dispatchers.IO`` (smart-meter reads from a head-end system,
dunning letters through a print supplier's API).

Logs: Spring Boot's default console pattern through logback (``jj-boot-uf``): the team's
``@RestControllerAdvice`` logging ``Unhandled exception on request <path>`` with the trace,
Tomcat's ``Servlet.service() ... with root cause`` for what escapes it, the jobs' own
``log.error``. A Splunk universal forwarder reads the container files as multi-line events; some
events are cut after a few lines. Sentry: sentry-spring-boot-starter-jakarta (Sentry Java,
``in-app-includes`` ``com.mossthwaite``). PostHog: posthog-java's ``captureException`` in the
account-portal endpoints. Datadog: dd-java-agent APM monitors by error type and log monitors
pasting ``{{log.message}}``. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    COROUTINE_BOUNDARY,
    COROUTINE_WORKER,
    HIBERNATE_FLUSH,
    JPA_SAVE,
    JPA_TRANSLATE,
    PGJDBC_UPDATE,
    RUN_BLOCKING,
    SCHEDULED,
    TIMEOUT_FIRED,
    TOMCAT,
    jexc,
    jl,
    ktlib,
    spring_no_connection,
)

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "billing-api": Service("billing-api", "java", "jj-boot-uf", "mossthwaite:billing:boot", "/var/log/containers/billing-api.log", "mw_billing", 8910011, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
    "meter-reads-worker": Service("meter-reads-worker", "java", "jj-boot-uf", "mossthwaite:billing:boot", "/var/log/containers/meter-reads-worker.log", "mw_billing", 8910014, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
}
PKG = "com.mossthwaite.billing."


def k(cls: str, method: str, line: int, file: str) -> Frame:
    """An application frame: Kotlin files are named after the source, not the class."""
    return Frame(method, file, line, PKG + cls, True)


# A suspend controller function started by Spring MVC on the request thread (oldest first).
MVC_SUSPEND = (
    *TOMCAT[:-2],
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "invokeSuspendingFunction", 303),
    jl("org.springframework.core.CoroutinesUtils", "invokeSuspendingFunction", 138),
    ktlib("kotlinx.coroutines.reactor.MonoKt", "mono", 74, "Mono.kt"),
    ktlib("kotlinx.coroutines.reactor.MonoKt", "monoInternal$lambda$2", 92, "Mono.kt"),
    ktlib("kotlinx.coroutines.AbstractCoroutine", "start", 133, "AbstractCoroutine.kt"),
    ktlib("kotlinx.coroutines.intrinsics.UndispatchedKt", "startCoroutineUndispatched", 40, "Undispatched.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
# withContext(Dispatchers.IO) running a service's block on a worker (oldest first).
IO = COROUTINE_WORKER
# A @Scheduled job entering coroutines through runBlocking (oldest first).
JOB = (*SCHEDULED, *RUN_BLOCKING)
REPO_FIND = (
    jl("jdk.proxy2.$Proxy212", "findById", -1),
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "findById", 296),
)
LAZY = (
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "read", 143),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "withTemporarySessionIfNeeded", 247),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationExceptionIfNotConnected", 635),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationException", 660),
)
GET_REF = (
    jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 171),
    jl("org.hibernate.internal.SessionImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 2334),
)
WEBCLIENT = (
    ktlib("org.springframework.web.reactive.function.client.ClientResponseExtensionsKt", "awaitBody", 42, "ClientResponseExtensions.kt"),
    jl("org.springframework.web.reactive.function.client.WebClientResponseException", "create", 317),
)


def dup(table: str, constraint: str, detail: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """A unique violation through saveAndFlush: PSQLException, Hibernate's
    ConstraintViolationException, Spring's DataIntegrityViolationException (cause first)."""
    sql = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    insert = f"insert into {table} (account_id,created_at,status,id) values (?,?,?,?)"
    flush = app + JPA_SAVE + HIBERNATE_FLUSH
    return (
        jexc("org.postgresql.util.PSQLException", sql, flush + PGJDBC_UPDATE),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{sql}] [{insert}]", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", app + JPA_SAVE + JPA_TRANSLATE),
    )


def recovered(fqn: str, value: str, origin: tuple[Frame, ...], caller: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """kotlinx.coroutines' stack-trace recovery (the worker runs with -ea): the original as the
    cause of a copy whose frames are the resumed caller's, topped by ``_COROUTINE._BOUNDARY``."""
    return jexc(fqn, value, origin), jexc(fqn, value, (*caller, COROUTINE_BOUNDARY))


ADVICE = dict(log="Unhandled exception on request {path}", logger=PKG + "web.ApiExceptionHandler")
ROOT = dict(log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.NullPointerException] with root cause", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]")
S_API = dict(search="billing-api - errors", app="mw_billing")
S_WRK = dict(search="meter-reads-worker - errors", app="mw_billing")
CUT = dict(lines=6)
APM = dict(team="billing", monitor="[billing-api] errors by type", style="type")
LOGMON = dict(team="billing", monitor="[billing-api] ERROR logs", filter="service:billing-api status:error", style="sample", sample_lines=3)
WRKMON = dict(team="billing", monitor="[meter-reads-worker] job failures", filter="service:meter-reads-worker status:error", style="sample", sample_lines=8)

ACCOUNT_BILLS = (*MVC_SUSPEND, k("web.BillController$issue$1", "invokeSuspend", 41, "BillController.kt"))
BILL_IO = (*IO, k("bill.BillService$issue$2", "invokeSuspend", 67, "BillService.kt"))
PLAN_IO = (*IO, k("payments.PaymentPlanService$create$2", "invokeSuspend", 52, "PaymentPlanService.kt"))

BUGS = [
    # Unique violations through saveAndFlush on two tables.
    Bug("jj-bill-dup", "billing-api", dup("bills", "bills_account_id_period_key", "Key (account_id, period)=({n}, 2026-0{idx}) already exists.", BILL_IO),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_API), see("splunk", **S_API, **CUT), see("datadog.apm", **APM)),
        classes=(4,), pair="jj-plan-dup", entry="POST /v1/accounts/{account}/bills", **ADVICE),
    Bug("jj-plan-dup", "billing-api", dup("payment_plans", "payment_plans_account_id_active_key", "Key (account_id, active)=({n}, t) already exists.", PLAN_IO),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **S_API), see("datadog.log", **LOGMON)),
        classes=(4,), pair="jj-bill-dup", entry="POST /v1/accounts/{account}/payment-plans", **ADVICE),
    # Kotlin's `!!` on two nulls: a bare NullPointerException in a controller and in a job.
    Bug("jj-tariff-npe", "billing-api", (jexc("java.lang.NullPointerException", "", (*MVC_SUSPEND, k("web.TariffController$quote$1", "invokeSuspend", 33, "TariffController.kt"), k("tariff.TariffQuote", "standingCharge", 58, "TariffQuote.kt"))),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.apm", **APM)),
        classes=(4, 5), pair="jj-meter-npe", entry="GET /v1/tariffs/{tariff}/quote", span=2, renames={"standingCharge": "dailyStandingCharge"}, **ROOT),
    Bug("jj-meter-npe", "meter-reads-worker", (jexc("java.lang.NullPointerException", "", (*JOB, k("reads.ReadImportJob$run$1", "invokeSuspend", 48, "ReadImportJob.kt"), k("reads.ReadMapper", "toReading", 27, "ReadMapper.kt"))),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", **WRKMON)),
        classes=(4,), pair="jj-tariff-npe", log="Meter read import failed for batch {n}", logger=PKG + "reads.ReadImportJob", entry="read-import"),
    # withTimeout firing in two callers, recovered into each.
    Bug("jj-headend-timeout", "meter-reads-worker", recovered("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 15000 ms", TIMEOUT_FIRED, (*JOB, k("reads.ReadImportJob$run$1", "invokeSuspend", 39, "ReadImportJob.kt"), k("reads.HeadEndClient", "fetchReads", 61, "HeadEndClient.kt"))),
        (see("sentry.error", 2), see("splunk", 3, **S_WRK), see("datadog.log", 2, **WRKMON)),
        classes=(4, 5), pair="jj-usage-timeout", log="Meter read import failed for batch {n}", logger=PKG + "reads.ReadImportJob", entry="read-import", span=3),
    Bug("jj-usage-timeout", "billing-api", recovered("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 15000 ms", TIMEOUT_FIRED, (*MVC_SUSPEND, k("web.UsageController$usage$1", "invokeSuspend", 29, "UsageController.kt"), k("usage.UsageService", "smartUsage", 44, "UsageService.kt"))),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **S_API), see("datadog.log", **LOGMON)),
        classes=(4,), pair="jj-headend-timeout", entry="GET /v1/accounts/{account}/usage", **ADVICE),
    # One PDF renderer: an IOException on a missing template and an IllegalArgumentException.
    Bug("jj-pdf-io", "billing-api", (jexc("java.io.IOException", "Template not found: classpath:/templates/bill-{seg}.ftl", (*IO, k("bill.BillPdfService$render$2", "invokeSuspend", 36, "BillPdfService.kt"), k("bill.BillPdfRenderer", "render", 52, "BillPdfRenderer.kt"), jl("freemarker.template.Configuration", "getTemplate", 2901))),),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("datadog.apm", **APM)),
        classes=(4,), pair="jj-pdf-font", entry="GET /v1/bills/{bill}/pdf", **ADVICE),
    Bug("jj-pdf-font", "billing-api", (jexc("java.lang.IllegalArgumentException", "No glyph for U+2009 in font Helvetica", (*IO, k("bill.BillPdfService$render$2", "invokeSuspend", 36, "BillPdfService.kt"), k("bill.BillPdfRenderer", "render", 71, "BillPdfRenderer.kt"), jl("org.apache.pdfbox.pdmodel.font.PDType1Font", "encode", 422))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", **S_API), see("datadog.apm", **APM)),
        classes=(4,), pair="jj-pdf-io", entry="GET /v1/bills/{bill}/pdf", **ADVICE),
    # getReferenceById on two entities through one loader helper.
    Bug("jj-account-missing", "billing-api", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find com.mossthwaite.billing.account.Account with id {n}", (*IO, k("account.AccountService$statement$2", "invokeSuspend", 31, "AccountService.kt"), k("support.Loaders", "loadOrThrow", 14, "Loaders.kt"), *GET_REF)),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.log", **LOGMON), see("posthog")),
        classes=(4, 9), pair="jj-meter-missing", entry="GET /v1/accounts/{account}/statement", **ADVICE),
    Bug("jj-meter-missing", "billing-api", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find com.mossthwaite.billing.meter.Meter with id {n}", (*IO, k("meter.MeterService$exchange$2", "invokeSuspend", 49, "MeterService.kt"), k("support.Loaders", "loadOrThrow", 14, "Loaders.kt"), *GET_REF)),),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("datadog.apm", **APM)),
        classes=(4, 9), pair="jj-account-missing", entry="POST /v1/meters/{meter}/exchange", **ADVICE),
    # A lazy collection read after the coroutine left the session, on two roles.
    Bug("jj-lazy-meters", "billing-api", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: com.mossthwaite.billing.account.Account.meters: could not initialize proxy - no Session", (*IO, k("account.AccountService$summary$2", "invokeSuspend", 58, "AccountService.kt"), k("account.AccountSummary$Companion", "of", 22, "AccountSummary.kt"), jl("org.hibernate.collection.spi.PersistentBag", "size", 384), *LAZY)),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("splunk", **S_API, **CUT), see("datadog.log", **LOGMON)),
        classes=(4,), pair="jj-lazy-bills", entry="GET /v1/accounts/{account}/summary", **ADVICE),
    Bug("jj-lazy-bills", "meter-reads-worker", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: com.mossthwaite.billing.account.Account.bills: could not initialize proxy - no Session", (*JOB, k("dunning.DunningJob$run$1", "invokeSuspend", 44, "DunningJob.kt"), k("dunning.ArrearsCalculator", "arrears", 19, "ArrearsCalculator.kt"), jl("org.hibernate.collection.spi.PersistentBag", "iterator", 290), *LAZY)),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", **WRKMON)),
        classes=(4,), pair="jj-lazy-meters", log="Dunning run failed", logger=PKG + "dunning.DunningJob", entry="dunning"),
    # Two dunning failures under one saved search and one monitor.
    Bug("jj-letters-502", "meter-reads-worker", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$BadGateway", "502 Bad Gateway from POST https://api.printpost.example/v3/letters", (*JOB, k("dunning.DunningJob$run$1", "invokeSuspend", 61, "DunningJob.kt"), k("dunning.LetterClient", "send", 33, "LetterClient.kt"), *WEBCLIENT)),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", 2, **WRKMON)),
        classes=(2,), pair="jj-dunning-optimistic", log="Dunning run failed", logger=PKG + "dunning.DunningJob", entry="dunning"),
    Bug("jj-dunning-optimistic", "meter-reads-worker", (jexc("org.hibernate.StaleObjectStateException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.mossthwaite.billing.dunning.DunningCase#{n}]", (*JOB, k("dunning.DunningJob$run$1", "invokeSuspend", 70, "DunningJob.kt"), k("dunning.DunningCaseService", "escalate", 38, "DunningCaseService.kt"), *JPA_SAVE, *HIBERNATE_FLUSH[:4])),
                                                             jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.mossthwaite.billing.dunning.DunningCase#{n}]", (*JOB, k("dunning.DunningJob$run$1", "invokeSuspend", 70, "DunningJob.kt"), k("dunning.DunningCaseService", "escalate", 38, "DunningCaseService.kt"), *JPA_SAVE, *JPA_TRANSLATE))),
        (see("sentry.error", 3), see("splunk", **S_WRK), see("splunk", **S_WRK, **CUT), see("datadog.log", 2, **WRKMON)),
        classes=(2,), pair="jj-letters-502", log="Dunning run failed", logger=PKG + "dunning.DunningJob", entry="dunning"),
    # Not pairs.
    Bug("jj-hikari", "billing-api", spring_no_connection((*IO, k("bill.BillService$list$2", "invokeSuspend", 29, "BillService.kt")), "total=20, active=20, idle=0, waiting={waiting}"),
        (see("sentry.error", 2), see("splunk", 3, **S_API), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(1,), entry="GET /v1/accounts/{account}/bills", **ADVICE),
    Bug("jj-job-cancelled", "meter-reads-worker", (jexc("kotlinx.coroutines.JobCancellationException", "Parent job is Cancelling; job=BlockingCoroutine{Cancelling}@{args}", (*JOB, k("reads.ReadImportJob$run$1$1", "invokeSuspend", 55, "ReadImportJob.kt"), ktlib("kotlinx.coroutines.JobSupport", "getChildJobCancellationCause", 714, "JobSupport.kt"))),),
        (see("splunk", 2, **S_WRK), see("datadog.log", **WRKMON), see("sentry.error")),
        log="Meter read import failed for batch {n}", logger=PKG + "reads.ReadImportJob", entry="read-import"),
    Bug("jj-lateinit", "billing-api", (jexc("kotlin.UninitializedPropertyAccessException", "lateinit property clock has not been initialized", (*MVC_SUSPEND, k("web.DirectDebitController$mandate$1", "invokeSuspend", 26, "DirectDebitController.kt"), k("payments.MandateService", "nextCollection", 31, "MandateService.kt"))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **S_API), see("datadog.apm", **APM)),
        entry="POST /v1/accounts/{account}/direct-debit", **ADVICE),
    Bug("jj-heap", "meter-reads-worker", (),
        (see("datadog.metric", 2, monitor="[meter-reads-worker] heap after GC", scope="service:meter-reads-worker", team="billing", metric="jvm.heap_memory", query="avg(last_10m):avg:jvm.heap_memory{service:meter-reads-worker} by {host} > 1900000000", event_type="metric_alert_monitor", status="heap on meter-reads-worker over 1.9 GB", text="Heap at {n}00 MB on {{host.name}} during read-import."),),
        classes=(8,)),
    # A singleton: a BigDecimal division by a zero-day billing period.
    Bug("jj-divide", "billing-api", (jexc("java.lang.ArithmeticException", "Division by zero", (*IO, k("bill.ProRata$daily$2", "invokeSuspend", 18, "ProRata.kt"), jl("java.math.BigDecimal", "divide", 1865))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/accounts/{account}/final-bill"),
]

NOISE = [
    Noise("jj-noise-started", "billing-api", "splunk", {"search": "billing-api - errors", "line": "{tsms} INFO 1 --- [billing-api] [           main] c.m.billing.BillingApplicationKt         : Started BillingApplicationKt in 9.{n} seconds (process running for 10.4)"}),
    Noise("jj-noise-deploy", "meter-reads-worker", "datadog.event", {"monitor": "meter-reads-worker deployed", "text": "meter-reads-worker 2026.11.2 deployed (2/2 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("jj-noise-recovered", "billing-api", "datadog.log", {"monitor": "[billing-api] ERROR logs", "transition": "Recovered", "alert_type": "success", "text": "billing-api ERROR logs back under the threshold.", "team": "billing"}),
]

MOSSTHWAITE = Company(
    key="jj",
    name="Mossthwaite Water",
    domain="mossthwaite-water.example",
    sentry_org="mossthwaite",
    splunk_url="https://splunk.mossthwaite-water.example:8000",
    splunk_guid="8B9C0D1E-89AA-4F22-A1B3-C4D5E6F78901",
    datadog_org=("891010", "Mossthwaite Water"),
    datadog_template="recommended",
    posthog_project=(89101, "Mossthwaite account portal"),
    releases=("2026.11.0", "2026.11.1", "2026.11.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="mossthwaite-sentry-client-secret",
)
# fmt: on
