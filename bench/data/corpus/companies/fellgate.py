"""(bq) Fellgate Lettings, a lettings agency's portal for landlords and tenants: a Rails 7.2
monolith on Ruby 3.3 under Puma 6 (``portal``: listings, viewings, tenancy applications,
rent; Hotwire pages: Turbo 8 and Stimulus 3 served by importmap-rails under Propshaft's
digests, as written) and Solid Queue 1.1 running its Active Job jobs in a separate
``bin/jobs`` container (``portal-jobs``: rent collection, referencing, Turbo broadcasts,
image variants, reminders).

Sentry: sentry-ruby 5 with sentry-rails (the ``rails`` mechanism on requests, ``active_job``
on jobs) and @sentry/browser 8 on the pages: the team's ``application.handleError`` hands
Stimulus's errors to ``Sentry.captureException`` and ``posthog.captureException``. PostHog
(posthog-js exception autocapture on the same pages). Splunk indexes the containers' output:
Rails 7.2's tagged production log (``[request_id]``; the ``Causes:`` block; the cleaned
backtrace) and Active Job's error record from Solid Queue, plus a stats search over failed
jobs by class. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby.rails", "5.22.1", "gem:sentry-rails")
SERVICES = {
    "portal": Service("portal", "ruby", "bq-rails72-tagged", "fellgate:rails", "/var/log/containers/portal-web.log", "fellgate_prod", 6220041, "ruby 3.3.6", framework="rails", sdk=SDK),
    "portal-jobs": Service("portal-jobs", "ruby", "bq-activejob-solidqueue", "fellgate:jobs", "/var/log/containers/portal-jobs.log", "fellgate_prod", 6220041, "ruby 3.3.6", framework="active_job", sdk=SDK),
    "portal-front": Service("portal-front", "javascript", "", "", "", "", 6220044, origin="https://portal.fellgate.example", framework="importmap", sdk=("sentry.javascript.browser", "8.42.0", "npm:@sentry/browser")),
}


def gem(path: str, label: str, line: int) -> Frame:
    return rb(path, label, line, lib=True)


AP = "actionpack-7.2.2.1/lib/"
AR = "activerecord-7.2.2.1/lib/active_record/"
AJ = "activejob-7.2.2.1/lib/active_job/"
REQUEST = (
    gem("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
    gem("puma-6.4.3/lib/puma/server.rb", "process_client", 441),
    gem(AP + "action_dispatch/journey/router.rb", "block in serve", 53),
    gem(AP + "action_dispatch/routing/route_set.rb", "dispatch", 31),
    gem(AP + "action_controller/metal.rb", "dispatch", 308),
    gem(AP + "abstract_controller/base.rb", "process", 163),
    gem(AP + "abstract_controller/callbacks.rb", "block in process_action", 261),
    gem(AP + "action_controller/metal/basic_implicit_render.rb", "send_action", 8),
)
# Solid Queue's worker claims the execution and runs the job through Active Job.
JOB = (
    gem("solid_queue-1.1.2/lib/solid_queue/pool.rb", "block in post", 23),
    gem("solid_queue-1.1.2/lib/solid_queue/claimed_execution.rb", "perform", 68),
    gem("solid_queue-1.1.2/lib/solid_queue/claimed_execution.rb", "execute", 91),
    gem(AJ + "execution.rb", "execute", 29),
    gem(AJ + "execution.rb", "perform_now", 68),
    gem(AJ + "execution.rb", "_perform_job", 94),
)
DESERIALIZE = (
    gem("solid_queue-1.1.2/lib/solid_queue/pool.rb", "block in post", 23),
    gem("solid_queue-1.1.2/lib/solid_queue/claimed_execution.rb", "perform", 68),
    gem("solid_queue-1.1.2/lib/solid_queue/claimed_execution.rb", "execute", 91),
    gem(AJ + "execution.rb", "execute", 29),
    gem(AJ + "core.rb", "deserialize_arguments_if_needed", 190),
    gem(AJ + "arguments.rb", "deserialize", 42),
)
FIND = (
    gem("globalid-1.2.1/lib/global_id/locator.rb", "locate", 158),
    gem(AR + "core.rb", "find", 253),
)
AR_CREATE = (
    gem(AR + "persistence.rb", "save!", 392),
    gem(AR + "persistence.rb", "_insert_record", 1219),
    gem(AR + "connection_adapters/postgresql/database_statements.rb", "exec_insert", 69),
    gem(AR + "connection_adapters/abstract_adapter.rb", "translate_exception_class", 1182),
)
AR_POOL = (
    gem(AR + "connection_adapters/abstract/connection_pool.rb", "checkout", 414),
    gem(AR + "connection_adapters/abstract/connection_pool.rb", "acquire_connection", 770),
    gem(AR + "connection_adapters/abstract/connection_pool/queue.rb", "block in wait_poll", 158),
)
NET = (
    gem("net-http-0.5.0/lib/net/http.rb", "request", 2353),
    gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229),
)
# Every outbound partner call goes through one helper: its frame ends both timeouts.
PARTNER_POST = rb("app/lib/fellgate/partner_http.rb", "post!", 27)
TIMEOUT = "Net::ReadTimeout with #<TCPSocket:(closed)>"
STRIPE = (
    gem("stripe-13.2.0/lib/stripe/api_requestor.rb", "execute_request", 243),
    gem("stripe-13.2.0/lib/stripe/api_requestor.rb", "handle_error_response", 719),
)

STIM = "vendor/javascript/stimulus.min.js"
STIMULUS_CONNECT = (
    js(STIM, "Context.connect", 1, 9204, "stimulus.min", lib=True),
    js(STIM, "Controller.get", 1, 21877, "stimulus.min", lib=True),
)
STIMULUS_ACTION = (
    js(STIM, "Binding.handleEvent", 1, 5310, "stimulus.min", lib=True),
    js(STIM, "Binding.invokeWithEvent", 1, 5862, "stimulus.min", lib=True),
)
TURBO = "vendor/javascript/turbo.min.js"
TURBO_FRAME = (
    js(TURBO, "FrameController.loadResponse", 25, 4812, "turbo.min", lib=True),
    js(TURBO, "FrameController.handleUnvisitableFrameResponse", 25, 9930, "turbo.min", lib=True),
    js(TURBO, "FrameController.throwFrameMissingError", 25, 10344, "turbo.min", lib=True),
)


def unique(index: str, key: str, table: str) -> str:
    return f'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.\n'


WEB = {"search": "portal FATAL requests (5m)", "mechanism": "rails"}
JOBS = {"search": "portal-jobs Active Job errors", "source": "/var/log/containers/portal-jobs.log"}
STATS = "portal-jobs failed executions by class (15m)"
AJ_MECH = {"mechanism": "active_job"}
WEBM = {"mechanism": "rails"}
# The team's Stimulus handleError: captureException, handled.
STIMM = {"mechanism": "generic"}

BUGS = [
    # The same nil slot read in the viewing booking and the offer form: one message, two places.
    Bug("bq-viewing-nil-slot", "portal", (Exc("NoMethodError", "undefined method `starts_at' for nil", (*REQUEST, rb("app/controllers/viewings_controller.rb", "create", 19), rb("app/models/viewing.rb", "book!", 44), rb("app/models/viewing_slot.rb", "window_for", 12))),),
        (see("sentry.error", 2, **WEBM), see("sentry.error", release=1, **WEBM), see("splunk", **WEB), see("splunk", half=True, release=1, **WEB)),
        classes=(4,), pair="bq-offer-nil-slot", entry="POST /listings/{id}/viewings", span=2, renames={"create": "create_from_frame"}),
    Bug("bq-offer-nil-slot", "portal", (Exc("NoMethodError", "undefined method `starts_at' for nil", (*REQUEST, rb("app/controllers/offers_controller.rb", "new", 11), rb("app/helpers/offers_helper.rb", "viewing_summary", 23))),),
        (see("sentry.error", 2, **WEBM), see("sentry.issue"), see("splunk", 2, **WEB)),
        classes=(4,), pair="bq-viewing-nil-slot", entry="GET /listings/{id}/offers/new"),
    # Deleted records behind enqueued jobs: a Turbo broadcast and a viewing reminder.
    Bug("bq-broadcast-deserialize", "portal-jobs", (Exc("ActiveRecord::RecordNotFound", "Couldn't find Listing with 'id'={id}", (*DESERIALIZE, *FIND)), Exc("ActiveJob::DeserializationError", "Error while trying to deserialize arguments: Couldn't find Listing with 'id'={id}", DESERIALIZE)),
        (see("sentry.error", 2, **AJ_MECH), see("splunk", 2, queue="default", **JOBS), see("splunk", search=STATS, stats={"class_name": "Turbo::Streams::ActionBroadcastJob", "queue_name": "default", "failed": "{n}", "error_class": "ActiveJob::DeserializationError"})),
        classes=(4,), pair="bq-reminder-deserialize", entry="Turbo::Streams::ActionBroadcastJob"),
    Bug("bq-reminder-deserialize", "portal-jobs", (Exc("ActiveRecord::RecordNotFound", "Couldn't find Viewing with 'id'={id}", (*DESERIALIZE, *FIND)), Exc("ActiveJob::DeserializationError", "Error while trying to deserialize arguments: Couldn't find Viewing with 'id'={id}", DESERIALIZE)),
        (see("sentry.error", 2, **AJ_MECH), see("sentry.issue"), see("splunk", 2, queue="mailers", **JOBS), see("splunk", search=STATS, stats={"class_name": "ViewingReminderJob", "queue_name": "mailers", "failed": "{n}", "error_class": "ActiveJob::DeserializationError"})),
        classes=(4,), pair="bq-broadcast-deserialize", entry="ViewingReminderJob"),
    # One rent charge method, two Stripe errors: a declined card, a reused idempotency key.
    Bug("bq-rent-card-declined", "portal-jobs", (Exc("Stripe::CardError", "Your card has insufficient funds.", (*JOB, rb("app/jobs/collect_rent_job.rb", "perform", 14), rb("app/services/rent/charge.rb", "call", 38), *STRIPE)),),
        (see("sentry.error", 2, **AJ_MECH), see("sentry.error", release=1, **AJ_MECH), see("splunk", 2, queue="payments", **JOBS)),
        classes=(4,), pair="bq-rent-idempotency", entry="CollectRentJob", span=2),
    Bug("bq-rent-idempotency", "portal-jobs", (Exc("Stripe::IdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'rent-{sub}-{week}' if you meant to execute a different request.", (*JOB, rb("app/jobs/collect_rent_job.rb", "perform", 14), rb("app/services/rent/charge.rb", "call", 38), *STRIPE)),),
        (see("sentry.error", 2, **AJ_MECH), see("splunk", 2, queue="payments", **JOBS), see("splunk", search=STATS, stats={"class_name": "CollectRentJob", "queue_name": "payments", "failed": "{n}", "error_class": "Stripe::IdempotencyError"})),
        classes=(4,), pair="bq-rent-card-declined", entry="CollectRentJob"),
    # Two partners time out in the helper they share.
    Bug("bq-referencing-timeout", "portal-jobs", (Exc("Net::ReadTimeout", TIMEOUT, (*JOB, rb("app/jobs/request_reference_job.rb", "perform", 9), rb("app/clients/referencing_client.rb", "submit", 31), PARTNER_POST, *NET)),),
        (see("sentry.error", 2, **AJ_MECH), see("splunk", 2, queue="partners", **JOBS), see("splunk", search=STATS, stats={"class_name": "RequestReferenceJob", "queue_name": "partners", "failed": "{n}", "error_class": "Net::ReadTimeout"})),
        classes=(9,), pair="bq-deposit-timeout", entry="RequestReferenceJob"),
    Bug("bq-deposit-timeout", "portal-jobs", (Exc("Net::ReadTimeout", TIMEOUT, (*JOB, rb("app/jobs/protect_deposit_job.rb", "perform", 12), rb("app/clients/deposit_scheme_client.rb", "register", 22), PARTNER_POST, *NET)),),
        (see("sentry.error", 2, **AJ_MECH), see("sentry.error", release=1, **AJ_MECH), see("splunk", 2, queue="partners", **JOBS)),
        classes=(9,), pair="bq-referencing-timeout", entry="ProtectDepositJob", span=2),
    # Two Stimulus controllers whose target is missing on a page variant.
    Bug("bq-js-map-target", "portal-front", (Exc("Error", 'Missing target element "canvas" for "listing-map" controller', (*STIMULUS_CONNECT, js("app/javascript/controllers/listing_map_controller.js", "ListingMapController.connect", 14, 35, "controllers/listing_map_controller"))),),
        (see("sentry.error", 2, browser="chrome", chunk="controllers/listing_map_controller", **STIMM), see("sentry.error", browser="safari", chunk="controllers/listing_map_controller", release=1, **STIMM), see("posthog", browser="firefox", chunk="controllers/listing_map_controller", **STIMM), see("posthog", browser="chrome", chunk="controllers/listing_map_controller", release=1, **STIMM)),
        classes=(4,), pair="bq-js-gallery-target", span=2, page="/listings/4417-flat-2-marchmont-road"),
    Bug("bq-js-gallery-target", "portal-front", (Exc("Error", 'Missing target element "slide" for "photo-gallery" controller', (*STIMULUS_CONNECT, js("app/javascript/controllers/photo_gallery_controller.js", "PhotoGalleryController.connect", 21, 31, "controllers/photo_gallery_controller"))),),
        (see("sentry.error", 2, browser="chrome", chunk="controllers/photo_gallery_controller", **STIMM), see("sentry.error", browser="edge", chunk="controllers/photo_gallery_controller", **STIMM), see("posthog", 2, browser="safari", chunk="controllers/photo_gallery_controller", **STIMM)),
        classes=(4,), pair="bq-js-map-target", page="/listings/4417-flat-2-marchmont-road"),
    # The rent calculator reading an undefined bill row: three engines' words.
    Bug("bq-js-rent-split-undefined", "portal-front", (Exc("TypeError", frames=(*STIMULUS_ACTION, js("app/javascript/controllers/rent_split_controller.js", "RentSplitController.recalculate", 33, 27, "controllers/rent_split_controller"), js("app/javascript/controllers/rent_split_controller.js", "RentSplitController.shareFor", 58, 22, "controllers/rent_split_controller")), js=JsError("read-undefined", "this.bills[index]", "amount")),),
        (see("sentry.error", 2, browser="chrome", chunk="controllers/rent_split_controller", mechanism="onerror"), see("sentry.error", browser="firefox", chunk="controllers/rent_split_controller", mechanism="onerror", release=1), see("posthog", browser="safari", chunk="controllers/rent_split_controller"), see("posthog", browser="chrome", chunk="controllers/rent_split_controller", release=1, resolved=True)),
        classes=(3,), span=2, page="/tenancies/rent"),
    # A Turbo frame response without the frame: the slots endpoint redirects to sign-in.
    Bug("bq-js-turbo-frame-missing", "portal-front", (Exc("TurboFrameMissingError", 'The response (200) did not contain the expected <turbo-frame id="viewing_slots"> and will be ignored. To perform a full page visit instead, set turbo-visit-control to reload.', TURBO_FRAME),),
        (see("sentry.error", 2, browser="chrome", chunk="turbo.min", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="turbo.min", mechanism="onunhandledrejection"), see("posthog", browser="chrome", chunk="turbo.min", mechanism="onunhandledrejection"), see("posthog", browser="firefox", chunk="turbo.min", mechanism="onunhandledrejection", release=1)),
        page="/listings/4417-flat-2-marchmont-road"),
    # A double-submitted tenancy application.
    Bug("bq-application-unique", "portal", (Exc("PG::UniqueViolation", unique("index_applications_on_listing_id_and_applicant_id", "(listing_id, applicant_id)=({id}, {user})", "applications"), AR_CREATE[-1:]), Exc("ActiveRecord::RecordNotUnique", unique("index_applications_on_listing_id_and_applicant_id", "(listing_id, applicant_id)=({id}, {user})", "applications") + ': INSERT INTO "applications"', (*REQUEST, rb("app/controllers/applications_controller.rb", "create", 27), rb("app/models/tenancy_application.rb", "submit!", 51), *AR_CREATE))),
        (see("sentry.error", 2, **WEBM), see("sentry.alert", rule="portal: new issue in production"), see("splunk", 3, **WEB)),
        entry="POST /listings/{id}/applications"),
    # The connection pool exhausted when Solid Queue's threads outnumber the pool.
    Bug("bq-jobs-pool-timeout", "portal-jobs", (Exc("ActiveRecord::ConnectionTimeoutError", "could not obtain a connection from the pool within 5.000 seconds (waited 5.{millis} seconds); all pooled connections were in use", (*JOB, rb("app/jobs/generate_statement_job.rb", "perform", 8), gem(AR + "relation.rb", "load", 1088), *AR_POOL)),),
        (see("sentry.error", 2, **AJ_MECH), see("splunk", 2, queue="statements", **JOBS), see("splunk", 2, search=STATS, stats={"class_name": "GenerateStatementJob", "queue_name": "statements", "failed": "{n}", "error_class": "ActiveRecord::ConnectionTimeoutError"})),
        entry="GenerateStatementJob"),
    # Landlords' phone photos that libvips cannot read.
    Bug("bq-photo-variant-vips", "portal-jobs", (Exc("Vips::Error", "VipsJpeg: Premature end of input file\nVipsJpeg: out of order read at line {line}", (*JOB, gem("activestorage-7.2.2.1/lib/active_storage/transform_job.rb", "perform", 9), gem("image_processing-1.13.0/lib/image_processing/vips.rb", "save_image", 58), gem("ruby-vips-2.2.2/lib/vips/image.rb", "write_to_file", 713))),),
        (see("sentry.error", 2, **AJ_MECH), see("sentry.issue"), see("splunk", 3, queue="active_storage_transform", **JOBS)),
        entry="ActiveStorage::TransformJob"),
    # Solid Queue's recurring task logging how long the nightly rent export took: no bug.
    Bug("bq-rent-export-slow", "portal-jobs", (),
        (see("splunk", 4, search="portal-jobs slow rent exports", line="I, [{tsnaive} #{pid}]  INFO -- : [ActiveJob] [ExportRentLedgerJob] [{uuid}] Rent ledger uploaded to {objstore}: {size} in {dur}"),),
        classes=(7,)),
    # Seen once: a Turbo Stream subscription with a tampered signed stream name.
    Bug("bq-stream-name-tampered", "portal", (Exc("ActiveSupport::MessageVerifier::InvalidSignature", "ActiveSupport::MessageVerifier::InvalidSignature", (gem("actioncable-7.2.2.1/lib/action_cable/channel/base.rb", "subscribe_to_channel", 204), gem("turbo-rails-2.0.11/app/channels/turbo/streams_channel.rb", "subscribed", 4), gem("turbo-rails-2.0.11/app/channels/turbo/streams/stream_name.rb", "verified_stream_name_from_params", 12), gem("activesupport-7.2.2.1/lib/active_support/message_verifier.rb", "verify", 254))),),
        (see("sentry.error", mechanism="action_cable"),),
        singleton=True, entry="Turbo::StreamsChannel"),
]

NOISE = [
    Noise("bq-noise-puma-boot", "portal", "splunk", {"search": "portal FATAL requests (5m)", "line": "* Puma version: 6.4.3 (ruby 3.3.6-p108) (\"The Eagle of Durango\")\n*  Min threads: 3\n*  Max threads: 3\n*  Environment: production\n*          PID: 1\n* Listening on http://0.0.0.0:3000"}),
    Noise("bq-noise-solid-queue-start", "portal-jobs", "splunk", {**JOBS, "line": "I, [{tsnaive} #1]  INFO -- : SolidQueue-1.1.2 Started Supervisor (8.1ms)  pid: 1, hostname: \"portal-jobs-7c9d5\", process_id: {id}, name: \"supervisor-{hex}\""}),
    Noise("bq-noise-kamal-deploy", "portal", "splunk", {"search": "portal FATAL requests (5m)", "line": "I, [{tsnaive} #1]  INFO -- : Kamal deploy 2026.12.2 (3f1c07b) booted; healthcheck /up returned 200"}),
]

FELLGATE = Company(
    key="bq",
    name="Fellgate Lettings",
    domain="fellgate.example",
    sentry_org="fellgate",
    splunk_url="https://fellgate.splunkcloud.com",
    splunk_guid="5D0B7E31-9A2C-4F68-B1E4-7C3A902F6D18",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(48213, "Fellgate portal"),
    releases=("2026.12.1", "2026.12.2", "2027.01.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="fellgate-sentry-client-secret",
)
