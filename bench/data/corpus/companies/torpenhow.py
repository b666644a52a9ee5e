"""(kb) Torpenhow Timber & Builders' Merchants, twelve yards selling timber, sheet materials
and aggregates to trade accounts: a Java 11 Spring Boot 2.5 monolith on Tomcat 9
(``merchant-core``: trade accounts, quotes, cut lists, stock reservations, deliveries; MyBatis
3.5 over MySQL 8 through HikariCP; Quartz jobs in the same JVM for stock recounts, invoice
exports and price syncs) and an older EDI gateway (``edi-gateway``, Spring Boot 2.5 too,
Quartz pollers reading EDIFACT ORDERS and INVOIC from suppliers).

Logs: log4j2 ``JsonTemplateLayout`` with ``EcsLayout.json`` posted to Splunk over HEC
(``kb-ecs``; the team's records, Tomcat's Spring 5 "nested exception is" line, Quartz's
``JobRunShell`` and ``ErrorLogger``), the gateway's ``PatternLayout`` with ``%xEx``
(``kb-pattern``). Sentry: the old sentry-spring-boot-starter 5.7 (``javax``), one release
before the app's package was set as in-app. PostHog: posthog-java's ``captureException`` from
the controller advice. Datadog: APM monitors by error type, log monitors over the ECS
attributes and the gateway's text. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# fmt: off
SDK = ("sentry.java.spring-boot", "5.7.4", "maven:io.sentry:sentry-spring-boot-starter")
SERVICES = {
    "merchant-core": Service("merchant-core", "java", "kb-ecs", "_json", "http:merchant-core", "merchant", 9510011, "OpenJDK 11.0.11", framework="HandlerExceptionResolver", sdk=SDK),
    "edi-gateway": Service("edi-gateway", "java", "kb-pattern", "log4j2:edi", "/var/log/edi-gateway/edi-gateway.log", "merchant", 9510012, "OpenJDK 11.0.11", framework="HandlerExceptionResolver", sdk=SDK),
}

PKG = "com.torpenhow.merchant."
EDI = "com.torpenhow.edi."


def app(cls: str, method: str, line: int) -> Frame:
    return jv(PKG + cls, method, line)


def edi(cls: str, method: str, line: int) -> Frame:
    return jv(EDI + cls, method, line)


# Tomcat 9.0.46 / Spring MVC 5.3 on Java 11, oldest first, down to reflection.
TOMCAT9 = (
    jl("java.lang.Thread", "run", 829),
    jl("org.apache.tomcat.util.threads.TaskThread$WrappingRunnable", "run", 61),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 628),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1128),
    jl("org.apache.tomcat.util.net.SocketProcessorBase", "run", 49),
    jl("org.apache.tomcat.util.net.NioEndpoint$SocketProcessor", "doRun", 1707),
    jl("org.apache.coyote.AbstractProtocol$ConnectionHandler", "process", 893),
    jl("org.apache.coyote.AbstractProcessorLight", "process", 65),
    jl("org.apache.coyote.http11.Http11Processor", "service", 382),
    jl("org.apache.catalina.connector.CoyoteAdapter", "service", 357),
    jl("org.apache.catalina.core.StandardEngineValve", "invoke", 78),
    jl("org.apache.catalina.valves.ErrorReportValve", "invoke", 92),
    jl("org.apache.catalina.core.StandardHostValve", "invoke", 143),
    jl("org.apache.catalina.core.StandardContextValve", "invoke", 97),
    jl("org.apache.catalina.core.StandardWrapperValve", "invoke", 202),
    jl("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 162),
    jl("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", 189),
    jl("org.springframework.web.filter.OncePerRequestFilter", "doFilter", 119),
    jl("org.springframework.web.filter.CharacterEncodingFilter", "doFilterInternal", 201),
    jl("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", 227),
    jl("javax.servlet.http.HttpServlet", "service", 764),
    jl("org.springframework.web.servlet.FrameworkServlet", "service", 883),
    jl("javax.servlet.http.HttpServlet", "service", 655),
    jl("org.springframework.web.servlet.FrameworkServlet", "processRequest", 1006),
    jl("org.springframework.web.servlet.DispatcherServlet", "doService", 963),
    jl("org.springframework.web.servlet.DispatcherServlet", "doDispatch", 1067),
    jl("org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter", "handle", 87),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "handleInternal", 808),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "invokeHandlerMethod", 895),
    jl("org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod", "invokeAndHandle", 117),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "invokeForRequest", 150),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "doInvoke", 205),
    jl("java.lang.reflect.Method", "invoke", 566),
    jl("jdk.internal.reflect.DelegatingMethodAccessorImpl", "invoke", 43),
    jl("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke", 62),
    jl("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", -2),
)
QUARTZ = (
    jl("org.quartz.simpl.SimpleThreadPool$WorkerThread", "run", 573),
    jl("org.quartz.core.JobRunShell", "run", 202),
    jl("org.springframework.scheduling.quartz.QuartzJobBean", "execute", 75),
)


def mapper(iface: str, op: str) -> tuple[Frame, ...]:
    """A MyBatis mapper call through mybatis-spring's SqlSessionTemplate, oldest first."""
    return (
        jl("com.sun.proxy.$Proxy142", op, -1),
        jl("org.apache.ibatis.binding.MapperProxy", "invoke", 86),
        jl("org.apache.ibatis.binding.MapperProxy$PlainMethodInvoker", "invoke", 145),
        jl("org.apache.ibatis.binding.MapperMethod", "execute", 62 if op == "insert" else 87),
        jl("org.mybatis.spring.SqlSessionTemplate", "insert" if op == "insert" else "selectOne", 272 if op == "insert" else 167),
        jl("com.sun.proxy.$Proxy98", "insert" if op == "insert" else "selectOne", -1),
        jl("org.mybatis.spring.SqlSessionTemplate$SqlSessionInterceptor", "invoke", 441),
    )


MYSQL_INSERT = (
    jl("org.apache.ibatis.session.defaults.DefaultSqlSession", "insert", 184),
    jl("org.apache.ibatis.session.defaults.DefaultSqlSession", "update", 197),
    jl("org.apache.ibatis.executor.CachingExecutor", "update", 76),
    jl("org.apache.ibatis.executor.BaseExecutor", "update", 117),
    jl("org.apache.ibatis.executor.SimpleExecutor", "doUpdate", 50),
    jl("org.apache.ibatis.executor.statement.RoutingStatementHandler", "update", 74),
    jl("org.apache.ibatis.executor.statement.PreparedStatementHandler", "update", 47),
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "execute", -1),
    jl("com.zaxxer.hikari.pool.ProxyPreparedStatement", "execute", 44),
    jl("com.mysql.cj.jdbc.ClientPreparedStatement", "execute", 370),
    jl("com.mysql.cj.jdbc.ClientPreparedStatement", "executeInternal", 953),
    jl("com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping", "translateException", 117),
    jl("com.mysql.cj.jdbc.exceptions.SQLError", "createSQLException", 117),
)
TRANSLATE = (
    jl("org.mybatis.spring.MyBatisExceptionTranslator", "translateExceptionIfPossible", 88),
    jl("org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator", "translate", 70),
    jl("org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator", "doTranslate", 247),
)


def duplicate(app_frames: tuple[Frame, ...], iface: str, xml: str, table: str, key: str, value: str, sql: str) -> tuple[Exc, ...]:
    """MySQL's duplicate entry under MyBatis and Spring 5.3's DuplicateKeyException."""
    dup = f"Duplicate entry '{value}' for key '{table}.{key}'"
    calls = app_frames + mapper(iface, "insert")
    msg = (
        f"\n### Error updating database.  Cause: java.sql.SQLIntegrityConstraintViolationException: {dup}\n"
        f"### The error may exist in class path resource [mapper/{xml}]\n"
        f"### The error may involve {PKG}{iface}.insert-Inline\n"
        "### The error occurred while setting parameters\n"
        f"### SQL: {sql}\n"
        f"### Cause: java.sql.SQLIntegrityConstraintViolationException: {dup}\n"
        f"; {dup}; nested exception is java.sql.SQLIntegrityConstraintViolationException: {dup}"
    )
    return (
        jexc("java.sql.SQLIntegrityConstraintViolationException", dup, calls + MYSQL_INSERT),
        jexc("org.springframework.dao.DuplicateKeyException", msg, calls + TRANSLATE),
    )


def too_many(app_frames: tuple[Frame, ...], iface: str, n: str) -> tuple[Exc, ...]:
    calls = app_frames + mapper(iface, "selectOne")
    text = f"Expected one result (or null) to be returned by selectOne(), but found: {n}"
    return (
        jexc("org.apache.ibatis.exceptions.TooManyResultsException", text, (*calls, jl("org.apache.ibatis.session.defaults.DefaultSqlSession", "selectOne", 80))),
        jexc("org.mybatis.spring.MyBatisSystemException", f"nested exception is org.apache.ibatis.exceptions.TooManyResultsException: {text}", (*calls, jl("org.mybatis.spring.MyBatisExceptionTranslator", "translateExceptionIfPossible", 96))),
    )


ACCOUNTS = (*TOMCAT9, app("account.TradeAccountController", "open", 58), app("account.TradeAccountService", "open", 44))
SLOTS = (*TOMCAT9, app("delivery.DeliveryController", "bookSlot", 73), app("delivery.DeliverySlotService", "book", 61))
QUOTE = (*TOMCAT9, app("quote.QuoteController", "price", 49), app("quote.QuoteService", "price", 102))
DISCOUNT = app("quote.QuoteService", "applyTradeDiscount", 141)

SPL = dict(search="merchant-core - ERROR records", owner="tb_ops", app="merchant")
SPL_SERVLET = dict(SPL, kind="servlet")
SPL_QUARTZ = dict(search="merchant-core - Quartz job failures", owner="tb_ops", app="merchant")
SPL_EDI = dict(search="edi-gateway - errors", owner="tb_ops", app="merchant")
DD_LOG = dict(team="merchant", monitor="[merchant-core] ERROR logs", filter="service:merchant-core status:error", text="**{{log.attributes.error.type}}** on merchant-core\n\n{{log.attributes.message}}\n\nerror.message: {{log.attributes.error.message}}")
DD_QUARTZ = dict(team="merchant", monitor="[merchant-core] Quartz job errors", filter="service:merchant-core @log.logger:org.quartz.core.*", kind="quartz", text="A Quartz job failed on {{log.host}}: {{log.attributes.message}}\n\n`{{log.attributes.error.type}}`: {{log.attributes.error.message}}")
DD_EDI = dict(team="merchant", monitor="[edi-gateway] errors", filter="service:edi-gateway status:error", sample_lines=4, text="edi-gateway logged an error:\n\n```\n{{log.message}}\n```")
APM = dict(team="merchant", monitor="[merchant-core] error spans by type", style="type")
APM_MSG = dict(team="merchant", monitor="[merchant-core] servlet errors", style="message")
JOB_STOCK, JOB_INVOICE = "quartz:DEFAULT.stockRecountJob", "quartz:DEFAULT.invoiceExportJob"

BUGS = [
    # Duplicate keys on two tables through MyBatis.
    Bug("kb-account-dup", "merchant-core", duplicate(ACCOUNTS, "account.TradeAccountMapper", "TradeAccountMapper.xml", "trade_accounts", "uk_account_no", "TB-{id}", "INSERT INTO trade_accounts (account_no, name, branch_id, credit_limit) VALUES (?, ?, ?, ?)"),
        (see("sentry.error", 2), see("sentry.error", in_app="none", release=0), see("posthog", 2), see("splunk", 2, **SPL_SERVLET), see("datadog.apm", **APM)),
        classes=(1, 2, 4, 7), pair="kb-slot-dup", entry="POST /api/trade-accounts", log="Could not open trade account"),
    Bug("kb-slot-dup", "merchant-core", duplicate(SLOTS, "delivery.DeliverySlotMapper", "DeliverySlotMapper.xml", "delivery_slots", "uk_branch_slot", "TB{idx}-2026-03-{idx}-AM", "INSERT INTO delivery_slots (branch_id, slot_date, slot, order_id) VALUES (?, ?, ?, ?)"),
        (see("sentry.error", 3), see("splunk", 2, **SPL, msg="Slot booking failed"), see("datadog.log", 2, **DD_LOG)),
        classes=(1, 2, 4, 7), pair="kb-account-dup", entry="POST /api/deliveries/{id}/slot", log="Slot booking failed for order {order}"),
    # One discount method: a trade account without a band (NPE, Java 11: no message) and a
    # BigDecimal division without a scale.
    Bug("kb-discount-npe", "merchant-core", (jexc("java.lang.NullPointerException", "", (*QUOTE, DISCOUNT)),),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **SPL_SERVLET), see("datadog.apm", **APM)),
        classes=(1, 2, 4), pair="kb-discount-scale", entry="POST /api/quotes/{id}/price"),
    Bug("kb-discount-scale", "merchant-core", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*QUOTE, DISCOUNT, jl("java.math.BigDecimal", "divide", 1722))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **SPL_SERVLET), see("splunk", **SPL, msg="Pricing failed"), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 4), pair="kb-discount-npe", entry="POST /api/quotes/{id}/price", log="Pricing failed for quote {id}"),
    # selectOne finding two rows in two mappers: the message names neither.
    Bug("kb-price-toomany", "merchant-core", too_many((*QUOTE, app("quote.QuoteService", "linePrice", 167), app("pricing.PriceListService", "current", 38)), "pricing.PriceListMapper", "2"),
        (see("sentry.error", 3), see("splunk", 2, **SPL_SERVLET), see("datadog.apm", **APM), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 4, 7), pair="kb-postcode-toomany", entry="POST /api/quotes/{id}/price"),
    Bug("kb-postcode-toomany", "merchant-core", too_many((*TOMCAT9, app("delivery.DeliveryController", "quote", 39), app("delivery.DeliveryPlanner", "nearestBranch", 57), app("branch.BranchService", "byPostcode", 29)), "branch.BranchMapper", "2"),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **SPL_SERVLET), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 4, 7), pair="kb-price-toomany", entry="GET /api/deliveries/quote"),
    # The same IllegalStateException text thrown in two services.
    Bug("kb-branch-unconfigured-plan", "merchant-core", (jexc("java.lang.IllegalStateException", "Branch not configured for delivery: TB{idx}", (*TOMCAT9, app("delivery.DeliveryController", "plan", 88), app("delivery.DeliveryPlanner", "plan", 112), app("branch.BranchConfig", "require", 23))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL, msg="Delivery planning failed"), see("datadog.log", **DD_LOG)),
        classes=(1, 4, 9), pair="kb-branch-unconfigured-stock", entry="POST /api/deliveries/{id}/plan", log="Delivery planning failed for order {order}"),
    Bug("kb-branch-unconfigured-stock", "merchant-core", (jexc("java.lang.IllegalStateException", "Branch not configured for delivery: TB{idx}", (*TOMCAT9, app("stock.StockController", "reserve", 64), app("stock.StockReservationService", "reserve", 77))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **SPL_SERVLET), see("datadog.apm", **APM)),
        classes=(1, 4), pair="kb-branch-unconfigured-plan", entry="POST /api/stock/reservations"),
    # Two Quartz jobs under one saved search and one monitor.
    Bug("kb-recount-nfe", "merchant-core", (jexc("java.lang.NumberFormatException", 'For input string: "{n}.5"', (*QUARTZ, app("jobs.StockRecountJob", "executeInternal", 46), app("stock.HandheldCountParser", "quantity", 31), jl("java.lang.Integer", "parseInt", 652), jl("java.lang.NumberFormatException", "forInputString", 65))),),
        (see("sentry.error", 2, mechanism="Log4j2"), see("splunk", 2, **SPL_QUARTZ, kind="quartz"), see("splunk", **SPL_QUARTZ, kind="errorlogger"), see("datadog.log", 2, **DD_QUARTZ)),
        classes=(1, 2, 9), pair="kb-export-sftp-auth", entry=JOB_STOCK),
    Bug("kb-export-sftp-auth", "merchant-core", (jexc("com.jcraft.jsch.JSchException", "Auth fail", (*QUARTZ, app("jobs.InvoiceExportJob", "executeInternal", 52), app("invoice.SftpExporter", "upload", 40), jl("com.jcraft.jsch.Session", "connect", 519))), jexc("java.io.UncheckedIOException", "SFTP upload of INV-{id}.csv to sftp.sageline.example failed", (*QUARTZ, app("jobs.InvoiceExportJob", "executeInternal", 52), app("invoice.SftpExporter", "upload", 47)))),
        (see("sentry.error", 2, mechanism="Log4j2"), see("splunk", 2, **SPL_QUARTZ, kind="quartz"), see("splunk", **SPL_QUARTZ, kind="errorlogger"), see("datadog.log", **DD_QUARTZ)),
        classes=(1, 2, 9), pair="kb-recount-nfe", entry=JOB_INVOICE),
    # The EDI gateway's segment reader at the end of two bugs.
    Bug("kb-edi-orders-segment", "edi-gateway", (jexc("com.torpenhow.edi.EdifactParseException", "Unexpected segment 'UNT' at position {n}, expected 'LIN' (interchange {id})", (*QUARTZ, edi("poll.OrdersPoller", "executeInternal", 61), edi("parse.OrdersParser", "lines", 88), edi("parse.SegmentReader", "expect", 42))),),
        (see("sentry.error", 2, mechanism="Log4j2"), see("splunk", 3, **SPL_EDI), see("datadog.log", 2, **DD_EDI)),
        classes=(1, 2, 4, 9), pair="kb-edi-invoic-charset", entry="quartz:EDI.ordersPoller", logger=EDI + "poll.OrdersPoller", log="ORDERS interchange {id} rejected"),
    Bug("kb-edi-invoic-charset", "edi-gateway", (jexc("java.nio.charset.MalformedInputException", "Input length = 1", (*QUARTZ, edi("poll.InvoicPoller", "executeInternal", 58), edi("parse.InvoicParser", "header", 35), edi("parse.SegmentReader", "next", 27), jl("java.io.BufferedReader", "readLine", 392), jl("sun.nio.cs.StreamDecoder", "read", 178))),),
        (see("sentry.error", 2, mechanism="Log4j2"), see("splunk", 2, **SPL_EDI), see("datadog.log", **DD_EDI)),
        classes=(1, 2, 9), pair="kb-edi-orders-segment", entry="quartz:EDI.invoicPoller", logger=EDI + "poll.InvoicPoller", log="INVOIC file {id}.edi could not be read"),
    # Hikari exhausted: MyBatis through Spring's DataSourceUtils.
    Bug("kb-hikari-timeout", "merchant-core", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms.", (*TOMCAT9, app("stock.StockController", "levels", 41), jl("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection", 80), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 128), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 695))), jexc("org.springframework.jdbc.CannotGetJdbcConnectionException", "Failed to obtain JDBC Connection; nested exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.", (*TOMCAT9, app("stock.StockController", "levels", 41), jl("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection", 82)))),
        (see("sentry.error", 3), see("splunk", 2, **SPL_SERVLET), see("datadog.apm", 2, **APM), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 8), entry="GET /api/stock/{id}"),
    # A release without the mapper XML in the jar.
    Bug("kb-binding-overdue", "merchant-core", (jexc("org.apache.ibatis.binding.BindingException", f"Invalid bound statement (not found): {PKG}invoice.InvoiceMapper.selectOverdue", (*QUARTZ, app("jobs.DunningJob", "executeInternal", 33), app("invoice.DunningService", "overdue", 26), jl("com.sun.proxy.$Proxy151", "selectOverdue", -1), jl("org.apache.ibatis.binding.MapperProxy", "invoke", 86), jl("org.apache.ibatis.binding.MapperMethod$SqlCommand", "<init>", 235))),),
        (see("sentry.error", 2, release=2, mechanism="Log4j2"), see("splunk", 2, **SPL_QUARTZ, kind="quartz", release=2), see("datadog.log", **DD_QUARTZ, release=2)),
        classes=(1, 2), entry="quartz:DEFAULT.dunningJob"),
    # The CSV export filling the heap: Spring 5 wraps the Error in NestedServletException.
    Bug("kb-export-oom", "merchant-core", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*TOMCAT9, app("report.ReportController", "salesCsv", 71), app("report.SalesReport", "rows", 54), jl("java.util.Arrays", "copyOf", 3745))), jexc("org.springframework.web.util.NestedServletException", "Handler dispatch failed; nested exception is java.lang.OutOfMemoryError: Java heap space", TOMCAT9[:26])),
        (see("sentry.error", 2), see("splunk", 2, **SPL_SERVLET), see("datadog.apm", **APM_MSG)),
        classes=(1, 2, 7), entry="GET /api/reports/sales.csv"),
    # The cut-list optimiser over three releases, its controller method renamed.
    Bug("kb-cutlist-index", "merchant-core", (jexc("java.lang.IndexOutOfBoundsException", "Index {idx} out of bounds for length {idx}", (*TOMCAT9, app("timber.TimberController", "cutList", 66), app("timber.CutListOptimizer", "pack", 93), jl("java.util.ArrayList", "get", 458), jl("java.util.Objects", "checkIndex", 372))),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **SPL, msg="Cut list failed"), see("datadog.apm", **APM)),
        classes=(1, 2, 5), entry="POST /api/timber/cut-list", log="Cut list failed for quote {id}", span=3, renames={"TimberController.cutList": "TimberController.optimiseCutList"}),
    # The team's log line without the exception, next to Sentry's view.
    Bug("kb-credit-check", "merchant-core", (jexc("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable", '503 Service Unavailable: "{\\"error\\":\\"maintenance\\"}"', (*TOMCAT9, app("account.CreditController", "check", 35), app("account.CreditCheckClient", "score", 48), jl("org.springframework.web.client.RestTemplate", "doExecute", 785), jl("org.springframework.web.client.DefaultResponseErrorHandler", "handleError", 186))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL, kind="noexc", msg="Credit check failed:"), see("datadog.log", **DD_LOG, kind="noexc")),
        classes=(1, 2), entry="POST /api/trade-accounts/{id}/credit-check", log="Credit check failed:"),
    Bug("kb-singleton-deadlock", "merchant-core", (jexc("com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException", "Deadlock found when trying to get lock; try restarting transaction", (*TOMCAT9, app("stock.StockController", "transfer", 97), app("stock.TransferService", "move", 52))),),
        (see("sentry.error"),), singleton=True, entry="POST /api/stock/transfers"),
]

NOISE = [
    Noise("kb-noise-deploy", "merchant-core", "datadog.event", {"monitor": "Deploy", "text": "merchant-core 2026.03.2 rolled out to yard-prod (3/3 instances healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "merchant"}),
    Noise("kb-noise-recovered", "merchant-core", "datadog.log", {"monitor": "[merchant-core] Quartz job errors", "text": "Recovered: no Quartz job errors in the last 15 minutes.", "transition": "Recovered", "alert_type": "success", "team": "merchant", "filter": "service:merchant-core @log.logger:org.quartz.core.*"}),
    Noise("kb-noise-misfire", "merchant-core", "splunk", {"search": "merchant-core - Quartz job failures", "owner": "tb_ops", "app": "merchant", "line": '{"@timestamp":"{tsms}","ecs.version":"1.2.0","log.level":"INFO","message":"Handling 1 trigger(s) that missed their scheduled fire-time.","process.thread.name":"QuartzScheduler_quartzScheduler-NON_CLUSTERED_MisfireHandler","log.logger":"org.quartz.impl.jdbcjobstore.JobStoreTX","service.name":"merchant-core"}'}),
]

TORPENHOW = Company(
    key="kb",
    name="Torpenhow Timber & Builders' Merchants",
    domain="torpenhow-timber.example",
    sentry_org="torpenhow",
    splunk_url="https://torpenhow.splunkcloud.com",
    splunk_guid="3D6A0F21-7B4C-4E98-9C15-A2E7F0B84D61",
    datadog_org=("951901", "Torpenhow Timber"),
    datadog_template="custom",
    posthog_project=(95101, "Merchant core"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="torpenhow-sentry-client-secret",
)
# fmt: on
