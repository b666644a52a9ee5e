"""(mr) Wetheral Cottages, a holiday-cottage letting agency: ``bookings-web``, a Python 3.11
Django 4.2 app (DRF API for the site, Django admin for owners) and ``bookings-worker``, Celery 5.3
workers fed by Celery beat (channel-manager iCal syncs, owner payouts, reminders), on DigitalOcean
App Platform; the guest site ``guest-app`` is SvelteKit 2 (Vite) with @sentry/sveltekit and
posthog-js.

Logs: stdlib ``logging`` with the ``verbose`` formatter on stdout, tracebacks on the following
lines; App Platform's log forwarding sends each line as an RFC 5424 message (Papertrail-style)
to a Splunk TCP syslog input (one event a line, or merged where the sourcetype's line breaker
joins the traceback) and to Datadog; one saved search and one log monitor over both
components. Sentry: sentry-python (Django, Celery), @sentry/sveltekit. PostHog: posthog-js's
exception autocapture on the guest site. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, DJANGO_VIEW, django_integrity, js, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_SK = ("sentry.javascript.sveltekit", "8.30.0", "npm:@sentry/sveltekit")
ORIGIN = "https://stay.wetheralcottages.example"
SERVICES = {
    "bookings-web": Service("bookings-web", "python", "mr-syslog", "syslog:do-app-platform", "tcp:6514", "wetheral_apps", 11170031, "CPython 3.11.9", framework="django"),
    "bookings-worker": Service("bookings-worker", "python", "mr-syslog", "syslog:do-app-platform", "tcp:6514", "wetheral_apps", 11170032, "CPython 3.11.9", framework="celery"),
    "guest-app": Service("guest-app", "javascript", "", "", "", "", 11170033, origin=ORIGIN, framework="onerror", sdk=SDK_SK),
}


def app(module: str, function: str, line: int, context: str = "") -> Frame:
    return py(f"wetheral.{module}", function, line, context)


REQ = (
    pylib("requests.api", "get", 73, "return request(\"get\", url, params=params, **kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
FETCH = app("channels.client", "fetch_calendar", 31, "resp = requests.get(url, timeout=20)")

SEARCH = dict(search="Wetheral - App Platform errors (syslog)", owner="wc_ops", app="wetheral")
HEAD = dict(SEARCH, part="head")
TAIL = dict(SEARCH, part="tail")
ALL = dict(SEARCH, part="all", limit=40)
DD = dict(team="bookings", monitor="[app platform] ERROR lines on bookings", format="mr-dd", filter="source:syslog service:wetheral-bookings status:error", style="sample", sample_lines=1)
DD_TAIL = dict(DD, part="tail")

SV = "node_modules/svelte/src/internal/client/"
CLICK = (js(SV + "dom/elements/events.js", "HTMLButtonElement.handle_event_propagation", 292, 20, "chunks/events", lib=True),)
EFFECT = (
    js(SV + "runtime.js", "flush_queued_effects", 690, 5, "chunks/runtime", lib=True),
    js(SV + "runtime.js", "update_effect", 540, 15, "chunks/runtime", lib=True),
)
GUESTS = JsError("read-undefined", "booking.party", "adults")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**SEARCH, **opts})


def ph(browser: str, chunk: str, n: int = 1) -> Seen:
    return see("posthog", n, browser=browser, chunk=chunk)


BUGS = [
    # DoesNotExist for two models in two views: the entity is the bug.
    Bug("mr-cottage-missing", "bookings-web", (Exc("DoesNotExist", "Cottage matching query does not exist.", (*DJANGO_VIEW, app("cottages.views", "retrieve", 42, "cottage = Cottage.objects.get(slug=kwargs['slug'])"), *DJANGO_GET), module="wetheral.cottages.models", qual="Cottage.DoesNotExist"),),
        (see("sentry.error", 3), spl(**HEAD), spl(**ALL), see("datadog.log", **DD)),
        classes=(1, 3), pair="mr-voucher-missing", entry="GET /api/cottages/{slug}/"),
    Bug("mr-voucher-missing", "bookings-web", (Exc("DoesNotExist", "GiftVoucher matching query does not exist.", (*DJANGO_VIEW, app("vouchers.views", "redeem", 28, "voucher = GiftVoucher.objects.get(code=request.data['code'])"), *DJANGO_GET), module="wetheral.vouchers.models", qual="GiftVoucher.DoesNotExist"),),
        (see("sentry.error", 2), spl(**HEAD), spl(**TAIL), see("datadog.log", 2, **DD)),
        classes=(1, 3), pair="mr-cottage-missing", entry="POST /api/vouchers/redeem/"),
    # Unique violations on two tables.
    Bug("mr-booking-overlap", "bookings-web", django_integrity((app("bookings.services", "create_booking", 57, "booking = Booking.objects.create(cottage=cottage, **dates)"),), "bookings_booking_cottage_id_arrival_uniq", "Key (cottage_id, arrival)=({course}, 2026-04-{idx}) already exists."),
        (see("sentry.error", 3), spl(2, **ALL), spl(**TAIL), see("datadog.log", **DD)),
        classes=(1, 3), pair="mr-review-dup", entry="POST /api/bookings/"),
    Bug("mr-review-dup", "bookings-web", django_integrity((app("reviews.views", "create", 33, "Review.objects.create(booking=booking, **serializer.validated_data)"),), "reviews_review_booking_id_key", "Key (booking_id)=({id}) already exists."),
        (see("sentry.error", 2), spl(**ALL), spl(**TAIL), see("datadog.log", **DD_TAIL)),
        classes=(1, 3), pair="mr-booking-overlap", entry="POST /api/reviews/"),
    # One calendar fetch helper timing out under two beat tasks.
    Bug("mr-ical-airbnb-timeout", "bookings-worker", (Exc("ReadTimeout", "HTTPSConnectionPool(host='www.airbnb.example', port=443): Read timed out. (read timeout=20)", (*CELERY_TASK, app("channels.tasks", "sync_airbnb_calendars", 19, "events = fetch_calendar(listing.ical_url)"), FETCH, *REQ), module="requests.exceptions"),),
        (see("sentry.error", 3), spl(**HEAD), spl(**ALL), see("datadog.log", 2, **DD)),
        classes=(1, 9), pair="mr-ical-vrbo-timeout", entry="wetheral.channels.tasks.sync_airbnb_calendars"),
    Bug("mr-ical-vrbo-timeout", "bookings-worker", (Exc("ReadTimeout", "HTTPSConnectionPool(host='www.vrbo.example', port=443): Read timed out. (read timeout=20)", (*CELERY_TASK, app("channels.tasks", "sync_vrbo_calendars", 44, "events = fetch_calendar(listing.feed_url)"), FETCH, *REQ), module="requests.exceptions"),),
        (see("sentry.error", 2), spl(2, **HEAD), see("datadog.log", **DD)),
        classes=(1, 9), pair="mr-ical-airbnb-timeout", entry="wetheral.channels.tasks.sync_vrbo_calendars"),
    # One nightly price function, two exceptions.
    Bug("mr-price-season-key", "bookings-web", (Exc("KeyError", "'peak-easter'", (*DJANGO_VIEW, app("pricing.views", "quote", 21, "total = nightly_total(cottage, nights)"), app("pricing.rates", "nightly_total", 48, "rate = cottage.rates[season_for(night)]"))),),
        (see("sentry.error", 3), spl(**ALL), spl(**TAIL), see("datadog.log", **DD_TAIL)),
        classes=(1, 2), pair="mr-price-none-rate", entry="GET /api/cottages/{slug}/quote/"),
    Bug("mr-price-none-rate", "bookings-web", (Exc("TypeError", "unsupported operand type(s) for *: 'NoneType' and 'decimal.Decimal'", (*DJANGO_VIEW, app("pricing.views", "quote", 21, "total = nightly_total(cottage, nights)"), app("pricing.rates", "nightly_total", 51, "total += rate.amount * multiplier"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(**ALL), spl(**TAIL), see("datadog.log", 2, **DD_TAIL)),
        classes=(1, 2, 5), pair="mr-price-season-key", entry="GET /api/cottages/{slug}/quote/", span=3),
    # Owner payouts: Stripe Connect account missing capability; reminders: SMTP refused.
    Bug("mr-payout-stripe", "bookings-worker", (Exc("InvalidRequestError", "Request {req}: Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments", (*CELERY_TASK, app("payouts.tasks", "pay_owner", 36, "stripe.Transfer.create(amount=amount, currency='gbp', destination=owner.stripe_account)"), pylib("stripe._api_requestor", "_interpret_response", 808)), module="stripe._error"),),
        (see("sentry.error", 3), spl(**HEAD), spl(**ALL), see("datadog.log", **DD)),
        classes=(1,), pair="mr-reminder-smtp", entry="wetheral.payouts.tasks.pay_owner"),
    Bug("mr-reminder-smtp", "bookings-worker", (Exc("SMTPRecipientsRefused", "{'{email}': (550, b'5.1.1 The email account that you tried to reach does not exist.')}", (*CELERY_TASK, app("reminders.tasks", "send_arrival_reminder", 25, "msg.send()"), pylib("django.core.mail.backends.smtp", "_send", 155, "self.connection.sendmail(from_email, recipients, message.as_bytes(linesep=\"\\r\\n\"))"), pylib("smtplib", "sendmail", 901, "raise SMTPRecipientsRefused(senderrs)")), module="smtplib"),),
        (see("sentry.error", 2), spl(2, **HEAD), see("datadog.log", 2, **DD)),
        classes=(1,), pair="mr-payout-stripe", entry="wetheral.reminders.tasks.send_arrival_reminder"),
    # The guest site: the same undefined party in two components.
    Bug("mr-guest-summary-party", "guest-app", (Exc("TypeError", frames=(*EFFECT, js("src/lib/components/BookingSummary.svelte", "BookingSummary", 24, 31, "nodes/4")), js=GUESTS),),
        (see("sentry.error", 2), see("sentry.error", browser="safari"), ph("chrome", "nodes/4", 2), ph("firefox", "nodes/4")),
        classes=(4, 10), pair="mr-guest-checkout-party", page="/book/{slug}"),
    Bug("mr-guest-checkout-party", "guest-app", (Exc("TypeError", frames=(*CLICK, js("src/routes/checkout/+page.svelte", "submit", 71, 18, "nodes/6"), js("src/lib/pricing.ts", "partyFee", 9, 27, "chunks/pricing")), js=GUESTS),),
        (see("sentry.error", 2, browser="edge"), see("sentry.error", browser="firefox"), ph("chrome", "nodes/6"), ph("safari", "nodes/6")),
        classes=(4, 10), pair="mr-guest-summary-party", page="/checkout"),
    # A dynamic import of a route node after a deploy.
    Bug("mr-guest-chunk-load", "guest-app", (Exc("TypeError", "Failed to fetch dynamically imported module: https://stay.wetheralcottages.example/_app/immutable/nodes/6.{hex}.js", (js("node_modules/@sveltejs/kit/src/runtime/client/client.js", "load_node", 612, 30, "entry/start", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://stay.wetheralcottages.example/_app/immutable/nodes/6.{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2), see("sentry.error", browser="safari"), ph("firefox", "entry/start"), ph("safari", "entry/start")),
        classes=(3,), page="/checkout"),
    # Celery soft time limit in the nightly owner statements.
    Bug("mr-statements-soft-limit", "bookings-worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*CELERY_TASK, app("statements.tasks", "build_owner_statements", 62, "pdf = render_statement(owner, month)"), app("statements.render", "render_statement", 18, "return HTML(string=html).write_pdf()")), module="celery.exceptions"),),
        (see("sentry.error", 2), spl(2, **HEAD), spl(**ALL), see("datadog.log", **DD)),
        classes=(1,), entry="wetheral.statements.tasks.build_owner_statements"),
    # A singleton: recursion in the admin's cottage tree.
    Bug("mr-admin-recursion", "bookings-web", (Exc("RecursionError", "maximum recursion depth exceeded", (*DJANGO_VIEW, app("cottages.admin", "group_tree", 14, "return [group_tree(child) for child in node.children.all()]"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /admin/cottages/group/"),
]

NOISE = [
    Noise("mr-noise-deploy", "bookings-web", "splunk", {**SEARCH, "line": "<14>1 {ts} wetheral-bookings bookings-web - - - [2026-03-0{idx} 09:12:44 +0000] [1] [INFO] Booting worker with pid: {pid}"}),
    Noise("mr-noise-beat", "bookings-worker", "splunk", {**SEARCH, "line": "<14>1 {ts} wetheral-bookings bookings-worker - - - INFO {gts},{millis} beat 1 140012345678912 Scheduler: Sending due task sync-airbnb-calendars (wetheral.channels.tasks.sync_airbnb_calendars)"}),
    Noise("mr-noise-synthetics", "guest-app", "datadog.log", {"monitor": "[guest site] checkout browser test", "transition": "Recovered", "alert_type": "success", "team": "bookings", "filter": "source:synthetics", "text": "Browser test 'Book a cottage' passed in all 3 locations."}),
    Noise("mr-noise-recovered", "bookings-web", "datadog.log", {"monitor": "[app platform] ERROR lines on bookings", "transition": "Recovered", "alert_type": "success", "team": "bookings", "filter": "source:syslog service:wetheral-bookings status:error", "text": "No ERROR lines from bookings in the last 10 minutes."}),
]

WETHERAL = Company(
    key="mr",
    name="Wetheral Cottages",
    domain="wetheralcottages.example",
    sentry_org="wetheral-cottages",
    splunk_url="https://wetheral.splunkcloud.example",
    splunk_guid="A7D31F08-2C6E-4B59-8E40-96B1C5F2E7A3",
    datadog_org=("1117003", "Wetheral Cottages"),
    datadog_template="recommended",
    posthog_project=(91172, "Wetheral guest site"),
    releases=("2026.03.02", "2026.03.07", "2026.03.12"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="wetheral-sentry-client-secret",
)
# fmt: on
