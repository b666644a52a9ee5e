"""(eq) Equinbeck Playhouse, a regional theatre's box office: a CakePHP 5.0 app on PHP 8.3
(``boxoffice-web``: performances, seat holds, orders, e-tickets; the ORM over MySQL 8, the
HTTP client calling a card gateway) and its ``bin/cake`` commands run from cron
(``boxoffice-cli``: reminder mailings, voucher imports, refund runs).

Sentry: the plain ``sentry/sentry`` SDK hooked into the error trap (``php``). Splunk: CakePHP's
default ``logs/error.log`` from ``ErrorLogger`` (``eq-cake-error``: ``[Type] message in file on
line N``, ``Caused by:``, ``Stack Trace:`` in points format, ``Request URL:``). Datadog: log
monitors over the same file posting Datadog's default payload. No PostHog.
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
    "boxoffice-web": Service("boxoffice-web", "php", "eq-cake-error", "equinbeck:cake:error", "/var/www/app/logs/error.log", "equinbeck", 5510217, "php 8.3.12", sdk=SDK),
    "boxoffice-cli": Service("boxoffice-cli", "php", "eq-cake-error", "equinbeck:cake:error", "/var/www/app/logs/cli-error.log", "equinbeck", 5510218, "php 8.3.12", sdk=SDK),
}

APP = "/var/www/app/"
CAKE = APP + "vendor/cakephp/cakephp/src/"
REQ = "(Object(Cake\\Http\\ServerRequest))"
HTTP = (
    php(APP + "webroot/index.php", "{main}", 37, lib=True),
    php(CAKE + "Http/Server.php", "run", 104, "Cake\\Http\\Server", REQ, lib=True),
    php(CAKE + "Http/Runner.php", "handle", 82, "Cake\\Http\\Runner", REQ, lib=True),
    php(CAKE + "Http/BaseApplication.php", "handle", 320, "Cake\\Http\\BaseApplication", REQ, lib=True),
    php(CAKE + "Controller/ControllerFactory.php", "invoke", 164, "Cake\\Controller\\ControllerFactory", "(Object(App\\Controller\\AppController))", lib=True),
    php(CAKE + "Controller/Controller.php", "invokeAction", 505, "Cake\\Controller\\Controller", "(Object(Closure), Array)", lib=True),
)
CLI = (
    php(APP + "bin/cake.php", "{main}", 12, lib=True),
    php(CAKE + "Console/CommandRunner.php", "run", 191, "Cake\\Console\\CommandRunner", "(Array)", lib=True),
    php(CAKE + "Console/CommandRunner.php", "runCommand", 322, "Cake\\Console\\CommandRunner", "(Object(App\\Command\\AppCommand), Array, Object(Cake\\Console\\ConsoleIo))", lib=True),
    php(CAKE + "Console/BaseCommand.php", "run", 233, "Cake\\Console\\BaseCommand", "(Array, Object(Cake\\Console\\ConsoleIo))", lib=True),
)
TABLE_GET = php(CAKE + "ORM/Table.php", "get", 1529, "Cake\\ORM\\Table", "(1204)", lib=True)
SAVE = (
    php(CAKE + "ORM/Table.php", "saveOrFail", 1917, "Cake\\ORM\\Table", "(Object(Cake\\ORM\\Entity))", lib=True),
    php(CAKE + "ORM/Table.php", "_processSave", 2025, "Cake\\ORM\\Table", lib=True),
    php(CAKE + "Database/Statement/Statement.php", "execute", 144, "Cake\\Database\\Statement\\Statement", "(NULL)", lib=True),
)
SEARCH = "boxoffice - error.log"
WEB_MON = dict(monitor="[boxoffice-web] errors in error.log", filter="service:boxoffice-web status:error", style="sample", team="boxoffice")
CLI_MON = dict(monitor="[boxoffice-cli] cron command failed", filter="service:boxoffice-cli status:error", style="sample", team="boxoffice")
KIND_MON = dict(monitor="[boxoffice] error kinds", filter="env:prod status:error", style="kind", team="boxoffice")


def app(path: str, cls: str, function: str, line: int, args: str = "()") -> Frame:
    return php(f"{APP}src/{path}", function, line, f"App\\{cls}", args)


def ctrl(name: str, action: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*HTTP, app(f"Controller/{name}.php", f"Controller\\{name}", action, line, "(1204)"), *more)


def command(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*CLI, app(f"Command/{name}.php", f"Command\\{name}", "execute", line, "(Object(Cake\\Console\\Arguments), Object(Cake\\Console\\ConsoleIo))"), *more)


def not_found(table: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("Cake\\Datasource\\Exception\\RecordNotFoundException", f"Record not found in table `{table}`.", (*frames, TABLE_GET)),)


def duplicate(table: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    sql = f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{{id}}' for key '{table}.{key}'"
    return (
        Exc("PDOException", sql, (*frames, *SAVE, php(CAKE + "Database/Driver.php", "executeStatement", 383, "Cake\\Database\\Driver", lib=True))),
        Exc("Cake\\Database\\Exception\\QueryException", sql + f"\nQuery: INSERT INTO {table} (...) VALUES (...)", (*frames, *SAVE, php(CAKE + "Database/Driver.php", "executeStatement", 395, "Cake\\Database\\Driver", lib=True))),
    )


GATEWAY = (app("Payment/GatewayClient.php", "Payment\\GatewayClient", "post", 58, "('/v1/charges', Array)"), php(CAKE + "Http/Client.php", "send", 396, "Cake\\Http\\Client", lib=True), php(CAKE + "Http/Client/Adapter/Curl.php", "send", 56, "Cake\\Http\\Client\\Adapter\\Curl", lib=True))
NULL_FORMAT = "Call to a member function format() on null"

BUGS = [
    # RecordNotFound from Table::get on two tables: an order and a seat.
    Bug("eq-order-notfound", "boxoffice-web", not_found("orders", ctrl("OrdersController", "view", 44)),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.log", **WEB_MON), see("sentry.issue")),
        classes=(4,), pair="eq-seat-notfound", entry="GET /orders/view/{id}"),
    Bug("eq-seat-notfound", "boxoffice-web", not_found("seats", ctrl("SeatsController", "hold", 71)),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **KIND_MON)),
        classes=(4,), pair="eq-order-notfound", entry="POST /seats/hold/{id}", span=2),
    # The same Error on a null performance date: the e-ticket page and the confirmation mail.
    Bug("eq-ticket-date-null", "boxoffice-web", (Exc("Error", NULL_FORMAT, ctrl("TicketsController", "print", 38, app("View/Helper/TicketHelper.php", "View\\Helper\\TicketHelper", "startsAt", 27, "(Object(App\\Model\\Entity\\Performance))"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, search=SEARCH), see("datadog.log", **WEB_MON)),
        classes=(4, 5), pair="eq-mail-date-null", entry="GET /tickets/print/{id}", span=2),
    Bug("eq-mail-date-null", "boxoffice-cli", (Exc("Error", NULL_FORMAT, command("SendRemindersCommand", 52, app("Mailer/TicketMailer.php", "Mailer\\TicketMailer", "reminder", 33, "(Object(App\\Model\\Entity\\Order))"))),),
        (see("sentry.error", 2), see("splunk", 3, search=SEARCH), see("datadog.log", **CLI_MON)),
        classes=(4,), pair="eq-ticket-date-null", entry="bin/cake send_reminders"),
    # Duplicate keys on two tables: a double-booked seat, a re-imported voucher.
    Bug("eq-booking-dup", "boxoffice-web", duplicate("bookings", "uniq_seat_performance", ctrl("OrdersController", "checkout", 118)),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **KIND_MON), see("sentry.issue")),
        classes=(4, 1), pair="eq-voucher-dup", entry="POST /orders/checkout"),
    Bug("eq-voucher-dup", "boxoffice-cli", duplicate("vouchers", "uniq_code", command("ImportVouchersCommand", 64)),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.log", **CLI_MON)),
        classes=(4,), pair="eq-booking-dup", entry="bin/cake import_vouchers"),
    # The card gateway through one client helper: a timeout on charge, a 502 on refund.
    Bug("eq-charge-timeout", "boxoffice-web", (Exc("Cake\\Http\\Client\\Exception\\NetworkException", "cURL Error (28) Operation timed out after 30001 milliseconds with 0 bytes received", ctrl("PaymentsController", "charge", 57, *GATEWAY)),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **WEB_MON)),
        classes=(9,), pair="eq-refund-badgateway", entry="POST /payments/charge/{id}"),
    Bug("eq-refund-badgateway", "boxoffice-cli", (Exc("App\\Payment\\GatewayException", "Gateway answered 502 Bad Gateway for POST /v1/refunds", command("RunRefundsCommand", 47, app("Payment/RefundService.php", "Payment\\RefundService", "refund", 36, "(Object(App\\Model\\Entity\\Order))"), GATEWAY[0])),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.log", **CLI_MON)),
        classes=(9,), pair="eq-charge-timeout", entry="bin/cake run_refunds"),
    # One search action, two exceptions: a malformed date string and a null end date.
    Bug("eq-search-malformed", "boxoffice-web", (Exc("DateMalformedStringException", "Failed to parse time string ({date}) at position 0 ({n}): Unexpected character", ctrl("PerformancesController", "search", 29, php(CAKE + "I18n/Date.php", "parse", 88, "Cake\\I18n\\Date", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH)),
        pair="eq-search-typeerror", entry="GET /performances/search"),
    Bug("eq-search-typeerror", "boxoffice-web", (Exc("TypeError", "App\\Model\\Table\\PerformancesTable::findBetween(): Argument #2 ($to) must be of type Cake\\I18n\\Date, null given, called in /var/www/app/src/Controller/PerformancesController.php on line 33", ctrl("PerformancesController", "search", 33, app("Model/Table/PerformancesTable.php", "Model\\Table\\PerformancesTable", "findBetween", 61, "(Object(Cake\\I18n\\Date), NULL)"))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.log", **WEB_MON)),
        pair="eq-search-malformed", entry="GET /performances/search"),
    # A template missing after a release renamed the embed action's folder.
    Bug("eq-embed-template", "boxoffice-web", (Exc("Cake\\View\\Exception\\MissingTemplateException", "Template file `Events/embed.php` could not be found.\n\nThe following paths were searched:\n\n- `/var/www/app/templates/Events/embed.php`\n- `/var/www/app/vendor/cakephp/cakephp/templates/Events/embed.php`", ctrl("EventsController", "embed", 90, php(CAKE + "View/View.php", "_getTemplateFileName", 1412, "Cake\\View\\View", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH), see("datadog.log", **KIND_MON)),
        classes=(5,), entry="GET /events/embed/{id}", span=2),
    # The reminder run's SMTP connection timing out.
    Bug("eq-smtp-timeout", "boxoffice-cli", (Exc("Cake\\Network\\Exception\\SocketException", "Connection timed out", command("SendRemindersCommand", 58, php(CAKE + "Mailer/Mailer.php", "deliver", 620, "Cake\\Mailer\\Mailer", lib=True), php(CAKE + "Mailer/Transport/SmtpTransport.php", "_connect", 420, "Cake\\Mailer\\Transport\\SmtpTransport", lib=True), php(CAKE + "Network/Socket.php", "connect", 160, "Cake\\Network\\Socket", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.log", 2, **CLI_MON)),
        entry="bin/cake send_reminders"),
    # The seat-map export running out of memory: a fatal error has no trace but its own line.
    Bug("eq-seatmap-memory", "boxoffice-cli", (Exc("Cake\\Error\\FatalErrorException", "Allowed memory size of 134217728 bytes exhausted (tried to allocate {size})", (php(APP + "src/Command/ExportSeatMapCommand.php", "execute", 81, "App\\Command\\ExportSeatMapCommand"),)),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH), see("datadog.log", **CLI_MON)),
        classes=(10,), entry="bin/cake export_seat_map"),
    # CSRF cookie rejected by the middleware after the cookie's SameSite change.
    Bug("eq-csrf-cookie", "boxoffice-web", (Exc("Cake\\Http\\Exception\\InvalidCsrfTokenException", "Missing or incorrect CSRF cookie type.", (*HTTP[:4], php(CAKE + "Http/Middleware/CsrfProtectionMiddleware.php", "_validateToken", 404, "Cake\\Http\\Middleware\\CsrfProtectionMiddleware", REQ, lib=True))),),
        (see("splunk", 3, search=SEARCH), see("datadog.log", **WEB_MON), see("sentry.error", 1)),
        entry="POST /seats/hold/{id}"),
    # A release that dropped the season-ticket entity while a table class still named it.
    Bug("eq-season-class", "boxoffice-web", (Exc("Error", 'Class "App\\Model\\Entity\\SeasonTicket" not found', ctrl("SeasonsController", "renew", 35, php(CAKE + "ORM/Table.php", "newEntity", 2260, "Cake\\ORM\\Table", lib=True), php(CAKE + "ORM/Marshaller.php", "one", 209, "Cake\\ORM\\Marshaller", lib=True))),),
        (see("sentry.error", 3, release=2), see("splunk", 2, search=SEARCH, release=2), see("datadog.log", **KIND_MON, release=2)),
        entry="POST /seasons/renew/{id}"),
    # A singleton: the occupancy report on a performance with no seats on sale.
    Bug("eq-occupancy-divzero", "boxoffice-web", (Exc("DivisionByZeroError", "Division by zero", ctrl("ReportsController", "occupancy", 66, app("Report/Occupancy.php", "Report\\Occupancy", "percent", 21))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /reports/occupancy/{id}"),
    # Slow gateway answers logged as warnings: template lines.
    Bug("eq-slow-gateway", "boxoffice-web", (),
        (see("splunk", 3, search="boxoffice - slow gateway", line="{gts} warning: Gateway answered after {dur} ({size}) from {hostport}"), see("datadog.log", 2, team="boxoffice", monitor="[boxoffice] slow gateway answers", filter="service:boxoffice-web status:warn", text="Gateway answered after {dur} ({size}) from {hostport}")),
        classes=(7,)),
]

NOISE = [
    Noise("eq-noise-deploy", "boxoffice-web", "datadog.event", {"monitor": "boxoffice-web deployed", "text": "Release 5.14.2 deployed to web-1 and web-2 by GitLab CI.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("eq-noise-cron", "boxoffice-cli", "splunk", {"search": SEARCH, "line": "{gts} info: send_reminders finished: 412 mails queued"}),
]

EQUINBECK = Company(
    key="eq",
    name="Equinbeck Playhouse",
    domain="equinbeck.example",
    sentry_org="equinbeck",
    splunk_url="https://equinbeck.splunkcloud.com",
    splunk_guid="5B1C2D3E-4F50-4A61-8B72-9C8DAEBFC0D1",
    datadog_org=("611402", "Equinbeck Playhouse"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("5.13.0", "5.14.0", "5.14.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="equinbeck-sentry-client-secret",
)
# fmt: on
