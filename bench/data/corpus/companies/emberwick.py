"""(af) Emberwick Games: "Lanternfall", a Unity 2022.3 game for Android, iOS and Windows
(``game``: IL2CPP on phones, Mono on Windows), and the studio's merchandise shop on WordPress
6.5 and WooCommerce 8.8 (``shop``, PHP 8.2: the studio's own shipping, pre-order and bundle
plugins and a child theme).

Sentry sees both (sentry-unity in the game, the WP Sentry plugin's sentry-php in the shop);
the game also sends ``$exception`` events to PostHog through the team's own C# wrapper (the
capture API, ``custom`` frames); Splunk indexes the shop's PHP ``error_log`` and WooCommerce's
logs; Datadog posts the shop's log monitors in the team's template (``emberwick``).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs, php

# The tables keep one frame or delivery per line.
# fmt: off
GAME_RELEASES = ("com.emberwick.lanternfall@1.8.0+2041", "com.emberwick.lanternfall@1.8.1+2057", "com.emberwick.lanternfall@1.9.0+2110")
SERVICES = {
    "game": Service("game", "csharp", "", "", "", "", 7730021, "", framework="unity", sdk=("sentry.dotnet.unity", "2.0.5", "upm:io.sentry.unity"), releases=GAME_RELEASES),
    "shop": Service("shop", "php", "wc-fatal", "emberwick:wc", "/var/www/html/wp-content/uploads/wc-logs/fatal-errors.log", "ew_shop", 7730024, "php 8.2.18", framework="wordpress", sdk=("sentry.php", "4.7.0", "composer:sentry/sentry")),
}


def u(cls: str, method: str, args: str, file: str, line: int) -> Frame:
    """A game script's frame (``Assets/Scripts/...``)."""
    return cs("Lanternfall." + cls, method, args, "Assets/Scripts/" + file, line)


def eng(cls: str, method: str, args: str = "()") -> Frame:
    """Unity's own managed code: no file in a player build."""
    return cs(cls, method, args, lib=True)


# A uGUI button click, as the engine dispatches it.
CLICK = (
    eng("UnityEngine.EventSystems.EventSystem", "Update"),
    eng("UnityEngine.EventSystems.ExecuteEvents", "Execute[T]", "(UnityEngine.GameObject target, UnityEngine.EventSystems.BaseEventData eventData, UnityEngine.EventSystems.ExecuteEvents+EventFunction`1[T1] functor)"),
    eng("UnityEngine.UI.Button", "OnPointerClick", "(UnityEngine.EventSystems.PointerEventData eventData)"),
    eng("UnityEngine.UI.Button", "Press"),
    eng("UnityEngine.Events.UnityEvent", "Invoke"),
    eng("UnityEngine.Events.InvokableCall", "Invoke"),
)
COROUTINE = (eng("UnityEngine.SetupCoroutine", "InvokeMoveNext", "(System.Collections.IEnumerator enumerator, System.IntPtr returnValueAddress)"),)
NRE = "Object reference not set to an instance of an object"
PH = dict(browser="android")

# WordPress front controller through WooCommerce's AJAX to the cart's totals.
WP_AJAX = (
    php("index.php", "{main}", 17, lib=True),
    php("wp-includes/class-wp-hook.php", "do_action", 348, "WP_Hook", "(Array)", lib=True),
    php("wp-includes/class-wp-hook.php", "apply_filters", 324, "WP_Hook", "('', Array)", lib=True),
    php("wp-content/plugins/woocommerce/includes/class-wc-ajax.php", "::do_wc_ajax", 96, "WC_AJAX", "('')", lib=True),
    php("wp-includes/plugin.php", "do_action", 517, "", "('wc_ajax_update_o...')", lib=True),
    php("wp-content/plugins/woocommerce/includes/class-wc-ajax.php", "::update_order_review", 518, "WC_AJAX", "('')", lib=True),
    php("wp-content/plugins/woocommerce/includes/class-wc-cart.php", "calculate_totals", 1390, "WC_Cart", lib=True),
    php("wp-content/plugins/woocommerce/includes/class-wc-cart-totals.php", "__construct", 102, "WC_Cart_Totals", "(Object(WC_Cart))", lib=True),
    php("wp-content/plugins/woocommerce/includes/class-wc-shipping.php", "calculate_shipping", 282, "WC_Shipping", "(Array)", lib=True),
    php("wp-content/plugins/woocommerce/includes/class-wc-shipping.php", "calculate_shipping_for_package", 367, "WC_Shipping", "(Array, 0)", lib=True),
    php("wp-content/plugins/woocommerce/includes/abstracts/abstract-wc-shipping-method.php", "get_rates_for_package", 330, "WC_Shipping_Method", "(Array)", lib=True),
)
WP_ADD_TO_CART = (
    php("index.php", "{main}", 17, lib=True),
    php("wp-includes/template-loader.php", "do_action", 13, "", "('template_redirec...')", lib=True),
    php("wp-includes/class-wp-hook.php", "do_action", 348, "WP_Hook", "(Array)", lib=True),
    php("wp-content/plugins/woocommerce/includes/class-wc-form-handler.php", "::add_to_cart_action", 834, "WC_Form_Handler", "('')", lib=True),
    php("wp-content/plugins/woocommerce/includes/class-wc-form-handler.php", "::add_to_cart_handler_simple", 877, "WC_Form_Handler", "(2211)", lib=True),
    php("wp-includes/plugin.php", "apply_filters", 205, "", "('woocommerce_add_...', true, 2211, 1)", lib=True),
    php("wp-includes/class-wp-hook.php", "apply_filters", 324, "WP_Hook", "(true, Array)", lib=True),
)
WP_PAGE = (
    php("index.php", "{main}", 17, lib=True),
    php("wp-includes/template-loader.php", "include", 106, "", "('/var/www/html/w...')", lib=True),
    php("wp-content/themes/emberwick-store/woocommerce/content-product.php", "wc_get_template_part", 47, "", "('content', 'product')", lib=True),
    php("wp-includes/plugin.php", "do_action", 517, "", "('woocommerce_befo...')", lib=True),
    php("wp-includes/class-wp-hook.php", "apply_filters", 324, "WP_Hook", "('', Array)", lib=True),
)
GET_ID = "Call to a member function get_id() on null"
DD = dict(team="shop")
SHOP_LOGS = dict(monitor="shop PHP fatals", filter="service:shop source:php \"PHP Fatal error\"")
DB_GONE = dict(format="wp-db-error", query="SELECT option_value FROM wp_options WHERE option_name = '_transient_wc_count_comments' LIMIT 1", made_by="require('wp-blog-header.php'), require_once('wp-load.php'), require_once('wp-config.php'), require_once('wp-settings.php'), do_action('init'), WP_Hook->do_action, WP_Hook->apply_filters, WC_Comments::init, get_transient")


def internal(function: str, args: str) -> Frame:
    """A PHP internal function: no file of its own."""
    return Frame(function, "", 0, "", False, args=args)


BUGS = [
    # Two NullReferenceExceptions: the companion following a despawned player, and the
    # inventory panel refreshed after its item list was torn down.
    Bug("ew-companion-nre", "game", (Exc("NullReferenceException", NRE, (u("Player.PlayerController", "Update", "()", "Player/PlayerController.cs", 88), u("Companions.CompanionFollow", "Tick", "(System.Single dt)", "Companions/CompanionFollow.cs", 41)), module="System"),),
        (see("sentry.error", 4), see("posthog", 3, **PH), see("sentry.issue")),
        classes=(1, 5), span=2, renames={"Update": "LateUpdate"}, pair="ew-inventory-nre", entry="Village"),
    Bug("ew-inventory-nre", "game", (Exc("NullReferenceException", NRE, (*CLICK, u("UI.InventoryPanel", "OnSortClicked", "()", "UI/InventoryPanel.cs", 133), u("UI.InventoryPanel", "Refresh", "()", "UI/InventoryPanel.cs", 71)), module="System"),),
        (see("sentry.error", 3, raw=True, browser="windows"), see("posthog", 2, stack_text=True, browser="android-low")),
        classes=(10,), pair="ew-companion-nre", entry="Village"),
    # Sharing violations on Android's app storage: the autosave and the photo mode.
    Bug("ew-autosave-sharing", "game", (Exc("IOException", "Sharing violation on path /storage/emulated/0/Android/data/com.emberwick.lanternfall/files/saves/slot{idx}.sav", (*COROUTINE, u("Persistence.SaveSystem+<Autosave>d__14", "MoveNext", "()", "Persistence/SaveSystem.cs", 122), u("Persistence.SaveWriter", "WriteAtomic", "(System.String path, System.Byte[] data)", "Persistence/SaveWriter.cs", 29), eng("System.IO.FileStream", ".ctor", "(System.String path, System.IO.FileMode mode, System.IO.FileAccess access, System.IO.FileShare share)")), module="System.IO"),),
        (see("sentry.error", 3, **PH), see("posthog", 3, **PH)),
        classes=(2,), pair="ew-photo-sharing", entry="Village"),
    Bug("ew-photo-sharing", "game", (Exc("IOException", "Sharing violation on path /storage/emulated/0/Android/data/com.emberwick.lanternfall/files/screenshots/shot_{id}.png", (*CLICK, u("Social.PhotoMode", "OnShutter", "()", "Social/PhotoMode.cs", 58), u("Social.PhotoMode", "Save", "(UnityEngine.Texture2D shot)", "Social/PhotoMode.cs", 94), eng("System.IO.File", "WriteAllBytes", "(System.String path, System.Byte[] bytes)")), module="System.IO"),),
        (see("sentry.error", 3, **PH), see("posthog", **PH)),
        classes=(2,), pair="ew-autosave-sharing", entry="PhotoMode"),
    # A quest id from an old save, and a shop tile's missing translation: the same type.
    Bug("ew-quest-key", "game", (Exc("KeyNotFoundException", "The given key 'quest_{idx}_lantern' was not present in the dictionary.", (*COROUTINE, u("Persistence.SaveSystem+<Load>d__9", "MoveNext", "()", "Persistence/SaveSystem.cs", 77), u("Quests.QuestLog", "Restore", "(Lanternfall.Persistence.QuestState[] states)", "Quests/QuestLog.cs", 52), u("Quests.QuestDatabase", "Get", "(System.String id)", "Quests/QuestDatabase.cs", 19), eng("System.Collections.Generic.Dictionary`2[TKey,TValue]", "get_Item", "(TKey key)")), module="System.Collections.Generic"),),
        (see("sentry.error", 3, browser="ios"), see("sentry.error", raw=True, browser="windows"), see("posthog", 2, browser="ios")),
        classes=(2,), pair="ew-locale-key", entry="Boot"),
    Bug("ew-locale-key", "game", (Exc("KeyNotFoundException", "The given key 'shop.item.{sku}' was not present in the dictionary.", (*COROUTINE, u("Store.ShopScreen+<Populate>d__21", "MoveNext", "()", "Store/ShopScreen.cs", 64), u("Store.ShopTile", "Bind", "(Lanternfall.Store.Offer offer)", "Store/ShopTile.cs", 33), u("Localization.LocalizationTable", "Translate", "(System.String key)", "Localization/LocalizationTable.cs", 27), eng("System.Collections.Generic.Dictionary`2[TKey,TValue]", "get_Item", "(TKey key)")), module="System.Collections.Generic"),),
        (see("sentry.error", 2, **PH), see("posthog", 3, **PH)),
        classes=(2,), pair="ew-quest-key", entry="Shop"),
    # The remote config endpoint answering with the CDN's HTML error page.
    Bug("ew-remote-config-html", "game", (Exc("JsonReaderException", "Unexpected character encountered while parsing value: <. Path '', line 0, position 0.", (*COROUTINE, u("Config.RemoteConfigLoader+<Fetch>d__6", "MoveNext", "()", "Config/RemoteConfigLoader.cs", 48), u("Config.RemoteConfigLoader", "Apply", "(System.String json)", "Config/RemoteConfigLoader.cs", 71), eng("Newtonsoft.Json.JsonConvert", "DeserializeObject[T]", "(System.String value)"), eng("Newtonsoft.Json.JsonTextReader", "ParseValue")), module="Newtonsoft.Json"),),
        (see("sentry.error", 3, **PH), see("posthog", 2, browser="windows")),
        classes=(1,), handled=True, entry="Boot"),
    # A prefab left unassigned in a scene: the engine's own frame is the innermost.
    Bug("ew-lantern-unassigned", "game", (Exc("UnassignedReferenceException", "The variable lanternPrefab of LanternSpawner has not been assigned.\nYou probably need to assign the lanternPrefab variable of the LanternSpawner script in the inspector.", (u("World.LanternSpawner", "Update", "()", "World/LanternSpawner.cs", 36), u("World.LanternSpawner", "SpawnWave", "(System.Int32 count)", "World/LanternSpawner.cs", 58), eng("UnityEngine.Object", "Instantiate[T]", "(T original, UnityEngine.Vector3 position, UnityEngine.Quaternion rotation)"), eng("UnityEngine.Object", "Internal_InstantiateSingle", "(UnityEngine.Object data, UnityEngine.Vector3 pos, UnityEngine.Quaternion rot)")), module="UnityEngine"),),
        (see("sentry.error", 3, **PH), see("posthog", 2, in_app="all", **PH)),
        classes=(10,), entry="Marsh"),
    # Purchase and restore failures reported through one helper (Debug.LogError innermost).
    Bug("ew-iap-purchase-failed", "game", (Exc("Message", "", (eng("UnityEngine.Purchasing.PurchasingManager", "OnPurchaseFailed", "(UnityEngine.Purchasing.PurchaseFailureDescription description)"), u("Store.IapService", "OnPurchaseFailed", "(UnityEngine.Purchasing.Product product, UnityEngine.Purchasing.PurchaseFailureDescription failure)", "Store/IapService.cs", 112), u("Diagnostics.IapReporter", "ReportFailure", "(System.String text)", "Diagnostics/IapReporter.cs", 14), eng("UnityEngine.Debug", "LogError", "(System.Object message)"))),),
        (see("sentry.error", 4, **PH),),
        classes=(2, 9), message_event=True, pair="ew-iap-restore-failed", log="Purchase of com.emberwick.lanternfall.{sku} failed: PaymentDeclined", entry="Shop"),
    Bug("ew-iap-restore-failed", "game", (Exc("Message", "", (eng("UnityEngine.Purchasing.AppleStoreImpl", "OnTransactionsRestoredFail", "(System.String error)"), u("Store.IapService", "OnRestoreFinished", "(System.Boolean ok, System.String error)", "Store/IapService.cs", 149), u("Diagnostics.IapReporter", "ReportFailure", "(System.String text)", "Diagnostics/IapReporter.cs", 14), eng("UnityEngine.Debug", "LogError", "(System.Object message)"))),),
        (see("sentry.error", 3, browser="ios"),),
        classes=(9,), message_event=True, pair="ew-iap-purchase-failed", log="Restore transactions failed: SKErrorDomain 2", entry="Settings"),
    # Addressables asked for a skin the catalog of this build does not have.
    Bug("ew-skin-invalid-key", "game", (Exc("InvalidKeyException", "Exception of type 'UnityEngine.AddressableAssets.InvalidKeyException' was thrown. No Location found for Key=skins/lantern_{idx}", (*COROUTINE, u("Cosmetics.SkinLoader+<LoadEquipped>d__5", "MoveNext", "()", "Cosmetics/SkinLoader.cs", 39), eng("UnityEngine.ResourceManagement.AsyncOperations.AsyncOperationHandle`1[TObject]", "get_Result")), module="UnityEngine.AddressableAssets"),),
        (see("sentry.error", 3, **PH), see("posthog", **PH), see("sentry.issue", **PH)),
        classes=(2,), entry="Village"),
    # Seen once: a dialogue with one line too few.
    Bug("ew-dialogue-index", "game", (Exc("IndexOutOfRangeException", "Index was outside the bounds of the array.", (*CLICK, u("Dialogue.DialogueRunner", "Advance", "()", "Dialogue/DialogueRunner.cs", 90)), module="System"),),
        (see("sentry.error", **PH),),
        singleton=True, entry="Village"),
    # The shop: the same fatal in two of the studio's plugins.
    Bug("ew-shop-rate-null", "shop", (Exc("Error", GET_ID, (*WP_AJAX, php("wp-content/plugins/emberwick-merch-shipping/includes/class-rate-calculator.php", "calculate_shipping", 61, "Emberwick_Rate_Calculator", "(Array)"), php("wp-content/plugins/emberwick-merch-shipping/includes/class-rate-calculator.php", "zone_for", 88, "Emberwick_Rate_Calculator", "(Array)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3), see("splunk", format="php-error-log", sourcetype="emberwick:php", source="/var/log/php/error.log"), see("datadog.log", **DD, **SHOP_LOGS, style="stack", lines=10)),
        classes=(1, 4), pair="ew-shop-preorder-null", entry="POST /?wc-ajax=update_order_review"),
    Bug("ew-shop-preorder-null", "shop", (Exc("Error", GET_ID, (*WP_ADD_TO_CART, php("wp-content/plugins/emberwick-preorders/includes/class-preorder-cart.php", "validate_add", 142, "Emberwick_Preorder_Cart", "(true, 2211, 1)"))),),
        (see("sentry.error", 3), see("splunk", 2, format="php-error-log", sourcetype="emberwick:php", source="/var/log/php/error.log"), see("datadog.log", **DD, **SHOP_LOGS, style="sample")),
        classes=(4,), pair="ew-shop-rate-null", entry="POST /product/{slug}/"),
    # PHP 8's TypeError from an internal function: the theme rounding a comma-decimal meta.
    Bug("ew-shop-round-typeerror", "shop", (Exc("TypeError", "round(): Argument #1 ($num) must be of type int|float, string given", (*WP_PAGE, php("wp-content/themes/emberwick-store/inc/price-badges.php", "emberwick_sale_badge", 31, "", "()"), internal("round", "('12,99', 0)"))),),
        (see("sentry.error", 3), see("splunk", 2, format="php-error-log", sourcetype="emberwick:php", source="/var/log/php/error.log"), see("datadog.apm", **DD, style="type", monitor="shop error spans")),
        classes=(4,), entry="GET /shop/"),
    # A warning only, no trace: the bundles plugin reading a key simple products lack.
    Bug("ew-shop-variation-warning", "shop", (Exc("ErrorException", 'Warning: Undefined array key "variation_id"', (*WP_ADD_TO_CART, php("wp-content/plugins/emberwick-bundles/includes/bundle-cart.php", "emberwick_bundle_item_data", 57, "", "(Array, Array)"))),),
        (see("splunk", 4, format="php-error-log", php_level="Warning", sourcetype="emberwick:php", source="/var/log/php/error.log"), see("sentry.error")),
        classes=(4,), handled=True, entry="POST /product/{slug}/"),
    # WooCommerce Stripe's log after the webhook secret was rotated: a line, no exception.
    Bug("ew-shop-stripe-webhook", "shop", (),
        (see("splunk", 3, format="wc-log", wc_source="woocommerce-gateway-stripe", sourcetype="emberwick:wc", source="/var/www/html/wp-content/uploads/wc-logs/woocommerce-gateway-stripe.log"), see("datadog.log", **DD, monitor="Stripe webhooks failing", filter="service:shop source:woocommerce \"Incoming webhook failed validation\"", text="Stripe webhooks are failing validation on the shop ({n} in 5 minutes). Orders stay on-hold until the webhook secret matches.")),
        classes=(8,), log="Incoming webhook failed validation: No signatures found matching the expected signature for payload"),
    # MySQL dropping connections during the nightly backup: WordPress's own error line.
    Bug("ew-shop-db-gone", "shop", (),
        (see("splunk", 4, sourcetype="emberwick:php", source="/var/log/php/error.log", **DB_GONE), see("datadog.log", **DD, monitor="WordPress database errors", filter="service:shop \"WordPress database error\"", text="WordPress database errors on the shop: {{log.message}}", **DB_GONE)),
        classes=(8,)),
]

NOISE = [
    Noise("ew-noise-release", "game", "datadog.event", {"monitor": "Lanternfall 1.9.0 live on Google Play", "text": "Staged rollout of 1.9.0 (2110) reached 100% on Google Play.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ew-noise-wc-action", "shop", "splunk", {"search": "shop - errors", "sourcetype": "emberwick:wc", "line": "2026-03-08T03:00:12+00:00 INFO Scheduled action 48112 (woocommerce_cleanup_draft_orders) completed CONTEXT: {\"source\":\"action-scheduler\"}"}),
    Noise("ew-noise-fatal-recovered", "shop", "datadog.log", {"monitor": "shop PHP fatals", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": "service:shop source:php \"PHP Fatal error\"", "text": "No PHP fatal errors on the shop in the last 5 minutes."}),
]

EMBERWICK = Company(
    key="af",
    name="Emberwick Games",
    domain="emberwick.example",
    sentry_org="emberwick",
    splunk_url="https://emberwick.splunkcloud.com",
    splunk_guid="7A0D3C58-E21F-4B96-8F04-53C9B1E6A2D7",
    datadog_org=("1290558", "Emberwick Games"),
    datadog_template="emberwick",
    posthog_project=(73318, "Lanternfall"),
    releases=("2026.3", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="emberwick-sentry-client-secret",
)
# fmt: on
