"""(hb) Valewick Ferries, a ferry operator's booking platform: one Java 17 Spring Boot 3.1
monolith (``ferry-core``: Spring MVC on Tomcat 10.1, Spring Data JPA on Hibernate 6.2 over
Postgres, ``@KafkaListener`` consumers of ``booking-events``, ``vessel-telemetry`` and
``port-manifests``, ``@Scheduled`` tide-table syncs, a ``RestTemplate`` to the payment and
loyalty partners), on VMs behind a load balancer.

Splunk indexes the console log, Spring Boot's default logback pattern (``hb-boot31``), one
event per record with its multi-line trace; one forwarder's sourcetype breaks every line.
Sentry: sentry-spring-boot-jakarta with ``in-app-includes: com.valewick``. PostHog: the Java
server SDK's ``captureException`` on a few booking failures. Datadog: APM monitors by error
type and log monitors pasting the record's first lines. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "6.34.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "ferry-core": Service("ferry-core", "java", "hb-boot31", "valewick:springboot:console", "/opt/valewick/ferry-core/logs/console.log", "hb_ferry", 5120931, "OpenJDK 17.0.9", framework="spring", sdk=SDK),
}
PKG = "com.valewick.ferry"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


THREAD17 = jl("java.lang.Thread", "run", 833)
TOMCAT_BASE = (
    THREAD17,
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
    jl("jdk.internal.reflect.DelegatingMethodAccessorImpl", "invoke", 43),
)
VERB = {
    "GET": (jl("jakarta.servlet.http.HttpServlet", "service", 564), jl("org.springframework.web.servlet.FrameworkServlet", "doGet", 903)),
    "POST": (jl("jakarta.servlet.http.HttpServlet", "service", 590), jl("org.springframework.web.servlet.FrameworkServlet", "doPost", 914)),
    "PATCH": (jl("org.springframework.web.servlet.FrameworkServlet", "service", 883), jl("org.springframework.web.servlet.FrameworkServlet", "doPatch", 936)),
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


def tx(*frames: Frame) -> tuple[Frame, ...]:
    return (*TX, *frames)


KAFKA = (
    THREAD17,
    jl("java.util.concurrent.FutureTask", "run", 264),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 539),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "run", 1296),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "pollAndInvoke", 1331),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "invokeIfHaveRecords", 1639),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "invokeRecordListener", 2624),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "doInvokeOnMessage", 2867),
    jl("org.springframework.kafka.listener.adapter.RecordMessagingMessageListenerAdapter", "onMessage", 57),
    jl("org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter", "invokeHandler", 375),
    jl("org.springframework.kafka.listener.adapter.HandlerAdapter", "invoke", 56),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "invoke", 169),
    jl("java.lang.reflect.Method", "invoke", 568),
    jl("jdk.internal.reflect.DelegatingMethodAccessorImpl", "invoke", 43),
)
SCHEDULED = (
    THREAD17,
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("java.util.concurrent.FutureTask", "runAndReset", 305),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 539),
    jl("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", 54),
    jl("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 84),
    jl("java.lang.reflect.Method", "invoke", 568),
)
HIBERNATE_INSERT = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 677),
    jl("org.hibernate.internal.SessionImpl", "flush", 1415),
    jl("org.hibernate.engine.spi.ActionQueue", "executeActions", 635),
    jl("org.hibernate.action.internal.EntityInsertAction", "execute", 104),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 197),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2713),
)
FIND = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "getReferenceById", 340),
    jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 167),
    jl("org.hibernate.internal.SessionImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 2410),
)
OPTIMISTIC = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "save", 635),
    jl("org.hibernate.internal.SessionImpl", "merge", 867),
    jl("org.hibernate.event.internal.DefaultMergeEventListener", "entityIsDetached", 375),
)
REST = (
    jl("org.springframework.web.client.RestTemplate", "postForObject", 475),
    jl("org.springframework.web.client.RestTemplate", "execute", 764),
    jl("org.springframework.web.client.RestTemplate", "doExecute", 901),
)
SOCKET = (
    *REST,
    jl("org.springframework.http.client.AbstractClientHttpRequest", "execute", 66),
    jl("org.springframework.http.client.SimpleClientHttpRequest", "executeInternal", 79),
    jl("sun.net.www.protocol.http.HttpURLConnection", "getInputStream", 1615),
    jl("java.net.Socket$SocketInputStream", "read", 966),
    jl("sun.nio.ch.NioSocketImpl", "timedRead", 283),
)


def unique(frames: tuple[Frame, ...], table: str, constraint: str, cols: str, vals: str) -> tuple[Exc, ...]:
    sql = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key ({cols})=({vals}) already exists.'
    names = sorted(["created_at", *cols.split(", ")])
    insert = f"insert into {table} ({','.join(names)},id) values ({','.join('?' * (len(names) + 1))})"
    flush = (*frames, *HIBERNATE_INSERT)
    return (
        jexc("org.postgresql.util.PSQLException", sql, flush),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{sql}] [{insert}]", (*flush[:-2], jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", (*frames, jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 677), jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 256))),
    )


def timeout(frames: tuple[Frame, ...], url: str) -> tuple[Exc, ...]:
    return (
        jexc("java.net.SocketTimeoutException", "Read timed out", (*frames, *SOCKET)),
        jexc("org.springframework.web.client.ResourceAccessException", f'I/O error on POST request for "{url}": Read timed out', (*frames, *REST, jl("org.springframework.web.client.RestTemplate", "createResourceAccessException", 915))),
    )


def optimistic(frames: tuple[Frame, ...], ref: str) -> tuple[Exc, ...]:
    msg = f"Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.valewick.ferry.booking.Booking#{ref}]"
    return (
        jexc("org.hibernate.StaleObjectStateException", msg, (*frames, *OPTIMISTIC)),
        jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", f"Object of class [com.valewick.ferry.booking.Booking] with identifier [{ref}]: optimistic locking failed", (*frames, jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "save", 635), jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 275))),
    )


def listener(topic: str, name: str, method: str) -> dict[str, object]:
    return {"search": "valewick kafka consumer failures", "app": "valewick", "kind": "kafka", "topic": topic, "listener": name, "method": method}


TELEMETRY_METHOD = "public void com.valewick.ferry.fleet.TelemetryListener.onPosition(org.apache.kafka.clients.consumer.ConsumerRecord<java.lang.String, java.lang.String>)"
MANIFEST_METHOD = "public void com.valewick.ferry.manifest.ManifestListener.onManifest(com.valewick.ferry.manifest.PortManifest)"
BOOKING_METHOD = "public void com.valewick.ferry.booking.BookingEventsListener.onBoarded(com.valewick.ferry.booking.BoardedEvent)"
TEL = listener("vessel-telemetry", "telemetry", TELEMETRY_METHOD)
TEL_TEAM = {"search": "valewick kafka consumer failures", "app": "valewick", "listener": "telemetry"}
MAN = listener("port-manifests", "manifests", MANIFEST_METHOD)
BOARD = listener("booking-events", "booking-events", BOOKING_METHOD)
CONFIRM = listener("booking-events", "booking-events", BOOKING_METHOD.replace("onBoarded(com.valewick.ferry.booking.BoardedEvent)", "onConfirmed(com.valewick.ferry.booking.ConfirmedEvent)"))
LOG = {"search": "valewick ferry-core errors", "app": "valewick"}
SERVLET = {**LOG, "kind": "servlet"}
NOEXC = {**LOG, "kind": "noexc"}
FIRST = {"search": "valewick ferry-core errors", "app": "valewick", "kind": "firstline", "sourcetype": "valewick:console:legacy"}
APM = dict(team="ferry", monitor="[ferry-core] servlet.request errors by type", style="type")
APMK = dict(team="ferry", monitor="[ferry-core] kafka.consume errors by type", style="type")
DDLOG = dict(team="ferry", monitor="[ferry-core] ERROR records", filter="service:ferry-core status:error env:prod", style="sample", sample_lines=6)
DDKAFKA = dict(team="ferry", monitor="[ferry-core] Kafka listener gave up", filter='service:ferry-core status:error "exhausted for"', style="sample", sample_lines=6)

FARE_NPE = 'Cannot invoke "com.valewick.ferry.fares.FareBasis.getSeason()" because the return value of "com.valewick.ferry.sailing.Sailing.getFareBasis()" is null'

BUGS = [
    # The same helpful NPE in FareCalculator.seasonFor, from a quote and from an amendment.
    Bug("hb-fare-npe-quote", "ferry-core", (jexc("java.lang.NullPointerException", FARE_NPE, http("POST", app("web.QuoteController", "quote", 46), *tx(app("fares.QuoteService", "price", 88)), app("fares.FareCalculator", "total", 52), app("fares.FareCalculator", "seasonFor", 117))),),
        (see("sentry.error", 3), see("splunk", 2, **SERVLET), see("datadog.apm", **APM), see("posthog", 1)),
        classes=(4, 9), pair="hb-fare-npe-amend", entry="POST /api/quotes", span=2, renames={"price": "priceCrossing"}),
    Bug("hb-fare-npe-amend", "ferry-core", (jexc("java.lang.NullPointerException", FARE_NPE, http("PATCH", app("web.BookingController", "amend", 133), *tx(app("booking.AmendmentService", "reprice", 71)), app("fares.FareCalculator", "total", 52), app("fares.FareCalculator", "seasonFor", 117))),),
        (see("sentry.error", 2), see("splunk", 2, **SERVLET), see("datadog.log", **DDLOG)),
        classes=(4, 9), pair="hb-fare-npe-quote", entry="PATCH /api/bookings/{id}"),
    # Duplicate keys on two tables: a booking reference, a manifest line from Kafka.
    Bug("hb-booking-unique", "ferry-core", unique(http("POST", app("web.BookingController", "create", 58), *tx(app("booking.BookingService", "hold", 94))), "bookings", "bookings_reference_key", "reference", "VW{ref}"),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("splunk", 1, **SERVLET), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4,), pair="hb-manifest-unique", log="Could not hold booking", logger="com.valewick.ferry.web.BookingController", entry="POST /api/bookings"),
    Bug("hb-manifest-unique", "ferry-core", unique((*KAFKA, app("manifest.ManifestListener", "onManifest", 39), *tx(app("manifest.ManifestService", "record", 66))), "passenger_manifest_entries", "passenger_manifest_entries_sailing_id_passenger_id_key", "sailing_id, passenger_id", "{n}, {id}"),
        (see("sentry.error", 2), see("splunk", 3, **MAN), see("datadog.log", 2, **DDKAFKA)),
        classes=(1, 4), pair="hb-booking-unique", entry="ManifestListener.onManifest"),
    # One telemetry listener method: unreadable JSON, and a latitude out of range.
    Bug("hb-telemetry-json", "ferry-core", (jexc("com.fasterxml.jackson.core.JsonParseException", "Unexpected character ('N' (code 78)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"NaN,\"heading\":212}\"; line: 1, column: 2]", (*KAFKA, app("fleet.TelemetryListener", "onPosition", 31), jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3690), jl("com.fasterxml.jackson.core.base.ParserMinimalBase", "_reportError", 735))),),
        (see("sentry.error", 2), see("splunk", 3, **TEL), see("datadog.log", 2, **DDKAFKA)),
        classes=(1,), pair="hb-telemetry-range", entry="TelemetryListener.onPosition"),
    Bug("hb-telemetry-range", "ferry-core", (jexc("java.lang.IllegalArgumentException", "Latitude out of range: 9{idx}.{n}", (*KAFKA, app("fleet.TelemetryListener", "onPosition", 34), app("fleet.GeoPoint", "<init>", 18), app("fleet.GeoPoint", "requireLatitude", 41))),),
        (see("sentry.error", 3), see("splunk", 2, **TEL), see("splunk", 1, **TEL_TEAM), see("datadog.log", **DDKAFKA)),
        classes=(1,), pair="hb-telemetry-json", log="Dropping position report from vessel", logger="com.valewick.ferry.fleet.TelemetryListener", entry="TelemetryListener.onPosition", span=2),
    # EntityNotFoundException: a Sailing and a Vessel.
    Bug("hb-sailing-notfound", "ferry-core", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find com.valewick.ferry.sailing.Sailing with id {id}", http("GET", app("web.SailingController", "seatMap", 77), *tx(app("sailing.SailingService", "seatMap", 40)), *FIND)),),
        (see("sentry.error", 3), see("splunk", 2, **SERVLET), see("datadog.apm", **APM)),
        classes=(4,), pair="hb-vessel-notfound", entry="GET /api/sailings/{id}/seatmap"),
    Bug("hb-vessel-notfound", "ferry-core", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find com.valewick.ferry.fleet.Vessel with id {idx}", http("GET", app("web.FleetController", "vessel", 29), *tx(app("fleet.FleetService", "vessel", 22)), *FIND)),),
        (see("sentry.error", 2), see("splunk", 2, **SERVLET), see("datadog.log", **DDLOG)),
        classes=(4,), pair="hb-sailing-notfound", entry="GET /api/fleet/vessels/{id}"),
    # Two partners' read timeouts through one PartnerClient.post.
    Bug("hb-refund-timeout", "ferry-core", timeout(http("POST", app("web.RefundController", "refund", 35), *tx(app("payments.RefundService", "refund", 61)), app("partners.PartnerClient", "post", 44)), "https://api.payments.valewick.example/v2/refunds"),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("datadog.apm", 2, **APM)),
        classes=(9,), pair="hb-loyalty-timeout", log="Refund request failed", logger="com.valewick.ferry.payments.RefundService", entry="POST /api/bookings/{id}/refund"),
    Bug("hb-loyalty-timeout", "ferry-core", timeout((*KAFKA, app("booking.BookingEventsListener", "onConfirmed", 52), app("loyalty.LoyaltyService", "award", 29), app("partners.PartnerClient", "post", 44)), "https://loyalty.seapoints.example/api/accruals"),
        (see("sentry.error", 2), see("splunk", 2, **CONFIRM), see("datadog.apm", **APMK)),
        classes=(9,), pair="hb-refund-timeout", entry="BookingEventsListener.onConfirmed"),
    # Optimistic locking on a Booking: at the check-in desk, and in the boarding consumer.
    Bug("hb-checkin-optimistic", "ferry-core", optimistic(http("POST", app("web.CheckInController", "checkIn", 41), *tx(app("checkin.CheckInService", "checkIn", 57))), "{id}"),
        (see("sentry.error", 3), see("splunk", 2, **SERVLET), see("splunk", 1, **FIRST), see("datadog.apm", **APM)),
        classes=(4,), pair="hb-boarded-optimistic", entry="POST /api/checkin"),
    Bug("hb-boarded-optimistic", "ferry-core", optimistic((*KAFKA, app("booking.BookingEventsListener", "onBoarded", 71), *tx(app("booking.BoardingService", "markBoarded", 33))), "{id}"),
        (see("sentry.error", 2), see("splunk", 2, **BOARD), see("datadog.log", **DDKAFKA)),
        classes=(4,), pair="hb-checkin-optimistic", entry="BookingEventsListener.onBoarded"),
    # Hikari exhausted under the Friday sailing rush.
    Bug("hb-hikari", "ferry-core", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting={waiting})", http("GET", app("web.SailingController", "search", 52), *TX[:4], jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 420), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 128), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696))),
                                 jexc("org.springframework.transaction.CannotCreateTransactionException", "Could not open JPA EntityManager for transaction", http("GET", app("web.SailingController", "search", 52), *TX[:4], jl("org.springframework.orm.jpa.JpaTransactionManager", "doBegin", 466)))),
        (see("sentry.error", 3), see("splunk", 2, **SERVLET), see("datadog.apm", 2, **APM)),
        classes=(8,), entry="GET /api/sailings"),
    # The boarding pass renderer over three releases, its caller renamed.
    Bug("hb-boardingpass-state", "ferry-core", (jexc("java.lang.IllegalStateException", "No berth allocated for passenger {id} on sailing {n}", http("GET", app("web.BoardingPassController", "download", 38), app("boarding.BoardingPassService", "render", 64), app("boarding.BerthLabel", "forPassenger", 27))),),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("splunk", 1, **NOEXC), see("datadog.log", **DDLOG)),
        classes=(5,), log="Boarding pass rendering failed", logger="com.valewick.ferry.boarding.BoardingPassService", entry="GET /api/bookings/{id}/boarding-pass", span=3, renames={"render": "renderPdf"}),
    # The deck plan's cabin lookup off by one: all four tools.
    Bug("hb-deckplan-index", "ferry-core", (jexc("java.lang.ArrayIndexOutOfBoundsException", "Index 48 out of bounds for length 48", http("POST", app("web.CabinController", "reserve", 62), *tx(app("cabins.CabinService", "reserve", 45)), app("cabins.DeckPlan", "cabinAt", 91))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **SERVLET), see("datadog.apm", **APM)),
        entry="POST /api/cabins/reservations"),
    # The tide-table sync: a port's feed writes "n/a".
    Bug("hb-tide-format", "ferry-core", (jexc("java.lang.NumberFormatException", 'For input string: "n/a"', (*SCHEDULED, app("tides.TideTableSync", "sync", 36), app("tides.TideFeedParser", "parseLine", 58), jl("java.lang.Double", "parseDouble", 651), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054))),),
        (see("sentry.error", 3), see("splunk", 2, search="valewick ferry-core errors", app="valewick"), see("datadog.log", **DDLOG)),
        log="Unexpected error occurred in scheduled task", logger="org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler", entry="TideTableSync.sync"),
    # Once: the manifest export ran out of heap.
    Bug("hb-singleton-oom", "ferry-core", (jexc("java.lang.OutOfMemoryError", "Java heap space", http("GET", app("web.ManifestController", "export", 30), app("manifest.ManifestExporter", "toCsv", 48), jl("java.util.Arrays", "copyOf", 3537))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/manifests/{id}/export"),
]

NOISE = [
    Noise("hb-noise-started", "ferry-core", "splunk", {"search": "valewick ferry-core errors", "app": "valewick", "line": "{tsms} INFO 1 --- [           main] c.valewick.ferry.FerryCoreApplication    : Started FerryCoreApplication in 14.882 seconds (process running for 16.107)"}),
    Noise("hb-noise-deploy", "ferry-core", "datadog.event", {"monitor": "Deploy", "text": "ferry-core 2026.3.2 deployed to prod (3/3 hosts healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("hb-noise-recovered", "ferry-core", "datadog.log", {"monitor": "[ferry-core] Kafka listener gave up", "text": "Recovered: no exhausted retries on ferry-core for 30 minutes.", "transition": "Recovered", "alert_type": "success"}),
]

VALEWICK = Company(
    key="hb",
    name="Valewick Ferries",
    domain="valewick-ferries.example",
    sentry_org="valewick",
    splunk_url="https://valewick.splunkcloud.com",
    splunk_guid="5E2B8C41-7D9A-4F36-A0E7-3C1D9B6F2A58",
    datadog_org=("906113", "Valewick Ferries"),
    datadog_template="recommended",
    posthog_project=(69101, "Valewick bookings"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="valewick-sentry-client-secret",
)
# fmt: on
