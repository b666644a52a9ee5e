"""(jm) Nunnykirk Parcels, a regional parcel carrier: a Go 1.22 chi v5 API (``depot-api``:
labels, collections, routes and SLA quotes; sqlc-generated queries over pgx v5 on Postgres,
go-redis for the depot capacity cache, an HTTP client to a partner carrier's label API) and a
Kafka consumer (``scan-consumer``: segmentio/kafka-go reading the depots' ``scan-events``
topic and writing parcel events).

Both log with ``log/slog``'s ``JSONHandler`` (``jm-slog-json``: ``level``, ``msg``, ``err``;
no stack but for panics the recover middleware logs with ``debug.Stack()``), posted to Splunk
through HEC and read by the Datadog agent. Sentry: sentry-go with its net/http integration.
PostHog: posthog-go, the API's error handler enqueueing ``$exception`` events. Datadog: log
monitors pasting slog's attributes, and APM monitors by error type.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "depot-api": Service("depot-api", "go", "jm-slog-json", "_json", "http:depot-api", "parcels", 7090311, "go1.22.9", framework="net/http"),
    "scan-consumer": Service("scan-consumer", "go", "jm-slog-json", "_json", "http:scan-consumer", "parcels", 7090312, "go1.22.9"),
}

GOSRC = "/usr/local/go/src/"
CHI = "/go/pkg/mod/github.com/go-chi/chi/v5@v5.1.0/"
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.2/"
KAFKA = "/go/pkg/mod/github.com/segmentio/kafka-go@v0.4.47/"
HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/go-chi/chi/v5", "(*Mux).ServeHTTP", CHI + "mux.go", 90),
    golib("github.com/go-chi/chi/v5/middleware", "RequestID.func1", CHI + "middleware/request_id.go", 76),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
    golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/http@v0.30.0/sentryhttp.go", 103),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
    golib("github.com/go-chi/chi/v5", "(*Mux).routeHTTP", CHI + "mux.go", 459),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
)
PANIC = golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 770)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917)
MOD = "nunnykirk.example/depot/"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/depot/{pkg}/{file}", line)


def q(function: str, file: str, line: int) -> Frame:
    """A sqlc-generated query method."""
    return app("internal/db", f"(*Queries).{function}", file, line)


CONSUME = (
    golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1700),
    app("cmd/scan-consumer", "main.func1", "main.go", 58),
    app("internal/consume", "(*Consumer).Run", "consumer.go", 44),
)
ROW = golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", 487)
EXEC = golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", PGX + "pgxpool/pool.go", 617)
CARRIER_DO = app("internal/carrier", "(*Client).do", "client.go", 88)
CUTOFF = app("internal/sla", "parseCutoff", "cutoff.go", 31)

API_LOGS = dict(team="depot", monitor="[depot-api] error logs", filter="service:depot-api status:error", text="depot-api logged **{{log.attributes.msg}}**\n\nerr: `{{log.attributes.err}}`\n{{log.attributes.method}} {{log.attributes.path}} (request {{log.attributes.request_id}})")
PANICS = dict(team="depot", monitor="[depot-api] recovered panics", filter='service:depot-api @msg:"panic recovered"', kind="panic", text="Panic recovered in depot-api: `{{log.attributes.err}}`\n\n```\n{{log.attributes.stack}}\n```")
CONSUMER = dict(team="depot", monitor="[scan-consumer] failing messages", filter="service:scan-consumer status:error", text="scan-consumer: **{{log.attributes.msg}}** on {{log.attributes.topic}}[{{log.attributes.partition}}]@{{log.attributes.offset}}\n\n{{log.attributes.err}}")
APM = dict(team="depot", monitor="[depot-api] error spans by type", style="type")
SPL_API = dict(search="depot-api - slog errors", owner="nk_oncall", app="parcels")
SPL_PANIC = dict(search="depot-api - recovered panics", owner="nk_oncall", app="parcels", kind="panic")
SPL_CONS = dict(search="scan-consumer - errors", owner="nk_oncall", app="parcels")

BUGS = [
    # Nil dereferences in two handlers: a label without a service code, a manifest without a van.
    Bug("jm-label-nil", "depot-api", (Exc("runtime.errorString", "runtime error: invalid memory address or nil pointer dereference", (*HTTP, app("internal/httpapi", "(*Labels).Print", "labels.go", 71), app("internal/label", "(*Label).Render", "render.go", 36), SIGPANIC, PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_PANIC), see("datadog.log", 2, **PANICS)),
        classes=(4,), pair="jm-manifest-nil", entry="POST /v2/labels/{id}/print", span=2, renames={"(*Labels).Print": "(*Labels).Reprint"}),
    Bug("jm-manifest-nil", "depot-api", (Exc("runtime.errorString", "runtime error: invalid memory address or nil pointer dereference", (*HTTP, app("internal/httpapi", "(*Manifests).Close", "manifests.go", 48), app("internal/manifest", "(*Manifest).Seal", "manifest.go", 22), SIGPANIC, PANIC)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_PANIC), see("datadog.log", **PANICS)),
        classes=(4,), pair="jm-label-nil", entry="POST /v2/manifests/{id}/close"),
    # sqlc's ErrNoRows wrapped for a parcel and for a depot.
    Bug("jm-parcel-norows", "depot-api", (Exc("*fmt.wrapError", "get parcel NK{order}: no rows in result set", (*HTTP, app("internal/httpapi", "(*Parcels).Track", "parcels.go", 63), q("GetParcelByRef", "parcels.sql.go", 118), ROW)),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **SPL_API, msg="track parcel"), see("datadog.apm", **APM)),
        classes=(4,), pair="jm-depot-norows", entry="GET /v2/parcels/{ref}", log="track parcel"),
    Bug("jm-depot-norows", "depot-api", (Exc("*fmt.wrapError", "get depot {n}: no rows in result set", (*HTTP, app("internal/httpapi", "(*Depots).Capacity", "depots.go", 39), q("GetDepot", "depots.sql.go", 27), ROW)),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **SPL_API, msg="depot capacity")),
        classes=(4,), pair="jm-parcel-norows", entry="GET /v2/depots/{n}/capacity", log="depot capacity"),
    # The consumer: two failures under one monitor and one saved search.
    Bug("jm-scan-decode", "scan-consumer", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field ScanEvent.barcode of type string", (*CONSUME, app("internal/consume", "(*Consumer).handle", "consumer.go", 81), golib("encoding/json", "Unmarshal", GOSRC + "encoding/json/decode.go", 125))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_CONS, msg="decode scan event"), see("datadog.log", 2, **CONSUMER, msg="decode scan event")),
        classes=(1,), pair="jm-scan-commit", entry="kafka:scan-events", log="decode scan event"),
    Bug("jm-scan-commit", "scan-consumer", (Exc("*fmt.wrapError", "commit scan-events@{offset}: [27] Rebalance In Progress: the coordinator has begun rebalancing the group, the client should rejoin", (*CONSUME, app("internal/consume", "(*Consumer).commit", "consumer.go", 109), golib("github.com/segmentio/kafka-go", "(*Reader).CommitMessages", KAFKA + "reader.go", 874))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_CONS, msg="commit offsets"), see("datadog.log", 2, **CONSUMER, msg="commit offsets")),
        classes=(1,), pair="jm-scan-decode", entry="kafka:scan-events", log="commit offsets"),
    # 23505 on two constraints.
    Bug("jm-route-dup", "depot-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "routes_depot_id_service_day_key" (SQLSTATE 23505)', (*HTTP, app("internal/httpapi", "(*Routes).Plan", "routes.go", 92), q("InsertRoute", "routes.sql.go", 64), EXEC)),),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **SPL_API, msg="plan route"), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="jm-collection-dup", entry="POST /v2/routes", log="plan route"),
    Bug("jm-collection-dup", "depot-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "collections_parcel_id_slot_key" (SQLSTATE 23505)', (*HTTP, app("internal/httpapi", "(*Collections).Book", "collections.go", 57), q("InsertCollection", "collections.sql.go", 33), EXEC)),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **SPL_API, msg="book collection")),
        classes=(4,), pair="jm-route-dup", entry="POST /v2/collections", log="book collection"),
    # One sla.parseCutoff: a bad clock time and a bad number of days.
    Bug("jm-cutoff-time", "depot-api", (Exc("*time.ParseError", 'parsing time "1{idx}:75" as "15:04": cannot parse "75" as "04"', (*HTTP, app("internal/httpapi", "(*Quotes).Price", "quotes.go", 41), CUTOFF, golib("time", "Parse", GOSRC + "time/format.go", 1009))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **SPL_API, msg="price quote"), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="jm-cutoff-days", entry="GET /v2/quotes", log="price quote"),
    Bug("jm-cutoff-days", "depot-api", (Exc("*strconv.NumError", 'strconv.Atoi: parsing "{n}d": invalid syntax', (*HTTP, app("internal/httpapi", "(*Quotes).Price", "quotes.go", 41), CUTOFF, golib("strconv", "Atoi", GOSRC + "strconv/atoi.go", 267))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **SPL_API, msg="price quote")),
        classes=(4,), pair="jm-cutoff-time", entry="GET /v2/quotes", log="price quote"),
    # Two bugs ending in the partner carrier client's do().
    Bug("jm-carrier-deadline", "depot-api", (Exc("*url.Error", 'Post "https://api.partnercarrier.example/shipping/v1/labels": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*HTTP, app("internal/httpapi", "(*Labels).Book", "labels.go", 38), app("internal/carrier", "(*Client).CreateLabel", "labels.go", 24), CARRIER_DO)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_API, msg="book partner label"), see("datadog.apm", **APM), see("datadog.log", **API_LOGS)),
        classes=(9, 10), pair="jm-carrier-429", entry="POST /v2/labels", log="book partner label", span=2),
    Bug("jm-carrier-429", "depot-api", (Exc("*carrier.StatusError", "carrier: GET /tracking/v1/parcels/{ref}: 429 Too Many Requests", (*HTTP, app("internal/httpapi", "(*Parcels).Track", "parcels.go", 77), app("internal/carrier", "(*Client).Track", "tracking.go", 19), CARRIER_DO)),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **SPL_API, msg="partner tracking"), see("datadog.log", **API_LOGS)),
        classes=(9,), pair="jm-carrier-deadline", entry="GET /v2/parcels/{ref}", log="partner tracking"),
    # An index out of range over three releases, its caller renamed.
    Bug("jm-zone-index", "depot-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length 4", (*HTTP, app("internal/httpapi", "(*Quotes).Zones", "quotes.go", 66), app("internal/sla", "zoneFor", "zones.go", 18), PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_PANIC), see("datadog.log", **PANICS), see("datadog.apm", **APM)),
        classes=(5,), entry="GET /v2/quotes/zones", span=3, renames={"(*Quotes).Zones": "(*Quotes).ZoneTable"}),
    # The consumer's pool cannot reach Postgres.
    Bug("jm-consumer-pg-dial", "scan-consumer", (Exc("*fmt.wrapError", "insert parcel event: failed to connect to `user=depot database=depot`: 10.20.{n}.5:5432 (pg-depot-rw): dial error: timeout: context deadline exceeded", (*CONSUME, app("internal/consume", "(*Consumer).handle", "consumer.go", 96), q("InsertParcelEvent", "events.sql.go", 41), EXEC)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_CONS, msg="store scan"), see("datadog.log", **CONSUMER, msg="store scan")),
        classes=(10,), entry="kafka:scan-events", log="store scan"),
    # Redis refusing connections: the capacity cache.
    Bug("jm-redis-refused", "depot-api", (Exc("*net.OpError", "dial tcp 10.20.{n}.9:6379: connect: connection refused", (*HTTP, app("internal/httpapi", "(*Collections).Slots", "collections.go", 29), app("internal/cache", "(*Capacity).Get", "capacity.go", 33), golib("github.com/redis/go-redis/v9", "(*baseClient).getConn", "/go/pkg/mod/github.com/redis/go-redis/v9@v9.7.0/redis.go", 265))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", **SPL_API, msg="collection slots"), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /v2/collections/slots", log="collection slots"),
    # A weight in pounds from an old depot scanner.
    Bug("jm-weight-unit", "depot-api", (Exc("*errors.errorString", 'units: unknown weight unit "lbs"', (*HTTP, app("internal/httpapi", "(*Parcels).Create", "parcels.go", 104), app("internal/units", "ParseWeight", "weight.go", 47))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **SPL_API, msg="create parcel")),
        classes=(1,), entry="POST /v2/parcels", log="create parcel"),
    # Clients hanging up while the route list query runs.
    Bug("jm-routes-canceled", "depot-api", (Exc("*fmt.wrapError", "list routes for depot {n}: context canceled", (*HTTP, app("internal/httpapi", "(*Routes).List", "routes.go", 33), q("ListRoutesByDepot", "routes.sql.go", 97), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Query", PGX + "pgxpool/pool.go", 646))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **SPL_API, msg="list routes"), see("datadog.log", **API_LOGS)),
        classes=(1,), entry="GET /v2/depots/{n}/routes", log="list routes"),
    Bug("jm-singleton-refund", "depot-api", (Exc("*errors.errorString", "billing: credit note exceeds invoice total", (*HTTP, app("internal/httpapi", "(*Invoices).Credit", "invoices.go", 52), app("internal/billing", "CreditNote", "credit.go", 61))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v2/invoices/{id}/credit", log="credit invoice"),
]

NOISE = [
    Noise("jm-noise-deploy", "depot-api", "datadog.event", {"monitor": "Deploy", "text": "depot-api v3.9.0 rolled out to parcels-prod (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "depot"}),
    Noise("jm-noise-recovered", "scan-consumer", "datadog.log", {"monitor": "[scan-consumer] failing messages", "text": "Recovered: scan-consumer failing messages back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "depot", "filter": "service:scan-consumer status:error"}),
    Noise("jm-noise-logs-recovered", "depot-api", "datadog.log", {"monitor": "[depot-api] error logs", "text": "Recovered: depot-api error logs back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "depot", "filter": "service:depot-api status:error"}),
    Noise("jm-noise-rebalance", "scan-consumer", "splunk", {"search": "scan-consumer - errors", "owner": "nk_oncall", "app": "parcels", "line": '{"time":"{ts}","level":"WARN","msg":"consumer group rebalanced","group":"scan-consumer","generation":{n},"service":"scan-consumer"}'}),
]

NUNNYKIRK = Company(
    key="jm",
    name="Nunnykirk Parcels",
    domain="nunnykirk.example",
    sentry_org="nunnykirk",
    splunk_url="https://nunnykirk.splunkcloud.com",
    splunk_guid="5D2A8C41-7E3F-4B09-9C61-2F8E4A7B0D35",
    datadog_org=("930417", "Nunnykirk Parcels"),
    datadog_template="recommended",
    posthog_project=(90311, "Depot API"),
    releases=("v3.8.0", "v3.8.1", "v3.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="nunnykirk-sentry-client-secret",
)
# fmt: on
