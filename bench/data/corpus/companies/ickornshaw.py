"""(di) Ickornshaw Surveys, building inspections: the surveyors' Android app in Kotlin with
Jetpack Compose and Room (``surveyor-app``, R8-shrunk release builds), a NestJS 10 API on
Express with TypeORM over Postgres and BullMQ report jobs (``survey-api``, winston's
``json()`` format after ``errors({stack: true})``), and a React Native companion app for
clients on Hermes (``client-app``).

Sentry: sentry-android with the ProGuard mapping uploaded, @sentry/nestjs, @sentry/react-native.
PostHog: posthog-android (no mapping: R8's names) and posthog-react-native. Datadog: log
monitors over the API's winston JSON (the recommended template rendering ``error.kind`` and
``error.message``, one pasting ``{{log.message}}``) and APM monitors on the API. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import BULLMQ_JOB, NEST_HTTP, NODE_TICKS, TYPEORM_INSERT, jexc, jl, kt, ktlib, nd

# The tables keep one frame or delivery per line.
# fmt: off
ANDROID_RELEASES = ("uk.ickornshaw.surveyor@4.2.0+420", "uk.ickornshaw.surveyor@4.3.0+430", "uk.ickornshaw.surveyor@4.3.1+431")
RN_RELEASES = ("uk.ickornshaw.client@2.7.0+270", "uk.ickornshaw.client@2.8.0+280", "uk.ickornshaw.client@2.8.1+281")
SERVICES = {
    "survey-api": Service("survey-api", "node", "winston", "", "", "", 3360011, "node v20.17.0", framework="nestjs", sdk=("sentry.javascript.nestjs", "8.34.0", "npm:@sentry/nestjs")),
    "surveyor-app": Service("surveyor-app", "java", "", "", "", "", 3360014, framework="android", sdk=("sentry.java.android", "7.15.0", "maven:io.sentry:sentry-android-core"), releases=ANDROID_RELEASES),
    "client-app": Service("client-app", "react-native", "", "", "", "", 3360017, framework="onerror", sdk=("sentry.javascript.react-native", "5.33.1", "npm:@sentry/react-native"), releases=RN_RELEASES),
}

APP = "uk.ickornshaw.surveyor"
ANDROID_MAIN = (
    jl("com.android.internal.os.ZygoteInit", "main", 1042),
    jl("android.app.ActivityThread", "main", 8913),
    jl("android.os.Looper", "loop", 317),
    jl("android.os.Looper", "loopOnce", 232),
    jl("android.os.Handler", "dispatchMessage", 99),
)
FRAGMENT_START = (
    *ANDROID_MAIN,
    jl("android.app.ActivityThread$H", "handleMessage", 2440),
    jl("androidx.fragment.app.FragmentManager", "moveToState", 1392),
    jl("androidx.fragment.app.FragmentStateManager", "moveToExpectedState", 278),
    jl("androidx.fragment.app.FragmentStateManager", "start", 582),
    jl("androidx.fragment.app.Fragment", "performStart", 3181),
)
COROUTINE_MAIN = (
    *ANDROID_MAIN,
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
UPLOAD = f"{APP}.sync.InspectionUploader"
LATEINIT = "lateinit property binding has not been initialized"


def api(*frames: Frame) -> tuple[Frame, ...]:
    return (*NEST_HTTP, *frames)


def jobf(*frames: Frame) -> tuple[Frame, ...]:
    return (*BULLMQ_JOB, *frames)


def rn(file: str, function: str, line: int, col: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col)


RENDERER = "node_modules/react-native/Libraries/Renderer/implementations/ReactFabric-prod.js"
RN_RENDER = (
    rn("node_modules/scheduler/cjs/scheduler.production.js", "performWorkUntilDeadline", 421, 34, lib=True),
    rn(RENDERER, "performWorkOnRoot", 9388, 11, lib=True),
    rn(RENDERER, "renderWithHooks", 4139, 22, lib=True),
)
RN_PRESS = (
    rn("node_modules/react-native/Libraries/Pressability/Pressability.js", "_performTransitionSideEffects", 698, 13, lib=True),
    rn("node_modules/react-native/Libraries/Components/Pressable/Pressable.js", "onPress", 241, 9, lib=True),
)
# One helper checks every upstream answer and throws Nest's BadGatewayException.
ASSERT_OK = nd("dist/common/upstream.js", "assertUpstreamOk", 14, 15)
LOGMON = {"style": "kind", "monitor": "survey-api error logs", "team": "api"}
SAMPLE = {"style": "sample", "monitor": "survey-api report worker", "team": "api"}
APM = {"style": "message", "monitor": "survey-api error spans", "team": "api"}
APM_TYPE = {"style": "type", "monitor": "survey-api errors by type", "team": "api"}


def pg_unique(constraint: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', frames),)


BUGS = [
    # A fragment's view binding read before onCreateView in two screens.
    Bug("di-app-photos-lateinit", "surveyor-app", (jexc("kotlin.UninitializedPropertyAccessException", LATEINIT, (*FRAGMENT_START, kt(f"{APP}.ui.photos.PhotoGridFragment", "onStart", 58), kt(f"{APP}.ui.photos.PhotoGridFragment", "getBinding", 31))),),
        (see("sentry.error", 2, mechanism="UncaughtExceptionHandler"), see("sentry.issue"), see("posthog", 2), see("posthog", release=1)),
        classes=(4, 5, 10), pair="di-app-defects-lateinit", page="PhotoGridFragment", span=2),
    Bug("di-app-defects-lateinit", "surveyor-app", (jexc("kotlin.UninitializedPropertyAccessException", LATEINIT, (*FRAGMENT_START, kt(f"{APP}.ui.defects.DefectListFragment", "onStart", 44), kt(f"{APP}.ui.defects.DefectListFragment", "getBinding", 27))),),
        (see("sentry.error", 2, mechanism="UncaughtExceptionHandler"), see("sentry.issue"), see("posthog", 2), see("posthog", r8=False)),
        classes=(4, 10), pair="di-app-photos-lateinit", page="DefectListFragment"),
    # One uploader function, two exceptions.
    Bug("di-app-upload-state", "surveyor-app", (jexc("java.lang.IllegalStateException", "Inspection {id} is not finalised", (*COROUTINE_MAIN, ktlib(f"{UPLOAD}$upload$1", "invokeSuspend", 41, "InspectionUploader.kt"), kt(UPLOAD, "upload", 47))),),
        (see("sentry.error", 2, mechanism="UncaughtExceptionHandler"), see("sentry.error", mechanism="UncaughtExceptionHandler", release=2), see("posthog", 2, release=1)),
        classes=(4, 5, 10), pair="di-app-upload-file", page="SyncScreen", span=3),
    Bug("di-app-upload-file", "surveyor-app", (jexc("java.io.FileNotFoundException", "/data/user/0/uk.ickornshaw.surveyor/files/photos/IMG_{id}.jpg: open failed: ENOENT (No such file or directory)", (*COROUTINE_MAIN, ktlib(f"{UPLOAD}$upload$1", "invokeSuspend", 41, "InspectionUploader.kt"), kt(UPLOAD, "upload", 62), jl("java.io.FileInputStream", "<init>", 160), jl("libcore.io.IoBridge", "open", 574))),),
        (see("sentry.error", 2, mechanism="UncaughtExceptionHandler"), see("sentry.issue"), see("posthog", 2)),
        classes=(4, 10), pair="di-app-upload-state", page="SyncScreen"),
    Bug("di-app-room-locked", "surveyor-app", (jexc("android.database.sqlite.SQLiteDatabaseLockedException", "database is locked (code 5 SQLITE_BUSY)", (*COROUTINE_MAIN, kt(f"{APP}.data.DraftRepository", "saveDraft", 33), kt(f"{APP}.data.DraftDao_Impl", "insert", 88), jl("androidx.room.EntityInsertionAdapter", "insert", 64), jl("android.database.sqlite.SQLiteConnection", "nativeExecuteForChangedRowCount", -2))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("posthog", 2), see("posthog", release=2)),
        classes=(10,), page="DraftScreen"),
    # NestJS: the same read of undefined in two services.
    Bug("di-api-report-site", "survey-api", (Exc("TypeError", frames=api(nd("dist/reports/reports.controller.js", "ReportsController.create", 29, 43, awaited=True), nd("dist/reports/reports.service.js", "ReportsService.build", 61, 38)), js=JsError("read-undefined", "inspection.property", "siteId")),),
        (see("sentry.error", 2, mechanism="nestjs"), see("sentry.issue"), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="di-api-invoice-site", log="Failed to create report"),
    Bug("di-api-invoice-site", "survey-api", (Exc("TypeError", frames=jobf(nd("dist/billing/invoice.processor.js", "InvoiceProcessor.process", 22, 30, awaited=True), nd("dist/billing/invoice.service.js", "InvoiceService.lineFor", 48, 41)), js=JsError("read-undefined", "inspection.property", "siteId")),),
        (see("sentry.error", 2, mechanism="generic"), see("datadog.log", 2, **SAMPLE)),
        classes=(4,), pair="di-api-report-site", log="Job invoice failed: <exc>", entry="invoices"),
    # TypeORM: which constraint is the bug.
    Bug("di-api-booking-unique", "survey-api", pg_unique("UQ_booking_surveyor_slot", "", api(nd("dist/bookings/bookings.controller.js", "BookingsController.create", 33, 27, awaited=True), nd("dist/bookings/bookings.service.js", "BookingsService.create", 40, 16, awaited=True), *TYPEORM_INSERT)),
        (see("sentry.error", 2, mechanism="nestjs"), see("sentry.issue"), see("datadog.log", **LOGMON), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="di-api-photo-unique", log="Unhandled exception"),
    Bug("di-api-photo-unique", "survey-api", pg_unique("UQ_photo_inspection_sha256", "", api(nd("dist/photos/photos.controller.js", "PhotosController.upload", 51, 29, awaited=True), nd("dist/photos/photos.service.js", "PhotosService.attach", 72, 18, awaited=True), *TYPEORM_INSERT)),
        (see("sentry.error", 3, mechanism="nestjs"), see("datadog.log", **LOGMON), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="di-api-booking-unique", log="Unhandled exception"),
    # Two upstreams ending in one helper.
    Bug("di-api-epc-upstream", "survey-api", (Exc("BadGatewayException", "EPC register answered 503", api(nd("dist/properties/properties.controller.js", "PropertiesController.lookup", 18, 36, awaited=True), NODE_TICKS, nd("dist/properties/epc.client.js", "EpcClient.certificate", 30, 9, awaited=True), ASSERT_OK)),),
        (see("sentry.error", 2, mechanism="nestjs"), see("sentry.issue"), see("datadog.log", 2, **LOGMON), see("datadog.apm", **APM)),
        classes=(4, 9), pair="di-api-geocode-upstream", log="Upstream failure"),
    Bug("di-api-geocode-upstream", "survey-api", (Exc("BadGatewayException", "Geocoder answered 429", jobf(nd("dist/geo/geocode.processor.js", "GeocodeProcessor.process", 19, 24, awaited=True), NODE_TICKS, nd("dist/geo/geocoder.client.js", "GeocoderClient.lookup", 26, 11, awaited=True), ASSERT_OK)),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("datadog.log", **SAMPLE)),
        classes=(4, 9), pair="di-api-epc-upstream", log="Job geocode failed: <exc>", entry="geocode"),
    Bug("di-api-pdf-timeout", "survey-api", (Exc("TimeoutError", "Navigation timeout of 30000 ms exceeded", jobf(nd("dist/reports/pdf.processor.js", "PdfProcessor.process", 37, 18, awaited=True), nd("node_modules/puppeteer-core/lib/cjs/puppeteer/cdp/Frame.js", "CdpFrame.goto", 178, 23, lib=True, awaited=True), NODE_TICKS, nd("node_modules/puppeteer-core/lib/cjs/puppeteer/cdp/LifecycleWatcher.js", "LifecycleWatcher._createTimeoutPromise", 157, 15, lib=True))),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.error", mechanism="generic", release=1), see("datadog.log", 2, **SAMPLE), see("datadog.apm", **APM_TYPE)),
        log="Job pdf failed: <exc>", entry="pdf", span=2),
    # React Native: the same read in two screens.
    Bug("di-rn-report-photos", "client-app", (Exc("TypeError", frames=(*RN_RENDER, rn("src/screens/ReportScreen.tsx", "ReportScreen", 48, 33)), js=JsError("read-undefined", "report.photos", "length")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios", release=1), see("posthog", browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3, 4, 5), pair="di-rn-gallery-photos", page="Report", span=2),
    Bug("di-rn-gallery-photos", "client-app", (Exc("TypeError", frames=(*RN_RENDER, rn("src/components/PhotoGallery.tsx", "PhotoGallery", 17, 29)), js=JsError("read-undefined", "report.photos", "length")),),
        (see("sentry.error", browser="ios"), see("sentry.error", browser="android"), see("posthog", 2, browser="android"), see("posthog", browser="ios")),
        classes=(3, 4), pair="di-rn-report-photos", page="Report"),
    Bug("di-rn-share-fn", "client-app", (Exc("TypeError", frames=(*RN_PRESS, rn("src/screens/ReportScreen.tsx", "onShare", 91, 20)), js=JsError("not-function", "Share", "shareSingle", "(t)")),),
        (see("sentry.error", browser="android"), see("sentry.error", browser="ios"), see("sentry.issue", browser="android"), see("posthog", browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3,), page="Report"),
    Bug("di-app-camera-oom", "surveyor-app", (jexc("java.lang.OutOfMemoryError", "Failed to allocate a 50331664 byte allocation with 25165824 free bytes and 31MB until OOM, target footprint 268435456, growth limit 268435456", (*COROUTINE_MAIN, kt(f"{APP}.camera.PhotoCompressor", "compress", 22), jl("android.graphics.BitmapFactory", "decodeFile", 540))),),
        (see("sentry.error", mechanism="UncaughtExceptionHandler"),),
        singleton=True, page="CameraScreen"),
]

NOISE = [
    Noise("di-noise-deploy", "survey-api", "datadog.event", {"monitor": "Deployed survey-api 1.42.0", "text": "GitHub Actions deployed survey-api 1.42.0 to production (3/3 tasks healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "api"}),
    Noise("di-noise-sentry-resolved", "surveyor-app", "sentry.metric", {"rule": "surveyor-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "action": "resolved", "value": "{crashfree}"}),
]

ICKORNSHAW = Company(
    key="di",
    name="Ickornshaw Surveys",
    domain="ickornshaw.example",
    sentry_org="ickornshaw",
    splunk_url="",
    splunk_guid="",
    datadog_org=("902214", "Ickornshaw Surveys"),
    datadog_template="recommended",
    posthog_project=(66120, "Ickornshaw apps"),
    releases=("1.41.0", "1.41.2", "1.42.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ickornshaw-sentry-client-secret",
)
# fmt: on
