"""(x) Brambleby Hire, tool and equipment hire: a Hanami 2.1 app on Ruby 3.3 under Puma
(``hire-web``: slices for rentals, quotes and depots, ROM over Sequel and PostgreSQL) and
Shoryuken 6 workers reading SQS queues (``hire-workers``: reminders, late fees, deposits,
depot sync).

Sentry (sentry-ruby with its Rack middleware; the workers report from a Shoryuken server
middleware) sees both; Splunk indexes Ruby's standard ``Logger`` lines (``E, [...] ERROR --
: message (Class)`` and the backtrace), the team's lograge-style ``key=value`` request line
(no trace) and Shoryuken's pretty log (``Processor failed: ...``, the backtrace as a second
event, joined by a ``transaction`` search in one alert); Datadog posts the team's template
(``alert``, ``what_happened`` the plain-text message, ``raised_at`` unquoted). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby", "5.19.0", "gem:sentry-ruby")
SERVICES = {
    "hire-web": Service("hire-web", "ruby", "ruby-logger", "brambleby:hire-web", "/var/log/containers/hire-web.log", "bramble_prod", 6610021, "ruby 3.3.5", framework="hanami", sdk=SDK),
    "hire-workers": Service("hire-workers", "ruby", "shoryuken", "brambleby:shoryuken", "/var/log/containers/hire-workers.log", "bramble_prod", 6610024, "ruby 3.3.5", framework="shoryuken", sdk=SDK),
}

# Puma to a Hanami action's #handle (Ruby 3.3 labels: no owner, Kernel#catch as a C frame
# under its caller's file).
HANAMI = (
    rb("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155, lib=True),
    rb("puma-6.4.3/lib/puma/server.rb", "process_client", 438, lib=True),
    rb("puma-6.4.3/lib/puma/request.rb", "handle_request", 99, lib=True),
    rb("puma-6.4.3/lib/puma/configuration.rb", "call", 272, lib=True),
    rb("hanami-2.1.3/lib/hanami/web/rack_logger.rb", "call", 120, lib=True),
    rb("hanami-router-2.1.0/lib/hanami/router.rb", "call", 104, lib=True),
    rb("hanami-controller-2.1.0/lib/hanami/action.rb", "call", 319, lib=True),
    rb("hanami-controller-2.1.0/lib/hanami/action.rb", "catch", 319, lib=True),
    rb("hanami-controller-2.1.0/lib/hanami/action.rb", "block in call", 324, lib=True),
)
CRE = "concurrent-ruby-1.3.4/lib/concurrent-ruby/concurrent/executor/ruby_thread_pool_executor.rb"
SHK = "shoryuken-6.2.1/lib/shoryuken/"
# A Shoryuken processor thread down its server middleware chain to the worker's #perform.
SHORYUKEN = (
    rb(CRE, "block in create_worker", 352, lib=True),
    rb("<internal:kernel>", "loop", 187, lib=True),
    rb(CRE, "block (2 levels) in create_worker", 363, lib=True),
    rb(CRE, "run_task", 340, lib=True),
    rb(SHK + "processor.rb", "process", 21, lib=True),
    rb(SHK + "middleware/chain.rb", "invoke", 99, lib=True),
    rb(SHK + "middleware/chain.rb", "block in invoke", 96, lib=True),
    rb(SHK + "middleware/server/timing.rb", "call", 17, lib=True),
    rb(SHK + "middleware/chain.rb", "block in invoke", 96, lib=True),
    rb(SHK + "middleware/server/exponential_backoff_retry.rb", "call", 13, lib=True),
    rb(SHK + "middleware/chain.rb", "block in invoke", 96, lib=True),
    rb(SHK + "middleware/server/auto_delete.rb", "call", 9, lib=True),
    rb(SHK + "middleware/chain.rb", "block in invoke", 94, lib=True),
    rb(SHK + "processor.rb", "block in process", 22, lib=True),
)
SEQ = "sequel-5.84.0/lib/sequel/"
ROM_CREATE = (
    rb("rom-repository-5.3.0/lib/rom/repository/relation_reader.rb", "call", 41, lib=True),
    rb("rom-sql-3.6.4/lib/rom/sql/commands/error_wrapper.rb", "call", 18, lib=True),
    rb("rom-sql-3.6.4/lib/rom/sql/commands/create.rb", "execute", 39, lib=True),
    rb("rom-sql-3.6.4/lib/rom/sql/commands/create.rb", "insert", 55, lib=True),
    rb(SEQ + "dataset/actions.rb", "insert", 388, lib=True),
    rb(SEQ + "dataset/actions.rb", "execute_insert", 1173, lib=True),
    rb(SEQ + "adapters/postgres.rb", "execute", 519, lib=True),
    rb(SEQ + "database/connecting.rb", "synchronize", 283, lib=True),
    rb(SEQ + "adapters/postgres.rb", "block in execute", 521, lib=True),
    rb(SEQ + "adapters/postgres.rb", "_execute", 542, lib=True),
    rb(SEQ + "database/logging.rb", "log_connection_yield", 38, lib=True),
)


def unique(app: tuple[Frame, ...], index: str, key: str) -> tuple[Exc, ...]:
    """PG's unique violation, raised again by Sequel and wrapped by ROM's command (cause
    first); ROM keeps Sequel's message, Sequel prefixes PG's with its class."""
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.\n'
    return (
        Exc("PG::UniqueViolation", pg, (*app, *ROM_CREATE, rb(SEQ + "adapters/postgres.rb", "exec", 171, lib=True))),
        Exc("Sequel::UniqueConstraintViolation", "PG::UniqueViolation: " + pg, (*app, *ROM_CREATE[:-1], rb(SEQ + "database/misc.rb", "raise_error", 595, lib=True))),
        Exc("ROM::SQL::UniqueConstraintError", "PG::UniqueViolation: " + pg, (*app, *ROM_CREATE[:2], rb("rom-sql-3.6.4/lib/rom/sql/commands/error_wrapper.rb", "rescue in call", 20, lib=True))),
    )


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*HANAMI, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*SHORYUKEN, *frames)


TWILIO = (
    rb("twilio-ruby-7.2.3/lib/twilio-ruby/rest/api/v2010/account/message.rb", "create", 107, lib=True),
    rb("twilio-ruby-7.2.3/lib/twilio-ruby/base/version.rb", "create", 201, lib=True),
)
UPSTREAM = rb("lib/brambleby/upstream.rb", "raise_for_status!", 18)
WEB_LOG = dict(team="hire", monitor="hire-web exceptions", filter="service:hire-web status:error", style="sample")
WORKER_TEXT = "Shoryuken processor failures on hire-workers.\n\nLatest: {{log.message}}\n\nRunbook: https://wiki.brambleby.example/hire/shoryuken"
FIVEXX = "hire-web - 5xx by action"

BUGS = [
    # The same nil end date in the extend action and in the late-fee worker.
    Bug("bh-extend-nil-end-date", "hire-web", (Exc("NoMethodError", "undefined method `end_date' for nil", web(rb("slices/rentals/actions/bookings/extend.rb", "handle", 22), rb("slices/rentals/operations/extend_booking.rb", "call", 31), rb("slices/rentals/operations/extend_booking.rb", "new_period", 47))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("splunk", format="lograge-kv", action="rentals.actions.bookings.extend", search="hire-web - requests"), see("datadog.log", **WEB_LOG)),
        classes=(4,), pair="bh-late-fee-nil-end-date", entry="POST /bookings/{booking_id}/extend"),
    Bug("bh-late-fee-nil-end-date", "hire-workers", (Exc("NoMethodError", "undefined method `end_date' for nil", job(rb("app/workers/late_fee_worker.rb", "perform", 18), rb("lib/brambleby/fees/late_fee.rb", "days_overdue", 12))),),
        (see("sentry.error", 2), see("splunk", 2, queue="brambleby-late-fees"), see("splunk", format="shoryuken-transaction", queue="brambleby-late-fees", search="hire-workers - failures (txn)"), see("datadog.log", team="hire", monitor="hire-workers processor failures", filter="service:hire-workers \"Processor failed\"", text=WORKER_TEXT, queue="brambleby-late-fees"), see("datadog.task", 2, team="hire", monitor="hire-workers job failures")),
        classes=(4,), pair="bh-extend-nil-end-date", entry="LateFeeWorker"),
    # Unique violations on two tables: a double-booked asset (web), a deposit captured twice (worker).
    Bug("bh-booking-unique", "hire-web", unique((*HANAMI, rb("slices/rentals/actions/bookings/create.rb", "handle", 27), rb("slices/rentals/repos/booking_repo.rb", "create", 14)), "bookings_asset_id_starts_on_key", "(asset_id, starts_on)=({id}, 2026-03-1{idx})"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("splunk", format="lograge-kv", action="rentals.actions.bookings.create", search="hire-web - requests"), see("datadog.apm", style="message", team="hire", monitor="hire-web error spans")),
        classes=(4,), pair="bh-deposit-unique", entry="POST /bookings"),
    Bug("bh-deposit-unique", "hire-workers", unique((*SHORYUKEN, rb("app/workers/deposit_capture_worker.rb", "perform", 21), rb("slices/payments/repos/deposit_repo.rb", "create", 19)), "deposits_booking_id_key", "(booking_id)=({id})"),
        (see("sentry.error", 2), see("splunk", format="shoryuken-transaction", queue="brambleby-deposits", search="hire-workers - failures (txn)"), see("splunk", queue="brambleby-deposits"), see("datadog.task", team="hire", monitor="hire-workers job failures")),
        classes=(4,), pair="bh-booking-unique", entry="DepositCaptureWorker"),
    # One upstream helper raising for two partners: the depot API (worker) and the cover API (web).
    Bug("bh-depot-sync-upstream", "hire-workers", (Exc("Brambleby::UpstreamError", "depot-api responded 503 (GET /v2/depots/{n}/stock)", job(rb("app/workers/depot_sync_worker.rb", "perform", 15), rb("slices/depots/sync/stock_pull.rb", "fetch", 33), UPSTREAM)),),
        (see("sentry.error", 3), see("splunk", 2, queue="brambleby-depot-sync"), see("datadog.log", team="hire", monitor="hire-workers processor failures", filter="service:hire-workers \"Processor failed\"", text=WORKER_TEXT, queue="brambleby-depot-sync")),
        classes=(9,), pair="bh-quote-cover-upstream", entry="DepotSyncWorker"),
    Bug("bh-quote-cover-upstream", "hire-web", (Exc("Brambleby::UpstreamError", "cover-api responded 422 (POST /v1/quotes)", web(rb("slices/quotes/actions/quotes/create.rb", "handle", 19), rb("slices/quotes/cover/client.rb", "quote", 41), UPSTREAM)),),
        (see("sentry.error", 2), see("splunk", 2), see("splunk", format="lograge-kv", action="quotes.actions.quotes.create", search="hire-web - requests"), see("datadog.apm", style="message", team="hire", monitor="hire-web error spans")),
        classes=(9,), pair="bh-depot-sync-upstream", entry="POST /quotes"),
    # Two bugs under one saved search and one route: a zero day rate, a statement timeout.
    Bug("bh-day-rate-zero-division", "hire-web", (Exc("ZeroDivisionError", "divided by 0", web(rb("slices/rentals/actions/availability/index.rb", "handle", 16), rb("slices/rentals/pricing/day_rate.rb", "per_day", 23), rb("slices/rentals/pricing/day_rate.rb", "/", 23))),),
        (see("sentry.error", 2), see("splunk", search=FIVEXX, stats={"action": "rentals.actions.availability.index", "error": "ZeroDivisionError: divided by 0", "count": "{n}"}), see("splunk", 2), see("splunk", format="lograge-kv", action="rentals.actions.availability.index", search="hire-web - requests"), see("datadog.apm", style="type", team="hire", monitor="hire-web error types")),
        classes=(8,), pair="bh-availability-timeout", entry="GET /availability"),
    Bug("bh-availability-timeout", "hire-web", (Exc("PG::QueryCanceled", "ERROR:  canceling statement due to statement timeout\n", web(rb("slices/rentals/actions/availability/index.rb", "handle", 14), rb("slices/rentals/repos/asset_repo.rb", "available_between", 38), rb(SEQ + "dataset/actions.rb", "to_a", 249, lib=True), rb(SEQ + "adapters/postgres.rb", "exec", 171, lib=True))), Exc("Sequel::DatabaseError", "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout\n", web(rb("slices/rentals/actions/availability/index.rb", "handle", 14), rb("slices/rentals/repos/asset_repo.rb", "available_between", 38), rb(SEQ + "dataset/actions.rb", "to_a", 249, lib=True), rb(SEQ + "database/misc.rb", "raise_error", 595, lib=True)))),
        (see("sentry.error", 2), see("splunk", search=FIVEXX, stats={"action": "rentals.actions.availability.index", "error": "Sequel::DatabaseError: PG::QueryCanceled: ERROR:  canceling statement due to statement timeout", "count": "{n}"}), see("splunk", 2, format="lograge-kv", action="rentals.actions.availability.index", search="hire-web - requests"), see("datadog.apm", style="type", team="hire", monitor="hire-web error types")),
        classes=(8, 10), pair="bh-day-rate-zero-division", entry="GET /availability"),
    # One SMS helper for two bugs: a number Twilio rejects, Twilio's rate limit.
    Bug("bh-reminder-sms-invalid", "hire-workers", (Exc("Twilio::REST::RestError", "[HTTP 400] 21211 : Unable to create record\nThe 'To' number +44 7{n}00 9{idx}4{idx}1 is not a valid phone number.\nhttps://www.twilio.com/docs/errors/21211\n", job(rb("app/workers/reminder_worker.rb", "perform", 24), rb("lib/brambleby/notify/sms.rb", "deliver", 15), *TWILIO, rb("twilio-ruby-7.2.3/lib/twilio-ruby/base/version.rb", "exception", 92, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, queue="brambleby-reminders"), see("datadog.log", team="hire", monitor="hire-workers processor failures", filter="service:hire-workers \"Processor failed\"", text=WORKER_TEXT, queue="brambleby-reminders")),
        classes=(2,), pair="bh-overdue-sms-rate-limited", entry="ReminderWorker"),
    Bug("bh-overdue-sms-rate-limited", "hire-workers", (Exc("Twilio::REST::RestError", "[HTTP 429] 20429 : Unable to create record\nToo Many Requests\nhttps://www.twilio.com/docs/errors/20429\n", job(rb("app/workers/overdue_notice_worker.rb", "perform", 30), rb("lib/brambleby/notify/sms.rb", "deliver", 15), *TWILIO, rb("twilio-ruby-7.2.3/lib/twilio-ruby/base/version.rb", "exception", 92, lib=True))),),
        (see("sentry.error", 3), see("splunk", queue="brambleby-overdue"), see("splunk", format="shoryuken-transaction", queue="brambleby-overdue", search="hire-workers - failures (txn)")),
        classes=(9,), pair="bh-reminder-sms-invalid", entry="OverdueNoticeWorker"),
    # The scanner webhook and the depot sync both parsing an HTML error page as JSON.
    Bug("bh-scanner-webhook-json", "hire-web", (Exc("JSON::ParserError", "unexpected token at '<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>502 Bad Gateway</title>'", web(rb("slices/depots/actions/webhooks/scanner.rb", "handle", 12), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True))),),
        (see("sentry.error", 2), see("splunk", format="lograge-kv", action="depots.actions.webhooks.scanner", search="hire-web - requests"), see("splunk")),
        classes=(4,), pair="bh-depot-feed-json", entry="POST /webhooks/scanner"),
    Bug("bh-depot-feed-json", "hire-workers", (Exc("JSON::ParserError", "unexpected token at '<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>502 Bad Gateway</title>'", job(rb("app/workers/depot_feed_worker.rb", "perform", 11), rb("slices/depots/sync/feed.rb", "entries", 26), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True))),),
        (see("sentry.error", 2), see("splunk", queue="brambleby-depot-feed"), see("splunk", format="shoryuken-transaction", queue="brambleby-depot-feed", search="hire-workers - failures (txn)")),
        classes=(4,), pair="bh-scanner-webhook-json", entry="DepotFeedWorker"),
    # SQS refusing to delete a message whose visibility ran out: no app frame at all.
    Bug("bh-sqs-receipt-expired", "hire-workers", (Exc("Aws::SQS::Errors::InvalidParameterValue", "Value AQEB{hex}{hex2}+{hex3}== for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.", (*SHORYUKEN[:12], rb(SHK + "message.rb", "delete", 33, lib=True), rb("aws-sdk-sqs-1.80.0/lib/aws-sdk-sqs/client.rb", "delete_message", 1206, lib=True), rb("aws-sdk-core-3.201.3/lib/seahorse/client/base.rb", "block (2 levels) in define_operation_methods", 89, lib=True), rb("aws-sdk-core-3.201.3/lib/seahorse/client/plugins/raise_response_errors.rb", "call", 17, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, queue="brambleby-reminders"), see("datadog.queue", monitor="SQS dead letters", scope="queuename:brambleby-reminders-dlq", team="hire", queue="brambleby-reminders-dlq", text="Messages are piling up in brambleby-reminders-dlq: {n} visible (max receive count 5). Something is failing after processing.")),
        classes=(2, 10), entry="ReminderWorker"),
    # A Dry::Struct refusing a row from the depot catalogue; the outer caller renamed later.
    Bug("bh-asset-struct-missing-serial", "hire-workers", (Exc("Dry::Struct::Error", "[Depots::Entities::Asset.new] :serial_number is missing in Hash input", job(rb("app/workers/depot_sync_worker.rb", "perform", 15), rb("slices/depots/sync/catalogue.rb", "build_asset", 52), rb("dry-struct-1.6.0/lib/dry/struct/class_interface.rb", "new", 258, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, queue="brambleby-depot-sync"), see("splunk", format="shoryuken-transaction", queue="brambleby-depot-sync", search="hire-workers - failures (txn)")),
        classes=(5,), span=3, renames={"build_asset": "asset_from_row"}, entry="DepotSyncWorker"),
    # An asset photo missing from S3; Sentry's issue webhook carries only its metadata.
    Bug("bh-asset-photo-missing", "hire-web", (Exc("Aws::S3::Errors::NoSuchKey", "The specified key does not exist.", web(rb("slices/rentals/actions/assets/photo.rb", "handle", 17), rb("slices/rentals/storage/photos.rb", "url_for", 29), rb("aws-sdk-core-3.201.3/lib/seahorse/client/plugins/raise_response_errors.rb", "call", 17, lib=True))),),
        (see("sentry.issue"), see("sentry.error", 2), see("splunk", format="lograge-kv", action="rentals.actions.assets.photo", search="hire-web - requests"), see("splunk", 2)),
        classes=(6,), entry="GET /assets/{asset_id}/photo"),
    # The mailer losing its SMTP login: seen once.
    Bug("bh-mailer-smtp-auth", "hire-workers", (Exc("Net::SMTPAuthenticationError", "535 5.7.8 Username and Password not accepted. For more information, go to\n", job(rb("app/workers/invoice_mail_worker.rb", "perform", 20), rb("net-smtp-0.5.0/lib/net/smtp.rb", "check_auth_response", 1025, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="InvoiceMailWorker"),
    # Puma's backlog growing: a problem that names no bug.
    Bug("bh-puma-backlog", "hire-web", (),
        (see("datadog.metric", 2, monitor="hire-web puma backlog", scope="kube_deployment:hire-web", team="hire", metric="puma.backlog", event_type="metric_alert_monitor", text="Puma backlog on hire-web is {n} requests (threshold 10). Threads are saturated."),),
        classes=(8,)),
]

NOISE = [
    Noise("bh-noise-deploy", "hire-web", "datadog.event", {"monitor": "Deployed hire-web 2026.11.2", "text": "Argo CD synced hire-web to 2026.11.2 (3/3 pods healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("bh-noise-shoryuken-start", "hire-workers", "splunk", {"search": "hire-workers - failures", "line": "{ts} 1 TID-ow3k2x9 INFO: Starting Shoryuken 6.2.1 with concurrency 25, queues brambleby-reminders, brambleby-late-fees, brambleby-deposits"}),
    Noise("bh-noise-recovered", "hire-web", "datadog.log", {"monitor": "hire-web exceptions", "transition": "Recovered", "alert_type": "success", "text": "hire-web exceptions are back under the threshold.", "priority": "P3"}),
]

BRAMBLEBY = Company(
    key="x",
    name="Brambleby Hire",
    domain="brambleby.example",
    sentry_org="brambleby",
    splunk_url="https://brambleby.splunkcloud.com",
    splunk_guid="4E0B2C71-9A3F-4D8E-B5C6-17F2D9A0E3B4",
    datadog_org=("845512", "Brambleby Hire"),
    datadog_template="brambleby",
    posthog_project=(0, ""),
    releases=("2026.11.1", "2026.11.2", "2026.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="brambleby-sentry-client-secret",
)
# fmt: on
