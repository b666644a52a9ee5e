"""(ca) Otterbrook Vets, a group of veterinary practices: an aiohttp 3.10 API on Python 3.11
(``clinic-api``: appointments, pet owners, insurer claims; asyncpg straight, no ORM), arq
workers on Redis (``arq-worker``: SMS reminders, the pathology lab's results, nightly invoices,
clinic reports) and a Preact owner app built by Vite (``owner-app``, ``/assets/chunk-<HASH>.js``).

Sentry: sentry-sdk 2 with the AioHttp and Arq integrations, @sentry/browser on the app.
Splunk: the API's ``logging.basicConfig`` text (``aiohttp.server``'s "Error handling
request" with the traceback, the app's own ``log.exception`` calls, ``aiohttp.access``) and
arq's own worker log (``HH:MM:SS: <took>s ! <job id>:<function> failed, <Type>: <message>``
and the traceback). Datadog: the team's own template (``custom``): dd-trace-py's aiohttp
spans in APM monitors by service, log monitors on the worker. PostHog: posthog-js exception
autocapture on the app (raw frames; a processed event resolved) and posthog-python's
``capture_exception`` in the API's error middleware for insurer failures.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "clinic-api": Service("clinic-api", "python", "ca-aiohttp-text", "otterbrook:api:text", "/var/log/containers/clinic-api.log", "ob_prod", 7310021, "CPython 3.11.10", framework="aiohttp", sdk=("sentry.python.aiohttp", "2.19.2", "pypi:sentry-sdk")),
    "arq-worker": Service("arq-worker", "python", "ca-arq-text", "otterbrook:arq:text", "/var/log/containers/arq-worker.log", "ob_prod", 7310024, "CPython 3.11.10", framework="arq", sdk=("sentry.python", "2.19.2", "pypi:sentry-sdk")),
    "owner-app": Service("owner-app", "javascript", "", "", "", "", 7310027, origin="https://my.otterbrook.example", framework="onerror", sdk=("sentry.javascript.browser", "8.40.0", "npm:@sentry/browser")),
}


def ob(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"otterbrook.{module}", function, line, context)


AIOHTTP = (
    pylib("aiohttp.web_protocol", "_handle_request", 480, "resp = await request_handler(request)"),
    pylib("aiohttp.web_app", "_handle", 569, "return await handler(request)"),
    pylib("aiohttp.web_middlewares", "impl", 117, "return await handler(request)"),
    ob("api.middleware", "error_middleware", 24, "return await handler(request)"),
)
ARQ = (
    pylib("arq.worker", "run_job", 622, "result = await asyncio.wait_for(function.coroutine(ctx, *args, **kwargs), timeout_s)"),
    pylib("asyncio.tasks", "wait_for", 479, "return fut.result()"),
)
ASYNCPG_FETCHROW = (
    pylib("asyncpg.pool", "fetchrow", 935, "return await con.fetchrow(query, *args, timeout=timeout, record_class=record_class)"),
    pylib("asyncpg.connection", "fetchrow", 748, "data = await self._execute("),
    pylib("asyncpg.connection", "_execute", 1864, "result, _ = await self.__execute("),
    pylib("asyncpg.connection", "__execute", 1961, "result, stmt = await self._do_execute("),
    pylib("asyncpg.connection", "_do_execute", 2024, "result = await executor(stmt, None)"),
    Frame("bind_execute", "asyncpg/protocol/protocol.pyx", 207, "asyncpg.protocol.protocol", False),
)
# Every partner's JSON goes through one helper: its frame ends both timeouts.
FETCH_JSON = ob("http", "fetch_json", 31, "async with session.get(url, timeout=CLIENT_TIMEOUT) as resp:")
AIOHTTP_GET = (
    pylib("aiohttp.client", "__aenter__", 1360, "self._resp: _RetType = await self._coro"),
    pylib("aiohttp.client", "_request", 730, "await resp.start(conn)"),
    pylib("aiohttp.helpers", "__exit__", 671, "raise asyncio.TimeoutError from exc_val"),
)
CANCELLED = Exc("CancelledError", "", (
    pylib("aiohttp.client_reqrep", "start", 1059, "message, payload = await protocol.read()  # type: ignore[union-attr]"),
    pylib("aiohttp.streams", "read", 671, "await self._waiter"),
), module="asyncio.exceptions")
NONE_SPECIES = "'NoneType' object has no attribute 'species'"


def unique(constraint: str, detail: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("UniqueViolationError", f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}', (*AIOHTTP, *app, *ASYNCPG_FETCHROW), module="asyncpg.exceptions"),)


def timeout(app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (CANCELLED, Exc("TimeoutError", "", (*app, FETCH_JSON, *AIOHTTP_GET), module="builtins"))


API_SPLUNK = {"search": "clinic-api errors"}
ARQ_SPLUNK = {"search": "arq job failures"}
ARQ_LOG = {"logger": "arq.worker"}
APM = {"team": "clinics", "style": "message"}


def apm(kind: str, message: str) -> dict[str, str]:
    """dd-trace-py's ``error.type``: the exception's module and name (``builtins.KeyError``)."""
    return {**APM, "text": f"clinic-api error spans above threshold.\n\n**@error.type:** `{kind}`\n**@error.message:** {message}"}


# One log monitor over every failed arq job: it renders the kind and message of whichever fired.
ARQ_MONITOR = {"monitor": "arq-worker failed jobs", "team": "clinics", "filter": "service:arq-worker status:error", "style": "kind"}
APP = "index"
# Response sizes, referrers and user agents of the access lines: one word to eleven.
ACCESS = (
    ("{id}", "-", "okhttp/4.12.0"),
    ("0", "https://my.otterbrook.example/book", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1"),
    ("{n}", "-", "Python/3.11 aiohttp/3.10.10"),
    ("{user}", "https://www.otterbrook.example/", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"),
)

BUGS = [
    # A pet deleted but its appointment kept: the API's consult fee and the reminder job read the same attribute.
    Bug("ca-species-consult", "clinic-api", (Exc("AttributeError", NONE_SPECIES, (*AIOHTTP, ob("api.appointments", "create_appointment", 58, "fee = consult_fee(pet, vet)"), ob("billing.fees", "consult_fee", 19, "if pet.species in EXOTIC_SPECIES:")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **API_SPLUNK), see("datadog.apm", **apm("builtins.AttributeError", NONE_SPECIES))),
        classes=(4,), pair="ca-species-reminder", entry="POST /api/appointments", span=2),
    Bug("ca-species-reminder", "arq-worker", (Exc("AttributeError", NONE_SPECIES, (*ARQ, ob("jobs.reminders", "send_reminder", 33, "body = render_sms(appointment)"), ob("reminders.sms", "render_sms", 12, "return TEMPLATE.format(name=pet.name, species=pet.species.lower(), when=slot)")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **ARQ_SPLUNK), see("datadog.log", **ARQ_MONITOR)),
        classes=(4,), pair="ca-species-consult", **ARQ_LOG, entry="send_reminder"),
    # One unique violation per table: an owner registering twice, a slot booked twice.
    Bug("ca-owner-email-unique", "clinic-api", unique("owners_email_key", "Key (email)=({email}) already exists.", (ob("api.owners", "register_owner", 41, "row = await db.fetchrow(INSERT_OWNER, *values)"),)),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SPLUNK)),
        classes=(4,), pair="ca-slot-unique", entry="POST /api/owners"),
    Bug("ca-slot-unique", "clinic-api", unique("appointments_vet_id_starts_at_key", "Key (vet_id, starts_at)=({n}, 2026-03-1{idx} 09:30:00+00) already exists.", (ob("api.appointments", "create_appointment", 71, "row = await db.fetchrow(INSERT_APPOINTMENT, *values)"),)),
        (see("sentry.error", 2), see("sentry.alert", rule="clinic-api: new issue in production"), see("splunk", 2, **API_SPLUNK), see("datadog.apm", **apm("asyncpg.exceptions.UniqueViolationError", 'duplicate key value violates unique constraint "appointments_vet_id_starts_at_key"'))),
        classes=(4,), pair="ca-owner-email-unique", entry="POST /api/appointments"),
    # Two partners timing out in one helper: the pathology lab (a job), the insurer (an API route).
    Bug("ca-lab-timeout", "arq-worker", timeout((*ARQ, ob("jobs.labs", "sync_lab_results", 27, "results = await fetch_json(session, f\"{LAB_URL}/results\", params={\"since\": since})"))),
        (see("sentry.error", 3), see("splunk", 2, **ARQ_SPLUNK), see("datadog.log", 2, **ARQ_MONITOR)),
        classes=(8, 9), pair="ca-insurer-timeout", **ARQ_LOG, entry="sync_lab_results"),
    Bug("ca-insurer-timeout", "clinic-api", timeout((*AIOHTTP, ob("api.claims", "claim_status", 36, "status = await insurers.status(claim)"), ob("insurers.client", "status", 52, "data = await fetch_json(self.session, f\"{self.base}/claims/{claim.ref}\")"))),
        (see("sentry.error", 2), see("splunk", 2, **API_SPLUNK), see("posthog", 2), see("datadog.apm", **apm("builtins.TimeoutError", ""))),
        classes=(8, 9), pair="ca-lab-timeout", log="insurer status lookup failed", logger="otterbrook.insurers.client", entry="GET /api/claims/{claim_id}/status"),
    # The lab's maintenance page instead of JSON, in the same job as the timeout, under the same monitor.
    Bug("ca-lab-html", "arq-worker", (Exc("ContentTypeError", "200, message='Attempt to decode JSON with unexpected mimetype: text/html; charset=utf-8', url='https://labs.vetpath.example/api/v1/results?since=2026-03-0{idx}'", (*ARQ, ob("jobs.labs", "sync_lab_results", 27, "results = await fetch_json(session, f\"{LAB_URL}/results\", params={\"since\": since})"), ob("http", "fetch_json", 33, "return await resp.json()"), pylib("aiohttp.client_reqrep", "json", 1191, "raise ContentTypeError(")), module="aiohttp.client_exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **ARQ_SPLUNK), see("datadog.log", **ARQ_MONITOR)),
        **ARQ_LOG, entry="sync_lab_results"),
    # One function, two exceptions: a product with no VAT band, a price stored as "".
    Bug("ca-invoice-vat-keyerror", "arq-worker", (Exc("KeyError", "'vat_rate'", (*ARQ, ob("jobs.invoices", "nightly_invoices", 44, "total += line_total(item)"), ob("billing.invoice", "line_total", 18, 'rate = VAT_BANDS[item["vat_band"]]["vat_rate"]')), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **ARQ_SPLUNK), see("datadog.log", **ARQ_MONITOR)),
        classes=(4,), pair="ca-invoice-decimal", **ARQ_LOG, entry="nightly_invoices"),
    Bug("ca-invoice-decimal", "arq-worker", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*ARQ, ob("jobs.invoices", "nightly_invoices", 44, "total += line_total(item)"), ob("billing.invoice", "line_total", 21, 'price = Decimal(item["unit_price"])')), module="decimal"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **ARQ_SPLUNK)),
        classes=(4,), pair="ca-invoice-vat-keyerror", **ARQ_LOG, entry="nightly_invoices"),
    # Requests arriving while a rolling deploy closes the pool; the handler was renamed in 2026.10.
    Bug("ca-pool-closing", "clinic-api", (Exc("InterfaceError", "pool is closing", (*AIOHTTP, ob("api.slots", "list_slots", 22, "rows = await db.fetch(FREE_SLOTS, clinic_id, day)"), pylib("asyncpg.pool", "fetch", 917, "async with self.acquire() as con:"), pylib("asyncpg.pool", "_acquire", 858, "self._check_init()"), pylib("asyncpg.pool", "_check_init", 1118, "raise exceptions.InterfaceError('pool is closing')")), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.error", release=2), see("splunk", 2, **API_SPLUNK, half=True), see("datadog.apm", team="clinics", style="type")),
        classes=(5,), entry="GET /api/clinics/{clinic_id}/slots", span=3, renames={"list_slots": "free_slots"}),
    # arq cancelling a report job at its 300 s timeout: TimeoutError with no message.
    Bug("ca-report-job-timeout", "arq-worker", (Exc("CancelledError", "", (pylib("asyncpg.connection", "fetch", 690, "return await self._execute("), pylib("asyncpg.connection", "_execute", 1864, "result, _ = await self.__execute(")), module="asyncio.exceptions"), Exc("TimeoutError", "", (*ARQ, pylib("asyncio.tasks", "wait_for", 481, "raise exceptions.TimeoutError() from exc")), module="builtins")),
        (see("sentry.error", 2), see("splunk", 2, **ARQ_SPLUNK), see("datadog.log", **ARQ_MONITOR)),
        classes=(8,), **ARQ_LOG, entry="generate_clinic_report"),
    # The vaccination list and the reminder settings both map over a pet's missing vaccinations.
    Bug("ca-js-vaccination-list", "owner-app", (Exc("TypeError", frames=(js("node_modules/preact/src/diff/index.js", "diff", 164, 22, APP, lib=True), js("src/pets/VaccinationList.tsx", "VaccinationList", 17, 34, APP)), js=JsError("read-undefined", "pet.vaccinations", "map")),),
        (see("sentry.error", 2, browser="chrome", chunk=APP), see("sentry.error", browser="safari", chunk=APP), see("posthog", browser="firefox", chunk=APP), see("posthog", browser="chrome", chunk=APP, resolved=True)),
        classes=(3, 4), pair="ca-js-reminder-settings", page="/pets"),
    Bug("ca-js-reminder-settings", "owner-app", (Exc("TypeError", frames=(js("node_modules/preact/src/diff/index.js", "diff", 164, 22, APP, lib=True), js("src/settings/ReminderSettings.tsx", "ReminderSettings", 29, 41, APP)), js=JsError("read-undefined", "pet.vaccinations", "map")),),
        (see("sentry.error", browser="edge", chunk=APP), see("posthog", 2, browser="chrome", chunk=APP), see("posthog", browser="safari", chunk=APP)),
        classes=(3, 4), pair="ca-js-vaccination-list", page="/settings/reminders"),
    # A lazily loaded page whose chunk the last deploy removed.
    Bug("ca-js-stale-chunk", "owner-app", (Exc("TypeError", "Failed to fetch dynamically imported module: https://my.otterbrook.example/assets/Claims-{hex}.js", (js("src/routes.tsx", "lazy", 31, 29, APP),), engines={"spidermonkey": "error loading dynamically imported module: https://my.otterbrook.example/assets/Claims-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk=APP), see("sentry.error", browser="firefox", chunk=APP), see("posthog", browser="safari", chunk=APP), see("posthog", browser="edge", chunk=APP)),
        classes=(3,), page="/claims"),
    # A booking calendar formatting a slot time the API sent without a zone.
    Bug("ca-js-calendar-date", "owner-app", (Exc("RangeError", "Invalid time value", (js("src/booking/Calendar.tsx", "slotLabel", 48, 12, APP), js("node_modules/date-fns/format.mjs", "format", 351, 11, APP, lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", 2, browser="chrome", chunk=APP), see("posthog", browser="safari", chunk=APP, release=1), see("posthog", browser="firefox", chunk=APP, release=1, resolved=True)),
        classes=(3, 5), page="/book", span=2),
    # aiohttp's access log for the slot search: one template, no bug.
    Bug("ca-access-slots", "clinic-api", (),
        tuple(see("splunk", search="clinic-api slot searches over 2s", line='{gts},{millis} INFO [aiohttp.access] {ip} [{clf}] "GET /api/clinics/{n}/slots?day=2026-03-1{idx} HTTP/1.1" 200 ' + size + ' "' + ref + '" "' + ua + '"') for size, ref, ua in ACCESS),
        classes=(7,)),
    # Seen once: the SMS gateway's certificate expired.
    Bug("ca-sms-cert", "arq-worker", (Exc("SSLCertVerificationError", "(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)')", (pylib("aiohttp.connector", "_wrap_create_connection", 1098, "return await self._loop.create_connection(*args, **kwargs)"),), module="ssl"), Exc("ClientConnectorCertificateError", "Cannot connect to host sms.textgate.example:443 ssl:True [SSLCertVerificationError: (1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)')]", (*ARQ, ob("jobs.reminders", "send_reminder", 36, "await sms.send(owner.phone, body)"), ob("sms.gateway", "send", 18, "async with self.session.post(self.url, json=payload) as resp:"), pylib("aiohttp.connector", "_wrap_create_connection", 1102, "raise ClientConnectorCertificateError(req.connection_key, exc) from exc")), module="aiohttp.client_exceptions")),
        (see("sentry.error"),),
        singleton=True, **ARQ_LOG, entry="send_reminder"),
]

NOISE = [
    Noise("ca-noise-arq-start", "arq-worker", "splunk", {**ARQ_SPLUNK, "line": "{hms}: Starting worker for 5 functions: send_reminder, sync_lab_results, nightly_invoices, generate_clinic_report, cron:purge_expired_holds"}),
    Noise("ca-noise-arq-health", "arq-worker", "splunk", {**ARQ_SPLUNK, "line": "{hms}: recording health: Mar-0{idx} {hms} j_complete={id} j_failed={n} j_retried={idx} j_ongoing=0 queued=0"}),
    Noise("ca-noise-deploy", "clinic-api", "datadog.event", {"monitor": "Deployed clinic-api 2026.10.1", "text": "Rolled out clinic-api 2026.10.1 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "clinics"}),
]

OTTERBROOK = Company(
    key="ca",
    name="Otterbrook Vets",
    domain="otterbrook.example",
    sentry_org="otterbrook",
    splunk_url="https://otterbrook.splunkcloud.com",
    splunk_guid="9B3F0D27-64C1-4E8A-B5D2-1A7E6C09F834",
    datadog_org=("730412", "Otterbrook Vets"),
    datadog_template="custom",
    posthog_project=(70412, "Otterbrook owner app"),
    releases=("2026.9.2", "2026.10.0", "2026.10.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="otterbrook-sentry-client-secret",
)
