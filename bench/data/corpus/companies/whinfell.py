"""(aq) Whinfell Insurance, home and motor claims: Spring Boot 3.4 services on Java 21 — a
claims API (``claims-api``, Tomcat, Spring MVC, Spring Data JPA), a Kafka consumer service
(``policy-events``, ``@KafkaListener`` methods under spring-kafka's ``DefaultErrorHandler``
with a two-retry ``FixedBackOff``, plus a nightly ``@Scheduled`` job) — and a React customer
portal built by Vite (``portal``).

Logs: the claims API writes Spring Boot's default console pattern (logback text); the
consumer service writes Spring Boot 3.4's structured ECS JSON to stdout and keeps the console
pattern in a file appender, and Splunk's forwarder reads both. The consumer service's JSON
also reaches Datadog, whose log monitors quote ``error.type``/``error.message``
attributes. Sentry: sentry-spring-boot-jakarta on both services (no ``in-app-includes`` on
the consumer service, so none of its frames are in-app) and @sentry/react on the portal;
posthog-js captures the portal's exceptions. Datadog posts the team's camelCase plain-text
template (``timestampMs`` unquoted).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    HIBERNATE_FLUSH,
    JPA_SAVE,
    JPA_TRANSLATE,
    PGJDBC_UPDATE,
    REACT_CLICK,
    REACT_RENDER,
    SCHEDULED,
    TOMCAT,
    jexc,
    jl,
    js,
    jv,
    spring_no_connection,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "claims-api": Service("claims-api", "java", "spring-console", "whinfell:spring:console", "/var/log/containers/claims-api.log", "whinfell_prod", 6620011, "OpenJDK 21.0.4", framework="HandlerExceptionResolver", sdk=("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")),
    "policy-events": Service("policy-events", "java", "spring-ecs", "whinfell:spring:ecs", "/var/log/containers/policy-events.log", "whinfell_prod", 6620014, "OpenJDK 21.0.4", framework="spring-kafka", sdk=("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")),
    "portal": Service("portal", "javascript", "", "", "", "", 6620017, origin="https://my.whinfell.example", framework="generic", sdk=("sentry.javascript.react", "8.26.0", "npm:@sentry/react")),
}

W = "com.whinfell"
# The consumer service's SDK marks nothing in-app (no in-app-includes configured).
NONE_IN_APP = dict(in_app="none")
# spring-kafka 3.1 handing one record to a @KafkaListener method (oldest first).
LC = "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer"
KAFKA = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.FutureTask", "run", 317),
    jl("java.util.concurrent.Executors$RunnableAdapter", "call", 572),
    jl(LC, "run", 1318),
    jl(LC, "pollAndInvoke", 1667),
    jl(LC, "invokeIfHaveRecords", 1982),
    jl(LC, "invokeListener", 2471),
    jl(LC, "invokeRecordListener", 2611),
    jl(LC, "doInvokeWithRecords", 2723),
    jl(LC, "doInvokeRecordListener", 2845),
    jl(LC, "invokeOnMessage", 2902),
    jl(LC, "doInvokeOnMessage", 2937),
    jl("org.springframework.kafka.listener.adapter.RecordMessagingMessageListenerAdapter", "onMessage", 78),
    jl("org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter", "invokeHandler", 389),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "invoke", 169),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "doInvoke", 119),
    jl("java.lang.reflect.Method", "invoke", 580),
    jl("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", 103),
)
JACKSON_READ = (
    jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3833),
    jl("com.fasterxml.jackson.databind.ObjectMapper", "_readMapAndClose", 4899),
    jl("com.fasterxml.jackson.databind.deser.DefaultDeserializationContext", "readRootValue", 342),
    jl("com.fasterxml.jackson.databind.deser.BeanDeserializer", "deserialize", 185),
    jl("com.fasterxml.jackson.databind.deser.BeanDeserializer", "vanillaDeserialize", 310),
)
# RestClient (Spring 6.1) reading a partner's answer; its I/O error wrapped by Spring.
REST_CLIENT = (
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "retrieve", 544),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 480),
    jl("org.springframework.web.client.DefaultRestClient", "createResourceAccessException", 583),
)
SOCKET_READ = (
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 467),
    jl("org.springframework.http.client.AbstractClientHttpRequest", "execute", 66),
    jl("org.springframework.http.client.JdkClientHttpRequest", "executeInternal", 95),
    jl("java.net.http.HttpClient", "send", 167),
    jl("jdk.internal.net.http.HttpClientImpl", "send", 935),
)
MVC_LOG = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
MVC_LOGGER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
NPE_ADJUSTER = 'Cannot invoke "com.whinfell.claims.domain.Adjuster.getRegion()" because the return value of "com.whinfell.claims.domain.Claim.getAdjuster()" is null'
TEAM = "claims"
LISTENER_MON = dict(
    team="policy",
    monitor="policy-events: listener gave up on a record",
    filter="service:policy-events @log.logger:org.springframework.kafka.listener.DefaultErrorHandler",
    text="A listener exhausted its retries on policy-events.\n\n**{{log.attributes.error.type}}**: {{log.attributes.error.message}}\n\n```\n{{log.attributes.message}}\n```",
    format="ecs-exhausted",
)


def claims(pkg: str, method: str, line: int) -> Frame:
    return jv(f"{W}.claims.{pkg}", method, line)


def policy(pkg: str, method: str, line: int) -> Frame:
    return jv(f"{W}.policy.{pkg}", method, line)


def not_null(app: tuple[Frame, ...], table: str, column: str, columns: str, row: str) -> tuple[Exc, ...]:
    """A NOT NULL violation saving through Spring Data JPA (cause first): pgjdbc's
    PSQLException, Hibernate's ConstraintViolationException, Spring's translation."""
    sql = f'ERROR: null value in column "{column}" of relation "{table}" violates not-null constraint\n  Detail: Failing row contains ({row}).'
    marks = ",".join("?" for _ in columns.split(","))
    insert = f"insert into {table} ({columns}) values ({marks})"
    flush = app + JPA_SAVE + HIBERNATE_FLUSH
    return (
        jexc("org.postgresql.util.PSQLException", sql, flush + PGJDBC_UPDATE),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{sql}] [{insert}]", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{column}]", app + JPA_SAVE + JPA_TRANSLATE),
    )


def read_timeout(app: tuple[Frame, ...], method: str, url: str) -> tuple[Exc, Exc]:
    """RestClient's ResourceAccessException over the JDK client's timeout (cause first)."""
    return (
        jexc("java.net.http.HttpTimeoutException", "request timed out", (*app, *SOCKET_READ)),
        jexc("org.springframework.web.client.ResourceAccessException", f'I/O error on {method} request for "{url}": request timed out', (*app, *REST_CLIENT)),
    )


# Every partner call goes through one helper that adds auth and retries; its exchange frame is
# the innermost app frame of every partner failure.
PARTNER_EXCHANGE = jv(f"{W}.common.partner.PartnerClient", "exchange", 58)

BUGS = [
    # The same helpful NPE in a controller and in a listener: two places reading a claim's adjuster.
    Bug("aq-claim-assign-npe", "claims-api", (jexc("java.lang.NullPointerException", NPE_ADJUSTER, (*TOMCAT, claims("api.ClaimController", "assignClaim", 88), claims("service.AssignmentService", "assign", 41), claims("service.AssignmentService", "regionOf", 63))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("datadog.apm", style="message", team=TEAM, monitor="claims-api error spans")),
        classes=(2, 4), pair="aq-renewal-route-npe", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/claims/{claim_id}/assign", span=2, renames={"assignClaim": "assignToAdjuster"}),
    Bug("aq-renewal-route-npe", "policy-events", (jexc("java.lang.NullPointerException", NPE_ADJUSTER, (*KAFKA, policy("renewal.RenewalListener", "onRenewalDue", 37), policy("renewal.RenewalRouter", "route", 52))),),
        (see("sentry.error", 2, **NONE_IN_APP), see("splunk", 2, format="kafka-exhausted", topic="policy.renewal-due", listener="public void com.whinfell.policy.renewal.RenewalListener.onRenewalDue(com.whinfell.policy.events.RenewalDue)", sourcetype="whinfell:spring:console")),
        classes=(4, 10), pair="aq-claim-assign-npe", entry="policy.renewal-due"),
    # "No value present" from two Optional.get() calls.
    Bug("aq-claim-summary-no-value", "claims-api", (jexc("java.util.NoSuchElementException", "No value present", (*TOMCAT, claims("api.ClaimController", "summary", 61), claims("query.ClaimSummaryQuery", "load", 29), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="type", team=TEAM, monitor="claims-api errors by type")),
        classes=(2, 4, 8), pair="aq-premium-tariff-no-value", log=MVC_LOG, logger=MVC_LOGGER, entry="GET /api/claims/{claim_id}/summary"),
    Bug("aq-premium-tariff-no-value", "policy-events", (jexc("java.util.NoSuchElementException", "No value present", (*KAFKA, policy("premium.PremiumListener", "onVehicleChanged", 44), policy("premium.TariffLookup", "bandFor", 71), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 2, **NONE_IN_APP), see("splunk", format="ecs-exhausted", topic="policy.vehicle-changed", listener="public void com.whinfell.policy.premium.PremiumListener.onVehicleChanged(com.whinfell.policy.events.VehicleChanged)"), see("datadog.log", topic="policy.vehicle-changed", listener="public void com.whinfell.policy.premium.PremiumListener.onVehicleChanged(com.whinfell.policy.events.VehicleChanged)", **LISTENER_MON)),
        classes=(2, 4, 10), pair="aq-claim-summary-no-value", entry="policy.vehicle-changed"),
    # One listener, two exceptions from Jackson, both under the listener give-up monitor.
    Bug("aq-policy-issued-bad-date", "policy-events", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `java.time.LocalDate` from String "{date}": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text \'{date}\' could not be parsed at index 2\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 212] (through reference chain: com.whinfell.policy.events.PolicyIssued["startDate"])', (*KAFKA, policy("issuance.PolicyIssuedListener", "onPolicyIssued", 33), *JACKSON_READ)),),
        (see("sentry.error", 2, **NONE_IN_APP), see("splunk", format="ecs-exhausted", topic="policy.issued", listener="public void com.whinfell.policy.issuance.PolicyIssuedListener.onPolicyIssued(java.lang.String)"), see("datadog.log", 2, topic="policy.issued", listener="public void com.whinfell.policy.issuance.PolicyIssuedListener.onPolicyIssued(java.lang.String)", **LISTENER_MON)),
        classes=(2, 10), pair="aq-policy-issued-unknown-field", entry="policy.issued"),
    Bug("aq-policy-issued-unknown-field", "policy-events", (jexc("com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException", 'Unrecognized field "brokerCode" (class com.whinfell.policy.events.PolicyIssued), not marked as ignorable (9 known properties: "policyNumber", "startDate", "endDate", "holder", "vehicle", "premium", "channel", "excess", "addOns"])\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 388] (through reference chain: com.whinfell.policy.events.PolicyIssued["brokerCode"])', (*KAFKA, policy("issuance.PolicyIssuedListener", "onPolicyIssued", 33), *JACKSON_READ, jl("com.fasterxml.jackson.databind.deser.std.StdDeserializer", "handleUnknownProperty", 1153))),),
        (see("sentry.error", 2, **NONE_IN_APP), see("sentry.issue"), see("splunk", format="kafka-exhausted", topic="policy.issued", listener="public void com.whinfell.policy.issuance.PolicyIssuedListener.onPolicyIssued(java.lang.String)", sourcetype="whinfell:spring:console"), see("datadog.log", topic="policy.issued", listener="public void com.whinfell.policy.issuance.PolicyIssuedListener.onPolicyIssued(java.lang.String)", **LISTENER_MON)),
        classes=(2, 10), pair="aq-policy-issued-bad-date", entry="policy.issued"),
    # NOT NULL on two tables while filing a first notice of loss: the table is the bug.
    Bug("aq-fnol-location-null", "claims-api", not_null((*TOMCAT, claims("api.FnolController", "file", 47), claims("service.FnolService", "open", 82)), "claims", "incident_location", "policy_id,reported_at,incident_location,loss_type,status,id", "{id}, {uuid}, 2026-03-02 10:14:07.118, null, STORM, OPEN"),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="message", team=TEAM, monitor="claims-api error spans")),
        classes=(2, 4), pair="aq-fnol-attachment-type-null", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/fnol"),
    Bug("aq-fnol-attachment-type-null", "claims-api", not_null((*TOMCAT, claims("api.AttachmentController", "upload", 39), claims("service.AttachmentService", "store", 58)), "claim_attachments", "content_type", "claim_id,file_name,size_bytes,content_type,id", "{id}, IMG_{n}.HEIC, {n}4410, null, {uuid}"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(4,), pair="aq-fnol-location-null", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/claims/{claim_id}/attachments", span=2),
    # Two partners timing out through the one partner helper.
    Bug("aq-fraud-score-timeout", "claims-api", read_timeout((*TOMCAT, claims("api.FnolController", "file", 52), claims("fraud.FraudScoringClient", "score", 31), PARTNER_EXCHANGE), "POST", "http://fraud-scoring.claims.svc:8080/v2/score"),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="route", team=TEAM, monitor="claims-api: FNOL error rate")),
        classes=(8, 9), pair="aq-vehicle-lookup-timeout", log=MVC_LOG, logger=MVC_LOGGER, entry="POST /api/fnol"),
    Bug("aq-vehicle-lookup-timeout", "policy-events", read_timeout((*KAFKA, policy("premium.PremiumListener", "onVehicleChanged", 39), policy("vehicle.VehicleRegistryClient", "lookup", 27), PARTNER_EXCHANGE), "GET", "https://vehicle-registry.partner.example/v1/vehicles/{plate}"),
        (see("sentry.error", 2, **NONE_IN_APP), see("splunk", 2, format="ecs-exhausted", topic="policy.vehicle-changed", listener="public void com.whinfell.policy.premium.PremiumListener.onVehicleChanged(com.whinfell.policy.events.VehicleChanged)"), see("datadog.log", topic="policy.vehicle-changed", listener="public void com.whinfell.policy.premium.PremiumListener.onVehicleChanged(com.whinfell.policy.events.VehicleChanged)", **LISTENER_MON)),
        classes=(2, 9, 10), pair="aq-fraud-score-timeout", entry="policy.vehicle-changed"),
    # The same read of undefined .map in two portal components.
    Bug("aq-portal-claim-documents-map", "portal", (Exc("TypeError", frames=(*REACT_RENDER, js("src/features/claims/ClaimDocuments.tsx", "ClaimDocuments", 22, 38, "ClaimDetail")), js=JsError("read-undefined", "claim.documents", "map")),),
        (see("sentry.error", 2, browser="chrome", chunk="ClaimDetail"), see("sentry.error", browser="firefox", chunk="ClaimDetail", release=1), see("posthog", browser="chrome", chunk="ClaimDetail", mechanism="generic"), see("posthog", browser="safari", chunk="ClaimDetail", mechanism="generic", release=1), see("posthog", browser="edge", chunk="ClaimDetail", resolved=True, mechanism="generic", release=2)),
        classes=(3, 4), pair="aq-portal-quote-addons-map", span=3, page="/claims/CLM-20418"),
    Bug("aq-portal-quote-addons-map", "portal", (Exc("TypeError", frames=(*REACT_RENDER, js("src/features/quote/QuoteSummary.tsx", "QuoteSummary", 57, 29, "Quote")), js=JsError("read-undefined", "quote.addOns", "map")),),
        (see("sentry.error", browser="chrome", chunk="Quote"), see("sentry.error", browser="safari", chunk="Quote"), see("posthog", browser="chrome", chunk="Quote", mechanism="generic"), see("posthog", browser="firefox", chunk="Quote", mechanism="generic")),
        classes=(3, 4), pair="aq-portal-claim-documents-map", page="/quote/summary"),
    # A lazy route chunk gone after a deploy.
    Bug("aq-portal-lazy-route", "portal", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2, browser="chrome", chunk="ClaimDetail", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="ClaimDetail", mechanism="onunhandledrejection"), see("posthog", browser="firefox", chunk="ClaimDetail", mechanism="onunhandledrejection"), see("posthog", browser="edge", chunk="ClaimDetail", mechanism="onunhandledrejection")),
        classes=(3, 5), span=3, page="/claims/CLM-31007"),
    # The upload button's handler calling a method the uploader SDK renamed.
    Bug("aq-portal-upload-click", "portal", (Exc("TypeError", frames=(*REACT_CLICK, js("src/features/claims/UploadEvidence.tsx", "handleUpload", 44, 11, "ClaimDetail")), js=JsError("not-function", "uploader", "startUpload", "(e)")),),
        (see("sentry.error", browser="chrome", chunk="ClaimDetail"), see("sentry.error", browser="chrome", chunk="ClaimDetail", sourcemaps=False), see("posthog", browser="safari", chunk="ClaimDetail", mechanism="generic"), see("posthog", browser="chrome", chunk="ClaimDetail", mechanism="generic", resolved=True)),
        classes=(3, 10), page="/claims/CLM-20871/evidence"),
    # The claims pool running dry during a storm surge.
    Bug("aq-hikari-exhausted", "claims-api", spring_no_connection((*TOMCAT, claims("api.ClaimController", "list", 34), Frame("list", "<generated>", 0, f"{W}.claims.query.ClaimListQuery$$SpringCGLIB$$0", False)), "total=20, active=20, idle=0, waiting={waiting}"),
        (see("sentry.error", 2), see("sentry.alert", rule="claims-api: database errors"), see("splunk", 2), see("datadog.apm", style="type", team=TEAM, monitor="claims-api errors by type")),
        classes=(2, 8), log=MVC_LOG, logger=MVC_LOGGER, entry="GET /api/claims"),
    # The nightly reserve recalculation: BigDecimal division without a MathContext.
    Bug("aq-reserve-recalc-decimal", "policy-events", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*SCHEDULED, policy("reserve.ReserveRecalculationJob", "run", 28), policy("reserve.ReserveCalculator", "perClaim", 66), jl("java.math.BigDecimal", "divide", 1780))),),
        (see("sentry.error", 2, **NONE_IN_APP), see("splunk", 2, thread="scheduling-1"), see("datadog.task", team="policy", monitor="ReserveRecalculationJob failing", scope="resource_name:ReserveRecalculationJob.run")),
        classes=(8, 10), log="Unexpected error occurred in scheduled task", logger="org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler", entry="ReserveRecalculationJob.run"),
    # A claim moved backwards by a stale portal tab.
    Bug("aq-claim-illegal-transition", "claims-api", (jexc("java.lang.IllegalStateException", "Cannot move claim CLM-{id} from SETTLED to UNDER_REVIEW", (*TOMCAT, claims("api.ClaimController", "updateStatus", 112), claims("workflow.ClaimWorkflow", "transition", 74))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="message", team=TEAM, monitor="claims-api error spans")),
        classes=(2,), log=MVC_LOG, logger=MVC_LOGGER, entry="PATCH /api/claims/{claim_id}/status", span=2, renames={"updateStatus": "changeStatus"}),
    # Seen once.
    Bug("aq-letter-font-missing", "claims-api", (jexc("java.io.IOException", "Font file not found: /fonts/WhinfellSans-Regular.ttf", (*TOMCAT, claims("api.LetterController", "settlementLetter", 26), claims("letters.LetterRenderer", "render", 49))),),
        (see("sentry.error"),),
        singleton=True, log=MVC_LOG, logger=MVC_LOGGER, entry="GET /api/claims/{claim_id}/letters/settlement"),
]

NOISE = [
    Noise("aq-noise-deploy", "claims-api", "datadog.event", {"monitor": "Deployed claims-api 3.18.0", "text": "Argo CD synced claims-api to 3.18.0 (4/4 pods healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("aq-noise-rebalance", "policy-events", "splunk", {"search": "policy-events - errors", "line": '{"@timestamp":"{ts}","log.level":"INFO","process.pid":1,"process.thread.name":"org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1","service.name":"policy-events","log.logger":"org.springframework.kafka.listener.KafkaMessageListenerContainer","message":"policy-events: partitions assigned: [policy.issued-0, policy.issued-1, policy.issued-2]","ecs.version":"8.11"}'}),
    Noise("aq-noise-lag-recovered", "policy-events", "datadog.metric", {"monitor": "policy-events consumer lag", "scope": "consumer_group:policy-events", "transition": "Recovered", "metric": "kafka.consumer_lag", "text": "Consumer lag on policy-events is back under 500.", "team": "policy"}),
]

WHINFELL = Company(
    key="aq",
    name="Whinfell Insurance",
    domain="whinfell.example",
    sentry_org="whinfell",
    splunk_url="https://whinfell.splunkcloud.com",
    splunk_guid="0D6E4B19-93A7-4C25-B8F0-5E1A27C9D463",
    datadog_org=("604417", "Whinfell Insurance"),
    datadog_template="aq",
    posthog_project=(81244, "Whinfell portal"),
    releases=("3.16.2", "3.17.0", "3.18.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="whinfell-sentry-client-secret",
)
# fmt: on
