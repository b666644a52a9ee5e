"""(jw) Raisbeck Cottages, a holiday-cottage letting agency: a Django 5.0 site and owners'
portal (``cottages-web``: availability, bookings and payments, owners' calendars, reviews;
Postgres through psycopg 3, a channel manager's API and Stripe over requests) and Celery 5.4
workers (``cottages-worker``: arrival e-mails, iCal and channel syncs; ``reports-worker``: the
owners' monthly statements), all on AWS ECS Fargate.

Logs: the ``awslogs`` driver sends the containers' plain text to CloudWatch Logs (Django's
``%(levelname)s %(asctime)s %(name)s %(message)s``, Celery's own worker format), each line its
own event, and the Datadog Forwarder Lambda ships them to Datadog (``jw-awslogs``): a
traceback arrives as many one-line logs, so a log monitor pastes the logger's line or the
traceback's last line; only the reports worker's task definition sets
``awslogs-multiline-pattern`` and keeps its events whole. Sentry: sentry-python's Django and
Celery integrations. Datadog: log monitors in the team's ``custom`` template. No Splunk, no
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_DJ = ("sentry.python.django", "2.18.0", "pypi:sentry-sdk")
SDK_CE = ("sentry.python.celery", "2.18.0", "pypi:sentry-sdk")
SERVICES = {
    "cottages-web": Service("cottages-web", "python", "jw-awslogs", "", "", "", 9330201, "CPython 3.12.7", framework="django", sdk=SDK_DJ),
    "cottages-worker": Service("cottages-worker", "python", "jw-awslogs", "", "", "", 9330202, "CPython 3.12.7", framework="celery", sdk=SDK_CE),
    "reports-worker": Service("reports-worker", "python", "jw-awslogs", "", "", "", 9330203, "CPython 3.12.7", framework="celery", sdk=SDK_CE),
}

# Django 5.0: login_required's wrapper is ``_view_wrapper``.
VIEW = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.auth.decorators", "_view_wrapper", 60, "return view_func(request, *args, **kwargs)"),
)
CBV = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.views.generic.base", "view", 104, "return self.dispatch(request, *args, **kwargs)"),
    pylib("django.views.generic.base", "dispatch", 143, "return handler(request, *args, **kwargs)"),
)
ORM_INSERT = (
    pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"),
    pylib("django.db.models.query", "create", 679, "obj.save(force_insert=True, using=self.db)"),
    pylib("django.db.models.base", "save", 822, "self.save_base("),
    pylib("django.db.models.base", "save_base", 909, "updated = self._save_table("),
    pylib("django.db.models.base", "_save_table", 1071, "results = self._do_insert("),
    pylib("django.db.models.base", "_do_insert", 1112, "return manager._insert("),
    pylib("django.db.models.query", "_insert", 1847, "return query.get_compiler(using=using).execute_sql(returning_fields)"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1823, "cursor.execute(sql, params)"),
    pylib("django.db.backends.utils", "execute", 122, "return super().execute(sql, params)"),
    pylib("django.db.backends.utils", "_execute_with_wrappers", 92, "return executor(sql, params, many, context)"),
    pylib("django.db.backends.utils", "_execute", 100, "with self.db.wrap_database_errors:"),
    pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value"),
)
PSYCOPG = (
    pylib("django.db.backends.utils", "_execute", 105, "return self.cursor.execute(sql, params)"),
    pylib("psycopg.cursor", "execute", 97, "raise ex.with_traceback(None)"),
)
REQUESTS = (
    pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)"),
)
SMTP = (
    pylib("django.core.mail.message", "send", 301, "return self.get_connection(fail_silently).send_messages([self])"),
    pylib("django.core.mail.backends.smtp", "send_messages", 128, "new_conn_created = self.open()"),
    pylib("django.core.mail.backends.smtp", "open", 86, "self.connection.login(self.username, self.password)"),
    pylib("smtplib", "login", 739, "(code, resp) = self.auth("),
    pylib("smtplib", "getreply", 405, 'raise SMTPServerDisconnected("Connection unexpectedly closed")'),
)


def app(module: str, fn: str, line: int, context: str) -> Frame:
    return py(f"raisbeck.{module}", fn, line, context)


def pg(kind: str, value: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    return Exc(kind, value, PSYCOPG, module="psycopg.errors"), Exc("IntegrityError", value, frames + ORM_INSERT + PSYCOPG[:1], module="django.db.utils")


CHANNEL = app("integrations.channel", "_request", 41, "resp.raise_for_status()")

# One CloudWatch event per line: the logger's line, or the traceback's last.
WEB_500 = dict(team="cottages", monitor="[cottages-web] 500s", filter='service:cottages-web "Internal Server Error"', text="{{log.message}}\n\nhost: {{log.host}}", part="head")
WEB_EXC = dict(team="cottages", monitor="[cottages-web] exception lines", filter='service:cottages-web ("Error:" OR "Exception:" OR "DoesNotExist:")', text="New exception line on cottages-web:\n\n```\n{{log.message}}\n```", part="last")
WEB_LOG = dict(team="cottages", monitor="[cottages-web] error logs", filter="service:cottages-web status:error", text="{{log.message}}", part="head")
TASKS = dict(team="cottages", monitor="[cottages-worker] task failures", filter='service:cottages-worker "raised unexpected"', text="Celery task failed:\n\n```\n{{log.message}}\n```", part="head")
TASK_EXC = dict(team="cottages", monitor="[cottages-worker] exception lines", filter='service:cottages-worker ("Error:" OR "Exception:")', text="{{log.message}}", part="last")
REPORTS = dict(team="owners", monitor="[reports-worker] statement failures", filter='service:reports-worker "raised unexpected"', text="Owner statement run failed:\n\n```\n{{log.message}}\n```", part="whole", sample_lines=14)

BUGS = [
    # DoesNotExist for a Cottage and for a Booking: the entity is the bug.
    Bug("jw-cottage-missing", "cottages-web", (Exc("DoesNotExist", "Cottage matching query does not exist.", (*CBV, app("cottages.views", "get", 48, "cottage = Cottage.objects.get(slug=kwargs['slug'], is_live=True)"), *DJANGO_GET), module="raisbeck.cottages.models", qual="Cottage.DoesNotExist"),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEB_EXC), see("datadog.log", **WEB_500)),
        classes=(2, 4), pair="jw-booking-missing", entry="GET /cottages/{slug}/"),
    Bug("jw-booking-missing", "cottages-web", (Exc("DoesNotExist", "Booking matching query does not exist.", (*VIEW, app("bookings.views", "booking_detail", 31, "booking = Booking.objects.get(reference=reference, guest=request.user)"), *DJANGO_GET), module="raisbeck.bookings.models", qual="Booking.DoesNotExist"),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEB_EXC)),
        classes=(2, 4), pair="jw-cottage-missing", entry="GET /account/bookings/{reference}/"),
    # KeyError 'nightly_rate' in a view and in a sync task.
    Bug("jw-quote-rate-key", "cottages-web", (Exc("KeyError", "'nightly_rate'", (*VIEW, app("bookings.views", "quote", 77, "total = pricing.quote(cottage, form.cleaned_data)"), app("bookings.pricing", "quote", 22, "base = season['nightly_rate'] * nights")), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEB_500), see("datadog.log", **WEB_EXC)),
        classes=(2, 4), pair="jw-sync-rate-key", entry="POST /cottages/{slug}/quote/", span=2, renames={"quote": "price_quote"}),
    Bug("jw-sync-rate-key", "cottages-worker", (Exc("KeyError", "'nightly_rate'", (*CELERY_TASK, app("channels.tasks", "push_rates", 58, "payload = [to_channel_rate(s) for s in seasons]"), app("channels.mapping", "to_channel_rate", 14, "return {'price': s['nightly_rate'], 'from': s['starts'], 'to': s['ends']}")), module="builtins"),),
        (see("sentry.error", 2), see("datadog.log", 2, **TASKS), see("datadog.log", **TASK_EXC)),
        classes=(2, 4), pair="jw-quote-rate-key", entry="raisbeck.channels.tasks.push_rates"),
    # IntegrityError: an overlapping stay (exclusion constraint) and a second review of one stay.
    Bug("jw-stay-overlap", "cottages-web", pg("ExclusionViolation", 'conflicting key value violates exclusion constraint "bookings_booking_no_overlap"\nDETAIL:  Key (cottage_id, stay)=({n}, [2026-07-0{idx},2026-07-1{idx})) conflicts with existing key (cottage_id, stay)=({n}, [2026-07-0{idx},2026-07-1{idx})).', (*VIEW, app("bookings.views", "checkout", 112, "booking = Booking.objects.create(**form.booking_fields())"))),
        (see("sentry.error", 3), see("datadog.log", 2, **WEB_500), see("datadog.log", **WEB_EXC)),
        classes=(2, 4), pair="jw-review-dup", entry="POST /checkout/{slug}/"),
    Bug("jw-review-dup", "cottages-web", pg("UniqueViolation", 'duplicate key value violates unique constraint "reviews_review_booking_id_key"\nDETAIL:  Key (booking_id)=({id}) already exists.', (*VIEW, app("reviews.views", "leave_review", 36, "Review.objects.create(booking=booking, **form.cleaned_data)"))),
        (see("sentry.error", 2), see("datadog.log", 2, **WEB_500)),
        classes=(2, 4), pair="jw-stay-overlap", entry="POST /account/bookings/{reference}/review/"),
    # One task: the SMTP relay hanging up, and a missing e-mail template.
    Bug("jw-arrival-smtp", "cottages-worker", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", (*CELERY_TASK, app("bookings.tasks", "send_arrival_instructions", 41, "msg.send()"), *SMTP), module="smtplib"),),
        (see("sentry.error", 3), see("datadog.log", 2, **TASKS), see("datadog.log", **TASK_EXC)),
        classes=(2,), pair="jw-arrival-template", entry="raisbeck.bookings.tasks.send_arrival_instructions"),
    Bug("jw-arrival-template", "cottages-worker", (Exc("TemplateDoesNotExist", "emails/arrival_{n}.html", (*CELERY_TASK, app("bookings.tasks", "send_arrival_instructions", 33, "html = render_to_string(f'emails/arrival_{cottage.arrival_template}.html', ctx)"), pylib("django.template.loader", "render_to_string", 61, "template = get_template(template_name, using=using)"), pylib("django.template.loader", "get_template", 19, "raise TemplateDoesNotExist(template_name, chain=chain)")), module="django.template.exceptions"),),
        (see("sentry.error", 2), see("datadog.log", 2, **TASKS)),
        classes=(2,), pair="jw-arrival-smtp", entry="raisbeck.bookings.tasks.send_arrival_instructions"),
    # The channel manager's client: a 429 pushing availability, a 400 importing reservations.
    Bug("jw-channel-429", "cottages-worker", (Exc("HTTPError", "429 Client Error: Too Many Requests for url: https://api.channelhub.example/v3/properties/{n}/availability", (*CELERY_TASK, app("channels.tasks", "push_availability", 24, "client.put(f'/properties/{cottage.channel_id}/availability', blocks)"), app("integrations.channel", "put", 55, "return self._request('PUT', path, json=body)"), CHANNEL, *REQUESTS), module="requests.exceptions"),),
        (see("sentry.error", 3), see("datadog.log", 2, **TASKS), see("datadog.log", **TASK_EXC)),
        classes=(2, 9), pair="jw-channel-400", entry="raisbeck.channels.tasks.push_availability"),
    Bug("jw-channel-400", "cottages-web", (Exc("HTTPError", "400 Client Error: Bad Request for url: https://api.channelhub.example/v3/reservations?since=2026-03-{n}T00%3A00%3A00Z", (*VIEW, app("owners.views", "import_reservations", 64, "rows = client.get('/reservations', params={'since': since.isoformat()})"), app("integrations.channel", "get", 50, "return self._request('GET', path, params=params)"), CHANNEL, *REQUESTS), module="requests.exceptions"),),
        (see("sentry.error", 2), see("datadog.log", 2, **WEB_EXC)),
        classes=(2, 9), pair="jw-channel-429", entry="POST /owners/reservations/import/"),
    # An owner's iCal feed that is not iCal: the view logs and re-raises.
    Bug("jw-ical-parse", "cottages-web", (Exc("ValueError", "Content line could not be parsed into parts: '<!DOCTYPE html>'", (*VIEW, app("owners.views", "sync_calendar", 88, "events = ical.parse_feed(feed.url)"), app("owners.ical", "parse_feed", 19, "cal = Calendar.from_ical(resp.content)"), pylib("icalendar.cal", "from_ical", 406, "raise ValueError(")), module="builtins"),),
        (see("sentry.error", 2), see("datadog.log", 2, **WEB_LOG), see("datadog.log", **WEB_EXC)),
        classes=(2,), entry="POST /owners/calendar/sync/", log="iCal sync failed for feed {id}", logger="raisbeck.owners.views"),
    # The reports worker keeps its events whole (a multiline pattern is set).
    Bug("jw-statement-decimal", "reports-worker", (Exc("InvalidOperation", "[<class 'decimal.DivisionUndefined'>]", (*CELERY_TASK, app("reports.tasks", "build_owner_statement", 52, "occupancy = (booked_nights / available_nights).quantize(PCT)")), module="decimal"),),
        (see("sentry.error", 2), see("datadog.log", 2, **REPORTS)),
        classes=(2,), entry="raisbeck.reports.tasks.build_owner_statement"),
    Bug("jw-statement-s3", "reports-worker", (Exc("ClientError", "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied", (*CELERY_TASK, app("reports.tasks", "build_owner_statement", 71, "storage.save(path, ContentFile(pdf))"), pylib("storages.backends.s3", "_save", 503, "obj.upload_fileobj(content, ExtraArgs=params, Config=self.transfer_config)"), pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)")), module="botocore.exceptions"),),
        (see("sentry.error", 2), see("datadog.log", 2, **REPORTS)),
        classes=(2,), entry="raisbeck.reports.tasks.build_owner_statement"),
    # A Stripe card error on the pay view, over two releases.
    Bug("jw-pay-card-error", "cottages-web", (Exc("CardError", "Request {req}: Your card was declined.", (*VIEW, app("payments.views", "pay_balance", 45, "intent = stripe.PaymentIntent.confirm(booking.payment_intent_id, payment_method=pm)"), pylib("stripe._api_requestor", "_interpret_response", 820, "self.handle_error_response(rbody, rcode, resp.data, rheaders)")), module="stripe._error"),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEB_EXC)),
        classes=(2, 5), entry="POST /account/bookings/{reference}/pay/", span=2),
    # An owner's payout with no commission rate set.
    Bug("jw-payout-none", "cottages-web", (Exc("TypeError", "unsupported operand type(s) for *: 'NoneType' and 'decimal.Decimal'", (*VIEW, app("owners.views", "payout_preview", 97, "lines = statements.payout_lines(owner, month)"), app("owners.statements", "payout_lines", 40, "fee = owner.commission_rate * gross")), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", 2, **WEB_EXC), see("datadog.log", **WEB_500)),
        classes=(2,), entry="GET /owners/payouts/{month}/"),
    Bug("jw-singleton-csrf", "cottages-web", (Exc("SuspiciousOperation", "Invalid HTTP_HOST header: '{ip}:8000'. The domain name provided is not valid according to RFC 1034/1035.", (*CBV, pylib("django.http.request", "get_host", 151, "raise DisallowedHost(msg)")), module="django.core.exceptions"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /healthz"),
]

NOISE = [
    Noise("jw-noise-deploy", "cottages-web", "datadog.event", {"monitor": "ECS deployment", "text": "ECS service cottages-web reached a steady state (task definition cottages-web:214).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "cottages"}),
    Noise("jw-noise-500s-recovered", "cottages-web", "datadog.log", {"monitor": "[cottages-web] 500s", "text": "Recovered: cottages-web 500s back to normal.", "transition": "Recovered", "alert_type": "success", "team": "cottages", "filter": 'service:cottages-web "Internal Server Error"'}),
    Noise("jw-noise-tasks-recovered", "cottages-worker", "datadog.log", {"monitor": "[cottages-worker] task failures", "text": "Recovered: no task failures in the last 15 minutes.", "transition": "Recovered", "alert_type": "success", "team": "cottages", "filter": 'service:cottages-worker "raised unexpected"'}),
]

RAISBECK = Company(
    key="jw",
    name="Raisbeck Cottages",
    domain="raisbeck.example",
    sentry_org="raisbeck",
    splunk_url="https://raisbeck.splunkcloud.com",
    splunk_guid="2F6C9A13-8D47-4E15-B0A2-5C3E7F19D864",
    datadog_org=("932040", "Raisbeck Cottages"),
    datadog_template="custom",
    posthog_project=(93302, "Raisbeck"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="raisbeck-sentry-client-secret",
)
# fmt: on
