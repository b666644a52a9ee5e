"""(p) Fenwick Ferries, ferry bookings: a Django 5 bookings API under Gunicorn's sync workers
(``bookings``) and Celery 5 workers and beat (``tasks``), both on Python 3.11 logging through
structlog's ``ConsoleRenderer`` (key=value pairs after the event, the plain traceback below);
Gunicorn's own error log for what escapes Django (a streamed CSV export); nginx in front of
Gunicorn; a React booking site built by esbuild (``web``, ``/assets/chunk-<HASH>.js``).

Sentry sees the API, the workers and the site (and runs one metric alert); PostHog's posthog-js
captures the site's errors in four browsers; Splunk indexes the console logs, Gunicorn's error
log and nginx's error log; Datadog posts the team's flat snake_case template for APM
error-rate, log, Celery task, queue-depth and Synthetic API monitors.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
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
    "bookings": Service("bookings", "python", "structlog-console", "fenwick:bookings:console", "/var/log/fenwick/bookings.log", "ff_prod", 7710011, "CPython 3.11.9", framework="django", sdk=("sentry.python.django", "2.13.0", "pypi:sentry-sdk")),
    "tasks": Service("tasks", "python", "structlog-console", "fenwick:celery:console", "/var/log/fenwick/celery.log", "ff_prod", 7710014, "CPython 3.11.9", framework="celery", sdk=("sentry.python.celery", "2.13.0", "pypi:sentry-sdk")),
    "web": Service("web", "javascript", "", "", "", "", 7710017, origin="https://book.fenwickferries.example", sdk=("sentry.javascript.react", "8.26.0", "npm:@sentry/react")),
}

GUNICORN = "fenwick:gunicorn:error"
NGINX = "fenwick:nginx:error"
APM = dict(style="message", team="bookings", monitor="bookings error rate by type")
# The helper every payment path calls: it turns Stripe's errors into the app's own.
STRIPE_CALL = py("payments.gateway", "call_stripe", 48, "raise PaymentGatewayError(str(err)) from err")
STRIPE_LIB = (
    pylib("stripe._api_resource", "_static_request", 159, "return requestor.request("),
    pylib("stripe._api_requestor", "request", 197, "rbody, rcode, rheaders = self.request_raw("),
    pylib("stripe._http_client", "request_with_retries", 189, "raise connection_error"),
)
# Django streaming a generator to Gunicorn's sync worker: the exception escapes Django.
GUNICORN_STREAM = (
    pylib("gunicorn.workers.sync", "handle", 135, "self.handle_request(listener, req, client, addr)"),
    pylib("gunicorn.workers.sync", "handle_request", 184, "for item in respiter:"),
    pylib("django.http.response", "_iterator", 494, "yield from map(self.make_bytes, self.streaming_content)"),
)


def fare(line: int = 61) -> tuple:
    return (
        *DJANGO_VIEW,
        py("fares.views", "QuoteView.post", 33, "quote = quote_for(sailing, request.data)"),
        py("fares.pricing", "quote_for", line, "band = VEHICLE_BANDS[payload['vehicle_class']]"),
    )


BUGS = [
    # The same KeyError on the vehicle class in the quote view and the manifest export.
    Bug(
        "ff-quote-vehicle-class",
        "bookings",
        (Exc("KeyError", "'vehicle_class'", fare(), module="builtins"),),
        (
            see("sentry.error", 2),
            see("sentry.alert", rule="New issue in bookings"),
            see("splunk", 2),
            see("datadog.apm", **APM),
        ),
        classes=(4,),
        pair="ff-manifest-vehicle-class",
        log="quote failed",
        logger="fares.views",
        entry="POST /api/v2/sailings/{sailing_id}/quote",
        span=2,
    ),
    Bug(
        "ff-manifest-vehicle-class",
        "tasks",
        (
            Exc(
                "KeyError",
                "'vehicle_class'",
                (
                    *CELERY_TASK,
                    py("manifests.tasks", "export_port_manifest", 22, "rows = [build_row(b) for b in bookings]"),
                    py("manifests.export", "build_row", 57, "row['class'] = booking.extras['vehicle_class']"),
                ),
                module="builtins",
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.task", team="bookings", monitor="Celery task failures"),
        ),
        classes=(4,),
        pair="ff-quote-vehicle-class",
        log="task failed",
        logger="manifests.tasks",
        entry="manifests.tasks.export_port_manifest",
    ),
    # Unique constraints of two tables: a seat reservation and a cabin hold.
    Bug(
        "ff-seat-reservation-unique",
        "bookings",
        django_integrity(
            (
                *DJANGO_VIEW,
                py("bookings.views", "ReserveSeatView.post", 41, "reservation = SeatReservation.objects.create(**data)"),
            ),
            "bookings_seatreservation_sailing_id_seat_no_uniq",
            "Key (sailing_id, seat_no)=({id}, {idx}) already exists.",
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", monitor="IntegrityError on bookings", team="bookings", filter="service:bookings @exc_type:IntegrityError", text="bookings raised an IntegrityError: {{log.attributes.error.message}}"),
        ),
        classes=(4,),
        pair="ff-cabin-hold-unique",
        log="reservation failed",
        logger="bookings.views",
        entry="POST /api/v2/sailings/{sailing_id}/seats",
    ),
    Bug(
        "ff-cabin-hold-unique",
        "bookings",
        django_integrity(
            (
                *DJANGO_VIEW,
                py("cabins.views", "HoldCabinView.post", 29, "hold = CabinHold.objects.create(sailing=sailing, cabin=cabin, booking=booking)"),
            ),
            "cabins_cabinhold_sailing_id_cabin_id_uniq",
            "Key (sailing_id, cabin_id)=({id}, {n}) already exists.",
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", monitor="IntegrityError on bookings", team="bookings", filter="service:bookings @exc_type:IntegrityError", text="bookings raised an IntegrityError: {{log.attributes.error.message}}"),
        ),
        classes=(4,),
        pair="ff-seat-reservation-unique",
        log="cabin hold failed",
        logger="cabins.views",
        entry="POST /api/v2/sailings/{sailing_id}/cabins/hold",
    ),
    # One helper innermost for two bugs: Stripe timing out for a refund task and at checkout.
    Bug(
        "ff-refund-stripe-timeout",
        "tasks",
        (
            Exc("Timeout", "Request timed out", (*CELERY_TASK, py("refunds.tasks", "issue_refund", 35, "call_stripe(stripe.Refund.create, payment_intent=pi, amount=amount)"), STRIPE_CALL, *STRIPE_LIB), module="requests.exceptions"),
            Exc("APIConnectionError", "Request to Stripe timed out", (*CELERY_TASK, py("refunds.tasks", "issue_refund", 35, "call_stripe(stripe.Refund.create, payment_intent=pi, amount=amount)"), STRIPE_CALL, *STRIPE_LIB), module="stripe._error"),
            Exc("PaymentGatewayError", "Request to Stripe timed out", (*CELERY_TASK, py("refunds.tasks", "issue_refund", 35, "call_stripe(stripe.Refund.create, payment_intent=pi, amount=amount)"), STRIPE_CALL), module="payments.gateway"),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.task", team="payments", monitor="Celery task failures"),
        ),
        classes=(9,),
        pair="ff-checkout-stripe-timeout",
        log="refund failed",
        logger="refunds.tasks",
        entry="refunds.tasks.issue_refund",
    ),
    Bug(
        "ff-checkout-stripe-timeout",
        "bookings",
        (
            Exc("Timeout", "Request timed out", (*DJANGO_VIEW, py("checkout.views", "ConfirmView.post", 52, "intent = call_stripe(stripe.PaymentIntent.confirm, intent_id)"), STRIPE_CALL, *STRIPE_LIB), module="requests.exceptions"),
            Exc("APIConnectionError", "Request to Stripe timed out", (*DJANGO_VIEW, py("checkout.views", "ConfirmView.post", 52, "intent = call_stripe(stripe.PaymentIntent.confirm, intent_id)"), STRIPE_CALL, *STRIPE_LIB), module="stripe._error"),
            Exc("PaymentGatewayError", "Request to Stripe timed out", (*DJANGO_VIEW, py("checkout.views", "ConfirmView.post", 52, "intent = call_stripe(stripe.PaymentIntent.confirm, intent_id)"), STRIPE_CALL), module="payments.gateway"),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 2),
            see("datadog.apm", **APM),
        ),
        classes=(9,),
        pair="ff-refund-stripe-timeout",
        log="confirm failed",
        logger="checkout.views",
        entry="POST /api/v2/checkout/{booking_id}/confirm",
    ),
    # The tide table's decimal parse in the beat task, renamed between releases.
    Bug(
        "ff-tide-window-decimal",
        "tasks",
        (
            Exc(
                "InvalidOperation",
                "[<class 'decimal.ConversionSyntax'>]",
                (
                    *CELERY_TASK,
                    py("tides.tasks", "refresh_tide_windows", 18, "for port in ports: update_windows(port)"),
                    py("tides.schedule", "update_windows", 44, "height = Decimal(row['height_m'])"),
                ),
                module="decimal",
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.task", 2, team="marine", monitor="Celery task failures"),
        ),
        log="tide refresh failed",
        logger="tides.tasks",
        entry="tides.tasks.refresh_tide_windows",
        span=2,
        renames={"refresh_tide_windows": "refresh_port_tides"},
    ),
    # A streamed CSV export that fails after Django returned: only Gunicorn logs it.
    Bug(
        "ff-export-latin1",
        "bookings",
        (
            Exc(
                "UnicodeEncodeError",
                "'latin-1' codec can't encode character '\\u0141' in position {n}: ordinal not in range(256)",
                (
                    *GUNICORN_STREAM,
                    py("reports.exports", "passenger_rows", 71, "yield writer.writerow(row).encode('latin-1')"),
                ),
                module="builtins",
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 3, format="gunicorn", sourcetype=GUNICORN, source="/var/log/fenwick/gunicorn-error.log"),
            see("datadog.log", monitor="Gunicorn errors", team="bookings", filter="source:gunicorn status:error", text="Gunicorn logged an error:\n\n{{log.message}}"),
        ),
        classes=(1,),
        entry="GET /api/v2/reports/passengers.csv",
    ),
    # A Celery soft time limit in the port manifest push (a task monitor names only the task).
    Bug(
        "ff-manifest-push-time-limit",
        "tasks",
        (
            Exc(
                "SoftTimeLimitExceeded",
                "SoftTimeLimitExceeded()",
                (
                    *CELERY_TASK,
                    py("manifests.tasks", "push_manifest", 40, "sftp.put(local, remote)"),
                    pylib("paramiko.sftp_client", "put", 759, "return self.putfo(fl, remotepath, file_size, callback, confirm)"),
                    pylib("paramiko.sftp_client", "putfo", 714, "fw.write(data)"),
                ),
                module="billiard.exceptions",
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.task", 2, team="marine", monitor="Celery task failures"),
        ),
        log="manifest push failed",
        logger="manifests.tasks",
        entry="manifests.tasks.push_manifest",
    ),
    # The timetable reads a sailing's vessel that a cancelled sailing has not: three engines.
    Bug(
        "ff-web-timetable-vessel",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/timetable/SailingRow.tsx", "SailingRow", 24, 31, "timetable"),
                    js("src/timetable/vessel.ts", "vesselLabel", 9, 22, "timetable"),
                ),
                js=JsError("read-undefined", "sailing.vessel", "name"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="timetable"),
            see("posthog", browser="firefox", chunk="timetable"),
            see("posthog", browser="safari", chunk="timetable", resolved=True),
            see("posthog", browser="edge", chunk="timetable", release=1),
            see("sentry.error", browser="chrome", chunk="timetable"),
            see("sentry.error", browser="safari", chunk="timetable", release=1),
        ),
        classes=(3,),
        page="/timetable",
        span=2,
    ),
    # The same read of `price` in two components: the fare card and the cabin picker.
    Bug(
        "ff-web-farecard-price",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/fares/FareCard.tsx", "FareCard", 38, 27, "fares"),
                ),
                js=JsError("read-undefined", "fare.return", "price"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome", chunk="fares"),
            see("posthog", browser="firefox", chunk="fares", resolved=True),
            see("sentry.error", 2, browser="chrome", chunk="fares"),
        ),
        classes=(3, 4),
        pair="ff-web-cabin-price",
        page="/book/fares",
    ),
    Bug(
        "ff-web-cabin-price",
        "web",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_CLICK,
                    js("src/cabins/CabinPicker.tsx", "CabinPicker.onSelect", 61, 19, "cabins"),
                    js("src/cabins/CabinPicker.tsx", "cabinTotal", 17, 33, "cabins"),
                ),
                js=JsError("read-undefined", "fare.return", "price"),
            ),
        ),
        (
            see("posthog", browser="chrome", chunk="cabins"),
            see("posthog", browser="safari", chunk="cabins"),
            see("sentry.error", 2, browser="edge", chunk="cabins"),
        ),
        classes=(3, 4),
        pair="ff-web-farecard-price",
        page="/book/cabins",
    ),
    # nginx in front of Gunicorn: one search over a timed-out and a refused upstream.
    Bug(
        "ff-nginx-upstream-timeout",
        "bookings",
        (),
        (
            see("splunk", 3, search="nginx - upstream errors", sourcetype=NGINX, source="/var/log/nginx/error.log", line='{nginxts} [error] 31#31: *{id} upstream timed out (110: Connection timed out) while reading response header from upstream, client: {ip}, server: api.fenwickferries.example, request: "GET /api/v2/sailings?from=PME&to=CHB HTTP/1.1", upstream: "http://127.0.0.1:8000/api/v2/sailings?from=PME&to=CHB", host: "api.fenwickferries.example"'),
            see("datadog.log", monitor="nginx upstream errors", team="bookings", filter="source:nginx status:error", text="nginx is logging upstream errors. Latest:\n\n{nginxts} [error] 31#31: *{id} upstream timed out (110: Connection timed out) while reading response header from upstream"),
        ),
        classes=(7, 8),
        pair="ff-nginx-upstream-refused",
    ),
    Bug(
        "ff-nginx-upstream-refused",
        "bookings",
        (),
        (
            see("splunk", 3, search="nginx - upstream errors", sourcetype=NGINX, source="/var/log/nginx/error.log", line='{nginxts} [error] 31#31: *{id} connect() failed (111: Connection refused) while connecting to upstream, client: {ip}, server: api.fenwickferries.example, request: "POST /api/v2/checkout/{n}/confirm HTTP/1.1", upstream: "http://127.0.0.1:8000/api/v2/checkout/{n}/confirm", host: "api.fenwickferries.example"'),
            see("datadog.log", monitor="nginx upstream errors", team="bookings", filter="source:nginx status:error", text="nginx is logging upstream errors. Latest:\n\n{nginxts} [error] 31#31: *{id} connect() failed (111: Connection refused) while connecting to upstream"),
        ),
        classes=(7, 8),
        pair="ff-nginx-upstream-timeout",
    ),
    # The port authority's API is slow: a warning with sizes, durations and hosts that vary.
    Bug(
        "ff-port-feed-slow",
        "tasks",
        (),
        (
            see("splunk", 3, search="tasks - slow feeds", line="{ts} [warning  ] port feed slow                 [tides.feeds] duration={dur} host={hostport} size='{size}'"),
            see("datadog.log", 2, monitor="Slow port feeds", team="marine", filter="service:tasks @logger:tides.feeds status:warn", text="Port feed slow: fetched {size} in {dur} from {hostport}"),
        ),
        classes=(7,),
    ),
    # Problems no bug names: the Celery queue backs up; a Synthetic API test of the quote.
    Bug(
        "ff-celery-queue-depth",
        "tasks",
        (),
        (
            see("datadog.metric", 2, monitor="Celery default queue backlog", scope="queue:default", team="marine", metric="celery.queue.length", query="avg(last_10m):avg:celery.queue.length{queue:default} > 500", event_type="metric_alert_monitor", status="celery.queue.length over queue:default was > 500.0 on average during the last 10m", text="The default Celery queue holds {n}00 messages. Workers may be stuck."),
        ),
        classes=(8,),
    ),
    Bug(
        "ff-synthetic-quote-api",
        "bookings",
        (),
        (
            see("datadog.synthetics", 2, monitor="[Synthetics] Quote API answers under 2s", event_type="synthetics_alert", scope="location:aws:eu-west-1", team="bookings", text="API test **Quote API answers under 2s** failed in 2 of 3 locations.\n\nAssertion failed: response time should be less than 2000ms, was {ms}ms.\n\n[Test result](https://app.datadoghq.com/synthetics/details/ffq-quote-2s?resultId={id})"),
        ),
        classes=(8,),
    ),
    Bug(
        "ff-sentry-web-errors-spike",
        "web",
        (),
        (
            see("sentry.metric", 2, rule="Booking site errors above 200 an hour", aggregate="count()", dataset="events", threshold=200, threshold_type=0, window=60, description="{n}0 events in the last 60 minutes"),
        ),
        classes=(8,),
    ),
]

NOISE = [
    Noise(
        "ff-noise-deploy",
        "bookings",
        "datadog.event",
        {
            "monitor": "Deployed bookings 2026.10.2",
            "text": "GitHub Actions deploy finished: bookings 2026.10.2 (6 Gunicorn workers on 3 hosts).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "ff-noise-gunicorn-boot",
        "bookings",
        "splunk",
        {
            "search": "bookings - errors",
            "sourcetype": GUNICORN,
            "line": "[{gts} +0000] [{n}] [INFO] Booting worker with pid: {n}",
        },
    ),
    Noise(
        "ff-noise-worker-lost",
        "tasks",
        "splunk",
        {
            "search": "tasks - errors",
            "line": "{ts} [info     ] celery@tasks-{hex} ready.            [celery.apps.worker] concurrency=8 pool=prefork",
        },
    ),
]

FENWICK = Company(
    key="p",
    name="Fenwick Ferries",
    domain="fenwickferries.example",
    sentry_org="fenwick-ferries",
    splunk_url="https://fenwick.splunkcloud.com",
    splunk_guid="7C1E9B24-5D3A-4F86-9E07-B2A4D8C6F153",
    datadog_org=("702318", "Fenwick Ferries"),
    datadog_template="fenwick",
    posthog_project=(70931, "Fenwick booking site"),
    releases=("2026.10.0", "2026.10.1", "2026.10.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="fenwick-sentry-client-secret",
)
# fmt: on
