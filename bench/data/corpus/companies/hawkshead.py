"""(fj) Hawkshead Bike Hire, docked e-bike rentals: a modular Sinatra 4.1 app on Puma 6.5 and
Ruby 3.3 (``rentals-api``: routes split into ``Sinatra::Base`` subclasses mounted under one
``Rack::Builder``, Sequel 5 over Postgres, dry-struct and dry-validation for inputs, Faraday
to the payments provider, Rack::Attack on Redis in front).

Splunk indexes Puma's stdout and stderr (``fj-sinatra-puma``): Sinatra's ``dump_errors!``
block (``<date> - <Class> - <message>:`` and the whole uncleaned backtrace, each line after a
tab), Puma's own ``Rack app ("GET /x" - (ip)): #<Class: message>`` report for an error raised
in a Rack middleware before Sinatra, and Rack::CommonLogger's request lines. Sentry:
sentry-ruby's Rack middleware (no Rails: frames under ``/app``). Datadog: the recommended
template, a log monitor pasting the dump's first lines, dd-trace-rb APM by type. No PostHog.
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
    "rentals-api": Service("rentals-api", "ruby", "fj-sinatra-puma", "kube:container:rentals-api", "/var/log/containers/rentals-api.log", "fj_web", 7730512, "ruby 3.3.6", framework="sinatra", sdk=SDK),
}

SIN = "sinatra-4.1.1/lib/sinatra/base.rb"
# Puma handing a request through Rack::Attack and Sentry to Sinatra's dispatch (oldest first).
PUMA_RACK = (
    rb("puma-6.5.0/lib/puma/thread_pool.rb", "block in spawn_thread", 157, lib=True),
    rb("puma-6.5.0/lib/puma/server.rb", "block in run", 385, lib=True),
    rb("puma-6.5.0/lib/puma/server.rb", "process_client", 478, lib=True),
    rb("puma-6.5.0/lib/puma/server.rb", "handle_request", 101, lib=True),
    rb("puma-6.5.0/lib/puma/configuration.rb", "call", 279, lib=True),
    rb("sentry-ruby-5.22.1/lib/sentry/rack/capture_exceptions.rb", "call", 30, lib=True),
    rb("rack-attack-6.7.0/lib/rack/attack.rb", "call", 127, lib=True),
)
SINATRA = (
    *PUMA_RACK,
    rb("rack-3.1.8/lib/rack/builder.rb", "call", 277, lib=True),
    rb(SIN, "call", 1566, lib=True),
    rb(SIN, "synchronize", 1781, lib=True),
    rb(SIN, "call", 1055, lib=True),
    rb(SIN, "call!", 1061, lib=True),
    rb(SIN, "invoke", 1190, lib=True),
    rb(SIN, "block in call!", 1072, lib=True),
    rb(SIN, "dispatch!", 1213, lib=True),
    rb(SIN, "route!", 1072, lib=True),
    rb(SIN, "block in route!", 1092, lib=True),
    rb(SIN, "route_eval", 1104, lib=True),
    rb(SIN, "block in compile!", 1835, lib=True),
)


def route(file: str, label: str, line: int) -> Frame:
    """A route's block as Ruby names it: ``block in <class:Quotes>``."""
    return rb(f"app/routes/{file}.rb", label, line)


def app(file: str, method: str, line: int) -> Frame:
    return rb(f"lib/hawkshead/{file}.rb", method, line)


SEQUEL_INSERT = (
    rb("sequel-5.86.0/lib/sequel/model/base.rb", "save", 1500, lib=True),
    rb("sequel-5.86.0/lib/sequel/model/base.rb", "_insert", 1742, lib=True),
    rb("sequel-5.86.0/lib/sequel/dataset/actions.rb", "insert", 414, lib=True),
    rb("sequel-5.86.0/lib/sequel/adapters/postgres.rb", "execute", 176, lib=True),
    rb("sequel-5.86.0/lib/sequel/database/misc.rb", "raise_error", 563, lib=True),
)
PAY_POST = app("payments/client", "post", 38)
FARADAY_RAISE = (
    rb("faraday-2.12.2/lib/faraday/rack_builder.rb", "build_response", 152, lib=True),
    rb("faraday-2.12.2/lib/faraday/response/raise_error.rb", "on_complete", 16, lib=True),
)
DRY_NEW = (
    rb("dry-struct-1.6.0/lib/dry/struct/class_interface.rb", "new", 254, lib=True),
    rb("dry-struct-1.6.0/lib/dry/struct/class_interface.rb", "rescue in new", 258, lib=True),
)
JSON_PARSE = (
    rb("json-2.9.1/lib/json/common.rb", "parse", 221, lib=True),
    rb("json-2.9.1/lib/json/common.rb", "parse", 221, lib=True),
)

LOGS = {"search": "hawkshead sinatra errors", "app": "hawkshead"}
PUMA = {"search": "hawkshead puma errors", "app": "hawkshead", "kind": "puma"}
ACCESS = {"search": "hawkshead 500s", "app": "hawkshead"}
DD_LOG = dict(team="rentals", monitor="[rentals] Sinatra errors on rentals-api", filter="service:rentals-api status:error", style="sample")
APM = dict(team="rentals", monitor="[rentals] rack.request errors", style="type")
RACK = {"mechanism": "rack"}


def access(verb: str, path: str) -> str:
    """Rack::CommonLogger's line for the 500 (a search on ``status=500``): no exception."""
    return f'{{ip}} - - [{{clf}}] "{verb} {path} HTTP/1.1" 500 {{n}} 0.0{{millis}}'


BUGS = [
    # A bike with no tariff: the same nil in the quote route and in the invoice builder.
    Bug("fj-quote-nil-price", "rentals-api", (Exc("NoMethodError", "undefined method `price_cents' for nil", (*SINATRA, route("quotes", "block in <class:Quotes>", 24), app("pricing/quote", "total_for", 17))),),
        (see("sentry.error", 3, **RACK), see("sentry.issue"), see("splunk", 3, **LOGS), see("splunk", line=access("GET", "/v1/quotes?dock=D{n}&minutes=45"), **ACCESS), see("datadog.log", **DD_LOG)),
        classes=(4, 5), pair="fj-invoice-nil-price", entry="GET /v1/quotes", span=2, renames={"total_for": "quote_total"}),
    Bug("fj-invoice-nil-price", "rentals-api", (Exc("NoMethodError", "undefined method `price_cents' for nil", (*SINATRA, route("rentals", "block in <class:Rentals>", 88), app("billing/invoice_builder", "line_items", 42), app("billing/invoice_builder", "block in line_items", 45))),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="fj-quote-nil-price", entry="POST /v1/rentals/{rental_id}/finish"),
    # Unique constraints on two tables: a double-booked bike and a member signing up twice.
    Bug("fj-booking-dup", "rentals-api", (Exc("Sequel::UniqueConstraintViolation", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "bookings_bike_id_starts_at_key"\nDETAIL:  Key (bike_id, starts_at)=({id}, 2026-12-0{idx} 09:00:00+00) already exists.', (*SINATRA, route("rentals", "block in <class:Rentals>", 41), app("rentals/book", "call", 29), *SEQUEL_INSERT)),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="fj-member-dup", entry="POST /v1/rentals"),
    Bug("fj-member-dup", "rentals-api", (Exc("Sequel::UniqueConstraintViolation", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "members_email_key"\nDETAIL:  Key (email)=({email}) already exists.', (*SINATRA, route("members", "block in <class:Members>", 19), app("members/sign_up", "call", 23), *SEQUEL_INSERT)),),
        (see("sentry.error", 2, **RACK), see("splunk", 3, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="fj-booking-dup", entry="POST /v1/members"),
    # One dry-struct constructor: a missing key, and a wrong type.
    Bug("fj-rental-missing-dock", "rentals-api", (Exc("Dry::Struct::Error", "[Hawkshead::Inputs::Rental.new] :dock_id is missing in Hash input", (*SINATRA, route("rentals", "block in <class:Rentals>", 38), *DRY_NEW)),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="fj-rental-bad-time", entry="POST /v1/rentals"),
    Bug("fj-rental-bad-time", "rentals-api", (Exc("Dry::Struct::Error", '[Hawkshead::Inputs::Rental.new] "{hhmm}" (String) has invalid type for :starts_at violates constraints (type?(Time, "{hhmm}") failed)', (*SINATRA, route("rentals", "block in <class:Rentals>", 38), *DRY_NEW)),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="fj-rental-missing-dock", entry="POST /v1/rentals"),
    # One payments client: the provider down (503) for a charge, a refused refund (402).
    Bug("fj-charge-503", "rentals-api", (Exc("Faraday::ServerError", "the server responded with status 503", (*SINATRA, route("rentals", "block in <class:Rentals>", 90), app("billing/charge", "call", 31), PAY_POST, *FARADAY_RAISE)),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(9,), pair="fj-refund-402", entry="POST /v1/rentals/{rental_id}/finish"),
    Bug("fj-refund-402", "rentals-api", (Exc("Faraday::ClientError", "the server responded with status 402", (*SINATRA, route("admin", "block in <class:Admin>", 57), app("billing/refund", "call", 19), PAY_POST, *FARADAY_RAISE)),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(9,), pair="fj-charge-503", entry="POST /admin/rentals/{rental_id}/refund"),
    # An empty body parsed as JSON in two places: the dock webhook and the geocoder client.
    Bug("fj-dock-webhook-json", "rentals-api", (Exc("JSON::ParserError", "unexpected end of input", (*SINATRA, route("webhooks", "block in <class:Webhooks>", 14), *JSON_PARSE)),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="fj-geocode-json", entry="POST /webhooks/docks"),
    Bug("fj-geocode-json", "rentals-api", (Exc("JSON::ParserError", "unexpected end of input", (*SINATRA, route("docks", "block in <class:Docks>", 33), app("geo/geocoder", "lookup", 26), *JSON_PARSE)),),
        (see("sentry.error", 2, **RACK), see("splunk", 3, **LOGS)),
        classes=(4,), pair="fj-dock-webhook-json", entry="GET /v1/docks/near"),
    # Rack::Attack's Redis gone: raised before Sinatra, so Puma reports it, not Sinatra.
    Bug("fj-attack-redis", "rentals-api", (Exc("Redis::CannotConnectError", "Error connecting to Redis on redis-cache.hawkshead.internal:6379 (Errno::ECONNREFUSED)", (*PUMA_RACK, rb("rack-attack-6.7.0/lib/rack/attack/cache.rb", "count", 25, lib=True), rb("redis-5.3.0/lib/redis/client.rb", "call_v", 91, lib=True))),),
        (see("sentry.error", 2, **RACK), see("splunk", 3, **PUMA), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /v1/docks/near"),
    # Not pairs.
    Bug("fj-pool-timeout", "rentals-api", (Exc("Sequel::PoolTimeout", "timeout: 5.0, elapsed: 5.00{n}", (*SINATRA, route("docks", "block in <class:Docks>", 21), app("docks/availability", "for_area", 12), rb("sequel-5.86.0/lib/sequel/connection_pool/threaded.rb", "acquire", 203, lib=True))),),
        (see("sentry.error", 3, **RACK), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(5,), entry="GET /v1/docks/near", span=3),
    Bug("fj-key-error", "rentals-api", (Exc("KeyError", 'key not found: "battery_pct"', (*SINATRA, route("bikes", "block in <class:Bikes>", 46), app("bikes/telemetry", "from_payload", 9))),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **LOGS)),
        entry="PUT /v1/bikes/{bike_id}/telemetry"),
    Bug("fj-validation-frozen", "rentals-api", (Exc("FrozenError", "can't modify frozen String: \"D{n}\"", (*SINATRA, route("docks", "block in <class:Docks>", 61), app("docks/normalise", "code", 7))),),
        (see("sentry.error", 2, **RACK), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        entry="PATCH /v1/docks/{dock_id}"),
    Bug("fj-zone-singleton", "rentals-api", (Exc("TZInfo::InvalidTimezoneIdentifier", "Invalid identifier: Europe/Kendal", (*SINATRA, route("rentals", "block in <class:Rentals>", 112), rb("tzinfo-2.0.6/lib/tzinfo/timezone.rb", "get", 90, lib=True))),),
        (see("sentry.error", **RACK),),
        singleton=True, entry="GET /v1/rentals/{rental_id}"),
    # A log template: Puma's slow-request warning from the team's Rack middleware.
    Bug("fj-slow-requests", "rentals-api", (),
        (see("splunk", 3, search="hawkshead slow requests", app="hawkshead", line="W, [{tsnaive} #1]  WARN -- : slow request GET /v1/docks/near took {ms}ms ({n} queries)"),),
        classes=(7,)),
]

NOISE = [
    Noise("fj-noise-boot", "rentals-api", "splunk", {"search": "hawkshead puma errors", "line": "* Puma version: 6.5.0 (\"Sky's Version\")\n* Ruby version: ruby 3.3.6 (2024-11-05 revision 75015d4c1f) [x86_64-linux]\n*  Min threads: 5\n*  Max threads: 5\n*  Environment: production\n*          PID: 1\n* Listening on http://0.0.0.0:9292\nUse Ctrl-C to stop"}),
    Noise("fj-noise-deploy", "rentals-api", "datadog.event", {"monitor": "Deploy", "text": "rentals-api 2026.12.2 rolled out to 4/4 pods.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fj-noise-recovered", "rentals-api", "datadog.log", {"monitor": "[rentals] Sinatra errors on rentals-api", "text": "Recovered: error logs on rentals-api back to normal.", "transition": "Recovered", "alert_type": "success"}),
]

HAWKSHEAD = Company(
    key="fj",
    name="Hawkshead Bike Hire",
    domain="hawkshead-bikes.example",
    sentry_org="hawkshead",
    splunk_url="https://hawkshead.splunkcloud.com",
    splunk_guid="1F7C3A92-6B0E-4D58-9E21-7A4C5B8D0F63",
    datadog_org=("705402", "Hawkshead Bike Hire"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.12.0", "2026.12.1", "2026.12.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hawkshead-sentry-client-secret",
)
# fmt: on
