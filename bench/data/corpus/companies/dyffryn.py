"""(dy) Dyffryn Ferries, Welsh coast ferry bookings: a .NET 8 Azure Functions app in the
isolated worker model: HTTP triggers for the booking site (``bookings-func``) and Service Bus
and timer triggers that build sailing manifests and refunds (``manifest-func``).

Sentry: Sentry.Azure.Functions.Worker in both apps. Application Insights (the worker's
Microsoft.ApplicationInsights.WorkerService) is exported by a diagnostic setting to an Event
Hub; Splunk's Microsoft Cloud Services add-on indexes the ``AppExceptions`` records. Datadog's
Azure integration forwards the same records to log monitors that paste a sample. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.dotnet.azure.functions.worker", "5.1.0", "nuget:Sentry.Azure.Functions.Worker")
SERVICES = {
    "bookings-func": Service("bookings-func", "csharp", "dy-appinsights", "mscs:azure:eventhub", "azure_event_hub://evh-dyffryn-diag/insights-logs-appexceptions", "dyffryn_azure", 4420011, ".NET 8.0.11", sdk=SDK),
    "manifest-func": Service("manifest-func", "csharp", "dy-appinsights", "mscs:azure:eventhub", "azure_event_hub://evh-dyffryn-diag/insights-logs-appexceptions", "dyffryn_azure", 4420014, ".NET 8.0.11", sdk=SDK),
}
SRC = "/home/vsts/work/1/s/src/"


def app(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(type_, method, args, SRC + file, line, boundary=boundary)


def lib(type_: str, method: str, args: str) -> Frame:
    return cs(type_, method, args, lib=True)


# The isolated worker invoking a function through the source-generated executor.
WORKER = (
    lib("Microsoft.Azure.Functions.Worker.FunctionsApplication", "InvokeFunctionAsync", "(FunctionContext context)"),
    lib("Microsoft.Azure.Functions.Worker.Middleware.OutputBindingsMiddleware", "Invoke", "(FunctionContext context, FunctionExecutionDelegate next)"),
    lib("Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.FunctionsHttpProxyingMiddleware", "Invoke", "(FunctionContext context, FunctionExecutionDelegate next)"),
)
SB_WORKER = (
    lib("Microsoft.Azure.Functions.Worker.FunctionsApplication", "InvokeFunctionAsync", "(FunctionContext context)"),
    lib("Microsoft.Azure.Functions.Worker.Middleware.OutputBindingsMiddleware", "Invoke", "(FunctionContext context, FunctionExecutionDelegate next)"),
)


def bookings(*frames: Frame) -> tuple[Frame, ...]:
    return (*WORKER, app("Dyffryn.Bookings.DirectFunctionExecutor", "ExecuteAsync", "(FunctionContext context)", "Dyffryn.Bookings/obj/Release/net8.0/Microsoft.Azure.Functions.Worker.Sdk.Generators/DirectFunctionExecutorGenerator/GeneratedFunctionExecutor.g.cs", 38, boundary=True), *frames)


def manifests(*frames: Frame) -> tuple[Frame, ...]:
    return (*SB_WORKER, app("Dyffryn.Manifests.DirectFunctionExecutor", "ExecuteAsync", "(FunctionContext context)", "Dyffryn.Manifests/obj/Release/net8.0/Microsoft.Azure.Functions.Worker.Sdk.Generators/DirectFunctionExecutorGenerator/GeneratedFunctionExecutor.g.cs", 44, boundary=True), *frames)


NRE = "Object reference not set to an instance of an object."
COSMOS_READ = (
    lib("Microsoft.Azure.Cosmos.ContainerCore", "ReadItemAsync[T]", "(String id, PartitionKey partitionKey, ItemRequestOptions requestOptions, CancellationToken cancellationToken)"),
    lib("Microsoft.Azure.Cosmos.ClientContextCore", "RunWithDiagnosticsHelperAsync[TResult]", "(String containerName, String databaseName, OperationType operationType, ITrace trace, Func`2 task, Func`2 openTelemetry, String operationName, RequestOptions requestOptions)"),
    lib("Microsoft.Azure.Cosmos.ResponseMessage", "EnsureSuccessStatusCode", "()"),
)
SB_COMPLETE = (
    lib("Azure.Messaging.ServiceBus.ServiceBusReceiver", "CompleteMessageAsync", "(ServiceBusReceivedMessage message, CancellationToken cancellationToken)"),
    lib("Azure.Messaging.ServiceBus.Amqp.AmqpReceiver", "CompleteAsync", "(Guid lockToken, CancellationToken cancellationToken)"),
    lib("Azure.Messaging.ServiceBus.Amqp.AmqpReceiver", "ThrowLockLostException", "()"),
)
# Every HTTP trigger reads its JSON body through one helper.
READ_BODY = (
    app("Dyffryn.Bookings.Http.RequestBody", "ReadAsync[T]", "(HttpRequest request)", "Dyffryn.Bookings/Http/RequestBody.cs", 21, boundary=True),
    lib("System.Text.Json.JsonSerializer", "ContinueDeserialize[TValue]", "(ReadBufferState& bufferState, JsonReaderState& jsonReaderState, ReadStack& readStack, JsonTypeInfo jsonTypeInfo)"),
    lib("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, JsonReaderException ex)"),
)
SQL = (
    lib("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)"),
    lib("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)"),
)
SQL_READER = (
    lib("Microsoft.Data.SqlClient.SqlCommand", "EndExecuteReaderInternal", "(IAsyncResult asyncResult)"),
    lib("Microsoft.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)"),
)
SPL = {"search": "Dyffryn - Functions exceptions (App Insights)"}
DD = {"style": "sample", "monitor": "[Azure] Dyffryn function exceptions", "team": "ferries"}


def unique(table: str, index: str, value: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("Microsoft.Data.SqlClient.SqlException", f"Cannot insert duplicate key row in object '{table}' with unique index '{index}'. The duplicate key value is ({value}).\nThe statement has been terminated.", SQL_READER),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*frames, *SQL)),
    )


def lock_lost(queue: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("Azure.Messaging.ServiceBus.ServiceBusException", f"The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue. For more information please see https://aka.ms/ServiceBusExceptions . Reference:{{uuid}}, TrackingId:{{hex}}_G{{n}}, SystemTracker:gi::G{{n}}:{{id}}:amqps://sb-dyffryn-prod.servicebus.windows.net/-{{hex}};0:5:6:source(address:/{queue}/Subscriptions/functions,filter:[]), Timestamp:{{ts}} (MessageLockLost)", (*frames, *SB_COMPLETE)),)


def cosmos_404(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("Microsoft.Azure.Cosmos.CosmosException", "Response status code does not indicate success: NotFound (404); Substatus: 0; ActivityId: {uuid}; Reason: (Message: {\"Errors\":[\"Resource Not Found. Learn more: https://aka.ms/cosmosdb-tsg-not-found\"]} ActivityId: {uuid}, Request URI: /apps/{uuid2}/services/{uuid3}/partitions/{uuid4}/replicas/{id}s, RequestStats: , SDK: Windows/10.0.20348 cosmos-netstandard-sdk/3.46.0);", (*frames, *COSMOS_READ)),)


BUGS = [
    # The same NullReferenceException in two functions of two apps.
    Bug("dy-fare-nre", "bookings-func", (Exc("System.NullReferenceException", NRE, bookings(app("Dyffryn.Bookings.Functions.QuoteFunction", "Run", "(HttpRequest req, FunctionContext context)", "Dyffryn.Bookings/Functions/QuoteFunction.cs", 34, boundary=True), app("Dyffryn.Bookings.Fares.FareCalculator", "Total", "(Sailing sailing, IReadOnlyList`1 passengers)", "Dyffryn.Bookings/Fares/FareCalculator.cs", 57))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4, 5), pair="dy-manifest-nre", entry="Quote", span=2, renames={"Total": "TotalFor"}),
    Bug("dy-manifest-nre", "manifest-func", (Exc("System.NullReferenceException", NRE, manifests(app("Dyffryn.Manifests.Functions.BuildManifestFunction", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", "Dyffryn.Manifests/Functions/BuildManifestFunction.cs", 41, boundary=True), app("Dyffryn.Manifests.PassengerList", "Add", "(Booking booking)", "Dyffryn.Manifests/PassengerList.cs", 29))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4,), pair="dy-fare-nre", entry="BuildManifest"),
    # Cosmos 404s: which container was read is the bug.
    Bug("dy-booking-cosmos-404", "bookings-func", cosmos_404(bookings(app("Dyffryn.Bookings.Functions.GetBookingFunction", "Run", "(HttpRequest req, String reference)", "Dyffryn.Bookings/Functions/GetBookingFunction.cs", 27, boundary=True), app("Dyffryn.Bookings.Data.BookingStore", "GetAsync", "(String reference)", "Dyffryn.Bookings/Data/BookingStore.cs", 33, boundary=True))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4, 9), pair="dy-vehicle-cosmos-404", entry="GetBooking"),
    Bug("dy-vehicle-cosmos-404", "bookings-func", cosmos_404(bookings(app("Dyffryn.Bookings.Functions.AddVehicleFunction", "Run", "(HttpRequest req, String reference)", "Dyffryn.Bookings/Functions/AddVehicleFunction.cs", 39, boundary=True), app("Dyffryn.Bookings.Data.VehicleStore", "GetAsync", "(String registration)", "Dyffryn.Bookings/Data/VehicleStore.cs", 26, boundary=True))),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4, 9), pair="dy-booking-cosmos-404", entry="AddVehicle"),
    # Service Bus lock lost in two triggers.
    Bug("dy-manifest-lock-lost", "manifest-func", lock_lost("booking-confirmed", manifests(app("Dyffryn.Manifests.Functions.BuildManifestFunction", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", "Dyffryn.Manifests/Functions/BuildManifestFunction.cs", 63, boundary=True))),
        (see("sentry.error", 3), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(9,), pair="dy-refund-lock-lost", entry="BuildManifest"),
    Bug("dy-refund-lock-lost", "manifest-func", lock_lost("refund-requested", manifests(app("Dyffryn.Manifests.Functions.ProcessRefundFunction", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", "Dyffryn.Manifests/Functions/ProcessRefundFunction.cs", 52, boundary=True))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **SPL)),
        classes=(9,), pair="dy-manifest-lock-lost", entry="ProcessRefund"),
    # One body reader at the end of two triggers' stacks.
    Bug("dy-quote-json", "bookings-func", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateOnly. Path: $.outbound.date | LineNumber: 0 | BytePositionInLine: {n}.", bookings(app("Dyffryn.Bookings.Functions.QuoteFunction", "Run", "(HttpRequest req, FunctionContext context)", "Dyffryn.Bookings/Functions/QuoteFunction.cs", 22, boundary=True), *READ_BODY)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4, 6), pair="dy-amend-json", entry="Quote"),
    Bug("dy-amend-json", "bookings-func", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to Dyffryn.Bookings.Model.VehicleKind. Path: $.vehicle.kind | LineNumber: 0 | BytePositionInLine: {n}.", bookings(app("Dyffryn.Bookings.Functions.AmendBookingFunction", "Run", "(HttpRequest req, String reference)", "Dyffryn.Bookings/Functions/AmendBookingFunction.cs", 31, boundary=True), *READ_BODY)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4, 6), pair="dy-quote-json", entry="AmendBooking", span=3),
    # One parser, two exceptions.
    Bug("dy-sailing-format", "manifest-func", (Exc("System.FormatException", "String '{hex}' was not recognized as a valid DateTime.", manifests(app("Dyffryn.Manifests.Functions.TimetableImportFunction", "Run", "(TimerInfo timer)", "Dyffryn.Manifests/Functions/TimetableImportFunction.cs", 48, boundary=True), app("Dyffryn.Manifests.Timetable.SailingParser", "Parse", "(String line)", "Dyffryn.Manifests/Timetable/SailingParser.cs", 36), lib("System.DateTime", "ParseExact", "(String s, String format, IFormatProvider provider)"))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4,), pair="dy-sailing-range", entry="TimetableImport"),
    Bug("dy-sailing-range", "manifest-func", (Exc("System.ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", manifests(app("Dyffryn.Manifests.Functions.TimetableImportFunction", "Run", "(TimerInfo timer)", "Dyffryn.Manifests/Functions/TimetableImportFunction.cs", 48, boundary=True), app("Dyffryn.Manifests.Timetable.SailingParser", "Parse", "(String line)", "Dyffryn.Manifests/Timetable/SailingParser.cs", 31), lib("System.Collections.Generic.List`1", "get_Item", "(Int32 index)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **SPL), see("datadog.log", **DD)),
        classes=(4,), pair="dy-sailing-format", entry="TimetableImport"),
    # Unique indexes of two tables.
    Bug("dy-booking-ref-dup", "bookings-func", unique("dbo.Bookings", "IX_Bookings_Reference", "DYF{n}{idx}K", bookings(app("Dyffryn.Bookings.Functions.CreateBookingFunction", "Run", "(HttpRequest req, FunctionContext context)", "Dyffryn.Bookings/Functions/CreateBookingFunction.cs", 58, boundary=True))),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4,), pair="dy-vehicle-reg-dup", entry="CreateBooking"),
    Bug("dy-vehicle-reg-dup", "bookings-func", unique("dbo.Vehicles", "IX_Vehicles_BookingId_Registration", "{id}, {plate}", bookings(app("Dyffryn.Bookings.Functions.AddVehicleFunction", "Run", "(HttpRequest req, String reference)", "Dyffryn.Bookings/Functions/AddVehicleFunction.cs", 61, boundary=True))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(4,), pair="dy-booking-ref-dup", entry="AddVehicle"),
    # The harbour authority's API timing out: HttpClient's cancellation over a frameless TimeoutException.
    Bug("dy-harbour-timeout", "manifest-func", (Exc("System.TimeoutException", "The operation was canceled."), Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", manifests(app("Dyffryn.Manifests.Functions.SubmitManifestFunction", "Run", "(TimerInfo timer)", "Dyffryn.Manifests/Functions/SubmitManifestFunction.cs", 37, boundary=True), app("Dyffryn.Manifests.Harbour.HarbourClient", "SubmitAsync", "(Manifest manifest)", "Dyffryn.Manifests/Harbour/HarbourClient.cs", 45, boundary=True), lib("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)")))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        classes=(9,), entry="SubmitManifest", span=2),
    Bug("dy-keyvault-403", "bookings-func", (Exc("Azure.RequestFailedException", "Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid={uuid2};oid={uuid3};iss=https://sts.windows.net/{uuid4}/\r\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\r\nResource: '/subscriptions/5e1b7a0c-93d2-4f6a-8c11-0b9d2e47a6f3/resourcegroups/rg-dyffryn-prod/providers/microsoft.keyvault/vaults/kv-dyffryn-prod/secrets/payments-api-key'\r\nAssignment: (not found)\r\nDecisionReason: 'DeniedWithNoValidRBAC'\r\nVault: kv-dyffryn-prod;location=uksouth\r\n\r\nStatus: 403 (Forbidden)\r\nErrorCode: Forbidden", bookings(app("Dyffryn.Bookings.Functions.PayFunction", "Run", "(HttpRequest req, String reference)", "Dyffryn.Bookings/Functions/PayFunction.cs", 29, boundary=True), app("Dyffryn.Bookings.Payments.PaymentKeys", "GetAsync", "()", "Dyffryn.Bookings/Payments/PaymentKeys.cs", 18, boundary=True), lib("Azure.Security.KeyVault.Secrets.SecretClient", "GetSecretAsync", "(String name, String version, CancellationToken cancellationToken)"))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        entry="Pay"),
    Bug("dy-blob-missing", "manifest-func", (Exc("Azure.RequestFailedException", "The specified blob does not exist.\nRequestId:{uuid}\nTime:{ts}\r\nStatus: 404 (The specified blob does not exist.)\r\nErrorCode: BlobNotFound", manifests(app("Dyffryn.Manifests.Functions.PrintBoardingCardsFunction", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", "Dyffryn.Manifests/Functions/PrintBoardingCardsFunction.cs", 33, boundary=True), app("Dyffryn.Manifests.Printing.TemplateStore", "OpenAsync", "(String name)", "Dyffryn.Manifests/Printing/TemplateStore.cs", 24, boundary=True), lib("Azure.Storage.Blobs.Specialized.BlobBaseClient", "DownloadStreamingInternal", "(HttpRange range, BlobRequestConditions conditions, IProgress`1 progressHandler, String operationName, Boolean async, CancellationToken cancellationToken)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPL), see("datadog.log", **DD)),
        entry="PrintBoardingCards"),
    Bug("dy-empty-sequence", "manifest-func", (Exc("System.InvalidOperationException", "Sequence contains no elements", manifests(app("Dyffryn.Manifests.Functions.NightlyCapacityFunction", "Run", "(TimerInfo timer)", "Dyffryn.Manifests/Functions/NightlyCapacityFunction.cs", 26, boundary=True), lib("System.Linq.ThrowHelper", "ThrowNoElementsException", "()"))),),
        (see("sentry.error"),),
        singleton=True, entry="NightlyCapacity"),
]

NOISE = [
    Noise("dy-noise-deploy", "bookings-func", "datadog.event", {"monitor": "Deployed bookings-func 2026.3.4", "text": "Azure DevOps release 412 swapped slot staging -> production for func-dyffryn-bookings.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "ferries"}),
    Noise("dy-noise-host-start", "manifest-func", "splunk", {**SPL, "line": '{"time":"{ts}","Type":"AppTraces","AppRoleName":"manifest-func","Message":"Host started ({n}ms)","SeverityLevel":1,"Properties":{"Category":"Host.Startup","LogLevel":"Information"}}'}),
    Noise("dy-noise-sentry-resolved", "bookings-func", "sentry.metric", {"rule": "bookings-func failed invocations", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

DYFFRYN = Company(
    key="dy",
    name="Dyffryn Ferries",
    domain="dyffryn.example",
    sentry_org="dyffryn-ferries",
    splunk_url="https://dyffryn.splunkcloud.com",
    splunk_guid="7A3E51C0-2D84-4B19-9F6E-C08B14A5D273",
    datadog_org=("611274", "Dyffryn Ferries"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.2", "2026.3.4", "2026.3.5"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dyffryn-sentry-client-secret",
)
# fmt: on
