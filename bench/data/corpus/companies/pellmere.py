"""(bl) Pellmere Physio, a chain of physiotherapy clinics booking online: a Flask 3 JSON API on
CPython 3.12 under gunicorn (``booking-api``: availability, appointments, patients, invoices;
Flask-SQLAlchemy over Postgres), RQ 1.16 workers beside it (``booking-worker``: SMS
reminders, insurer claims, invoice PDFs, exports) and an Angular 17 patient app built by the
esbuild application builder (``booking-web``: ``main-<HASH>.js``, ``chunk-<HASH>.js``).

Sentry: sentry-sdk's Flask and RQ integrations, @sentry/angular-ivy 7's ``ErrorHandler`` on
the app (source maps uploaded from CI, one release's upload failed). PostHog: posthog-js
with exception autocapture on the app, and posthog-python's ``capture_exception`` in the
API's error handler. Splunk indexes the containers' output: gunicorn's error log (Flask's
``Exception on … [POST]`` and the traceback below) and the RQ workers' log, with a stats
search of failed jobs. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, py, pylib, sqlalchemy_integrity

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking-api": Service("booking-api", "python", "bl-gunicorn-flask", "pellmere:gunicorn", "/var/log/containers/booking-api.log", "pm_app", 6230051, "CPython 3.11.9", framework="flask"),
    "booking-worker": Service("booking-worker", "python", "bl-rq-worker", "pellmere:rq", "/var/log/containers/booking-worker.log", "pm_app", 6230052, "CPython 3.11.9", framework="rq"),
    "booking-web": Service("booking-web", "javascript", "", "", "", "", 6230054, origin="https://book.pellmere.example", framework="angular", sdk=("sentry.javascript.angular-ivy", "7.119.0", "npm:@sentry/angular-ivy")),
}

# Flask 3.0 dispatching to a view (oldest first).
FLASK = (
    pylib("flask.app", "wsgi_app", 1473, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 882, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 880, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 865, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)
# RQ 1.16's worker running a job's function.
RQ = (
    pylib("rq.worker", "perform_job", 1430, "rv = job.perform()"),
    pylib("rq.job", "perform", 1280, "self._result = self._execute()"),
    pylib("rq.job", "_execute", 1317, "result = self.func(*self.args, **self.kwargs)"),
)
REQUESTS_POST = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.api", "request", 59, "return session.request(method=method, url=url, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
# Both outbound integrations go through one helper; its frame ends both timeouts.
POST_JSON = py("pellmere.integrations.http", "post_json", 31, "resp = requests.post(url, json=payload, headers=headers, timeout=10)")


def read_timeout(host: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    value = f"HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout=10)"
    return (
        Exc("TimeoutError", "The read operation timed out", (pylib("ssl", "read", 1134, "return self._sslobj.read(len, buffer)"),), module="builtins"),
        Exc("ReadTimeoutError", value, (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"),
        Exc("ReadTimeout", value, (*RQ, *app, POST_JSON, *REQUESTS_POST), module="requests.exceptions"),
    )


NG = "node_modules/@angular/core/fesm2022/core.mjs"
ZONE = "node_modules/zone.js/fesm2015/zone.js"
NG_RENDER = (
    js(ZONE, "_ZoneDelegate.invoke", 368, 26, "polyfills", lib=True),
    js(NG, "detectChangesInViewWhileDirty", 13412, 9, "main", lib=True),
    js(NG, "executeTemplate", 11920, 9, "main", lib=True),
)
NG_CLICK = (
    js(ZONE, "_ZoneDelegate.invokeTask", 402, 31, "polyfills", lib=True),
    js(ZONE, "ZoneTask.invokeTask", 569, 33, "polyfills", lib=True),
    js(NG, "wrapListenerIn_markDirtyAndPreventDefault", 25421, 36, "main", lib=True),
)

API = {"search": "booking-api errors"}
WORKER = {"search": "booking-worker failed jobs"}
STATS = "booking-worker failures by function (1h)"

BUGS = [
    # Two unique violations in the API: a slot booked twice, a patient registered twice.
    Bug("bl-slot-double-booked", "booking-api", sqlalchemy_integrity((*FLASK, py("pellmere.api.appointments", "create_appointment", 58, "db.session.commit()")), "appointments_clinician_id_starts_at_key", "Key (clinician_id, starts_at)=({n}, 2026-03-1{idx} 09:30:00+00) already exists.", "INSERT INTO appointments (patient_id, clinician_id, starts_at, kind) VALUES (%(patient_id)s, %(clinician_id)s, %(starts_at)s, %(kind)s) RETURNING appointments.id"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("posthog")),
        classes=(4,), pair="bl-patient-email-taken", entry="POST /v1/appointments"),
    Bug("bl-patient-email-taken", "booking-api", sqlalchemy_integrity((*FLASK, py("pellmere.api.patients", "register", 41, "db.session.commit()")), "uq_patients_email", "Key (lower(email::text))=({email}) already exists.", "INSERT INTO patients (email, first_name, last_name, date_of_birth) VALUES (%(email)s, %(first_name)s, %(last_name)s, %(date_of_birth)s) RETURNING patients.id"),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 2)),
        classes=(4,), pair="bl-slot-double-booked", entry="POST /v1/patients"),
    # The same None insurer read at two places: the claims job and the invoice endpoint.
    Bug("bl-claim-no-insurer", "booking-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'policy_number'", (*RQ, py("pellmere.jobs.claims", "submit_claim", 22, "claim = build_claim(appointment)"), py("pellmere.claims.builder", "build_claim", 47, '"policy": appointment.patient.insurer.policy_number,')), module="builtins"),),
        (see("sentry.error", 2, mechanism="rq"), see("sentry.error", mechanism="rq", release=1), see("splunk", 2, func="pellmere.jobs.claims.submit_claim", queue="claims", **WORKER)),
        classes=(4,), pair="bl-invoice-no-insurer", entry="pellmere.jobs.claims.submit_claim", span=2),
    Bug("bl-invoice-no-insurer", "booking-api", (Exc("AttributeError", "'NoneType' object has no attribute 'policy_number'", (*FLASK, py("pellmere.api.invoices", "get_invoice", 29, "return jsonify(invoice_schema.dump(invoice))"), py("pellmere.schemas.invoice", "policy_line", 63, "return f\"{obj.patient.insurer.name} / {obj.patient.insurer.policy_number}\"")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("posthog")),
        classes=(4,), pair="bl-claim-no-insurer", entry="GET /v1/invoices/{id}"),
    # Two jobs time out in the one HTTP helper they share.
    Bug("bl-sms-reminder-timeout", "booking-worker", read_timeout("api.twilio.com", (py("pellmere.jobs.reminders", "send_reminder", 18, "sms.send(patient.mobile, text)"), py("pellmere.integrations.sms", "send", 26, "return post_json(self.url, payload, self.headers)"))),
        (see("sentry.error", 2, mechanism="rq"), see("splunk", 2, func="pellmere.jobs.reminders.send_reminder", queue="reminders", **WORKER), see("splunk", search=STATS, stats={"func_name": "pellmere.jobs.reminders.send_reminder", "origin": "reminders", "failed": "{n}", "exc_type": "ReadTimeout"})),
        classes=(9,), pair="bl-claim-gateway-timeout", entry="pellmere.jobs.reminders.send_reminder"),
    Bug("bl-claim-gateway-timeout", "booking-worker", read_timeout("claims.healthcode.example", (py("pellmere.jobs.claims", "submit_claim", 25, "gateway.submit(claim)"), py("pellmere.integrations.claims_gateway", "submit", 39, "return post_json(self.url, claim, self.headers)"))),
        (see("sentry.error", 2, mechanism="rq"), see("sentry.issue"), see("splunk", 2, func="pellmere.jobs.claims.submit_claim", queue="claims", **WORKER)),
        classes=(9,), pair="bl-sms-reminder-timeout", entry="pellmere.jobs.claims.submit_claim"),
    # One availability builder, two exceptions: a naive datetime, a clinic with no Tuesday.
    Bug("bl-slots-naive-datetime", "booking-api", (Exc("TypeError", "can't compare offset-naive and offset-aware datetimes", (*FLASK, py("pellmere.api.availability", "list_slots", 33, "slots = build_slots(clinic, day)"), py("pellmere.availability.slots", "build_slots", 71, "if start < clinic.opens_at:")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API), see("posthog", 2)),
        classes=(4,), pair="bl-slots-missing-weekday", entry="GET /v1/clinics/{id}/slots", span=3, renames={"list_slots": "clinic_slots"}),
    Bug("bl-slots-missing-weekday", "booking-api", (Exc("KeyError", "'tuesday'", (*FLASK, py("pellmere.api.availability", "list_slots", 33, "slots = build_slots(clinic, day)"), py("pellmere.availability.slots", "build_slots", 64, "hours = clinic.opening_hours[day.strftime('%A').lower()]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog")),
        classes=(4,), pair="bl-slots-naive-datetime", entry="GET /v1/clinics/{id}/slots"),
    # The Angular app: the same undefined .length in two components.
    Bug("bl-web-exercises-length", "booking-web", (Exc("TypeError", frames=(*NG_RENDER, js("src/app/plans/exercise-plan.component.ts", "ExercisePlanComponent_Template", 14, 43, "chunk-plans")), js=JsError("read-undefined", "ctx.plan.exercises", "length")),),
        (see("sentry.error", 2, browser="chrome", chunk="chunk-plans"), see("sentry.error", browser="safari", chunk="chunk-plans", release=1), see("posthog", browser="firefox"), see("posthog", browser="chrome", resolved=True, release=1)),
        classes=(3, 4), pair="bl-web-invoice-lines-length", span=2, page="/plans"),
    Bug("bl-web-invoice-lines-length", "booking-web", (Exc("TypeError", frames=(*NG_RENDER, js("src/app/billing/invoice-detail.component.ts", "InvoiceDetailComponent_Template", 22, 37, "chunk-billing")), js=JsError("read-undefined", "ctx.invoice.lines", "length")),),
        (see("sentry.error", 2, browser="chrome", chunk="chunk-billing"), see("sentry.error", browser="firefox", chunk="chunk-billing", raw=True), see("posthog", browser="edge"), see("posthog", browser="safari")),
        classes=(3, 4), pair="bl-web-exercises-length", page="/billing"),
    # After a deploy, an open tab asks for a lazy chunk that is gone.
    Bug("bl-web-stale-chunk", "booking-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js(ZONE, "ZoneAwarePromise.then", 1420, 28, "polyfills", lib=True), js("src/app/app.routes.ts", "loadComponent", 19, 29, "main")), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="chunk-billing", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="chunk-billing", mechanism="onunhandledrejection", release=1), see("posthog", browser="safari", chunk="chunk-billing", mechanism="onunhandledrejection"), see("posthog", browser="chrome", chunk="chunk-plans", mechanism="onunhandledrejection", release=1)),
        classes=(3,), span=2, page="/billing"),
    # Safari alone: Angular's DatePipe given "2026-03-04 10:00" from the booking form.
    Bug("bl-web-safari-datepipe", "booking-web", (Exc("Error", "NG02100: InvalidPipeArgument: 'Unable to convert \"2026-03-1{idx} 10:00\" into a date' for pipe 'DatePipe'", (*NG_CLICK, js("src/app/booking/confirm-step.component.ts", "ConfirmStepComponent.confirm", 51, 22, "chunk-booking"), js("node_modules/@angular/common/fesm2022/common.mjs", "DatePipe.transform", 4562, 19, "main", lib=True), js("node_modules/@angular/common/fesm2022/common.mjs", "invalidPipeArgumentError", 4217, 12, "main", lib=True))),),
        (see("sentry.error", 2, browser="safari", chunk="chunk-booking", mechanism="angular"), see("sentry.error", browser="safari", chunk="chunk-booking", mechanism="angular", sourcemaps=False, release=1), see("posthog", browser="safari")),
        span=2, page="/book/confirm"),
    # Postgres out of connection slots during the Monday 8am booking rush.
    Bug("bl-pg-slots-exhausted", "booking-api", (Exc("OperationalError", 'connection to server at "pg-primary.internal" (10.20.{idx}.5), port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections\n', (pylib("psycopg2", "connect", 122, "conn = _connect(dsn, connection_factory=connection_factory, **kwasync)"),), module="psycopg2"), Exc("OperationalError", '(psycopg2.OperationalError) connection to server at "pg-primary.internal" (10.20.{idx}.5), port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections\n\n(Background on this error at: https://sqlalche.me/e/20/e3q8)', (*FLASK, py("pellmere.api.availability", "list_clinics", 15, "clinics = db.session.scalars(select(Clinic)).all()"), pylib("sqlalchemy.orm.session", "scalars", 2410, "return self._execute_internal("), pylib("sqlalchemy.engine.base", "__init__", 146, "self._dbapi_connection = engine.raw_connection()"), pylib("sqlalchemy.pool.base", "__connect", 903, "self.dbapi_connection = connection = pool._invoke_creator(self)"), pylib("sqlalchemy.engine.default", "connect", 625, "return self.loaded_dbapi.connect(*cargs, **cparams)")), module="sqlalchemy.exc")),
        (see("sentry.error", 2), see("sentry.alert", rule="booking-api: new issue in production"), see("splunk", 3, **API), see("posthog")),
        entry="GET /v1/clinics"),
    # The monthly export outgrowing RQ's default timeout.
    Bug("bl-export-job-timeout", "booking-worker", (Exc("JobTimeoutException", "Task exceeded maximum timeout value (180 seconds)", (*RQ, py("pellmere.jobs.exports", "monthly_activity_export", 40, "for row in rows:"), pylib("sqlalchemy.engine.result", "__iter__", 1051, "return self._iter_impl()"), pylib("rq.timeouts", "handle_death_penalty", 55, "raise self._exception('Task exceeded maximum timeout value ({0} seconds)'.format(self._timeout))")), module="rq.timeouts"),),
        (see("sentry.error", 2, mechanism="rq"), see("splunk", func="pellmere.jobs.exports.monthly_activity_export", queue="exports", **WORKER), see("splunk", search=STATS, stats={"func_name": "pellmere.jobs.exports.monthly_activity_export", "origin": "exports", "failed": "{n}", "exc_type": "JobTimeoutException"})),
        entry="pellmere.jobs.exports.monthly_activity_export"),
    # Invoice PDFs on an image without Pango.
    Bug("bl-invoice-pdf-pango", "booking-worker", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate a library called 'libpango-1.0-0'", (*RQ, py("pellmere.jobs.invoices", "render_invoice_pdf", 17, "from weasyprint import HTML"), pylib("weasyprint.text.ffi", "<module>", 440, "pango = _dlopen("), pylib("weasyprint.text.ffi", "_dlopen", 428, "return ffi.dlopen(names[0], flags)  # pragma: no cover"), pylib("cffi.api", "dlopen", 150, "lib, function_cache = _make_ffi_library(self, name, flags)")), module="builtins"),),
        (see("sentry.error", 2, mechanism="rq"), see("sentry.issue"), see("splunk", 2, func="pellmere.jobs.invoices.render_invoice_pdf", queue="documents", **WORKER)),
        entry="pellmere.jobs.invoices.render_invoice_pdf"),
    # Referral letters uploaded slowly: one log template, no bug.
    Bug("bl-referral-upload-slow", "booking-api", (),
        (see("splunk", 4, search="booking-api slow referral uploads", line="[{gts} +0000] [{idx}] [WARNING] referral letter stored on {objstore}: {size} in {dur}"),),
        classes=(7,)),
    # Seen once: a self-referencing care plan recursing in the serializer.
    Bug("bl-careplan-recursion", "booking-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", (*FLASK, py("pellmere.api.plans", "get_plan", 22, "return jsonify(plan_schema.dump(plan))"), pylib("marshmallow.schema", "dump", 549, "result = self._serialize(processed_obj, many=many)"), pylib("marshmallow.fields", "_serialize", 623, "return schema.dump(nested_obj, many=many)")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/plans/{id}"),
]

NOISE = [
    Noise("bl-noise-gunicorn-boot", "booking-api", "splunk", {**API, "line": "[{gts} +0000] [{idx}] [INFO] Booting worker with pid: {idx}"}),
    Noise("bl-noise-rq-started", "booking-worker", "splunk", {**WORKER, "line": "{hms} Worker rq:worker:{hex} started with PID {idx}, version 1.16.2"}),
    Noise("bl-noise-sentry-resolved", "booking-api", "sentry.metric", {"rule": "booking-api error count", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

PELLMERE = Company(
    key="bl",
    name="Pellmere Physio",
    domain="pellmere.example",
    sentry_org="pellmere",
    splunk_url="https://pellmere.splunkcloud.com",
    splunk_guid="2B7E61C4-90A3-4D2F-8E15-6F3A0C9D74B8",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(41873, "Pellmere booking"),
    releases=("3.8.0", "3.9.0", "3.9.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pellmere-sentry-client-secret",
)
