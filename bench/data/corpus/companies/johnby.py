"""(nm) Johnby Money, a household-budgeting app: an iOS app in Swift (``money-ios``: SwiftUI
budgets and goals, a UIKit transactions list, Swift Charts, a receipt scanner on VisionKit,
bill splitting, Open Banking account links, Core Data storage, background sync).

Sentry: sentry-cocoa 8 for crashes (Swift runtime traps, ``EXC_BAD_ACCESS``, uncaught
``NSException``s) and for handled errors through ``SentrySDK.capture(error:)`` in the app's
``ErrorReporter`` (the NSError domain, or a bridged Swift error's ``Module.Type``, as the type
and ``Code: n`` as the value). Three releases; 4.3.0 went out without its dSYMs, so its crashes
show bare addresses. The same reporter sends handled errors to posthog-ios's
``captureException``, to Datadog through dd-sdk-ios's logger (a log monitor over all handled
errors) and to the team's client-log endpoint, whose API writes them to Splunk HEC (one saved
search over all of them): all four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# fmt: off
APP_RELEASES = ("uk.co.johnbymoney.app@4.2.0+388", "uk.co.johnbymoney.app@4.2.1+395", "uk.co.johnbymoney.app@4.3.0+412")
SERVICES = {
    "money-ios": Service("money-ios", "cocoa", "nm-relay", "johnby:client-log", "client-logs-api", "johnby_app", 12430011, sdk=("sentry.cocoa", "8.40.1", "spm:getsentry/sentry-cocoa"), releases=APP_RELEASES),
}


def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"JohnbyMoney/{file}", line, "JohnbyMoney", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
SWIFTUI = "/System/Library/Frameworks/SwiftUI.framework/SwiftUI"
SWIFT_CORE = "/usr/lib/swift/libswiftCore.dylib"
CONCURRENCY = "/usr/lib/swift/libswift_Concurrency.dylib"
FOUNDATION = "/System/Library/Frameworks/Foundation.framework/Foundation"
OBJC = "/usr/lib/libobjc.A.dylib"
DISPATCH = "/usr/lib/system/libdispatch.dylib"
CHARTS = "/System/Library/Frameworks/Charts.framework/Charts"
VISIONKIT = "/System/Library/Frameworks/VisionKit.framework/VisionKit"

MAIN = (
    ios("start", "/usr/lib/dyld"),
    sw("JohnbyMoneyApp.$main()", "JohnbyMoneyApp.swift", 12),
    ios("UIApplicationMain", UIKIT),
    ios("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
)
SWIFTUI_RENDER = (*MAIN, ios("__CFRunLoopDoObservers", CF), ios("ViewGraph.updateOutputs(at:)", SWIFTUI), ios("ViewBodyAccessor.updateBody(of:changed:)", SWIFTUI))
TAP = (*MAIN, ios("-[UIApplication sendAction:to:from:forEvent:]", UIKIT), ios("ButtonAction.callAsFunction()", SWIFTUI))
MAIN_QUEUE = (*MAIN, ios("__CFRUNLOOP_IS_SERVICING_THE_MAIN_DISPATCH_QUEUE__", CF), ios("_dispatch_main_queue_drain", DISPATCH), ios("_dispatch_client_callout", DISPATCH))
TASK = (
    ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", CONCURRENCY),
    ios("swift_job_runImpl(swift::Job*, swift::SerialExecutorRef)", CONCURRENCY),
)
TRAP = ios("_assertionFailure(_:_:file:line:flags:)", SWIFT_CORE)
THROW = (ios("objc_exception_throw", OBJC), ios("__exceptionPreprocess", CF))
REPORTER = sw("ErrorReporter.report(_:context:)", "Support/ErrorReporter.swift", 41)
DECODE = (sw("APIClient.get<A>(_:as:)", "Networking/APIClient.swift", 88), ios("JSONDecoder.decode<A>(_:from:)", FOUNDATION))
SEND = sw("APIClient.send(_:)", "Networking/APIClient.swift", 57)
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
CRASH_RULE = "New crash in Johnby Money"
RAW = dict(release=2, raw=True)

SEARCH = dict(search="Johnby app - client errors", owner="mobile", app="johnby_mobile")
DD = dict(team="mobile", monitor="[money-ios] handled errors", format="nm-ddlogs", filter="service:money-ios status:error", text="{{log.attributes.message}}\n\nerror.kind: {{log.attributes.error.kind}}\nerror.message: {{log.attributes.error.message}}")


def handled(*frames: Frame) -> tuple[Frame, ...]:
    """The reporting call's stack: a Swift concurrency task resumed on the main actor."""
    return (*MAIN, *TASK, *frames, REPORTER)


def four(sentry: int, posthog: int, splunk: int, datadog: int, **extra: object) -> tuple[object, ...]:
    """A handled error as the reporter sends it to every tool."""
    out: list[object] = [see("sentry.error", sentry)]
    if posthog:
        out.append(see("posthog", posthog))
    if splunk:
        out.append(see("splunk", splunk, **SEARCH))
    if datadog:
        out.append(see("datadog.log", datadog, **DD))
    return tuple(out)


BUGS = [
    # 1. One force unwrap message, two screens.
    Bug("nm-budget-unwrap", "money-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*SWIFTUI_RENDER, sw("BudgetDetailView.body.getter", "Budgets/BudgetDetailView.swift", 47), sw("Budget.remaining.getter", "Budgets/Budget.swift", 31), TRAP)),),
        (see("sentry.error", release=0), see("sentry.error", 2, release=1), see("sentry.error", 2, **RAW), see("sentry.alert", release=1, rule=CRASH_RULE)),
        classes=(4, 5, 10), pair="nm-goal-unwrap", span=3),
    Bug("nm-goal-unwrap", "money-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TAP, sw("GoalEditor.save()", "Goals/GoalEditor.swift", 72), sw("SavingsGoal.init(draft:)", "Goals/SavingsGoal.swift", 25), TRAP)),),
        (see("sentry.error", 3, release=1), see("sentry.issue", release=1)),
        classes=(4,), pair="nm-budget-unwrap"),
    # 2. Bad memory access in two places under one crash rule.
    Bug("nm-chart-bad-access", "money-ios", (Exc("EXC_BAD_ACCESS", "KERN_INVALID_ADDRESS at 0x{hex}", (*SWIFTUI_RENDER, sw("SpendingChart.body.getter", "Insights/SpendingChart.swift", 38), ios("ChartContentRenderContext.render(_:)", CHARTS), ios("swift_retain", SWIFT_CORE))),),
        (see("sentry.error", 2, release=1), see("sentry.error", **RAW), see("sentry.alert", 2, rule=CRASH_RULE)),
        classes=(10,), pair="nm-scanner-bad-access", span=2),
    Bug("nm-scanner-bad-access", "money-ios", (Exc("EXC_BAD_ACCESS", "KERN_INVALID_ADDRESS at 0x{hex}", (ios("_dispatch_call_block_and_release", DISPATCH), ios("-[VNDocumentCameraViewController _didFinishWithScan:]", VISIONKIT), sw("ReceiptScanner.documentCameraViewController(_:didFinishWith:)", "Receipts/ReceiptScanner.swift", 54), ios("objc_msgSend", OBJC))),),
        (see("sentry.error", 2), see("sentry.alert", 2, rule=CRASH_RULE)),
        classes=(4,), pair="nm-chart-bad-access"),
    # 3. One split function, two runtime traps.
    Bug("nm-split-index", "money-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Index out of range", (*TAP, sw("SplitBillView.confirm()", "Split/SplitBillView.swift", 91), sw("SplitCalculator.share(of:for:)", "Split/SplitCalculator.swift", 22), ios("_ArrayBuffer._checkInoutAndNativeTypeCheckedBounds(_:wasNativeTypeChecked:)", SWIFT_CORE), TRAP)),),
        (see("sentry.error", 3), see("sentry.error", **RAW), see("sentry.issue")),
        classes=(4, 10), pair="nm-split-divide"),
    Bug("nm-split-divide", "money-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Division by zero", (*TAP, sw("SplitBillView.confirm()", "Split/SplitBillView.swift", 91), sw("SplitCalculator.share(of:for:)", "Split/SplitCalculator.swift", 19), TRAP)),),
        (see("sentry.error", 2), see("sentry.alert", rule=CRASH_RULE)),
        classes=(4,), pair="nm-split-index"),
    # 4. Offline in two features (handled, every tool).
    Bug("nm-sync-offline", "money-ios", (Exc("NSURLErrorDomain", "Code: -1009", handled(sw("SyncEngine.pullTransactions(since:)", "Sync/SyncEngine.swift", 64), SEND)),),
        four(2, 2, 2, 2),
        classes=(2, 4), pair="nm-export-offline", handled=True, log="transaction sync failed", page="TransactionsView"),
    Bug("nm-export-offline", "money-ios", (Exc("NSURLErrorDomain", "Code: -1009", handled(sw("ExportModel.emailStatement(month:)", "Export/ExportModel.swift", 40), SEND)),),
        four(2, 1, 2, 1),
        classes=(2, 4), pair="nm-sync-offline", handled=True, log="statement export failed", page="ExportView"),
    # 5. A number sent as a string, through one decode helper: accounts and exchange rates.
    Bug("nm-accounts-decode", "money-ios", (Exc("NSCocoaErrorDomain", "Expected to decode Int but found a string instead. (Code: 4864)", handled(sw("AccountsStore.refresh()", "Accounts/AccountsStore.swift", 33), *DECODE)),),
        four(3, 2, 1, 1),
        classes=(2, 4, 9), pair="nm-rates-decode", handled=True, log="accounts refresh failed", page="AccountsView"),
    Bug("nm-rates-decode", "money-ios", (Exc("NSCocoaErrorDomain", "Expected to decode Decimal but found a string instead. (Code: 4864)", handled(sw("RatesStore.load(base:)", "Travel/RatesStore.swift", 27), *DECODE)),),
        four(2, 2, 1, 1),
        classes=(2, 4, 9), pair="nm-accounts-decode", handled=True, log="exchange rates load failed", page="TravelModeView"),
    # Not pairs.
    Bug("nm-bank-link", "money-ios", (Exc("JohnbyMoney.OpenBankingError", "Code: 3", handled(sw("BankLinkModel.completeConsent(url:)", "Banking/BankLinkModel.swift", 58))),),
        four(3, 2, 2, 1),
        classes=(2,), handled=True, log="bank link consent failed", page="BankLinkView"),
    Bug("nm-coredata-migration", "money-ios", (Exc("NSCocoaErrorDomain", "Code: 134110", handled(sw("Store.open()", "Storage/Store.swift", 29), ios("-[NSPersistentStoreCoordinator addPersistentStoreWithType:configuration:URL:options:error:]", "/System/Library/Frameworks/CoreData.framework/CoreData"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2), see("splunk", **SEARCH, release=2), see("datadog.log", **DD, release=2)),
        classes=(2, 5), handled=True, log="store open failed", page="LaunchView", span=3),
    Bug("nm-disk-full", "money-ios", (Exc("NSCocoaErrorDomain", "Code: 640", handled(sw("ReceiptStore.save(_:)", "Receipts/ReceiptStore.swift", 44))),),
        four(2, 2, 1, 1),
        classes=(2,), handled=True, log="receipt save failed", page="ReceiptDetailView"),
    Bug("nm-table-inconsistency", "money-ios", (Exc("NSInternalInconsistencyException", "Invalid update: invalid number of rows in section 0. The number of rows contained in an existing section after the update ({n}) must be equal to the number of rows contained in that section before the update ({idx}), plus or minus the number of rows inserted or deleted from that section (0 inserted, 1 deleted) and plus or minus the number of rows moved into or out of that section (0 moved in, 0 moved out).", (*MAIN_QUEUE, sw("TransactionsViewController.delete(at:)", "Transactions/TransactionsViewController.swift", 118), ios("-[UITableView deleteRowsAtIndexPaths:withRowAnimation:]", UIKIT), ios("-[UITableView _endCellAnimationsWithContext:]", UIKIT), *THROW)),),
        (see("sentry.error", 2), see("sentry.error", **RAW), see("sentry.alert", rule=CRASH_RULE)),
        classes=(10,)),
    # Seen once.
    Bug("nm-env-object", "money-ios", (Exc("EXC_BREAKPOINT", "Fatal error: No ObservableObject of type BudgetStore found. A View.environmentObject(_:) for BudgetStore may be missing as an ancestor of this view.", (*SWIFTUI_RENDER, sw("BudgetBadge.body.getter", "Budgets/BudgetBadge.swift", 11), ios("EnvironmentObject.error()", SWIFTUI), TRAP)),),
        (see("sentry.error"),),
        singleton=True),
]

NOISE = [
    Noise("nm-noise-crashfree", "money-ios", "sentry.metric", {"rule": "Johnby Money crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "99.{n}"}),
    Noise("nm-noise-release", "money-ios", "datadog.event", {"monitor": "Johnby Money 4.3.0 released", "text": "App Store Connect: version 4.3.0 (412) is Ready for Sale.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "mobile", "release": "2"}),
    Noise("nm-noise-relay", "money-ios", "splunk", {**SEARCH, "line": '{"received_at":"{tsms}","level":"info","platform":"ios","message":"client-logs relay heartbeat","queued":0}'}),
]

JOHNBY = Company(
    key="nm",
    name="Johnby Money",
    domain="johnbymoney.example",
    sentry_org="johnby-money",
    splunk_url="https://johnby.splunkcloud.example",
    splunk_guid="C47E0B29-1A8D-4F63-8B52-E06D3F9A7C18",
    datadog_org=("1240031", "Johnby Money"),
    datadog_template="recommended",
    posthog_project=(92403, "Johnby Money iOS"),
    releases=("4.2.0", "4.2.1", "4.3.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="johnby-sentry-client-secret",
)
# fmt: on
