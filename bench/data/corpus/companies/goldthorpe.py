"""(kz) Goldthorpe Hardware, a chain of hardware and building-supplies stores selling online:
``order-service``, a Java 21 Spring Boot 3.3 service (Spring MVC on Tomcat 10.1, Spring Data
JPA on Hibernate 6.5 over Postgres, Spring 6's ``RestClient`` to the card processor and the
carrier), ``inventory-service``, a Go 1.22 grpc-go service on pgx v5 that reserves and releases
stock, both on Kubernetes, and ``web``, the React 18 storefront built by Vite.

Logs: both services export OTLP logs to the OpenTelemetry Collector (the Java agent's logback
bridge, Go's ``otelslog``), whose ``splunk_hec`` exporter sends each record to Splunk as its
OTLP/JSON flattening (``kz-otlp-json``: ``body``, ``severityText``, ``attributes`` with
``exception.type``/``exception.message``/``exception.stacktrace``, ``resource`` with
``service.name``/``k8s.pod.name``, ``traceId``/``spanId``). Tomcat's "Servlet.service() ...
with root cause" record for exceptions that escape a controller; the Go recovery interceptor's
"panic recovered" with ``debug.Stack()``; one Go path still on ``slog.Any("error", err)``.
Splunk: one saved search per service. Datadog: the Collector's Datadog exporter (OTLP ingest),
one log monitor per service (Datadog maps ``exception.*`` onto ``error.kind``/``error.message``/
``error.stack``) and APM error tracking by type. Sentry: sentry-spring-boot-starter-jakarta,
sentry-go captured in the gRPC interceptor, @sentry/react. PostHog: posthog-js in the storefront.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    REACT_CLICK,
    REACT_RENDER,
    TOMCAT,
    go,
    golib,
    jexc,
    jl,
    js,
    jv,
    spring_no_connection,
)

# The tables keep one frame or delivery per line.
# fmt: off
SDK_JAVA = ("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SDK_GO = ("sentry.go", "0.28.1", "go:github.com/getsentry/sentry-go")
SDK_WEB = ("sentry.javascript.react", "8.33.1", "npm:@sentry/react")
SERVICES = {
    "order-service": Service("order-service", "java", "kz-otlp-json", "otel:logs", "otelcol:splunk_hec", "gh_prod", 9103101, "OpenJDK 21.0.4", framework="spring", sdk=SDK_JAVA),
    "inventory-service": Service("inventory-service", "go", "kz-otlp-json", "otel:logs", "otelcol:splunk_hec", "gh_prod", 9103102, "go1.22.6", framework="go-grpc", sdk=SDK_GO),
    "web": Service("web", "javascript", "", "", "", "", 9103103, origin="https://www.goldthorpehardware.example", framework="onerror", sdk=SDK_WEB),
}

# --- order-service (Java) ------------------------------------------------------------------------


def osv(cls: str, method: str, line: int) -> Frame:
    return jv("com.goldthorpe.orders." + cls, method, line)


JPA_SAVE = (
    jl("jdk.proxy2.$Proxy211", "save", -1),
    jl("org.springframework.aop.framework.JdkDynamicAopProxy", "invoke", 223),
    jl("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 184),
    jl("org.springframework.dao.support.PersistenceExceptionTranslationInterceptor", "invoke", 137),
)
FLUSH = (
    jl("org.springframework.data.jpa.repository.support.SimpleJpaRepository", "saveAndFlush", 653),
    jl("org.hibernate.internal.SessionImpl", "flush", 1390),
    jl("org.hibernate.engine.spi.ActionQueue", "executeActions", 635),
    jl("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate", 194),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 155),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
TRANSLATE = (
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "translateExceptionIfPossible", 244),
    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 295),
)


def unique(app: tuple[Frame, ...], constraint: str, key: str, table: str, cols: str) -> tuple[Exc, ...]:
    sql = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key ({key})=({{uuid}}) already exists.'
    insert = f"insert into {table} ({cols}) values (?,?,?,?)"
    return (
        jexc("org.postgresql.util.PSQLException", sql, app + JPA_SAVE + FLUSH),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", app + JPA_SAVE + TRANSLATE),
    )


# Spring 6's RestClient through the team's one gateway helper.
HTTP_POST = osv("http.HttpGateway", "post", 58)
REST_CLIENT = (
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "body", 805),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 479),
    jl("org.springframework.web.client.DefaultRestClient", "createResourceAccessException", 578),
)
SOCKET_READ = (
    jl("java.net.Socket$SocketInputStream", "read", 1099),
    jl("sun.nio.ch.NioSocketImpl", "read", 346),
    jl("sun.nio.ch.NioSocketImpl", "timedRead", 288),
)


def read_timeout(url: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        jexc("java.net.SocketTimeoutException", "Read timed out", (*app, HTTP_POST, REST_CLIENT[0], REST_CLIENT[1], *SOCKET_READ)),
        jexc("org.springframework.web.client.ResourceAccessException", f'I/O error on POST request for "{url}": Read timed out', (*app, HTTP_POST, *REST_CLIENT)),
    )


CHECKOUT = (*TOMCAT, osv("web.CheckoutController", "placeOrder", 64))
RETURNS = (*TOMCAT, osv("web.ReturnsController", "create", 41))
QUOTE = (*TOMCAT, osv("web.BasketController", "quote", 88))
PRICING = "java.math.BigDecimal"
TOTAL = osv("pricing.PricingService", "totalFor", 112)

# --- inventory-service (Go) ----------------------------------------------------------------------

INV = "github.com/goldthorpe/inventory"
GRPC_MOD = "/go/pkg/mod/google.golang.org/grpc@v1.64.0/"
GRPC = (
    golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC_MOD + "server.go", 1029),
    golib("google.golang.org/grpc", "(*Server).handleStream", GRPC_MOD + "server.go", 1770),
    golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC_MOD + "server.go", 1369),
    go(f"{INV}/gen/inventory/v1", "_InventoryService_ReserveStock_Handler", "/src/gen/inventory/v1/inventory_grpc.pb.go", 187),
)
GRPC_RELEASE = (*GRPC[:3], go(f"{INV}/gen/inventory/v1", "_InventoryService_ReleaseStock_Handler", "/src/gen/inventory/v1/inventory_grpc.pb.go", 205))
GRPC_ADJUST = (*GRPC[:3], go(f"{INV}/gen/inventory/v1", "_InventoryService_AdjustStock_Handler", "/src/gen/inventory/v1/inventory_grpc.pb.go", 223))


def inv(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go(f"{INV}/internal/{pkg}", fn, f"/src/internal/{file}", line)


NIL = "runtime error: invalid memory address or nil pointer dereference"
CAPTURE = inv("grpcx", "captureError", "grpcx/sentry.go", 44)
STOCK_LOG = {"log": "stock operation failed", "logger": f"{INV}/internal/stock"}

# --- monitors and searches ------------------------------------------------------------------------

ORDER_SEARCH = {"search": "order-service ERROR (otel)", "owner": "svc_commerce", "app": "commerce"}
INV_SEARCH = {"search": "inventory-service ERROR (otel)", "owner": "svc_commerce", "app": "commerce"}
ORDER_MONITOR = {"monitor": "order-service: error logs", "team": "commerce", "filter": "service:order-service status:error", "text": "order-service logged {{log.attributes.error.kind}}\n\n{{log.attributes.error.message}}"}
ORDER_STACK = {"monitor": "order-service: error logs", "team": "commerce", "filter": "service:order-service status:error", "style": "stack", "lines": 8}
INV_MONITOR = {"monitor": "inventory-service: error logs", "team": "stock", "filter": "service:inventory-service status:error", "text": "inventory-service: {{log.attributes.error.kind}} {{log.attributes.error.message}}"}
APM = {"monitor": "Goldthorpe error spans by type (OTLP)", "team": "commerce", "style": "type"}
BASKET_PRICE = JsError("read-undefined", "item.variant", "price")

BUGS = [
    # Unique violations on two tables, from two controllers.
    Bug("kz-order-idem-unique", "order-service", unique((*CHECKOUT, osv("orders.OrderService", "place", 77)), "orders_idempotency_key_key", "idempotency_key", "orders", "customer_id,idempotency_key,status,id"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **ORDER_SEARCH, kind="tomcat"), see("splunk", **ORDER_SEARCH), see("datadog.log", 2, **ORDER_MONITOR), see("datadog.apm", **APM)),
        classes=(1, 4), pair="kz-return-line-unique", log="Could not place order", logger="com.goldthorpe.orders.orders.OrderService", entry="POST /api/checkout/orders", span=2),
    Bug("kz-return-line-unique", "order-service", unique((*RETURNS, osv("returns.ReturnService", "open", 52)), "returns_order_line_id_key", "order_line_id", "returns", "order_line_id,reason,status,id"),
        (see("sentry.error", 2), see("splunk", 2, **ORDER_SEARCH, kind="tomcat"), see("datadog.log", **ORDER_MONITOR), see("datadog.log", **ORDER_STACK)),
        classes=(1, 4), pair="kz-order-idem-unique", log="Could not open return", logger="com.goldthorpe.orders.returns.ReturnService", entry="POST /api/returns"),
    # One pricing function, two exceptions.
    Bug("kz-total-npe", "order-service", (jexc("java.lang.NullPointerException", 'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because the return value of "com.goldthorpe.orders.basket.BasketLine.getUnitPrice()" is null', (*QUOTE, TOTAL)),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **ORDER_SEARCH, kind="tomcat"), see("datadog.log", **ORDER_MONITOR), see("datadog.apm", **APM)),
        classes=(1, 4, 5), pair="kz-total-divide", entry="POST /api/basket/quote", span=3, renames={"quote": "quoteBasket"}),
    Bug("kz-total-divide", "order-service", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*QUOTE, osv("pricing.PricingService", "totalFor", 119), jl(PRICING, "divide", 1780))),),
        (see("sentry.error", 2), see("splunk", 2, **ORDER_SEARCH, kind="tomcat"), see("datadog.log", 2, **ORDER_MONITOR)),
        classes=(1, 4), pair="kz-total-npe", entry="POST /api/basket/quote"),
    # Two partners timing out behind the one gateway helper.
    Bug("kz-charge-timeout", "order-service", read_timeout("https://api.paystream.example/v2/charges", (*CHECKOUT, osv("payments.PaymentClient", "charge", 39))),
        (see("sentry.error", 3), see("splunk", 2, **ORDER_SEARCH), see("datadog.log", **ORDER_MONITOR), see("datadog.apm", 2, **APM)),
        classes=(1, 9), pair="kz-carrier-timeout", log="Card charge failed for order {uuid}", logger="com.goldthorpe.orders.payments.PaymentClient", entry="POST /api/checkout/orders"),
    Bug("kz-carrier-timeout", "order-service", read_timeout("https://rates.parcelhub.example/v1/quotes", (*QUOTE, osv("delivery.CarrierClient", "quote", 27))),
        (see("sentry.error", 2), see("splunk", 2, **ORDER_SEARCH), see("datadog.log", **ORDER_STACK)),
        classes=(1, 9), pair="kz-charge-timeout", log="Carrier quote failed", logger="com.goldthorpe.orders.delivery.CarrierClient", entry="POST /api/basket/quote"),
    # Hikari starved during a flash sale: Tomcat's record names the root cause only.
    Bug("kz-hikari-timeout", "order-service", spring_no_connection((*CHECKOUT, osv("orders.OrderService$$SpringCGLIB$$0", "place", -1)), "total=20, active=20, idle=0, waiting={n}"),
        (see("sentry.error", 3), see("splunk", 3, **ORDER_SEARCH, kind="tomcat"), see("datadog.apm", **APM), see("datadog.log", **ORDER_MONITOR)),
        classes=(1,), entry="POST /api/checkout/orders"),
    # The order service's gRPC client to inventory: a deadline.
    Bug("kz-order-inv-deadline", "order-service", (jexc("io.grpc.StatusRuntimeException", "DEADLINE_EXCEEDED: deadline exceeded after 1.999{idx}s. Name resolution delay 0.000000000 seconds. [closed=[], open=[[remote_addr=inventory-service.commerce.svc.cluster.local/10.{idx}.{n}.{idx}:9090]]]", (*CHECKOUT, osv("orders.OrderService", "place", 81), osv("inventory.InventoryClient", "reserve", 33), jl("io.grpc.stub.ClientCalls", "blockingUnaryCall", 173), jl("io.grpc.stub.ClientCalls", "getUnchecked", 268))),),
        (see("sentry.error", 2), see("splunk", 2, **ORDER_SEARCH), see("datadog.log", **ORDER_MONITOR)),
        classes=(1,), log="Stock reservation failed for order {uuid}", logger="com.goldthorpe.orders.orders.OrderService", entry="POST /api/checkout/orders"),
    # Go: the same nil dereference in two RPCs.
    Bug("kz-inv-reserve-nil", "inventory-service", (Exc("runtime.errorString", NIL, (*GRPC, inv("stock", "(*Server).ReserveStock", "stock/server.go", 58), inv("stock", "(*Ledger).holdFor", "stock/ledger.go", 91))),),
        (see("sentry.error", 3), see("splunk", 2, **INV_SEARCH, kind="panic"), see("datadog.log", 2, **INV_MONITOR), see("datadog.apm", **APM)),
        classes=(1, 4), pair="kz-inv-release-nil", entry="inventory.v1.InventoryService/ReserveStock", span=2),
    Bug("kz-inv-release-nil", "inventory-service", (Exc("runtime.errorString", NIL, (*GRPC_RELEASE, inv("stock", "(*Server).ReleaseStock", "stock/server.go", 103), inv("stock", "(*Ledger).dropHold", "stock/ledger.go", 132))),),
        (see("sentry.error", 2), see("splunk", 2, **INV_SEARCH, kind="panic"), see("datadog.log", **INV_MONITOR)),
        classes=(1, 4), pair="kz-inv-reserve-nil", entry="inventory.v1.InventoryService/ReleaseStock"),
    # Two failures behind one log message and one monitor.
    Bug("kz-inv-hold-unique", "inventory-service", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "holds_order_id_sku_key" (SQLSTATE 23505)'), Exc("*fmt.wrapError", 'reserve {uuid}: insert hold: ERROR: duplicate key value violates unique constraint "holds_order_id_sku_key" (SQLSTATE 23505)', (*GRPC, inv("stock", "(*Server).ReserveStock", "stock/server.go", 66), CAPTURE))),
        (see("sentry.error", 3), see("splunk", 2, **INV_SEARCH), see("datadog.log", 2, **INV_MONITOR)),
        classes=(4,), pair="kz-inv-adjust-deadline", entry="inventory.v1.InventoryService/ReserveStock", **STOCK_LOG),
    Bug("kz-inv-adjust-deadline", "inventory-service", (Exc("context.deadlineExceededError", "context deadline exceeded"), Exc("*fmt.wrapError", "adjust sku {sku}: select for update: context deadline exceeded", (*GRPC_ADJUST, inv("stock", "(*Server).AdjustStock", "stock/server.go", 141), CAPTURE))),
        (see("sentry.error", 2), see("splunk", 2, **INV_SEARCH), see("datadog.log", 2, **INV_MONITOR), see("datadog.apm", **APM)),
        classes=(4,), pair="kz-inv-hold-unique", entry="inventory.v1.InventoryService/AdjustStock", **STOCK_LOG),
    # pgx's ErrNoRows under two lookups: a SKU and a store bin.
    Bug("kz-inv-sku-norows", "inventory-service", (Exc("*errors.errorString", "no rows in result set"), Exc("*fmt.wrapError", "load sku {sku}: no rows in result set", (*GRPC, inv("stock", "(*Server).ReserveStock", "stock/server.go", 49), inv("catalog", "(*Repo).SKU", "catalog/repo.go", 36), CAPTURE))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **INV_SEARCH), see("datadog.log", **INV_MONITOR)),
        classes=(4,), pair="kz-inv-bin-norows", entry="inventory.v1.InventoryService/ReserveStock", **STOCK_LOG),
    Bug("kz-inv-bin-norows", "inventory-service", (Exc("*errors.errorString", "no rows in result set"), Exc("*fmt.wrapError", "load bin for store {idx}: no rows in result set", (*GRPC_ADJUST, inv("stock", "(*Server).AdjustStock", "stock/server.go", 128), inv("stores", "(*Repo).Bin", "stores/repo.go", 52), CAPTURE))),
        (see("sentry.error", 2), see("splunk", 2, **INV_SEARCH), see("datadog.log", 2, **INV_MONITOR)),
        classes=(4,), pair="kz-inv-sku-norows", entry="inventory.v1.InventoryService/AdjustStock", **STOCK_LOG),
    # The supplier feed sync, on the old slog path: no exception attributes.
    Bug("kz-inv-feed-decode", "inventory-service", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field FeedItem.items.sku of type string"), Exc("*fmt.wrapError", "sync feed {idx}: decode: json: cannot unmarshal number into Go struct field FeedItem.items.sku of type string", (go("main", "main", "/src/cmd/inventory/main.go", 71), inv("feeds", "(*Syncer).Run", "feeds/syncer.go", 48), inv("feeds", "(*Syncer).syncOne", "feeds/syncer.go", 77)))),
        (see("sentry.error", 2), see("splunk", 2, **INV_SEARCH, kind="slog"), see("datadog.log", **INV_MONITOR)),
        log="feed sync failed", logger=f"{INV}/internal/feeds", entry="feed-sync"),
    # The storefront: one TypeError in two components, and a stale chunk after a deploy.
    Bug("kz-web-basket-price", "web", (Exc("TypeError", frames=(*REACT_RENDER, js("src/basket/BasketRow.tsx", "BasketRow", 22, 31, "index"), js("src/lib/price.ts", "linePrice", 6, 19, "index")), js=BASKET_PRICE),),
        (see("posthog", 2, browser="chrome"), see("posthog", browser="safari"), see("posthog", browser="firefox", resolved=True), see("sentry.error", browser="chrome"), see("sentry.error", browser="edge")),
        classes=(3, 4), pair="kz-web-compare-price", page="/basket"),
    Bug("kz-web-compare-price", "web", (Exc("TypeError", frames=(*REACT_RENDER, js("src/products/CompareTable.tsx", "CompareTable", 48, 27, "Compare"), js("src/lib/price.ts", "linePrice", 6, 19, "index")), js=BASKET_PRICE),),
        (see("posthog", 2, browser="chrome", chunk="Compare"), see("posthog", browser="firefox", chunk="Compare"), see("sentry.error", browser="safari", chunk="Compare")),
        classes=(3, 4), pair="kz-web-basket-price", page="/compare"),
    Bug("kz-web-click-collect", "web", (Exc("TypeError", frames=(*REACT_CLICK, js("src/checkout/CollectPicker.tsx", "onSelect", 35, 14, "Checkout")), js=JsError("not-function", "store.openingHours.find", "", "(e)")),),
        (see("posthog", browser="chrome", chunk="Checkout"), see("posthog", browser="safari", chunk="Checkout"), see("sentry.error", browser="chrome", chunk="Checkout")),
        classes=(3,), page="/checkout/collect"),
    # Problems that name no bug.
    Bug("kz-order-oomkilled", "order-service", (),
        (see("datadog.metric", 2, team="commerce", monitor="order-service pods OOMKilled", scope="kube_deployment:order-service", metric="kubernetes.containers.state.terminated", query="max(last_5m):max:kubernetes.containers.state.terminated{kube_deployment:order-service,reason:oomkilled} >= 1", status="kubernetes.containers.state.terminated over kube_deployment:order-service,reason:oomkilled was >= 1.0 during the last 5m", text="An order-service container was OOMKilled (limit 1Gi)."),),
        classes=(8,)),
    Bug("kz-singleton-jackson", "order-service", (jexc("org.springframework.http.converter.HttpMessageNotWritableException", "Could not write JSON: Java 8 date/time type `java.time.LocalTime` not supported by default", (*TOMCAT, osv("web.StoreController", "hours", 30), jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "writeInternal", 520))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/stores/{store_id}/hours"),
]

NOISE = [
    Noise("kz-noise-started", "order-service", "splunk", {**ORDER_SEARCH, "line": '{"timeUnixNano":"{epoch}","severityNumber":9,"severityText":"INFO","body":"Started OrderServiceApplication in 9.{idx} seconds (process running for 10.{n})","attributes":{"thread.name":"main"},"resource":{"k8s.namespace.name":"commerce","service.name":"order-service"},"instrumentationScope":{"name":"com.goldthorpe.orders.OrderServiceApplication"}}'}),
    Noise("kz-noise-recovered", "inventory-service", "datadog.log", {**INV_MONITOR, "text": "[Recovered] inventory-service error logs back under threshold.", "transition": "Recovered"}),
    Noise("kz-noise-collector", "inventory-service", "splunk", {**INV_SEARCH, "line": '{"timeUnixNano":"{epoch}","severityNumber":13,"severityText":"WARN","body":"Exporting failed. Will retry the request after interval.","attributes":{"error":"rpc error: code = Unavailable desc = connection refused","interval":"5.{idx}s","kind":"exporter","name":"otlp/datadog"},"resource":{"service.name":"otelcol-contrib"}}'}),
    Noise("kz-noise-deploy", "order-service", "datadog.event", {"monitor": "Deployed order-service 4.8.0", "text": "Argo CD synced order-service to 4.8.0 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "commerce"}),
]

GOLDTHORPE = Company(
    key="kz",
    name="Goldthorpe Hardware",
    domain="goldthorpehardware.example",
    sentry_org="goldthorpe-hardware",
    splunk_url="https://splunk.goldthorpehardware.example:8000",
    splunk_guid="4E2B7C19-8A3D-4F6E-B1C0-9D5A2E7F3B84",
    datadog_org=("910310", "Goldthorpe Hardware"),
    datadog_template="recommended",
    posthog_project=(91031, "Goldthorpe storefront"),
    releases=("4.7.1", "4.7.2", "4.8.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="goldthorpe-sentry-client-secret",
)
# fmt: on
