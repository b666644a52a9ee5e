"""(kn) Castlerigg Cookware, a kitchenware shop: WordPress 6.4 with WooCommerce 8 on PHP 8.2
php-fpm behind nginx (``castlerigg-shop``: three custom plugins under
``wp-content/plugins/castlerigg-*``: knife engraving, a courier-label printer run by WP-Cron, a
stock feed) and a storefront theme whose scripts sit on WordPress' jQuery
(``castlerigg-storefront``).

php-fpm writes its error log (fatal errors with the uncaught Throwable's trace, PHP warnings as
noise), nginx's error log repeats each fatal error as ``FastCGI sent in stderr: "PHP message:
..."`` on one line (cut at 2048 bytes), WooCommerce writes ``wc-logs/fatal-errors-*.log`` and
the plugins' ``wc_get_logger()`` lines; a Splunk universal forwarder ships them all, one saved
search per log. Sentry: the WordPress Sentry plugin (sentry-php) and the browser SDK. PostHog:
posthog-js exception autocapture on the storefront. Datadog: log monitors over the php-fpm and
nginx logs (one per pattern) and dd-trace-php APM by error type. This company has all four.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, php

# fmt: off
PHP_SDK = ("sentry.php.wordpress", "7.10.0", "composer:stayallive/wp-sentry")
JS_SDK = ("sentry.javascript.browser", "7.109.0", "npm:@sentry/browser")
SERVICES = {
    "castlerigg-shop": Service("castlerigg-shop", "php", "kn-php", "php-fpm:error", "/var/log/php-fpm/www-error.log", "kn_shop", 9910011, "PHP 8.2.15", framework="wordpress", sdk=PHP_SDK),
    "castlerigg-storefront": Service("castlerigg-storefront", "javascript", "", "", "", "", 9910012, origin="https://www.castlerigg-cookware.example", framework="onerror", sdk=JS_SDK),
}
P = "wp-content/plugins/"
WC = P + "woocommerce/includes/"
HOOK = "wp-includes/class-wp-hook.php"


def lib(file: str, function: str, line: int, cls: str = "", args: str = "()") -> Frame:
    return php(file, function, line, cls, args, lib=True)


def hook(name: str, args: str = "") -> tuple[Frame, ...]:
    shown = name if len(name) <= 15 else name[:15] + "..."
    return (
        lib("wp-includes/plugin.php", "do_action", 517, "", f"('{shown}'{args})"),
        lib(HOOK, "do_action", 348, "WP_Hook", "(Array)"),
        lib(HOOK, "apply_filters", 324, "WP_Hook", "('', Array)"),
    )


FRONT = (
    lib("index.php", "{main}", 17),
    lib("wp-blog-header.php", "require", 19, "", "('/var/www/html/wp-blog-header.php')"),
    lib("wp-includes/template-loader.php", "require_once", 13, "", "('/var/www/html/wp-includes/template-loader.php')"),
    *hook("template_redirect"),
)


def wc_ajax(action: str, line: int) -> tuple[Frame, ...]:
    return (
        *FRONT,
        lib(WC + "class-wc-ajax.php", "::do_wc_ajax", 96, "WC_AJAX", "('')"),
        *hook("wc_ajax_" + action),
        lib(WC + "class-wc-ajax.php", "::" + action, line, "WC_AJAX", "('')"),
    )


CART_FEES = (
    *wc_ajax("update_order_review", 493),
    lib(WC + "class-wc-cart.php", "calculate_totals", 1472, "WC_Cart", "()"),
    lib(WC + "class-wc-cart-totals.php", "__construct", 105, "WC_Cart_Totals", "(Object(WC_Cart))"),
    lib(WC + "class-wc-cart-totals.php", "calculate", 210, "WC_Cart_Totals", "()"),
    lib(WC + "class-wc-cart-totals.php", "calculate_fee_totals", 723, "WC_Cart_Totals", "()"),
    lib(WC + "class-wc-cart-totals.php", "get_fees_from_cart", 330, "WC_Cart_Totals", "()"),
    *hook("woocommerce_cart_calculate_fees", ", Object(WC_Cart)"),
)
ADD_TO_CART = (
    *wc_ajax("add_to_cart", 402),
    lib(WC + "class-wc-cart.php", "add_to_cart", 1180, "WC_Cart", "({id}, 1, 0, Array, Array)"),
    lib("wp-includes/plugin.php", "apply_filters", 205, "", "('woocommerce_add...', Array, {id}, 0, 1)"),
    lib(HOOK, "apply_filters", 324, "WP_Hook", "(Array, Array)"),
)
CHECKOUT = (
    *wc_ajax("checkout", 470),
    lib(WC + "class-wc-checkout.php", "process_checkout", 1270, "WC_Checkout", "()"),
    lib(WC + "class-wc-checkout.php", "create_order", 439, "WC_Checkout", "(Array)"),
    *hook("woocommerce_checkout_create_order", ", Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order), Array"),
)
ADMIN_ORDER = (
    lib("wp-admin/admin-ajax.php", "{main}", 192),
    *hook("wp_ajax_castlerigg_print_label"),
)


def cron(event: str) -> tuple[Frame, ...]:
    shown = event if len(event) <= 15 else event[:15] + "..."
    return (
        lib("wp-cron.php", "{main}", 191),
        lib("wp-includes/plugin.php", "do_action_ref_array", 565, "", f"('{shown}', Array)"),
        lib(HOOK, "do_action", 348, "WP_Hook", "(Array)"),
        lib(HOOK, "apply_filters", 324, "WP_Hook", "('', Array)"),
    )


def c(plugin: str, path: str, function: str, line: int, cls: str, args: str = "()") -> Frame:
    return php(P + f"castlerigg-{plugin}/src/{path}", function, line, cls, args)


NS = "Castlerigg\\"
SURCHARGE = c("engraving", "Pricing.php", "::surcharge", 31, NS + "Engraving\\Pricing", "(NULL)")
SURCHARGE_MSG = "Castlerigg\\Engraving\\Pricing::surcharge(): Argument #1 ($text) must be of type string, null given, called in {file} on line {line}"
COURIER = c("labels", "Courier/Client.php", "request", 77, NS + "Labels\\Courier\\Client", "('POST', '/v3/shipments', Array)")

# Splunk: one saved search per log; Datadog: one log monitor per pattern, APM by type.
FPM = {"search": "php-fpm fatal errors", "app": "castlerigg"}
NGINX = {"search": "nginx fastcgi php messages", "app": "castlerigg", "kind": "nginx", "sourcetype": "nginx:error", "source": "/var/log/nginx/error.log"}
WCLOG = {"search": "woocommerce fatal-errors log", "app": "castlerigg", "kind": "wc", "sourcetype": "wc:log", "source": "/var/www/html/wp-content/uploads/wc-logs/fatal-errors-2026-03-04-9b1e7c22d0.log"}
WARN = {"search": "php-fpm warnings", "app": "castlerigg", "kind": "warning"}
APM = {"team": "shop", "monitor": "castlerigg-shop errors by type", "style": "type"}
LOGMON = {"team": "shop", "monitor": "php-fpm Uncaught fatal errors", "filter": "service:castlerigg-shop source:php-fpm \"PHP Fatal error\"", "text": "Fatal error on **{{host.name}}**:\n\n```\n{{log.message}}\n```", "sample_lines": 5}
NGXMON = {"team": "shop", "monitor": "nginx FastCGI sent in stderr", "filter": "service:nginx source:nginx \"FastCGI sent in stderr\"", "text": "nginx saw a PHP fatal error:\n{{log.message}}", "sample_lines": 1, "kind": "nginx"}


def st(file: str, fn: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"assets/js/{file}", fn, line, col, chunk)


JQ = "wp-includes/js/jquery/jquery.min.js"
JQ_CLICK = (js(JQ, "dispatch", 2, 40035, "jquery", lib=True), js(JQ, "v.handle", 2, 38006, "jquery", lib=True))
ENGRAVE_JS, CART_JS, FINDER_JS = "engraving", "side-cart", "knife-finder"


def label_msg(file: str, line: int) -> str:
    return SURCHARGE_MSG.replace("{file}", "/var/www/html/" + P + "castlerigg-" + file).replace("{line}", str(line))


BUGS = [
    # One surcharge helper given null by the cart fees and by the label printer: one message
    # shape, two callers; both under the php-fpm search and the nginx monitor.
    Bug("kn-engrave-fee-null", "castlerigg-shop", (Exc("TypeError", label_msg("engraving/src/CartFees.php", 44), (*CART_FEES, c("engraving", "CartFees.php", "add_fees", 44, NS + "Engraving\\CartFees", "(Object(WC_Cart))"), SURCHARGE)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **FPM), see("splunk", 2, **NGINX), see("datadog.log", **NGXMON), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(4, 5), pair="kn-engrave-label-null", entry="POST /?wc-ajax=update_order_review", span=3, renames={"add_fees": "add_engraving_fees"}),
    Bug("kn-engrave-label-null", "castlerigg-shop", (Exc("TypeError", label_msg("labels/src/Packing/Slip.php", 63), (*cron("castlerigg_print_labels"), c("labels", "Packing/Batch.php", "run", 25, NS + "Labels\\Packing\\Batch", "()"), c("labels", "Packing/Slip.php", "line_items", 63, NS + "Labels\\Packing\\Slip", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"), SURCHARGE)),),
        (see("sentry.error", 2), see("splunk", 2, **FPM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="kn-engrave-fee-null", entry="castlerigg_print_labels"),
    # One courier client: a timeout and a 401, under one monitor.
    Bug("kn-courier-timeout", "castlerigg-shop", (Exc("Castlerigg\\Labels\\Courier\\CourierException", "cURL error 28: Operation timed out after 15000 milliseconds with 0 bytes received", (*cron("castlerigg_print_labels"), c("labels", "Packing/Batch.php", "run", 31, NS + "Labels\\Packing\\Batch", "()"), c("labels", "Courier/Shipments.php", "create", 40, NS + "Labels\\Courier\\Shipments", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"), COURIER)),),
        (see("sentry.error", 3), see("splunk", 2, **FPM), see("datadog.log", 2, **LOGMON)),
        classes=(9,), pair="kn-courier-401", entry="castlerigg_print_labels"),
    Bug("kn-courier-401", "castlerigg-shop", (Exc("Castlerigg\\Labels\\Courier\\CourierException", "Courier API returned 401 Unauthorized: token expired", (*ADMIN_ORDER, c("labels", "Admin/PrintLabel.php", "handle", 19, NS + "Labels\\Admin\\PrintLabel", "()"), c("labels", "Courier/Shipments.php", "create", 40, NS + "Labels\\Courier\\Shipments", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"), COURIER)),),
        (see("sentry.error", 2), see("splunk", **FPM), see("splunk", **NGINX), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(9,), pair="kn-courier-timeout", entry="POST /wp-admin/admin-ajax.php"),
    # Two unique keys, one insert helper.
    Bug("kn-engrave-dup", "castlerigg-shop", (Exc("Castlerigg\\Common\\DbException", "Duplicate entry '{id}-1' for key 'wp_castlerigg_engravings.order_item'", (*CHECKOUT, c("engraving", "OrderHooks.php", "save_engravings", 52, NS + "Engraving\\OrderHooks", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order), Array)"), c("common", "Db.php", "insert", 27, NS + "Common\\Db", "('wp_castlerigg_e...', Array)"))),),
        (see("sentry.error", 2), see("splunk", 2, **FPM), see("splunk", **WCLOG), see("datadog.apm", **APM)),
        classes=(4, 9), pair="kn-feed-dup", entry="POST /?wc-ajax=checkout"),
    Bug("kn-feed-dup", "castlerigg-shop", (Exc("Castlerigg\\Common\\DbException", "Duplicate entry 'CK-{id}' for key 'wp_castlerigg_feed_items.sku'", (*cron("castlerigg_stock_feed"), c("stock-feed", "Importer.php", "run", 38, NS + "StockFeed\\Importer", "()"), c("stock-feed", "Importer.php", "upsert", 91, NS + "StockFeed\\Importer", "(Array)"), c("common", "Db.php", "insert", 27, NS + "Common\\Db", "('wp_castlerigg_f...', Array)"))),),
        (see("sentry.error", 2), see("splunk", 2, **FPM), see("datadog.log", **LOGMON)),
        classes=(4, 9), pair="kn-engrave-dup", entry="castlerigg_stock_feed"),
    # The same add-to-cart validator: a TypeError and a ValueError.
    Bug("kn-cart-validate-type", "castlerigg-shop", (Exc("TypeError", "mb_strlen(): Argument #1 ($string) must be of type string, array given", (*ADD_TO_CART, c("engraving", "CartValidation.php", "validate", 29, NS + "Engraving\\CartValidation", "(true, {id}, 1)"), Frame("mb_strlen", "", 0, "", False, args="(Array)"))),),
        (see("sentry.error", 3), see("splunk", 2, **NGINX), see("datadog.log", **NGXMON)),
        classes=(4,), pair="kn-cart-validate-value", entry="POST /?wc-ajax=add_to_cart"),
    Bug("kn-cart-validate-value", "castlerigg-shop", (Exc("ValueError", "str_repeat(): Argument #2 ($times) must be greater than or equal to 0", (*ADD_TO_CART, c("engraving", "CartValidation.php", "validate", 36, NS + "Engraving\\CartValidation", "(true, {id}, 1)"), c("engraving", "Preview.php", "pad", 12, NS + "Engraving\\Preview", "('', -3)"), Frame("str_repeat", "", 0, "", False, args="(' ', -3)"))),),
        (see("sentry.error", 2), see("splunk", 2, **NGINX), see("splunk", **FPM), see("datadog.log", **NGXMON), see("datadog.apm", **APM)),
        classes=(4,), pair="kn-cart-validate-type", entry="POST /?wc-ajax=add_to_cart"),
    # The same undefined key warning in two plugins.
    Bug("kn-warn-engraving-font", "castlerigg-shop", (Exc("ErrorException", "Warning: Undefined array key \"engraving_font\"", (*CHECKOUT, c("engraving", "OrderHooks.php", "save_engravings", 47, NS + "Engraving\\OrderHooks", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order), Array)"))),),
        (see("sentry.error", 2), see("splunk", 3, **WARN)),
        classes=(4,), pair="kn-warn-label-font", log="Undefined array key \"engraving_font\"", entry="POST /?wc-ajax=checkout"),
    Bug("kn-warn-label-font", "castlerigg-shop", (Exc("ErrorException", "Warning: Undefined array key \"engraving_font\"", (*cron("castlerigg_print_labels"), c("labels", "Packing/Slip.php", "engraving_line", 88, NS + "Labels\\Packing\\Slip", "(Array)"))),),
        (see("sentry.error", 2), see("splunk", 2, **WARN)),
        classes=(4,), pair="kn-warn-engraving-font", log="Undefined array key \"engraving_font\"", entry="castlerigg_print_labels"),
    # Storefront on jQuery: one property read in the engraving preview and the side cart.
    Bug("kn-js-engrave-preview", "castlerigg-storefront", (Exc("TypeError", frames=(*JQ_CLICK, st("engraving.js", "updatePreview", 41, 18, ENGRAVE_JS), st("engraving.js", "fontMetrics", 88, 25, ENGRAVE_JS)), js=JsError("read-undefined", "fonts[e.font]", "lineHeight")),),
        (see("sentry.error", 2, browser="chrome", chunk=ENGRAVE_JS, release=0), see("sentry.error", browser="safari", chunk=ENGRAVE_JS, release=1), see("posthog", 2, browser="chrome", chunk=ENGRAVE_JS, release=1), see("posthog", browser="firefox", chunk=ENGRAVE_JS, release=2)),
        classes=(3, 4), pair="kn-js-sidecart", page="/product/santoku-18cm/"),
    Bug("kn-js-sidecart", "castlerigg-storefront", (Exc("TypeError", frames=(*JQ_CLICK, st("side-cart.js", "renderLine", 63, 31, CART_JS), st("side-cart.js", "engravingNote", 102, 22, CART_JS)), js=JsError("read-undefined", "fonts[e.font]", "lineHeight")),),
        (see("posthog", 2, browser="chrome", chunk=CART_JS, release=0), see("posthog", browser="safari", chunk=CART_JS, release=1), see("sentry.error", browser="firefox", chunk=CART_JS, release=1), see("sentry.error", browser="chrome", chunk=CART_JS, release=2)),
        classes=(3, 4), pair="kn-js-engrave-preview", page="/basket/"),
    Bug("kn-js-finder-fn", "castlerigg-storefront", (Exc("TypeError", frames=(st("knife-finder.js", "initSliders", 14, 9, FINDER_JS),), js=JsError("not-function", "e(\".kf-range\").slider", "slider", "({range:!0})")),),
        (see("posthog", 2, browser="chrome", chunk=FINDER_JS, release=1), see("posthog", browser="edge", chunk=FINDER_JS, release=2), see("sentry.error", browser="chrome", chunk=FINDER_JS, release=2, sourcemaps=False)),
        classes=(3, 10), page="/knife-finder/"),
    Bug("kn-js-gallery-range", "castlerigg-storefront", (Exc("RangeError", "Maximum call stack size exceeded", (*JQ_CLICK, st("gallery.js", "zoomTo", 40, 12, ENGRAVE_JS), st("gallery.js", "zoomTo", 44, 16, ENGRAVE_JS)), engines={"spidermonkey": "too much recursion", "jsc": "Maximum call stack size exceeded."}),),
        (see("posthog", 2, browser="chrome", chunk=ENGRAVE_JS, release=1), see("posthog", browser="firefox", chunk=ENGRAVE_JS, release=2), see("sentry.error", browser="safari", chunk=ENGRAVE_JS, release=2), see("sentry.error", browser="chrome", chunk=ENGRAVE_JS, release=2)),
        classes=(3,), page="/product/chefs-knife-21cm/"),
    # Not pairs.
    Bug("kn-memory-exhausted", "castlerigg-shop", (Exc("Sentry\\Exception\\FatalErrorException", "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate 4096 bytes)", (lib("wp-includes/class-wpdb.php", "_do_query", 2344, "wpdb", "()"),)),),
        (see("sentry.error", 2), see("datadog.log", **LOGMON)),
        classes=(10,), entry="castlerigg_stock_feed"),
    Bug("kn-feed-auth-wclog", "castlerigg-shop", (Exc("Castlerigg\\StockFeed\\FeedException", "Supplier feed rejected API key: 403 Forbidden", (*cron("castlerigg_stock_feed"), c("stock-feed", "Importer.php", "run", 38, NS + "StockFeed\\Importer", "()"), c("stock-feed", "Supplier.php", "fetch", 22, NS + "StockFeed\\Supplier", "()"))),),
        (see("sentry.error", 2), see("splunk", 3, search="stock-feed log errors", app="castlerigg", kind="wclog", sourcetype="wc:log", source="/var/www/html/wp-content/uploads/wc-logs/castlerigg-stock-feed-2026-03-05-1a7f3e90bc.log")),
        classes=(8,), log="Feed import aborted after {idx} retries: Supplier feed rejected API key: 403 Forbidden", entry="castlerigg_stock_feed"),
    Bug("kn-bundle-division", "castlerigg-shop", (Exc("DivisionByZeroError", "Division by zero", (*CART_FEES, c("engraving", "BundlePrice.php", "apply", 58, NS + "Engraving\\BundlePrice", "(Object(WC_Cart))"), c("engraving", "BundlePrice.php", "per_item", 71, NS + "Engraving\\BundlePrice", "(Array)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **FPM), see("splunk", **WCLOG), see("splunk", **NGINX), see("datadog.apm", **APM)),
        classes=(1,), entry="POST /?wc-ajax=update_order_review"),
    Bug("kn-singleton-sprintf", "castlerigg-shop", (Exc("ArgumentCountError", "4 arguments are required, 3 given", (*CHECKOUT, c("engraving", "OrderHooks.php", "note", 66, NS + "Engraving\\OrderHooks", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"), Frame("sprintf", "", 0, "", False, args="('%s engraved i...', 'Santoku', 'Script')"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /?wc-ajax=checkout"),
]

NOISE = [
    Noise("kn-noise-deploy", "castlerigg-shop", "datadog.event", {"monitor": "Deployed castlerigg-shop", "text": "castlerigg-shop 2026.03.2 deployed: castlerigg-engraving 3.1.0, castlerigg-labels 1.6.2.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("kn-noise-deprecated", "castlerigg-shop", "splunk", {"search": "php-fpm warnings", "app": "castlerigg", "line": "[05-Mar-2026 09:14:02 UTC] PHP Deprecated:  Creation of dynamic property WC_Gateway_Legacy::$testmode is deprecated in /var/www/html/wp-content/plugins/woocommerce-gateway-legacy/class-wc-gateway-legacy.php on line 58"}),
    Noise("kn-noise-recovered", "castlerigg-shop", "datadog.log", {"monitor": "nginx FastCGI sent in stderr", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": "service:nginx status:error", "text": "No more PHP fatal errors through nginx."}),
]

CASTLERIGG = Company(
    key="kn",
    name="Castlerigg Cookware",
    domain="castlerigg-cookware.example",
    sentry_org="castlerigg",
    splunk_url="https://castlerigg.splunkcloud.com",
    splunk_guid="4E2A9C71-0B3D-4F68-A1E5-7C90D2B84F13",
    datadog_org=("991001", "Castlerigg Cookware"),
    datadog_template="recommended",
    posthog_project=(99101, "Castlerigg storefront"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="castlerigg-sentry-client-secret",
)
# fmt: on
