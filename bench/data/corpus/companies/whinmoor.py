"""(mp) Whinmoor Freight, a pallet-network haulier: .NET 8 worker services on Amazon ECS
(Fargate) built on MassTransit 8 over Amazon SQS/SNS: ``consignment-worker`` (``ConsignmentBooked``,
``LabelRequested``, ``CustomsDeclared`` consumers; EF Core 8 over PostgreSQL; a typed
``HttpClient`` to the carriers' APIs) and ``billing-worker`` (``InvoiceRaised``,
``TariffImported``; S3 for proofs of delivery).

Logs: NLog's ``JsonLayout`` on stdout (``${exception:format=tostring}``), routed by FireLens (AWS
for Fluent Bit, ECS metadata on) to Splunk HEC, one saved search over both workers, and to
Datadog, one log monitor pasting ``message`` and ``exception``; MassTransit's ``R-RETRY``
(Warn) and ``R-FAULT`` records. Datadog: dd-trace-dotnet APM monitors by ``error.type``.
Sentry: Sentry.NLog. No PostHog (no front end).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.dotnet.nlog", "4.12.1", "nuget:Sentry.NLog")
SERVICES = {
    "consignment-worker": Service("consignment-worker", "csharp", "mp-firelens", "ecs:firelens:nlog", "http:firelens-whinmoor", "whinmoor_ecs", 11170011, ".NET 8.0.10", sdk=SDK),
    "billing-worker": Service("billing-worker", "csharp", "mp-firelens", "ecs:firelens:nlog", "http:firelens-whinmoor", "whinmoor_ecs", 11170012, ".NET 8.0.10", sdk=SDK),
}

SRC = "/src/"
MT = (
    cs("MassTransit.AmazonSqsTransport.AmazonSqsMessageReceiver", "HandleMessage", "(Message message)", lib=True, boundary=True),
    cs("MassTransit.Middleware.ConsumerMessageFilter`2", "MassTransit.IFilter<MassTransit.ConsumeContext<TMessage>>.Send", "(ConsumeContext`1 context, IPipe`1 next)", lib=True),
    cs("MassTransit.DependencyInjection.ScopeConsumerFactory`1", "Send[TMessage]", "(ConsumeContext`1 context, IPipe`1 next)", lib=True, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
)
NPGSQL = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True, boundary=True),
)
HTTP_SEND = cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True)
CARRIER = cs("Whinmoor.Carriers.CarrierApiClient", "PostJsonAsync[TResponse]", "(String path, Object body, CancellationToken ct)", SRC + "Whinmoor.Carriers/CarrierApiClient.cs", 61, boundary=True)


def consumer(svc: str, name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    proj = "Whinmoor.Consignments" if svc == "c" else "Whinmoor.Billing"
    return (*MT, cs(f"{proj}.Consumers.{name}", "Consume", "(ConsumeContext`1 context)", f"{SRC}{proj}/Consumers/{name}.cs", line, boundary=True), *more)


def w(proj: str, type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Whinmoor.{proj}.{type_}", method, args, f"{SRC}Whinmoor.{proj}/{file}", line, boundary=boundary)


def unique(index: str, frames: tuple[Frame, ...], detail: str) -> tuple[Exc, Exc]:
    pg = f'23505: duplicate key value violates unique constraint "{index}"\n\nDETAIL: {detail}'
    return (
        Exc("Npgsql.PostgresException", pg, NPGSQL),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*frames, *EF_SAVE)),
    )


def fault(queue: str, message: str, name: str) -> str:
    return f"R-FAULT https://sqs.eu-west-2.amazonaws.com/418265093317/{queue} {{uuid}} Whinmoor.Contracts.{message} {name}(00:00:0{{idx}}.{{millis}}1180)"


NRE = "Object reference not set to an instance of an object."
SEARCH = dict(search="Whinmoor - ECS worker errors (FireLens)", owner="wf_platform", app="whinmoor")
DD = dict(team="freight", monitor="[ecs workers] error logs", format="mp-dd", filter="source:firelens ecs_cluster:whinmoor-prod status:error", text="{{log.attributes.logger}} logged on {{log.service}}:\n\n{{log.attributes.message}}\n\n```\n{{log.attributes.exception}}\n```")
APM = dict(team="freight", monitor="[ecs workers] consumer errors by error.type", style="type", filter="service:consignment-worker OR service:billing-worker")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def apm(n: int = 1) -> Seen:
    return see("datadog.apm", n, **APM)


BUGS = [
    # The same NullReferenceException in two consumers.
    Bug("mp-booked-nre", "consignment-worker", (Exc("System.NullReferenceException", NRE, consumer("c", "ConsignmentBookedConsumer", 52, w("Consignments", "Routing.DepotResolver", "Resolve", "(Postcode postcode)", "Routing/DepotResolver.cs", 33))),),
        (see("sentry.error", 3), spl(2), spl(kind="retry"), dd(), apm()),
        classes=(1, 4, 5), pair="mp-label-nre", log=fault("consignment-booked", "ConsignmentBooked", "Whinmoor.Consignments.Consumers.ConsignmentBookedConsumer"), entry="ConsignmentBooked", span=2, renames={"Resolve": "ResolveDepot"}),
    Bug("mp-label-nre", "consignment-worker", (Exc("System.NullReferenceException", NRE, consumer("c", "LabelRequestedConsumer", 29, w("Consignments", "Labels.LabelComposer", "Compose", "(Consignment consignment)", "Labels/LabelComposer.cs", 71))),),
        (see("sentry.error", 2), spl(2), dd(2)),
        classes=(1, 4), pair="mp-booked-nre", log=fault("label-requested", "LabelRequested", "Whinmoor.Consignments.Consumers.LabelRequestedConsumer"), entry="LabelRequested"),
    # Unique violations on two tables through EF Core.
    Bug("mp-consignment-dup", "consignment-worker", unique("ix_consignments_customer_ref", consumer("c", "ConsignmentBookedConsumer", 64, w("Consignments", "Data.FreightDbContext", "SaveChangesAsync", "(CancellationToken ct)", "Data/FreightDbContext.cs", 48, boundary=True)), "Key (customer_id, customer_ref)=({id}, PO-{order}) already exists."),
        (see("sentry.error", 3), spl(2), dd(), apm()),
        classes=(1, 4), pair="mp-invoice-dup", log=fault("consignment-booked", "ConsignmentBooked", "Whinmoor.Consignments.Consumers.ConsignmentBookedConsumer"), entry="ConsignmentBooked"),
    Bug("mp-invoice-dup", "billing-worker", unique("ix_invoice_lines_invoice_id_consignment_id", consumer("b", "InvoiceRaisedConsumer", 41, w("Billing", "Data.BillingDbContext", "SaveChangesAsync", "(CancellationToken ct)", "Data/BillingDbContext.cs", 36, boundary=True)), "Key (invoice_id, consignment_id)=({id}, {sub}) already exists."),
        (see("sentry.error", 2), spl(2), spl(kind="retry"), dd()),
        classes=(1, 4), pair="mp-consignment-dup", log=fault("invoice-raised", "InvoiceRaised", "Whinmoor.Billing.Consumers.InvoiceRaisedConsumer"), entry="InvoiceRaised"),
    # One tariff lookup: a missing zone key, and no rate rows.
    Bug("mp-tariff-zone-missing", "billing-worker", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'HIGHLANDS-2' was not present in the dictionary.", consumer("b", "InvoiceRaisedConsumer", 58, w("Billing", "Tariffs.TariffBook", "RateFor", "(String zone, Int32 pallets)", "Tariffs/TariffBook.cs", 27), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("sentry.error", 3), spl(2), dd(), apm()),
        classes=(1, 2), pair="mp-tariff-no-rates", log=fault("invoice-raised", "InvoiceRaised", "Whinmoor.Billing.Consumers.InvoiceRaisedConsumer"), entry="InvoiceRaised"),
    Bug("mp-tariff-no-rates", "billing-worker", (Exc("System.InvalidOperationException", "Sequence contains no elements", consumer("b", "InvoiceRaisedConsumer", 58, w("Billing", "Tariffs.TariffBook", "RateFor", "(String zone, Int32 pallets)", "Tariffs/TariffBook.cs", 31), cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), spl(2), dd(2), apm()),
        classes=(1, 2), pair="mp-tariff-zone-missing", log=fault("invoice-raised", "InvoiceRaised", "Whinmoor.Billing.Consumers.InvoiceRaisedConsumer"), entry="InvoiceRaised"),
    # One carrier client, two callers timing out.
    Bug("mp-carrier-booking-timeout", "consignment-worker", (Exc("System.TimeoutException", "A task was canceled.", (HTTP_SEND,)), Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", consumer("c", "ConsignmentBookedConsumer", 88, w("Consignments", "Carriers.CarrierBooking", "BookCollectionAsync", "(Consignment c, CancellationToken ct)", "Carriers/CarrierBooking.cs", 44, boundary=True), CARRIER, HTTP_SEND))),
        (see("sentry.error", 3), spl(kind="retry"), spl(2), dd(), apm()),
        classes=(1, 9), pair="mp-carrier-label-timeout", log=fault("consignment-booked", "ConsignmentBooked", "Whinmoor.Consignments.Consumers.ConsignmentBookedConsumer"), entry="ConsignmentBooked"),
    Bug("mp-carrier-label-timeout", "consignment-worker", (Exc("System.TimeoutException", "A task was canceled.", (HTTP_SEND,)), Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", consumer("c", "LabelRequestedConsumer", 37, w("Consignments", "Labels.CarrierLabelFetcher", "FetchZplAsync", "(String trackingNo, CancellationToken ct)", "Labels/CarrierLabelFetcher.cs", 22, boundary=True), CARRIER, HTTP_SEND))),
        (see("sentry.error", 2), spl(2), dd(2)),
        classes=(1, 9), pair="mp-carrier-booking-timeout", log=fault("label-requested", "LabelRequested", "Whinmoor.Consignments.Consumers.LabelRequestedConsumer"), entry="LabelRequested"),
    # The same FormatException in two customs parsers.
    Bug("mp-customs-weight-format", "consignment-worker", (Exc("System.FormatException", "The input string 'N/A' was not in a correct format.", consumer("c", "CustomsDeclaredConsumer", 26, w("Consignments", "Customs.DeclarationParser", "ParseGrossWeight", "(JsonElement line)", "Customs/DeclarationParser.cs", 58), cs("System.Decimal", "Parse", "(String s, IFormatProvider provider)", lib=True), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (see("sentry.error", 3), spl(2), dd(), apm()),
        classes=(1, 4), pair="mp-customs-value-format", log=fault("customs-declared", "CustomsDeclared", "Whinmoor.Consignments.Consumers.CustomsDeclaredConsumer"), entry="CustomsDeclared"),
    Bug("mp-customs-value-format", "consignment-worker", (Exc("System.FormatException", "The input string 'N/A' was not in a correct format.", consumer("c", "CustomsDeclaredConsumer", 31, w("Consignments", "Customs.CommodityLineParser", "ParseStatisticalValue", "(JsonElement line)", "Customs/CommodityLineParser.cs", 19), cs("System.Decimal", "Parse", "(String s, IFormatProvider provider)", lib=True), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (see("sentry.error", 2), spl(2), dd(2)),
        classes=(1, 4), pair="mp-customs-weight-format", log=fault("customs-declared", "CustomsDeclared", "Whinmoor.Consignments.Consumers.CustomsDeclaredConsumer"), entry="CustomsDeclared"),
    # Publishing a too-large message to SNS from the tariff importer.
    Bug("mp-sns-too-large", "billing-worker", (Exc("Amazon.SimpleNotificationService.Model.InvalidParameterException", "Invalid parameter: Message too long", consumer("b", "TariffImportedConsumer", 47, w("Billing", "Tariffs.TariffPublisher", "PublishAsync", "(TariffBook book, CancellationToken ct)", "Tariffs/TariffPublisher.cs", 30, boundary=True), cs("MassTransit.AmazonSqsTransport.SnsTopicSendTransport", "Send[T]", "(T message, IPipe`1 pipe, CancellationToken cancellationToken)", lib=True, boundary=True), cs("Amazon.Runtime.Internal.HttpErrorResponseExceptionHandler", "HandleExceptionStream", "(IRequestContext requestContext, IWebResponseData httpErrorResponse, HttpErrorResponseException exception, Stream responseStream)", lib=True))),),
        (see("sentry.error", 3), spl(2), dd(), apm(2)),
        classes=(1,), log=fault("tariff-imported", "TariffImported", "Whinmoor.Billing.Consumers.TariffImportedConsumer"), entry="TariffImported"),
    # Proof-of-delivery images to S3: the task role lost s3:PutObject after a policy change.
    Bug("mp-pod-s3-denied", "billing-worker", (Exc("Amazon.S3.AmazonS3Exception", "Access Denied", consumer("b", "DeliveryConfirmedConsumer", 22, w("Billing", "Pods.PodArchive", "StoreAsync", "(Guid consignmentId, Stream image, CancellationToken ct)", "Pods/PodArchive.cs", 39, boundary=True), cs("Amazon.S3.AmazonS3Client", "PutObjectAsync", "(PutObjectRequest request, CancellationToken cancellationToken)", lib=True, boundary=True), cs("Amazon.Runtime.Internal.HttpErrorResponseExceptionHandler", "HandleExceptionStream", "(IRequestContext requestContext, IWebResponseData httpErrorResponse, HttpErrorResponseException exception, Stream responseStream)", lib=True))),),
        (see("sentry.error", 3), spl(2), spl(kind="retry"), dd(), apm()),
        classes=(1,), log=fault("delivery-confirmed", "DeliveryConfirmed", "Whinmoor.Billing.Consumers.DeliveryConfirmedConsumer"), entry="DeliveryConfirmed"),
    # A message body the System.Text.Json deserializer rejects (a producer sent a string weight).
    Bug("mp-json-pallets", "consignment-worker", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.Int32. Path: $.message.pallets | LineNumber: 0 | BytePositionInLine: {n}.", (cs("MassTransit.Serialization.SystemTextJsonMessageSerializer", "TryGetMessage[T]", "(T& message)", lib=True), cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True))),),
        (see("sentry.error", 2), spl(3), dd()),
        classes=(1,), log="R-FAULT https://sqs.eu-west-2.amazonaws.com/418265093317/consignment-booked {uuid} Whinmoor.Contracts.ConsignmentBooked Whinmoor.Consignments.Consumers.ConsignmentBookedConsumer(00:00:00.{millis}0041)", entry="ConsignmentBooked"),
    # Two operations on one DbContext at once in the invoice consumer.
    Bug("mp-dbcontext-concurrent", "billing-worker", (Exc("System.InvalidOperationException", "A second operation was started on this context instance before a previous operation completed. This is usually caused by different threads concurrently using the same instance of DbContext.", consumer("b", "InvoiceRaisedConsumer", 73, w("Billing", "Invoices.InvoiceTotals", "SumAsync", "(Guid invoiceId, CancellationToken ct)", "Invoices/InvoiceTotals.cs", 18, boundary=True), cs("Microsoft.EntityFrameworkCore.Infrastructure.Internal.ConcurrencyDetector", "EnterCriticalSection", "()", lib=True))),),
        (see("sentry.error", 3), spl(2), dd(), apm()),
        classes=(1,), log=fault("invoice-raised", "InvoiceRaised", "Whinmoor.Billing.Consumers.InvoiceRaisedConsumer"), entry="InvoiceRaised"),
    # A singleton: a checked overflow summing pallet weights.
    Bug("mp-weight-overflow", "consignment-worker", (Exc("System.OverflowException", "Arithmetic operation resulted in an overflow.", consumer("c", "ConsignmentBookedConsumer", 97, w("Consignments", "Routing.LoadPlanner", "TotalWeight", "(IReadOnlyList`1 pallets)", "Routing/LoadPlanner.cs", 15))),),
        (see("sentry.error"),),
        singleton=True, entry="ConsignmentBooked"),
]

NOISE = [
    Noise("mp-noise-deploy", "consignment-worker", "datadog.event", {"monitor": "consignment-worker deployed", "text": "ECS service consignment-worker reached a steady state (task definition consignment-worker:43, 4/4 tasks running).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "freight", "release": "1"}),
    Noise("mp-noise-bus-started", "billing-worker", "splunk", {**SEARCH, "line": '{"container_id":"{hex}-3f1a","container_name":"billing-worker","ecs_cluster":"whinmoor-prod","log":"{ \\"time\\": \\"{ts}\\", \\"level\\": \\"INFO\\", \\"logger\\": \\"MassTransit\\", \\"message\\": \\"Bus started: amazonsqs://eu-west-2/\\" }","source":"stdout"}'}),
    Noise("mp-noise-recovered", "consignment-worker", "datadog.log", {"monitor": "[ecs workers] error logs", "transition": "Recovered", "alert_type": "success", "team": "freight", "filter": "source:firelens ecs_cluster:whinmoor-prod status:error", "text": "ECS worker error logs are back under the threshold."}),
]

WHINMOOR = Company(
    key="mp",
    name="Whinmoor Freight",
    domain="whinmoorfreight.example",
    sentry_org="whinmoor-freight",
    splunk_url="https://whinmoor.splunkcloud.example",
    splunk_guid="8E2B4C71-5A0D-4F36-B9C2-1D7E03A6F5B8",
    datadog_org=("1117001", "Whinmoor Freight"),
    datadog_template="recommended",
    posthog_project=(91170, "Whinmoor"),
    releases=("2026.3.4", "2026.3.9", "2026.3.13"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="whinmoor-sentry-client-secret",
)
# fmt: on
