"""(gf) Ousby Freight Exchange, a load board for hauliers: a Spring Boot 3.3 service on Java
21 (``ousby-exchange``: Spring MVC on Tomcat, Spring Data JPA over Postgres, a RestClient to a
carrier hub) and its Kafka consumers (``ousby-events``: ``@KafkaListener`` methods on
``booking-events`` and ``tracking-events`` with Spring Kafka's ``DefaultErrorHandler``).

Splunk indexes the pods' stdout (``gf-logstash-kafka``): logstash-logback-encoder's
``LogstashEncoder`` (``@timestamp``, ``message``, ``logger_name``, ``thread_name``, ``level``,
``level_value``, ``stack_trace``), the consumers' records on the listener container's thread
with the error handler's ``Backoff ... exhausted for <topic>-<partition>@<offset>`` message
over ``ListenerExecutionFailedException``; one pod group with a ``ShortenedThrowableConverter``
(``maxDepthPerThrowable`` 8). Sentry: sentry-spring-boot-starter-jakarta. Datadog: log
monitors pasting the record and APM monitors. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Noise, Service, see
from ..stacks import (
    KAFKA_LISTENER,
    SPRING_TX_PROXY,
    TOMCAT,
    jexc,
    jl,
    jv,
    spring_constraint,
    spring_no_connection,
)

# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "ousby-exchange": Service("ousby-exchange", "java", "gf-logstash-kafka", "docker:java", "/var/log/containers/ousby-exchange.log", "gf_app", 3390441, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
    "ousby-events": Service("ousby-events", "java", "gf-logstash-kafka", "docker:java", "/var/log/containers/ousby-events.log", "gf_app", 3390442, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
}
P = "com.ousby.exchange."
LISTEN = (
    *KAFKA_LISTENER,
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "invokeRecordListener", 2657),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "doInvokeOnMessage", 2932),
    jl("org.springframework.kafka.listener.adapter.RecordMessagingMessageListenerAdapter", "onMessage", 78),
    jl("org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter", "invokeHandler", 464),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "invoke", 115),
    jl("java.lang.reflect.Method", "invoke", 580),
)
WRAP = (*LISTEN[:9], jl("org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter", "invokeHandler", 482))


def ctl(name: str, method: str, line: int) -> tuple:
    return (*TOMCAT, jv(f"{P}web.{name}", method, line))


def svc(name: str, method: str, line: int) -> object:
    return jv(f"{P}service.{name}", method, line)


def listener(name: str, method: str, line: int) -> tuple:
    return (*LISTEN, jv(f"{P}events.{name}", method, line))


def lefe(name: str, method: str, cause: tuple) -> tuple:
    sig = f"public void {P}events.{name}.{method}(org.apache.kafka.clients.consumer.ConsumerRecord<java.lang.String, java.lang.String>)"
    return (*cause, jexc("org.springframework.kafka.listener.ListenerExecutionFailedException", f"Listener method '{sig}' threw exception", WRAP))


WEB = {"search": "ousby json errors", "app": "ousby"}
WEBHALF = {"search": "ousby json errors", "app": "ousby", "half": 8}
KAFKA = {"search": "ousby json errors", "app": "ousby", "thread": "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1"}
KAFKA2 = {"search": "ousby json errors", "app": "ousby", "thread": "org.springframework.kafka.KafkaListenerEndpointContainer#1-0-C-1"}
DD = dict(team="exchange", monitor="[ousby] ERROR logs", filter="service:ousby-exchange status:error", style="sample")
DDK = dict(team="exchange", monitor="[ousby] consumer errors", filter="service:ousby-events status:error", style="sample")
APM = dict(team="exchange", monitor="[ousby] servlet.request errors", style="type")
EXHAUSTED = "Backoff FixedBackOff{{interval=0, currentAttempts=10, maxAttempts=9}} exhausted for {topic}-{{n}}@{{id}}"
EH = "org.springframework.kafka.listener.DefaultErrorHandler"
NPE = 'Cannot invoke "String.trim()" because "raw" is null'
REF = jv(f"{P}support.RefParser", "normalise", 23)
DRF_LOAD = f"{P}domain.Load"
VAT_NPE = f'Cannot invoke "{P}domain.Carrier.getVatNumber()" because the return value of "{P}domain.Load.getCarrier()" is null'
SERVLET = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception"
TOMCAT_LOGGER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"

BUGS = [
    Bug("gf-quote-npe", "ousby-exchange", (jexc("java.lang.NullPointerException", 'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because "rate" is null', (*ctl("QuoteController", "quote", 41), svc("QuoteService", "price", 66))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gf-quote-arith", entry="POST /api/quotes", span=2, renames={"quote": "createQuote"}, log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
    Bug("gf-quote-arith", "ousby-exchange", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*ctl("QuoteController", "quote", 41), svc("QuoteService", "price", 71), jl("java.math.BigDecimal", "divide", 1780))),),
        (see("sentry.error", 2), see("splunk", 3, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="gf-quote-npe", entry="POST /api/quotes", log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
    Bug("gf-booking-ref-npe", "ousby-events", lefe("BookingEventsListener", "onBookingEvent", (jexc("java.lang.NullPointerException", NPE, (*listener("BookingEventsListener", "onBookingEvent", 38), REF)),)),
        (see("sentry.error", 3), see("splunk", 3, **KAFKA), see("datadog.log", **DDK)),
        classes=(1, 9), pair="gf-tracking-ref-npe", entry="booking-events", log=EXHAUSTED.format(topic="booking-events"), logger=EH),
    Bug("gf-tracking-ref-npe", "ousby-events", lefe("TrackingEventsListener", "onTrackingEvent", (jexc("java.lang.NullPointerException", NPE, (*listener("TrackingEventsListener", "onTrackingEvent", 52), REF)),)),
        (see("sentry.error", 2), see("splunk", 3, **KAFKA2), see("datadog.log", **DDK)),
        classes=(1, 9), pair="gf-booking-ref-npe", entry="tracking-events", log=EXHAUSTED.format(topic="tracking-events"), logger=EH),
    Bug("gf-carrier-missing", "ousby-exchange", (jexc("jakarta.persistence.EntityNotFoundException", f"Unable to find {P}domain.Carrier with id {{id}}", (*ctl("LoadController", "assign", 77), svc("LoadService", "assignCarrier", 104), jl("org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 198))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **DD)),
        classes=(4,), pair="gf-lane-missing", entry="POST /api/loads/{id}/assign", log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
    Bug("gf-lane-missing", "ousby-exchange", (jexc("jakarta.persistence.EntityNotFoundException", f"Unable to find {P}domain.Lane with id {{id}}", (*ctl("LaneController", "rates", 29), svc("LaneService", "ratesFor", 48), jl("org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 198))),),
        (see("sentry.error", 2), see("splunk", 3, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="gf-carrier-missing", entry="GET /api/lanes/{id}/rates", log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
    Bug("gf-ratecard-null", "ousby-exchange", spring_constraint((*ctl("RateCardController", "upload", 35), *SPRING_TX_PROXY, svc("RateCardService", "importCard", 62)), "rate_card_line", "currency", "{id}, 412.50, null, 88, 2026-12-01"),
        (see("sentry.error", 3), see("splunk", 2, **WEBHALF), see("datadog.log", **DD)),
        classes=(1, 4, 10), pair="gf-surcharge-null", entry="POST /api/rate-cards", log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
    Bug("gf-surcharge-null", "ousby-exchange", spring_constraint((*ctl("SurchargeController", "create", 24), *SPRING_TX_PROXY, svc("SurchargeService", "create", 31)), "fuel_surcharge", "amount", "{id}, null, GBP, 17, 2026-12-01"),
        (see("sentry.error", 2), see("splunk", 2, **WEBHALF), see("splunk", 1, **WEB), see("datadog.apm", **APM)),
        classes=(1, 4, 10), pair="gf-ratecard-null", entry="POST /api/surcharges", log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
    Bug("gf-pool-timeout", "ousby-exchange", spring_no_connection((*ctl("LoadController", "search", 52), *SPRING_TX_PROXY), "total=10, active=10, idle=0, waiting=27"),
        (see("sentry.error", 3), see("splunk", 3, **WEB), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(1, 2), entry="GET /api/loads", log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
    Bug("gf-hub-timeout", "ousby-events", lefe("BookingEventsListener", "onBookingEvent", (
        jexc("java.net.SocketTimeoutException", "Read timed out", (*listener("BookingEventsListener", "onBookingEvent", 44), svc("CarrierHubClient", "confirm", 57), jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 468), jl("sun.nio.ch.NioSocketImpl", "timedRead", 278))),
        jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on POST request for "https://api.carrierhub.example/v2/confirmations": Read timed out', (*listener("BookingEventsListener", "onBookingEvent", 44), svc("CarrierHubClient", "confirm", 57), jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "createResourceAccessException", 534))),
    )),
        (see("sentry.error", 3), see("splunk", 2, **KAFKA), see("datadog.log", **DDK)),
        classes=(1, 10), entry="booking-events", log=EXHAUSTED.format(topic="booking-events"), logger=EH),
    Bug("gf-load-optimistic", "ousby-exchange", (jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", f"Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [{DRF_LOAD}#{{id}}]", (*ctl("LoadController", "assign", 77), *SPRING_TX_PROXY, svc("LoadService", "assignCarrier", 112), jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 325))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(8,), entry="POST /api/loads/{id}/assign", log="Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception", logger="org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"),
    Bug("gf-invoice-vat-http", "ousby-exchange", (jexc("java.lang.NullPointerException", VAT_NPE, (*ctl("InvoiceController", "preview", 33), svc("InvoiceService", "build", 58))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="gf-invoice-vat-kafka", entry="GET /api/loads/{id}/invoice", log=SERVLET, logger=TOMCAT_LOGGER),
    Bug("gf-invoice-vat-kafka", "ousby-events", lefe("InvoiceEventsListener", "onDelivered", (jexc("java.lang.NullPointerException", VAT_NPE, (*listener("InvoiceEventsListener", "onDelivered", 29), svc("InvoiceService", "draft", 91))),)),
        (see("sentry.error", 2), see("splunk", 3, **KAFKA2), see("datadog.log", **DDK)),
        classes=(1, 4), pair="gf-invoice-vat-http", entry="delivery-events", log=EXHAUSTED.format(topic="delivery-events"), logger=EH),
    Bug("gf-jackson-singleton", "ousby-exchange", (jexc("com.fasterxml.jackson.databind.exc.InvalidDefinitionException", f"Java 8 date/time type `java.time.OffsetDateTime` not supported by default: add Module \"com.fasterxml.jackson.datatype:jackson-datatype-jsr310\" to enable handling (through reference chain: {P}web.dto.LoadView[\"pickupAt\"])", (*ctl("LoadController", "export", 90), jl("com.fasterxml.jackson.databind.ObjectMapper", "writeValueAsString", 4832))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/loads/export"),
]

NOISE = [
    Noise("gf-noise-started", "ousby-exchange", "splunk", {"search": "ousby json errors", "line": '{"@timestamp":"{tsms}","@version":"1","message":"Started OusbyExchangeApplication in 9.412 seconds (process running for 10.288)","logger_name":"com.ousby.exchange.OusbyExchangeApplication","thread_name":"main","level":"INFO","level_value":20000}'}),
    Noise("gf-noise-rebalance", "ousby-events", "splunk", {"search": "ousby json errors", "line": '{"@timestamp":"{tsms}","@version":"1","message":"ousby-events: partitions assigned: [booking-events-0, booking-events-1, booking-events-2]","logger_name":"org.springframework.kafka.listener.KafkaMessageListenerContainer","thread_name":"org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1","level":"INFO","level_value":20000}'}),
    Noise("gf-noise-deploy", "ousby-exchange", "datadog.event", {"monitor": "Deploy", "text": "ousby-exchange 1.42.0 deployed to prod-eu.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

OUSBY = Company(
    key="gf",
    name="Ousby Freight Exchange",
    domain="ousby-freight.example",
    sentry_org="ousby",
    splunk_url="https://ousby.splunkcloud.com",
    splunk_guid="1F6C2B97-4D3E-4A08-B7E2-9C5D8A1F3E60",
    datadog_org=("713338", "Ousby Freight Exchange"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("1.41.3", "1.42.0", "1.42.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ousby-sentry-client-secret",
)
# fmt: on
