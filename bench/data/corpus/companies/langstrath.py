"""(is) Langstrath Lettings, a letting agent's portal: a Ruby 3.2 / Rails 7.0 app on Heroku
(``langstrath-web``: Puma 6 web dynos behind rack-timeout, PostgreSQL through Active Record)
and GoodJob 3 worker dynos (``langstrath-worker``: Active Job classes for rent reminders,
deposit returns, portal listings and payment collection).

Logs: Rails' production logger on STDOUT (``Logger::Formatter``: ``E, [<ts> #<pid>] ERROR --
: ...``) through a Heroku log drain to Datadog: every line of a multi-line message is an event
of its own, so a monitor sees one line of ``ActionDispatch::DebugExceptions``' FATAL block
(the ``<Class> (<message>):`` line, tagged with the request id), GoodJob's ``[GoodJob] GoodJob
error: <Class>: <message>`` (its backtrace, printed as a Ruby array, is the next event) or
Active Job's ``Error performing <Job> (Job ID: ...) from GoodJob(<queue>) in <ms>ms: <Class>
(<message>):``; one monitor reads a syslog drain whose lines keep Heroku's ``app[web.1]:``
prefix. Sentry: sentry-ruby with sentry-rails (Active Job errors too). Datadog log monitors
alone; no Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# fmt: off
SDK = ("sentry.ruby.rails", "5.17.3", "gem:sentry-rails")
SERVICES = {
    "langstrath-web": Service("langstrath-web", "ruby", "is-heroku", "heroku", "heroku:web", "ls_prod", 8330021, "ruby 3.2.3", framework="rails", sdk=SDK),
    "langstrath-worker": Service("langstrath-worker", "ruby", "is-heroku", "heroku", "heroku:worker", "ls_prod", 8330022, "ruby 3.2.3", framework="active_job", sdk=SDK),
}


def gem(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line, lib=True)


REQUEST = (
    gem("puma-6.4.2/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
    gem("puma-6.4.2/lib/puma/server.rb", "block in run", 443),
    gem("puma-6.4.2/lib/puma/server.rb", "process_client", 478),
    gem("puma-6.4.2/lib/puma/request.rb", "handle_request", 100),
    gem("rack-timeout-0.6.3/lib/rack/timeout/core.rb", "call", 148),
    gem("railties-7.0.8/lib/rails/engine.rb", "call", 530),
    gem("actionpack-7.0.8/lib/action_dispatch/middleware/show_exceptions.rb", "call", 26),
    gem("actionpack-7.0.8/lib/action_dispatch/middleware/debug_exceptions.rb", "call", 28),
    gem("actionpack-7.0.8/lib/action_dispatch/journey/router.rb", "block in serve", 32),
    gem("actionpack-7.0.8/lib/action_dispatch/routing/route_set.rb", "dispatch", 49),
    gem("actionpack-7.0.8/lib/action_controller/metal.rb", "dispatch", 188),
    gem("actionpack-7.0.8/lib/abstract_controller/base.rb", "process", 215),
    gem("actionpack-7.0.8/lib/abstract_controller/callbacks.rb", "block in process_action", 234),
    gem("actionpack-7.0.8/lib/action_controller/metal/basic_implicit_render.rb", "send_action", 6),
)
JOB = (
    gem("good_job-3.99.1/lib/good_job/job_performer.rb", "next", 45),
    gem("good_job-3.99.1/lib/good_job/job.rb", "perform_with_advisory_lock", 384),
    gem("good_job-3.99.1/lib/good_job/job.rb", "perform", 654),
    gem("activejob-7.0.8/lib/active_job/execution.rb", "execute", 27),
    gem("activesupport-7.0.8/lib/active_support/callbacks.rb", "run_callbacks", 118),
    gem("activejob-7.0.8/lib/active_job/execution.rb", "perform_now", 57),
    gem("activejob-7.0.8/lib/active_job/instrumentation.rb", "instrument", 40),
    gem("activesupport-7.0.8/lib/active_support/callbacks.rb", "run_callbacks", 118),
    gem("activejob-7.0.8/lib/active_job/execution.rb", "_perform_job", 67),
)
AR_CREATE = (
    gem("activerecord-7.0.8/lib/active_record/persistence.rb", "create!", 54),
    gem("activerecord-7.0.8/lib/active_record/validations.rb", "save!", 53),
    gem("activerecord-7.0.8/lib/active_record/persistence.rb", "_insert_record", 1193),
    gem("activerecord-7.0.8/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_insert", 74),
    gem("activerecord-7.0.8/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 771),
)
AR_FIND = (
    gem("activerecord-7.0.8/lib/active_record/core.rb", "find", 284),
    gem("activerecord-7.0.8/lib/active_record/core.rb", "cached_find_by", 420),
)


def web(path: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*REQUEST, rb(path, method, line), *more)


def job(path: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*JOB, rb(path, "perform", line), *more)


def unique(frames: tuple[Frame, ...], index: str, detail: str) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames + AR_CREATE, module="PG"),
        Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", frames + AR_CREATE, module="ActiveRecord"),
    )


NIL_POSTCODE = "undefined method `postcode' for nil:NilClass"
PORTAL = (rb("app/lib/portal_client.rb", "post", 18), gem("net-http-0.4.1/lib/net/http.rb", "request", 2318))

WEBMON = {"team": "lettings", "monitor": "langstrath-web exceptions", "filter": "service:langstrath-web \"FATAL\" OR @rails.exception:*", "text": "Exception on langstrath-web:\n\n```\n{{log.message}}\n```", "sample_lines": 1, "kind": "fatal", "start": 1}
WEBMON_DRAIN = {**WEBMON, "monitor": "langstrath-web exceptions (syslog drain)", "drain": True}
GJMON = {"team": "lettings", "monitor": "GoodJob errors", "filter": "service:langstrath-worker \"GoodJob error\"", "text": "{{log.message}}", "sample_lines": 1, "kind": "goodjob"}
AJMON = {"team": "lettings", "monitor": "Active Job failures", "filter": "service:langstrath-worker \"Error performing\"", "text": "A job failed on {{log.host}}:\n\n{{log.message}}", "sample_lines": 1, "kind": "activejob"}
KINDMON = {"team": "lettings", "monitor": "langstrath-web error kinds", "style": "kind", "kind": "fatal"}

BUGS = [
    # 1. One nil postcode at two places (a page and a portal sync job).
    Bug("is-address-nil", "langstrath-web", (Exc("NoMethodError", NIL_POSTCODE, web("app/controllers/properties_controller.rb", "show", 14, rb("app/models/property.rb", "display_address", 42))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **WEBMON), see("datadog.log", **WEBMON_DRAIN)),
        classes=(4,), pair="is-listing-nil", entry="GET /properties/{id}", span=2),
    Bug("is-listing-nil", "langstrath-worker", (Exc("NoMethodError", NIL_POSTCODE, job("app/jobs/listing_sync_job.rb", 31, rb("app/serializers/portal_listing.rb", "location", 27))),),
        (see("sentry.error", 2), see("datadog.log", **GJMON), see("datadog.log", queue="portals", **AJMON)),
        classes=(4,), pair="is-address-nil", entry="ListingSyncJob"),
    # 2. One rent schedule builder, two exceptions.
    Bug("is-schedule-date", "langstrath-web", (Exc("Error", "invalid date", web("app/controllers/tenancies/schedules_controller.rb", "create", 11, rb("app/services/rent_schedule.rb", "build", 23), rb("app/services/rent_schedule.rb", "due_on", 51)), module="Date"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", **WEBMON), see("datadog.log", **KINDMON)),
        classes=(4, 5), pair="is-schedule-zero", entry="POST /tenancies/{id}/schedule", span=2, renames={"build": "build_schedule"}),
    Bug("is-schedule-zero", "langstrath-web", (Exc("ZeroDivisionError", "divided by 0", web("app/controllers/tenancies/schedules_controller.rb", "create", 11, rb("app/services/rent_schedule.rb", "build", 29), rb("app/services/rent_schedule.rb", "instalment", 64))),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEBMON)),
        classes=(4,), pair="is-schedule-date", entry="POST /tenancies/{id}/schedule"),
    # 3. The portal client at the end of two bugs: a read timeout and an HTML error page.
    Bug("is-portal-timeout", "langstrath-worker", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("app/jobs/portal_publish_job.rb", 19, *PORTAL, gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 218)), module="Net"),),
        (see("sentry.error", 2), see("datadog.log", 2, **GJMON), see("datadog.log", queue="portals", **AJMON)),
        classes=(9,), pair="is-portal-html", entry="PortalPublishJob"),
    Bug("is-portal-html", "langstrath-web", (Exc("ParserError", "unexpected token at '<!DOCTYPE html>\n<html lang=\"en\">'", web("app/controllers/viewings_controller.rb", "availability", 37, rb("app/services/viewing_slots.rb", "fetch", 12), *PORTAL, rb("app/lib/portal_client.rb", "post", 21), gem("json-2.7.1/lib/json/common.rb", "parse", 219)), module="JSON"),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEBMON)),
        classes=(9,), pair="is-portal-timeout", entry="GET /properties/{id}/viewings/availability"),
    # 4. Unique indexes on two tables.
    Bug("is-viewing-dup", "langstrath-web", unique(web("app/controllers/viewings_controller.rb", "create", 22, rb("app/models/viewing.rb", "book!", 18)), "index_viewings_on_property_id_and_starts_at", "Key (property_id, starts_at)=({id}, 2026-03-{idx}0 10:30:00) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **WEBMON)),
        classes=(4,), pair="is-payment-dup", entry="POST /viewings"),
    Bug("is-payment-dup", "langstrath-worker", unique(job("app/jobs/rent_collection_job.rb", 26, rb("app/models/rent_payment.rb", "record!", 33)), "index_rent_payments_on_tenancy_id_and_due_on", "Key (tenancy_id, due_on)=({id}, 2026-03-01) already exists."),
        (see("sentry.error", 2), see("datadog.log", **GJMON), see("datadog.log", queue="payments", **AJMON)),
        classes=(4,), pair="is-viewing-dup", entry="RentCollectionJob"),
    # 5. Two worker bugs under the one "GoodJob errors" monitor.
    Bug("is-reminder-smtp", "langstrath-worker", (Exc("SMTPAuthenticationError", "535 5.7.8 Authentication credentials invalid\n", job("app/jobs/rent_reminder_job.rb", 14, gem("actionmailer-7.0.8/lib/action_mailer/message_delivery.rb", "deliver_now", 113), gem("mail-2.8.1/lib/mail/network/delivery_methods/smtp.rb", "deliver!", 109), gem("net-smtp-0.4.0/lib/net/smtp.rb", "authenticate", 868), gem("net-smtp-0.4.0/lib/net/smtp.rb", "critical", 1077)), module="Net"),),
        (see("sentry.error", 2), see("sentry.alert", rule="mailer failures"), see("datadog.log", 2, **GJMON)),
        classes=(2,), pair="is-deposit-missing", entry="RentReminderJob"),
    Bug("is-deposit-missing", "langstrath-worker", (Exc("RecordNotFound", "Couldn't find Tenancy with 'id'={id}", job("app/jobs/deposit_return_job.rb", 9, *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("datadog.log", 2, **GJMON), see("datadog.log", queue="deposits", **AJMON)),
        classes=(2,), pair="is-reminder-smtp", entry="DepositReturnJob"),
    # Not pairs.
    Bug("is-rack-timeout", "langstrath-web", (Exc("RequestTimeoutException", "Request waited {n}ms, then ran for longer than 15000ms ", web("app/controllers/reports/arrears_controller.rb", "index", 8, rb("app/queries/arrears_query.rb", "call", 31), gem("activerecord-7.0.8/lib/active_record/relation.rb", "load", 683), gem("pg-1.5.4/lib/pg/connection.rb", "exec_params", 236)), module="Rack::Timeout"),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEBMON), see("datadog.log", **WEBMON_DRAIN)),
        classes=(10,), entry="GET /reports/arrears"),
    Bug("is-pool-timeout", "langstrath-web", (Exc("ConnectionTimeoutError", "could not obtain a connection from the pool within 5.000 seconds (waited 5.00{idx} seconds); all pooled connections were in use", web("app/controllers/dashboard_controller.rb", "show", 6, gem("activerecord-7.0.8/lib/active_record/connection_adapters/abstract/connection_pool.rb", "checkout", 181), gem("activerecord-7.0.8/lib/active_record/connection_adapters/abstract/connection_pool/queue.rb", "poll", 128)), module="ActiveRecord"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **WEBMON), see("datadog.log", **KINDMON)),
        entry="GET /dashboard"),
    Bug("is-job-interrupted", "langstrath-worker", (Exc("InterruptError", "Interrupted after starting perform at '2026-03-0{idx} 0{idx}:1{idx}:0{idx} UTC'", (*JOB[:3], gem("good_job-3.99.1/lib/good_job/active_job_extensions/interrupt_errors.rb", "block (2 levels) in <module:InterruptErrors>", 20)), module="GoodJob"),),
        (see("sentry.error", 2), see("datadog.log", 2, **GJMON)),
        entry="RentCollectionJob"),
    Bug("is-view-landlord", "langstrath-web", (Exc("Error", "undefined local variable or method `landlord' for #<ActionView::Base:0x000{hex}>", web("app/controllers/statements_controller.rb", "show", 17, gem("actionview-7.0.8/lib/action_view/template.rb", "render", 157), rb("app/views/statements/show.html.erb", "_app_views_statements_show_html_erb___3120774512418829711_62140", 12)), module="ActionView::Template"),),
        (see("sentry.error", 2), see("datadog.log", 2, **WEBMON)),
        classes=(1,), entry="GET /statements/{id}"),
    Bug("is-stripe-signature", "langstrath-web", (Exc("SignatureVerificationError", "No signatures found matching the expected signature for payload", web("app/controllers/webhooks/stripe_controller.rb", "create", 9, gem("stripe-10.5.0/lib/stripe/webhook.rb", "construct_event", 12), gem("stripe-10.5.0/lib/stripe/webhook.rb", "verify_header", 110)), module="Stripe"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 2, **WEBMON)),
        classes=(5,), entry="POST /webhooks/stripe", span=3),
    Bug("is-singleton-storage", "langstrath-worker", (Exc("FileNotFoundError", "ActiveStorage::FileNotFoundError", job("app/jobs/inventory_pdf_job.rb", 22, gem("activestorage-7.0.8/lib/active_storage/service/s3_service.rb", "download", 42)), module="ActiveStorage"),),
        (see("sentry.error"),),
        singleton=True, entry="InventoryPdfJob"),
]

NOISE = [
    Noise("is-noise-release", "langstrath-web", "datadog.event", {"monitor": "Heroku release v412", "text": "Release v412 created by deploy@langstrath-lettings.example: Deploy 8c41e2a", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
    Noise("is-noise-recovered", "langstrath-worker", "datadog.log", {"monitor": "GoodJob errors", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "service:langstrath-worker \"GoodJob error\"", "text": "GoodJob errors back under threshold."}),
]

LANGSTRATH = Company(
    key="is",
    name="Langstrath Lettings",
    domain="langstrath-lettings.example",
    sentry_org="langstrath",
    splunk_url="https://langstrath.splunkcloud.com",
    splunk_guid="0A7F31D8-2C64-4B95-AE10-8D3E6B71C2F4",
    datadog_org=("833002", "Langstrath Lettings"),
    datadog_template="custom",
    posthog_project=(83302, "Langstrath portal"),
    releases=("v410", "v411", "v412"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="langstrath-sentry-client-secret",
)
# fmt: on
