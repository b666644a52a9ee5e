"""(ju) Plumpton Paws, a dog-walking marketplace: the owners' Android app in Kotlin
(``walks-android``: Fragments with view binding for booking and chat, Jetpack Compose for the
walk map and the walker lists, Room for favourites and saved addresses, Retrofit + kotlinx
serialization to the API, coroutines on ``Dispatchers.IO``). Release builds are shrunk by R8.

Sentry: sentry-android with the Gradle plugin uploading the ProGuard mapping, so its frames
carry the source names, except one release whose upload failed in CI (R8's names, nothing
in-app). PostHog: posthog-android's exception autocapture and ``captureException`` in the
app's catch blocks; PostHog has no mapping, so its frames keep R8's names (a debuggable beta
build sent unshrunk frames). No server-side tools: the API belongs to another team.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Frame, Service, see
from ..stacks import jexc, jl, kt, ktlib
from .rookhollow import COMPOSE_ITEM, COMPOSE_TAP
from .zouch import FRAGMENT_VIEW, IO_RESUME, MAIN_RESUME, OKHTTP_READ, ROOM_INSERT

# The tables keep one frame or delivery per line.
# fmt: off
APP = "com.plumpton.walks"
SERVICES = {
    "walks-android": Service("walks-android", "java", "", "", "", "", 4410271, framework="android", sdk=("sentry.java.android", "7.14.0", "maven:io.sentry:sentry-android-core"), releases=(f"{APP}@3.7.0+370", f"{APP}@3.7.1+371", f"{APP}@3.8.0+380")),
}


def p(cls: str, method: str, line: int) -> Frame:
    return kt(f"{APP}.{cls}", method, line)


def suspend(cls: str, method: str, line: int) -> tuple[Frame, Frame]:
    """A resumed suspend function: its continuation's ``invokeSuspend``, then the function."""
    return (p(f"{cls}${method}$1", "invokeSuspend", line - 5), p(cls, method, line))


# Every Retrofit call is unwrapped by one helper that throws the app's ApiException on a non-2xx.
UNWRAP = (
    ktlib("retrofit2.KotlinExtensions$await$2$2", "onResponse", 53, "KotlinExtensions.kt"),
    p("data.net.ApiResultKt", "unwrap", 22),
)
MISSING_FIELD = "Field 'rating' is required for type with serial name '" + APP + ".data.net.WalkerDto', but it was missing at path: $[{idx}]"
DECODE = (
    ktlib("retrofit2.OkHttpCall", "parseResponse", 246, "OkHttpCall.java"),
    ktlib("retrofit2.converter.kotlinx.serialization.DeserializationStrategyConverter", "convert", 15, "DeserializationStrategyConverter.kt"),
    ktlib("kotlinx.serialization.json.Json", "decodeFromString", 107, "Json.kt"),
    ktlib("kotlinx.serialization.internal.PluginExceptionsKt", "throwMissingFieldException", 20, "PluginExceptions.kt"),
)
CRASH = {"mechanism": "UncaughtExceptionHandler"}
NOMAP = {"release": 1, "r8": True, "in_app": "none", "mechanism": "UncaughtExceptionHandler"}
PH = {"in_app_prefix": APP}
PH_DEBUG = {"in_app_prefix": APP, "r8": False}
LATEINIT_ADAPTER = "lateinit property adapter has not been initialized"

BUGS = [
    # The same lateinit, two fragments: the booking list and the walker's profile.
    Bug("ju-bookings-lateinit", "walks-android", (jexc("kotlin.UninitializedPropertyAccessException", LATEINIT_ADAPTER, (*MAIN_RESUME, *suspend("ui.bookings.BookingsFragment", "renderBookings", 88), p("ui.bookings.BookingsFragment", "getAdapter", 41))),),
        (see("sentry.error", 3, **CRASH), see("sentry.issue"), see("posthog", 2, **PH)),
        classes=(4,), pair="ju-profile-lateinit", page="BookingsFragment"),
    Bug("ju-profile-lateinit", "walks-android", (jexc("kotlin.UninitializedPropertyAccessException", LATEINIT_ADAPTER, (*FRAGMENT_VIEW, p("ui.walker.WalkerProfileFragment", "onViewCreated", 63), p("ui.walker.WalkerProfileFragment", "getAdapter", 37))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("posthog", 2, **PH)),
        classes=(4, 10), pair="ju-bookings-lateinit", page="WalkerProfileFragment"),
    # One price parser, two exceptions.
    Bug("ju-price-number-format", "walks-android", (jexc("java.lang.NumberFormatException", 'For input string: "{n},50"', (*COMPOSE_TAP, p("ui.book.BookWalkScreenKt$BookWalkScreen$2$1", "invoke", 112), p("domain.PriceParser", "parse", 19), jl("java.lang.Double", "parseDouble", 792), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054))),),
        (see("sentry.error", 3, **CRASH), see("posthog", 2, **PH), see("posthog", **PH_DEBUG)),
        classes=(4,), pair="ju-price-index", page="BookWalkScreen"),
    Bug("ju-price-index", "walks-android", (jexc("java.lang.StringIndexOutOfBoundsException", "begin 0, end -1, length {idx}", (*COMPOSE_TAP, p("ui.book.BookWalkScreenKt$BookWalkScreen$2$1", "invoke", 112), p("domain.PriceParser", "parse", 14), jl("java.lang.String", "substring", 2720), jl("java.lang.String", "checkBoundsBeginEnd", 4606))),),
        (see("sentry.error", 2, **CRASH), see("sentry.issue"), see("posthog", 2, **PH)),
        classes=(4,), pair="ju-price-number-format", page="BookWalkScreen"),
    # Room unique constraints on two tables.
    Bug("ju-favourite-unique", "walks-android", (jexc("android.database.sqlite.SQLiteConstraintException", "UNIQUE constraint failed: favourite_walkers.walker_id (code 2067 SQLITE_CONSTRAINT_UNIQUE)", (*IO_RESUME, *suspend("data.FavouritesRepository", "add", 31), p("data.db.FavouriteDao_Impl", "insert", 74), *ROOM_INSERT)),),
        (see("sentry.error", 3), see("posthog", 2, **PH)),
        classes=(4,), pair="ju-address-unique", page="WalkerProfileFragment", handled=True),
    Bug("ju-address-unique", "walks-android", (jexc("android.database.sqlite.SQLiteConstraintException", "UNIQUE constraint failed: saved_addresses.label (code 2067 SQLITE_CONSTRAINT_UNIQUE)", (*IO_RESUME, *suspend("data.AddressRepository", "save", 44), p("data.db.AddressDao_Impl", "insert", 66), *ROOM_INSERT)),),
        (see("sentry.error", 2), see("sentry.error", release=1, r8=True, in_app="none"), see("posthog", 2, **PH)),
        classes=(4, 10), pair="ju-favourite-unique", page="AddressBookFragment", handled=True),
    # The API helper at the end of two failures: bookings answering 500, payments 409.
    Bug("ju-bookings-http500", "walks-android", (jexc(f"{APP}.data.net.ApiException", "HTTP 500 from POST /v2/bookings", (*IO_RESUME, *suspend("data.BookingRepository", "create", 52), *UNWRAP)),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 2, **PH)),
        classes=(9,), pair="ju-payment-http409", page="BookWalkScreen", handled=True),
    Bug("ju-payment-http409", "walks-android", (jexc(f"{APP}.data.net.ApiException", "HTTP 409 from POST /v2/payments/intents", (*IO_RESUME, *suspend("data.PaymentRepository", "createIntent", 38), *UNWRAP)),),
        (see("sentry.error", 2), see("posthog", 2, **PH), see("posthog", **PH_DEBUG)),
        classes=(9,), pair="ju-bookings-http500", page="CheckoutFragment", handled=True),
    # Two Compose lists crashing on the same duplicate key: nearby walkers and past walks.
    Bug("ju-nearby-dupkey", "walks-android", (jexc("java.lang.IllegalArgumentException", 'Key "walker-{id}" was already used. If you are using LazyColumn/Row please make sure you provide a unique key for each item.', (*COMPOSE_ITEM, p("ui.nearby.NearbyWalkersKt$NearbyWalkers$1$1", "invoke", 71), ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutKeyIndexMap", "<init>", 64, "LazyLayoutKeyIndexMap.kt"))),),
        (see("sentry.error", 2, **CRASH), see("posthog", 2, **PH)),
        classes=(4, 10), pair="ju-history-dupkey", page="NearbyWalkers"),
    Bug("ju-history-dupkey", "walks-android", (jexc("java.lang.IllegalArgumentException", 'Key "walk-{id}" was already used. If you are using LazyColumn/Row please make sure you provide a unique key for each item.', (*COMPOSE_ITEM, p("ui.history.WalkHistoryKt$WalkHistory$1$1", "invoke", 49), ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutKeyIndexMap", "<init>", 64, "LazyLayoutKeyIndexMap.kt"))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("posthog", **PH)),
        classes=(4, 10), pair="ju-nearby-dupkey", page="WalkHistory"),
    # The walkers endpoint dropped a field: kotlinx serialization fails over three releases.
    Bug("ju-walker-missing-field", "walks-android", (jexc("kotlinx.serialization.MissingFieldException", MISSING_FIELD, (*IO_RESUME, *suspend("data.WalkerRepository", "nearby", 29), *DECODE)),),
        (see("sentry.error", 2, release=0), see("sentry.error", release=2), see("posthog", 2, **PH)),
        classes=(5,), page="NearbyWalkers", span=3, handled=True),
    # A fragment outliving its context after the chat socket reconnects; the method renamed in 3.8.
    Bug("ju-chat-detached", "walks-android", (jexc("java.lang.IllegalStateException", "Fragment ChatFragment{{{hex}}} (" + "{uuid}) not attached to a context.", (*MAIN_RESUME, *suspend("ui.chat.ChatFragment", "showTypingIndicator", 131), ktlib("androidx.fragment.app.Fragment", "requireContext", 972, "Fragment.java"))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", release=2, **CRASH), see("posthog", 2, **PH)),
        classes=(5,), page="ChatFragment", span=3, renames={"showTypingIndicator": "renderTyping"}),
    # A read timeout on the live walk tracking poll.
    Bug("ju-tracking-timeout", "walks-android", (jexc("java.net.SocketTimeoutException", "timeout", (*IO_RESUME, *suspend("data.TrackingRepository", "poll", 47), *OKHTTP_READ)),),
        (see("sentry.error", 2), see("posthog", 3, **PH)),
        page="LiveWalkScreen", handled=True),
    # Full-size walk photos decoded on the IO pool.
    Bug("ju-photo-oom", "walks-android", (jexc("java.lang.OutOfMemoryError", "Failed to allocate a {offset} byte allocation with {ms}00 free bytes and {n}MB until OOM, target footprint 201326592, growth limit 201326592", (*IO_RESUME, *suspend("ui.walk.WalkPhotosLoader", "decode", 36), jl("android.graphics.BitmapFactory", "decodeStream", 790), jl("android.graphics.BitmapFactory", "nativeDecodeStream", -2))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", **NOMAP), see("posthog", 2, **PH)),
        classes=(10,), page="WalkSummaryFragment"),
    # Location updates requested after the user revoked the permission in settings.
    Bug("ju-location-security", "walks-android", (jexc("java.lang.SecurityException", "uid {idx}0{n} does not have android.permission.ACCESS_COARSE_LOCATION or android.permission.ACCESS_FINE_LOCATION.", (*MAIN_RESUME, *suspend("ui.live.LiveWalkViewModel", "startTracking", 64), ktlib("com.google.android.gms.location.FusedLocationProviderClient", "requestLocationUpdates", 212, "FusedLocationProviderClient.java"), jl("android.os.Parcel", "createExceptionOrNull", 3069))),),
        (see("sentry.error", 3, **CRASH), see("sentry.issue"), see("posthog", **PH)),
        page="LiveWalkScreen"),
    Bug("ju-singleton-deeplink", "walks-android", (jexc("java.lang.IllegalArgumentException", "Navigation destination that matches request NavDeepLinkRequest{ uri=plumpton://walk/{id} } cannot be found in the navigation graph NavGraph(0x7f0a01c2) startDestination={" + APP + ":id/homeFragment}", (*MAIN_RESUME, p("MainActivity", "onNewIntent", 58), ktlib("androidx.navigation.NavController", "navigate", 1791, "NavController.kt"))),),
        (see("sentry.error", **CRASH),),
        singleton=True, page="MainActivity"),
]

PLUMPTON = Company(
    key="ju",
    name="Plumpton Paws",
    domain="plumptonpaws.example",
    sentry_org="plumpton-paws",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(60714, "Plumpton Paws Android"),
    releases=("3.7.0", "3.7.1", "3.8.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=[],
    sentry_secret="plumpton-sentry-client-secret",
)
# fmt: on
