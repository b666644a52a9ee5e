"""(b) Kestrel Freight, logistics: Spring Boot services on Java 21 (``shipment-service``,
``billing-service``, logging logback's plain multi-line pattern) and Kotlin
(``rating-service``, logging JSON through logstash-logback-encoder with shortened stack
traces), and Go services (``tracking-gateway``, ``label-printer``) logging zap JSON, with
handler panics on stderr.

Sentry for every service; Splunk indexes all logs; Datadog log, APM and job monitors post a
template the team wrote (its own field names, ``$DATE`` unquoted). No PostHog: no browser app.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    GO_HTTP,
    KAFKA_LISTENER,
    SCHEDULED,
    SPRING_TX_PROXY,
    TOMCAT,
    go,
    golib,
    jexc,
    jl,
    jv,
    kt,
    spring_constraint,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "shipment-service": Service("shipment-service", "java", "logback", "kestrel:spring", "/opt/kestrel/shipment-service/logs/app.log", "kestrel_prod", 2210041, "OpenJDK 21.0.2", framework="HandlerExceptionResolver"),
    "billing-service": Service("billing-service", "java", "logback", "kestrel:spring", "/opt/kestrel/billing-service/logs/app.log", "kestrel_prod", 2210049, "OpenJDK 21.0.2", framework="HandlerExceptionResolver"),
    "rating-service": Service("rating-service", "java", "logstash", "kestrel:logstash:json", "/var/log/containers/rating-service.log", "kestrel_prod", 2210045, "OpenJDK 21.0.2", framework="HandlerExceptionResolver"),
    "tracking-gateway": Service("tracking-gateway", "go", "zap", "kestrel:go:zap", "/var/log/containers/tracking-gateway.log", "kestrel_prod", 2210052, "go go1.22.1"),
    "label-printer": Service("label-printer", "go", "zap", "kestrel:go:zap", "/var/log/containers/label-printer.log", "kestrel_prod", 2210057, "go go1.22.1"),
}

SHIP = "com.kestrel.shipment"
BILL = "com.kestrel.billing"
RATE = "com.kestrel.rating"
TG = "github.com/kestrel-freight/tracking-gateway"
LP = "github.com/kestrel-freight/label-printer"

# Tomcat's log line for an exception that escaped a controller; <exc> is the thrown one.
ROOT_CAUSE = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
DISPATCHER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"


def cglib(cls: str, method: str) -> Frame:
    """A Spring CGLIB proxy frame: ``Foo$$SpringCGLIB$$0.bar(<generated>)``."""
    return Frame(method, "<generated>", 0, cls + "$$SpringCGLIB$$0", False)


WRITE_ERROR_TG = go(TG + "/internal/httpx", "WriteError", "/src/internal/httpx/errors.go", 38)
WRITE_ERROR_LP = go(LP + "/internal/httpx", "WriteError", "/src/internal/httpx/errors.go", 41)
KAFKA_ADAPTER = jl(
    "org.springframework.kafka.listener.adapter.RecordMessagingMessageListenerAdapter",
    "onMessage",
    49,
)

BUGS = [
    Bug(
        "kf-carrier-npe",
        "shipment-service",
        (
            jexc(
                "java.lang.NullPointerException",
                'Cannot invoke "com.kestrel.shipment.model.Lane.getOrigin()" because "lane" is null',
                (
                    *TOMCAT,
                    jv(f"{SHIP}.web.BookingController", "book", 58),
                    cglib(f"{SHIP}.booking.BookingService", "book"),
                    *SPRING_TX_PROXY,
                    jv(f"{SHIP}.booking.BookingService", "book", 121),
                    jv(f"{SHIP}.booking.CarrierSelector", "select", 57),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("splunk", 2, root_first=True),
            see("datadog.log", 2, style="sample", team="shipments"),
        ),
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/v1/bookings",
        span=2,
    ),
    # Go's bounds-check panic text, raised in two different functions.
    Bug(
        "kf-edi-index",
        "tracking-gateway",
        (
            Exc(
                "runtime.boundsError",
                "runtime error: index out of range [{idx}] with length {idx}",
                (
                    *GO_HTTP,
                    go(TG + "/internal/api", "(*Handler).ingestEDI", "/src/internal/api/edi.go", 64),
                    go(TG + "/internal/feed", "(*EDIParser).Parse", "/src/internal/feed/parse.go", 41),
                    go(TG + "/internal/feed", "(*EDIParser).parseStopSegment", "/src/internal/feed/parse.go", 88),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3, format="go-panic", search="tracking-gateway panics"),
        ),
        classes=(4,),
        pair="kf-eta-index",
        entry="POST /v1/edi/214",
    ),
    Bug(
        "kf-eta-index",
        "tracking-gateway",
        (
            Exc(
                "runtime.boundsError",
                "runtime error: index out of range [{idx}] with length {idx}",
                (
                    *GO_HTTP,
                    go(TG + "/internal/api", "(*Handler).getETA", "/src/internal/api/eta.go", 37),
                    go(TG + "/internal/eta", "Estimate", "/src/internal/eta/estimate.go", 52),
                    go(TG + "/internal/eta", "interpolate", "/src/internal/eta/interpolate.go", 29),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3, format="go-panic", search="tracking-gateway panics"),
        ),
        classes=(4,),
        pair="kf-edi-index",
        entry="GET /v1/shipments/{ref}/eta",
    ),
    # Two bugs whose stacks end in the shared error-writing helper (Sentry captures there).
    Bug(
        "kf-label-template",
        "label-printer",
        (
            Exc(
                "*fmt.wrapError",
                'render label: template "{tmpl}" not found',
                (
                    *GO_HTTP,
                    go(LP + "/internal/api", "(*Server).createLabel", "/src/internal/api/labels.go", 77),
                    WRITE_ERROR_LP,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="New issue in label-printer"),
            see("splunk", 3),
            see("datadog.log", 2, style="sample", team="labels"),
        ),
        classes=(9,),
        pair="kf-label-void",
        entry="POST /v1/labels",
        span=2,
    ),
    Bug(
        "kf-label-void",
        "label-printer",
        (
            Exc(
                "*fmt.wrapError",
                "void label: fetch carrier account: context deadline exceeded",
                (
                    *GO_HTTP,
                    go(LP + "/internal/api", "(*Server).voidLabel", "/src/internal/api/labels.go", 131),
                    WRITE_ERROR_LP,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.log", 2, style="sample", team="labels"),
        ),
        classes=(9,),
        pair="kf-label-template",
        entry="DELETE /v1/labels/{label_id}",
    ),
    # Logged without a type (zap), reported by Sentry with the wrapped chain.
    Bug(
        "kf-checkpoint-deadlock",
        "tracking-gateway",
        (
            Exc("*pq.Error", "pq: deadlock detected"),
            Exc(
                "*fmt.wrapError",
                "upsert checkpoint: pq: deadlock detected",
                (
                    *GO_HTTP,
                    go(TG + "/internal/api", "(*Handler).postCheckpoint", "/src/internal/api/checkpoints.go", 58),
                    WRITE_ERROR_TG,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.log", 2, style="sample", team="tracking"),
        ),
        classes=(9,),
        entry="POST /v1/checkpoints",
    ),
    # The same NOT NULL violation on two tables; the JSON logs keep 8 frames per throwable.
    Bug(
        "kf-tariff-notnull",
        "rating-service",
        spring_constraint(
            (
                *TOMCAT,
                kt(f"{RATE}.api.TariffController", "upload", 44),
                kt(f"{RATE}.tariff.TariffImportService", "importSheet", 61),
                kt(f"{RATE}.tariff.TariffImportService", "importLine", 88),
            ),
            "tariff_line",
            "currency",
            "{id}, 42.50, null, 1187, 2026-04-01",
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, half=8),
            see("splunk", 2),
            see("datadog.log", 2, team="pricing"),
        ),
        classes=(4,),
        pair="kf-surcharge-notnull",
        log="Tariff import failed at line {n}",
        logger=f"{RATE}.tariff.TariffImportService",
        entry="POST /api/tariffs/upload",
    ),
    Bug(
        "kf-surcharge-notnull",
        "rating-service",
        spring_constraint(
            (
                *SCHEDULED,
                kt(f"{RATE}.surcharge.SurchargeScheduler", "refresh", 27),
                kt(f"{RATE}.surcharge.SurchargeService", "recalculate", 73),
            ),
            "fuel_surcharge",
            "currency",
            "{id}, 0.1375, null, 77, 2026-03-09",
        ),
        (see("sentry.error", 2), see("splunk", 3, half=8), see("datadog.log", 2, team="pricing")),
        classes=(4,),
        pair="kf-tariff-notnull",
        log="Fuel surcharge recalculation failed",
        logger=f"{RATE}.surcharge.SurchargeService",
    ),
    # One method, two different exceptions.
    Bug(
        "kf-invoice-divide",
        "billing-service",
        (
            jexc(
                "java.lang.ArithmeticException",
                "Non-terminating decimal expansion; no exact representable decimal result.",
                (
                    *TOMCAT,
                    jv(f"{BILL}.web.InvoiceController", "preview", 39),
                    jv(f"{BILL}.invoice.InvoiceService", "preview", 84),
                    jv(f"{BILL}.invoice.InvoiceCalculator", "total", 52),
                    jl("java.math.BigDecimal", "divide", 1780),
                ),
            ),
        ),
        (
            see("sentry.issue"),
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", 2, style="sample", team="billing"),
        ),
        pair="kf-invoice-rate-npe",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/invoices/{invoice_id}/preview",
    ),
    Bug(
        "kf-invoice-rate-npe",
        "billing-service",
        (
            jexc(
                "java.lang.NullPointerException",
                'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because the return value of "com.kestrel.billing.invoice.InvoiceLine.getRate()" is null',
                (
                    *TOMCAT,
                    jv(f"{BILL}.web.InvoiceController", "preview", 39),
                    jv(f"{BILL}.invoice.InvoiceService", "preview", 84),
                    jv(f"{BILL}.invoice.InvoiceCalculator", "total", 47),
                ),
            ),
        ),
        (
            see("sentry.error", in_app="none"),
            see("sentry.error"),
            see("splunk", 3),
            see("datadog.log", 2, style="sample", team="billing"),
        ),
        pair="kf-invoice-divide",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/invoices/{invoice_id}/preview",
    ),
    # Two bugs under one Splunk saved search.
    Bug(
        "kf-customs-date",
        "shipment-service",
        (
            jexc(
                "com.fasterxml.jackson.databind.exc.InvalidFormatException",
                'Cannot deserialize value of type `java.time.LocalDate` from String "{date}": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text \'{date}\' could not be parsed at index 2\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 212] (through reference chain: com.kestrel.shipment.customs.Declaration["issuedOn"])',
                (
                    *TOMCAT,
                    jv(f"{SHIP}.web.CustomsController", "declaration", 33),
                    jv(f"{SHIP}.customs.CustomsClient", "fetchDeclaration", 71),
                    jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3773),
                    jl("com.fasterxml.jackson.databind.deser.BeanDeserializer", "deserialize", 185),
                    jl("com.fasterxml.jackson.databind.DeserializationContext", "handleWeirdStringValue", 1381),
                    jl("com.fasterxml.jackson.databind.exc.InvalidFormatException", "from", 80),
                ),
            ),
        ),
        (see("splunk", 3, search="shipment-service ERROR"), see("sentry.error")),
        pair="kf-pallet-lock",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/v1/shipments/{ref}/customs",
    ),
    Bug(
        "kf-pallet-lock",
        "shipment-service",
        (
            jexc(
                "org.springframework.orm.ObjectOptimisticLockingFailureException",
                "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.kestrel.shipment.model.Pallet#{id}]",
                (
                    *TOMCAT,
                    jv(f"{SHIP}.web.PalletController", "assign", 49),
                    cglib(f"{SHIP}.pallet.PalletService", "assign"),
                    *SPRING_TX_PROXY[:5],
                    jl("org.springframework.transaction.support.AbstractPlatformTransactionManager", "commit", 794),
                    jl("org.springframework.orm.jpa.JpaTransactionManager", "doCommit", 568),
                    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 311),
                ),
            ),
        ),
        (see("splunk", 3, search="shipment-service ERROR"), see("sentry.error")),
        pair="kf-customs-date",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/v1/pallets/{pallet_id}/assign",
    ),
    Bug(
        "kf-webhook-nilmap",
        "tracking-gateway",
        (
            Exc(
                "runtime.plainError",
                "assignment to entry in nil map",
                (
                    *GO_HTTP,
                    go(TG + "/internal/api", "(*Handler).subscribe", "/src/internal/api/webhooks.go", 40),
                    go(TG + "/internal/webhook", "(*Dispatcher).Register", "/src/internal/webhook/dispatcher.go", 48),
                ),
            ),
        ),
        (
            see("sentry.error"),
            see("splunk", 2, format="go-panic", search="tracking-gateway panics"),
        ),
        entry="POST /v1/webhooks",
    ),
    # No trace at all: the platform kills the pod; monitors name the service only.
    Bug(
        "kf-label-oomkilled",
        "label-printer",
        (),
        (
            see("datadog.metric", 2, monitor="Pods OOMKilled", scope="kube_deployment:label-printer", team="labels", metric="kubernetes.containers.state.terminated", query="max(last_10m):max:kubernetes.containers.state.terminated{reason:oomkilled} by {kube_deployment} >= 1", text="Container label-printer in deployment label-printer was OOMKilled (limit 512Mi). Restarts in the last hour: {n}."),
            see("splunk", search="k8s warning events", line='{"type":"Warning","reason":"OOMKilling","object":"pod/label-printer-7b9c6d5f4-{hex}","message":"Memory cgroup out of memory: Killed process {id} (label-printer) total-vm:1834220kB, anon-rss:523740kB, file-rss:0kB, shmem-rss:0kB","count":{n},"firstTimestamp":"{tsms}"}'),
        ),
        classes=(8,),
    ),
    Bug(
        "kf-quote-badgateway",
        "rating-service",
        (
            jexc(
                "org.springframework.web.client.HttpServerErrorException$BadGateway",
                '502 Bad Gateway: "{"error":"upstream unavailable","carrier":"DHL"}"',
                (
                    *TOMCAT,
                    kt(f"{RATE}.api.QuoteController", "quote", 36),
                    kt(f"{RATE}.quote.QuoteEngine", "price", 58),
                    kt(f"{RATE}.carrier.CarrierRateClient", "fetchRates", 44),
                    jl("org.springframework.web.client.RestTemplate", "doExecute", 819),
                    jl("org.springframework.web.client.DefaultResponseErrorHandler", "handleError", 138),
                    jl("org.springframework.web.client.HttpServerErrorException", "create", 102),
                ),
            ),
        ),
        (see("sentry.error"), see("datadog.apm", 2, team="pricing"), see("splunk", 2)),
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /v2/quotes",
    ),
    Bug(
        "kf-kafka-deserialize",
        "shipment-service",
        (
            jexc(
                "com.fasterxml.jackson.core.JsonParseException",
                "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (byte[])\"<html><body>upstream timeout</body></html>\"; line: 1, column: 2]",
                (
                    *KAFKA_LISTENER,
                    jl("org.apache.kafka.clients.consumer.KafkaConsumer", "poll", 1245),
                    jl("org.apache.kafka.clients.consumer.internals.CompletedFetch", "parseRecord", 331),
                    jl("org.springframework.kafka.support.serializer.JsonDeserializer", "deserialize", 600),
                    jl("com.fasterxml.jackson.core.base.ParserMinimalBase", "_reportError", 708),
                ),
            ),
            jexc(
                "org.apache.kafka.common.errors.RecordDeserializationException",
                "Error deserializing key/value for partition shipment-events-{part} at offset {offset}. If needed, please seek past the record to continue consumption.",
                (
                    *KAFKA_LISTENER,
                    jl("org.apache.kafka.clients.consumer.KafkaConsumer", "poll", 1245),
                    jl("org.apache.kafka.clients.consumer.internals.CompletedFetch", "parseRecord", 331),
                ),
            ),
        ),
        (
            see("splunk", 2),
            see("splunk", 3),
            see("sentry.error"),
            see("datadog.log", 2, style="sample", team="shipments"),
        ),
        log="Consumer exception",
        logger="org.springframework.kafka.listener.KafkaMessageListenerContainer",
        span=1,
    ),
    # A nightly job: the monitor knows only its name.
    Bug(
        "kf-statement-fx",
        "billing-service",
        (
            jexc(
                "java.lang.IllegalStateException",
                "No exchange rate for {cur} on 2026-03-01",
                (
                    *SCHEDULED,
                    jv(f"{BILL}.statement.MonthlyStatementJob", "run", 34),
                    jv(f"{BILL}.statement.StatementService", "buildAll", 57),
                    jv(f"{BILL}.fx.ExchangeRateService", "rateFor", 88),
                ),
            ),
        ),
        (see("sentry.error"), see("datadog.task", 2, team="billing"), see("splunk", 2)),
        log="Scheduled task MonthlyStatementJob failed",
        logger="org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler",
        entry="MonthlyStatementJob.run",
    ),
    # One Kotlin method, two different exceptions.
    Bug(
        "kf-quote-lateinit",
        "rating-service",
        (
            jexc(
                "kotlin.UninitializedPropertyAccessException",
                "lateinit property fxClient has not been initialized",
                (
                    *TOMCAT,
                    kt(f"{RATE}.api.QuoteController", "quote", 36),
                    kt(f"{RATE}.quote.QuoteEngine", "price", 49),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", 2, team="pricing")),
        pair="kf-quote-divzero",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /v2/quotes",
    ),
    Bug(
        "kf-quote-divzero",
        "rating-service",
        (
            jexc(
                "java.lang.ArithmeticException",
                "/ by zero",
                (
                    *TOMCAT,
                    kt(f"{RATE}.api.QuoteController", "quote", 36),
                    kt(f"{RATE}.quote.QuoteEngine", "price", 67),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", 2, team="pricing")),
        pair="kf-quote-lateinit",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /v2/quotes",
    ),
    # The same empty-Optional message at two places.
    Bug(
        "kf-depot-empty",
        "shipment-service",
        (
            jexc(
                "java.util.NoSuchElementException",
                "No value present",
                (
                    *TOMCAT,
                    jv(f"{SHIP}.web.RoutingController", "plan", 52),
                    jv(f"{SHIP}.routing.DepotRouter", "nearestDepot", 88),
                    jl("java.util.Optional", "orElseThrow", 377),
                ),
            ),
        ),
        (
            see("sentry.issue"),
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", 2, style="sample", team="shipments"),
        ),
        classes=(4,),
        pair="kf-driver-empty",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/v1/routing/plan",
        span=2,
    ),
    Bug(
        "kf-driver-empty",
        "shipment-service",
        (
            jexc(
                "java.util.NoSuchElementException",
                "No value present",
                (
                    *KAFKA_LISTENER,
                    KAFKA_ADAPTER,
                    jv(f"{SHIP}.dispatch.DispatchListener", "onShipmentReady", 41),
                    jv(f"{SHIP}.dispatch.DriverAssignmentService", "assign", 67),
                    jl("java.util.Optional", "orElseThrow", 377),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 3)),
        classes=(4,),
        pair="kf-depot-empty",
        log="Listener failed for shipment-ready event",
        logger=f"{SHIP}.dispatch.DispatchListener",
    ),
    Bug(
        "kf-hikari-timeout",
        "billing-service",
        (
            jexc(
                "java.sql.SQLTransientConnectionException",
                "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})",
                (
                    *TOMCAT,
                    jv(f"{BILL}.web.InvoiceController", "list", 27),
                    jv(f"{BILL}.invoice.InvoiceQueryService", "forCustomer", 45),
                    jl("org.springframework.jdbc.core.JdbcTemplate", "execute", 376),
                    jl("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection", 81),
                    jl("org.springframework.jdbc.datasource.DataSourceUtils", "doGetConnection", 117),
                    jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100),
                    jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181),
                    jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696),
                ),
            ),
            jexc(
                "org.springframework.jdbc.CannotGetJdbcConnectionException",
                "Failed to obtain JDBC Connection",
                (
                    *TOMCAT,
                    jv(f"{BILL}.web.InvoiceController", "list", 27),
                    jv(f"{BILL}.invoice.InvoiceQueryService", "forCustomer", 45),
                    jl("org.springframework.jdbc.core.JdbcTemplate", "execute", 376),
                    jl("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection", 84),
                ),
            ),
        ),
        (
            see("sentry.error", in_app="none"),
            see("splunk", 3),
            see("datadog.log", 2, style="sample", team="billing"),
            see("datadog.apm", team="billing"),
        ),
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/customers/{customer_id}/invoices",
    ),
    Bug(
        "kf-parcel-unmarshal",
        "label-printer",
        (
            Exc(
                "*json.UnmarshalTypeError",
                "json: cannot unmarshal string into Go struct field Parcel.parcels.weight_kg of type float64",
                (
                    *GO_HTTP,
                    go(LP + "/internal/api", "(*Server).createLabel", "/src/internal/api/labels.go", 58),
                    WRITE_ERROR_LP,
                ),
            ),
        ),
        (
            see("sentry.error"),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.log", style="sample", team="labels"),
        ),
        classes=(9,),
        entry="POST /v1/labels",
    ),
    Bug(
        "kf-forwarder-x509",
        "tracking-gateway",
        (
            Exc(
                "*url.Error",
                'Post "https://api.project44.example/v2/events": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-09T04:12:55Z is after 2026-03-09T00:00:00Z',
                (
                    golib("runtime", "goexit", "/usr/local/go/src/runtime/asm_amd64.s", 1695),
                    go(TG + "/internal/forward", "(*Forwarder).Run", "/src/internal/forward/forwarder.go", 61),
                    go(TG + "/internal/forward", "(*Forwarder).flush", "/src/internal/forward/forwarder.go", 104),
                ),
            ),
        ),
        (see("sentry.error"),),
        singleton=True,
    ),
    # A caller renamed between releases; line numbers move in every release.
    Bug(
        "kf-state-transition",
        "shipment-service",
        (
            jexc(
                "java.lang.IllegalStateException",
                "Cannot transition shipment {ref} from DELIVERED to IN_TRANSIT",
                (
                    *KAFKA_LISTENER,
                    KAFKA_ADAPTER,
                    jv(f"{SHIP}.tracking.TrackingEventHandler", "onScan", 45),
                    jv(f"{SHIP}.tracking.ShipmentStateMachine", "transition", 112),
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 3),
            see("datadog.log", 2, style="sample", team="shipments"),
        ),
        log="Failed to apply scan event",
        logger=f"{SHIP}.tracking.TrackingEventHandler",
        span=3,
        renames={"onScan": "handleScan"},
    ),
    # The same nil-pointer panic in two services.
    Bug(
        "kf-geo-nilptr",
        "tracking-gateway",
        (
            Exc(
                "runtime.errorString",
                "runtime error: invalid memory address or nil pointer dereference",
                (
                    *GO_HTTP,
                    go(TG + "/internal/api", "(*Handler).nearestHub", "/src/internal/api/hubs.go", 29),
                    go(TG + "/internal/geo", "(*Index).Nearest", "/src/internal/geo/index.go", 71),
                ),
            ),
        ),
        (
            see("sentry.issue"),
            see("sentry.error", 2),
            see("splunk", 2, format="go-panic", search="tracking-gateway panics"),
        ),
        classes=(4,),
        pair="kf-ups-nilptr",
        entry="GET /v1/hubs/nearest",
    ),
    Bug(
        "kf-ups-nilptr",
        "label-printer",
        (
            Exc(
                "runtime.errorString",
                "runtime error: invalid memory address or nil pointer dereference",
                (
                    *GO_HTTP,
                    go(LP + "/internal/api", "(*Server).rateShop", "/src/internal/api/rates.go", 44),
                    go(LP + "/internal/carriers/ups", "(*Client).Rate", "/src/internal/carriers/ups/rate.go", 102),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3, format="go-panic", search="label-printer panics"),
        ),
        classes=(4,),
        pair="kf-geo-nilptr",
        entry="POST /v1/rates",
    ),
    # Two bugs under one Datadog monitor; both are logged (and captured) at the same call.
    Bug(
        "kf-edi-utf8",
        "tracking-gateway",
        (
            Exc(
                "*edi.EncodingError",
                "decode 214 message: invalid UTF-8 in segment N1 at line {line}",
                (
                    golib("runtime", "goexit", "/usr/local/go/src/runtime/asm_amd64.s", 1695),
                    go(TG + "/internal/edi", "(*Importer).Run.func1", "/src/internal/edi/importer.go", 88),
                    go(TG + "/internal/edi", "(*Importer).importFile", "/src/internal/edi/importer.go", 131),
                ),
            ),
        ),
        (
            see("datadog.log", 2, monitor="EDI import failures", filter="service:tracking-gateway @logger.name:edi status:error", style="sample", msg="edi import failed", team="tracking"),
            see("splunk", 2, msg="edi import failed"),
            see("sentry.error"),
        ),
        pair="kf-edi-segment",
    ),
    Bug(
        "kf-edi-segment",
        "tracking-gateway",
        (
            Exc(
                "*edi.SyntaxError",
                'decode 214 message: unexpected segment "{seg}" after L11',
                (
                    golib("runtime", "goexit", "/usr/local/go/src/runtime/asm_amd64.s", 1695),
                    go(TG + "/internal/edi", "(*Importer).Run.func1", "/src/internal/edi/importer.go", 88),
                    go(TG + "/internal/edi", "(*Importer).importFile", "/src/internal/edi/importer.go", 131),
                ),
            ),
        ),
        (
            see("datadog.log", 2, monitor="EDI import failures", filter="service:tracking-gateway @logger.name:edi status:error", style="sample", msg="edi import failed", team="tracking"),
            see("splunk", 2, msg="edi import failed"),
            see("sentry.error"),
        ),
        pair="kf-edi-utf8",
    ),
    # The entity named in the message is the bug.
    Bug(
        "kf-carrier-missing",
        "shipment-service",
        (
            jexc(
                "jakarta.persistence.EntityNotFoundException",
                "Unable to find com.kestrel.shipment.model.Carrier with id {id}",
                (
                    *TOMCAT,
                    jv(f"{SHIP}.web.BookingController", "quote", 77),
                    jv(f"{SHIP}.booking.CarrierService", "lookup", 40),
                    jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 173),
                    jl("org.hibernate.proxy.AbstractLazyInitializer", "checkTargetState", 183),
                    jl("org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 184),
                ),
            ),
        ),
        (see("sentry.issue"), see("sentry.error", 2), see("splunk", 2)),
        classes=(4,),
        pair="kf-consignee-missing",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/v1/bookings/quote",
    ),
    Bug(
        "kf-consignee-missing",
        "shipment-service",
        (
            jexc(
                "jakarta.persistence.EntityNotFoundException",
                "Unable to find com.kestrel.shipment.model.Consignee with id {id}",
                (
                    *KAFKA_LISTENER,
                    KAFKA_ADAPTER,
                    jv(f"{SHIP}.consignee.ConsigneeListener", "onOrderImported", 30),
                    jv(f"{SHIP}.consignee.ConsigneeResolver", "resolve", 63),
                    jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 173),
                    jl("org.hibernate.proxy.AbstractLazyInitializer", "checkTargetState", 183),
                    jl("org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 184),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(4,),
        pair="kf-carrier-missing",
        log="Failed to resolve consignee for imported order",
        logger=f"{SHIP}.consignee.ConsigneeListener",
    ),
    Bug(
        "kf-rate-cache-timeout",
        "rating-service",
        (
            jexc(
                "io.lettuce.core.RedisCommandTimeoutException",
                "Command timed out after 1 minute(s)",
                (
                    *TOMCAT,
                    kt(f"{RATE}.api.QuoteController", "quote", 36),
                    kt(f"{RATE}.quote.RateCache", "lookup", 29),
                    jl("org.springframework.data.redis.connection.lettuce.LettuceStringCommands", "get", 66),
                    jl("io.lettuce.core.internal.ExceptionFactory", "createTimeoutException", 59),
                ),
            ),
        ),
        (
            see("sentry.error"),
            see("splunk", 2, half=8),
            see("datadog.apm", team="pricing"),
            see("datadog.log", team="pricing"),
        ),
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /v2/quotes",
    ),
    Bug(
        "kf-statement-lazy",
        "billing-service",
        (
            jexc(
                "org.hibernate.LazyInitializationException",
                "could not initialize proxy [com.kestrel.billing.model.Customer#{id}] - no Session",
                (
                    *SCHEDULED,
                    jv(f"{BILL}.statement.MonthlyStatementJob", "run", 34),
                    jv(f"{BILL}.statement.StatementRenderer", "render", 71),
                    jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 165),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(4,),
        pair="kf-contract-lazy",
        log="Scheduled task MonthlyStatementJob failed",
        logger="org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler",
        entry="MonthlyStatementJob.run",
    ),
    # The entity in the proxy's name is the bug.
    Bug(
        "kf-contract-lazy",
        "billing-service",
        (
            jexc(
                "org.hibernate.LazyInitializationException",
                "could not initialize proxy [com.kestrel.billing.model.Contract#{id}] - no Session",
                (
                    *KAFKA_LISTENER,
                    KAFKA_ADAPTER,
                    jv(f"{BILL}.usage.UsageEventListener", "onUsage", 38),
                    jv(f"{BILL}.usage.UsageRater", "rate", 54),
                    jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 165),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="Billing errors"),
            see("splunk", 2),
            see("datadog.log", style="sample", team="billing"),
        ),
        classes=(4,),
        pair="kf-statement-lazy",
        log="Failed to rate usage event",
        logger=f"{BILL}.usage.UsageEventListener",
    ),
    Bug(
        "kf-zpl-slice",
        "label-printer",
        (
            Exc(
                "runtime.boundsError",
                "runtime error: slice bounds out of range [:-1]",
                (
                    *GO_HTTP,
                    go(LP + "/internal/api", "(*Server).createLabel", "/src/internal/api/labels.go", 92),
                    go(LP + "/internal/zpl", "(*Writer).Barcode", "/src/internal/zpl/writer.go", 143),
                    go(LP + "/internal/zpl", "trimCheckDigit", "/src/internal/zpl/barcode.go", 17),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, format="go-panic", search="label-printer panics"),
        ),
        entry="POST /v1/labels",
    ),
    # A log template whose variable parts change length (sizes, durations, host:port).
    Bug(
        "kf-slow-sftp",
        "shipment-service",
        (),
        (
            see("splunk", 3, search="shipment-service slow uploads", line="{tsms}  WARN 1 --- [shipment-service] [   scheduling-1] c.k.shipment.edi.SftpPublisher          : Slow SFTP upload to {hostport}: {size} in {dur}"),
            see("datadog.log", monitor="Slow SFTP uploads", filter="service:shipment-service @logger.name:*SftpPublisher status:warn", team="shipments", text="SFTP uploads are slow. Latest sample:\n\n```\nSlow SFTP upload to {hostport}: {size} in {dur}\n```"),
        ),
        classes=(7,),
    ),
]

NOISE = [
    Noise(
        "kf-noise-argocd",
        "shipment-service",
        "splunk",
        {
            "search": "deployments",
            "line": 'time="{tsms}" level=info msg="Sync operation to 9f3c2e1 succeeded" application=argocd/shipment-service dest-namespace=shipping dest-server="https://kubernetes.default.svc" reason=OperationCompleted type=Normal',
        },
    ),
    Noise(
        "kf-noise-latency-recovered",
        "rating-service",
        "datadog.metric",
        {
            "monitor": "High p95 latency on rating-service",
            "scope": "kube_deployment:rating-service",
            "transition": "Recovered",
            "priority": "P3",
            "metric": "trace.servlet.request.duration",
            "query": "percentile(last_10m):p95:trace.servlet.request.duration{service:rating-service} > 1.5",
            "text": "p95 latency on rating-service is back under 1.5s.",
        },
    ),
    Noise(
        "kf-noise-scaled",
        "label-printer",
        "datadog.event",
        {
            "monitor": "Scaled label-printer from 3 to 5 replicas",
            "text": "HorizontalPodAutoscaler label-printer: New size: 5; reason: cpu resource utilization (percentage of request) above target.",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "kf-noise-heartbeat",
        "tracking-gateway",
        "splunk",
        {
            "search": "tracking-gateway heartbeat",
            "line": '{"level":"info","ts":{epoch},"caller":"cmd/gateway/main.go:61","msg":"heartbeat","uptime_h":{n},"goroutines":{id}}',
        },
    ),
]

KESTREL = Company(
    key="b",
    name="Kestrel Freight",
    domain="kestrel-freight.example",
    sentry_org="kestrel-freight",
    splunk_url="https://splunk.kestrel-freight.example:8000",
    splunk_guid="A41E77C2-3B05-4F9A-B6D8-0C12E9F5A7D4",
    datadog_org=("88213", "Kestrel Freight"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.9.0", "2026.9.1", "2026.10.0", "2026.10.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kestrel-sentry-client-secret",
)
# fmt: on
