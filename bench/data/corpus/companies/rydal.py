"""(ey) Rydal Playhouse, a regional theatre's box office: a NestJS 10 API on Node 20
(``box-office-api``: performances, seat holds, orders, tickets; Prisma 5 over Postgres; BullMQ
processors for payment captures, refunds and confirmation mail, axios to the payment
provider) and an Angular 17 seat-picking app built by the esbuild application builder
(``box-office-web``: ``main-<HASH>.js``, ``polyfills-<HASH>.js``, ``chunk-<HASH>.js``).

Logs: nestjs-pino (``ey-nest-pino``): Nest's ``ExceptionsHandler`` records with the request
and an ``err`` that is always ``Error`` (the real type only in the stack's first line), and
the processors' ``logger.error({ err }, msg)`` through pino's ``err`` serializer, the causes'
messages joined with ": " and their stacks after ``caused by:``. Splunk indexes them.
Sentry: @sentry/nestjs (``node``) and @sentry/angular (``javascript``). PostHog:
posthog-js's exception autocapture on the app, posthog-node's ``captureException`` in the
API's exception filter. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NEST_HTTP, NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
NEST_SDK = ("sentry.javascript.nestjs", "8.42.0", "npm:@sentry/nestjs")
NG_SDK = ("sentry.javascript.angular", "8.42.0", "npm:@sentry/angular")
SERVICES = {
    "box-office-api": Service("box-office-api", "node", "ey-nest-pino", "rydal:pino", "/var/log/containers/box-office-api.log", "rydal", 5580231, "node v20.11.1", framework="nestjs", sdk=NEST_SDK),
    "box-office-web": Service("box-office-web", "javascript", "", "", "", "", 5580232, origin="https://tickets.rydal.example", framework="angular", sdk=NG_SDK),
}

PRISMA = "node_modules/@prisma/client/runtime/library.js"
PRISMA_CALL = (
    nd(PRISMA, "Proxy._executeRequest", 124, 63, lib=True, awaited=True),
    nd(PRISMA, "Proxy._request", 123, 6817, lib=True, awaited=True),
    nd(PRISMA, "kn.request", 121, 6911, lib=True),
    nd(PRISMA, "kn.handleRequestError", 121, 7774, lib=True),
    nd(PRISMA, "kn.handleAndLogRequestError", 121, 7259, lib=True),
)
BULLMQ = (
    nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.retryIfFailed", 638, 24, lib=True, awaited=True),
    nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.processJob", 469, 28, lib=True, awaited=True),
    nd("node_modules/@nestjs/bullmq/dist/bull.explorer.js", "", 141, 24, lib=True, awaited=True),
)
AXIOS = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 3876, 41, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/axios/dist/node/axios.cjs", "RedirectableRequest.handleRequestTimeout", 3127, 16, lib=True),
    nd("node_modules/axios/dist/node/axios.cjs", "AxiosError.from", 876, 14, lib=True),
)
# The payment provider client both processors call; its frame is the last app frame of both.
PAY_POST = nd("src/payments/payments.client.ts", "PaymentsClient.post", 38, 22, awaited=True)

NG = "node_modules/@angular/core/fesm2022/core.mjs"
ZONE = "node_modules/zone.js/fesm2015/zone.js"
NG_RENDER = (
    js(ZONE, "_ZoneDelegate.invoke", 368, 26, "polyfills", lib=True),
    js(NG, "refreshView", 12493, 13, "main", lib=True),
    js(NG, "executeTemplate", 12041, 9, "main", lib=True),
)
NG_CLICK = (
    js(ZONE, "_ZoneDelegate.invokeTask", 402, 31, "polyfills", lib=True),
    js(ZONE, "ZoneTask.invokeTask", 569, 33, "polyfills", lib=True),
    js(NG, "wrapListenerIn_markDirtyAndPreventDefault", 26162, 36, "main", lib=True),
)
NG_RESOLVE = (
    js(ZONE, "drainMicroTaskQueue", 590, 35, "polyfills", lib=True),
    js(ZONE, "_ZoneDelegate.invoke", 368, 26, "polyfills", lib=True),
    js("node_modules/@angular/router/fesm2022/router.mjs", "getResolver", 3641, 34, "main", lib=True),
)

API = {"search": "box-office-api - ExceptionsHandler"}
JOBS = {"search": "box-office-api - processor errors"}


def route(path: str, function: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*NEST_HTTP, nd(f"src/{path}", function, line, col, awaited=True), *more)


def job(path: str, function: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*BULLMQ, nd(f"src/{path}", function, line, col, awaited=True), *more)


def p2002(model: str, op: str, fields: str, frames: tuple[Frame, ...]) -> Exc:
    msg = f"\nInvalid `this.prisma.{model}.{op}()` invocation in\n/app/dist/{frames[-1].file.removeprefix('src/').rsplit('.', 1)[0]}.js:{frames[-1].line + 3}:{frames[-1].col + 40}\n\n\nUnique constraint failed on the fields: ({fields})"
    return Exc("PrismaClientKnownRequestError", msg, (*frames, *PRISMA_CALL))


def axios_timeout(wrapper: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("AxiosError", "timeout of 10000ms exceeded", AXIOS),
        Exc("Error", wrapper, frames),
    )


AXIOS_PROPS = {"code": "ECONNABORTED", "name": "AxiosError"}
READ_AMOUNT = JsError("read-undefined", "ctx.seat.price", "amount")

BUGS = [
    # Unique violations through Prisma on two models.
    Bug("ey-order-idem-dup", "box-office-api", (p2002("order", "create", "`idempotencyKey`", route("orders/orders.controller.ts", "OrdersController.create", 41, 12, nd("src/orders/orders.service.ts", "OrdersService.create", 58, 20, awaited=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("posthog", 2)),
        classes=(4, 1), pair="ey-hold-seat-dup", entry="POST /api/orders"),
    Bug("ey-hold-seat-dup", "box-office-api", (p2002("seatHold", "create", "`performanceId`,`seatId`", route("holds/holds.controller.ts", "HoldsController.hold", 27, 12, nd("src/holds/holds.service.ts", "HoldsService.hold", 44, 20, awaited=True))),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog")),
        classes=(4, 1), pair="ey-order-idem-dup", entry="POST /api/performances/{id}/holds"),
    # One ticket issuer, two exceptions.
    Bug("ey-issue-barcode-undefined", "box-office-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'barcode')", route("tickets/tickets.controller.ts", "TicketsController.issue", 33, 12, nd("src/tickets/tickets.service.ts", "TicketsService.issue", 71, 38))),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 2)),
        classes=(4,), pair="ey-issue-invalid-time", entry="POST /api/orders/{id}/tickets"),
    Bug("ey-issue-invalid-time", "box-office-api", (Exc("RangeError", "Invalid time value", route("tickets/tickets.controller.ts", "TicketsController.issue", 33, 12, nd("src/tickets/tickets.service.ts", "TicketsService.issue", 66, 25), nd("node_modules/date-fns/format.js", "format", 366, 11, lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("posthog")),
        classes=(4, 5), pair="ey-issue-barcode-undefined", entry="POST /api/orders/{id}/tickets", span=2),
    # Two processors time out in the one provider client: the cause chain in pino's err.
    Bug("ey-capture-timeout", "box-office-api", axios_timeout("payment capture failed for order {order}", job("payments/capture.processor.ts", "CaptureProcessor.process", 29, 7, nd("src/payments/payments.service.ts", "PaymentsService.capture", 52, 18, awaited=True), PAY_POST)),
        (see("sentry.error", 2), see("splunk", 3, context="CaptureProcessor", **JOBS)),
        classes=(9,), pair="ey-refund-timeout", entry="payments:capture", log="capture job failed", logger="CaptureProcessor"),
    # The refund processor logs axios's own error (its stack ends in the async callers).
    Bug("ey-refund-timeout", "box-office-api", (Exc("AxiosError", "timeout of 10000ms exceeded", (*job("payments/refund.processor.ts", "RefundProcessor.process", 24, 7, nd("src/payments/payments.service.ts", "PaymentsService.refund", 77, 18, awaited=True), PAY_POST), *AXIOS)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, errprops=AXIOS_PROPS, context="RefundProcessor", **JOBS)),
        classes=(9,), pair="ey-capture-timeout", entry="payments:refund", log="refund job failed", logger="RefundProcessor"),
    # The mail relay's name not resolving.
    Bug("ey-mail-enotfound", "box-office-api", (Exc("Error", "getaddrinfo ENOTFOUND smtp.sendrelay.example", (nd("node:dns", "GetAddrInfoReqWrap.onlookup", 109, 26, lib=True),)), Exc("Error", "confirmation email not sent", job("mail/confirmation.processor.ts", "ConfirmationProcessor.process", 31, 13, nd("src/mail/mailer.service.ts", "MailerService.send", 22, 11, awaited=True)))),
        (see("sentry.error", 2), see("splunk", 3, context="ConfirmationProcessor", **JOBS)),
        entry="mail:confirmation", log="confirmation mail failed", logger="ConfirmationProcessor"),
    # Prisma's pool exhausted at on-sale time.
    Bug("ey-prisma-pool", "box-office-api", (Exc("PrismaClientKnownRequestError", "\nInvalid `this.prisma.seat.findMany()` invocation in\n/app/dist/performances/seats.service.js:24:42\n\n\nTimed out fetching a new connection from the connection pool. More info: http://pris.ly/d/connection-pool (Current connection pool timeout: 10, connection limit: 9)", route("performances/seats.controller.ts", "SeatsController.list", 19, 12, nd("src/performances/seats.service.ts", "SeatsService.list", 21, 20, awaited=True), *PRISMA_CALL)),),
        (see("sentry.error", 3), see("splunk", 3, **API), see("posthog")),
        classes=(1,), entry="GET /api/performances/{id}/seats"),
    # findUniqueOrThrow on two models: a performance id from an old mailing link, an order
    # link opened after the order was purged.
    Bug("ey-performance-missing", "box-office-api", (Exc("NotFoundError", "No Performance found", route("performances/performances.controller.ts", "PerformancesController.get", 22, 12, nd("src/performances/performances.service.ts", "PerformancesService.get", 31, 20, awaited=True), *PRISMA_CALL)),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 2)),
        classes=(4,), pair="ey-order-missing", entry="GET /api/performances/{id}"),
    Bug("ey-order-missing", "box-office-api", (Exc("NotFoundError", "No Order found", route("orders/orders.controller.ts", "OrdersController.get", 52, 12, nd("src/orders/orders.service.ts", "OrdersService.get", 83, 20, awaited=True), *PRISMA_CALL)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("posthog")),
        classes=(4,), pair="ey-performance-missing", entry="GET /api/orders/{id}"),
    # A singleton: a sales report with BigInt totals.
    Bug("ey-report-bigint", "box-office-api", (Exc("TypeError", "Do not know how to serialize a BigInt", route("reports/reports.controller.ts", "ReportsController.sales", 18, 12)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/reports/sales"),
    # The app: the same undefined price read in two components.
    Bug("ey-web-seatmap-amount", "box-office-web", (Exc("TypeError", frames=(*NG_RENDER, js("src/app/seating/seat-map.component.ts", "SeatMapComponent_Template", 31, 44, "chunk-seating")), js=READ_AMOUNT),),
        (see("sentry.error", 2, browser="chrome", chunk="chunk-seating"), see("sentry.error", browser="safari", chunk="chunk-seating"), see("posthog", 2, browser="chrome", chunk="chunk-seating"), see("posthog", browser="firefox", chunk="chunk-seating")),
        classes=(4, 3), pair="ey-web-basket-amount", page="/whats-on/seats"),
    Bug("ey-web-basket-amount", "box-office-web", (Exc("TypeError", frames=(*NG_RENDER, js("src/app/basket/basket-line.component.ts", "BasketLineComponent_Template", 12, 38, "chunk-basket")), js=JsError("read-undefined", "ctx.line.price", "amount")),),
        (see("sentry.error", 2, browser="chrome", chunk="chunk-basket"), see("posthog", browser="safari", chunk="chunk-basket"), see("posthog", 2, browser="edge", chunk="chunk-basket", release=1)),
        classes=(4, 3), pair="ey-web-seatmap-amount", page="/basket"),
    # A resolver's promise rejected inside zone.js: Angular's wrapped message.
    Bug("ey-web-resolver-null", "box-office-web", (Exc("Error", "Uncaught (in promise): TypeError: Cannot read properties of null (reading 'seats')", (*NG_RESOLVE, js("src/app/seating/seating.resolver.ts", "seatingResolver", 14, 31, "main")), engines={"spidermonkey": "Uncaught (in promise): TypeError: e.layout is null", "jsc": "Uncaught (in promise): TypeError: null is not an object (evaluating 'e.layout.seats')"}),),
        (see("sentry.error", 2, browser="chrome"), see("sentry.error", browser="firefox"), see("posthog", browser="safari"), see("posthog", 2, browser="chrome")),
        classes=(3,), page="/whats-on/seats"),
    # The payment script blocked by content blockers.
    Bug("ey-web-stripe-blocked", "box-office-web", (Exc("ReferenceError", "Stripe is not defined", (*NG_CLICK, js("src/app/checkout/checkout.component.ts", "CheckoutComponent.pay", 58, 21, "chunk-checkout")), engines={"jsc": "Can't find variable: Stripe"}),),
        (see("sentry.error", 2, browser="safari", chunk="chunk-checkout"), see("sentry.error", browser="chrome", chunk="chunk-checkout"), see("posthog", 2, browser="safari", chunk="chunk-checkout"), see("posthog", browser="firefox", chunk="chunk-checkout")),
        classes=(3,), page="/checkout"),
    # A lazy route's chunk gone after a deploy.
    Bug("ey-web-stale-chunk", "box-office-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js(ZONE, "ZoneAwarePromise.then", 1420, 28, "polyfills", lib=True), js("src/app/app.routes.ts", "loadComponent", 23, 29, "main")), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2, browser="chrome", chunk="chunk-checkout"), see("sentry.error", browser="safari", chunk="chunk-checkout"), see("posthog", 2, browser="edge", chunk="chunk-checkout"), see("posthog", browser="firefox", chunk="chunk-checkout")),
        classes=(3,), page="/checkout"),
    # pino-http's slow-response warnings: template lines.
    Bug("ey-slow-seats", "box-office-api", (),
        (see("splunk", 3, search="box-office-api - slow requests", line='{"level":40,"time":{epochms},"pid":1,"hostname":"box-office-api-7f9c{hex}","req":{"id":{id},"method":"GET","url":"/api/performances/{id}/seats"},"res":{"statusCode":200},"responseTime":{ms},"msg":"request completed"}'),),
        classes=(7,)),
]

NOISE = [
    Noise("ey-noise-started", "box-office-api", "splunk", {"search": "box-office-api - ExceptionsHandler", "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"box-office-api-7f9c{hex}","context":"NestApplication","msg":"Nest application successfully started"}'}),
    Noise("ey-noise-onsale", "box-office-api", "splunk", {"search": "box-office-api - processor errors", "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"box-office-api-7f9c{hex}","context":"OnSaleScheduler","msg":"on-sale window opened for performance {id}"}'}),
]

RYDAL = Company(
    key="ey",
    name="Rydal Playhouse",
    domain="rydal.example",
    sentry_org="rydal-playhouse",
    splunk_url="https://rydal.splunkcloud.com",
    splunk_guid="6F5E4D3C-2B1A-4098-8F7E-6D5C4B3A2910",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(84117, "Rydal Box Office"),
    releases=("1.42.0", "1.42.1", "1.43.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="rydal-sentry-client-secret",
)
# fmt: on
