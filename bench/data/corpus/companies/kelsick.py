"""(mj) Kelsick Builders' Merchants, timber, sheet materials and trade counters across the
north-west: Java 17 Dropwizard 4 services on EC2 VMs (``orders-api``: Jersey resources over
JDBI 3 SQL objects on PostgreSQL through Dropwizard's tomcat-jdbc pool, a Jersey client to the
pricing and stock services through one ``Upstream.get`` helper; ``catalog-api``: the supplier
feed importer, Jackson over CSV-to-JSON feeds, and the product search).

``orders-api`` logs Dropwizard's ``json`` layout (the trace a string in ``exception``, root
cause first; Jersey's ``LoggingExceptionMapper`` logs ``Error handling a request: <id>``),
``catalog-api`` logstash-logback-encoder (``stack_trace``). Splunk: Filebeat to Logstash to
HEC (the Logstash event, the app's line a string in ``message``; the older pipeline lifts the
keys with a ``json`` filter), one saved search over both services' ERROR events. Datadog: the
agent tails the same files; one log monitor pasting ``message`` and ``exception``, and an APM
monitor (dd-java-agent) by ``error.type`` over ``orders-api``. Sentry: sentry-logback. No
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.logback", "7.8.0", "maven:io.sentry:sentry-logback")
SERVICES = {
    "orders-api": Service("orders-api", "java", "mj-hec", "_json", "/var/log/kelsick/orders-api.json", "kel_apps", 7311501, "OpenJDK 17.0.11", framework="logback", sdk=SDK),
    "catalog-api": Service("catalog-api", "java", "mj-hec", "_json", "/var/log/kelsick/catalog-api.json", "kel_apps", 7311502, "OpenJDK 17.0.11", framework="logback", sdk=SDK),
}
P = "com.kelsick.orders."
C = "com.kelsick.catalog."

# Jetty's thread running Jersey's dispatch of a resource method (oldest first).
JERSEY = (
    jl("java.lang.Thread", "run", 840),
    jl("org.eclipse.jetty.util.thread.QueuedThreadPool$Runner", "run", 1149),
    jl("org.eclipse.jetty.server.HttpChannel", "handle", 479),
    jl("org.eclipse.jetty.servlet.ServletHandler$ChainEnd", "doFilter", 1656),
    jl("io.dropwizard.jersey.setup.JerseyServletContainer", "service", 61),
    jl("org.glassfish.jersey.servlet.ServletContainer", "service", 358),
    jl("org.glassfish.jersey.server.ApplicationHandler", "handle", 684),
    jl("org.glassfish.jersey.server.ServerRuntime$1", "run", 266),
    jl("org.glassfish.jersey.server.model.ResourceMethodInvoker", "invoke", 395),
    jl("org.glassfish.jersey.server.model.internal.AbstractJavaResourceMethodDispatcher", "invoke", 134),
    jl("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", 103),
)
# A JDBI 3 SQL object method: the proxy, the handler, the statement.
JDBI_UPDATE = (
    Frame("insert", "Unknown Source", -1, "jdk.proxy3.$Proxy71", False),
    jl("org.jdbi.v3.sqlobject.internal.SqlObjectInitData$1", "lambda$invoke$0", 211),
    jl("org.jdbi.v3.sqlobject.statement.internal.SqlUpdateHandler", "invoke", 62),
    jl("org.jdbi.v3.core.statement.Update", "execute", 60),
    jl("org.jdbi.v3.core.statement.SqlStatement", "internalExecute", 1790),
)
PG = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "execute", 517),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
JDBI_OPEN = (
    jl("org.jdbi.v3.core.Jdbi", "open", 319),
    jl("org.jdbi.v3.core.Jdbi", "open", 342),
    jl("org.apache.tomcat.jdbc.pool.DataSourceProxy", "getConnection", 125),
    jl("org.apache.tomcat.jdbc.pool.ConnectionPool", "getConnection", 198),
    jl("org.apache.tomcat.jdbc.pool.ConnectionPool", "borrowConnection", 733),
)
# Every call to the pricing and stock services goes through one helper.
UPSTREAM = jv(f"{P}clients.Upstream", "get", 41)
JERSEY_CLIENT = (
    jl("org.glassfish.jersey.client.JerseyInvocation$Builder", "get", 428),
    jl("org.glassfish.jersey.client.JerseyInvocation", "invoke", 820),
    jl("org.glassfish.jersey.client.ClientRuntime", "invoke", 298),
    jl("org.glassfish.jersey.client.internal.HttpUrlConnector", "apply", 297),
)
SOCKET = (
    jl("sun.net.www.protocol.http.HttpURLConnection", "getInputStream", 1615),
    jl("java.net.Socket$SocketInputStream", "read", 1099),
    jl("sun.nio.ch.NioSocketImpl", "timedRead", 284),
)
JACKSON = (
    jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3830),
    jl("com.fasterxml.jackson.databind.deser.BeanDeserializer", "deserialize", 195),
)


def res(cls: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*JERSEY, jv(f"{P}resources.{cls}", method, line), *more)


def unique(constraint: str, detail: str, sql: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    return (
        jexc("org.postgresql.util.PSQLException", pg, (*app, *JDBI_UPDATE, *PG)),
        jexc("org.jdbi.v3.core.statement.UnableToExecuteStatementException", f"org.postgresql.util.PSQLException: {pg} [statement:\"{sql}\", arguments:{{positional:{{}}, named:{{}}, finder:[]}}]", (*app, *JDBI_UPDATE)),
    )


def upstream_timeout(host: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        jexc("java.net.SocketTimeoutException", "Read timed out", (*app, UPSTREAM, *JERSEY_CLIENT, *SOCKET)),
        jexc("jakarta.ws.rs.ProcessingException", "java.net.SocketTimeoutException: Read timed out", (*app, UPSTREAM, *JERSEY_CLIENT)),
    )


S_MAIN = dict(search="kelsick - ERROR events (orders, catalog)", owner="svc_kelsick", app="kel_ops")
S_OLD = dict(S_MAIN, pipeline="parsed", sourcetype="_json")
TEAM = "trade"
DD = dict(monitor="[kelsick] ERROR logs on orders-api / catalog-api", team=TEAM, filter="env:prod service:(orders-api OR catalog-api) status:error", format="mj-dd",
          text="{{log.service}} logged an error.\n\n**logger:** {{log.attributes.logger}}\n**message:** {{log.attributes.message}}\n\n```\n{{log.attributes.exception}}\n```")
DD_CAT = dict(DD, text="{{log.service}} logged an error.\n\n**logger:** {{log.attributes.logger_name}}\n**message:** {{log.attributes.message}}\n\n```\n{{log.attributes.stack_trace}}\n```")
APM = dict(monitor="orders-api errors by error.type", team=TEAM, style="type")
NPE_BRANCH = 'Cannot invoke "com.kelsick.orders.model.Branch.getCode()" because "branch" is null'
POOL = "[{tname}] Timeout: Pool empty. Unable to fetch a connection in 30 seconds, none available[size:32; busy:32; idle:0; lastwait:30000]."

BUGS = [
    # 1. Unique violations on two tables behind two JDBI SQL objects.
    Bug("mj-order-line-unique", "orders-api", unique("order_line_order_id_line_no_key", "Key (order_id, line_no)=({order}, {idx}) already exists.", "INSERT INTO order_line (order_id, line_no, sku, qty, unit_price) VALUES (:orderId, :lineNo, :sku, :qty, :unitPrice)", res("OrderResource", "addLine", 88, jv(f"{P}service.OrderService", "addLine", 63))),
        (see("sentry.error", 3), see("splunk", 2, **S_MAIN), see("splunk", **S_OLD), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(1, 4), pair="mj-quote-line-unique", entry="POST /orders/{id}/lines"),
    Bug("mj-quote-line-unique", "orders-api", unique("quote_line_quote_id_line_no_key", "Key (quote_id, line_no)=({id}, {idx}) already exists.", "INSERT INTO quote_line (quote_id, line_no, sku, qty, unit_price) VALUES (:quoteId, :lineNo, :sku, :qty, :unitPrice)", res("QuoteResource", "addLine", 54, jv(f"{P}service.QuoteService", "addLine", 41))),
        (see("sentry.error", 2), see("splunk", 2, **S_MAIN), see("datadog.log", 2, **DD)),
        classes=(1, 4), pair="mj-order-line-unique", entry="POST /quotes/{id}/lines"),
    # 2. Java 17's helpful NPE: one message from two resources that read a missing branch.
    Bug("mj-stock-branch-npe", "orders-api", (jexc("java.lang.NullPointerException", NPE_BRANCH, res("StockResource", "availability", 47, jv(f"{P}service.StockService", "forBranch", 36))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_MAIN), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(4,), pair="mj-delivery-branch-npe", entry="GET /branches/{id}/stock"),
    Bug("mj-delivery-branch-npe", "orders-api", (jexc("java.lang.NullPointerException", NPE_BRANCH, res("DeliveryResource", "slots", 62, jv(f"{P}service.DeliveryService", "slotsFor", 51), jv(f"{P}service.DeliveryService", "depotFor", 88))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **S_MAIN), see("splunk", release=2, **S_OLD), see("datadog.log", **DD)),
        classes=(4, 5), pair="mj-stock-branch-npe", entry="GET /deliveries/slots", span=3, renames={"slotsFor": "availableSlots"}),
    # 3. The Upstream helper at the end of two timeouts: pricing and stock.
    Bug("mj-pricing-timeout", "orders-api", upstream_timeout("pricing", res("OrderResource", "quotePrices", 112, jv(f"{P}clients.PricingClient", "priceLines", 29))),
        (see("sentry.error", 3), see("splunk", 3, **S_MAIN), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(9,), pair="mj-stockcheck-timeout", entry="POST /orders/{id}/price"),
    Bug("mj-stockcheck-timeout", "orders-api", upstream_timeout("stock", res("BasketResource", "checkout", 74, jv(f"{P}clients.StockClient", "reserve", 33))),
        (see("sentry.error", 2), see("splunk", 2, **S_MAIN), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(9,), pair="mj-pricing-timeout", entry="POST /basket/checkout"),
    # 4. One delivery-slot parser, two exceptions.
    Bug("mj-slot-parse", "orders-api", (jexc("java.time.format.DateTimeParseException", "Text '{date} AM' could not be parsed at index 2", res("DeliveryResource", "book", 91, jv(f"{P}delivery.SlotParser", "parse", 24), jl("java.time.LocalDateTime", "parse", 492), jl("java.time.format.DateTimeFormatter", "parse", 1948))),),
        (see("sentry.error", 3), see("splunk", 2, **S_MAIN), see("datadog.log", 2, **DD)),
        classes=(4,), pair="mj-slot-window", entry="POST /deliveries/{id}/book"),
    Bug("mj-slot-window", "orders-api", (jexc("java.lang.IllegalArgumentException", "No delivery window 'PM-LATE' for depot {idx}", res("DeliveryResource", "book", 91, jv(f"{P}delivery.SlotParser", "parse", 31), jv(f"{P}delivery.DeliveryWindow", "valueOfCode", 44))),),
        (see("sentry.error", 2), see("splunk", 2, **S_MAIN), see("splunk", **S_OLD), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(4,), pair="mj-slot-parse", entry="POST /deliveries/{id}/book"),
    # 5. The supplier feed importer, one read, two Jackson exceptions.
    Bug("mj-feed-unknown-prop", "catalog-api", (jexc("com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException", 'Unrecognized field "packSizeMm" (class com.kelsick.catalog.feed.SupplierItem), not marked as ignorable (9 known properties: "sku", "description", "packSize", "uom", "price", "vatCode", "supplier", "leadDays", "barcode"])\n at [Source: (BufferedInputStream); line: 1, column: {n}] (through reference chain: java.util.ArrayList[{idx}]->com.kelsick.catalog.feed.SupplierItem["packSizeMm"])', (jl("java.lang.Thread", "run", 840), jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642), jv(f"{C}feed.FeedImportJob", "run", 38), jv(f"{C}feed.FeedReader", "read", 52), *JACKSON, jl("com.fasterxml.jackson.databind.DeserializationContext", "handleUnknownProperty", 1138))),),
        (see("sentry.error", 3), see("splunk", 2, thread="feed-import-1", **S_MAIN), see("datadog.log", 2, **DD_CAT)),
        classes=(4,), pair="mj-feed-mismatch", entry="FeedImportJob", log="Supplier feed {id} rejected", logger=f"{C}feed.FeedImportJob"),
    Bug("mj-feed-mismatch", "catalog-api", (jexc("com.fasterxml.jackson.databind.exc.MismatchedInputException", 'Cannot deserialize value of type `java.math.BigDecimal` from String "POA": not a valid representation\n at [Source: (BufferedInputStream); line: 1, column: {n}] (through reference chain: java.util.ArrayList[{idx}]->com.kelsick.catalog.feed.SupplierItem["price"])', (jl("java.lang.Thread", "run", 840), jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642), jv(f"{C}feed.FeedImportJob", "run", 38), jv(f"{C}feed.FeedReader", "read", 52), *JACKSON, jl("com.fasterxml.jackson.databind.DeserializationContext", "handleWeirdStringValue", 1991))),),
        (see("sentry.error", 2), see("splunk", 2, thread="feed-import-1", **S_MAIN), see("datadog.log", **DD_CAT)),
        classes=(4,), pair="mj-feed-unknown-prop", entry="FeedImportJob", log="Supplier feed {id} rejected", logger=f"{C}feed.FeedImportJob"),
    # Not pairs.
    Bug("mj-pool-empty", "orders-api", (
        jexc("org.apache.tomcat.jdbc.pool.PoolExhaustedException", POOL.replace("{tname}", "dw-{n} - GET /orders"), (*JERSEY, jv(f"{P}resources.OrderResource", "list", 39), jv(f"{P}service.OrderService", "recent", 28), *JDBI_OPEN)),
        jexc("org.jdbi.v3.core.ConnectionException", "org.apache.tomcat.jdbc.pool.PoolExhaustedException: " + POOL.replace("{tname}", "dw-{n} - GET /orders"), (*JERSEY, jv(f"{P}resources.OrderResource", "list", 39), jv(f"{P}service.OrderService", "recent", 28), jl("org.jdbi.v3.core.Jdbi", "open", 319)))),
        (see("sentry.error", 3), see("splunk", 3, **S_MAIN), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(2,), entry="GET /orders"),
    Bug("mj-vat-divide", "orders-api", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", res("InvoiceResource", "preview", 58, jv(f"{P}billing.VatCalculator", "perUnit", 33), jl("java.math.BigDecimal", "divide", 1780))),),
        (see("sentry.error", 3), see("splunk", 2, **S_MAIN), see("datadog.log", **DD), see("datadog.apm", **APM)),
        entry="GET /invoices/{id}/preview", span=2),
    Bug("mj-order-stale", "orders-api", (jexc("com.kelsick.orders.db.StaleVersionException", "order {order} version {idx} was changed by another request", res("OrderResource", "amend", 131, jv(f"{P}service.OrderService", "amend", 102), jv(f"{P}db.VersionedUpdate", "check", 19))),),
        (see("sentry.error", 2), see("splunk", 2, **S_MAIN), see("datadog.log", 2, **DD)),
        entry="PUT /orders/{id}"),
    Bug("mj-search-serializer", "catalog-api", (jexc("com.fasterxml.jackson.databind.exc.InvalidDefinitionException", "No serializer found for class com.kelsick.catalog.search.Facet and no properties discovered to create BeanSerializer (to avoid exception, disable SerializationFeature.FAIL_ON_EMPTY_BEANS) (through reference chain: com.kelsick.catalog.api.SearchResponse[\"facets\"]->java.util.ArrayList[0])", (*JERSEY, jv(f"{C}api.SearchResource", "search", 44), jl("org.glassfish.jersey.message.internal.WriterInterceptorExecutor", "proceed", 139), jl("com.fasterxml.jackson.jakarta.rs.base.ProviderBase", "writeTo", 1011), jl("com.fasterxml.jackson.databind.SerializerProvider", "reportBadDefinition", 1308))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **S_MAIN), see("datadog.log", 2, **DD_CAT)),
        entry="GET /search", span=2),
    Bug("mj-singleton-migrations", "orders-api", (jexc("java.lang.IllegalStateException", "Liquibase changelog checksum mismatch for changeset 2026-03-04-branch-code.xml::7::kelsick", (jl("java.lang.Thread", "run", 840), jv(f"{P}OrdersApplication", "run", 77), jv(f"{P}db.MigrationCheck", "start", 31)),),),
        (see("sentry.error"),),
        singleton=True, entry="OrdersApplication"),
]

NOISE = [
    Noise("mj-noise-started", "orders-api", "splunk", {**S_MAIN, "line": '{"@timestamp":"{tsms}","@version":"1","message":"{\\"timestamp\\":{epochms},\\"level\\":\\"INFO\\",\\"thread\\":\\"main\\",\\"logger\\":\\"org.eclipse.jetty.server.Server\\",\\"message\\":\\"Started Server@4b3a01d8{STARTING}[11.0.20,sto=30000] @6124ms\\"}","host":{"name":"ip-10-40-3-117.eu-west-2.compute.internal"},"log":{"file":{"path":"/var/log/kelsick/orders-api.json"}},"agent":{"type":"filebeat","version":"8.13.4"},"service":{"name":"orders-api"}}'}),
    Noise("mj-noise-deploy", "orders-api", "datadog.event", {"monitor": "orders-api deploy", "text": "CodeDeploy deployment d-7KQ2M4XZB succeeded for orders-api (2026.03.2) on 4 of 4 instances.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("mj-noise-recovered", "orders-api", "datadog.log", {**DD, "text": "[Recovered] ERROR logs on orders-api / catalog-api are back under 5 in 10m.", "transition": "Recovered", "alert_type": "success"}),
]

KELSICK = Company(
    key="mj",
    name="Kelsick Builders' Merchants",
    domain="kelsick.example",
    sentry_org="kelsick",
    splunk_url="https://splunk.kelsick.example:8000",
    splunk_guid="3E8A1C47-52B9-4D06-A1F3-7C29E05B8D14",
    datadog_org=("1150301", "Kelsick"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kelsick-sentry-client-secret",
)
# fmt: on
