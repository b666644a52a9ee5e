"""(jp) Oakenclough Seeds, a mail-order seed and plant-plug merchant: a Flask 3.0 API on
gunicorn (``seedshop-api``: catalogue, basket, checkout with Stripe, courier quotes, the seed
club subscription; Flask-SQLAlchemy 3.1 over Postgres with psycopg 3, Flask-Login) and RQ 1.16
workers (``seedshop-rq``: dispatch labels, invoices, stock sync from the nursery, sowing
reminders, catalogue imports), Python 3.12 in containers on two VMs each.

Logging is stdlib ``logging`` configured by ``dictConfig`` to
``%(asctime)s %(levelname)s [%(name)s] %(message)s`` with tracebacks (``jp-pylog``): the
code's own ``logger.exception``, Flask's "Exception on <path> [<METHOD>]", RQ's ``[Job
<id>]: exception raised while executing (...)`` in the team's format or, on the one worker
host started with plain ``rq worker``, RQ's own, and gunicorn's error log. A Splunk universal
forwarder reads the files as multi-line events; some are cut short. Sentry: sentry-sdk 2 with
the Flask and RQ integrations. PostHog: posthog-python's ``capture_exception`` in the API's
error handler. Datadog: ddtrace APM monitors by error type and log monitors pasting the first
lines of an event.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib, sqlalchemy_integrity

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "seedshop-api": Service("seedshop-api", "python", "jp-pylog", "seedshop:python", "/var/log/seedshop/api.log", "seedshop", 9110421, "CPython 3.12.4", framework="flask"),
    "seedshop-rq": Service("seedshop-rq", "python", "jp-pylog", "seedshop:python", "/var/log/seedshop/worker.log", "seedshop", 9110422, "CPython 3.12.4", framework="rq"),
}
FLASK = (
    pylib("flask.app", "wsgi_app", 1473, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 882, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 880, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 865, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)
LOGIN = pylib("flask_login.utils", "decorated_view", 290, "return current_app.ensure_sync(func)(*args, **kwargs)")
RQ = (
    pylib("rq.worker", "perform_job", 1431, "rv = job.perform()"),
    pylib("rq.job", "perform", 1280, "self._result = self._execute()"),
    pylib("rq.job", "_execute", 1317, "result = self.func(*self.args, **self.kwargs)"),
)
REQUESTS = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
EXECUTE = (
    pylib("sqlalchemy.orm.scoping", "execute", 779, "return self._proxied.execute("),
    pylib("sqlalchemy.orm.session", "execute", 2351, "return self._execute_internal("),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
    pylib("psycopg.cursor", "execute", 732, "raise ex.with_traceback(None)"),
)
GUNICORN = (
    pylib("gunicorn.workers.sync", "handle", 134, "self.handle_request(listener, req, client, addr)"),
    pylib("gunicorn.workers.sync", "handle_request", 177, "respiter = self.wsgi(environ, resp.start_response)"),
    pylib("flask.app", "__call__", 1498, "return self.wsgi_app(environ, start_response)"),
    pylib("sentry_sdk.integrations.flask", "sentry_patched_wsgi_app", 92, "return SentryWsgiMiddleware("),
    pylib("sentry_sdk.integrations.wsgi", "__call__", 115, "response = self.app("),
)


def view(mod: str, fn: str, line: int, ctx: str, login: bool = True) -> tuple[Frame, ...]:
    return (*FLASK, *((LOGIN,) if login else ()), py(f"seedshop.api.{mod}", fn, line, ctx))


def job(mod: str, fn: str, line: int, ctx: str) -> tuple[Frame, ...]:
    return (*RQ, py(f"seedshop.jobs.{mod}", fn, line, ctx))


def lib(mod: str, fn: str, line: int, ctx: str) -> Frame:
    return py(f"seedshop.{mod}", fn, line, ctx)


QUOTE = (lib("couriers.parcelrate", "quote", 41, 'resp = requests.post(f"{PARCELRATE}/v2/quotes", json=payload, timeout=5)'), *REQUESTS)


def quote_timeout(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    read = "HTTPSConnectionPool(host='api.parcelrate.example', port=443): Read timed out. (read timeout=5)"
    return (
        Exc("ReadTimeoutError", read, (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"),
        Exc("ReadTimeout", read, (*frames, *QUOTE), module="requests.exceptions"),
    )


def pg_op(frames: tuple[Frame, ...], pgtype: str, pg: str, sql: str) -> tuple[Exc, ...]:
    return (
        Exc(pgtype, pg, (*frames, *EXECUTE), module="psycopg.errors"),
        Exc("OperationalError", f"(psycopg.errors.{pgtype}) {pg}\n[SQL: {sql}]\n(Background on this error at: https://sqlalche.me/e/20/e3q8)", (*frames, *EXECUTE[:4]), module="sqlalchemy.exc"),
    )


def undefined(frames: tuple[Frame, ...], template: str, line: int, ctx: str) -> tuple[Exc, ...]:
    return (Exc("UndefinedError", "'dict object' has no attribute 'vat_number'", (*frames, pylib("flask.templating", "render_template", 150, "return _render(app, template, context)"), pylib("jinja2.environment", "render", 1304, "self.environment.handle_exception()"), py(f"templates.{template}", "top-level template code", line, ctx, lib=True)), module="jinja2.exceptions"),)


SPL = dict(search="seedshop - python errors", owner="oc_ops", app="seedshop")
SPLQ = dict(search="seedshop-rq - failed jobs", owner="oc_ops", app="seedshop", kind="rq")
SPLQOWN = dict(search="seedshop-rq - failed jobs", owner="oc_ops", app="seedshop", kind="rqown", source="/var/log/seedshop/worker-2.log")
APM = dict(team="shop", monitor="[seedshop-api] flask.request errors by type", style="type")
APMQ = dict(team="shop", monitor="[seedshop-rq] rq.job errors by type", style="type")
WEBLOG = dict(team="shop", monitor="[seedshop-api] ERROR events", filter="service:seedshop-api status:error", style="sample", sample_lines=6)
JOBLOG = dict(team="shop", monitor="[seedshop-rq] job failures", filter='service:seedshop-rq "exception raised while executing"', style="sample", sample_lines=5, kind="rq")

BUGS = [
    # The same AttributeError on a variety that lost its packet: the basket and the sowing reminder job.
    Bug("jp-basket-none-packet", "seedshop-api", (Exc("AttributeError", "'NoneType' object has no attribute 'packet_size'", view("basket", "add_line", 57, "grams = variety.packet.packet_size * qty")),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **SPL, kind="flask"), see("datadog.apm", **APM)),
        classes=(4,), pair="jp-sowing-none-packet", entry="POST /api/basket/lines", span=2, renames={"add_line": "add_basket_line"}),
    Bug("jp-sowing-none-packet", "seedshop-rq", (Exc("AttributeError", "'NoneType' object has no attribute 'packet_size'", job("reminders", "send_sowing_reminders", 33, "if sub.variety.packet.packet_size < MIN_SOWING_GRAMS:")),),
        (see("sentry.error", 2), see("splunk", 2, **SPLQ), see("datadog.log", 2, **JOBLOG)),
        classes=(4,), pair="jp-basket-none-packet", entry="seedshop.jobs.reminders.send_sowing_reminders"),
    # Unique violations on two tables: an order reference and a seed club membership.
    Bug("jp-order-ref-unique", "seedshop-api", sqlalchemy_integrity(view("checkout", "place_order", 112, "db.session.commit()"), "orders_order_ref_key", "Key (order_ref)=(OC-{order}) already exists.", "INSERT INTO orders (order_ref, customer_id, total_pence, status) VALUES (%(order_ref)s::VARCHAR, %(customer_id)s::INTEGER, %(total_pence)s::INTEGER, %(status)s::VARCHAR) RETURNING orders.id"),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **SPL, kind="flask"), see("datadog.log", **WEBLOG)),
        classes=(4,), pair="jp-club-email-unique", entry="POST /api/checkout"),
    Bug("jp-club-email-unique", "seedshop-api", sqlalchemy_integrity(view("club", "join", 48, "db.session.commit()"), "club_members_email_key", "Key (email)=({email}) already exists.", "INSERT INTO club_members (email, customer_id, plan, starts_on) VALUES (%(email)s::VARCHAR, %(customer_id)s::INTEGER, %(plan)s::VARCHAR, %(starts_on)s::DATE) RETURNING club_members.id"),
        (see("sentry.error", 2), see("posthog"), see("splunk", **SPL, kind="flask", cut=9), see("datadog.apm", **APM)),
        classes=(4,), pair="jp-order-ref-unique", entry="POST /api/club/join"),
    # One germination helper: a missing key, and a zero division.
    Bug("jp-germ-keyerror", "seedshop-api", (Exc("KeyError", "'min_soil_temp'", (*view("catalogue", "variety_detail", 74, "guide = germination.guide_for(variety)", login=False), lib("horticulture.germination", "guide_for", 29, 'low = variety.growing["min_soil_temp"]'))),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **SPL, kind="flask"), see("datadog.apm", **APM)),
        classes=(4,), pair="jp-germ-zerodiv", entry="GET /api/varieties/{id}"),
    Bug("jp-germ-zerodiv", "seedshop-api", (Exc("ZeroDivisionError", "division by zero", (*view("catalogue", "variety_detail", 74, "guide = germination.guide_for(variety)", login=False), lib("horticulture.germination", "guide_for", 35, "rate = variety.sown_count and variety.germinated / variety.trial_count"))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", **SPL, kind="flask"), see("datadog.log", **WEBLOG)),
        classes=(4,), pair="jp-germ-keyerror", entry="GET /api/varieties/{id}", span=2),
    # The same courier quote helper timing out: from the checkout and from the dispatch job.
    Bug("jp-quote-timeout-api", "seedshop-api", quote_timeout(view("checkout", "delivery_options", 88, "quote = parcelrate.quote(basket.weight_grams, address.postcode)")),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **SPL, msg="courier quote failed"), see("datadog.apm", 2, **APM)),
        classes=(9,), pair="jp-quote-timeout-job", log="Courier quote failed for basket {id}", logger="seedshop.api.checkout", entry="GET /api/checkout/delivery"),
    Bug("jp-quote-timeout-job", "seedshop-rq", quote_timeout(job("dispatch", "book_collection", 52, "quote = parcelrate.quote(parcel.weight_grams, order.postcode)")),
        (see("sentry.error", 2), see("splunk", 2, **SPLQ), see("datadog.log", **JOBLOG), see("datadog.apm", **APMQ)),
        classes=(9,), pair="jp-quote-timeout-api", entry="seedshop.jobs.dispatch.book_collection"),
    # Two worker failures under one log monitor and one saved search: a lock timeout, a deadlock.
    Bug("jp-stock-lock-timeout", "seedshop-rq", pg_op(job("stock", "sync_nursery_stock", 61, "db.session.execute(update(Stock).where(Stock.sku == row.sku).values(on_hand=row.qty))"), "LockNotAvailable", "canceling statement due to lock timeout", "UPDATE stock SET on_hand=%(on_hand)s::INTEGER WHERE stock.sku = %(sku_1)s::VARCHAR"),
        (see("sentry.error", 3), see("splunk", 2, **SPLQ), see("datadog.log", 2, **JOBLOG)),
        classes=(8,), pair="jp-stock-deadlock", entry="seedshop.jobs.stock.sync_nursery_stock"),
    Bug("jp-stock-deadlock", "seedshop-rq", pg_op(job("stock", "reserve_for_orders", 28, "db.session.execute(text(RESERVE_SQL), {\"order_ids\": batch})"), "DeadlockDetected", "deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process 4{n}1.\nProcess 4{n}1 waits for ShareLock on transaction 7{id}; blocked by process {pid}.\nHINT:  See server log for query details.\nCONTEXT:  while updating tuple (1{n},4) in relation \"stock\"", "UPDATE stock SET reserved = reserved + o.qty FROM order_lines o WHERE o.order_id = ANY(%(order_ids)s) AND stock.sku = o.sku"),
        (see("sentry.error", 2), see("splunk", **SPLQOWN), see("splunk", **SPLQ), see("datadog.log", 2, **JOBLOG)),
        classes=(8,), pair="jp-stock-lock-timeout", entry="seedshop.jobs.stock.reserve_for_orders"),
    # The same Jinja UndefinedError in the invoice job and in the packing slip page.
    Bug("jp-invoice-vat-undefined", "seedshop-rq", undefined(job("invoices", "render_invoice", 44, 'html = render_template("pdf/invoice.html", order=order, trader=trader)'), "pdf.invoice", 18, "<p>VAT no. {{ trader.vat_number }}</p>"),
        (see("sentry.error", 3), see("splunk", 2, **SPLQ, cut=12), see("datadog.apm", **APMQ)),
        classes=(4,), pair="jp-slip-vat-undefined", entry="seedshop.jobs.invoices.render_invoice"),
    Bug("jp-slip-vat-undefined", "seedshop-api", undefined(view("admin.orders", "packing_slip", 39, 'return render_template("admin/packing_slip.html", order=order, trader=trader)'), "admin.packing_slip", 11, "<small>{{ trader.name }} &middot; VAT {{ trader.vat_number }}</small>"),
        (see("sentry.error", 2), see("splunk", **SPL, kind="flask"), see("datadog.log", **WEBLOG)),
        classes=(4,), pair="jp-invoice-vat-undefined", entry="GET /admin/orders/{id}/slip"),
    # A CSV export that outruns gunicorn's 30s timeout: SystemExit in the worker.
    Bug("jp-export-worker-timeout", "seedshop-api", (Exc("SystemExit", "1", (*GUNICORN, FLASK[0], *FLASK[2:], LOGIN, py("seedshop.api.admin.exports", "orders_csv", 27, "rows = [order_row(o) for o in Order.query.filter(Order.placed_at >= since)]"), pylib("sqlalchemy.orm.loading", "chunks", 211, "fetch = cursor._raw_all_rows()"), pylib("gunicorn.workers.base", "handle_abort", 204, "sys.exit(1)")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **SPL, kind="gunicorn", source="/var/log/seedshop/gunicorn-error.log")),
        classes=(6,), entry="GET /admin/exports/orders.csv"),
    # RQ's death penalty on the catalogue import.
    Bug("jp-import-job-timeout", "seedshop-rq", (Exc("JobTimeoutException", "Task exceeded maximum timeout value (900 seconds)", (*job("catalogue", "import_supplier_feed", 71, "for row in csv.DictReader(stream):"), pylib("rq.timeouts", "handle_death_penalty", 63, "raise self._exception('Task exceeded maximum timeout value ({0} seconds)'.format(self._timeout))")), module="rq.timeouts"),),
        (see("sentry.error", 2), see("splunk", **SPLQ), see("splunk", **SPLQOWN), see("datadog.apm", **APMQ)),
        classes=(6,), entry="seedshop.jobs.catalogue.import_supplier_feed"),
    # Stripe rejecting a retried checkout's idempotency key, over three releases.
    Bug("jp-stripe-idempotency", "seedshop-api", (Exc("IdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'checkout-{uuid}' if you meant to execute a different request.", (*view("checkout", "create_payment", 131, "intent = stripe.PaymentIntent.create(amount=total, currency=\"gbp\", idempotency_key=key)"), pylib("stripe._api_requestor", "_interpret_response", 765, "self.handle_error_response(rbody, rcode, resp.data, rheaders)")), module="stripe._error"),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", **SPL, kind="flask"), see("datadog.apm", **APM)),
        classes=(5,), entry="POST /api/checkout/payment", span=3, renames={"create_payment": "start_payment"}),
    # The API cannot enqueue: Redis refused.
    Bug("jp-enqueue-redis-refused", "seedshop-api", (Exc("ConnectionError", "Error 111 connecting to redis-queue.internal:6379. Connection refused.", (*view("checkout", "place_order", 118, "q.enqueue(\"seedshop.jobs.dispatch.book_collection\", order.id)"), pylib("rq.queue", "enqueue_call", 742, "job = self.enqueue_job(job, pipeline=pipeline, at_front=at_front)"), pylib("redis.connection", "connect", 369, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **SPL, kind="flask", cut=7), see("datadog.log", **WEBLOG)),
        classes=(10,), entry="POST /api/checkout"),
    # Plant photos missing from S3 in the thumbnail job.
    Bug("jp-thumb-nosuchkey", "seedshop-rq", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", (*job("images", "make_thumbnails", 23, "obj = s3.get_object(Bucket=BUCKET, Key=f\"varieties/{variety_id}/hero.jpg\")"), pylib("botocore.client", "_api_call", 565, "return self._make_api_call(operation_name, kwargs)"), pylib("botocore.client", "_make_api_call", 1021, "raise error_class(parsed_response, operation_name)")), module="botocore.errorfactory"),),
        (see("sentry.error", 2), see("splunk", 2, **SPLQ), see("datadog.log", **JOBLOG)),
        classes=(1,), entry="seedshop.jobs.images.make_thumbnails"),
    # A courier webhook posting an empty body.
    Bug("jp-courier-hook-json", "seedshop-api", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*view("hooks", "courier_status", 19, "event = json.loads(request.get_data())", login=False), pylib("json", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "decode", 337, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"), pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 2), see("splunk", 2, **SPL, kind="flask", cut=6), see("datadog.log", **WEBLOG)),
        classes=(1,), entry="POST /hooks/courier"),
    # The dispatch email reading an order's lines after the session closed.
    Bug("jp-dispatch-detached", "seedshop-rq", (Exc("DetachedInstanceError", "Parent instance <Order at 0x7f{hex}> is not bound to a Session; lazy load operation of attribute 'lines' cannot proceed (Background on this error at: https://sqlalche.me/e/20/bhk3)", (*job("dispatch", "send_dispatch_email", 67, "items = [f\"{l.qty} x {l.variety.name}\" for l in order.lines]"), pylib("sqlalchemy.orm.attributes", "__get__", 566, "return self.impl.get(state, dict_)  # type: ignore[no-any-return]"), pylib("sqlalchemy.orm.strategies", "_load_for_state", 862, "raise orm_exc.DetachedInstanceError(")), module="sqlalchemy.orm.exc"),),
        (see("sentry.error", 3), see("splunk", **SPLQ), see("datadog.apm", **APMQ), see("datadog.log", **JOBLOG)),
        classes=(1,), entry="seedshop.jobs.dispatch.send_dispatch_email"),
    # Flask-Login's user loader given the string 'None' from an old remember-me cookie.
    Bug("jp-user-loader-none", "seedshop-api", (Exc("ValueError", "invalid literal for int() with base 10: 'None'", (*FLASK, pylib("flask_login.utils", "decorated_view", 284, "elif not current_user.is_authenticated:"), pylib("werkzeug.local", "__get__", 316, "obj = instance._get_current_object()"), pylib("flask_login.login_manager", "_load_user", 364, "user = self._load_user_from_remember_cookie(cookie)"), pylib("flask_login.login_manager", "_load_user_from_remember_cookie", 411, "user = self._user_callback(user_id)"), lib("auth", "load_user", 17, "return db.session.get(Customer, int(user_id))"))),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", **SPL, kind="flask"), see("datadog.apm", **APM)),
        classes=(4,), entry="GET /api/account"),
    # The SMTP relay refusing a recipient: logged, no trace, and Sentry from the logging integration.
    Bug("jp-reminder-smtp-refused", "seedshop-rq", (Exc("SMTPRecipientsRefused", "{'{email}': (550, b'5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table')}", (*job("reminders", "send_sowing_reminders", 49, "smtp.send_message(msg)"), pylib("smtplib", "send_message", 986, "return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,"), pylib("smtplib", "sendmail", 901, "raise SMTPRecipientsRefused(senderrs)")), module="smtplib"),),
        (see("sentry.error", 2, mechanism="logging"), see("splunk", 2, **SPL, kind="noexc"), see("datadog.log", **{**JOBLOG, "kind": "noexc"})),
        classes=(2,), log="Sowing reminder not sent", logger="seedshop.jobs.reminders", handled=True, entry="seedshop.jobs.reminders.send_sowing_reminders"),
    # VAT rounding on a basket with a free packet, over two releases.
    Bug("jp-vat-quantize", "seedshop-api", (Exc("InvalidOperation", "[<class 'decimal.InvalidOperation'>]", (*view("basket", "totals", 93, "vat = pricing.vat_for(lines)"), lib("pricing", "vat_for", 22, "return (net * rate / gross).quantize(PENNY, ROUND_HALF_UP)")), module="decimal"),),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.apm", **APM), see("datadog.log", **WEBLOG)),
        classes=(5,), entry="GET /api/basket", span=2),
    # Once: a label printer's name with a curly apostrophe.
    Bug("jp-singleton-latin1", "seedshop-rq", (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u2019' in position 14: ordinal not in range(256)", (*job("labels", "print_label", 38, "sock.sendall(zpl.encode(\"latin-1\"))"),), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="seedshop.jobs.labels.print_label"),
]

NOISE = [
    Noise("jp-noise-deploy", "seedshop-api", "datadog.event", {"monitor": "Deploy", "text": "seedshop-api 2026.3.2 deployed to shop-vm-01, shop-vm-02 (gunicorn reloaded, 8 workers).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("jp-noise-recovered", "seedshop-rq", "datadog.log", {"monitor": "[seedshop-rq] job failures", "text": "Recovered: no failed jobs logged on seedshop-rq in the last 30 minutes.", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": 'service:seedshop-rq "exception raised while executing"'}),
    Noise("jp-noise-rq-clean", "seedshop-rq", "splunk", {"search": "seedshop-rq - failed jobs", "owner": "oc_ops", "app": "seedshop", "line": "{hms} Cleaning registries for queue: default"}),
]

OAKENCLOUGH = Company(
    key="jp",
    name="Oakenclough Seeds",
    domain="oakenclough-seeds.example",
    sentry_org="oakenclough",
    splunk_url="https://oakenclough.splunkcloud.com",
    splunk_guid="9C41E2B7-5D08-4A6F-8B3C-1E7F2A90D4C6",
    datadog_org=("931101", "Oakenclough Seeds"),
    datadog_template="recommended",
    posthog_project=(91101, "Seedshop API"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="oakenclough-sentry-client-secret",
)
# fmt: on
