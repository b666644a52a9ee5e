"""(fi) Haverthwaite Prints, an online photo-print lab: a fleet of arq 0.26 workers on
Python 3.11 (``render-worker``: rendering uploads with Pillow, fetching them from S3 through
aiobotocore, pricing, handing orders to the print lab's API with httpx; ``notify-worker``:
SMS and e-mail notices, the shop's order webhooks), over asyncpg and Redis.

Splunk indexes the workers' stdout, arq's own ``default_log_config`` (``fi-arq-worker``:
``HH:MM:SS: <t>s ! <job_id>:<function> failed, <Type>: <message>`` over the traceback, the
``↻ ... retrying job in`` lines, and the team's ``logger.exception`` records in the same
stream). Sentry: sentry-sdk 2 with its arq integration. Datadog: the recommended template,
log monitors pasting the error stack, and a task monitor per function. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "render-worker": Service("render-worker", "python", "fi-arq-worker", "kube:container:render-worker", "/var/log/containers/render-worker.log", "fi_workers", 6120441, "CPython 3.11.10", framework="arq", sdk=SDK),
    "notify-worker": Service("notify-worker", "python", "fi-arq-worker", "kube:container:notify-worker", "/var/log/containers/notify-worker.log", "fi_workers", 6120444, "CPython 3.11.10", framework="arq", sdk=SDK),
}

# arq running one job (oldest first): the worker's run_job awaiting the job's task.
ARQ = (
    pylib("arq.worker", "run_job", 617, "result = await asyncio.wait_for(task, timeout_s)"),
    pylib("asyncio.tasks", "wait_for", 520, "return await fut"),
)
ASYNCPG_INSERT = (
    pylib("asyncpg.connection", "fetchrow", 748, "data = await self._execute("),
    pylib("asyncpg.connection", "_execute", 1864, "result, _ = await self.__execute("),
    pylib("asyncpg.connection", "__execute", 1961, "result, stmt = await self._do_execute("),
    pylib("asyncpg.connection", "_do_execute", 2024, "result = await executor(stmt, None)"),
    pylib("asyncpg.protocol.protocol", "bind_execute", 207, ""),
)
HTTPX_RAISE = (
    pylib("httpx._models", "raise_for_status", 829, "raise HTTPStatusError(message, request=request, response=self)"),
)
# Every call to the print lab goes through one helper that raises for the status.
LAB_POST = py("haverthwaite.lab.client", "post_json", 41, "response.raise_for_status()")
PIL_OPEN = pylib("PIL.Image", "open", 3498, "raise UnidentifiedImageError(msg)")

LOGS = {"search": "haverthwaite arq failures", "app": "haverthwaite"}
TEAM = {"search": "haverthwaite worker exceptions", "app": "haverthwaite", "kind": "team"}
RETRIES = {"search": "haverthwaite arq retries", "app": "haverthwaite"}
DD_LOG = dict(team="prints", monitor="[prints] arq job failures", filter="service:render-worker status:error source:python", style="stack", lines=10)
DD_NOTIFY = dict(team="prints", monitor="[prints] notify-worker errors", filter="service:notify-worker status:error", text="{{log.attributes.error.kind}} in notify-worker\n\n{{log.attributes.error.message}}\n\n```\n{{log.attributes.error.stack}}\n```", lines=8)
TASK = dict(team="prints", monitor="[prints] arq job failure rate")


def retry_line(function: str) -> str:
    """arq's line when a job raised ``Retry``: no traceback, the job id changes every time."""
    return f"{{hms}}:  {{n}}.{{idx}}1s ↻ {{hex}}:{function} retrying job in {{idx}}0.00 seconds"


def job(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"haverthwaite.jobs.{module}", function, line, context)


BUGS = [
    # An upload without a DPI in its metadata: the same KeyError rendering a print and a thumbnail.
    Bug("fi-print-dpi", "render-worker", (Exc("KeyError", "'dpi'", (*ARQ, job("render", "render_print", 58, "scale = target_dpi / meta['dpi']"), py("haverthwaite.imaging.sizing", "print_scale", 22, "return meta[\"dpi\"] / PRINT_DPI[size]"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 3, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4, 5), pair="fi-thumb-dpi", entry="render_print", span=2, renames={"render_print": "render_print_job"}),
    Bug("fi-thumb-dpi", "render-worker", (Exc("KeyError", "'dpi'", (*ARQ, job("thumbs", "render_thumbnail", 31, "box = thumb_box(meta)"), py("haverthwaite.imaging.thumbs", "thumb_box", 17, "ratio = meta[\"dpi\"] / 72"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.task", **TASK)),
        classes=(4,), pair="fi-print-dpi", entry="render_thumbnail"),
    # Unique constraints on two tables: a shop order delivered twice and a print job queued twice.
    Bug("fi-order-dup", "notify-worker", (Exc("UniqueViolationError", 'duplicate key value violates unique constraint "orders_external_ref_key"\nDETAIL:  Key (external_ref)=(SHP-{id}) already exists.', (*ARQ, job("shop", "ingest_shop_order", 44, "order_id = await db.fetchval(INSERT_ORDER, *row)"), *ASYNCPG_INSERT), module="asyncpg.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD_NOTIFY)),
        classes=(4,), pair="fi-printjob-dup", entry="ingest_shop_order"),
    Bug("fi-printjob-dup", "render-worker", (Exc("UniqueViolationError", 'duplicate key value violates unique constraint "print_jobs_order_id_sheet_key"\nDETAIL:  Key (order_id, sheet)=({id}, {idx}) already exists.', (*ARQ, job("render", "queue_sheets", 92, "await db.fetchrow(INSERT_SHEET, order_id, sheet, path)"), *ASYNCPG_INSERT), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="fi-order-dup", entry="queue_sheets"),
    # One lab client: the lab down (503) when submitting, a rejected cancel (422).
    Bug("fi-lab-submit-503", "render-worker", (Exc("HTTPStatusError", "Server error '503 Service Unavailable' for url 'https://api.printlab.example/v2/orders'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/503", (*ARQ, job("lab", "submit_to_lab", 37, "ack = await lab.post_json(\"/v2/orders\", payload)"), LAB_POST, *HTTPX_RAISE), module="httpx"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("splunk", 2, line=retry_line("submit_to_lab"), **RETRIES), see("datadog.task", **TASK)),
        classes=(9,), pair="fi-lab-cancel-422", entry="submit_to_lab"),
    Bug("fi-lab-cancel-422", "notify-worker", (Exc("HTTPStatusError", "Client error '422 Unprocessable Entity' for url 'https://api.printlab.example/v2/orders/PL-{id}/cancel'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/422", (*ARQ, job("shop", "cancel_order", 71, "await lab.post_json(f\"/v2/orders/{lab_ref}/cancel\", {})"), LAB_POST, *HTTPX_RAISE), module="httpx"),),
        (see("sentry.error", 2), see("splunk", 2, **TEAM), see("datadog.log", **DD_NOTIFY)),
        classes=(9,), pair="fi-lab-submit-503", entry="cancel_order", log="lab refused cancel for order {id}", logger="haverthwaite.jobs.shop"),
    # One loader: a file Pillow cannot read, and one over Pillow's decompression-bomb limit.
    Bug("fi-upload-unidentified", "render-worker", (Exc("UnidentifiedImageError", "cannot identify image file <_io.BytesIO object at 0x7f{hex}>", (*ARQ, job("render", "render_print", 49, "img = await load_upload(ctx, upload_key)"), py("haverthwaite.imaging.io", "load_upload", 28, "return Image.open(BytesIO(body))"), PIL_OPEN), module="PIL"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="fi-upload-bomb", entry="render_print"),
    Bug("fi-upload-bomb", "render-worker", (Exc("DecompressionBombError", "Image size ({n}0000{idx} pixels) exceeds limit of 178956970 pixels, could be decompression bomb DOS attack.", (*ARQ, job("render", "render_print", 49, "img = await load_upload(ctx, upload_key)"), py("haverthwaite.imaging.io", "load_upload", 28, "return Image.open(BytesIO(body))"), pylib("PIL.Image", "open", 3480, "im = _open_core(fp, filename, prefix, formats)"), pylib("PIL.Image", "_decompression_bomb_check", 3375, "raise DecompressionBombError(msg)")), module="PIL.Image"),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.task", **TASK)),
        classes=(4,), pair="fi-upload-unidentified", entry="render_print"),
    # Timeouts in two jobs: the S3 fetch of an upload and the SMS gateway.
    Bug("fi-s3-timeout", "render-worker", (Exc("TimeoutError", "", (*ARQ, job("render", "render_print", 47, "body = await fetch_upload(ctx, upload_key)"), py("haverthwaite.storage", "fetch_upload", 19, "async with asyncio.timeout(20):"), pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val"))),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(4,), pair="fi-sms-timeout", entry="render_print"),
    Bug("fi-sms-timeout", "notify-worker", (Exc("TimeoutError", "", (*ARQ, job("notices", "send_dispatch_sms", 26, "await sms.send(order.phone, text)"), py("haverthwaite.notices.sms", "send", 33, "async with asyncio.timeout(8):"), pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD_NOTIFY), see("datadog.task", **TASK)),
        classes=(4,), pair="fi-s3-timeout", entry="send_dispatch_sms"),
    # Not pairs.
    Bug("fi-price-zero", "render-worker", (Exc("ZeroDivisionError", "division by zero", (*ARQ, job("pricing", "reprice_basket", 63, "unit = await price_for(basket)"), py("haverthwaite.pricing.rules", "bulk_discount", 41, "return total * (tier.pct / tier.min_qty)"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD_LOG)),
        classes=(5,), entry="reprice_basket", span=3),
    Bug("fi-webhook-validation", "notify-worker", (Exc("ValidationError", "1 validation error for ShopOrder\nshipping.postcode\n  Field required [type=missing, input_value={'line1': '{n} Mill Lane', 'city': 'Kendal'}, input_type=dict]\n    For further information visit https://errors.pydantic.dev/2.9/v/missing", (*ARQ, job("shop", "ingest_shop_order", 38, "order = ShopOrder.model_validate(payload)"), pylib("pydantic.main", "model_validate", 596, "return cls.__pydantic_validator__.validate_python(")), module="pydantic_core._pydantic_core"),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD_NOTIFY)),
        entry="ingest_shop_order"),
    Bug("fi-redis-conn", "notify-worker", (Exc("ConnectionError", "Error 111 connecting to redis-arq.haverthwaite.internal:6379. Connection refused.", (*ARQ, job("notices", "send_dispatch_sms", 22, "if await ctx[\"redis\"].exists(sent_key(order_id)):"), pylib("redis.asyncio.client", "execute_command", 611, "conn = self.connection or await pool.get_connection(command_name, **options)"), pylib("redis.asyncio.connection", "connect", 291, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS)),
        classes=(10,), entry="send_dispatch_sms"),
    Bug("fi-email-template", "notify-worker", (Exc("UndefinedError", "'None' has no attribute 'first_name'", (*ARQ, job("notices", "send_receipt", 54, "html = render(\"receipt.html\", order=order)"), pylib("jinja2.environment", "render", 1304, "self.environment.handle_exception()"), Frame("top-level template code", "templates/receipt.html", 12, "templates.receipt", True, "<p>Hi {{ order.customer.first_name }},</p>")), module="jinja2.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **TEAM), see("datadog.log", **DD_NOTIFY)),
        entry="send_receipt", log="receipt for order {id} not sent", logger="haverthwaite.jobs.notices"),
    Bug("fi-icc-singleton", "render-worker", (Exc("PyCMSError", "cannot build transform", (*ARQ, job("render", "render_print", 66, "img = to_print_profile(img)"), pylib("PIL.ImageCms", "profileToProfile", 537, "raise PyCMSError(v) from v")), module="PIL.ImageCms"),),
        (see("sentry.error"),),
        singleton=True, entry="render_print"),
    # A log template: a slow job's warning, durations and sizes vary.
    Bug("fi-slow-render", "render-worker", (),
        (see("splunk", 3, search="haverthwaite slow renders", app="haverthwaite", line="{hms}: WARNING haverthwaite.jobs.render render of {size} took {dur} (order {id})"), see("datadog.log", 2, team="prints", monitor="[prints] slow renders", filter="service:render-worker status:warn", text="render of {size} took {dur}")),
        classes=(7,)),
    # Failures by function: a stats row naming the function alone.
    Bug("fi-fails-by-function", "render-worker", (),
        (see("splunk", 2, search="haverthwaite arq failures by function (24h)", app="haverthwaite", stats={"function": "submit_to_lab", "failed": "{n}", "last": "{gts}"}),),
        classes=(8,)),
]

NOISE = [
    Noise("fi-noise-deploy", "render-worker", "datadog.event", {"monitor": "Argo CD sync", "text": "render-worker synced to 2026.12.3 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fi-noise-startup", "notify-worker", "splunk", {"search": "haverthwaite arq failures", "line": "09:00:01: Starting worker for 6 functions: send_dispatch_sms, send_receipt, ingest_shop_order, cancel_order, cron:purge_sent, cron:daily_digest"}),
    Noise("fi-noise-recovered", "render-worker", "datadog.log", {"monitor": "[prints] arq job failures", "text": "Recovered: arq job failures on render-worker back under the threshold.", "transition": "Recovered", "alert_type": "success"}),
]

HAVERTHWAITE = Company(
    key="fi",
    name="Haverthwaite Prints",
    domain="haverthwaite-prints.example",
    sentry_org="haverthwaite",
    splunk_url="https://haverthwaite.splunkcloud.com",
    splunk_guid="8E2B4C71-5D3A-4F19-A6E0-2C7B9D1E5F34",
    datadog_org=("705401", "Haverthwaite Prints"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.12.1", "2026.12.2", "2026.12.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="haverthwaite-sentry-client-secret",
)
# fmt: on
