"""(jq) Orrest Van Hire, a regional van and minibus hire firm: one Java 17 Spring Boot 3.1 MVC
service on Tomcat (``hire-service``: quotes, bookings, depot hand-overs and returns, damage
claims, a licence check against a partner API, nightly invoicing by ``@Scheduled``), Spring
Data JPA on Hibernate 6.2 over Postgres, run as a jar on two VMs.

Logs: logback through Spring Boot's default console pattern (``jq-boot31``), the team's
``@RestControllerAdvice`` logging ``log.error("...", e)``, Tomcat's "Servlet.service() ...
with root cause" for what escapes it, Hibernate's ``SqlExceptionHelper`` lines before a
constraint violation. Sentry: sentry-spring-boot-starter-jakarta 6 (the first release shipped
without ``sentry.in-app-includes``, so no frame of it is in-app). Datadog: log monitors
pasting the first lines of an event. No PostHog, no Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv, spring_no_connection

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "6.34.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "hire-service": Service("hire-service", "java", "jq-boot31", "orrest:boot", "/opt/orrest/hire-service/hire.log", "orrest", 9120531, "OpenJDK 17.0.11", framework="spring", sdk=SDK),
}
PKG = "uk.example.orrest.hire"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


TOMCAT_BASE = (
    jl("java.lang.Thread", "run", 840),
    jl("org.apache.tomcat.util.threads.TaskThread$WrappingRunnable", "run", 61),
    jl("org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker", "run", 659),
    jl("org.apache.tomcat.util.threads.ThreadPoolExecutor", "runWorker", 1191),
    jl("org.apache.tomcat.util.net.SocketProcessorBase", "run", 52),
    jl("org.apache.tomcat.util.net.NioEndpoint$SocketProcessor", "doRun", 1740),
    jl("org.apache.coyote.AbstractProtocol$ConnectionHandler", "process", 894),
    jl("org.apache.coyote.http11.Http11Processor", "service", 391),
    jl("org.apache.catalina.connector.CoyoteAdapter", "service", 341),
    jl("org.apache.catalina.core.StandardEngineValve", "invoke", 74),
    jl("org.apache.catalina.core.StandardHostValve", "invoke", 119),
    jl("org.apache.catalina.core.StandardWrapperValve", "invoke", 166),
    jl("org.apache.catalina.core.ApplicationFilterChain", "doFilter", 174),
    jl("org.apache.catalina.core.ApplicationFilterChain", "internalDoFilter", 205),
    jl("jakarta.servlet.http.HttpServlet", "service", 658),
    jl("org.springframework.web.servlet.FrameworkServlet", "service", 885),
)
DISPATCH = (
    jl("org.springframework.web.servlet.FrameworkServlet", "processRequest", 1011),
    jl("org.springframework.web.servlet.DispatcherServlet", "doService", 974),
    jl("org.springframework.web.servlet.DispatcherServlet", "doDispatch", 1081),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "handleInternal", 801),
    jl("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "invokeHandlerMethod", 884),
    jl("org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod", "invokeAndHandle", 118),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "invokeForRequest", 150),
    jl("org.springframework.web.method.support.InvocableHandlerMethod", "doInvoke", 205),
    jl("java.lang.reflect.Method", "invoke", 568),
    jl("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", 103),
)
VERB = {
    "GET": (jl("jakarta.servlet.http.HttpServlet", "service", 564), jl("org.springframework.web.servlet.FrameworkServlet", "doGet", 903)),
    "POST": (jl("jakarta.servlet.http.HttpServlet", "service", 590), jl("org.springframework.web.servlet.FrameworkServlet", "doPost", 914)),
    "PUT": (jl("jakarta.servlet.http.HttpServlet", "service", 593), jl("org.springframework.web.servlet.FrameworkServlet", "doPut", 925)),
}


def http(verb: str, *frames: Frame) -> tuple[Frame, ...]:
    return (*TOMCAT_BASE, *VERB[verb], *DISPATCH, *frames)


TX = (
    jl("org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor", "intercept", 702),
    jl("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 184),
    jl("org.springframework.transaction.interceptor.TransactionInterceptor", "invoke", 119),
    jl("org.springframework.transaction.interceptor.TransactionAspectSupport", "invokeWithinTransaction", 391),
    jl("org.springframework.aop.framework.CglibAopProxy$CglibMethodInvocation", "invokeJoinpoint", 765),
)
SCHEDULED = (
    jl("java.lang.Thread", "run", 840),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("java.util.concurrent.FutureTask", "runAndReset", 358),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 572),
    jl("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", 54),
    jl("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 84),
    jl("java.lang.reflect.Method", "invoke", 568),
)
FLUSH = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 653),
    jl("org.hibernate.internal.SessionImpl", "flush", 1403),
    jl("org.hibernate.event.internal.DefaultFlushEventListener", "onFlush", 39),
    jl("org.hibernate.engine.spi.ActionQueue", "executeActions", 631),
    jl("org.hibernate.action.internal.EntityInsertAction", "execute", 104),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 194),
)
PGJDBC = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 502),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2412),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
TRANSLATE = (
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "translateExceptionIfPossible", 244),
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 296),
)


def duplicate(frames: tuple[Frame, ...], constraint: str, key: str, insert: str) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key {key} already exists.'
    flush = frames + FLUSH
    return (
        jexc("org.postgresql.util.PSQLException", pg, flush + PGJDBC),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{pg}] [{insert}]", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{pg}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", frames + TRANSLATE),
    )


def stale(frames: tuple[Frame, ...], entity: str) -> tuple[Exc, ...]:
    value = f"Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [{PKG}.domain.{entity}#{{id}}]"
    return (
        jexc("org.hibernate.StaleObjectStateException", value, (*frames, jl("org.hibernate.persister.entity.AbstractEntityPersister", "check", 2619))),
        jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", f"Object of class [{PKG}.domain.{entity}] with identifier [{{id}}]: optimistic locking failed; {value}", (*frames, *TRANSLATE)),
    )


LAZY = "failed to lazily initialize a collection of role: uk.example.orrest.hire.domain.Booking.extras: could not initialize proxy - no Session"
LAZY_FRAMES = (
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationException", 635),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "withTemporarySessionIfNeeded", 218),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "initialize", 615),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "read", 136),
    jl("org.hibernate.collection.spi.PersistentBag", "iterator", 371),
)
NPE_DEPOT = 'Cannot invoke "uk.example.orrest.hire.domain.Depot.getCode()" because the return value of "uk.example.orrest.hire.domain.Vehicle.getDepot()" is null'
PARSE = "Text '{n}/03/2026' could not be parsed at index 0"
PARSE_FRAMES = (
    jl("java.time.format.DateTimeFormatter", "parseResolved0", 2108),
    jl("java.time.format.DateTimeFormatter", "parse", 2010),
    jl("java.time.LocalDate", "parse", 435),
)

ADVICE = "uk.example.orrest.hire.web.ApiExceptionHandler"
LOGS = dict(team="hire", monitor="[hire-service] ERROR events", filter="service:hire-service status:error", style="sample", sample_lines=4)
LOGS_LONG = {**LOGS, "sample_lines": 8}
SQL = dict(team="hire", monitor="[hire-service] SQL errors", filter="service:hire-service logger_name:*SqlExceptionHelper*", style="sample", sample_lines=2, kind="hibernate")
JOBS = dict(team="hire", monitor="[hire-service] scheduled job failures", filter="service:hire-service thread_name:scheduling-*", style="sample", sample_lines=5)

BUGS = [
    # Java 17's helpful NPE, word for word, in the quote and in the return check-in.
    Bug("jq-quote-depot-npe", "hire-service", (Exc("NullPointerException", NPE_DEPOT, http("GET", app("web.QuoteController", "quote", 47), app("quote.QuoteService", "price", 82), app("quote.DepotSurcharge", "forVehicle", 23)), module="java.lang"),),
        (see("sentry.error", 2), see("sentry.error", release=0, in_app="none"), see("datadog.log", 2, **LOGS, kind="servlet")),
        classes=(4,), pair="jq-return-depot-npe", entry="GET /api/quotes", span=2, renames={"price": "priceQuote"}),
    Bug("jq-return-depot-npe", "hire-service", (Exc("NullPointerException", NPE_DEPOT, http("POST", app("web.ReturnController", "checkIn", 61), *TX, app("returns.ReturnService", "checkIn", 104)), module="java.lang"),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGS, kind="servlet")),
        classes=(4,), pair="jq-quote-depot-npe", entry="POST /api/returns/{id}/check-in"),
    # Unique violations on bookings and on customers.
    Bug("jq-booking-dup", "hire-service", duplicate(http("POST", app("web.BookingController", "create", 55), *TX, app("booking.BookingService", "book", 91)), "bookings_vehicle_id_starts_at_key", "(vehicle_id, starts_at)=({id}, 2026-03-1{idx} 08:00:00)", "insert into bookings (customer_id,ends_at,extras_total,starts_at,status,vehicle_id,id) values (?,?,?,?,?,?,?)"),
        (see("sentry.error", 2), see("sentry.error", release=0, in_app="none"), see("datadog.log", 2, **SQL), see("datadog.log", **LOGS_LONG)),
        classes=(4,), pair="jq-customer-dup", log="Booking failed for customer {user}", logger=ADVICE, entry="POST /api/bookings"),
    Bug("jq-customer-dup", "hire-service", duplicate(http("POST", app("web.CustomerController", "register", 38), *TX, app("customer.CustomerService", "register", 52)), "customers_licence_number_key", "(licence_number)=(ORR{order}JX9)", "insert into customers (created_at,email,full_name,licence_number,id) values (?,?,?,?,?)"),
        (see("sentry.error", 2), see("datadog.log", **SQL), see("datadog.log", **LOGS)),
        classes=(4,), pair="jq-booking-dup", log="Registration failed", logger=ADVICE, entry="POST /api/customers"),
    # Optimistic locking on two entities.
    Bug("jq-vehicle-stale", "hire-service", stale(http("PUT", app("web.HandoverController", "handOver", 44), *TX, app("handover.HandoverService", "handOver", 73)), "Vehicle"),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGS)),
        classes=(4,), pair="jq-booking-stale", log="Hand-over failed for booking {id}", logger=ADVICE, entry="PUT /api/bookings/{id}/handover"),
    Bug("jq-booking-stale", "hire-service", stale(http("PUT", app("web.BookingController", "amend", 88), *TX, app("booking.BookingService", "amend", 133)), "Booking"),
        (see("sentry.error", 2), see("datadog.log", **LOGS)),
        classes=(4,), pair="jq-vehicle-stale", log="Amendment failed for booking {id}", logger=ADVICE, entry="PUT /api/bookings/{id}"),
    # The same lazy collection: the nightly invoice job, and Jackson writing a booking.
    Bug("jq-invoice-lazy", "hire-service", (jexc("org.hibernate.LazyInitializationException", LAZY, (*SCHEDULED, app("billing.InvoiceJob", "invoiceCompletedHires", 39), app("billing.InvoiceBuilder", "extrasTotal", 57), *LAZY_FRAMES)),),
        (see("sentry.error", 3), see("datadog.log", 2, **JOBS)),
        classes=(4,), pair="jq-booking-json-lazy", log="Nightly invoicing failed", logger="uk.example.orrest.hire.billing.InvoiceJob", entry="InvoiceJob.invoiceCompletedHires"),
    Bug("jq-booking-json-lazy", "hire-service", (
        jexc("org.hibernate.LazyInitializationException", LAZY, (jl("com.fasterxml.jackson.databind.ser.std.CollectionSerializer", "serialize", 145), *LAZY_FRAMES)),
        jexc("org.springframework.http.converter.HttpMessageNotWritableException", "Could not write JSON: " + LAZY, http("GET", jl("org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor", "writeWithMessageConverters", 315), jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "writeInternal", 492))),
    ),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGS, kind="servlet")),
        classes=(4,), pair="jq-invoice-lazy", entry="GET /api/bookings/{id}"),
    # One date format, two controllers.
    Bug("jq-quote-date-parse", "hire-service", (Exc("DateTimeParseException", PARSE, http("GET", app("web.QuoteController", "quote", 42), *PARSE_FRAMES), module="java.time.format"),),
        (see("sentry.error", 3), see("datadog.log", **LOGS, kind="servlet")),
        classes=(4,), pair="jq-return-date-parse", entry="GET /api/quotes"),
    Bug("jq-return-date-parse", "hire-service", (Exc("DateTimeParseException", PARSE, http("POST", app("web.ReturnController", "lateReturn", 92), app("returns.LateFees", "daysLate", 18), *PARSE_FRAMES), module="java.time.format"),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGS, kind="servlet")),
        classes=(4,), pair="jq-quote-date-parse", entry="POST /api/returns/{id}/late"),
    # The partner licence check timing out.
    Bug("jq-licence-timeout", "hire-service", (
        jexc("java.net.SocketTimeoutException", "Read timed out", (*TOMCAT_BASE[:1], jl("sun.nio.ch.NioSocketImpl", "timedRead", 288))),
        jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on POST request for "https://api.licencecheck.example/v1/checks": Read timed out', http("POST", app("web.BookingController", "confirm", 112), app("licence.LicenceCheckClient", "check", 46), jl("org.springframework.web.client.RestTemplate", "doExecute", 905))),
    ),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGS_LONG)),
        classes=(9, 10), log="Licence check failed", logger=ADVICE, entry="POST /api/bookings/{id}/confirm"),
    # Mileage typed with a decimal point, over two releases.
    Bug("jq-mileage-format", "hire-service", (Exc("NumberFormatException", 'For input string: "{n}.5"', http("POST", app("web.ReturnController", "checkIn", 58), app("returns.MileageReading", "parse", 21), jl("java.lang.Integer", "parseInt", 665)), module="java.lang"),),
        (see("sentry.error", 2), see("sentry.error", release=0, in_app="none"), see("datadog.log", **LOGS, kind="servlet")),
        classes=(5,), entry="POST /api/returns/{id}/check-in", span=2),
    # Hikari out of connections during the Monday morning hand-overs.
    Bug("jq-hikari-timeout", "hire-service", spring_no_connection(http("GET", app("web.DepotController", "todaysHandovers", 33)), "total=10, active=10, idle=0, waiting={waiting}"),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGS_LONG, kind="servlet")),
        classes=(10,), entry="GET /api/depots/{id}/handovers"),
    # Damage claims: the photos' total size over Tomcat's limit.
    Bug("jq-claim-upload-size", "hire-service", (
        jexc("org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException", "the request was rejected because its size ({id}) exceeds the configured maximum (10485760)", (*TOMCAT_BASE, jl("org.apache.catalina.connector.Request", "parseParts", 2870))),
        jexc("org.springframework.web.multipart.MaxUploadSizeExceededException", "Maximum upload size exceeded", (*TOMCAT_BASE, jl("org.springframework.web.multipart.support.StandardMultipartHttpServletRequest", "handleParseFailure", 124))),
    ),
        (see("sentry.error", 2), see("datadog.log", **LOGS, kind="noexc")),
        classes=(1,), log="Damage claim upload rejected", logger=ADVICE, entry="POST /api/claims/{id}/photos"),
    Bug("jq-singleton-cast", "hire-service", (Exc("ClassCastException", 'class java.lang.String cannot be cast to class java.lang.Integer (java.lang.String and java.lang.Integer are in module java.base of loader \'bootstrap\')', http("GET", app("web.ReportController", "utilisation", 29), app("report.UtilisationReport", "row", 64)), module="java.lang"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/reports/utilisation"),
]

NOISE = [
    Noise("jq-noise-recovered", "hire-service", "datadog.log", {"monitor": "[hire-service] ERROR events", "text": "Recovered: hire-service ERROR events back under 5 in 10 minutes.", "transition": "Recovered", "alert_type": "success", "team": "hire", "filter": "service:hire-service status:error"}),
    Noise("jq-noise-deploy", "hire-service", "datadog.event", {"monitor": "Deploy", "text": "hire-service 4.12.0 started on hire-vm-1 in 14.2 seconds (process running for 15.1).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hire"}),
]

ORREST = Company(
    key="jq",
    name="Orrest Van Hire",
    domain="orrest-hire.example",
    sentry_org="orrest-hire",
    splunk_url="https://orrest.splunkcloud.com",
    splunk_guid="2A7F0C93-8E14-4B5D-9F26-C3D81B4E7A05",
    datadog_org=("931102", "Orrest Van Hire"),
    datadog_template="recommended",
    posthog_project=(91102, "Orrest hire"),
    releases=("4.11.0", "4.11.1", "4.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="orrest-sentry-client-secret",
)
# fmt: on
