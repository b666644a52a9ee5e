"""(fy) Mungrisdale Metering, smart-meter reads for a water company: a Go 1.22 chi v5 API
(``meter-api``: pgx v5 over Postgres, go-redis for tariff caching) and a reads worker
(``reads-worker``: an MQTT subscriber that batches reads and archives them to S3).

Splunk indexes the containers' stdout and stderr (``fy-slog-text``): both log through
``log/slog``'s ``TextHandler`` (``time=… level=ERROR source=… msg=… err=…``; the worker's handler
without ``AddSource``), and a handler panic is printed by chi's ``middleware.Recoverer`` as its
pretty stack on stderr. Sentry: sentry-go with its net/http integration (``Repanic: true``
under chi's Recoverer). Datadog: the recommended template, log monitors on the slog records.
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "meter-api": Service("meter-api", "go", "fy-slog-text", "kube:container:meter-api", "/var/log/containers/meter-api.log", "fy_meters", 7720419, "go1.22.5", framework="net/http"),
    "reads-worker": Service("reads-worker", "go", "fy-slog-text", "kube:container:reads-worker", "/var/log/containers/reads-worker.log", "fy_meters", 7720424, "go1.22.5"),
}

GOSRC = "/usr/local/go/src/"
CHI = "/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.12/"
HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3137),
    golib("github.com/go-chi/chi/v5", "(*Mux).ServeHTTP", CHI + "mux.go", 90),
    golib("github.com/go-chi/chi/v5/middleware", "Recoverer.func1", CHI + "middleware/recoverer.go", 45),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2166),
    golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/http@v0.28.1/sentryhttp.go", 103),
    golib("github.com/go-chi/chi/v5", "(*Mux).routeHTTP", CHI + "mux.go", 459),
    golib("github.com/go-chi/chi/v5", "(*Mux).ServeHTTP", CHI + "mux.go", 73),
)
PANIC = golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 770)
WORKER = (
    golib("github.com/eclipse/paho.mqtt.golang", "(*router).matchAndDispatch.func2", "/go/pkg/mod/github.com/eclipse/paho.mqtt.golang@v1.4.3/router.go", 186),
)
MOD = "mungrisdale.example/meters/"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/meters/{pkg}/{file}", line)


PGX = (
    golib("github.com/jackc/pgx/v5", "(*Conn).QueryRow", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/conn.go", 795),
    golib("github.com/jackc/pgx/v5", "(*connRow).Scan", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/rows.go", 487),
)
EXEC = golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/pgxpool/pool.go", 610)

READS = app("internal/httpapi", "(*Readings).Ingest", "readings.go", 58)
BATCH = app("internal/httpapi", "(*Readings).Batch", "readings.go", 104)
LOGS = {"search": "mungrisdale errors", "app": "mungrisdale"}
PANICLOG = {"search": "mungrisdale errors", "app": "mungrisdale", "kind": "panic"}
WLOGS = {"search": "mungrisdale errors", "app": "mungrisdale", "kind": "nosource"}
DD_API = dict(team="meters", monitor="[meters] meter-api level:ERROR", filter="service:meter-api status:error", style="sample")
DD_WRK = dict(team="meters", monitor="[meters] reads-worker errors", filter="service:reads-worker status:error", style="sample")

BUGS = [
    # pgx's ErrNoRows, wrapped by two stores with different words.
    Bug("fy-tariff-norows", "meter-api", (Exc("*fmt.wrapError", "tariff for meter {n}: no rows in result set", (*HTTP, app("internal/httpapi", "(*Bills).Estimate", "bills.go", 41), app("internal/store", "(*Tariffs).ForMeter", "tariffs.go", 33), *PGX)),),
        (see("sentry.error", 3), see("splunk", 3, msg="estimate bill", **LOGS), see("datadog.log", **DD_API)),
        classes=(4,), pair="fy-meter-norows", entry="GET /v1/meters/{n}/estimate", log="estimate bill", span=2, renames={"(*Bills).Estimate": "(*Bills).EstimateBill"}),
    Bug("fy-meter-norows", "meter-api", (Exc("*fmt.wrapError", "meter {n}: no rows in result set", (*HTTP, READS, app("internal/store", "(*Meters).BySerial", "meters.go", 27), *PGX)),),
        (see("sentry.error", 2), see("splunk", 2, msg="ingest reading", **LOGS), see("datadog.log", **DD_API)),
        classes=(4,), pair="fy-tariff-norows", entry="POST /v1/readings", log="ingest reading"),
    # Two panics in the same batch handler: a nil map and a nil pointer.
    Bug("fy-batch-nil-map", "meter-api", (Exc("runtime.plainError", "assignment to entry in nil map", (*HTTP, BATCH, app("internal/readings", "(*Batcher).Add", "batcher.go", 47), PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **PANICLOG), see("datadog.log", **DD_API, kind="panic")),
        classes=(3,), pair="fy-batch-nil-ptr", entry="POST /v1/readings/batch"),
    Bug("fy-batch-nil-ptr", "meter-api", (Exc("runtime.errorString", "runtime error: invalid memory address or nil pointer dereference", (*HTTP, BATCH, app("internal/readings", "(*Batcher).Flush", "batcher.go", 71), PANIC)),),
        (see("sentry.error", 2), see("splunk", 3, **PANICLOG)),
        classes=(3,), pair="fy-batch-nil-map", entry="POST /v1/readings/batch"),
    # context deadline exceeded: an insert in the API and a feed fetch in the worker.
    Bug("fy-insert-deadline", "meter-api", (Exc("*fmt.wrapError", "insert reading: timeout: context deadline exceeded", (*HTTP, READS, app("internal/store", "(*Readings).Insert", "readings.go", 62), EXEC)),),
        (see("sentry.error", 3), see("splunk", 2, msg="ingest reading", **LOGS), see("datadog.log", **DD_API)),
        classes=(5, 10), pair="fy-archive-deadline", entry="POST /v1/readings", log="ingest reading"),
    Bug("fy-archive-deadline", "reads-worker", (Exc("*fmt.wrapError", "archive batch {n}: operation error S3: PutObject, https response error StatusCode: 0, RequestID: , HostID: , canceled, context deadline exceeded", (*WORKER, app("internal/worker", "(*Archiver).Flush", "archiver.go", 88), golib("github.com/aws/aws-sdk-go-v2/service/s3", "(*Client).PutObject", "/go/pkg/mod/github.com/aws/aws-sdk-go-v2/service/s3@v1.58.2/api_op_PutObject.go", 688))),),
        (see("sentry.error", 2), see("splunk", 3, msg="archive failed", **WLOGS), see("datadog.log", **DD_WRK)),
        classes=(10,), pair="fy-insert-deadline", entry="archive", log="archive failed"),
    # The ingest body: bad JSON syntax vs. a string in a number field, one decoder.
    Bug("fy-body-syntax", "meter-api", (Exc("*json.SyntaxError", "invalid character '}' looking for beginning of object key string", (*HTTP, READS, golib("encoding/json", "(*Decoder).Decode", GOSRC + "encoding/json/stream.go", 63))),),
        (see("sentry.error", 2), see("splunk", 3, msg="decode reading", **LOGS), see("datadog.log", **DD_API)),
        classes=(4,), pair="fy-body-type", entry="POST /v1/readings", log="decode reading"),
    Bug("fy-body-type", "meter-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Reading.kwh of type float64", (*HTTP, READS, golib("encoding/json", "(*Decoder).Decode", GOSRC + "encoding/json/stream.go", 73))),),
        (see("sentry.error", 3), see("splunk", 2, msg="decode reading", **LOGS)),
        classes=(4,), pair="fy-body-syntax", entry="POST /v1/readings", log="decode reading"),
    # Unique violations on two tables.
    Bug("fy-meter-dup-serial", "meter-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "meters_serial_key" (SQLSTATE 23505)', (*HTTP, app("internal/httpapi", "(*Meters).Register", "meters.go", 49), app("internal/store", "(*Meters).Create", "meters.go", 61), EXEC)),),
        (see("sentry.error", 3), see("splunk", 2, msg="register meter", **LOGS), see("datadog.log", **DD_API)),
        classes=(1, 4), pair="fy-reading-dup", entry="POST /v1/meters", log="register meter"),
    Bug("fy-reading-dup", "reads-worker", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "readings_meter_id_read_at_key" (SQLSTATE 23505)', (*WORKER, app("internal/worker", "(*Subscriber).OnMessage", "subscriber.go", 54), app("internal/store", "(*Readings).Insert", "readings.go", 62), EXEC)),),
        (see("sentry.error", 2), see("splunk", 3, msg="store read", **WLOGS), see("datadog.log", **DD_WRK)),
        classes=(1, 4), pair="fy-meter-dup-serial", entry="meters/+/reads", log="store read"),
    Bug("fy-tariff-band-index", "meter-api", (Exc("runtime.boundsError", "runtime error: index out of range [{n}] with length 3", (*HTTP, app("internal/httpapi", "(*Bills).Estimate", "bills.go", 47), app("internal/tariff", "Band", "band.go", 22), PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **PANICLOG), see("datadog.log", **DD_API, kind="panic")),
        classes=(3,), entry="GET /v1/meters/{n}/estimate"),
    Bug("fy-redis-refused", "meter-api", (Exc("*net.OpError", "dial tcp 10.40.{n}.12:6379: connect: connection refused", (*HTTP, app("internal/httpapi", "(*Bills).Estimate", "bills.go", 38), app("internal/cache", "(*Tariffs).Get", "tariffs.go", 19), golib("github.com/redis/go-redis/v9", "(*baseClient).getConn", "/go/pkg/mod/github.com/redis/go-redis/v9@v9.5.3/redis.go", 265))),),
        (see("sentry.error", 2), see("splunk", 3, msg="tariff cache", **LOGS), see("datadog.log", **DD_API)),
        classes=(10,), entry="GET /v1/meters/{n}/estimate", log="tariff cache"),
    Bug("fy-mqtt-lost", "reads-worker", (Exc("*errors.errorString", "pingresp not received, disconnecting", (golib("github.com/eclipse/paho.mqtt.golang", "keepalive", "/go/pkg/mod/github.com/eclipse/paho.mqtt.golang@v1.4.3/ping.go", 68), app("internal/worker", "(*Subscriber).onConnectionLost", "subscriber.go", 97))),),
        (see("sentry.error", 2), see("splunk", 2, msg="mqtt connection lost", **WLOGS), see("datadog.log", **DD_WRK)),
        classes=(10,), entry="mqtt", log="mqtt connection lost"),
    Bug("fy-s3-denied", "reads-worker", (Exc("*smithy.OperationError", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, HostID: {hex}, api error AccessDenied: Access Denied", (*WORKER, app("internal/worker", "(*Archiver).Flush", "archiver.go", 88), golib("github.com/aws/aws-sdk-go-v2/service/s3", "(*Client).PutObject", "/go/pkg/mod/github.com/aws/aws-sdk-go-v2/service/s3@v1.58.2/api_op_PutObject.go", 688))),),
        (see("sentry.error", 3), see("splunk", 2, msg="archive failed", **WLOGS)),
        classes=(9,), entry="archive", log="archive failed"),
    Bug("fy-parse-float-singleton", "meter-api", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "12,5": invalid syntax', (*HTTP, app("internal/httpapi", "(*Readings).Manual", "manual.go", 31))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/readings/manual"),
]

NOISE = [
    Noise("fy-noise-start", "meter-api", "splunk", {"search": "mungrisdale errors", "line": 'time=2026-03-05T06:00:02.114Z level=INFO source=/src/meters/cmd/meter-api/main.go:64 msg="listening" addr=:8080 version=1.9.2'}),
    Noise("fy-noise-deploy", "meter-api", "datadog.event", {"monitor": "Deploy", "text": "meter-api 1.9.2 rolled out to meters-prod (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fy-noise-recovered", "reads-worker", "datadog.log", {"monitor": "[meters] reads-worker errors", "text": "Recovered: reads-worker errors below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

MUNGRISDALE = Company(
    key="fy",
    name="Mungrisdale Metering",
    domain="mungrisdale-metering.example",
    sentry_org="mungrisdale",
    splunk_url="https://mungrisdale.splunkcloud.com",
    splunk_guid="9A4D2E71-0B36-4C58-8F1E-7C3B5A9D0E62",
    datadog_org=("722316", "Mungrisdale Metering"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("1.9.0", "1.9.1", "1.9.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="mungrisdale-sentry-client-secret",
)
# fmt: on
