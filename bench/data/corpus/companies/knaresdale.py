"""(ft) Knaresdale Freight, pallet haulage: Kotlin 2.0 consumers on Spring Boot 3.3 and Spring
Cloud Stream 4.1 with the Kafka binder (``consignment-stream``: functional beans
``consignmentIn``, ``podIn`` and ``rateIn`` reading the ``consignments``, ``proof-of-delivery``
and ``rate-cards`` topics; Spring Data JPA over Postgres, a WebClient to the tracking
partner, Jackson's Kotlin module for the payloads).

Splunk indexes the pods' stdout under Spring Boot 3's default console pattern
(``ft-boot3-console``): the Kafka ``DefaultErrorHandler``'s "Backoff ... exhausted for
<topic>-<partition>@<offset>" over ``ListenerExecutionFailedException`` / Spring
Integration's ``MessageHandlingException`` with the failed message / the cause, Spring
Integration's ``LoggingHandler`` on the binder's error channel, and the consumers' own
``log.error(..., e)``. Sentry: sentry-spring-boot-jakarta. Datadog: the recommended
template, log monitors pasting the record, APM by type. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, kt

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.19.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "consignment-stream": Service("consignment-stream", "java", "ft-boot3-console", "kube:container:consignment-stream", "/var/log/containers/consignment-stream.log", "ft_k8s", 3390527, "OpenJDK 21.0.5", framework="spring", sdk=SDK),
}

# The binder invoking a functional bean (oldest first; the listener container's frames are
# printed by the log format under the wrapping exceptions).
SCS = (
    jl("org.springframework.integration.handler.AbstractMessageHandler", "handleMessage", 105),
    jl("org.springframework.cloud.stream.function.FunctionConfiguration$FunctionToDestinationBinder$1", "handleMessageInternal", 620),
    jl("org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry$FunctionInvocationWrapper", "apply", 611),
    jl("org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry$FunctionInvocationWrapper", "doApply", 1041),
    jl("org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry$FunctionInvocationWrapper", "invokeConsumer", 1326),
)
PKG = "uk.knaresdale.freight"


def bean(name: str, line: int) -> Frame:
    """The ``@Bean fun consignmentIn(): Consumer<Consignment> = Consumer { ... }`` lambda."""
    return kt(f"{PKG}.stream.StreamConfig${name}$1", "accept", line)


def svc(cls: str, method: str, line: int) -> Frame:
    return kt(f"{PKG}.{cls}", method, line)


JPA_SAVE = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "save", 618),
    jl("org.hibernate.engine.jdbc.batch.internal.BatchImpl", "performExecution", 223),
)
JACKSON = (
    jl("org.springframework.cloud.function.context.config.SmartCompositeMessageConverter", "fromMessage", 68),
    jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3817),
    jl("com.fasterxml.jackson.module.kotlin.KotlinValueInstantiator", "createFromObjectWith", 116),
)


def pg_unique(app: tuple[Frame, ...], constraint: str, detail: str) -> tuple[Exc, ...]:
    cause = jexc("org.postgresql.util.PSQLException", f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}', (*app, *JPA_SAVE, jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733)))
    return cause, jexc("org.springframework.dao.DataIntegrityViolationException", f'could not execute statement [ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}] [insert into ...]; SQL [insert into ...]; constraint [{constraint}]', (*app, jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 290)))


C = dict(topic="consignments", binding="consignmentIn-in-0", function="consignmentIn")
P = dict(topic="proof-of-delivery", binding="podIn-in-0", function="podIn")
R = dict(topic="rate-cards", binding="rateIn-in-0", function="rateIn")
DLQ = dict(search="knaresdale stream errors", app="knaresdale", kind="dlq")
HANDLER = dict(search="knaresdale stream errors", app="knaresdale", kind="handler")
TEAM = dict(search="knaresdale stream errors", app="knaresdale", kind="team")
DD_LOG = dict(team="linehaul", monitor="[linehaul] consumer errors on consignment-stream", filter="service:consignment-stream status:error", style="sample")
APM = dict(team="linehaul", monitor="[linehaul] kafka.consume errors", style="type")

BUGS = [
    # One unique violation on two tables: a consignment redelivered and a POD scanned twice.
    Bug("ft-consignment-dup", "consignment-stream", pg_unique((*SCS, bean("consignmentIn", 31), svc("consignment.ConsignmentService", "register", 44)), "consignments_reference_key", "Key (reference)=(KF-{n}) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **DLQ, **C), see("splunk", 1, **HANDLER, **C), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="ft-pod-dup", entry="consignmentIn"),
    Bug("ft-pod-dup", "consignment-stream", pg_unique((*SCS, bean("podIn", 22), svc("pod.PodService", "record", 37)), "proof_of_delivery_consignment_id_scan_id_key", "Key (consignment_id, scan_id)=({id}, {uuid}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **DLQ, **P), see("datadog.apm", **APM)),
        classes=(4,), pair="ft-consignment-dup", entry="podIn"),
    # Jackson: a missing Kotlin non-null field vs. an unknown enum value, same converter.
    Bug("ft-missing-postcode", "consignment-stream", (jexc("com.fasterxml.jackson.module.kotlin.MissingKotlinParameterException", "Instantiation of [simple type, class uk.knaresdale.freight.stream.Consignment] value failed for JSON property deliveryPostcode due to missing (therefore NULL) value for creator parameter deliveryPostcode which is a non-nullable type\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: {n}] (through reference chain: uk.knaresdale.freight.stream.Consignment[\"deliveryPostcode\"])", (*SCS[:2], *JACKSON)),),
        (see("sentry.error", 3), see("splunk", 2, **HANDLER, **C), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="ft-bad-service-level", entry="consignmentIn"),
    Bug("ft-bad-service-level", "consignment-stream", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", "Cannot deserialize value of type `uk.knaresdale.freight.stream.ServiceLevel` from String \"PREMIUM_AM\": not one of the values accepted for Enum class: [ECONOMY, NEXT_DAY, TIMED, SATURDAY]\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: {n}] (through reference chain: uk.knaresdale.freight.stream.Consignment[\"serviceLevel\"])", (*SCS[:2], *JACKSON[:2], jl("com.fasterxml.jackson.databind.deser.std.EnumDeserializer", "_deserializeAltString", 342))),),
        (see("sentry.error", 2), see("splunk", 3, **HANDLER, **C)),
        classes=(4,), pair="ft-missing-postcode", entry="consignmentIn"),
    # The tracking partner: 503 vs. a read timeout through one WebClient helper.
    Bug("ft-tracking-503", "consignment-stream", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from POST https://api.trackpartner.example/v3/events", (*SCS, bean("podIn", 29), svc("tracking.TrackingClient", "push", 41), jl("reactor.core.publisher.Mono", "block", 1742))),),
        (see("sentry.error", 3), see("splunk", 2, **DLQ, **P), see("datadog.apm", **APM)),
        classes=(9,), pair="ft-tracking-timeout", entry="podIn"),
    Bug("ft-tracking-timeout", "consignment-stream", (jexc("io.netty.handler.timeout.ReadTimeoutException", "", (*SCS, bean("podIn", 29), svc("tracking.TrackingClient", "push", 41), jl("io.netty.handler.timeout.ReadTimeoutHandler", "readTimedOut", 98))), jexc("org.springframework.web.reactive.function.client.WebClientRequestException", "null", (*SCS, bean("podIn", 29), svc("tracking.TrackingClient", "push", 41), jl("reactor.core.publisher.Mono", "block", 1742)))),
        (see("sentry.error", 2), see("splunk", 2, **DLQ, **P), see("datadog.log", **DD_LOG)),
        classes=(9,), pair="ft-tracking-503", entry="podIn"),
    # The same NPE-free Kotlin check failing in two services.
    Bug("ft-rate-zone-check", "consignment-stream", (jexc("java.lang.IllegalStateException", "no rate zone for postcode area {zone}", (*SCS, bean("rateIn", 18), svc("rating.RateCardService", "apply", 52), svc("rating.Zones", "zoneFor", 14))),),
        (see("sentry.error", 3), see("splunk", 2, log="rate card {n} rejected", **TEAM, **R), see("datadog.log", **DD_LOG)),
        classes=(4, 5), pair="ft-quote-zone-check", entry="rateIn", span=2, renames={"apply": "applyCard"}),
    Bug("ft-quote-zone-check", "consignment-stream", (jexc("java.lang.IllegalStateException", "no rate zone for postcode area {zone}", (*SCS, bean("consignmentIn", 36), svc("consignment.Pricing", "quote", 23), svc("rating.Zones", "zoneFor", 14))),),
        (see("sentry.error", 2), see("splunk", 2, **DLQ, **C)),
        classes=(4,), pair="ft-rate-zone-check", entry="consignmentIn"),
    # Hikari exhausted (not a pair) and a Kafka producer timeout sending to the DLQ.
    Bug("ft-hikari-exhausted", "consignment-stream", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={n})", (*SCS, bean("consignmentIn", 31), svc("consignment.ConsignmentService", "register", 40), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))),),
        (see("sentry.error", 3), see("splunk", 3, **HANDLER, **C), see("datadog.apm", **APM)),
        classes=(5, 10), entry="consignmentIn", span=3),
    Bug("ft-dlq-send-timeout", "consignment-stream", (jexc("org.apache.kafka.common.errors.TimeoutException", "Expiring 1 record(s) for consignments.dlq-{n}:120000 ms has passed since batch creation", (jl("org.springframework.kafka.listener.DeadLetterPublishingRecoverer", "publish", 733), jl("org.apache.kafka.clients.producer.internals.ProducerBatch", "completeFutureAndFireCallbacks", 279))),),
        (see("sentry.error", 2), see("splunk", 2, log="Dead-letter publication to consignments.dlq failed for: consignments-{n}@{offset}", logger="org.springframework.kafka.listener.DeadLetterPublishingRecoverer", **TEAM, **C)),
        classes=(10,), entry="consignmentIn"),
    Bug("ft-weight-number", "consignment-stream", (jexc("java.lang.NumberFormatException", 'For input string: "{n},5"', (*SCS, bean("consignmentIn", 33), svc("consignment.Weights", "parseKg", 8), jl("java.lang.Double", "parseDouble", 792))),),
        (see("sentry.error", 2), see("splunk", 2, **DLQ, **C), see("datadog.log", **DD_LOG)),
        entry="consignmentIn"),
    Bug("ft-depot-singleton", "consignment-stream", (jexc("java.util.NoSuchElementException", "Collection contains no element matching the predicate.", (*SCS, bean("podIn", 25), svc("pod.Depots", "byCode", 11))),),
        (see("sentry.error"),),
        singleton=True, entry="podIn"),
    # One JPA lookup, two entities missing: a depot for a consignment, a vehicle for a POD.
    Bug("ft-depot-not-found", "consignment-stream", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find uk.knaresdale.freight.depot.Depot with id {n}", (*SCS, bean("consignmentIn", 38), svc("consignment.Routing", "assignDepot", 19), jl("org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 171))),),
        (see("sentry.error", 3), see("splunk", 2, **DLQ, **C), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="ft-vehicle-not-found", entry="consignmentIn"),
    Bug("ft-vehicle-not-found", "consignment-stream", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find uk.knaresdale.freight.fleet.Vehicle with id {n}", (*SCS, bean("podIn", 33), svc("pod.PodService", "attachVehicle", 58), jl("org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 171))),),
        (see("sentry.error", 2), see("splunk", 2, **HANDLER, **P), see("datadog.apm", **APM)),
        classes=(4,), pair="ft-depot-not-found", entry="podIn"),
    Bug("ft-rebalance", "consignment-stream", (),
        (see("splunk", 3, search="knaresdale consumer lag", app="knaresdale", line="{tsms}  WARN 1 --- [consignment-stream] [container-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-consignment-stream-2, groupId=consignment-stream] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms, which typically implies that the poll loop is spending too much time processing messages."),),
        classes=(7,)),
]

NOISE = [
    Noise("ft-noise-started", "consignment-stream", "splunk", {"search": "knaresdale stream errors", "line": "2026-03-05T07:30:02.114Z  INFO 1 --- [consignment-stream] [           main] u.k.freight.ConsignmentStreamApplicationKt : Started ConsignmentStreamApplicationKt in 9.412 seconds (process running for 10.27)"}),
    Noise("ft-noise-deploy", "consignment-stream", "datadog.event", {"monitor": "Deploy", "text": "consignment-stream 2026.03.2 rolled out to 3/3 pods.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ft-noise-recovered", "consignment-stream", "datadog.log", {"monitor": "[linehaul] consumer errors on consignment-stream", "text": "Recovered: consumer errors back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

KNARESDALE = Company(
    key="ft",
    name="Knaresdale Freight",
    domain="knaresdale-freight.example",
    sentry_org="knaresdale",
    splunk_url="https://knaresdale.splunkcloud.com",
    splunk_guid="5E1A7C93-2D4B-4B06-9F38-0A6C8E2D7B51",
    datadog_org=("705772", "Knaresdale Freight"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="knaresdale-sentry-client-secret",
)
# fmt: on
