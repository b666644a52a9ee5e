"""(im) Burnmoor Print, an online print shop's back office: Python 3.12 Dramatiq 1.17 workers on
a Redis broker (``print-worker``: artwork proofs with Pillow and pypdf, print-partner
hand-over over requests, catalogue imports, SQLAlchemy 2 over psycopg 3; ``mail-worker``:
order mails over smtplib).

Logs: the workers run ``dramatiq burnmoor.actors`` and every logger prints through Dramatiq's own
format (``[time] [PID n] [Thread-n] [logger] [LEVEL] message``): the worker thread's ``Failed
to process message <actor>(<args>) with unhandled exception.`` over the traceback, the actors'
own ``logger.exception``, the ``TimeLimit`` middleware's warning before a
``TimeLimitExceeded``, the consumer's connection errors, ``Retries``' lines naming only a
message id. Datadog reads the pods' stdout: log monitors paste ``{{log.message}}`` (3 to 14
lines), APM monitors name the error type. Sentry: sentry-python's Dramatiq integration (the
actor as the transaction). No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib, sqlalchemy_integrity

# fmt: off
SDK = ("sentry.python", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "print-worker": Service("print-worker", "python", "im-dramatiq", "", "", "", 8120021, "CPython 3.12.7", framework="dramatiq", sdk=SDK),
    "mail-worker": Service("mail-worker", "python", "im-dramatiq", "", "", "", 8120022, "CPython 3.12.7", framework="dramatiq", sdk=SDK),
}

# Dramatiq's worker thread calling the actor (oldest first).
DRAMATIQ = (
    pylib("dramatiq.worker", "process_message", 513, "res = actor(*message.args, **message.kwargs)"),
    pylib("dramatiq.actor", "__call__", 185, "return self.fn(*args, **kwargs)"),
)


def actor(module: str, fn: str, line: int, context: str, caret: str = "") -> tuple[Frame, ...]:
    return (*DRAMATIQ, py(f"burnmoor.actors.{module}", fn, line, context, caret=caret))


# requests raising from the partner client's one helper.
def partner(caller: tuple[Frame, ...], tail: tuple[Frame, ...]) -> tuple[Frame, ...]:
    return (*caller, py("burnmoor.partners.printhaus", "_post", 41, "resp = self.session.post(url, json=payload, timeout=20)" if tail[0].function == "post" else "resp.raise_for_status()"), *tail)


REQ_TIMEOUT = (
    pylib("requests.sessions", "post", 637, "return self.request(\"POST\", url, data=data, json=json, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
REQ_STATUS = (pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)"),)
PIL_OPEN = (pylib("PIL.Image", "open", 3498, "raise UnidentifiedImageError(msg)"),)
PIL_BOMB = (
    pylib("PIL.Image", "open", 3481, "im = _open_core("),
    pylib("PIL.Image", "_open_core", 3469, "_decompression_bomb_check(im.size)"),
    pylib("PIL.Image", "_decompression_bomb_check", 3368, "raise DecompressionBombError(msg)"),
)
LOAD_ART = py("burnmoor.proofs.artwork", "load_artwork", 27, "img = Image.open(io.BytesIO(blob))")
NONE_STOCK = "'NoneType' object has no attribute 'paper_stock'"
TLE = "TimeLimitExceeded"

LOGMON = {"team": "print", "monitor": "print-worker errors", "filter": "service:print-worker status:error", "text": "print-worker failures on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 14}
LOGMON_SHORT = {**LOGMON, "sample_lines": 3}
TIMEMON = {"team": "print", "monitor": "print-worker time limits", "filter": "service:print-worker \"TimeLimitExceeded\"", "text": "Actors are hitting their time limit.\n\n```\n{{log.message}}\n```", "sample_lines": 12}
MAILMON = {"team": "print", "monitor": "mail-worker errors", "filter": "service:mail-worker status:error", "text": "```\n{{log.message}}\n```", "sample_lines": 8}
APM = {"style": "type", "team": "print"}

BUGS = [
    # 1. The same AttributeError in two actors.
    Bug("im-proof-stock-none", "print-worker", (Exc("AttributeError", NONE_STOCK, actor("proofs", "render_proof", 48, "stock = order.item.paper_stock.code", "order.item.paper_stock"), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="im-reorder-stock-none", log="render_proof({id}, 'A5')", entry="render_proof"),
    Bug("im-reorder-stock-none", "print-worker", (Exc("AttributeError", NONE_STOCK, actor("reorders", "price_reorder", 31, "unit = tariff.for_stock(item.paper_stock.code)", "item.paper_stock"), module="builtins"),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="im-proof-stock-none", log="price_reorder({order})", entry="price_reorder"),
    # 2. One print-partner helper: a read timeout and a 503.
    Bug("im-partner-timeout", "print-worker", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.printhaus.example', port=443): Read timed out. (read timeout=20)", partner(actor("handover", "submit_print_job", 22, "partner.submit(job)"), REQ_TIMEOUT), module="requests.exceptions"),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.apm", **APM), see("datadog.log", 2, **LOGMON)),
        classes=(9,), pair="im-partner-503", log="submit_print_job({id})", entry="submit_print_job"),
    Bug("im-partner-503", "print-worker", (Exc("HTTPError", "503 Server Error: Service Unavailable for url: https://api.printhaus.example/v2/jobs/{id}/status", partner(actor("handover", "poll_print_status", 37, "status = partner.status(job_id)"), REQ_STATUS), module="requests.exceptions"),),
        (see("sentry.error", 2), see("sentry.alert", rule="Printhaus hand-over failing"), see("datadog.log", 2, **LOGMON_SHORT)),
        classes=(9,), pair="im-partner-timeout", log="poll_print_status('{hex}')", entry="poll_print_status"),
    # 3. One artwork loader, two Pillow errors.
    Bug("im-artwork-unidentified", "print-worker", (Exc("UnidentifiedImageError", "cannot identify image file <_io.BytesIO object at {addr}>", (*actor("proofs", "render_proof", 44, "art = load_artwork(order.artwork_blob)"), LOAD_ART, *PIL_OPEN), module="PIL"),),
        (see("sentry.error", 3), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="im-artwork-bomb", log="render_proof({id}, 'A4')", entry="render_proof"),
    Bug("im-artwork-bomb", "print-worker", (Exc("DecompressionBombError", "Image size (412876800 pixels) exceeds limit of 178956970 pixels, could be decompression bomb DOS attack.", (*actor("proofs", "render_proof", 44, "art = load_artwork(order.artwork_blob)"), LOAD_ART, *PIL_BOMB), module="PIL.Image"),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="im-artwork-unidentified", log="render_proof({id}, 'A1')", entry="render_proof"),
    # 4. IntegrityError on two constraints.
    Bug("im-dup-printjob", "print-worker", sqlalchemy_integrity(actor("handover", "submit_print_job", 29, "session.commit()"), "print_jobs_order_id_key", "Key (order_id)=({order}) already exists.", "INSERT INTO print_jobs (order_id, partner, status, created_at) VALUES (%(order_id)s::INTEGER, %(partner)s::VARCHAR, %(status)s::VARCHAR, now()) RETURNING print_jobs.id"),
        (see("sentry.error", 3), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="im-dup-invoice", log="submit_print_job({order})", entry="submit_print_job"),
    Bug("im-dup-invoice", "print-worker", sqlalchemy_integrity(actor("billing", "issue_invoice", 53, "session.commit()"), "invoices_number_key", "Key (number)=(BP-2026-{id}) already exists.", "INSERT INTO invoices (number, order_id, total_pence) VALUES (%(number)s::VARCHAR, %(order_id)s::INTEGER, %(total_pence)s::INTEGER) RETURNING invoices.id"),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGMON_SHORT)),
        classes=(4,), pair="im-dup-printjob", log="issue_invoice({order})", entry="issue_invoice"),
    # 5. The time limit in two actors, under one monitor.
    Bug("im-proof-timelimit", "print-worker", (Exc(TLE, "", (*actor("proofs", "render_proof", 61, "art = art.resize(target, Image.LANCZOS)"), pylib("PIL.Image", "resize", 2356, "return self._new(self.im.resize(size, resample, box))")), module="dramatiq.middleware.time_limit"),),
        (see("sentry.error", 2), see("datadog.log", 2, **TIMEMON)),
        classes=(2, 4), pair="im-import-timelimit", log="render_proof({id}, 'A2')", entry="render_proof"),
    Bug("im-import-timelimit", "print-worker", (Exc(TLE, "", (*actor("catalogue", "import_catalogue", 36, "for row in reader:"), pylib("csv", "__next__", 116, "row = next(self.reader)")), module="dramatiq.middleware.time_limit"),),
        (see("sentry.error", 2), see("datadog.log", 2, **TIMEMON)),
        classes=(2, 4), pair="im-proof-timelimit", log="import_catalogue('s3://burnmoor-imports/catalogue-{week}.csv')", entry="import_catalogue"),
    # Not pairs.
    Bug("im-smtp-disconnected", "mail-worker", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", (*actor("mail", "send_order_email", 26, "smtp.send_message(msg)"), pylib("smtplib", "send_message", 986, "return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,"), pylib("smtplib", "sendmail", 876, "(code, resp) = self.data(msg)"), pylib("smtplib", "data", 564, "(code, msg) = self.getreply()"), pylib("smtplib", "getreply", 405, "raise SMTPServerDisconnected(\"Connection unexpectedly closed\")")), module="smtplib"),),
        (see("sentry.error", 3), see("sentry.alert", rule="order mails failing"), see("datadog.apm", **APM), see("datadog.log", 2, **MAILMON)),
        log="send_order_email({order}, 'dispatched')", entry="send_order_email"),
    Bug("im-import-sku-keyerror", "print-worker", (Exc("KeyError", "'sku'", (*actor("catalogue", "import_catalogue", 41, "upsert_product(session, row)"), py("burnmoor.catalogue.upsert", "upsert_product", 18, "sku = row[\"sku\"].strip()", caret="row[\"sku\"]")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.error", release=2), see("datadog.log", **LOGMON), see("datadog.log", release=2, **LOGMON_SHORT)),
        classes=(5,), log="import_catalogue('s3://burnmoor-imports/catalogue-{week}.csv')", entry="import_catalogue", span=3, renames={"upsert_product": "upsert_catalogue_row"}),
    Bug("im-pdf-encrypted", "print-worker", (Exc("FileNotDecryptedError", "File has not been decrypted", (*actor("proofs", "merge_proof_pages", 72, "for page in PdfReader(io.BytesIO(blob)).pages:"), pylib("pypdf._reader", "pages", 508, "return _VirtualList(self._get_num_pages, self._get_page)"), pylib("pypdf._doc_common", "_get_num_pages", 387, "raise FileNotDecryptedError(\"File has not been decrypted\")")), module="pypdf.errors"),),
        (see("sentry.error", 2), see("datadog.log", 2, kind="actor", msg="merging customer PDF for order {order} failed", **LOGMON)),
        log="merge_proof_pages({order})", logger="burnmoor.actors.proofs", entry="merge_proof_pages", handled=True),
    Bug("im-redis-consumer", "print-worker", (),
        (see("datadog.log", 2, monitor="print-worker errors", team="print", filter="service:print-worker status:error", text="print-worker failures on {{log.host}}:\n\n```\n[{gts},{millis}] [PID 1] [Thread-1] [dramatiq.worker.ConsumerThread(proofs)] [CRITICAL] Consumer encountered a connection error: Error 111 connecting to redis-print:6379. Connection refused.\n```"),),
        classes=(8,)),
    Bug("im-singleton-retries", "print-worker", (),
        (see("datadog.log", monitor="dramatiq retries exhausted", team="print", filter="service:print-worker @logger.name:dramatiq.middleware.retries.Retries status:warn", text="A message ran out of retries.\n\n```\n[{gts},{millis}] [PID 9] [Thread-4] [dramatiq.middleware.retries.Retries] [WARNING] Retries exceeded for message '{uuid}'.\n```"),),
        singleton=True),
]

NOISE = [
    Noise("im-noise-deploy", "print-worker", "datadog.event", {"monitor": "Deployed print-worker", "text": "print-worker 2026.03.2 rolled out (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "print"}),
    Noise("im-noise-recovered", "print-worker", "datadog.log", {"monitor": "print-worker errors", "transition": "Recovered", "alert_type": "success", "team": "print", "filter": "service:print-worker status:error", "text": "print-worker errors back to normal."}),
    Noise("im-noise-retrying", "mail-worker", "datadog.log", {"monitor": "mail-worker retries", "team": "print", "filter": "service:mail-worker \"Retrying message\"", "text": "Retries above the usual rate (informational).\n\n```\n[{gts},{millis}] [PID 8] [Thread-2] [dramatiq.middleware.retries.Retries] [INFO] Retrying message '{uuid}' in {ms} milliseconds.\n```", "alert_type": "info", "priority": "P5"}),
]

BURNMOOR = Company(
    key="im",
    name="Burnmoor Print",
    domain="burnmoor-print.example",
    sentry_org="burnmoor",
    splunk_url="https://burnmoor.splunkcloud.com",
    splunk_guid="9A41C7E2-5D08-4B3F-A6E9-2F71B0C8D354",
    datadog_org=("812002", "Burnmoor Print"),
    datadog_template="custom",
    posthog_project=(81202, "Burnmoor"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="burnmoor-sentry-client-secret",
)
# fmt: on
