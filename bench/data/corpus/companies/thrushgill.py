"""(do) Thrushgill Dental, a group of dental practices: a Laravel 10 API on PHP 8.2 under
php-fpm (``surgery-api``, MySQL 8, the booking app's and the practices' front desks' API) and
its queues run by Laravel Horizon (``surgery-horizon``: reminders, recalls, lab orders,
insurer claims).

Sentry: sentry-laravel on both. Splunk: ``storage/logs/laravel.log`` of the ``stack``
channel, a ``single`` channel whose tap writes the error as Bugsnag's notifier would report
it (``errorClass``, ``message``, a ``stacktrace`` list with ``inProject``) instead of
Monolog's trace, and the queue worker's console lines (``... FAIL`` and nothing else).
Datadog: log monitors pasting the same lines, APM monitors through dd-trace-php, all on
Datadog's default webhook payload. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import FW, LARAVEL_REQUEST, php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.laravel", "4.10.1", "composer:sentry/sentry-laravel")
SERVICES = {
    "surgery-api": Service("surgery-api", "php", "do-bugsnag-stack", "thrushgill:laravel", "/var/www/html/storage/logs/laravel.log", "tg_apps", 7530011, "php 8.2.26", framework="laravel", sdk=SDK),
    "surgery-horizon": Service("surgery-horizon", "php", "do-bugsnag-stack", "thrushgill:laravel", "/var/www/html/storage/logs/laravel.log", "tg_apps", 7530011, "php 8.2.26", framework="laravel", sdk=SDK),
}

QUEUE = (
    php("artisan", "{main}", 35, lib=True),
    php(FW + "Queue/Worker.php", "process", 435, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
    php(FW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
    php(FW + "Queue/CallQueuedHandler.php", "call", 70, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
    php(FW + "Container/BoundMethod.php", "call", 35, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
)
ELOQUENT_FIND = (
    php(FW + "Database/Eloquent/Builder.php", "findOrFail", 505, "Illuminate\\Database\\Eloquent\\Builder", "({id})", lib=True),
)
# Every SMS goes through one helper that throws Laravel's HTTP client exception.
SMS_SEND = php("app/Support/Sms.php", "send", 38, "App\\Support\\Sms", "('+447{n}...', '...')")
HTTP_SEND = (
    php(FW + "Http/Client/PendingRequest.php", "post", 785, "Illuminate\\Http\\Client\\PendingRequest", "('https://rest.s...', Array)", lib=True),
    php(FW + "Http/Client/PendingRequest.php", "send", 951, "Illuminate\\Http\\Client\\PendingRequest", "('POST', 'https://rest.s...', Array)", lib=True),
)
LOGS = {"search": "surgery - laravel errors"}
JOB_LOGS = {"search": "surgery - horizon errors"}
FAILS = {"search": "surgery - horizon FAIL lines", "format": "do-worker-fail"}
DD_API = dict(monitor="[surgery-api] error logs", filter="service:surgery-api status:error", text="{{log.message}}")
DD_JOBS = dict(monitor="[surgery-horizon] failed jobs", filter="service:surgery-horizon status:error", text="Horizon job failures above threshold.\n{{log.message}}")
DD_APM = dict(style="type", monitor="[surgery-api] error spans")
NULL_EMAIL = 'Attempt to read property "email" on null'


def ctl(name: str, method: str, line: int, args: str = "(Object(Illuminate\\Http\\Request))") -> Frame:
    return php(f"app/Http/Controllers/{name}.php", method, line, f"App\\Http\\Controllers\\{name}", args)


def app(file: str, cls: str, method: str, line: int, args: str = "()") -> Frame:
    return php(file, method, line, cls, args)


def job(name: str, line: int) -> Frame:
    return app(f"app/Jobs/{name}.php", f"App\\Jobs\\{name}", "handle", line, "(Object(App\\Support\\Sms))")


def not_found(model: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("Illuminate\\Database\\Eloquent\\ModelNotFoundException", f"No query results for model [App\\Models\\{model}] {{id}}", frames),)


def duplicate(table: str, key: str, entry: str, sql: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pdo = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{entry}' for key '{table}.{key}'"
    down = (*frames, php(FW + "Database/Connection.php", "runQueryCallback", 801, "Illuminate\\Database\\Connection", "('insert into `...', Array, Object(Closure))", lib=True))
    return (Exc("PDOException", pdo, (*down, Frame("execute", "", 0, "PDOStatement", False, args="()"))), Exc("Illuminate\\Database\\QueryException", f"{pdo} (Connection: mysql, SQL: {sql})", down))


SAVE = (php(FW + "Database/Eloquent/Model.php", "save", 1213, "Illuminate\\Database\\Eloquent\\Model", "()", lib=True), php(FW + "Database/Connection.php", "insert", 558, "Illuminate\\Database\\Connection", "('insert into `...', Array)", lib=True))

BUGS = [
    # A patient without a guardian contact: a controller and a job read its email.
    Bug("do-consent-email-null", "surgery-api", (Exc("ErrorException", NULL_EMAIL, (*LARAVEL_REQUEST, ctl("ConsentController", "send", 41), app("app/Services/ConsentMailer.php", "App\\Services\\ConsentMailer", "recipientFor", 22, "(Object(App\\Models\\Patient))"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **LOGS), see("datadog.log", **DD_API)),
        classes=(4, 5), pair="do-recall-email-null", entry="POST /api/patients/{id}/consent", span=2),
    Bug("do-recall-email-null", "surgery-horizon", (Exc("ErrorException", NULL_EMAIL, (*QUEUE, job("SendRecallReminder", 33), app("app/Notifications/RecallDue.php", "App\\Notifications\\RecallDue", "toMail", 29, "(Object(App\\Models\\Patient))"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOB_LOGS), see("splunk", **FAILS), see("datadog.log", **DD_JOBS)),
        classes=(4,), pair="do-consent-email-null", entry="App\\Jobs\\SendRecallReminder"),
    # findOrFail: which model is the bug.
    Bug("do-patient-not-found", "surgery-api", not_found("Patient", (*LARAVEL_REQUEST, ctl("PatientController", "show", 27, "(Object(Illuminate\\Http\\Request), '{id}')"), *ELOQUENT_FIND)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LOGS), see("datadog.apm", **DD_APM)),
        classes=(4,), pair="do-appointment-not-found", entry="GET /api/patients/{id}"),
    Bug("do-appointment-not-found", "surgery-api", not_found("Appointment", (*LARAVEL_REQUEST, ctl("AppointmentController", "reschedule", 58, "(Object(App\\Http\\Requests\\RescheduleRequest), '{id}')"), *ELOQUENT_FIND)),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD_API)),
        classes=(4,), pair="do-patient-not-found", entry="PUT /api/appointments/{id}/reschedule"),
    # Duplicate entries: the table is the bug.
    Bug("do-slot-duplicate", "surgery-api", duplicate("appointments", "appointments_chair_id_starts_at_unique", "{idx}-2026-03-1{idx} 09:30:00", "insert into `appointments` (`chair_id`, `patient_id`, `starts_at`, `updated_at`, `created_at`) values ({idx}, {id}, 2026-03-1{idx} 09:30:00, 2026-03-0{idx} 11:02:1{idx}, 2026-03-0{idx} 11:02:1{idx})", (*LARAVEL_REQUEST, ctl("AppointmentController", "store", 33, "(Object(App\\Http\\Requests\\StoreAppointmentRequest))"), *SAVE)),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD_API)),
        classes=(4,), pair="do-lab-order-duplicate", entry="POST /api/appointments"),
    Bug("do-lab-order-duplicate", "surgery-horizon", duplicate("lab_orders", "lab_orders_lab_reference_unique", "LAB-{id}", "insert into `lab_orders` (`lab_reference`, `patient_id`, `status`, `updated_at`, `created_at`) values (LAB-{id}, {user}, sent, 2026-03-0{idx} 07:40:0{idx}, 2026-03-0{idx} 07:40:0{idx})", (*QUEUE, job("ImportLabResults", 51), *SAVE)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOB_LOGS), see("splunk", **FAILS)),
        classes=(4,), pair="do-slot-duplicate", entry="App\\Jobs\\ImportLabResults"),
    # One invoice total, two errors.
    Bug("do-invoice-zero-division", "surgery-api", (Exc("DivisionByZeroError", "Division by zero", (*LARAVEL_REQUEST, ctl("InvoiceController", "show", 19, "(Object(Illuminate\\Http\\Request), '{id}')"), app("app/Billing/InvoiceCalculator.php", "App\\Billing\\InvoiceCalculator", "total", 47, "(Object(App\\Models\\Invoice))"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **LOGS), see("datadog.apm", **DD_APM)),
        classes=(4, 5), pair="do-invoice-operand", entry="GET /api/invoices/{id}", span=3),
    Bug("do-invoice-operand", "surgery-api", (Exc("TypeError", "Unsupported operand types: string * int", (*LARAVEL_REQUEST, ctl("InvoiceController", "show", 19, "(Object(Illuminate\\Http\\Request), '{id}')"), app("app/Billing/InvoiceCalculator.php", "App\\Billing\\InvoiceCalculator", "total", 42, "(Object(App\\Models\\Invoice))"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LOGS), see("datadog.log", **DD_API)),
        classes=(4,), pair="do-invoice-zero-division", entry="GET /api/invoices/{id}"),
    # Two jobs whose SMS helper times out: the helper is the innermost app frame of both.
    Bug("do-reminder-sms-timeout", "surgery-horizon", (Exc("Illuminate\\Http\\Client\\ConnectionException", "cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://rest.smsworks.example/v2/send", (*QUEUE, job("SendAppointmentReminder", 24), SMS_SEND, *HTTP_SEND)),),
        (see("sentry.error", 2), see("splunk", 2, **JOB_LOGS), see("splunk", **FAILS), see("datadog.log", 2, **DD_JOBS)),
        classes=(2, 9), pair="do-recall-sms-timeout", entry="App\\Jobs\\SendAppointmentReminder", span=2),
    Bug("do-recall-sms-timeout", "surgery-horizon", (Exc("Illuminate\\Http\\Client\\ConnectionException", "cURL error 28: Operation timed out after 10000 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://rest.smsworks.example/v2/send", (*QUEUE, job("SendRecallSms", 40), app("app/Recalls/RecallNotifier.php", "App\\Recalls\\RecallNotifier", "notify", 63, "(Object(App\\Models\\Patient))"), SMS_SEND, *HTTP_SEND)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **JOB_LOGS), see("datadog.log", **DD_JOBS)),
        classes=(2, 9), pair="do-reminder-sms-timeout", entry="App\\Jobs\\SendRecallSms"),
    # One job, two failures: the insurer refusing a claim, and the job killed by its timeout
    # on a slow insurer until Horizon gives up on it.
    Bug("do-claim-max-attempts", "surgery-horizon", (Exc("Illuminate\\Queue\\MaxAttemptsExceededException", "App\\Jobs\\SubmitInsurerClaim has been attempted too many times.", (*QUEUE[:2], php(FW + "Queue/Worker.php", "markJobAsFailedIfAlreadyExceedsMaxAttempts", 788, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), 3)", lib=True), php(FW + "Queue/Worker.php", "maxAttemptsExceededException", 821, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **JOB_LOGS), see("splunk", 2, **FAILS), see("datadog.log", **DD_JOBS)),
        classes=(8, 10), pair="do-claim-insurer-422", entry="App\\Jobs\\SubmitInsurerClaim"),
    Bug("do-xray-upload-size", "surgery-api", (Exc("Illuminate\\Http\\Exceptions\\PostTooLargeException", "", (*LARAVEL_REQUEST[:3], php(FW + "Foundation/Http/Middleware/ValidatePostSize.php", "handle", 27, "Illuminate\\Foundation\\Http\\Middleware\\ValidatePostSize", "(Object(Illuminate\\Http\\Request), Object(Closure))", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.apm", **DD_APM)),
        classes=(10,), entry="POST /api/patients/{id}/xrays"),
    Bug("do-treatment-plan-enum", "surgery-api", (Exc("ValueError", '"crown_prep" is not a valid backing value for enum App\\Enums\\TreatmentCode', (*LARAVEL_REQUEST, ctl("TreatmentPlanController", "update", 36, "(Object(App\\Http\\Requests\\UpdatePlanRequest), '{id}')"), php(FW + "Database/Eloquent/Concerns/HasAttributes.php", "getEnumCaseFromValue", 1195, "Illuminate\\Database\\Eloquent\\Model", "('App\\\\Enums\\\\Treat...', 'crown_prep')", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **LOGS)),
        entry="PUT /api/treatment-plans/{id}"),
    Bug("do-claim-insurer-422", "surgery-horizon", (Exc("Illuminate\\Http\\Client\\RequestException", 'HTTP request returned status code 422:\n{"error":"invalid_member_number","detail":"Member number {n}{idx} failed checksum"}\n', (*QUEUE, job("SubmitInsurerClaim", 47), app("app/Claims/InsurerGateway.php", "App\\Claims\\InsurerGateway", "submit", 58, "(Object(App\\Models\\Claim))"), php(FW + "Http/Client/Response.php", "throw", 313, "Illuminate\\Http\\Client\\Response", "()", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOB_LOGS), see("datadog.log", **DD_JOBS)),
        pair="do-claim-max-attempts", entry="App\\Jobs\\SubmitInsurerClaim"),
    Bug("do-export-memory", "surgery-horizon", (Exc("Symfony\\Component\\ErrorHandler\\Error\\FatalError", "Allowed memory size of 268435456 bytes exhausted (tried to allocate {n}480 bytes)", (*QUEUE, job("ExportPracticeLedger", 58))),),
        (see("sentry.error"),),
        singleton=True, entry="App\\Jobs\\ExportPracticeLedger"),
]

NOISE = [
    Noise("do-noise-horizon-start", "surgery-horizon", "splunk", {**JOB_LOGS, "line": "[{gts}] production.INFO: Horizon started successfully."}),
    Noise("do-noise-deploy", "surgery-api", "datadog.event", {"monitor": "Deployed surgery-api 2026.11.2", "text": "Envoyer deployment 2026.11.2 finished on 4 servers (php artisan horizon:terminate ran).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("do-noise-dd-recovered", "surgery-api", "datadog.log", {**DD_API, "transition": "Recovered", "alert_type": "success", "text": "surgery-api error logs back under threshold."}),
]

THRUSHGILL = Company(
    key="do",
    name="Thrushgill Dental",
    domain="thrushgill.example",
    sentry_org="thrushgill",
    splunk_url="https://thrushgill.splunkcloud.com",
    splunk_guid="5F2C8A91-D7E4-4B63-A0C5-3E9B1D74F208",
    datadog_org=("511832", "Thrushgill Dental"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("2026.11.0", "2026.11.1", "2026.11.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="thrushgill-sentry-client-secret",
)
# fmt: on
