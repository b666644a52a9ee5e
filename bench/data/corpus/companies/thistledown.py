"""(bb) Thistledown Physio, a chain of physiotherapy clinics: one Django 5.0 project on
Python 3.11 (DRF for the booking API, served by Daphne under Channels 4: ``clinic-web``),
the live waiting-room and kiosk websockets on their own Daphne deployment (``clinic-ws``:
``AsyncJsonWebsocketConsumer`` consumers, channels_redis as the layer), Celery 5.3 workers
with celery beat running the periodic tasks (``clinic-worker``), and server-rendered pages
with a little esbuild-bundled JavaScript (``clinic-js``).

Sentry: sentry-python with the Django, Channels/ASGI and Celery integrations. Splunk indexes
the pods' stdout: django-structlog's JSON events (``request_failed``, ``task_failed`` and the
app's own), tracebacks in ``exception``; saved searches per area, one a stats table of
failed tasks. PostHog: posthog-js exception autocapture on the pages and posthog-python's
``capture_exception`` in two API views' error paths. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
    DJANGO_GET,
    DJANGO_VIEW,
    django_integrity,
    httpx_timeout,
    js,
    py,
    pylib,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "clinic-web": Service("clinic-web", "python", "bb-structlog", "_json", "/var/log/containers/clinic-web.log", "thistle_prod", 6120031, "CPython 3.11.9", framework="django"),
    "clinic-ws": Service("clinic-ws", "python", "bb-structlog", "_json", "/var/log/containers/clinic-ws.log", "thistle_prod", 6120031, "CPython 3.11.9", framework="asgi"),
    "clinic-worker": Service("clinic-worker", "python", "bb-structlog", "_json", "/var/log/containers/clinic-worker.log", "thistle_prod", 6120032, "CPython 3.11.9", framework="celery"),
    "clinic-js": Service("clinic-js", "javascript", "", "", "", "", 0, origin="https://book.thistledown.example", framework="generic"),
}

# Channels dispatching a websocket frame to an AsyncJsonWebsocketConsumer (oldest first).
WS_RECEIVE = (
    pylib("channels.routing", "__call__", 62, "return await application(scope, receive, send)"),
    pylib("channels.consumer", "__call__", 58, "await await_many_dispatch("),
    pylib("channels.utils", "await_many_dispatch", 50, "await dispatch(result)"),
    pylib("channels.consumer", "dispatch", 73, "await handler(message)"),
    pylib("channels.generic.websocket", "websocket_receive", 194, 'await self.receive(text_data=message["text"])'),
    pylib("channels.generic.websocket", "receive", 257, "await self.receive_json(await self.decode_json(text_data), **kwargs)"),
)
WS_CONNECT = (*WS_RECEIVE[:4], pylib("channels.generic.websocket", "websocket_connect", 174, "await self.connect()"))
# database_sync_to_async: the ORM call runs in asgiref's thread, its frames printed after the await.
DB_SYNC = (
    pylib("asgiref.sync", "__call__", 468, "ret = await asyncio.shield(exec_coro)"),
    pylib("concurrent.futures.thread", "run", 58, "result = self.fn(*self.args, **self.kwargs)"),
    pylib("channels.db", "thread_handler", 13, "return super().thread_handler(loop, *args, **kwargs)"),
    pylib("asgiref.sync", "thread_handler", 522, "return func(*args, **kwargs)"),
)
DB_CLOSED = (
    pylib("django.db.models.query", "__iter__", 400, "self._fetch_all()"),
    pylib("django.db.models.query", "_fetch_all", 1928, "self._result_cache = list(self._iterable_class(self))"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1560, "cursor = self.connection.cursor()"),
    pylib("django.db.backends.base.base", "cursor", 316, "return self._cursor()"),
    pylib("django.db.backends.base.base", "_cursor", 292, "with self.wrap_database_errors:"),
    pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value"),
    pylib("django.db.backends.base.base", "_cursor", 293, "return self._prepare_cursor(self.create_cursor(name))"),
    pylib("django.db.backends.postgresql.base", "create_cursor", 371, "cursor = self.connection.cursor()"),
)


def db_closed(app: tuple) -> tuple[Exc, Exc]:
    """psycopg2's InterfaceError on a connection the server closed, re-raised by Django."""
    cause = Exc("InterfaceError", "connection already closed", (DB_CLOSED[-1],), module="psycopg2")
    return cause, Exc("InterfaceError", "connection already closed", app + DB_CLOSED, module="django.db.utils")


# Every Stripe call goes through one gateway helper: two bugs end in it.
STRIPE_CALL = (
    py("billing.gateway", "charge_customer", 58, "intent = stripe.PaymentIntent.create(**params)"),
    pylib("stripe._payment_intent", "create", 8531, "cls._static_request("),
    pylib("stripe._api_resource", "_static_request", 183, "return _APIRequestor._global_instance().request("),
    pylib("stripe._api_requestor", "request", 197, "resp = requestor._interpret_response(rbody, rcode, rheaders)"),
    pylib("stripe._api_requestor", "_interpret_response", 749, "self.handle_error_response(rbody, rcode, resp.data, rheaders)"),
    pylib("stripe._api_requestor", "handle_error_response", 294, "raise err"),
)
WEB_CLICK = (
    js("node_modules/@hotwired/stimulus/dist/stimulus.js", "Binding.invokeWithEvent", 74, 21, "main", lib=True),
    js("node_modules/@hotwired/stimulus/dist/stimulus.js", "Binding.handleEvent", 43, 18, "main", lib=True),
)
WEB_SOCKET = (
    js("static_src/js/lib/live-socket.js", "WebSocket.onmessage", 31, 9, "main"),
    js("static_src/js/lib/live-socket.js", "LiveSocket.dispatch", 52, 22, "main"),
)
WS_ERRORS = dict(search="clinic-ws - consumer errors", app="thistle_ops", owner="platform")
API_ERRORS = dict(search="clinic-web - request_failed", app="thistle_ops", owner="platform")
TASK_ERRORS = dict(search="clinic-worker - task_failed", app="thistle_ops", owner="platform")
TASK_STATS = dict(search="clinic-worker - failed tasks by name (1h)", app="thistle_ops", owner="platform")

BUGS = [
    # The same KeyError at two places: the waiting-room consumer reading a frame from the
    # kiosk app, and the check-in API view reading the posted form.
    Bug("bb-ws-waitroom-clinic-key", "clinic-ws", (Exc("KeyError", "'clinic_id'", (*WS_RECEIVE, py("clinics.consumers", "receive_json", 44, 'clinic_id = content["clinic_id"]'))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **WS_ERRORS)),
        classes=(4,), pair="bb-api-checkin-clinic-key", entry="/ws/clinics/{clinic_id}/queue/", log="ws_receive_failed", logger="clinics.consumers", span=2),
    Bug("bb-api-checkin-clinic-key", "clinic-web", (Exc("KeyError", "'clinic_id'", (*DJANGO_VIEW, py("clinics.api.views", "post", 88, 'clinic = get_object_or_404(Clinic, pk=request.data["clinic_id"])'))),),
        (see("sentry.error", 2), see("splunk", 2, **API_ERRORS), see("posthog", 1)),
        classes=(4,), pair="bb-ws-waitroom-clinic-key", entry="POST /api/v2/check-ins/"),
    # An anonymous kiosk session connecting to a patient's channel.
    Bug("bb-ws-connect-anonymous", "clinic-ws", (Exc("AttributeError", "'AnonymousUser' object has no attribute 'patient'", (*WS_CONNECT, py("clinics.consumers", "connect", 21, 'self.patient_id = self.scope["user"].patient.pk'))),),
        (see("sentry.error", 3), see("splunk", 2, **WS_ERRORS)),
        entry="/ws/patients/{patient_id}/", log="ws_connect_failed", logger="clinics.consumers", span=2, renames={"connect": "websocket_connect"}),
    # One message, two code paths: the consumer's DB thread and a beat task both using a
    # connection Postgres closed after the pgbouncer restart (CONN_MAX_AGE set).
    Bug("bb-ws-position-conn-closed", "clinic-ws", db_closed((*WS_RECEIVE, py("clinics.consumers", "receive_json", 52, "position = await self.queue_position(appt_id)"), *DB_SYNC, py("clinics.consumers", "queue_position", 71, "return list(Appointment.objects.waiting(self.clinic_id).values_list(\"pk\", flat=True)).index(appt_id) + 1"))),
        (see("sentry.error", 3), see("splunk", 2, **WS_ERRORS)),
        classes=(4,), pair="bb-beat-reminders-conn-closed", entry="/ws/clinics/{clinic_id}/queue/", log="queue_position_failed", logger="clinics.consumers"),
    Bug("bb-beat-reminders-conn-closed", "clinic-worker", db_closed((*CELERY_TASK, py("notifications.tasks", "send_appointment_reminders", 33, "for appt in Appointment.objects.due_for_reminder(now()):"))),
        (see("sentry.error", 2), see("sentry.alert", rule="worker: new issue"), see("splunk", 2, **TASK_ERRORS)),
        classes=(4,), pair="bb-ws-position-conn-closed", entry="notifications.tasks.send_appointment_reminders"),
    # A beat task broadcasting queue positions fills the layer's per-channel buffer.
    Bug("bb-beat-broadcast-channel-full", "clinic-worker", (Exc("ChannelFull", "", (*CELERY_TASK, py("clinics.tasks", "broadcast_queue_positions", 19, 'async_to_sync(layer.group_send)(f"clinic-{clinic.pk}", {"type": "queue.update", "positions": positions})'), pylib("asgiref.sync", "__call__", 254, "return call_result.result()"), pylib("concurrent.futures._base", "result", 449, "return self.__get_result()"), pylib("channels_redis.core", "group_send", 603, "raise ChannelFull()")), module="channels.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **TASK_ERRORS), see("splunk", stats={"task_name": "clinics.tasks.broadcast_queue_positions", "failures": "{n}", "last_error": "ChannelFull"}, **TASK_STATS)),
        entry="clinics.tasks.broadcast_queue_positions", span=2),
    # Unique violations on two tables: the booking of a slot and the waitlist entry.
    Bug("bb-api-booking-slot-unique", "clinic-web", django_integrity((*DJANGO_VIEW, py("bookings.api.views", "create", 61, "booking = Booking.objects.create(slot=slot, patient=request.user.patient)")), "bookings_booking_slot_id_patient_id_3f1a_uniq", "Key (slot_id, patient_id)=({id}, {user}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_ERRORS), see("posthog", 1)),
        classes=(4,), pair="bb-api-waitlist-unique", entry="POST /api/v2/bookings/", span=2),
    Bug("bb-api-waitlist-unique", "clinic-web", django_integrity((*DJANGO_VIEW, py("bookings.api.views", "join_waitlist", 112, "WaitlistEntry.objects.create(patient=request.user.patient, clinic=clinic)")), "bookings_waitlistentry_patient_id_clinic_id_77c2_uniq", "Key (patient_id, clinic_id)=({user}, {n}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **API_ERRORS)),
        classes=(4,), pair="bb-api-booking-slot-unique", entry="POST /api/v2/waitlist/"),
    # Two Stripe bugs ending in one gateway helper: a beat task charging customers deleted in
    # the account migration, and the deposit view passing pounds where Stripe wants pence.
    Bug("bb-beat-noshow-no-customer", "clinic-worker", (Exc("InvalidRequestError", "Request {req}: No such customer: 'cus_{hex}'", (*CELERY_TASK, py("billing.tasks", "charge_no_show_fees", 41, "charge_customer(appt.patient.stripe_customer_id, fee, reason=\"no_show\")"), *STRIPE_CALL), module="stripe._error"),),
        (see("sentry.error", 3), see("splunk", 2, **TASK_ERRORS), see("splunk", stats={"task_name": "billing.tasks.charge_no_show_fees", "failures": "{n}", "last_error": "InvalidRequestError"}, **TASK_STATS)),
        classes=(9,), pair="bb-api-deposit-amount-min", entry="billing.tasks.charge_no_show_fees", span=2),
    Bug("bb-api-deposit-amount-min", "clinic-web", (Exc("InvalidRequestError", "Request {req}: Amount must be at least £0.30 gbp", (*DJANGO_VIEW, py("billing.api.views", "take_deposit", 37, "intent = charge_customer(patient.stripe_customer_id, booking.deposit, reason=\"deposit\")"), *STRIPE_CALL), module="stripe._error"),),
        (see("sentry.error", 2), see("splunk", 2, **API_ERRORS), see("posthog", 2)),
        classes=(9,), pair="bb-beat-noshow-no-customer", entry="POST /api/v2/bookings/{booking_id}/deposit/"),
    # The SMS provider's API (called with httpx) timing out under the reminder task.
    Bug("bb-beat-sms-read-timeout", "clinic-worker", httpx_timeout((*CELERY_TASK, py("notifications.tasks", "send_sms_reminders", 58, "send_sms(appt.patient.phone, render_reminder(appt))"), py("notifications.sms", "send_sms", 31, "resp = client.post(url, data=payload, auth=auth)")), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2), see("splunk", 3, **TASK_ERRORS)),
        entry="notifications.tasks.send_sms_reminders"),
    # The slim image lacks tzdata for a new clinic's zone.
    Bug("bb-api-slots-zoneinfo", "clinic-web", (Exc("ZoneInfoNotFoundError", "'No time zone found with key Europe/Kyiv'", (*DJANGO_VIEW, py("bookings.api.views", "list", 24, "tz = ZoneInfo(clinic.timezone)"), pylib("zoneinfo._common", "load_tzdata", 24, 'raise ZoneInfoNotFoundError(f"No time zone found with key {key}")')), module="zoneinfo"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_ERRORS), see("posthog", 1)),
        entry="GET /api/v2/clinics/{clinic_id}/slots/"),
    # One celery beat task, two different failures: a clinic without a default therapist and
    # a hold whose slot was deleted.
    Bug("bb-beat-expire-holds-no-therapist", "clinic-worker", (Exc("DoesNotExist", "Therapist matching query does not exist.", (*CELERY_TASK, py("bookings.tasks", "expire_stale_holds", 27, "fallback = Therapist.objects.get(clinic=hold.clinic, is_default=True)"), *DJANGO_GET), module="bookings.models", qual="Therapist.DoesNotExist"),),
        (see("sentry.error", 2), see("splunk", 2, **TASK_ERRORS)),
        classes=(4,), pair="bb-beat-expire-holds-slot-none", entry="bookings.tasks.expire_stale_holds"),
    Bug("bb-beat-expire-holds-slot-none", "clinic-worker", (Exc("AttributeError", "'NoneType' object has no attribute 'starts_at'", (*CELERY_TASK, py("bookings.tasks", "expire_stale_holds", 22, "if hold.slot.starts_at < cutoff:"))),),
        (see("sentry.error", 3), see("splunk", 2, **TASK_ERRORS), see("splunk", stats={"task_name": "bookings.tasks.expire_stale_holds", "failures": "{n}", "last_error": "AttributeError"}, **TASK_STATS)),
        classes=(4,), pair="bb-beat-expire-holds-no-therapist", entry="bookings.tasks.expire_stale_holds", span=2),
    # Referral credit parsed from a CMS string with a decimal comma.
    Bug("bb-api-referral-decimal", "clinic-web", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*DJANGO_VIEW, py("referrals.api.views", "redeem", 49, "credit = Decimal(campaign.credit_amount)")), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 2, **API_ERRORS), see("posthog", 1)),
        entry="POST /api/v2/referrals/redeem/"),
    # Seen once: the invoice PDF renderer missing a system library after a base image bump.
    Bug("bb-api-invoice-pango", "clinic-web", (Exc("OSError", "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory.  Additionally, ctypes.util.find_library() did not manage to locate a library called 'libpango-1.0-0'", (*DJANGO_VIEW, py("billing.api.views", "invoice_pdf", 72, "from weasyprint import HTML"), pylib("weasyprint.text.ffi", "<module>", 440, "pango = _dlopen("), pylib("weasyprint.text.ffi", "_dlopen", 428, "return ffi.dlopen(names[0])")), module="builtins"),),
        (see("sentry.error", 1),),
        singleton=True, entry="GET /api/v2/invoices/{invoice_id}/pdf/"),
    # Slow websocket sends: warnings whose durations and sizes change length.
    Bug("bb-ws-send-slow", "clinic-ws", (),
        (see("splunk", 4, search="clinic-ws - slow sends", app="thistle_ops", owner="platform", line='{"channel_name": "specific.{hex}!{args}", "path": "/ws/clinics/{n}/queue/", "event": "ws_send_slow", "took": "{dur}", "payload": "{size}", "timestamp": "{ts}", "logger": "clinics.consumers", "level": "warning"}'),),
        classes=(7,)),
    # The browser: one null read in the live queue widget and in the kiosk board.
    Bug("bb-web-queue-widget-position", "clinic-js", (Exc("TypeError", frames=(*WEB_SOCKET, js("static_src/js/queue/widget.js", "QueueWidget.update", 18, 33, "queue")), js=JsError("read-null", "msg.ticket", "position")),),
        (see("posthog", 2, browser="chrome", chunk="queue", mechanism="onerror"), see("posthog", browser="safari", chunk="queue", mechanism="onerror", release=1), see("posthog", browser="firefox", chunk="queue", resolved=True, mechanism="onerror", release=1)),
        classes=(3, 4), pair="bb-web-kiosk-board-position", span=2, page="/clinics/leith/waiting-room/"),
    Bug("bb-web-kiosk-board-position", "clinic-js", (Exc("TypeError", frames=(*WEB_SOCKET, js("static_src/js/kiosk/board.js", "renderBoard", 40, 27, "kiosk")), js=JsError("read-null", "row.ticket", "position")),),
        (see("posthog", 2, browser="chrome", chunk="kiosk", mechanism="onerror"), see("posthog", browser="edge", chunk="kiosk", resolved=True, mechanism="onerror")),
        classes=(3, 4), pair="bb-web-queue-widget-position", page="/kiosk/board/"),
    # A Stimulus controller calling a method the date-picker library dropped.
    Bug("bb-web-datepicker-setdate", "clinic-js", (Exc("TypeError", frames=(*WEB_CLICK, js("static_src/js/controllers/slot_picker_controller.js", "pick", 29, 18, "booking")), js=JsError("not-function", "this.picker", "setDate", "(t)")),),
        (see("posthog", browser="chrome", chunk="booking", mechanism="onerror"), see("posthog", browser="firefox", chunk="booking", mechanism="onerror", release=1), see("posthog", browser="safari", chunk="booking", mechanism="onerror", release=1), see("posthog", browser="chrome", chunk="booking", resolved=True, mechanism="onerror", release=1)),
        classes=(3,), span=2, page="/book/"),
]

NOISE = [
    Noise("bb-noise-beat-start", "clinic-worker", "splunk", {**TASK_ERRORS, "line": '{"event": "beat: Starting...", "timestamp": "{ts}", "logger": "celery.beat", "level": "info"}'}),
    Noise("bb-noise-daphne-listen", "clinic-ws", "splunk", {**WS_ERRORS, "line": '{"event": "Listening on TCP address 0.0.0.0:8001", "timestamp": "{ts}", "logger": "daphne.server", "level": "info"}'}),
    Noise("bb-noise-sentry-resolved", "clinic-web", "sentry.metric", {"rule": "clinic-web error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

THISTLEDOWN = Company(
    key="bb",
    name="Thistledown Physio",
    domain="thistledown.example",
    sentry_org="thistledown",
    splunk_url="https://thistledown.splunkcloud.com",
    splunk_guid="9A4D2C71-5E0B-4F38-8C16-D2E7B90A3F54",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(104417, "Thistledown booking"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="thistledown-sentry-client-secret",
)
# fmt: on
