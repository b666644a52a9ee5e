"""(n) Gannet Payroll, payroll and expenses for small firms: a FastAPI API on Python 3.11
(``api``, logging through loguru's serialized JSON sink), Dramatiq workers (``workers``:
expenses, HMRC submissions, BACS files; loguru's text file with ``backtrace`` and ``diagnose``
on, stdlib logging intercepted into it), two Rust services in one Cargo workspace (``ledger``,
axum and sqlx, errors as ``anyhow`` chains; ``payslips``, a tokio worker rendering PDFs, which
panics; both through tracing-subscriber's JSON formatter, panics also through tracing-panic and
on stderr) and a SvelteKit web app (``app``, Vite chunks under ``/_app/immutable/``).

Sentry for all of them (sentry-python with the FastAPI and Dramatiq integrations, the Rust SDK
with its panic handler and ``capture_anyhow``, @sentry/sveltekit) plus a metric alert on
panics; PostHog for the app's browser errors (posthog-js) and the API's (posthog-python);
Splunk indexes every log and runs a stats search of failing actors; Datadog posts the team's
template (the plain-text message, the monitor id unquoted) for APM, log and metric monitors.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import FASTAPI_ENDPOINT, FASTAPI_ROUTE, httpx_timeout, js, py, pylib
from ..traces import RUSTC

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "api": Service("api", "python", "loguru-json", "gannet:api:loguru", "/var/log/containers/api.log", "gn_prod", 6630011, "CPython 3.11.9", framework="starlette", sdk=("sentry.python.fastapi", "2.14.0", "pypi:sentry-sdk")),
    "workers": Service("workers", "python", "loguru-text", "gannet:workers:loguru", "/var/log/gannet/workers.log", "gn_prod", 6630014, "CPython 3.11.9", framework="dramatiq", sdk=("sentry.python", "2.14.0", "pypi:sentry-sdk")),
    "ledger": Service("ledger", "rust", "rust-tracing", "gannet:ledger:json", "/var/log/containers/ledger.log", "gn_prod", 6630017, "rustc 1.79.0", framework="generic", sdk=("sentry.rust", "0.34.0", "cargo:sentry")),
    "payslips": Service("payslips", "rust", "rust-tracing", "gannet:payslips:json", "/var/log/containers/payslips.log", "gn_prod", 6630020, "rustc 1.79.0", framework="generic", sdk=("sentry.rust", "0.34.0", "cargo:sentry")),
    "app": Service("app", "javascript", "", "", "", "", 6630023, origin="https://app.gannet.example", framework="onerror", sdk=("sentry.javascript.sveltekit", "8.30.0", "npm:@sentry/sveltekit")),
}

# --- Python ------------------------------------------------------------------------------------

# The API's exception handler logs every unhandled error: ``logger.opt(exception=exc)``.
API_LOGGER = "gannet.api.errors:unhandled_error:31"
# Dramatiq's worker thread logs a failed message (stdlib logging, intercepted by loguru).
WORKER_LOGGER = "dramatiq.worker:process_message:511"
DRAMATIQ = (
    pylib("dramatiq.worker", "process_message", 487, "res = actor(*message.args, **message.kwargs)"),
    pylib("dramatiq.actor", "__call__", 182, "return self.fn(*args, **kwargs)"),
)
# loguru's ``backtrace``: the frames above the one that caught the exception.
THREAD_ABOVE = (
    pylib("threading", "_bootstrap", 1002, "self._bootstrap_inner()"),
    pylib("threading", "_bootstrap_inner", 1045, "self.run()"),
    pylib("dramatiq.worker", "run", 466, "self.process_message(message)"),
)


def api(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"gannet.{module}", function, line, context)


# --- Rust --------------------------------------------------------------------------------------

CARGO = "/usr/local/cargo/registry/src/index.crates.io-6f17d22bba15001f/"


def rs(function: str, file: str, line: int, col: int, *, lib: bool = False) -> Frame:
    """A Rust frame: the demangled path, the file as built (std under /rustc, crates in the
    registry, the workspace's own relative to it)."""
    crate = function.lstrip("<").split("::", 1)[0]
    return Frame(function, file, line, crate, not lib, col=col)


def std(function: str, path: str, line: int, col: int) -> Frame:
    return rs(function, RUSTC + path, line, col, lib=True)


def dep(function: str, path: str, line: int, col: int) -> Frame:
    return rs(function, CARGO + path, line, col, lib=True)


# A tokio worker polling a task (oldest first; the short backtrace starts here).
TOKIO = (
    std("std::sys_common::backtrace::__rust_begin_short_backtrace", "std/src/sys_common/backtrace.rs", 155, 18),
    dep("tokio::runtime::blocking::pool::Inner::run", "tokio-1.38.0/src/runtime/blocking/pool.rs", 512, 17),
    dep("tokio::runtime::scheduler::multi_thread::worker::Context::run_task", "tokio-1.38.0/src/runtime/scheduler/multi_thread/worker.rs", 576, 9),
    dep("tokio::runtime::task::harness::Harness<T,S>::poll", "tokio-1.38.0/src/runtime/task/harness.rs", 151, 15),
    dep("tokio::runtime::task::core::Core<T,S>::poll", "tokio-1.38.0/src/runtime/task/core.rs", 328, 17),
)
# axum serving a request on hyper (oldest first).
AXUM = (
    *TOKIO,
    dep("<hyper_util::server::conn::auto::UpgradeableConnection<I,S,E> as core::future::future::Future>::poll", "hyper-util-0.1.6/src/server/conn/auto.rs", 680, 42),
    dep("<axum::routing::route::RouteFuture<E> as core::future::future::Future>::poll", "axum-0.7.5/src/routing/route.rs", 156, 43),
    dep("<F as axum::handler::Handler<(M,T1,T2),S>>::call::{{closure}}", "axum-0.7.5/src/handler/mod.rs", 220, 52),
)
# The payslip worker's job loop.
JOB_LOOP = (
    *TOKIO,
    rs("payslips::worker::run::{{closure}}", "crates/payslips/src/worker.rs", 44, 38),
    rs("payslips::worker::handle_job::{{closure}}", "crates/payslips/src/worker.rs", 71, 22),
)
# `.unwrap()` on None: the panic machinery, innermost last.
UNWRAP_PANIC = (
    std("core::option::unwrap_failed", "core/src/option.rs", 1985, 5),
    std("core::panicking::panic", "core/src/panicking.rs", 146, 5),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 72, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 652, 5),
)
UNWRAP = "called `Option::unwrap()` on a `None` value"
# anyhow's `.with_context()` capturing the backtrace, innermost last.
ANYHOW_CONTEXT = (
    dep("<core::result::Result<T,E> as anyhow::Context<T,E>>::with_context", "anyhow-1.0.86/src/context.rs", 54, 31),
    dep("anyhow::error::<impl anyhow::Error>::construct", "anyhow-1.0.86/src/error.rs", 274, 36),
    std("std::backtrace::Backtrace::capture", "std/src/backtrace.rs", 296, 9),
)
# One HTTP helper in the workspace that both services call for partners' JSON.
GET_JSON = rs("gannet_http::get_json::{{closure}}", "crates/gannet-http/src/lib.rs", 38, 10)


def sqlx_unique(constraint: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """sqlx's database error under an anyhow context (cause first), as ``capture_anyhow``
    reports it: sentry-core names each error by its Debug output's leading type."""
    return (
        Exc("Database", f'error returned from database: duplicate key value violates unique constraint "{constraint}"'),
        Exc("Error", context, (*AXUM, *app, *ANYHOW_CONTEXT)),
    )


def reqwest_timeout(url: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """reqwest's timeout (hyper's TimedOut inside reqwest::Error) under an anyhow context."""
    return (
        Exc("TimedOut", "operation timed out"),
        Exc("Error", f"error sending request for url ({url})", module="reqwest"),
        Exc("Error", context, (*app, GET_JSON, *ANYHOW_CONTEXT)),
    )


# --- SvelteKit ---------------------------------------------------------------------------------

SVELTE = "node_modules/svelte/src/runtime/internal/"
SVELTE_FLUSH = (
    js(SVELTE + "scheduler.js", "flush", 99, 5, "chunks/scheduler", lib=True),
    js(SVELTE + "scheduler.js", "update", 135, 12, "chunks/scheduler", lib=True),
)
FORMAT_MONEY = js("src/lib/format.ts", "formatMoney", 9, 27, "chunks/format")

BUGS = [
    # A payee without bank details: the API's pay-run approval and a worker's expense payout
    # read the same key in two places.
    Bug(
        "gn-payrun-iban-keyerror",
        "api",
        (
            Exc(
                "KeyError",
                "'iban'",
                (
                    *FASTAPI_ROUTE,
                    *FASTAPI_ENDPOINT,
                    api("api.payruns", "approve_payrun", 88, "totals = summarise(run)"),
                    api("payroll.totals", "summarise", 41, "transfers = [bank_transfer(e) for e in run.employees]"),
                    api("payroll.totals", "<listcomp>", 41, "transfers = [bank_transfer(e) for e in run.employees]"),
                    api("payroll.bank", "bank_transfer", 17, 'return Transfer(iban=employee.bank["iban"], amount=employee.net_pay)'),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("posthog"),
            see("datadog.apm", style="message", team="payroll"),
        ),
        classes=(4,),
        pair="gn-expense-iban-keyerror",
        log="Unhandled error on POST {path}",
        logger=API_LOGGER,
        entry="POST /v1/payruns/{payrun_id}/approve",
    ),
    Bug(
        "gn-expense-iban-keyerror",
        "workers",
        (
            Exc(
                "KeyError",
                "'iban'",
                (
                    *DRAMATIQ,
                    api("workers.expenses", "reimburse_expenses", 44, "transfer = build_transfer(claim)"),
                    api("expenses.payouts", "build_transfer", 29, 'iban = claim.employee.bank["iban"]'),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, diagnose=True, above=THREAD_ABOVE),
            see("datadog.log", monitor="Errors in workers", team="payroll", filter="service:workers status:error", text="New errors in workers:\n\n{{log.message}}", diagnose=True, above=THREAD_ABOVE),
        ),
        classes=(4,),
        pair="gn-payrun-iban-keyerror",
        log="Failed to process message reimburse_expenses({id}) with unhandled exception.",
        logger=WORKER_LOGGER,
        entry="reimburse_expenses",
    ),
    # A slim image without tzdata: a company in Kyiv breaks its schedule, over three releases
    # with the endpoint renamed.
    Bug(
        "gn-schedule-tz-missing",
        "api",
        (
            Exc(
                "ZoneInfoNotFoundError",
                "'No time zone found with key Europe/Kyiv'",
                (
                    *FASTAPI_ROUTE,
                    *FASTAPI_ENDPOINT,
                    api("api.schedules", "next_cutoff", 52, "cutoff = cutoff_for(company, period)"),
                    api("payroll.calendar", "cutoff_for", 33, "tz = ZoneInfo(company.timezone)"),
                    pylib("zoneinfo._common", "load_tzdata", 24, 'raise ZoneInfoNotFoundError(f"No time zone found with key {key}")'),
                ),
                module="zoneinfo._common",
            ),
        ),
        (
            see("sentry.error", 4),
            see("splunk", 2),
            see("posthog"),
        ),
        classes=(5,),
        log="Unhandled error on GET {path}",
        logger=API_LOGGER,
        entry="GET /v1/companies/{company_id}/schedule",
        span=3,
        renames={"next_cutoff": "upcoming_cutoff"},
    ),
    # HMRC's RTI gateway answers slowly: the submission actor times out.
    Bug(
        "gn-rti-submit-timeout",
        "workers",
        httpx_timeout(
            (
                *DRAMATIQ,
                api("workers.rti", "submit_fps", 61, "receipt = hmrc.submit(fps)"),
                api("hmrc.client", "submit", 88, 'resp = self._http.post("/rti/fps", content=payload)'),
            ),
            "ReadTimeout",
            "The read operation timed out",
        ),
        (
            see("sentry.error", 3),
            see("splunk", 2, diagnose=True, above=THREAD_ABOVE),
            see("splunk", search="workers - failing actors (15 min)", stats={"actor_name": "submit_fps", "queue_name": "hmrc", "failures": "{n}", "last_exception": "httpx.ReadTimeout"}),
            see("datadog.metric", monitor="Dramatiq actor failures", scope="actor_name:submit_fps", team="payroll", metric="dramatiq_message_errors_total", query="sum(last_15m):sum:dramatiq_message_errors_total{env:prod} by {actor_name}.as_count() > 5", status="dramatiq_message_errors_total over actor_name:submit_fps was > 5.0 during the last 15m", text="Actor `submit_fps` failed {n} times in the last 15 minutes."),
        ),
        classes=(8,),
        log="Failed to process message submit_fps({id}) with unhandled exception.",
        logger=WORKER_LOGGER,
        entry="submit_fps",
    ),
    # HMRC sends a tax code the validator does not accept: the route's error rate.
    Bug(
        "gn-taxcode-validation",
        "api",
        (
            Exc(
                "ValidationError",
                "1 validation error for TaxCode\ncode\n  String should match pattern '^(S|C)?(K?[0-9]{1,4}[LMNTK]?|BR|D[0-2]|NT|0T)( ?(W1|M1|X))?$' [type=string_pattern_mismatch, input_value='{taxcode}', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.8/v/string_pattern_mismatch",
                (
                    *FASTAPI_ROUTE,
                    *FASTAPI_ENDPOINT,
                    api("api.employees", "update_tax_code", 112, "code = TaxCode.model_validate(notice)"),
                    pylib("pydantic.main", "model_validate", 568, "return cls.__pydantic_validator__.validate_python("),
                ),
                module="pydantic_core._pydantic_core",
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.apm", style="route", team="payroll"),
        ),
        classes=(8,),
        log="Unhandled error on PUT {path}",
        logger=API_LOGGER,
        entry="PUT /v1/employees/{employee_id}/tax-code",
    ),
    # sqlx unique violations under anyhow contexts, in two ledger routes.
    Bug(
        "gn-payout-batch-unique",
        "ledger",
        sqlx_unique(
            "payout_batches_payrun_id_key",
            "insert payout batch for pay run {id}",
            (
                rs("ledger::routes::payruns::settle::{{closure}}", "crates/ledger/src/routes/payruns.rs", 61, 10),
                rs("ledger::settlement::settle_payrun::{{closure}}", "crates/ledger/src/settlement.rs", 118, 14),
                rs("ledger::store::batches::insert_batch::{{closure}}", "crates/ledger/src/store/batches.rs", 37, 10),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 2, err="alternate", with_file=True),
            see("datadog.log", monitor="ledger errors", team="ledger", filter="service:ledger status:error", text="ledger logged: {{log.attributes.fields.message}}\n\nerror: {{log.attributes.fields.error}}", err="alternate"),
        ),
        classes=(4,),
        pair="gn-journal-lines-unique",
        log="pay run settlement failed",
        logger="ledger::routes::payruns",
        entry="POST /v1/payruns/{payrun_id}/settle",
    ),
    Bug(
        "gn-journal-lines-unique",
        "ledger",
        sqlx_unique(
            "journal_lines_entry_id_account_id_key",
            "post journal entry {id}",
            (
                rs("ledger::routes::journals::post_entry::{{closure}}", "crates/ledger/src/routes/journals.rs", 29, 10),
                rs("ledger::journal::post::{{closure}}", "crates/ledger/src/journal.rs", 74, 18),
                rs("ledger::store::journal::insert_lines::{{closure}}", "crates/ledger/src/store/journal.rs", 52, 10),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("sentry.issue"),
            see("splunk", err="debug"),
            see("splunk", err="alternate"),
        ),
        classes=(4,),
        pair="gn-payout-batch-unique",
        log="journal posting failed",
        logger="ledger::routes::journals",
        entry="POST /v1/journals",
    ),
    # Two unwraps on None in the payslip renderer: the totals block and the year-to-date carry.
    Bug(
        "gn-payslip-totals-unwrap",
        "payslips",
        (
            Exc(
                "panic",
                UNWRAP,
                (
                    *JOB_LOOP,
                    rs("payslips::render::render_payslip", "crates/payslips/src/render/mod.rs", 61, 5),
                    rs("payslips::render::layout::place_totals", "crates/payslips/src/render/layout.rs", 142, 37),
                    *UNWRAP_PANIC,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", format="rust-panic", backtrace=True, source="/var/log/containers/payslips-stderr.log", sourcetype="gannet:payslips:stderr"),
            see("splunk", 2, format="tracing-panic"),
            see("datadog.log", monitor="Panics in payslips", team="payroll", format="tracing-panic", filter="service:payslips @target:tracing_panic", text="payslips panicked: {{log.attributes.fields.panic.payload}}\n\nat {{log.attributes.fields.panic.location}}"),
        ),
        classes=(4,),
        pair="gn-payslip-ytd-unwrap",
        entry="render_payslip",
    ),
    Bug(
        "gn-payslip-ytd-unwrap",
        "payslips",
        (
            Exc(
                "panic",
                UNWRAP,
                (
                    *JOB_LOOP,
                    rs("payslips::render::render_payslip", "crates/payslips/src/render/mod.rs", 66, 17),
                    rs("payslips::render::ytd::carry_forward", "crates/payslips/src/render/ytd.rs", 58, 51),
                    *UNWRAP_PANIC,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", format="tracing-panic", backtrace=True),
            see("splunk", format="tracing-panic"),
            see("datadog.log", monitor="Panics in payslips", team="payroll", format="tracing-panic", filter="service:payslips @target:tracing_panic", text="payslips panicked: {{log.attributes.fields.panic.payload}}\n\nat {{log.attributes.fields.panic.location}}"),
        ),
        classes=(4,),
        pair="gn-payslip-totals-unwrap",
        entry="render_payslip",
    ),
    # Two partners time out in the workspace's one HTTP helper: FX rates for the ledger, bank
    # holidays for the payslips.
    Bug(
        "gn-fx-rates-timeout",
        "ledger",
        reqwest_timeout(
            "https://api.fxfeed.example/v1/latest?base=GBP",
            "fetch fx rates for {cur}",
            (
                *AXUM,
                rs("ledger::routes::payruns::settle::{{closure}}", "crates/ledger/src/routes/payruns.rs", 58, 22),
                rs("ledger::fx::rate_for::{{closure}}", "crates/ledger/src/fx.rs", 27, 18),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 3, err="alternate"),
            see("datadog.log", monitor="Upstream timeouts (ledger, payslips)", team="payroll", filter="service:(ledger OR payslips) \"operation timed out\"", text="{{log.attributes.target}}: {{log.attributes.fields.message}} ({{log.attributes.fields.error}})", err="alternate"),
        ),
        classes=(9,),
        pair="gn-bank-holidays-timeout",
        log="pay run settlement failed",
        logger="ledger::routes::payruns",
        entry="POST /v1/payruns/{payrun_id}/settle",
    ),
    Bug(
        "gn-bank-holidays-timeout",
        "payslips",
        reqwest_timeout(
            "https://www.gov.uk/bank-holidays.json",
            "load bank holidays",
            (
                *JOB_LOOP,
                rs("payslips::calendar::pay_date::{{closure}}", "crates/payslips/src/calendar.rs", 33, 9),
                rs("payslips::calendar::bank_holidays::{{closure}}", "crates/payslips/src/calendar.rs", 12, 20),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="generic"),
            see("splunk", 2, err="alternate"),
            see("datadog.log", monitor="Upstream timeouts (ledger, payslips)", team="payroll", filter="service:(ledger OR payslips) \"operation timed out\"", text="{{log.attributes.target}}: {{log.attributes.fields.message}} ({{log.attributes.fields.error}})", err="alternate"),
        ),
        classes=(9,),
        pair="gn-fx-rates-timeout",
        log="payslip job failed",
        logger="payslips::worker",
        entry="render_payslip",
    ),
    # The payslip table reads a line without an amount: three engines' words, two releases.
    Bug(
        "gn-app-payslip-line-undefined",
        "app",
        (
            Exc(
                "TypeError",
                frames=(
                    *SVELTE_FLUSH,
                    js("src/lib/components/PayslipTable.svelte", "create_each_block", 41, 22, "nodes/6"),
                ),
                js=JsError("read-undefined", "line.amount", "minor"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", release=0),
            see("posthog", browser="firefox", release=1),
            see("posthog", browser="safari", release=1),
            see("posthog", browser="edge", release=1),
            see("posthog", browser="chrome", release=1, resolved=True),
            see("sentry.error", browser="chrome", release=0),
            see("sentry.error", browser="edge", release=1, raw=True),
        ),
        classes=(3,),
        page="/payslips/2026-02",
        span=2,
    ),
    # Two screens hand a null amount to the one money formatter.
    Bug(
        "gn-app-expense-row-null",
        "app",
        (
            Exc(
                "TypeError",
                frames=(
                    *SVELTE_FLUSH,
                    js("src/routes/expenses/ExpenseRow.svelte", "create_fragment", 18, 30, "nodes/7"),
                    FORMAT_MONEY,
                ),
                js=JsError("read-null", "amount", "currency"),
            ),
        ),
        (
            see("posthog", browser="chrome"),
            see("posthog", browser="firefox"),
            see("posthog", browser="safari"),
            see("sentry.error", browser="chrome"),
        ),
        classes=(3, 9),
        pair="gn-app-receipt-preview-null",
        page="/expenses",
    ),
    Bug(
        "gn-app-receipt-preview-null",
        "app",
        (
            Exc(
                "TypeError",
                frames=(
                    *SVELTE_FLUSH,
                    js("src/routes/expenses/[id]/ReceiptPreview.svelte", "create_if_block", 52, 24, "nodes/9"),
                    FORMAT_MONEY,
                ),
                js=JsError("read-null", "amount", "currency"),
            ),
        ),
        (
            see("posthog", browser="edge"),
            see("posthog", browser="safari"),
            see("posthog", browser="chrome", resolved=True),
            see("sentry.error", browser="safari"),
        ),
        classes=(3, 9),
        pair="gn-app-expense-row-null",
        page="/expenses/4411",
    ),
    # A browser quirk every site sees: benign, one problem of its own.
    Bug(
        "gn-app-resizeobserver-loop",
        "app",
        (Exc("Error", "ResizeObserver loop completed with undelivered notifications."),),
        (
            see("posthog", browser="chrome"),
            see("posthog", browser="edge"),
        ),
        page="/payslips",
    ),
    # Pods killed for memory: a metric, no error named.
    Bug(
        "gn-payslips-oomkilled",
        "payslips",
        (),
        (
            see("datadog.metric", 2, monitor="payslips OOMKilled", scope="kube_deployment:payslips", team="payroll", metric="kubernetes.containers.state.terminated", query="max(last_10m):max:kubernetes.containers.state.terminated{reason:oomkilled,kube_deployment:payslips} >= 1", status="kubernetes.containers.state.terminated over kube_deployment:payslips was >= 1.0 at least once during the last 10m", text="A payslips container was OOMKilled (limit 1Gi). Restarts in the last hour: {n}."),
        ),
        classes=(8,),
    ),
    # A Sentry metric alert counting payslips' fatal events.
    Bug(
        "gn-payslips-panic-rate",
        "payslips",
        (),
        (
            see("sentry.metric", 2, rule="payslips panics", aggregate="count()", query="level:fatal", threshold=20, window=10, description="{n} events in the last 10 minutes\nFilter: level:fatal"),
        ),
        classes=(8,),
    ),
    # The BACS file upload's warning: sizes, durations and hosts of varying length.
    Bug(
        "gn-bacs-upload-slow",
        "workers",
        (),
        (
            see("splunk", 3, search="workers - slow BACS uploads", line="{tsnaive} | WARNING  | gannet.workers.bacs:upload_bacs_file:77 - BACS file {size} uploaded to {bacs} in {dur}"),
            see("datadog.log", 2, monitor="Slow BACS uploads", team="payroll", filter="service:workers status:warn \"BACS file\"", text="BACS uploads are slow. Latest: BACS file {size} uploaded to {bacs} in {dur}"),
        ),
        classes=(7,),
    ),
]

NOISE = [
    Noise(
        "gn-noise-deploy",
        "api",
        "datadog.event",
        {
            "monitor": "Deployed api 2026.11.3",
            "text": "Argo CD sync finished: api 2026.11.3 (4/4 pods ready).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "gn-noise-startup",
        "api",
        "splunk",
        {
            "search": "api - errors",
            "line": '{"text": "{tsnaive} | INFO     | uvicorn.lifespan.on:startup:62 - Application startup complete.\\n", "record": {"level": {"icon": "\\u2139\\ufe0f", "name": "INFO", "no": 20}, "message": "Application startup complete.", "name": "uvicorn.lifespan.on", "function": "startup", "line": 62}}',
        },
    ),
]

GANNET = Company(
    key="n",
    name="Gannet",
    domain="gannet.example",
    sentry_org="gannet",
    splunk_url="https://gannet.splunkcloud.com",
    splunk_guid="9D3E5A17-0B6C-4F28-A1E4-7C5B2D8F9E03",
    datadog_org=("702418", "Gannet Payroll"),
    datadog_template="gannet",
    posthog_project=(70331, "Gannet"),
    releases=("2026.11.1", "2026.11.2", "2026.11.3", "2026.11.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gannet-sentry-client-secret",
)
# fmt: on
