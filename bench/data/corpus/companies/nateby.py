"""(jn) Nateby Lettings, a letting agent's portal: a Symfony 7.1 app on PHP 8.3
(``lettings-web``: listings, viewings, tenancies, deposits, a JSON API for the landlords'
app; Doctrine ORM 3 on PostgreSQL), its Messenger workers (``lettings-worker``:
``messenger:consume async`` requesting tenant references, protecting deposits with the
deposit scheme, rendering agreements, sending mail) and a nightly ``bin/console`` cron
(``lettings-cron``: rent schedules and arrears notices).

The web and worker containers log Monolog's ``JsonFormatter`` to stderr (``jn-monolog-json``):
the Splunk OTel collector forwards them, and the Datadog agent reads them too; a failed message
is logged with Messenger's ``HandlerFailedException`` over the handler's exception. The cron
writes Monolog's ``LineFormatter`` to ``var/log/prod.log`` (``jn-monolog-line``), read by the
universal forwarder. Sentry: sentry-symfony (which reports the handler's exception, not the
wrapper). Datadog: log monitors only, on the team's own template. No PostHog, no APM.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import php

# fmt: off
SDK = ("sentry.php.symfony", "5.1.0", "composer:sentry/sentry-symfony")
SERVICES = {
    "lettings-web": Service("lettings-web", "php", "jn-monolog-json", "kube:container:lettings-web", "kubernetes/lettings/lettings-web", "lettings", 6120901, "php 8.3.15", framework="symfony", sdk=SDK),
    "lettings-worker": Service("lettings-worker", "php", "jn-monolog-json", "kube:container:lettings-worker", "kubernetes/lettings/lettings-worker", "lettings", 6120902, "php 8.3.15", framework="symfony", sdk=SDK),
    "lettings-cron": Service("lettings-cron", "php", "jn-monolog-line", "symfony:prod", "/srv/lettings/var/log/prod.log", "lettings", 6120903, "php 8.3.15", framework="symfony", sdk=SDK),
}
ROOT = "/srv/lettings/"
SF = ROOT + "vendor/symfony/"
DOCTRINE = ROOT + "vendor/doctrine/"
REQ = "(Object(Symfony\\Component\\HttpFoundation\\Request))"
HTTP = (
    php(ROOT + "public/index.php", "{main}", 5, lib=True),
    php(ROOT + "vendor/autoload_runtime.php", "require_once", 29, "", "('/srv/lettings/...')", lib=True),
    php(SF + "runtime/Runner/Symfony/HttpKernelRunner.php", "run", 35, "Symfony\\Component\\Runtime\\Runner\\Symfony\\HttpKernelRunner", lib=True),
    php(SF + "http-kernel/Kernel.php", "handle", 197, "Symfony\\Component\\HttpKernel\\Kernel", REQ, lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handle", 76, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1, true)", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handleRaw", 183, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1)", lib=True),
)
WORKER = (
    php(ROOT + "bin/console", "{main}", 15, lib=True),
    php(SF + "console/Application.php", "run", 181, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "messenger/Command/ConsumeMessagesCommand.php", "execute", 252, "Symfony\\Component\\Messenger\\Command\\ConsumeMessagesCommand", lib=True),
    php(SF + "messenger/Worker.php", "run", 115, "Symfony\\Component\\Messenger\\Worker", "(Array)", lib=True),
    php(SF + "messenger/Worker.php", "handleMessage", 162, "Symfony\\Component\\Messenger\\Worker", "(Object(Symfony\\Component\\Messenger\\Envelope), 'async')", lib=True),
    php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 129, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True),
    php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "callHandler", 159, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Closure), Object(App\\Message\\Msg), NULL, NULL)", lib=True),
)
CONSOLE = (
    php(ROOT + "bin/console", "{main}", 15, lib=True),
    php(SF + "console/Application.php", "run", 181, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "console/Command/Command.php", "run", 279, "Symfony\\Component\\Console\\Command\\Command", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))", lib=True),
)


def app(file: str, cls: str, function: str, line: int, args: str = "()") -> Frame:
    return php(f"{ROOT}src/{file}", function, line, f"App\\{cls}", args)


def ctrl(name: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*HTTP, app(f"Controller/{name}.php", f"Controller\\{name}", method, line, REQ), *more)


def handler(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    msg = name.removesuffix("Handler")
    return (*WORKER, app(f"MessageHandler/{name}.php", f"MessageHandler\\{name}", "__invoke", line, f"(Object(App\\Message\\{msg}))"), *more)


def command(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*CONSOLE, app(f"Command/{name}.php", f"Command\\{name}", "execute", line, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), *more)


def dbal(name: str, message: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """A Doctrine flush failing in PostgreSQL: the driver's exception, then DBAL's own."""
    flush = (
        *frames,
        php(DOCTRINE + "orm/src/EntityManager.php", "flush", 268, "Doctrine\\ORM\\EntityManager", lib=True),
        php(DOCTRINE + "orm/src/UnitOfWork.php", "commit", 426, "Doctrine\\ORM\\UnitOfWork", lib=True),
        php(DOCTRINE + "orm/src/Persisters/Entity/BasicEntityPersister.php", "executeInserts", 254, "Doctrine\\ORM\\Persisters\\Entity\\BasicEntityPersister", lib=True),
        php(DOCTRINE + "dbal/src/Statement.php", "executeStatement", 161, "Doctrine\\DBAL\\Statement", lib=True),
    )
    return (
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", message, (*flush, php(DOCTRINE + "dbal/src/Driver/PDO/Statement.php", "execute", 55, "Doctrine\\DBAL\\Driver\\PDO\\Statement", lib=True))),
        Exc(f"Doctrine\\DBAL\\Exception\\{name}", f"An exception occurred while executing a query: {message}", (*flush, php(DOCTRINE + "dbal/src/Connection.php", "convertExceptionDuringQuery", 1455, "Doctrine\\DBAL\\Connection", lib=True), php(DOCTRINE + "dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php", "convert", 71, "Doctrine\\DBAL\\Driver\\API\\PostgreSQL\\ExceptionConverter", lib=True))),
    )


def unique(constraint: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    detail = f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key ({key})=({{id}}, {{n}}) already exists.'
    return dbal("UniqueConstraintViolationException", detail, frames)


PARTNER = (
    app("Partner/PartnerClient.php", "Partner\\PartnerClient", "send", 73, "('POST', '/v2/...', Array)"),
    php(SF + "http-client/Response/CommonResponseTrait.php", "toArray", 56, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", "()", lib=True),
    php(SF + "http-client/Response/CommonResponseTrait.php", "checkStatusCode", 168, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", "()", lib=True),
)
RENT = "Rent/RentScheduleBuilder.php"
GETID_NULL = "Call to a member function getId() on null"

JSON_TEXT = "{{log.attributes.message}}\n\n**exception:** `{{log.attributes.context.exception.class}}`\n**at:** {{log.attributes.context.exception.file}}\n**channel:** {{log.attributes.channel}} / {{log.attributes.level_name}}"
WEB = dict(team="lettings", monitor="[lettings] request.CRITICAL", filter="service:lettings-web @channel:request @level_name:CRITICAL", text=JSON_TEXT)
RETRY = dict(team="lettings", monitor="[lettings] messenger retries", filter="service:lettings-worker @channel:messenger @level_name:WARNING", text=JSON_TEXT, kind="retry")
FAILED = dict(team="lettings", monitor="[lettings-worker] messages removed after retries", filter="service:lettings-worker @channel:messenger @level_name:CRITICAL", text="A message was removed from the transport.\n\n{{log.attributes.context.error}}\n\nprevious: `{{log.attributes.context.exception.previous.class}}` at {{log.attributes.context.exception.previous.file}}", kind="failed")
SPL_WEB = dict(search="lettings-web - CRITICAL", owner="ops_lettings", app="lettings")
SPL_RETRY = dict(search="lettings-worker - messenger errors", owner="ops_lettings", app="lettings", kind="retry")
SPL_FAILED = dict(search="lettings-worker - messenger errors", owner="ops_lettings", app="lettings", kind="failed")
SPL_CRON = dict(search="lettings cron - console.CRITICAL", owner="ops_lettings", app="lettings")

BUGS = [
    # getId() on null: a deposit without its tenancy (web), an inventory without its property (worker).
    Bug("jn-deposit-null", "lettings-web", (Exc("Error", GETID_NULL, ctrl("DepositController", "protect", 44, app("Deposit/DepositRegistrar.php", "Deposit\\DepositRegistrar", "register", 37, "(Object(App\\Entity\\Deposit))"))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_WEB), see("datadog.log", 2, **WEB)),
        classes=(4, 5), pair="jn-inventory-null", entry="POST /tenancies/{id}/deposit/protect", span=2, renames={"protect": "register"}),
    Bug("jn-inventory-null", "lettings-worker", (Exc("Error", GETID_NULL, handler("GenerateInventoryHandler", 41, app("Inventory/InventoryBuilder.php", "Inventory\\InventoryBuilder", "build", 29, "(Object(App\\Entity\\Tenancy))"))),),
        (see("sentry.error", 2), see("splunk", **SPL_RETRY), see("splunk", **SPL_FAILED), see("datadog.log", **RETRY)),
        classes=(4,), pair="jn-deposit-null", entry="App\\Message\\GenerateInventory"),
    # Unique violations on two constraints.
    Bug("jn-viewing-unique", "lettings-web", unique("uniq_viewing_property_slot", "property_id, starts_at", ctrl("ViewingController", "book", 67, app("Viewing/ViewingBooker.php", "Viewing\\ViewingBooker", "book", 52, "(Object(App\\Entity\\Property), Object(DateTimeImmutable))"))),
        (see("sentry.error", 3), see("splunk", 2, **SPL_WEB), see("datadog.log", **WEB)),
        classes=(4,), pair="jn-tenancy-unique", entry="POST /properties/{id}/viewings"),
    Bug("jn-tenancy-unique", "lettings-web", unique("uniq_tenancy_property_start", "property_id, starts_on", ctrl("TenancyController", "create", 88, app("Tenancy/TenancyFactory.php", "Tenancy\\TenancyFactory", "fromOffer", 46, "(Object(App\\Entity\\Offer))"))),
        (see("sentry.error", 2), see("splunk", 2, **SPL_WEB), see("datadog.log", **WEB)),
        classes=(4,), pair="jn-viewing-unique", entry="POST /offers/{id}/accept"),
    # One RentScheduleBuilder::build, two exceptions.
    Bug("jn-rent-division", "lettings-worker", (Exc("DivisionByZeroError", "Division by zero", handler("GenerateRentScheduleHandler", 33, app(RENT, "Rent\\RentScheduleBuilder", "build", 58, "(Object(App\\Entity\\Tenancy))"), app(RENT, "Rent\\RentScheduleBuilder", "instalment", 91, "(Object(App\\Money\\Money), 0)"))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_RETRY), see("datadog.log", **RETRY)),
        classes=(4,), pair="jn-rent-date", entry="App\\Message\\GenerateRentSchedule"),
    Bug("jn-rent-date", "lettings-web", (Exc("DateMalformedStringException", "Failed to parse time string ({date}) at position 2 (/): Unexpected character", ctrl("RentController", "schedule", 39, app(RENT, "Rent\\RentScheduleBuilder", "build", 44, "(Object(App\\Entity\\Tenancy))"))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_WEB), see("datadog.log", **WEB)),
        classes=(4,), pair="jn-rent-division", entry="GET /tenancies/{id}/rent-schedule"),
    # Two partner calls failing in one PartnerClient::send.
    Bug("jn-referencing-503", "lettings-worker", (Exc("Symfony\\Component\\HttpClient\\Exception\\ServerException", 'HTTP/2 503 returned for "https://api.referencing.example/v2/applications".', handler("RequestReferencesHandler", 48, app("Referencing/ReferencingService.php", "Referencing\\ReferencingService", "apply", 31, "(Object(App\\Entity\\Applicant))"), *PARTNER)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_RETRY), see("datadog.log", 2, **RETRY)),
        classes=(9,), pair="jn-deposit-scheme-422", entry="App\\Message\\RequestReferences", span=2),
    Bug("jn-deposit-scheme-422", "lettings-worker", (Exc("Symfony\\Component\\HttpClient\\Exception\\ClientException", 'HTTP/2 422 returned for "https://api.depositscheme.example/v2/deposits".', handler("ProtectDepositHandler", 36, app("Deposit/SchemeGateway.php", "Deposit\\SchemeGateway", "protect", 58, "(Object(App\\Entity\\Deposit))"), *PARTNER)),),
        (see("sentry.error", 2), see("splunk", **SPL_RETRY), see("splunk", **SPL_FAILED), see("datadog.log", **FAILED)),
        classes=(9,), pair="jn-referencing-503", entry="App\\Message\\ProtectDeposit"),
    # Two failures under one "removed after retries" monitor.
    Bug("jn-mailer-timeout", "lettings-worker", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Connection could not be established with host "ssl://smtp.postmarkapp.com:465": stream_socket_client(): Unable to connect to ssl://smtp.postmarkapp.com:465 (Connection timed out)', (*WORKER, php(SF + "mailer/Messenger/MessageHandler.php", "__invoke", 31, "Symfony\\Component\\Mailer\\Messenger\\MessageHandler", "(Object(Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage))", lib=True), php(SF + "mailer/Transport/Smtp/SmtpTransport.php", "send", 137, "Symfony\\Component\\Mailer\\Transport\\Smtp\\SmtpTransport", lib=True), php(SF + "mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", lib=True))),),
        (see("sentry.error", 2), see("splunk", **SPL_FAILED), see("datadog.log", 2, **FAILED)),
        classes=(1,), pair="jn-agreement-twig", entry="Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage"),
    Bug("jn-agreement-twig", "lettings-worker", (Exc("Twig\\Error\\RuntimeError", 'Variable "landlord" does not exist in "pdf/tenancy_agreement.html.twig" at line 14.', handler("RenderAgreementHandler", 52, app("Document/AgreementRenderer.php", "Document\\AgreementRenderer", "render", 38, "(Object(App\\Entity\\Tenancy))"), php(ROOT + "vendor/twig/twig/src/Environment.php", "render", 333, "Twig\\Environment", lib=True), php(ROOT + "var/cache/prod/twig/4f/4f1c2a9e0b7d.php", "doDisplay", 61, "__TwigTemplate_8e1a", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_FAILED), see("datadog.log", 2, **FAILED)),
        classes=(1,), pair="jn-mailer-timeout", entry="App\\Message\\RenderAgreement"),
    # The cron: a TypeError in the arrears notice command.
    Bug("jn-arrears-typeerror", "lettings-cron", (Exc("TypeError", "App\\Arrears\\ArrearsNotifier::daysLate(): Argument #1 ($dueOn) must be of type DateTimeInterface, null given, called in /srv/lettings/src/Arrears/ArrearsNotifier.php on line 58", command("NotifyArrearsCommand", 42, app("Arrears/ArrearsNotifier.php", "Arrears\\ArrearsNotifier", "notify", 58, "(Object(App\\Entity\\Tenancy))"), app("Arrears/ArrearsNotifier.php", "Arrears\\ArrearsNotifier", "daysLate", 77, "(NULL)"))),),
        (see("sentry.error", 2), see("splunk", 3, **SPL_CRON)),
        classes=(1,), entry="app:arrears:notify", span=2),
    # A deadlock between the worker's rent postings, over two releases.
    Bug("jn-ledger-deadlock", "lettings-worker", dbal("DeadlockException", "SQLSTATE[40P01]: Deadlock detected: 7 ERROR:  deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}.\nHINT:  See server log for query details.\nCONTEXT:  while inserting index tuple (0,{idx}) in relation \"ledger_entries\"", handler("PostRentHandler", 29, app("Ledger/LedgerPoster.php", "Ledger\\LedgerPoster", "post", 64, "(Object(App\\Entity\\RentCharge))"))),
        (see("sentry.error", 3), see("splunk", 2, **SPL_RETRY), see("datadog.log", **RETRY)),
        classes=(5,), entry="App\\Message\\PostRent", span=2),
    # The landlords' app posting an unknown furnishing level.
    Bug("jn-furnishing-enum", "lettings-web", (Exc("Symfony\\Component\\Serializer\\Exception\\NotNormalizableValueException", "The data must belong to a backed enumeration of type App\\Enum\\FurnishingLevel", ctrl("Api\\ListingController", "create", 33, php(SF + "serializer/Serializer.php", "deserialize", 151, "Symfony\\Component\\Serializer\\Serializer", lib=True), php(SF + "serializer/Normalizer/BackedEnumNormalizer.php", "denormalize", 78, "Symfony\\Component\\Serializer\\Normalizer\\BackedEnumNormalizer", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_WEB), see("datadog.log", **WEB)),
        classes=(10,), entry="POST /api/listings"),
    # The inventory PDFs' bucket refusing the worker's role.
    Bug("jn-s3-forbidden", "lettings-worker", (Exc("Aws\\S3\\Exception\\S3Exception", 'Error executing "PutObject" on "https://nateby-documents.s3.eu-west-2.amazonaws.com/inventories/{uuid}.pdf"; AWS HTTP error: Client error: `PUT https://nateby-documents.s3.eu-west-2.amazonaws.com/inventories/{uuid}.pdf` resulted in a `403 Forbidden` response:\n<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>{hex}</RequestId> (truncated...)\n AccessDenied (client): Access Denied', handler("StoreInventoryPdfHandler", 27, app("Document/DocumentStore.php", "Document\\DocumentStore", "put", 41, "('inventories/...', Resource id #412)"), php(ROOT + "vendor/league/flysystem-aws-s3-v3/AwsS3V3Adapter.php", "write", 138, "League\\Flysystem\\AwsS3v3\\AwsS3V3Adapter", lib=True), php(ROOT + "vendor/aws/aws-sdk-php/src/Exception/AwsException.php", "__construct", 88, "Aws\\Exception\\AwsException", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_RETRY), see("datadog.log", **FAILED)),
        classes=(10,), entry="App\\Message\\StoreInventoryPdf"),
    Bug("jn-singleton-epc", "lettings-web", (Exc("ValueError", "str_repeat(): Argument #2 ($times) must be greater than or equal to 0", ctrl("PropertyController", "show", 71, app("Twig/EpcExtension.php", "Twig\\EpcExtension", "stars", 22, "(-1)"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /properties/{id}"),
]

NOISE = [
    Noise("jn-noise-deploy", "lettings-web", "datadog.event", {"monitor": "Deploy", "text": "lettings-web 2026.03.4 deployed to lettings-prod (3/3 pods ready), migrations: 2 executed.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
    Noise("jn-noise-worker-stop", "lettings-worker", "splunk", {"search": "lettings-worker - messenger errors", "owner": "ops_lettings", "app": "lettings", "line": '{"message":"Worker stopped due to time limit of 3600s exceeded","context":{"timeLimit":3600},"level":200,"level_name":"INFO","channel":"messenger","datetime":"{ts}","extra":{}}'}),
    Noise("jn-noise-recovered", "lettings-worker", "datadog.log", {"monitor": "[lettings] messenger retries", "text": "Recovered: messenger retries back to normal.", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "service:lettings-worker @channel:messenger @level_name:WARNING"}),
]

NATEBY = Company(
    key="jn",
    name="Nateby Lettings",
    domain="natebylettings.example",
    sentry_org="nateby-lettings",
    splunk_url="https://nateby.splunkcloud.com",
    splunk_guid="A83F0C26-1B9D-4E57-8D24-6C0F3B9A7E12",
    datadog_org=("930418", "Nateby Lettings"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.03.2", "2026.03.3", "2026.03.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="nateby-sentry-client-secret",
)
# fmt: on
