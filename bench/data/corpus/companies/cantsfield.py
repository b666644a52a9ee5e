"""(kp) Cantsfield Rail Tours, heritage railway day trips: a plain PHP 8.3 Slim 4 API with no
Laravel (``tours-api``: PHP-DI, Doctrine DBAL over MySQL, Guzzle to a seat-map supplier; a
``bin/console`` worker sends e-tickets) and a jQuery 3 booking site (``tours-web``) with the
Sentry loader script.

The API logs with Monolog 3's ``JsonFormatter``: the team's Slim error handler and worker call
``$logger->error(msg, ['exception' => $e])``, so ``context.exception`` carries ``class``,
``message``, ``code``, ``file`` and ``trace`` (call sites only), ``previous`` nested; the lines
go to Splunk's HEC, all under one saved search. Sentry: sentry-php (``sentry/sentry``) and the
browser SDK from the loader script (browsers' own wordings). No Datadog, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, php

# fmt: off
PHP_SDK = ("sentry.php", "4.7.0", "composer:sentry/sentry")
JS_SDK = ("sentry.javascript.browser", "7.119.0", "loader:@sentry/browser")
SERVICES = {
    "tours-api": Service("tours-api", "php", "kp-monolog", "_json", "http:tours-api", "kp_api", 9930011, "PHP 8.3.4", sdk=PHP_SDK),
    "tours-web": Service("tours-web", "javascript", "", "", "", "", 9930012, origin="https://book.cantsfield-railtours.example", framework="onerror", sdk=JS_SDK),
}
APP = "/app/"
SLIM = APP + "vendor/slim/slim/Slim/"


def lib(file: str, function: str, line: int, cls: str = "", args: str = "()") -> Frame:
    return php(file, function, line, cls, args, lib=True)


def req(cls: str) -> str:
    return f"(Object({cls}))"


SR = "Slim\\Psr7\\Request"
SLIM_REQUEST = (
    lib(APP + "public/index.php", "{main}", 34),
    lib(SLIM + "App.php", "run", 199, "Slim\\App", "()"),
    lib(SLIM + "App.php", "handle", 215, "Slim\\App", req(SR)),
    lib(SLIM + "MiddlewareDispatcher.php", "handle", 65, "Slim\\MiddlewareDispatcher", req(SR)),
    lib(SLIM + "Middleware/ErrorMiddleware.php", "process", 76, "Slim\\Middleware\\ErrorMiddleware", f"(Object({SR}), Object(Psr\\Http\\Server\\RequestHandlerInterface@anonymous))"),
    lib(SLIM + "MiddlewareDispatcher.php", "handle", 129, "Psr\\Http\\Server\\RequestHandlerInterface@anonymous", req(SR)),
    lib(SLIM + "Middleware/RoutingMiddleware.php", "process", 45, "Slim\\Middleware\\RoutingMiddleware", f"(Object({SR}), Object(Slim\\Routing\\RouteRunner))"),
    lib(SLIM + "Routing/RouteRunner.php", "handle", 72, "Slim\\Routing\\RouteRunner", req(SR)),
    lib(SLIM + "Routing/Route.php", "run", 321, "Slim\\Routing\\Route", req(SR)),
    lib(SLIM + "Routing/Route.php", "handle", 365, "Slim\\Routing\\Route", req(SR)),
    lib(SLIM + "Handlers/Strategies/RequestResponse.php", "__invoke", 38, "Slim\\Handlers\\Strategies\\RequestResponse", f"(Array, Object({SR}), Object(Slim\\Psr7\\Response), Array)"),
)
WORKER = (
    lib(APP + "bin/console", "{main}", 19),
    lib(APP + "vendor/symfony/console/Application.php", "run", 171, "Symfony\\Component\\Console\\Application", "()"),
    lib(APP + "vendor/symfony/console/Command/Command.php", "run", 326, "Symfony\\Component\\Console\\Command\\Command", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"),
)
DBAL = APP + "vendor/doctrine/dbal/src/"


def t(path: str, function: str, line: int, args: str = "()") -> Frame:
    cls = "Cantsfield\\" + path.removesuffix(".php").replace("/", "\\")
    return php(APP + "src/" + path, function, line, cls, args)


def dbal_insert(table: str) -> tuple[Frame, ...]:
    return (
        lib(DBAL + "Connection.php", "insert", 575, "Doctrine\\DBAL\\Connection", f"('{table}', Array)"),
        lib(DBAL + "Connection.php", "executeStatement", 1218, "Doctrine\\DBAL\\Connection", "('INSERT INTO boo...', Array, Array)"),
        lib(DBAL + "Driver/PDO/Connection.php", "exec", 48, "Doctrine\\DBAL\\Driver\\PDO\\Connection", "('INSERT INTO boo...')"),
        Frame("exec", "", 0, "PDO", False, args="('INSERT INTO boo...')"),
    )


def dup(table: str, key: str, value: str, action: tuple[Frame, ...]) -> tuple[Exc, ...]:
    msg = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{value}' for key '{table}.{key}'"
    frames = (*action, *dbal_insert(table))
    return (
        Exc("PDOException", msg, frames),
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", msg, frames[:-1]),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", "An exception occurred while executing a query: " + msg, frames[:-2]),
    )


SEATS = t("Supplier/SeatMapClient.php", "request", 51, "('GET', '/trains/{id}/...')")
GUZZLE = lib(APP + "vendor/guzzlehttp/guzzle/src/Client.php", "request", 189, "GuzzleHttp\\Client", "('GET', '/trains/{id}/...', Array)")

HEC = {"search": "tours-api errors", "app": "cantsfield"}


def st(file: str, fn: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"js/{file}", fn, line, col, chunk)


JQ = "js/vendor/jquery-3.7.1.min.js"
JQ_CLICK = (js(JQ, "dispatch", 2, 39945, "jquery", lib=True), js(JQ, "v.handle", 2, 37949, "jquery", lib=True))
JQ_AJAX = (js(JQ, "c", 2, 25304, "jquery", lib=True), js(JQ, "Object.fireWith", 2, 26053, "jquery", lib=True), js(JQ, "l", 2, 77782, "jquery", lib=True))
BOOK, SEATMAP, ACCOUNT = "booking", "seatmap", "account"

BUGS = [
    # Two unique keys through one DBAL insert: bookings and the waitlist.
    Bug("kp-booking-dup", "tours-api", dup("bookings", "uniq_trip_seat", "{id}-C{idx}", (*SLIM_REQUEST, t("Action/Booking/CreateAction.php", "__invoke", 42, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), t("Booking/BookingRepository.php", "insert", 67, "(Object(Cantsfield\\Booking\\Booking))"))),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 3, **HEC)),
        classes=(2, 4, 5, 9), pair="kp-waitlist-dup", entry="POST /v1/bookings", span=3, renames={"insert": "save"}),
    Bug("kp-waitlist-dup", "tours-api", dup("waitlist", "uniq_trip_email", "{id}-{email}", (*SLIM_REQUEST, t("Action/Waitlist/JoinAction.php", "__invoke", 30, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), t("Waitlist/WaitlistRepository.php", "insert", 33, "(Array)"))),
        (see("sentry.error", 2), see("splunk", 3, **HEC)),
        classes=(2, 4, 9), pair="kp-booking-dup", entry="POST /v1/trips/{trip}/waitlist"),
    # One fare calculator: a TypeError from the quote action, an InvalidArgumentException from the basket.
    Bug("kp-fare-type", "tours-api", (Exc("TypeError", "Cantsfield\\Pricing\\FareCalculator::price(): Argument #2 ($railcard) must be of type ?Cantsfield\\Pricing\\Railcard, string given, called in /app/src/Action/Trip/QuoteAction.php on line 36", (*SLIM_REQUEST, t("Action/Trip/QuoteAction.php", "__invoke", 36, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), t("Pricing/FareCalculator.php", "price", 24, "(Object(Cantsfield\\Trip\\Trip), '16-25')"))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC)),
        classes=(4,), pair="kp-fare-invalid", entry="GET /v1/trips/{trip}/quote"),
    Bug("kp-fare-invalid", "tours-api", (Exc("InvalidArgumentException", "Unknown fare class \"first-dining\" for trip {id}", (*SLIM_REQUEST, t("Action/Basket/AddAction.php", "__invoke", 51, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), t("Pricing/FareCalculator.php", "price", 41, "(Object(Cantsfield\\Trip\\Trip), NULL)"), t("Pricing/FareTable.php", "lookup", 19, "('first-dining')"))),),
        (see("sentry.error", 2), see("splunk", 3, **HEC)),
        classes=(4,), pair="kp-fare-type", log="Basket add failed for trip {id}", entry="POST /v1/basket/items"),
    # One seat-map client: a timeout and a 503, under the same search.
    Bug("kp-seats-timeout", "tours-api", (
        Exc("GuzzleHttp\\Exception\\ConnectException", "cURL error 28: Operation timed out after 5001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://seats.railsupplier.example/trains/{id}/coaches", (*SLIM_REQUEST, t("Action/Trip/SeatsAction.php", "__invoke", 28, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), SEATS, GUZZLE)),
        Exc("Cantsfield\\Supplier\\SupplierUnavailable", "Seat map supplier unreachable", (*SLIM_REQUEST, t("Action/Trip/SeatsAction.php", "__invoke", 28, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), t("Supplier/SeatMapClient.php", "request", 58, "('GET', '/trains/{id}/...')"))),
    ),
        (see("sentry.error", 3), see("splunk", 3, **HEC)),
        classes=(2, 9), pair="kp-seats-503", entry="GET /v1/trips/{trip}/seats"),
    Bug("kp-seats-503", "tours-api", (Exc("GuzzleHttp\\Exception\\ServerException", "Server error: `GET https://seats.railsupplier.example/trains/{id}/coaches` resulted in a `503 Service Unavailable` response:\n{\"error\":\"maintenance\"}\n", (*WORKER, t("Command/SendTicketsCommand.php", "execute", 47, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), t("Ticket/TicketBuilder.php", "seatLine", 62, "(Object(Cantsfield\\Booking\\Booking))"), SEATS, GUZZLE, lib(APP + "vendor/guzzlehttp/guzzle/src/Middleware.php", "GuzzleHttp\\{closure}", 69, "", "(Object(GuzzleHttp\\Psr7\\Response))"))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC, channel="worker")),
        classes=(9,), pair="kp-seats-timeout", log="E-ticket for booking {id} not sent", entry="tickets:send"),
    # Front end: the same read in the booking form and the seat map.
    Bug("kp-js-book-coach", "tours-web", (Exc("TypeError", frames=(*JQ_AJAX, st("booking.js", "onQuote", 88, 17, BOOK), st("booking.js", "coachLabel", 131, 29, BOOK)), js=JsError("read-undefined", "t.coaches[n]", "letter")),),
        (see("sentry.error", 2, browser="chrome", chunk=BOOK, release=0), see("sentry.error", browser="safari", chunk=BOOK, release=1), see("sentry.error", browser="firefox", chunk=BOOK, release=2)),
        classes=(3, 4), pair="kp-js-seatmap-coach", page="/book/"),
    Bug("kp-js-seatmap-coach", "tours-web", (Exc("TypeError", frames=(*JQ_CLICK, st("seatmap.js", "selectSeat", 54, 21, SEATMAP), st("seatmap.js", "coachOf", 12, 33, SEATMAP)), js=JsError("read-undefined", "t.coaches[n]", "letter")),),
        (see("sentry.error", 2, browser="chrome", chunk=SEATMAP, release=1), see("sentry.error", browser="safari", chunk=SEATMAP, release=1), see("sentry.error", browser="edge", chunk=SEATMAP, release=2)),
        classes=(3, 4), pair="kp-js-book-coach", page="/book/seats/"),
    Bug("kp-js-datepicker", "tours-web", (Exc("TypeError", frames=(st("account.js", "initDates", 9, 14, ACCOUNT),), js=JsError("not-function", "e(\"#travel-date\").datepicker", "datepicker", "({minDate:0})")),),
        (see("sentry.error", 2, browser="chrome", chunk=ACCOUNT, release=1), see("sentry.error", browser="firefox", chunk=ACCOUNT, release=2), see("sentry.error", browser="safari", chunk=ACCOUNT, release=2, sourcemaps=False)),
        classes=(3, 10), page="/account/trips/"),
    # Not pairs.
    Bug("kp-ticket-pdf", "tours-api", (
        Exc("Dompdf\\Exception", "Requested HTML document contains no data.", (*WORKER, t("Command/SendTicketsCommand.php", "execute", 52, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), t("Ticket/PdfRenderer.php", "render", 31, "(Object(Cantsfield\\Booking\\Booking))"), lib(APP + "vendor/dompdf/dompdf/src/Dompdf.php", "loadHtml", 474, "Dompdf\\Dompdf", "('')"))),
        Exc("RuntimeException", "Could not render e-ticket for booking {id}", (*WORKER, t("Command/SendTicketsCommand.php", "execute", 52, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), t("Ticket/PdfRenderer.php", "render", 36, "(Object(Cantsfield\\Booking\\Booking))"))),
    ),
        (see("sentry.error", 3), see("splunk", 3, **HEC, channel="worker")),
        classes=(2, 8), log="E-ticket for booking {id} not sent", entry="tickets:send"),
    Bug("kp-json-decode", "tours-api", (Exc("JsonException", "Syntax error", (*SLIM_REQUEST, t("Action/Booking/CreateAction.php", "__invoke", 37, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), Frame("json_decode", "", 0, "", False, args="('{\"trip\":4412,\"s...', true, 512, 4194304)"))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC)),
        classes=(6,), entry="POST /v1/bookings"),
    Bug("kp-js-basket-null", "tours-web", (Exc("TypeError", frames=(*JQ_CLICK, st("basket.js", "removeLine", 27, 19, BOOK)), js=JsError("read-null", "document.querySelector(\"#basket\").dataset", "trip")),),
        (see("sentry.error", 2, browser="chrome", chunk=BOOK, release=1), see("sentry.error", browser="firefox", chunk=BOOK, release=2), see("sentry.error", browser="safari", chunk=BOOK, release=2)),
        classes=(3,), page="/basket/"),
    Bug("kp-refund-stripe", "tours-api", (Exc("Stripe\\Exception\\InvalidRequestException", "Charge ch_{hex} has already been refunded.", (*SLIM_REQUEST, t("Action/Booking/CancelAction.php", "__invoke", 33, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), t("Payment/Refunds.php", "refund", 45, "(Object(Cantsfield\\Booking\\Booking))"), lib(APP + "vendor/stripe/stripe-php/lib/Service/RefundService.php", "create", 63, "Stripe\\Service\\RefundService", "(Array, NULL)"), lib(APP + "vendor/stripe/stripe-php/lib/ApiRequestor.php", "_interpretResponse", 302, "Stripe\\ApiRequestor", "('{\\n  \"error\": {\\n...', 400, Object(Stripe\\Util\\CaseInsensitiveArray), Array)"))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC)),
        classes=(6,), log="Refund failed for booking {id}", entry="DELETE /v1/bookings/{booking}"),
    Bug("kp-mailer-transport", "tours-api", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", "Connection could not be established with host \"ssl://smtp.mailrelay.example:465\": stream_socket_client(): Unable to connect to ssl://smtp.mailrelay.example:465 (Connection timed out)", (*WORKER, t("Command/SendTicketsCommand.php", "execute", 58, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), t("Ticket/Mailer.php", "send", 40, "(Object(Cantsfield\\Booking\\Booking), '/tmp/ticket-{id}...')"), lib(APP + "vendor/symfony/mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", "()"))),),
        (see("sentry.error", 2), see("splunk", 3, **HEC, channel="worker")),
        classes=(9,), log="E-ticket for booking {id} not sent", entry="tickets:send"),
    Bug("kp-singleton-date", "tours-api", (Exc("Exception", "DateTimeImmutable::__construct(): Failed to parse time string (31/02/2026) at position 0 (3): Unexpected character", (*SLIM_REQUEST, t("Action/Trip/ListAction.php", "__invoke", 25, f"(Object({SR}), Object(Slim\\Psr7\\Response), Array)"), Frame("__construct", "", 0, "DateTimeImmutable", False, args="('31/02/2026')"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/trips"),
]

NOISE = [
    Noise("kp-noise-heartbeat", "tours-api", "splunk", {"search": "tours-api errors", "app": "cantsfield", "line": "{\"message\":\"tickets:send finished\",\"context\":{\"sent\":214,\"failed\":0},\"level\":200,\"level_name\":\"INFO\",\"channel\":\"worker\",\"datetime\":\"{tsnaive}+00:00\",\"extra\":{}}"}),
    Noise("kp-noise-metric", "tours-api", "sentry.metric", {"rule": "tours-api errors per 10 minutes", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

CANTSFIELD = Company(
    key="kp",
    name="Cantsfield Rail Tours",
    domain="cantsfield-railtours.example",
    sentry_org="cantsfield",
    splunk_url="https://cantsfield.splunkcloud.com",
    splunk_guid="6B91E4D0-2C7A-4F35-8E16-0A9D3C52B7F8",
    datadog_org=("993001", "Cantsfield Rail Tours"),
    datadog_template="recommended",
    posthog_project=(99301, "Cantsfield"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="cantsfield-sentry-client-secret",
)
# fmt: on
