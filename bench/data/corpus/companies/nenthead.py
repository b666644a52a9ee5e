"""(gp) Nenthead Pharmacy, an online repeat-prescription pharmacy: a Java 21 Spring Boot 3.2
service (``rx-api``: Spring MVC on Tomcat, Spring Data JPA on Hibernate 6.4 over Postgres, a
``RestClient`` to the NHS Electronic Prescription Service gateway, ``@Async`` label printing,
``@Scheduled`` stock syncs) and a reminders CronJob (``rx-reminders``: Twilio SMS and SMTP
mail for due repeats), on Kubernetes.

Splunk indexes the pods' stdout: ``rx-api`` logs through log4j2's ``JsonTemplateLayout`` with
the ECS template (``gp-ecs-json``: the team's ``log.error("...", e)``, Tomcat's "with root
cause" record, ``TaskUtils$LoggingErrorHandler``, traces cut by ``maxStringLength``);
``rx-reminders``' image is still on a ``PatternLayout`` (``gp-pattern``). Sentry:
sentry-spring-boot-jakarta with ``in-app-includes: uk.nenthead``. Datadog: the recommended
template, log monitors by error kind or the team's text over the ECS attributes, APM by
type. PostHog: posthog-server's ``captureException`` on checkout and collection failures.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    JPA_SAVE,
    SCHEDULED,
    SPRING_TX_PROXY,
    TOMCAT,
    jexc,
    jl,
    jv,
    spring_no_connection,
)

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.6.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "rx-api": Service("rx-api", "java", "gp-ecs-json", "kube:container:rx-api", "/var/log/containers/rx-api.log", "gp_rx", 4406518, "OpenJDK 21.0.2", framework="spring", sdk=SDK),
    "rx-reminders": Service("rx-reminders", "java", "gp-pattern", "kube:container:rx-reminders", "/var/log/containers/rx-reminders.log", "gp_rx", 4406519, "OpenJDK 21.0.2", framework="spring", sdk=SDK),
}
PKG = "uk.nenthead.rx"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*TOMCAT, *frames)


def tx(*frames: Frame) -> tuple[Frame, ...]:
    return (*SPRING_TX_PROXY, *frames)


HIBERNATE_INSERT = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 666),
    jl("org.hibernate.internal.SessionImpl", "flush", 1411),
    jl("org.hibernate.engine.spi.ActionQueue", "executeActions", 640),
    jl("org.hibernate.action.internal.EntityInsertAction", "execute", 104),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 194),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)


def unique(frames: tuple[Frame, ...], table: str, constraint: str, cols: str, vals: str) -> tuple[Exc, ...]:
    sql = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key ({cols})=({vals}) already exists.'
    insert = f"insert into {table} ({cols},created_at,id) values (?,?,?)"
    flush = (*frames, *JPA_SAVE, *HIBERNATE_INSERT)
    return (
        jexc("org.postgresql.util.PSQLException", sql, flush),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{sql}] [{insert}]", (*flush[:-2], jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", (*frames, *JPA_SAVE, jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 276))),
    )


REST = (
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "body", 763),
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "readBody", 788),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 469),
)
REST_IO = (*REST, jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "createResourceAccessException", 555))
SOCKET_READ = (*REST, jl("org.springframework.http.client.SimpleClientHttpRequest", "executeInternal", 89), jl("sun.net.www.protocol.http.HttpURLConnection", "getInputStream", 1589), jl("java.net.Socket$SocketInputStream", "read", 1099), jl("sun.nio.ch.NioSocketImpl", "timedRead", 288))
REST_STATUS = (
    *REST,
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "applyStatusHandlers", 698),
    jl("org.springframework.web.client.StatusHandler", "lambda$defaultHandler$3", 89),
    jl("org.springframework.web.client.HttpServerErrorException", "create", 106),
)
ASYNC = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("java.util.concurrent.FutureTask", "run", 317),
    jl("org.springframework.aop.interceptor.AsyncExecutionInterceptor", "lambda$invoke$0", 115),
    jl("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 184),
)
LAZY = (
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "read", 143),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "withTemporarySessionIfNeeded", 265),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationExceptionIfNotConnected", 635),
    jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationException", 653),
)
FIND = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "getReferenceById", 349),
    jl("org.hibernate.internal.SessionImpl", "getReference", 2497),
    jl("org.hibernate.proxy.AbstractLazyInitializer", "initialize", 167),
    jl("org.hibernate.internal.SessionImpl$JpaEntityNotFoundDelegate", "handleEntityNotFound", 2406),
)

LOG = {"search": "nenthead rx-api errors", "app": "nenthead"}
SERVLET = {**LOG, "kind": "servlet"}
SCHED = {**LOG, "kind": "scheduled"}
CUT = {**LOG, "kind": "cut"}
NOEXC = {**LOG, "kind": "noexc"}
REM = {"search": "nenthead reminders errors", "app": "nenthead"}
DDKIND = dict(team="rx", monitor="[rx-api] error logs by kind", filter="service:rx-api status:error env:prod", style="kind")
DDTEXT = dict(team="rx", monitor="[rx-api] error records", filter="service:rx-api status:error", text="**{{log.attributes.error.type}}** in rx-api\n\n> {{log.attributes.message}}\n\nerror.message: {{log.attributes.error.message}}\nthread: {{log.attributes.process.thread.name}}")
DDREM = dict(team="rx", monitor="[rx-reminders] job errors", filter="service:rx-reminders status:error", style="sample", lines=6)
APM = dict(team="rx", monitor="[rx-api] servlet.request errors by type", style="type")

NPE = 'Cannot invoke "uk.nenthead.rx.domain.Dosage.getUnitsPerDay()" because "dosage" is null'

BUGS = [
    # The same helpful NPE in the one DosageCalculator.daily, reached from a refill and a renewal.
    Bug("gp-refill-dosage-npe", "rx-api", (jexc("java.lang.NullPointerException", NPE, http(app("web.RefillController", "create", 58), *tx(app("refill.RefillService", "request", 91)), app("dosing.SupplyPlanner", "daysCovered", 33), app("dosing.DosageCalculator", "daily", 41))),),
        (see("sentry.error", 3), see("splunk", 2, **SERVLET), see("datadog.log", **DDKIND), see("datadog.apm", **APM)),
        classes=(4, 9), pair="gp-renewal-dosage-npe", entry="POST /api/refills", span=2, renames={"create": "requestRefill"}),
    Bug("gp-renewal-dosage-npe", "rx-api", (jexc("java.lang.NullPointerException", NPE, (*SCHEDULED, app("renewal.RenewalJob", "run", 37), *tx(app("renewal.RenewalService", "renewDue", 64)), app("dosing.SupplyPlanner", "daysCovered", 33), app("dosing.DosageCalculator", "daily", 41))),),
        (see("sentry.error", 2), see("splunk", 2, **SCHED), see("datadog.log", **DDKIND)),
        classes=(4, 9), pair="gp-refill-dosage-npe", entry="RenewalJob.run"),
    # Duplicate keys on two tables.
    Bug("gp-prescription-unique", "rx-api", unique(http(app("web.PrescriptionController", "importEps", 72), *tx(app("eps.EpsImportService", "importOne", 118))), "prescriptions", "prescriptions_eps_id_key", "eps_id", "{hex}"),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("splunk", 1, **SERVLET), see("datadog.log", **DDTEXT)),
        classes=(4,), pair="gp-slot-unique", log="EPS import failed for prescription", entry="POST /api/prescriptions/import"),
    Bug("gp-slot-unique", "rx-api", unique(http(app("web.CollectionController", "book", 44), *tx(app("collection.SlotService", "reserve", 77))), "collection_slots", "collection_slots_pharmacy_id_slot_start_key", "pharmacy_id, slot_start", "{n}, 2026-03-1{idx} 09:30:00+00"),
        (see("sentry.error", 2), see("splunk", 2, **SERVLET), see("posthog", 2), see("datadog.log", **DDTEXT)),
        classes=(4,), pair="gp-prescription-unique", entry="POST /api/collections"),
    # The same EpsClient.fetch: a read timeout and a 503.
    Bug("gp-eps-timeout", "rx-api", (jexc("java.net.SocketTimeoutException", "Read timed out", (*http(app("web.PrescriptionController", "importEps", 69), *tx(app("eps.EpsImportService", "importOne", 104)), app("eps.EpsClient", "fetch", 52)), *SOCKET_READ)),
                                      jexc("org.springframework.web.client.ResourceAccessException", 'I/O error on GET request for "https://eps-gw.nenthead.example/v2/prescriptions/{uuid}": Read timed out', (*http(app("web.PrescriptionController", "importEps", 69), *tx(app("eps.EpsImportService", "importOne", 104)), app("eps.EpsClient", "fetch", 52)), *REST_IO))),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("splunk", 1, **CUT), see("datadog.apm", **APM)),
        classes=(1, 10), pair="gp-eps-503", log="EPS gateway call failed", entry="POST /api/prescriptions/import", span=2),
    Bug("gp-eps-503", "rx-api", (jexc("org.springframework.web.client.HttpServerErrorException$ServiceUnavailable", '503 Service Unavailable: "{"fault":"spine unavailable","retryAfter":30}"', (*http(app("web.PrescriptionController", "importEps", 69), *tx(app("eps.EpsImportService", "importOne", 104)), app("eps.EpsClient", "fetch", 52)), *REST_STATUS)),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("datadog.log", **DDKIND), see("datadog.apm", **APM)),
        pair="gp-eps-timeout", log="EPS gateway call failed", entry="POST /api/prescriptions/import"),
    # LazyInitializationException on two collections, from the stock sync and the label job.
    Bug("gp-lazy-items", "rx-api", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: uk.nenthead.rx.domain.Prescription.items: could not initialize proxy - no Session", (*SCHEDULED, app("stock.StockSyncJob", "sync", 48), app("stock.ReservationCounter", "reservedUnits", 26), *LAZY)),),
        (see("sentry.error", 3), see("splunk", 2, **SCHED), see("datadog.log", **DDKIND)),
        classes=(4,), pair="gp-lazy-allergies", entry="StockSyncJob.sync"),
    Bug("gp-lazy-allergies", "rx-api", (jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: uk.nenthead.rx.domain.Patient.allergies: could not initialize proxy - no Session", (*ASYNC, app("labels.LabelService", "printBagLabel", 63), app("labels.WarningText", "forPatient", 19), *LAZY)),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("datadog.log", **DDKIND)),
        classes=(4,), pair="gp-lazy-items", log="Unexpected exception occurred invoking async method: public void uk.nenthead.rx.labels.LabelService.printBagLabel(java.util.UUID)", logger="org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler", entry="@Async LabelService.printBagLabel"),
    # EntityNotFoundException: a Pharmacy and a Prescriber.
    Bug("gp-pharmacy-notfound", "rx-api", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find uk.nenthead.rx.domain.Pharmacy with id {n}", http(app("web.CollectionController", "book", 41), *tx(app("collection.SlotService", "reserve", 70)), *FIND)),),
        (see("sentry.error", 3), see("splunk", 2, **SERVLET), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4,), pair="gp-prescriber-notfound", entry="POST /api/collections"),
    Bug("gp-prescriber-notfound", "rx-api", (jexc("jakarta.persistence.EntityNotFoundException", "Unable to find uk.nenthead.rx.domain.Prescriber with id {n}", http(app("web.PrescriptionController", "importEps", 70), *tx(app("eps.EpsImportService", "importOne", 126)), *FIND)),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("datadog.log", **DDTEXT)),
        classes=(4,), pair="gp-pharmacy-notfound", log="EPS import failed for prescription", entry="POST /api/prescriptions/import"),
    # The reminders job: two bugs under one monitor and one saved search.
    Bug("gp-reminder-sms", "rx-reminders", (jexc("com.twilio.exception.ApiException", "The 'To' number +4477009{id} is not a valid phone number.", (jl("java.lang.Thread", "run", 1583), app("reminders.ReminderRunner", "run", 29), app("reminders.ReminderSender", "sendDue", 54), app("reminders.SmsChannel", "send", 31), jl("com.twilio.base.Creator", "create", 27), jl("com.twilio.rest.api.v2010.account.MessageCreator", "create", 512))),),
        (see("sentry.error", 3), see("splunk", 3, **REM), see("datadog.log", 2, **DDREM)),
        classes=(1,), pair="gp-reminder-mail", log="reminder delivery failed", entry="ReminderRunner.run"),
    Bug("gp-reminder-mail", "rx-reminders", (jexc("org.eclipse.angus.mail.util.MailConnectException", "Couldn't connect to host, port: smtp.nenthead.example, 587; timeout 10000", (jl("java.lang.Thread", "run", 1583), app("reminders.ReminderRunner", "run", 29), app("reminders.ReminderSender", "sendDue", 58), app("reminders.MailChannel", "send", 40), jl("org.eclipse.angus.mail.smtp.SMTPTransport", "openServer", 2259))),
                                              jexc("org.springframework.mail.MailSendException", "Mail server connection failed. Failed messages: org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: smtp.nenthead.example, 587; timeout 10000", (jl("java.lang.Thread", "run", 1583), app("reminders.ReminderRunner", "run", 29), app("reminders.ReminderSender", "sendDue", 58), app("reminders.MailChannel", "send", 40), jl("org.springframework.mail.javamail.JavaMailSenderImpl", "doSend", 438)))),
        (see("sentry.error", 2), see("splunk", 2, **REM), see("datadog.log", 2, **DDREM)),
        classes=(1,), pair="gp-reminder-sms", log="reminder delivery failed", entry="ReminderRunner.run"),
    # A pool exhaustion seen as a Spring transaction failure.
    Bug("gp-hikari-exhausted", "rx-api", spring_no_connection(http(app("web.RefillController", "list", 33), *SPRING_TX_PROXY[:5]), "total=10, active=10, idle=0, waiting={waiting}"),
        (see("sentry.error", 3), see("splunk", 2, **SERVLET), see("datadog.apm", 2, **APM)),
        classes=(8,), entry="GET /api/refills"),
    # A GTIN check digit loop off by one, over three releases, its caller renamed.
    Bug("gp-gtin-index", "rx-api", (jexc("java.lang.ArrayIndexOutOfBoundsException", "Index 13 out of bounds for length 13", http(app("web.DispenseController", "scan", 51), app("dispense.DispenseService", "verifyPack", 88), app("dispense.GtinValidator", "checkDigit", 22))),),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("datadog.log", **DDKIND)),
        classes=(5,), log="pack verification failed", entry="POST /api/dispense/scan", span=3, renames={"verifyPack": "verifyScannedPack"}),
    # Collection slot full: seen by all four tools.
    Bug("gp-slot-full", "rx-api", (jexc("uk.nenthead.rx.collection.SlotUnavailableException", "Collection slot {n} at pharmacy NH-0{idx} is full", http(app("web.CollectionController", "book", 47), *tx(app("collection.SlotService", "reserve", 83)), app("collection.SlotPolicy", "assertCapacity", 27))),),
        (see("sentry.error", 2), see("splunk", 1, **LOG), see("splunk", 1, **NOEXC), see("posthog", 2), see("datadog.log", **DDTEXT)),
        log="collection booking refused", entry="POST /api/collections"),
    # @Async label printing: the label printer refuses connections.
    Bug("gp-label-printer", "rx-api", (jexc("java.net.ConnectException", "Connection refused", (*ASYNC, app("labels.LabelService", "printBagLabel", 71), app("labels.ZebraPrinter", "send", 38), jl("java.net.Socket", "connect", 751), jl("sun.nio.ch.NioSocketImpl", "connect", 592))),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("datadog.log", **DDKIND)),
        log="Unexpected exception occurred invoking async method: public void uk.nenthead.rx.labels.LabelService.printBagLabel(java.util.UUID)", logger="org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler", entry="@Async LabelService.printBagLabel"),
    # Checkout: Stripe declines captured by PostHog, Sentry and the log.
    Bug("gp-checkout-declined", "rx-api", (jexc("com.stripe.exception.CardException", "Your card has insufficient funds.; code: card_declined; request-id: {req}", http(app("web.CheckoutController", "pay", 39), *tx(app("checkout.PaymentService", "charge", 57)), jl("com.stripe.net.LiveStripeResponseGetter", "handleApiError", 258))),),
        (see("sentry.error", 2), see("posthog", 3), see("splunk", 2, **LOG), see("datadog.log", **DDTEXT)),
        log="prescription charge failed", entry="POST /api/checkout"),
    # A singleton: a recursive formulary expansion overflowed once.
    Bug("gp-singleton-formulary", "rx-api", (jexc("java.lang.StackOverflowError", "", http(app("web.FormularyController", "alternatives", 28), *[app("formulary.FormularyGraph", "expand", 61)] * 12)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/formulary/{id}/alternatives"),
]

NOISE = [
    Noise("gp-noise-started", "rx-api", "splunk", {"search": "nenthead rx-api errors", "line": '{"@timestamp":"{tsms}","ecs.version":"1.2.0","log.level":"INFO","message":"Started RxApiApplication in 9.214 seconds (process running for 10.02)","process.thread.name":"main","log.logger":"uk.nenthead.rx.RxApiApplication","service.name":"rx-api"}'}),
    Noise("gp-noise-deploy", "rx-api", "datadog.event", {"monitor": "Deploy", "text": "rx-api 2026.3.2 rolled out to prod-eu-west-2 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gp-noise-recovered", "rx-api", "datadog.log", {"monitor": "[rx-api] error logs by kind", "text": "Recovered: rx-api error logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

NENTHEAD = Company(
    key="gp",
    name="Nenthead Pharmacy",
    domain="nenthead-pharmacy.example",
    sentry_org="nenthead",
    splunk_url="https://nenthead.splunkcloud.com",
    splunk_guid="9C41E2A7-3B58-4F0D-8E16-7A2D5C9B0F31",
    datadog_org=("805512", "Nenthead Pharmacy"),
    datadog_template="recommended",
    posthog_project=(65201, "Nenthead checkout"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="nenthead-sentry-client-secret",
)
# fmt: on
