"""(ci) Kilnsey Cycles, bike rental and workshop bookings: a Laravel 11 API on PHP 8.3 served
by Octane on Swoole (``kilnsey-api``: rentals, repair bookings, quotes, smart-lock unlocks,
Stripe webhooks; MySQL 8 through Eloquent), its Horizon queue workers on Redis
(``kilnsey-queue``: reminders, fleet imports, insurance policies) and a Vue 3 rider app bundled
by esbuild (``kilnsey-web``).

Sentry: sentry-laravel on the API and the workers (one fatal error through the shutdown
handler). PostHog: posthog-js with exception autocapture on the rider app (Chrome, Edge,
Firefox, Safari; raw frames, one resolved per bug). Splunk: the universal forwarder reading
Laravel's ``daily`` channel (``storage/logs/laravel-<date>.log``: Monolog's line with the
exception and each previous one in the context; the trace ends in Octane's Swoole worker, or
in ``artisan`` for a job). No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import FW, LARAVEL_REQUEST, REQ, VUE_CLICK, js, php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.laravel", "4.10.1", "composer:sentry/sentry-laravel")
SERVICES = {
    "kilnsey-api": Service("kilnsey-api", "php", "ci-laravel-daily", "laravel:daily", "/var/www/html/storage/logs/laravel.log", "kc_prod", 6120441, "PHP 8.3.14", framework="generic", sdk=SDK),
    "kilnsey-queue": Service("kilnsey-queue", "php", "ci-laravel-daily", "laravel:daily", "/var/www/html/storage/logs/laravel.log", "kc_prod", 6120441, "PHP 8.3.14", framework="generic", sdk=SDK),
    "kilnsey-web": Service("kilnsey-web", "javascript", "", "", "", "", 6120443, origin="https://ride.kilnsey.example"),
}

OCT = "/var/www/html/vendor/laravel/octane/"
# Octane's Swoole server: Swoole's event loop (inside Server->start()) calls the request
# closure, which hands the request to the worker's long-lived application (oldest first).
OCTANE = (
    php(OCT + "bin/swoole-server", "{main}", 186, lib=True),
    Frame("start", "", 0, "Swoole\\Http\\Server", False, args="()"),
    php(OCT + "bin/swoole-server", "{closure}", 121, "", "(Object(Swoole\\Http\\Request), Object(Swoole\\Http\\Response))", lib=True),
    php(OCT + "src/Worker.php", "handle", 92, "Laravel\\Octane\\Worker", "(Object(Illuminate\\Http\\Request), Object(Laravel\\Octane\\RequestContext))", lib=True),
    php(OCT + "src/ApplicationGateway.php", "handle", 37, "Laravel\\Octane\\ApplicationGateway", REQ, lib=True),
    *LARAVEL_REQUEST[1:-1],
)
# ``php artisan horizon:work`` running one job from Redis.
QUEUE = (
    php("artisan", "{main}", 13, lib=True),
    php(FW + "Foundation/Application.php", "handleCommand", 1235, "Illuminate\\Foundation\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput))", lib=True),
    php(FW + "Queue/Worker.php", "process", 442, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
    php(FW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
    php(FW + "Queue/CallQueuedHandler.php", "call", 70, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
    php(FW + "Container/BoundMethod.php", "call", 36, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
)


def app(file: str, cls: str, method: str, line: int, args: str = "()") -> Frame:
    return php(file, method, line, cls, args)


def ctl(name: str, method: str, line: int, args: str = REQ) -> Frame:
    return app(f"app/Http/Controllers/{name}.php", f"App\\Http\\Controllers\\{name}", method, line, args)


def job(name: str, line: int) -> Frame:
    return app(f"app/Jobs/{name}.php", f"App\\Jobs\\{name}", "handle", line, "(Object(Illuminate\\Foundation\\Application))")


def insert_failed(outer: tuple[Frame, ...], table: str, key: str, entry: str, sql: str) -> tuple[Exc, Exc]:
    """Eloquent's insert hitting a unique index: PDO's exception from the internal
    ``PDOStatement->execute``, then Laravel's QueryException naming the connection and SQL."""
    head = sql[:15] + "..."
    pdo = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{entry}' for key '{table}.{key}'"
    down = (
        *outer,
        php(FW + "Database/Eloquent/Model.php", "save", 1180, "Illuminate\\Database\\Eloquent\\Model", "()", lib=True),
        php(FW + "Database/Eloquent/Model.php", "performInsert", 1362, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder))", lib=True),
        php(FW + "Database/Query/Builder.php", "insertGetId", 3548, "Illuminate\\Database\\Query\\Builder", "(Array, 'id')", lib=True),
        php(FW + "Database/MySqlConnection.php", "insert", 42, "Illuminate\\Database\\MySqlConnection", f"('{head}', Array, 'id')", lib=True),
        php(FW + "Database/Connection.php", "run", 782, "Illuminate\\Database\\Connection", f"('{head}', Array, Object(Closure))", lib=True),
    )
    cause = Exc("PDOException", pdo, (*down, php(FW + "Database/MySqlConnection.php", "Illuminate\\Database\\{closure}", 53, "Illuminate\\Database\\MySqlConnection", f"('{head}', Array)", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()")))
    thrown = Exc("Illuminate\\Database\\QueryException", f"{pdo} (Connection: mysql, SQL: {sql})", (*down, php(FW + "Database/Connection.php", "runQueryCallback", 825, "Illuminate\\Database\\Connection", f"('{head}', Array, Object(Closure))", lib=True)))
    return cause, thrown


def gone_away(outer: tuple[Frame, ...], sql: str) -> tuple[Exc, Exc]:
    """A worker's connection the MySQL server closed while the long-lived Octane worker idled."""
    head = sql[:15] + "..."
    down = (
        *outer,
        php(FW + "Database/Eloquent/Builder.php", "get", 801, "Illuminate\\Database\\Eloquent\\Builder", "()", lib=True),
        php(FW + "Database/Query/Builder.php", "get", 3131, "Illuminate\\Database\\Query\\Builder", "()", lib=True),
        php(FW + "Database/Connection.php", "select", 423, "Illuminate\\Database\\Connection", f"('{head}', Array, true)", lib=True),
        php(FW + "Database/Connection.php", "run", 782, "Illuminate\\Database\\Connection", f"('{head}', Array, Object(Closure))", lib=True),
    )
    pdo = "SQLSTATE[HY000]: General error: 2006 MySQL server has gone away"
    cause = Exc("PDOException", pdo, (*down, php(FW + "Database/Connection.php", "Illuminate\\Database\\{closure}", 414, "Illuminate\\Database\\Connection", f"('{head}', Array)", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()")))
    thrown = Exc("Illuminate\\Database\\QueryException", f"{pdo} (Connection: mysql, SQL: {sql})", (*down, php(FW + "Database/Connection.php", "runQueryCallback", 825, "Illuminate\\Database\\Connection", f"('{head}', Array, Object(Closure))", lib=True)))
    return cause, thrown


# Every partner call goes through one client: its post() is the innermost app frame of both timeouts.
PARTNER_POST = app("app/Support/PartnerClient.php", "App\\Support\\PartnerClient", "post", 38, "('/v2/locks/{id}/...', Array)")
HTTP_SEND = (
    php(FW + "Http/Client/PendingRequest.php", "post", 805, "Illuminate\\Http\\Client\\PendingRequest", "('https://api.lo...', Array)", lib=True),
    php(FW + "Http/Client/PendingRequest.php", "send", 930, "Illuminate\\Http\\Client\\PendingRequest", "('POST', 'https://api.lo...', Array)", lib=True),
    php(FW + "Support/helpers.php", "retry", 236, "", "(0, Object(Closure), 0, NULL)", lib=True),
    php(FW + "Http/Client/PendingRequest.php", "Illuminate\\Http\\Client\\{closure}", 975, "Illuminate\\Http\\Client\\PendingRequest", "(1)", lib=True),
)


def curl_timeout(outer: tuple[Frame, ...], url: str) -> tuple[Exc]:
    value = f"cURL error 28: Operation timed out after {{ms}} milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for {url}"
    return (Exc("Illuminate\\Http\\Client\\ConnectionException", value, (*outer, PARTNER_POST, *HTTP_SEND)),)


FRAME_NULL = 'Attempt to read property "frame_size" on null'
QUOTE = ctl("QuoteController", "show", 31, "(Object(App\\Http\\Requests\\QuoteRequest))")
LOGS = {"search": "kilnsey laravel errors", "app": "kilnsey"}
JOBS = {"search": "kilnsey queue errors", "app": "kilnsey"}
# A stats search over the daily log's job context: failures per job (24h).
BY_JOB = "kilnsey failed jobs by class (24h)"
LIB_ROUTER = js("node_modules/vue-router/dist/vue-router.mjs", "loadRouteComponent", 2110, 29, "index", lib=True)

BUGS = [
    # PHP 8's warning, turned into an ErrorException by Laravel, in a controller and a job.
    Bug("ci-booking-frame-null", "kilnsey-api", (Exc("ErrorException", FRAME_NULL, (*OCTANE, ctl("BookingController", "store", 44, "(Object(App\\Http\\Requests\\StoreBookingRequest))"), app("app/Services/FittingService.php", "App\\Services\\FittingService", "slotFor", 52, "(Object(App\\Models\\Rider), '2026-03-1{idx}')"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **LOGS)),
        classes=(4,), pair="ci-reminder-frame-null", entry="POST /api/v1/bookings", span=2),
    Bug("ci-reminder-frame-null", "kilnsey-queue", (Exc("ErrorException", FRAME_NULL, (*QUEUE, job("SendFittingReminder", 29), app("app/Notifications/FittingReminder.php", "App\\Notifications\\FittingReminder", "toMail", 37, "(Object(App\\Models\\Rider))"))),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS)),
        classes=(4,), pair="ci-booking-frame-null", entry="App\\Jobs\\SendFittingReminder"),
    # One unique index each: a bike rented twice for a day; a workshop slot booked twice.
    Bug("ci-rental-dup", "kilnsey-api", insert_failed((*OCTANE, ctl("RentalController", "store", 58, "(Object(App\\Http\\Requests\\StoreRentalRequest))"), app("app/Rentals/RentalService.php", "App\\Rentals\\RentalService", "reserve", 71, "(Object(App\\Models\\Bike), Object(App\\Models\\Rider), Object(Carbon\\CarbonImmutable))")), "rentals", "rentals_bike_id_starts_on_unique", "{id}-2026-03-1{idx}", "insert into `rentals` (`bike_id`, `rider_id`, `starts_on`, `updated_at`, `created_at`) values ({id}, {user}, 2026-03-1{idx}, 2026-03-0{idx} 08:14:3{idx}, 2026-03-0{idx} 08:14:3{idx})"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **LOGS)),
        classes=(4,), pair="ci-repair-slot-dup", entry="POST /api/v1/rentals", handled=False),
    Bug("ci-repair-slot-dup", "kilnsey-api", insert_failed((*OCTANE, ctl("RepairBookingController", "store", 36, "(Object(App\\Http\\Requests\\StoreRepairRequest))"), app("app/Workshop/SlotBooker.php", "App\\Workshop\\SlotBooker", "book", 49, "(Object(App\\Models\\Workshop), Object(Carbon\\CarbonImmutable))")), "repair_slots", "repair_slots_workshop_id_slot_at_unique", "{n}-2026-03-1{idx} 10:30:00", "insert into `repair_slots` (`workshop_id`, `slot_at`, `rider_id`, `updated_at`, `created_at`) values ({n}, 2026-03-1{idx} 10:30:00, {user}, 2026-03-0{idx} 17:02:1{idx}, 2026-03-0{idx} 17:02:1{idx})"),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **LOGS)),
        classes=(4,), pair="ci-rental-dup", entry="POST /api/v1/repairs", span=3),
    # One pricing method, two errors: no days for a same-day rental; a quote with no end date.
    Bug("ci-quote-division", "kilnsey-api", (Exc("DivisionByZeroError", "Division by zero", (*OCTANE, QUOTE, app("app/Pricing/RentalQuote.php", "App\\Pricing\\RentalQuote", "price", 41, "(Object(App\\Models\\Bike), 0)"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **LOGS)),
        classes=(4,), pair="ci-quote-type", entry="GET /api/v1/quotes"),
    Bug("ci-quote-type", "kilnsey-api", (Exc("TypeError", "App\\Pricing\\RentalQuote::price(): Argument #2 ($days) must be of type int, null given, called in /var/www/html/app/Http/Controllers/QuoteController.php on line 31", (*OCTANE, QUOTE, app("app/Pricing/RentalQuote.php", "App\\Pricing\\RentalQuote", "price", 24, "(Object(App\\Models\\Bike), NULL)"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **LOGS)),
        classes=(4,), pair="ci-quote-division", entry="GET /api/v1/quotes", span=2),
    # Two partners' timeouts through one client.
    Bug("ci-unlock-timeout", "kilnsey-api", curl_timeout((*OCTANE, ctl("RentalUnlockController", "__invoke", 22), app("app/Services/LockHub.php", "App\\Services\\LockHub", "unlock", 33, "(Object(App\\Models\\Rental))")), "https://api.lockhub.example/v2/locks/{id}/unlock"),
        (see("sentry.error", 3), see("splunk", msg="Unlock failed for rental {id}", **LOGS), see("splunk", **LOGS)),
        classes=(9,), pair="ci-policy-timeout", entry="POST /api/v1/rentals/{rental}/unlock"),
    Bug("ci-policy-timeout", "kilnsey-queue", curl_timeout((*QUEUE, job("IssuePolicy", 27), app("app/Services/CycleGuard.php", "App\\Services\\CycleGuard", "issue", 46, "(Object(App\\Models\\Rental))")), "https://quotes.cycleguard.example/v1/policies"),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **JOBS), see("splunk", release=2, **JOBS), see("splunk", search=BY_JOB, stats={"job": "App\\Jobs\\IssuePolicy", "level_name": "ERROR", "count": "{n}"})),
        classes=(9,), pair="ci-unlock-timeout", entry="App\\Jobs\\IssuePolicy", span=3),
    # The same undefined read in two components of the rider app.
    Bug("ci-web-calendar-slots", "kilnsey-web", (Exc("TypeError", frames=(*VUE_CLICK, js("src/components/BookingCalendar.vue", "openDay", 88, 31, "index")), js=JsError("read-undefined", "day.availability", "slots")),),
        (see("posthog", browser="chrome", mechanism="onerror"), see("posthog", browser="firefox", mechanism="onerror"), see("posthog", browser="safari", mechanism="onerror", release=1), see("posthog", browser="edge", resolved=True, mechanism="onerror", release=1)),
        classes=(3, 4), pair="ci-web-workshop-slots", page="/book", span=2),
    Bug("ci-web-workshop-slots", "kilnsey-web", (Exc("TypeError", frames=(*VUE_CLICK, js("src/components/WorkshopPicker.vue", "selectWorkshop", 52, 19, "index")), js=JsError("read-undefined", "workshop.availability", "slots")),),
        (see("posthog", browser="chrome", mechanism="onerror"), see("posthog", browser="safari", mechanism="onerror"), see("posthog", browser="chrome", resolved=True, mechanism="onerror"), see("posthog", browser="firefox", mechanism="onerror")),
        classes=(3, 4), pair="ci-web-calendar-slots", page="/repairs/new"),
    # Octane's workers outlive MySQL's wait_timeout at night: the first query of the morning fails.
    Bug("ci-mysql-gone-away", "kilnsey-api", gone_away((*OCTANE, ctl("StationBikeController", "index", 19), app("app/Fleet/StationInventory.php", "App\\Fleet\\StationInventory", "available", 27, "(Object(App\\Models\\Station))")), "select * from `bikes` where `station_id` = {n} and `status` = available and `bikes`.`deleted_at` is null"),
        (see("sentry.error", 2), see("sentry.error", 2, release=1), see("sentry.issue"), see("splunk", 2, **LOGS), see("splunk", release=1, **LOGS)),
        classes=(5,), entry="GET /api/v1/stations/{station}/bikes", span=2, renames={"available": "availableBikes"}),
    # A fleet CSV with a bike type the enum does not know.
    Bug("ci-fleet-enum", "kilnsey-queue", (Exc("ValueError", '"e-cargo" is not a valid backing value for enum App\\Enums\\BikeType', (*QUEUE, job("ImportFleetCsv", 41), app("app/Fleet/FleetRow.php", "App\\Fleet\\FleetRow", "::fromCsv", 26, "(Array)"), Frame("::from", "", 0, "App\\Enums\\BikeType", False, args="('e-cargo')"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, msg="Fleet import stopped at row {n}", **JOBS), see("splunk", search=BY_JOB, stats={"job": "App\\Jobs\\ImportFleetCsv", "level_name": "ERROR", "count": "{n}"})),
        entry="App\\Jobs\\ImportFleetCsv"),
    # Stripe's signing secret rotated in the dashboard only; the verifier was renamed since.
    Bug("ci-stripe-signature", "kilnsey-api", (Exc("Stripe\\Exception\\SignatureVerificationException", "No signatures found matching the expected signature for payload", (*OCTANE, ctl("StripeWebhookController", "handle", 25), app("app/Billing/StripeEvents.php", "App\\Billing\\StripeEvents", "verify", 30, REQ), php("vendor/stripe/stripe-php/lib/Webhook.php", "::constructEvent", 32, "Stripe\\Webhook", "('{\"id\": \"evt_3P...', 't=1772450011,v...', 'whsec_...', 300)", lib=True), php("vendor/stripe/stripe-php/lib/WebhookSignature.php", "::verifyHeader", 57, "Stripe\\WebhookSignature", "('{\"id\": \"evt_3P...', 't=1772450011,v...', 'whsec_...', 300)", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", 2, release=2), see("splunk", **LOGS), see("splunk", release=2, **LOGS)),
        classes=(5,), entry="POST /webhooks/stripe", span=3, renames={"verify": "verifiedEvent"}),
    # Seen once: a CSV export of every rental built in memory.
    Bug("ci-export-memory", "kilnsey-queue", (Exc("Symfony\\Component\\ErrorHandler\\Error\\FatalError", "Allowed memory size of 268435456 bytes exhausted (tried to allocate 20480 bytes)", (app("app/Exports/RentalsExport.php", "App\\Exports\\RentalsExport", "rows", 58),)),),
        (see("sentry.error", mechanism="generic"),),
        singleton=True, entry="App\\Jobs\\ExportRentals"),
    # A stale tab after a deploy asks for a lazy chunk that is gone.
    Bug("ci-web-stale-chunk", "kilnsey-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (LIB_ROUTER,), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="RentalHistory", mechanism="onunhandledrejection"), see("posthog", browser="firefox", chunk="RentalHistory", mechanism="onunhandledrejection"), see("posthog", browser="safari", chunk="RentalHistory", mechanism="onunhandledrejection", release=1), see("posthog", browser="edge", chunk="RentalHistory", mechanism="onunhandledrejection", release=2)),
        classes=(3,), page="/rentals", span=3),
    # The lock partner answering slowly: the app's own warning, one template.
    Bug("ci-slow-lockhub", "kilnsey-api", (),
        (see("splunk", 4, search="kilnsey slow partner calls", line='[{gts}] production.WARNING: Slow partner response from api.lockhub.example: {size} in {dur} {"rental":{id},"attempt":{idx}} '),),
        classes=(7,)),
]

NOISE = [
    Noise("ci-noise-fleet-done", "kilnsey-queue", "splunk", {**JOBS, "search": "kilnsey queue info", "line": '[{gts}] production.INFO: Fleet import finished {"rows":{n},"skipped":0,"file":"fleet-2026-03-0{idx}.csv"} '}),
    Noise("ci-noise-octane-reload", "kilnsey-api", "splunk", {**LOGS, "search": "kilnsey deploys", "line": "[{gts}] production.NOTICE: Octane workers reloaded for release 3.15.0 [] "}),
    Noise("ci-noise-sentry-resolved", "kilnsey-api", "sentry.metric", {"rule": "kilnsey-api error spike", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

KILNSEY = Company(
    key="ci",
    name="Kilnsey Cycles",
    domain="kilnsey.example",
    sentry_org="kilnsey",
    splunk_url="https://kilnsey.splunkcloud.com",
    splunk_guid="5E2B9A41-7C3D-4F86-A1E0-9D4C7B28F613",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(91422, "Kilnsey rider app"),
    releases=("3.14.0", "3.14.2", "3.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kilnsey-sentry-client-secret",
)
