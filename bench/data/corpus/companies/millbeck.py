"""(ao) Millbeck Energy, a household gas and electricity supplier: an ASP.NET Core 8 minimal
API (``billing-api``; EF Core over Npgsql), MassTransit 8 consumers on RabbitMQ in a worker
host (``meter-worker``; EF Core too), and a Vue 3 customer portal built by Vite (``portal``).
Both .NET hosts log with Microsoft.Extensions.Logging's JSON console, scopes included
(ASP.NET Core's request scope, MassTransit's message scope).

Sentry (Sentry.AspNetCore, Sentry.Extensions.Logging in the worker, @sentry/vue); PostHog
(posthog-js in the portal: Chrome, Edge, Firefox, Safari; raw and resolved frames); Splunk
over both hosts' JSON; Datadog posts the team's nested template (``notification`` with both
message forms, ``occurredAtMs`` unquoted).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, cs, js

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "billing-api": Service("billing-api", "csharp", "mel-json-scopes", "millbeck:dotnet:json", "/var/log/containers/billing-api.log", "mb_prod", 9310011, ".NET 8.0.11", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", "5.0.1", "nuget:Sentry.AspNetCore")),
    "meter-worker": Service("meter-worker", "csharp", "mel-json-scopes", "millbeck:dotnet:json", "/var/log/containers/meter-worker.log", "mb_prod", 9310014, ".NET 8.0.11", framework="generic", sdk=("sentry.dotnet.extensions.logging", "5.0.1", "nuget:Sentry.Extensions.Logging")),
    "portal": Service("portal", "javascript", "", "", "", "", 9310017, origin="https://my.millbeck.example", framework="vue", sdk=("sentry.javascript.vue", "8.48.0", "npm:@sentry/vue")),
}

MB = "Millbeck"


def api(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(f"{MB}.Billing.Api.{type_}", method, args, f"/src/Millbeck.Billing.Api/{file}", line, boundary=boundary)


def mw(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(f"{MB}.Metering.Worker.{type_}", method, args, f"/src/Millbeck.Metering.Worker/{file}", line, boundary=boundary)


# Kestrel running a minimal API endpoint through RequestDelegateFactory.
MINIMAL = (
    cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)", lib=True),
    cs("Microsoft.AspNetCore.Authorization.AuthorizationMiddleware", "Invoke", "(HttpContext context)", lib=True, boundary=True),
    cs("Microsoft.AspNetCore.Routing.EndpointMiddleware", "<Invoke>g__AwaitRequestTask|7_0", "(Endpoint endpoint, Task requestTask, ILogger logger)", lib=True, boundary=True),
    cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "<ExecuteTaskOfT>g__ExecuteAwaited|129_0", "(Task`1 task, HttpContext httpContext, JsonTypeInfo`1 jsonTypeInfo)", lib=True, boundary=True),
)
# MassTransit 8 delivering a message to a scoped consumer.
MASSTRANSIT = (
    cs("MassTransit.Middleware.ConsumerMessageFilter`2", "MassTransit.IFilter<MassTransit.ConsumeContext<TMessage>>.Send", "(ConsumeContext`1 context, IPipe`1 next)", lib=True, boundary=True),
    cs("MassTransit.DependencyInjection.ScopeConsumerFactory`1", "Send[TMessage]", "(ConsumeContext`1 context, IPipe`1 next)", lib=True, boundary=True),
    cs("MassTransit.Middleware.MethodConsumerMessageFilter`2", "MassTransit.IFilter<MassTransit.ConsumerConsumeContext<TConsumer,TMessage>>.Send", "(ConsumerConsumeContext`2 context, IPipe`1 next)", lib=True, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.ChangeTracking.Internal.StateManager", "SaveChangesAsync", "(StateManager stateManager, Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL_READ = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlCommand", "ExecuteReader", "(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalCommand", "ExecuteReaderAsync", "(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)", lib=True, boundary=True),
)
NRE = "Object reference not set to an instance of an object."
UNHANDLED = "An unhandled exception has occurred while executing the request."
HANDLER_LOG = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
# MassTransit's fault log line once retries are spent.
R_FAULT = "R-FAULT rabbitmq://rabbitmq.millbeck.internal/{queue} {uuid} Millbeck.Contracts.{message} {consumer}(00:00:0{idx}.{id}0)"
MT_LOG = "MassTransit.ReceiveTransport"
TEAM = "billing"
API_LOGS = dict(team=TEAM, monitor="billing-api: unhandled exceptions", style="kind", filter="service:billing-api status:error")
WORKER_FAULTS = dict(team="metering", monitor="meter-worker: consumer faults", style="sample", filter="service:meter-worker @Category:MassTransit.ReceiveTransport")
PORTAL = dict(page="/account")


def fault(queue: str, message: str, consumer: str) -> str:
    return R_FAULT.replace("{queue}", queue).replace("{message}", message).replace("{consumer}", consumer)


def ef_unique(index: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """EF Core's DbUpdateException over Npgsql's PostgresException (cause first)."""
    return (
        Exc("Npgsql.PostgresException", f'23505: duplicate key value violates unique constraint "{index}"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify \'Include Error Detail\' in the connection string to include this information.', NPGSQL_READ),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*app, *EF_SAVE)),
    )


# The shared HTTP helper every partner client calls: it throws the app's own exception, so
# the helper is where each trace ends.
ENSURE = cs(f"{MB}.Shared.Http.PartnerResponse", "EnsureSuccessAsync", "(HttpResponseMessage response, String partner, CancellationToken ct)", "/src/Millbeck.Shared/Http/PartnerResponse.cs", 27)

BUGS = [
    # NullReferenceException in an endpoint and in a consumer: two bugs.
    Bug("mb-invoice-nre", "billing-api", (Exc("System.NullReferenceException", NRE, (*MINIMAL, api("Endpoints.InvoiceEndpoints", "GetInvoiceAsync", "(Guid id, BillingDbContext db, CancellationToken ct)", "Endpoints/InvoiceEndpoints.cs", 41), api("Invoices.InvoiceMapper", "ToDto", "(Invoice invoice)", "Invoices/InvoiceMapper.cs", 18, boundary=False))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("datadog.log", **API_LOGS)),
        classes=(2, 4), pair="mb-reading-nre", log=UNHANDLED, logger=HANDLER_LOG, entry="GET /invoices/{invoice_id}", span=2, renames={"GetInvoiceAsync": "GetInvoiceByIdAsync"}),
    Bug("mb-reading-nre", "meter-worker", (Exc("System.NullReferenceException", NRE, (*MASSTRANSIT, mw("Consumers.MeterReadingSubmittedConsumer", "Consume", "(ConsumeContext`1 context)", "Consumers/MeterReadingSubmittedConsumer.cs", 37))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **WORKER_FAULTS)),
        classes=(2, 4), pair="mb-invoice-nre", log=fault("meter-reading-submitted", "MeterReadingSubmitted", "Millbeck.Metering.Worker.Consumers.MeterReadingSubmittedConsumer"), logger=MT_LOG, entry="meter-reading-submitted"),
    # Unique violations on two indexes; the index is the bug.
    Bug("mb-account-mprn-dup", "billing-api", ef_unique("IX_Accounts_Mprn", (*MINIMAL, api("Endpoints.AccountEndpoints", "CreateAccountAsync", "(CreateAccount request, BillingDbContext db, CancellationToken ct)", "Endpoints/AccountEndpoints.cs", 58))),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="message", team=TEAM, monitor="billing-api error spans")),
        classes=(2, 4), pair="mb-directdebit-dup", log=UNHANDLED, logger=HANDLER_LOG, entry="POST /accounts"),
    Bug("mb-directdebit-dup", "meter-worker", ef_unique("IX_DirectDebits_AccountId", (*MASSTRANSIT, mw("Consumers.DirectDebitMandatedConsumer", "Consume", "(ConsumeContext`1 context)", "Consumers/DirectDebitMandatedConsumer.cs", 44))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(4,), pair="mb-account-mprn-dup", log=fault("direct-debit-mandated", "DirectDebitMandated", "Millbeck.Metering.Worker.Consumers.DirectDebitMandatedConsumer"), logger=MT_LOG, entry="direct-debit-mandated"),
    # One calculator, two exceptions: no unit rates for a region, and a zero-day period.
    Bug("mb-quote-no-rates", "billing-api", (Exc("System.InvalidOperationException", "Sequence contains no elements", (*MINIMAL, api("Endpoints.QuoteEndpoints", "CreateQuoteAsync", "(QuoteRequest request, TariffCalculator calculator, CancellationToken ct)", "Endpoints/QuoteEndpoints.cs", 29), api("Tariffs.TariffCalculator", "Calculate", "(Tariff tariff, UsageEstimate usage)", "Tariffs/TariffCalculator.cs", 52, boundary=False), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="type", team=TEAM, monitor="billing-api error types")),
        classes=(2, 4, 8), pair="mb-quote-zero-days", log=UNHANDLED, logger=HANDLER_LOG, entry="POST /quotes"),
    Bug("mb-quote-zero-days", "billing-api", (Exc("System.DivideByZeroException", "Attempted to divide by zero.", (*MINIMAL, api("Endpoints.QuoteEndpoints", "CreateQuoteAsync", "(QuoteRequest request, TariffCalculator calculator, CancellationToken ct)", "Endpoints/QuoteEndpoints.cs", 29), api("Tariffs.TariffCalculator", "Calculate", "(Tariff tariff, UsageEstimate usage)", "Tariffs/TariffCalculator.cs", 61, boundary=False))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("datadog.apm", style="type", team=TEAM, monitor="billing-api error types")),
        classes=(2, 4, 8), pair="mb-quote-no-rates", log=UNHANDLED, logger=HANDLER_LOG, entry="POST /quotes"),
    # The same unit-rate read of undefined in two components.
    Bug("mb-portal-tariffcard-rate", "portal", (Exc("TypeError", frames=(*VUE_RENDER, js("src/components/TariffCard.vue", "unitRateLabel", 34, 41, "TariffCard")), js=JsError("read-undefined", "tariff.electricity", "unitRate")),),
        (see("sentry.error", 2, browser="chrome", chunk="TariffCard"), see("sentry.error", browser="firefox", chunk="TariffCard", release=1), see("sentry.error", browser="safari", chunk="TariffCard", release=2, raw=True), see("posthog", browser="chrome", mechanism="generic"), see("posthog", browser="edge", mechanism="generic", release=1), see("posthog", browser="safari", resolved=True, mechanism="generic", release=2)),
        classes=(3, 4), pair="mb-portal-usagechart-rate", span=3, page="/tariffs"),
    Bug("mb-portal-usagechart-rate", "portal", (Exc("TypeError", frames=(*VUE_MOUNTED, js("src/components/UsageChart.vue", "costSeries", 77, 52, "UsageView")), js=JsError("read-undefined", "tariff.electricity", "unitRate")),),
        (see("sentry.error", 2, browser="chrome", chunk="UsageView"), see("sentry.error", browser="safari", chunk="UsageView"), see("posthog", browser="firefox", mechanism="generic"), see("posthog", browser="chrome", resolved=True, mechanism="generic")),
        classes=(3, 4), pair="mb-portal-tariffcard-rate", page="/usage"),
    # One consumer failing two ways under one log monitor: the database timing out, and a
    # payload from the DCC adapter that does not parse.
    Bug("mb-smart-reading-db-timeout", "meter-worker", (
        Exc("System.TimeoutException", "Timeout during reading attempt"),
        Exc("Npgsql.NpgsqlException", "Exception while reading from stream", NPGSQL_READ),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*MASSTRANSIT, mw("Consumers.SmartReadingConsumer", "Consume", "(ConsumeContext`1 context)", "Consumers/SmartReadingConsumer.cs", 66), *EF_SAVE)),
    ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", 2, **WORKER_FAULTS)),
        classes=(2,), pair="mb-smart-reading-bad-json", log=fault("smart-reading", "SmartReadingReceived", "Millbeck.Metering.Worker.Consumers.SmartReadingConsumer"), logger=MT_LOG, entry="smart-reading"),
    Bug("mb-smart-reading-bad-json", "meter-worker", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.Decimal. Path: $.registers[{idx}].value | LineNumber: 0 | BytePositionInLine: {line}.", (*MASSTRANSIT, mw("Consumers.SmartReadingConsumer", "Consume", "(ConsumeContext`1 context)", "Consumers/SmartReadingConsumer.cs", 49, boundary=False), mw("Dcc.DccPayload", "Parse", "(String raw)", "Dcc/DccPayload.cs", 23, boundary=False), cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("datadog.log", **WORKER_FAULTS)),
        classes=(2,), pair="mb-smart-reading-db-timeout", log=fault("smart-reading", "SmartReadingReceived", "Millbeck.Metering.Worker.Consumers.SmartReadingConsumer"), logger=MT_LOG, entry="smart-reading"),
    # Two partners failing through one helper that throws the app's own exception.
    Bug("mb-xoserve-unavailable", "meter-worker", (Exc("Millbeck.Shared.Http.PartnerException", "Xoserve returned 503 ServiceUnavailable for POST /v2/supply-points/{meter}/nominations", (*MASSTRANSIT, mw("Consumers.SwitchRequestedConsumer", "Consume", "(ConsumeContext`1 context)", "Consumers/SwitchRequestedConsumer.cs", 52), mw("Partners.XoserveClient", "NominateAsync", "(String mprn, DateOnly from, CancellationToken ct)", "Partners/XoserveClient.cs", 39), ENSURE)),),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.log", **WORKER_FAULTS)),
        classes=(2, 9), pair="mb-dcc-unavailable", log=fault("switch-requested", "SwitchRequested", "Millbeck.Metering.Worker.Consumers.SwitchRequestedConsumer"), logger=MT_LOG, entry="switch-requested"),
    Bug("mb-dcc-unavailable", "billing-api", (Exc("Millbeck.Shared.Http.PartnerException", "DCC adapter returned 503 ServiceUnavailable for GET /devices/{hex}/readings", (*MINIMAL, api("Endpoints.ReadingEndpoints", "GetLiveReadingAsync", "(Guid accountId, DccClient dcc, CancellationToken ct)", "Endpoints/ReadingEndpoints.cs", 22), api("Partners.DccClient", "GetReadingAsync", "(String deviceId, CancellationToken ct)", "Partners/DccClient.cs", 31), ENSURE)),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="route", team=TEAM, monitor="billing-api: live reading error rate")),
        classes=(8, 9), pair="mb-xoserve-unavailable", log=UNHANDLED, logger=HANDLER_LOG, entry="GET /accounts/{account_id}/readings/live"),
    # A route chunk gone after a deploy: three engines' words, a new hash each release.
    Bug("mb-portal-chunk-load", "portal", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2, browser="chrome", chunk="MovingHome", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="MovingHome", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="MovingHome", mechanism="onunhandledrejection"), see("posthog", browser="edge", chunk="MovingHome", mechanism="onunhandledrejection"), see("posthog", browser="safari", chunk="MovingHome", mechanism="onunhandledrejection")),
        classes=(3, 5), span=3, page="/moving-home"),
    # A click handler calling a method the payment widget no longer has.
    Bug("mb-portal-topup-click", "portal", (Exc("TypeError", frames=(*VUE_CLICK, js("src/views/TopUp.vue", "onPay", 58, 17, "TopUp")), js=JsError("not-function", "widget", "confirmPayment", "(t)")),),
        (see("sentry.error", browser="chrome", chunk="TopUp"), see("sentry.error", browser="safari", chunk="TopUp"), see("sentry.error", browser="chrome", chunk="TopUp", sourcemaps=False), see("posthog", browser="chrome", mechanism="generic"), see("posthog", browser="firefox", mechanism="generic")),
        classes=(3, 10), page="/top-up"),
    # Optimistic concurrency on the balance row while two readings land together.
    Bug("mb-balance-concurrency", "meter-worker", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.", (*MASSTRANSIT, mw("Consumers.BillableUsageConsumer", "Consume", "(ConsumeContext`1 context)", "Consumers/BillableUsageConsumer.cs", 71), *EF_SAVE[:3], cs("Npgsql.EntityFrameworkCore.PostgreSQL.Update.Internal.NpgsqlModificationCommandBatch", "ThrowAggregateUpdateConcurrencyExceptionAsync", "(RelationalDataReader reader, Int32 commandIndex, Int32 expectedRowsAffected, Int32 rowsAffected, CancellationToken cancellationToken)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **WORKER_FAULTS)),
        classes=(2,), log=fault("billable-usage", "BillableUsageRecorded", "Millbeck.Metering.Worker.Consumers.BillableUsageConsumer"), logger=MT_LOG, entry="billable-usage"),
    # The payment gateway timing out: TaskCanceledException over a frameless TimeoutException.
    Bug("mb-payment-timeout", "billing-api", (
        Exc("System.TimeoutException", "The operation was canceled."),
        Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", (*MINIMAL, api("Endpoints.PaymentEndpoints", "TakePaymentAsync", "(PaymentRequest request, PaymentGateway gateway, CancellationToken ct)", "Endpoints/PaymentEndpoints.cs", 35), api("Payments.PaymentGateway", "ChargeAsync", "(PaymentRequest request, CancellationToken ct)", "Payments/PaymentGateway.cs", 48), cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True), cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True))),
    ),
        (see("sentry.error", 2), see("sentry.issue"), see("sentry.alert", rule="billing-api: payment errors"), see("splunk", 2), see("datadog.apm", style="route", team=TEAM, monitor="billing-api: payments error rate")),
        classes=(8,), log=UNHANDLED, logger=HANDLER_LOG, entry="POST /payments"),
    # A body the endpoint cannot bind: thrown before any app code runs.
    Bug("mb-quote-bad-body", "billing-api", (
        Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateOnly. Path: $.moveInDate | LineNumber: 0 | BytePositionInLine: {n}.", (cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True),)),
        Exc("Microsoft.AspNetCore.Http.BadHttpRequestException", 'Failed to read parameter "QuoteRequest request" from the request body as JSON.', (*MINIMAL[:3], cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "<HandleRequestBodyAndCompileRequestDelegateForJson>g__TryReadBodyAsync|102_0", "(HttpContext httpContext, Type bodyType, String parameterTypeName, String parameterName, Boolean allowEmptyRequestBody, Boolean throwOnBadRequest, JsonTypeInfo jsonTypeInfo)", lib=True, boundary=True), cs("Microsoft.AspNetCore.Http.RequestDelegateFactory+Log", "InvalidJsonRequestBody", "(HttpContext httpContext, String parameterTypeName, String parameterName, Exception exception, Boolean shouldThrow)", lib=True))),
    ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **API_LOGS)),
        classes=(2, 10), log=UNHANDLED, logger=HANDLER_LOG, entry="POST /quotes"),
    # Seen once.
    Bug("mb-meter-serial-format", "billing-api", (Exc("System.FormatException", "The input string '{seg}-{id}' was not in a correct format.", (*MINIMAL, api("Endpoints.MeterEndpoints", "GetMeterAsync", "(String serial, BillingDbContext db, CancellationToken ct)", "Endpoints/MeterEndpoints.cs", 19), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (see("sentry.error"),),
        singleton=True, log=UNHANDLED, logger=HANDLER_LOG, entry="GET /meters/{serial}"),
]

NOISE = [
    Noise("mb-noise-deploy", "billing-api", "datadog.event", {"monitor": "Deployed billing-api 8.14.0", "text": "Azure DevOps released billing-api 8.14.0 to prod (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("mb-noise-bus-started", "meter-worker", "splunk", {"search": "meter-worker - errors", "line": '{"Timestamp":"{ts}","EventId":0,"LogLevel":"Information","Category":"MassTransit","Message":"Bus started: rabbitmq://rabbitmq.millbeck.internal/","State":{"Message":"Bus started: rabbitmq://rabbitmq.millbeck.internal/","HostAddress":"rabbitmq://rabbitmq.millbeck.internal/","{OriginalFormat}":"Bus started: {HostAddress}"}}'}),
    Noise("mb-noise-queue-recovered", "meter-worker", "datadog.metric", {"monitor": "smart-reading queue depth", "scope": "rabbitmq_queue:smart-reading", "transition": "Recovered", "metric": "rabbitmq.queue.messages", "text": "smart-reading is back under 5000 messages.", "team": "metering"}),
]

MILLBECK = Company(
    key="ao",
    name="Millbeck Energy",
    domain="millbeck.example",
    sentry_org="millbeck-energy",
    splunk_url="https://millbeck.splunkcloud.com",
    splunk_guid="C41F8A27-05BE-4E39-9D6A-7B2E18F4A0C3",
    datadog_org=("402175", "Millbeck Energy"),
    datadog_template="millbeck",
    posthog_project=(73310, "Millbeck portal"),
    releases=("8.12.0", "8.13.1", "8.14.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="millbeck-sentry-client-secret",
)
# fmt: on
