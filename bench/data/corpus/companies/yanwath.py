"""(hf) Yanwath Veterinary Group, six small-animal practices: a Django 4.2 app on Python 3.11
under gunicorn (``vetportal``: appointment booking, pet records, invoices, lab results pulled
from the reference lab, an owners' portal) with management commands run by cron
(``send_reminders``, ``import_lab_results``, ``sync_pms``).

``LOGGING`` writes the stdlib's text to the containers' stdout,
``%(asctime)s %(levelname)s %(name)s %(message)s``, the traceback over the following lines:
``django.request``'s "Internal Server Error: <path>" and the code's own
``logger.exception(...)``. No Splunk: Datadog's agent reads the container logs and the log
monitors paste ``{{log.message}}`` samples (the first lines of the multi-line event, as many
as the monitor's author chose) into the team's own template. Sentry: sentry-python's Django
integration. PostHog: posthog-python's ``capture_exception`` in the portal's middleware.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import DJANGO_CREATE, DJANGO_GET, py, pylib

# fmt: off
SERVICES = {
    "vetportal": Service("vetportal", "python", "hf-django", "", "", "", 8140022, "CPython 3.11.9", framework="django"),
    "cron": Service("cron", "python", "hf-django", "", "", "", 8140022, "CPython 3.11.9", framework="django"),
}
VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.auth.decorators", "_wrapped_view", 23, "return view_func(request, *args, **kwargs)"),
)
CLASS_VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.views.generic.base", "view", 104, "return self.dispatch(request, *args, **kwargs)"),
    pylib("django.contrib.auth.mixins", "dispatch", 73, "return super().dispatch(request, *args, **kwargs)"),
    pylib("django.views.generic.base", "dispatch", 143, "return handler(request, *args, **kwargs)"),
)
COMMAND = (
    pylib("django.core.management.base", "run_from_argv", 412, "self.execute(*args, **cmd_options)"),
    pylib("django.core.management.base", "execute", 458, "output = self.handle(*args, **options)"),
)
REQUESTS = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)


def app(module: str, function: str, line: int, context: str, caret: str = "") -> Frame:
    return py(module, function, line, context, caret=caret)


def view(*frames: Frame) -> tuple[Frame, ...]:
    return (*VIEW, *frames)


def cbv(*frames: Frame) -> tuple[Frame, ...]:
    return (*CLASS_VIEW, *frames)


def command(*frames: Frame) -> tuple[Frame, ...]:
    return (*COMMAND, *frames)


def integrity(constraint: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    value = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", value, (pylib("django.db.backends.utils", "_execute", 89, "return self.cursor.execute(sql, params)"),), module="psycopg2.errors"),
        Exc("IntegrityError", value, (*frames, *DJANGO_CREATE), module="django.db.utils"),
    )


SPECIES = "'NoneType' object has no attribute 'species'"
PMS_TIMEOUT = "HTTPSConnectionPool(host='pms.yanwath.example', port=443): Read timed out. (read timeout=15)"
DD = {"team": "vets", "monitor": "vetportal errors", "text": "New errors in **vetportal**. Latest sample:\n\n```\n{{log.message}}\n```", "sample_lines": 12}
DD_LONG = {**DD, "sample_lines": 40}
DD_CRON = {"team": "vets", "monitor": "cron job errors", "text": "A scheduled command logged an error on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 30}
DD_LABS = {"team": "vets", "monitor": "lab results import", "text": "Lab import errors:\n\n```\n{{log.message}}\n```", "sample_lines": 40}
DD_STACK = {"team": "vets", "monitor": "vetportal exceptions", "style": "stack", "lines": 14}

BUGS = [
    # A pet with no species: the booking form and the invoice's line items.
    Bug("hf-booking-species-none", "vetportal", (Exc("AttributeError", SPECIES, view(app("appointments.views", "book", 48, "slots = availability.for_species(pet.species, clinic)", "pet.species"))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("posthog", 2), see("datadog.log", **DD_LONG)),
        classes=(4, 5), pair="hf-invoice-species-none", entry="POST /appointments/book/", span=3, renames={"book": "book_appointment"}),
    Bug("hf-invoice-species-none", "vetportal", (Exc("AttributeError", SPECIES, cbv(app("billing.views", "get", 31, "lines = invoice_lines(invoice)"), app("billing.invoices", "invoice_lines", 77, "code = FEES[item.pet.species.code]", "item.pet.species"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **DD), see("datadog.log", **DD_STACK)),
        classes=(4,), pair="hf-booking-species-none", entry="GET /billing/invoices/{id}/"),
    # DoesNotExist of two models.
    Bug("hf-pet-does-not-exist", "vetportal", (Exc("DoesNotExist", "Pet matching query does not exist.", (*view(app("records.views", "pet_record", 22, "pet = Pet.objects.get(pk=pet_id, owner__practice=request.practice)")), *DJANGO_GET), module="records.models", qual="Pet.DoesNotExist"),),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", **DD_LONG)),
        classes=(4,), pair="hf-vet-does-not-exist", entry="GET /records/pets/{id}/"),
    Bug("hf-vet-does-not-exist", "vetportal", (Exc("DoesNotExist", "Vet matching query does not exist.", (*view(app("appointments.views", "rota", 91, "vet = Vet.objects.get(pk=vet_id)")), *DJANGO_GET), module="staff.models", qual="Vet.DoesNotExist"),),
        (see("sentry.error", 2), see("sentry.alert", rule="vetportal: new issue"), see("datadog.log", **DD_STACK)),
        classes=(4,), pair="hf-pet-does-not-exist", entry="GET /appointments/rota/{id}/"),
    # Reminders: one create, two unique constraints.
    Bug("hf-reminder-unique-pet-due", "cron", integrity("reminders_reminder_pet_id_due_on_uniq", "Key (pet_id, due_on)=({id}, 2026-04-{idx}1) already exists.", command(app("reminders.management.commands.send_reminders", "handle", 39, "self.schedule_next(pet)"), app("reminders.management.commands.send_reminders", "schedule_next", 66, "Reminder.objects.create(pet=pet, owner=pet.owner, kind=kind, due_on=due)"))),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_CRON)),
        classes=(4,), pair="hf-reminder-unique-owner-kind", log="could not schedule reminder", logger="reminders.management.commands.send_reminders", entry="send_reminders"),
    Bug("hf-reminder-unique-owner-kind", "cron", integrity("reminders_reminder_owner_id_kind_uniq", "Key (owner_id, kind)=({user}, vaccination) already exists.", command(app("reminders.management.commands.send_reminders", "handle", 39, "self.schedule_next(pet)"), app("reminders.management.commands.send_reminders", "schedule_next", 66, "Reminder.objects.create(pet=pet, owner=pet.owner, kind=kind, due_on=due)"))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **DD_CRON)),
        classes=(4,), pair="hf-reminder-unique-pet-due", log="could not schedule reminder", logger="reminders.management.commands.send_reminders", entry="send_reminders"),
    # The lab parser: a missing key, a "<0.5" value; both under one monitor.
    Bug("hf-labs-missing-units", "cron", (Exc("KeyError", "'units'", command(app("labs.management.commands.import_lab_results", "handle", 28, "results = [parse_result(r) for r in batch]"), app("labs.parsers", "parse_result", 41, 'unit = row["units"].strip()', 'row["units"]'))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_LABS)),
        classes=(4,), pair="hf-labs-below-detection", log="lab result rejected", logger="labs.parsers", entry="import_lab_results"),
    Bug("hf-labs-below-detection", "cron", (Exc("ValueError", "could not convert string to float: '<0.5'", command(app("labs.management.commands.import_lab_results", "handle", 28, "results = [parse_result(r) for r in batch]"), app("labs.parsers", "parse_result", 44, 'value = float(row["value"])', 'float(row["value"])'))),),
        (see("sentry.error", 2), see("datadog.log", 2, **DD_LABS)),
        classes=(4,), pair="hf-labs-missing-units", log="lab result rejected", logger="labs.parsers", entry="import_lab_results"),
    # One PMS client helper at the end of two read timeouts: the nightly sync and the portal.
    Bug("hf-pms-sync-timeout", "cron", (Exc("ReadTimeout", PMS_TIMEOUT, command(app("pms.management.commands.sync_pms", "handle", 52, "client.push_visits(visits)"), app("pms.client", "push_visits", 30, 'return self._post("/visits/bulk", payload)'), app("pms.client", "_post", 18, "resp = requests.post(self.base + path, json=payload, timeout=15)"), *REQUESTS), module="requests.exceptions"),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_CRON)),
        classes=(9,), pair="hf-portal-history-timeout", log="PMS sync failed", logger="pms.management.commands.sync_pms", entry="sync_pms"),
    Bug("hf-portal-history-timeout", "vetportal", (Exc("ReadTimeout", PMS_TIMEOUT, view(app("portal.views", "visit_history", 37, "visits = pms.visit_history(owner.pms_id)"), app("pms.client", "visit_history", 24, 'return self._post("/visits/search", {"owner": pms_id})'), app("pms.client", "_post", 18, "resp = requests.post(self.base + path, json=payload, timeout=15)"), *REQUESTS), module="requests.exceptions"),),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.log", **DD)),
        classes=(9,), pair="hf-pms-sync-timeout", entry="GET /portal/visits/"),
    # A fee with a currency sign in the price list.
    Bug("hf-fee-decimal", "vetportal", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", cbv(app("billing.views", "post", 58, "total = quote_total(form.cleaned_data)"), app("billing.pricing", "quote_total", 19, "return sum(Decimal(f.amount) for f in fees)", "Decimal(f.amount)")), module="decimal"),),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.log", **DD_STACK)),
        entry="POST /billing/quote/"),
    # Naive and aware datetimes compared in the rota.
    Bug("hf-rota-naive-aware", "vetportal", (Exc("TypeError", "can't compare offset-naive and offset-aware datetimes", view(app("appointments.views", "day_view", 112, "free = [s for s in slots if s.start > now]", "s.start > now"))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("posthog", 1), see("datadog.log", **DD_LONG)),
        classes=(5,), entry="GET /appointments/day/", span=2),
    # The connection pool full at the morning rush.
    Bug("hf-db-slots-full", "vetportal", (Exc("OperationalError", 'connection to server at "10.31.0.12", port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections\n', (pylib("django.db.backends.base.base", "ensure_connection", 289, "self.connect()"), pylib("django.db.backends.base.base", "connect", 270, "self.connection = self.get_new_connection(conn_params)"), pylib("django.db.backends.postgresql.base", "get_new_connection", 269, "connection = self.Database.connect(**conn_params)"), pylib("psycopg2", "connect", 122, "conn = _connect(dsn, connection_factory=connection_factory, **kwasync)")), module="django.db.utils"),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(10,), entry="GET /appointments/day/"),
    # A practice's lab export saved as Windows-1252.
    Bug("hf-labs-csv-encoding", "cron", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0xa3 in position {n}1: invalid start byte", command(app("labs.management.commands.import_lab_results", "handle", 23, "batch = list(csv.DictReader(fh))"), pylib("codecs", "decode", 322, "(result, consumed) = self._buffer_decode(data, self.errors, final)"))),),
        (see("sentry.error", 2), see("datadog.log", **DD_CRON)),
        entry="import_lab_results"),
    # gunicorn killing a worker stuck on the PMS: the arbiter's own line (values vary).
    Bug("hf-worker-timeout", "vetportal", (),
        (see("datadog.log", 3, team="vets", monitor="gunicorn worker timeouts", text="gunicorn on {{log.host}}:\n\n```\n[{gts} +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:{pid})\n[{gts} +0000] [1] [ERROR] Worker (pid:{pid}) was sent SIGKILL! Perhaps out of memory?\n```"),),
        classes=(7,)),
    # Seen once: a serializer recursing through owner <-> pet.
    Bug("hf-export-recursion", "vetportal", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", view(app("records.views", "export_owner", 140, "return JsonResponse(owner_to_dict(owner))"), app("records.export", "pet_to_dict", 18, '"owner": owner_to_dict(pet.owner),'), app("records.export", "owner_to_dict", 9, '"pets": [pet_to_dict(p) for p in owner.pets.all()],'))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /records/owners/{id}/export/"),
]

NOISE = [
    Noise("hf-noise-deploy", "vetportal", "datadog.event", {"monitor": "Deployed vetportal 4.18.0", "text": "GitHub Actions deployed vetportal 4.18.0 to production (3 containers).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "vets"}),
    Noise("hf-noise-recovered", "vetportal", "datadog.log", {"monitor": "vetportal errors", "transition": "Recovered", "alert_type": "success", "team": "vets", "text": "vetportal errors back to normal."}),
    Noise("hf-noise-no-data", "cron", "datadog.log", {"monitor": "cron job errors", "transition": "No Data", "alert_type": "warning", "team": "vets", "text": "No logs from the cron container in the last hour."}),
]

YANWATH = Company(
    key="hf",
    name="Yanwath Veterinary Group",
    domain="yanwath.example",
    sentry_org="yanwath",
    splunk_url="https://yanwath.splunkcloud.com",
    splunk_guid="E2B7094C-6A1F-4D3E-9C58-71F0A4B2D6C3",
    datadog_org=("814002", "Yanwath Veterinary Group"),
    datadog_template="custom",
    posthog_project=(81402, "Yanwath owners' portal"),
    releases=("4.17.0", "4.17.1", "4.18.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yanwath-sentry-client-secret",
)
# fmt: on
