"""(hh) Ireby Rail Holidays, rail tours and sleeper-cabin bookings: one Java 21 Quarkus 3.15
service on Kubernetes (``tours``: RESTEasy Reactive resources, Hibernate ORM with Panache on
PostgreSQL, the REST Client to the rail operators' availability APIs, ``@Scheduled`` fare
syncs and a SmallRye Reactive Messaging ``@Incoming`` consumer of ``seat-events``).

Logs: quarkus-logging-json on stdout read by the Splunk OpenTelemetry Collector into Splunk
(``kube:container:tours``): unhandled request errors as ``QuarkusErrorHandler`` records
("HTTP Request to /path failed, error id: …"), the team's own ``Log.errorf(e, …)`` records,
the scheduler's and SmallRye's records; the ``exception`` object (``detailed``) on the API
pods, the ``stackTrace`` string (``formatted``) on the ``tours-reporting`` pods, and one pod
left on Quarkus' default text console. Sentry: sentry-java through quarkus-logging-sentry with
``in-app-packages=com.ireby``. PostHog: posthog-java's ``captureException`` in the booking
flow. Datadog: APM monitors by error type, log monitors pasting the record, job monitors on
the scheduled syncs. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..rand import stable_hex
from ..stacks import jexc, jl, jv

# fmt: off
SDK = ("sentry.java.jul", "7.14.0", "maven:io.sentry:sentry-jul")
SERVICES = {
    "tours": Service("tours", "java", "hh-quarkus-json", "kube:container:tours", "/var/log/pods/ireby_tours/tours/0.log", "hh_k8s", 7104411, "OpenJDK 21.0.5", framework="quarkus", sdk=SDK),
}
PKG = "com.ireby.tours"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


def gen(cls: str, method: str) -> Frame:
    """A class Quarkus generated at build time (CDI client proxies, invokers): Unknown Source."""
    return jv(f"{PKG}.{cls}", method, -1)


WORKER = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("org.jboss.threads.ThreadLocalResettingRunnable", "run", 11),
    jl("org.jboss.threads.DelegatingRunnable", "run", 11),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1521),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "run", 2495),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "doRunWith", 2516),
)
REST = (
    *WORKER,
    jl("io.quarkus.vertx.core.runtime.VertxCoreRecorder$14", "runWith", 599),
    jl("org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext", "run", 147),
    jl("io.quarkus.resteasy.reactive.server.runtime.QuarkusResteasyReactiveRequestContext", "invokeHandler", 141),
    jl("org.jboss.resteasy.reactive.server.handlers.InvocationHandler", "handle", 29),
)
SCHED = (
    *WORKER,
    jl("io.quarkus.scheduler.runtime.SimpleScheduler$ScheduledTask$2", "run", 414),
    jl("io.quarkus.scheduler.common.runtime.StatusEmitterInvoker", "invoke", 35),
    jl("io.quarkus.scheduler.common.runtime.DefaultInvoker", "invoke", 24),
)
KAFKA = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.vertx.core.impl.TaskQueue", "run", 76),
    jl("io.vertx.core.impl.ContextImpl", "lambda$executeBlocking$1", 191),
    jl("io.smallrye.reactive.messaging.providers.locals.ContextOperator$ContextMulti$ContextProcessor", "onItem", 54),
    jl("io.smallrye.reactive.messaging.providers.AbstractMediator", "invokeBlocking", 153),
)
PANACHE_FIND = (
    jl("io.quarkus.hibernate.orm.panache.common.runtime.AbstractJpaOperations", "findById", 139),
)
FLUSH = (
    jl("io.quarkus.hibernate.orm.panache.common.runtime.AbstractJpaOperations", "persist", 117),
    jl("org.hibernate.internal.SessionImpl", "flush", 1426),
    jl("org.hibernate.event.internal.DefaultFlushEventListener", "onFlush", 39),
    jl("org.hibernate.engine.jdbc.batch.internal.BatchImpl", "performExecution", 216),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 194),
)
RESTCLIENT = (
    jl("org.jboss.resteasy.reactive.client.impl.ClientSerialisers", "invokeClientResponseFilters", 184),
    jl("org.jboss.resteasy.reactive.client.impl.RestClientRequestContext", "unwrapException", 204),
    jl("io.quarkus.rest.client.reactive.runtime.MicroProfileRestClientResponseFilter", "filter", 52),
    jl("io.quarkus.rest.client.reactive.runtime.DefaultMicroprofileRestClientExceptionMapper", "toThrowable", 38),
)


def http(resource: str, method: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    """A RESTEasy Reactive resource method behind its generated invoker (named with a SHA-1)."""
    invoker = f"api.{resource}$quarkusrestinvoker${method}_{stable_hex(40, 'hh-invoker', resource, method)}"
    return (*REST, gen(invoker, "invoke"), app(f"api.{resource}", method, line), *inner)


def sched(job: str, method: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*SCHED, gen(f"jobs.{job}_ScheduledInvoker_{method}", "invokeBean"), app(f"jobs.{job}", method, line), *inner)


def consume(cls: str, method: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*KAFKA, app(f"events.{cls}", method, line), *inner)


def pg_unique(constraint: str, key: str, value: str, table: str, cols: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    detail = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key ({key})=({value}) already exists.'
    return (
        jexc("org.postgresql.util.PSQLException", detail, (jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),)),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{detail}] [insert into {table} ({cols}) values (?,?,?,?)]", frames),
    )


def rest_client(status: str, method: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (jexc("org.jboss.resteasy.reactive.ClientWebApplicationException", f"Received: '{status}' when invoking: Rest Client method: '{method}'", (*frames, *RESTCLIENT)),)


NPE_CABIN = 'Cannot invoke "com.ireby.tours.model.Cabin.getBerths()" because "cabin" is null'
SPLUNK = {"search": "tours errors", "app": "ireby_ops"}
FORMATTED = {"output": "formatted", "search": "tours reporting errors", "app": "ireby_ops"}
CONSOLE = {"format": "hh-quarkus-console", "search": "tours errors", "app": "ireby_ops", "sourcetype": "kube:container:tours-debug"}
APM = {"team": "tours", "monitor": "tours errors by type", "style": "type"}
LOGMON = {"team": "tours", "monitor": "tours ERROR logs", "filter": "service:tours status:error", "style": "stack", "lines": 10}
LOGATTR = {"team": "tours", "monitor": "tours exception records", "filter": "service:tours @loggerName:com.ireby.*", "text": "{{log.attributes.loggerName}} on {{host.name}}:\n\n{{log.message}}\n\n`{{log.attributes.exception.exceptionType}}`"}
TASK = {"team": "tours"}
SCHED_LOG = "Error occurred while executing task for trigger IntervalTrigger [id=1_com.ireby.tours.jobs.{job}_ScheduledInvoker_{method}, interval=PT5M]"
SCHED_LOGGER = "io.quarkus.scheduler.common.runtime.StatusEmitterInvoker"
SRMSG = "SRMSG00200: The method com.ireby.tours.events.{cls}#{method} has thrown an exception"
SRMSG_LOGGER = "io.smallrye.reactive.messaging.provider"


def sched_log(job: str, method: str) -> str:
    return SCHED_LOG.replace("{job}", job).replace("{method}", method)


BUGS = [
    # The same NPE on a null cabin in two resources.
    Bug("hh-quote-cabin-npe", "tours", (jexc("java.lang.NullPointerException", NPE_CABIN, http("QuoteResource", "quote", 44, gen("booking.Pricing_ClientProxy", "price"), app("booking.Pricing", "price", 61), app("booking.Pricing", "berthSupplement", 88))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SPLUNK), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4, 5), pair="hh-manifest-cabin-npe", entry="POST /api/quotes", span=3, renames={"berthSupplement": "supplementFor"}),
    Bug("hh-manifest-cabin-npe", "tours", (jexc("java.lang.NullPointerException", NPE_CABIN, http("ManifestResource", "manifest", 37, app("manifest.ManifestBuilder", "build", 52), app("manifest.ManifestBuilder", "cabinLine", 97))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **FORMATTED), see("datadog.log", **LOGMON)),
        classes=(4,), pair="hh-quote-cabin-npe", entry="GET /api/tours/{tour_id}/manifest"),
    # One booking persist, two unique constraints.
    Bug("hh-booking-unique-ref", "tours", pg_unique("uk_booking_reference", "reference", "{ref}", "booking", "created_at,reference,tour_id,id", http("BookingResource", "create", 58, gen("booking.BookingService_ClientProxy", "reserve"), app("booking.BookingService", "reserve", 73), *FLUSH)),
        (see("sentry.error", 3), see("splunk", 2, **SPLUNK), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4,), pair="hh-booking-unique-berth", entry="POST /api/bookings"),
    Bug("hh-booking-unique-berth", "tours", pg_unique("uk_berth_hold_departure_berth", "departure_id, berth_no", "{id}, {n}", "berth_hold", "berth_no,departure_id,expires_at,id", http("BookingResource", "create", 58, gen("booking.BookingService_ClientProxy", "reserve"), app("booking.BookingService", "reserve", 81), *FLUSH)),
        (see("sentry.error", 2), see("sentry.alert", rule="ConstraintViolation in tours"), see("splunk", 2, **SPLUNK), see("splunk", **CONSOLE), see("datadog.log", **LOGATTR)),
        classes=(4,), pair="hh-booking-unique-ref", entry="POST /api/bookings", log="Could not hold berth for booking {ref}", logger="com.ireby.tours.booking.BookingService"),
    # One REST client, two operators' failures.
    Bug("hh-avail-502", "tours", rest_client("Bad Gateway, status code 502", "com.ireby.tours.clients.RailOperatorClient#availability", http("AvailabilityResource", "search", 29, app("availability.AvailabilityService", "search", 47), gen("clients.RailOperatorClient$$QuarkusRestClientInterface", "availability"))),
        (see("sentry.error", 3), see("splunk", 2, **SPLUNK), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(9,), pair="hh-fares-503", entry="GET /api/availability"),
    Bug("hh-fares-503", "tours", rest_client("Service Unavailable, status code 503", "com.ireby.tours.clients.RailOperatorClient#fares", sched("FareSync", "sync", 33, app("fares.FareImporter", "importRoute", 58), gen("clients.RailOperatorClient$$QuarkusRestClientInterface", "fares"))),
        (see("sentry.error", 2), see("splunk", 2, **FORMATTED), see("datadog.task", **TASK)),
        classes=(9,), pair="hh-avail-502", entry="FareSync.sync", log=sched_log("FareSync", "sync"), logger=SCHED_LOGGER),
    # The seat-events consumer: two failures under one SmallRye message and one monitor.
    Bug("hh-seat-event-json", "tours", (jexc("com.fasterxml.jackson.core.JsonParseException", "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]", consume("SeatEvents", "onSeatReleased", 41, jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3780), jl("com.fasterxml.jackson.core.json.ReaderBasedJsonParser", "_handleOddValue", 2027))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK), see("datadog.log", 2, **LOGMON)),
        classes=(4,), pair="hh-seat-event-stale", entry="kafka:seat-events", log=SRMSG.replace("{cls}", "SeatEvents").replace("{method}", "onSeatReleased"), logger=SRMSG_LOGGER),
    Bug("hh-seat-event-stale", "tours", (jexc("jakarta.persistence.OptimisticLockException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.ireby.tours.model.BerthHold#{id}]", consume("SeatEvents", "onSeatReleased", 49, app("booking.HoldReleaser", "release", 27), jl("org.hibernate.internal.SessionImpl", "flush", 1426), jl("org.hibernate.persister.entity.AbstractEntityPersister", "check", 2419))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPLUNK), see("datadog.log", **LOGMON)),
        classes=(4,), pair="hh-seat-event-json", entry="kafka:seat-events", log=SRMSG.replace("{cls}", "SeatEvents").replace("{method}", "onSeatReleased"), logger=SRMSG_LOGGER),
    # NoResultException for two entities.
    Bug("hh-tour-no-result", "tours", (jexc("jakarta.persistence.NoResultException", "No result found for query [select t from Tour t where t.slug = ?1]", http("TourResource", "bySlug", 35, app("catalog.TourRepository", "findBySlug", 22), jl("org.hibernate.query.spi.AbstractSelectionQuery", "getSingleResult", 280))),),
        (see("sentry.error", 3), see("splunk", 2, **SPLUNK), see("posthog", 1)),
        classes=(4,), pair="hh-voucher-no-result", entry="GET /api/tours/{slug}"),
    Bug("hh-voucher-no-result", "tours", (jexc("jakarta.persistence.NoResultException", "No result found for query [select v from Voucher v where v.code = ?1]", http("VoucherResource", "redeem", 26, app("vouchers.VoucherRepository", "findByCode", 18), jl("org.hibernate.query.spi.AbstractSelectionQuery", "getSingleResult", 280))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="hh-tour-no-result", entry="POST /api/vouchers/redeem"),
    # The same invoice builder, two different exceptions.
    Bug("hh-invoice-currency", "tours", (jexc("java.lang.IllegalArgumentException", "Unsupported currency: {cur}", sched("InvoiceRun", "nightly", 24, app("billing.InvoiceBuilder", "build", 66), jl("java.util.Currency", "getInstance", 306))),),
        (see("sentry.error", 2), see("splunk", 2, **FORMATTED), see("datadog.task", **TASK)),
        classes=(4,), pair="hh-invoice-rounding", entry="InvoiceRun.nightly", log=sched_log("InvoiceRun", "nightly"), logger=SCHED_LOGGER),
    Bug("hh-invoice-rounding", "tours", (jexc("java.lang.ArithmeticException", "Rounding necessary", sched("InvoiceRun", "nightly", 24, app("billing.InvoiceBuilder", "build", 71), app("billing.Money", "toMinorUnits", 39), jl("java.math.BigDecimal", "setScale", 2869))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **FORMATTED), see("datadog.task", **TASK), see("datadog.log", **LOGMON)),
        classes=(4,), pair="hh-invoice-currency", entry="InvoiceRun.nightly", log=sched_log("InvoiceRun", "nightly"), logger=SCHED_LOGGER),
    # Not pairs.
    Bug("hh-agroal-timeout", "tours", (jexc("java.sql.SQLException", "Sorry, acquisition timeout!", (jl("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", 363),)), jexc("org.hibernate.exception.GenericJDBCException", "Unable to acquire JDBC Connection [Sorry, acquisition timeout!] [n/a]", http("AvailabilityResource", "search", 29, app("availability.AvailabilityService", "search", 41), jl("org.hibernate.resource.jdbc.internal.LogicalConnectionManagedImpl", "getPhysicalConnection", 126)))),
        (see("sentry.error", 3), see("splunk", 3, **SPLUNK), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(10,), entry="GET /api/availability", span=2),
    Bug("hh-pdf-ticket-oom", "tours", (jexc("java.lang.OutOfMemoryError", "Java heap space", http("TicketResource", "pdf", 31, app("tickets.TicketRenderer", "render", 54), jl("org.apache.pdfbox.pdmodel.PDDocument", "save", 1374))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK), see("datadog.log", **LOGATTR)),
        entry="GET /api/bookings/{booking_id}/ticket.pdf", log="Ticket PDF failed for booking {ref}", logger="com.ireby.tours.tickets.TicketRenderer"),
    Bug("hh-date-parse", "tours", (jexc("java.time.format.DateTimeParseException", "Text '{date} 09:00' could not be parsed at index 10", http("DepartureResource", "list", 42, app("catalog.DepartureFilter", "from", 19), jl("java.time.LocalDate", "parse", 430))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **SPLUNK), see("datadog.apm", **APM)),
        entry="GET /api/departures", span=2),
    Bug("hh-validation-passengers", "tours", (jexc("jakarta.validation.ConstraintViolationException", "create.arg0.passengers: size must be between 1 and 9", http("BookingResource", "create", 52, jl("io.quarkus.hibernate.validator.runtime.interceptor.AbstractMethodValidationInterceptor", "validateMethodInvocation", 73))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 1, **SPLUNK)),
        entry="POST /api/bookings"),
    Bug("hh-seat-map-cme", "tours", (jexc("java.util.ConcurrentModificationException", "", http("SeatMapResource", "get", 23, app("seats.SeatMapCache", "snapshot", 48), jl("java.util.HashMap$HashIterator", "nextNode", 1605))),),
        (see("sentry.error", 3), see("splunk", 2, **SPLUNK), see("splunk", **CONSOLE), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /api/departures/{departure_id}/seats"),
    Bug("hh-refund-singleton", "tours", (jexc("java.lang.IllegalStateException", "Refund already settled for booking {ref}", http("RefundResource", "refund", 33, app("billing.RefundService", "settle", 57))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/bookings/{booking_id}/refund"),
]

NOISE = [
    Noise("hh-noise-deploy", "tours", "datadog.event", {"monitor": "Deployed tours 3.15.2-41", "text": "Argo CD synced tours to 3.15.2-41 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "tours"}),
    Noise("hh-noise-started", "tours", "splunk", {"search": "tours errors", "app": "ireby_ops", "line": "{\"timestamp\":\"{tsms}\",\"sequence\":1,\"loggerClassName\":\"org.jboss.logging.Logger\",\"loggerName\":\"io.quarkus\",\"level\":\"INFO\",\"message\":\"tours 3.15.2-41 on JVM (powered by Quarkus 3.15.1) started in 2.914s. Listening on: http://0.0.0.0:8080\",\"threadName\":\"main\",\"threadId\":1,\"mdc\":{},\"ndc\":\"\",\"hostName\":\"tours-7f9c4d8b6-x2mqp\",\"processName\":\"quarkus-run.jar\",\"processId\":1}"}),
    Noise("hh-noise-recovered", "tours", "datadog.log", {"monitor": "tours ERROR logs", "transition": "Recovered", "alert_type": "success", "team": "tours", "filter": "service:tours status:error", "text": "tours ERROR logs back to normal."}),
]

IREBY = Company(
    key="hh",
    name="Ireby Rail Holidays",
    domain="irebyrail.example",
    sentry_org="ireby-rail",
    splunk_url="https://ireby.splunkcloud.com",
    splunk_guid="A41C7E09-3D5B-4B8E-9F20-6C1D83E2B7F4",
    datadog_org=("880412", "Ireby Rail Holidays"),
    datadog_template="recommended",
    posthog_project=(150233, "Ireby bookings"),
    releases=("3.15.0-38", "3.15.1-40", "3.15.2-41"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ireby-sentry-client-secret",
)
# fmt: on
