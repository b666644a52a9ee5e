"""(iu) Matterdale Outfitters, outdoor gear with click-and-collect: Go 1.22 microservices on
Kubernetes. ``storefront-api`` serves REST through grpc-gateway v2 in front of its own gRPC
server (``checkout.v1.CheckoutService``, ``catalog.v1.CatalogService``); ``inventory-svc`` is a
gRPC service the storefront calls (stock reservations, warehouse sync) with pgx on PostgreSQL;
``fulfilment-worker`` consumes order events from NATS JetStream and books couriers.

Logs: zap's production JSON (``zap.NewProduction()``) with pkg/errors-wrapped errors, so the
records carry ``error``, ``errorVerbose`` and ``stacktrace``; the OpenTelemetry collector's
filelog receiver ships them to Splunk's HEC (``iu-zap-otel``: ``_raw`` the JSON, the resource
attributes as fields), and go-grpc-middleware's logging interceptor adds ``finished unary call
with code Internal`` lines. Sentry: sentry-go (``sentryhttp`` on the gateway, a gRPC unary
interceptor calling ``CaptureException``). PostHog: posthog-go's ``NewDefaultException`` in the
checkout handlers, for a few server-side errors. Datadog: dd-trace-go APM monitors by error
type and log monitors pasting ``{{log.message}}``. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "storefront-api": Service("storefront-api", "go", "iu-zap-otel", "otel:filelog", "/var/log/pods/shop_storefront-api/storefront-api/0.log", "shop", 8410101, "go1.22.8", framework="grpc"),
    "inventory-svc": Service("inventory-svc", "go", "iu-zap-otel", "otel:filelog", "/var/log/pods/shop_inventory-svc/inventory-svc/0.log", "shop", 8410102, "go1.22.8", framework="grpc"),
    "fulfilment-worker": Service("fulfilment-worker", "go", "iu-zap-otel", "otel:filelog", "/var/log/pods/shop_fulfilment-worker/fulfilment-worker/0.log", "shop", 8410103, "go1.22.8"),
}
GOSRC = "/usr/local/go/src/"
GRPC = "/go/pkg/mod/google.golang.org/grpc@v1.64.0/"
GW = "/go/pkg/mod/github.com/grpc-ecosystem/grpc-gateway/v2@v2.20.0/runtime/"
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/"
NATS = "/go/pkg/mod/github.com/nats-io/nats.go@v1.36.0/"
MOD = "matterdale.example/shop/"
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917)
BOUNDS = golib("runtime", "goPanicIndex", GOSRC + "runtime/panic.go", 115)
NIL = "runtime error: invalid memory address or nil pointer dereference"
NOROWS = "no rows in result set"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/shop/{pkg}/{file}", line)


def unary(svc: str, method: str, pkg: str, file: str, line: int) -> tuple[Frame, ...]:
    """A gRPC unary call: the server, the generated handler, the interceptor chain, the method."""
    return (
        golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC + "server.go", 1029),
        golib("google.golang.org/grpc", "(*Server).handleStream", GRPC + "server.go", 1737),
        golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC + "server.go", 1379),
        go(MOD + f"gen/{svc.split('.')[0]}/v1", f"_{svc.split('.')[-1]}_{method}_Handler", f"/src/shop/gen/{svc.split('.')[0]}/v1/{svc.split('.')[0]}_grpc.pb.go", 171, lib=True),
        golib("google.golang.org/grpc", "chainUnaryInterceptors.func1", GRPC + "server.go", 1196),
        app("internal/grpcx", "SentryUnary.func1", "sentry.go", 28),
        app(pkg, f"(*Server).{method}", file, line),
    )


PGX_QUERYROW = (golib("github.com/jackc/pgx/v5", "(*baseRow).Scan", PGX + "rows.go", 370),)
PGX_EXEC = (golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", PGX + "pgxpool/pool.go", 699), golib("github.com/jackc/pgx/v5", "(*Conn).Exec", PGX + "conn.go", 467))
CONSUME = (
    golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1695),
    golib("github.com/nats-io/nats.go", "(*Conn).waitForMsgs", NATS + "nats.go", 3132),
    app("internal/worker", "(*Consumer).handle", "consumer.go", 57),
)
CARRIER_DO = app("internal/courier", "(*Client).post", "client.go", 88)


def unique(constraint: str) -> str:
    return f'ERROR: duplicate key value violates unique constraint "{constraint}" (SQLSTATE 23505)'


SEARCH = dict(search="storefront-api - zap errors")
INV_SEARCH = dict(search="inventory-svc - zap errors")
GRPC_SEARCH = dict(search="shop - grpc Internal", kind="grpc")
WORKER_SEARCH = dict(search="fulfilment-worker - errors")
APM = dict(team="shop", monitor="[storefront-api] error rate by type", style="type")
APM_INV = dict(team="shop", monitor="[inventory-svc] error rate by type", style="type")
LOGMON = dict(team="shop", monitor="[storefront-api] error logs", filter="service:storefront-api status:error", text="storefront-api logged an error:\n\n```\n{{log.message}}\n```", sample_lines=1)
WORKMON = dict(team="shop", monitor="[fulfilment-worker] error logs", filter="service:fulfilment-worker status:error", text="{{log.message}}", sample_lines=1)

BUGS = [
    # A nil dereference in two handlers: the same runtime error at two code locations.
    Bug("iu-cart-nil-promo", "storefront-api", (Exc("runtime.errorString", NIL, (*unary("checkout.v1.CheckoutService", "PriceCart", "internal/checkout", "price.go", 44), app("internal/checkout", "applyPromo", "promo.go", 31), SIGPANIC)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, search="shop - recovered panics", kind="panic"), see("datadog.apm", **APM)),
        classes=(4, 5), pair="iu-order-nil-address", entry="/checkout.v1.CheckoutService/PriceCart", span=2, renames={"applyPromo": "applyPromotion"}),
    Bug("iu-order-nil-address", "storefront-api", (Exc("runtime.errorString", NIL, (*unary("checkout.v1.CheckoutService", "PlaceOrder", "internal/checkout", "order.go", 77), app("internal/checkout", "collectionPoint", "collect.go", 19), SIGPANIC)),),
        (see("sentry.error", 2), see("splunk", 2, search="shop - recovered panics", kind="panic"), see("datadog.apm", **APM)),
        classes=(4,), pair="iu-cart-nil-promo", entry="/checkout.v1.CheckoutService/PlaceOrder"),
    # Duplicate keys on two tables through one pgx Exec.
    Bug("iu-dup-reservation", "inventory-svc", (Exc("*pgconn.PgError", unique("stock_reservations_order_id_sku_key"), ()),
                                                Exc("*errors.withStack", "reserve stock: " + unique("stock_reservations_order_id_sku_key"), (*unary("inventory.v1.InventoryService", "Reserve", "internal/inventory", "reserve.go", 52), app("internal/store", "(*Stock).Reserve", "stock.go", 64), *PGX_EXEC))),
        (see("sentry.error", 3), see("splunk", 2, **INV_SEARCH), see("splunk", **GRPC_SEARCH, service="inventory.v1.InventoryService"), see("datadog.apm", **APM_INV)),
        classes=(4, 9), pair="iu-dup-click-collect", log="reserve failed", entry="/inventory.v1.InventoryService/Reserve"),
    Bug("iu-dup-click-collect", "inventory-svc", (Exc("*pgconn.PgError", unique("collection_slots_store_id_starts_at_key"), ()),
                                                  Exc("*errors.withStack", "book slot: " + unique("collection_slots_store_id_starts_at_key"), (*unary("inventory.v1.InventoryService", "BookSlot", "internal/inventory", "slots.go", 38), app("internal/store", "(*Slots).Book", "slots.go", 41), *PGX_EXEC))),
        (see("sentry.error", 2), see("splunk", 2, **INV_SEARCH), see("datadog.apm", **APM_INV)),
        classes=(4, 9), pair="iu-dup-reservation", log="book slot failed", entry="/inventory.v1.InventoryService/BookSlot"),
    # One courier client post() under a deadline and under a 422.
    Bug("iu-courier-deadline", "fulfilment-worker", (Exc("context.deadlineExceededError", "context deadline exceeded", ()),
                                                     Exc("*errors.withStack", 'book courier for order {order}: Post "https://api.parcelroute.example/v2/shipments": context deadline exceeded', (*CONSUME, app("internal/courier", "(*Client).Book", "client.go", 41), CARRIER_DO, golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590)))),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", 2, **WORKMON)),
        classes=(9, 7), pair="iu-courier-422", log="order.paid handler failed", entry="orders.paid"),
    Bug("iu-courier-422", "fulfilment-worker", (Exc("*errors.fundamental", "courier: unexpected status 422: postcode {region} is not serviceable", (*CONSUME, app("internal/courier", "(*Client).Book", "client.go", 41), CARRIER_DO, app("internal/courier", "checkStatus", "client.go", 112))),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", **WORKMON)),
        classes=(9,), pair="iu-courier-deadline", log="order.paid handler failed", entry="orders.paid"),
    # pgx.ErrNoRows behind two lookups.
    Bug("iu-product-norows", "storefront-api", (Exc("*errors.errorString", NOROWS, ()),
                                                Exc("*errors.withStack", "get product {sku}: " + NOROWS, (*unary("catalog.v1.CatalogService", "GetProduct", "internal/catalog", "product.go", 29), app("internal/store", "(*Products).Get", "products.go", 52), *PGX_QUERYROW))),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH), see("splunk", **GRPC_SEARCH, service="catalog.v1.CatalogService"), see("posthog", title="get product failed")),
        classes=(4,), pair="iu-store-norows", log="get product", entry="/catalog.v1.CatalogService/GetProduct"),
    Bug("iu-store-norows", "storefront-api", (Exc("*errors.errorString", NOROWS, ()),
                                              Exc("*errors.withStack", "load store {n}: " + NOROWS, (*unary("checkout.v1.CheckoutService", "ListSlots", "internal/checkout", "slots.go", 23), app("internal/store", "(*Stores).Get", "stores.go", 37), *PGX_QUERYROW))),
        (see("sentry.error", 3), see("splunk", **SEARCH), see("datadog.log", **LOGMON)),
        classes=(4,), pair="iu-product-norows", log="list slots", entry="/checkout.v1.CheckoutService/ListSlots"),
    # One gift-card helper with two different errors.
    Bug("iu-giftcard-parse", "storefront-api", (Exc("*strconv.NumError", 'strconv.ParseInt: parsing "{giftcode}": invalid syntax', (*unary("checkout.v1.CheckoutService", "RedeemGiftCard", "internal/checkout", "giftcard.go", 33), app("internal/giftcard", "Decode", "code.go", 18), golib("strconv", "ParseInt", GOSRC + "strconv/atoi.go", 201))),),
        (see("sentry.error", 2), see("posthog", 2, title="gift card redemption failed"), see("splunk", **SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="iu-giftcard-expired-panic", log="redeem gift card", entry="/checkout.v1.CheckoutService/RedeemGiftCard"),
    Bug("iu-giftcard-expired-panic", "storefront-api", (Exc("runtime.boundsError", "runtime error: index out of range [3] with length 3", (*unary("checkout.v1.CheckoutService", "RedeemGiftCard", "internal/checkout", "giftcard.go", 33), app("internal/giftcard", "Decode", "code.go", 26), BOUNDS)),),
        (see("sentry.error", 3), see("splunk", 2, search="shop - recovered panics", kind="panic"), see("datadog.apm", **APM)),
        classes=(4,), pair="iu-giftcard-parse", entry="/checkout.v1.CheckoutService/RedeemGiftCard"),
    # Two worker failures under one saved search and one monitor.
    Bug("iu-nats-ack-timeout", "fulfilment-worker", (Exc("*errors.errorString", "nats: timeout", ()),
                                                     Exc("*errors.withStack", "ack order.paid {order}: nats: timeout", (*CONSUME, app("internal/worker", "(*Consumer).ack", "consumer.go", 91), golib("github.com/nats-io/nats.go", "(*Msg).AckSync", NATS + "jsm.go", 1301)))),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", 2, **WORKMON)),
        classes=(2,), pair="iu-label-json", log="order.paid handler failed", entry="orders.paid"),
    Bug("iu-label-json", "fulfilment-worker", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field Label.parcels.weight_grams of type string", (*CONSUME, app("internal/courier", "(*Client).Label", "label.go", 47), golib("encoding/json", "(*decodeState).unmarshal", GOSRC + "encoding/json/decode.go", 180))),),
        (see("sentry.error", 3), see("splunk", **WORKER_SEARCH), see("datadog.log", 2, **WORKMON)),
        classes=(2,), pair="iu-nats-ack-timeout", log="order.paid handler failed", entry="orders.paid"),
    # Not pairs.
    Bug("iu-inventory-unavailable", "storefront-api", (Exc("*status.Error", 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp {ip}:9090: connect: connection refused"', (*unary("checkout.v1.CheckoutService", "PlaceOrder", "internal/checkout", "order.go", 61), app("internal/inventoryclient", "(*Client).Reserve", "client.go", 35), golib("google.golang.org/grpc", "(*ClientConn).Invoke", GRPC + "call.go", 35))),),
        (see("sentry.error", 2), see("posthog", title="*status.Error"), see("splunk", **SEARCH, verbose=False), see("splunk", **GRPC_SEARCH, method="PlaceOrder"), see("datadog.apm", **APM)),
        classes=(7,), log="place order: reserve stock", entry="/checkout.v1.CheckoutService/PlaceOrder"),
    Bug("iu-warehouse-sync-refused", "inventory-svc", (Exc("*net.OpError", "dial tcp {ip}:5432: connect: connection refused", ()),
                                                      Exc("*errors.withStack", "sync warehouse 3: failed to connect to `host=pg-warehouse.shop.svc user=inventory database=stock`: dial error (dial tcp {ip}:5432: connect: connection refused)", (*unary("inventory.v1.InventoryService", "SyncWarehouse", "internal/inventory", "sync.go", 61), app("internal/store", "(*Warehouse).Pull", "warehouse.go", 22), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Acquire", PGX + "pgxpool/pool.go", 512)))),
        (see("sentry.error", 2), see("splunk", 3, **INV_SEARCH), see("datadog.apm", **APM_INV)),
        classes=(7,), log="warehouse sync", entry="/inventory.v1.InventoryService/SyncWarehouse"),
    Bug("iu-payment-canceled", "storefront-api", (Exc("*errors.withStack", "capture payment pi_{hex}: context canceled", (*unary("checkout.v1.CheckoutService", "PlaceOrder", "internal/checkout", "order.go", 92), app("internal/payments", "(*Client).Capture", "capture.go", 58), golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590))),),
        (see("sentry.error", 3), see("posthog", title="*errors.withStack"), see("splunk", 2, **SEARCH), see("splunk", **GRPC_SEARCH, method="PlaceOrder"), see("datadog.log", **LOGMON)),
        classes=(1,), log="place order: capture", entry="/checkout.v1.CheckoutService/PlaceOrder"),
    Bug("iu-singleton-divzero", "storefront-api", (Exc("runtime.errorString", "runtime error: integer divide by zero", (*unary("catalog.v1.CatalogService", "ListProducts", "internal/catalog", "list.go", 48), app("internal/catalog", "pageCount", "page.go", 9), golib("runtime", "panicdivide", GOSRC + "runtime/panic.go", 245))),),
        (see("sentry.error"),),
        singleton=True, entry="/catalog.v1.CatalogService/ListProducts"),
]

NOISE = [
    Noise("iu-noise-deploy", "storefront-api", "datadog.event", {"monitor": "Deployed storefront-api", "text": "storefront-api v2.14.0 rolled out (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("iu-noise-recovered", "fulfilment-worker", "datadog.log", {"monitor": "[fulfilment-worker] error logs", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": "service:fulfilment-worker status:error", "text": "fulfilment-worker errors recovered."}),
    Noise("iu-noise-started", "inventory-svc", "splunk", {"line": '{"level":"info","ts":1772700000.123,"caller":"cmd/main.go:64","msg":"grpc server listening","addr":":9090"}', "search": "inventory-svc - zap errors"}),
]

MATTERDALE = Company(
    key="iu",
    name="Matterdale Outfitters",
    domain="matterdale-outfitters.example",
    sentry_org="matterdale",
    splunk_url="https://splunk.matterdale-outfitters.example:8000",
    splunk_guid="4A1E2C3D-84AA-4F10-9B21-7C0D5E6F8410",
    datadog_org=("841010", "Matterdale Outfitters"),
    datadog_template="recommended",
    posthog_project=(84101, "Matterdale"),
    releases=("v2.13.4", "v2.14.0", "v2.14.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="matterdale-sentry-client-secret",
)
# fmt: on
