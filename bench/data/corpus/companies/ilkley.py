"""(lt) Ilkley Bakehouse, a bakery chain's click-and-collect app: a UIKit iOS app of Objective-C
(the older catalogue, basket and collection-slot screens, ``ILK``-prefixed classes) and Swift
(the loyalty card, checkout and account screens), one app target.

Sentry: sentry-cocoa 8 for crashes (uncaught ``NSException``s from the Objective-C code,
Swift runtime traps, ``EXC_BAD_ACCESS``) and handled errors through the Swift
``ErrorReporter`` (``SentrySDK.capture(error:)``: the NSError domain as the type, ``Code: n``
as the value); the CI job's dSYM upload failed for 7.9.0 and again for 8.0.0's first build,
so those crashes carry bare addresses. One alert rule for new crashes. PostHog: posthog-ios's
``captureException`` from the same reporter. No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# fmt: off
APP_RELEASES = ("uk.co.ilkleybakehouse.collect@7.8.2+1407", "uk.co.ilkleybakehouse.collect@7.9.0+1419", "uk.co.ilkleybakehouse.collect@8.0.0+1436")
SERVICES = {
    "collect-ios": Service("collect-ios", "cocoa", "", "", "", "", 10930011, sdk=("sentry.cocoa", "8.38.0", "cocoapods:Sentry"), releases=APP_RELEASES),
}


def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"IlkleyCollect/{file}", line, "IlkleyCollect", True)


def oc(function: str, file: str, line: int) -> Frame:
    """An Objective-C method of the app (``-[ILKClass selector:]``)."""
    return Frame(function, f"IlkleyCollect/Legacy/{file}", line, "IlkleyCollect", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
FOUNDATION = "/System/Library/Frameworks/Foundation.framework/Foundation"
OBJC = "/usr/lib/libobjc.A.dylib"
SWIFT_CORE = "/usr/lib/swift/libswiftCore.dylib"
CONCURRENCY = "/usr/lib/swift/libswift_Concurrency.dylib"
DISPATCH = "/usr/lib/system/libdispatch.dylib"
MAPKIT = "/System/Library/Frameworks/MapKit.framework/MapKit"

MAIN = (
    ios("start", "/usr/lib/dyld"),
    oc("main", "main.m", 16),
    ios("UIApplicationMain", UIKIT),
    ios("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
)
LAYOUT = (*MAIN, ios("__CFRunLoopDoObservers", CF), ios("_UIUpdateSequenceRun", UIKIT), ios("-[UIView(CALayerDelegate) layoutSublayersOfLayer:]", UIKIT))
TABLE = (*LAYOUT, ios("-[UITableView layoutSubviews]", UIKIT), ios("-[UITableView _createPreparedCellForGlobalRow:withIndexPath:willDisplay:]", UIKIT))
COLLECTION = (*LAYOUT, ios("-[UICollectionView layoutSubviews]", UIKIT), ios("-[UICollectionView _createPreparedCellForItemAtIndexPath:withLayoutAttributes:applyAttributes:isFocused:notify:]", UIKIT))
TAP = (*MAIN, ios("-[UIApplication sendEvent:]", UIKIT), ios("-[UIControl sendAction:to:forEvent:]", UIKIT))
LOAD = (*MAIN, ios("-[UINavigationController pushViewController:animated:]", UIKIT), ios("-[UIViewController loadViewIfRequired]", UIKIT))
TASK = (ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", CONCURRENCY), ios("swift_job_runImpl(swift::Job*, swift::SerialExecutorRef)", CONCURRENCY))
THROW = (ios("objc_exception_throw", OBJC), ios("__exceptionPreprocess", CF))
UNRECOGNIZED = (ios("_CF_forwarding_prep_0", CF), ios("___forwarding___", CF), ios("-[NSObject(NSObject) doesNotRecognizeSelector:]", CF), *THROW)
TRAP = ios("_assertionFailure(_:_:file:line:flags:)", SWIFT_CORE)
REPORTER = sw("ErrorReporter.report(_:screen:)", "Support/ErrorReporter.swift", 22)
API = "Networking/BakehouseAPI.swift"
KEYCHAIN = oc("-[ILKKeychainStore dataForKey:error:]", "ILKKeychainStore.m", 58)
NSNULL_LENGTH = "-[NSNull length]: unrecognized selector sent to instance 0x{hex}"
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
RULE = "Ilkley Collect: new crash"


def handled(*frames: Frame) -> tuple[Frame, ...]:
    return (*MAIN, *TASK, *frames, REPORTER)


BUGS = [
    # NSNull where a string was expected, two Objective-C views.
    Bug("lt-product-cell-nsnull", "collect-ios", (Exc("NSInvalidArgumentException", NSNULL_LENGTH, (*TABLE, oc("-[ILKProductListViewController tableView:cellForRowAtIndexPath:]", "ILKProductListViewController.m", 142), oc("-[ILKProductCell configureWithProduct:]", "ILKProductCell.m", 61), ios("-[UILabel setText:]", UIKIT), *UNRECOGNIZED)),),
        (see("sentry.error", 2, release=0), see("sentry.error", 2, release=1, raw=True), see("sentry.issue", release=0), see("sentry.alert", rule=RULE)),
        classes=(4, 5, 10), pair="lt-basket-summary-nsnull", span=2),
    Bug("lt-basket-summary-nsnull", "collect-ios", (Exc("NSInvalidArgumentException", NSNULL_LENGTH, (*LAYOUT, oc("-[ILKBasketViewController viewWillLayoutSubviews]", "ILKBasketViewController.m", 88), oc("-[ILKBasketSummaryView updateWithBasket:]", "ILKBasketSummaryView.m", 47), ios("-[NSConcreteAttributedString initWithString:attributes:]", FOUNDATION), *UNRECOGNIZED)),),
        (see("sentry.error", 3), see("sentry.alert", rule=RULE)),
        classes=(4, 10), pair="lt-product-cell-nsnull"),
    # One slot picker method, two exceptions.
    Bug("lt-slot-picker-range", "collect-ios", (Exc("NSRangeException", "*** -[__NSArrayM objectAtIndexedSubscript:]: index {idx} beyond bounds [0 .. 1]", (*TAP, oc("-[ILKCollectionSlotPicker didTapSlotButton:]", "ILKCollectionSlotPicker.m", 103), oc("-[ILKCollectionSlotPicker selectSlotAtIndex:]", "ILKCollectionSlotPicker.m", 121), ios("-[__NSArrayM objectAtIndexedSubscript:]", CF), *THROW)),),
        (see("sentry.error", 2), see("sentry.error", release=2, raw=True), see("sentry.issue")),
        classes=(4, 10), pair="lt-slot-picker-nil-insert", span=3),
    Bug("lt-slot-picker-nil-insert", "collect-ios", (Exc("NSInvalidArgumentException", "*** -[__NSPlaceholderDictionary initWithObjects:forKeys:count:]: attempt to insert nil object from objects[1]", (*TAP, oc("-[ILKCollectionSlotPicker didTapSlotButton:]", "ILKCollectionSlotPicker.m", 103), oc("-[ILKCollectionSlotPicker selectSlotAtIndex:]", "ILKCollectionSlotPicker.m", 127), ios("+[NSDictionary dictionaryWithObjects:forKeys:count:]", CF), ios("-[__NSPlaceholderDictionary initWithObjects:forKeys:count:]", CF), *THROW)),),
        (see("sentry.error", 3), see("sentry.alert", rule=RULE)),
        classes=(4, 10), pair="lt-slot-picker-range"),
    # Timeouts through one API helper from two Swift screens (handled).
    Bug("lt-loyalty-refresh-timeout", "collect-ios", (Exc("NSURLErrorDomain", "Code: -1001", handled(sw("LoyaltyCardViewModel.refresh()", "Loyalty/LoyaltyCardViewModel.swift", 38), sw("BakehouseAPI.send<A>(_:)", API, 71))),),
        (see("sentry.error", 3), see("posthog", 3)),
        classes=(4, 9), pair="lt-checkout-submit-timeout", handled=True, page="LoyaltyCardViewController"),
    Bug("lt-checkout-submit-timeout", "collect-ios", (Exc("NSURLErrorDomain", "Code: -1001", handled(sw("CheckoutViewModel.placeOrder()", "Checkout/CheckoutViewModel.swift", 93), sw("BakehouseAPI.send<A>(_:)", API, 71))),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", 3)),
        classes=(4, 9), pair="lt-loyalty-refresh-timeout", handled=True, page="CheckoutViewController"),
    # The same force unwrap in two Swift view controllers.
    Bug("lt-collection-store-unwrap", "collect-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*LOAD, sw("CollectionStoreViewController.viewDidLoad()", "Collection/CollectionStoreViewController.swift", 52), sw("CollectionStoreViewController.configureMap()", "Collection/CollectionStoreViewController.swift", 77), TRAP)),),
        (see("sentry.error", 2), see("sentry.error", release=2, raw=True), see("sentry.alert", rule=RULE)),
        classes=(4, 10), pair="lt-account-unwrap"),
    Bug("lt-account-unwrap", "collect-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*LOAD, sw("AccountViewController.viewDidLoad()", "Account/AccountViewController.swift", 31), sw("AccountViewController.bindProfile()", "Account/AccountViewController.swift", 66), TRAP)),),
        (see("sentry.error", 3), see("sentry.alert", rule=RULE)),
        classes=(4,), pair="lt-collection-store-unwrap"),
    # Two bad accesses under one alert rule: a deallocated map delegate and the image cache.
    Bug("lt-map-delegate-zombie", "collect-ios", (Exc("EXC_BAD_ACCESS", "KERN_INVALID_ADDRESS at 0x{hex}", (*MAIN, ios("-[MKMapView _didUpdateVisibleMapRect]", MAPKIT), ios("objc_msgSend", OBJC))),),
        (see("sentry.error", 2), see("sentry.error", release=1, raw=True), see("sentry.alert", 2, rule=RULE)),
        classes=(2, 10), pair="lt-image-cache-bad-access", span=2),
    Bug("lt-image-cache-bad-access", "collect-ios", (Exc("EXC_BAD_ACCESS", "KERN_INVALID_ADDRESS at 0x{hex}", (ios("_pthread_wqthread", "/usr/lib/system/libsystem_pthread.dylib"), ios("_dispatch_workloop_worker_thread", DISPATCH), ios("_dispatch_client_callout", DISPATCH), oc("__38-[ILKImageCache storeImage:forKey:]_block_invoke", "ILKImageCache.m", 74), ios("-[__NSDictionaryM setObject:forKey:]", CF), ios("objc_msgSend", OBJC))),),
        (see("sentry.error", 3), see("sentry.alert", rule=RULE)),
        classes=(2, 10), pair="lt-map-delegate-zombie"),
    # One keychain read, two OSStatus codes (handled).
    Bug("lt-keychain-not-found", "collect-ios", (Exc("NSOSStatusErrorDomain", "Code: -25300", handled(sw("SessionStore.restore()", "Account/SessionStore.swift", 29), KEYCHAIN)),),
        (see("sentry.error", 3), see("posthog", 2)),
        classes=(4, 9), pair="lt-keychain-interaction", handled=True, page="LaunchViewController"),
    Bug("lt-keychain-interaction", "collect-ios", (Exc("NSOSStatusErrorDomain", "Code: -25308", handled(sw("SessionStore.restore()", "Account/SessionStore.swift", 29), KEYCHAIN)),),
        (see("sentry.error", 2), see("posthog", 3)),
        classes=(4, 9), pair="lt-keychain-not-found", handled=True, page="LaunchViewController"),
    # Not pairs.
    Bug("lt-applepay-unavailable", "collect-ios", (Exc("PKPassKitErrorDomain", "Code: 1", handled(sw("CheckoutViewModel.payWithApplePay()", "Checkout/CheckoutViewModel.swift", 121))),),
        (see("sentry.error", 2), see("posthog", 2)),
        handled=True, page="CheckoutViewController"),
    Bug("lt-receipt-write-denied", "collect-ios", (Exc("NSCocoaErrorDomain", "Code: 513", handled(sw("ReceiptExporter.export(_:)", "Orders/ReceiptExporter.swift", 47), ios("-[NSData(NSData) writeToURL:options:error:]", FOUNDATION))),),
        (see("sentry.error", 2), see("posthog", 2)),
        classes=(9,), handled=True, page="OrderReceiptViewController"),
    Bug("lt-kvo-observer-removed", "collect-ios", (Exc("NSRangeException", "Cannot remove an observer <ILKOrderTracker 0x{hex}> for the key path \"status\" from <ILKOrder 0x{hex}> because it is not registered as an observer.", (*MAIN, ios("-[UIViewController _setViewAppearState:isAnimating:]", UIKIT), oc("-[ILKOrderStatusViewController viewWillDisappear:]", "ILKOrderStatusViewController.m", 59), oc("-[ILKOrderTracker stopTracking]", "ILKOrderTracker.m", 44), ios("-[NSObject(NSKeyValueObserverRegistration) removeObserver:forKeyPath:]", FOUNDATION), *THROW)),),
        (see("sentry.error", 2), see("sentry.error", release=1, raw=True), see("sentry.issue")),
        classes=(10,), span=2),
    Bug("lt-singleton-storyboard", "collect-ios", (Exc("NSInternalInconsistencyException", "Could not load NIB in bundle: 'NSBundle </private/var/containers/Bundle/Application/{uuid}/IlkleyCollect.app> (loaded)' with name 'ILKGiftCardView'", (*LOAD, oc("-[ILKGiftCardViewController loadView]", "ILKGiftCardViewController.m", 23), ios("-[UINib instantiateWithOwner:options:]", UIKIT), *THROW)),),
        (see("sentry.error"),),
        singleton=True),
]

NOISE = [
    Noise("lt-noise-crashfree", "collect-ios", "sentry.metric", {"rule": "Ilkley Collect crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "99.{n}"}),
    Noise("lt-noise-launch-time", "collect-ios", "sentry.metric", {"rule": "Ilkley Collect cold start p95", "aggregate": "p95(measurements.app_start_cold)", "dataset": "transactions", "action": "warning", "value": "2{n}00"}),
]

ILKLEY = Company(
    key="lt",
    name="Ilkley Bakehouse",
    domain="ilkleybakehouse.example",
    sentry_org="ilkley-bakehouse",
    splunk_url="",
    splunk_guid="",
    datadog_org=("1093001", "Ilkley Bakehouse"),
    datadog_template="recommended",
    posthog_project=(109301, "Ilkley Collect iOS"),
    releases=("7.8.2", "7.9.0", "8.0.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ilkley-sentry-client-secret",
)
# fmt: on
