"""(am) Ashgrove Lettings, a lettings agency's platform: a Django 5.1 site on Python 3.12
under gunicorn (``web``; server-rendered pages with HTMX partials, python-json-logger with
renamed fields), a back office on the same code base (``backoffice``; Django's documented
``verbose`` formatter) and Huey 2 workers on Redis (``tasks``; the Huey consumer's own format).

Sentry (sentry-python with the Django and Huey integrations) sees every service; PostHog sees
the site's server errors (posthog-python's exception capture); Splunk indexes the three logs
(one ``stats`` search of failing Huey tasks); Datadog posts the team's own template
(``alert_heading``, the markdown ``alert_body``, the monitor in one object, ``fired_at_ms``).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import DJANGO_GET, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.django", "2.20.0", "pypi:sentry-sdk")
SERVICES = {
    "web": Service("web", "python", "pjl-renamed", "ashgrove:web:json", "/var/log/containers/web.log", "ag_prod", 4120011, "CPython 3.12.8", framework="django", sdk=SDK),
    "backoffice": Service("backoffice", "python", "django-verbose", "ashgrove:backoffice", "/var/log/containers/backoffice.log", "ag_prod", 4120014, "CPython 3.12.8", framework="django", sdk=SDK),
    "tasks": Service("tasks", "python", "huey-consumer", "ashgrove:huey", "/var/log/containers/huey.log", "ag_prod", 4120017, "CPython 3.12.8", framework="huey", sdk=("sentry.python", "2.20.0", "pypi:sentry-sdk")),
}

AG = "ashgrove"
# Django 5.1 calling a function-based view behind ``login_required``.
FBV = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.auth.decorators", "_view_wrapper", 60, "return view_func(request, *args, **kwargs)"),
)
# django-htmx's ``require_htmx``-style decorator the team wrote for partial endpoints.
HX = py(f"{AG}.core.htmx", "wrapper", 21, "return view(request, *args, **kwargs)")
# The Huey consumer's worker thread executing a task.
HUEY = (
    pylib("huey.consumer", "process_task", 193, "self.huey.execute(task, timestamp)"),
    pylib("huey.api", "execute", 366, "return self._execute(task, timestamp)"),
    pylib("huey.api", "_execute", 386, "task_value = task.execute()"),
    pylib("huey.api", "execute", 777, "return func(*(args or ()), **(kwargs or {}))"),
)
TEMPLATE_RENDER = (
    pylib("django.shortcuts", "render", 25, "content = loader.render_to_string(template_name, context, request, using=using)"),
    pylib("django.template.loader", "render_to_string", 61, "template = get_template(template_name, using=using)"),
    pylib("django.template.loader", "get_template", 19, "raise TemplateDoesNotExist(template_name, chain=chain)"),
)
REQUESTS_GET = (
    pylib("requests.sessions", "get", 602, 'return self.request("GET", url, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
# Every "this should not happen" in the code base goes through one helper: it logs at ERROR
# and sends a Sentry message with the current stack, so the helper is the innermost frame.
REPORT = py(f"{AG}.core.problems", "report_problem", 17, "sentry_sdk.capture_message(text, level=\"error\")")
REQ_LOGGER = "django.request"
DJ500 = "Internal Server Error: {path}"
HUEY_FAIL = "Unhandled exception in task {uuid}."

TEAM = "lettings"
WEB_LOGS = dict(team=TEAM, monitor="web: unhandled errors", style="kind", filter="service:web status:error @logger:django.request")
TASK_MON = dict(team=TEAM, monitor="huey task failures")
FAILING = "huey - failing tasks (24h)"


def task_stats(task: str, exc: str) -> dict[str, str]:
    return {"task": task, "exception": exc, "failures": "{n}", "last_failure": "{tsnaive}"}


NONE_EMAIL = "'NoneType' object has no attribute 'email'"

BUGS = [
    # The same AttributeError in an HTMX partial and in a reminder task: a viewing whose
    # applicant was deleted. Two code paths, two bugs.
    Bug("ag-viewing-slot-no-applicant", "web", (Exc("AttributeError", NONE_EMAIL, (*FBV, HX, py(f"{AG}.viewings.views", "slot_partial", 48, "context = {\"slot\": slot, \"contact\": slot.applicant.email}")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("posthog", 1), see("datadog.log", **WEB_LOGS)),
        classes=(4,), pair="ag-viewing-reminder-no-applicant", log=DJ500, logger=REQ_LOGGER, entry="GET /viewings/{slot_id}/slot/", span=2),
    Bug("ag-viewing-reminder-no-applicant", "tasks", (Exc("AttributeError", NONE_EMAIL, (*HUEY, py(f"{AG}.viewings.tasks", "send_viewing_reminders", 33, "send_mail(subject, body, None, [viewing.applicant.email])")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", **TASK_MON, scope="task:send_viewing_reminders")),
        classes=(4, 8), pair="ag-viewing-slot-no-applicant", log=HUEY_FAIL, entry="ashgrove.viewings.tasks.send_viewing_reminders"),
    # Unique violations on two tables: the constraint names the bug.
    Bug("ag-deposit-duplicate", "web", django_integrity((*FBV, HX, py(f"{AG}.tenancies.views", "register_deposit", 112, "Deposit.objects.create(tenancy=tenancy, amount=form.cleaned_data[\"amount\"], scheme=scheme)")), "tenancies_deposit_tenancy_id_key", "Key (tenancy_id)=({id}) already exists."),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="message", team=TEAM, monitor="web error spans")),
        classes=(2, 4), pair="ag-offer-duplicate", log=DJ500, logger=REQ_LOGGER, entry="POST /tenancies/{tenancy_id}/deposit/"),
    Bug("ag-offer-duplicate", "web", django_integrity((*FBV, HX, py(f"{AG}.offers.views", "make_offer", 64, "offer = Offer.objects.create(property=prop, applicant=request.user.applicant, rent_pcm=form.cleaned_data[\"rent_pcm\"])")), "offers_offer_property_applicant_uniq", "Key (property_id, applicant_id)=({id}, {user}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("posthog", 1), see("datadog.apm", style="message", team=TEAM, monitor="web error spans")),
        classes=(2, 4), pair="ag-deposit-duplicate", log=DJ500, logger=REQ_LOGGER, entry="POST /properties/{property_id}/offer/"),
    # One function, two exceptions: the schedule builder with a tenancy missing its
    # frequency, and with a frequency of 0 months.
    Bug("ag-rent-schedule-frequency-key", "tasks", (Exc("KeyError", "'frequency'", (*HUEY, py(f"{AG}.rent.tasks", "generate_rent_schedule", 27, "rows = build_schedule(tenancy.terms)"), py(f"{AG}.rent.schedule", "build_schedule", 41, "months = terms[\"frequency\"]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("splunk", search=FAILING, stats=task_stats("generate_rent_schedule", "KeyError")), see("datadog.task", **TASK_MON, scope="task:generate_rent_schedule")),
        classes=(4, 8), pair="ag-rent-schedule-zero-months", log=HUEY_FAIL, entry="ashgrove.rent.tasks.generate_rent_schedule"),
    Bug("ag-rent-schedule-zero-months", "tasks", (Exc("ZeroDivisionError", "division by zero", (*HUEY, py(f"{AG}.rent.tasks", "generate_rent_schedule", 27, "rows = build_schedule(tenancy.terms)"), py(f"{AG}.rent.schedule", "build_schedule", 44, "instalment = terms[\"annual_rent\"] / (12 // months)")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, half=3), see("splunk", search=FAILING, stats=task_stats("generate_rent_schedule", "ZeroDivisionError")), see("datadog.task", **TASK_MON, scope="task:generate_rent_schedule")),
        classes=(4, 8), pair="ag-rent-schedule-frequency-key", log=HUEY_FAIL, entry="ashgrove.rent.tasks.generate_rent_schedule", span=2),
    # Two different problems reported through one helper as message events.
    Bug("ag-payout-no-bank", "tasks", (Exc("", "Landlord payout {id} skipped: no bank account on file", (*HUEY, py(f"{AG}.payouts.tasks", "run_landlord_payouts", 58, "report_problem(f\"Landlord payout {payout.pk} skipped: no bank account on file\")"), REPORT)),),
        (see("sentry.error", 3), see("splunk", 2, line="[{gts},{millis}] ERROR:ashgrove.core.problems:Worker-2:Landlord payout {id} skipped: no bank account on file")),
        classes=(9,), pair="ag-inventory-no-photos", message_event=True, log="Landlord payout {id} skipped: no bank account on file", logger=f"{AG}.core.problems", entry="ashgrove.payouts.tasks.run_landlord_payouts"),
    Bug("ag-inventory-no-photos", "backoffice", (Exc("", "Inventory report {id} has no photos for {n} rooms", (*FBV, py(f"{AG}.inventory.views", "publish_report", 92, "report_problem(f\"Inventory report {report.pk} has no photos for {missing} rooms\")"), REPORT)),),
        (see("sentry.error", 2), see("splunk", 2, line="ERROR {gts},{millis} problems 12 140038274918208 Inventory report {id} has no photos for {n} rooms"), see("datadog.log", team=TEAM, monitor="backoffice: reported problems", filter="service:backoffice @logger:ashgrove.core.problems", text="A problem was reported by the back office:\n\n{{log.message}}")),
        classes=(2, 9), pair="ag-payout-no-bank", message_event=True, log="Inventory report {id} has no photos for {n} rooms", logger=f"{AG}.core.problems", entry="POST /backoffice/inventory/{report_id}/publish/"),
    # The portal feed task fails two ways; the task monitor and the stats row name only the task.
    Bug("ag-portal-feed-timeout", "tasks", (
        Exc("ReadTimeoutError", "HTTPSConnectionPool(host='feeds.rightmove.example', port=443): Read timed out. (read timeout=20)", (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"),
        Exc("ReadTimeout", "HTTPSConnectionPool(host='feeds.rightmove.example', port=443): Read timed out. (read timeout=20)", (*HUEY, py(f"{AG}.portals.tasks", "sync_portal_listings", 39, "feed = client.fetch_branch_feed(branch)"), py(f"{AG}.portals.client", "fetch_branch_feed", 22, "resp = self.session.get(f\"{self.base}/branches/{branch.code}/feed.xml\", timeout=20)"), *REQUESTS_GET), module="requests.exceptions"),
    ),
        (see("sentry.error", 2), see("splunk", 2), see("splunk", search=FAILING, stats=task_stats("sync_portal_listings", "ReadTimeout")), see("datadog.task", 2, **TASK_MON, scope="task:sync_portal_listings")),
        classes=(8,), pair="ag-portal-feed-xml", log=HUEY_FAIL, entry="ashgrove.portals.tasks.sync_portal_listings"),
    Bug("ag-portal-feed-xml", "tasks", (Exc("XMLSyntaxError", "Opening and ending tag mismatch: description line {line} and property, line {line}, column 12 (<string>, line {line})", (*HUEY, py(f"{AG}.portals.tasks", "sync_portal_listings", 41, "listings = parse_feed(feed)"), py(f"{AG}.portals.feed", "parse_feed", 15, "root = etree.fromstring(raw)"), Frame("lxml.etree.fromstring", "src/lxml/etree.pyx", 3306, "lxml.etree", False), Frame("lxml.etree._parseMemoryDocument", "src/lxml/parser.pxi", 1995, "lxml.etree", False)), module="lxml.etree"),),
        (see("sentry.error", 2), see("splunk", 2), see("splunk", search=FAILING, stats=task_stats("sync_portal_listings", "XMLSyntaxError")), see("datadog.task", **TASK_MON, scope="task:sync_portal_listings")),
        classes=(8,), pair="ag-portal-feed-timeout", log=HUEY_FAIL, entry="ashgrove.portals.tasks.sync_portal_listings"),
    # A partial renamed in a release; the view asks for the old name. The outer view is
    # renamed in the next release.
    Bug("ag-tenancy-row-template", "web", (Exc("TemplateDoesNotExist", "tenancies/partials/_row.html", (*FBV, HX, py(f"{AG}.tenancies.views", "tenancy_row", 131, "return render(request, \"tenancies/partials/_row.html\", {\"tenancy\": tenancy})"), *TEMPLATE_RENDER), module="django.template.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2), see("posthog", 1), see("datadog.log", **WEB_LOGS)),
        classes=(5,), log=DJ500, logger=REQ_LOGGER, entry="GET /tenancies/{tenancy_id}/row/", span=3, renames={"tenancy_row": "tenancy_row_partial"}),
    # Photo uploads over the limit: warnings with sizes that change length.
    Bug("ag-photo-too-large", "web", (),
        (see("splunk", 3, search="web - upload warnings", line='{"ts":"{gts},{millis}","level":"WARNING","logger":"ashgrove.inventory.uploads","message":"Rejected photo upload of {size} for inventory {id} (limit 10.00 MB)"}'), see("datadog.log", 2, team=TEAM, monitor="web: rejected uploads", filter="service:web @logger:ashgrove.inventory.uploads status:warn", text="Photo uploads are being rejected. Latest: Rejected photo upload of {size} for inventory {id} (limit 10.00 MB)")),
        classes=(7,)),
    # Card declined at the holding-deposit step: the request id changes every time.
    Bug("ag-holding-deposit-card", "web", (Exc("CardError", "Request {req}: Your card was declined.", (*FBV, HX, py(f"{AG}.payments.views", "take_holding_deposit", 77, "intent = stripe.PaymentIntent.confirm(intent_id, payment_method=pm)"), pylib("stripe._api_requestor", "_interpret_response", 857, "self.handle_error_response(rbody, rcode, resp.data, rheaders)"), pylib("stripe._api_requestor", "handle_error_response", 440, "raise err")), module="stripe._error"),),
        (see("sentry.error", 2), see("splunk", 2), see("posthog", 2), see("datadog.apm", style="type", team=TEAM, monitor="web error spans by type")),
        classes=(2, 8), log=DJ500, logger=REQ_LOGGER, entry="POST /applications/{application_id}/holding-deposit/"),
    # The agreement PDF's native library missing from a rebuilt image; the team's
    # formatter keeps three frames.
    Bug("ag-agreement-pdf-pango", "tasks", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate a library called 'libpango-1.0-0'", (*HUEY, py(f"{AG}.tenancies.tasks", "render_agreement", 19, "pdf = agreement_pdf(tenancy)"), py(f"{AG}.tenancies.pdf", "agreement_pdf", 8, "from weasyprint import HTML"), pylib("weasyprint", "<module>", 387, "from .css import preprocess_stylesheet  # noqa isort:skip"), pylib("weasyprint.text.ffi", "<module>", 459, "pango = _dlopen("), pylib("weasyprint.text.ffi", "_dlopen", 447, "return ffi.dlopen(names[0], flags)")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, half=3), see("datadog.log", team=TEAM, monitor="huey: errors", style="sample", filter="service:tasks status:error")),
        classes=(2, 10), log=HUEY_FAIL, entry="ashgrove.tenancies.tasks.render_agreement"),
    # Gunicorn killing slow workers: no trace at all.
    Bug("ag-web-worker-timeout", "web", (),
        (see("splunk", 2, search="web - gunicorn critical", line="[{gts} +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:{pid})"), see("datadog.log", team=TEAM, monitor="web: gunicorn worker timeouts", filter="service:web \"WORKER TIMEOUT\"", text="Gunicorn killed {n} workers for timing out in the last 10 minutes.")),
        classes=(8,)),
    # A date typed into the back office's move-out form.
    Bug("ag-moveout-date", "backoffice", (Exc("ValueError", "time data '{date}' does not match format '%Y-%m-%d'", (*FBV, py(f"{AG}.tenancies.admin_views", "schedule_move_out", 58, "move_out = datetime.strptime(request.POST[\"move_out\"], \"%Y-%m-%d\").date()"), pylib("_strptime", "_strptime_datetime", 565, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"), pylib("_strptime", "_strptime", 345, "raise ValueError(\"time data %r does not match format %r\" %")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(6,), log=DJ500, logger=REQ_LOGGER, entry="POST /backoffice/tenancies/{tenancy_id}/move-out/"),
    # The statement mailer: a tenant's address refused by the relay.
    Bug("ag-statement-smtp-refused", "tasks", (Exc("SMTPRecipientsRefused", "{{'{email}': (550, b'5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table')}}", (*HUEY, py(f"{AG}.statements.tasks", "send_monthly_statement", 44, "msg.send()"), pylib("django.core.mail.message", "send", 301, "return self.get_connection(fail_silently).send_messages([self])"), pylib("django.core.mail.backends.smtp", "send_messages", 128, "sent = self._send(message)"), pylib("django.core.mail.backends.smtp", "_send", 146, "self.connection.sendmail("), pylib("smtplib", "sendmail", 892, "raise SMTPRecipientsRefused(senderrs)")), module="smtplib"),),
        (see("sentry.error", 2), see("sentry.alert", rule="tasks: new issue"), see("splunk", 2), see("datadog.task", **TASK_MON, scope="task:send_monthly_statement")),
        classes=(8,), log=HUEY_FAIL, entry="ashgrove.statements.tasks.send_monthly_statement"),
    # A tenant record looked up for a reference that points at a deleted tenant.
    Bug("ag-reference-tenant-gone", "backoffice", (Exc("DoesNotExist", "Tenant matching query does not exist.", (*FBV, py(f"{AG}.references.views", "reference_pdf", 23, "tenant = Tenant.objects.get(pk=reference.tenant_id)"), *DJANGO_GET), module=f"{AG}.tenants.models", qual="Tenant.DoesNotExist"),),
        (see("sentry.error", 2), see("splunk", 2, half=4), see("datadog.apm", style="route", team=TEAM)),
        classes=(8, 10), log=DJ500, logger=REQ_LOGGER, entry="GET /backoffice/references/{reference_id}/pdf/"),
    # Seen once.
    Bug("ag-csv-import-decode", "backoffice", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xa3 in position 211: invalid start byte", (*FBV, py(f"{AG}.imports.views", "import_landlords", 35, "rows = list(csv.DictReader(io.StringIO(upload.read().decode())))")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, log=DJ500, logger=REQ_LOGGER, entry="POST /backoffice/imports/landlords/"),
]

NOISE = [
    Noise("ag-noise-deploy", "web", "datadog.event", {"monitor": "Deployed web 2026.3.14", "text": "Release 2026.3.14 rolled out to web, backoffice and tasks (9/9 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("ag-noise-huey-start", "tasks", "splunk", {"search": "tasks - errors", "line": "[{gts},{millis}] INFO:huey.consumer:MainThread:Huey consumer started with 4 thread, PID 1 at {tsnaive}"}),
]

ASHGROVE = Company(
    key="am",
    name="Ashgrove Lettings",
    domain="ashgrove.example",
    sentry_org="ashgrove-lettings",
    splunk_url="https://ashgrove.splunkcloud.com",
    splunk_guid="9B2E7F41-6C03-4D8A-A15E-3F70C2D94B86",
    datadog_org=("771203", "Ashgrove Lettings"),
    datadog_template="ashgrove",
    posthog_project=(61842, "Ashgrove site"),
    releases=("2026.3.11", "2026.3.12", "2026.3.14"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ashgrove-sentry-client-secret",
)
# fmt: on
