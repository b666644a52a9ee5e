"""(fn) Ivegill Lettings, a letting agency's platform: a Mezzio 3 API on PHP 8.2 behind
php-fpm (``lettings-api``: listings, viewings, tenancy applications, rent collection through
a payment provider's PHP SDK) over laminas-db on PostgreSQL.

Splunk indexes ``data/logs/app.log`` from laminas-log's ``Stream`` writer with the ``Simple``
formatter (``fn-laminas-simple``: ``<ISO 8601> ERR (3): <message> {"exception":"<Class>:
<message> in <file>:<line>\\nStack trace:\\n#0 ..."}`` written by the team's listener on
Mezzio's ``ErrorHandler``), and php-fpm's error log where an error escapes before the
pipeline (``PHP Fatal error:  Uncaught ...``). Sentry: sentry/sentry 4 (plain PHP SDK, no
framework integration). Datadog: the recommended template, log monitors pasting the stack.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php", "4.10.0", "composer:sentry/sentry")
SERVICES = {
    "lettings-api": Service("lettings-api", "php", "fn-laminas-simple", "ivegill:laminas", "/var/www/app/data/logs/app.log", "fn_prod", 4471301, "php 8.2.26", sdk=SDK),
    "lettings-cli": Service("lettings-cli", "php", "fn-laminas-simple", "ivegill:laminas", "/var/www/app/data/logs/cli.log", "fn_prod", 4471302, "php 8.2.26", sdk=SDK),
}

def internal(function: str, cls: str, args: str) -> Frame:
    """A function PHP implements itself: no file, no line in the trace."""
    return Frame(function, "", 0, cls, False, "", "", 0, args)


V = "/var/www/app/vendor/"
A = "/var/www/app/src/"
SR = "(Object(Laminas\\Diactoros\\ServerRequest))"
SRN = "(Object(Laminas\\Diactoros\\ServerRequest), Object(Laminas\\Stratigility\\Next))"
# Mezzio's pipeline to a routed handler (oldest first).
MEZZIO = (
    php("/var/www/app/public/index.php", "{main}", 29, lib=True),
    php(V + "mezzio/mezzio/src/Application.php", "run", 86, "Mezzio\\Application", "()", lib=True),
    php(V + "laminas/laminas-httphandlerrunner/src/RequestHandlerRunner.php", "run", 75, "Laminas\\HttpHandlerRunner\\RequestHandlerRunner", "()", lib=True),
    php(V + "laminas/laminas-stratigility/src/MiddlewarePipe.php", "handle", 73, "Laminas\\Stratigility\\MiddlewarePipe", SR, lib=True),
    php(V + "laminas/laminas-stratigility/src/Next.php", "handle", 49, "Laminas\\Stratigility\\Next", SR, lib=True),
    php(V + "mezzio/mezzio-router/src/Middleware/DispatchMiddleware.php", "process", 29, "Mezzio\\Router\\Middleware\\DispatchMiddleware", SRN, lib=True),
    php(V + "mezzio/mezzio-router/src/Route.php", "process", 101, "Mezzio\\Router\\Route", SRN, lib=True),
    php(V + "mezzio/mezzio/src/Middleware/LazyLoadingMiddleware.php", "process", 38, "Mezzio\\Middleware\\LazyLoadingMiddleware", SRN, lib=True),
)
CLI = (
    php("/var/www/app/bin/console", "{main}", 21, lib=True),
    php(V + "symfony/console/Application.php", "run", 171, "Symfony\\Component\\Console\\Application", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput))", lib=True),
    php(V + "symfony/console/Command/Command.php", "run", 326, "Symfony\\Component\\Console\\Command\\Command", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))", lib=True),
)
PDO_EXEC = (
    php(V + "laminas/laminas-db/src/Adapter/Driver/Pdo/Statement.php", "execute", 235, "Laminas\\Db\\Adapter\\Driver\\Pdo\\Statement", "()", lib=True),
    internal("execute", "PDOStatement", "()"),
)
TABLE_INSERT = php(V + "laminas/laminas-db/src/TableGateway/AbstractTableGateway.php", "executeInsert", 341, "Laminas\\Db\\TableGateway\\AbstractTableGateway", "(Object(Laminas\\Db\\Sql\\Insert))", lib=True)


def handler(name: str, line: int, method: str = "handle") -> Frame:
    return php(A + f"App/Handler/{name}.php", method, line, f"App\\Handler\\{name}", SR)


def svc(name: str, method: str, line: int, args: str = "()") -> Frame:
    return php(A + f"App/Service/{name}.php", method, line, f"App\\Service\\{name}", args)


def insert_chain(app: tuple, constraint: str, detail: str) -> tuple[Exc, Exc]:
    """laminas-db wrapping the PDOException (the cause) in its InvalidQueryException."""
    pdo = Exc("PDOException", f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}', (*app, TABLE_INSERT, *PDO_EXEC))
    wrapped = Exc("InvalidQueryException", f'Statement could not be executed (23505 - 7 - ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail})', (*app, TABLE_INSERT, PDO_EXEC[0]), module="Laminas\\Db\\Adapter\\Exception")
    return pdo, wrapped


LOGS = {"search": "ivegill app errors", "app": "ivegill"}
FATAL = {"search": "ivegill php-fpm fatals", "app": "ivegill", "kind": "fatal"}
DD = dict(team="lettings", monitor="[lettings] api errors", filter="service:lettings-api status:error", style="stack", lines=8)
DD_CLI = dict(team="lettings", monitor="[lettings] console command failures", filter="service:lettings-cli status:error", text="{{log.attributes.error.kind}}: {{log.attributes.error.message}}\n\n```\n{{log.attributes.error.stack}}\n```", lines=6)

BUGS = [
    # Unique constraints: a viewing booked twice, an application submitted twice.
    Bug("fn-viewing-dup", "lettings-api", insert_chain((*MEZZIO, handler("BookViewingHandler", 47), svc("ViewingService", "book", 62, "(Object(App\\Entity\\Listing), Object(DateTimeImmutable))")), "viewings_listing_id_slot_key", "Key (listing_id, slot)=({id}, 2026-03-1{idx} 1{idx}:00:00) already exists."),
        (see("sentry.error", 3), see("splunk", 3, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="fn-application-dup", entry="POST /listings/{listing_id}/viewings"),
    Bug("fn-application-dup", "lettings-api", insert_chain((*MEZZIO, handler("SubmitApplicationHandler", 58), svc("ApplicationService", "submit", 84, "(Object(App\\Entity\\Listing), Array)")), "applications_listing_id_applicant_email_key", "Key (listing_id, applicant_email)=({id}, {email}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="fn-viewing-dup", entry="POST /listings/{listing_id}/applications"),
    # The same TypeError message from one helper, reached from two handlers.
    Bug("fn-rent-null", "lettings-api", (Exc("TypeError", "App\\Money\\Rent::fromPence(): Argument #1 ($pence) must be of type int, null given, called in /var/www/app/src/App/Handler/ListingHandler.php on line 41", (*MEZZIO, handler("ListingHandler", 41), php(A + "App/Money/Rent.php", "::fromPence", 18, "App\\Money\\Rent", "(NULL)"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("splunk", 2, **FATAL), see("datadog.log", **DD)),
        classes=(4, 5), pair="fn-deposit-null", entry="GET /listings/{listing_id}", span=2),
    Bug("fn-deposit-null", "lettings-api", (Exc("TypeError", "App\\Money\\Rent::fromPence(): Argument #1 ($pence) must be of type int, null given, called in /var/www/app/src/App/Service/DepositService.php on line 33", (*MEZZIO, handler("TenancyOfferHandler", 52), svc("DepositService", "depositFor", 33, "(Object(App\\Entity\\Listing))"), php(A + "App/Money/Rent.php", "::fromPence", 18, "App\\Money\\Rent", "(NULL)"))),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="fn-rent-null", entry="POST /tenancies/{tenancy_id}/offer"),
    # One payment call: a declined card and the provider's rate limit.
    Bug("fn-pay-declined", "lettings-api", (Exc("CardException", "Your card was declined.", (*MEZZIO, handler("CollectRentHandler", 39), svc("RentCollector", "charge", 71, "(Object(App\\Entity\\Tenancy), 1{n}00)"), php(V + "stripe/stripe-php/lib/Service/PaymentIntentService.php", "create", 191, "Stripe\\Service\\PaymentIntentService", "(Array, NULL)", lib=True), php(V + "stripe/stripe-php/lib/ApiRequestor.php", "::_specificAPIError", 227, "Stripe\\ApiRequestor", "('{\\n  \"error\": {\\n...', 402, Object(Stripe\\Util\\CaseInsensitiveArray), Array, Array)", lib=True)), module="Stripe\\Exception"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(9,), pair="fn-pay-ratelimit", entry="POST /tenancies/{tenancy_id}/rent"),
    Bug("fn-pay-ratelimit", "lettings-cli", (Exc("RateLimitException", "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.", (*CLI, php(A + "App/Command/CollectDueRentCommand.php", "execute", 64, "App\\Command\\CollectDueRentCommand", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), svc("RentCollector", "charge", 71, "(Object(App\\Entity\\Tenancy), 1{n}00)"), php(V + "stripe/stripe-php/lib/Service/PaymentIntentService.php", "create", 191, "Stripe\\Service\\PaymentIntentService", "(Array, NULL)", lib=True), php(V + "stripe/stripe-php/lib/ApiRequestor.php", "::_specificAPIError", 233, "Stripe\\ApiRequestor", "('{\\n  \"error\": {\\n...', 429, Object(Stripe\\Util\\CaseInsensitiveArray), Array, Array)", lib=True)), module="Stripe\\Exception"),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD_CLI)),
        classes=(9,), pair="fn-pay-declined", entry="rent:collect-due"),
    # The same service method: a missing row and an invalid state.
    Bug("fn-tenancy-missing", "lettings-api", (Exc("TenancyNotFound", "Tenancy {id} not found", (*MEZZIO, handler("TenancyHandler", 30), svc("TenancyService", "get", 45, "({id})")), module="App\\Exception"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS)),
        classes=(4,), pair="fn-tenancy-state", entry="GET /tenancies/{tenancy_id}"),
    Bug("fn-tenancy-state", "lettings-api", (Exc("DomainException", "Cannot sign tenancy {id} in state 'withdrawn'", (*MEZZIO, handler("SignTenancyHandler", 36), svc("TenancyService", "sign", 97, "(Object(App\\Entity\\Tenancy), Object(App\\Entity\\Signature))"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="fn-tenancy-missing", entry="POST /tenancies/{tenancy_id}/sign"),
    # Mezzio's error handler turns the same warning into an ErrorException in two handlers.
    Bug("fn-postcode-search", "lettings-api", (Exc("ErrorException", "Undefined array key \"postcode\"", (*MEZZIO, handler("ListingSearchHandler", 34), svc("ListingSearch", "fromQuery", 22, "(Array)"))),),
        (see("sentry.error", 3), see("splunk", 3, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="fn-postcode-landlord", entry="GET /listings"),
    Bug("fn-postcode-landlord", "lettings-api", (Exc("ErrorException", "Undefined array key \"postcode\"", (*MEZZIO, handler("RegisterLandlordHandler", 49), svc("AddressNormaliser", "normalise", 17, "(Array)"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", 2, **DD)),
        classes=(4,), pair="fn-postcode-search", entry="POST /landlords"),
    # Not pairs.
    Bug("fn-epc-json", "lettings-cli", (Exc("JsonException", "Syntax error", (*CLI, php(A + "App/Command/ImportEpcCommand.php", "execute", 48, "App\\Command\\ImportEpcCommand", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), internal("json_decode", "", "('<!DOCTYPE html>...', true, 512, 4194304)"))),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD_CLI)),
        classes=(5,), entry="epc:import"),
    Bug("fn-container-missing", "lettings-api", (Exc("ServiceNotFoundException", "Unable to resolve service \"App\\Handler\\LandlordStatementHandler\" to a factory; are you certain you provided it during configuration?", (*MEZZIO, php(V + "laminas/laminas-servicemanager/src/ServiceManager.php", "get", 195, "Laminas\\ServiceManager\\ServiceManager", "('App\\\\Handler\\\\Lan...')", lib=True), php(V + "laminas/laminas-servicemanager/src/ServiceManager.php", "getFactory", 608, "Laminas\\ServiceManager\\ServiceManager", "('App\\\\Handler\\\\Lan...')", lib=True)), module="Laminas\\ServiceManager\\Exception"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(5,), entry="GET /landlords/{landlord_id}/statement", span=1),
    Bug("fn-memory-fatal", "lettings-api", (Exc("Error", "Allowed memory size of 134217728 bytes exhausted (tried to allocate {n}0960 bytes)", (*MEZZIO, handler("ExportListingsHandler", 27), svc("CsvExporter", "all", 52, "()"))),),
        (see("splunk", 3, **FATAL), see("datadog.log", **DD)),
        entry="GET /listings/export.csv"),
    Bug("fn-db-gone", "lettings-cli", (Exc("PDOException", "SQLSTATE[08006] [7] connection to server at \"pg-main.ivegill.internal\" (10.20.{idx}.5), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?", (*CLI, php(A + "App/Command/SendRentRemindersCommand.php", "execute", 39, "App\\Command\\SendRentRemindersCommand", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), php(V + "laminas/laminas-db/src/Adapter/Driver/Pdo/Connection.php", "connect", 288, "Laminas\\Db\\Adapter\\Driver\\Pdo\\Connection", "()", lib=True), internal("__construct", "PDO", "('pgsql:host=pg-ma...', 'lettings', Object(SensitiveParameterValue), Array)"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD_CLI)),
        classes=(10,), entry="rent:reminders"),
    Bug("fn-photo-singleton", "lettings-api", (Exc("ValueError", "imagecreatefromstring(): Argument #1 ($data) cannot be empty", (*MEZZIO, handler("UploadPhotoHandler", 44), svc("PhotoResizer", "thumb", 21, "('')"), internal("imagecreatefromstring", "", "('')"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /listings/{listing_id}/photos"),
    # A notice line the team logs for slow queries.
    Bug("fn-slow-query", "lettings-api", (),
        (see("splunk", 3, search="ivegill slow queries", app="ivegill", line="2026-03-0{idx}T1{idx}:0{idx}:{n}+00:00 WARN (4): slow query {ms}ms on listings search {{\"sql\":\"SELECT ...\",\"request_id\":\"{hex}\"}}"), see("datadog.log", 2, team="lettings", monitor="[lettings] slow queries", filter="service:lettings-api status:warn", text="slow query {ms}ms")),
        classes=(7,)),
]

NOISE = [
    Noise("fn-noise-deploy", "lettings-api", "datadog.event", {"monitor": "Deployer", "text": "lettings-api release 2026.03.2 deployed to web-1, web-2 (opcache reset).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fn-noise-fpm", "lettings-api", "splunk", {"search": "ivegill php-fpm fatals", "line": "[04-Mar-2026 06:25:01] NOTICE: fpm is running, pid 1"}),
    Noise("fn-noise-recovered", "lettings-api", "datadog.log", {"monitor": "[lettings] api errors", "text": "Recovered: lettings-api errors back under the threshold.", "transition": "Recovered", "alert_type": "success"}),
]

IVEGILL = Company(
    key="fn",
    name="Ivegill Lettings",
    domain="ivegill-lettings.example",
    sentry_org="ivegill",
    splunk_url="https://ivegill.splunkcloud.com",
    splunk_guid="5D2F8A61-9C3E-4B7A-A0D4-1E6B3F9C2A77",
    datadog_org=("705513", "Ivegill Lettings"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ivegill-sentry-client-secret",
)
# fmt: on
