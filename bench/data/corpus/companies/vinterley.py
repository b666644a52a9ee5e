"""(hd) Vinterley Libraries, a county library service's catalogue and loans site: a Flask 3.0
app on gunicorn (``vinterley-web``: holds, renewals, fines, events, an ISBN lookup against a
bibliographic API; Flask-SQLAlchemy over Postgres with psycopg2) and RQ 1.16 workers
(``vinterley-rq``: auto-renewals, overdue notices, catalogue enrichment, loan exports to S3),
Python 3.11, on Kubernetes.

Logging is plain ``logging`` text: the web app on Flask's documented dictConfig format
(``hd-flask``: ``[%(asctime)s] %(levelname)s in %(module)s: %(message)s``, the app's own
``logger.exception`` or Flask's "Exception on <path> [<METHOD>]"), the workers on RQ's own
(``hd-rq``). The Datadog agent reads both; log monitors paste the first lines. Sentry:
sentry-sdk with the Flask and RQ integrations. PostHog: posthog-python's
``capture_exception`` in the web app. Datadog: APM monitors by error type, log monitors. No
Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "vinterley-web": Service("vinterley-web", "python", "hd-flask", "kube:container:web", "/var/log/containers/vinterley-web.log", "hd_lib", 8841203, "CPython 3.11.8", framework="flask"),
    "vinterley-rq": Service("vinterley-rq", "python", "hd-rq", "kube:container:rq", "/var/log/containers/vinterley-rq.log", "hd_lib", 8841204, "CPython 3.11.8", framework="rq"),
}
FLASK = (
    pylib("flask.app", "wsgi_app", 1463, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 872, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 870, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 855, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
    pylib("flask_login.utils", "decorated_view", 290, "return current_app.ensure_sync(func)(*args, **kwargs)"),
)
RQ = (
    pylib("rq.worker", "perform_job", 1431, "rv = job.perform()"),
    pylib("rq.job", "perform", 1280, "self._result = self._execute()"),
    pylib("rq.job", "_execute", 1317, "result = self.func(*self.args, **self.kwargs)"),
)
COMMIT = (
    pylib("sqlalchemy.orm.scoping", "commit", 597, "return self._proxied.commit()"),
    pylib("sqlalchemy.orm.session", "commit", 1969, "trans.commit(_to_root=True)"),
    pylib("sqlalchemy.orm.session", "_flush", 4330, "flush_context.execute()"),
    pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("),
    pylib("sqlalchemy.engine.default", "do_execute", 924, "cursor.execute(statement, parameters)"),
)
REQUESTS = (
    pylib("requests.api", "get", 73, 'return request("get", url, params=params, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)


def view(mod: str, fn: str, line: int, ctx: str) -> tuple[Frame, ...]:
    return (*FLASK, py(f"vinterley.views.{mod}", fn, line, ctx))


def job(mod: str, fn: str, line: int, ctx: str) -> tuple[Frame, ...]:
    return (*RQ, py(f"vinterley.jobs.{mod}", fn, line, ctx))


def lib(mod: str, fn: str, line: int, ctx: str) -> Frame:
    return py(f"vinterley.{mod}", fn, line, ctx)


def unique(frames: tuple[Frame, ...], constraint: str, key: str, table: str, cols: str) -> tuple[Exc, ...]:
    pg = f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  Key {key} already exists.'
    params = ", ".join(f"%({c})s" for c in cols.split(", "))
    return (
        Exc("UniqueViolation", pg, (*frames, *COMMIT), module="psycopg2.errors"),
        Exc("IntegrityError", f"(psycopg2.errors.UniqueViolation) {pg}\n\n[SQL: INSERT INTO {table} ({cols}) VALUES ({params}) RETURNING {table}.id]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)", (*frames, *COMMIT), module="sqlalchemy.exc"),
    )


ISBN = (
    lib("catalogue.isbn", "lookup", 22, "resp = requests.get(f\"{BIBLIO}/isbn/{isbn}.json\", timeout=4)"),
    *REQUESTS,
)


def isbn_timeout(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    read = "HTTPSConnectionPool(host='biblio.example.org', port=443): Read timed out. (read timeout=4)"
    return (
        Exc("ReadTimeoutError", read, (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"),
        Exc("ReadTimeout", read, (*frames, *ISBN), module="requests.exceptions"),
    )


APM = dict(team="libraries", monitor="[vinterley-web] flask.request errors by type", style="type")
APMQ = dict(team="libraries", monitor="[vinterley-rq] rq.job errors by type", style="type")
WEBLOG = dict(team="libraries", monitor="[vinterley-web] ERROR lines", filter="service:vinterley-web status:error", style="sample", sample_lines=7)
JOBLOG = dict(team="libraries", monitor="[vinterley-rq] job exceptions", filter='service:vinterley-rq "exception raised while executing"', style="sample", sample_lines=6)
NOEXC = {**WEBLOG, "kind": "noexc"}

BUGS = [
    # The same AttributeError on a hold's item: placing a hold, and the auto-renewal job.
    Bug("hd-hold-none-item", "vinterley-web", (Exc("AttributeError", "'NoneType' object has no attribute 'branch_id'", view("holds", "place_hold", 48, "pickup = item.branch_id if pickup is None else pickup")),),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.apm", **APM), see("datadog.log", **WEBLOG)),
        classes=(4,), pair="hd-renew-none-item", entry="POST /holds", span=2),
    Bug("hd-renew-none-item", "vinterley-rq", (Exc("AttributeError", "'NoneType' object has no attribute 'branch_id'", job("renewals", "auto_renew", 37, "if loan.item.branch_id in closed_branches:")),),
        (see("sentry.error", 2), see("datadog.apm", **APMQ), see("datadog.log", 2, **JOBLOG)),
        classes=(4,), pair="hd-hold-none-item", entry="vinterley.jobs.renewals.auto_renew"),
    # Unique violations on two tables.
    Bug("hd-patron-unique", "vinterley-web", unique(view("patrons", "register", 66, "db.session.commit()"), "patrons_card_number_key", "(card_number)=(2900{id})", "patrons", "card_number, email, home_branch_id"),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", 2, **WEBLOG)),
        classes=(4,), pair="hd-hold-unique", log="Patron registration failed", logger="vinterley.views.patrons", entry="POST /join"),
    Bug("hd-hold-unique", "vinterley-web", unique(view("holds", "place_hold", 57, "db.session.commit()"), "holds_item_id_patron_id_key", "(item_id, patron_id)=({id}, {user})", "holds", "item_id, patron_id, pickup_branch_id"),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="hd-patron-unique", entry="POST /holds"),
    # compute_fine: a missing policy key, and a policy value that is no number.
    Bug("hd-fine-keyerror", "vinterley-web", (Exc("KeyError", "'grace_days'", (*view("account", "fines", 31, "total = sum(compute_fine(loan, policy) for loan in overdue)"), lib("fines", "compute_fine", 18, "days = max(0, loan.days_overdue - policy[\"grace_days\"])"))),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEBLOG), see("datadog.apm", **APM)),
        classes=(4,), pair="hd-fine-decimal", entry="GET /account/fines"),
    Bug("hd-fine-decimal", "vinterley-web", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*view("account", "fines", 31, "total = sum(compute_fine(loan, policy) for loan in overdue)"), lib("fines", "compute_fine", 21, "rate = Decimal(policy[\"daily_rate\"])")), module="decimal"),),
        (see("sentry.error", 2), see("posthog", 1), see("datadog.log", **WEBLOG)),
        classes=(4,), pair="hd-fine-keyerror", entry="GET /account/fines", span=2),
    # One ISBN helper timing out under two callers: the lookup page and the enrichment job.
    Bug("hd-isbn-timeout-web", "vinterley-web", isbn_timeout(view("catalogue", "isbn_lookup", 24, "record = isbn.lookup(isbn_code)")),
        (see("sentry.error", 3), see("datadog.apm", 2, **APM), see("datadog.log", **NOEXC)),
        classes=(9,), pair="hd-isbn-timeout-job", log="ISBN lookup failed", logger="vinterley.views.catalogue", entry="GET /catalogue/isbn/{id}"),
    Bug("hd-isbn-timeout-job", "vinterley-rq", isbn_timeout(job("enrich", "enrich_records", 45, "data = isbn.lookup(rec.isbn)")),
        (see("sentry.error", 2), see("datadog.apm", **APMQ), see("datadog.log", 2, **JOBLOG)),
        classes=(9,), pair="hd-isbn-timeout-web", entry="vinterley.jobs.enrich.enrich_records"),
    # Two worker bugs under the one APM monitor: the SMTP relay drops, the disk fills.
    Bug("hd-overdue-smtp", "vinterley-rq", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", (*job("notices", "send_overdue_notices", 52, "smtp.send_message(msg)"), pylib("smtplib", "send_message", 986, "return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,"), pylib("smtplib", "getreply", 405, 'raise SMTPServerDisconnected("Connection unexpectedly closed")')), module="smtplib"),),
        (see("sentry.error", 3), see("datadog.apm", 2, **APMQ), see("datadog.log", **JOBLOG)),
        classes=(8,), pair="hd-export-nospace", entry="vinterley.jobs.notices.send_overdue_notices"),
    Bug("hd-export-nospace", "vinterley-rq", (Exc("OSError", "[Errno 28] No space left on device", (*job("exports", "export_loans_csv", 29, "writer.writerows(rows)"),)),),
        (see("sentry.error", 2), see("datadog.apm", 2, **APMQ)),
        classes=(8,), pair="hd-overdue-smtp", entry="vinterley.jobs.exports.export_loans_csv"),
    # An event date the form let through: all three tools.
    Bug("hd-event-date", "vinterley-web", (Exc("ValueError", "day is out of range for month", (*view("events", "create_event", 39, "starts = datetime(int(form.year.data), int(form.month.data), int(form.day.data), 18, 30)"),)),),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.log", **WEBLOG), see("datadog.apm", **APM)),
        classes=(5,), entry="POST /events/new", span=3, renames={"create_event": "new_event"}),
    # A Jinja template reading a removed attribute.
    Bug("hd-template-undefined", "vinterley-web", (Exc("UndefinedError", "'vinterley.models.Item object' has no attribute 'shelfmark'", (*view("catalogue", "item_detail", 52, "return render_template(\"catalogue/item.html\", item=item)"), pylib("flask.templating", "render_template", 150, "return _render(app, template, context)"), pylib("jinja2.environment", "render", 1304, "self.environment.handle_exception()"), py("templates.catalogue.item", "top-level template code", 21, "<dd>{{ item.shelfmark.upper() }}</dd>", lib=True)), module="jinja2.exceptions"),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEBLOG)),
        entry="GET /catalogue/items/{id}"),
    # RQ's death penalty on the nightly export.
    Bug("hd-job-timeout", "vinterley-rq", (Exc("JobTimeoutException", "Task exceeded maximum timeout value (600 seconds)", (*job("exports", "export_loans_csv", 24, "rows = [loan_row(l) for l in Loan.query.yield_per(500)]"), pylib("sqlalchemy.orm.loading", "instances", 220, "fetch = cursor._raw_all_rows()"), pylib("rq.timeouts", "handle_death_penalty", 63, "raise self._exception('Task exceeded maximum timeout value ({0} seconds)'.format(self._timeout))")), module="rq.timeouts"),),
        (see("sentry.error", 2), see("datadog.log", 2, **JOBLOG), see("datadog.apm", **APMQ)),
        classes=(6,), entry="vinterley.jobs.exports.export_loans_csv"),
    # The S3 upload of a report with a rotated key.
    Bug("hd-s3-denied", "vinterley-rq", (Exc("ClientError", "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied", (*job("exports", "upload_report", 61, "s3.upload_file(path, BUCKET, key)"), pylib("boto3.s3.transfer", "upload_file", 378, "raise S3UploadFailedError("), pylib("botocore.client", "_make_api_call", 1021, "raise error_class(parsed_response, operation_name)")), module="botocore.exceptions"),),
        (see("sentry.error", 3), see("datadog.log", **JOBLOG), see("datadog.apm", **APMQ)),
        entry="vinterley.jobs.exports.upload_report"),
    # Once: a recursive branch-hierarchy walk.
    Bug("hd-singleton-recursion", "vinterley-web", (Exc("RecursionError", "maximum recursion depth exceeded", (*view("branches", "tree", 14, "return jsonify(walk(root))"), *[lib("branches", "walk", 8, "return {\"id\": b.id, \"children\": [walk(c) for c in b.children]}")] * 4)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /branches/tree"),
]

NOISE = [
    Noise("hd-noise-deploy", "vinterley-web", "datadog.event", {"monitor": "Deploy", "text": "vinterley-web 2026.3.1 deployed (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("hd-noise-recovered", "vinterley-rq", "datadog.log", {"monitor": "[vinterley-rq] job exceptions", "text": "Recovered: no job exceptions on vinterley-rq for 30 minutes.", "transition": "Recovered", "alert_type": "success"}),
    Noise("hd-noise-queue", "vinterley-rq", "datadog.metric", {"monitor": "[vinterley-rq] default queue depth", "text": "Queue `default` has {n} jobs waiting (warn at 50).", "transition": "Warn", "alert_type": "warning", "metric": "rq.queue.jobs"}),
]

VINTERLEY = Company(
    key="hd",
    name="Vinterley Libraries",
    domain="vinterley-libraries.example",
    sentry_org="vinterley",
    splunk_url="https://vinterley.splunkcloud.com",
    splunk_guid="7B3E9A15-2D6C-4F80-A1E4-6C9D2B8F5E07",
    datadog_org=("906115", "Vinterley Libraries"),
    datadog_template="recommended",
    posthog_project=(69103, "Vinterley catalogue"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="vinterley-sentry-client-secret",
)
# fmt: on
