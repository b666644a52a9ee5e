"""(dp) Dipperholme Ferries, ferry bookings: a Grape 2.0 API on Puma and Ruby 3.3 with
ActiveRecord but no Rails (``ferry-api``), Sidekiq 7.2 workers from the same code
(``ferry-jobs``).

Sentry: sentry-ruby's Rack middleware and sentry-sidekiq. Splunk indexes the API's stdout,
written by Ruby's stdlib ``Logger`` with its default formatter (``E, [time #pid] ERROR -- :
message (Class)`` and the whole backtrace, no cleaner), and Sidekiq's own WARN lines joined by
``tid``. Datadog (the recommended template): dd-trace-rb's APM monitors and Sidekiq queue
monitors, a log monitor pasting the Logger line. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import SIDEKIQ_JOB, rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby", "5.22.1", "gem:sentry-ruby")
SERVICES = {
    "ferry-api": Service("ferry-api", "ruby", "dp-ruby-logger", "dipperholme:api", "/app/log/puma.stdout.log", "dh_prod", 7390021, "ruby 3.3.6", framework="rack", sdk=SDK),
    "ferry-jobs": Service("ferry-jobs", "ruby", "dp-sidekiq-warn", "dipperholme:sidekiq", "/app/log/sidekiq.log", "dh_prod", 7390024, "ruby 3.3.6", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.22.1", "gem:sentry-sidekiq")),
}


def app(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def gem(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line, lib=True)


# Grape runs an endpoint's block inside its own method: every endpoint's innermost app frame
# is named ``block (2 levels) in <class:X>``.
GRAPE = (
    gem("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
    gem("puma-6.4.3/lib/puma/request.rb", "handle_request", 99),
    gem("rack-3.0.11/lib/rack/builder.rb", "call", 277),
    gem("grape-2.0.0/lib/grape/router.rb", "call", 94),
    gem("grape-2.0.0/lib/grape/middleware/base.rb", "call!", 28),
    gem("grape-2.0.0/lib/grape/middleware/error.rb", "block in call!", 39),
    gem("grape-2.0.0/lib/grape/endpoint.rb", "run", 265),
    gem("grape-2.0.0/lib/grape/endpoint.rb", "block (2 levels) in generate_api_method", 57),
)
AR_FIND = (
    gem("activerecord-7.1.5/lib/active_record/core.rb", "find", 253),
    gem("activerecord-7.1.5/lib/active_record/core.rb", "cached_find_by", 449),
)
AR_FIND_BY = (
    gem("activerecord-7.1.5/lib/active_record/core.rb", "find_by!", 279),
    gem("activerecord-7.1.5/lib/active_record/relation/finder_methods.rb", "find_by!", 117),
)
AR_INSERT = (
    gem("activerecord-7.1.5/lib/active_record/persistence.rb", "save!", 405),
    gem("activerecord-7.1.5/lib/active_record/persistence.rb", "_insert_record", 1259),
    gem("activerecord-7.1.5/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 894),
)
# Every payment-provider call goes through one helper that Faraday raises inside.
GATEWAY_POST = (
    app("lib/payments/gateway.rb", "post!", 44),
    gem("faraday-2.12.0/lib/faraday/connection.rb", "run_request", 450),
    gem("faraday-net_http-3.3.0/lib/faraday/adapter/net_http.rb", "rescue in call", 63),
)
JSON_PARSE = (gem("json-2.7.2/lib/json/common.rb", "parse", 219), gem("json-2.7.2/lib/json/common.rb", "parse", 219))
NIL_CAPACITY = "undefined method `car_deck_capacity' for nil"
API = {"search": "ferry-api - errors"}
JOBS = {"search": "ferry-jobs - sidekiq failures", "sourcetype": "dipperholme:sidekiq"}
APM = {"monitor": "ferry-api errors by type"}
TEAM = {"team": "ferries"}


def req(*frames: Frame) -> tuple[Frame, ...]:
    return (*GRAPE, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*SIDEKIQ_JOB, *frames)


def not_unique(index: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames, module="PG"),
        Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", frames, module="ActiveRecord"),
    )


def timeout(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", frames, module="Net"),
        Exc("TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", frames, module="Faraday"),
    )


BUGS = [
    # A sailing without a vessel assigned yet: the booking endpoint and the manifest job.
    Bug("dp-booking-vessel-nil", "ferry-api", (Exc("NoMethodError", NIL_CAPACITY, req(app("app/api/v1/bookings.rb", "block (2 levels) in <class:Bookings>", 38), app("app/models/sailing.rb", "vehicle_space_left", 27))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(4, 5), pair="dp-manifest-vessel-nil", entry="POST /v1/bookings", span=2, renames={"vehicle_space_left": "vehicle_capacity_left"}),
    Bug("dp-manifest-vessel-nil", "ferry-jobs", (Exc("NoMethodError", NIL_CAPACITY, job(app("app/jobs/manifest_export_job.rb", "perform", 14), app("app/services/manifest_builder.rb", "deck_plan", 52))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, queue="manifests", **JOBS), see("datadog.queue", queue="manifests", **TEAM)),
        classes=(4,), pair="dp-booking-vessel-nil", entry="ManifestExportJob"),
    # Which record was missing is the bug.
    Bug("dp-sailing-not-found", "ferry-api", (Exc("RecordNotFound", "Couldn't find Sailing with 'id'={id}", req(app("app/api/v1/sailings.rb", "block (2 levels) in <class:Sailings>", 21), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(4,), pair="dp-port-not-found", entry="GET /v1/sailings/{id}"),
    Bug("dp-port-not-found", "ferry-api", (Exc("RecordNotFound", "Couldn't find Port with [WHERE \"ports\".\"code\" = $1]", req(app("app/api/v1/timetables.rb", "block (2 levels) in <class:Timetables>", 17), *AR_FIND_BY), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", 3, **API)),
        classes=(4,), pair="dp-sailing-not-found", entry="GET /v1/timetables/{id}"),
    # One fare calculation, two exceptions.
    Bug("dp-fare-zero-division", "ferry-api", (Exc("ZeroDivisionError", "divided by 0", req(app("app/api/v1/fares.rb", "block (2 levels) in <class:Fares>", 29), app("app/models/fare.rb", "per_passenger", 41), gem("bigdecimal-3.1.8/lib/bigdecimal.rb", "/", 0))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(4, 5), pair="dp-fare-nil-coerce", entry="GET /v1/fares", span=3),
    Bug("dp-fare-nil-coerce", "ferry-api", (Exc("TypeError", "nil can't be coerced into BigDecimal", req(app("app/api/v1/fares.rb", "block (2 levels) in <class:Fares>", 29), app("app/models/fare.rb", "per_passenger", 39), gem("bigdecimal-3.1.8/lib/bigdecimal.rb", "+", 0))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4,), pair="dp-fare-zero-division", entry="GET /v1/fares"),
    # The payment gateway helper timing out for a refund endpoint and a payout job.
    Bug("dp-refund-gateway-timeout", "ferry-api", timeout(req(app("app/api/v1/refunds.rb", "block (2 levels) in <class:Refunds>", 19), app("app/services/refund_booking.rb", "call", 33), *GATEWAY_POST)),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(4, 9), pair="dp-payout-gateway-timeout", entry="POST /v1/refunds"),
    Bug("dp-payout-gateway-timeout", "ferry-jobs", timeout(job(app("app/jobs/agent_payout_job.rb", "perform", 11), app("app/services/agent_payouts.rb", "settle", 58), *GATEWAY_POST)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, queue="payments", **JOBS), see("datadog.queue", queue="payments", **TEAM)),
        classes=(4, 9), pair="dp-refund-gateway-timeout", entry="AgentPayoutJob"),
    # Two callbacks parse an empty body: the gate scanners and the payment webhook.
    Bug("dp-checkin-json", "ferry-api", (Exc("ParserError", "unexpected token at ''", req(app("app/api/v1/checkins.rb", "block (2 levels) in <class:Checkins>", 24), *JSON_PARSE), module="JSON"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.log", style="sample", monitor="ferry-api unhandled errors", **TEAM)),
        classes=(4,), pair="dp-payment-webhook-json", entry="POST /v1/checkins"),
    Bug("dp-payment-webhook-json", "ferry-api", (Exc("ParserError", "unexpected token at ''", req(app("app/api/v1/webhooks/payments.rb", "block (2 levels) in <class:Payments>", 12), app("lib/payments/signature.rb", "verify!", 20), *JSON_PARSE), module="JSON"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.log", style="sample", monitor="ferry-api unhandled errors", **TEAM)),
        classes=(4,), pair="dp-checkin-json", entry="POST /v1/webhooks/payments"),
    # Two unique indexes.
    Bug("dp-booking-ref-unique", "ferry-api", not_unique("index_bookings_on_reference", "Key (reference)=(DH{id}) already exists.", req(app("app/api/v1/bookings.rb", "block (2 levels) in <class:Bookings>", 44), *AR_INSERT)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4,), pair="dp-waitlist-unique", entry="POST /v1/bookings"),
    Bug("dp-waitlist-unique", "ferry-jobs", not_unique("index_waitlist_entries_on_sailing_id_and_customer_id", "Key (sailing_id, customer_id)=({id}, {user}) already exists.", job(app("app/jobs/waitlist_promote_job.rb", "perform", 16), *AR_INSERT)),
        (see("sentry.error", 3), see("splunk", 2, queue="default", **JOBS)),
        classes=(4,), pair="dp-booking-ref-unique", entry="WaitlistPromoteJob"),
    Bug("dp-sms-read-timeout", "ferry-jobs", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(app("app/jobs/ticket_sms_job.rb", "perform", 8), app("lib/sms/client.rb", "deliver", 23), gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229)), module="Net"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, queue="notifications", **JOBS), see("datadog.queue", queue="notifications", **TEAM)),
        entry="TicketSmsJob", span=2),
    Bug("dp-redis-pool", "ferry-api", (Exc("TimeoutError", "Waited 1.0 sec, 0/5 available", req(app("app/api/v1/availability.rb", "block (2 levels) in <class:Availability>", 15), app("lib/seat_cache.rb", "fetch", 9), gem("connection_pool-2.4.1/lib/connection_pool.rb", "checkout", 96)), module="ConnectionPool"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM), see("datadog.log", style="kind", monitor="ferry-api pool exhaustion", **TEAM)),
        entry="GET /v1/availability"),
    Bug("dp-tides-bad-status", "ferry-jobs", (Exc("BadStatus", "tide service answered 502 for /predictions?port={idx}", job(app("app/jobs/tide_window_job.rb", "perform", 10), app("lib/tides/client.rb", "predictions", 31)), module="Tides::Client"),),
        (see("sentry.error", 2), see("splunk", 3, queue="schedules", **JOBS)),
        entry="TideWindowJob"),
    Bug("dp-manifest-s3-denied", "ferry-jobs", (Exc("AccessDenied", "Access Denied", job(app("app/jobs/manifest_export_job.rb", "perform", 19), app("app/services/manifest_upload.rb", "put", 14), gem("aws-sdk-core-3.211.0/lib/seahorse/client/plugins/raise_response_errors.rb", "call", 17)), module="Aws::S3::Errors"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, queue="manifests", **JOBS), see("datadog.queue", queue="manifests", **TEAM)),
        entry="ManifestExportJob"),
    Bug("dp-admin-encoding", "ferry-api", (Exc("CompatibilityError", "incompatible character encodings: UTF-8 and ASCII-8BIT", req(app("app/api/admin/exports.rb", "block (2 levels) in <class:Exports>", 33), app("lib/csv_export.rb", "row", 12)), module="Encoding"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /admin/exports"),
]

NOISE = [
    Noise("dp-noise-deploy", "ferry-api", "datadog.event", {"monitor": "Deployed ferry-api 2026.03.2", "text": "Capistrano deployed ferry-api 2026.03.2 to 4 hosts; puma phased restart complete.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "ferries"}),
    Noise("dp-noise-recovered", "ferry-jobs", "datadog.queue", {"monitor": "Sidekiq failures by queue", "transition": "Recovered", "alert_type": "success", "scope": "queue:manifests", "text": "Failures on queue `manifests` are back under the threshold.", "priority": "P3", "team": "ferries"}),
    Noise("dp-noise-boot", "ferry-api", "splunk", {**API, "line": "I, [{gts}.{millis}412 #1]  INFO -- : Puma starting in cluster mode... * Version 6.4.3 (ruby 3.3.6-p108), codename: The Eagle of Durango"}),
]

DIPPERHOLME = Company(
    key="dp",
    name="Dipperholme Ferries",
    domain="dipperholme.example",
    sentry_org="dipperholme",
    splunk_url="https://dipperholme.splunkcloud.com",
    splunk_guid="7B1D2E40-9C3A-4F58-A1E6-3D0F8B2C5A17",
    datadog_org=("482117", "Dipperholme Ferries"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dipperholme-sentry-client-secret",
)
# fmt: on
