"""(eg) Embleton Energy, a smart-meter readings and billing API for small suppliers: a Rails
7.1 API-only app on Puma and Ruby 3.2 (``meter-api``) and GoodJob 3 workers (``meter-jobs``,
``good_job start``) from the same code, on Heroku-style containers.

Sentry: sentry-rails with sentry-ruby's GoodJob/Active Job reporting. Splunk indexes the
production log as Rails writes it by default (``config.log_tags = [:request_id]``, no
lograge: the FATAL block of ``DebugExceptions``) and Active Job's ``Error performing`` lines
from GoodJob. Datadog (ddtrace, the default payload) has APM error monitors on the API and a
log monitor on failed jobs. No PostHog: the customer portal is another company's.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby.rails", "5.19.0", "gem:sentry-rails")
SERVICES = {
    "meter-api": Service("meter-api", "ruby", "eg-rails-fatal", "rails:production", "/app/log/production.log", "eg_prod", 7440051, "ruby 3.2.5", framework="rails", sdk=SDK),
    "meter-jobs": Service("meter-jobs", "ruby", "eg-goodjob-failed", "rails:goodjob", "/app/log/production.log", "eg_prod", 7440054, "ruby 3.2.5", framework="activejob", sdk=SDK),
}


def app(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def gem(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line, lib=True)


AP = "actionpack-7.1.4/lib/"
AJ = "activejob-7.1.4/lib/active_job/"
RAILS = (
    gem("puma-6.4.2/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
    gem("puma-6.4.2/lib/puma/server.rb", "process_client", 424),
    gem(AP + "action_dispatch/journey/router.rb", "block in serve", 35),
    gem(AP + "action_dispatch/routing/route_set.rb", "dispatch", 33),
    gem(AP + "action_controller/metal.rb", "dispatch", 289),
    gem(AP + "abstract_controller/base.rb", "process", 160),
    gem(AP + "abstract_controller/callbacks.rb", "block in process_action", 258),
    gem(AP + "action_controller/metal/basic_implicit_render.rb", "send_action", 6),
)
GOODJOB = (
    gem("concurrent-ruby-1.3.4/lib/concurrent-ruby/concurrent/executor/ruby_thread_pool_executor.rb", "block in create_worker", 359),
    gem("good_job-3.29.3/lib/good_job/job_performer.rb", "next", 57),
    gem("good_job-3.29.3/app/models/good_job/job.rb", "perform", 570),
    gem(AJ + "execution.rb", "execute", 29),
    gem(AJ + "execution.rb", "perform_now", 68),
    gem(AJ + "execution.rb", "_perform_job", 84),
)
AR_FIND = (gem("activerecord-7.1.4/lib/active_record/core.rb", "find", 268),)
AR_SAVE = (
    gem("activerecord-7.1.4/lib/active_record/validations.rb", "save!", 52),
    gem("activerecord-7.1.4/lib/active_record/validations.rb", "raise_validation_error", 84),
)
AR_INSERT = (
    gem("activerecord-7.1.4/lib/active_record/persistence.rb", "save!", 390),
    gem("activerecord-7.1.4/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_insert", 76),
)
# Every call to the grid operator's API goes through one Faraday connection.
GRID = (
    app("app/clients/grid_client.rb", "get", 27),
    gem("faraday-2.10.1/lib/faraday/rack_builder.rb", "build_response", 152),
    gem("faraday-net_http-3.1.1/lib/faraday/adapter/net_http.rb", "call", 67),
)
WEB = {"search": "meter-api - exceptions"}
JOBS = {"search": "meter-jobs - failed jobs", "sourcetype": "rails:goodjob"}
APM = {"monitor": "meter-api errors"}
DD = {"team": "metering", "monitor": "meter-jobs failed jobs", "filter": "service:meter-jobs \"Error performing\"", "style": "sample"}
NIL_TARIFF = "undefined method `unit_rate' for nil:NilClass"


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*RAILS, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*GOODJOB, *frames)


def invalid(msg: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("RecordInvalid", f"Validation failed: {msg}", frames, module="ActiveRecord"),)


def not_unique(index: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames, module="PG"),
        Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", frames, module="ActiveRecord"),
    )


BUGS = [
    # A meter with no tariff: the bill preview and the monthly billing job.
    Bug("eg-preview-tariff-nil", "meter-api", (Exc("NoMethodError", NIL_TARIFF, web(app("app/controllers/bill_previews_controller.rb", "show", 14), app("app/models/meter.rb", "standing_charge", 52))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4, 5), pair="eg-billing-tariff-nil", entry="GET /meters/{id}/bill_preview", span=3, renames={"standing_charge": "daily_standing_charge"}),
    Bug("eg-billing-tariff-nil", "meter-jobs", (Exc("NoMethodError", NIL_TARIFF, job(app("app/jobs/monthly_billing_job.rb", "perform", 18), app("app/services/bill_calculator.rb", "energy_cost", 33))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, queue="billing", **JOBS), see("datadog.log", **DD)),
        classes=(4,), pair="eg-preview-tariff-nil", entry="MonthlyBillingJob"),
    # Which record was missing is the bug.
    Bug("eg-meter-not-found", "meter-api", (Exc("RecordNotFound", "Couldn't find Meter with 'id'={id}", web(app("app/controllers/readings_controller.rb", "create", 9), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="eg-account-not-found", entry="POST /meters/{id}/readings"),
    Bug("eg-account-not-found", "meter-api", (Exc("RecordNotFound", "Couldn't find Account with 'id'={idx}", web(app("app/controllers/readings_controller.rb", "index", 31), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB)),
        classes=(4,), pair="eg-meter-not-found", entry="GET /accounts/{id}/readings"),
    # Readings failing validation on the API and in the half-hourly import.
    Bug("eg-reading-invalid", "meter-api", invalid("Value must be greater than or equal to 0", web(app("app/controllers/readings_controller.rb", "create", 17), *AR_SAVE)),
        (see("sentry.error", 3), see("splunk", 2, **WEB)),
        classes=(4,), pair="eg-import-invalid", entry="POST /meters/{id}/readings"),
    Bug("eg-import-invalid", "meter-jobs", invalid("Read at is before the meter's install date", job(app("app/jobs/half_hourly_import_job.rb", "perform", 26), app("app/services/reading_import.rb", "store", 41), *AR_SAVE)),
        (see("sentry.error", 3), see("splunk", 2, queue="imports", **JOBS), see("datadog.log", **DD)),
        classes=(4,), pair="eg-reading-invalid", entry="HalfHourlyImportJob"),
    # The grid operator's API: a timeout and a refusal in the same method.
    Bug("eg-grid-timeout", "meter-jobs", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(app("app/jobs/mpan_lookup_job.rb", "perform", 11), *GRID), module="Net"), Exc("TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(app("app/jobs/mpan_lookup_job.rb", "perform", 11), *GRID), module="Faraday")),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, queue="default", **JOBS), see("datadog.log", **DD)),
        classes=(8, 9), pair="eg-grid-refused", entry="MpanLookupJob", span=2),
    Bug("eg-grid-refused", "meter-jobs", (Exc("ConnectionFailed", "Failed to open TCP connection to api.gridop.example:443 (Connection refused - connect(2) for \"api.gridop.example\" port 443)", job(app("app/jobs/mpan_lookup_job.rb", "perform", 11), *GRID), module="Faraday"),),
        (see("sentry.error", 3), see("splunk", 2, queue="default", **JOBS)),
        classes=(8, 9), pair="eg-grid-timeout", entry="MpanLookupJob"),
    # Two unique indexes.
    Bug("eg-reading-unique", "meter-api", not_unique("index_readings_on_meter_id_and_read_at", "Key (meter_id, read_at)=({id}, {date} 00:30:00) already exists.", web(app("app/controllers/readings_controller.rb", "create", 19), *AR_INSERT)),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(3, 4), pair="eg-invoice-unique", entry="POST /meters/{id}/readings"),
    Bug("eg-invoice-unique", "meter-jobs", not_unique("index_invoices_on_account_id_and_period", "Key (account_id, period)=({idx}, 2026-02) already exists.", job(app("app/jobs/monthly_billing_job.rb", "perform", 27), app("app/services/invoice_writer.rb", "write", 15), *AR_INSERT)),
        (see("sentry.error", 3), see("splunk", 2, queue="billing", **JOBS), see("datadog.log", **DD)),
        classes=(3, 4), pair="eg-reading-unique", entry="MonthlyBillingJob"),
    # Two tariff CSV failures in the same import method.
    Bug("eg-tariff-key", "meter-jobs", (Exc("KeyError", "key not found: \"region\"", job(app("app/jobs/tariff_import_job.rb", "perform", 8), app("app/services/tariff_csv.rb", "each_rate", 22))),),
        (see("sentry.error", 2), see("splunk", 2, queue="imports", **JOBS)),
        classes=(4,), pair="eg-tariff-float", entry="TariffImportJob"),
    Bug("eg-tariff-float", "meter-jobs", (Exc("ArgumentError", "invalid value for Float(): \"{n}p/kWh\"", job(app("app/jobs/tariff_import_job.rb", "perform", 8), app("app/services/tariff_csv.rb", "each_rate", 25))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, queue="imports", **JOBS), see("datadog.log", **DD)),
        classes=(4,), pair="eg-tariff-key", entry="TariffImportJob"),
    Bug("eg-billing-deadlock", "meter-jobs", (Exc("Deadlocked", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {idx} waits for ShareLock on transaction 91{id}; blocked by process 3{idx}.\n", job(app("app/jobs/monthly_billing_job.rb", "perform", 31), app("app/services/balance_ledger.rb", "post", 44), *AR_INSERT), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", 3, queue="billing", **JOBS), see("datadog.log", **DD)),
        classes=(9,), entry="MonthlyBillingJob"),
    Bug("eg-webhook-json", "meter-api", (Exc("ParserError", "unexpected token at '{\"mpan\": \"{n}'", web(app("app/controllers/webhooks/grid_controller.rb", "create", 8), gem("json-2.7.2/lib/json/common.rb", "parse", 219)), module="JSON"),),
        (see("sentry.error"), see("splunk", 1, **WEB)),
        singleton=True, entry="POST /webhooks/grid"),
    Bug("eg-export-zero-div", "meter-api", (Exc("ZeroDivisionError", "divided by 0", web(app("app/controllers/usage_reports_controller.rb", "show", 21), app("app/services/usage_report.rb", "average_daily", 37))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /accounts/{id}/usage_report"),
]

NOISE = [
    Noise("eg-noise-deploy", "meter-api", "datadog.event", {"monitor": "Deployed meter-api 2026.3.2", "text": "meter-api release v212 deployed (2026.3.2), 4 web dynos, 2 worker dynos.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "metering"}),
    Noise("eg-noise-recovered", "meter-jobs", "datadog.log", {"monitor": "meter-jobs failed jobs", "transition": "Recovered", "alert_type": "success", "team": "metering", "filter": "service:meter-jobs \"Error performing\"", "text": "No failed jobs on meter-jobs in the last 15 minutes."}),
    Noise("eg-noise-boot", "meter-jobs", "splunk", {**JOBS, "line": "I, [{ts} #1]  INFO -- : [GoodJob] GoodJob 3.29.3 started scheduler with queues=* max_threads=5."}),
]

EMBLETON = Company(
    key="eg",
    name="Embleton Energy",
    domain="embleton.example",
    sentry_org="embleton",
    splunk_url="https://embleton.splunkcloud.com",
    splunk_guid="B81F4C2D-3A6E-4E07-9D15-6C2B8A0F7E93",
    datadog_org=("540388", "Embleton Energy"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.1", "2026.3.2", "2026.3.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="embleton-sentry-client-secret",
)
# fmt: on
