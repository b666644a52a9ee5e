"""(kr) Dorrington Vets, a group of veterinary practices: a .NET MAUI 8 app for pet owners
(booking appointments, vaccination records, reminders, photo uploads for triage) on Android
and iOS, one Sentry project per platform (Sentry.Maui).

Managed exceptions arrive with their ``at`` frames and, where the release's portable PDBs were
uploaded, file and line numbers; release 3.4.0 shipped without its symbols uploaded, so its
app frames have no lines. On Android, Java exceptions cross Mono as their bound managed types
(``Java.Lang.IllegalStateException``, ``Android.Views.WindowManagerBadTokenException``) with
``Java.Interop`` / ``Android.Runtime.JNIEnv`` frames; on iOS, Objective-C exceptions arrive as
``ObjCRuntime.ObjCException`` ("Objective-C exception thrown.  Name: ... Reason: ...") over
``ObjCRuntime.Runtime.ThrowNSException``. Sentry error, issue and issue-alert webhooks and a
crash-free metric alert. No Splunk, no Datadog, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.dotnet.maui", "4.13.0", "nuget:Sentry.Maui")
RELEASES = ("uk.dorringtonvets.app@3.3.2+3302", "uk.dorringtonvets.app@3.4.0+3400", "uk.dorringtonvets.app@3.4.1+3410")
SERVICES = {
    "pets-android": Service("pets-android", "csharp", "", "", "", "", 5820443, ".NET 8.0.10 (Android 14)", framework="maui", sdk=SDK, releases=RELEASES),
    "pets-ios": Service("pets-ios", "csharp", "", "", "", "", 5820447, ".NET 8.0.10 (iOS 17.5)", framework="maui", sdk=SDK, releases=RELEASES),
}
SRC = "/Users/runner/work/pets-app/pets-app/src/Dorrington.Pets/"
IOS = {"svc": "pets-ios", "mechanism": "Runtime.MarshalManagedException"}
DROID = {"svc": "pets-android", "mechanism": "AppDomain.UnhandledException"}
NOPDB = {"release": 1, "nopdb": True}
ISSUE_RULE = {"rule": "pets-app: new crash"}


def app(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Dorrington.Pets.{type_}", method, args, SRC + file, line, boundary=boundary)


def lib(type_: str, method: str, args: str, *, boundary: bool = False) -> Frame:
    return cs(type_, method, args, lib=True, boundary=boundary)


def vm(cls: str, method: str, args: str, line: int) -> Frame:
    return app(f"ViewModels.{cls}", method, args, f"ViewModels/{cls}.cs", line, boundary=True)


# An async relay command's exception rethrown on the UI thread, on each platform.
DROID_LOOP = (
    lib("Android.Runtime.JNINativeWrapper", "Wrap_JniMarshal_PP_V", "(_JniMarshal_PP_V callback, IntPtr jnienv, IntPtr klazz)"),
    lib("Java.Lang.IRunnableInvoker", "n_Run", "(IntPtr jnienv, IntPtr native__this)"),
    lib("Java.Lang.Thread.RunnableImplementor", "Run", "()"),
    lib("Android.App.SyncContext.<>c__DisplayClass2_0", "<Post>b__0", "()"),
    lib("System.Threading.Tasks.Task.<>c", "<ThrowAsync>b__128_0", "(Object state)"),
    lib("CommunityToolkit.Mvvm.Input.AsyncRelayCommand", "AwaitAndThrowIfFailed", "(Task executionTask)"),
)
IOS_LOOP = (
    app("Program", "Main", "(String[] args)", "Platforms/iOS/Program.cs", 13),
    lib("UIKit.UIApplication", "Main", "(String[] args, Type principalClass, Type delegateClass)"),
    lib("UIKit.UIApplication", "UIApplicationMain", "(Int32 argc, String[] argv, IntPtr principalClassName, IntPtr delegateClassName)"),
    lib("Foundation.NSAsyncSynchronizationContextDispatcher", "Apply", "()"),
    lib("System.Threading.Tasks.Task.<>c", "<ThrowAsync>b__128_0", "(Object state)"),
    lib("CommunityToolkit.Mvvm.Input.AsyncRelayCommand", "AwaitAndThrowIfFailed", "(Task executionTask)"),
)
# A Java method called through the binding.
JNI_CALL = (
    lib("Java.Interop.JniPeerMembers.JniInstanceMethods", "InvokeVirtualVoidMethod", "(String encodedMember, IJavaPeerable self, JniArgumentValue* parameters)"),
    lib("Java.Interop.JniEnvironment.InstanceMethods", "CallVoidMethod", "(JniObjectReference instance, JniMethodInfo method, JniArgumentValue* args)"),
)
OBJC = (
    lib("ObjCRuntime.Runtime", "ThrowNSException", "(IntPtr ns_exception)"),
)
API = app("Api.VetsApiClient", "SendAsync[T]", "(HttpRequestMessage request, CancellationToken ct)", "Api/VetsApiClient.cs", 58, boundary=True)
ENSURE = lib("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()")
NRE = "Object reference not set to an instance of an object."
BAD_TOKEN = "Unable to add window -- token android.os.BinderProxy@{hex} is not valid; is your activity running?"

BUGS = [
    # A NullReferenceException in two view models, on both platforms.
    Bug("kr-booking-confirm-nre", "pets-android", (Exc("System.NullReferenceException", NRE, (*DROID_LOOP, vm("BookingViewModel", "ConfirmAsync", "()", 88), app("Services.SlotFormatter", "Describe", "(AppointmentSlot slot)", "Services/SlotFormatter.cs", 21))),),
        (see("sentry.error", 2, **DROID), see("sentry.error", **DROID), see("sentry.error", **DROID, **NOPDB), see("sentry.issue", **DROID)),
        classes=(4, 10), pair="kr-petlist-load-nre"),
    Bug("kr-petlist-load-nre", "pets-android", (Exc("System.NullReferenceException", NRE, (*DROID_LOOP, vm("PetListViewModel", "LoadAsync", "()", 46), app("Services.PetRepository", "ToCard", "(PetRecord record)", "Services/PetRepository.cs", 103))),),
        (see("sentry.error", 2, **DROID), see("sentry.error", 2, **DROID), see("sentry.alert", **DROID, **ISSUE_RULE)),
        classes=(4,), pair="kr-booking-confirm-nre"),
    # One slot parser, two exceptions.
    Bug("kr-slot-parse-format", "pets-ios", (Exc("System.FormatException", "String '{hhmm}+01:00Z' was not recognized as a valid DateTime.", (*IOS_LOOP, vm("SlotPickerViewModel", "SelectDayAsync", "(DateOnly day)", 64), app("Services.SlotParser", "Parse", "(SlotDto dto)", "Services/SlotParser.cs", 30), lib("System.DateTime", "Parse", "(String s, IFormatProvider provider, DateTimeStyles styles)"))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", **IOS), see("sentry.error", **IOS, **NOPDB), see("sentry.issue", **IOS)),
        classes=(4, 10), pair="kr-slot-parse-null"),
    Bug("kr-slot-parse-null", "pets-ios", (Exc("System.ArgumentNullException", "Value cannot be null. (Parameter 's')", (*IOS_LOOP, vm("SlotPickerViewModel", "SelectDayAsync", "(DateOnly day)", 64), app("Services.SlotParser", "Parse", "(SlotDto dto)", "Services/SlotParser.cs", 30), lib("System.DateTime", "Parse", "(String s, IFormatProvider provider, DateTimeStyles styles)"), lib("System.ArgumentNullException", "Throw", "(String paramName)"))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", 2, **IOS), see("sentry.alert", **IOS, **ISSUE_RULE)),
        classes=(4,), pair="kr-slot-parse-format"),
    # Android's BadTokenException from two dialogs shown after their page went away.
    Bug("kr-reminder-bad-token", "pets-android", (Exc("Android.Views.WindowManagerBadTokenException", BAD_TOKEN, (*DROID_LOOP, vm("RemindersViewModel", "SnoozeAsync", "(Reminder reminder)", 71), app("Platforms.Android.DialogService", "ShowToast", "(String message)", "Platforms/Android/DialogService.cs", 35), lib("Android.App.Dialog", "Show", "()"), *JNI_CALL)),),
        (see("sentry.error", 3, **DROID), see("sentry.issue", **DROID), see("sentry.error", **DROID, **NOPDB)),
        classes=(4, 10), pair="kr-payment-bad-token"),
    Bug("kr-payment-bad-token", "pets-android", (Exc("Android.Views.WindowManagerBadTokenException", BAD_TOKEN, (*DROID_LOOP, vm("PaymentViewModel", "PayAsync", "()", 112), app("Platforms.Android.CardSheetPresenter", "Present", "(PaymentIntentDto intent)", "Platforms/Android/CardSheetPresenter.cs", 49), lib("Android.App.Dialog", "Show", "()"), *JNI_CALL)),),
        (see("sentry.error", 3, **DROID), see("sentry.alert", **DROID, **ISSUE_RULE)),
        classes=(4,), pair="kr-reminder-bad-token"),
    # The vaccination list's collection view on iOS: two Objective-C exceptions from one update.
    Bug("kr-vacc-batch-update", "pets-ios", (Exc("ObjCRuntime.ObjCException", "Objective-C exception thrown.  Name: NSInternalInconsistencyException Reason: Invalid update: invalid number of items in section 0. The number of items contained in an existing section after the update ({idx}) must be equal to the number of items contained in that section before the update ({n}), plus or minus the number of items inserted or deleted from that section (0 inserted, 1 deleted) and plus or minus the number of items moved into or out of that section (0 moved in, 0 moved out).\nNative stack trace:\n\t0   CoreFoundation                      0x00000001a1f5e2c4 __exceptionPreprocess + 164\n\t1   libobjc.A.dylib                     0x000000019f5d8c10 objc_exception_throw + 60\n\t2   Foundation                          0x00000001a0f3ef34 -[NSAssertionHandler handleFailureInMethod:object:file:lineNumber:description:] + 176", (*IOS_LOOP, vm("VaccinationsViewModel", "RemoveAsync", "(VaccinationRecord record)", 57), lib("System.Collections.ObjectModel.ObservableCollection`1", "RemoveItem", "(Int32 index)"), lib("Microsoft.Maui.Controls.Handlers.Items.ObservableItemsSource", "Remove", "(NotifyCollectionChangedEventArgs args)"), lib("UIKit.UICollectionView", "DeleteItems", "(NSIndexPath[] indexPaths)"), *OBJC)),),
        (see("sentry.error", 3, **IOS), see("sentry.issue", **IOS), see("sentry.error", **IOS, **NOPDB)),
        classes=(4, 10), pair="kr-vacc-index-beyond"),
    Bug("kr-vacc-index-beyond", "pets-ios", (Exc("ObjCRuntime.ObjCException", "Objective-C exception thrown.  Name: NSRangeException Reason: *** -[__NSArrayM objectAtIndexedSubscript:]: index {idx} beyond bounds [0 .. {n}]\nNative stack trace:\n\t0   CoreFoundation                      0x00000001a1f5e2c4 __exceptionPreprocess + 164\n\t1   libobjc.A.dylib                     0x000000019f5d8c10 objc_exception_throw + 60\n\t2   CoreFoundation                      0x00000001a1ed4b8c -[__NSArrayM objectAtIndexedSubscript:] + 1276", (*IOS_LOOP, vm("VaccinationsViewModel", "RemoveAsync", "(VaccinationRecord record)", 57), lib("System.Collections.ObjectModel.ObservableCollection`1", "RemoveItem", "(Int32 index)"), lib("Microsoft.Maui.Controls.Handlers.Items.ObservableItemsSource", "Remove", "(NotifyCollectionChangedEventArgs args)"), lib("UIKit.UICollectionView", "DeleteItems", "(NSIndexPath[] indexPaths)"), *OBJC)),),
        (see("sentry.error", 3, **IOS), see("sentry.alert", **IOS, **ISSUE_RULE)),
        classes=(4,), pair="kr-vacc-batch-update"),
    # The API client's helper at the end of two HTTP failures.
    Bug("kr-token-refresh-401", "pets-android", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 401 (Unauthorized).", (*DROID_LOOP, vm("ShellViewModel", "ResumeAsync", "()", 33), app("Auth.TokenRefresher", "RefreshAsync", "(CancellationToken ct)", "Auth/TokenRefresher.cs", 40, boundary=True), API, ENSURE)),),
        (see("sentry.error", 2, **DROID), see("sentry.error", 2, **DROID), see("sentry.issue", **DROID)),
        classes=(9,), pair="kr-triage-upload-413"),
    Bug("kr-triage-upload-413", "pets-ios", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 413 (Request Entity Too Large).", (*IOS_LOOP, vm("TriageViewModel", "SendPhotosAsync", "()", 95), app("Triage.PhotoUploader", "UploadAsync", "(FileResult photo, Guid caseId, CancellationToken ct)", "Triage/PhotoUploader.cs", 52, boundary=True), API, ENSURE)),),
        (see("sentry.error", 3, **IOS), see("sentry.error", **IOS), see("sentry.alert", **IOS, **ISSUE_RULE)),
        classes=(9,), pair="kr-token-refresh-401"),
    # Java crossing Mono: a fragment transaction after the state was saved.
    Bug("kr-java-fragment-state", "pets-android", (Exc("Java.Lang.IllegalStateException", "Can not perform this action after onSaveInstanceState", (*DROID_LOOP, vm("AppointmentDetailViewModel", "ShareAsync", "(Appointment appointment)", 79), app("Platforms.Android.ShareSheet", "Open", "(Uri calendarUri)", "Platforms/Android/ShareSheet.cs", 28), lib("AndroidX.Fragment.App.DialogFragment", "Show", "(FragmentManager manager, String tag)"), *JNI_CALL)),),
        (see("sentry.error", 2, **DROID), see("sentry.error", **DROID, **NOPDB), see("sentry.issue", **DROID), see("sentry.alert", **DROID, **ISSUE_RULE)),
        classes=(10,)),
    # Not pairs.
    Bug("kr-offline-cache-locked", "pets-android", (Exc("SQLite.SQLiteException", "database is locked", (*DROID_LOOP, vm("PetListViewModel", "RefreshAsync", "()", 61), app("Data.OfflineCache", "SaveAsync", "(IEnumerable`1 pets)", "Data/OfflineCache.cs", 37, boundary=True), lib("SQLite.SQLiteAsyncConnection.<>c__DisplayClass33_0`1", "<WriteAsync>b__0", "()"), lib("SQLite.SQLiteConnection", "InsertOrReplace", "(Object obj)"), lib("SQLite.PreparedSqlLiteInsertCommand", "ExecuteNonQuery", "(Object[] source)"))),),
        (see("sentry.error", 2, **DROID), see("sentry.error", **DROID), see("sentry.error", **DROID, release=2), see("sentry.issue", **DROID)),
        classes=(5,), span=3, renames={"RefreshAsync": "PullToRefreshAsync"}),
    Bug("kr-xaml-missing-style", "pets-ios", (Exc("Microsoft.Maui.Controls.Xaml.XamlParseException", "Position 42:18. StaticResource not found for key PrimaryButtonStyle", (*IOS_LOOP, vm("ShellViewModel", "OpenVaccinationsAsync", "()", 52), app("Pages.VaccinationPage", ".ctor", "(VaccinationsViewModel viewModel)", "Pages/VaccinationPage.xaml.cs", 11), app("Pages.VaccinationPage", "InitializeComponent", "()", "obj/Release/net8.0-ios/Microsoft.Maui.Controls.SourceGen/Microsoft.Maui.Controls.SourceGen.CodeBehindGenerator/Pages_VaccinationPage.xaml.sg.cs", 29), lib("Microsoft.Maui.Controls.Xaml.ApplyPropertiesVisitor", "ProvideValue", "(Object& value, ElementNode node, Object source, XmlName propertyName)"), lib("Microsoft.Maui.Controls.Xaml.StaticResourceExtension", "ProvideValue", "(IServiceProvider serviceProvider)"))),),
        (see("sentry.error", 2, **IOS), see("sentry.error", 2, **IOS), see("sentry.issue", **IOS)),
        ),
    Bug("kr-profile-json", "pets-android", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateOnly. Path: $.pets[{idx}].dateOfBirth | LineNumber: 0 | BytePositionInLine: {line}.", (*DROID_LOOP, vm("ProfileViewModel", "LoadAsync", "()", 39), app("Services.ProfileService", "GetAsync", "(CancellationToken ct)", "Services/ProfileService.cs", 26, boundary=True), lib("System.Net.Http.Json.HttpContentJsonExtensions", "ReadFromJsonAsyncCore[T]", "(HttpContent content, JsonSerializerOptions options, CancellationToken cancellationToken)", boundary=True), lib("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)"))),),
        (see("sentry.error", 2, **DROID), see("sentry.error", 2, **DROID), see("sentry.alert", **DROID, **ISSUE_RULE)),
        ),
    Bug("kr-triage-preview-oom", "pets-android", (Exc("Java.Lang.OutOfMemoryError", "Failed to allocate a {offset}4 byte allocation with 25165824 free bytes and 39MB until OOM, target footprint 201326592, growth limit 201326592", (*DROID_LOOP, vm("TriageViewModel", "AddPhotoAsync", "(FileResult photo)", 71), app("Platforms.Android.PhotoPreviewRenderer", "Decode", "(Stream stream)", "Platforms/Android/PhotoPreviewRenderer.cs", 24), lib("Android.Graphics.BitmapFactory", "DecodeStream", "(Stream stream)"), lib("Java.Interop.JniEnvironment.StaticMethods", "CallStaticObjectMethod", "(JniObjectReference type, JniMethodInfo method, JniArgumentValue* args)"))),),
        (see("sentry.error", 3, **DROID), see("sentry.error", **DROID, release=2), see("sentry.issue", **DROID)),
        classes=(10,)),
    Bug("kr-singleton-permission", "pets-android", (Exc("Microsoft.Maui.ApplicationModel.PermissionException", "LocationWhenInUse permission was not granted: Denied", (*DROID_LOOP, vm("ClinicFinderViewModel", "LocateAsync", "()", 44), lib("Microsoft.Maui.Devices.Sensors.GeolocationImplementation", "GetLocationAsync", "(GeolocationRequest request, CancellationToken cancellationToken)", boundary=True), lib("Microsoft.Maui.ApplicationModel.Permissions", "EnsureGrantedAsync[TPermission]", "()", boundary=True))),),
        (see("sentry.error", **DROID),),
        singleton=True),
]

NOISE = [
    Noise("kr-noise-crashfree-resolved", "pets-android", "sentry.metric", {"rule": "pets-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
    Noise("kr-noise-errors-resolved", "pets-ios", "sentry.metric", {"rule": "pets-app errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

DORRINGTON = Company(
    key="kr",
    name="Dorrington Vets",
    domain="dorringtonvets.example",
    sentry_org="dorrington-vets",
    splunk_url="",
    splunk_guid="",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.3.2", "3.4.0", "3.4.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dorrington-sentry-client-secret",
)
# fmt: on
