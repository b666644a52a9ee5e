"""(lx) Oldcastle Teas, a loose-leaf tea shop: a Symfony 6.4 app on PHP 8.2 on three VMs
behind nginx and php-fpm (``shop-web``: product pages, basket, checkout through Mollie,
subscriptions, Google Shopping feed; Doctrine ORM over PostgreSQL, Twig), its workers on a
fourth VM (``shop-worker``: ``messenger:consume async`` for payment capture, DPD shipping and
subscription renewals, ``bin/console app:*`` cron commands) and a storefront's own scripts
(``storefront``: the brew guide, sample picker and Klarna widget, bundled by Webpack Encore).

Logs: Monolog's default ``LineFormatter`` writing ``var/log/prod.log`` (one line a record: the
ErrorListener's ``request.CRITICAL: Uncaught PHP Exception ...``, Messenger's and the
console's CRITICAL records, the ErrorHandler's ``php.CRITICAL: Fatal Error: ...``), read by a
universal forwarder into one Splunk saved search; php-fpm's and nginx's error logs that
syslog-ng forwards to Splunk as RFC 3164 lines (a second saved search). Sentry:
sentry-symfony. Datadog: dd-trace-php with APM monitors by error type, log monitors on
prod.log's CRITICAL records, Messenger's removals and the web VMs' syslog. PostHog:
posthog-js on the storefront. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import replace

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import js, php
from .vexley import CONSOLE as _CONSOLE
from .vexley import HANDLER_FAILED as _HANDLER_FAILED
from .vexley import HTTP as _HTTP
from .vexley import WORKER as _WORKER

# fmt: off
ROOT = "/var/www/oldcastle/releases/20260304/"
SDK = ("sentry.php.symfony", "5.0.1", "composer:sentry/sentry-symfony")
SERVICES = {
    "shop-web": Service("shop-web", "php", "lx-monolog", "symfony:monolog", ROOT + "var/log/prod.log", "oc_shop", 11110011, "php 8.2.27", framework="symfony", sdk=SDK),
    "shop-worker": Service("shop-worker", "php", "lx-monolog", "symfony:monolog", ROOT + "var/log/prod.log", "oc_shop", 11110012, "php 8.2.27", framework="symfony", sdk=SDK),
    "storefront": Service("storefront", "javascript", "", "", "", "", 11110013, origin="https://www.oldcastle-teas.example", framework="onerror"),
}


def _rebase(frames: tuple[Frame, ...]) -> tuple[Frame, ...]:
    return tuple(replace(f, file=f.file.replace("/srv/app/", ROOT)) for f in frames)


HTTP, CONSOLE, WORKER = _rebase(_HTTP), _rebase(_CONSOLE), _rebase(_WORKER)
HANDLER_FAILED = _rebase((_HANDLER_FAILED,))[0]
SF = ROOT + "vendor/symfony/"
DOCTRINE = ROOT + "vendor/doctrine/"
REQ = "(Object(Symfony\\Component\\HttpFoundation\\Request))"


def app(file: str, cls: str, function: str, line: int, args: str = "()") -> Frame:
    return php(f"{ROOT}src/{file}", function, line, f"App\\{cls}", args)


def ctrl(name: str, method: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*HTTP, app(f"Controller/{name}.php", f"Controller\\{name}", method, line, REQ), *more)


def command(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*CONSOLE, app(f"Command/{name}.php", f"Command\\{name}", "execute", line, "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"), *more)


def handled(message: str, line: int, inner: Exc) -> tuple[Exc, Exc]:
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


# Splunk: one saved search on prod.log, one on the web VMs' syslog.
PROD = {"search": "Oldcastle prod.log CRITICAL", "owner": "oc_ops", "app": "oldcastle"}
SYSLOG = {"search": "Oldcastle web VMs php-fpm and nginx errors", "owner": "oc_ops", "app": "oldcastle", "format": "lx-syslog", "sourcetype": "syslog", "source": "syslog-ng:tcp:6514"}
# Datadog: one monitor per log pattern, APM by error type.
CRIT = {"team": "shop", "monitor": "[oldcastle] CRITICAL in prod.log", "filter": "source:php service:shop-web @level_name:CRITICAL", "text": "CRITICAL on {{log.host}}:\n\n{{log.message}}", "sample_lines": 1}
QUEUE = {"team": "shop", "monitor": "[oldcastle] messages removed from transport", "filter": "source:php service:shop-worker \"Removing from transport\"", "text": "Messenger gave up on a message:\n\n{{log.message}}", "sample_lines": 1, "kind": "messenger"}
VMLOG = {"team": "shop", "monitor": "[oldcastle] php-fpm / nginx errors on web VMs", "filter": "source:syslog (program:php-fpm OR program:nginx) status:error", "text": "{{log.message}}", "format": "lx-syslog", "sample_lines": 1}
APM = {"team": "shop", "monitor": "[oldcastle] shop-web errors by type", "style": "type"}
APM_W = {"team": "shop", "monitor": "[oldcastle] shop-worker errors by type", "style": "type", "svc": "shop-worker"}


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**PROD, **opts})


def sys(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**SYSLOG, **opts})


def crit(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**CRIT, **opts})


def queue(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**QUEUE, **opts})


def vm(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**VMLOG, **opts})


NULL_VARIANT = "Call to a member function getUnitPrice() on null"
OOM = "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate {offset} bytes)"
VAT_FRAME = app("Tax/VatCalculator.php", "Tax\\VatCalculator", "rateFor", 44, "('XI', Object(DateTimeImmutable))")
TWIG = (
    php(ROOT + "vendor/twig/twig/src/Environment.php", "render", 360, "Twig\\Environment", lib=True),
    php(ROOT + "vendor/twig/twig/src/Template.php", "render", 373, "Twig\\Template", lib=True),
    php(ROOT + "vendor/twig/twig/src/Template.php", "displayWithErrorHandling", 388, "Twig\\Template", lib=True),
)
HTTPCLIENT_IDLE = php(SF + "http-client/Response/CurlResponse.php", "perform", 305, "Symfony\\Component\\HttpClient\\Response\\CurlResponse", lib=True)
PSP_HANG_FPM = "[WARNING] [pool www] child 1{n}{n1}, script '" + ROOT + "public/index.php' (request: \"POST /index.php\") execution timed out (30.{n}12 sec), terminating"
PSP_HANG_NGINX = '{nginxts} [error] 1187#1187: *{offset} upstream timed out (110: Connection timed out) while reading response header from upstream, client: 81.{n}.14.{n1}, server: www.oldcastle-teas.example, request: "POST /checkout/payment HTTP/2.0", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock", host: "www.oldcastle-teas.example", referrer: "https://www.oldcastle-teas.example/checkout/review"'
FEED_NGINX = '{nginxts} [error] 1187#1187: *{offset} FastCGI sent in stderr: "PHP message: PHP Fatal error:  Allowed memory size of 268435456 bytes exhausted (tried to allocate {offset} bytes) in ' + ROOT + 'vendor/doctrine/orm/src/Internal/Hydration/ObjectHydrator.php on line 264" while reading response header from upstream, client: 66.249.{n}.{n1}, server: www.oldcastle-teas.example, request: "GET /feeds/google-shopping.xml HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock", host: "www.oldcastle-teas.example"'
HYDRATE = php(DOCTRINE + "orm/src/Internal/Hydration/ObjectHydrator.php", "hydrateRowData", 264, "Doctrine\\ORM\\Internal\\Hydration\\ObjectHydrator", lib=True)


def st(file: str, fn: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"assets/{file}", fn, line, col, chunk)


ENCORE = "node_modules/@hotwired/stimulus/dist/stimulus.js"
STIM = (js(ENCORE, "Binding.invokeWithEvent", 1, 7744, "runtime", lib=True), js(ENCORE, "Binding.handleEvent", 1, 7321, "runtime", lib=True))

BUGS = [
    # The same missing variant: the basket (web) and the subscription renewal (worker).
    Bug("lx-basket-null-variant", "shop-web", (Exc("Error", NULL_VARIANT, ctrl("BasketController", "add", 58, app("Basket/BasketPricer.php", "Basket\\BasketPricer", "lineTotal", 37, "(Object(App\\Entity\\BasketLine))"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), crit(), see("datadog.apm", **APM)),
        classes=(1, 4, 5), pair="lx-renewal-null-variant", entry="POST /basket/add", span=3, renames={"lineTotal": "linePrice"}),
    Bug("lx-renewal-null-variant", "shop-worker", handled("App\\Message\\RenewSubscription", 31, Exc("Error", NULL_VARIANT, (app("Subscription/RenewalPricer.php", "Subscription\\RenewalPricer", "price", 52, "(Object(App\\Entity\\Subscription))"),))),
        (see("sentry.error", 3), spl(2, kind="messenger", message_class="App\\Message\\RenewSubscription"), queue(message_class="App\\Message\\RenewSubscription"), see("datadog.apm", **APM_W)),
        classes=(1, 2, 4), pair="lx-basket-null-variant", entry="App\\Message\\RenewSubscription"),
    # One flush, two unique constraints: order numbers at checkout, gift-card codes on import.
    Bug("lx-order-number-unique", "shop-web", pg_unique("uniq_order_number", "number", ctrl("CheckoutController", "confirm", 112, app("Order/OrderFactory.php", "Order\\OrderFactory", "place", 66, "(Object(App\\Entity\\Basket))"))),
        (see("sentry.error", 3), spl(2, codes=("7", "7")), crit(codes=("7", "7")), see("datadog.apm", **APM)),
        classes=(1, 4), pair="lx-giftcard-code-unique", entry="POST /checkout/confirm"),
    Bug("lx-giftcard-code-unique", "shop-worker", pg_unique("uniq_gift_card_code", "code", command("ImportGiftCardsCommand", 48, app("GiftCard/GiftCardImporter.php", "GiftCard\\GiftCardImporter", "import", 71, "(Array)"))),
        (see("sentry.error", 2), spl(2, kind="console", codes=("7", "7"))),
        classes=(1, 4), pair="lx-order-number-unique", entry="app:gift-cards:import --file=/srv/imports/giftcards-{n}.csv"),
    # Out of memory twice: the shopping feed (web) and the sitemap command, one message; the
    # feed's also in php-fpm's syslog and in nginx's relay of FastCGI stderr.
    Bug("lx-feed-oom", "shop-web", (Exc("Symfony\\Component\\ErrorHandler\\Error\\OutOfMemoryError", OOM, (*ctrl("FeedController", "googleShopping", 29, app("Feed/GoogleShoppingFeed.php", "Feed\\GoogleShoppingFeed", "build", 58)), HYDRATE)),),
        (see("sentry.error", 2), spl(1, kind="fatal"), spl(1), sys(2), sys(1, prog="nginx", msg=FEED_NGINX), crit(kind="fatal"), vm()),
        classes=(1, 2, 7), pair="lx-sitemap-oom", entry="GET /feeds/google-shopping.xml"),
    Bug("lx-sitemap-oom", "shop-worker", (Exc("Symfony\\Component\\ErrorHandler\\Error\\OutOfMemoryError", OOM, (*command("GenerateSitemapCommand", 41, app("Seo/SitemapWriter.php", "Seo\\SitemapWriter", "writeProducts", 90)), php(SF + "routing/Generator/UrlGenerator.php", "doGenerate", 172, "Symfony\\Component\\Routing\\Generator\\UrlGenerator", lib=True))),),
        (see("sentry.error", 2), spl(2, kind="fatal"), sys(1, vm="worker-1", prog="php")),
        classes=(1, 7), pair="lx-feed-oom", entry="app:sitemap:generate"),
    # The payment provider hangs: nothing reaches PHP, only php-fpm's and nginx's lines.
    Bug("lx-checkout-psp-hang", "shop-web", (),
        (sys(2, msg=PSP_HANG_FPM, pri=132), sys(2, prog="nginx", msg=PSP_HANG_NGINX), vm(msg=PSP_HANG_NGINX, prog="nginx"), vm(msg=PSP_HANG_FPM, pri=132)),
        classes=(1, 2, 7), entry="POST /checkout/payment"),
    # One HttpClient, two hosts idling out, under one queue monitor and one search.
    Bug("lx-capture-idle-timeout", "shop-worker", handled("App\\Message\\CapturePayment", 26, Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://api.mollie.com/v2/payments/tr_{hex}/captures".', (app("Payment/MollieGateway.php", "Payment\\MollieGateway", "capture", 83, "('tr_{hex}')"), HTTPCLIENT_IDLE))),
        (see("sentry.error", 3), spl(2, kind="messenger", message_class="App\\Message\\CapturePayment"), queue(2, message_class="App\\Message\\CapturePayment"), see("datadog.apm", **APM_W)),
        classes=(1, 2, 7), pair="lx-dpd-idle-timeout", entry="App\\Message\\CapturePayment"),
    Bug("lx-dpd-idle-timeout", "shop-worker", handled("App\\Message\\BookShipment", 35, Exc("Symfony\\Component\\HttpClient\\Exception\\TransportException", 'Idle timeout reached for "https://api.dpd.co.uk/shipping/shipment".', (app("Shipping/DpdClient.php", "Shipping\\DpdClient", "book", 61, "(Object(App\\Entity\\Shipment))"), HTTPCLIENT_IDLE))),
        (see("sentry.error", 2), spl(2, kind="messenger", message_class="App\\Message\\BookShipment"), queue(message_class="App\\Message\\BookShipment")),
        classes=(1, 2, 7), pair="lx-capture-idle-timeout", entry="App\\Message\\BookShipment"),
    # Twig's RuntimeError, two templates.
    Bug("lx-twig-tasting-notes", "shop-web", (Exc("Twig\\Error\\RuntimeError", 'Variable "tasting_notes" does not exist in "product/show.html.twig" at line 42.', (*ctrl("ProductController", "show", 36), php(SF + "framework-bundle/Controller/AbstractController.php", "render", 254, "Symfony\\Bundle\\FrameworkBundle\\Controller\\AbstractController", lib=True), *TWIG, php(ROOT + "var/cache/prod/twig/3f/3f9c1d2e0a.php", "doDisplay", 88, "__TwigTemplate_3f9c1d2e0a", lib=True))),),
        (see("sentry.error", 3), spl(2), crit(), see("datadog.apm", **APM)),
        classes=(1, 4), pair="lx-twig-caffeine-key", entry="GET /tea/{slug}"),
    Bug("lx-twig-caffeine-key", "shop-web", (Exc("Twig\\Error\\RuntimeError", 'Key "caffeine" for array with keys "name, origin, grade" does not exist in "blend/compare.html.twig" at line 17.', (*ctrl("BlendController", "compare", 22), php(SF + "framework-bundle/Controller/AbstractController.php", "render", 254, "Symfony\\Bundle\\FrameworkBundle\\Controller\\AbstractController", lib=True), *TWIG, php(ROOT + "var/cache/prod/twig/a8/a81b7e44c5.php", "doDisplay", 51, "__TwigTemplate_a81b7e44c5", lib=True))),),
        (see("sentry.error", 2), spl(2), crit()),
        classes=(1, 4), pair="lx-twig-tasting-notes", entry="GET /blends/compare"),
    # One VAT helper at the end of two bugs: checkout and the invoice command.
    Bug("lx-vat-checkout", "shop-web", (Exc("InvalidArgumentException", 'No VAT rate configured for country "XI".', ctrl("CheckoutController", "review", 74, app("Checkout/TotalsCalculator.php", "Checkout\\TotalsCalculator", "totals", 39, "(Object(App\\Entity\\Basket))"), VAT_FRAME)),),
        (see("sentry.error", 2), spl(2), crit(), see("datadog.apm", **APM)),
        classes=(1, 9), pair="lx-vat-invoices", entry="GET /checkout/review"),
    Bug("lx-vat-invoices", "shop-worker", (Exc("InvalidArgumentException", 'No VAT rate configured for country "XI".', command("SendInvoicesCommand", 55, app("Invoice/InvoicePdfBuilder.php", "Invoice\\InvoicePdfBuilder", "build", 97, "(Object(App\\Entity\\Order))"), VAT_FRAME)),),
        (see("sentry.error", 2), spl(2, kind="console")),
        classes=(1, 9), pair="lx-vat-checkout", entry="app:invoices:send --since=yesterday"),
    # JSON_THROW_ON_ERROR's bare "Syntax error": the supplier's stock webhook and the stock sync command.
    Bug("lx-supplier-webhook-json", "shop-web", (Exc("JsonException", "Syntax error", ctrl("SupplierWebhookController", "__invoke", 27, app("Supplier/StockPayload.php", "Supplier\\StockPayload", "fromRequest", 19, REQ), Frame("json_decode", "", 0, "", False, args="('<html><head><ti...', true, 512, 4194304)"))),),
        (see("sentry.error", 2), spl(2, codes=("4",)), crit(codes=("4",)), see("datadog.apm", **APM)),
        classes=(1, 4), pair="lx-stock-sync-json", entry="POST /webhooks/supplier/stock"),
    Bug("lx-stock-sync-json", "shop-worker", (Exc("JsonException", "Syntax error", command("SyncStockCommand", 44, app("Supplier/SupplierFeed.php", "Supplier\\SupplierFeed", "decode", 63, "('')"), Frame("json_decode", "", 0, "", False, args="('', true, 512, 4194304)"))),),
        (see("sentry.error", 3), spl(2, kind="console", codes=("4",)), see("datadog.apm", **APM_W)),
        classes=(1, 4), pair="lx-supplier-webhook-json", entry="app:stock:sync --supplier=assam-direct"),
    # Not pairs.
    Bug("lx-redis-session", "shop-web", (Exc("RedisException", "read error on connection to 10.20.0.{n}:6379", (*HTTP, php(SF + "http-foundation/Session/Storage/Handler/RedisSessionHandler.php", "doRead", 64, "Symfony\\Component\\HttpFoundation\\Session\\Storage\\Handler\\RedisSessionHandler", lib=True), Frame("get", "", 0, "Redis", False, args="('sf_s{hex}')"))),),
        (see("sentry.error", 3), spl(1), crit(), see("datadog.apm", 2, **APM)),
        classes=(1, 2, 7), entry="GET /account"),
    # Storefront scripts seen by PostHog alone.
    Bug("lx-js-brew-guide", "storefront", (Exc("TypeError", frames=(*STIM, st("controllers/brew_guide_controller.js", "selectVessel", 31, 22, "brew-guide"), st("controllers/brew_guide_controller.js", "steepTime", 58, 30, "brew-guide")), js=JsError("read-undefined", "this.profiles[e]", "seconds")),),
        (see("posthog", 2, browser="chrome", chunk="brew-guide"), see("posthog", browser="safari", chunk="brew-guide", release=1), see("posthog", browser="firefox", chunk="brew-guide", release=2)),
        classes=(3, 4), pair="lx-js-sample-picker", page="/brew-guide", span=2),
    Bug("lx-js-sample-picker", "storefront", (Exc("TypeError", frames=(*STIM, st("controllers/sample_picker_controller.js", "toggle", 19, 14, "samples"), st("controllers/sample_picker_controller.js", "updateBadge", 44, 27, "samples")), js=JsError("read-undefined", "this.profiles[e]", "seconds")),),
        (see("posthog", 2, browser="chrome", chunk="samples"), see("posthog", browser="edge", chunk="samples", release=1)),
        classes=(3, 4), pair="lx-js-brew-guide", page="/samples"),
    Bug("lx-js-klarna-fn", "storefront", (Exc("TypeError", frames=(st("checkout/klarna_widget.js", "mountKlarna", 12, 9, "checkout"),), js=JsError("not-function", "window.Klarna.Payments.load", "load", "({container:\"#klarna\"},{},t)")),),
        (see("posthog", 2, browser="chrome", chunk="checkout"), see("posthog", browser="safari", chunk="checkout"), see("posthog", browser="firefox", chunk="checkout", release=2)),
        classes=(3,), page="/checkout/payment"),
    Bug("lx-singleton-intl", "shop-worker", (Exc("Error", 'Class "NumberFormatter" not found', command("ExportWholesaleCommand", 33, app("Wholesale/PriceListExporter.php", "Wholesale\\PriceListExporter", "format", 27))),),
        (see("sentry.error"),),
        singleton=True, entry="app:wholesale:export"),
]

NOISE = [
    Noise("lx-noise-deploy", "shop-web", "datadog.event", {"monitor": "Deployed oldcastle 20260304", "text": "Deployer: release 20260304 is now live on web-1, web-2, web-3 and worker-1.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("lx-noise-fpm-reload", "shop-web", "splunk", {**SYSLOG, "line": "<133>Mar  4 06:02:11 web-2 php-fpm[801]: [NOTICE] Reloading in progress ..."}),
    Noise("lx-noise-crit-recovered", "shop-web", "datadog.log", {"monitor": "[oldcastle] CRITICAL in prod.log", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": "source:php service:shop-web @level_name:CRITICAL", "text": "No CRITICAL records in the last 15 minutes."}),
]

OLDCASTLE = Company(
    key="lx",
    name="Oldcastle Teas",
    domain="oldcastle-teas.example",
    sentry_org="oldcastle",
    splunk_url="https://oldcastle.splunkcloud.com",
    splunk_guid="5E2B9A17-C84D-4F06-A3B1-6D9E0C27F814",
    datadog_org=("1111001", "Oldcastle Teas"),
    datadog_template="recommended",
    posthog_project=(111101, "Oldcastle storefront"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="oldcastle-sentry-client-secret",
)
# fmt: on
