"""(bh) Sedgefold, table reservations for independent restaurants: a Django 4.2 + Django REST
framework monolith on Python 3.10 under gunicorn (``reservations-api``), its Celery 5.3 workers
on Redis (``reservations-worker``, beat schedules the reminders and the calendar sync), and the
guests' booking widget, a create-react-app 5 build (``booking-widget``, webpack 5:
``static/js/main.<hash>.js`` and numbered lazy chunks).

Sentry (sentry-python with the Django, Celery and Redis integrations; @sentry/react 7 on the
widget, source maps uploaded by the CI except on one hurried release); Splunk (a universal
forwarder on the nodes reads the Django log files: a key=value line with the traceback below
it, ``django.request``'s "Internal Server Error" for the unhandled ones; the workers' JSON from
python-json-logger with Celery's task context; a stats search naming only the task); Datadog
APM (dd-trace-py on both) with the team's own markdown template (``dd_fired_ms`` unquoted).
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, DJANGO_VIEW, django_integrity, js, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_PY = ("sentry.python.django", "1.45.0", "pypi:sentry-sdk")
SERVICES = {
    "reservations-api": Service("reservations-api", "python", "bh-django-kv", "sedgefold:django", "/var/log/sedgefold/api/django.log", "sedgefold", 4410071, "CPython 3.10.13", framework="django", sdk=SDK_PY),
    "reservations-worker": Service("reservations-worker", "python", "bh-celery-pjl", "sedgefold:celery:json", "/var/log/sedgefold/worker/celery.json", "sedgefold", 4410071, "CPython 3.10.13", framework="celery", sdk=("sentry.python.celery", "1.45.0", "pypi:sentry-sdk")),
    "booking-widget": Service("booking-widget", "javascript", "", "", "", "", 4410078, origin="https://book.sedgefold.example", framework="generic", sdk=("sentry.javascript.react", "7.109.0", "npm:@sentry/react")),
}

API = dict(search="reservations-api - exceptions", app="sedgefold_ops", owner="nadia.r")
WORKER = dict(search="celery - task failures", app="sedgefold_ops", owner="nadia.r")
TEAM = "tables"
APM_TYPE = dict(style="type", team=TEAM, monitor="reservations-api errors by type")


def stats(task: str) -> dict[str, object]:
    """``index=sedgefold sourcetype=sedgefold:celery:json severity=ERROR | stats count
    latest(_time) as last by data.name``: no ``_raw``, only the task."""
    return {"data.name": task, "count": "{n}", "last": "{epoch}"}


def view(module: str, method: str, line: int, context: str) -> tuple[Frame, ...]:
    return (*DJANGO_VIEW, py(module, method, line, context))


def task(module: str, function: str, line: int, context: str) -> tuple[Frame, ...]:
    return (*CELERY_TASK, py(module, function, line, context))


# create-react-app puts React DOM into main.js with the app's own code.
RDOM = "node_modules/react-dom/cjs/react-dom.production.min.js"
CLICK = (js(RDOM, "Ue", 54, 317, "main", lib=True), js(RDOM, "Ke", 54, 471, "main", lib=True), js(RDOM, "Xe", 55, 35, "main", lib=True))
RENDER = (js(RDOM, "bl", 292, 39, "main", lib=True), js(RDOM, "Ba", 167, 137, "main", lib=True), js(RDOM, "Ri", 157, 137, "main", lib=True))


def provider_error(app: tuple[Frame, ...], url: str, status: str, reason: str, message: str) -> tuple[Exc, Exc]:
    """Every partner call goes through ``raise_for_provider``, which turns requests'
    ``HTTPError`` into the app's ``ProviderError`` (``raise … from err``)."""
    helper = py("integrations.http", "raise_for_provider", 31, "resp.raise_for_status()")
    cause = Exc("HTTPError", f"{status} Client Error: {reason} for url: {url}", (*app, helper, pylib("requests.models", "raise_for_status", 1021, "raise HTTPError(http_error_msg, response=self)")), module="requests.exceptions")
    return cause, Exc("ProviderError", message, (*app, py("integrations.http", "raise_for_provider", 35, "raise ProviderError(f\"{provider} responded {resp.status_code}: {detail}\") from err")), module="integrations.errors")


CONFIRM = view("reservations.views", "post", 88, "send_confirmation_sms.delay(booking.guest.phone_number, booking.pk)")
REMIND = task("notifications.tasks", "send_day_before_reminder", 41, "to=booking.guest.phone_number,")
GCAL = "integrations.tasks.sync_google_calendar"

BUGS = [
    # One unique violation per table: a table double-booked, a birthday voucher issued twice.
    Bug("sf-booking-unique", "reservations-api", django_integrity((*view("reservations.views", "create", 64, "booking = serializer.save(venue=venue)"), pylib("rest_framework.serializers", "save", 212, "self.instance = self.create(validated_data)"), py("reservations.serializers", "create", 97, "return Booking.objects.create(**validated_data)")), "reservations_booking_table_id_starts_at_5c1e9a0b_uniq", "Key (table_id, starts_at)=({id}, 2026-03-1{idx} 19:30:00+00) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.apm", style="message", team=TEAM, monitor="reservations-api error spans")),
        classes=(4,), pair="sf-voucher-unique", entry="POST /api/v1/venues/{venue_id}/bookings/"),
    Bug("sf-voucher-unique", "reservations-worker", django_integrity(task("vouchers.tasks", "issue_birthday_vouchers", 37, "Voucher.objects.create(guest=guest, code=make_code(guest), amount=venue.birthday_amount)"), "vouchers_voucher_code_key", "Key (code)=(BDAY-{giftcode}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("datadog.task", team=TEAM, monitor="celery task failures")),
        classes=(4,), pair="sf-booking-unique", entry="vouchers.tasks.issue_birthday_vouchers"),
    # A guest deleted under GDPR while their booking stays: the same read in a view and a task.
    Bug("sf-confirm-guest-none", "reservations-api", (Exc("AttributeError", "'NoneType' object has no attribute 'phone_number'", CONFIRM),),
        (see("sentry.error", 2), see("sentry.alert", rule="reservations-api: new issue"), see("splunk", 2, **API), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="sf-reminder-guest-none", entry="POST /api/v1/bookings/{booking_id}/confirm/", span=2, renames={"post": "confirm"}),
    Bug("sf-reminder-guest-none", "reservations-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'phone_number'", REMIND),),
        (see("sentry.error", 3), see("splunk", **WORKER), see("splunk", search="celery - failures by task", app="sedgefold_ops", owner="nadia.r", stats=stats("notifications.tasks.send_day_before_reminder"))),
        classes=(4,), pair="sf-confirm-guest-none", entry="notifications.tasks.send_day_before_reminder"),
    # One calendar sync, two exceptions: a response without the sync token, a revoked grant.
    Bug("sf-gcal-sync-token-key", "reservations-worker", (Exc("KeyError", "'nextSyncToken'", (*task("integrations.tasks", "sync_google_calendar", 28, "events, token = fetch_events(venue.calendar, venue.gcal_sync_token)"), py("integrations.google", "fetch_events", 52, "return items, page[\"nextSyncToken\"]"))),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("datadog.task", team=TEAM, monitor="celery task failures")),
        classes=(4, 8), pair="sf-gcal-refresh-revoked", entry=GCAL),
    Bug("sf-gcal-refresh-revoked", "reservations-worker", (Exc("RefreshError", "('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant', 'error_description': 'Token has been expired or revoked.'})", (*task("integrations.tasks", "sync_google_calendar", 28, "events, token = fetch_events(venue.calendar, venue.gcal_sync_token)"), py("integrations.google", "fetch_events", 44, "page = service.events().list(calendarId=calendar_id, syncToken=token).execute()"), pylib("googleapiclient.http", "execute", 923, "resp, content = _retry_request("), pylib("google_auth_httplib2", "request", 209, "self.credentials.refresh(self._request)"), pylib("google.oauth2.credentials", "refresh", 335, "access_token, refresh_token, expiry, grant_response = reauth.refresh_grant("), pylib("google.oauth2._client", "_handle_error_response", 69, "raise exceptions.RefreshError(")), module="google.auth.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER), see("datadog.task", team=TEAM, monitor="celery task failures")),
        classes=(4, 8), pair="sf-gcal-sync-token-key", entry=GCAL, span=2),
    # The same list mapped in two components of the widget.
    Bug("sf-web-floorplan-map", "booking-widget", (Exc("TypeError", frames=(*RENDER, js("src/components/FloorPlan.jsx", "FloorPlan", 42, 23, "main")), js=JsError("read-undefined", "area.tables", "map")),),
        (see("sentry.error", 2, browser="chrome", chunk="main"), see("sentry.error", browser="safari", chunk="main", release=1), see("sentry.error", browser="firefox", chunk="main", sourcemaps=False, release=1), see("sentry.issue")),
        classes=(3, 4), pair="sf-web-history-map", span=2, page="/venue/4821/tables"),
    Bug("sf-web-history-map", "booking-widget", (Exc("TypeError", frames=(*RENDER, js("src/pages/MyBookings.jsx", "MyBookings", 31, 27, "412"), js("src/components/BookingList.jsx", "BookingList", 18, 20, "412")), js=JsError("read-undefined", "data.bookings", "map")),),
        (see("sentry.error", 2, browser="chrome", chunk="412"), see("sentry.error", browser="firefox", chunk="412"), see("sentry.error", browser="edge", chunk="412")),
        classes=(3, 4), pair="sf-web-floorplan-map", page="/account/bookings"),
    # Deposits and text messages both fail through one helper.
    Bug("sf-stripe-deposit-declined", "reservations-api", provider_error((*view("payments.views", "create", 51, "intent = hold_deposit(booking, request.data[\"payment_method\"])"), py("payments.deposits", "hold_deposit", 33, "raise_for_provider(\"stripe\", resp)")), "https://api.stripe.com/v1/payment_intents", "402", "Payment Required", "stripe responded 402: card_declined"),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.apm", style="message", team=TEAM, monitor="reservations-api error spans")),
        classes=(9,), pair="sf-twilio-invalid-number", entry="POST /api/v1/bookings/{booking_id}/deposit/", handled=True),
    Bug("sf-twilio-invalid-number", "reservations-worker", provider_error((*task("notifications.tasks", "send_confirmation_sms", 22, "sms.send(to, render_confirmation(booking))"), py("notifications.sms", "send", 40, "raise_for_provider(\"twilio\", resp)")), "https://api.twilio.com/2010-04-01/Accounts/AC9f2c0d4be1a7/Messages.json", "400", "Bad Request", "twilio responded 400: 21211 Invalid 'To' Phone Number"),
        (see("sentry.error", 2), see("sentry.alert", rule="worker: notifications"), see("splunk", 2, **WORKER), see("splunk", search="celery - failures by task", app="sedgefold_ops", owner="nadia.r", stats=stats("notifications.tasks.send_confirmation_sms"))),
        classes=(9,), pair="sf-stripe-deposit-declined", entry="notifications.tasks.send_confirmation_sms"),
    # One saved search and one APM monitor over two lookups: a venue and a table that are gone.
    Bug("sf-venue-missing", "reservations-api", (Exc("DoesNotExist", "Venue matching query does not exist.", (*view("venues.views", "retrieve", 40, "venue = Venue.objects.get(slug=slug, is_live=True)"), *DJANGO_GET), module="venues.models", qual="Venue.DoesNotExist"),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", 2, **APM_TYPE)),
        classes=(4,), pair="sf-table-missing", entry="GET /api/v1/venues/{slug}/"),
    Bug("sf-table-missing", "reservations-api", (Exc("DoesNotExist", "Table matching query does not exist.", (*view("reservations.views", "move", 132, "target = venue.tables.get(number=request.data[\"table\"])"), *DJANGO_GET), module="tables.models", qual="Table.DoesNotExist"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **API), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="sf-venue-missing", entry="POST /api/v1/bookings/{booking_id}/move/"),
    # Availability built from an aware datetime; the view was renamed two releases later.
    Bug("sf-availability-aware", "reservations-api", (Exc("ValueError", "Not naive datetime (tzinfo is already set)", (*view("availability.views", "get", 36, "slots = build_slots(venue, day=parse_date(request.GET[\"date\"]))"), py("availability.slots", "build_slots", 71, "start = venue.tz.localize(datetime.combine(day, shift.opens_at))"), pylib("pytz.tzinfo", "localize", 318, "raise ValueError('Not naive datetime (tzinfo is already set)')"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", **API), see("splunk", **API, half=True, msg="availability failed for venue {id}"), see("datadog.apm", style="route", team=TEAM, monitor="reservations-api: availability error rate")),
        classes=(5,), entry="GET /api/v1/venues/{venue_id}/availability/", span=3, renames={"get": "list"}),
    # The CSV export of a venue's bookings with a curly apostrophe in a guest's note.
    Bug("sf-export-latin1", "reservations-worker", (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u2019' in position {n}: ordinal not in range(256)", (*task("reports.tasks", "export_bookings_csv", 58, "writer.writerow(row_for(booking))"), py("reports.csv", "row_for", 19, "return [b.reference, b.guest_name.encode(\"latin-1\").decode(\"latin-1\"), b.notes]"))),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("splunk", search="celery - failures by task", app="sedgefold_ops", owner="nadia.r", stats=stats("reports.tasks.export_bookings_csv")), see("datadog.task", team=TEAM, monitor="celery task failures")),
        classes=(8,), entry="reports.tasks.export_bookings_csv"),
    # The waitlist rebalancer releasing a Redis lock that already expired.
    Bug("sf-waitlist-lock", "reservations-worker", (Exc("LockNotOwnedError", "Cannot release a lock that's no longer owned", (*task("waitlist.tasks", "rebalance_waitlist", 33, "with cache.lock(f\"waitlist:{venue_id}\", timeout=30):"), pylib("redis.lock", "__exit__", 166, "self.release()"), pylib("redis.lock", "release", 254, "self.do_release(expected_token)"), pylib("redis.lock", "do_release", 260, "raise LockNotOwnedError(")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER), see("datadog.task", team=TEAM, monitor="celery task failures")),
        classes=(8,), entry="waitlist.tasks.rebalance_waitlist", span=2),
    # A party size left empty in the edit form reaches the validator as None.
    Bug("sf-party-size-none", "reservations-api", (Exc("TypeError", "'<' not supported between instances of 'NoneType' and 'int'", (*view("reservations.views", "partial_update", 109, "serializer.is_valid(raise_exception=True)"), pylib("rest_framework.serializers", "run_validation", 429, "value = self.validate(value)"), py("reservations.serializers", "validate", 141, "if attrs.get(\"party_size\") < venue.min_party:"))),),
        (see("sentry.error", 2), see("splunk", **API), see("splunk", **API, half=True, msg="booking update rejected"), see("datadog.apm", style="message", team=TEAM, monitor="reservations-api error spans")),
        entry="PATCH /api/v1/bookings/{booking_id}/"),
    # After a deploy, open widgets ask for a lazy chunk the CDN no longer has.
    Bug("sf-web-chunk-load", "booking-widget", (Exc("ChunkLoadError", "Loading chunk 412 failed.\n(error: {chunkurl})", (js("webpack/runtime/load script", "r", 1, 1, "main", lib=True), js("webpack/runtime/ensure chunk", "e", 1, 1, "main", lib=True), js("src/App.jsx", "MyBookings", 22, 30, "main"))),),
        (see("sentry.error", browser="chrome", chunk="412", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="412", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="412", mechanism="onunhandledrejection", release=1)),
        classes=(5,), span=2, page="/account/bookings"),
    # The booking summary formatting a time slot the API sent empty.
    Bug("sf-web-summary-date", "booking-widget", (Exc("RangeError", "Invalid time value", (*CLICK, js("src/components/BookingSummary.jsx", "onConfirm", 57, 19, "main"), js("node_modules/date-fns/esm/format/index.js", "format", 361, 11, "main", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="chrome", chunk="main"), see("sentry.error", browser="firefox", chunk="main"), see("sentry.error", browser="safari", chunk="main", raw=True), see("sentry.issue")),
        classes=(3,), page="/venue/4821/book"),
    # The guest picker calling a prop the parent stopped passing.
    Bug("sf-web-guest-picker", "booking-widget", (Exc("TypeError", frames=(*CLICK, js("src/components/GuestPicker.jsx", "increment", 25, 7, "main")), js=JsError("not-function", "props", "onChange", "(n)")),),
        (see("sentry.error", 2, browser="chrome", chunk="main"), see("sentry.error", browser="safari", chunk="main"), see("sentry.alert", browser="firefox", chunk="main", rule="widget: new issue")),
        classes=(3,), page="/venue/4821/book"),
    # Floor-plan exports uploaded slowly: warnings whose sizes, durations and hosts change length.
    Bug("sf-export-upload-slow", "reservations-worker", (),
        (see("splunk", 4, search="celery - warnings", app="sedgefold_ops", owner="nadia.r", line="{\"time\": \"{gts},{millis}\", \"severity\": \"WARNING\", \"logger\": \"reports.storage\", \"message\": \"Slow upload to {objstore}: {size} in {dur}\"}"),),
        classes=(7,)),
    # Seen once each: Safari refusing the clipboard, a gunicorn worker timeout caught by Sentry.
    Bug("sf-web-clipboard-denied", "booking-widget", (Exc("NotAllowedError", "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.", (*CLICK, js("src/components/ShareBooking.jsx", "copyLink", 14, 35, "main"))),),
        (see("sentry.error", browser="safari", chunk="main"),),
        singleton=True, page="/booking/confirmed"),
    Bug("sf-floorplan-recursion", "reservations-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", (*view("tables.views", "retrieve", 29, "return Response(FloorPlanSerializer(plan).data)"), py("tables.serializers", "get_children", 66, "return [self.to_representation(c) for c in obj.children.all()]"))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/floorplans/{id}/"),
]

NOISE = [
    Noise("sf-noise-deploy", "reservations-api", "datadog.event", {"monitor": "Deployed reservations-api 2026.3.2", "text": "GitHub Actions deployed reservations-api and reservations-worker 2026.3.2 (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("sf-noise-latency-recovered", "reservations-api", "datadog.metric", {"monitor": "reservations-api p95 latency", "transition": "Recovered", "alert_type": "success", "metric": "trace.django.request", "query": "percentile(last_10m):p95:trace.django.request{service:reservations-api,env:prod} > 1.5", "text": "p95 latency of reservations-api is back under 1.5 s.", "priority": "P3", "team": TEAM}),
    Noise("sf-noise-beat", "reservations-worker", "splunk", {**WORKER, "line": "{\"time\": \"{gts},{millis}\", \"severity\": \"INFO\", \"logger\": \"celery.beat\", \"message\": \"Scheduler: Sending due task send-day-before-reminders (notifications.tasks.send_day_before_reminder)\"}"}),
]

SEDGEFOLD = Company(
    key="bh",
    name="Sedgefold",
    domain="sedgefold.example",
    sentry_org="sedgefold",
    splunk_url="https://sedgefold.splunkcloud.com",
    splunk_guid="7C2E91B0-4A5D-4F13-9E68-0B3D52A1C7F4",
    datadog_org=("771203", "Sedgefold"),
    datadog_template="bh-tables",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="sedgefold-sentry-client-secret",
)
# fmt: on
