"""(bv) Vossmoor Vets, a group of veterinary practices: Spring Boot 3.3 REST services on Java
21 (``appointments-api``: Spring MVC on Tomcat, Spring Data JPA on Postgres; ``lab-results``:
a ``@RabbitListener`` consuming results from the partner laboratories and writing them through
JPA).

Sentry: sentry-spring-boot-starter-jakarta 7 in the API (``HandlerExceptionResolver``
mechanism, ``in-app-includes: com.vossmoor``), sentry-logback in the listener (events from
``log.error(msg, ex)``; one release shipped without ``in-app-includes``, so no frame is in-app).
Datadog: the Agent tails Spring Boot's default logback console (multi-line rule on the
timestamp) and log monitors post through the team's template (``bv-vossmoor``, plain-text
message only): samples of ``{{log.message}}``, ``error.kind``/``error.message`` facets, a
monitor on the listener's logger over every failure, one naming only the route. No Splunk, no
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    JPA_SAVE,
    SPRING_TX_PROXY,
    TOMCAT,
    jexc,
    jl,
    jv,
    spring_constraint,
    spring_no_connection,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "appointments-api": Service("appointments-api", "java", "bv-logback-console", "", "", "", 8340021, "OpenJDK 21.0.5", framework="spring", sdk=("sentry.java.spring-boot.jakarta", "7.18.1", "maven:io.sentry:sentry-spring-boot-starter-jakarta")),
    "lab-results": Service("lab-results", "java", "bv-logback-console", "", "", "", 8340024, "OpenJDK 21.0.5", framework="spring-rabbit", sdk=("sentry.java.logback", "7.18.1", "maven:io.sentry:sentry-logback")),
}

SMLC = "org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer"
AMLC = "org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer"
MMLA = "org.springframework.amqp.rabbit.listener.adapter.MessagingMessageListenerAdapter"
# spring-amqp 3.1's container thread down to the listener method (oldest first).
RABBIT = (
    jl("java.lang.Thread", "run", 1583),
    jl(SMLC + "$AsyncMessageProcessingConsumer", "run", 1314),
    jl(SMLC + "$AsyncMessageProcessingConsumer", "mainLoop", 1413),
    jl(SMLC, "receiveAndExecute", 1004),
    jl(SMLC, "doReceiveAndExecute", 1026),
    jl(AMLC, "executeListener", 1581),
    jl(AMLC, "executeListenerAndHandleException", 1596),
    jl(AMLC, "doInvokeListener", 1702),
    jl(MMLA, "onMessage", 158),
    jl(MMLA, "invokeHandlerAndProcessResult", 225),
    jl(MMLA, "invokeHandler", 274),
    jl("org.springframework.amqp.rabbit.listener.adapter.HandlerAdapter", "invoke", 75),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "invoke", 118),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "doInvoke", 169),
    jl("java.lang.reflect.Method", "invoke", 580),
)
API = dict(mechanism="HandlerExceptionResolver")
LOGBACK = dict(mechanism="generic")
LOGBACK_NONE = dict(mechanism="generic", in_app="none")
TEAM = "vets-platform"
API_SAMPLE = dict(team=TEAM, monitor="appointments-api: ERROR logs", filter="service:appointments-api status:error env:prod", text="appointments-api is logging errors ({{value}} in 10m).\n\nLatest:\n{{log.message}}\n\nRunbook: https://wiki.vossmoor.example/runbooks/appointments-api")
API_KIND = dict(style="kind", team=TEAM, monitor="appointments-api: errors by kind", filter="service:appointments-api status:error")
LAB_SAMPLE = dict(team=TEAM, monitor="lab-results: listener failures", filter="service:lab-results status:error @logger.name:com.vossmoor.labs.*", text="lab-results failed to process a result message ({{value}} in 15m).\n\n{{log.message}}")
LAB_STACK = dict(style="stack", team=TEAM, monitor="lab-results: exceptions", filter="service:lab-results status:error", lines=8)


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"com.vossmoor.{cls}", method, line)


def http(controller: str, method: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*TOMCAT, app(f"appointments.web.{controller}", method, line), *inner)


def listener(method: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*RABBIT, app("labs.listener.LabResultListener", method, line), *inner)


NO_VALUE = "No value present"
OPTIONAL_GET = jl("java.util.Optional", "orElseThrow", 377)
# Every call to the partners' REST APIs passes one status check: its frame ends both errors.
CHECK = app("common.http.PartnerResponses", "requireSuccess", 44)
REST_CLIENT = (
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "toEntity", 757),
    jl("org.springframework.web.client.DefaultRestClient", "readWithMessageConverters", 215),
)


def entity_missing(entity: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    value = f"Unable to find com.vossmoor.appointments.domain.{entity} with id {{id}}"
    return (jexc("jakarta.persistence.EntityNotFoundException", value, (*frames, jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 176), jl("org.hibernate.internal.SessionImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 284))),)


BUGS = [
    # NOT NULL on two tables: a vaccination without a batch number, a prescription without a dose.
    Bug("bv-vaccination-batch-null", "appointments-api", spring_constraint(http("VaccinationController", "record", 52, *SPRING_TX_PROXY, app("appointments.service.VaccinationService", "record", 38)), "vaccination", "batch_number", "{id}, 45.00, GBP, {n}, 2026-03-01, null"),
        (see("sentry.error", 2, **API), see("sentry.issue", **API), see("datadog.log", 2, **API_KIND)),
        classes=(4,), pair="bv-prescription-dose-null", entry="POST /api/v1/pets/{pet_id}/vaccinations", logger="com.vossmoor.appointments.web.VaccinationController"),
    Bug("bv-prescription-dose-null", "appointments-api", spring_constraint(http("PrescriptionController", "prescribe", 47, *SPRING_TX_PROXY, app("appointments.service.PrescriptionService", "prescribe", 61)), "prescription", "dose_mg", "{id}, 12.50, GBP, {n}, 2026-03-01, null"),
        (see("sentry.error", 2, **API), see("datadog.log", **API_KIND), see("datadog.log", **API_SAMPLE)),
        classes=(4,), pair="bv-vaccination-batch-null", entry="POST /api/v1/pets/{pet_id}/prescriptions"),
    # Optional.orElseThrow() at two places: the booking slot and the lab result's practice.
    Bug("bv-slot-no-value", "appointments-api", (jexc("java.util.NoSuchElementException", NO_VALUE, http("BookingController", "book", 63, app("appointments.service.SlotFinder", "firstFree", 29), OPTIONAL_GET)),),
        (see("sentry.error", 2, **API), see("sentry.error", release=1, **API), see("datadog.log", 2, **API_SAMPLE)),
        classes=(4, 5), pair="bv-lab-practice-no-value", entry="POST /api/v1/bookings", span=2, renames={"book": "createBooking"}),
    Bug("bv-lab-practice-no-value", "lab-results", (jexc("java.util.NoSuchElementException", NO_VALUE, listener("onResult", 37, app("labs.service.PracticeLookup", "byLabCode", 22), OPTIONAL_GET)),),
        (see("sentry.error", 2, **LOGBACK), see("sentry.error", release=1, **LOGBACK_NONE), see("datadog.log", 2, **LAB_SAMPLE)),
        classes=(4, 10), pair="bv-slot-no-value", entry="lab.results.incoming", handled=True, log="Failed to process lab result {uuid}", logger="com.vossmoor.labs.listener.LabResultListener", span=2),
    # One parser, two exceptions: a comma decimal and a US-style date from a new laboratory.
    Bug("bv-result-number-format", "lab-results", (jexc("java.lang.NumberFormatException", 'For input string: "{n},4"', listener("onResult", 37, app("labs.parse.HL7ResultParser", "parseObservation", 88), jl("java.lang.Double", "parseDouble", 792), jl("jdk.internal.math.FloatingDecimal", "parseDouble", 110), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054))),),
        (see("sentry.error", 2, **LOGBACK), see("datadog.log", **LAB_STACK), see("datadog.log", **LAB_SAMPLE)),
        classes=(4,), pair="bv-result-date-parse", entry="lab.results.incoming", handled=True, log="Failed to process lab result {uuid}", logger="com.vossmoor.labs.listener.LabResultListener"),
    Bug("bv-result-date-parse", "lab-results", (jexc("java.time.format.DateTimeParseException", "Text '03/0{idx}/2026 14:05' could not be parsed at index 0", listener("onResult", 37, app("labs.parse.HL7ResultParser", "parseObservation", 93), jl("java.time.LocalDateTime", "parse", 494), jl("java.time.format.DateTimeFormatter", "parse", 2013), jl("java.time.format.DateTimeFormatter", "parseResolved0", 2108))),),
        (see("sentry.error", 2, **LOGBACK), see("sentry.issue", **LOGBACK), see("datadog.log", **LAB_STACK), see("datadog.log", **LAB_SAMPLE)),
        classes=(4,), pair="bv-result-number-format", entry="lab.results.incoming", handled=True, log="Failed to process lab result {uuid}", logger="com.vossmoor.labs.listener.LabResultListener"),
    # Hibernate proxies of two entities gone from the database.
    Bug("bv-pet-proxy-missing", "appointments-api", entity_missing("Pet", http("PetController", "get", 31, app("appointments.service.PetService", "profile", 44), jl("org.hibernate.proxy.pojo.bytebuddy.ByteBuddyInterceptor", "intercept", 57))),
        (see("sentry.error", 2, **API), see("datadog.log", 2, **API_KIND)),
        classes=(4,), pair="bv-owner-proxy-missing", entry="GET /api/v1/pets/{pet_id}"),
    Bug("bv-owner-proxy-missing", "appointments-api", entity_missing("Owner", http("InvoiceController", "download", 58, app("appointments.billing.InvoiceRenderer", "render", 73), jl("org.hibernate.proxy.pojo.bytebuddy.ByteBuddyInterceptor", "intercept", 57))),
        (see("sentry.error", 2, **API), see("sentry.issue", **API), see("datadog.log", **API_KIND)),
        classes=(4,), pair="bv-pet-proxy-missing", entry="GET /api/v1/invoices/{invoice_id}/pdf"),
    # The partners' status check: the insurer's pre-authorisation and the lab's order API.
    Bug("bv-insurer-preauth-503", "appointments-api", (jexc("com.vossmoor.common.http.PartnerException", "insurer returned 503 SERVICE_UNAVAILABLE for /v2/preauthorisations", http("ClaimController", "preauthorise", 40, app("appointments.insurance.InsurerClient", "preauthorise", 66), CHECK)),),
        (see("sentry.error", 2, **API), see("datadog.log", 2, **API_SAMPLE)),
        classes=(9,), pair="bv-lab-order-503", entry="POST /api/v1/claims/{claim_id}/preauth"),
    Bug("bv-lab-order-503", "appointments-api", (jexc("com.vossmoor.common.http.PartnerException", "laboratory returned 503 SERVICE_UNAVAILABLE for /orders", http("LabOrderController", "order", 35, app("appointments.labs.LabOrderClient", "submit", 51), CHECK)),),
        (see("sentry.error", 2, **API), see("sentry.issue", **API), see("datadog.log", **API_SAMPLE)),
        classes=(9,), pair="bv-insurer-preauth-503", entry="POST /api/v1/pets/{pet_id}/lab-orders"),
    # The Hikari pool exhausted by the evening booking rush.
    Bug("bv-hikari-timeout", "appointments-api", spring_no_connection(http("AvailabilityController", "search", 29, *SPRING_TX_PROXY, app("appointments.service.AvailabilityService", "search", 57)), "total=20, active=20, idle=0, waiting=37"),
        (see("sentry.error", 3, **API), see("sentry.alert", rule="appointments-api: spike"), see("datadog.log", **API_KIND), see("datadog.log", style="stack", team=TEAM, monitor="appointments-api: exceptions", filter="service:appointments-api status:error", lines=6)),
        entry="GET /api/v1/availability"),
    # A booking edited by two receptionists at once.
    Bug("bv-booking-optimistic", "appointments-api", (jexc("org.hibernate.StaleObjectStateException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.vossmoor.appointments.domain.Booking#{id}]", ()), jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.vossmoor.appointments.domain.Booking#{id}]", http("BookingController", "reschedule", 88, *SPRING_TX_PROXY, app("appointments.service.BookingService", "reschedule", 102), *JPA_SAVE))),
        (see("sentry.error", 2, **API), see("datadog.log", 2, **API_KIND)),
        entry="PUT /api/v1/bookings/{booking_id}"),
    # Jackson refusing a species the mobile app added before the API.
    Bug("bv-species-enum", "appointments-api", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `com.vossmoor.appointments.domain.Species` from String "AXOLOTL": not one of the values accepted for Enum class: [CAT, DOG, RABBIT, BIRD, REPTILE, OTHER]', ()), jexc("org.springframework.http.converter.HttpMessageNotReadableException", 'JSON parse error: Cannot deserialize value of type `com.vossmoor.appointments.domain.Species` from String "AXOLOTL": not one of the values accepted for Enum class: [CAT, DOG, RABBIT, BIRD, REPTILE, OTHER]', (*TOMCAT[:-3], jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "readJavaType", 406)))),
        (see("sentry.error", 3, **API), see("datadog.log", **API_SAMPLE)),
        entry="POST /api/v1/pets"),
    # The listener reading a lazily loaded practice after the transaction closed.
    Bug("bv-lab-lazy-init", "lab-results", (jexc("org.hibernate.LazyInitializationException", "could not initialize proxy [com.vossmoor.labs.domain.Practice#{n}] - no Session", listener("onResult", 41, app("labs.service.ResultNotifier", "notifyVet", 36), jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 174))),),
        (see("sentry.error", 3, **LOGBACK), see("datadog.log", **LAB_STACK), see("datadog.log", half=True, **LAB_SAMPLE)),
        classes=(10,), entry="lab.results.incoming", handled=True, log="Failed to process lab result {uuid}", logger="com.vossmoor.labs.listener.LabResultListener"),
    # A monitor on the route alone: the reminder export timing out against the SMS provider.
    Bug("bv-reminder-sms-timeout", "appointments-api", (jexc("java.net.SocketTimeoutException", "Read timed out", ()), jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on POST request for "https://api.smsprovider.example/v1/batches": Read timed out', http("ReminderController", "sendBatch", 27, app("appointments.reminders.SmsGateway", "sendBatch", 49), *REST_CLIENT))),
        (see("sentry.error", 3, **API), see("datadog.log", team=TEAM, monitor="POST /api/v1/reminders/batch failing", filter="service:appointments-api @http.url_details.path:/api/v1/reminders/batch status:error", text="Reminder batches are failing on POST /api/v1/reminders/batch.")),
        classes=(8,), entry="POST /api/v1/reminders/batch"),
    # The slow PDF render logged by the invoice renderer: one log template, no bug.
    Bug("bv-invoice-render-slow", "appointments-api", (),
        (see("datadog.log", 3, team=TEAM, monitor="appointments-api: slow invoice renders", filter="service:appointments-api @logger.name:*InvoiceRenderer status:warn", text="Slow invoice renders:\n2026-03-04T10:4{idx}:07.311Z  WARN 1 --- [appointments-api] [nio-8080-exec-4] c.v.a.billing.InvoiceRenderer            : Rendered invoice INV-{id} ({size}) in {dur}"),),
        classes=(7,)),
    # Seen once: a recursive toString between Pet and Owner.
    Bug("bv-pet-tostring-overflow", "appointments-api", (jexc("java.lang.StackOverflowError", "", (*http("PetController", "audit", 77), app("appointments.domain.Pet", "toString", 112), app("appointments.domain.Owner", "toString", 64), app("appointments.domain.Pet", "toString", 112))),),
        (see("sentry.error", **API),),
        singleton=True, entry="POST /api/v1/pets/{pet_id}/audit"),
]

NOISE = [
    Noise("bv-noise-deploy", "appointments-api", "datadog.event", {"monitor": "appointments-api 3.42.0 deployed", "text": "GitHub Actions deployed appointments-api 3.42.0 to prod (3 replicas).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("bv-noise-recovered", "lab-results", "datadog.log", {"monitor": "lab-results: listener failures", "transition": "Recovered", "alert_type": "success", "text": "lab-results listener failures are back to 0.", "priority": "P3", "team": TEAM}),
    Noise("bv-noise-heartbeat", "lab-results", "datadog.log", {"monitor": "lab-results heartbeat", "transition": "Triggered", "alert_type": "info", "text": "Daily heartbeat: lab-results consumed {n} messages from lab.results.incoming in the last 24h.", "priority": "P5", "team": TEAM}),
]

VOSSMOOR = Company(
    key="bv",
    name="Vossmoor Vets",
    domain="vossmoor.example",
    sentry_org="vossmoor-vets",
    splunk_url="",
    splunk_guid="",
    datadog_org=("733190", "Vossmoor Vets"),
    datadog_template="bv-vossmoor",
    posthog_project=(0, ""),
    releases=("3.41.0", "3.42.0", "3.43.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="vossmoor-sentry-client-secret",
)
