"""(ne) Ecclesfold Lettings, a lettings agency's back office on .NET 8 Azure Functions in the
isolated worker model (``ecclesfold-func``: HTTP triggers for the portal, Service Bus triggers
for rent runs, a timer for the nightly statements, a blob trigger for tenancy documents),
Cosmos DB, Azure SQL through Microsoft.Data.SqlClient, Blob Storage.

Sentry: Sentry.Azure.Functions.Worker. Application Insights: the worker SDK; the
``AppExceptions`` table exported by a diagnostic setting to an Event Hub, read by the Splunk
Add-on for Microsoft Cloud Services (one saved search over every function's exceptions) and
by the Datadog Azure integration (one log monitor pasting the record's ``ExceptionType``,
``OuterMessage`` and ``InnermostMessage``; one pasting only the ``ProblemId``). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "ecclesfold-func": Service("ecclesfold-func", "csharp", "ne-eventhub", "mscs:azure:eventhub", "azure_event_hub://evhns-ecclesfold-prod/appi-exceptions", "azure_appinsights", 12220011, ".NET 8.0.11", sdk=("sentry.dotnet", "4.13.0", "nuget:Sentry.Azure.Functions.Worker")),
}
SRC = "/home/runner/work/ecclesfold/ecclesfold/src/Ecclesfold.Functions/"


def f(cls: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs("Ecclesfold.Functions." + cls, method, args, SRC + file, line, boundary=boundary)


def lib(cls: str, method: str, args: str = "()") -> Frame:
    return cs(cls, method, args, lib=True)


# The isolated worker invoking a function through the source-generated executor.
WORKER = (
    lib("Microsoft.Azure.Functions.Worker.GrpcWorker", "InvocationRequestHandlerAsync", "(InvocationRequest request)"),
    lib("Microsoft.Azure.Functions.Worker.Handlers.InvocationHandler", "InvokeAsync", "(InvocationRequest request)"),
    lib("Microsoft.Azure.Functions.Worker.FunctionsApplication", "InvokeFunctionAsync", "(FunctionContext context)"),
    lib("Microsoft.Azure.Functions.Worker.OutputBindings.OutputBindingsMiddleware", "Invoke", "(FunctionContext context, FunctionExecutionDelegate next)"),
    f("DirectFunctionExecutor", "ExecuteAsync", "(FunctionContext context)", "obj/Release/net8.0/Microsoft.Azure.Functions.Worker.Sdk.Generators/Microsoft.Azure.Functions.Worker.Sdk.Generators.FunctionExecutorGenerator/GeneratedFunctionExecutor.g.cs", 38, boundary=True),
)
COSMOS = (
    lib("Microsoft.Azure.Cosmos.ResponseMessage", "EnsureSuccessStatusCode"),
    lib("Microsoft.Azure.Cosmos.CosmosResponseFactoryCore", "ProcessMessage[T]", "(ResponseMessage responseMessage, Func`2 createResponse)"),
    lib("Microsoft.Azure.Cosmos.ContainerCore", "CreateItemAsync[T]", "(T item, ITrace trace, Nullable`1 partitionKey, ItemRequestOptions requestOptions, CancellationToken cancellationToken)"),
)
BLOB = (
    lib("Azure.Core.HttpPipelineExtensions", "ProcessMessageAsync", "(HttpPipeline pipeline, HttpMessage message, RequestContext requestContext, CancellationToken cancellationToken)"),
    lib("Azure.Storage.Blobs.BlobRestClient", "DownloadAsync", "(String snapshot, String versionId, Nullable`1 timeout, String range, String leaseId, Nullable`1 rangeGetContentMD5, Nullable`1 rangeGetContentCRC64, String encryptionKey, String encryptionKeySha256, Nullable`1 encryptionAlgorithm, Nullable`1 ifModifiedSince, Nullable`1 ifUnmodifiedSince, String ifMatch, String ifNoneMatch, String ifTags, CancellationToken cancellationToken)"),
)
SQL = (
    lib("Microsoft.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)"),
    lib("Microsoft.Data.SqlClient.SqlCommand", "EndExecuteReaderInternal", "(IAsyncResult asyncResult)"),
    lib("Dapper.SqlMapper", "QueryAsync[T]", "(IDbConnection cnn, Type effectiveType, CommandDefinition command)"),
)
STJ = (
    lib("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)"),
    lib("System.Text.Json.Serialization.JsonConverter`1", "ReadCore", "(Utf8JsonReader& reader, JsonSerializerOptions options, ReadStack& state)"),
    lib("System.Text.Json.JsonSerializer", "ReadFromSpan[TValue]", "(ReadOnlySpan`1 utf8Json, JsonTypeInfo`1 jsonTypeInfo, Nullable`1 actualByteCount)"),
)
LINQ = (lib("System.Linq.ThrowHelper", "ThrowNoElementsException"), lib("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source)"))
BLOBHELPER = f("Storage.DocumentStore", "ReadJsonAsync[T]", "(String container, String name, CancellationToken ct)", "Storage/DocumentStore.cs", 44, boundary=True)

NRE = "Object reference not set to an instance of an object."
CONFLICT = "Response status code does not indicate success: Conflict (409); Substatus: 0; ActivityId: {uuid}; Reason: (Message: {\"Errors\":[\"Resource with specified id or name already exists.\"]}\r\nActivityId: {uuid}, Request URI: /apps/{hex1}/services/{hex2}/partitions/{hex3}/replicas/{offset}p/, RequestStats: , SDK: Linux/2.0 cosmos-netstandard-sdk/3.46.0);"
BLOB404 = "The specified blob does not exist.\nRequestId:{uuid}\nTime:{tsnaive}0Z\nStatus: 404 (The specified blob does not exist.)\nErrorCode: BlobNotFound\n\nContent:\n<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.\nRequestId:{uuid}\nTime:{tsnaive}0Z</Message></Error>\n\nHeaders:\nx-ms-request-id: {uuid}\nx-ms-client-request-id: {uuid}\nx-ms-version: 2025-01-05\nx-ms-error-code: BlobNotFound\nDate: Mon, 02 Mar 2026 09:12:44 GMT\nServer: Windows-Azure-Blob/1.0,Microsoft-HTTPAPI/2.0\nContent-Length: 215\nContent-Type: application/xml\n"
DECIMAL = "The JSON value could not be converted to System.Decimal. Path: $.{field} | LineNumber: 0 | BytePositionInLine: {n}."
NOELEM = "Sequence contains no elements"

SEARCH = dict(search="Ecclesfold - function exceptions (AppExceptions)", owner="az_ingest", app="ecclesfold_azure")
DD = dict(team="lettings-dev", monitor="[ecclesfold-func] exceptions in Application Insights", filter="source:azure.insights Type:AppExceptions AppRoleName:ecclesfold-func", format="ne-dd", text="**{{log.attributes.ExceptionType}}** in `{{log.attributes.OperationName}}`\n\n{{log.attributes.OuterMessage}}\n\nInnermost: {{log.attributes.InnermostType}}: {{log.attributes.InnermostMessage}}")
DD_PROBLEM = dict(team="lettings-dev", monitor="[ecclesfold-func] new problem ids", filter="source:azure.insights Type:AppExceptions", format="ne-dd", text="New problem in ecclesfold-func: {{log.attributes.ProblemId}} ({{log.attributes.OperationName}})")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def ddp(n: int = 1) -> Seen:
    return see("datadog.log", n, **DD_PROBLEM)


def nre(*frames: Frame) -> tuple[Exc, ...]:
    return (Exc("NullReferenceException", NRE, frames, module="System"),)


BUGS = [
    # The same NullReferenceException in two HTTP functions.
    Bug("ne-tenancy-nre", "ecclesfold-func", nre(*WORKER, f("Tenancies.GetTenancy", "Run", "(HttpRequestData req, String tenancyId, FunctionContext ctx)", "Tenancies/GetTenancy.cs", 41, boundary=True), f("Tenancies.TenancyMapper", "ToDto", "(Tenancy tenancy)", "Tenancies/TenancyMapper.cs", 27)),
        (see("sentry.error", 3), spl(2), dd(), see("sentry.issue")),
        classes=(4, 5), pair="ne-landlord-nre", span=2, renames={"ToDto": "ToSummaryDto"}, entry="GetTenancy"),
    Bug("ne-landlord-nre", "ecclesfold-func", nre(*WORKER, f("Landlords.GetStatement", "Run", "(HttpRequestData req, String landlordId, FunctionContext ctx)", "Landlords/GetStatement.cs", 36, boundary=True), f("Landlords.StatementBuilder", "AddLine", "(RentPayment payment)", "Landlords/StatementBuilder.cs", 58)),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(4,), pair="ne-tenancy-nre", entry="GetStatement"),
    # Cosmos 409 on two containers' inserts.
    Bug("ne-cosmos-viewing-conflict", "ecclesfold-func", (Exc("CosmosException", CONFLICT, (*WORKER, f("Viewings.BookViewing", "Run", "(HttpRequestData req, FunctionContext ctx)", "Viewings/BookViewing.cs", 52, boundary=True), f("Viewings.ViewingRepository", "AddAsync", "(Viewing viewing)", "Viewings/ViewingRepository.cs", 31, boundary=True), *COSMOS), module="Microsoft.Azure.Cosmos"),),
        (see("sentry.error", 3), spl(), dd(), ddp()),
        classes=(4,), pair="ne-cosmos-repair-conflict", entry="BookViewing"),
    Bug("ne-cosmos-repair-conflict", "ecclesfold-func", (Exc("CosmosException", CONFLICT, (*WORKER, f("Repairs.ReportRepair", "Run", "(HttpRequestData req, FunctionContext ctx)", "Repairs/ReportRepair.cs", 47, boundary=True), f("Repairs.RepairRepository", "AddAsync", "(RepairRequest request)", "Repairs/RepairRepository.cs", 29, boundary=True), *COSMOS), module="Microsoft.Azure.Cosmos"),),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(4,), pair="ne-cosmos-viewing-conflict", entry="ReportRepair"),
    # Two functions failing inside one blob helper.
    Bug("ne-blob-inventory-missing", "ecclesfold-func", (Exc("RequestFailedException", BLOB404, (*WORKER, f("Inventories.ProcessCheckout", "Run", "(ServiceBusReceivedMessage message, FunctionContext ctx)", "Inventories/ProcessCheckout.cs", 39, boundary=True), BLOBHELPER, *BLOB), module="Azure"),),
        (see("sentry.error", 3), spl(2), dd(), see("sentry.alert", rule="Storage failures in ecclesfold-func")),
        classes=(1, 9), pair="ne-blob-reference-missing", entry="ProcessCheckout"),
    Bug("ne-blob-reference-missing", "ecclesfold-func", (Exc("RequestFailedException", BLOB404, (*WORKER, f("Referencing.ScoreApplicant", "Run", "(ServiceBusReceivedMessage message, FunctionContext ctx)", "Referencing/ScoreApplicant.cs", 63, boundary=True), BLOBHELPER, *BLOB), module="Azure"),),
        (see("sentry.error", 2), spl(2), ddp()),
        classes=(1, 9), pair="ne-blob-inventory-missing", entry="ScoreApplicant"),
    # System.Text.Json's decimal conversion in two triggers.
    Bug("ne-json-payment-amount", "ecclesfold-func", (Exc("InvalidOperationException", "Cannot get the value of a token type 'String' as a number.", (lib("System.Text.Json.Utf8JsonReader", "TryGetDecimal", "(Decimal& value)"),)), Exc("JsonException", DECIMAL.replace("{field}", "amount"), (*WORKER, f("Payments.OpenBankingWebhook", "Run", "(HttpRequestData req, FunctionContext ctx)", "Payments/OpenBankingWebhook.cs", 33, boundary=True), *STJ), module="System.Text.Json")),
        (see("sentry.error", 3), spl(2), dd(2)),
        classes=(4,), pair="ne-json-deposit-amount", entry="OpenBankingWebhook"),
    Bug("ne-json-deposit-amount", "ecclesfold-func", (Exc("InvalidOperationException", "Cannot get the value of a token type 'String' as a number.", (lib("System.Text.Json.Utf8JsonReader", "TryGetDecimal", "(Decimal& value)"),)), Exc("JsonException", DECIMAL.replace("{field}", "deposit.amount"), (*WORKER, f("Deposits.ProtectDeposit", "Run", "(ServiceBusReceivedMessage message, FunctionContext ctx)", "Deposits/ProtectDeposit.cs", 28, boundary=True), *STJ), module="System.Text.Json")),
        (see("sentry.error", 2), spl(), dd()),
        classes=(4,), pair="ne-json-payment-amount", entry="ProtectDeposit"),
    # Sequence contains no elements in the rent run and the arrears run.
    Bug("ne-rentrun-no-elements", "ecclesfold-func", (Exc("InvalidOperationException", NOELEM, (*WORKER, f("RentRuns.RunRentCollection", "Run", "(ServiceBusReceivedMessage message, FunctionContext ctx)", "RentRuns/RunRentCollection.cs", 45, boundary=True), f("RentRuns.RentSchedule", "CurrentPeriod", "(Tenancy tenancy)", "RentRuns/RentSchedule.cs", 19), *LINQ), module="System"),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(4,), pair="ne-arrears-no-elements", entry="RunRentCollection"),
    Bug("ne-arrears-no-elements", "ecclesfold-func", (Exc("InvalidOperationException", NOELEM, (*WORKER, f("Arrears.NightlyArrears", "Run", "(TimerInfo timer, FunctionContext ctx)", "Arrears/NightlyArrears.cs", 30, boundary=True), f("Arrears.ArrearsPolicy", "StageFor", "(Int32 daysLate)", "Arrears/ArrearsPolicy.cs", 22), *LINQ), module="System"),),
        (see("sentry.error", 2), spl(2), ddp()),
        classes=(4,), pair="ne-rentrun-no-elements", entry="NightlyArrears"),
    # One quote calculator, two exceptions.
    Bug("ne-quote-divide-zero", "ecclesfold-func", (Exc("DivideByZeroException", "Attempted to divide by zero.", (*WORKER, f("Valuations.GetRentQuote", "Run", "(HttpRequestData req, FunctionContext ctx)", "Valuations/GetRentQuote.cs", 40, boundary=True), f("Valuations.QuoteCalculator", "Compute", "(Property property, IReadOnlyList`1 comparables)", "Valuations/QuoteCalculator.cs", 33), lib("System.Decimal+DecCalc", "VarDecDiv", "(DecCalc& d1, DecCalc& d2)")), module="System"),),
        (see("sentry.error", 3), spl(), dd()),
        classes=(4,), pair="ne-quote-overflow", entry="GetRentQuote"),
    Bug("ne-quote-overflow", "ecclesfold-func", (Exc("OverflowException", "Value was either too large or too small for a Decimal.", (*WORKER, f("Valuations.GetRentQuote", "Run", "(HttpRequestData req, FunctionContext ctx)", "Valuations/GetRentQuote.cs", 40, boundary=True), f("Valuations.QuoteCalculator", "Compute", "(Property property, IReadOnlyList`1 comparables)", "Valuations/QuoteCalculator.cs", 41), lib("System.Decimal+DecCalc", "VarDecMul", "(DecCalc& d1, DecCalc& d2)")), module="System"),),
        (see("sentry.error", 2), spl(2)),
        classes=(4,), pair="ne-quote-divide-zero", entry="GetRentQuote"),
    # Service Bus lock lost in the long statement run.
    Bug("ne-sb-lock-lost", "ecclesfold-func", (Exc("ServiceBusException", "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue. For more information please see https://aka.ms/ServiceBusExceptions . Reference:{uuid}, TrackingId:{hex}_G{idx}, SystemTracker:evhns-ecclesfold-prod:Queue:statements, Timestamp:{tsnaive} (MessageLockLost). For troubleshooting information, see https://aka.ms/azsdk/net/servicebus/exceptions/troubleshoot.", (*WORKER, f("Statements.GenerateStatements", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions, FunctionContext ctx)", "Statements/GenerateStatements.cs", 71, boundary=True), lib("Microsoft.Azure.Functions.Worker.ServiceBusMessageActions", "CompleteMessageAsync", "(ServiceBusReceivedMessage message, CancellationToken cancellationToken)"), lib("Azure.Messaging.ServiceBus.Amqp.AmqpReceiver", "CompleteInternalAsync", "(Guid lockToken, TimeSpan timeout)")), module="Azure.Messaging.ServiceBus"),),
        (see("sentry.error", 3), spl(2), dd(), ddp()),
        classes=(1,), entry="GenerateStatements"),
    # Azure SQL timeout under the nightly statements: Win32Exception inside SqlException.
    Bug("ne-sql-timeout", "ecclesfold-func", (Exc("Win32Exception", "The wait operation timed out.", (), module="System.ComponentModel"), Exc("SqlException", "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", (*WORKER, f("Statements.GenerateStatements", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions, FunctionContext ctx)", "Statements/GenerateStatements.cs", 48, boundary=True), f("Statements.LedgerQueries", "PaymentsForPeriodAsync", "(Guid landlordId, DateOnly from, DateOnly to)", "Statements/LedgerQueries.cs", 26, boundary=True), *SQL), module="Microsoft.Data.SqlClient")),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1,), entry="GenerateStatements"),
    # HttpClient timeout calling the referencing agency.
    Bug("ne-referencing-timeout", "ecclesfold-func", (Exc("TimeoutException", "The operation was canceled.", (), module="System"), Exc("TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", (*WORKER, f("Referencing.ScoreApplicant", "Run", "(ServiceBusReceivedMessage message, FunctionContext ctx)", "Referencing/ScoreApplicant.cs", 51, boundary=True), f("Referencing.HomeletClient", "RequestReferenceAsync", "(Applicant applicant)", "Referencing/HomeletClient.cs", 38, boundary=True), lib("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)"), lib("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)")), module="System.Threading.Tasks")),
        (see("sentry.error", 2), spl(3), dd()),
        classes=(1,), entry="ScoreApplicant"),
    # A Guid route value a landlord's bookmark mangled.
    Bug("ne-guid-format", "ecclesfold-func", (Exc("FormatException", "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).", (*WORKER, f("Landlords.GetStatement", "Run", "(HttpRequestData req, String landlordId, FunctionContext ctx)", "Landlords/GetStatement.cs", 24, boundary=True), lib("System.Guid", "Parse", "(String input)"), lib("System.Guid+GuidResult", "SetFailure", "(ParseFailure failureKind)")), module="System"),),
        (see("sentry.error", 2), spl(), dd()),
        classes=(), entry="GetStatement"),
    # Seen once: libgdiplus missing on the Linux plan for the inventory PDF.
    Bug("ne-gdiplus-missing", "ecclesfold-func", (Exc("DllNotFoundException", "Unable to load shared library 'libgdiplus' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: \nlibgdiplus: cannot open shared object file: No such file or directory", (*WORKER, f("Inventories.RenderInventoryPdf", "Run", "(BlobClient blob, FunctionContext ctx)", "Inventories/RenderInventoryPdf.cs", 22, boundary=True), lib("System.Drawing.SafeNativeMethods+Gdip", "GdipCreateBitmapFromScan0", "(Int32 width, Int32 height, Int32 stride, Int32 format, IntPtr scan0, IntPtr& bitmap)")), module="System"),),
        (spl(),),
        singleton=True, entry="RenderInventoryPdf"),
]

NOISE = [
    Noise("ne-noise-deploy", "ecclesfold-func", "datadog.event", {"monitor": "ecclesfold-func deployed", "text": "Zip deploy of ecclesfold-func 2026.3.9 to the production slot succeeded (swap from staging).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings-dev", "release": "2"}),
    Noise("ne-noise-host-start", "ecclesfold-func", "splunk", {**SEARCH, "line": '{"TimeGenerated":"{ts}","Type":"AppTraces","Message":"Host started (312ms)","SeverityLevel":1,"AppRoleName":"ecclesfold-func","Properties":{"Category":"Host.Startup","LogLevel":"Information"}}'}),
    Noise("ne-noise-recovered", "ecclesfold-func", "datadog.log", {"monitor": "[ecclesfold-func] exceptions in Application Insights", "transition": "Recovered", "alert_type": "success", "team": "lettings-dev", "filter": "source:azure.insights Type:AppExceptions AppRoleName:ecclesfold-func", "text": "No new exceptions from ecclesfold-func in the last 30 minutes."}),
]

ECCLESFOLD = Company(
    key="ne",
    name="Ecclesfold Lettings",
    domain="ecclesfold-lettings.example",
    sentry_org="ecclesfold",
    splunk_url="https://ecclesfold.splunkcloud.example",
    splunk_guid="5D2A8C41-0E7B-4F93-A6D1-3B9E2C7F0A64",
    datadog_org=("1220011", "Ecclesfold Lettings"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.2", "2026.3.6", "2026.3.9"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ecclesfold-sentry-client-secret",
)
# fmt: on
