"""(kf) Watendlath Water, a water company's customer-billing backend halfway through a WCF to
gRPC migration: one .NET 6 host (``billing-gateway``: Grpc.AspNetCore services for the new
customer portal beside the CoreWCF 1.3 endpoints the call-centre desktop still uses, both over
one Entity Framework 6.4 model on SQL Server with System.Data.SqlClient) and a worker
(``readings-import``: a hosted service importing smart-meter reading files every 15 minutes and
running direct-debit collections, calling the payments service over gRPC and one legacy WCF
meter service through System.ServiceModel.Http).

Both log with log4net 2.0.15's ``PatternLayout``
``%date [%thread] %-5level %logger - %message%newline%exception`` (``kf-log4net-text``): the
gRPC services' errors through the team's ``ErrorLoggingInterceptor`` ("gRPC call <method>
failed"), the WCF endpoints' through an ``IErrorHandler`` ("Unhandled fault in <operation>"),
the worker's in its job loop on a named timer thread. A Splunk universal forwarder reads the
files as multi-line events; the Datadog agent tails them (log monitors only, the team's own
template). Sentry: Sentry.AspNetCore with a gRPC interceptor and Sentry.Extensions.Logging in
the worker. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "billing-gateway": Service("billing-gateway", "csharp", "kf-log4net-text", "watendlath:log4net", "/var/log/billing-gateway/gateway.log", "ww_billing", 4470318, ".NET 6.0.25", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", "3.41.3", "nuget:Sentry.AspNetCore")),
    "readings-import": Service("readings-import", "csharp", "kf-log4net-text", "watendlath:log4net", "/var/log/readings-import/import.log", "ww_billing", 4470319, ".NET 6.0.25", framework="generic", sdk=("sentry.dotnet.extensions.logging", "3.41.3", "nuget:Sentry.Extensions.Logging")),
}
W = "Watendlath"


def gw(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"{W}.Billing.Gateway.{type_}", method, args, f"/src/Watendlath.Billing.Gateway/{file}", line, boundary=boundary)


def dat(type_: str, method: str, args: str, file: str, line: int) -> Frame:
    return cs(f"{W}.Billing.Data.{type_}", method, args, f"/src/Watendlath.Billing.Data/{file}", line)


def wk(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"{W}.Readings.Import.{type_}", method, args, f"/src/Watendlath.Readings.Import/{file}", line, boundary=boundary)


INTERCEPTOR = gw("Interceptors.ErrorLoggingInterceptor", "UnaryServerHandler[TRequest,TResponse]", "(TRequest request, ServerCallContext context, UnaryServerMethod`2 continuation)", "Interceptors/ErrorLoggingInterceptor.cs", 24, boundary=True)
GRPC = (
    cs("Grpc.AspNetCore.Server.Internal.CallHandlers.UnaryServerCallHandler`3", "HandleCallAsyncCore", "(HttpContext httpContext, HttpContextServerCallContext serverCallContext)", lib=True, boundary=True),
    cs("Grpc.Shared.Server.InterceptorPipelineBuilder`2", "<UnaryPipeline>b__9_0", "(TRequest request, ServerCallContext context)", lib=True, boundary=True),
    INTERCEPTOR,
)
WCF = (
    cs("CoreWCF.Dispatcher.DispatchOperationRuntime", "InvokeAsync", "(MessageRpc rpc)", lib=True, boundary=True),
    cs("CoreWCF.Dispatcher.SyncMethodInvoker", "InvokeAsync", "(Object instance, Object[] inputs)", lib=True),
    cs("System.RuntimeMethodHandle", "InvokeMethod", "(Object target, Span`1& arguments, Signature sig, Boolean constructor, Boolean wrapExceptions)", lib=True, boundary=True),
)
TIMER = (
    cs("Microsoft.Extensions.Hosting.BackgroundService", "ExecuteAsync", "(CancellationToken stoppingToken)", lib=True, boundary=True),
    wk("ImportWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", "ImportWorker.cs", 38, boundary=True),
)
EF_FIRST = (
    cs("System.Linq.Queryable", "First[TSource]", "(IQueryable`1 source, Expression`1 predicate)", lib=True),
    cs("System.Data.Entity.Internal.Linq.DbQueryProvider", "Execute[TResult]", "(Expression expression)", lib=True),
    cs("System.Data.Entity.Core.Objects.ELinq.ObjectQueryProvider", "Execute[TResult]", "(Expression expression)", lib=True),
    cs("System.Data.Entity.Core.Objects.ELinq.ObjectQueryProvider", "<GetElementFunction>b__1_1[TResult]", "(IEnumerable`1 sequence)", lib=True),
    cs("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)
EF_SAVE = (
    cs("System.Data.Entity.DbContext", "SaveChanges", "()", lib=True),
    cs("System.Data.Entity.Internal.InternalContext", "SaveChanges", "()", lib=True),
)
EF_UPDATE = (
    cs("System.Data.Entity.Core.Objects.ObjectContext", "SaveChangesToStore", "(SaveOptions options, IDbExecutionStrategy executionStrategy, Boolean startLocalTransaction)", lib=True),
    cs("System.Data.Entity.Core.Objects.ObjectContext", "ExecuteInTransaction[T]", "(Func`1 func, IDbExecutionStrategy executionStrategy, Boolean startLocalTransaction, Boolean releaseConnectionOnSuccess)", lib=True),
    cs("System.Data.Entity.Core.Mapping.Update.Internal.UpdateTranslator", "Update", "()", lib=True),
)
SQL_EXEC = (
    cs("System.Data.Entity.Core.Mapping.Update.Internal.DynamicUpdateCommand", "Execute", "(Dictionary`2 identifierValues, List`1 generatedValues)", lib=True),
    cs("System.Data.SqlClient.SqlCommand", "ExecuteNonQuery", "()", lib=True),
    cs("System.Data.SqlClient.TdsParser", "TryRun", "(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)", lib=True),
    cs("System.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", lib=True),
)
EF_VALIDATE = (
    cs("System.Data.Entity.DbContext", "SaveChanges", "()", lib=True),
    cs("System.Data.Entity.Internal.InternalContext", "SaveChanges", "()", lib=True),
    cs("System.Data.Entity.Internal.LazyInternalContext", "SaveChanges", "()", lib=True),
    cs("System.Data.Entity.Internal.InternalContext", "SaveChangesInternal", "(SaveOptions options, Boolean executeInExistingTransaction)", lib=True),
)
# Every call to the payments service goes through one helper.
PAY_CALL = cs(f"{W}.Payments.Client.PaymentsChannel", "CallAsync[TResponse]", "(Func`2 call, String operation, CancellationToken ct)", "/src/Watendlath.Payments.Client/PaymentsChannel.cs", 47, boundary=True)
GRPC_CLIENT = cs("Grpc.Net.Client.Internal.GrpcCall`2", "GetResponseAsync", "()", lib=True, boundary=True)
UPDATE_MSG = "An error occurred while updating the entries. See the inner exception for details."
VALIDATION_MSG = "Validation failed for one or more entities. See 'EntityValidationErrors' property for more details."
NO_ELEMENTS = "Sequence contains no elements"
NRE = "Object reference not set to an instance of an object."
GRPC_LOG = "Watendlath.Billing.Gateway.Interceptors.ErrorLoggingInterceptor"
WCF_LOG = "Watendlath.Billing.Gateway.Wcf.LoggingErrorHandler"
JOB_LOG = "Watendlath.Readings.Import.ImportWorker"
TIMER_THREAD = {"thread": "ImportTimer"}
GW_SEARCH = dict(search="billing-gateway - ERROR", owner="svc_billing", app="billing")
IMP_SEARCH = dict(search="readings-import - ERROR", owner="svc_billing", app="billing")
GW_LOGS = dict(team="billing", monitor="[billing-gateway] errors in gateway.log", style="sample", filter="service:billing-gateway status:error", sample_lines=3)
GW_KIND = dict(team="billing", monitor="[billing-gateway] errors by kind", style="kind", filter="service:billing-gateway status:error")
IMP_LOGS = dict(team="billing", monitor="[readings-import] import failures", style="stack", lines=8, filter="service:readings-import status:error")


def grpc_log(method: str) -> str:
    return f"gRPC call /watendlath.billing.v1.{method} failed"


def wcf_log(op: str) -> str:
    return f"Unhandled fault in IBillingService.{op}"


def unique(kind: str, name: str, table: str, key: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    sql = f"Violation of {kind} constraint '{name}'. Cannot insert duplicate key in object '{table}'. The duplicate key value is ({key}).\nThe statement has been terminated."
    return (
        Exc("System.Data.SqlClient.SqlException", sql, SQL_EXEC),
        Exc("System.Data.Entity.Core.UpdateException", UPDATE_MSG, EF_UPDATE),
        Exc("System.Data.Entity.Infrastructure.DbUpdateException", UPDATE_MSG, (*app, *EF_SAVE)),
    )


BUGS = [
    # First() on an empty query from the new gRPC service and the old WCF endpoint.
    Bug("kf-account-no-elements", "billing-gateway", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*GRPC, gw("Services.AccountService", "GetAccount", "(GetAccountRequest request, ServerCallContext context)", "Services/AccountService.cs", 33), dat("Repositories.AccountRepository", "GetByReference", "(String accountRef)", "Repositories/AccountRepository.cs", 21), *EF_FIRST)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **GW_SEARCH), see("datadog.log", **GW_LOGS)),
        classes=(4,), pair="kf-tariff-no-elements", log=grpc_log("AccountService/GetAccount"), logger=GRPC_LOG, entry="POST /watendlath.billing.v1.AccountService/GetAccount", span=2),
    Bug("kf-tariff-no-elements", "billing-gateway", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*WCF, gw("Wcf.BillingService", "GetTariff", "(String tariffCode, DateTime effectiveOn)", "Wcf/BillingService.cs", 58), dat("Repositories.TariffRepository", "Effective", "(String tariffCode, DateTime on)", "Repositories/TariffRepository.cs", 17), *EF_FIRST)),),
        (see("sentry.error", 2), see("splunk", 3, **GW_SEARCH), see("datadog.log", **GW_KIND)),
        classes=(4,), pair="kf-account-no-elements", log=wcf_log("GetTariff"), logger=WCF_LOG, entry="POST /BillingService.svc"),
    # Two unique keys: meter readings (worker) and payment plans (gRPC).
    Bug("kf-reading-unique", "readings-import", unique("UNIQUE KEY", "UQ_MeterReadings_Meter_ReadAt", "dbo.MeterReadings", "WM{id}, 2026-03-0{idx} 00:00:00.0000000", (*TIMER, wk("ReadingsImportJob", "RunAsync", "(String file, CancellationToken ct)", "ReadingsImportJob.cs", 71), wk("ReadingsImportJob", "Persist", "(IReadOnlyList`1 readings)", "ReadingsImportJob.cs", 104))),
        (see("sentry.error", 3), see("splunk", 2, **TIMER_THREAD, **IMP_SEARCH), see("datadog.log", **IMP_LOGS)),
        classes=(4,), pair="kf-plan-unique", log="Import of {hex}.csv failed", logger=JOB_LOG, entry="ReadingsImportJob"),
    Bug("kf-plan-unique", "billing-gateway", unique("PRIMARY KEY", "PK_PaymentPlans", "dbo.PaymentPlans", "{id}", (*GRPC, gw("Services.PaymentPlanService", "CreatePlan", "(CreatePlanRequest request, ServerCallContext context)", "Services/PaymentPlanService.cs", 45))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **GW_SEARCH), see("datadog.log", **GW_LOGS)),
        classes=(4, 5), pair="kf-reading-unique", log=grpc_log("PaymentPlanService/CreatePlan"), logger=GRPC_LOG, entry="POST /watendlath.billing.v1.PaymentPlanService/CreatePlan", span=3, renames={"CreatePlan": "CreatePlanAsync"}),
    # EF6's validation exception names no entity: the contact update (gRPC) and meter registration (WCF).
    Bug("kf-contact-validation", "billing-gateway", (Exc("System.Data.Entity.Validation.DbEntityValidationException", VALIDATION_MSG, (*GRPC, gw("Services.CustomerContactService", "UpdateContact", "(UpdateContactRequest request, ServerCallContext context)", "Services/CustomerContactService.cs", 52), *EF_VALIDATE)),),
        (see("sentry.error", 3), see("splunk", 2, **GW_SEARCH), see("datadog.log", **GW_KIND)),
        classes=(4,), pair="kf-meter-validation", log=grpc_log("CustomerContactService/UpdateContact"), logger=GRPC_LOG, entry="POST /watendlath.billing.v1.CustomerContactService/UpdateContact"),
    Bug("kf-meter-validation", "billing-gateway", (Exc("System.Data.Entity.Validation.DbEntityValidationException", VALIDATION_MSG, (*WCF, gw("Wcf.BillingService", "RegisterMeter", "(MeterRegistration registration)", "Wcf/BillingService.cs", 121), *EF_VALIDATE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **GW_SEARCH), see("datadog.log", **GW_LOGS)),
        classes=(4,), pair="kf-contact-validation", log=wcf_log("RegisterMeter"), logger=WCF_LOG, entry="POST /BillingService.svc"),
    # A NullReferenceException in two mappers.
    Bug("kf-account-proto-nre", "billing-gateway", (Exc("System.NullReferenceException", NRE, (*GRPC, gw("Services.AccountService", "GetAccount", "(GetAccountRequest request, ServerCallContext context)", "Services/AccountService.cs", 36), gw("Mapping.ProtoMapper", "ToProto", "(Account account)", "Mapping/ProtoMapper.cs", 29))),),
        (see("sentry.error", 3), see("splunk", 2, **GW_SEARCH), see("datadog.log", **GW_KIND)),
        classes=(4,), pair="kf-bill-dto-nre", log=grpc_log("AccountService/GetAccount"), logger=GRPC_LOG, entry="POST /watendlath.billing.v1.AccountService/GetAccount"),
    Bug("kf-bill-dto-nre", "billing-gateway", (Exc("System.NullReferenceException", NRE, (*WCF, gw("Wcf.BillingService", "GetBills", "(String accountRef, Int32 months)", "Wcf/BillingService.cs", 84), gw("Wcf.Mapping.BillMapper", "ToDto", "(Bill bill)", "Wcf/Mapping/BillMapper.cs", 17))),),
        (see("sentry.error", 2), see("splunk", 2, **GW_SEARCH), see("datadog.log", **GW_LOGS)),
        classes=(4,), pair="kf-account-proto-nre", log=wcf_log("GetBills"), logger=WCF_LOG, entry="POST /BillingService.svc"),
    # One parser method, two exceptions.
    Bug("kf-parse-format", "readings-import", (Exc("System.FormatException", "Input string was not in a correct format.", (*TIMER, wk("ReadingsImportJob", "RunAsync", "(String file, CancellationToken ct)", "ReadingsImportJob.cs", 64), wk("Parsing.ReadingParser", "ParseLine", "(String line, Int32 lineNumber)", "Parsing/ReadingParser.cs", 38), cs("System.Int32", "Parse", "(String s, NumberStyles style, IFormatProvider provider)", lib=True), cs("System.Number", "ThrowOverflowOrFormatException", "(ParsingStatus status, TypeCode type)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **TIMER_THREAD, **IMP_SEARCH), see("datadog.log", **IMP_LOGS)),
        classes=(4,), pair="kf-parse-overflow", log="Import of {hex}.csv failed", logger=JOB_LOG, entry="ReadingsImportJob"),
    Bug("kf-parse-overflow", "readings-import", (Exc("System.OverflowException", "Value was either too large or too small for an Int32.", (*TIMER, wk("ReadingsImportJob", "RunAsync", "(String file, CancellationToken ct)", "ReadingsImportJob.cs", 64), wk("Parsing.ReadingParser", "ParseLine", "(String line, Int32 lineNumber)", "Parsing/ReadingParser.cs", 41), cs("System.Int32", "Parse", "(String s, NumberStyles style, IFormatProvider provider)", lib=True), cs("System.Number", "ThrowOverflowOrFormatException", "(ParsingStatus status, TypeCode type)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **TIMER_THREAD, **IMP_SEARCH), see("datadog.log", **IMP_LOGS)),
        classes=(4,), pair="kf-parse-format", log="Import of {hex}.csv failed", logger=JOB_LOG, entry="ReadingsImportJob"),
    # The payments channel helper at the end of two failures, both under one Datadog monitor.
    Bug("kf-pay-unavailable", "billing-gateway", (Exc("Grpc.Core.RpcException", 'Status(StatusCode="Unavailable", Detail="Error connecting to subchannel.", DebugException="System.Net.Sockets.SocketException (111): Connection refused")', (*GRPC, gw("Services.PaymentService", "TakeCardPayment", "(CardPaymentRequest request, ServerCallContext context)", "Services/PaymentService.cs", 40, boundary=True), PAY_CALL, GRPC_CLIENT)),),
        (see("sentry.error", 3), see("splunk", 2, **GW_SEARCH), see("datadog.log", 2, **GW_KIND)),
        classes=(9,), pair="kf-debit-deadline", log=grpc_log("PaymentService/TakeCardPayment"), logger=GRPC_LOG, entry="POST /watendlath.billing.v1.PaymentService/TakeCardPayment"),
    Bug("kf-debit-deadline", "readings-import", (Exc("Grpc.Core.RpcException", 'Status(StatusCode="DeadlineExceeded", Detail="")', (*TIMER, wk("DirectDebitRun", "CollectAsync", "(DateOnly runDate, CancellationToken ct)", "DirectDebitRun.cs", 57, boundary=True), PAY_CALL, GRPC_CLIENT)),),
        (see("sentry.error", 2), see("splunk", 2, **TIMER_THREAD, **IMP_SEARCH), see("datadog.log", **IMP_LOGS), see("datadog.log", **GW_KIND)),
        classes=(9,), pair="kf-pay-unavailable", log="Direct debit run {date} stopped", logger="Watendlath.Readings.Import.DirectDebitRun", entry="DirectDebitRun"),
    # Not pairs.
    Bug("kf-usage-timeout", "billing-gateway", (Exc("System.ComponentModel.Win32Exception", "The wait operation timed out."), Exc("System.Data.SqlClient.SqlException", "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", (cs("System.Data.SqlClient.SqlCommand", "ExecuteReader", "(CommandBehavior behavior)", lib=True), cs("System.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", lib=True))), Exc("System.Data.Entity.Core.EntityCommandExecutionException", "An error occurred while executing the command definition. See the inner exception for details.", (*GRPC, gw("Services.UsageService", "GetUsageHistory", "(UsageHistoryRequest request, ServerCallContext context)", "Services/UsageService.cs", 27), dat("Repositories.ReadingRepository", "History", "(String meterSerial, Int32 months)", "Repositories/ReadingRepository.cs", 44), cs("System.Data.Entity.Core.Objects.ObjectQuery`1", "GetResults", "(Nullable`1 forMergeOption)", lib=True), cs("System.Data.Entity.Core.EntityClient.Internal.EntityCommandDefinition", "ExecuteStoreCommands", "(EntityCommand entityCommand, CommandBehavior behavior)", lib=True)))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 3, **GW_SEARCH), see("datadog.log", **GW_LOGS)),
        classes=(5,), log=grpc_log("UsageService/GetUsageHistory"), logger=GRPC_LOG, entry="POST /watendlath.billing.v1.UsageService/GetUsageHistory", span=3),
    Bug("kf-debit-concurrency", "billing-gateway", (Exc("System.Data.Entity.Core.OptimisticConcurrencyException", "Store update, insert, or delete statement affected an unexpected number of rows (0). Entities may have been modified or deleted since entities were loaded. See http://go.microsoft.com/fwlink/?LinkId=472540 for information on understanding and handling optimistic concurrency exceptions.", EF_UPDATE), Exc("System.Data.Entity.Infrastructure.DbUpdateConcurrencyException", "Store update, insert, or delete statement affected an unexpected number of rows (0). Entities may have been modified or deleted since entities were loaded. See http://go.microsoft.com/fwlink/?LinkId=472540 for information on understanding and handling optimistic concurrency exceptions.", (*WCF, gw("Wcf.BillingService", "UpdateDirectDebit", "(String accountRef, DirectDebitMandate mandate)", "Wcf/BillingService.cs", 147), *EF_SAVE))),
        (see("sentry.error", 3), see("splunk", 2, **GW_SEARCH), see("datadog.log", **GW_KIND)),
        classes=(5,), log=wcf_log("UpdateDirectDebit"), logger=WCF_LOG, entry="POST /BillingService.svc", span=2, renames={"UpdateDirectDebit": "SetDirectDebitMandate"}),
    Bug("kf-legacy-endpoint", "readings-import", (Exc("System.Net.Http.HttpRequestException", "Connection refused (legacy-meters.watendlath.internal:8080)", (cs("System.Net.Http.HttpConnectionPool", "ConnectToTcpHostAsync", "(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)", lib=True),)), Exc("System.ServiceModel.EndpointNotFoundException", "There was no endpoint listening at http://legacy-meters.watendlath.internal:8080/MeterService.svc that could accept the message. This is often caused by an incorrect address or SOAP action. See InnerException, if present, for more details.", (*TIMER, wk("ReadingsImportJob", "RunAsync", "(String file, CancellationToken ct)", "ReadingsImportJob.cs", 88), wk("Legacy.MeterServiceClientAdapter", "LookupMeterAsync", "(String serial)", "Legacy/MeterServiceClientAdapter.cs", 22, boundary=True), cs("System.ServiceModel.Channels.ServiceModelHttpMessageHandler", "SendAsync", "(HttpRequestMessage request, CancellationToken cancellationToken)", lib=True, boundary=True), cs("System.ServiceModel.Channels.HttpChannelFactory`1+HttpClientRequestChannel+HttpClientChannelAsyncRequest", "SendRequestAsync", "(Message message, TimeoutHelper timeoutHelper)", lib=True)))),
        (see("sentry.error", 3), see("splunk", 2, **TIMER_THREAD, **IMP_SEARCH), see("datadog.log", **IMP_LOGS)),
        log="Import of {hex}.csv failed", logger=JOB_LOG, entry="ReadingsImportJob"),
    Bug("kf-tariff-null-column", "billing-gateway", (Exc("System.InvalidOperationException", "The 'TariffCode' property on 'Tariff' could not be set to a 'null' value. You must set this property to a non-null value of type 'System.String'. ", (*WCF, gw("Wcf.BillingService", "ListTariffs", "(DateTime effectiveOn)", "Wcf/BillingService.cs", 66), dat("Repositories.TariffRepository", "All", "(DateTime on)", "Repositories/TariffRepository.cs", 31), cs("System.Data.Entity.Core.Common.Internal.Materialization.Shaper", "ErrorHandlingValueReader`1.GetValue", "(DbDataReader reader, Int32 ordinal)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **GW_SEARCH), see("datadog.log", **GW_LOGS), see("datadog.log", **GW_KIND)),
        log=wcf_log("ListTariffs"), logger=WCF_LOG, entry="POST /BillingService.svc"),
    Bug("kf-singleton-bill-period", "billing-gateway", (Exc("System.ArgumentOutOfRangeException", "Year, Month, and Day parameters describe an un-representable DateTime.", (*GRPC, gw("Services.BillService", "GetBillPeriod", "(BillPeriodRequest request, ServerCallContext context)", "Services/BillService.cs", 61), cs("System.DateTime", ".ctor", "(Int32 year, Int32 month, Int32 day)", lib=True))),),
        (see("sentry.error"),),
        singleton=True, log=grpc_log("BillService/GetBillPeriod"), logger=GRPC_LOG, entry="POST /watendlath.billing.v1.BillService/GetBillPeriod"),
]

NOISE = [
    Noise("kf-noise-deploy", "billing-gateway", "datadog.event", {"monitor": "billing-gateway deployed", "text": "Azure DevOps release 6.2.0 of billing-gateway completed on 2 nodes.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "billing"}),
    Noise("kf-noise-host-start", "readings-import", "splunk", {**IMP_SEARCH, "line": "2026-03-09 06:00:02,118 [1] INFO  Microsoft.Hosting.Lifetime - Application started. Press Ctrl+C to shut down."}),
    Noise("kf-noise-recovered", "readings-import", "datadog.log", {"monitor": "[readings-import] import failures", "text": "Recovered: readings-import has logged no errors for 30 minutes.", "transition": "Recovered", "alert_type": "success", "team": "billing", "filter": "service:readings-import status:error"}),
]

WATENDLATH = Company(
    key="kf",
    name="Watendlath Water",
    domain="watendlathwater.example",
    sentry_org="watendlath-water",
    splunk_url="https://splunk.watendlathwater.example:8089",
    splunk_guid="C4E92B17-08AD-4F6B-9D35-71B2A6E0F9C8",
    datadog_org=("590433", "Watendlath Water"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("6.1.3", "6.2.0", "6.2.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="watendlath-sentry-client-secret",
)
# fmt: on
