"""(bx) Hartop Couriers, a same-day courier network: Go 1.22 services. ``dispatch-api``
(net/http with chi v5, pgx v5 pools straight to Postgres: jobs, quotes, drivers),
``tracking-api`` (chi, pgx: proof of delivery, live positions) and ``events-consumer``
(segmentio/kafka-go reading ``courier.status`` and ``courier.pod`` from the drivers' app
gateway, writing through pgx).

Sentry: sentry-go with sentryhttp (``Repanic: true`` under chi's Recoverer); handled errors
are captured by the team's ``report.Error`` helper, so sentry-go's stack of an
``fmt.Errorf`` error ends in that helper. Datadog: zap's production JSON through the agent
(``error`` the error string, ``stacktrace`` on error level), log monitors pasting
``{{log.attributes.*}}`` and APM monitors by route, through the team's template
(``bx-hartop``, plain text). No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GO_HTTP, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_GO = ("sentry.go", "0.29.1", "github.com/getsentry/sentry-go")
SERVICES = {
    "dispatch-api": Service("dispatch-api", "go", "zap", "", "", "", 9150031, "go1.22.9", framework="chi", sdk=SDK_GO),
    "tracking-api": Service("tracking-api", "go", "zap", "", "", "", 9150032, "go1.22.9", framework="chi", sdk=SDK_GO),
    "events-consumer": Service("events-consumer", "go", "zap", "", "", "", 9150033, "go1.22.9", framework="", sdk=SDK_GO),
}

MOD = "github.com/hartop/couriers"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/{pkg}", function, f"/src/{file}", line)


PGX_MOD = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.1/"
KAFKA_MOD = "/go/pkg/mod/github.com/segmentio/kafka-go@v0.4.47/"
HTTP = (*GO_HTTP, golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go@v0.29.1/http/sentryhttp.go", 103))
CONSUMER = (
    app("cmd/events-consumer", "main", "cmd/events-consumer/main.go", 47),
    app("internal/consume", "(*Loop).Run", "internal/consume/loop.go", 58),
    app("internal/consume", "(*Loop).handle", "internal/consume/loop.go", 92),
)
QUERY_ROW = (
    golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).QueryRow", PGX_MOD + "pgxpool/pool.go", 738),
    golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX_MOD + "rows.go", 379),
)
EXEC = (
    golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", PGX_MOD + "pgxpool/pool.go", 704),
    golib("github.com/jackc/pgx/v5", "(*Conn).Exec", PGX_MOD + "conn.go", 509),
)
# sentry-go takes an fmt.Errorf error's stack where the team's helper captures it.
REPORT = app("internal/report", "Error", "internal/report/report.go", 22)
NO_ROWS = Exc("*errors.errorString", "no rows in result set")
NIL = "runtime error: invalid memory address or nil pointer dereference"


def pg(code: str, text: str) -> Exc:
    return Exc("*pgconn.PgError", f"ERROR: {text} (SQLSTATE {code})")


TEAM = "courier-core"
# One APM monitor over every error type on the two HTTP services.
APM_TYPE = {"style": "type", "monitor": "courier APIs error spans by type", "team": TEAM}
DISPATCH_LOG = {"monitor": "dispatch-api error logs", "team": TEAM, "filter": "service:dispatch-api status:error", "text": "dispatch-api logged an error\nmsg: {{log.attributes.msg}}\nerror: {{log.attributes.error}}\npath: {{log.attributes.path}}"}
TRACKING_LOG = {"monitor": "tracking-api error logs", "team": TEAM, "filter": "service:tracking-api status:error", "text": "tracking-api: {{log.attributes.msg}} - {{log.attributes.error}}"}
# One monitor over every consumer error: only the last message and error string.
CONSUMER_LOG = {"monitor": "events-consumer failed messages", "team": TEAM, "filter": "service:events-consumer status:error", "text": "events-consumer failed {{value}} messages in 5m.\nLast: {{log.attributes.msg}}: {{log.attributes.error}}"}

BUGS = [
    # pgx's no-rows wrapped for a job and for a driver: same inner error, two entities.
    Bug("bx-job-no-rows", "dispatch-api", (NO_ROWS, Exc("*fmt.wrapError", "get job HT-{n}: no rows in result set", (*HTTP, app("internal/jobs", "(*Handler).Assign", "internal/jobs/handler.go", 71), REPORT))),
        (see("sentry.error", 3), see("sentry.error", release=1), see("datadog.log", 2, msg="assign job failed", **DISPATCH_LOG)),
        classes=(4, 9), pair="bx-driver-no-rows", entry="POST /v1/jobs/{id}/assign", log="assign job failed", span=2),
    Bug("bx-driver-no-rows", "tracking-api", (NO_ROWS, Exc("*fmt.wrapError", "get driver {id}: no rows in result set", (*HTTP, app("internal/positions", "(*Handler).Update", "internal/positions/handler.go", 39), REPORT))),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, msg="update position failed", **TRACKING_LOG)),
        classes=(4, 9), pair="bx-job-no-rows", entry="PUT /v1/drivers/{id}/position", log="update position failed"),
    # A nil proof-of-delivery photo dereferenced in the consumer and in the tracking page handler.
    Bug("bx-pod-nil-consumer", "events-consumer", (Exc("runtime.errorString", NIL, (*CONSUMER, app("internal/pod", "(*Writer).Save", "internal/pod/writer.go", 53), app("internal/pod", "photoKey", "internal/pod/keys.go", 12))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("datadog.log", msg="recovered panic", topic="courier.pod", **CONSUMER_LOG)),
        classes=(4,), pair="bx-pod-nil-tracking", entry="courier.pod", log="recovered panic", span=2),
    Bug("bx-pod-nil-tracking", "tracking-api", (Exc("runtime.errorString", NIL, (*HTTP, app("internal/pod", "(*Handler).Get", "internal/pod/handler.go", 44), app("internal/pod", "toResponse", "internal/pod/response.go", 27))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.apm", style="route", monitor="GET /v1/jobs/{id}/pod error rate", team=TEAM), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bx-pod-nil-consumer", entry="GET /v1/jobs/{id}/pod"),
    # Unique violations on two constraints: a replayed status event, a driver registered twice.
    Bug("bx-status-unique", "events-consumer", (pg("23505", 'duplicate key value violates unique constraint "job_events_job_id_seq_key"'), Exc("*fmt.wrapError", 'insert status event: ERROR: duplicate key value violates unique constraint "job_events_job_id_seq_key" (SQLSTATE 23505)', (*CONSUMER, app("internal/status", "(*Store).Append", "internal/status/store.go", 34), REPORT))),
        (see("sentry.error", 3), see("datadog.log", 2, msg="handle message", topic="courier.status", **CONSUMER_LOG)),
        classes=(4,), pair="bx-driver-unique", entry="courier.status", log="handle message"),
    Bug("bx-driver-unique", "dispatch-api", (pg("23505", 'duplicate key value violates unique constraint "drivers_phone_key"'), Exc("*fmt.wrapError", 'create driver: ERROR: duplicate key value violates unique constraint "drivers_phone_key" (SQLSTATE 23505)', (*HTTP, app("internal/drivers", "(*Handler).Create", "internal/drivers/handler.go", 48), app("internal/drivers", "(*Store).Insert", "internal/drivers/store.go", 31), *EXEC))),
        (see("sentry.error", 3), see("sentry.error", in_app="all"), see("datadog.log", 2, msg="create driver failed", **DISPATCH_LOG)),
        classes=(4, 10), pair="bx-status-unique", entry="POST /v1/drivers", log="create driver failed"),
    # One quote function, two errors: a distance overflow and a missing zone.
    Bug("bx-quote-zone-missing", "dispatch-api", (Exc("*errors.errorString", "postcode outside service area"), Exc("*fmt.wrapError", "quote zone {zone}: postcode outside service area", (*HTTP, app("internal/quotes", "(*Handler).Create", "internal/quotes/handler.go", 57), app("internal/quotes", "Price", "internal/quotes/price.go", 33), REPORT))),
        (see("sentry.error", 3), see("datadog.log", 2, msg="quote failed", **DISPATCH_LOG)),
        classes=(4,), pair="bx-quote-bounds", entry="POST /v1/quotes", log="quote failed"),
    Bug("bx-quote-bounds", "dispatch-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*HTTP, app("internal/quotes", "(*Handler).Create", "internal/quotes/handler.go", 57), app("internal/quotes", "Price", "internal/quotes/price.go", 41), app("internal/quotes", "bandFor", "internal/quotes/bands.go", 18))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("datadog.apm", style="route", monitor="POST /v1/quotes error rate", team=TEAM), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bx-quote-zone-missing", entry="POST /v1/quotes", span=2),
    # Two webhooks to merchants timing out in the one notifier client.
    Bug("bx-merchant-webhook-timeout", "dispatch-api", (Exc("*url.Error", 'Post "https://hooks.merchant{n}.example/couriers/status": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), Exc("*fmt.wrapError", 'notify merchant {n}: Post "https://hooks.merchant{n}.example/couriers/status": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*HTTP, app("internal/notify", "(*Handler).Delivered", "internal/notify/handler.go", 29), app("internal/notify", "(*Client).post", "internal/notify/client.go", 61), REPORT))),
        (see("sentry.error", 3), see("datadog.log", 2, msg="merchant notify failed", **DISPATCH_LOG)),
        classes=(9,), pair="bx-sms-timeout", entry="POST /internal/notify/delivered", log="merchant notify failed"),
    Bug("bx-sms-timeout", "tracking-api", (Exc("*url.Error", 'Post "https://api.smsrelay.example/v2/messages": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), Exc("*fmt.wrapError", 'send eta sms: Post "https://api.smsrelay.example/v2/messages": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*HTTP, app("internal/eta", "(*Handler).Notify", "internal/eta/handler.go", 52), app("internal/notify", "(*Client).post", "internal/notify/client.go", 61), REPORT))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, msg="eta sms failed", **TRACKING_LOG)),
        classes=(9,), pair="bx-merchant-webhook-timeout", entry="POST /v1/jobs/{id}/eta", log="eta sms failed", span=2),
    # The consumer's reader losing its group generation after a slow batch.
    Bug("bx-rebalance-commit", "events-consumer", (Exc("kafka.Error", "[27] Rebalance In Progress: the coordinator has begun rebalancing the group, the client should rejoin the group", (*CONSUMER[:2], golib("github.com/segmentio/kafka-go", "(*Reader).CommitMessages", KAFKA_MOD + "reader.go", 889), REPORT)),),
        (see("sentry.error", 2), see("datadog.log", 2, msg="commit failed", topic="courier.status", **CONSUMER_LOG)),
        entry="courier.status", log="commit failed"),
    # A status event whose timestamp arrives as epoch seconds in a string from old driver apps.
    Bug("bx-status-json", "events-consumer", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field StatusEvent.at of type time.Time"), Exc("*fmt.wrapError", "decode courier.status: json: cannot unmarshal string into Go struct field StatusEvent.at of type time.Time", (*CONSUMER, app("internal/status", "Decode", "internal/status/decode.go", 19), REPORT))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, msg="handle message", topic="courier.status", **CONSUMER_LOG)),
        classes=(9,), entry="courier.status", log="handle message"),
    # The geocoder rate-limiting address lookups at the lunchtime peak.
    Bug("bx-geocode-429", "dispatch-api", (Exc("*errors.errorString", "geocoder: unexpected status 429 Too Many Requests"), Exc("*fmt.wrapError", "geocode pickup for job HT-{n}: geocoder: unexpected status 429 Too Many Requests", (*HTTP, app("internal/jobs", "(*Handler).Create", "internal/jobs/handler.go", 44), app("internal/geo", "(*Client).Lookup", "internal/geo/client.go", 73), REPORT))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 2, msg="create job failed", **DISPATCH_LOG)),
        classes=(5, 9), entry="POST /v1/jobs", log="create job failed", span=3, renames={"(*Handler).Create": "(*Handler).CreateJob"}),
    # pgxpool exhausted while the nightly settlement runs against the primary.
    Bug("bx-pool-acquire", "dispatch-api", (Exc("*errors.errorString", "failed to connect to `user=dispatch database=couriers`: 10.{idx}.2.{idx}:5432 (pg.couriers.internal): dial error: timeout: context deadline exceeded"), Exc("*fmt.wrapError", "list open jobs: failed to connect to `user=dispatch database=couriers`: 10.{idx}.2.{idx}:5432 (pg.couriers.internal): dial error: timeout: context deadline exceeded", (*HTTP, app("internal/jobs", "(*Handler).ListOpen", "internal/jobs/handler.go", 112), app("internal/jobs", "(*Store).Open", "internal/jobs/store.go", 66), *QUERY_ROW))),
        (see("sentry.error", 3), see("sentry.alert", rule="dispatch-api: error spike"), see("datadog.apm", style="route", monitor="GET /v1/jobs/open error rate", team=TEAM), see("datadog.log", msg="list open jobs failed", **DISPATCH_LOG)),
        entry="GET /v1/jobs/open", log="list open jobs failed"),
    # The POD photo upload logging slow S3 writes: one log template, no bug.
    Bug("bx-pod-upload-slow", "tracking-api", (),
        (see("datadog.log", 4, monitor="Slow POD uploads", team=TEAM, filter='service:tracking-api @msg:"pod upload slow"', text="POD upload for job HT-{n} took {godur} ({size})"),),
        classes=(7,)),
    # Seen once: a panic on a closed channel during shutdown.
    Bug("bx-close-closed-channel", "events-consumer", (Exc("runtime.plainError", "close of closed channel", (*CONSUMER[:2], app("internal/consume", "(*Loop).Stop", "internal/consume/loop.go", 131))),),
        (see("sentry.error"),),
        singleton=True, entry="courier.status"),
]

NOISE = [
    Noise("bx-noise-deploy", "dispatch-api", "datadog.event", {"monitor": "Deployed dispatch-api v1.41.0", "text": "Argo CD synced dispatch-api to v1.41.0 (healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("bx-noise-lag", "events-consumer", "datadog.metric", {"monitor": "events-consumer lag on courier.status", "transition": "Warn", "alert_type": "warning", "metric": "kafka.consumer_lag", "query": "avg(last_5m):max:kafka.consumer_lag{consumer_group:events-consumer,topic:courier.status} > 20000", "text": "Consumer lag on courier.status is {n}00 messages.", "priority": "P4", "team": TEAM}),
    Noise("bx-noise-recovered", "tracking-api", "datadog.log", {"monitor": "tracking-api error logs", "transition": "Recovered", "alert_type": "success", "text": "tracking-api error logs recovered.", "priority": "P3", "team": TEAM}),
]

HARTOP = Company(
    key="bx",
    name="Hartop Couriers",
    domain="hartop.example",
    sentry_org="hartop",
    splunk_url="",
    splunk_guid="",
    datadog_org=("771342", "Hartop Couriers"),
    datadog_template="bx-hartop",
    posthog_project=(0, ""),
    releases=("v1.40.2", "v1.41.0", "v1.42.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hartop-sentry-client-secret",
)
