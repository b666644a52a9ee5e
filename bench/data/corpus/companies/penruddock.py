"""(jt) Penruddock Rail, a regional rail operator's fares and journeys: an ASP.NET Core 8
minimal API (``fares-api``: fare quotes, season tickets, refunds, Dapper over PostgreSQL with
Npgsql 8) and a worker host from the same solution (``timetable-sync``: a ``BackgroundService``
pulling timetable and disruption feeds into the same database with Dapper).

Both hosts log with NLog.Web.AspNetCore to a file with the team's layout
``${longdate}|${level:uppercase=true}|${logger}|${message} ${exception:format=tostring}``
(``jt-nlog-pipes``): the API's unhandled exceptions come from ``ExceptionHandlerMiddleware``
("An unhandled exception has occurred while executing the request."), the worker logs its own
failures with the exception. A Splunk universal forwarder reads the files; the Datadog agent
tails them too (log monitors only, no APM; the team's own template). Sentry: Sentry.AspNetCore
on the API, Sentry.Extensions.Logging in the worker. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "fares-api": Service("fares-api", "csharp", "jt-nlog-pipes", "penruddock:nlog", "D:\\apps\\fares-api\\logs\\fares-api.log", "pr_fares", 3390411, ".NET 8.0.8", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", "4.10.2", "nuget:Sentry.AspNetCore")),
    "timetable-sync": Service("timetable-sync", "csharp", "jt-nlog-pipes", "penruddock:nlog", "D:\\apps\\timetable-sync\\logs\\timetable-sync.log", "pr_fares", 3390412, ".NET 8.0.8", framework="generic", sdk=("sentry.dotnet.extensions.logging", "4.10.2", "nuget:Sentry.Extensions.Logging")),
}
PR = "Penruddock"


def api(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(f"{PR}.Fares.Api.{type_}", method, args, f"D:\\a\\fares\\fares\\src\\Penruddock.Fares.Api\\{file}", line, boundary=boundary)


def wk(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(f"{PR}.Timetable.Sync.{type_}", method, args, f"D:\\a\\fares\\fares\\src\\Penruddock.Timetable.Sync\\{file}", line, boundary=boundary)


MINIMAL = (
    cs("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl", "<Invoke>g__Awaited|10_0", "(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)", lib=True),
    cs("Microsoft.AspNetCore.Routing.EndpointMiddleware", "<Invoke>g__AwaitRequestTask|7_0", "(Endpoint endpoint, Task requestTask, ILogger logger)", lib=True, boundary=True),
    cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "<ExecuteTaskOfT>g__ExecuteAwaited|132_0", "(Task`1 task, HttpContext httpContext, JsonTypeInfo`1 jsonTypeInfo)", lib=True, boundary=True),
)
SERVICE_LOOP = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    cs("Microsoft.Extensions.Hosting.BackgroundService", "ExecuteAsync", "(CancellationToken stoppingToken)", lib=True, boundary=True),
)
# Dapper's async query paths (no sources in the package: no file:line).
QUERY_FIRST = (
    cs("Dapper.SqlMapper", "QueryRowAsync[T]", "(IDbConnection cnn, Row row, Type effectiveType, CommandDefinition command)", lib=True, boundary=False),
    cs("Dapper.SqlMapper", "ThrowZeroRows", "(Row row)", lib=True),
)
QUERY_PARSE = (
    cs("Dapper.SqlMapper", "QueryAsync[T]", "(IDbConnection cnn, Type effectiveType, CommandDefinition command)", lib=True, boundary=False),
    cs("Dapper.SqlMapper", "ThrowDataException", "(Exception ex, Int32 index, IDataReader reader, Object value)", lib=True),
)
NPGSQL_EXEC = (
    cs("Dapper.SqlMapper", "ExecuteImplAsync", "(IDbConnection cnn, CommandDefinition command, Object param)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlCommand", "ExecuteNonQuery", "(Boolean async, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True, boundary=True),
)
NPGSQL_READ_TIMEOUT = (
    cs("Dapper.SqlMapper", "QueryAsync[T]", "(IDbConnection cnn, Type effectiveType, CommandDefinition command)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlCommand", "ExecuteReader", "(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True, boundary=True),
    cs("Npgsql.Internal.NpgsqlReadBuffer", "<Ensure>g__EnsureLong|55_0", "(NpgsqlReadBuffer buffer, Int32 count, Boolean async, Boolean readingNotifications)", lib=True),
)
# Every partner call ends in the team's own helper.
ENSURE = cs(f"{PR}.Shared.Http.PartnerResponse", "EnsureOkAsync", "(HttpResponseMessage response, String partner, CancellationToken ct)", "D:\\a\\fares\\fares\\src\\Penruddock.Shared\\Http\\PartnerResponse.cs", 31, boundary=False)
HTTP_ENSURE = cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True)
UNHANDLED = "An unhandled exception has occurred while executing the request."
HANDLER_LOG = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
NO_ELEMENTS = "Sequence contains no elements"
TEAM = "fares"
API_SEARCH = dict(search="fares-api - ERROR|FATAL", owner="svc_fares", app="fares")
SYNC_SEARCH = dict(search="timetable-sync - errors", owner="svc_fares", app="fares")
API_LOGS = dict(team=TEAM, monitor="[fares-api] unhandled exceptions", style="sample", filter="service:fares-api \"ExceptionHandlerMiddleware\"", sample_lines=4)
API_KIND = dict(team=TEAM, monitor="[fares-api] errors by kind", style="kind", filter="service:fares-api status:error")
SYNC_LOGS = dict(team="timetables", monitor="[timetable-sync] sync failures", style="stack", lines=6, filter="service:timetable-sync status:error")


def unique(constraint: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("Npgsql.PostgresException", f'23505: duplicate key value violates unique constraint "{constraint}"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify \'Include Error Detail\' in the connection string to include this information.', (*frames, *NPGSQL_EXEC)),)


def parse_error(column: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("System.InvalidCastException", "Null object cannot be converted to a value type.", (cs("System.Convert", "ChangeType", "(Object value, Type conversionType, IFormatProvider provider)", lib=True),)),
        Exc("System.Data.DataException", f"Error parsing column {column}", (*frames, *QUERY_PARSE)),
    )


BUGS = [
    # QueryFirstAsync on an empty result in two places: the fare lookup and the season-ticket renewal.
    Bug("jt-fare-no-elements", "fares-api", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*MINIMAL, api("Endpoints.FareEndpoints", "<MapFares>b__0_1", "(String origin, String destination, FareRepository repo, CancellationToken ct)", "Endpoints\\FareEndpoints.cs", 27), api("Data.FareRepository", "GetWalkUpFareAsync", "(String origin, String destination, CancellationToken ct)", "Data\\FareRepository.cs", 44), *QUERY_FIRST)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="jt-season-no-elements", log=UNHANDLED, logger=HANDLER_LOG, entry="GET /fares/{origin}/{destination}", span=2, renames={"GetWalkUpFareAsync": "GetAnytimeFareAsync"}),
    Bug("jt-season-no-elements", "fares-api", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*MINIMAL, api("Endpoints.SeasonEndpoints", "<MapSeasons>b__0_2", "(Guid ticketId, SeasonRepository repo, CancellationToken ct)", "Endpoints\\SeasonEndpoints.cs", 39), api("Data.SeasonRepository", "GetRenewalPriceAsync", "(Guid ticketId, CancellationToken ct)", "Data\\SeasonRepository.cs", 61), *QUERY_FIRST)),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_KIND)),
        classes=(4,), pair="jt-fare-no-elements", log=UNHANDLED, logger=HANDLER_LOG, entry="POST /seasons/{ticket_id}/renew"),
    # Dapper's "Error parsing column" on two rows: a fare's zone, a service's platform.
    Bug("jt-fare-zone-null", "fares-api", parse_error("4 (zone=<null> - Object)", (*MINIMAL, api("Endpoints.FareEndpoints", "<MapFares>b__0_3", "(String station, FareRepository repo, CancellationToken ct)", "Endpoints\\FareEndpoints.cs", 58), api("Data.FareRepository", "ListFromStationAsync", "(String station, CancellationToken ct)", "Data\\FareRepository.cs", 77))),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_KIND)),
        classes=(4,), pair="jt-platform-null", log=UNHANDLED, logger=HANDLER_LOG, entry="GET /stations/{station}/fares"),
    Bug("jt-platform-null", "timetable-sync", parse_error("7 (platform_number=<null> - Object)", (*SERVICE_LOOP, wk("TimetableSyncService", "ExecuteAsync", "(CancellationToken stoppingToken)", "TimetableSyncService.cs", 48), wk("Data.ServiceRepository", "LoadCallingPointsAsync", "(String serviceUid, CancellationToken ct)", "Data\\ServiceRepository.cs", 36))),
        (see("sentry.error", 3), see("splunk", 2, **SYNC_SEARCH), see("datadog.log", **SYNC_LOGS)),
        classes=(4,), pair="jt-fare-zone-null", log="Timetable sync failed for feed {ref}", logger="Penruddock.Timetable.Sync.TimetableSyncService", entry="TimetableSyncService"),
    # Two unique constraints: refunds (API) and disruption notices (worker).
    Bug("jt-refund-unique", "fares-api", unique("ux_refunds_ticket_id", (*MINIMAL, api("Endpoints.RefundEndpoints", "<MapRefunds>b__0_0", "(RefundRequest request, RefundRepository repo, CancellationToken ct)", "Endpoints\\RefundEndpoints.cs", 22), api("Data.RefundRepository", "InsertAsync", "(Refund refund, CancellationToken ct)", "Data\\RefundRepository.cs", 30))),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="jt-disruption-unique", log=UNHANDLED, logger=HANDLER_LOG, entry="POST /refunds"),
    Bug("jt-disruption-unique", "timetable-sync", unique("ux_disruptions_incident_id", (*SERVICE_LOOP, wk("DisruptionFeedService", "ExecuteAsync", "(CancellationToken stoppingToken)", "DisruptionFeedService.cs", 55), wk("Data.DisruptionRepository", "UpsertAsync", "(Disruption disruption, CancellationToken ct)", "Data\\DisruptionRepository.cs", 41))),
        (see("sentry.error", 2), see("splunk", 3, **SYNC_SEARCH), see("datadog.log", **SYNC_LOGS)),
        classes=(4,), pair="jt-refund-unique", log="Disruption {ref} could not be stored", logger="Penruddock.Timetable.Sync.DisruptionFeedService", entry="DisruptionFeedService"),
    # One pricer method, two exceptions.
    Bug("jt-pricer-overflow", "fares-api", (Exc("System.OverflowException", "Arithmetic operation resulted in an overflow.", (*MINIMAL, api("Endpoints.QuoteEndpoints", "<MapQuotes>b__0_0", "(QuoteRequest request, TicketPricer pricer, CancellationToken ct)", "Endpoints\\QuoteEndpoints.cs", 19), api("Pricing.TicketPricer", "PriceAsync", "(QuoteRequest request, CancellationToken ct)", "Pricing\\TicketPricer.cs", 52, boundary=False), api("Pricing.TicketPricer", "ApplyRailcard", "(Int32 pence, Railcard railcard)", "Pricing\\TicketPricer.cs", 88, boundary=False))),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_KIND)),
        classes=(4,), pair="jt-pricer-keynotfound", log=UNHANDLED, logger=HANDLER_LOG, entry="POST /quotes"),
    Bug("jt-pricer-keynotfound", "fares-api", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'ZONE-{idx}' was not present in the dictionary.", (*MINIMAL, api("Endpoints.QuoteEndpoints", "<MapQuotes>b__0_0", "(QuoteRequest request, TicketPricer pricer, CancellationToken ct)", "Endpoints\\QuoteEndpoints.cs", 19), api("Pricing.TicketPricer", "PriceAsync", "(QuoteRequest request, CancellationToken ct)", "Pricing\\TicketPricer.cs", 47, boundary=False), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_KIND)),
        classes=(4,), pair="jt-pricer-overflow", log=UNHANDLED, logger=HANDLER_LOG, entry="POST /quotes"),
    # The partner helper at the end of two failures: the card processor (API) and the national timetable feed (worker).
    Bug("jt-payments-502", "fares-api", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 502 (Bad Gateway).", (*MINIMAL, api("Endpoints.RefundEndpoints", "<MapRefunds>b__0_1", "(Guid refundId, PaymentsClient payments, CancellationToken ct)", "Endpoints\\RefundEndpoints.cs", 41), api("Partners.PaymentsClient", "RefundAsync", "(Guid paymentId, Int32 pence, CancellationToken ct)", "Partners\\PaymentsClient.cs", 36), ENSURE, HTTP_ENSURE)),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_LOGS)),
        classes=(9,), pair="jt-feed-503", log=UNHANDLED, logger=HANDLER_LOG, entry="POST /refunds/{refund_id}/pay"),
    Bug("jt-feed-503", "timetable-sync", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 503 (Service Unavailable).", (*SERVICE_LOOP, wk("TimetableSyncService", "ExecuteAsync", "(CancellationToken stoppingToken)", "TimetableSyncService.cs", 41), wk("Feeds.TimetableFeedClient", "DownloadAsync", "(String feed, CancellationToken ct)", "Feeds\\TimetableFeedClient.cs", 28), ENSURE, HTTP_ENSURE)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SYNC_SEARCH), see("datadog.log", 2, **SYNC_LOGS)),
        classes=(9, 5), pair="jt-payments-502", log="Timetable sync failed for feed {ref}", logger="Penruddock.Timetable.Sync.TimetableSyncService", entry="TimetableSyncService", span=3),
    # A read timeout under load on the departures board query.
    Bug("jt-departures-timeout", "fares-api", (Exc("System.TimeoutException", "Timeout during reading attempt", (cs("System.Net.Sockets.Socket", "AwaitableSocketAsyncEventArgs.ThrowException", "(SocketError error, CancellationToken cancellationToken)", lib=True),)), Exc("Npgsql.NpgsqlException", "Exception while reading from stream", (*MINIMAL, api("Endpoints.DepartureEndpoints", "<MapDepartures>b__0_0", "(String station, DepartureRepository repo, CancellationToken ct)", "Endpoints\\DepartureEndpoints.cs", 16), api("Data.DepartureRepository", "NextDeparturesAsync", "(String station, CancellationToken ct)", "Data\\DepartureRepository.cs", 29), *NPGSQL_READ_TIMEOUT))),
        (see("sentry.error", 2), see("splunk", 3, **API_SEARCH), see("datadog.log", **API_KIND)),
        classes=(5,), log=UNHANDLED, logger=HANDLER_LOG, entry="GET /stations/{station}/departures", span=2),
    # The worker crashing on a feed with an unknown TIPLOC: logged FATAL and the host stops.
    Bug("jt-tiploc-format", "timetable-sync", (Exc("System.FormatException", "TIPLOC 'XX{idx}' is not a valid location code.", (*SERVICE_LOOP, wk("TimetableSyncService", "ExecuteAsync", "(CancellationToken stoppingToken)", "TimetableSyncService.cs", 52), wk("Parsing.CifParser", "ParseLocation", "(ReadOnlySpan`1 record)", "Parsing\\CifParser.cs", 113, boundary=False))),),
        (see("sentry.error", 2), see("splunk", 2, level="FATAL", **SYNC_SEARCH), see("datadog.log", **SYNC_LOGS)),
        log="BackgroundService failed", logger="Microsoft.Extensions.Hosting.Internal.Host", entry="TimetableSyncService"),
    # The disruption feed reusing a connection its previous scope disposed, over two releases.
    Bug("jt-connection-disposed", "timetable-sync", (Exc("System.ObjectDisposedException", "Cannot access a disposed object.\nObject name: 'Npgsql.NpgsqlConnection'.", (*SERVICE_LOOP, wk("DisruptionFeedService", "ExecuteAsync", "(CancellationToken stoppingToken)", "DisruptionFeedService.cs", 49), wk("Data.DisruptionRepository", "ListOpenAsync", "(CancellationToken ct)", "Data\\DisruptionRepository.cs", 22), cs("Npgsql.NpgsqlConnection", "CheckDisposed", "()", lib=True), cs("System.ObjectDisposedException", "ThrowIf", "(Boolean condition, Object instance)", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **SYNC_SEARCH), see("datadog.log", **SYNC_LOGS)),
        classes=(5,), log="Disruption feed poll failed", logger="Penruddock.Timetable.Sync.DisruptionFeedService", entry="DisruptionFeedService", span=2, renames={"ListOpenAsync": "GetOpenAsync"}),
    Bug("jt-singleton-railcard", "fares-api", (Exc("System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values. (Parameter 'railcard')", (*MINIMAL, api("Pricing.RailcardDiscounts", "For", "(Railcard railcard)", "Pricing\\RailcardDiscounts.cs", 24, boundary=False))),),
        (see("sentry.error"),),
        singleton=True, log=UNHANDLED, logger=HANDLER_LOG, entry="POST /quotes"),
]

NOISE = [
    Noise("jt-noise-deploy", "fares-api", "datadog.event", {"monitor": "fares-api deployed", "text": "Octopus deployed fares-api 8.4.2 to production (2 IIS nodes).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("jt-noise-host-stop", "timetable-sync", "splunk", {**SYNC_SEARCH, "line": "{ts}|INFO|Microsoft.Hosting.Lifetime|Application is shutting down... "}),
    Noise("jt-noise-recovered", "timetable-sync", "datadog.log", {"monitor": "[timetable-sync] sync failures", "text": "Recovered: timetable-sync has logged no errors for 30 minutes.", "transition": "Recovered", "alert_type": "success", "team": "timetables", "filter": "service:timetable-sync status:error"}),
]

PENRUDDOCK = Company(
    key="jt",
    name="Penruddock Rail",
    domain="penruddockrail.example",
    sentry_org="penruddock-rail",
    splunk_url="https://splunk.penruddockrail.example:8089",
    splunk_guid="0E7B3C91-44D2-4A8B-9F61-C25A7D18E3F0",
    datadog_org=("612087", "Penruddock Rail"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("8.4.1", "8.4.2", "8.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="penruddock-sentry-client-secret",
)
# fmt: on
