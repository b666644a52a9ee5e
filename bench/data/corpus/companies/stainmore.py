"""(mt) Stainmore Veterinary, a group of vet practices: a Laravel 11 app on PHP 8.3 served by
php-fpm on two Laravel Forge VMs (``vets-web``: appointment booking, invoices, the practice
stock room, Stripe and insurer webhooks; MySQL 8 through Eloquent; the scheduler's
``schedule:run`` every minute) and a third Forge VM running Horizon's queue workers on Redis
(``vets-horizon``: lab-result syncs, reminders, vaccination notices).

Logs: Laravel's ``daily`` channel, ``storage/logs/laravel-YYYY-MM-DD.log`` under
``/home/forge/app.stainmore-vets.example`` (Monolog's ``LineFormatter``: ``[date]
production.ERROR: <message> {"userId":…,"exception":"[object] (Class(code: n): message at
file:line)`` with ``[stacktrace]``, ``#n`` lines and ``[previous exception]`` on the following
lines). A Splunk Universal Forwarder monitors the file on each VM: the web servers' sourcetype
breaks on the timestamp (the whole record), the Horizon VM's was left on a line-per-event
default, the saved search finding the head line alone. One saved search over all three VMs.
The Datadog Agent tails the file too: the web servers with a ``multi_line`` rule on the
timestamp (the monitor's ``{{log.message}}`` shows the record's first lines), the Horizon VM
without (the head line only); one log monitor over all of it, on the team's own payload
template. Sentry: sentry-laravel. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import FW, LARAVEL_REQUEST, WWW, php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.laravel", "4.9.0", "composer:sentry/sentry-laravel")
ROOT = "/home/forge/app.stainmore-vets.example/"
LOG = "/home/forge/app.stainmore-vets.example/storage/logs/laravel.log"
SERVICES = {
    "vets-web": Service("vets-web", "php", "mt-uf", "laravel", LOG, "stainmore", 11180021, "PHP 8.3.12", framework="laravel", sdk=SDK),
    "vets-horizon": Service("vets-horizon", "php", "mt-uf", "laravel", LOG, "stainmore", 11180022, "PHP 8.3.12", framework="laravel", sdk=SDK),
}


def forge(frames: tuple[Frame, ...]) -> tuple[Frame, ...]:
    """The shared Laravel frames as Forge deploys them (the site's own directory)."""
    return tuple(replace(f, file=f.file.replace(WWW, ROOT)) for f in frames)


FWF = FW.replace(WWW, ROOT)
REQUEST = forge(LARAVEL_REQUEST)
HORIZON = (
    php(ROOT + "artisan", "{main}", 13, lib=True),
    php(FWF + "Foundation/Application.php", "handleCommand", 1193, "Illuminate\\Foundation\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput))", lib=True),
    php(FWF + "Queue/Worker.php", "process", 442, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
    php(FWF + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
    php(FWF + "Queue/CallQueuedHandler.php", "call", 70, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
    php(FWF + "Container/BoundMethod.php", "call", 36, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
)
SCHEDULE = (
    php(ROOT + "artisan", "{main}", 13, lib=True),
    php(FWF + "Console/Scheduling/ScheduleRunCommand.php", "runEvent", 196, "Illuminate\\Console\\Scheduling\\ScheduleRunCommand", "(Object(Illuminate\\Console\\Scheduling\\Event))", lib=True),
    php(FWF + "Console/Scheduling/Event.php", "run", 181, "Illuminate\\Console\\Scheduling\\Event", "(Object(Illuminate\\Foundation\\Application))", lib=True),
    php(FWF + "Console/Command.php", "execute", 211, "Illuminate\\Console\\Command", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Illuminate\\Console\\OutputStyle))", lib=True),
)


def app(file: str, cls: str, method: str, line: int, args: str = "()") -> Frame:
    return php(ROOT + file, method, line, cls, args)


def ctl(name: str, method: str, line: int, args: str = "(Object(Illuminate\\Http\\Request))") -> Frame:
    return app(f"app/Http/Controllers/{name}.php", f"App\\Http\\Controllers\\{name}", method, line, args)


def job(name: str, line: int) -> Frame:
    return app(f"app/Jobs/{name}.php", f"App\\Jobs\\{name}", "handle", line, "(Object(App\\Services\\PartnerClient))")


def duplicate(outer: tuple[Frame, ...], table: str, key: str, entry: str, sql: str) -> tuple[Exc, Exc]:
    head = sql[:15] + "..."
    pdo = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{entry}' for key '{table}.{key}'"
    down = (
        *outer,
        php(FWF + "Database/Eloquent/Model.php", "save", 1174, "Illuminate\\Database\\Eloquent\\Model", "()", lib=True),
        php(FWF + "Database/Eloquent/Model.php", "performInsert", 1355, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder))", lib=True),
        php(FWF + "Database/Query/Builder.php", "insertGetId", 3521, "Illuminate\\Database\\Query\\Builder", "(Array, 'id')", lib=True),
        php(FWF + "Database/MySqlConnection.php", "insert", 42, "Illuminate\\Database\\MySqlConnection", f"('{head}', Array, 'id')", lib=True),
        php(FWF + "Database/Connection.php", "run", 779, "Illuminate\\Database\\Connection", f"('{head}', Array, Object(Closure))", lib=True),
    )
    cause = Exc("PDOException", pdo, (*down, php(FWF + "Database/MySqlConnection.php", "Illuminate\\Database\\{closure}", 53, "Illuminate\\Database\\MySqlConnection", f"('{head}', Array)", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()")))
    thrown = Exc("Illuminate\\Database\\QueryException", f"{pdo} (Connection: mysql, SQL: {sql})", (*down, php(FWF + "Database/Connection.php", "runQueryCallback", 822, "Illuminate\\Database\\Connection", f"('{head}', Array, Object(Closure))", lib=True)))
    return cause, thrown


# Every partner call goes through one client: its post() is the innermost app frame.
PARTNER_POST = app("app/Services/PartnerClient.php", "App\\Services\\PartnerClient", "post", 41, "('/v1/...', Array)")
HTTP_SEND = (
    php(FWF + "Http/Client/PendingRequest.php", "post", 807, "Illuminate\\Http\\Client\\PendingRequest", "('https://api....', Array)", lib=True),
    php(FWF + "Http/Client/PendingRequest.php", "send", 933, "Illuminate\\Http\\Client\\PendingRequest", "('POST', 'https://api....', Array)", lib=True),
    php(FWF + "Support/helpers.php", "retry", 236, "", "(0, Object(Closure), 0, NULL)", lib=True),
    php(FWF + "Http/Client/PendingRequest.php", "Illuminate\\Http\\Client\\{closure}", 978, "Illuminate\\Http\\Client\\PendingRequest", "(1)", lib=True),
    php(FWF + "Http/Client/PendingRequest.php", "marshalConnectionException", 1542, "Illuminate\\Http\\Client\\PendingRequest", "(Object(GuzzleHttp\\Exception\\ConnectException))", lib=True),
)


def curl_timeout(outer: tuple[Frame, ...], host: str) -> tuple[Exc]:
    return (Exc("Illuminate\\Http\\Client\\ConnectionException", f"cURL error 28: Operation timed out after 15001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://{host}/v1/{{id}}", (*outer, PARTNER_POST, *HTTP_SEND)),)


def null_read(frames: tuple[Frame, ...], prop: str) -> tuple[Exc]:
    return (Exc("ErrorException", f'Attempt to read property "{prop}" on null', (*frames, php(FWF + "Foundation/Bootstrap/HandleExceptions.php", "handleError", 256, "Illuminate\\Foundation\\Bootstrap\\HandleExceptions", f"(2, 'Attempt to read...', '{frames[-1].file}', {frames[-1].line})", lib=True))),)


SEARCH = dict(search="stainmore - laravel production.ERROR", owner="vets_ops", app="search")
HEAD = dict(SEARCH, part="head", sourcetype="laravel:line")
DD = dict(format="mt-dd", monitor="[vets] production.ERROR in laravel.log", team="vets", filter="source:laravel status:error", text="Laravel logged an error:\n\n{{log.message}}", sample_lines=4)
DD_HEAD = dict(DD, part="head")
DOCS = app("app/Services/DocumentStore.php", "App\\Services\\DocumentStore", "stream", 33, "('{id}')")
FLY = (
    php(FWF + "Filesystem/FilesystemAdapter.php", "readStream", 275, "Illuminate\\Filesystem\\FilesystemAdapter", "('labs/2026/03/...')", lib=True),
    php(ROOT + "vendor/league/flysystem/src/Filesystem.php", "readStream", 81, "League\\Flysystem\\Filesystem", "('labs/2026/03/...')", lib=True),
    php(ROOT + "vendor/league/flysystem-aws-s3-v3/AwsS3V3Adapter.php", "readStream", 368, "League\\Flysystem\\AwsS3V3\\AwsS3V3Adapter", "('labs/2026/03/...')", lib=True),
    php(ROOT + "vendor/league/flysystem/src/UnableToReadFile.php", "fromLocation", 30, "League\\Flysystem\\UnableToReadFile", "('labs/2026/03/...', 'Error executing...', Object(Aws\\S3\\Exception\\S3Exception))", lib=True),
)
STOCK = app("app/Services/StockService.php", "App\\Services\\StockService", "deduct", 58, "(Object(App\\Models\\Product), '{n}')")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**SEARCH, **opts})


def ddl(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**DD, **opts})


BUGS = [
    # Duplicate entries in two tables: the key names the bug.
    Bug("mt-appt-duplicate", "vets-web", duplicate((*REQUEST, ctl("AppointmentController", "store", 44)), "appointments", "appointments_vet_id_starts_at_unique", "{idx}-2026-03-0{idx} 09:30:00", "insert into `appointments` (`vet_id`, `pet_id`, `starts_at`, `updated_at`, `created_at`) values ({idx}, {id}, 2026-03-0{idx} 09:30:00, 2026-03-0{idx} 08:12:41, 2026-03-0{idx} 08:12:41)"),
        (see("sentry.error", 3), spl(2), ddl()),
        classes=(1, 2), pair="mt-invoice-duplicate", entry="POST /appointments"),
    Bug("mt-invoice-duplicate", "vets-web", duplicate((*REQUEST, ctl("InvoiceController", "store", 61)), "invoices", "invoices_number_unique", "INV-2026-{id}", "insert into `invoices` (`number`, `client_id`, `total`, `updated_at`, `created_at`) values (INV-2026-{id}, {user}, 84.50, 2026-03-0{idx} 16:40:02, 2026-03-0{idx} 16:40:02)"),
        (see("sentry.error", 2), spl(), spl(**HEAD), ddl(2)),
        classes=(1, 2), pair="mt-appt-duplicate", entry="POST /invoices"),
    # Two partners timing out behind one client.
    Bug("mt-petplan-timeout", "vets-web", curl_timeout((*REQUEST, ctl("InsuranceClaimController", "submit", 37), app("app/Services/Insurers/PetInsurerGateway.php", "App\\Services\\Insurers\\PetInsurerGateway", "submitClaim", 29, "(Object(App\\Models\\Claim))")), "claims.petcover.example"),
        (see("sentry.error", 2), spl(2), ddl()),
        classes=(1, 9), pair="mt-vetlab-timeout", entry="POST /claims/{id}/submit"),
    Bug("mt-vetlab-timeout", "vets-horizon", curl_timeout((*HORIZON, job("SyncLabResults", 33), app("app/Services/Labs/VetLabClient.php", "App\\Services\\Labs\\VetLabClient", "results", 22, "('{id}')")), "api.vetlab.example"),
        (see("sentry.error", 3), spl(**HEAD), spl(), ddl(2, **DD_HEAD)),
        classes=(1, 9), pair="mt-petplan-timeout", entry="App\\Jobs\\SyncLabResults"),
    # The same null property read in two places.
    Bug("mt-reminder-owner-null", "vets-horizon", null_read((*HORIZON, app("app/Jobs/SendAppointmentReminder.php", "App\\Jobs\\SendAppointmentReminder", "handle", 27, "()")), "email"),
        (see("sentry.error", 2), spl(2, **HEAD), ddl(**DD_HEAD)),
        classes=(1, 4), pair="mt-vaccine-owner-null", entry="App\\Jobs\\SendAppointmentReminder"),
    Bug("mt-vaccine-owner-null", "vets-web", null_read((*REQUEST, ctl("VaccinationController", "certificate", 52, "(Object(App\\Models\\Vaccination))")), "email"),
        (see("sentry.error", 3), see("sentry.error", release=2), spl(2), ddl()),
        classes=(1, 4, 5), pair="mt-reminder-owner-null", entry="GET /vaccinations/{id}/certificate", span=3),
    # One stock function, two exceptions.
    Bug("mt-stock-product-missing", "vets-web", (Exc("Illuminate\\Database\\Eloquent\\ModelNotFoundException", "No query results for model [App\\Models\\Product] {id}", (*REQUEST, ctl("DispenseController", "store", 40), STOCK, php(FWF + "Database/Eloquent/Builder.php", "findOrFail", 621, "Illuminate\\Database\\Eloquent\\Builder", "({id})", lib=True))),),
        (see("sentry.error", 2), spl(2), ddl()),
        classes=(1, 2), pair="mt-stock-qty-type", entry="POST /dispense"),
    Bug("mt-stock-qty-type", "vets-web", (Exc("TypeError", "App\\Services\\StockService::deduct(): Argument #2 ($quantity) must be of type int, string given, called in " + ROOT + "app/Http/Controllers/DispenseController.php on line 40", (*REQUEST, ctl("DispenseController", "store", 40), STOCK)),),
        (see("sentry.error", 3), spl(), ddl(2)),
        classes=(1, 2), pair="mt-stock-product-missing", entry="POST /dispense"),
    # Horizon giving up on a job that keeps timing out: no frame of the job's own.
    Bug("mt-horizon-max-attempts", "vets-horizon", (Exc("Illuminate\\Queue\\MaxAttemptsExceededException", "App\\Jobs\\SendVaccinationNotice has been attempted too many times.", (*HORIZON[:3], php(FWF + "Queue/Worker.php", "markJobAsFailedIfAlreadyExceedsMaxAttempts", 564, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), 3)", lib=True), php(FWF + "Queue/MaxAttemptsExceededException.php", "forJob", 24, "Illuminate\\Queue\\MaxAttemptsExceededException", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True))),),
        (see("sentry.error", 2), spl(2, **HEAD), ddl(**DD_HEAD)),
        classes=(1, 3), entry="App\\Jobs\\SendVaccinationNotice"),
    # The scheduler's SMS reminders: an invalid number from Twilio.
    Bug("mt-sms-invalid-number", "vets-web", (Exc("Twilio\\Exceptions\\RestException", "[HTTP 400] Unable to create record: The 'To' number +44 7{id}0 is not a valid phone number.", (*SCHEDULE, app("app/Console/Commands/SendSmsReminders.php", "App\\Console\\Commands\\SendSmsReminders", "handle", 46, "(Object(Twilio\\Rest\\Client))"), php(ROOT + "vendor/twilio/sdk/src/Twilio/Rest/Api/V2010/Account/MessageList.php", "create", 91, "Twilio\\Rest\\Api\\V2010\\Account\\MessageList", "('+44 7...', Array)", lib=True), php(ROOT + "vendor/twilio/sdk/src/Twilio/Version.php", "exception", 88, "Twilio\\Version", "(Object(Twilio\\Http\\Response), 'Unable to creat...')", lib=True))),),
        (see("sentry.error", 2), spl(2), ddl(2)),
        classes=(1, 3), entry="sms:reminders"),
    # Redis dropping Horizon's connection.
    Bug("mt-redis-read-error", "vets-horizon", (Exc("RedisException", "read error on connection to 127.0.0.1:6379", (*HORIZON[:2], php(FWF + "Queue/Worker.php", "getNextJob", 351, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\RedisQueue), 'default')", lib=True), php(FWF + "Redis/Connections/PhpRedisConnection.php", "evalsha", 487, "Illuminate\\Redis\\Connections\\PhpRedisConnection", "('a9f1c9...', 2, 'queues:default', 'queues:default:...', 1773146710)", lib=True), Frame("evalsha", "", 0, "Redis", False, args="('a9f1c9...', Array, 2)"))),),
        (see("sentry.error", 2), spl(3, **HEAD), ddl(**DD_HEAD)),
        classes=(1, 3), entry="horizon:work"),
    # Stripe webhooks whose signature does not match after a secret rotation.
    Bug("mt-stripe-signature", "vets-web", (Exc("Stripe\\Exception\\SignatureVerificationException", "No signatures found matching the expected signature for payload", (*REQUEST, ctl("StripeWebhookController", "handle", 23), php(ROOT + "vendor/stripe/stripe-php/lib/Webhook.php", "constructEvent", 29, "Stripe\\Webhook", "('{\\n  \"id\": \"evt_...', 't=1773146710,v1...', 'whsec_...')", lib=True), php(ROOT + "vendor/stripe/stripe-php/lib/WebhookSignature.php", "verifyHeader", 68, "Stripe\\WebhookSignature", "('{\\n  \"id\": \"evt_...', 't=1773146710,v1...', 'whsec_...', 300)", lib=True))),),
        (see("sentry.error", 3), spl(2), ddl()),
        classes=(1,), entry="POST /stripe/webhook"),
    # One document store streaming two kinds of missing file: lab reports and X-ray images.
    Bug("mt-lab-report-missing", "vets-web", (Exc("League\\Flysystem\\UnableToReadFile", "Unable to read file from location: labs/2026/03/{id}.pdf. Error executing \"GetObject\" on \"https://stainmore-docs.s3.eu-west-2.amazonaws.com/labs/2026/03/{id}.pdf\"; AWS HTTP error: Client error: `GET https://stainmore-docs.s3.eu-west-2.amazonaws.com/labs/2026/03/{id}.pdf` resulted in a `404 Not Found` response", (*REQUEST, ctl("LabReportController", "show", 29, "(Object(App\\Models\\LabReport))"), DOCS, *FLY)),),
        (see("sentry.error", 3), spl(2), ddl()),
        classes=(1, 9), pair="mt-xray-image-missing", entry="GET /lab-reports/{id}"),
    Bug("mt-xray-image-missing", "vets-web", (Exc("League\\Flysystem\\UnableToReadFile", "Unable to read file from location: xrays/2026/03/{id}.dcm. Error executing \"GetObject\" on \"https://stainmore-docs.s3.eu-west-2.amazonaws.com/xrays/2026/03/{id}.dcm\"; AWS HTTP error: Client error: `GET https://stainmore-docs.s3.eu-west-2.amazonaws.com/xrays/2026/03/{id}.dcm` resulted in a `404 Not Found` response", (*REQUEST, ctl("ImagingController", "download", 47, "(Object(App\\Models\\Xray))"), DOCS, *FLY)),),
        (see("sentry.error", 2), spl(), spl(**HEAD), ddl(2)),
        classes=(1, 9), pair="mt-lab-report-missing", entry="GET /imaging/{id}/download"),
    # A singleton: a dose per kilo for a pet weighed at zero.
    Bug("mt-dose-divzero", "vets-web", (Exc("DivisionByZeroError", "Division by zero", (*REQUEST, ctl("PrescriptionController", "preview", 31), app("app/Support/Dosage.php", "App\\Support\\Dosage", "::perKilo", 17, "(0.0, 12.5)"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /prescriptions/preview"),
]

NOISE = [
    Noise("mt-noise-deploy", "vets-web", "splunk", {**SEARCH, "line": "[{gts}] production.INFO: Deployment finished: release 2026030{idx}0915 activated by Forge {\"commit\":\"{hex}\"} "}),
    Noise("mt-noise-horizon", "vets-horizon", "splunk", {**SEARCH, "line": "[{gts}] production.INFO: Horizon started successfully.  "}),
    Noise("mt-noise-recovered", "vets-web", "datadog.log", {"monitor": "[vets] production.ERROR in laravel.log", "transition": "Recovered", "alert_type": "success", "team": "vets", "filter": "source:laravel status:error", "text": "No Laravel errors in the last 15 minutes."}),
]

STAINMORE = Company(
    key="mt",
    name="Stainmore Veterinary",
    domain="stainmore-vets.example",
    sentry_org="stainmore-vets",
    splunk_url="https://splunk.stainmore-vets.example:8000",
    splunk_guid="9B41D7E2-5C38-4A06-B1F9-2D7E08C3A5B4",
    datadog_org=("1118002", "Stainmore Veterinary"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.03.02", "2026.03.06", "2026.03.11"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="stainmore-sentry-client-secret",
)
# fmt: on
