"""(dv) Dowthwaite Parcels, same-day courier: a Go 1.23 API on Fiber v2 (``parcels-api``) with
sqlc-generated queries over pgx v5, and Watermill consumers on Kafka (``parcels-consumers``)
from the same module.

Sentry: sentry-go through the fibersentry middleware and a Watermill middleware of the team's
that calls ``hub.CaptureException``. Splunk indexes stdout of both, written by Go's standard
``log`` package (the API: ``log.LstdFlags|log.Lshortfile``, date, time, the handler's
``file.go:line``, the team's message and ``%v`` of the error, no stack; the consumers:
Watermill's ``NewStdLogger``, ``[watermill]`` and logfmt fields) and, for panics, the
recover middleware's ``panic:`` text with the goroutine dump. Datadog (the recommended template): dd-trace-go's APM
monitors on the API and a log monitor pasting a sample. No PostHog: there is no browser app.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.go", "0.29.1", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "parcels-api": Service("parcels-api", "go", "dv-fiber-stdlog", "dowthwaite:api", "/var/log/containers/parcels-api.log", "dv_prod", 7410031, "go1.23.4", framework="fiber", sdk=SDK),
    "parcels-consumers": Service("parcels-consumers", "go", "dv-watermill-stdlog", "dowthwaite:consumers", "/var/log/containers/parcels-consumers.log", "dv_prod", 7410034, "go1.23.4", framework="watermill", sdk=SDK),
}

FH = "/go/pkg/mod/github.com/valyala/fasthttp@v1.57.0/"
FB = "/go/pkg/mod/github.com/gofiber/fiber/v2@v2.52.5/"
WM = "/go/pkg/mod/github.com/!three!dots!labs/watermill@v1.3.7/"
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.1/"


def a(fn: str, file: str, line: int) -> Frame:
    # Go names a function by its package path, then the function: ``.../dispatch.(*Planner).Nearest``.
    pkg = file.rsplit("/", 1)[0]
    return go("dowthwaite.example/parcels/internal/" + pkg, fn.removeprefix(pkg + "."), "/src/internal/" + file, line)


FIBER = (
    golib("github.com/valyala/fasthttp", "(*workerPool).workerFunc", FH + "workerpool.go", 225),
    golib("github.com/valyala/fasthttp", "(*Server).serveConn", FH + "server.go", 2379),
    golib("github.com/gofiber/fiber/v2", "(*App).handler", FB + "router.go", 239),
    golib("github.com/gofiber/fiber/v2", "(*App).next", FB + "router.go", 145),
    golib("github.com/gofiber/fiber/v2", "(*Ctx).Next", FB + "ctx.go", 1031),
)
WATERMILL = (
    golib("github.com/ThreeDotsLabs/watermill/message", "(*handler).run.gowrap1", WM + "message/router.go", 680),
    golib("github.com/ThreeDotsLabs/watermill/message", "(*handler).handleMessage", WM + "message/router.go", 843),
    golib("github.com/ThreeDotsLabs/watermill/message/router/middleware", "Recoverer.func1", WM + "message/router/middleware/recoverer.go", 50),
)
QUERY_ROW = (
    golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", 392),
)
EXEC = (
    golib("github.com/jackc/pgx/v5", "(*Conn).Exec", PGX + "conn.go", 512),
)
# The carrier client every outbound call goes through.
CARRIER_DO = (
    a("carrier.(*Client).do", "carrier/client.go", 88),
    golib("net/http", "(*Client).Do", "/usr/local/go/src/net/http/client.go", 590),
)
NO_ROWS = "no rows in result set"
API_SEARCH = {"search": "parcels-api - errors"}
CONS_SEARCH = {"search": "parcels-consumers - errors", "sourcetype": "dowthwaite:consumers"}
APM = {"monitor": "parcels-api error rate"}
DD = {"team": "parcels", "monitor": "parcels error logs", "filter": "service:parcels-* status:error"}
PANICS = {"team": "parcels", "monitor": "parcels panics", "filter": "service:parcels-api \"panic:\""}


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*FIBER, *frames)


def consumer(*frames: Frame) -> tuple[Frame, ...]:
    return (*WATERMILL, *frames)


def pg_unique(constraint: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("*pgconn.PgError", f'ERROR: duplicate key value violates unique constraint "{constraint}" (SQLSTATE 23505)', frames),)


BUGS = [
    # sqlc's GetParcel and GetDepot both return pgx.ErrNoRows, wrapped the same way by two handlers.
    Bug("dv-parcel-no-rows", "parcels-api", (Exc("*fmt.wrapError", f"get parcel {{id}}: {NO_ROWS}", http(a("http.(*Handlers).GetParcel", "http/parcels.go", 47), a("db.(*Queries).GetParcel", "db/parcels.sql.go", 112), *QUERY_ROW)),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM)),
        classes=(4, 5), pair="dv-depot-no-rows", log="GET /v1/parcels/{id} failed", entry="GET /v1/parcels/{id}", span=2),
    Bug("dv-depot-no-rows", "parcels-api", (Exc("*fmt.wrapError", f"get depot {{id}}: {NO_ROWS}", http(a("http.(*Handlers).DepotSlots", "http/depots.go", 33), a("db.(*Queries).GetDepot", "db/depots.sql.go", 41), *QUERY_ROW)),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="dv-parcel-no-rows", log="GET /v1/depots/{id}/slots failed", entry="GET /v1/depots/{id}/slots"),
    # A nil driver pointer: the assignment endpoint panics, the route consumer panics in another place.
    Bug("dv-assign-nil-driver", "parcels-api", (Exc("runtime.Error", "runtime error: invalid memory address or nil pointer dereference", http(a("http.(*Handlers).AssignDriver", "http/assign.go", 62), a("dispatch.(*Planner).Nearest", "dispatch/planner.go", 118))),),
        (see("sentry.error", 3), see("splunk", 2, format="dv-fiber-panic", **API_SEARCH), see("datadog.log", style="sample", **PANICS)),
        classes=(1, 4), pair="dv-route-nil-driver", entry="POST /v1/assignments"),
    Bug("dv-route-nil-driver", "parcels-consumers", (Exc("runtime.Error", "runtime error: invalid memory address or nil pointer dereference", consumer(a("consumers.(*RouteConsumer).Handle", "consumers/route.go", 29), a("dispatch.(*Planner).Nearest", "dispatch/planner.go", 121))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 3, **CONS_SEARCH)),
        classes=(1, 4), pair="dv-assign-nil-driver", log="route.planned handler failed", entry="route.planned"),
    # Two unique constraints on insert through sqlc.
    Bug("dv-tracking-unique", "parcels-api", pg_unique("parcels_tracking_code_key", http(a("http.(*Handlers).CreateParcel", "http/parcels.go", 81), a("db.(*Queries).CreateParcel", "db/parcels.sql.go", 58), *QUERY_ROW)),
        (see("sentry.error", 2), see("splunk", 3, **API_SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="dv-scan-unique", log="POST /v1/parcels failed", entry="POST /v1/parcels"),
    Bug("dv-scan-unique", "parcels-consumers", pg_unique("scan_events_parcel_id_seq_key", consumer(a("consumers.(*ScanConsumer).Handle", "consumers/scan.go", 44), a("db.(*Queries).InsertScanEvent", "db/scans.sql.go", 27), *EXEC)),
        (see("sentry.error", 2), see("splunk", 3, **CONS_SEARCH), see("datadog.log", style="sample", **DD)),
        classes=(4,), pair="dv-tracking-unique", log="scan.recorded handler failed", entry="scan.recorded"),
    # The carrier client times out for label printing and for the handover consumer.
    Bug("dv-label-carrier-timeout", "parcels-api", (Exc("*url.Error", 'Post "https://api.carrier.example/v2/labels": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', http(a("http.(*Handlers).PrintLabel", "http/labels.go", 24), a("carrier.(*Client).CreateLabel", "carrier/labels.go", 19), *CARRIER_DO)),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM)),
        classes=(4, 9), pair="dv-handover-carrier-timeout", log="POST /v1/parcels/{id}/label failed", entry="POST /v1/parcels/{id}/label"),
    Bug("dv-handover-carrier-timeout", "parcels-consumers", (Exc("*url.Error", 'Post "https://api.carrier.example/v2/handovers": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', consumer(a("consumers.(*HandoverConsumer).Handle", "consumers/handover.go", 38), a("carrier.(*Client).Handover", "carrier/handover.go", 22), *CARRIER_DO)),),
        (see("sentry.error", 2), see("splunk", 3, **CONS_SEARCH), see("datadog.log", style="sample", **DD)),
        classes=(4, 9), pair="dv-label-carrier-timeout", log="parcel.handover handler failed", entry="parcel.handover"),
    # One decoder, two errors: a bad JSON body and a JSON number where a string was expected.
    Bug("dv-quote-json-syntax", "parcels-api", (Exc("*json.SyntaxError", "invalid character '<' looking for beginning of value", http(a("http.(*Handlers).Quote", "http/quote.go", 30), golib("encoding/json", "Unmarshal", "/usr/local/go/src/encoding/json/decode.go", 116))),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="dv-quote-json-type", log="POST /v1/quotes failed", entry="POST /v1/quotes"),
    Bug("dv-quote-json-type", "parcels-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field QuoteRequest.postcode of type string", http(a("http.(*Handlers).Quote", "http/quote.go", 30), golib("encoding/json", "Unmarshal", "/usr/local/go/src/encoding/json/decode.go", 116))),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="dv-quote-json-syntax", log="POST /v1/quotes failed", entry="POST /v1/quotes"),
    # Poison messages: the same Watermill handler, two payload fields.
    Bug("dv-eta-bad-timestamp", "parcels-consumers", (Exc("*time.ParseError", 'parsing time "{gts}" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"', consumer(a("consumers.(*EtaConsumer).Handle", "consumers/eta.go", 51), golib("time", "Parse", "/usr/local/go/src/time/format.go", 1006))),),
        (see("sentry.error", 2), see("splunk", 3, **CONS_SEARCH)),
        classes=(4,), pair="dv-eta-bad-float", log="eta.updated handler failed", entry="eta.updated"),
    Bug("dv-eta-bad-float", "parcels-consumers", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "": invalid syntax', consumer(a("consumers.(*EtaConsumer).Handle", "consumers/eta.go", 58), golib("strconv", "ParseFloat", "/usr/local/go/src/strconv/atof.go", 689))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **CONS_SEARCH)),
        classes=(4,), pair="dv-eta-bad-timestamp", log="eta.updated handler failed", entry="eta.updated"),
    Bug("dv-pool-exhausted", "parcels-api", (Exc("*errors.errorString", "failed to connect to `user=parcels database=parcels`: context deadline exceeded", http(a("http.(*Handlers).ListStops", "http/stops.go", 19), a("db.(*Queries).ListStopsForRoute", "db/stops.sql.go", 66), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Acquire", PGX + "pgxpool/pool.go", 528))),),
        (see("sentry.error", 2), see("splunk", 3, **API_SEARCH), see("datadog.apm", **APM), see("datadog.log", style="sample", **DD)),
        classes=(9,), log="GET /v1/routes/{id}/stops failed", entry="GET /v1/routes/{id}/stops", span=2),
    Bug("dv-kafka-ack-closed", "parcels-consumers", (Exc("*errors.errorString", "kafka: tried to use a client that was closed", consumer(a("consumers.(*ScanConsumer).Handle", "consumers/scan.go", 70), a("events.(*Publisher).Publish", "events/publisher.go", 35))),),
        (see("sentry.error", 2), see("splunk", 2, **CONS_SEARCH)),
        log="scan.recorded handler failed", entry="scan.recorded"),
    Bug("dv-proof-s3-denied", "parcels-api", (Exc("*smithy.OperationError", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, api error AccessDenied: Access Denied", http(a("http.(*Handlers).UploadProof", "http/proof.go", 41), a("storage.(*Bucket).Put", "storage/bucket.go", 23))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM)),
        log="POST /v1/parcels/{id}/proof failed", entry="POST /v1/parcels/{id}/proof"),
    Bug("dv-webhook-slice", "parcels-api", (Exc("runtime.Error", "runtime error: slice bounds out of range [:8] with length 0", http(a("http.(*Handlers).CarrierWebhook", "http/webhooks.go", 55), a("carrier.ParseSignature", "carrier/signature.go", 14))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/webhooks/carrier"),
]

NOISE = [
    Noise("dv-noise-deploy", "parcels-api", "datadog.event", {"monitor": "Deployed parcels-api v1.42.0", "text": "Argo CD synced parcels-api to v1.42.0 (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "parcels"}),
    Noise("dv-noise-recovered", "parcels-api", "datadog.log", {"monitor": "parcels panics", "transition": "Recovered", "alert_type": "success", "team": "parcels", "filter": "service:parcels-api \"panic:\"", "text": "No panics on parcels-api in the last 10 minutes."}),
    Noise("dv-noise-boot", "parcels-consumers", "splunk", {**CONS_SEARCH, "line": "{nginxts} main.go:58: watermill router running, 5 handlers"}),
]

DOWTHWAITE = Company(
    key="dv",
    name="Dowthwaite Parcels",
    domain="dowthwaite.example",
    sentry_org="dowthwaite",
    splunk_url="https://dowthwaite.splunkcloud.com",
    splunk_guid="3E9A1C77-52B0-4D1F-8E6A-C40B7F21D993",
    datadog_org=("519204", "Dowthwaite Parcels"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v1.41.2", "v1.42.0", "v1.42.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dowthwaite-sentry-client-secret",
)
# fmt: on
