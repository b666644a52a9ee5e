"""(dl) Dentdale Live, gig and festival tickets: a Deno Fresh 1.7 site on Deno Deploy-style
containers (``site``, Deno 1.46, Deno KV for baskets) and a Flutter 3.24 mobile app
(``tickets-app``, Dart 3.5, Android and iOS) that talks to the site's ``/api`` routes.

Sentry: @sentry/deno on the site, sentry_flutter in the app. PostHog: posthog-flutter's
exception capture in the app. The site's ``_middleware.ts`` writes one JSON line per error
(``console.error(JSON.stringify(...))``); Datadog's agent tails it and log monitors paste
the stack. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import ASYNC_GAP, dart
from .pipit import FLUTTER_BUILD, FLUTTER_TAP

# The tables keep one frame or delivery per line.
# fmt: off
APP_RELEASES = ("live.dentdale.tickets@3.1.0+140", "live.dentdale.tickets@3.1.1+144", "live.dentdale.tickets@3.2.0+151")
SERVICES = {
    "site": Service("site", "deno", "dl-deno-json", "", "", "", 8120031, "deno 1.46.3", origin="https://dentdale.example", sdk=("sentry.javascript.deno", "8.33.0", "denoland:sentry")),
    "tickets-app": Service("tickets-app", "dart", "", "", "", "", 8120034, framework="FlutterError", sdk=("sentry.dart.flutter", "8.10.1", "pub:sentry_flutter"), releases=APP_RELEASES),
}


def dn(url: str, fn: str, line: int, col: int, *, lib: bool = False, awaited: bool = False) -> Frame:
    """A Deno frame: ``awaited`` prints V8's ``at async``."""
    return Frame(fn, url, line, "", not lib, "", "", col, "async" if awaited else "")


FRESH_V = "https://deno.land/x/fresh@1.7.3/src/server/"
FRESH = (
    dn("ext:deno_http/00_serve.ts", "", 363, 20, lib=True, awaited=True),
    dn(FRESH_V + "boot.ts", "handler", 131, 14, lib=True, awaited=True),
    dn(FRESH_V + "router.ts", "", 192, 18, lib=True, awaited=True),
    dn(FRESH_V + "context.ts", "", 421, 22, lib=True, awaited=True),
)
SRC = "file:///app/"
# Both event and venue pages load through one API helper; its parse ends two bugs.
API_JSON = (
    dn(SRC + "lib/api.ts", "getJson", 22, 14, awaited=True),
    dn("ext:deno_fetch/22_body.js", "consumeBody", 261, 12, lib=True),
    dn("ext:deno_fetch/22_body.js", "packageData", 408, 14, lib=True),
    dn("<anonymous>", "JSON.parse", 0, 0, lib=True),
)
PKG = "package:dentdale_tickets/"
NULL_CHECK = "Null check operator used on a null value"
DD_SITE = dict(team="web", monitor="site errors", filter="service:site status:error", style="stack", lines=8)
DD_API = dict(team="web", monitor="site /api errors", filter="service:site @route:/api* status:error", style="stack", lines=6)
ANDROID, IOS = dict(browser="android"), dict(browser="ios")


BUGS = [
    # One V8 read of undefined at two routes.
    Bug("dl-event-slug", "site", (Exc("TypeError", "Cannot read properties of undefined (reading 'slug')", (*FRESH, dn(SRC + "routes/events/[id].tsx", "Object.GET", 18, 31, awaited=True), dn(SRC + "lib/links.ts", "artistHref", 7, 29))),),
        (see("sentry.error", 3), see("sentry.error", 2, release=1), see("datadog.log", 2, **DD_SITE)),
        classes=(4, 5), pair="dl-venue-slug", entry="GET /events/{id}", span=2, renames={"Object.GET": "handler.GET"}),
    Bug("dl-venue-slug", "site", (Exc("TypeError", "Cannot read properties of undefined (reading 'slug')", (*FRESH, dn(SRC + "routes/venues/[id].tsx", "Object.GET", 26, 40, awaited=True), dn(SRC + "lib/links.ts", "cityHref", 15, 22))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **DD_SITE)),
        classes=(4,), pair="dl-event-slug", entry="GET /venues/{id}"),
    # The ticketing backend's empty body and its HTML error page through one helper.
    Bug("dl-api-empty-json", "site", (Exc("SyntaxError", "Unexpected end of JSON input", (*FRESH, dn(SRC + "routes/api/seats/[event].ts", "Object.GET", 12, 24, awaited=True), *API_JSON)),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_API)),
        classes=(9,), pair="dl-api-html-json", log="seat map fetch failed", entry="GET /api/seats/{event}"),
    Bug("dl-api-html-json", "site", (Exc("SyntaxError", "Unexpected token '<', \"<html>\\r\\n<h\"... is not valid JSON", (*FRESH, dn(SRC + "routes/api/orders/index.ts", "Object.POST", 30, 26, awaited=True), *API_JSON)),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **DD_API)),
        classes=(9,), pair="dl-api-empty-json", log="order create failed", entry="POST /api/orders"),
    # Deno KV refusing a basket over 64 KiB.
    Bug("dl-kv-too-large", "site", (Exc("TypeError", "Value too large (max 65536 bytes)", (*FRESH, dn(SRC + "routes/api/basket.ts", "Object.POST", 21, 18, awaited=True), dn(SRC + "lib/basket.ts", "saveBasket", 34, 20, awaited=True), dn("ext:deno_kv/01_db.ts", "Kv.set", 198, 28, lib=True))),),
        (see("sentry.error", 2), see("datadog.log", 2, **DD_API)),
        classes=(2,), log="basket save failed", entry="POST /api/basket"),
    # The app: the same null check in a build method and after an await.
    Bug("dl-app-ticket-null", "tickets-app", (Exc("_TypeError", NULL_CHECK, (*FLUTTER_BUILD, dart(PKG + "tickets/ticket_screen.dart", "_TicketScreenState.build", 71, 42), dart(PKG + "tickets/qr_panel.dart", "QrPanel.payload", 19, 33))),),
        (see("sentry.error", 2, **ANDROID), see("sentry.error", **IOS), see("sentry.issue", **ANDROID), see("posthog", 2, **ANDROID), see("posthog", **IOS)),
        classes=(4,), pair="dl-app-basket-null", page="/ticket", handled=True),
    Bug("dl-app-basket-null", "tickets-app", (Exc("_TypeError", NULL_CHECK, (ASYNC_GAP, dart(PKG + "basket/basket_sheet.dart", "_BasketSheetState._refresh", 48, 7), dart(PKG + "basket/basket_repository.dart", "BasketRepository.total", 62, 37))),),
        (see("sentry.error", 2, mechanism="PlatformDispatcher.onError", **IOS), see("sentry.error", mechanism="PlatformDispatcher.onError", raw=True, release=2, **ANDROID), see("posthog", 2, **ANDROID)),
        classes=(4, 10), pair="dl-app-ticket-null", page="/basket", span=3),
    # One seat picker method, two exceptions: an empty section and an index past its end.
    Bug("dl-app-seat-empty", "tickets-app", (Exc("StateError", "Bad state: No element", (*FLUTTER_TAP, dart(PKG + "seats/seat_picker.dart", "_SeatPickerState._pickBest", 88, 31), dart("dart:core-patch/growable_array.dart", "List.first", 344, 5))),),
        (see("sentry.error", 2, **ANDROID), see("posthog", 2, **IOS)),
        classes=(4,), pair="dl-app-seat-range", page="/seats", handled=True),
    Bug("dl-app-seat-range", "tickets-app", (Exc("RangeError", "RangeError (length): Invalid value: Not in inclusive range 0..{n}: {waiting}", (*FLUTTER_TAP, dart(PKG + "seats/seat_picker.dart", "_SeatPickerState._pickBest", 91, 24), dart("dart:core-patch/growable_array.dart", "List.[]", 264, 36))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", **ANDROID), see("posthog", **ANDROID)),
        classes=(4,), pair="dl-app-seat-empty", page="/seats", handled=True),
    # The app's price parser fed a formatted price by the API.
    Bug("dl-app-price-format", "tickets-app", (Exc("FormatException", "FormatException: Invalid double\n£{n}.50", (*FLUTTER_TAP, dart(PKG + "checkout/checkout_screen.dart", "_CheckoutScreenState._confirm", 102, 19), dart(PKG + "checkout/money.dart", "parsePence", 9, 23), dart("dart:core-patch/double_patch.dart", "double.parse", 112, 28))),),
        (see("sentry.error", 2, **ANDROID), see("posthog", 2, **IOS), see("posthog", **ANDROID)),
        classes=(2,), page="/checkout", handled=True),
    # A dropped connection in package:http while the ticket wallet syncs.
    Bug("dl-app-connection-reset", "tickets-app", (Exc("ClientException", "Connection reset by peer, uri=https://dentdale.example/api/wallet?since={id}", (ASYNC_GAP, dart(PKG + "wallet/wallet_sync.dart", "WalletSync.pull", 33, 18), dart("package:http/src/io_client.dart", "IOClient.send", 119, 7))),),
        (see("sentry.error", 3, **ANDROID), see("sentry.error", **IOS), see("posthog", 2, **ANDROID)),
        classes=(2,), page="/wallet"),
    # A venue's broken hero image: Flutter's codec fails in the image cache.
    Bug("dl-app-image-codec", "tickets-app", (Exc("_Exception", "Exception: Invalid image data", (ASYNC_GAP, dart("package:flutter/src/painting/_network_image_io.dart", "NetworkImage._loadAsync", 141, 14), dart("dart:ui/painting.dart", "instantiateImageCodecWithSize", 2307, 21))),),
        (see("sentry.error", 2, **ANDROID), see("sentry.error", 2, **IOS), see("posthog", 2, **ANDROID)),
        classes=(2,), page="/venue", handled=True),
    # Sign in with Google failing on devices without Play services.
    Bug("dl-app-google-signin", "tickets-app", (Exc("PlatformException", "PlatformException(sign_in_failed, com.google.android.gms.common.api.ApiException: 10: , null, null)", (ASYNC_GAP, dart(PKG + "auth/login_screen.dart", "_LoginScreenState._google", 57, 11), dart("package:flutter/src/services/platform_channel.dart", "MethodChannel._invokeMethod", 332, 7), dart("package:flutter/src/services/message_codecs.dart", "StandardMethodCodec.decodeEnvelope", 651, 7))),),
        (see("sentry.error", 3, **ANDROID), see("posthog", 2, **ANDROID)),
        classes=(2,), page="/login", handled=True),
    # The payment provider's connection reset under Deno's fetch.
    Bug("dl-site-payment-reset", "site", (Exc("TypeError", "error sending request for url (https://api.payments.example/v1/intents): connection error: Connection reset by peer (os error 104)", (*FRESH, dn(SRC + "routes/api/orders/index.ts", "Object.POST", 41, 30, awaited=True), dn(SRC + "lib/payments.ts", "createIntent", 18, 22, awaited=True), dn("ext:deno_fetch/26_fetch.js", "mainFetch", 170, 11, lib=True, awaited=True), dn("ext:deno_fetch/26_fetch.js", "fetch", 391, 7, lib=True, awaited=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 2, **DD_API)),
        classes=(2, 9), log="order create failed", entry="POST /api/orders"),
    # A route deployed without --allow-net for the mailer, once.
    Bug("dl-site-net-permission", "site", (Exc("PermissionDenied", 'Requires net access to "smtp.eu.mailgun.org:587", run again with the --allow-net flag', (*FRESH, dn(SRC + "routes/api/contact.ts", "Object.POST", 14, 11, awaited=True), dn(SRC + "lib/mail.ts", "sendMail", 22, 30, awaited=True), dn("ext:deno_net/01_net.js", "connect", 228, 23, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/contact"),
]

NOISE = [
    Noise("dl-noise-deploy", "site", "datadog.event", {"monitor": "Deployed site 2026.03.2", "text": "site 2026.03.2 rolled out to 4 containers.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("dl-noise-crash-free", "tickets-app", "sentry.metric", {"rule": "tickets-app crash free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "action": "resolved", "value": "{crashfree}"}),
]

DENTDALE = Company(
    key="dl",
    name="Dentdale Live",
    domain="dentdale.example",
    sentry_org="dentdale-live",
    splunk_url="",
    splunk_guid="",
    datadog_org=("771935", "Dentdale Live"),
    datadog_template="recommended",
    posthog_project=(120447, "Dentdale tickets app"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dentdale-sentry-client-secret",
)
# fmt: on
