"""(jc) Holmrook Buses, a regional bus operator's ticketing app: an iOS app in Swift
(``buses-ios``: UIKit screens for tickets and the timetable, SwiftUI for the journey planner,
MapKit for live bus positions, a QR ticket scanner on AVFoundation, passes in Apple Wallet, a
Core Data cache of timetables).

Sentry: sentry-cocoa 8 for crashes (Swift runtime traps, ``EXC_BAD_ACCESS``, uncaught
``NSException``s; symbolicated, but one build went out without its dSYMs, so some crashes show
bare addresses) and for handled errors through ``SentrySDK.capture(error:)`` in the app's
``Telemetry`` helper (the error's domain as the type, ``Code: n`` as the value). Alert rules for
new crashes. PostHog: posthog-ios's ``captureException`` from the same helper. No Splunk, no
Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# fmt: off
APP_RELEASES = ("uk.co.holmrookbuses.app@7.4.0+2210", "uk.co.holmrookbuses.app@7.4.1+2218", "uk.co.holmrookbuses.app@7.5.0+2240")
SERVICES = {
    "buses-ios": Service("buses-ios", "cocoa", "", "", "", "", 8610031, sdk=("sentry.cocoa", "8.36.0", "cocoapods:sentry-cocoa"), releases=APP_RELEASES),
}


def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"HolmrookBuses/{file}", line, "HolmrookBuses", True)


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
AVF = "/System/Library/Frameworks/AVFoundation.framework/AVFoundation"
DISPATCH = "/usr/lib/system/libdispatch.dylib"

MAIN = (
    ios("start", "/usr/lib/dyld"),
    sw("main", "AppDelegate.swift", 9),
    ios("UIApplicationMain", UIKIT),
    ios("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
)
TAP = (*MAIN, ios("-[UIApplication sendAction:to:from:forEvent:]", UIKIT), ios("-[UIControl sendAction:to:forEvent:]", UIKIT))
TABLE = (*MAIN, ios("_UIUpdateSequenceRun", UIKIT), ios("-[UITableView _updateVisibleCellsNow:]", UIKIT), ios("-[UITableView _createPreparedCellForGlobalRow:withIndexPath:willDisplay:]", UIKIT))
SWIFTUI_RENDER = (*MAIN, ios("__CFRunLoopDoObservers", CF), ios("ViewGraph.updateOutputs(at:)", SWIFTUI), ios("ViewBodyAccessor.updateBody(of:changed:)", SWIFTUI))
MAIN_QUEUE = (*MAIN, ios("__CFRUNLOOP_IS_SERVICING_THE_MAIN_DISPATCH_QUEUE__", CF), ios("_dispatch_main_queue_drain", DISPATCH), ios("_dispatch_client_callout", DISPATCH))
TASK = (
    ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", CONCURRENCY),
    ios("swift_job_runImpl(swift::Job*, swift::SerialExecutorRef)", CONCURRENCY),
)
TRAP = ios("_assertionFailure(_:_:file:line:flags:)", SWIFT_CORE)
THROW = (ios("objc_exception_throw", OBJC), ios("__exceptionPreprocess", CF))
TELEMETRY = sw("Telemetry.report(_:screen:)", "Support/Telemetry.swift", 33)
DECODE = (sw("BusAPI.fetch<A>(_:as:)", "Networking/BusAPI.swift", 71), ios("JSONDecoder.decode<A>(_:from:)", FOUNDATION))
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
OFFLINE = "Code: -1009"
CRASH_RULE = "New crash in Holmrook Buses"


def handled(*frames: Frame) -> tuple[Frame, ...]:
    """The reporting call's stack: a Swift concurrency task resumed on the main actor."""
    return (*MAIN, *TASK, *frames, TELEMETRY)


def type_mismatch(kind: str) -> str:
    return f"Expected to decode {kind} but found a string instead. (Code: 4864)"


BUGS = [
    # One force unwrap, two screens.
    Bug("jc-ticket-unwrap", "buses-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TAP, sw("TicketViewController.buyTapped(_:)", "Tickets/TicketViewController.swift", 112), sw("TicketViewController.selectedFare.getter", "Tickets/TicketViewController.swift", 64), TRAP)),),
        (see("sentry.error", release=0), see("sentry.error", 2, release=1), see("sentry.error", 2, release=2, raw=True), see("sentry.issue", release=1), see("sentry.alert", release=1, rule=CRASH_RULE)),
        classes=(4, 10), pair="jc-timetable-unwrap", span=3, renames={"TicketViewController.buyTapped(_:)": "TicketViewController.purchaseTapped(_:)"}),
    Bug("jc-timetable-unwrap", "buses-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TABLE, sw("TimetableViewController.tableView(_:cellForRowAt:)", "Timetable/TimetableViewController.swift", 88), sw("DepartureCell.configure(with:)", "Timetable/DepartureCell.swift", 41), TRAP)),),
        (see("sentry.error", 3, release=1), see("sentry.alert", release=1, rule=CRASH_RULE)),
        classes=(4,), pair="jc-ticket-unwrap"),
    # A string where a number was expected, through one decode helper: stops and fares.
    Bug("jc-stops-type-mismatch", "buses-ios", (Exc("NSCocoaErrorDomain", type_mismatch("Int"), handled(sw("StopsStore.load(near:)", "Planner/StopsStore.swift", 52), *DECODE)),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 3)),
        classes=(4, 9), pair="jc-fares-type-mismatch", handled=True, page="PlannerView"),
    Bug("jc-fares-type-mismatch", "buses-ios", (Exc("NSCocoaErrorDomain", type_mismatch("Decimal"), handled(sw("FaresStore.refresh(zone:)", "Tickets/FaresStore.swift", 29), *DECODE)),),
        (see("sentry.error", 2), see("posthog", 2)),
        classes=(4, 9), pair="jc-stops-type-mismatch", handled=True, page="TicketViewController"),
    # One annotation update, two exceptions.
    Bug("jc-live-bus-range", "buses-ios", (Exc("NSRangeException", "*** -[__NSArrayI objectAtIndexedSubscript:]: index {idx} beyond bounds [0 .. 1]", (*MAIN_QUEUE, sw("LiveBusesController.didReceive(_:)", "Map/LiveBusesController.swift", 57), sw("LiveBusAnnotationView.update(with:)", "Map/LiveBusAnnotationView.swift", 34), ios("-[__NSArrayI objectAtIndexedSubscript:]", CF), *THROW)),),
        (see("sentry.error", 3), see("sentry.error", release=2, raw=True), see("sentry.alert", rule=CRASH_RULE)),
        classes=(4, 10), pair="jc-live-bus-nsnull"),
    Bug("jc-live-bus-nsnull", "buses-ios", (Exc("NSInvalidArgumentException", "-[NSNull length]: unrecognized selector sent to instance 0x{hex}", (*MAIN_QUEUE, sw("LiveBusesController.didReceive(_:)", "Map/LiveBusesController.swift", 57), sw("LiveBusAnnotationView.update(with:)", "Map/LiveBusAnnotationView.swift", 39), ios("-[NSObject(NSObject) doesNotRecognizeSelector:]", CF), *THROW)),),
        (see("sentry.error", 2), see("sentry.issue")),
        classes=(4,), pair="jc-live-bus-range"),
    # Offline in two features: a purchase and the live departures board.
    Bug("jc-purchase-offline", "buses-ios", (Exc("NSURLErrorDomain", OFFLINE, handled(sw("CheckoutModel.pay(with:)", "Tickets/CheckoutModel.swift", 77), sw("BusAPI.send(_:)", "Networking/BusAPI.swift", 48))),),
        (see("sentry.error", 3), see("posthog", 2)),
        classes=(4,), pair="jc-departures-offline", handled=True, page="CheckoutView"),
    Bug("jc-departures-offline", "buses-ios", (Exc("NSURLErrorDomain", OFFLINE, handled(sw("DeparturesBoard.poll()", "Timetable/DeparturesBoard.swift", 23), sw("BusAPI.send(_:)", "Networking/BusAPI.swift", 48))),),
        (see("sentry.error", 2), see("posthog", 3)),
        classes=(4,), pair="jc-purchase-offline", handled=True, page="DeparturesView"),
    # Two crashes under one alert rule: the QR scanner and the fare capping.
    Bug("jc-scanner-bad-access", "buses-ios", (Exc("EXC_BAD_ACCESS", "KERN_INVALID_ADDRESS at 0x{hex}", (ios("_dispatch_call_block_and_release", DISPATCH), ios("-[AVCaptureMetadataOutput _processMetadataObjects:]", AVF), sw("QRScanner.metadataOutput(_:didOutput:from:)", "Scanner/QRScanner.swift", 61), ios("objc_msgSend", OBJC))),),
        (see("sentry.error", 2, release=1), see("sentry.error", release=2, raw=True), see("sentry.alert", 2, rule=CRASH_RULE)),
        classes=(2, 10), pair="jc-capping-divide", span=2),
    Bug("jc-capping-divide", "buses-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Division by zero", (*SWIFTUI_RENDER, sw("FareCapView.body.getter", "Tickets/FareCapView.swift", 27), sw("FareCap.progress(spent:)", "Tickets/FareCap.swift", 18), TRAP)),),
        (see("sentry.error", 2), see("sentry.alert", 2, rule=CRASH_RULE)),
        classes=(2,), pair="jc-scanner-bad-access"),
    # Not pairs.
    Bug("jc-table-inconsistency", "buses-ios", (Exc("NSInternalInconsistencyException", "Invalid update: invalid number of rows in section 0. The number of rows contained in an existing section after the update ({n}) must be equal to the number of rows contained in that section before the update ({idx}), plus or minus the number of rows inserted or deleted from that section (0 inserted, 1 deleted) and plus or minus the number of rows moved into or out of that section (0 moved in, 0 moved out).", (*MAIN_QUEUE, sw("SavedJourneysViewController.remove(at:)", "Journeys/SavedJourneysViewController.swift", 93), ios("-[UITableView deleteRowsAtIndexPaths:withRowAnimation:]", UIKIT), ios("-[UITableView _endCellAnimationsWithContext:]", UIKIT), *THROW)),),
        (see("sentry.error", 3), see("sentry.error", release=2, raw=True), see("sentry.issue")),
        classes=(10,)),
    Bug("jc-wallet-pass", "buses-ios", (Exc("PKPassKitErrorDomain", "Code: 1", handled(sw("WalletExporter.add(_:)", "Tickets/WalletExporter.swift", 45))),),
        (see("sentry.error", 2), see("posthog", 2)),
        handled=True, page="TicketDetailView"),
    Bug("jc-coredata-migration", "buses-ios", (Exc("NSCocoaErrorDomain", "Code: 134110", handled(sw("TimetableCache.open()", "Timetable/TimetableCache.swift", 31), ios("-[NSPersistentStoreCoordinator addPersistentStoreWithType:configuration:URL:options:error:]", "/System/Library/Frameworks/CoreData.framework/CoreData"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2)),
        classes=(5,), handled=True, page="LaunchView", span=2),
    Bug("jc-keychain-entitlement", "buses-ios", (Exc("NSOSStatusErrorDomain", "Code: -34018", handled(sw("AccountStore.loadToken()", "Account/AccountStore.swift", 26))),),
        (see("sentry.error", 3), see("posthog")),
        handled=True, page="AccountView"),
    Bug("jc-singleton-env-object", "buses-ios", (Exc("EXC_BREAKPOINT", "Fatal error: No ObservableObject of type TicketWallet found. A View.environmentObject(_:) for TicketWallet may be missing as an ancestor of this view.", (*SWIFTUI_RENDER, sw("WalletBadge.body.getter", "Planner/WalletBadge.swift", 14), ios("EnvironmentObject.error()", SWIFTUI), TRAP)),),
        (see("sentry.error"),),
        singleton=True),
]

NOISE = [
    Noise("jc-noise-crashfree", "buses-ios", "sentry.metric", {"rule": "Holmrook Buses crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "99.{n}"}),
    Noise("jc-noise-launch", "buses-ios", "sentry.metric", {"rule": "Holmrook Buses cold start p95", "aggregate": "p95(measurements.app_start_cold)", "dataset": "transactions", "action": "critical", "value": "2{idx}80.0"}),
]

HOLMROOK = Company(
    key="jc",
    name="Holmrook Buses",
    domain="holmrookbuses.example",
    sentry_org="holmrook-buses",
    splunk_url="",
    splunk_guid="",
    datadog_org=("861030", "Holmrook Buses"),
    datadog_template="recommended",
    posthog_project=(86103, "Holmrook Buses iOS"),
    releases=("7.4.0", "7.4.1", "7.5.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="holmrook-sentry-client-secret",
)
# fmt: on
