"""(ly) Onslow Lettings, a letting agency's back office: a Django 5 admin app on Python 3.12
on Render (``onslow-admin``: the Django admin over tenancies, landlords, deposits and rent
ledgers, with admin actions for reminders and a landlord statement view, gunicorn's sync
workers) and Render cron jobs running management commands (``onslow-cron``:
``send_statements``, ``import_deposits``, ``sync_portal_listings``), on PostgreSQL.

Logs: gunicorn and Django's logging on stdout, the team's ``LOGGING`` using the ``verbose``
formatter of Django's docs (``{levelname} {asctime} {module} {process:d} {thread:d}
{message}``); Render's log stream gives each line as its own event to a Datadog log drain,
so a traceback arrives line by line and a monitor pastes one line: ``django.request``'s
``Internal Server Error: /path``, or the last ``Type: message`` line, or a ``File`` line.
The cron jobs' uncaught exceptions are bare tracebacks. gunicorn's ``WORKER TIMEOUT``
lines. Sentry: sentry-python with the Django integration. Datadog log monitors only. No
Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import django_integrity, py, pylib

# fmt: off
SERVICES = {
    "onslow-admin": Service("onslow-admin", "python", "ly-render", "", "", "", 11120011, "CPython 3.12.7", framework="django"),
    "onslow-cron": Service("onslow-cron", "python", "ly-render", "", "", "", 11120012, "CPython 3.12.7", framework="django"),
}
REQUEST = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.admin.options", "wrapper", 716, "return self.admin_site.admin_view(view)(*args, **kwargs)"),
    pylib("django.utils.decorators", "_wrapper_view", 188, "response = view_func(request, *args, **kwargs)"),
    pylib("django.views.decorators.cache", "_wrapper_view_func", 80, "response = view_func(request, *args, **kwargs)"),
    pylib("django.contrib.admin.sites", "inner", 246, "return view(request, *args, **kwargs)"),
)
CHANGEFORM = (
    *REQUEST,
    pylib("django.contrib.admin.options", "change_view", 2013, "return self.changeform_view(request, object_id, form_url, extra_context)"),
    pylib("django.contrib.admin.options", "changeform_view", 1894, "return self._changeform_view(request, object_id, form_url, extra_context)"),
)
RENDER_LIST = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 220, "response = response.render()"),
    pylib("django.template.response", "render", 114, "self.content = self.rendered_content"),
    pylib("django.template.response", "rendered_content", 92, "return template.render(context, self._request)"),
    pylib("django.template.base", "render", 171, "return self._render(context)"),
    pylib("django.contrib.admin.templatetags.base", "render", 45, "return super().render(context)"),
    pylib("django.template.library", "render", 258, "_dict = self.func(*resolved_args, **resolved_kwargs)"),
    pylib("django.contrib.admin.templatetags.admin_list", "result_list", 345, "\"results\": list(results(cl)),"),
    pylib("django.contrib.admin.templatetags.admin_list", "results", 321, "yield ResultList(None, items_for_result(cl, res, None))"),
    pylib("django.contrib.admin.templatetags.admin_list", "items_for_result", 218, "f, attr, value = lookup_field(field_name, result, cl.model_admin)"),
    pylib("django.contrib.admin.utils", "lookup_field", 290, "value = attr(obj)"),
)
RENDER_FORM = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 220, "response = response.render()"),
    pylib("django.template.response", "render", 114, "self.content = self.rendered_content"),
    pylib("django.template.base", "render", 171, "return self._render(context)"),
    pylib("django.contrib.admin.helpers", "contents", 275, "f, attr, value = lookup_field(field, obj, model_admin)"),
    pylib("django.contrib.admin.utils", "lookup_field", 290, "value = attr(obj)"),
)
COMMAND = (
    py("manage", "<module>", 22, "main()"),
    py("manage", "main", 18, "execute_from_command_line(sys.argv)"),
    Frame("execute_from_command_line", "django/core/management/__init__.py", 442, "django.core.management", False, "utility.execute()"),
    Frame("execute", "django/core/management/__init__.py", 436, "django.core.management", False, "self.fetch_command(subcommand).run_from_argv(self.argv)"),
    pylib("django.core.management.base", "run_from_argv", 413, "self.execute(*args, **cmd_options)"),
    pylib("django.core.management.base", "execute", 459, "output = self.handle(*args, **options)"),
)
GET = (
    pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"),
    pylib("django.db.models.query", "get", 649, "raise self.model.DoesNotExist("),
)
SMTP = (
    pylib("django.core.mail.message", "send", 301, "return self.get_connection(fail_silently).send_messages([self])"),
    pylib("django.core.mail.backends.smtp", "send_messages", 128, "new_conn_created = self.open()"),
    pylib("django.core.mail.backends.smtp", "open", 86, "self.connection.login(self.username, self.password)"),
    pylib("smtplib", "login", 739, "(code, resp) = self.auth("),
    pylib("smtplib", "auth", 642, "(code, resp) = self.docmd(\"AUTH\", mechanism + \" \" + response)"),
    pylib("smtplib", "getreply", 405, "raise SMTPServerDisconnected(\"Connection unexpectedly closed\")"),
)
PARSE = py("lettings.portals.rightmove", "parse_listing", 41, "\"epc\": raw[\"epc_rating\"],")


def cmd(name: str, line: int, context: str, *more: Frame) -> tuple[Frame, ...]:
    return (*COMMAND, py(f"lettings.management.commands.{name}", "handle", line, context), *more)


def admin(method: str, line: int, context: str) -> Frame:
    return py("lettings.admin", method, line, context)


ISE = {"team": "lettings", "monitor": "[onslow-admin] Internal Server Error", "filter": "service:onslow-admin \"Internal Server Error\"", "text": "Render log line from {{log.service}}:\n\n{{log.message}}", "part": "head"}
EXC = {"team": "lettings", "monitor": "[onslow-admin] exception lines", "filter": "service:onslow-admin (Error OR Exception OR DoesNotExist) -\"Internal Server Error\"", "text": "{{log.message}}", "part": "last"}
CRON = {"team": "lettings", "monitor": "[onslow-cron] cron job errors", "filter": "service:onslow-cron (Error OR Exception OR DoesNotExist)", "text": "A cron job failed:\n\n{{log.message}}", "part": "last", "kind": "cron"}
GUNICORN = {"team": "lettings", "monitor": "[onslow-admin] gunicorn worker timeouts", "filter": "service:onslow-admin (\"WORKER TIMEOUT\" OR SIGKILL)", "text": "{{log.message}}", "kind": "timeout"}


def ise(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**ISE, **opts})


def exc(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**EXC, **opts})


def cron(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**CRON, **opts})


def none_op(op: str) -> str:
    return f"unsupported operand type(s) for {op}: 'NoneType' and 'decimal.Decimal'"


DISCONNECTED = "Connection unexpectedly closed"

BUGS = [
    # One model's save, two unique constraints: adding a tenancy in the admin, the deposit import.
    Bug("ly-tenancy-unique", "onslow-admin", django_integrity((*REQUEST, pylib("django.contrib.admin.options", "add_view", 2007, "return self.changeform_view(request, None, form_url, extra_context)"), pylib("django.contrib.admin.options", "_changeform_view", 1951, "self.save_model(request, new_object, form, not add)"), admin("save_model", 88, "obj.save()"), py("lettings.models", "save", 142, "super().save(*args, **kwargs)")), "lettings_tenancy_property_id_start_date_uniq", "Key (property_id, start_date)=({id}, 2026-04-01) already exists."),
        (see("sentry.error", 3), ise(), exc(2)),
        classes=(2, 4), pair="ly-deposit-unique", entry="POST /admin/lettings/tenancy/add/"),
    Bug("ly-deposit-unique", "onslow-cron", django_integrity(cmd("import_deposits", 57, "Deposit.objects.create(**row)"), "lettings_deposit_scheme_ref_key", "Key (scheme_ref)=(DPS-{id}) already exists."),
        (see("sentry.error", 2), cron(2)),
        classes=(2, 4), pair="ly-tenancy-unique", entry="python manage.py import_deposits"),
    # None rent in two admin columns of one model: the changelist and the change form.
    Bug("ly-annual-rent-none", "onslow-admin", (Exc("TypeError", none_op("*"), (*RENDER_LIST, admin("annual_rent", 64, "return obj.monthly_rent * Decimal(12)"))),),
        (see("sentry.error", 3), see("sentry.error", release=2), ise(2), exc()),
        classes=(2, 4, 5), pair="ly-arrears-none", entry="GET /admin/lettings/tenancy/", span=3),
    Bug("ly-arrears-none", "onslow-admin", (Exc("TypeError", none_op("-"), (*CHANGEFORM[:2], *RENDER_FORM[1:], admin("arrears_summary", 79, "owed = obj.rent_due_to_date - obj.rent_paid"))),),
        (see("sentry.error", 2), ise(), exc(2)),
        classes=(2, 4), pair="ly-annual-rent-none", entry="GET /admin/lettings/tenancy/{id}/change/"),
    # The same DoesNotExist: a landlord's statement view and the statements cron.
    Bug("ly-landlord-missing-view", "onslow-admin", (Exc("DoesNotExist", "Landlord matching query does not exist.", (*REQUEST, py("lettings.views", "landlord_statement", 33, "landlord = Landlord.objects.get(pk=property.landlord_id)"), *GET), module="lettings.models", qual="Landlord.DoesNotExist"),),
        (see("sentry.error", 3), ise(), exc(2)),
        classes=(2, 4), pair="ly-landlord-missing-cron", entry="GET /admin/lettings/property/{id}/statement/"),
    Bug("ly-landlord-missing-cron", "onslow-cron", (Exc("DoesNotExist", "Landlord matching query does not exist.", (*cmd("send_statements", 29, "for statement in build_statements(month):"), py("lettings.statements", "build_statements", 52, "landlord = Landlord.objects.get(pk=row[\"landlord_id\"])"), *GET), module="lettings.models", qual="Landlord.DoesNotExist"),),
        (see("sentry.error", 2), cron(2)),
        classes=(2, 4), pair="ly-landlord-missing-view", entry="python manage.py send_statements"),
    # One portal parser, two missing keys.
    Bug("ly-portal-epc-key", "onslow-cron", (Exc("KeyError", "'epc_rating'", cmd("sync_portal_listings", 38, "listing = parse_listing(raw)", PARSE)),),
        (see("sentry.error", 3), cron(3)),
        classes=(2, 4), pair="ly-portal-council-tax-key", entry="python manage.py sync_portal_listings"),
    Bug("ly-portal-council-tax-key", "onslow-cron", (Exc("KeyError", "'council_tax_band'", cmd("sync_portal_listings", 38, "listing = parse_listing(raw)", py("lettings.portals.rightmove", "parse_listing", 44, "\"council_tax\": raw[\"council_tax_band\"],"))),),
        (see("sentry.error", 2), cron(2)),
        classes=(2, 4), pair="ly-portal-epc-key", entry="python manage.py sync_portal_listings"),
    # The mail server drops the connection: an admin action (logged) and the statements cron.
    Bug("ly-smtp-reminders", "onslow-admin", (Exc("SMTPServerDisconnected", DISCONNECTED, (*REQUEST, pylib("django.contrib.admin.options", "response_action", 1617, "response = func(self, request, queryset)"), admin("send_rent_reminders", 121, "reminder.send()"), py("lettings.reminders", "send", 27, "message.send()"), *SMTP), module="smtplib"),),
        (see("sentry.error", 2), exc(kind="team"), exc(kind="team", part="head")),
        classes=(2, 9), pair="ly-smtp-statements", entry="POST /admin/lettings/tenancy/", log="Rent reminder failed for tenancy {id}", logger="lettings.admin", handled=True),
    Bug("ly-smtp-statements", "onslow-cron", (Exc("SMTPServerDisconnected", DISCONNECTED, (*cmd("send_statements", 34, "statement.email()"), py("lettings.statements", "email", 88, "message.send()"), *SMTP), module="smtplib"),),
        (see("sentry.error", 2), cron(2)),
        classes=(2, 9), pair="ly-smtp-reminders", entry="python manage.py send_statements"),
    # Not pairs.
    Bug("ly-export-worker-timeout", "onslow-admin", (),
        (see("datadog.log", **GUNICORN, part="head"), see("datadog.log", **GUNICORN, part="1"), see("datadog.log", **GUNICORN, part="head")),
        classes=(2, 7), entry="POST /admin/lettings/tenancy/export/"),
    Bug("ly-db-ssl-closed", "onslow-admin", (Exc("OperationalError", "consuming input failed: SSL connection has been closed unexpectedly", (*REQUEST, pylib("django.contrib.admin.options", "changelist_view", 2003, "cl = self.get_changelist_instance(request)"), pylib("django.db.backends.utils", "_execute", 105, "return self.cursor.execute(sql, params)"), pylib("psycopg.cursor", "execute", 97, "raise ex.with_traceback(None)")), module="django.db.utils"),),
        (see("sentry.error", 3), see("sentry.error", release=2), exc(2), ise(), ise(release=2)),
        classes=(2, 7), entry="GET /admin/lettings/rentledger/"),
    Bug("ly-csv-import-encoding", "onslow-admin", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xa3 in position {n}: invalid start byte", (*REQUEST, pylib("django.contrib.admin.options", "response_action", 1617, "response = func(self, request, queryset)"), admin("import_rent_ledger", 142, "for row in csv.DictReader(io.TextIOWrapper(upload, encoding=\"utf-8\")):"), pylib("csv", "__next__", 116, "row = next(self.reader)"), pylib("codecs", "decode", 322, "(result, consumed) = self._buffer_decode(data, self.errors, final)"))),),
        (see("sentry.error", 2), exc(2), ise()),
        classes=(2,), entry="POST /admin/lettings/rentledger/"),
    Bug("ly-upload-access-denied", "onslow-admin", (Exc("ClientError", "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied", (*CHANGEFORM, pylib("django.contrib.admin.options", "_changeform_view", 1951, "self.save_model(request, new_object, form, not add)"), pylib("django.db.models.fields.files", "pre_save", 317, "file.save(file.name, file.file, save=False)"), pylib("storages.backends.s3", "_save", 489, "obj.upload_fileobj(content, ExtraArgs=params, Config=self.transfer_config)"), pylib("botocore.client", "_make_api_call", 1021, "raise error_class(parsed_response, operation_name)")), module="botocore.exceptions"),),
        (see("sentry.error", 2), exc(2)),
        classes=(2,), entry="POST /admin/lettings/document/add/"),
    Bug("ly-singleton-decimal", "onslow-admin", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*CHANGEFORM, admin("clean_deposit", 103, "return Decimal(value.replace(\"£\", \"\"))")), module="decimal"),),
        (see("sentry.error"),),
        singleton=True, entry="POST /admin/lettings/deposit/{id}/change/"),
]

NOISE = [
    Noise("ly-noise-deploy", "onslow-admin", "datadog.event", {"monitor": "Render deploy live: onslow-admin", "text": "Deploy of commit 4f1c2ab for onslow-admin is live.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
    Noise("ly-noise-ise-recovered", "onslow-admin", "datadog.log", {"monitor": "[onslow-admin] Internal Server Error", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "service:onslow-admin \"Internal Server Error\"", "text": "No Internal Server Error lines in the last 30 minutes."}),
]

ONSLOW = Company(
    key="ly",
    name="Onslow Lettings",
    domain="onslow-lettings.example",
    sentry_org="onslow",
    splunk_url="",
    splunk_guid="",
    datadog_org=("1112001", "Onslow Lettings"),
    datadog_template="recommended",
    posthog_project=(111201, "Onslow Lettings"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="onslow-sentry-client-secret",
)
# fmt: on
