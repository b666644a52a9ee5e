"""(ig) Greenodd Clinics, a chain of physiotherapy clinics: a Laravel 11 API on PHP 8.3
(``clinic-api``: appointments, patients, practitioners, invoices; Eloquent over MySQL 8, the
HTTP client to a pathology lab and to GP practices) and its queue worker (``clinic-queue``:
``php artisan queue:work redis`` running reminders, invoice PDFs, GP letters and payouts),
both containers on Kubernetes.

Both log to stderr through Laravel's ``stderr`` channel with Monolog's ``JsonFormatter``
(``message``, ``context.exception`` {class, message, code, file, trace}, ``level_name``,
``channel``, ``datetime``); the Datadog Agent parses the JSON. Sentry: sentry-laravel (issue
alerts and issue webhooks as well). Datadog: log monitors only, pasting ``{{log.message}}`` and
the exception's attributes. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FW, LARAVEL_REQUEST, REQ, php

# fmt: off
SDK = ("sentry.php.laravel", "4.11.0", "composer:sentry/sentry-laravel")
RELEASES = ("greenodd-api@3.14.0", "greenodd-api@3.15.0", "greenodd-api@3.15.1")
SERVICES = {
    "clinic-api": Service("clinic-api", "php", "monolog-json", "", "", "", 7920011, "php 8.3.14", framework="generic", sdk=SDK, releases=RELEASES),
    "clinic-queue": Service("clinic-queue", "php", "monolog-json", "", "", "", 7920011, "php 8.3.14", framework="generic", sdk=SDK, releases=RELEASES),
}
APP = "App\\"


def controller(name: str, method: str, line: int, args: str = REQ) -> Frame:
    return php(f"app/Http/Controllers/{name}.php", method, line, f"{APP}Http\\Controllers\\{name}", args)


def cls(path: str, method: str, line: int, args: str = "()") -> Frame:
    return php(f"app/{path}.php", method, line, APP + path.replace("/", "\\"), args)


def job(name: str, line: int) -> tuple[Frame, ...]:
    """A queued job run by ``queue:work`` (oldest first), down to the job's ``handle``."""
    obj = f"Object(App\\Jobs\\{name})"
    return (
        php("artisan", "{main}", 13, lib=True),
        php(FW + "Foundation/Application.php", "handleCommand", 1193, "Illuminate\\Foundation\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput))", lib=True),
        php(FW + "Queue/Console/WorkCommand.php", "runWorker", 149, "Illuminate\\Queue\\Console\\WorkCommand", "('redis', 'default')", lib=True),
        php(FW + "Queue/Worker.php", "daemon", 176, "Illuminate\\Queue\\Worker", "('redis', 'default', Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Worker.php", "runJob", 414, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), 'redis', Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Worker.php", "process", 443, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
        php(FW + "Queue/CallQueuedHandler.php", "call", 68, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
        php(FW + "Bus/Dispatcher.php", "dispatchNow", 128, "Illuminate\\Bus\\Dispatcher", f"({obj}, false)", lib=True),
        php(FW + "Container/Container.php", "call", 694, "Illuminate\\Container\\Container", "(Array)", lib=True),
        php(FW + "Container/BoundMethod.php", "call", 35, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
        php(f"app/Jobs/{name}.php", "handle", line, f"{APP}Jobs\\{name}", "()"),
    )


def insert(table: str) -> tuple[Frame, ...]:
    """Eloquent's ``save()`` of a new model on MySQL, down to the connection's ``run``."""
    sql = f"('insert into `{table[:3]}...', Array"
    return (
        php(FW + "Database/Eloquent/Model.php", "save", 1169, "Illuminate\\Database\\Eloquent\\Model", "()", lib=True),
        php(FW + "Database/Eloquent/Model.php", "performInsert", 1362, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder))", lib=True),
        php(FW + "Database/Eloquent/Model.php", "insertAndSetId", 1399, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder), Array)", lib=True),
        php(FW + "Database/Query/Builder.php", "insertGetId", 3551, "Illuminate\\Database\\Query\\Builder", "(Array, 'id')", lib=True),
        php(FW + "Database/Query/Processors/Processor.php", "processInsertGetId", 46, "Illuminate\\Database\\Query\\Processors\\Processor", f"(Object(Illuminate\\Database\\Query\\Builder), {sql[1:]}, 'id')", lib=True),
        php(FW + "Database/MySqlConnection.php", "insert", 42, "Illuminate\\Database\\MySqlConnection", f"{sql}, 'id')", lib=True),
        php(FW + "Database/Connection.php", "run", 786, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True),
    )


def duplicate(app: tuple[Frame, ...], table: str, key: str, columns: str, values: str) -> tuple[Exc, Exc]:
    """Laravel's QueryException over PDO's (cause first), MySQL 8's duplicate entry."""
    sql = f"('insert into `{table[:3]}...', Array"
    pdo = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{{id}}' for key '{table}.{key}'"
    return (
        Exc("PDOException", pdo, (*app, *insert(table), php(FW + "Database/Connection.php", "runQueryCallback", 820, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True), php(FW + "Database/MySqlConnection.php", "Illuminate\\Database\\{closure}", 53, "Illuminate\\Database\\MySqlConnection", f"{sql})", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()"))),
        Exc("Illuminate\\Database\\QueryException", f"{pdo} (Connection: mysql, SQL: insert into `{table}` ({columns}) values ({values}))", (*app, *insert(table), php(FW + "Database/Connection.php", "runQueryCallback", 833, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True))),
    )


HTTP_GET = (
    php(FW + "Http/Client/PendingRequest.php", "get", 752, "Illuminate\\Http\\Client\\PendingRequest", "('https://api.lab...', Array)", lib=True),
    php(FW + "Http/Client/PendingRequest.php", "send", 914, "Illuminate\\Http\\Client\\PendingRequest", "('GET', 'https://api.lab...', Array)", lib=True),
    php(FW + "Support/helpers.php", "retry", 244, "", "(2, Object(Closure), 200, Object(Closure))", lib=True),
)
LABS = cls("Services/Labs/LabsClient", "fetchResults", 58, "('{id}')")
RESULTS = controller("LabResultController", "index", 31, "(Object(Illuminate\\Http\\Request), Object(App\\Models\\Patient))")
DATES = cls("Support/DateParser", "::parse", 24, "(NULL)")

MON = {"team": "clinics", "monitor": "[clinic-api] errors", "filter": "service:clinic-api status:error", "text": "{{log.attributes.context.exception.class}} in clinic-api: {{log.message}}\nat {{log.attributes.context.exception.file}}", "sample_lines": 1}
MON_MSG = {"team": "clinics", "monitor": "[clinic-api] errors", "filter": "service:clinic-api status:error", "text": "clinic-api logged an error on {{log.host}}: {{log.message}}", "sample_lines": 1}
QMON = {"team": "clinics", "monitor": "[clinic-queue] failed jobs", "filter": "service:clinic-queue status:error", "text": "A queued job failed ({{log.attributes.channel}}): {{log.message}}", "sample_lines": 1}
QMON_CLASS = {"team": "clinics", "monitor": "[clinic-queue] failed jobs", "filter": "service:clinic-queue status:error", "text": "Job failure on {{log.host}}: {{log.attributes.context.exception.class}}\n{{log.attributes.context.exception.message}}", "sample_lines": 1}
SQLMON = {"team": "clinics", "monitor": "[clinic] database errors", "filter": "service:(clinic-api OR clinic-queue) @context.exception.class:*QueryException", "text": "Query failed in {{log.service}}:\n{{log.attributes.context.exception.message}}", "sample_lines": 1}

SLOT = 'Attempt to read property "starts_at" on null'

BUGS = [
    # The same null slot: booking (API) and a reminder job.
    Bug("ig-appt-slot-null", "clinic-api", (Exc("ErrorException", SLOT, (*LARAVEL_REQUEST, controller("AppointmentController", "store", 48, "(Object(App\\Http\\Requests\\StoreAppointmentRequest))"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.issue"), see("datadog.log", 2, **MON)),
        classes=(4, 5), pair="ig-reminder-slot-null", entry="POST /api/appointments", span=3, renames={"store": "book"}),
    Bug("ig-reminder-slot-null", "clinic-queue", (Exc("ErrorException", SLOT, job("SendAppointmentReminder", 37)),),
        (see("sentry.error", 3), see("datadog.log", **QMON), see("datadog.log", **QMON_CLASS)),
        classes=(4,), pair="ig-appt-slot-null", entry="App\\Jobs\\SendAppointmentReminder"),
    # MySQL duplicate keys on two tables.
    Bug("ig-dup-patient-nhs", "clinic-api", duplicate((*LARAVEL_REQUEST, controller("PatientController", "store", 55, "(Object(App\\Http\\Requests\\StorePatientRequest))"), cls("Actions/RegisterPatient", "handle", 29, "(Array)")), "patients", "patients_nhs_number_unique", "`nhs_number`, `first_name`, `last_name`, `updated_at`, `created_at`", "{id}, ?, ?, {gts}, {gts}"),
        (see("sentry.error", 2), see("sentry.alert", rule="clinic-api: new issue"), see("datadog.log", **SQLMON), see("datadog.log", **MON)),
        classes=(4,), pair="ig-dup-invoice-number", entry="POST /api/patients"),
    Bug("ig-dup-invoice-number", "clinic-queue", duplicate((*job("IssueInvoice", 44), cls("Services/Billing/InvoiceIssuer", "issue", 63, "(Object(App\\Models\\Appointment))")), "invoices", "invoices_number_unique", "`number`, `appointment_id`, `total_pence`, `updated_at`, `created_at`", "GC-{id}, {user}, 4500, {gts}, {gts}"),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **SQLMON)),
        classes=(4,), pair="ig-dup-patient-nhs", entry="App\\Jobs\\IssueInvoice"),
    # One lab client: a cURL timeout and the lab's 500.
    Bug("ig-labs-timeout", "clinic-api", (Exc("Illuminate\\Http\\Client\\ConnectionException", "cURL error 28: Operation timed out after 10002 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.labs.greenodd.example/v2/results?patient={id}", (*LARAVEL_REQUEST, RESULTS, LABS, *HTTP_GET, php(FW + "Http/Client/PendingRequest.php", "Illuminate\\Http\\Client\\{closure}", 955, "Illuminate\\Http\\Client\\PendingRequest", "(1)", lib=True))),),
        (see("sentry.error", 3), see("datadog.log", **MON_MSG), see("datadog.log", **MON)),
        classes=(4,), pair="ig-labs-500", entry="GET /api/patients/{id}/lab-results"),
    Bug("ig-labs-500", "clinic-api", (Exc("Illuminate\\Http\\Client\\RequestException", 'HTTP request returned status code 500:\n{"error":"internal","trace_id":"{hex}"}\n', (*LARAVEL_REQUEST, RESULTS, LABS, php(FW + "Http/Client/Response.php", "throw", 297, "Illuminate\\Http\\Client\\Response", "()", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **MON)),
        classes=(4,), pair="ig-labs-timeout", entry="GET /api/patients/{id}/lab-results"),
    # Two findOrFail misses in two jobs: the model named is the bug.
    Bug("ig-gp-letter-patient-missing", "clinic-queue", (Exc("Illuminate\\Database\\Eloquent\\ModelNotFoundException", "No query results for model [App\\Models\\Patient] {id}", (*job("SendGpLetter", 31), php(FW + "Database/Eloquent/Builder.php", "findOrFail", 627, "Illuminate\\Database\\Eloquent\\Builder", "({id})", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", **QMON), see("datadog.log", **QMON_CLASS)),
        classes=(4, 5), pair="ig-payout-practitioner-missing", entry="App\\Jobs\\SendGpLetter", span=2),
    Bug("ig-payout-practitioner-missing", "clinic-queue", (Exc("Illuminate\\Database\\Eloquent\\ModelNotFoundException", "No query results for model [App\\Models\\Practitioner] {id}", (*job("PayPractitioner", 26), php(FW + "Database/Eloquent/Builder.php", "findOrFail", 627, "Illuminate\\Database\\Eloquent\\Builder", "({id})", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **QMON)),
        classes=(4,), pair="ig-gp-letter-patient-missing", entry="App\\Jobs\\PayPractitioner"),
    # One date parser: Carbon refuses the text, or the text is null.
    Bug("ig-date-unparseable", "clinic-api", (Exc("Carbon\\Exceptions\\InvalidFormatException", "Could not parse '{date}T25:00': Failed to parse time string ({date}T25:00) at position 10 (T): Unexpected character", (*LARAVEL_REQUEST, controller("AvailabilityController", "index", 22), cls("Support/DateParser", "::parse", 19, "('{date}T25:00')"), php("/var/www/html/vendor/nesbot/carbon/src/Carbon/Traits/Creator.php", "::parse", 194, "Carbon\\Carbon", "('{date}T25:00', NULL)", lib=True), php("/var/www/html/vendor/nesbot/carbon/src/Carbon/Traits/Creator.php", "::rawParse", 179, "Carbon\\Carbon", "('{date}T25:00', NULL)", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", **MON)),
        classes=(4,), pair="ig-date-null", entry="GET /api/availability"),
    Bug("ig-date-null", "clinic-api", (Exc("TypeError", "App\\Support\\DateParser::parse(): Argument #1 ($value) must be of type string, null given, called in /var/www/html/app/Http/Controllers/AvailabilityController.php on line 22", (*LARAVEL_REQUEST, controller("AvailabilityController", "index", 22), DATES)),),
        (see("sentry.error", 3), see("datadog.log", **MON_MSG)),
        classes=(4,), pair="ig-date-unparseable", entry="GET /api/availability"),
    # Two job failures under one monitor: the mail relay and the invoice disk.
    Bug("ig-mail-transport", "clinic-queue", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Connection could not be established with host "ssl://smtp.postmarkapp.com:465": stream_socket_client(): Unable to connect to ssl://smtp.postmarkapp.com:465 (Connection timed out)', (*job("SendAppointmentReminder", 52), php(FW + "Mail/Mailer.php", "send", 350, "Illuminate\\Mail\\Mailer", "(Object(App\\Mail\\AppointmentReminder))", lib=True), php("/var/www/html/vendor/symfony/mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", "()", lib=True))),),
        (see("sentry.error", 2), see("datadog.log", 2, **QMON_CLASS)),
        classes=(2,), pair="ig-invoice-disk", entry="App\\Jobs\\SendAppointmentReminder"),
    Bug("ig-invoice-disk", "clinic-queue", (Exc("League\\Flysystem\\UnableToWriteFile", "Unable to write file at location: invoices/2026/GC-{id}.pdf. Error executing \"PutObject\" on \"https://greenodd-invoices.s3.eu-west-2.amazonaws.com/invoices/2026/GC-{id}.pdf\"; AWS HTTP error: Client error: `PUT https://greenodd-invoices.s3.eu-west-2.amazonaws.com/invoices/2026/GC-{id}.pdf` resulted in a `403 Forbidden` response", (*job("RenderInvoicePdf", 40), php(FW + "Filesystem/FilesystemAdapter.php", "put", 460, "Illuminate\\Filesystem\\FilesystemAdapter", "('invoices/2026/G...', '%PDF-1.7\\n%\\xE2\\xE3\\xCF\\xD3...')", lib=True), php("/var/www/html/vendor/league/flysystem-aws-s3-v3/AwsS3V3Adapter.php", "upload", 165, "League\\Flysystem\\AwsS3V3\\AwsS3V3Adapter", "('invoices/2026/G...', '%PDF-1.7\\n%\\xE2\\xE3\\xCF\\xD3...', Object(League\\Flysystem\\Config))", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **QMON_CLASS), see("datadog.log", **QMON)),
        classes=(2,), pair="ig-mail-transport", entry="App\\Jobs\\RenderInvoicePdf"),
    # Not pairs.
    Bug("ig-division-by-zero", "clinic-api", (Exc("DivisionByZeroError", "Division by zero", (*LARAVEL_REQUEST, controller("ReportController", "utilisation", 39, "(Object(Illuminate\\Http\\Request))"), cls("Reports/Utilisation", "rate", 17, "(Object(App\\Models\\Clinic), 0)"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **MON)),
        classes=(1,), entry="GET /api/reports/utilisation"),
    Bug("ig-route-login", "clinic-api", (Exc("Symfony\\Component\\Routing\\Exception\\RouteNotFoundException", "Route [login] not defined.", (*LARAVEL_REQUEST, php(FW + "Auth/Middleware/Authenticate.php", "handle", 61, "Illuminate\\Auth\\Middleware\\Authenticate", "(Object(Illuminate\\Http\\Request), Object(Closure))", lib=True), php(FW + "Foundation/helpers.php", "route", 839, "", "('login', Array, true)", lib=True), php(FW + "Routing/UrlGenerator.php", "route", 479, "Illuminate\\Routing\\UrlGenerator", "('login', Array, true)", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 2, **MON_MSG)),
        classes=(10,), entry="GET /api/practitioners/{id}/diary", span=3),
    Bug("ig-memory-exhausted", "clinic-queue", (Exc("Symfony\\Component\\ErrorHandler\\Error\\FatalError", "Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)", (php(FW + "Collections/Collection.php", "map", 778, "Illuminate\\Support\\Collection", "(Object(Closure))", lib=True),)),),
        (see("sentry.error", 2), see("datadog.log", **QMON)),
        classes=(10,), entry="App\\Jobs\\ExportMonthlyClaims"),
    Bug("ig-redis-refused", "clinic-api", (Exc("RedisException", "Connection refused", (*LARAVEL_REQUEST, php(FW + "Cache/RedisStore.php", "get", 63, "Illuminate\\Cache\\RedisStore", "('greenodd_cache_...')", lib=True), php(FW + "Redis/Connectors/PhpRedisConnector.php", "Illuminate\\Redis\\Connectors\\{closure}", 86, "Illuminate\\Redis\\Connectors\\PhpRedisConnector", "()", lib=True), Frame("connect", "", 0, "Redis", False, args="('redis-master.cl...', 6379, 0.0, NULL, 0, 0.0, Array)"))),),
        (see("sentry.error", 2), see("datadog.log", 2, **MON_MSG)),
        classes=(1,), entry="GET /api/clinics"),
    Bug("ig-singleton-json-depth", "clinic-api", (Exc("JsonException", "Maximum stack depth exceeded", (*LARAVEL_REQUEST, controller("ExportController", "show", 28, "(Object(App\\Models\\Patient))"), Frame("json_encode", "", 0, "", False, args="(Array, 4194304)"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/patients/{id}/export"),
]

NOISE = [
    Noise("ig-noise-deploy", "clinic-api", "datadog.event", {"monitor": "Deploy", "text": "clinic-api greenodd-api@3.15.0 rolled out (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "clinics"}),
    Noise("ig-noise-queue-recovered", "clinic-queue", "datadog.log", {"monitor": "[clinic-queue] failed jobs", "transition": "Recovered", "alert_type": "success", "team": "clinics", "filter": "service:clinic-queue status:error", "text": "clinic-queue failed jobs back to normal."}),
    Noise("ig-noise-apdex", "clinic-api", "sentry.metric", {"rule": "clinic-api p95 latency", "aggregate": "p95(transaction.duration)", "dataset": "transactions", "action": "resolved", "value": "4{idx}0.0"}),
]

GREENODD = Company(
    key="ig",
    name="Greenodd Clinics",
    domain="greenodd-clinics.example",
    sentry_org="greenodd",
    splunk_url="https://splunk.greenodd-clinics.example:8000",
    splunk_guid="3E7A90C2-5D18-4B6F-A2C4-91F0D7B3E856",
    datadog_org=("792001", "Greenodd Clinics"),
    datadog_template="recommended",
    posthog_project=(79201, "Greenodd"),
    releases=("3.14.0", "3.15.0", "3.15.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="greenodd-sentry-client-secret",
)
# fmt: on
