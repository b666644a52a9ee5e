"""(bt) Brookvale Tickets, a box office for small venues: a Django 5.1 + DRF API on Python 3.11
(``boxoffice-api``, gunicorn on Kubernetes), Celery 5.4 workers on Redis (``boxoffice-worker``:
payouts, reminders, ticket PDFs) and a React 18 SPA built by Vite 5 (``boxoffice-spa``:
``/assets/<Name>-<hash>.js``).

Sentry: sentry-sdk 2 with the Django and Celery integrations, @sentry/react 8 (source maps
from the second release on). Splunk: Django's ``LOGGING`` through python-json-logger's
``JsonFormatter`` on stdout, read by the Splunk OTel collector; the worker's handler trims
long tracebacks on one release. Datadog: ddtrace APM monitors (by error type, by route,
Celery ``celery.run`` spans by task) through the team's own template (``bt-brookvale``).
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
    DJANGO_GET,
    DJANGO_VIEW,
    REACT_CLICK,
    REACT_RENDER,
    django_integrity,
    js,
    py,
    pylib,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "boxoffice-api": Service("boxoffice-api", "python", "bt-pjl-django", "brookvale:django:json", "/var/log/containers/boxoffice-api.log", "bv_boxoffice", 8120031, "CPython 3.11.10", framework="django", sdk=("sentry.python.django", "2.19.0", "pypi:sentry-sdk")),
    "boxoffice-worker": Service("boxoffice-worker", "python", "bt-pjl-django", "brookvale:celery:json", "/var/log/containers/boxoffice-worker.log", "bv_boxoffice", 8120034, "CPython 3.11.10", framework="celery", sdk=("sentry.python.celery", "2.19.0", "pypi:sentry-sdk")),
    "boxoffice-spa": Service("boxoffice-spa", "javascript", "", "", "", "", 8120037, origin="https://tickets.brookvale.example", framework="onerror", sdk=("sentry.javascript.react", "8.40.0", "npm:@sentry/react")),
}

TEAM = "boxoffice"
APM_TYPE = {"style": "type", "monitor": "boxoffice-api errors by type", "team": TEAM}
APM_MSG = {"style": "message", "monitor": "boxoffice-api error spans", "team": TEAM}
API_SEARCH = {"search": "boxoffice-api 500s"}
WORKER_SEARCH = {"search": "boxoffice-worker task errors"}
# Every Stripe call goes through one helper: its frame ends both timeouts.
STRIPE_CALL = py("payments.stripe_client", "call_stripe", 41, "return fn(**kwargs)")
STRIPE_LIB = (
    pylib("stripe._api_resource", "_static_request", 159, "return requestor.request("),
    pylib("stripe._api_requestor", "request", 197, "rbody, rcode, rheaders = self.request_raw("),
    pylib("stripe._http_client", "request_with_retries", 189, "raise connection_error"),
)
STRIPE_TIMEOUT = "Request to Stripe timed out. Network error: A ReadTimeout was raised."
PDF_LIB = (
    pylib("weasyprint", "write_pdf", 252, "return self.render(font_config, counter_style, **options).write_pdf("),
    pylib("weasyprint.document", "write_pdf", 377, "pdf = generate_pdf(self, target, zoom, **options)"),
)


def _api(view: str, line: int, ctx: str, *inner: object) -> tuple:
    module, func = view.rsplit(":", 1)
    return (*DJANGO_VIEW, py(module, func, line, ctx), *inner)


BUGS = [
    # Unique constraints of two tables: a seat held twice, a promo code redeemed twice.
    Bug("bt-seat-hold-unique", "boxoffice-api", django_integrity(_api("seating.views:SeatHoldViewSet.create", 58, "hold = SeatHold.objects.create(performance=perf, seat=seat, basket=basket)"), "seating_seathold_performance_id_seat_id_uniq", "Key (performance_id, seat_id)=({id}, {n}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bt-promo-redeem-unique", entry="POST /api/v1/performances/{performance_id}/holds/", span=2),
    Bug("bt-promo-redeem-unique", "boxoffice-api", django_integrity(_api("promos.views:RedeemPromoView.post", 33, "PromoRedemption.objects.create(code=code, order=order)"), "promos_promoredemption_code_id_order_id_uniq", "Key (code_id, order_id)=({n}, {order}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bt-seat-hold-unique", entry="POST /api/v1/orders/{order_id}/promo/"),
    # A venue without a time zone: the same AttributeError in a serializer and a reminder task.
    Bug("bt-event-venue-tz", "boxoffice-api", (Exc("AttributeError", "'NoneType' object has no attribute 'timezone'", _api("events.views:EventViewSet.retrieve", 71, "return Response(self.get_serializer(event).data)", py("events.serializers", "EventSerializer.get_doors_open", 44, "tz = obj.venue.timezone")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_MSG)),
        classes=(4,), pair="bt-reminder-venue-tz", entry="GET /api/v1/events/{event_id}/", span=2, renames={"EventViewSet.retrieve": "EventDetailViewSet.retrieve"}),
    Bug("bt-reminder-venue-tz", "boxoffice-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'timezone'", (*CELERY_TASK, py("notifications.tasks", "send_show_reminders", 27, "for ticket in due: remind(ticket)"), py("notifications.reminders", "remind", 52, "local = ticket.performance.venue.timezone")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("splunk", half=True, **WORKER_SEARCH), see("datadog.task", monitor="celery.run errors: notifications.tasks.send_show_reminders", team=TEAM)),
        classes=(4,), pair="bt-event-venue-tz", entry="notifications.tasks.send_show_reminders"),
    # The payout task: a missing fee rate for a new venue, and a division when a show has no sales.
    Bug("bt-payout-fee-keyerror", "boxoffice-worker", (Exc("KeyError", "'fee_rate'", (*CELERY_TASK, py("payouts.tasks", "settle_venue_payout", 36, "amount = compute_payout(venue, sales)"), py("payouts.compute", "compute_payout", 19, "rate = venue.contract['fee_rate']")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", monitor="celery.run errors: payouts.tasks.settle_venue_payout", team=TEAM)),
        classes=(4,), pair="bt-payout-zero-division", entry="payouts.tasks.settle_venue_payout"),
    Bug("bt-payout-zero-division", "boxoffice-worker", (Exc("ZeroDivisionError", "division by zero", (*CELERY_TASK, py("payouts.tasks", "settle_venue_payout", 36, "amount = compute_payout(venue, sales)"), py("payouts.compute", "compute_payout", 24, "avg = gross / sales.count()")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", monitor="celery.run errors: payouts.tasks.settle_venue_payout", team=TEAM)),
        classes=(4,), pair="bt-payout-fee-keyerror", entry="payouts.tasks.settle_venue_payout"),
    # Stripe timing out inside the shared helper: at checkout and in the refund task.
    Bug("bt-checkout-stripe-timeout", "boxoffice-api", (Exc("APIConnectionError", STRIPE_TIMEOUT, _api("checkout.views:CheckoutView.post", 64, "intent = create_intent(order)", py("payments.intents", "create_intent", 22, "return call_stripe(stripe.PaymentIntent.create, amount=order.total_minor, currency=order.currency)"), STRIPE_CALL, *STRIPE_LIB), module="stripe._error"),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("datadog.apm", style="route", monitor="POST /api/v1/checkout/ error rate", team=TEAM)),
        classes=(9,), pair="bt-refund-stripe-timeout", entry="POST /api/v1/checkout/"),
    Bug("bt-refund-stripe-timeout", "boxoffice-worker", (Exc("APIConnectionError", STRIPE_TIMEOUT, (*CELERY_TASK, py("refunds.tasks", "refund_cancelled_show", 48, "call_stripe(stripe.Refund.create, payment_intent=order.intent_id)"), STRIPE_CALL, *STRIPE_LIB), module="stripe._error"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", monitor="celery.run errors: refunds.tasks.refund_cancelled_show", team=TEAM)),
        classes=(9,), pair="bt-checkout-stripe-timeout", entry="refunds.tasks.refund_cancelled_show"),
    # Two React components reading .price of an undefined line: three engines' words.
    Bug("bt-js-basket-price", "boxoffice-spa", (Exc("TypeError", frames=(*REACT_RENDER, js("src/basket/BasketSummary.tsx", "BasketSummary", 37, 29, "BasketSummary"), js("src/basket/totals.ts", "lineTotal", 8, 21, "BasketSummary")), js=JsError("read-undefined", "line.tier", "price")),),
        (see("sentry.error", 2, browser="chrome", chunk="BasketSummary", raw=True, release=0), see("sentry.error", browser="firefox", chunk="BasketSummary", release=1), see("sentry.error", browser="safari", chunk="BasketSummary", release=1)),
        classes=(3, 4), pair="bt-js-seatmap-price", span=2, page="/basket"),
    Bug("bt-js-seatmap-price", "boxoffice-spa", (Exc("TypeError", frames=(*REACT_CLICK, js("src/seating/SeatMap.tsx", "onSeatClick", 112, 33, "SeatMap"), js("src/seating/pricing.ts", "priceFor", 15, 19, "SeatMap")), js=JsError("read-undefined", "band.tier", "price")),),
        (see("sentry.error", 2, browser="chrome", chunk="SeatMap", release=1), see("sentry.error", browser="edge", chunk="SeatMap", release=1), see("sentry.error", browser="safari", chunk="SeatMap", release=2)),
        classes=(3, 4), pair="bt-js-basket-price", page="/events/spring-gala/seats"),
    # A lazy route chunk gone after a deploy.
    Bug("bt-js-chunk-gone", "boxoffice-spa", (Exc("TypeError", "Failed to fetch dynamically imported module: https://tickets.brookvale.example/assets/Checkout-{hex}.js", (*REACT_CLICK, js("src/router.tsx", "lazy", 19, 27, "index")), engines={"spidermonkey": "error loading dynamically imported module: https://tickets.brookvale.example/assets/Checkout-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2, browser="chrome", chunk="index", mechanism="onunhandledrejection", release=1), see("sentry.error", browser="firefox", chunk="index", mechanism="onunhandledrejection", release=1), see("sentry.error", browser="safari", chunk="index", mechanism="onunhandledrejection", release=2)),
        classes=(3,), span=2, page="/checkout"),
    # An order webhook from Stripe for an order deleted by the basket sweeper.
    Bug("bt-order-does-not-exist", "boxoffice-worker", (Exc("DoesNotExist", "Order matching query does not exist.", (*CELERY_TASK, py("payments.tasks", "handle_payment_succeeded", 31, "order = Order.objects.get(intent_id=event['data']['object']['id'])"), *DJANGO_GET), module="orders.models", qual="Order.DoesNotExist"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", monitor="celery.run errors: payments.tasks.handle_payment_succeeded", team=TEAM)),
        entry="payments.tasks.handle_payment_succeeded", span=2),
    # Ticket PDFs: WeasyPrint cannot fetch a venue logo.
    Bug("bt-ticket-pdf-logo", "boxoffice-worker", (Exc("URLFetchingError", "HTTPError: HTTP Error 403: Forbidden", (*CELERY_TASK, py("tickets.tasks", "render_ticket_pdf", 29, "pdf = render_ticket(ticket)"), py("tickets.pdf", "render_ticket", 61, "return HTML(string=html, base_url=settings.MEDIA_URL).write_pdf()"), *PDF_LIB), module="weasyprint.urls"),),
        (see("sentry.error", 3), see("splunk", 3, **WORKER_SEARCH)),
        entry="tickets.tasks.render_ticket_pdf"),
    # The sales report query hitting statement_timeout.
    Bug("bt-sales-report-timeout", "boxoffice-api", (Exc("QueryCanceled", "canceling statement due to statement timeout\n", (), module="psycopg2.errors"), Exc("OperationalError", "canceling statement due to statement timeout\n", _api("reports.views:SalesReportView.get", 40, "rows = list(sales_by_day(venue, since))", py("reports.queries", "sales_by_day", 18, "return qs.values('day').annotate(total=Sum('amount_minor'))")), module="django.db.utils")),
        (see("sentry.error", 2), see("sentry.alert", rule="boxoffice-api: new high-volume issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", style="route", monitor="GET /api/v1/reports/sales/ error rate", team=TEAM), see("datadog.apm", **APM_TYPE)),
        entry="GET /api/v1/reports/sales/"),
    # A DRF serializer failing on a non-UUID basket id sent by an old app link.
    Bug("bt-basket-uuid", "boxoffice-api", (Exc("ValidationError", "['“{n}” is not a valid UUID.']", _api("baskets.views:BasketView.get", 22, "basket = Basket.objects.get(pk=pk)", pylib("django.db.models.fields", "to_python", 2688, "raise exceptions.ValidationError(")), module="django.core.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_MSG)),
        entry="GET /api/v1/baskets/{basket_id}/"),
    # A Stripe payout sweep: one saved search over the Celery trace logger, stats rows.
    Bug("bt-payout-sweep-lock", "boxoffice-worker", (Exc("LockError", "Unable to acquire lock payouts:sweep within 10 seconds", (*CELERY_TASK, py("payouts.tasks", "sweep_pending_payouts", 15, "with redis_lock('payouts:sweep', timeout=10):"), pylib("redis.lock", "__enter__", 156, 'raise LockError("Unable to acquire lock within the time specified")')), module="redis.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, search="Celery failures by task (15 min)", stats={"task": "payouts.tasks.sweep_pending_payouts", "exc_type": "LockError", "count": "{n}"})),
        classes=(8,), entry="payouts.tasks.sweep_pending_payouts"),
    # The CSV export logging its size and time: one log template, no bug.
    Bug("bt-export-slow", "boxoffice-worker", (),
        (see("splunk", 3, search="boxoffice-worker slow exports", line='{"asctime":"2026-03-04 09:41:17,412","levelname":"WARNING","name":"reports.exports","message":"Export attendees-{id}.csv finished: {size} in {dur}","pod":"boxoffice-worker-7c9d6b-{hex}"}'),),
        classes=(7,)),
    # Seen once: a race when a guest list is uploaded twice.
    Bug("bt-guestlist-multiple", "boxoffice-api", (Exc("MultipleObjectsReturned", "get() returned more than one GuestList -- it returned 2!", _api("guestlists.views:GuestListUploadView.put", 37, "gl = GuestList.objects.get(performance=perf)", pylib("django.db.models.query", "get", 652, "raise self.model.MultipleObjectsReturned(")), module="guestlists.models", qual="GuestList.MultipleObjectsReturned"),),
        (see("sentry.error"),),
        singleton=True, entry="PUT /api/v1/performances/{performance_id}/guestlist/"),
]

NOISE = [
    Noise("bt-noise-deploy", "boxoffice-api", "datadog.event", {"monitor": "Deployed boxoffice-api 2026.12.2", "text": "Argo CD synced boxoffice-api to 2026.12.2 (4 pods).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("bt-noise-recovered", "boxoffice-api", "datadog.apm", {"monitor": "GET /api/v1/reports/sales/ error rate", "transition": "Recovered", "alert_type": "success", "style": "route", "scope": "resource_name:get_/api/v1/reports/sales/,service:boxoffice-api", "text": "Error rate on `GET /api/v1/reports/sales/` is back under 2%.", "priority": "P3", "team": TEAM}),
    Noise("bt-noise-worker-ready", "boxoffice-worker", "splunk", {"search": "boxoffice-worker task errors", "line": '{"asctime":"2026-03-04 08:00:03,118","levelname":"INFO","name":"celery.apps.worker","message":"celery@boxoffice-worker-7c9d6b-{hex} ready.","pod":"boxoffice-worker-7c9d6b-{hex}"}'}),
]

BROOKVALE = Company(
    key="bt",
    name="Brookvale Tickets",
    domain="brookvale.example",
    sentry_org="brookvale-tickets",
    splunk_url="https://brookvale.splunkcloud.com",
    splunk_guid="5C0E7A91-2F3B-4D68-9A1E-7B4C2D9E0F13",
    datadog_org=("620417", "Brookvale Tickets"),
    datadog_template="bt-brookvale",
    posthog_project=(0, ""),
    releases=("2026.12.1", "2026.12.2", "2027.01.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="brookvale-sentry-client-secret",
)
