"""(jb) Helvellyn Vets, online booking and records for a group of veterinary practices: a
Laravel 11 app on PHP 8.3 (``clinic``: Blade and Livewire pages over MySQL 8) and its Horizon
queue workers (``horizon``: reminders by SMS through Twilio, invoices, lab results, on Redis).

Logs: Laravel's default ``stack``/``daily`` channel, Monolog's ``LineFormatter`` (``[date]
production.ERROR: message {"exception":"[object] (Class(code: 0): msg at /path:line)
[stacktrace] #0 ..."}``), tailed by the Datadog Agent with a multi-line rule (``jb-laravel``).
Sentry: sentry-laravel 4 for the web app and the workers (one ``SENTRY_RELEASE`` per deploy).
Datadog: log monitors alone, pasting ``{{log.message}}`` (the first lines of the event, on one
monitor only its first line) or the error attributes the Agent's PHP pipeline extracts. No
Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import FW, LARAVEL_REQUEST, REQ, php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.laravel", "4.9.0", "composer:sentry/sentry-laravel")
RELEASES = ("helvellyn-vets@2026.03.0", "helvellyn-vets@2026.03.1", "helvellyn-vets@2026.03.2")
SERVICES = {
    "clinic": Service("clinic", "php", "jb-laravel", "laravel", "/var/www/html/storage/logs/laravel.log", "", 8610021, "php 8.3.12", framework="generic", sdk=SDK, releases=RELEASES),
    "horizon": Service("horizon", "php", "jb-laravel", "laravel", "/var/www/html/storage/logs/laravel.log", "", 8610021, "php 8.3.12", framework="generic", sdk=SDK, releases=RELEASES),
}

APP = "App\\"


def controller(name: str, method: str, line: int, args: str = REQ) -> Frame:
    return php(f"app/Http/Controllers/{name}.php", method, line, f"{APP}Http\\Controllers\\{name}", args)


def service(path: str, method: str, line: int, args: str = "()") -> Frame:
    return php(f"app/{path}.php", method, line, APP + path.replace("/", "\\"), args)


def job(name: str, line: int, args: str = "()") -> tuple[Frame, ...]:
    """A queued job run by ``horizon:work`` (oldest first), down to the job's ``handle``."""
    obj = f"Object(App\\Jobs\\{name})"
    return (
        php("artisan", "{main}", 13, lib=True),
        php(FW + "Foundation/Application.php", "handleCommand", 1234, "Illuminate\\Foundation\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput))", lib=True),
        php("/var/www/html/vendor/laravel/horizon/src/Console/WorkCommand.php", "handle", 51, "Laravel\\Horizon\\Console\\WorkCommand", "()", lib=True),
        php(FW + "Queue/Worker.php", "daemon", 177, "Illuminate\\Queue\\Worker", "('redis', 'default', Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Worker.php", "process", 442, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
        php(FW + "Queue/CallQueuedHandler.php", "call", 73, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
        php(FW + "Bus/Dispatcher.php", "dispatchNow", 128, "Illuminate\\Bus\\Dispatcher", f"({obj}, false)", lib=True),
        php(FW + "Container/BoundMethod.php", "call", 35, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
        php(f"app/Jobs/{name}.php", "handle", line, f"{APP}Jobs\\{name}", args),
    )


def mysql_insert(table: str) -> tuple[Frame, ...]:
    sql = f"('insert into `{table[:5]}...', Array"
    return (
        php(FW + "Database/Eloquent/Model.php", "save", 1181, "Illuminate\\Database\\Eloquent\\Model", "()", lib=True),
        php(FW + "Database/Eloquent/Model.php", "performInsert", 1374, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder))", lib=True),
        php(FW + "Database/Query/Builder.php", "insertGetId", 3589, "Illuminate\\Database\\Query\\Builder", "(Array, 'id')", lib=True),
        php(FW + "Database/Query/Processors/MySqlProcessor.php", "processInsertGetId", 35, "Illuminate\\Database\\Query\\Processors\\MySqlProcessor", f"(Object(Illuminate\\Database\\Query\\Builder), {sql[1:]}, 'id')", lib=True),
        php(FW + "Database/Connection.php", "insert", 575, "Illuminate\\Database\\Connection", f"{sql})", lib=True),
        php(FW + "Database/Connection.php", "statement", 549, "Illuminate\\Database\\Connection", f"{sql})", lib=True),
        php(FW + "Database/Connection.php", "run", 783, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True),
    )


def duplicate(app: tuple[Frame, ...], table: str, key: str, entry: str, columns: str, values: str) -> tuple[Exc, Exc]:
    """Laravel's QueryException over PDO's (cause first): MySQL's duplicate entry."""
    sql = f"('insert into `{table[:5]}...', Array"
    pdo = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{entry}' for key '{table}.{key}'"
    return (
        Exc("PDOException", pdo, (*app, *mysql_insert(table), php(FW + "Database/Connection.php", "Illuminate\\Database\\{closure}", 581, "Illuminate\\Database\\Connection", f"{sql})", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()"))),
        Exc("Illuminate\\Database\\QueryException", f"{pdo} (Connection: mysql, SQL: insert into `{table}` ({columns}) values ({values}))", (*app, *mysql_insert(table), php(FW + "Database/Connection.php", "runQueryCallback", 826, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True))),
    )


# Every SMS goes through one Twilio wrapper: both SMS bugs end in it.
SMS_SEND = service("Services/Sms/TwilioClient", "send", 42, "('+447{id}', 'Reminder: ...')")
HTTP_POST = (
    php(FW + "Http/Client/PendingRequest.php", "post", 775, "Illuminate\\Http\\Client\\PendingRequest", "('https://api.twi...', Array)", lib=True),
    php(FW + "Http/Client/PendingRequest.php", "send", 923, "Illuminate\\Http\\Client\\PendingRequest", "('POST', 'https://api.twi...', Array)", lib=True),
)
VAT = "Services/Billing/VatCalculator"
PETS_NULL = 'Attempt to read property "species" on null'


def logmon(n: int = 1, service: str = "clinic", **opts: object) -> Seen:
    return Seen("datadog.log", n, {"team": "vets", "monitor": f"[{service}] Laravel errors", "filter": f"service:{service} source:laravel status:error", **opts})


FIRST_LINE = dict(text="Laravel error on {{log.service}}:\n\n{{log.message}}", sample_lines=1)
JOBS_MON = dict(service="horizon", monitor="[horizon] failed jobs", filter="service:horizon source:laravel status:error")

BUGS = [
    # One null read on two pages: the pet's record and the vaccination card job.
    Bug("jb-pet-species-null", "clinic", (Exc("ErrorException", PETS_NULL, (*LARAVEL_REQUEST, controller("PetController", "show", 48, "(Object(App\\Models\\Owner), '{id}')"), service("Services/Pets/PetPresenter", "summary", 27, "(NULL)"))),),
        (see("sentry.error", 3), see("sentry.issue"), logmon(2, style="sample")),
        classes=(4, 5), pair="jb-vaccine-card-species-null", entry="GET /owners/{owner_id}/pets/{pet_id}", span=2, renames={"summary": "toSummary"}),
    Bug("jb-vaccine-card-species-null", "horizon", (Exc("ErrorException", PETS_NULL, (*job("GenerateVaccinationCard", 39), service("Services/Pets/VaccinationCard", "render", 61, "(NULL)"))),),
        (see("sentry.error", 3), logmon(2, style="stack", lines=8, **JOBS_MON)),
        classes=(4,), pair="jb-pet-species-null", entry="App\\Jobs\\GenerateVaccinationCard"),
    # MySQL duplicate entries on two tables.
    Bug("jb-appointment-dup", "clinic", duplicate((*LARAVEL_REQUEST, controller("AppointmentController", "store", 66, "(Object(App\\Http\\Requests\\StoreAppointmentRequest))"), service("Actions/BookAppointment", "handle", 34, "(Object(App\\Models\\Pet), Array)")), "appointments", "appointments_vet_id_starts_at_unique", "{idx}-2026-03-0{idx} 09:30:00", "`pet_id`, `vet_id`, `starts_at`, `updated_at`, `created_at`", "{id}, {idx}, 2026-03-0{idx} 09:30:00, 2026-03-02 10:11:12, 2026-03-02 10:11:12"),
        (see("sentry.error", 3), see("sentry.error", release=2), logmon(2, style="sample"), logmon(**FIRST_LINE)),
        classes=(4, 9), pair="jb-invoice-number-dup", entry="POST /appointments", span=2),
    Bug("jb-invoice-number-dup", "horizon", duplicate((*job("IssueInvoice", 44), service("Services/Billing/InvoiceNumberer", "assign", 19, "(Object(App\\Models\\Invoice))")), "invoices", "invoices_number_unique", "HV-2026-{id}", "`clinic_id`, `number`, `total_pence`, `updated_at`, `created_at`", "{idx}, HV-2026-{id}, {n}00, 2026-03-02 10:11:12, 2026-03-02 10:11:12"),
        (see("sentry.error", 2), logmon(2, style="sample", **JOBS_MON)),
        classes=(4, 9), pair="jb-appointment-dup", entry="App\\Jobs\\IssueInvoice"),
    # One VAT calculator, two different errors.
    Bug("jb-vat-division", "clinic", (Exc("DivisionByZeroError", "Division by zero", (*LARAVEL_REQUEST, controller("CheckoutController", "summary", 31), service(VAT, "forClinic", 28, "(Object(App\\Models\\Clinic), 0)"))),),
        (see("sentry.error", 3), logmon(style="stack", lines=6), logmon(style="sample")),
        classes=(4,), pair="jb-vat-rate-null", entry="GET /checkout/summary"),
    Bug("jb-vat-rate-null", "clinic", (Exc("TypeError", "App\\Services\\Billing\\VatCalculator::forClinic(): Argument #2 ($rate) must be of type float, null given, called in /var/www/html/app/Http/Controllers/CheckoutController.php on line 31", (*LARAVEL_REQUEST, controller("CheckoutController", "summary", 31), service(VAT, "forClinic", 22, "(Object(App\\Models\\Clinic), NULL)"))),),
        (see("sentry.error", 2), see("sentry.issue"), logmon(2, style="sample")),
        classes=(4,), pair="jb-vat-division", entry="GET /checkout/summary"),
    # Two SMS failures that both end in the Twilio wrapper.
    Bug("jb-sms-invalid-number", "horizon", (Exc("Illuminate\\Http\\Client\\RequestException", 'HTTP request returned status code 400:\n{"code": 21211, "message": "Invalid \'To\' Phone Number: +4470{id}", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}\n', (*job("SendAppointmentReminder", 37), SMS_SEND, php(FW + "Http/Client/Response.php", "throw", 319, "Illuminate\\Http\\Client\\Response", "()", lib=True))),),
        (see("sentry.error", 3), logmon(2, style="sample", **JOBS_MON), logmon(**FIRST_LINE, **JOBS_MON)),
        classes=(4, 8), pair="jb-sms-timeout", entry="App\\Jobs\\SendAppointmentReminder"),
    Bug("jb-sms-timeout", "horizon", (Exc("Illuminate\\Http\\Client\\ConnectionException", "cURL error 28: Operation timed out after 10002 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.twilio.com/2010-04-01/Accounts/AC{hex}/Messages.json", (*job("SendVaccinationDue", 29), SMS_SEND, *HTTP_POST)),),
        (see("sentry.error", 2), logmon(2, style="sample", **JOBS_MON)),
        classes=(7, 8), pair="jb-sms-invalid-number", entry="App\\Jobs\\SendVaccinationDue"),
    # Two job failures under one monitor.
    Bug("jb-lab-sync-attempts", "horizon", (Exc("Illuminate\\Queue\\MaxAttemptsExceededException", "App\\Jobs\\SyncLabResults has been attempted too many times.", (php("artisan", "{main}", 13, lib=True), php(FW + "Queue/Worker.php", "process", 424, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True), php(FW + "Queue/Worker.php", "markJobAsFailedIfAlreadyExceedsMaxAttempts", 577, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), 3)", lib=True), php(FW + "Queue/Worker.php", "maxAttemptsExceededException", 821, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True))),),
        (see("sentry.error", 3), logmon(2, style="sample", **JOBS_MON)),
        classes=(2,), pair="jb-pet-model-missing", entry="App\\Jobs\\SyncLabResults"),
    Bug("jb-pet-model-missing", "horizon", (Exc("Illuminate\\Database\\Eloquent\\ModelNotFoundException", "No query results for model [App\\Models\\Pet] {id}", (php("artisan", "{main}", 13, lib=True), php(FW + "Queue/CallQueuedHandler.php", "call", 66, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True), php(FW + "Queue/CallQueuedHandler.php", "getCommand", 102, "Illuminate\\Queue\\CallQueuedHandler", "(Array)", lib=True), php(FW + "Queue/SerializesAndRestoresModelIdentifiers.php", "restoreModel", 110, "App\\Jobs\\SendVaccinationDue", "(Object(Illuminate\\Contracts\\Database\\ModelIdentifier))", lib=True), php(FW + "Database/Eloquent/Builder.php", "firstOrFail", 624, "Illuminate\\Database\\Eloquent\\Builder", "()", lib=True))),),
        (see("sentry.error", 2), logmon(2, style="sample", **JOBS_MON)),
        classes=(2,), pair="jb-lab-sync-attempts", entry="App\\Jobs\\SendVaccinationDue"),
    # Not pairs.
    Bug("jb-redis-refused", "clinic", (Exc("RedisException", "Connection refused", (*LARAVEL_REQUEST[:3], php(FW + "Session/Middleware/StartSession.php", "handle", 54, "Illuminate\\Session\\Middleware\\StartSession", "(Object(Illuminate\\Http\\Request), Object(Closure))", lib=True), php(FW + "Redis/Connectors/PhpRedisConnector.php", "establishConnection", 181, "Illuminate\\Redis\\Connectors\\PhpRedisConnector", "(Object(Redis), Array)", lib=True), Frame("connect", "", 0, "Redis", False, args="('redis-master.vet...', 6379, 0.0, NULL, 0, 0.0)"))),),
        (see("sentry.error", 3), logmon(3, style="sample")),
        classes=(7,), entry="GET /appointments"),
    Bug("jb-mysql-timeout", "horizon", (Exc("PDOException", "SQLSTATE[HY000] [2002] Connection timed out", (*job("ExportClinicReport", 52), php(FW + "Database/Connectors/Connector.php", "createPdoConnection", 65, "Illuminate\\Database\\Connectors\\Connector", "('mysql:host=10.2...', 'vets', Object(SensitiveParameterValue), Array)", lib=True), Frame("__construct", "", 0, "PDO", False, args="('mysql:host=10.2...', 'vets', Object(SensitiveParameterValue), Array)"))),
                                                Exc("Illuminate\\Database\\QueryException", "SQLSTATE[HY000] [2002] Connection timed out (Connection: mysql, SQL: select * from `appointments` where `clinic_id` = {idx} and `starts_at` between 2026-03-01 00:00:00 and 2026-03-31 23:59:59)", (*job("ExportClinicReport", 52), php(FW + "Database/Connection.php", "runQueryCallback", 826, "Illuminate\\Database\\Connection", "('select * from `...', Array, Object(Closure))", lib=True)))),
        (see("sentry.error", 2), logmon(2, style="sample", **JOBS_MON), logmon(text="{{log.message}}", sample_lines=12, lines=2, **JOBS_MON)),
        classes=(7,), entry="App\\Jobs\\ExportClinicReport"),
    Bug("jb-report-memory", "horizon", (Exc("Symfony\\Component\\ErrorHandler\\Error\\FatalError", "Allowed memory size of 134217728 bytes exhausted (tried to allocate {n}480 bytes)", (php("app/Exports/ClinicReport.php", "map", 48, "App\\Exports\\ClinicReport", "(Object(App\\Models\\Appointment))"),)),),
        (see("sentry.error", 2), logmon(2, style="sample", **JOBS_MON)),
        classes=(10,), entry="App\\Jobs\\ExportClinicReport"),
    Bug("jb-receipt-view-undefined", "clinic", (Exc("ErrorException", "Undefined variable $clinic", (*LARAVEL_REQUEST, controller("ReceiptController", "show", 22, "(Object(App\\Models\\Invoice))"), php("storage/framework/views/9f1c2a7e4b3d6f8a0c5e1d2b3a4f6e7c.php", "require", 14, lib=True))),
                                                         Exc("Illuminate\\View\\ViewException", "Undefined variable $clinic (View: /var/www/html/resources/views/receipts/show.blade.php)", (*LARAVEL_REQUEST, controller("ReceiptController", "show", 22, "(Object(App\\Models\\Invoice))"), php("resources/views/receipts/show.blade.php", "require", 14, lib=True)))),
        (see("sentry.error", 3), see("sentry.error", release=2), logmon(2, style="sample")),
        classes=(1, 5), entry="GET /receipts/{invoice_id}", span=2),
    Bug("jb-singleton-json", "clinic", (Exc("JsonException", "Syntax error", (*LARAVEL_REQUEST, controller("LabWebhookController", "__invoke", 17), Frame("json_decode", "", 0, "", False, args="('<html><body>...', true, 512, 4194304)"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /webhooks/lab"),
]

NOISE = [
    Noise("jb-noise-recovered", "horizon", "datadog.log", {"monitor": "[horizon] failed jobs", "transition": "Recovered", "alert_type": "success", "team": "vets", "filter": "service:horizon source:laravel status:error", "text": "Horizon jobs are no longer failing."}),
    Noise("jb-noise-deploy", "clinic", "datadog.event", {"monitor": "Deployed clinic", "text": "Envoyer deployment #412 of helvellyn-vets finished (php artisan migrate --force, horizon:terminate).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "vets"}),
]

HELVELLYN = Company(
    key="jb",
    name="Helvellyn Vets",
    domain="helvellyn-vets.example",
    sentry_org="helvellyn-vets",
    splunk_url="",
    splunk_guid="",
    datadog_org=("861020", "Helvellyn Vets"),
    datadog_template="recommended",
    posthog_project=(86102, "Helvellyn Vets"),
    releases=RELEASES,
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="helvellyn-sentry-client-secret",
)
# fmt: on
