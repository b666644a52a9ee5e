"""(hm) Rampside Marina, berth bookings, haul-outs and yard invoices: a Rails 7.1 JSON API
(``api``, ``ActionController::API`` under Puma 6 on Ruby 3.3; PostgreSQL, Faraday to a tide
service, Stripe, Active Storage on S3).

Rails' production logger (``Logger::Formatter`` under ``TaggedLogging`` with the request id
tag) on stdout: lograge's key=value line per request (``method=POST path=/x format=json
controller=... action=... status=500 error='Class: message' duration=...``, no backtrace)
and ``DebugExceptions``' FATAL block (``Class (message):`` over the app's backtrace lines,
every line tagged). No Splunk: Datadog log monitors paste ``{{log.message}}`` samples of
either, one monitor per controller on the team's own template. Sentry: sentry-ruby with
sentry-rails. PostHog: posthog-ruby's ``capture_exception`` in the API's ``rescue_from``.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# fmt: off
SDK = ("sentry.ruby.rails", "5.17.3", "gem:sentry-rails")
SERVICES = {
    "api": Service("api", "ruby", "hm-lograge-kv", "kube:container:api", "/var/log/containers/api.log", "hm_k8s", 8840121, "ruby 3.3.5", framework="rails", sdk=SDK),
}
AP = "actionpack-7.1.4"
REQ = (
    rb("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 163, lib=True),
    rb("puma-6.4.3/lib/puma/server.rb", "process_client", 449, lib=True),
    rb(f"{AP}/lib/action_dispatch/journey/router.rb", "block in serve", 35, lib=True),
    rb(f"{AP}/lib/action_dispatch/routing/route_set.rb", "dispatch", 33, lib=True),
    rb(f"{AP}/lib/action_controller/metal.rb", "dispatch", 315, lib=True),
    rb(f"{AP}/lib/abstract_controller/base.rb", "process", 160, lib=True),
    rb("activesupport-7.1.4/lib/active_support/callbacks.rb", "run_callbacks", 121, lib=True),
    rb(f"{AP}/lib/action_controller/metal/basic_implicit_render.rb", "send_action", 6, lib=True),
)
INSERT = (
    rb("activerecord-7.1.4/lib/active_record/persistence.rb", "save!", 405, lib=True),
    rb("activerecord-7.1.4/lib/active_record/persistence.rb", "_insert_record", 1259, lib=True),
    rb("activerecord-7.1.4/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_insert", 72, lib=True),
    rb("activerecord-7.1.4/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 894, lib=True),
)
FARADAY = (
    rb("faraday-2.9.2/lib/faraday/connection.rb", "run_request", 445, lib=True),
    rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "rescue in call", 70, lib=True),
)
STRIPE = rb("stripe-10.15.0/lib/stripe/stripe_client.rb", "execute_request", 304, lib=True)
SEASON = rb("app/models/season_rate.rb", "for", 17)
TIDE = rb("app/clients/tide_client.rb", "high_waters", 29)


def c(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*REQ, *frames)


def unique(index: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key ({key})=({{id}}) already exists.\n'
    return (Exc("UniqueViolation", pg, module="PG"), Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", (*frames, *INSERT), module="ActiveRecord"))


NIL_LENGTH = "undefined method `length_m' for nil"
KV = "{{log.message}}"


def mon(controller: str, **more: object) -> dict[str, object]:
    return dict(team="marina", monitor=f"[rampside] 500s in {controller}", filter=f"service:api @status:500 @controller:{controller}", text=f"500s on **{{{{log.service}}}}** ({controller}):\n\n```\n{KV}\n```", **more)


FATAL = {"format": "hm-rails-fatal"}

BUGS = [
    # A boat without a recorded length: a berth quote and a haul-out booking.
    Bug("hm-quote-nil-length", "api", (Exc("NoMethodError", NIL_LENGTH, http(c("app/controllers/api/v1/berths_controller.rb", "quote", 22), c("app/services/berth_pricer.rb", "nightly_rate", 14))),),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.log", **mon("Api::V1::BerthsController")), see("datadog.log", **mon("Api::V1::BerthsController", sample_lines=5), **FATAL)),
        classes=(4, 5), pair="hm-haulout-nil-length", logger="Api::V1::BerthsController#quote", entry="POST /api/v1/berths/{id}/quote", span=2, renames={"quote": "price"}),
    Bug("hm-haulout-nil-length", "api", (Exc("NoMethodError", NIL_LENGTH, http(c("app/controllers/api/v1/haul_outs_controller.rb", "create", 31), c("app/models/haul_out.rb", "crane_slot_minutes", 48))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **mon("Api::V1::HaulOutsController", sample_lines=5), **FATAL)),
        classes=(4,), pair="hm-quote-nil-length", logger="Api::V1::HaulOutsController#create", entry="POST /api/v1/haul_outs"),
    # One save!, two unique indexes.
    Bug("hm-dup-booking", "api", unique("index_berth_bookings_on_berth_id_and_starts_on", "berth_id, starts_on", http(c("app/controllers/api/v1/bookings_controller.rb", "create", 18), c("app/models/berth_booking.rb", "reserve!", 36))),
        (see("sentry.error", 3), see("posthog"), see("datadog.log", **mon("Api::V1::BookingsController"))),
        classes=(4,), pair="hm-dup-hin", logger="Api::V1::BookingsController#create", entry="POST /api/v1/bookings"),
    Bug("hm-dup-hin", "api", unique("index_boats_on_hull_identification_number", "hull_identification_number", http(c("app/controllers/api/v1/boats_controller.rb", "create", 15))),
        (see("sentry.error", 2), see("datadog.log", **mon("Api::V1::BoatsController", sample_lines=6), **FATAL), see("datadog.log", **mon("Api::V1::BoatsController"))),
        classes=(4,), pair="hm-dup-booking", logger="Api::V1::BoatsController#create", entry="POST /api/v1/boats"),
    # One tide client method, two exceptions: a read timeout and an HTML maintenance page.
    Bug("hm-tide-timeout", "api", (Exc("TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", http(c("app/controllers/api/v1/haul_outs_controller.rb", "slots", 12), c("app/services/crane_planner.rb", "windows_for", 23), TIDE, *FARADAY), module="Faraday"),),
        (see("sentry.error", 3), see("posthog"), see("datadog.log", **mon("Api::V1::HaulOutsController"))),
        classes=(9,), pair="hm-tide-html", logger="Api::V1::HaulOutsController#slots", entry="GET /api/v1/haul_outs/slots"),
    Bug("hm-tide-html", "api", (Exc("ParserError", "unexpected character: '<!DOCTYPE' at line 1 column 1", http(c("app/controllers/api/v1/haul_outs_controller.rb", "slots", 12), c("app/services/crane_planner.rb", "windows_for", 23), rb("app/clients/tide_client.rb", "high_waters", 31), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True)), module="JSON"),),
        (see("sentry.error", 2), see("datadog.log", **mon("Api::V1::HaulOutsController", sample_lines=4), **FATAL)),
        classes=(4,), pair="hm-tide-timeout", logger="Api::V1::HaulOutsController#slots", entry="GET /api/v1/haul_outs/slots"),
    # One season-rate helper at the end of two bugs: berth quotes and yard invoices in a month no rate covers.
    Bug("hm-season-quote", "api", (Exc("KeyError", "key not found: :shoulder", http(c("app/controllers/api/v1/berths_controller.rb", "availability", 41), c("app/services/berth_pricer.rb", "season_multiplier", 29), SEASON)),),
        (see("sentry.error", 2), see("posthog", 1), see("datadog.log", **mon("Api::V1::BerthsController"))),
        classes=(9,), pair="hm-season-invoice", logger="Api::V1::BerthsController#availability", entry="GET /api/v1/berths/availability"),
    Bug("hm-season-invoice", "api", (Exc("KeyError", "key not found: :shoulder", http(c("app/controllers/api/v1/invoices_controller.rb", "create", 27), c("app/services/yard_invoice_builder.rb", "storage_line", 58), SEASON)),),
        (see("sentry.error", 3), see("datadog.log", **mon("Api::V1::InvoicesController", sample_lines=5), **FATAL)),
        classes=(9,), pair="hm-season-quote", logger="Api::V1::InvoicesController#create", entry="POST /api/v1/invoices"),
    # Two Stripe failures under one payments monitor.
    Bug("hm-card-declined", "api", (Exc("CardError", "Your card was declined.", http(c("app/controllers/api/v1/payments_controller.rb", "create", 19), c("app/services/payments/deposit.rb", "charge!", 33), STRIPE), module="Stripe"),),
        (see("sentry.error", 2), see("posthog"), see("datadog.log", 2, **mon("Api::V1::PaymentsController"))),
        classes=(2,), pair="hm-no-customer", logger="Api::V1::PaymentsController#create", entry="POST /api/v1/payments"),
    Bug("hm-no-customer", "api", (Exc("InvalidRequestError", "No such customer: 'cus_{hex}'", http(c("app/controllers/api/v1/payments_controller.rb", "create", 19), c("app/services/payments/deposit.rb", "customer_for", 51), STRIPE), module="Stripe"),),
        (see("sentry.error", 3), see("datadog.log", 2, **mon("Api::V1::PaymentsController"))),
        classes=(2,), pair="hm-card-declined", logger="Api::V1::PaymentsController#create", entry="POST /api/v1/payments"),
    # Not pairs.
    Bug("hm-statement-timeout", "api", (Exc("QueryCanceled", "ERROR:  canceling statement due to statement timeout\n", module="PG"), Exc("QueryCanceled", "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout\n", http(c("app/controllers/api/v1/reports_controller.rb", "occupancy", 9), c("app/queries/occupancy_report.rb", "rows", 22), rb("activerecord-7.1.4/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 894, lib=True)), module="ActiveRecord")),
        (see("sentry.error", 3), see("datadog.log", **mon("Api::V1::ReportsController")), see("datadog.log", **mon("Api::V1::ReportsController", sample_lines=5), **FATAL)),
        classes=(1,), logger="Api::V1::ReportsController#occupancy", entry="GET /api/v1/reports/occupancy"),
    Bug("hm-pool-timeout", "api", (Exc("ConnectionTimeoutError", "could not obtain a connection from the pool within 5.000 seconds (waited 5.0{idx}{idx} seconds); all pooled connections were in use", http(c("app/controllers/api/v1/berths_controller.rb", "index", 8), rb("activerecord-7.1.4/lib/active_record/connection_adapters/abstract/connection_pool/queue.rb", "timeout", 128, lib=True)), module="ActiveRecord"),),
        (see("sentry.error", 2), see("sentry.alert", rule="Database pool exhausted"), see("datadog.log", **mon("Api::V1::BerthsController"))),
        classes=(5,), logger="Api::V1::BerthsController#index", entry="GET /api/v1/berths", span=2),
    Bug("hm-s3-denied", "api", (Exc("AccessDenied", "Access Denied", http(c("app/controllers/api/v1/documents_controller.rb", "create", 14), rb("activestorage-7.1.4/lib/active_storage/service/s3_service.rb", "upload", 30, lib=True), rb("aws-sdk-core-3.201.3/lib/seahorse/client/plugins/raise_response_errors.rb", "call", 17, lib=True)), module="Aws::S3::Errors"),),
        (see("sentry.error", 3), see("posthog"), see("datadog.log", **mon("Api::V1::DocumentsController", sample_lines=5), **FATAL)),
        classes=(1,), logger="Api::V1::DocumentsController#create", entry="POST /api/v1/documents"),
    Bug("hm-invalid-date", "api", (Exc("Error", "invalid date", http(c("app/controllers/api/v1/bookings_controller.rb", "extend", 44), c("app/forms/extension_form.rb", "departs_on", 12)), module="Date"),),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.log", **mon("Api::V1::BookingsController"))),
        logger="Api::V1::BookingsController#extend", entry="PATCH /api/v1/bookings/{id}/extend"),
    Bug("hm-singleton-frozen", "api", (Exc("FrozenError", "can't modify frozen String: \"Antifoul + polish\"", http(c("app/controllers/api/v1/yard_jobs_controller.rb", "update", 37), c("app/models/yard_job.rb", "append_note", 62))),),
        (see("sentry.error"),),
        singleton=True, logger="Api::V1::YardJobsController#update", entry="PATCH /api/v1/yard_jobs/{id}"),
]

NOISE = [
    Noise("hm-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api 2026.03.14", "text": "Kamal deployed api 2026.03.14 to 3 hosts.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "marina"}),
    Noise("hm-noise-recovered", "api", "datadog.log", {"monitor": "[rampside] 500s in Api::V1::PaymentsController", "transition": "Recovered", "alert_type": "success", "team": "marina", "filter": "service:api @status:500 @controller:Api::V1::PaymentsController", "text": "500s in PaymentsController back to normal."}),
    Noise("hm-noise-heartbeat", "api", "datadog.event", {"monitor": "[rampside] api heartbeat", "text": "Heartbeat: api /up returned 200 from 3 locations.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "marina"}),
]

RAMPSIDE = Company(
    key="hm",
    name="Rampside Marina",
    domain="rampside-marina.example",
    sentry_org="rampside",
    splunk_url="https://rampside.splunkcloud.com",
    splunk_guid="1C7E5B30-9D24-4A68-B3F1-6E0A8C2D5F97",
    datadog_org=("839902", "Rampside Marina"),
    datadog_template="own",
    posthog_project=(91820, "Rampside API"),
    releases=("2026.03.10", "2026.03.12", "2026.03.14"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="rampside-sentry-client-secret",
)
# fmt: on
