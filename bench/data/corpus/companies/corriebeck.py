"""(co) Corriebeck Payroll, payroll for small UK employers: Rust on actix-web 4 and tokio.
``payroll-api`` (actix-web 4.9 on actix-rt's per-arbiter runtimes, sqlx over PostgreSQL, a
payslip PDF renderer), ``payroll-cron`` (tokio-cron-scheduler jobs on a multi-thread tokio
runtime: the monthly pay run, RTI submissions to HMRC's gateway, pension exports to NEST,
BACS files for the bank).

Logging is the ``log`` crate through log4rs, not tracing: the API's appender writes log4rs's
default pattern (``{d} {l} {t} - {m}{n}``, the error formatted in with ``{:?}``, so anyhow's
``Caused by:`` list and backtrace follow the message), the cron worker's appender log4rs's
``JsonEncoder`` (the error with ``{:#}`` on one line). Panics reach stderr through Rust's
default hook (``RUST_BACKTRACE=1`` on the worker only). Sentry: sentry 0.34 with
``sentry-actix`` and ``sentry-anyhow``; Splunk saved searches over both; Datadog log monitors
through the ``nested`` template (no APM agent for Rust here). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from .gannet import ANYHOW_CONTEXT, UNWRAP, UNWRAP_PANIC, dep, rs, std

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.rust", "0.34.0", "cargo:sentry")
SERVICES = {
    "payroll-api": Service("payroll-api", "rust", "co-log4rs", "corriebeck:api:log4rs", "/var/log/corriebeck/payroll-api.log", "cb_payroll", 8830021, "rustc 1.81.0", framework="generic", sdk=SDK),
    "payroll-cron": Service("payroll-cron", "rust", "co-log4rs-json", "corriebeck:cron:json", "/var/log/corriebeck/payroll-cron.json", "cb_payroll", 8830024, "rustc 1.81.0", framework="generic", sdk=SDK),
}

# actix-rt's arbiter thread: a LocalSet polling the HTTP/1 dispatcher, the app's routing and
# the handler's future (oldest first; the short backtrace starts here).
ACTIX = (
    std("std::sys::backtrace::__rust_begin_short_backtrace", "std/src/sys/backtrace.rs", 154, 18),
    dep("actix_rt::arbiter::Arbiter::with_tokio_rt::{{closure}}", "actix-rt-2.10.0/src/arbiter.rs", 157, 17),
    dep("tokio::task::local::LocalSet::block_on", "tokio-1.40.0/src/task/local.rs", 585, 9),
    dep("<actix_http::h1::dispatcher::Dispatcher<T,S,B,X,U> as core::future::future::Future>::poll", "actix-http-3.9.0/src/h1/dispatcher.rs", 1148, 27),
    dep("<actix_web::app_service::AppRouting as actix_service::Service<actix_web::service::ServiceRequest>>::call", "actix-web-4.9.0/src/app_service.rs", 305, 17),
    dep("actix_web::handler::handler_service::{{closure}}::{{closure}}", "actix-web-4.9.0/src/handler.rs", 106, 29),
)
# tokio-cron-scheduler running a job's future on the worker's tokio runtime.
CRON = (
    std("std::sys::backtrace::__rust_begin_short_backtrace", "std/src/sys/backtrace.rs", 154, 18),
    dep("tokio::runtime::scheduler::multi_thread::worker::Context::run_task", "tokio-1.40.0/src/runtime/scheduler/multi_thread/worker.rs", 592, 9),
    dep("tokio::runtime::task::harness::Harness<T,S>::poll", "tokio-1.40.0/src/runtime/task/harness.rs", 151, 15),
    dep("tokio_cron_scheduler::job::runner::JobRunner::listen_for_activations::{{closure}}", "tokio-cron-scheduler-0.13.0/src/job/runner.rs", 44, 21),
)
MUL_OVERFLOW = (
    std("core::panicking::panic_const::panic_const_mul_overflow", "core/src/panicking.rs", 178, 21),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 662, 5),
)
BOUNDS = (
    std("core::panicking::panic_bounds_check", "core/src/panicking.rs", 274, 5),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 662, 5),
)
SQLX_ACQUIRE = dep("sqlx_core::pool::inner::PoolInner<DB>::acquire::{{closure}}", "sqlx-core-0.8.2/src/pool/inner.rs", 273, 17)
# Both partners (HMRC's gateway and NEST) take XML through one workspace helper.
POST_XML = rs("corriebeck_http::post_xml::{{closure}}", "crates/corriebeck-http/src/lib.rs", 61, 14)


def api(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"payroll_api::{function}", f"crates/payroll-api/src/{file}", line, col)


def cron(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"payroll_cron::{function}", f"crates/payroll-cron/src/{file}", line, col)


def core(function: str, file: str, line: int, col: int) -> Frame:
    """The workspace's shared payroll rules, linked into both binaries."""
    return rs(f"payroll_core::{function}", f"crates/payroll-core/src/{file}", line, col)


API_LOG = {"log": "request failed", "logger": "payroll_api::error"}
CRON_LOG = {"log": "job failed", "logger": "payroll_cron::jobs"}
API_SEARCH = {"search": "payroll-api errors"}
CRON_SEARCH = {"search": "payroll-cron errors", "thread": "tokio-runtime-worker"}
API_THREAD = "actix-rt|system:0|arbiter:2"
PANICS = {"search": "corriebeck panics", "format": "rust-panic", "sourcetype": "corriebeck:stderr", "source": "/var/log/corriebeck/stderr.log"}
# The API's monitor pastes the first lines of the text event; the worker's its JSON message.
API_MONITOR = {"monitor": "payroll-api errors", "team": "payroll", "filter": "service:payroll-api status:error", "text": "payroll-api logged an error on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 4}
CRON_MONITOR = {"monitor": "payroll-cron job failures", "team": "payroll", "filter": "service:payroll-cron status:error", "text": "A payroll-cron job failed: {{log.attributes.message}}\n\n({{log.attributes.file}}:{{log.attributes.line}})"}
PANIC_MONITOR = {"monitor": "Rust panics", "team": "platform", "filter": "source:stderr \"panicked at\"", "text": "Panic in {{log.service}}:\n\n{{log.message}}", "sample_lines": 2, "format": "rust-panic"}


def unique(constraint: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("Database", f'error returned from database: duplicate key value violates unique constraint "{constraint}"'),
        Exc("Error", context, (*app, SQLX_ACQUIRE, *ANYHOW_CONTEXT)),
    )


def timeout(url: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("TimedOut", "operation timed out"),
        Exc("Error", f"error sending request for url ({url})", module="reqwest"),
        Exc("Error", context, (*CRON, *app, POST_XML, *ANYHOW_CONTEXT)),
    )


NULL_STRING = "invalid type: null, expected a string at line 1 column {n}"

BUGS = [
    # `.unwrap()` on a missing NI category rate: the API's payslip preview and the cron's pay run each call it from their own code.
    Bug("co-ni-rate-unwrap-preview", "payroll-api", (Exc("panic", UNWRAP, (*ACTIX, api("routes::payslips::preview::{{closure}}", "routes/payslips.rs", 47, 38), api("preview::employee_ni", "preview.rs", 83, 61), *UNWRAP_PANIC)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **PANICS, thread=API_THREAD), see("datadog.log", **PANIC_MONITOR, thread=API_THREAD)),
        classes=(4,), pair="co-ni-rate-unwrap-payrun", entry="GET /v1/employers/{employer_id}/payslips/{payslip_id}/preview", span=2),
    Bug("co-ni-rate-unwrap-payrun", "payroll-cron", (Exc("panic", UNWRAP, (*CRON, cron("jobs::pay_run::run::{{closure}}", "jobs/pay_run.rs", 58, 29), cron("jobs::pay_run::employee_line", "jobs/pay_run.rs", 131, 47), *UNWRAP_PANIC)),),
        (see("sentry.error", 2), see("sentry.alert", rule="payroll-cron: any panic"), see("splunk", 2, **PANICS, backtrace=True), see("datadog.log", **PANIC_MONITOR)),
        classes=(4,), pair="co-ni-rate-unwrap-preview", entry="pay_run"),
    # A unique violation on each side: an employee added twice with one NI number (API), an RTI submission stored twice for one tax month (cron).
    Bug("co-employee-ni-unique", "payroll-api", unique("employees_employer_id_ni_number_key", "inserting employee", (*ACTIX, api("routes::employees::create::{{closure}}", "routes/employees.rs", 72, 10), api("store::employees::insert::{{closure}}", "store/employees.rs", 38, 14))),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("splunk", **API_SEARCH, err="alternate"), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(4,), pair="co-rti-month-unique", entry="POST /v1/employers/{employer_id}/employees"),
    Bug("co-rti-month-unique", "payroll-cron", unique("rti_submissions_employer_id_tax_month_key", "recording RTI submission", (*CRON, cron("jobs::rti::submit_fps::{{closure}}", "jobs/rti.rs", 96, 10), cron("store::rti::record::{{closure}}", "store/rti.rs", 22, 14))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **CRON_SEARCH), see("datadog.log", **CRON_MONITOR)),
        **CRON_LOG, classes=(4,), pair="co-employee-ni-unique", entry="rti_submit"),
    # One tax-code parser, two failures: a code with a stray suffix (ParseIntError, an error) and an empty code (a byte-index panic).
    Bug("co-taxcode-parse-int", "payroll-api", (Exc("ParseIntError", "invalid digit found in string"), Exc("Error", "parsing tax code \"1257LX\"", (*ACTIX, api("routes::employees::update_tax::{{closure}}", "routes/employees.rs", 118, 22), core("tax::code::TaxCode::parse", "tax/code.rs", 41, 18), *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(4, 5), pair="co-taxcode-slice-panic", entry="PUT /v1/employers/{employer_id}/employees/{employee_id}/tax-code", span=2),
    Bug("co-taxcode-slice-panic", "payroll-cron", (Exc("panic", "byte index 1 is out of bounds of ``", (*CRON, cron("jobs::hmrc_notices::apply::{{closure}}", "jobs/hmrc_notices.rs", 64, 33), core("tax::code::TaxCode::parse", "tax/code.rs", 29, 27), std("core::str::slice_error_fail", "core/src/str/mod.rs", 68, 5), std("core::str::slice_error_fail_rt", "core/src/str/mod.rs", 75, 9), std("core::panicking::panic_fmt", "core/src/panicking.rs", 74, 14), std("rust_begin_unwind", "std/src/panicking.rs", 662, 5))),),
        (see("sentry.error", 2), see("splunk", 2, **PANICS, backtrace=True), see("datadog.log", **PANIC_MONITOR)),
        classes=(4,), pair="co-taxcode-parse-int", entry="hmrc_notices"),
    # HMRC's gateway and NEST both timing out behind one XML helper.
    Bug("co-hmrc-timeout", "payroll-cron", timeout("https://transaction-engine.tax.service.gov.uk/submission", "submitting FPS for employer {id}", (cron("jobs::rti::submit_fps::{{closure}}", "jobs/rti.rs", 81, 14), cron("hmrc::gateway::submit::{{closure}}", "hmrc/gateway.rs", 40, 9))),
        (see("sentry.error", 3), see("splunk", 2, **CRON_SEARCH), see("datadog.log", 2, **CRON_MONITOR)),
        **CRON_LOG, classes=(9,), pair="co-nest-timeout", entry="rti_submit"),
    Bug("co-nest-timeout", "payroll-cron", timeout("https://ws.nestpensions.org.uk/employer/contributions", "uploading contribution schedule {id}", (cron("jobs::pensions::export::{{closure}}", "jobs/pensions.rs", 52, 14), cron("pensions::nest::upload::{{closure}}", "pensions/nest.rs", 33, 9))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **CRON_SEARCH), see("datadog.log", **CRON_MONITOR)),
        **CRON_LOG, classes=(5, 9), pair="co-hmrc-timeout", entry="pension_export", span=2),
    # serde_json's null-for-string in two decoders: an employee's postcode (API import), a pension member's scheme reference (cron). The API's monitor pastes only the lines.
    Bug("co-import-postcode-null", "payroll-api", (Exc("Error", NULL_STRING, module="serde_json"), Exc("Error", "decoding address.postcode of row {idx}", (*ACTIX, api("routes::imports::employees::{{closure}}", "routes/imports.rs", 55, 31), api("imports::decode_row", "imports.rs", 90, 13), *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH, err="alternate"), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(4,), pair="co-nest-scheme-null", entry="POST /v1/employers/{employer_id}/imports/employees"),
    Bug("co-nest-scheme-null", "payroll-cron", (Exc("Error", NULL_STRING, module="serde_json"), Exc("Error", "decoding member.scheme_ref", (*CRON, cron("jobs::pensions::reconcile::{{closure}}", "jobs/pensions.rs", 104, 22), cron("pensions::nest::members::{{closure}}", "pensions/nest.rs", 71, 13), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **CRON_SEARCH), see("datadog.log", **CRON_MONITOR)),
        **CRON_LOG, classes=(4,), pair="co-import-postcode-null", entry="pension_reconcile"),
    # Payday morning: the pool's 10 connections all checked out by the payslip pages.
    Bug("co-pool-timeout", "payroll-api", (Exc("PoolTimedOut", "pool timed out while waiting for an open connection"), Exc("Error", "loading payslips for employer {id}", (*ACTIX, api("routes::payslips::list::{{closure}}", "routes/payslips.rs", 22, 10), api("store::payslips::for_period::{{closure}}", "store/payslips.rs", 17, 10), SQLX_ACQUIRE, *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("splunk", **API_SEARCH), see("splunk", **API_SEARCH, err="alternate"), see("datadog.log", 2, **API_MONITOR)),
        **API_LOG, entry="GET /v1/employers/{employer_id}/payslips"),
    # Holiday accrual multiplying hours by a rate in pence overflows u32 for one salaried director.
    Bug("co-holiday-mul-overflow", "payroll-cron", (Exc("panic", "attempt to multiply with overflow", (*CRON, cron("jobs::pay_run::run::{{closure}}", "jobs/pay_run.rs", 66, 21), core("holiday::accrue", "holiday.rs", 37, 20), *MUL_OVERFLOW)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", **PANICS), see("splunk", **PANICS, backtrace=True), see("datadog.log", **PANIC_MONITOR)),
        classes=(5,), entry="pay_run", span=3, renames={"payroll_cron::jobs::pay_run::run::{{closure}}": "payroll_cron::jobs::pay_run::run_period::{{closure}}"}),
    # The BACS volume filling up before the Thursday file is written.
    Bug("co-bacs-disk-full", "payroll-cron", (Exc("Os", "No space left on device (os error 28)", module="std::io"), Exc("Error", "writing BACS file /srv/bacs/out/CB{id}.txt", (*CRON, cron("jobs::bacs::write_file::{{closure}}", "jobs/bacs.rs", 49, 18), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("splunk", 2, **CRON_SEARCH), see("datadog.log", **CRON_MONITOR)),
        **CRON_LOG, entry="bacs_file"),
    # HMRC accepting the transport but rejecting the IRmark: a business error in the response body.
    Bug("co-rti-irmark", "payroll-cron", (Exc("Error", "HMRC rejected submission {uuid}: 2021 IRmark is incorrect", (*CRON, cron("jobs::rti::submit_fps::{{closure}}", "jobs/rti.rs", 88, 14), cron("hmrc::gateway::poll::{{closure}}", "hmrc/gateway.rs", 77, 21))),),
        (see("sentry.error", 2), see("splunk", 2, **CRON_SEARCH), see("datadog.log", **CRON_MONITOR)),
        **CRON_LOG, entry="rti_submit"),
    # The rota grid indexing a 7-day week with an ISO weekday (1..=7).
    Bug("co-rota-bounds", "payroll-api", (Exc("panic", "index out of bounds: the len is 7 but the index is 7", (*ACTIX, api("routes::rota::week::{{closure}}", "routes/rota.rs", 31, 26), api("rota::week_columns", "rota.rs", 58, 21), *BOUNDS)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **PANICS, thread=API_THREAD), see("datadog.log", **PANIC_MONITOR, thread=API_THREAD)),
        entry="GET /v1/employers/{employer_id}/rota/{week}"),
    # The payslip renderer's font missing from a slimmed image; the render function renamed later.
    Bug("co-payslip-font", "payroll-api", (Exc("Os", "No such file or directory (os error 2)", module="std::io"), Exc("Error", "loading font /usr/share/fonts/corriebeck/Inter-Regular.ttf", (*ACTIX, api("routes::payslips::pdf::{{closure}}", "routes/payslips.rs", 63, 18), api("pdf::render_payslip", "pdf.rs", 28, 9), api("pdf::fonts::load", "pdf/fonts.rs", 14, 10), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(5,), entry="GET /v1/employers/{employer_id}/payslips/{payslip_id}.pdf", span=2, renames={"payroll_api::pdf::render_payslip": "payroll_api::pdf::render"}),
    # tokio-cron-scheduler's overrun warning from the pension export: one template, no bug.
    Bug("co-cron-overrun", "payroll-cron", (),
        (see("splunk", 3, search="payroll-cron slow jobs", line='{"time":"{tsnaive}000+00:00","message":"job pension_export ran {ms} ms, next run at {hms} skipped","module_path":"payroll_cron::scheduler","file":"crates/payroll-cron/src/scheduler.rs","line":88,"level":"WARN","target":"payroll_cron::scheduler","thread":"tokio-runtime-worker","thread_id":{idx},"mdc":{}}'), see("datadog.log", monitor="payroll-cron overruns", team="payroll", filter="service:payroll-cron @message:*skipped*", text="payroll-cron: job pension_export ran {ms} ms and skipped its next run.")),
        classes=(7,)),
    # Seen once: the SMTP relay refusing a payslip email.
    Bug("co-payslip-mail-550", "payroll-cron", (Exc("Error", "permanent error (550): 5.1.1 mailbox unavailable", module="lettre::transport::smtp"), Exc("Error", "emailing payslip to {email}", (*CRON, cron("jobs::payslip_mail::send::{{closure}}", "jobs/payslip_mail.rs", 40, 18), *ANYHOW_CONTEXT))),
        (see("sentry.error"),),
        **CRON_LOG, singleton=True, entry="payslip_mail"),
]

NOISE = [
    Noise("co-noise-actix-start", "payroll-api", "splunk", {**API_SEARCH, "line": "{ts} INFO actix_server::builder - starting 4 workers"}),
    Noise("co-noise-cron-start", "payroll-cron", "splunk", {"search": "payroll-cron errors", "line": '{"time":"{tsnaive}000+00:00","message":"scheduler started with 7 jobs","module_path":"payroll_cron","file":"crates/payroll-cron/src/main.rs","line":52,"level":"INFO","target":"payroll_cron","thread":"main","thread_id":1,"mdc":{}}'}),
    Noise("co-noise-recovered", "payroll-cron", "datadog.log", {"monitor": "payroll-cron job failures", "team": "payroll", "transition": "Recovered", "alert_type": "success", "text": "payroll-cron job failures are back to zero."}),
]

CORRIEBECK = Company(
    key="co",
    name="Corriebeck Payroll",
    domain="corriebeck.example",
    sentry_org="corriebeck",
    splunk_url="https://corriebeck.splunkcloud.com",
    splunk_guid="8B2D41F7-63C0-4E95-B1A8-2F9D07C5E3A4",
    datadog_org=("613904", "Corriebeck Payroll"),
    datadog_template="nested",
    posthog_project=(0, ""),
    releases=("2026.10.2", "2026.11.0", "2026.11.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="corriebeck-sentry-client-secret",
)
# fmt: on
