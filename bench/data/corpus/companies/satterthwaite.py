"""(jz) Satterthwaite Vets, a group of five veterinary practices: a Django 4.1 monolith on
Python 3.10 served by uWSGI (``vets-web``: appointments, pets and owners, prescriptions and
the dispensary, invoices; PostgreSQL through psycopg2, an SMS gateway and Xero over requests)
and Celery 5.2 workers fed by Celery beat (``vets-celery``: vaccination reminders, SMS
confirmations, the nightly Xero sync, stock reorders).

Logs: stdlib ``logging`` through ``SysLogHandler('/dev/log')`` to rsyslog, which escapes the
traceback's newlines as ``#012`` and writes the team's template (RFC 3339 time, host, tag,
message: ``jz-rsyslog``); the web hosts set the handler's ident, the Celery hosts do not, so
rsyslog reads the level as the tag; two older practice-server hosts cut lines at 2 KB.
uWSGI's own ``HARAKIRI`` lines reach the same syslog (``jz-uwsgi``). Splunk reads the lines
from a syslog input; Datadog log monitors paste the syslog line. Sentry: sentry-python's
Django and Celery integrations. No PostHog, no APM.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_DJ = ("sentry.python.django", "1.45.1", "pypi:sentry-sdk")
SDK_CE = ("sentry.python.celery", "1.45.1", "pypi:sentry-sdk")
SERVICES = {
    "vets-web": Service("vets-web", "python", "jz-rsyslog", "syslog", "tcp:1514", "satt_syslog", 9440201, "CPython 3.10.12", framework="django", sdk=SDK_DJ),
    "vets-celery": Service("vets-celery", "python", "jz-rsyslog", "syslog", "tcp:1514", "satt_syslog", 9440202, "CPython 3.10.12", framework="celery", sdk=SDK_CE),
}

# Django 4.1 function views under login_required.
VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.auth.decorators", "_wrapped_view", 23, "return view_func(request, *args, **kwargs)"),
)
ORM_INSERT = (
    pylib("django.db.models.base", "save", 812, "self.save_base("),
    pylib("django.db.models.base", "save_base", 863, "updated = self._save_table("),
    pylib("django.db.models.base", "_save_table", 1006, "results = self._do_insert("),
    pylib("django.db.models.base", "_do_insert", 1047, "return manager._insert("),
    pylib("django.db.models.query", "_insert", 1791, "return query.get_compiler(using=using).execute_sql(returning_fields)"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1660, "cursor.execute(sql, params)"),
    pylib("django.db.backends.utils", "execute", 67, "return self._execute_with_wrappers("),
    pylib("django.db.backends.utils", "_execute_with_wrappers", 80, "return executor(sql, params, many, context)"),
    pylib("django.db.backends.utils", "_execute", 84, "with self.db.wrap_database_errors:"),
    pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value"),
)
PSYCOPG2 = (pylib("django.db.backends.utils", "_execute", 89, "return self.cursor.execute(sql, params)"),)
REQUESTS = (pylib("requests.models", "raise_for_status", 1021, "raise HTTPError(http_error_msg, response=self)"),)
READ_TIMEOUT = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 532, "raise ReadTimeout(e, request=request)"),
)


def app(module: str, fn: str, line: int, context: str) -> Frame:
    return py(f"vets.{module}", fn, line, context)


def unique(constraint: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    value = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}\n'
    return Exc("UniqueViolation", value, PSYCOPG2, module="psycopg2.errors"), Exc("IntegrityError", value, frames + ORM_INSERT + PSYCOPG2, module="django.db.utils")


SMS = app("messaging.sms", "send_sms", 34, "resp = requests.post(GATEWAY_URL, json=payload, headers=self.auth, timeout=5)")
SMS_RAISE = app("messaging.sms", "send_sms", 36, "resp.raise_for_status()")
XERO = app("accounts.xero", "_post", 58, "resp.raise_for_status()")
DISCOUNT = "vets.invoices.pricing"

S_WEB = dict(search="vets-web syslog errors", app="satt_ops")
S_CEL = dict(search="vets-celery task failures", app="satt_ops")
OLD = dict(max=2048)
NOIDENT = dict(ident=False)
DD_WEB = dict(team="clinic", monitor="[vets-web] errors in syslog", filter='source:syslog host:vets-web-* "ERROR"', text="Error in vets-web syslog:\n\n{{log.message}}", sample_lines=1)
DD_CEL = dict(team="clinic", monitor="[vets-celery] task failures", filter='source:syslog "raised unexpected"', text="{{log.message}}", sample_lines=1, ident=False)
DD_HARAKIRI = dict(team="clinic", monitor="[vets-web] uWSGI harakiri", filter='source:syslog "HARAKIRI"', text="{{log.message}}", sample_lines=3)

BUGS = [
    # DoesNotExist for an Appointment and for a Pet: the entity is the bug.
    Bug("jz-appointment-missing", "vets-web", (Exc("DoesNotExist", "Appointment matching query does not exist.", (*VIEW, app("appointments.views", "reschedule", 64, "appt = Appointment.objects.get(pk=pk, practice=request.practice)"), *DJANGO_GET), module="vets.appointments.models", qual="Appointment.DoesNotExist"),),
        (see("sentry.error", 3), see("splunk", 2, **S_WEB), see("datadog.log", **DD_WEB)),
        classes=(1, 4), pair="jz-pet-missing", entry="POST /appointments/{id}/reschedule/"),
    Bug("jz-pet-missing", "vets-web", (Exc("DoesNotExist", "Pet matching query does not exist.", (*VIEW, app("pets.views", "pet_record", 29, "pet = Pet.objects.get(pk=pk, owner__practice=request.practice)"), *DJANGO_GET), module="vets.pets.models", qual="Pet.DoesNotExist"),),
        (see("sentry.error", 3), see("splunk", 2, **S_WEB), see("splunk", **S_WEB, **OLD), see("datadog.log", **DD_WEB)),
        classes=(1, 4), pair="jz-appointment-missing", entry="GET /pets/{id}/"),
    # KeyError 'species' in a view and in a beat task.
    Bug("jz-dose-species-key", "vets-web", (Exc("KeyError", "'species'", (*VIEW, app("dispensary.views", "dose_calculator", 48, "dose = dosing.dose_for(drug, form.cleaned_data)"), app("dispensary.dosing", "dose_for", 21, "per_kg = drug.rates[data['species']]")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_WEB), see("datadog.log", 2, **DD_WEB)),
        classes=(1, 4), pair="jz-reminder-species-key", entry="POST /dispensary/dose/", span=2, renames={"dose_calculator": "calculate_dose"}),
    Bug("jz-reminder-species-key", "vets-celery", (Exc("KeyError", "'species'", (*CELERY_TASK, app("reminders.tasks", "send_vaccine_reminders", 41, "schedule = SCHEDULES[pet_row['species']]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_CEL, **NOIDENT), see("datadog.log", 2, **DD_CEL)),
        classes=(1, 4), pair="jz-dose-species-key", entry="vets.reminders.tasks.send_vaccine_reminders"),
    # Unique violations: a double-booked slot and a duplicate invoice number.
    Bug("jz-slot-dup", "vets-web", unique("appointments_appointment_vet_id_starts_at_uniq", "Key (vet_id, starts_at)=({n}, 2026-03-1{idx} 09:30:00+00) already exists.", (*VIEW, app("appointments.views", "book", 102, "appt.save()"))),
        (see("sentry.error", 3), see("splunk", 2, **S_WEB), see("datadog.log", **DD_WEB)),
        classes=(1, 4), pair="jz-invoice-number-dup", entry="POST /appointments/book/"),
    Bug("jz-invoice-number-dup", "vets-celery", unique("invoices_invoice_number_key", "Key (number)=(INV-{id}) already exists.", (*CELERY_TASK, app("invoices.tasks", "raise_monthly_invoices", 57, "invoice.save()"))),
        (see("sentry.error", 2), see("splunk", 2, **S_CEL, **NOIDENT), see("datadog.log", **DD_CEL)),
        classes=(1, 4), pair="jz-slot-dup", entry="vets.invoices.tasks.raise_monthly_invoices"),
    # One SMS helper: a 401 from the gateway and a read timeout.
    Bug("jz-sms-401", "vets-celery", (Exc("HTTPError", "401 Client Error: Unauthorized for url: https://api.textgate.example/v2/messages", (*CELERY_TASK, app("appointments.tasks", "send_confirmation_sms", 22, "sms.send_sms(appt.owner.mobile, render_confirmation(appt))"), SMS_RAISE, *REQUESTS), module="requests.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **S_CEL, **NOIDENT), see("datadog.log", 2, **DD_CEL)),
        classes=(1, 9), pair="jz-sms-timeout", entry="vets.appointments.tasks.send_confirmation_sms"),
    Bug("jz-sms-timeout", "vets-celery", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.textgate.example', port=443): Read timed out. (read timeout=5)", (*CELERY_TASK, app("appointments.tasks", "send_confirmation_sms", 22, "sms.send_sms(appt.owner.mobile, render_confirmation(appt))"), SMS, *READ_TIMEOUT), module="requests.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **S_CEL, **NOIDENT), see("splunk", **S_CEL, **NOIDENT, **OLD), see("datadog.log", **DD_CEL)),
        classes=(1, 9), pair="jz-sms-401", entry="vets.appointments.tasks.send_confirmation_sms"),
    # The nightly Xero sync under one monitor: rate limited, and a refresh token gone.
    Bug("jz-xero-429", "vets-celery", (Exc("HTTPError", "429 Client Error: Too Many Requests for url: https://api.xero.com/api.xro/2.0/Invoices", (*CELERY_TASK, app("accounts.tasks", "nightly_xero_sync", 37, "xero.push_invoices(batch)"), app("accounts.xero", "push_invoices", 44, "return self._post('/Invoices', {'Invoices': rows})"), XERO, *REQUESTS), module="requests.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **S_CEL, **NOIDENT), see("datadog.log", 2, **DD_CEL)),
        classes=(1, 2), pair="jz-xero-grant", entry="vets.accounts.tasks.nightly_xero_sync"),
    Bug("jz-xero-grant", "vets-celery", (Exc("InvalidGrantError", "(invalid_grant) ", (*CELERY_TASK, app("accounts.tasks", "nightly_xero_sync", 31, "xero = XeroClient.for_practice(practice)"), app("accounts.xero", "for_practice", 22, "token = oauth.refresh_token(TOKEN_URL, refresh_token=creds.refresh_token)"), pylib("requests_oauthlib.oauth2_session", "refresh_token", 450, "self.token = self._client.parse_request_body_response(r.text, scope=self.scope)"), pylib("oauthlib.oauth2.rfc6749.errors", "raise_from_error", 400, "raise cls(**kwargs)")), module="oauthlib.oauth2.rfc6749.errors"),),
        (see("sentry.error", 2), see("splunk", 2, **S_CEL, **NOIDENT), see("datadog.log", **DD_CEL)),
        classes=(1, 2), pair="jz-xero-429", entry="vets.accounts.tasks.nightly_xero_sync"),
    # One pricing function, two exceptions.
    Bug("jz-discount-zero", "vets-web", (Exc("ZeroDivisionError", "division by zero", (*VIEW, app("invoices.views", "invoice_preview", 75, "lines = pricing.apply_plan_discount(invoice, plan)"), app("invoices.pricing", "apply_plan_discount", 30, "share = line.total / invoice.subtotal")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_WEB), see("datadog.log", **DD_WEB)),
        classes=(1, 4), pair="jz-discount-decimal", entry="GET /invoices/{id}/preview/"),
    Bug("jz-discount-decimal", "vets-web", (Exc("TypeError", "unsupported operand type(s) for *: 'decimal.Decimal' and 'float'", (*VIEW, app("invoices.views", "invoice_preview", 75, "lines = pricing.apply_plan_discount(invoice, plan)"), app("invoices.pricing", "apply_plan_discount", 34, "line.discount = line.total * plan.discount_rate")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_WEB), see("splunk", **S_WEB, **OLD), see("datadog.log", **DD_WEB)),
        classes=(1, 4), pair="jz-discount-zero", entry="GET /invoices/{id}/preview/"),
    # Not pairs.
    Bug("jz-harakiri-export", "vets-web", (),
        (see("splunk", 2, **S_WEB, format="jz-uwsgi"), see("datadog.log", 2, **DD_HARAKIRI, format="jz-uwsgi")),
        classes=(1,), entry="GET /reports/export/"),
    Bug("jz-db-closed", "vets-web", (Exc("OperationalError", "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n", (*VIEW, app("appointments.views", "day_list", 18, "for appt in qs.select_related('pet', 'vet'):"), pylib("django.db.models.query", "__iter__", 394, "self._fetch_all()"), pylib("django.db.backends.utils", "_execute", 89, "return self.cursor.execute(sql, params)")), module="django.db.utils"),),
        (see("sentry.error", 2), see("splunk", 3, **S_WEB), see("datadog.log", 2, **DD_WEB)),
        classes=(1,), entry="GET /appointments/day/{id}/"),
    Bug("jz-stock-none", "vets-celery", (Exc("AttributeError", "'NoneType' object has no attribute 'supplier_code'", (*CELERY_TASK, app("dispensary.tasks", "reorder_low_stock", 26, "lines.append((item.product.preferred_supplier.supplier_code, qty))")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_CEL, **NOIDENT), see("datadog.log", **DD_CEL)),
        classes=(1,), entry="vets.dispensary.tasks.reorder_low_stock", span=2),
    Bug("jz-label-weasy", "vets-web", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate a library called 'libpango-1.0-0'", (*VIEW, app("dispensary.views", "print_label", 88, "pdf = render_label_pdf(prescription)"), app("dispensary.labels", "render_label_pdf", 12, "from weasyprint import HTML"), pylib("cffi.api", "dlopen", 150, "lib, function_cache = _make_ffi_library(self, name, flags)")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_WEB)),
        classes=(1,), entry="GET /dispensary/prescriptions/{id}/label/", log="Label rendering failed for prescription {id}", logger="vets.dispensary.views"),
    Bug("jz-host-singleton", "vets-web", (Exc("DisallowedHost", "Invalid HTTP_HOST header: '{ip}'. You may need to add '{ip}' to ALLOWED_HOSTS.", (*VIEW[:2], pylib("django.http.request", "get_host", 150, "raise DisallowedHost(msg)")), module="django.core.exceptions"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /"),
]

NOISE = [
    Noise("jz-noise-uwsgi-start", "vets-web", "splunk", {"search": "vets-web syslog errors", "app": "satt_ops", "line": "{tsms} vets-web-2 uwsgi[412]: *** uWSGI is running in multiple interpreter mode ***"}),
    Noise("jz-noise-recovered", "vets-celery", "datadog.log", {"monitor": "[vets-celery] task failures", "transition": "Recovered", "alert_type": "success", "text": "vets-celery task failures back to normal.", "team": "clinic"}),
    Noise("jz-noise-beat", "vets-celery", "splunk", {"search": "vets-celery task failures", "app": "satt_ops", "line": "{tsms} vets-celery-1 INFO celery.beat Scheduler: Sending due task nightly-xero-sync (vets.accounts.tasks.nightly_xero_sync)"}),
]

SATTERTHWAITE = Company(
    key="jz",
    name="Satterthwaite Vets",
    domain="satterthwaite-vets.example",
    sentry_org="satterthwaite-vets",
    splunk_url="https://satterthwaite.splunkcloud.com",
    splunk_guid="C3E8A1D7-5F29-4B6E-8A04-19D7F2C6B538",
    datadog_org=("944020", "Satterthwaite Vets"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="satterthwaite-sentry-client-secret",
)
# fmt: on
