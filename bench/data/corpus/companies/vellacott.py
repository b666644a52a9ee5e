"""(mv) Vellacott Homes, a residential lettings and property-management agency: ``lettings-api``,
a Python 3.12 Django 5.0 + Django REST Framework API (tenants' portal, landlords' statements,
maintenance requests) and ``lettings-worker``, Celery 5.4 workers (rent reminders, open-banking
rent matching, referencing, monthly arrears reports), on Azure Kubernetes Service.

Logs: stdlib ``logging`` bridged to OpenTelemetry (``LoggingHandler``), OTLP to the
OpenTelemetry Collector, whose ``splunk_hec`` exporter posts each record to Splunk (the body as
``_raw``, ``exception.type``/``exception.message``/``exception.stacktrace`` and the resource's
``service.name`` as indexed fields) and whose ``datadog`` exporter posts it to Datadog (log
monitors rendering the ``exception.*`` attributes; the Collector's traces give an APM monitor).
One saved search over both services, one log monitor over both. Sentry: sentry-python (Django,
Celery). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, DJANGO_VIEW, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "lettings-api": Service("lettings-api", "python", "mv-otlp-hec", "otel", "otel:lettings", "vellacott_otel", 11190011, "CPython 3.12.4", framework="django"),
    "lettings-worker": Service("lettings-worker", "python", "mv-otlp-hec", "otel", "otel:lettings", "vellacott_otel", 11190012, "CPython 3.12.4", framework="celery"),
}


def app(module: str, function: str, line: int, context: str = "") -> Frame:
    return py(f"vellacott.{module}", function, line, context)


REQ_POST = (
    pylib("requests.api", "post", 115, "return request(\"post\", url, data=data, json=json, **kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
POST_JSON = app("integrations.http", "post_json", 38, "resp = requests.post(url, json=payload, headers=headers, timeout=15)")

SEARCH = dict(search="Vellacott - lettings exceptions (OTel)", owner="vh_platform", app="lettings")
TEAM = dict(SEARCH, kind="team")
DJ = dict(SEARCH, kind="django")
CEL = dict(SEARCH, kind="celery")
NOEXC = dict(SEARCH, kind="noexc")
DD = dict(
    team="lettings", monitor="[lettings] exceptions (otel logs)", format="mv-otlp-dd",
    filter="service:(lettings-api OR lettings-worker) status:error @exception.type:*",
    text="{{log.attributes.service.name}} logged **{{log.attributes.exception.type}}**: {{log.attributes.exception.message}}\n\n{{log.attributes.message}}\n`{{log.attributes.code.function}}` ({{log.attributes.code.filepath}}:{{log.attributes.code.lineno}})",
)
DD_CEL = dict(DD, kind="celery")
DD_DJ = dict(DD, kind="django")
APM = dict(team="lettings", monitor="[lettings-api] error spans by type", style="type")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**SEARCH, **opts})


BUGS = [
    # DoesNotExist for two models: the entity is the bug.
    Bug("mv-tenancy-missing", "lettings-api", (Exc("DoesNotExist", "Tenancy matching query does not exist.", (*DJANGO_VIEW, app("tenancies.views", "retrieve", 47, "tenancy = Tenancy.objects.get(reference=kwargs['ref'], tenant=request.user.tenant)"), *DJANGO_GET), module="vellacott.tenancies.models", qual="Tenancy.DoesNotExist"),),
        (see("sentry.error", 2), see("sentry.issue"), spl(**DJ), spl(**DJ), see("datadog.log", **DD_DJ)),
        classes=(1, 4), pair="mv-landlord-missing", entry="GET /api/v2/tenancies/{ref}/"),
    Bug("mv-landlord-missing", "lettings-api", (Exc("DoesNotExist", "Landlord matching query does not exist.", (*DJANGO_VIEW, app("statements.views", "list", 29, "landlord = Landlord.objects.get(user=request.user)"), *DJANGO_GET), module="vellacott.landlords.models", qual="Landlord.DoesNotExist"),),
        (see("sentry.error", 3), spl(**DJ), see("datadog.log", 2, **DD_DJ)),
        classes=(1, 4), pair="mv-tenancy-missing", entry="GET /api/v2/statements/"),
    # Unique violations on two tables.
    Bug("mv-rent-payment-dup", "lettings-worker", django_integrity((*CELERY_TASK, app("rent.tasks", "match_bank_transactions", 66, "RentPayment.objects.create(tenancy=tenancy, amount=txn.amount, bank_ref=txn.reference)")), "rent_rentpayment_bank_ref_key", "Key (bank_ref)=(VH{id}) already exists."),
        (see("sentry.error", 3), spl(2, **CEL), spl(**TEAM), see("datadog.log", **DD_CEL)),
        classes=(1, 4), pair="mv-deposit-dup", entry="vellacott.rent.tasks.match_bank_transactions", log="could not record payment for transaction {uuid}"),
    Bug("mv-deposit-dup", "lettings-api", django_integrity((*DJANGO_VIEW, app("deposits.views", "register", 52, "Deposit.objects.create(tenancy=tenancy, scheme=scheme, **serializer.validated_data)")), "deposits_deposit_tenancy_id_key", "Key (tenancy_id)=({id}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), spl(**DJ), spl(**TEAM), see("datadog.log", **DD)),
        classes=(1, 4), pair="mv-rent-payment-dup", entry="POST /api/v2/deposits/", log="deposit registration failed for tenancy {id}"),
    # The same None postcode in two modules.
    Bug("mv-inspection-postcode", "lettings-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'postcode'", (*CELERY_TASK, app("inspections.tasks", "schedule_inspections", 31, "slots = plan_route(properties)"), app("inspections.routing", "plan_route", 74, "areas = {p.address.postcode[:4] for p in properties}"))),),
        (see("sentry.error", 3), spl(**CEL), spl(**CEL), see("datadog.log", 2, **DD_CEL)),
        classes=(1, 4), pair="mv-valuation-postcode", entry="vellacott.inspections.tasks.schedule_inspections"),
    Bug("mv-valuation-postcode", "lettings-api", (Exc("AttributeError", "'NoneType' object has no attribute 'postcode'", (*DJANGO_VIEW, app("valuations.views", "create", 22, "estimate = estimate_rent(prop)"), app("valuations.pricing", "estimate_rent", 58, "comparables = Listing.objects.near(prop.address.postcode, radius_km=2)"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(**DJ), see("datadog.log", **DD_DJ), see("datadog.apm", **APM)),
        classes=(1, 4, 5), pair="mv-inspection-postcode", entry="POST /api/v2/valuations/", span=3, renames={"create": "perform_create"}),
    # One reminder task, two exceptions.
    Bug("mv-reminder-template-key", "lettings-worker", (Exc("KeyError", "'arrears_day_7'", (*CELERY_TASK, app("notifications.tasks", "send_rent_reminder", 40, "template_id = settings.NOTIFY_TEMPLATES[stage]"))),),
        (see("sentry.error", 2), spl(**CEL), see("datadog.log", 2, **DD_CEL)),
        classes=(1,), pair="mv-reminder-notify-400", entry="vellacott.notifications.tasks.send_rent_reminder"),
    Bug("mv-reminder-notify-400", "lettings-worker", (Exc("HTTPError", "400 Client Error: Bad Request for url: https://api.notifications.service.gov.uk/v2/notifications/sms", (*CELERY_TASK, app("notifications.tasks", "send_rent_reminder", 46, "client.send_sms(phone=tenant.mobile, template_id=template_id, personalisation=data)"), pylib("notifications_python_client.base", "request", 74, "response.raise_for_status()"), pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)")), module="requests.exceptions"),),
        (see("sentry.error", 3), spl(**CEL), spl(**NOEXC), see("datadog.log", **DD_CEL)),
        classes=(1,), pair="mv-reminder-template-key", entry="vellacott.notifications.tasks.send_rent_reminder", log="rent reminder not sent"),
    # Two integrations that time out in one helper.
    Bug("mv-openbanking-timeout", "lettings-worker", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.truelayer.example', port=443): Read timed out. (read timeout=15)", (*CELERY_TASK, app("rent.tasks", "fetch_transactions", 23, "txns = TrueLayer().transactions(account_id, since=since)"), app("integrations.truelayer", "transactions", 61, "return post_json(f'{BASE}/data/v1/accounts/{account_id}/transactions', body)"), POST_JSON, *REQ_POST), module="requests.exceptions"),),
        (see("sentry.error", 3), spl(2, **CEL), see("datadog.log", 2, **DD_CEL)),
        classes=(1, 9), pair="mv-referencing-timeout", entry="vellacott.rent.tasks.fetch_transactions"),
    Bug("mv-referencing-timeout", "lettings-api", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.homeref.example', port=443): Read timed out. (read timeout=15)", (*DJANGO_VIEW, app("referencing.views", "start", 35, "check = HomeRef().start_check(applicant)"), app("integrations.homeref", "start_check", 27, "return post_json(f'{BASE}/checks', payload)"), POST_JSON, *REQ_POST), module="requests.exceptions"),),
        (see("sentry.error", 2), spl(**TEAM), spl(**DJ), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(1, 9), pair="mv-openbanking-timeout", entry="POST /api/v2/applications/{id}/referencing/", log="referencing check could not be started"),
    # One arrears report function, two exceptions.
    Bug("mv-arrears-zero-div", "lettings-worker", (Exc("ZeroDivisionError", "division by zero", (*CELERY_TASK, app("reports.tasks", "monthly_arrears_report", 18, "rows = [arrears_row(p) for p in portfolio]"), app("reports.arrears", "arrears_row", 44, "ratio = owed / p.monthly_rent"))),),
        (see("sentry.error", 2), spl(**CEL), see("datadog.log", **DD_CEL)),
        classes=(1,), pair="mv-arrears-decimal", entry="vellacott.reports.tasks.monthly_arrears_report"),
    Bug("mv-arrears-decimal", "lettings-worker", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*CELERY_TASK, app("reports.tasks", "monthly_arrears_report", 18, "rows = [arrears_row(p) for p in portfolio]"), app("reports.arrears", "arrears_row", 39, "owed = Decimal(p.ledger_balance) - Decimal(p.credit)")), module="decimal"),),
        (see("sentry.error", 2), spl(2, **CEL), see("datadog.log", **DD_CEL)),
        classes=(1,), pair="mv-arrears-zero-div", entry="vellacott.reports.tasks.monthly_arrears_report"),
    # Not paired: a tenancy agreement PDF and a serializer.
    Bug("mv-agreement-pdf", "lettings-worker", (Exc("FileNotFoundError", "[Errno 2] No such file or directory: '/app/vellacott/templates/agreements/ast_2026_wales.html'", (*CELERY_TASK, app("agreements.tasks", "render_agreement", 27, "html = render_to_string(template_for(tenancy), ctx)"), pylib("django.template.loaders.filesystem", "get_contents", 23, "with open(origin.name, encoding=self.engine.file_charset) as fp:")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), spl(**CEL), see("datadog.log", **DD_CEL)),
        classes=(1,), entry="vellacott.agreements.tasks.render_agreement"),
    Bug("mv-maintenance-serializer", "lettings-api", (Exc("TypeError", "Object of type Decimal is not JSON serializable", (*DJANGO_VIEW, app("maintenance.views", "create", 61, "publish('maintenance.created', serializer.data)"), app("events.bus", "publish", 19, "body = json.dumps(payload)"), pylib("json.encoder", "default", 180, "raise TypeError(f'Object of type {o.__class__.__name__} '"))),),
        (see("sentry.error", 3), spl(**DJ), spl(**TEAM), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(1, 2), entry="POST /api/v2/maintenance-requests/", log="maintenance request saved but not published"),
    # A singleton: recursion in the landlord portfolio tree.
    Bug("mv-portfolio-recursion", "lettings-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", (*DJANGO_VIEW, app("portfolios.views", "tree", 16, "return Response(serialize_node(root))"), app("portfolios.tree", "serialize_node", 9, "return {'id': node.id, 'children': [serialize_node(c) for c in node.children.all()]}"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v2/portfolios/{id}/tree/"),
]

NOISE = [
    Noise("mv-noise-deploy", "lettings-api", "datadog.event", {"monitor": "Deploy", "text": "lettings-api 2026.03.09 rolled out on vellacott-aks-uks (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
    Noise("mv-noise-collector", "lettings-api", "splunk", {**SEARCH, "line": "Exporting failed. Will retry the request after interval."}),
    Noise("mv-noise-recovered", "lettings-worker", "datadog.log", {"monitor": "[lettings] exceptions (otel logs)", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "service:(lettings-api OR lettings-worker) status:error @exception.type:*", "text": "Recovered: no exception logs from lettings in the last 10 minutes."}),
]

VELLACOTT = Company(
    key="mv",
    name="Vellacott Homes",
    domain="vellacotthomes.example",
    sentry_org="vellacott-homes",
    splunk_url="https://vellacott.splunkcloud.example",
    splunk_guid="3C9E51A2-7B04-4F6D-A8E2-15D7C0B94F61",
    datadog_org=("1119001", "Vellacott Homes"),
    datadog_template="recommended",
    posthog_project=(91191, "Vellacott tenants"),
    releases=("2026.03.02", "2026.03.09", "2026.03.13"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="vellacott-sentry-client-secret",
)
# fmt: on
