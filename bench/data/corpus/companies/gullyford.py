"""(aw) Gullyford Cycles, a city bike-share: a Rails 7.1 API-only app on Ruby 3.3 under Puma
(``api``), its GoodJob 3 workers (``good_job start`` in their own pods: ``jobs``), and a React
18 rider app built by Vite 5 (``rider-web``, ``/assets/<Name>-<hash>.js``).

Sentry (sentry-ruby with sentry-rails for both Ruby processes, @sentry/react); Splunk over the
pods' stdout (``RAILS_LOG_TO_STDOUT``, Ruby's ``Logger::Formatter`` with the request id tag):
DebugExceptions' exception line and its cleaned backtrace arrive as two events, which one
saved search joins with ``transaction request_id`` and another alerts on one by one; Active
Job's "Error performing" line for GoodJob executions; a stats search of failures by job class.
No PostHog, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import RAILS_REQUEST, REACT_CLICK, REACT_EFFECT, REACT_RENDER, js, rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby.rails", "5.21.0", "gem:sentry-rails")
SERVICES = {
    "api": Service("api", "ruby", "rails-tagged", "kube:container:api", "/var/log/containers/api_gullyford_api.log", "gf_prod", 6620031, "ruby 3.3.5", framework="rails", sdk=SDK),
    "jobs": Service("jobs", "ruby", "goodjob-error", "kube:container:jobs", "/var/log/containers/jobs_gullyford_jobs.log", "gf_prod", 6620031, "ruby 3.3.5", framework="rails", sdk=SDK),
    "rider-web": Service("rider-web", "javascript", "", "", "", "", 6620034, origin="https://ride.gullyford.example", framework="react", sdk=("sentry.javascript.react", "8.40.0", "npm:@sentry/react")),
}

# One search joins DebugExceptions' two events per request; another alerts on every FATAL event.
JOINED = dict(search="api - exceptions (transaction by request_id)", app="gullyford_ops", owner="ops")
HEADS = dict(search="api - FATAL lines", app="gullyford_ops", owner="ops", part="head", half=True)
TRACES = dict(search="api - FATAL lines", app="gullyford_ops", owner="ops", part="trace", half=True)
JOB_ERRORS = dict(search="jobs - Error performing", app="gullyford_ops", owner="ops")
JOB_STATS = "jobs - failures by job class (hourly)"

AJ = "activejob-7.1.4/lib/active_job/"
GOODJOB = (
    rb("concurrent-ruby-1.3.4/lib/concurrent-ruby/concurrent/executor/ruby_thread_pool_executor.rb", "block in create_worker", 359, lib=True),
    rb("good_job-3.30.1/lib/good_job/job_performer.rb", "next", 57, lib=True),
    rb("good_job-3.30.1/app/models/good_job/job.rb", "perform_with_advisory_lock", 336, lib=True),
    rb("good_job-3.30.1/app/models/good_job/job.rb", "perform", 570, lib=True),
    rb("good_job-3.30.1/app/models/good_job/job.rb", "block (2 levels) in execute", 657, lib=True),
    rb(AJ + "execution.rb", "execute", 29, lib=True),
    rb("activesupport-7.1.4/lib/active_support/callbacks.rb", "run_callbacks", 121, lib=True),
    rb(AJ + "execution.rb", "block in execute", 31, lib=True),
    rb(AJ + "execution.rb", "perform_now", 68, lib=True),
    rb(AJ + "instrumentation.rb", "instrument", 40, lib=True),
    rb(AJ + "execution.rb", "block in perform_now", 64, lib=True),
    rb(AJ + "execution.rb", "_perform_job", 84, lib=True),
)


def job(name: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    """A GoodJob execution down to the job's ``perform`` and what it calls (oldest first)."""
    snake = "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")
    return (*GOODJOB, rb(f"app/jobs/{snake}.rb", "perform", line), *inner)


def action(controller: str, method: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*RAILS_REQUEST, rb(f"app/controllers/api/v1/{controller}_controller.rb", method, line), *inner)


def job_stats(name: str) -> dict[str, object]:
    """``"Error performing" | rex "Error performing (?<job_class>\\S+)" | stats count by
    job_class``: no ``_raw``, only the job."""
    return {"job_class": name, "count": "{n}", "queues": "default"}


AR_SAVE = (
    rb("activerecord-7.1.4/lib/active_record/validations.rb", "save!", 53, lib=True),
    rb("activerecord-7.1.4/lib/active_record/validations.rb", "raise_validation_error", 84, lib=True),
)
PUSH = rb("app/services/notifications/push.rb", "deliver!", 34)
FARE = "app/services/pricing/trip_fare.rb"

BUGS = [
    # Ruby 3.3's NoMethodError on nil at two places: a controller and a job.
    Bug("gf-return-trip-nil", "api", (Exc("NoMethodError", "undefined method `ended_at' for nil", action("returns", "create", 18, rb("app/models/bike.rb", "last_trip_duration", 61))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOINED), see("splunk", **HEADS)),
        classes=(4,), pair="gf-extend-trip-nil", entry="POST /api/v1/returns", span=2, renames={"create": "store"}),
    Bug("gf-extend-trip-nil", "jobs", (Exc("NoMethodError", "undefined method `ended_at' for nil", job("CloseOverdueTripsJob", 22, rb("app/models/rider.rb", "overdue_minutes", 88))),),
        (see("sentry.error", 2), see("splunk", 2, **JOB_ERRORS), see("splunk", search=JOB_STATS, app="gullyford_ops", owner="ops", stats=job_stats("CloseOverdueTripsJob"))),
        classes=(4,), pair="gf-return-trip-nil", entry="CloseOverdueTripsJob"),
    # Validation failures where the association named is the bug.
    Bug("gf-docking-dock-missing", "api", (Exc("ActiveRecord::RecordInvalid", "Validation failed: Dock must exist", action("dockings", "create", 27, rb("app/services/docking/park_bike.rb", "call", 19), *AR_SAVE)),),
        (see("sentry.error", 2), see("sentry.alert", rule="api: validation errors"), see("splunk", 2, **JOINED)),
        classes=(4,), pair="gf-import-rider-missing", entry="POST /api/v1/dockings"),
    Bug("gf-import-rider-missing", "jobs", (Exc("ActiveRecord::RecordInvalid", "Validation failed: Rider must exist", job("ImportCorporatePassesJob", 41, rb("app/services/passes/importer.rb", "import_row", 57), *AR_SAVE)),),
        (see("sentry.error", 3), see("splunk", 2, **JOB_ERRORS)),
        classes=(4,), pair="gf-docking-dock-missing", entry="ImportCorporatePassesJob"),
    # One fare method, two exceptions: a zero-minute tariff, a trip without a tariff.
    Bug("gf-fare-zero-minutes", "api", (Exc("ZeroDivisionError", "divided by 0", action("trips", "show", 12, rb("app/serializers/trip_serializer.rb", "fare", 23), rb(FARE, "per_minute", 31))),),
        (see("sentry.error", 2), see("splunk", **JOINED), see("splunk", **TRACES)),
        classes=(4,), pair="gf-fare-tariff-nil", entry="GET /api/v1/trips/{id}"),
    Bug("gf-fare-tariff-nil", "api", (Exc("TypeError", "nil can't be coerced into BigDecimal", action("trips", "show", 12, rb("app/serializers/trip_serializer.rb", "fare", 23), rb(FARE, "per_minute", 29))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOINED)),
        classes=(4,), pair="gf-fare-zero-minutes", entry="GET /api/v1/trips/{id}"),
    # Two pushes failing through one helper.
    Bug("gf-push-unlock-fcm", "jobs", (Exc("Notifications::DeliveryError", "FCM rejected message: 404 UNREGISTERED (Requested entity was not found.)", job("SendUnlockCodeJob", 14, PUSH)),),
        (see("sentry.error", 2), see("splunk", 2, **JOB_ERRORS), see("splunk", search=JOB_STATS, app="gullyford_ops", owner="ops", stats=job_stats("SendUnlockCodeJob"))),
        classes=(9,), pair="gf-push-receipt-apns", entry="SendUnlockCodeJob"),
    Bug("gf-push-receipt-apns", "jobs", (Exc("Notifications::DeliveryError", "APNs rejected message: 400 BadDeviceToken", job("SendTripReceiptJob", 19, rb("app/services/receipts/builder.rb", "notify", 44), PUSH)),),
        (see("sentry.error", 3), see("splunk", **JOB_ERRORS)),
        classes=(9,), pair="gf-push-unlock-fcm", entry="SendTripReceiptJob", span=2),
    # The geocoder hangs; GoodJob retries and the stats search names only the job.
    Bug("gf-geocode-timeout", "jobs", (Exc("Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("GeocodeStationJob", 9, rb("app/services/geo/nominatim_client.rb", "reverse", 26), rb("faraday-2.12.0/lib/faraday/connection.rb", "get", 200, lib=True), rb("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **JOB_ERRORS), see("splunk", 2, search=JOB_STATS, app="gullyford_ops", owner="ops", stats=job_stats("GeocodeStationJob"))),
        classes=(8,), entry="GeocodeStationJob", span=2),
    # The nightly rebalance waits on rows the API holds: Postgres' lock timeout.
    Bug("gf-rebalance-lock-timeout", "jobs", (
        Exc("PG::LockNotAvailable", "ERROR:  canceling statement due to lock timeout\nCONTEXT:  while updating tuple (412,7) in relation \"bikes\"\n", job("RebalanceFleetJob", 33, rb("app/services/fleet/rebalancer.rb", "reserve_bikes", 71), rb("activerecord-7.1.4/lib/active_record/relation.rb", "update_all", 489, lib=True), rb("activerecord-7.1.4/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_update", 72, lib=True))),
        Exc("ActiveRecord::LockWaitTimeout", "PG::LockNotAvailable: ERROR:  canceling statement due to lock timeout\nCONTEXT:  while updating tuple (412,7) in relation \"bikes\"\n", job("RebalanceFleetJob", 33, rb("app/services/fleet/rebalancer.rb", "reserve_bikes", 71), rb("activerecord-7.1.4/lib/active_record/relation.rb", "update_all", 489, lib=True), rb("activerecord-7.1.4/lib/active_record/connection_adapters/postgresql_adapter.rb", "translate_exception", 789, lib=True))),
    ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOB_ERRORS), see("splunk", search=JOB_STATS, app="gullyford_ops", owner="ops", stats=job_stats("RebalanceFleetJob"))),
        classes=(8,), entry="RebalanceFleetJob"),
    # The payment provider's webhook sometimes posts an HTML error page.
    Bug("gf-payment-webhook-json", "api", (Exc("JSON::ParserError", "unexpected character: '<html>' at line 1 column 1", action("payment_webhooks", "create", 9, rb("json-2.9.1/lib/json/common.rb", "parse", 221, lib=True))),),
        (see("sentry.error", 2), see("splunk", **JOINED), see("splunk", **HEADS), see("splunk", **TRACES)),
        classes=(10,), entry="POST /api/v1/payment_webhooks"),
    # Exports to operators' SFTP: warnings whose sizes, durations and hosts change length.
    Bug("gf-export-upload-slow", "jobs", (),
        (see("splunk", 4, search="jobs - warnings", app="gullyford_ops", owner="ops", line="W, [{tsnaive} #1]  WARN -- : [ActiveJob] [ExportOperatorTripsJob] [{uuid}] Uploaded trips export to {opsftp}: {size} in {dur}"),),
        classes=(7,)),
    # The rider app: the same coordinates read in the map and in the trip sheet.
    Bug("gf-web-stationmap-lat", "rider-web", (Exc("TypeError", frames=(*REACT_RENDER, js("src/features/map/StationMap.tsx", "StationMarker", 42, 31, "StationMap")), js=JsError("read-undefined", "station.location", "lat")),),
        (see("sentry.error", 2, browser="chrome", chunk="StationMap"), see("sentry.error", browser="firefox", chunk="StationMap", release=1), see("sentry.error", browser="safari", chunk="StationMap", raw=True, release=1), see("sentry.error", browser="edge", chunk="StationMap", sourcemaps=False, release=1)),
        classes=(3, 4), pair="gf-web-tripsheet-lat", span=2, page="/map"),
    Bug("gf-web-tripsheet-lat", "rider-web", (Exc("TypeError", frames=(*REACT_EFFECT, js("src/features/trips/TripSheet.tsx", "useDockDistance", 77, 19, "TripSheet"), js("src/lib/geo.ts", "haversine", 8, 26, "TripSheet")), js=JsError("read-undefined", "dock.location", "lat")),),
        (see("sentry.error", 2, browser="chrome", chunk="TripSheet"), see("sentry.error", browser="safari", chunk="TripSheet"), see("sentry.issue", browser="chrome", chunk="TripSheet")),
        classes=(3, 4), pair="gf-web-stationmap-lat", page="/trips/active"),
    # Ride history mapping over a page object the API started wrapping.
    Bug("gf-web-history-map", "rider-web", (Exc("TypeError", frames=(*REACT_RENDER, js("src/features/history/RideHistory.tsx", "RideHistory", 35, 22, "RideHistory")), js=JsError("not-function", "rides", "map", "(e=>e.id)")),),
        (see("sentry.error", 2, browser="chrome", chunk="RideHistory"), see("sentry.error", browser="firefox", chunk="RideHistory"), see("sentry.error", browser="safari", chunk="RideHistory", release=1)),
        classes=(3,), span=2, page="/history"),
    # A price object rendered as a React child: React's production error, decoded by URL only.
    Bug("gf-web-react-child-object", "rider-web", (Exc("Error", "Minified React error #31; visit https://reactjs.org/docs/error-decoder.html?invariant=31&args[]=object%20with%20keys%20%7Bamount%2C%20currency%7D for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", (*REACT_RENDER, js(REACT_CLICK[0].file, "Ua", 140, 263, "vendor", lib=True), js("src/features/passes/PassCard.tsx", "PassCard", 28, 11, "Passes"))),),
        (see("sentry.error", 3, browser="chrome", chunk="Passes"), see("sentry.error", browser="safari", chunk="Passes")),
        page="/passes"),
    # After a deploy, open tabs ask for chunks that no longer exist.
    Bug("gf-web-stale-chunk", "rider-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js("node_modules/react-router/dist/index.js", "loadLazyRouteModule", 4120, 31, "index", lib=True), js("src/routes.tsx", "lazy", 22, 19, "index")), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="Passes", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="Passes", mechanism="onunhandledrejection", release=1), see("sentry.error", browser="firefox", chunk="Passes", mechanism="onunhandledrejection", release=1)),
        classes=(3,), span=2, page="/passes"),
    # Seen once: a stack overflow in the API's tariff inheritance.
    Bug("gf-tariff-stack-level", "api", (Exc("SystemStackError", "stack level too deep", action("tariffs", "show", 8, *(rb("app/models/tariff.rb", "effective_rate", 40) for _ in range(6)))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/tariffs/{id}"),
]

NOISE = [
    Noise("gf-noise-puma-boot", "api", "splunk", {"search": "api - pod restarts", "app": "gullyford_ops", "owner": "ops", "line": "I, [{tsnaive} #1]  INFO -- : * Listening on http://0.0.0.0:3000"}),
    Noise("gf-noise-job-performed", "jobs", "splunk", {**JOB_ERRORS, "line": "I, [{tsnaive} #1]  INFO -- : [ActiveJob] [RebalanceFleetJob] [{uuid}] Performed RebalanceFleetJob (Job ID: {uuid}) from GoodJob(default) in 41822.17ms"}),
]

GULLYFORD = Company(
    key="aw",
    name="Gullyford Cycles",
    domain="gullyford.example",
    sentry_org="gullyford",
    splunk_url="https://gullyford.splunkcloud.com",
    splunk_guid="C41F0E7B-2A95-4D63-B8E0-71A5D9F3C2E6",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("7f3a9c1", "b81d2e4", "0c6e5fa"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gullyford-sentry-client-secret",
)
# fmt: on
