"""(ez) Eskrigg Lodges, holiday-lodge bookings: Laravel 11 on PHP 8.3 under php-fpm
(``lodges-web``: booking, quote and owner-portal controllers, Eloquent over MySQL 8, the HTTP
client to a channel manager and a payouts provider) and Horizon workers on Redis
(``lodges-horizon``: availability syncs, owner statements, arrival guides, iCal imports).

Sentry: sentry-laravel. Splunk: the ``daily`` log file (``ez-laravel-context``: Monolog's
normalised exception in the context, then the app's Laravel 11 ``Context`` data as the
record's extra on the trace's last line); Horizon's supervisor output with the worker's
``FAIL`` lines and no trace; a stats row of failed jobs. Datadog: the plugin's recommended
template, log monitors pasting the aggregated daily-log event or rendering the pipeline's
``error.*`` attributes, dd-trace-php APM. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FW, LARAVEL_REQUEST, REQ, php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.laravel", "4.11.0", "composer:sentry/sentry-laravel")
SERVICES = {
    "lodges-web": Service("lodges-web", "php", "ez-laravel-context", "laravel:daily", "/var/www/html/storage/logs/laravel.log", "ez_prod", 7510221, "PHP 8.3.15", framework="generic", sdk=SDK),
    "lodges-horizon": Service("lodges-horizon", "php", "ez-laravel-context", "laravel:daily", "/var/www/html/storage/logs/laravel.log", "ez_prod", 7510221, "PHP 8.3.15", framework="generic", sdk=SDK),
}

# ``php artisan horizon:work redis`` running one job (oldest first).
QUEUE = (
    php("artisan", "{main}", 13, lib=True),
    php(FW + "Foundation/Application.php", "handleCommand", 1235, "Illuminate\\Foundation\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput))", lib=True),
    php(FW + "Queue/Worker.php", "process", 442, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
    php(FW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
    php(FW + "Queue/CallQueuedHandler.php", "call", 70, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
    php(FW + "Container/BoundMethod.php", "call", 36, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
)
# The worker's pcntl alarm firing: the timeout exception carries no frame of the job.
TIMEOUT = (
    php("artisan", "{main}", 13, lib=True),
    php(FW + "Queue/Worker.php", "daemon", 182, "Illuminate\\Queue\\Worker", "('redis', 'default', Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
    php(FW + "Queue/Worker.php", "Illuminate\\Queue\\{closure}", 254, "Illuminate\\Queue\\Worker", "(14, Array)", lib=True),
    php(FW + "Queue/Worker.php", "timeoutExceededException", 801, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True),
    php(FW + "Queue/TimeoutExceededException.php", "forJob", 15, "Illuminate\\Queue\\TimeoutExceededException", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True),
)
MAX_ATTEMPTS = (
    php("artisan", "{main}", 13, lib=True),
    php(FW + "Queue/Worker.php", "process", 430, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
    php(FW + "Queue/Worker.php", "markJobAsFailedIfAlreadyExceedsMaxAttempts", 526, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), 3)", lib=True),
    php(FW + "Queue/Worker.php", "maxAttemptsExceededException", 790, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True),
    php(FW + "Queue/MaxAttemptsExceededException.php", "forJob", 24, "Illuminate\\Queue\\MaxAttemptsExceededException", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True),
)
WEB = LARAVEL_REQUEST[:-1]


def app(file: str, cls: str, method: str, line: int, args: str = "()") -> Frame:
    return php(file, method, line, cls, args)


def ctl(name: str, method: str, line: int, args: str = REQ) -> Frame:
    return app(f"app/Http/Controllers/{name}.php", f"App\\Http\\Controllers\\{name}", method, line, args)


def job(name: str, line: int) -> Frame:
    return app(f"app/Jobs/{name}.php", f"App\\Jobs\\{name}", "handle", line, "(Object(App\\Services\\ChannelManager\\Client))")


def duplicate(outer: tuple[Frame, ...], table: str, key: str, entry: str, sql: str) -> tuple[Exc, Exc]:
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


# Every partner call goes through one client's send(): the innermost app frame of two bugs.
CM_SEND = app("app/Services/ChannelManager/Client.php", "App\\Services\\ChannelManager\\Client", "send", 57, "('PUT', '/v3/properties/...', Array)")
THROW = (
    php(FW + "Http/Client/Response.php", "throw", 303, "Illuminate\\Http\\Client\\Response", "()", lib=True),
    php(FW + "Http/Client/Response.php", "throwIf", 337, "Illuminate\\Http\\Client\\Response", "(true)", lib=True),
)


def rejected(outer: tuple[Frame, ...], status: str, body: str) -> tuple[Exc]:
    return (Exc("Illuminate\\Http\\Client\\RequestException", f"HTTP request returned status code {status}:\n{body}", (*outer, CM_SEND, *THROW)),)


RATE_NULL = 'Attempt to read property "nightly_rate" on null'
LEVY = app("app/Support/TouristTax.php", "App\\Support\\TouristTax", "::nightlyLevy", 29, "(Object(App\\Models\\Booking), NULL)")
LOGS = {"search": "eskrigg laravel errors", "app": "eskrigg"}
JOBS = {"search": "eskrigg horizon errors", "app": "eskrigg"}
FAILS = {"search": "eskrigg horizon FAIL lines", "app": "eskrigg", "source": "/var/log/supervisor/horizon.log", "sourcetype": "horizon:console"}
DD_LOG = dict(team="lodges", monitor="[lodges] Laravel errors in the daily log", filter="service:lodges-web status:error source:laravel", style="sample")
DD_JOB = dict(team="lodges", monitor="[lodges] Horizon job exceptions", filter="service:lodges-horizon status:error", text="Horizon logged **{{log.attributes.error.kind}}**\n\n{{log.attributes.error.message}}\n\n```\n{{log.attributes.error.stack}}\n```", lines=6)
APM = dict(team="lodges", monitor="[lodges] laravel.request errors", style="type")


def fail_line(job_class: str) -> str:
    """Horizon's supervisor log: the worker's ``RUNNING`` and ``FAIL`` lines for one job."""
    dots = "." * max(3, 78 - len(job_class))
    return f"  {{gts}} App\\Jobs\\{job_class} {dots} RUNNING\n  {{gts}} App\\Jobs\\{job_class} {dots[:-10]} {{ms}}ms FAIL"


BUGS = [
    # A rate plan deleted under a lodge: the same PHP 8 warning-turned-exception in the quote
    # controller and in the season-rates job.
    Bug("ez-quote-rate-null", "lodges-web", (Exc("ErrorException", RATE_NULL, (*WEB, ctl("QuoteController", "show", 44, "(Object(App\\Http\\Requests\\QuoteRequest), Object(App\\Models\\Lodge))"), app("app/Services/Pricing/QuoteBuilder.php", "App\\Services\\Pricing\\QuoteBuilder", "build", 71, "(Object(App\\Models\\Lodge), Object(Carbon\\CarbonImmutable), 7)"), php(FW + "Foundation/Bootstrap/HandleExceptions.php", "Illuminate\\Foundation\\Bootstrap\\{closure}", 256, "Illuminate\\Foundation\\Bootstrap\\HandleExceptions", "(2, 'Attempt to rea...', '/var/www/html/a...', 71)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG), see("datadog.apm", **APM)),
        classes=(4, 5), pair="ez-season-rate-null", entry="GET /lodges/{lodge}/quote", span=2, renames={"show": "__invoke"}),
    Bug("ez-season-rate-null", "lodges-horizon", (Exc("ErrorException", RATE_NULL, (*QUEUE, job("RecalculateSeasonRates", 38), app("app/Services/Pricing/SeasonCalendar.php", "App\\Services\\Pricing\\SeasonCalendar", "ratesFor", 52, "(Object(App\\Models\\Lodge), 2026)"), php(FW + "Foundation/Bootstrap/HandleExceptions.php", "Illuminate\\Foundation\\Bootstrap\\{closure}", 256, "Illuminate\\Foundation\\Bootstrap\\HandleExceptions", "(2, 'Attempt to rea...', '/var/www/html/a...', 52)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOB)),
        classes=(4,), pair="ez-quote-rate-null", entry="App\\Jobs\\RecalculateSeasonRates"),
    # Unique indexes on two tables: a double-clicked booking and a second review of one stay.
    Bug("ez-booking-dup", "lodges-web", duplicate((*WEB, ctl("BookingController", "store", 63, "(Object(App\\Http\\Requests\\StoreBookingRequest))")), "bookings", "bookings_lodge_id_arrives_on_unique", "{id}-2026-04-0{idx}", "insert into `bookings` (`lodge_id`, `arrives_on`, `nights`, `guest_id`, `updated_at`, `created_at`) values ({id}, 2026-04-0{idx}, 7, {user}, 2026-03-04 10:12:09, 2026-03-04 10:12:09)"),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="ez-review-dup", entry="POST /bookings"),
    Bug("ez-review-dup", "lodges-web", duplicate((*WEB, ctl("ReviewController", "store", 29, "(Object(App\\Http\\Requests\\StoreReviewRequest), Object(App\\Models\\Booking))")), "reviews", "reviews_booking_id_unique", "{id}", "insert into `reviews` (`booking_id`, `stars`, `body`, `updated_at`, `created_at`) values ({id}, 5, ?, 2026-03-05 18:40:51, 2026-03-05 18:40:51)"),
        (see("sentry.error", 2), see("sentry.alert", rule="New issue in lodges-web"), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="ez-booking-dup", entry="POST /bookings/{booking}/review"),
    # Two jobs past their $timeout: the exception is the worker's, no frame of either job.
    Bug("ez-sync-timeout", "lodges-horizon", (Exc("Illuminate\\Queue\\TimeoutExceededException", "App\\Jobs\\SyncChannelAvailability has timed out.", TIMEOUT),),
        (see("sentry.error", 3), see("splunk", 2, **JOBS), see("splunk", 2, line=fail_line("SyncChannelAvailability"), **FAILS), see("datadog.log", **DD_JOB)),
        classes=(4, 10), pair="ez-statement-timeout", entry="App\\Jobs\\SyncChannelAvailability"),
    Bug("ez-statement-timeout", "lodges-horizon", (Exc("Illuminate\\Queue\\TimeoutExceededException", "App\\Jobs\\GenerateOwnerStatement has timed out.", TIMEOUT),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("splunk", line=fail_line("GenerateOwnerStatement"), **FAILS), see("datadog.log", 2, **DD_JOB)),
        classes=(4, 10), pair="ez-sync-timeout", entry="App\\Jobs\\GenerateOwnerStatement"),
    # One channel-manager client: a locked rate plan (409) from the availability push and a
    # rejected payout account (422) from the owner portal.
    Bug("ez-cm-locked", "lodges-horizon", rejected((*QUEUE, job("PushRatePlan", 33)), "409", '{"error":"rate_plan_locked","property":"ESK-{idx}{n}"}'),
        (see("sentry.error", 3), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOB)),
        classes=(9,), pair="ez-cm-payout", entry="App\\Jobs\\PushRatePlan"),
    Bug("ez-cm-payout", "lodges-web", rejected((*WEB, app("app/Http/Controllers/Owner/PayoutAccountController.php", "App\\Http\\Controllers\\Owner\\PayoutAccountController", "update", 41, "(Object(App\\Http\\Requests\\Owner\\PayoutAccountRequest))"), app("app/Services/Payouts/AccountSync.php", "App\\Services\\Payouts\\AccountSync", "push", 24, "(Object(App\\Models\\Owner))")), "422", '{"message":"The iban field format is invalid.","errors":{"iban":["The iban field format is invalid."]}}'),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.apm", **APM), see("datadog.log", **DD_LOG)),
        classes=(9,), pair="ez-cm-locked", entry="PUT /owner/payout-account"),
    # One static helper: a zero-night stay divides by zero; a stay with no nights set is a TypeError.
    Bug("ez-levy-divzero", "lodges-web", (Exc("DivisionByZeroError", "Division by zero", (*WEB, ctl("CheckoutController", "summary", 37, "(Object(App\\Models\\Booking))"), app("app/Support/TouristTax.php", "App\\Support\\TouristTax", "::nightlyLevy", 31, "(Object(App\\Models\\Booking), 0)"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="ez-levy-type", entry="GET /checkout/{booking}/summary"),
    Bug("ez-levy-type", "lodges-web", (Exc("TypeError", "App\\Support\\TouristTax::nightlyLevy(): Argument #2 ($nights) must be of type int, null given, called in /var/www/html/app/Http/Controllers/CheckoutController.php on line 37", (*WEB, ctl("CheckoutController", "summary", 37, "(Object(App\\Models\\Booking))"), LEVY)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="ez-levy-divzero", entry="GET /checkout/{booking}/summary"),
    # Not a pair: an arrival-guide mailer whose job keeps failing until Horizon gives up.
    Bug("ez-guide-max-attempts", "lodges-horizon", (Exc("Illuminate\\Queue\\MaxAttemptsExceededException", "App\\Jobs\\SendArrivalGuide has been attempted too many times.", MAX_ATTEMPTS),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("splunk", 2, line=fail_line("SendArrivalGuide"), **FAILS)),
        classes=(10,), entry="App\\Jobs\\SendArrivalGuide"),
    Bug("ez-mail-transport", "lodges-horizon", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Connection could not be established with host "ssl://smtp.eskrigg.example:465": stream_socket_client(): Unable to connect to ssl://smtp.eskrigg.example:465 (Connection timed out)', (*QUEUE, job("SendBookingConfirmation", 27), php(FW + "Mail/Mailer.php", "send", 353, "Illuminate\\Mail\\Mailer", "(Object(App\\Mail\\BookingConfirmed))", lib=True), php("/var/www/html/vendor/symfony/mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", "()", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **JOBS), see("datadog.log", 2, **DD_JOB)),
        entry="App\\Jobs\\SendBookingConfirmation"),
    # Stripe's webhook signature check failing after a secret was rotated.
    Bug("ez-stripe-signature", "lodges-web", (Exc("Stripe\\Exception\\SignatureVerificationException", "No signatures found matching the expected signature for payload", (*WEB, ctl("StripeWebhookController", "handle", 22), php("/var/www/html/vendor/stripe/stripe-php/lib/Webhook.php", "constructEvent", 31, "Stripe\\Webhook", "('{\"id\": \"evt_3...', 't=1772661212,v...', 'whsec_*****')", lib=True), php("/var/www/html/vendor/stripe/stripe-php/lib/WebhookSignature.php", "verifyHeader", 75, "Stripe\\WebhookSignature", "('{\"id\": \"evt_3...', 't=1772661212,v...', 'whsec_*****', 300)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        entry="POST /stripe/webhook"),
    # Redis dropping Horizon's connection: phpredis' error, no app frame.
    Bug("ez-redis-read", "lodges-horizon", (Exc("RedisException", "read error on connection to redis-queue.eskrigg.internal:6379", (*QUEUE[:3], php(FW + "Redis/Connections/PhpRedisConnection.php", "command", 536, "Illuminate\\Redis\\Connections\\PhpRedisConnection", "('evalsha', Array)", lib=True), Frame("evalsha", "", 0, "Redis", False, args="('e1c1bc7...', Array, 1)"))),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS), see("datadog.log", **DD_JOB)),
        classes=(10,), entry="App\\Jobs\\SyncChannelAvailability"),
    # A singleton: an owner's iCal feed that sabre/vobject cannot parse.
    Bug("ez-ical-parse", "lodges-horizon", (Exc("Sabre\\VObject\\ParseException", "Invalid Mimedir file. Line starting at 14 did not follow the key:value format.", (*QUEUE, job("ImportOwnerCalendar", 45), php("/var/www/html/vendor/sabre/vobject/lib/Parser/MimeDir.php", "parseLine", 339, "Sabre\\VObject\\Parser\\MimeDir", "('BEGIN VEVENT')", lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="App\\Jobs\\ImportOwnerCalendar"),
    # Slow queries logged by DB::whenQueryingForLongerThan: sizes and durations vary.
    Bug("ez-slow-queries", "lodges-web", (),
        (see("splunk", 3, search="eskrigg slow queries", app="eskrigg", line="[{gts}] production.WARNING: Slow queries on mysql: {ms} ms over {n} queries {\"url\":\"https://eskrigg.example/lodges/{id}/quote\"} []"), see("datadog.log", 2, team="lodges", monitor="[lodges] slow query warnings", filter="service:lodges-web status:warn", text="Slow queries on mysql: {ms} ms over {n} queries")),
        classes=(7,)),
    # Failed jobs per class from Horizon's FAIL lines: the job class alone.
    Bug("ez-failed-by-job", "lodges-horizon", (),
        (see("splunk", 2, search="eskrigg failed jobs by class (24h)", app="eskrigg", stats={"job": "App\\Jobs\\SyncChannelAvailability", "fails": "{n}", "last": "{gts}"}),),
        classes=(8,)),
]

NOISE = [
    Noise("ez-noise-forge", "lodges-web", "datadog.event", {"monitor": "Forge deployment", "text": "Laravel Forge deployed lodges-web 2026.3.2 to web-1 and web-2.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ez-noise-horizon-up", "lodges-horizon", "splunk", {"search": "eskrigg horizon errors", "line": "   INFO  Horizon started successfully."}),
    Noise("ez-noise-recovered", "lodges-web", "datadog.log", {"monitor": "[lodges] Laravel errors in the daily log", "text": "Recovered: error logs on lodges-web back under the threshold.", "transition": "Recovered", "alert_type": "success"}),
]

ESKRIGG = Company(
    key="ez",
    name="Eskrigg Lodges",
    domain="eskrigg.example",
    sentry_org="eskrigg",
    splunk_url="https://eskrigg.splunkcloud.com",
    splunk_guid="3C9A1E57-2B4D-4F60-8E1A-5D7C9B2F4A18",
    datadog_org=("705113", "Eskrigg Lodges"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="eskrigg-sentry-client-secret",
)
# fmt: on
