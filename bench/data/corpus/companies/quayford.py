"""(lf) Quayford Tutors, an online tutoring marketplace: a Laravel 10 app on PHP 8.2 deployed
with Laravel Vapor (``web``: the HTTP function on AWS Lambda behind API Gateway; lesson
booking, tutor availability, Stripe payments, lesson reports, over Aurora MySQL) and Laravel
Horizon queue workers on one EC2 box (``horizon``: lesson reminders, Zoom meetings, tutor
payouts, recordings, on Redis).

Logs: the Vapor function's stderr channel with Monolog's ``JsonFormatter`` in CloudWatch,
pulled into Splunk by the Splunk Add-on for AWS (``lf-vapor``, with the Lambda runtime's own
``Task timed out`` lines), and the Horizon box's ``storage/logs/laravel.log`` in Laravel's
default format (``local.ERROR``: the box's ``.env`` was never switched to production) read
by a universal forwarder (``lf-horizon``). Sentry: sentry-laravel 4 in both. PostHog:
posthog-php from the exception handler's ``reportable`` callback. Datadog: the Lambda
integration with the Forwarder, a serverless log monitor for the function and an agent log
monitor on the Horizon box (one monitor each, several bugs under it), and APM monitors by
error type. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import LARAVEL_REQUEST, REQ

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.laravel", "4.5.1", "composer:sentry/sentry-laravel")
RELEASES = ("quayford@2026.03.04", "quayford@2026.03.09", "quayford@2026.03.12")
SERVICES = {
    "web": Service("web", "php", "lf-vapor", "aws:cloudwatchlogs", "eu-west-2:/aws/lambda/vapor-quayford-production", "quayford", 10510011, "php 8.2.20", framework="generic", sdk=SDK, releases=RELEASES),
    "horizon": Service("horizon", "php", "lf-horizon", "laravel", "/home/forge/quayford/storage/logs/laravel.log", "quayford", 10510011, "php 8.2.20", framework="generic", sdk=SDK, releases=RELEASES),
}

TASK = "/var/task/"
BOX = "/home/forge/quayford/"
APP = "App\\"


def _root(root: str, file: str) -> str:
    return file if file.startswith("/") else root + file


def vp(file: str, function: str, line: int, cls: str = "", args: str = "()", *, lib: bool = False) -> Frame:
    """A frame in the Vapor function's package (``/var/task``)."""
    return Frame(function, _root(TASK, file), line, cls, not lib, "", "", 0, args)


def hp(file: str, function: str, line: int, cls: str = "", args: str = "()", *, lib: bool = False) -> Frame:
    """A frame on the Horizon box (``/home/forge/quayford``)."""
    return Frame(function, _root(BOX, file), line, cls, not lib, "", "", 0, args)


VFW = TASK + "vendor/laravel/framework/src/Illuminate/"
HFW = BOX + "vendor/laravel/framework/src/Illuminate/"
REQUEST = tuple(replace(f, file=f.file.replace("/var/www/html/", TASK)) for f in LARAVEL_REQUEST)


def controller(name: str, method: str, line: int, args: str = REQ) -> Frame:
    return vp(f"app/Http/Controllers/{name}.php", method, line, f"{APP}Http\\Controllers\\{name}", args)


def vsvc(path: str, method: str, line: int, args: str = "()") -> Frame:
    return vp(f"app/{path}.php", method, line, APP + path.replace("/", "\\"), args)


def hsvc(path: str, method: str, line: int, args: str = "()") -> Frame:
    return hp(f"app/{path}.php", method, line, APP + path.replace("/", "\\"), args)


def job(name: str, line: int, args: str = "()") -> tuple[Frame, ...]:
    """A queued job run by ``horizon:work`` on the box (oldest first), down to its ``handle``."""
    obj = f"Object(App\\Jobs\\{name})"
    return (
        hp("artisan", "{main}", 35, lib=True),
        hp(HFW + "Foundation/Console/Kernel.php", "handle", 198, "Illuminate\\Foundation\\Console\\Kernel", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))", lib=True),
        hp(BOX + "vendor/laravel/horizon/src/Console/WorkCommand.php", "handle", 51, "Laravel\\Horizon\\Console\\WorkCommand", "()", lib=True),
        hp(HFW + "Queue/Worker.php", "daemon", 176, "Illuminate\\Queue\\Worker", "('redis', 'default', Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        hp(HFW + "Queue/Worker.php", "process", 435, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        hp(HFW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
        hp(HFW + "Queue/CallQueuedHandler.php", "call", 70, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
        hp(HFW + "Bus/Dispatcher.php", "dispatchNow", 126, "Illuminate\\Bus\\Dispatcher", f"({obj}, false)", lib=True),
        hp(HFW + "Container/BoundMethod.php", "call", 36, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
        hp(f"app/Jobs/{name}.php", "handle", line, f"{APP}Jobs\\{name}", args),
    )


def insert(root: str, table: str) -> tuple[Frame, ...]:
    fw = root + "vendor/laravel/framework/src/Illuminate/"
    sql = f"('insert into `{table[:5]}...', Array"
    mk = vp if root == TASK else hp
    return (
        mk(fw + "Database/Eloquent/Model.php", "save", 1017, "Illuminate\\Database\\Eloquent\\Model", "()", lib=True),
        mk(fw + "Database/Eloquent/Model.php", "performInsert", 1218, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder))", lib=True),
        mk(fw + "Database/Query/Builder.php", "insertGetId", 3479, "Illuminate\\Database\\Query\\Builder", "(Array, 'id')", lib=True),
        mk(fw + "Database/Connection.php", "insert", 540, "Illuminate\\Database\\Connection", f"{sql})", lib=True),
        mk(fw + "Database/Connection.php", "statement", 553, "Illuminate\\Database\\Connection", f"{sql})", lib=True),
        mk(fw + "Database/Connection.php", "run", 760, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True),
    )


def duplicate(root: str, app: tuple[Frame, ...], table: str, key: str, entry: str, columns: str, values: str) -> tuple[Exc, Exc]:
    """Laravel's QueryException over PDO's (cause first): MySQL's duplicate entry."""
    fw = root + "vendor/laravel/framework/src/Illuminate/"
    mk = vp if root == TASK else hp
    sql = f"('insert into `{table[:5]}...', Array"
    pdo = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{entry}' for key '{table}.{key}'"
    return (
        Exc("PDOException", pdo, (*app, *insert(root, table), mk(fw + "Database/Connection.php", "Illuminate\\Database\\{closure}", 546, "Illuminate\\Database\\Connection", f"{sql})", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()"))),
        Exc("Illuminate\\Database\\QueryException", f"{pdo} (Connection: mysql, SQL: insert into `{table}` ({columns}) values ({values}))", (*app, *insert(root, table), mk(fw + "Database/Connection.php", "runQueryCallback", 801, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True))),
    )


STRIPE = vsvc("Services/Billing/StripeGateway", "charge", 58, "(Object(App\\Models\\Booking), 'pm_{hex}')")
STRIPE_REQ = (
    vp(TASK + "vendor/stripe/stripe-php/lib/Service/PaymentIntentService.php", "create", 140, "Stripe\\Service\\PaymentIntentService", "(Array, Array)", lib=True),
    vp(TASK + "vendor/stripe/stripe-php/lib/ApiRequestor.php", "request", 125, "Stripe\\ApiRequestor", "('post', '/v1/payment_inte...', Array, Array)", lib=True),
    vp(TASK + "vendor/stripe/stripe-php/lib/ApiRequestor.php", "handleErrorResponse", 199, "Stripe\\ApiRequestor", "('{\\n  \"error\": {\\n...', 402, Array, Array)", lib=True),
    vp(TASK + "vendor/stripe/stripe-php/lib/ApiRequestor.php", "_specificAPIError", 262, "Stripe\\ApiRequestor", "('{\\n  \"error\": {\\n...', 402, Array, Array, Array)", lib=True),
    vp(TASK + "vendor/stripe/stripe-php/lib/Exception/CardException.php", "factory", 39, "Stripe\\Exception\\CardException", "('Your card was d...', 402, '{\\n  \"error\": {\\n...', Array, Object(Stripe\\Util\\CaseInsensitiveArray), 'card_declined', 'generic_decline', NULL)", lib=True),
)
ZOOM = hsvc("Services/Zoom/ZoomClient", "createMeeting", 44, "(Object(App\\Models\\Lesson))")
HTTP_POST = (
    hp(HFW + "Http/Client/PendingRequest.php", "post", 738, "Illuminate\\Http\\Client\\PendingRequest", "('https://api.zoo...', Array)", lib=True),
    hp(HFW + "Http/Client/PendingRequest.php", "send", 884, "Illuminate\\Http\\Client\\PendingRequest", "('POST', 'https://api.zoo...', Array)", lib=True),
)
AVAIL = "Services/Scheduling/AvailabilityCalculator"
TZ_NULL = 'Attempt to read property "timezone" on null'

SPL_V = dict(search="Quayford - Vapor errors (CloudWatch)", owner="qf_ops", app="quayford")
SPL_T = dict(search="Quayford - Vapor task timeouts", owner="qf_ops", app="quayford", kind="timeout")
SPL_H = dict(search="Quayford - Horizon local.ERROR", owner="qf_ops", app="quayford")
DD_V = dict(team="tutors", monitor="[vapor-quayford-production] error logs", filter="source:lambda functionname:vapor-quayford-production status:error", text="Errors in vapor-quayford-production.\n\n{{log.attributes.context.exception.class}}: {{log.attributes.message}}\n{{log.attributes.context.exception.file}}")
DD_T = dict(team="tutors", monitor="[vapor-quayford-production] Lambda timeouts", filter='source:lambda functionname:vapor-quayford-production "Task timed out"', kind="timeout", text="Lambda timed out on vapor-quayford-production:\n\n{{log.message}}")
DD_H = dict(team="tutors", monitor="[horizon] laravel.log errors", filter="service:horizon source:laravel status:error host:horizon-01", text="Horizon (horizon-01) is logging errors:\n\n{{log.message}}", sample_lines=3)
APM = dict(team="tutors", monitor="[web] error spans by type")


def spl_v(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SPL_V, **opts)


def spl_h(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SPL_H, **opts)


def dd_v(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_V, **opts)


def dd_h(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**DD_H, **opts})


BUGS = [
    # One null tutor, two code paths: the lesson page and the reminder job.
    Bug("lf-lesson-tutor-null", "web", (Exc("ErrorException", TZ_NULL, (*REQUEST, controller("LessonController", "show", 41, "(Object(App\\Models\\Lesson))"), vsvc("Presenters/LessonPresenter", "startsAtForViewer", 23, "(Object(App\\Models\\User))"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 2), spl_v(2), dd_v(2)),
        classes=(1, 4, 5), pair="lf-reminder-tutor-null", entry="GET /lessons/{lesson_id}", span=2, renames={"startsAtForViewer": "localStartFor"}),
    Bug("lf-reminder-tutor-null", "horizon", (Exc("ErrorException", TZ_NULL, (*job("SendLessonReminder", 36), hsvc("Notifications/LessonReminder", "toMail", 29, "(Object(App\\Models\\User))"))),),
        (see("sentry.error", 3), spl_h(2), dd_h(2)),
        classes=(1, 2, 4), pair="lf-lesson-tutor-null", entry="App\\Jobs\\SendLessonReminder"),
    # MySQL duplicate entries: a lesson slot on the web function, a payout reference on the box.
    Bug("lf-booking-slot-dup", "web", duplicate(TASK, (*REQUEST, controller("BookingController", "store", 62, "(Object(App\\Http\\Requests\\StoreBookingRequest))"), vsvc("Actions/BookLesson", "handle", 38, "(Object(App\\Models\\Tutor), Array)")), "lessons", "lessons_tutor_id_starts_at_unique", "{idx}-2026-03-1{idx} 17:00:00", "`tutor_id`, `student_id`, `starts_at`, `updated_at`, `created_at`", "{idx}, {id}, 2026-03-1{idx} 17:00:00, 2026-03-05 09:12:44, 2026-03-05 09:12:44"),
        (see("sentry.error", 3), see("posthog"), spl_v(2), dd_v(), see("datadog.apm", **APM)),
        classes=(1, 2, 4, 9), pair="lf-payout-ref-dup", entry="POST /tutors/{tutor_id}/bookings"),
    Bug("lf-payout-ref-dup", "horizon", duplicate(BOX, (*job("ProcessTutorPayouts", 47), hsvc("Services/Payouts/PayoutBatcher", "record", 71, "(Object(App\\Models\\Tutor), Array)")), "payouts", "payouts_reference_unique", "QT-PO-{id}", "`tutor_id`, `reference`, `amount_pence`, `updated_at`, `created_at`", "{idx}, QT-PO-{id}, {n}00, 2026-03-05 02:00:03, 2026-03-05 02:00:03"),
        (see("sentry.error", 2), spl_h(2, lines=6), dd_h()),
        classes=(1, 2, 4, 9), pair="lf-booking-slot-dup", entry="App\\Jobs\\ProcessTutorPayouts"),
    # Two Stripe errors through one gateway helper.
    Bug("lf-stripe-declined", "web", (Exc("Stripe\\Exception\\CardException", "Your card was declined.", (*REQUEST, controller("CheckoutController", "pay", 33), STRIPE, *STRIPE_REQ)),),
        (see("sentry.error", 3), see("posthog", 2), spl_v(), dd_v(), see("datadog.apm", **APM)),
        classes=(1, 2, 9), pair="lf-stripe-idempotency", entry="POST /checkout/{booking_id}/pay"),
    Bug("lf-stripe-idempotency", "web", (Exc("Stripe\\Exception\\IdempotencyException", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'booking-{id}' if you meant to execute a different request.", (*REQUEST, controller("PackageController", "purchase", 51), STRIPE, *STRIPE_REQ[:3], vp(TASK + "vendor/stripe/stripe-php/lib/ApiRequestor.php", "_specificAPIError", 254, "Stripe\\ApiRequestor", "('{\\n  \"error\": {\\n...', 400, Array, Array, Array)", lib=True), vp(TASK + "vendor/stripe/stripe-php/lib/Exception/ApiErrorException.php", "factory", 39, "Stripe\\Exception\\ApiErrorException", "('Keys for idempo...', 400, '{\\n  \"error\": {\\n...', Array, Object(Stripe\\Util\\CaseInsensitiveArray), 'idempotency_key...')", lib=True))),),
        (see("sentry.error", 2), spl_v(2), dd_v(), see("datadog.apm", **APM)),
        classes=(1, 2, 9), pair="lf-stripe-declined", entry="POST /packages/{package_id}/purchase"),
    # One availability calculator, two exceptions.
    Bug("lf-availability-division", "web", (Exc("DivisionByZeroError", "Division by zero", (*REQUEST, controller("TutorProfileController", "show", 27, "(Object(App\\Models\\Tutor))"), vsvc(AVAIL, "utilisation", 64, "(Object(App\\Models\\Tutor), 0)"))),),
        (see("sentry.error", 3), see("posthog"), spl_v(2), dd_v(), see("datadog.apm", **APM)),
        classes=(1, 2, 4), pair="lf-availability-null-week", entry="GET /tutors/{slug}"),
    Bug("lf-availability-null-week", "web", (Exc("TypeError", "App\\Services\\Scheduling\\AvailabilityCalculator::utilisation(): Argument #2 ($hoursPerWeek) must be of type int, null given, called in /var/task/app/Http/Controllers/TutorProfileController.php on line 27", (*REQUEST, controller("TutorProfileController", "show", 27, "(Object(App\\Models\\Tutor))"), vsvc(AVAIL, "utilisation", 58, "(Object(App\\Models\\Tutor), NULL)"))),),
        (see("sentry.error", 2), see("sentry.issue"), spl_v(2), dd_v(2)),
        classes=(1, 2, 4), pair="lf-availability-division", entry="GET /tutors/{slug}"),
    # One Zoom job, two failures under the same monitor and search.
    Bug("lf-zoom-timeout", "horizon", (Exc("Illuminate\\Http\\Client\\ConnectionException", "cURL error 28: Operation timed out after 15001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.zoom.us/v2/users/me/meetings", (*job("CreateZoomMeeting", 31), ZOOM, *HTTP_POST)),),
        (see("sentry.error", 3), spl_h(2), dd_h(2)),
        classes=(1, 2, 7), pair="lf-zoom-token", entry="App\\Jobs\\CreateZoomMeeting"),
    Bug("lf-zoom-token", "horizon", (Exc("Illuminate\\Http\\Client\\RequestException", 'HTTP request returned status code 401:\n{"code":124,"message":"Invalid access token."}\n', (*job("CreateZoomMeeting", 31), ZOOM, hp(HFW + "Http/Client/Response.php", "throw", 272, "Illuminate\\Http\\Client\\Response", "()", lib=True))),),
        (see("sentry.error", 2), spl_h(2), dd_h(), see("posthog")),
        classes=(1, 2), pair="lf-zoom-timeout", entry="App\\Jobs\\CreateZoomMeeting"),
    # Not pairs.
    Bug("lf-report-export-timeout", "web", (),
        (see("splunk", 2, **SPL_T), see("datadog.log", 2, **DD_T)),
        classes=(1, 2, 7), entry="GET /admin/reports/lessons.csv"),
    Bug("lf-invoice-pdf-memory", "web", (Exc("Symfony\\Component\\ErrorHandler\\Error\\FatalError", "Allowed memory size of 536870912 bytes exhausted (tried to allocate {n}4096 bytes)", (vp(TASK + "vendor/dompdf/dompdf/src/FrameReflower/Block.php", "reflow", 845, "Dompdf\\FrameReflower\\Block", "(NULL)", lib=True),)),),
        (see("sentry.error", 2), spl_v(2, trace=False), dd_v()),
        classes=(1, 2, 10), entry="GET /invoices/{invoice_id}.pdf"),
    Bug("lf-report-view-undefined", "web", (Exc("ErrorException", "Undefined variable $tutor", (*REQUEST, controller("LessonReportController", "show", 24, "(Object(App\\Models\\LessonReport))"), vp("storage/framework/views/5b2e8f1c0d9a4e7b6c3f2a1d8e9b0c7a.php", "require", 19, lib=True))),
                                               Exc("Illuminate\\View\\ViewException", "Undefined variable $tutor (View: /var/task/resources/views/reports/show.blade.php)", (*REQUEST, controller("LessonReportController", "show", 24, "(Object(App\\Models\\LessonReport))"), vp("resources/views/reports/show.blade.php", "require", 19, lib=True)))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog"), spl_v(2), dd_v()),
        classes=(1, 2, 5), entry="GET /reports/{report_id}", span=2),
    Bug("lf-recording-attempts", "horizon", (Exc("Illuminate\\Queue\\MaxAttemptsExceededException", "App\\Jobs\\FetchLessonRecording has been attempted too many times.", (hp("artisan", "{main}", 35, lib=True), hp(HFW + "Queue/Worker.php", "process", 417, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True), hp(HFW + "Queue/Worker.php", "markJobAsFailedIfAlreadyExceedsMaxAttempts", 542, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), 3)", lib=True), hp(HFW + "Queue/Worker.php", "maxAttemptsExceededException", 776, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True))),),
        (see("sentry.error", 2), spl_h(2), dd_h()),
        classes=(1, 2), entry="App\\Jobs\\FetchLessonRecording"),
    Bug("lf-lesson-model-missing", "horizon", (Exc("Illuminate\\Database\\Eloquent\\ModelNotFoundException", "No query results for model [App\\Models\\Lesson] {id}", (hp("artisan", "{main}", 35, lib=True), hp(HFW + "Queue/CallQueuedHandler.php", "call", 63, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True), hp(HFW + "Queue/CallQueuedHandler.php", "getCommand", 97, "Illuminate\\Queue\\CallQueuedHandler", "(Array)", lib=True), hp(HFW + "Queue/SerializesAndRestoresModelIdentifiers.php", "restoreModel", 108, "App\\Jobs\\SendLessonReminder", "(Object(Illuminate\\Contracts\\Database\\ModelIdentifier))", lib=True), hp(HFW + "Database/Eloquent/Builder.php", "firstOrFail", 601, "Illuminate\\Database\\Eloquent\\Builder", "()", lib=True))),),
        (see("sentry.error", 2), spl_h(2, lines=4), dd_h()),
        classes=(1, 2), entry="App\\Jobs\\SendLessonReminder"),
    Bug("lf-redis-horizon-refused", "horizon", (Exc("Predis\\Connection\\ConnectionException", "Connection refused [tcp://qf-redis.abc123.euw2.cache.amazonaws.com:6379]", (hp("artisan", "{main}", 35, lib=True), hp(HFW + "Queue/Worker.php", "daemon", 150, "Illuminate\\Queue\\Worker", "('redis', 'default', Object(Illuminate\\Queue\\WorkerOptions))", lib=True), hp(HFW + "Queue/RedisQueue.php", "pop", 236, "Illuminate\\Queue\\RedisQueue", "('default')", lib=True), hp(BOX + "vendor/predis/predis/src/Connection/AbstractConnection.php", "onConnectionError", 131, "Predis\\Connection\\AbstractConnection", "('Connection refu...', 111)", lib=True))),),
        (see("sentry.error", 2), spl_h(3), dd_h(2)),
        classes=(1, 2, 7), entry="horizon:work"),
    Bug("lf-singleton-webhook-json", "web", (Exc("JsonException", "Syntax error", (*REQUEST, controller("ZoomWebhookController", "__invoke", 19), Frame("json_decode", "", 0, "", False, args="('<!DOCTYPE html>...', true, 512, 4194304)"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /webhooks/zoom"),
]

NOISE = [
    Noise("lf-noise-vapor-deploy", "web", "datadog.event", {"monitor": "Vapor deployment", "text": "Vapor deployment of quayford (production) finished: quayford@2026.03.09, 212 MB package, assets uploaded.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "tutors", "release": "1"}),
    Noise("lf-noise-horizon-recovered", "horizon", "datadog.log", {"monitor": "[horizon] laravel.log errors", "transition": "Recovered", "alert_type": "success", "team": "tutors", "filter": "service:horizon source:laravel status:error host:horizon-01", "text": "Horizon on horizon-01 is no longer logging errors."}),
    Noise("lf-noise-splunk-cold-start", "web", "splunk", {"search": "Quayford - Vapor errors (CloudWatch)", "owner": "qf_ops", "app": "quayford", "line": "REPORT RequestId: {uuid}\tDuration: 812.44 ms\tBilled Duration: 1153 ms\tMemory Size: 1024 MB\tMax Memory Used: 188 MB\tInit Duration: 340.12 ms"}),
]

QUAYFORD = Company(
    key="lf",
    name="Quayford Tutors",
    domain="quayford-tutors.example",
    sentry_org="quayford",
    splunk_url="https://quayford.splunkcloud.com",
    splunk_guid="3E7A1C90-5B2D-4F88-9C14-6D0A2B7E3F51",
    datadog_org=("1051001", "Quayford Tutors"),
    datadog_template="recommended",
    posthog_project=(105101, "Quayford Tutors"),
    releases=RELEASES,
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quayford-sentry-client-secret",
)
# fmt: on
