"""(et) Etterby Allotments, a council's allotment lettings: one Phoenix 1.7 release on Elixir
1.17 / OTP 27 served by Bandit 1.5 (``allotments``: plot pages and a JSON API for the site
secretaries' app, GoCardless webhooks, Ecto over Postgres), its Oban 2.18 queues in the same
release (``allotments-jobs``: rent invoices, waiting-list offers, inspection reports, mail
through Swoosh and Finch) and an esbuild bundle with a Leaflet site map (``allotments-web``).

Sentry: sentry-elixir 10 (Bandit's crashed requests through the logger handler, Oban jobs
through its Oban integration). Splunk: the release's stdout in Logger's default console format
with ``metadata: [:request_id, :job_id]``: Bandit's ``Exception.format`` of a crashed request,
the team's own Oban telemetry handler (a ``[oban] <Worker> failed attempt=n/20`` line over
``Exception.format``), a GenServer's ``terminating`` report. The BEAM keeps 8 frames of a
stacktrace, so every trace stops there. PostHog: posthog-js on the site map. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.elixir", "10.8.0", "hex:sentry")
RELEASES = ("allotments@1.4.2", "allotments@1.4.3", "allotments@1.5.0")
SERVICES = {
    "allotments": Service("allotments", "elixir", "et-elixir-console", "etterby:stdout", "/var/log/containers/allotments.log", "etterby", 8490011, "Elixir 1.17.3", framework="generic", sdk=SDK, releases=RELEASES),
    "allotments-jobs": Service("allotments-jobs", "elixir", "et-elixir-console", "etterby:stdout", "/var/log/containers/allotments-jobs.log", "etterby", 8490011, "Elixir 1.17.3", framework="oban", sdk=SDK, releases=RELEASES),
    "allotments-web": Service("allotments-web", "javascript", "", "", "", "", 8490014, origin="https://plots.etterby.example", releases=RELEASES),
}


def ex(module: str, function: str, file: str, line: int, app: str = "") -> Frame:
    """An Elixir frame; a dependency's frame carries its OTP application and version."""
    return Frame(function, file, line, module, not app, args=app)


STDLIB = "stdlib 6.1"
BANDIT = "bandit 1.5.7"
PHX = "phoenix 1.7.14"
# Bandit's handler process calling the endpoint (oldest first); the BEAM keeps the 8 innermost.
BANDIT_CALL = (
    ex("Bandit.Pipeline", "run/4", "lib/bandit/pipeline.ex", 36, BANDIT),
    ex("Bandit.Pipeline", "call_plug!/2", "lib/bandit/pipeline.ex", 127, BANDIT),
    ex("EtterbyWeb.Endpoint", "plug_builder_call/2", "lib/etterby_web/endpoint.ex", 1),
    ex("Phoenix.Router", "__call__/5", "lib/phoenix/router.ex", 484, PHX),
)
OBAN = (
    ex("Task.Supervised", "invoke_mfa/2", "lib/task/supervised.ex", 101, "elixir 1.17.3"),
    ex("Oban.Queue.Executor", "perform/1", "lib/oban/queue/executor.ex", 145, "oban 2.18.3"),
)
ECTO_ONE = ex("Ecto.Repo.Queryable", "one!/3", "lib/ecto/repo/queryable.ex", 164, "ecto 3.12.4")
ECTO_INSERT = ex("Ecto.Repo.Schema", "insert!/4", "lib/ecto/repo/schema.ex", 304, "ecto 3.12.4")
ANNUAL_RENT = ex("Etterby.Rents", "annual_rent/1", "lib/etterby/rents.ex", 41)
SCORE_AT = ("lib/etterby/inspections.ex", "Etterby.Inspections", "score/2")
LEAFLET = "node_modules/leaflet/dist/leaflet-src.js"
API = {"search": "allotments - errors"}
JOBS = {"search": "allotments-jobs - failures"}


def ctrl(name: str, action: str, line: int) -> tuple[Frame, ...]:
    """A Phoenix controller action under Bandit: the controller's generated ``action/2`` then
    the action itself."""
    module = f"EtterbyWeb.{name}"
    file = "lib/etterby_web/controllers/" + "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_") + ".ex"
    return (*BANDIT_CALL, ex(module, "action/2", file, 1), ex(module, f"{action}/2", file, line))


def worker(name: str, line: int) -> tuple[Frame, ...]:
    file = "lib/etterby/workers/" + "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_") + ".ex"
    return (*OBAN, ex(f"Etterby.Workers.{name}", "perform/1", file, line))


def constraint(index: str) -> str:
    return f'constraint error when attempting to insert struct:\n\n    * "{index}" (unique_constraint)\n\nIf you would like to stop this constraint violation from raising an\nexception and instead add it as an error to your changeset, please\ncall `unique_constraint/3` on your changeset with the constraint\n`:name` as an option.\n\nThe changeset has not defined any constraint.\n'


def no_results(schema: str, alias: str) -> str:
    return f"expected at least one result but got none in query:\n\nfrom {alias}0 in {schema},\n  where: {alias}0.id == ^{{id}}\n"


RENT_KEY = 'key :rent_band not found in: %{site_id: {idx}, size_m2: {n}, water: true, plot_no: "{idx}{seatrow}"}'

BUGS = [
    # A plot without a rent band: the plot page and the invoice run share one helper.
    Bug("et-rent-band-page", "allotments", (Exc("KeyError", RENT_KEY, (*ctrl("PlotController", "show", 27), ANNUAL_RENT)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4, 9), pair="et-rent-band-invoice", entry="GET /plots/{plot_id}", span=2),
    Bug("et-rent-band-invoice", "allotments-jobs", (Exc("KeyError", RENT_KEY, (*worker("RentInvoice", 33), ex("Etterby.Billing", "invoice_lines/1", "lib/etterby/billing.ex", 58), ANNUAL_RENT)),),
        (see("sentry.error", 3, mechanism="oban"), see("splunk", 2, queue="billing", **JOBS)),
        classes=(4, 9), pair="et-rent-band-page", entry="Etterby.Workers.RentInvoice"),
    # Two unique indexes: a plot let twice, a waiting-list sign-up twice.
    Bug("et-tenancy-unique", "allotments", (Exc("ConstraintError", constraint("tenancies_plot_id_active_index"), (*ctrl("TenancyController", "create", 44), ex("Etterby.Lettings", "let_plot!/2", "lib/etterby/lettings.ex", 71), ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4,), pair="et-waitlist-unique", entry="POST /api/tenancies"),
    Bug("et-waitlist-unique", "allotments", (Exc("ConstraintError", constraint("waitlist_entries_site_id_email_index"), (*ctrl("WaitlistController", "create", 19), ex("Etterby.Waitlist", "join!/2", "lib/etterby/waitlist.ex", 30), ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 3), see("splunk", 2, **API)),
        classes=(4,), pair="et-tenancy-unique", entry="POST /waitlist"),
    # One scoring function, two failures: a zero-sized plot, and a report with no photos list.
    Bug("et-score-arith", "allotments-jobs", (Exc("ArithmeticError", "bad argument in arithmetic expression", (*worker("InspectionReport", 22), ex("Etterby.Inspections", "score/2", SCORE_AT[0], 88), ex(":erlang", "/(7, 0)", "", 0, "erts 15.1"))),),
        (see("sentry.error", 2, mechanism="oban"), see("sentry.issue"), see("splunk", 2, queue="inspections", **JOBS)),
        classes=(4,), pair="et-score-clause", entry="Etterby.Workers.InspectionReport"),
    Bug("et-score-clause", "allotments-jobs", (Exc("FunctionClauseError", "no function clause matching in Etterby.Inspections.score/2", (*worker("InspectionReport", 22), ex("Etterby.Inspections", "score/2", SCORE_AT[0], 79))),),
        (see("sentry.error", 2, mechanism="oban"), see("sentry.error", mechanism="oban", release=2), see("splunk", queue="inspections", **JOBS)),
        classes=(4, 5), pair="et-score-arith", entry="Etterby.Workers.InspectionReport", span=3),
    # NoResultsError: which schema is the bug.
    Bug("et-site-no-results", "allotments", (Exc("NoResultsError", no_results("Etterby.Sites.Site", "s"), (*ctrl("SiteController", "show", 15), ECTO_ONE), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4,), pair="et-secretary-no-results", entry="GET /sites/{site_id}"),
    Bug("et-secretary-no-results", "allotments", (Exc("NoResultsError", no_results("Etterby.Accounts.Secretary", "s"), (*ctrl("Api.SecretaryController", "show", 12), ECTO_ONE), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", **API)),
        classes=(4, 5), pair="et-site-no-results", entry="GET /api/secretaries/{secretary_id}", span=2),
    # The site map: a plot's geometry read in two modules of the bundle.
    Bug("et-web-map-geometry", "allotments-web", (Exc("TypeError", frames=(js(LEAFLET, "NewClass.fire", 593, 16, "vendor", lib=True), js("assets/js/site_map.js", "onPlotClick", 48, 31, "app")), js=JsError("read-undefined", "plot.geometry", "coordinates")),),
        (see("posthog", browser="chrome", chunk="app"), see("posthog", browser="firefox", chunk="app"), see("posthog", browser="safari", chunk="app"), see("posthog", browser="chrome", chunk="app", resolved=True)),
        classes=(3, 4), pair="et-web-plan-geometry", page="/sites/map"),
    Bug("et-web-plan-geometry", "allotments-web", (Exc("TypeError", frames=(js("assets/js/app.js", "initPlan", 22, 9, "app"), js("assets/js/plot_plan.js", "drawBeds", 17, 40, "app")), js=JsError("read-undefined", "plot.geometry", "coordinates")),),
        (see("posthog", 2, browser="chrome", chunk="app"), see("posthog", browser="edge", chunk="app", release=1), see("posthog", browser="safari", chunk="app", resolved=True, release=1)),
        classes=(3, 4, 5), pair="et-web-map-geometry", page="/plots/plan", span=2),
    # Swoosh through Finch timing out on the mail relay.
    Bug("et-offer-mail-timeout", "allotments-jobs", (Exc("TransportError", "timeout", (*worker("WaitlistOffer", 41), ex("Etterby.Mailer", "deliver!/1", "lib/etterby/mailer.ex", 9), ex("Swoosh.Mailer", "deliver!/3", "lib/swoosh/mailer.ex", 168, "swoosh 1.17.2")), module="Mint"),),
        (see("sentry.error", 3, mechanism="oban"), see("splunk", 3, queue="mailers", **JOBS)),
        entry="Etterby.Workers.WaitlistOffer"),
    # The secretaries' app syncing at the start of the season starves the pool.
    Bug("et-sync-pool", "allotments", (Exc("ConnectionError", "connection not available and request was dropped from queue after {ms}ms. This means requests are coming in and your connection pool cannot serve them fast enough. You can address this by:\n\n  1. Ensuring your database is available and that you can connect to it\n  2. Tracking down slow queries and making sure they are running fast enough\n  3. Increasing the pool_size (although this increases resource consumption)\n  4. Allowing requests to wait longer by increasing :queue_target and :queue_interval\n\nSee DBConnection.start_link/2 for more information\n", (*ctrl("Api.SyncController", "index", 23), ex("Etterby.Sync", "changes_since/2", "lib/etterby/sync.ex", 37), ex("Ecto.Adapters.SQL", "raise_sql_call_error/1", "lib/ecto/adapters/sql.ex", 1096, "ecto_sql 3.12.1")), module="DBConnection"),),
        (see("sentry.error", 2), see("sentry.alert", rule="allotments: DB pool errors"), see("sentry.error", release=2), see("splunk", 2, **API)),
        classes=(5,), entry="GET /api/sync", span=3),
    # GoCardless webhooks for a mandate the council cancelled.
    Bug("et-gocardless-match", "allotments", (Exc("MatchError", "no match of right hand side value: {:error, :mandate_not_found}", (*ctrl("GocardlessController", "webhook", 31), ex("Etterby.Payments", "apply_event/1", "lib/etterby/payments.ex", 64))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API)),
        entry="POST /webhooks/gocardless"),
    # The waiting-list sweeper's ETS cache is gone after a node restart: a GenServer crash report.
    Bug("et-sweeper-ets", "allotments-jobs", (Exc("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: the table identifier does not refer to an existing ETS table\n", (ex(":gen_server", "handle_msg/6", "gen_server.erl", 2345, STDLIB), ex("Etterby.Waitlist.Sweeper", "handle_info/2", "lib/etterby/waitlist/sweeper.ex", 36), ex(":ets", "lookup(:waitlist_positions, {id})", "", 0, "stdlib 6.1"))),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, genserver="Etterby.Waitlist.Sweeper", last=":sweep", state="%{interval: 60000, site_ids: [{idx}, {n}], last_run: nil}", **JOBS)),
        entry="Etterby.Waitlist.Sweeper"),
    # A CSV export interpolating a tuple.
    Bug("et-export-chars", "allotments", (Exc("UndefinedError", "protocol String.Chars not implemented for type Tuple\n\nGot value:\n\n    {:ok, ~D[2026-03-1{idx}]}\n", (*ctrl("ExportController", "tenancies", 52), ex("Etterby.Exports", "tenancy_row/1", "lib/etterby/exports.ex", 19), ex("String.Chars", "impl_for!/1", "lib/string/chars.ex", 3, "elixir 1.17.3")), module="Protocol"),),
        (see("sentry.error", 2), see("splunk", **API)),
        entry="GET /exports/tenancies.csv"),
    Bug("et-report-encode", "allotments-jobs", (Exc("EncodeError", "invalid byte 0xE9 in <<{n}, 97, 114, 100, 233>>", (*worker("CommitteeReport", 18), ex("Jason", "encode_to_iodata!/2", "lib/jason.ex", 213, "jason 1.4.4")), module="Jason"),),
        (see("sentry.error", mechanism="oban"),),
        singleton=True, entry="Etterby.Workers.CommitteeReport"),
    # The postcode lookup's Finch pool logging its warnings: one template, values varying.
    Bug("et-postcode-warning", "allotments", (),
        (see("splunk", line="{hms}.{millis} request_id=F{hex} [warning] postcode lookup failed after {ms}ms host=api.os-places.example: %Mint.TransportError{reason: :closed}", search="allotments - warnings"), see("splunk", line="{hms}.{millis} request_id=F{hex} [warning] postcode lookup failed after {ms}ms host=api.os-places.example: %Mint.TransportError{reason: :timeout}", search="allotments - warnings"), see("splunk", line="{hms}.{millis} request_id=F{hex} [warning] postcode lookup failed after {ms}ms host=api.os-places.example: %Mint.TransportError{reason: :closed}", search="allotments - warnings")),
        classes=(7,), entry="GET /waitlist/postcode"),
]

NOISE = [
    Noise("et-noise-bandit-start", "allotments", "splunk", {**API, "line": "{hms}.{millis} [info] Running EtterbyWeb.Endpoint with Bandit 1.5.7 at :::4000 (http)"}),
    Noise("et-noise-oban-pruned", "allotments-jobs", "splunk", {**JOBS, "line": "{hms}.{millis} [info] [oban] pruner deleted {n} completed jobs"}),
    Noise("et-noise-sentry-resolved", "allotments", "sentry.metric", {"rule": "allotments error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

ETTERBY = Company(
    key="et",
    name="Etterby Allotments",
    domain="etterby.example",
    sentry_org="etterby",
    splunk_url="https://splunk.etterby.example:8000",
    splunk_guid="4B1E7A20-9C3D-4E55-8F61-0A2B3C4D5E6F",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(84901, "Etterby plots"),
    releases=("1.4.2", "1.4.3", "1.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="etterby-sentry-client-secret",
)
# fmt: on
