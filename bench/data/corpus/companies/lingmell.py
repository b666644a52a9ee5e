"""(ck) Lingmell Charge, a public EV-charging network: one Elixir 1.17 / OTP 27 release run
as two deployments. ``charge-api``: a Phoenix 1.7 JSON API on Bandit (drivers' app, RFID
cards, charger prices, site pages; Ecto 3.12 over Postgres). ``session-pipeline``: Broadway
pipelines consuming the chargers' OCPP session events from RabbitMQ (processors normalising
and billing each event, a batcher writing meter readings with ``insert_all``).

Sentry: sentry-elixir 10 (its logger handler reports Bandit's and Broadway's crash reports
with the exception and stacktrace). Datadog: Datadog's default webhook payload; logs shipped
as ``LoggerJSON.Formatters.Datadog`` writes them, so log monitors render the standard
``error.kind`` (the exception's last module segment), ``error.message`` (the whole report)
and ``error.stack`` attributes; APM monitors by error type from OpenTelemetry spans. No
Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.elixir", "10.8.1", "hex:sentry")
RELEASES = ("lingmell@2.4.0", "lingmell@2.4.2", "lingmell@2.5.0")
SERVICES = {
    "charge-api": Service("charge-api", "elixir", "ck-loggerjson-dd", "", "", "", 5510231, "Elixir 1.17.3", framework="generic", sdk=SDK, releases=RELEASES),
    "session-pipeline": Service("session-pipeline", "elixir", "ck-loggerjson-dd", "", "", "", 5510232, "Elixir 1.17.3", framework="generic", sdk=SDK, releases=RELEASES),
}


def ex(module: str, function: str, file: str, line: int, app: str = "") -> Frame:
    """An Elixir frame; a dependency's frame carries its OTP application and version."""
    return Frame(function, file, line, module, not app, args=app)


def lm(module: str, function: str, file: str, line: int) -> Frame:
    return ex(f"Lingmell.{module}", function, f"lib/lingmell/{file}", line)


STDLIB = "stdlib 6.1.2"
BANDIT = "bandit 1.5.7"
# A request on Bandit through the endpoint and router to a controller action (oldest first).
REQUEST = (
    ex(":proc_lib", "init_p_do_apply/3", "proc_lib.erl", 329, STDLIB),
    ex("Bandit.HTTP1.Handler", "handle_data/3", "lib/bandit/http1/handler.ex", 12, BANDIT),
    ex("Bandit.Pipeline", "run/4", "lib/bandit/pipeline.ex", 29, BANDIT),
    ex("Bandit.Pipeline", "call_plug!/2", "lib/bandit/pipeline.ex", 127, BANDIT),
    ex("LingmellWeb.Endpoint", "plug_builder_call/2", "lib/lingmell_web/endpoint.ex", 1),
    ex("Phoenix.Router", "__call__/5", "lib/phoenix/router.ex", 484, "phoenix 1.7.14"),
)


def action(controller: str, fn: str, line: int) -> tuple[Frame, ...]:
    file = "lib/lingmell_web/controllers/" + "".join("_" + c.lower() if c.isupper() else c for c in controller).lstrip("_") + ".ex"
    mod = f"LingmellWeb.{controller}"
    return (ex(mod, "phoenix_controller_pipeline/2", file, 1), ex(mod, "action/2", file, 1), ex(mod, fn, file, line))


BROADWAY = "broadway 1.1.0"
TELEMETRY = ex(":telemetry", "span/3", "/app/deps/telemetry/src/telemetry.erl", 321, "telemetry 1.3.0")
# A Broadway processor running handle_message/3 (oldest first).
PROCESSOR = (
    ex(":gen_server", "try_handle_info/3", "gen_server.erl", 2173, STDLIB),
    ex("GenStage", "consumer_dispatch/6", "lib/gen_stage.ex", 2578, "gen_stage 1.2.1"),
    ex("Broadway.Topology.ProcessorStage", "anonymous fn/3 in handle_events/3", "lib/broadway/topology/processor_stage.ex", 66, BROADWAY),
    TELEMETRY,
    ex("Broadway.Topology.ProcessorStage", "handle_messages/4", "lib/broadway/topology/processor_stage.ex", 155, BROADWAY),
    TELEMETRY,
    ex("Broadway.Topology.ProcessorStage", "anonymous fn/6 in handle_messages/4", "lib/broadway/topology/processor_stage.ex", 168, BROADWAY),
    lm("Pipeline.SessionEvents", "handle_message/3", "pipeline/session_events.ex", 41),
)
BATCHER = (
    ex(":gen_server", "try_handle_info/3", "gen_server.erl", 2173, STDLIB),
    ex("GenStage", "consumer_dispatch/6", "lib/gen_stage.ex", 2578, "gen_stage 1.2.1"),
    ex("Broadway.Topology.BatchProcessorStage", "handle_events/3", "lib/broadway/topology/batch_processor_stage.ex", 28, BROADWAY),
    TELEMETRY,
    ex("Broadway.Topology.BatchProcessorStage", "handle_batch/4", "lib/broadway/topology/batch_processor_stage.ex", 66, BROADWAY),
    lm("Pipeline.SessionEvents", "handle_batch/4", "pipeline/session_events.ex", 77),
)
ECTO_ONE = (ex("Ecto.Repo.Queryable", "one!/3", "lib/ecto/repo/queryable.ex", 164, "ecto 3.12.4"),)
ECTO_INSERT = (
    ex("Ecto.Repo.Schema", "insert!/4", "lib/ecto/repo/schema.ex", 304, "ecto 3.12.4"),
    ex("Ecto.Repo.Schema", "constraints_to_errors/3", "lib/ecto/repo/schema.ex", 851, "ecto 3.12.4"),
)
# Both the price endpoint and the session close rate a connector here.
RATE_FOR = lm("Tariffs", "rate_for/2", "tariffs.ex", 38)
TARIFF_KEY = 'key :tariff_id not found in: %{connector: {idx}, evse_id: "GB*LGM*E{id}*1", power_kw: 22}'
KWH_COST = "Billing"
CLOSE = lm("Billing", "close_session/1", "billing.ex", 52)


def constraint(index: str) -> str:
    return f'constraint error when attempting to insert struct:\n\n    * "{index}" (unique_constraint)\n\nIf you would like to stop this constraint violation from raising an\nexception and instead add it as an error to your changeset, please\ncall `unique_constraint/3` on your changeset with the constraint\n`:name` as an option.\n\nThe changeset has not defined any constraint.\n'


def no_results(schema: str, alias: str, where: str) -> str:
    return f"expected at least one result but got none in query:\n\nfrom {alias}0 in {schema},\n  where: {alias}0.{where}\n"


POOL = "connection not available and request was dropped from queue after {ms}ms. This means requests are coming in and your connection pool cannot serve them fast enough. You can address this by:\n\n  1. Ensuring your database is available and that you can connect to it\n  2. Tracking down slow queries and making sure they are running fast enough\n  3. Increasing the pool_size (although this increases resource consumption)\n  4. Allowing requests to wait longer by increasing :queue_target and :queue_interval\n\nSee DBConnection.start_link/2 for more information\n"

PIPE = {"site": "Elixir.Broadway.Topology.ProcessorStage.handle_messages/4|lib/broadway/topology/processor_stage.ex|178"}
BATCH = {"site": "Elixir.Broadway.Topology.BatchProcessorStage.handle_batch/4|lib/broadway/topology/batch_processor_stage.ex|82"}
TEAM = {"team": "charging"}
API_CRASH = {"monitor": "charge-api crashes", "filter": "service:charge-api status:error", "text": "charge-api crashed on a request.\n\n**{{log.attributes.error.kind}}**\n\n{{log.attributes.error.message}}", **TEAM}
PIPE_STACK = {**PIPE, "monitor": "session-pipeline failures", "filter": "service:session-pipeline status:error", "text": "A message failed in session-pipeline: {{log.attributes.error.kind}}\n\n```\n{{log.attributes.error.stack}}\n```\nlogged by {{log.attributes.logger.method_name}}", **TEAM}
# One monitor grouped by kind: it names the kind alone.
PIPE_KINDS = {**PIPE, "monitor": "session-pipeline failed messages by kind", "filter": "service:session-pipeline status:error", "by": "@error.kind", "text": "session-pipeline is failing messages: {{log.attributes.error.kind}} (over 5 in 5 minutes).", **TEAM}
API_TYPES = {"monitor": "charge-api errors by type", "style": "type", **TEAM}

BUGS = [
    # A connector without a tariff: the price endpoint and the session close fail in one helper.
    Bug("ck-price-tariff-key", "charge-api", (Exc("KeyError", TARIFF_KEY, (*REQUEST, *action("PriceController", "show/2", 19), lm("Pricing", "quote/2", "pricing.ex", 27), RATE_FOR)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("datadog.log", 2, **API_CRASH)),
        classes=(4, 9), pair="ck-close-tariff-key", entry="GET /api/v1/chargers/{evse_id}/price", span=2),
    Bug("ck-close-tariff-key", "session-pipeline", (Exc("KeyError", TARIFF_KEY, (*PROCESSOR, CLOSE, RATE_FOR)),),
        (see("sentry.error", 3), see("datadog.log", **PIPE_STACK), see("datadog.log", **PIPE_KINDS)),
        classes=(4, 9), pair="ck-price-tariff-key"),
    # A missing unique_constraint/3: which index is the bug.
    Bug("ck-card-uid-constraint", "charge-api", (Exc("ConstraintError", constraint("cards_uid_index"), (*REQUEST, *action("CardController", "create/2", 24), lm("Cards", "register!/2", "cards.ex", 33), *ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **API_CRASH), see("datadog.apm", **API_TYPES)),
        classes=(4,), pair="ck-session-start-constraint", entry="POST /api/v1/cards"),
    Bug("ck-session-start-constraint", "session-pipeline", (Exc("ConstraintError", constraint("sessions_charger_id_started_at_index"), (*PROCESSOR, lm("Sessions", "open!/1", "sessions.ex", 61), *ECTO_INSERT), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 2, **PIPE_STACK)),
        classes=(4,), pair="ck-card-uid-constraint", span=3),
    # One cost function, two exceptions: a nil energy reading; a negative one no clause takes.
    Bug("ck-kwh-arith", "session-pipeline", (Exc("ArithmeticError", "bad argument in arithmetic expression", (*PROCESSOR, CLOSE, lm(KWH_COST, "kwh_cost/2", "billing.ex", 88), ex(":erlang", "*/2", "", 0, "erts 15.1.2"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **PIPE_STACK), see("datadog.log", **PIPE_KINDS)),
        classes=(4,), pair="ck-kwh-clause"),
    Bug("ck-kwh-clause", "session-pipeline", (Exc("FunctionClauseError", "no function clause matching in Lingmell.Billing.kwh_cost/2\n\nThe following arguments were given to Lingmell.Billing.kwh_cost/2:\n\n    # 1\n    %Decimal{sign: -1, coef: {n}, exp: -3}\n\n    # 2\n    %Lingmell.Tariffs.Rate{currency: \"GBP\", pence_per_kwh: 79}\n\nAttempted function clauses (showing 1 out of 1):\n\n    def kwh_cost(%Decimal{sign: 1} = kwh, %Lingmell.Tariffs.Rate{} = rate)\n", (*PROCESSOR, CLOSE, lm(KWH_COST, "kwh_cost/2", "billing.ex", 84))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **PIPE_STACK)),
        classes=(4,), pair="ck-kwh-arith", span=2),
    # Ecto's NoResultsError: which schema the query names is the bug.
    Bug("ck-charger-no-results", "charge-api", (Exc("NoResultsError", no_results("Lingmell.Chargers.Charger", "c", 'evse_id == ^"GB*LGM*E{id}*1"'), (*REQUEST, *action("ChargerController", "show/2", 15), lm("Chargers", "get_by_evse!/1", "chargers.ex", 22), *ECTO_ONE), module="Ecto"),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **API_CRASH), see("datadog.apm", **API_TYPES)),
        classes=(4,), pair="ck-driver-no-results", entry="GET /api/v1/chargers/{evse_id}"),
    Bug("ck-driver-no-results", "session-pipeline", (Exc("NoResultsError", no_results("Lingmell.Accounts.Driver", "d", "id == ^{id}"), (*PROCESSOR, lm("Accounts", "get_driver!/1", "accounts.ex", 48), *ECTO_ONE), module="Ecto"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **PIPE_STACK), see("datadog.log", **PIPE_KINDS)),
        classes=(4,), pair="ck-charger-no-results"),
    # Two MatchErrors in two pipeline steps: the by-kind monitor shows both as MatchError.
    Bug("ck-connector-match", "session-pipeline", (Exc("MatchError", "no match of right hand side value: {:error, :unknown_connector}", (*PROCESSOR, lm("Pipeline.Normalize", "connector/1", "pipeline/normalize.ex", 19))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **PIPE_KINDS)),
        classes=(4,), pair="ck-payload-match"),
    Bug("ck-payload-match", "session-pipeline", (Exc("MatchError", 'no match of right hand side value: {:error, %Jason.DecodeError{position: 0, token: nil, data: ""}}', (*PROCESSOR, lm("Pipeline.Decode", "payload/1", "pipeline/decode.ex", 11))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **PIPE_KINDS)),
        classes=(4,), pair="ck-connector-match", span=2),
    # The site map's queries starving the pool at the evening peak.
    Bug("ck-api-pool", "charge-api", (Exc("ConnectionError", POOL, (*REQUEST, *action("SiteController", "index/2", 12), lm("Sites", "nearby/2", "sites.ex", 71), ex("Ecto.Adapters.SQL", "raise_sql_call_error/1", "lib/ecto/adapters/sql.ex", 1096, "ecto_sql 3.12.1")), module="DBConnection"),),
        (see("sentry.error", 2), see("sentry.error", 2, release=1), see("datadog.log", 2, **API_CRASH), see("datadog.apm", **API_TYPES)),
        classes=(5,), entry="GET /api/v1/sites", span=2),
    # Two batchers upserting the same readings in different orders.
    Bug("ck-readings-deadlock", "session-pipeline", (Exc("Error", "ERROR 40P01 (deadlock_detected) deadlock detected\n\n    hint: See server log for query details.", (*BATCHER, lm("Meter", "upsert_readings/1", "meter.ex", 29), ex("Ecto.Repo.Schema", "insert_all/4", "lib/ecto/repo/schema.ex", 59, "ecto 3.12.4"), ex("Ecto.Adapters.SQL", "raise_sql_call_error/1", "lib/ecto/adapters/sql.ex", 1096, "ecto_sql 3.12.1")), module="Postgrex"),),
        (see("sentry.error", 3), see("datadog.log", 2, **{**PIPE_STACK, **BATCH}), see("datadog.log", **{**PIPE_KINDS, **BATCH})),
        entry="SessionEvents"),
    # A site name stored in Latin-1 by an import; the JSON view function renamed since.
    Bug("ck-site-encode", "charge-api", (Exc("EncodeError", "invalid byte 0xE9 in <<77, 97, 114, 121, 108, 101, 98, 111, 110, 101, 32, 76, 233, 115, 32, 80, 97, 114, 107>>", (*REQUEST, *action("SiteController", "show/2", 21), ex("LingmellWeb.SiteJSON", "data/1", "lib/lingmell_web/controllers/site_json.ex", 14), ex("Jason", "encode_to_iodata!/2", "lib/jason.ex", 106, "jason 1.4.4")), module="Jason"),),
        (see("sentry.error", 2), see("sentry.error", 2, release=2), see("datadog.log", **API_CRASH), see("datadog.log", release=2, **API_CRASH), see("datadog.apm", release=2, **API_TYPES)),
        classes=(5,), entry="GET /api/v1/sites/{id}", span=3, renames={"data/1": "site/1"}),
    # Seen once: a report route left pointing at a function removed in the release.
    Bug("ck-report-undefined", "charge-api", (Exc("UndefinedFunctionError", "function Lingmell.Reports.monthly_csv/2 is undefined or private", (*REQUEST, *action("ReportController", "monthly/2", 9), ex("Lingmell.Reports", "monthly_csv/2", "", 0))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/reports/monthly"),
    # The RabbitMQ acknowledger's slow-ack warning: one template, numbers of every length.
    Bug("ck-slow-acks", "session-pipeline", (),
        (see("datadog.log", 3, monitor="session-pipeline slow acknowledgements", filter="service:session-pipeline status:warn", text="Slow acknowledgements on session-pipeline: batch of {n} session events from {ip}:5672 acknowledged after {ms} ms ({size}).", **TEAM),),
        classes=(7,)),
]

# The BEAM keeps 8 frames of a stacktrace (``:backtrace_depth``): Sentry and the logs both
# see only the innermost 8, so a deep request or pipeline loses its outer frames.
for _bug in BUGS:
    _bug.chain = tuple(replace(e, frames=e.frames[-8:]) for e in _bug.chain)

NOISE = [
    Noise("ck-noise-sentry-resolved", "charge-api", "sentry.metric", {"rule": "charge-api crash rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("ck-noise-recovered", "session-pipeline", "datadog.log", {**PIPE_STACK, "transition": "Recovered", "text": "session-pipeline failures are back to normal."}),
    Noise("ck-noise-deploy", "charge-api", "datadog.event", {"monitor": "Deployed charge-api", "text": "Fly.io deployed charge-api lingmell@2.5.0 to 4 machines (lhr, ams).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", **TEAM}),
]

LINGMELL = Company(
    key="ck",
    name="Lingmell Charge",
    domain="lingmell.example",
    sentry_org="lingmell",
    splunk_url="",
    splunk_guid="",
    datadog_org=("736120", "Lingmell Charge"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("2.4.0", "2.4.2", "2.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="lingmell-sentry-client-secret",
)
