"""(ae) Thornquay, customs brokerage: a Jakarta EE 10 application on WildFly 31 (``customs``:
RESTEasy resources calling stateless EJBs through Weld and EJB proxies, JPA on Hibernate 6,
EJB timers) and an Apache Camel 4 integration deployed on the same server (``gateway``:
EDIFACT files from the ports' SFTP, JMS on Artemis to the ERP, the carriers' REST APIs, the
transit system's SOAP service through a ``ProducerTemplate`` called from the EJBs).

Sentry (sentry-java's JUL handler on the server's root logger) sees what the server logs at
ERROR; Splunk indexes ``server.log`` (JBoss Modules prefixes in every frame, Camel's
exhausted-delivery report with its message history); Datadog posts the team's camelCase
template (``thornquay``) with the markdown body.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.jul", "7.6.0", "maven:io.sentry:sentry-jul")
SERVICES = {
    "customs": Service("customs", "java", "wildfly", "thornquay:wildfly", "/opt/jboss/wildfly/standalone/log/server.log", "tq_prod", 6620013, "OpenJDK 17.0.10", framework="jul", sdk=SDK),
    "gateway": Service("gateway", "java", "camel-exhausted", "thornquay:wildfly", "/opt/jboss/wildfly/standalone/log/server.log", "tq_prod", 6620016, "OpenJDK 17.0.10", framework="jul", sdk=SDK),
}


def proxy(cls: str, method: str) -> Frame:
    """A generated proxy class (Weld's client proxy, an EJB view): no source file."""
    return Frame(method, "", -1, cls, False)


def c(cls: str, method: str, line: int) -> Frame:
    return jv("com.thornquay.customs." + cls, method, line)


def g(cls: str, method: str, line: int) -> Frame:
    return jv("com.thornquay.gateway." + cls, method, line)


# Undertow's worker thread down to RESTEasy invoking the resource method.
REST = (
    jl("java.lang.Thread", "run", 840),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1513),
    jl("io.undertow.server.HttpServerExchange$1", "run", 1877),
    jl("io.undertow.servlet.handlers.ServletInitialHandler", "handleFirstRequest", 257),
    jl("io.undertow.servlet.handlers.ServletHandler", "handleRequest", 74),
    jl("jakarta.servlet.http.HttpServlet", "service", 614),
    jl("org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher", "service", 56),
    jl("org.jboss.resteasy.core.SynchronousDispatcher", "invoke", 470),
    jl("org.jboss.resteasy.core.ResourceMethodInvoker", "invoke", 395),
    jl("org.jboss.resteasy.core.MethodInjectorImpl", "invoke", 161),
    jl("java.lang.reflect.Method", "invoke", 568),
)
# A stateless EJB's view through the container's interceptors to the bean's method.
EJB = (
    jl("org.jboss.as.ee.component.ProxyInvocationHandler", "invoke", 81),
    jl("org.jboss.invocation.InterceptorContext", "proceed", 422),
    jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "invokeInOurTx", 258),
    jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "required", 385),
    jl("org.jboss.invocation.InterceptorContext", "proceed", 422),
    jl("org.jboss.weld.module.ejb.AbstractEJBRequestScopeActivationInterceptor", "aroundInvoke", 81),
    jl("org.jboss.as.ee.component.ManagedReferenceMethodInterceptor", "processInvocation", 52),
    jl("java.lang.reflect.Method", "invoke", 568),
)
# An EJB timer firing (the thread is ``EJB default - n``).
TIMER = (
    jl("java.lang.Thread", "run", 840),
    jl("org.jboss.as.ejb3.timerservice.TimerTask", "run", 129),
    jl("org.jboss.as.ejb3.timerservice.CalendarTimerTask", "invokeBeanMethod", 66),
    jl("org.jboss.as.ejb3.component.stateless.StatelessSessionComponent", "invokeTimeoutMethod", 145),
    *EJB,
)
# Camel 4's reactive executor running a route's processors on a consumer thread.
CAMEL = (
    jl("java.lang.Thread", "run", 840),
    jv("org.apache.camel.component.jms.DefaultJmsMessageListenerContainer$1", "run", 1396, lib=True),
    jv("org.apache.camel.component.jms.EndpointMessageListener", "onMessage", 130, lib=True),
    jv("org.apache.camel.impl.engine.DefaultReactiveExecutor$Worker", "schedule", 199, lib=True),
    jv("org.apache.camel.processor.errorhandler.RedeliveryErrorHandler$SimpleTask", "run", 471, lib=True),
    jv("org.apache.camel.processor.SendProcessor", "process", 191, lib=True),
)
CAMEL_TIMER = (
    jl("java.lang.Thread", "run", 840),
    jv("org.apache.camel.component.timer.TimerConsumer$1", "run", 81, lib=True),
    jv("org.apache.camel.impl.engine.DefaultReactiveExecutor$Worker", "schedule", 199, lib=True),
    jv("org.apache.camel.processor.errorhandler.RedeliveryErrorHandler$SimpleTask", "run", 471, lib=True),
)
CAMEL_FILE = (
    jl("java.lang.Thread", "run", 840),
    jv("org.apache.camel.support.ScheduledPollConsumer", "run", 204, lib=True),
    jv("org.apache.camel.component.file.GenericFileConsumer", "processExchange", 426, lib=True),
    jv("org.apache.camel.impl.engine.DefaultReactiveExecutor$Worker", "schedule", 199, lib=True),
    jv("org.apache.camel.processor.errorhandler.RedeliveryErrorHandler$SimpleTask", "run", 471, lib=True),
    jv("org.apache.camel.support.processor.DelegateSyncProcessor", "process", 65, lib=True),
    jv("org.apache.camel.component.bean.BeanProcessor", "process", 81, lib=True),
    jl("java.lang.reflect.Method", "invoke", 568),
)
HC5_CONNECT = (
    jv("org.apache.camel.component.http.HttpProducer", "process", 240, lib=True),
    jv("org.apache.hc.client5.http.impl.classic.CloseableHttpClient", "execute", 106, lib=True),
    jv("org.apache.hc.client5.http.impl.classic.ConnectExec", "execute", 188, lib=True),
    jv("org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator", "connect", 188, lib=True),
    jl("java.net.Socket", "connect", 751),
    jl("sun.nio.ch.NioSocketImpl", "connect", 592),
    jl("sun.nio.ch.Net", "pollConnectNow", -2),
)
PRODUCER = (
    jv("org.apache.camel.impl.engine.DefaultProducerTemplate", "requestBody", 371, lib=True),
    jv("org.apache.camel.impl.engine.DefaultProducerTemplate", "extractResultBody", 563, lib=True),
    jv("org.apache.camel.support.ObjectHelper", "wrapCamelExecutionException", 1097, lib=True),
)

EJB_FAIL = "WFLYEJB0034: Jakarta Enterprise Beans Invocation failed on component {bean} for method {sig}: "
UNDERTOW = dict(log="UT005023: Exception handling request to {path}: ", logger="io.undertow.request")
TQ = dict(team="customs-platform")
DECL_SIG = "public com.thornquay.customs.api.dto.SubmissionReceipt com.thornquay.customs.service.DeclarationService.submit(com.thornquay.customs.api.dto.DeclarationDto)"


def ejb_log(bean: str, sig: str) -> dict[str, str]:
    return dict(log=EJB_FAIL.replace("{bean}", bean).replace("{sig}", sig), logger="org.jboss.as.ejb3.invocation")


def steps(*nodes: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return nodes


NPE_EORI = 'Cannot invoke "com.thornquay.customs.domain.Party.getEori()" because the return value of "com.thornquay.customs.domain.Declaration.getConsignee()" is null'
REFUSED = "Connect to {url} [{host}/{ip}] failed: Connection refused"
CAMEL_EXEC = "Exception occurred during execution on the exchange: Exchange[{hex}]"
BUGS = [
    # The consignee left empty by a broker's draft: two services read it, at two places.
    Bug("tq-submit-consignee-npe", "customs", (jexc("java.lang.NullPointerException", NPE_EORI, (*REST, proxy("com.thornquay.customs.api.DeclarationResource$Proxy$_$$_WeldClientProxy", "submit"), c("api.DeclarationResource", "submit", 71), proxy("com.thornquay.customs.service.DeclarationService$$$view4", "submit"), *EJB, c("service.DeclarationService", "submit", 118), c("service.mapping.PartyMapper", "consigneeBlock", 42))), jexc("jakarta.ejb.EJBException", "java.lang.NullPointerException: " + NPE_EORI, (*REST, proxy("com.thornquay.customs.api.DeclarationResource$Proxy$_$$_WeldClientProxy", "submit"), c("api.DeclarationResource", "submit", 71), proxy("com.thornquay.customs.service.DeclarationService$$$view4", "submit"), jl("org.jboss.as.ee.component.ProxyInvocationHandler", "invoke", 81), jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "invokeInOurTx", 276), jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "handleExceptionInOurTx", 195)))),
        (see("sentry.error", 3), see("splunk", 2), see("splunk", format="wildfly", **UNDERTOW), see("datadog.log", **TQ, monitor="customs EJB failures", filter="service:customs @logger.name:org.jboss.as.ejb3.invocation", style="stack", lines=8), see("datadog.apm", **TQ, style="route", monitor="customs API 5xx rate")),
        classes=(1, 4), pair="tq-amend-consignee-npe", entry="POST /customs/api/declarations/{declaration_id}/submit", **ejb_log("DeclarationService", DECL_SIG)),
    Bug("tq-amend-consignee-npe", "customs", (jexc("java.lang.NullPointerException", NPE_EORI, (*REST, proxy("com.thornquay.customs.api.AmendmentResource$Proxy$_$$_WeldClientProxy", "amend"), c("api.AmendmentResource", "amend", 55), proxy("com.thornquay.customs.service.AmendmentService$$$view9", "amend"), *EJB, c("service.AmendmentService", "amend", 64), c("service.diff.DeclarationDiff", "parties", 97))), jexc("jakarta.ejb.EJBException", "java.lang.NullPointerException: " + NPE_EORI, (*REST, proxy("com.thornquay.customs.api.AmendmentResource$Proxy$_$$_WeldClientProxy", "amend"), c("api.AmendmentResource", "amend", 55), proxy("com.thornquay.customs.service.AmendmentService$$$view9", "amend"), jl("org.jboss.as.ee.component.ProxyInvocationHandler", "invoke", 81), jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "invokeInOurTx", 276), jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "handleExceptionInOurTx", 195)))),
        (see("sentry.error", 2), see("sentry.error", in_app="none"), see("splunk", 2), see("datadog.log", **TQ, monitor="customs EJB failures", filter="service:customs @logger.name:org.jboss.as.ejb3.invocation", style="stack", lines=8)),
        classes=(4,), pair="tq-submit-consignee-npe", entry="PUT /customs/api/declarations/{declaration_id}/amendment", **ejb_log("AmendmentService", "public com.thornquay.customs.api.dto.AmendmentResult com.thornquay.customs.service.AmendmentService.amend(long,com.thornquay.customs.api.dto.AmendmentDto)")),
    # Two Camel routes whose HTTP endpoints refuse connections: the ERP and a carrier.
    Bug("tq-erp-refused", "gateway", (jexc("org.apache.hc.client5.http.HttpHostConnectException", REFUSED.replace("{url}", "http://erp.thornquay.internal:8080").replace("{host}", "erp.thornquay.internal"), (*CAMEL, *HC5_CONNECT)),),
        (see("splunk", 2, route="erp-export", thread="Camel (camel-1) thread #{idx} - JmsConsumer[customs.cleared]", steps=steps(("erp-export", "from[jms://queue:customs.cleared]"), ("marshal1", "marshal[json]"), ("setHeader1", "setHeader[CamelHttpMethod]"), ("to3", "http://erp.thornquay.internal:8080/api/v2/clearances"))), see("sentry.error", 3), see("datadog.log", 2, **TQ, monitor="gateway delivery exhausted", filter="service:gateway \"Exhausted after delivery attempt\"", style="sample", thread="Camel (camel-1) thread #{idx} - JmsConsumer[customs.cleared]"), see("splunk", 2, search="gateway - exhausted deliveries by route", stats={"route": "erp-export", "caught": "org.apache.hc.client5.http.HttpHostConnectException", "count": "{n}", "first_seen": "{gts}"})),
        classes=(2, 4), pair="tq-carrier-refused", entry="erp-export", log="Failed delivery for (MessageId: {hex} on ExchangeId: {hex}). Exhausted after delivery attempt: 1 caught: org.apache.hc.client5.http.HttpHostConnectException", logger="org.apache.camel.processor.errorhandler.DefaultErrorHandler"),
    Bug("tq-carrier-refused", "gateway", (jexc("org.apache.hc.client5.http.HttpHostConnectException", REFUSED.replace("{url}", "https://api.northsea-lines.example:443").replace("{host}", "api.northsea-lines.example"), (*CAMEL_TIMER, jv("org.apache.camel.processor.SendProcessor", "process", 191, lib=True), *HC5_CONNECT)),),
        (see("splunk", 3, route="carrier-status", thread="Camel (camel-1) thread #{idx} - timer://carrier-poll", steps=steps(("carrier-status", "from[timer://carrier-poll?period=300000]"), ("bean2", "bean[carrierQuery]"), ("to7", "https://api.northsea-lines.example/v1/containers/status"))), see("sentry.error", 2), see("datadog.log", **TQ, monitor="gateway delivery exhausted", filter="service:gateway \"Exhausted after delivery attempt\"", style="sample", thread="Camel (camel-1) thread #{idx} - timer://carrier-poll")),
        classes=(2,), pair="tq-erp-refused", entry="carrier-status", log="Failed delivery for (MessageId: {hex} on ExchangeId: {hex}). Exhausted after delivery attempt: 1 caught: org.apache.hc.client5.http.HttpHostConnectException", logger="org.apache.camel.processor.errorhandler.DefaultErrorHandler"),
    # A comma decimal: in an EDIFACT file from one port, and in a tariff CSV upload.
    Bug("tq-edi-comma-decimal", "gateway", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}0"', (*CAMEL_FILE, g("edifact.CuscarMapper", "toManifest", 88), g("edifact.Segments", "decimal", 31), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("splunk", 3, route="edi-inbound", thread="Camel (camel-1) thread #{idx} - sftp://edi@ports.thornquay.example/inbound", steps=steps(("edi-inbound", "from[sftp://edi@ports.thornquay.example/inbound]"), ("convertBodyTo1", "convertBodyTo[java.lang.String]"), ("bean1", "bean[com.thornquay.gateway.edifact.CuscarMapper]"))), see("sentry.error", 2), see("sentry.issue")),
        classes=(2,), pair="tq-tariff-comma-decimal", entry="edi-inbound", log="Failed delivery for (MessageId: {hex} on ExchangeId: {hex}). Exhausted after delivery attempt: 3 caught: java.lang.NumberFormatException", logger="org.apache.camel.processor.errorhandler.DefaultErrorHandler"),
    Bug("tq-tariff-comma-decimal", "customs", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}0"', (*REST, proxy("com.thornquay.customs.api.TariffResource$Proxy$_$$_WeldClientProxy", "upload"), c("api.TariffResource", "upload", 39), c("tariff.TariffCsvReader", "read", 73), jl("java.math.BigDecimal", "<init>", 914), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.apm", **TQ, style="type", monitor="customs error spans by type"), see("splunk", 2, format="wildfly", **UNDERTOW)),
        classes=(2,), pair="tq-edi-comma-decimal", entry="POST /customs/api/tariffs/upload", **UNDERTOW),
    # ProducerTemplate calls from EJBs: Camel wraps two different causes in the same words.
    Bug("tq-haulier-artemis-down", "customs", (jexc("org.apache.activemq.artemis.api.core.ActiveMQNotConnectedException", "AMQ219006: Failed to connect to any static connectors", (jv("org.apache.activemq.artemis.core.client.impl.ServerLocatorImpl", "createSessionFactory", 712, lib=True),)), jexc("jakarta.jms.JMSException", "Failed to create session factory", (jv("org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory", "createConnectionInternal", 886, lib=True), jv("org.apache.camel.component.jms.JmsProducer", "processInOnly", 440, lib=True))), jexc("org.apache.camel.CamelExecutionException", CAMEL_EXEC, (*REST, proxy("com.thornquay.customs.service.ClearanceService$$$view2", "release"), *EJB, c("service.ClearanceService", "release", 93), c("integration.HaulierNotifier", "notifyRelease", 27), *PRODUCER))),
        (see("sentry.error", 3), see("splunk", 2, root_only=True, half=True), see("datadog.log", **TQ, monitor="customs EJB failures", filter="service:customs @logger.name:org.jboss.as.ejb3.invocation", style="stack", lines=6, half=True)),
        classes=(4, 10), pair="tq-ncts-soap-fault", entry="POST /customs/api/clearances/{clearance_id}/release", log="Release of clearance {id} failed, root cause: org.apache.activemq.artemis.api.core.ActiveMQNotConnectedException: AMQ219006: Failed to connect to any static connectors", logger="com.thornquay.customs.service.ClearanceService"),
    Bug("tq-ncts-soap-fault", "customs", (jexc("org.apache.cxf.binding.soap.SoapFault", "Invalid MRN format: 26GB{offset}", (jv("org.apache.cxf.binding.soap.interceptor.Soap11FaultInInterceptor", "unmarshalFault", 86, lib=True), jv("org.apache.cxf.phase.PhaseInterceptorChain", "doIntercept", 307, lib=True))), jexc("org.apache.camel.CamelExecutionException", CAMEL_EXEC, (*REST, proxy("com.thornquay.customs.service.TransitService$$$view6", "declareTransit"), *EJB, c("service.TransitService", "declareTransit", 140), c("integration.NctsClient", "submitIE015", 58), *PRODUCER))),
        (see("sentry.error", 3), see("splunk", 3, format="wildfly"), see("sentry.issue")),
        classes=(4,), pair="tq-haulier-artemis-down", entry="POST /customs/api/transits", log="Transit declaration {id} rejected by NCTS", logger="com.thornquay.customs.service.TransitService"),
    # A nightly sweeper racing brokers' edits; over two releases its method was renamed.
    Bug("tq-sweeper-stale", "customs", (jexc("org.hibernate.StaleObjectStateException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.thornquay.customs.domain.Declaration#{id}]", (*TIMER, c("timer.ReleaseSweeper", "sweep", 47), c("timer.ReleaseSweeper", "expire", 66), jl("org.hibernate.internal.SessionImpl", "flush", 1339), jl("org.hibernate.event.internal.DefaultFlushEventListener", "onFlush", 39), jl("org.hibernate.persister.entity.AbstractEntityPersister", "check", 2561))), jexc("jakarta.persistence.OptimisticLockException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [com.thornquay.customs.domain.Declaration#{id}]", (*TIMER, c("timer.ReleaseSweeper", "sweep", 47), c("timer.ReleaseSweeper", "expire", 66), jl("org.hibernate.internal.ExceptionConverterImpl", "convert", 152))), jexc("jakarta.ejb.EJBTransactionRolledbackException", "Transaction rolled back", (*TIMER[:4], jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "handleEndTransactionException", 132)))),
        (see("sentry.error", 3), see("sentry.alert", rule="customs: new issue in timers"), see("splunk", 2, thread="EJB default - {idx}"), see("datadog.log", **TQ, monitor="customs EJB failures", filter="service:customs @logger.name:org.jboss.as.ejb3.invocation", style="kind")),
        classes=(2, 5), span=2, renames={"expire": "expireStale"}, entry="ReleaseSweeper.sweep", **ejb_log("ReleaseSweeper", "public void com.thornquay.customs.timer.ReleaseSweeper.sweep(jakarta.ejb.Timer)")),
    # The nightly manifest import outliving the transaction timeout (Narayana's reaper).
    Bug("tq-manifest-tx-timeout", "customs", (jexc("java.lang.IllegalStateException", "ARJUNA016102: The transaction is not active! Uid is 0:ffff0a2a0c17:-3b9e7a11:65f1c2d3:{n}", (*TIMER, c("timer.ManifestImporter", "importDaily", 52), jl("com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple", "enlistResource", 231))), jexc("jakarta.ejb.EJBTransactionRolledbackException", "Transaction rolled back", (*TIMER[:4], jl("org.jboss.as.ejb3.tx.CMTTxInterceptor", "handleEndTransactionException", 132)))),
        (see("sentry.error"), see("splunk", 3, thread="EJB default - {idx}"), see("datadog.task", **TQ, monitor="customs timer failures")),
        classes=(8,), entry="ManifestImporter.importDaily", **ejb_log("ManifestImporter", "public void com.thornquay.customs.timer.ManifestImporter.importDaily(jakarta.ejb.Timer)")),
    # One monitor for the server's datasources: two pools exhausted for two reasons.
    Bug("tq-customsds-exhausted", "customs", (jexc("jakarta.resource.ResourceException", "IJ000655: No managed connections available within configured blocking timeout (30000 [ms])", (jl("org.jboss.jca.core.connectionmanager.pool.mcp.SemaphoreConcurrentLinkedDequeManagedConnectionPool", "getConnection", 570),)), jexc("jakarta.resource.ResourceException", "IJ000453: Unable to get managed connection for java:jboss/datasources/CustomsDS", (jl("org.jboss.jca.core.connectionmanager.AbstractConnectionManager", "getManagedConnection", 690),)), jexc("java.sql.SQLException", "jakarta.resource.ResourceException: IJ000453: Unable to get managed connection for java:jboss/datasources/CustomsDS", (*REST, proxy("com.thornquay.customs.service.DeclarationService$$$view4", "search"), *EJB, c("service.DeclarationService", "search", 201), jl("org.jboss.jca.adapters.jdbc.WrapperDataSource", "getConnection", 159)))),
        (see("splunk", 4, format="wildfly"), see("datadog.log", 2, **TQ, monitor="WildFly datasource errors", filter="service:customs IJ000453", style="kind"), see("sentry.error")),
        classes=(8,), pair="tq-tariffds-exhausted", entry="GET /customs/api/declarations", log="IJ000453: Unable to get managed connection for java:jboss/datasources/CustomsDS", logger="org.jboss.jca.core.connectionmanager.pool.strategy.OnePool"),
    Bug("tq-tariffds-exhausted", "customs", (jexc("jakarta.resource.ResourceException", "IJ000655: No managed connections available within configured blocking timeout (30000 [ms])", (jl("org.jboss.jca.core.connectionmanager.pool.mcp.SemaphoreConcurrentLinkedDequeManagedConnectionPool", "getConnection", 570),)), jexc("jakarta.resource.ResourceException", "IJ000453: Unable to get managed connection for java:jboss/datasources/TariffDS", (jl("org.jboss.jca.core.connectionmanager.AbstractConnectionManager", "getManagedConnection", 690),)), jexc("java.sql.SQLException", "jakarta.resource.ResourceException: IJ000453: Unable to get managed connection for java:jboss/datasources/TariffDS", (*REST, proxy("com.thornquay.customs.api.TariffResource$Proxy$_$$_WeldClientProxy", "lookup"), c("api.TariffResource", "lookup", 61), c("tariff.TariffRepository", "byCommodityCode", 34), jl("org.jboss.jca.adapters.jdbc.WrapperDataSource", "getConnection", 159)))),
        (see("splunk", 3, format="wildfly"), see("datadog.log", **TQ, monitor="WildFly datasource errors", filter="service:customs IJ000453", style="kind")),
        classes=(8,), pair="tq-customsds-exhausted", entry="GET /customs/api/tariffs/{code}", log="IJ000453: Unable to get managed connection for java:jboss/datasources/TariffDS", logger="org.jboss.jca.core.connectionmanager.pool.strategy.OnePool"),
    # A Camel bean calling a @RequestScoped audit context from a JMS consumer thread.
    Bug("tq-audit-no-request-scope", "gateway", (jexc("jakarta.enterprise.context.ContextNotActiveException", "WELD-001303: No active contexts for scope type jakarta.enterprise.context.RequestScoped", (*CAMEL[:-1], jv("org.apache.camel.component.bean.BeanProcessor", "process", 81, lib=True), jl("java.lang.reflect.Method", "invoke", 568), g("audit.ClearanceAuditor", "record", 36), proxy("com.thornquay.gateway.audit.AuditContext$Proxy$_$$_WeldClientProxy", "currentUser"), jl("org.jboss.weld.bean.ContextualInstanceStrategy$CachedContextualInstanceStrategy", "get", 157), jl("org.jboss.weld.manager.BeanManagerImpl", "getContext", 647))),),
        (see("sentry.error", 3), see("splunk", 2, route="erp-export", thread="Camel (camel-1) thread #{idx} - JmsConsumer[customs.cleared]", steps=steps(("erp-export", "from[jms://queue:customs.cleared]"), ("bean4", "bean[clearanceAuditor]")))),
        classes=(1,), entry="erp-export", log="Failed delivery for (MessageId: {hex} on ExchangeId: {hex}). Exhausted after delivery attempt: 1 caught: jakarta.enterprise.context.ContextNotActiveException", logger="org.apache.camel.processor.errorhandler.DefaultErrorHandler"),
    # Messages piling up in Artemis' dead-letter address: a metric, nothing else.
    Bug("tq-dlq-depth", "gateway", (),
        (see("datadog.metric", 2, monitor="Artemis DLQ depth", scope="queue:DLQ", team="customs-platform", metric="artemis.queue.message_count", query="max(last_10m):max:artemis.queue.message_count{queue:dlq} > 50", event_type="metric_alert_monitor", status="artemis.queue.message_count over queue:DLQ was > 50.0 during the last 10m", text="DLQ holds {n}0 messages; last arrivals from customs.cleared."),),
        classes=(8,)),
    # Seen once: a day-first date typed into the arrival form.
    Bug("tq-arrival-date-parse", "customs", (jexc("java.time.format.DateTimeParseException", "Text '{date}' could not be parsed at index 2", (*REST, proxy("com.thornquay.customs.api.ArrivalResource$Proxy$_$$_WeldClientProxy", "notify"), c("api.ArrivalResource", "notify", 48), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parseResolved0", 2106))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /customs/api/arrivals", **UNDERTOW),
]

NOISE = [
    Noise("tq-noise-deployed", "customs", "splunk", {"search": "customs - errors", "line": '{gts},{millis} INFO  [org.jboss.as.server] (ServerService Thread Pool -- 84) WFLYSRV0010: Deployed "customs.war" (runtime-name : "customs.war")'}),
    Noise("tq-noise-route-started", "gateway", "splunk", {"search": "gateway - exhausted deliveries", "line": "{gts},{millis} INFO  [org.apache.camel.impl.engine.AbstractCamelContext] (ServerService Thread Pool -- 91) Started erp-export (jms://queue:customs.cleared)"}),
    Noise("tq-noise-deploy-event", "customs", "datadog.event", {"monitor": "customs 2026.12.2 rolled out", "text": "Jenkins deployed customs.war 2026.12.2 to wildfly-0 and wildfly-1.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

THORNQUAY = Company(
    key="ae",
    name="Thornquay",
    domain="thornquay.example",
    sentry_org="thornquay",
    splunk_url="https://splunk.thornquay.example:8000",
    splunk_guid="C41E0B77-9A2D-4F8B-B3E6-1D5A9C07E2F4",
    datadog_org=("904417", "Thornquay Customs"),
    datadog_template="thornquay",
    posthog_project=(0, ""),
    releases=("2026.12.1", "2026.12.2", "2026.12.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="thornquay-sentry-client-secret",
)
# fmt: on
