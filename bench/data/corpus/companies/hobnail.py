"""(be) Hobnail Cycles, a city bike-share: a Roda 3.85 JSON API on Ruby 3.3 under Puma
(``fleet-api``: rentals, docks, memberships; Sequel 5 over Postgres, no Rails) and Sidekiq 7
workers in the same repository (``fleet-jobs``: invoices, telematics imports, refunds, SMS).

Sentry: sentry-ruby's Rack middleware for the API and sentry-sidekiq for the workers.
Splunk indexes the containers' output: the API's stdlib ``Logger`` (default formatter: the
exception as ``message (Class)`` and its backtrace below; from 2.14 the error handler
filters the gems' lines) and Sidekiq's default text log, plus a stats search of failing
jobs. Datadog (dd-trace-rb, Rack and Sidekiq integrations) posts the team's own template:
snake_case keys, the markdown message, ``$DATE`` quoted. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
# The API and the workers ship as one image: SENTRY_RELEASE is the same for both.
RELEASES = ("hobnail-fleet@2.13.0", "hobnail-fleet@2.14.0", "hobnail-fleet@2.14.1")
SERVICES = {
    "fleet-api": Service("fleet-api", "ruby", "roda-logger", "hobnail:fleet-api", "/var/log/containers/fleet-api.log", "hb_prod", 4410021, "ruby 3.3.6", framework="rack", sdk=("sentry.ruby", "5.22.1", "gem:sentry-ruby"), releases=RELEASES),
    "fleet-jobs": Service("fleet-jobs", "ruby", "sidekiq-app", "hobnail:sidekiq", "/var/log/containers/fleet-jobs.log", "hb_prod", 4410024, "ruby 3.3.6", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.22.1", "gem:sentry-sidekiq"), releases=RELEASES),
}


def gem(path: str, label: str, line: int) -> Frame:
    return rb(path, label, line, lib=True)


# Puma handing a request to Roda's routing tree (oldest first).
ROUTE = (
    gem("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
    gem("puma-6.4.3/lib/puma/server.rb", "process_client", 438),
    gem("puma-6.4.3/lib/puma/request.rb", "handle_request", 100),
    gem("sentry-ruby-5.22.1/lib/sentry/rack/capture_exceptions.rb", "call", 30),
    gem("roda-3.85.0/lib/roda.rb", "call", 398),
    gem("roda-3.85.0/lib/roda/plugins/error_handler.rb", "_roda_handle_main_route", 80),
    gem("roda-3.85.0/lib/roda.rb", "_roda_run_main_route", 311),
    rb("app.rb", "block in <class:FleetApp>", 41),
)
SIDEKIQ = (
    gem("sidekiq-7.3.5/lib/sidekiq/processor.rb", "block (4 levels) in process", 187),
    gem("sidekiq-7.3.5/lib/sidekiq/middleware/chain.rb", "invoke", 180),
    gem("sidekiq-7.3.5/lib/sidekiq/processor.rb", "execute_job", 220),
)
SEQUEL_INSERT = (
    gem("sequel-5.86.0/lib/sequel/model/base.rb", "save", 1533),
    gem("sequel-5.86.0/lib/sequel/model/base.rb", "_insert_raw", 1860),
    gem("sequel-5.86.0/lib/sequel/dataset/actions.rb", "insert", 424),
    gem("sequel-5.86.0/lib/sequel/adapters/postgres.rb", "execute", 176),
    gem("sequel-5.86.0/lib/sequel/database/misc.rb", "raise_error", 549),
)
SEQUEL_UPDATE = (
    gem("sequel-5.86.0/lib/sequel/dataset/actions.rb", "update", 1022),
    gem("sequel-5.86.0/lib/sequel/adapters/postgres.rb", "execute", 176),
    gem("sequel-5.86.0/lib/sequel/database/misc.rb", "raise_error", 549),
)
FARADAY = (
    gem("faraday-2.12.2/lib/faraday/connection.rb", "post", 283),
    gem("faraday-2.12.2/lib/faraday/rack_builder.rb", "build_response", 152),
    gem("faraday-net_http-3.4.0/lib/faraday/adapter/net_http.rb", "call", 58),
)
NET_READ = (gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229),)
READ_TIMEOUT = "Net::ReadTimeout with #<TCPSocket:(closed)>"
# Every partner call goes through one client object; its frame ends both timeouts below.
HTTP_POST = rb("lib/hobnail/http.rb", "post_json", 27)
PG_EXEC = (gem("pg-1.5.9/lib/pg/connection.rb", "async_exec", 249),)


def unique(table_key: str, key: str, app: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    text = f'ERROR:  duplicate key value violates unique constraint "{table_key}"\nDETAIL:  Key {key} already exists.'
    return (Exc("PG::UniqueViolation", text, PG_EXEC), Exc("Sequel::UniqueConstraintViolation", f"PG::UniqueViolation: {text}", (*ROUTE, *app, *SEQUEL_INSERT)))


API = {"search": "fleet-api - errors (5 min)"}
JOBS = {"search": "fleet-jobs - failed jobs", "source": "/var/log/containers/fleet-jobs.log"}
STATS = "fleet-jobs - failures by class (15 min)"
TEAM = "fleet"
API_LOG = {"monitor": "fleet-api errors logged", "team": TEAM, "filter": "service:fleet-api status:error", "text": "fleet-api logged an error:\n\n```\n{{log.message}}\n```"}
KIND_LOG = {"monitor": "fleet-api exceptions by class", "team": TEAM, "filter": "service:fleet-api status:error", "style": "kind"}

BUGS = [
    # One unique violation per table: a bike rented twice, a dock reserved twice.
    Bug("be-rental-open-unique", "fleet-api", unique("rentals_bike_id_open_key", "(bike_id)=({id})", (rb("routes/rentals.rb", "block (2 levels) in <class:FleetApp>", 18), rb("lib/hobnail/rentals/start.rb", "call", 34))),
        (see("sentry.error"), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **API), see("datadog.log", **KIND_LOG)),
        classes=(4,), pair="be-reservation-dock-unique", entry="POST /v2/rentals", span=2),
    Bug("be-reservation-dock-unique", "fleet-api", unique("reservations_dock_id_slot_key", "(dock_id, slot)=({id}, {idx})", (rb("routes/reservations.rb", "block (2 levels) in <class:FleetApp>", 22), rb("lib/hobnail/reservations/hold.rb", "call", 29))),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.log", **KIND_LOG)),
        classes=(4,), pair="be-rental-open-unique", entry="POST /v2/reservations"),
    # The same NoMethodError on nil at two places: unlocking and returning a bike.
    Bug("be-unlock-nil-dock", "fleet-api", (Exc("NoMethodError", "undefined method `capacity' for nil", (*ROUTE, rb("routes/rentals.rb", "block (2 levels) in <class:FleetApp>", 31), rb("lib/hobnail/docks/unlock.rb", "call", 19), rb("lib/hobnail/docks/unlock.rb", "free_slots", 44))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API), see("splunk", half=True, release=1, **API), see("datadog.apm", monitor="fleet-api 5xx by error type", team=TEAM)),
        classes=(4,), pair="be-return-nil-dock", entry="POST /v2/rentals/{id}/unlock", span=2, renames={"block (2 levels) in <class:FleetApp>": "block (3 levels) in <class:FleetApp>"}),
    Bug("be-return-nil-dock", "fleet-api", (Exc("NoMethodError", "undefined method `capacity' for nil", (*ROUTE, rb("routes/rentals.rb", "block (2 levels) in <class:FleetApp>", 52), rb("lib/hobnail/rentals/finish.rb", "call", 23), rb("lib/hobnail/rentals/finish.rb", "overflow?", 61))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.apm", monitor="fleet-api 5xx by error type", team=TEAM)),
        classes=(4,), pair="be-unlock-nil-dock", entry="POST /v2/rentals/{id}/return"),
    # One fare method, two exceptions: no minutes in a zero-length ride, no weekend tariff.
    Bug("be-fare-zero-division", "fleet-api", (Exc("ZeroDivisionError", "divided by 0", (*ROUTE, rb("routes/quotes.rb", "block (2 levels) in <class:FleetApp>", 12), rb("lib/hobnail/pricing/fare.rb", "per_minute", 38), rb("lib/hobnail/pricing/fare.rb", "/", 38))),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.log", **KIND_LOG)),
        classes=(4,), pair="be-fare-weekend-keyerror", entry="GET /v2/quotes"),
    Bug("be-fare-weekend-keyerror", "fleet-api", (Exc("KeyError", 'key not found: "weekend"', (*ROUTE, rb("routes/quotes.rb", "block (2 levels) in <class:FleetApp>", 12), rb("lib/hobnail/pricing/fare.rb", "per_minute", 36), rb("lib/hobnail/pricing/fare.rb", "fetch", 36))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.log", **KIND_LOG)),
        classes=(4,), pair="be-fare-zero-division", entry="GET /v2/quotes"),
    # Two jobs time out in the one HTTP helper they share.
    Bug("be-geocode-timeout", "fleet-jobs", (Exc("Net::ReadTimeout", READ_TIMEOUT, NET_READ), Exc("Faraday::TimeoutError", READ_TIMEOUT, (*SIDEKIQ, rb("app/jobs/geocode_dock_job.rb", "perform", 14), rb("lib/hobnail/geo/nominatim.rb", "lookup", 22), HTTP_POST, *FARADAY))),
        (see("sentry.error", 2, mechanism="sidekiq"), see("splunk", 2, queue="geo", **JOBS), see("datadog.task", monitor="GeocodeDockJob failing", team=TEAM)),
        classes=(9,), pair="be-sms-receipt-timeout", entry="GeocodeDockJob"),
    Bug("be-sms-receipt-timeout", "fleet-jobs", (Exc("Net::ReadTimeout", READ_TIMEOUT, NET_READ), Exc("Faraday::TimeoutError", READ_TIMEOUT, (*SIDEKIQ, rb("app/jobs/ride_receipt_sms_job.rb", "perform", 11), rb("lib/hobnail/sms/gateway.rb", "deliver", 31), HTTP_POST, *FARADAY))),
        (see("sentry.error", 2, mechanism="sidekiq"), see("sentry.issue"), see("splunk", 2, queue="notifications", **JOBS), see("splunk", search=STATS, stats={"class": "RideReceiptSmsJob", "queue": "notifications", "failures": "{n}", "error_class": "Faraday::TimeoutError"})),
        classes=(9,), pair="be-geocode-timeout", entry="RideReceiptSmsJob"),
    # Two invoice runs updating one member balance: a deadlock.
    Bug("be-invoice-deadlock", "fleet-jobs", (Exc("PG::TRDeadlockDetected", "ERROR:  deadlock detected\nDETAIL:  Process {id} waits for ShareLock on transaction {offset}; blocked by process {user}.\nProcess {user} waits for ShareLock on transaction {offset2}; blocked by process {id}.\nHINT:  See server log for query details.\nCONTEXT:  while updating tuple (12,{n}) in relation \"member_balances\"", PG_EXEC), Exc("Sequel::DatabaseError", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {id} waits for ShareLock on transaction {offset}; blocked by process {user}.\nProcess {user} waits for ShareLock on transaction {offset2}; blocked by process {id}.\nHINT:  See server log for query details.\nCONTEXT:  while updating tuple (12,{n}) in relation \"member_balances\"", (*SIDEKIQ, rb("app/jobs/monthly_invoice_job.rb", "perform", 19), rb("lib/hobnail/billing/balance.rb", "debit!", 40), *SEQUEL_UPDATE))),
        (see("sentry.error", mechanism="sidekiq"), see("sentry.error", mechanism="sidekiq", release=1), see("splunk", 2, queue="billing", **JOBS), see("splunk", search=STATS, stats={"class": "MonthlyInvoiceJob", "queue": "billing", "failures": "{n}", "error_class": "Sequel::DatabaseError"}), see("datadog.task", monitor="MonthlyInvoiceJob failing", team=TEAM)),
        entry="MonthlyInvoiceJob", span=2),
    # A telematics vendor answering an HTML maintenance page instead of JSON.
    Bug("be-telematics-json", "fleet-jobs", (Exc("JSON::ParserError", "unexpected token at '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Scheduled maintenance</h1></body></html>'", (*SIDEKIQ, rb("app/jobs/telematics_import_job.rb", "perform", 16), rb("lib/hobnail/telematics/feed.rb", "batteries", 27), gem("json-2.7.2/lib/json/common.rb", "parse", 219))),),
        (see("sentry.error", 2, mechanism="sidekiq"), see("sentry.error", mechanism="sidekiq", release=2), see("splunk", 3, queue="telematics", **JOBS), see("datadog.queue", queue="telematics", monitor="Sidekiq failures by queue", team=TEAM)),
        entry="TelematicsImportJob", span=3),
    # A refund for a charge Stripe no longer knows.
    Bug("be-refund-no-charge", "fleet-jobs", (Exc("Stripe::InvalidRequestError", "No such charge: '{charge}'", (*SIDEKIQ, rb("app/jobs/refund_ride_job.rb", "perform", 13), rb("lib/hobnail/billing/refunds.rb", "issue", 18), gem("stripe-13.2.0/lib/stripe/api_operations/create.rb", "create", 12), gem("stripe-13.2.0/lib/stripe/stripe_client.rb", "execute_request", 254))),),
        (see("sentry.error", 2, mechanism="sidekiq"), see("sentry.issue"), see("splunk", 2, queue="billing", **JOBS), see("datadog.task", monitor="RefundRideJob failing", team=TEAM)),
        entry="RefundRideJob"),
    # The rate limiter's Redis gone during a failover.
    Bug("be-ratelimit-redis", "fleet-api", (Exc("RedisClient::CannotConnectError", "Connection refused - connect(2) for 10.40.3.{idx}:6379 (redis://ratelimit-redis:6379)", (gem("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155), gem("puma-6.4.3/lib/puma/server.rb", "process_client", 438), gem("rack-attack-6.7.0/lib/rack/attack.rb", "call", 127), gem("rack-attack-6.7.0/lib/rack/attack/cache.rb", "count", 31), gem("redis-client-0.22.2/lib/redis_client.rb", "ensure_connected", 677), gem("redis-client-0.22.2/lib/redis_client/ruby_connection.rb", "connect", 136))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.log", **API_LOG), see("datadog.apm", style="type", monitor="fleet-api error spans", team=TEAM)),
        entry="GET /v2/docks"),
    # Membership renewal mutating a frozen string literal.
    Bug("be-membership-frozen", "fleet-api", (Exc("FrozenError", 'can\'t modify frozen String: "HB-{id}"', (*ROUTE, rb("routes/memberships.rb", "block (2 levels) in <class:FleetApp>", 27), rb("lib/hobnail/memberships/renew.rb", "reference", 15))),),
        (see("sentry.error"), see("sentry.error", release=1), see("splunk", **API), see("splunk", half=True, release=1, **API), see("datadog.log", **API_LOG)),
        classes=(5,), entry="POST /v2/memberships/{id}/renew", span=2),
    # Ride summaries for rides that never ended.
    Bug("be-ride-summary-coerce", "fleet-jobs", (Exc("TypeError", "nil can't be coerced into Integer", (*SIDEKIQ, rb("app/jobs/ride_summary_job.rb", "perform", 9), rb("lib/hobnail/rides/summary.rb", "minutes", 33), rb("lib/hobnail/rides/summary.rb", "-", 33))),),
        (see("sentry.error", 2, mechanism="sidekiq"), see("splunk", 2, queue="default", **JOBS), see("splunk", search=STATS, stats={"class": "RideSummaryJob", "queue": "default", "failures": "{n}", "error_class": "TypeError"})),
        entry="RideSummaryJob"),
    # The public GBFS snapshot push logging its size and time: one log template, no bug.
    Bug("be-gbfs-push-slow", "fleet-jobs", (),
        (see("splunk", 3, search="fleet-jobs - slow GBFS pushes", line="W, [{tsnaive} #{idx}]  WARN -- fleet-jobs: GBFS snapshot pushed to {objstore}: {size} in {dur}"), see("datadog.log", 2, monitor="Slow GBFS pushes", team=TEAM, filter='service:fleet-jobs "GBFS snapshot pushed"', text="GBFS snapshot pushed to {objstore}: {size} in {dur}")),
        classes=(7,)),
    # Seen once: the admin CSV export running out of memory.
    Bug("be-export-nomemory", "fleet-jobs", (Exc("NoMemoryError", "failed to allocate memory", (*SIDEKIQ, rb("app/jobs/ride_export_job.rb", "perform", 21), gem("sequel-5.86.0/lib/sequel/dataset/actions.rb", "all", 51))),),
        (see("sentry.error", mechanism="sidekiq"),),
        singleton=True, entry="RideExportJob"),
]

NOISE = [
    Noise("be-noise-deploy", "fleet-api", "datadog.event", {"monitor": "Deployed fleet-api 2.14.0", "text": "Kamal deployed fleet-api 2.14.0 to 4 hosts.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("be-noise-sidekiq-start", "fleet-jobs", "splunk", {**JOBS, "line": "{tsms} pid={idx} tid=1ly INFO: Sidekiq 7.3.5 connecting to Redis with options {:size=>10, :pool_name=>\"internal\", :url=>\"redis://sidekiq-redis:6379/0\"}"}),
    Noise("be-noise-recovered", "fleet-api", "datadog.log", {"monitor": "fleet-api errors logged", "transition": "Recovered", "alert_type": "success", "text": "fleet-api errors are back under the threshold.", "priority": "P3", "team": TEAM}),
]

HOBNAIL = Company(
    key="be",
    name="Hobnail Cycles",
    domain="hobnail.example",
    sentry_org="hobnail",
    splunk_url="https://hobnail.splunkcloud.com",
    splunk_guid="5E2A9C41-7B3D-4E18-A6F2-0C9D81B3E457",
    datadog_org=("318204", "Hobnail Cycles"),
    datadog_template="be-fleet",
    posthog_project=(0, ""),
    releases=("2.13.0", "2.14.0", "2.14.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hobnail-sentry-client-secret",
)
