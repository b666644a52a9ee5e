"""(io) Hackthorpe Outdoor Hire, bikes, boats and camping kit for hire: a Django 5 app on Heroku
(``web``: gunicorn on ``web`` dynos, bookings, quotes, fitting sheets, returns and the staff
reports) and its Celery 5 workers on ``worker`` dynos (Heroku Data for Redis as the broker:
deposits through Stripe, supplier feeds, contract PDFs with WeasyPrint, mails through Anymail).

Logs: Logplex stamps and prefixes every stdout line; a Heroku log drain feeds Splunk (most
events merged per dyno by the team's line-merge rule, some cut short, some a lone line, one
sourcetype on the drain's RFC 5424 framing) and a second drain feeds Datadog, which keeps
one line per log (its log monitors paste the record's first line or the exception's line).
Heroku's router writes its own ``at=error code=H12`` lines for requests over 30 seconds: no
exception anywhere, only the router. Sentry: sentry-python with the Django and Celery
integrations. PostHog: posthog-python's ``capture_exception`` from the views' error
middleware. Datadog: log monitors and APM by error type. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, DJANGO_VIEW, django_integrity, py, pylib

# fmt: off
SDK = ("sentry.python.django", "2.20.0", "pypi:sentry-sdk")
SERVICES = {
    "web": Service("web", "python", "io-logplex", "heroku:logplex", "https://hackthorpe-hire.herokuapp.com/drain", "heroku", 8220301, "CPython 3.12.8", framework="django", sdk=SDK),
    "worker": Service("worker", "python", "io-logplex", "heroku:logplex", "https://hackthorpe-hire.herokuapp.com/drain", "heroku", 8220302, "CPython 3.12.8", framework="celery", sdk=("sentry.python.celery", "2.20.0", "pypi:sentry-sdk")),
}

# A plain Django function view (no REST framework).
DJ = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
    pylib("django.contrib.auth.decorators", "_wrapper_view", 59, "return view_func(request, *args, **kwargs)"),
)


def view(module: str, fn: str, line: int, context: str, caret: str = "") -> Frame:
    return py(f"hackthorpe.{module}", fn, line, context, caret=caret)


def task(module: str, fn: str, line: int, context: str, caret: str = "") -> tuple[Frame, ...]:
    return (*CELERY_TASK, py(f"hackthorpe.{module}", fn, line, context, caret=caret))


STRIPE_REQ = (
    pylib("stripe._api_resource", "retrieve", 94, "instance.refresh()"),
    pylib("stripe._api_requestor", "request", 197, "resp = requestor._interpret_response(rbody, rcode, rheaders, api_mode)"),
)
STRIPE_CONN = (
    pylib("stripe._api_requestor", "request", 192, "rbody, rcode, rheaders = requestor.request_raw("),
    pylib("stripe._api_requestor", "request_raw", 760, "raise APIConnectionError(msg, should_retry=should_retry)"),
)
CAPTURE = py("hackthorpe.payments.stripe_client", "capture_deposit_intent", 33, "intent = stripe.PaymentIntent.retrieve(intent_id)")

TPL = {"team": "hire", "monitor": "hire web: errors", "filter": "source:heroku service:hackthorpe-web status:error", "text": "Errors on {{log.service}}:\n\n```\n{{log.message}}\n```", "format": "io-plain", "sample_lines": 1}
TPL_TAIL = {**TPL, "part": "tail"}
WTPL = {"team": "hire", "monitor": "hire worker: task failures", "filter": "source:heroku service:hackthorpe-worker \"raised unexpected\"", "text": "A Celery task failed:\n\n```\n{{log.message}}\n```", "format": "io-plain", "sample_lines": 1}
APM = {"style": "type", "team": "hire"}
SPL = {"search": "hackthorpe - django errors"}
SPL_W = {"search": "hackthorpe - celery failures"}
ROUTER = "{tsnaive}+00:00 heroku[router]: at=error code=H12 desc=\"Request timeout\" method={m} path=\"{p}\" host=hackthorpe-hire.herokuapp.com request_id={uuid} fwd=\"{ip}\" dyno={dyno} connect=0ms service=30000ms status=503 bytes=0 protocol=https"
ROUTERMON = {"team": "hire", "monitor": "Heroku H12 request timeouts", "filter": "source:heroku @code:H12"}


def router(method: str, path: str, dyno: str) -> str:
    return ROUTER.replace("{m}", method).replace("{p}", path).replace("{dyno}", dyno)


BUGS = [
    # 1. The same KeyError at two views reading the hire form's dates.
    Bug("io-hire-enddate-keyerror", "web", (Exc("MultiValueDictKeyError", "'end_date'", (*DJ, view("bookings.views", "create_hire", 64, "end = parse_date(request.POST[\"end_date\"])", caret="request.POST[\"end_date\"]"), pylib("django.utils.datastructures", "__getitem__", 86, "raise MultiValueDictKeyError(key)")), module="django.utils.datastructures"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", **SPL), see("splunk", cut=6, **SPL), see("datadog.log", **TPL), see("posthog")),
        classes=(1, 4), pair="io-quote-enddate-keyerror", entry="POST /hire/{slug}/book/"),
    Bug("io-quote-enddate-keyerror", "web", (Exc("MultiValueDictKeyError", "'end_date'", (*DJ, view("quotes.views", "price_quote", 27, "days = (parse_date(request.POST[\"end_date\"]) - start).days", caret="request.POST[\"end_date\"]"), pylib("django.utils.datastructures", "__getitem__", 86, "raise MultiValueDictKeyError(key)")), module="django.utils.datastructures"),),
        (see("sentry.error", 2), see("splunk", syslog=True, sourcetype="heroku:syslog", **SPL), see("datadog.log", **TPL_TAIL), see("posthog", 2)),
        classes=(1, 4), pair="io-hire-enddate-keyerror", entry="POST /quote/"),
    # 2. Kit.DoesNotExist at the web's reservation and the worker's availability refresh.
    Bug("io-reserve-kit-missing", "web", (Exc("DoesNotExist", "Kit matching query does not exist.", (*DJ, view("bookings.views", "create_hire", 71, "kit = reserve_kit(form.cleaned_data[\"kit_code\"], start, end)"), view("bookings.services", "reserve_kit", 18, "kit = Kit.objects.select_for_update().get(code=code, depot=depot)"), *DJANGO_GET), module="hackthorpe.inventory.models", qual="Kit.DoesNotExist"),),
        (see("sentry.error", 3), see("splunk", **SPL), see("datadog.log", **TPL), see("datadog.apm", **APM), see("posthog")),
        classes=(1, 4), pair="io-availability-kit-missing", entry="POST /hire/{slug}/book/"),
    Bug("io-availability-kit-missing", "worker", (Exc("DoesNotExist", "Kit matching query does not exist.", (*task("inventory.tasks", "refresh_availability", 42, "kit = Kit.objects.get(pk=kit_id)"), *DJANGO_GET), module="hackthorpe.inventory.models", qual="Kit.DoesNotExist"),),
        (see("sentry.error", 3), see("splunk", **SPL_W), see("splunk", tail=True, **SPL_W), see("datadog.log", 2, **WTPL)),
        classes=(1, 4), pair="io-reserve-kit-missing", entry="hackthorpe.inventory.tasks.refresh_availability"),
    # 3. IntegrityError on two unique constraints.
    Bug("io-dup-booking-ref", "web", django_integrity((*DJ, view("bookings.views", "create_hire", 78, "booking = Booking.objects.create(ref=make_ref(), kit=kit, customer=request.user, start=start, end=end)")), "bookings_booking_ref_key", "Key (ref)=(HK-{id}) already exists."),
        (see("sentry.error", 3), see("splunk", **SPL), see("splunk", cut=8, **SPL), see("datadog.apm", **APM), see("datadog.log", **TPL_TAIL)),
        classes=(1, 4), pair="io-dup-deposit", entry="POST /hire/{slug}/book/"),
    Bug("io-dup-deposit", "worker", django_integrity(task("payments.tasks", "record_deposit", 36, "Deposit.objects.create(booking_id=booking_id, intent_id=intent.id, amount=intent.amount)"), "payments_deposit_booking_id_key", "Key (booking_id)=({id}) already exists."),
        (see("sentry.error", 2), see("splunk", **SPL_W), see("datadog.log", 2, **WTPL)),
        classes=(1, 4), pair="io-dup-booking-ref", entry="hackthorpe.payments.tasks.record_deposit"),
    # 4. H12 at the router for two slow pages: no exception anywhere.
    Bug("io-h12-checkout", "web", (),
        (see("splunk", 2, line=router("POST", "/checkout/{id}/pay/", "web.2"), search="heroku router errors"), see("datadog.log", 2, text="H12 at the router:\n\n```\n" + router("POST", "/checkout/{id}/pay/", "web.1").split(": ", 1)[1] + "\n```", **ROUTERMON)),
        classes=(8,), pair="io-h12-utilisation"),
    Bug("io-h12-utilisation", "web", (),
        (see("splunk", 2, line=router("GET", "/staff/reports/utilisation.csv?depot=keswick&month=2026-02", "web.3"), search="heroku router errors"), see("datadog.log", text="H12 at the router:\n\n```\n" + router("GET", "/staff/reports/utilisation.csv?depot=ambleside&month=2026-03", "web.1").split(": ", 1)[1] + "\n```", **ROUTERMON)),
        classes=(8,), pair="io-h12-checkout"),
    # 5. One Stripe helper: a connection error and an invalid request.
    Bug("io-deposit-stripe-conn", "worker", (Exc("APIConnectionError", "Unexpected error communicating with Stripe. If this problem persists,\nlet us know at support@stripe.com.\n\n(Network error: ReadTimeout: HTTPSConnectionPool(host='api.stripe.com', port=443): Read timed out. (read timeout=80))", (*task("payments.tasks", "capture_deposit", 21, "intent = capture_deposit_intent(booking.deposit_intent_id)"), CAPTURE, pylib("stripe._api_resource", "retrieve", 94, "instance.refresh()"), *STRIPE_CONN), module="stripe._error"),),
        (see("sentry.error", 3), see("sentry.alert", rule="Deposits failing"), see("splunk", **SPL_W), see("datadog.apm", **APM), see("datadog.log", **WTPL)),
        classes=(1, 9), pair="io-deposit-stripe-invalid", entry="hackthorpe.payments.tasks.capture_deposit"),
    Bug("io-deposit-stripe-invalid", "worker", (Exc("InvalidRequestError", "Request req_{hex}: No such payment_intent: 'pi_{hex}'", (*task("payments.tasks", "capture_deposit", 21, "intent = capture_deposit_intent(booking.deposit_intent_id)"), CAPTURE, *STRIPE_REQ), module="stripe._error"),),
        (see("sentry.error", 3), see("splunk", **SPL_W), see("splunk", cut=5, **SPL_W), see("datadog.apm", **APM), see("datadog.log", **WTPL)),
        classes=(1, 9), pair="io-deposit-stripe-conn", entry="hackthorpe.payments.tasks.capture_deposit"),
    # 6. The soft time limit in two tasks, under one monitor.
    Bug("io-utilisation-softlimit", "worker", (Exc("SoftTimeLimitExceeded", "", (*task("reports.tasks", "build_utilisation", 58, "for booking in qs.iterator(chunk_size=500):"), pylib("django.db.models.query", "_iterator", 516, "yield from iterable")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", **SPL_W), see("datadog.log", 2, **WTPL), see("datadog.apm", **APM)),
        classes=(1, 2), pair="io-feed-softlimit", entry="hackthorpe.reports.tasks.build_utilisation"),
    Bug("io-feed-softlimit", "worker", (Exc("SoftTimeLimitExceeded", "", (*task("inventory.tasks", "import_supplier_feed", 24, "resp = session.get(feed.url, timeout=None)"), pylib("requests.sessions", "get", 602, "return self.request(\"GET\", url, **kwargs)"), pylib("ssl", "read", 1103, "return self._sslobj.read(len, buffer)")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", tail=True, **SPL_W), see("splunk", **SPL_W), see("datadog.log", **WTPL)),
        classes=(1, 2), pair="io-utilisation-softlimit", entry="hackthorpe.inventory.tasks.import_supplier_feed"),
    # 7. The same AttributeError on a missing size profile in two views.
    Bug("io-fitting-size-none", "web", (Exc("AttributeError", "'NoneType' object has no attribute 'frame_size'", (*DJ, view("fitting.views", "fitting_sheet", 33, "size = booking.customer.size_profile.frame_size", caret="booking.customer.size_profile.frame_size")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", **SPL), see("posthog", 2), see("datadog.log", **TPL_TAIL)),
        classes=(1, 4), pair="io-checkin-size-none", entry="GET /staff/fitting/{id}/"),
    Bug("io-checkin-size-none", "web", (Exc("AttributeError", "'NoneType' object has no attribute 'frame_size'", (*DJANGO_VIEW, view("returns.views", "CheckInView.post", 51, "expected = kit.assigned_profile.frame_size", caret="kit.assigned_profile.frame_size")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", syslog=True, sourcetype="heroku:syslog", **SPL), see("posthog")),
        classes=(1, 4), pair="io-fitting-size-none", entry="POST /staff/returns/{id}/check-in/"),
    # Not pairs.
    Bug("io-contract-pdf", "worker", (Exc("URLFetchingError", "URLError: <urlopen error [Errno -3] Temporary failure in name resolution>", (*task("contracts.tasks", "render_contract", 19, "pdf = HTML(string=html, base_url=settings.STATIC_URL).write_pdf()"), pylib("weasyprint", "write_pdf", 241, "self.render(font_config, counter_style, **options)"), pylib("weasyprint.urls", "fetch", 307, "raise URLFetchingError(f\"{type(exc).__name__}: {exc}\")")), module="weasyprint.urls"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.error", release=2), see("splunk", release=2, **SPL_W), see("datadog.log", release=1, **WTPL)),
        classes=(1, 5), entry="hackthorpe.contracts.tasks.render_contract", span=3, renames={"render_contract": "render_hire_contract"}),
    Bug("io-anymail-rejected", "worker", (Exc("AnymailRequestsAPIError", "Sending a message to {email} is forbidden: the recipient is on the suppression list.\nPostmark API response 422 (Unprocessable Entity):\n{'ErrorCode': 406, 'Message': 'You tried to send to recipient(s) that have been marked as inactive.'}", (*task("mail.tasks", "send_confirmation", 14, "msg.send()"), pylib("django.core.mail.message", "send", 301, "return self.get_connection(fail_silently).send_messages([self])"), pylib("anymail.backends.base", "send_messages", 115, "sent = self._send(message)"), pylib("anymail.backends.base_requests", "raise_for_status", 124, "raise AnymailRequestsAPIError(")), module="anymail.exceptions"),),
        (see("sentry.error", 3), see("splunk", **SPL_W), see("datadog.log", **WTPL), see("datadog.apm", **APM)),
        classes=(1,), entry="hackthorpe.mail.tasks.send_confirmation"),
    Bug("io-redis-maxclients", "worker", (Exc("ConnectionError", "max number of clients reached", (*task("inventory.tasks", "refresh_availability", 39, "cache.set(f\"avail:{kit_id}\", payload, 300)"), pylib("django_redis.cache", "set", 86, "return self.client.set(*args, **kwargs)"), pylib("redis.connection", "read_response", 524, "raise response")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("splunk", cut=4, **SPL_W), see("datadog.log", 2, **WTPL), see("datadog.apm", **APM)),
        classes=(1, 9), entry="hackthorpe.inventory.tasks.refresh_availability"),
    Bug("io-singleton-strptime", "web", (Exc("ValueError", "time data '31/03/2026' does not match format '%Y-%m-%d'", (*DJ, view("staff.views", "depot_calendar", 22, "day = datetime.strptime(request.GET[\"day\"], \"%Y-%m-%d\").date()"), pylib("_strptime", "_strptime_datetime", 554, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"), pylib("_strptime", "_strptime", 333, "raise ValueError(\"time data %r does not match format %r\" %")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /staff/calendar/"),
    Bug("io-singleton-r14", "worker", (),
        (see("splunk", line="{tsnaive}+00:00 heroku[worker.2]: Error R14 (Memory quota exceeded)", search="heroku platform errors"),),
        singleton=True),
]

NOISE = [
    Noise("io-noise-release", "web", "splunk", {"line": "{tsnaive}+00:00 app[api]: Release v312 created by user deploy@hackthorpe.example", "search": "heroku platform errors"}),
    Noise("io-noise-restart", "web", "splunk", {"line": "{tsnaive}+00:00 heroku[web.1]: Cycling\n{tsnaive}+00:00 heroku[web.1]: State changed from up to starting", "search": "heroku platform errors"}),
    Noise("io-noise-recovered", "web", "datadog.log", {"monitor": "hire web: errors", "transition": "Recovered", "alert_type": "success", "team": "hire", "filter": "source:heroku service:hackthorpe-web status:error", "text": "hire web errors back to normal."}),
]

HACKTHORPE = Company(
    key="io",
    name="Hackthorpe Outdoor Hire",
    domain="hackthorpe.example",
    sentry_org="hackthorpe",
    splunk_url="https://hackthorpe.splunkcloud.com",
    splunk_guid="5E2A90C1-7B34-4D8F-9C06-A1E3F7B2D481",
    datadog_org=("822030", "Hackthorpe Outdoor Hire"),
    datadog_template="custom",
    posthog_project=(82203, "Hackthorpe hire"),
    releases=("v310", "v311", "v312"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hackthorpe-sentry-client-secret",
)
# fmt: on
