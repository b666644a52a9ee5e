"""(hu) Vexley Print, print-on-demand posters and photo books: a Symfony 6.4 app on PHP 8.2
(``print-web``: the shop, artwork proofs, order pages and invoice downloads; Doctrine ORM 2.20
over PostgreSQL 16, the HttpClient calling a paper mill's stock API, Twig) and its workers
(``print-worker``: ``messenger:consume async`` on the Doctrine transport rendering artwork and
posting to the mill, and ``bin/console app:*`` commands run by cron).

Logs: Monolog's default ``LineFormatter`` (``[%datetime%] %channel%.%level_name%: %message%
%context% %extra%`` with stack traces included, the ``\\n`` of the JSON context turned back
into line breaks): the ErrorListener's ``request.CRITICAL: Uncaught PHP Exception Class:
"message" at /path line n``, Messenger's ``messenger.CRITICAL: Error thrown while handling
message App\\Message\\X. Removing from transport after 3 retries. Error: "..."`` whose
exception is a ``HandlerFailedException`` over the handler's, and the console's
``console.CRITICAL: Error thrown while running command "app:x". Message: "..."``; the context's
``exception`` is ``[object] (Class(code: n): message at /path:line)`` then ``[stacktrace]``.
No Splunk: Datadog log monitors paste ``{{log.message}}`` samples (some only the first lines,
some long) on the team's own template. Sentry: sentry-symfony 5. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import php

# fmt: off
SDK = ("sentry.php.symfony", "5.1.0", "composer:sentry/sentry-symfony")
SERVICES = {
    "print-web": Service("print-web", "php", "hu-monolog-request", "vexley:monolog", "/srv/app/var/log/prod.log", "vexley", 5530171, "php 8.2.26", framework="symfony", sdk=SDK),
    "print-worker": Service("print-worker", "php", "hu-monolog-messenger", "vexley:monolog", "/srv/app/var/log/prod.log", "vexley", 5530172, "php 8.2.26", framework="symfony", sdk=SDK),
}
APP = "/srv/app/"
SF = APP + "vendor/symfony/"
DOCTRINE = APP + "vendor/doctrine/"
REQ = "(Object(Symfony\\Component\\HttpFoundation\\Request))"
HTTP = (
    php(APP + "public/index.php", "{main}", 5, lib=True),
    php(APP + "vendor/autoload_runtime.php", "require_once", 29, lib=True),
    php(SF + "runtime/Runner/Symfony/HttpKernelRunner.php", "run", 35, "Symfony\\Component\\Runtime\\Runner\\Symfony\\HttpKernelRunner", lib=True),
    php(SF + "http-kernel/Kernel.php", "handle", 197, "Symfony\\Component\\HttpKernel\\Kernel", REQ, lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handle", 76, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1, true)", lib=True),
    php(SF + "http-kernel/HttpKernel.php", "handleRaw", 181, "Symfony\\Component\\HttpKernel\\HttpKernel", "(Object(Symfony\\Component\\HttpFoundation\\Request), 1)", lib=True),
)
CONSOLE = (
    php(APP + "bin/console", "{main}", 15, lib=True),
    php(APP + "vendor/autoload_runtime.php", "require_once", 29, lib=True),
    php(SF + "runtime/Runner/Symfony/ConsoleApplicationRunner.php", "run", 49, "Symfony\\Component\\Runtime\\Runner\\Symfony\\ConsoleApplicationRunner", lib=True),
    php(SF + "console/Application.php", "run", 175, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "console/Application.php", "doRun", 326, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "console/Application.php", "doRunCommand", 1096, "Symfony\\Component\\Console\\Application", lib=True),
    php(SF + "console/Command/Command.php", "run", 326, "Symfony\\Component\\Console\\Command\\Command", lib=True),
)
WORKER = (
    *CONSOLE,
    php(SF + "messenger/Command/ConsumeMessagesCommand.php", "execute", 238, "Symfony\\Component\\Messenger\\Command\\ConsumeMessagesCommand", lib=True),
    php(SF + "messenger/Worker.php", "run", 98, "Symfony\\Component\\Messenger\\Worker", "(Array)", lib=True),
    php(SF + "messenger/Worker.php", "handleMessage", 169, "Symfony\\Component\\Messenger\\Worker", "(Object(Symfony\\Component\\Messenger\\Envelope), 'async')", lib=True),
    php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 96, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", "(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))", lib=True),
)
HANDLER_FAILED = php(SF + "messenger/Middleware/HandleMessageMiddleware.php", "handle", 124, "Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware", lib=True)


def app(file: str, cls: str, function: str, line: int, args: str = "()") -> Frame:
    return php(f"{APP}src/{file}", function, line, f"App\\{cls}", args)


def ctrl(name: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*HTTP, app(f"Controller/{name}.php", f"Controller\\{name}", method, line, REQ), *more)


def command(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*CONSOLE, app(f"Command/{name}.php", f"Command\\{name}", "execute", line, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), *more)


def handled(message: str, line: int, inner: Exc) -> tuple[Exc, Exc]:
    """Messenger wraps a handler's exception in a ``HandlerFailedException``."""
    name = message.rsplit("\\", 1)[1]
    frames = (*WORKER, app(f"MessageHandler/{name}Handler.php", f"MessageHandler\\{name}Handler", "__invoke", line, f"(Object({message}))"), *inner.frames)
    first = inner.value.split("\n", 1)[0]
    return (Exc(inner.type, inner.value, frames), Exc("Symfony\\Component\\Messenger\\Exception\\HandlerFailedException", f'Handling "{message}" failed: {first}', (*WORKER, HANDLER_FAILED)))


def pg_unique(constraint: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    sql = f'SQLSTATE[23505]: Unique violation: 7 ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key ({key})=({{id}}) already exists.'
    flush = (
        *frames,
        php(DOCTRINE + "orm/src/EntityManager.php", "flush", 268, "Doctrine\\ORM\\EntityManager", lib=True),
        php(DOCTRINE + "orm/src/UnitOfWork.php", "commit", 458, "Doctrine\\ORM\\UnitOfWork", lib=True),
        php(DOCTRINE + "dbal/src/Connection.php", "executeStatement", 1229, "Doctrine\\DBAL\\Connection", lib=True),
    )
    return (
        Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", sql, (*flush, php(DOCTRINE + "dbal/src/Driver/PDO/Statement.php", "execute", 130, "Doctrine\\DBAL\\Driver\\PDO\\Statement", lib=True))),
        Exc("Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException", f"An exception occurred while executing a query: {sql}", (*flush, php(DOCTRINE + "dbal/src/Connection.php", "convertExceptionDuringQuery", 1926, "Doctrine\\DBAL\\Connection", lib=True), php(DOCTRINE + "dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php", "convert", 47, "Doctrine\\DBAL\\Driver\\API\\PostgreSQL\\ExceptionConverter", lib=True))),
    )


KV = "{{log.message}}"


def mon(name: str, query: str, **more: object) -> dict[str, object]:
    return dict(team="print", monitor=f"[vexley] {name}", filter=query, text=f"New CRITICAL on {{{{log.service}}}}:\n\n```\n{KV}\n```", **more)


WEB = mon("request.CRITICAL on print-web", "service:print-web @channel:request @level_name:CRITICAL")
WEB_SHORT = {**WEB, "sample_lines": 1}
WEB_LONG = {**WEB, "sample_lines": 14}
QUEUE = mon("messages removed from transport", "service:print-worker @channel:messenger \"Removing from transport\"", sample_lines=8)
CRON = mon("cron command failed", "service:print-worker @channel:console", format="hu-monolog-console", sample_lines=6)
CODES = {"codes": ("7", "7")}
NULL_DPI = "Call to a member function getDpi() on null"
STOCK = app("Mill/PaperStockClient.php", "Mill\\PaperStockClient", "reserve", 58, "('{id}', 'silk-170', 40)")
STOCK_HTTP = (STOCK, php(SF + "http-client/Response/CommonResponseTrait.php", "toArray", 56, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True), php(SF + "http-client/Response/CommonResponseTrait.php", "checkStatusCode", 169, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True))
MONEY = app("Money/MoneyFormatter.php", "Money\\MoneyFormatter", "format", 31, "(Object(Money\\Money))")

BUGS = [
    # The same Error in two places: a proof preview and the artwork render handler, both on an upload whose image metadata was lost.
    Bug("hu-proof-null-dpi", "print-web", (Exc("Error", NULL_DPI, ctrl("ProofController", "preview", 44, app("Proof/ProofBuilder.php", "Proof\\ProofBuilder", "build", 71, "(Object(App\\Entity\\Artwork))"))),),
        (see("sentry.error", 4), see("datadog.log", **WEB), see("datadog.log", **WEB_LONG), see("datadog.log", **WEB_SHORT)),
        classes=(4, 5), pair="hu-render-null-dpi", entry="GET /proofs/{id}/preview", span=2, renames={"preview": "show"}),
    Bug("hu-render-null-dpi", "print-worker", handled("App\\Message\\RenderArtwork", 33, Exc("Error", NULL_DPI, (app("Render/ImposeService.php", "Render\\ImposeService", "impose", 102, "(Object(App\\Entity\\Artwork), 'A2')"),))),
        (see("sentry.error", 2), see("datadog.log", 2, **QUEUE, message_class="App\\Message\\RenderArtwork")),
        classes=(4,), pair="hu-proof-null-dpi", entry="App\\Message\\RenderArtwork"),
    # One flush, two unique constraints.
    Bug("hu-dup-order-ref", "print-web", pg_unique("uniq_order_reference", "reference", ctrl("CheckoutController", "confirm", 88, app("Order/OrderPlacer.php", "Order\\OrderPlacer", "place", 49, "(Object(App\\Entity\\Cart))"))),
        (see("sentry.error", 3), see("datadog.log", **WEB, **CODES), see("datadog.log", **WEB_SHORT, **CODES)),
        classes=(4,), pair="hu-dup-sku", entry="POST /checkout/confirm"),
    Bug("hu-dup-sku", "print-worker", pg_unique("uniq_product_sku", "sku", command("ImportCatalogueCommand", 64, app("Catalogue/Importer.php", "Catalogue\\Importer", "upsert", 112, "(Array)"))),
        (see("sentry.error", 3), see("datadog.log", **CRON, **CODES), see("datadog.log", **{**CRON, "sample_lines": 2}, **CODES)),
        classes=(4,), pair="hu-dup-order-ref", entry="app:catalogue:import --source=mill"),
    # One stock client method, two exceptions: the mill's API idles out, or the reservation is gone.
    Bug("hu-stock-timeout", "print-worker", handled("App\\Message\\ReservePaper", 27, Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://stock.papermill.example/api/v2/reservations".', (STOCK, php(SF + "http-client/Response/CurlResponse.php", "perform", 305, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True)))),
        (see("sentry.error", 4), see("datadog.log", 2, **QUEUE, message_class="App\\Message\\ReservePaper")),
        classes=(2,), pair="hu-stock-404", entry="App\\Message\\ReservePaper"),
    Bug("hu-stock-404", "print-worker", handled("App\\Message\\ReservePaper", 27, Exc("Symfony\\Component\\HttpClient\\Exception\\ClientException", 'HTTP/2 404 returned for "https://stock.papermill.example/api/v2/reservations/{id}".', STOCK_HTTP)),
        (see("sentry.error", 2), see("datadog.log", 2, **QUEUE, message_class="App\\Message\\ReservePaper")),
        classes=(2,), pair="hu-stock-timeout", entry="App\\Message\\ReservePaper"),
    # One money formatter at the end of two bugs: an invoice download and the monthly statement command.
    Bug("hu-money-invoice", "print-web", (Exc("InvalidArgumentException", 'Unknown currency code "HRK".', ctrl("InvoiceController", "download", 37, app("Invoice/InvoicePdf.php", "Invoice\\InvoicePdf", "render", 83, "(Object(App\\Entity\\Invoice))"), MONEY)),),
        (see("sentry.error", 2), see("datadog.log", **WEB), see("datadog.log", **WEB_SHORT)),
        classes=(9,), pair="hu-money-statement", entry="GET /account/invoices/{id}.pdf"),
    Bug("hu-money-statement", "print-worker", (Exc("InvalidArgumentException", 'Unknown currency code "HRK".', command("SendStatementsCommand", 52, app("Statement/StatementMailer.php", "Statement\\StatementMailer", "send", 40, "(Object(App\\Entity\\Customer))"), MONEY)),),
        (see("sentry.error", 3), see("datadog.log", 2, **CRON)),
        classes=(9,), pair="hu-money-invoice", entry="app:statements:send --month=2026-02"),
    # Two handler failures under the one queue monitor.
    Bug("hu-imagick-limit", "print-worker", handled("App\\Message\\RenderArtwork", 41, Exc("ImagickException", "width or height exceeds limit `/tmp/artwork-{id}.tif' @ error/cache.c/OpenPixelCache/3909", (app("Render/RasterService.php", "Render\\RasterService", "rasterise", 66, "('/tmp/artwork-{id}.tif')"), Frame("readImage", "", 0, "Imagick", False, args="('/tmp/artwork-{id}.tif')")))),
        (see("sentry.error", 3), see("datadog.log", **QUEUE, message_class="App\\Message\\RenderArtwork")),
        classes=(2,), pair="hu-mill-signature", entry="App\\Message\\RenderArtwork"),
    Bug("hu-mill-signature", "print-worker", handled("App\\Message\\MillCallback", 22, Exc("App\\Exception\\InvalidSignatureException", "Signature mismatch for mill callback {uuid}.", (app("Mill/CallbackVerifier.php", "Mill\\CallbackVerifier", "verify", 29, "(Object(App\\Message\\MillCallback))"),))),
        (see("sentry.error", 2), see("datadog.log", 2, **QUEUE, message_class="App\\Message\\MillCallback")),
        classes=(2,), pair="hu-imagick-limit", entry="App\\Message\\MillCallback"),
    # Not pairs.
    Bug("hu-twig-var", "print-web", (Exc("Twig\\Error\\RuntimeError", 'Variable "shipment" does not exist in "order/confirmation.html.twig" at line 14.', ctrl("OrderController", "confirmation", 61, php(APP + "vendor/twig/twig/src/Environment.php", "render", 332, "Twig\\Environment", lib=True), php(APP + "var/cache/prod/twig/4f/4f1c0e9a.php", "doDisplay", 58, "__TwigTemplate_4f1c0e9a", lib=True))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **WEB), see("datadog.log", **WEB_LONG)),
        classes=(1,), entry="GET /orders/{id}/confirmation", span=2),
    Bug("hu-deadlock", "print-worker", (Exc("Doctrine\\DBAL\\Driver\\PDO\\Exception", "SQLSTATE[40P01]: Deadlock detected: 7 ERROR:  deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}.", command("ReleaseHoldsCommand", 39, app("Stock/HoldReleaser.php", "Stock\\HoldReleaser", "releaseExpired", 55), php(DOCTRINE + "dbal/src/Driver/PDO/Statement.php", "execute", 130, "Doctrine\\DBAL\\Driver\\PDO\\Statement", lib=True))), Exc("Doctrine\\DBAL\\Exception\\DeadlockException", "An exception occurred while executing a query: SQLSTATE[40P01]: Deadlock detected: 7 ERROR:  deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}.", command("ReleaseHoldsCommand", 39, app("Stock/HoldReleaser.php", "Stock\\HoldReleaser", "releaseExpired", 55), php(DOCTRINE + "dbal/src/Driver/API/PostgreSQL/ExceptionConverter.php", "convert", 38, "Doctrine\\DBAL\\Driver\\API\\PostgreSQL\\ExceptionConverter", lib=True)))),
        (see("sentry.error", 3), see("datadog.log", 2, **CRON, **CODES)),
        classes=(1,), entry="app:holds:release"),
    Bug("hu-type-weight", "print-web", (Exc("TypeError", "App\\Shipping\\ShippingQuote::__construct(): Argument #2 ($weightGrams) must be of type int, null given, called in /srv/app/src/Shipping/QuoteFactory.php on line 33", ctrl("CartController", "shipping", 29, app("Shipping/QuoteFactory.php", "Shipping\\QuoteFactory", "forCart", 33, "(Object(App\\Entity\\Cart))"), app("Shipping/ShippingQuote.php", "Shipping\\ShippingQuote", "__construct", 14, "('DPD', NULL)"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **WEB_SHORT)),
        entry="GET /cart/shipping"),
    Bug("hu-access-denied-log", "print-web", (Exc("Symfony\\Component\\HttpKernel\\Exception\\AccessDeniedHttpException", "Access Denied.", ctrl("AdminOrderController", "refund", 18, php(SF + "security-http/Firewall/AccessListener.php", "authenticate", 76, "Symfony\\Component\\Security\\Http\\Firewall\\AccessListener", lib=True))),),
        (see("datadog.log", 2, **mon("request.ERROR on print-web admin", "service:print-web @channel:request @level_name:ERROR @http.url_details.path:/admin/*"), level="ERROR"),),
        entry="POST /admin/orders/{id}/refund"),
    Bug("hu-mailer-smtp", "print-worker", (Exc("Symfony\\Component\\Mailer\\Exception\\TransportException", 'Connection could not be established with host "ssl://smtp.eu.mailgun.org:465": stream_socket_client(): Unable to connect to ssl://smtp.eu.mailgun.org:465 (Connection timed out)', (*WORKER, php(SF + "mailer/Messenger/MessageHandler.php", "__invoke", 31, "Symfony\\Component\\Mailer\\Messenger\\MessageHandler", "(Object(Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage))", lib=True), php(SF + "mailer/Transport/Smtp/SmtpTransport.php", "send", 137, "Symfony\\Component\\Mailer\\Transport\\Smtp\\SmtpTransport", lib=True), php(SF + "mailer/Transport/Smtp/Stream/SocketStream.php", "initialize", 154, "Symfony\\Component\\Mailer\\Transport\\Smtp\\Stream\\SocketStream", lib=True))), Exc("Symfony\\Component\\Messenger\\Exception\\HandlerFailedException", 'Handling "Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage" failed: Connection could not be established with host "ssl://smtp.eu.mailgun.org:465": stream_socket_client(): Unable to connect to ssl://smtp.eu.mailgun.org:465 (Connection timed out)', (*WORKER, HANDLER_FAILED))),
        (see("sentry.error", 3), see("datadog.log", 2, **QUEUE, message_class="Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage")),
        classes=(1,), entry="Symfony\\Component\\Mailer\\Messenger\\SendEmailMessage"),
    Bug("hu-lock-conflict", "print-worker", (Exc("Symfony\\Component\\Lock\\Exception\\LockConflictedException", "", command("SyncMillOrdersCommand", 41, php(SF + "lock/Lock.php", "acquire", 111, "Symfony\\Component\\Lock\\Lock", "(false)", lib=True), php(SF + "lock/Store/DoctrineDbalPostgreSqlStore.php", "save", 86, "Symfony\\Component\\Lock\\Store\\DoctrineDbalPostgreSqlStore", lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **CRON)),
        entry="app:mill:sync-orders"),
    Bug("hu-singleton-memory", "print-worker", (Exc("Symfony\\Component\\ErrorHandler\\Error\\OutOfMemoryError", "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate 20480 bytes)", (*CONSOLE, app("Command/ExportPhotobookCommand.php", "Command\\ExportPhotobookCommand", "execute", 77)),),),
        (see("sentry.error"),),
        singleton=True, entry="app:photobook:export"),
]

NOISE = [
    Noise("hu-noise-deploy", "print-web", "datadog.event", {"monitor": "Deployed print-web 2026.03.11", "text": "Deployer: release 2026.03.11 of print-web is live (cache:warmup ok, 3 migrations).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "print"}),
    Noise("hu-noise-recovered", "print-worker", "datadog.log", {"monitor": "[vexley] messages removed from transport", "transition": "Recovered", "alert_type": "success", "team": "print", "filter": "service:print-worker @channel:messenger \"Removing from transport\"", "text": "No messages removed from transport in the last 15 minutes."}),
    Noise("hu-noise-cron", "print-worker", "datadog.event", {"monitor": "[vexley] cron heartbeat", "text": "app:holds:release finished OK in 4.2s (0 holds released).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "print"}),
]

VEXLEY = Company(
    key="hu",
    name="Vexley Print",
    domain="vexley-print.example",
    sentry_org="vexley",
    splunk_url="https://vexley.splunkcloud.com",
    splunk_guid="3D8B0F62-7C14-4E9A-A5B2-91E6F0C7D438",
    datadog_org=("774120", "Vexley Print"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.03.04", "2026.03.08", "2026.03.11"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="vexley-sentry-client-secret",
)
# fmt: on
