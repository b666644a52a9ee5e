"""(m) Wrenfold Tickets, live-event ticketing: a Rails 7.2 box office on Ruby 3.4 (``box-office``,
Puma; ``jobs``, Sidekiq 7 workers in the same app, both logging JSON through
rails_semantic_logger), a Phoenix 1.7 seat-map service on Elixir 1.16 (``seatmap``, channels
and a JSON API, Logger's plain text), a native iOS app in Swift (``ios``) and a Stimulus front
end served by importmap-rails (``web``: the modules as written, under Propshaft's digested
names, no bundler and no minifier).

Sentry sees everything: sentry-rails and sentry-sidekiq, sentry-elixir, sentry-cocoa (crashes
as Mach exceptions and uncaught NSExceptions; one app build shipped without its dSYMs) and
@sentry/browser, plus a metric alert on the app's crash-free sessions. PostHog's posthog-js
captures the front end's errors. Splunk indexes the Rails JSON and the seat map's text log
and runs a stats search of failing jobs. Datadog posts the team's own template (other names,
the monitor's variables in one object, the date unquoted) for log, APM, queue and Synthetic
monitors whose messages use Datadog's template variables.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, rb

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "box-office": Service("box-office", "ruby", "semantic-json", "wrenfold:rails:json", "/rails/log/production.json", "wf_prod", 8810011, "ruby 3.4.1", framework="rails", sdk=("sentry.ruby.rails", "5.22.1", "gem:sentry-rails")),
    "jobs": Service("jobs", "ruby", "semantic-json", "wrenfold:sidekiq:json", "/rails/log/sidekiq.json", "wf_prod", 8810014, "ruby 3.4.1", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.22.1", "gem:sentry-sidekiq")),
    "seatmap": Service("seatmap", "elixir", "elixir", "wrenfold:seatmap", "/var/log/containers/seatmap.log", "wf_prod", 8810017, "Elixir 1.16.3", framework="generic", sdk=("sentry.elixir", "10.7.1", "hex:sentry")),
    "ios": Service("ios", "cocoa", "", "", "", "", 8810020, sdk=("sentry.cocoa", "8.36.0", "cocoapods:Sentry"), releases=("com.wrenfold.tickets@4.11.2+861", "com.wrenfold.tickets@4.12.0+874", "com.wrenfold.tickets@4.12.1+881", "com.wrenfold.tickets@4.12.1+882")),
    "web": Service("web", "javascript", "", "", "", "", 8810023, origin="https://wrenfold.example", framework="importmap", sdk=("sentry.javascript.browser", "8.30.0", "npm:@sentry/browser")),
}

def gem(path: str, label: str, line: int) -> Frame:
    """A gem's frame: the gem's directory under the bundle (``actionpack-7.2.1/lib/…``)."""
    return rb(path, label, line, lib=True)


# Rails 7.2 under Puma dispatching to a controller action (oldest first), Ruby 3.4 labels.
RAILS = (
    gem("puma-6.4.3/lib/puma/thread_pool.rb", "block in Puma::ThreadPool#spawn_thread", 155),
    gem("puma-6.4.3/lib/puma/server.rb", "Puma::Server#process_client", 438),
    gem("actionpack-7.2.1/lib/action_dispatch/journey/router.rb", "block in ActionDispatch::Journey::Router#serve", 53),
    gem("actionpack-7.2.1/lib/action_dispatch/routing/route_set.rb", "ActionDispatch::Routing::RouteSet::Dispatcher#dispatch", 32),
    gem("actionpack-7.2.1/lib/action_controller/metal.rb", "ActionController::Metal#dispatch", 315),
    gem("actionpack-7.2.1/lib/abstract_controller/base.rb", "AbstractController::Base#process", 163),
    gem("actionpack-7.2.1/lib/abstract_controller/callbacks.rb", "block in AbstractController::Callbacks#process_action", 259),
    gem("actionpack-7.2.1/lib/action_controller/metal/basic_implicit_render.rb", "ActionController::BasicImplicitRender#send_action", 8),
)
# Sidekiq 7.3 running a job class's perform.
SIDEKIQ = (
    gem("sidekiq-7.3.2/lib/sidekiq/processor.rb", "block (4 levels) in Sidekiq::Processor#process", 187),
    gem("sidekiq-7.3.2/lib/sidekiq/middleware/chain.rb", "Sidekiq::Middleware::Chain#invoke", 180),
    gem("sidekiq-7.3.2/lib/sidekiq/processor.rb", "Sidekiq::Processor#execute_job", 220),
)
# ActiveRecord 7.2 saving a record down to the PG adapter.
AR_SAVE = (
    gem("activerecord-7.2.1/lib/active_record/transactions.rb", "ActiveRecord::Transactions#save!", 314),
    gem("activerecord-7.2.1/lib/active_record/persistence.rb", "ActiveRecord::Persistence#_create_record", 1259),
    gem("activerecord-7.2.1/lib/active_record/connection_adapters/postgresql/database_statements.rb", "ActiveRecord::ConnectionAdapters::PostgreSQL::DatabaseStatements#exec_insert", 72),
    gem("activerecord-7.2.1/lib/active_record/connection_adapters/postgresql_adapter.rb", "ActiveRecord::ConnectionAdapters::PostgreSQLAdapter#exec_no_cache", 894),
)
AR_UPDATE = (
    gem("activerecord-7.2.1/lib/active_record/relation.rb", "ActiveRecord::Relation#update_all", 1060),
    gem("activerecord-7.2.1/lib/active_record/connection_adapters/abstract/database_statements.rb", "ActiveRecord::ConnectionAdapters::DatabaseStatements#update", 206),
    gem("activerecord-7.2.1/lib/active_record/connection_adapters/postgresql_adapter.rb", "ActiveRecord::ConnectionAdapters::PostgreSQLAdapter#exec_no_cache", 894),
)
# Faraday over Net::HTTP timing out while reading the answer.
FARADAY_POST = (
    gem("faraday-2.12.0/lib/faraday/connection.rb", "Faraday::Connection#post", 283),
    gem("faraday-2.12.0/lib/faraday/rack_builder.rb", "Faraday::RackBuilder#build_response", 152),
    gem("faraday-net_http-3.3.0/lib/faraday/adapter/net_http.rb", "Faraday::Adapter::NetHttp#call", 58),
)
NET_READ = (
    gem("net-protocol-0.2.2/lib/net/protocol.rb", "Net::BufferedIO#rbuf_fill", 229),
)
READ_TIMEOUT = "Net::ReadTimeout with #<TCPSocket:(closed)>"
# An HTTP client every job uses for its partners; it raises Faraday's errors as they are.
HTTP_POST = rb("app/lib/http/client.rb", "Http::Client#post", 31)


def ex(module: str, function: str, file: str, line: int, app: str = "") -> Frame:
    """An Elixir frame; a dependency's frame carries its OTP application and version."""
    return Frame(function, file, line, module, not app, args=app)


# A Phoenix channel process and a periodic GenServer, as OTP runs them (oldest first).
PROC_LIB = ex(":proc_lib", "init_p_do_apply/3", "proc_lib.erl", 241, "stdlib 5.2.3")
GEN_SERVER = (
    PROC_LIB,
    ex(":gen_server", "handle_msg/6", "gen_server.erl", 1183, "stdlib 5.2.3"),
    ex(":gen_server", "try_handle_info/3", "gen_server.erl", 1095, "stdlib 5.2.3"),
)
CHANNEL = (*GEN_SERVER, ex("Phoenix.Channel.Server", "handle_info/2", "lib/phoenix/channel/server.ex", 322, "phoenix 1.7.14"))
# Plug.Cowboy's request process down to the controller action.
PLUG = (
    ex(":cowboy_stream_h", "request_process/3", "/app/deps/cowboy/src/cowboy_stream_h.erl", 327, "cowboy 2.12.0"),
    ex(":cowboy_stream_h", "execute/3", "/app/deps/cowboy/src/cowboy_stream_h.erl", 306, "cowboy 2.12.0"),
    ex("Plug.Cowboy.Handler", "init/2", "lib/plug/cowboy/handler.ex", 11, "plug_cowboy 2.7.1"),
    ex("SeatmapWeb.Endpoint", "plug_builder_call/2", "lib/seatmap_web/endpoint.ex", 1),
    ex("SeatmapWeb.Router", "__call__/5", "lib/phoenix/router.ex", 484),
)
ZONE_FOR = ex("Seatmap.Layout", "zone_for/2", "lib/seatmap/layout.ex", 19)
ECTO_QUERY = (
    ex("Ecto.Repo.Queryable", "execute/4", "lib/ecto/repo/queryable.ex", 232, "ecto 3.11.2"),
    ex("Ecto.Adapters.SQL", "raise_sql_call_error/1", "lib/ecto/adapters/sql.ex", 1054, "ecto_sql 3.11.3"),
)


def sw(function: str, file: str, line: int) -> Frame:
    """A frame of the app's own Swift code, in the Wrenfold executable."""
    return Frame(function, file, line, "Wrenfold", True)


def sys(function: str, image: str) -> Frame:
    """A frame in a system image (its full path), symbolicated from Apple's symbols."""
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
SWIFT_CORE = "/usr/lib/swift/libswiftCore.dylib"
# The main run loop delivering a touch to a control (oldest first).
RUN_LOOP = (
    sys("start", "/usr/lib/dyld"),
    sw("main", "Wrenfold/App/AppDelegate.swift", 14),
    sys("UIApplicationMain", UIKIT),
    sys("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    sys("CFRunLoopRunSpecific", CF),
    sys("__CFRunLoopRun", CF),
    sys("__CFRunLoopDoSource0", CF),
    sys("-[UIApplication sendEvent:]", UIKIT),
)
TOUCH_UP = (
    *RUN_LOOP,
    sys("-[UIControl _sendActionsForEvents:withEvent:]", UIKIT),
    sys("-[UIApplication sendAction:to:from:forEvent:]", UIKIT),
)
COLLECTION_SELECT = (
    *RUN_LOOP,
    sys("-[UICollectionView touchesEnded:withEvent:]", UIKIT),
    sys("-[UICollectionView _userSelectItemAtIndexPath:]", UIKIT),
    sys("-[UICollectionView _selectItemAtIndexPath:animated:scrollPosition:notifyDelegate:deselectPrevious:performCustomSelectionAction:]", UIKIT),
)
UNWRAP_TRAP = sys("_assertionFailure(_:_:file:line:flags:)", SWIFT_CORE)
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"

# Stimulus dispatching a DOM event to a controller action (served as stimulus.min.js).
STIMULUS = (
    js("vendor/javascript/stimulus.min.js", "Binding.handleEvent", 1, 5310, "stimulus.min", lib=True),
    js("vendor/javascript/stimulus.min.js", "Binding.invokeWithEvent", 1, 5862, "stimulus.min", lib=True),
)
STIMULUS_CONNECT = (
    js("vendor/javascript/stimulus.min.js", "Context.connect", 1, 9120, "stimulus.min", lib=True),
)

BUGS = [
    # One NoMethodError on nil from two controllers: the promo applier and the refund calculator.
    Bug(
        "wf-promo-nil-tier",
        "box-office",
        (
            Exc(
                "NoMethodError",
                "undefined method 'tier' for nil",
                (
                    *RAILS,
                    rb("app/controllers/checkout/orders_controller.rb", "Checkout::OrdersController#create", 34),
                    rb("app/services/checkout/promo_applier.rb", "Checkout::PromoApplier#apply", 27),
                    rb("app/services/checkout/promo_applier.rb", "Checkout::PromoApplier#eligible?", 52),
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="message", team="box-office"),
            see("datadog.log", monitor="NoMethodError on box-office", team="box-office", filter="service:box-office @exception.name:NoMethodError", text="box-office is raising `{{log.attributes.error.kind}}`.\n\n> {{log.attributes.error.message}}\n\nController: {{log.attributes.name}}"),
        ),
        classes=(4,),
        pair="wf-refund-nil-tier",
        log="Completed #create",
        logger="Checkout::OrdersController",
        entry="POST /checkout/orders",
    ),
    Bug(
        "wf-refund-nil-tier",
        "box-office",
        (
            Exc(
                "NoMethodError",
                "undefined method 'tier' for nil",
                (
                    *RAILS,
                    rb("app/controllers/admin/refunds_controller.rb", "Admin::RefundsController#create", 22),
                    rb("app/services/refunds/calculator.rb", "Refunds::Calculator#amount_for", 40),
                    rb("app/services/refunds/calculator.rb", "Refunds::Calculator#fee_for", 63),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", monitor="NoMethodError on box-office", team="box-office", filter="service:box-office @exception.name:NoMethodError", text="box-office is raising `{{log.attributes.error.kind}}`.\n\n> {{log.attributes.error.message}}\n\nController: {{log.attributes.name}}"),
        ),
        classes=(4,),
        pair="wf-promo-nil-tier",
        log="Completed #create",
        logger="Admin::RefundsController",
        entry="POST /admin/orders/{order_id}/refunds",
    ),
    # One unique index per table: an order's idempotency key, a ticket scanned twice at a gate.
    Bug(
        "wf-order-idempotency-unique",
        "box-office",
        (
            Exc("PG::UniqueViolation", 'ERROR:  duplicate key value violates unique constraint "index_orders_on_idempotency_key"\nDETAIL:  Key (idempotency_key)=({key}) already exists.\n', AR_SAVE[-1:]),
            Exc("ActiveRecord::RecordNotUnique", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_orders_on_idempotency_key"\nDETAIL:  Key (idempotency_key)=({key}) already exists.\n', (*RAILS, rb("app/controllers/checkout/orders_controller.rb", "Checkout::OrdersController#create", 41), rb("app/models/order.rb", "Order.place!", 58), *AR_SAVE)),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", monitor="Unique violations on box-office", team="box-office", filter="service:box-office @exception.name:ActiveRecord\\:\\:RecordNotUnique", text="`{{log.attributes.error.kind}}` on box-office:\n\n{{log.attributes.error.message}}"),
        ),
        classes=(4,),
        pair="wf-gate-scan-unique",
        log="Completed #create",
        logger="Checkout::OrdersController",
        entry="POST /checkout/orders",
    ),
    Bug(
        "wf-gate-scan-unique",
        "box-office",
        (
            Exc("PG::UniqueViolation", 'ERROR:  duplicate key value violates unique constraint "index_scans_on_ticket_id_and_gate_id"\nDETAIL:  Key (ticket_id, gate_id)=({id}, {idx}) already exists.\n', AR_SAVE[-1:]),
            Exc("ActiveRecord::RecordNotUnique", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_scans_on_ticket_id_and_gate_id"\nDETAIL:  Key (ticket_id, gate_id)=({id}, {idx}) already exists.\n', (*RAILS, rb("app/controllers/gate/scans_controller.rb", "Gate::ScansController#create", 17), rb("app/models/scan.rb", "Scan.record!", 25), *AR_SAVE)),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", monitor="Unique violations on box-office", team="box-office", filter="service:box-office @exception.name:ActiveRecord\\:\\:RecordNotUnique", text="`{{log.attributes.error.kind}}` on box-office:\n\n{{log.attributes.error.message}}"),
        ),
        classes=(4,),
        pair="wf-order-idempotency-unique",
        log="Completed #create",
        logger="Gate::ScansController",
        entry="POST /gate/scans",
    ),
    # A promoter's balance row locked by two payout jobs: a deadlock, seen by every tool.
    Bug(
        "wf-payout-deadlock",
        "jobs",
        (
            Exc("PG::TRDeadlockDetected", "ERROR:  deadlock detected\nDETAIL:  Process {id} waits for ShareLock on transaction {offset}; blocked by process {user}.\nProcess {user} waits for ShareLock on transaction {offset2}; blocked by process {id}.\nHINT:  See server log for query details.\nCONTEXT:  while updating tuple (41,{n}) in relation \"promoter_balances\"\n", AR_UPDATE[-1:]),
            Exc("ActiveRecord::Deadlocked", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {id} waits for ShareLock on transaction {offset}; blocked by process {user}.\nProcess {user} waits for ShareLock on transaction {offset2}; blocked by process {id}.\nHINT:  See server log for query details.\nCONTEXT:  while updating tuple (41,{n}) in relation \"promoter_balances\"\n", (*SIDEKIQ, rb("app/jobs/settle_promoter_payout_job.rb", "SettlePromoterPayoutJob#perform", 18), rb("app/models/promoter_balance.rb", "PromoterBalance#debit!", 44), *AR_UPDATE)),
        ),
        (
            see("sentry.error", 2, mechanism="sidekiq"),
            see("splunk", 2, queue="payouts"),
            see("splunk", search="jobs - failures by class (15 min)", stats={"class": "SettlePromoterPayoutJob", "queue": "payouts", "failures": "{n}", "last_error": "ActiveRecord::Deadlocked"}),
            see("datadog.queue", queue="payouts", monitor="Sidekiq failures by queue", team="box-office"),
        ),
        log="SettlePromoterPayoutJob failed",
        entry="SettlePromoterPayoutJob",
    ),
    # Two jobs time out in the one HTTP client they share: only the job and its caller differ.
    Bug(
        "wf-ticket-pdf-timeout",
        "jobs",
        (
            Exc("Net::ReadTimeout", READ_TIMEOUT, NET_READ),
            Exc("Faraday::TimeoutError", READ_TIMEOUT, (*SIDEKIQ, rb("app/jobs/ticket_pdf_job.rb", "TicketPdfJob#perform", 12), rb("app/services/pdf_service.rb", "PdfService#render", 29), HTTP_POST, *FARADAY_POST)),
        ),
        (
            see("sentry.error", 2, mechanism="sidekiq"),
            see("sentry.issue"),
            see("splunk", 2, queue="mailers"),
            see("datadog.log", monitor="Outbound timeouts in jobs", team="box-office", filter="service:jobs @exception.name:Faraday\\:\\:TimeoutError", text="Jobs are timing out on outbound HTTP.\n\n`{{log.attributes.error.kind}}` in {{log.attributes.name}}: {{log.attributes.error.message}}"),
        ),
        classes=(9,),
        pair="wf-wallet-pass-timeout",
        log="TicketPdfJob failed",
        entry="TicketPdfJob",
    ),
    Bug(
        "wf-wallet-pass-timeout",
        "jobs",
        (
            Exc("Net::ReadTimeout", READ_TIMEOUT, NET_READ),
            Exc("Faraday::TimeoutError", READ_TIMEOUT, (*SIDEKIQ, rb("app/jobs/wallet_pass_job.rb", "WalletPassJob#perform", 15), rb("app/services/wallet_passes/apple.rb", "WalletPasses::Apple#sign", 47), HTTP_POST, *FARADAY_POST)),
        ),
        (
            see("sentry.error", 2, mechanism="sidekiq"),
            see("splunk", 2, queue="default"),
            see("datadog.log", monitor="Outbound timeouts in jobs", team="box-office", filter="service:jobs @exception.name:Faraday\\:\\:TimeoutError", text="Jobs are timing out on outbound HTTP.\n\n`{{log.attributes.error.kind}}` in {{log.attributes.name}}: {{log.attributes.error.message}}"),
        ),
        classes=(9,),
        pair="wf-ticket-pdf-timeout",
        log="WalletPassJob failed",
        entry="WalletPassJob",
    ),
    # A seat held in a section the layout has no zone for: the channel and the sweeper read it
    # through one helper.
    Bug(
        "wf-seat-hold-keyerror",
        "seatmap",
        (
            Exc(
                "KeyError",
                'key :zone not found in: %{row: "{seatrow}", seat: {idx}, section: "balcony-{n}"}',
                (
                    *CHANNEL,
                    ex("SeatmapWeb.SeatmapChannel", "handle_in/3", "lib/seatmap_web/channels/seatmap_channel.ex", 58),
                    ex("Seatmap.Holds", "place/3", "lib/seatmap/holds.ex", 41),
                    ZONE_FOR,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, last='%Phoenix.Socket.Message{topic: "seatmap:event_{id}", event: "hold", payload: %{"seat" => "{seatrow}{idx}"}, ref: "{n}", join_ref: "4"}', state="%Phoenix.Socket{assigns: %{event_id: {id}, user_id: {user}}, channel: SeatmapWeb.SeatmapChannel, endpoint: SeatmapWeb.Endpoint, joined: true, topic: \"seatmap:event_{id}\", transport: :websocket}"),
            see("datadog.log", monitor="seatmap processes crashing", team="seatmap", filter="service:seatmap status:error", text="A seatmap process crashed:\n\n```\n{{log.message}}\n```"),
        ),
        classes=(4, 9),
        pair="wf-seat-sweep-keyerror",
    ),
    Bug(
        "wf-seat-sweep-keyerror",
        "seatmap",
        (
            Exc(
                "KeyError",
                'key :zone not found in: %{row: "{seatrow}", seat: {idx}, section: "balcony-{n}"}',
                (
                    *GEN_SERVER,
                    ex("Seatmap.Sweeper", "handle_info/2", "lib/seatmap/sweeper.ex", 33),
                    ex("Seatmap.Holds", "release_expired/1", "lib/seatmap/holds.ex", 88),
                    ex("Enum", "\"-each/2-lists^foreach/1-0-\"/2", "lib/enum.ex", 1004, "elixir 1.16.3"),
                    ex("Seatmap.Holds", "anonymous fn/2 in release_expired/1", "lib/seatmap/holds.ex", 91),
                    ZONE_FOR,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, genserver="Seatmap.Sweeper", last=":sweep", state="%{event_id: {id}, interval: 15000, swept: {n}}"),
            see("datadog.log", monitor="seatmap processes crashing", team="seatmap", filter="service:seatmap status:error", text="A seatmap process crashed:\n\n```\n{{log.message}}\n```"),
        ),
        classes=(4, 9),
        pair="wf-seat-hold-keyerror",
    ),
    # Availability of a sold-out event with no capacity: a division by zero, across releases.
    Bug(
        "wf-availability-zero-capacity",
        "seatmap",
        (
            Exc(
                "ArithmeticError",
                "bad argument in arithmetic expression",
                (
                    *PLUG,
                    ex("SeatmapWeb.AvailabilityController", "show/2", "lib/seatmap_web/controllers/availability_controller.ex", 21),
                    ex("Seatmap.Availability", "summary/1", "lib/seatmap/availability.ex", 44),
                    ex("Seatmap.Availability", "ratio/2", "lib/seatmap/availability.ex", 57),
                    Frame("/(0, 0)", "", 0, ":erlang", False),
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 3, endpoint="SeatmapWeb.Endpoint", server="seatmap.wrenfold.example"),
            see("datadog.apm", style="type", team="seatmap"),
        ),
        log="",
        entry="GET /api/events/{event_id}/availability",
        span=2,
    ),
    # The connection pool drained under an on-sale rush; Ecto raises from the query.
    Bug(
        "wf-seats-pool-dropped",
        "seatmap",
        (
            Exc(
                "ConnectionError",
                "connection not available and request was dropped from queue after {ms}ms. This means requests are coming in and your connection pool cannot serve them fast enough. You can address this by:\n\n  1. Ensuring your database is available and that you can connect to it\n  2. Tracking down slow queries and making sure they are running fast enough\n  3. Increasing the pool_size (although this increases resource consumption)\n  4. Allowing requests to wait longer by increasing :queue_target and :queue_interval\n\nSee DBConnection.start_link/2 for more information\n",
                (
                    *PLUG,
                    ex("SeatmapWeb.SeatController", "index/2", "lib/seatmap_web/controllers/seat_controller.ex", 14),
                    ex("Seatmap.Seats", "list_for_event/1", "lib/seatmap/seats.ex", 30),
                    *ECTO_QUERY,
                ),
                module="DBConnection",
            ),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 2, endpoint="SeatmapWeb.Endpoint", server="seatmap.wrenfold.example"),
            see("datadog.apm", style="type", team="seatmap"),
        ),
        entry="GET /api/events/{event_id}/seats",
    ),
    # The app force-unwraps a seat the server no longer lists; the wallet button does the same
    # with a pass that failed to download. One app build shipped without its dSYMs.
    Bug(
        "wf-ios-seat-unwrap",
        "ios",
        (
            Exc(
                "EXC_BREAKPOINT",
                UNWRAP,
                (
                    *COLLECTION_SELECT,
                    sw("@objc SeatPickerViewController.collectionView(_:didSelectItemAt:)", "Wrenfold/Seats/SeatPickerViewController.swift", 0),
                    sw("SeatPickerViewController.collectionView(_:didSelectItemAt:)", "Wrenfold/Seats/SeatPickerViewController.swift", 141),
                    sw("SeatPickerViewController.selectSeat(at:)", "Wrenfold/Seats/SeatPickerViewController.swift", 88),
                    UNWRAP_TRAP,
                ),
            ),
        ),
        (
            see("sentry.error", release=0),
            see("sentry.error", release=1),
            see("sentry.error", release=2, raw=True),
            see("sentry.issue", release=1),
        ),
        classes=(4,),
        pair="wf-ios-wallet-unwrap",
        span=3,
    ),
    Bug(
        "wf-ios-wallet-unwrap",
        "ios",
        (
            Exc(
                "EXC_BREAKPOINT",
                UNWRAP,
                (
                    *TOUCH_UP,
                    sw("@objc TicketDetailViewController.addToWalletTapped(_:)", "Wrenfold/Tickets/TicketDetailViewController.swift", 0),
                    sw("TicketDetailViewController.addToWalletTapped(_:)", "Wrenfold/Tickets/TicketDetailViewController.swift", 96),
                    sw("WalletPassCoordinator.addPass(for:)", "Wrenfold/Tickets/WalletPassCoordinator.swift", 52),
                    UNWRAP_TRAP,
                ),
            ),
        ),
        (
            see("sentry.error", 2, release=1),
            see("sentry.alert", release=1, rule="New crash in the iOS app"),
        ),
        classes=(4,),
        pair="wf-ios-seat-unwrap",
    ),
    # An analytics call with a nil property value: an uncaught NSException.
    Bug(
        "wf-ios-analytics-nil-object",
        "ios",
        (
            Exc(
                "NSInvalidArgumentException",
                "*** -[__NSPlaceholderDictionary initWithObjects:forKeys:count:]: attempt to insert nil object from objects[1]",
                (
                    *RUN_LOOP,
                    sys("-[UIViewController _setViewAppearState:isAnimating:]", UIKIT),
                    sw("@objc CheckoutViewController.viewDidAppear(_:)", "Wrenfold/Checkout/CheckoutViewController.swift", 0),
                    sw("CheckoutViewController.viewDidAppear(_:)", "Wrenfold/Checkout/CheckoutViewController.swift", 63),
                    sw("AnalyticsBridge.track(_:properties:)", "Wrenfold/Analytics/AnalyticsBridge.swift", 37),
                    sys("+[NSDictionary dictionaryWithObjects:forKeys:count:]", CF),
                    sys("-[__NSPlaceholderDictionary initWithObjects:forKeys:count:]", CF),
                    sys("objc_exception_throw", "/usr/lib/libobjc.A.dylib"),
                    sys("__exceptionPreprocess", CF),
                ),
            ),
        ),
        (
            see("sentry.error", 2, release=2),
            see("sentry.issue", release=2),
        ),
    ),
    # The seat picker reads a seat the page's value map does not hold: three engines' words,
    # the module served as written (importmap), its digest new with each release.
    Bug(
        "wf-web-seat-price-undefined",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *STIMULUS,
                    js("app/javascript/controllers/seat_picker_controller.js", "SeatPickerController.select", 42, 37, "controllers/seat_picker_controller"),
                    js("app/javascript/controllers/seat_picker_controller.js", "SeatPickerController.priceFor", 71, 35, "controllers/seat_picker_controller"),
                ),
                js=JsError("read-undefined", "this.seatsValue[id]", "price"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", release=0, chunk="controllers/seat_picker_controller"),
            see("posthog", browser="firefox", release=1, chunk="controllers/seat_picker_controller"),
            see("posthog", browser="safari", release=1, chunk="controllers/seat_picker_controller"),
            see("posthog", browser="edge", release=1, chunk="controllers/seat_picker_controller"),
            see("posthog", browser="chrome", release=1, chunk="controllers/seat_picker_controller"),
            see("sentry.error", browser="chrome", release=0, mechanism="onerror"),
            see("sentry.error", browser="firefox", release=1, mechanism="onerror"),
        ),
        classes=(3,),
        page="/events/8812/seats",
        span=2,
    ),
    # Safari 17.3 lacks Promise.withResolvers: only its users' countdowns fail.
    Bug(
        "wf-web-countdown-withresolvers",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *STIMULUS_CONNECT,
                    js("app/javascript/controllers/countdown_controller.js", "CountdownController.connect", 12, 44, "controllers/countdown_controller"),
                ),
                js=JsError("not-function", "Promise", "withResolvers", "()"),
            ),
        ),
        (
            see("posthog", 2, browser="safari", chunk="controllers/countdown_controller"),
            see("sentry.error", browser="safari", mechanism="onerror"),
        ),
        page="/events/8812",
    ),
    # A Synthetic browser test of the seat map: no error named, a problem of its own.
    Bug(
        "wf-synthetic-seatmap-missing",
        "web",
        (),
        (
            see("datadog.synthetics", 2, monitor="[Synthetics] Seat map renders for an on-sale event", event_type="synthetics_alert", scope="location:aws:eu-west-2", team="box-office", text="Browser test **Seat map renders for an on-sale event** failed on step 4 \"Assert element `#seatmap svg` is present\" in 2 of 3 locations (aws:eu-west-2, aws:eu-central-1).\n\nError: Element's content should be present: element `#seatmap svg` was not found after {ms}ms.\n\n[Test result](https://app.datadoghq.com/synthetics/details/wfs-seat-map-4kd?resultId={id})"),
        ),
        classes=(8,),
    ),
    # The settlement export's warning: sizes, durations and hosts of varying length.
    Bug(
        "wf-settlement-export-slow",
        "jobs",
        (),
        (
            see("splunk", 3, search="jobs - slow settlement exports", line='{"host":"jobs-7f8c9d6b4-m2x7q","application":"jobs","environment":"production","timestamp":"{ts}","level":"warn","level_index":3,"pid":{n},"thread":"processor-3","name":"Settlements::Exporter","message":"Settlement export to {mft} took {dur} for {size}"}'),
            see("datadog.log", 2, monitor="Slow settlement exports", team="box-office", filter="service:jobs @name:Settlements\\:\\:Exporter status:warn", text="Settlement exports are slow. Latest: Settlement export to {mft} took {dur} for {size}"),
        ),
        classes=(7,),
    ),
    # A Sentry metric alert on the app's crash-free sessions: a problem, not one bug.
    Bug(
        "wf-ios-crash-free-rate",
        "ios",
        (),
        (
            see("sentry.metric", 2, rule="iOS crash-free sessions below 99.5%", aggregate="percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", dataset="sessions", threshold=99.5, threshold_type=1, window=60, description="{crashfree}% crash free sessions in the last 60 minutes"),
        ),
        classes=(8,),
    ),
]

NOISE = [
    Noise(
        "wf-noise-deploy",
        "box-office",
        "datadog.event",
        {
            "monitor": "Deployed box-office 4.19.0 to production",
            "text": "Kamal deploy finished: box-office 4.19.0 on 6 hosts (web, jobs).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "wf-noise-puma-boot",
        "box-office",
        "splunk",
        {
            "search": "box-office - errors",
            "line": '{"host":"box-office-5d9c7b8f6-q4z8k","application":"box-office","environment":"production","timestamp":"{ts}","level":"info","level_index":2,"pid":1,"thread":"main","name":"Rails","message":"Booted box-office in production (Puma 6.4.3, 5 threads, 2 workers)"}',
        },
    ),
    Noise(
        "wf-noise-phoenix-start",
        "seatmap",
        "splunk",
        {
            "search": "seatmap - errors",
            "line": "09:00:02.114 [info] Running SeatmapWeb.Endpoint with cowboy 2.12.0 at :::4000 (http)",
        },
    ),
]

WRENFOLD = Company(
    key="m",
    name="Wrenfold",
    domain="wrenfold.example",
    sentry_org="wrenfold",
    splunk_url="https://wrenfold.splunkcloud.com",
    splunk_guid="2F6B1C9E-7A3D-4E5F-8B21-C4D7E9A01B36",
    datadog_org=("611203", "Wrenfold Tickets"),
    datadog_template="wrenfold",
    posthog_project=(62214, "Wrenfold web"),
    releases=("4.18.0", "4.18.1", "4.19.0", "4.19.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="wrenfold-sentry-client-secret",
)
# fmt: on
