"""(jd) Kildwick Vets, a group of veterinary practices: a Django 4.2 REST Framework API
(``clinic-api``: appointments, pets and owners, vaccinations, prescriptions, invoices; DRF 3.14,
Postgres through psycopg 3, Stripe, a lab partner and an SMS gateway over requests) and its
Celery 5.3 workers (``clinic-worker``: reminders, lab results, stock sync, invoice runs), on
Kubernetes (AKS).

Logs: python-json-logger's ``JsonFormatter`` on every logger (``exc_info`` the traceback as a
string), written to the containers' stdout; Fluent Bit's ``tail`` input with the
``kubernetes`` filter sends each record to Splunk's HEC with the app's line under ``log`` and
the pod's ``kubernetes.*`` metadata beside it (``jd-fluent``); the Datadog Agent reads the same
lines as JSON attributes (``jd-pjl``); the lab-results worker deployment still writes Celery's
own text log, joined by Fluent Bit's ``python`` multiline parser (``jd-fluent-celery``). Sentry: sentry-python's Django and Celery integrations.
PostHog: posthog-python's ``capture_exception`` in DRF's exception handler. Datadog: APM by
type and log monitors pasting the record's attributes, a Celery task monitor. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "clinic-api": Service("clinic-api", "python", "jd-fluent", "kube:container:api", "http:fluent-bit", "kildwick", 8871301, "CPython 3.11.9", framework="django", sdk=("sentry.python.django", "1.45.0", "pypi:sentry-sdk")),
    "clinic-worker": Service("clinic-worker", "python", "jd-fluent", "kube:container:worker", "http:fluent-bit", "kildwick", 8871302, "CPython 3.11.9", framework="celery", sdk=("sentry.python.celery", "1.45.0", "pypi:sentry-sdk")),
}

# Django 4.2: csrf_exempt's wrapper is still ``wrapper_view``.
VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.views.decorators.csrf", "wrapper_view", 56, "return view_func(*args, **kwargs)"),
    pylib("django.views.generic.base", "view", 104, "return self.dispatch(request, *args, **kwargs)"),
    pylib("rest_framework.views", "dispatch", 509, "response = handler(request, *args, **kwargs)"),
)
DRF_CREATE = (
    pylib("rest_framework.mixins", "create", 19, "self.perform_create(serializer)"),
    pylib("rest_framework.mixins", "perform_create", 24, "serializer.save()"),
    pylib("rest_framework.serializers", "save", 212, "self.instance = self.create(validated_data)"),
)
ORM_INSERT = (
    pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"),
    pylib("django.db.models.query", "create", 650, "obj.save(force_insert=True, using=self.db)"),
    pylib("django.db.models.base", "save", 814, "self.save_base("),
    pylib("django.db.models.base", "save_base", 877, "updated = self._save_table("),
    pylib("django.db.models.base", "_save_table", 1020, "results = self._do_insert("),
    pylib("django.db.models.base", "_do_insert", 1061, "return manager._insert("),
    pylib("django.db.models.query", "_insert", 1805, "return query.get_compiler(using=using).execute_sql(returning_fields)"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1822, "cursor.execute(sql, params)"),
    pylib("django.db.backends.utils", "execute", 67, "return self._execute_with_wrappers("),
    pylib("django.db.backends.utils", "_execute_with_wrappers", 80, "return executor(sql, params, many, context)"),
    pylib("django.db.backends.utils", "_execute", 84, "with self.db.wrap_database_errors:"),
    pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value"),
)
ORM_UPDATE = (
    pylib("django.db.models.query", "update", 1206, "rows = query.get_compiler(self.db).execute_sql(CURSOR)"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1984, "cursor = super().execute_sql(result_type)"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1562, "cursor.execute(sql, params)"),
    pylib("django.db.backends.utils", "execute", 67, "return self._execute_with_wrappers("),
    pylib("django.db.backends.utils", "_execute_with_wrappers", 80, "return executor(sql, params, many, context)"),
    pylib("django.db.backends.utils", "_execute", 84, "with self.db.wrap_database_errors:"),
    pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value"),
)
# psycopg 3 re-raises its error from ``execute`` with a fresh traceback.
PSYCOPG = (
    pylib("django.db.backends.utils", "_execute", 89, "return self.cursor.execute(sql, params)"),
    pylib("psycopg.cursor", "execute", 732, "raise ex.with_traceback(None)"),
)
REQUESTS_POST = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 532, "raise ReadTimeout(e, request=request)"),
)
STRIPE = (
    pylib("stripe.api_resources.abstract.createable_api_resource", "create", 22, "cls._static_request("),
    pylib("stripe.api_requestor", "request", 122, "resp = self.interpret_response(rbody, rcode, rheaders)"),
    pylib("stripe.api_requestor", "interpret_response", 399, "self.handle_error_response(rbody, rcode, resp.data, rheaders)"),
    pylib("stripe.api_requestor", "handle_error_response", 160, "raise err"),
)


def app(module: str, fn: str, line: int, context: str) -> Frame:
    return py(f"kildwick.{module}", fn, line, context)


def pg(kind: str, value: str, app_frames: tuple[Frame, ...], orm: tuple[Frame, ...] = ORM_INSERT, dj: str = "IntegrityError") -> tuple[Exc, Exc]:
    """psycopg 3's error (``psycopg.errors.<kind>``), re-raised by Django as ``django.db.utils.<dj>``."""
    return Exc(kind, value, PSYCOPG, module="psycopg.errors"), Exc(dj, value, app_frames + orm + PSYCOPG[:1], module="django.db.utils")


def unique(constraint: str, detail: str) -> str:
    return f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'


READ_TIMEOUT = "HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout=15)"
POST_JSON = app("integrations.http", "post_json", 33, "resp = requests.post(url, json=payload, headers=self.headers, timeout=15)")


def timeout_chain(host: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    value = READ_TIMEOUT.replace("{host}", host)
    return (Exc("ReadTimeoutError", value, (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"),
            Exc("ReadTimeout", value, (*frames, POST_JSON, *REQUESTS_POST), module="requests.exceptions"))


API = {"search": "kildwick - clinic-api errors (fluent-bit)"}
WORKER = {"search": "kildwick - clinic-worker failures (fluent-bit)"}
CELERY_TEXT = {"search": "kildwick - clinic-worker failures (fluent-bit)", "format": "jd-fluent-celery"}
DD_LOG = dict(team="clinics", monitor="[clinic-api] error logs", filter="service:clinic-api status:error", format="jd-pjl", text="{{log.attributes.message}}\n\n```\n{{log.attributes.exc_info}}\n```\npod: {{log.host}}")
DD_WORKER = dict(team="clinics", monitor="[clinic-worker] errors by logger", filter="service:clinic-worker status:error", format="jd-pjl", text="{{log.attributes.name}}: {{log.attributes.message}}")
DD_SYNC = dict(team="clinics", monitor="[clinic-worker] stock sync errors", filter="service:clinic-worker @celery_task:kildwick.stock.tasks.sync_supplier_stock status:error", format="jd-pjl", text="Stock sync failing.\n\n{{log.attributes.message}}")
APM = dict(team="clinics", monitor="[clinic-api] error spans by type", style="type")
APM_W = dict(team="clinics", monitor="[clinic-worker] error spans by type", style="type")
TASK = dict(team="clinics", monitor="[clinic-worker] celery task failures")

BUGS = [
    # Unique violations on two tables, both through DRF's create.
    Bug("jd-appt-dup", "clinic-api", pg("UniqueViolation", unique("appointments_appointment_vet_id_starts_at_uniq", "Key (vet_id, starts_at)=({id}, 2026-03-{n} 09:30:00+00) already exists."), (*VIEW, *DRF_CREATE, app("appointments.serializers", "create", 61, "return Appointment.objects.create(**validated_data)"))),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(1, 4), pair="jd-vaccine-dup", entry="POST /api/v2/appointments/"),
    Bug("jd-vaccine-dup", "clinic-api", pg("UniqueViolation", unique("vaccinations_vaccination_pet_id_vaccine_id_given_on_uniq", "Key (pet_id, vaccine_id, given_on)=({id}, 7, 2026-03-{n}) already exists."), (*VIEW, *DRF_CREATE, app("vaccinations.serializers", "create", 44, "return Vaccination.objects.create(pet=pet, **validated_data)"))),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 4), pair="jd-appt-dup", entry="POST /api/v2/pets/{pet_id}/vaccinations/"),
    # The owner of a pet read where it can be None: a view and a reminder task.
    Bug("jd-pet-owner-none", "clinic-api", (Exc("AttributeError", "'NoneType' object has no attribute 'email'", (*VIEW, app("pets.views", "retrieve", 39, "data = PetDetailSerializer(pet).data"), pylib("rest_framework.serializers", "data", 555, "ret = super().data"), app("pets.serializers", "get_owner_contact", 72, "return pet.owner.email")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog", 2), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 4), pair="jd-reminder-owner-none", entry="GET /api/v2/pets/{pet_id}/", span=2, renames={"retrieve": "retrieve_pet"}),
    Bug("jd-reminder-owner-none", "clinic-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'email'", (*CELERY_TASK, app("reminders.tasks", "send_vaccination_reminders", 28, "send_reminder(vaccination)"), app("reminders.mail", "send_reminder", 15, "to = [vaccination.pet.owner.email]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("datadog.task", **TASK), see("datadog.apm", **APM_W)),
        classes=(1, 4, 8), pair="jd-pet-owner-none", entry="kildwick.reminders.tasks.send_vaccination_reminders"),
    # DoesNotExist for a Clinic and for a Vet: the entity is the bug.
    Bug("jd-clinic-missing", "clinic-api", (Exc("DoesNotExist", "Clinic matching query does not exist.", (*VIEW, app("clinics.views", "opening_hours", 25, "clinic = Clinic.objects.get(code=code)"), *DJANGO_GET), module="kildwick.clinics.models", qual="Clinic.DoesNotExist"),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog", 1)),
        classes=(1, 4), pair="jd-vet-missing", entry="GET /api/v2/clinics/{code}/hours/"),
    Bug("jd-vet-missing", "clinic-api", (Exc("DoesNotExist", "Vet matching query does not exist.", (*VIEW, app("appointments.views", "availability", 48, "vet = Vet.objects.get(pk=request.query_params['vet'])"), *DJANGO_GET), module="kildwick.staff.models", qual="Vet.DoesNotExist"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(1, 4), pair="jd-clinic-missing", entry="GET /api/v2/appointments/availability/"),
    # One invoice total, two exceptions.
    Bug("jd-invoice-vat-key", "clinic-api", (Exc("KeyError", "'vat_rate'", (*VIEW, app("billing.views", "preview", 31, "total = InvoiceBuilder(visit).total()"), app("billing.builder", "total", 57, "rate = line.product.meta['vat_rate']")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog", 1), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 4), pair="jd-invoice-decimal", entry="GET /api/v2/visits/{visit_id}/invoice-preview/"),
    Bug("jd-invoice-decimal", "clinic-worker", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*CELERY_TASK, app("billing.tasks", "close_day_invoices", 40, "invoice.total = InvoiceBuilder(visit).total()"), app("billing.builder", "total", 52, "qty = Decimal(line.quantity_text)")), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 1, **WORKER), see("splunk", 1, **CELERY_TEXT), see("datadog.task", **TASK)),
        classes=(1, 4, 8), pair="jd-invoice-vat-key", entry="kildwick.billing.tasks.close_day_invoices"),
    # The lab partner and the SMS gateway timing out through one helper.
    Bug("jd-lab-timeout", "clinic-worker", timeout_chain("api.vetlabs.example", (*CELERY_TASK, app("labs.tasks", "submit_sample", 36, "resp = lab.submit(sample)"), app("integrations.vetlabs", "submit", 22, "return self.post_json('/v1/orders', payload)"))),
        (see("sentry.error", 3), see("splunk", 1, **WORKER), see("splunk", 1, **CELERY_TEXT), see("datadog.log", **DD_WORKER)),
        classes=(1, 2, 4, 9), pair="jd-sms-timeout", entry="kildwick.labs.tasks.submit_sample"),
    Bug("jd-sms-timeout", "clinic-worker", timeout_chain("rest.smsgateway.example", (*CELERY_TASK, app("reminders.tasks", "send_sms_reminder", 61, "sms.send(owner.phone, text)"), app("integrations.sms", "send", 18, "return self.post_json('/messages', {'to': to, 'body': body})"))),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("datadog.log", **DD_WORKER), see("datadog.apm", **APM_W)),
        classes=(1, 2, 4, 9), pair="jd-lab-timeout", entry="kildwick.reminders.tasks.send_sms_reminder"),
    # Two failures of the stock sync under one Datadog monitor: a lock timeout, a foreign key.
    Bug("jd-stock-lock", "clinic-worker", pg("LockNotAvailable", "canceling statement due to lock timeout\nCONTEXT:  while updating tuple ({n},{idx}) in relation \"stock_stocklevel\"", (*CELERY_TASK, app("stock.tasks", "sync_supplier_stock", 47, "StockLevel.objects.filter(sku=row['sku'], clinic=clinic).update(quantity=row['qty'])")), ORM_UPDATE, "OperationalError"),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("datadog.log", 2, **DD_SYNC)),
        classes=(1, 2), pair="jd-stock-fk", entry="kildwick.stock.tasks.sync_supplier_stock"),
    Bug("jd-stock-fk", "clinic-worker", pg("ForeignKeyViolation", 'insert or update on table "stock_stocklevel" violates foreign key constraint "stock_stocklevel_product_id_fk_catalog_product_id"\nDETAIL:  Key (product_id)=({id}) is not present in table "catalog_product".', (*CELERY_TASK, app("stock.tasks", "sync_supplier_stock", 52, "StockLevel.objects.create(clinic=clinic, product_id=row['product_id'], quantity=row['qty'])"))),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("datadog.log", **DD_SYNC)),
        classes=(1, 2), pair="jd-stock-lock", entry="kildwick.stock.tasks.sync_supplier_stock"),
    # A prescriptions filter reading a query parameter the new app stopped sending; renamed.
    Bug("jd-rx-species-key", "clinic-api", (Exc("KeyError", "'species'", (*VIEW, app("prescriptions.views", "list", 33, "qs = filter_by_species(qs, request.query_params)"), app("prescriptions.filters", "filter_by_species", 12, "return qs.filter(drug__species__code=params['species'])")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(1, 5), entry="GET /api/v2/prescriptions/", span=3, renames={"list": "list_prescriptions"}),
    # The session cache's Redis going away: logged with the error's text alone.
    Bug("jd-redis-down", "clinic-api", (Exc("ConnectionError", "Error 111 connecting to redis-master.kildwick-prod.svc.cluster.local:6379. Connection refused.", (*VIEW, app("accounts.views", "me", 19, "profile = cache.get_or_set(key, build_profile, 300)"), pylib("django.core.cache.backends.redis", "get", 91, "value = client.get(key)"), pylib("redis.connection", "connect", 283, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **API, noexc=True), see("datadog.log", **DD_LOG, noexc=True)),
        classes=(2, 10), entry="GET /api/v2/me/", log="profile cache unavailable: <exc>", logger="kildwick.accounts"),
    # The connection pool exhausted under a report export.
    Bug("jd-pool-timeout", "clinic-api", (Exc("PoolTimeout", "couldn't get a connection after 30.00 sec", (*VIEW, app("reports.views", "export_visits", 42, "for row in visits.iterator(chunk_size=2000):"), pylib("django.db.backends.postgresql.base", "get_new_connection", 255, "connection = self.pool.getconn()"), pylib("psycopg_pool.pool", "getconn", 202, "raise PoolTimeout(")), module="psycopg_pool"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /api/v2/reports/visits.csv"),
    # A card declined when a visit is paid.
    Bug("jd-card-declined", "clinic-api", (Exc("CardError", "Request {req}: Your card was declined.", (*VIEW, app("billing.views", "pay", 77, "intent = stripe.PaymentIntent.create(**params)"), *STRIPE), module="stripe.error"),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 1, **API), see("datadog.log", **DD_LOG)),
        classes=(1, 2), entry="POST /api/v2/visits/{visit_id}/pay/", log="payment failed for visit", logger="kildwick.billing"),
    # The nightly lab-results import hitting its soft time limit.
    Bug("jd-labs-timelimit", "clinic-worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*CELERY_TASK, app("labs.tasks", "import_results", 83, "for result in lab.results(since=since):"), app("labs.importer", "attach_pdf", 29, "visit.documents.create(file=ContentFile(pdf, name))")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **CELERY_TEXT), see("datadog.task", **TASK)),
        classes=(1, 8), entry="kildwick.labs.tasks.import_results"),
    # A time zone the image's tzdata lacks, on booking across releases.
    Bug("jd-zoneinfo", "clinic-api", (Exc("ZoneInfoNotFoundError", "'No time zone found with key Europe/Kyiv'", (*VIEW, *DRF_CREATE, app("appointments.serializers", "create", 54, "tz = ZoneInfo(clinic.timezone)"), pylib("zoneinfo._common", "load_tzdata", 24, 'raise ZoneInfoNotFoundError(f"No time zone found with key {key}")')), module="zoneinfo"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 1)),
        classes=(1, 5), entry="POST /api/v2/appointments/", span=2),
    # A DRF serializer's required field missing from a partner's payload.
    Bug("jd-webhook-payload", "clinic-api", (Exc("TypeError", "Prescription.__init__() got an unexpected keyword argument 'dose_unit'", (*VIEW, app("partners.views", "pharmacy_callback", 22, "rx = Prescription(**payload['prescription'])"), pylib("django.db.models.base", "__init__", 567, 'raise TypeError(')), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(1,), entry="POST /api/v2/partners/pharmacy/callback/"),
    # Seen once.
    Bug("jd-recursion", "clinic-api", (Exc("RecursionError", "maximum recursion depth exceeded", (*VIEW, app("clinics.views", "tree", 19, "return Response(build_tree(root))"), app("clinics.tree", "build_tree", 11, "children = [build_tree(c) for c in node.children.all()]")), module="builtins"),),
        (see("sentry.error", 1),), entry="GET /api/v2/clinics/tree/", singleton=True),
]

NOISE = [
    Noise("jd-noise-deploy", "clinic-api", "datadog.event", {"monitor": "Deploy", "text": "clinic-api 2026.3.2 rolled out to kildwick-prod (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "clinics"}),
    Noise("jd-noise-worker-ready", "clinic-worker", "splunk", {"search": "kildwick - clinic-worker failures (fluent-bit)", "line": '{"log":"{\\"asctime\\": \\"{gts},{millis}\\", \\"levelname\\": \\"INFO\\", \\"name\\": \\"celery.apps.worker\\", \\"message\\": \\"celery@clinic-worker-7d9f8c6b5-x2kqp ready.\\"}\\n","stream":"stderr","time":"{ts}","kubernetes":{"namespace_name":"kildwick-prod","container_name":"worker"}}'}),
    Noise("jd-noise-recovered", "clinic-api", "datadog.log", {"monitor": "[clinic-api] error logs", "text": "Recovered: clinic-api error logs back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "clinics", "filter": "service:clinic-api status:error"}),
]

KILDWICK = Company(
    key="jd",
    name="Kildwick Vets",
    domain="kildwick-vets.example",
    sentry_org="kildwick",
    splunk_url="https://kildwick.splunkcloud.example",
    splunk_guid="9A4E21C7-3B6D-4F08-A1E5-7C2D90B4F613",
    datadog_org=("872113", "Kildwick Vets"),
    datadog_template="recommended",
    posthog_project=(87101, "Kildwick clinic API"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kildwick-sentry-client-secret",
)
# fmt: on
