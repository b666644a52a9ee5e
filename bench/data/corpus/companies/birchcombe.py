"""(kk) Birchcombe Couriers, a same-day courier network, on Google Cloud Run in europe-west2:
``dispatch-api`` (Python 3.11, Flask 3.0 on gunicorn 21, SQLAlchemy 2.0 over Cloud SQL
Postgres through psycopg 3, httpx to the carriers' label APIs, Firestore for the live board)
and ``tracker`` (Go 1.22 net/http with the 1.22 ServeMux patterns, pgx v5, a Pub/Sub push
endpoint for the vans' GPS pings, a geocoding and a routing client).

Logs: ``dispatch-api`` logs through google-cloud-logging's ``StructuredLogHandler`` (Flask's
own ``Exception on <path> [<METHOD>]`` with the traceback in ``message``; trace, span and
source location lifted into the ``LogEntry``); gunicorn's ``Error handling request`` text on
stderr for one route outside Flask's handler; ``tracker`` on zap's production JSON encoder on
stderr. A log sink to Pub/Sub is pulled by the Splunk Add-on for GCP (``_raw`` the whole
``LogEntry``), and Datadog's GCP integration reads the same sink for log monitors. Sentry:
sentry-python (Flask integration) and sentry-go (the team's middleware). PostHog:
posthog-python's ``capture_exception`` in Flask's error handler. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib, httpx_timeout, py, pylib, sqlalchemy_integrity

# fmt: off
SDK_GO = ("sentry.go", "0.27.0", "github.com/getsentry/sentry-go")
SERVICES = {
    "dispatch-api": Service("dispatch-api", "python", "kk-gcp-flask", "google:gcp:pubsub:message", "projects/birchcombe-prod/subscriptions/splunk-cloud-run-logs", "gcp_run", 4410931, "CPython 3.11.8", framework="flask"),
    "tracker": Service("tracker", "go", "kk-gcp-zap", "google:gcp:pubsub:message", "projects/birchcombe-prod/subscriptions/splunk-cloud-run-logs", "gcp_run", 4410932, "go1.22.1", framework="generic", sdk=SDK_GO),
}

FLASK = (
    pylib("flask.app", "wsgi_app", 1473, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 882, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 880, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 865, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)


def view(module: str, fn: str, line: int, ctx: str, *more: Frame) -> tuple[Frame, ...]:
    return (*FLASK, py(f"dispatch.{module}", fn, line, ctx), *more)


GOSRC = "/usr/local/go/src/"
MOD = "github.com/birchcombe/tracker"
HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3137),
    golib("net/http", "(*ServeMux).ServeHTTP", GOSRC + "net/http/server.go", 2688),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2166),
    go(f"{MOD}/internal/httpx", "Recoverer.func1", "/src/internal/httpx/middleware.go", 44),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2166),
)


def handler(pkg: str, fn: str, file: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*HTTP, go(f"{MOD}/internal/{pkg}", fn, f"/src/internal/{pkg}/{file}", line), *more)


def g(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/internal/{pkg}", fn, f"/src/internal/{pkg}/{file}", line)


# The carriers' label client: every carrier call ends in it.
CARRIER = py("dispatch.carriers.client", "post", 37, "resp = self._http.post(path, json=payload, timeout=self.timeout)")
API_SEARCH = dict(search="cloud-run dispatch-api severity>=ERROR", owner="svc_dispatch", app="gcp")
TRK_SEARCH = dict(search="cloud-run tracker severity>=ERROR", owner="svc_dispatch", app="gcp")
API_DD = dict(monitor="[GCP] dispatch-api error logs", team="dispatch", style="sample", format="kk-dd-gcp-message", filter="source:gcp.cloud.run.revision service:dispatch-api status:error", sample_lines=4)
TRK_DD = dict(monitor="[GCP] tracker error logs", team="dispatch", style="sample", format="kk-dd-gcp-message", filter="source:gcp.cloud.run.revision service:tracker status:error", sample_lines=3)
PH: dict[str, object] = {}
SQL_MANIFEST = "INSERT INTO manifests (depot_id, run_date, van_id, status) VALUES (%(depot_id)s::INTEGER, %(run_date)s::DATE, %(van_id)s::INTEGER, %(status)s::VARCHAR) RETURNING manifests.id"
SQL_SLOT = "INSERT INTO collection_slots (account_id, slot_start, depot_id) VALUES (%(account_id)s::INTEGER, %(slot_start)s::TIMESTAMP WITH TIME ZONE, %(depot_id)s::INTEGER) RETURNING collection_slots.id"
PGX_INSERT = (
    golib("github.com/jackc/pgx/v5", "(*Conn).Exec", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.5.5/conn.go", 465),
)
DEADLINE = "context deadline exceeded"


def label_502() -> tuple[Exc, ...]:
    return (Exc("HTTPStatusError", "Server error '502 Bad Gateway' for url 'https://api.parcelhub.example/v2/labels'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/502", view("labels.views", "create_label", 29, "label = carriers.parcelhub.book_label(shipment)", py("dispatch.carriers.parcelhub", "book_label", 52, 'return self.client.post("/v2/labels", payload)'), CARRIER, py("dispatch.carriers.client", "post", 38, "resp.raise_for_status()"), pylib("httpx._models", "raise_for_status", 761, "raise HTTPStatusError(message, request=request, response=self)")), module="httpx"),)


BUGS = [
    # KeyError 'postcode' in the quote builder and in the booking address normaliser.
    Bug("kk-quote-postcode", "dispatch-api", (Exc("KeyError", "'postcode'", view("quotes.views", "create_quote", 41, "quote = pricing.build_quote(payload)", py("dispatch.pricing.quote", "build_quote", 63, 'zone = zones.for_postcode(pickup["postcode"])')), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("posthog", 2, **PH), see("datadog.log", **API_DD)),
        classes=(4,), pair="kk-booking-postcode", log="Exception on {path} [POST]", entry="POST /v1/quotes", span=2),
    Bug("kk-booking-postcode", "dispatch-api", (Exc("KeyError", "'postcode'", view("bookings.views", "create_booking", 57, "address = normalise(payload[\"collection\"])", py("dispatch.bookings.address", "normalise", 22, 'postcode = raw["postcode"].upper().replace(" ", "")')), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("posthog", **PH), see("datadog.log", **API_DD)),
        classes=(4,), pair="kk-quote-postcode", log="Exception on {path} [POST]", entry="POST /v1/bookings"),
    # Unique violations on two tables through the same SQLAlchemy flush.
    Bug("kk-manifest-unique", "dispatch-api", sqlalchemy_integrity(view("manifests.views", "close_run", 88, "db.session.commit()"), "manifests_depot_id_run_date_van_id_key", "Key (depot_id, run_date, van_id)=({idx}, 2026-03-0{idx}, {n}) already exists.", SQL_MANIFEST),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_DD)),
        classes=(4,), pair="kk-slot-unique", log="Exception on {path} [POST]", entry="POST /v1/depots/{depot_id}/manifests"),
    Bug("kk-slot-unique", "dispatch-api", sqlalchemy_integrity(view("collections.views", "reserve_slot", 34, "db.session.commit()"), "collection_slots_account_id_slot_start_key", "Key (account_id, slot_start)=({id}, 2026-03-0{idx} 09:00:00+00) already exists.", SQL_SLOT),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **API_SEARCH), see("posthog", **PH), see("datadog.log", **API_DD)),
        classes=(4,), pair="kk-manifest-unique", log="Exception on {path} [POST]", entry="POST /v1/collections/slots"),
    # The carriers' client at the end of a read timeout and a 502.
    Bug("kk-label-timeout", "dispatch-api", httpx_timeout(view("labels.views", "create_label", 29, "label = carriers.parcelhub.book_label(shipment)", py("dispatch.carriers.parcelhub", "book_label", 52, 'return self.client.post("/v2/labels", payload)'), CARRIER), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", 2, **API_DD)),
        classes=(9,), pair="kk-label-502", log="Exception on {path} [POST]", entry="POST /v1/shipments/{shipment_id}/label"),
    Bug("kk-label-502", "dispatch-api", label_502(),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("posthog", **PH), see("datadog.log", **API_DD)),
        classes=(9,), pair="kk-label-timeout", log="Exception on {path} [POST]", entry="POST /v1/shipments/{shipment_id}/label"),
    # One ETA function, two exceptions.
    Bug("kk-eta-zero", "dispatch-api", (Exc("ZeroDivisionError", "float division by zero", view("tracking.views", "eta", 19, "return jsonify(eta=estimate(run, stop))", py("dispatch.tracking.eta", "estimate", 31, "minutes = remaining_km / (avg_speed_kmh / 60)")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("posthog", 2, **PH)),
        classes=(4,), pair="kk-eta-domain", log="Exception on {path} [GET]", entry="GET /v1/runs/{run_id}/stops/{stop_id}/eta"),
    Bug("kk-eta-domain", "dispatch-api", (Exc("ValueError", "math domain error", view("tracking.views", "eta", 19, "return jsonify(eta=estimate(run, stop))", py("dispatch.tracking.eta", "estimate", 27, "spread = math.sqrt(variance - drift)")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("datadog.log", **API_DD)),
        classes=(4,), pair="kk-eta-zero", log="Exception on {path} [GET]", entry="GET /v1/runs/{run_id}/stops/{stop_id}/eta"),
    # tracker: unique violations on two tables, pgx's error text.
    Bug("kk-ping-unique", "tracker", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "van_pings_van_id_recorded_at_key" (SQLSTATE 23505)', handler("pings", "(*Handler).Push", "push.go", 71, g("store", "(*Store).InsertPing", "pings.go", 38), *PGX_INSERT)),),
        (see("sentry.error", 3), see("splunk", 3, **TRK_SEARCH), see("datadog.log", **TRK_DD)),
        classes=(4,), pair="kk-stop-unique", log="insert ping", entry="POST /push/pings"),
    Bug("kk-stop-unique", "tracker", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "stop_events_stop_id_kind_key" (SQLSTATE 23505)', handler("stops", "(*Handler).Arrive", "arrive.go", 49, g("store", "(*Store).InsertStopEvent", "stops.go", 27), *PGX_INSERT)),),
        (see("sentry.error", 2), see("splunk", 2, **TRK_SEARCH), see("datadog.log", 2, **TRK_DD)),
        classes=(4,), pair="kk-ping-unique", log="record stop event", entry="POST /v1/stops/{stop_id}/arrive"),
    # One push handler's JSON decode, two errors.
    Bug("kk-push-eof", "tracker", (Exc("*errors.errorString", "unexpected EOF", handler("pings", "(*Handler).Push", "push.go", 52)),),
        (see("sentry.error", 2), see("splunk", 2, **TRK_SEARCH), see("datadog.log", **TRK_DD)),
        classes=(4,), pair="kk-push-syntax", log="decode push message", entry="POST /push/pings"),
    Bug("kk-push-syntax", "tracker", (Exc("*json.SyntaxError", "invalid character '<' looking for beginning of value", handler("pings", "(*Handler).Push", "push.go", 58)),),
        (see("sentry.error", 2), see("splunk", 2, **TRK_SEARCH), see("datadog.log", **TRK_DD)),
        classes=(4,), pair="kk-push-eof", log="decode ping payload", entry="POST /push/pings"),
    # context deadline exceeded from the geocoder and from the router.
    Bug("kk-geocode-deadline", "tracker", (Exc("*url.Error", f'Get "https://maps.geoapi.example/v1/reverse?lat=51.4{{n}}&lon=-2.5{{idx}}": {DEADLINE}', handler("stops", "(*Handler).Arrive", "arrive.go", 33, g("geo", "(*Client).Reverse", "geocode.go", 61))),),
        (see("sentry.error", 3), see("splunk", 2, **TRK_SEARCH), see("datadog.log", **TRK_DD)),
        classes=(9,), pair="kk-route-deadline", log="reverse geocode", entry="POST /v1/stops/{stop_id}/arrive", span=2),
    Bug("kk-route-deadline", "tracker", (Exc("*url.Error", f'Post "https://routing.geoapi.example/v2/matrix": {DEADLINE}', handler("runs", "(*Handler).Reoptimise", "reoptimise.go", 40, g("geo", "(*Client).Matrix", "route.go", 88))),),
        (see("sentry.error", 2), see("splunk", 2, **TRK_SEARCH), see("datadog.log", 2, **TRK_DD)),
        classes=(9,), pair="kk-geocode-deadline", log="route matrix", entry="POST /v1/runs/{run_id}/reoptimise"),
    # Not pairs.
    Bug("kk-firestore-deadline", "dispatch-api", (Exc("DeadlineExceeded", "504 Deadline Exceeded", view("board.views", "publish_board", 24, "board.push(depot_id, rows)", py("dispatch.board.live", "push", 45, "doc.set(payload, merge=True)"), pylib("google.cloud.firestore_v1.document", "set", 167, "write_results = batch.commit(retry=retry, timeout=timeout)"), pylib("google.api_core.grpc_helpers", "error_remapped_callable", 78, "raise exceptions.from_grpc_error(exc) from exc")), module="google.api_core.exceptions"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API_SEARCH), see("splunk", text=True, **API_SEARCH), see("datadog.log", **API_DD)),
        classes=(5,), log="Exception on {path} [PUT]", entry="PUT /v1/depots/{depot_id}/board", span=3, renames={"push": "publish"}),
    Bug("kk-pod-latin1", "dispatch-api", (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u2019' in position {n}: ordinal not in range(256)", view("pod.views", "proof_pdf", 16, "pdf = render_pod(delivery)", py("dispatch.pod.render", "render_pod", 58, 'canvas.drawString(40, y, delivery.recipient_name.encode("latin-1"))')), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, text=True, **API_SEARCH), see("posthog", **PH), see("datadog.log", text=True, **API_DD)),
        classes=(1,), log="Exception on {path} [GET]", entry="GET /v1/deliveries/{delivery_id}/pod.pdf"),
    Bug("kk-pubsub-nil", "tracker", (Exc("*errors.errorString", "van not found: {id}", handler("pings", "(*Handler).Push", "push.go", 64, g("store", "(*Store).VanByIMEI", "vans.go", 19))),),
        (see("sentry.error", 3), see("splunk", 2, **TRK_SEARCH), see("datadog.log", **TRK_DD)),
        classes=(10,), log="lookup van", entry="POST /push/pings"),
    Bug("kk-assign-none", "dispatch-api", (Exc("AttributeError", "'NoneType' object has no attribute 'van_id'", view("runs.views", "assign_stop", 66, "run = Run.query.filter_by(id=run_id, depot_id=depot_id).first()", py("dispatch.runs.assign", "assign", 18, "if stop.van_id != run.van_id:")), module="builtins"),),
        (see("sentry.error", 3), see("posthog", **PH), see("splunk", 2, **API_SEARCH), see("splunk", text=True, **API_SEARCH), see("datadog.log", **API_DD)),
        classes=(1,), log="Exception on {path} [POST]", entry="POST /v1/runs/{run_id}/stops"),
    Bug("kk-singleton-recursion", "dispatch-api", (Exc("RecursionError", "maximum recursion depth exceeded while calling a Python object", view("depots.views", "tree", 12, "return jsonify(walk(root))", py("dispatch.depots.tree", "walk", 9, "return [walk(c) for c in node.children]")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/depots/tree"),
]

NOISE = [
    Noise("kk-noise-deploy", "dispatch-api", "datadog.event", {"monitor": "Cloud Run deploy dispatch-api", "text": "Cloud Build deployed dispatch-api revision dispatch-api-00043-kex to 100% traffic.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "dispatch"}),
    Noise("kk-noise-startup", "tracker", "splunk", {**TRK_SEARCH, "line": '{"insertId":"6601d2f3000a1b2c3d4e5f60","textPayload":"Default STARTUP TCP probe succeeded after 1 attempt for container \\"tracker-1\\" on port 8080.","resource":{"type":"cloud_run_revision","labels":{"service_name":"tracker","location":"europe-west2"}},"timestamp":"{ts}","severity":"INFO"}'}),
    Noise("kk-noise-recovered", "dispatch-api", "datadog.log", {"monitor": "[GCP] dispatch-api error logs", "text": "Recovered: dispatch-api error logs back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "dispatch", "filter": "source:gcp.cloud.run.revision service:dispatch-api status:error"}),
]

BIRCHCOMBE = Company(
    key="kk",
    name="Birchcombe Couriers",
    domain="birchcombe.example",
    sentry_org="birchcombe",
    splunk_url="https://birchcombe.splunkcloud.com",
    splunk_guid="5D0E8B21-7C44-4F0A-9A3E-21B6C9F4E803",
    datadog_org=("912804", "Birchcombe Couriers"),
    datadog_template="recommended",
    posthog_project=(80412, "Birchcombe dispatch"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="birchcombe-sentry-client-secret",
)
# fmt: on
