"""(el) Egremont Freight Exchange, a customs and haulage booking system: a Jakarta EE 10 app
on WildFly 30 (``customs-web``: JAX-RS resources on RESTEasy calling stateless EJBs, JPA with
Hibernate 6 over PostgreSQL) and its JMS message-driven beans on the embedded ActiveMQ Artemis
(``customs-mdb``, the same EAR on two other hosts: declarations, tariff refreshes).

WildFly writes ``standalone/log/server.log`` in its default pattern (``logs46.el-wildfly-server``:
``[category] (thread)`` then the ``Caused by:`` chain), read by Splunk's universal forwarder;
the errors come from WildFly's own categories (``org.jboss.as.ejb3.invocation`` WFLYEJB0034,
``org.jboss.resteasy.resteasy_jaxrs.i18n`` RESTEASY002375, ``org.apache.activemq.artemis.ra``)
rather than the app's. Sentry: sentry-jul on the server's root logger. Datadog: log monitors
over the same file and APM through dd-java-agent. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.jul", "7.14.0", "maven:io.sentry:sentry-jul")
SERVICES = {
    "customs-web": Service("customs-web", "java", "el-wildfly-server", "wildfly:server", "/opt/wildfly/standalone/log/server.log", "el_wildfly", 6120441, "OpenJDK 17.0.12", framework="generic", sdk=SDK),
    "customs-mdb": Service("customs-mdb", "java", "el-wildfly-server", "wildfly:server", "/opt/wildfly/standalone/log/server.log", "el_wildfly", 6120442, "OpenJDK 17.0.12", framework="generic", sdk=SDK),
}
UNDERTOW = (
    jl("java.lang.Thread", "run", 840),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1513),
    jl("io.undertow.server.HttpServerExchange$1", "run", 859),
    jl("io.undertow.servlet.handlers.ServletInitialHandler$1", "handleRequest", 104),
    jl("io.undertow.servlet.handlers.ServletHandler", "handleRequest", 74),
    jl("jakarta.servlet.http.HttpServlet", "service", 614),
    jl("org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher", "service", 50),
    jl("org.jboss.resteasy.core.SynchronousDispatcher", "invoke", 395),
    jl("org.jboss.resteasy.core.ResourceMethodInvoker", "invoke", 493),
    jl("org.jboss.resteasy.core.MethodInjectorImpl", "invoke", 154),
    jl("java.lang.reflect.Method", "invoke", 568),
)
EJB_PROXY = (
    jl("org.jboss.as.ee.component.ProxyInvocationHandler", "invoke", 81),
    jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "processInvocation", 244),
    jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "required", 417),
    jl("org.jboss.invocation.InterceptorContext", "proceed", 422),
)
MDB = (
    jl("java.lang.Thread", "run", 840),
    jl("org.apache.activemq.artemis.core.client.impl.ClientConsumerImpl$Runner", "run", 1139),
    jl("org.apache.activemq.artemis.ra.inflow.ActiveMQMessageHandler", "onMessage", 321),
    jl("org.jboss.as.ejb3.inflow.MessageEndpointInvocationHandler", "doInvoke", 139),
    jl("java.lang.reflect.Method", "invoke", 568),
)
HIB_FLUSH = (
    jl("org.hibernate.internal.SessionImpl", "flush", 1393),
    jl("org.hibernate.engine.jdbc.batch.internal.BatchImpl", "execute", 218),
    jl("org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "convert", 56),
)
PG_UPDATE = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 371),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
RESTEASY = dict(log="RESTEASY002375: Error processing request {path}", logger="org.jboss.resteasy.resteasy_jaxrs.i18n")
LOGMON = dict(team="customs", monitor="[customs] server.log errors", filter="service:customs-web status:error", style="sample")
LOGKIND = dict(team="customs", monitor="[customs] error kinds", filter="service:customs-* status:error", style="kind")
APM = dict(team="customs", monitor="[customs] error spans on jakarta_rs.request", style="type")
MDBMON = dict(team="customs", monitor="[customs] MDB redeliveries", filter="service:customs-mdb status:error", style="sample")


def r(cls: str, method: str, line: int) -> Frame:
    return jv("uk.egremont.customs." + cls, method, line)


def web(resource: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*UNDERTOW, r(f"api.{resource}", method, line), *more)


def ejb(bean: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*EJB_PROXY, r(f"service.{bean}", method, line))


def mdb(bean: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*MDB, r(f"mdb.{bean}", "onMessage", line), *more)


def ejb_failed(bean: str, method: str) -> dict[str, str]:
    return dict(log=f"WFLYEJB0034: Jakarta Enterprise Beans Invocation failed on component {bean} for method {method}", logger="org.jboss.as.ejb3.invocation")


def constraint(app: tuple[Frame, ...], name: str, detail: str) -> tuple[Exc, ...]:
    return (
        jexc("org.postgresql.util.PSQLException", f'ERROR: duplicate key value violates unique constraint "{name}"\n  Detail: {detail}', PG_UPDATE),
        jexc("org.hibernate.exception.ConstraintViolationException", f'could not execute statement [ERROR: duplicate key value violates unique constraint "{name}"\n  Detail: {detail}]', HIB_FLUSH),
        jexc("jakarta.persistence.PersistenceException", f"org.hibernate.exception.ConstraintViolationException: could not execute statement [ERROR: duplicate key value violates unique constraint \"{name}\"]", (*app, jl("org.hibernate.internal.ExceptionConverterImpl", "convert", 165))),
        jexc("jakarta.ejb.EJBTransactionRolledbackException", "Transaction rolled back", (*app, jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "handleEndTransactionException", 134))),
    )


NPE_DECL = "Cannot invoke \"uk.egremont.customs.model.Consignor.getEori()\" because the return value of \"uk.egremont.customs.model.Declaration.getConsignor()\" is null"
BUGS = [
    # Duplicate declaration reference vs. duplicate consignment number: same flush, different tables.
    Bug("el-declaration-ref-unique", "customs-web", constraint((*web("DeclarationResource", "submit", 71), *ejb("DeclarationService", "submit", 112)), "uk_declaration_lrn", "Key (lrn)=(EGR{n}A{ref}) already exists."),
        (see("sentry.error", 3), see("splunk", 2, search="customs - server.log errors"), see("datadog.log", **LOGKIND)),
        classes=(4, 1), pair="el-consignment-unique", entry="POST /api/declarations", span=2, **ejb_failed("DeclarationService", "public uk.egremont.customs.model.Declaration uk.egremont.customs.service.DeclarationService.submit(uk.egremont.customs.api.dto.DeclarationRequest)")),
    Bug("el-consignment-unique", "customs-web", constraint((*web("ConsignmentResource", "create", 48), *ejb("ConsignmentService", "create", 66)), "uk_consignment_number", "Key (consignment_number)=(GB{n}{ref}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, search="customs - server.log errors"), see("datadog.log", **LOGKIND)),
        classes=(4,), pair="el-declaration-ref-unique", entry="POST /api/consignments", **ejb_failed("ConsignmentService", "public uk.egremont.customs.model.Consignment uk.egremont.customs.service.ConsignmentService.create(uk.egremont.customs.api.dto.ConsignmentRequest)")),
    # The same NPE text from the declaration getter, in the REST resource vs. the MDB.
    Bug("el-declaration-npe-web", "customs-web", (jexc("java.lang.NullPointerException", NPE_DECL, web("DeclarationResource", "summary", 93, r("service.DeclarationMapper", "toSummary", 37))),),
        (see("sentry.error", 3), see("splunk", 2, search="customs - server.log errors"), see("datadog.apm", **APM)),
        classes=(4, 5), pair="el-declaration-npe-mdb", entry="GET /api/declarations/{id}/summary", span=2, **RESTEASY),
    Bug("el-declaration-npe-mdb", "customs-mdb", (jexc("java.lang.NullPointerException", NPE_DECL, mdb("DeclarationLodgedListener", 52, r("service.HmrcSubmission", "buildPayload", 84))),),
        (see("sentry.error", 2), see("splunk", 3, search="customs - mdb failures"), see("datadog.log", **MDBMON)),
        classes=(4,), pair="el-declaration-npe-web", entry="DeclarationLodgedListener", log="AMQ154004: Failed to deliver message", logger="org.apache.activemq.artemis.ra"),
    # The HMRC gateway: a read timeout and a 401 from the same JAX-RS client call.
    Bug("el-hmrc-timeout", "customs-mdb", (jexc("java.net.SocketTimeoutException", "Read timed out", (jl("java.net.SocketInputStream", "read", 166),)), jexc("jakarta.ws.rs.ProcessingException", "RESTEASY004655: Unable to invoke request: java.net.SocketTimeoutException: Read timed out", mdb("DeclarationLodgedListener", 58, r("gateway.HmrcClient", "lodge", 41), jl("org.jboss.resteasy.client.jaxrs.internal.ClientInvocation", "invoke", 512)))),
        (see("sentry.error", 3), see("splunk", 2, search="customs - mdb failures"), see("datadog.log", 2, **MDBMON)),
        classes=(9,), pair="el-hmrc-unauthorized", entry="DeclarationLodgedListener", span=2, log="AMQ154004: Failed to deliver message", logger="org.apache.activemq.artemis.ra"),
    Bug("el-hmrc-unauthorized", "customs-mdb", (jexc("jakarta.ws.rs.NotAuthorizedException", "HTTP 401 Unauthorized", mdb("DeclarationLodgedListener", 58, r("gateway.HmrcClient", "lodge", 44), jl("org.jboss.resteasy.client.jaxrs.internal.ClientInvocation", "handleErrorStatus", 287))),),
        (see("sentry.error", 2), see("splunk", 2, search="customs - mdb failures"), see("sentry.issue")),
        classes=(9,), pair="el-hmrc-timeout", entry="DeclarationLodgedListener", log="AMQ154004: Failed to deliver message", logger="org.apache.activemq.artemis.ra"),
    # Tariff refresh: NumberFormatException vs. DateTimeParseException in the same CSV row parser.
    Bug("el-tariff-number", "customs-mdb", (jexc("java.lang.NumberFormatException", 'For input string: "{ref}"', mdb("TariffRefreshListener", 39, r("tariff.TariffCsvParser", "parseRow", 77), jl("java.math.BigDecimal", "<init>", 524))),),
        (see("sentry.error", 2), see("splunk", 2, search="customs - mdb failures"), see("datadog.log", **LOGKIND)),
        classes=(5,), pair="el-tariff-date", entry="TariffRefreshListener", log="AMQ154004: Failed to deliver message", logger="org.apache.activemq.artemis.ra"),
    Bug("el-tariff-date", "customs-mdb", (jexc("java.time.format.DateTimeParseException", "Text '{date}T00:00' could not be parsed at index 10", mdb("TariffRefreshListener", 39, r("tariff.TariffCsvParser", "parseRow", 81), jl("java.time.LocalDate", "parse", 430))),),
        (see("sentry.error", 2), see("splunk", 2, search="customs - mdb failures")),
        classes=(5,), pair="el-tariff-number", entry="TariffRefreshListener", log="AMQ154004: Failed to deliver message", logger="org.apache.activemq.artemis.ra"),
    # Optimistic locking on the consignment status, across a renamed resource method.
    Bug("el-consignment-optimistic", "customs-web", (jexc("org.hibernate.StaleObjectStateException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect): [uk.egremont.customs.model.Consignment#{n}]", HIB_FLUSH), jexc("jakarta.persistence.OptimisticLockException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [uk.egremont.customs.model.Consignment#{n}]", (*web("ConsignmentResource", "updateStatus", 102), *ejb("ConsignmentService", "changeStatus", 140)))),
        (see("sentry.error", 3), see("splunk", 3, search="customs - server.log errors"), see("datadog.apm", **APM)),
        classes=(1, 5), span=3, renames={"updateStatus": "patchStatus"}, entry="PUT /api/consignments/{id}/status", **ejb_failed("ConsignmentService", "public void uk.egremont.customs.service.ConsignmentService.changeStatus(long,uk.egremont.customs.model.Status)")),
    # The datasource pool exhausted: IronJacamar's wording.
    Bug("el-pool-exhausted", "customs-web", (jexc("jakarta.resource.ResourceException", "IJ000453: Unable to get managed connection for java:jboss/datasources/CustomsDS", (jl("org.jboss.jca.core.connectionmanager.AbstractConnectionManager", "getManagedConnection", 690),)), jexc("java.sql.SQLException", "jakarta.resource.ResourceException: IJ000453: Unable to get managed connection for java:jboss/datasources/CustomsDS", (*web("SearchResource", "search", 33), *ejb("SearchService", "search", 58), jl("org.jboss.jca.adapters.jdbc.WrapperDataSource", "getConnection", 159)))),
        (see("sentry.error", 3), see("splunk", 2, search="customs - server.log errors"), see("datadog.log", 2, **LOGMON), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /api/search", span=2, **RESTEASY),
    # Bean Validation rejecting a declaration line: the constraint message changes with the item.
    Bug("el-commodity-validation", "customs-web", (jexc("jakarta.validation.ConstraintViolationException", "submit.arg0.items[{idx}].commodityCode: must match \"\\d{10}\"", (*web("DeclarationResource", "submit", 71), jl("org.hibernate.validator.internal.engine.ValidatorImpl", "validateParameters", 303))),),
        (see("sentry.error", 2), see("splunk", 2, search="customs - server.log errors"), see("datadog.log", **LOGMON)),
        classes=(5,), entry="POST /api/declarations", **RESTEASY),
    # A transaction timeout reaper message: Narayana's ARJUNA012117 with the EJB's rollback.
    Bug("el-tx-timeout", "customs-mdb", (jexc("jakarta.ejb.EJBTransactionRolledbackException", "Transaction rolled back", mdb("TariffRefreshListener", 45, r("tariff.TariffImporter", "importAll", 96))),),
        (see("sentry.error", 2), see("splunk", 2, search="customs - mdb failures"), see("datadog.log", **MDBMON)),
        classes=(8,), entry="TariffRefreshListener", **ejb_failed("TariffImporter", "public void uk.egremont.customs.tariff.TariffImporter.importAll(java.util.List)")),
    # One lookup, two exceptions: a missing row vs. two rows for the same EORI number.
    Bug("el-trader-no-result", "customs-web", (jexc("jakarta.persistence.NoResultException", "No result found for query [SELECT t FROM Trader t WHERE t.eori = :eori]", (*web("TraderResource", "byEori", 36), *ejb("TraderService", "findByEori", 44), jl("org.hibernate.query.spi.AbstractSelectionQuery", "getSingleResult", 285))), jexc("jakarta.ejb.EJBException", "jakarta.persistence.NoResultException: No result found for query [SELECT t FROM Trader t WHERE t.eori = :eori]", (*web("TraderResource", "byEori", 36), jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "invokeInOurTx", 267)))),
        (see("sentry.error", 3), see("splunk", 2, search="customs - server.log errors"), see("datadog.log", **LOGMON)),
        classes=(4,), pair="el-trader-non-unique", entry="GET /api/traders/{id}", span=2, **ejb_failed("TraderService", "public uk.egremont.customs.model.Trader uk.egremont.customs.service.TraderService.findByEori(java.lang.String)")),
    Bug("el-trader-non-unique", "customs-web", (jexc("jakarta.persistence.NonUniqueResultException", "Query did not return a unique result: 2 results were returned", (*web("TraderResource", "byEori", 36), *ejb("TraderService", "findByEori", 44), jl("org.hibernate.query.spi.AbstractSelectionQuery", "getSingleResult", 289))), jexc("jakarta.ejb.EJBException", "jakarta.persistence.NonUniqueResultException: Query did not return a unique result: 2 results were returned", (*web("TraderResource", "byEori", 36), jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "invokeInOurTx", 267)))),
        (see("sentry.error", 2), see("splunk", 2, search="customs - server.log errors"), see("datadog.log", **LOGMON)),
        classes=(4,), pair="el-trader-no-result", entry="GET /api/traders/{id}", **ejb_failed("TraderService", "public uk.egremont.customs.model.Trader uk.egremont.customs.service.TraderService.findByEori(java.lang.String)")),
    # A singleton: a ClassCastException after a hot redeploy.
    Bug("el-redeploy-cce", "customs-web", (jexc("java.lang.ClassCastException", "class uk.egremont.customs.model.Declaration cannot be cast to class uk.egremont.customs.model.Declaration (uk.egremont.customs.model.Declaration is in unnamed module of loader 'deployment.customs.ear' @5b6e8f77; uk.egremont.customs.model.Declaration is in unnamed module of loader 'deployment.customs.ear' @1f0b3a2c)", web("DeclarationResource", "summary", 89)),),
        (see("sentry.error"),), singleton=True, entry="GET /api/declarations/{id}/summary", **RESTEASY),
    # Undertow's slow-request warnings as template lines.
    Bug("el-stuck-threads", "customs-web", (),
        (see("splunk", 3, search="customs - server.log warnings", line="{gts},{ms} WARN  [io.undertow.request] (default task-{n}) UT005071: Undertow request failed HttpServerExchange{ GET /api/search }"), see("datadog.log", 2, team="customs", monitor="[customs] Undertow request failures", filter="service:customs-web @logger.name:io.undertow.request", text="UT005071: Undertow request failed HttpServerExchange{ GET /api/search }")),
        classes=(7,)),
]

NOISE = [
    Noise("el-noise-deployed", "customs-web", "splunk", {"search": "customs - server.log errors", "line": '2026-03-02 04:01:46,551 INFO  [org.jboss.as.server] (ServerService Thread Pool -- 78) WFLYSRV0010: Deployed "customs.ear" (runtime-name : "customs.ear")'}),
    Noise("el-noise-started", "customs-web", "datadog.event", {"monitor": "WildFly customs-web restarted", "text": "WFLYSRV0025: WildFly Full 30.0.1.Final (WildFly Core 22.0.2.Final) started in 14213ms - Started 812 of 1044 services", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("el-noise-recovered", "customs-mdb", "datadog.event", {"monitor": "[customs] MDB redeliveries", "text": "Recovered: [customs] MDB redeliveries on service:customs-mdb", "priority": "P3", "event_type": "event_alert", "alert_type": "success"}),
]

EGREMONT = Company(
    key="el",
    name="Egremont Freight Exchange",
    domain="egremont.example",
    sentry_org="egremont-freight",
    splunk_url="https://egremont.splunkcloud.com",
    splunk_guid="A94D2E01-7C3B-4B58-8F1A-6D0C9E2B7F45",
    datadog_org=("803317", "Egremont Freight Exchange"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("4.8.0", "4.8.3", "4.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
)
# fmt: on
