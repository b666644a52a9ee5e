"""(gm) Juniper Howe Veterinary, a chain of vet clinics: a FastAPI 0.115 API on uvicorn
(``howe-api``: SQLAlchemy 2.0 over Postgres with psycopg 3, httpx to a lab and an SMS
provider, Stripe) and Celery 5.4 workers on Redis (``howe-worker``: reminders, lab results,
insurance claims), Python 3.11.

Logging is loguru with ``serialize=True``, the sink posting each record to Splunk's HTTP
Event Collector (``gm-loguru-hec``): the API's error middleware's ``logger.exception``, the
code's own ``logger.exception`` calls, and Celery's ``celery.app.trace`` record through an
``InterceptHandler``; the first release still had loguru's default ``diagnose=True``. One
worker pool started without the intercept writes Celery's own text log (``gm-celery-text``).
Sentry: sentry-sdk's FastAPI and Celery integrations. PostHog: posthog-python's
``capture_exception`` in the API's middleware and the reminders tasks. Datadog: ddtrace APM
monitors by error type, Celery task monitors and log monitors pasting loguru's record fields.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
    FASTAPI_ENDPOINT,
    FASTAPI_ROUTE,
    httpx_timeout,
    py,
    pylib,
    sqlalchemy_integrity,
)

# fmt: off
SERVICES = {
    "howe-api": Service("howe-api", "python", "gm-loguru-hec", "_json", "http:howe-loguru", "gm_app", 8120641, "CPython 3.11.9", framework="fastapi"),
    "howe-worker": Service("howe-worker", "python", "gm-loguru-hec", "_json", "http:howe-loguru", "gm_app", 8120642, "CPython 3.11.9", framework="celery", sdk=("sentry.python.celery", "2.14.0", "pypi:sentry-sdk")),
}


def ep(mod: str, fn: str, line: int, ctx: str) -> tuple:
    return (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, py(f"juniperhowe.api.{mod}", fn, line, ctx))


def app(mod: str, fn: str, line: int, ctx: str) -> object:
    return py(f"juniperhowe.{mod}", fn, line, ctx)


def task(mod: str, fn: str, line: int, ctx: str) -> tuple:
    return (*CELERY_TASK, py(f"juniperhowe.tasks.{mod}", fn, line, ctx))


SA_POOL = (
    pylib("sqlalchemy.orm.session", "execute", 2362, "return self._execute_internal("),
    pylib("sqlalchemy.orm.session", "_connection_for_bind", 2131, "return trans._connection_for_bind(engine, execution_options)"),
    pylib("sqlalchemy.engine.base", "_connection_for_bind", 1216, "conn = bind.connect()"),
    pylib("sqlalchemy.pool.base", "connect", 449, "return _ConnectionFairy._checkout(self)"),
    pylib("sqlalchemy.pool.impl", "_do_get", 157, "raise exc.TimeoutError("),
)
PYD = (pylib("pydantic.main", "model_validate", 596, "return cls.__pydantic_validator__.validate_python("),)
PHONE = (app("notify.phone", "to_e164", 14, "parsed = phonenumbers.parse(raw, region)"), pylib("phonenumbers.phonenumberutil", "parse", 2920, "raise NumberParseException(NumberParseException.NOT_A_NUMBER,"))
JSONLIB = (
    pylib("httpx._models", "json", 764, "return jsonlib.loads(self.content, **kwargs)"),
    pylib("json", "loads", 346, "return _default_decoder.decode(s)"),
    pylib("json.decoder", "decode", 338, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"),
    pylib("json.decoder", "raw_decode", 356, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None"),
)

HEC = {"search": "howe errors (loguru)", "app": "juniperhowe"}
HEC_DIAG = {**HEC, "diagnose": True, "release": 0}
OWN = {**HEC, "site": "own"}
CELERY_TEXT = {"search": "howe errors (loguru)", "app": "juniperhowe", "format": "gm-celery-text", "sourcetype": "celery:worker", "source": "/var/log/celery/worker-claims.log"}
APM = dict(team="clinics", monitor="[howe] fastapi.request errors", style="type")
APM_W = dict(team="clinics", monitor="[howe] celery.run errors", style="type")
LOGMON = dict(team="clinics", monitor="[howe] loguru ERROR records", filter="service:howe-api record.level.name:ERROR",
              text="Loguru ERROR records on howe over threshold.\n\n**{{log.attributes.record.exception.type}}**: {{log.attributes.record.exception.value}}\nat `{{log.attributes.record.name}}:{{log.attributes.record.function}}:{{log.attributes.record.line}}`\n\n> {{log.attributes.record.message}}")
LOGMON_W = dict(LOGMON, monitor="[howe] worker ERROR records", filter="service:howe-worker record.level.name:ERROR")


def task_mon(name: str) -> dict:
    return dict(team="clinics", monitor=f"[howe] celery task failing: {name}")


BUGS = [
    # --- API: the same AttributeError at two places ---
    Bug("gm-book-null-vet", "howe-api", (Exc("AttributeError", "'NoneType' object has no attribute 'calendar_id'", ep("appointments", "book_appointment", 61, "slot = await calendars.reserve(vet.calendar_id, body.starts_at)")),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", **HEC_DIAG), see("splunk", 2, **HEC), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gm-reschedule-null-vet", entry="POST /appointments", span=2),
    Bug("gm-reschedule-null-vet", "howe-api", (Exc("AttributeError", "'NoneType' object has no attribute 'calendar_id'", (*ep("appointments", "reschedule", 104, "await move_slot(appt, body.starts_at)"), app("services.calendar", "move_slot", 42, "await calendars.release(appt.vet.calendar_id, appt.slot_id)"))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("posthog"), see("datadog.apm", **APM)),
        classes=(4,), pair="gm-book-null-vet", entry="PATCH /appointments/{id}"),
    # --- API: IntegrityError on two constraints ---
    Bug("gm-dup-microchip", "howe-api", sqlalchemy_integrity(ep("pets", "register_pet", 48, "await session.commit()"), "pets_microchip_key", "Key (microchip)=(9810{id}{n}) already exists.", "INSERT INTO pets (owner_id, name, species, microchip) VALUES (%(owner_id)s::INTEGER, %(name)s::VARCHAR, %(species)s::VARCHAR, %(microchip)s::VARCHAR) RETURNING pets.id"),
        (see("sentry.error", 3), see("splunk", **HEC_DIAG), see("splunk", 2, **HEC), see("datadog.log", **LOGMON)),
        classes=(1, 4), pair="gm-dup-owner-email", entry="POST /pets"),
    Bug("gm-dup-owner-email", "howe-api", sqlalchemy_integrity(ep("owners", "create_owner", 33, "await session.commit()"), "owners_email_key", "Key (email)=({email}) already exists.", "INSERT INTO owners (email, full_name, phone) VALUES (%(email)s::VARCHAR, %(full_name)s::VARCHAR, %(phone)s::VARCHAR) RETURNING owners.id"),
        (see("sentry.error", 2), see("splunk", 3, **HEC), see("posthog", 2), see("datadog.log", **LOGMON)),
        classes=(1, 4), pair="gm-dup-microchip", entry="POST /owners"),
    # --- API: httpx timeouts to two providers ---
    Bug("gm-lab-order-timeout", "howe-api", httpx_timeout((*ep("labs", "order_panel", 57, "resp = client.post(f\"{LAB_URL}/orders\", json=order)"),), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(2, 10), pair="gm-sms-confirm-timeout", entry="POST /labs/orders", span=2),
    Bug("gm-sms-confirm-timeout", "howe-api", httpx_timeout((*ep("appointments", "send_confirmation", 133, "await sms.post(\"/messages\", json=msg)"),), "ConnectTimeout", "", connect=True),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        classes=(2, 10), pair="gm-lab-order-timeout", entry="POST /appointments/{id}/confirm"),
    # --- API: one function, two exceptions ---
    Bug("gm-invoice-fee-keyerror", "howe-api", (Exc("KeyError", "'dental_scale'", (*ep("invoices", "preview_invoice", 29, "return invoice_totals(appt)"), app("billing.totals", "invoice_totals", 18, "fee = FEES[item.code]"))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="gm-invoice-split-zero", entry="GET /invoices/{id}/preview"),
    Bug("gm-invoice-split-zero", "howe-api", (Exc("ZeroDivisionError", "division by zero", (*ep("invoices", "preview_invoice", 29, "return invoice_totals(appt)"), app("billing.totals", "invoice_totals", 26, "per_pet = total / len(appt.pets)"))),),
        (see("sentry.error", 2), see("splunk", **HEC_DIAG), see("splunk", **HEC), see("posthog"), see("datadog.apm", **APM)),
        classes=(4,), pair="gm-invoice-fee-keyerror", entry="GET /invoices/{id}/preview"),
    # --- API singles ---
    Bug("gm-vaccine-validation", "howe-api", (Exc("ValidationError", "1 validation error for VaccinationIn\ngiven_on\n  Input should be a valid date or datetime, invalid date separator, expected `-` [type=date_from_datetime_parsing, input_value='{date}', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.8/v/date_from_datetime_parsing", (*ep("vaccinations", "record_vaccination", 40, "rec = VaccinationIn.model_validate(raw)"), *PYD), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("posthog", 2)),
        classes=(4,), entry="POST /pets/{id}/vaccinations"),
    Bug("gm-records-pool", "howe-api", (Exc("TimeoutError", "QueuePool limit of size 10 overflow 20 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", (*ep("records", "pet_history", 22, "rows = (await session.execute(stmt)).scalars().all()"), *SA_POOL), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **HEC), see("posthog"), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(1, 10), entry="GET /pets/{id}/history", span=2),
    Bug("gm-xray-disk-full", "howe-api", (Exc("OSError", "[Errno 28] No space left on device", (*ep("imaging", "upload_xray", 71, "await save_upload(file, dest)"), app("storage.local", "save_upload", 19, "out.write(chunk)"))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.log", **LOGMON)),
        classes=(1,), entry="POST /pets/{id}/xrays"),
    Bug("gm-stripe-no-customer", "howe-api", (Exc("InvalidRequestError", "Request req_{hex}: No such customer: 'cus_{hex}'", (*ep("billing", "charge_saved_card", 52, "intent = stripe.PaymentIntent.create(customer=owner.stripe_id, amount=amt, currency=\"gbp\")"), pylib("stripe._api_resource", "_static_request", 165, "return _APIRequestor._global_instance().request("), pylib("stripe._api_requestor", "_interpret_response", 781, "self.handle_error_response(")), module="stripe._error"),),
        (see("sentry.error", 2), see("splunk", 2, **OWN), see("posthog", 2)),
        classes=(3,), log="card charge failed for owner {id}", logger="juniperhowe.api.billing:charge_saved_card:58", entry="POST /invoices/{id}/charge"),
    # --- worker: two tasks ending in the same phone helper ---
    Bug("gm-vaccine-reminder-phone", "howe-worker", (Exc("NumberParseException", "(1) The string supplied did not seem to be a phone number.", (*task("reminders", "send_vaccine_reminder", 37, "to = to_e164(owner.phone, owner.country)"), *PHONE), module="phonenumbers.phonenumberutil"),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("posthog", 2), see("datadog.task", **task_mon("juniperhowe.tasks.reminders.send_vaccine_reminder"))),
        classes=(9,), pair="gm-postop-followup-phone", entry="juniperhowe.tasks.reminders.send_vaccine_reminder", span=2),
    Bug("gm-postop-followup-phone", "howe-worker", (Exc("NumberParseException", "(1) The string supplied did not seem to be a phone number.", (*task("followups", "send_post_op_followup", 24, "sms.send(to_e164(appt.owner.phone, appt.clinic.country), body)"), *PHONE), module="phonenumbers.phonenumberutil"),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("posthog"), see("datadog.task", **task_mon("juniperhowe.tasks.followups.send_post_op_followup"))),
        classes=(9,), pair="gm-vaccine-reminder-phone", entry="juniperhowe.tasks.followups.send_post_op_followup"),
    # --- worker: two bugs under one log monitor ---
    Bug("gm-lab-results-keyerror", "howe-worker", (Exc("KeyError", "'accession'", (*task("labs", "sync_lab_results", 45, "for r in batch: upsert_result(r)"), app("labs.importer", "upsert_result", 31, "key = (r[\"accession\"], r[\"test_code\"])"))),),
        (see("sentry.error", 2), see("splunk", **HEC_DIAG), see("splunk", **HEC), see("datadog.log", **LOGMON_W), see("datadog.apm", **APM_W)),
        classes=(2, 4), pair="gm-pharmacy-sync-json", entry="juniperhowe.tasks.labs.sync_lab_results"),
    Bug("gm-pharmacy-sync-json", "howe-worker", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*task("pharmacy", "sync_stock_levels", 28, "levels = resp.json()[\"levels\"]"), *JSONLIB), module="json.decoder"),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.log", **LOGMON_W), see("datadog.apm", **APM_W)),
        classes=(2, 4), pair="gm-lab-results-keyerror", entry="juniperhowe.tasks.pharmacy.sync_stock_levels"),
    # --- worker singles ---
    Bug("gm-claim-max-retries", "howe-worker", (Exc("MaxRetriesExceededError", "Can't retry juniperhowe.tasks.claims.submit_claim[{uuid}] args:({id},) kwargs:{}", (*task("claims", "submit_claim", 66, "raise self.retry(exc=exc, countdown=120)"), pylib("celery.app.task", "retry", 736, "raise_with_context(exc)")), module="celery.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **CELERY_TEXT), see("splunk", **HEC), see("datadog.task", **task_mon("juniperhowe.tasks.claims.submit_claim"))),
        classes=(1, 8), entry="juniperhowe.tasks.claims.submit_claim"),
    Bug("gm-claim-pdf-unicode", "howe-worker", (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u2013' in position {n}: ordinal not in range(256)", (*task("claims", "render_claim_form", 41, "pdf.multi_cell(0, 6, notes)"), pylib("fpdf.fpdf", "normalize_text", 4519, "txt.encode(\"latin-1\")"))),),
        (see("sentry.error", 2), see("splunk", 2, **CELERY_TEXT), see("datadog.apm", **APM_W)),
        classes=(1,), entry="juniperhowe.tasks.claims.render_claim_form"),
    Bug("gm-report-memory", "howe-worker", (Exc("MemoryError", "", task("reports", "build_monthly_clinic_report", 88, "frame = pd.DataFrame.from_records(rows)")),),
        (see("sentry.error"),),
        singleton=True, entry="juniperhowe.tasks.reports.build_monthly_clinic_report"),
]

NOISE = [
    Noise("gm-noise-worker-ready", "howe-worker", "splunk", {"search": "howe errors (loguru)", "app": "juniperhowe", "line": '{"text": "{gts}.{millis} | INFO     | celery.apps.worker:on_consumer_ready:175 - celery@howe-worker-{hex} ready.\\n", "record": {"level": {"name": "INFO", "no": 20}, "message": "celery@howe-worker-{hex} ready.", "name": "celery.apps.worker", "function": "on_consumer_ready", "line": 175, "exception": null}}'}),
    Noise("gm-noise-deploy", "howe-api", "datadog.event", {"monitor": "Deploy", "text": "howe-api 2026.06.2 deployed to prod by GitHub Actions.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gm-noise-recovered", "howe-api", "datadog.log", {"monitor": "[howe] loguru ERROR records", "text": "Recovered: loguru ERROR records back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

JUNIPERHOWE = Company(
    key="gm",
    name="Juniper Howe Veterinary",
    domain="juniperhowe-vets.example",
    sentry_org="juniper-howe",
    splunk_url="https://juniperhowe.splunkcloud.com",
    splunk_guid="6A1F3C95-2B7D-4E08-9C41-7D2E8B5F0A13",
    datadog_org=("712641", "Juniper Howe Veterinary"),
    datadog_template="recommended",
    posthog_project=(64101, "Howe API"),
    releases=("2026.06.0", "2026.06.1", "2026.06.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="juniperhowe-sentry-client-secret",
)
# fmt: on
