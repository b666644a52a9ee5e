"""(dx) Duxbrough Seed Co., an heirloom seed shop: WordPress 6.6 and WooCommerce 9.3 on PHP 8.3
(``seedshop``: the team's own ``duxbrough-seed-club`` subscription plugin, a packet-label
plugin and a Storefront child theme), wp-cron driven by a system cron.

Sentry: the WP Sentry Integration plugin (sentry-php 4.9). Splunk indexes PHP's own
``error_log`` (``log_errors=On``: ``[05-Dec-2026 10:11:12 UTC] PHP Fatal error:  Uncaught
...`` with the trace and ``thrown in``, warnings on one line) and WordPress's
``WordPress database error`` lines from the same file. Datadog: log monitors on the shop's
PHP fatals, in the agency's own template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import php

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.php", "4.9.0", "composer:sentry/sentry")
LOG = "/var/log/php8.3-fpm/error.log"
SERVICES = {
    "seedshop": Service("seedshop", "php", "php-error-log", "duxbrough:php", LOG, "dx_shop", 7430021, "php 8.3.12", framework="wordpress", sdk=SDK),
}
WC = "wp-content/plugins/woocommerce/includes/"
CLUB = "wp-content/plugins/duxbrough-seed-club/src/"


def own(file: str, function: str, line: int, cls: str = "", args: str = "()") -> Frame:
    return php(file, function, line, cls, args)


def internal(function: str, args: str) -> Frame:
    return php("[internal function]", function, 0, "", args, lib=True)


CHECKOUT = (
    php("index.php", "{main}", 17, lib=True),
    php("wp-includes/template-loader.php", "do_action", 13, "", "('template_redirec...')", lib=True),
    php("wp-includes/class-wp-hook.php", "do_action", 348, "WP_Hook", "(Array)", lib=True),
    php(WC + "class-wc-ajax.php", "::checkout", 490, "WC_AJAX", "()", lib=True),
    php(WC + "class-wc-checkout.php", "process_checkout", 1284, "WC_Checkout", "()", lib=True),
    php(WC + "class-wc-checkout.php", "create_order", 425, "WC_Checkout", "(Array)", lib=True),
    php("wp-includes/plugin.php", "do_action", 517, "", "('woocommerce_chec...', 8841, Array, Object(Automattic\\\\WooCommerce\\\\Admin\\\\Overrides\\\\Order))", lib=True),
    php("wp-includes/class-wp-hook.php", "apply_filters", 324, "WP_Hook", "(NULL, Array)", lib=True),
)
CRON = (
    php("wp-cron.php", "{main}", 191, lib=True),
    php("wp-includes/plugin.php", "do_action_ref_array", 565, "", "('action_schedule...', Array)", lib=True),
    php("wp-content/plugins/woocommerce/packages/action-scheduler/classes/abstracts/ActionScheduler_Abstract_QueueRunner.php", "process_action", 75, "ActionScheduler_Abstract_QueueRunner", "(4412, 'WP Cron')", lib=True),
    php("wp-content/plugins/woocommerce/packages/action-scheduler/classes/actions/ActionScheduler_Action.php", "execute", 22, "ActionScheduler_Action", "()", lib=True),
    php("wp-includes/class-wp-hook.php", "do_action", 348, "WP_Hook", "(Array)", lib=True),
)
PRODUCT = (
    php("index.php", "{main}", 17, lib=True),
    php("wp-includes/template-loader.php", "include", 106, "", "('/var/www/html/w...')", lib=True),
    php("wp-content/themes/duxbrough-storefront/woocommerce/single-product.php", "wc_get_template_part", 37, "", "('content', 'single-product')", lib=True),
    php("wp-includes/plugin.php", "do_action", 517, "", "('woocommerce_sing...')", lib=True),
    php("wp-includes/class-wp-hook.php", "apply_filters", 324, "WP_Hook", "('', Array)", lib=True),
)
REST = (
    php("index.php", "{main}", 17, lib=True),
    php("wp-includes/rest-api/class-wp-rest-server.php", "serve_request", 440, "WP_REST_Server", "('/duxbrough/v1/c...')", lib=True),
    php("wp-includes/rest-api/class-wp-rest-server.php", "dispatch", 1053, "WP_REST_Server", "(Object(WP_REST_Request))", lib=True),
    php("wp-includes/rest-api/class-wp-rest-server.php", "respond_to_request", 1218, "WP_REST_Server", "(Object(WP_REST_Request), '/duxbrough/v1/c...', Array, NULL)", lib=True),
)
# The label plugin's PDF helper, the innermost app frame of two bugs.
LABEL_PDF = own("wp-content/plugins/duxbrough-packet-labels/includes/class-label-pdf.php", "render", 64, "Duxbrough_Label_PDF", "(Array)")
PHP_SRC = {"sourcetype": "duxbrough:php", "source": LOG, "search": "seedshop - php errors"}
DD = {"team": "shop", "monitor": "seedshop PHP fatal errors", "filter": "service:seedshop source:php \"PHP Fatal error\""}
GET_DATE = "Call to a member function format() on null"
DB_MADE_BY = "do_action_ref_array('action_scheduler_run_queue'), WP_Hook->do_action, WP_Hook->apply_filters, ActionScheduler_QueueRunner->run, ActionScheduler_Abstract_QueueRunner->process_action, ActionScheduler_Action->execute, do_action('duxbrough_club_renewals'), WP_Hook->do_action, WP_Hook->apply_filters, Duxbrough\\SeedClub\\Renewals->run, wc_get_orders, WC_Order_Query->get_orders"


BUGS = [
    # A null date: the club's renewal job and the checkout hook of the same plugin.
    Bug("dx-renewal-date-null", "seedshop", (Exc("Error", GET_DATE, (*CRON, own(CLUB + "Renewals.php", "run", 58, "Duxbrough\\SeedClub\\Renewals", "()"), own(CLUB + "Renewals.php", "next_dispatch", 91, "Duxbrough\\SeedClub\\Renewals", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **PHP_SRC), see("datadog.log", style="stack", lines=8, **DD)),
        classes=(1, 4, 5), pair="dx-checkout-date-null", entry="duxbrough_club_renewals", span=2, renames={"next_dispatch": "next_packet_date"}),
    Bug("dx-checkout-date-null", "seedshop", (Exc("Error", GET_DATE, (*CHECKOUT, own(CLUB + "Checkout.php", "on_order_created", 33, "Duxbrough\\SeedClub\\Checkout", "(8841, Array, Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"), own(CLUB + "Checkout.php", "first_dispatch", 77, "Duxbrough\\SeedClub\\Checkout", "(Object(WC_Product_Subscription))"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 3, **PHP_SRC)),
        classes=(1, 4), pair="dx-renewal-date-null", entry="POST /?wc-ajax=checkout"),
    # One sowing-calendar function, two errors.
    Bug("dx-calendar-typeerror", "seedshop", (Exc("TypeError", "Duxbrough\\Theme\\sowing_months(): Argument #1 ($months) must be of type array, string given, called in /var/www/html/wp-content/themes/duxbrough-storefront/inc/product-tabs.php on line 42", (*PRODUCT, own("wp-content/themes/duxbrough-storefront/inc/product-tabs.php", "Duxbrough\\Theme\\sowing_tab", 42), own("wp-content/themes/duxbrough-storefront/inc/sowing.php", "Duxbrough\\Theme\\sowing_months", 18, "", "('Mar-May')"))),),
        (see("sentry.error", 3), see("splunk", 2, **PHP_SRC), see("datadog.log", style="sample", **DD)),
        classes=(4,), pair="dx-calendar-valueerror", entry="GET /product/{slug}/"),
    Bug("dx-calendar-valueerror", "seedshop", (Exc("ValueError", "array_combine(): Argument #1 ($keys) and argument #2 ($values) must have the same number of elements", (*PRODUCT, own("wp-content/themes/duxbrough-storefront/inc/product-tabs.php", "Duxbrough\\Theme\\sowing_tab", 42), own("wp-content/themes/duxbrough-storefront/inc/sowing.php", "Duxbrough\\Theme\\sowing_months", 24, "", "(Array)"), internal("array_combine", "(Array, Array)"))),),
        (see("sentry.error", 3), see("splunk", 2, **PHP_SRC)),
        classes=(4,), pair="dx-calendar-typeerror", entry="GET /product/{slug}/"),
    # The label PDF helper throws for two callers: the packing screen and the nightly batch.
    Bug("dx-label-admin-font", "seedshop", (Exc("Mpdf\\MpdfException", "Cannot find TTF TrueType font file \"/var/www/html/wp-content/plugins/duxbrough-packet-labels/fonts/Grotesk-Bold.ttf\"", (php("wp-admin/admin-post.php", "{main}", 85, lib=True), php("wp-includes/class-wp-hook.php", "do_action", 348, "WP_Hook", "(Array)", lib=True), own("wp-content/plugins/duxbrough-packet-labels/includes/class-admin.php", "print_labels", 112, "Duxbrough_Label_Admin", "()"), LABEL_PDF, php("wp-content/plugins/duxbrough-packet-labels/vendor/mpdf/mpdf/src/Mpdf.php", "WriteHTML", 13578, "Mpdf\\Mpdf", "('<div class=\"pa...')", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **PHP_SRC), see("datadog.log", style="sample", **DD)),
        classes=(4, 8), pair="dx-label-batch-memory", entry="POST /wp-admin/admin-post.php"),
    Bug("dx-label-batch-memory", "seedshop", (Exc("Mpdf\\MpdfException", "Unable to create output file: /var/www/html/wp-content/uploads/labels/batch-{idx}.pdf", (*CRON, own("wp-content/plugins/duxbrough-packet-labels/includes/class-batch.php", "nightly", 40, "Duxbrough_Label_Batch", "()"), LABEL_PDF, php("wp-content/plugins/duxbrough-packet-labels/vendor/mpdf/mpdf/src/Mpdf.php", "Output", 9432, "Mpdf\\Mpdf", "('/var/www/html/w...', 'F')", lib=True))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **PHP_SRC)),
        classes=(4, 8), pair="dx-label-admin-font", entry="duxbrough_label_batch"),
    # Undefined array keys, warnings only: the club's REST endpoint and the germination widget.
    Bug("dx-club-key-warning", "seedshop", (Exc("ErrorException", 'Warning: Undefined array key "plan"', (*REST, own(CLUB + "Rest/Members.php", "update", 49, "Duxbrough\\SeedClub\\Rest\\Members", "(Object(WP_REST_Request))"))),),
        (see("splunk", 3, php_level="Warning", **PHP_SRC), see("sentry.error", 3)),
        classes=(4,), handled=True, pair="dx-germination-key-warning", entry="POST /wp-json/duxbrough/v1/club/members"),
    Bug("dx-germination-key-warning", "seedshop", (Exc("ErrorException", 'Warning: Undefined array key "plan"', (*PRODUCT, own("wp-content/themes/duxbrough-storefront/inc/germination-widget.php", "Duxbrough\\Theme\\germination_rate", 27, "", "(Array)"))),),
        (see("splunk", 2, php_level="Warning", **PHP_SRC), see("sentry.error")),
        classes=(4,), handled=True, pair="dx-club-key-warning", entry="GET /product/{slug}/"),
    # Royal Mail's API failing from the same Guzzle client: a timeout and a 401.
    Bug("dx-shipping-timeout", "seedshop", (Exc("GuzzleHttp\\Exception\\ConnectException", "cURL error 28: Operation timed out after 10001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.parcel.royalmail.example/v4/orders", (*CHECKOUT, own("wp-content/plugins/duxbrough-packet-labels/includes/class-royal-mail.php", "create_order", 71, "Duxbrough_Royal_Mail", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"), php("wp-content/plugins/duxbrough-packet-labels/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php", "createRejection", 158, "GuzzleHttp\\Handler\\CurlFactory", "(Object(GuzzleHttp\\Handler\\EasyHandle), Array)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **PHP_SRC), see("datadog.log", style="sample", **DD)),
        classes=(9,), pair="dx-shipping-unauthorized", entry="POST /?wc-ajax=checkout"),
    Bug("dx-shipping-unauthorized", "seedshop", (Exc("GuzzleHttp\\Exception\\ClientException", "Client error: `POST https://api.parcel.royalmail.example/v4/orders` resulted in a `401 Unauthorized` response:\n{\"code\":\"Unauthorized\",\"message\":\"Authorization has been denied for this request.\"}\n", (*CHECKOUT, own("wp-content/plugins/duxbrough-packet-labels/includes/class-royal-mail.php", "create_order", 71, "Duxbrough_Royal_Mail", "(Object(Automattic\\WooCommerce\\Admin\\Overrides\\Order))"), php("wp-content/plugins/duxbrough-packet-labels/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php", "create", 113, "GuzzleHttp\\Exception\\RequestException", "(Object(GuzzleHttp\\Psr7\\Request), Object(GuzzleHttp\\Psr7\\Response), NULL, Array, NULL)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **PHP_SRC)),
        classes=(4,), pair="dx-shipping-timeout", entry="POST /?wc-ajax=checkout"),
    # MySQL gone away during the renewals run: WordPress's own line, no exception.
    Bug("dx-renewals-db-gone", "seedshop", (),
        (see("splunk", 4, format="wp-db-error", query="SELECT wp_wc_orders.id FROM wp_wc_orders WHERE 1=1 AND wp_wc_orders.type = 'shop_order' AND wp_wc_orders.status IN ('wc-club-active') ORDER BY wp_wc_orders.date_created_gmt DESC LIMIT 0, 500", made_by=DB_MADE_BY, **PHP_SRC),),
        classes=(8,), log="WordPress database error MySQL server has gone away"),
    Bug("dx-stock-sync-division", "seedshop", (Exc("DivisionByZeroError", "Division by zero", (*CRON, own("wp-content/plugins/duxbrough-seed-club/src/StockSync.php", "reorder_point", 64, "Duxbrough\\SeedClub\\StockSync", "(Object(WC_Product_Simple))"))),),
        (see("sentry.error", 2), see("splunk", 2, **PHP_SRC), see("datadog.log", style="stack", lines=6, **DD)),
        classes=(4,), entry="duxbrough_stock_sync"),
    # A warning only: the zone table is empty for a Channel Islands postcode.
    Bug("dx-zone-foreach-warning", "seedshop", (Exc("ErrorException", "Warning: foreach() argument must be of type array|object, null given", (*CHECKOUT, own("wp-content/plugins/duxbrough-packet-labels/includes/class-royal-mail.php", "services_for", 133, "Duxbrough_Royal_Mail", "('GY1 2AB')"))),),
        (see("splunk", 3, php_level="Warning", **PHP_SRC), see("sentry.error", 2)),
        classes=(4,), handled=True, entry="POST /?wc-ajax=checkout"),
    Bug("dx-coupon-memory", "seedshop", (Exc("Error", "Allowed memory size of 268435456 bytes exhausted (tried to allocate 20480 bytes)", (*CHECKOUT, own(CLUB + "Coupons.php", "member_discount", 88, "Duxbrough\\SeedClub\\Coupons", "(Object(WC_Cart))"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /?wc-ajax=checkout"),
]

NOISE = [
    Noise("dx-noise-update", "seedshop", "datadog.event", {"monitor": "WooCommerce updated to 9.3.3", "text": "WP-CLI: plugin woocommerce updated 9.3.2 -> 9.3.3 on seedshop; database update queued.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("dx-noise-recovered", "seedshop", "datadog.log", {"monitor": "seedshop PHP fatal errors", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": "service:seedshop source:php \"PHP Fatal error\"", "text": "No PHP fatal errors on seedshop in the last 15 minutes."}),
    Noise("dx-noise-deprecated", "seedshop", "splunk", {**PHP_SRC, "line": "[{gts} UTC] PHP Deprecated:  Creation of dynamic property WC_Product_Simple::$duxbrough_packet is deprecated in /var/www/html/wp-content/plugins/duxbrough-packet-labels/includes/class-label-meta.php on line 19"}),
]

DUXBROUGH = Company(
    key="dx",
    name="Duxbrough Seed Co.",
    domain="duxbrough.example",
    sentry_org="duxbrough",
    splunk_url="https://duxbrough.splunkcloud.com",
    splunk_guid="5F2B9D0E-8A71-4C36-B4E2-0D9C6A1F7E58",
    datadog_org=("547730", "Duxbrough Seed Co."),
    datadog_template="own",
    posthog_project=(0, ""),
    releases=("3.8.0", "3.8.1", "3.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="duxbrough-sentry-client-secret",
)
# fmt: on
