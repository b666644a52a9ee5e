"""(i) Stonechat Lettings, residential lettings: Spring Boot on Java 21 (``tenancy``, the
tenancy API, logstash-logback-encoder JSON; ``rent-collector``, scheduled jobs, Spring Boot's
console pattern), a Go inspections service (``inspections``, chi and zap's production JSON)
and a Symfony 7 tenant portal on PHP 8.3 (``portal``, HTTP and Messenger workers) logging
Monolog's JSON formatter, which normalises an exception to class, message, code and
``file:line`` and leaves the trace out unless ``includeStacktraces`` is on (the workers only).

Sentry for every service (java, go, php with the Symfony bundle); Splunk indexes every log;
Datadog posts a team's own template (markdown body, a plain-text copy, the date unquoted)
for log, APM, route and scheduled-job monitors. No PostHog: no browser app of its own.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GO_HTTP, SCHEDULED, TOMCAT, go, jexc, jl, jv, php

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "tenancy": Service("tenancy", "java", "logstash", "stonechat:tenancy:json", "/var/log/containers/tenancy.log", "sc_prod", 5180011, "OpenJDK 21.0.4", framework="HandlerExceptionResolver"),
    "rent-collector": Service("rent-collector", "java", "logback", "stonechat:spring", "/opt/stonechat/rent-collector/logs/app.log", "sc_prod", 5180014, "OpenJDK 21.0.4"),
    "inspections": Service("inspections", "go", "zap", "stonechat:inspections:zap", "/var/log/containers/inspections.log", "sc_prod", 5180017, "go go1.23.1"),
    "portal": Service("portal", "php", "symfony-json", "stonechat:portal:json", "/var/log/containers/portal.log", "sc_prod", 5180020, "php 8.3.11", framework="symfony", sdk=("sentry.php.symfony", "5.0.1", "composer:sentry/sentry-symfony")),
}

TEN = "com.stonechat.tenancy"
RC = "com.stonechat.rent"
INS = "github.com/stonechat-lettings/inspections"
SF = "/var/www/html/vendor/symfony/"
REQUEST = "(Object(Symfony\\Component\\HttpFoundation\\Request), 1)"

ROOT_CAUSE = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
DISPATCHER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
SCHEDULED_FAILED = "Unexpected error occurred in scheduled task"
SCHEDULED_LOGGER = "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler"

# Spring's RestClient over the JDK HttpClient: a read that times out.
REST_EXCHANGE = (
    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "toEntity", 808),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "retrieve", 570),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 477),
)
JDK_READ = (
    *REST_EXCHANGE,
    jl("org.springframework.http.client.AbstractClientHttpRequest", "execute", 66),
    jl("org.springframework.http.client.JdkClientHttpRequest", "executeInternal", 94),
    jl("jdk.internal.net.http.HttpClientFacade", "send", 133),
    jl("jdk.internal.net.http.HttpClientImpl", "send", 951),
)


def rest_timeout(app: tuple[Frame, ...], method: str, url: str) -> tuple[Exc, ...]:
    """Spring's ResourceAccessException over the JDK client's HttpTimeoutException."""
    return (
        jexc("java.net.http.HttpTimeoutException", "request timed out", (*app, *JDK_READ)),
        jexc("org.springframework.web.client.ResourceAccessException", f'I/O error on {method} request for "{url}": request timed out', (*app, *REST_EXCHANGE)),
    )


# Symfony's HTTP kernel under the runtime component, outermost first.
SYMFONY_REQUEST = (
    php("public/index.php", "{main}", 5, lib=True),
    php("vendor/autoload_runtime.php", "require_once", 29, "", "('/var/www/html/v...')", lib=True),
    php(SF + "runtime/Runner/Symfony/HttpKernelRunner.php", "run", 35, "Symfony\\Component\\Runtime\\Runner\\Symfony\\HttpKernelRunner", lib=True),
    php(SF + "http-kernel/Kernel.php", "handle", 197, "Symfony\\Component\\HttpKernel\\Kernel", "(Object(Symfony\\Component\\HttpFoundation\\Request))", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handle", 76, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1, true)", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handleRaw", 181, "Symfony\\Component\\HttpKernel\\HttpKernel", REQUEST, lib=True),
)
# A Messenger worker (messenger:consume) calling a handler through the middleware stack.
MESSENGER = (
    php("bin/console", "{main}", 15, lib=True),
    php(SF + "console/Application.php", "run", 1096, "Symfony\\Component\\Console\\Application", "(Object(Symfony\\Component\\Messenger\\Command\\ConsumeMessagesCommand), Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))", lib=True),
    php(SF + "messenger/Worker.php", "run", 113, "Symfony\\Component\\Messenger\\Worker", "(Array)", lib=True),
    php(SF + "messenger/Worker.php", "handleMessage", 184, "Symfony\\Component\\Messenger\\Worker", "(Object(Symfony\\Component\\Messenger\\Envelope), 'async')", lib=True),
    php(SF + "messenger/MessageBus.php", "dispatch", 70, "Symfony\\Component\\Messenger\\MessageBus", "(Object(Symfony\\Component\\Messenger\\Envelope))", lib=True),
    php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 81, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True),
)
MAILER_SEND = (
    php(SF + "mailer/Mailer.php", "send", 63, "Symfony\\Component\\Mailer\\Mailer", "(Object(Symfony\\Bridge\\Twig\\Mime\\TemplatedEmail))", lib=True),
    php(SF + "mailer/Transport/AbstractTransport.php", "send", 88, "Symfony\\Component\\Mailer\\Transport\\AbstractTransport", "(Object(Symfony\\Component\\Mime\\Message), Object(Symfony\\Component\\Mailer\\DelayedEnvelope))", lib=True),
    php(SF + "mailer/Transport/Smtp/SmtpTransport.php", "doSend", 250, "Symfony\\Component\\Mailer\\Transport\\Smtp\\SmtpTransport", "(Object(Symfony\\Component\\Mailer\\SentMessage))", lib=True),
    php(SF + "mailer/Transport/Smtp/Stream/AbstractStream.php", "readLine", 80, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\AbstractStream", lib=True),
)
DBAL = "/var/www/html/vendor/doctrine/dbal/src/"
DOCTRINE_FLUSH = (
    php("vendor/doctrine/orm/src/EntityManager.php", "flush", 268, "Doctrine\\ORM\\EntityManager", lib=True),
    php("vendor/doctrine/orm/src/UnitOfWork.php", "commit", 426, "Doctrine\\ORM\\UnitOfWork", lib=True),
    php("vendor/doctrine/orm/src/Persisters/Entity/BasicEntityPersister.php", "executeInserts", 1110, "Doctrine\\ORM\\Persisters\\Entity\\BasicEntityPersister", lib=True),
    php(DBAL + "Statement.php", "executeStatement", 175, "Doctrine\\DBAL\\Statement", lib=True),
    php(DBAL + "Connection.php", "executeStatement", 1239, "Doctrine\\DBAL\\Connection", lib=True),
    php(DBAL + "Connection.php", "convertExceptionDuringQuery", 1845, "Doctrine\\DBAL\\Connection", lib=True),
    php(DBAL + "Connection.php", "handleDriverException", 1902, "Doctrine\\DBAL\\Connection", lib=True),
)


def unique_violation(app: tuple[Frame, ...], constraint: str, key: str) -> tuple[Exc, Exc]:
    """PDO's unique violation, converted by DBAL into its own exception (cause first)."""
    pg = f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key ({key})=({{id}}) already exists.'
    pdo = Exc("PDOException", pg, (*app, *DOCTRINE_FLUSH[:4], php(DBAL + "Driver/PDO/Statement.php", "execute", 130, "Doctrine\\DBAL\\Driver\\PDO\\Statement", lib=True)))
    return pdo, Exc(
        "Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException",
        f"An exception occurred while executing a query: {pg}",
        (*app, *DOCTRINE_FLUSH, php(DBAL + "Driver/API/PostgreSQL/ExceptionConverter.php", "convert", 47, "Doctrine\\DBAL\\Driver\\API\\PostgreSQL\\ExceptionConverter", lib=True)),
    )


def failed_log(chain: tuple[Exc, ...], message: str) -> str:
    """Messenger's critical log line, its placeholders interpolated by Monolog's PSR-3
    processor: the message class, the retries, the wrapper's own message."""
    return f'Error thrown while handling message {message}. Removing from transport after 3 retries. Error: "{chain[-1].value.split(chr(10), 1)[0]}"'


def handler_failed(message: str, chain: tuple[Exc, ...], frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """Messenger wraps what a handler threw: ``Handling "<message>" failed: <its message>``."""
    inner = chain[-1].value.split("\n", 1)[0]
    return (*chain, Exc("Symfony\\Component\\Messenger\\Exception\\HandlerFailedException", f'Handling "{message}" failed: {inner}', frames))


# Every handler's failure goes through one helper, which reports to Sentry and logs with zap.
GO_FAIL = go(INS + "/internal/httpx", "Fail", "/src/internal/httpx/fail.go", 27)
NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference"

BUGS = [
    # A helpful NullPointerException: the same sentence from two classes.
    Bug(
        "sc-affordability-npe",
        "tenancy",
        (
            jexc(
                "java.lang.NullPointerException",
                'Cannot invoke "com.stonechat.tenancy.model.Guarantor.getAnnualIncome()" because the return value of "com.stonechat.tenancy.model.Application.getGuarantor()" is null',
                (
                    *TOMCAT,
                    jv(f"{TEN}.web.ApplicationController", "submit", 57),
                    jv(f"{TEN}.referencing.AffordabilityCheck", "score", 41),
                    jv(f"{TEN}.referencing.AffordabilityCheck", "guarantorCover", 73),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.apm", style="message", monitor="tenancy error spans", team="lettings"),
        ),
        classes=(4,),
        pair="sc-renewal-npe",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/applications/{application_id}/submit",
        span=3,
        renames={"submit": "submitApplication"},
    ),
    Bug(
        "sc-renewal-npe",
        "tenancy",
        (
            jexc(
                "java.lang.NullPointerException",
                'Cannot invoke "com.stonechat.tenancy.model.Guarantor.getAnnualIncome()" because the return value of "com.stonechat.tenancy.model.Application.getGuarantor()" is null',
                (
                    *TOMCAT,
                    jv(f"{TEN}.web.RenewalController", "offer", 33),
                    jv(f"{TEN}.renewal.RenewalOfferService", "draft", 62),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="route", team="lettings")),
        classes=(4,),
        pair="sc-affordability-npe",
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/tenancies/{tenancy_id}/renewal-offer",
    ),
    # Jackson fails before the controller: no application frame; Tomcat logs the root alone.
    Bug(
        "sc-movein-date-format",
        "tenancy",
        (
            jexc(
                "com.fasterxml.jackson.databind.exc.InvalidFormatException",
                'Cannot deserialize value of type `java.time.LocalDate` from String "{date}": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text \'{date}\' could not be parsed at index 2',
                (
                    *TOMCAT[:24],
                    jl("org.springframework.web.method.support.InvocableHandlerMethod", "getMethodArgumentValues", 224),
                    jl("org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor", "readWithMessageConverters", 163),
                    jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "readJavaType", 395),
                    jl("com.fasterxml.jackson.databind.ObjectReader", "readValue", 2125),
                    jl("com.fasterxml.jackson.databind.deser.BeanDeserializer", "deserializeFromObject", 392),
                    jl("com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer", "deserialize", 107),
                    jl("com.fasterxml.jackson.databind.DeserializationContext", "handleWeirdStringValue", 1959),
                ),
            ),
            jexc(
                "org.springframework.http.converter.HttpMessageNotReadableException",
                'JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String "{date}": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text \'{date}\' could not be parsed at index 2',
                (
                    *TOMCAT[:24],
                    jl("org.springframework.web.method.support.InvocableHandlerMethod", "getMethodArgumentValues", 224),
                    jl("org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor", "readWithMessageConverters", 163),
                    jl("org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "readJavaType", 406),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, search="tenancy warnings", line="{tsms}  WARN 1 --- [tenancy] [nio-8080-exec-{idx}] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.http.converter.HttpMessageNotReadableException: JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String \"{date}\": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '{date}' could not be parsed at index 2]"),
        ),
        classes=(10,),
        entry="PUT /api/tenancies/{tenancy_id}/move-in",
    ),
    # A read timeout in two scheduled jobs through one RestClient; one log monitor over both.
    Bug(
        "sc-sepa-submit-timeout",
        "rent-collector",
        rest_timeout(
            (
                *SCHEDULED,
                jv(f"{RC}.jobs.RentCollectionJob", "collect", 38),
                jv(f"{RC}.sepa.SepaBatchClient", "submit", 51),
            ),
            "POST",
            "https://sepa.bank.example/v2/batches",
        ),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="rent-collector errors"),
            see("splunk", 2, thread="scheduling-1"),
            see("datadog.log", 2, style="kind", monitor="Error logs on rent-collector", team="finance"),
        ),
        classes=(4,),
        pair="sc-arrears-bureau-timeout",
        log=SCHEDULED_FAILED,
        logger=SCHEDULED_LOGGER,
        entry="RentCollectionJob.collect",
    ),
    Bug(
        "sc-arrears-bureau-timeout",
        "rent-collector",
        rest_timeout(
            (
                *SCHEDULED,
                jv(f"{RC}.jobs.ArrearsReportJob", "report", 29),
                jv(f"{RC}.arrears.CreditBureauClient", "fetchScore", 44),
            ),
            "GET",
            "https://api.creditbureau.example/v1/scores",
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, thread="scheduling-2"),
            see("datadog.log", style="kind", monitor="Error logs on rent-collector", team="finance"),
            see("datadog.task", team="finance"),
        ),
        classes=(4,),
        pair="sc-sepa-submit-timeout",
        log=SCHEDULED_FAILED,
        logger=SCHEDULED_LOGGER,
        entry="ArrearsReportJob.report",
    ),
    # A scheduled job's failure seen by a task monitor and the log; logstash cuts the trace.
    Bug(
        "sc-indexation-arith",
        "rent-collector",
        (
            jexc(
                "java.lang.ArithmeticException",
                "Non-terminating decimal expansion; no exact representable decimal result.",
                (
                    *SCHEDULED,
                    jv(f"{RC}.jobs.RentReviewJob", "applyIndexation", 24),
                    jv(f"{RC}.review.CpiIndexation", "uplift", 58),
                    jl("java.math.BigDecimal", "divide", 1780),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, thread="scheduling-1"),
            see("datadog.task", 2, team="finance"),
        ),
        log=SCHEDULED_FAILED,
        logger=SCHEDULED_LOGGER,
        entry="RentReviewJob.applyIndexation",
    ),
    # Two nil dereferences in two handlers; Sentry's panic frames, zap's plain string.
    Bug(
        "sc-report-nil-room",
        "inspections",
        (
            Exc(
                "runtime.errorString",
                NIL_DEREF,
                (
                    *GO_HTTP,
                    go(INS + "/internal/api", "(*Server).finaliseReport", "/src/internal/api/reports.go", 88),
                    go(INS + "/internal/report", "(*Builder).roomSummary", "/src/internal/report/rooms.go", 41),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, format="go-panic", search="inspections panics"),
        ),
        classes=(4,),
        pair="sc-photo-nil-meta",
        entry="POST /v1/inspections/{inspection_id}/finalise",
    ),
    Bug(
        "sc-photo-nil-meta",
        "inspections",
        (
            Exc(
                "runtime.errorString",
                NIL_DEREF,
                (
                    *GO_HTTP,
                    go(INS + "/internal/api", "(*Server).uploadPhoto", "/src/internal/api/photos.go", 52),
                    go(INS + "/internal/media", "exifTakenAt", "/src/internal/media/exif.go", 19),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2, format="go-panic", search="inspections panics")),
        classes=(4,),
        pair="sc-report-nil-room",
        entry="POST /v1/inspections/{inspection_id}/photos",
    ),
    # Two errors wrapped with %w and reported by one helper: only the cause differs.
    Bug(
        "sc-report-s3-denied",
        "inspections",
        (
            Exc("*smithy.OperationError", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, api error AccessDenied: Access Denied"),
            Exc(
                "*fmt.wrapError",
                "store report {id}: operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, api error AccessDenied: Access Denied",
                (
                    *GO_HTTP,
                    go(INS + "/internal/api", "(*Server).finaliseReport", "/src/internal/api/reports.go", 97),
                    GO_FAIL,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", style="error", msg="request failed", monitor="inspections request failures", team="field"),
        ),
        classes=(9,),
        pair="sc-photo-db-timeout",
        log="request failed",
        entry="POST /v1/inspections/{inspection_id}/finalise",
    ),
    Bug(
        "sc-photo-db-timeout",
        "inspections",
        (
            Exc("context.deadlineExceededError", "context deadline exceeded"),
            Exc("*fmt.wrapError", "insert photo: timeout: context deadline exceeded"),
            Exc(
                "*fmt.wrapError",
                "save photo {id}: insert photo: timeout: context deadline exceeded",
                (
                    *GO_HTTP,
                    go(INS + "/internal/api", "(*Server).uploadPhoto", "/src/internal/api/photos.go", 71),
                    GO_FAIL,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", style="error", msg="request failed", monitor="inspections request failures", team="field"),
        ),
        classes=(9,),
        pair="sc-report-s3-denied",
        log="request failed",
        entry="POST /v1/inspections/{inspection_id}/photos",
    ),
    # One unique violation on two tables: a request and a Messenger handler.
    Bug(
        "sc-viewing-slot-taken",
        "portal",
        unique_violation(
            (
                *SYMFONY_REQUEST,
                php("src/Controller/ViewingController.php", "book", 46, "App\\Controller\\ViewingController", "(Object(Symfony\\Component\\HttpFoundation\\Request), Object(App\\Entity\\Listing))"),
                php("src/Service/ViewingBooker.php", "book", 38, "App\\Service\\ViewingBooker", "(Object(App\\Entity\\Listing), Object(App\\Entity\\Applicant), Object(DateTimeImmutable))"),
            ),
            "viewing_slot_unique",
            "slot_id",
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.log", style="kind", monitor="portal errors", team="portal"),
        ),
        classes=(4, 10),
        pair="sc-offer-duplicate",
        logger="request",
        entry="POST /listings/{listing_id}/viewings",
    ),
    Bug(
        "sc-offer-duplicate",
        "portal",
        handler_failed(
            "App\\Message\\RecordOffer",
            unique_violation(
                (
                    *MESSENGER,
                    php("src/MessageHandler/RecordOfferHandler.php", "__invoke", 31, "App\\MessageHandler\\RecordOfferHandler", "(Object(App\\Message\\RecordOffer))"),
                ),
                "offer_application_unique",
                "application_id",
            ),
            (*MESSENGER[:5], php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 124, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True)),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, stacktraces=True, search="portal-worker - errors"),
            see("datadog.log", style="kind", monitor="portal errors", team="portal"),
        ),
        classes=(4,),
        pair="sc-viewing-slot-taken",
        logger="messenger",
        entry="App\\Message\\RecordOffer",
    ),
    # A PHP TypeError whose message names the caller's line: it moves with every release.
    Bug(
        "sc-rent-calc-null",
        "portal",
        (
            Exc(
                "TypeError",
                "App\\Service\\RentCalculator::monthlyFromWeekly(): Argument #1 ($weekly) must be of type float, null given, called in /var/www/html/src/Controller/TenancyController.php on line {line}",
                (
                    *SYMFONY_REQUEST,
                    php("src/Controller/TenancyController.php", "statement", 88, "App\\Controller\\TenancyController", "(Object(App\\Entity\\Tenancy))"),
                    php("src/Service/RentCalculator.php", "monthlyFromWeekly", 21, "App\\Service\\RentCalculator", "(NULL)"),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.log", 2, style="sample", monitor="portal statement errors", team="portal"),
        ),
        classes=(5,),
        logger="request",
        entry="GET /tenancies/{tenancy_id}/statement",
        span=3,
    ),
    # The same mail failure in two Messenger handlers, wrapped by Messenger.
    Bug(
        "sc-viewing-mail-closed",
        "portal",
        handler_failed(
            "App\\Message\\SendViewingConfirmation",
            (
                Exc(
                    "Symfony\\Component\\Mailer\\Exception\\TransportException",
                    'Connection to "smtp.postmark.example:587" has been closed unexpectedly.',
                    (
                        *MESSENGER,
                        php("src/MessageHandler/SendViewingConfirmationHandler.php", "__invoke", 36, "App\\MessageHandler\\SendViewingConfirmationHandler", "(Object(App\\Message\\SendViewingConfirmation))"),
                        *MAILER_SEND,
                    ),
                ),
            ),
            (*MESSENGER[:5], php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 124, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True)),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, stacktraces=True, search="portal-worker - errors"),
            see("datadog.log", style="sample", monitor="portal-worker failures", team="portal"),
        ),
        classes=(4,),
        pair="sc-rent-reminder-mail-closed",
        logger="messenger",
        entry="App\\Message\\SendViewingConfirmation",
    ),
    Bug(
        "sc-rent-reminder-mail-closed",
        "portal",
        handler_failed(
            "App\\Message\\SendRentReminder",
            (
                Exc(
                    "Symfony\\Component\\Mailer\\Exception\\TransportException",
                    'Connection to "smtp.postmark.example:587" has been closed unexpectedly.',
                    (
                        *MESSENGER,
                        php("src/MessageHandler/SendRentReminderHandler.php", "__invoke", 29, "App\\MessageHandler\\SendRentReminderHandler", "(Object(App\\Message\\SendRentReminder))"),
                        php("src/Notification/ReminderMailer.php", "send", 44, "App\\Notification\\ReminderMailer", "(Object(App\\Entity\\Tenancy))"),
                        *MAILER_SEND,
                    ),
                ),
            ),
            (*MESSENGER[:5], php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 124, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True)),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, stacktraces=True, search="portal-worker - errors"),
            see("datadog.log", style="sample", monitor="portal-worker failures", team="portal"),
        ),
        classes=(4,),
        pair="sc-viewing-mail-closed",
        logger="messenger",
        entry="App\\Message\\SendRentReminder",
    ),
    # A warning whose values change length.
    Bug(
        "sc-sepa-upload-slow",
        "rent-collector",
        (),
        (
            see("splunk", 3, search="rent-collector - slow uploads", line="{tsms} WARN 1 --- [rent-collector] [   scheduling-1] c.s.rent.sepa.SepaFileUploader         : SEPA batch file uploaded slowly: {size} to {acquirer} in {dur}"),
            see("datadog.log", monitor="Slow SEPA uploads", filter="service:rent-collector status:warn", team="finance", text="SEPA batch uploads are slow. Sample: SEPA batch file uploaded slowly: {size} to {acquirer} in {dur}"),
        ),
        classes=(7,),
    ),
    # An APM monitor naming only the service and type.
    Bug(
        "sc-epc-lookup-404",
        "tenancy",
        (
            jexc(
                "org.springframework.web.client.HttpClientErrorException$NotFound",
                '404 Not Found: "{"error":"certificate not found"}"',
                (
                    *TOMCAT,
                    jv(f"{TEN}.web.ListingComplianceController", "epc", 27),
                    jv(f"{TEN}.compliance.EpcRegisterClient", "certificate", 39),
                    *REST_EXCHANGE,
                    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "applyStatusHandlers", 826),
                    jl("org.springframework.web.client.StatusHandler", "lambda$defaultHandler$3", 89),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="type", team="lettings")),
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="GET /api/listings/{listing_id}/epc",
    ),
    # A wrapper over the scheme's 503; logstash keeps only the first frames of each throwable.
    Bug(
        "sc-deposit-scheme-503",
        "tenancy",
        (
            jexc(
                "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable",
                '503 Service Unavailable: "<html><body><h1>Scheduled maintenance</h1></body></html>"',
                (
                    *TOMCAT,
                    jv(f"{TEN}.web.DepositController", "protect", 31),
                    jv(f"{TEN}.deposit.DepositRegistrationService", "register", 67),
                    jv(f"{TEN}.deposit.SchemeClient", "createProtection", 48),
                    *REST_EXCHANGE,
                    jl("org.springframework.web.client.DefaultRestClient$DefaultResponseSpec", "applyStatusHandlers", 826),
                    jl("org.springframework.web.client.StatusHandler", "lambda$defaultHandler$3", 89),
                ),
            ),
            jexc(
                f"{TEN}.deposit.DepositProtectionException",
                "could not register deposit {ref} with the protection scheme",
                (
                    *TOMCAT,
                    jv(f"{TEN}.web.DepositController", "protect", 31),
                    jv(f"{TEN}.deposit.DepositRegistrationService", "register", 74),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, half=4),
            see("datadog.log", style="kind", monitor="tenancy error logs", team="lettings"),
        ),
        classes=(10,),
        log=ROOT_CAUSE,
        logger=DISPATCHER,
        entry="POST /api/deposits/{deposit_id}/protect",
    ),
    # Seen once.
    Bug(
        "sc-portal-intl",
        "portal",
        (
            Exc(
                "ValueError",
                "NumberFormatter::__construct(): Argument #1 ($locale) must be a valid locale, \"cy_GB@currency=GBP\" given",
                (
                    *SYMFONY_REQUEST,
                    php("src/Twig/MoneyExtension.php", "formatRent", 22, "App\\Twig\\MoneyExtension", "(1450.0, 'cy_GB@currency=GBP')"),
                ),
            ),
        ),
        (see("sentry.error"),),
        singleton=True,
        entry="GET /account",
    ),
]

# Messenger logs each failure with the wrapper's message (what Sentry's title also shows).
for _bug in BUGS:
    if _bug.logger == "messenger":
        _bug.log = failed_log(_bug.chain, _bug.entry)

NOISE = [
    Noise(
        "sc-noise-deploy",
        "tenancy",
        "datadog.event",
        {
            "monitor": "Deployed tenancy 24.11.2 to prod",
            "text": "Flux reconciled tenancy 24.11.2 (3/3 pods ready).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "sc-noise-worker-stop",
        "portal",
        "splunk",
        {
            "search": "portal-worker - errors",
            "line": '{"message":"Worker stopped due to time limit of 3600s exceeded","context":{"timeLimit":3600},"level":200,"level_name":"INFO","channel":"messenger","datetime":"{tsnaive}+00:00","extra":{}}',
        },
    ),
    Noise(
        "sc-noise-cert",
        "inspections",
        "datadog.metric",
        {
            "monitor": "TLS certificate expires soon: inspections.stonechat.example",
            "scope": "host:inspections.stonechat.example",
            "text": "The certificate for inspections.stonechat.example expires in 13 days.",
            "query": "min(last_1h):min:tls.days_left{host:inspections.stonechat.example} < 14",
            "metric": "tls.days_left",
            "priority": "P3",
        },
    ),
    Noise(
        "sc-noise-started",
        "rent-collector",
        "splunk",
        {
            "search": "rent-collector - errors",
            "line": "{tsms} INFO 1 --- [rent-collector] [           main] c.s.rent.RentCollectorApplication       : Started RentCollectorApplication in 6.214 seconds (process running for 6.9)",
        },
    ),
]

STONECHAT = Company(
    key="i",
    name="Stonechat Lettings",
    domain="stonechat.example",
    sentry_org="stonechat",
    splunk_url="https://stonechat.splunkcloud.com",
    splunk_guid="D41B7E08-2C95-4F6A-B3E1-8A07C5D92F16",
    datadog_org=("884120", "Stonechat Lettings"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("24.11.0", "24.11.1", "24.11.2", "24.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="stonechat-sentry-client-secret",
)
# fmt: on
