"""(df) Dufton Leisure, swimming-pool and gym class bookings for a council leisure trust:
an ASP.NET Core 8 minimal API with EF Core over Npgsql (``bookings-api``: memberships, class
bookings, pay-as-you-go passes) and a worker service running Quartz.NET 3.13 jobs
(``scheduler``: waiting-list promotion, direct-debit runs, instructor rota imports).

Logs are Microsoft.Extensions.Logging's console only: the API in containers uses the simple
console formatter (``fail: Category[EventId]`` with a UTC timestamp, message and exception
indented below), the scheduler runs as a systemd unit on two VMs with
``AddSystemdConsole`` (``<3>`` priority, one line per record); journald forwards to Splunk.
Sentry (Sentry.AspNetCore, and the scheduler's own SentrySdk calls in a Quartz job listener)
and Datadog log and APM monitors with Datadog's default payload. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

SDK_V = "4.13.0"
# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "bookings-api": Service("bookings-api", "csharp", "df-mel-simple", "dufton:bookings-api:console", "/var/log/containers/bookings-api.log", "dufton", 6602210, ".NET 8.0.11", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", SDK_V, "nuget:Sentry.AspNetCore")),
    "scheduler": Service("scheduler", "csharp", "df-mel-systemd", "journald", "journald://dufton-scheduler.service", "dufton", 6602213, ".NET 8.0.11", framework="quartz", sdk=("sentry.dotnet", SDK_V, "nuget:Sentry")),
}

API = "/src/src/Dufton.Bookings.Api/"
JOBS = "/src/src/Dufton.Scheduler/"

# Kestrel to a minimal API handler: the RequestDelegateFactory awaits the handler's Task.
MINIMAL = (
    cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)", lib=True),
    cs("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl", "<Invoke>g__Awaited|10_0", "(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)", lib=True),
    cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "ExecuteTaskResult[T]", "(Task`1 task, HttpContext httpContext)", lib=True, boundary=True),
)
QUARTZ = (
    cs("Quartz.Core.JobRunShell", "Run", "(CancellationToken cancellationToken)", lib=True, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),
)
SINGLE = (
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)


def api(cls: str, method: str, args: str, line: int, *, boundary: bool = False) -> Frame:
    return cs("Dufton.Bookings.Api." + cls, method, args, API + cls.replace(".", "/") + ".cs", line, boundary=boundary)


def job(cls: str, method: str, args: str, line: int, *, boundary: bool = False) -> Frame:
    return cs("Dufton.Scheduler." + cls, method, args, JOBS + cls.replace(".", "/") + ".cs", line, boundary=boundary)


def unique(index: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    return (
        Exc("Npgsql.PostgresException", f"23505: duplicate key value violates unique constraint \"{index}\"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify 'Include Error Detail' in the connection string to include this information.", NPGSQL),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*frames, *EF_SAVE)),
    )


NRE = "Object reference not set to an instance of an object."
API_LOG = dict(logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", log="An unhandled exception has occurred while executing the request.")


def quartz(name: str) -> dict[str, str]:
    """Quartz's JobRunShell line for a job that threw (the JobKey as ``group.name``)."""
    return dict(logger="Quartz.Core.JobRunShell", log=f"Job Dufton.{name} threw an unhandled Exception: ", entry=name)


DD_API = dict(team="leisure", monitor="bookings-api unhandled exceptions", filter="service:bookings-api status:error")
DD_JOBS = dict(team="leisure", monitor="scheduler job failures", filter="service:scheduler status:error")

BUGS = [
    # One NullReferenceException text: the booking endpoint's member and the waiting-list job's.
    Bug("df-book-nre", "bookings-api", (Exc("System.NullReferenceException", NRE, (*MINIMAL, api("Endpoints.BookingEndpoints", "BookClassAsync", "(Guid classId, BookClassRequest request, BookingService bookings, ClaimsPrincipal user)", 47, boundary=True), api("Bookings.BookingService", "Book", "(Session session, Member member)", 83))),),
        (see("sentry.error", 3), see("splunk", 3), see("datadog.log", style="kind", **DD_API)),
        classes=(4, 1), pair="df-waitlist-nre", entry="POST /classes/{id}/bookings", **API_LOG),
    Bug("df-waitlist-nre", "scheduler", (Exc("System.NullReferenceException", NRE, (*QUARTZ, job("Jobs.PromoteWaitingListJob", "Execute", "(IJobExecutionContext context)", 36, boundary=True), job("WaitingList.Promoter", "NextInLine", "(Session session)", 58))),),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", style="kind", **DD_JOBS)),
        classes=(4, 1), pair="df-book-nre", **quartz("PromoteWaitingListJob")),
    # Two unique indexes: a pass bought twice from one checkout, a direct debit collected twice.
    Bug("df-dup-pass", "bookings-api", unique("IX_Passes_PaymentIntentId", (*MINIMAL, api("Endpoints.PassEndpoints", "PurchaseAsync", "(PurchasePassRequest request, LeisureDbContext db)", 62, boundary=True))),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.apm", team="leisure")),
        classes=(3, 4), pair="df-dup-debit", entry="POST /passes", **API_LOG),
    Bug("df-dup-debit", "scheduler", unique("IX_Collections_MandateId_DueOn", (*QUARTZ, job("Jobs.DirectDebitRunJob", "Execute", "(IJobExecutionContext context)", 71, boundary=True))),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", style="stack", lines=5, **DD_JOBS)),
        classes=(3, 4), pair="df-dup-pass", **quartz("DirectDebitRunJob")),
    # One timetable query, two exceptions: no session for a slot and more than one.
    Bug("df-timetable-none", "bookings-api", (Exc("System.InvalidOperationException", "Sequence contains no elements", (*MINIMAL, api("Endpoints.TimetableEndpoints", "GetSlotAsync", "(String venue, DateOnly day, TimeOnly start, TimetableService timetable)", 29, boundary=True), api("Timetable.TimetableService", "SlotAt", "(String venue, DateOnly day, TimeOnly start)", 44), *SINGLE)),),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.apm", team="leisure")),
        classes=(1,), pair="df-timetable-many", entry="GET /venues/{venue}/timetable/{day}", **API_LOG),
    Bug("df-timetable-many", "bookings-api", (Exc("System.InvalidOperationException", "Sequence contains more than one element", (*MINIMAL, api("Endpoints.TimetableEndpoints", "GetSlotAsync", "(String venue, DateOnly day, TimeOnly start, TimetableService timetable)", 29, boundary=True), api("Timetable.TimetableService", "SlotAt", "(String venue, DateOnly day, TimeOnly start)", 44), cs("System.Linq.ThrowHelper", "ThrowMoreThanOneElementException", "()", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("datadog.apm", team="leisure")),
        classes=(1, 6), pair="df-timetable-none", entry="GET /venues/{venue}/timetable/{day}", **API_LOG),
    # Two jobs under one Datadog monitor: the rota import's CSV and the bank's SFTP refusing.
    Bug("df-rota-csv", "scheduler", (Exc("CsvHelper.TypeConversion.TypeConverterException", "The conversion cannot be performed.\n    Text: '{n}:60'\n    MemberName: StartsAt\n    MemberType: System.TimeOnly\n    TypeConverter: 'CsvHelper.TypeConversion.TimeOnlyConverter'", (*QUARTZ, job("Jobs.InstructorRotaImportJob", "Execute", "(IJobExecutionContext context)", 42, boundary=True), cs("CsvHelper.CsvReader", "GetRecordsAsync[T]+MoveNext", "()", lib=True, boundary=True))),),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", 2, style="sample", **DD_JOBS)),
        classes=(2, 8), pair="df-sftp-auth", **quartz("InstructorRotaImportJob")),
    Bug("df-sftp-auth", "scheduler", (Exc("Renci.SshNet.Common.SshAuthenticationException", "Permission denied (publickey).", (*QUARTZ, job("Jobs.DirectDebitRunJob", "UploadBacsFileAsync", "(String path, CancellationToken ct)", 118, boundary=True), cs("Renci.SshNet.ClientAuthentication", "Authenticate", "(IConnectionInfoInternal connectionInfo, ISession session)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", 2, style="sample", **DD_JOBS)),
        classes=(2,), pair="df-rota-csv", **quartz("DirectDebitRunJob")),
    # Minimal API's own binding failure: a JSON body with a date the converter refuses.
    Bug("df-bind-dateonly", "bookings-api", (Exc("System.FormatException", "The JSON value is not in a supported DateOnly format.", (cs("System.Text.Json.ThrowHelper", "ThrowFormatException", "(DataType dataType)", lib=True),)), Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateOnly. Path: $.startsOn | LineNumber: 0 | BytePositionInLine: {n}.", (cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True),)), Exc("Microsoft.AspNetCore.Http.BadHttpRequestException", "Failed to read parameter \"CreateMembershipRequest request\" from the request body as JSON.", (cs("Microsoft.AspNetCore.Http.RequestDelegateFactory+Log", "InvalidJsonRequestBody", "(HttpContext httpContext, String parameterTypeName, String parameterName, Exception exception, Boolean shouldThrow)", lib=True),))),
        (see("sentry.error", 2), see("splunk", 3, event_id=2), see("datadog.log", style="kind", **DD_API)),
        classes=(10,), entry="POST /memberships", logger="Microsoft.AspNetCore.Http.RequestDelegateFactory", log="Failed to read parameter \"CreateMembershipRequest request\" from the request body as JSON."),
    # The waiting-list SMS sender over three releases, its caller renamed.
    Bug("df-sms-429", "scheduler", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 429 (Too Many Requests).", (*QUARTZ, job("Jobs.PromoteWaitingListJob", "Execute", "(IJobExecutionContext context)", 52, boundary=True), job("Notifications.SmsNotifier", "SendPlaceOfferedAsync", "(Member member, Session session)", 39, boundary=True), cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True))),),
        (see("sentry.error", 3), see("splunk", 3), see("datadog.log", style="kind", **DD_JOBS)),
        classes=(5,), span=3, renames={"SendPlaceOfferedAsync": "SendOfferAsync"}, **quartz("PromoteWaitingListJob")),
    # Npgsql's pool exhausted during the Monday 07:00 rush, API only.
    Bug("df-pool-exhausted", "bookings-api", (Exc("System.InvalidOperationException", "An exception has been raised that is likely due to a transient failure.", (*MINIMAL, api("Endpoints.BookingEndpoints", "BookClassAsync", "(Guid classId, BookClassRequest request, BookingService bookings, ClaimsPrincipal user)", 44, boundary=True), cs("Microsoft.EntityFrameworkCore.Storage.ExecutionStrategy", "ExecuteAsync[TState,TResult]", "(TState state, Func`4 operation, Func`4 verifySucceeded, CancellationToken cancellationToken)", lib=True, boundary=True))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="type", team="leisure")),
        classes=(2,), entry="POST /classes/{id}/bookings", **API_LOG),
    # The same HttpRequestException text from the API's card-payment call and the scheduler's
    # refund job: the payment provider's TLS endpoint down.
    Bug("df-payments-down-api", "bookings-api", (Exc("System.Net.Sockets.SocketException", "Connection refused", ()), Exc("System.Net.Http.HttpRequestException", "Connection refused (pay.opayo.example:443)", (*MINIMAL, api("Endpoints.PassEndpoints", "PurchaseAsync", "(PurchasePassRequest request, LeisureDbContext db)", 51, boundary=True), api("Payments.CardPayments", "AuthoriseAsync", "(Money amount, String token)", 27, boundary=True), cs("System.Net.Http.HttpConnectionPool", "ConnectToTcpHostAsync", "(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)", lib=True)))),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", team="leisure")),
        classes=(4, 9), pair="df-payments-down-refund", entry="POST /passes", **API_LOG),
    Bug("df-payments-down-refund", "scheduler", (Exc("System.Net.Sockets.SocketException", "Connection refused", ()), Exc("System.Net.Http.HttpRequestException", "Connection refused (pay.opayo.example:443)", (*QUARTZ, job("Jobs.CancelledClassRefundJob", "Execute", "(IJobExecutionContext context)", 33, boundary=True), job("Payments.Refunds", "RefundAsync", "(Booking booking)", 20, boundary=True), cs("System.Net.Http.HttpConnectionPool", "ConnectToTcpHostAsync", "(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)", lib=True)))),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", style="kind", **DD_JOBS)),
        classes=(4, 9), pair="df-payments-down-api", **quartz("CancelledClassRefundJob")),
    # Singleton: a job type Quartz cannot build after its constructor gained a dependency.
    Bug("df-job-ctor", "scheduler", (Exc("System.InvalidOperationException", "Unable to resolve service for type 'Dufton.Scheduler.Notifications.IPushNotifier' while attempting to activate 'Dufton.Scheduler.Jobs.ClassReminderJob'.", (cs("Microsoft.Extensions.DependencyInjection.ActivatorUtilities", "GetService", "(IServiceProvider sp, Type type, Type implementationType, Boolean isDefaultParameterRequired)", lib=True),)),),
        (see("sentry.error"),), singleton=True, **quartz("ClassReminderJob")),
]

NOISE = [
    Noise("df-noise-quartz-start", "scheduler", "splunk", {"search": "scheduler - errors", "line": "<6>Quartz.Core.QuartzScheduler[0] Scheduler DuftonScheduler_$_NON_CLUSTERED started."}),
    Noise("df-noise-deploy", "bookings-api", "datadog.event", {"monitor": "Deployed bookings-api 2.8.0", "text": "GitHub Actions deployed bookings-api 2.8.0 to production (rolling, 4 of 4 replicas).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("df-noise-recovered", "scheduler", "datadog.log", {"monitor": "scheduler job failures", "transition": "Recovered", "alert_type": "success", "text": "scheduler job failures are back to normal.", "team": "leisure", "filter": "service:scheduler status:error"}),
]

DUFTON = Company(
    key="df",
    name="Dufton Leisure",
    domain="dufton.example",
    sentry_org="dufton-leisure",
    splunk_url="https://splunk.dufton.example:8000",
    splunk_guid="0F6B9D31-2E8C-4A5F-B7D4-C19E3A0F5B62",
    datadog_org=("3317720", "Dufton Leisure"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("2.7.4", "2.8.0", "2.8.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dufton-sentry-client-secret",
)
