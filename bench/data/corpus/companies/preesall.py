"""(mh) Preesall Water, a water retailer's billing platform: ``billing-api``, Java 21 Quarkus 3.8
(RESTEasy Reactive, Hibernate ORM with Panache over PostgreSQL, the reactive REST client for
the payments and credit-check partners, Mutiny ``Uni`` endpoints on the Vert.x event loop) on
OpenShift 4.14, logging with ``quarkus-logging-json`` (exceptions ``formatted`` as
``stackTrace``; the canary deployment still ``detailed``).

Splunk: the OpenShift Logging collector (Vector; the older DR cluster's Fluentd) forwards the
container's lines to HEC as ViaQ records, the Quarkus line a JSON string in ``message``; one
saved search over the namespace. Datadog: the agent's DaemonSet parses the same lines; one log
monitor pasting ``message`` and ``stackTrace``, and an APM monitor (dd-java-agent) over the
service's error spans. Sentry through ``quarkus-logging-sentry`` (the JUL handler). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..rand import stable_hex
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.jul", "7.14.0", "maven:io.sentry:sentry-jul")
SERVICES = {
    "billing-api": Service("billing-api", "java", "mh-ocp", "openshift:logging", "openshift-logging:vector", "ocp_apps", 11420021, "OpenJDK 21.0.3", framework="quarkus", sdk=SDK),
}
P = "com.preesall.billing."

# A worker thread of Quarkus' executor running a blocking RESTEasy Reactive endpoint.
BLOCKING = (
    jl("java.lang.Thread", "run", 1583),
    jl("org.jboss.threads.JBossThread", "run", 483),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("org.jboss.threads.ThreadLocalResettingRunnable", "run", 18),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1520),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "run", 2513),
    jl("org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext", "run", 147),
    jl("org.jboss.resteasy.reactive.server.handlers.InvocationHandler", "handle", 29),
)
# The Vert.x event loop resuming a Mutiny pipeline (reactive endpoints and the REST client).
EVENT_LOOP = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.netty.util.concurrent.AbstractEventExecutor", "runTask", 174),
    jl("io.vertx.core.impl.ContextInternal", "dispatch", 264),
    jl("io.vertx.core.impl.future.FutureImpl$3", "onFailure", 153),
    jl("io.smallrye.mutiny.operators.uni.builders.UniCreateFromCompletionStage", "forwardResult", 58),
    jl("io.smallrye.mutiny.operators.uni.UniOnItemTransformToUni$UniOnItemTransformToUniProcessor", "onFailure", 73),
    jl("io.smallrye.mutiny.operators.uni.UniOnFailureFlatMap$UniOnFailureFlatMapProcessor", "onFailure", 53),
)
FLUSH = (
    jl("io.quarkus.hibernate.orm.panache.common.runtime.AbstractJpaOperations", "persistAndFlush", 109),
    jl("org.hibernate.internal.SessionImpl", "flush", 1412),
    jl("org.hibernate.event.internal.DefaultFlushEventListener", "onFlush", 39),
    jl("org.hibernate.engine.jdbc.batch.internal.BatchImpl", "performExecution", 134),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 194),
)
PG = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
CONVERT = jl("org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "convert", 108)


def rest(resource: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    invoker = Frame("invoke", "Unknown Source", -1, f"{P}api.{resource}$quarkusrestinvoker${method}_{stable_hex(40, resource, method)}", False)
    return (*BLOCKING, invoker, jv(f"{P}api.{resource}", method, line), *more)


def unique(constraint: str, detail: str, sql: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    return (
        jexc("org.postgresql.util.PSQLException", pg, (*app, *FLUSH, *PG)),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{pg}] [{sql}]", (*app, *FLUSH, CONVERT)),
    )


def client_error(client: str, status: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """The reactive REST client's failure surfacing through the shared ``PartnerCalls.await``."""
    helper = jv(f"{P}partners.PartnerCalls", "await", 34)
    return (
        jexc("org.jboss.resteasy.reactive.ClientWebApplicationException", f"Received: '{status}' when invoking: Rest Client method: '{P}partners.{client}'", (*EVENT_LOOP, jl("org.jboss.resteasy.reactive.client.impl.ClientResponseCompleteRestHandler", "handle", 12))),
        jexc("io.smallrye.mutiny.CompositeException", f"Multiple exceptions caught:\n\t[Exception 0] org.jboss.resteasy.reactive.ClientWebApplicationException: Received: '{status}' when invoking: Rest Client method: '{P}partners.{client}'", (*app, helper, jl("io.smallrye.mutiny.groups.UniAwait", "atMost", 65))),
    )


S_OCP = dict(search="preesall-billing - application errors", owner="svc_ocp", app="pw_billing")
S_FLU = dict(S_OCP, collector="fluentd", source="openshift-logging:fluentd")
S_DET = dict(S_OCP, exc="detailed")
TEAM = "billing"
DD = dict(monitor="[billing-api] ERROR logs", team=TEAM, filter="kube_namespace:preesall-billing service:billing-api status:error", format="mh-dd",
          text="billing-api logged an error ({{value}} in 5m).\n\n**logger:** {{log.attributes.loggerName}}\n**message:** {{log.attributes.message}}\n\n```\n{{log.attributes.stackTrace}}\n```")
APM = dict(monitor="billing-api error spans", team=TEAM, style="message")
BILLS = f"{P}api.BillResource"
READ = f"{P}api.MeterReadingResource"
CALC = f"{P}domain.BillCalculator"

BUGS = [
    # Unique violations on two tables behind one Panache persistAndFlush.
    Bug("mh-reading-unique", "billing-api", unique("meter_reading_meter_id_read_on_key", "Key (meter_id, read_on)=({meter}, 2026-03-0{idx}) already exists.", "insert into meter_reading (meter_id,read_on,value_m3,source,id) values (?,?,?,?,?)", rest("MeterReadingResource", "submit", 48, jv(f"{P}readings.ReadingService", "record", 61))),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_OCP), see("splunk", **S_FLU), see("datadog.log", 2, **DD)),
        classes=(1, 4), pair="mh-mandate-unique", entry="POST /readings", log="Reading rejected for meter {meter}", logger=f"{P}readings.ReadingService"),
    Bug("mh-mandate-unique", "billing-api", unique("direct_debit_mandate_account_id_key", "Key (account_id)=({id}) already exists.", "insert into direct_debit_mandate (account_id,sort_code,account_number_hash,status,id) values (?,?,?,?,?)", rest("MandateResource", "create", 39, jv(f"{P}payments.MandateService", "setUp", 52))),
        (see("sentry.error", 3), see("splunk", 2, **S_OCP), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(1, 4), pair="mh-reading-unique", entry="POST /mandates", log="Mandate set-up failed for account {id}", logger=f"{P}payments.MandateService"),
    # Java 21's helpful NPE: the same message from two places that read a missing tariff.
    Bug("mh-bill-npe-tariff", "billing-api", (jexc("java.lang.NullPointerException", 'Cannot invoke "com.preesall.billing.domain.Tariff.standingChargePence()" because "tariff" is null', rest("BillResource", "finalise", 57, jv(f"{P}billing.BillingService", "finalise", 88), jv(CALC, "standingCharge", 42))),),
        (see("sentry.error", 3), see("splunk", 2, **S_OCP), see("splunk", **S_DET), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(4,), pair="mh-estimate-npe-tariff", entry="POST /bills/{id}/finalise", log="Could not finalise bill {id}", logger=f"{P}billing.BillingService"),
    Bug("mh-estimate-npe-tariff", "billing-api", (jexc("java.lang.NullPointerException", 'Cannot invoke "com.preesall.billing.domain.Tariff.standingChargePence()" because "tariff" is null', rest("EstimateResource", "estimate", 33, jv(f"{P}estimates.EstimateService", "annualEstimate", 27))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **S_OCP), see("datadog.log", 2, **DD)),
        classes=(4, 5), pair="mh-bill-npe-tariff", entry="GET /accounts/{id}/estimate", log="Estimate failed for account {id}", logger=f"{P}estimates.EstimateService", span=3, renames={"estimate": "annualEstimate"}),
    # One parser, two exceptions.
    Bug("mh-reading-number", "billing-api", (jexc("java.lang.NumberFormatException", 'For input string: "{n},5"', rest("MeterReadingResource", "submit", 44, jv(f"{P}readings.ReadingParser", "parse", 23), jl("java.math.BigDecimal", "<init>", 588))),),
        (see("sentry.error", 3), see("splunk", 2, **S_OCP), see("datadog.log", 2, **DD)),
        classes=(4,), pair="mh-reading-date", entry="POST /readings", log="Reading rejected for meter {meter}", logger=f"{P}readings.ReadingService"),
    Bug("mh-reading-date", "billing-api", (jexc("java.time.format.DateTimeParseException", "Text '{date}' could not be parsed at index 2", rest("MeterReadingResource", "submit", 44, jv(f"{P}readings.ReadingParser", "parse", 27), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parse", 2108))),),
        (see("sentry.error", 2), see("splunk", 2, **S_OCP), see("splunk", **S_FLU), see("datadog.log", **DD)),
        classes=(4,), pair="mh-reading-number", entry="POST /readings", log="Reading rejected for meter {meter}", logger=f"{P}readings.ReadingService"),
    # One helper awaiting two partners' reactive REST clients.
    Bug("mh-payments-503", "billing-api", client_error("PaymentsClient#collect", "Service Unavailable, status code 503", rest("CollectionResource", "collectNow", 29, jv(f"{P}payments.CollectionService", "collect", 71))),
        (see("sentry.error", 3), see("splunk", 2, **S_OCP), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(9,), pair="mh-credit-503", entry="POST /accounts/{id}/collect", log="Collection failed for account {id}", logger=f"{P}payments.CollectionService"),
    Bug("mh-credit-503", "billing-api", client_error("CreditCheckClient#score", "Service Unavailable, status code 503", rest("AccountResource", "open", 52, jv(f"{P}accounts.OnboardingService", "creditCheck", 44))),
        (see("sentry.error", 2), see("splunk", 2, **S_OCP), see("splunk", **S_DET), see("datadog.log", **DD)),
        classes=(9,), pair="mh-payments-503", entry="POST /accounts", log="Onboarding failed", logger=f"{P}accounts.OnboardingService"),
    # Two different bugs under the one search, log monitor and APM monitor.
    Bug("mh-noresult-account", "billing-api", (jexc("jakarta.persistence.NoResultException", "No result found for query [from Account where supplyPointId = ?1]", rest("SwitchResource", "accept", 36, jv(f"{P}switching.SwitchService", "accept", 58), jl("io.quarkus.hibernate.orm.panache.common.runtime.CommonPanacheQueryImpl", "singleResult", 351), jl("org.hibernate.query.spi.AbstractSelectionQuery", "getSingleResult", 279))),),
        (see("sentry.error", 3), see("splunk", 2, **S_OCP), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(2,), pair="mh-lock-timeout", entry="POST /switches/{id}/accept", log="Switch {id} could not be accepted", logger=f"{P}switching.SwitchService"),
    Bug("mh-lock-timeout", "billing-api", (
        jexc("org.postgresql.util.PSQLException", "ERROR: canceling statement due to lock timeout\n  Where: while locking tuple (41,7) in relation \"ledger_entry\"", (*BLOCKING, jv(f"{P}ledger.LedgerService", "post", 66), jl("org.hibernate.internal.SessionImpl", "lock", 1034), *PG)),
        jexc("jakarta.persistence.LockTimeoutException", "could not obtain pessimistic lock [ERROR: canceling statement due to lock timeout\n  Where: while locking tuple (41,7) in relation \"ledger_entry\"] [select id from ledger_entry where id=? for no key update nowait]", (*BLOCKING, jv(f"{P}ledger.LedgerService", "post", 66), jl("org.hibernate.internal.ExceptionConverterImpl", "convert", 175)))),
        (see("sentry.error", 2), see("splunk", 3, **S_OCP), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(2,), pair="mh-noresult-account", entry="POST /ledger/postings", log="Posting failed", logger=f"{P}ledger.LedgerService"),
    # Not pairs.
    Bug("mh-uni-timeout", "billing-api", (jexc("io.smallrye.mutiny.TimeoutException", "Timeout", (*EVENT_LOOP, jv(f"{P}api.UsageResource", "lambda$usage$3", 61), jl("io.smallrye.mutiny.operators.uni.UniFailOnTimeout$UniFailOnTimeoutProcessor", "doTimeout", 85))),),
        (see("sentry.error", 3), see("splunk", 2, **S_OCP), see("datadog.log", **DD), see("datadog.apm", **APM)),
        entry="GET /accounts/{id}/usage", log="HTTP Request to /accounts/{id}/usage failed, error id: {uuid}-1", logger="io.quarkus.vertx.http.runtime.QuarkusErrorHandler"),
    Bug("mh-jsonb-lazy", "billing-api", (
        jexc("org.hibernate.LazyInitializationException", "failed to lazily initialize a collection of role: com.preesall.billing.domain.Bill.lines: could not initialize proxy - no Session", (*BLOCKING, jv(BILLS, "pdf", 71), jv(f"{P}documents.BillPdf", "render", 39), jl("org.hibernate.collection.spi.AbstractPersistentCollection", "throwLazyInitializationException", 635))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **S_OCP), see("datadog.log", **DD)),
        classes=(5,), entry="GET /bills/{id}/pdf", log="Could not render bill {id}", logger=f"{P}documents.BillPdf", span=3),
    Bug("mh-bill-stale", "billing-api", (
        jexc("org.hibernate.StaleObjectStateException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.preesall.billing.domain.Bill#{id}]", (*BLOCKING, jv(BILLS, "adjust", 84), jv(f"{P}billing.AdjustmentService", "apply", 49), *FLUSH[:3], jl("org.hibernate.engine.jdbc.batch.internal.BatchImpl", "checkRowCounts", 261))),
        jexc("jakarta.persistence.OptimisticLockException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.preesall.billing.domain.Bill#{id}]", (*BLOCKING, jv(BILLS, "adjust", 84), jv(f"{P}billing.AdjustmentService", "apply", 49), jl("org.hibernate.internal.ExceptionConverterImpl", "wrapStaleStateException", 214)))),
        (see("sentry.error", 3), see("splunk", 2, **S_OCP), see("splunk", **S_DET), see("datadog.log", 2, **DD)),
        entry="POST /bills/{id}/adjustments", log="Adjustment to bill {id} failed", logger=f"{P}billing.AdjustmentService"),
    Bug("mh-eventloop-blocked", "billing-api", (jexc("io.vertx.core.VertxException", "Thread blocked", (*EVENT_LOOP[:6], jv(f"{P}api.TariffResource", "lambda$list$1", 38), jv(f"{P}tariffs.TariffCache", "load", 55), jl("java.io.FileInputStream", "readBytes", -2))),),
        (see("splunk", 3, **S_OCP), see("datadog.log", 2, **DD)),
        entry="GET /tariffs", log="Thread Thread[vert.x-eventloop-thread-{idx},5,main] has been blocked for {ms} ms, time limit is 2000 ms", logger="io.vertx.core.impl.BlockedThreadChecker"),
    Bug("mh-singleton-scheduled", "billing-api", (jexc("java.lang.IllegalStateException", "Tariff year 2026/27 not published", (jl("java.lang.Thread", "run", 1583), jl("io.quarkus.scheduler.common.runtime.StatusEmitterInvoker", "invoke", 35), jv(f"{P}jobs.AnnualRepricing", "run", 22)),),),
        (see("sentry.error"),),
        singleton=True, entry="AnnualRepricing"),
]

NOISE = [
    Noise("mh-noise-started", "billing-api", "splunk", {**S_OCP, "line": '{"@timestamp":"{ts}","hostname":"worker-2.ocp-prod.preesall.example","kubernetes":{"container_name":"billing-api","namespace_name":"preesall-billing","pod_name":"billing-api-7d9c8b6f5-x2kqp"},"level":"info","log_type":"application","message":"{\\"timestamp\\":\\"{ts}\\",\\"loggerName\\":\\"io.quarkus\\",\\"level\\":\\"INFO\\",\\"message\\":\\"billing-api 1.19.0 on JVM (powered by Quarkus 3.8.4) started in 2.114s. Listening on: http://0.0.0.0:8080\\"}","openshift":{"cluster_id":"6b1f0c2e-94d7-4a53-b0e8-3c7a5d21f946"}}'}),
    Noise("mh-noise-rollout", "billing-api", "datadog.event", {"monitor": "billing-api rollout", "text": "Deployment preesall-billing/billing-api rolled out: 3 of 3 pods updated (image tag 1.19.1).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("mh-noise-recovered", "billing-api", "datadog.log", {**DD, "text": "[Recovered] billing-api ERROR logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

PREESALL = Company(
    key="mh",
    name="Preesall Water",
    domain="preesallwater.example",
    sentry_org="preesall-water",
    splunk_url="https://splunk.preesallwater.example:8000",
    splunk_guid="A7C30E51-9B24-4F8D-B6E0-2D91C5F84A37",
    datadog_org=("1142002", "Preesall Water"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("1.18.2", "1.19.0", "1.19.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="preesall-sentry-client-secret",
)
# fmt: on
