"""(jl) Muncaster Walks, a dog-walking app for owners and walkers: Flutter 3.24 on Android and
iOS (Dart 3.5, dio 5 for the API, Riverpod, google_maps_flutter for the walk's route, the
camera and geolocator plugins). Release builds of the 4.3 line were shipped with
``--obfuscate --split-debug-info`` and the symbols were not uploaded for one of them, so some of
Sentry's events carry only native addresses for the app's frames.

Sentry: sentry_flutter 8 (``FlutterError.onError``, ``PlatformDispatcher.onError`` and the
team's ``Sentry.captureException`` around API calls; ``dart:`` and ``package:flutter`` frames
out of the app). PostHog: posthog_flutter's exception autocapture. No server logs here, no
Splunk and no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import ASYNC_GAP, dart

# The tables keep one frame or delivery per line.
# fmt: off
APP_RELEASES = ("uk.muncaster.walks@4.2.3+4203", "uk.muncaster.walks@4.3.0+4300", "uk.muncaster.walks@4.3.1+4301")
SERVICES = {
    "walks-app": Service("walks-app", "dart", "", "", "", "", 8930031, framework="FlutterError", sdk=("sentry.dart.flutter", "8.9.0", "pub:sentry_flutter"), releases=APP_RELEASES),
}
FW = "package:flutter/src/"
PKG = "package:muncaster_walks/"
FLUTTER_BUILD = (
    dart("dart:ui/hooks.dart", "_drawFrame", 283, 31),
    dart("dart:ui/platform_dispatcher.dart", "PlatformDispatcher._drawFrame", 383, 5),
    dart(FW + "scheduler/binding.dart", "SchedulerBinding.handleDrawFrame", 1326, 9),
    dart(FW + "rendering/binding.dart", "RendererBinding._handlePersistentFrameCallback", 358, 5),
    dart(FW + "widgets/binding.dart", "WidgetsBinding.drawFrame", 1183, 21),
    dart(FW + "widgets/framework.dart", "BuildOwner.buildScope", 2895, 19),
    dart(FW + "widgets/framework.dart", "Element.rebuild", 5189, 7),
    dart(FW + "widgets/framework.dart", "ComponentElement.performRebuild", 5532, 16),
    dart(FW + "widgets/framework.dart", "StatefulElement.build", 5667, 27),
)
FLUTTER_TAP = (
    dart(FW + "gestures/binding.dart", "GestureBinding.handleEvent", 495, 13),
    dart(FW + "gestures/pointer_router.dart", "PointerRouter._dispatch", 98, 12),
    dart(FW + "gestures/recognizer.dart", "GestureRecognizer.invokeCallback", 351, 24),
    dart(FW + "gestures/tap.dart", "TapGestureRecognizer.handleTapUp", 656, 11),
    dart(FW + "material/ink_well.dart", "_InkResponseState.handleTap", 1170, 21),
)
SET_STATE = (
    dart(FW + "widgets/framework.dart", "State.setState", 1167, 9),
    dart(FW + "widgets/framework.dart", "State.setState.<anonymous closure>", 1182, 9),
)
API_GET = (
    ASYNC_GAP,
    dart(PKG + "api/api_client.dart", "ApiClient.get", 41, 22),
    dart("package:dio/src/dio_mixin.dart", "DioMixin.fetch", 535, 14),
)
CHANNEL = (
    dart("package:flutter/src/services/platform_channel.dart", "MethodChannel._invokeMethod", 332, 7),
    dart("package:flutter/src/services/message_codecs.dart", "StandardMethodCodec.decodeEnvelope", 651, 7),
)
NULL_CHECK = "Null check operator used on a null value"
NOT_STRING = "type 'Null' is not a subtype of type 'String'"
ANDROID, IOS = dict(browser="android"), dict(browser="ios")
RAW = dict(raw=True, release=1)
ONERROR = dict(mechanism="PlatformDispatcher.onError")

BUGS = [
    # The null check in a build method and after an await.
    Bug("jl-walk-null", "walks-app", (Exc("_TypeError", NULL_CHECK, (*FLUTTER_BUILD, dart(PKG + "walks/walk_card.dart", "_WalkCardState.build", 64, 38), dart(PKG + "walks/walk_eta.dart", "WalkEta.label", 22, 31))),),
        (see("sentry.error", 3, **ANDROID), see("sentry.error", **IOS), see("sentry.issue", **ANDROID), see("posthog", 2, **ANDROID), see("posthog", **IOS)),
        classes=(4,), pair="jl-pet-null", page="/walks"),
    Bug("jl-pet-null", "walks-app", (Exc("_TypeError", NULL_CHECK, (ASYNC_GAP, dart(PKG + "pets/pet_profile_screen.dart", "_PetProfileScreenState._load", 51, 9), dart(PKG + "pets/pet_repository.dart", "PetRepository.vaccinations", 78, 40))),),
        (see("sentry.error", 2, **ONERROR, **IOS), see("sentry.error", **ONERROR, **ANDROID, **RAW), see("posthog", 2, **ANDROID)),
        classes=(4, 10), pair="jl-walk-null", page="/pets", span=3),
    # One map method: an empty route and an index past its end.
    Bug("jl-route-empty", "walks-app", (Exc("StateError", "Bad state: No element", (ASYNC_GAP, dart(PKG + "tracking/route_map.dart", "_RouteMapState._fitBounds", 112, 33), dart("dart:core-patch/growable_array.dart", "List.first", 344, 5))),),
        (see("sentry.error", 2, **ANDROID), see("sentry.error", **ANDROID, **RAW), see("posthog", 2, **IOS)),
        classes=(4, 10), pair="jl-route-range", page="/tracking"),
    Bug("jl-route-range", "walks-app", (Exc("RangeError", "RangeError (index): Invalid value: Not in inclusive range 0..{n}: {waiting}", (ASYNC_GAP, dart(PKG + "tracking/route_map.dart", "_RouteMapState._fitBounds", 118, 27), dart("dart:core-patch/growable_array.dart", "List.[]", 264, 36))),),
        (see("sentry.error", 2, **IOS), see("posthog", **ANDROID), see("posthog", **IOS)),
        classes=(4,), pair="jl-route-empty", page="/tracking"),
    # One JSON shape mismatch in two models' fromJson.
    Bug("jl-walker-json", "walks-app", (Exc("_TypeError", NOT_STRING, (*API_GET[:2], dart(PKG + "walkers/walker_repository.dart", "WalkerRepository.nearby", 33, 19), dart(PKG + "walkers/walker.dart", "Walker.fromJson", 27, 22))),),
        (see("sentry.error", 3, **ANDROID), see("sentry.issue", **ANDROID), see("posthog", 2, **ANDROID), see("posthog", **IOS)),
        classes=(4, 5), pair="jl-booking-json", page="/walkers", handled=True, span=2, renames={"WalkerRepository.nearby": "WalkerRepository.nearbyWalkers"}),
    Bug("jl-booking-json", "walks-app", (Exc("_TypeError", NOT_STRING, (*API_GET[:2], dart(PKG + "bookings/booking_repository.dart", "BookingRepository.upcoming", 45, 19), dart(PKG + "bookings/booking.dart", "Booking.fromJson", 39, 26))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", **ANDROID), see("posthog", 2, **IOS)),
        classes=(4,), pair="jl-walker-json", page="/bookings", handled=True),
    # One API helper under a connection timeout and a 500.
    Bug("jl-api-timeout", "walks-app", (Exc("DioException", "DioException [connection timeout]: The request connection took longer than 0:00:10.000000 and it was aborted. To get rid of this exception, try raising the RequestOptions.connectTimeout above the duration of 0:00:10.000000 or improve the response time of the server.", (*API_GET, dart("package:dio/src/dio_mixin.dart", "DioMixin.fetch.<anonymous closure>", 506, 11))),),
        (see("sentry.error", 3, **ANDROID), see("sentry.error", **IOS), see("posthog", 2, **ANDROID)),
        classes=(9,), pair="jl-api-500", page="/walks", handled=True),
    Bug("jl-api-500", "walks-app", (Exc("DioException", "DioException [bad response]: This exception was thrown because the response has a status code of 500 and RequestOptions.validateStatus was configured to throw for this status code.\nThe status code of 500 has the following meaning: \"Server error - the server failed to fulfil an apparently valid request\"\nRead more about status codes at https://developer.mozilla.org/en-US/docs/Web/HTTP/Status\nIn order to resolve this exception you typically have either to verify and fix your request code or you have to fix the server code.", (*API_GET, dart("package:dio/src/dio_mixin.dart", "DioMixin.fetch.<anonymous closure>", 506, 11))),),
        (see("sentry.error", 2, **ANDROID), see("sentry.error", 2, **IOS), see("posthog", **IOS)),
        classes=(9,), pair="jl-api-timeout", page="/walks", handled=True),
    # Two plugins' permission refusals through one method channel.
    Bug("jl-camera-denied", "walks-app", (Exc("PlatformException", "PlatformException(CameraAccessDenied, User denied camera access., null, null)", (*FLUTTER_TAP, ASYNC_GAP, dart(PKG + "walks/walk_report_screen.dart", "_WalkReportScreenState._takePhoto", 88, 7), dart("package:camera/src/camera_controller.dart", "CameraController.initialize", 342, 7), *CHANNEL)),),
        (see("sentry.error", 2, **IOS), see("posthog", 2, **IOS)),
        classes=(9,), pair="jl-location-denied", page="/walks/report"),
    Bug("jl-location-denied", "walks-app", (Exc("PlatformException", "PlatformException(PERMISSION_DENIED, User denied permissions to access the device's location., null, null)", (ASYNC_GAP, dart(PKG + "tracking/tracker.dart", "WalkTracker.start", 36, 5), dart("package:geolocator_android/src/geolocator_android.dart", "GeolocatorAndroid.getCurrentPosition", 207, 7), *CHANNEL)),),
        (see("sentry.error", 3, **ANDROID), see("posthog", **ANDROID)),
        classes=(9,), pair="jl-camera-denied", page="/tracking"),
    # setState() after dispose() in two widgets.
    Bug("jl-tracker-disposed", "walks-app", (Exc("FlutterError", "setState() called after dispose(): _LiveWalkScreenState#{hex}(lifecycle state: defunct, not mounted)\nThis error happens if you call setState() on a State object for a widget that no longer appears in the widget tree (e.g., whose parent widget no longer includes the widget in its build). This error can occur when code calls setState() from a timer or an animation callback.", (ASYNC_GAP, dart(PKG + "tracking/live_walk_screen.dart", "_LiveWalkScreenState._onPosition", 142, 5), *SET_STATE)),),
        (see("sentry.error", 2, **ANDROID), see("sentry.error", **ANDROID, **RAW), see("posthog", **ANDROID)),
        classes=(4, 10), pair="jl-chat-disposed", page="/tracking/live"),
    Bug("jl-chat-disposed", "walks-app", (Exc("FlutterError", "setState() called after dispose(): _ChatThreadState#{hex}(lifecycle state: defunct, not mounted)\nThis error happens if you call setState() on a State object for a widget that no longer appears in the widget tree (e.g., whose parent widget no longer includes the widget in its build). This error can occur when code calls setState() from a timer or an animation callback.", (ASYNC_GAP, dart(PKG + "chat/chat_thread.dart", "_ChatThreadState._onMessage", 73, 5), *SET_STATE)),),
        (see("sentry.error", 2, **IOS), see("posthog", 2, **IOS)),
        classes=(4,), pair="jl-tracker-disposed", page="/chat"),
    # Not pairs.
    Bug("jl-host-lookup", "walks-app", (Exc("SocketException", "Failed host lookup: 'api.muncaster-walks.example' (OS Error: No address associated with hostname, errno = 7)", (*API_GET, dart("dart:io/runtime/binsocket_patch.dart", "_NativeSocket.lookup", 516, 5))),),
        (see("sentry.error", 3, **ANDROID), see("posthog", 2, **ANDROID)),
        page="/walks", handled=True),
    Bug("jl-date-format", "walks-app", (Exc("FormatException", "FormatException: Trying to read dd from {n} at position 9", (*FLUTTER_BUILD, dart(PKG + "bookings/booking_tile.dart", "BookingTile.build", 31, 29), dart("package:intl/src/intl/date_format.dart", "DateFormat.parse", 436, 5))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", **IOS, **RAW), see("posthog", **IOS)),
        classes=(10,), page="/bookings"),
    Bug("jl-crashfree", "walks-app", (),
        (see("sentry.metric", 2, rule="walks-app crash free sessions", aggregate="percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", dataset="metrics", threshold=99.0, threshold_type=1, window=60, value="{crashfree}", description="Crash free session rate in the last hour below 99%: {crashfree}%"),),
        classes=(8,)),
    # A singleton: adding to a const list of the walker's badges.
    Bug("jl-unmodifiable", "walks-app", (Exc("UnsupportedError", "Unsupported operation: Cannot add to an unmodifiable list", (*FLUTTER_TAP, dart(PKG + "walkers/badges.dart", "BadgeEditor.add", 19, 12), dart("dart:_internal/list.dart", "UnmodifiableListMixin.add", 114, 5))),),
        (see("sentry.error", **ANDROID),),
        singleton=True, page="/walkers/badges"),
]

NOISE = [
    Noise("jl-noise-crash-free", "walks-app", "sentry.metric", {"rule": "walks-app crash free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "action": "resolved", "value": "{crashfree}"}),
]

MUNCASTER = Company(
    key="jl",
    name="Muncaster Walks",
    domain="muncaster-walks.example",
    sentry_org="muncaster",
    splunk_url="",
    splunk_guid="",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(89303, "Muncaster Walks app"),
    releases=("4.2.3", "4.3.0", "4.3.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="muncaster-sentry-client-secret",
)
# fmt: on
