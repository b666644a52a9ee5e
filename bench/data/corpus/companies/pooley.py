"""(mi) Pooley Cycle Hire, docked e-bike hire in three lakeside towns: ``rentals-web``, a Ruby 3.3
Sinatra 4 app on Puma (Sequel 5 over Heroku Postgres, Stripe), and ``rentals-worker``, Sidekiq
7 worker dynos on Ruby 3.4 (dock telemetry sync, payouts to dock hosts, receipts), on Heroku.

Logs: Logplex drains, one stdout/stderr line an RFC 5424 event. Splunk reads an HTTPS drain at
HEC's raw endpoint (``/services/collector/raw``): Sinatra's ``dump_errors!`` text (its head
line, one backtrace line, or a ``transaction`` of the lines) and Sidekiq's default error
handler's ``WARN`` lines, one saved search per dyno type; the router's ``H12`` lines. Datadog:
a drain to the HTTP intake (``ddsource=heroku``), one log monitor per dyno type pasting the
event, and dd-trace-rb's APM monitor by error type on the web dynos. Sentry: sentry-ruby's Rack
middleware and sentry-sidekiq. PostHog: posthog-ruby's ``capture_exception`` in Sinatra's
``error`` block (all four tools).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby", "5.18.2", "gem:sentry-ruby")
SDK_SQ = ("sentry.ruby.sidekiq", "5.18.2", "gem:sentry-sidekiq")
SERVICES = {
    "rentals-web": Service("rentals-web", "ruby", "mi-drain", "heroku:drain", "http:heroku-pooley-rentals", "pooley_heroku", 11430031, "ruby 3.3.5", framework="sinatra", sdk=SDK),
    "rentals-worker": Service("rentals-worker", "ruby", "mi-drain", "heroku:drain", "http:heroku-pooley-rentals", "pooley_heroku", 11430032, "ruby 3.4.1", framework="sidekiq", sdk=SDK_SQ),
}

SINATRA = (
    rb("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155, lib=True),
    rb("puma-6.4.3/lib/puma/server.rb", "process_client", 438, lib=True),
    rb("puma-6.4.3/lib/puma/request.rb", "handle_request", 99, lib=True),
    rb("sentry-ruby-5.18.2/lib/sentry/rack/capture_exceptions.rb", "call", 30, lib=True),
    rb("sinatra-4.0.0/lib/sinatra/base.rb", "call", 1003, lib=True),
    rb("sinatra-4.0.0/lib/sinatra/base.rb", "dispatch!", 1164, lib=True),
    rb("sinatra-4.0.0/lib/sinatra/base.rb", "route!", 1083, lib=True),
    rb("sinatra-4.0.0/lib/sinatra/base.rb", "route_eval", 1098, lib=True),
)
SIDEKIQ = (
    rb("sidekiq-7.3.0/lib/sidekiq/processor.rb", "Sidekiq::Processor#process", 174, lib=True),
    rb("sidekiq-7.3.0/lib/sidekiq/middleware/chain.rb", "Sidekiq::Middleware::Chain#invoke", 182, lib=True),
    rb("sidekiq-7.3.0/lib/sidekiq/processor.rb", "Sidekiq::Processor#execute_job", 206, lib=True),
)
SEQ = "sequel-5.82.0/lib/sequel/"
INSERT = (
    rb(SEQ + "model/base.rb", "save", 1526, lib=True),
    rb(SEQ + "adapters/postgres.rb", "execute", 501, lib=True),
    rb(SEQ + "adapters/postgres.rb", "check_disconnect_errors", 162, lib=True),
)
HTTP = (
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "Net::BufferedIO#rbuf_fill", 229, lib=True),
)


def route(file: str, block: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*SINATRA, rb(f"app/routes/{file}.rb", block, line), *more)


def job(name: str, klass: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*SIDEKIQ, rb(f"app/jobs/{name}.rb", f"{klass}#perform", line), *more)


def unique(index: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("UniqueConstraintViolation", f'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  {detail}', frames, module="Sequel"),)


WEB = dict(search="pooley rentals - web dyno errors", owner="svc_heroku", app="pooley")
WEB_HEAD = dict(WEB, part="head")
WEB_FRAME = dict(WEB, part="frame")
WORK = dict(search="pooley rentals - Sidekiq job exceptions", owner="svc_heroku", app="pooley", part="head")
WORK_ALL = dict(WORK, part="all", limit=8)
ROUTER = dict(search="pooley rentals - router errors", owner="svc_heroku", app="pooley", sourcetype="heroku:router")
TEAM = "rentals"
DDWEB = dict(monitor="[rentals] exceptions on web dynos", team=TEAM, style="sample", format="mi-dd", filter="source:heroku service:pooley-rentals @syslog.procid:web*", sample_lines=1)
DDJOB = dict(monitor="[rentals] Sidekiq job raised exception", team=TEAM, style="sample", format="mi-dd", filter="source:heroku service:pooley-rentals @syslog.procid:worker* WARN", sample_lines=1)
APM = dict(monitor="rentals-web errors by type", team=TEAM)
PH: dict[str, object] = {}

BUGS = [
    # The same nil receiver in two routes: hire start and return.
    Bug("mi-hire-nil-dock", "rentals-web", (Exc("NoMethodError", "undefined method `dock_code' for nil", route("hires", "block in <class:HiresRoutes>", 27, rb("app/services/hire_starter.rb", "call", 18))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("splunk", **WEB_HEAD), see("datadog.log", **DDWEB), see("posthog", **PH)),
        classes=(4,), pair="mi-return-nil-dock", entry="POST /hires"),
    Bug("mi-return-nil-dock", "rentals-web", (Exc("NoMethodError", "undefined method `dock_code' for nil", route("returns", "block in <class:ReturnsRoutes>", 14, rb("app/services/return_handler.rb", "close_hire", 41))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.log", 2, **DDWEB), see("posthog", **PH)),
        classes=(4,), pair="mi-hire-nil-dock", entry="POST /returns"),
    # Unique violations on two tables.
    Bug("mi-hire-unique", "rentals-web", unique("hires_bike_id_open_idx", "Key (bike_id)=({n}) already exists.", route("hires", "block in <class:HiresRoutes>", 31, rb("app/services/hire_starter.rb", "call", 26), *INSERT)),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **DDWEB), see("datadog.apm", **APM), see("posthog", **PH)),
        classes=(1, 4), pair="mi-membership-unique", entry="POST /hires"),
    Bug("mi-membership-unique", "rentals-web", unique("memberships_rider_id_season_idx", "Key (rider_id, season)=({id}, 2026) already exists.", route("memberships", "block in <class:MembershipRoutes>", 19, rb("app/models/membership.rb", "activate!", 33), *INSERT)),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("splunk", **WEB_HEAD), see("datadog.log", **DDWEB), see("posthog", 2, **PH)),
        classes=(1, 4), pair="mi-hire-unique", entry="POST /memberships"),
    # One fare method, two exceptions.
    Bug("mi-fare-zero", "rentals-web", (Exc("ZeroDivisionError", "divided by 0", route("quotes", "block in <class:QuoteRoutes>", 12, rb("app/services/fare_calculator.rb", "per_minute", 22), rb("app/services/fare_calculator.rb", "/", 22))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM), see("posthog", **PH)),
        classes=(4,), pair="mi-fare-nil", entry="GET /quotes"),
    Bug("mi-fare-nil", "rentals-web", (Exc("TypeError", "nil can't be coerced into Integer", route("quotes", "block in <class:QuoteRoutes>", 12, rb("app/services/fare_calculator.rb", "per_minute", 25), rb("app/services/fare_calculator.rb", "+", 25))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **WEB), see("splunk", **WEB_FRAME), see("datadog.apm", **APM), see("posthog", **PH)),
        classes=(4, 5), pair="mi-fare-zero", entry="GET /quotes", span=3),
    # One HTTP helper, two jobs: dock telemetry and host payouts.
    Bug("mi-telemetry-timeout", "rentals-worker", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("dock_telemetry_sync_job", "DockTelemetrySyncJob", 16, rb("app/clients/json_client.rb", "JsonClient#get_json", 21), *HTTP), module="Net"),),
        (see("sentry.error", 3), see("splunk", 2, queue="telemetry", **WORK), see("splunk", queue="telemetry", **WORK_ALL), see("datadog.log", 2, queue="telemetry", **DDJOB)),
        classes=(9,), pair="mi-payout-timeout", entry="DockTelemetrySyncJob"),
    Bug("mi-payout-timeout", "rentals-worker", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("host_payout_job", "HostPayoutJob", 29, rb("app/clients/json_client.rb", "JsonClient#get_json", 21), *HTTP), module="Net"),),
        (see("sentry.error", 2), see("splunk", 2, queue="payouts", **WORK), see("datadog.log", 2, queue="payouts", **DDJOB)),
        classes=(9,), pair="mi-telemetry-timeout", entry="HostPayoutJob"),
    # Two different job failures only the one search and monitor join.
    Bug("mi-receipt-keyerror", "rentals-worker", (Exc("KeyError", "key not found: :vat_rate", job("receipt_job", "ReceiptJob", 34, rb("app/receipts/receipt_builder.rb", "ReceiptBuilder#totals", 17), rb("app/receipts/receipt_builder.rb", "Hash#fetch", 17))),),
        (see("sentry.error", 3), see("splunk", 2, queue="mailers", **WORK), see("datadog.log", 2, queue="mailers", **DDJOB)),
        classes=(2,), pair="mi-norow-bike", entry="ReceiptJob"),
    Bug("mi-norow-bike", "rentals-worker", (Exc("NoMatchingRow", "Sequel::NoMatchingRow", job("battery_alert_job", "BatteryAlertJob", 11, rb(SEQ + "model/base.rb", "Sequel::Model::ClassMethods#with_pk!", 651, lib=True))), ),
        (see("sentry.error", 2), see("splunk", 3, queue="telemetry", **WORK), see("datadog.log", 2, queue="telemetry", **DDJOB)),
        classes=(2,), pair="mi-receipt-keyerror", entry="BatteryAlertJob"),
    # Not pairs.
    Bug("mi-stripe-card", "rentals-web", (Exc("CardError", "Your card was declined.", route("payments", "block in <class:PaymentRoutes>", 23, rb("app/services/deposit_hold.rb", "call", 15), rb("stripe-12.0.0/lib/stripe/stripe_client.rb", "handle_error_response", 803, lib=True)), module="Stripe"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **DDWEB), see("datadog.apm", **APM), see("posthog", 2, **PH)),
        classes=(5,), entry="POST /payments/deposit", span=2),
    Bug("mi-h12-dock-map", "rentals-web", (Exc("H12", "Request timeout", ()),),
        (see("splunk", 3, line='<158>1 {tsnaive}+00:00 host heroku router - at=error code=H12 desc="Request timeout" method=GET path="/docks/map?town=glenridding&zoom={idx}" host=hire.pooleycycles.example request_id={uuid} fwd="{ip}" dyno=web.{idx} connect=0ms service=30000ms status=503 bytes=0 protocol=https', **ROUTER), see("datadog.log", 2, monitor="[rentals] H12 request timeouts", team=TEAM, filter="source:heroku @syslog.appname:heroku code:H12", text='at=error code=H12 desc="Request timeout" method=GET path="/docks/map?town=glenridding&zoom={idx}" dyno=web.{idx} connect=0ms service=30000ms status=503')),
        entry="GET /docks/map"),
    Bug("mi-pg-disconnect", "rentals-web", (Exc("DatabaseDisconnectError", "PG::ConnectionBad: PQconsumeInput() SSL SYSCALL error: EOF detected", route("docks", "block in <class:DockRoutes>", 8, rb(SEQ + "dataset/actions.rb", "all", 51, lib=True), rb(SEQ + "adapters/postgres.rb", "execute", 501, lib=True), rb(SEQ + "database/connecting.rb", "raise_error", 203, lib=True)), module="Sequel"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("splunk", **WEB_HEAD), see("datadog.log", 2, **DDWEB), see("datadog.apm", **APM)),
        entry="GET /docks"),
    # The same nil receiver (Ruby 3.4's wording) in two worker jobs.
    Bug("mi-payout-nil-host", "rentals-worker", (Exc("NoMethodError", "undefined method 'stripe_account_id' for nil", job("host_payout_job", "HostPayoutJob", 18)),),
        (see("sentry.error", 3), see("splunk", 2, queue="payouts", **WORK), see("datadog.log", 2, queue="payouts", **DDJOB)),
        classes=(4,), pair="mi-statement-nil-host", entry="HostPayoutJob"),
    Bug("mi-statement-nil-host", "rentals-worker", (Exc("NoMethodError", "undefined method 'stripe_account_id' for nil", job("host_statement_job", "HostStatementJob", 24, rb("app/statements/statement_pdf.rb", "StatementPdf#header", 12))),),
        (see("sentry.error", 2), see("splunk", 2, queue="mailers", **WORK), see("splunk", queue="mailers", **WORK_ALL), see("datadog.log", queue="mailers", **DDJOB)),
        classes=(4,), pair="mi-payout-nil-host", entry="HostStatementJob"),
    Bug("mi-singleton-stack", "rentals-web", (Exc("SystemStackError", "stack level too deep", route("routes_planner", "block in <class:PlannerRoutes>", 9, rb("app/services/route_planner.rb", "expand", 31))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /planner"),
]

NOISE = [
    Noise("mi-noise-release", "rentals-web", "splunk", {**WEB, "line": "<190>1 {tsnaive}+00:00 host app api - Release v14{n} created by user deploys@pooleycycles.example"}),
    Noise("mi-noise-up", "rentals-web", "splunk", {**WEB, "line": "<45>1 {tsnaive}+00:00 host heroku web.{idx} - State changed from starting to up"}),
    Noise("mi-noise-recovered", "rentals-worker", "datadog.log", {**DDJOB, "text": "No Sidekiq job exceptions on worker dynos in the last 15 minutes.", "transition": "Recovered", "alert_type": "success"}),
]

POOLEY = Company(
    key="mi",
    name="Pooley Cycle Hire",
    domain="pooleycycles.example",
    sentry_org="pooley-cycles",
    splunk_url="https://pooley.splunkcloud.example",
    splunk_guid="C41D8E27-0A6B-4F93-9D15-7E2B60A3F8C4",
    datadog_org=("1143003", "Pooley Cycle Hire"),
    datadog_template="recommended",
    posthog_project=(91430, "Pooley rentals"),
    releases=("v141", "v144", "v147"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pooley-sentry-client-secret",
)
# fmt: on
