"""(jg) Levens Timber & Build, a builders' merchant with trade accounts: an ASP.NET Core 8 Web
API (``trade-api``: quotes, orders, trade accounts, deliveries, stock, reports; EF Core 8 over
SQL Server with Microsoft.Data.SqlClient) and a ``BackgroundService`` (``yard-worker``: stock
sync from the yards' tills, carrier bookings over HttpClient, price list imports from CSV).

Splunk receives the API's Serilog events through Serilog.Sinks.Splunk's HEC sink with
``CompactSplunkJsonFormatter`` (``jg-serilog-hec``: ``@mt``, ``@i``, ``@l``, ``@x`` and the
properties, no ``@t``): ``ExceptionHandlerMiddleware``'s record, EF Core's ``SaveChangesFailed``
record, the code's ``LogError``; the worker's console CLEF (with ``@t``) is read by a
universal forwarder. Sentry: Sentry.AspNetCore. PostHog: posthog-dotnet's
``CaptureException`` in the API's exception handler. Datadog: dd-trace-dotnet APM monitors by
type and log monitors whose messages render ``{{log.attributes.@mt}}`` and
``{{log.attributes.@x}}``, or the pipeline's ``error.kind``/``error.message``.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import ASPNET, cs

# fmt: off
SDK = ("sentry.dotnet.aspnetcore", "4.13.0", "nuget:Sentry.AspNetCore")
SERVICES = {
    "trade-api": Service("trade-api", "csharp", "jg-serilog-hec", "_json", "http:serilog-trade-api", "jg_trade", 5581201, ".NET 8.0.11", framework="aspnetcore", sdk=SDK),
    "yard-worker": Service("yard-worker", "csharp", "jg-serilog-hec", "_json", "/var/log/containers/yard-worker.log", "jg_trade", 5581202, ".NET 8.0.11", framework="aspnetcore", sdk=SDK),
}
API = "/src/Levens.Trade.Api/"
WRK = "/src/Levens.Yard.Worker/"
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal.SqlServerExecutionStrategy", "ExecuteAsync[TState,TResult]", "(TState state, Func`4 operation, Func`4 verifySucceeded, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
EF_CONCURRENCY = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.AffectedCountModificationCommandBatch", "ConsumeAsync", "(RelationalDataReader reader, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.AffectedCountModificationCommandBatch", "ThrowAggregateUpdateConcurrencyExceptionAsync", "(RelationalDataReader reader, Int32 commandIndex, Int32 expectedRowsAffected, Int32 rowsAffected, CancellationToken cancellationToken)", lib=True),
)
SQLCLIENT = (
    cs("Microsoft.Data.SqlClient.SqlCommand", "<>c", "<ExecuteDbDataReaderAsync>b__211_0(Task`1 result)", lib=True),
    cs("Microsoft.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", lib=True),
    cs("Microsoft.Data.SqlClient.TdsParser", "ThrowExceptionAndWarning", "(TdsParserStateObject stateObj, SqlCommand command, Boolean callerHasConnectionLock, Boolean asyncClose)", lib=True),
)
EF_QUERY = (
    cs("Microsoft.EntityFrameworkCore.Query.Internal.SingleQueryingEnumerable`1+AsyncEnumerator", "MoveNextAsync", "()", lib=True),
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalCommand", "ExecuteReaderAsync", "(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.Data.SqlClient.SqlCommand", "<>c", "<ExecuteDbDataReaderAsync>b__211_0(Task`1 result)", lib=True),
)
HTTP = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
WORKER = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    cs("Levens.Yard.Worker.YardWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", f"{WRK}YardWorker.cs", 61, boundary=True),
)
SER_JSON = (
    cs("Microsoft.AspNetCore.Mvc.Infrastructure.ResourceInvoker", "<InvokeResultAsync>g__Logged|22_0", "(ResourceInvoker invoker, IActionResult result)", lib=True),
    cs("Microsoft.AspNetCore.Mvc.Formatters.SystemTextJsonOutputFormatter", "WriteResponseBodyAsync", "(OutputFormatterWriteContext context, Encoding selectedEncoding)", lib=True),
    cs("System.Text.Json.JsonSerializer", "SerializeAsync", "(Stream utf8Json, Object value, Type inputType, JsonSerializerOptions options, CancellationToken cancellationToken)", lib=True),
    cs("System.Text.Json.ThrowHelper", "ThrowJsonException_SerializerCycleDetected", "(Int32 maxDepth)", lib=True),
)


def ctl(name: str, method: str, line: int, args: str = "(CancellationToken ct)") -> tuple[Frame, ...]:
    return (*ASPNET, cs(f"Levens.Trade.Api.Controllers.{name}", method, args, f"{API}Controllers/{name}.cs", line, boundary=True))


def svc(name: str, method: str, line: int, args: str = "()", area: str = "Services") -> Frame:
    return cs(f"Levens.Trade.Api.{area}.{name}", method, args, f"{API}{area}/{name}.cs", line, boundary=True)


def wrk(name: str, method: str, line: int, args: str = "(CancellationToken ct)") -> Frame:
    return cs(f"Levens.Yard.Worker.{name}", method, args, f"{WRK}{name}.cs", line, boundary=True)


SQLX = "Microsoft.Data.SqlClient.SqlException"
DBU = "Microsoft.EntityFrameworkCore.DbUpdateException"
DBU_MSG = "An error occurred while saving the entity changes. See the inner exception for details."
NRE = "Object reference not set to an instance of an object."
HOST = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
UNHANDLED = "An unhandled exception has occurred while executing the request."

REQ = {"search": "levens trade-api errors", "app": "levens_ops", "owner": "svc_levens"}
EF = {"search": "levens trade-api errors", "app": "levens_ops", "owner": "svc_levens", "kind": "ef"}
TEAM = {"search": "levens trade-api errors", "app": "levens_ops", "owner": "svc_levens", "kind": "team"}
NOEXC = {"search": "levens trade-api errors", "app": "levens_ops", "owner": "svc_levens", "kind": "noexc"}
WCLEF = {"search": "levens yard-worker errors", "app": "levens_ops", "owner": "svc_levens", "kind": "clef", "sourcetype": "levens:clef"}
APM = dict(team="trade", monitor="[levens] aspnet_core.request errors by type", style="type")
DDX = dict(team="trade", monitor="[levens] trade-api error logs", filter="service:trade-api @l:Error", text="Error logged by {{log.service}} on {{log.host}}\n\n{{log.attributes.@mt}}\n\n```\n{{log.attributes.@x}}\n```")
DDK = dict(team="yard", monitor="[levens] yard-worker error logs", filter="service:yard-worker status:error", style="kind")

BUGS = [
    # One NullReferenceException, two controllers: a quote line without a price band, a delivery without a slot.
    Bug("jg-quote-nullref", "trade-api", (Exc("System.NullReferenceException", NRE, (*ctl("QuotesController", "Price", 42, "(Guid quoteId, CancellationToken ct)"), svc("PriceCalculator", "LineTotal", 77, "(QuoteLine line, TradeAccount account)"))),),
        (see("sentry.error", 3), see("splunk", 2, **REQ), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4, 5), pair="jg-delivery-nullref", log=UNHANDLED, logger=HOST, entry="POST /api/quotes/{id}/price", span=2),
    Bug("jg-delivery-nullref", "trade-api", (Exc("System.NullReferenceException", NRE, (*ctl("DeliveriesController", "Book", 35, "(BookDeliveryRequest request, CancellationToken ct)"), svc("SlotPlanner", "Allocate", 58, "(Branch branch, DateOnly day)"))),),
        (see("sentry.error", 2), see("splunk", 2, **REQ), see("datadog.log", **DDX)),
        classes=(4,), pair="jg-quote-nullref", log=UNHANDLED, logger=HOST, entry="POST /api/deliveries"),
    # Two unique indexes through one SaveChangesAsync: a PO number reused, a VAT number registered twice.
    Bug("jg-dup-po", "trade-api", (Exc(SQLX, "Cannot insert duplicate key row in object 'dbo.Orders' with unique index 'IX_Orders_AccountId_PoNumber'. The duplicate key value is ({n}, PO-{id}).\nThe statement has been terminated.", SQLCLIENT),
         Exc(DBU, DBU_MSG, (*ctl("OrdersController", "Create", 51, "(CreateOrderRequest request, CancellationToken ct)"), svc("OrderService", "PlaceAsync", 88, "(CreateOrderRequest request, CancellationToken ct)"), *EF_SAVE))),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **EF), see("splunk", 1, **REQ), see("posthog"), see("datadog.log", **DDX)),
        classes=(1, 2, 4), pair="jg-dup-vat", log=UNHANDLED, logger=HOST, entry="POST /api/orders"),
    Bug("jg-dup-vat", "trade-api", (Exc(SQLX, "Cannot insert duplicate key row in object 'dbo.TradeAccounts' with unique index 'IX_TradeAccounts_VatNumber'. The duplicate key value is (GB{id}{n}).\nThe statement has been terminated.", SQLCLIENT),
         Exc(DBU, DBU_MSG, (*ctl("AccountsController", "Open", 29, "(OpenAccountRequest request, CancellationToken ct)"), svc("AccountService", "OpenAsync", 47, "(OpenAccountRequest request, CancellationToken ct)"), *EF_SAVE))),
        (see("sentry.error", 2), see("splunk", 2, **EF), see("posthog"), see("datadog.log", **DDX)),
        classes=(1, 2, 4), pair="jg-dup-po", log=UNHANDLED, logger=HOST, entry="POST /api/accounts"),
    # One stock reservation: a deadlock victim, and an optimistic concurrency miss on the row version.
    Bug("jg-stock-deadlock", "trade-api", (Exc(SQLX, "Transaction (Process ID {n}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.", SQLCLIENT),
         Exc(DBU, DBU_MSG, (*ctl("OrdersController", "Confirm", 73, "(Guid orderId, CancellationToken ct)"), svc("StockReservations", "ReserveAsync", 39, "(Order order, CancellationToken ct)"), *EF_SAVE))),
        (see("sentry.error", 3), see("splunk", 2, **EF), see("datadog.apm", **APM)),
        classes=(2, 4), pair="jg-stock-concurrency", log=UNHANDLED, logger=HOST, entry="POST /api/orders/{id}/confirm"),
    Bug("jg-stock-concurrency", "trade-api", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.", (*ctl("OrdersController", "Confirm", 73, "(Guid orderId, CancellationToken ct)"), svc("StockReservations", "ReserveAsync", 39, "(Order order, CancellationToken ct)"), *EF_CONCURRENCY)),),
        (see("sentry.error", 3), see("splunk", 2, **REQ), see("datadog.apm", **APM), see("posthog")),
        classes=(4,), pair="jg-stock-deadlock", log=UNHANDLED, logger=HOST, entry="POST /api/orders/{id}/confirm"),
    # One CSV row parser in the price list import: a malformed price, a price too large for decimal.
    Bug("jg-import-format", "yard-worker", (Exc("System.FormatException", "The input string '{n},{n}.00' was not in a correct format.", (*WORKER, wrk("PriceListImporter", "ImportAsync", 44), wrk("PriceListImporter", "ParseRow", 96, "(String[] cells, Int32 lineNumber)"), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WCLEF), see("datadog.log", **DDK)),
        classes=(4, 8), pair="jg-import-overflow", log="Price list import {BatchId} failed", logger="Levens.Yard.Worker.PriceListImporter", entry="PriceListImporter", span=2, renames={"ImportAsync": "RunImportAsync"}),
    Bug("jg-import-overflow", "yard-worker", (Exc("System.OverflowException", "Value was either too large or too small for a Decimal.", (*WORKER, wrk("PriceListImporter", "ImportAsync", 44), wrk("PriceListImporter", "ParseRow", 99, "(String[] cells, Int32 lineNumber)"), cs("System.Number", "ThrowOverflowException[TInteger]", "()", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WCLEF), see("datadog.log", **DDK)),
        classes=(4, 8), pair="jg-import-format", log="Price list import {BatchId} failed", logger="Levens.Yard.Worker.PriceListImporter", entry="PriceListImporter"),
    # The carrier client: the HttpClient timeout, and a 429 from the carrier.
    Bug("jg-carrier-timeout", "yard-worker", (Exc("System.TimeoutException", "The operation was canceled.", ()),
         Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", (*WORKER, wrk("CarrierBookingJob", "RunAsync", 33), wrk("CarrierClient", "BookAsync", 52, "(Consignment consignment, CancellationToken ct)"), *HTTP))),
        (see("sentry.error", 3), see("splunk", 2, **WCLEF), see("datadog.log", **DDK), see("datadog.apm", **APM)),
        classes=(2, 10), pair="jg-carrier-429", log="Booking consignment with {Carrier} failed", logger="Levens.Yard.Worker.CarrierBookingJob", entry="CarrierBookingJob"),
    Bug("jg-carrier-429", "yard-worker", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 429 (Too Many Requests).", (*WORKER, wrk("CarrierBookingJob", "RunAsync", 33), wrk("CarrierClient", "BookAsync", 57, "(Consignment consignment, CancellationToken ct)"), cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WCLEF), see("datadog.log", **DDK)),
        classes=(10,), pair="jg-carrier-timeout", log="Booking consignment with {Carrier} failed", logger="Levens.Yard.Worker.CarrierBookingJob", entry="CarrierBookingJob", span=2),
    # The same SQL timeout in the stock valuation report and the worker's till sync.
    Bug("jg-report-sqltimeout", "trade-api", (Exc("System.ComponentModel.Win32Exception", "The wait operation timed out.", ()),
         Exc(SQLX, "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", (*ctl("ReportsController", "StockValuation", 24, "(Int32 branchId, CancellationToken ct)"), svc("StockValuationReport", "BuildAsync", 63, "(Int32 branchId, CancellationToken ct)", "Reports"), *EF_QUERY))),
        (see("sentry.error", 3), see("splunk", 2, **REQ), see("datadog.apm", **APM), see("datadog.log", **DDX)),
        classes=(2, 4), pair="jg-sync-sqltimeout", log=UNHANDLED, logger=HOST, entry="GET /api/reports/stock-valuation"),
    Bug("jg-sync-sqltimeout", "yard-worker", (Exc("System.ComponentModel.Win32Exception", "The wait operation timed out.", ()),
         Exc(SQLX, "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", (*WORKER, wrk("TillSync", "SyncBranchAsync", 71, "(Int32 branchId, CancellationToken ct)"), *EF_QUERY))),
        (see("sentry.error", 3), see("splunk", 2, **WCLEF), see("datadog.log", **DDK)),
        classes=(2, 4), pair="jg-report-sqltimeout", log="Till sync for branch {Branch} failed", logger="Levens.Yard.Worker.TillSync", entry="TillSync", span=2),
    # An order DTO serialised with its lines pointing back at it: only framework frames.
    Bug("jg-json-cycle", "trade-api", (Exc("System.Text.Json.JsonException", "A possible object cycle was detected. This can either be due to a cycle or if the object depth is larger than the maximum allowed depth of 32. Consider using ReferenceHandler.Preserve on JsonSerializerOptions to support cycles. Path: $.Lines.Order.Lines.Order.Lines.Order.Lines.Order.Lines.Order.Lines.Order.Lines.Order.Lines.Order.Lines.Order.Lines.Order.Id.", (*ASPNET[:2], *SER_JSON)),),
        (see("sentry.error", 3), see("splunk", 2, **REQ), see("posthog"), see("datadog.apm", **APM)),
        classes=(4, 7), log=UNHANDLED, logger=HOST, entry="GET /api/orders/{id}"),
    # The invoice PDF rendered into a stream the using block has already closed.
    Bug("jg-pdf-disposed", "trade-api", (Exc("System.ObjectDisposedException", "Cannot access a closed Stream.", (*ctl("InvoicesController", "Download", 31, "(Guid invoiceId, CancellationToken ct)"), svc("InvoicePdfRenderer", "RenderAsync", 54, "(Invoice invoice, CancellationToken ct)"), cs("System.IO.MemoryStream", "Write", "(ReadOnlySpan`1 buffer)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 1, **REQ), see("splunk", 1, **TEAM), see("datadog.log", **DDX)),
        classes=(1, 4), log="Rendering invoice {OrderId} failed", logger="Levens.Trade.Api.Services.InvoicePdfRenderer", entry="GET /api/invoices/{id}/pdf"),
    # A delivery method posted as a name a release renamed; the service's caller renamed too.
    Bug("jg-enum-parse", "trade-api", (Exc("System.ArgumentException", "Requested value 'CollectFromYard' was not found.", (*ctl("OrdersController", "Create", 51, "(CreateOrderRequest request, CancellationToken ct)"), svc("DeliveryMethodMapper", "FromCode", 18, "(String code)"), cs("System.Enum", "Parse[TEnum]", "(String value)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **NOEXC), see("posthog", 2)),
        classes=(5, 8), log="Order rejected: {Error}", logger="Levens.Trade.Api.Controllers.OrdersController", entry="POST /api/orders", span=3, renames={"FromCode": "Parse"}),
    # The SMTP relay refusing the worker's credentials: statement emails.
    Bug("jg-smtp-auth", "yard-worker", (Exc("MailKit.Security.AuthenticationException", "535: 5.7.3 Authentication unsuccessful", (*WORKER, wrk("StatementMailer", "SendAsync", 48, "(Statement statement, CancellationToken ct)"), cs("MailKit.Net.Smtp.SmtpClient", "AuthenticateAsync", "(Encoding encoding, ICredentials credentials, CancellationToken cancellationToken)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WCLEF), see("datadog.log", **DDK)),
        classes=(4,), log="Statement run failed", logger="Levens.Yard.Worker.StatementMailer", entry="StatementMailer"),
    Bug("jg-linq-singleton", "trade-api", (Exc("System.InvalidOperationException", "The LINQ expression 'DbSet<Product>()\n    .Where(p => p.Name.Contains(\n        value: __term_0,\n        comparisonType: OrdinalIgnoreCase))' could not be translated. Additional information: Translation of method 'string.Contains' failed. If this method can be mapped to your custom function, see https://go.microsoft.com/fwlink/?linkid=2132413 for more information. Either rewrite the query in a form that can be translated, or switch to client evaluation explicitly by inserting a call to 'AsEnumerable', 'AsAsyncEnumerable', 'ToList', or 'ToListAsync'. See https://go.microsoft.com/fwlink/?linkid=2101038 for more information.", (*ctl("ProductsController", "Search", 22, "(String term, CancellationToken ct)"),)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/products/search"),
]

NOISE = [
    Noise("jg-noise-started", "trade-api", "splunk", {"search": "levens trade-api errors", "app": "levens_ops", "owner": "svc_levens", "line": '{"@mt":"Application started. Press Ctrl+C to shut down.","@i":"dcaefe54","SourceContext":"Microsoft.Hosting.Lifetime","MachineName":"trade-api-7c9f6d8b5-x2kqp","Application":"trade-api"}'}),
    Noise("jg-noise-deploy", "trade-api", "datadog.event", {"monitor": "Deploy", "text": "trade-api 2026.3.2 deployed to aks-levens-prod (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("jg-noise-recovered", "yard-worker", "datadog.log", {"monitor": "[levens] yard-worker error logs", "text": "Recovered: yard-worker error logs back under 5 in 10 minutes.", "transition": "Recovered", "alert_type": "success"}),
]

LEVENS = Company(
    key="jg",
    name="Levens Timber & Build",
    domain="levens-timber.example",
    sentry_org="levens-timber",
    splunk_url="https://levens.splunkcloud.com",
    splunk_guid="8E2A4C61-0B7D-4F93-A5C8-3D1E9F6B2A70",
    datadog_org=("884310", "Levens Timber & Build"),
    datadog_template="recommended",
    posthog_project=(60412, "Levens Trade"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="levens-sentry-client-secret",
)
# fmt: on
