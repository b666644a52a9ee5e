"""(kq) Dellbrook Couriers, same-day courier bookings for small businesses: a .NET 8 Azure
Functions app on the isolated worker (``dispatch-func``: HTTP triggers for bookings and parcel
tracking, a Service Bus trigger assigning drivers, a blob trigger filing proof-of-delivery
photos, a timer running the nightly invoices), EF Core 8 on Azure SQL, and a tracking page
(``track-web``: a Vite + React app on Azure Static Web Apps calling the HTTP functions).

Logs: a diagnostic setting streams the function app's ``FunctionAppLogs`` to an Event Hub;
the Splunk Add-on for Microsoft Cloud Services indexes one event per record
(``kq-function-app-logs``: the host's ``Executed '...' (Failed, ...)`` records with the
``FunctionInvocationException`` / ``RpcException`` / ``Result: Failure`` text, and the team's
own ``LogError`` records), all under one saved search. Datadog's Azure integration reads the
same hub; its log monitors paste record attributes, one monitor for the whole app. Sentry:
Sentry.Azure.Functions.Worker. PostHog: posthog-js exception autocapture on the tracking page.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import cs, js

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.dotnet.azure.functions.worker", "4.13.0", "nuget:Sentry.Azure.Functions.Worker")
SOURCE = "evhns-dellbrook-diag.servicebus.windows.net/insights-logs-functionapplogs"
SERVICES = {
    "dispatch-func": Service("dispatch-func", "csharp", "kq-function-app-logs", "mscs:azure:eventhub", SOURCE, "dellbrook_azure", 4510027, ".NET 8.0.11", framework="azure-functions", sdk=SDK),
    "track-web": Service("track-web", "javascript", "", "", "", "", 4510031, origin="https://track.dellbrookcouriers.example", framework="onerror"),
}
SRC = "/home/vsts/work/1/s/src/Dellbrook.Dispatch/"
GEN = SRC + "obj/Release/net8.0/Microsoft.Azure.Functions.Worker.Sdk.Generators/Microsoft.Azure.Functions.Worker.Sdk.Generators.FunctionExecutorGenerator/GeneratedFunctionExecutor.g.cs"


def app(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Dellbrook.Dispatch.{type_}", method, args, SRC + file, line, boundary=boundary)


def lib(type_: str, method: str, args: str, *, boundary: bool = False) -> Frame:
    return cs(type_, method, args, lib=True, boundary=boundary)


# The isolated worker invoking a function through the source-generated executor.
WORKER = (
    lib("Microsoft.Azure.Functions.Worker.FunctionsApplication", "InvokeFunctionAsync", "(FunctionContext context)", boundary=True),
    lib("Microsoft.Azure.Functions.Worker.OutputBindings.OutputBindingsMiddleware", "Invoke", "(FunctionContext context, FunctionExecutionDelegate next)", boundary=True),
    cs("Dellbrook.Dispatch.DirectFunctionExecutor", "ExecuteAsync", "(FunctionContext context)", GEN, 38, boundary=True),
)


def fn(cls: str, method: str, args: str, line: int) -> Frame:
    return app(f"Functions.{cls}", method, args, f"Functions/{cls}.cs", line, boundary=True)


EF_FIRST = (
    lib("Microsoft.EntityFrameworkCore.Query.ShapedQueryCompilingExpressionVisitor", "SingleAsync[TSource]", "(IAsyncEnumerable`1 asyncEnumerable, CancellationToken cancellationToken)", boundary=True),
    lib("System.Linq.ThrowHelper", "ThrowNoElementsException", "()"),
)
EF_SAVE = (
    lib("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", boundary=True),
    lib("Microsoft.EntityFrameworkCore.Storage.RelationalDatabase", "SaveChangesAsync", "(IList`1 entries, CancellationToken cancellationToken)", boundary=True),
    lib("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", boundary=True),
    lib("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", boundary=True),
)
SQL_READ = (
    lib("Microsoft.Data.SqlClient.SqlCommand.<>c", "<ExecuteDbDataReaderAsync>b__211_0", "(Task`1 result)"),
    lib("Microsoft.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)"),
)
UPDATE_MSG = "An error occurred while saving the entity changes. See the inner exception for details."
NO_ELEMENTS = "Sequence contains no elements"
NRE = "Object reference not set to an instance of an object."
BLOB = app("Storage.BlobGateway", "ExecuteAsync[T]", "(Func`2 operation, String container, String blobName, CancellationToken ct)", "Storage/BlobGateway.cs", 44, boundary=True)
BLOB_LIB = lib("Azure.Storage.Blobs.BlobRestClient", "DownloadAsync", "(String snapshot, String versionId, Nullable`1 timeout, String range, String leaseId, Nullable`1 rangeGetContentMD5, Nullable`1 rangeGetContentCRC64, String encryptionKey, String encryptionKeySha256, Nullable`1 encryptionAlgorithm, Nullable`1 ifModifiedSince, Nullable`1 ifUnmodifiedSince, String ifMatch, String ifNoneMatch, String ifTags, CancellationToken cancellationToken)", boundary=True)
BLOB_UP = lib("Azure.Storage.Blobs.BlobRestClient", "UploadAsync", "(Int64 contentLength, Stream body, Nullable`1 timeout, Byte[] transactionalContentMD5, Byte[] transactionalContentCrc64, String blobContentType, String blobContentEncoding, String blobContentLanguage, Byte[] blobContentMD5, String blobCacheControl, IDictionary`2 metadata, String leaseId, String blobContentDisposition, String encryptionKey, String encryptionKeySha256, Nullable`1 encryptionAlgorithm, String encryptionScope, String tier, Nullable`1 ifModifiedSince, Nullable`1 ifUnmodifiedSince, String ifMatch, String ifNoneMatch, String ifTags, String blobTagsString, Nullable`1 immutabilityPolicyExpiry, Nullable`1 immutabilityPolicyMode, Nullable`1 legalHold, CancellationToken cancellationToken)", boundary=True)
JSON_READ = (
    lib("System.Text.Json.JsonSerializer", "ReadFromSpan[TValue]", "(ReadOnlySpan`1 utf8Json, JsonTypeInfo`1 jsonTypeInfo, Nullable`1 actualByteCount)"),
    lib("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)"),
)
SEARCH = dict(search="dispatch-func - FunctionAppLogs errors", owner="svc_dispatch", app="search")
DD_FAILED = dict(team="dispatch", monitor="[dispatch-func] Function invocations failing", filter="source:azure.web resource_name:func-dellbrook-dispatch status:error",
                 text="Failed invocations on **{{log.attributes.properties.appName}}**.\n\n**Function:** {{log.attributes.properties.functionName}}\n**Message:** {{log.attributes.properties.message}}\n\n```\n{{log.attributes.properties.exceptionDetails}}\n```")
DD_USER = dict(team="dispatch", monitor="[dispatch-func] Errors logged by functions", filter="source:azure.web resource_name:func-dellbrook-dispatch @properties.category:*.User status:error",
               text="{{log.attributes.properties.message}}\n\n{{log.attributes.properties.exceptionType}}: {{log.attributes.properties.exceptionMessage}}", variant="user")
USER = {"variant": "user"}
WEB_POSTHOG = "/track/{ref}"
ISSUE_RULE = {"rule": "dispatch-func: new issue"}

BUGS = [
    # "Sequence contains no elements" from two functions' queries.
    Bug("kq-assign-no-driver", "dispatch-func", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*WORKER, fn("AssignDriver", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", 41), app("Drivers.DriverPool", "NearestAvailableAsync", "(GeoPoint pickup, VehicleClass vehicle, CancellationToken ct)", "Drivers/DriverPool.cs", 58, boundary=True), *EF_FIRST)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(4,), pair="kq-invoice-no-rate", entry="AssignDriver", log="No driver for booking {ref}"),
    Bug("kq-invoice-no-rate", "dispatch-func", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*WORKER, fn("NightlyInvoices", "Run", "(TimerInfo timer)", 29), app("Billing.InvoiceBuilder", "BuildAsync", "(Int32 accountId, DateOnly day, CancellationToken ct)", "Billing/InvoiceBuilder.cs", 73, boundary=True), app("Billing.RateCards", "ForAccountAsync", "(Int32 accountId, CancellationToken ct)", "Billing/RateCards.cs", 22, boundary=True), *EF_FIRST)),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH), see("splunk", **USER, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(4,), pair="kq-assign-no-driver", entry="NightlyInvoices", log="Invoice run failed for account {id}"),
    # A NullReferenceException in two functions.
    Bug("kq-booking-address-nre", "dispatch-func", (Exc("System.NullReferenceException", NRE, (*WORKER, fn("CreateBooking", "Run", "(HttpRequestData req, FunctionContext context)", 52), app("Addresses.AddressNormaliser", "Normalise", "(AddressDto address)", "Addresses/AddressNormaliser.cs", 19))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **SEARCH), see("datadog.log", 2, **DD_FAILED)),
        classes=(4, 5), pair="kq-track-dto-nre", entry="CreateBooking", span=3, renames={"Normalise": "NormaliseUk"}, log="Booking request rejected"),
    Bug("kq-track-dto-nre", "dispatch-func", (Exc("System.NullReferenceException", NRE, (*WORKER, fn("TrackParcel", "Run", "(HttpRequestData req, String reference)", 31), app("Tracking.TrackingMapper", "ToDto", "(Parcel parcel, IReadOnlyList`1 scans)", "Tracking/TrackingMapper.cs", 27))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(4,), pair="kq-booking-address-nre", entry="TrackParcel"),
    # The blob helper at the end of two failures: a missing photo (404), a label upload refused (403).
    Bug("kq-pod-blob-missing", "dispatch-func", (Exc("Azure.RequestFailedException", "The specified blob does not exist.\nRequestId:{uuid}\nTime:{tsms}\nStatus: 404 (The specified blob does not exist.)\nErrorCode: BlobNotFound\n\nHeaders:\nServer: Windows-Azure-Blob/1.0,Microsoft-HTTPAPI/2.0\nx-ms-request-id: {uuid}\nx-ms-client-request-id: {uuid}\nx-ms-version: 2024-08-04\nx-ms-error-code: BlobNotFound\nDate: Tue, 03 Mar 2026 10:12:33 GMT\nContent-Length: 215\nContent-Type: application/xml\n", (*WORKER, fn("ProofOfDelivery", "Run", "(Byte[] photo, String name)", 36), app("Delivery.PodFiler", "AttachAsync", "(String bookingRef, String blobName, CancellationToken ct)", "Delivery/PodFiler.cs", 48, boundary=True), BLOB, BLOB_LIB)),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **DD_FAILED), see("datadog.log", **DD_USER)),
        classes=(9,), pair="kq-label-blob-forbidden", entry="ProofOfDelivery", log="Could not file proof of delivery {hex}.jpg"),
    Bug("kq-label-blob-forbidden", "dispatch-func", (Exc("Azure.RequestFailedException", "This request is not authorized to perform this operation using this permission.\nRequestId:{uuid}\nTime:{tsms}\nStatus: 403 (This request is not authorized to perform this operation using this permission.)\nErrorCode: AuthorizationPermissionMismatch\n\nHeaders:\nServer: Windows-Azure-Blob/1.0,Microsoft-HTTPAPI/2.0\nx-ms-request-id: {uuid}\nx-ms-client-request-id: {uuid}\nx-ms-version: 2024-08-04\nx-ms-error-code: AuthorizationPermissionMismatch\nDate: Tue, 03 Mar 2026 14:40:02 GMT\nContent-Length: 279\nContent-Type: application/xml\n", (*WORKER, fn("CreateBooking", "Run", "(HttpRequestData req, FunctionContext context)", 77), app("Labels.LabelPrinter", "StoreAsync", "(Booking booking, Byte[] pdf, CancellationToken ct)", "Labels/LabelPrinter.cs", 33, boundary=True), BLOB, BLOB_UP)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(9,), pair="kq-pod-blob-missing", entry="CreateBooking"),
    # EF Core's DbUpdateException over two different SQL errors.
    Bug("kq-assign-deadlock", "dispatch-func", (Exc("Microsoft.Data.SqlClient.SqlException", "Transaction (Process ID {n}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.", SQL_READ), Exc("Microsoft.EntityFrameworkCore.DbUpdateException", UPDATE_MSG, (*WORKER, fn("AssignDriver", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", 55), app("Drivers.Assignments", "ClaimAsync", "(Guid bookingId, Int32 driverId, CancellationToken ct)", "Drivers/Assignments.cs", 39, boundary=True), *EF_SAVE))),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("splunk", **USER, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(4,), pair="kq-booking-duplicate-ref", entry="AssignDriver", log="Could not claim booking {uuid} for driver {id}"),
    Bug("kq-booking-duplicate-ref", "dispatch-func", (Exc("Microsoft.Data.SqlClient.SqlException", "Cannot insert duplicate key row in object 'dbo.Bookings' with unique index 'IX_Bookings_AccountId_ClientReference'. The duplicate key value is ({id}, PO-{n}{idx}).\nThe statement has been terminated.", SQL_READ), Exc("Microsoft.EntityFrameworkCore.DbUpdateException", UPDATE_MSG, (*WORKER, fn("CreateBooking", "Run", "(HttpRequestData req, FunctionContext context)", 64), app("Bookings.BookingWriter", "AddAsync", "(Booking booking, CancellationToken ct)", "Bookings/BookingWriter.cs", 25, boundary=True), *EF_SAVE))),
        (see("sentry.error", 3), see("sentry.alert", **ISSUE_RULE), see("splunk", 2, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(4,), pair="kq-assign-deadlock", entry="CreateBooking"),
    # One request body, two fields that do not parse.
    Bug("kq-booking-json-weight", "dispatch-func", (Exc("System.FormatException", "The JSON value is not in a supported Decimal format.", (lib("System.Text.Json.Utf8JsonReader", "GetDecimal", "()"),)), Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.Decimal. Path: $.parcels[{idx}].weightKg | LineNumber: 0 | BytePositionInLine: {line}.", (*WORKER, fn("CreateBooking", "Run", "(HttpRequestData req, FunctionContext context)", 47), app("Bookings.BookingRequestReader", "ReadAsync", "(HttpRequestData req, CancellationToken ct)", "Bookings/BookingRequestReader.cs", 18, boundary=True), *JSON_READ))),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(4,), pair="kq-booking-json-length", entry="CreateBooking"),
    Bug("kq-booking-json-length", "dispatch-func", (Exc("System.FormatException", "Either the JSON value is not in a supported format, or is out of bounds for an Int32.", (lib("System.Text.Json.Utf8JsonReader", "GetInt32", "()"),)), Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.Int32. Path: $.parcels[{idx}].lengthCm | LineNumber: 0 | BytePositionInLine: {line}.", (*WORKER, fn("CreateBooking", "Run", "(HttpRequestData req, FunctionContext context)", 47), app("Bookings.BookingRequestReader", "ReadAsync", "(HttpRequestData req, CancellationToken ct)", "Bookings/BookingRequestReader.cs", 18, boundary=True), *JSON_READ))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(4,), pair="kq-booking-json-weight", entry="CreateBooking"),
    # Not pairs.
    Bug("kq-assign-lock-lost", "dispatch-func", (Exc("Azure.Messaging.ServiceBus.ServiceBusException", "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue. For more information please see https://aka.ms/ServiceBusExceptions . Reference:{uuid}, TrackingId:{hex}, SystemTracker:sb-dellbrook-prod:Queue:bookings-to-assign, Timestamp:{tsnaive} (MessageLockLost)", (*WORKER, fn("AssignDriver", "Run", "(ServiceBusReceivedMessage message, ServiceBusMessageActions actions)", 71), lib("Microsoft.Azure.Functions.Worker.ServiceBusMessageActions", "CompleteMessageAsync", "(ServiceBusReceivedMessage message, CancellationToken cancellationToken)", boundary=True), lib("Grpc.Net.Client.Internal.HttpContentClientStreamReader`2", "MoveNextCore", "(CancellationToken cancellationToken)", boundary=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 3, **SEARCH), see("datadog.log", **DD_FAILED)),
        classes=(5,), entry="AssignDriver", span=3, renames={"Run": "RunAsync"}),
    Bug("kq-invoice-xero-timeout", "dispatch-func", (Exc("System.TimeoutException", "The operation was canceled.", (lib("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)"),)), Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", (*WORKER, fn("NightlyInvoices", "Run", "(TimerInfo timer)", 35), app("Billing.XeroExporter", "PushInvoiceAsync", "(Invoice invoice, CancellationToken ct)", "Billing/XeroExporter.cs", 61, boundary=True), lib("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", boundary=True)))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SEARCH), see("splunk", **USER, **SEARCH), see("datadog.log", **DD_FAILED), see("datadog.log", **DD_USER)),
        classes=(5,), entry="NightlyInvoices", span=3, renames={"PushInvoiceAsync": "ExportInvoiceAsync"}, log="Xero export failed for invoice INV-{id}"),
    # The host cancelling the invoice run at functionTimeout: no worker exception at all.
    Bug("kq-invoice-function-timeout", "dispatch-func", (Exc("Microsoft.Azure.WebJobs.Host.FunctionTimeoutException", "Timeout value of 00:10:00 was exceeded by function: Functions.NightlyInvoices"),),
        (see("splunk", 2, **SEARCH, line='{"time":"{tsnaive}0Z","resourceId":"/SUBSCRIPTIONS/6D1F0B2A-93C4-4E7B-A8F2-51C09E3D7B64/RESOURCEGROUPS/RG-DELLBROOK-PROD/PROVIDERS/MICROSOFT.WEB/SITES/FUNC-DELLBROOK-DISPATCH","category":"FunctionAppLogs","operationName":"Microsoft.Web/sites/functions/log","level":"Error","location":"UK South","properties":{"appName":"func-dellbrook-dispatch","roleInstance":"pd1sdlwk00003A","message":"Timeout value of 00:10:00 exceeded by function \'Functions.NightlyInvoices\' (Id: \'{uuid}\'). Initiating cancellation.","category":"Function.NightlyInvoices","hostVersion":"4.1037.0.23568","functionInvocationId":"{uuid}","functionName":"Functions.NightlyInvoices","hostInstanceId":"{hex}","level":"Error","levelId":4,"processId":5120,"eventId":0}}'), see("datadog.log", **DD_FAILED), see("datadog.log", 2, **DD_USER)),
        entry="NightlyInvoices", log="Invoice run cancelled after {dur}"),
    Bug("kq-singleton-track-range", "dispatch-func", (Exc("System.ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", (*WORKER, fn("TrackParcel", "Run", "(HttpRequestData req, String reference)", 38), app("Tracking.EtaEstimator", "Estimate", "(IReadOnlyList`1 scans)", "Tracking/EtaEstimator.cs", 15), lib("System.Collections.Generic.List`1", "get_Item", "(Int32 index)"))),),
        (see("sentry.error"),),
        singleton=True, entry="TrackParcel"),
    # The tracking page: one property read in two components, in each engine's words.
    Bug("kq-web-timeline-window", "track-web", (Exc("TypeError", frames=(js("node_modules/react-dom/cjs/react-dom.production.min.js", "Ul", 262, 19, "vendor", lib=True), js("src/components/Timeline.tsx", "Timeline", 31, 40, "index")), js=JsError("read-undefined", "eta.window", "start")),),
        (see("posthog", browser="chrome", chunk="index"), see("posthog", browser="safari", chunk="index"), see("posthog", browser="firefox", chunk="index"), see("posthog", browser="edge", chunk="index", release=1, resolved=True)),
        classes=(3, 4), pair="kq-web-mapcard-window", page=WEB_POSTHOG),
    Bug("kq-web-mapcard-window", "track-web", (Exc("TypeError", frames=(js("node_modules/react-dom/cjs/react-dom.production.min.js", "Ul", 262, 19, "vendor", lib=True), js("src/components/MapCard.tsx", "MapCard", 18, 27, "index")), js=JsError("read-undefined", "eta.window", "start")),),
        (see("posthog", 2, browser="chrome", chunk="index"), see("posthog", browser="safari", chunk="index"), see("posthog", browser="firefox", chunk="index")),
        classes=(3, 4), pair="kq-web-timeline-window", page=WEB_POSTHOG),
    Bug("kq-web-poll-fetch", "track-web", (Exc("TypeError", "Failed to fetch", (js("src/api/tracking.ts", "pollTracking", 22, 19, "index"),), engines={"spidermonkey": "NetworkError when attempting to fetch resource.", "jsc": "Load failed"}),),
        (see("posthog", browser="chrome", chunk="index"), see("posthog", browser="firefox", chunk="index"), see("posthog", browser="safari", chunk="index"), see("posthog", browser="edge", chunk="index")),
        classes=(3,), page=WEB_POSTHOG),
]

NOISE = [
    Noise("kq-noise-deploy", "dispatch-func", "datadog.event", {"monitor": "func-dellbrook-dispatch deployed", "text": "GitHub Actions deployed dispatch-func 2026.3.14 to func-dellbrook-dispatch (slot swap staging -> production).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "dispatch"}),
    Noise("kq-noise-host-started", "dispatch-func", "splunk", {**SEARCH, "line": '{"time":"{tsnaive}0Z","resourceId":"/SUBSCRIPTIONS/6D1F0B2A-93C4-4E7B-A8F2-51C09E3D7B64/RESOURCEGROUPS/RG-DELLBROOK-PROD/PROVIDERS/MICROSOFT.WEB/SITES/FUNC-DELLBROOK-DISPATCH","category":"FunctionAppLogs","operationName":"Microsoft.Web/sites/functions/log","level":"Informational","location":"UK South","properties":{"appName":"func-dellbrook-dispatch","roleInstance":"pd1sdlwk00003A","message":"Host started (412ms)","category":"Host.Startup","hostVersion":"4.1037.0.23568","hostInstanceId":"{uuid}","level":"Information","levelId":2,"processId":5120,"eventId":0}}'}),
    Noise("kq-noise-recovered", "dispatch-func", "datadog.log", {"monitor": "[dispatch-func] Function invocations failing", "text": "Recovered: no failed invocations on func-dellbrook-dispatch in the last 15 minutes.", "transition": "Recovered", "alert_type": "success", "team": "dispatch", "filter": "source:azure.web resource_name:func-dellbrook-dispatch status:error"}),
]

DELLBROOK = Company(
    key="kq",
    name="Dellbrook Couriers",
    domain="dellbrookcouriers.example",
    sentry_org="dellbrook-couriers",
    splunk_url="https://splunk.dellbrookcouriers.example:8089",
    splunk_guid="7A3E0C52-B19D-4F86-A2E4-09D5C71F3B28",
    datadog_org=("611842", "Dellbrook Couriers"),
    datadog_template="recommended",
    posthog_project=(81204, "Dellbrook tracking"),
    releases=("2026.3.4", "2026.3.9", "2026.3.14"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dellbrook-sentry-client-secret",
)
# fmt: on
