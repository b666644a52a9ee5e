"""(cf) Wetherlam Grain, a grain-haulage marketplace for farm co-ops: Go 1.23 services.
``order-svc`` (Kratos v2.8, HTTP and gRPC from one proto, ent over MySQL 8, go-redis),
``weighbridge-svc`` (Kratos, gRPC from the weighbridge terminals, ent over MySQL) and
``invoice-svc`` (go-kit on net/http, sqlx over MySQL, a PDF renderer).

Sentry: sentry-go; panics captured by go-kratos/sentry's server middleware (``Repanic``),
returned errors by the team's ``errx.Capture`` helper in the service layer, so a handled
error's stack ends in that helper. Splunk: the Kratos services' ``log.NewStdLogger`` lines
(the logging middleware's ``stack=`` error text and no Go stack; the recovery middleware's
goroutine dump) and go-kit's logfmt, read from the containers' stdout. Datadog: log monitors
pasting the text line, dd-trace-go's net/http spans on ``invoice-svc`` only (the plugin's
recommended template). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_GO = ("sentry.go", "0.30.0", "github.com/getsentry/sentry-go")
SERVICES = {
    "order-svc": Service("order-svc", "go", "cf-kratos-std", "kratos:std", "/var/log/containers/order-svc.log", "grain_prod", 7270011, "go1.23.4", framework="", sdk=SDK_GO),
    "weighbridge-svc": Service("weighbridge-svc", "go", "cf-kratos-std", "kratos:std", "/var/log/containers/weighbridge-svc.log", "grain_prod", 7270012, "go1.23.4", framework="", sdk=SDK_GO),
    "invoice-svc": Service("invoice-svc", "go", "cf-gokit-logfmt", "gokit:logfmt", "/var/log/containers/invoice-svc.log", "grain_prod", 7270013, "go1.23.4", framework="go-nethttp", sdk=SDK_GO),
}

MOD = "github.com/wetherlam/grain"
KRATOS = "/go/pkg/mod/github.com/go-kratos/kratos/v2@v2.8.2/"
GRPC = "/go/pkg/mod/google.golang.org/grpc@v1.64.0/"
ENT = "/go/pkg/mod/entgo.io/ent@v0.14.1/"


def app(svc: str, pkg: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/app/{svc}/internal/{pkg}", function, f"/build/app/{svc}/internal/{file}", line)


def api(svc: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/api/{svc}/v1", function, f"/build/api/{svc}/v1/{file}", line)


MIDDLEWARE = (
    golib("github.com/go-kratos/kratos/v2/middleware/recovery", "Recovery.func2.1", KRATOS + "middleware/recovery/recovery.go", 62),
    golib("github.com/go-kratos/kratos/v2/middleware/logging", "Server.func1.1", KRATOS + "middleware/logging/logging.go", 42),
    golib("github.com/go-kratos/sentry", "Server.func1.1", "/go/pkg/mod/github.com/go-kratos/sentry@v0.0.0-20211021071616-de3a2011c4e4/sentry.go", 79),
)


def kratos_http(svc: str, handler: str, pb_line: int) -> tuple[Frame, ...]:
    return (
        golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
        golib("github.com/gorilla/mux", "(*Router).ServeHTTP", "/go/pkg/mod/github.com/gorilla/mux@v1.8.1/mux.go", 212),
        golib("github.com/go-kratos/kratos/v2/transport/http", "(*Router).Handle.func1", KRATOS + "transport/http/router.go", 49),
        api(svc, handler + ".func1", f"{svc}_http.pb.go", pb_line),
        *MIDDLEWARE,
        api(svc, handler + ".func1.1", f"{svc}_http.pb.go", pb_line - 3),
    )


def kratos_grpc(svc: str, handler: str, pb_line: int) -> tuple[Frame, ...]:
    return (
        golib("google.golang.org/grpc", "(*Server).handleStream", GRPC + "server.go", 1795),
        golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC + "server.go", 1379),
        api(svc, handler, f"{svc}_grpc.pb.go", pb_line),
        golib("github.com/go-kratos/kratos/v2/transport/grpc", "(*Server).unaryServerInterceptor.func1", KRATOS + "transport/grpc/interceptor.go", 35),
        *MIDDLEWARE,
        api(svc, handler + ".func1", f"{svc}_grpc.pb.go", pb_line - 2),
    )


GOKIT = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("gopkg.in/DataDog/dd-trace-go.v1/contrib/net/http", "TraceAndServe", "/go/pkg/mod/gopkg.in/!data!dog/dd-trace-go.v1@v1.69.1/contrib/net/http/trace.go", 129),
    golib("github.com/go-kit/kit/transport/http", "Server.ServeHTTP", "/go/pkg/mod/github.com/go-kit/kit@v0.13.0/transport/http/server.go", 121),
    go(f"{MOD}/app/invoice/endpoint", "MakeEndpoints.func1", "/build/app/invoice/endpoint/endpoint.go", 31),
)
# The service layer's reporting helper: every handled error's stack ends here.
CAPTURE_ORDER = app("order", "errx", "Capture", "errx/capture.go", 19)
CAPTURE_WB = app("weighbridge", "errx", "Capture", "errx/capture.go", 19)
# The shared HTTP client of the monorepo: both partner timeouts pass through it.
HTTPX_DO = go(f"{MOD}/pkg/httpx", "(*Client).Do", "/build/pkg/httpx/client.go", 58)
NIL = "runtime error: invalid memory address or nil pointer dereference"


def kerr(code: int, reason: str, message: str, cause: str) -> str:
    return f"error: code = {code} reason = {reason} message = {message} metadata = map[] cause = {cause}"


def dup(entry: str, key: str) -> str:
    return f"Error 1062 (23000): Duplicate entry '{entry}' for key '{key}'"


TEAM = "grain-core"
KRATOS_SEARCH = {"search": "grain kratos errors"}
INVOICE_SEARCH = {"search": "invoice-svc errors"}
ORDER_LOG = {"monitor": "order-svc error logs", "team": TEAM, "filter": "service:order-svc status:error", "text": "order-svc logged errors above 5 in 5m.\n\n{{log.message}}"}
WB_LOG = {"component": "grpc", "monitor": "weighbridge-svc error logs", "team": TEAM, "filter": "service:weighbridge-svc status:error", "text": "weighbridge-svc: errors logged.\n\n```\n{{log.message}}\n```", "sample_lines": 2}
INVOICE_LOG = {"monitor": "invoice-svc error logs", "team": TEAM, "filter": "service:invoice-svc status:error", "text": "invoice-svc error log: {{log.message}}"}

BUGS = [
    # ent's not-found for two entities, each wrapped in a Kratos error by its usecase.
    Bug("cf-lot-not-found", "order-svc", (Exc("*ent.NotFoundError", "ent: grain_lot not found"), Exc("*errors.Error", kerr(500, "LOT_MISSING", "grain lot {id} not found", "ent: grain_lot not found"), (*kratos_http("order", "_Order_CreateOrder0_HTTP_Handler", 118), app("order", "service", "(*OrderService).CreateOrder", "service/order.go", 44), CAPTURE_ORDER))),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **KRATOS_SEARCH), see("datadog.log", **ORDER_LOG)),
        classes=(4, 9), pair="cf-haulier-not-found", entry="/api.order.v1.Order/CreateOrder", span=2),
    Bug("cf-haulier-not-found", "weighbridge-svc", (Exc("*ent.NotFoundError", "ent: haulier not found"), Exc("*errors.Error", kerr(500, "HAULIER_MISSING", "haulier {id} not found", "ent: haulier not found"), (*kratos_grpc("weighbridge", "_Weighbridge_AssignHaulier_Handler", 231), app("weighbridge", "service", "(*TicketService).AssignHaulier", "service/ticket.go", 97), CAPTURE_WB))),
        (see("sentry.error", 3), see("splunk", 2, component="grpc", **KRATOS_SEARCH), see("datadog.log", **WB_LOG)),
        classes=(4, 9), pair="cf-lot-not-found", entry="/api.weighbridge.v1.Weighbridge/AssignHaulier"),
    # Duplicate keys on two MySQL unique indexes through ent's ConstraintError.
    Bug("cf-ticket-dup", "weighbridge-svc", (Exc("*mysql.MySQLError", dup("WB-2026-{order}", "tickets.uniq_ticket_no")), Exc("*ent.ConstraintError", "ent: constraint failed: " + dup("WB-2026-{order}", "tickets.uniq_ticket_no")), Exc("*errors.Error", kerr(500, "TICKET_SAVE", "save ticket", "ent: constraint failed: " + dup("WB-2026-{order}", "tickets.uniq_ticket_no")), (*kratos_grpc("weighbridge", "_Weighbridge_SubmitTicket_Handler", 198), app("weighbridge", "service", "(*TicketService).Submit", "service/ticket.go", 58), CAPTURE_WB))),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, component="grpc", **KRATOS_SEARCH), see("datadog.log", 2, **WB_LOG)),
        classes=(4,), pair="cf-booking-dup", entry="/api.weighbridge.v1.Weighbridge/SubmitTicket", span=2),
    Bug("cf-booking-dup", "order-svc", (Exc("*mysql.MySQLError", dup("{n}-{plate}", "bookings.uniq_slot_vehicle")), Exc("*ent.ConstraintError", "ent: constraint failed: " + dup("{n}-{plate}", "bookings.uniq_slot_vehicle")), Exc("*errors.Error", kerr(500, "BOOKING_SAVE", "book slot", "ent: constraint failed: " + dup("{n}-{plate}", "bookings.uniq_slot_vehicle")), (*kratos_http("order", "_Order_BookSlot0_HTTP_Handler", 164), app("order", "service", "(*OrderService).BookSlot", "service/slot.go", 36), CAPTURE_ORDER))),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("sentry.issue"), see("splunk", 2, **KRATOS_SEARCH), see("datadog.log", **ORDER_LOG)),
        classes=(4,), pair="cf-ticket-dup", entry="/api.order.v1.Order/BookSlot"),
    # One nil dereference message from two handlers, recovered by Kratos' middleware.
    Bug("cf-nil-quote", "order-svc", (Exc("runtime.errorString", NIL, (*kratos_http("order", "_Order_Quote0_HTTP_Handler", 141), app("order", "service", "(*OrderService).Quote", "service/quote.go", 29), app("order", "biz", "(*QuoteUsecase).Price", "biz/quote.go", 63), app("order", "biz", "haulRate", "biz/rates.go", 22))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, panic=True, req="&{LotId:{id} Postcode:{zone}}", **KRATOS_SEARCH), see("datadog.log", panic=True, req="&{LotId:{id} Postcode:{zone}}", **ORDER_LOG)),
        classes=(4,), pair="cf-nil-submit", entry="/api.order.v1.Order/Quote", span=2, renames={"(*OrderService).Quote": "(*OrderService).GetQuote"}),
    Bug("cf-nil-submit", "weighbridge-svc", (Exc("runtime.errorString", NIL, (*kratos_grpc("weighbridge", "_Weighbridge_SubmitTicket_Handler", 198), app("weighbridge", "service", "(*TicketService).Submit", "service/ticket.go", 52), app("weighbridge", "biz", "(*TicketUsecase).NetWeight", "biz/ticket.go", 88))),),
        (see("sentry.error", 2), see("splunk", 3, panic=True, req="&{TerminalId:{n} Gross:{ms} Tare:{line}}", **KRATOS_SEARCH), see("datadog.log", panic=True, req="&{TerminalId:{n} Gross:{ms} Tare:{line}}", **WB_LOG)),
        classes=(4,), pair="cf-nil-quote", entry="/api.weighbridge.v1.Weighbridge/SubmitTicket"),
    # The moisture deduction table: an out-of-range band, and a zero sample weight.
    Bug("cf-moisture-index", "weighbridge-svc", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*kratos_grpc("weighbridge", "_Weighbridge_GradeSample_Handler", 254), app("weighbridge", "service", "(*GradeService).Grade", "service/grade.go", 41), app("weighbridge", "biz", "Deduction", "biz/moisture.go", 27))),),
        (see("sentry.error", 3), see("splunk", 2, panic=True, req="&{TicketId:{id} MoisturePct:{idx}}", **KRATOS_SEARCH), see("datadog.log", panic=True, req="&{TicketId:{id} MoisturePct:{idx}}", **WB_LOG)),
        classes=(4,), pair="cf-moisture-divide", entry="/api.weighbridge.v1.Weighbridge/GradeSample"),
    Bug("cf-moisture-divide", "weighbridge-svc", (Exc("runtime.errorString", "runtime error: integer divide by zero", (*kratos_grpc("weighbridge", "_Weighbridge_GradeSample_Handler", 254), app("weighbridge", "service", "(*GradeService).Grade", "service/grade.go", 41), app("weighbridge", "biz", "Deduction", "biz/moisture.go", 34))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, panic=True, req="&{TicketId:{id} MoisturePct:0}", **KRATOS_SEARCH)),
        classes=(4,), pair="cf-moisture-index", entry="/api.weighbridge.v1.Weighbridge/GradeSample"),
    # Two partners timing out through the monorepo's one HTTP client.
    Bug("cf-price-feed-timeout", "order-svc", (Exc("*url.Error", 'Get "https://feeds.grainprice.example/v2/spot?crop=wheat": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), Exc("*errors.Error", kerr(503, "PRICE_FEED", "spot price unavailable", 'Get "https://feeds.grainprice.example/v2/spot?crop=wheat": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), (*kratos_http("order", "_Order_Quote0_HTTP_Handler", 141), app("order", "service", "(*OrderService).Quote", "service/quote.go", 33), app("order", "data", "(*priceRepo).Spot", "data/price.go", 40), HTTPX_DO, CAPTURE_ORDER))),
        (see("sentry.error", 3), see("splunk", 2, **KRATOS_SEARCH), see("datadog.log", **ORDER_LOG)),
        classes=(9,), pair="cf-sms-timeout", entry="/api.order.v1.Order/Quote"),
    Bug("cf-sms-timeout", "weighbridge-svc", (Exc("*url.Error", 'Post "https://api.textrelay.example/v1/sms": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), Exc("*errors.Error", kerr(503, "SMS_SEND", "notify haulier", 'Post "https://api.textrelay.example/v1/sms": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), (*kratos_grpc("weighbridge", "_Weighbridge_SubmitTicket_Handler", 198), app("weighbridge", "service", "(*TicketService).Submit", "service/ticket.go", 71), app("weighbridge", "data", "(*smsRepo).Send", "data/sms.go", 25), HTTPX_DO, CAPTURE_WB))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, component="grpc", **KRATOS_SEARCH), see("datadog.log", **WB_LOG)),
        classes=(5, 9), pair="cf-price-feed-timeout", entry="/api.weighbridge.v1.Weighbridge/SubmitTicket", span=3),
    # go-kit invoice service: an account row gone, a lock wait, a missing font.
    Bug("cf-invoice-no-rows", "invoice-svc", (Exc("*errors.errorString", "sql: no rows in result set"), Exc("*fmt.wrapError", "load account CO-{n}: sql: no rows in result set", (*GOKIT, go(f"{MOD}/app/invoice/service", "(*invoiceService).Issue", "/build/app/invoice/service/service.go", 57), go(f"{MOD}/app/invoice/store", "(*Store).Account", "/build/app/invoice/store/account.go", 23)))),
        (see("sentry.error", 3), see("splunk", 2, **INVOICE_SEARCH), see("datadog.apm", style="route", monitor="POST /v1/invoices error rate", team=TEAM)),
        entry="POST /v1/invoices", span=2),
    Bug("cf-invoice-lock-wait", "invoice-svc", (Exc("*mysql.MySQLError", "Error 1205 (HY000): Lock wait timeout exceeded; try restarting transaction"), Exc("*fmt.wrapError", "mark paid INV-{order}: Error 1205 (HY000): Lock wait timeout exceeded; try restarting transaction", (*GOKIT, go(f"{MOD}/app/invoice/service", "(*invoiceService).MarkPaid", "/build/app/invoice/service/service.go", 93), go(f"{MOD}/app/invoice/store", "(*Store).MarkPaid", "/build/app/invoice/store/invoice.go", 71)))),
        (see("sentry.error", 2), see("splunk", 2, **INVOICE_SEARCH), see("datadog.log", 2, **INVOICE_LOG)),
        entry="POST /v1/invoices/{id}/paid"),
    Bug("cf-invoice-font", "invoice-svc", (Exc("*fs.PathError", "open /srv/fonts/DejaVuSans.ttf: no such file or directory"), Exc("*fmt.wrapError", "render INV-{order}: open /srv/fonts/DejaVuSans.ttf: no such file or directory", (go(f"{MOD}/app/invoice/cmd", "main.runBatch", "/build/app/invoice/cmd/batch.go", 48), go(f"{MOD}/app/invoice/pdf", "Render", "/build/app/invoice/pdf/render.go", 36)))),
        (see("sentry.error", 2), see("splunk", 3, msg="monthly batch failed", **INVOICE_SEARCH)),
        entry="monthly-batch", log="monthly batch failed"),
    # The gRPC call from orders to the weighbridge service hitting its deadline.
    Bug("cf-grpc-deadline", "order-svc", (Exc("*status.Error", "rpc error: code = DeadlineExceeded desc = context deadline exceeded"), Exc("*errors.Error", kerr(504, "WEIGHBRIDGE_TIMEOUT", "weighbridge unavailable", "rpc error: code = DeadlineExceeded desc = context deadline exceeded"), (*kratos_http("order", "_Order_GetOrder0_HTTP_Handler", 96), app("order", "service", "(*OrderService).GetOrder", "service/order.go", 81), app("order", "data", "(*ticketRepo).ForOrder", "data/ticket.go", 31), golib("google.golang.org/grpc", "(*ClientConn).Invoke", GRPC + "call.go", 35), CAPTURE_ORDER))),
        (see("sentry.error", 2), see("sentry.alert", rule="order-svc: error spike"), see("splunk", 2, **KRATOS_SEARCH), see("datadog.log", 2, **ORDER_LOG)),
        entry="/api.order.v1.Order/GetOrder"),
    # Validation rejects a reading from old terminals: logged at error level, never captured.
    Bug("cf-validate-moisture", "weighbridge-svc", (Exc("*errors.Error", "error: code = 400 reason = VALIDATOR message = invalid SubmitTicketRequest.MoisturePct: value must be inside range [0, 40] metadata = map[] cause = <nil>"),),
        (see("splunk", 3, component="grpc", args="terminal_id:{n} gross_kg:{ms} moisture_pct:{line}", **KRATOS_SEARCH), see("datadog.log", 2, **WB_LOG)),
        entry="/api.weighbridge.v1.Weighbridge/SubmitTicket"),
    # go-redis running out of pooled connections when the quote cache is cold.
    Bug("cf-redis-pool", "order-svc", (Exc("*errors.errorString", "redis: connection pool timeout"), Exc("*errors.Error", kerr(500, "CACHE", "quote cache", "redis: connection pool timeout"), (*kratos_http("order", "_Order_Quote0_HTTP_Handler", 141), app("order", "service", "(*OrderService).Quote", "service/quote.go", 25), app("order", "data", "(*quoteCache).Get", "data/cache.go", 19), golib("github.com/redis/go-redis/v9", "(*baseClient).getConn", "/go/pkg/mod/github.com/redis/go-redis/v9@v9.6.1/redis.go", 231), CAPTURE_ORDER))),
        (see("sentry.error", 2), see("datadog.log", 2, **ORDER_LOG)),
        entry="/api.order.v1.Order/Quote"),
    # Terminal syncs: one warning template, sizes and Go durations.
    Bug("cf-terminal-sync-slow", "weighbridge-svc", (),
        (see("splunk", 3, search="grain weighbridge sync warnings", line="WARN ts={tsms} caller=biz/sync.go:88 service.id=weighbridge-svc service.name=weighbridge-svc msg=terminal sync slow: terminal=T{n} took {godur} payload {size}"), see("datadog.log", monitor="Slow terminal syncs", team=TEAM, filter='service:weighbridge-svc "terminal sync slow"', text="Terminal T{n} sync took {godur} ({size})")),
        classes=(7,)),
    # Seen once: a map written from two goroutines; the runtime kills the process.
    Bug("cf-concurrent-map", "order-svc", (),
        (see("splunk", search="grain fatal errors", line="fatal error: concurrent map writes\n\ngoroutine {n} [running]:\ngithub.com/wetherlam/grain/app/order/internal/data.(*quoteCache).Put(...)\n\t/build/app/order/internal/data/cache.go:37\ngithub.com/wetherlam/grain/app/order/internal/biz.(*QuoteUsecase).Price(0xc0001a2000, {0x1c4f2a8, 0xc000412ab0}, 0xc0003b8000)\n\t/build/app/order/internal/biz/quote.go:71 +0x2f4"),),
        singleton=True),
]

NOISE = [
    Noise("cf-noise-listening", "order-svc", "splunk", {"search": "grain kratos errors", "line": "INFO ts={tsms} caller=http/server.go:317 service.id=order-svc service.name=order-svc msg=[HTTP] server listening on: [::]:8000"}),
    Noise("cf-noise-deploy", "invoice-svc", "datadog.event", {"monitor": "Deployed invoice-svc v2.14.0", "text": "Flux reconciled invoice-svc to v2.14.0.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("cf-noise-recovered", "weighbridge-svc", "datadog.log", {"monitor": "weighbridge-svc error logs", "transition": "Recovered", "alert_type": "success", "text": "weighbridge-svc error logs are back under 5 in 5m.", "priority": "P3", "team": TEAM}),
]

WETHERLAM = Company(
    key="cf",
    name="Wetherlam Grain",
    domain="wetherlam.example",
    sentry_org="wetherlam",
    splunk_url="https://splunk.wetherlam.example:8000",
    splunk_guid="6C1E3A8B-52D4-4F0B-9A71-2E8D5C3F1B90",
    datadog_org=("660213", "Wetherlam Grain"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v1.8.0", "v1.9.0", "v1.9.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="wetherlam-sentry-client-secret",
)
