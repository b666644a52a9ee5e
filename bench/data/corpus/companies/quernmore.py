"""(nn) Quernmore Lettings, a letting agency's tenancy platform: Java 17 Spring Boot 3.3 on
Azure Kubernetes Service. ``tenancy-api`` (Spring MVC on Tomcat, Spring Data JPA over Azure
Database for PostgreSQL, a ``RestTemplate`` partner client for GoCardless and the deposit
scheme) and ``rent-scheduler`` (``@Scheduled`` jobs: rent collection, arrears, statements to
Azure Blob Storage).

Logs: Spring Boot's default console pattern with multi-line stack traces on stdout. Azure Monitor
Container Insights collects them into ``ContainerLogV2``; a data export rule streams the table
to an Event Hub read by the Splunk Add-on for Microsoft Cloud Services (``mscs:azure:eventhub``,
one event a hub message: ``body.records[]``). Multi-line logging was off in the first release:
each console line was its own record, so a batch carries the head and the first ``at`` lines or
only trace lines. The Datadog Agent (DaemonSet) tails the same containers with multi-line
detection; dd-java-agent APM. Sentry: sentry-spring-boot-starter-jakarta (releases with shifted
lines and renamed methods). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import SCHEDULED, SPRING_TX_PROXY, TOMCAT, jexc, jl, jv, spring_no_connection
from .dunnockshaw import unique

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SOURCE = "azure_event_hub://quernmore-logs.servicebus.windows.net/containerlogv2-export"
SERVICES = {
    "tenancy-api": Service("tenancy-api", "java", "nn-ehub", "mscs:azure:eventhub", SOURCE, "quernmore_azure", 12510011, "OpenJDK 17.0.12", framework="HandlerExceptionResolver", sdk=SDK),
    "rent-scheduler": Service("rent-scheduler", "java", "nn-ehub", "mscs:azure:eventhub", SOURCE, "quernmore_azure", 12510012, "OpenJDK 17.0.12", framework="logback", sdk=SDK),
}
PKG = "com.quernmore.lettings"
DISPATCHER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
ROOT_CAUSE = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
SCHED_LOGGER = "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler"
SCHED_LOG = "Unexpected error occurred in scheduled task"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*TOMCAT, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*SCHEDULED, *frames)


# The team's one partner HTTP client over RestTemplate.
PARTNER_POST = (
    app("partners.PartnerClient", "post", 64),
    jl("org.springframework.web.client.RestTemplate", "postForObject", 496),
    jl("org.springframework.web.client.RestTemplate", "execute", 816),
    jl("org.springframework.web.client.RestTemplate", "doExecute", 863),
)
SOCKET_READ = (
    jl("org.springframework.http.client.AbstractClientHttpRequest", "execute", 66),
    jl("org.springframework.http.client.SimpleClientHttpRequest", "executeInternal", 79),
    jl("sun.net.www.protocol.http.HttpURLConnection", "getInputStream", 1615),
    jl("java.net.Socket$SocketInputStream", "read", 1099),
    jl("sun.nio.ch.NioSocketImpl", "read", 346),
    jl("sun.nio.ch.NioSocketImpl", "timedRead", 288),
)
# The one email normaliser both invite paths call.
NORMALISE = app("common.EmailNormaliser", "normalise", 14)
NPE_RAW = 'Cannot invoke "String.trim()" because "raw" is null'
STALE = "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect)"
MERGE = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "save", 628),
    jl("org.hibernate.internal.SessionImpl", "merge", 826),
    jl("org.hibernate.event.internal.DefaultMergeEventListener", "entityIsDetached", 374),
)


def partner_timeout(url: str, app_frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    frames = (*app_frames, *PARTNER_POST)
    return (
        jexc("java.net.SocketTimeoutException", "Read timed out", (*frames, *SOCKET_READ)),
        jexc("org.springframework.web.client.ResourceAccessException", f'I/O error on POST request for "{url}": Read timed out', (*frames, jl("org.springframework.web.client.RestTemplate", "createResourceAccessException", 915))),
    )


def stale(entity: str, app_frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    msg = f"{STALE} : [{PKG}.{entity}#{{id}}]"
    frames = (*app_frames, *SPRING_TX_PROXY[:3], *MERGE)
    return (
        jexc("org.hibernate.StaleObjectStateException", msg, frames),
        jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", msg, (*app_frames, *SPRING_TX_PROXY[:5], jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 325))),
    )


SEARCH = dict(search="Quernmore - AKS Java errors (ContainerLogV2)", owner="lettings_ops", app="quernmore_azure")
DD = dict(style="sample", team="lettings", monitor="[lettings] ERROR logs on AKS", filter="kube_namespace:lettings status:error", format="nn-dd")
DD_TEXT = dict(team="lettings", monitor="[lettings] ERROR logs on AKS", filter="kube_namespace:lettings status:error", format="nn-dd", text="{{log.service}} logged an error on {{log.host}}:\n\n```\n{{log.message}}\n```", sample_lines=3)
APM = dict(team="lettings")
WEB = dict(log=ROOT_CAUSE, logger=DISPATCHER)
JOB = dict(log=SCHED_LOG, logger=SCHED_LOGGER)


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def spl_job(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, thread="scheduling-1", **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


BUGS = [
    # 1. Unique violations on two tables.
    Bug("nn-deposit-unique", "tenancy-api", unique("deposit_protections_tenancy_id_key", "tenancy_id", "{id}", "insert into deposit_protections (amount_pence,protected_at,scheme,tenancy_id,id) values (?,?,?,?,?)", web(app("web.DepositController", "protect", 47), *SPRING_TX_PROXY, app("deposit.DepositService", "protect", 72))),
        (see("sentry.error", 3), spl(split=True, release=0), spl(), dd(), see("datadog.apm", **APM)),
        **WEB, classes=(1, 2, 4, 9), pair="nn-viewing-unique", entry="POST /api/tenancies/{tenancy_id}/deposit", span=2),
    Bug("nn-viewing-unique", "tenancy-api", unique("viewings_property_id_slot_start_key", "property_id, slot_start", "{id}, 2026-03-1{idx} 10:30:00", "insert into viewings (applicant_id,property_id,slot_start,id) values (?,?,?,?)", web(app("web.ViewingController", "book", 39), *SPRING_TX_PROXY, app("viewing.ViewingService", "book", 51))),
        (see("sentry.error", 2), see("sentry.issue"), spl(2), dd(), see("datadog.log", **DD_TEXT)),
        **WEB, classes=(1, 2, 4, 9), pair="nn-deposit-unique", entry="POST /api/properties/{property_id}/viewings", span=2),
    # 2. The same helpful NPE inside the one email normaliser, from two invite paths.
    Bug("nn-tenant-invite-npe", "tenancy-api", (jexc("java.lang.NullPointerException", NPE_RAW, web(app("web.TenantController", "invite", 62), app("tenant.TenantInviteService", "invite", 38), NORMALISE)),),
        (see("sentry.error", 3), spl(2), dd(2)),
        **WEB, classes=(1, 2, 4), pair="nn-guarantor-npe", entry="POST /api/tenancies/{tenancy_id}/tenants", span=3, renames={"invite": "sendInvite"}),
    Bug("nn-guarantor-npe", "tenancy-api", (jexc("java.lang.NullPointerException", NPE_RAW, web(app("web.GuarantorController", "attach", 29), app("guarantor.GuarantorService", "attach", 44), NORMALISE)),),
        (see("sentry.error", 2), see("sentry.alert", rule="tenancy-api: new NullPointerException"), spl(split="tail"), spl(), dd()),
        **WEB, classes=(1, 2, 4, 10), pair="nn-tenant-invite-npe", entry="POST /api/tenancies/{tenancy_id}/guarantors"),
    # 3. Two partners timing out behind one RestTemplate client.
    Bug("nn-gocardless-timeout", "rent-scheduler", partner_timeout("https://api.gocardless.com/payments", job(app("rent.RentCollectionJob", "collectDue", 33), app("rent.PaymentsGateway", "createPayment", 58))),
        (see("sentry.error", 3), spl_job(2), dd(thread="scheduling-1"), see("datadog.apm", **APM)),
        **JOB, classes=(1, 2, 7, 9), pair="nn-tds-timeout", entry="RentCollectionJob.collectDue", span=2),
    Bug("nn-tds-timeout", "tenancy-api", partner_timeout("https://api.custodial.tenancydepositscheme.com/v1.2/CreateDeposit", web(app("web.DepositController", "protect", 47), *SPRING_TX_PROXY, app("deposit.DepositService", "protect", 80), app("deposit.SchemeGateway", "register", 27))),
        (see("sentry.error", 2), spl(2), dd(), see("datadog.apm", **APM)),
        **WEB, classes=(1, 2, 9), pair="nn-gocardless-timeout", entry="POST /api/tenancies/{tenancy_id}/deposit"),
    # 4. One arrears calculation, two exceptions.
    Bug("nn-arrears-divzero", "rent-scheduler", (jexc("java.lang.ArithmeticException", "/ by zero", job(app("arrears.ArrearsJob", "run", 27), app("arrears.ArrearsCalculator", "compute", 41))),),
        (see("sentry.error", 3), spl_job(2, split=True, release=0), dd(thread="scheduling-1")),
        **JOB, classes=(1, 2, 4), pair="nn-arrears-date", entry="ArrearsJob.run", span=2),
    Bug("nn-arrears-date", "rent-scheduler", (jexc("java.time.DateTimeException", "Invalid date 'FEBRUARY 30'", job(app("arrears.ArrearsJob", "run", 27), app("arrears.ArrearsCalculator", "compute", 47), jl("java.time.LocalDate", "of", 272), jl("java.time.LocalDate", "create", 459))),),
        (see("sentry.error", 2), spl_job(), dd(thread="scheduling-1"), see("datadog.log", **DD_TEXT, thread="scheduling-1")),
        **JOB, classes=(1, 2, 4), pair="nn-arrears-divzero", entry="ArrearsJob.run"),
    # 5. Optimistic locking on two entities.
    Bug("nn-tenancy-stale", "tenancy-api", stale("tenancy.Tenancy", web(app("web.TenancyController", "renew", 88), app("tenancy.TenancyService", "renew", 112))),
        (see("sentry.error", 3), spl(2), dd(), see("datadog.apm", **APM)),
        **WEB, classes=(1, 2, 4, 9), pair="nn-deposit-stale", entry="POST /api/tenancies/{tenancy_id}/renewal"),
    Bug("nn-deposit-stale", "tenancy-api", stale("deposit.DepositProtection", web(app("web.DepositController", "release", 66), app("deposit.DepositService", "release", 131))),
        (see("sentry.error", 2), spl(), dd(2)),
        **WEB, classes=(1, 2, 4, 9), pair="nn-tenancy-stale", entry="POST /api/tenancies/{tenancy_id}/deposit/release"),
    # Not pairs.
    Bug("nn-hikari-timeout", "tenancy-api", spring_no_connection(web(app("web.PropertySearchController", "search", 33), *SPRING_TX_PROXY[:4]), "total=10, active=10, idle=0, waiting={waiting}"),
        (see("sentry.error", 3), spl(3), dd(), see("datadog.apm", **APM)),
        **WEB, classes=(1, 2, 7), entry="GET /api/properties/search"),
    Bug("nn-furnishing-enum", "tenancy-api", (jexc("java.lang.IllegalArgumentException", f"No enum constant {PKG}.property.FurnishingType.PART_FURNISHED", web(app("web.PropertyController", "get", 41), app("property.PropertyService", "load", 25), app("property.FurnishingConverter", "convertToEntityAttribute", 18), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), dd()),
        **WEB, classes=(1, 2, 5), entry="GET /api/properties/{property_id}", span=3, renames={"load": "findWithRooms"}),
    Bug("nn-statement-blob-403", "rent-scheduler", (jexc("com.azure.storage.blob.models.BlobStorageException", 'Status code 403, "<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.\nRequestId:{uuid}\nTime:{ts}</Message></Error>"', job(app("statements.StatementJob", "publishMonthly", 36), app("statements.StatementStore", "upload", 52), jl("com.azure.storage.blob.BlobClient", "uploadWithResponse", 411), jl("com.azure.storage.blob.specialized.BlockBlobClient", "uploadWithResponse", 258))),),
        (see("sentry.error", 2), spl_job(2), dd(thread="scheduling-1"), see("datadog.apm", **APM)),
        **JOB, classes=(1, 2), entry="StatementJob.publishMonthly"),
    Bug("nn-reference-parse", "tenancy-api", (jexc("java.lang.IllegalArgumentException", "Invalid tenancy reference: QL-{n}0O{idx}", web(app("web.TenancyController", "lookup", 51), app("tenancy.TenancyReference", "parse", 22))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.error", release=2), spl(), dd()),
        **WEB, classes=(1, 2, 5), entry="GET /api/tenancies/by-reference/{ref}", span=3, renames={"lookup": "findByReference", "parse": "of"}),
    # Seen once.
    Bug("nn-singleton-stackoverflow", "tenancy-api", (jexc("java.lang.StackOverflowError", "", web(app("web.LandlordController", "portfolio", 30), jl("com.fasterxml.jackson.databind.ser.BeanSerializer", "serialize", 178), jl("com.fasterxml.jackson.databind.ser.std.BeanSerializerBase", "serializeFields", 772), jl("com.fasterxml.jackson.databind.ser.BeanPropertyWriter", "serializeAsField", 732))),),
        (see("sentry.error"),),
        **WEB, singleton=True, entry="GET /api/landlords/{landlord_id}/portfolio"),
]

NOISE = [
    Noise("nn-noise-deploy", "tenancy-api", "datadog.event", {"monitor": "Deployed tenancy-api 2026.03.3", "text": "Flux reconciled tenancy-api to 2026.03.3 on aks-lettings-prod (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings", "release": "1"}),
    Noise("nn-noise-started", "rent-scheduler", "splunk", {**SEARCH, "line": '{"body":{"records":[{"TimeGenerated":"{ts}","ContainerName":"rent-scheduler","PodNamespace":"lettings","LogMessage":"2026-03-05T06:00:01.114Z  INFO 1 --- [rent-scheduler] [           main] c.q.l.RentSchedulerApplication           : Started RentSchedulerApplication in 14.82 seconds (process running for 16.1)","LogSource":"stdout","Type":"ContainerLogV2"}]},"x-opt-sequence-number":4410237}'}),
    Noise("nn-noise-recovered", "tenancy-api", "datadog.log", {"monitor": "[lettings] ERROR logs on AKS", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "kube_namespace:lettings status:error", "text": "lettings ERROR logs are back under the threshold."}),
]

QUERNMORE = Company(
    key="nn",
    name="Quernmore Lettings",
    domain="quernmore-lettings.example",
    sentry_org="quernmore-lettings",
    splunk_url="https://quernmore.splunkcloud.example",
    splunk_guid="2C8E5A14-7B39-4D61-9F02-6A4E1D7C3B85",
    datadog_org=("1250011", "Quernmore Lettings"),
    datadog_template="recommended",
    posthog_project=(92501, "Quernmore"),
    releases=("2026.03.1", "2026.03.3", "2026.03.6"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quernmore-sentry-client-secret",
)
# fmt: on
