"""(la) Greyfriars Lettings, a letting agency's portal for landlords and tenants:
``lettings-api``, a Python 3.12 Litestar 2.12 API (controllers on SQLAlchemy 2 over Postgres,
httpx to the referencing and inventory-clerk partners, a rent-schedule importer).

Logs: structlog ending in the development ``ConsoleRenderer(colors=False)`` in production, with
Rich installed, so every exception is drawn as Rich's boxed traceback (``la-structlog-rich``):
Litestar's ``Uncaught exception`` record (``connection_type``, ``path``) for what escapes a
handler, the code's own ``log.exception`` elsewhere; a Splunk universal forwarder reads the
container file (one saved search for the whole API; some events cut short by the forwarder's
line-breaking). Sentry: sentry-python's Litestar integration. Datadog: one log monitor for the
API pasting ``{{log.message}}`` (the first lines of the Rich box). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import httpx_timeout, py, pylib, sqlalchemy_integrity

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.litestar", "2.14.0", "pypi:sentry-sdk")
SERVICES = {
    "lettings-api": Service("lettings-api", "python", "la-structlog-rich", "greyfriars:api", "/var/log/containers/lettings-api.log", "gf_prod", 9103201, "CPython 3.12.6", framework="litestar", sdk=SDK),
}

LITESTAR = (
    pylib("litestar.middleware._internal.exceptions.middleware", "__call__", 159, "await self.app(scope, receive, send)"),
    pylib("litestar.routes.http", "handle", 80, "response = await self._get_response_for_request("),
    pylib("litestar.routes.http", "_get_response_for_request", 195, "return await self._call_handler_function("),
    pylib("litestar.routes.http", "_call_handler_function", 222, "response_data, cleanup_group = await self._get_response_data("),
    pylib("litestar.routes.http", "_get_response_data", 276, "else await route_handler.fn(**parsed_kwargs)"),
)


def app(module: str, function: str, line: int, context: str) -> Frame:
    return py("greyfriars." + module, function, line, context)


POST_JSON = app("partners.client", "post_json", 34, "response = self._http.post(url, json=payload, timeout=self._timeout)")
PARSE_AMOUNT = "greyfriars.rents.parse"

# One saved search and one log monitor for the whole API, whatever the error.
SEARCH = {"search": "lettings-api errors", "owner": "svc_lettings", "app": "lettings"}
MONITOR = {"monitor": "lettings-api: error logs", "team": "lettings", "filter": "service:lettings-api status:error", "text": "lettings-api is logging errors:\n\n```\n{{log.message}}\n```", "sample_lines": 6}
MONITOR_KIND = {"monitor": "lettings-api: error logs", "team": "lettings", "filter": "service:lettings-api status:error", "style": "kind"}

BUGS = [
    # The same KeyError from the deposit scheme lookup in two controllers.
    Bug("la-renewal-deposit-key", "lettings-api", (Exc("KeyError", "'deposit_scheme'", (*LITESTAR, app("controllers.tenancies", "renew", 88, "scheme = tenancy.meta['deposit_scheme']")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **SEARCH), see("splunk", **SEARCH, cut=9), see("datadog.log", 2, **MONITOR)),
        classes=(1, 4), pair="la-statement-deposit-key", entry="POST /tenancies/{tenancy_id}/renewal", span=2),
    Bug("la-statement-deposit-key", "lettings-api", (Exc("KeyError", "'deposit_scheme'", (*LITESTAR, app("controllers.landlords", "statement", 51, "rows = build_statement(landlord)"), app("statements.builder", "build_statement", 27, "held = t.meta['deposit_scheme']")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH), see("datadog.log", **MONITOR)),
        classes=(1, 4), pair="la-renewal-deposit-key", entry="GET /landlords/{landlord_id}/statement"),
    # Unique violations on two tables.
    Bug("la-viewing-unique", "lettings-api", sqlalchemy_integrity((*LITESTAR, app("controllers.viewings", "book", 43, "session.commit()")), "viewings_property_id_slot_key", "Key (property_id, slot)=({id}, {date} 1{idx}:00:00+00) already exists.", "INSERT INTO viewings (property_id, slot, applicant_id) VALUES (%(property_id)s::INTEGER, %(slot)s::TIMESTAMP WITH TIME ZONE, %(applicant_id)s::INTEGER) RETURNING viewings.id"),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **MONITOR), see("datadog.log", **MONITOR_KIND)),
        classes=(1, 4), pair="la-offer-unique", entry="POST /properties/{property_id}/viewings"),
    Bug("la-offer-unique", "lettings-api", sqlalchemy_integrity((*LITESTAR, app("controllers.offers", "submit", 62, "session.commit()")), "offers_property_id_applicant_id_key", "Key (property_id, applicant_id)=({id}, {id2}) already exists.", "INSERT INTO offers (property_id, applicant_id, rent_pcm, move_in) VALUES (%(property_id)s::INTEGER, %(applicant_id)s::INTEGER, %(rent_pcm)s::NUMERIC(10, 2), %(move_in)s::DATE) RETURNING offers.id"),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH, cut=12), see("datadog.log", **MONITOR)),
        classes=(1, 4), pair="la-viewing-unique", entry="POST /properties/{property_id}/offers"),
    # One parser, two exceptions: "£1,250" and "1250.00 pcm".
    Bug("la-rent-invalid-op", "lettings-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (app("importers.rent_schedule", "run", 40, "for row in reader:"), app("importers.rent_schedule", "import_row", 58, "amount = parse_amount(row['rent'])"), py(PARSE_AMOUNT, "parse_amount", 19, "return Decimal(text.strip())")), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH), see("datadog.log", **MONITOR)),
        classes=(1,), pair="la-rent-value-error", log="rent schedule row rejected", logger="greyfriars.importers.rent_schedule", entry="import-rent-schedule"),
    Bug("la-rent-value-error", "lettings-api", (Exc("ValueError", "could not convert string to float: '£{n},250'", (app("importers.rent_schedule", "run", 40, "for row in reader:"), app("importers.rent_schedule", "import_row", 58, "amount = parse_amount(row['rent'])"), py(PARSE_AMOUNT, "parse_amount", 23, "return Decimal(float(text))")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **MONITOR)),
        classes=(1,), pair="la-rent-invalid-op", log="rent schedule row rejected", logger="greyfriars.importers.rent_schedule", entry="import-rent-schedule", span=2),
    # Two partners timing out behind one client helper.
    Bug("la-referencing-timeout", "lettings-api", httpx_timeout((*LITESTAR, app("controllers.applicants", "start_referencing", 71, "result = referencing.submit(applicant)"), app("partners.referencing", "submit", 22, "return self.post_json('/v2/checks', body)"), POST_JSON), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", 2, **MONITOR)),
        classes=(1, 9), pair="la-inventory-timeout", entry="POST /applicants/{applicant_id}/referencing"),
    Bug("la-inventory-timeout", "lettings-api", httpx_timeout((*LITESTAR, app("controllers.checkouts", "book_clerk", 36, "job = clerks.book(tenancy)"), app("partners.clerks", "book", 30, "return self.post_json('/jobs', job)"), POST_JSON), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH), see("datadog.log", **MONITOR_KIND)),
        classes=(1, 9), pair="la-referencing-timeout", entry="POST /tenancies/{tenancy_id}/checkout-inventory"),
    # SQLAlchemy's scalar_one() finding nothing in two handlers.
    Bug("la-tenancy-noresult", "lettings-api", (Exc("NoResultFound", "No row was found when one was required", (*LITESTAR, app("controllers.tenancies", "get_tenancy", 29, "tenancy = session.scalars(stmt).one()"), pylib("sqlalchemy.engine.result", "one", 1827, "return self._only_one_row("), pylib("sqlalchemy.engine.result", "_only_one_row", 760, 'raise exc.NoResultFound(')), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH), see("datadog.log", **MONITOR_KIND)),
        classes=(1, 4), pair="la-repair-noresult", entry="GET /tenancies/{tenancy_id}"),
    Bug("la-repair-noresult", "lettings-api", (Exc("NoResultFound", "No row was found when one was required", (*LITESTAR, app("controllers.maintenance", "assign_contractor", 57, "contractor = session.scalars(stmt).one()"), pylib("sqlalchemy.engine.result", "one", 1827, "return self._only_one_row("), pylib("sqlalchemy.engine.result", "_only_one_row", 760, 'raise exc.NoResultFound(')), module="sqlalchemy.exc"),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **MONITOR)),
        classes=(1, 4), pair="la-tenancy-noresult", entry="POST /repairs/{id}/contractor"),
    # Not pairs.
    Bug("la-rent-due-tz", "lettings-api", (Exc("ZoneInfoNotFoundError", "'No time zone found with key Europe/Londn'", (*LITESTAR, app("controllers.tenancies", "schedule", 112, "tz = ZoneInfo(tenancy.landlord.timezone)"), pylib("zoneinfo._common", "load_tzdata", 24, 'raise ZoneInfoNotFoundError(f"No time zone found with key {key}")')), module="zoneinfo"),),
        (see("sentry.error", 2), see("splunk", **SEARCH), see("datadog.log", **MONITOR)),
        classes=(1,), entry="GET /tenancies/{tenancy_id}/schedule"),
    Bug("la-sign-none-email", "lettings-api", (Exc("AttributeError", "'NoneType' object has no attribute 'email'", (*LITESTAR, app("controllers.contracts", "send_for_signature", 49, "envelope = esign.send(contract)"), app("contracts.esign", "send", 64, "signers = [{'email': contract.guarantor.email, 'role': 'guarantor'}]", )), module="builtins"),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **SEARCH), see("datadog.log", **MONITOR)),
        classes=(1, 5), entry="POST /contracts/{id}/send", span=3, renames={"send_for_signature": "send_contract"}),
    Bug("la-arrears-zero", "lettings-api", (Exc("ZeroDivisionError", "division by zero", (*LITESTAR, app("controllers.reports", "arrears", 33, "return arrears_summary(portfolio)"), app("reports.arrears", "arrears_summary", 18, "ratio = overdue / total_rent")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", **SEARCH), see("datadog.log", **MONITOR)),
        classes=(1,), entry="GET /reports/arrears"),
    Bug("la-singleton-pdf", "lettings-api", (Exc("OSError", "cannot write mode RGBA as JPEG", (*LITESTAR, app("controllers.properties", "upload_photo", 77, "thumb.save(buf, 'JPEG')"), pylib("PIL.Image", "save", 2568, "save_handler(self, fp, filename)"), pylib("PIL.JpegImagePlugin", "_save", 639, 'raise OSError(msg) from e')), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="POST /properties/{property_id}/photos"),
]

NOISE = [
    Noise("la-noise-startup", "lettings-api", "splunk", {**SEARCH, "line": "{ts} [info     ] Application startup complete.   logger=uvicorn.error"}),
    Noise("la-noise-health", "lettings-api", "datadog.event", {"monitor": "Deployed lettings-api 2026.4.0", "text": "GitHub Actions rolled out lettings-api 2026.4.0 to 3 tasks.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
    Noise("la-noise-recovered", "lettings-api", "datadog.log", {**MONITOR, "text": "[Recovered] lettings-api error logs are back to normal.", "transition": "Recovered"}),
]

GREYFRIARS = Company(
    key="la",
    name="Greyfriars Lettings",
    domain="greyfriarslettings.example",
    sentry_org="greyfriars-lettings",
    splunk_url="https://splunk.greyfriarslettings.example:8000",
    splunk_guid="B7D41E2A-6C93-4F51-8E0B-2A9C5F1D7E36",
    datadog_org=("910320", "Greyfriars Lettings"),
    datadog_template="recommended",
    posthog_project=(91032, "Greyfriars"),
    releases=("2026.3.0", "2026.3.1", "2026.4.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="greyfriars-sentry-client-secret",
)
# fmt: on
