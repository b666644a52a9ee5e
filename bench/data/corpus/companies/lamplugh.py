"""(ji) Lamplugh Vets, a group of veterinary surgeries: a Rails 7.1 app on Puma 6 and Ruby 3.3
(``surgery-web``: appointments, pets and owners, invoices as PDFs, a booking form) and its
Sidekiq 7.2 workers (``surgery-jobs``: SMS reminders, lab results, insurance claims, patient
imports from the old practice system).

A Splunk universal forwarder reads ``log/production.log`` and Sidekiq's log file
(``ji-rails``): lograge's JSON line for each request (the team's ``custom_options`` adding
``exception`` and ``exception_message``, no backtrace), ``DebugExceptions``' FATAL block with
the ``:request_id`` tag on each line, Sidekiq 7's text records of the default error handler
(sometimes one line only, the forwarder breaking the event). Sentry: sentry-ruby with
sentry-rails and sentry-sidekiq. No Datadog, no PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# fmt: off
SDK = ("sentry.ruby.rails", "5.21.0", "gem:sentry-rails")
SERVICES = {
    "surgery-web": Service("surgery-web", "ruby", "ji-rails", "lamplugh:rails", "/srv/surgery/current/log/production.log", "ji_surgery", 2277301, "ruby 3.3.6", framework="rails", sdk=SDK),
    "surgery-jobs": Service("surgery-jobs", "ruby", "ji-rails", "lamplugh:sidekiq", "/srv/surgery/current/log/sidekiq.log", "ji_surgery", 2277302, "ruby 3.3.6", framework="sidekiq", sdk=SDK),
}

AP = "actionpack-7.1.5/lib"
WEB = (
    rb("puma-6.5.0/lib/puma/thread_pool.rb", "block in spawn_thread", 155, lib=True),
    rb("puma-6.5.0/lib/puma/server.rb", "handle_request", 100, lib=True),
    rb("railties-7.1.5/lib/rails/engine.rb", "call", 536, lib=True),
    rb("sentry-ruby-5.21.0/lib/sentry/rack/capture_exceptions.rb", "call", 30, lib=True),
    rb(f"{AP}/action_dispatch/middleware/show_exceptions.rb", "call", 31, lib=True),
    rb(f"{AP}/action_dispatch/routing/route_set.rb", "dispatch", 32, lib=True),
    rb(f"{AP}/action_controller/metal.rb", "dispatch", 252, lib=True),
    rb(f"{AP}/abstract_controller/base.rb", "process", 160, lib=True),
    rb(f"{AP}/abstract_controller/callbacks.rb", "process_action", 258, lib=True),
    rb(f"{AP}/action_controller/metal/basic_implicit_render.rb", "send_action", 6, lib=True),
)
SK = "sidekiq-7.2.4/lib/sidekiq"
JOBS = (
    rb(f"{SK}/processor.rb", "run", 84, lib=True),
    rb(f"{SK}/processor.rb", "process_one", 87, lib=True),
    rb(f"{SK}/processor.rb", "process", 169, lib=True),
    rb(f"{SK}/job_retry.rb", "local", 119, lib=True),
    rb("sentry-sidekiq-5.21.0/lib/sentry/sidekiq/sentry_context_middleware.rb", "call", 33, lib=True),
    rb(f"{SK}/processor.rb", "execute_job", 220, lib=True),
)
AR = "activerecord-7.1.5/lib/active_record"
SAVE = (
    rb(f"{AR}/validations.rb", "save!", 52, lib=True),
    rb(f"{AR}/transactions.rb", "save!", 313, lib=True),
    rb(f"{AR}/persistence.rb", "_insert_record", 1273, lib=True),
    rb(f"{AR}/connection_adapters/postgresql/database_statements.rb", "exec_insert", 159, lib=True),
    rb(f"{AR}/connection_adapters/postgresql_adapter.rb", "translate_exception", 785, lib=True),
)
PG_EXEC = (rb(f"{AR}/connection_adapters/postgresql/database_statements.rb", "exec_params", 55, lib=True),)
INVALID = (
    rb(f"{AR}/validations.rb", "save!", 52, lib=True),
    rb(f"{AR}/validations.rb", "raise_validation_error", 84, lib=True),
)
NET = (
    rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "perform_request", 80, lib=True),
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229, lib=True),
)
FARADAY_FAIL = (
    rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "perform_request", 80, lib=True),
    rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "rescue in call", 71, lib=True),
)


def ctl(name: str, action: str, line: int) -> Frame:
    return rb(f"app/controllers/{name}_controller.rb", action, line)


def job(name: str, line: int, method: str = "perform") -> Frame:
    return rb(f"app/jobs/{name}.rb", method, line)


def app(path: str, method: str, line: int) -> Frame:
    return rb(f"app/{path}.rb", method, line)


LOGRAGE = {"search": "lamplugh rails errors", "app": "lamplugh", "owner": "svc_splunk", "kind": "lograge"}
FATAL = {"search": "lamplugh rails errors", "app": "lamplugh", "owner": "svc_splunk", "kind": "fatal"}
SKQ = {"search": "lamplugh sidekiq failures", "app": "lamplugh", "owner": "svc_splunk", "kind": "sidekiq"}
SKL = {"search": "lamplugh sidekiq failures", "app": "lamplugh", "owner": "svc_splunk", "kind": "sidekiqline"}
UNIQ = 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "{c}"\nDETAIL:  Key ({k})=({v}) already exists.\n'
NIL = "undefined method `species' for nil"

BUGS = [
    # The same nil pet: the appointment page (wrapped by ActionView) and the reminder job.
    Bug("ji-appt-nil-pet", "surgery-web", (Exc("NoMethodError", NIL, (*WEB, ctl("appointments", "show", 19), app("views/appointments/_pet_card.html.erb", "_app_views_appointments__pet_card_html_erb___3117408623_51880", 4))),
         Exc("ActionView::Template::Error", NIL, (*WEB, ctl("appointments", "show", 19), app("views/appointments/_pet_card.html.erb", "_app_views_appointments__pet_card_html_erb___3117408623_51880", 4)))),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, action="AppointmentsController#show", **LOGRAGE), see("splunk", 1, **FATAL)),
        classes=(1, 4), pair="ji-reminder-nil-pet", entry="GET /appointments/{id}"),
    Bug("ji-reminder-nil-pet", "surgery-jobs", (Exc("NoMethodError", NIL, (*JOBS, job("appointment_reminder_job", 14), app("services/reminder_text", "build", 22))),),
        (see("sentry.error", 3), see("splunk", 2, **SKQ), see("splunk", 1, **SKL)),
        classes=(1, 4), pair="ji-appt-nil-pet", entry="AppointmentReminderJob", span=2),
    # Two unique indexes: a vet's slot booked twice, a microchip registered twice.
    Bug("ji-dup-slot", "surgery-web", (Exc("PG::UniqueViolation", UNIQ.replace("{c}", "index_appointments_on_vet_id_and_starts_at").replace("{k}", "vet_id, starts_at").replace("{v}", "{n}, 2026-03-1{idx} 09:30:00"), PG_EXEC),
         Exc("ActiveRecord::RecordNotUnique", UNIQ.replace("{c}", "index_appointments_on_vet_id_and_starts_at").replace("{k}", "vet_id, starts_at").replace("{v}", "{n}, 2026-03-1{idx} 09:30:00"), (*WEB, ctl("bookings", "create", 27), app("services/booking_creator", "call", 18), *SAVE))),
        (see("sentry.error", 3), see("splunk", 2, action="BookingsController#create", **LOGRAGE), see("splunk", 2, **FATAL)),
        classes=(1, 4), pair="ji-dup-microchip", entry="POST /bookings"),
    Bug("ji-dup-microchip", "surgery-jobs", (Exc("PG::UniqueViolation", UNIQ.replace("{c}", "index_pets_on_microchip_number").replace("{k}", "microchip_number").replace("{v}", "9410001{id}"), PG_EXEC),
         Exc("ActiveRecord::RecordNotUnique", UNIQ.replace("{c}", "index_pets_on_microchip_number").replace("{k}", "microchip_number").replace("{v}", "9410001{id}"), (*JOBS, job("patient_import_job", 31), app("services/patient_importer", "import_pet", 57), *SAVE))),
        (see("sentry.error", 3), see("splunk", 3, **SKQ)),
        classes=(1, 4), pair="ji-dup-slot", entry="PatientImportJob"),
    # Validation failures from one save!: an owner's phone in the import, a booking in the past.
    Bug("ji-invalid-phone", "surgery-jobs", (Exc("ActiveRecord::RecordInvalid", "Validation failed: Phone is invalid", (*JOBS, job("patient_import_job", 31), app("services/patient_importer", "import_owner", 40), *INVALID)),),
        (see("sentry.error", 3), see("splunk", 2, **SKQ), see("splunk", 1, **SKL)),
        classes=(1, 4), pair="ji-invalid-past", entry="PatientImportJob"),
    Bug("ji-invalid-past", "surgery-web", (Exc("ActiveRecord::RecordInvalid", "Validation failed: Starts at can't be in the past", (*WEB, ctl("bookings", "create", 27), app("services/booking_creator", "call", 18), *INVALID)),),
        (see("sentry.error", 3), see("splunk", 2, action="BookingsController#create", **LOGRAGE)),
        classes=(1, 4), pair="ji-invalid-phone", entry="POST /bookings", span=2),
    # The SMS client: a read timeout, and the connection refused.
    Bug("ji-sms-timeout", "surgery-jobs", (Exc("Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", NET), Exc("Faraday::TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", (*JOBS, job("appointment_reminder_job", 17), app("clients/sms_client", "deliver", 26), rb("faraday-2.12.0/lib/faraday/rack_builder.rb", "build_response", 152, lib=True), *NET[:1]))),
        (see("sentry.error", 3), see("splunk", 2, **SKQ), see("splunk", 1, **SKL)),
        classes=(1, 9), pair="ji-sms-refused", entry="AppointmentReminderJob"),
    Bug("ji-sms-refused", "surgery-jobs", (Exc("Errno::ECONNREFUSED", "Connection refused - connect(2) for \"sms.textlocal.example\" port 443", ()), Exc("Faraday::ConnectionFailed", "Connection refused - connect(2) for \"sms.textlocal.example\" port 443", (*JOBS, job("appointment_reminder_job", 17), app("clients/sms_client", "deliver", 26), rb("faraday-2.12.0/lib/faraday/rack_builder.rb", "build_response", 152, lib=True), *FARADAY_FAIL))),
        (see("sentry.error", 2), see("splunk", 2, **SKQ)),
        classes=(1, 9), pair="ji-sms-timeout", entry="AppointmentReminderJob", span=2),
    # One date helper at the end of two bugs: the booking form's date and an insurer's claim date.
    Bug("ji-date-booking", "surgery-web", (Exc("Date::Error", "invalid date", (*WEB, ctl("bookings", "availability", 44), app("lib/date_param", "parse", 8))),),
        (see("sentry.error", 3), see("splunk", 2, action="BookingsController#availability", **LOGRAGE), see("splunk", 1, **FATAL)),
        classes=(1, 4), pair="ji-date-claim", entry="GET /bookings/availability"),
    Bug("ji-date-claim", "surgery-jobs", (Exc("Date::Error", "invalid date", (*JOBS, job("insurance_claim_job", 23), app("services/claim_builder", "treatment_date", 61), app("lib/date_param", "parse", 8))),),
        (see("sentry.error", 2), see("splunk", 2, **SKQ)),
        classes=(1, 4), pair="ji-date-booking", entry="InsuranceClaimJob", span=2, renames={"treatment_date": "treated_on"}),
    Bug("ji-invoice-stale", "surgery-web", (Exc("ActiveRecord::StaleObjectError", "Attempted to update a stale object: Invoice.", (*WEB, ctl("invoices", "update", 33), rb(f"{AR}/locking/optimistic.rb", "_update_row", 99, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, action="InvoicesController#update", **LOGRAGE), see("splunk", 1, **FATAL)),
        classes=(1, 4), entry="PATCH /invoices/{id}"),
    Bug("ji-invoice-pdf", "surgery-jobs", (Exc("Prawn::Errors::CannotFit", "Table's width was set larger than its contents' maximum width (max width 523.28, requested 540.0)", (*JOBS, job("invoice_pdf_job", 12), app("pdfs/invoice_pdf", "line_items_table", 48), rb("prawn-table-0.2.2/lib/prawn/table.rb", "column_widths", 419, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SKQ)),
        classes=(1, 4), entry="InvoicePdfJob"),
    Bug("ji-lab-json", "surgery-jobs", (Exc("JSON::ParserError", "unexpected token at '<!DOCTYPE html>\n<html lang=\"en\">'", (*JOBS, job("lab_results_job", 19), app("clients/lab_client", "fetch_results", 33), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SKQ), see("splunk", 1, **SKL)),
        classes=(1, 4, 5), entry="LabResultsJob", span=3, renames={"fetch_results": "results_for"}),
    Bug("ji-pool-timeout", "surgery-jobs", (Exc("ActiveRecord::ConnectionTimeoutError", "could not obtain a connection from the pool within 5.000 seconds (waited 5.00{idx} seconds); all pooled connections were in use", (*JOBS, job("lab_results_job", 21), rb(f"{AR}/connection_adapters/abstract/connection_pool/queue.rb", "wait_poll", 128, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SKQ)),
        classes=(1, 4), entry="LabResultsJob"),
    Bug("ji-template-singleton", "surgery-web", (Exc("ActionView::Template::Error", "undefined local variable or method `practice' for an instance of #<Class:0x00007f{hex}>", (*WEB, ctl("owners", "show", 12), app("views/owners/show.html.erb", "_app_views_owners_show_html_erb___1904476215_47220", 31))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /owners/{id}"),
]

NOISE = [
    Noise("ji-noise-boot", "surgery-jobs", "splunk", {"search": "lamplugh sidekiq failures", "app": "lamplugh", "owner": "svc_splunk", "line": "{tsms} pid={pid} tid=1xq INFO: Booted Rails 7.1.5 application in production environment"}),
    Noise("ji-noise-release", "surgery-web", "sentry.metric", {"rule": "surgery-web errors per 10 minutes", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

LAMPLUGH = Company(
    key="ji",
    name="Lamplugh Vets",
    domain="lamplugh-vets.example",
    sentry_org="lamplugh-vets",
    splunk_url="https://splunk.lamplugh-vets.example:8000",
    splunk_guid="2F7C9A1E-64B3-4D08-8E5A-C19B7D3F6A24",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v412", "v413", "v414"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="lamplugh-sentry-client-secret",
)
# fmt: on
