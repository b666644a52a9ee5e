"""(v) Larkspur Laundry, on-demand laundry pickup: a Flask 3 API on Python 3.11 under
Gunicorn's sync workers (``api``; Flask's default handler on ``app.logger``, so every error is
a ``[time] ERROR in <module>: ...`` line and its traceback in Gunicorn's error log), Dramatiq
workers on Redis (``workers``; Dramatiq's own log format), a nightly reconciliation script run
by a Kubernetes CronJob (``cron``; ``logging.basicConfig()`` left at its default format) and a
Vue 3 customer app built by Vite 5 (``web``; ``/assets/<Name>-<hash>.js``).

Sentry (sentry-python with the Flask and Dramatiq integrations, @sentry/vue) sees all four;
PostHog sees the web app (posthog-js in Chrome, Firefox and Safari, raw and resolved, one old
snippet still on the legacy properties) and the API (posthog-python); Splunk indexes
Gunicorn's error log, the workers' and the script's output; Datadog posts the team's own
template (``subject``, the plain text as ``content``, the alert in one object).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js, py, pylib, sqlalchemy_integrity

# The tables keep one frame or delivery per line.
# fmt: off
SDK = "2.19.2"
SERVICES = {
    "api": Service("api", "python", "flask", "larkspur:gunicorn:error", "/var/log/containers/api.log", "lk_prod", 4470011, "CPython 3.11.9", framework="flask", sdk=("sentry.python.flask", SDK, "pypi:sentry-sdk")),
    "workers": Service("workers", "python", "dramatiq", "larkspur:dramatiq", "/var/log/containers/workers.log", "lk_prod", 4470014, "CPython 3.11.9", framework="dramatiq", sdk=("sentry.python", SDK, "pypi:sentry-sdk")),
    "cron": Service("cron", "python", "python-basic", "larkspur:cron", "/var/log/containers/reconcile-payouts.log", "lk_prod", 4470017, "CPython 3.11.9", sdk=("sentry.python", SDK, "pypi:sentry-sdk")),
    "web": Service("web", "javascript", "", "", "", "", 4470020, origin="https://app.larkspur.example", framework="vue", sdk=("sentry.javascript.vue", "8.42.0", "npm:@sentry/vue")),
}

# Flask 3.0 dispatching a view: ``handle_user_exception`` re-raises, so its line shows too.
FLASK_VIEW = (
    pylib("flask.app", "wsgi_app", 1511, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 919, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 917, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 902, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)
# A WSGI middleware wrapped around Flask: what it raises escapes Flask to Gunicorn's worker.
GUNICORN_SYNC = (
    pylib("gunicorn.workers.sync", "handle", 134, "self.handle_request(listener, req, client, addr)"),
    pylib("gunicorn.workers.sync", "handle_request", 177, "respiter = self.wsgi(environ, resp.start_response)"),
    pylib("flask.app", "__call__", 1536, "return self.wsgi_app(environ, start_response)"),
)
# Dramatiq 1.17's worker thread calling an actor.
DRAMATIQ = (
    pylib("dramatiq.worker", "process_message", 513, "res = actor(*message.args, **message.kwargs)"),
    pylib("dramatiq.actor", "__call__", 185, "return self.fn(*args, **kwargs)"),
)
REQUESTS_TIMEOUT = (
    pylib("requests.sessions", "post", 637, "return self.request(\"POST\", url, data=data, json=json, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
# Every outgoing call to the payment provider goes through one client method.
PAYWELL_POST = py("larkspur.payments.client", "_post", 48, "resp = self.session.post(url, json=payload, timeout=10)")
READ_TIMEOUT = "HTTPSConnectionPool(host='api.paywell.example', port=443): Read timed out. (read timeout=10)"
# The workers' helper that sends a message event with the current stack and logs a warning.
REPORT = py("larkspur.observability", "report_failure", 22, "sentry_sdk.capture_message(message, level=\"warning\")")

TEAM = "laundry"
DD_API = dict(team=TEAM, monitor="api: errors in gunicorn log", filter="service:api source:gunicorn status:error", text="Errors in the API's Gunicorn log. Latest:\n\n{{log.message}}\n\nRunbook: https://wiki.larkspur.example/runbooks/api-errors")
DD_TASK = dict(team=TEAM, monitor="Dramatiq actor failures")
WEB = dict(page="/orders")


BUGS = [
    # The same KeyError at two code locations: a view reading the client's JSON and an actor
    # reading a legacy row.
    Bug("lk-pickup-window-api", "api", (Exc("KeyError", "'window_start'", (*FLASK_VIEW, py("larkspur.pickups.views", "create_pickup", 57, "slot = parse_slot(body[\"slot\"])"), py("larkspur.pickups.slots", "parse_slot", 23, "start = time.fromisoformat(raw[\"window_start\"])", caret="raw[\"window_start\"]")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2), see("posthog", 1), see("datadog.log", **DD_API)),
        classes=(1, 4), pair="lk-pickup-window-actor", entry="POST /api/pickups", span=2),
    Bug("lk-pickup-window-actor", "workers", (Exc("KeyError", "'window_start'", (*DRAMATIQ, py("larkspur.tasks.reschedule", "reschedule_pickup", 31, "window = (row[\"window_start\"], row[\"window_end\"])", caret="row[\"window_start\"]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", **{**DD_TASK, "scope": "actor_name:reschedule_pickup"})),
        classes=(1, 4, 8), pair="lk-pickup-window-api", entry="reschedule_pickup", log="reschedule_pickup({id})"),
    # One actor, two different failures (a decimal parse and a full disk); the task monitor
    # names only the actor for both.
    Bug("lk-invoice-decimal", "workers", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*DRAMATIQ, py("larkspur.billing.tasks", "generate_invoice", 44, "lines = [line_total(item) for item in order.items]"), py("larkspur.billing.invoice", "line_total", 19, "return Decimal(item.unit_price) * item.quantity", caret="Decimal(item.unit_price)")), module="decimal"),),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.task", **{**DD_TASK, "scope": "actor_name:generate_invoice"}), see("splunk", search="workers - failing actors (1h)", stats={"actor_name": "generate_invoice", "queue_name": "billing", "failures": "{n}", "last_exception": "decimal.InvalidOperation"})),
        classes=(1, 4), pair="lk-invoice-disk", entry="generate_invoice", log="generate_invoice({order}, send_email=True)"),
    Bug("lk-invoice-disk", "workers", (Exc("OSError", "[Errno 28] No space left on device: '{path}'", (*DRAMATIQ, py("larkspur.billing.tasks", "generate_invoice", 52, "pdf_path = render_pdf(invoice)"), py("larkspur.billing.pdf", "render_pdf", 36, "html.write_pdf(path)"), Frame("write_pdf", "weasyprint/__init__.py", 252, "weasyprint", False, "return self.render(font_config, counter_style, **options).write_pdf("), pylib("weasyprint.document", "write_pdf", 391, "with open(target, 'wb') as fd:"))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", **{**DD_TASK, "scope": "actor_name:generate_invoice"}), see("splunk", search="workers - failing actors (1h)", stats={"actor_name": "generate_invoice", "queue_name": "billing", "failures": "{n}", "last_exception": "OSError"})),
        classes=(2, 4), pair="lk-invoice-decimal", entry="generate_invoice", log="generate_invoice({order}, send_email=True)"),
    # One client method innermost for two callers timing out: an actor and a view.
    Bug("lk-capture-timeout", "workers", (Exc("ReadTimeoutError", READ_TIMEOUT, (pylib("urllib3.connectionpool", "_make_request", 537, "response = conn.getresponse()"), pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError(")), module="urllib3.exceptions"), Exc("ReadTimeout", READ_TIMEOUT, (*DRAMATIQ, py("larkspur.payments.tasks", "capture_payment", 27, "charge = client.capture(order.payment_intent)"), py("larkspur.payments.client", "capture", 71, "return self._post(f\"/v2/intents/{intent}/capture\", {})"), PAYWELL_POST, *REQUESTS_TIMEOUT), module="requests.exceptions")),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.task", **{**DD_TASK, "scope": "actor_name:capture_payment"}), see("splunk", search="workers - failing actors (1h)", stats={"actor_name": "capture_payment", "queue_name": "payments", "failures": "{n}", "last_exception": "requests.exceptions.ReadTimeout"})),
        classes=(4, 9), pair="lk-tip-timeout", entry="capture_payment", log="capture_payment({order})"),
    Bug("lk-tip-timeout", "api", (Exc("ReadTimeoutError", READ_TIMEOUT, (pylib("urllib3.connectionpool", "_make_request", 537, "response = conn.getresponse()"), pylib("urllib3.connectionpool", "_raise_timeout", 367, "raise ReadTimeoutError(")), module="urllib3.exceptions"), Exc("ReadTimeout", READ_TIMEOUT, (*FLASK_VIEW, py("larkspur.orders.views", "add_tip", 112, "client.charge_tip(order, amount)"), py("larkspur.payments.client", "charge_tip", 88, "return self._post(\"/v2/charges\", {\"amount\": amount, \"customer\": order.customer_ref})"), PAYWELL_POST, *REQUESTS_TIMEOUT), module="requests.exceptions")),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="type", team=TEAM, monitor="api error spans by type")),
        classes=(4, 9), pair="lk-capture-timeout", entry="POST /api/orders/{order_id}/tip"),
    # Two problems reported through one helper as message events (the helper innermost).
    Bug("lk-locker-unlock", "workers", (Exc("Message", "", (*DRAMATIQ, py("larkspur.lockers.tasks", "unlock_locker", 39, "report_failure(f\"Locker {locker.code} did not acknowledge door unlock\")"), REPORT)),),
        (see("sentry.error", 3), see("splunk", 2, line="[{gts},{millis}] [PID {pid}] [Thread-4] [larkspur.observability] [WARNING] Locker LK-{id} did not acknowledge door unlock")),
        classes=(2, 9), pair="lk-route-empty", message_event=True, log="Locker LK-{id} did not acknowledge door unlock", logger="larkspur.observability", entry="unlock_locker"),
    Bug("lk-route-empty", "workers", (Exc("Message", "", (*DRAMATIQ, py("larkspur.routing.tasks", "plan_routes", 61, "report_failure(f\"Route plan for depot {depot.code} came back empty\")"), REPORT)),),
        (see("sentry.error", 2), see("splunk", 1, line="[{gts},{millis}] [PID {pid}] [Thread-2] [larkspur.observability] [WARNING] Route plan for depot {seg} came back empty"), see("datadog.log", team=TEAM, monitor="workers: warnings", filter="service:workers status:warn", text="Warnings from the workers are above normal. Latest: Route plan for depot {seg} came back empty")),
        classes=(2, 9), pair="lk-locker-unlock", message_event=True, log="Route plan for depot {seg} came back empty", logger="larkspur.observability", entry="plan_routes"),
    # V8 words two reads of undefined the same way; the components differ.
    Bug("lk-web-basket-length", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("src/components/BasketSummary.vue", "itemCount", 41, 37, "BasketView")), js=JsError("read-undefined", "basket.items", "length")),),
        (see("sentry.error", 2, browser="chrome", release=0, chunk="BasketView"), see("sentry.error", browser="firefox", release=1, chunk="BasketView"), see("sentry.error", browser="safari", release=1, chunk="BasketView"), see("sentry.error", browser="chrome", raw=True, release=2, chunk="BasketView"), see("posthog", browser="chrome", mechanism="generic", release=0), see("posthog", browser="safari", mechanism="generic", release=1), see("posthog", browser="firefox", resolved=True, mechanism="generic", release=2)),
        classes=(3,), pair="lk-web-slots-length", span=3, page="/basket"),
    Bug("lk-web-slots-length", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("src/views/PickupScheduler.vue", "availableSlots", 88, 29, "PickupScheduler")), js=JsError("read-undefined", "day.slots", "length")),),
        (see("sentry.error", 2, browser="chrome", chunk="PickupScheduler"), see("sentry.error", browser="safari", chunk="PickupScheduler"), see("posthog", browser="chrome", mechanism="generic"), see("posthog", browser="safari", hook=True), see("posthog", browser="chrome", resolved=True, mechanism="generic")),
        classes=(3,), pair="lk-web-basket-length", page="/pickups/new"),
    # The card widget's script not loaded yet when the checkout mounts.
    Bug("lk-web-card-mount", "web", (Exc("TypeError", frames=(*VUE_MOUNTED, js("src/views/Checkout.vue", "mountCard", 73, 18, "Checkout")), js=JsError("not-function", "window.Paywell.elements", "create", "('card', n)")),),
        (see("sentry.error", browser="chrome", chunk="Checkout"), see("sentry.error", browser="safari", chunk="Checkout"), see("sentry.error", browser="firefox", chunk="Checkout"), see("posthog", browser="safari", mechanism="generic"), see("posthog", browser="chrome", legacy=True)),
        classes=(3,), pair="lk-web-tip-click", page="/checkout"),
    # The same checkout view: a click handler reading a null tip input (a different bug).
    Bug("lk-web-tip-click", "web", (Exc("TypeError", frames=(*VUE_CLICK, js("src/views/Checkout.vue", "onTipSelect", 121, 22, "Checkout")), js=JsError("read-null", "tipInput", "value")),),
        (see("sentry.error", 2, browser="chrome", chunk="Checkout"), see("sentry.error", browser="safari", chunk="Checkout"), see("posthog", browser="firefox", mechanism="generic")),
        classes=(3,), pair="lk-web-card-mount", page="/checkout"),
    # A route chunk gone after a deploy: each engine words the failed dynamic import its way,
    # and the URL's hash changes with every release.
    Bug("lk-web-chunk-load", "web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2, browser="chrome", chunk="OrderDetail", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="OrderDetail", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="OrderDetail", mechanism="onunhandledrejection"), see("posthog", browser="chrome", chunk="OrderDetail", mechanism="onunhandledrejection"), see("posthog", browser="safari", chunk="OrderDetail", mechanism="onunhandledrejection")),
        classes=(2, 3, 5), span=3, page="/orders"),
    # A benign browser error seen once.
    Bug("lk-web-resize-observer", "web", (Exc("Error", "ResizeObserver loop completed with undelivered notifications."),),
        (see("sentry.error", browser="chrome", mechanism="onerror"),), page="/orders", singleton=True),
    # Unique violations on two tables through SQLAlchemy: the constraint is the bug.
    Bug("lk-address-unique", "api", sqlalchemy_integrity((*FLASK_VIEW, py("larkspur.accounts.views", "add_address", 64, "db.session.commit()")), "addresses_customer_id_postcode_key", "Key (customer_id, postcode)=({id}, {seg} {idx}AB) already exists.", "INSERT INTO addresses (customer_id, line1, postcode, is_default) VALUES (%(customer_id)s::INTEGER, %(line1)s::VARCHAR, %(postcode)s::VARCHAR, %(is_default)s) RETURNING addresses.id"),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="message", team=TEAM, monitor="api error spans")),
        classes=(2, 4), pair="lk-promo-unique", entry="POST /api/addresses"),
    Bug("lk-promo-unique", "api", sqlalchemy_integrity((*FLASK_VIEW, py("larkspur.promos.views", "redeem", 38, "db.session.commit()")), "promo_redemptions_code_customer_id_key", "Key (code, customer_id)=({coupon}, {id}) already exists.", "INSERT INTO promo_redemptions (code, customer_id, order_id) VALUES (%(code)s::VARCHAR, %(customer_id)s::INTEGER, %(order_id)s::INTEGER) RETURNING promo_redemptions.id"),
        (see("sentry.error", 2), see("splunk", 2), see("posthog", 1), see("datadog.apm", style="message", team=TEAM, monitor="api error spans")),
        classes=(2, 4), pair="lk-address-unique", entry="POST /api/promos/redeem"),
    # The nightly script: a date in the provider's CSV it cannot parse (the value varies).
    Bug("lk-reconcile-date", "cron", (Exc("ValueError", "time data '{date}' does not match format '%Y-%m-%d'", (py("reconcile_payouts", "<module>", 118, "main()"), py("reconcile_payouts", "main", 97, "rows = [parse_row(r) for r in reader]"), py("reconcile_payouts", "parse_row", 41, "settled = datetime.strptime(row[\"settled_on\"], \"%Y-%m-%d\").date()"), pylib("_strptime", "_strptime_datetime", 554, "tt, fraction, gmtoff_fraction = _strptime(data_string, format)"), pylib("_strptime", "_strptime", 333, "raise ValueError(\"time data %r does not match format %r\" %")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, search="cron - failed jobs")),
        classes=(2, 4), log="reconciliation failed for batch {id}", logger="__main__", entry="reconcile_payouts"),
    # A WSGI middleware reading a header some load-balancer health checks leave out: Flask
    # never sees it, Gunicorn logs "Error handling request".
    Bug("lk-tenant-host", "api", (Exc("AttributeError", "'NoneType' object has no attribute 'split'", (*GUNICORN_SYNC, py("larkspur.middleware.tenant", "__call__", 19, "subdomain = environ.get(\"HTTP_X_FORWARDED_HOST\").split(\".\")[0]")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 3, format="gunicorn")),
        classes=(4,), entry="GET /healthz"),
    # Gunicorn killing a worker that took longer than its timeout: no trace, a problem.
    Bug("lk-worker-timeout", "api", (),
        (see("splunk", 2, search="api - gunicorn critical", line="[{gts} +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:{pid})"), see("datadog.log", team=TEAM, monitor="api: gunicorn worker timeouts", filter="service:api \"WORKER TIMEOUT\"", text="Gunicorn killed {n} workers for timing out in the last 10 minutes.")),
        classes=(8,)),
    # The billing queue backing up in Redis: a metric, no bug named.
    Bug("lk-billing-backlog", "workers", (),
        (see("datadog.metric", 2, team=TEAM, monitor="billing queue backlog", scope="queue_name:billing", metric="dramatiq.queue.messages", query="avg(last_10m):avg:dramatiq.queue.messages{queue_name:billing} > 500", status="dramatiq.queue.messages over queue_name:billing was > 500.0 on average during the last 10m", text="{n}00 messages waiting on the billing queue."),),
        classes=(8,)),
]

NOISE = [
    Noise("lk-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api 2026.03.2", "text": "Argo CD synced api to 2026.03.2 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("lk-noise-boot", "api", "splunk", {"search": "api - gunicorn critical", "line": "[{gts} +0000] [{pid}] [INFO] Booting worker with pid: {pid}"}),
    Noise("lk-noise-recovered", "workers", "datadog.metric", {"monitor": "billing queue backlog", "scope": "queue_name:billing", "transition": "Recovered", "metric": "dramatiq.queue.messages", "text": "The billing queue is back under 500 messages.", "team": TEAM}),
]

LARKSPUR = Company(
    key="v",
    name="Larkspur Laundry",
    domain="larkspur.example",
    sentry_org="larkspur",
    splunk_url="https://larkspur.splunkcloud.com",
    splunk_guid="5E1B0C94-3A7D-4F62-9C18-B7D04E2A6F51",
    datadog_org=("918224", "Larkspur Laundry"),
    datadog_template="larkspur",
    posthog_project=(51207, "Larkspur customer app"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="larkspur-sentry-client-secret",
)
# fmt: on
