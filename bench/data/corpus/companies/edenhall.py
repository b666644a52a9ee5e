"""(ed) Edenhall Buses, a regional bus operator's real-time service: one Elixir 1.16 / OTP 26
release (OTP app ``ebb_tide``) run as ``tide-api``, a Phoenix 1.7 JSON API on Cowboy for the
journey planner and ticket app (Ecto 3.11 over Postgres), and ``tide-feeds``, Broadway
pipelines consuming vehicle GPS pings and GTFS-realtime updates from Google Pub/Sub.

Sentry: sentry-elixir 10's logger handler. Datadog (its default payload): logs through
``LoggerJSON.Formatters.Datadog`` (the report in ``message``, ``error.kind``,
``error.stack``), log monitors pasting samples, APM monitors by error type. No Splunk, no
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.elixir", "10.7.1", "hex:sentry")
RELEASES = ("ebb_tide@1.12.0", "ebb_tide@1.12.3", "ebb_tide@1.13.0")
SERVICES = {
    "tide-api": Service("tide-api", "elixir", "ed-loggerjson-dd", "", "", "", 6620041, "Elixir 1.16.3", framework="generic", sdk=SDK, releases=RELEASES),
    "tide-feeds": Service("tide-feeds", "elixir", "ed-loggerjson-dd", "", "", "", 6620042, "Elixir 1.16.3", framework="generic", sdk=SDK, releases=RELEASES),
}


def ex(module: str, function: str, file: str, line: int, app: str = "") -> Frame:
    """An Elixir frame; a dependency's frame carries its OTP application and version."""
    return Frame(function, file, line, module, not app, args=app)


def et(module: str, function: str, file: str, line: int) -> Frame:
    return ex(f"EbbTide.{module}", function, f"lib/ebb_tide/{file}", line)


STDLIB = "stdlib 5.2.3"
COWBOY = "cowboy 2.12.0"
REQUEST = (
    ex(":proc_lib", "init_p_do_apply/3", "proc_lib.erl", 241, STDLIB),
    ex(":cowboy_stream_h", "request_process/3", "/app/deps/cowboy/src/cowboy_stream_h.erl", 306, COWBOY),
    ex(":cowboy_stream_h", "execute/3", "/app/deps/cowboy/src/cowboy_stream_h.erl", 325, COWBOY),
    ex("Phoenix.Endpoint.Cowboy2Handler", "init/4", "lib/phoenix/endpoint/cowboy2_handler.ex", 43, "phoenix 1.7.12"),
    ex("EbbTideWeb.Endpoint", "plug_builder_call/2", "lib/ebb_tide_web/endpoint.ex", 1),
    ex("Phoenix.Router", "__call__/5", "lib/phoenix/router.ex", 484, "phoenix 1.7.12"),
)
BROADWAY = "broadway 1.0.7"
PROCESSOR = (
    ex(":gen_server", "try_handle_info/3", "gen_server.erl", 1077, STDLIB),
    ex("GenStage", "consumer_dispatch/6", "lib/gen_stage.ex", 2578, "gen_stage 1.2.1"),
    ex("Broadway.Topology.ProcessorStage", "handle_messages/4", "lib/broadway/topology/processor_stage.ex", 155, BROADWAY),
    ex("Broadway.Topology.ProcessorStage", "anonymous fn/6 in handle_messages/4", "lib/broadway/topology/processor_stage.ex", 168, BROADWAY),
)
PINGS = et("Feeds.VehiclePings", "handle_message/3", "feeds/vehicle_pings.ex", 33)
TRIPS = et("Feeds.TripUpdates", "handle_message/3", "feeds/trip_updates.ex", 29)
ECTO = "ecto 3.11.2"
INSERT = (ex("Ecto.Repo.Schema", "insert!/4", "lib/ecto/repo/schema.ex", 304, ECTO), ex("Ecto.Repo.Schema", "constraints_to_errors/3", "lib/ecto/repo/schema.ex", 851, ECTO))
ONE = (ex("Ecto.Repo.Queryable", "one!/3", "lib/ecto/repo/queryable.ex", 164, ECTO),)
FINCH = (ex("Req", "request!/2", "lib/req.ex", 1098, "req 0.4.14"),)
TEAM = {"team": "realtime"}
API = {"style": "sample", "monitor": "tide-api crashes", **TEAM}
FEEDS = {"style": "sample", "monitor": "tide-feeds failed messages", **TEAM}
KINDS = {"style": "type", "monitor": "tide errors by type", **TEAM}
FAILED = "Broadway failed to process message {id}"
ROUTE_KEY = 'key :route_id not found in: %{"stop_id" => "{id}", "direction" => 0, "headsign" => "Carlisle"}'


def action(controller: str, fn: str, line: int) -> tuple[Frame, ...]:
    file = "lib/ebb_tide_web/controllers/" + "".join("_" + c.lower() if c.isupper() else c for c in controller).lstrip("_") + ".ex"
    mod = f"EbbTideWeb.{controller}"
    return (*REQUEST, ex(mod, "action/2", file, 1), ex(mod, fn, file, line))


def constraint(index: str) -> str:
    return f'constraint error when attempting to insert struct:\n\n    * "{index}" (unique_constraint)\n\nIf you would like to stop this constraint violation from raising an\nexception and instead add it as an error to your changeset, please\ncall `unique_constraint/3` on your changeset with the constraint\n`:name` as an option.\n\nThe changeset has not defined any constraint.\n'


def no_results(schema: str, alias: str, where: str) -> str:
    return f"expected at least one result but got none in query:\n\nfrom {alias}0 in {schema},\n  where: {alias}0.{where}\n"


BUGS = [
    # The same missing key in the departures endpoint and the trip-update pipeline.
    Bug("ed-departures-route-key", "tide-api", (Exc("KeyError", ROUTE_KEY, (*action("DepartureController", "index/2", 22), et("Departures", "board/1", "departures.ex", 47))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **API), see("datadog.apm", **KINDS)),
        classes=(4,), pair="ed-tripupdate-route-key", entry="GET /api/v2/stops/{id}/departures"),
    Bug("ed-tripupdate-route-key", "tide-feeds", (Exc("KeyError", ROUTE_KEY, (*PROCESSOR, TRIPS, et("Realtime.Delays", "apply/2", "realtime/delays.ex", 61))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **FEEDS)),
        classes=(4, 5), pair="ed-departures-route-key", log=FAILED, entry="tide-feeds trip_updates", span=2),
    # Unique constraints on two tables.
    Bug("ed-ping-dup", "tide-feeds", (Exc("ConstraintError", constraint("vehicle_pings_vehicle_id_recorded_at_index"), (*PROCESSOR, PINGS, et("Fleet", "record_ping!/1", "fleet.ex", 88), *INSERT), module="Ecto"),),
        (see("sentry.error", 3), see("datadog.log", 2, **FEEDS), see("datadog.apm", **KINDS)),
        classes=(4,), pair="ed-ticket-dup", log=FAILED, entry="tide-feeds vehicle_pings"),
    Bug("ed-ticket-dup", "tide-api", (Exc("ConstraintError", constraint("tickets_order_ref_index"), (*action("TicketController", "create/2", 31), et("Ticketing", "issue!/2", "ticketing.ex", 54), *INSERT), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **API)),
        classes=(4,), pair="ed-ping-dup", entry="POST /api/v2/tickets"),
    # Ecto.NoResultsError for two schemas.
    Bug("ed-stop-no-result", "tide-api", (Exc("NoResultsError", no_results("EbbTide.Network.Stop", "s", "atco_code == ^\"{id}\""), (*action("StopController", "show/2", 14), *ONE), module="Ecto"),),
        (see("sentry.error", 3), see("datadog.log", **API), see("datadog.apm", **KINDS)),
        classes=(4,), pair="ed-fare-no-result", entry="GET /api/v2/stops/{id}"),
    Bug("ed-fare-no-result", "tide-api", (Exc("NoResultsError", no_results("EbbTide.Fares.Zone", "z", "code == ^\"{id}\""), (*action("FareController", "quote/2", 26), et("Fares", "zone!/1", "fares.ex", 19), *ONE), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **API)),
        classes=(4,), pair="ed-stop-no-result", entry="GET /api/v2/fares/quote"),
    # One GPS decoder, two exceptions.
    Bug("ed-ping-function-clause", "tide-feeds", (Exc("FunctionClauseError", "no function clause matching in EbbTide.Feeds.Gps.decode/1", (*PROCESSOR, PINGS, et("Feeds.Gps", "decode/1", "feeds/gps.ex", 12))),),
        (see("sentry.error", 4), see("datadog.log", 2, **FEEDS)),
        classes=(4,), pair="ed-ping-case-clause", log=FAILED, entry="tide-feeds vehicle_pings"),
    Bug("ed-ping-case-clause", "tide-feeds", (Exc("CaseClauseError", 'no case clause matching: {:error, :invalid_fix, %{"hdop" => 99.9}}', (*PROCESSOR, PINGS, et("Feeds.Gps", "decode/1", "feeds/gps.ex", 21))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **FEEDS), see("datadog.apm", **KINDS)),
        classes=(4,), pair="ed-ping-function-clause", log=FAILED, entry="tide-feeds vehicle_pings"),
    # Req timing out on two upstreams: Mint's error, the caller differs.
    Bug("ed-journey-timeout", "tide-api", (Exc("TransportError", "timeout", (*action("JourneyController", "plan/2", 40), et("Planner.Otp", "plan/1", "planner/otp.ex", 33), *FINCH), module="Mint"),),
        (see("sentry.error", 3), see("datadog.log", 3, **API)),
        classes=(4, 9), pair="ed-gtfs-timeout", entry="GET /api/v2/journeys"),
    Bug("ed-gtfs-timeout", "tide-feeds", (Exc("TransportError", "timeout", (*PROCESSOR, TRIPS, et("Feeds.Static", "fetch_schedule/1", "feeds/static.ex", 17), *FINCH), module="Mint"),),
        (see("sentry.error", 2), see("datadog.log", 2, **FEEDS), see("datadog.apm", **KINDS)),
        classes=(4, 9), pair="ed-journey-timeout", log=FAILED, entry="tide-feeds trip_updates"),
    # Regular groups.
    Bug("ed-pool-dropped", "tide-api", (Exc("ConnectionError", "connection not available and request was dropped from queue after {ms}ms. This means requests are coming in and your connection pool cannot serve them fast enough.", (*action("DepartureController", "index/2", 22), et("Departures", "board/1", "departures.ex", 41), ex("DBConnection", "run/3", "lib/db_connection.ex", 1001, "db_connection 2.6.0")), module="DBConnection"),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("datadog.log", 2, **API)),
        classes=(9,), entry="GET /api/v2/stops/{id}/departures", span=3),
    Bug("ed-pubsub-json", "tide-feeds", (Exc("DecodeError", 'unexpected byte at position 0: 0x3C ("<")', (*PROCESSOR, TRIPS, ex("Jason", "decode!/2", "lib/jason.ex", 92, "jason 1.4.1")), module="Jason"),),
        (see("sentry.error", 3), see("datadog.log", 2, **FEEDS)),
        log=FAILED, entry="tide-feeds trip_updates"),
    Bug("ed-ticket-bad-map", "tide-api", (Exc("BadMapError", "expected a map, got: nil", (*action("TicketController", "show/2", 47), et("Ticketing", "render_qr/1", "ticketing.ex", 102), ex("Map", "fetch!/2", "lib/map.ex", 317, "elixir 1.16.3"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **API), see("datadog.apm", **KINDS)),
        entry="GET /api/v2/tickets/{id}"),
    Bug("ed-pubsub-ack-exit", "tide-feeds", (Exc("RuntimeError", "GenServer.call(BroadwayCloudPubSub.Acknowledger, {:ack, 50}, 5000) exited with :timeout", (ex(":gen_server", "call/3", "gen_server.erl", 404, STDLIB), ex("BroadwayCloudPubSub.Acknowledger", "ack/3", "lib/broadway_cloud_pub_sub/acknowledger.ex", 61, "broadway_cloud_pub_sub 0.9.1"))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("datadog.log", 2, **FEEDS)),
        classes=(9,), log="Broadway acknowledger failed", entry="tide-feeds vehicle_pings", span=3),
    Bug("ed-eta-arith", "tide-api", (Exc("ArithmeticError", "bad argument in arithmetic expression", (*action("EtaController", "show/2", 18), et("Eta", "minutes/2", "eta.ex", 29), ex(":erlang", "/", "", 0, "erts 14.2.5"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v2/vehicles/{id}/eta"),
]

NOISE = [
    Noise("ed-noise-sentry-resolved", "tide-api", "sentry.metric", {"rule": "tide-api crash rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("ed-noise-recovered", "tide-feeds", "datadog.log", {**FEEDS, "transition": "Recovered", "alert_type": "success", "text": "tide-feeds failures are back to normal.", "priority": "P3"}),
    Noise("ed-noise-deploy", "tide-api", "datadog.event", {"monitor": "Deployed tide-api", "text": "Gigalixir deployed ebb_tide@1.13.0 to tide-api (3 replicas).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", **TEAM}),
]

EDENHALL = Company(
    key="ed",
    name="Edenhall Buses",
    domain="edenhall-buses.example",
    sentry_org="edenhall-buses",
    splunk_url="",
    splunk_guid="",
    datadog_org=("770215", "Edenhall Buses"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=RELEASES,
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="edenhall-sentry-client-secret",
)
# fmt: on
