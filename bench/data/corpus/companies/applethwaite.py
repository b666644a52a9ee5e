"""(gv) Applethwaite Tutors, a marketplace for private tutoring: a Django 5.0 REST API on
gunicorn (``tutor-api``: tutors, lessons, bookings, reviews, search; DRF 3.15, Postgres
through psycopg2, Stripe, Zoom and Google Calendar over requests) and its Celery 5.4 workers
(``tutor-worker``: lesson charges, invoices, tutor payouts, calendar sync).

Logs: python-json-logger's ``JsonFormatter`` on every logger, read from the VMs' files by the
Splunk Universal Forwarder: ``django.request``'s "Internal Server Error" record
(``gv-django-request``), the team's ``logger.exception`` with ``path``/``status_code``/
``request_id`` extras, or ``logger.error`` without the traceback (``gv-app-json``), and
``celery.app.trace``'s failure record with its ``data`` extra (``gv-celery-json``); one worker
host still writes Celery's plain text log. Sentry: sentry-python's Django and Celery
integrations. PostHog: posthog-python's ``capture_exception`` in the views' error handler.
Datadog: the recommended template; log monitors over the JSON attributes, APM by type, a
Celery task monitor. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, DJANGO_VIEW, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_VERSION = ("sentry.python.django", "2.18.0", "pypi:sentry-sdk")
SERVICES = {
    "tutor-api": Service("tutor-api", "python", "gv-django-request", "_json", "/var/log/tutor/api.json", "applethwaite", 8830411, "CPython 3.12.7", framework="django", sdk=SDK_VERSION),
    "tutor-worker": Service("tutor-worker", "python", "gv-celery-json", "_json", "/var/log/tutor/worker.json", "applethwaite", 8830412, "CPython 3.12.7", framework="celery", sdk=("sentry.python.celery", "2.18.0", "pypi:sentry-sdk")),
}

DRF_CREATE = (
    pylib("rest_framework.mixins", "create", 19, "self.perform_create(serializer)"),
    pylib("rest_framework.mixins", "perform_create", 24, "serializer.save()"),
    pylib("rest_framework.serializers", "save", 210, "self.instance = self.create(validated_data)"),
)
DRF_LIST = (
    pylib("rest_framework.mixins", "list", 48, "return self.get_paginated_response(serializer.data)"),
    pylib("rest_framework.serializers", "data", 797, "ret = super().data"),
    pylib("rest_framework.serializers", "to_representation", 540, "ret[field.field_name] = field.to_representation(attribute)"),
    pylib("rest_framework.fields", "to_representation", 1870, "return method(value)"),
)
REQUESTS_POST = (
    pylib("requests.sessions", "post", 637, 'return self.request("POST", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
STRIPE_CREATE = (
    pylib("stripe._payment_intent", "create", 9311, "PaymentIntent,"),
    pylib("stripe._api_requestor", "request", 197, "resp = requestor._interpret_response(rbody, rcode, rheaders)"),
    pylib("stripe._api_requestor", "_interpret_response", 846, "self.handle_error_response(rbody, rcode, resp.data, rheaders)"),
    pylib("stripe._api_requestor", "handle_error_response", 388, "raise err"),
)


def app(module: str, fn: str, line: int, context: str) -> Frame:
    return py(f"tutors.{module}", fn, line, context)


API = {"search": "applethwaite - tutor-api errors"}
APP = {"search": "applethwaite - tutor-api errors", "format": "gv-app-json"}
WORKER = {"search": "applethwaite - tutor-worker failures"}
CELERY_TEXT = {"search": "applethwaite - tutor-worker failures", "format": "celery", "sourcetype": "celery:worker", "source": "/var/log/celery/worker.log"}
DD_LOG = dict(team="tutors", monitor="[tutor-api] error logs", filter="service:tutor-api status:error", text="{{log.attributes.message}}\n\n```\n{{log.attributes.exc_info}}\n```\nrequest_id: {{log.attributes.request_id}}")
DD_WORKER = dict(team="tutors", monitor="[tutor-worker] task failures", filter="service:tutor-worker @name:celery.app.trace", text="{{log.attributes.message}}\nhost: {{log.attributes.data.hostname}}")
DD_INTEGRATIONS = dict(team="tutors", monitor="[tutors] integration timeouts", filter="service:(tutor-api OR tutor-worker) @error.kind:ReadTimeout", style="stack", lines=6)
APM = dict(team="tutors", monitor="[tutors] error spans by type", style="type")
TASK = dict(team="tutors", monitor="[tutor-worker] celery task failures")

LESSON_RATE = app("lessons.pricing", "price_for", 22, "rate = booking.tutor.profile.hourly_rate")
POST_JSON = app("integrations.http", "post_json", 41, "resp = session.post(url, json=payload, timeout=(3.05, 10))")
READ_TIMEOUT = "HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout=10)"

BUGS = [
    # Unique violations on two tables, both through DRF's create.
    Bug("gv-booking-dup", "tutor-api", django_integrity((*DJANGO_VIEW, *DRF_CREATE, app("bookings.serializers", "create", 58, "return Booking.objects.create(**validated_data)")), "bookings_booking_tutor_id_slot_start_uniq", "Key (tutor_id, slot_start)=({id}, 2026-03-{n} 16:00:00+00) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **API), see("splunk", 1, **APP), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(1, 4), pair="gv-review-dup", entry="POST /api/v1/bookings/", log="booking create failed", logger="tutors.bookings"),
    Bug("gv-review-dup", "tutor-api", django_integrity((*DJANGO_VIEW, *DRF_CREATE, app("reviews.serializers", "create", 33, "review = Review.objects.create(booking=booking, **validated_data)")), "reviews_review_booking_id_key", "Key (booking_id)=({id}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 4), pair="gv-booking-dup", entry="POST /api/v1/reviews/"),
    # The same attribute read on a missing profile: a serializer method field and an invoice task.
    Bug("gv-lesson-rate-none", "tutor-api", (Exc("AttributeError", "'NoneType' object has no attribute 'hourly_rate'", (*DJANGO_VIEW, *DRF_LIST, app("lessons.serializers", "get_price", 71, "return price_for(obj)"), LESSON_RATE), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue", 1), see("splunk", 2, **API), see("posthog", 2), see("datadog.log", **DD_LOG)),
        classes=(1, 2, 4, 6), pair="gv-invoice-rate-none", entry="GET /api/v1/lessons/", span=2, renames={"get_price": "get_price_display"}),
    Bug("gv-invoice-rate-none", "tutor-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'hourly_rate'", (*CELERY_TASK, app("billing.tasks", "build_monthly_invoice", 48, "lines = [invoice_line(b) for b in bookings]"), app("billing.invoices", "invoice_line", 19, "amount = tutor.profile.hourly_rate * booking.hours")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("splunk", 1, **CELERY_TEXT), see("datadog.task", **TASK)),
        classes=(1, 4, 8), pair="gv-lesson-rate-none", entry="tutors.billing.tasks.build_monthly_invoice"),
    # DoesNotExist for a Tutor and for a Subject: the entity is the bug.
    Bug("gv-tutor-missing", "tutor-api", (Exc("DoesNotExist", "Tutor matching query does not exist.", (*DJANGO_VIEW, app("tutors.views", "retrieve", 37, "tutor = Tutor.objects.get(slug=kwargs['slug'])"), *DJANGO_GET), module="tutors.tutors.models", qual="Tutor.DoesNotExist"),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog", 1)),
        classes=(1, 4), pair="gv-subject-missing", entry="GET /api/v1/tutors/{slug}/"),
    Bug("gv-subject-missing", "tutor-api", (Exc("DoesNotExist", "Subject matching query does not exist.", (*DJANGO_VIEW, app("search.views", "get_queryset", 29, "subject = Subject.objects.get(code=self.request.query_params['subject'])"), *DJANGO_GET), module="tutors.search.models", qual="Subject.DoesNotExist"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(1, 4), pair="gv-tutor-missing", entry="GET /api/v1/search/"),
    # One charge task, two exceptions: a declined card and a customer without a default method.
    Bug("gv-charge-declined", "tutor-worker", (Exc("CardError", "Request {req}: Your card was declined.", (*CELERY_TASK, app("billing.tasks", "charge_lesson", 27, "intent = stripe.PaymentIntent.create(**params)"), *STRIPE_CREATE), module="stripe._error"),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("datadog.log", **DD_WORKER), see("datadog.task", **TASK)),
        classes=(1, 2, 4, 8), pair="gv-charge-no-method", entry="tutors.billing.tasks.charge_lesson"),
    Bug("gv-charge-no-method", "tutor-worker", (Exc("KeyError", "'default_payment_method'", (*CELERY_TASK, app("billing.tasks", "charge_lesson", 21, "pm = customer['invoice_settings']['default_payment_method']")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 1, **WORKER), see("splunk", 1, **CELERY_TEXT), see("datadog.log", **DD_WORKER)),
        classes=(1, 2, 4), pair="gv-charge-declined", entry="tutors.billing.tasks.charge_lesson"),
    # Zoom and Google Calendar timing out through one helper; one monitor over both.
    Bug("gv-zoom-timeout", "tutor-api", (Exc("ReadTimeoutError", READ_TIMEOUT.replace("{host}", "api.zoom.us"), (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"), Exc("ReadTimeout", READ_TIMEOUT.replace("{host}", "api.zoom.us"), (*DJANGO_VIEW, app("lessons.views", "start_meeting", 88, "meeting = zoom.create_meeting(lesson)"), app("integrations.zoom", "create_meeting", 34, "return post_json(f'{BASE}/users/me/meetings', body)"), POST_JSON, *REQUESTS_POST), module="requests.exceptions")),
        (see("sentry.error", 3), see("splunk", 2, **APP), see("datadog.log", **DD_INTEGRATIONS), see("posthog", 1)),
        classes=(1, 2, 4, 9), pair="gv-calendar-timeout", entry="POST /api/v1/lessons/{id}/meeting/", log="zoom meeting create failed", logger="tutors.integrations"),
    Bug("gv-calendar-timeout", "tutor-worker", (Exc("ReadTimeoutError", READ_TIMEOUT.replace("{host}", "www.googleapis.com"), (pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"), Exc("ReadTimeout", READ_TIMEOUT.replace("{host}", "www.googleapis.com"), (*CELERY_TASK, app("calendars.tasks", "push_lesson_event", 52, "gcal.insert_event(tutor.calendar_id, event)"), app("integrations.gcal", "insert_event", 27, "return post_json(events_url(calendar_id), event)"), POST_JSON, *REQUESTS_POST), module="requests.exceptions")),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("datadog.log", **DD_INTEGRATIONS)),
        classes=(1, 2, 4, 9), pair="gv-zoom-timeout", entry="tutors.calendars.tasks.push_lesson_event"),
    # The filter view reading a query parameter the new app version stopped sending.
    Bug("gv-search-level", "tutor-api", (Exc("KeyError", "'level'", (*DJANGO_VIEW, app("search.views", "list", 44, "qs = self.filter_by_level(qs, params)"), app("search.filters", "filter_by_level", 17, "return qs.filter(levels__code=params['level'])")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 3, **API), see("posthog", 1, resolved=True), see("datadog.apm", **APM)),
        classes=(1, 5), entry="GET /api/v1/search/", span=3, renames={"list": "list_tutors"}),
    # A payout batch dividing by an unquantized rate; Celery text and the JSON record.
    Bug("gv-payout-decimal", "tutor-worker", (Exc("InvalidOperation", "[<class 'decimal.DivisionUndefined'>]", (*CELERY_TASK, app("payouts.tasks", "run_weekly_payouts", 33, "amount = payout_amount(tutor, week)"), app("payouts.calc", "payout_amount", 58, "fee = (gross / lessons).quantize(PENCE)")), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 1, **WORKER), see("splunk", 1, **CELERY_TEXT), see("datadog.task", **TASK)),
        classes=(1, 8), entry="tutors.payouts.tasks.run_weekly_payouts"),
    # The session cache's Redis going away: logged without the traceback by the team's wrapper.
    Bug("gv-redis-down", "tutor-api", (Exc("ConnectionError", "Error 111 connecting to redis-cache.applethwaite.internal:6379. Connection refused.", (*DJANGO_VIEW, app("accounts.views", "me", 21, "profile = cache.get_or_set(key, build_profile, 300)"), pylib("django.core.cache.backends.redis", "get", 91, "value = client.get(key)"), pylib("redis.connection", "connect", 357, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **APP, noexc=True), see("datadog.log", **DD_LOG)),
        classes=(2, 10), entry="GET /api/v1/me/", log="profile cache unavailable: <exc>", logger="tutors.accounts"),
    # A time zone the container's tzdata lacks, over two releases.
    Bug("gv-timezone-unknown", "tutor-api", (Exc("ZoneInfoNotFoundError", "'No time zone found with key Europe/Kyiv '", (*DJANGO_VIEW, *DRF_CREATE, app("availability.serializers", "create", 40, "tz = ZoneInfo(validated_data['timezone'])"), pylib("zoneinfo._common", "load_tzdata", 24, "raise ZoneInfoNotFoundError(f\"No time zone found with key {key}\")")), module="zoneinfo"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog", 2)),
        classes=(1, 5), entry="POST /api/v1/availability/", span=2),
    # Soft time limit on the calendar backfill.
    Bug("gv-backfill-timelimit", "tutor-worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*CELERY_TASK, app("calendars.tasks", "backfill_calendar", 77, "for event in gcal.list_events(tutor.calendar_id, since):"), app("calendars.sync", "apply_event", 31, "Lesson.objects.filter(external_id=event['id']).update(**fields)")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **CELERY_TEXT), see("datadog.task", **TASK)),
        classes=(1, 8), entry="tutors.calendars.tasks.backfill_calendar"),
    # The reminder mails' SMTP relay dropping the connection mid-send.
    Bug("gv-reminder-smtp", "tutor-worker", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", (*CELERY_TASK, app("notifications.tasks", "send_lesson_reminder", 24, "msg.send(fail_silently=False)"), pylib("django.core.mail.backends.smtp", "send_messages", 144, "sent = self._send(message)"), pylib("smtplib", "getreply", 405, 'raise SMTPServerDisconnected("Connection unexpectedly closed")')), module="smtplib"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("datadog.task", **TASK)),
        classes=(1, 8), entry="tutors.notifications.tasks.send_lesson_reminder"),
    # Avatar uploads over Django's in-memory limit.
    Bug("gv-avatar-too-big", "tutor-api", (Exc("RequestDataTooBig", "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.", (*DJANGO_VIEW, app("accounts.views", "upload_avatar", 52, "form = AvatarForm(request.POST, request.FILES)"), pylib("django.http.request", "body", 345, '"Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE."')), module="django.core.exceptions"),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 1, **API)),
        classes=(1,), entry="POST /api/v1/me/avatar/"),
    # Seen once.
    Bug("gv-recursion", "tutor-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", (*DJANGO_VIEW, app("curriculum.views", "tree", 19, "return Response(build_tree(root))"), app("curriculum.tree", "build_tree", 12, "children = [build_tree(c) for c in node.children.all()]")), module="builtins"),),
        (see("sentry.error", 1),), entry="GET /api/v1/curriculum/tree/", singleton=True),
]

NOISE = [
    Noise("gv-noise-deploy", "tutor-api", "datadog.event", {"monitor": "Deploy", "text": "tutor-api 2026.11.1 deployed to prod-eu (migrations: 2 applied).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gv-noise-worker-ready", "tutor-worker", "splunk", {"search": "applethwaite - tutor-worker failures", "line": '{"asctime": "{gts},{millis}", "levelname": "INFO", "name": "celery.apps.worker", "message": "celery@tutor-worker-02 ready."}'}),
    Noise("gv-noise-recovered", "tutor-api", "datadog.log", {"monitor": "[tutor-api] error logs", "text": "Recovered: tutor-api error logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

APPLETHWAITE = Company(
    key="gv",
    name="Applethwaite Tutors",
    domain="applethwaite-tutors.example",
    sentry_org="applethwaite",
    splunk_url="https://splunk.applethwaite-tutors.example:8000",
    splunk_guid="5C1D7E3A-8B2F-4A9C-9D61-3E0F7B4A2C58",
    datadog_org=("731204", "Applethwaite Tutors"),
    datadog_template="recommended",
    posthog_project=(88204, "Applethwaite web"),
    releases=("2026.11.0", "2026.11.1", "2026.11.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="applethwaite-sentry-client-secret",
)
# fmt: on
