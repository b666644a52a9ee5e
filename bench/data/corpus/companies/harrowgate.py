"""(o) Harrowgate Pharmacy, an online pharmacy with repeat prescriptions and home delivery: an
ASP.NET Core 8 prescriptions API (``rx-api``) and a .NET 8 worker running Quartz.NET jobs
(``dispensary``: dispensing batches, labels, reminders), both logging through NLog (the API's
file target with NLog.Web's layout, the worker's JsonLayout); two Go services on ``log/slog``'s
JSON handler (``stock-sync``, wholesaler stock and prices; ``courier``, delivery tracking and
labels behind chi, its panics recovered and logged with ``debug.Stack()``); a NestJS
notification service on Node 20 logging with bunyan (``notify``); and a React shop built by
webpack (``shop``, ``/static/js/<id>.<hash>.chunk.js``).

Sentry for every service (Sentry.AspNetCore, Sentry.Extensions.Logging, sentry-go,
@sentry/nestjs, @sentry/react) and a metric alert on the API's failure rate; PostHog for the
shop (posthog-js, and an old action webhook still wired to it) and for notify (posthog-node);
Splunk indexes every log; Datadog posts a camelCase template (the markdown message as
``description``, the monitor id unquoted) for log, APM, task, Synthetic API and process
monitors.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import ASPNET, GO_HTTP, NEST_HTTP, NODE_TICKS, REACT_RENDER, cs, go, golib, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "rx-api": Service("rx-api", "csharp", "nlog", "harrowgate:rx:nlog", "/var/log/rx-api/rx-api.log", "hg_prod", 5150011, ".NET 8.0.8", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", "4.10.2", "nuget:Sentry.AspNetCore")),
    "dispensary": Service("dispensary", "csharp", "nlog-json", "harrowgate:dispensary:json", "/var/log/dispensary/dispensary.json", "hg_prod", 5150014, ".NET 8.0.8", framework="generic", sdk=("sentry.dotnet.extensions.logging", "4.10.2", "nuget:Sentry.Extensions.Logging")),
    "stock-sync": Service("stock-sync", "go", "slog-json", "harrowgate:go:slog", "/var/log/containers/stock-sync.log", "hg_prod", 5150017, "go go1.22.6"),
    "courier": Service("courier", "go", "slog-json", "harrowgate:go:slog", "/var/log/containers/courier.log", "hg_prod", 5150020, "go go1.22.6"),
    "notify": Service("notify", "node", "bunyan", "harrowgate:notify:bunyan", "/var/log/containers/notify.log", "hg_prod", 5150023, "node v20.16.0", framework="nestjs", sdk=("sentry.javascript.nestjs", "8.30.0", "npm:@sentry/nestjs")),
    "shop": Service("shop", "javascript", "", "", "", "", 5150026, origin="https://shop.harrowgate.example", framework="onerror", sdk=("sentry.javascript.react", "8.30.0", "npm:@sentry/react")),
}

# --- .NET --------------------------------------------------------------------------------------

# ASP.NET Core's exception handler logs every unhandled request error.
UNHANDLED = "An unhandled exception has occurred while executing the request."
HANDLER = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
# Quartz.NET's job runner logs what a job throws.
JOB_RUN_SHELL = "Quartz.Core.JobRunShell"


def rx(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Harrowgate.Rx.{type_}", method, args, f"/src/Harrowgate.Rx/{file}", line, boundary=boundary)


def disp(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Harrowgate.Dispensary.{type_}", method, args, f"/src/Harrowgate.Dispensary/{file}", line, boundary=boundary)


QUARTZ = (
    cs("Quartz.Core.JobRunShell", "Run", "(CancellationToken cancellationToken)", lib=True),
)
LINQ_FIRST = (
    cs("System.Linq.Enumerable", "First[TSource]", "(IEnumerable`1 source)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)
LINQ_MAX = (
    cs("System.Linq.Enumerable", "Max[TSource,TResult]", "(IEnumerable`1 source, Func`2 selector)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.ChangeTracking.Internal.StateManager", "SaveChangesAsync", "(StateManager stateManager, Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
)
EF_CONCURRENCY = (
    *EF_SAVE,
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Npgsql.EntityFrameworkCore.PostgreSQL.Update.Internal.NpgsqlModificationCommandBatch", "Consume", "(RelationalDataReader reader, Boolean async, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Npgsql.EntityFrameworkCore.PostgreSQL.Update.Internal.NpgsqlModificationCommandBatch", "ThrowAggregateUpdateConcurrencyExceptionAsync", "(RelationalDataReader reader, Int32 commandIndex, Int32 expectedRowsAffected, Int32 rowsAffected, CancellationToken cancellationToken)", lib=True),
)
EF_UPDATE_FAILED = (
    *EF_SAVE,
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL_READ = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Npgsql.NpgsqlCommand", "ExecuteReader", "(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalCommand", "ExecuteReaderAsync", "(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NO_ELEMENTS = "Sequence contains no elements"
NRE = "Object reference not set to an instance of an object."


def ef_unique(index: str, detail: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """EF Core's DbUpdateException over Npgsql's PostgresException (cause first)."""
    return (
        Exc("Npgsql.PostgresException", f'23505: duplicate key value violates unique constraint "{index}"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify \'Include Error Detail\' in the connection string to include this information.', NPGSQL_READ),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*ASPNET, *app, *EF_UPDATE_FAILED)),
    )


# --- Go ----------------------------------------------------------------------------------------

SS = "github.com/harrowgate/stock-sync"
CR = "github.com/harrowgate/courier"
# The sync loop reports each failed step to Sentry from one helper: sentry-go takes the stack
# where it is called, so the stack is the loop's, whatever failed.
SYNC_REPORT = (
    go("main", "main", "/src/cmd/stock-sync/main.go", 41),
    go(SS + "/internal/sync", "(*Runner).Run", "/src/internal/sync/runner.go", 64),
    go(SS + "/internal/sync", "(*Runner).report", "/src/internal/sync/report.go", 19),
)
RECOVER = (go(CR + "/internal/httpx", "Recover.func1.1", "/src/internal/httpx/recover.go", 21),)
CHI_MW = "/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.12/middleware/"
COURIER_HTTP = (
    *GO_HTTP[:4],
    golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go@v0.28.1/http/sentryhttp.go", 119),
    go(CR + "/internal/httpx", "Recover.func1", "/src/internal/httpx/recover.go", 30),
    *GO_HTTP[4:],
)


def url_timeout(prefixes: tuple[str, ...], url: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """net/http's client timeout, ``*url.Error`` over ``*http.httpError``, wrapped with
    ``fmt.Errorf("…: %w")`` at each prefix (outermost first); sentry-go unwraps the chain."""
    root = "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
    message = f'Get "{url}": {root}'
    chain = [Exc("*http.httpError", root), Exc("*url.Error", message)]
    for i, prefix in enumerate(reversed(prefixes)):
        message = f"{prefix}: {message}"
        chain.append(Exc("*fmt.wrapError", message, frames if i == len(prefixes) - 1 else ()))
    return tuple(chain)


# --- Node --------------------------------------------------------------------------------------

EMITTER = (
    nd("node_modules/eventemitter2/lib/eventemitter2.js", "EventEmitter.emitAsync", 1090, 24, lib=True),
    nd("node_modules/@nestjs/event-emitter/dist/event-subscribers.loader.js", "EventSubscribersLoader.wrapFunctionInTryCatchBlocks", 102, 28, lib=True, awaited=True),
)
COLLECTION_READY = nd("src/listeners/collection-ready.listener.ts", "CollectionReadyListener.handle", 31, 24, awaited=True)

BUGS = [
    # LINQ's First and Max on empty sequences: one message from two code paths.
    Bug(
        "hg-refill-dose-empty",
        "rx-api",
        (
            Exc(
                "System.InvalidOperationException",
                NO_ELEMENTS,
                (
                    *ASPNET,
                    rx("Controllers.RefillsController", "Create", "(Guid prescriptionId, CreateRefillRequest request, CancellationToken ct)", "Controllers/RefillsController.cs", 42, boundary=True),
                    rx("Refills.RefillService", "NextDoseDateAsync", "(Prescription prescription, CancellationToken ct)", "Refills/RefillService.cs", 71, boundary=True),
                    rx("Refills.DoseSchedule", "NextAfter", "(DateOnly date)", "Refills/DoseSchedule.cs", 28),
                    *LINQ_FIRST,
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("sentry.issue"),
            see("splunk", 2, event_id=1),
            see("datadog.apm", style="message", team="rx"),
        ),
        classes=(4,),
        pair="hg-interaction-severity-empty",
        log=UNHANDLED,
        logger=HANDLER,
        entry="POST /api/prescriptions/{prescription_id}/refills",
    ),
    Bug(
        "hg-interaction-severity-empty",
        "rx-api",
        (
            Exc(
                "System.InvalidOperationException",
                NO_ELEMENTS,
                (
                    *ASPNET,
                    rx("Controllers.PrescriptionsController", "Interactions", "(Guid prescriptionId, CancellationToken ct)", "Controllers/PrescriptionsController.cs", 88, boundary=True),
                    rx("Interactions.InteractionChecker", "WorstSeverity", "(IReadOnlyList`1 medicines)", "Interactions/InteractionChecker.cs", 54),
                    *LINQ_MAX,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, event_id=1),
        ),
        classes=(4,),
        pair="hg-refill-dose-empty",
        log=UNHANDLED,
        logger=HANDLER,
        entry="GET /api/prescriptions/{prescription_id}/interactions",
    ),
    # Unique indexes on two tables behind one EF Core message.
    Bug(
        "hg-patient-nhs-unique",
        "rx-api",
        ef_unique(
            "IX_Patients_NhsNumber",
            "(\"NhsNumber\")",
            (
                rx("Controllers.PatientsController", "Register", "(RegisterPatientRequest request, CancellationToken ct)", "Controllers/PatientsController.cs", 36, boundary=True),
                rx("Patients.PatientService", "RegisterAsync", "(RegisterPatientRequest request, CancellationToken ct)", "Patients/PatientService.cs", 59, boundary=True),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, event_id=1),
            see("datadog.log", monitor="EF Core save failures on rx-api", team="rx", filter="service:rx-api @exception:*DbUpdateException*", style="kind"),
        ),
        classes=(4,),
        pair="hg-nomination-unique",
        log=UNHANDLED,
        logger=HANDLER,
        entry="POST /api/patients",
    ),
    Bug(
        "hg-nomination-unique",
        "rx-api",
        ef_unique(
            "IX_Nominations_PatientId_PharmacyId",
            "(\"PatientId\", \"PharmacyId\")",
            (
                rx("Controllers.NominationsController", "Nominate", "(Guid patientId, NominateRequest request, CancellationToken ct)", "Controllers/NominationsController.cs", 27, boundary=True),
                rx("Nominations.NominationService", "NominateAsync", "(Guid patientId, String odsCode, CancellationToken ct)", "Nominations/NominationService.cs", 44, boundary=True),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, event_id=1),
            see("datadog.log", monitor="EF Core save failures on rx-api", team="rx", filter="service:rx-api @exception:*DbUpdateException*", style="kind"),
        ),
        classes=(4,),
        pair="hg-patient-nhs-unique",
        log=UNHANDLED,
        logger=HANDLER,
        entry="POST /api/patients/{patient_id}/nomination",
    ),
    # A dispensing batch changed under the job: EF Core's optimistic concurrency check.
    Bug(
        "hg-dispense-batch-concurrency",
        "dispensary",
        (
            Exc(
                "Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException",
                "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.",
                (
                    *QUARTZ,
                    disp("Jobs.DispenseBatchJob", "Execute", "(IJobExecutionContext context)", "Jobs/DispenseBatchJob.cs", 47, boundary=True),
                    disp("Batches.BatchRepository", "CompleteAsync", "(DispenseBatch batch, CancellationToken ct)", "Batches/BatchRepository.cs", 83, boundary=True),
                    *EF_CONCURRENCY,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3, properties={"JobKey": "DEFAULT.DispenseBatchJob", "FireInstanceId": "{offset}"}),
            see("datadog.task", team="dispensary"),
        ),
        classes=(8,),
        log="Job DEFAULT.DispenseBatchJob threw an unhandled Exception: ",
        logger=JOB_RUN_SHELL,
        entry="DispenseBatchJob",
    ),
    # Two jobs dereference a missing record: the label printer (over two releases) and the
    # repeat-reminder planner.
    Bug(
        "hg-label-render-nre",
        "dispensary",
        (
            Exc(
                "System.NullReferenceException",
                NRE,
                (
                    *QUARTZ,
                    disp("Jobs.PrintLabelsJob", "Execute", "(IJobExecutionContext context)", "Jobs/PrintLabelsJob.cs", 33, boundary=True),
                    disp("Labels.LabelRenderer", "Render", "(DispensedItem item, LabelTemplate template)", "Labels/LabelRenderer.cs", 61),
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 3, properties={"JobKey": "DEFAULT.PrintLabelsJob", "FireInstanceId": "{offset}"}),
            see("datadog.log", monitor="Job failures on dispensary", team="dispensary", filter="service:dispensary @logger:Quartz.Core.JobRunShell", text="A dispensary job failed.\n\n{{log.message}}\n\n`{{log.attributes.error.kind}}`: {{log.attributes.error.message}}", properties={"JobKey": "DEFAULT.PrintLabelsJob"}),
        ),
        classes=(4,),
        pair="hg-reminder-plan-nre",
        log="Job DEFAULT.PrintLabelsJob threw an unhandled Exception: ",
        logger=JOB_RUN_SHELL,
        entry="PrintLabelsJob",
        span=2,
    ),
    Bug(
        "hg-reminder-plan-nre",
        "dispensary",
        (
            Exc(
                "System.NullReferenceException",
                NRE,
                (
                    *QUARTZ,
                    disp("Jobs.RepeatReminderJob", "Execute", "(IJobExecutionContext context)", "Jobs/RepeatReminderJob.cs", 29, boundary=True),
                    disp("Reminders.ReminderScheduler", "Plan", "(Prescription prescription, DateOnly today)", "Reminders/ReminderScheduler.cs", 77),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, properties={"JobKey": "DEFAULT.RepeatReminderJob", "FireInstanceId": "{offset}"}),
            see("datadog.log", monitor="Job failures on dispensary", team="dispensary", filter="service:dispensary @logger:Quartz.Core.JobRunShell", text="A dispensary job failed.\n\n{{log.message}}\n\n`{{log.attributes.error.kind}}`: {{log.attributes.error.message}}", properties={"JobKey": "DEFAULT.RepeatReminderJob"}),
        ),
        classes=(4,),
        pair="hg-label-render-nre",
        log="Job DEFAULT.RepeatReminderJob threw an unhandled Exception: ",
        logger=JOB_RUN_SHELL,
        entry="RepeatReminderJob",
    ),
    # The wholesaler's API times out for stock and for prices; the loop reports both from one
    # place, so only the wrapped messages differ.
    Bug(
        "hg-stock-levels-timeout",
        "stock-sync",
        url_timeout(("sync branch {branch}", "fetch stock levels"), "https://api.wholesaler.example/v2/stock?branch={branch}", SYNC_REPORT),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, msg="branch sync failed", attrs={"branch": "{branch}", "step": "stock"}),
            see("datadog.log", monitor="stock-sync errors", team="stock", filter="service:stock-sync status:error", text="{{log.attributes.msg}} ({{log.attributes.step}}): {{log.attributes.err}}", msg="branch sync failed", attrs={"branch": "{branch}", "step": "stock"}),
        ),
        classes=(4, 9),
        pair="hg-wholesale-prices-timeout",
        log="branch sync failed",
        logger=SS + "/internal/sync.(*Runner).Run /src/internal/sync/runner.go:66",
    ),
    Bug(
        "hg-wholesale-prices-timeout",
        "stock-sync",
        url_timeout(("sync prices {branch}", "fetch prices"), "https://api.wholesaler.example/v2/prices?branch={branch}", SYNC_REPORT),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="price sync failed", attrs={"branch": "{branch}", "step": "prices"}),
            see("datadog.log", monitor="stock-sync errors", team="stock", filter="service:stock-sync status:error", text="{{log.attributes.msg}} ({{log.attributes.step}}): {{log.attributes.err}}", msg="price sync failed", attrs={"branch": "{branch}", "step": "prices"}),
        ),
        classes=(4, 9),
        pair="hg-stock-levels-timeout",
        log="price sync failed",
        logger=SS + "/internal/sync.(*Runner).Run /src/internal/sync/runner.go:79",
    ),
    # Two handler panics in the courier service, recovered and logged with debug.Stack().
    Bug(
        "hg-tracking-nil-event",
        "courier",
        (
            Exc(
                "runtime.errorString",
                "runtime error: invalid memory address or nil pointer dereference",
                (
                    *COURIER_HTTP,
                    go(CR + "/internal/handlers", "(*Tracking).Update", "/src/internal/handlers/tracking.go", 88),
                    go(CR + "/internal/handlers", "(*Tracking).applyEvent", "/src/internal/handlers/tracking.go", 131),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, msg="panic recovered", recover=RECOVER),
            see("datadog.log", monitor="Panics in courier", team="delivery", filter="service:courier @msg:\"panic recovered\"", text="{{log.attributes.msg}}: {{log.attributes.panic}}", msg="panic recovered", recover=RECOVER),
        ),
        log="panic recovered",
        logger=CR + "/internal/httpx.Recover.func1.1 /src/internal/httpx/recover.go:24",
        entry="POST /webhooks/courier/{courier}/events",
    ),
    Bug(
        "hg-label-service-index",
        "courier",
        (
            Exc(
                "runtime.boundsError",
                "runtime error: index out of range [0] with length 0",
                (
                    *COURIER_HTTP,
                    go(CR + "/internal/handlers", "(*Labels).Create", "/src/internal/handlers/labels.go", 52),
                    go(CR + "/internal/label", "pickService", "/src/internal/label/services.go", 37),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, msg="panic recovered", recover=RECOVER),
            see("datadog.log", monitor="Panics in courier", team="delivery", filter="service:courier @msg:\"panic recovered\"", text="{{log.attributes.msg}}: {{log.attributes.panic}}", msg="panic recovered", recover=RECOVER),
        ),
        log="panic recovered",
        logger=CR + "/internal/httpx.Recover.func1.1 /src/internal/httpx/recover.go:24",
        entry="POST /labels",
    ),
    # A patient without a mobile number: read in the SMS service and in the consent service.
    Bug(
        "hg-collection-sms-undefined",
        "notify",
        (
            Exc(
                "TypeError",
                "Cannot read properties of undefined (reading 'mobile')",
                (
                    *EMITTER,
                    COLLECTION_READY,
                    nd("src/sms/sms.service.ts", "SmsService.sendCollectionReady", 48, 42, awaited=True),
                    nd("src/sms/sms.service.ts", "SmsService.recipientFor", 91, 33),
                ),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 3),
            see("posthog"),
            see("posthog", resolved=True),
        ),
        classes=(4,),
        pair="hg-consent-channels-undefined",
        log="collection-ready notification failed",
        logger="CollectionReadyListener",
        entry="prescription.collection-ready",
    ),
    Bug(
        "hg-consent-channels-undefined",
        "notify",
        (
            Exc(
                "TypeError",
                "Cannot read properties of undefined (reading 'mobile')",
                (
                    *NEST_HTTP,
                    nd("src/reminders/reminders.controller.ts", "RemindersController.send", 37, 29, awaited=True),
                    nd("src/consent/consent.service.ts", "ConsentService.channelsFor", 22, 40),
                ),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 2),
            see("posthog"),
        ),
        classes=(4,),
        pair="hg-collection-sms-undefined",
        log="reminder send failed",
        logger="RemindersController",
        entry="POST /reminders/{patient_id}/send",
    ),
    # GOV.UK Notify's rate limit: an error the client helper raises, seen by APM as a type.
    Bug(
        "hg-notify-rate-limited",
        "notify",
        (
            Exc(
                "NotifyProviderError",
                "GOV.UK Notify answered 429: RateLimitError: Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds",
                (
                    *EMITTER,
                    COLLECTION_READY,
                    nd("src/sms/sms.service.ts", "SmsService.sendCollectionReady", 52, 18, awaited=True),
                    nd("src/providers/notify.client.ts", "NotifyClient.sendSms", 40, 5, awaited=True),
                    NODE_TICKS,
                    nd("src/providers/notify.client.ts", "assertOk", 12, 11),
                ),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 2),
            see("posthog"),
            see("datadog.apm", style="type", team="notify"),
        ),
        classes=(8, 9),
        log="collection-ready notification failed",
        logger="CollectionReadyListener",
        entry="prescription.collection-ready",
    ),
    # A product without images breaks the gallery: three engines, and an old action webhook.
    Bug(
        "hg-shop-gallery-image-undefined",
        "shop",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/components/ProductGallery.jsx", "ProductGallery", 23, 31, "572"),
                ),
                js=JsError("read-undefined", "product.images[0]", "src"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", release=0),
            see("posthog", browser="firefox", release=1),
            see("posthog", browser="safari", release=1),
            see("posthog", browser="edge", release=1),
            see("posthog", browser="chrome", release=1, hook=True, legacy=True),
            see("sentry.error", browser="chrome", release=1),
        ),
        classes=(3,),
        page="/products/otc-ibuprofen-200",
        span=2,
    ),
    # A Synthetic API test of the upload endpoint: a 500 with no error named.
    Bug(
        "hg-synthetic-rx-upload",
        "rx-api",
        (),
        (
            see("datadog.synthetics", 2, monitor="[Synthetics] Prescription upload returns 201", event_type="synthetics_alert", scope="location:aws:eu-west-2", team="rx", text="API test **Prescription upload returns 201** failed in 3 of 3 locations.\n\nAssertion failed: status code is 201, received 500.\n\nResponse body: {\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.6.1\",\"title\":\"An error occurred while processing your request.\",\"status\":500,\"traceId\":\"00-{hex}{hex2}-{hex3}-00\"}"),
        ),
        classes=(8,),
    ),
    # A process check on the dispensary host.
    Bug(
        "hg-dispensary-process-down",
        "dispensary",
        (),
        (
            see("datadog.process", 2, monitor="Dispensary worker process", event_type="service_check", scope="host:disp-02,process:dispensary", team="dispensary", status="process.up over host:disp-02,process:dispensary was CRITICAL", text="Process check `dispensary` is CRITICAL on host disp-02: 0 processes found (expected 1)."),
        ),
        classes=(8,),
    ),
    # NHS claim file uploads: sizes, durations and hosts of varying length.
    Bug(
        "hg-claims-upload-slow",
        "dispensary",
        (),
        (
            see("splunk", 3, search="dispensary - slow claim uploads", line='{ "time": "{ts}", "level": "WARN", "logger": "Harrowgate.Dispensary.Claims.ClaimUploader", "message": "NHS claim file {size} sent to {claims} in {dur}" }'),
            see("datadog.log", 2, monitor="Slow NHS claim uploads", team="dispensary", filter="service:dispensary @logger:Harrowgate.Dispensary.Claims.ClaimUploader status:warn", text="Claim uploads are slow. Latest: NHS claim file {size} sent to {claims} in {dur}"),
        ),
        classes=(7,),
    ),
    # A Sentry metric alert on the API's transactions.
    Bug(
        "hg-rx-failure-rate",
        "rx-api",
        (),
        (
            see("sentry.metric", rule="rx-api failure rate above 5%", aggregate="failure_rate()", dataset="transactions", query="event.type:transaction", threshold=0.05, window=10, description="{pct}% failure rate in the last 10 minutes\nFilter: event.type:transaction"),
        ),
        classes=(8,),
    ),
]

NOISE = [
    Noise(
        "hg-noise-deploy",
        "rx-api",
        "datadog.event",
        {
            "monitor": "Deployed rx-api 8.4.2",
            "text": "Octopus deployment finished: rx-api 8.4.2 to Production (2 of 2 targets).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "hg-noise-started",
        "rx-api",
        "splunk",
        {
            "search": "rx-api - errors",
            "line": "{tsnaive}|0|INFO|Microsoft.Hosting.Lifetime|Application started. Press Ctrl+C to shut down. ",
        },
    ),
    Noise(
        "hg-noise-quartz-started",
        "dispensary",
        "splunk",
        {
            "search": "dispensary - errors",
            "line": '{ "time": "{ts}", "level": "INFO", "logger": "Quartz.Core.QuartzScheduler", "message": "Scheduler QuartzScheduler_$_NON_CLUSTERED started." }',
        },
    ),
]

HARROWGATE = Company(
    key="o",
    name="Harrowgate",
    domain="harrowgate.example",
    sentry_org="harrowgate",
    splunk_url="https://harrowgate.splunkcloud.com",
    splunk_guid="5B8C2E41-6D9F-4A07-B3C5-E1F2A4D67C98",
    datadog_org=("528833", "Harrowgate Pharmacy"),
    datadog_template="harrowgate",
    posthog_project=(48190, "Harrowgate"),
    releases=("8.3.0", "8.4.0", "8.4.1", "8.4.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="harrowgate-sentry-client-secret",
)
# fmt: on
