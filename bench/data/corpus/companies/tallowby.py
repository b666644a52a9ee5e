"""(bw) Tallowby Tickets, a box office for small theatres: a Rails 7.1 monolith on Ruby 3.3
under Puma 6 (``boxoffice``: shows, seat holds, orders, refunds), Sidekiq 7 workers
(``boxoffice-sidekiq``: payment capture, ticket PDFs, mailers, exports) and a React 18
seat-map app built by Vite (``seatmap-web``, ``/assets/chunk-<HASH>.js``, esbuild-style names).

Sentry: sentry-ruby with sentry-rails and sentry-sidekiq; @sentry/react on the seat map.
Splunk: lograge's JSON request lines (``exception`` and ``exception_object`` appended by the
team's ``custom_options``) and Sidekiq 7's JSON logger. Datadog: dd-trace-rb APM monitors
(by error type, by route, by Sidekiq job) through the team's own template (``bw-tallowby``).
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_RENDER, js, rb

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "boxoffice": Service("boxoffice", "ruby", "lograge-json", "tallowby:rails:lograge", "/var/log/containers/boxoffice-web.log", "tallowby_prod", 7410061, "ruby 3.3.5", framework="rails", sdk=("sentry.ruby.rails", "5.21.0", "gem:sentry-rails")),
    "boxoffice-sidekiq": Service("boxoffice-sidekiq", "ruby", "sidekiq", "tallowby:sidekiq", "/var/log/containers/boxoffice-sidekiq.log", "tallowby_prod", 7410061, "ruby 3.3.5", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.21.0", "gem:sentry-sidekiq")),
    "seatmap-web": Service("seatmap-web", "javascript", "", "", "", "", 7410064, origin="https://tickets.tallowby.example", framework="onerror", sdk=("sentry.javascript.react", "8.38.0", "npm:@sentry/react")),
}


def gem(path: str, label: str, line: int) -> Frame:
    return rb(path, label, line, lib=True)


AP = "actionpack-7.1.5/lib/"
AR = "activerecord-7.1.5/lib/active_record/"
REQUEST = (
    gem("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
    gem("puma-6.4.3/lib/puma/request.rb", "handle_request", 99),
    gem(AP + "action_dispatch/journey/router.rb", "block in serve", 51),
    gem(AP + "action_controller/metal.rb", "dispatch", 267),
    gem(AP + "abstract_controller/base.rb", "process", 160),
    gem(AP + "action_controller/metal/basic_implicit_render.rb", "send_action", 6),
)
SIDEKIQ = (
    gem("sidekiq-7.3.2/lib/sidekiq/processor.rb", "process", 186),
    gem("sidekiq-7.3.2/lib/sidekiq/processor.rb", "block in process", 172),
    gem("sentry-sidekiq-5.21.0/lib/sentry/sidekiq/sentry_context_middleware.rb", "call", 33),
    gem("sidekiq-7.3.2/lib/sidekiq/processor.rb", "execute_job", 220),
)
AR_CREATE = (
    gem(AR + "persistence.rb", "save!", 392),
    gem(AR + "connection_adapters/postgresql/database_statements.rb", "exec_insert", 70),
)
AR_LOCK = (
    gem(AR + "locking/pessimistic.rb", "lock!", 79),
    gem(AR + "connection_adapters/postgresql/database_statements.rb", "exec_query", 49),
)
STRIPE = (
    gem("stripe-12.6.0/lib/stripe/api_operations/request.rb", "execute_resource_request", 42),
    gem("stripe-12.6.0/lib/stripe/api_requestor.rb", "handle_error_response", 707),
)
# Private assets (fonts, signing certificates) are read from S3 through one helper: its frame
# and the SDK's "no such key" end both bugs, only the callers differ.
S3_READ = (
    rb("app/lib/tallowby/asset_store.rb", "read!", 14),
    gem("aws-sdk-core-3.211.0/lib/seahorse/client/plugins/raise_response_errors.rb", "call", 17),
)
NO_KEY = "The specified key does not exist."
NIL_PRICE = "undefined method `price_cents' for nil"


def unique(index: str, key: str) -> str:
    return f'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.\n'


APP_JS = "assets/index"
WEB = {"search": "boxoffice 5xx requests (lograge)", "mechanism": "rails"}
JOBS = {"search": "boxoffice-sidekiq job failures", "mechanism": "sidekiq"}
STATS = "boxoffice-sidekiq failures by worker (1h)"
TEAM = "boxoffice"
APM_TYPE = {"style": "type", "monitor": "boxoffice error spans by type", "team": TEAM}

BUGS = [
    # The same nil price tier read in the checkout and in the seat-hold summary: one message, two places.
    Bug("bw-checkout-nil-tier", "boxoffice", (Exc("NoMethodError", NIL_PRICE, (*REQUEST, rb("app/controllers/checkouts_controller.rb", "create", 22), rb("app/models/order.rb", "total_cents", 58), rb("app/models/order_line.rb", "subtotal_cents", 17))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, action="CheckoutsController#create", **WEB), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bw-hold-nil-tier", entry="POST /checkouts", span=2, renames={"create": "create_with_hold"}),
    Bug("bw-hold-nil-tier", "boxoffice", (Exc("NoMethodError", NIL_PRICE, (*REQUEST, rb("app/controllers/seat_holds_controller.rb", "show", 11), rb("app/presenters/hold_summary.rb", "line_for", 29))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, action="SeatHoldsController#show", **WEB)),
        classes=(4,), pair="bw-checkout-nil-tier", entry="GET /seat_holds/{id}"),
    # Unique violations on two indexes: a double-clicked seat hold, a re-sent gift voucher.
    Bug("bw-seat-hold-unique", "boxoffice", (Exc("PG::UniqueViolation", unique("index_seat_holds_on_performance_id_and_seat_id", "(performance_id, seat_id)=({id}, {n})"), AR_CREATE[-1:]), Exc("ActiveRecord::RecordNotUnique", unique("index_seat_holds_on_performance_id_and_seat_id", "(performance_id, seat_id)=({id}, {n})") + ': INSERT INTO "seat_holds"', (*REQUEST, rb("app/controllers/seat_holds_controller.rb", "create", 31), rb("app/models/seat_hold.rb", "place!", 24), *AR_CREATE))),
        (see("sentry.error", 3), see("splunk", 2, action="SeatHoldsController#create", **WEB), see("datadog.apm", style="route", monitor="POST /seat_holds error rate", team=TEAM)),
        classes=(4,), pair="bw-voucher-unique", entry="POST /seat_holds"),
    Bug("bw-voucher-unique", "boxoffice-sidekiq", (Exc("PG::UniqueViolation", unique("index_vouchers_on_code", "(code)=(GIFT-{hex})"), AR_CREATE[-1:]), Exc("ActiveRecord::RecordNotUnique", unique("index_vouchers_on_code", "(code)=(GIFT-{hex})") + ': INSERT INTO "vouchers"', (*SIDEKIQ, rb("app/sidekiq/issue_voucher_job.rb", "perform", 12), rb("app/models/voucher.rb", "issue!", 33), *AR_CREATE))),
        (see("sentry.error", 3), see("splunk", 2, **JOBS), see("splunk", search=STATS, stats={"class": "IssueVoucherJob", "queue": "default", "failures": "{n}", "error_class": "ActiveRecord::RecordNotUnique"})),
        classes=(4,), pair="bw-seat-hold-unique", entry="IssueVoucherJob"),
    # One capture method, two Stripe errors: an expired authorisation, a rate limit.
    Bug("bw-capture-expired", "boxoffice-sidekiq", (Exc("Stripe::InvalidRequestError", "This PaymentIntent could not be captured because it has a status of canceled. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.", (*SIDEKIQ, rb("app/sidekiq/capture_payment_job.rb", "perform", 9), rb("app/services/payments/capture.rb", "call", 27), *STRIPE)),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **JOBS), see("datadog.task", monitor="sidekiq CapturePaymentJob errors", team=TEAM)),
        classes=(4,), pair="bw-capture-rate-limit", entry="CapturePaymentJob", span=2),
    Bug("bw-capture-rate-limit", "boxoffice-sidekiq", (Exc("Stripe::RateLimitError", "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.", (*SIDEKIQ, rb("app/sidekiq/capture_payment_job.rb", "perform", 9), rb("app/services/payments/capture.rb", "call", 27), *STRIPE)),),
        (see("sentry.error", 3), see("splunk", 2, **JOBS), see("splunk", search=STATS, stats={"class": "CapturePaymentJob", "queue": "payments", "failures": "{n}", "error_class": "Stripe::RateLimitError"})),
        classes=(4,), pair="bw-capture-expired", entry="CapturePaymentJob"),
    # Two jobs whose private asset is missing from the bucket: a ticket font, a wallet certificate.
    Bug("bw-pdf-font-error", "boxoffice-sidekiq", (Exc("Aws::S3::Errors::NoSuchKey", NO_KEY, (*SIDEKIQ, rb("app/sidekiq/ticket_pdf_job.rb", "perform", 18), rb("app/pdfs/ticket_pdf.rb", "register_fonts", 44), *S3_READ)),),
        (see("sentry.error", 3), see("splunk", 2, **JOBS)),
        classes=(9,), pair="bw-wallet-pass-error", entry="TicketPdfJob"),
    Bug("bw-wallet-pass-error", "boxoffice-sidekiq", (Exc("Aws::S3::Errors::NoSuchKey", NO_KEY, (*SIDEKIQ, rb("app/sidekiq/wallet_pass_job.rb", "perform", 10), rb("app/services/wallet/pass_signer.rb", "certificate", 21), *S3_READ)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **JOBS)),
        classes=(9,), pair="bw-pdf-font-error", entry="WalletPassJob"),
    # The same undefined .rows in two seat-map components.
    Bug("bw-js-section-rows", "seatmap-web", (Exc("TypeError", frames=(*REACT_RENDER, js("src/components/SectionGrid.tsx", "SectionGrid", 41, 23, APP_JS)), js=JsError("read-undefined", "section.layout", "rows")),),
        (see("sentry.error", 3, browser="chrome", chunk=APP_JS), see("sentry.error", browser="firefox", chunk=APP_JS, release=1), see("sentry.error", browser="safari", chunk=APP_JS)),
        classes=(3, 4), pair="bw-js-legend-rows", span=2, page="/shows/{id}/seats"),
    Bug("bw-js-legend-rows", "seatmap-web", (Exc("TypeError", frames=(*REACT_RENDER, js("src/components/PriceLegend.tsx", "PriceLegend", 18, 30, APP_JS)), js=JsError("read-undefined", "section.layout", "rows")),),
        (see("sentry.error", 2, browser="chrome", chunk=APP_JS), see("sentry.error", browser="edge", chunk=APP_JS)),
        classes=(4,), pair="bw-js-section-rows", page="/shows/{id}/seats"),
    # The basket button calling a function the API client no longer exports.
    Bug("bw-js-add-to-basket", "seatmap-web", (Exc("TypeError", frames=(*REACT_CLICK, js("src/basket/AddButton.tsx", "onClick", 27, 11, APP_JS)), js=JsError("not-function", "api.holdSeats", "", call="(n)")),),
        (see("sentry.error", 2, browser="chrome", chunk=APP_JS), see("sentry.error", browser="safari", chunk=APP_JS, release=1)),
        classes=(3, 5), span=2, page="/shows/{id}/seats"),
    # Row locks waiting on the popular shows' on-sale minute.
    Bug("bw-lock-timeout", "boxoffice", (Exc("PG::LockNotAvailable", "ERROR:  canceling statement due to lock timeout\n", AR_LOCK[-1:]), Exc("ActiveRecord::LockWaitTimeout", "PG::LockNotAvailable: ERROR:  canceling statement due to lock timeout\n", (*REQUEST, rb("app/controllers/seat_holds_controller.rb", "create", 29), rb("app/models/performance.rb", "reserve_seat", 71), *AR_LOCK))),
        (see("sentry.error", 2), see("sentry.alert", rule="boxoffice: error spike"), see("splunk", 2, action="SeatHoldsController#create", **WEB), see("datadog.apm", **APM_TYPE)),
        entry="POST /seat_holds"),
    # The attendance export timing out on Redis while it walks the biggest venue's scans.
    Bug("bw-export-redis-timeout", "boxoffice-sidekiq", (Exc("RedisClient::ReadTimeoutError", "Waited 1.0 seconds", (*SIDEKIQ, rb("app/sidekiq/attendance_export_job.rb", "perform", 15), gem("redis-client-0.22.2/lib/redis_client/ruby_connection.rb", "read", 131))),),
        (see("sentry.error", 2), see("splunk", **JOBS), see("splunk", search=STATS, stats={"class": "AttendanceExportJob", "queue": "exports", "failures": "{n}", "error_class": "RedisClient::ReadTimeoutError"}), see("datadog.task", monitor="sidekiq AttendanceExportJob errors", team=TEAM)),
        entry="AttendanceExportJob"),
    # The mailer job after the SMTP relay's password was rotated.
    Bug("bw-mailer-smtp-auth", "boxoffice-sidekiq", (Exc("Net::SMTPAuthenticationError", "535 5.7.8 Authentication credentials invalid\n", (*SIDEKIQ, gem("activejob-7.1.5/lib/active_job/queue_adapters/sidekiq_adapter.rb", "perform", 71), gem("actionmailer-7.1.5/lib/action_mailer/mail_delivery_job.rb", "perform", 15), gem("mail-2.8.1/lib/mail/network/delivery_methods/smtp.rb", "deliver!", 109), gem("net-smtp-0.5.0/lib/net/smtp.rb", "authenticate", 883))),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("splunk", search=STATS, stats={"class": "ActionMailer::MailDeliveryJob", "queue": "mailers", "failures": "{n}", "error_class": "Net::SMTPAuthenticationError"}), see("datadog.task", monitor="sidekiq mailers queue errors", team=TEAM)),
        entry="ActionMailer::MailDeliveryJob"),
    # Refunds on cancelled performances: a frozen order.
    Bug("bw-refund-frozen", "boxoffice", (Exc("FrozenError", "can't modify frozen Hash: {\"reason\"=>\"performance_cancelled\"}", (*REQUEST, rb("app/controllers/admin/refunds_controller.rb", "create", 16), rb("app/services/refunds/issue.rb", "call", 35))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, action="Admin::RefundsController#create", **WEB)),
        classes=(5,), entry="POST /admin/refunds", span=3, renames={"create": "bulk_create"}),
    # lograge's lines for slow seat-map loads on an on-sale morning: one log template, no bug.
    Bug("bw-seatmap-slow", "boxoffice", (),
        (see("splunk", 3, search="boxoffice slow seat maps (lograge)", line='{"method":"GET","path":"/shows/{id}/seats.json","format":"json","controller":"SeatsController","action":"index","status":200,"allocations":{n}812,"duration":{elapsed},"view":0.41,"db":{ms}.2,"request_id":"{uuid}","host":"{hostport}","response_bytes":"{size}"}'),),
        classes=(7,)),
    # Seen once: a malformed ticket scanner payload.
    Bug("bw-scan-json", "boxoffice", (Exc("ActionDispatch::Http::Parameters::ParseError", "unexpected character: 'TKT-' at line 1 column 1", (*REQUEST[:3], gem(AP + "action_dispatch/http/parameters.rb", "parse_formatted_parameters", 99))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/scans"),
]

NOISE = [
    Noise("bw-noise-deploy", "boxoffice", "datadog.event", {"monitor": "Deploy: boxoffice 2026.11.3", "text": "GitHub Actions deployed boxoffice 2026.11.3 to production.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("bw-noise-sidekiq-boot", "boxoffice-sidekiq", "splunk", {**JOBS, "line": "{\"ts\":\"{ts}\",\"pid\":1,\"tid\":\"ouy\",\"lvl\":\"INFO\",\"msg\":\"Sidekiq 7.3.2 connecting to Redis with options {:size=>10, :pool_name=>\\\"internal\\\", :url=>\\\"redis://redis-jobs:6379/0\\\"}\"}"}),
    Noise("bw-noise-recovered", "boxoffice", "datadog.metric", {"monitor": "boxoffice p95 latency", "transition": "Recovered", "alert_type": "success", "text": "boxoffice p95 latency back under threshold.", "metric": "trace.rack.request.duration", "query": "avg(last_10m):p95:trace.rack.request.duration{service:boxoffice} > 1.5", "priority": "P3", "team": TEAM}),
]

TALLOWBY = Company(
    key="bw",
    name="Tallowby Tickets",
    domain="tallowby.example",
    sentry_org="tallowby",
    splunk_url="https://tallowby.splunkcloud.com",
    splunk_guid="A41C0E77-3B9D-4E12-8F60-2D7B5C19E3A4",
    datadog_org=("518204", "Tallowby Tickets"),
    datadog_template="bw-tallowby",
    posthog_project=(0, ""),
    releases=("2026.11.2", "2026.11.3", "2026.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tallowby-sentry-client-secret",
)
