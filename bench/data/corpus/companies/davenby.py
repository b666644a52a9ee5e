"""(ks) Davenby Lettings, a letting agency's site: a Python 3.12 Django 5.1 app on Azure App
Service for Linux (``lettings-web``: property search, viewings, applications and referencing,
tenancy renewals, deposits, rent schedules for landlords; PostgreSQL through psycopg 3,
photos on Azure Blob Storage through django-storages) run by gunicorn, and its pages' own
scripts (``lettings-pages``: a photo gallery, search filters and a viewing calendar bundled by
Vite, served by django-vite).

Logs: stdlib ``logging`` to the console with gunicorn's format; App Service's diagnostic
setting streams ``AppServiceConsoleLogs`` to an Event Hub, read by the Splunk Add-on for
Microsoft Cloud Services (``ks-appservice-console``: one record per line, so a saved search on
``[ERROR]`` returns Django's ``Internal Server Error: /path`` line alone, another the
traceback's last line; some bursts joined into one record). Datadog's Azure integration reads
the same hub; one log monitor pastes ``resultDescription``. Sentry: sentry-python's Django
integration. PostHog: posthog-js exception autocapture on the pages.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "lettings-web": Service("lettings-web", "python", "ks-appservice-console", "mscs:azure:eventhub", "evhns-davenby-diag.servicebus.windows.net/insights-logs-appserviceconsolelogs", "davenby_azure", 6630512, "CPython 3.12.8", framework="django", sdk=("sentry.python.django", "2.19.2", "pypi:sentry-sdk")),
    "lettings-pages": Service("lettings-pages", "javascript", "", "", "", "", 6630515, origin="https://www.davenbylettings.example", framework="onerror"),
}
VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
)
LOGIN = (
    *VIEW,
    pylib("django.contrib.auth.decorators", "_view_wrapper", 59, "return view_func(request, *args, **kwargs)"),
)
GET = (
    pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"),
    pylib("django.db.models.query", "get", 649, "raise self.model.DoesNotExist("),
)
SAVE = (
    pylib("django.db.models.base", "save", 891, "self.save_base("),
    pylib("django.db.models.base", "save_base", 997, "updated = self._save_table("),
    pylib("django.db.models.base", "_save_table", 1160, "results = self._do_insert("),
    pylib("django.db.models.base", "_do_insert", 1201, "return manager._insert("),
    pylib("django.db.models.query", "_insert", 1847, "return query.get_compiler(using=using).execute_sql(returning_fields)"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1836, "cursor.execute(sql, params)"),
    pylib("django.db.backends.utils", "execute", 79, "return self._execute_with_wrappers("),
    pylib("django.db.backends.utils", "_execute_with_wrappers", 92, "return executor(sql, params, many, context)"),
    pylib("django.db.backends.utils", "_execute", 100, "with self.db.wrap_database_errors:"),
    pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value"),
    pylib("django.db.backends.utils", "_execute", 105, "return self.cursor.execute(sql, params)"),
)
PSYCOPG = pylib("psycopg.cursor", "execute", 97, "raise ex.with_traceback(None)")
HTTP = py("integrations.http", "get_json", 31, "resp = SESSION.get(url, params=params, timeout=(3.05, 8))")
READ_TIMEOUT = (
    pylib("requests.sessions", "get", 602, 'return self.request("GET", url, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)


def unique(app: tuple[Frame, ...], constraint: str, detail: str) -> tuple[Exc, Exc]:
    """psycopg 3's UniqueViolation, re-raised by Django as IntegrityError (cause first)."""
    value = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'
    return (Exc("UniqueViolation", value, (PSYCOPG,), module="psycopg.errors"), Exc("IntegrityError", value, (*app, *SAVE), module="django.db.utils"))


def timeout(app: tuple[Frame, ...], host: str) -> tuple[Exc, ...]:
    pool = f"HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout=8)"
    return (
        Exc("ReadTimeoutError", pool, (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"),
        Exc("ReadTimeout", pool, (*app, HTTP, *READ_TIMEOUT), module="requests.exceptions"),
    )


ISE = "Internal Server Error: {path}"
SEARCH = dict(search="lettings-web - [ERROR] console lines", owner="svc_lettings", app="search")
LAST_SEARCH = dict(search="lettings-web - exception lines", owner="svc_lettings", app="search", part="last")
DD = dict(team="lettings", monitor="[app-davenby-lettings] Errors in console log", filter="source:azure.web resource_name:app-davenby-lettings status:error", text="New error output from **app-davenby-lettings**:\n\n```\n{{log.attributes.resultDescription}}\n```", part="tail", lines=5)
DD_HEAD = dict(DD, part="head")
DD_JOINED = dict(DD, part="joined")
JOINED = dict(SEARCH, part="joined")
CHUNK = dict(SEARCH, part="chunk", lines=4)
PAGE = "/lettings/{slug}"

BUGS = [
    # "... matching query does not exist." for two models.
    Bug("ks-viewing-property-missing", "lettings-web", (Exc("DoesNotExist", "Property matching query does not exist.", (*LOGIN, py("viewings.views", "book_viewing", 42, "listing = Property.objects.get(pk=property_id, status=Property.Status.AVAILABLE)"), *GET), module="lettings.models", qual="Property.DoesNotExist"),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("splunk", **LAST_SEARCH), see("datadog.log", **DD)),
        classes=(4,), pair="ks-renewal-tenant-missing", log=ISE, entry="POST /viewings/{property_id}/book/"),
    Bug("ks-renewal-tenant-missing", "lettings-web", (Exc("DoesNotExist", "Tenant matching query does not exist.", (*LOGIN, py("tenancies.views", "renewal_offer", 77, "tenant = Tenant.objects.get(tenancy=tenancy, lead=True)"), *GET), module="tenancies.models", qual="Tenant.DoesNotExist"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH), see("splunk", **LAST_SEARCH), see("datadog.log", **DD)),
        classes=(4,), pair="ks-viewing-property-missing", log=ISE, entry="GET /tenancies/{tenancy_id}/renewal/"),
    # Unique violations on two tables.
    Bug("ks-deposit-unique", "lettings-web", unique((*LOGIN, py("deposits.views", "register", 35, "scheme.register(tenancy, amount=form.cleaned_data['amount'])"), py("deposits.services", "register", 58, "Deposit.objects.create(tenancy=tenancy, scheme=self.code, amount=amount)"), pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"), pylib("django.db.models.query", "create", 679, "obj.save(force_insert=True, using=self.db)")), "deposits_deposit_tenancy_id_key", "Key (tenancy_id)=({id}) already exists."),
        (see("sentry.error", 3), see("splunk", **SEARCH), see("splunk", **JOINED), see("datadog.log", **DD), see("datadog.log", **DD_JOINED)),
        classes=(4,), pair="ks-reference-unique", log=ISE, entry="POST /tenancies/{tenancy_id}/deposit/"),
    Bug("ks-reference-unique", "lettings-web", unique((*LOGIN, py("applications.views", "start_referencing", 61, "check = ReferenceCheck.objects.create(applicant=applicant, provider=provider)"), pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"), pylib("django.db.models.query", "create", 679, "obj.save(force_insert=True, using=self.db)")), "applications_referencecheck_applicant_id_key", "Key (applicant_id)=({id}) already exists."),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SEARCH), see("splunk", **CHUNK), see("datadog.log", **DD)),
        classes=(4, 5), pair="ks-deposit-unique", log=ISE, entry="POST /applications/{application_id}/referencing/", span=3, renames={"start_referencing": "request_references"}),
    # One rent schedule function, two exceptions.
    Bug("ks-rent-frequency-key", "lettings-web", (Exc("KeyError", "'fortnightly'", (*LOGIN, py("landlords.views", "rent_schedule", 88, "rows = schedule(tenancy.rent, tenancy.frequency, months=12)"), py("rent.calc", "schedule", 24, "per_year = PERIODS_PER_YEAR[frequency]")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("splunk", **LAST_SEARCH), see("datadog.log", **DD)),
        classes=(4,), pair="ks-rent-decimal-float", log=ISE, entry="GET /landlords/properties/{property_id}/rent/"),
    Bug("ks-rent-decimal-float", "lettings-web", (Exc("TypeError", "unsupported operand type(s) for *: 'decimal.Decimal' and 'float'", (*LOGIN, py("landlords.views", "rent_schedule", 88, "rows = schedule(tenancy.rent, tenancy.frequency, months=12)"), py("rent.calc", "schedule", 31, "instalment = (rent * per_year / 12) * agent_fee_factor", caret="rent * per_year / 12) * agent_fee_factor")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH), see("splunk", **LAST_SEARCH), see("datadog.log", **DD)),
        classes=(4,), pair="ks-rent-frequency-key", log=ISE, entry="GET /landlords/properties/{property_id}/rent/"),
    # The HTTP helper at the end of two read timeouts.
    Bug("ks-epc-timeout", "lettings-web", timeout((*LOGIN, py("listings.views", "edit_listing", 112, "epc = epc_register.latest_for(form.cleaned_data['uprn'])"), py("integrations.epc_register", "latest_for", 19, 'data = get_json(f"{BASE}/domestic/search", params={"uprn": uprn})')), "epc.opendatacommunities.org"),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("splunk", **LAST_SEARCH), see("datadog.log", **DD)),
        classes=(9,), pair="ks-postcode-timeout", log=ISE, entry="POST /listings/{listing_id}/edit/"),
    Bug("ks-postcode-timeout", "lettings-web", timeout((*VIEW, py("search.views", "nearby", 27, "origin = postcodes.lookup(request.GET['postcode'])"), py("integrations.postcodes", "lookup", 14, 'data = get_json(f"https://api.postcodes.io/postcodes/{quote(postcode)}")')), "api.postcodes.io"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **SEARCH), see("splunk", **JOINED), see("datadog.log", **DD_HEAD)),
        classes=(9,), pair="ks-epc-timeout", log=ISE, entry="GET /search/nearby/"),
    # Not pairs.
    Bug("ks-photo-blob-missing", "lettings-web", (Exc("ResourceNotFoundError", "The specified blob does not exist.\nRequestId:{uuid}\nTime:{tsms}\nErrorCode:BlobNotFound\nContent: <?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.\nRequestId:{uuid}\nTime:{tsms}</Message></Error>", (*VIEW, py("listings.views", "listing_detail", 54, "photos = [thumbnail(p) for p in listing.photos.all()]"), py("listings.images", "thumbnail", 22, "with photo.image.open('rb') as fh:"), pylib("storages.backends.azure_storage", "_open", 211, "return AzureStorageFile(name, mode, self)"), pylib("azure.storage.blob._blob_client", "download_blob", 916, "return StorageStreamDownloader(**options)"), pylib("azure.storage.blob._shared.response_handlers", "process_storage_error", 186, "exec(\"raise error from None\")")), module="azure.core.exceptions"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", **SEARCH), see("splunk", **CHUNK), see("splunk", **LAST_SEARCH), see("datadog.log", **DD)),
        classes=(5,), log=ISE, entry="GET /lettings/{slug}/", span=3, renames={"thumbnail": "card_thumbnail"}),
    Bug("ks-no-reverse-listing", "lettings-web", (Exc("NoReverseMatch", "Reverse for 'listing-detail' with arguments '('',)' not found. 1 pattern(s) tried: ['lettings/(?P<slug>[-a-zA-Z0-9_]+)/\\\\Z']", (*LOGIN, py("landlords.views", "portfolio", 19, 'return render(request, "landlords/portfolio.html", {"properties": properties})'), pylib("django.shortcuts", "render", 25, "content = loader.render_to_string(template_name, context, request, using=using)"), pylib("django.template.defaulttags", "render", 480, "url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)"), pylib("django.urls.resolvers", "_reverse_with_prefix", 831, "raise NoReverseMatch(msg)")), module="django.urls.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH), see("datadog.log", **DD)),
        log=ISE, entry="GET /landlords/portfolio/"),
    # gunicorn's sync worker killed at its 120 s timeout while rendering a statement PDF.
    Bug("ks-statement-worker-timeout", "lettings-web", (Exc("SystemExit", "1", (pylib("gunicorn.workers.sync", "handle", 135, "self.handle_request(listener, req, client, addr)"), pylib("gunicorn.workers.sync", "handle_request", 178, "respiter = self.wsgi(environ, resp.start_response)"), pylib("django.core.handlers.wsgi", "__call__", 124, "response = self.get_response(request)"), *LOGIN, py("landlords.views", "statement_pdf", 152, "pdf = HTML(string=html, base_url=settings.STATIC_ROOT).write_pdf()"), pylib("weasyprint.layout", "layout_document", 111, "for page in make_all_pages(context, root_box, html, pages):"), pylib("gunicorn.workers.base", "handle_abort", 204, "sys.exit(1)")), module="builtins"),),
        (see("splunk", 2, **JOINED), see("splunk", **LAST_SEARCH), see("datadog.log", **DD), see("datadog.log", **DD_JOINED)),
        log="Error handling request /landlords/statements/{id}.pdf", entry="GET /landlords/statements/{statement_id}.pdf"),
    Bug("ks-singleton-yield", "lettings-web", (Exc("ZeroDivisionError", "division by zero", (*LOGIN, py("landlords.views", "yield_report", 131, "gross = annual_rent / purchase_price * 100"),), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, log=ISE, entry="GET /landlords/properties/{property_id}/yield/"),
    # The pages' scripts: one property read in two modules, in each engine's words.
    Bug("ks-web-gallery-null", "lettings-pages", (Exc("TypeError", frames=(js("src/gallery.ts", "openLightbox", 48, 31, "gallery"),), js=JsError("read-null", "document.querySelector('.lightbox')", "classList")),),
        (see("posthog", browser="chrome", chunk="gallery"), see("posthog", browser="safari", chunk="gallery"), see("posthog", browser="firefox", chunk="gallery"), see("posthog", browser="chrome", chunk="gallery", release=1, resolved=True)),
        classes=(3, 4), pair="ks-web-filters-null", page=PAGE),
    Bug("ks-web-filters-null", "lettings-pages", (Exc("TypeError", frames=(js("src/search/filters.ts", "toggleMoreFilters", 22, 14, "search"),), js=JsError("read-null", "document.querySelector('.lightbox')", "classList")),),
        (see("posthog", 2, browser="chrome", chunk="search"), see("posthog", browser="edge", chunk="search"), see("posthog", browser="safari", chunk="search")),
        classes=(3, 4), pair="ks-web-gallery-null", page="/search/"),
    Bug("ks-web-calendar-date", "lettings-pages", (Exc("RangeError", "Invalid time value", (js("src/viewings/calendar.ts", "renderSlots", 63, 40, "viewings"), js("node_modules/date-fns/format.js", "format", 352, 11, "vendor", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="viewings"), see("posthog", browser="firefox", chunk="viewings"), see("posthog", browser="safari", chunk="viewings"), see("posthog", browser="edge", chunk="viewings")),
        classes=(3,), page="/viewings/{property_id}/book/"),
]

NOISE = [
    Noise("ks-noise-gunicorn-boot", "lettings-web", "splunk", {**SEARCH, "line": '{"time":"{tsnaive}0Z","level":"Error","resultDescription":"[{gts} +0000] [1] [INFO] Starting gunicorn 23.0.0","resourceId":"/SUBSCRIPTIONS/0B7E4C91-2F5A-4D83-9C16-E4A8D2F05B37/RESOURCEGROUPS/RG-DAVENBY-PROD/PROVIDERS/MICROSOFT.WEB/SITES/APP-DAVENBY-LETTINGS","containerId":"{hex}{hex}","operationName":"Microsoft.Web/sites/log","category":"AppServiceConsoleLogs"}'}),
    Noise("ks-noise-slot-swap", "lettings-web", "datadog.event", {"monitor": "app-davenby-lettings slot swap", "text": "Swapped slot staging into production for app-davenby-lettings (deployment 2026.3.12).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
    Noise("ks-noise-recovered", "lettings-web", "datadog.log", {"monitor": "[app-davenby-lettings] Errors in console log", "text": "Recovered: no error output from app-davenby-lettings in the last 30 minutes.", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "source:azure.web resource_name:app-davenby-lettings status:error"}),
]

DAVENBY = Company(
    key="ks",
    name="Davenby Lettings",
    domain="davenbylettings.example",
    sentry_org="davenby-lettings",
    splunk_url="https://splunk.davenbylettings.example:8089",
    splunk_guid="E0B4A7C3-5D29-4F18-8C6A-3B91D72E4F05",
    datadog_org=("622915", "Davenby Lettings"),
    datadog_template="custom",
    posthog_project=(81377, "Davenby website"),
    releases=("2026.3.2", "2026.3.7", "2026.3.12"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="davenby-sentry-client-secret",
)
# fmt: on
