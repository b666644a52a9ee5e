"""(mc) Hutton Roof Bakehouse, a chain of bakeries with click-and-collect: a Flutter 3.24
ordering app (``order-app``, Dart 3.5, Android and iOS: menu and product gallery, basket,
collection slots, Apple Pay / Google Pay through ``pay``, a loyalty card, pushes through
Firebase Messaging, Hive for the offline basket) built with ``--obfuscate
--split-debug-info``; sentry_dart_plugin uploads the symbols except for 2.6.1, whose CI step
failed (its Sentry frames are bare addresses). Its backend (``bakery-api``): a Dart 3 shelf
API on Cloud Run over Cloud SQL through ``package:postgres`` 3.

Sentry: sentry_flutter 8 on the app. PostHog: posthog_flutter's exception capture. The API's
logs: the team's ``package:logging`` handler printing one JSON line (``message``, ``logger``,
``error``, ``stackTrace`` in ``package:stack_trace``'s terse form), and shelf's
``logTopLevelError`` on stderr, each of its lines a Cloud Logging entry of its own. A log sink
exports them to Pub/Sub; the Pub/Sub to Splunk Dataflow template sends each ``LogEntry`` to
Splunk HEC (one saved search); Datadog's Google Cloud log forwarding (two log monitors). All
four tools, the app in two, the API in two.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import ASYNC_GAP, dart
from .pipit import FLUTTER_BUILD, FLUTTER_TAP

# fmt: off
RELEASES = ("uk.huttonroof.order@2.6.0+80", "uk.huttonroof.order@2.6.1+82", "uk.huttonroof.order@2.7.0+88")
SERVICES = {
    "order-app": Service("order-app", "dart", "", "", "", "", 11120041, framework="FlutterError", sdk=("sentry.dart.flutter", "8.12.0", "pub:sentry_flutter"), releases=RELEASES),
    "bakery-api": Service("bakery-api", "dart", "mc-cloudrun", "google:gcp:pubsub:message", "projects/huttonroof-prod/subscriptions/splunk-logs", "hr_gcp", 11120042, "Dart 3.5.3"),
}
APP = "package:huttonroof_order/"
SRV = "package:bakery_api/"
AND = {"browser": "android"}
IOS = {"browser": "ios"}
RAW = {"raw": True, "release": 1}
ZONE = {"mechanism": "PlatformDispatcher.onError"}


def a(file: str, fn: str, line: int, col: int) -> Frame:
    return dart(APP + file, fn, line, col)


def b(file: str, fn: str, line: int, col: int) -> Frame:
    return dart(SRV + file, fn, line, col)


FIRST_WHERE = dart("dart:collection/list.dart", "ListBase.firstWhere", 88, 5)
SUBSTRING = dart("dart:core-patch/string_patch.dart", "_StringBase.substring", 394, 7)
DECODE = (
    a("core/api_client.dart", "ApiClient.decode", 71, 12),
    dart("dart:convert/json.dart", "JsonCodec.decode", 610, 31),
    dart("dart:convert-patch/convert_patch.dart", "_parseJson", 45, 5),
    dart("dart:convert-patch/convert_patch.dart", "_ChunkedJsonParser.fail", 1463, 5),
)
HTML = "FormatException: Unexpected character (at character 1)\n<!DOCTYPE html>\n^\n"
CHANNEL = dart("package:flutter/src/services/platform_channel.dart", "MethodChannel._invokeMethod", 332, 7)
SHELF = (
    dart("dart:async/zone.dart", "_rootRunUnary", 1407, 47),
    dart("package:shelf/src/server_handler.dart", "ServerHandler.handle", 41, 23),
    dart("package:shelf/src/pipeline.dart", "Pipeline.addHandler.<fn>", 23, 28),
    dart("package:shelf_router/src/router.dart", "Router.call", 186, 25),
    ASYNC_GAP,
)
PG_EXECUTE = (
    dart("package:postgres/src/v3/connection.dart", "PgConnectionImplementation.execute", 315, 7),
    ASYNC_GAP,
    dart("package:postgres/src/v3/connection.dart", "_PgResultStreamSubscription._completeQuery", 728, 9),
)


def pg(constraint: str) -> str:
    return f'Severity.error 23505: duplicate key value violates unique constraint "{constraint}"'


# Splunk: one saved search over the API's Cloud Run logs.
RUN = {"search": "Hutton Roof bakery-api errors (Cloud Run via Dataflow)", "owner": "hr_it", "app": "huttonroof"}
# Datadog: the team's error records, and shelf's stderr lines.
LOGS = {"team": "bakehouse", "monitor": "[bakery-api] error records", "filter": "service:bakery-api severity:ERROR", "text": "{{log.attributes.logger}}: {{log.attributes.message}}\n\n{{log.attributes.error}}", "format": "mc-gcp-dd"}
STDERR = {"team": "bakehouse", "monitor": "[bakery-api] stderr", "filter": "service:bakery-api logName:*stderr", "text": "{{log.message}}", "format": "mc-gcp-dd", "kind": "shelf", "sample_lines": 1}
SHELF_KIND = {"kind": "shelf"}


def run(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**RUN, **opts})


def logs(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**LOGS, **opts})


def stderr(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**STDERR, **opts})


NO_ELEMENT = "Bad state: No element"

BUGS = [
    # firstWhere without orElse: the basket summary (build) and the slot picker (tap).
    Bug("mc-basket-no-element", "order-app", (Exc("StateError", NO_ELEMENT, (*FLUTTER_BUILD, a("basket/basket_summary.dart", "BasketSummary.build", 44, 31), a("basket/basket.dart", "Basket.lineFor", 63, 18), FIRST_WHERE)),),
        (see("sentry.error", 2, **AND), see("sentry.error", **IOS), see("sentry.error", **AND, **RAW), see("posthog", 2, **AND), see("posthog", **IOS)),
        classes=(4, 9, 10), pair="mc-slot-no-element", span=2, handled=True),
    Bug("mc-slot-no-element", "order-app", (Exc("StateError", NO_ELEMENT, (*FLUTTER_TAP, a("collection/slot_picker.dart", "_SlotPickerState._selectFirstFree", 97, 22), FIRST_WHERE)),),
        (see("sentry.error", 2, **IOS), see("sentry.issue", **IOS), see("posthog", 2, **IOS), see("posthog", **AND)),
        classes=(4, 6, 9), pair="mc-basket-no-element", handled=True),
    # substring past the end: the order reference on the receipt, the masked loyalty number.
    Bug("mc-order-ref-substring", "order-app", (Exc("RangeError", "RangeError (end): Invalid value: Not in inclusive range 0..{idx}: 10", (*FLUTTER_BUILD, a("orders/receipt_card.dart", "ReceiptCard.build", 38, 27), a("orders/order_ref.dart", "shortRef", 9, 17), SUBSTRING)),),
        (see("sentry.error", 2, **AND), see("sentry.error", **IOS, release=2), see("posthog", 2, **AND)),
        classes=(4, 5), pair="mc-loyalty-mask-substring", span=3, renames={"shortRef": "displayRef"}, handled=True),
    Bug("mc-loyalty-mask-substring", "order-app", (Exc("RangeError", "RangeError (end): Invalid value: Not in inclusive range 0..{idx}: 12", (*FLUTTER_BUILD, a("loyalty/loyalty_card.dart", "LoyaltyCard.build", 52, 24), a("loyalty/card_number.dart", "maskCardNumber", 14, 20), SUBSTRING)),),
        (see("sentry.error", 2, **IOS), see("sentry.error", **AND, **RAW), see("posthog", **IOS), see("posthog", **AND)),
        classes=(4, 10), pair="mc-order-ref-substring", handled=True),
    # An HTML error page where JSON was expected: the loyalty balance and the order history.
    Bug("mc-loyalty-html-json", "order-app", (Exc("FormatException", HTML, (ASYNC_GAP, a("loyalty/loyalty_repository.dart", "LoyaltyRepository.balance", 27, 12), ASYNC_GAP, *DECODE)),),
        (see("sentry.error", 2, **AND, **ZONE), see("sentry.error", **IOS, **ZONE), see("posthog", 2, **AND)),
        classes=(4, 9), pair="mc-orders-html-json", handled=True),
    Bug("mc-orders-html-json", "order-app", (Exc("FormatException", HTML, (ASYNC_GAP, a("orders/order_history_repository.dart", "OrderHistoryRepository.page", 33, 14), ASYNC_GAP, *DECODE)),),
        (see("sentry.error", 2, **IOS, **ZONE), see("sentry.error", **AND, **RAW, **ZONE), see("posthog", **IOS), see("posthog", **AND)),
        classes=(4, 9, 10), pair="mc-loyalty-html-json", handled=True),
    # PlatformExceptions from two plugins' channels: pay and geolocator.
    Bug("mc-pay-platform", "order-app", (Exc("PlatformException", "PlatformException(paymentError, The payment sheet could not be presented: PKPaymentAuthorizationController returned nil, null, null)", (*FLUTTER_TAP, a("checkout/pay_button.dart", "_PayButtonState._onApplePay", 61, 9), ASYNC_GAP, dart("package:pay/src/pay.dart", "Pay.showPaymentSelector", 88, 12), CHANNEL)),),
        (see("sentry.error", 3, **IOS), see("posthog", 2, **IOS)),
        classes=(4,), pair="mc-nearest-shop-platform", handled=True),
    Bug("mc-nearest-shop-platform", "order-app", (Exc("PlatformException", "PlatformException(LOCATION_SERVICES_DISABLED, The location service on the device is disabled., null, null)", (ASYNC_GAP, a("shops/nearest_shop.dart", "NearestShopCubit.locate", 29, 7), dart("package:geolocator_android/src/geolocator_android.dart", "GeolocatorAndroid.getCurrentPosition", 196, 7), CHANNEL)),),
        (see("sentry.error", 2, **AND), see("sentry.error", **AND, **RAW), see("posthog", 2, **AND)),
        classes=(4, 10), pair="mc-pay-platform", handled=True),
    # Not pairs.
    Bug("mc-push-token", "order-app", (Exc("FirebaseException", "[firebase_messaging/unknown] java.io.IOException: java.util.concurrent.ExecutionException: java.io.IOException: SERVICE_NOT_AVAILABLE", (ASYNC_GAP, a("push/push_service.dart", "PushService.register", 22, 26), dart("package:firebase_messaging_platform_interface/src/method_channel/utils/exception.dart", "convertPlatformException", 17, 3))),),
        (see("sentry.error", 2, **AND), see("posthog", 2, **AND)),
        classes=(), handled=True),
    Bug("mc-hive-box", "order-app", (Exc("HiveError", "Box not found. Did you forget to call Hive.openBox()?", (*FLUTTER_BUILD, a("basket/offline_basket.dart", "OfflineBasket.restore", 18, 24), dart("package:hive/src/hive_impl.dart", "HiveImpl.box", 154, 7), dart("package:hive/src/hive_impl.dart", "HiveImpl._getBoxInternal", 139, 7))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", **AND), see("posthog", **IOS)),
        classes=()),
    Bug("mc-menu-image-403", "order-app", (Exc("NetworkImageLoadException", "HTTP request failed, statusCode: 403, https://cdn.huttonroof-bakehouse.example/menu/{id}.webp", (ASYNC_GAP, dart("package:flutter/src/painting/_network_image_io.dart", "NetworkImage._loadAsync", 115, 9))),),
        (see("sentry.error", 2, **AND, **ZONE), see("sentry.error", **IOS, **ZONE), see("posthog", 2, **IOS)),
        classes=(), handled=True),
    Bug("mc-singleton-null-subtype", "order-app", (Exc("_TypeError", "type 'Null' is not a subtype of type 'String'", (ASYNC_GAP, a("menu/allergen_sheet.dart", "AllergenSheet.fromJson", 31, 28))),),
        (see("sentry.error", **AND),),
        singleton=True, handled=True),
    # The API: shelf's top-level errors on stderr, the team's JSON records.
    Bug("mc-api-slot-no-element", "bakery-api", (Exc("StateError", NO_ELEMENT, (*SHELF, b("orders/orders_handler.dart", "OrdersHandler.create", 48, 35), b("slots/slot_service.dart", "SlotService.reserve", 71, 29), FIRST_WHERE)),),
        (run(2, **SHELF_KIND), run(1, kind="shelf", part=4), stderr(2), stderr(part=5)),
        classes=(1, 2), entry="POST /orders"),
    Bug("mc-api-stock-import-format", "bakery-api", (Exc("FormatException", "FormatException: Invalid double\n12,50", (*SHELF, b("stock/stock_handler.dart", "StockHandler.importCsv", 39, 22), b("stock/stock_csv.dart", "parseStockRow", 24, 30), dart("dart:core-patch/double_patch.dart", "double.parse", 112, 28))),),
        (run(2), logs(2)),
        classes=(1, 2, 4), pair="mc-api-sumup-format", log="stock import failed", logger="stock", entry="POST /stock/import"),
    Bug("mc-api-sumup-format", "bakery-api", (Exc("FormatException", "FormatException: Invalid double\n4,20", (*SHELF, b("payments/sumup_webhook.dart", "SumUpWebhook.handle", 57, 31), dart("dart:core-patch/double_patch.dart", "double.parse", 112, 28))),),
        (run(2), logs(2), run(1, **SHELF_KIND)),
        classes=(1, 2, 4), pair="mc-api-stock-import-format", log="SumUp webhook rejected", logger="payments", entry="POST /webhooks/sumup"),
    Bug("mc-api-sumup-checkout-timeout", "bakery-api", (Exc("TimeoutException", "TimeoutException after 0:00:10.000000: Future not completed", (*SHELF, b("payments/payments_handler.dart", "PaymentsHandler.createCheckout", 44, 18), b("payments/sumup_client.dart", "SumUpClient.checkout", 61, 10), dart("dart:async/future_impl.dart", "Future.timeout.<fn>", 952, 28))),),
        (run(2), logs(2)),
        classes=(1, 2, 7), log="checkout creation failed", logger="payments", entry="POST /payments/checkout"),
    Bug("mc-api-collection-code-unique", "bakery-api", (Exc("ServerException", pg("orders_collection_code_key"), (*SHELF, b("orders/orders_handler.dart", "OrdersHandler.create", 62, 20), b("orders/order_store.dart", "OrderStore.insert", 33, 18), *PG_EXECUTE)),),
        (run(2), logs(2), stderr(1)),
        classes=(1, 2, 4), pair="mc-api-stamp-unique", log="order insert failed", logger="orders", entry="POST /orders"),
    Bug("mc-api-stamp-unique", "bakery-api", (Exc("ServerException", pg("loyalty_stamps_order_id_key"), (*SHELF, b("loyalty/loyalty_handler.dart", "LoyaltyHandler.stamp", 26, 20), b("loyalty/stamp_store.dart", "StampStore.add", 19, 18), *PG_EXECUTE)),),
        (run(2), logs()),
        classes=(1, 2, 4), pair="mc-api-collection-code-unique", log="stamp failed", logger="loyalty", entry="POST /loyalty/stamps"),
]

NOISE = [
    Noise("mc-noise-crashfree", "order-app", "sentry.metric", {"rule": "order-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "warning", "threshold": 99.0, "threshold_type": 1, "window": 60, "value": "{crashfree}"}),
    Noise("mc-noise-run-revision", "bakery-api", "datadog.event", {"monitor": "Cloud Run revision ready: bakery-api", "text": "Revision bakery-api-00043 of service bakery-api is serving 100% of traffic.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "bakehouse"}),
]

HUTTONROOF = Company(
    key="mc",
    name="Hutton Roof Bakehouse",
    domain="huttonroof-bakehouse.example",
    sentry_org="huttonroof",
    splunk_url="https://huttonroof.splunkcloud.com",
    splunk_guid="C7D2E9A4-51B8-4A06-9F3E-84B0D2C6A719",
    datadog_org=("1112301", "Hutton Roof Bakehouse"),
    datadog_template="recommended",
    posthog_project=(111231, "Hutton Roof order app"),
    releases=("2.6.0", "2.6.1", "2.7.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="huttonroof-sentry-client-secret",
)
# fmt: on
