"""(nk) Jacksdale Lettings, a residential letting agent: a Django 5.1 app with Django REST
Framework (``lettings-web`` under gunicorn; the tenant and landlord portals' API, psycopg2,
httpx to GoCardless and the Rightmove feed) and Celery 5.4 workers on SQS
(``lettings-worker``: rent statements, listing syncs, renewal e-mails, inspection reports),
Python 3.11 on AWS ECS Fargate.

Logging: the ``awslogs`` driver, no multi-line pattern, so every line of a traceback is its own
CloudWatch event; Django's ``verbose`` formatter from its logging docs, Celery's worker format.
A subscription filter feeds Kinesis Data Firehose into Splunk HEC: the web service's stream
without message extraction (the HEC event is the CloudWatch subscription envelope, some lines
of a traceback in its ``logEvents``), the worker's with it (one line a row). One saved search
over both. The Datadog Forwarder ships the same events, one line a log: one log monitor over
both services pasting ``{{log.message}}``. sentry-python with the Django and Celery
integrations. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
    DJANGO_GET,
    DJANGO_VIEW,
    django_integrity,
    httpx_timeout,
    py,
    pylib,
)

# fmt: off
SDK = ("sentry.python", "2.18.0", "pypi:sentry-sdk")
SERVICES = {
    "lettings-web": Service("lettings-web", "python", "nk-firehose", "aws:cloudwatchlogs", "aws:firehose", "jacksdale_prod", 12410011, "CPython 3.11.10", framework="django", sdk=SDK),
    "lettings-worker": Service("lettings-worker", "python", "nk-firehose", "aws:cloudwatchlogs", "aws:firehose", "jacksdale_prod", 12410012, "CPython 3.11.10", framework="celery", sdk=SDK),
}


def m(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"lettings.{module}", function, line, context)


def view(*frames: Frame) -> tuple[Frame, ...]:
    return (*DJANGO_VIEW, *frames)


def task(*frames: Frame) -> tuple[Frame, ...]:
    return (*CELERY_TASK, *frames)


# The one partner HTTP helper every integration goes through.
POST_JSON = m("integrations.http", "post_json", 41, "response = client.post(url, json=payload, timeout=self.timeout)")
RENT_KEY = "'monthly_rent'"
SOFT = "SoftTimeLimitExceeded(True,)"

SEARCH = dict(search="Jacksdale lettings - ERROR lines", owner="lettings_ops", app="jacksdale")
WEB_ENV = dict(**SEARCH, events=7)
WEB_TAIL = dict(**SEARCH, first=9, events=20)
WORKER_LINE = dict(**SEARCH, extract=True)
DD = dict(team="lettings", monitor="[lettings] ERROR lines on ECS", format="nk-cwline", filter="source:python service:(lettings-web OR lettings-worker) status:error", text="New ERROR lines on {{log.service}}:\n\n```\n{{log.message}}\n```", sample_lines=1)


def spl(n: int = 1, **opts: object) -> object:
    return see("splunk", n, **{**SEARCH, **opts})


BUGS = [
    # 1. Unique violations on two tables, both created in a view.
    Bug("nk-tenancy-unique", "lettings-web", django_integrity(view(m("tenancies.views", "create", 58, "tenancy = Tenancy.objects.create(**serializer.validated_data)")), "tenancies_tenancy_property_id_start_date_key", "Key (property_id, start_date)=({id}, 2026-04-01) already exists."),
        (see("sentry.error", 2), see("sentry.error", release=1), spl(**WEB_ENV), spl(**WEB_TAIL), see("datadog.log", **DD, part="head"), see("datadog.log", **DD, part="last")),
        classes=(1, 4), pair="nk-deposit-unique", entry="POST /api/tenancies/", span=2),
    Bug("nk-deposit-unique", "lettings-web", django_integrity(view(m("deposits.views", "register", 33, "deposit = Deposit.objects.create(tenancy=tenancy, scheme=scheme, amount=amount)")), "deposits_deposit_tenancy_id_key", "Key (tenancy_id)=({id}) already exists."),
        (see("sentry.error", 3), spl(**WEB_TAIL), see("datadog.log", **DD, part="last")),
        classes=(1, 4), pair="nk-tenancy-unique", entry="POST /api/deposits/"),
    # 2. The same KeyError in a view and in the statements task.
    Bug("nk-rent-keyerror", "lettings-web", (Exc("KeyError", RENT_KEY, view(m("tenancies.views", "rent_schedule", 102, "amount = Decimal(terms['monthly_rent'])"), m("tenancies.schedule", "build_schedule", 27, "months.append(terms['monthly_rent'])"))),),
        (see("sentry.error", 2), see("sentry.issue"), spl(**WEB_ENV), see("datadog.log", **DD, part="head")),
        classes=(1, 4), pair="nk-statement-keyerror", entry="GET /api/tenancies/{id}/schedule/"),
    Bug("nk-statement-keyerror", "lettings-worker", (Exc("KeyError", RENT_KEY, task(m("statements.tasks", "generate_landlord_statements", 44, "lines = [statement_line(t) for t in tenancies]"), m("statements.lines", "statement_line", 19, "rent = tenancy.terms['monthly_rent']"))),),
        (see("sentry.error", 3), spl(**WORKER_LINE, part="head"), spl(**WORKER_LINE, part="last"), see("datadog.log", 2, **DD, part="head")),
        classes=(1, 4), pair="nk-rent-keyerror", entry="lettings.statements.tasks.generate_landlord_statements"),
    # 3. One inspection view, two exceptions.
    Bug("nk-inspection-missing", "lettings-web", (Exc("DoesNotExist", "Property matching query does not exist.", view(m("inspections.views", "book", 37, "prop = Property.objects.get(pk=request.data['property'])"), *DJANGO_GET), module="lettings.properties.models", qual="Property.DoesNotExist"),),
        (see("sentry.error", 3), spl(**WEB_ENV), see("datadog.log", **DD, part="last")),
        classes=(1,), pair="nk-inspection-naive", entry="POST /api/inspections/"),
    Bug("nk-inspection-naive", "lettings-web", (Exc("TypeError", "can't compare offset-naive and offset-aware datetimes", view(m("inspections.views", "book", 41, "if slot.starts_at < timezone.now():"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(**WEB_TAIL), see("datadog.log", **DD, part="last")),
        classes=(1, 5), pair="nk-inspection-missing", entry="POST /api/inspections/", span=3),
    # 4. Two partners timing out behind one helper.
    Bug("nk-gocardless-timeout", "lettings-worker", httpx_timeout(task(m("payments.tasks", "collect_rent", 52, "mandate.collect(amount)"), m("integrations.gocardless", "create_payment", 29, "return post_json('/payments', payload)"), POST_JSON), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 3), spl(**WORKER_LINE, part="head"), spl(**WORKER_LINE, part="last"), see("datadog.log", **DD, part="last")),
        classes=(1, 9), pair="nk-rightmove-timeout", entry="lettings.payments.tasks.collect_rent"),
    Bug("nk-rightmove-timeout", "lettings-worker", httpx_timeout(task(m("listings.tasks", "sync_portal_listings", 66, "feed.push(listing)"), m("integrations.rightmove", "send_property", 48, "return post_json('/v1/property/sendpropertydetails', body)"), POST_JSON), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(**WORKER_LINE, part="head"), see("datadog.log", **DD, part="head")),
        classes=(1, 5, 9), pair="nk-gocardless-timeout", entry="lettings.listings.tasks.sync_portal_listings", span=3, renames={"send_property": "push_property"}),
    # 5. The soft time limit in two tasks.
    Bug("nk-statement-timelimit", "lettings-worker", (Exc("SoftTimeLimitExceeded", SOFT, task(m("statements.tasks", "render_statement_pdf", 88, "pdf = HTML(string=html).write_pdf()"), pylib("weasyprint", "write_pdf", 252, "return self.render(font_config, counter_style, **options).write_pdf("), pylib("billiard.pool", "soft_timeout_sighandler", 229, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 2), spl(**WORKER_LINE, part="head"), spl(**WORKER_LINE, part="last"), see("datadog.log", **DD, part="head")),
        classes=(1, 4), pair="nk-listing-timelimit", entry="lettings.statements.tasks.render_statement_pdf"),
    Bug("nk-listing-timelimit", "lettings-worker", (Exc("SoftTimeLimitExceeded", SOFT, task(m("listings.tasks", "resize_listing_photos", 31, "for photo in listing.photos.all():"), m("listings.images", "resize", 17, "img = Image.open(photo.file).convert('RGB')"), pylib("billiard.pool", "soft_timeout_sighandler", 229, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 3), spl(**WORKER_LINE, part="head"), see("datadog.log", **DD, part="head")),
        classes=(1, 4), pair="nk-statement-timelimit", entry="lettings.listings.tasks.resize_listing_photos"),
    # Not pairs.
    Bug("nk-s3-nosuchkey", "lettings-worker", (Exc("NoSuchKey", "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", task(m("inspections.tasks", "build_inspection_report", 23, "photos = [storage.open(p.key).read() for p in inspection.photos.all()]"), pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)")), module="botocore.errorfactory"),),
        (see("sentry.error", 3), spl(**WORKER_LINE, part="head"), spl(**WORKER_LINE, part="last"), see("datadog.log", **DD, part="last")),
        classes=(1,), entry="lettings.inspections.tasks.build_inspection_report"),
    Bug("nk-smtp-disconnected", "lettings-worker", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", task(m("renewals.tasks", "send_renewal_offer", 40, "message.send()"), pylib("django.core.mail.message", "send", 301, "return self.get_connection(fail_silently).send_messages([self])"), pylib("django.core.mail.backends.smtp", "send_messages", 128, "new_conn_created = self.open()"), pylib("smtplib", "getreply", 405, "raise SMTPServerDisconnected(\"Connection unexpectedly closed\")")), module="smtplib"),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(**WORKER_LINE, part="head"), see("datadog.log", **DD, part="head")),
        classes=(1, 5), entry="lettings.renewals.tasks.send_renewal_offer", span=3, renames={"send_renewal_offer": "send_renewal_offer_email"}),
    Bug("nk-decimal-invalid", "lettings-web", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", view(m("offers.views", "make_offer", 49, "rent = Decimal(request.data['rent'].replace('£', ''))")), module="decimal"),),
        (see("sentry.error", 3), spl(**WEB_ENV), see("datadog.log", **DD, part="last")),
        classes=(1,), entry="POST /api/offers/"),
    Bug("nk-redis-conn", "lettings-web", (Exc("ConnectionError", "Error 111 connecting to lettings-cache.abc123.euw2.cache.amazonaws.com:6379. Connection refused.", view(m("portal.views", "dashboard", 22, "stats = cache.get_or_set(key, compute_stats, 300)"), pylib("django.core.cache.backends.redis", "get", 91, "value = self._cache.get(key)"), pylib("redis.connection", "connect", 363, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), spl(**WEB_ENV), spl(**WEB_TAIL), see("datadog.log", 2, **DD, part="last")),
        classes=(1,), entry="GET /api/portal/dashboard/"),
    Bug("nk-attr-none-landlord", "lettings-web", (Exc("AttributeError", "'NoneType' object has no attribute 'bank_account'", view(m("landlords.views", "payout_preview", 71, "account = prop.landlord.bank_account"))),),
        (see("sentry.error", 3), spl(**WEB_ENV), see("datadog.log", **DD, part="last")),
        classes=(1,), entry="GET /api/landlords/{id}/payouts/preview/"),
    # Seen once.
    Bug("nk-memory-export", "lettings-worker", (Exc("MemoryError", "", task(m("reports.tasks", "export_arrears_csv", 35, "rows = list(queryset.values_list(*FIELDS))"))),),
        (see("sentry.error"),),
        singleton=True, entry="lettings.reports.tasks.export_arrears_csv"),
]

NOISE = [
    Noise("nk-noise-deploy", "lettings-web", "datadog.event", {"monitor": "Deployed lettings-web 2026.11.3", "text": "ECS service lettings-web reached a steady state: task definition lettings-web:214.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings", "release": "2"}),
    Noise("nk-noise-celery-ready", "lettings-worker", "splunk", {**SEARCH, "line": "[{gts},{millis}: INFO/MainProcess] celery@ip-10-40-3-{n}.eu-west-2.compute.internal ready."}),
    Noise("nk-noise-recovered", "lettings-web", "datadog.log", {"monitor": "[lettings] ERROR lines on ECS", "transition": "Recovered", "alert_type": "success", "team": "lettings", "filter": "source:python service:(lettings-web OR lettings-worker) status:error", "text": "ERROR lines back under the threshold."}),
]

JACKSDALE = Company(
    key="nk",
    name="Jacksdale Lettings",
    domain="jacksdale-lettings.example",
    sentry_org="jacksdale-lettings",
    splunk_url="https://jacksdale.splunkcloud.example",
    splunk_guid="8B2F6D14-7C3A-4E95-B1D8-2A6E9F0C4B71",
    datadog_org=("1240011", "Jacksdale Lettings"),
    datadog_template="recommended",
    posthog_project=(92401, "Jacksdale"),
    releases=("2026.11.1", "2026.11.2", "2026.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jacksdale-sentry-client-secret",
)
# fmt: on
