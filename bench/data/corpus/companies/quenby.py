"""(lh) Quenby Gardens, a garden centre chain's plant-care app: an iOS app in Swift and SwiftUI
(``plants-ios``: the plant library and each plant's page, watering schedules with local
notifications, a camera plant identifier on Vision, photo diaries uploaded to the API, a
Core Data store synced with the account, a StoreKit 2 subscription, a home-screen widget).

Sentry: sentry-cocoa 8 for crashes (Swift runtime traps, ``EXC_BAD_ACCESS``, uncaught
``NSException``s; symbolicated from uploaded dSYMs, but the 4.3.0 build went out without them,
so its crashes show bare addresses) and for handled errors through ``SentrySDK.capture(error:)``
in the app's ``ErrorReporter`` (the NSError domain as the type, ``Code: n`` as the value). Alert
rules for new crashes. PostHog: posthog-ios's ``captureException`` from the same reporter. No
Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# fmt: off
APP_RELEASES = ("uk.co.quenbygardens.plants@4.2.0+318", "uk.co.quenbygardens.plants@4.2.1+324", "uk.co.quenbygardens.plants@4.3.0+341")
SERVICES = {
    "plants-ios": Service("plants-ios", "cocoa", "", "", "", "", 10510031, sdk=("sentry.cocoa", "8.40.1", "spm:getsentry/sentry-cocoa"), releases=APP_RELEASES),
}


def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"QuenbyPlants/{file}", line, "QuenbyPlants", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
SWIFTUI = "/System/Library/Frameworks/SwiftUI.framework/SwiftUI"
SWIFT_CORE = "/usr/lib/swift/libswiftCore.dylib"
CONCURRENCY = "/usr/lib/swift/libswift_Concurrency.dylib"
FOUNDATION = "/System/Library/Frameworks/Foundation.framework/Foundation"
COREDATA = "/System/Library/Frameworks/CoreData.framework/CoreData"
OBJC = "/usr/lib/libobjc.A.dylib"
VISION = "/System/Library/Frameworks/Vision.framework/Vision"
DISPATCH = "/usr/lib/system/libdispatch.dylib"
WIDGETKIT = "/System/Library/Frameworks/WidgetKit.framework/WidgetKit"

MAIN = (
    ios("start", "/usr/lib/dyld"),
    sw("QuenbyPlantsApp.$main()", "QuenbyPlantsApp.swift", 12),
    ios("static App.main()", SWIFTUI),
    ios("UIApplicationMain", UIKIT),
    ios("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
)
RENDER = (*MAIN, ios("__CFRunLoopDoObservers", CF), ios("ViewGraph.updateOutputs(at:)", SWIFTUI), ios("ViewBodyAccessor.updateBody(of:changed:)", SWIFTUI))
LIST = (*RENDER, ios("ForEachState.item(at:offset:)", SWIFTUI), ios("ForEachChild.updateValue()", SWIFTUI))
TAP = (*MAIN, ios("-[UIApplication sendEvent:]", UIKIT), ios("ButtonAction.callAsFunction()", SWIFTUI))
MAIN_QUEUE = (*MAIN, ios("__CFRUNLOOP_IS_SERVICING_THE_MAIN_DISPATCH_QUEUE__", CF), ios("_dispatch_main_queue_drain", DISPATCH), ios("_dispatch_client_callout", DISPATCH))
BACKGROUND = (ios("_pthread_wqthread", "/usr/lib/system/libsystem_pthread.dylib"), ios("_dispatch_workloop_worker_thread", DISPATCH), ios("_dispatch_client_callout", DISPATCH))
TASK = (
    ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", CONCURRENCY),
    ios("swift_job_runImpl(swift::Job*, swift::SerialExecutorRef)", CONCURRENCY),
)
TRAP = ios("_assertionFailure(_:_:file:line:flags:)", SWIFT_CORE)
THROW = (ios("objc_exception_throw", OBJC), ios("__exceptionPreprocess", CF))
REPORTER = sw("ErrorReporter.report(_:context:)", "Support/ErrorReporter.swift", 27)
DECODE = (sw("PlantAPI.get<A>(_:as:)", "Networking/PlantAPI.swift", 64), ios("JSONDecoder.decode<A>(_:from:)", FOUNDATION))
SAVE = (sw("PersistenceController.save(_:)", "Storage/PersistenceController.swift", 48), ios("-[NSManagedObjectContext save:]", COREDATA))
UPLOAD = sw("PlantAPI.upload(_:to:)", "Networking/PlantAPI.swift", 102)
PLANNER = "Watering/WateringPlanner.swift"
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
OFFLINE = "Code: -1009"
MISSING_KEY = "The data couldn\u2019t be read because it is missing. (Code: 4865)"
CRASH_RULE = "New crash in Quenby Plants"


def handled(*frames: Frame) -> tuple[Frame, ...]:
    """The reporting call's stack: a Swift concurrency task resumed on the main actor."""
    return (*MAIN, *TASK, *frames, REPORTER)


BUGS = [
    # One force unwrap, two screens: the plant page and the reminders list.
    Bug("lh-plant-page-unwrap", "plants-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*RENDER, sw("PlantDetailView.body.getter", "Library/PlantDetailView.swift", 58), sw("PlantDetailView.careCard.getter", "Library/PlantDetailView.swift", 91), TRAP)),),
        (see("sentry.error", release=0), see("sentry.error", 2, release=1), see("sentry.error", 2, release=2, raw=True), see("sentry.issue", release=1), see("sentry.alert", release=1, rule=CRASH_RULE)),
        classes=(4, 5, 10), pair="lh-reminder-row-unwrap", span=3, renames={"PlantDetailView.careCard.getter": "PlantDetailView.careSummary.getter"}),
    Bug("lh-reminder-row-unwrap", "plants-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*LIST, sw("ReminderRow.body.getter", "Watering/ReminderRow.swift", 33), sw("Reminder.plantName.getter", "Model/Reminder+Display.swift", 14), TRAP)),),
        (see("sentry.error", 3, release=1), see("sentry.alert", release=1, rule=CRASH_RULE)),
        classes=(4,), pair="lh-plant-page-unwrap"),
    # A missing key through one decode helper: the care schedule and the species search.
    Bug("lh-schedule-missing-key", "plants-ios", (Exc("NSCocoaErrorDomain", MISSING_KEY, handled(sw("ScheduleStore.refresh(for:)", "Watering/ScheduleStore.swift", 41), *DECODE)),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 3)),
        classes=(4, 9), pair="lh-species-missing-key", handled=True, page="WateringScheduleView"),
    Bug("lh-species-missing-key", "plants-ios", (Exc("NSCocoaErrorDomain", MISSING_KEY, handled(sw("SpeciesSearchModel.search(_:)", "Library/SpeciesSearchModel.swift", 37), *DECODE)),),
        (see("sentry.error", 2), see("posthog", 2)),
        classes=(4, 9), pair="lh-schedule-missing-key", handled=True, page="SpeciesSearchView"),
    # Offline in two features: diary photo upload and account sync.
    Bug("lh-diary-upload-offline", "plants-ios", (Exc("NSURLErrorDomain", OFFLINE, handled(sw("DiaryEntryModel.publish()", "Diary/DiaryEntryModel.swift", 66), UPLOAD)),),
        (see("sentry.error", 3), see("posthog", 2)),
        classes=(4,), pair="lh-account-sync-offline", handled=True, page="DiaryComposerView"),
    Bug("lh-account-sync-offline", "plants-ios", (Exc("NSURLErrorDomain", OFFLINE, handled(sw("SyncEngine.pushChanges()", "Storage/SyncEngine.swift", 88), sw("PlantAPI.send(_:)", "Networking/PlantAPI.swift", 49))),),
        (see("sentry.error", 2), see("posthog", 3)),
        classes=(4,), pair="lh-diary-upload-offline", handled=True, page="SettingsView"),
    # One watering planner function, two different traps.
    Bug("lh-planner-index", "plants-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Index out of range", (*RENDER, sw("NextWateringBadge.body.getter", "Watering/NextWateringBadge.swift", 21), sw("WateringPlanner.nextDate(after:)", PLANNER, 47), ios("_ArrayBuffer._checkInoutAndNativeTypeCheckedBounds(_:wasNativeTypeChecked:)", SWIFT_CORE), TRAP)),),
        (see("sentry.error", 3), see("sentry.error", release=2, raw=True), see("sentry.alert", rule=CRASH_RULE)),
        classes=(4, 10), pair="lh-planner-divide"),
    Bug("lh-planner-divide", "plants-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Division by zero", (*RENDER, sw("NextWateringBadge.body.getter", "Watering/NextWateringBadge.swift", 21), sw("WateringPlanner.nextDate(after:)", PLANNER, 52), TRAP)),),
        (see("sentry.error", 3), see("sentry.issue"), see("sentry.alert", rule=CRASH_RULE)),
        classes=(4,), pair="lh-planner-index"),
    # Two crashes under one alert rule: the camera identifier and the widget.
    Bug("lh-identifier-bad-access", "plants-ios", (Exc("EXC_BAD_ACCESS", "KERN_INVALID_ADDRESS at 0x{hex}", (*BACKGROUND, ios("-[VNImageRequestHandler performRequests:error:]", VISION), sw("PlantIdentifier.classify(_:)", "Identify/PlantIdentifier.swift", 73), ios("objc_msgSend", OBJC))),),
        (see("sentry.error", 2, release=1), see("sentry.error", release=2, raw=True), see("sentry.alert", 2, rule=CRASH_RULE)),
        classes=(2, 10), pair="lh-widget-timeline-trap", span=2),
    Bug("lh-widget-timeline-trap", "plants-ios", (Exc("EXC_BREAKPOINT", "Fatal error: 'try!' expression unexpectedly raised an error: Swift.DecodingError.dataCorrupted(Swift.DecodingError.Context(codingPath: [], debugDescription: \"The given data was not valid JSON.\", underlyingError: nil))", (ios("_dispatch_call_block_and_release", DISPATCH), ios("-[CHSTimelineController reload]", WIDGETKIT), sw("WateringProvider.getTimeline(in:completion:)", "Widget/WateringProvider.swift", 29), sw("SharedDefaults.loadDueToday()", "Widget/SharedDefaults.swift", 17), TRAP)),),
        (see("sentry.error", 2), see("sentry.alert", 2, rule=CRASH_RULE)),
        classes=(2,), pair="lh-identifier-bad-access"),
    # One Core Data save helper, two errors.
    Bug("lh-coredata-merge-conflict", "plants-ios", (Exc("NSCocoaErrorDomain", "Code: 133020", handled(sw("DiaryStore.addEntry(_:)", "Diary/DiaryStore.swift", 52), *SAVE)),),
        (see("sentry.error", 3), see("posthog", 2)),
        classes=(4, 9), pair="lh-coredata-validation", handled=True, page="DiaryComposerView"),
    Bug("lh-coredata-validation", "plants-ios", (Exc("NSCocoaErrorDomain", "Code: 1570", handled(sw("PlantStore.rename(_:to:)", "Library/PlantStore.swift", 39), *SAVE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", 2)),
        classes=(4, 9), pair="lh-coredata-merge-conflict", handled=True, page="PlantDetailView"),
    # Not pairs.
    Bug("lh-array-mutated", "plants-ios", (Exc("NSGenericException", "*** Collection <__NSArrayM: 0x{hex}> was mutated while being enumerated.", (*MAIN_QUEUE, sw("NotificationScheduler.rescheduleAll()", "Watering/NotificationScheduler.swift", 62), ios("-[__NSArrayM countByEnumeratingWithState:objects:count:]", CF), *THROW)),),
        (see("sentry.error", 3), see("sentry.error", release=2, raw=True), see("sentry.issue")),
        classes=(10,)),
    Bug("lh-storekit-unknown", "plants-ios", (Exc("SKErrorDomain", "Code: 0", handled(sw("SubscriptionModel.purchase(_:)", "Premium/SubscriptionModel.swift", 44))),),
        (see("sentry.error", 2), see("posthog", 3)),
        handled=True, page="PremiumPaywallView"),
    Bug("lh-notifications-denied", "plants-ios", (Exc("UNErrorDomain", "Code: 1", handled(sw("NotificationScheduler.requestAuthorization()", "Watering/NotificationScheduler.swift", 21))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2)),
        classes=(5,), handled=True, page="OnboardingRemindersView", span=2),
    Bug("lh-photo-too-large", "plants-ios", (Exc("NSURLErrorDomain", "Code: -1103", handled(sw("DiaryEntryModel.publish()", "Diary/DiaryEntryModel.swift", 66), UPLOAD)),),
        (see("sentry.error", 2), see("posthog", 2)),
        handled=True, page="DiaryComposerView"),
    Bug("lh-singleton-env-object", "plants-ios", (Exc("EXC_BREAKPOINT", "Fatal error: No ObservableObject of type GardenSession found. A View.environmentObject(_:) for GardenSession may be missing as an ancestor of this view.", (*RENDER, sw("GardenHeader.body.getter", "Library/GardenHeader.swift", 11), ios("EnvironmentObject.error()", SWIFTUI), TRAP)),),
        (see("sentry.error"),),
        singleton=True),
]

NOISE = [
    Noise("lh-noise-crashfree", "plants-ios", "sentry.metric", {"rule": "Quenby Plants crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "99.{n}"}),
    Noise("lh-noise-app-hang", "plants-ios", "sentry.metric", {"rule": "Quenby Plants slow frames p75", "aggregate": "p75(measurements.frames_slow_rate)", "dataset": "transactions", "action": "warning", "value": "0.{n}"}),
]

QUENBY = Company(
    key="lh",
    name="Quenby Gardens",
    domain="quenbygardens.example",
    sentry_org="quenby-gardens",
    splunk_url="",
    splunk_guid="",
    datadog_org=("1051003", "Quenby Gardens"),
    datadog_template="recommended",
    posthog_project=(105103, "Quenby Plants iOS"),
    releases=("4.2.0", "4.2.1", "4.3.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quenby-sentry-client-secret",
)
# fmt: on
