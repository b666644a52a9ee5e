"""(lz) Oakhurst Gyms, a chain of gyms: a Kotlin Android app (``members-android``: class
timetables and bookings, a QR door pass, workout logging, membership payments through Google
Pay) in Jetpack Compose with ViewModels and coroutines, Retrofit/OkHttp with Moshi, Room for
the offline timetable and DataStore for settings; R8-shrunk release builds.

Sentry: sentry-android with the R8 mapping uploaded by the Gradle plugin for 7.4.0 and 7.5.0,
not for 7.4.1 (a hotfix whose CI upload step failed), whose frames keep R8's names; crashes by
the ``UncaughtExceptionHandler``, handled errors by ``Sentry.captureException``. PostHog:
posthog-android's exception capture (R8's names, no mapping; raw frames innermost first). No
Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, kt, ktlib
from .rookhollow import COMPOSE_ITEM, COMPOSE_TAP
from .zouch import IO_RESUME, MAIN_RESUME, OKHTTP_READ, ROOM_INSERT

# fmt: off
APP = "uk.oakhurst.members"
SERVICES = {
    "members-android": Service("members-android", "java", "", "", "", "", 11130011, framework="android", sdk=("sentry.java.android", "7.14.0", "maven:io.sentry:sentry-android-core"), releases=(f"{APP}@7.4.0+740", f"{APP}@7.4.1+741", f"{APP}@7.5.0+750")),
}
MOSHI = (
    ktlib("retrofit2.OkHttpCall", "parseResponse", 243, "OkHttpCall.java"),
    ktlib("retrofit2.converter.moshi.MoshiResponseBodyConverter", "convert", 46, "MoshiResponseBodyConverter.java"),
    ktlib("com.squareup.moshi.internal.NullSafeJsonAdapter", "fromJson", 41, "NullSafeJsonAdapter.java"),
)
DATASTORE = (
    ktlib("androidx.datastore.core.SingleProcessDataStore", "readAndInitOrPropagateAndThrowFailure", 311, "SingleProcessDataStore.kt"),
    ktlib("androidx.datastore.core.SingleProcessDataStore", "readDataOrHandleCorruption", 389, "SingleProcessDataStore.kt"),
    ktlib("androidx.datastore.preferences.core.PreferencesSerializer", "readFrom", 54, "PreferencesSerializer.kt"),
)


def o(cls: str, method: str, line: int) -> Frame:
    return kt(f"{APP}.{cls}", method, line)


def suspend(cls: str, method: str, line: int) -> tuple[Frame, Frame]:
    return (o(f"{cls}${method}$1", "invokeSuspend", line - 4), o(cls, method, line))


def missing_json(prop: str, json_name: str, path: str, adapter: str) -> tuple[Exc, ...]:
    value = f"Required value '{prop}' (JSON name '{json_name}') missing at {path}"
    return (jexc("com.squareup.moshi.JsonDataException", value, (*IO_RESUME, *suspend("timetable.TimetableRepository", "load", 46), ktlib("retrofit2.KotlinExtensions$await$2$2", "onResponse", 43, "KotlinExtensions.kt"), *MOSHI, o(f"api.{adapter}JsonAdapter", "fromJson", 88), ktlib("com.squareup.moshi.internal.Util", "missingProperty", 605, "Util.java"))),)


CRASH = {"mechanism": "UncaughtExceptionHandler"}
NOMAP = {"release": 1, "r8": True, "in_app": "none", "mechanism": "UncaughtExceptionHandler"}
NOMAP_HANDLED = {"release": 1, "r8": True, "in_app": "none"}
PH = {"in_app_prefix": APP}
BOOK_EXECUTE = o("net.ApiCalls", "execute", 31)
LATEINIT = "lateinit property scanner has not been initialized"

BUGS = [
    # Moshi: one required field missing from two payloads.
    Bug("lz-class-coach-missing", "members-android", missing_json("coach", "coach", "$.classes[{idx}]", "GymClassDto"),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("sentry.error", release=2, **CRASH), see("posthog", 2, **PH)),
        classes=(4, 10), pair="lz-studio-capacity-missing", page="TimetableScreen", span=2),
    Bug("lz-studio-capacity-missing", "members-android", (jexc("com.squareup.moshi.JsonDataException", "Required value 'capacity' (JSON name 'max_capacity') missing at $.studios[{idx}]", (*IO_RESUME, *suspend("studios.StudioRepository", "refresh", 29), ktlib("retrofit2.KotlinExtensions$await$2$2", "onResponse", 43, "KotlinExtensions.kt"), *MOSHI, o("api.StudioDtoJsonAdapter", "fromJson", 71), ktlib("com.squareup.moshi.internal.Util", "missingProperty", 605, "Util.java"))),),
        (see("sentry.error", 2, **CRASH), see("posthog", 2, **PH)),
        classes=(4,), pair="lz-class-coach-missing", page="StudiosScreen"),
    # The same lateinit read: the door pass and the equipment check-in.
    Bug("lz-doorpass-lateinit", "members-android", (jexc("kotlin.UninitializedPropertyAccessException", LATEINIT, (*COMPOSE_TAP, o("pass.DoorPassScreenKt$DoorPassScreen$1$1", "invoke", 57), o("pass.DoorPassViewModel", "openDoor", 40), ktlib("kotlin.jvm.internal.Intrinsics", "throwUninitializedPropertyAccessException", 23, "Intrinsics.java"))),),
        (see("sentry.error", 3, **CRASH), see("sentry.error", release=2, **CRASH), see("posthog", 2, **PH)),
        classes=(4, 5), pair="lz-checkin-lateinit", page="DoorPassScreen", span=3, renames={"openDoor": "unlockDoor"}),
    Bug("lz-checkin-lateinit", "members-android", (jexc("kotlin.UninitializedPropertyAccessException", LATEINIT, (*COMPOSE_TAP, o("equipment.CheckInScreenKt$CheckInScreen$2$1", "invoke", 88), o("equipment.CheckInViewModel", "scanMachine", 62), ktlib("kotlin.jvm.internal.Intrinsics", "throwUninitializedPropertyAccessException", 23, "Intrinsics.java"))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("posthog", **PH)),
        classes=(4, 10), pair="lz-doorpass-lateinit", page="CheckInScreen"),
    # One API helper at the end of two timeouts: booking a class and loading workouts.
    Bug("lz-booking-timeout", "members-android", (jexc("java.net.SocketTimeoutException", "timeout", (*IO_RESUME, *suspend("booking.BookingRepository", "book", 52), BOOK_EXECUTE, *OKHTTP_READ)),),
        (see("sentry.error", 3), see("sentry.error", **NOMAP_HANDLED), see("posthog", 2, **PH), see("posthog", release=2, **PH)),
        classes=(7, 9, 10), pair="lz-workouts-timeout", page="ClassDetailScreen", handled=True),
    Bug("lz-workouts-timeout", "members-android", (jexc("java.net.SocketTimeoutException", "timeout", (*IO_RESUME, *suspend("workouts.WorkoutRepository", "history", 33), BOOK_EXECUTE, *OKHTTP_READ)),),
        (see("sentry.error", 2), see("posthog", 2, **PH)),
        classes=(7, 9), pair="lz-booking-timeout", page="WorkoutsScreen", handled=True),
    # Room: one DAO insert, two constraints.
    Bug("lz-workout-set-unique", "members-android", (jexc("android.database.sqlite.SQLiteConstraintException", "UNIQUE constraint failed: workout_sets.workout_id, workout_sets.position (code 2067 SQLITE_CONSTRAINT_UNIQUE)", (*IO_RESUME, *suspend("workouts.WorkoutLogger", "addSet", 71), o("data.WorkoutDao_Impl", "insertSet", 140), *ROOM_INSERT)),),
        (see("sentry.error", 2), see("posthog", 2, **PH)),
        classes=(4,), pair="lz-workout-set-fk", page="LogWorkoutScreen", handled=True),
    Bug("lz-workout-set-fk", "members-android", (jexc("android.database.sqlite.SQLiteConstraintException", "FOREIGN KEY constraint failed (code 787 SQLITE_CONSTRAINT_FOREIGNKEY)", (*IO_RESUME, *suspend("workouts.WorkoutLogger", "addSet", 71), o("data.WorkoutDao_Impl", "insertSet", 140), *ROOM_INSERT)),),
        (see("sentry.error", 2), see("sentry.error", **NOMAP_HANDLED), see("posthog", **PH)),
        classes=(4, 10), pair="lz-workout-set-unique", page="LogWorkoutScreen", handled=True),
    # Compose lazy lists: duplicate keys in the timetable and in the friends feed.
    Bug("lz-timetable-dup-key", "members-android", (jexc("java.lang.IllegalArgumentException", "Key \"class-{id}\" was already used. If you are using LazyColumn/Row please make sure you provide a unique key for each item.", (*COMPOSE_ITEM, ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutMeasureScopeImpl", "measure-0kLqBqw", 101, "LazyLayoutMeasureScope.kt"), ktlib("androidx.compose.ui.node.LayoutNodeSubcompositionsState", "subcompose", 420, "SubcomposeLayout.kt"))),),
        (see("sentry.error", 3, **CRASH), see("posthog", 2, **PH)),
        classes=(1, 4), pair="lz-feed-dup-key", page="TimetableScreen"),
    Bug("lz-feed-dup-key", "members-android", (jexc("java.lang.IllegalArgumentException", "Key \"post-{id}\" was already used. If you are using LazyColumn/Row please make sure you provide a unique key for each item.", (*COMPOSE_ITEM, ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutMeasureScopeImpl", "measure-0kLqBqw", 101, "LazyLayoutMeasureScope.kt"), ktlib("androidx.compose.ui.node.LayoutNodeSubcompositionsState", "subcompose", 420, "SubcomposeLayout.kt"))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("posthog", **PH)),
        classes=(1, 4, 10), pair="lz-timetable-dup-key", page="FriendsFeedScreen"),
    # Not pairs.
    Bug("lz-gpay-not-ready", "members-android", (jexc("com.google.android.gms.common.api.ApiException", "10: Developer error", (*MAIN_RESUME, *suspend("payments.GooglePayLauncher", "present", 48), jl("com.google.android.gms.tasks.Tasks", "await", 66))),),
        (see("sentry.error", 3), see("sentry.error", **NOMAP_HANDLED), see("posthog", 2, **PH)),
        classes=(10,), page="MembershipScreen", handled=True),
    Bug("lz-datastore-corrupt", "members-android", (jexc("androidx.datastore.core.CorruptionException", "Unable to parse preferences proto.", (*IO_RESUME, *suspend("settings.SettingsRepository", "load", 22), *DATASTORE)),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("posthog", 2, **PH)),
        classes=(10,), page="SettingsScreen"),
    Bug("lz-qr-camera-closed", "members-android", (jexc("java.lang.IllegalStateException", "Camera is closed.", (*MAIN_RESUME, *suspend("pass.QrScanner", "start", 35), jl("androidx.camera.camera2.internal.Camera2CameraImpl", "openCameraDevice", 1161))),),
        (see("sentry.error", 2, **CRASH), see("posthog", **PH)),
        classes=(), page="CheckInScreen"),
    Bug("lz-singleton-oom", "members-android", (jexc("java.lang.OutOfMemoryError", "Failed to allocate a {offset} byte allocation with {ms}00 free bytes and {n}MB until OOM, target footprint 201326592, growth limit 201326592", (*IO_RESUME, *suspend("profile.AvatarLoader", "decode", 40), jl("android.graphics.BitmapFactory", "decodeStream", 790), jl("android.graphics.BitmapFactory", "nativeDecodeStream", -2))),),
        (see("sentry.error", **CRASH),),
        singleton=True, page="ProfileScreen"),
]

NOISE = [
    Noise("lz-noise-crashfree", "members-android", "sentry.metric", {"rule": "members-android crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "critical", "threshold": 99.5, "threshold_type": 1, "window": 60, "value": "{crashfree}"}),
    Noise("lz-noise-crashfree-resolved", "members-android", "sentry.metric", {"rule": "members-android crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
]

OAKHURST = Company(
    key="lz",
    name="Oakhurst Gyms",
    domain="oakhurst-gyms.example",
    sentry_org="oakhurst",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(111301, "Oakhurst members app"),
    releases=("7.4.0", "7.4.1", "7.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="oakhurst-sentry-client-secret",
)
# fmt: on
