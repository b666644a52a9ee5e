"""(iv) Mardale Dental, a group of dental practices: a .NET 8 Blazor Server portal
(``clinic-portal``: patients book, move and cancel appointments, fill in medical history and
insurance forms; staff see the day's diary; EF Core 8 on SQL Server, a calendar widget over JS
interop, an SMS gateway over HttpClient) and a .NET 8 worker (``reminder-worker``: a
``BackgroundService`` sending appointment reminders by SMS and email).

Logs: Microsoft.Extensions.Logging's simple console formatter without colours (``iv-simple``:
``fail: Category[EventId]`` then the message and the exception's ``ToString()``, indented), read
only by Datadog log monitors pasting ``{{log.message}}``: the circuit host's ``Unhandled
exception in circuit '<id>'.`` when a component throws, and the code's ``LogError(ex, ...)``.
Sentry: Sentry.AspNetCore (the circuit errors reach it through the logging integration) and
Sentry.Extensions.Logging in the worker. No Splunk, no PostHog, no APM.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

SDK = ("sentry.dotnet.aspnetcore", "4.12.1", "nuget:Sentry.AspNetCore")
SDK_WORKER = ("sentry.dotnet.extensions.logging", "4.12.1", "nuget:Sentry.Extensions.Logging")
SERVICES = {
    "clinic-portal": Service(
        "clinic-portal",
        "csharp",
        "iv-simple",
        "",
        "",
        "",
        8420101,
        ".NET 8.0.10",
        framework="aspnetcore",
        sdk=SDK,
    ),
    "reminder-worker": Service(
        "reminder-worker",
        "csharp",
        "iv-simple",
        "",
        "",
        "",
        8420102,
        ".NET 8.0.10",
        framework="generic",
        sdk=SDK_WORKER,
    ),
}
SRC = "/src/Mardale.Portal/"
WSRC = "/src/Mardale.Reminders/"


def ui(
    name: str, method: str, args: str, line: int, *, boundary: bool = True, razor: bool = True
) -> Frame:
    ext = ".razor" if razor else ".cs"
    return cs(
        f"Mardale.Portal.{name}",
        method,
        args,
        f"{SRC}{name.replace('.', '/')}{ext}",
        line,
        boundary=boundary,
    )


def svc(name: str, method: str, args: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(
        f"Mardale.Portal.{name}",
        method,
        args,
        f"{SRC}{name.replace('.', '/')}.cs",
        line,
        boundary=boundary,
    )


def wk(name: str, method: str, args: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(
        f"Mardale.Reminders.{name}",
        method,
        args,
        f"{WSRC}{name.replace('.', '/')}.cs",
        line,
        boundary=boundary,
    )


# A component's lifecycle method (OnInitializedAsync / OnParametersSetAsync) awaited by the renderer.
LIFECYCLE = (
    cs(
        "Microsoft.AspNetCore.Components.RenderTree.Renderer",
        "GetErrorHandledTask",
        "(Task taskToHandle, ComponentState owningComponentState)",
        lib=True,
    ),
    cs(
        "Microsoft.AspNetCore.Components.ComponentBase",
        "RunInitAndSetParametersAsync",
        "()",
        lib=True,
    ),
)
# An event handler (@onclick, @onchange) dispatched from the browser.
EVENT = (
    cs(
        "Microsoft.AspNetCore.Components.RenderTree.Renderer",
        "GetErrorHandledTask",
        "(Task taskToHandle, ComponentState owningComponentState)",
        lib=True,
    ),
    cs(
        "Microsoft.AspNetCore.Components.ComponentBase",
        "CallStateHasChangedOnAsyncCompletion",
        "(Task task)",
        lib=True,
    ),
)
WORKER = (
    cs(
        "Microsoft.Extensions.Hosting.Internal.Host",
        "<StartAsync>b__15_1",
        "(IHostedService service, CancellationToken token)",
        lib=True,
    ),
    wk("ReminderService", "ExecuteAsync", "(CancellationToken stoppingToken)", 38),
)
EF_SAVE = (
    cs(
        "Microsoft.EntityFrameworkCore.DbContext",
        "SaveChangesAsync",
        "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)",
        lib=True,
    ),
    cs(
        "Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor",
        "ExecuteAsync",
        "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)",
        lib=True,
    ),
    cs(
        "Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch",
        "ExecuteAsync",
        "(IRelationalConnection connection, CancellationToken cancellationToken)",
        lib=True,
    ),
)
SQLCLIENT = (
    cs(
        "Microsoft.EntityFrameworkCore.Storage.RelationalCommand",
        "ExecuteReaderAsync",
        "(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)",
        lib=True,
    ),
    cs(
        "Microsoft.Data.SqlClient.SqlCommand+<>c",
        "<ExecuteDbDataReaderAsync>b__209_0",
        "(Task`1 result)",
        lib=True,
    ),
)
FIRST_ASYNC = (
    cs(
        "Microsoft.EntityFrameworkCore.Query.Internal.ShapedQueryCompilingExpressionVisitor",
        "SingleAsync[TSource]",
        "(IAsyncEnumerable`1 asyncEnumerable, CancellationToken cancellationToken)",
        lib=True,
    ),
)
HTTP_SEND = cs(
    "System.Net.Http.HttpClient",
    "<SendAsync>g__Core|83_0",
    "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)",
    lib=True,
)
SMS_SEND = svc(
    "Messaging.SmsGatewayClient",
    "SendAsync",
    "(String phone, String text, CancellationToken ct)",
    46,
)
JS_INVOKE = (
    cs(
        "Microsoft.JSInterop.JSRuntime",
        "InvokeAsync[TValue]",
        "(Int64 targetInstanceId, String identifier, Object[] args)",
        lib=True,
    ),
    cs(
        "Microsoft.JSInterop.JSRuntimeExtensions",
        "InvokeVoidAsync",
        "(IJSRuntime jsRuntime, String identifier, Object[] args)",
        lib=True,
    ),
)
NRE = "Object reference not set to an instance of an object."
NOELEM = "Sequence contains no elements."


def dup(table: str, index: str, key: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    msg = f"Cannot insert duplicate key row in object 'dbo.{table}' with unique index '{index}'. The duplicate key value is ({key}).\nThe statement has been terminated."
    return (
        Exc("Microsoft.Data.SqlClient.SqlException", msg, (*app, *EF_SAVE, *SQLCLIENT)),
        Exc(
            "Microsoft.EntityFrameworkCore.DbUpdateException",
            "An error occurred while saving the entity changes. See the inner exception for details.",
            (*app, *EF_SAVE),
        ),
    )


CIRCUIT = dict(
    team="portal",
    monitor="[clinic-portal] circuit errors",
    filter='service:clinic-portal "Unhandled exception in circuit"',
    text="A Blazor circuit failed on {{log.host}}:\n\n```\n{{log.message}}\n```",
    sample_lines=8,
    kind="circuit",
)
CIRCUIT3 = dict(
    team="portal",
    monitor="[clinic-portal] circuit errors (short)",
    filter='service:clinic-portal "Unhandled exception in circuit"',
    text="{{log.message}}",
    sample_lines=3,
    kind="circuit",
)
ERRLOG = dict(
    team="portal",
    monitor="[clinic-portal] fail logs",
    filter="service:clinic-portal status:error -CircuitHost",
    text="```\n{{log.message}}\n```",
    sample_lines=6,
    kind="team",
)
WORKLOG = dict(
    team="portal",
    monitor="[reminder-worker] fail logs",
    filter="service:reminder-worker status:error",
    text="reminder-worker:\n```\n{{log.message}}\n```",
    sample_lines=10,
    kind="team",
)

BUGS = [
    # The same NullReferenceException in two components.
    Bug(
        "iv-book-nre",
        "clinic-portal",
        (
            Exc(
                "System.NullReferenceException",
                NRE,
                (
                    *LIFECYCLE,
                    ui("Pages.Book", "OnInitializedAsync", "()", 212),
                    ui("Pages.Book", "BuildSlotGrid", "(Practice practice)", 248, boundary=False),
                ),
            ),
        ),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **CIRCUIT)),
        classes=(4, 5),
        pair="iv-history-nre",
        entry="Pages/Book",
        span=2,
        renames={"BuildSlotGrid": "BuildSlotGridAsync"},
    ),
    Bug(
        "iv-history-nre",
        "clinic-portal",
        (
            Exc(
                "System.NullReferenceException",
                NRE,
                (
                    *EVENT,
                    ui("Pages.MedicalHistory", "SaveAsync", "()", 131),
                    ui(
                        "Pages.MedicalHistory",
                        "MapAllergies",
                        "(HistoryForm form)",
                        160,
                        boundary=False,
                    ),
                ),
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 2, **CIRCUIT), see("datadog.log", **CIRCUIT3)),
        classes=(4,),
        pair="iv-book-nre",
        entry="Pages/MedicalHistory",
    ),
    # Duplicate keys on two indexes through one SaveChangesAsync.
    Bug(
        "iv-dup-appointment",
        "clinic-portal",
        dup(
            "Appointments",
            "IX_Appointments_DentistId_StartsAt",
            "{n}, 2026-03-{idx}T09:30:00.0000000",
            (
                *EVENT,
                ui("Pages.Book", "ConfirmAsync", "()", 301),
                svc(
                    "Booking.AppointmentService",
                    "BookAsync",
                    "(BookingRequest request, CancellationToken ct)",
                    74,
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("datadog.log", 2, **CIRCUIT),
            see("datadog.log", **ERRLOG, event=3),
        ),
        classes=(4,),
        pair="iv-dup-patient",
        log="Booking failed for practice {n}",
        logger="Mardale.Portal.Booking.AppointmentService",
        entry="Pages/Book",
    ),
    Bug(
        "iv-dup-patient",
        "clinic-portal",
        dup(
            "Patients",
            "IX_Patients_NhsNumber",
            "{ref}",
            (
                *EVENT,
                ui("Pages.Register", "SubmitAsync", "()", 88),
                svc(
                    "Patients.PatientService",
                    "RegisterAsync",
                    "(RegistrationForm form, CancellationToken ct)",
                    52,
                ),
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 2, **CIRCUIT)),
        classes=(4,),
        pair="iv-dup-appointment",
        entry="Pages/Register",
    ),
    # Sequence contains no elements: the diary and the reminder worker.
    Bug(
        "iv-diary-noelem",
        "clinic-portal",
        (
            Exc(
                "System.InvalidOperationException",
                NOELEM,
                (
                    *LIFECYCLE,
                    ui("Pages.Staff.Diary", "OnParametersSetAsync", "()", 97),
                    svc(
                        "Diary.DiaryService",
                        "GetDayAsync",
                        "(Int32 practiceId, DateOnly day, CancellationToken ct)",
                        41,
                    ),
                    *FIRST_ASYNC,
                ),
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **CIRCUIT)),
        classes=(4,),
        pair="iv-reminder-noelem",
        entry="Pages/Staff/Diary",
    ),
    Bug(
        "iv-reminder-noelem",
        "reminder-worker",
        (
            Exc(
                "System.InvalidOperationException",
                NOELEM,
                (
                    *WORKER,
                    wk("ReminderService", "SendDueAsync", "(CancellationToken ct)", 66),
                    wk(
                        "Templates.TemplateStore",
                        "ForPractice",
                        "(Int32 practiceId)",
                        29,
                        boundary=False,
                    ),
                    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
                ),
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 2, **WORKLOG)),
        classes=(4,),
        pair="iv-diary-noelem",
        log="Reminder run failed",
        logger="Mardale.Reminders.ReminderService",
        entry="ReminderService",
    ),
    # One SMS gateway client: a 429 and a timeout.
    Bug(
        "iv-sms-429",
        "reminder-worker",
        (
            Exc(
                "System.Net.Http.HttpRequestException",
                "Response status code does not indicate success: 429 (Too Many Requests).",
                (
                    *WORKER,
                    wk("ReminderService", "SendDueAsync", "(CancellationToken ct)", 71),
                    wk(
                        "Messaging.SmsGatewayClient",
                        "SendAsync",
                        "(String phone, String text, CancellationToken ct)",
                        46,
                    ),
                    cs(
                        "System.Net.Http.HttpResponseMessage",
                        "EnsureSuccessStatusCode",
                        "()",
                        lib=True,
                    ),
                ),
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **WORKLOG)),
        classes=(9,),
        pair="iv-sms-timeout",
        log="SMS reminder for appointment {id} failed",
        logger="Mardale.Reminders.ReminderService",
        entry="ReminderService",
    ),
    Bug(
        "iv-sms-timeout",
        "reminder-worker",
        (
            Exc("System.TimeoutException", "A task was canceled.", ()),
            Exc(
                "System.Threading.Tasks.TaskCanceledException",
                "The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.",
                (
                    *WORKER,
                    wk("ReminderService", "SendDueAsync", "(CancellationToken ct)", 71),
                    wk(
                        "Messaging.SmsGatewayClient",
                        "SendAsync",
                        "(String phone, String text, CancellationToken ct)",
                        44,
                    ),
                    HTTP_SEND,
                ),
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 3, **WORKLOG)),
        classes=(9, 7),
        pair="iv-sms-429",
        log="SMS reminder for appointment {id} failed",
        logger="Mardale.Reminders.ReminderService",
        entry="ReminderService",
    ),
    # One calendar widget's OnAfterRenderAsync: a missing JS function and a disconnected circuit.
    Bug(
        "iv-calendar-jsexception",
        "clinic-portal",
        (
            Exc(
                "Microsoft.JSInterop.JSException",
                "Could not find 'calendarInterop.mount' ('calendarInterop' was undefined).\nError: Could not find 'calendarInterop.mount' ('calendarInterop' was undefined).\n    at https://portal.mardale-dental.example/_framework/blazor.server.js:1:497\n    at Array.forEach (<anonymous>)",
                (
                    *LIFECYCLE,
                    ui("Shared.CalendarWidget", "OnAfterRenderAsync", "(Boolean firstRender)", 58),
                    *JS_INVOKE,
                ),
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **CIRCUIT)),
        classes=(4,),
        pair="iv-calendar-jstimeout",
        entry="Shared/CalendarWidget",
    ),
    Bug(
        "iv-calendar-jstimeout",
        "clinic-portal",
        (
            Exc(
                "System.Threading.Tasks.TaskCanceledException",
                "A task was canceled.",
                (
                    *LIFECYCLE,
                    ui("Shared.CalendarWidget", "OnAfterRenderAsync", "(Boolean firstRender)", 58),
                    *JS_INVOKE,
                ),
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 2, **CIRCUIT), see("datadog.log", **CIRCUIT3)),
        classes=(4,),
        pair="iv-calendar-jsexception",
        entry="Shared/CalendarWidget",
    ),
    # Two bugs under one fail-log monitor: an insurance form's date and a dictionary lookup.
    Bug(
        "iv-insurance-date",
        "clinic-portal",
        (
            Exc(
                "System.FormatException",
                "String '{date}' was not recognized as a valid DateTime.",
                (
                    *EVENT,
                    ui("Pages.Insurance", "SubmitAsync", "()", 73),
                    svc(
                        "Insurance.PolicyParser",
                        "Parse",
                        "(InsuranceForm form)",
                        33,
                        boundary=False,
                    ),
                    cs(
                        "System.DateTime",
                        "ParseExact",
                        "(String s, String format, IFormatProvider provider)",
                        lib=True,
                    ),
                ),
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **ERRLOG)),
        classes=(2,),
        pair="iv-insurer-keynotfound",
        log="Insurance form for patient {user} rejected",
        logger="Mardale.Portal.Pages.Insurance",
        entry="Pages/Insurance",
    ),
    Bug(
        "iv-insurer-keynotfound",
        "clinic-portal",
        (
            Exc(
                "System.Collections.Generic.KeyNotFoundException",
                "The given key 'SIMPLYHEALTH-PLUS' was not present in the dictionary.",
                (
                    *EVENT,
                    ui("Pages.Insurance", "SubmitAsync", "()", 79),
                    svc("Insurance.InsurerCatalog", "Get", "(String code)", 21, boundary=False),
                    cs(
                        "System.Collections.Generic.Dictionary`2",
                        "get_Item",
                        "(TKey key)",
                        lib=True,
                    ),
                ),
            ),
        ),
        (see("sentry.error", 2), see("datadog.log", 2, **ERRLOG)),
        classes=(2,),
        pair="iv-insurance-date",
        log="Insurance form for patient {user} rejected",
        logger="Mardale.Portal.Pages.Insurance",
        entry="Pages/Insurance",
    ),
    # Not pairs.
    Bug(
        "iv-plan-pdf-locked",
        "clinic-portal",
        (
            Exc(
                "System.IO.IOException",
                "The process cannot access the file '/tmp/plans/plan-{id}.pdf' because it is being used by another process.",
                (
                    *EVENT,
                    ui("Pages.Treatments", "DownloadPlanAsync", "()", 188),
                    svc(
                        "Plans.PlanPdfWriter",
                        "WriteAsync",
                        "(TreatmentPlan plan, CancellationToken ct)",
                        29,
                    ),
                    cs(
                        "System.IO.FileStream",
                        ".ctor",
                        "(String path, FileMode mode, FileAccess access, FileShare share)",
                        lib=True,
                    ),
                ),
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **ERRLOG)),
        log="Treatment plan download failed",
        logger="Mardale.Portal.Pages.Treatments",
        entry="Pages/Treatments",
    ),
    Bug(
        "iv-dbcontext-concurrency",
        "clinic-portal",
        (
            Exc(
                "System.InvalidOperationException",
                "A second operation was started on this context instance before a previous operation completed. This is usually caused by different threads concurrently using the same instance of DbContext. For more information on how to avoid threading issues with DbContext, see https://go.microsoft.com/fwlink/?linkid=2097913.",
                (
                    *LIFECYCLE,
                    ui("Pages.Staff.Diary", "OnParametersSetAsync", "()", 103),
                    svc(
                        "Diary.DiaryService",
                        "GetChairsAsync",
                        "(Int32 practiceId, CancellationToken ct)",
                        58,
                    ),
                    cs(
                        "Microsoft.EntityFrameworkCore.Infrastructure.Internal.ConcurrencyDetector",
                        "EnterCriticalSection",
                        "()",
                        lib=True,
                    ),
                ),
            ),
        ),
        (see("sentry.error", 4), see("datadog.log", 2, **CIRCUIT), see("datadog.log", **CIRCUIT3)),
        classes=(1,),
        entry="Pages/Staff/Diary",
    ),
    Bug(
        "iv-dispatcher-thread",
        "clinic-portal",
        (
            Exc(
                "System.InvalidOperationException",
                "The current thread is not associated with the Dispatcher. Use InvokeAsync() to switch execution to the Dispatcher when triggering rendering or component state.",
                (
                    ui(
                        "Shared.WaitingRoomBoard",
                        "OnQueueChanged",
                        "(Object sender, QueueChangedEventArgs e)",
                        44,
                        boundary=False,
                    ),
                    cs(
                        "Microsoft.AspNetCore.Components.ComponentBase",
                        "StateHasChanged",
                        "()",
                        lib=True,
                    ),
                    cs(
                        "Microsoft.AspNetCore.Components.Dispatcher", "AssertAccess", "()", lib=True
                    ),
                ),
            ),
        ),
        (see("sentry.error", 3), see("datadog.log", 2, **ERRLOG)),
        log="Waiting room board refresh failed",
        logger="Mardale.Portal.Shared.WaitingRoomBoard",
        entry="Shared/WaitingRoomBoard",
    ),
    Bug(
        "iv-singleton-argrange",
        "clinic-portal",
        (
            Exc(
                "System.ArgumentOutOfRangeException",
                "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')",
                (
                    *EVENT,
                    ui("Pages.Treatments", "RemovePhase", "(Int32 index)", 140),
                    cs("System.Collections.Generic.List`1", "RemoveAt", "(Int32 index)", lib=True),
                ),
            ),
        ),
        (see("sentry.error"),),
        singleton=True,
        entry="Pages/Treatments",
    ),
]

NOISE = [
    Noise(
        "iv-noise-deploy",
        "clinic-portal",
        "datadog.event",
        {
            "monitor": "Deployed clinic-portal",
            "text": "clinic-portal 2026.3.2 swapped into production (slot swap).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
            "team": "portal",
        },
    ),
    Noise(
        "iv-noise-recovered",
        "clinic-portal",
        "datadog.log",
        {
            "monitor": "[clinic-portal] circuit errors",
            "transition": "Recovered",
            "alert_type": "success",
            "team": "portal",
            "filter": 'service:clinic-portal "Unhandled exception in circuit"',
            "text": "No circuit errors in the last 10 minutes.",
        },
    ),
    Noise(
        "iv-noise-sentry-metric",
        "clinic-portal",
        "sentry.metric",
        {
            "rule": "clinic-portal errors per 10 minutes",
            "aggregate": "count()",
            "action": "resolved",
            "value": "{n}",
        },
    ),
]

MARDALE = Company(
    key="iv",
    name="Mardale Dental",
    domain="mardale-dental.example",
    sentry_org="mardale-dental",
    splunk_url="",
    splunk_guid="",
    datadog_org=("842020", "Mardale Dental"),
    datadog_template="recommended",
    posthog_project=(84202, "Mardale"),
    releases=("2026.3.1", "2026.3.2", "2026.3.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="mardale-sentry-client-secret",
)
# fmt: on
