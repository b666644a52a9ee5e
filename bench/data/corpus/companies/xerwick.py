"""(lp) Xerwick Vets, a pet-care app for a chain of veterinary practices: a React Native 0.74
app built with Expo SDK 51 on Hermes for Android and iOS (``pet-app``: pets' records,
appointment booking, repeat prescriptions, card payments through Stripe's payment sheet, push
reminders through expo-notifications).

Sentry: @sentry/react-native 5 (frames mapped with the release's source maps, the device's
raw Hermes frames beside them; one release whose source-map upload failed in EAS Build, so its
events keep the bytecode offsets). PostHog: posthog-react-native's exception autocapture
(raw Hermes frames, or resolved where the source maps reached PostHog). No Splunk, no
Datadog: the team has no backend of its own to log from.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see

# fmt: off
APP_RELEASES = ("com.xerwick.vets@3.4.0+311", "com.xerwick.vets@3.4.1+317", "com.xerwick.vets@3.5.0+326")
SERVICES = {
    "pet-app": Service("pet-app", "react-native", "client-error", "xerwick:app", "pet-app", "xerwick", 10820011, framework="onerror", sdk=("sentry.javascript.react-native", "5.24.3", "npm:@sentry/react-native"), releases=APP_RELEASES),
}


def rn(file: str, function: str, line: int, col: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col)


def rnlib(file: str, function: str, line: int, col: int) -> Frame:
    return rn(file, function, line, col, lib=True)


NATIVE_APPLY = Frame("apply", "native", 0, in_app=False)
RENDERER = "node_modules/react-native/Libraries/Renderer/implementations/ReactNativeRenderer-prod.js"
SCHEDULER = "node_modules/scheduler/cjs/scheduler.production.min.js"
PRESS = (
    rnlib(RENDERER, "invokeGuardedCallback", 41, 31),
    NATIVE_APPLY,
    rnlib(RENDERER, "invokeGuardedCallbackImpl", 23, 14),
    NATIVE_APPLY,
    rnlib("node_modules/react-native/Libraries/Pressability/Pressability.js", "onResponderRelease", 531, 21),
    rnlib("node_modules/react-native/Libraries/Pressability/Pressability.js", "_receiveSignal", 700, 16),
)
RENDER = (
    rnlib(SCHEDULER, "performWorkUntilDeadline", 13, 124),
    rnlib(RENDERER, "performUnitOfWork", 7416, 22),
    rnlib(RENDERER, "beginWork", 5287, 17),
    rnlib(RENDERER, "renderWithHooks", 3110, 24),
)
EFFECT = (
    rnlib(SCHEDULER, "performWorkUntilDeadline", 13, 124),
    rnlib(RENDERER, "flushPassiveEffects", 7771, 18),
    rnlib(RENDERER, "commitPassiveMountOnFiber", 7102, 11),
    rnlib(RENDERER, "commitHookEffectListMount", 5733, 29),
)
PROMISE = (
    rnlib("node_modules/react-native/Libraries/Core/Timers/JSTimers.js", "callReactNativeMicrotasks", 227, 19),
    rnlib("node_modules/promise/setimmediate/core.js", "tryCallOne", 37, 14),
    rnlib("node_modules/@babel/runtime/helpers/asyncToGenerator.js", "_next", 22, 9),
    rnlib("node_modules/@babel/runtime/helpers/asyncToGenerator.js", "asyncGeneratorStep", 3, 24),
)
API_FETCH = rn("src/api/client.ts", "apiFetch", 48, 13)
FMT = "src/utils/formatAppointment.ts"
PUSH = "src/features/reminders/registerPush.ts"


def rej(**opts: object) -> dict[str, object]:
    return {"mechanism": "onunhandledrejection", **opts}


BUGS = [
    # Hermes words both reads of undefined the same: two screens, two objects.
    Bug("lp-pet-weight-read", "pet-app", (Exc("TypeError", frames=(*RENDER, rn("src/screens/PetProfileScreen.tsx", "WeightCard", 64, 38)), js=JsError("read-undefined", "pet.latestWeight", "kg")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("sentry.error", browser="android", raw=True, release=1), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3, 4), pair="lp-dose-weight-read", page="PetProfile", span=2),
    Bug("lp-dose-weight-read", "pet-app", (Exc("TypeError", frames=(*PRESS, rn("src/screens/PrescriptionScreen.tsx", "onRequestRepeat", 91, 27), rn("src/features/prescriptions/dose.ts", "doseFor", 12, 40)), js=JsError("read-undefined", "visit.weight", "kg")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", browser="android"), see("posthog", browser="ios")),
        classes=(3, 4), pair="lp-pet-weight-read", page="Prescription"),
    # One formatter, two failures.
    Bug("lp-appt-time-invalid", "pet-app", (Exc("RangeError", "Date value out of bounds", (*RENDER, rn("src/screens/AppointmentsScreen.tsx", "AppointmentRow", 37, 22), rn(FMT, "formatAppointmentTime", 15, 31), Frame("toISOString", "native", 0, in_app=False))),),
        (see("sentry.error", 3, browser="android"), see("sentry.error", browser="ios", release=1), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True, release=1)),
        classes=(3, 4), pair="lp-appt-time-read", page="Appointments", span=2),
    Bug("lp-appt-time-read", "pet-app", (Exc("TypeError", frames=(*RENDER, rn("src/screens/AppointmentsScreen.tsx", "AppointmentRow", 37, 22), rn(FMT, "formatAppointmentTime", 9, 18)), js=JsError("read-undefined", "slot.startsAt", "getTime")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", 2, browser="android")),
        classes=(3, 4), pair="lp-appt-time-invalid", page="Appointments"),
    # The API client helper at the end of two errors.
    Bug("lp-api-pets-unauthorised", "pet-app", (Exc("ApiError", "401 Unauthorized: GET /v2/pets", (*PROMISE, rn("src/features/pets/usePets.ts", "loadPets", 22, 18), API_FETCH)),),
        (see("sentry.error", 3, browser="android", **rej()), see("sentry.error", browser="ios", **rej()), see("posthog", 2, browser="android", **rej()), see("posthog", browser="ios", **rej())),
        classes=(3, 9), pair="lp-api-booking-conflict", page="Pets"),
    Bug("lp-api-booking-conflict", "pet-app", (Exc("ApiError", "409 Conflict: POST /v2/appointments", (*PROMISE, rn("src/features/booking/useBookSlot.ts", "book", 41, 20), API_FETCH)),),
        (see("sentry.error", 2, browser="android", **rej()), see("sentry.error", browser="ios", **rej()), see("sentry.error", browser="android", raw=True, release=1, **rej()), see("posthog", browser="android", **rej())),
        classes=(3, 9), pair="lp-api-pets-unauthorised", page="BookAppointment", span=2),
    # Push registration: one function, two different errors.
    Bug("lp-push-no-project-id", "pet-app", (Exc("Error", "No \"projectId\" found. If \"projectId\" can't be inferred from the manifest (for instance, in bare workflow), you have to pass it in yourself.", (*PROMISE, rn(PUSH, "registerForReminders", 18, 44), rnlib("node_modules/expo-notifications/build/getExpoPushTokenAsync.js", "getExpoPushTokenAsync", 52, 19))),),
        (see("sentry.error", 2, browser="ios", **rej()), see("posthog", 2, browser="ios", **rej())),
        classes=(3, 4), pair="lp-push-permission", page="Home"),
    Bug("lp-push-permission", "pet-app", (Exc("Error", "Notification permission was not granted", (*PROMISE, rn(PUSH, "registerForReminders", 11, 13))),),
        (see("sentry.error", 2, browser="android", **rej()), see("sentry.error", browser="ios", **rej()), see("posthog", browser="android", **rej())),
        classes=(3, 4), pair="lp-push-no-project-id", page="Home"),
    # The payment sheet: a missing native method and a Stripe init failure in one hook.
    Bug("lp-paysheet-not-fn", "pet-app", (Exc("TypeError", frames=(*PRESS, rn("src/screens/CheckoutScreen.tsx", "onPay", 73, 26), rn("src/features/payments/usePaymentSheet.ts", "open", 29, 15)), js=JsError("not-function", "stripe", "presentPaymentSheet", "()")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios", release=1), see("posthog", 2, browser="android")),
        classes=(3, 4), pair="lp-paysheet-init", page="Checkout", span=2),
    Bug("lp-paysheet-init", "pet-app", (Exc("Error", "You must provide the paymentIntentClientSecret", (*PROMISE, rn("src/features/payments/usePaymentSheet.ts", "init", 17, 11))),),
        (see("sentry.error", 2, browser="android", **rej()), see("sentry.error", browser="ios", **rej()), see("posthog", browser="ios", **rej())),
        classes=(3, 4), pair="lp-paysheet-not-fn", page="Checkout"),
    # Not pairs.
    Bug("lp-webview-turbomodule", "pet-app", (Exc("Invariant Violation", "TurboModuleRegistry.getEnforcing(...): 'RNCWebView' could not be found. Verify that a module by this name is registered in the native binary.", (rnlib("node_modules/react-native/Libraries/TurboModule/TurboModuleRegistry.js", "getEnforcing", 48, 18), rnlib("node_modules/react-native-webview/lib/NativeRNCWebView.js", "anonymous", 1, 98), rn("src/screens/VetChatScreen.tsx", "anonymous", 4, 1))),),
        (see("sentry.error", 3, browser="ios"), see("sentry.error", browser="android", release=2), see("posthog", 2, browser="ios")),
        classes=(3,), page="VetChat", span=3),
    Bug("lp-records-zod", "pet-app", (Exc("ZodError", '[\n  {\n    "code": "invalid_type",\n    "expected": "string",\n    "received": "null",\n    "path": [\n      "vaccinations",\n      {idx},\n      "batchNumber"\n    ],\n    "message": "Expected string, received null"\n  }\n]', (*EFFECT, rn("src/screens/VaccinationsScreen.tsx", "load", 33, 27), rn("src/api/records.ts", "fetchVaccinations", 19, 24), rnlib("node_modules/zod/lib/types.js", "parse", 131, 23))),),
        (see("sentry.error", 2, browser="android"), see("posthog", browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3,), page="Vaccinations"),
    Bug("lp-fetch-timeout", "pet-app", (Exc("AbortError", "Aborted", (*PROMISE, rn("src/api/client.ts", "withTimeout", 71, 9))),),
        (see("sentry.error", 3, browser="android", **rej()), see("posthog", 2, browser="android", **rej()), see("posthog", browser="ios", **rej())),
        classes=(3, 7), page="Home"),
    Bug("lp-singleton-stack-overflow", "pet-app", (Exc("RangeError", "Maximum call stack size exceeded", (*RENDER, rn("src/components/PracticeMap.tsx", "clusterMarkers", 58, 12))),),
        (see("sentry.error", browser="android"),),
        singleton=True, page="Practices"),
]

NOISE = [
    Noise("lp-noise-crashfree-resolved", "pet-app", "sentry.metric", {"rule": "pet-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
    Noise("lp-noise-errors-resolved", "pet-app", "sentry.metric", {"rule": "pet-app errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

XERWICK = Company(
    key="lp",
    name="Xerwick Vets",
    domain="xerwick-vets.example",
    sentry_org="xerwick",
    splunk_url="https://xerwick.splunkcloud.com",
    splunk_guid="2A9D5C41-6E0B-4F73-8B16-C3E7A0D94B52",
    datadog_org=("1082001", "Xerwick Vets"),
    datadog_template="recommended",
    posthog_project=(108201, "Xerwick Vets app"),
    releases=APP_RELEASES,
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="xerwick-sentry-client-secret",
)
# fmt: on
