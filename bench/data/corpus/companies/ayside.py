"""(kj) Ayside Print Works, a print-on-demand shop's back end: two arq 0.26 worker services
on Python 3.11 over Redis (``render-worker``: posters, labels and catalogues rendered with
Pillow and WeasyPrint, artwork fetched from S3 with aioboto3; ``fulfil-worker``: print-queue
submissions, courier bookings through one ``request_json`` httpx helper, dispatch emails,
asyncpg on Postgres).

Both log through loguru's default sink format (``kj-loguru``: ``2026-03-02 10:11:12.345 |
ERROR    | module:function:42 - message`` over loguru's own traceback, ``backtrace`` and
``diagnose`` on: the frames above the catching one, the catching frame marked ``>``, the
variables' values under each line). A job's own ``logger.exception`` names the job's module;
an exception a job lets escape is logged by arq (``arq.worker:run_job``: ``<t>s ! <job id>:<name>
failed, <Class>: <message>``) through an ``InterceptHandler``. A Splunk universal forwarder
reads the files, one saved search over both services. Sentry: sentry-python with the arq and
loguru integrations. Datadog (the team's ``custom`` template): log monitors, one per
service, pasting the first lines. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# fmt: off
SDK = ("sentry.python.arq", "2.20.0", "pypi:sentry-sdk")
SERVICES = {
    "render-worker": Service("render-worker", "python", "kj-loguru", "ayside:loguru", "/var/log/ayside/render-worker.log", "ays_workers", 3380511, "CPython 3.11.10", framework="arq", sdk=SDK),
    "fulfil-worker": Service("fulfil-worker", "python", "kj-loguru", "ayside:loguru", "/var/log/ayside/fulfil-worker.log", "ays_workers", 3380512, "CPython 3.11.10", framework="arq", sdk=SDK),
}

# Above the job: the worker's loop and arq's run_job (the catching frame of an escaped error).
LOOP = (
    pylib("asyncio.runners", "run", 118, "return self._loop.run_until_complete(task)"),
    pylib("asyncio.base_events", "run_until_complete", 641, "self.run_forever()"),
    pylib("asyncio.base_events", "_run_once", 1936, "handle._run()"),
    pylib("asyncio.events", "_run", 84, "self._context.run(self._callback, *self._args)"),
)
RUN_JOB = (
    pylib("arq.worker", "run_job", 602, "result = await asyncio.wait_for(function.coroutine(ctx, *args, **kwargs), timeout_s)"),
    pylib("asyncio.tasks", "wait_for", 479, "return fut.result()"),
)
ARQ_LOGGER = "arq.worker:run_job:651"


def arq_failed(job: str, exc: str, value: str = "") -> str:
    """arq's ``'%6.2fs ! %s failed, %s: %s'``: elapsed, ``<job id>:<function>``, the class's
    bare name and the message."""
    return f" {{n}}.{{idx}}{{idx2}}s ! {{hex}}{{hex2}}{{args}}{{idx3}}{{idx4}}:{job} failed, {exc}: {value}"


def escaped(service: str, **opts: object) -> dict[str, object]:
    """An error the job let escape: arq catches it in run_job."""
    return {"above": LOOP, "diagnose": True, **opts}


def caught(**opts: object) -> dict[str, object]:
    """A job's own ``logger.exception``: arq's frames are above the job's frame."""
    return {"above": (*LOOP, *RUN_JOB), "diagnose": True, **opts}


def job(module: str, fn: str, line: int, context: str) -> Frame:
    return py(f"ayside.jobs.{module}", fn, line, context)


def lib(module: str, fn: str, line: int, context: str) -> Frame:
    return py(f"ayside.{module}", fn, line, context)


SEARCH = {"search": "ayside workers - loguru ERROR", "owner": "svc_print", "app": "ays_ops"}
DD_RENDER = {"monitor": "render-worker: ERROR logs", "team": "print", "style": "sample", "filter": "service:render-worker status:error", "sample_lines": 4}
DD_FULFIL = {"monitor": "fulfil-worker: ERROR logs", "team": "print", "filter": "service:fulfil-worker status:error", "text": "fulfil-worker is logging errors:\n\n```\n{{log.message}}\n```\n\nhost: {{log.host}}", "sample_lines": 8}
HTTPX_SEND = (
    pylib("httpx._client", "request", 1574, "return await self.send(request, auth=auth, follow_redirects=follow_redirects)"),
    pylib("httpx._client", "send", 1661, "response = await self._send_handling_auth("),
)
REQUEST_JSON = lib("clients.http", "request_json", 22, "resp = await client.request(method, url, json=body, timeout=15)")
RAISE_STATUS = lib("clients.http", "request_json", 24, "resp.raise_for_status()")
PIL_OPEN = pylib("PIL.Image", "open", 3498, "raise UnidentifiedImageError(msg)")
LOGGED = {"mechanism": "logging"}  # Sentry's loguru integration: the logged record
ASYNCPG_EXEC = (
    pylib("asyncpg.connection", "execute", 349, "result = await self._protocol.query(query, timeout)"),
    pylib("asyncpg.protocol.protocol", "query", 374, ""),
)
UNIDENT = "cannot identify image file <_io.BytesIO object at {addr}>"


def unique(constraint: str, detail: str, frames: tuple[Frame, ...]) -> Exc:
    return Exc("UniqueViolationError", f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}', frames, module="asyncpg.exceptions")


BUGS = [
    # The same Pillow error on the poster's artwork and the label's logo.
    Bug("kj-poster-image", "render-worker", (Exc("UnidentifiedImageError", UNIDENT, (*RUN_JOB, job("posters", "render_poster", 37, "art = Image.open(io.BytesIO(raw))"), PIL_OPEN), module="PIL"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **escaped("render-worker"), **SEARCH), see("datadog.log", **escaped("render-worker"), **DD_RENDER)),
        classes=(4,), pair="kj-label-image", entry="render_poster", logger=ARQ_LOGGER, log=arq_failed("render_poster", "UnidentifiedImageError", UNIDENT)),
    Bug("kj-label-image", "render-worker", (Exc("UnidentifiedImageError", UNIDENT, (job("labels", "render_label", 52, "logo = load_logo(order.brand_logo_key)"), lib("images", "load_logo", 18, "return Image.open(io.BytesIO(data)).convert('RGBA')"), PIL_OPEN), module="PIL"),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 3, **caught(), **SEARCH), see("datadog.log", **caught(), **DD_RENDER)),
        classes=(4,), pair="kj-poster-image", handled=True, entry="render_label", logger="ayside.jobs.labels:render_label:58", log="Label for order {order} failed", span=2),
    # One unique violation message, two constraints.
    Bug("kj-printjob-unique", "fulfil-worker", (unique("print_jobs_order_id_key", "Key (order_id)=({order}) already exists.", (*RUN_JOB, job("submit", "submit_print_job", 44, "await repo.insert_print_job(conn, order_id, queue_ref)"), lib("repo", "insert_print_job", 31, "await conn.execute(INSERT_PRINT_JOB, order_id, queue_ref)"), *ASYNCPG_EXEC)),),
        (see("sentry.error", 3), see("splunk", 2, **escaped("fulfil-worker"), **SEARCH), see("datadog.log", **escaped("fulfil-worker"), **DD_FULFIL)),
        classes=(4,), pair="kj-shipment-unique", entry="submit_print_job", logger=ARQ_LOGGER, log=arq_failed("submit_print_job", "UniqueViolationError", 'duplicate key value violates unique constraint "print_jobs_order_id_key"')),
    Bug("kj-shipment-unique", "fulfil-worker", (unique("shipments_tracking_number_key", "Key (tracking_number)=(AY{order}GB) already exists.", (*RUN_JOB, job("courier", "book_collection", 61, "await repo.insert_shipment(conn, order_id, booking)"), lib("repo", "insert_shipment", 48, "await conn.execute(INSERT_SHIPMENT, order_id, booking.tracking_number)"), *ASYNCPG_EXEC)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **escaped("fulfil-worker"), **SEARCH), see("datadog.log", **escaped("fulfil-worker"), **DD_FULFIL)),
        classes=(4,), pair="kj-printjob-unique", entry="book_collection", logger=ARQ_LOGGER, log=arq_failed("book_collection", "UniqueViolationError", 'duplicate key value violates unique constraint "shipments_tracking_number_key"')),
    # One ink-cost function, two exceptions.
    Bug("kj-ink-zero", "render-worker", (Exc("ZeroDivisionError", "division by zero", (*RUN_JOB, job("catalogue", "render_catalogue", 73, "cost = ink_cost(page, sheet)"), lib("pricing", "ink_cost", 16, "coverage = inked_px / (sheet.width_px * sheet.height_px)")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **escaped("render-worker"), **SEARCH), see("splunk", release=2, **escaped("render-worker"), **SEARCH), see("datadog.log", **escaped("render-worker"), **DD_RENDER)),
        classes=(4, 5), pair="kj-ink-pantone", entry="render_catalogue", logger=ARQ_LOGGER, log=arq_failed("render_catalogue", "ZeroDivisionError", "division by zero"), span=3, renames={"render_catalogue": "build_catalogue"}),
    Bug("kj-ink-pantone", "render-worker", (Exc("KeyError", "'PANTONE 877 C'", (*RUN_JOB, job("catalogue", "render_catalogue", 73, "cost = ink_cost(page, sheet)"), lib("pricing", "ink_cost", 21, "rate = SPOT_RATES[page.spot_colour]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **escaped("render-worker"), **SEARCH), see("datadog.log", 2, **escaped("render-worker"), **DD_RENDER)),
        classes=(4,), pair="kj-ink-zero", entry="render_catalogue", logger=ARQ_LOGGER, log=arq_failed("render_catalogue", "KeyError", "'PANTONE 877 C'")),
    # The httpx helper at the end of two failures: the courier times out, the print queue says 429.
    Bug("kj-courier-timeout", "fulfil-worker", (Exc("ReadTimeout", "", (*RUN_JOB, job("courier", "book_collection", 52, "booking = await courier.book(order)"), lib("clients.courier", "book", 27, "data = await request_json('POST', f'{BASE}/collections', payload)"), REQUEST_JSON, *HTTPX_SEND, pylib("httpx._transports.default", "map_httpcore_exceptions", 118, "raise mapped_exc(message) from exc")), module="httpx"),),
        (see("sentry.error", 3), see("splunk", 3, **escaped("fulfil-worker"), **SEARCH), see("datadog.log", **escaped("fulfil-worker"), **DD_FULFIL)),
        classes=(9,), pair="kj-queue-429", entry="book_collection", logger=ARQ_LOGGER, log=arq_failed("book_collection", "ReadTimeout", ""), span=2),
    Bug("kj-queue-429", "fulfil-worker", (Exc("HTTPStatusError", "Client error '429 Too Many Requests' for url 'https://queue.printhub.example/v2/jobs'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429", (job("submit", "submit_print_job", 38, "queue_ref = await printhub.enqueue(order)"), lib("clients.printhub", "enqueue", 19, "data = await request_json('POST', f'{BASE}/jobs', spec)"), RAISE_STATUS, pylib("httpx._models", "raise_for_status", 763, "raise HTTPStatusError(message, request=request, response=self)")), module="httpx"),),
        (see("sentry.error", 3, **LOGGED), see("sentry.issue"), see("splunk", 2, **caught(), **SEARCH), see("datadog.log", **caught(), **DD_FULFIL)),
        classes=(9,), pair="kj-courier-timeout", handled=True, entry="submit_print_job", logger="ayside.jobs.submit:submit_print_job:47", log="Print queue refused order {order}"),
    # One dispatch-email job under one monitor: a refused recipient, a missing invoice file.
    Bug("kj-email-refused", "fulfil-worker", (Exc("SMTPRecipientsRefused", "{'{email}': (550, b'5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table')}", (job("dispatch", "send_dispatch_email", 33, "await smtp.send_message(msg)"), pylib("aiosmtplib.smtp", "send_message", 1001, "return await self.sendmail("), pylib("aiosmtplib.smtp", "sendmail", 885, "raise SMTPRecipientsRefused(recipient_errors)")), module="aiosmtplib.errors"),),
        (see("sentry.error", 2, **LOGGED), see("splunk", 2, **caught(), **SEARCH), see("datadog.log", 2, **caught(), **DD_FULFIL)),
        classes=(2,), pair="kj-invoice-missing", handled=True, entry="send_dispatch_email", logger="ayside.jobs.dispatch:send_dispatch_email:41", log="Dispatch email for order {order} failed"),
    Bug("kj-invoice-missing", "fulfil-worker", (Exc("FileNotFoundError", "[Errno 2] No such file or directory: '/srv/invoices/2026/03/INV-{order}.pdf'", (job("dispatch", "send_dispatch_email", 27, "msg.add_attachment(invoice_bytes(order_id), maintype='application', subtype='pdf')"), lib("invoices", "invoice_bytes", 12, "return Path(INVOICE_DIR, f'INV-{order_id}.pdf').read_bytes()"), pylib("pathlib", "read_bytes", 1050, "with self.open(mode='rb') as f:"), pylib("pathlib", "open", 1044, "return io.open(self, mode, buffering, encoding, errors, newline)")), module="builtins"),),
        (see("sentry.error", 3, **LOGGED), see("splunk", 2, **caught(), **SEARCH), see("datadog.log", 2, **caught(), **DD_FULFIL)),
        classes=(2,), pair="kj-email-refused", handled=True, entry="send_dispatch_email", logger="ayside.jobs.dispatch:send_dispatch_email:41", log="Dispatch email for order {order} failed"),
    # Not pairs.
    Bug("kj-catalogue-timeout", "render-worker", (Exc("TimeoutError", "", (*RUN_JOB, pylib("asyncio.tasks", "wait_for", 481, "raise exceptions.TimeoutError() from exc")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, **escaped("render-worker"), **SEARCH), see("datadog.log", **escaped("render-worker"), **DD_RENDER)),
        classes=(10,), entry="render_catalogue", logger=ARQ_LOGGER, log=arq_failed("render_catalogue", "TimeoutError", "")),
    Bug("kj-artwork-nosuchkey", "render-worker", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", (*RUN_JOB, job("posters", "render_poster", 29, "raw = await storage.fetch_artwork(order.artwork_key)"), lib("storage", "fetch_artwork", 14, "obj = await s3.get_object(Bucket=ARTWORK_BUCKET, Key=key)"), pylib("aiobotocore.client", "_make_api_call", 412, "raise error_class(parsed_response, operation_name)")), module="botocore.errorfactory"),),
        (see("sentry.error", 3), see("splunk", 2, **escaped("render-worker"), **SEARCH), see("datadog.log", **escaped("render-worker"), **DD_RENDER)),
        entry="render_poster", logger=ARQ_LOGGER, log=arq_failed("render_poster", "NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist."), span=2),
    Bug("kj-order-validation", "fulfil-worker", (Exc("ValidationError", "1 validation error for OrderPayload\nshipping.postcode\n  String should have at most 8 characters [type=string_too_long, input_value='{ref}', input_type=str]\n    For further information visit https://errors.pydantic.dev/2.9/v/string_too_long", (*RUN_JOB, job("submit", "submit_print_job", 21, "order = OrderPayload.model_validate(payload)"), pylib("pydantic.main", "model_validate", 596, "return cls.__pydantic_validator__.validate_python(")), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **escaped("fulfil-worker"), **SEARCH), see("datadog.log", **escaped("fulfil-worker"), **DD_FULFIL)),
        classes=(5,), entry="submit_print_job", logger=ARQ_LOGGER, log=arq_failed("submit_print_job", "ValidationError", "1 validation error for OrderPayload"), span=3, renames={"submit_print_job": "submit_job"}),
    Bug("kj-weasyprint-font", "render-worker", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory", (*RUN_JOB, job("catalogue", "render_catalogue", 12, "from weasyprint import HTML"), pylib("weasyprint.text.ffi", "<module>", 427, "pango = _dlopen("), pylib("weasyprint.text.ffi", "_dlopen", 409, "return ffi.dlopen(names[0], flags)")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **escaped("render-worker"), **SEARCH)),
        entry="render_catalogue", logger=ARQ_LOGGER, log=arq_failed("render_catalogue", "OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory")),
    Bug("kj-singleton-memory", "render-worker", (Exc("DecompressionBombError", "Image size (298598400 pixels) exceeds limit of 178956970 pixels, could be decompression bomb DOS attack.", (*RUN_JOB, job("posters", "render_poster", 37, "art = Image.open(io.BytesIO(raw))"), pylib("PIL.Image", "_decompression_bomb_check", 3386, "raise DecompressionBombError(msg)")), module="PIL.Image"),),
        (see("sentry.error"),),
        singleton=True, entry="render_poster"),
]

NOISE = [
    Noise("kj-noise-startup", "render-worker", "splunk", {**SEARCH, "line": "2026-03-05 06:00:01.{millis} | INFO     | arq.worker:log_redis_info:1184 - redis_version=7.2.4 mem_usage=2.41M clients_connected=6 db_keys={n}"}),
    Noise("kj-noise-recovered", "fulfil-worker", "datadog.log", {"monitor": "fulfil-worker: ERROR logs", "transition": "Recovered", "alert_type": "success", "team": "print", "filter": "service:fulfil-worker status:error", "text": "fulfil-worker error logs back under threshold."}),
    Noise("kj-noise-deploy", "render-worker", "datadog.event", {"monitor": "Deployed render-worker", "text": "render-worker 2026.03.2 deployed (arq 0.26.1, 2/2 containers healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "print"}),
]

AYSIDE = Company(
    key="kj",
    name="Ayside Print Works",
    domain="aysideprint.example",
    sentry_org="ayside-print",
    splunk_url="https://ayside.splunkcloud.com",
    splunk_guid="3F8D2B61-0A7C-4E95-B3D4-C27E18A9F650",
    datadog_org=("902217", "Ayside Print Works"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ayside-sentry-client-secret",
)
# fmt: on
