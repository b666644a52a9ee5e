"""(e) Halyard Energy, an electricity retailer: Spring Boot services in Kotlin on Java 21
(``metering``, with coroutines and kotlinx.coroutines' debug stack-trace recovery;
``contracts``, Spring Data JPA over Hikari), a Go gateway to the meters' head-end systems
(``grid-gateway``, zap's console encoder), Rails 7.1 background jobs on Sidekiq on Ruby 3.3
(``billing-jobs``) and a .NET 8 worker service (``settlement-worker``, Serilog's text file).

Sentry for every service (issue, error and issue-alert webhooks); Splunk indexes every log as
multi-line raw text (logback's console pattern, zap's console lines with the stack below them,
Rails' ActiveJob "Error performing" lines with the full backtrace, Serilog's text with .NET's
``Exception.ToString()``); Datadog log monitors render ``@error.kind`` or paste a sample, with
the plugin's recommended template. No PostHog: no browser app.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    ACTIVEJOB_SIDEKIQ,
    COROUTINE_BOUNDARY,
    COROUTINE_WORKER,
    GO_HTTP,
    GOSRC,
    KAFKA_LISTENER,
    RUN_BLOCKING,
    SCHEDULED,
    SIDEKIQ_JOB,
    TASK_WAITALL,
    TIMEOUT_FIRED,
    TOMCAT,
    cs,
    go,
    golib,
    jexc,
    jl,
    kt,
    rb,
    spring_no_connection,
)
from .kestrel import DISPATCHER, KAFKA_ADAPTER, ROOT_CAUSE, cglib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "metering": Service("metering", "java", "logback", "halyard:spring", "/var/log/halyard/metering/app.log", "halyard_prod", 7720011, "OpenJDK 21.0.3", framework="HandlerExceptionResolver"),
    "contracts": Service("contracts", "java", "logback", "halyard:spring", "/var/log/halyard/contracts/app.log", "halyard_prod", 7720014, "OpenJDK 21.0.3", framework="HandlerExceptionResolver"),
    "grid-gateway": Service("grid-gateway", "go", "zap-console", "halyard:go:console", "/var/log/halyard/grid-gateway/gateway.log", "halyard_prod", 7720017, "go go1.22.4"),
    "billing-jobs": Service("billing-jobs", "ruby", "activejob", "halyard:rails", "/rails/log/production.log", "halyard_prod", 7720020, "ruby 3.3.1", framework="sidekiq"),
    "settlement-worker": Service("settlement-worker", "csharp", "serilog-text", "halyard:dotnet:serilog", "/app/logs/settlement-worker.log", "halyard_prod", 7720023, ".NET 8.0.6", sdk=("sentry.dotnet.extensions.logging", "4.9.0", "nuget:Sentry.Extensions.Logging")),
}

MET = "com.halyard.metering"
CON = "com.halyard.contracts"
GG = "github.com/halyard-energy/grid-gateway"
NS = "Halyard.Settlement."
W = "/src/Halyard.Settlement.Worker/"

# Every handler's error goes through respond.Error to obs.Capture, which reports it to Sentry
# and logs it with zap two calls further down (so zap's caller and stack start there).
GO_CAPTURE = (
    go(GG + "/internal/respond", "Error", "/src/internal/respond/error.go", 31),
    go(GG + "/internal/obs", "Capture", "/src/internal/obs/sentry.go", 22),
    go(GG + "/internal/obs", "captureWithScope", "/src/internal/obs/sentry.go", 48),
)
GO_BACKGROUND = golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1695)
INGEST = go(GG + "/internal/api", "(*Server).ingestBatch", "/src/internal/api/ingest.go", 74)
POLL = (
    GO_BACKGROUND,
    go(GG + "/internal/modbus", "(*Poller).Run", "/src/internal/modbus/poller.go", 54),
    go(GG + "/internal/modbus", "(*Poller).poll", "/src/internal/modbus/poller.go", 97),
)


def wrapped(root: tuple[str, str], *prefixes: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """A Go error wrapped with ``%w`` once per prefix, outermost prefix first: sentry-go
    reports every link, cause first, the stack on the outermost only."""
    kind, message = root
    chain = [Exc(kind, message)]
    for i, prefix in enumerate(reversed(prefixes)):
        message = f"{prefix}: {message}"
        last = i == len(prefixes) - 1
        chain.append(Exc("*fmt.wrapError", message, frames if last else ()))
    return tuple(chain)


# Spring's handler for the contract API logs every failed request with the whole chain.
API_FAILED = "Request failed: <exc>"
API_HANDLER = f"{CON}.web.ApiExceptionHandler"
SCHEDULED_FAILED = "Unexpected error occurred in scheduled task"
SCHEDULED_LOGGER = "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler"
IMPORT_JOB = (
    *SCHEDULED,
    kt(f"{MET}.imports.ReadingsImportJob", "run", 27),
    *RUN_BLOCKING,
    kt(f"{MET}.imports.ReadingsImportJob$run$1", "invokeSuspend", 29),
    kt(f"{MET}.imports.ReadingsImporter", "importBatch", 58),
    COROUTINE_BOUNDARY,
)
IMPORT_ON_IO = kt(f"{MET}.imports.ReadingsImporter$importBatch$2", "invokeSuspend", 64)
PARSE_DOUBLE = (
    kt(f"{MET}.imports.ReadingParser", "parse", 38),
    jl("java.lang.Double", "parseDouble", 792),
    jl("jdk.internal.math.FloatingDecimal", "parseDouble", 110),
    jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054),
)
SETTLE = (
    cs(NS + "Worker.SettlementWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", W + "SettlementWorker.cs", 48),
    cs(NS + "Batch.SettlementBatchRunner", "RunPartitions", "(SettlementBatch batch)", W + "Batch/SettlementBatchRunner.cs", 71),
    *TASK_WAITALL,
)
PARTITION = cs(NS + "Batch.PartitionSettler", "SettleAsync", "(SettlementPartition partition, CancellationToken ct)", W + "Batch/PartitionSettler.cs", 61)
DESERIALIZE = (
    *SIDEKIQ_JOB,
    rb("activejob-7.1.3/lib/active_job/queue_adapters/sidekiq_adapter.rb", "perform", 72, lib=True),
    rb("activejob-7.1.3/lib/active_job/execution.rb", "execute", 29, lib=True),
    rb("activesupport-7.1.3/lib/active_support/callbacks.rb", "run_callbacks", 121, lib=True),
    rb("activejob-7.1.3/lib/active_job/execution.rb", "block in execute", 31, lib=True),
    rb("activejob-7.1.3/lib/active_job/execution.rb", "perform_now", 62, lib=True),
    rb("activejob-7.1.3/lib/active_job/core.rb", "deserialize_arguments_if_needed", 199, lib=True),
)

BUGS = [
    # The same NoMethodError text in two jobs.
    Bug(
        "hy-reminder-tariff-nil",
        "billing-jobs",
        (
            Exc(
                "NoMethodError",
                "undefined method `tariff' for nil",
                (
                    *ACTIVEJOB_SIDEKIQ,
                    rb("app/jobs/invoice_reminder_job.rb", "perform", 12),
                    rb("app/models/account.rb", "reminder_tariff_label", 41),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.log", style="sample", monitor="billing-jobs job failures", filter="service:billing-jobs status:error", team="billing"),
        ),
        classes=(4,),
        pair="hy-statement-tariff-nil",
        entry="InvoiceReminderJob",
    ),
    Bug(
        "hy-statement-tariff-nil",
        "billing-jobs",
        (
            Exc(
                "NoMethodError",
                "undefined method `tariff' for nil",
                (
                    *ACTIVEJOB_SIDEKIQ,
                    rb("app/jobs/usage_statement_job.rb", "perform", 18),
                    rb("app/services/statements/usage_statement.rb", "line_items", 58),
                    rb("app/services/statements/usage_statement.rb", "map", 58),
                    rb("app/services/statements/usage_statement.rb", "block in line_items", 59),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.alert", rule="billing-jobs errors"), see("splunk", 2)),
        classes=(4,),
        pair="hy-reminder-tariff-nil",
        entry="UsageStatementJob",
    ),
    # Spring's CannotCreateTransactionException over a Hikari timeout: the root cause is the bug.
    Bug(
        "hy-renew-pool-timeout",
        "contracts",
        spring_no_connection(
            (
                *TOMCAT,
                kt(f"{CON}.web.ContractController", "renew", 61),
                cglib(f"{CON}.renewal.RenewalService", "renew"),
            ),
            "total=10, active=10, idle=0, waiting={waiting}",
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("splunk", root_first=True),
            see("datadog.log", style="kind", team="contracts"),
        ),
        pair="hy-quote-db-refused",
        log=API_FAILED,
        logger=API_HANDLER,
        entry="POST /api/contracts/{contract_id}/renew",
    ),
    Bug(
        "hy-quote-db-refused",
        "contracts",
        spring_no_connection(
            (
                *TOMCAT,
                kt(f"{CON}.web.ContractController", "quote", 88),
                cglib(f"{CON}.quote.QuoteService", "quote"),
            ),
            "total=0, active=0, idle=0, waiting={waiting}",
            refused="FATAL: remaining connection slots are reserved for roles with the SUPERUSER attribute",
        ),
        (see("sentry.error", 2), see("splunk", 2), see("splunk", root_first=True)),
        classes=(10,),
        pair="hy-renew-pool-timeout",
        log=API_FAILED,
        logger=API_HANDLER,
        entry="GET /api/contracts/{contract_id}/quote",
    ),
    # One handler, two root causes wrapped with %w at different depths; captured in the helper.
    Bug(
        "hy-ingest-eof",
        "grid-gateway",
        wrapped(
            ("*errors.errorString", "unexpected EOF"),
            "ingest batch {n}",
            "decode frame {idx}",
            frames=(*GO_HTTP, INGEST, *GO_CAPTURE),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", style="kind", team="grid")),
        classes=(9,),
        pair="hy-ingest-duplicate",
        entry="POST /v1/readings/batch",
    ),
    Bug(
        "hy-ingest-duplicate",
        "grid-gateway",
        wrapped(
            ("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "readings_meter_id_read_at_key" (SQLSTATE 23505)'),
            "ingest batch {n}",
            "write readings",
            "exec insert",
            frames=(*GO_HTTP, INGEST, *GO_CAPTURE),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("datadog.log", style="kind", team="grid")),
        classes=(9,),
        pair="hy-ingest-eof",
        entry="POST /v1/readings/batch",
    ),
    # The same message raised in a Kotlin service and a Go service.
    Bug(
        "hy-meter-missing-kt",
        "metering",
        (
            jexc(
                f"{MET}.meters.MeterNotFoundException",
                "meter {meter} not found",
                (
                    *TOMCAT,
                    kt(f"{MET}.web.ProfileController", "profile", 33),
                    kt(f"{MET}.profile.LoadProfileService", "build", 47),
                    kt(f"{MET}.meters.MeterRegistry", "require", 19),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", style="sample", team="metering")),
        classes=(4,),
        pair="hy-meter-missing-go",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/meters/{meter_id}/profile",
    ),
    Bug(
        "hy-meter-missing-go",
        "grid-gateway",
        (
            Exc(
                "*errors.errorString",
                "meter {meter} not found",
                (
                    *GO_HTTP,
                    go(GG + "/internal/api", "(*Server).pushSetpoint", "/src/internal/api/setpoints.go", 52),
                    *GO_CAPTURE,
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(4,),
        pair="hy-meter-missing-kt",
        entry="POST /v1/meters/{meter_id}/setpoint",
    ),
    # Task.WaitAll's AggregateException: the inner exception is the bug.
    Bug(
        "hy-settle-price-canceled",
        "settlement-worker",
        (
            Exc(
                "System.Threading.Tasks.TaskCanceledException",
                "A task was canceled.",
                (
                    PARTITION,
                    cs(NS + "Pricing.MarketPriceClient", "GetSpotPriceAsync", "(String biddingZone, DateOnly day, CancellationToken ct)", W + "Pricing/MarketPriceClient.cs", 44, boundary=True),
                    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True),
                ),
            ),
            Exc("System.AggregateException", "One or more errors occurred. (A task was canceled.)", SETTLE, group=True),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.log", style="kind", monitor="Error logs on settlement-worker", team="settlement"),
        ),
        pair="hy-settle-deadlock",
        log="Settlement batch {BatchId} failed",
        logger=NS + "Worker.SettlementWorker",
    ),
    Bug(
        "hy-settle-deadlock",
        "settlement-worker",
        (
            Exc(
                "Npgsql.PostgresException",
                "40P01: deadlock detected",
                (
                    PARTITION,
                    cs(NS + "Batch.SettlementRepository", "SaveAsync", "(SettlementResult result, CancellationToken ct)", W + "Batch/SettlementRepository.cs", 37, boundary=True),
                    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True, boundary=True),
                    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),
                ),
            ),
            Exc("System.AggregateException", "One or more errors occurred. (40P01: deadlock detected)", SETTLE, group=True),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", style="kind", monitor="Error logs on settlement-worker", team="settlement"),
        ),
        pair="hy-settle-price-canceled",
        log="Settlement batch {BatchId} failed",
        logger=NS + "Worker.SettlementWorker",
    ),
    # One suspend function, two exceptions; the recovered copy carries the caller's frames.
    Bug(
        "hy-import-numberformat",
        "metering",
        (
            jexc("java.lang.NumberFormatException", 'For input string: "N/A"', (*COROUTINE_WORKER, IMPORT_ON_IO, *PARSE_DOUBLE)),
            jexc("java.lang.NumberFormatException", 'For input string: "N/A"', (*IMPORT_JOB, IMPORT_ON_IO, *PARSE_DOUBLE)),
        ),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="metering errors"),
            see("splunk", 2, thread="scheduling-1"),
            see("datadog.log", style="sample", thread="scheduling-1", team="metering"),
        ),
        pair="hy-import-timeout",
        log=SCHEDULED_FAILED,
        logger=SCHEDULED_LOGGER,
        entry="ReadingsImportJob.run",
    ),
    Bug(
        "hy-import-timeout",
        "metering",
        (
            jexc("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 30000 ms", TIMEOUT_FIRED),
            jexc("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 30000 ms", (*IMPORT_JOB, *TIMEOUT_FIRED[-2:])),
        ),
        (see("sentry.error", 2), see("splunk", 2, thread="scheduling-1"), see("datadog.log", style="sample", thread="scheduling-1", team="metering")),
        classes=(10,),
        pair="hy-import-numberformat",
        log=SCHEDULED_FAILED,
        logger=SCHEDULED_LOGGER,
        entry="ReadingsImportJob.run",
    ),
    # Two bugs under one Splunk saved search over multi-line logback events.
    Bug(
        "hy-tariff-enum",
        "contracts",
        (
            jexc(
                "java.lang.IllegalArgumentException",
                "No enum constant com.halyard.contracts.model.TariffType.DYNAMIC_EV",
                (
                    *TOMCAT,
                    kt(f"{CON}.web.TariffController", "list", 30),
                    kt(f"{CON}.tariff.TariffMapper", "toDomain", 22),
                    kt(f"{CON}.model.TariffType", "valueOf", 0),
                    jl("java.lang.Enum", "valueOf", 293),
                ),
            ),
        ),
        (see("splunk", 3, search="contracts ERROR"), see("sentry.error")),
        pair="hy-contract-nonunique",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/tariffs",
    ),
    Bug(
        "hy-contract-nonunique",
        "contracts",
        (
            jexc(
                "org.hibernate.NonUniqueResultException",
                "Query did not return a unique result: 2 results were returned",
                (
                    *KAFKA_LISTENER,
                    KAFKA_ADAPTER,
                    kt(f"{CON}.events.MeterSwapListener", "onMeterSwapped", 34),
                    jl("jdk.proxy2.$Proxy142", "findActiveByMeter", -1),
                    jl("org.springframework.aop.framework.JdkDynamicAopProxy", "invoke", 223),
                    jl("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 184),
                    jl("org.springframework.dao.support.PersistenceExceptionTranslationInterceptor", "invoke", 137),
                    jl("org.springframework.data.jpa.repository.query.JpaQueryExecution$SingleEntityExecution", "doExecute", 196),
                    jl("org.hibernate.query.spi.AbstractSelectionQuery", "getSingleResult", 291),
                    jl("org.hibernate.query.spi.AbstractSelectionQuery", "uniqueElement", 300),
                ),
            ),
            jexc(
                "org.springframework.dao.IncorrectResultSizeDataAccessException",
                "Query did not return a unique result: 2 results were returned",
                (
                    *KAFKA_LISTENER,
                    KAFKA_ADAPTER,
                    kt(f"{CON}.events.MeterSwapListener", "onMeterSwapped", 34),
                    jl("jdk.proxy2.$Proxy142", "findActiveByMeter", -1),
                    jl("org.springframework.aop.framework.JdkDynamicAopProxy", "invoke", 223),
                    jl("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 184),
                    jl("org.springframework.dao.support.PersistenceExceptionTranslationInterceptor", "invoke", 152),
                    jl("org.springframework.dao.support.DataAccessUtils", "translateIfNecessary", 335),
                    jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 252),
                ),
            ),
        ),
        (see("splunk", 3, search="contracts ERROR", thread="ntainer#0-0-C-1"), see("sentry.error")),
        pair="hy-tariff-enum",
        log="Listener failed for meter-swapped event",
        logger=f"{CON}.events.MeterSwapListener",
    ),
    # Two bugs under one Datadog log monitor pasting the console line and the stack below it.
    Bug(
        "hy-modbus-timeout",
        "grid-gateway",
        wrapped(
            ("*net.OpError", "read tcp {ip}:{port}->10.60.1.{idx}:502: i/o timeout"),
            "poll substation SS-{n}",
            "read holding registers",
            frames=POLL,
        ),
        (
            see("datadog.log", 2, style="sample", monitor="grid-gateway error logs", filter="service:grid-gateway status:error", msg="poll failed", team="grid"),
            see("splunk", 2, msg="poll failed"),
            see("sentry.error"),
        ),
        pair="hy-modbus-illegal",
    ),
    Bug(
        "hy-modbus-illegal",
        "grid-gateway",
        wrapped(
            ("*modbus.ModbusError", "modbus: exception '2' (illegal data address), function '3'"),
            "poll substation SS-{n}",
            "read holding registers",
            frames=POLL,
        ),
        (
            see("datadog.log", 2, style="sample", monitor="grid-gateway error logs", filter="service:grid-gateway status:error", msg="poll failed", team="grid"),
            see("splunk", 2, msg="poll failed"),
            see("sentry.error"),
        ),
        pair="hy-modbus-timeout",
    ),
    # Kotlin's `!!`: a NullPointerException without a message, over two releases.
    Bug(
        "hy-profile-npe",
        "metering",
        (
            jexc(
                "java.lang.NullPointerException",
                "",
                (
                    *TOMCAT,
                    kt(f"{MET}.web.ProfileController", "profile", 33),
                    kt(f"{MET}.profile.LoadProfileService", "build", 52),
                    kt(f"{MET}.profile.LoadProfileService", "interpolate", 88),
                ),
            ),
        ),
        (see("sentry.issue"), see("sentry.error", 2), see("splunk", 2), see("datadog.log", style="kind", team="metering")),
        log=ROOT_CAUSE.replace("<exc>", "java.lang.NullPointerException"),
        logger=DISPATCHER,
        entry="GET /api/meters/{meter_id}/profile",
        span=2,
    ),
    # Four %w links over a url.Error; captured three calls below the handler.
    Bug(
        "hy-sync-deadline",
        "grid-gateway",
        (
            Exc("context.deadlineExceededError", "context deadline exceeded"),
            Exc("*url.Error", 'Get "https://{endpoint}/api/v2/meters/{meter}/profile": context deadline exceeded'),
            *wrapped(
                ("*url.Error", 'Get "https://{endpoint}/api/v2/meters/{meter}/profile": context deadline exceeded'),
                "sync meter {meter}",
                "fetch profile",
                "call head-end",
                frames=(*GO_HTTP, go(GG + "/internal/api", "(*Server).syncMeter", "/src/internal/api/sync.go", 41), *GO_CAPTURE),
            )[1:],
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("datadog.log", style="kind", team="grid")),
        classes=(9,),
        entry="POST /v1/meters/{meter_id}/sync",
    ),
    Bug(
        "hy-registry-panic",
        "grid-gateway",
        (
            Exc(
                "runtime.plainError",
                "assignment to entry in nil map",
                (
                    *GO_HTTP,
                    go(GG + "/internal/api", "(*Server).registerDevice", "/src/internal/api/devices.go", 29),
                    go(GG + "/internal/devices", "(*Registry).Add", "/src/internal/devices/registry.go", 44),
                ),
            ),
        ),
        (see("sentry.error"), see("splunk", 2, format="go-panic", search="grid-gateway panics")),
        entry="POST /v1/devices",
    ),
    # A wrapper over its root cause, neither with an application frame.
    Bug(
        "hy-reminder-deserialize",
        "billing-jobs",
        (
            Exc(
                "ActiveRecord::RecordNotFound",
                "Couldn't find Account with 'id'={id}",
                (
                    rb("activejob-7.1.3/lib/active_job/core.rb", "deserialize_arguments_if_needed", 197, lib=True),
                    rb("activejob-7.1.3/lib/active_job/core.rb", "deserialize_arguments", 208, lib=True),
                    rb("activejob-7.1.3/lib/active_job/arguments.rb", "deserialize", 49, lib=True),
                    rb("activejob-7.1.3/lib/active_job/arguments.rb", "deserialize_argument", 155, lib=True),
                    rb("activejob-7.1.3/lib/active_job/arguments.rb", "deserialize_global_id", 170, lib=True),
                    rb("globalid-1.2.1/lib/global_id/locator.rb", "locate", 23, lib=True),
                    rb("activerecord-7.1.3/lib/active_record/core.rb", "find", 268, lib=True),
                ),
            ),
            Exc(
                "ActiveJob::DeserializationError",
                "Error while trying to deserialize arguments: Couldn't find Account with 'id'={id}",
                DESERIALIZE,
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", style="kind", team="billing")),
        classes=(10,),
        entry="MeterReadReminderJob",
    ),
    # An outer method renamed between releases; lines move; Ruby's `/' frame.
    Bug(
        "hy-proration-zerodiv",
        "billing-jobs",
        (
            Exc(
                "ZeroDivisionError",
                "divided by 0",
                (
                    *ACTIVEJOB_SIDEKIQ,
                    rb("app/jobs/contract_change_job.rb", "perform", 9),
                    rb("app/jobs/contract_change_job.rb", "apply_change", 21),
                    rb("app/services/billing/proration_calculator.rb", "daily_rate", 33),
                    rb("app/services/billing/proration_calculator.rb", "/", 33),
                ),
            ),
        ),
        (see("sentry.error", 3), see("splunk", 2)),
        entry="ContractChangeJob",
        span=3,
        renames={"apply_change": "apply_contract_change"},
    ),
    # HttpClient's timeout: TaskCanceledException over a frameless TimeoutException, awaits between.
    Bug(
        "hy-operator-timeout",
        "settlement-worker",
        (
            Exc("System.TimeoutException", "The operation was canceled."),
            Exc(
                "System.Threading.Tasks.TaskCanceledException",
                "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.",
                (
                    cs(NS + "Worker.SubmissionWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", W + "SubmissionWorker.cs", 39),
                    cs(NS + "Submission.ImbalanceSubmitter", "SubmitAsync", "(ImbalanceReport report, CancellationToken ct)", W + "Submission/ImbalanceSubmitter.cs", 57, boundary=True),
                    cs(NS + "Submission.GridOperatorClient", "PostReportAsync", "(ImbalanceReport report, CancellationToken ct)", W + "Submission/GridOperatorClient.cs", 33, boundary=True),
                    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True),
                    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="settlement-worker errors"),
            see("splunk", 2),
            see("datadog.log", monitor="settlement-worker errors by kind", filter="service:settlement-worker status:error @error.kind:System.Threading.Tasks.TaskCanceledException", team="settlement", text="settlement-worker is logging `System.Threading.Tasks.TaskCanceledException` errors above the usual rate."),
        ),
        log="Imbalance submission failed for report {ReportId}",
        logger=NS + "Worker.SubmissionWorker",
    ),
    Bug(
        "hy-imbalance-format",
        "settlement-worker",
        (
            Exc(
                "System.FormatException",
                "The input string 'n/a' was not in a correct format.",
                (
                    cs(NS + "Worker.ImbalanceImportWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", W + "ImbalanceImportWorker.cs", 52),
                    cs(NS + "Imports.ImbalanceFileParser", "ParseAsync", "(Stream file, CancellationToken ct)", W + "Imports/ImbalanceFileParser.cs", 30, boundary=True),
                    cs(NS + "Imports.ImbalanceFileParser", "ParseLine", "(String line, Int32 lineNumber)", W + "Imports/ImbalanceFileParser.cs", 64),
                    cs("System.Decimal", "Parse", "(String s, IFormatProvider provider)", lib=True),
                    cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True),
                ),
            ),
        ),
        (see("sentry.error"), see("sentry.issue"), see("splunk", 2)),
        log="Imbalance file {FileName} could not be imported",
        logger=NS + "Worker.ImbalanceImportWorker",
    ),
    Bug(
        "hy-export-x509",
        "grid-gateway",
        (
            Exc(
                "*tls.CertificateVerificationError",
                "tls: failed to verify certificate: x509: certificate signed by unknown authority",
                (
                    GO_BACKGROUND,
                    go(GG + "/internal/export", "(*Exporter).Run", "/src/internal/export/exporter.go", 40),
                    go(GG + "/internal/export", "(*Exporter).push", "/src/internal/export/exporter.go", 77),
                ),
            ),
        ),
        (see("sentry.error"),),
        singleton=True,
    ),
    # A log template whose variable parts change length: Go durations, host with or without port.
    Bug(
        "hy-slow-headend",
        "grid-gateway",
        (),
        (
            see("splunk", 3, search="grid-gateway slow head-end", line='{tsms}\twarn\theadend/client.go:88\tslow head-end response\t{"endpoint": "{endpoint}", "bytes": {id}, "took": "{godur}"}'),
            see("datadog.log", monitor="Slow head-end responses", filter="service:grid-gateway status:warn", team="grid", text="Head-end responses are slow. Latest sample:\n\n```\nslow head-end response endpoint={endpoint} took={godur}\n```"),
        ),
        classes=(7,),
    ),
]

NOISE = [
    Noise(
        "hy-noise-rollout",
        "contracts",
        "splunk",
        {
            "search": "k8s events",
            "line": '{"type":"Normal","reason":"ScalingReplicaSet","object":"deployment/contracts","message":"Scaled up replica set contracts-6d8f7b9c5 to 3","firstTimestamp":"{tsms}"}',
        },
    ),
    Noise(
        "hy-noise-heartbeat",
        "grid-gateway",
        "splunk",
        {
            "search": "grid-gateway heartbeat",
            "line": '{tsms}\tinfo\tcmd/gateway/main.go:72\theartbeat\t{"uptime": "{godur}", "goroutines": {n}}',
        },
    ),
    Noise(
        "hy-noise-settled",
        "settlement-worker",
        "datadog.event",
        {
            "monitor": "Daily settlement completed",
            "text": "Settlement run for the previous gas day completed: 48 partitions, 0 failures, 2m14s.",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "hy-noise-started",
        "metering",
        "splunk",
        {
            "search": "metering startup",
            "line": "{tsms}  INFO 1 --- [metering] [           main] c.h.metering.MeteringApplicationKt      : Started MeteringApplicationKt in 9.412 seconds (process running for 10.37)",
        },
    ),
]

HALYARD = Company(
    key="e",
    name="Halyard Energy",
    domain="halyard-energy.example",
    sentry_org="halyard-energy",
    splunk_url="https://splunk.halyard-energy.example:8000",
    splunk_guid="3D8A51F6-2C47-4E9B-A0D3-6F1E8B7C5A29",
    datadog_org=("655490", "Halyard Energy"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("r418", "r419", "r420", "r421"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="halyard-sentry-client-secret",
)
# fmt: on
