"""(dw) Dunstall Allotments, plot lettings for councils: a Rails 7.2 app on Puma and Ruby 3.3
(``plots-web``, server-rendered with Turbo) and Solid Queue 0.9 workers (``plots-jobs``) from
the same code.

Sentry: sentry-rails (with sentry-ruby's Active Job integration). Splunk indexes the
production log as Rails 7.2 writes it by default (``TaggedLogging`` with ``config.log_tags =
[:request_id]``, no lograge: ``DebugExceptions`` lines, ``Causes:`` for wrapped errors) and
Active Job's ``Error performing`` records from Solid Queue. PostHog's web snippet records
nothing server-side, so it is no tool here; Datadog (the custom template)
has APM monitors on the web app and a log monitor on failed jobs.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby.rails", "5.22.1", "gem:sentry-rails")
SERVICES = {
    "plots-web": Service("plots-web", "ruby", "bq-rails72-tagged", "dunstall:rails", "/rails/log/production.log", "dw_prod", 7420011, "ruby 3.3.6", framework="rails", sdk=SDK),
    "plots-jobs": Service("plots-jobs", "ruby", "bq-activejob-solidqueue", "dunstall:jobs", "/rails/log/production.log", "dw_prod", 7420014, "ruby 3.3.6", framework="activejob", sdk=SDK),
}


def app(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def gem(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line, lib=True)


RAILS = (
    gem("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
    gem("puma-6.4.3/lib/puma/server.rb", "process_client", 438),
    gem("actionpack-7.2.2/lib/action_dispatch/journey/router.rb", "block in serve", 33),
    gem("actionpack-7.2.2/lib/action_dispatch/routing/route_set.rb", "dispatch", 34),
    gem("actionpack-7.2.2/lib/action_controller/metal.rb", "dispatch", 312),
    gem("actionpack-7.2.2/lib/abstract_controller/base.rb", "process", 163),
    gem("actionpack-7.2.2/lib/abstract_controller/callbacks.rb", "block in process_action", 257),
    gem("actionpack-7.2.2/lib/action_controller/metal/basic_implicit_render.rb", "send_action", 8),
)
SOLID_QUEUE = (
    gem("solid_queue-0.9.0/lib/solid_queue/pool.rb", "block in post", 23),
    gem("solid_queue-0.9.0/app/models/solid_queue/claimed_execution.rb", "execute", 85),
    gem("activejob-7.2.2/lib/active_job/execution.rb", "execute", 31),
    gem("activejob-7.2.2/lib/active_job/execution.rb", "perform_now", 68),
    gem("activesupport-7.2.2/lib/active_support/callbacks.rb", "run_callbacks", 121),
    gem("activejob-7.2.2/lib/active_job/execution.rb", "_perform_job", 84),
)
AR_FIND = (
    gem("activerecord-7.2.2/lib/active_record/core.rb", "find", 245),
)
AR_SAVE = (
    gem("activerecord-7.2.2/lib/active_record/validations.rb", "save!", 52),
    gem("activerecord-7.2.2/lib/active_record/validations.rb", "raise_validation_error", 84),
)
AR_INSERT = (
    gem("activerecord-7.2.2/lib/active_record/persistence.rb", "save!", 392),
    gem("activerecord-7.2.2/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_insert", 76),
)
# Every letter and reminder is rendered through one mailer helper before Action Mailer.
MAILER = (
    app("app/mailers/application_mailer.rb", "branded_mail", 18),
    gem("actionview-7.2.2/lib/action_view/template.rb", "render", 261),
)
STRIPE = (
    app("app/services/payments/stripe_gateway.rb", "request", 31),
    gem("stripe-13.2.0/lib/stripe/stripe_client.rb", "execute_request_with_rescues", 681),
)
WEB = {"search": "plots-web - exceptions"}
JOBS = {"search": "plots-jobs - failed jobs", "sourcetype": "dunstall:jobs"}
APM = {"monitor": "plots-web errors"}
DD = {"team": "allotments", "monitor": "plots-jobs failed jobs", "filter": "service:plots-jobs \"Error performing\""}
NIL_PLOT = "undefined method `rent_band' for nil"


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*RAILS, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*SOLID_QUEUE, *frames)


def invalid(msg: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("RecordInvalid", f"Validation failed: {msg}", frames, module="ActiveRecord"),)


def not_unique(index: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames, module="PG"),
        Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", frames, module="ActiveRecord"),
    )


BUGS = [
    # A plot without a site rent band: the tenancy page and the invoicing job.
    Bug("dw-tenancy-rent-nil", "plots-web", (Exc("NoMethodError", NIL_PLOT, web(app("app/controllers/tenancies_controller.rb", "show", 22), app("app/models/tenancy.rb", "annual_rent", 48))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4, 5), pair="dw-invoice-rent-nil", entry="GET /tenancies/{id}", span=2, renames={"annual_rent": "yearly_rent"}),
    Bug("dw-invoice-rent-nil", "plots-jobs", (Exc("NoMethodError", NIL_PLOT, job(app("app/jobs/annual_invoice_job.rb", "perform", 12), app("app/services/invoice_builder.rb", "line_items", 36))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, queue="billing", **JOBS), see("datadog.log", style="sample", **DD)),
        classes=(4,), pair="dw-tenancy-rent-nil", entry="AnnualInvoiceJob"),
    # Two models failing validation on save!.
    Bug("dw-application-invalid", "plots-web", invalid("Postcode is not in the council area", web(app("app/controllers/applications_controller.rb", "create", 30), *AR_SAVE)),
        (see("sentry.error", 3), see("splunk", 2, **WEB)),
        classes=(4,), pair="dw-transfer-invalid", entry="POST /applications"),
    Bug("dw-transfer-invalid", "plots-jobs", invalid("Plot has already been taken", job(app("app/jobs/waiting_list_offer_job.rb", "perform", 21), app("app/services/plot_transfer.rb", "call", 17), *AR_SAVE)),
        (see("sentry.error", 3), see("splunk", 2, queue="default", **JOBS)),
        classes=(4,), pair="dw-application-invalid", entry="WaitingListOfferJob"),
    # Which record was missing is the bug.
    Bug("dw-plot-not-found", "plots-web", (Exc("RecordNotFound", "Couldn't find Plot with 'id'={id}", web(app("app/controllers/plots_controller.rb", "show", 9), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="dw-site-not-found", entry="GET /plots/{id}"),
    Bug("dw-site-not-found", "plots-web", (Exc("RecordNotFound", "Couldn't find Site with 'id'={idx}", web(app("app/controllers/sites/plots_controller.rb", "index", 7), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", 3, **WEB)),
        classes=(4,), pair="dw-plot-not-found", entry="GET /sites/{id}/plots"),
    # The branded mailer helper at the end of two different bugs.
    Bug("dw-reminder-mail-nil", "plots-jobs", (Exc("NoMethodError", "undefined method `display_name' for nil", job(app("app/jobs/rent_reminder_job.rb", "perform", 9), app("app/mailers/rent_mailer.rb", "reminder", 14), *MAILER)),),
        (see("sentry.error", 2), see("splunk", 2, queue="mailers", **JOBS), see("datadog.log", style="sample", **DD)),
        classes=(4, 8), pair="dw-offer-mail-template", entry="RentReminderJob"),
    Bug("dw-offer-mail-template", "plots-jobs", (Exc("MissingTemplate", "Missing template plot_offer_mailer/offer with \"mailer\". Searched in:\n  * \"plot_offer_mailer\"\n", job(app("app/jobs/waiting_list_offer_job.rb", "perform", 28), app("app/mailers/plot_offer_mailer.rb", "offer", 11), *MAILER), module="ActionView"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, queue="mailers", **JOBS)),
        classes=(4, 8), pair="dw-reminder-mail-nil", entry="WaitingListOfferJob"),
    # Stripe through one gateway: a card decline escaping and a rate limit.
    Bug("dw-deposit-card-error", "plots-web", (Exc("CardError", "Your card was declined.", web(app("app/controllers/deposits_controller.rb", "create", 26), app("app/services/payments/take_deposit.rb", "call", 19), *STRIPE), module="Stripe"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="dw-deposit-rate-limit", entry="POST /deposits"),
    Bug("dw-deposit-rate-limit", "plots-web", (Exc("RateLimitError", "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.", web(app("app/controllers/deposits_controller.rb", "create", 26), app("app/services/payments/take_deposit.rb", "call", 19), *STRIPE), module="Stripe"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB)),
        classes=(4,), pair="dw-deposit-card-error", entry="POST /deposits"),
    # Two unique indexes.
    Bug("dw-waitlist-unique", "plots-web", not_unique("index_waiting_list_entries_on_site_id_and_resident_id", "Key (site_id, resident_id)=({idx}, {id}) already exists.", web(app("app/controllers/waiting_list_entries_controller.rb", "create", 15), *AR_INSERT)),
        (see("sentry.error", 2), see("splunk", 2, **WEB)),
        classes=(4,), pair="dw-inspection-unique", entry="POST /waiting_list_entries"),
    Bug("dw-inspection-unique", "plots-jobs", not_unique("index_inspections_on_plot_id_and_season", "Key (plot_id, season)=({id}, 2026) already exists.", job(app("app/jobs/schedule_inspections_job.rb", "perform", 19), *AR_INSERT)),
        (see("sentry.error", 2), see("splunk", 2, queue="default", **JOBS), see("datadog.log", style="sample", **DD)),
        classes=(4,), pair="dw-waitlist-unique", entry="ScheduleInspectionsJob"),
    Bug("dw-geocode-timeout", "plots-jobs", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(app("app/jobs/geocode_plot_job.rb", "perform", 8), app("lib/os_places/client.rb", "lookup", 27), gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229)), module="Net"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, queue="default", **JOBS), see("datadog.log", style="sample", **DD)),
        classes=(9,), entry="GeocodePlotJob", span=2),
    Bug("dw-csv-malformed", "plots-web", (Exc("MalformedCSVError", "Unquoted fields do not allow new line <\"\\r\"> in line {idx}.", web(app("app/controllers/imports_controller.rb", "create", 21), app("app/services/tenancy_import.rb", "rows", 13), gem("csv-3.3.0/lib/csv/parser.rb", "parse_quotable_robust", 1120)), module="CSV"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB)),
        entry="POST /imports"),
    Bug("dw-rollover-deadlock", "plots-jobs", (Exc("Deadlocked", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {idx} waits for ShareLock on transaction 88{id}; blocked by process 4{idx}.\n", job(app("app/jobs/season_rollover_job.rb", "perform", 25), app("app/services/season_rollover.rb", "renew_tenancies", 61), *AR_INSERT), module="ActiveRecord"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, queue="default", **JOBS), see("datadog.log", style="sample", **DD)),
        classes=(9,), entry="SeasonRolloverJob"),
    Bug("dw-turbo-frame-nil", "plots-web", (Exc("ActionView::Template::Error", "undefined method `each' for nil", web(app("app/views/plots/_gallery.html.erb", "_app_views_plots__gallery_html_erb___{id}", 4))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /plots/{id}/gallery"),
]

NOISE = [
    Noise("dw-noise-deploy", "plots-web", "datadog.event", {"monitor": "Deployed plots-web 2026.11.3", "text": "Kamal deployed plots-web 2026.11.3 (3 hosts), healthcheck passed.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "allotments"}),
    Noise("dw-noise-recovered", "plots-jobs", "datadog.log", {"monitor": "plots-jobs failed jobs", "transition": "Recovered", "alert_type": "success", "team": "allotments", "filter": "service:plots-jobs \"Error performing\"", "text": "No failed jobs on plots-jobs in the last 10 minutes."}),
    Noise("dw-noise-boot", "plots-jobs", "splunk", {**JOBS, "line": "I, [{ts} #1]  INFO -- : SolidQueue-0.9.0 Started Supervisor (1.8ms)  pid: 1, hostname: \"plots-jobs-7d9c\", process_id: 41, name: \"supervisor-5c1a\""}),
]

DUNSTALL = Company(
    key="dw",
    name="Dunstall Allotments",
    domain="dunstall.example",
    sentry_org="dunstall",
    splunk_url="https://dunstall.splunkcloud.com",
    splunk_guid="A04C7E1B-6D2F-4B93-9E58-71F3D0B6C2A4",
    datadog_org=("533871", "Dunstall Allotments"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.11.2", "2026.11.3", "2026.11.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dunstall-sentry-client-secret",
)
# fmt: on
