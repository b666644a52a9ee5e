"""(eo) Eaglesfield Tutors, a tutoring marketplace: a Rails 6.1 app on Ruby 2.7 and Puma
(``tutors-web``: tutor search, lesson bookings, student accounts, earnings reports) and Delayed
Job 4.1 worker dynos (``tutors-jobs``, ``rake jobs:work``: Active Job jobs and old
``.delay`` calls), both on Heroku with Heroku Postgres.

Sentry: sentry-ruby 5 with sentry-rails and sentry-delayed_job. Splunk: Heroku's HTTPS log
drain: Rails' tagged FATAL block, Active Job's ``Error performing`` record with the whole
backtrace, Delayed Job's one-line ``FAILED (n prior attempts)`` (its backtrace stays in
``last_error``), the router's H12 lines; every line stamped by Logplex. Datadog: ddtrace APM
error monitors and log monitors on the drain. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby.rails", "5.18.2", "gem:sentry-rails")
SERVICES = {
    "tutors-web": Service("tutors-web", "ruby", "eo-rails6-logplex", "heroku:logplex", "https://eaglesfield-tutors.herokuapp.com", "eaglesfield", 9930011, "ruby 2.7.8", framework="rails", sdk=SDK),
    "tutors-jobs": Service("tutors-jobs", "ruby", "eo-activejob-dj", "heroku:logplex", "https://eaglesfield-tutors.herokuapp.com", "eaglesfield", 9930014, "ruby 2.7.8", framework="delayed_job", sdk=SDK),
}


def app(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def gem(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line, lib=True)


AP = "actionpack-6.1.7.6/lib/"
AJ = "activejob-6.1.7.6/lib/active_job/"
DJ = "delayed_job-4.1.11/lib/delayed/"
RAILS = (
    gem("puma-5.6.8/lib/puma/thread_pool.rb", "block in spawn_thread", 145),
    gem("puma-5.6.8/lib/puma/server.rb", "process_client", 441),
    gem(AP + "action_dispatch/journey/router.rb", "block in serve", 50),
    gem(AP + "action_dispatch/routing/route_set.rb", "dispatch", 49),
    gem(AP + "action_controller/metal.rb", "dispatch", 190),
    gem(AP + "abstract_controller/base.rb", "process", 165),
    gem("activesupport-6.1.7.6/lib/active_support/callbacks.rb", "run_callbacks", 98),
    gem(AP + "action_controller/metal/basic_implicit_render.rb", "send_action", 6),
)
WORKER = (
    gem(DJ + "worker.rb", "start", 181),
    gem(DJ + "worker.rb", "work_off", 243),
    gem(DJ + "worker.rb", "run", 278),
    gem(DJ + "backend/base.rb", "invoke_job", 81),
    gem("sentry-delayed_job-5.18.2/lib/sentry/delayed_job.rb", "block in <class:DelayedJob>", 18),
)
ACTIVEJOB = (
    *WORKER,
    gem(AJ + "queue_adapters/delayed_job_adapter.rb", "perform", 48),
    gem(AJ + "execution.rb", "execute", 27),
    gem(AJ + "execution.rb", "perform_now", 53),
    gem(AJ + "execution.rb", "block in _perform_job", 89),
)
DELAYED = (*WORKER, gem(DJ + "performable_method.rb", "perform", 26))
AR_FIND = (gem("activerecord-6.1.7.6/lib/active_record/core.rb", "find", 339),)
AR_QUERY = (
    gem("activerecord-6.1.7.6/lib/active_record/relation.rb", "load", 614),
    gem("activerecord-6.1.7.6/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_query", 48),
    gem("activerecord-6.1.7.6/lib/active_record/connection_adapters/abstract_adapter.rb", "translate_exception_class", 735),
)
SMTP = (
    gem("mail-2.7.1/lib/mail/network/delivery_methods/smtp.rb", "deliver!", 100),
    gem("ruby-2.7.8/lib/ruby/2.7.0/net/smtp.rb", "start", 520),
    gem("ruby-2.7.8/lib/ruby/2.7.0/net/protocol.rb", "rbuf_fill", 217),
)
STRIPE = (
    gem("stripe-5.55.0/lib/stripe/api_operations/create.rb", "create", 10),
    gem("stripe-5.55.0/lib/stripe/stripe_client.rb", "execute_request", 298),
    gem("stripe-5.55.0/lib/stripe/stripe_client.rb", "handle_error_response", 752),
)


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*RAILS, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*ACTIVEJOB, *frames)


WEB = {"search": "tutors - exceptions"}
JOBS = {"search": "tutors - failed jobs"}
DJLINE = {"search": "tutors - failed jobs", "format": "eo-dj-failed"}
APM = {"monitor": "tutors-web error rate"}
DD = {"team": "tutors", "monitor": "[tutors] delayed job failures", "filter": "source:heroku service:eaglesfield-tutors \"FAILED\"", "style": "sample", "format": "eo-dj-failed"}
NIL_RATE = "undefined method `hourly_rate' for nil:NilClass"
CANCELED = "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout\n"


BUGS = [
    # A lesson whose tutor left: the booking page and the invoice job.
    Bug("eo-booking-tutor-nil", "tutors-web", (Exc("NoMethodError", NIL_RATE, web(app("app/controllers/lessons_controller.rb", "create", 22), app("app/models/lesson.rb", "price", 47))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 3, **WEB), see("datadog.apm", **APM)),
        classes=(4, 5), pair="eo-invoice-tutor-nil", entry="POST /lessons", span=3, renames={"price": "price_in_pence"}),
    Bug("eo-invoice-tutor-nil", "tutors-jobs", (Exc("NoMethodError", NIL_RATE, job(app("app/jobs/monthly_invoice_job.rb", "perform", 12), app("app/services/invoice_builder.rb", "line_items", 31))),),
        (see("sentry.error", 3), see("splunk", 2, queue="invoices", **JOBS), see("splunk", queue="invoices", **DJLINE), see("datadog.log", queue="invoices", **DD)),
        classes=(4,), pair="eo-booking-tutor-nil", entry="MonthlyInvoiceJob"),
    # Which record was missing.
    Bug("eo-student-not-found", "tutors-web", (Exc("RecordNotFound", "Couldn't find Student with 'id'={id}", web(app("app/controllers/students_controller.rb", "show", 9), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 3), see("splunk", 3, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="eo-lesson-not-found", entry="GET /students/{id}"),
    Bug("eo-lesson-not-found", "tutors-web", (Exc("RecordNotFound", "Couldn't find Lesson with 'id'={id}", web(app("app/controllers/lessons_controller.rb", "cancel", 58), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("sentry.issue")),
        classes=(4,), pair="eo-student-not-found", entry="POST /lessons/{id}/cancel"),
    # The weekly payout: Stripe refuses for two reasons on the same line.
    Bug("eo-payout-funds", "tutors-jobs", (Exc("InvalidRequestError", "You have insufficient funds in your Stripe account for this transfer. Your card balance is too low.", job(app("app/jobs/weekly_payout_job.rb", "perform", 17), app("app/services/payouts.rb", "transfer", 24), *STRIPE), module="Stripe"),),
        (see("sentry.error", 4), see("splunk", 2, queue="payouts", **JOBS), see("datadog.log", queue="payouts", **DD)),
        classes=(9,), pair="eo-payout-account", entry="WeeklyPayoutJob"),
    Bug("eo-payout-account", "tutors-jobs", (Exc("PermissionError", "The provided key 'rk_live_****{n}' does not have access to account 'acct_1N{hex}' (or that account does not exist). Application access may have been revoked.", job(app("app/jobs/weekly_payout_job.rb", "perform", 17), app("app/services/payouts.rb", "transfer", 24), *STRIPE), module="Stripe"),),
        (see("sentry.error", 2), see("splunk", queue="payouts", **JOBS), see("splunk", 2, queue="payouts", **DJLINE)),
        classes=(9,), pair="eo-payout-funds", entry="WeeklyPayoutJob"),
    # The SMTP relay timing out under two mailers: a .delay call and deliver_later.
    Bug("eo-reminder-smtp", "tutors-jobs", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", (*DELAYED, app("app/models/invoice.rb", "send_reminder", 64), gem("actionmailer-6.1.7.6/lib/action_mailer/message_delivery.rb", "deliver_now", 112), *SMTP), module="Net"),),
        (see("sentry.error", 3), see("splunk", 3, queue="default", **DJLINE), see("datadog.log", 2, **DD)),
        classes=(9,), pair="eo-welcome-smtp", entry="Invoice#send_reminder", span=2),
    Bug("eo-welcome-smtp", "tutors-jobs", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(gem("actionmailer-6.1.7.6/lib/action_mailer/mail_delivery_job.rb", "perform", 16), app("app/mailers/student_mailer.rb", "welcome", 8), *SMTP), module="Net"),),
        (see("sentry.error", 3), see("splunk", 3, queue="mailers", **JOBS), see("splunk", queue="mailers", args="[\"StudentMailer\", \"welcome\", \"deliver_now\", {\"args\"=>[{\"_aj_globalid\"=>\"gid://eaglesfield/Student/{id}\"}], \"_aj_ruby2_keywords\"=>[\"args\"]}]", **DJLINE)),
        classes=(9,), pair="eo-reminder-smtp", entry="ActionMailer::MailDeliveryJob"),
    # Postgres' statement_timeout in two queries.
    Bug("eo-search-timeout", "tutors-web", (Exc("QueryCanceled", CANCELED, web(app("app/controllers/tutors_controller.rb", "index", 14), app("app/queries/tutor_search.rb", "call", 38), *AR_QUERY), module="ActiveRecord"),),
        (see("sentry.error", 3), see("splunk", 3, **WEB), see("datadog.apm", 2, **APM)),
        classes=(1,), pair="eo-earnings-timeout", entry="GET /tutors"),
    Bug("eo-earnings-timeout", "tutors-web", (Exc("QueryCanceled", CANCELED, web(app("app/controllers/reports/earnings_controller.rb", "show", 11), app("app/queries/earnings_report.rb", "rows", 52), *AR_QUERY), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB)),
        classes=(1,), pair="eo-search-timeout", entry="GET /reports/earnings.csv"),
    Bug("eo-h12-earnings-csv", "tutors-web", (),
        (see("splunk", 3, search="tutors - router", sourcetype="heroku:router", line='{tsnaive}+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/reports/earnings.csv?month=2026-0{idx}" host=eaglesfield-tutors.herokuapp.com request_id={uuid} fwd="{ip}" dyno=web.{idx} connect=1ms service=30001ms status=503 bytes=0 protocol=https'), see("datadog.log", team="tutors", monitor="[tutors] H12 timeouts", filter="source:heroku code:H12", text='at=error code=H12 desc="Request timeout" method=GET path="/reports/earnings.csv" service=30001ms status=503')),
        classes=(7,)),
    # Delayed Job could not load a lesson deleted after the reminder was queued.
    Bug("eo-dj-deserialization", "tutors-jobs", (Exc("DeserializationError", "Job failed to load: Couldn't find Lesson with 'id'={id}. Handler: \"--- !ruby/object:Delayed::PerformableMethod\\nobject: !ruby/ActiveRecord:Lesson\\n  attributes:\\n    id: {id}\\nmethod_name: :send_reminder\\nargs: []\\n\"", (*WORKER[:3], gem(DJ + "backend/base.rb", "payload_object", 86)), module="Delayed"),),
        (see("splunk", 3, permanently=True, **DJLINE), see("datadog.log", 2, permanently=True, **DD)),
        classes=(4,), entry="Lesson#send_reminder"),
    Bug("eo-login-csrf", "tutors-web", (Exc("InvalidAuthenticityToken", "ActionController::InvalidAuthenticityToken", web(gem(AP + "action_controller/metal/request_forgery_protection.rb", "handle_unverified_request", 211)), module="ActionController"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB)),
        classes=(3,), entry="POST /users/sign_in"),
    Bug("eo-pdf-wkhtmltopdf", "tutors-jobs", (Exc("RuntimeError", "Failed to execute:\n[\"/app/bin/wkhtmltopdf\", \"-q\", \"file:////tmp/wicked_pdf20260304-4-{hex}.html\", \"/tmp/wicked_pdf_generated_file20260304-4-{hex}.pdf\"]\nError: PDF could not be generated!\n Command Error: Exit with code 1 due to network error: ContentNotFoundError\n", job(app("app/jobs/certificate_job.rb", "perform", 9), gem("wicked_pdf-2.6.3/lib/wicked_pdf.rb", "pdf_from_string", 61))),),
        (see("sentry.error"),),
        singleton=True, entry="CertificateJob"),
]

NOISE = [
    Noise("eo-noise-release", "tutors-web", "datadog.event", {"monitor": "Heroku release v9{n}", "text": "eaglesfield-tutors: Release v9{n} created by deploy@eaglesfield.example (Deploy 4f2c1a9).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "tutors"}),
    Noise("eo-noise-worker-start", "tutors-jobs", "splunk", {**JOBS, "line": "{tsnaive}+00:00 app[worker.1]: [Worker(host:{uuid} pid:4)] Starting job worker"}),
    Noise("eo-noise-recovered", "tutors-jobs", "datadog.log", {"monitor": "[tutors] delayed job failures", "transition": "Recovered", "alert_type": "success", "team": "tutors", "filter": "source:heroku service:eaglesfield-tutors \"FAILED\"", "text": "No failed jobs in the last 15 minutes."}),
]

EAGLESFIELD_EO = Company(
    key="eo",
    name="Eaglesfield Tutors",
    domain="eaglesfield.example",
    sentry_org="eaglesfield",
    splunk_url="https://eaglesfield.splunkcloud.com",
    splunk_guid="9A2F6C13-7B4E-4D21-8E5A-3C0D7F1B2E64",
    datadog_org=("562871", "Eaglesfield Tutors"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v911", "v914", "v920"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="eaglesfield-sentry-client-secret",
)
# fmt: on
