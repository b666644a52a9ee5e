"""(cs) Tarnhow Plant Hire, tool and plant hire from nine depots: Ruby 3.3 on Hanami 2.2.
``hire-api`` (a Hanami app with a ``hire`` slice under Puma, ROM and Sequel over PostgreSQL)
and ``hire-workers`` (Shoryuken 6 on SQS, plain ``Shoryuken::Worker`` classes in the same
codebase: invoices, depot routes, telematics, returns).

Both write Hanami's production logger, dry-logger's ``:json`` formatter: the exception
flattened into the record (``exception``, ``message``, ``backtrace`` as an array), with
Hanami's rack logger's request data on the API and, from a Shoryuken server middleware of the
team's, the worker, queue and SQS message id; Shoryuken's own "Processor failed: <message>"
line (no class, no trace) is searched too. Sentry: sentry-ruby with its Rack middleware on the
API and its Shoryuken hook-less capture in the same middleware. Splunk saved searches on both
services; Datadog log monitors on Datadog's default payload (no custom header).
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
    "hire-api": Service("hire-api", "ruby", "cs-dry-json", "tarnhow:hire:json", "/var/log/tarnhow/hire-api.log", "th_prod", 7420011, "ruby 3.3.6", framework="hanami", sdk=SDK),
    "hire-workers": Service("hire-workers", "ruby", "cs-dry-json", "tarnhow:workers:json", "/var/log/tarnhow/hire-workers.log", "th_prod", 7420014, "ruby 3.3.6", framework="shoryuken", sdk=SDK),
}

# Puma to a Hanami action's #handle (oldest first).
REQUEST = (
    rb("puma-6.5.0/lib/puma/thread_pool.rb", "block in spawn_thread", 155, lib=True),
    rb("puma-6.5.0/lib/puma/server.rb", "process_client", 478, lib=True),
    rb("puma-6.5.0/lib/puma/request.rb", "handle_request", 100, lib=True),
    rb("sentry-ruby-5.22.1/lib/sentry/rack/capture_exceptions.rb", "call", 30, lib=True),
    rb("hanami-2.2.1/lib/hanami/web/rack_logger.rb", "call", 124, lib=True),
    rb("hanami-router-2.2.0/lib/hanami/router.rb", "call", 100, lib=True),
    rb("hanami-controller-2.2.0/lib/hanami/action.rb", "call", 325, lib=True),
    rb("hanami-controller-2.2.0/lib/hanami/action.rb", "_handle", 640, lib=True),
)
# Shoryuken's processor through the server middleware chain to a worker's #perform.
WORKER = (
    rb("concurrent-ruby-1.3.4/lib/concurrent-ruby/concurrent/executor/ruby_thread_pool_executor.rb", "block in create_worker", 359, lib=True),
    rb("shoryuken-6.2.1/lib/shoryuken/processor.rb", "process", 21, lib=True),
    rb("shoryuken-6.2.1/lib/shoryuken/middleware/chain.rb", "invoke", 100, lib=True),
    rb("shoryuken-6.2.1/lib/shoryuken/middleware/server/auto_delete.rb", "call", 9, lib=True),
    rb("app/middleware/failure_logger.rb", "call", 14),
    rb("shoryuken-6.2.1/lib/shoryuken/middleware/chain.rb", "block in invoke", 99, lib=True),
    rb("shoryuken-6.2.1/lib/shoryuken/processor.rb", "block in process", 22, lib=True),
)


def action(path: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*REQUEST, rb(f"slices/hire/actions/{path}.rb", "handle", line), *inner)


def worker(name: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*WORKER, rb(f"app/workers/{name}.rb", "perform", line), *inner)


SEQUEL_INSERT = (
    rb("rom-sql-3.6.4/lib/rom/sql/commands/create.rb", "insert", 60, lib=True),
    rb("sequel-5.86.0/lib/sequel/dataset/actions.rb", "insert", 423, lib=True),
    rb("sequel-5.86.0/lib/sequel/adapters/postgres.rb", "execute", 508, lib=True),
    rb("sequel-5.86.0/lib/sequel/database/logging.rb", "log_connection_yield", 45, lib=True),
    rb("sequel-5.86.0/lib/sequel/adapters/postgres.rb", "exec", 161, lib=True),
)


def unique(constraint: str, detail: str, *app: Frame) -> tuple[Exc, ...]:
    value = f'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}\n'
    return (Exc("Sequel::UniqueConstraintViolation", value, (*app, *SEQUEL_INSERT)),)


# Every outbound call goes through one JSON client on Faraday.
POST_JSON = (
    rb("lib/tarnhow/http/json_client.rb", "post_json", 22),
    rb("faraday-2.12.2/lib/faraday/connection.rb", "post", 200, lib=True),
    rb("faraday-net_http-3.4.0/lib/faraday/adapter/net_http.rb", "call", 49, lib=True),
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229, lib=True),
)
NIL_POSTCODE = "undefined method `postcode' for nil"
READ_TIMEOUT = "Net::ReadTimeout with #<TCPSocket:(closed)>"

API_SEARCH = {"search": "hire-api errors", "app": "tarnhow_ops", "owner": "ops"}
WORKER_SEARCH = {"search": "hire-workers errors", "app": "tarnhow_ops", "owner": "ops"}
PROCESSOR = {"search": "shoryuken processor failures", "app": "tarnhow_ops", "owner": "ops", "sourcetype": "tarnhow:workers:shoryuken", "source": "/var/log/tarnhow/shoryuken.log"}
WORKER_LOGS = {"monitor": "hire-workers failures", "team": "hire", "filter": "service:hire-workers status:error", "text": "{{log.attributes.worker}} failed on {{log.attributes.queue}}:\n\n{{log.attributes.exception}}: {{log.attributes.message}}"}
API_LOGS = {"monitor": "hire-api 500s", "team": "hire", "filter": "service:hire-api status:error @status:500", "text": "{{log.attributes.verb}} {{log.attributes.path}} answered 500\n\n{{log.attributes.exception}}: {{log.attributes.message}}"}


def processor(worker: str, queue: str, value: str) -> dict[str, str]:
    """Shoryuken's default handler line (context ``Worker/queue/message id``), whose message
    is the exception's alone."""
    return {**PROCESSOR, "line": f"{{ts}} 1 TID-ouw{{hex}} {worker}/{queue}/{{uuid}} ERROR: Processor failed: {value}"}


BUGS = [
    # Ruby's NoMethodError on nil at two places: the API's delivery quote and the depot route worker.
    Bug("cs-quote-postcode-nil", "hire-api", (Exc("NoMethodError", NIL_POSTCODE, action("deliveries/quote", 17, rb("slices/hire/delivery/quote.rb", "distance_band", 42))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="cs-route-postcode-nil", entry="POST /deliveries/quote", span=2),
    Bug("cs-route-postcode-nil", "hire-workers", (Exc("NoMethodError", NIL_POSTCODE, worker("depot_route_worker", 12, rb("lib/tarnhow/routing/stop_list.rb", "stop_for", 31))),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", **WORKER_LOGS)),
        classes=(4,), pair="cs-quote-postcode-nil", entry="DepotRouteWorker"),
    # A unique violation per table: a machine hired twice from the same day (API), an invoice raised twice for a hire (worker).
    Bug("cs-hire-unique", "hire-api", unique("hires_item_id_starts_on_key", "Key (item_id, starts_on)=({n}, 2026-03-{idx}) already exists.", *action("hires/create", 24, rb("slices/hire/repos/hire_repo.rb", "create", 18))),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="cs-invoice-unique", entry="POST /hires"),
    Bug("cs-invoice-unique", "hire-workers", unique("invoices_hire_id_key", "Key (hire_id)=({id}) already exists.", *worker("invoice_worker", 19, rb("lib/tarnhow/billing/invoice_repo.rb", "create", 27))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", **WORKER_LOGS)),
        classes=(4,), pair="cs-hire-unique", entry="InvoiceWorker"),
    # One rate method, two exceptions: a zero-day hire, a weekend band missing from the depot's rate card.
    Bug("cs-rate-zero-days", "hire-api", (Exc("ZeroDivisionError", "divided by 0", action("hires/price", 11, rb("slices/hire/pricing/hire_rate.rb", "for_days", 33))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API_SEARCH)),
        classes=(4, 5), pair="cs-rate-weekend-key", entry="GET /hires/{hire_id}/price", span=2),
    Bug("cs-rate-weekend-key", "hire-api", (Exc("KeyError", "key not found: :weekend", action("hires/price", 11, rb("slices/hire/pricing/hire_rate.rb", "for_days", 29), rb("slices/hire/pricing/hire_rate.rb", "fetch", 29))),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="cs-rate-zero-days", entry="GET /hires/{hire_id}/price"),
    # Two partners timing out through one JSON client: the accounts package (worker) and the card terminal service (API).
    Bug("cs-accounts-timeout", "hire-workers", (Exc("Faraday::TimeoutError", READ_TIMEOUT, worker("invoice_sync_worker", 15, rb("lib/tarnhow/accounts/client.rb", "push_invoice", 34), *POST_JSON)),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_SEARCH), see("splunk", **processor("InvoiceSyncWorker", "tarnhow-billing", READ_TIMEOUT)), see("datadog.log", **WORKER_LOGS)),
        classes=(9,), pair="cs-terminal-timeout", entry="InvoiceSyncWorker"),
    Bug("cs-terminal-timeout", "hire-api", (Exc("Faraday::TimeoutError", READ_TIMEOUT, action("deposits/create", 21, rb("slices/hire/payments/terminal.rb", "authorise", 15), *POST_JSON)),),
        (see("sentry.error", 2), see("sentry.alert", rule="Deposit failures"), see("splunk", 2, **API_SEARCH)),
        classes=(9,), pair="cs-accounts-timeout", entry="POST /deposits"),
    # Two event structs missing a key, under one worker log monitor: a returned item without its time, a damage report without its code.
    Bug("cs-returned-struct", "hire-workers", (Exc("Dry::Struct::Error", "[Tarnhow::Events::ItemReturned.new] :returned_at is missing in Hash input", worker("returns_worker", 9, rb("dry-struct-1.6.0/lib/dry/struct/class_interface.rb", "new", 253, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.log", 2, **WORKER_LOGS)),
        classes=(4,), pair="cs-damage-struct", entry="ReturnsWorker"),
    Bug("cs-damage-struct", "hire-workers", (Exc("Dry::Struct::Error", "[Tarnhow::Events::ItemDamaged.new] :damage_code is missing in Hash input", worker("damage_report_worker", 11, rb("dry-struct-1.6.0/lib/dry/struct/class_interface.rb", "new", 253, lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **WORKER_SEARCH), see("datadog.log", **WORKER_LOGS)),
        classes=(4,), pair="cs-returned-struct", entry="DamageReportWorker"),
    # ROM's one! on an item withdrawn from the fleet; the action's relation method renamed in 2026.4.
    Bug("cs-item-no-tuple", "hire-api", (Exc("ROM::TupleCountMismatchError", "The relation does not contain any tuples", action("items/show", 8, rb("slices/hire/repos/item_repo.rb", "by_id", 12), rb("rom-core-5.3.2/lib/rom/relation/loaded.rb", "one!", 89, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_LOGS)),
        classes=(5,), entry="GET /items/{item_id}", span=3, renames={"by_id": "find_available"}),
    # The Monday morning rush: Postgres refuses more connections.
    Bug("cs-pg-too-many", "hire-api", (Exc("Sequel::DatabaseConnectionError", 'PG::ConnectionBad: connection to server at "10.30.1.4", port 5432 failed: FATAL:  too many connections for role "tarnhow"\n', action("availability/index", 14, rb("slices/hire/repos/availability_repo.rb", "for_depot", 21), rb("sequel-5.86.0/lib/sequel/connection_pool/threaded.rb", "hold", 91, lib=True), rb("sequel-5.86.0/lib/sequel/adapters/postgres.rb", "connect", 233, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **API_SEARCH), see("datadog.log", 2, **API_LOGS)),
        entry="GET /depots/{depot_id}/availability"),
    # The card provider posting an HTML error page to the deposit webhook.
    Bug("cs-webhook-html", "hire-api", (Exc("JSON::ParserError", "unexpected character: '<!DOCTYPE' at line 1 column 1", action("webhooks/payments", 7, rb("json-2.9.1/lib/json/common.rb", "parse", 221, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH)),
        entry="POST /webhooks/payments"),
    # The telematics sync: Shoryuken's own line (the message alone), Sentry's event, the middleware's JSON.
    Bug("cs-telematics-open-timeout", "hire-workers", (Exc("Net::OpenTimeout", "execution expired", worker("telematics_sync_worker", 18, rb("lib/tarnhow/telematics/client.rb", "positions", 27), rb("net-http-0.5.0/lib/net/http.rb", "connect", 1674, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **processor("TelematicsSyncWorker", "tarnhow-telematics", "execution expired")), see("splunk", **WORKER_SEARCH), see("datadog.log", **WORKER_LOGS)),
        classes=(8,), entry="TelematicsSyncWorker"),
    # Seen once: the photo bucket's policy changed under the return-inspection upload.
    Bug("cs-photo-access-denied", "hire-workers", (Exc("Aws::S3::Errors::AccessDenied", "Access Denied", worker("inspection_photo_worker", 13, rb("aws-sdk-core-3.214.0/lib/seahorse/client/plugins/raise_response_errors.rb", "call", 17, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="InspectionPhotoWorker"),
]

NOISE = [
    Noise("cs-noise-puma-boot", "hire-api", "splunk", {**API_SEARCH, "line": '{"progname":"tarnhow","severity":"INFO","time":"{gts}","message":"Puma starting in cluster mode... * Workers: 3 * Min threads: 5, max threads: 5"}'}),
    Noise("cs-noise-shoryuken-start", "hire-workers", "splunk", {**PROCESSOR, "line": "{ts} 1 TID-ouw{hex} INFO: Starting"}),
    Noise("cs-noise-deploy", "hire-api", "datadog.event", {"monitor": "Deployed hire-api 2026.4.1", "text": "Kamal deployed hire-api and hire-workers 2026.4.1 on depot-app-1, depot-app-2.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hire"}),
]

TARNHOW = Company(
    key="cs",
    name="Tarnhow Plant Hire",
    domain="tarnhow.example",
    sentry_org="tarnhow",
    splunk_url="https://tarnhow.splunkcloud.com",
    splunk_guid="A8C17E52-3F90-4B6D-8E21-6D94F0C3B7A1",
    datadog_org=("742118", "Tarnhow Plant Hire"),
    datadog_template="default",
    posthog_project=(94307, "tarnhow.example"),
    releases=("2026.4.0", "2026.4.1", "2026.4.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tarnhow-sentry-client-secret",
)
# fmt: on
