"""(ei) Eskholme Lettings, a letting agent's tenant and landlord portal: a Symfony 5.4 app on
PHP 8.1 (``lettings-web``: listings, viewings, tenancy applications, rent statements;
Doctrine ORM 2.14 over MySQL 8, Twig pages, the HttpClient calling a referencing agency) and
Messenger workers (``lettings-worker``: ``messenger:consume async`` on the Doctrine
transport: referencing checks, rent reminders, deposit registrations).

Sentry: sentry-symfony 4 (``php``). Splunk: Monolog's ``LineFormatter`` from the stock
``monolog.yaml`` (``[%datetime%] %channel%.%level_name%: %message% %context% %extra%``, stack
traces included): the ErrorListener's ``request.CRITICAL`` and Messenger's ``messenger.CRITICAL``
after the last retry (``symfony-line``). Datadog: log monitors over the same files posting
Datadog's default payload. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.symfony", "4.13.2", "composer:sentry/sentry-symfony")
SERVICES = {
    "lettings-web": Service("lettings-web", "php", "symfony-line", "eskholme:monolog", "/var/www/app/var/log/prod.log", "eskholme", 6620031, "php 8.1.29", framework="symfony", sdk=SDK),
    "lettings-worker": Service("lettings-worker", "php", "symfony-line", "eskholme:monolog", "/var/www/app/var/log/prod.log", "eskholme", 6620034, "php 8.1.29", framework="symfony", sdk=SDK),
}

SF = "/var/www/app/vendor/symfony/"
DOCTRINE = "/var/www/app/vendor/doctrine/"
REQ = "(Object(Symfony\\Component\\HttpFoundation\\Request))"
HTTP = (
    php("/var/www/app/public/index.php", "{main}", 20, lib=True),
    php(SF + "http-kernel/Kernel.php", "handle", 202, "Symfony\\Component\\HttpKernel\\Kernel", REQ, lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handle", 78, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1, true)", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handleRaw", 163, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1)", lib=True),
)
WORKER = (
    php("/var/www/app/bin/console", "{main}", 43, lib=True),
    php(SF + "console/Application.php", "run", 171, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "messenger/Command/ConsumeMessagesCommand.php", "execute", 225, "Symfony\\Component\\Messenger\\Command\\ConsumeMessagesCommand", lib=True),
    php(SF + "messenger/Worker.php", "run", 108, "Symfony\\Component\\Messenger\\Worker", "(Array)", lib=True),
    php(SF + "messenger/Worker.php", "handleMessage", 161, "Symfony\\Component\\Messenger\\Worker", "(Object(Symfony\\Component\\Messenger\\Envelope), 'async')", lib=True),
    php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 95, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True),
)
WEB_MON = dict(team="lettings", monitor="[lettings-web] request.CRITICAL", filter="service:lettings-web @channel:request", style="sample")
WORK_MON = dict(team="lettings", monitor="[lettings-worker] messages dropped", filter="service:lettings-worker @channel:messenger @level_name:CRITICAL", style="sample")
KIND_MON = dict(team="lettings", monitor="[lettings] error kinds", filter="env:prod status:error", style="kind")


def app(file: str, cls: str, function: str, line: int, args: str = "()") -> Frame:
    return php(f"/var/www/app/src/{file}", function, line, f"App\\{cls}", args)


def ctrl(name: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*HTTP, app(f"Controller/{name}.php", f"Controller\\{name}", method, line, REQ), *more)


def handler(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    msg = name.removesuffix("Handler")
    return (*WORKER, app(f"MessageHandler/{name}.php", f"MessageHandler\\{name}", "__invoke", line, f"(Object(App\\Message\\{msg}))"), *more)


def msgr(name: str, **more: object) -> dict[str, object]:
    return {"messenger": f"App\\Message\\{name}", **more}


def mysql_dup(table: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    sql = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{{id}}' for key '{table}.{key}'"
    flush = (
        *frames,
        php(DOCTRINE + "orm/lib/Doctrine/ORM/EntityManager.php", "flush", 403, "Doctrine\\ORM\\EntityManager", lib=True),
        php(DOCTRINE + "orm/lib/Doctrine/ORM/UnitOfWork.php", "commit", 449, "Doctrine\\ORM\\UnitOfWork", lib=True),
        php(DOCTRINE + "dbal/src/Connection.php", "executeStatement", 1181, "Doctrine\\DBAL\\Connection", f"('INSERT INTO {table} ...', Array, Array)", lib=True),
    )
    return (
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", sql, (*flush, php(DOCTRINE + "dbal/src/Driver/PDO/Statement.php", "execute", 121, "Doctrine\\DBAL\\Driver\\PDO\\Statement", lib=True))),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", f"An exception occurred while executing a query: {sql}", (*flush, php(DOCTRINE + "dbal/src/Connection.php", "convertExceptionDuringQuery", 1913, "Doctrine\\DBAL\\Connection", lib=True), php(DOCTRINE + "dbal/src/Driver/API/MySQL/ExceptionConverter.php", "convert", 51, "Doctrine\\DBAL\\Driver\\API\\MySQL\\ExceptionConverter", lib=True))),
    )


NULL_ID = 'Attempt to read property "id" on null'
REF_HTTP = "HTTP/1.1 503 Service Unavailable returned for \"https://api.referencing.example/v2/checks\"."
BUGS = [
    # The same warning-as-exception in two controllers: a tenancy without a landlord, a viewing without an agent.
    Bug("ei-statement-landlord-null", "lettings-web", (Exc("ErrorException", f"Warning: {NULL_ID}", ctrl("StatementController", "show", 58, app("Statement/StatementBuilder.php", "Statement\\StatementBuilder", "landlordLine", 91, "(Object(App\\Entity\\Tenancy))"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, search="lettings - critical"), see("datadog.log", **WEB_MON)),
        classes=(4, 5), pair="ei-viewing-agent-null", entry="GET /statements/{id}", span=2),
    Bug("ei-viewing-agent-null", "lettings-web", (Exc("ErrorException", f"Warning: {NULL_ID}", ctrl("ViewingController", "confirm", 73, app("Viewing/ViewingMailer.php", "Viewing\\ViewingMailer", "agentContext", 44, "(Object(App\\Entity\\Viewing))"))),),
        (see("sentry.error", 3), see("splunk", 2, search="lettings - critical"), see("sentry.issue")),
        classes=(4,), pair="ei-statement-landlord-null", entry="POST /viewings/{id}/confirm"),
    # Duplicate entries on two MySQL unique keys.
    Bug("ei-application-dup", "lettings-web", mysql_dup("tenancy_application", "uniq_applicant_listing", ctrl("ApplicationController", "submit", 112)),
        (see("sentry.error", 2), see("splunk", 3, search="lettings - critical"), see("datadog.log", **KIND_MON)),
        classes=(4, 1), pair="ei-deposit-dup", entry="POST /listings/{id}/apply"),
    Bug("ei-deposit-dup", "lettings-worker", mysql_dup("deposit_registration", "uniq_tenancy_scheme", handler("RegisterDepositHandler", 47)),
        (see("sentry.error", 2), see("splunk", 2, search="lettings - worker", **msgr("RegisterDeposit")), see("datadog.log", **WORK_MON, **{"format": "symfony-line"})),
        classes=(4,), pair="ei-application-dup", entry="App\\Message\\RegisterDeposit"),
    # The referencing agency: a 503 and a timeout through the same client helper.
    Bug("ei-referencing-503", "lettings-worker", (Exc("Symfony\\Component\\HttpClient\\Exception\\ServerException", REF_HTTP, handler("RunReferencingCheckHandler", 39, app("Referencing/ReferencingClient.php", "Referencing\\ReferencingClient", "submit", 66, "(Array)"), php(SF + "http-client/Response/CommonResponseTrait.php", "toArray", 83, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True), php(SF + "http-client/Response/TraceableResponse.php", "checkStatusCode", 199, "Symfony\\Component\\HttpClient\\Response\\TraceableResponse", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, search="lettings - worker", **msgr("RunReferencingCheck")), see("datadog.log", **WORK_MON)),
        classes=(9,), pair="ei-referencing-timeout", entry="App\\Message\\RunReferencingCheck", span=2),
    Bug("ei-referencing-timeout", "lettings-worker", (Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://api.referencing.example/v2/checks".', handler("RunReferencingCheckHandler", 39, app("Referencing/ReferencingClient.php", "Referencing\\ReferencingClient", "submit", 66, "(Array)"), php(SF + "http-client/Response/CommonResponseTrait.php", "toArray", 83, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True), php(SF + "http-client/Response/TransportResponseTrait.php", "doDestruct", 151, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, search="lettings - worker", **msgr("RunReferencingCheck")), see("sentry.issue")),
        classes=(9,), pair="ei-referencing-503", entry="App\\Message\\RunReferencingCheck"),
    # Doctrine's EntityNotFound behind a ParamConverter, two entities.
    Bug("ei-listing-notfound", "lettings-web", (Exc("Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException", 'App\\Entity\\Listing object not found by the @ParamConverter annotation.', (*HTTP, php("/var/www/app/vendor/sensio/framework-extra-bundle/src/Request/ParamConverter/DoctrineParamConverter.php", "apply", 91, "Sensio\\Bundle\\FrameworkExtraBundle\\Request\\ParamConverter\\DoctrineParamConverter", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, search="lettings - errors"), see("datadog.log", **KIND_MON)),
        classes=(4,), pair="ei-landlord-notfound", entry="GET /listings/{id}"),
    Bug("ei-landlord-notfound", "lettings-web", (Exc("Symfony\\Component\\HttpKernel\\Exception\\NotFoundHttpException", 'App\\Entity\\Landlord object not found by the @ParamConverter annotation.', (*HTTP, php("/var/www/app/vendor/sensio/framework-extra-bundle/src/Request/ParamConverter/DoctrineParamConverter.php", "apply", 91, "Sensio\\Bundle\\FrameworkExtraBundle\\Request\\ParamConverter\\DoctrineParamConverter", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, search="lettings - errors")),
        classes=(4,), pair="ei-listing-notfound", entry="GET /landlords/{id}/portfolio"),
    # Twig: a missing template variable and a TypeError in the same rent-reminder handler.
    Bug("ei-reminder-twig", "lettings-worker", (Exc("Twig\\Error\\RuntimeError", 'Variable "arrears" does not exist in "emails/rent_reminder.html.twig" at line 14.', handler("SendRentReminderHandler", 52, app("Mailer/ReminderMailer.php", "Mailer\\ReminderMailer", "send", 38, "(Object(App\\Entity\\Tenancy))"), php("/var/www/app/vendor/twig/twig/src/Environment.php", "render", 318, "Twig\\Environment", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, search="lettings - worker", **msgr("SendRentReminder")), see("datadog.log", **WORK_MON)),
        pair="ei-reminder-typeerror", entry="App\\Message\\SendRentReminder"),
    Bug("ei-reminder-typeerror", "lettings-worker", (Exc("TypeError", 'App\\Rent\\ArrearsCalculator::daysOverdue(): Argument #1 ($dueOn) must be of type DateTimeImmutable, null given, called in /var/www/app/src/MessageHandler/SendRentReminderHandler.php on line 47', handler("SendRentReminderHandler", 47, app("Rent/ArrearsCalculator.php", "Rent\\ArrearsCalculator", "daysOverdue", 22, "(NULL)"))),),
        (see("sentry.error", 3), see("splunk", 2, search="lettings - worker", **msgr("SendRentReminder")), see("sentry.alert", rule="lettings-worker: new issue")),
        classes=(5,), pair="ei-reminder-twig", entry="App\\Message\\SendRentReminder", span=2),
    # An upload over php.ini's limit, surfaced when the controller moves the file.
    Bug("ei-upload-toolarge", "lettings-web", (Exc("Symfony\\Component\\HttpFoundation\\File\\Exception\\IniSizeFileException", 'The file "{path}" exceeds your upload_max_filesize ini directive (limit is 8192 KiB).', ctrl("DocumentController", "upload", 44, php(SF + "http-foundation/File/UploadedFile.php", "move", 187, "Symfony\\Component\\HttpFoundation\\File\\UploadedFile", lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, search="lettings - critical"), see("datadog.log", **WEB_MON)),
        entry="POST /tenancies/{id}/documents"),
    # Half the stack: the worker host's handler lacks include_stacktraces.
    Bug("ei-statement-pdf", "lettings-worker", (Exc("RuntimeException", "wkhtmltopdf exited with code 1: Exit with code 1 due to network error: HostNotFoundError", handler("GenerateStatementHandler", 61, app("Pdf/StatementPdf.php", "Pdf\\StatementPdf", "render", 33), php("/var/www/app/vendor/knplabs/knp-snappy/src/Knp/Snappy/AbstractGenerator.php", "checkProcessStatus", 476, "Knp\\Snappy\\AbstractGenerator", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, search="lettings - worker", **msgr("GenerateStatement")), see("splunk", search="lettings - worker", **msgr("GenerateStatement", half=True))),
        classes=(10,), entry="App\\Message\\GenerateStatement"),
    # A singleton: a DivisionByZeroError from the yield calculator.
    Bug("ei-yield-divzero", "lettings-web", (Exc("DivisionByZeroError", "Division by zero", ctrl("PortfolioController", "yields", 85, app("Portfolio/YieldCalculator.php", "Portfolio\\YieldCalculator", "gross", 19, "(Object(App\\Entity\\Property))"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /landlords/{id}/yields"),
    # Messenger's Doctrine transport losing its MySQL connection overnight.
    Bug("ei-transport-gone-away", "lettings-worker", (Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", "SQLSTATE[HY000]: General error: 2006 MySQL server has gone away", (*WORKER[:4], php(SF + "messenger/Bridge/Doctrine/Transport/Connection.php", "get", 185, "Symfony\\Component\\Messenger\\Bridge\\Doctrine\\Transport\\Connection", lib=True), php(DOCTRINE + "dbal/src/Driver/PDO/Statement.php", "execute", 121, "Doctrine\\DBAL\\Driver\\PDO\\Statement", lib=True))), Exc("Symfony\\Component\\Messenger\\Exception\\TransportException", "SQLSTATE[HY000]: General error: 2006 MySQL server has gone away", (*WORKER[:4], php(SF + "messenger/Bridge/Doctrine/Transport/DoctrineReceiver.php", "get", 63, "Symfony\\Component\\Messenger\\Bridge\\Doctrine\\Transport\\DoctrineReceiver", lib=True)))),
        (see("sentry.error", 3), see("splunk", 3, search="lettings - critical"), see("datadog.log", 2, **KIND_MON)),
        classes=(1,), entry="messenger:consume async"),
    # Slow referencing calls logged at WARNING by the app: template lines.
    Bug("ei-slow-referencing", "lettings-worker", (),
        (see("splunk", 3, search="lettings - slow calls", line='[{tsnaive}.000000+00:00] referencing.WARNING: Referencing API answered after {dur} {"host":"{hostport}","size":"{size}"} []'), see("datadog.log", 2, team="lettings", monitor="[lettings] slow referencing calls", filter="service:lettings-worker @channel:referencing", text="Referencing API answered after {dur} ({size})")),
        classes=(7,)),
]

NOISE = [
    Noise("ei-noise-deploy", "lettings-web", "datadog.event", {"monitor": "Deployer: lettings-web release 412", "text": "dep deploy production: release 412 is live on web1, web2.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ei-noise-worker-stop", "lettings-worker", "splunk", {"search": "lettings - worker", "line": '[{tsnaive}.000000+00:00] messenger.INFO: Worker stopped due to time limit of 3600s exceeded [] []'}),
]

ESKHOLME = Company(
    key="ei",
    name="Eskholme Lettings",
    domain="eskholme.example",
    sentry_org="eskholme",
    splunk_url="https://eskholme.splunkcloud.com",
    splunk_guid="3D9E7A21-5C4B-4F18-9E2A-6B7C8D9E0F12",
    datadog_org=("508833", "Eskholme Lettings"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("2026.02.3", "2026.03.0", "2026.03.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="eskholme-sentry-client-secret",
)
# fmt: on
