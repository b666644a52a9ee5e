"""(dk) Dalegarth Haulage, a road-freight transport management system: one Spring Boot 2.7
monolith (``tms``) on Java 17, deployed as a WAR into Tomcat 9 on two VMs, Hibernate 5.6
over PostgreSQL, Spring's ``@Scheduled`` jobs for carrier tracking and EDI imports.

Logging is the old way: Log4j 1.2 (``log4j.properties``, a ``ConsoleAppender`` with
``%d{ISO8601} %-5p [%t] %c - %m%n``) into ``catalina.out``, next to Tomcat's own JULI
``OneLineFormatter`` lines for what escapes the DispatcherServlet. A Splunk universal
forwarder reads ``catalina.out``. Sentry: sentry-spring-boot-starter (the javax flavour).
Datadog: only the Java tracer's APM error-rate monitors. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import SCHEDULED, TOMCAT, jexc, jl, jv, spring_no_connection

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "tms": Service("tms", "java", "dk-log4j1", "log4j", "/opt/tomcat/logs/catalina.out", "dk_tms", 4410021, "OpenJDK 17.0.12", framework="spring", sdk=("sentry.java.spring-boot", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter")),
}

# Spring Boot 2.7 runs on the javax servlet API.
TOMCAT9 = tuple(jl("javax.servlet.http.HttpServlet", f.function, 764) if f.module == "jakarta.servlet.http.HttpServlet" else f for f in TOMCAT)
APP = "com.dalegarth.tms."

# Hibernate 5.6 initialising a lazy collection outside its session.
LAZY = (
    jl("org.hibernate.collection.internal.AbstractPersistentCollection", "read", 146),
    jl("org.hibernate.collection.internal.AbstractPersistentCollection", "initialize", 614),
    jl("org.hibernate.collection.internal.AbstractPersistentCollection", "withTemporarySessionIfNeeded", 188),
    jl("org.hibernate.collection.internal.AbstractPersistentCollection", "throwLazyInitializationExceptionIfNotConnected", 635),
    jl("org.hibernate.collection.internal.AbstractPersistentCollection", "throwLazyInitializationException", 643),
)
MERGE = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "save", 666),
    jl("org.hibernate.internal.SessionImpl", "merge", 805),
    jl("org.hibernate.internal.SessionImpl", "fireMerge", 830),
    jl("org.hibernate.event.internal.DefaultMergeEventListener", "onMerge", 178),
    jl("org.hibernate.event.internal.DefaultMergeEventListener", "entityIsDetached", 412),
)
REST_GET = (
    jl("org.springframework.web.client.RestTemplate", "getForObject", 378),
    jl("org.springframework.web.client.RestTemplate", "execute", 739),
    jl("org.springframework.web.client.RestTemplate", "doExecute", 788),
    jl("org.springframework.web.client.RestTemplate", "handleResponse", 819),
    jl("org.springframework.web.client.DefaultResponseErrorHandler", "handleError", 130),
    jl("org.springframework.web.client.DefaultResponseErrorHandler", "handleError", 186),
)
# Both the new and the old address shape end in one formatter.
POSTCODE = jv(APP + "util.AddressFormatter", "postcodeLine", 27)
NPE_POSTCODE = 'Cannot invoke "com.dalegarth.tms.model.Address.getPostcode()" because "address" is null'
STALE = "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.dalegarth.tms.model.{entity}#{id}]"

MVC = {"search": "tms - catalina errors"}
ESCAPED = {"search": "tms - servlet exceptions", "format": "dk-juli"}
JOBS = {"search": "tms - scheduled job errors", "thread": "scheduling-1"}
APM = dict(style="route", team="tms", monitor="tms error rate by endpoint")


def ctl(cls: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*TOMCAT9, jv(APP + "web." + cls, method, line))


def job(cls: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*SCHEDULED, jv(APP + "jobs." + cls, method, line))


def svc(cls: str, method: str, line: int) -> Frame:
    return jv(APP + "service." + cls, method, line)


def stale(entity: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    msg = STALE.replace("{entity}", entity)
    return (
        jexc("org.hibernate.StaleObjectStateException", msg, (*frames, *MERGE, jl("org.hibernate.event.internal.DefaultMergeEventListener", "entityIsDetached", 476))),
        jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", f"Object of class [com.dalegarth.tms.model.{entity}] with identifier [{{id}}]: optimistic locking failed; nested exception is org.hibernate.StaleObjectStateException: {msg}", (*frames, *MERGE[:1], jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 267))),
    )


def unavailable(client: str, method: str, line: int, caller: tuple[Frame, ...]) -> tuple[Exc, ...]:
    frames = (*caller, jv(APP + "integration." + client, method, line), *REST_GET, jl("org.springframework.web.client.HttpServerErrorException", "create", 100))
    return (jexc("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable", "503 Service Unavailable: [no body]", frames),)


BUGS = [
    # A consignee without an address: labels and invoices both format its postcode.
    Bug("dk-label-npe", "tms", (jexc("java.lang.NullPointerException", NPE_POSTCODE, (*ctl("LabelController", "print", 52), svc("LabelService", "render", 88), POSTCODE)),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **MVC), see("splunk", **ESCAPED), see("datadog.apm", **APM)),
        classes=(4, 9), pair="dk-invoice-npe", log="Label print failed for shipment {id}", logger=APP + "web.LabelController", entry="POST /shipments/{id}/label", span=2),
    Bug("dk-invoice-npe", "tms", (jexc("java.lang.NullPointerException", NPE_POSTCODE, (*job("InvoiceRunJob", "run", 31), svc("InvoiceService", "buildPdf", 140), jv(APP + "pdf.InvoiceHeader", "write", 44), POSTCODE)),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS)),
        classes=(4, 9), pair="dk-label-npe", log="Invoice run aborted", logger=APP + "jobs.InvoiceRunJob", entry="InvoiceRunJob.run"),
    # Lazy collections read after the session closed: which role is the bug.
    Bug("dk-lazy-stops", "tms", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: com.dalegarth.tms.model.Shipment.stops, could not initialize proxy - no Session", (*ctl("ShipmentController", "detail", 71), jv(APP + "web.dto.ShipmentView", "of", 33), jl("org.hibernate.collection.internal.PersistentBag", "size", 387), *LAZY)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **MVC), see("splunk", **ESCAPED)),
        classes=(4,), pair="dk-lazy-legs", log="Unhandled error", logger=APP + "web.GlobalExceptionHandler", entry="GET /shipments/{id}"),
    Bug("dk-lazy-legs", "tms", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: com.dalegarth.tms.model.Route.legs, could not initialize proxy - no Session", (*ctl("RouteController", "detail", 39), jv(APP + "web.dto.RouteView", "of", 21), jl("org.hibernate.collection.internal.PersistentBag", "size", 387), *LAZY)),),
        (see("sentry.error", 2), see("splunk", 2, **MVC), see("datadog.apm", **APM)),
        classes=(4,), pair="dk-lazy-stops", log="Unhandled error", logger=APP + "web.GlobalExceptionHandler", entry="GET /routes/{id}"),
    # Optimistic locking: a booking and a trailer, same save path.
    Bug("dk-stale-booking", "tms", stale("Booking", (*ctl("BookingController", "update", 94), svc("BookingService", "update", 57))),
        (see("sentry.error", 3), see("splunk", 2, **MVC), see("datadog.apm", **APM)),
        classes=(4,), pair="dk-stale-trailer", log="Booking update failed", logger=APP + "web.BookingController", entry="PUT /bookings/{id}"),
    Bug("dk-stale-trailer", "tms", stale("Trailer", (*ctl("TrailerController", "assign", 48), svc("TrailerService", "assign", 35))),
        (see("sentry.error", 2), see("splunk", 2, **MVC)),
        classes=(4,), pair="dk-stale-booking", log="Trailer assignment failed", logger=APP + "web.TrailerController", entry="POST /trailers/{id}/assign"),
    # Comma decimals from two inputs: the rate card CSV and the weight field.
    Bug("dk-ratecard-number", "tms", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}"', (*job("RateCardImportJob", "importAll", 45), jv(APP + "edi.RateCardParser", "parseRow", 63), jl("java.lang.Double", "parseDouble", 651), jl("jdk.internal.math.FloatingDecimal", "parseDouble", 110), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054))),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS)),
        classes=(4,), pair="dk-weight-number", log="Rate card import failed", logger=APP + "jobs.RateCardImportJob", entry="RateCardImportJob.importAll"),
    Bug("dk-weight-number", "tms", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}"', (*ctl("ConsignmentController", "create", 58), svc("ConsignmentService", "parseWeight", 112), jl("java.lang.Double", "parseDouble", 651), jl("jdk.internal.math.FloatingDecimal", "parseDouble", 110), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054))),),
        (see("sentry.error", 2), see("splunk", **MVC), see("splunk", **ESCAPED), see("datadog.apm", **APM)),
        classes=(4,), pair="dk-ratecard-number", log="Unhandled error", logger=APP + "web.GlobalExceptionHandler", entry="POST /consignments"),
    # Two carrier APIs answering 503 through RestTemplate: quotes and tracking.
    Bug("dk-quote-503", "tms", unavailable("CarrierQuoteClient", "quote", 41, (*ctl("QuoteController", "quote", 30), svc("QuoteService", "bestQuote", 66))),
        (see("sentry.error", 2), see("splunk", 2, **MVC), see("datadog.apm", **APM)),
        classes=(4, 9), pair="dk-tracking-503", log="Carrier quote failed", logger=APP + "service.QuoteService", entry="GET /quotes"),
    Bug("dk-tracking-503", "tms", unavailable("CarrierTrackingClient", "poll", 58, job("TrackingPollJob", "poll", 24)),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 3, **JOBS)),
        classes=(4, 9), pair="dk-quote-503", log="Tracking poll failed", logger=APP + "jobs.TrackingPollJob", entry="TrackingPollJob.poll"),
    # The EDI importer's date format.
    Bug("dk-edi-date", "tms", (jexc("java.time.format.DateTimeParseException", "Text '{date}' could not be parsed at index 2", (*job("EdiImportJob", "run", 37), jv(APP + "edi.IftminParser", "collectionDate", 92), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parse", 1948), jl("java.time.format.DateTimeFormatter", "createError", 2046))),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS)),
        classes=(4,), pair="dk-edi-charset", log="EDI import failed for file IFTMIN_{id}.edi", logger=APP + "jobs.EdiImportJob", entry="EdiImportJob.run"),
    # The same job and log line, another exception: a Latin-1 file read as UTF-8.
    Bug("dk-edi-charset", "tms", (jexc("java.nio.charset.MalformedInputException", "Input length = 1", (*job("EdiImportJob", "run", 35), jv(APP + "edi.EdiFileReader", "readAll", 28), jl("java.nio.file.Files", "readAllLines", 3294), jl("java.io.BufferedReader", "readLine", 399), jl("sun.nio.cs.StreamDecoder", "implRead", 405), jl("java.nio.charset.CoderResult", "throwException", 274))),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS)),
        classes=(4,), pair="dk-edi-date", log="EDI import failed for file IFTMIN_{id}.edi", logger=APP + "jobs.EdiImportJob", entry="EdiImportJob.run"),
    # Proof-of-delivery photos above the multipart limit: only Tomcat and Spring see them.
    Bug("dk-pod-upload-size", "tms", (jexc("org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException", "The field file exceeds its maximum permitted size of 10485760 bytes.", (*TOMCAT9[:16], jl("org.apache.catalina.connector.Request", "parseParts", 2917), jl("org.apache.tomcat.util.http.fileupload.impl.FileItemStreamImpl$1", "raiseError", 162))), jexc("org.springframework.web.multipart.MaxUploadSizeExceededException", "Maximum upload size exceeded; nested exception is java.lang.IllegalStateException: org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException: The field file exceeds its maximum permitted size of 10485760 bytes.", (*TOMCAT9[:18], jl("org.springframework.web.multipart.support.StandardMultipartHttpServletRequest", "handleParseFailure", 124)))),
        (see("sentry.error", 2), see("splunk", 2, **ESCAPED), see("datadog.apm", **APM)),
        classes=(2,), log="Unhandled error", logger=APP + "web.GlobalExceptionHandler", entry="POST /shipments/{id}/pod"),
    # The pool exhausted during the nightly tracking poll.
    Bug("dk-pool-exhausted", "tms", spring_no_connection((*job("TrackingPollJob", "poll", 24), svc("TrackingService", "record", 48)), "total=20, active=20, idle=0, waiting={waiting}"),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("datadog.apm", **APM)),
        classes=(2,), log="Tracking poll failed", logger=APP + "jobs.TrackingPollJob", entry="TrackingPollJob.poll"),
    # A Jackson-deserialised map cast once.
    Bug("dk-pod-classcast", "tms", (jexc("java.lang.ClassCastException", "class java.lang.Integer cannot be cast to class java.lang.String (java.lang.Integer and java.lang.String are in module java.base of loader 'bootstrap')", (*ctl("PodController", "upload", 77), svc("PodService", "attach", 29))),),
        (see("sentry.error"),),
        singleton=True, log="Unhandled error", logger=APP + "web.GlobalExceptionHandler", entry="POST /shipments/{id}/pod"),
]

NOISE = [
    Noise("dk-noise-startup", "tms", "splunk", {**MVC, "line": "05-Mar-2026 05:12:44.{millis} INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [{ms}] milliseconds"}),
    Noise("dk-noise-sentry-resolved", "tms", "sentry.metric", {"rule": "tms errors per minute", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("dk-noise-dd-recovered", "tms", "datadog.event", {"monitor": "[Recovered] tms error rate by endpoint", "text": "tms error rate back under 2% on resource POST /shipments/{id}/label.", "priority": "P3", "event_type": "query_alert_monitor", "alert_type": "success", "transition": "Recovered"}),
]

DALEGARTH = Company(
    key="dk",
    name="Dalegarth Haulage",
    domain="dalegarth.example",
    sentry_org="dalegarth",
    splunk_url="https://splunk.dalegarth.example:8000",
    splunk_guid="4F7A0B3C-2D9E-4C18-8E56-B1A07D3C9E22",
    datadog_org=("502771", "Dalegarth Haulage"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("4.12.0", "4.12.1", "4.13.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dalegarth-sentry-client-secret",
)
# fmt: on
