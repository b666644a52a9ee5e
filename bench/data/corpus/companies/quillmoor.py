"""(aa) Quillmoor, utility billing for small water and heat suppliers: a .NET 8 Azure Functions
app on the isolated worker (``billing-fn``: meter-reading ingest from Service Bus, nightly
invoice runs on a timer, the payment provider's webhook over HTTP) and an ASP.NET Core worker
service running Hangfire 1.8 jobs (``dunning``: reminder letters, e-mails and texts, invoice
PDFs), both on AKS.

The worker logs Microsoft.Extensions.Logging's JSON console formatter; the Functions host and
the Hangfire server log the simple console formatter (``fail: Category[0]`` and indented
lines), the host wrapping what the worker threw in ``RpcException``'s text. Application
Insights' exception telemetry reaches Splunk through a diagnostic-settings export
(``AppExceptions`` records). Sentry's Azure Functions worker SDK and Sentry.AspNetCore see both
services; Datadog posts the team's camelCase template with the plain-text message.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import HANGFIRE, cs

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "billing-fn": Service("billing-fn", "csharp", "mel-json", "quillmoor:functions:json", "/var/log/containers/billing-fn.log", "qm_prod", 8810021, ".NET 8.0.11", framework="azure-functions", sdk=("sentry.dotnet.azure.functions.worker", "4.13.0", "nuget:Sentry.Azure.Functions.Worker")),
    "dunning": Service("dunning", "csharp", "mel-simple", "quillmoor:dunning", "/var/log/containers/dunning.log", "qm_prod", 8810024, ".NET 8.0.11", framework="hangfire", sdk=("sentry.dotnet.aspnetcore", "4.13.0", "nuget:Sentry.AspNetCore")),
}

SRC = "/src/Quillmoor.Billing.Functions/"
JOBS = "/src/Quillmoor.Dunning/"
GEN = SRC + "obj/Release/net8.0/Microsoft.Azure.Functions.Worker.Sdk.Generators/Microsoft.Azure.Functions.Worker.Sdk.Generators.FunctionExecutorGenerator/GeneratedFunctionExecutor.g.cs"

# The isolated worker's invocation pipeline down to the source-generated executor, which sits
# in the app's own assembly.
FN_INVOKE = (
    cs("Microsoft.Azure.Functions.Worker.Handlers.InvocationHandler", "InvokeAsync", "(InvocationRequest request)", lib=True),
    cs("Microsoft.Azure.Functions.Worker.FunctionsApplication", "InvokeFunctionAsync", "(FunctionContext context)", lib=True, boundary=True),
    cs("Microsoft.Azure.Functions.Worker.OutputBindings.OutputBindingsMiddleware", "Invoke", "(FunctionContext context, FunctionExecutionDelegate next)", lib=True, boundary=True),
    cs("Microsoft.Azure.Functions.Worker.FunctionExecutionMiddleware", "Invoke", "(FunctionContext context)", lib=True, boundary=True),
    cs("Quillmoor.Billing.Functions.DirectFunctionExecutor", "ExecuteAsync", "(FunctionContext context)", GEN, 38, boundary=True),
)
FIRST_NO_MATCH = (
    cs("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source, Func`2 predicate)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowNoMatchException", "()", lib=True),
)
COSMOS_READ = (
    cs("Microsoft.Azure.Cosmos.ContainerInlineCore", "ReadItemAsync[T]", "(String id, PartitionKey partitionKey, ItemRequestOptions requestOptions, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.Azure.Cosmos.ClientContextCore", "RunWithDiagnosticsHelperAsync[TResult]", "(String containerName, String databaseName, OperationType operationType, ITrace trace, Func`2 task, Func`2 openTelemetry, String operationName, RequestOptions requestOptions)", lib=True, boundary=True),
    cs("Microsoft.Azure.Cosmos.ContainerCore", "ReadItemAsync[T]", "(String id, PartitionKey partitionKey, ITrace trace, ItemRequestOptions requestOptions, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.Azure.Cosmos.CosmosResponseFactoryCore", "ProcessMessage[T]", "(ResponseMessage responseMessage, Func`2 createResponse)", lib=True),
    cs("Microsoft.Azure.Cosmos.ResponseMessage", "EnsureSuccessStatusCode", "()", lib=True),
)
HTTP_SEND = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
HTTP_INNER = (
    cs("System.Net.Http.HttpConnectionPool", "SendWithVersionDetectionAndRetryAsync", "(HttpRequestMessage request, Boolean async, Boolean doRequestAuth, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("System.Net.Http.HttpConnection", "SendAsync", "(HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)", lib=True),
)
STJ = (
    cs("System.Text.Json.JsonSerializer", "Deserialize[TValue]", "(String json, JsonSerializerOptions options)", lib=True),
    cs("System.Text.Json.Serialization.JsonConverter`1", "ReadCore", "(Utf8JsonReader& reader, JsonSerializerOptions options, ReadStack& state)", lib=True),
    cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True),
)
FILE_OPEN = (
    cs("System.IO.File", "OpenHandle", "(String path, FileMode mode, FileAccess access, FileShare share, FileOptions options, Int64 preallocationSize)", lib=True),
    cs("Microsoft.Win32.SafeHandles.SafeFileHandle", "Open", "(String fullPath, FileMode mode, FileAccess access, FileShare share, FileOptions options, Int64 preallocationSize, UnixFileMode openPermissions, Int64& fileLength, UnixFileMode& filePermissions, Boolean failForSymlink, Boolean& wasSymlink, Func`4 createOpenException)", lib=True),
    cs("Interop", "CheckIo", "(Error error, String path, Boolean isDirError)", lib=True),
)

HANGFIRE_RETRY = dict(log="Failed to process the job '{id}': an exception occurred. Retry attempt {idx} of 10 will be performed in 00:0{idx}:3{idx}.", logger="Hangfire.AutomaticRetryAttribute")
DD_FN = dict(team="billing", monitor="billing-fn error logs", filter="service:billing-fn status:error env:prod")
DD_JOBS = dict(team="collections", monitor="dunning failed jobs", filter="service:dunning status:error env:prod")
AI = "mscs:azure:eventhub"
AI_SRC = "azure_event_hub://qm-diag-prod/appinsights"


def fn(cls: str, method: str, args: str, line: int, *, boundary: bool = False) -> Frame:
    file = SRC + cls.replace(".", "/") + ".cs"
    return cs("Quillmoor.Billing.Functions." + cls, method, args, file, line, boundary=boundary)


def job(cls: str, method: str, args: str, line: int, *, boundary: bool = False) -> Frame:
    file = JOBS + cls.replace(".", "/") + ".cs"
    return cs("Quillmoor.Dunning." + cls, method, args, file, line, boundary=boundary)


def http_timeout(app: tuple[Frame, ...], seconds: int) -> tuple[Exc, ...]:
    """HttpClient.Timeout elapsing: TaskCanceledException over TimeoutException over the
    connection's own cancellation."""
    return (
        Exc("System.Threading.Tasks.TaskCanceledException", "A task was canceled.", HTTP_INNER),
        Exc("System.TimeoutException", "A task was canceled."),
        Exc("System.Threading.Tasks.TaskCanceledException", f"The request was canceled due to the configured HttpClient.Timeout of {seconds} seconds elapsing.", (*app, *HTTP_SEND)),
    )


COSMOS_429 = 'Response status code does not indicate success: TooManyRequests (429); Substatus: 3200; ActivityId: {uuid2}; Reason: (Message: {"Errors":["Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later. Learn more: http://aka.ms/cosmosdb-error-429"]});'
COSMOS_404 = 'Response status code does not indicate success: NotFound (404); Substatus: 0; ActivityId: {uuid2}; Reason: ({"Errors":["Resource Not Found. Learn more: https://aka.ms/cosmosdb-tsg-not-found"]});'
STORE_READ = job("Data.CosmosStore`1", "ReadAsync", "(String id, String partitionKey)", 61, boundary=True)
STORE_READ_FN = fn("Data.CosmosStore`1", "ReadAsync", "(String id, String partitionKey)", 61, boundary=True)
NRE = "Object reference not set to an instance of an object."

BUGS = [
    # One LINQ First() with no match in two places: a tariff for a reading, a standing charge
    # for an invoice line.
    Bug("qm-tariff-no-match", "billing-fn", (Exc("System.InvalidOperationException", "Sequence contains no matching element", (*FN_INVOKE, fn("MeterReadingIngest", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", 47, boundary=True), fn("Pricing.TariffResolver", "Resolve", "(MeterReading reading)", 88), *FIRST_NO_MATCH)),),
        (see("sentry.error", 2), see("splunk", 2, event_id=1001), see("splunk", format="ai-exceptions", sourcetype=AI, source=AI_SRC, search="AppExceptions - billing"), see("splunk", format="mel-simple", host="MeterReadingIngest", source="/var/log/containers/billing-fn-host.log"), see("datadog.log", style="kind", **DD_FN), see("splunk", search="AppExceptions by problem - hourly", stats={"ProblemId": "System.InvalidOperationException at System.Linq.ThrowHelper.ThrowNoMatchException", "OperationName": "MeterReadingIngest", "AppRoleName": "billing-fn", "count": "{n}"})),
        classes=(1, 4), pair="qm-standing-no-match", log="Failed to price reading {uuid} for meter {meter}", logger="Quillmoor.Billing.Functions.MeterReadingIngest", entry="MeterReadingIngest"),
    Bug("qm-standing-no-match", "billing-fn", (Exc("System.InvalidOperationException", "Sequence contains no matching element", (*FN_INVOKE, fn("InvoiceRun", "Run", "(TimerInfo timer)", 33, boundary=True), fn("Invoicing.InvoiceBuilder", "BuildAsync", "(Account account, BillingPeriod period)", 112, boundary=True), fn("Pricing.StandingChargeCalculator", "For", "(Account account, DateOnly day)", 29), *FIRST_NO_MATCH)),),
        (see("sentry.error", 2), see("splunk", 2, format="ai-exceptions", sourcetype=AI, source=AI_SRC, search="AppExceptions - billing"), see("datadog.log", style="kind", **DD_FN), see("sentry.issue"), see("splunk", search="AppExceptions by problem - hourly", stats={"ProblemId": "System.InvalidOperationException at System.Linq.ThrowHelper.ThrowNoMatchException", "OperationName": "InvoiceRun", "AppRoleName": "billing-fn", "count": "{n}"})),
        classes=(1, 4, 6), pair="qm-tariff-no-match", log="Invoice run failed for account {sub}", logger="Quillmoor.Billing.Functions.InvoiceRun", entry="InvoiceRun"),
    # The payment webhook: a signature that no longer verifies (the signing secret rotated),
    # and on the same route a status the enum does not know.
    Bug("qm-webhook-signature", "billing-fn", (Exc("Stripe.StripeException", "The signature for the webhook is not present in the Stripe-Signature header.", (*FN_INVOKE, fn("PaymentWebhook", "Run", "(HttpRequest req)", 41), cs("Stripe.EventUtility", "ConstructEvent", "(String json, String stripeSignatureHeader, String secret, Int64 tolerance, Boolean throwOnApiVersionMismatch)", lib=True), cs("Stripe.EventUtility", "ValidateSignature", "(String json, String stripeSignatureHeader, String secret, Int64 tolerance, Int64 utcNow)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, event_id=2001), see("datadog.apm", style="route", team="billing", monitor="billing-fn webhook error rate")),
        classes=(1,), pair="qm-webhook-status-enum", log="Rejected payment webhook from {ip}", logger="Quillmoor.Billing.Functions.PaymentWebhook", entry="POST /api/payments/webhook"),
    Bug("qm-webhook-status-enum", "billing-fn", (Exc("System.InvalidOperationException", "Cannot get the value of a token type 'String' as a number.", STJ[1:2]), Exc("System.Text.Json.JsonException", "The JSON value could not be converted to Quillmoor.Billing.Payments.PaymentStatus. Path: $.data.object.status | LineNumber: 0 | BytePositionInLine: {n}{idx}.", (*FN_INVOKE, fn("PaymentWebhook", "Run", "(HttpRequest req)", 52), fn("Payments.StripeEventReader", "Read", "(String payload)", 24), *STJ))),
        (see("sentry.error", 3), see("splunk", 2, event_id=2001), see("datadog.apm", style="route", team="billing", monitor="billing-fn webhook error rate"), see("splunk", format="ai-exceptions", sourcetype=AI, source=AI_SRC, search="AppExceptions - billing")),
        classes=(1, 2), pair="qm-webhook-signature", log="Rejected payment webhook from {ip}", logger="Quillmoor.Billing.Functions.PaymentWebhook", entry="POST /api/payments/webhook"),
    # Service Bus: a message lock lost during a slow reading batch; the values change every time.
    Bug("qm-sb-lock-lost", "billing-fn", (Exc("Azure.Messaging.ServiceBus.ServiceBusException", "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue. For more information please see https://aka.ms/ServiceBusExceptions . Reference:{uuid}, TrackingId:{hex}_B{idx}, SystemTracker:quillmoor-prod.servicebus.windows.net:meter-readings, Timestamp:2026-03-0{idx}T1{idx}:2{idx}:0{idx} (MessageLockLost)", (*FN_INVOKE, fn("MeterReadingIngest", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", 71, boundary=True), cs("Microsoft.Azure.Functions.Worker.ServiceBusMessageActions", "CompleteMessageAsync", "(ServiceBusReceivedMessage message, CancellationToken cancellationToken)", lib=True, boundary=True), cs("Azure.Messaging.ServiceBus.Amqp.AmqpReceiver", "ThrowLockLostException", "()", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, format="mel-simple", host="MeterReadingIngest", source="/var/log/containers/billing-fn-host.log"), see("datadog.log", style="sample", format="mel-simple", host="MeterReadingIngest", **DD_FN)),
        classes=(2, 4), entry="MeterReadingIngest"),
    # One store helper reached from two bugs: Cosmos throttling in the ingest, a deleted
    # customer still on the dunning schedule.
    Bug("qm-cosmos-throttled", "billing-fn", (Exc("Microsoft.Azure.Cosmos.CosmosException", COSMOS_429, (*FN_INVOKE, fn("MeterReadingIngest", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", 52, boundary=True), fn("Pricing.TariffResolver", "LoadAsync", "(String tariffCode)", 40, boundary=True), STORE_READ_FN, *COSMOS_READ)),),
        (see("splunk", 2, format="ai-exceptions", sourcetype=AI, source=AI_SRC, search="AppExceptions - billing"), see("splunk", event_id=1001), see("sentry.error", 2), see("datadog.log", style="kind", **DD_FN)),
        classes=(2, 9), pair="qm-cosmos-customer-404", log="Failed to price reading {uuid} for meter {meter}", logger="Quillmoor.Billing.Functions.MeterReadingIngest", entry="MeterReadingIngest"),
    Bug("qm-cosmos-customer-404", "dunning", (Exc("Microsoft.Azure.Cosmos.CosmosException", COSMOS_404, (*HANGFIRE, job("Jobs.ReminderLetterJob", "RunAsync", "(String accountId, Int32 stage)", 37, boundary=True), job("Customers.CustomerDirectory", "GetAsync", "(String accountId)", 22, boundary=True), STORE_READ, *COSMOS_READ)),),
        (see("splunk", 3, level="warn"), see("sentry.error", 2), see("datadog.task", team="collections", monitor="dunning jobs failing")),
        classes=(2, 9), pair="qm-cosmos-throttled", entry="ReminderLetterJob.RunAsync", **HANGFIRE_RETRY),
    # One NullReferenceException text in the two reminder channels.
    Bug("qm-email-nre", "dunning", (Exc("System.NullReferenceException", NRE, (*HANGFIRE, job("Jobs.ReminderEmailJob", "RunAsync", "(String accountId, Int32 stage)", 44, boundary=True), job("Templates.ReminderTemplate", "Render", "(Account account, Invoice overdue)", 58))),),
        (see("sentry.error", 3), see("splunk", 2, level="warn"), see("datadog.task", team="collections", monitor="dunning jobs failing"), see("splunk", search="Hangfire failures by job - daily", stats={"job": "ReminderEmailJob.RunAsync", "exception": "System.NullReferenceException", "failures": "{n}", "retried": "{idx}"})),
        classes=(1,), pair="qm-sms-nre", entry="ReminderEmailJob.RunAsync", span=2, **HANGFIRE_RETRY),
    Bug("qm-sms-nre", "dunning", (Exc("System.NullReferenceException", NRE, (*HANGFIRE, job("Jobs.ReminderSmsJob", "RunAsync", "(String accountId, Int32 stage)", 31, boundary=True), job("Sms.PhoneNumberFormatter", "ToE164", "(Contact contact)", 19))),),
        (see("sentry.error", 2), see("splunk", 2, level="warn"), see("sentry.alert", rule="dunning: new issue")),
        classes=(1,), pair="qm-email-nre", entry="ReminderSmsJob.RunAsync", **HANGFIRE_RETRY),
    # Two HttpClient timeouts worded alike: the meter-operator API and the PDF renderer.
    Bug("qm-meterapi-timeout", "billing-fn", http_timeout((*FN_INVOKE, fn("EstimateReads", "Run", "(TimerInfo timer)", 28, boundary=True), fn("Meters.MeterOperatorClient", "GetReadsAsync", "(String mpan, DateOnly from)", 63, boundary=True)), 30),
        (see("sentry.error", 2), see("splunk", 2, event_id=3001), see("splunk", format="ai-exceptions", sourcetype=AI, source=AI_SRC, search="AppExceptions - billing"), see("datadog.log", style="kind", **DD_FN)),
        classes=(1, 10), pair="qm-pdf-timeout", log="Estimate run stopped after {n} meters", logger="Quillmoor.Billing.Functions.EstimateReads", entry="EstimateReads"),
    Bug("qm-pdf-timeout", "dunning", http_timeout((*HANGFIRE, job("Jobs.InvoicePdfJob", "RunAsync", "(String invoiceId)", 27, boundary=True), job("Pdf.RendererClient", "RenderAsync", "(InvoiceDocument document)", 48, boundary=True)), 30),
        (see("sentry.error", 2), see("splunk", 3, level="warn"), see("datadog.log", style="kind", format="mel-simple", **DD_JOBS)),
        classes=(1, 10), pair="qm-meterapi-timeout", entry="InvoicePdfJob.RunAsync", **HANGFIRE_RETRY),
    # The PDF job: a file another run still holds, and (another bug) a full scratch disk.
    Bug("qm-pdf-file-locked", "dunning", (Exc("System.IO.IOException", "The process cannot access the file '/tmp/qm-invoices/INV-{order}.pdf' because it is being used by another process.", (*HANGFIRE, job("Jobs.InvoicePdfJob", "RunAsync", "(String invoiceId)", 35, boundary=True), job("Pdf.InvoiceFileStore", "SaveAsync", "(String invoiceId, Stream pdf)", 22, boundary=True), *FILE_OPEN)),),
        (see("splunk", 3, level="warn"), see("sentry.error", 2), see("datadog.task", team="collections", monitor="dunning jobs failing")),
        classes=(2, 5), span=2, renames={"SaveAsync": "WriteAsync"}, pair="qm-pdf-disk-full", entry="InvoicePdfJob.RunAsync", **HANGFIRE_RETRY),
    Bug("qm-pdf-disk-full", "dunning", (Exc("System.IO.IOException", "No space left on device : '/tmp/qm-invoices/INV-{order}.pdf'", (*HANGFIRE, job("Jobs.InvoicePdfJob", "RunAsync", "(String invoiceId)", 35, boundary=True), job("Pdf.InvoiceFileStore", "SaveAsync", "(String invoiceId, Stream pdf)", 24, boundary=True), cs("System.IO.RandomAccess", "WriteAtOffset", "(SafeFileHandle handle, ReadOnlySpan`1 buffer, Int64 fileOffset)", lib=True))),),
        (see("splunk", 2, level="warn"), see("sentry.error", 2)),
        classes=(2,), pair="qm-pdf-file-locked", entry="InvoicePdfJob.RunAsync", **HANGFIRE_RETRY),
    # A decimal overflow in the invoice run, over three releases (lines move, a caller renamed).
    Bug("qm-invoice-overflow", "billing-fn", (Exc("System.OverflowException", "Value was either too large or too small for a Decimal.", (*FN_INVOKE, fn("InvoiceRun", "Run", "(TimerInfo timer)", 33, boundary=True), fn("Invoicing.InvoiceBuilder", "BuildAsync", "(Account account, BillingPeriod period)", 131, boundary=True), fn("Invoicing.ConsumptionLine", "Price", "(Decimal units, Tariff tariff)", 54), cs("System.Decimal+DecCalc", "VarDecMul", "(DecCalc& d1, DecCalc& d2)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, format="ai-exceptions", sourcetype=AI, source=AI_SRC, search="AppExceptions - billing"), see("splunk", 1, event_id=1002), see("sentry.issue")),
        classes=(5, 6), span=3, renames={"BuildAsync": "ComposeAsync"}, log="Invoice run failed for account {sub}", logger="Quillmoor.Billing.Functions.InvoiceRun", entry="InvoiceRun"),
    # The host's view only: the worker process exits under memory pressure, no exception of its own.
    Bug("qm-worker-oom", "billing-fn", (),
        (see("splunk", 2, search="billing-fn host errors", source="/var/log/containers/billing-fn-host.log", line="fail: Host.Function.Console[0]\n      Language Worker Process exited. Pid={pid}.\n      dotnet exited with code 137 (0x89). "), see("datadog.metric", monitor="billing-fn OOMKilled", scope="kube_deployment:billing-fn", team="billing", metric="kubernetes.containers.state.terminated", query="max(last_5m):max:kubernetes.containers.state.terminated{reason:oomkilled,kube_deployment:billing-fn} > 0", event_type="metric_alert_monitor", text="billing-fn container OOMKilled on {n} pods (limit 1536Mi).")),
        classes=(8,)),
    # DI misconfiguration, seen once: a refund function whose gateway was never registered.
    Bug("qm-refund-di", "billing-fn", (Exc("System.InvalidOperationException", "Unable to resolve service for type 'Quillmoor.Billing.Payments.IRefundGateway' while attempting to activate 'Quillmoor.Billing.Functions.RefundRequested'.", (*FN_INVOKE, cs("Microsoft.Extensions.DependencyInjection.ActivatorUtilities", "CreateInstance", "(IServiceProvider provider, Type instanceType, Object[] parameters)", lib=True), cs("Microsoft.Extensions.DependencyInjection.ActivatorUtilities+ConstructorMatcher", "CreateInstance", "(IServiceProvider provider)", lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="RefundRequested"),
    # Hangfire: a job type renamed in a release while old jobs still sat in the queue.
    Bug("qm-hangfire-job-load", "dunning", (Exc("System.IO.FileNotFoundException", "Could not load file or assembly 'Quillmoor.Dunning.Legacy, Culture=neutral, PublicKeyToken=null'. The system cannot find the file specified.", (cs("System.RuntimeTypeHandle", "GetTypeByName", "(String name, Boolean throwOnError, Boolean ignoreCase, StackCrawlMark& stackMark, ObjectHandleOnStack assemblyLoadContext, Boolean loadTypeFromPartialName)", lib=True),)), Exc("Hangfire.Common.JobLoadException", "Could not load the job. See inner exception for the details.", (cs("Hangfire.Storage.InvocationData", "DeserializeJob", "()", lib=True),))),
        (see("splunk", 2), see("sentry.error", 2), see("datadog.log", style="sample", **DD_JOBS)),
        classes=(10,), entry="Hangfire.Server.Worker", logger="Hangfire.AutomaticRetryAttribute", log="Failed to process the job '{id}': an exception occurred."),
    # A message logged through a source-generated LoggerMessage helper: Sentry's breadcrumb-to-
    # event capture gives it a stack whose innermost app frame is the generated helper.
    Bug("qm-reading-rejected-ingest", "billing-fn", (Exc("", "", (*FN_INVOKE, fn("MeterReadingIngest", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", 58), fn("Validation.ReadingValidator", "Check", "(MeterReading reading)", 41), cs("Quillmoor.Billing.Functions.Log", "ReadingRejected", "(ILogger logger, String meterId, String reason)", SRC + "obj/Release/net8.0/Microsoft.Gen.Logging/LoggerMessage.g.cs", 212))),),
        (see("sentry.error", 2), see("splunk", 2, search="billing-fn rejected readings", line='{"EventId":4101,"LogLevel":"Error","Category":"Quillmoor.Billing.Functions.Validation.ReadingValidator","Message":"Reading for meter {meter} rejected: register went backwards by {n} kWh","State":{"Message":"Reading for meter {meter} rejected: register went backwards by {n} kWh","MeterId":"{meter}","Reason":"register went backwards by {n} kWh","{OriginalFormat}":"Reading for meter {MeterId} rejected: {Reason}"}}')),
        classes=(2, 9), message_event=True, pair="qm-reading-rejected-estimate", log="Reading for meter {meter} rejected: register went backwards by {n} kWh", logger="Quillmoor.Billing.Functions.Validation.ReadingValidator", entry="MeterReadingIngest"),
    Bug("qm-reading-rejected-estimate", "billing-fn", (Exc("", "", (*FN_INVOKE, fn("EstimateReads", "Run", "(TimerInfo timer)", 44), fn("Estimation.Estimator", "Apply", "(Meter meter, ConsumptionProfile profile)", 77), cs("Quillmoor.Billing.Functions.Log", "ReadingRejected", "(ILogger logger, String meterId, String reason)", SRC + "obj/Release/net8.0/Microsoft.Gen.Logging/LoggerMessage.g.cs", 212))),),
        (see("sentry.error", 2), see("splunk", 1, search="billing-fn rejected readings", line='{"EventId":4101,"LogLevel":"Error","Category":"Quillmoor.Billing.Functions.Estimation.Estimator","Message":"Reading for meter {meter} rejected: no consumption profile for class {idx}","State":{"Message":"Reading for meter {meter} rejected: no consumption profile for class {idx}","MeterId":"{meter}","Reason":"no consumption profile for class {idx}","{OriginalFormat}":"Reading for meter {MeterId} rejected: {Reason}"}}')),
        classes=(2, 9), message_event=True, pair="qm-reading-rejected-ingest", log="Reading for meter {meter} rejected: no consumption profile for class {idx}", logger="Quillmoor.Billing.Functions.Estimation.Estimator", entry="EstimateReads"),
]

NOISE = [
    Noise("qm-noise-deploy", "billing-fn", "datadog.event", {"monitor": "Deployed billing-fn 3.15.0", "text": "Argo CD synced billing-fn to 3.15.0 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("qm-noise-hangfire-start", "dunning", "splunk", {"search": "dunning - errors", "line": "info: Hangfire.Server.BackgroundServerProcess[0]\n      Server dunning-7c9f8d6b5-x2lqp:1:3f0a2c1e successfully announced in 41.2 ms"}),
    Noise("qm-noise-recovered", "billing-fn", "datadog.log", {"monitor": "billing-fn error logs", "transition": "Recovered", "text": "billing-fn error logs are back under the threshold.", "team": "billing", "filter": "service:billing-fn status:error env:prod"}),
]

QUILLMOOR = Company(
    key="aa",
    name="Quillmoor",
    domain="quillmoor.example",
    sentry_org="quillmoor",
    splunk_url="https://quillmoor.splunkcloud.com",
    splunk_guid="4F1C09D2-7A3B-4E65-9C18-2B7D0E5A6F31",
    datadog_org=("861204", "Quillmoor"),
    datadog_template="quillmoor",
    posthog_project=(0, ""),
    releases=("3.14.0", "3.14.1", "3.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quillmoor-sentry-client-secret",
)
