"""(bi) Ferrowick, an industrial spare-parts distributor: Spring Boot 3.2 microservices on Java 17
— an order API (``order-service``: Tomcat, Spring MVC, Spring Data JPA, OpenFeign clients to the
other services behind Resilience4j circuit breakers), a pricing API (``pricing-service``) and a
Kafka consumer service (``inventory-events``: ``@KafkaListener`` methods under spring-kafka's
``DefaultErrorHandler`` with ``FixedBackOff(1000, 2)``, plus a ``@Scheduled`` replenishment
job).

Logs: logback's ``LogstashEncoder`` to stdout (``ShortenedThrowableConverter``: root cause
first, 30 frames per throwable, 8 on the consumer), shipped to Datadog by the agent; Datadog
log monitors render ``error.kind`` / ``error.message`` (the Java pipeline's remapping of
``stack_trace``) or paste the log's message, and APM monitors (dd-java-agent) name the service
and the error type. Sentry: sentry-spring-boot-starter-jakarta 7 on the two APIs (in-app:
``com.ferrowick``) and the logback appender on the consumer (no ``in-app-includes``, so none of
its frames are in-app). The Datadog webhook posts the team's camelCase plain-text template
(``alertFiredAtMs`` quoted). No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    HIBERNATE_FLUSH,
    JPA_SAVE,
    JPA_TRANSLATE,
    PGJDBC_UPDATE,
    SCHEDULED,
    SPRING_TX_PROXY,
    TOMCAT,
    jexc,
    jl,
    jv,
)

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.6.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "order-service": Service("order-service", "java", "bi-logstash-short", "", "", "", 3380041, "OpenJDK 17.0.10", framework="HandlerExceptionResolver", sdk=SDK),
    "pricing-service": Service("pricing-service", "java", "bi-logstash-short", "", "", "", 3380044, "OpenJDK 17.0.10", framework="HandlerExceptionResolver", sdk=SDK),
    "inventory-events": Service("inventory-events", "java", "bi-logstash-short", "", "", "", 3380047, "OpenJDK 17.0.10", framework="spring-kafka", sdk=("sentry.java.logback", "7.6.0", "maven:io.sentry:sentry-logback")),
}

F = "com.ferrowick"
# sentry-logback sends the logged throwable without a mechanism of its own.
NONE_IN_APP = dict(in_app="none", mechanism="generic")
TEAM = "fulfilment"
MVC_LOG = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
MVC_LOGGER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
EH_LOGGER = "org.springframework.kafka.listener.DefaultErrorHandler"
EH_LOG = "Backoff FixedBackOff{interval=1000, currentAttempts=3, maxAttempts=2} exhausted for {topic}-{part}@{offset}"

# Log monitors: the kind and message the pipeline remaps, or the pasted message.
KIND_MON = dict(team=TEAM, text="{{log.service}} logged an error on {{log.host}}.\n\nerror.kind: {{log.attributes.error.kind}}\nerror.message: {{log.attributes.error.message}}\nlogger: {{log.attributes.logger_name}}")
MSG_MON = dict(team=TEAM, text="New ERROR log on {{log.service}}:\n\n{{log.message}}\n\n{{log.attributes.error.kind}}")
STACK_MON = dict(team=TEAM, text="{{log.service}}: {{log.attributes.error.kind}}\n\n{{log.attributes.stack_trace}}")
APM_TYPE = dict(style="type", team=TEAM)


def order(pkg: str, method: str, line: int) -> Frame:
    return jv(f"{F}.orders.{pkg}", method, line)


def pricing(pkg: str, method: str, line: int) -> Frame:
    return jv(f"{F}.pricing.{pkg}", method, line)


def inventory(pkg: str, method: str, line: int) -> Frame:
    return jv(f"{F}.inventory.{pkg}", method, line)


def mvc(controller: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*TOMCAT, controller_frame(controller, method, line))


def controller_frame(cls: str, method: str, line: int) -> Frame:
    return jv(f"{F}.{cls}", method, line)


# spring-kafka 3.1 handing one record to a @KafkaListener method (oldest first).
LC = "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer"
KAFKA = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.FutureTask", "run", 317),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 572),
    jl(LC, "run", 1303),
    jl(LC, "pollAndInvoke", 1655),
    jl(LC, "invokeIfHaveRecords", 1970),
    jl(LC, "invokeRecordListener", 2599),
    jl(LC, "doInvokeRecordListener", 2833),
    jl(LC, "invokeOnMessage", 2890),
    jl("org.springframework.kafka.listener.adapter.RecordMessagingMessageListenerAdapter", "onMessage", 78),
    jl("org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter", "invokeHandler", 380),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "invoke", 169),
    jl("java.lang.reflect.Method", "invoke", 568),
)
# The consumer's one reader of every event payload: each listener calls it first.
EVENT_READER = inventory("events.EventReader", "read", 41)
JACKSON = (
    jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3825),
    jl("com.fasterxml.jackson.databind.ObjectMapper", "_readMapAndClose", 4899),
    jl("com.fasterxml.jackson.databind.deser.DefaultDeserializationContext", "readRootValue", 342),
    jl("com.fasterxml.jackson.databind.deser.BeanDeserializer", "deserialize", 185),
    jl("com.fasterxml.jackson.databind.deser.BeanDeserializer", "vanillaDeserialize", 310),
)


def listener_failed(method: str, cause: Exc) -> tuple[Exc, Exc]:
    """The listener adapter wraps what the method threw (cause first)."""
    return cause, jexc("org.springframework.kafka.listener.ListenerExecutionFailedException", f"Listener method '{method}' threw exception", (*KAFKA[:9], jl(LC, "decorateException", 3000)))


# Feign 13 decoding an error response into a FeignException (oldest first, after the proxy).
FEIGN = (
    jl("jdk.proxy2.$Proxy171", "getPrice", -1),
    jl("feign.ReflectiveFeign$FeignInvocationHandler", "invoke", 99),
    jl("feign.SynchronousMethodHandler", "invoke", 70),
    jl("feign.SynchronousMethodHandler", "executeAndDecode", 114),
    jl("feign.ResponseHandler", "handleResponse", 63),
    jl("feign.InvocationContext", "proceed", 72),
    jl("feign.InvocationContext", "decodeError", 126),
    jl("feign.codec.ErrorDecoder$Default", "decode", 103),
    jl("feign.FeignException", "errorStatus", 213),
    jl("feign.FeignException", "errorStatus", 257),
)
R4J = "io.github.resilience4j"
BREAKER = (
    jl("org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor", "intercept", 717),
    jl("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 184),
    jl("org.springframework.aop.aspectj.AspectJAroundAdvice", "invoke", 70),
    jl("org.springframework.aop.aspectj.AbstractAspectJAdvice", "invokeAdviceMethod", 637),
    jl(f"{R4J}.spring6.circuitbreaker.configure.CircuitBreakerAspect", "circuitBreakerAroundAdvice", 136),
    jl(f"{R4J}.spring6.circuitbreaker.configure.CircuitBreakerAspect", "proceed", 165),
    jl(f"{R4J}.spring6.circuitbreaker.configure.CircuitBreakerAspect", "defaultHandling", 188),
    jl(f"{R4J}.circuitbreaker.CircuitBreaker", "executeCheckedSupplier", 830),
    jl(f"{R4J}.circuitbreaker.CircuitBreaker", "lambda$decorateCheckedSupplier$82a9021a$1", 70),
    jl(f"{R4J}.circuitbreaker.internal.CircuitBreakerStateMachine", "acquirePermission", 206),
    jl(f"{R4J}.circuitbreaker.internal.CircuitBreakerStateMachine$OpenState", "acquirePermission", 815),
    jl(f"{R4J}.circuitbreaker.CallNotPermittedException", "createCallNotPermittedException", 48),
)


def unique(app: tuple[Frame, ...], table: str, constraint: str, key: str, columns: str) -> tuple[Exc, ...]:
    """A unique violation saving through Spring Data JPA (cause first): pgjdbc's
    PSQLException, Hibernate's ConstraintViolationException, Spring's translation."""
    sql = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key {key} already exists.'
    marks = ",".join("?" for _ in columns.split(","))
    insert = f"insert into {table} ({columns}) values ({marks})"
    flush = app + JPA_SAVE + HIBERNATE_FLUSH
    return (
        jexc("org.postgresql.util.PSQLException", sql, flush + PGJDBC_UPDATE),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{sql}] [{insert}]", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", app + JPA_SAVE + JPA_TRANSLATE),
    )


QUOTE = (*TOMCAT, pricing("api.QuoteController", "quote", 44), *SPRING_TX_PROXY)
ADJUSTED = "public void com.ferrowick.inventory.listener.StockListener.onAdjusted(java.lang.String)"
RETURNED = "public void com.ferrowick.inventory.listener.ReturnsListener.onReturnReceived(java.lang.String)"
PAYMENTS = "payments"

BUGS = [
    # A lazy reference to a row that is gone: a customer in the order API, a warehouse in the consumer.
    Bug("fw-customer-not-found", "order-service", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find com.ferrowick.orders.domain.Customer with id {id}", (*mvc("orders.api.OrderController", "place", 58), *SPRING_TX_PROXY, order("service.OrderService", "place", 97), order("service.OrderService", "billingAddressOf", 143), jl("com.ferrowick.orders.domain.Customer$HibernateProxy$Xk2lQm8P", "getBillingAddress", -1), jl("org.hibernate.proxy.pojo.bytebuddy.ByteBuddyInterceptor", "intercept", 56), jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 179), jl("org.hibernate.internal.SessionImpl", "initializeProxy", 1387), jl("org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 169))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, monitor="order-service error logs", **KIND_MON), see("datadog.apm", monitor="order-service errors by type", **APM_TYPE)),
        classes=(4,), pair="fw-warehouse-not-found", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/v1/orders"),
    Bug("fw-warehouse-not-found", "inventory-events", listener_failed(ADJUSTED, jexc("jakarta.persistence.EntityNotFoundException", "Unable to find com.ferrowick.inventory.domain.Warehouse with id {n}", (*KAFKA, inventory("listener.StockListener", "onAdjusted", 37), *SPRING_TX_PROXY, inventory("service.StockService", "apply", 62), jl("com.ferrowick.inventory.domain.Warehouse$HibernateProxy$Rw7bTe1c", "getCode", -1), jl("org.hibernate.proxy.pojo.bytebuddy.ByteBuddyInterceptor", "intercept", 56), jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 179), jl("org.hibernate.internal.SessionImpl", "initializeProxy", 1387), jl("org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 169)))),
        (see("sentry.error", 2, **NONE_IN_APP), see("datadog.log", 2, monitor="inventory-events: retries exhausted", topic="inventory.stock-adjusted", filter="service:inventory-events @logger_name:org.springframework.kafka.listener.DefaultErrorHandler", **MSG_MON)),
        classes=(4,), pair="fw-customer-not-found", log=EH_LOG.replace("{topic}", "inventory.stock-adjusted"), logger=EH_LOGGER, entry="inventory.stock-adjusted"),
    # One quote method, two exceptions: a part without a list price, a divide by three.
    Bug("fw-quote-price-null", "pricing-service", (jexc("java.lang.NullPointerException", 'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because "listPrice" is null', (*QUOTE, pricing("service.QuoteService", "quote", 71), pricing("service.QuoteService", "lineTotal", 118))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", monitor="pricing-service error logs", **KIND_MON), see("datadog.apm", monitor="pricing-service errors by type", **APM_TYPE)),
        classes=(4,), pair="fw-quote-divide", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/v1/quotes", span=2, renames={"quote": "createQuote"}),
    Bug("fw-quote-divide", "pricing-service", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*QUOTE, pricing("service.QuoteService", "quote", 76), pricing("service.QuoteService", "perUnit", 131), jl("java.math.BigDecimal", "divide", 1780))),),
        (see("sentry.error", 2), see("datadog.log", 2, monitor="pricing-service error logs", **KIND_MON), see("datadog.apm", monitor="pricing-service errors by type", **APM_TYPE)),
        classes=(4,), pair="fw-quote-price-null", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/v1/quotes"),
    # Two events that one payload reader fails on: a timestamp format, a field the producer added.
    Bug("fw-event-instant-format", "inventory-events", listener_failed(ADJUSTED, jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", "Cannot deserialize value of type `java.time.Instant` from String \"2026-03-0{idx} 1{idx}:22:13\": Failed to deserialize java.time.Instant: (java.time.format.DateTimeParseException) Text '2026-03-0{idx} 1{idx}:22:13' could not be parsed at index 10\n at [Source: (String)\"{\"sku\":\"FW-{id}\",\"warehouseId\":{n},\"delta\":-4,\"occurredAt\":\"2026-03-0{idx} 1{idx}:22:13\"}\"; line: 1, column: 71] (through reference chain: com.ferrowick.inventory.events.StockAdjusted[\"occurredAt\"])", (*KAFKA, inventory("listener.StockListener", "onAdjusted", 31), EVENT_READER, *JACKSON, jl("com.fasterxml.jackson.databind.exc.InvalidFormatException", "from", 67)))),
        (see("sentry.error", 2, **NONE_IN_APP), see("sentry.issue"), see("datadog.log", 2, monitor="inventory-events: retries exhausted", topic="inventory.stock-adjusted", filter="service:inventory-events @logger_name:org.springframework.kafka.listener.DefaultErrorHandler", **MSG_MON)),
        classes=(9,), pair="fw-event-unknown-field", log=EH_LOG.replace("{topic}", "inventory.stock-adjusted"), logger=EH_LOGGER, entry="inventory.stock-adjusted"),
    Bug("fw-event-unknown-field", "inventory-events", listener_failed(RETURNED, jexc("com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException", "Unrecognized field \"binCode\" (class com.ferrowick.inventory.events.ReturnReceived), not marked as ignorable (5 known properties: \"sku\", \"quantity\", \"warehouseId\", \"orderId\", \"receivedAt\"])\n at [Source: (String)\"{\"sku\":\"FW-{id}\",\"quantity\":1,\"warehouseId\":{n},\"orderId\":{order},\"binCode\":\"B-{idx}\"}\"; line: 1, column: 90] (through reference chain: com.ferrowick.inventory.events.ReturnReceived[\"binCode\"])", (*KAFKA, inventory("listener.ReturnsListener", "onReturnReceived", 26), EVENT_READER, *JACKSON, jl("com.fasterxml.jackson.databind.DeserializationContext", "handleUnknownProperty", 1153), jl("com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException", "from", 61)))),
        (see("sentry.error", 3, **NONE_IN_APP), see("datadog.log", monitor="inventory-events: retries exhausted", topic="inventory.return-received", filter="service:inventory-events @logger_name:org.springframework.kafka.listener.DefaultErrorHandler", **MSG_MON)),
        classes=(9,), pair="fw-event-instant-format", log=EH_LOG.replace("{topic}", "inventory.return-received"), logger=EH_LOGGER, entry="inventory.return-received", span=2),
    # "No value present" at two places of the order API.
    Bug("fw-return-no-value", "order-service", (jexc("java.util.NoSuchElementException", "No value present", (*mvc("orders.api.ReturnController", "approve", 49), *SPRING_TX_PROXY, order("service.ReturnService", "approve", 84), jl("java.util.Optional", "orElseThrow", 377))),),
        (see("sentry.error", 2), see("sentry.alert", rule="order-service: new issue"), see("datadog.log", monitor="order-service error logs", **KIND_MON)),
        classes=(4,), pair="fw-invoice-no-value", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/v1/returns/{id}/approve"),
    Bug("fw-invoice-no-value", "order-service", (jexc("java.util.NoSuchElementException", "No value present", (*mvc("orders.api.InvoiceController", "issue", 37), *SPRING_TX_PROXY, order("billing.InvoiceService", "issue", 112), order("billing.InvoiceService", "taxRateFor", 160), jl("java.util.Optional", "orElseThrow", 377))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, monitor="order-service error logs", **KIND_MON)),
        classes=(4,), pair="fw-return-no-value", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/v1/orders/{id}/invoice", span=2),
    # One APM monitor over two unique violations of the payments tables.
    Bug("fw-payment-idempotency-dup", "order-service", unique((*mvc("orders.api.PaymentController", "capture", 52), *SPRING_TX_PROXY, order("payments.PaymentService", "capture", 73)), "payment", "uk_payment_idempotency_key", "(idempotency_key)=({key})", "amount,currency,idempotency_key,order_id,status,id"),
        (see("sentry.error", 2), see("datadog.apm", 2, monitor="order-service errors by type", **APM_TYPE), see("datadog.log", monitor="order-service error logs", **KIND_MON)),
        classes=(4,), pair="fw-refund-dup", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/v1/orders/{id}/payments"),
    Bug("fw-refund-dup", "order-service", unique((*mvc("orders.api.RefundController", "create", 40), *SPRING_TX_PROXY, order("payments.RefundService", "refund", 58)), "refund", "uk_refund_payment_id", "(payment_id)=({id})", "amount,payment_id,reason,id"),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.apm", monitor="order-service errors by type", **APM_TYPE)),
        classes=(4,), pair="fw-payment-idempotency-dup", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/v1/payments/{id}/refunds"),
    # The inventory breaker open: the order API refuses to reserve stock.
    Bug("fw-inventory-breaker-open", "order-service", (jexc("io.github.resilience4j.circuitbreaker.CallNotPermittedException", "CircuitBreaker 'inventory' is OPEN and does not permit further calls", (*mvc("orders.api.OrderController", "place", 58), *SPRING_TX_PROXY, order("service.OrderService", "place", 91), order("service.StockReservation", "reserve", 33), *BREAKER)),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, monitor="order-service error logs", **KIND_MON), see("datadog.apm", style="message", team=TEAM, monitor="order-service error spans")),
        classes=(5,), log="Order {order} rejected: <exc>", logger="com.ferrowick.orders.service.OrderService", entry="POST /api/v1/orders", span=3, renames={"place": "placeOrder"}),
    # The cart asks the pricing service for a part it has no price for in that currency.
    Bug("fw-cart-price-404", "order-service", (jexc("feign.FeignException$NotFound", "[404 Not Found] during [GET] to [http://pricing-service/api/v1/prices/FW-{id}?currency={cur}] [PricingClient#getPrice(String,String)]: [{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No price for FW-{id} in {cur}\",\"instance\":\"/api/v1/prices/FW-{id}\"}]", (*mvc("orders.api.CartController", "addItem", 63), order("cart.CartService", "addItem", 48), *FEIGN, jl("feign.FeignException", "clientErrorStatus", 219))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", monitor="order-service error logs", **KIND_MON), see("datadog.log", monitor="order-service: stack traces", half=12, **STACK_MON), see("datadog.apm", monitor="order-service errors by type", **APM_TYPE)),
        log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/v1/carts/{id}/items"),
    # An order's lines read outside the transaction by the mapper.
    Bug("fw-order-lines-lazy", "order-service", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: com.ferrowick.orders.domain.Order.lines: could not initialize proxy - no Session", (*mvc("orders.api.OrderController", "get", 41), order("api.OrderMapper", "toDto", 27), jl("org.hibernate.collection.spi.AbstractPersistentCollection", "read", 143), jl("org.hibernate.collection.spi.AbstractPersistentCollection", "withTemporarySessionIfNeeded", 239), jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationException", 635))),),
        (see("sentry.error", 2), see("datadog.log", 2, monitor="order-service: stack traces", **STACK_MON), see("datadog.apm", monitor="order-service errors by type", **APM_TYPE)),
        log=MVC_LOG, logger=MVC_LOGGER, entry="GET /api/v1/orders/{id}", span=2),
    # The nightly replenishment job losing a race with the consumer.
    Bug("fw-replenish-optimistic", "inventory-events", (jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.ferrowick.inventory.domain.StockLevel#{id}]", (*SCHEDULED, inventory("jobs.ReplenishmentJob", "run", 29), *SPRING_TX_PROXY, inventory("service.ReplenishmentService", "topUp", 54), *JPA_SAVE, *JPA_TRANSLATE)),),
        (see("sentry.error", 2, **NONE_IN_APP), see("datadog.log", 2, team=TEAM, monitor="inventory-events: ReplenishmentJob failed", filter="service:inventory-events @logger_name:org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler", text="The scheduled job ReplenishmentJob.run failed on {{log.host}}. See the related logs.")),
        classes=(8,), log="Unexpected error occurred in scheduled task", logger="org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler", entry="ReplenishmentJob.run"),
    # Pricing answering slowly: log lines whose sizes, durations and hosts change length.
    Bug("fw-pricing-slow", "order-service", (),
        (see("datadog.log", 4, team=TEAM, monitor="order-service: slow pricing calls", filter="service:order-service @logger_name:com.ferrowick.orders.client.FeignTimingLogger", text="Slow Feign call logged on order-service:\n\nPricingClient#getPrice to {pricinghost} took {ms} ms, response {size}"),),
        classes=(7,)),
    # Seen once: the statement export running out of heap.
    Bug("fw-statement-heap", "order-service", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*mvc("orders.api.StatementController", "export", 30), order("billing.StatementExporter", "write", 66), jl("java.util.Arrays", "copyOf", 3537), jl("java.io.ByteArrayOutputStream", "ensureCapacity", 100))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/customers/{id}/statement.xlsx"),
]

NOISE = [
    Noise("fw-noise-deploy", "order-service", "datadog.event", {"monitor": "Deployed order-service 4.12.0", "text": "Argo CD rolled out order-service 4.12.0 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("fw-noise-recovered", "order-service", "datadog.log", {"monitor": "order-service error logs", "transition": "Recovered", "alert_type": "success", "text": "order-service error logs are back under the threshold.", "priority": "P3", "team": TEAM}),
    Noise("fw-noise-lag-warn", "inventory-events", "datadog.metric", {"monitor": "inventory-events consumer lag", "transition": "Warn", "alert_type": "warning", "metric": "kafka.consumer_lag", "query": "avg(last_10m):max:kafka.consumer_lag{consumer_group:inventory-events} > 5000", "text": "Consumer lag of inventory-events is 3{n}00 records (warn at 2500).", "priority": "P3", "team": TEAM}),
    Noise("fw-noise-sentry-resolved", "order-service", "sentry.metric", {"rule": "order-service error count", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

FERROWICK = Company(
    key="bi",
    name="Ferrowick",
    domain="ferrowick.example",
    sentry_org="ferrowick",
    splunk_url="",
    splunk_guid="",
    datadog_org=("552019", "Ferrowick"),
    datadog_template="bi-parts",
    posthog_project=(0, ""),
    releases=("4.10.3", "4.11.0", "4.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ferrowick-sentry-client-secret",
)
# fmt: on
