"""(lu) Northwold Energy, a small household energy supplier on Google Cloud: ``account-api``
(Node.js 20, Express 4 with node-postgres, on App Engine standard), three Go 1.22 Cloud
Functions (2nd gen): ``tariff-sync`` (a Pub/Sub trigger), ``meter-ingest`` (HTTP, the smart
meter readings' CSV drops) and ``statement-render`` (HTTP), and ``portal-web``, a Vue 2.7
customer portal built by Vue CLI 5 (``js/app.<hash>.js``, ``js/chunk-vendors.<hash>.js``).

Sentry: @sentry/node on the API, sentry-go in the functions, @sentry/vue on the portal.
PostHog: posthog-js exception autocapture on the portal (four browsers). Splunk: a Pub/Sub log
sink exported through Dataflow's Pub/Sub-to-Splunk template (``lu-gcp``: the ``LogEntry``; one
saved search for the App Engine service, one for the functions). Datadog: the GCP integration's
logs, one log monitor for the API grouped by service and one for the functions grouped by
``function_name``, both pasting ``{{log.message}}``. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, go, golib, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK_GO = ("sentry.go", "0.28.1", "github.com/getsentry/sentry-go")
SDK_VUE = ("sentry.javascript.vue", "7.119.0", "npm:@sentry/vue")
SRC = "projects/northwold-energy-prod/subscriptions/splunk-log-export"
SVC = dict(sourcetype="google:gcp:pubsub:message", source=SRC, index="gcp_logs")
SERVICES = {
    "account-api": Service("account-api", "node", "lu-gcp", SVC["sourcetype"], SRC, "gcp_logs", 11010011, "node v20.15.1", framework="express"),
    "tariff-sync": Service("tariff-sync", "go", "lu-gcp", SVC["sourcetype"], SRC, "gcp_logs", 11010012, "go1.22.5", sdk=SDK_GO),
    "meter-ingest": Service("meter-ingest", "go", "lu-gcp", SVC["sourcetype"], SRC, "gcp_logs", 11010013, "go1.22.5", sdk=SDK_GO),
    "statement-render": Service("statement-render", "go", "lu-gcp", SVC["sourcetype"], SRC, "gcp_logs", 11010014, "go1.22.5", sdk=SDK_GO),
    "portal-web": Service("portal-web", "javascript", "", "", "", "", 11010015, origin="https://my.northwold.example", framework="vue", sdk=SDK_VUE),
}

# Express 4's router calling an async handler (oldest first).
EXPRESS = (
    nd("node_modules/express/lib/router/index.js", "next", 280, 10, lib=True),
    nd("node_modules/express/lib/router/route.js", "Route.dispatch", 119, 3, lib=True),
    nd("node_modules/express/lib/router/route.js", "next", 149, 13, lib=True),
    nd("node_modules/express/lib/router/layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
PG_QUERY = (
    NODE_TICKS,
    nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True),
)


def api(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    return nd(file, fn, line, col, awaited=awaited)


MOD = "northwold.example/fn"
FF = "/go/pkg/mod/github.com/!google!cloud!platform/functions-framework-go@v1.8.1/funcframework/framework.go"
HTTP_FN = (
    golib("net/http", "(*conn).serve", "/usr/local/go/src/net/http/server.go", 2039),
    golib("github.com/GoogleCloudPlatform/functions-framework-go/funcframework", "wrapHTTPFunction.func1", FF, 198),
)
EVENT_FN = (
    golib("net/http", "(*conn).serve", "/usr/local/go/src/net/http/server.go", 2039),
    golib("github.com/GoogleCloudPlatform/functions-framework-go/funcframework", "wrapEventFunction.func1", FF, 266),
)


def fn(function: str, file: str, line: int) -> Frame:
    return go(MOD, function, f"/workspace/serverless_function_source_code/{file}", line)


FIRESTORE = golib("cloud.google.com/go/firestore", "(*DocumentRef).Set", "/go/pkg/mod/cloud.google.com/go/firestore@v1.16.0/docref.go", 157)
BQ_PUT = golib("cloud.google.com/go/bigquery", "(*Inserter).Put", "/go/pkg/mod/cloud.google.com/go/bigquery@v1.62.0/inserter.go", 150)
NIL = "runtime error: invalid memory address or nil pointer dereference"
DEADLINE = "rpc error: code = DeadlineExceeded desc = context deadline exceeded"

# The portal: Vue 2.7's runtime in chunk-vendors, the app's components in app or a lazy chunk.
VUE2 = "node_modules/vue/dist/vue.runtime.esm.js"
V2_CLICK = (
    js(VUE2, "HTMLButtonElement.invoker", 1858, 15, "chunk-vendors", lib=True),
    js(VUE2, "invokeWithErrorHandling", 1817, 26, "chunk-vendors", lib=True),
)
V2_RENDER = (
    js(VUE2, "Watcher.get", 3484, 25, "chunk-vendors", lib=True),
    js(VUE2, "VueComponent.updateComponent", 3960, 14, "chunk-vendors", lib=True),
    js(VUE2, "Vue._render", 2597, 22, "chunk-vendors", lib=True),
)

# Splunk: one saved search per platform; Datadog: one monitor per platform.
S_API = dict(search="GAE account-api - stderr and 5xx", owner="svc_gcp", app="nw_cloud", **SVC)
S_API_FIRST = dict(S_API, kind="first")
S_API_REQ = dict(S_API, kind="request")
S_API_WRAP = dict(S_API, kind="wrap")
S_FN = dict(search="Cloud Functions - severity ERROR", owner="svc_gcp", app="nw_cloud", **SVC)
S_FN_WRAP = dict(S_FN, kind="wrap")
TEAM = "billing"
DD_API = dict(monitor="[GAE] account-api error logs", team=TEAM, by="service", scope="service:account-api", filter="source:gcp.gae.app service:account-api status:error", format="lu-dd", text="Error logs on {{log.service}} above threshold ({{value}} in 5m).\n\n```\n{{log.message}}\n```")
DD_FN = dict(team=TEAM, by="function_name", filter="source:gcp.cloud.function status:error", format="lu-dd", monitor="[GCF] function error logs", text="Cloud Function errors: {{value}} in 5m.\n\nLatest: {{log.message}}")


def dd_fn(function: str) -> dict[str, object]:
    return dict(DD_FN, scope=f"function_name:{function}")


def ph(browser: str, chunk: str = "app", mechanism: str = "onerror", **kw: object) -> dict[str, object]:
    return dict(browser=browser, chunk=chunk, mechanism=mechanism, **kw)


BUGS = [
    # The same undefined unit rate read in the quote route and in the bill estimate: two places.
    Bug("lu-quote-unitrate", "account-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'unitRate')", (*EXPRESS, api("routes/quotes.js", "quoteHandler", 37, 28), api("lib/pricing.js", "priceFor", 18, 37, awaited=False))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_API), see("splunk", **S_API_FIRST), see("datadog.log", 2, **DD_API)),
        classes=(4,), pair="lu-bill-unitrate", entry="POST /v1/quotes", span=2),
    Bug("lu-bill-unitrate", "account-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'unitRate')", (*EXPRESS, api("routes/bills.js", "estimateHandler", 52, 24), api("lib/bills.js", "projectedCost", 71, 41, awaited=False))),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("splunk", **S_API_WRAP), see("datadog.log", 2, **DD_API)),
        classes=(4,), pair="lu-quote-unitrate", entry="GET /v1/accounts/{id}/bill-estimate"),
    # node-postgres unique violations on two tables.
    Bug("lu-reading-unique", "account-api", (Exc("error", 'duplicate key value violates unique constraint "meter_readings_meter_id_read_at_key"', (*PG_QUERY, api("routes/readings.js", "submitReading", 44, 5), api("db/readings.js", "insertReading", 23, 19))),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(4,), pair="lu-debit-unique", entry="POST /v1/readings"),
    Bug("lu-debit-unique", "account-api", (Exc("error", 'duplicate key value violates unique constraint "direct_debits_account_id_active_key"', (*PG_QUERY, api("routes/payments.js", "setupDirectDebit", 61, 5), api("db/payments.js", "createMandate", 38, 19))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_API), see("splunk", **S_API_REQ), see("datadog.log", **DD_API)),
        classes=(4,), pair="lu-reading-unique", entry="POST /v1/direct-debits"),
    # Two different bugs under the one API search and monitor: a missing template, a DCC timeout.
    Bug("lu-statement-template", "account-api", (Exc("Error", "ENOENT: no such file or directory, open '/workspace/templates/statement-{n}.hbs'", (nd("node:internal/fs/promises", "open", 639, 25, lib=True, awaited=True),)),),
        (see("sentry.error", 2), see("splunk", 2, **S_API), see("splunk", **S_API_FIRST), see("datadog.log", 2, **DD_API)),
        classes=(2,), pair="lu-dcc-timeout", entry="GET /v1/accounts/{id}/statements/{id}"),
    Bug("lu-dcc-timeout", "account-api", (Exc("TimeoutError", "The operation was aborted due to timeout", (NODE_TICKS, api("lib/dcc-client.js", "DccClient.request", 48, 17), api("routes/meters.js", "requestRead", 33, 24))),),
        (see("sentry.error", 3), see("splunk", 2, **S_API), see("splunk", **S_API_REQ), see("datadog.log", 2, **DD_API)),
        classes=(2,), pair="lu-statement-template", entry="POST /v1/meters/{id}/on-demand-read", span=2),
    # The same nil dereference in two functions.
    Bug("lu-fn-tariff-nil", "tariff-sync", (Exc("runtime.Error", NIL, (*EVENT_FN, fn("SyncTariffs", "sync.go", 41), fn("(*Tariff).standingCharge", "tariff.go", 88))),),
        (see("sentry.error", 3), see("splunk", 2, **S_FN, msg="panic in SyncTariffs"), see("datadog.log", 2, **dd_fn("tariff-sync"), msg="panic in SyncTariffs")),
        classes=(4,), pair="lu-fn-meter-nil", log="panic in SyncTariffs"),
    Bug("lu-fn-meter-nil", "meter-ingest", (Exc("runtime.Error", NIL, (*HTTP_FN, fn("IngestReadings", "ingest.go", 57), fn("(*Row).meterSerial", "rows.go", 33))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **S_FN, msg="panic in IngestReadings"), see("splunk", **S_FN_WRAP, msg="panic in IngestReadings"), see("datadog.log", 2, **dd_fn("meter-ingest"), msg="panic in IngestReadings")),
        classes=(4, 5), pair="lu-fn-tariff-nil", log="panic in IngestReadings", span=2, renames={"IngestReadings": "IngestMeterReadings"}),
    # DeadlineExceeded from Firestore in tariff-sync and from BigQuery in meter-ingest.
    Bug("lu-fn-firestore-deadline", "tariff-sync", (Exc("*status.Error", DEADLINE), Exc("*fmt.wrapError", f"save tariff {{n}}: {DEADLINE}", (*EVENT_FN, fn("SyncTariffs", "sync.go", 66), fn("saveTariff", "store.go", 29), FIRESTORE))),
        (see("sentry.error", 2), see("splunk", 2, **S_FN, msg="sync failed"), see("datadog.log", 2, **dd_fn("tariff-sync"), msg="sync failed")),
        classes=(4, 9), pair="lu-fn-bq-deadline", log="sync failed"),
    Bug("lu-fn-bq-deadline", "meter-ingest", (Exc("*status.Error", DEADLINE), Exc("*fmt.wrapError", f"insert {{n}} readings: {DEADLINE}", (*HTTP_FN, fn("IngestReadings", "ingest.go", 81), fn("writeBatch", "bq.go", 19), BQ_PUT))),
        (see("sentry.error", 3), see("splunk", 2, **S_FN, msg="ingest failed"), see("datadog.log", 2, **dd_fn("meter-ingest"), msg="ingest failed")),
        classes=(4, 9), pair="lu-fn-firestore-deadline", log="ingest failed"),
    # One function, two errors: a short CSV row and a bad timestamp in the same parser.
    Bug("lu-fn-csv-bounds", "meter-ingest", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*HTTP_FN, fn("IngestReadings", "ingest.go", 49), fn("parseRow", "rows.go", 17))),),
        (see("sentry.error", 3), see("splunk", 2, **S_FN, msg="panic in IngestReadings"), see("datadog.log", **dd_fn("meter-ingest"), msg="panic in IngestReadings")),
        classes=(4,), pair="lu-fn-csv-time", log="panic in IngestReadings"),
    Bug("lu-fn-csv-time", "meter-ingest", (Exc("*time.ParseError", 'parsing time "{date} 24:00" as "02/01/2006 15:04": hour out of range'), Exc("*fmt.wrapError", 'row {n}: parsing time "{date} 24:00" as "02/01/2006 15:04": hour out of range', (*HTTP_FN, fn("IngestReadings", "ingest.go", 49), fn("parseRow", "rows.go", 24)))),
        (see("sentry.error", 2), see("splunk", 3, **S_FN, msg="ingest failed"), see("datadog.log", 2, **dd_fn("meter-ingest"), msg="ingest failed")),
        classes=(4,), pair="lu-fn-csv-bounds", log="ingest failed"),
    # Not pairs.
    Bug("lu-fn-chromium-crash", "statement-render", (Exc("*errors.errorString", "chromedp: context canceled"), Exc("*fmt.wrapError", "print statement {uuid}: chromedp: context canceled", (*HTTP_FN, fn("RenderStatement", "render.go", 38), fn("printPDF", "pdf.go", 52)))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_FN, msg="render failed"), see("datadog.log", **dd_fn("statement-render"), msg="render failed")),
        log="render failed"),
    Bug("lu-fn-tariff-decode", "tariff-sync", (Exc("*json.SyntaxError", "invalid character '<' looking for beginning of value"), Exc("*fmt.wrapError", "decode tariff feed: invalid character '<' looking for beginning of value", (*EVENT_FN, fn("SyncTariffs", "sync.go", 33), fn("decodeFeed", "feed.go", 21)))),
        (see("sentry.error", 2), see("splunk", 2, **S_FN, msg="sync failed"), see("datadog.log", **dd_fn("tariff-sync"), msg="sync failed")),
        log="sync failed"),
    Bug("lu-pg-pool-exhausted", "account-api", (Exc("Error", "timeout exceeded when trying to connect", (NODE_TICKS, nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True), api("db/accounts.js", "findAccount", 12, 18), api("routes/accounts.js", "getAccount", 20, 21))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(5,), entry="GET /v1/accounts/{id}", span=3, renames={"getAccount": "getAccountSummary"}),
    # The portal.
    Bug("lu-portal-usage-kwh", "portal-web", (Exc("TypeError", frames=(*V2_RENDER, js("src/components/usage/UsageChart.vue", "VueComponent.chartData", 64, 31, "usage")), js=JsError("read-undefined", "day.reading", "kwh")),),
        (see("sentry.error", browser="chrome", chunk="usage", mechanism="vue"), see("sentry.error", browser="firefox", chunk="usage", mechanism="vue"), see("posthog", **ph("safari", "usage")), see("posthog", **ph("edge", "usage", resolved=True)), see("posthog", **ph("chrome", "usage"))),
        classes=(3,), page="/usage"),
    Bug("lu-portal-bill-date", "portal-web", (Exc("RangeError", "Invalid time value", (*V2_RENDER, js("src/views/Bills.vue", "VueComponent.periodLabel", 88, 19, "app"), js("src/utils/dates.js", "formatPeriod", 9, 12, "app")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="edge", mechanism="vue"), see("sentry.error", browser="safari", mechanism="vue"), see("posthog", **ph("firefox")), see("posthog", **ph("chrome", resolved=True))),
        classes=(3,), page="/bills"),
    Bug("lu-portal-topup-fn", "portal-web", (Exc("TypeError", frames=(*V2_CLICK, js("src/components/payments/TopUpForm.vue", "VueComponent.submit", 47, 22, "app")), js=JsError("not-function", "this.$stripe.confirmCardPayment", "", "(t,{payment_method:e})")),),
        (see("sentry.error", browser="chrome", mechanism="vue"), see("posthog", **ph("safari")), see("posthog", **ph("firefox")), see("posthog", **ph("chrome", release=1))),
        classes=(3,), page="/top-up", span=2),
    Bug("lu-singleton-fn-memory", "statement-render", (),
        (see("splunk", **S_FN, line='{"insertId":"66f1c2a9000b3e7d1a2c4f10","textPayload":"Memory limit of 512 MiB exceeded with 531 MiB used. Consider increasing the memory limit, see https://cloud.google.com/run/docs/configuring/memory-limits","resource":{"type":"cloud_run_revision","labels":{"service_name":"statement-render","location":"europe-west2","project_id":"northwold-energy-prod","configuration_name":"statement-render","revision_name":"statement-render-00043-qip"}},"timestamp":"2026-03-05T02:11:40.118263Z","severity":"ERROR","logName":"projects/northwold-energy-prod/logs/run.googleapis.com%2Fvarlog%2Fsystem","receiveTimestamp":"2026-03-05T02:11:40.402119Z"}'),),
        singleton=True),
]

NOISE = [
    Noise("lu-noise-deploy", "account-api", "datadog.event", {"monitor": "account-api deployed", "text": "Cloud Build finished: account-api version 2026-03-2 serving 100% of traffic.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("lu-noise-recovered", "meter-ingest", "datadog.log", {**DD_FN, "scope": "function_name:meter-ingest", "text": "[Recovered] Cloud Function errors back under threshold for meter-ingest.", "transition": "Recovered", "alert_type": "success"}),
    Noise("lu-noise-startup", "account-api", "splunk", {**S_API, "line": '{"insertId":"1b9x3kf1o2hq","textPayload":"Default STARTUP TCP probe succeeded after 1 attempt for container \\"worker\\" on port 8081.","resource":{"type":"gae_app","labels":{"module_id":"account-api","project_id":"northwold-energy-prod","version_id":"2026-03-2","zone":"europe-west2-1"}},"timestamp":"2026-03-04T07:00:12.401223Z","severity":"INFO","logName":"projects/northwold-energy-prod/logs/varlog%2Fsystem"}'}),
]

NORTHWOLD = Company(
    key="lu",
    name="Northwold Energy",
    domain="northwold.example",
    sentry_org="northwold-energy",
    splunk_url="https://splunk.northwold.example:8000",
    splunk_guid="3B8D2F61-A4C7-4E19-9D05-7F2E6A1C8B34",
    datadog_org=("1101001", "Northwold Energy"),
    datadog_template="recommended",
    posthog_project=(11010, "Northwold portal"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="northwold-sentry-client-secret",
)
# fmt: on
