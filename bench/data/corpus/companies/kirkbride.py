"""(fr) Kirkbride Ferries, a Solway crossing's bookings: a Roda 3.86 JSON API on Puma 6.5 and
Ruby 3.3 (``bookings-api``: a routing tree in ``app/routes``, Sequel 5 models over Postgres,
a Stripe client, Redis for seat holds) and its Sidekiq-free cron of rake tasks.

Splunk indexes Puma's stdout (``fr-roda-logger``): Roda logs nothing of its own for an error,
so the team's ``plugin :error_handler`` block calls ``LOGGER.error(e)`` on a stdlib
``Logger`` (``E, [<time> #<pid>] ERROR -- api: <message> (<Class>)`` and the backtrace), and
Sequel's ``log_exception`` writes ``<Class>: <message>: <SQL>`` to the same logger; a few
rescue blocks log ``"#{e.class}: #{e.message}"`` with the first app line only. Sentry:
sentry-ruby's Rack middleware. Datadog: the recommended template, a log monitor pasting the
record, dd-trace-rb APM by type. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby", "5.22.1", "gem:sentry-ruby")
SERVICES = {
    "bookings-api": Service("bookings-api", "ruby", "fr-roda-logger", "docker:puma", "/var/log/kirkbride/puma.log", "fr_app", 8810231, "ruby 3.3.6", framework="rack", sdk=SDK),
}

RODA = "roda-3.86.0/lib/roda"
PUMA = (
    rb("puma-6.5.0/lib/puma/thread_pool.rb", "block in spawn_thread", 157, lib=True),
    rb("puma-6.5.0/lib/puma/server.rb", "process_client", 478, lib=True),
    rb("puma-6.5.0/lib/puma/server.rb", "handle_request", 101, lib=True),
    rb("sentry-ruby-5.22.1/lib/sentry/rack/capture_exceptions.rb", "call", 30, lib=True),
    rb(f"{RODA}.rb", "call", 477, lib=True),
    rb(f"{RODA}/plugins/error_handler.rb", "_roda_handle_main_route", 72, lib=True),
    rb(f"{RODA}/plugins/error_handler.rb", "block in _roda_handle_main_route", 73, lib=True),
    rb(f"{RODA}/request.rb", "block_result", 556, lib=True),
    rb("app.rb", "block in <class:App>", 41),
)


def on(branch: str, line: int, name: str = "") -> tuple[Frame, ...]:
    """A branch of the routing tree: ``r.on "bookings" do ... end`` in ``app/routes/<branch>.rb``."""
    return (
        rb(f"{RODA}/plugins/hash_branches.rb", "block in hash_branches", 112, lib=True),
        rb(f"{RODA}/request.rb", "if_match", 611, lib=True),
        rb(f"app/routes/{branch}.rb", name or "block (2 levels) in <class:App>", line),
    )


def lib(file: str, method: str, line: int) -> Frame:
    return rb(f"lib/kirkbride/{file}.rb", method, line)


SEQ = "sequel-5.86.0/lib/sequel"
SEQUEL_SAVE = (
    rb(f"{SEQ}/model/base.rb", "save", 1500, lib=True),
    rb(f"{SEQ}/model/base.rb", "_insert", 1742, lib=True),
    rb(f"{SEQ}/dataset/actions.rb", "insert", 414, lib=True),
    rb(f"{SEQ}/adapters/postgres.rb", "execute", 176, lib=True),
    rb(f"{SEQ}/database/misc.rb", "raise_error", 563, lib=True),
)
SEQUEL_SELECT = (
    rb(f"{SEQ}/dataset/actions.rb", "first", 244, lib=True),
    rb(f"{SEQ}/dataset/actions.rb", "each", 150, lib=True),
    rb(f"{SEQ}/adapters/postgres.rb", "execute", 176, lib=True),
    rb(f"{SEQ}/database/misc.rb", "raise_error", 563, lib=True),
)
STRIPE = (
    rb("stripe-13.2.0/lib/stripe/api_requestor.rb", "execute_request", 208, lib=True),
    rb("stripe-13.2.0/lib/stripe/api_requestor.rb", "handle_error_response", 736, lib=True),
)
SELECT_CAP = 'SELECT * FROM "sailings" WHERE ("id" = {id}) LIMIT 1'

LOGS = {"search": "kirkbride api errors", "app": "kirkbride"}
SEQUEL = {"search": "kirkbride api errors", "app": "kirkbride", "kind": "sequel"}
SHORT = {"search": "kirkbride api errors", "app": "kirkbride", "kind": "short"}
DD_LOG = dict(team="crossings", monitor="[bookings] error logs on bookings-api", filter="service:bookings-api status:error", style="sample")
APM = dict(team="crossings", monitor="[bookings] rack.request error rate", style="type")
RACK = {"mechanism": "rack"}

BUGS = [
    # The same nil fare in the quote branch and the manifest export.
    Bug("fr-quote-nil-fare", "bookings-api", (Exc("NoMethodError", "undefined method `amount_pence' for nil", (*PUMA, *on("quotes", 18), lib("fares/calculator", "total", 27))),),
        (see("sentry.error", 3, **RACK), see("sentry.issue"), see("splunk", 3, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4, 5), pair="fr-manifest-nil-fare", entry="GET /quotes", span=2, renames={"total": "total_for"}),
    Bug("fr-manifest-nil-fare", "bookings-api", (Exc("NoMethodError", "undefined method `amount_pence' for nil", (*PUMA, *on("admin", 64), lib("manifests/export", "row_for", 33), lib("manifests/export", "block in rows", 21))),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="fr-quote-nil-fare", entry="GET /admin/sailings/{id}/manifest"),
    # Unique violations on two tables through one Sequel save.
    Bug("fr-booking-dup-seat", "bookings-api", (Exc("Sequel::UniqueConstraintViolation", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "bookings_sailing_id_seat_key"\nDETAIL:  Key (sailing_id, seat)=({id}, {n}) already exists.', (*PUMA, *on("bookings", 29), lib("bookings/create", "call", 40), *SEQUEL_SAVE)),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("splunk", 2, sql='INSERT INTO "bookings" ("sailing_id", "seat", "passenger_id") VALUES ({id}, {n}, {idx}) RETURNING *', **SEQUEL), see("datadog.apm", **APM)),
        classes=(1, 4), pair="fr-vehicle-dup-plate", entry="POST /bookings"),
    Bug("fr-vehicle-dup-plate", "bookings-api", (Exc("Sequel::UniqueConstraintViolation", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "vehicles_booking_id_plate_key"\nDETAIL:  Key (booking_id, plate)=({id}, {plate}) already exists.', (*PUMA, *on("vehicles", 15), lib("vehicles/attach", "call", 19), *SEQUEL_SAVE)),),
        (see("sentry.error", 2, **RACK), see("splunk", 3, sql='INSERT INTO "vehicles" ("booking_id", "plate", "length_cm") VALUES ({id}, \'{plate}\', {n}) RETURNING *', **SEQUEL), see("datadog.log", **DD_LOG)),
        classes=(1, 4), pair="fr-booking-dup-seat", entry="POST /bookings/{id}/vehicles"),
    # A missing column after a migration: the same table read by two branches.
    Bug("fr-sailing-no-column", "bookings-api", (Exc("Sequel::DatabaseError", 'PG::UndefinedColumn: ERROR:  column "tide_window" does not exist\nLINE 1: SELECT "id", "departs_at", "tide_window" FROM "sailings" WHE...', (*PUMA, *on("sailings", 11), lib("sailings/timetable", "for_day", 14), *SEQUEL_SELECT)),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, sql='SELECT "id", "departs_at", "tide_window" FROM "sailings" WHERE ("route_id" = {n}) ORDER BY "departs_at"', **SEQUEL), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(1, 4), pair="fr-sailing-capacity-column", entry="GET /sailings"),
    Bug("fr-sailing-capacity-column", "bookings-api", (Exc("Sequel::DatabaseError", 'PG::UndefinedColumn: ERROR:  column "deck_capacity" does not exist\nLINE 1: SELECT "id", "deck_capacity" FROM "sailings" WHERE ("id" = ...', (*PUMA, *on("bookings", 26), lib("capacity/check", "remaining", 9), *SEQUEL_SELECT)),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, sql='SELECT "id", "deck_capacity" FROM "sailings" WHERE ("id" = {id}) LIMIT 1', **SEQUEL), see("datadog.log", **DD_LOG)),
        classes=(1, 4), pair="fr-sailing-no-column", entry="POST /bookings"),
    # Stripe: a declined card and an idempotency clash, same client method.
    Bug("fr-card-declined", "bookings-api", (Exc("Stripe::CardError", "Your card was declined.", (*PUMA, *on("payments", 22), lib("payments/charge", "call", 31), *STRIPE)),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **SHORT), see("datadog.log", **DD_LOG)),
        classes=(9,), pair="fr-idempotency-clash", entry="POST /bookings/{id}/pay"),
    Bug("fr-idempotency-clash", "bookings-api", (Exc("Stripe::IdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'booking-{id}' if you meant to execute a different request.", (*PUMA, *on("payments", 22), lib("payments/charge", "call", 31), *STRIPE)),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **SHORT), see("datadog.apm", **APM)),
        classes=(9,), pair="fr-card-declined", entry="POST /bookings/{id}/pay"),
    # JSON bodies: Roda's json_parser plugin on a bad body, and the tide feed's empty answer.
    Bug("fr-json-body", "bookings-api", (Exc("Roda::RodaPlugins::JsonParser::Error", "invalid JSON uploaded", (*PUMA, rb(f"{RODA}/plugins/json_parser.rb", "POST", 78, lib=True), rb(f"{RODA}/plugins/json_parser.rb", "handle_json_parse_error", 88, lib=True))),),
        (see("sentry.error", 2, **RACK), see("splunk", 3, **LOGS)),
        classes=(4,), entry="POST /bookings"),
    Bug("fr-tide-feed-json", "bookings-api", (Exc("JSON::ParserError", "unexpected end of input", (*PUMA, *on("sailings", 37), lib("tides/feed", "fetch", 22), rb("json-2.9.1/lib/json/common.rb", "parse", 221, lib=True))),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), entry="GET /sailings/{id}/tides"),
    # Redis seat holds: connection refused vs. a read timeout in the same helper.
    Bug("fr-hold-redis-refused", "bookings-api", (Exc("Redis::CannotConnectError", "Error connecting to Redis on holds.kirkbride.internal:6379 (Errno::ECONNREFUSED)", (*PUMA, *on("holds", 12), lib("holds/store", "put", 17), rb("redis-5.3.0/lib/redis/client.rb", "call_v", 91, lib=True))),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(10,), pair="fr-hold-redis-timeout", entry="POST /holds"),
    Bug("fr-hold-redis-timeout", "bookings-api", (Exc("Redis::ReadTimeoutError", "Waited 1.0 seconds", (*PUMA, *on("holds", 12), lib("holds/store", "put", 17), rb("redis-client-0.23.0/lib/redis_client/ruby_connection.rb", "read", 108, lib=True))),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(10,), pair="fr-hold-redis-refused", entry="POST /holds"),
    # Sequel's validation plugin on two models: a passenger's age and a vehicle's length.
    Bug("fr-passenger-invalid", "bookings-api", (Exc("Sequel::ValidationFailed", "date_of_birth is not a valid date", (*PUMA, *on("passengers", 31), lib("passengers/create", "call", 15), rb(f"{SEQ}/model/base.rb", "save", 1496, lib=True), rb(f"{SEQ}/model/base.rb", "raise_hook_failure", 1869, lib=True))),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="fr-vehicle-invalid", entry="POST /passengers"),
    Bug("fr-vehicle-invalid", "bookings-api", (Exc("Sequel::ValidationFailed", "length_cm must be less than or equal to 1800", (*PUMA, *on("vehicles", 15), lib("vehicles/attach", "call", 17), rb(f"{SEQ}/model/base.rb", "save", 1496, lib=True), rb(f"{SEQ}/model/base.rb", "raise_hook_failure", 1869, lib=True))),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **SHORT), see("datadog.apm", **APM)),
        classes=(4,), pair="fr-passenger-invalid", entry="POST /bookings/{id}/vehicles"),
    Bug("fr-pool-timeout", "bookings-api", (Exc("Sequel::PoolTimeout", "timeout: 5.0, elapsed: 5.00{n}", (*PUMA, *on("sailings", 11), lib("sailings/timetable", "for_day", 12), rb(f"{SEQ}/connection_pool/threaded.rb", "acquire", 203, lib=True))),),
        (see("sentry.error", 3, **RACK), see("splunk", 3, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(5,), entry="GET /sailings", span=3),
    Bug("fr-passenger-key", "bookings-api", (Exc("KeyError", 'key not found: "date_of_birth"', (*PUMA, *on("passengers", 20), lib("passengers/import", "from_row", 11))),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **SHORT)),
        entry="POST /passengers/import"),
    Bug("fr-zone-singleton", "bookings-api", (Exc("ArgumentError", 'invalid date: "{date}T25:00"', (*PUMA, *on("sailings", 52), rb("3.3.0/time.rb", "iso8601", 635, lib=True))),),
        (see("sentry.error", **RACK),),
        singleton=True, entry="GET /sailings/{id}"),
    Bug("fr-slow-query", "bookings-api", (),
        (see("splunk", 3, search="kirkbride slow queries", app="kirkbride", line="I, [{tsnaive} #12]  INFO -- api: (1.{n}s) " + SELECT_CAP),),
        classes=(7,)),
]

NOISE = [
    Noise("fr-noise-boot", "bookings-api", "splunk", {"search": "kirkbride api errors", "line": "Puma starting in single mode...\n* Puma version: 6.5.0 (\"Sky's Version\")\n* Ruby version: ruby 3.3.6 (2024-11-05 revision 75015d4c1f) [x86_64-linux]\n*  Min threads: 5\n*  Max threads: 5\n*  Environment: production\n*          PID: 7\n* Listening on http://0.0.0.0:9292\nUse Ctrl-C to stop"}),
    Noise("fr-noise-deploy", "bookings-api", "datadog.event", {"monitor": "Deploy", "text": "bookings-api 2026.03.2 deployed to ferry-app-1, ferry-app-2.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fr-noise-recovered", "bookings-api", "datadog.log", {"monitor": "[bookings] error logs on bookings-api", "text": "Recovered: error logs on bookings-api below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

KIRKBRIDE = Company(
    key="fr",
    name="Kirkbride Ferries",
    domain="kirkbride-ferries.example",
    sentry_org="kirkbride",
    splunk_url="https://kirkbride.splunkcloud.com",
    splunk_guid="3B8E1D40-7C2A-4F95-A1D6-5E0B9C7F2A14",
    datadog_org=("705771", "Kirkbride Ferries"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kirkbride-sentry-client-secret",
)
# fmt: on
