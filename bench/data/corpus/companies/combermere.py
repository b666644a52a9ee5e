"""(cw) Combermere Mutual, pet insurance claims: an ASP.NET Core 8 Web API with EF Core over
Npgsql (``claims-api``: policies, claims, premium quotes) and a Hangfire 1.8 server in its own
process (``claims-jobs``: vet-invoice imports, payouts, reminder e-mails, nightly reports),
both in Windows containers on AKS.

Logs go through log4net, which the team kept from the .NET Framework days
(Microsoft.Extensions.Logging.Log4Net.AspNetCore): the API's rolling file uses ``XmlLayout``
(``log4net:event`` elements, the exception's ``ToString()`` in ``log4net:exception``), the
Hangfire server's a ``PatternLayout`` text line with the trace below; the Splunk universal
forwarder reads both. Sentry: Sentry.AspNetCore and Sentry.Hangfire. Datadog: log and job
monitors posting Datadog's default payload (nobody edited the webhook's template). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import ASPNET, HANGFIRE, cs

SDK_V = "4.13.0"
# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "claims-api": Service("claims-api", "csharp", "cw-log4net-xml", "combermere:log4net:xml", "D:\\logs\\claims-api\\claims-api.xml", "cm_prod", 3390051, ".NET 8.0.12", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", SDK_V, "nuget:Sentry.AspNetCore")),
    "claims-jobs": Service("claims-jobs", "csharp", "cw-log4net-text", "combermere:log4net:text", "D:\\logs\\claims-jobs\\claims-jobs.log", "cm_prod", 3390054, ".NET 8.0.12", framework="hangfire", sdk=("sentry.dotnet.hangfire", SDK_V, "nuget:Sentry.Hangfire")),
}

API = "D:\\a\\1\\s\\src\\Combermere.Claims.Api\\"
JOBS = "D:\\a\\1\\s\\src\\Combermere.Claims.Jobs\\"

EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalDatabaseFacadeDependencies", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL_READ = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),
)
FIRST = (
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)

NRE = "Object reference not set to an instance of an object."
API_LOG = dict(logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", log="An unhandled exception has occurred while executing the request.")
JOB_LOG = dict(logger="Hangfire.AutomaticRetryAttribute", log="Failed to process the job '{id}': an exception occurred. Retry attempt {idx} of 10 will be performed in 00:0{idx}:00.")
XML = dict(domain="Combermere.Claims.Api")
DD_API = dict(team="claims", monitor="claims-api unhandled exceptions", filter="service:claims-api status:error")
DD_JOBS = dict(team="claims", monitor="Hangfire job failures", filter="service:claims-jobs status:error")


def api(cls: str, method: str, args: str, line: int, *, boundary: bool = False) -> Frame:
    return cs("Combermere.Claims.Api." + cls, method, args, API + cls.replace(".", "\\") + ".cs", line, boundary=boundary)


def job(cls: str, method: str, args: str, line: int, *, boundary: bool = False) -> Frame:
    return cs("Combermere.Claims.Jobs." + cls, method, args, JOBS + cls.replace(".", "\\") + ".cs", line, boundary=boundary)


def unique(index: str, table: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """EF Core's DbUpdateException over Npgsql's PostgresException for a unique index."""
    return (
        Exc("Npgsql.PostgresException", f'23505: duplicate key value violates unique constraint "{index}"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify \'Include Error Detail\' in the connection string to include this information.', NPGSQL_READ),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*frames, *EF_SAVE)),
    )


BUGS = [
    # One NullReferenceException text in the API's claim summary and the invoice import job.
    Bug("cw-summary-nre", "claims-api", (Exc("System.NullReferenceException", NRE, (*ASPNET, api("Controllers.ClaimsController", "GetSummary", "(Guid claimId)", 48, boundary=True), api("Claims.ClaimSummaryBuilder", "Build", "(Claim claim)", 73))),),
        (see("sentry.error", 3), see("splunk", 3, **XML), see("datadog.log", style="kind", **DD_API)),
        classes=(4, 1), pair="cw-invoice-nre", entry="GET /api/claims/{claim_id}/summary", **API_LOG),
    Bug("cw-invoice-nre", "claims-jobs", (Exc("System.NullReferenceException", NRE, (*HANGFIRE, job("VetInvoiceImportJob", "RunAsync", "(String batchId)", 39, boundary=True), job("Invoices.InvoiceLineMapper", "Map", "(VetInvoiceLine line)", 26))),),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.task", team="claims", monitor="Hangfire jobs failing")),
        classes=(4, 1), pair="cw-summary-nre", entry="VetInvoiceImportJob.RunAsync", **JOB_LOG),
    # Two unique indexes: a policy number issued twice by the API, a payout enqueued twice.
    Bug("cw-dup-policy-number", "claims-api", unique("IX_Policies_PolicyNumber", "Policies", (*ASPNET, api("Controllers.PoliciesController", "Create", "(CreatePolicyRequest request)", 61, boundary=True), api("Policies.PolicyService", "IssueAsync", "(Quote quote, Customer customer)", 94, boundary=True))),
        (see("sentry.error", 3), see("splunk", 2, **XML), see("datadog.log", style="stack", lines=6, **DD_API)),
        classes=(4, 1), pair="cw-dup-payout", entry="POST /api/policies", **API_LOG),
    Bug("cw-dup-payout", "claims-jobs", unique("IX_Payouts_ClaimId", "Payouts", (*HANGFIRE, job("ClaimPayoutJob", "RunAsync", "(Guid claimId)", 33, boundary=True), job("Payouts.PayoutService", "CreateAsync", "(Claim claim, Decimal amount)", 57, boundary=True))),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.task", team="claims", monitor="Hangfire jobs failing")),
        classes=(4, 1), pair="cw-dup-policy-number", entry="ClaimPayoutJob.RunAsync", **JOB_LOG),
    # One premium calculator, two exceptions: no rating band for a breed, and a zero
    # multi-pet divisor.
    Bug("cw-premium-no-band", "claims-api", (Exc("System.InvalidOperationException", "Sequence contains no elements", (*ASPNET, api("Controllers.QuotesController", "Post", "(QuoteRequest request)", 37, boundary=True), api("Pricing.PremiumCalculator", "Calculate", "(Pet pet, Cover cover)", 52), *FIRST)),),
        (see("sentry.error", 3), see("splunk", 2, **XML), see("datadog.apm", team="claims")),
        classes=(1,), pair="cw-premium-divide", entry="POST /api/quotes", **API_LOG),
    Bug("cw-premium-divide", "claims-api", (Exc("System.DivideByZeroException", "Attempted to divide by zero.", (*ASPNET, api("Controllers.QuotesController", "Post", "(QuoteRequest request)", 37, boundary=True), api("Pricing.PremiumCalculator", "Calculate", "(Pet pet, Cover cover)", 66), cs("System.Decimal+DecCalc", "VarDecDiv", "(DecCalc& d1, DecCalc& d2)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **XML), see("datadog.apm", team="claims")),
        classes=(1, 6), pair="cw-premium-no-band", entry="POST /api/quotes", **API_LOG),
    # Two Hangfire jobs under one Datadog log monitor: the nightly report's query timing out,
    # the e-mail relay refusing the service account.
    Bug("cw-report-timeout", "claims-jobs", (Exc("System.TimeoutException", "Timeout during reading attempt"), Exc("Npgsql.NpgsqlException", "Exception while reading from stream", (*HANGFIRE, job("Reports.NightlyClaimsReportJob", "RunAsync", "(DateOnly day)", 44, boundary=True), cs("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions", "ToListAsync[TSource]", "(IQueryable`1 source, CancellationToken cancellationToken)", lib=True, boundary=True), *NPGSQL_READ))),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", 2, style="kind", **DD_JOBS)),
        classes=(2, 10), pair="cw-smtp-auth", entry="NightlyClaimsReportJob.RunAsync", **JOB_LOG),
    Bug("cw-smtp-auth", "claims-jobs", (Exc("MailKit.Security.AuthenticationException", "535: 5.7.139 Authentication unsuccessful, the user credentials were incorrect.", (*HANGFIRE, job("Emails.ReminderEmailJob", "SendAsync", "(Guid policyId, String template)", 52, boundary=True), cs("MailKit.MailService", "AuthenticateAsync", "(String userName, String password, CancellationToken cancellationToken)", lib=True, boundary=True), cs("MailKit.Net.Smtp.SmtpClient", "AuthenticateAsync", "(Encoding encoding, ICredentials credentials, CancellationToken cancellationToken)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.log", 2, style="kind", **DD_JOBS)),
        classes=(2,), pair="cw-report-timeout", entry="ReminderEmailJob.SendAsync", **JOB_LOG),
    # A claim's status sent as a string the enum does not know: System.Text.Json's path.
    Bug("cw-claim-status-json", "claims-api", (Exc("System.InvalidOperationException", "Cannot get the value of a token type 'String' as a number.", (cs("System.Text.Json.Utf8JsonReader", "GetInt32", "()", lib=True),)), Exc("System.Text.Json.JsonException", "The JSON value could not be converted to Combermere.Claims.Api.Claims.ClaimStatus. Path: $.status | LineNumber: 0 | BytePositionInLine: {n}.", (cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True), cs("Microsoft.AspNetCore.Mvc.Formatters.SystemTextJsonInputFormatter", "ReadRequestBodyAsync", "(InputFormatterContext context, Encoding encoding)", lib=True)))),
        (see("sentry.error", 3), see("splunk", 2, **XML), see("datadog.log", style="kind", **DD_API)),
        classes=(10,), entry="PATCH /api/claims/{claim_id}", **API_LOG),
    # The claim-form PDF: a font file locked by another render, over three releases with the
    # writer renamed.
    Bug("cw-pdf-font-locked", "claims-jobs", (Exc("System.IO.IOException", "The process cannot access the file 'D:\\claims-jobs\\fonts\\Inter-Regular.ttf' because it is being used by another process.", (*HANGFIRE, job("Documents.ClaimFormPdfJob", "RunAsync", "(Guid claimId)", 29, boundary=True), job("Documents.PdfWriter", "WriteClaimForm", "(Claim claim, Stream output)", 81), cs("System.IO.FileStream", ".ctor", "(String path, FileMode mode, FileAccess access, FileShare share)", lib=True))),),
        (see("sentry.error", 4), see("splunk", 3), see("datadog.task", team="claims", monitor="Hangfire jobs failing")),
        classes=(5,), entry="ClaimFormPdfJob.RunAsync", span=3, renames={"WriteClaimForm": "RenderClaimForm"}, **JOB_LOG),
    # The vet practice directory's API returning HTML on a 502: a JSON parse at position 0.
    Bug("cw-vet-directory-html", "claims-api", (Exc("System.Text.Json.JsonReaderException", "'<' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.", (cs("System.Text.Json.ThrowHelper", "ThrowJsonReaderException", "(Utf8JsonReader& json, ExceptionResource resource, Byte nextByte, ReadOnlySpan`1 bytes)", lib=True),)), Exc("System.Text.Json.JsonException", "'<' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.", (*ASPNET, api("Controllers.VetsController", "Search", "(String postcode)", 29, boundary=True), api("Vets.VetDirectoryClient", "SearchAsync", "(String postcode, Int32 radiusKm)", 44, boundary=True), cs("System.Net.Http.Json.HttpContentJsonExtensions", "ReadFromJsonAsyncCore[T]", "(HttpContent content, JsonSerializerOptions options, CancellationToken cancellationToken)", lib=True, boundary=True)))),
        (see("sentry.error", 2), see("splunk", 3, **XML), see("datadog.apm", style="type", team="claims")),
        classes=(8,), entry="GET /api/vets", **API_LOG),
    # Hangfire's own failure: a job's argument type moved namespace between releases.
    Bug("cw-job-load", "claims-jobs", (Exc("System.TypeLoadException", "Could not load type 'Combermere.Claims.Jobs.Reminders.RenewalReminder' from assembly 'Combermere.Claims.Jobs, Version=3.2.0.0, Culture=neutral, PublicKeyToken=null'.", (cs("System.RuntimeTypeHandle", "GetTypeByName", "(String name, Boolean throwOnError, Boolean ignoreCase, StackCrawlMark& stackMark, ObjectHandleOnStack assemblyLoadContext, Boolean loadTypeFromPartialName)", lib=True),)), Exc("Hangfire.Common.JobLoadException", "Could not load the job. See inner exception for the details.", (cs("Hangfire.Storage.InvocationData", "DeserializeJob", "()", lib=True),))),
        (see("splunk", 3), see("sentry.error", 2), see("datadog.log", style="sample", **DD_JOBS)),
        classes=(10,), entry="Hangfire.Server.Worker", logger="Hangfire.Server.Worker", log="Error occurred during execution of 'Worker #{idx}' process. Execution will be retried (attempt #{n}) in 00:00:0{idx} seconds."),
    # AutoMapper meeting a new DTO nobody configured a map for.
    Bug("cw-automapper-missing-map", "claims-api", (Exc("AutoMapper.AutoMapperMappingException", "Missing type map configuration or unsupported mapping.\n\nMapping types:\nVetInvoice -> InvoiceDto\nCombermere.Claims.Api.Invoices.VetInvoice -> Combermere.Claims.Api.Contracts.InvoiceDto", (cs("lambda_method{n}", "", "(Closure, Object, InvoiceDto, ResolutionContext)", lib=True),)), Exc("AutoMapper.AutoMapperMappingException", "Error mapping types.\n\nMapping types:\nClaim -> ClaimDto\nCombermere.Claims.Api.Claims.Claim -> Combermere.Claims.Api.Contracts.ClaimDto\n\nType Map configuration:\nClaim -> ClaimDto\nCombermere.Claims.Api.Claims.Claim -> Combermere.Claims.Api.Contracts.ClaimDto\n\nDestination Member:\nInvoices\n", (*ASPNET, api("Controllers.ClaimsController", "Get", "(Guid claimId)", 33, boundary=True), cs("lambda_method{n}", "", "(Closure, Object, ClaimDto, ResolutionContext)", lib=True)))),
        (see("sentry.error", 3), see("splunk", 2, **XML), see("datadog.log", style="kind", **DD_API)),
        classes=(1,), entry="GET /api/claims/{claim_id}", **API_LOG),
    # A missing registration, reported once at the first request to the endpoint.
    Bug("cw-di-missing", "claims-api", (Exc("System.InvalidOperationException", "Unable to resolve service for type 'Combermere.Claims.Api.Fraud.IFraudScorer' while attempting to activate 'Combermere.Claims.Api.Controllers.FraudController'.", (*ASPNET[:2], cs("Microsoft.Extensions.DependencyInjection.ActivatorUtilities", "GetService", "(IServiceProvider sp, Type type, Type implementationType, Boolean isDefaultParameterRequired)", lib=True))),),
        (see("sentry.error"),), singleton=True, entry="GET /api/fraud/{claim_id}"),
]

NOISE = [
    Noise("cw-noise-deploy", "claims-api", "datadog.event", {"monitor": "Deployed claims-api 3.2.0", "text": "Octopus Deploy released claims-api 3.2.0 to Production (2 of 2 machines).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("cw-noise-hangfire-start", "claims-jobs", "splunk", {"search": "claims-jobs - errors", "line": "2026-03-06 05:00:02,114 [1] INFO  Hangfire.Server.BackgroundServerProcess - Server cmjobs01:4412:7f3c1e0a successfully announced in 38.1 ms"}),
    Noise("cw-noise-recovered", "claims-jobs", "datadog.log", {"monitor": "Hangfire job failures", "transition": "Recovered", "alert_type": "success", "text": "Hangfire job failures are back to normal.", "team": "claims", "filter": "service:claims-jobs status:error"}),
]

COMBERMERE = Company(
    key="cw",
    name="Combermere Mutual",
    domain="combermere.example",
    sentry_org="combermere",
    splunk_url="https://splunk.combermere.example:8000",
    splunk_guid="E27B4C90-1F6D-4A38-B5C2-8D09F3A16E47",
    datadog_org=("2205819", "Combermere Mutual"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("3.1.4", "3.2.0", "3.2.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="combermere-sentry-client-secret",
)
