"""(ah) Harebell Physio, a chain of physiotherapy clinics: a Django REST Framework API on
Python 3.11 (``api``, python-json-logger's ``JsonFormatter``), Celery 5 beat and workers
(``worker``, plain ``logging`` with ``%(asctime)s [%(levelname)s] %(name)s: %(message)s``)
and a Go gRPC service checking insurance eligibility (``eligibility``, ``log/slog``'s text
handler with ``AddSource``, a logging interceptor and a recovery interceptor).

Sentry for every service (sentry-python with the Django and Celery integrations, sentry-go);
Splunk saved searches over the three logs (one a ``stats`` table of failed tasks); Datadog
log, APM and task monitors posting the team's own camelCase template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, DJANGO_VIEW, django_integrity, go, golib, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "api": Service("api", "python", "python-json", "harebell:api:json", "/var/log/containers/api.log", "hb_prod", 6610011, "CPython 3.11.10", framework="django", sdk=("sentry.python.django", "2.19.2", "pypi:sentry-sdk")),
    "worker": Service("worker", "python", "pylog-bracket", "harebell:worker:text", "/var/log/containers/worker.log", "hb_prod", 6610014, "CPython 3.11.10", framework="celery", sdk=("sentry.python.celery", "2.19.2", "pypi:sentry-sdk")),
    "eligibility": Service("eligibility", "go", "slog-text", "harebell:eligibility:slog", "/var/log/containers/eligibility.log", "hb_prod", 6610017, "go go1.23.4", framework="grpc", sdk=("sentry.go", "0.30.0", "go:github.com/getsentry/sentry-go")),
}

HB = "harebell"
ELIG = "github.com/harebell-physio/eligibility"
GRPC = "/go/pkg/mod/google.golang.org/grpc@v1.68.1/"
MW = "/go/pkg/mod/github.com/grpc-ecosystem/go-grpc-middleware/v2@v2.1.0/"
# grpc-go serving a unary call through the chained interceptors (logging, recovery).
GRPC_UNARY = (
    golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC + "server.go", 1029),
    golib("google.golang.org/grpc", "(*Server).handleStream", GRPC + "server.go", 1740),
    golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC + "server.go", 1379),
    golib("google.golang.org/grpc", "chainUnaryInterceptors.func1", GRPC + "server.go", 1197),
    golib("github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging", "UnaryServerInterceptor.func1", MW + "interceptors/logging/interceptors.go", 166),
    golib("github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery", "UnaryServerInterceptor.func1", MW + "interceptors/recovery/interceptors.go", 33),
)


def grpc_handler(method: str, *app: Frame) -> tuple[Frame, ...]:
    return (
        *GRPC_UNARY,
        go(f"{ELIG}/gen/eligibility/v1", f"_EligibilityService_{method}_Handler", "/src/gen/eligibility/v1/eligibility_grpc.pb.go", {"Check": 187, "ListBenefits": 205}[method]),
        *app,
    )


# Every handler's error goes through one helper that reports to Sentry and maps a gRPC code.
RPC_FAIL = go(f"{ELIG}/internal/rpcerr", "Report", "/src/internal/rpcerr/report.go", 31)
NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference"
DJANGO_500 = "Internal Server Error: {path}"
DJANGO_LOGGER = "django.request"
CELERY_LOGGER = "celery.app.trace"
API_LOGS = {"style": "kind", "monitor": "Error logs on api", "team": "clinic-ops"}
WORKER_LOGS = {"style": "sample", "monitor": "Celery task errors on worker", "team": "clinic-ops"}
ELIG_LOGS = {"style": "error", "msg": "rpc failed", "monitor": "eligibility rpc failures", "team": "claims"}


def check_attrs(code: str) -> dict[str, str]:
    return {"grpc.service": "harebell.eligibility.v1.EligibilityService", "grpc.method": "Check", "grpc.code": code, "member_id": "M-{id}"}


def finished(method: str) -> dict[str, str]:
    """go-grpc-middleware's logging interceptor at the end of a call the recovery
    interceptor turned into ``codes.Internal``."""
    return {"protocol": "grpc", "grpc.component": "server", "grpc.service": "harebell.eligibility.v1.EligibilityService", "grpc.method": method, "grpc.method_type": "unary", "peer.address": "{ip}:{port}", "grpc.start_time": "{tsms}", "grpc.code": "Internal", "grpc.time_ms": "{n}.{millis}"}


def task(name: str, *app: Frame) -> tuple[Frame, ...]:
    return (*CELERY_TASK, *app)


def raised(name: str, rep: str) -> str:
    """Celery's trace logger: ``Task <name>[<id>] raised unexpected: <repr(exc)>``."""
    return f"Task {name}[{{uuid}}] raised unexpected: {rep}"


REQUESTS_READ = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)

BUGS = [
    # One unique constraint broken by a request and by a task.
    Bug(
        "hb-appointment-slot-taken",
        "api",
        django_integrity(
            (
                *DJANGO_VIEW,
                pylib("rest_framework.mixins", "create", 19, "self.perform_create(serializer)"),
                py(f"{HB}.appointments.views", "perform_create", 58, "serializer.save(booked_by=self.request.user)"),
                py(f"{HB}.appointments.serializers", "create", 91, "return Appointment.objects.create(**validated_data)"),
            ),
            "appointments_appointment_clinician_slot_uniq",
            "Key (clinician_id, starts_at)=({id}, 2026-03-1{idx} 09:30:00+00) already exists.",
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", **API_LOGS),
            see("datadog.apm", style="message", monitor="api error spans", team="clinic-ops"),
        ),
        classes=(1, 2),
        pair="hb-waitlist-slot-taken",
        log=DJANGO_500,
        logger=DJANGO_LOGGER,
        entry="POST /api/v1/appointments/",
        span=2,
    ),
    Bug(
        "hb-waitlist-slot-taken",
        "worker",
        django_integrity(
            task(
                "appointments.tasks.promote_waitlist",
                py(f"{HB}.appointments.tasks", "promote_waitlist", 44, "offer = book_from_waitlist(entry, slot)"),
                py(f"{HB}.appointments.waitlist", "book_from_waitlist", 27, "return Appointment.objects.create(patient=entry.patient, clinician=slot.clinician, starts_at=slot.starts_at)"),
            ),
            "appointments_appointment_clinician_slot_uniq",
            "Key (clinician_id, starts_at)=({id}, 2026-03-1{idx} 09:30:00+00) already exists.",
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.task", team="clinic-ops"),
        ),
        classes=(1, 2),
        pair="hb-appointment-slot-taken",
        log=raised("harebell.appointments.tasks.promote_waitlist", 'IntegrityError(\'duplicate key value violates unique constraint "appointments_appointment_clinician_slot_uniq"\\nDETAIL:  Key (clinician_id, starts_at)=({id}, 2026-03-1{idx} 09:30:00+00) already exists.\\n\')'),
        logger=CELERY_LOGGER,
        entry="harebell.appointments.tasks.promote_waitlist",
    ),
    # Same DoesNotExist from a task and from a view.
    Bug(
        "hb-reminder-patient-gone",
        "worker",
        (Exc("DoesNotExist", "Patient matching query does not exist.", task(
            "reminders.tasks.send_sms_reminder",
            py(f"{HB}.reminders.tasks", "send_sms_reminder", 22, "patient = Patient.objects.get(pk=patient_id)"),
            *DJANGO_GET,
        ), module=f"{HB}.patients.models", qual="Patient.DoesNotExist"),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", **WORKER_LOGS),
        ),
        classes=(4,),
        pair="hb-export-patient-gone",
        log=raised("harebell.reminders.tasks.send_sms_reminder", "DoesNotExist('Patient matching query does not exist.')"),
        logger=CELERY_LOGGER,
        entry="harebell.reminders.tasks.send_sms_reminder",
    ),
    Bug(
        "hb-export-patient-gone",
        "api",
        (Exc("DoesNotExist", "Patient matching query does not exist.", (
            *DJANGO_VIEW,
            py(f"{HB}.patients.views", "export", 73, "patient = Patient.objects.get(pk=pk, clinic=request.user.clinic)"),
            *DJANGO_GET,
        ), module=f"{HB}.patients.models", qual="Patient.DoesNotExist"),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="route", team="clinic-ops")),
        classes=(4,),
        pair="hb-reminder-patient-gone",
        log=DJANGO_500,
        logger=DJANGO_LOGGER,
        entry="GET /api/v1/patients/{patient_id}/export/",
    ),
    # A serializer reading an optional insurer field.
    Bug(
        "hb-invoice-policy-keyerror",
        "api",
        (Exc("KeyError", "'policy_number'", (
            *DJANGO_VIEW,
            pylib("rest_framework.mixins", "retrieve", 54, "return Response(serializer.data)"),
            pylib("rest_framework.serializers", "data", 555, "ret = super().data"),
            pylib("rest_framework.serializers", "to_representation", 522, "ret[field.field_name] = field.to_representation(attribute)"),
            pylib("rest_framework.fields", "to_representation", 1870, "return method(value)"),
            py(f"{HB}.billing.serializers", "get_insurer_reference", 64, 'return f"{obj.insurer.code}/{obj.insurance[\'policy_number\']}"'),
        ), module="builtins"),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", style="stack", monitor="api unhandled exceptions", team="billing", lines=8),
        ),
        classes=(4,),
        log=DJANGO_500,
        logger=DJANGO_LOGGER,
        entry="GET /api/v1/invoices/{invoice_id}/",
        span=3,
        renames={"get_insurer_reference": "get_insurer_ref"},
    ),
    # A beat-scheduled task timing out on the insurer's claims API; a stats table names only the task.
    Bug(
        "hb-claims-batch-timeout",
        "worker",
        (
            Exc("ReadTimeoutError", "HTTPSConnectionPool(host='claims.insurer.example', port=443): Read timed out. (read timeout=30)", (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"),
            Exc("ReadTimeout", "HTTPSConnectionPool(host='claims.insurer.example', port=443): Read timed out. (read timeout=30)", task(
                "billing.tasks.submit_claims_batch",
                py(f"{HB}.billing.tasks", "submit_claims_batch", 39, "result = client.submit(batch)"),
                py(f"{HB}.billing.insurer", "submit", 58, 'resp = requests.post(f"{self.base}/claims/batches", json=payload, timeout=30)'),
                *REQUESTS_READ,
            ), module="requests.exceptions"),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", 2, search="celery failures by task (24h)", stats={"task_name": "harebell.billing.tasks.submit_claims_batch", "exc_type": "ReadTimeout", "count": "{n}", "last_seen": "{tsnaive}"}),
            see("datadog.task", 2, team="billing"),
            see("datadog.log", **WORKER_LOGS),
        ),
        classes=(8,),
        log=raised("harebell.billing.tasks.submit_claims_batch", "ReadTimeout(ReadTimeoutError(\"HTTPSConnectionPool(host='claims.insurer.example', port=443): Read timed out. (read timeout=30)\"))"),
        logger=CELERY_LOGGER,
        entry="harebell.billing.tasks.submit_claims_batch",
    ),
    # The statements task killed by its soft time limit, wherever it happened to be.
    Bug(
        "hb-statements-soft-limit",
        "worker",
        (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", task(
            "billing.tasks.generate_monthly_statements",
            py(f"{HB}.billing.tasks", "generate_monthly_statements", 81, "for clinic in Clinic.objects.filter(active=True):"),
            py(f"{HB}.billing.statements", "render_statement", 112, "pdf = HTML(string=html).write_pdf()"),
            pylib("weasyprint.document", "write_pdf", 398, "self.fonts.add_font_face(rule_descriptors, url_fetcher)"),
            pylib("billiard.pool", "soft_timeout_sighandler", 258, "raise SoftTimeLimitExceeded()"),
        ), module="billiard.exceptions"),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", search="celery failures by task (24h)", stats={"task_name": "harebell.billing.tasks.generate_monthly_statements", "exc_type": "SoftTimeLimitExceeded", "count": "{n}", "last_seen": "{tsnaive}"}),
            see("datadog.task", team="billing"),
        ),
        classes=(8,),
        log=raised("harebell.billing.tasks.generate_monthly_statements", "SoftTimeLimitExceeded()"),
        logger=CELERY_LOGGER,
        entry="harebell.billing.tasks.generate_monthly_statements",
    ),
    # gRPC: the insurer's API times out behind the Check call; reported through one helper.
    Bug(
        "hb-elig-insurer-timeout",
        "eligibility",
        (
            Exc("*url.Error", 'Post "https://api.insurer.example/v2/eligibility": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'),
            Exc("*fmt.wrapError", 'check member M-{id}: Post "https://api.insurer.example/v2/eligibility": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', grpc_handler(
                "Check",
                go(f"{ELIG}/internal/server", "(*Server).Check", "/src/internal/server/check.go", 48),
                RPC_FAIL,
            )),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, attrs=check_attrs("Unavailable")),
            see("datadog.log", **ELIG_LOGS),
            see("datadog.apm", style="type", monitor="eligibility error spans", team="claims"),
        ),
        classes=(2, 9),
        pair="hb-elig-db-dial",
        log="rpc failed",
        entry="/harebell.eligibility.v1.EligibilityService/Check",
        span=2,
    ),
    Bug(
        "hb-elig-db-dial",
        "eligibility",
        (
            Exc("*pgconn.ConnectError", "failed to connect to `user=eligibility database=eligibility`: 10.{idx}.4.12:5432 (pg-primary.db.svc): dial error: timeout: context deadline exceeded"),
            Exc("*fmt.wrapError", "load plan for member M-{id}: failed to connect to `user=eligibility database=eligibility`: 10.{idx}.4.12:5432 (pg-primary.db.svc): dial error: timeout: context deadline exceeded", grpc_handler(
                "Check",
                go(f"{ELIG}/internal/server", "(*Server).Check", "/src/internal/server/check.go", 39),
                RPC_FAIL,
            )),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3, attrs=check_attrs("Internal")),
            see("datadog.log", **ELIG_LOGS),
        ),
        classes=(2, 9),
        pair="hb-elig-insurer-timeout",
        log="rpc failed",
        entry="/harebell.eligibility.v1.EligibilityService/Check",
    ),
    # Two nil dereferences recovered by the interceptor; the log has the panic value only.
    Bug(
        "hb-elig-nil-plan",
        "eligibility",
        (Exc("runtime.errorString", NIL_DEREF, grpc_handler(
            "Check",
            go(f"{ELIG}/internal/server", "(*Server).Check", "/src/internal/server/check.go", 55),
            go(f"{ELIG}/internal/plans", "(*Plan).CoversVisitType", "/src/internal/plans/plan.go", 73),
        )),),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="finished call", add_source=False, attrs=finished("Check"), err_key="grpc.error", err_format="rpc error: code = Internal desc = %v"),
        ),
        classes=(4, 10),
        pair="hb-benefits-nil-plan",
        log="recovered from panic",
        entry="/harebell.eligibility.v1.EligibilityService/Check",
    ),
    Bug(
        "hb-benefits-nil-plan",
        "eligibility",
        (Exc("runtime.errorString", NIL_DEREF, grpc_handler(
            "ListBenefits",
            go(f"{ELIG}/internal/server", "(*Server).ListBenefits", "/src/internal/server/benefits.go", 29),
            go(f"{ELIG}/internal/plans", "(*Plan).Benefits", "/src/internal/plans/plan.go", 91),
        )),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 1, msg="finished call", add_source=False, attrs=finished("ListBenefits"), err_key="grpc.error", err_format="rpc error: code = Internal desc = %v"),
        ),
        classes=(4, 10),
        pair="hb-elig-nil-plan",
        log="recovered from panic",
        entry="/harebell.eligibility.v1.EligibilityService/ListBenefits",
    ),
    # A naive/None comparison in two places that sort clinicians' slots.
    Bug(
        "hb-availability-none-compare",
        "api",
        (Exc("TypeError", "'<' not supported between instances of 'NoneType' and 'datetime.datetime'", (
            *DJANGO_VIEW,
            py(f"{HB}.scheduling.views", "get", 36, "slots = sorted(open_slots(clinician, day), key=lambda s: s.starts_at)"),
            py(f"{HB}.scheduling.views", "<lambda>", 36, "slots = sorted(open_slots(clinician, day), key=lambda s: s.starts_at)"),
        ), module="builtins"),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", **API_LOGS),
        ),
        classes=(4,),
        pair="hb-reminder-window-none-compare",
        log=DJANGO_500,
        logger=DJANGO_LOGGER,
        entry="GET /api/v1/clinicians/{clinician_id}/availability/",
    ),
    Bug(
        "hb-reminder-window-none-compare",
        "worker",
        (Exc("TypeError", "'<' not supported between instances of 'NoneType' and 'datetime.datetime'", task(
            "reminders.tasks.build_reminder_batch",
            py(f"{HB}.reminders.tasks", "build_reminder_batch", 58, "due = [a for a in upcoming if a.reminder_sent_at < cutoff]"),
        ), module="builtins"),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", **WORKER_LOGS),
            see("datadog.task", team="clinic-ops"),
        ),
        classes=(4,),
        pair="hb-availability-none-compare",
        log=raised("harebell.reminders.tasks.build_reminder_batch", "TypeError(\"'<' not supported between instances of 'NoneType' and 'datetime.datetime'\")"),
        logger=CELERY_LOGGER,
        entry="harebell.reminders.tasks.build_reminder_batch",
    ),
    # logger.error without an exception: Sentry's logging integration sends a message event.
    Bug(
        "hb-claim-no-plan-message",
        "api",
        (Exc("", "Eligibility returned no plan for member M-{id} (insurer {seg})", (
            *DJANGO_VIEW,
            py(f"{HB}.claims.views", "create", 52, "plan = eligibility.plan_for(patient)"),
            py(f"{HB}.claims.eligibility", "plan_for", 88, 'logger.error("Eligibility returned no plan for member %s (insurer %s)", member_id, insurer)'),
        )),),
        (see("sentry.error", 2), see("splunk", 3)),
        classes=(2,),
        log="Eligibility returned no plan for member M-{id} (insurer {seg})",
        logger=f"{HB}.claims.eligibility",
        entry="POST /api/v1/claims/",
        message_event=True,
    ),
    # Seen once.
    Bug(
        "hb-api-unicode",
        "api",
        (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u0142' in position 17: ordinal not in range(256)", (
            *DJANGO_VIEW,
            py(f"{HB}.letters.views", "referral_letter", 31, 'response["Content-Disposition"] = f\'attachment; filename="{patient.full_name}.pdf"\''),
        ), module="builtins"),),
        (see("sentry.error"),),
        singleton=True,
        log=DJANGO_500,
        logger=DJANGO_LOGGER,
        entry="GET /api/v1/patients/{patient_id}/referral-letter/",
    ),
]

NOISE = [
    Noise("hb-noise-beat", "worker", "splunk", {"search": "worker - errors", "line": "{gts},{millis} [INFO] celery.beat: Scheduler: Sending due task submit-claims-nightly (harebell.billing.tasks.submit_claims_batch)"}),
    Noise("hb-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api 5.14.1 to prod", "text": "GitHub Actions rolled out api 5.14.1 (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("hb-noise-grpc-health", "eligibility", "datadog.metric", {"monitor": "eligibility gRPC health check", "scope": "service:eligibility", "text": "grpc.health.v1 SERVING again on all pods.", "query": "min(last_5m):min:grpc.health.serving{service:eligibility} < 1", "metric": "grpc.health.serving", "priority": "P3", "transition": "Recovered"}),
]

HAREBELL = Company(
    key="ah",
    name="Harebell Physio",
    domain="harebell.example",
    sentry_org="harebell-physio",
    splunk_url="https://harebell.splunkcloud.com",
    splunk_guid="0F83C6D2-5A17-4E9B-8C41-D2A6B7E95F03",
    datadog_org=("640118", "Harebell Physio"),
    datadog_template="harebell",
    posthog_project=(0, ""),
    releases=("5.13.0", "5.13.2", "5.14.0", "5.14.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="harebell-sentry-client-secret",
)
# fmt: on
