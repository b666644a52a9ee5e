"""(ic) Allonby Larder, a farm-shop grocery delivery shop: WordPress 6.7 with WooCommerce 9 on
PHP 8.2 (``larder-shop``: Apache in a container, four custom plugins under
``wp-content/plugins/allonby-*``: delivery slots, loyalty points, packaging fees, an ERP stock
sync run by WP-Cron) and a block theme whose storefront scripts are built by
``@wordpress/scripts`` (``larder-storefront``).

WordPress writes ``wp-content/debug.log`` (PHP's error log: fatal errors with the uncaught
Throwable's trace, warnings, ``WordPress database error``), WooCommerce its own
``wc-logs/fatal-errors-*.log`` and the plugins' ``wc_get_logger()`` lines; a Splunk universal
forwarder ships both. Sentry: the WordPress integration of sentry-php (PHP errors, fatal errors,
warnings as ``ErrorException``) and its browser SDK on the storefront. PostHog: posthog-js
exception autocapture on the storefront. Datadog: dd-trace-php APM by error type and log
monitors pasting ``{{log.message}}``. This company has all four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, php

# fmt: off
PHP_SDK = ("sentry.php.wordpress", "8.3.0", "composer:stayallive/wp-sentry")
JS_SDK = ("sentry.javascript.browser", "8.40.0", "npm:@sentry/browser")
SERVICES = {
    "larder-shop": Service("larder-shop", "php", "ic-debuglog", "wp:debug", "/var/www/html/wp-content/debug.log", "ic_wordpress", 7810011, "PHP 8.2.27", framework="wordpress", sdk=PHP_SDK),
    "larder-storefront": Service("larder-storefront", "javascript", "", "", "", "", 7810012, origin="https://www.allonby-larder.example", framework="onerror", sdk=JS_SDK),
}
P = "wp-content/plugins/"
WC = P + "woocommerce/includes/"
HOOK = "wp-includes/class-wp-hook.php"


def lib(file: str, function: str, line: int, cls: str = "", args: str = "()") -> Frame:
    return php(file, function, line, cls, args, lib=True)


def internal(function: str, cls: str, args: str) -> Frame:
    """A PHP internal function or method: no file of its own."""
    return Frame(function, "", 0, cls, False, args=args)


def hook(name: str, args: str = "") -> tuple[Frame, ...]:
    """``do_action('name', ...)`` through WP_Hook to a callback (oldest first)."""
    shown = name if len(name) <= 15 else name[:15] + "..."
    return (
        lib("wp-includes/plugin.php", "do_action", 517, "", f"('{shown}'{args})"),
        lib(HOOK, "do_action", 348, "WP_Hook", "(Array)"),
        lib(HOOK, "apply_filters", 324, "WP_Hook", "('', Array)"),
    )


# A front-end request reaching template_redirect, where WooCommerce serves ?wc-ajax= calls.
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


# The cart's totals asking plugins for fees.
CART_FEES = (
    *wc_ajax("update_order_review", 493),
    lib(WC + "class-wc-cart.php", "calculate_totals", 1497, "WC_Cart", "()"),
    lib(WC + "class-wc-cart-totals.php", "__construct", 105, "WC_Cart_Totals", "(Object(WC_Cart))"),
    lib(WC + "class-wc-cart-totals.php", "calculate", 210, "WC_Cart_Totals", "()"),
    lib(WC + "class-wc-cart-totals.php", "calculate_fee_totals", 723, "WC_Cart_Totals", "()"),
    lib(WC + "class-wc-cart-totals.php", "get_fees_from_cart", 330, "WC_Cart_Totals", "()"),
    *hook("woocommerce_cart_calculate_fees", ", Object(WC_Cart)"),
)
CHECKOUT = (
    *wc_ajax("checkout", 470),
    lib(WC + "class-wc-checkout.php", "process_checkout", 1320, "WC_Checkout", "()"),
    lib(WC + "class-wc-checkout.php", "create_order", 467, "WC_Checkout", "(Array)"),
    *hook("woocommerce_checkout_create_order", ", Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order), Array"),
)
PAID = (
    *wc_ajax("checkout", 470),
    lib(WC + "class-wc-checkout.php", "process_checkout", 1330, "WC_Checkout", "()"),
    lib(WC + "class-wc-checkout.php", "process_order_payment", 1137, "WC_Checkout", "({id}, 'stripe')"),
    lib(P + "woocommerce-gateway-stripe/includes/class-wc-gateway-stripe.php", "process_payment", 462, "WC_Gateway_Stripe", "({id})"),
    lib(WC + "class-wc-order.php", "payment_complete", 137, "WC_Order", "('pi_3Qx...')"),
    *hook("woocommerce_payment_complete", ", {id}, 'pi_3Qx...'"),
)
REST = (
    lib("index.php", "{main}", 17),
    lib("wp-blog-header.php", "require", 16, "", "('/var/www/html/wp-blog-header.php')"),
    lib("wp-includes/functions.php", "wp", 1342, "", "()"),
    lib("wp-includes/class-wp.php", "main", 822, "WP", "()"),
    lib("wp-includes/class-wp.php", "parse_request", 420, "WP", "()"),
    lib("wp-includes/plugin.php", "do_action_ref_array", 565, "", "('parse_request', Array)"),
    lib(HOOK, "do_action", 348, "WP_Hook", "(Array)"),
    lib(HOOK, "apply_filters", 324, "WP_Hook", "('', Array)"),
    lib("wp-includes/rest-api.php", "rest_api_loaded", 428, "", "(Object(WP))"),
    lib("wp-includes/rest-api/class-wp-rest-server.php", "serve_request", 440, "WP_REST_Server", "('/allonby/v1/slo...')"),
    lib("wp-includes/rest-api/class-wp-rest-server.php", "dispatch", 1048, "WP_REST_Server", "(Object(WP_REST_Request))"),
    lib("wp-includes/rest-api/class-wp-rest-server.php", "respond_to_request", 1230, "WP_REST_Server", "(Object(WP_REST_Request), '/allonby/v1/slo...', Array, NULL)"),
)


def cron(event: str) -> tuple[Frame, ...]:
    shown = event if len(event) <= 15 else event[:15] + "..."
    return (
        lib("wp-cron.php", "{main}", 191),
        lib("wp-includes/plugin.php", "do_action_ref_array", 565, "", f"('{shown}', Array)"),
        lib(HOOK, "do_action", 348, "WP_Hook", "(Array)"),
        lib(HOOK, "apply_filters", 324, "WP_Hook", "('', Array)"),
    )


def a(plugin: str, path: str, function: str, line: int, cls: str, args: str = "()") -> Frame:
    return php(P + f"allonby-{plugin}/src/{path}", function, line, cls, args)


NS = "Allonby\\"
ERP_POST = a("erp-sync", "Client.php", "post", 58, NS + "Erp\\Client", "('/api/v2/stock/r...', Array)")
ERP_POST_ORDER = a("erp-sync", "Client.php", "post", 58, NS + "Erp\\Client", "('/api/v2/orders', Array)")
GET_WEIGHT_BOOL = "Call to a member function get_weight() on bool"

HEC = {"search": "wordpress fatal errors", "app": "allonby"}
WCLOG = {"search": "woocommerce fatal-errors log", "app": "allonby", "kind": "wc", "sourcetype": "wc:log", "source": "/var/www/html/wp-content/uploads/wc-logs/fatal-errors-2026-03-05-3f1c0a9e2b.log"}
WARN = {"search": "wordpress php warnings", "app": "allonby", "kind": "warning"}
APM = {"team": "shop", "monitor": "larder-shop errors by type", "style": "type"}
LOGMON = {"team": "shop", "monitor": "debug.log fatal errors", "filter": "service:larder-shop source:php status:error", "text": "New fatal error on **{{log.host}}**:\n\n```\n{{log.message}}\n```", "sample_lines": 4}
CRONMON = {"team": "shop", "monitor": "WP-Cron failures", "filter": "service:larder-shop @http.url_details.path:/wp-cron.php status:error", "text": "WP-Cron job failed:\n```\n{{log.message}}\n```", "sample_lines": 6}


def browsers(chunk: str, n_ph: int = 2) -> tuple:
    return (
        see("sentry.error", 2, browser="chrome", chunk=chunk, release=0),
        see("sentry.error", browser="safari", chunk=chunk, release=1),
        see("posthog", n_ph, browser="chrome", chunk=chunk, release=1),
        see("posthog", browser="firefox", chunk=chunk, release=2),
    )


def st(file: str, fn: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"src/{file}", fn, line, col, chunk)


JQ = "wp-includes/js/jquery/jquery.min.js"
JQ_CLICK = (js(JQ, "dispatch", 2, 40035, "jquery", lib=True), js(JQ, "v.handle", 2, 38006, "jquery", lib=True))
MINICART, QUICKVIEW, SLOTS, ACCOUNT = "mini-cart", "quick-view", "delivery-slots", "account"

BUGS = [
    # The same false product in the fee plugin and the label cron.
    Bug("ic-fee-weight-bool", "larder-shop", (Exc("Error", GET_WEIGHT_BOOL, (*CART_FEES, a("fees", "PackagingFee.php", "add_to_cart", 37, NS + "Fees\\PackagingFee", "(Object(WC_Cart))"), a("fees", "PackagingFee.php", "weight_of", 64, NS + "Fees\\PackagingFee", "(Array)"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **HEC), see("splunk", **WCLOG), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4, 5), pair="ic-label-weight-bool", entry="POST /?wc-ajax=update_order_review", span=3, renames={"add_to_cart": "add_packaging_fee"}),
    Bug("ic-label-weight-bool", "larder-shop", (Exc("Error", GET_WEIGHT_BOOL, (*cron("allonby_print_labels"), a("delivery", "Labels/LabelBatch.php", "run", 29, NS + "Delivery\\Labels\\LabelBatch", "()"), a("delivery", "Labels/LabelBatch.php", "parcel_weight", 81, NS + "Delivery\\Labels\\LabelBatch", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.log", **CRONMON)),
        classes=(4,), pair="ic-fee-weight-bool", entry="allonby_print_labels"),
    # Loyalty and slot tables: one duplicate-entry guard, two unique keys.
    Bug("ic-points-dup", "larder-shop", (Exc("Allonby\\Common\\DbException", "Could not award points: Duplicate entry '{id}-{user}' for key 'wp_allonby_points.order_customer'", (*PAID, a("loyalty", "Hooks.php", "on_payment_complete", 44, NS + "Loyalty\\Hooks", "({id})"), a("loyalty", "Ledger.php", "award", 71, NS + "Loyalty\\Ledger", "({id}, {user}, 120)"), a("common", "Db.php", "insert_or_fail", 23, NS + "Common\\Db", "('wp_allonby_poin...', Array)"))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        classes=(4, 9), pair="ic-slot-dup", entry="POST /?wc-ajax=checkout"),
    Bug("ic-slot-dup", "larder-shop", (Exc("Allonby\\Common\\DbException", "Could not reserve slot: Duplicate entry '{id}' for key 'wp_allonby_slot_bookings.order_id'", (*CHECKOUT, a("delivery", "Checkout.php", "reserve_slot", 52, NS + "Delivery\\Checkout", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order), Array)"), a("common", "Db.php", "insert_or_fail", 23, NS + "Common\\Db", "('wp_allonby_slot...', Array)"))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("splunk", **WCLOG), see("datadog.log", **LOGMON)),
        classes=(4, 9), pair="ic-points-dup", entry="POST /?wc-ajax=checkout"),
    # One ERP client helper: cURL timeout and a 502.
    Bug("ic-erp-timeout", "larder-shop", (Exc("Allonby\\Erp\\ErpException", "cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received", (*cron("allonby_erp_stock_sync"), a("erp-sync", "StockSync.php", "run", 33, NS + "Erp\\StockSync", "()"), a("erp-sync", "StockSync.php", "reserve_batch", 90, NS + "Erp\\StockSync", "(Array)"), ERP_POST)),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.log", 2, **CRONMON)),
        classes=(9,), pair="ic-erp-502", entry="allonby_erp_stock_sync"),
    Bug("ic-erp-502", "larder-shop", (Exc("Allonby\\Erp\\ErpException", "ERP returned HTTP 502 for /api/v2/orders", (*PAID, a("erp-sync", "OrderPush.php", "on_payment_complete", 21, NS + "Erp\\OrderPush", "({id})"), a("erp-sync", "OrderPush.php", "push", 47, NS + "Erp\\OrderPush", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"), ERP_POST_ORDER)),),
        (see("sentry.error", 2), see("sentry.alert", rule="ERP errors"), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        classes=(9,), pair="ic-erp-timeout", entry="POST /?wc-ajax=checkout"),
    # One slot parser: a bad time string, a null argument.
    Bug("ic-slot-parse-date", "larder-shop", (Exc("Exception", "DateTime::__construct(): Failed to parse time string (25:00) at position 0 (2): Unexpected character", (*REST, a("delivery", "Rest/SlotController.php", "get_items", 40, NS + "Delivery\\Rest\\SlotController", "(Object(WP_REST_Request))"), a("delivery", "SlotParser.php", "parse", 18, NS + "Delivery\\SlotParser", "('25:00')"), internal("__construct", "DateTime", "('25:00', Object(DateTimeZone))"))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ic-slot-parse-null", entry="GET /wp-json/allonby/v1/slots"),
    Bug("ic-slot-parse-null", "larder-shop", (Exc("TypeError", "Allonby\\Delivery\\SlotParser::parse(): Argument #1 ($window) must be of type string, null given, called in /var/www/html/wp-content/plugins/allonby-delivery/src/Rest/SlotController.php on line 40", (*REST, a("delivery", "Rest/SlotController.php", "get_items", 40, NS + "Delivery\\Rest\\SlotController", "(Object(WP_REST_Request))"), a("delivery", "SlotParser.php", "::parse", 14, NS + "Delivery\\SlotParser", "(NULL)"))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        classes=(4,), pair="ic-slot-parse-date", entry="GET /wp-json/allonby/v1/slots"),
    # The same undefined key warning in two plugins.
    Bug("ic-postcode-warning-checkout", "larder-shop", (Exc("ErrorException", "Warning: Undefined array key \"shipping_postcode\"", (*CHECKOUT, a("delivery", "Checkout.php", "validate_zone", 88, NS + "Delivery\\Checkout", "(Array)"))),),
        (see("sentry.error", 3), see("splunk", 2, **WARN)),
        classes=(4,), pair="ic-postcode-warning-erp", log="Undefined array key \"shipping_postcode\"", entry="POST /?wc-ajax=checkout"),
    Bug("ic-postcode-warning-erp", "larder-shop", (Exc("ErrorException", "Warning: Undefined array key \"shipping_postcode\"", (*PAID, a("erp-sync", "OrderPush.php", "on_payment_complete", 21, NS + "Erp\\OrderPush", "({id})"), a("erp-sync", "OrderMapper.php", "address", 35, NS + "Erp\\OrderMapper", "(Array)"))),),
        (see("sentry.error", 2), see("splunk", 3, **WARN)),
        classes=(4,), pair="ic-postcode-warning-checkout", log="Undefined array key \"shipping_postcode\"", entry="POST /?wc-ajax=checkout"),
    # Storefront: the same read in the mini-cart and the quick view.
    Bug("ic-minicart-qty", "larder-storefront", (Exc("TypeError", frames=(*JQ_CLICK, st("mini-cart/index.js", "onQtyChange", 48, 22, MINICART), st("lib/cart-item.js", "lineTotal", 12, 30, MINICART)), js=JsError("read-undefined", "item.meta", "quantity")),),
        browsers(MINICART), classes=(3, 4), pair="ic-quickview-qty", page="/basket/"),
    Bug("ic-quickview-qty", "larder-storefront", (Exc("TypeError", frames=(*JQ_CLICK, st("quick-view/index.js", "openQuickView", 71, 15, QUICKVIEW), st("quick-view/render.js", "renderStock", 33, 27, QUICKVIEW)), js=JsError("read-undefined", "item.meta", "quantity")),),
        (see("posthog", 2, browser="chrome", chunk=QUICKVIEW, release=0), see("posthog", browser="safari", chunk=QUICKVIEW, release=1), see("posthog", resolved=True, browser="chrome", chunk=QUICKVIEW, release=2), see("sentry.error", browser="firefox", chunk=QUICKVIEW, release=1)),
        classes=(3, 4), pair="ic-minicart-qty", page="/product/smoked-cheddar/"),
    Bug("ic-slot-picker-date", "larder-storefront", (Exc("RangeError", "Invalid time value", (*JQ_CLICK, st("delivery-slots/picker.js", "selectDay", 57, 19, SLOTS), st("delivery-slots/format.js", "slotLabel", 9, 24, SLOTS), js("node_modules/date-fns/format.mjs", "format", 351, 11, SLOTS, lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        browsers(SLOTS, 3), classes=(3,), page="/checkout/"),
    Bug("ic-selectwoo-missing", "larder-storefront", (Exc("TypeError", frames=(st("account/address.js", "initCountrySelect", 22, 14, ACCOUNT),), js=JsError("not-function", "e(...).selectWoo", "selectWoo", "({width:\"100%\"})")),),
        (see("posthog", 2, browser="chrome", chunk=ACCOUNT, release=1), see("posthog", browser="edge", chunk=ACCOUNT, release=1), see("posthog", browser="firefox", chunk=ACCOUNT, release=2), see("sentry.error", browser="chrome", chunk=ACCOUNT, release=2, sourcemaps=False)),
        classes=(3, 10), page="/my-account/edit-address/"),
    # Not pairs.
    Bug("ic-memory-exhausted", "larder-shop", (Exc("Sentry\\Exception\\FatalErrorException", "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate 20480 bytes)", (lib("wp-includes/class-wpdb.php", "_do_query", 2349, "wpdb", "()"),)),),
        (see("sentry.error", 2), see("splunk", 2, search="wordpress fatal errors", app="allonby", kind="plain", level="Fatal error"), see("datadog.log", **CRONMON)),
        classes=(10,), entry="allonby_erp_stock_sync"),
    Bug("ic-points-rounding", "larder-shop", (Exc("DivisionByZeroError", "Division by zero", (*CART_FEES, a("loyalty", "Hooks.php", "apply_redemption", 98, NS + "Loyalty\\Hooks", "(Object(WC_Cart))"), a("loyalty", "Redemption.php", "points_per_pound", 27, NS + "Loyalty\\Redemption", "()"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **HEC), see("splunk", **WCLOG), see("datadog.apm", **APM)),
        classes=(1,), entry="POST /?wc-ajax=update_order_review"),
    Bug("ic-wclog-erp-auth", "larder-shop", (Exc("Allonby\\Erp\\ErpException", "ERP rejected token: 401 Unauthorized", (*cron("allonby_erp_stock_sync"), a("erp-sync", "StockSync.php", "run", 33, NS + "Erp\\StockSync", "()"), a("erp-sync", "Auth.php", "token", 41, NS + "Erp\\Auth", "()"))),),
        (see("sentry.error", 2), see("splunk", 3, search="erp-sync log errors", app="allonby", kind="wclog", sourcetype="wc:log", source="/var/www/html/wp-content/uploads/wc-logs/allonby-erp-sync-2026-03-06-8d2e41b7c0.log"), see("datadog.log", **CRONMON)),
        classes=(8,), log="Stock sync aborted: ERP rejected token: 401 Unauthorized (attempt {idx})", entry="allonby_erp_stock_sync"),
    Bug("ic-singleton-coupon", "larder-shop", (Exc("ValueError", "array_combine(): Argument #1 ($keys) and argument #2 ($values) must have the same number of elements", (*CART_FEES, a("fees", "BundleDiscount.php", "apply", 52, NS + "Fees\\BundleDiscount", "(Object(WC_Cart))"), internal("array_combine", "", "(Array, Array)"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /?wc-ajax=update_order_review"),
]

NOISE = [
    Noise("ic-noise-deploy", "larder-shop", "datadog.event", {"monitor": "Deployed larder-shop", "text": "larder-shop 2026.03.2 deployed: plugins allonby-delivery 1.9.0, allonby-erp-sync 2.4.1.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("ic-noise-cron-ok", "larder-shop", "splunk", {"search": "erp-sync log errors", "app": "allonby", "line": "{tsnaive}+00:00 INFO Stock sync finished: 1,204 SKUs in {dur}"}),
    Noise("ic-noise-recovered", "larder-shop", "datadog.log", {"monitor": "WP-Cron failures", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": "service:larder-shop status:error", "text": "WP-Cron failures back to normal."}),
]

ALLONBY = Company(
    key="ic",
    name="Allonby Larder",
    domain="allonby-larder.example",
    sentry_org="allonby",
    splunk_url="https://allonby.splunkcloud.com",
    splunk_guid="8C41D2E7-5A93-4B06-9E1F-3D7A0B62C5E8",
    datadog_org=("781001", "Allonby Larder"),
    datadog_template="recommended",
    posthog_project=(78101, "Allonby storefront"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="allonby-sentry-client-secret",
)
# fmt: on
