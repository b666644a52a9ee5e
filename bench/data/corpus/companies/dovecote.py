"""(as) Dovecote Lettings, a letting agency's platform for landlords and tenants: a Laravel 11
app on PHP 8.3 (``portal``: Inertia controllers over Postgres), its Horizon workers
(``horizon``: queued jobs on Redis), and the Inertia + Vue 3 pages built by Laravel's Vite
plugin (``portal-web``, ``/build/assets/<Page>-<hash>.js``).

Sentry (sentry-laravel for both PHP processes, @sentry/vue for the pages); PostHog (posthog-js
on the pages: Chrome, Edge, Firefox, Safari; raw and resolved frames); Splunk over the pods'
stderr through Splunk Connect for Kubernetes (``kube:container:<name>``): Laravel's
``stderr`` channel with Monolog's ``JsonFormatter`` (the exception normalised into
``context.exception`` with ``file:line`` traces and ``previous``; Horizon's pods without the
traces, only each exception's throw site), Horizon's console lines
naming only the job, and a stats search of failed jobs. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import FW, LARAVEL_REQUEST, REQ, VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js, php

# The tables keep one frame or delivery per line.
# fmt: off
# sentry-php reports what Laravel's handler hands it with a "generic" mechanism.
SDK = ("sentry.php.laravel", "4.10.1", "composer:sentry/sentry-laravel")
# One release name per deploy (SENTRY_RELEASE) for the app, its workers and its pages.
RELEASES = ("dovecote@2026.11.1", "dovecote@2026.11.2", "dovecote@2026.11.3")
SERVICES = {
    "portal": Service("portal", "php", "monolog-json", "kube:container:portal", "/var/log/containers/portal_dovecote_portal.log", "dv_prod", 7140011, "php 8.3.13", framework="generic", sdk=SDK, releases=RELEASES),
    "horizon": Service("horizon", "php", "monolog-json", "kube:container:horizon", "/var/log/containers/horizon_dovecote_horizon.log", "dv_prod", 7140011, "php 8.3.13", framework="generic", sdk=SDK, releases=RELEASES),
    "portal-web": Service("portal-web", "javascript", "", "", "", "", 7140014, origin="https://app.dovecote.example", framework="vue", sdk=("sentry.javascript.vue", "8.42.0", "npm:@sentry/vue"), releases=RELEASES),
}

APP = "App\\"
PORTAL_ERRORS = dict(search="portal - errors")
# Horizon's deployment logs through Laravel's stock ``stderr`` channel with the JSON formatter
# but without ``includeStacktraces``: its exceptions keep only their throw sites.
HORIZON_ERRORS = dict(search="horizon - failed jobs", app="dovecote_ops", owner="ops", half=1)


def controller(name: str, method: str, line: int, args: str = REQ) -> Frame:
    return php(f"app/Http/Controllers/{name}.php", method, line, f"{APP}Http\\Controllers\\{name}", args)


def service(path: str, method: str, line: int, args: str = "()") -> Frame:
    """A class under ``app/``: ``Services/Rent/ProrataCalculator`` -> App\\Services\\Rent\\..."""
    return php(f"app/{path}.php", method, line, APP + path.replace("/", "\\"), args)


def horizon_job(job: str, line: int) -> tuple[Frame, ...]:
    """A queued job run by ``horizon:work`` (oldest first), down to the job's ``handle``."""
    obj = f"Object(App\\Jobs\\{job})"
    return (
        php("artisan", "{main}", 13, lib=True),
        php(FW + "Foundation/Application.php", "handleCommand", 1235, "Illuminate\\Foundation\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput))", lib=True),
        php("/var/www/html/vendor/laravel/horizon/src/Console/WorkCommand.php", "handle", 51, "Laravel\\Horizon\\Console\\WorkCommand", "()", lib=True),
        php(FW + "Queue/Console/WorkCommand.php", "runWorker", 152, "Illuminate\\Queue\\Console\\WorkCommand", "('redis', 'default')", lib=True),
        php(FW + "Queue/Worker.php", "daemon", 177, "Illuminate\\Queue\\Worker", "('redis', 'default', Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Worker.php", "runJob", 416, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), 'redis', Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Worker.php", "process", 445, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), Object(Illuminate\\Queue\\WorkerOptions))", lib=True),
        php(FW + "Queue/Jobs/Job.php", "fire", 102, "Illuminate\\Queue\\Jobs\\Job", "()", lib=True),
        php(FW + "Queue/CallQueuedHandler.php", "call", 74, "Illuminate\\Queue\\CallQueuedHandler", "(Object(Illuminate\\Queue\\Jobs\\RedisJob), Array)", lib=True),
        php(FW + "Queue/CallQueuedHandler.php", "dispatchThroughMiddleware", 126, "Illuminate\\Queue\\CallQueuedHandler", f"(Object(Illuminate\\Queue\\Jobs\\RedisJob), {obj})", lib=True),
        php(FW + "Bus/Dispatcher.php", "dispatchNow", 128, "Illuminate\\Bus\\Dispatcher", f"({obj}, false)", lib=True),
        php(FW + "Container/Container.php", "call", 694, "Illuminate\\Container\\Container", "(Array)", lib=True),
        php(FW + "Container/BoundMethod.php", "call", 35, "Illuminate\\Container\\BoundMethod", "(Object(Illuminate\\Foundation\\Application), Array, Array, NULL)", lib=True),
        php(f"app/Jobs/{job}.php", "handle", line, f"{APP}Jobs\\{job}", "(Object(App\\Services\\Portals\\RightmoveClient))" if "Rightmove" in job else "()"),
    )


def horizon_line(job: str, took: str, status: str = "FAIL") -> str:
    """Horizon's worker console: the job's class, dots, the run time and its outcome."""
    dots = "." * max(3, 96 - len(job) - len(took))
    return f"  {{gts}} App\\Jobs\\{job} {dots} {took} {status}"


def insert(table: str) -> tuple[Frame, ...]:
    """Eloquent's ``save()`` of a new model on Postgres (``insert … returning "id"``), down to
    the connection's ``run``."""
    sql = f"('insert into \"{table[:3]}...', Array"
    return (
        php(FW + "Database/Eloquent/Model.php", "save", 1185, "Illuminate\\Database\\Eloquent\\Model", "()", lib=True),
        php(FW + "Database/Eloquent/Model.php", "performInsert", 1378, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder))", lib=True),
        php(FW + "Database/Eloquent/Model.php", "insertAndSetId", 1415, "Illuminate\\Database\\Eloquent\\Model", "(Object(Illuminate\\Database\\Eloquent\\Builder), Array)", lib=True),
        php(FW + "Database/Eloquent/Builder.php", "__call", 2071, "Illuminate\\Database\\Eloquent\\Builder", "('insertGetId', Array)", lib=True),
        php(FW + "Support/Traits/ForwardsCalls.php", "forwardCallTo", 23, "Illuminate\\Database\\Eloquent\\Builder", "(Object(Illuminate\\Database\\Query\\Builder), 'insertGetId', Array)", lib=True),
        php(FW + "Database/Query/Builder.php", "insertGetId", 3597, "Illuminate\\Database\\Query\\Builder", "(Array, 'id')", lib=True),
        php(FW + "Database/Query/Processors/PostgresProcessor.php", "processInsertGetId", 24, "Illuminate\\Database\\Query\\Processors\\PostgresProcessor", f"(Object(Illuminate\\Database\\Query\\Builder), {sql[1:]}, 'id')", lib=True),
        php(FW + "Database/Connection.php", "selectFromWriteConnection", 390, "Illuminate\\Database\\Connection", f"{sql})", lib=True),
        php(FW + "Database/Connection.php", "select", 409, "Illuminate\\Database\\Connection", f"{sql}, false)", lib=True),
        php(FW + "Database/Connection.php", "run", 779, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True),
    )


def unique_violation(app: tuple[Frame, ...], table: str, constraint: str, key: str, columns: str, values: str) -> tuple[Exc, Exc]:
    """Laravel's QueryException over PDO's (cause first), Postgres' unique violation; the
    query's message carries the bindings and the connection."""
    sql = f"('insert into \"{table[:3]}...', Array"
    pdo = f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key ({key})=({{id}}) already exists.'
    return (
        Exc("PDOException", pdo, (*app, *insert(table), php(FW + "Database/Connection.php", "runQueryCallback", 813, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True), php(FW + "Database/Connection.php", "Illuminate\\Database\\{closure}", 423, "Illuminate\\Database\\Connection", f"{sql})", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()"))),
        Exc("Illuminate\\Database\\QueryException", f'{pdo} (Connection: pgsql, SQL: insert into "{table}" ({columns}) values ({values}) returning "id")', (*app, *insert(table), php(FW + "Database/Connection.php", "runQueryCallback", 826, "Illuminate\\Database\\Connection", f"{sql}, Object(Closure))", lib=True))),
    )


# Every GoCardless call goes through one helper that turns a failed response into the app's
# own exception, so both bugs' traces end in it.
ENSURE = service("Services/Payments/GoCardless/Client", "ensureSuccess", 88, "(Object(Illuminate\\Http\\Client\\Response), '{action}')")
HTTP_POST = (
    php(FW + "Support/Facades/Facade.php", "::__callStatic", 357, "Illuminate\\Support\\Facades\\Facade", "('post', Array)", lib=True),
    php(FW + "Http/Client/Factory.php", "__call", 428, "Illuminate\\Http\\Client\\Factory", "('post', Array)", lib=True),
    php(FW + "Http/Client/PendingRequest.php", "post", 775, "Illuminate\\Http\\Client\\PendingRequest", "('https://api.rig...', Array)", lib=True),
    php(FW + "Http/Client/PendingRequest.php", "send", 951, "Illuminate\\Http\\Client\\PendingRequest", "('POST', 'https://api.rig...', Array)", lib=True),
    php(FW + "Support/helpers.php", "retry", 244, "", "(2, Object(Closure), 500, Object(Closure))", lib=True),
)
THROW_IF = php(FW + "Http/Client/Response.php", "throw", 319, "Illuminate\\Http\\Client\\Response", "()", lib=True)
RIGHTMOVE = "App\\Jobs\\SyncListingToRightmove"

BUGS = [
    # PHP 8's warning for a property read on null, made an ErrorException by Laravel: one in a
    # controller, one in a scheduled job.
    Bug("dv-viewing-store-slot-null", "portal", (Exc("ErrorException", 'Attempt to read property "starts_at" on null', (*LARAVEL_REQUEST, controller("ViewingController", "store", 57, "(Object(App\\Http\\Requests\\StoreViewingRequest))"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **PORTAL_ERRORS)),
        classes=(4,), pair="dv-viewing-reminder-slot-null", entry="POST /viewings", span=2, renames={"store": "book"}),
    Bug("dv-viewing-reminder-slot-null", "horizon", (Exc("ErrorException", 'Attempt to read property "starts_at" on null', horizon_job("SendViewingReminders", 41)),),
        (see("sentry.error", 2), see("splunk", 2, **HORIZON_ERRORS), see("splunk", line=horizon_line("SendViewingReminders", "118.42ms"), search="horizon - failed jobs", app="dovecote_ops", owner="ops")),
        classes=(4,), pair="dv-viewing-store-slot-null", entry="App\\Jobs\\SendViewingReminders"),
    # Unique violations on two tables: the constraint is the bug.
    Bug("dv-tenancy-unit-unique", "portal", unique_violation((*LARAVEL_REQUEST, controller("TenancyController", "store", 64), service("Actions/Tenancies/StartTenancy", "handle", 38, "(Object(App\\Models\\Unit), Array)")), "tenancies", "tenancies_unit_id_active_unique", "unit_id", '"unit_id", "tenant_id", "starts_on", "rent_pence", "updated_at", "created_at"', "{id}, {user}, 2026-04-01, 145000, {gts}, {gts}"),
        (see("sentry.error", 2), see("sentry.alert", rule="portal: new issue"), see("splunk", 3, **PORTAL_ERRORS)),
        classes=(4,), pair="dv-deposit-tenancy-unique", entry="POST /tenancies"),
    Bug("dv-deposit-tenancy-unique", "horizon", unique_violation((*horizon_job("ProtectDeposit", 47), service("Services/Deposits/DepositRegistrar", "register", 71, "(Object(App\\Models\\Tenancy))")), "deposits", "deposits_tenancy_id_unique", "tenancy_id", '"tenancy_id", "scheme", "amount_pence", "updated_at", "created_at"', "{id}, 'dps', 167300, {gts}, {gts}"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **HORIZON_ERRORS)),
        classes=(4,), pair="dv-tenancy-unit-unique", entry="App\\Jobs\\ProtectDeposit"),
    # One job, two ways to fail: Rightmove's API timing out, and Rightmove rejecting the listing.
    Bug("dv-rightmove-timeout", "horizon", (
        Exc("GuzzleHttp\\Exception\\ConnectException", "cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.rightmove.example/v1/property/sendpropertydetails", (*horizon_job("SyncListingToRightmove", 52), service("Services/Portals/RightmoveClient", "send", 33, "(Array)"), *HTTP_POST, php("/var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php", "::finishError", 276, "GuzzleHttp\\Handler\\CurlFactory", "(Object(GuzzleHttp\\Handler\\CurlMultiHandler), Object(GuzzleHttp\\Handler\\EasyHandle), Object(GuzzleHttp\\Handler\\CurlFactory))", lib=True))),
        Exc("Illuminate\\Http\\Client\\ConnectionException", "cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.rightmove.example/v1/property/sendpropertydetails", (*horizon_job("SyncListingToRightmove", 52), service("Services/Portals/RightmoveClient", "send", 33, "(Array)"), *HTTP_POST, php(FW + "Http/Client/PendingRequest.php", "Illuminate\\Http\\Client\\{closure}", 1578, "Illuminate\\Http\\Client\\PendingRequest", "(Object(GuzzleHttp\\Exception\\ConnectException))", lib=True))),
    ),
        (see("sentry.error", 3), see("splunk", 2, **HORIZON_ERRORS)),
        classes=(4,), pair="dv-rightmove-rejected", entry=RIGHTMOVE, span=2),
    Bug("dv-rightmove-rejected", "horizon", (Exc("Illuminate\\Http\\Client\\RequestException", 'HTTP request returned status code 422:\n{"success":false,"errors":[{"error_code":"PRICE_QUALIFIER","error_value":"price_qualifier must be 0 when the price is set"}]}', (*horizon_job("SyncListingToRightmove", 55), service("Services/Portals/RightmoveClient", "send", 36, "(Array)"), THROW_IF)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **HORIZON_ERRORS)),
        classes=(4,), pair="dv-rightmove-timeout", entry=RIGHTMOVE),
    # Two GoCardless calls failing through one helper.
    Bug("dv-gocardless-mandate", "portal", (Exc("App\\Exceptions\\GoCardlessException", "GoCardless API error (invalid_state): mandate_is_inactive: The mandate MD{hex} is cancelled", (*LARAVEL_REQUEST, controller("RentCollectionController", "store", 44), service("Services/Payments/GoCardless/Client", "createPayment", 52, "(Object(App\\Models\\Mandate), 145000, 'GBP')"), ENSURE)),),
        (see("sentry.error", 2), see("sentry.alert", rule="portal: payments"), see("splunk", 2, **PORTAL_ERRORS)),
        classes=(9,), pair="dv-gocardless-customer", entry="POST /rent-collections", handled=True),
    Bug("dv-gocardless-customer", "horizon", (Exc("App\\Exceptions\\GoCardlessException", "GoCardless API error (validation_failed): email is invalid; address_line1 is required", (*horizon_job("OnboardTenantPayer", 29), service("Services/Payments/GoCardless/Client", "createCustomer", 31, "(Object(App\\Models\\Tenant))"), ENSURE)),),
        (see("sentry.error", 2), see("splunk", 2, **HORIZON_ERRORS)),
        classes=(9,), pair="dv-gocardless-mandate", entry="App\\Jobs\\OnboardTenantPayer"),
    # One calculator, two exceptions: a zero-day period, and a tenancy with no end date.
    Bug("dv-prorata-zero-days", "portal", (Exc("DivisionByZeroError", "Division by zero", (*LARAVEL_REQUEST, controller("RentScheduleController", "show", 27, "(Object(App\\Models\\Tenancy))"), service("Services/Rent/ProrataCalculator", "forPeriod", 46, "(Object(Carbon\\CarbonImmutable), Object(Carbon\\CarbonImmutable))"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **PORTAL_ERRORS)),
        classes=(4,), pair="dv-prorata-null-end", entry="GET /tenancies/{tenancy}/schedule", span=2),
    Bug("dv-prorata-null-end", "portal", (Exc("TypeError", "App\\Services\\Rent\\ProrataCalculator::forPeriod(): Argument #2 ($end) must be of type Carbon\\CarbonImmutable, null given, called in /var/www/html/app/Http/Controllers/RentScheduleController.php on line 27", (*LARAVEL_REQUEST, controller("RentScheduleController", "show", 27, "(Object(App\\Models\\Tenancy))"), service("Services/Rent/ProrataCalculator", "forPeriod", 21, "(Object(Carbon\\CarbonImmutable), NULL)"))),),
        (see("sentry.error", 3), see("splunk", 2, **PORTAL_ERRORS)),
        classes=(4,), pair="dv-prorata-zero-days", entry="GET /tenancies/{tenancy}/schedule"),
    # A job that keeps timing out until Horizon gives up: no application frame at all.
    Bug("dv-rent-statement-attempts", "horizon", (Exc("Illuminate\\Queue\\MaxAttemptsExceededException", "App\\Jobs\\GenerateRentStatement has been attempted too many times.", (*horizon_job("GenerateRentStatement", 0)[:7], php(FW + "Queue/Worker.php", "markJobAsFailedIfAlreadyExceedsMaxAttempts", 596, "Illuminate\\Queue\\Worker", "('redis', Object(Illuminate\\Queue\\Jobs\\RedisJob), 3)", lib=True), php(FW + "Queue/Worker.php", "maxAttemptsExceededException", 856, "Illuminate\\Queue\\Worker", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True), php(FW + "Queue/MaxAttemptsExceededException.php", "::forJob", 24, "Illuminate\\Queue\\MaxAttemptsExceededException", "(Object(Illuminate\\Queue\\Jobs\\RedisJob))", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **HORIZON_ERRORS), see("splunk", line=horizon_line("GenerateRentStatement", "2.41ms"), search="horizon - failed jobs", app="dovecote_ops", owner="ops"), see("splunk", stats={"job": "App\\Jobs\\GenerateRentStatement", "queue": "statements", "failed": "{n}", "last_failed": "{gts}"}, search="horizon - failed jobs by class (hourly)", app="dovecote_ops", owner="ops")),
        classes=(8, 10), entry="App\\Jobs\\GenerateRentStatement"),
    # Listing photos pushed to object storage: warnings whose sizes, durations and hosts
    # change length.
    Bug("dv-photo-sync-slow", "horizon", (),
        (see("splunk", 3, search="horizon - warnings", app="dovecote_ops", owner="ops", line='{"message":"Photo batch for listing {id} synced to {objstore}: {size} in {dur}","context":{"listing_id":{id}},"level":300,"level_name":"WARNING","channel":"production","datetime":"{tsnaive}+00:00","extra":{}}'),),
        classes=(7,)),
    # The pages: the same postcode read in two components.
    Bug("dv-web-propertycard-postcode", "portal-web", (Exc("TypeError", frames=(*VUE_RENDER, js("resources/js/Components/PropertyCard.vue", "addressLine", 23, 41, "PropertyCard")), js=JsError("read-undefined", "property.address", "postcode")),),
        (see("sentry.error", 2, browser="chrome", chunk="PropertyCard"), see("sentry.error", browser="firefox", chunk="PropertyCard", release=1), see("sentry.error", browser="safari", chunk="PropertyCard", raw=True, release=2), see("posthog", browser="chrome", mechanism="generic"), see("posthog", browser="edge", release=1, mechanism="generic"), see("posthog", browser="safari", resolved=True, release=2, mechanism="generic")),
        classes=(3, 4), pair="dv-web-viewingform-postcode", span=3, page="/listings"),
    Bug("dv-web-viewingform-postcode", "portal-web", (Exc("TypeError", frames=(*VUE_MOUNTED, js("resources/js/Pages/Viewings/Create.vue", "prefillAddress", 88, 37, "Create")), js=JsError("read-undefined", "listing.address", "postcode")),),
        (see("sentry.error", 2, browser="chrome", chunk="Create"), see("sentry.error", browser="safari", chunk="Create"), see("posthog", browser="firefox", mechanism="generic"), see("posthog", 2, browser="chrome", resolved=True, mechanism="generic")),
        classes=(3, 4), pair="dv-web-propertycard-postcode", page="/viewings/create"),
    # A landlord's statement page clicking through to a landlord that is not loaded.
    Bug("dv-web-landlord-name", "portal-web", (Exc("TypeError", frames=(*VUE_CLICK, js("resources/js/Pages/Statements/Index.vue", "openLandlord", 112, 19, "Index"), js("resources/js/composables/useLandlordDrawer.js", "open", 14, 27, "Index")), js=JsError("read-undefined", "statement.landlord", "display_name")),),
        (see("sentry.error", browser="chrome", chunk="Index"), see("sentry.error", browser="firefox", chunk="Index"), see("sentry.error", browser="safari", chunk="Index"), see("posthog", browser="edge", mechanism="generic"), see("posthog", browser="firefox", resolved=True, mechanism="generic"), see("posthog", browser="safari", mechanism="generic"), see("posthog", browser="chrome", resolved=True, mechanism="generic")),
        classes=(3,), page="/statements"),
    # After a deploy, open tabs ask for page chunks that no longer exist.
    Bug("dv-web-stale-chunk", "portal-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js("node_modules/@inertiajs/core/dist/index.esm.js", "Router.visit", 1, 9012, "app", lib=True), js("node_modules/@inertiajs/vue3/dist/index.esm.js", "resolveComponent", 1, 2210, "app", lib=True), js("resources/js/app.js", "resolve", 14, 20, "app")), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="Edit", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="Edit", mechanism="onunhandledrejection", release=1), see("posthog", browser="firefox", chunk="Edit", mechanism="onunhandledrejection"), see("posthog", browser="chrome", chunk="Edit", mechanism="onunhandledrejection", release=1), see("posthog", browser="edge", chunk="Edit", mechanism="onunhandledrejection", release=1)),
        classes=(3,), span=2, page="/listings/48213/edit"),
    # Seen once: Safari only, a null read in the maintenance page.
    Bug("dv-web-repair-null", "portal-web", (Exc("TypeError", frames=(*VUE_CLICK, js("resources/js/Pages/Repairs/Show.vue", "assignContractor", 61, 15, "Show")), js=JsError("read-null", "repair.contractor", "id")),),
        (see("sentry.error", browser="safari", chunk="Show"),),
        singleton=True, page="/repairs/9917"),
]

NOISE = [
    Noise("dv-noise-horizon-started", "horizon", "splunk", {"search": "horizon - failed jobs", "app": "dovecote_ops", "owner": "ops", "line": '{"message":"Horizon started successfully.","context":{},"level":200,"level_name":"INFO","channel":"production","datetime":"{tsnaive}+00:00","extra":{}}'}),
    Noise("dv-noise-job-done", "horizon", "splunk", {"search": "horizon - failed jobs", "app": "dovecote_ops", "owner": "ops", "line": "  {gts} App\\Jobs\\GenerateRentStatement ..................................................... 4s DONE"}),
    Noise("dv-noise-maintenance", "portal", "splunk", {"search": "portal - errors", "line": '{"message":"Application is now in maintenance mode.","context":{"release":"2026.11.3"},"level":250,"level_name":"NOTICE","channel":"production","datetime":"{tsnaive}+00:00","extra":{}}'}),
]

DOVECOTE = Company(
    key="as",
    name="Dovecote Lettings",
    domain="dovecote.example",
    sentry_org="dovecote",
    splunk_url="https://dovecote.splunkcloud.com",
    splunk_guid="7A3C1E90-44B2-4F6D-8E15-2B9D0C6A71F4",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(81442, "Dovecote portal"),
    releases=("2026.11.1", "2026.11.2", "2026.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dovecote-sentry-client-secret",
)
# fmt: on
