"""(me) Marrick Moorings, a marina group's berth bookings: one Phoenix 1.7 release on Elixir
1.16 / OTP 26 on Fly.io (``marrick``: berth pages, LiveView booking flow, a JSON API for the
harbour masters' tablets, Stripe webhooks; Ecto over Fly Postgres) and its Oban 2.17 queues
on separate Fly machines (``jobs``: mooring invoices, tide tables, weather pulls, waiting-list
offers, through Req and Finch), plus two GenServers caching harbour occupancy.

Logs: Elixir's Logger with the default console format on stdout; Fly cuts stdout into lines
and fly-log-shipper's Vector ships each line as an event (``fly.app.name``, ``fly.region``,
``message``) to Splunk HEC and to Datadog. A crash report thus arrives as its lines one by
one: the saved search matches ``[error]`` lines and ``** (`` banners, and Oban's default JSON
job logger (``job:exception``) lines. One saved search over both apps, one Datadog log monitor
per Fly app pasting ``{{log.attributes.message}}``. Sentry: sentry-elixir 10 (Phoenix
through the logger handler and ``Sentry.PlugCapture``, Oban through its integration). No
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.elixir", "10.4.0", "hex:sentry")
RELEASES = ("marrick@0.14.2", "marrick@0.14.3", "marrick@0.15.0")
SERVICES = {
    "marrick": Service("marrick", "elixir", "me-fly", "fly:logs", "vector:fly-log-shipper", "marrick_fly", 11320011, "Elixir 1.16.2", framework="generic", sdk=SDK, releases=RELEASES),
    "jobs": Service("jobs", "elixir", "me-fly", "fly:logs", "vector:fly-log-shipper", "marrick_fly", 11320011, "Elixir 1.16.2", framework="oban", sdk=SDK, releases=RELEASES),
}


def ex(module: str, function: str, file: str, line: int, app: str = "") -> Frame:
    """An Elixir frame; a dependency's frame carries its OTP application and version."""
    return Frame(function, file, line, module, not app, args=app)


PHX = "phoenix 1.7.12"
BANDIT = "bandit 1.4.2"
LV = "phoenix_live_view 0.20.14"
BANDIT_CALL = (
    ex("Bandit.Pipeline", "run/4", "lib/bandit/pipeline.ex", 29, BANDIT),
    ex("Bandit.Pipeline", "call_plug!/2", "lib/bandit/pipeline.ex", 108, BANDIT),
    ex("MarrickWeb.Endpoint", "plug_builder_call/2", "lib/marrick_web/endpoint.ex", 1),
    ex("Phoenix.Router", "__call__/5", "lib/phoenix/router.ex", 475, PHX),
)
LV_EVENT = (
    ex(":gen_server", "handle_msg/6", "gen_server.erl", 1095, "stdlib 5.2.1"),
    ex("Phoenix.LiveView.Channel", "handle_info/2", "lib/phoenix_live_view/channel.ex", 276, LV),
    ex("Phoenix.LiveView.Channel", "view_handle_event/3", "lib/phoenix_live_view/channel.ex", 1154, LV),
)
OBAN = (
    ex("Task.Supervised", "invoke_mfa/2", "lib/task/supervised.ex", 101, "elixir 1.16.2"),
    ex("Oban.Queue.Executor", "perform/1", "lib/oban/queue/executor.ex", 129, "oban 2.17.10"),
)
ECTO_INSERT = ex("Ecto.Repo.Schema", "insert!/4", "lib/ecto/repo/schema.ex", 299, "ecto 3.11.2")
REQ = ex("Req", "request!/2", "lib/req.ex", 1050, "req 0.4.14")
WEATHER = ex("Marrick.Weather", "fetch!/2", "lib/marrick/weather.ex", 31)
GENSERVER = ex(":gen_server", "handle_msg/6", "gen_server.erl", 1095, "stdlib 5.2.1")


def snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name.replace(".", "/")).lstrip("_").replace("/_", "/")


def ctrl(name: str, action: str, line: int) -> tuple[Frame, ...]:
    module = f"MarrickWeb.{name}"
    file = f"lib/marrick_web/controllers/{snake(name)}.ex"
    return (*BANDIT_CALL, ex(module, "action/2", file, 1), ex(module, f"{action}/2", file, line))


def live(name: str, line: int) -> tuple[Frame, ...]:
    return (*LV_EVENT, ex(f"MarrickWeb.{name}", "handle_event/3", f"lib/marrick_web/live/{snake(name)}.ex", line))


def worker(name: str, line: int) -> tuple[Frame, ...]:
    return (*OBAN, ex(f"Marrick.Workers.{name}", "perform/1", f"lib/marrick/workers/{snake(name)}.ex", line))


def constraint(index: str) -> str:
    return f'constraint error when attempting to insert struct:\n\n    * "{index}" (unique_constraint)\n\nIf you would like to stop this constraint violation from raising an\nexception and instead add it as an error to your changeset, please\ncall `unique_constraint/3` on your changeset with the constraint\n`:name` as an option.\n\nThe changeset has not defined any constraint.\n'


LENGTH_KEY = 'key :length_m not found in: %{berth_no: "{seatrow}{idx}", pontoon: "{seatrow}", beam_m: 4.{idx}, draft_m: 1.{n}}'

SEARCH = dict(search="Marrick - Fly errors", owner="me_ops", app="marrick")
DD_WEB = dict(team="moorings", monitor="[fly] marrick-web error lines", filter="service:marrick-web status:error", text="marrick-web logged errors on {{log.host}}:\n\n{{log.attributes.message}}")
DD_JOBS = dict(team="moorings", monitor="[fly] marrick-jobs Oban failures", filter='service:marrick-jobs "job:exception"', text="Oban jobs failing on marrick-jobs.\n\n{{log.attributes.message}}")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def ddw(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_WEB, **opts)


def ddj(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_JOBS, part="oban", **opts)


BUGS = [
    # A berth without its length: the berth page and the invoice job share one helper.
    Bug("me-berth-length-page", "marrick", (Exc("KeyError", LENGTH_KEY, (*ctrl("BerthController", "show", 24), ex("Marrick.Tariffs", "nightly_rate/2", "lib/marrick/tariffs.ex", 47))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), spl(part="head"), spl(part="banner"), ddw()),
        classes=(2, 4, 9), pair="me-berth-length-invoice", entry="GET /berths/{berth_id}", span=2),
    Bug("me-berth-length-invoice", "jobs", (Exc("KeyError", LENGTH_KEY, (*worker("MooringInvoice", 38), ex("Marrick.Billing", "lines_for/2", "lib/marrick/billing.ex", 66), ex("Marrick.Tariffs", "nightly_rate/2", "lib/marrick/tariffs.ex", 47))),),
        (see("sentry.error", 3, mechanism="oban"), spl(part="oban", queue="billing"), ddj(2, queue="billing")),
        classes=(2, 4, 9), pair="me-berth-length-page", entry="Marrick.Workers.MooringInvoice"),
    # Two unique indexes violated by Ecto.
    Bug("me-booking-unique", "marrick", (Exc("ConstraintError", constraint("bookings_berth_id_arrival_date_index"), (*live("BookingLive.New", 88), ex("Marrick.Bookings", "book!/2", "lib/marrick/bookings.ex", 54), ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 3), spl(part="banner"), spl(part="head"), ddw()),
        classes=(2, 4), pair="me-waitlist-unique", entry="MarrickWeb.BookingLive.New"),
    Bug("me-waitlist-unique", "marrick", (Exc("ConstraintError", constraint("waitlist_entries_marina_id_boat_id_index"), (*ctrl("WaitlistController", "create", 21), ex("Marrick.Waitlist", "join!/2", "lib/marrick/waitlist.ex", 33), ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), spl(part="head"), ddw(2)),
        classes=(2, 4), pair="me-booking-unique", entry="POST /waitlist"),
    # One tide function, two failures.
    Bug("me-tide-match", "jobs", (Exc("MatchError", "no match of right hand side value: {:error, :no_tide_station}", (*worker("TideTable", 19), ex("Marrick.Tides", "window/2", "lib/marrick/tides.ex", 62))),),
        (see("sentry.error", 3, mechanism="oban"), spl(2, part="oban", queue="tides"), ddj(queue="tides")),
        classes=(2, 4), pair="me-tide-clause", entry="Marrick.Workers.TideTable"),
    Bug("me-tide-clause", "jobs", (Exc("FunctionClauseError", "no function clause matching in Marrick.Tides.window/2", (*worker("TideTable", 19), ex("Marrick.Tides", "window/2", "lib/marrick/tides.ex", 55))),),
        (see("sentry.error", 2, mechanism="oban"), see("sentry.error", mechanism="oban", release=2), spl(part="oban", queue="tides"), ddj(queue="tides")),
        classes=(2, 4, 5), pair="me-tide-match", entry="Marrick.Workers.TideTable", span=3),
    # One weather helper: a timeout and an upstream 500.
    Bug("me-weather-timeout", "jobs", (Exc("TransportError", "timeout", (*worker("WeatherPull", 27), WEATHER, REQ), module="Req"),),
        (see("sentry.error", 3, mechanism="oban"), spl(2, part="oban", queue="weather"), ddj(queue="weather")),
        classes=(2, 9), pair="me-weather-status", entry="Marrick.Workers.WeatherPull"),
    Bug("me-weather-status", "jobs", (Exc("RuntimeError", "weather API returned 503: \"upstream connect error or disconnect/reset before headers\"", (*worker("WeatherPull", 27), WEATHER)),),
        (see("sentry.error", 2, mechanism="oban"), spl(part="oban", queue="weather"), ddj(2, queue="weather")),
        classes=(2, 9), pair="me-weather-timeout", entry="Marrick.Workers.WeatherPull"),
    # Two occupancy caches losing their ETS table: GenServer crash reports, line by line.
    Bug("me-occupancy-ets", "marrick", (Exc("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: the table identifier does not refer to an existing ETS table\n", (GENSERVER, ex("Marrick.Harbour.Occupancy", "handle_info/2", "lib/marrick/harbour/occupancy.ex", 44), ex(":ets", "lookup(:berth_occupancy, {id})", "", 0, "stdlib 5.2.1"))),),
        (see("sentry.error", 2, mechanism="generic"), spl(genserver="Marrick.Harbour.Occupancy"), spl(part="banner"), ddw(genserver="Marrick.Harbour.Occupancy")),
        classes=(2, 4), pair="me-visitors-ets", entry="Marrick.Harbour.Occupancy"),
    Bug("me-visitors-ets", "marrick", (Exc("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: the table identifier does not refer to an existing ETS table\n", (GENSERVER, ex("Marrick.Harbour.VisitorBoard", "handle_info/2", "lib/marrick/harbour/visitor_board.ex", 29), ex(":ets", "tab2list(:visitor_board)", "", 0, "stdlib 5.2.1"))),),
        (see("sentry.error", 2, mechanism="generic"), spl(genserver="Marrick.Harbour.VisitorBoard"), ddw(part="banner")),
        classes=(2, 4), pair="me-occupancy-ets", entry="Marrick.Harbour.VisitorBoard"),
    # A LiveView step with no boat chosen.
    Bug("me-boat-enum-nil", "marrick", (Exc("UndefinedError", "protocol Enumerable not implemented for nil of type Atom. This protocol is implemented for the following type(s): DBConnection.PrepareStream, DBConnection.Stream, Date.Range, Ecto.Adapters.SQL.Stream, File.Stream, Function, GenEvent.Stream, HashDict, HashSet, IO.Stream, List, Map, MapSet, Postgrex.Stream, Range, Stream", (*live("BookingLive.Boat", 61), ex("Enum", "map/2", "lib/enum.ex", 1700, "elixir 1.16.2"), ex("Enumerable", "impl_for!/1", "lib/enum.ex", 1, "elixir 1.16.2")), module="Protocol"),),
        (see("sentry.error", 3), see("sentry.alert", rule="marrick: new issue"), spl(part="banner"), spl(part="head"), ddw()),
        classes=(2,), entry="MarrickWeb.BookingLive.Boat"),
    # The harbour masters' tablets syncing at 07:00 exhaust the pool.
    Bug("me-db-pool", "marrick", (Exc("ConnectionError", "connection not available and request was dropped from queue after {ms}ms. This means requests are coming in and your connection pool cannot serve them fast enough. You can address this by:\n\n  1. Ensuring your database is available and that you can connect to it\n  2. Tracking down slow queries and making sure they are running fast enough\n  3. Increasing the pool_size (although this increases resource consumption)\n  4. Allowing requests to wait longer by increasing :queue_target and :queue_interval\n\nSee DBConnection.start_link/2 for more information\n", (*ctrl("Api.MovementController", "index", 17), ex("Marrick.Movements", "since/2", "lib/marrick/movements.ex", 40), ex("Ecto.Adapters.SQL", "raise_sql_call_error/1", "lib/ecto/adapters/sql.ex", 1054, "ecto_sql 3.11.1")), module="DBConnection"),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2, part="banner"), ddw(2)),
        classes=(2, 5), entry="GET /api/movements", span=3),
    # Stripe webhooks for a refunded deposit the app never stored.
    Bug("me-stripe-refund", "marrick", (Exc("NoResultsError", "expected at least one result but got none in query:\n\nfrom d0 in Marrick.Payments.Deposit,\n  where: d0.stripe_payment_intent == ^\"{pi}\"\n", (*ctrl("StripeWebhookController", "create", 35), ex("Marrick.Payments", "refund!/1", "lib/marrick/payments.ex", 71), ex("Ecto.Repo.Queryable", "one!/3", "lib/ecto/repo/queryable.ex", 158, "ecto 3.11.2")), module="Ecto"),),
        (see("sentry.error", 2), spl(part="head"), spl(part="banner"), ddw()),
        classes=(2,), entry="POST /webhooks/stripe"),
    # One quote function, two failures: a zero-night stay and a boat length sent as a string.
    Bug("me-quote-zero-nights", "marrick", (Exc("ArithmeticError", "bad argument in arithmetic expression", (*live("QuoteLive", 47), ex("Marrick.Quotes", "price/2", "lib/marrick/quotes.ex", 29), ex(":erlang", "div({n}00, 0)", "", 0, "erts 14.2.5"))),),
        (see("sentry.error", 2), spl(part="banner"), spl(part="head"), ddw()),
        classes=(2, 4), pair="me-quote-length-string", entry="MarrickWeb.QuoteLive"),
    Bug("me-quote-length-string", "marrick", (Exc("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: not a number\n", (*live("QuoteLive", 47), ex("Marrick.Quotes", "price/2", "lib/marrick/quotes.ex", 33), ex(":erlang", "*(\"1{idx}.5\", 42)", "", 0, "erts 14.2.5"))),),
        (see("sentry.error", 2), see("sentry.issue"), spl(part="banner"), ddw()),
        classes=(2, 4), pair="me-quote-zero-nights", entry="MarrickWeb.QuoteLive"),
    # A singleton: an offer mail job encoding a Latin-1 boat name.
    Bug("me-offer-encode", "jobs", (Exc("EncodeError", "invalid byte 0xE9 in <<77, 97, 114, 105, {n}, 233>>", (*worker("WaitlistOffer", 22), ex("Jason", "encode_to_iodata!/2", "lib/jason.ex", 213, "jason 1.4.1")), module="Jason"),),
        (see("sentry.error", mechanism="oban"),),
        singleton=True, entry="Marrick.Workers.WaitlistOffer"),
]

NOISE = [
    Noise("me-noise-machine-start", "marrick", "splunk", {**SEARCH, "line": '{"event":{"provider":"runner"},"fly":{"app":{"instance":"{hex}","name":"marrick-web"},"region":"lhr"},"host":"6c1a","log":{"level":"info"},"message":"Machine started in {ms}ms","timestamp":"{ts}"}'}),
    Noise("me-noise-oban-pruned", "jobs", "splunk", {**SEARCH, "line": '{"event":{"provider":"app"},"fly":{"app":{"instance":"{hex}","name":"marrick-jobs"},"region":"lhr"},"host":"9e02","log":{"level":"info"},"message":"{hms}.{millis} [info] {\\"event\\":\\"plugin:stop\\",\\"plugin\\":\\"Oban.Plugins.Pruner\\",\\"pruned_count\\":{n},\\"source\\":\\"oban\\"}","timestamp":"{ts}"}'}),
    Noise("me-noise-sentry-resolved", "marrick", "sentry.metric", {"rule": "marrick error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

MARRICK = Company(
    key="me",
    name="Marrick Moorings",
    domain="marrick.example",
    sentry_org="marrick-moorings",
    splunk_url="https://splunk.marrick.example:8000",
    splunk_guid="1D7F3B90-4C2A-4E68-8A17-C5E9B02F6D34",
    datadog_org=("1132001", "Marrick Moorings"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("0.14.2", "0.14.3", "0.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="marrick-sentry-client-secret",
)
# fmt: on
