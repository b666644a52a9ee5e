"""(er) Erringden Haulage, a parcel carrier's back end: .NET 8 Worker Services on Linux
containers consuming RabbitMQ through MassTransit 8 (``dispatch-worker``: shipment bookings,
manifests, carrier quotes and labels; ``tracking-worker``: scan events, delivery
confirmations, proof-of-delivery uploads), EF Core 8 over Npgsql, a typed ``HttpClient`` to
the partner carriers, and a ``BackgroundService`` sweeping SLA breaches.

Sentry: Sentry.Extensions.Logging (``csharp``). Splunk: Docker's json-file logs of Serilog's
console sink with its default template (``er-serilog-console``: ``[HH:mm:ss ERR] message`` then
``Exception.ToString()``; MassTransit's ``R-FAULT`` lines, the host's "BackgroundService
failed"). Datadog: APM error monitors and log monitors through the plugin's recommended
template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.dotnet.extensions.logging", "4.12.1", "nuget:Sentry.Extensions.Logging")
SERVICES = {
    "dispatch-worker": Service("dispatch-worker", "csharp", "er-serilog-console", "docker:json", "/var/lib/docker/containers/dispatch-worker/dispatch-worker-json.log", "erringden", 4470551, ".NET 8.0.10", sdk=SDK),
    "tracking-worker": Service("tracking-worker", "csharp", "er-serilog-console", "docker:json", "/var/lib/docker/containers/tracking-worker/tracking-worker-json.log", "erringden", 4470552, ".NET 8.0.10", sdk=SDK),
}

# MassTransit's consume pipe, oldest first: its PDBs ship, but it is not the app's code.
MT = (
    cs("MassTransit.Middleware.ConsumerMessageFilter`2", "MassTransit.IFilter<MassTransit.ConsumeContext<TMessage>>.Send", "(ConsumeContext`1 context, IPipe`1 next)", "/_/src/MassTransit/Middleware/ConsumerMessageFilter.cs", 48, lib=True),
    cs("MassTransit.DependencyInjection.ScopeConsumerFactory`1", "Send[TMessage]", "(ConsumeContext`1 context, IPipe`1 next)", "/_/src/MassTransit/DependencyInjection/DependencyInjection/ScopeConsumerFactory.cs", 22, lib=True, boundary=True),
    cs("MassTransit.Middleware.ConsumerSplitFilter`2", "Send", "(ConsumerConsumeContext`2 context, IPipe`1 next)", "/_/src/MassTransit/Middleware/ConsumerSplitFilter.cs", 26, lib=True, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.ChangeTracking.Internal.StateManager", "SaveChangesAsync", "(StateManager stateManager, Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
)
NPGSQL_READ = (
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True, boundary=True),
)
CARRIER = (
    cs("Erringden.Dispatch.Carriers.CarrierApiClient", "SendAsync", "(HttpRequestMessage request, CancellationToken ct)", "/src/Erringden.Dispatch/Carriers/CarrierApiClient.cs", 64, boundary=True),
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True),
)
APM = dict(team="haulage", monitor="[haulage] consumer error spans", style="type")
LOGS = dict(team="haulage", monitor="[haulage] R-FAULT on the bus", filter="service:(dispatch-worker OR tracking-worker) status:error", style="sample")
SEARCH = "haulage - worker errors"


def consumer(project: str, name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    ns = f"Erringden.{project}.Consumers"
    return (*MT, cs(f"{ns}.{name}", "Consume", "(ConsumeContext`1 context)", f"/src/Erringden.{project}/Consumers/{name}.cs", line, boundary=True), *more)


def fault(project: str, queue: str, message: str, name: str) -> str:
    return f"R-FAULT rabbitmq://rabbitmq.erringden.internal/{queue} {{uuid}} Erringden.Contracts.{message} Erringden.{project}.Consumers.{name}(00:00:00.{{millis}}4417)"


def unique(index: str, table: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'23505: duplicate key value violates unique constraint "{index}"'
    return (
        Exc("Npgsql.PostgresException", pg, NPGSQL_READ),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*frames, *EF_SAVE)),
    )


NRE = "Object reference not set to an instance of an object."
NO_ELEMENTS = "Sequence contains no elements"
FIRST = cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True)

BUGS = [
    # The same NullReferenceException in two consumers.
    Bug("er-booked-nre", "dispatch-worker", (Exc("System.NullReferenceException", NRE, consumer("Dispatch", "ShipmentBookedConsumer", 41)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, search=SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="er-delivered-nre", log=fault("Dispatch", "shipment-booked", "ShipmentBooked", "ShipmentBookedConsumer"), entry="ShipmentBooked"),
    Bug("er-delivered-nre", "tracking-worker", (Exc("System.NullReferenceException", NRE, consumer("Tracking", "DeliveryConfirmedConsumer", 57, cs("Erringden.Tracking.Notifications.RecipientNotifier", "BuildSms", "(Delivery delivery)", "/src/Erringden.Tracking/Notifications/RecipientNotifier.cs", 33))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **LOGS)),
        classes=(4, 5), pair="er-booked-nre", log=fault("Tracking", "delivery-confirmed", "DeliveryConfirmed", "DeliveryConfirmedConsumer"), entry="DeliveryConfirmed", span=2),
    # Unique violations on two indexes through EF Core.
    Bug("er-manifest-dup", "dispatch-worker", unique("ix_manifests_shipment_id", "manifests", consumer("Dispatch", "ManifestRequestedConsumer", 72, cs("Erringden.Dispatch.Data.DispatchDbContext", "SaveChangesAsync", "(CancellationToken ct)", "/src/Erringden.Dispatch/Data/DispatchDbContext.cs", 38, boundary=True))),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.apm", **APM), see("datadog.log", **LOGS)),
        classes=(4, 1), pair="er-pod-dup", log=fault("Dispatch", "manifest-requested", "ManifestRequested", "ManifestRequestedConsumer"), entry="ManifestRequested"),
    Bug("er-pod-dup", "tracking-worker", unique("ix_proofs_delivery_id", "proofs", consumer("Tracking", "ProofUploadedConsumer", 49)),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **LOGS)),
        classes=(4,), pair="er-manifest-dup", log=fault("Tracking", "proof-uploaded", "ProofUploaded", "ProofUploadedConsumer"), entry="ProofUploaded"),
    # One carrier client: a timeout on quotes, a 503 on labels.
    Bug("er-quote-timeout", "dispatch-worker", (Exc("System.TimeoutException", "The operation was canceled.", (CARRIER[1],)), Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", consumer("Dispatch", "RateQuoteRequestedConsumer", 36, *CARRIER))),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.apm", **APM)),
        classes=(9,), pair="er-label-503", log=fault("Dispatch", "rate-quote-requested", "RateQuoteRequested", "RateQuoteRequestedConsumer"), entry="RateQuoteRequested"),
    Bug("er-label-503", "dispatch-worker", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 503 (Service Unavailable).", consumer("Dispatch", "LabelRequestedConsumer", 52, CARRIER[0], cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, search=SEARCH), see("datadog.log", **LOGS)),
        classes=(9,), pair="er-quote-timeout", log=fault("Dispatch", "label-requested", "LabelRequested", "LabelRequestedConsumer"), entry="LabelRequested"),
    # One scan-event consumer, two JSON properties the partner changed.
    Bug("er-scan-eta-json", "tracking-worker", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateTimeOffset. Path: $.eta | LineNumber: 0 | BytePositionInLine: {n}.", consumer("Tracking", "ScanEventConsumer", 44, cs("System.Text.Json.JsonSerializer", "Deserialize[TValue]", "(String json, JsonSerializerOptions options)", lib=True), cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **LOGS)),
        pair="er-scan-type-json", log=fault("Tracking", "scan-events", "ScanEvent", "ScanEventConsumer"), entry="ScanEvent"),
    Bug("er-scan-type-json", "tracking-worker", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to Erringden.Tracking.Contracts.ScanType. Path: $.scanType | LineNumber: 0 | BytePositionInLine: {n}.", consumer("Tracking", "ScanEventConsumer", 44, cs("System.Text.Json.JsonSerializer", "Deserialize[TValue]", "(String json, JsonSerializerOptions options)", lib=True), cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="er-scan-eta-json", log=fault("Tracking", "scan-events", "ScanEvent", "ScanEventConsumer"), entry="ScanEvent"),
    # First() on an empty sequence: the SLA sweep's BackgroundService and the manifest builder.
    Bug("er-sla-sweep-first", "dispatch-worker", (Exc("System.InvalidOperationException", NO_ELEMENTS, (cs("Microsoft.Extensions.Hosting.Internal.Host", "TryExecuteBackgroundServiceAsync", "(BackgroundService backgroundService)", lib=True, boundary=True), cs("Erringden.Dispatch.Sla.SlaSweepService", "ExecuteAsync", "(CancellationToken stoppingToken)", "/src/Erringden.Dispatch/Sla/SlaSweepService.cs", 48, boundary=True), cs("Erringden.Dispatch.Sla.SlaSweepService", "NextWindow", "(IReadOnlyList`1 windows)", "/src/Erringden.Dispatch/Sla/SlaSweepService.cs", 91), cs("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source)", lib=True), FIRST)),),
        (see("sentry.error", 2), see("splunk", 3, search=SEARCH), see("datadog.log", **LOGS, **{"msg": "BackgroundService failed"})),
        classes=(4,), pair="er-manifest-first", log="BackgroundService failed", logger="Microsoft.Extensions.Hosting.Internal.Host"),
    Bug("er-manifest-first", "dispatch-worker", (Exc("System.InvalidOperationException", NO_ELEMENTS, consumer("Dispatch", "ManifestRequestedConsumer", 61, cs("Erringden.Dispatch.Manifests.ManifestBuilder", "Build", "(Shipment shipment)", "/src/Erringden.Dispatch/Manifests/ManifestBuilder.cs", 27), cs("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source)", lib=True), FIRST)),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.apm", **APM)),
        classes=(4, 5), pair="er-sla-sweep-first", log=fault("Dispatch", "manifest-requested", "ManifestRequested", "ManifestRequestedConsumer"), entry="ManifestRequested", span=2),
    # Npgsql read timeouts while saving proofs of delivery under a lock.
    Bug("er-pod-read-timeout", "tracking-worker", (Exc("System.TimeoutException", "Timeout during reading attempt", NPGSQL_READ), Exc("Npgsql.NpgsqlException", "Exception while reading from stream", consumer("Tracking", "ProofUploadedConsumer", 49, *EF_SAVE, *NPGSQL_READ))),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.apm", **APM), see("datadog.log", **LOGS)),
        classes=(1,), log=fault("Tracking", "proof-uploaded", "ProofUploaded", "ProofUploadedConsumer"), entry="ProofUploaded"),
    # The broker restarted under the workers: MassTransit's own connection failure, no app frame.
    Bug("er-broker-unreachable", "tracking-worker", (Exc("RabbitMQ.Client.Exceptions.BrokerUnreachableException", "None of the specified endpoints were reachable", (cs("RabbitMQ.Client.ConnectionFactory", "CreateConnection", "(IEndpointResolver endpointResolver, String clientProvidedName)", lib=True),)), Exc("MassTransit.RabbitMqConnectionException", "Connect failed: tracking@rabbitmq.erringden.internal:5672/", (cs("MassTransit.RabbitMqTransport.ConnectionContextFactory", "CreateConnection", "(ISupervisor supervisor)", "/_/src/Transports/MassTransit.RabbitMqTransport/RabbitMqTransport/ConnectionContextFactory.cs", 86, lib=True, boundary=True),))),
        (see("sentry.error", 2), see("splunk", 3, search=SEARCH), see("datadog.log", 2, **LOGS)),
        log="Connection Failed: rabbitmq://rabbitmq.erringden.internal/", logger="MassTransit"),
    # A partner's postcode zone sent as "N/A".
    Bug("er-zone-format", "tracking-worker", (Exc("System.FormatException", "The input string 'N/A' was not in a correct format.", consumer("Tracking", "ScanEventConsumer", 52, cs("Erringden.Tracking.Addresses.ZoneParser", "Parse", "(String raw)", "/src/Erringden.Tracking/Addresses/ZoneParser.cs", 18), cs("System.Int32", "Parse", "(String s)", lib=True), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.apm", **APM)),
        log=fault("Tracking", "scan-events", "ScanEvent", "ScanEventConsumer"), entry="ScanEvent"),
    # A singleton: a checked weight-band sum overflowing.
    Bug("er-weight-overflow", "dispatch-worker", (Exc("System.OverflowException", "Arithmetic operation resulted in an overflow.", consumer("Dispatch", "RateQuoteRequestedConsumer", 40, cs("Erringden.Dispatch.Pricing.WeightBands", "Total", "(IEnumerable`1 parcels)", "/src/Erringden.Dispatch/Pricing/WeightBands.cs", 19))),),
        (see("sentry.error"),),
        singleton=True, entry="RateQuoteRequested"),
    # Slow carrier answers logged at warning: template lines.
    Bug("er-slow-carrier", "dispatch-worker", (),
        (see("splunk", 3, search="haulage - slow carriers", line="[{hms} WRN] Carrier {hostport} answered after {dur} ({size})"), see("datadog.log", 2, team="haulage", monitor="[haulage] slow carrier answers", filter="service:dispatch-worker status:warn", text="Carrier {hostport} answered after {dur} ({size})")),
        classes=(7,)),
]

NOISE = [
    Noise("er-noise-deploy", "dispatch-worker", "datadog.event", {"monitor": "dispatch-worker rolled out", "text": "dispatch-worker 2026.3.2 rolled out to 3/3 replicas.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("er-noise-bus-up", "tracking-worker", "splunk", {"search": SEARCH, "line": "[{hms} INF] Bus started: rabbitmq://rabbitmq.erringden.internal/"}),
]

ERRINGDEN = Company(
    key="er",
    name="Erringden Haulage",
    domain="erringden.example",
    sentry_org="erringden",
    splunk_url="https://erringden.splunkcloud.com",
    splunk_guid="7E2F4A6B-8C1D-4E3F-A5B6-C7D8E9F0A1B2",
    datadog_org=("702215", "Erringden Haulage"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="erringden-sentry-client-secret",
)
# fmt: on
