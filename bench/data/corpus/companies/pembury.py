"""(gg) Pembury Provisions, a weekly grocery-box service: a FastAPI 0.111 API on uvicorn 0.30
(``pembury-api``: SQLAlchemy 2.0 over Postgres with psycopg 3, httpx to a courier API and a
payment provider), run as ``uvicorn pembury.main:app --workers 4`` in containers.

Splunk indexes the containers' stderr (``gg-uvicorn``): uvicorn's default logging config,
``ERROR:    Exception in ASGI application`` over the traceback (some windows with the access
line beside it), and the app's own ``logging.basicConfig()`` records
(``ERROR:pembury.<module>:<message>`` over ``logger.exception``'s traceback). Sentry:
sentry-sdk's FastAPI integration. Datadog: ddtrace APM monitors by error type and a log
monitor pasting samples. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import FASTAPI_ENDPOINT, FASTAPI_ROUTE, httpx_timeout, py, pylib, sqlalchemy_integrity

# fmt: off
SERVICES = {
    "pembury-api": Service("pembury-api", "python", "gg-uvicorn", "docker:uvicorn", "/var/log/containers/pembury-api.log", "gg_app", 8120301, "CPython 3.11.9", framework="fastapi"),
}


def ep(mod: str, fn: str, line: int, ctx: str) -> tuple:
    return (*FASTAPI_ROUTE, *FASTAPI_ENDPOINT, py(f"pembury.routers.{mod}", fn, line, ctx))


def app(mod: str, fn: str, line: int, ctx: str) -> object:
    return py(f"pembury.{mod}", fn, line, ctx)


SA_GET = (
    pylib("sqlalchemy.orm.session", "get", 3694, "return self._get_impl("),
    pylib("sqlalchemy.orm.session", "_get_impl", 3874, "return db_load_fn("),
)
SA_ONE = (pylib("sqlalchemy.engine.result", "one", 1827, "return self._only_one_row("), pylib("sqlalchemy.engine.result", "_only_one_row", 760, "raise exc.NoResultFound("))
PYD = (pylib("pydantic.main", "model_validate", 568, "return cls.__pydantic_validator__.validate_python("),)

ASGI = {"search": "pembury api errors", "app": "pembury"}
ACCESS = {"search": "pembury api errors", "app": "pembury", "kind": "access"}
BASIC = {"search": "pembury api errors", "app": "pembury", "kind": "basic"}
APM = dict(team="boxes", monitor="[pembury] fastapi.request errors", style="type")
DD = dict(team="boxes", monitor="[pembury] api error logs", filter="service:pembury-api status:error", style="sample")

BUGS = [
    Bug("gg-box-null-slot", "pembury-api", (Exc("AttributeError", "'NoneType' object has no attribute 'starts_at'", ep("boxes", "create_box", 58, "window = slot.starts_at - timedelta(hours=2)")),),
        (see("sentry.error", 3), see("splunk", 2, **ASGI), see("splunk", **ACCESS), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gg-swap-null-slot", entry="POST /boxes", span=2),
    Bug("gg-swap-null-slot", "pembury-api", (Exc("AttributeError", "'NoneType' object has no attribute 'starts_at'", (*ep("swaps", "swap_recipe", 41, "if not can_swap(box, slot):"), app("services.cutoff", "can_swap", 17, "return now() < slot.starts_at - CUTOFF"))),),
        (see("sentry.error", 2), see("splunk", 2, **ASGI), see("datadog.apm", **APM)),
        classes=(4,), pair="gg-box-null-slot", entry="PUT /boxes/{id}/recipes"),
    Bug("gg-dup-subscription", "pembury-api", sqlalchemy_integrity(ep("subscriptions", "subscribe", 72, "await session.commit()"), "subscriptions_customer_id_plan_key", "Key (customer_id, plan)=({id}, weekly-2) already exists.", "INSERT INTO subscriptions (customer_id, plan, starts_on) VALUES (%(customer_id)s::INTEGER, %(plan)s::VARCHAR, %(starts_on)s::DATE) RETURNING subscriptions.id"),
        (see("sentry.error", 3), see("splunk", 2, **ASGI), see("datadog.log", **DD)),
        classes=(1, 4), pair="gg-dup-referral", entry="POST /subscriptions"),
    Bug("gg-dup-referral", "pembury-api", sqlalchemy_integrity(ep("referrals", "redeem", 33, "await session.commit()"), "referral_redemptions_code_customer_id_key", "Key (code, customer_id)=(FRIEND-{n}, {id}) already exists.", "INSERT INTO referral_redemptions (code, customer_id) VALUES (%(code)s::VARCHAR, %(customer_id)s::INTEGER) RETURNING referral_redemptions.id"),
        (see("sentry.error", 2), see("splunk", 2, **ASGI), see("datadog.log", **DD)),
        classes=(1, 4), pair="gg-dup-subscription", entry="POST /referrals/redeem"),
    Bug("gg-courier-timeout", "pembury-api", httpx_timeout((*ep("deliveries", "book_courier", 66, "resp = client.post(COURIER_URL, json=payload)"),), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 3), see("splunk", 3, **ASGI), see("datadog.apm", **APM)),
        classes=(2, 10), pair="gg-payment-timeout", entry="POST /deliveries", span=2),
    Bug("gg-payment-timeout", "pembury-api", httpx_timeout((*ep("payments", "capture", 49, "resp = client.post(f\"{PSP}/captures\", json=body)"),), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2), see("splunk", 2, **ASGI), see("datadog.apm", **APM)),
        classes=(2, 10), pair="gg-courier-timeout", entry="POST /payments/{id}/capture"),
    Bug("gg-recipe-noresult", "pembury-api", (Exc("NoResultFound", "No row was found when one was required", (*ep("recipes", "get_recipe", 27, "recipe = (await session.execute(stmt)).scalar_one()"), *SA_ONE), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("splunk", 3, **ASGI)),
        classes=(4,), pair="gg-menu-noresult", entry="GET /recipes/{id}"),
    Bug("gg-menu-noresult", "pembury-api", (Exc("NoResultFound", "No row was found when one was required", (*ep("menus", "current_menu", 19, "menu = (await session.execute(stmt)).scalar_one()"), *SA_ONE), module="sqlalchemy.exc"),),
        (see("sentry.error", 3), see("splunk", 2, **ASGI), see("datadog.apm", **APM)),
        classes=(4,), pair="gg-recipe-noresult", entry="GET /menus/current"),
    Bug("gg-allergen-keyerror", "pembury-api", (Exc("KeyError", "'sesame'", (*ep("recipes", "allergen_badges", 88, "return [BADGES[a] for a in recipe.allergens]"),)),),
        (see("sentry.error", 3), see("splunk", 2, **ASGI), see("splunk", **ACCESS)),
        classes=(4,), entry="GET /recipes/{id}/allergens"),
    Bug("gg-pause-validation", "pembury-api", (Exc("ValidationError", "1 validation error for PauseWindow\nuntil\n  Input should be a valid date or datetime, input is too short [type=date_from_datetime_parsing, input_value='2026-1', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.7/v/date_from_datetime_parsing", (*ep("subscriptions", "pause", 97, "window = PauseWindow.model_validate(raw)"), *PYD), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 2), see("splunk", 2, **ASGI), see("datadog.log", **DD)),
        classes=(4,), entry="POST /subscriptions/{id}/pause"),
    Bug("gg-voucher-decimal", "pembury-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*ep("checkout", "apply_voucher", 52, "discount = Decimal(voucher.amount)"),), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 2, **ASGI), see("datadog.apm", **APM)),
        classes=(4,), pair="gg-voucher-zero", entry="POST /checkout/voucher"),
    Bug("gg-voucher-zero", "pembury-api", (Exc("ZeroDivisionError", "division by zero", (*ep("checkout", "apply_voucher", 57, "share = discount / len(box.items)"),)),),
        (see("sentry.error", 2), see("splunk", 2, **ASGI)),
        classes=(4,), pair="gg-voucher-decimal", entry="POST /checkout/voucher"),
    Bug("gg-reminder-smtp", "pembury-api", (Exc("SMTPRecipientsRefused", "{{'{email}': (550, b'5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table')}}", (*ep("notifications", "send_reminder", 23, "await mailer.send(msg)"), app("mail", "send", 31, "smtp.send_message(msg)"), pylib("smtplib", "sendmail", 887, "raise SMTPRecipientsRefused(senderrs)")), module="smtplib"),),
        (see("sentry.error", 2), see("splunk", 2, **BASIC)),
        classes=(3,), log="reminder email failed", logger="pembury.notifications", entry="POST /notifications/reminders"),
    Bug("gg-stock-pool", "pembury-api", (Exc("TimeoutError", "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", (*ep("stock", "reserve", 38, "item = await session.get(StockItem, sku)"), *SA_GET, pylib("sqlalchemy.pool.impl", "_do_get", 167, "raise exc.TimeoutError(")), module="sqlalchemy.exc"),),
        (see("sentry.error", 3), see("splunk", 3, **ASGI), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(1, 10), entry="POST /stock/reserve", span=2),
    Bug("gg-postcode-keyerror", "pembury-api", (Exc("KeyError", "'postcode'", (*ep("addresses", "add_address", 36, "zone = await zones.lookup(payload[\"postcode\"])"),)),),
        (see("sentry.error", 2), see("splunk", 2, **ASGI), see("splunk", **ACCESS), see("datadog.apm", **APM)),
        classes=(4,), pair="gg-postcode-zone-keyerror", entry="POST /addresses"),
    Bug("gg-postcode-zone-keyerror", "pembury-api", (Exc("KeyError", "'postcode'", (*ep("deliveries", "delivery_days", 24, "zone = ZONES[address.outward]"), app("services.zones", "outward_of", 12, "return addr[\"postcode\"].split()[0]"))),),
        (see("sentry.error", 2), see("splunk", 2, **BASIC), see("datadog.log", **DD)),
        classes=(4,), pair="gg-postcode-keyerror", log="delivery days lookup failed", logger="pembury.deliveries", entry="GET /deliveries/days"),
    Bug("gg-label-singleton", "pembury-api", (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u2019' in position {n}: ordinal not in range(256)", (*ep("labels", "print_label", 44, "pdf.cell(txt=line.encode('latin-1'))"),)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /labels/{id}.pdf"),
]

NOISE = [
    Noise("gg-noise-startup", "pembury-api", "splunk", {"search": "pembury api errors", "line": "INFO:     Started server process [1]\nINFO:     Waiting for application startup.\nINFO:     Application startup complete.\nINFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)"}),
    Noise("gg-noise-deploy", "pembury-api", "datadog.event", {"monitor": "Deploy", "text": "pembury-api 2026.05.1 rolled out to prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gg-noise-recovered", "pembury-api", "datadog.log", {"monitor": "[pembury] api error logs", "text": "Recovered: api error logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

PEMBURY = Company(
    key="gg",
    name="Pembury Provisions",
    domain="pembury-provisions.example",
    sentry_org="pembury",
    splunk_url="https://pembury.splunkcloud.com",
    splunk_guid="8D2E4F61-0A3B-4C95-B7E2-1F6A9C3D5E08",
    datadog_org=("712101", "Pembury Provisions"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.05.0", "2026.05.1", "2026.05.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pembury-sentry-client-secret",
)
# fmt: on
