"""(bo) Gritstone Lettings, a letting agency's back office and landlord portal: one Spring Boot
3.2 monolith on Java 17 (``lettings-app``: Spring MVC controllers rendering Thymeleaf pages,
Spring Data JPA on Hibernate 6.4 over Postgres, ``@Scheduled`` jobs for rent reminders,
inspection scheduling and deposit-scheme registration), Tomcat embedded, two pods.

Sentry: sentry-spring-boot-starter-jakarta 7 (``in-app-includes: com.gritstone``), and
sentry-logback for what the jobs log themselves (no mechanism of its own, and no in-app
frames until the team set ``in-app-includes`` on the appender too). Datadog: dd-java-agent
APM and the pods' stdout (Spring Boot's default console pattern, the trace on the lines
below), monitors posting the team's own template (the monitor nested under ``monitor``, the
markdown message, ``$DATE`` unquoted). No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    JPA_SAVE,
    JPA_TRANSLATE,
    SCHEDULED,
    SPRING_TX_PROXY,
    TOMCAT,
    jexc,
    jl,
    jv,
    spring_no_connection,
)

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.8.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "lettings-app": Service("lettings-app", "java", "bo-boot-console", "", "", "", 7150031, "OpenJDK 17.0.11", framework="HandlerExceptionResolver", sdk=SDK),
}

G = "com.gritstone.lettings"
TEAM = "lettings"
# sentry-logback: the job's own log call, no mechanism, no in-app frames.
LOGBACK = dict(mechanism="generic", in_app="none")

# Log monitors on the pods' stdout: Datadog's multi-line aggregation keeps the trace with
# the line; the pipeline's Java rule remaps error.kind and error.message.
KIND_MON = dict(monitor="lettings-app ERROR logs", team=TEAM, filter="service:lettings-app status:error", text="{{log.service}} logged an error on {{log.host}}\n\n**error.kind:** `{{log.attributes.error.kind}}`\n**error.message:** {{log.attributes.error.message}}")
SAMPLE_MON = dict(monitor="lettings-app ERROR logs", team=TEAM, filter="service:lettings-app status:error", sample_lines=4, text="New ERROR on **{{log.service}}**:\n\n```\n{{log.message}}\n```")
JOB_MON = dict(monitor="lettings-app scheduled task errors", team=TEAM, filter='service:lettings-app @logger.name:"o.s.s.s.TaskUtils$LoggingErrorHandler"', text="A scheduled job on {{log.host}} failed.\n\n{{log.message}}", sample_lines=1)
APM_TYPE = dict(style="type", monitor="lettings-app error spans by type", team=TEAM)
# APM on the @Scheduled spans: the monitor names the job alone.
JOB_TEXT = "Scheduled job errors on lettings-app: {n} failed runs in the last 15 minutes. Check the job's last run in APM."


def app(pkg: str, cls: str, method: str, line: int) -> Frame:
    return jv(f"{G}.{pkg}.{cls}", method, line)


def mvc(pkg: str, cls: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*TOMCAT, app(pkg, cls, method, line))


def job(pkg: str, cls: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*SCHEDULED, app(pkg, cls, method, line))


PGJDBC = (
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", 0),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 497),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2420),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)
HIBERNATE_INSERT = (
    jl("org.hibernate.internal.SessionImpl", "flush", 1403),
    jl("org.hibernate.engine.spi.ActionQueue", "executeActions", 642),
    jl("org.hibernate.action.internal.EntityInsertAction", "execute", 107),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 197),
)


def not_null(frames: tuple[Frame, ...], table: str, column: str, columns: str, row: str) -> tuple[Exc, ...]:
    """A NOT NULL violation on flush: PSQLException, Hibernate's ConstraintViolationException,
    Spring's DataIntegrityViolationException (cause first)."""
    sql = f'ERROR: null value in column "{column}" of relation "{table}" violates not-null constraint\n  Detail: Failing row contains ({row}).'
    insert = f"insert into {table} ({columns}) values ({','.join('?' * len(columns.split(',')))})"
    flush = (*frames, *SPRING_TX_PROXY, *JPA_SAVE, *HIBERNATE_INSERT)
    return (
        jexc("org.postgresql.util.PSQLException", sql, (*flush, *PGJDBC)),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{sql}] [{insert}]", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{table}.{column}]", (*frames, *SPRING_TX_PROXY, *JPA_SAVE, *JPA_TRANSLATE)),
    )


def optional_get(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (jexc("java.util.NoSuchElementException", "No value present", (*frames, jl("java.util.Optional", "get", 143))),)


THYMELEAF = (
    jl("org.springframework.web.servlet.DispatcherServlet", "render", 1431),
    jl("org.thymeleaf.spring6.view.ThymeleafView", "renderFragment", 372),
    jl("org.thymeleaf.TemplateEngine", "process", 1079),
    jl("org.thymeleaf.engine.ProcessorTemplateHandler", "handleStandaloneElement", 918),
    jl("org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor", "doProcess", 99),
    jl("org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator", "evaluate", 202),
)


def spel_null(template: str, line: int, expr: str, prop: str, controller: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """A Thymeleaf page reading a property of a null association: SpEL's EL1007E under
    Thymeleaf's TemplateProcessingException (cause first); the controller returned fine, so
    the stack is Tomcat's and Thymeleaf's alone."""
    return (
        jexc("org.springframework.expression.spel.SpelEvaluationException", f"EL1007E: Property or field '{prop}' cannot be found on null", (*controller, *THYMELEAF, jl("org.springframework.expression.spel.ast.PropertyOrFieldReference", "readProperty", 224))),
        jexc("org.thymeleaf.exceptions.TemplateProcessingException", f'Exception evaluating SpringEL expression: "{expr}" (template: "{template}" - line {line}, col 17)', (*controller, *THYMELEAF)),
    )


MAIL = (
    jl("org.springframework.mail.javamail.JavaMailSenderImpl", "send", 355),
    jl("org.springframework.mail.javamail.JavaMailSenderImpl", "doSend", 453),
)

BUGS = [
    # NOT NULL on two tables: a deposit without its scheme reference, a quote without a VAT rate.
    Bug("bo-deposit-null-scheme", "lettings-app", not_null(job("deposits", "DepositRegistrationJob", "registerNewDeposits", 61), "tenancy_deposit", "scheme_reference", "amount_pence,registered_at,scheme,scheme_reference,tenancy_id,id", "{id}, 145000, 2026-03-1{idx} 02:00:00.113, TDS, null, {n}"),
        (see("sentry.error", 2, **LOGBACK), see("sentry.issue"), see("datadog.log", 2, **KIND_MON)),
        classes=(4,), pair="bo-quote-null-vat", entry="DepositRegistrationJob.registerNewDeposits", log="Deposit registration run failed", logger="com.gritstone.lettings.deposits.DepositRegistrationJob"),
    Bug("bo-quote-null-vat", "lettings-app", not_null(mvc("maintenance", "QuoteController", "submitQuote", 88), "maintenance_quote", "vat_rate", "amount_pence,contractor_id,job_id,submitted_at,vat_rate,id", "{id}, 23900, {n}, 3011, 2026-03-1{idx} 10:14:52.402, null"),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **KIND_MON), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bo-deposit-null-scheme", entry="POST /maintenance/jobs/{id}/quotes"),
    # Optional.get() on an empty Optional at two places.
    Bug("bo-renewal-no-offer", "lettings-app", optional_get((*mvc("tenancies", "RenewalController", "accept", 52), *SPRING_TX_PROXY, app("tenancies", "RenewalService", "acceptOffer", 77))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **SAMPLE_MON), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bo-inspection-no-inspector", entry="POST /tenancies/{id}/renewal/accept", span=2, renames={"accept": "acceptRenewal"}),
    Bug("bo-inspection-no-inspector", "lettings-app", optional_get((*job("inspections", "InspectionScheduler", "scheduleDueInspections", 40), *SPRING_TX_PROXY, app("inspections", "InspectionService", "assignInspector", 103))),
        (see("sentry.error", 2, **LOGBACK), see("sentry.issue"), see("datadog.log", 2, **JOB_MON), see("datadog.task", monitor="InspectionScheduler.scheduleDueInspections errors", team=TEAM, text=JOB_TEXT)),
        classes=(4,), pair="bo-renewal-no-offer", entry="InspectionScheduler.scheduleDueInspections"),
    # Two Thymeleaf pages reading a null association: a property's landlord, a tenancy's agent.
    Bug("bo-property-page-no-landlord", "lettings-app", spel_null("properties/detail", 42, "${property.landlord.displayName}", "displayName", mvc("properties", "PropertyController", "show", 37)),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **KIND_MON)),
        classes=(4,), pair="bo-statement-page-no-agent", entry="GET /properties/{id}"),
    Bug("bo-statement-page-no-agent", "lettings-app", spel_null("tenancies/statement", 18, "${tenancy.agent.displayName}", "displayName", mvc("tenancies", "StatementController", "statement", 29)),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 2, **SAMPLE_MON), see("datadog.apm", style="route", monitor="GET /tenancies/{id}/statement error rate", team=TEAM)),
        classes=(4,), pair="bo-property-page-no-landlord", entry="GET /tenancies/{id}/statement"),
    # One reminder job, two exceptions: the SMTP relay refuses, a tenancy without a tenant.
    Bug("bo-reminder-smtp-refused", "lettings-app", (jexc("org.eclipse.angus.mail.util.MailConnectException", "Couldn't connect to host, port: smtp.gritstone.example, 587; timeout -1", (*job("rent", "RentReminderJob", "sendReminders", 48), app("rent", "ReminderMailer", "send", 33), *MAIL, jl("org.eclipse.angus.mail.smtp.SMTPTransport", "openServer", 2365))), jexc("org.springframework.mail.MailSendException", "Mail server connection failed. Failed messages: org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: smtp.gritstone.example, 587; timeout -1", (*job("rent", "RentReminderJob", "sendReminders", 48), app("rent", "ReminderMailer", "send", 33), *MAIL))),
        (see("sentry.error", 2, **LOGBACK), see("datadog.log", 2, **JOB_MON), see("datadog.task", monitor="RentReminderJob.sendReminders errors", team=TEAM, text=JOB_TEXT)),
        classes=(4,), pair="bo-reminder-no-tenant", entry="RentReminderJob.sendReminders"),
    Bug("bo-reminder-no-tenant", "lettings-app", (jexc("java.lang.NullPointerException", 'Cannot invoke "com.gritstone.lettings.tenants.Tenant.getEmail()" because the return value of "com.gritstone.lettings.tenancies.Tenancy.getLeadTenant()" is null', (*job("rent", "RentReminderJob", "sendReminders", 44), app("rent", "RentReminderJob", "toMessage", 71))),),
        (see("sentry.error", 2, **LOGBACK), see("sentry.error", mechanism="generic", release=1), see("datadog.log", **JOB_MON), see("datadog.task", monitor="RentReminderJob.sendReminders errors", team=TEAM, text=JOB_TEXT)),
        classes=(4,), pair="bo-reminder-smtp-refused", entry="RentReminderJob.sendReminders", span=2),
    # open-in-view is off: the gallery touches a lazy collection after the transaction.
    Bug("bo-gallery-lazy-photos", "lettings-app", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: com.gritstone.lettings.properties.Property.photos: could not initialize proxy - no Session", (*mvc("properties", "GalleryController", "gallery", 31), app("properties", "GalleryViewMapper", "toView", 22), jl("org.hibernate.collection.spi.AbstractPersistentCollection", "withTemporarySessionIfNeeded", 165), jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationException", 635))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.error", release=2), see("datadog.log", **KIND_MON), see("datadog.log", **SAMPLE_MON), see("datadog.apm", **APM_TYPE)),
        entry="GET /properties/{id}/gallery", span=3, renames={"gallery": "showGallery"}),
    # Hikari runs dry when the month-end statements run.
    Bug("bo-hikari-exhausted", "lettings-app", spring_no_connection((*mvc("landlords", "PortalController", "dashboard", 45), *SPRING_TX_PROXY, app("landlords", "PortalService", "summary", 58)), "total=10, active=10, idle=0, waiting={waiting}"),
        (see("sentry.error", 2), see("sentry.alert", rule="lettings-app: error spike"), see("datadog.log", 2, **SAMPLE_MON), see("datadog.apm", style="route", monitor="GET /portal error rate", team=TEAM)),
        entry="GET /portal"),
    # Two staff assigning the same maintenance job.
    Bug("bo-job-optimistic-lock", "lettings-app", (jexc("org.hibernate.StaleObjectStateException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.gritstone.lettings.maintenance.MaintenanceJob#{id}]", (*mvc("maintenance", "JobController", "assign", 64), *SPRING_TX_PROXY, jl("org.hibernate.persister.entity.AbstractEntityPersister", "check", 2411))), jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.gritstone.lettings.maintenance.MaintenanceJob#{id}]", (*mvc("maintenance", "JobController", "assign", 64), *SPRING_TX_PROXY, jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 325)))),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **KIND_MON), see("datadog.log", **SAMPLE_MON), see("datadog.apm", **APM_TYPE)),
        entry="POST /maintenance/jobs/{id}/assign"),
    # The same unparsed dd/MM/yyyy date at two places: the viewing form, the bank's arrears CSV.
    Bug("bo-viewing-date-parse", "lettings-app", (jexc("java.time.format.DateTimeParseException", "Text '{date}' could not be parsed at index 2", (*mvc("viewings", "ViewingController", "book", 57), app("viewings", "ViewingForm", "toSlot", 34), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parse", 2056))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("datadog.log", **SAMPLE_MON), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bo-arrears-date-parse", entry="POST /properties/{id}/viewings", span=2, renames={"book": "bookViewing"}),
    Bug("bo-arrears-date-parse", "lettings-app", (jexc("java.time.format.DateTimeParseException", "Text '{date}' could not be parsed at index 2", (*job("rent", "ArrearsImportJob", "importBankStatement", 52), app("rent", "BankCsvParser", "parseLine", 81), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parse", 2056))),),
        (see("sentry.error", 2, **LOGBACK), see("sentry.error", mechanism="generic", release=1), see("datadog.log", 2, **JOB_MON), see("datadog.task", monitor="ArrearsImportJob.importBankStatement errors", team=TEAM, text=JOB_TEXT)),
        classes=(4,), pair="bo-viewing-date-parse", entry="ArrearsImportJob.importBankStatement", span=2),
    # Seen once: Jackson recursing through Property <-> Landlord in the portal's JSON export.
    Bug("bo-export-stackoverflow", "lettings-app", (jexc("java.lang.StackOverflowError", "", (*mvc("landlords", "ExportController", "exportJson", 27), jl("com.fasterxml.jackson.databind.ser.BeanSerializer", "serialize", 178), jl("com.fasterxml.jackson.databind.ser.std.BeanSerializerBase", "serializeFields", 772))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /portal/export.json"),
]

NOISE = [
    Noise("bo-noise-heap-recovered", "lettings-app", "datadog.metric", {"monitor": "lettings-app JVM heap > 85%", "transition": "Recovered", "metric": "jvm.heap_memory", "team": TEAM, "text": "Heap usage on lettings-app is back under 85%."}),
    Noise("bo-noise-deploy", "lettings-app", "datadog.event", {"monitor": "Deployment of lettings-app 4.12.0", "event_type": "deployment", "alert_type": "info", "text": "Rolled out lettings-app 4.12.0 to 2 pods."}),
    Noise("bo-noise-sentry-resolved", "lettings-app", "sentry.metric", {"rule": "lettings-app 5xx rate", "aggregate": "failure_rate()", "action": "resolved", "value": "0.004"}),
]

GRITSTONE = Company(
    key="bo",
    name="Gritstone Lettings",
    domain="gritstone.example",
    sentry_org="gritstone-lettings",
    splunk_url="",
    splunk_guid="",
    datadog_org=("418822", "Gritstone Lettings"),
    datadog_template="bo-grit",
    posthog_project=(0, ""),
    releases=("4.11.0", "4.11.3", "4.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gritstone-sentry-client-secret",
)
