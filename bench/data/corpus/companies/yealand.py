"""(hg) Yealand Tides, a tide-table and harbour app for sailors: an iOS app in Swift and SwiftUI
(``tides-ios``: tide forecasts and charts, harbour and mooring pages, a logbook synced to the
company's API, Core Data offline store, MapKit overlays).

Sentry: sentry-cocoa 8 for crashes (Swift runtime traps, an ``EXC_BAD_ACCESS``, uncaught
``NSException``s; symbolicated, but one build shipped without its dSYMs) and for handled
errors through ``SentrySDK.capture(error:)`` in the app's ``ErrorReporter``: the error's
domain as the type (``NSCocoaErrorDomain`` for a bridged ``DecodingError``, the Swift type's
own domain for the app's enums, ``NSURLErrorDomain``), ``Code: n`` as the value after the
``NSDebugDescription`` where there is one. PostHog: posthog-ios's ``captureException`` in the
same reporter (symbols as ``dladdr`` gives them). No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# fmt: off
APP_RELEASES = ("uk.yealand.tides@5.2.0+812", "uk.yealand.tides@5.2.1+819", "uk.yealand.tides@5.3.0+840")
SERVICES = {
    "tides-ios": Service("tides-ios", "cocoa", "", "", "", "", 8260031, sdk=("sentry.cocoa", "8.40.1", "spm:sentry-cocoa"), releases=APP_RELEASES),
}


def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"YealandTides/{file}", line, "YealandTides", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
SWIFTUI = "/System/Library/Frameworks/SwiftUI.framework/SwiftUI"
SWIFT_CORE = "/usr/lib/swift/libswiftCore.dylib"
CONCURRENCY = "/usr/lib/swift/libswift_Concurrency.dylib"
FOUNDATION = "/System/Library/Frameworks/Foundation.framework/Foundation"
OBJC = "/usr/lib/libobjc.A.dylib"
MAPKIT = "/System/Library/Frameworks/MapKit.framework/MapKit"
AVFAUDIO = "/System/Library/Frameworks/AVFAudio.framework/AVFAudio"

MAIN = (
    ios("start", "/usr/lib/dyld"),
    sw("static YealandTidesApp.$main()", "App/YealandTidesApp.swift", 12),
    ios("UIApplicationMain", UIKIT),
    ios("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
)
TAP = (*MAIN, ios("-[UIApplication sendEvent:]", UIKIT), ios("ButtonAction.callAsFunction()", SWIFTUI))
RENDER = (*MAIN, ios("__CFRunLoopDoObservers", CF), ios("ViewGraph.updateOutputs(at:)", SWIFTUI))
TASK = (
    ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", CONCURRENCY),
    ios("swift_job_runImpl(swift::Job*, swift::SerialExecutorRef)", CONCURRENCY),
)
TRAP = ios("_assertionFailure(_:_:file:line:flags:)", SWIFT_CORE)
THROW = (ios("-[__NSArrayM objectAtIndex:]", CF), ios("objc_exception_throw", OBJC), ios("__exceptionPreprocess", CF))
THROW_DICT = (ios("-[__NSPlaceholderDictionary initWithObjects:forKeys:count:]", CF), ios("objc_exception_throw", OBJC), ios("__exceptionPreprocess", CF))
REPORTER = sw("ErrorReporter.capture(_:context:)", "Support/ErrorReporter.swift", 27)
DECODE = (sw("APIClient.decode(_:from:)", "Networking/APIClient.swift", 88), ios("JSONDecoder.decode<A>(_:from:)", FOUNDATION))
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
TIMEOUT = "Code: -1001"


def handled(*frames: Frame) -> tuple[Frame, ...]:
    """The reporting call's stack: a Swift concurrency task resumed on the main actor."""
    return (*MAIN, *TASK, *frames, REPORTER)


def key_not_found(key: str) -> str:
    return f'No value associated with key CodingKeys(stringValue: "{key}", intValue: nil) ("{key}"). (Code: 4865)'


BUGS = [
    # keyNotFound through one decode helper: the tide forecast and the sunrise times.
    Bug("hg-forecast-key-not-found", "tides-ios", (Exc("NSCocoaErrorDomain", key_not_found("heightMetres"), handled(sw("TideForecastStore.load(port:)", "Forecast/TideForecastStore.swift", 54), *DECODE)),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("posthog", 3)),
        classes=(4, 9, 5), pair="hg-sunrise-key-not-found", handled=True, page="ForecastView", span=3, renames={"TideForecastStore.load(port:)": "TideForecastStore.refresh(port:)"}),
    Bug("hg-sunrise-key-not-found", "tides-ios", (Exc("NSCocoaErrorDomain", key_not_found("sunriseAt"), handled(sw("AstronomyStore.refresh(for:)", "Forecast/AstronomyStore.swift", 31), *DECODE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", 2)),
        classes=(4, 9), pair="hg-forecast-key-not-found", handled=True, page="ForecastView"),
    # One force unwrap message on two screens.
    Bug("hg-harbour-unwrap", "tides-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TAP, sw("closure #2 in HarbourDetailView.body.getter", "Harbours/HarbourDetailView.swift", 73), sw("HarbourModel.callHarbourMaster()", "Harbours/HarbourModel.swift", 41), TRAP)),),
        (see("sentry.error", release=0), see("sentry.error", 2, release=1), see("sentry.error", 2, release=2, raw=True), see("sentry.issue", release=1)),
        classes=(4, 10), pair="hg-mooring-unwrap", span=3),
    Bug("hg-mooring-unwrap", "tides-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TAP, sw("closure #1 in MooringBookingView.body.getter", "Moorings/MooringBookingView.swift", 58), sw("MooringBookingModel.confirm()", "Moorings/MooringBookingModel.swift", 92), TRAP)),),
        (see("sentry.error", 2, release=1), see("sentry.alert", release=1, rule="New crash in Yealand Tides")),
        classes=(4,), pair="hg-harbour-unwrap"),
    # Index out of range in the tide chart and the tide table.
    Bug("hg-chart-index", "tides-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Index out of range", (*RENDER, sw("TideChartView.point(at:)", "Forecast/TideChartView.swift", 118), ios("Array.subscript.getter", SWIFT_CORE), TRAP)),),
        (see("sentry.error", 2, release=2), see("sentry.error", release=2, raw=True), see("sentry.issue", release=2)),
        classes=(4, 10), pair="hg-table-index"),
    Bug("hg-table-index", "tides-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Index out of range", (*RENDER, sw("TideTableView.row(at:)", "Forecast/TideTableView.swift", 64), ios("Array.subscript.getter", SWIFT_CORE), TRAP)),),
        (see("sentry.error", 3, release=1), see("sentry.alert", release=1, rule="New crash in Yealand Tides")),
        classes=(4,), pair="hg-chart-index"),
    # The map overlay renderer: an array index and a nil in a dictionary literal.
    Bug("hg-overlay-range", "tides-ios", (Exc("NSRangeException", "*** -[__NSArrayM objectAtIndex:]: index {idx} beyond bounds [0 .. 1]", (*MAIN, ios("-[MKOverlayRenderer _drawMapRect:zoomScale:inContext:]", MAPKIT), sw("CurrentArrowsRenderer.draw(_:zoomScale:in:)", "Map/CurrentArrowsRenderer.swift", 46), *THROW)),),
        (see("sentry.error", 3), see("sentry.issue")),
        classes=(4,), pair="hg-overlay-nil-object"),
    Bug("hg-overlay-nil-object", "tides-ios", (Exc("NSInvalidArgumentException", "*** -[__NSPlaceholderDictionary initWithObjects:forKeys:count:]: attempt to insert nil object from objects[{idx}]", (*MAIN, ios("-[MKOverlayRenderer _drawMapRect:zoomScale:inContext:]", MAPKIT), sw("CurrentArrowsRenderer.draw(_:zoomScale:in:)", "Map/CurrentArrowsRenderer.swift", 52), *THROW_DICT)),),
        (see("sentry.error", 2), see("sentry.alert", rule="New crash in Yealand Tides")),
        classes=(4,), pair="hg-overlay-range"),
    # A request timing out, handled and reported: the forecast refresh and the logbook upload.
    Bug("hg-forecast-timeout", "tides-ios", (Exc("NSURLErrorDomain", TIMEOUT, handled(sw("ForecastRefresher.run()", "Forecast/ForecastRefresher.swift", 39), sw("APIClient.send(_:)", "Networking/APIClient.swift", 61))),),
        (see("sentry.error", 3), see("posthog", 2)),
        classes=(4,), pair="hg-logbook-timeout", handled=True, page="ForecastView"),
    Bug("hg-logbook-timeout", "tides-ios", (Exc("NSURLErrorDomain", TIMEOUT, handled(sw("LogbookUploader.upload(_:)", "Logbook/LogbookUploader.swift", 73), sw("APIClient.upload(_:file:)", "Networking/APIClient.swift", 104))),),
        (see("sentry.error", 2), see("posthog", 3)),
        classes=(4,), pair="hg-forecast-timeout", handled=True, page="LogbookView"),
    # The app's own error enum: a tide station the API no longer knows.
    Bug("hg-station-retired", "tides-ios", (Exc("YealandTides.TideAPIError", "Code: 3", handled(sw("StationPicker.select(_:)", "Stations/StationPicker.swift", 47), sw("StationsStore.station(id:)", "Stations/StationsStore.swift", 29))),),
        (see("sentry.error", 3), see("posthog", 2), see("sentry.issue")),
        handled=True, page="StationPickerView"),
    # Core Data merge conflict saving the offline logbook.
    Bug("hg-coredata-merge", "tides-ios", (Exc("NSCocoaErrorDomain", "Code: 133020", handled(sw("LogbookStore.save()", "Logbook/LogbookStore.swift", 88), ios("-[NSManagedObjectContext save:]", "/System/Library/Frameworks/CoreData.framework/CoreData"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2)),
        classes=(5,), handled=True, page="LogbookView", span=2),
    # A price that is a string in one marina's feed.
    Bug("hg-marina-type-mismatch", "tides-ios", (Exc("NSCocoaErrorDomain", "Expected to decode Double but found a string instead. (Code: 4864)", handled(sw("MarinaStore.prices(for:)", "Moorings/MarinaStore.swift", 36), *DECODE)),),
        (see("sentry.error", 2), see("posthog", 2)),
        classes=(9,), handled=True, page="MarinaView"),
    # The tide alarm's audio player freed while its completion ran.
    Bug("hg-alarm-bad-access", "tides-ios", (Exc("EXC_BAD_ACCESS", "KERN_INVALID_ADDRESS at 0x{hex}", (*MAIN, ios("-[AVAudioPlayer finishedPlaying:]", AVFAUDIO), sw("TideAlarmPlayer.audioPlayerDidFinishPlaying(_:successfully:)", "Alarms/TideAlarmPlayer.swift", 58), ios("objc_msgSend", OBJC))),),
        (see("sentry.error", 2, release=1), see("sentry.error", release=2, raw=True), see("sentry.issue", release=1)),
        classes=(10,), span=2),
    # The keychain lost the session after a device restore.
    Bug("hg-keychain-missing", "tides-ios", (Exc("NSOSStatusErrorDomain", "Code: -25300", handled(sw("SessionStore.restore()", "Account/SessionStore.swift", 22))),),
        (see("sentry.error", 2), see("posthog", 2)),
        handled=True, page="LaunchView"),
    # Seen once: StoreKit's purchase sheet failing with an unknown error.
    Bug("hg-storekit-unknown", "tides-ios", (Exc("SKErrorDomain", "Code: 0", handled(sw("PremiumStore.purchase(_:)", "Premium/PremiumStore.swift", 61))),),
        (see("sentry.error"),),
        singleton=True, handled=True, page="PremiumView"),
]

NOISE = [
    Noise("hg-noise-crashfree", "tides-ios", "sentry.metric", {"rule": "Yealand Tides crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "99.{n}"}),
    Noise("hg-noise-app-start", "tides-ios", "sentry.metric", {"rule": "Yealand Tides cold start p95", "aggregate": "p95(measurements.app_start_cold)", "dataset": "transactions", "action": "critical", "value": "3{idx}41.0"}),
]

YEALAND = Company(
    key="hg",
    name="Yealand Tides",
    domain="yealand.example",
    sentry_org="yealand",
    splunk_url="https://yealand.splunkcloud.com",
    splunk_guid="4F1C8B27-D093-4A6E-8B5D-2E7A90C3F614",
    datadog_org=("826003", "Yealand Tides"),
    datadog_template="recommended",
    posthog_project=(82603, "Yealand Tides iOS"),
    releases=("5.2.0", "5.2.1", "5.3.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yealand-sentry-client-secret",
)
# fmt: on
