"""(au) Hollowmead Broadband, a full-fibre internet provider: a Go provisioning API on chi v5
(``provisioning``: orders, activations and appointments with the wholesale networks; pgx over
Postgres; dd-trace-go's chi middleware; chi's ``Recoverer``), a Go worker polling the optical
line terminals over SNMP (``netpoller``), and a small Flask admin tool for the support desk
(``backoffice``). Every service ships its logs to Datadog: zap's JSON with Datadog's keys from
the Go services (the error as a string, the stack of the log call), chi's pretty panic stack
and the runtime's goroutine dump on stderr, and Datadog's documented Python format with
ddtrace's log injection from the Flask tool.

Sentry (sentry-go 0.29 with sentryhttp re-panicking into chi's Recoverer; handler errors
captured in one helper, ``httpx.Fail``, so Sentry's stack and zap's caller end there; the
legacy in-app rule marks the modules' frames in-app; sentry-python for Flask); Datadog log and
APM monitors posting the NOC's nested template (``markdown``, ``monitor.id`` and
``raised_ms`` unquoted). No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import GOSRC, go, golib, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_GO = ("sentry.go", "0.29.1", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "provisioning": Service("provisioning", "go", "zap-dd", "", "", "", 5530011, "go go1.23.4", framework="chi", sdk=SDK_GO),
    "netpoller": Service("netpoller", "go", "zap-dd", "", "", "", 5530014, "go go1.23.4", sdk=SDK_GO),
    "backoffice": Service("backoffice", "python", "dd-python-text", "", "", "", 5530017, "CPython 3.11.10", framework="flask", sdk=("sentry.python.flask", "2.19.2", "pypi:sentry-sdk")),
}

PV = "github.com/hollowmead/provisioning"
NP = "github.com/hollowmead/netpoller"
CHI = "/go/pkg/mod/github.com/go-chi/chi/v5@v5.1.0/"
DDC = "/go/pkg/mod/gopkg.in/!data!dog/dd-trace-go.v1@v1.69.1/contrib/go-chi/chi.v5/"
SERVE = GOSRC + "net/http/server.go"
# net/http serving chi's mux: RequestID, Recoverer, dd-trace-go's middleware, then the route.
# sentry-go's legacy rule calls every frame outside GOROOT in-app, chi's and dd-trace's too.
CHI_HTTP = (
    golib("net/http", "(*conn).serve", SERVE, 2092),
    golib("net/http", "serverHandler.ServeHTTP", SERVE, 3210),
    go("github.com/go-chi/chi/v5", "(*Mux).ServeHTTP", CHI + "mux.go", 90),
    go("github.com/go-chi/chi/v5/middleware", "RequestID.func1", CHI + "middleware/request_id.go", 76),
    golib("net/http", "HandlerFunc.ServeHTTP", SERVE, 2171),
    go("github.com/go-chi/chi/v5/middleware", "Recoverer.func1", CHI + "middleware/recoverer.go", 45),
    golib("net/http", "HandlerFunc.ServeHTTP", SERVE, 2171),
    go("gopkg.in/DataDog/dd-trace-go.v1/contrib/go-chi/chi.v5", "Middleware.func1.1", DDC + "chi.go", 119),
    golib("net/http", "HandlerFunc.ServeHTTP", SERVE, 2171),
    go("github.com/go-chi/chi/v5", "(*Mux).routeHTTP", CHI + "mux.go", 459),
    golib("net/http", "HandlerFunc.ServeHTTP", SERVE, 2171),
)
# Every handler answers an error through Fail: it tags the span, captures to Sentry (a plain
# error has no stack, so sentry-go takes it here; a captured error counts as handled) and logs
# with zap.
FAIL = go(PV + "/internal/httpx", "Fail", "/src/internal/httpx/fail.go", 31)
INDEX = "runtime error: index out of range [{idx}] with length {idx}"
NOC = "noc"


def handler(name: str, file: str, line: int) -> Frame:
    return go(PV + "/internal/api", f"(*Handler).{name}", f"/src/internal/api/{file}", line)


def wrapped(root: tuple[Exc, ...], prefixes: tuple[str, ...], frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """``fmt.Errorf("…: %w", err)`` at each prefix, outermost first; sentry-go unwraps the
    chain into one exception each and puts the stack on the outermost."""
    chain = list(root)
    message = root[-1].value
    for i, prefix in enumerate(reversed(prefixes)):
        message = f"{prefix}: {message}"
        chain.append(Exc("*fmt.wrapError", message, frames if i == len(prefixes) - 1 else ()))
    return tuple(chain)


def sentry_go(n: int = 1, **opts: object) -> Seen:
    return Seen("sentry.error", n, {"mechanism": "generic", **opts})


def panics(n: int = 1, **opts: object) -> Seen:
    """The log monitor on stderr's panic output, pasting the aggregated multi-line event."""
    return Seen("datadog.log", n, {"style": "sample", "format": "chi-pretty", "monitor": "provisioning panics", "filter": "service:provisioning source:stderr panic", "team": NOC, **opts})


def api_errors(n: int = 1, **opts: object) -> Seen:
    """The log monitor on zap's errors, rendering the error attribute and the caller."""
    text = "**{{log.service}}** logged `{{log.attributes.message}}` on {{log.attributes.path}}\n\nerror: {{log.attributes.error}}\ncaller: {{log.attributes.caller}}"
    return Seen("datadog.log", n, {"text": text, "monitor": "provisioning error logs", "filter": "service:provisioning status:error", "team": NOC, **opts})


def apm(style: str, **opts: object) -> Seen:
    monitor = {"type": "provisioning error types", "route": "provisioning route error rate"}[style]
    return Seen("datadog.apm", 1, {"style": style, "monitor": monitor, "team": NOC, **opts})


# --- netpoller -----------------------------------------------------------------------------------

POLL = (
    go(NP + "/internal/poller", "(*Poller).pollLoop", "/src/internal/poller/poller.go", 81),
    go(NP + "/internal/poller", "(*Poller).pollOLT", "/src/internal/poller/poller.go", 104),
)
REPORT = go(NP + "/internal/report", "Error", "/src/internal/report/report.go", 22)
OLT = dict(attrs={"olt": "olt-lon-{idx}"})


def poll_errors(n: int = 1, **opts: object) -> Seen:
    text = "Polling is failing on **{{log.attributes.olt}}** ({{log.host}}).\n\n{{log.attributes.error}}"
    return Seen("datadog.log", n, {"text": text, "monitor": "netpoller OLT poll failures", "scope": "olt:olt-lon-{idx}", "by": "@olt", "filter": "service:netpoller status:error", "team": NOC, **OLT, **opts})


# --- backoffice ----------------------------------------------------------------------------------

# Flask 3.0 dispatching a view; ``handle_user_exception`` re-raises, so its line shows too.
FLASK_VIEW = (
    pylib("flask.app", "wsgi_app", 1511, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 919, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 917, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 902, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)


def desk(n: int = 1, **opts: object) -> Seen:
    return Seen("datadog.log", n, {"style": "sample", "monitor": "backoffice exceptions", "filter": "service:backoffice status:error", "team": "support-tools", **opts})


BUGS = [
    # One bounds panic in two handlers: only the code location differs.
    Bug("hm-prov-vlan-index", "provisioning", (Exc("runtime.boundsError", INDEX, (*CHI_HTTP, handler("CreateActivation", "activations.go", 58), go(PV + "/internal/netcfg", "parseVLANTag", "/src/internal/netcfg/vlan.go", 27))),),
        (sentry_go(2), see("sentry.issue"), panics(2), apm("route")),
        classes=(2, 4), pair="hm-prov-circuit-index", entry="POST /v1/activations"),
    Bug("hm-prov-circuit-index", "provisioning", (Exc("runtime.boundsError", INDEX, (*CHI_HTTP, handler("CircuitStatus", "circuits.go", 88), go(PV + "/internal/netcfg", "splitCircuitID", "/src/internal/netcfg/circuit.go", 19))),),
        (sentry_go(2), sentry_go(release=2), panics(2, release=1)),
        classes=(2, 4), pair="hm-prov-vlan-index", entry="GET /v1/circuits/{circuit_id}/status", span=3, renames={"(*Handler).CircuitStatus": "(*Handler).GetCircuitStatus"}),
    # pgx's unique violations on two tables, both answered through Fail.
    Bug("hm-prov-order-uprn-unique", "provisioning", wrapped((Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "orders_uprn_active_key" (SQLSTATE 23505)'),), ("create order", "insert order"), (*CHI_HTTP, handler("CreateOrder", "orders.go", 74), FAIL)),
        (sentry_go(2), see("sentry.issue"), api_errors(2), apm("type")),
        classes=(2, 4, 8, 9), pair="hm-prov-activation-job-unique", log="request failed", entry="POST /v1/orders", handled=True),
    Bug("hm-prov-activation-job-unique", "provisioning", wrapped((Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "activation_jobs_order_id_key" (SQLSTATE 23505)'),), ("schedule activation", "insert activation job"), (*CHI_HTTP, handler("ScheduleActivation", "activations.go", 112), FAIL)),
        (sentry_go(2), api_errors(1), apm("type")),
        classes=(2, 4, 8, 9), pair="hm-prov-order-uprn-unique", log="request failed", entry="POST /v1/orders/{order_id}/activation", handled=True),
    # One store call, two failures: the circuit is missing, or the query runs out of time.
    Bug("hm-prov-circuit-norows", "provisioning", wrapped((Exc("*errors.errorString", "no rows in result set"),), ("load circuit {id}",), (*CHI_HTTP, handler("GetCircuit", "circuits.go", 39), FAIL)),
        (sentry_go(2), see("sentry.issue"), api_errors(2)),
        classes=(2, 4, 9), pair="hm-prov-circuit-timeout", log="request failed", entry="GET /v1/circuits/{circuit_id}", handled=True),
    Bug("hm-prov-circuit-timeout", "provisioning", wrapped((Exc("context.deadlineExceededError", "context deadline exceeded"), Exc("*pgconn.errTimeout", "timeout: context deadline exceeded")), ("load circuit {id}",), (*CHI_HTTP, handler("GetCircuit", "circuits.go", 39), FAIL)),
        (sentry_go(3), api_errors(2), apm("route")),
        classes=(2, 4, 9), pair="hm-prov-circuit-norows", log="request failed", entry="GET /v1/circuits/{circuit_id}", handled=True),
    # Two wholesale networks failing through the same helper.
    Bug("hm-prov-openreach-503", "provisioning", wrapped((Exc("*wholesale.StatusError", "openreach: unexpected status 503 Service Unavailable"),), ("book appointment for order {order}",), (*CHI_HTTP, handler("BookAppointment", "appointments.go", 47), FAIL)),
        (sentry_go(2), see("sentry.alert", rule="provisioning: wholesale errors"), api_errors(2)),
        classes=(2, 9), pair="hm-prov-cityfibre-429", log="request failed", entry="POST /v1/orders/{order_id}/appointments", handled=True),
    Bug("hm-prov-cityfibre-429", "provisioning", wrapped((Exc("*wholesale.StatusError", "cityfibre: unexpected status 429 Too Many Requests"),), ("check availability for uprn {id}",), (*CHI_HTTP, handler("CheckAvailability", "availability.go", 33), FAIL)),
        (sentry_go(2), see("sentry.issue"), api_errors(2)),
        classes=(2, 9), pair="hm-prov-openreach-503", log="request failed", entry="GET /v1/availability/{uprn}", handled=True),
    # A nil appointment on an order being updated.
    Bug("hm-prov-update-nil-deref", "provisioning", (Exc("runtime.errorString", "runtime error: invalid memory address or nil pointer dereference", (*CHI_HTTP, handler("UpdateOrder", "orders.go", 131), go(PV + "/internal/orders", "(*Order).RescheduleWindow", "/src/internal/orders/order.go", 64))),),
        (sentry_go(2), see("sentry.issue"), panics(1), apm("route")),
        classes=(2, 8), entry="PATCH /v1/orders/{order_id}"),
    # The poller: an OLT not answering SNMP, logged and reported by one helper.
    Bug("hm-poll-snmp-timeout", "netpoller", wrapped((Exc("*errors.errorString", "request timeout (after 3 retries)"),), ("poll olt olt-lon-{idx}", "snmp get ifOperStatus"), (*POLL, REPORT)),
        (sentry_go(3), see("sentry.issue"), poll_errors(2)),
        classes=(2, 9), log="olt poll failed", logger="netpoller.poller", handled=True),
    # Readings written in batches: the database connection reset mid-batch.
    Bug("hm-poll-store-reset", "netpoller", wrapped((Exc("*net.OpError", "write tcp {ip}:{port}->10.40.2.15:5432: write: connection reset by peer"),), ("store readings", "send batch"), (*POLL, go(NP + "/internal/store", "(*Store).SaveReadings", "/src/internal/store/readings.go", 57), REPORT)),
        (sentry_go(2), see("sentry.issue"), poll_errors(1)),
        classes=(2,), log="olt poll failed", logger="netpoller.poller", handled=True),
    # Slow OLTs: zap warnings with Go's durations and the OLT's address with or without a port.
    Bug("hm-poll-olt-slow", "netpoller", (),
        (Seen("datadog.log", 3, {"monitor": "netpoller slow OLT polls", "filter": 'service:netpoller status:warn @message:"slow poll"', "team": NOC, "text": "An OLT is answering slowly. Latest: slow poll of {olt} took {godur} ({n} interfaces)."}),),
        classes=(7,)),
    # An alarm map never made: the goroutine reports to Sentry, flushes and panics again.
    Bug("hm-poll-alarm-nil-map", "netpoller", (Exc("runtime.plainError", "assignment to entry in nil map", (POLL[1], go(NP + "/internal/poller", "(*Poller).recordAlarm", "/src/internal/poller/alarms.go", 48))),),
        (sentry_go(2), Seen("datadog.log", 2, {"style": "sample", "format": "goroutine-panic", "monitor": "netpoller crashes", "filter": "service:netpoller source:stderr panic", "team": NOC, "repanic": (NP + "/internal/poller", "(*Poller).pollOLT.func1", "/src/internal/poller/poller.go", 97), "created_by": (NP + "/internal/poller", "(*Poller).pollLoop", "/src/internal/poller/poller.go", 79)})),
        classes=(2,)),
    # The desk tool: one missing billing key read in two views.
    Bug("hm-bo-refund-account-ref", "backoffice", (Exc("KeyError", "'account_ref'", (*FLASK_VIEW, py("backoffice.views.refunds", "issue_refund", 58, 'ref = order.billing["account_ref"]')), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), desk(2)),
        classes=(2, 4), pair="hm-bo-export-account-ref", entry="POST /refunds/{order_id}"),
    Bug("hm-bo-export-account-ref", "backoffice", (Exc("KeyError", "'account_ref'", (*FLASK_VIEW, py("backoffice.views.exports", "export_billing_csv", 91, 'writer.writerow([o.id, o.billing["account_ref"], o.total_pence])')), module="builtins"),),
        (see("sentry.error", 2), desk(2)),
        classes=(2, 4), pair="hm-bo-refund-account-ref", entry="GET /exports/billing.csv", span=2, renames={"export_billing_csv": "export_billing"}),
    # Cancelling an order the provisioning API cannot cancel.
    Bug("hm-bo-cancel-http-500", "backoffice", (Exc("HTTPError", "500 Server Error: Internal Server Error for url: http://provisioning.hollowmead.internal/v1/orders/{order}/cancel", (*FLASK_VIEW, py("backoffice.views.orders", "cancel_order", 72, "provisioning.cancel_order(order_id)"), py("backoffice.clients.provisioning", "cancel_order", 41, "resp.raise_for_status()"), pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)")), module="requests.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), desk(1), apm("route", monitor="backoffice route error rate")),
        classes=(2, 8), entry="POST /orders/{order_id}/cancel"),
    # An order whose site has no address, rendered by Jinja.
    Bug("hm-bo-detail-undefined", "backoffice", (Exc("UndefinedError", "'None' has no attribute 'postcode'", (*FLASK_VIEW, py("backoffice.views.orders", "order_detail", 33, 'return render_template("orders/detail.html", order=order)'), pylib("flask.templating", "render_template", 150, "return _render(app, template, context)"), pylib("flask.templating", "_render", 131, "rv = template.render(context)"), pylib("jinja2.environment", "render", 1304, "self.environment.handle_exception()"), pylib("jinja2.environment", "handle_exception", 939, "raise rewrite_traceback_stack(source=source)"), Frame("top-level template code", "backoffice/templates/orders/detail.html", 34, "", True, "<td>{{ order.site.address.postcode }}</td>"), pylib("jinja2.environment", "getattr", 487, "return getattr(obj, attribute)")), module="jinja2.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), desk(2)),
        classes=(2,), entry="GET /orders/{order_id}"),
    # Seen once: the database dropping an SSL connection under a list view.
    Bug("hm-bo-list-ssl-eof", "backoffice", (
        Exc("OperationalError", "SSL SYSCALL error: EOF detected", (*FLASK_VIEW, py("backoffice.views.orders", "order_list", 21, "orders = db.session.execute(stmt).scalars().all()"), pylib("sqlalchemy.engine.base", "_exec_single_context", 1967, "self.dialect.do_execute("), pylib("sqlalchemy.engine.default", "do_execute", 941, "cursor.execute(statement, parameters)")), module="psycopg2"),
        Exc("OperationalError", "(psycopg2.OperationalError) SSL SYSCALL error: EOF detected\n\n[SQL: SELECT orders.id, orders.uprn, orders.status, orders.created_at \nFROM orders ORDER BY orders.created_at DESC \n LIMIT %(param_1)s]\n[parameters: {'param_1': 50}]\n(Background on this error at: https://sqlalche.me/e/20/e3q8)", (*FLASK_VIEW, py("backoffice.views.orders", "order_list", 21, "orders = db.session.execute(stmt).scalars().all()"), pylib("sqlalchemy.engine.base", "_exec_single_context", 1986, "self._handle_dbapi_exception("), pylib("sqlalchemy.engine.base", "_handle_dbapi_exception", 2355, "raise sqlalchemy_exception.with_traceback(exc_info[2]) from e")), module="sqlalchemy.exc"),
    ),
        (see("sentry.error"),),
        singleton=True, entry="GET /orders"),
]

NOISE = [
    Noise("hm-noise-deploy", "provisioning", "datadog.event", {"monitor": "Argo CD synced provisioning v3.15.0", "text": "Application provisioning synced to v3.15.0 (health: Healthy, 3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": NOC, "release": "2"}),
    Noise("hm-noise-olt-latency-recovered", "netpoller", "datadog.metric", {"monitor": "OLT poll latency", "transition": "Recovered", "scope": "olt:olt-lon-3", "metric": "hollowmead.netpoller.poll_seconds", "query": "avg(last_10m):avg:hollowmead.netpoller.poll_seconds{*} by {olt} > 20", "text": "Poll latency on olt-lon-3 is back under 20s (4.2s).", "team": NOC}),
    Noise("hm-noise-cert-renewed", "provisioning", "datadog.event", {"monitor": "cert-manager renewed provisioning-tls", "text": "Certificate provisioning-tls in namespace provisioning was renewed; it expires 2026-06-02.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": NOC}),
]

HOLLOWMEAD = Company(
    key="au",
    name="Hollowmead Broadband",
    domain="hollowmead.example",
    sentry_org="hollowmead",
    splunk_url="",
    splunk_guid="",
    datadog_org=("318826", "Hollowmead Broadband"),
    datadog_template="hollowmead",
    posthog_project=(0, ""),
    releases=("v3.14.0", "v3.14.1", "v3.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hollowmead-sentry-client-secret",
)
# fmt: on
