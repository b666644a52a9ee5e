"""(fw) Lindale Lettings, a letting agency's platform: a Django 4.2 REST API on gunicorn
(``lettings-api``: properties, viewings, tenancies, rent; DRF, Postgres through psycopg2)
and its Celery 5.3 workers (``lettings-worker``: rent schedules, contract signing through an
e-signature API, inventory PDFs to S3).

Logs: django-structlog 8 with structlog's ``JSONRenderer`` after ``format_exc_info``
(``fw-django-structlog``): the request middleware's ``request_failed`` with ``code``,
``request`` and the traceback text under ``exception``; the Celery receivers'
``task_failed`` with only ``error`` (the exception's str); Celery's own
``celery.app.trace`` record through ``ProcessorFormatter`` with the traceback. Splunk indexes
them. Sentry: sentry-python's Django and Celery integrations. Datadog: log monitors and APM
monitors by type. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, DJANGO_VIEW, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "lettings-api": Service("lettings-api", "python", "fw-django-structlog", "kube:container:lettings-api", "/var/log/containers/lettings-api.log", "lindale", 9920341, "CPython 3.11.9", framework="django"),
    "lettings-worker": Service("lettings-worker", "python", "fw-django-structlog", "kube:container:lettings-worker", "/var/log/containers/lettings-worker.log", "lindale", 9920342, "CPython 3.11.9", framework="celery"),
}

DRF_CREATE = (
    pylib("rest_framework.mixins", "create", 19, "self.perform_create(serializer)"),
    pylib("rest_framework.mixins", "perform_create", 24, "serializer.save()"),
    pylib("rest_framework.serializers", "save", 208, "self.instance = self.create(validated_data)"),
)
REQUESTS_READ = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
BOTO_CALL = (
    pylib("botocore.client", "_api_call", 565, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1021, "raise error_class(parsed_response, operation_name)"),
)


def app(module: str, fn: str, line: int, context: str) -> Frame:
    return py(f"lettings.{module}", fn, line, context)


API = {"search": "lindale api errors"}
TASK = {"search": "lindale worker errors", "kind": "task"}
CELERY = {"search": "lindale worker errors", "kind": "celery"}
DD_LOG = dict(team="lettings", monitor="[lettings] error logs", filter="service:lettings-api status:error", style="sample")
DD_WORKER = dict(team="lettings", monitor="[lettings] worker error logs", filter="service:lettings-worker status:error", style="sample")
APM = dict(team="lettings", monitor="[lettings] error spans by type", style="type")

RENT_CALC = app("rent.schedule", "monthly_amount", 31, "return (annual / Decimal(months)).quantize(PENCE)")

BUGS = [
    # Unique violations on two tables through DRF's create.
    Bug("fw-tenancy-dup", "lettings-api", django_integrity((*DJANGO_VIEW, *DRF_CREATE, app("tenancies.serializers", "create", 44, "return Tenancy.objects.create(**validated_data)")), "tenancies_tenancy_property_id_start_date_uniq", "Key (property_id, start_date)=({n}, 2026-05-01) already exists."),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("datadog.log", **DD_LOG)),
        classes=(1, 4), pair="fw-viewing-dup", entry="POST /api/tenancies/"),
    Bug("fw-viewing-dup", "lettings-api", django_integrity((*DJANGO_VIEW, *DRF_CREATE, app("viewings.serializers", "create", 29, "return Viewing.objects.create(**validated_data)")), "viewings_viewing_property_id_slot_uniq", "Key (property_id, slot)=({n}, 2026-04-18 10:30:00+00) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(1, 4), pair="fw-tenancy-dup", entry="POST /api/viewings/"),
    # DoesNotExist for two models in one lookup helper.
    Bug("fw-property-missing", "lettings-api", (Exc("DoesNotExist", "Property matching query does not exist.", (*DJANGO_VIEW, app("properties.views", "retrieve", 37, "prop = get_for_agent(Property, request.user, pk)"), app("core.lookups", "get_for_agent", 12, "return model.objects.get(pk=pk, agency=user.agency)"), *DJANGO_GET), module="lettings.properties.models", qual="Property.DoesNotExist"),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **DD_LOG)),
        classes=(1, 4, 9), pair="fw-landlord-missing", entry="GET /api/properties/{id}/"),
    Bug("fw-landlord-missing", "lettings-api", (Exc("DoesNotExist", "Landlord matching query does not exist.", (*DJANGO_VIEW, app("landlords.views", "statement", 58, "landlord = get_for_agent(Landlord, request.user, pk)"), app("core.lookups", "get_for_agent", 12, "return model.objects.get(pk=pk, agency=user.agency)"), *DJANGO_GET), module="lettings.landlords.models", qual="Landlord.DoesNotExist"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(1, 4, 9), pair="fw-property-missing", entry="GET /api/landlords/{id}/statement/"),
    # The rent schedule task: one function, two exceptions.
    Bug("fw-rent-invalid-decimal", "lettings-worker", (Exc("InvalidOperation", "[<class 'decimal.InvalidOperation'>]", (*CELERY_TASK, app("rent.tasks", "build_schedule", 22, "amount = monthly_amount(tenancy.annual_rent, tenancy.months)"), RENT_CALC), module="decimal"),),
        (see("sentry.error", 3), see("splunk", 2, **CELERY), see("splunk", 1, **TASK), see("datadog.log", **DD_WORKER)),
        classes=(1, 8), pair="fw-rent-zero-months", entry="lettings.rent.tasks.build_schedule"),
    Bug("fw-rent-zero-months", "lettings-worker", (Exc("DivisionByZero", "[<class 'decimal.DivisionByZero'>]", (*CELERY_TASK, app("rent.tasks", "build_schedule", 22, "amount = monthly_amount(tenancy.annual_rent, tenancy.months)"), RENT_CALC), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 2, **CELERY), see("splunk", 1, **TASK)),
        classes=(1, 8), pair="fw-rent-invalid-decimal", entry="lettings.rent.tasks.build_schedule"),
    # The e-signature API timing out: contract sending vs. the reminder nudge, one client.
    Bug("fw-contract-sign-timeout", "lettings-worker", (Exc("ReadTimeoutError", "HTTPSConnectionPool(host='api.signwell.example', port=443): Read timed out. (read timeout=20)", (pylib("urllib3.connectionpool", "_make_request", 536, "response = conn.getresponse()"),), module="urllib3.exceptions"), Exc("ReadTimeout", "HTTPSConnectionPool(host='api.signwell.example', port=443): Read timed out. (read timeout=20)", (*CELERY_TASK, app("contracts.tasks", "send_for_signature", 41, "envelope = esign.create_envelope(contract)"), app("integrations.esign", "create_envelope", 18, "resp = requests.post(f\"{BASE}/documents\", json=payload, timeout=20)"), *REQUESTS_READ), module="requests.exceptions")),
        (see("sentry.error", 3), see("splunk", 2, **CELERY), see("splunk", 1, **TASK), see("datadog.log", **DD_WORKER)),
        classes=(1, 9), pair="fw-reminder-sign-timeout", entry="lettings.contracts.tasks.send_for_signature"),
    Bug("fw-reminder-sign-timeout", "lettings-worker", (Exc("ReadTimeoutError", "HTTPSConnectionPool(host='api.signwell.example', port=443): Read timed out. (read timeout=20)", (pylib("urllib3.connectionpool", "_make_request", 536, "response = conn.getresponse()"),), module="urllib3.exceptions"), Exc("ReadTimeout", "HTTPSConnectionPool(host='api.signwell.example', port=443): Read timed out. (read timeout=20)", (*CELERY_TASK, app("contracts.tasks", "nudge_unsigned", 77, "esign.send_reminder(envelope_id)"), app("integrations.esign", "send_reminder", 31, "resp = requests.post(f\"{BASE}/documents/{doc}/remind\", timeout=20)"), *REQUESTS_READ), module="requests.exceptions")),
        (see("sentry.error", 2), see("splunk", 2, **CELERY), see("splunk", 1, **TASK)),
        classes=(1, 9), pair="fw-contract-sign-timeout", entry="lettings.contracts.tasks.nudge_unsigned"),
    # Inventory PDFs: a missing photo object in S3.
    Bug("fw-inventory-nosuchkey", "lettings-worker", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", (*CELERY_TASK, app("inventory.tasks", "render_inventory_pdf", 33, "photos = [fetch_photo(p.key) for p in inventory.photos.all()]"), app("inventory.storage", "fetch_photo", 9, "obj = s3.get_object(Bucket=BUCKET, Key=key)"), *BOTO_CALL), module="botocore.errorfactory"),),
        (see("sentry.error", 3), see("splunk", 2, **CELERY), see("datadog.apm", **APM)),
        classes=(1,), entry="lettings.inventory.tasks.render_inventory_pdf"),
    # The nightly arrears sweep hitting its soft time limit; renamed in the third release.
    Bug("fw-arrears-time-limit", "lettings-worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*CELERY_TASK, app("rent.tasks", "sweep_arrears", 58, "for tenancy in overdue_tenancies():"), app("rent.arrears", "overdue_tenancies", 14, "yield from qs.iterator(chunk_size=500)"), pylib("billiard.pool", "soft_timeout_sighandler", 229, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **CELERY), see("splunk", 1, **TASK), see("datadog.log", **DD_WORKER)),
        classes=(1, 5, 8), entry="lettings.rent.tasks.sweep_arrears", span=3, renames={"overdue_tenancies": "iter_overdue"}),
    # A serializer reading an address without a postcode.
    Bug("fw-postcode-keyerror", "lettings-api", (Exc("KeyError", "'postcode'", (*DJANGO_VIEW, app("properties.views", "create", 52, "serializer.is_valid(raise_exception=True)"), pylib("rest_framework.serializers", "is_valid", 227, "self._validated_data = self.run_validation(self.initial_data)"), app("properties.serializers", "validate_address", 66, "value[\"postcode\"] = normalise_postcode(value[\"postcode\"])"))),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **DD_LOG)),
        classes=(1, 4), pair="fw-landlord-postcode-keyerror", entry="POST /api/properties/"),
    Bug("fw-landlord-postcode-keyerror", "lettings-api", (Exc("KeyError", "'postcode'", (*DJANGO_VIEW, app("landlords.views", "update", 71, "serializer.is_valid(raise_exception=True)"), pylib("rest_framework.serializers", "is_valid", 227, "self._validated_data = self.run_validation(self.initial_data)"), app("landlords.serializers", "validate_correspondence_address", 40, "return {**value, \"postcode\": value[\"postcode\"].upper()}"))),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(1, 4), pair="fw-postcode-keyerror", entry="PATCH /api/landlords/{id}/"),
    # A deposit certificate amount: ValueError in the view.
    Bug("fw-deposit-valueerror", "lettings-api", (Exc("ValueError", "could not convert string to float: '£1,250.00'", (*DJANGO_VIEW, app("deposits.views", "register", 23, "amount = float(request.data[\"amount\"])"))),),
        (see("sentry.error", 2), see("splunk", 3, **API)),
        classes=(1,), entry="POST /api/deposits/"),
    Bug("fw-column-singleton", "lettings-api", (Exc("UndefinedColumn", 'column properties_property.epc_rating does not exist\nLINE 1: ...perty"."bedrooms", "properties_property"."epc_rating", "prop...\n                                                             ^\n', (pylib("django.db.backends.utils", "_execute", 89, "return self.cursor.execute(sql, params)"),), module="psycopg2.errors"), Exc("ProgrammingError", 'column properties_property.epc_rating does not exist\nLINE 1: ...perty"."bedrooms", "properties_property"."epc_rating", "prop...\n                                                             ^\n', (*DJANGO_VIEW, app("properties.views", "list", 19, "return Response(self.get_serializer(page, many=True).data)"), pylib("django.db.models.query", "__iter__", 398, "self._fetch_all()")), module="django.db.utils")),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/properties/"),
    # Celery's worker lost to the OOM killer: template rows.
    Bug("fw-worker-sigkill", "lettings-worker", (),
        (see("splunk", 3, search="lindale worker errors", line='{"event": "Process \'ForkPoolWorker-{n}\' pid:{idx} exited with \'signal 9 (SIGKILL)\'", "level": "error", "logger": "celery.worker.request", "timestamp": "{ts}"}'),),
        classes=(7,)),
]

NOISE = [
    Noise("fw-noise-ready", "lettings-worker", "splunk", {"search": "lindale worker errors", "line": '{"event": "celery@lettings-worker-6d9f{hex} ready.", "level": "info", "logger": "celery.apps.worker", "timestamp": "{ts}"}'}),
    Noise("fw-noise-deploy", "lettings-api", "datadog.event", {"monitor": "Deploy", "text": "lettings-api and lettings-worker 2026.17.1 deployed (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fw-noise-recovered", "lettings-api", "datadog.log", {"monitor": "[lettings] error logs", "text": "Recovered: error logs on lettings-api below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

LINDALE = Company(
    key="fw",
    name="Lindale Lettings",
    domain="lindale-lettings.example",
    sentry_org="lindale",
    splunk_url="https://lindale.splunkcloud.com",
    splunk_guid="2F4E6D8C-0B1A-4C3D-8E5F-7A9B1C3D5E7F",
    datadog_org=("718830", "Lindale Lettings"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.17.0", "2026.17.1", "2026.17.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="lindale-sentry-client-secret",
)
# fmt: on
