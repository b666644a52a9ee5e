"""(lk) Zinclane Wholesale, a pharmacy wholesaler's back office: Python 3.12, Django 5.0 on
gunicorn 22 (sync workers) on Kubernetes. ``backoffice-web`` (the Django admin and a few
function views for invoices, credit notes, quotes and price lists; psycopg 3 on Postgres,
WeasyPrint invoices, requests to the suppliers' stock APIs) and ``backoffice-cron``
(management commands run by Kubernetes CronJobs: nightly statements, stock imports).

Logs: python-json-logger's ``JsonFormatter`` on stdout (``django.request``'s "Internal Server
Error: <path>" with ``status_code`` and the request's ``str()``, the team's
``logger.exception`` records), read by the same Splunk Connect for Kubernetes as Zeals'
(``lk-sck-pyjson``: the line, or on the Docker-parsed node pool the CRI line and ``P``
partials) and by the Datadog agent (``lk-pyjson-dd``); gunicorn's own text lines. One Splunk
saved search per namespace; Datadog log monitors, one per service, through the recommended
template, pasting the message and the pipeline's ``error.*``. sentry-python's Django
integration; posthog-python's Django middleware capturing exceptions. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import DJANGO_CREATE, DJANGO_GET, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "backoffice-web": Service("backoffice-web", "python", "lk-sck-pyjson", "kube:container:backoffice-web", "/var/log/containers/backoffice-web_backoffice_backoffice-web.log", "zw_k8s", 10630031, "CPython 3.12.6", framework="django"),
    "backoffice-cron": Service("backoffice-cron", "python", "lk-sck-pyjson", "kube:container:backoffice-cron", "/var/log/containers/backoffice-cron_backoffice_backoffice-cron.log", "zw_k8s", 10630032, "CPython 3.12.6", framework="django"),
}


def app(module: str, function: str, line: int, context: str = "") -> Frame:
    return py(module, function, line, context)


VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.auth.decorators", "_view_wrapper", 60, "return view_func(request, *args, **kwargs)"),
)
ADMIN = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.admin.options", "wrapper", 716, "return self.admin_site.admin_view(view)(*args, **kwargs)"),
    pylib("django.utils.decorators", "_wrapper_view", 188, "response = view_func(request, *args, **kwargs)"),
    pylib("django.views.decorators.cache", "_view_wrapper", 80, "response = view_func(request, *args, **kwargs)"),
    pylib("django.contrib.admin.sites", "inner", 241, "return view(request, *args, **kwargs)"),
)
COMMAND = (
    pylib("django.core.management.base", "run_from_argv", 413, "self.execute(*args, **cmd_options)"),
    pylib("django.core.management.base", "execute", 459, "output = self.handle(*args, **options)"),
)
REQUESTS_READ = (
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
# Both totals bugs end in the one pricing helper.
LINE_TOTAL = app("backoffice.pricing.totals", "line_total", 34, "rate = VAT_RATES[line.vat_band]")


def integrity(app_frames: tuple[Frame, ...], constraint: str, detail: str) -> tuple[Exc, Exc]:
    """psycopg 3's UniqueViolation, re-raised by Django as IntegrityError (cause first)."""
    value = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'
    cause = Exc("UniqueViolation", value, (pylib("psycopg.cursor", "execute", 97, "raise ex.with_traceback(None)"),), module="psycopg.errors")
    return cause, Exc("IntegrityError", value, app_frames + DJANGO_CREATE, module="django.db.utils")


def missing(model: str, module: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("DoesNotExist", f"{model} matching query does not exist.", frames + DJANGO_GET, module=module, qual=f"{model}.DoesNotExist"),)


def decimal_invalid(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", frames, module="decimal"),)


S_BO = dict(search="backoffice namespace - errors", owner="svc_backoffice", app="zw_ops")
S_CRI = dict(**S_BO, kind="cri")
S_PART = dict(**S_BO, kind="partial", cut=700)
S_REST = dict(**S_BO, kind="rest", cut=700)
TEAM = "backoffice"
DD_WEB = dict(monitor="[backoffice-web] error logs", team=TEAM, filter="service:backoffice-web status:error", format="lk-pyjson-dd", text="{{log.attributes.message}}\n\n**{{log.attributes.error.kind}}**: {{log.attributes.error.message}}\n\n```\n{{log.attributes.error.stack}}\n```", lines=8)
DD_CRON = dict(monitor="[backoffice-cron] command failed", team=TEAM, filter="service:backoffice-cron status:error", format="lk-pyjson-dd", text="backoffice-cron: {{log.attributes.command}} failed on {{log.host}}\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}")
REQ = "django.request"
CMD = "backoffice.commands"

BUGS = [
    # Unique violations: an invoice number and a credit-note number issued twice.
    Bug("lk-invoice-number-unique", "backoffice-web", integrity((*ADMIN, app("backoffice.invoicing.admin", "issue_invoices", 88, "invoice = Invoice.objects.create(number=next_number('INV'), order=order)")), "invoicing_invoice_number_key", "Key (number)=(INV-{n}) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **S_BO), see("splunk", **S_CRI), see("datadog.log", 2, **DD_WEB), see("posthog")),
        classes=(1, 2, 4), pair="lk-credit-note-unique", entry="POST /admin/invoicing/order/", logger=REQ),
    Bug("lk-credit-note-unique", "backoffice-web", integrity((*VIEW, app("backoffice.invoicing.views", "create_credit_note", 141, "note = CreditNote.objects.create(number=next_number('CN'), invoice=invoice, **form.cleaned_data)")), "invoicing_creditnote_number_key", "Key (number)=(CN-{n}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_BO), see("datadog.log", **DD_WEB), see("posthog")),
        classes=(1, 2, 4), pair="lk-invoice-number-unique", entry="POST /invoices/{invoice_id}/credit-note/", logger=REQ),
    # DoesNotExist: an order in a view, a customer in the nightly statements command.
    Bug("lk-order-missing", "backoffice-web", missing("Order", "backoffice.orders.models", (*VIEW, app("backoffice.orders.views", "picking_slip", 52, "order = Order.objects.get(pk=order_id, branch=request.user.branch)"))),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **S_BO), see("datadog.log", 2, **DD_WEB), see("posthog", 2)),
        classes=(1, 2, 4, 5), pair="lk-customer-missing", entry="GET /orders/{order_id}/picking-slip/", logger=REQ, span=3, renames={"picking_slip": "picking_slip_pdf"}),
    Bug("lk-customer-missing", "backoffice-cron", missing("Customer", "backoffice.customers.models", (*COMMAND, app("backoffice.statements.management.commands.send_statements", "handle", 39, "customer = Customer.objects.get(account_code=row.account_code)"))),
        (see("sentry.error", 2), see("splunk", 2, **S_BO), see("datadog.log", 2, **DD_CRON)),
        classes=(1, 2, 4), pair="lk-order-missing", entry="send_statements", logger=CMD, log="send_statements failed for account {n}"),
    # One pricing helper, two callers: the invoice view and the quote export.
    Bug("lk-invoice-vat-band", "backoffice-web", (Exc("KeyError", "'Z'", (*VIEW, app("backoffice.invoicing.views", "invoice_detail", 77, "totals = invoice_totals(invoice)"), app("backoffice.pricing.totals", "invoice_totals", 58, "net = sum(line_total(line) for line in invoice.lines.all())"), LINE_TOTAL), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **S_BO), see("splunk", **S_PART), see("datadog.log", **DD_WEB), see("posthog")),
        classes=(1, 2, 9), pair="lk-quote-vat-band", entry="GET /invoices/{invoice_id}/", logger=REQ),
    Bug("lk-quote-vat-band", "backoffice-web", (Exc("KeyError", "'Z'", (*ADMIN, app("backoffice.quotes.admin", "export_quotes_csv", 33, "writer.writerow(quote_row(quote))"), app("backoffice.quotes.export", "quote_row", 21, "total = sum(line_total(line) for line in quote.lines.all())"), LINE_TOTAL), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("splunk", 2, **S_BO), see("datadog.log", **DD_WEB)),
        classes=(1, 2, 9, 10), pair="lk-invoice-vat-band", entry="POST /admin/quotes/quote/", logger=REQ),
    # decimal's ConversionSyntax from the price-list upload and the stock import.
    Bug("lk-pricelist-decimal", "backoffice-web", decimal_invalid((*ADMIN, app("backoffice.catalogue.admin", "upload_price_list", 112, "importer.run(form.cleaned_data['file'])"), app("backoffice.catalogue.importers", "parse_price", 46, "return Decimal(raw.replace('£', ''))"))),
        (see("sentry.error", 2), see("splunk", 2, **S_BO), see("datadog.log", **DD_WEB), see("posthog")),
        classes=(1, 2, 4), pair="lk-stock-decimal", entry="POST /admin/catalogue/pricelist/upload/", logger=REQ),
    Bug("lk-stock-decimal", "backoffice-cron", decimal_invalid((*COMMAND, app("backoffice.stock.management.commands.import_stock", "handle", 61, "qty = Decimal(row['qty_on_hand'])"))),
        (see("sentry.error", 2), see("splunk", 2, **S_BO), see("splunk", **S_REST), see("datadog.log", 2, **DD_CRON)),
        classes=(1, 2, 4), pair="lk-pricelist-decimal", entry="import_stock", logger=CMD, log="import_stock: row {n} failed"),
    # A pair only by where it lands: two web errors under the one search and the one monitor.
    Bug("lk-supplier-read-timeout", "backoffice-web", (Exc("ReadTimeoutError", "HTTPSConnectionPool(host='api.medisupply.example', port=443): Read timed out. (read timeout=10)", (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"), Exc("ReadTimeout", "HTTPSConnectionPool(host='api.medisupply.example', port=443): Read timed out. (read timeout=10)", (*VIEW, app("backoffice.suppliers.views", "stock_check", 29, "levels = client.stock_levels(skus)"), app("backoffice.suppliers.client", "stock_levels", 44, "resp = self.session.get(url, params={'sku': ','.join(skus)}, timeout=10)"), *REQUESTS_READ), module="requests.exceptions")),
        (see("sentry.error", 3), see("splunk", 2, **S_BO), see("datadog.log", 2, **DD_WEB), see("posthog")),
        classes=(1, 2), pair="lk-invoice-pdf-font", entry="GET /suppliers/stock-check/", logger=REQ),
    Bug("lk-invoice-pdf-font", "backoffice-web", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate a library called 'libpango-1.0-0'", (*VIEW, app("backoffice.invoicing.views", "invoice_pdf", 102, "from weasyprint import HTML"), pylib("weasyprint.text.ffi", "<module>", 463, "pango = _dlopen(")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_BO), see("splunk", **S_PART), see("datadog.log", 2, **DD_WEB)),
        classes=(1, 2), pair="lk-supplier-read-timeout", entry="GET /invoices/{invoice_id}/pdf/", logger=REQ),
    # Not pairs.
    Bug("lk-account-manager-none", "backoffice-web", (Exc("AttributeError", "'NoneType' object has no attribute 'email'", (*ADMIN, pylib("django.contrib.admin.options", "changelist_view", 2038, "cl = self.get_changelist_instance(request)"), app("backoffice.customers.admin", "manager_email", 27, "return obj.account_manager.email")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_BO), see("datadog.log", **DD_WEB), see("posthog", 2)),
        classes=(1, 2), entry="GET /admin/customers/customer/", logger=REQ),
    Bug("lk-db-closed", "backoffice-cron", (Exc("OperationalError", "consuming input failed: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.", (*COMMAND, app("backoffice.statements.management.commands.send_statements", "handle", 31, "for row in Statement.objects.due().iterator(chunk_size=500):"), pylib("django.db.models.query", "_iterator", 516, "yield from iterable"), pylib("django.db.backends.utils", "_execute", 105, "return self.cursor.execute(sql, params)")), module="django.db.utils"),),
        (see("sentry.error", 2), see("splunk", 2, **S_BO), see("datadog.log", 2, **DD_CRON)),
        classes=(1, 2), entry="send_statements", logger=CMD, log="send_statements aborted"),
    Bug("lk-currency-filter", "backoffice-web", (Exc("TemplateSyntaxError", "Invalid filter: 'gbp'", (*VIEW, app("backoffice.invoicing.views", "invoice_detail", 81, "return render(request, 'invoicing/invoice_detail.html', ctx)"), pylib("django.template.base", "find_filter", 604, "raise TemplateSyntaxError(\"Invalid filter: '%s'\" % filter_name)")), module="django.template.exceptions"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", **S_BO), see("datadog.log", **DD_WEB), see("posthog")),
        classes=(1, 2, 5), entry="GET /invoices/{invoice_id}/", logger=REQ, span=2),
    Bug("lk-worker-timeout", "backoffice-web", (),
        (see("splunk", 3, **S_BO, line="[2026-03-04 09:41:07 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:{port})"), see("datadog.log", 2, monitor="[backoffice-web] gunicorn worker timeouts", team=TEAM, filter='service:backoffice-web "WORKER TIMEOUT"', text="gunicorn killed {{value}} workers in 5m on {{log.host}}: [CRITICAL] WORKER TIMEOUT (pid:{port})")),
        classes=(7,)),
    Bug("lk-singleton-recursion", "backoffice-web", (Exc("RecursionError", "maximum recursion depth exceeded", (*VIEW, app("backoffice.catalogue.views", "category_tree", 18, "return JsonResponse(build_tree(root))"), app("backoffice.catalogue.tree", "build_tree", 9, "'children': [build_tree(c) for c in node.children.all()],")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /catalogue/tree/"),
]

NOISE = [
    Noise("lk-noise-booting", "backoffice-web", "splunk", {**S_BO, "line": "[2026-03-04 06:00:12 +0000] [9] [INFO] Booting worker with pid: 9"}),
    Noise("lk-noise-recovered", "backoffice-web", "datadog.log", {**DD_WEB, "text": "[Recovered] backoffice-web error logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

ZINCLANE = Company(
    key="lk",
    name="Zinclane Wholesale",
    domain="zinclane.example",
    sentry_org="zinclane",
    splunk_url="https://splunk.zinclane.example:8000",
    splunk_guid="E4A0B7C3-19D2-4E58-8F6A-3B7C90D1E2F5",
    datadog_org=("1063001", "Zinclane Wholesale"),
    datadog_template="recommended",
    posthog_project=(106300, "Zinclane back office"),
    releases=("2026.10", "2026.11", "2026.12"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zinclane-sentry-client-secret",
)
# fmt: on
