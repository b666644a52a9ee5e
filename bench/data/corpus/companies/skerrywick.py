"""(ax) Skerrywick Energy, a household gas and electricity supplier: a Spring Boot 2.7 billing API
on Java 17 under Tomcat 9 (``billing-api``), a Spring Boot 2.7 service consuming meter readings
and tariff changes from RabbitMQ with ``@RabbitListener`` methods (``meter-consumer``), and
an Angular 16 customer portal built by the Angular CLI (webpack: ``main.<hash>.js``, lazy
chunks ``<id>.<hash>.js``) (``portal-web``).

Sentry (sentry-spring-boot-starter with ``in-app-includes=com.skerrywick`` on the API; the
consumer's events come through the logback appender and its project has no in-app rule;
@sentry/angular's ``ErrorHandler`` on the portal); Datadog: the agent tails the pods' logback
console (Spring Boot 2.7's default pattern, multi-line traces aggregated), APM from
dd-java-agent, monitors posting through the team's own webhook template (snake_case keys, the
markdown and the plain message, the monitor's id and query nested). No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import jexc, jl, js, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter")
SERVICES = {
    "billing-api": Service("billing-api", "java", "boot27-console", "", "", "", 7730041, "OpenJDK 17.0.12", framework="spring", sdk=SDK),
    "meter-consumer": Service("meter-consumer", "java", "boot27-console", "", "", "", 7730042, "OpenJDK 17.0.12", framework="spring-rabbit", sdk=("sentry.java.logback", "7.14.0", "maven:io.sentry:sentry-logback")),
    "portal-web": Service("portal-web", "javascript", "", "", "", "", 7730044, origin="https://account.skerrywick.example", framework="angular", sdk=("sentry.javascript.angular", "8.35.0", "npm:@sentry/angular")),
}

# sentry-spring's SentryExceptionResolver reports the API's errors (mechanism "Spring5ExceptionResolver"); the consumer's arrive as
# logback events (no mechanism of their own), half of them with no frame in-app.
MVC = dict(mechanism="Spring5ExceptionResolver")
LOGBACK = dict(mechanism="generic")
LOGBACK_NONE = dict(mechanism="generic", in_app="none")
TEAM_BILLING, TEAM_METER = "billing", "metering"

# Monitors in the team's own words.
API_LOG_MON = dict(team=TEAM_BILLING, monitor="billing-api: ERROR logs", filter="service:billing-api status:error env:prod", text="billing-api is logging errors.\n\nLatest sample:\n```\n{{log.message}}\n```\nRunbook: https://wiki.skerrywick.example/runbooks/billing-api")
CONSUMER_LOG_MON = dict(team=TEAM_METER, monitor="meter-consumer: listener failures", filter="service:meter-consumer @logger.name:*ConditionalRejectingErrorHandler", text="Rabbit listener failures on {{log.service}} ({{value}} in 10m).\n\n```\n{{log.message}}\n```")
API_APM_TYPE = dict(style="type", team=TEAM_BILLING, monitor="billing-api errors by type")
CONSUMER_APM = dict(team=TEAM_METER, monitor="meter-consumer: amqp.deliver errors", text="Errors on `amqp.deliver` for **{{service.name}}**: `{{@error.type.name}}` ({{value}} spans in 10m).")


def frame(cls: str, method: str, line: int) -> Frame:
    return jv("com.skerrywick." + cls, method, line)


# Java 17's reflective call (before JEP 416's method handles in 18).
REFLECT = (
    jl("java.lang.reflect.Method", "invoke", 568),
    jl("jdk.internal.reflect.DelegatingMethodAccessorImpl", "invoke", 43),
    jl("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke", 77),
    Frame("invoke0", "", -2, "jdk.internal.reflect.NativeMethodAccessorImpl", False),
)


def tomcat9(verb: str) -> tuple[Frame, ...]:
    """Tomcat 9 (javax.servlet) and Spring MVC 5.3 down to the controller's reflective call."""
    do = {"GET": ("doGet", 898), "POST": ("doPost", 909)}[verb]
    return (
        jl("java.lang.Thread", "run", 840),
        jl("org.apache.tomcat.util.threads.TaskThread$WrappingRunnable", "run", 61),
        jl("org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker", "run", 659),
        jl("org.apache.tomcat.util.threads.ThreadPoolExecutor", "runWorker", 1191),
        jl("org.apache.tomcat.util.net.SocketProcessorBase", "run", 49),
        jl("org.apache.tomcat.util.net.NioEndpoint$SocketProcessor", "doRun", 1791),
        jl("org.apache.coyote.AbstractProtocol$ConnectionHandler", "process", 926),
        jl("org.apache.coyote.AbstractProcessorLight", "process", 65),
        jl("org.apache.coyote.http11.Http11Processor", "service", 399),
        jl("org.apache.catalina.connector.CoyoteAdapter", "service", 357),
        jl("org.apache.catalina.core.StandardEngineValve", "invoke", 78),
        jl("org.apache.catalina.valves.ErrorReportValve", "invoke", 93),
        jl("org.apache.catalina.core.StandardHostValve", "invoke", 135),
        jl("org.apache.catalina.core.StandardContextValve", "invoke", 97),
        jl("org.apache.catalina.core.StandardWrapperValve", "invoke", 197),
        jl("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 162),
        jl("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", 189),
        jl("org.springframework.web.filter.OncePerRequestFilter", "doFilter", 117),
        jl("org.springframework.web.filter.CharacterEncodingFilter", "doFilterInternal", 201),
        jl("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 162),
        jl("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", 227),
        jl("javax.servlet.http.HttpServlet", "service", 764),
        jl("org.springframework.web.servlet.FrameworkServlet", "service", 883),
        jl("javax.servlet.http.HttpServlet", "service", 681 if verb == "POST" else 670),
        jl("org.springframework.web.servlet.FrameworkServlet", do[0], do[1]),
        jl("org.springframework.web.servlet.FrameworkServlet", "processRequest", 1006),
        jl("org.springframework.web.servlet.DispatcherServlet", "doService", 964),
        jl("org.springframework.web.servlet.DispatcherServlet", "doDispatch", 1071),
        jl("org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter", "handle", 87),
        jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "handleInternal", 808),
        jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "invokeHandlerMethod", 895),
        jl("org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod", "invokeAndHandle", 117),
        jl("org.springframework.web.method.support.InvocableHandlerMethod", "invokeForRequest", 150),
        jl("org.springframework.web.method.support.InvocableHandlerMethod", "doInvoke", 205),
        *REFLECT,
    )


SMLC = "org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer"
AMLC = "org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer"
MMLA = "org.springframework.amqp.rabbit.listener.adapter.MessagingMessageListenerAdapter"
# spring-amqp 2.4's container thread down to the adapter (oldest first).
RABBIT = (
    jl("java.lang.Thread", "run", 840),
    jl(SMLC + "$AsyncMessageProcessingConsumer", "run", 1334),
    jl(SMLC + "$AsyncMessageProcessingConsumer", "mainLoop", 1435),
    jl(SMLC, "receiveAndExecute", 1013),
    jl(SMLC, "doReceiveAndExecute", 1035),
    jl(AMLC, "executeListener", 1593),
    jl(AMLC, "invokeListener", 1652),
    jl(AMLC, "actualInvokeListener", 1673),
    jl(AMLC, "doInvokeListener", 1716),
    jl(MMLA, "onMessage", 148),
    jl(MMLA, "invokeHandlerAndProcessResult", 220),
)
INVOKE = (
    jl(MMLA, "invokeHandler", 270),
    jl("org.springframework.amqp.rabbit.listener.adapter.HandlerAdapter", "invoke", 53),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "invoke", 117),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "doInvoke", 171),
    *REFLECT,
)


def listener(method_sig: str, app: tuple[Frame, ...], cause: Exc | tuple[Exc, ...]) -> tuple[Exc, ...]:
    """A ``@RabbitListener`` method's exception (cause first) wrapped by the adapter."""
    causes = cause if isinstance(cause, tuple) else (cause,)
    causes = tuple(Exc(c.type, c.value, (*RABBIT, *INVOKE, *app, *c.frames), c.module) for c in causes)
    wrapper = jexc("org.springframework.amqp.rabbit.support.ListenerExecutionFailedException", f"Listener method '{method_sig}' threw exception", (*RABBIT, jl(MMLA, "invokeHandler", 273)))
    return (*causes, wrapper)


READING_SIG = "public void com.skerrywick.metering.listener.MeterReadingListener.onReading(com.skerrywick.metering.events.MeterReadingReceived)"
TARIFF_SIG = "public void com.skerrywick.metering.listener.TariffChangeListener.onTariffChanged(com.skerrywick.metering.events.TariffChanged)"
ON_READING = frame("metering.listener.MeterReadingListener", "onReading", 41)
ON_TARIFF = frame("metering.listener.TariffChangeListener", "onTariffChanged", 33)
CHECK = frame("common.http.UpstreamSupport", "checkStatus", 58)
HIBERNATE_PROXY = (
    jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 176),
    jl("org.hibernate.internal.SessionImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 284),
)

NG = "node_modules/@angular/core/fesm2022/core.mjs"
ZONE = "node_modules/zone.js/fesm2015/zone.js"
NG_CLICK = (
    js(ZONE, "_ZoneDelegate.invokeTask", 402, 31, "polyfills", lib=True),
    js(ZONE, "ZoneTask.invokeTask", 569, 33, "polyfills", lib=True),
    js(NG, "wrapListenerIn_markDirtyAndPreventDefault", 25320, 36, "main", lib=True),
)
NG_RENDER = (
    js(ZONE, "_ZoneDelegate.invoke", 368, 26, "polyfills", lib=True),
    js(NG, "detectChangesInView", 13370, 9, "main", lib=True),
    js(NG, "executeTemplate", 11920, 9, "main", lib=True),
)

BUGS = [
    # Optional.get() on an empty Optional at two places: the API and the consumer.
    Bug("sk-current-tariff-empty", "billing-api", (jexc("java.util.NoSuchElementException", "No value present", (*tomcat9("GET"), frame("billing.web.TariffController", "current", 38), frame("billing.tariff.TariffService", "currentTariff", 72), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 2, **MVC), see("sentry.issue", **MVC), see("datadog.log", **API_LOG_MON), see("datadog.apm", **API_APM_TYPE)),
        classes=(4,), pair="sk-meter-point-empty", entry="GET /api/v1/accounts/{account_id}/tariff", span=2, renames={"current": "currentTariff"}),
    Bug("sk-meter-point-empty", "meter-consumer", listener(READING_SIG, (ON_READING,), jexc("java.util.NoSuchElementException", "No value present", (frame("metering.reading.ReadingProcessor", "resolveMeterPoint", 96), jl("java.util.Optional", "get", 143)))),
        (see("sentry.error", **LOGBACK), see("sentry.error", **LOGBACK_NONE), see("datadog.log", 2, **CONSUMER_LOG_MON), see("datadog.apm", **CONSUMER_APM)),
        classes=(4,), pair="sk-current-tariff-empty", entry="basic.deliver meter.readings"),
    # A lazy proxy of a row that was deleted: the entity named in the message is the bug.
    Bug("sk-proxy-account-missing", "billing-api", (jexc("javax.persistence.EntityNotFoundException", "Unable to find com.skerrywick.billing.domain.Account with id {id}", (*tomcat9("GET"), frame("billing.web.StatementController", "latest", 52), frame("billing.statement.StatementService", "latestFor", 61), frame("billing.domain.Statement", "getAccount", 88), *HIBERNATE_PROXY)),),
        (see("sentry.error", 2, **MVC), see("datadog.log", 2, **API_LOG_MON)),
        classes=(4,), pair="sk-proxy-meterpoint-missing", entry="GET /api/v1/statements/{statement_id}"),
    Bug("sk-proxy-meterpoint-missing", "billing-api", (jexc("javax.persistence.EntityNotFoundException", "Unable to find com.skerrywick.billing.domain.MeterPoint with id {id}", (*tomcat9("GET"), frame("billing.web.StatementController", "latest", 52), frame("billing.statement.StatementService", "latestFor", 67), frame("billing.domain.Statement", "getMeterPoint", 93), *HIBERNATE_PROXY)),),
        (see("sentry.error", 2, **MVC), see("sentry.issue", **MVC), see("datadog.log", **API_LOG_MON)),
        classes=(4,), pair="sk-proxy-account-missing", entry="GET /api/v1/statements/{statement_id}"),
    # One calculator, two exceptions: a missing unit rate, a non-terminating division.
    Bug("sk-invoice-total-npe", "billing-api", (jexc("java.lang.NullPointerException", 'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because "rate" is null', (*tomcat9("POST"), frame("billing.web.InvoiceController", "preview", 44), frame("billing.invoice.InvoiceCalculator", "total", 57))),),
        (see("sentry.error", 3, **MVC), see("datadog.log", **API_LOG_MON), see("datadog.apm", **API_APM_TYPE)),
        classes=(4,), pair="sk-invoice-total-divide", entry="POST /api/v1/invoices/preview", span=2),
    Bug("sk-invoice-total-divide", "billing-api", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*tomcat9("POST"), frame("billing.web.InvoiceController", "preview", 44), frame("billing.invoice.InvoiceCalculator", "total", 61), jl("java.math.BigDecimal", "divide", 1780))),),
        (see("sentry.error", 2, **MVC), see("sentry.issue", **MVC), see("datadog.apm", **API_APM_TYPE)),
        classes=(4,), pair="sk-invoice-total-npe", entry="POST /api/v1/invoices/preview"),
    # Two readings bugs under one listener and one monitor: a reading lower than the last, and
    # the same reading delivered twice.
    Bug("sk-reading-lower", "meter-consumer", listener(READING_SIG, (ON_READING,), jexc("java.lang.IllegalArgumentException", "Reading {id} kWh is lower than the previous reading for meter point {meter}", (frame("metering.reading.ReadingProcessor", "process", 58), frame("metering.reading.ReadingValidator", "requireMonotonic", 31)))),
        (see("sentry.error", 2, **LOGBACK), see("datadog.log", 2, **CONSUMER_LOG_MON), see("datadog.apm", **CONSUMER_APM)),
        classes=(2,), pair="sk-reading-duplicate", entry="basic.deliver meter.readings", span=2),
    Bug("sk-reading-duplicate", "meter-consumer", listener(READING_SIG, (ON_READING,), (
        jexc("org.postgresql.util.PSQLException", 'ERROR: duplicate key value violates unique constraint "uk_meter_reading_point_read_at"\n  Detail: Key (meter_point_id, read_at)=({id}, 2026-03-0{idx} 00:00:00) already exists.', (frame("metering.reading.ReadingProcessor", "process", 64), jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 623), jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2713))),
        jexc("org.hibernate.exception.ConstraintViolationException", "could not execute statement", (frame("metering.reading.ReadingProcessor", "process", 64), jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 623), jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 59))),
        jexc("org.springframework.dao.DataIntegrityViolationException", "could not execute statement; SQL [n/a]; constraint [uk_meter_reading_point_read_at]; nested exception is org.hibernate.exception.ConstraintViolationException: could not execute statement", (frame("metering.reading.ReadingProcessor", "process", 64), jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 623), jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 276))),
    )),
        (see("sentry.error", **LOGBACK), see("sentry.error", **LOGBACK_NONE), see("datadog.log", 2, **CONSUMER_LOG_MON)),
        classes=(2,), pair="sk-reading-lower", entry="basic.deliver meter.readings"),
    # Two upstream calls failing through one status check.
    Bug("sk-dcc-reads-unavailable", "meter-consumer", listener(TARIFF_SIG, (ON_TARIFF,), jexc("com.skerrywick.common.http.UpstreamException", "DCC adapter returned 503 for GET /devices/{hex}/reads", (frame("metering.dcc.DccAdapterClient", "latestReads", 47), CHECK))),
        (see("sentry.error", 2, **LOGBACK), see("datadog.log", **CONSUMER_LOG_MON)),
        classes=(9,), pair="sk-mandate-conflict", entry="basic.deliver tariff.changes"),
    Bug("sk-mandate-conflict", "billing-api", (jexc("com.skerrywick.common.http.UpstreamException", "Payment provider returned 409 for POST /mandates", (*tomcat9("POST"), frame("billing.web.DirectDebitController", "setUp", 36), frame("billing.payments.MandateClient", "create", 52), CHECK)),),
        (see("sentry.error", 2, **MVC), see("sentry.alert", rule="billing-api: payments", **MVC), see("datadog.log", **API_LOG_MON)),
        classes=(9,), pair="sk-dcc-reads-unavailable", entry="POST /api/v1/accounts/{account_id}/direct-debit"),
    # The pool runs dry during the monthly bill run: the APM monitor names only the type.
    Bug("sk-hikari-exhausted", "billing-api", (
        jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms.", (*tomcat9("GET"), frame("billing.web.BalanceController", "balance", 29), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696))),
        jexc("org.springframework.transaction.CannotCreateTransactionException", "Could not open JPA EntityManager for transaction; nested exception is org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection", (*tomcat9("GET"), frame("billing.web.BalanceController", "balance", 29), jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 467))),
    ),
        (see("sentry.error", 2, **MVC), see("datadog.apm", 2, **API_APM_TYPE), see("datadog.log", **API_LOG_MON)),
        classes=(8,), entry="GET /api/v1/accounts/{account_id}/balance", span=2),
    # A tariff event the converter cannot read: rejected before any listener code runs.
    Bug("sk-tariff-conversion", "meter-consumer", (
        jexc("org.springframework.amqp.support.converter.MessageConversionException", "Failed to convert Message content", (*RABBIT, jl(MMLA, "invokeHandler", 270), jl("org.springframework.amqp.support.converter.Jackson2JsonMessageConverter", "fromMessage", 325))),
        jexc("org.springframework.amqp.rabbit.support.ListenerExecutionFailedException", "Failed to convert message", (*RABBIT, jl(MMLA, "invokeHandler", 279))),
    ),
        (see("sentry.error", 2, **LOGBACK_NONE), see("datadog.task", team=TEAM_METER, monitor="meter-consumer: tariff.changes deliveries failing", scope="resource_name:basic.deliver_tariff.changes")),
        classes=(8, 10), entry="basic.deliver tariff.changes"),
    # The monthly statement run logs and carries on.
    Bug("sk-statement-run-state", "billing-api", (jexc("java.lang.IllegalStateException", "Statement period already closed for account {id}", (*(jl("java.lang.Thread", "run", 840), jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635), jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136), jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 305), jl("java.util.concurrent.FutureTask", "runAndReset", 305), jl("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", 54), jl("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 84), *REFLECT), frame("billing.statement.StatementRunJob", "run", 47), frame("billing.statement.StatementService", "close", 112))),),
        (see("sentry.error", 2), see("datadog.log", 2, **API_LOG_MON)),
        log="Statement run failed for batch {n}, continuing", logger="com.skerrywick.billing.statement.StatementRunJob", entry="StatementRunJob.run", handled=True),
    # The consumer's pods are OOMKilled during a backlog replay.
    Bug("sk-consumer-oomkilled", "meter-consumer", (),
        (see("datadog.metric", 3, team=TEAM_METER, monitor="meter-consumer OOMKilled", scope="kube_deployment:meter-consumer,kube_namespace:metering", metric="kubernetes_state.container.status_report.count.terminated", query="max(last_5m):max:kubernetes_state.container.status_report.count.terminated{reason:oomkilled,kube_deployment:meter-consumer} by {pod_name} >= 1", text="Container `meter-consumer` was OOMKilled (limit 1Gi). Readings are redelivered from the queue."),),
        classes=(8,)),
    # Statement archives pushed to the print partner: warnings whose sizes, durations and hosts
    # change length, pasted by a warn-level log monitor.
    Bug("sk-archive-upload-slow", "billing-api", (),
        (see("datadog.log", 3, team=TEAM_BILLING, monitor="billing-api: slow statement archive uploads", filter="service:billing-api @logger.name:*StatementArchiveUploader status:warn", transition="Warn", text="Statement archive uploads are slow.\n\nLatest:\n```\n{gts}.{millis}  WARN 1 --- [   scheduling-1] c.s.b.s.archive.StatementArchiveUploader : Uploaded statement archive to {printsftp}: {size} in {dur}\n```"),),
        classes=(7,)),
    # The portal: a usage chart over a month without readings.
    Bug("sk-web-usage-kwh", "portal-web", (Exc("TypeError", frames=(*NG_RENDER, js("src/app/usage/usage-chart.component.ts", "UsageChartComponent.toSeries", 64, 31, "431")), js=JsError("read-undefined", "month.electricity", "kwh")),),
        (see("sentry.error", 2, browser="chrome", chunk="431"), see("sentry.error", browser="firefox", chunk="431", release=1), see("sentry.error", browser="safari", chunk="431", release=1), see("sentry.error", browser="edge", chunk="431", sourcemaps=False)),
        classes=(3, 10), span=2, page="/usage"),
    # The balance card shows the gateway's timeout, captured as the HttpErrorResponse's message.
    Bug("sk-web-balance-timeout", "portal-web", (Exc("Error", "Http failure response for https://account.skerrywick.example/api/v1/accounts/{id}/balance: 504 Gateway Timeout", (js(ZONE, "ZoneTask.invokeTask", 569, 33, "polyfills", lib=True), js("node_modules/@angular/common/fesm2022/http.mjs", "XMLHttpRequest.onLoad", 2291, 31, "main", lib=True), js("src/app/core/http-error.interceptor.ts", "HttpErrorInterceptor.intercept", 22, 18, "main"))),),
        (see("sentry.error", 3, browser="chrome", chunk="main", mechanism="angular"), see("sentry.error", browser="safari", chunk="main", mechanism="angular")),
        page="/dashboard"),
    # After a deploy, webpack's runtime asks for a lazy chunk that is gone.
    Bug("sk-web-chunk-load", "portal-web", (Exc("ChunkLoadError", "Loading chunk 431 failed.\n(error: {chunkurl})", (js("webpack/runtime/jsonp chunk loading", "o.f.j", 1, 2204, "runtime", lib=True), js("src/app/app-routing.module.ts", "loadChildren", 18, 35, "main"))),),
        (see("sentry.error", browser="chrome", chunk="431", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="431", mechanism="onunhandledrejection", release=1), see("sentry.error", browser="safari", chunk="431", mechanism="onunhandledrejection", release=1)),
        classes=(3,), span=2, page="/usage"),
    # Seen once: the statement PDF's font missing from a slim image.
    Bug("sk-pdf-font-missing", "billing-api", (jexc("java.io.IOException", "Font 'Inter-Regular' not found on classpath: /fonts/Inter-Regular.ttf", (*tomcat9("GET"), frame("billing.web.StatementController", "pdf", 71), frame("billing.statement.pdf.StatementPdfRenderer", "render", 39), frame("billing.statement.pdf.Fonts", "load", 22))),),
        (see("sentry.error", **MVC),),
        singleton=True, entry="GET /api/v1/statements/{statement_id}/pdf"),
]

NOISE = [
    Noise("sk-noise-deploy", "billing-api", "datadog.event", {"monitor": "Deployed billing-api 4.12.0", "text": "Argo CD synced billing-api to 4.12.0 (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM_BILLING}),
    Noise("sk-noise-queue-recovered", "meter-consumer", "datadog.metric", {"monitor": "meter.readings queue depth", "transition": "Recovered", "scope": "rabbitmq_queue:meter.readings", "metric": "rabbitmq.queue.messages", "query": "avg(last_10m):avg:rabbitmq.queue.messages{rabbitmq_queue:meter.readings} > 50000", "text": "Queue meter.readings is back under 50000 messages (1204).", "team": TEAM_METER}),
    Noise("sk-noise-errors-recovered", "billing-api", "datadog.metric", {"monitor": "billing-api 5xx rate", "transition": "Recovered", "scope": "service:billing-api", "metric": "trace.servlet.request.errors", "query": "sum(last_10m):sum:trace.servlet.request.errors{service:billing-api,env:prod}.as_count() / sum:trace.servlet.request.hits{service:billing-api,env:prod}.as_count() > 0.02", "text": "billing-api's error rate is back under 2% (0.3%).", "team": TEAM_BILLING}),
]

SKERRYWICK = Company(
    key="ax",
    name="Skerrywick Energy",
    domain="skerrywick.example",
    sentry_org="skerrywick",
    splunk_url="",
    splunk_guid="",
    datadog_org=("418822", "Skerrywick Energy"),
    datadog_template="ax",
    posthog_project=(0, ""),
    releases=("4.11.2", "4.12.0", "4.12.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="skerrywick-sentry-client-secret",
)
# fmt: on
