"""(cc) Dunmere Walks, self-guided walking holidays: a CodeIgniter 4.5 site on PHP 8.2 under
php-fpm (``bookings-web``: route search, availability, bookings, accounts, Stripe webhooks;
MySQL 8 through CodeIgniter's MySQLi driver), ``php spark`` commands run from cron in the same
image (``spark-cron``: luggage dispatch, guesthouse allocation, pre-departure emails, invoices)
and an Alpine.js trip planner built by Vite (``trip-planner``, ``/assets/chunk-<HASH>.js``).

Sentry: the plain PHP SDK (``sentry/sentry``; CodeIgniter has no official integration), its
error handler installed in ``Config\\Events`` ``pre_system``, so uncaught exceptions arrive as
unhandled; @sentry/browser on the planner. Splunk: CodeIgniter's own file logger
(``writable/logs/log-<date>.log``, ``CRITICAL`` records of the exception handler with
``renderBacktrace``, ``ERROR`` lines the commands write themselves) read by a universal
forwarder. PostHog: posthog-js exception autocapture on the planner. Datadog: the plugin's
recommended template, log monitors on the forwarded file and dd-trace-php's APM.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php", "4.10.0", "composer:sentry/sentry")
SERVICES = {
    "bookings-web": Service("bookings-web", "php", "cc-ci4-log", "dunmere:ci4", "/var/www/html/writable/logs/log-web.log", "dunmere_prod", 7261041, "php 8.2.26", framework="generic", sdk=SDK),
    "spark-cron": Service("spark-cron", "php", "cc-ci4-log", "dunmere:ci4", "/var/www/html/writable/logs/log-cron.log", "dunmere_prod", 7261042, "php 8.2.26", framework="generic", sdk=SDK),
    "trip-planner": Service("trip-planner", "javascript", "", "", "", "", 7261045, origin="https://plan.dunmere.example", framework="onerror", sdk=("sentry.javascript.browser", "8.42.0", "npm:@sentry/browser")),
}

SYS = "/var/www/html/vendor/codeigniter4/framework/system/"


def ci_request(controller: str) -> tuple[Frame, ...]:
    """CodeIgniter 4.5's web front controller down to the controller method it calls."""
    return (
        php("/var/www/html/public/index.php", "{main}", 56, lib=True),
        php(SYS + "Boot.php", "::bootWeb", 65, "CodeIgniter\\Boot", "(Object(Config\\Paths))", lib=True),
        php(SYS + "CodeIgniter.php", "run", 363, "CodeIgniter\\CodeIgniter", "()", lib=True),
        php(SYS + "CodeIgniter.php", "handleRequest", 500, "CodeIgniter\\CodeIgniter", "(null, Object(Config\\Cache), false)", lib=True),
        php(SYS + "CodeIgniter.php", "runController", 941, "CodeIgniter\\CodeIgniter", f"(Object(App\\Controllers\\{controller}))", lib=True),
    )


def spark(command: str) -> tuple[Frame, ...]:
    """``php spark <command>``: the console down to the command's ``run``."""
    return (
        php("/var/www/html/spark", "{main}", 84, lib=True),
        php(SYS + "Boot.php", "::bootSpark", 140, "CodeIgniter\\Boot", "(Object(Config\\Paths))", lib=True),
        php(SYS + "Boot.php", "::runCommand", 338, "CodeIgniter\\Boot", "(Object(CodeIgniter\\CLI\\Console))", lib=True),
        php(SYS + "CLI/Console.php", "run", 47, "CodeIgniter\\CLI\\Console", "()", lib=True),
        php(SYS + "CLI/Commands.php", "run", 70, "CodeIgniter\\CLI\\Commands", f"('{command}', [])", lib=True),
    )


def app(file: str, cls: str, method: str, line: int, args: str = "()") -> Frame:
    return php(f"app/{file}", method, line, f"App\\{cls}", args)


def internal(cls: str, function: str, args: str) -> Frame:
    """A PHP internal method: no file of its own."""
    return Frame(function, "", 0, cls, False, args=args)


def model_insert(sql: str) -> tuple[tuple[Frame, ...], tuple[Frame, ...]]:
    """A ``Model::insert`` down to MySQLi: the driver's ``mysqli_sql_exception`` is thrown by
    ``mysqli::query``; CodeIgniter rethrows it as a ``DatabaseException`` from ``execute``."""
    common = (
        php(SYS + "BaseModel.php", "insert", 840, "CodeIgniter\\BaseModel", "([...], true)", lib=True),
        php(SYS + "Model.php", "doInsert", 365, "CodeIgniter\\Model", "([...])", lib=True),
        php(SYS + "Database/BaseBuilder.php", "insert", 2308, "CodeIgniter\\Database\\BaseBuilder", "()", lib=True),
        php(SYS + "Database/BaseConnection.php", "query", 692, "CodeIgniter\\Database\\BaseConnection", f"('{sql}', [...], false)", lib=True),
    )
    cause = (*common, php(SYS + "Database/MySQLi/Connection.php", "execute", 312, "CodeIgniter\\Database\\MySQLi\\Connection", f"('{sql}')", lib=True), internal("mysqli", "query", f"('{sql}', 0)"))
    thrown = (*common, php(SYS + "Database/MySQLi/Connection.php", "execute", 317, "CodeIgniter\\Database\\MySQLi\\Connection", f"('{sql}')", lib=True))
    return cause, thrown


def duplicate(entry: str, key: str, app_frames: tuple[Frame, ...], sql: str) -> tuple[Exc, Exc]:
    message = f"Duplicate entry '{entry}' for key '{key}'"
    cause, thrown = model_insert(sql)
    return Exc("mysqli_sql_exception", message, (*app_frames, *cause)), Exc("CodeIgniter\\Database\\Exceptions\\DatabaseException", message, (*app_frames, *thrown))


def curl(url: str) -> tuple[Frame, ...]:
    """CodeIgniter's CURLRequest turning curl's error 28 into an HTTPException."""
    return (
        php(SYS + "HTTP/CURLRequest.php", "request", 121, "CodeIgniter\\HTTP\\CURLRequest", f"('POST', '{url}', [...])", lib=True),
        php(SYS + "HTTP/CURLRequest.php", "send", 392, "CodeIgniter\\HTTP\\CURLRequest", f"('POST', '{url}')", lib=True),
        php(SYS + "HTTP/CURLRequest.php", "sendRequest", 682, "CodeIgniter\\HTTP\\CURLRequest", "([...])", lib=True),
        php(SYS + "HTTP/Exceptions/HTTPException.php", "::forCurlError", 76, "CodeIgniter\\HTTP\\Exceptions\\HTTPException", "('28', 'Operation timed out after 10001 milliseconds with 0 bytes received')", lib=True),
    )


# Every partner call goes through one library: its post() is the innermost app frame of both.
def partner_post(url: str) -> Frame:
    return app("Libraries/PartnerHttp.php", "Libraries\\PartnerHttp", "post", 48, f"('{url}', [...])")
SHERPA = "https://api.sherpavan.example/v2/manifests"
BEDS = "https://partners.bedsonroute.example/availability"
CURL_TIMEOUT = "28 : Operation timed out after 10001 milliseconds with 0 bytes received"
NULL_EMAIL = 'Attempt to read property "email" on null'
WEB = {"search": "dunmere CRITICAL errors"}
CRON = {"search": "dunmere CRITICAL errors", "source": "/var/www/html/writable/logs/log-cron.log"}
CRON_ERRORS = {"search": "dunmere cron ERROR lines", "source": "/var/www/html/writable/logs/log-cron.log"}
DD = {"team": "walks"}
BY_CLASS = "dunmere CRITICAL by exception class (24h)"
TASKS = {"monitor": "spark commands failing", **DD}
CI_MONITOR = {"monitor": "bookings-web CRITICAL log records", "style": "sample", "filter": "service:bookings-web source:codeigniter status:critical", **DD}
PLANNER = "planner"
ALPINE = (
    js("node_modules/alpinejs/dist/module.esm.js", "tryCatch", 519, 12, PLANNER, lib=True),
    js("node_modules/alpinejs/dist/module.esm.js", "", 588, 25, PLANNER, lib=True),
)

BUGS = [
    # Two unique keys: a guesthouse room allocated twice for one night; a luggage leg booked twice.
    Bug("cc-room-night-dup", "spark-cron", duplicate("{id}-2026-04-1{idx}", "allocations.uniq_room_night", (*spark("guesthouses:allocate"), app("Commands/AllocateGuesthouses.php", "Commands\\AllocateGuesthouses", "run", 61, "([])"), app("Libraries/Allocator.php", "Libraries\\Allocator", "assign", 94, "(Object(App\\Entities\\Stage), Object(App\\Entities\\Room))"), app("Models/AllocationModel.php", "Models\\AllocationModel", "reserve", 37, "({id}, '2026-04-1{idx}')")), "INSERT INTO `allocations` (`room_id`, `night`, `booking_id`) VALUES ({id}, '2026-04-1{idx}', {order})"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **CRON), see("splunk", search="dunmere ERROR lines", driver_error=True, source="/var/www/html/writable/logs/log-cron.log"), see("datadog.task", **TASKS)),
        classes=(4,), pair="cc-luggage-leg-dup", entry="guesthouses:allocate"),
    Bug("cc-luggage-leg-dup", "bookings-web", duplicate("DW-{order}-{idx}", "luggage_transfers.uniq_booking_leg", (*ci_request("Luggage"), app("Controllers/Luggage.php", "Controllers\\Luggage", "add", 52, "('{order}')"), app("Models/LuggageTransferModel.php", "Models\\LuggageTransferModel", "book", 29, "({order}, {idx})")), "INSERT INTO `luggage_transfers` (`booking_ref`, `leg`, `pickup_at`) VALUES ('DW-{order}-{idx}', {idx}, '08:30')"),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("splunk", search="dunmere ERROR lines", driver_error=True), see("datadog.log", 2, **CI_MONITOR)),
        classes=(4,), pair="cc-room-night-dup", entry="POST /bookings/{order}/luggage"),
    # One price calculator, two exceptions: a route priced per zero walkers; a null night count.
    Bug("cc-price-div-zero", "bookings-web", (Exc("DivisionByZeroError", "Division by zero", (*ci_request("Quote"), app("Controllers/Quote.php", "Controllers\\Quote", "show", 33, "('{course}')"), app("Libraries/PriceCalculator.php", "Libraries\\PriceCalculator", "forRoute", 58, "(Object(App\\Entities\\Route), 0)"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **WEB), see("datadog.apm", style="message", **DD)),
        classes=(4, 5), pair="cc-price-null-nights", entry="GET /routes/{course}/quote", span=2, renames={"show": "quote"}),
    Bug("cc-price-null-nights", "bookings-web", (Exc("TypeError", "App\\Libraries\\PriceCalculator::supplement(): Argument #1 ($nights) must be of type int, null given, called in /var/www/html/app/Libraries/PriceCalculator.php on line 41", (*ci_request("Quote"), app("Controllers/Quote.php", "Controllers\\Quote", "show", 33, "('{course}')"), app("Libraries/PriceCalculator.php", "Libraries\\PriceCalculator", "forRoute", 41, "(Object(App\\Entities\\Route), 2)"), app("Libraries/PriceCalculator.php", "Libraries\\PriceCalculator", "supplement", 72, "(null, 'single')"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.apm", **DD), see("splunk", search=BY_CLASS, stats={"exception_class": "TypeError", "count": "{n}"})),
        classes=(4,), pair="cc-price-div-zero", entry="GET /routes/{course}/quote"),
    # PHP 8's warning, made an ErrorException by CodeIgniter, in a controller and in a command.
    Bug("cc-account-null-email", "bookings-web", (Exc("ErrorException", NULL_EMAIL, (*ci_request("Account"), app("Controllers/Account.php", "Controllers\\Account", "profile", 27, "()"), php(SYS + "Debug/Exceptions.php", "errorHandler", 187, "CodeIgniter\\Debug\\Exceptions", "(2, 'Attempt to read property \"email\" on null', '/var/www/html/app/Controllers/Account.php', 27)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **CI_MONITOR)),
        classes=(4,), pair="cc-predeparture-null-email", entry="GET /account"),
    Bug("cc-predeparture-null-email", "spark-cron", (Exc("ErrorException", NULL_EMAIL, (*spark("emails:predeparture"), app("Commands/SendPreDepartureEmails.php", "Commands\\SendPreDepartureEmails", "run", 44, "([])"), app("Libraries/Mailer.php", "Libraries\\Mailer", "predeparture", 88, "(Object(App\\Entities\\Booking))"), php(SYS + "Debug/Exceptions.php", "errorHandler", 187, "CodeIgniter\\Debug\\Exceptions", "(2, 'Attempt to read property \"email\" on null', '/var/www/html/app/Libraries/Mailer.php', 88)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **CRON)),
        classes=(4,), pair="cc-account-null-email", entry="emails:predeparture", span=2),
    # Two partners timing out through one library: the luggage courier (cron) and guesthouse availability (web).
    Bug("cc-courier-timeout", "spark-cron", (Exc("CodeIgniter\\HTTP\\Exceptions\\HTTPException", CURL_TIMEOUT, (*spark("luggage:dispatch"), app("Commands/DispatchLuggage.php", "Commands\\DispatchLuggage", "run", 39, "([])"), app("Libraries/Courier/Sherpa.php", "Libraries\\Courier\\Sherpa", "sendManifest", 66, "([...])"), partner_post(SHERPA), *curl(SHERPA))),),
        (see("sentry.error", 3), see("splunk", 3, **CRON_ERRORS)),
        classes=(9,), pair="cc-guesthouse-timeout", entry="luggage:dispatch", handled=True, log="Luggage manifest not sent for {date}: <exc>"),
    Bug("cc-guesthouse-timeout", "bookings-web", (Exc("CodeIgniter\\HTTP\\Exceptions\\HTTPException", CURL_TIMEOUT, (*ci_request("Availability"), app("Controllers/Availability.php", "Controllers\\Availability", "search", 48, "()"), app("Libraries/Guesthouses/BedsApi.php", "Libraries\\Guesthouses\\BedsApi", "nights", 31, "('{course}', '{date}')"), partner_post(BEDS), *curl(BEDS))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", style="type", **DD)),
        classes=(9,), pair="cc-courier-timeout", entry="POST /availability"),
    # The planner reading a stage's coordinates in the map and in the elevation chart.
    Bug("cc-js-map-coords", "trip-planner", (Exc("TypeError", frames=(*ALPINE, js("src/planner/map.js", "drawStage", 74, 31, PLANNER)), js=JsError("read-undefined", "stage.coords", "lat")),),
        (see("sentry.error", 2, browser="chrome", chunk=PLANNER), see("sentry.error", browser="firefox", chunk=PLANNER, release=1, raw=True), see("posthog", browser="safari", chunk=PLANNER), see("posthog", browser="chrome", chunk=PLANNER, resolved=True, release=1)),
        classes=(3, 4), pair="cc-js-elevation-coords", span=2, page="/plan/{course}"),
    Bug("cc-js-elevation-coords", "trip-planner", (Exc("TypeError", frames=(*ALPINE, js("src/planner/elevation.js", "profilePoints", 22, 40, PLANNER)), js=JsError("read-undefined", "stage.coords", "lat")),),
        (see("sentry.error", browser="edge", chunk=PLANNER), see("posthog", 2, browser="chrome", chunk=PLANNER), see("posthog", browser="firefox", chunk=PLANNER)),
        classes=(3, 4), pair="cc-js-map-coords", page="/plan/{course}"),
    # A date typed in the browser's locale reaching Time::parse.
    Bug("cc-date-parse", "bookings-web", (Exc("Exception", "DateTimeImmutable::__construct(): Failed to parse time string (2{idx}/0{idx2}/2026) at position 0 (2): Unexpected character", (*ci_request("Availability"), app("Controllers/Availability.php", "Controllers\\Availability", "search", 42, "()"), php(SYS + "I18n/Time.php", "::parse", 97, "CodeIgniter\\I18n\\Time", "('2{idx}/0{idx2}/2026', null, null)", lib=True), php(SYS + "I18n/TimeTrait.php", "__construct", 77, "CodeIgniter\\I18n\\Time", "('2{idx}/0{idx2}/2026', null, null)", lib=True), internal("DateTimeImmutable", "__construct", "('2{idx}/0{idx2}/2026', Object(DateTimeZone))"))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **CI_MONITOR)),
        classes=(10,), entry="POST /availability"),
    # Stripe's webhook secret rotated in the dashboard but not in .env.
    Bug("cc-stripe-signature", "bookings-web", (Exc("Stripe\\Exception\\SignatureVerificationException", "No signatures found matching the expected signature for payload", (*ci_request("Webhooks\\Stripe"), app("Controllers/Webhooks/Stripe.php", "Controllers\\Webhooks\\Stripe", "receive", 26, "()"), php("vendor/stripe/stripe-php/lib/Webhook.php", "::constructEvent", 30, "Stripe\\Webhook", "('{\\n  \"id\": \"evt_...', 't=...', '[...]', 300)", lib=True), php("vendor/stripe/stripe-php/lib/WebhookSignature.php", "::verifyHeader", 59, "Stripe\\WebhookSignature", "('{\\n  \"id\": \"evt_...', 't=...', '[...]', 300)", lib=True), php("vendor/stripe/stripe-php/lib/Exception/SignatureVerificationException.php", "::factory", 24, "Stripe\\Exception\\SignatureVerificationException", "('No signatures fo...', '{\\n  \"id\": \"evt_...', 't=...')", lib=True))),),
        (see("sentry.error", 2), see("sentry.alert", rule="bookings-web: new issue"), see("splunk", 2, **WEB), see("datadog.apm", style="route", **DD)),
        entry="POST /webhooks/stripe"),
    # The invoice command reading a VAT rate the 2027 price list no longer has.
    Bug("cc-invoice-vat-key", "spark-cron", (Exc("ErrorException", 'Undefined array key "vat_rate"', (*spark("invoices:issue"), app("Commands/IssueInvoices.php", "Commands\\IssueInvoices", "run", 35, "([])"), app("Libraries/Invoice.php", "Libraries\\Invoice", "lines", 63, "(Object(App\\Entities\\Booking))"), php(SYS + "Debug/Exceptions.php", "errorHandler", 187, "CodeIgniter\\Debug\\Exceptions", "(2, 'Undefined array key \"vat_rate\"', '/var/www/html/app/Libraries/Invoice.php', 63)", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", 2, release=2), see("splunk", 2, **CRON), see("splunk", release=2, half=True, **CRON), see("datadog.task", release=2, **TASKS)),
        classes=(5,), entry="invoices:issue", span=3, renames={"lines": "buildLines"}),
    # The Redis session handler refused at the Saturday-morning booking peak: no application frame.
    Bug("cc-session-redis", "bookings-web", (Exc("CodeIgniter\\Session\\Exceptions\\SessionException", "Session: Unable to connect to Redis with the configured settings.", (*ci_request("Home")[:3], php(SYS + "CodeIgniter.php", "handleRequest", 471, "CodeIgniter\\CodeIgniter", "(null, Object(Config\\Cache), false)", lib=True), php(SYS + "Filters/Filters.php", "run", 190, "CodeIgniter\\Filters\\Filters", "('bookings', 'before')", lib=True), php(SYS + "Config/Services.php", "::session", 685, "CodeIgniter\\Config\\Services", "()", lib=True), php(SYS + "Session/Session.php", "start", 218, "CodeIgniter\\Session\\Session", "()", lib=True), php(SYS + "Session/Handlers/RedisHandler.php", "open", 180, "CodeIgniter\\Session\\Handlers\\RedisHandler", "('', 'ci_session')", lib=True))),),
        (see("sentry.error", 3), see("splunk", 3, **WEB), see("datadog.log", 2, **CI_MONITOR), see("splunk", search=BY_CLASS, stats={"exception_class": "CodeIgniter\\Session\\Exceptions\\SessionException", "count": "{n}"})),
        classes=(10,), entry="GET /bookings"),
    # The route-pack builder's own INFO line: one template, sizes and durations of every length.
    Bug("cc-route-pack-built", "spark-cron", (),
        (see("splunk", 4, search="dunmere route packs", source="/var/www/html/writable/logs/log-cron.log", line="INFO - {gts} --> Route pack for booking DW-{order} written to {objstore}: {size} in {dur}"),),
        classes=(7,)),
    # Seen once: Imagick refusing a guesthouse photo larger than its policy allows.
    Bug("cc-imagick-limit", "bookings-web", (Exc("ImagickException", "width or height exceeds limit `/tmp/php{hex}' @ error/cache.c/OpenPixelCache/3909", (*ci_request("Admin\\Photos"), app("Controllers/Admin/Photos.php", "Controllers\\Admin\\Photos", "upload", 38, "('{id}')"), internal("Imagick", "__construct", "('/tmp/php{hex}')"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /admin/guesthouses/{id}/photos"),
]

NOISE = [
    Noise("cc-noise-migrate", "spark-cron", "splunk", {**CRON, "line": "INFO - {gts} --> Migrations complete."}),
    Noise("cc-noise-deploy", "bookings-web", "datadog.event", {"monitor": "Deployed bookings-web 2026.12.1", "text": "Deployer released bookings-web 2026.12.1 to web-1, web-2 (opcache reset).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", **DD}),
    Noise("cc-noise-recovered", "bookings-web", "datadog.log", {**CI_MONITOR, "transition": "Recovered", "text": "bookings-web CRITICAL records are back under the threshold."}),
]

DUNMERE = Company(
    key="cc",
    name="Dunmere Walks",
    domain="dunmere.example",
    sentry_org="dunmere",
    splunk_url="https://dunmere.splunkcloud.com",
    splunk_guid="5B1E7C94-2D3A-4F60-8C11-7E9A0D4B6F28",
    datadog_org=("418207", "Dunmere Walks"),
    datadog_template="recommended",
    posthog_project=(70412, "Dunmere planner"),
    releases=("2026.12.0", "2026.12.1", "2026.12.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dunmere-sentry-client-secret",
)
