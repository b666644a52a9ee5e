"""(nq) Zelston Lettings, a letting agency's platform: ``lettings-api``, a Symfony 6.4 API on
PHP 8.2 (Doctrine ORM over RDS Postgres, Symfony HttpClient to the listing portals and the
referencing partner, Symfony Mailer over SES SMTP, the AWS SDK for S3) on an AWS Elastic
Beanstalk web environment, and ``lettings-worker``, the same code base on an Elastic Beanstalk
worker environment whose ``sqsd`` daemon POSTs each SQS message to ``/_sqsd/{task}``.

Logs: Monolog's ``JsonFormatter`` to ``php://stderr`` inside php-fpm, streamed by Elastic
Beanstalk to CloudWatch Logs (the worker's php-fpm decorates and cuts the lines). The Splunk
Add-on for AWS reads the groups (one saved search over both environments' CRITICAL and ERROR
records); the Datadog Forwarder Lambda ships them to Datadog (a log monitor on the API's
CRITICAL records rendering the normalised exception, one on the worker pasting the line; a
dd-trace-php APM monitor by error type). sentry-symfony on both. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php.symfony", "5.1.0", "composer:sentry/sentry-symfony")
SERVICES = {
    "lettings-api": Service("lettings-api", "php", "nq-cwl", "aws:cloudwatchlogs", "eu-west-2:/aws/elasticbeanstalk/zelston-api-prod/var/log/php-fpm/www-error.log", "zelston_aws", 12610011, "php 8.2.20", framework="symfony", sdk=SDK),
    "lettings-worker": Service("lettings-worker", "php", "nq-cwl", "aws:cloudwatchlogs", "eu-west-2:/aws/elasticbeanstalk/zelston-worker-prod/var/log/php-fpm/www-error.log", "zelston_aws", 12610012, "php 8.2.20", framework="symfony", sdk=SDK),
}

ROOT = "/var/app/current/"
SF = ROOT + "vendor/symfony/"
REQ = "(Object(Symfony\\Component\\HttpFoundation\\Request))"
KERNEL = (
    php(ROOT + "public/index.php", "{main}", 5, lib=True),
    php(ROOT + "vendor/autoload_runtime.php", "require_once", 29, "", "('/var/app/curre...')", lib=True),
    php(SF + "runtime/Runner/Symfony/HttpKernelRunner.php", "run", 35, "Symfony\\Component\\Runtime\\Runner\\Symfony\\HttpKernelRunner", lib=True),
    php(SF + "http-kernel/Kernel.php", "handle", 197, "Symfony\\Component\\HttpKernel\\Kernel", REQ, lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handle", 76, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1, true)", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handleRaw", 181, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1)", lib=True),
)
# sqsd's POST lands on one controller that dispatches the task synchronously.
SQSD = (*KERNEL, php(ROOT + "src/Controller/SqsdController.php", "__invoke", 38, "App\\Controller\\SqsdController", REQ))
DOCTRINE_FLUSH = (
    php(ROOT + "vendor/doctrine/orm/src/EntityManager.php", "flush", 268, "Doctrine\\ORM\\EntityManager", lib=True),
    php(ROOT + "vendor/doctrine/orm/src/UnitOfWork.php", "commit", 426, "Doctrine\\ORM\\UnitOfWork", lib=True),
    php(ROOT + "vendor/doctrine/orm/src/Persisters/Entity/BasicEntityPersister.php", "executeInserts", 1110, "Doctrine\\ORM\\Persisters\\Entity\\BasicEntityPersister", lib=True),
    php(ROOT + "vendor/doctrine/dbal/src/Statement.php", "executeStatement", 194, "Doctrine\\DBAL\\Statement", lib=True),
    php(ROOT + "vendor/doctrine/dbal/src/Connection.php", "convertExceptionDuringQuery", 1456, "Doctrine\\DBAL\\Connection", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), 'INSERT INTO ...', Array, Array)", lib=True),
    php(ROOT + "vendor/doctrine/dbal/src/Connection.php", "handleDriverException", 1975, "Doctrine\\DBAL\\Connection", "(Object(Doctrine\\DBAL\\Driver\\PDO\\Exception), Object(Doctrine\\DBAL\\Query))", lib=True),
    php(ROOT + "vendor/doctrine/dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php", "convert", 47, "Doctrine\\DBAL\\Driver\\API\\PostgreSQL\\ExceptionConverter", lib=True),
)
# One partner helper both the listing sync and the referencing checks go through.
PARTNER = php(ROOT + "src/Partner/PartnerClient.php", "request", 57, "App\\Partner\\PartnerClient", "('POST', '...', Array)")
HTTP_CLIENT = (
    php(SF + "http-client/Response/CommonResponseTrait.php", "getContent", 52, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", "(true)", lib=True),
    php(SF + "http-client/Response/TransportResponseTrait.php", "doDestruct", 150, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True),
    php(SF + "http-client/Response/TransportResponseTrait.php", "stream", 291, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True),
)


def ctl(cls: str, method: str, line: int) -> tuple:
    return (*KERNEL, php(ROOT + f"src/Controller/{cls}.php", method, line, "App\\Controller\\" + cls, REQ))


def task(cls: str, line: int) -> tuple:
    return (*SQSD, php(ROOT + f"src/Task/{cls}.php", "__invoke", line, "App\\Task\\" + cls, "(Array)"))


def unique(frames: tuple, index: str, key: str) -> tuple[Exc, ...]:
    detail = f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.'
    return (
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", detail, (*frames, *DOCTRINE_FLUSH[:4], php(ROOT + "vendor/doctrine/dbal/src/Driver/PDO/Exception.php", "new", 24, "Doctrine\\DBAL\\Driver\\PDO\\Exception", lib=True))),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", "An exception occurred while executing a query: " + detail, (*frames, *DOCTRINE_FLUSH)),
    )


SEARCH = dict(search="Zelston - EB php-fpm CRITICAL/ERROR", owner="zl_ops", app="search")
DD_API = dict(team="lettings", monitor="[lettings-api] CRITICAL logs", format="nq-dd", filter="source:elasticbeanstalk service:lettings-api @level_name:CRITICAL", text="{{log.attributes.context.exception.class}}: {{log.attributes.context.exception.message}}\nat {{log.attributes.context.exception.file}}\nrequest {{log.attributes.extra.request_id}}")
DD_WORKER = dict(team="lettings", monitor="[lettings-worker] errors in www-error.log", format="nq-dd", filter='source:elasticbeanstalk service:lettings-worker "said into stderr"', text="lettings-worker error:\n\n```\n{{log.message}}\n```")
APM = dict(team="lettings", monitor="[lettings-api] error spans by type", style="type", filter="service:lettings-api")


def spl(n: int = 1, **opts: object) -> object:
    return see("splunk", n, **SEARCH, **opts)


BUGS = [
    # 1. One null call in two controllers.
    Bug("nq-property-landlord-null", "lettings-api", (Exc("Error", "Call to a member function getLandlord() on null", (*ctl("PropertyController", "show", 44), php(ROOT + "src/Property/PropertyPresenter.php", "present", 31, "App\\Property\\PropertyPresenter", "(NULL)"))),),
        (see("sentry.error", 3), see("sentry.issue"), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        classes=(1, 4), pair="nq-renewal-landlord-null", entry="GET /v1/properties/{property_id}"),
    Bug("nq-renewal-landlord-null", "lettings-api", (Exc("Error", "Call to a member function getLandlord() on null", (*ctl("TenancyController", "renew", 92), php(ROOT + "src/Tenancy/RenewalOffer.php", "build", 47, "App\\Tenancy\\RenewalOffer", "(Object(App\\Entity\\Tenancy))"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), see("datadog.log", 2, **DD_API)),
        classes=(1, 4, 5), pair="nq-property-landlord-null", entry="POST /v1/tenancies/{tenancy_id}/renewal", span=3, renames={"renew": "offerRenewal"}),
    # 2. Unique violations on two tables: a viewing slot (API) and a tenancy import (worker).
    Bug("nq-viewing-slot-dup", "lettings-api", unique(ctl("ViewingController", "book", 61), "viewing_slot_unique", "(property_id, starts_at)=({id}, 2026-03-{idx} 10:30:00)"),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        classes=(1, 4), pair="nq-tenancy-ref-dup", entry="POST /v1/viewings"),
    Bug("nq-tenancy-ref-dup", "lettings-worker", unique(task("ImportTenanciesTask", 73), "tenancy_reference_unique", "(reference)=(ZL-{id})"),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_WORKER)),
        log="tenancy import failed for branch {branch}", classes=(1, 4), pair="nq-viewing-slot-dup", entry="import-tenancies"),
    # 3. One function, two exceptions.
    Bug("nq-prorate-zero", "lettings-api", (Exc("DivisionByZeroError", "Division by zero", (*ctl("RentController", "statement", 28), php(ROOT + "src/Rent/RentCalculator.php", "prorate", 64, "App\\Rent\\RentCalculator", "(Object(App\\Entity\\Tenancy), 0)"))),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        classes=(1,), pair="nq-prorate-type", entry="GET /v1/tenancies/{tenancy_id}/statement"),
    Bug("nq-prorate-type", "lettings-api", (Exc("TypeError", "App\\Rent\\RentCalculator::prorate(): Argument #2 ($days) must be of type int, null given, called in /var/app/current/src/Controller/RentController.php on line 28", (*ctl("RentController", "statement", 28), php(ROOT + "src/Rent/RentCalculator.php", "prorate", 58, "App\\Rent\\RentCalculator", "(Object(App\\Entity\\Tenancy), NULL)"))),),
        (see("sentry.error", 2), see("sentry.issue"), spl(2), see("datadog.log", **DD_API)),
        classes=(1,), pair="nq-prorate-zero", entry="GET /v1/tenancies/{tenancy_id}/statement"),
    # 4. Two partners timing out through one helper.
    Bug("nq-portal-timeout", "lettings-worker", (Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://api.portalhub.example/v2/listings".', (*task("SyncListingsTask", 41), php(ROOT + "src/Partner/PortalGateway.php", "publish", 36, "App\\Partner\\PortalGateway", "(Object(App\\Entity\\Listing))"), PARTNER, *HTTP_CLIENT)),),
        (see("sentry.error", 3), spl(2), see("datadog.log", 2, **DD_WORKER)),
        log="listing sync failed", classes=(1, 9), pair="nq-referencing-timeout", entry="sync-listings"),
    Bug("nq-referencing-timeout", "lettings-api", (Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://api.refcheck.example/v1/applications".', (*ctl("ApplicationController", "submit", 52), php(ROOT + "src/Partner/ReferencingGateway.php", "start", 29, "App\\Partner\\ReferencingGateway", "(Object(App\\Entity\\Applicant))"), PARTNER, *HTTP_CLIENT)),),
        (see("sentry.error", 2), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        classes=(1, 9), pair="nq-portal-timeout", entry="POST /v1/applications"),
    # 5. Two worker bugs under one monitor and one search: SES SMTP and the deposit scheme.
    Bug("nq-ses-smtp-timeout", "lettings-worker", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Connection to "email-smtp.eu-west-2.amazonaws.com:587" timed out.', (*task("SendStatementsTask", 33), php(ROOT + "src/Mail/StatementMailer.php", "send", 48, "App\\Mail\\StatementMailer", "(Object(App\\Entity\\Tenancy))"), php(SF + "mailer/Mailer.php", "send", 47, "Symfony\\Component\\Mailer\\Mailer", lib=True), php(SF + "mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", lib=True))),),
        (see("sentry.error", 2), spl(2), see("datadog.log", 2, **DD_WORKER)),
        log="monthly statement not sent to {email}", classes=(1,), pair="nq-deposit-422", entry="send-statements"),
    Bug("nq-deposit-422", "lettings-worker", (Exc("Symfony\\Component\\HttpClient\\Exception\\ClientException", 'HTTP/1.1 422 Unprocessable Entity returned for "https://api.depositscheme.example/v2/deposits".', (*task("ProtectDepositTask", 27), php(ROOT + "src/Deposit/DepositRegistrar.php", "register", 71, "App\\Deposit\\DepositRegistrar", "(Object(App\\Entity\\Tenancy))"), php(SF + "http-client/Response/CommonResponseTrait.php", "checkStatusCode", 178, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True))),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_WORKER)),
        log="deposit protection failed for tenancy {id}", classes=(1,), pair="nq-ses-smtp-timeout", entry="protect-deposit"),
    # Not paired.
    Bug("nq-viewing-date", "lettings-api", (Exc("Symfony\\Component\\Serializer\\Exception\\NotNormalizableValueException", "The data is either not an string, an empty string, or null; you should pass a string that can be parsed with the passed format or a valid DateTime string.", (*ctl("ViewingController", "reschedule", 88), php(SF + "serializer/Serializer.php", "deserialize", 152, "Symfony\\Component\\Serializer\\Serializer", lib=True), php(SF + "serializer/Normalizer/DateTimeNormalizer.php", "denormalize", 97, "Symfony\\Component\\Serializer\\Normalizer\\DateTimeNormalizer", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", 2, release=2), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        classes=(1, 5), entry="PATCH /v1/viewings/{viewing_id}", span=3, renames={"reschedule": "move"}),
    Bug("nq-rds-slots", "lettings-api", (Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", 'SQLSTATE[08006] [7] connection to server at "zelston-prod.cluster-c9xq2.eu-west-2.rds.amazonaws.com" (10.0.3.{idx}), port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections', (*ctl("SearchController", "search", 35), php(ROOT + "vendor/doctrine/dbal/src/Driver/PDO/PgSQL/Driver.php", "connect", 58, "Doctrine\\DBAL\\Driver\\PDO\\PgSQL\\Driver", lib=True))), Exc("Doctrine\\DBAL\\Exception\\ConnectionException", 'An exception occurred in the driver: SQLSTATE[08006] [7] connection to server at "zelston-prod.cluster-c9xq2.eu-west-2.rds.amazonaws.com" (10.0.3.{idx}), port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections', (*ctl("SearchController", "search", 35), php(ROOT + "vendor/doctrine/dbal/src/Connection.php", "connect", 218, "Doctrine\\DBAL\\Connection", lib=True)))),
        (see("sentry.error", 3), spl(3), see("datadog.log", **DD_API), see("datadog.apm", 2, **APM)),
        classes=(1,), entry="GET /v1/search"),
    Bug("nq-s3-inventory-403", "lettings-worker", (Exc("Aws\\S3\\Exception\\S3Exception", 'Error executing "PutObject" on "https://zelston-docs.s3.eu-west-2.amazonaws.com/inventories/{id}.pdf"; AWS HTTP error: Client error: `PUT https://zelston-docs.s3.eu-west-2.amazonaws.com/inventories/{id}.pdf` resulted in a `403 Forbidden` response:\n<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>{hex}</RequestId> (truncated...)\n AccessDenied (client): Access Denied', (*task("RenderInventoryTask", 52), php(ROOT + "src/Inventory/InventoryStore.php", "put", 24, "App\\Inventory\\InventoryStore", "('inventories/...', '%PDF-1.7\\n%...')"), php(ROOT + "vendor/aws/aws-sdk-php/src/AwsClientTrait.php", "__call", 77, "Aws\\AwsClient", "('putObject', Array)", lib=True), php(ROOT + "vendor/aws/aws-sdk-php/src/WrappedHttpHandler.php", "parseError", 203, "Aws\\WrappedHttpHandler", lib=True))),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_WORKER)),
        log="inventory {id} not stored", classes=(1,), entry="render-inventory"),
    Bug("nq-inventory-memory", "lettings-worker", (Exc("Symfony\\Component\\ErrorHandler\\Error\\OutOfMemoryError", "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate 20480 bytes)", (*task("RenderInventoryTask", 47), php(ROOT + "vendor/dompdf/dompdf/src/Dompdf.php", "render", 771, "Dompdf\\Dompdf", lib=True), php(ROOT + "vendor/dompdf/dompdf/src/FrameReflower/Page.php", "reflow", 141, "Dompdf\\FrameReflower\\Page", lib=True))),),
        (see("sentry.error", 2, mechanism="generic"), spl(2), see("datadog.log", **DD_WORKER)),
        classes=(1,), entry="render-inventory"),
    # Seen once.
    Bug("nq-twig-missing", "lettings-worker", (Exc("Twig\\Error\\RuntimeError", 'Variable "agent" does not exist in "emails/viewing_reminder.html.twig" at line 14.', (*task("ViewingReminderTask", 30), php(ROOT + "vendor/twig/twig/src/Environment.php", "render", 332, "Twig\\Environment", lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="viewing-reminders"),
]

NOISE = [
    Noise("nq-noise-deploy", "lettings-api", "datadog.event", {"monitor": "Elastic Beanstalk: zelston-api-prod deployment", "text": "Environment update completed successfully. New application version app-2026.3.2-14 deployed to 4 instances.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings", "release": "1"}),
    Noise("nq-noise-sqsd", "lettings-worker", "splunk", {**SEARCH, "line": '[{gts}] NOTICE: [pool www] child {pid} exited with code 0 after 3600.0{idx}1 seconds from start'}),
    Noise("nq-noise-recovered", "lettings-api", "datadog.log", {"monitor": "[lettings-api] CRITICAL logs", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "source:elasticbeanstalk service:lettings-api @level_name:CRITICAL", "text": "CRITICAL records on lettings-api are back under the threshold."}),
]

ZELSTON = Company(
    key="nq",
    name="Zelston Lettings",
    domain="zelston-lettings.example",
    sentry_org="zelston-lettings",
    splunk_url="https://zelston.splunkcloud.example",
    splunk_guid="7C2E91A4-3B6D-4F18-A0E5-9D4B2C81F376",
    datadog_org=("1260011", "Zelston Lettings"),
    datadog_template="recommended",
    posthog_project=(92611, "Zelston"),
    releases=("2026.3.1", "2026.3.2", "2026.3.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zelston-sentry-client-secret",
)
# fmt: on
