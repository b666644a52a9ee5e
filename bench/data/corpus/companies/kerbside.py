"""(f) Kerbside, on-street parking: a Django REST API (``parking-api``) and Celery beat with its
workers (``beat-worker``) on Python 3.11, a React Native driver app (``driver-app``: Hermes on
Android and iOS, one iOS build still on JavaScriptCore), a React console for council officers
(``console``) and a Quarkus pricing service on Java 21 (``pricing``).

Sentry for the API, the workers, the app (mapped frames with the device's raw frames beside
them, and a release whose source maps were never uploaded) and pricing (the JUL handler of
quarkus-logging-sentry; one deployment without ``in-app-packages``). PostHog error tracking in
the app (posthog-react-native: Hermes frames, raw and resolved) and in the console (posthog-js).
Splunk indexes python-json-logger JSON behind ddtrace's log injection (``exc_info``), the app
errors the API relays from its client-errors endpoint (the app's own ``error.stack``), and
Quarkus' JSON console log (``exception.frames`` and ``causedBy``, or ``stackTrace`` text).
Datadog posts a camelCase template of the mobile team's: APM monitors by service with
``@error.type``/``@error.message``, by route or only the type; log monitors pasting a sample;
monitors naming only a Celery beat task.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import (
    CELERY_TASK,
    DJANGO_CREATE,
    DJANGO_VIEW,
    REACT_CLICK,
    REACT_RENDER,
    jexc,
    jl,
    js,
    jv,
    py,
    pylib,
)

# The tables keep one frame or delivery per line.
# fmt: off
APP_RELEASES = ("com.kerbside.driver@4.2.0+612", "com.kerbside.driver@4.2.1+618", "com.kerbside.driver@4.3.0+631", "com.kerbside.driver@4.3.1+640")
SERVICES = {
    "parking-api": Service("parking-api", "python", "python-json-dd", "kerbside:api:json", "/var/log/kerbside/parking-api.json", "kb_prod", 8830011, "CPython 3.11.9", framework="django", sdk=("sentry.python.django", "1.45.0", "pypi:sentry-sdk")),
    "beat-worker": Service("beat-worker", "python", "python-json-dd", "kerbside:worker:json", "/var/log/kerbside/beat-worker.json", "kb_prod", 8830014, "CPython 3.11.9", framework="celery", sdk=("sentry.python.celery", "1.45.0", "pypi:sentry-sdk")),
    # The app's Splunk rows are what the API logs when the app reports an error to it.
    "driver-app": Service("driver-app", "react-native", "client-error", "kerbside:api:json", "/var/log/kerbside/parking-api.json", "kb_prod", 8830017, framework="onerror", sdk=("sentry.javascript.react-native", "5.22.0", "npm:@sentry/react-native"), releases=APP_RELEASES),
    "console": Service("console", "javascript", "", "", "", "", 8830020, origin="https://console.kerbside.example", framework="onerror"),
    "pricing": Service("pricing", "java", "quarkus-json", "kerbside:pricing:json", "/var/log/containers/pricing.log", "kb_prod", 8830023, "OpenJDK 21.0.2", sdk=("sentry.java.jul", "7.8.0", "maven:io.sentry:sentry-jul")),
}

# --- Python ------------------------------------------------------------------------------------

DJANGO_500 = "Internal Server Error: {path}"
DJANGO_REQUEST = "django.request"
CELERY_TRACE = "celery.app.trace"
EXPIRE = "kerbside.tasks.sessions.expire_overdue_sessions"
DESCRIPTOR = pylib("django.db.models.fields.related_descriptors", "__get__", 531, "raise self.RelatedObjectDoesNotExist(")
# An UPDATE through the ORM down to the cursor (the tail Django shares with an INSERT).
DJANGO_UPDATE = (
    pylib("django.db.models.query", "update", 1253, "rows = query.get_compiler(self.db).execute_sql(CURSOR)"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1990, "cursor = super().execute_sql(result_type)"),
    *DJANGO_CREATE[-6:],
)
# stripe-python 8 creating an object and raising the API's error.
STRIPE_CALL = (
    pylib("stripe._createable_api_resource", "create", 22, "cls._static_request("),
    pylib("stripe._api_resource", "_static_request", 172, "return _APIRequestor._global_instance().request("),
    pylib("stripe._api_requestor", "request", 197, "resp = requestor._interpret_response(rbody, rcode, rheaders)"),
    pylib("stripe._api_requestor", "_interpret_response", 766, "self.handle_error_response(rbody, rcode, resp.data, rheaders)"),
    pylib("stripe._api_requestor", "handle_error_response", 252, "raise err"),
)
RAISE_FOR_STRIPE = py("kerbside.payments.gateway", "raise_for_stripe", 118, 'raise PaymentGatewayError(f"payment gateway rejected request: {err.code}") from err')


def gateway_error(code: str, message: str, call: Frame, caller: tuple[Frame, ...], catch: Frame) -> tuple[Exc, Exc]:
    """A Stripe error turned into the team's own by the one helper every payment path calls
    (``raise ... from err``): the cause's frames start at the call that failed."""
    return (
        Exc("InvalidRequestError", message, (call, *STRIPE_CALL), module="stripe._error"),
        Exc("PaymentGatewayError", f"payment gateway rejected request: {code}", (*caller, catch, RAISE_FOR_STRIPE), module="kerbside.payments.errors"),
    )


# --- Quarkus -----------------------------------------------------------------------------------

PR = "com.kerbside.pricing"
QUARKUS_REST = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("org.jboss.threads.ThreadLocalResettingRunnable", "run", 11),
    jl("org.jboss.threads.DelegatingRunnable", "run", 11),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1521),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "run", 2495),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "doRunWith", 2516),
    jl("io.quarkus.vertx.core.runtime.VertxCoreRecorder$14", "runWith", 599),
    jl("org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext", "run", 147),
    jl("io.quarkus.resteasy.reactive.server.runtime.QuarkusResteasyReactiveRequestContext", "invokeHandler", 141),
    jl("org.jboss.resteasy.reactive.server.handlers.InvocationHandler", "handle", 29),
)
QUARKUS_SCHEDULED = (
    jl("java.lang.Thread", "run", 1583),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1521),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "run", 2495),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "doRunWith", 2516),
    jl("io.quarkus.vertx.core.runtime.VertxCoreRecorder$14", "runWith", 599),
    jl("io.quarkus.scheduler.common.runtime.StatusEmitterInvoker", "invoke", 35),
    jl("io.quarkus.scheduler.common.runtime.DefaultInvoker", "invoke", 24),
)


def generated(cls: str, method: str) -> Frame:
    """A class Quarkus generates at build time (REST invokers, CDI client proxies, scheduled
    invokers): in the application's package, no source line."""
    return jv(cls, method, -1)


QUOTE = (
    *QUARKUS_REST,
    generated(f"{PR}.api.QuoteResource$quarkusrestinvoker$quote_5f0c2be8d41a9b3e7c6d1f2a0b9e8d7c6b5a4f3e", "invoke"),
    jv(f"{PR}.api.QuoteResource", "quote", 52),
)
QUARKUS_FAILED = "HTTP Request to {path} failed, error id: {uuid}-{n}"
QUARKUS_HANDLER = "io.quarkus.vertx.http.runtime.QuarkusErrorHandler"
OUT_OF_BOUNDS = (
    jl("java.util.ArrayList", "get", 427),
    jl("java.util.Objects", "checkIndex", 385),
    jl("jdk.internal.util.Preconditions", "checkIndex", 302),
    jl("jdk.internal.util.Preconditions", "outOfBoundsCheckIndex", 106),
    jl("jdk.internal.util.Preconditions", "outOfBounds", 100),
)

# --- React Native ------------------------------------------------------------------------------


def rn(file: str, function: str, line: int, col: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col)


def rnlib(file: str, function: str, line: int, col: int) -> Frame:
    return rn(file, function, line, col, lib=True)


NATIVE_APPLY = Frame("apply", "native", 0, in_app=False)
RN_RENDERER = "node_modules/react-native/Libraries/Renderer/implementations/ReactNativeRenderer-prod.js"
PRESSABILITY = "node_modules/react-native/Libraries/Pressability/Pressability.js"
# A tap: React Native's responder system calling the touchable's onPress (oldest first).
RN_PRESS = (
    rnlib(RN_RENDERER, "invokeGuardedCallback", 40, 31),
    NATIVE_APPLY,
    rnlib(RN_RENDERER, "invokeGuardedCallbackImpl", 22, 14),
    NATIVE_APPLY,
    rnlib(PRESSABILITY, "onResponderRelease", 524, 21),
    rnlib(PRESSABILITY, "_receiveSignal", 693, 16),
    rnlib(PRESSABILITY, "_performTransitionSideEffects", 756, 17),
    rnlib("node_modules/react-native/Libraries/Components/Touchable/TouchableOpacity.js", "onPress", 230, 19),
)
# A component rendering; an effect after commit; an async function resumed by a promise.
RN_RENDER = (
    rnlib("node_modules/scheduler/cjs/scheduler.production.min.js", "performWorkUntilDeadline", 13, 124),
    rnlib(RN_RENDERER, "performUnitOfWork", 7231, 22),
    rnlib(RN_RENDERER, "beginWork", 5120, 17),
    rnlib(RN_RENDERER, "renderWithHooks", 3004, 24),
)
RN_EFFECT = (
    rnlib("node_modules/scheduler/cjs/scheduler.production.min.js", "performWorkUntilDeadline", 13, 124),
    rnlib(RN_RENDERER, "flushPassiveEffects", 7590, 18),
    rnlib(RN_RENDERER, "commitPassiveMountOnFiber", 6931, 11),
    rnlib(RN_RENDERER, "commitHookEffectListMount", 5604, 29),
)
RN_PROMISE = (
    rnlib("node_modules/react-native/Libraries/Core/Timers/JSTimers.js", "callImmediates", 459, 19),
    rnlib("node_modules/promise/setimmediate/core.js", "tryCallOne", 37, 14),
    rnlib("node_modules/@babel/runtime/helpers/asyncToGenerator.js", "_next", 22, 9),
    rnlib("node_modules/@babel/runtime/helpers/asyncToGenerator.js", "asyncGeneratorStep", 3, 24),
)
CLIENT_ERROR = "client error: <exc>"
CLIENT_LOGGER = "kerbside.api.client_errors"
# The API relays the app's errors to Splunk; Datadog watches the relayed logs, tagged as the app.


def relayed(**opts: object) -> Seen:
    """The API's log of an error the app reported to its client-errors endpoint."""
    return Seen("splunk", 1, {"relay": "parking-api", "search": "parking-api - client errors", **opts})


def client_alert(**opts: object) -> Seen:
    """The log monitor over the relayed app errors, pasting the latest one."""
    monitor = {"style": "sample", "monitor": "Mobile client errors", "filter": "service:driver-app source:client-errors status:error", "team": "mobile"}
    return Seen("datadog.log", 1, {**monitor, **opts})

BUGS = [
    # The same Django message at two code locations, in the API and in a beat task.
    Bug(
        "kb-permit-owner-api",
        "parking-api",
        (
            Exc(
                "RelatedObjectDoesNotExist",
                "Vehicle has no owner.",
                (
                    *DJANGO_VIEW,
                    py("kerbside.permits.views", "renew", 58, "permit = renewals.renew(request.user, serializer.validated_data)"),
                    py("kerbside.permits.renewals", "renew", 92, "holder = vehicle.owner.account"),
                    DESCRIPTOR,
                ),
                module="kerbside.vehicles.models",
                qual="Vehicle.owner.RelatedObjectDoesNotExist",
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="message", monitor="parking-api error spans", team="permits"),
        ),
        classes=(4,),
        pair="kb-reminder-owner-task",
        log=DJANGO_500,
        logger=DJANGO_REQUEST,
        entry="POST /v1/permits/{permit_id}/renew/",
    ),
    Bug(
        "kb-reminder-owner-task",
        "beat-worker",
        (
            Exc(
                "RelatedObjectDoesNotExist",
                "Vehicle has no owner.",
                (
                    *CELERY_TASK,
                    py("kerbside.tasks.permits", "send_renewal_reminders", 31, "notify_holder(permit)"),
                    py("kerbside.permits.notify", "notify_holder", 22, "to = permit.vehicle.owner.email"),
                    DESCRIPTOR,
                ),
                module="kerbside.vehicles.models",
                qual="Vehicle.owner.RelatedObjectDoesNotExist",
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", team="permits")),
        classes=(4,),
        pair="kb-permit-owner-api",
        log="Task kerbside.tasks.permits.send_renewal_reminders[{uuid}] raised unexpected: RelatedObjectDoesNotExist('Vehicle has no owner.')",
        logger=CELERY_TRACE,
        entry="kerbside.tasks.permits.send_renewal_reminders",
    ),
    # A council's tariff window ending at 24:00, in Python; the Java twin is another bug.
    Bug(
        "kb-tariff-window-py",
        "parking-api",
        (
            Exc(
                "ValueError",
                "time data '24:00' does not match format '%H:%M'",
                (
                    *DJANGO_VIEW,
                    py("kerbside.zones.views", "quote", 41, "windows = parse_windows(zone.tariff.windows)"),
                    py("kerbside.tariffs.windows", "parse_windows", 27, "return [parse_window(w) for w in raw]"),
                    py("kerbside.tariffs.windows", "<listcomp>", 27, "return [parse_window(w) for w in raw]"),
                    py("kerbside.tariffs.windows", "parse_window", 15, 'end = datetime.strptime(raw["end"], "%H:%M").time()'),
                    pylib("_strptime", "_strptime_datetime", 568, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"),
                    pylib("_strptime", "_strptime", 349, 'raise ValueError("time data %r does not match format %r" %'),
                ),
                module="builtins",
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", 2, style="route", monitor="Error rate on parking-api routes", team="zones"),
        ),
        log=DJANGO_500,
        logger=DJANGO_REQUEST,
        entry="GET /v1/zones/{zone_id}/quote/",
    ),
    Bug(
        "kb-pricing-hour24",
        "pricing",
        (
            jexc(
                "java.time.DateTimeException",
                "Invalid value for HourOfDay (valid values 0 - 23): 24",
                (
                    *QUOTE,
                    jv(f"{PR}.tariff.TariffWindowParser", "parse", 31),
                    jl("java.time.LocalTime", "of", 244),
                    jl("java.time.temporal.ChronoField", "checkValidValue", 718),
                    jl("java.time.temporal.ValueRange", "checkValidValue", 319),
                ),
            ),
        ),
        (
            see("sentry.error", in_app="none"),
            see("sentry.error"),
            see("splunk", 2),
            see("datadog.apm", style="message", monitor="pricing error spans", team="pricing"),
        ),
        pair="kb-pricing-events-timeout",
        log=QUARKUS_FAILED,
        logger=QUARKUS_HANDLER,
        entry="GET /v2/quote",
    ),
    # The REST client's timeout: a wrapper over Vert.x's timeout, which has no stack at all.
    Bug(
        "kb-pricing-events-timeout",
        "pricing",
        (
            jexc("io.vertx.core.http.impl.NoStackTraceTimeoutException", "The timeout period of 3000ms has been exceeded while executing GET /v1/events/active for server null", ()),
            jexc(
                "jakarta.ws.rs.ProcessingException",
                "io.vertx.core.http.impl.NoStackTraceTimeoutException: The timeout period of 3000ms has been exceeded while executing GET /v1/events/active for server null",
                (
                    *QUOTE,
                    jv(f"{PR}.surge.SurgeService", "factor", 44),
                    generated(f"{PR}.surge.EventsClient$$QuarkusRestClientInterface", "active"),
                    jl("org.jboss.resteasy.reactive.client.impl.InvocationBuilderImpl", "method", 334),
                    jl("org.jboss.resteasy.reactive.client.impl.InvocationBuilderImpl", "unwrap", 370),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, format="quarkus-json-formatted"),
            see("datadog.apm", style="message", monitor="pricing error spans", team="pricing"),
        ),
        classes=(10,),
        pair="kb-pricing-hour24",
        log=QUARKUS_FAILED,
        logger=QUARKUS_HANDLER,
        entry="GET /v2/quote",
    ),
    # The same message from a Python fallback and from the Java service.
    Bug(
        "kb-notariff-py",
        "parking-api",
        (
            Exc(
                "NoActiveTariff",
                "no active tariff for zone {zone} at {hhmm}",
                (
                    *DJANGO_VIEW,
                    py("kerbside.sessions.views", "create", 64, "quote = pricing.quote(zone, vehicle, starts_at)"),
                    py("kerbside.pricing.fallback", "quote", 38, "tariff = active_tariff(zone, when)"),
                    py("kerbside.pricing.fallback", "active_tariff", 19, 'raise NoActiveTariff(f"no active tariff for zone {zone.code} at {when:%H:%M}")'),
                ),
                module="kerbside.pricing.errors",
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", style="sample", monitor="parking-api error logs", filter="service:parking-api status:error", team="sessions"),
        ),
        classes=(4,),
        pair="kb-notariff-java",
        log=DJANGO_500,
        logger=DJANGO_REQUEST,
        entry="POST /v1/sessions/",
    ),
    Bug(
        "kb-notariff-java",
        "pricing",
        (
            jexc(
                f"{PR}.tariff.NoActiveTariffException",
                "no active tariff for zone {zone} at {hhmm}",
                (
                    *QUOTE,
                    generated(f"{PR}.tariff.TariffResolver_ClientProxy", "active"),
                    jv(f"{PR}.tariff.TariffResolver", "active", 37),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", style="sample", monitor="pricing error logs", filter="service:pricing status:error", team="pricing"),
        ),
        classes=(4,),
        pair="kb-notariff-py",
        log=QUARKUS_FAILED,
        logger=QUARKUS_HANDLER,
        entry="GET /v2/quote",
    ),
    # Two bugs whose thrown exception ends in the one helper that maps Stripe's errors.
    Bug(
        "kb-refund-gateway",
        "parking-api",
        gateway_error(
            "charge_already_refunded",
            "Request {req}: Charge {charge} has already been refunded.",
            py("kerbside.payments.gateway", "refund", 71, "stripe.Refund.create(charge=charge_id, amount=amount, idempotency_key=key)"),
            (
                *DJANGO_VIEW,
                py("kerbside.payments.views", "refund", 44, "refund = refunds.issue(session, serializer.validated_data[\"amount\"])"),
                py("kerbside.payments.refunds", "issue", 57, "gateway.refund(session.charge_id, amount, key=idempotency_key)"),
            ),
            py("kerbside.payments.gateway", "refund", 74, "raise_for_stripe(err)"),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="message", monitor="parking-api error spans", team="payments"),
        ),
        classes=(9,),
        pair="kb-settle-gateway",
        log=DJANGO_500,
        logger=DJANGO_REQUEST,
        entry="POST /v1/sessions/{session_id}/refund/",
    ),
    Bug(
        "kb-settle-gateway",
        "beat-worker",
        gateway_error(
            "payment_intent_unexpected_state",
            "Request {req}: This PaymentIntent could not be captured because it has a status of canceled.",
            py("kerbside.payments.gateway", "capture", 88, "stripe.PaymentIntent.capture(intent_id, amount_to_capture=amount)"),
            (
                *CELERY_TASK,
                py("kerbside.tasks.payments", "settle_pending_charges", 36, "gateway.capture(charge.intent_id, charge.amount)"),
            ),
            py("kerbside.payments.gateway", "capture", 91, "raise_for_stripe(err)"),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", 2, team="payments")),
        classes=(9,),
        pair="kb-refund-gateway",
        log="Task kerbside.tasks.payments.settle_pending_charges[{uuid}] raised unexpected: PaymentGatewayError('payment gateway rejected request: payment_intent_unexpected_state')",
        logger=CELERY_TRACE,
        entry="kerbside.tasks.payments.settle_pending_charges",
    ),
    # Two bugs under one APM monitor grouped by service; one has no application frame at all.
    Bug(
        "kb-session-overlap",
        "parking-api",
        (
            Exc(
                "ExclusionViolation",
                'conflicting key value violates exclusion constraint "parking_session_no_overlap"\nDETAIL:  Key (vehicle_id, tstzrange(starts_at, ends_at))=({id}, ["2026-03-04 10:00:00+00","2026-03-04 12:00:00+00")) conflicts with existing key (vehicle_id, tstzrange(starts_at, ends_at))=({id}, ["2026-03-04 09:30:00+00","2026-03-04 11:00:00+00")).',
                (DJANGO_CREATE[-1],),
                module="psycopg.errors",
            ),
            Exc(
                "IntegrityError",
                'conflicting key value violates exclusion constraint "parking_session_no_overlap"\nDETAIL:  Key (vehicle_id, tstzrange(starts_at, ends_at))=({id}, ["2026-03-04 10:00:00+00","2026-03-04 12:00:00+00")) conflicts with existing key (vehicle_id, tstzrange(starts_at, ends_at))=({id}, ["2026-03-04 09:30:00+00","2026-03-04 11:00:00+00")).',
                (
                    *DJANGO_VIEW,
                    py("kerbside.sessions.views", "create", 71, "session = ParkingSession.objects.create(**serializer.validated_data)"),
                    *DJANGO_CREATE,
                ),
                module="django.db.utils",
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.apm", 2, style="message", monitor="parking-api error spans", team="sessions"),
        ),
        pair="kb-vehicle-nested",
        log=DJANGO_500,
        logger=DJANGO_REQUEST,
        entry="POST /v1/sessions/",
    ),
    Bug(
        "kb-vehicle-nested",
        "parking-api",
        (
            Exc(
                "AssertionError",
                "The `.create()` method does not support writable nested fields by default.\nWrite an explicit `.create()` method for serializer `kerbside.vehicles.serializers.VehicleSerializer`, or set `read_only=True` on nested serializer fields.",
                (
                    *DJANGO_VIEW,
                    pylib("rest_framework.mixins", "create", 19, "self.perform_create(serializer)"),
                    pylib("rest_framework.mixins", "perform_create", 24, "serializer.save()"),
                    pylib("rest_framework.serializers", "save", 208, "self.instance = self.create(validated_data)"),
                    pylib("rest_framework.serializers", "create", 962, "raise_errors_on_nested_writes('create', self, validated_data)"),
                    pylib("rest_framework.serializers", "raise_errors_on_nested_writes", 887, "assert not any("),
                ),
                module="builtins",
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.apm", style="message", monitor="parking-api error spans", team="sessions"),
        ),
        classes=(10,),
        pair="kb-session-overlap",
        log=DJANGO_500,
        logger=DJANGO_REQUEST,
        entry="POST /v1/vehicles/",
    ),
    # An outer function renamed over three releases; the route monitor names only the route.
    Bug(
        "kb-receipt-latin1",
        "parking-api",
        (
            Exc(
                "UnicodeEncodeError",
                "'latin-1' codec can't encode character '\\u2019' in position {n}: ordinal not in range(256)",
                (
                    *DJANGO_VIEW,
                    py("kerbside.receipts.views", "download", 29, "pdf = build_receipt(session)"),
                    py("kerbside.receipts.pdf", "build_receipt", 47, "return render_pdf(lines, title=session.zone.name)"),
                    py("kerbside.receipts.pdf", "render_pdf", 63, 'return pdf.output(dest="S").encode("latin-1")'),
                ),
                module="builtins",
            ),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 2),
            see("datadog.apm", style="route", monitor="Error rate on parking-api routes", team="payments"),
        ),
        log=DJANGO_500,
        logger=DJANGO_REQUEST,
        entry="GET /v1/sessions/{session_id}/receipt/",
        span=3,
        renames={"build_receipt": "render_receipt"},
    ),
    # One beat task, two different exceptions; its monitor names only the task.
    Bug(
        "kb-expire-lock",
        "beat-worker",
        (
            Exc("LockNotAvailable", 'canceling statement due to lock timeout\nCONTEXT:  while updating tuple ({n},{idx}) in relation "parking_session"', (DJANGO_CREATE[-1],), module="psycopg.errors"),
            Exc(
                "OperationalError",
                'canceling statement due to lock timeout\nCONTEXT:  while updating tuple ({n},{idx}) in relation "parking_session"',
                (
                    *CELERY_TASK,
                    py("kerbside.tasks.sessions", "expire_overdue_sessions", 27, "expired = expiry.close_overdue(now)"),
                    py("kerbside.sessions.expiry", "close_overdue", 41, "return overdue.update(state=Session.EXPIRED, closed_at=now)"),
                    *DJANGO_UPDATE,
                ),
                module="django.db.utils",
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", 2, team="sessions")),
        pair="kb-expire-overflow",
        log=f"Task {EXPIRE}[{{uuid}}] raised unexpected: OperationalError('canceling statement due to lock timeout')",
        logger=CELERY_TRACE,
        entry=EXPIRE,
    ),
    Bug(
        "kb-expire-overflow",
        "beat-worker",
        (
            Exc(
                "OverflowError",
                "date value out of range",
                (
                    *CELERY_TASK,
                    py("kerbside.tasks.sessions", "expire_overdue_sessions", 24, "overdue = expiry.find_overdue(now)"),
                    py("kerbside.sessions.expiry", "find_overdue", 29, "if grace_deadline(session) < now:"),
                    py("kerbside.sessions.expiry", "grace_deadline", 16, "return session.ends_at + timedelta(minutes=session.zone.grace_minutes)"),
                ),
                module="builtins",
            ),
        ),
        (see("sentry.error"), see("sentry.issue"), see("splunk", 2), see("datadog.task", team="sessions")),
        pair="kb-expire-lock",
        log=f"Task {EXPIRE}[{{uuid}}] raised unexpected: OverflowError('date value out of range')",
        logger=CELERY_TRACE,
        entry=EXPIRE,
    ),
    Bug(
        "kb-zones-geos",
        "beat-worker",
        (
            Exc(
                "GEOSException",
                'Error encountered checking Geometry returned from GEOS C function "GEOSUnion_r".',
                (
                    *CELERY_TASK,
                    py("kerbside.tasks.zones", "sync_council_zones", 40, "merged = merge_boundaries(features)"),
                    py("kerbside.zones.geometry", "merge_boundaries", 66, "return reduce(lambda a, b: a.union(b), polygons)"),
                    py("kerbside.zones.geometry", "<lambda>", 66, "return reduce(lambda a, b: a.union(b), polygons)"),
                    pylib("django.contrib.gis.geos.geometry", "union", 567, "return self._topology(capi.geos_union(self.ptr, other.ptr))"),
                    pylib("django.contrib.gis.geos.prototypes.threadsafe", "__call__", 46, "return self.cfunc(self.thread_context.handle.ptr, *args)"),
                    pylib("django.contrib.gis.geos.prototypes.errcheck", "check_geom", 35, 'raise GEOSException('),
                ),
                module="django.contrib.gis.geos.error",
            ),
        ),
        (see("sentry.issue"), see("sentry.error", 2), see("splunk", 2), see("datadog.task", team="zones")),
        log="Task kerbside.tasks.zones.sync_council_zones[{uuid}] raised unexpected: GEOSException('Error encountered checking Geometry returned from GEOS C function \"GEOSUnion_r\".')",
        logger=CELERY_TRACE,
        entry="kerbside.tasks.zones.sync_council_zones",
    ),
    # The same IndexOutOfBoundsException at two code locations of the pricing service.
    Bug(
        "kb-pricing-band-index",
        "pricing",
        (
            jexc(
                "java.lang.IndexOutOfBoundsException",
                "Index 0 out of bounds for length 0",
                (
                    *QUOTE,
                    generated(f"{PR}.tariff.BandSelector_ClientProxy", "firstBand"),
                    jv(f"{PR}.tariff.BandSelector", "firstBand", 58),
                    *OUT_OF_BOUNDS,
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(4,),
        pair="kb-pricing-holiday-index",
        log=QUARKUS_FAILED,
        logger=QUARKUS_HANDLER,
        entry="GET /v2/quote",
    ),
    Bug(
        "kb-pricing-holiday-index",
        "pricing",
        (
            jexc(
                "java.lang.IndexOutOfBoundsException",
                "Index 0 out of bounds for length 0",
                (
                    *QUARKUS_REST,
                    generated(f"{PR}.api.FreePeriodResource$quarkusrestinvoker$next_0a7d3c9e15b2f4a86d0c1e3b5a7f9d2c4e6b8a01", "invoke"),
                    jv(f"{PR}.api.FreePeriodResource", "next", 33),
                    jv(f"{PR}.calendar.HolidayCalendar", "nextOpening", 71),
                    *OUT_OF_BOUNDS,
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2, format="quarkus-json-formatted")),
        classes=(4,),
        pair="kb-pricing-band-index",
        log=QUARKUS_FAILED,
        logger=QUARKUS_HANDLER,
        entry="GET /v2/zones/{zone_id}/next-free-period",
    ),
    # A scheduled job; the APM monitor names only the type.
    Bug(
        "kb-ratecard-cme",
        "pricing",
        (
            jexc(
                "java.util.ConcurrentModificationException",
                "",
                (
                    *QUARKUS_SCHEDULED,
                    generated(f"{PR}.cache.RateCardCache_ScheduledInvoker_refresh_9c41e07d2b6a53f8e1d4c7b0a2f5e8d3c6b9a147", "invokeBean"),
                    jv(f"{PR}.cache.RateCardCache", "refresh", 49),
                    jl("java.util.HashMap$KeyIterator", "next", 1628),
                    jl("java.util.HashMap$HashIterator", "nextNode", 1605),
                ),
            ),
        ),
        (
            see("sentry.error"),
            see("splunk", 2, thread="executor-thread-1"),
            see("datadog.apm", style="type", monitor="pricing error types", team="pricing"),
        ),
        log="Error occurred while executing task for trigger IntervalTrigger [id=1_com.kerbside.pricing.cache.RateCardCache_ScheduledInvoker_refresh_9c41e07d2b6a53f8e1d4c7b0a2f5e8d3c6b9a147, interval=300000]",
        logger="io.quarkus.scheduler.common.runtime.StatusEmitterInvoker",
    ),
    # The app: seen by all four tools (Sentry, PostHog, the API's relay in Splunk, Datadog),
    # in Hermes' and JavaScriptCore's words, over two releases, one of them never mapped.
    Bug(
        "kb-app-rate-read",
        "driver-app",
        (
            Exc(
                "TypeError",
                frames=(
                    *RN_PRESS,
                    rn("src/screens/StartSessionScreen.tsx", "onConfirm", 88, 21),
                    rn("src/features/sessions/estimate.ts", "estimateCost", 19, 34),
                ),
                js=JsError("read-undefined", "zone.tariff", "rate"),
            ),
        ),
        (
            see("sentry.error", browser="android", release=0),
            see("sentry.error", browser="ios-jsc", release=0),
            see("sentry.error", browser="android", raw=True, release=1),
            see("sentry.issue", browser="android", release=0),
            see("posthog", browser="android", release=0),
            see("posthog", browser="ios", release=1),
            see("posthog", browser="android", resolved=True, release=1),
            relayed(browser="android", release=0),
            relayed(browser="ios-jsc", release=0),
            client_alert(browser="android", release=1),
        ),
        classes=(3,),
        log=CLIENT_ERROR,
        logger=CLIENT_LOGGER,
        page="StartSession",
        span=2,
    ),
    Bug(
        "kb-app-paysheet-fn",
        "driver-app",
        (
            Exc(
                "TypeError",
                frames=(
                    *RN_PROMISE,
                    rn("src/features/payments/usePayment.ts", "pay", 57, 28),
                    rn("src/features/payments/sheet.ts", "openSheet", 23, 16),
                ),
                js=JsError("not-function", "stripe", "presentPaymentSheet", "()"),
            ),
        ),
        (
            see("sentry.error", browser="android", mechanism="onunhandledrejection"),
            see("sentry.error", browser="ios-jsc", mechanism="onunhandledrejection"),
            see("posthog", 2, browser="android", mechanism="onunhandledrejection"),
            see("posthog", browser="ios", mechanism="onunhandledrejection", resolved=True),
            relayed(browser="android"),
            client_alert(browser="ios"),
        ),
        classes=(3,),
        log=CLIENT_ERROR,
        logger=CLIENT_LOGGER,
        page="Checkout",
    ),
    # Thrown inside a package: Sentry keeps node_modules out of the app, posthog-react-native
    # does not; seen by all four tools through the API's relay.
    Bug(
        "kb-app-zone-schema",
        "driver-app",
        (
            Exc(
                "ZodError",
                '[\n  {\n    "code": "invalid_type",\n    "expected": "number",\n    "received": "null",\n    "path": [\n      "tariff",\n      "maxStayMinutes"\n    ],\n    "message": "Expected number, received null"\n  }\n]',
                (
                    *RN_EFFECT,
                    rn("src/screens/ZoneMapScreen.tsx", "loadZone", 61, 27),
                    rn("src/api/zones.ts", "fetchZone", 33, 24),
                    rnlib("node_modules/zod/lib/types.js", "parse", 131, 23),
                ),
            ),
        ),
        (
            see("sentry.error", 2, browser="android"),
            see("posthog", browser="android"),
            see("posthog", browser="ios"),
            relayed(browser="ios"),
            client_alert(browser="android"),
        ),
        log=CLIENT_ERROR,
        logger=CLIENT_LOGGER,
        page="ZoneMap",
    ),
    # Hermes words two different reads of undefined the same way; JavaScriptCore names them.
    Bug(
        "kb-app-permit-id",
        "driver-app",
        (
            Exc(
                "TypeError",
                frames=(
                    *RN_RENDER,
                    rn("src/screens/PermitDetailScreen.tsx", "PermitDetailScreen", 42, 37),
                ),
                js=JsError("read-undefined", "permit.vehicle", "id"),
            ),
        ),
        (
            see("sentry.error", 2, browser="android"),
            see("sentry.error", browser="ios-jsc"),
            see("posthog", 2, browser="android"),
            see("posthog", browser="ios", resolved=True),
        ),
        classes=(3, 4),
        pair="kb-app-vehicle-id",
        page="PermitDetail",
    ),
    Bug(
        "kb-app-vehicle-id",
        "driver-app",
        (
            Exc(
                "TypeError",
                frames=(
                    *RN_RENDER,
                    rn("src/screens/VehicleListScreen.tsx", "VehicleRow", 118, 44),
                ),
                js=JsError("read-undefined", "item.owner", "id"),
            ),
        ),
        (
            see("sentry.error", browser="android"),
            see("sentry.error", browser="ios"),
            see("posthog", 2, browser="android"),
            see("posthog", browser="ios"),
        ),
        classes=(3, 4),
        pair="kb-app-permit-id",
        page="Vehicles",
    ),
    # One function, two different errors.
    Bug(
        "kb-app-plate-read",
        "driver-app",
        (
            Exc(
                "TypeError",
                frames=(
                    *RN_RENDER,
                    rn("src/components/VehicleCard.tsx", "VehicleCard", 27, 30),
                    rn("src/utils/plates.ts", "formatPlate", 8, 31),
                ),
                js=JsError("read-undefined", "vehicle.registration", "toUpperCase"),
            ),
        ),
        (see("sentry.error", browser="android"), see("posthog", 2, browser="android"), see("posthog", browser="ios")),
        pair="kb-app-plate-format",
        page="Vehicles",
    ),
    Bug(
        "kb-app-plate-format",
        "driver-app",
        (
            Exc(
                "Error",
                "Unsupported plate format: {plate}",
                (
                    *RN_RENDER,
                    rn("src/components/VehicleCard.tsx", "VehicleCard", 27, 30),
                    rn("src/utils/plates.ts", "formatPlate", 21, 11),
                ),
            ),
        ),
        (see("sentry.error", 2, browser="ios"), see("posthog", browser="android"), see("posthog", browser="ios", resolved=True)),
        pair="kb-app-plate-read",
        page="Vehicles",
    ),
    # The console, seen by PostHog only: three engines, two releases of chunks.
    Bug(
        "kb-console-citations-filter",
        "console",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/pages/CitationsPage.tsx", "CitationsPage", 64, 41, "CitationsPage"),
                    js("src/features/citations/visible.ts", "visibleCitations", 12, 22, "CitationsPage"),
                ),
                js=JsError("read-undefined", "page.citations", "filter"),
            ),
        ),
        (
            see("posthog", browser="chrome", chunk="CitationsPage", release=0),
            see("posthog", browser="chrome", chunk="CitationsPage", release=1),
            see("posthog", browser="firefox", chunk="CitationsPage", release=1),
            see("posthog", browser="safari", chunk="CitationsPage", release=0),
            see("posthog", browser="edge", chunk="CitationsPage", resolved=True, release=1),
        ),
        classes=(3,),
        page="/citations",
        span=2,
    ),
    # A Chromium-only API called in every browser: only Firefox and Safari fail.
    Bug(
        "kb-console-export-picker",
        "console",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_CLICK,
                    js("src/features/export/ExportButton.tsx", "onClick", 31, 15, "index"),
                    js("src/features/export/saveCsv.ts", "saveCsv", 9, 35, "index"),
                ),
                js=JsError("not-function", "window", "showSaveFilePicker", "(n)"),
            ),
        ),
        (
            see("posthog", 2, browser="firefox", mechanism="onunhandledrejection"),
            see("posthog", browser="safari", mechanism="onunhandledrejection"),
            see("posthog", browser="firefox", mechanism="onunhandledrejection", resolved=True),
        ),
        classes=(3,),
        page="/reports",
    ),
    Bug(
        "kb-console-clipboard",
        "console",
        (
            Exc(
                "NotAllowedError",
                "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.",
                (js("src/features/citations/copyReference.ts", "copyReference", 6, 29, "CitationsPage"),),
            ),
        ),
        (see("posthog", browser="safari", mechanism="onunhandledrejection", chunk="CitationsPage"),),
        singleton=True,
        page="/citations",
    ),
    # A warning whose values change length: sizes, durations, a host with and without its port.
    Bug(
        "kb-slow-council-export",
        "beat-worker",
        (),
        (
            see("splunk", 3, search="beat-worker - slow exports", line='{"asctime": "{ts}", "level": "WARNING", "logger": "kerbside.exports.council", "message": "slow council export upload", "bytes": "{size}", "elapsed": "{dur}", "endpoint": "{sftp}", "task_name": "kerbside.tasks.exports.push_council_returns"}'),
            see("datadog.log", 2, monitor="Slow council exports", filter="service:beat-worker @logger.name:kerbside.exports.council status:warn", team="zones", text="Council returns upload slowly. Sample: slow council export upload bytes={size} elapsed={dur} endpoint={sftp}"),
        ),
        classes=(7,),
    ),
]

NOISE = [
    Noise(
        "kb-noise-deploy",
        "pricing",
        "datadog.event",
        {
            "monitor": "Deployed pricing 2026.11.3 to prod",
            "text": "Rolling update of deployment/pricing finished: 4/4 pods ready, image registry.kerbside.example/pricing:2026.11.3.",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "kb-noise-beat-heartbeat",
        "beat-worker",
        "splunk",
        {
            "search": "beat-worker heartbeat",
            "line": '{"asctime": "{ts}", "level": "INFO", "logger": "kerbside.health", "message": "beat heartbeat", "due_tasks": {n}, "scheduler": "django_celery_beat.schedulers:DatabaseScheduler"}',
        },
    ),
    Noise(
        "kb-noise-zones-synced",
        "beat-worker",
        "splunk",
        {
            "search": "beat-worker - errors",
            "line": '{"asctime": "{ts}", "level": "INFO", "logger": "kerbside.zones.sync", "message": "council zones synced", "zones": {id}, "changed": {idx}, "council": "camden"}',
        },
    ),
    Noise(
        "kb-noise-disk",
        "parking-api",
        "datadog.metric",
        {
            "monitor": "Disk space low on pg-replica-1",
            "scope": "host:pg-replica-1,device:/dev/nvme1n1",
            "text": "/var/lib/postgresql on pg-replica-1 is 91.4% full (38.2 GB free), above the 90% threshold.",
            "query": "avg(last_15m):avg:system.disk.in_use{host:pg-replica-1,device:/dev/nvme1n1} > 0.9",
            "metric": "system.disk.in_use",
            "priority": "P3",
        },
    ),
]

KERBSIDE = Company(
    key="f",
    name="Kerbside",
    domain="kerbside.example",
    sentry_org="kerbside",
    splunk_url="https://kerbside.splunkcloud.com",
    splunk_guid="5B0E2D7A-9C31-4F68-B2E4-0A7C1D9F3E56",
    datadog_org=("771305", "Kerbside"),
    datadog_template="camel",
    posthog_project=(42210, "Kerbside"),
    releases=("2026.10.0", "2026.10.1", "2026.11.0", "2026.11.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kerbside-sentry-client-secret",
)
# fmt: on
