"""(ll) Yelverton Removals, a house-removals firm: .NET 8 microservices on Kubernetes
(``quotes-api``: an ASP.NET Core Web API for quotes, surveys and bookings, publishing to
RabbitMQ; ``moves-worker``: MassTransit 8 consumers for ``MoveBooked``, ``InventorySubmitted``,
``CrewAssigned``, ``InvoiceRaised`` and the team's ``Fault<T>`` audit consumer), EF Core 8 over
PostgreSQL through Npgsql, a typed ``HttpClient`` to a postcode lookup, and a Blazor
WebAssembly dispatch console for the depot staff (``dispatch-console``, a Release build
without PDBs).

Logs: Serilog's ``RenderedCompactJsonFormatter`` through Serilog.Sinks.Splunk to HEC and on
stdout for the Datadog agent (``ll-clef``): MassTransit's ``R-FAULT`` and ``R-RETRY``
records, EF Core's ``SaveChangesFailed``, the audit consumer's ``Fault<T>`` line without an
exception object, the code's ``LogError``. One Splunk saved search per service and one Datadog
log monitor per service (several bugs under each). Sentry: Sentry.AspNetCore on the API,
Sentry.Extensions.Logging on the worker, Sentry's Blazor WebAssembly SDK on the console.
Datadog: dd-trace-dotnet APM monitors by error type. PostHog: posthog-js on the dispatch
console with console-error capture. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import ASPNET, cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK_V = "4.13.0"
SERVICES = {
    "quotes-api": Service("quotes-api", "csharp", "ll-clef", "yelverton:serilog:clef", "http:quotes-api-hec", "yelverton_prod", 10710011, ".NET 8.0.11", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", SDK_V, "nuget:Sentry.AspNetCore")),
    "moves-worker": Service("moves-worker", "csharp", "ll-clef", "yelverton:serilog:clef", "http:moves-worker-hec", "yelverton_prod", 10710012, ".NET 8.0.11", sdk=("sentry.dotnet.extensions.logging", SDK_V, "nuget:Sentry.Extensions.Logging")),
    "dispatch-console": Service("dispatch-console", "csharp", "", "", "", "", 10710015, "Browser WebAssembly .NET 8.0.11", origin="https://dispatch.yelverton.example", framework="blazor-wasm", sdk=("sentry.dotnet.aspnetcore.blazor.webassembly", SDK_V, "nuget:Sentry.AspNetCore.Blazor.WebAssembly")),
}

SRC = "/src/"
MT = (
    cs("MassTransit.Middleware.ConsumerMessageFilter`2", "MassTransit.IFilter<MassTransit.ConsumeContext<TMessage>>.Send", "(ConsumeContext`1 context, IPipe`1 next)", lib=True),
    cs("MassTransit.DependencyInjection.ScopeConsumerFactory`1", "Send[TMessage]", "(ConsumeContext`1 context, IPipe`1 next)", lib=True, boundary=True),
    cs("MassTransit.Middleware.ConsumerSplitFilter`2", "Send", "(ConsumerConsumeContext`2 context, IPipe`1 next)", lib=True, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalDatabaseFacadeExtensions", "ExecuteInTransactionAsync", "()", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
)
NPGSQL = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True, boundary=True),
)
POSTCODE = cs("Yelverton.Quotes.Addresses.PostcodeLookupClient", "GetAddressesAsync", "(String postcode, CancellationToken ct)", SRC + "Yelverton.Quotes/Addresses/PostcodeLookupClient.cs", 48, boundary=True)
HTTP_SEND = cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True)
BLAZOR = (
    cs("Microsoft.AspNetCore.Components.RenderTree.Renderer", "ProcessPendingRender", "()", lib=True),
    cs("Microsoft.AspNetCore.Components.Rendering.ComponentState", "RenderIntoBatch", "(RenderBatchBuilder batchBuilder, RenderFragment renderFragment, Exception& renderFragmentException)", lib=True),
)
BLAZOR_EVENT = (
    cs("Microsoft.AspNetCore.Components.ComponentBase", "CallStateHasChangedOnAsyncCompletion", "(Task task)", lib=True, boundary=True),
)


def consumer(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*MT, cs(f"Yelverton.Moves.Consumers.{name}", "Consume", "(ConsumeContext`1 context)", f"{SRC}Yelverton.Moves/Consumers/{name}.cs", line, boundary=True), *more)


def wk(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Yelverton.Moves.{type_}", method, args, f"{SRC}Yelverton.Moves/{file}", line, boundary=boundary)


def api(controller: str, method: str, args: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*ASPNET, cs(f"Yelverton.Quotes.Controllers.{controller}", method, args, f"{SRC}Yelverton.Quotes/Controllers/{controller}.cs", line, boundary=True), *more)


def q(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Yelverton.Quotes.{type_}", method, args, f"{SRC}Yelverton.Quotes/{file}", line, boundary=boundary)


def page(component: str, method: str, args: str = "()") -> Frame:
    """A component in the dispatch console (no PDBs: Sentry and the console show no lines)."""
    return cs(f"Yelverton.Dispatch.Client.{component}", method, args, f"{SRC}Yelverton.Dispatch.Client/{component.replace('.', '/')}.razor", 1)


def fault(queue: str, message: str, name: str) -> str:
    return f"R-FAULT rabbitmq://rabbitmq.yelverton.svc/{queue} {{uuid}} Yelverton.Contracts.{message} Yelverton.Moves.Consumers.{name}(00:00:0{{idx}}.{{millis}}2210)"


def unique(index: str, frames: tuple[Frame, ...], detail: str) -> tuple[Exc, Exc]:
    pg = f'23505: duplicate key value violates unique constraint "{index}"\n\nDETAIL: {detail}'
    return (
        Exc("Npgsql.PostgresException", pg, NPGSQL),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*frames, *EF_SAVE)),
    )


NRE = "Object reference not set to an instance of an object."
NO_ELEMENTS = "Sequence contains no elements"

SEARCH_W = dict(search="Yelverton - moves-worker errors", owner="yv_platform", app="yelverton")
SEARCH_A = dict(search="Yelverton - quotes-api errors", owner="yv_platform", app="yelverton")
DD_W = dict(team="moves", monitor="[moves-worker] error logs", filter="service:moves-worker status:error", text="{{log.attributes.SourceContext}} on {{log.host}}:\n\n{{log.attributes.@m}}\n\n```\n{{log.attributes.@x}}\n```")
DD_A = dict(team="moves", monitor="[quotes-api] error logs", filter="service:quotes-api status:error", text="quotes-api is logging errors.\n\n{{log.attributes.@m}} ({{log.attributes.RequestPath}})", )
APM_W = dict(team="moves", monitor="[moves-worker] consumer errors by type", style="type")
APM_A = dict(team="moves", monitor="[quotes-api] 5xx by error type", style="message")


def spl_w(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH_W, **opts)


def spl_a(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH_A, **opts)


def dd_w(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_W, **opts)


def dd_a(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_A, **opts)


BUGS = [
    # The same NullReferenceException in two consumers.
    Bug("ll-booked-nre", "moves-worker", (Exc("System.NullReferenceException", NRE, consumer("MoveBookedConsumer", 44, wk("Scheduling.SurveySlotPlanner", "Plan", "(Move move)", "Scheduling/SurveySlotPlanner.cs", 31))),),
        (see("sentry.error", 3), see("sentry.issue"), spl_w(), spl_w(kind="retry"), dd_w(), see("datadog.apm", **APM_W)),
        classes=(1, 4, 5), pair="ll-crew-nre", log=fault("move-booked", "MoveBooked", "MoveBookedConsumer"), entry="MoveBooked", span=2, renames={"Plan": "PlanSurvey"}),
    Bug("ll-crew-nre", "moves-worker", (Exc("System.NullReferenceException", NRE, consumer("CrewAssignedConsumer", 38, wk("Crews.VanAllocator", "Allocate", "(CrewAssignment assignment)", "Crews/VanAllocator.cs", 57))),),
        (see("sentry.error", 3), spl_w(2), spl_w(kind="fault-observer", message="CrewAssigned"), dd_w()),
        classes=(1, 4), pair="ll-booked-nre", log=fault("crew-assigned", "CrewAssigned", "CrewAssignedConsumer"), entry="CrewAssigned"),
    # Unique violations on two tables through EF Core.
    Bug("ll-inventory-dup", "moves-worker", unique("ix_inventory_items_move_id_room_code", consumer("InventorySubmittedConsumer", 61, wk("Data.MovesDbContext", "SaveChangesAsync", "(CancellationToken ct)", "Data/MovesDbContext.cs", 40, boundary=True)), "Key (move_id, room_code)=({id}, KITCHEN) already exists."),
        (see("sentry.error", 3), spl_w(), spl_w(kind="efcore"), dd_w(), see("datadog.apm", **APM_W)),
        classes=(1, 4), pair="ll-crew-dup", log=fault("inventory-submitted", "InventorySubmitted", "InventorySubmittedConsumer"), entry="InventorySubmitted"),
    Bug("ll-crew-dup", "moves-worker", unique("ix_crew_assignments_move_id_work_date", consumer("CrewAssignedConsumer", 52, wk("Data.MovesDbContext", "SaveChangesAsync", "(CancellationToken ct)", "Data/MovesDbContext.cs", 40, boundary=True)), "Key (move_id, work_date)=({id}, 2026-03-1{idx}) already exists."),
        (see("sentry.error", 2), spl_w(kind="efcore"), spl_w(kind="fault-observer", message="CrewAssigned"), dd_w(2)),
        classes=(1, 4), pair="ll-inventory-dup", log=fault("crew-assigned", "CrewAssigned", "CrewAssignedConsumer"), entry="CrewAssigned"),
    # One quote calculator: First() on no rates, a missing size band.
    Bug("ll-quote-no-rates", "quotes-api", (Exc("System.InvalidOperationException", NO_ELEMENTS, api("QuotesController", "Create", "(CreateQuoteRequest request, CancellationToken ct)", 57, q("Pricing.QuoteCalculator", "BaseRate", "(Depot depot, Int32 cubicFeet)", "Pricing/QuoteCalculator.cs", 88), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True))),),
        (see("sentry.error", 3), spl_a(2), dd_a(), see("datadog.apm", **APM_A)),
        classes=(1, 2), pair="ll-quote-band-missing", log="Quote calculation failed for {QuoteId}", logger="Yelverton.Quotes.Controllers.QuotesController", entry="POST /api/quotes"),
    Bug("ll-quote-band-missing", "quotes-api", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'XL' was not present in the dictionary.", api("QuotesController", "Create", "(CreateQuoteRequest request, CancellationToken ct)", 57, q("Pricing.QuoteCalculator", "BaseRate", "(Depot depot, Int32 cubicFeet)", "Pricing/QuoteCalculator.cs", 93), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), spl_a(2), dd_a(), see("datadog.apm", **APM_A)),
        classes=(1, 2), pair="ll-quote-no-rates", log="Quote calculation failed for {QuoteId}", logger="Yelverton.Quotes.Controllers.QuotesController", entry="POST /api/quotes"),
    # One postcode client: a timeout and a 429.
    Bug("ll-postcode-timeout", "quotes-api", (Exc("System.TimeoutException", "A task was canceled.", (HTTP_SEND,)), Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.", api("SurveysController", "Lookup", "(String postcode, CancellationToken ct)", 29, POSTCODE, HTTP_SEND))),
        (see("sentry.error", 3), spl_a(2), dd_a(), see("datadog.apm", **APM_A)),
        classes=(1, 9), pair="ll-postcode-429", entry="GET /api/surveys/addresses"),
    Bug("ll-postcode-429", "quotes-api", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 429 (Too Many Requests).", api("SurveysController", "Lookup", "(String postcode, CancellationToken ct)", 29, POSTCODE, cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True))),),
        (see("sentry.error", 2), spl_a(2), dd_a(2)),
        classes=(1, 9), pair="ll-postcode-timeout", entry="GET /api/surveys/addresses"),
    # One invoice consumer, two Postgres failures.
    Bug("ll-invoice-serialization", "moves-worker", (Exc("Npgsql.PostgresException", "40001: could not serialize access due to concurrent update", NPGSQL), Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*consumer("InvoiceRaisedConsumer", 47, wk("Billing.DepositLedger", "ApplyAsync", "(Invoice invoice, CancellationToken ct)", "Billing/DepositLedger.cs", 66, boundary=True)), *EF_SAVE))),
        (see("sentry.error", 3), spl_w(kind="retry"), spl_w(), dd_w(), see("datadog.apm", **APM_W)),
        classes=(1,), pair="ll-invoice-cancelled", log=fault("invoice-raised", "InvoiceRaised", "InvoiceRaisedConsumer"), entry="InvoiceRaised"),
    Bug("ll-invoice-cancelled", "moves-worker", (Exc("Npgsql.PostgresException", "57014: canceling statement due to statement timeout", NPGSQL), Exc("System.InvalidOperationException", "An exception has been raised that is likely due to a transient failure. Consider enabling transient error resiliency by adding 'EnableRetryOnFailure' to the 'UseNpgsql' call.", (*consumer("InvoiceRaisedConsumer", 39, wk("Billing.InvoiceRepository", "OutstandingForAsync", "(Guid customerId, CancellationToken ct)", "Billing/InvoiceRepository.cs", 22, boundary=True)), cs("Microsoft.EntityFrameworkCore.Query.Internal.SingleQueryingEnumerable`1+AsyncEnumerator", "MoveNextAsync", "()", lib=True, boundary=True), *NPGSQL))),
        (see("sentry.error", 2), spl_w(2), dd_w()),
        classes=(1,), pair="ll-invoice-serialization", log=fault("invoice-raised", "InvoiceRaised", "InvoiceRaisedConsumer"), entry="InvoiceRaised"),
    # Two bugs in one API controller under the same monitor: a date out of range, a bad enum.
    Bug("ll-reschedule-date", "quotes-api", (Exc("System.ArgumentOutOfRangeException", "Year, Month, and Day parameters describe an un-representable DateTime.", api("BookingsController", "Reschedule", "(Guid id, RescheduleRequest request)", 73, q("Bookings.MoveWindow", "FromRequest", "(RescheduleRequest request)", "Bookings/MoveWindow.cs", 19), cs("System.DateTime", "..ctor", "(Int32 year, Int32 month, Int32 day)", lib=True))),),
        (see("sentry.error", 3), spl_a(2), dd_a()),
        classes=(1, 2), pair="ll-booking-status-enum", entry="POST /api/bookings/{id}/reschedule"),
    Bug("ll-booking-status-enum", "quotes-api", (Exc("System.ArgumentException", "Requested value 'on_hold' was not found.", api("BookingsController", "UpdateStatus", "(Guid id, StatusRequest request)", 91, cs("System.Enum", "Parse[TEnum]", "(String value, Boolean ignoreCase)", lib=True))),),
        (see("sentry.error", 2), spl_a(), dd_a(2)),
        classes=(1, 2), pair="ll-reschedule-date", entry="PATCH /api/bookings/{id}/status"),
    # The dispatch console: the same NRE while rendering two components.
    Bug("ll-console-board-nre", "dispatch-console", (Exc("System.NullReferenceException", NRE, (*BLAZOR, page("Pages.CrewBoard", "BuildRenderTree", "(RenderTreeBuilder __builder)"), page("Shared.VanChip", "get_Registration"))),),
        (see("sentry.error", 3), see("posthog", 2), see("posthog", browser="edge")),
        classes=(4,), pair="ll-console-movecard-nre", page="/board"),
    Bug("ll-console-movecard-nre", "dispatch-console", (Exc("System.NullReferenceException", NRE, (*BLAZOR, page("Shared.MoveCard", "BuildRenderTree", "(RenderTreeBuilder __builder)"), page("Shared.MoveCard", "get_AccessNotes"))),),
        (see("sentry.error", 2), see("posthog", 2, browser="firefox")),
        classes=(4,), pair="ll-console-board-nre", page="/moves/today"),
    # The console's map over JS interop: the script not loaded after a deploy.
    Bug("ll-console-map-interop", "dispatch-console", (Exc("Microsoft.JSInterop.JSException", "Could not find 'depotMap.showRoute' ('depotMap' was undefined).\nError: Could not find 'depotMap.showRoute' ('depotMap' was undefined).\n    at https://dispatch.yelverton.example/_framework/blazor.webassembly.js:1:734\n    at Array.forEach (<anonymous>)\n    at a.findFunction (https://dispatch.yelverton.example/_framework/blazor.webassembly.js:1:702)", (cs("Microsoft.JSInterop.JSRuntime", "InvokeAsync[TValue]", "(Int64 targetInstanceId, String identifier, Object[] args)", lib=True, boundary=True), page("Pages.RouteView", "OnAfterRenderAsync", "(Boolean firstRender)")), engines={"spidermonkey": "Could not find 'depotMap.showRoute' ('depotMap' was undefined).\nfindFunction/<@https://dispatch.yelverton.example/_framework/blazor.webassembly.js:1:734\nfindFunction@https://dispatch.yelverton.example/_framework/blazor.webassembly.js:1:702"}),),
        (see("sentry.error", 2), see("sentry.error", browser="firefox"), see("posthog", 2)),
        page="/routes"),
    # Postgres connection pool exhausted in the API under the Monday peak.
    Bug("ll-pool-exhausted", "quotes-api", (Exc("Npgsql.NpgsqlException", "The connection pool has been exhausted, either raise 'Max Pool Size' (currently 30) or 'Timeout' (currently 15 seconds) in your connection string.", (*api("QuotesController", "Get", "(Guid id, CancellationToken ct)", 34), cs("Microsoft.EntityFrameworkCore.Storage.RelationalConnection", "OpenInternalAsync", "(Boolean errorsExpected, CancellationToken cancellationToken)", lib=True, boundary=True), cs("Npgsql.PoolingDataSource", "<Get>g__RentAsync|33_0", "(NpgsqlConnection conn, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)", lib=True, boundary=True))),),
        (see("sentry.error", 3), spl_a(2), dd_a(), see("datadog.apm", **APM_A)),
        classes=(1, 2), entry="GET /api/quotes/{id}"),
    # Survey photos over Kestrel's body limit.
    Bug("ll-survey-photo-too-large", "quotes-api", (Exc("Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException", "Request body too large. The max request body size is 30000000 bytes.", api("SurveysController", "UploadPhotos", "(Guid surveyId, IFormFileCollection photos, CancellationToken ct)", 64, cs("Microsoft.AspNetCore.Http.Features.FormFeature", "InnerReadFormAsync", "(CancellationToken cancellationToken)", lib=True, boundary=True), cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http1ContentLengthMessageBody", "ReadAsyncInternal", "(CancellationToken cancellationToken)", lib=True, boundary=True))),),
        (see("sentry.error", 2), spl_a(2), dd_a()),
        classes=(1, 2), entry="POST /api/surveys/{id}/photos"),
    # The audit consumer itself choking on a Fault<T> without exceptions.
    Bug("ll-fault-audit-index", "moves-worker", (Exc("System.IndexOutOfRangeException", "Index was outside the bounds of the array.", (*MT, cs("Yelverton.Ops.Consumers.FaultAuditConsumer", "Consume", "(ConsumeContext`1 context)", SRC + "Yelverton.Moves/Ops/FaultAuditConsumer.cs", 27, boundary=True))),),
        (see("sentry.error", 2), spl_w(2), dd_w()),
        classes=(1,), log="R-FAULT rabbitmq://rabbitmq.yelverton.svc/fault-audit {uuid} MassTransit.Fault<Yelverton.Contracts.MoveBooked> Yelverton.Ops.Consumers.FaultAuditConsumer(00:00:00.{millis}0013)", entry="Fault<MoveBooked>"),
    # A singleton: a checked overflow summing crate counts.
    Bug("ll-crate-overflow", "moves-worker", (Exc("System.OverflowException", "Arithmetic operation resulted in an overflow.", consumer("InventorySubmittedConsumer", 70, wk("Inventory.CrateEstimator", "Total", "(IReadOnlyList`1 rooms)", "Inventory/CrateEstimator.cs", 24))),),
        (see("sentry.error"),),
        singleton=True, entry="InventorySubmitted"),
]

NOISE = [
    Noise("ll-noise-deploy", "moves-worker", "datadog.event", {"monitor": "moves-worker deployed", "text": "Deployment moves-worker 2026.3.12 rolled out (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "moves", "release": "1"}),
    Noise("ll-noise-bus-started", "moves-worker", "splunk", {**SEARCH_W, "line": '{"@t":"{ts}","@m":"Bus started: rabbitmq://rabbitmq.yelverton.svc/","@i":"5c0e1a7b","InputAddress":"rabbitmq://rabbitmq.yelverton.svc/","SourceContext":"MassTransit","MachineName":"moves-worker-7c9d5f8b6-{hex}","Application":"moves-worker"}'}),
    Noise("ll-noise-recovered", "quotes-api", "datadog.log", {"monitor": "[quotes-api] error logs", "transition": "Recovered", "alert_type": "success", "team": "moves", "filter": "service:quotes-api status:error", "text": "quotes-api error logs are back under the threshold."}),
]

YELVERTON = Company(
    key="ll",
    name="Yelverton Removals",
    domain="yelverton.example",
    sentry_org="yelverton",
    splunk_url="https://yelverton.splunkcloud.com",
    splunk_guid="9B4E2C71-3A6D-4F0E-8D25-1C7B9E3F6A40",
    datadog_org=("1071001", "Yelverton Removals"),
    datadog_template="recommended",
    posthog_project=(107101, "Yelverton Dispatch"),
    releases=("2026.3.10", "2026.3.12", "2026.3.15"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yelverton-sentry-client-secret",
)
# fmt: on
