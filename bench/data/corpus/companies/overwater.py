"""(gt) Overwater Tickets, a box office for small venues: a Symfony 7.1 app on PHP 8.3
(``boxoffice-web``: event pages, baskets, checkout through Stripe, a seat-map service over
Symfony's HttpClient; Doctrine ORM 3 on PostgreSQL) and its Messenger workers
(``boxoffice-worker``: ``messenger:consume async`` sending tickets, syncing availability,
rendering PDFs; a ``bin/console`` nightly settlement command).

Monolog writes ``JsonFormatter`` records to stderr (``gt-monolog-json``): ``message``,
``context.exception`` (``class``, ``message``, ``code``, ``file`` as ``path:line``, ``trace`` an
array of ``file:line`` strings, ``previous``), ``level``, ``level_name``, ``channel``,
``datetime``, ``extra``; the Datadog agent ships them and the team's log monitors paste the
record's attributes into the message. Sentry: sentry-symfony. No Splunk, no PostHog, no APM.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import php

# fmt: off
SDK = ("sentry.php.symfony", "5.0.1", "composer:sentry/sentry-symfony")
SERVICES = {
    "boxoffice-web": Service("boxoffice-web", "php", "gt-monolog-json", "", "", "", 5580311, "php 8.3.14", framework="symfony", sdk=SDK),
    "boxoffice-worker": Service("boxoffice-worker", "php", "gt-monolog-json", "", "", "", 5580312, "php 8.3.14", framework="symfony", sdk=SDK),
}
ROOT = "/srv/boxoffice/"
SF = ROOT + "vendor/symfony/"
DOCTRINE = ROOT + "vendor/doctrine/"
REQ = "(Object(Symfony\\Component\\HttpFoundation\\Request))"
HTTP = (
    php(ROOT + "public/index.php", "{main}", 5, lib=True),
    php(ROOT + "vendor/autoload_runtime.php", "require_once", 29, "", "('/srv/boxoffice/...')", lib=True),
    php(SF + "runtime/Runner/Symfony/HttpKernelRunner.php", "run", 35, "Symfony\\Component\\Runtime\\Runner\\Symfony\\HttpKernelRunner", lib=True),
    php(SF + "http-kernel/Kernel.php", "handle", 197, "Symfony\\Component\\HttpKernel\\Kernel", REQ, lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handle", 76, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1, true)", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handleRaw", 181, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1)", lib=True),
)
WORKER = (
    php(ROOT + "bin/console", "{main}", 15, lib=True),
    php(SF + "console/Application.php", "run", 181, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "messenger/Command/ConsumeMessagesCommand.php", "execute", 252, "Symfony\\Component\\Messenger\\Command\\ConsumeMessagesCommand", lib=True),
    php(SF + "messenger/Worker.php", "run", 115, "Symfony\\Component\\Messenger\\Worker", "(Array)", lib=True),
    php(SF + "messenger/Worker.php", "handleMessage", 162, "Symfony\\Component\\Messenger\\Worker", "(Object(Symfony\\Component\\Messenger\\Envelope), 'async')", lib=True),
    php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 127, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True),
    php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "callHandler", 157, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Closure), Object(App\\Message\\Msg), NULL, NULL)", lib=True),
)
CONSOLE = (
    php(ROOT + "bin/console", "{main}", 15, lib=True),
    php(SF + "console/Application.php", "run", 181, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "console/Command/Command.php", "run", 279, "Symfony\\Component\\Console\\Command\\Command", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))", lib=True),
)


def app(file: str, cls: str, function: str, line: int, args: str = "()") -> Frame:
    return php(f"{ROOT}src/{file}", function, line, f"App\\{cls}", args)


def ctrl(name: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*HTTP, app(f"Controller/{name}.php", f"Controller\\{name}", method, line, REQ), *more)


def handler(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    msg = name.removesuffix("Handler")
    return (*WORKER, app(f"MessageHandler/{name}.php", f"MessageHandler\\{name}", "__invoke", line, f"(Object(App\\Message\\{msg}))"), *more)


def pg_unique(constraint: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    detail = f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key ({key})=({{id}}, {{n}}) already exists.'
    flush = (
        *frames,
        php(DOCTRINE + "orm/src/EntityManager.php", "flush", 268, "Doctrine\\ORM\\EntityManager", lib=True),
        php(DOCTRINE + "orm/src/UnitOfWork.php", "commit", 426, "Doctrine\\ORM\\UnitOfWork", lib=True),
        php(DOCTRINE + "orm/src/Persisters/Entity/BasicEntityPersister.php", "executeInserts", 254, "Doctrine\\ORM\\Persisters\\Entity\\BasicEntityPersister", lib=True),
        php(DOCTRINE + "dbal/src/Statement.php", "executeStatement", 161, "Doctrine\\DBAL\\Statement", lib=True),
    )
    return (
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", detail, (*flush, php(DOCTRINE + "dbal/src/Driver/PDO/Statement.php", "execute", 55, "Doctrine\\DBAL\\Driver\\PDO\\Statement", lib=True))),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", f"An exception occurred while executing a query: {detail}", (*flush, php(DOCTRINE + "dbal/src/Connection.php", "convertExceptionDuringQuery", 1455, "Doctrine\\DBAL\\Connection", lib=True), php(DOCTRINE + "dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php", "convert", 61, "Doctrine\\DBAL\\Driver\\API\\PostgreSQL\\ExceptionConverter", lib=True))),
    )


SEATMAP = (
    app("Seatmap/SeatmapClient.php", "Seatmap\\SeatmapClient", "request", 88, "('GET', '/v1/venues/...', Array)"),
    php(SF + "http-client/Response/CommonResponseTrait.php", "toArray", 56, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", "()", lib=True),
    php(SF + "http-client/Response/TransportResponseTrait.php", "doDestruct", 71, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", "()", lib=True),
)
STRIPE = ROOT + "vendor/stripe/stripe-php/lib/"
CAPTURE = app("Payment/StripeGateway.php", "Payment\\StripeGateway", "capture", 64, "(Object(App\\Entity\\Order))")
STRIPE_CALL = (
    php(STRIPE + "Service/PaymentIntentService.php", "confirm", 102, "Stripe\\Service\\PaymentIntentService", "('pi_3...', Array)", lib=True),
    php(STRIPE + "ApiRequestor.php", "request", 143, "Stripe\\ApiRequestor", lib=True),
)

JSON_TEXT = "{{log.attributes.message}}\n\n**class:** `{{log.attributes.context.exception.class}}`\n**at:** {{log.attributes.context.exception.file}}\n**channel:** {{log.attributes.channel}}"
TRACE_TEXT = "Box office error on {{log.service}}\n\n```\n{{log.attributes.context.exception.message}}\n```\ntrace: {{log.attributes.context.exception.trace}}"
WEB = dict(team="boxoffice", monitor="[overwater] request.CRITICAL", filter="service:boxoffice-web @channel:request @level_name:CRITICAL", text=JSON_TEXT)
WEBT = dict(team="boxoffice", monitor="[overwater] uncaught exceptions", filter="service:boxoffice-web status:error", text=TRACE_TEXT)
RETRY = dict(team="boxoffice", monitor="[overwater] messenger retries", filter="service:boxoffice-worker @channel:messenger", text=JSON_TEXT, kind="retry")
FAILED = dict(team="boxoffice", monitor="[overwater] messages removed from transport", filter="service:boxoffice-worker @channel:messenger @level_name:CRITICAL", text=JSON_TEXT, kind="failed")
APPLOG = dict(team="boxoffice", monitor="[overwater] app channel errors", filter="env:prod status:error -@channel:(request OR messenger OR console)", text=JSON_TEXT, kind="app")
UNDEF_SEAT = 'Warning: Undefined array key "price_band"'
NOT_FOUND = "App\\Entity\\{} object not found by Symfony\\Bridge\\Doctrine\\ArgumentResolver\\EntityValueResolver. The expression \"repository.findOneBySlug(slug)\" returned null."
BASKET = "App\\Pricing\\PriceCalculator::forSeat(): Argument #1 ($seat) must be of type App\\Entity\\Seat, null given, called in /srv/boxoffice/src/{}.php on line {}"
CALC = php(ROOT + "src/Pricing/PriceCalculator.php", "forSeat", 31, "App\\Pricing\\PriceCalculator", "(NULL, Object(App\\Entity\\Performance))")

BUGS = [
    # The same undefined array key from two places reading a venue's price-band map.
    Bug("gt-basket-price-band", "boxoffice-web", (Exc("ErrorException", UNDEF_SEAT, ctrl("BasketController", "add", 58, app("Pricing/BandResolver.php", "Pricing\\BandResolver", "bandFor", 27, "(Object(App\\Entity\\Seat))"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("datadog.log", **WEB)),
        classes=(4, 5), pair="gt-export-price-band", entry="POST /basket/{id}", span=2),
    Bug("gt-export-price-band", "boxoffice-worker", (Exc("ErrorException", UNDEF_SEAT, handler("ExportSalesReportHandler", 71, app("Report/SalesRow.php", "Report\\SalesRow", "fromTicket", 40, "(Object(App\\Entity\\Ticket))"))),),
        (see("sentry.error", 3), see("datadog.log", **RETRY), see("datadog.log", **FAILED)),
        classes=(4,), pair="gt-basket-price-band", entry="App\\Message\\ExportSalesReport"),
    # Two unique constraints: an order reference and a seat hold.
    Bug("gt-dup-order-ref", "boxoffice-web", pg_unique("orders_reference_key", "reference, organiser_id", ctrl("CheckoutController", "confirm", 112, app("Order/OrderFactory.php", "Order\\OrderFactory", "fromBasket", 49, "(Object(App\\Entity\\Basket))"))),
        (see("sentry.error", 3), see("datadog.log", **WEB), see("datadog.log", **WEBT)),
        classes=(4,), pair="gt-dup-seat-hold", entry="POST /checkout/confirm"),
    Bug("gt-dup-seat-hold", "boxoffice-worker", pg_unique("seat_holds_performance_id_seat_id_key", "performance_id, seat_id", handler("HoldSeatsHandler", 36)),
        (see("sentry.error", 2), see("sentry.alert", rule="Worker errors"), see("datadog.log", **RETRY), see("datadog.log", **FAILED)),
        classes=(4,), pair="gt-dup-order-ref", entry="App\\Message\\HoldSeats"),
    # One PriceCalculator::forSeat TypeError, called from two places with a seat that was released.
    Bug("gt-forseat-basket", "boxoffice-web", (Exc("TypeError", BASKET.format("Controller/BasketController", 61), ctrl("BasketController", "add", 61, CALC)),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **WEB), see("datadog.log", **WEBT)),
        classes=(4, 9), pair="gt-forseat-reprice", entry="POST /basket/{id}"),
    Bug("gt-forseat-reprice", "boxoffice-worker", (Exc("TypeError", BASKET.format("MessageHandler/RepriceBasketsHandler", 44), handler("RepriceBasketsHandler", 44, CALC)),),
        (see("sentry.error", 3), see("datadog.log", **RETRY)),
        classes=(4, 9), pair="gt-forseat-basket", entry="App\\Message\\RepriceBaskets"),
    # One StripeGateway::capture: a declined card and a connection failure.
    Bug("gt-stripe-declined", "boxoffice-web", (Exc("Stripe\\Exception\\CardException", "Your card was declined.", ctrl("CheckoutController", "pay", 140, CAPTURE, *STRIPE_CALL, php(STRIPE + "Exception/ApiErrorException.php", "factory", 38, "Stripe\\Exception\\ApiErrorException", lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **APPLOG, channel="payment")),
        classes=(4,), pair="gt-stripe-connection", log="Payment capture failed for order {order}", entry="POST /checkout/pay"),
    Bug("gt-stripe-connection", "boxoffice-web", (Exc("Stripe\\Exception\\ApiConnectionException", "Could not connect to Stripe (https://api.stripe.com/v1/payment_intents/{pi}/confirm).  Please check your internet connection and try again.  If this problem persists, you should check Stripe's service status at https://status.stripe.com/, or let us know at support@stripe.com.\n\n(Network error [errno 28]: Operation timed out after 30001 milliseconds with 0 bytes received)", ctrl("CheckoutController", "pay", 140, CAPTURE, *STRIPE_CALL, php(STRIPE + "HttpClient/CurlClient.php", "handleCurlError", 700, "Stripe\\HttpClient\\CurlClient", lib=True))),),
        (see("sentry.error", 3), see("datadog.log", **APPLOG, channel="payment"), see("datadog.log", **WEB)),
        classes=(4,), pair="gt-stripe-declined", log="Payment capture failed for order {order}", entry="POST /checkout/pay"),
    # The seat-map service's idle timeout through one SeatmapClient::request helper, from a page and a sync job.
    Bug("gt-seatmap-timeout-page", "boxoffice-web", (Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://seatmap.overwater.example/v1/venues/{course}/layout".', ctrl("EventController", "seats", 83, app("Seatmap/LayoutProvider.php", "Seatmap\\LayoutProvider", "layout", 30, "(Object(App\\Entity\\Venue))"), *SEATMAP)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", **WEB)),
        classes=(4, 9, 5), pair="gt-seatmap-timeout-sync", entry="GET /events/{slug}/seats", span=2, renames={"seats": "seatPlan"}),
    Bug("gt-seatmap-timeout-sync", "boxoffice-worker", (Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://seatmap.overwater.example/v1/venues/{course}/availability".', handler("SyncAvailabilityHandler", 52, *SEATMAP)),),
        (see("sentry.error", 3), see("datadog.log", **RETRY), see("datadog.log", **FAILED)),
        classes=(4, 9), pair="gt-seatmap-timeout-page", entry="App\\Message\\SyncAvailability"),
    # The EntityValueResolver finding no row: an event slug, a venue slug.
    Bug("gt-event-notfound", "boxoffice-web", (Exc("Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException", NOT_FOUND.format("Event"), (*HTTP, php(SF + "http-kernel/Controller/ArgumentResolver.php", "getArguments", 87, "Symfony\\Component\\HttpKernel\\Controller\\ArgumentResolver", lib=True), php(SF + "doctrine-bridge/ArgumentResolver/EntityValueResolver.php", "resolve", 98, "Symfony\\Bridge\\Doctrine\\ArgumentResolver\\EntityValueResolver", lib=True))),),
        (see("sentry.error", 3), see("datadog.log", **WEBT)),
        classes=(4,), pair="gt-venue-notfound", entry="GET /events/{slug}"),
    Bug("gt-venue-notfound", "boxoffice-web", (Exc("Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException", NOT_FOUND.format("Venue"), (*HTTP, php(SF + "http-kernel/Controller/ArgumentResolver.php", "getArguments", 87, "Symfony\\Component\\HttpKernel\\Controller\\ArgumentResolver", lib=True), php(SF + "doctrine-bridge/ArgumentResolver/EntityValueResolver.php", "resolve", 98, "Symfony\\Bridge\\Doctrine\\ArgumentResolver\\EntityValueResolver", lib=True))),),
        (see("sentry.error", 3), see("datadog.log", **WEBT), see("datadog.log", **WEB)),
        classes=(4,), pair="gt-event-notfound", entry="GET /venues/{slug}"),
    # Ticket PDFs: dompdf running out of memory on a 400-ticket group booking.
    Bug("gt-pdf-oom", "boxoffice-worker", (Exc("Symfony\\Component\\ErrorHandler\\Error\\OutOfMemoryError", "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate {n}480 bytes)", handler("RenderTicketsHandler", 58, php(ROOT + "vendor/dompdf/dompdf/src/FrameReflower/Block.php", "reflow", 845, "Dompdf\\FrameReflower\\Block", lib=True))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **APPLOG, channel="php", level=500)),
        classes=(), log="Fatal Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate {n}480 bytes)", entry="App\\Message\\RenderTickets"),
    # The mailer losing the SMTP relay while sending tickets.
    Bug("gt-mailer-relay", "boxoffice-worker", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Connection could not be established with host "ssl://smtp.eu.mailgun.org:465": stream_socket_client(): Unable to connect to ssl://smtp.eu.mailgun.org:465 (Connection timed out)', handler("SendTicketsHandler", 49, php(SF + "mailer/Mailer.php", "send", 47, "Symfony\\Component\\Mailer\\Mailer", lib=True), php(SF + "mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **RETRY), see("datadog.log", 2, **FAILED)),
        classes=(), entry="App\\Message\\SendTickets", span=2),
    # The nightly settlement command dividing by a performance's zero capacity.
    Bug("gt-settle-division", "boxoffice-worker", (Exc("DivisionByZeroError", "Division by zero", (*CONSOLE, app("Command/SettleOrganisersCommand.php", "Command\\SettleOrganisersCommand", "execute", 66, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), app("Settlement/FeeSplitter.php", "Settlement\\FeeSplitter", "perSeat", 23, "(Object(App\\Entity\\Performance))"))),),
        (see("sentry.error", 2), see("datadog.log", team="boxoffice", monitor="[overwater] console command errors", filter="service:boxoffice-worker @channel:console", text=JSON_TEXT, kind="console")),
        classes=(8,), entry="app:settle-organisers"),
    Bug("gt-singleton-twig", "boxoffice-web", (Exc("Twig\\Error\\RuntimeError", 'Variable "accessibility" does not exist in "event/show.html.twig" at line 42.', ctrl("EventController", "show", 47, php(ROOT + "vendor/twig/twig/src/Template.php", "render", 369, "Twig\\Template", lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /events/{slug}"),
]

NOISE = [
    Noise("gt-noise-deploy", "boxoffice-web", "datadog.event", {"monitor": "Deploy", "text": "boxoffice 7.4.0 deployed: cache:clear and doctrine:migrations:migrate finished.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gt-noise-recovered", "boxoffice-worker", "datadog.log", {"monitor": "[overwater] messenger retries", "text": "Recovered: messenger retries on boxoffice-worker back to normal.", "transition": "Recovered", "alert_type": "success"}),
    Noise("gt-noise-heartbeat", "boxoffice-worker", "datadog.event", {"monitor": "[overwater] settlement heartbeat", "text": "app:settle-organisers finished: 212 organisers settled.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

OVERWATER = Company(
    key="gt",
    name="Overwater Tickets",
    domain="overwater.example",
    sentry_org="overwater",
    splunk_url="",
    splunk_guid="",
    datadog_org=("803390", "Overwater Tickets"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("7.3.2", "7.4.0", "7.4.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="overwater-sentry-client-secret",
)
# fmt: on
