"""(hr) Xenbury Cycle Hire, a city's docked bike-share: a Go 1.22 chi v5 API (``hire-api``:
pgx v5 over Postgres, go-redis for dock availability, a small client to the docks' vendor API
for remote unlocks) and a dock poller (``dock-poller``: a ticker loop reading the vendor's
status feed and settling finished hires).

Both log through ``log/slog``'s ``JSONHandler`` to stdout (``hr-slog-json``): the API's handler
with ``AddSource`` and request attributes, the poller's without; a panic is caught by the
team's recover middleware, which logs ``panic recovered`` with ``debug.Stack()`` and re-panics
for sentry-go's handler. Sentry: sentry-go with its net/http integration. Datadog: the team's
log monitors pasting slog's attributes, APM by type. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "hire-api": Service("hire-api", "go", "hr-slog-json", "", "", "", 6630117, "go1.22.7", framework="net/http"),
    "dock-poller": Service("dock-poller", "go", "hr-slog-json", "", "", "", 6630118, "go1.22.7"),
}

GOSRC = "/usr/local/go/src/"
CHI = "/go/pkg/mod/github.com/go-chi/chi/v5@v5.1.0/"
HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
    golib("github.com/go-chi/chi/v5", "(*Mux).ServeHTTP", CHI + "mux.go", 90),
    golib("github.com/go-chi/chi/v5/middleware", "RequestID.func1", CHI + "middleware/request_id.go", 76),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
    golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/http@v0.29.1/sentryhttp.go", 103),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
    golib("github.com/go-chi/chi/v5", "(*Mux).routeHTTP", CHI + "mux.go", 459),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
)
PANIC = golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 770)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 900)
MOD = "xenbury.example/hire/"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/hire/{pkg}/{file}", line)


POLL = (
    golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1695),
    app("cmd/dock-poller", "main.func2", "main.go", 71),
    app("internal/poller", "(*Poller).Run", "poller.go", 48),
)
PGX_ROW = (
    golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).QueryRow", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.1/pgxpool/pool.go", 680),
    golib("github.com/jackc/pgx/v5", "(*connRow).Scan", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.1/rows.go", 487),
)
EXEC = golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.1/pgxpool/pool.go", 617)
UNLOCK = app("internal/dockapi", "(*Client).Unlock", "client.go", 64)
PARSE = app("internal/tariff", "parseWindow", "window.go", 23)

LOGS = dict(team="hire", monitor="[hire-api] error logs", filter="service:hire-api status:error", text="hire-api logged **{{log.attributes.msg}}**\n\nerr: `{{log.attributes.err}}`\nat {{log.attributes.source.function}} ({{log.attributes.source.file}}:{{log.attributes.source.line}})\n{{log.attributes.method}} {{log.attributes.path}}")
PANICS = dict(team="hire", monitor="[hire-api] panics", filter='service:hire-api @msg:"panic recovered"', kind="panic", recover=f"{MOD}internal/httpapi.Recoverer.func1.1|/src/hire/internal/httpapi/recover.go|24", text="Panic in hire-api: `{{log.attributes.panic}}`\n\n```\n{{log.attributes.stack}}\n```")
POLLER = dict(team="hire", monitor="[dock-poller] errors", filter="service:dock-poller status:error", kind="nosource", text="dock-poller: **{{log.attributes.msg}}**\n\n{{log.attributes.err}}")
APM = dict(team="hire", monitor="[hire-api] errors by type", style="type")

BUGS = [
    # Nil dereferences in two handlers (a hire without a bike, a dock without a station).
    Bug("hr-end-hire-nil", "hire-api", (Exc("runtime.errorString", "runtime error: invalid memory address or nil pointer dereference", (*HTTP, app("internal/httpapi", "(*Hires).End", "hires.go", 88), app("internal/hire", "(*Hire).Close", "hire.go", 41), SIGPANIC, PANIC)),),
        (see("sentry.error", 3), see("datadog.log", 2, **PANICS), see("datadog.apm", **APM)),
        classes=(3,), pair="hr-dock-status-nil", entry="POST /v1/hires/{id}/end", span=2, renames={"(*Hires).End": "(*Hires).Finish"}),
    Bug("hr-dock-status-nil", "hire-api", (Exc("runtime.errorString", "runtime error: invalid memory address or nil pointer dereference", (*HTTP, app("internal/httpapi", "(*Docks).Status", "docks.go", 37), app("internal/dock", "(*Dock).Available", "dock.go", 19), SIGPANIC, PANIC)),),
        (see("sentry.error", 2), see("datadog.log", 2, **PANICS)),
        classes=(3,), pair="hr-end-hire-nil", entry="GET /v1/docks/{id}/status"),
    # pgx's ErrNoRows wrapped for a bike and for a station.
    Bug("hr-bike-norows", "hire-api", (Exc("*fmt.wrapError", "get bike {id}: no rows in result set", (*HTTP, app("internal/httpapi", "(*Hires).Start", "hires.go", 52), app("internal/store", "(*Bikes).Get", "bikes.go", 31), *PGX_ROW)),),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGS, msg="start hire")),
        classes=(4,), pair="hr-station-norows", entry="POST /v1/hires", log="start hire"),
    Bug("hr-station-norows", "hire-api", (Exc("*fmt.wrapError", "get station {n}: no rows in result set", (*HTTP, app("internal/httpapi", "(*Stations).Show", "stations.go", 29), app("internal/store", "(*Stations).Get", "stations.go", 26), *PGX_ROW)),),
        (see("sentry.error", 2), see("datadog.log", **LOGS, msg="show station"), see("datadog.apm", **APM)),
        classes=(4,), pair="hr-bike-norows", entry="GET /v1/stations/{n}", log="show station"),
    # One dockapi Unlock: a deadline and a 502 from the vendor.
    Bug("hr-unlock-deadline", "hire-api", (Exc("*url.Error", 'Post "https://api.dockvendor.example/v3/docks/D-{n}/unlock": context deadline exceeded', (*HTTP, app("internal/httpapi", "(*Hires).Start", "hires.go", 66), UNLOCK, golib("net/http", "(*Client).do", GOSRC + "net/http/client.go", 629))),),
        (see("sentry.error", 3), see("datadog.log", 2, **LOGS, msg="unlock dock"), see("datadog.apm", **APM)),
        classes=(10,), pair="hr-unlock-502", entry="POST /v1/hires", log="unlock dock", span=2),
    Bug("hr-unlock-502", "hire-api", (Exc("*errors.errorString", "dockapi: unlock D-{n}: unexpected status 502 Bad Gateway", (*HTTP, app("internal/httpapi", "(*Hires).Start", "hires.go", 66), UNLOCK)),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGS, msg="unlock dock")),
        classes=(1,), pair="hr-unlock-deadline", entry="POST /v1/hires", log="unlock dock"),
    # 23505 on two constraints.
    Bug("hr-active-hire-dup", "hire-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "hires_bike_id_active_key" (SQLSTATE 23505)', (*HTTP, app("internal/httpapi", "(*Hires).Start", "hires.go", 74), app("internal/store", "(*Hires).Insert", "hires.go", 40), EXEC)),),
        (see("sentry.error", 3), see("datadog.log", **LOGS, msg="start hire"), see("datadog.apm", **APM)),
        classes=(4,), pair="hr-member-email-dup", entry="POST /v1/hires", log="start hire"),
    Bug("hr-member-email-dup", "hire-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "members_email_key" (SQLSTATE 23505)', (*HTTP, app("internal/httpapi", "(*Members).Register", "members.go", 33), app("internal/store", "(*Members).Insert", "members.go", 22), EXEC)),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGS, msg="register member")),
        classes=(4,), pair="hr-active-hire-dup", entry="POST /v1/members", log="register member"),
    # One tariff.parseWindow: a bad time and a bad number of minutes.
    Bug("hr-window-time", "hire-api", (Exc("*time.ParseError", 'parsing time "2{idx}:90" as "15:04": cannot parse "90" as "04"', (*HTTP, app("internal/httpapi", "(*Tariffs).Quote", "tariffs.go", 44), PARSE, golib("time", "Parse", GOSRC + "time/format.go", 1001))),),
        (see("sentry.error", 3), see("datadog.log", **LOGS, msg="quote tariff")),
        classes=(4,), pair="hr-window-minutes", entry="GET /v1/tariffs/quote", log="quote tariff"),
    Bug("hr-window-minutes", "hire-api", (Exc("*strconv.NumError", 'strconv.Atoi: parsing "{n}m": invalid syntax', (*HTTP, app("internal/httpapi", "(*Tariffs).Quote", "tariffs.go", 44), PARSE, golib("strconv", "Atoi", GOSRC + "strconv/atoi.go", 267))),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGS, msg="quote tariff")),
        classes=(4,), pair="hr-window-time", entry="GET /v1/tariffs/quote", log="quote tariff"),
    # The poller: two failures under one monitor.
    Bug("hr-poll-feed-decode", "dock-poller", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field DockStatus.docks.bikes_available of type int", (*POLL, app("internal/poller", "(*Poller).fetch", "poller.go", 92), golib("encoding/json", "(*Decoder).Decode", GOSRC + "encoding/json/stream.go", 73))),),
        (see("sentry.error", 3), see("datadog.log", 2, **POLLER, msg="poll status feed")),
        classes=(1,), pair="hr-poll-settle", entry="poller", log="poll status feed"),
    Bug("hr-poll-settle", "dock-poller", (Exc("*fmt.wrapError", "settle hire {id}: begin tx: failed to connect to `user=hire database=hire`: 10.20.{n}.4:5432 (pg-hire-rw): dial error: timeout: context deadline exceeded", (*POLL, app("internal/poller", "(*Poller).settle", "poller.go", 121), app("internal/store", "(*Hires).Settle", "hires.go", 88))),),
        (see("sentry.error", 2), see("datadog.log", 2, **POLLER, msg="settle finished hire")),
        classes=(1, 10), pair="hr-poll-feed-decode", entry="poller", log="settle finished hire"),
    # Redis refusing connections: availability cache.
    Bug("hr-redis-refused", "hire-api", (Exc("*net.OpError", "dial tcp 10.20.{n}.9:6379: connect: connection refused", (*HTTP, app("internal/httpapi", "(*Stations).Nearby", "stations.go", 58), app("internal/cache", "(*Availability).Get", "availability.go", 27), golib("github.com/redis/go-redis/v9", "(*baseClient).getConn", "/go/pkg/mod/github.com/redis/go-redis/v9@v9.6.1/redis.go", 265))),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOGS, msg="nearby stations"), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /v1/stations/nearby", log="nearby stations"),
    # An index out of range on a tariff band table, over three releases.
    Bug("hr-band-index", "hire-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length 3", (*HTTP, app("internal/httpapi", "(*Tariffs).Quote", "tariffs.go", 51), app("internal/tariff", "Band", "band.go", 17), PANIC)),),
        (see("sentry.error", 3), see("datadog.log", 2, **PANICS)),
        classes=(2, 5), entry="GET /v1/tariffs/quote", span=3),
    # Request bodies with trailing garbage: the decoder's syntax error.
    Bug("hr-body-syntax", "hire-api", (Exc("*json.SyntaxError", "invalid character '}' looking for beginning of object key string", (*HTTP, app("internal/httpapi", "(*Members).Register", "members.go", 24), golib("encoding/json", "(*Decoder).Decode", GOSRC + "encoding/json/stream.go", 63))),),
        (see("sentry.error", 2), see("datadog.log", **LOGS, msg="decode member")),
        classes=(4,), entry="POST /v1/members", log="decode member"),
    Bug("hr-singleton-refund", "hire-api", (Exc("*errors.errorString", "refund exceeds charge", (*HTTP, app("internal/httpapi", "(*Refunds).Create", "refunds.go", 38), app("internal/billing", "Refund", "refund.go", 55))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/refunds", log="create refund"),
]

NOISE = [
    Noise("hr-noise-deploy", "hire-api", "datadog.event", {"monitor": "Deploy", "text": "hire-api v2.14.2 rolled out to hire-prod (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hire"}),
    Noise("hr-noise-recovered", "dock-poller", "datadog.log", {"monitor": "[dock-poller] errors", "text": "Recovered: dock-poller errors back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "hire", "filter": "service:dock-poller status:error"}),
]

XENBURY = Company(
    key="hr",
    name="Xenbury Cycle Hire",
    domain="xenbury-cycles.example",
    sentry_org="xenbury",
    splunk_url="https://xenbury.splunkcloud.com",
    splunk_guid="1F7C3A92-4B6E-4D18-A2C5-9E0D8B3F6A14",
    datadog_org=("884217", "Xenbury Cycle Hire"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v2.14.0", "v2.14.1", "v2.14.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="xenbury-sentry-client-secret",
)
# fmt: on
