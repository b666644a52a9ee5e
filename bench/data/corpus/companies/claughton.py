"""(ko) Claughton Outdoor, a camping and hiking store: Magento 2.4.6 (Adobe Commerce) on PHP 8.1
(``claughton-magento``: custom modules under ``app/code/Claughton/*``: loyalty points, gift
wrap, an ERP order export and a Google Shopping feed run by Magento's cron).

Magento writes ``var/log/exception.log`` (Monolog 2's ``LineFormatter``: ``main.CRITICAL`` with
the exception JSON-encoded in the context, ``[previous exception]`` blocks, each with its
``[stacktrace]``), ``report.CRITICAL`` lines from the storefront's error processor, and
``var/log/cron.log``'s ``Cron Job <code> has an error: ...`` lines with no trace; a Splunk
universal forwarder ships them, one saved search per file. Sentry: sentry-php through
justbetter/magento2-sentry. Datadog: dd-trace-php APM error tracking by type and one log
monitor per file. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import php

# fmt: off
PHP_SDK = ("sentry.php", "4.6.1", "composer:sentry/sentry")
SERVICES = {
    "claughton-magento": Service("claughton-magento", "php", "ko-magento", "magento:exception", "/var/www/html/var/log/exception.log", "ko_magento", 9920011, "PHP 8.1.27", sdk=PHP_SDK),
}
FW = "vendor/magento/framework/"


def lib(file: str, function: str, line: int, cls: str = "", args: str = "()") -> Frame:
    return php(file, function, line, cls, args, lib=True)


def gen(cls: str, method: str, line: int, args: str = "()") -> tuple[Frame, ...]:
    """A generated interceptor in front of a class with plugins."""
    path = "generated/code/" + cls.replace("\\", "/") + "/Interceptor.php"
    return (
        lib(path, method, line, cls + "\\Interceptor", args),
        lib(FW + "Interception/Interceptor.php", "___callPlugins", 146, cls + "\\Interceptor", f"('{method}', Array, Array)"),
        lib(FW + "Interception/Interceptor.php", "Magento\\Framework\\Interception\\{closure}", 135, "", "()"),
    )


HTTP = (
    lib("pub/index.php", "{main}", 30),
    lib(FW + "App/Bootstrap.php", "run", 264, "Magento\\Framework\\App\\Bootstrap", "(Object(Magento\\Framework\\App\\Http\\Interceptor))"),
    lib("generated/code/Magento/Framework/App/Http/Interceptor.php", "launch", 23, "Magento\\Framework\\App\\Http\\Interceptor", "()"),
    lib(FW + "App/Http.php", "launch", 116, "Magento\\Framework\\App\\Http", "()"),
    lib("generated/code/Magento/Framework/App/FrontController/Interceptor.php", "dispatch", 23, "Magento\\Framework\\App\\FrontController\\Interceptor", "(Object(Magento\\Framework\\App\\Request\\Http))"),
    lib(FW + "App/FrontController.php", "processRequest", 245, "Magento\\Framework\\App\\FrontController", "(Object(Magento\\Framework\\App\\Request\\Http), Object(Magento\\Checkout\\Controller\\Cart\\Add\\Interceptor))"),
)
PLACE_ORDER = (
    *HTTP,
    lib("vendor/magento/module-checkout/Model/PaymentInformationManagement.php", "savePaymentInformationAndPlaceOrder", 116, "Magento\\Checkout\\Model\\PaymentInformationManagement", "({id}, Object(Magento\\Quote\\Model\\Quote\\Payment), NULL)"),
    lib("vendor/magento/module-quote/Model/QuoteManagement.php", "placeOrder", 438, "Magento\\Quote\\Model\\QuoteManagement", "({id}, Object(Magento\\Quote\\Model\\Quote\\Payment))"),
    lib("vendor/magento/module-quote/Model/QuoteManagement.php", "submit", 507, "Magento\\Quote\\Model\\QuoteManagement", "(Object(Magento\\Quote\\Model\\Quote), Array)"),
    lib(FW + "Event/Manager.php", "dispatch", 65, "Magento\\Framework\\Event\\Manager", "('sales_model_ser...', Array)"),
    lib(FW + "Event/Invoker/InvokerDefault.php", "_callObserverMethod", 88, "Magento\\Framework\\Event\\Invoker\\InvokerDefault", "(Object(Claughton\\Loyalty\\Observer\\OrderPlaced), Object(Magento\\Framework\\Event\\Observer))"),
)
CART_ADD = (
    *HTTP,
    lib("vendor/magento/module-checkout/Controller/Cart/Add.php", "execute", 137, "Magento\\Checkout\\Controller\\Cart\\Add", "()"),
    *gen("Magento\\Checkout\\Model\\Cart", "addProduct", 32, "(Object(Magento\\Catalog\\Model\\Product\\Interceptor), Array)"),
)
CATEGORY = (
    *HTTP,
    lib("vendor/magento/module-catalog/Controller/Category/View.php", "execute", 211, "Magento\\Catalog\\Controller\\Category\\View", "()"),
    lib(FW + "View/Result/Page.php", "render", 243, "Magento\\Framework\\View\\Result\\Page", "(Object(Magento\\Framework\\App\\Response\\Http\\Interceptor))"),
    lib(FW + "View/Layout.php", "renderElement", 557, "Magento\\Framework\\View\\Layout", "('product_list')"),
)


def cron(job: str) -> tuple[Frame, ...]:
    return (
        lib("bin/magento", "{main}", 23),
        lib("vendor/symfony/console/Application.php", "run", 168, "Symfony\\Component\\Console\\Application", "(NULL, NULL)"),
        lib("vendor/magento/module-cron/Console/Command/CronCommand.php", "execute", 122, "Magento\\Cron\\Console\\Command\\CronCommand", "(Object(Symfony\\Component\\Console\\Input\\ArgvInput), Object(Symfony\\Component\\Console\\Output\\ConsoleOutput))"),
        lib("vendor/magento/module-cron/Observer/ProcessCronQueueObserver.php", "_runJob", 375, "Magento\\Cron\\Observer\\ProcessCronQueueObserver", f"({{id}}, Array, Object(Magento\\Cron\\Model\\Schedule), '{job[:15]}...')"),
    )


def k(module: str, path: str, function: str, line: int, args: str = "()") -> Frame:
    cls = "Claughton\\" + module + "\\" + path.removesuffix(".php").replace("/", "\\")
    return php(f"app/code/Claughton/{module}/{path}", function, line, cls, args)


NULL_ID = "Call to a member function getId() on null"
SAME_ID = "Item (Magento\\Catalog\\Model\\Product\\Interceptor) with the same ID \"{id}\" already exists."
PDO_DEADLOCK = "SQLSTATE[40001]: Serialization failure: 1213 Deadlock found when trying to get lock; try restarting transaction"
DB_QUERY = (
    lib(FW + "DB/Adapter/Pdo/Mysql.php", "query", 546, "Magento\\Framework\\DB\\Adapter\\Pdo\\Mysql", "('INSERT INTO `in...', Array)"),
    lib("vendor/magento/zend-db/library/Zend/Db/Adapter/Abstract.php", "query", 480, "Zend_Db_Adapter_Abstract", "('INSERT INTO `in...', Array)"),
    lib("vendor/magento/zend-db/library/Zend/Db/Statement.php", "execute", 313, "Zend_Db_Statement", "(Array)"),
    lib(FW + "DB/Statement/Pdo/Mysql.php", "_execute", 91, "Magento\\Framework\\DB\\Statement\\Pdo\\Mysql", "(Array)"),
)
ERP_SEND = k("ErpExport", "Model/Client.php", "send", 64, "('/orders', Array)")

EXC = {"search": "magento exception.log", "app": "claughton"}
REPORT = {"search": "magento exception.log", "app": "claughton", "kind": "report"}
CRON = {"search": "magento cron.log errors", "app": "claughton", "kind": "cron", "sourcetype": "magento:cron", "source": "/var/www/html/var/log/cron.log"}
APM = {"team": "ecom", "monitor": "claughton-magento error tracking", "style": "type"}
LOGMON = {"team": "ecom", "monitor": "exception.log CRITICAL", "filter": "service:claughton-magento source:magento status:critical", "text": "{{log.message}}", "sample_lines": 1}
CRONMON = {"team": "ecom", "monitor": "Magento cron job errors", "filter": "service:claughton-magento source:magento-cron \"has an error\"", "text": "Cron error on {{host.name}}: {{log.message}}", "sample_lines": 1, "kind": "cron"}

BUGS = [
    # getId() on null: the loyalty observer and the gift-wrap plugin, under one search and monitor.
    Bug("ko-loyalty-null-customer", "claughton-magento", (Exc("Error", NULL_ID, (*PLACE_ORDER, k("Loyalty", "Observer/OrderPlaced.php", "execute", 41, "(Object(Magento\\Framework\\Event\\Observer))"), k("Loyalty", "Model/PointsLedger.php", "award", 58, "(Object(Magento\\Sales\\Model\\Order\\Interceptor))"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **EXC), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4, 5), pair="ko-giftwrap-null-item", log="Error: Call to a member function getId() on null", entry="POST /rest/default/V1/carts/mine/payment-information", span=3, renames={"award": "awardForOrder"}),
    Bug("ko-giftwrap-null-item", "claughton-magento", (Exc("Error", NULL_ID, (*CART_ADD, k("GiftWrap", "Plugin/CartPlugin.php", "afterAddProduct", 33, "(Object(Magento\\Checkout\\Model\\Cart\\Interceptor), Object(Magento\\Checkout\\Model\\Cart\\Interceptor))"), k("GiftWrap", "Model/WrapOption.php", "forItem", 27, "(NULL)"))),),
        (see("sentry.error", 2), see("splunk", **EXC), see("splunk", **REPORT), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="ko-loyalty-null-customer", log="Error: Call to a member function getId() on null", entry="POST /checkout/cart/add"),
    # A deadlock through Zend_Db in two places: the reservation on checkout, the indexer cron.
    Bug("ko-reservation-deadlock", "claughton-magento", (
        Exc("PDOException", PDO_DEADLOCK, (*PLACE_ORDER, k("Loyalty", "Observer/OrderPlaced.php", "execute", 47, "(Object(Magento\\Framework\\Event\\Observer))"), lib("vendor/magento/module-inventory-reservations/Model/ResourceModel/SaveMultiple.php", "execute", 80, "Magento\\InventoryReservations\\Model\\ResourceModel\\SaveMultiple", "(Array)"), *DB_QUERY, Frame("execute", "", 0, "PDOStatement", False, args="(Array)"))),
        Exc("Magento\\Framework\\DB\\Adapter\\DeadlockException", PDO_DEADLOCK, (*PLACE_ORDER, k("Loyalty", "Observer/OrderPlaced.php", "execute", 47, "(Object(Magento\\Framework\\Event\\Observer))"), lib("vendor/magento/module-inventory-reservations/Model/ResourceModel/SaveMultiple.php", "execute", 80, "Magento\\InventoryReservations\\Model\\ResourceModel\\SaveMultiple", "(Array)"), lib(FW + "DB/Adapter/Pdo/Mysql.php", "query", 588, "Magento\\Framework\\DB\\Adapter\\Pdo\\Mysql", "('INSERT INTO `in...', Array)"))),
    ),
        (see("sentry.error", 2), see("splunk", 2, **EXC), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(2, 4, 9), pair="ko-indexer-deadlock", entry="POST /rest/default/V1/carts/mine/payment-information"),
    Bug("ko-indexer-deadlock", "claughton-magento", (
        Exc("PDOException", PDO_DEADLOCK, (*cron("indexer_reindex_all_invalid"), lib("vendor/magento/module-indexer/Model/Indexer.php", "reindexAll", 510, "Magento\\Indexer\\Model\\Indexer", "()"), k("Feed", "Model/Indexer/FeedPrice.php", "executeFull", 36), *DB_QUERY, Frame("execute", "", 0, "PDOStatement", False, args="(Array)"))),
        Exc("Magento\\Framework\\DB\\Adapter\\DeadlockException", PDO_DEADLOCK, (*cron("indexer_reindex_all_invalid"), lib("vendor/magento/module-indexer/Model/Indexer.php", "reindexAll", 510, "Magento\\Indexer\\Model\\Indexer", "()"), k("Feed", "Model/Indexer/FeedPrice.php", "executeFull", 36), lib(FW + "DB/Adapter/Pdo/Mysql.php", "query", 588, "Magento\\Framework\\DB\\Adapter\\Pdo\\Mysql", "('INSERT INTO `cl...', Array)"))),
    ),
        (see("sentry.error", 2), see("splunk", 2, **CRON), see("datadog.log", 2, **CRONMON)),
        classes=(2, 9), pair="ko-reservation-deadlock", entry="indexer_reindex_all_invalid"),
    # "same ID already exists": the related-products block and the feed's collection.
    Bug("ko-related-same-id", "claughton-magento", (Exc("Exception", SAME_ID, (*CATEGORY, k("Merch", "Block/Related.php", "getItems", 72), lib(FW + "Data/Collection.php", "addItem", 411, "Magento\\Framework\\Data\\Collection", "(Object(Magento\\Catalog\\Model\\Product\\Interceptor))"))),),
        (see("sentry.error", 3), see("splunk", 2, **REPORT), see("datadog.apm", **APM)),
        classes=(4, 6), pair="ko-feed-same-id", entry="GET /tents.html"),
    Bug("ko-feed-same-id", "claughton-magento", (Exc("Exception", SAME_ID, (*cron("claughton_google_feed"), k("Feed", "Cron/Generate.php", "execute", 29), k("Feed", "Model/ProductSource.php", "load", 54), lib(FW + "Data/Collection.php", "addItem", 411, "Magento\\Framework\\Data\\Collection", "(Object(Magento\\Catalog\\Model\\Product\\Interceptor))"))),),
        (see("sentry.error", 2), see("splunk", 2, **CRON), see("datadog.log", **CRONMON)),
        classes=(4, 6), pair="ko-related-same-id", entry="claughton_google_feed"),
    # One ERP client: a timeout and a validation error, one cron, one monitor.
    Bug("ko-erp-timeout", "claughton-magento", (Exc("GuzzleHttp\\Exception\\ConnectException", "cURL error 28: Operation timed out after 20001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://erp.claughton.example/api/orders", (*cron("claughton_erp_export"), k("ErpExport", "Cron/ExportOrders.php", "execute", 44), ERP_SEND, lib("vendor/guzzlehttp/guzzle/src/Client.php", "request", 189, "GuzzleHttp\\Client", "('POST', '/orders', Array)"))),),
        (see("sentry.error", 3), see("splunk", 2, **CRON), see("datadog.log", 2, **CRONMON)),
        classes=(9,), pair="ko-erp-422", entry="claughton_erp_export"),
    Bug("ko-erp-422", "claughton-magento", (Exc("Claughton\\ErpExport\\Exception\\ExportException", "ERP rejected order {order}: 422 unknown SKU", (*cron("claughton_erp_export"), k("ErpExport", "Cron/ExportOrders.php", "execute", 44), k("ErpExport", "Model/Client.php", "send", 71, "('/orders', Array)"))),),
        (see("sentry.error", 2), see("splunk", 2, **CRON), see("splunk", **EXC), see("datadog.log", **CRONMON)),
        classes=(9,), pair="ko-erp-timeout", entry="claughton_erp_export"),
    # The same points calculator: a TypeError and a DivisionByZeroError.
    Bug("ko-points-type", "claughton-magento", (Exc("TypeError", "Claughton\\Loyalty\\Model\\Calculator::forTotal(): Argument #1 ($total) must be of type float, string given, called in /var/www/html/app/code/Claughton/Loyalty/Block/Cart/Points.php on line 38", (*CATEGORY, k("Loyalty", "Block/Cart/Points.php", "getPoints", 38), k("Loyalty", "Model/Calculator.php", "forTotal", 22, "('49.99')"))),),
        (see("sentry.error", 2), see("splunk", 2, **REPORT), see("datadog.apm", **APM)),
        classes=(4,), pair="ko-points-divzero", entry="GET /checkout/cart"),
    Bug("ko-points-divzero", "claughton-magento", (Exc("DivisionByZeroError", "Division by zero", (*PLACE_ORDER, k("Loyalty", "Observer/OrderPlaced.php", "execute", 44, "(Object(Magento\\Framework\\Event\\Observer))"), k("Loyalty", "Model/Calculator.php", "forTotal", 27, "(0.0)"))),),
        (see("sentry.error", 2), see("splunk", **EXC), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ko-points-type", entry="POST /rest/default/V1/carts/mine/payment-information"),
    # Not pairs.
    Bug("ko-wrap-localized", "claughton-magento", (Exc("Magento\\Framework\\Exception\\LocalizedException", "Gift wrap \"{sku}\" is not available for this store view.", (*CART_ADD, k("GiftWrap", "Plugin/CartPlugin.php", "afterAddProduct", 40, "(Object(Magento\\Checkout\\Model\\Cart\\Interceptor), Object(Magento\\Checkout\\Model\\Cart\\Interceptor))"), k("GiftWrap", "Model/WrapOption.php", "assertAvailable", 61, "('{sku}')"))),),
        (see("sentry.error", 3), see("splunk", 2, **EXC), see("datadog.log", **LOGMON)),
        classes=(6,), entry="POST /checkout/cart/add"),
    Bug("ko-feed-write", "claughton-magento", (
        Exc("Magento\\Framework\\Exception\\FileSystemException", "The \"/var/www/html/pub/media/feeds/google-uk.xml\" file can't be written. Warning!fopen(/var/www/html/pub/media/feeds/google-uk.xml): Failed to open stream: Permission denied", (*cron("claughton_google_feed"), k("Feed", "Cron/Generate.php", "execute", 35), k("Feed", "Model/Writer.php", "open", 19), lib(FW + "Filesystem/Directory/Write.php", "openFile", 392, "Magento\\Framework\\Filesystem\\Directory\\Write", "('feeds/google-uk...', 'w')"))),
        Exc("Magento\\Framework\\Exception\\LocalizedException", "Google feed for store uk could not be generated", (*cron("claughton_google_feed"), k("Feed", "Cron/Generate.php", "execute", 39))),
    ),
        (see("sentry.error", 2), see("splunk", 2, **CRON), see("splunk", **EXC), see("datadog.log", **CRONMON)),
        classes=(2, 8), entry="claughton_google_feed"),
    Bug("ko-source-item-save", "claughton-magento", (
        Exc("Magento\\Framework\\Exception\\CouldNotSaveException", "Could not save Source Item", (*cron("claughton_erp_stock_import"), k("ErpExport", "Cron/ImportStock.php", "execute", 52), lib("vendor/magento/module-inventory/Model/SourceItem/Command/SourceItemsSave.php", "execute", 82, "Magento\\Inventory\\Model\\SourceItem\\Command\\SourceItemsSave", "(Array)"))),
    ),
        (see("sentry.error", 2), see("splunk", 2, **CRON), see("splunk", **EXC), see("datadog.log", **CRONMON), see("datadog.apm", **APM)),
        classes=(8,), entry="claughton_erp_stock_import"),
    Bug("ko-singleton-currency", "claughton-magento", (Exc("Magento\\Framework\\Exception\\LocalizedException", "The base currency rate for \"SEK\" is missing.", (*CATEGORY, k("Merch", "Block/PriceBadge.php", "convert", 48),)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /sv/tents.html"),
]

NOISE = [
    Noise("ko-noise-deploy", "claughton-magento", "datadog.event", {"monitor": "Deployed claughton-magento", "text": "claughton-magento 2.4.6-p4 build 2026.03.2 deployed; setup:upgrade ran in 41s.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "ecom"}),
    Noise("ko-noise-cron-ok", "claughton-magento", "splunk", {"search": "magento cron.log errors", "app": "claughton", "line": "[{tsnaive}+00:00] main.INFO: Cron Job claughton_google_feed is successfully finished. Statistics: {\"sum\":12.41,\"count\":1} [] []"}),
    Noise("ko-noise-recovered", "claughton-magento", "datadog.log", {"monitor": "Magento cron job errors", "transition": "Recovered", "alert_type": "success", "team": "ecom", "filter": "service:claughton-magento status:error", "text": "Cron errors back to normal."}),
]

CLAUGHTON = Company(
    key="ko",
    name="Claughton Outdoor",
    domain="claughton-outdoor.example",
    sentry_org="claughton",
    splunk_url="https://claughton.splunkcloud.com",
    splunk_guid="A07C3E19-6D42-4B8F-92E0-5F1B7A3C0D64",
    datadog_org=("992001", "Claughton Outdoor"),
    datadog_template="recommended",
    posthog_project=(99201, "Claughton"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="claughton-sentry-client-secret",
)
# fmt: on
