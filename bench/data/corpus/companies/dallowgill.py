"""(nb) Dallowgill Plant Hire, tool and plant hire from depots in the Dales: ``hire-web``, a
Flask 3 app (Flask-SQLAlchemy over psycopg 3 on RDS Postgres, requests to Stripe and a
telematics API, Jinja delivery notes) under Gunicorn on an AWS Elastic Beanstalk web
environment, and ``hire-worker``, the same code base on an Elastic Beanstalk worker
environment (sqsd POSTs each SQS message to a Flask route).

Logs: the web environment's ``/var/log/web.stdout.log`` (rsyslog's prefix on every line: Flask's
``ERROR in app: Exception on /path [POST]``, the traceback line by line, Gunicorn's own lines),
streamed by the CloudWatch agent with no multi-line rule, so each line is one CloudWatch
event; the worker's own log file streamed whole (a ``multi_line_start_pattern``). Splunk: the
Splunk Add-on for AWS (``aws:cloudwatchlogs``), one saved search on Flask's head lines over all
routes, one on the exception lines. Datadog: the Forwarder Lambda (a log monitor pasting the
line, one over the worker's records) and APM by type (dd-trace-py). Sentry: sentry-python with
the Flask integration. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib, sqlalchemy_integrity

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "hire-web": Service("hire-web", "python", "nb-eb-cw", "aws:cloudwatchlogs", "eu-west-2:/aws/elasticbeanstalk/hire-web-prod/var/log/web.stdout.log", "aws_eb", 12110011, "CPython 3.12.6", framework="flask"),
    "hire-worker": Service("hire-worker", "python", "nb-eb-tasks", "aws:cloudwatchlogs", "eu-west-2:/aws/elasticbeanstalk/hire-worker-prod/var/log/hire/tasks.log", "aws_eb", 12110012, "CPython 3.12.6", framework="flask"),
}

FLASK = (
    pylib("flask.app", "wsgi_app", 1511, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 919, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 917, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 902, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)"),
)
REQUESTS_TIMEOUT = (
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.api", "request", 59, "return session.request(method=method, url=url, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
BOTO_GET = (
    pylib("botocore.client", "_api_call", 569, "return self._make_api_call(operation_name, kwargs)"),
    pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)"),
)
STRPTIME = (
    pylib("_strptime", "_strptime_datetime", 554, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"),
    pylib("_strptime", "_strptime", 333, "raise ValueError(\"time data %r does not match format %r\" %"),
)


def h(module: str, function: str, line: int, context: str = "") -> Frame:
    return py(f"hire.{module}", function, line, context)


PARSE_DATE = h("utils.dates", "parse_hire_date", 18, 'return datetime.strptime(value, "%d/%m/%Y").date()')
RATE_FOR = h("pricing.rates", "rate_for", 44, "daily = (weekly / Decimal(days)).quantize(PENCE)")

HEAD = dict(search="dallowgill - hire-web Flask 500s (web.stdout.log)", owner="nb_ops", app="aws", part="head")
EXC = dict(search="dallowgill - hire-web exception lines (web.stdout.log)", owner="nb_ops", app="aws", part="exc")
FRAME = dict(EXC, part="app-frame")
TASKS = dict(search="dallowgill - hire-worker task failures", owner="nb_ops", app="aws")
DD_LINE = dict(team="hire", monitor="[hire-web] errors in web.stdout.log", format="nb-eb-fwd", filter="source:elasticbeanstalk service:hire-web (\"ERROR in\" OR Error OR Exception OR Violation)", text="hire-web is logging errors. Matched line:\n\n```\n{{log.message}}\n```", sample_lines=1)
DD_EXC = dict(DD_LINE, part="exc")
DD_TASKS = dict(team="hire", monitor="[hire-worker] task errors", format="nb-eb-tasks", filter="source:elasticbeanstalk service:hire-worker status:error", text="A hire-worker task failed:\n\n```\n{{log.message}}\n```", sample_lines=1)
APM = dict(team="hire", style="type", monitor="hire-web error spans by type")
UNHANDLED = "Exception on {path} [POST]"

BUGS = [
    # Unique violations on two tables, two routes.
    Bug("nb-asset-serial-dup", "hire-web", sqlalchemy_integrity((*FLASK, h("views.assets", "create_asset", 61, "db.session.commit()")), "assets_serial_no_key", "Key (serial_no)=(HX-{id}) already exists.", "INSERT INTO assets (serial_no, depot_id, category, purchased_on) VALUES (%(serial_no)s::VARCHAR, %(depot_id)s::INTEGER, %(category)s::VARCHAR, %(purchased_on)s::DATE) RETURNING assets.id"),
        (see("sentry.error", 3), see("splunk", **HEAD), see("splunk", **EXC), see("datadog.log", **DD_EXC), see("datadog.apm", **APM)),
        classes=(1, 4), pair="nb-customer-email-dup", entry="POST /api/assets", log=UNHANDLED, logger="app"),
    Bug("nb-customer-email-dup", "hire-web", sqlalchemy_integrity((*FLASK, h("views.customers", "register", 38, "db.session.commit()")), "customers_email_key", "Key (email)=({email}) already exists.", "INSERT INTO customers (email, name, phone, account_type) VALUES (%(email)s::VARCHAR, %(name)s::VARCHAR, %(phone)s::VARCHAR, %(account_type)s::VARCHAR) RETURNING customers.id"),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **EXC), see("splunk", **HEAD), see("datadog.log", **DD_EXC), see("datadog.apm", **APM)),
        classes=(1, 4, 5), pair="nb-asset-serial-dup", entry="POST /api/customers", log=UNHANDLED, logger="app", span=3),
    # The same KeyError in two views.
    Bug("nb-quote-depot-key", "hire-web", (Exc("KeyError", "'depot_id'", (*FLASK, h("views.quotes", "create_quote", 29, 'depot = Depot.query.get_or_404(payload["depot_id"])'))),),
        (see("sentry.error", 3), see("splunk", **HEAD), see("splunk", **FRAME), see("datadog.log", **DD_EXC), see("datadog.log", **DD_LINE)),
        classes=(1, 4), pair="nb-delivery-depot-key", entry="POST /api/quotes", log=UNHANDLED, logger="app"),
    Bug("nb-delivery-depot-key", "hire-web", (Exc("KeyError", "'depot_id'", (*FLASK, h("views.deliveries", "schedule_delivery", 47, 'slots = Slot.free_for(payload["depot_id"], when)'))),),
        (see("sentry.error", 2), see("splunk", **FRAME), see("splunk", **HEAD), see("datadog.log", **DD_LINE)),
        classes=(1, 4), pair="nb-quote-depot-key", entry="POST /api/deliveries", log=UNHANDLED, logger="app"),
    # One pricing function, two exceptions.
    Bug("nb-rate-zero-days", "hire-web", (Exc("ZeroDivisionError", "division by zero", (*FLASK, h("views.quotes", "reprice", 74, "line.total = rate_for(line.asset, line.days)"), RATE_FOR), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **EXC), see("datadog.log", **DD_EXC), see("datadog.apm", **APM)),
        classes=(1, 2), pair="nb-rate-invalid-decimal", entry="PUT /api/quotes/{id}/lines", log=UNHANDLED.replace("POST", "PUT"), logger="app"),
    Bug("nb-rate-invalid-decimal", "hire-web", (Exc("InvalidOperation", "[<class 'decimal.InvalidOperation'>]", (*FLASK, h("views.quotes", "reprice", 74, "line.total = rate_for(line.asset, line.days)"), RATE_FOR), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 2, **EXC), see("datadog.log", **DD_EXC)),
        classes=(1, 2), pair="nb-rate-zero-days", entry="PUT /api/quotes/{id}/lines", log=UNHANDLED.replace("POST", "PUT"), logger="app"),
    # One date helper under two callers.
    Bug("nb-extend-date-format", "hire-web", (Exc("ValueError", "time data '{date}T09:00' does not match format '%d/%m/%Y'", (*FLASK, h("views.bookings", "extend_booking", 92, 'new_end = parse_hire_date(request.form["end"])'), PARSE_DATE, *STRPTIME), module="builtins"),),
        (see("sentry.error", 3), see("splunk", **EXC), see("splunk", **HEAD), see("datadog.log", **DD_EXC)),
        classes=(1, 9), pair="nb-credit-note-date-format", entry="POST /bookings/{id}/extend", log=UNHANDLED, logger="app"),
    Bug("nb-credit-note-date-format", "hire-web", (Exc("ValueError", "time data '{date}T09:00' does not match format '%d/%m/%Y'", (*FLASK, h("views.invoices", "credit_note", 55, 'returned = parse_hire_date(request.form["returned_on"])'), PARSE_DATE, *STRPTIME), module="builtins"),),
        (see("sentry.error", 2), see("splunk", **HEAD), see("splunk", **EXC), see("datadog.log", **DD_LINE)),
        classes=(1, 9), pair="nb-extend-date-format", entry="POST /invoices/{id}/credit-note", log=UNHANDLED, logger="app"),
    # Read timeouts to two hosts through requests.
    Bug("nb-stripe-timeout", "hire-web", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.stripe.com', port=443): Read timed out. (read timeout=10)", (*FLASK, h("views.checkout", "take_deposit", 33, "intent = payments.create_intent(booking)"), h("payments.stripe_client", "create_intent", 21, 'resp = requests.post(f"{BASE}/payment_intents", data=body, auth=AUTH, timeout=10)'), *REQUESTS_TIMEOUT), module="requests.exceptions"),),
        (see("sentry.error", 3), see("splunk", **EXC), see("datadog.log", 2, **DD_EXC), see("datadog.apm", **APM)),
        classes=(1, 9), pair="nb-telematics-timeout", entry="POST /api/checkout/{id}/deposit", log=UNHANDLED, logger="app"),
    Bug("nb-telematics-timeout", "hire-web", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.trackunit.example', port=443): Read timed out. (read timeout=10)", (*FLASK, h("views.assets", "asset_location", 88, "fix = telematics.last_fix(asset.unit_id)"), h("telematics.client", "last_fix", 40, 'resp = requests.post(f"{BASE}/units/query", json={"ids": [unit_id]}, timeout=10)'), *REQUESTS_TIMEOUT), module="requests.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **EXC), see("datadog.log", **DD_EXC)),
        classes=(1, 9), pair="nb-stripe-timeout", entry="GET /api/assets/{id}/location", log="Exception on {path} [GET]", logger="app"),
    # Worker: S3 NoSuchKey in two tasks.
    Bug("nb-task-invoice-attachment", "hire-worker", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", (h("tasks.invoices", "email_invoice", 52, 'pdf = s3.get_object(Bucket=BUCKET, Key=f"invoices/{invoice.number}.pdf")'), *BOTO_GET), module="botocore.errorfactory"),),
        (see("sentry.error", 3), see("splunk", 2, **TASKS), see("datadog.log", **DD_TASKS)),
        classes=(1, 4), pair="nb-task-delivery-photo", entry="POST /tasks/email-invoice", log="Task email_invoice failed for message {uuid}", logger="hire.tasks"),
    Bug("nb-task-delivery-photo", "hire-worker", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", (h("tasks.deliveries", "attach_pod_photo", 31, 'photo = s3.get_object(Bucket=BUCKET, Key=f"pod/{delivery.id}/{name}")'), *BOTO_GET), module="botocore.errorfactory"),),
        (see("sentry.error", 2), see("splunk", **TASKS), see("datadog.log", 2, **DD_TASKS)),
        classes=(1, 4), pair="nb-task-invoice-attachment", entry="POST /tasks/attach-pod-photo", log="Task attach_pod_photo failed for message {uuid}", logger="hire.tasks"),
    # Not paired.
    Bug("nb-delivery-note-undefined", "hire-web", (Exc("UndefinedError", "'None' has no attribute 'postcode'", (*FLASK, h("views.deliveries", "delivery_note", 120, 'return render_template("deliveries/note.html", delivery=delivery)'), pylib("flask.templating", "render_template", 150, "return _render(app, template, context)"), pylib("jinja2.environment", "render", 1304, "self.environment.handle_exception()"), Frame("top-level template code", "hire/templates/deliveries/note.html", 14, "", True, "{{ delivery.site.postcode }}")), module="jinja2.exceptions"),),
        (see("sentry.error", 3), see("splunk", **HEAD), see("splunk", **EXC), see("datadog.log", **DD_EXC)),
        classes=(1,), entry="GET /deliveries/{id}/note", log="Exception on {path} [GET]", logger="app"),
    Bug("nb-price-list-unicode", "hire-worker", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0x{idx}3 in position {n}: invalid continuation byte", (h("tasks.imports", "import_price_list", 27, "rows = list(csv.DictReader(io.StringIO(body.decode())))"),), module="builtins"),),
        (see("sentry.error", 2), see("splunk", **TASKS), see("datadog.log", **DD_TASKS)),
        classes=(1,), entry="POST /tasks/import-price-list", log="Task import_price_list failed for message {uuid}", logger="hire.tasks"),
    Bug("nb-report-worker-timeout", "hire-web", (),
        (see("splunk", 2, search="dallowgill - gunicorn worker timeouts", owner="nb_ops", app="aws", part="timeout"), see("splunk", search="dallowgill - gunicorn worker timeouts", owner="nb_ops", app="aws", part="sigkill"), see("datadog.log", monitor="[hire-web] gunicorn worker timeouts", team="hire", format="nb-eb-fwd", part="timeout", filter='service:hire-web "WORKER TIMEOUT"', text="Gunicorn killed a worker:\n\n```\n{{log.message}}\n```", sample_lines=1)),
        entry="GET /reports/utilisation.xlsx"),
    Bug("nb-singleton-ssl-eof", "hire-web", (Exc("OperationalError", "(psycopg.OperationalError) consuming input failed: SSL SYSCALL error: EOF detected\n(Background on this error at: https://sqlalche.me/e/20/e3q8)", (*FLASK, h("views.depots", "depot_stock", 22, "items = StockItem.query.filter_by(depot_id=depot_id).all()")), module="sqlalchemy.exc"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/depots/{id}/stock"),
]

NOISE = [
    Noise("nb-noise-gunicorn-boot", "hire-web", "splunk", {**HEAD, "part": "boot"}),
    Noise("nb-noise-dd-recovered", "hire-web", "datadog.log", {"monitor": "[hire-web] errors in web.stdout.log", "transition": "Recovered", "alert_type": "success", "team": "hire", "filter": "source:elasticbeanstalk service:hire-web", "text": "Recovered: hire-web error lines back under the threshold."}),
    Noise("nb-noise-sentry-resolved", "hire-web", "sentry.metric", {"rule": "hire-web errors", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

DALLOWGILL = Company(
    key="nb",
    name="Dallowgill Plant Hire",
    domain="dallowgill.example",
    sentry_org="dallowgill-plant-hire",
    splunk_url="https://dallowgill.splunkcloud.example",
    splunk_guid="3C1E7A52-9B04-4F6D-8E21-6D0B5A9F7C13",
    datadog_org=("1211001", "Dallowgill Plant Hire"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dallowgill-sentry-client-secret",
)
# fmt: on
