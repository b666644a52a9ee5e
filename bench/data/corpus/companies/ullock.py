"""(ia) Ullock Laundry, a laundry pickup-and-delivery service: .NET 8 worker services
(``pickup-worker``: a ``BackgroundService`` consuming pickup requests from RabbitMQ, EF Core
on Npgsql, a route planner; ``billing-worker``: invoices rendered to PDF and card charges
through the payment provider's HTTP API), on Kubernetes.

Logs: Serilog's ``JsonFormatter(renderMessage: true)`` to stdout, collected by the Datadog
agent (``ia-serilog-json``); Datadog log monitors render the record's attributes
(``RenderedMessage``, the ``Exception`` string, ``SourceContext``). Sentry .NET through
``Sentry.Extensions.Logging`` (errors logged with an exception become events). Datadog APM
monitors by error type. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.dotnet.extensions.logging", "4.13.0", "nuget:Sentry.Extensions.Logging")
SERVICES = {
    "pickup-worker": Service("pickup-worker", "csharp", "ia-serilog-json", "", "", "", 5577201, ".NET 8.0.10", framework="generic", sdk=SDK),
    "billing-worker": Service("billing-worker", "csharp", "ia-serilog-json", "", "", "", 5577202, ".NET 8.0.10", framework="generic", sdk=SDK),
}
PSRC = "/src/Ullock.Pickups.Worker/"
BSRC = "/src/Ullock.Billing.Worker/"


def pk(name: str, method: str, args: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(f"Ullock.Pickups.Worker.{name}", method, args, f"{PSRC}{name.replace('.', '/')}.cs", line, boundary=boundary)


def bl(name: str, method: str, args: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(f"Ullock.Billing.Worker.{name}", method, args, f"{BSRC}{name.replace('.', '/')}.cs", line, boundary=boundary)


# RabbitMQ.Client's AsyncEventingBasicConsumer handing a delivery to the worker's handler.
RABBIT = (
    cs("RabbitMQ.Client.ConsumerDispatching.AsyncConsumerDispatcher", "ProcessChannelAsync", "()", lib=True),
    cs("RabbitMQ.Client.Events.AsyncEventingBasicConsumer", "HandleBasicDeliver", "(String consumerTag, UInt64 deliveryTag, Boolean redelivered, String exchange, String routingKey, IBasicProperties properties, ReadOnlyMemory`1 body)", lib=True),
    pk("PickupConsumer", "OnReceivedAsync", "(Object sender, BasicDeliverEventArgs ea)", 58),
)
BILLING = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    bl("BillingLoop", "ExecuteAsync", "(CancellationToken stoppingToken)", 44),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalDatabaseFacadeDependenciesExtensions", "ExecuteAsync", "()", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True),
)
HTTP_SEND = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True),
)
DICT = cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True)
TARIFF = cs("Ullock.Shared.Pricing.TariffTable", "Lookup", "(String serviceCode)", "/src/Ullock.Shared/Pricing/TariffTable.cs", 27, boundary=False)
NRE = "Object reference not set to an instance of an object."


def dup(index: str, table: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    detail = f'23505: duplicate key value violates unique constraint "{index}"'
    return (
        Exc("Npgsql.PostgresException", f"{detail}\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify 'Include Error Detail' in the connection string to include this information.", (*app, *EF_SAVE, *NPGSQL)),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", f"An error occurred while saving the entity changes. See the inner exception for details. ({table})", (*app, *EF_SAVE)),
    )


PLOG = dict(team="laundry", monitor="[pickup-worker] errors", filter="service:pickup-worker status:error", text="**{{log.attributes.RenderedMessage}}**\n\nsource: {{log.attributes.Properties.SourceContext}} on {{log.attributes.Properties.MachineName}}\n\n```\n{{log.attributes.Exception}}\n```")
PLOGTPL = dict(team="laundry", monitor="[pickup-worker] error templates", filter="service:pickup-worker status:error", text="pickup-worker: `{{log.attributes.MessageTemplate}}`\n\n{{log.attributes.RenderedMessage}}")
BLOG = dict(team="laundry", monitor="[billing-worker] errors", filter="service:billing-worker status:error", text="**{{log.attributes.RenderedMessage}}**\n\nsource: {{log.attributes.Properties.SourceContext}}\n\n```\n{{log.attributes.Exception}}\n```")
APM = dict(team="laundry", monitor="[laundry] worker errors by type", style="type")

BUGS = [
    # NullReferenceException in two places of the pickup flow.
    Bug("ia-assign-driver-nre", "pickup-worker", (Exc("System.NullReferenceException", NRE, (*RABBIT, pk("Scheduling.PickupScheduler", "AssignAsync", "(PickupRequest request, CancellationToken ct)", 71), pk("Scheduling.DriverPool", "Nearest", "(GeoPoint origin, TimeWindow window)", 33, boundary=False))),),
        (see("sentry.error", 4), see("datadog.log", 2, **PLOG), see("datadog.apm", **APM)),
        classes=(4,), pair="ia-route-order-nre", log="Failed to process pickup {PickupId}", logger="Ullock.Pickups.Worker.PickupConsumer", entry="pickups.requested", span=2, renames={"AssignAsync": "AssignDriverAsync"}),
    Bug("ia-route-order-nre", "pickup-worker", (Exc("System.NullReferenceException", NRE, (*RABBIT, pk("Routing.RoutePlanner", "PlanAsync", "(PickupRequest request, CancellationToken ct)", 49), pk("Routing.StopOrdering", "ByWindow", "(IReadOnlyList`1 stops)", 22, boundary=False))),),
        (see("sentry.error", 3), see("datadog.log", 2, **PLOG)),
        classes=(4,), pair="ia-assign-driver-nre", log="Failed to process pickup {PickupId}", logger="Ullock.Pickups.Worker.PickupConsumer", entry="pickups.requested"),
    # TariffTable.Lookup: an unknown service code from the pickup quote and from invoicing.
    Bug("ia-quote-tariff-key", "pickup-worker", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'DUVET-KING' was not present in the dictionary.", (*RABBIT, pk("Pricing.PickupQuote", "PriceAsync", "(PickupRequest request, CancellationToken ct)", 38), TARIFF, DICT)),),
        (see("sentry.error", 3), see("datadog.log", **PLOG), see("datadog.log", **PLOGTPL)),
        classes=(9,), pair="ia-invoice-tariff-key", log="Failed to process pickup {PickupId}", logger="Ullock.Pickups.Worker.PickupConsumer", entry="pickups.requested"),
    Bug("ia-invoice-tariff-key", "billing-worker", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'DUVET-KING' was not present in the dictionary.", (*BILLING, bl("Invoicing.InvoiceBuilder", "BuildAsync", "(Guid orderId, CancellationToken ct)", 61), TARIFF, DICT)),),
        (see("sentry.error", 2), see("datadog.log", 2, **BLOG), see("datadog.apm", **APM)),
        classes=(9,), pair="ia-quote-tariff-key", log="Invoice for order {OrderId} failed", logger="Ullock.Billing.Worker.Invoicing.InvoiceBuilder", entry="BillingLoop"),
    # Unique violations on two tables through one SaveChangesAsync.
    Bug("ia-dup-pickup-slot", "pickup-worker", dup("ix_pickups_customer_id_slot_start", "pickups", (*RABBIT, pk("Scheduling.PickupScheduler", "BookAsync", "(PickupRequest request, CancellationToken ct)", 96))),
        (see("sentry.error", 3), see("datadog.log", 2, **PLOG)),
        classes=(4,), pair="ia-dup-invoice-number", log="Failed to process pickup {PickupId}", logger="Ullock.Pickups.Worker.PickupConsumer", entry="pickups.requested"),
    Bug("ia-dup-invoice-number", "billing-worker", dup("ix_invoices_number", "invoices", (*BILLING, bl("Invoicing.InvoiceStore", "SaveAsync", "(Invoice invoice, CancellationToken ct)", 29))),
        (see("sentry.error", 2), see("datadog.log", 2, **BLOG), see("datadog.apm", **APM)),
        classes=(4,), pair="ia-dup-pickup-slot", log="Invoice for order {OrderId} failed", logger="Ullock.Billing.Worker.Invoicing.InvoiceStore", entry="BillingLoop"),
    # One InvoiceRenderer.RenderAsync: a full scratch disk and a bad number format.
    Bug("ia-render-disk-full", "billing-worker", (Exc("System.IO.IOException", "No space left on device : '/tmp/invoices/{hex}.pdf'", (*BILLING, bl("Invoicing.InvoiceRenderer", "RenderAsync", "(Invoice invoice, CancellationToken ct)", 52), cs("System.IO.RandomAccess", "WriteAtOffset", "(SafeFileHandle handle, ReadOnlySpan`1 buffer, Int64 fileOffset)", lib=True))),),
        (see("sentry.error", 2), see("datadog.log", 2, **BLOG), see("datadog.apm", **APM)),
        pair="ia-render-format", log="Invoice for order {OrderId} failed", logger="Ullock.Billing.Worker.Invoicing.InvoiceRenderer", entry="BillingLoop"),
    Bug("ia-render-format", "billing-worker", (Exc("System.FormatException", "The input string '12,50' was not in a correct format.", (*BILLING, bl("Invoicing.InvoiceRenderer", "RenderAsync", "(Invoice invoice, CancellationToken ct)", 67), bl("Invoicing.LineFormatter", "Weight", "(String raw)", 18, boundary=False), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True), cs("System.Decimal", "Parse", "(String s, IFormatProvider provider)", lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **BLOG)),
        classes=(4,), pair="ia-render-disk-full", log="Invoice for order {OrderId} failed", logger="Ullock.Billing.Worker.Invoicing.InvoiceRenderer", entry="BillingLoop", span=2),
    # The payment provider: a refused connection and HttpClient's 100-second timeout, one monitor.
    Bug("ia-charge-refused", "billing-worker", (Exc("System.Net.Sockets.SocketException", "Connection refused", (cs("System.Net.Sockets.Socket+AwaitableSocketAsyncEventArgs", "ThrowException", "(SocketError error, CancellationToken cancellationToken)", lib=True),)),
                                                Exc("System.Net.Http.HttpRequestException", "Connection refused (pay.provider.example:443)", (*BILLING, bl("Payments.CardCharger", "ChargeAsync", "(Invoice invoice, CancellationToken ct)", 39), *HTTP_SEND))),
        (see("sentry.error", 2), see("datadog.log", 2, **BLOG), see("datadog.apm", **APM)),
        pair="ia-charge-timeout", log="Card charge for invoice {InvoiceId} failed", logger="Ullock.Billing.Worker.Payments.CardCharger", entry="BillingLoop"),
    Bug("ia-charge-timeout", "billing-worker", (Exc("System.TimeoutException", "A task was canceled.", ()),
                                                Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", (*BILLING, bl("Payments.CardCharger", "ChargeAsync", "(Invoice invoice, CancellationToken ct)", 39), *HTTP_SEND, cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True)))),
        (see("sentry.error", 3), see("datadog.log", 2, **BLOG)),
        classes=(7,), pair="ia-charge-refused", log="Card charge for invoice {InvoiceId} failed", logger="Ullock.Billing.Worker.Payments.CardCharger", entry="BillingLoop"),
    # A message of an older publisher: System.Text.Json refuses its date.
    Bug("ia-json-window", "pickup-worker", (Exc("System.FormatException", "The JSON value is not in a supported DateTimeOffset format.", (cs("System.Text.Json.ThrowHelper", "ThrowFormatException", "(DataType dataType)", lib=True),)),
                                            Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateTimeOffset. Path: $.window.from | LineNumber: 0 | BytePositionInLine: {n}.", (*RABBIT, cs("System.Text.Json.JsonSerializer", "Deserialize[TValue]", "(ReadOnlySpan`1 utf8Json, JsonSerializerOptions options)", lib=True), cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True)))),
        (see("sentry.error", 3), see("datadog.log", 2, **PLOG), see("datadog.log", **PLOGTPL), see("datadog.apm", **APM)),
        classes=(5,), log="Failed to process pickup {PickupId}", logger="Ullock.Pickups.Worker.PickupConsumer", entry="pickups.requested", span=2),
    # LINQ Single over an empty zone table for a new postcode.
    Bug("ia-zone-empty", "pickup-worker", (Exc("System.InvalidOperationException", "Sequence contains no elements", (*RABBIT, pk("Zones.ZoneResolver", "ResolveAsync", "(String postcode, CancellationToken ct)", 27), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True))),),
        (see("sentry.error", 2), see("datadog.log", 2, **PLOG), see("datadog.apm", **APM)),
        log="Failed to process pickup {PickupId}", logger="Ullock.Pickups.Worker.PickupConsumer", entry="pickups.requested", span=3, renames={"ResolveAsync": "ResolveZoneAsync"}),
    # The broker closing the channel under the consumer: logged, no exception worth a Sentry event.
    Bug("ia-channel-closed", "pickup-worker", (Exc("RabbitMQ.Client.Exceptions.AlreadyClosedException", "Already closed: The AMQP operation was interrupted: AMQP close-reason, initiated by Peer, code=406, text='PRECONDITION_FAILED - delivery acknowledgement on channel {n} timed out. Timeout value used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more', classId=0, methodId=0", (*RABBIT, cs("RabbitMQ.Client.Impl.ModelBase", "BasicAck", "(UInt64 deliveryTag, Boolean multiple)", lib=True))),),
        (see("sentry.error", 2), see("datadog.log", 3, **PLOG)),
        classes=(7,), log="Ack of delivery {DeliveryTag} failed", logger="Ullock.Pickups.Worker.PickupConsumer", entry="pickups.requested"),
    # The PDF renderer's native library missing from one image.
    Bug("ia-skia-native", "billing-worker", (Exc("System.DllNotFoundException", "Unable to load shared library 'libSkiaSharp' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: \nlibfontconfig.so.1: cannot open shared object file: No such file or directory", (cs("SkiaSharp.SkiaApi", "sk_typeface_ref_default", "()", lib=True),)),
                                             Exc("System.TypeInitializationException", "The type initializer for 'SkiaSharp.SKTypeface' threw an exception.", (*BILLING, bl("Invoicing.InvoiceRenderer", "RenderAsync", "(Invoice invoice, CancellationToken ct)", 48), cs("SkiaSharp.SKTypeface", "get_Default", "()", lib=True)))),
        (see("sentry.error", 2), see("datadog.log", 2, **BLOG), see("datadog.apm", **APM)),
        log="Invoice for order {OrderId} failed", logger="Ullock.Billing.Worker.Invoicing.InvoiceRenderer", entry="BillingLoop"),
    # A singleton: a division by zero for an order with no items.
    Bug("ia-singleton-avg", "billing-worker", (Exc("System.DivideByZeroException", "Attempted to divide by zero.", (*BILLING, bl("Invoicing.InvoiceBuilder", "AverageWeight", "(Order order)", 88, boundary=False))),),
        (see("sentry.error"),),
        singleton=True, entry="BillingLoop"),
]

NOISE = [
    Noise("ia-noise-deploy", "pickup-worker", "datadog.event", {"monitor": "Deploy", "text": "pickup-worker 3.4.1 rolled out to laundry-prod (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "laundry"}),
    Noise("ia-noise-recovered", "billing-worker", "datadog.log", {"monitor": "[billing-worker] errors", "text": "Recovered: billing-worker errors back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "laundry", "filter": "service:billing-worker status:error"}),
    Noise("ia-noise-heartbeat", "billing-worker", "datadog.event", {"monitor": "Heartbeat", "text": "billing-worker heartbeat: BillingLoop ran 12 invoices in 00:00:41.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "laundry"}),
]

ULLOCK = Company(
    key="ia",
    name="Ullock Laundry",
    domain="ullock-laundry.example",
    sentry_org="ullock",
    splunk_url="",
    splunk_guid="",
    datadog_org=("884178", "Ullock Laundry"),
    datadog_template="custom",
    posthog_project=(77201, "Ullock"),
    releases=("3.4.0", "3.4.1", "3.4.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ullock-sentry-client-secret",
)
# fmt: on
