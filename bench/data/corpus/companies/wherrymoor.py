"""(cb) Wherrymoor Allotments, plot lettings for a group of parish councils: a Slim 4 API on
PHP 8.3 (``plots-api``: plots, tenants, the waiting list, a GoCardless webhook; PHP-DI,
Doctrine DBAL 4 over MySQL 8, Guzzle), PHP CLI scripts run by cron (``cron``: yearly
renewals, waiting-list offers by e-mail, direct-debit collection) and the public site
(``site``, TypeScript with Leaflet built by Vite, ``/assets/chunk-<HASH>.js``).

Sentry: the plain PHP SDK (sentry/sentry 4, ``\\Sentry\\captureException`` from the Slim error
handler and the scripts' ``catch``), @sentry/browser on the site. Splunk: Slim's own error log
(``ErrorMiddleware`` with ``logErrors``: the ``PlainTextErrorRenderer`` text through
``error_log``, each previous exception under "Previous Error:"), read from php-fpm's stderr;
one pool still decorates every line ("child N said into stderr"); php-fpm's slow log; the
scripts' Monolog ``LineFormatter`` with stack traces. PostHog: posthog-js exception
autocapture on the site. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import WWW, js, php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php", "4.10.0", "composer:sentry/sentry")
SERVICES = {
    "plots-api": Service("plots-api", "php", "cb-slim-errorlog", "wherrymoor:fpm:stderr", "/var/log/containers/plots-api-fpm.log", "wm_prod", 7420031, "php 8.3.14", framework="generic", sdk=SDK),
    "cron": Service("cron", "php", "cb-monolog-cli", "wherrymoor:cron:monolog", "/var/log/wherrymoor/cron.log", "wm_prod", 7420034, "php 8.3.14", framework="generic", sdk=SDK),
    "site": Service("site", "javascript", "", "", "", "", 7420037, origin="https://plots.wherrymoor.example", framework="onerror", sdk=("sentry.javascript.browser", "8.38.0", "npm:@sentry/browser")),
}

SLIM = WWW + "vendor/slim/slim/Slim/"
DBAL = WWW + "vendor/doctrine/dbal/src/"
GUZZLE = WWW + "vendor/guzzlehttp/guzzle/src/"
REQ = "(Object(Slim\\Psr7\\Request))"
ANON = "Psr\\Http\\Server\\RequestHandlerInterface@anonymous"


def app(file: str, cls: str, function: str, line: int, args: str = "()") -> Frame:
    return php(f"src/{file}", function, line, f"Wherrymoor\\{cls}", args)


def slim(action: str) -> tuple[Frame, ...]:
    """A Slim 4 request down to the action's ``__invoke`` (oldest first)."""
    return (
        php("public/index.php", "{main}", 34, lib=True),
        php(SLIM + "App.php", "run", 209, "Slim\\App", "(Object(Slim\\Psr7\\Request))", lib=True),
        php(SLIM + "App.php", "handle", 225, "Slim\\App", REQ, lib=True),
        php(SLIM + "MiddlewareDispatcher.php", "handle", 65, "Slim\\MiddlewareDispatcher", REQ, lib=True),
        php(SLIM + "MiddlewareDispatcher.php", "handle", 121, ANON, REQ, lib=True),
        php(SLIM + "Middleware/ErrorMiddleware.php", "process", 76, "Slim\\Middleware\\ErrorMiddleware", f"(Object(Slim\\Psr7\\Request), Object({ANON}))", lib=True),
        php(SLIM + "MiddlewareDispatcher.php", "handle", 121, ANON, REQ, lib=True),
        php(SLIM + "Middleware/RoutingMiddleware.php", "process", 58, "Slim\\Middleware\\RoutingMiddleware", "(Object(Slim\\Psr7\\Request), Object(Slim\\Routing\\RouteRunner))", lib=True),
        php(SLIM + "Routing/RouteRunner.php", "handle", 72, "Slim\\Routing\\RouteRunner", REQ, lib=True),
        php(SLIM + "Routing/Route.php", "handle", 321, "Slim\\Routing\\Route", REQ, lib=True),
        php(SLIM + "MiddlewareDispatcher.php", "handle", 65, "Slim\\MiddlewareDispatcher", REQ, lib=True),
        php(SLIM + "Routing/Route.php", "handle", 365, "Slim\\Routing\\Route", REQ, lib=True),
        php(SLIM + "Handlers/Strategies/RequestResponse.php", "__invoke", 38, "Slim\\Handlers\\Strategies\\RequestResponse", f"(Object(Wherrymoor\\Action\\{action}), Object(Slim\\Psr7\\Request), Object(Slim\\Psr7\\Response), Array)", lib=True),
    )


def action(folder: str, name: str, line: int) -> tuple[Frame, ...]:
    """The Slim stack and the action itself."""
    cls = f"{folder}\\{name}"
    return (*slim(cls), app(f"Action/{folder}/{name}.php", f"Action\\{cls}", "__invoke", line, "(Object(Slim\\Psr7\\Request), Object(Slim\\Psr7\\Response), Array)"))


def cli(script: str, cls: str, line: int) -> tuple[Frame, ...]:
    """A cron script's ``{main}`` calling its job's ``run()``."""
    return (php(f"bin/{script}", "{main}", 22, lib=True), app(f"Job/{cls}.php", f"Job\\{cls}", "run", line))


def dbal_unique(table: str, key: str, value: str, app_frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """DBAL 4 converting the driver's exception (cause first): PDO's, then DBAL's own."""
    pdo = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{value}' for key '{table}.{key}'"
    execute = (
        *app_frames,
        php(DBAL + "Connection.php", "insert", 354, "Doctrine\\DBAL\\Connection", f"('{table}', Array)", lib=True),
        php(DBAL + "Connection.php", "executeStatement", 987, "Doctrine\\DBAL\\Connection", f"('INSERT INTO {table} ...', Array, Array)", lib=True),
    )
    return (
        Exc("PDOException", pdo, (*execute, php(DBAL + "Driver/PDO/Statement.php", "execute", 55, "Doctrine\\DBAL\\Driver\\PDO\\Statement", "()", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()"))),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", f"An exception occurred while executing a query: {pdo}", (*execute, php(DBAL + "Connection.php", "convertExceptionDuringQuery", 1001, "Doctrine\\DBAL\\Connection", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), 'INSERT INTO ...', Array, Array)", lib=True), php(DBAL + "Connection.php", "handleDriverException", 1456, "Doctrine\\DBAL\\Connection", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), Object(Doctrine\\DBAL\\Query))", lib=True), php(DBAL + "Driver/API/MySQL/ExceptionConverter.php", "convert", 53, "Doctrine\\DBAL\\Driver\\API\\MySQL\\ExceptionConverter", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), Object(Doctrine\\DBAL\\Query))", lib=True))),
    )


# Both partners' JSON comes through one client: its ``getJson`` ends both connection failures.
GET_JSON = app("Http/ApiClient.php", "Http\\ApiClient", "getJson", 41, "('{url}')")
GUZZLE_GET = (
    php(GUZZLE + "Client.php", "request", 189, "GuzzleHttp\\Client", "('GET', '{url}', Array)", lib=True),
    php(GUZZLE + "Promise/Promise.php", "wait", 119, "GuzzleHttp\\Promise\\Promise", "()", lib=True),
    php(GUZZLE + "Handler/CurlFactory.php", "::finishError", 276, "GuzzleHttp\\Handler\\CurlFactory", "(Object(GuzzleHttp\\Handler\\CurlHandler), Object(GuzzleHttp\\Handler\\EasyHandle), Object(GuzzleHttp\\Handler\\CurlFactory))", lib=True),
)


def connect_timeout(url: str, app_frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    frames = tuple(f if "{url}" not in f.args else Frame(f.function, f.file, f.line, f.module, f.in_app, args=f.args.replace("{url}", url)) for f in (*app_frames, GET_JSON, *GUZZLE_GET))
    return (Exc("GuzzleHttp\\Exception\\ConnectException", f"cURL error 28: Connection timed out after 5001 milliseconds (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for {url}", frames),)


NULL_AREA = "Call to a member function getAreaM2() on null"
API = {"search": "plots-api errors (fpm stderr)"}
FPM = {**API, "fpm": True}
CRON = {"search": "cron script errors"}
MAP = "index"

BUGS = [
    # A plot row whose site was archived: the plot page and the renewal run both ask it for its area.
    Bug("cb-area-null-plot", "plots-api", (Exc("Error", NULL_AREA, (*action("Plot", "ShowPlotAction", 37), app("Rent/RentCalculator.php", "Rent\\RentCalculator", "annual", 29, "(Object(Wherrymoor\\Domain\\Plot))"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", **API), see("splunk", **FPM) ),
        classes=(4,), pair="cb-area-null-renewal", entry="GET /plots/{id}", span=2),
    Bug("cb-area-null-renewal", "cron", (Exc("Error", NULL_AREA, (*cli("renewals.php", "RenewalRun", 48), app("Billing/InvoiceBuilder.php", "Billing\\InvoiceBuilder", "build", 63, "(Object(Wherrymoor\\Domain\\Tenancy))"))),),
        (see("sentry.error", 2), see("splunk", 2, **CRON)),
        log="Renewal failed for tenancy {id}", classes=(4,), pair="cb-area-null-plot", entry="renewals"),
    # One duplicate per table: a tenant's e-mail, a person on one site's waiting list twice.
    Bug("cb-tenant-email-unique", "plots-api", dbal_unique("tenants", "email_unique", "{email}", (*action("Tenant", "CreateTenantAction", 44), app("Repository/TenantRepository.php", "Repository\\TenantRepository", "insert", 31, "(Object(Wherrymoor\\Domain\\Tenant))"))),
        (see("sentry.error", 3), see("splunk", **API), see("splunk", **FPM)),
        classes=(4,), pair="cb-waitlist-unique", entry="POST /tenants"),
    Bug("cb-waitlist-unique", "plots-api", dbal_unique("waiting_list", "site_person_unique", "{n}-{id}", (*action("WaitingList", "JoinAction", 39), app("Repository/WaitingListRepository.php", "Repository\\WaitingListRepository", "add", 27, "(37, Object(Wherrymoor\\Domain\\Person))"))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4,), pair="cb-tenant-email-unique", entry="POST /sites/{id}/waiting-list"),
    # One method, two errors: a rate stored as a string with a comma, a plot measured as 0 m².
    Bug("cb-rent-typeerror", "plots-api", (Exc("TypeError", "Unsupported operand types: string * float", (*action("Plot", "QuoteAction", 30), app("Rent/RentCalculator.php", "Rent\\RentCalculator", "annual", 33, "(Object(Wherrymoor\\Domain\\Plot))"))),),
        (see("sentry.error", 3), see("sentry.alert", rule="plots-api: any new error"), see("splunk", **FPM), see("splunk", **API)),
        classes=(4,), pair="cb-rent-divzero", entry="GET /plots/{id}/quote"),
    Bug("cb-rent-divzero", "plots-api", (Exc("DivisionByZeroError", "Division by zero", (*action("Plot", "QuoteAction", 30), app("Rent/RentCalculator.php", "Rent\\RentCalculator", "annual", 36, "(Object(Wherrymoor\\Domain\\Plot))"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API)),
        classes=(4,), pair="cb-rent-typeerror", entry="GET /plots/{id}/quote", span=2),
    # Two partners unreachable through one client: the postcode lookup (API), GoCardless (cron).
    Bug("cb-postcode-connect", "plots-api", connect_timeout("https://api.postcodes.example/postcodes/{id}", (*action("Site", "NearbyAction", 26), app("Geo/PostcodeLookup.php", "Geo\\PostcodeLookup", "locate", 22, "('{id}')"))),
        (see("sentry.error", 3), see("splunk", **FPM), see("splunk", **API)),
        classes=(9,), pair="cb-gocardless-connect", entry="GET /sites/nearby"),
    Bug("cb-gocardless-connect", "cron", connect_timeout("https://api.gocardless.com/mandates/MD000{n}", (*cli("collect-debits.php", "CollectDebits", 57), app("Payments/GoCardless.php", "Payments\\GoCardless", "mandate", 34, "('MD000{n}')"))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **CRON)),
        log="Direct debit collection failed for tenancy {id}", classes=(9,), pair="cb-postcode-connect", entry="collect-debits"),
    # The offers script's mail relay refusing TLS; the job class was renamed in 2026.3.
    Bug("cb-offers-smtp", "cron", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Connection could not be established with host "ssl://smtp.eu.mailgun.org:465": stream_socket_client(): Unable to connect to ssl://smtp.eu.mailgun.org:465 (Connection timed out)', (*cli("offers.php", "SendOffers", 41), app("Mail/OfferMailer.php", "Mail\\OfferMailer", "send", 28, "(Object(Wherrymoor\\Domain\\Offer))"), php(WWW + "vendor/symfony/mailer/Mailer.php", "send", 51, "Symfony\\Component\\Mailer\\Mailer", "(Object(Symfony\\Component\\Mime\\Email), NULL)", lib=True), php(WWW + "vendor/symfony/mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", "()", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 3, **CRON)),
        log="Could not send waiting-list offer {id}", classes=(5,), entry="offers", span=3, renames={"run": "__invoke"}),
    # The long-running debit script outliving MySQL's wait_timeout.
    Bug("cb-mysql-gone", "cron", (Exc("PDOException", "SQLSTATE[HY000]: General error: 2006 MySQL server has gone away", (*cli("collect-debits.php", "CollectDebits", 71), app("Repository/TenancyRepository.php", "Repository\\TenancyRepository", "markCollected", 52, "({id})"), php(DBAL + "Connection.php", "executeStatement", 987, "Doctrine\\DBAL\\Connection", "('UPDATE tenancies...', Array, Array)", lib=True), Frame("execute", "", 0, "PDOStatement", False, args="()"))), Exc("Doctrine\\DBAL\\Exception\\ConnectionLost", "An exception occurred in the driver: SQLSTATE[HY000]: General error: 2006 MySQL server has gone away", (*cli("collect-debits.php", "CollectDebits", 71), app("Repository/TenancyRepository.php", "Repository\\TenancyRepository", "markCollected", 52, "({id})"), php(DBAL + "Connection.php", "executeStatement", 987, "Doctrine\\DBAL\\Connection", "('UPDATE tenancies...', Array, Array)", lib=True), php(DBAL + "Driver/API/MySQL/ExceptionConverter.php", "convert", 92, "Doctrine\\DBAL\\Driver\\API\\MySQL\\ExceptionConverter", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), Object(Doctrine\\DBAL\\Query))", lib=True)))),
        (see("sentry.error", 2), see("splunk", 2, **CRON)),
        log="Direct debit collection failed for tenancy {id}", entry="collect-debits"),
    # The map and the printable plan both read a plot's missing geometry.
    Bug("cb-js-map-geometry", "site", (Exc("TypeError", frames=(js("node_modules/leaflet/dist/leaflet-src.js", "fire", 593, 12, MAP, lib=True), js("src/map/plotLayer.ts", "onPlotClick", 52, 21, MAP), js("src/map/plotLayer.ts", "outline", 18, 40, MAP)), js=JsError("read-null", "plot.geometry", "coordinates")),),
        (see("sentry.error", 2, browser="chrome", chunk=MAP), see("sentry.error", browser="firefox", chunk=MAP), see("posthog", browser="safari", chunk=MAP), see("posthog", browser="edge", chunk=MAP, resolved=True)),
        classes=(3, 4), pair="cb-js-print-geometry", page="/sites"),
    Bug("cb-js-print-geometry", "site", (Exc("TypeError", frames=(js("src/print/planPage.ts", "renderPlan", 33, 9, MAP), js("src/print/planPage.ts", "scaleBar", 71, 28, MAP)), js=JsError("read-null", "plot.geometry", "coordinates")),),
        (see("sentry.error", browser="chrome", chunk=MAP), see("posthog", 2, browser="firefox", chunk=MAP), see("posthog", browser="chrome", chunk=MAP, release=1)),
        classes=(3, 4), pair="cb-js-map-geometry", page="/plots/print", span=2),
    # The availability fetch failing on flaky mobile connections, in each browser's words.
    Bug("cb-js-fetch-failed", "site", (Exc("TypeError", "Failed to fetch", (js("src/api.ts", "getJson", 12, 22, MAP), js("src/sites/availability.ts", "loadAvailability", 27, 18, MAP)), engines={"spidermonkey": "NetworkError when attempting to fetch resource.", "jsc": "Load failed"}),),
        (see("sentry.error", browser="chrome", chunk=MAP), see("sentry.error", browser="safari", chunk=MAP), see("posthog", browser="firefox", chunk=MAP), see("posthog", 2, browser="edge", chunk=MAP)),
        classes=(3,), page="/sites"),
    # The offers script's bounce warning: one template, no bug.
    Bug("cb-offer-bounced", "cron", (),
        (see("splunk", 4, search="cron warnings", line='[{tsnaive}+00:00] cron.WARNING: Offer e-mail to {email} bounced after {dur} {"size":"{size}","relay":"{relay}"} []'),),
        classes=(7,)),
    # Seen once: GoCardless' webhook with a truncated body.
    Bug("cb-webhook-json", "plots-api", (Exc("JsonException", "Syntax error", (*action("Webhook", "GoCardlessAction", 29), Frame("json_decode", "", 0, "", False, args="('{\"events\":[{\"id...', true, 512, 4194304)"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /webhooks/gocardless"),
]

NOISE = [
    Noise("cb-noise-offers-sent", "cron", "splunk", {**CRON, "line": '[{tsnaive}+00:00] cron.INFO: Waiting-list offers sent {"offers":{n},"sites":{idx}} []'}),
    Noise("cb-noise-renewals-done", "cron", "splunk", {**CRON, "line": "[{tsnaive}+00:00] cron.INFO: Renewal run finished {\"invoices\":{n},\"skipped\":0} []"}),
    Noise("cb-noise-sentry-resolved", "plots-api", "sentry.metric", {"rule": "plots-api error count", "aggregate": "count()", "action": "resolved", "value": "{idx}"}),
]

WHERRYMOOR = Company(
    key="cb",
    name="Wherrymoor Allotments",
    domain="wherrymoor.example",
    sentry_org="wherrymoor",
    splunk_url="https://wherrymoor.splunkcloud.com",
    splunk_guid="3D8E5A10-C7F2-49B6-8E41-F09B2A6C5D73",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(70455, "Wherrymoor site"),
    releases=("2026.2.4", "2026.3.0", "2026.3.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="wherrymoor-sentry-client-secret",
)
