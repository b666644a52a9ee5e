"""(cn) Nettlecombe Community Energy, a solar and battery co-operative: an Orleans 8 silo on
.NET 8 (``grid-silo``: meter, settlement, forecast, curtailment, export and member-account
grains; ADO.NET grain storage and reminders on Postgres through Npgsql; an incoming grain
call filter logs every failed call), an ASP.NET Core gRPC gateway (``meter-gateway``: the
meters' and the billing app's calls, each forwarded to a grain) and a Blazor WebAssembly
members' portal (``member-portal``, a Release build: no PDBs, so no line numbers).

Sentry: Sentry.NLog's target in the silo, Sentry.AspNetCore in the gateway,
Sentry.AspNetCore.Blazor.WebAssembly in the portal. Splunk: NLog's ``JsonLayout`` on
stdout (the silo's with ``${exception:format=@}`` not encoded, the exception as an object;
the gateway's with ``format=tostring``). Datadog: dd-trace-dotnet APM on the gateway (by gRPC
route, by error type) and log monitors on the silo through the ``nested`` template. No
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import cs

SDK_V = "4.13.0"
# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "grid-silo": Service("grid-silo", "csharp", "cn-nlog-silo", "nettlecombe:silo:nlog", "/var/log/containers/grid-silo.log", "nettlecombe_prod", 5512031, ".NET 8.0.11", framework="orleans", sdk=("sentry.dotnet.nlog", SDK_V, "nuget:Sentry.NLog")),
    "meter-gateway": Service("meter-gateway", "csharp", "cn-nlog-gateway", "nettlecombe:gateway:nlog", "/var/log/containers/meter-gateway.log", "nettlecombe_prod", 5512034, ".NET 8.0.11", framework="grpc-dotnet", sdk=("sentry.dotnet.aspnetcore", SDK_V, "nuget:Sentry.AspNetCore")),
    "member-portal": Service("member-portal", "csharp", "", "", "", "", 5512037, "Browser WebAssembly .NET 8.0.11", framework="blazor-wasm", sdk=("sentry.dotnet.aspnetcore.blazor.webassembly", SDK_V, "nuget:Sentry.AspNetCore.Blazor.WebAssembly")),
}


def sn(tool: str, n: int = 1, **opts: object) -> Seen:
    """A Sentry delivery: Sentry.NLog and the logging integration report what was logged."""
    return see(tool, n, mechanism="generic", **opts)


def gr(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Nettlecombe.Grains.{type_}", method, args, f"/src/Nettlecombe.Grains/{file}", line, boundary=boundary)


def gw(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Nettlecombe.Gateway.{type_}", method, args, f"/src/Nettlecombe.Gateway/{file}", line, boundary=boundary)


def portal(type_: str, method: str, args: str) -> Frame:
    return cs(f"Nettlecombe.Portal.{type_}", method, args, "", 0)


def grain_call(interface: str, method: str) -> tuple[Frame, ...]:
    """The silo invoking a grain method through the generated invokable and the error filter."""
    return (
        cs("Orleans.Runtime.InsideRuntimeClient", "Invoke", "(IGrainContext target, Message message)", lib=True),
        cs("Orleans.Runtime.GrainMethodInvoker", "Invoke", "()", lib=True),
        gr("Filters.ErrorLoggingFilter", "Invoke", "(IIncomingGrainCallContext context)", "Filters/ErrorLoggingFilter.cs", 24, boundary=True),
        cs("Orleans.Runtime.GrainMethodInvoker", "Invoke", "()", lib=True, boundary=True),
        cs(f"OrleansCodeGen.Nettlecombe.Grains.Contracts.Invokable_{interface}_GrainReference_{method}", "InvokeInner", "()", lib=True),
    )


# A gRPC unary call handled by the gateway.
GRPC = (
    cs("Grpc.AspNetCore.Server.Internal.CallHandlers.UnaryServerCallHandler`3", "HandleCallAsyncCore", "(HttpContext httpContext, HttpContextServerCallContext serverCallContext)", lib=True),
)
# The caller's side of a grain call: the response awaited by the gateway.
GRAIN_RESPONSE = (
    cs("Orleans.Serialization.Invocation.ResponseCompletionSource`1", "GetResult", "(Int16 token)", lib=True),
)
STORAGE = (
    cs("Orleans.Core.StateStorageBridge`1", "WriteStateAsync", "()", lib=True, boundary=True),
    cs("Orleans.Storage.AdoNetGrainStorage", "WriteStateAsync", "(String grainType, GrainId grainReference, IGrainState`1 grainState)", lib=True),
)
HTTP_SEND = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
# Both DNO calls go through one typed client: its frame ends both timeouts.
DNO_SEND = gr("Integration.DnoClient", "SendAsync", "(String path, Object body, CancellationToken ct)", "Integration/DnoClient.cs", 48, boundary=True)
HTTP_TIMEOUT = "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing."
FIRST = (
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)
WASM_INIT = (
    cs("Microsoft.AspNetCore.Components.RenderTree.Renderer", "GetErrorHandledTask", "(Task taskToHandle, ComponentState owningComponentState)", lib=True),
    cs("Microsoft.AspNetCore.Components.ComponentBase", "RunInitAndSetParametersAsync", "()", lib=True, boundary=True),
    cs("Microsoft.AspNetCore.Components.ComponentBase", "CallOnParametersSetAsync", "()", lib=True, boundary=True),
)
WASM_CLICK = (
    cs("Microsoft.AspNetCore.Components.RenderTree.Renderer", "GetErrorHandledTask", "(Task taskToHandle, ComponentState owningComponentState)", lib=True),
    cs("Microsoft.AspNetCore.Components.ComponentBase", "Microsoft.AspNetCore.Components.IHandleEvent.HandleEventAsync", "(EventCallbackWorkItem callback, Object arg)", lib=True, boundary=True),
)
NRE = "Object reference not set to an instance of an object."
NO_ELEMENTS = "Sequence contains no elements"
FILTER = "Nettlecombe.Grains.Filters.ErrorLoggingFilter"
GRPC_LOG = {"log": "Error when executing service method '{method}'.", "logger": "Grpc.AspNetCore.Server.ServerCallHandler"}
SILO = {"search": "grid-silo grain call errors"}
GATEWAY = {"search": "meter-gateway errors"}
TEAM = {"team": "grid"}
SILO_MONITOR = {"monitor": "grid-silo failed grain calls", "filter": "service:grid-silo status:error", "style": "stack", "lines": 8, **TEAM}
SILO_KIND = {"monitor": "grid-silo failed grain calls", "filter": "service:grid-silo status:error", **TEAM}
ROUTE = {"style": "route", **TEAM}


def etag(grain: str, grain_id: str) -> str:
    return f"Version conflict (WriteState): ServiceId=nettlecombe-prod ProviderName=Default GrainType=Nettlecombe.Grains.{grain} GrainId={grain_id} ETag={{idx}}."


def timeout(inner: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    return (Exc("System.TimeoutException", "The operation was canceled."), Exc("System.Threading.Tasks.TaskCanceledException", HTTP_TIMEOUT, (*inner, DNO_SEND, *HTTP_SEND)))


def nlog_line(level: str, logger: str, message: str) -> str:
    """A JsonLayout record without an exception, ``{slot}`` values left to fill."""
    pairs = [("time", "{ts}"), ("level", level), ("logger", logger), ("message", message)]
    return "{ " + ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in pairs) + " }"


def grpc_log(method: str) -> dict[str, str]:
    return {**GRPC_LOG, "log": GRPC_LOG["log"].replace("{method}", method)}


BUGS = [
    # The same NullReferenceException in two grains: a tariff band missing; a forecast with no weather.
    Bug("cn-settlement-nre", "grid-silo", (Exc("System.NullReferenceException", NRE, (*grain_call("ISettlementGrain", "CloseDayAsync"), gr("SettlementGrain", "CloseDayAsync", "(DateOnly day)", "SettlementGrain.cs", 57), gr("Pricing.TariffBands", "PriceFor", "(HalfHour slot, Decimal kwh)", "Pricing/TariffBands.cs", 23))),),
        (sn("sentry.error", 3), see("splunk", 2, properties={"GrainType": "SettlementGrain", "GrainId": "settlement/2026-12-0{idx}"}, **SILO), see("datadog.log", **SILO_MONITOR)),
        classes=(4,), pair="cn-forecast-nre", log="Grain call ISettlementGrain.CloseDayAsync failed", logger=FILTER),
    Bug("cn-forecast-nre", "grid-silo", (Exc("System.NullReferenceException", NRE, (*grain_call("IForecastGrain", "RefreshAsync"), gr("ForecastGrain", "RefreshAsync", "()", "ForecastGrain.cs", 41), gr("Forecasting.WeatherAdjust", "Apply", "(SolarForecast forecast, WeatherSnapshot weather)", "Forecasting/WeatherAdjust.cs", 17))),),
        (sn("sentry.error", 2), sn("sentry.issue"), see("splunk", 2, properties={"GrainType": "ForecastGrain", "GrainId": "forecast/site-{n}"}, **SILO), see("datadog.log", **SILO_MONITOR)),
        classes=(4,), pair="cn-settlement-nre", log="Grain call IForecastGrain.RefreshAsync failed", logger=FILTER),
    # One validator, two exceptions from decimal.Parse: a reading too large; a reading with a comma.
    Bug("cn-reading-overflow", "meter-gateway", (Exc("System.OverflowException", "Value was either too large or too small for a Decimal.", (*GRPC, gw("Services.ReadingsService", "SubmitReading", "(SubmitReadingRequest request, ServerCallContext context)", "Services/ReadingsService.cs", 38, boundary=True), gw("Validation.ReadingValidator", "Validate", "(SubmitReadingRequest request)", "Validation/ReadingValidator.cs", 31), cs("System.Decimal", "Parse", "(String s, NumberStyles style, IFormatProvider provider)", lib=True), cs("System.Number", "ThrowOverflowException", "(String message)", lib=True))),),
        (sn("sentry.error", 3), see("splunk", 2, **GATEWAY), see("datadog.apm", **ROUTE)),
        classes=(4,), pair="cn-reading-format", entry="/nettlecombe.meters.v1.Readings/SubmitReading", **grpc_log("SubmitReading")),
    Bug("cn-reading-format", "meter-gateway", (Exc("System.FormatException", "The input string '{n},{idx}' was not in a correct format.", (*GRPC, gw("Services.ReadingsService", "SubmitReading", "(SubmitReadingRequest request, ServerCallContext context)", "Services/ReadingsService.cs", 38, boundary=True), gw("Validation.ReadingValidator", "Validate", "(SubmitReadingRequest request)", "Validation/ReadingValidator.cs", 31), cs("System.Decimal", "Parse", "(String s, NumberStyles style, IFormatProvider provider)", lib=True), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (sn("sentry.error", 2), sn("sentry.alert"), see("splunk", 2, **GATEWAY), see("datadog.apm", **ROUTE)),
        classes=(4,), pair="cn-reading-overflow", entry="/nettlecombe.meters.v1.Readings/SubmitReading", **grpc_log("SubmitReading")),
    # Two grains' state writes losing the ETag race: the grain type in the message is the bug.
    Bug("cn-meter-etag", "grid-silo", (Exc("Orleans.Storage.InconsistentStateException", etag("MeterGrain", "meter/{meter}"), (*grain_call("IMeterGrain", "RecordReadingAsync"), gr("MeterGrain", "RecordReadingAsync", "(Reading reading)", "MeterGrain.cs", 64, boundary=True), *STORAGE)),),
        (sn("sentry.error", 3), see("splunk", 2, properties={"GrainType": "MeterGrain", "GrainId": "meter/{meter}"}, **SILO), see("datadog.log", **SILO_KIND)),
        classes=(4,), pair="cn-account-etag", log="Grain call IMeterGrain.RecordReadingAsync failed", logger=FILTER),
    Bug("cn-account-etag", "grid-silo", (Exc("Orleans.Storage.InconsistentStateException", etag("MemberAccountGrain", "account/{uuid}"), (*grain_call("IMemberAccountGrain", "ApplyCreditAsync"), gr("MemberAccountGrain", "ApplyCreditAsync", "(ExportCredit credit)", "MemberAccountGrain.cs", 88, boundary=True), *STORAGE)),),
        (sn("sentry.error", 2), see("splunk", 2, properties={"GrainType": "MemberAccountGrain", "GrainId": "account/{uuid}"}, **SILO), see("datadog.log", 2, **SILO_KIND)),
        classes=(4,), pair="cn-meter-etag", log="Grain call IMemberAccountGrain.ApplyCreditAsync failed", logger=FILTER),
    # Two grains' calls to the distribution network operator timing out in one client.
    Bug("cn-dno-curtail-timeout", "grid-silo", timeout((*grain_call("ICurtailmentGrain", "NotifyAsync"), gr("CurtailmentGrain", "NotifyAsync", "(CurtailmentNotice notice)", "CurtailmentGrain.cs", 36, boundary=True))),
        (sn("sentry.error", 3), see("splunk", 2, properties={"GrainType": "CurtailmentGrain", "GrainId": "curtailment/{zone}"}, **SILO), see("datadog.log", **SILO_MONITOR)),
        classes=(9,), pair="cn-dno-export-timeout", log="Grain call ICurtailmentGrain.NotifyAsync failed", logger=FILTER),
    Bug("cn-dno-export-timeout", "grid-silo", timeout((*grain_call("IExportGrain", "SubmitHalfHourAsync"), gr("ExportGrain", "SubmitHalfHourAsync", "(HalfHour slot)", "ExportGrain.cs", 52, boundary=True))),
        (sn("sentry.error", 2), see("splunk", 2, properties={"GrainType": "ExportGrain", "GrainId": "export/site-{n}"}, **SILO), see("datadog.log", **SILO_MONITOR)),
        classes=(9,), pair="cn-dno-curtail-timeout", log="Grain call IExportGrain.SubmitHalfHourAsync failed", logger=FILTER),
    # The portal calling First() on an empty list in two places: a new member's usage page; the tariff picker.
    Bug("cn-portal-usage-first", "member-portal", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*WASM_INIT, portal("Pages.Usage", "OnParametersSetAsync", "()"), cs("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source)", lib=True), *FIRST)),),
        (sn("sentry.error", 3), sn("sentry.error", release=1), sn("sentry.issue")),
        classes=(4, 5), pair="cn-portal-tariff-first", span=2, page="/usage"),
    Bug("cn-portal-tariff-first", "member-portal", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*WASM_CLICK, portal("Components.TariffPicker", "SelectDefault", "(MouseEventArgs args)"), cs("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source)", lib=True), *FIRST)),),
        (sn("sentry.error", 3), sn("sentry.alert")),
        classes=(4,), pair="cn-portal-usage-first", page="/account/tariff"),
    # The billing grain not answering the gateway in time: across two releases, the caller renamed.
    Bug("cn-statement-grain-timeout", "meter-gateway", (Exc("System.TimeoutException", "Response did not arrive on time in 00:00:30 for message: Request [S{ip}:11111:118404522 sys.client/hosted-{ip}:11111@118404522]->[S{ip}:11111:118404522 billing/{uuid}] Nettlecombe.Grains.Contracts.IBillingGrain.GenerateStatementAsync() #{id}. ", (*GRPC, gw("Services.BillingService", "GetStatement", "(GetStatementRequest request, ServerCallContext context)", "Services/BillingService.cs", 29, boundary=True), *GRAIN_RESPONSE)),),
        (sn("sentry.error", 3), sn("sentry.issue"), see("splunk", 2, **GATEWAY), see("datadog.apm", style="type", monitor="meter-gateway errors by type", **TEAM)),
        classes=(5,), entry="/nettlecombe.billing.v1.Billing/GetStatement", span=2, renames={"GetStatement": "GetMonthlyStatement"}, **grpc_log("GetStatement")),
    # The storage pool running dry under the settlement reminders.
    Bug("cn-npgsql-pool", "grid-silo", (Exc("Npgsql.NpgsqlException", "The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently 15 seconds) in your connection string.", (*grain_call("ISettlementGrain", "ReceiveReminder"), gr("SettlementGrain", "ReceiveReminder", "(String reminderName, TickStatus status)", "SettlementGrain.cs", 112, boundary=True), cs("Npgsql.PoolingDataSource", "<Get>g__RentAsync|34_0", "(NpgsqlConnection conn, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)", lib=True))),),
        (sn("sentry.error"), see("splunk", 2, properties={"GrainType": "SettlementGrain", "GrainId": "settlement/2026-12-0{idx}"}, **SILO), see("datadog.log", 2, **SILO_KIND)),
        classes=(10,), log="Grain call IRemindable.ReceiveReminder failed", logger=FILTER),
    # A grid supply point group missing from the tariff table.
    Bug("cn-tariff-gsp-missing", "grid-silo", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'N' was not present in the dictionary.", (*grain_call("ITariffGrain", "QuoteAsync"), gr("TariffGrain", "QuoteAsync", "(String postcode)", "TariffGrain.cs", 33), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True), cs("System.ThrowHelper", "ThrowKeyNotFoundException[T]", "(T key)", lib=True))),),
        (sn("sentry.error", 2), see("splunk", 2, properties={"GrainType": "TariffGrain", "GrainId": "tariff/default"}, **SILO), see("datadog.log", 2, **SILO_KIND)),
        log="Grain call ITariffGrain.QuoteAsync failed", logger=FILTER),
    # The settlement upload's own line: one template, sizes, durations and hosts of every length.
    Bug("cn-settlement-upload", "grid-silo", (),
        (see("splunk", 4, search="grid-silo settlement uploads", line=nlog_line("Info", "Nettlecombe.Grains.Integration.SettlementUploader", "Settlement file {uuid}.csv uploaded to {sftp}: {size} in {dur}")), see("datadog.log", monitor="Settlement uploads", text="Settlement file {uuid}.csv uploaded to {sftp}: {size} in {dur}", filter="service:grid-silo logger:Nettlecombe.Grains.Integration.SettlementUploader", **TEAM)),
        classes=(7,)),
    # Seen once: the portal's token refresh failing after the identity provider's key rotation.
    Bug("cn-portal-token", "member-portal", (Exc("Microsoft.AspNetCore.Components.WebAssembly.Authentication.AccessTokenNotAvailableException", "Unable to provision an access token for the requested scopes.", (*WASM_INIT, portal("Pages.Statements", "OnInitializedAsync", "()"), cs("Microsoft.AspNetCore.Components.WebAssembly.Authentication.AuthorizationMessageHandler", "SendAsync", "(HttpRequestMessage request, CancellationToken cancellationToken)", lib=True))),),
        (sn("sentry.error"),),
        singleton=True, page="/statements"),
]

NOISE = [
    Noise("cn-noise-silo-started", "grid-silo", "splunk", {"search": "grid-silo startup", "line": nlog_line("Info", "Orleans.Runtime.SiloLifecycleSubject", "Lifecycle stage 'Active' (20000) completed in {n}ms")}),
    Noise("cn-noise-deploy", "meter-gateway", "datadog.event", {"monitor": "Deployed meter-gateway 1.22.0", "text": "Azure DevOps released meter-gateway 1.22.0 to aks-prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", **TEAM}),
    Noise("cn-noise-recovered", "grid-silo", "datadog.log", {"monitor": "grid-silo failed grain calls", "transition": "Recovered", "alert_type": "success", "text": "grid-silo failed grain calls are back under 5 in 5m.", **TEAM}),
]

NETTLECOMBE = Company(
    key="cn",
    name="Nettlecombe Community Energy",
    domain="nettlecombe.example",
    sentry_org="nettlecombe",
    splunk_url="https://nettlecombe.splunkcloud.com",
    splunk_guid="A41F7D02-3B6E-4C8A-9E15-70D2C4B8F3A6",
    datadog_org=("3390442", "Nettlecombe Energy"),
    datadog_template="nested",
    posthog_project=(0, ""),
    releases=("1.21.3", "1.22.0", "1.22.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="nettlecombe-sentry-client-secret",
)
