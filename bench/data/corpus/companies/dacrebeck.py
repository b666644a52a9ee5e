"""(dj) Dacrebeck Money, a small-business current account: one Django 4.2 project on
CPython 3.11 run three ways: the REST API under Gunicorn (``ledger``), Celery 5.3 workers
(``workers``) and Django Channels 4 websocket consumers under Daphne (``realtime``, live
balance and payment notifications).

Sentry: sentry-python's Django, Celery and ASGI integrations. Vector's ``docker_logs``
source ships every container's stderr as JSON (the Python record whole in ``message``) to
Splunk HEC and to Datadog Logs; Datadog log monitors paste the JSON event, APM error-rate
monitors name the resource. No PostHog (a bank's front end sends nothing to it).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, DJANGO_GET, DJANGO_VIEW, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "ledger": Service("ledger", "python", "dj-django-vector", "dacrebeck:vector:json", "vector:docker_logs", "dj_prod", 6370011, "CPython 3.11.10", framework="django", sdk=("sentry.python.django", "2.18.0", "pypi:sentry-sdk")),
    "workers": Service("workers", "python", "dj-celery-vector", "dacrebeck:vector:json", "vector:docker_logs", "dj_prod", 6370014, "CPython 3.11.10", framework="celery", sdk=("sentry.python.celery", "2.18.0", "pypi:sentry-sdk")),
    "realtime": Service("realtime", "python", "dj-django-vector", "dacrebeck:vector:json", "vector:docker_logs", "dj_prod", 6370017, "CPython 3.11.10", framework="asgi", sdk=("sentry.python.django", "2.18.0", "pypi:sentry-sdk")),
}

# Channels 4 dispatching a websocket frame to a JsonWebsocketConsumer's handler (oldest first).
CHANNELS = (
    pylib("channels.routing", "__call__", 62, "return await application(scope, receive, send)"),
    pylib("channels.consumer", "__call__", 58, "await await_many_dispatch("),
    pylib("channels.utils", "await_many_dispatch", 50, "await dispatch(result)"),
    pylib("asgiref.sync", "__call__", 468, "ret = await asyncio.shield(exec_coro)"),
    pylib("concurrent.futures.thread", "run", 58, "result = self.fn(*self.args, **self.kwargs)"),
    pylib("asgiref.sync", "thread_handler", 522, "return func(*args, **kwargs)"),
    pylib("channels.consumer", "dispatch", 94, "handler(message)"),
    pylib("channels.generic.websocket", "websocket_receive", 59, "self.receive(text_data=message[\"text\"])"),
    pylib("channels.generic.websocket", "receive", 261, "self.receive_json(self.decode_json(text_data), **kwargs)"),
)
REQUESTS_POST = (
    pylib("requests.api", "post", 115, "return request(\"post\", url, data=data, json=json, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
# Every vendor call goes through one helper; its frame ends both vendors' timeouts.
VENDOR_POST = py("vendors.http", "post_json", 41, "resp = requests.post(url, json=payload, timeout=VENDOR_TIMEOUT)")
DECIMAL = "[<class 'decimal.ConversionSyntax'>]"
ANON = "'AnonymousUser' object has no attribute 'business'"

DD_LOGS = dict(team="payments", monitor="ledger errors in logs", filter="source:vector service:ledger status:error", style="stack", lines=9)
DD_WORKERS = dict(team="payments", monitor="celery failures in logs", filter="source:vector service:workers @message:*raised unexpected*", style="stack", lines=6)
DD_RT = dict(team="realtime", monitor="realtime consumer errors", filter="source:vector service:realtime status:error", style="stack", lines=8)
APM = dict(style="message", team="payments", monitor="ledger error rate by type")
S_LEDGER = {"search": "dacrebeck - ledger errors"}
S_WORKERS = {"search": "dacrebeck - celery failures"}
S_RT = {"search": "dacrebeck - realtime errors"}


def view(module: str, fn: str, line: int, ctx: str) -> tuple[Frame, ...]:
    return (*DJANGO_VIEW, py(module, fn, line, ctx))


def task(module: str, fn: str, line: int, ctx: str) -> tuple[Frame, ...]:
    return (*CELERY_TASK, py(module, fn, line, ctx))


def consumer(fn: str, line: int, ctx: str) -> tuple[Frame, ...]:
    return (*CHANNELS, py("realtime.consumers", fn, line, ctx))


def read_timeout(host: str, caller: tuple[Frame, ...]) -> tuple[Exc, ...]:
    value = f"HTTPSConnectionPool(host='{host}', port=443): Read timed out. (read timeout=10)"
    return (
        Exc("ReadTimeoutError", value, (*caller, VENDOR_POST, *REQUESTS_POST[:3], pylib("urllib3.connectionpool", "_make_request", 538, "self._raise_timeout(err=e, url=url, timeout_value=read_timeout)")), module="urllib3.exceptions"),
        Exc("ReadTimeout", value, (*caller, VENDOR_POST, *REQUESTS_POST), module="requests.exceptions"),
    )


BUGS = [
    # One Decimal() of a comma-formatted amount: in the transfer view and in the FX rate task.
    Bug("dj-transfer-decimal", "ledger", (Exc("InvalidOperation", DECIMAL, (*view("payments.views", "TransferView.post", 48, "transfer = build_transfer(request.user.business, serializer.validated_data)"), py("payments.transfers", "build_transfer", 31, "amount = Decimal(data['amount']).quantize(CENT)")), module="decimal"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **S_LEDGER), see("datadog.apm", **APM)),
        classes=(4, 5), pair="dj-fx-rate-decimal", entry="POST /api/v1/transfers/", span=2, renames={"TransferView.post": "TransferCreateView.post"}),
    Bug("dj-fx-rate-decimal", "workers", (Exc("InvalidOperation", DECIMAL, (*task("fx.tasks", "refresh_rates", 22, "rates = [parse_rate(row) for row in feed]"), py("fx.feed", "parse_rate", 14, "return row['ccy'], Decimal(row['mid'])")), module="decimal"),),
        (see("sentry.error", 3), see("splunk", 2, **S_WORKERS), see("datadog.log", **DD_WORKERS)),
        classes=(4,), pair="dj-transfer-decimal", entry="fx.tasks.refresh_rates"),
    # DoesNotExist: which model is the bug.
    Bug("dj-payee-missing", "ledger", (Exc("DoesNotExist", "Payee matching query does not exist.", (*view("payees.views", "PayeeDetailView.get", 19, "payee = Payee.objects.get(pk=pk, business=request.user.business)"), *DJANGO_GET), module="payees.models", qual="Payee.DoesNotExist"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_LEDGER), see("datadog.log", **DD_LOGS)),
        classes=(4,), pair="dj-card-missing", entry="GET /api/v1/payees/{id}/"),
    Bug("dj-card-missing", "ledger", (Exc("DoesNotExist", "Card matching query does not exist.", (*view("cards.views", "CardFreezeView.post", 27, "card = Card.objects.get(pk=pk, business=request.user.business)"), *DJANGO_GET), module="cards.models", qual="Card.DoesNotExist"),),
        (see("sentry.error", 2), see("splunk", 2, **S_LEDGER), see("datadog.apm", **APM)),
        classes=(4,), pair="dj-payee-missing", entry="POST /api/v1/cards/{id}/freeze/"),
    # Two unique constraints: a ledger entry posted twice, an idempotency key reused.
    Bug("dj-entry-unique", "workers", django_integrity(task("ledger.tasks", "post_settlement", 35, "LedgerEntry.objects.create(account=account, **line)"), "ledger_ledgerentry_account_id_external_ref_uniq", "Key (account_id, external_ref)=({id}, STL-{order}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_WORKERS), see("datadog.log", **DD_WORKERS)),
        classes=(4,), pair="dj-idempotency-unique", entry="ledger.tasks.post_settlement"),
    Bug("dj-idempotency-unique", "ledger", django_integrity(view("payments.views", "TransferView.post", 44, "IdempotencyKey.objects.create(key=key, business=request.user.business)"), "payments_idempotencykey_key_key", "Key (key)=({key}) already exists."),
        (see("sentry.error", 2), see("splunk", 2, **S_LEDGER), see("datadog.apm", **APM)),
        classes=(4,), pair="dj-entry-unique", entry="POST /api/v1/transfers/"),
    # The same KeyError on 'iban' in the statement task and in the websocket consumer.
    Bug("dj-statement-iban", "workers", (Exc("KeyError", "'iban'", (*task("statements.tasks", "render_statement", 40, "ctx = statement_context(account)"), py("statements.context", "statement_context", 18, "'iban': account.details['iban'],")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, **S_WORKERS), see("datadog.log", **DD_WORKERS)),
        classes=(4,), pair="dj-ws-iban", entry="statements.tasks.render_statement"),
    Bug("dj-ws-iban", "realtime", (Exc("KeyError", "'iban'", (*consumer("BalanceConsumer.receive_json", 33, "self.send_json(balance_payload(self.account, content['iban']))"),), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_RT), see("datadog.log", **DD_RT)),
        classes=(4,), pair="dj-statement-iban", log="consumer error", logger="realtime.consumers", entry="BalanceConsumer"),
    # One vendor helper at the end of two timeouts: KYC checks and sanctions screening.
    Bug("dj-kyc-timeout", "workers", read_timeout("api.kyc-vendor.example", (*task("onboarding.tasks", "run_kyc_check", 27, "result = kyc.submit(applicant)"), py("onboarding.kyc", "submit", 52, "return post_json(KYC_URL, payload)"))),
        (see("sentry.error", 3), see("splunk", 2, **S_WORKERS), see("datadog.log", **DD_WORKERS)),
        classes=(2, 9), pair="dj-sanctions-timeout", entry="onboarding.tasks.run_kyc_check"),
    Bug("dj-sanctions-timeout", "workers", read_timeout("screening.sanctions.example", (*task("compliance.tasks", "screen_payee", 16, "hits = sanctions.screen(payee)"), py("compliance.sanctions", "screen", 38, "return post_json(SCREEN_URL, {'name': payee.name})"))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_WORKERS)),
        classes=(2, 9), pair="dj-kyc-timeout", entry="compliance.tasks.screen_payee"),
    # An anonymous user reaching code that wants a business: a consumer and a CSV export view.
    Bug("dj-ws-anonymous", "realtime", (Exc("AttributeError", ANON, consumer("PaymentsConsumer.connect", 18, "self.group = f'payments.{self.scope[\"user\"].business.pk}'"), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **S_RT), see("datadog.log", **DD_RT)),
        classes=(4, 5), pair="dj-export-anonymous", log="consumer error", logger="realtime.consumers", entry="PaymentsConsumer", span=3),
    Bug("dj-export-anonymous", "ledger", (Exc("AttributeError", ANON, (*view("exports.views", "TransactionsCsvView.get", 23, "qs = Transaction.objects.filter(business=request.user.business)"),), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **S_LEDGER), see("datadog.apm", **APM)),
        classes=(4,), pair="dj-ws-anonymous", entry="GET /api/v1/exports/transactions.csv"),
    # The channel layer's Redis queue full during a payment burst.
    Bug("dj-channel-full", "workers", (Exc("ChannelFull", "", (*task("notifications.tasks", "fan_out_payment", 29, "async_to_sync(layer.group_send)(group, event)"), pylib("asgiref.sync", "__call__", 254, "return call_result.result()"), pylib("channels_redis.core", "group_send", 573, "raise ChannelFull()")), module="channels.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **S_WORKERS), see("datadog.log", **DD_WORKERS)),
        classes=(2,), entry="notifications.tasks.fan_out_payment"),
    # Nightly reconciliation running past its soft time limit.
    Bug("dj-reconcile-time-limit", "workers", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*task("reconcile.tasks", "reconcile_day", 51, "for batch in chunked(entries, 500):"), py("reconcile.matching", "match_batch", 77, "candidates = list(BankLine.objects.filter(day=day, amount__in=amounts))")), module="celery.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **S_WORKERS), see("datadog.task", team="payments", monitor="Celery task failures")),
        entry="reconcile.tasks.reconcile_day"),
    # A websocket client sending a bare keep-alive string: the JSON consumer cannot decode it.
    Bug("dj-ws-bad-json", "realtime", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*CHANNELS[:8], pylib("channels.generic.websocket", "receive", 261, "self.receive_json(self.decode_json(text_data), **kwargs)"), pylib("channels.generic.websocket", "decode_json", 276, "return json.loads(text_data)"), pylib("json", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "decode", 337, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"), pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 3), see("splunk", 2, **S_RT), see("datadog.log", 2, **DD_RT)),
        classes=(1,), log="consumer error", logger="realtime.consumers", entry="BalanceConsumer"),
    # Card-processor webhooks signed with the previous secret after a rotation.
    Bug("dj-card-webhook-signature", "ledger", (Exc("SignatureError", "No signatures found matching the expected signature for payload", (*view("cards.webhooks", "ProcessorWebhookView.post", 21, "event = verify_signature(request.body, request.headers['X-Signature'])"), py("cards.signing", "verify_signature", 17, "raise SignatureError('No signatures found matching the expected signature for payload')")), module="cards.signing"),),
        (see("sentry.error", 2, release=1), see("sentry.issue", release=1), see("splunk", 3, release=1, **S_LEDGER), see("datadog.apm", release=2, **APM)),
        classes=(6,), entry="POST /hooks/card-processor/"),
    # An interest calculation on a zero-day period, seen once.
    Bug("dj-interest-zero-days", "workers", (Exc("ZeroDivisionError", "division by zero", task("savings.tasks", "accrue_interest", 33, "daily = balance * rate / days_in_period"), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="savings.tasks.accrue_interest"),
]

NOISE = [
    Noise("dj-noise-deploy", "ledger", "datadog.event", {"monitor": "Deployed ledger 2026.03.2", "text": "argocd synced ledger to 2026.03.2 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("dj-noise-celery-ready", "workers", "splunk", {**S_WORKERS, "line": "{\"message\":\"[2026-03-04 06:00:01,{millis}: INFO/MainProcess] celery@workers-{hex} ready.\",\"source_type\":\"docker_logs\",\"container_name\":\"workers\",\"stream\":\"stderr\"}"}),
    Noise("dj-noise-sentry-resolved", "ledger", "sentry.metric", {"rule": "ledger 5xx rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

DACREBECK = Company(
    key="dj",
    name="Dacrebeck Money",
    domain="dacrebeck.example",
    sentry_org="dacrebeck",
    splunk_url="https://dacrebeck.splunkcloud.com",
    splunk_guid="8B1D5C2E-47A0-4F96-A3E1-6C0D92B7F415",
    datadog_org=("318204", "Dacrebeck Money"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dacrebeck-sentry-client-secret",
)
# fmt: on
