"""(gx) Aysgarth Gyms, a chain of gyms: a Flutter 3.22 members' app (``members-app``, Dart
3.4, Android and iOS; class timetable, bookings, workout log, QR check-in, membership card)
built for release with ``--obfuscate --split-debug-info``. The symbol files are uploaded to
Sentry by sentry_dart_plugin, except for one release whose upload step failed (its frames
arrive as bare addresses). Networking through dio 5, local storage in Hive.

Sentry: sentry_flutter 8 (FlutterError.onError and PlatformDispatcher.onError, handled
errors through ``Sentry.captureException``), issue and metric alerts. PostHog: posthog_flutter's
exception capture (Dart frames as the trace prints them). No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import ASYNC_GAP, dart
from .pipit import FLUTTER_BUILD, FLUTTER_TAP

# The tables keep one frame or delivery per line.
# fmt: off
RELEASES = ("uk.aysgarth.members@5.3.0+212", "uk.aysgarth.members@5.3.1+215", "uk.aysgarth.members@5.4.0+223")
SERVICES = {
    "members-app": Service("members-app", "dart", "", "", "", "", 5530218, framework="FlutterError", sdk=("sentry.dart.flutter", "8.9.0", "pub:sentry_flutter"), releases=RELEASES),
}
APP = "package:aysgarth_members/"
ANDROID = {"browser": "android"}
IOS = {"browser": "ios"}
ZONE = {"mechanism": "PlatformDispatcher.onError"}
NULL_CHECK = "Null check operator used on a null value"
DIO_TIMEOUT = "DioException [connection timeout]: The request connection took longer than 0:00:10.000000 and it was aborted. To get rid of this exception, try raising the RequestOptions.connectTimeout above the duration of 0:00:10.000000 or improve the response time of the server."
DIO = (
    ASYNC_GAP,
    dart(APP + "core/api_client.dart", "ApiClient.getJson", 38, 7),
    dart("package:dio/src/dio_mixin.dart", "DioMixin.fetch", 526, 7),
    ASYNC_GAP,
    dart("package:dio/src/dio_mixin.dart", "DioMixin.fetch.<anonymous closure>", 507, 15),
    dart("package:dio/src/dio_exception.dart", "new DioException.connectionTimeout", 128, 12),
)
FROM_JSON = dart(APP + "membership/membership.dart", "Membership.fromJson", 41, 22)


def a(file: str, fn: str, line: int, col: int) -> Frame:
    return dart(APP + file, fn, line, col)


BUGS = [
    # The same null check failing in a build method and in a tap handler.
    Bug("gx-class-card-null", "members-app", (Exc("_TypeError", NULL_CHECK, (*FLUTTER_BUILD, a("timetable/class_card.dart", "ClassCard.build", 47, 35), a("timetable/class_card.dart", "ClassCard._instructorName", 88, 29))),),
        (see("sentry.error", 3, **ANDROID), see("sentry.error", 1, **IOS), see("sentry.issue", 1, **ANDROID), see("posthog", 2, **ANDROID), see("posthog", 1, **IOS)),
        classes=(4, 6), pair="gx-booking-null", span=2, handled=True),
    Bug("gx-booking-null", "members-app", (Exc("_TypeError", NULL_CHECK, (*FLUTTER_TAP, a("bookings/booking_sheet.dart", "_BookingSheetState._confirm", 112, 41))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", 1, raw=True, release=1, **ANDROID), see("posthog", 2, **IOS)),
        classes=(4, 10), pair="gx-class-card-null", span=2, handled=True),
    # A list index past the end in two widgets; the numbers vary with the data.
    Bug("gx-timetable-range", "members-app", (Exc("RangeError", "RangeError (index): Invalid value: Not in inclusive range 0..{idx}: 7", (*FLUTTER_BUILD, a("timetable/day_tabs.dart", "_DayTabsState.build", 63, 30), dart("dart:core-patch/growable_array.dart", "List.[]", 264, 36))),),
        (see("sentry.error", 3, **ANDROID), see("posthog", 2, **ANDROID), see("posthog", 1, **IOS)),
        classes=(4,), pair="gx-workout-range", handled=True),
    Bug("gx-workout-range", "members-app", (Exc("RangeError", "RangeError (index): Invalid value: Not in inclusive range 0..{idx}: 9", (*FLUTTER_TAP, a("workouts/set_list.dart", "_SetListState._completeSet", 95, 24), a("workouts/workout_session.dart", "WorkoutSession.markDone", 51, 18), dart("dart:core-patch/growable_array.dart", "List.[]", 264, 36))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", 1, **ANDROID), see("posthog", 2, **IOS)),
        classes=(4,), pair="gx-timetable-range", handled=True),
    # dio connection timeouts through one API client helper, from two screens.
    Bug("gx-timetable-timeout", "members-app", (Exc("DioException", DIO_TIMEOUT, (a("timetable/timetable_cubit.dart", "TimetableCubit.load", 29, 21), a("timetable/timetable_repository.dart", "TimetableRepository.week", 18, 12), *DIO)),),
        (see("sentry.error", 3, **ANDROID, **ZONE), see("posthog", 2, **ANDROID), see("sentry.alert", 1, rule="members-app: new DioException", **ANDROID)),
        classes=(4, 9), pair="gx-card-timeout", handled=True),
    Bug("gx-card-timeout", "members-app", (Exc("DioException", DIO_TIMEOUT, (a("membership/card_screen.dart", "_CardScreenState._refresh", 54, 19), a("membership/membership_repository.dart", "MembershipRepository.current", 22, 12), *DIO)),),
        (see("sentry.error", 2, **IOS, **ZONE), see("posthog", 2, **IOS)),
        classes=(4, 9), pair="gx-timetable-timeout", handled=True),
    # One fromJson, two failures: a null where a String was cast, a date the backend renamed.
    Bug("gx-membership-null-cast", "members-app", (Exc("_TypeError", "type 'Null' is not a subtype of type 'String' in type cast", (ASYNC_GAP, a("membership/membership_repository.dart", "MembershipRepository.current", 25, 14), FROM_JSON)),),
        (see("sentry.error", 3, **ANDROID, **ZONE), see("posthog", 1, **ANDROID), see("posthog", 1, **IOS)),
        classes=(4,), pair="gx-membership-date", span=2),
    Bug("gx-membership-date", "members-app", (Exc("FormatException", "FormatException: Invalid date format\n{date}", (ASYNC_GAP, a("membership/membership_repository.dart", "MembershipRepository.current", 25, 14), dart(APP + "membership/membership.dart", "Membership.fromJson", 45, 29), dart("dart:core/date_time.dart", "DateTime.parse", 347, 7))),),
        (see("sentry.error", 2, **IOS, **ZONE), see("sentry.error", 1, raw=True, release=1, **IOS, **ZONE), see("posthog", 2, **ANDROID)),
        classes=(4, 10), pair="gx-membership-null-cast", span=2),
    # Hive boxes never opened: favourites and settings.
    Bug("gx-hive-favourites", "members-app", (Exc("HiveError", "HiveError: Box not found. Did you forget to call Hive.openBox()?", (*FLUTTER_TAP, a("timetable/favourite_button.dart", "_FavouriteButtonState._toggle", 33, 22), dart("package:hive/src/hive_impl.dart", "HiveImpl.box", 126, 7), dart("package:hive/src/hive_impl.dart", "HiveImpl._getBoxInternal", 117, 7))),),
        (see("sentry.error", 2, **ANDROID), see("posthog", 2, **ANDROID)),
        classes=(4,), pair="gx-hive-settings", handled=True),
    Bug("gx-hive-settings", "members-app", (Exc("HiveError", "HiveError: Box not found. Did you forget to call Hive.openBox()?", (*FLUTTER_BUILD, a("settings/settings_screen.dart", "_SettingsScreenState.build", 28, 34), a("settings/settings_store.dart", "SettingsStore.units", 14, 16), dart("package:hive/src/hive_impl.dart", "HiveImpl.box", 126, 7), dart("package:hive/src/hive_impl.dart", "HiveImpl._getBoxInternal", 117, 7))),),
        (see("sentry.error", 2, **IOS), see("posthog", 1, **IOS), see("posthog", 1, **ANDROID)),
        classes=(4,), pair="gx-hive-favourites", handled=True),
    # The rest timer's callback after the screen closed, across three releases.
    Bug("gx-timer-setstate", "members-app", (Exc("FlutterError", "setState() called after dispose(): _RestTimerState#{args}(lifecycle state: defunct, not mounted)\nThis error happens if you call setState() on a State object for a widget that no longer appears in the widget tree (e.g., whose parent widget no longer includes the widget in its build). This error can occur when code calls setState() from a timer or an animation callback.", (dart("dart:async/zone.dart", "_rootRun", 1391, 47), dart("dart:async-patch/timer_patch.dart", "_Timer._runTimers", 398, 19), a("workouts/rest_timer.dart", "_RestTimerState._tick", 42, 5), dart("package:flutter/src/widgets/framework.dart", "State.setState", 1167, 9))),),
        (see("sentry.error", 4, **ANDROID), see("sentry.error", 1, **IOS), see("posthog", 2, **ANDROID), see("posthog", 1, **IOS, resolved=True)),
        classes=(5,), span=3, renames={"_tick": "_onTick"}, handled=True),
    # The check-in scanner without camera permission.
    Bug("gx-checkin-camera", "members-app", (Exc("PlatformException", "PlatformException(CameraAccessDenied, Camera access permission was denied., null, null)", (ASYNC_GAP, a("checkin/checkin_screen.dart", "_CheckinScreenState._startScanner", 37, 7), dart("package:mobile_scanner/src/mobile_scanner_controller.dart", "MobileScannerController.start", 268, 9), dart("package:flutter/src/services/platform_channel.dart", "MethodChannel._invokeMethod", 332, 7))),),
        (see("sentry.error", 3, **IOS, **ZONE), see("posthog", 2, **IOS)),
        classes=(), handled=True),
    # Instructor photos the CDN serves truncated: the image codec refuses them.
    Bug("gx-photo-decode", "members-app", (Exc("_Exception", "Exception: Invalid image data", (ASYNC_GAP, dart("dart:ui/painting.dart", "_futurize", 7796, 5), dart("dart:ui/painting.dart", "instantiateImageCodecWithSize", 2303, 3), dart("package:flutter/src/painting/image_provider.dart", "NetworkImage._loadAsync", 1083, 14))),),
        (see("sentry.error", 2, **ANDROID, **ZONE), see("posthog", 2, **ANDROID), see("posthog", 1, **IOS)),
        classes=(), handled=True),
    # Crash-free sessions dropping after 5.4.0 (names no bug).
    Bug("gx-crash-free", "members-app", (),
        (see("sentry.metric", 2, rule="members-app crash-free sessions", aggregate="percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", dataset="metrics", threshold=99.0, threshold_type=1, window=60, value="{crashfree}", description="Crash free session rate in the last hour below 99%: {crashfree}%"),),
        classes=(8,)),
    # Seen once.
    Bug("gx-stack-overflow", "members-app", (Exc("StackOverflowError", "Stack Overflow", (*FLUTTER_BUILD, a("workouts/plan_tree.dart", "PlanTree.depth", 19, 23))),),
        (see("sentry.error", 1, **ANDROID),), singleton=True),
]

NOISE = [
    Noise("gx-noise-crashfree-resolved", "members-app", "sentry.metric", {"rule": "members-app crash-free users", "aggregate": "percentage(users_crashed, users) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
    Noise("gx-noise-errors-resolved", "members-app", "sentry.metric", {"rule": "members-app errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

AYSGARTH = Company(
    key="gx",
    name="Aysgarth Gyms",
    domain="aysgarth-gyms.example",
    sentry_org="aysgarth",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(88517, "Aysgarth members app"),
    releases=("5.3.0", "5.3.1", "5.4.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="aysgarth-sentry-client-secret",
)
# fmt: on
