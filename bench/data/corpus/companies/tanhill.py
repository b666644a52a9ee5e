"""(cz) Tan Hill Kilnworks, shared pottery studios with bookable kilns and classes: Django 5
with DRF and Channels 4 on Python 3.11 (``studio-web``: bookings, the glaze library, payments;
``studio-ws``: the kiln-status and studio-chat websockets under daphne) and Celery 5 workers
(``studio-worker``: class reminders, kiln-status broadcasts, the monthly usage report), all on
Kubernetes (namespace ``kiln``), Redis as the channel layer and the broker.
The apps log JSON through python-json-logger (``exc_info`` holding the traceback); daphne
logs ``Exception inside application`` in Python's default format. Fluent Bit tails the
containers' CRI logs, its ``kubernetes`` filter adds the pod's metadata, its ``python``
multiline parser joins daphne's traceback, and its Splunk output sends the record as the
event: the app's line is a string in ``log``. Sentry: sentry-python with the Django, Channels
(ASGI) and Celery integrations. Datadog: ddtrace APM and Celery task monitors through the
``nested`` template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_VIEW, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "studio-web": Service("studio-web", "python", "cz-fluent-json", "kube:container:web", "/var/log/containers/studio-web.log", "th_k8s", 4420031, "CPython 3.11.10", framework="django"),
    "studio-ws": Service("studio-ws", "python", "cz-fluent-daphne", "kube:container:daphne", "/var/log/containers/studio-ws.log", "th_k8s", 4420031, "CPython 3.11.10", framework="django"),
    "studio-worker": Service("studio-worker", "python", "cz-fluent-json", "kube:container:worker", "/var/log/containers/studio-worker.log", "th_k8s", 4420034, "CPython 3.11.10", framework="celery"),
}

# A sync JsonWebsocketConsumer: Channels dispatches into asgiref's thread (oldest first).
WS_SYNC = (
    pylib("channels.routing", "__call__", 62, "return await application(scope, receive, send)"),
    pylib("channels.consumer", "__call__", 58, "await await_many_dispatch("),
    pylib("channels.utils", "await_many_dispatch", 50, "await dispatch(result)"),
    pylib("asgiref.sync", "__call__", 468, "ret = await asyncio.shield(exec_coro)"),
    pylib("concurrent.futures.thread", "run", 59, "result = self.fn(*self.args, **self.kwargs)"),
    pylib("asgiref.sync", "thread_handler", 522, "return func(*args, **kwargs)"),
    pylib("channels.consumer", "dispatch", 94, "handler(message)"),
    pylib("channels.generic.websocket", "websocket_receive", 125, 'self.receive(text_data=message["text"])'),
    pylib("channels.generic.websocket", "receive", 256, "self.receive_json(self.decode_json(text_data), **kwargs)"),
)
WS_ASYNC_CONNECT = (
    pylib("channels.routing", "__call__", 62, "return await application(scope, receive, send)"),
    pylib("channels.consumer", "__call__", 58, "await await_many_dispatch("),
    pylib("channels.utils", "await_many_dispatch", 50, "await dispatch(result)"),
    pylib("channels.consumer", "dispatch", 73, "await handler(message)"),
    pylib("channels.generic.websocket", "websocket_connect", 175, "await self.connect()"),
)
QUERY_ASYNC = (
    pylib("django.db.models.query", "__iter__", 400, "self._fetch_all()"),
    pylib("django.db.models.query", "_fetch_all", 1928, "self._result_cache = list(self._iterable_class(self))"),
    pylib("django.db.models.sql.compiler", "execute_sql", 1560, "cursor = self.connection.cursor()"),
    pylib("django.utils.asyncio", "inner", 24, "raise SynchronousOnlyOperation(message)"),
)
# The app's one helper for pushing to a websocket: async_to_sync(layer.send).
PUSH = (
    py("studio.realtime", "push", 18, "async_to_sync(get_channel_layer().send)(channel, message)"),
    pylib("asgiref.sync", "__call__", 254, "return call_result.result()"),
    pylib("concurrent.futures._base", "result", 449, "return self.__get_result()"),
    pylib("asgiref.sync", "main_wrap", 331, "result = await awaitable"),
    pylib("channels_redis.core", "send", 218, 'raise ChannelFull()'),
)
POST_JSON = (
    py("payments.gateway", "post", 27, "resp = requests.post(url, json=body, auth=(KEY, ''), timeout=8)"),
    pylib("requests.api", "post", 115, 'return request("post", url, data=data, json=json, **kwargs)'),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
NO_TARGET = "'NoneType' object has no attribute 'target_temp'"

WEB = {"search": "studio-web errors (k8s)"}
WS = {"search": "daphne exceptions (k8s)"}
WORKER = {"search": "studio-worker errors (k8s)"}
APM = {"monitor": "studio-web errors by type", "team": "studio"}
WS_APM = {"monitor": "studio-ws errors by type", "team": "studio"}
TASKS = {"monitor": "Celery task failures", "team": "studio"}
WS_LOGS = {"monitor": "daphne: exception inside application", "team": "studio", "style": "stack", "lines": 10}


def task(module: str, function: str, line: int, context: str) -> tuple[Frame, ...]:
    return (*CELERY_TASK, py(module, function, line, context))


BUGS = [
    # One message, two places: a firing schedule (HTTP view) and the live kiln socket, each reading a profile's missing segment.
    Bug("cz-schedule-no-target", "studio-web", (Exc("AttributeError", NO_TARGET, (*DJANGO_VIEW, py("firing.views", "post", 41, "plan = ramp_for(kiln, serializer.validated_data['profile'])"), py("firing.profiles", "ramp_for", 63, "peak = profile.segments.last().target_temp"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="cz-ws-no-target", log="Internal Server Error: {path}", logger="django.request", entry="POST /api/firings/{id}/schedule"),
    Bug("cz-ws-no-target", "studio-ws", (Exc("AttributeError", NO_TARGET, (*WS_SYNC, py("firing.consumers", "receive_json", 37, "segment = current_segment(self.kiln, content['elapsed'])"), py("firing.profiles", "current_segment", 88, "return seg.target_temp if seg.started_at else seg.previous.target_temp"))),),
        (see("sentry.error", 3), see("splunk", 3, **WS), see("datadog.log", **WS_LOGS)),
        classes=(4,), pair="cz-schedule-no-target", entry="ws/kilns/{id}/", span=2),
    # A unique violation per table: a class seat booked twice, a waitlist entry added twice.
    Bug("cz-booking-unique", "studio-web", django_integrity((*DJANGO_VIEW, py("bookings.views", "create", 52, "booking = Booking.objects.create(session=session, member=request.user)")), "bookings_booking_session_id_member_id_key", "Key (session_id, member_id)=({id}, {user}) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="cz-waitlist-unique", log="Internal Server Error: {path}", logger="django.request", entry="POST /api/sessions/{id}/bookings"),
    Bug("cz-waitlist-unique", "studio-web", django_integrity((*DJANGO_VIEW, py("bookings.views", "join_waitlist", 88, "WaitlistEntry.objects.create(session=session, member=request.user)")), "bookings_waitlistentry_session_id_member_id_key", "Key (session_id, member_id)=({id}, {user}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB)),
        classes=(4,), pair="cz-booking-unique", log="Internal Server Error: {path}", logger="django.request", entry="POST /api/sessions/{id}/waitlist"),
    # One task, two failures: a member with SMS reminders but no number; naive class times from an import.
    Bug("cz-reminder-no-sms", "studio-worker", (Exc("KeyError", "'sms'", (*task("notifications.tasks", "send_class_reminders", 44, "send_reminder(member, session)"), py("notifications.channels", "send_reminder", 21, "to = member.contact_points['sms']"))),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("datadog.task", **TASKS)),
        classes=(4, 8), pair="cz-reminder-naive-dt", log="Task notifications.tasks.send_class_reminders[{uuid}] raised unexpected: KeyError('sms')", logger="celery.app.trace", entry="notifications.tasks.send_class_reminders"),
    Bug("cz-reminder-naive-dt", "studio-worker", (Exc("TypeError", "can't compare offset-naive and offset-aware datetimes", (*task("notifications.tasks", "send_class_reminders", 39, "if session.starts_at - timezone.now() > REMINDER_WINDOW:"),)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **WORKER), see("datadog.task", **TASKS)),
        classes=(4, 5, 8), pair="cz-reminder-no-sms", log="Task notifications.tasks.send_class_reminders[{uuid}] raised unexpected: TypeError(\"can't compare offset-naive and offset-aware datetimes\")", logger="celery.app.trace", entry="notifications.tasks.send_class_reminders", span=3),
    # ChannelFull at the end of one helper: the kiln broadcast task and the glaze-ready view.
    Bug("cz-kiln-broadcast-full", "studio-worker", (Exc("ChannelFull", "", (*task("firing.tasks", "broadcast_kiln_status", 29, "push(kiln.channel_name, status_message(kiln))"), *PUSH), module="channels.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("datadog.task", **TASKS)),
        classes=(9,), pair="cz-glaze-ready-full", log="Task firing.tasks.broadcast_kiln_status[{uuid}] raised unexpected: ChannelFull()", logger="celery.app.trace", entry="firing.tasks.broadcast_kiln_status"),
    Bug("cz-glaze-ready-full", "studio-web", (Exc("ChannelFull", "", (*DJANGO_VIEW, py("glazes.views", "mark_ready", 66, "push(f'member.{piece.owner_id}', {'type': 'piece.ready', 'id': piece.pk})"), *PUSH), module="channels.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(9,), pair="cz-kiln-broadcast-full", log="Internal Server Error: {path}", logger="django.request", entry="POST /api/pieces/{id}/ready"),
    # The async chat consumer touching the ORM directly on connect.
    Bug("cz-chat-sync-only", "studio-ws", (Exc("SynchronousOnlyOperation", "You cannot call this from an async context - use a thread or sync_to_async.", (*WS_ASYNC_CONNECT, py("chat.consumers", "connect", 23, "self.studio = Studio.objects.get(slug=self.scope['url_route']['kwargs']['slug'])"), pylib("django.db.models.manager", "manager_method", 87, "return getattr(self.get_queryset(), name)(*args, **kwargs)"), pylib("django.db.models.query", "get", 645, "num = len(clone)"), *QUERY_ASYNC), module="django.core.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **WS), see("datadog.apm", **WS_APM)),
        entry="ws/studios/{slug}/chat/"),
    # The card gateway not answering within 8 s at checkout.
    Bug("cz-gateway-timeout", "studio-web", (Exc("ReadTimeout", "HTTPSConnectionPool(host='api.cardgateway.example', port=443): Read timed out. (read timeout=8)", (*DJANGO_VIEW, py("payments.views", "post", 34, "charge = gateway.post('/v2/charges', charge_body(order))"), *POST_JSON), module="requests.exceptions"),),
        (see("sentry.error", 3), see("sentry.alert", rule="Payments errors"), see("splunk", 2, **WEB), see("datadog.apm", 2, **APM)),
        log="Internal Server Error: {path}", logger="django.request", entry="POST /api/orders/{id}/pay"),
    # The monthly kiln usage report past its soft time limit.
    Bug("cz-usage-report-softlimit", "studio-worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*task("reports.tasks", "monthly_kiln_usage", 58, "rows = [usage_row(f) for f in Firing.objects.filter(month=month).iterator()]"), py("reports.usage", "usage_row", 17, "energy = sum(r.kwh for r in firing.readings.all())"), pylib("billiard.pool", "soft_timeout_sighandler", 284, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER), see("datadog.task", 2, **TASKS)),
        classes=(8,), log="Task reports.tasks.monthly_kiln_usage[{uuid}] raised unexpected: SoftTimeLimitExceeded()", logger="celery.app.trace", entry="reports.tasks.monthly_kiln_usage"),
    # The channel layer's Redis gone during a failover: every socket's group_add on connect.
    Bug("cz-ws-redis-refused", "studio-ws", (Exc("ConnectionRefusedError", "[Errno 111] Connect call failed ('10.3.{idx}.17', 6379)", (*WS_ASYNC_CONNECT, py("firing.consumers", "connect", 19, "await self.channel_layer.group_add(self.group, self.channel_name)"), pylib("channels_redis.core", "group_add", 494, "async with self.connection(self.consistent_hash(group)) as connection:"), pylib("redis.asyncio.connection", "connect", 274, "await self.retry.call_with_retry("), pylib("asyncio.base_events", "create_connection", 1118, "raise OSError('Multiple exceptions: {}'.format(")), module="builtins"), Exc("ConnectionError", "Error 111 connecting to redis-channels.kiln.svc.cluster.local:6379. Connect call failed ('10.3.{idx}.17', 6379).", (*WS_ASYNC_CONNECT, py("firing.consumers", "connect", 19, "await self.channel_layer.group_add(self.group, self.channel_name)"), pylib("channels_redis.core", "group_add", 494, "async with self.connection(self.consistent_hash(group)) as connection:"), pylib("redis.asyncio.connection", "connect", 282, "raise ConnectionError(self._error_message(e))")), module="redis.exceptions")),
        (see("sentry.error", 3), see("splunk", 3, **WS), see("datadog.log", 2, **WS_LOGS)),
        entry="ws/kilns/{id}/"),
    # Seen once: a HEIC upload Pillow cannot open.
    Bug("cz-piece-photo-unidentified", "studio-web", (Exc("UnidentifiedImageError", "cannot identify image file <_io.BytesIO object at 0x7f{hex}>", (*DJANGO_VIEW, py("glazes.views", "upload_photo", 102, "img = Image.open(request.FILES['photo'])"), pylib("PIL.Image", "open", 3498, "raise UnidentifiedImageError(msg)")), module="PIL"),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/pieces/{id}/photos"),
]

NOISE = [
    Noise("cz-noise-argocd", "studio-web", "datadog.event", {"monitor": "Argo CD synced studio 2026.3.2", "text": "Argo CD synced application studio to 2026.3.2: studio-web, studio-ws, studio-worker healthy.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "studio"}),
    Noise("cz-noise-beat", "studio-worker", "splunk", {**WORKER, "line": '{"log":"[{gts},{millis}: INFO/MainProcess] Scheduler: Sending due task kiln-status-every-minute (firing.tasks.broadcast_kiln_status)\\n","stream":"stderr","time":"{tsms}","kubernetes":{"namespace_name":"kiln","container_name":"beat","pod_name":"studio-beat-0"}}'}),
    Noise("cz-noise-recovered", "studio-worker", "datadog.event", {"monitor": "[Recovered] Celery task failures", "text": "Celery task failures recovered: no failed runs in the last 15 minutes.", "priority": "P3", "event_type": "query_alert_monitor", "alert_type": "success", "team": "studio"}),
    Noise("cz-noise-daphne-up", "studio-ws", "splunk", {**WS, "line": '{"log":"{gts},{millis} INFO     Listening on TCP address 0.0.0.0:8001\\n","stream":"stderr","time":"{tsms}","kubernetes":{"namespace_name":"kiln","container_name":"daphne","pod_name":"studio-ws-0"}}'}),
]

TANHILL = Company(
    key="cz",
    name="Tan Hill Kilnworks",
    domain="tanhill.example",
    sentry_org="tanhill-kilnworks",
    splunk_url="https://tanhill.splunkcloud.com",
    splunk_guid="0E7D2B94-5FA1-4C38-9B60-D81A3C47E2F5",
    datadog_org=("442039", "Tan Hill Kilnworks"),
    datadog_template="nested",
    posthog_project=(44203, "tanhill.example"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tanhill-sentry-client-secret",
)
# fmt: on
