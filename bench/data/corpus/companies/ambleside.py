"""(id) Ambleside Cottages, a holiday-cottage letting agency: a Flask 3 API
(``cottages-api`` under gunicorn; Flask-SQLAlchemy over psycopg2, requests to owners' iCal
feeds and Stripe) and Celery 5.4 with beat (``cottages-worker``: rate sync from channel
managers, arrival reminders, hold purges, owner statements), Python 3.11.

Both call ``logging.basicConfig(level=logging.INFO)`` and nothing else: the stdlib's default
``%(levelname)s:%(name)s:%(message)s``, no time, the traceback below
(``ERROR:celery.app.trace:Task ...[id] raised unexpected: ...``, Flask's ``ERROR:
ambleside.app:Exception on <path> [<method>]``, ``ERROR:root:...`` from
``logging.exception``). The Datadog agent tails the containers' output with multi-line
aggregation. Sentry: sentry-python (Flask, Celery). Datadog: dd-trace-py APM by error type,
Celery task monitors and log monitors pasting ``{{log.message}}``. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, py, pylib, sqlalchemy_integrity

# fmt: off
SDK = ("sentry.python", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "cottages-api": Service("cottages-api", "python", "id-basic", "", "", "", 7820021, "CPython 3.11.11", framework="flask", sdk=SDK),
    "cottages-worker": Service("cottages-worker", "python", "id-basic", "", "", "", 7820022, "CPython 3.11.11", framework="celery", sdk=SDK),
}
FLASK = (
    pylib("flask.app", "wsgi_app", 1511, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 919, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 917, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 902, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)
REQUESTS_GET = (
    pylib("requests.sessions", "get", 602, "return self.request(\"GET\", url, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
RAISE_STATUS = pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)")
NO_RESULT = (
    pylib("sqlalchemy.orm.query", "one", 2798, "return self._iter().one()  # type: ignore"),
    pylib("sqlalchemy.engine.result", "one", 1810, "return self._only_one_row("),
    pylib("sqlalchemy.engine.result", "_only_one_row", 752, "raise exc.NoResultFound("),
)


def m(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"ambleside.{module}", function, line, context)


def api(*frames: Frame) -> tuple[Frame, ...]:
    return (*FLASK, *frames)


def task(*frames: Frame) -> tuple[Frame, ...]:
    return (*CELERY_TASK, *frames)


ICAL_FETCH = m("ical.client", "fetch", 27, "resp.raise_for_status()")
ICAL_GET = py("ambleside.ical.client", "fetch", 25, "resp = self.session.get(url, timeout=(3, 15))")
NONE_RATE = "'NoneType' object has no attribute 'nightly_rate'"
NO_ROW = "No row was found when one was required"

APM = {"team": "lettings", "monitor": "cottages-api errors by type", "style": "type"}
LOGMON = {"team": "lettings", "monitor": "cottages-api logged errors", "filter": "service:cottages-api status:error", "text": "Error logged by {{log.service}} on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 8}
TASKLOG = {"team": "lettings", "monitor": "Celery task failures", "filter": "service:cottages-worker status:error \"raised unexpected\"", "text": "```\n{{log.message}}\n```", "sample_lines": 5}
ROOTLOG = {"team": "lettings", "monitor": "cottages-worker root errors", "filter": "service:cottages-worker status:error \"ERROR:root\"", "text": "{{log.message}}", "sample_lines": 12, "kind": "root"}
TASK = {"team": "lettings"}

BUGS = [
    # The same missing rate in the availability view and the channel sync task.
    Bug("id-availability-none-rate", "cottages-api", (Exc("AttributeError", NONE_RATE, api(m("cottages.views", "availability", 61, "quote = nights * season.nightly_rate"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.issue"), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4, 5), pair="id-sync-none-rate", entry="GET /cottages/{id}/availability", span=3, renames={"availability": "get_availability"}),
    Bug("id-sync-none-rate", "cottages-worker", (Exc("AttributeError", NONE_RATE, task(m("tasks.channels", "sync_channel_rates", 38, "push_rate(channel, cottage.id, season.nightly_rate)"))),),
        (see("sentry.error", 3), see("datadog.log", 2, **TASKLOG)),
        classes=(4,), pair="id-availability-none-rate", entry="ambleside.tasks.channels.sync_channel_rates"),
    # Two unique constraints behind one commit helper.
    Bug("id-dup-booking", "cottages-api", sqlalchemy_integrity(api(m("bookings.views", "create_booking", 88, "db.session.commit()")), "bookings_cottage_id_arrival_key", "Key (cottage_id, arrival)=({id}, 2026-04-{idx}) already exists.", "INSERT INTO bookings (cottage_id, guest_id, arrival, nights) VALUES (%(cottage_id)s, %(guest_id)s, %(arrival)s, %(nights)s) RETURNING bookings.id"),
        (see("sentry.error", 3), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="id-dup-review", entry="POST /bookings"),
    Bug("id-dup-review", "cottages-api", sqlalchemy_integrity(api(m("reviews.views", "post_review", 34, "db.session.commit()")), "reviews_booking_id_key", "Key (booking_id)=({id}) already exists.", "INSERT INTO reviews (booking_id, stars, body) VALUES (%(booking_id)s, %(stars)s, %(body)s) RETURNING reviews.id"),
        (see("sentry.error", 2), see("datadog.apm", 2, **APM)),
        classes=(4,), pair="id-dup-booking", entry="POST /bookings/{id}/review"),
    # One iCal client: a read timeout and a 404 feed.
    Bug("id-ical-timeout", "cottages-worker", (Exc("ReadTimeoutError", "HTTPSConnectionPool(host='calendar.owners-hub.example', port=443): Read timed out. (read timeout=15)", (pylib("urllib3.connectionpool", "_read_timeout", 365, "raise ReadTimeoutError("),), module="urllib3.exceptions"), Exc("ReadTimeout", "HTTPSConnectionPool(host='calendar.owners-hub.example', port=443): Read timed out. (read timeout=15)", task(m("tasks.calendars", "import_owner_calendars", 22, "events = ical.fetch(cottage.ical_url)"), ICAL_GET, *REQUESTS_GET), module="requests.exceptions")),
        (see("sentry.error", 3), see("datadog.log", 2, **TASKLOG), see("datadog.task", **TASK)),
        classes=(9,), pair="id-ical-404", entry="ambleside.tasks.calendars.import_owner_calendars"),
    Bug("id-ical-404", "cottages-api", (Exc("HTTPError", "404 Client Error: Not Found for url: https://www.airbnb.example/calendar/ical/{id}.ics?s=5e1f", api(m("owners.views", "preview_calendar", 47, "events = ical.fetch(form.ical_url.data)"), ICAL_FETCH, RAISE_STATUS), module="requests.exceptions"),),
        (see("sentry.error", 2), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(9,), pair="id-ical-timeout", entry="POST /owners/calendar/preview"),
    # One stay parser, two exceptions.
    Bug("id-stay-keyerror", "cottages-api", (Exc("KeyError", "'nights'", api(m("bookings.views", "quote", 112, "stay = parse_stay(request.args)"), m("bookings.stay", "parse_stay", 14, "nights = int(args[\"nights\"])")), module="builtins"),),
        (see("sentry.error", 3), see("datadog.apm", **APM)),
        classes=(4,), pair="id-stay-valueerror", entry="GET /bookings/quote"),
    Bug("id-stay-valueerror", "cottages-api", (Exc("ValueError", "time data '2026-13-04' does not match format '%Y-%m-%d'", api(m("bookings.views", "quote", 112, "stay = parse_stay(request.args)"), m("bookings.stay", "parse_stay", 16, "arrival = datetime.strptime(args[\"arrival\"], \"%Y-%m-%d\").date()"), pylib("_strptime", "_strptime_datetime", 554, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"), pylib("_strptime", "_strptime", 333, "raise ValueError(\"time data %r does not match format %r\" %")), module="builtins"),),
        (see("sentry.error", 2), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="id-stay-keyerror", entry="GET /bookings/quote"),
    # NoResultFound in two views: no entity in the message.
    Bug("id-noresult-cottage", "cottages-api", (Exc("NoResultFound", NO_ROW, api(m("cottages.views", "cottage_detail", 29, "cottage = Cottage.query.filter_by(ref=ref).one()"), *NO_RESULT), module="sqlalchemy.exc"),),
        (see("sentry.error", 3), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="id-noresult-owner", entry="GET /cottages/{ref}"),
    Bug("id-noresult-owner", "cottages-worker", (Exc("NoResultFound", NO_ROW, task(m("tasks.statements", "send_owner_statement", 19, "owner = db.session.query(Owner).filter(Owner.id == owner_id).one()"), *NO_RESULT), module="sqlalchemy.exc"),),
        (see("sentry.error", 2), see("datadog.log", 2, **TASKLOG)),
        classes=(4,), pair="id-noresult-cottage", entry="ambleside.tasks.statements.send_owner_statement"),
    # Two beat tasks under one root-logger monitor.
    Bug("id-reminder-smtp", "cottages-worker", (Exc("SMTPRecipientsRefused", "{'{email}': (550, b'5.1.1 <{email}>: Recipient address rejected: User unknown')}", task(m("tasks.reminders", "send_arrival_reminders", 31, "mailer.send(guest.email, render_reminder(booking))"), m("mail", "send", 18, "smtp.send_message(msg)"), pylib("smtplib", "send_message", 986, "return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,"), pylib("smtplib", "sendmail", 901, "raise SMTPRecipientsRefused(senderrs)")), module="smtplib"),),
        (see("sentry.error", 2), see("datadog.log", 2, **ROOTLOG)),
        classes=(2,), pair="id-purge-db-closed", log="arrival reminder failed for booking {id}", entry="ambleside.tasks.reminders.send_arrival_reminders"),
    Bug("id-purge-db-closed", "cottages-worker", (Exc("OperationalError", "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n", (pylib("sqlalchemy.engine.default", "do_execute", 941, "cursor.execute(statement, parameters)"),), module="psycopg2"), Exc("OperationalError", "(psycopg2.OperationalError) server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n\n[SQL: DELETE FROM holds WHERE holds.expires_at < %(expires_at_1)s]\n(Background on this error at: https://sqlalche.me/e/20/e3q8)", task(m("tasks.holds", "purge_expired_holds", 12, "db.session.execute(delete(Hold).where(Hold.expires_at < now()))"), pylib("sqlalchemy.orm.session", "execute", 2362, "return self._execute_internal("), pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("), pylib("sqlalchemy.engine.default", "do_execute", 941, "cursor.execute(statement, parameters)")), module="sqlalchemy.exc")),
        (see("sentry.error", 3), see("datadog.log", 2, **ROOTLOG), see("datadog.task", **TASK)),
        classes=(2,), pair="id-reminder-smtp", log="purge of expired holds failed", entry="ambleside.tasks.holds.purge_expired_holds"),
    # Not pairs.
    Bug("id-refund-no-intent", "cottages-worker", (Exc("InvalidRequestError", "Request req_{hex}: No such payment_intent: '{pi}'", task(m("tasks.payments", "refund_cancelled", 44, "stripe.Refund.create(payment_intent=booking.payment_intent_id)"), pylib("stripe._createable_api_resource", "create", 21, "cls._static_request("), pylib("stripe._api_requestor", "_interpret_response", 860, "self.handle_error_response(")), module="stripe._error"),),
        (see("sentry.error", 2), see("sentry.alert", rule="Payment task errors"), see("datadog.log", 2, **TASKLOG), see("datadog.task", **TASK)),
        classes=(8,), entry="ambleside.tasks.payments.refund_cancelled"),
    Bug("id-statement-timelimit", "cottages-worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", task(m("tasks.statements", "build_monthly_statements", 57, "pdf = render_pdf(statement)"), m("pdf", "render_pdf", 22, "return HTML(string=html).write_pdf()"), pylib("weasyprint.layout", "layout_document", 120, "for page in pages:"), pylib("billiard.pool", "soft_timeout_sighandler", 229, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("datadog.task", 3, **TASK)),
        classes=(8,), entry="ambleside.tasks.statements.build_monthly_statements"),
    Bug("id-ratelimit-redis", "cottages-api", (Exc("ConnectionRefusedError", "[Errno 111] Connection refused", (pylib("redis.connection", "_connect", 716, "sock.connect(socket_address)"),), module="builtins"), Exc("ConnectionError", "Error 111 connecting to redis:6379. Connection refused.", api(m("ratelimit", "check", 20, "count = r.incr(key)"), pylib("redis.commands.core", "incrby", 1955, "return self.execute_command(\"INCRBY\", name, amount)"), pylib("redis.client", "execute_command", 559, "return self._execute_command(*args, **options)"), pylib("redis.connection", "connect", 363, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions")),
        (see("sentry.error", 3), see("datadog.apm", 2, **APM), see("datadog.log", **LOGMON)),
        classes=(1,), entry="POST /enquiries"),
    Bug("id-template-undefined", "cottages-worker", (Exc("UndefinedError", "'ambleside.models.Booking object' has no attribute 'key_safe_code'", task(m("tasks.reminders", "send_checkin_details", 66, "html = render_template(\"emails/checkin.html\", booking=booking)"), pylib("flask.templating", "render_template", 150, "return _render(app, template, context)"), pylib("jinja2.environment", "render", 1304, "self.environment.handle_exception()"), py("templates.emails.checkin", "top-level template code", 14, "<p>Key safe code: {{ booking.key_safe_code }}</p>", lib=True), pylib("jinja2.environment", "getattr", 487, "return getattr(obj, attribute)")), module="jinja2.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **TASKLOG)),
        classes=(6,), entry="ambleside.tasks.reminders.send_checkin_details", span=2),
    Bug("id-singleton-zerodiv", "cottages-api", (Exc("ZeroDivisionError", "division by zero", api(m("owners.views", "occupancy", 73, "rate = booked_nights / available_nights"))), ),
        (see("sentry.error"),),
        singleton=True, entry="GET /owners/{id}/occupancy"),
]

NOISE = [
    Noise("id-noise-deploy", "cottages-api", "datadog.event", {"monitor": "Deployed cottages-api", "text": "cottages-api 2026.03.2 rolled out (4/4 gunicorn workers booted).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
    Noise("id-noise-recovered", "cottages-worker", "datadog.log", {"monitor": "Celery task failures", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "service:cottages-worker status:error", "text": "Celery task failures recovered."}),
    Noise("id-noise-beat", "cottages-worker", "datadog.event", {"monitor": "celery beat restarted", "text": "INFO:celery.beat:beat: Starting...", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
]

AMBLESIDE = Company(
    key="id",
    name="Ambleside Cottages",
    domain="ambleside-cottages.example",
    sentry_org="ambleside",
    splunk_url="https://ambleside.splunkcloud.com",
    splunk_guid="5B2E9F03-7C1A-4D8E-B6F2-0A93C7E41D56",
    datadog_org=("782002", "Ambleside Cottages"),
    datadog_template="recommended",
    posthog_project=(78202, "Ambleside"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ambleside-sentry-client-secret",
)
# fmt: on
