"""(hk) Rosthwaite Veterinary Group, appointments and repeat prescriptions for pets: a .NET 8
ASP.NET Core Web API with controllers (``clinic-api``: appointments, prescriptions, pets,
pricing; EF Core 8 over PostgreSQL with Npgsql, Redis output cache through
StackExchange.Redis, Stripe.net) and a worker (``reminder-worker``, a ``BackgroundService``
sending vaccination reminders by SMS and exporting insurance claims).

Both log through Serilog on its default text templates: the API to a rolling file
(``{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}``)
that a universal forwarder reads, with Serilog.AspNetCore's request logging
(``HTTP POST /x responded 500 in 12.3456 ms`` over the exception) next to ASP.NET Core's
``An unhandled exception has occurred while executing the request.``; the worker to the
console sink (``[HH:mm:ss ERR] message``), read by Splunk Connect for Kubernetes; one
forwarder stanza cuts events after a few lines. Sentry: Sentry.AspNetCore and
Sentry.Extensions.Logging. PostHog: posthog-dotnet's ``CaptureException`` in the API's
exception handler. Datadog: APM by type and log monitors pasting ``{{log.message}}``. This
company has all four tools.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import ASPNET, cs

# fmt: off
SDK = ("sentry.dotnet.aspnetcore", "4.13.0", "nuget:Sentry.AspNetCore")
WSDK = ("sentry.dotnet.extensions.logging", "4.13.0", "nuget:Sentry.Extensions.Logging")
SERVICES = {
    "clinic-api": Service("clinic-api", "csharp", "hk-serilog-file", "rosthwaite:serilog", "/var/log/rosthwaite/clinic-api-20260302.log", "hk_app", 5520301, ".NET 8.0.11", framework="aspnetcore", sdk=SDK),
    "reminder-worker": Service("reminder-worker", "csharp", "hk-serilog-console", "kube:container:reminder-worker", "/var/log/containers/reminder-worker_vets_reminder-worker.log", "hk_k8s", 5520302, ".NET 8.0.11", framework="generic", sdk=WSDK),
}
SRC = "/src/Rosthwaite.Clinic.Api/"
WRK = "/src/Rosthwaite.Reminders.Worker/"
WORKER = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    cs("Rosthwaite.Reminders.Worker.ReminderWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", f"{WRK}ReminderWorker.cs", 52, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True),
)
FIRST = (
    cs("Microsoft.EntityFrameworkCore.Query.ShapedQueryCompilingExpressionVisitor", "SingleAsync[TSource]", "(IAsyncEnumerable`1 asyncEnumerable, CancellationToken cancellationToken)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)
HTTP = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
DICT = cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True)
LOOKUP = cs("Rosthwaite.Shared.Codes.CodeLookup", "Resolve", "(String table, String code)", "/src/Rosthwaite.Shared/Codes/CodeLookup.cs", 31, boundary=False)


def ctl(name: str, method: str, line: int, args: str = "(CancellationToken ct)") -> tuple:
    return (*ASPNET, cs(f"Rosthwaite.Clinic.Api.Controllers.{name}", method, args, f"{SRC}Controllers/{name}.cs", line, boundary=True))


def svc(name: str, method: str, line: int, args: str = "()") -> object:
    return cs(f"Rosthwaite.Clinic.Api.Services.{name}", method, args, f"{SRC}Services/{name}.cs", line, boundary=True)


def wk(name: str, method: str, line: int, args: str = "(CancellationToken ct)") -> object:
    return cs(f"Rosthwaite.Reminders.Worker.{name}", method, args, f"{WRK}{name.replace('.', '/')}.cs", line, boundary=True)


UNHANDLED = "An unhandled exception has occurred while executing the request."
HANDLER = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
API = {"search": "rosthwaite clinic-api [ERR]", "app": "vets"}
REQ = {"search": "rosthwaite clinic-api [ERR]", "app": "vets", "format": "hk-serilog-request"}
CUT = {"search": "rosthwaite clinic-api [ERR]", "app": "vets", "half": True, "keep": 4}
WRKS = {"search": "rosthwaite reminder-worker errors", "app": "vets"}
DDA = dict(team="clinic", monitor="[rosthwaite] clinic-api error logs", filter="service:clinic-api status:error", text="New errors in **{{log.service}}**:\n\n```\n{{log.message}}\n```", sample_lines=8)
DDW = dict(team="clinic", monitor="[rosthwaite] reminder-worker errors", filter="service:reminder-worker status:error", style="sample")
APM = dict(team="clinic", monitor="[rosthwaite] aspnet_core.request errors by type", style="type")
NRE = "Object reference not set to an instance of an object."
PGX = "Npgsql.PostgresException"
DBU = "Microsoft.EntityFrameworkCore.DbUpdateException"
DBU_MSG = "An error occurred while saving the entity changes. See the inner exception for details."
REDACTED = "\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify 'Include Error Detail' in the connection string to include this information."
KEY = "The given key '{seg}' was not present in the dictionary."


def unique(index: str, frames: tuple) -> tuple[Exc, Exc]:
    return (Exc(PGX, f'23505: duplicate key value violates unique constraint "{index}"' + REDACTED, NPGSQL), Exc(DBU, DBU_MSG, (*frames, *EF_SAVE)))


BUGS = [
    # The same NullReferenceException in two controllers.
    Bug("hk-reschedule-nre", "clinic-api", (Exc("System.NullReferenceException", NRE, (*ctl("AppointmentsController", "Reschedule", 58, "(Guid id, RescheduleRequest body, CancellationToken ct)"), svc("SlotService", "FindNextAsync", 77, "(Clinic clinic, DateOnly from, CancellationToken ct)"))),),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("splunk", 2, **API), see("splunk", **REQ), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4, 5), pair="hk-renew-nre", log=UNHANDLED, logger=HANDLER, entry="POST /api/appointments/{id}/reschedule", span=2, renames={"Reschedule": "RescheduleAsync"}),
    Bug("hk-renew-nre", "clinic-api", (Exc("System.NullReferenceException", NRE, (*ctl("PrescriptionsController", "Renew", 41, "(Guid id, CancellationToken ct)"), svc("DosageCalculator", "ForWeight", 23, "(Pet pet, Medicine medicine)"))),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **DDA)),
        classes=(4,), pair="hk-reschedule-nre", log=UNHANDLED, logger=HANDLER, entry="POST /api/prescriptions/{id}/renew"),
    # One SaveChangesAsync, two unique indexes.
    Bug("hk-dup-slot", "clinic-api", unique("IX_Appointments_VetId_StartsAt", (*ctl("AppointmentsController", "Book", 33, "(BookAppointmentRequest body, CancellationToken ct)"), svc("BookingService", "BookAsync", 61, "(BookAppointmentRequest request, CancellationToken ct)"))),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("posthog"), see("datadog.apm", **APM)),
        classes=(4,), pair="hk-dup-microchip", log=UNHANDLED, logger=HANDLER, entry="POST /api/appointments"),
    Bug("hk-dup-microchip", "clinic-api", unique("IX_Pets_MicrochipNumber", (*ctl("PetsController", "Register", 27, "(RegisterPetRequest body, CancellationToken ct)"), svc("PetService", "RegisterAsync", 44, "(RegisterPetRequest request, CancellationToken ct)"))),
        (see("sentry.error", 2), see("splunk", 2, **API), see("splunk", **REQ), see("datadog.log", **DDA)),
        classes=(4,), pair="hk-dup-slot", log=UNHANDLED, logger=HANDLER, entry="POST /api/pets"),
    # "Sequence contains no elements." in the API and in the worker.
    Bug("hk-hours-none", "clinic-api", (Exc("System.InvalidOperationException", "Sequence contains no elements.", (*ctl("ClinicsController", "OpeningHours", 19, "(Int32 clinicId, DateOnly day, CancellationToken ct)"), svc("ClinicService", "OpeningHoursAsync", 38, "(Int32 clinicId, DayOfWeek day, CancellationToken ct)"), *FIRST)),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog"), see("datadog.apm", **APM)),
        classes=(4,), pair="hk-template-none", log=UNHANDLED, logger=HANDLER, entry="GET /api/clinics/{id}/hours"),
    Bug("hk-template-none", "reminder-worker", (Exc("System.InvalidOperationException", "Sequence contains no elements.", (*WORKER, wk("Reminders.ReminderComposer", "ComposeAsync", 29, "(Reminder reminder, CancellationToken ct)"), wk("Reminders.TemplateStore", "ForSpeciesAsync", 18, "(String species, String locale, CancellationToken ct)"), *FIRST)),),
        (see("sentry.error", 2), see("splunk", 3, **WRKS), see("datadog.log", **DDW)),
        classes=(4,), pair="hk-hours-none", log="Reminder {ReminderId} could not be composed", logger="Rosthwaite.Reminders.Worker.Reminders.ReminderComposer", entry="ReminderWorker"),
    # One SMS gateway helper: a timeout and a 429.
    Bug("hk-sms-timeout", "reminder-worker", (Exc("System.TimeoutException", "The operation was canceled.", ()),
         Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.", (*WORKER, wk("Reminders.ReminderSender", "SendDueAsync", 47), wk("Sms.SmsGateway", "SendAsync", 36, "(String to, String body, CancellationToken ct)"), *HTTP))),
        (see("sentry.error", 3), see("splunk", 2, **WRKS), see("datadog.log", **DDW, sample_lines=3)),
        classes=(9,), pair="hk-sms-429", log="Sending reminder {ReminderId} failed", logger="Rosthwaite.Reminders.Worker.Reminders.ReminderSender", entry="ReminderWorker"),
    Bug("hk-sms-429", "reminder-worker", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 429 (Too Many Requests).", (*WORKER, wk("Reminders.ReminderSender", "SendDueAsync", 47), wk("Sms.SmsGateway", "SendAsync", 41, "(String to, String body, CancellationToken ct)"), cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True))),),
        (see("sentry.error", 2), see("sentry.alert", rule="Worker errors"), see("splunk", 2, **WRKS), see("datadog.log", **DDW)),
        classes=(9,), pair="hk-sms-timeout", log="Sending reminder {ReminderId} failed", logger="Rosthwaite.Reminders.Worker.Reminders.ReminderSender", entry="ReminderWorker"),
    # One code lookup helper at the end of two bugs: species codes when booking, breed codes in the insurance export.
    Bug("hk-species-code", "clinic-api", (Exc("System.Collections.Generic.KeyNotFoundException", KEY, (*ctl("PricingController", "Quote", 22, "(QuoteRequest body, CancellationToken ct)"), svc("PricingService", "FeeFor", 54, "(String speciesCode, String procedure)"), LOOKUP, DICT)),),
        (see("sentry.error", 2), see("splunk", 2, **CUT), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(9, 10), pair="hk-breed-code", log=UNHANDLED, logger=HANDLER, entry="POST /api/pricing/quote"),
    Bug("hk-breed-code", "reminder-worker", (Exc("System.Collections.Generic.KeyNotFoundException", KEY, (*WORKER, wk("Insurance.ClaimExporter", "ExportAsync", 63), wk("Insurance.ClaimMapper", "Map", 88, "(Claim claim)"), LOOKUP, DICT)),),
        (see("sentry.error", 3), see("splunk", 2, **WRKS), see("datadog.log", **DDW)),
        classes=(9,), pair="hk-species-code", log="Insurance export failed for claim {ClaimId}", logger="Rosthwaite.Reminders.Worker.Insurance.ClaimExporter", entry="ReminderWorker"),
    # Two failures of the worker's reminder loop under one monitor: a read timeout and a disposed DbContext.
    Bug("hk-due-read-timeout", "reminder-worker", (Exc("System.TimeoutException", "Timeout during reading attempt", (cs("Npgsql.Internal.NpgsqlReadBuffer", "<Ensure>g__EnsureLong|55_0", "(NpgsqlReadBuffer buffer, Int32 count, Boolean async, Boolean readingNotifications)", lib=True),)),
         Exc("Npgsql.NpgsqlException", "Exception while reading from stream", (*WORKER, wk("Reminders.ReminderRepository", "DueAsync", 27, "(DateTime now, CancellationToken ct)"), *NPGSQL))),
        (see("sentry.error", 2), see("splunk", 2, **WRKS), see("datadog.log", **DDW, sample_lines=4)),
        classes=(2,), pair="hk-disposed-context", log="Reminder loop failed", logger="Rosthwaite.Reminders.Worker.ReminderWorker", entry="ReminderWorker"),
    Bug("hk-disposed-context", "reminder-worker", (Exc("System.ObjectDisposedException", "Cannot access a disposed context instance. A common cause of this error is disposing a context instance that was resolved from dependency injection and then later trying to use the same context instance elsewhere in your application. This may occur if you are calling 'Dispose' on the context instance, or wrapping it in a using statement. If you are using dependency injection, you should let the dependency injection container take care of disposing context instances.\nObject name: 'VetsDbContext'.", (*WORKER, wk("Reminders.ReminderScheduler", "<QueueDue>b__9_0", 71, "()"), cs("Microsoft.EntityFrameworkCore.DbContext", "CheckDisposed", "()", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WRKS), see("datadog.log", **DDW, sample_lines=4)),
        classes=(2,), pair="hk-due-read-timeout", log="Reminder loop failed", logger="Rosthwaite.Reminders.Worker.ReminderWorker", entry="ReminderWorker"),
    # Not pairs.
    Bug("hk-card-declined", "clinic-api", (Exc("Stripe.StripeException", "Your card was declined.", (*ctl("PaymentsController", "Capture", 38, "(Guid appointmentId, CancellationToken ct)"), svc("PaymentService", "CaptureDepositAsync", 66, "(Appointment appointment, CancellationToken ct)"), cs("Stripe.StripeClient", "RequestAsync[T]", "(HttpMethod method, String path, BaseOptions options, RequestOptions requestOptions, CancellationToken cancellationToken)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog"), see("datadog.apm", **APM)),
        log=UNHANDLED, logger=HANDLER, entry="POST /api/payments/{id}/capture"),
    Bug("hk-redis-timeout", "clinic-api", (Exc("StackExchange.Redis.RedisTimeoutException", "Timeout awaiting response (outbound=0KiB, inbound=0KiB, 5000ms elapsed, timeout is 5000ms), command=GET, next: GET __MsOutputCache_{hex}, inst: 0, qu: 0, qs: {n}, aw: False, bw: SpinningDown, rs: ReadAsync, ws: Idle, in: 0, serverEndpoint: redis.vets.svc:6379, mc: 1/1/0, mgr: 10 of 10 available, clientName: {hex}, IOCP: (Busy=0,Free=1000,Min=1,Max=1000), WORKER: (Busy={n},Free=32717,Min=2,Max=32767), POOL: (Threads={n},QueuedItems=0,CompletedItems={id},Timers=9), v: 2.7.33.41805 (Please take a look at this article for some common client-side issues that can cause timeouts: https://stackexchange.github.io/StackExchange.Redis/Timeouts)", (cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)", lib=True), cs("Microsoft.AspNetCore.OutputCaching.OutputCacheMiddleware", "InvokeAwaited", "(HttpContext httpContext, IReadOnlyList`1 policies)", lib=True), cs("Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheStore", "GetAsync", "(String key, CancellationToken cancellationToken)", lib=True), cs("StackExchange.Redis.ConnectionMultiplexer", "ExecuteAsyncImpl[T]", "(Message message, ResultProcessor`1 processor, Object state, ServerEndPoint server)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.apm", **APM), see("datadog.log", **DDA)),
        classes=(1, 2), log=UNHANDLED, logger=HANDLER, entry="GET /api/clinics"),
    Bug("hk-automapper", "clinic-api", (Exc("AutoMapper.AutoMapperMappingException", "Missing type map configuration or unsupported mapping.\n\nMapping types:\nVaccination -> VaccinationDto\nRosthwaite.Clinic.Api.Domain.Vaccination -> Rosthwaite.Clinic.Api.Contracts.VaccinationDto", (*ctl("PetsController", "Vaccinations", 71, "(Guid id, CancellationToken ct)"), cs("AutoMapper.Mapper", "Map[TDestination]", "(Object source)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **REQ), see("posthog"), see("datadog.apm", **APM)),
        classes=(1, 5), log=UNHANDLED, logger=HANDLER, entry="GET /api/pets/{id}/vaccinations", span=3),
    Bug("hk-host-crash", "reminder-worker", (Exc("System.Net.Sockets.SocketException", "Connection refused", ()),
         Exc("Npgsql.NpgsqlException", "Failed to connect to {ip}:5432", (cs("Rosthwaite.Reminders.Worker.Program", "<Main>$", "(String[] args)", f"{WRK}Program.cs", 41), cs("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "MigrateAsync", "(DatabaseFacade databaseFacade, CancellationToken cancellationToken)", lib=True), cs("Npgsql.Internal.NpgsqlConnector", "Connect", "(NpgsqlTimeout timeout)", lib=True)))),
        (see("sentry.error", 2), see("splunk", 2, level="FTL", **WRKS), see("datadog.log", **DDW, level="FTL")),
        classes=(1,), log="Host terminated unexpectedly", logger="Rosthwaite.Reminders.Worker.Program", entry="ReminderWorker"),
    Bug("hk-concurrency", "clinic-api", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.", (*ctl("AppointmentsController", "CheckIn", 84, "(Guid id, CancellationToken ct)"), svc("BookingService", "CheckInAsync", 102, "(Guid appointmentId, CancellationToken ct)"), *EF_SAVE)),),
        (see("sentry.error", 2), see("splunk", 1, **API), see("splunk", 1, **CUT), see("datadog.log", **DDA)),
        classes=(10,), log=UNHANDLED, logger=HANDLER, entry="POST /api/appointments/{id}/check-in"),
    Bug("hk-pdf-font", "reminder-worker", (Exc("QuestPDF.Drawing.Exceptions.DocumentDrawingException", "Could not find an appropriate font fallback for glyph: U+{n}F{idx}A", (*WORKER, wk("Insurance.ClaimExporter", "ExportAsync", 71), wk("Insurance.ClaimPdf", "Render", 22, "(Claim claim)"), cs("QuestPDF.Fluent.GenerateExtensions", "GeneratePdf", "(IDocument document)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WRKS)),
        log="Insurance export failed for claim {ClaimId}", logger="Rosthwaite.Reminders.Worker.Insurance.ClaimExporter", entry="ReminderWorker"),
    Bug("hk-singleton-format", "clinic-api", (Exc("System.FormatException", "The input string '{n}.{n},{idx}' was not in a correct format.", (*ctl("PetsController", "RecordWeight", 96, "(Guid id, String kg, CancellationToken ct)"), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/pets/{id}/weight"),
]

NOISE = [
    Noise("hk-noise-started", "reminder-worker", "splunk", {"search": "rosthwaite reminder-worker errors", "app": "vets", "line": "[{hms} INF] Application started. Hosting environment: Production; Content root path: /app"}),
    Noise("hk-noise-deploy", "clinic-api", "datadog.event", {"monitor": "Deploy", "text": "clinic-api 4.8.1 deployed to vets-prod (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "clinic"}),
    Noise("hk-noise-recovered", "clinic-api", "datadog.log", {"monitor": "[rosthwaite] clinic-api error logs", "text": "Recovered: clinic-api error logs back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "clinic"}),
]

ROSTHWAITE = Company(
    key="hk",
    name="Rosthwaite Veterinary Group",
    domain="rosthwaite-vets.example",
    sentry_org="rosthwaite",
    splunk_url="https://rosthwaite.splunkcloud.com",
    splunk_guid="3F6B2A91-0C47-4D85-B1E3-7A9C5D20E864",
    datadog_org=("815530", "Rosthwaite Veterinary Group"),
    datadog_template="recommended",
    posthog_project=(71230, "Rosthwaite clinic"),
    releases=("4.7.2", "4.8.0", "4.8.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="rosthwaite-sentry-client-secret",
)
# fmt: on
