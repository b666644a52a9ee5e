"""(da) Dalesend Coach Holidays, escorted coach tours: a Symfony 6.4 API on PHP 8.2
(``tours-api``: tours, bookings, vouchers, seat plans; Doctrine ORM 2.17 over PostgreSQL,
the HttpClient calling hotel and ferry suppliers) and Messenger workers (``tours-worker``:
``messenger:consume async`` on the Doctrine transport: passenger manifests, supplier sync,
confirmation e-mails).

Sentry: sentry-symfony 4 (``php`` platform, the Messenger integration unwrapping
``HandlerFailedException``). Splunk: Monolog 3's ``JsonFormatter`` (``include_stacktraces``
on) from both, one line per record: the ErrorListener's ``Uncaught PHP Exception`` on the
``request`` channel, Messenger's ``Error thrown while handling message`` WARNING per retry and
CRITICAL when the message is dropped. Datadog: log monitors over the same JSON sent with
Datadog's default webhook payload. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.symfony", "4.14.0", "composer:sentry/sentry-symfony")
SERVICES = {
    "tours-api": Service("tours-api", "php", "da-symfony-monolog", "dalesend:monolog:json", "/srv/tours-api/var/log/prod.log", "dalesend", 8840011, "php 8.2.24", framework="symfony", sdk=SDK),
    "tours-worker": Service("tours-worker", "php", "da-symfony-monolog", "dalesend:monolog:json", "/srv/tours-worker/var/log/prod.log", "dalesend", 8840014, "php 8.2.24", framework="symfony", sdk=SDK),
}

SF = "/srv/app/vendor/symfony/"
DOCTRINE = "/srv/app/vendor/doctrine/"
HTTP = (
    php("/srv/app/public/index.php", "{main}", 5, lib=True),
    php("/srv/app/vendor/autoload_runtime.php", "require_once", 29, lib=True),
    php(SF + "runtime/Runner/Symfony/HttpKernelRunner.php", "run", 35, "Symfony\\Component\\Runtime\\Runner\\Symfony\\HttpKernelRunner", lib=True),
    php(SF + "http-kernel/Kernel.php", "handle", 197, "Symfony\\Component\\HttpKernel\\Kernel", "(Object(Symfony\\Component\\HttpFoundation\\Request))", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handle", 76, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1, true)", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handleRaw", 181, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1)", lib=True),
)
WORKER = (
    php("/srv/app/bin/console", "{main}", 15, lib=True),
    php(SF + "console/Application.php", "run", 171, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "console/Application.php", "doRunCommand", 1096, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "messenger/Command/ConsumeMessagesCommand.php", "execute", 238, "Symfony\\Component\\Messenger\\Command\\ConsumeMessagesCommand", lib=True),
    php(SF + "messenger/Worker.php", "run", 98, "Symfony\\Component\\Messenger\\Worker", "(Array)", lib=True),
    php(SF + "messenger/Worker.php", "handleMessage", 156, "Symfony\\Component\\Messenger\\Worker", "(Object(Symfony\\Component\\Messenger\\Envelope), 'async')", lib=True),
    php(SF + "messenger/MessageBus.php", "dispatch", 70, "Symfony\\Component\\Messenger\\MessageBus", "(Object(Symfony\\Component\\Messenger\\Envelope))", lib=True),
    php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 129, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True),
)


def app(file: str, cls: str, function: str, line: int, args: str = "()") -> Frame:
    return php(f"/srv/app/src/{file}", function, line, f"App\\{cls}", args)


def ctrl(name: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*HTTP, app(f"Controller/{name}.php", f"Controller\\{name}", method, line, "(Object(Symfony\\Component\\HttpFoundation\\Request))"))


def handler(name: str, line: int) -> tuple[Frame, ...]:
    return (*WORKER, app(f"MessageHandler/{name}.php", f"MessageHandler\\{name}", "__invoke", line, "(Object(App\\Message\\" + name.removesuffix("Handler") + "))"))


def unique(table: str, constraint: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'
    flush = (
        *frames,
        php(DOCTRINE + "orm/src/EntityManager.php", "flush", 403, "Doctrine\\ORM\\EntityManager", lib=True),
        php(DOCTRINE + "orm/src/UnitOfWork.php", "commit", 442, "Doctrine\\ORM\\UnitOfWork", lib=True),
        php(DOCTRINE + "orm/src/Persisters/Entity/BasicEntityPersister.php", "executeInserts", 268, "Doctrine\\ORM\\Persisters\\Entity\\BasicEntityPersister", lib=True),
        php(DOCTRINE + "dbal/src/Statement.php", "executeStatement", 194, "Doctrine\\DBAL\\Statement", lib=True),
        php(DOCTRINE + "dbal/src/Connection.php", "executeStatement", 1219, "Doctrine\\DBAL\\Connection", f"('INSERT INTO {table} ...', Array, Array)", lib=True),
    )
    return (
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", pg, (*flush, php(DOCTRINE + "dbal/src/Driver/PDO/Statement.php", "execute", 130, "Doctrine\\DBAL\\Driver\\PDO\\Statement", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="(NULL)"))),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", f"An exception occurred while executing a query: {pg}", (*flush, php(DOCTRINE + "dbal/src/Connection.php", "convertExceptionDuringQuery", 1938, "Doctrine\\DBAL\\Connection", lib=True), php(DOCTRINE + "dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php", "convert", 47, "Doctrine\\DBAL\\Driver\\API\\PostgreSQL\\ExceptionConverter", lib=True))),
    )


def not_found(entity: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """A lazy proxy initialised after its row was deleted."""
    return (Exc("Doctrine\\ORM\\EntityNotFoundException", f"Entity of type 'App\\Entity\\{entity}' for IDs id({{id}}) was not found", (*frames, php(DOCTRINE + "orm/src/Proxy/ProxyFactory.php", "Doctrine\\ORM\\Proxy\\{closure}", 178, "", lib=True), php(DOCTRINE + "orm/src/EntityNotFoundException.php", "::fromClassNameAndIdentifier", 33, "Doctrine\\ORM\\EntityNotFoundException", lib=True))),)


# Both suppliers' JSON goes through one client; its decode() is the innermost frame of both.
DECODE = (
    app("Supplier/SupplierClient.php", "Supplier\\SupplierClient", "decode", 88, "(Object(Symfony\\Component\\HttpClient\\Response\\CurlResponse))"),
    php(SF + "http-client/Response/CommonResponseTrait.php", "toArray", 60, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", "(true)", lib=True),
)
JSON_ERR = "Syntax error for \"GET\" at \"{url}\"."

API = {"search": "tours-api critical"}
WORK = {"search": "tours-worker messenger failures"}
RETRY = {**WORK, "retry": 1}
RETRY2 = {**WORK, "retry": 2}
LOG_MON = {"monitor": "[tours] critical errors", "team": "tours", "filter": "service:tours-api status:critical", "text": "Critical error on tours-api:\n\n{{log.attributes.message}}"}
MSG_MON = {"monitor": "[tours] messenger dropped messages", "team": "tours", "filter": "service:tours-worker @channel:messenger status:critical", "text": "A message was removed from the transport.\n\n**class:** {{log.attributes.context.class}}\n**error:** {{log.attributes.context.error}}"}
NULL_COACH = "Call to a member function getSeatCount() on null"

BUGS = [
    # A tour departure without a coach assigned: the booking form and the manifest handler both ask it for seats.
    Bug("da-booking-coach-null", "tours-api", (Exc("Error", NULL_COACH, (*ctrl("BookingController", "create", 58), app("Booking/SeatAllocator.php", "Booking\\SeatAllocator", "allocate", 34, "(Object(App\\Entity\\Departure), 2)"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("datadog.log", **LOG_MON)),
        classes=(4,), pair="da-manifest-coach-null", entry="POST /api/bookings", span=2),
    Bug("da-manifest-coach-null", "tours-worker", (Exc("Error", NULL_COACH, (*handler("GenerateManifestHandler", 41), app("Manifest/ManifestBuilder.php", "Manifest\\ManifestBuilder", "seatPlan", 72, "(Object(App\\Entity\\Departure))"))),),
        (see("sentry.error", 2), see("splunk", 2, **RETRY), see("splunk", **WORK), see("datadog.log", **MSG_MON)),
        classes=(4,), pair="da-booking-coach-null", entry="App\\Message\\GenerateManifest"),
    # One unique violation per table: a passenger added twice to a booking, a voucher redeemed twice.
    Bug("da-passenger-unique", "tours-api", unique("booking_passenger", "uniq_booking_passenger_person", "Key (booking_id, person_id)=({id}, {user}) already exists.", (*ctrl("PassengerController", "add", 44), app("Booking/PassengerService.php", "Booking\\PassengerService", "add", 27, "(Object(App\\Entity\\Booking), Object(App\\Dto\\PassengerInput))"))),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **LOG_MON)),
        classes=(4,), pair="da-voucher-unique", entry="POST /api/bookings/{id}/passengers"),
    Bug("da-voucher-unique", "tours-api", unique("voucher_redemption", "uniq_voucher_redemption_code", "Key (voucher_code)=(DS-{giftcode}) already exists.", (*ctrl("VoucherController", "redeem", 39), app("Voucher/Redeemer.php", "Voucher\\Redeemer", "redeem", 52, "('DS-...', Object(App\\Entity\\Booking))"))),
        (see("sentry.error", 2), see("sentry.alert", rule="tours-api: new issue"), see("splunk", 2, **API)),
        classes=(4,), pair="da-passenger-unique", entry="POST /api/vouchers/redeem"),
    # One method, two failures: a single supplement priced per zero nights, a supplement stored as "12,50".
    Bug("da-quote-divzero", "tours-api", (Exc("DivisionByZeroError", "Division by zero", (*ctrl("QuoteController", "quote", 31), app("Pricing/PriceCalculator.php", "Pricing\\PriceCalculator", "quote", 64, "(Object(App\\Entity\\Tour), Object(App\\Dto\\QuoteRequest))"), app("Pricing/PriceCalculator.php", "Pricing\\PriceCalculator", "perNight", 97, "(Object(App\\Entity\\Supplement))"))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **API), see("datadog.log", **LOG_MON)),
        classes=(4, 5), pair="da-quote-typeerror", entry="GET /api/tours/{id}/quote", span=2),
    Bug("da-quote-typeerror", "tours-api", (Exc("TypeError", "Unsupported operand types: string * int", (*ctrl("QuoteController", "quote", 31), app("Pricing/PriceCalculator.php", "Pricing\\PriceCalculator", "quote", 64, "(Object(App\\Entity\\Tour), Object(App\\Dto\\QuoteRequest))"), app("Pricing/PriceCalculator.php", "Pricing\\PriceCalculator", "perNight", 95, "(Object(App\\Entity\\Supplement))"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4,), pair="da-quote-divzero", entry="GET /api/tours/{id}/quote"),
    # Two suppliers answering HTML error pages: the hotel search (API) and the ferry timetable sync (worker); one decode() helper.
    Bug("da-hotel-json", "tours-api", (Exc("Symfony\\Component\\HttpClient\\Exception\\JsonException", JSON_ERR.replace("{url}", "https://api.stayline.example/v2/availability?from={date}"), (*ctrl("HotelController", "availability", 27), app("Supplier/HotelSupplier.php", "Supplier\\HotelSupplier", "search", 45, "(Object(App\\Dto\\HotelQuery))"), *DECODE)),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **LOG_MON)),
        classes=(9,), pair="da-ferry-json", entry="GET /api/hotels/availability"),
    Bug("da-ferry-json", "tours-worker", (Exc("Symfony\\Component\\HttpClient\\Exception\\JsonException", JSON_ERR.replace("{url}", "https://booking.ferrylink.example/api/sailings?route=HUL-RTM"), (*handler("SyncFerryTimetableHandler", 36), app("Supplier/FerrySupplier.php", "Supplier\\FerrySupplier", "sailings", 58, "('HUL-RTM')"), *DECODE)),),
        (see("sentry.error", 2), see("splunk", **RETRY), see("splunk", **RETRY2), see("splunk", **WORK), see("datadog.log", **MSG_MON)),
        classes=(9,), pair="da-hotel-json", entry="App\\Message\\SyncFerryTimetable"),
    # Lazy proxies to deleted rows: a coach (seat plan page) and a driver (the duty roster handler), under one monitor.
    Bug("da-coach-proxy-missing", "tours-api", not_found("Coach", (*ctrl("SeatPlanController", "show", 29), app("SeatPlan/SeatPlanView.php", "SeatPlan\\SeatPlanView", "build", 40, "(Object(Proxies\\__CG__\\App\\Entity\\Coach))"))),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.log", 2, **LOG_MON)),
        classes=(4,), pair="da-driver-proxy-missing", entry="GET /api/departures/{id}/seat-plan"),
    Bug("da-driver-proxy-missing", "tours-worker", not_found("Driver", (*handler("PublishRosterHandler", 33), app("Roster/DutyRoster.php", "Roster\\DutyRoster", "driverFor", 61, "(Object(App\\Entity\\Departure))"))),
        (see("sentry.error", 3), see("splunk", **RETRY), see("splunk", 2, **WORK), see("datadog.log", **MSG_MON)),
        classes=(4,), pair="da-coach-proxy-missing", entry="App\\Message\\PublishRoster"),
    # The confirmation mailer's relay refusing connections; the handler was renamed in 2026.11.2.
    Bug("da-mailer-transport", "tours-worker", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Connection could not be established with host "smtp.dalesend.example:587": stream_socket_client(): Unable to connect to smtp.dalesend.example:587 (Connection refused)', (*handler("SendConfirmationHandler", 38), app("Mail/ConfirmationMailer.php", "Mail\\ConfirmationMailer", "send", 47, "(Object(App\\Entity\\Booking))"), php(SF + "mailer/Mailer.php", "send", 65, "Symfony\\Component\\Mailer\\Mailer", lib=True), php(SF + "mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", lib=True))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **RETRY), see("splunk", **WORK)),
        classes=(5,), entry="App\\Message\\SendConfirmation", span=3, renames={"send": "sendConfirmation"}),
    # Two workers holding seats on one departure: a deadlock.
    Bug("da-seat-hold-deadlock", "tours-worker", (Exc("Doctrine\\DBAL\\Exception\\DeadlockException", "An exception occurred while executing a query: SQLSTATE[40P01]: Deadlock detected: 7 ERROR:  deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process {idx}{pid}.", (*handler("ReleaseExpiredHoldsHandler", 29), app("Booking/SeatHoldRepository.php", "Repository\\SeatHoldRepository", "releaseExpired", 55, "(Object(DateTimeImmutable))"), php(DOCTRINE + "dbal/src/Connection.php", "executeStatement", 1219, "Doctrine\\DBAL\\Connection", "('DELETE FROM seat_hold...', Array, Array)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **RETRY), see("datadog.log", **MSG_MON)),
        entry="App\\Message\\ReleaseExpiredHolds"),
    # The brochure PDF export running out of memory.
    Bug("da-pdf-oom", "tours-api", (Exc("Symfony\\Component\\ErrorHandler\\Error\\OutOfMemoryError", "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate {n}480 bytes)", (php("/srv/app/vendor/dompdf/dompdf/src/FrameReflower/Block.php", "reflow", 845, "Dompdf\\FrameReflower\\Block", lib=True),)),),
        (see("sentry.error", 3), see("splunk", 2, **API)),
        classes=(10,), entry="GET /api/tours/{id}/brochure.pdf"),
    # The slow-supplier warning: one template, no bug.
    Bug("da-supplier-slow", "tours-api", (),
        (see("splunk", 3, search="tours-api supplier latency", line='{"message":"Supplier call slow","context":{"host":"{hostport}","duration":"{dur}","size":"{size}"},"level":300,"level_name":"WARNING","channel":"supplier","datetime":"{tsnaive}+00:00","extra":{}}'), see("datadog.log", monitor="[tours] slow supplier calls", team="tours", filter="service:tours-api @channel:supplier", text="Supplier {hostport} answered after {dur} ({size}).")),
        classes=(7,)),
    # Seen once: a Stripe webhook with a stale signature.
    Bug("da-stripe-signature", "tours-api", (Exc("Stripe\\Exception\\SignatureVerificationException", "No signatures found matching the expected signature for payload", (*ctrl("StripeWebhookController", "__invoke", 24), php("/srv/app/vendor/stripe/stripe-php/lib/Webhook.php", "::constructEvent", 29, "Stripe\\Webhook", lib=True), php("/srv/app/vendor/stripe/stripe-php/lib/WebhookSignature.php", "::verifyHeader", 69, "Stripe\\WebhookSignature", lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /webhooks/stripe"),
]

NOISE = [
    Noise("da-noise-worker-stopped", "tours-worker", "splunk", {**WORK, "line": '{"message":"Worker stopped due to time limit of 3600s exceeded","context":{},"level":200,"level_name":"INFO","channel":"messenger","datetime":"{tsnaive}+00:00","extra":{}}'}),
    Noise("da-noise-deploy", "tours-api", "datadog.event", {"monitor": "Deployed tours-api 2026.11.2", "text": "Deployer released tours-api 2026.11.2 (cache:clear, doctrine:migrations:migrate: 2 migrations).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "tours"}),
    Noise("da-noise-sentry-resolved", "tours-api", "sentry.metric", {"rule": "tours-api error count", "aggregate": "count()", "action": "resolved", "value": "{idx}"}),
]

DALESEND = Company(
    key="da",
    name="Dalesend Coach Holidays",
    domain="dalesend.example",
    sentry_org="dalesend",
    splunk_url="https://dalesend.splunkcloud.com",
    splunk_guid="B41C7D20-9E3A-4F18-A6C5-2D8F01E7B394",
    datadog_org=("884001", "Dalesend Coach Holidays"),
    datadog_template="default",
    posthog_project=(88401, "dalesend.example"),
    releases=("2026.11.0", "2026.11.1", "2026.11.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dalesend-sentry-client-secret",
)
