"""(ga) Nantgarw Kilns, a pottery-class booking site: a Laravel 10 app on PHP 8.2 deployed by
Laravel Forge (``nantgarw-web``: Eloquent over MySQL, Cashier/Stripe, Guzzle to a kiln
telemetry API) and Horizon workers on the same box (``nantgarw-horizon``).

Splunk's forwarder reads Forge's ``storage/logs/laravel-<date>.log`` (``ga-laravel-daily``):
the ``daily`` channel, ``[<time>] production.ERROR: <message> {"exception":"[object] ..."}``.
Sentry: sentry-laravel. Datadog: log monitors pasting the record; no APM. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FW, LARAVEL_REQUEST, php

# fmt: off
SDK = ("sentry.php.laravel", "4.10.1", "composer:sentry/sentry-laravel")
SERVICES = {
    "nantgarw-web": Service("nantgarw-web", "php", "ga-laravel-daily", "forge:laravel", "/home/forge/nantgarw.example/storage/logs/laravel.log", "ga_app", 6040211, "php 8.2.18", framework="laravel", sdk=SDK),
    "nantgarw-horizon": Service("nantgarw-horizon", "php", "ga-laravel-daily", "forge:laravel", "/home/forge/nantgarw.example/storage/logs/laravel.log", "ga_app", 6040212, "php 8.2.18", framework="laravel", sdk=SDK),
}
JOB = (
    php("artisan", "{main}", 35, lib=True),
    php(FW + "Queue/Worker.php", "process", 435, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
    php(FW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
    php(FW + "Queue/CallQueuedHandler.php", "call", 70, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
    php(FW + "Container/BoundMethod.php", "call", 35, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
)
QB = (
    php(FW + "Database/Query/Builder.php", "get", 2705, "Illuminate\\Database\\Query\\Builder", "(Array)", lib=True),
    php(FW + "Database/Connection.php", "select", 411, "Illuminate\\Database\\Connection", "('select * from `...', Array, true)", lib=True),
    php(FW + "Database/Connection.php", "run", 760, "Illuminate\\Database\\Connection", "('select * from `...', Array, Object(Closure))", lib=True),
    php(FW + "Database/Connection.php", "runQueryCallback", 795, "Illuminate\\Database\\Connection", "('select * from `...', Array, Object(Closure))", lib=True),
)
INS = (
    php(FW + "Database/Eloquent/Model.php", "save", 1205, "Illuminate\\Database\\Eloquent\\Model", "()", lib=True),
    php(FW + "Database/Eloquent/Builder.php", "insertGetId", 1929, "Illuminate\\Database\\Eloquent\\Builder", "(Array, 'id')", lib=True),
    php(FW + "Database/Connection.php", "run", 760, "Illuminate\\Database\\Connection", "('insert into `...', Array, Object(Closure))", lib=True),
    php(FW + "Database/Connection.php", "runQueryCallback", 795, "Illuminate\\Database\\Connection", "('insert into `...', Array, Object(Closure))", lib=True),
)
GUZZLE = (
    php("vendor/guzzlehttp/guzzle/src/Client.php", "request", 189, "GuzzleHttp\\Client", "('GET', 'https://kiln...', Array)", lib=True),
    php("vendor/guzzlehttp/promises/src/Promise.php", "wait", 123, "GuzzleHttp\\Promise\\Promise", "(true)", lib=True),
    php("vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php", "createRejection", 210, "GuzzleHttp\\Handler\\CurlFactory", "(Object(GuzzleHttp\\Handler\\EasyHandle), Array)", lib=True),
)


def ctl(name: str, method: str, line: int) -> tuple:
    return (*LARAVEL_REQUEST, php(f"app/Http/Controllers/{name}.php", method, line, f"App\\Http\\Controllers\\{name}", "(Object(Illuminate\\Http\\Request))"))


def svc(path: str, cls: str, method: str, line: int, args: str = "()") -> tuple:
    return (php(f"app/{path}.php", method, line, f"App\\{cls}", args),)


def job(name: str, line: int) -> tuple:
    return (*JOB, php(f"app/Jobs/{name}.php", "handle", line, f"App\\Jobs\\{name}", "()"))


LOGS = {"search": "nantgarw laravel errors", "app": "nantgarw"}
USER = {"search": "nantgarw laravel errors", "app": "nantgarw", "user": True}
DD = dict(team="kilns", monitor="[nantgarw] laravel.log errors", filter="service:nantgarw-web status:error", style="sample")
DDH = dict(team="kilns", monitor="[nantgarw] horizon failures", filter="service:nantgarw-horizon status:error", style="sample")
QE = "Illuminate\\Database\\QueryException"
MNF = "Illuminate\\Database\\Eloquent\\ModelNotFoundException"

BUGS = [
    Bug("ga-booking-null-kiln", "nantgarw-web", (Exc("ErrorException", 'Attempt to read property "capacity" on null', (*ctl("BookingController", "store", 48), *svc("Services/SlotAllocator", "Services\\SlotAllocator", "allocate", 31, "(Object(App\\Models\\Session), 2)"))),),
        (see("sentry.error", 3), see("splunk", 2, **USER), see("datadog.log", **DD)),
        classes=(4, 5), pair="ga-waitlist-null-kiln", entry="POST /bookings", span=2),
    Bug("ga-waitlist-null-kiln", "nantgarw-web", (Exc("ErrorException", 'Attempt to read property "capacity" on null', (*ctl("WaitlistController", "promote", 22), *svc("Services/WaitlistPromoter", "Services\\WaitlistPromoter", "next", 57))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="ga-booking-null-kiln", entry="POST /waitlist/{id}/promote"),
    Bug("ga-dup-booking", "nantgarw-web", (Exc(QE, "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{id}-{n}' for key 'bookings.bookings_session_id_seat_unique' (Connection: mysql, SQL: insert into `bookings` (`session_id`, `seat`, `user_id`) values ({id}, {n}, {idx}))", (*ctl("BookingController", "store", 61), *INS)),),
        (see("sentry.error", 3), see("splunk", 3, **USER), see("datadog.log", **DD)),
        classes=(1, 4), pair="ga-dup-voucher", entry="POST /bookings"),
    Bug("ga-dup-voucher", "nantgarw-web", (Exc(QE, "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'GIFT-{n}' for key 'vouchers.vouchers_code_unique' (Connection: mysql, SQL: insert into `vouchers` (`code`, `amount`) values (GIFT-{n}, 4500))", (*ctl("VoucherController", "store", 29), *INS)),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(1, 4), pair="ga-dup-booking", entry="POST /vouchers"),
    Bug("ga-session-404", "nantgarw-web", (Exc(MNF, "No query results for model [App\\Models\\Session] {id}", (*ctl("SessionController", "show", 19), php(FW + "Database/Eloquent/Builder.php", "findOrFail", 622, "Illuminate\\Database\\Eloquent\\Builder", "('{id}')", lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS)),
        classes=(4,), pair="ga-tutor-404", entry="GET /sessions/{id}"),
    Bug("ga-tutor-404", "nantgarw-web", (Exc(MNF, "No query results for model [App\\Models\\Tutor] {id}", (*ctl("TutorController", "show", 17), php(FW + "Database/Eloquent/Builder.php", "findOrFail", 622, "Illuminate\\Database\\Eloquent\\Builder", "('{id}')", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="ga-session-404", entry="GET /tutors/{id}"),
    Bug("ga-card-declined", "nantgarw-web", (Exc("Stripe\\Exception\\CardException", "Your card has insufficient funds.", (*ctl("CheckoutController", "pay", 44), php("vendor/laravel/cashier/src/Billable.php", "charge", 88, "Laravel\\Cashier\\Billable", "(4500, 'pm_{hex}')", lib=True), php("vendor/stripe/stripe-php/lib/ApiRequestor.php", "_interpretResponse", 394, "Stripe\\ApiRequestor", "('{...}', 402, Object(Stripe\\Util\\CaseInsensitiveArray))", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **USER), see("datadog.log", **DD)),
        classes=(9,), entry="POST /checkout"),
    Bug("ga-kiln-timeout", "nantgarw-horizon", (Exc("GuzzleHttp\\Exception\\ConnectException", "cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://telemetry.kilnlink.example/v2/kilns/{n}/readings", (*job("PollKilnTemperature", 34), *GUZZLE)),),
        (see("sentry.error", 3), see("splunk", 3, channel="production", **LOGS), see("datadog.log", **DDH)),
        classes=(10,), pair="ga-kiln-refused", entry="App\\Jobs\\PollKilnTemperature", span=2),
    Bug("ga-kiln-refused", "nantgarw-horizon", (Exc("GuzzleHttp\\Exception\\ConnectException", "cURL error 7: Failed to connect to telemetry.kilnlink.example port 443 after 3 ms: Couldn't connect to server (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://telemetry.kilnlink.example/v2/kilns/{n}/readings", (*job("PollKilnTemperature", 34), *GUZZLE)),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DDH)),
        classes=(10,), pair="ga-kiln-timeout", entry="App\\Jobs\\PollKilnTemperature"),
    Bug("ga-reminder-mail", "nantgarw-horizon", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Expected response code "250/251/252" but got code "550", with message "550 5.1.1 <{email}>: Recipient address rejected: User unknown".', (*job("SendClassReminder", 27), php("vendor/symfony/mailer/Transport/Smtp/SmtpTransport.php", "assertResponseCode", 331, "Symfony\\Component\\Mailer\\Transport\\Smtp\\SmtpTransport", "(Object(Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream), Array)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS)),
        classes=(3,), entry="App\\Jobs\\SendClassReminder"),
    Bug("ga-glaze-stock-deadlock", "nantgarw-horizon", (Exc(QE, "SQLSTATE[40001]: Serialization failure: 1213 Deadlock found when trying to get lock; try restarting transaction (Connection: mysql, SQL: update `glazes` set `stock` = `stock` - {n} where `id` = {id})", (*job("ReserveGlazeStock", 41), *QB)),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DDH)),
        classes=(1,), pair="ga-clay-stock-deadlock", entry="App\\Jobs\\ReserveGlazeStock"),
    Bug("ga-clay-stock-deadlock", "nantgarw-horizon", (Exc(QE, "SQLSTATE[40001]: Serialization failure: 1213 Deadlock found when trying to get lock; try restarting transaction (Connection: mysql, SQL: update `clay_bags` set `stock` = `stock` - {n} where `id` = {id})", (*job("ReserveClayStock", 38), *QB)),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(1,), pair="ga-glaze-stock-deadlock", entry="App\\Jobs\\ReserveClayStock"),
    Bug("ga-max-attempts", "nantgarw-horizon", (Exc("Illuminate\\Queue\\MaxAttemptsExceededException", "App\\Jobs\\GenerateInvoicePdf has been attempted too many times.", (*JOB[:2], php(FW + "Queue/Worker.php", "markJobAsFailedIfAlreadyExceedsMaxAttempts", 785, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), 3)", lib=True), php(FW + "Queue/Worker.php", "maxAttemptsExceededException", 561, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True))),),
        (see("sentry.error", 3), see("splunk", 3, **LOGS), see("datadog.log", **DDH)),
        classes=(6,), entry="App\\Jobs\\GenerateInvoicePdf", span=2),
    Bug("ga-view-undefined", "nantgarw-web", (Exc("ErrorException", "Undefined variable $tutor (View: /home/forge/nantgarw.example/resources/views/sessions/show.blade.php)", (*ctl("SessionController", "show", 24), php("storage/framework/views/6f1c2e0a9b.php", "require", 12, "", "('/home/forge/...')"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(4,), entry="GET /sessions/{id}"),
    Bug("ga-invoice-money-null", "nantgarw-horizon", (Exc("TypeError", "App\\Support\\Money::fromPence(): Argument #1 ($pence) must be of type int, null given, called in /home/forge/nantgarw.example/app/Jobs/GenerateInvoicePdf.php on line 52", (*job("GenerateInvoicePdf", 52), php("app/Support/Money.php", "::fromPence", 14, "App\\Support\\Money", "(NULL)"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DDH)),
        classes=(4, 5), pair="ga-refund-money-null", entry="App\\Jobs\\GenerateInvoicePdf", span=2),
    Bug("ga-refund-money-null", "nantgarw-horizon", (Exc("TypeError", "App\\Support\\Money::fromPence(): Argument #1 ($pence) must be of type int, null given, called in /home/forge/nantgarw.example/app/Jobs/IssueRefund.php on line 33", (*job("IssueRefund", 33), php("app/Support/Money.php", "::fromPence", 14, "App\\Support\\Money", "(NULL)"))),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS)),
        classes=(4,), pair="ga-invoice-money-null", entry="App\\Jobs\\IssueRefund"),
    Bug("ga-csv-singleton", "nantgarw-web", (Exc("ValueError", "array_combine(): Argument #1 ($keys) and argument #2 ($values) must have the same number of elements", (*ctl("Admin\\ImportController", "students", 40),)),),
        (see("sentry.error"),),
        singleton=True, entry="POST /admin/import/students"),
]

ROOT = "/home/forge/nantgarw.example/"


def _forge(f: Frame) -> Frame:
    """Forge deploys a site to ``/home/forge/<domain>``, not the image's ``/var/www/html``."""
    return replace(f, file=f.file.replace("/var/www/html/", ROOT))


BUGS = [replace(b, chain=tuple(replace(e, frames=tuple(_forge(f) for f in e.frames)) for e in b.chain)) for b in BUGS]

NOISE = [
    Noise("ga-noise-deploy", "nantgarw-web", "datadog.event", {"monitor": "Deploy", "text": "Forge deployment of nantgarw.example finished (commit {hex}).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ga-noise-recovered", "nantgarw-horizon", "datadog.log", {"monitor": "[nantgarw] horizon failures", "text": "Recovered: horizon failures below threshold.", "transition": "Recovered", "alert_type": "success"}),
    Noise("ga-noise-horizon", "nantgarw-horizon", "splunk", {"search": "nantgarw laravel errors", "line": "[{gts}] production.INFO: Horizon started successfully.  "}),
]

NANTGARW = Company(
    key="ga",
    name="Nantgarw Kilns",
    domain="nantgarw-kilns.example",
    sentry_org="nantgarw",
    splunk_url="https://nantgarw.splunkcloud.com",
    splunk_guid="6A1F3C20-9B4D-4E71-8C2A-0D5E7B9F1A36",
    datadog_org=("712004", "Nantgarw Kilns"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.04.0", "2026.04.1", "2026.04.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="nantgarw-sentry-client-secret",
)
# fmt: on
