"""(md) Malmsbury Lettings, a letting agent's tenant portal: ASP.NET Core 8 on Azure App
Service for Linux (``portal-api``: controllers and minimal-API endpoints for tenancies, rent,
repairs, viewings and deposits; ``portal-jobs``: ``BackgroundService`` jobs in a second App
Service for rent reminders, landlord statements and document uploads), EF Core 8 over Azure
SQL through Microsoft.Data.SqlClient, Azure Blob Storage for documents.

Logs: Serilog's ``CompactJsonFormatter`` on stdout (``@t``, ``@mt``, ``@l``, ``@x``, the
properties), each line an ``AppServiceConsoleLogs`` record that diagnostic settings stream to
an Event Hub. Splunk reads the hub through the Splunk Add-on for Microsoft Cloud Services (one
record per event; the staging input without record splitting indexes the hub message's
``{"records": [...]}`` body whole): one saved search over both apps. Datadog's Azure
integration reads the same hub: one log monitor over both apps pasting the record's
``resultDescription``. Sentry: Sentry.AspNetCore on the API, Sentry.Extensions.Logging on the
jobs. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import ASPNET, cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK_V = "4.12.1"
SERVICES = {
    "portal-api": Service("portal-api", "csharp", "md-appsvc", "mscs:azure:eventhub", "evh-malmsbury-logs://insights-logs-appserviceconsolelogs", "azure_appsvc", 11310011, ".NET 8.0.8", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", SDK_V, "nuget:Sentry.AspNetCore")),
    "portal-jobs": Service("portal-jobs", "csharp", "md-appsvc", "mscs:azure:eventhub", "evh-malmsbury-logs://insights-logs-appserviceconsolelogs", "azure_appsvc", 11310012, ".NET 8.0.8", sdk=("sentry.dotnet.extensions.logging", SDK_V, "nuget:Sentry.Extensions.Logging")),
}

SRC = "/home/site/repository/src/"
MINIMAL = (
    cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)", lib=True),
    cs("Microsoft.AspNetCore.Routing.EndpointMiddleware", "<Invoke>g__AwaitRequestTask|7_0", "(Endpoint endpoint, Task requestTask, ILogger logger)", lib=True),
    cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "<ExecuteTaskResult>g__ExecuteAwaited|133_0[T]", "(Task`1 task, HttpContext httpContext, JsonTypeInfo`1 jsonTypeInfo)", lib=True, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal.SqlServerExecutionStrategy", "ExecuteAsync[TState,TResult]", "(TState state, Func`4 operation, Func`4 verifySucceeded, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
)
SQLCLIENT = (
    cs("Microsoft.Data.SqlClient.SqlCommand+<>c", "<ExecuteDbDataReaderAsync>b__209_0", "(Task`1 result)", lib=True),
    cs("System.Threading.Tasks.ContinuationResultTaskFromResultTask`2", "InnerInvoke", "()", lib=True, boundary=True),
    cs("Microsoft.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", lib=True),
)
BLOB_UPLOAD = cs("Azure.Storage.Blobs.Specialized.BlockBlobClient", "UploadInternal", "(Stream content, BlobHttpHeaders blobHttpHeaders, IDictionary`2 metadata, IDictionary`2 tags, BlobRequestConditions conditions, Nullable`1 accessTier, BlobImmutabilityPolicy immutabilityPolicy, Nullable`1 legalHold, IProgress`1 progressHandler, UploadTransferValidationOptions transferValidationOverride, String operationName, Boolean async, CancellationToken cancellationToken)", lib=True, boundary=True)
DOCSTORE = cs("Malmsbury.Portal.Documents.DocumentStore", "UploadAsync", "(String container, String name, Stream content, CancellationToken ct)", SRC + "Malmsbury.Portal/Documents/DocumentStore.cs", 57, boundary=True)
JOB_LOOP = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True, boundary=True),
)


def ctl(controller: str, method: str, args: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*ASPNET, cs(f"Malmsbury.Portal.Controllers.{controller}", method, args, f"{SRC}Malmsbury.Portal/Controllers/{controller}.cs", line, boundary=True), *more)


def ep(group: str, lambda_: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    """A minimal-API endpoint: a lambda's async state machine, as .NET 8 prints it."""
    return (*MINIMAL, cs(f"Malmsbury.Portal.Endpoints.{group}+<>c", f"<<Map{group.removesuffix('Endpoints')}>{lambda_}>d.MoveNext", "()", f"{SRC}Malmsbury.Portal/Endpoints/{group}.cs", line, boundary=True), *more)


def p(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Malmsbury.Portal.{type_}", method, args, f"{SRC}Malmsbury.Portal/{file}", line, boundary=boundary)


def job(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*JOB_LOOP, cs(f"Malmsbury.Jobs.{name}", "<ExecuteAsync>d__6.MoveNext", "()", f"{SRC}Malmsbury.Jobs/{name}.cs", line, boundary=True), *more)


def j(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Malmsbury.Jobs.{type_}", method, args, f"{SRC}Malmsbury.Jobs/{file}", line, boundary=boundary)


def sql_dup(table: str, index: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    return (
        Exc("Microsoft.Data.SqlClient.SqlException", f"Cannot insert duplicate key row in object 'dbo.{table}' with unique index '{index}'. The duplicate key value is ({key}).\nThe statement has been terminated.", SQLCLIENT),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*frames, *EF_SAVE)),
    )


NRE = "Object reference not set to an instance of an object."
FORMAT = "The input string 'N/A' was not in a correct format."

SEARCH = dict(search="Malmsbury - App Service errors (Event Hub)", owner="md_platform", app="malmsbury_azure")
SEARCH_STG = dict(search="Malmsbury - staging App Service errors", owner="md_platform", app="malmsbury_azure", kind="batch", sourcetype="mscs:azure:eventhub", source="evh-malmsbury-logs-stg://insights-logs-appserviceconsolelogs")
DD = dict(team="portal", monitor="[Azure] Malmsbury App Service console errors", filter="source:azure.web category:AppServiceConsoleLogs level:Error", text="App Service error logs over threshold on {{log.attributes.resourceId}}.\n\nLatest line:\n\n{{log.attributes.resultDescription}}")
DD_SHORT = dict(team="portal", monitor="[Azure] portal-jobs failures", filter="source:azure.web @resourceId:*APP-MALMSBURY-PORTAL-JOBS category:AppServiceConsoleLogs", text="portal-jobs is failing: {{log.attributes.error.kind}} {{log.attributes.error.message}}")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def stg(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH_STG, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def ddj(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_SHORT, **opts)


BUGS = [
    # The same NullReferenceException in two controllers.
    Bug("md-tenancy-nre", "portal-api", (Exc("System.NullReferenceException", NRE, ctl("TenancyController", "GetSummary", "(Int32 tenancyId, CancellationToken ct)", 48, p("Tenancies.TenancySummaryBuilder", "Build", "(Tenancy tenancy)", "Tenancies/TenancySummaryBuilder.cs", 33))),),
        (see("sentry.error", 3), see("sentry.issue"), spl(2), dd()),
        classes=(1, 2, 4, 5), pair="md-deposit-nre", entry="GET /api/tenancies/{id}/summary", span=2, renames={"Build": "BuildAsync"}),
    Bug("md-deposit-nre", "portal-api", (Exc("System.NullReferenceException", NRE, ctl("DepositController", "Get", "(Int32 tenancyId, CancellationToken ct)", 29, p("Deposits.DepositSchemeMapper", "ToDto", "(Deposit deposit)", "Deposits/DepositSchemeMapper.cs", 18))),),
        (see("sentry.error", 2), spl(), stg(), dd(2)),
        classes=(1, 2, 4), pair="md-tenancy-nre", entry="GET /api/tenancies/{id}/deposit"),
    # Duplicate key rows in two tables through EF Core.
    Bug("md-repair-dup", "portal-api", sql_dup("RepairRequests", "IX_RepairRequests_TenancyId_Reference", "{idx}41, R-{id}", ep("RepairEndpoints", "b__0_2", 41, p("Data.PortalDbContext", "SaveChangesAsync", "(CancellationToken ct)", "Data/PortalDbContext.cs", 62, boundary=True))),
        (see("sentry.error", 3), spl(clef="efcore"), spl(), dd()),
        classes=(1, 2, 4), pair="md-viewing-dup", entry="POST /api/repairs"),
    Bug("md-viewing-dup", "portal-api", sql_dup("Viewings", "IX_Viewings_PropertyId_SlotStart", "{id}, 2026-03-1{idx} 10:30:00.0000000", ep("ViewingEndpoints", "b__0_1", 27, p("Data.PortalDbContext", "SaveChangesAsync", "(CancellationToken ct)", "Data/PortalDbContext.cs", 62, boundary=True))),
        (see("sentry.error", 2), spl(clef="efcore"), stg(), dd(2)),
        classes=(1, 2, 4), pair="md-repair-dup", entry="POST /api/viewings"),
    # One rent calculator, two exceptions.
    Bug("md-rent-no-schedule", "portal-api", (Exc("System.InvalidOperationException", "Sequence contains no elements", ctl("RentController", "Balance", "(Int32 tenancyId, CancellationToken ct)", 36, p("Rent.RentCalculator", "NextDue", "(Tenancy tenancy, DateOnly asOf)", "Rent/RentCalculator.cs", 71), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True))),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 2, 4), pair="md-rent-frequency", log="Rent balance failed for tenancy {TenancyId}", logger="Malmsbury.Portal.Controllers.RentController", entry="GET /api/rent/{id}/balance"),
    Bug("md-rent-frequency", "portal-api", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'Fortnightly' was not present in the dictionary.", ctl("RentController", "Balance", "(Int32 tenancyId, CancellationToken ct)", 36, p("Rent.RentCalculator", "NextDue", "(Tenancy tenancy, DateOnly asOf)", "Rent/RentCalculator.cs", 78), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), spl(2), dd()),
        classes=(1, 2, 4), pair="md-rent-no-schedule", log="Rent balance failed for tenancy {TenancyId}", logger="Malmsbury.Portal.Controllers.RentController", entry="GET /api/rent/{id}/balance"),
    # One blob helper under two failures: the SAS expired (403) and a timeout.
    Bug("md-blob-403", "portal-jobs", (Exc("Azure.RequestFailedException", "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:{uuid}\nTime:2026-03-1{idx}T0{idx}:12:44.{millis}0000Z\nStatus: 403 (Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.)\nErrorCode: AuthenticationFailed", job("StatementJob", 88, j("Statements.StatementPublisher", "PublishAsync", "(LandlordStatement statement, CancellationToken ct)", "Statements/StatementPublisher.cs", 40, boundary=True), DOCSTORE, BLOB_UPLOAD)),),
        (see("sentry.error", 3), spl(2), ddj(), dd()),
        classes=(1, 2, 9), pair="md-blob-timeout", log="Publishing statement {StatementId} failed", logger="Malmsbury.Jobs.StatementJob", entry="StatementJob"),
    Bug("md-blob-timeout", "portal-jobs", (Exc("System.TimeoutException", "The operation didn't complete within the allowed time of 00:01:40.", ()), Exc("System.Threading.Tasks.TaskCanceledException", "The operation was cancelled because it exceeded the configured timeout of 0:01:40. Network timeout can be adjusted in ClientOptions.Retry.NetworkTimeout.", job("InventoryUploadJob", 52, DOCSTORE, BLOB_UPLOAD, cs("Azure.Core.Pipeline.ResponseBodyPolicy", "ThrowIfCancellationRequestedOrTimeout", "(CancellationToken originalToken, CancellationToken timeoutToken, Exception inner, TimeSpan timeout)", lib=True)))),
        (see("sentry.error", 2), spl(2), ddj(2)),
        classes=(1, 2, 9), pair="md-blob-403", log="Uploading inventory {InventoryId} failed", logger="Malmsbury.Jobs.InventoryUploadJob", entry="InventoryUploadJob"),
    # The same FormatException in two jobs parsing a landlord's CSV column.
    Bug("md-reminder-format", "portal-jobs", (Exc("System.FormatException", FORMAT, job("RentReminderJob", 64, j("Reminders.ArrearsReader", "ReadRow", "(String[] cells)", "Reminders/ArrearsReader.cs", 29), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True), cs("System.Decimal", "Parse", "(String s, IFormatProvider provider)", lib=True))),),
        (see("sentry.error", 3), spl(2), ddj()),
        classes=(1, 2, 4, 5), pair="md-statement-format", log="Rent reminder run failed", logger="Malmsbury.Jobs.RentReminderJob", entry="RentReminderJob", span=2),
    Bug("md-statement-format", "portal-jobs", (Exc("System.FormatException", FORMAT, job("StatementJob", 71, j("Statements.FeeLineParser", "Parse", "(String raw)", "Statements/FeeLineParser.cs", 17), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True), cs("System.Decimal", "Parse", "(String s, IFormatProvider provider)", lib=True))),),
        (see("sentry.error", 2), spl(), ddj(2)),
        classes=(1, 2, 4), pair="md-reminder-format", log="Statement run failed", logger="Malmsbury.Jobs.StatementJob", entry="StatementJob"),
    # Azure SQL throttling the API during the Monday rent run: a transient error EF gave up on.
    Bug("md-sql-transient", "portal-api", (Exc("Microsoft.Data.SqlClient.SqlException", "Resource ID : 1. The request limit for the database is 90 and has been reached. See 'https://docs.microsoft.com/azure/azure-sql/database/resource-limits-logical-server' for assistance.", SQLCLIENT), Exc("Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException", "The maximum number of retries (6) was exceeded while executing database operations with 'SqlServerRetryingExecutionStrategy'. See the inner exception for the most recent failure.", ctl("TenancyController", "List", "(String status, CancellationToken ct)", 22, cs("Microsoft.EntityFrameworkCore.Storage.ExecutionStrategy", "ExecuteImplementationAsync[TState,TResult]", "(Func`4 operation, Func`4 verifySucceeded, TState state, CancellationToken cancellationToken)", lib=True, boundary=True)))),
        (see("sentry.error", 3), spl(2), stg(), dd()),
        classes=(1, 2), entry="GET /api/tenancies"),
    # Entra ID rotated its signing keys; the portal's cached metadata did not refresh.
    Bug("md-jwt-kid", "portal-api", (Exc("Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException", "IDX10503: Signature validation failed. Token does not have a kid. Keys tried: '[PII of type 'System.Text.StringBuilder' is hidden. For more details, see https://aka.ms/IdentityModel/PII.]'. Number of keys in TokenValidationParameters: '0'. Number of keys in Configuration: '2'.", (*ASPNET[:2], cs("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler", "HandleAuthenticateAsync", "()", lib=True, boundary=True), cs("Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler", "ValidateSignature", "(JsonWebToken jwtToken, TokenValidationParameters validationParameters, BaseConfiguration configuration)", lib=True))),),
        (see("sentry.error", 2), spl(2, clef="app"), dd()),
        classes=(1, 2), log="Authentication failed for {Scheme}", logger="Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler", entry="GET /api/me"),
    # Viewing slots computed across the clocks-change weekend.
    Bug("md-viewing-dst", "portal-api", (Exc("System.ArgumentException", "The supplied DateTime represents an invalid time.  For example, when the clock is adjusted forward, any time in the period that is skipped is invalid. (Parameter 'dateTime')", ep("ViewingEndpoints", "b__0_0", 19, p("Viewings.SlotPlanner", "ToUtc", "(DateTime local)", "Viewings/SlotPlanner.cs", 44), cs("System.TimeZoneInfo", "ConvertTimeToUtc", "(DateTime dateTime, TimeZoneInfo sourceTimeZone, TimeZoneInfoOptions flags, CachedData cachedData)", lib=True))),),
        (see("sentry.error", 2), see("sentry.alert", rule="portal-api: new issue"), spl(), dd()),
        classes=(1, 2), entry="GET /api/viewings/slots"),
    # The jobs app's managed identity not yet granted on the new Key Vault after a slot swap.
    Bug("md-keyvault-identity", "portal-jobs", (Exc("Azure.Identity.CredentialUnavailableException", "ManagedIdentityCredential authentication unavailable. No response received from the managed identity endpoint.", ()), Exc("Azure.Identity.AuthenticationFailedException", "DefaultAzureCredential failed to retrieve a token from the included credentials. See the troubleshooting guide for more information. https://aka.ms/azsdk/net/identity/defaultazurecredential/troubleshoot\n- EnvironmentCredential authentication unavailable. Environment variables are not fully configured.\n- ManagedIdentityCredential authentication unavailable. No response received from the managed identity endpoint.", job("RentReminderJob", 40, j("Secrets.SmsGatewayKey", "GetAsync", "(CancellationToken ct)", "Secrets/SmsGatewayKey.cs", 22, boundary=True), cs("Azure.Security.KeyVault.Secrets.SecretClient", "GetSecretAsync", "(String name, String version, CancellationToken cancellationToken)", lib=True, boundary=True), cs("Azure.Identity.DefaultAzureCredential", "GetTokenImplAsync", "(Boolean async, TokenRequestContext requestContext, CancellationToken cancellationToken)", lib=True, boundary=True)))),
        (see("sentry.error", 2), spl(), stg(), ddj()),
        classes=(1, 2), log="Rent reminder run failed", logger="Malmsbury.Jobs.RentReminderJob", entry="RentReminderJob"),
    # A singleton: a statement PDF too large for the renderer's buffer.
    Bug("md-statement-pdf-oom", "portal-jobs", (Exc("System.OutOfMemoryException", "Array dimensions exceeded supported range.", job("StatementJob", 96, j("Statements.PdfRenderer", "Render", "(LandlordStatement statement)", "Statements/PdfRenderer.cs", 53))),),
        (see("sentry.error"),),
        singleton=True, entry="StatementJob"),
]

NOISE = [
    Noise("md-noise-deploy", "portal-api", "datadog.event", {"monitor": "Azure App Service deployment", "text": "Deployment to app-malmsbury-portal-api (slot production) succeeded: swap from staging.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "portal", "release": "1"}),
    Noise("md-noise-container-start", "portal-api", "splunk", {**SEARCH, "line": '{"time":"{ts}","resourceId":"/SUBSCRIPTIONS/3F6A1C2E-8B7D-4E09-A5C3-92D14B7E6F08/RESOURCEGROUPS/RG-MALMSBURY-PROD/PROVIDERS/MICROSOFT.WEB/SITES/APP-MALMSBURY-PORTAL-API","category":"AppServiceConsoleLogs","operationName":"Microsoft.Web/sites/log","level":"Informational","resultDescription":"{\\"@t\\":\\"{ts}\\",\\"@mt\\":\\"Now listening on: {Address}\\",\\"Address\\":\\"http://[::]:8080\\",\\"EventId\\":{\\"Id\\":14,\\"Name\\":\\"ListeningOnAddress\\"},\\"SourceContext\\":\\"Microsoft.Hosting.Lifetime\\"}","host":"lw1sdlwk{hex}"}'}),
    Noise("md-noise-recovered", "portal-api", "datadog.log", {"monitor": "[Azure] Malmsbury App Service console errors", "transition": "Recovered", "alert_type": "success", "team": "portal", "filter": "source:azure.web category:AppServiceConsoleLogs level:Error", "text": "App Service error logs are back under the threshold."}),
]

MALMSBURY = Company(
    key="md",
    name="Malmsbury Lettings",
    domain="malmsbury.example",
    sentry_org="malmsbury",
    splunk_url="https://malmsbury.splunkcloud.com",
    splunk_guid="6C2E8A41-7D3B-4F19-9E05-B1A4C7D2E830",
    datadog_org=("1131001", "Malmsbury Lettings"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.4", "2026.3.9", "2026.3.13"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="malmsbury-sentry-client-secret",
)
# fmt: on
