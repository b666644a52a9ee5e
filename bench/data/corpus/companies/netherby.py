"""(gb) Netherby Seed Library, a seed-swap and allotment-plot site: a Flask 3 app on Gunicorn
21 (``netherby-web``: Flask-SQLAlchemy over Postgres, requests to a postcode API) and RQ 1.16
workers (``netherby-rq``: label printing, weekly digests, stock sync) on Redis.

Splunk indexes the containers' stderr (``gb-flask-rq``): Flask's default handler under
Gunicorn, ``[<time>] ERROR in app: Exception on <path> [<VERB>]`` over the traceback, and RQ's
own ``<HH:MM:SS> [Job <id>]: exception raised while executing (<func>)`` over the traceback
(one worker pool with a formatter that keeps only the last line). Sentry: sentry-sdk's Flask
and RQ integrations. PostHog: posthog-python's exception capture in the web app. Datadog: APM
monitors only.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import py, pylib

# fmt: off
SERVICES = {
    "netherby-web": Service("netherby-web", "python", "gb-flask-rq", "docker:gunicorn", "/var/log/containers/netherby-web.log", "gb_app", 7730112, "CPython 3.11.9", framework="flask"),
    "netherby-rq": Service("netherby-rq", "python", "gb-flask-rq", "docker:rq", "/var/log/containers/netherby-rq.log", "gb_app", 7730113, "CPython 3.11.9", framework="rq"),
}
FLASK = (
    pylib("flask.app", "wsgi_app", 1484, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 919, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 917, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 902, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)
RQ = (
    pylib("rq.worker", "perform_job", 1428, "rv = job.perform()"),
    pylib("rq.job", "perform", 1278, "self._result = self._execute()"),
    pylib("rq.job", "_execute", 1315, "result = self.func(*self.args, **self.kwargs)"),
)
SA = (
    pylib("sqlalchemy.orm.session", "commit", 1969, "trans.commit(_to_root=True)"),
    pylib("sqlalchemy.orm.session", "_flush", 4330, "flush_context.execute()"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
)
REQ = (
    pylib("requests.api", "get", 73, 'return request("get", url, params=params, **kwargs)'),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 532, "raise ReadTimeout(e, request=request)"),
)


def view(mod: str, fn: str, line: int, ctx: str) -> tuple:
    return (*FLASK, py(f"netherby.views.{mod}", fn, line, ctx))


def task(mod: str, fn: str, line: int, ctx: str) -> tuple:
    return (*RQ, py(f"netherby.tasks.{mod}", fn, line, ctx))


def lib(mod: str, fn: str, line: int, ctx: str) -> object:
    return py(f"netherby.{mod}", fn, line, ctx)


WEB = {"search": "netherby errors", "app": "netherby", "kind": "flask"}
JOB = {"search": "netherby errors", "app": "netherby", "kind": "rq"}
JOBSHORT = {"search": "netherby errors", "app": "netherby", "kind": "rqshort"}
APM = dict(team="seeds", monitor="[netherby] flask.request errors", style="type")
APMQ = dict(team="seeds", monitor="[netherby] rq.job errors", style="type")

BUGS = [
    Bug("gb-swap-none-packet", "netherby-web", (Exc("AttributeError", "'NoneType' object has no attribute 'variety'", (*view("swaps", "create_swap", 44, "offer = packet.variety.name"),)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gb-label-none-packet", entry="POST /swaps", span=2),
    Bug("gb-label-none-packet", "netherby-rq", (Exc("AttributeError", "'NoneType' object has no attribute 'variety'", (*task("labels", "print_packet_label", 23, "title = packet.variety.name.upper()"),)),),
        (see("sentry.error", 2), see("splunk", 3, **JOB), see("datadog.apm", **APMQ)),
        classes=(4,), pair="gb-swap-none-packet", entry="netherby.tasks.labels.print_packet_label"),
    Bug("gb-plot-dup", "netherby-web", (Exc("UniqueViolation", 'duplicate key value violates unique constraint "plot_tenancies_plot_id_year_key"\nDETAIL:  Key (plot_id, year)=({id}, 2026) already exists.', (*view("plots", "assign_plot", 61, "db.session.commit()"), *SA), module="psycopg2.errors"),
         Exc("IntegrityError", '(psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "plot_tenancies_plot_id_year_key"\nDETAIL:  Key (plot_id, year)=({id}, 2026) already exists.\n\n[SQL: INSERT INTO plot_tenancies (plot_id, member_id, year) VALUES (%(plot_id)s, %(member_id)s, %(year)s) RETURNING plot_tenancies.id]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)', (*view("plots", "assign_plot", 61, "db.session.commit()"), *SA), module="sqlalchemy.exc")),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("posthog", 1)),
        classes=(1, 2, 4), pair="gb-member-dup", entry="POST /plots/{id}/assign"),
    Bug("gb-member-dup", "netherby-web", (Exc("UniqueViolation", 'duplicate key value violates unique constraint "members_email_key"\nDETAIL:  Key (email)=({email}) already exists.', (*view("members", "register", 33, "db.session.commit()"), *SA), module="psycopg2.errors"),
         Exc("IntegrityError", '(psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "members_email_key"\nDETAIL:  Key (email)=({email}) already exists.\n\n[SQL: INSERT INTO members (email, name) VALUES (%(email)s, %(name)s) RETURNING members.id]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)', (*view("members", "register", 33, "db.session.commit()"), *SA), module="sqlalchemy.exc")),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(1, 2, 4), pair="gb-plot-dup", entry="POST /register"),
    Bug("gb-postcode-timeout", "netherby-web", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.postcodes.example', port=443): Read timed out. (read timeout=5)", (*view("plots", "nearby", 18, "loc = geo.lookup(postcode)"), lib("geo", "lookup", 12, "resp = requests.get(f\"{BASE}/postcodes/{pc}\", timeout=5)"), *REQ), module="requests.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(10,), pair="gb-digest-postcode-timeout", entry="GET /plots/nearby"),
    Bug("gb-digest-postcode-timeout", "netherby-rq", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.postcodes.example', port=443): Read timed out. (read timeout=5)", (*task("digest", "send_weekly_digest", 40, "area = geo.lookup(member.postcode)"), lib("geo", "lookup", 12, "resp = requests.get(f\"{BASE}/postcodes/{pc}\", timeout=5)"), *REQ), module="requests.exceptions"),),
        (see("sentry.error", 2), see("splunk", 3, **JOB)),
        classes=(10,), pair="gb-postcode-timeout", entry="netherby.tasks.digest.send_weekly_digest"),
    Bug("gb-stock-keyerror", "netherby-rq", (Exc("KeyError", "'germination_rate'", (*task("stock", "sync_catalogue", 57, "rate = row[\"germination_rate\"]"),)),),
        (see("sentry.error", 3), see("splunk", 2, **JOB), see("splunk", 2, **JOBSHORT), see("datadog.apm", **APMQ)),
        classes=(4, 8), pair="gb-stock-valueerror", entry="netherby.tasks.stock.sync_catalogue", span=2, renames={"sync_catalogue": "sync_supplier_catalogue"}),
    Bug("gb-stock-valueerror", "netherby-rq", (Exc("ValueError", "could not convert string to float: '{n}%'", (*task("stock", "sync_catalogue", 59, "rate = float(row[\"germination_rate\"])"),)),),
        (see("sentry.error", 2), see("splunk", 2, **JOB), see("datadog.apm", **APMQ)),
        classes=(4,), pair="gb-stock-keyerror", entry="netherby.tasks.stock.sync_catalogue"),
    Bug("gb-job-timeout", "netherby-rq", (Exc("JobTimeoutException", "Task exceeded maximum timeout value (180 seconds)", (*task("labels", "render_sheet", 71, "pdf = weasyprint.HTML(string=html).write_pdf()"), pylib("weasyprint.layout", "layout_document", 118, "pages = list(make_all_pages(context, root_box, html, pages))"), pylib("rq.timeouts", "handle_death_penalty", 63, "raise self._exception('Task exceeded maximum timeout value ({0} seconds)'.format(self._timeout))")), module="rq.timeouts"),),
        (see("sentry.error", 3), see("splunk", 3, **JOB), see("datadog.apm", **APMQ)),
        classes=(6,), entry="netherby.tasks.labels.render_sheet"),
    Bug("gb-template-undefined", "netherby-web", (Exc("UndefinedError", "'netherby.models.Variety object' has no attribute 'sowing_months'", (*view("catalogue", "variety_detail", 29, "return render_template(\"variety.html\", variety=v)"), pylib("flask.templating", "render_template", 150, "return _render(app, template, context)"), pylib("jinja2.environment", "render", 1301, "self.environment.handle_exception()"), py("templates.variety", "top-level template code", 14, "<p>Sow: {{ variety.sowing_months|join(', ') }}</p>", lib=True)), module="jinja2.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("posthog", 1)),
        classes=(4,), entry="GET /catalogue/{id}"),
    Bug("gb-redis-conn", "netherby-rq", (Exc("ConnectionError", "Error 111 connecting to redis.netherby.internal:6379. Connection refused.", (*task("labels", "print_packet_label", 31, "cache.set(key, png, ex=3600)"), pylib("redis.commands.core", "set", 2333, "return self.execute_command(\"SET\", *pieces, **options)"), pylib("redis.connection", "connect", 357, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **JOBSHORT)),
        classes=(10,), entry="netherby.tasks.labels.print_packet_label"),
    Bug("gb-yield-zero-area", "netherby-web", (Exc("ZeroDivisionError", "division by zero", (*view("harvest", "yield_report", 52, "per_m2 = total_g / plot.area_m2"),)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4,), entry="GET /harvest/{id}/report"),
    Bug("gb-export-unicode", "netherby-web", (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u0142' in position {n}: ordinal not in range(256)", (*view("reports", "export_members", 37, "buf.write(line.encode(\"latin-1\"))"),)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("posthog", 1)),
        classes=(4,), pair="gb-export-permission", entry="GET /admin/reports/members.csv"),
    Bug("gb-export-permission", "netherby-web", (Exc("PermissionError", "[Errno 13] Permission denied: '/srv/exports/members-{week}.csv'", (*view("reports", "export_members", 44, "with open(path, \"wb\") as fh:"),)),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="gb-export-unicode", entry="GET /admin/reports/members.csv"),
    Bug("gb-weather-singleton", "netherby-rq", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*task("frost", "frost_alerts", 19, "data = resp.json()"), pylib("requests.models", "json", 978, "raise RequestsJSONDecodeError(e.msg, e.doc, e.pos)")), module="requests.exceptions"),),
        (see("sentry.error"),),
        singleton=True, entry="netherby.tasks.frost.frost_alerts"),
]

NOISE = [
    Noise("gb-noise-gunicorn", "netherby-web", "splunk", {"search": "netherby errors", "line": "[{gts} +0000] [1] [INFO] Starting gunicorn 21.2.0\n[{gts} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)\n[{gts} +0000] [1] [INFO] Using worker: sync"}),
    Noise("gb-noise-rq", "netherby-rq", "splunk", {"search": "netherby errors", "line": "{hms} Worker rq:worker:{hex} started with PID 1, version 1.16.2\n{hms} *** Listening on default, labels..."}),
    Noise("gb-noise-deploy", "netherby-web", "datadog.event", {"monitor": "Deploy", "text": "netherby-web 2026.04.1 deployed.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

NETHERBY = Company(
    key="gb",
    name="Netherby Seed Library",
    domain="netherby-seeds.example",
    sentry_org="netherby",
    splunk_url="https://netherby.splunkcloud.com",
    splunk_guid="2C7D9E14-3F0A-4B86-9E51-7A2D4C6B8F03",
    datadog_org=("712005", "Netherby Seed Library"),
    datadog_template="recommended",
    posthog_project=(41870, "Netherby web"),
    releases=("2026.04.0", "2026.04.1", "2026.04.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="netherby-sentry-client-secret",
)
# fmt: on
