"""(w) Brindle Energy, a gas and electricity supplier: a tariffs service on Play 2.9 and
Scala 2.13 (``tariffs``, OpenJDK 17; Play's production logback pattern, ``%date [%level] from
%logger in %thread - %message%n%xException``), a meter-read ingest on Akka HTTP 10.2
(``ingest``, OpenJDK 11, so lambda frames still print as ``$$Lambda$n/0x…``; logback's
``%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg``), a Go API gateway on Gin with
logrus' text formatter and Gin's Recovery middleware (``gateway``), and a Go settlement job
logging logrus JSON (``settlement``).

Sentry (sentry-java through its logback appender, sentry-go with sentrygin) sees every
service; Splunk indexes all four logs, and the platform team keeps a stats search of 5xx by
route; Datadog posts the team's camelCase template (``caption``, the markdown message as
``detail``, the monitor's own title, query and status). No PostHog: no front end of its own.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib, jexc, jl, sc, sclib

# The tables keep one frame or delivery per line.
# fmt: off
LOGBACK = ("sentry.java.logback", "7.14.0", "maven:io.sentry:sentry-logback")
SERVICES = {
    "tariffs": Service("tariffs", "java", "play", "brindle:tariffs", "/opt/docker/logs/application.log", "br_prod", 3390041, "OpenJDK 17.0.11", sdk=LOGBACK),
    "ingest": Service("ingest", "java", "logback-plain", "brindle:ingest", "/var/log/containers/ingest.log", "br_prod", 3390044, "OpenJDK 11.0.23", sdk=LOGBACK),
    "gateway": Service("gateway", "go", "logrus-text", "brindle:gateway", "/var/log/containers/gateway.log", "br_prod", 3390047, "go go1.22.5", framework="gin", sdk=("sentry.go", "0.28.1", "go:github.com/getsentry/sentry-go")),
    "settlement": Service("settlement", "go", "logrus-json", "brindle:settlement:json", "/var/log/containers/settlement.log", "br_prod", 3390050, "go go1.22.5", sdk=("sentry.go", "0.28.1", "go:github.com/getsentry/sentry-go")),
}

# --- Scala -------------------------------------------------------------------------------------

# A Play action's Future continuing on an Akka dispatcher (JDK 17: lambda frames hidden).
PLAY_FUTURE = (
    jl("java.util.concurrent.ForkJoinWorkerThread", "run", 165),
    jl("java.util.concurrent.ForkJoinPool", "runWorker", 1622),
    jl("java.util.concurrent.ForkJoinPool$WorkQueue", "topLevelExec", 1182),
    jl("java.util.concurrent.ForkJoinTask", "doExec", 387),
    sclib("akka.dispatch.ForkJoinExecutorConfigurator$AkkaForkJoinTask", "exec", 49, "ForkJoinExecutorConfigurator.scala"),
    sclib("akka.dispatch.TaskInvocation", "run", 48, "AbstractDispatcher.scala"),
    sclib("akka.dispatch.BatchingExecutor$BlockableBatch", "run", 94, "BatchingExecutor.scala"),
    sclib("scala.concurrent.BlockContext$", "withBlockContext", 94, "BlockContext.scala"),
    sclib("scala.runtime.java8.JFunction0$mcV$sp", "apply", 18, "JFunction0$mcV$sp.scala"),
    sclib("akka.dispatch.BatchingExecutor$BlockableBatch", "$anonfun$run$1", 94, "BatchingExecutor.scala"),
    sclib("akka.dispatch.BatchingExecutor$AbstractBatch", "processBatch", 63, "BatchingExecutor.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 470, "Promise.scala"),
)
NONE_GET = (sclib("scala.None$", "get", 626, "Option.scala"), sclib("scala.None$", "get", 627, "Option.scala"))

# Akka HTTP 10.2 on JDK 11: the route tree under the dispatcher, lambda frames visible.
AKKA_ROUTE = (
    jl("java.util.concurrent.ForkJoinWorkerThread", "run", 183),
    jl("java.util.concurrent.ForkJoinPool", "runWorker", 1594),
    jl("java.util.concurrent.ForkJoinPool", "scan", 1656),
    jl("java.util.concurrent.ForkJoinTask", "doExec", 290),
    sclib("akka.dispatch.ForkJoinExecutorConfigurator$AkkaForkJoinTask", "exec", 48, "ForkJoinExecutorConfigurator.scala"),
    sclib("akka.dispatch.TaskInvocation", "run", 47, "AbstractDispatcher.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 470, "Promise.scala"),
    sclib("akka.http.scaladsl.util.FastFuture$", "$anonfun$transformWith$1", 59, "FastFuture.scala"),
    sclib("akka.http.scaladsl.server.directives.ExecutionDirectives", "$anonfun$handleExceptions$2", 49, "ExecutionDirectives.scala"),
    sclib("akka.http.scaladsl.server.RouteConcatenation$RouteWithConcatenation", "$anonfun$$tilde$2", 47, "RouteConcatenation.scala"),
    sclib("akka.http.scaladsl.server.directives.BasicDirectives", "$anonfun$textract$2", 161, "BasicDirectives.scala"),
    sclib("akka.http.scaladsl.server.Directive$", "$anonfun$addByNameNullaryApply$2", 166, "Directive.scala"),
)
AKKA_FAILED = "Error during processing of request: '{msg}'. Completing with 500 Internal Server Error response. To change default exception handling behavior, provide a custom ExceptionHandler."
AKKA_LOG = dict(logger="akka.actor.ActorSystemImpl")
INGEST_THREAD = "ingest-akka.actor.default-dispatcher-{idx}"
PARSE_DOUBLE = (
    sclib("scala.collection.StringOps$", "toDouble$extension", 954, "StringOps.scala"),
    jl("java.lang.Double", "parseDouble", 549),
    jl("jdk.internal.math.FloatingDecimal", "parseDouble", 110),
    jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054),
)


def tq(cls: str, method: str, line: int) -> Frame:
    return sc(cls, method, line)


def ig(cls: str, method: str, line: int) -> Frame:
    return sc("com.brindle.ingest." + cls, method, line)


# --- Go ----------------------------------------------------------------------------------------

GW = "github.com/brindle-energy/gateway"
GIN = "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/"
SENTRYGIN = "/go/pkg/mod/github.com/getsentry/sentry-go/gin@v0.28.1/"
GIN_HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
    golib("github.com/gin-gonic/gin", "(*Engine).ServeHTTP", GIN + "gin.go", 589),
    golib("github.com/gin-gonic/gin", "(*Engine).handleHTTPRequest", GIN + "gin.go", 633),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/gin-gonic/gin", "CustomRecoveryWithWriter.func1", GIN + "recovery.go", 102),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/gin-gonic/gin", "LoggerWithConfig.func1", GIN + "logger.go", 249),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/getsentry/sentry-go/gin", "(*handler).handle", SENTRYGIN + "sentrygin.go", 73),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
)
ST = "github.com/brindle-energy/settlement"


def gw(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go(f"{GW}/internal/{pkg}", fn, f"/src/internal/{file}", line)


def st(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go(f"{ST}/internal/{pkg}", fn, f"/src/internal/{file}", line)


NIL = "runtime error: invalid memory address or nil pointer dereference"
# The job captures and logs every failure where Run sees it, so both stacks end there.
SETTLE_RUN = (go("main", "main", "/src/cmd/settle/main.go", 44), st("settle", "(*Runner).Run", "settle/runner.go", 74))
SETTLE_LOGGER = f"{ST}/internal/settle.(*Runner).Run /src/internal/settle/runner.go:75"
TEAM = "platform"
GATEWAY_LOGS = dict(team=TEAM, monitor="gateway error logs", filter="service:gateway status:error", style="error")

BUGS = [
    # Play: None.get in two controllers (the same trace text below the app's frames); the
    # first over two releases, in which scalac renumbered the action's closure.
    Bug("br-quote-none-get", "tariffs", (jexc("java.util.NoSuchElementException", "None.get", (*PLAY_FUTURE, tq("controllers.QuoteController", "$anonfun$create$2", 48), tq("services.TariffBook", "rateFor", 77), *NONE_GET)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 3), see("datadog.apm", style="type", team=TEAM, monitor="tariffs error spans by type")),
        classes=(1, 4), pair="br-renewal-none-get", entry="POST /quotes", span=2, renames={"$anonfun$create$2": "$anonfun$create$3"}),
    Bug("br-renewal-none-get", "tariffs", (jexc("java.util.NoSuchElementException", "None.get", (*PLAY_FUTURE, tq("controllers.RenewalController", "$anonfun$offer$1", 33), tq("services.RenewalPricer", "price", 52), *NONE_GET)),),
        (see("sentry.error", 2), see("splunk", 2), see("sentry.issue", action="resolved")),
        classes=(4,), pair="br-quote-none-get", entry="GET /accounts/{account_id}/renewal-offer"),
    # A MatchError whose message prints the unmatched value (ids vary).
    Bug("br-supply-match", "tariffs", (jexc("scala.MatchError", "Dual(Electricity(MPAN({id}),Some(EconomySeven)),Gas(MPRN({id2}))) (of class models.Supply$Dual)", (*PLAY_FUTURE, tq("controllers.StandingChargeController", "$anonfun$daily$1", 27), tq("services.StandingCharges", "dailyFor", 41))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team=TEAM, monitor="tariffs errors", filter="service:tariffs status:error", text="tariffs is logging errors.\n\n```\n{{log.message}}\n```")),
        classes=(2, 4), entry="GET /standing-charges/{account_id}"),
    # Akka HTTP: the same NumberFormatException text from two parsers (a comma as decimal
    # separator); the default exception handler's line quotes the message.
    Bug("br-ingest-reading-comma", "ingest", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}"', (*AKKA_ROUTE, ig("MeterRoutes$$Lambda$1873/0x0000000840a2b040", "apply", -1), ig("MeterRoutes", "$anonfun$routes$5", 58), ig("ReadingParser$", "parse", 31), *PARSE_DOUBLE)),),
        (see("sentry.error", 2, in_app="none"), see("sentry.alert", rule="New issue in ingest"), see("splunk", 3, thread=INGEST_THREAD), see("datadog.log", team=TEAM, monitor="ingest errors", filter="service:ingest status:error", thread=INGEST_THREAD, text="ingest logged: {{log.message}}")),
        classes=(2, 4, 10), pair="br-ingest-register-comma", log=AKKA_FAILED.replace("{msg}", 'For input string: "{n},{idx}"'), entry="POST /v1/readings", **AKKA_LOG),
    Bug("br-ingest-register-comma", "ingest", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}"', (*AKKA_ROUTE, ig("RegisterRoutes$$Lambda$1911/0x0000000840a4e840", "apply", -1), ig("RegisterRoutes", "$anonfun$routes$9", 74), ig("RegisterReadParser$", "registerValue", 22), *PARSE_DOUBLE)),),
        (see("sentry.error", 2, in_app="none"), see("splunk", 2, thread=INGEST_THREAD), see("datadog.log", team=TEAM, monitor="ingest errors", filter="service:ingest status:error", thread=INGEST_THREAD, text="ingest logged: {{log.message}}")),
        classes=(2, 4, 10), pair="br-ingest-reading-comma", log=AKKA_FAILED.replace("{msg}", 'For input string: "{n},{idx}"'), entry="POST /v1/registers", **AKKA_LOG),
    # An ask to a meter shard timing out: Akka's scheduler frames only, no application frame.
    Bug("br-ingest-ask-timeout", "ingest", (jexc("akka.pattern.AskTimeoutException", "Ask timed out on [Actor[akka://ingest/system/sharding/meter/{part}/MPAN-{id}#{port}]] after [5000 ms]. Message of type [com.brindle.ingest.MeterEntity$Record]. A typical reason for `AskTimeoutException` is that the recipient actor didn't send a reply.", (jl("java.lang.Thread", "run", 829), sclib("akka.actor.LightArrayRevolverScheduler$$anon$3", "run", 273, "LightArrayRevolverScheduler.scala"), sclib("akka.actor.LightArrayRevolverScheduler$$anon$3", "executeBucket$1", 322, "LightArrayRevolverScheduler.scala"), sclib("akka.actor.LightArrayRevolverScheduler$TaskHolder", "executeTask", 334, "LightArrayRevolverScheduler.scala"), sclib("akka.actor.Scheduler$$anon$7", "run", 156, "Scheduler.scala"), sclib("akka.pattern.PromiseActorRef$", "$anonfun$defaultOnTimeout$1", 723, "AskSupport.scala"))),),
        (see("sentry.error", 2), see("splunk", 2, thread=INGEST_THREAD), see("datadog.apm", style="type", team=TEAM, monitor="ingest error spans by type")),
        classes=(2, 4, 10), log=AKKA_FAILED.replace("{msg}", "Ask timed out on [Actor[akka://ingest/system/sharding/meter/{part}/MPAN-{id}#{port}]] after [5000 ms]. Message of type [com.brindle.ingest.MeterEntity$Record]. A typical reason for `AskTimeoutException` is that the recipient actor didn't send a reply."), entry="POST /v1/readings", **AKKA_LOG),
    # Gin: the same nil-pointer panic in two handlers; Recovery prints only file:line (no
    # sources in the image). The first handler is renamed in the second release.
    Bug("br-gin-quote-nil", "gateway", (Exc("runtime.errorString", NIL, (*GIN_HTTP, gw("handlers", "(*Quotes).Create", "handlers/quotes.go", 57), gw("pricing", "(*Client).Estimate", "pricing/client.go", 88))),),
        (see("sentry.error", 3), see("splunk", 3, format="gin-recovery", search="gateway - panics"), see("splunk", search="gateway - 5xx by route (15 min)", stats={"route": "/v1/quotes", "method": "POST", "status": "500", "count": "{n}"}), see("datadog.log", team=TEAM, monitor="gateway panics", filter="service:gateway \"panic recovered\"", format="gin-recovery", text="Gin recovered a panic:\n\n{{log.message}}")),
        classes=(1, 4, 5), pair="br-gin-meter-nil", entry="POST /v1/quotes", span=2, renames={"(*Quotes).Create": "(*Quotes).CreateQuote"}),
    Bug("br-gin-meter-nil", "gateway", (Exc("runtime.errorString", NIL, (*GIN_HTTP, gw("handlers", "(*Meters).Register", "handlers/meters.go", 41), gw("registry", "(*Client).Lookup", "registry/client.go", 63))),),
        (see("sentry.error", 2), see("splunk", 2, format="gin-recovery", search="gateway - panics"), see("splunk", search="gateway - 5xx by route (15 min)", stats={"route": "/v1/meters", "method": "POST", "status": "500", "count": "{n}"}), see("datadog.log", team=TEAM, monitor="gateway panics", filter="service:gateway \"panic recovered\"", format="gin-recovery", text="Gin recovered a panic:\n\n{{log.message}}")),
        classes=(1, 4), pair="br-gin-quote-nil", entry="POST /v1/meters"),
    # One logrus message for two different failures of the same upstream call: a timeout and
    # a body that no longer decodes. Sentry takes the stack where the handler captures.
    Bug("br-gw-quote-timeout", "gateway", (Exc("*http.httpError", "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"), Exc("*url.Error", 'Post "http://tariffs:9000/quotes": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), Exc("*fmt.wrapError", 'estimate: Post "http://tariffs:9000/quotes": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*GIN_HTTP, gw("handlers", "(*Quotes).Preview", "handlers/quotes.go", 96)))),
        (see("sentry.error", 2), see("splunk", 3, status=504), see("datadog.log", **GATEWAY_LOGS)),
        classes=(1, 4), pair="br-gw-quote-decode", log="quote upstream failed", logger=f"{GW}/internal/handlers.(*Quotes).Preview /src/internal/handlers/quotes.go:99", entry="POST /v1/quotes/preview"),
    Bug("br-gw-quote-decode", "gateway", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Estimate.unit_rate of type float64"), Exc("*fmt.wrapError", "estimate: decode: json: cannot unmarshal string into Go struct field Estimate.unit_rate of type float64", (*GIN_HTTP, gw("handlers", "(*Quotes).Preview", "handlers/quotes.go", 96)))),
        (see("sentry.error", 2), see("splunk", 2, status=502), see("datadog.log", **GATEWAY_LOGS)),
        classes=(4,), pair="br-gw-quote-timeout", log="quote upstream failed", logger=f"{GW}/internal/handlers.(*Quotes).Preview /src/internal/handlers/quotes.go:99", entry="POST /v1/quotes/preview"),
    # The settlement job: unique violations on two tables (the constraint is the bug).
    Bug("br-settle-run-dup", "settlement", (Exc("*pq.Error", 'pq: duplicate key value violates unique constraint "settlement_runs_period_key"'), Exc("*fmt.wrapError", 'insert run {week}: pq: duplicate key value violates unique constraint "settlement_runs_period_key"', SETTLE_RUN)),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="billing", monitor="settlement errors", filter="service:settlement status:error", style="error")),
        classes=(2, 4), pair="br-settle-line-dup", log="settlement run failed", logger=SETTLE_LOGGER, entry="settle"),
    Bug("br-settle-line-dup", "settlement", (Exc("*pq.Error", 'pq: duplicate key value violates unique constraint "settlement_lines_mpan_period_key"'), Exc("*fmt.wrapError", 'insert line MPAN {id}: pq: duplicate key value violates unique constraint "settlement_lines_mpan_period_key"', SETTLE_RUN)),
        (see("sentry.error", 2), see("splunk", 3), see("datadog.log", team="billing", monitor="settlement errors", filter="service:settlement status:error", style="error")),
        classes=(2, 4), pair="br-settle-run-dup", log="settlement run failed", logger=SETTLE_LOGGER, entry="settle"),
    # Play JSON reading an admin form where a rate came in as a string.
    Bug("br-admin-jsresult", "tariffs", (jexc("play.api.libs.json.JsResultException", "JsResultException(errors:List((/unitRate,List(JsonValidationError(List(error.expected.jsnumber),List())))))", (*PLAY_FUTURE, tq("controllers.TariffAdminController", "$anonfun$update$1", 61), sclib("play.api.libs.json.JsValue", "as", 69, "JsValue.scala"), sclib("play.api.libs.json.JsValue", "as$", 68, "JsValue.scala"), sclib("play.api.libs.json.JsReadable", "$anonfun$as$2", 34, "JsReadable.scala"))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="route", team=TEAM, monitor="tariffs error rate by route")),
        classes=(4,), entry="PUT /admin/tariffs/{tariff_id}"),
    # The settlement job missing its tariff file: logged and captured where Run sees it, like
    # the two unique violations.
    Bug("br-settle-tariff-file", "settlement", (Exc("*fs.PathError", "open /data/tariffs/{week}.csv: no such file or directory"), Exc("*fmt.wrapError", "load tariffs: open /data/tariffs/{week}.csv: no such file or directory", SETTLE_RUN)),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="billing", monitor="settlement errors", filter="service:settlement status:error", style="error")),
        classes=(2, 4), log="settlement run failed", logger=SETTLE_LOGGER, entry="settle"),
    # An oversized upload to the ingest, seen once.
    Bug("br-ingest-entity-size", "ingest", (jexc("akka.http.scaladsl.model.EntityStreamSizeException", "EntityStreamSizeException: incoming entity size ({n}481233) exceeded size limit (8388608 bytes)! This may have been a parser limit (set via `akka.http.[server|client].parsing.max-content-length`), a decoder limit (set via `akka.http.routing.decode-max-size`), or a custom limit set with `withSizeLimit`.", (*AKKA_ROUTE, ig("BulkRoutes", "$anonfun$routes$2", 39), sclib("akka.http.scaladsl.unmarshalling.Unmarshaller$", "$anonfun$strict$1", 64, "Unmarshaller.scala"))),),
        (see("sentry.error", in_app="none"),), classes=(2,), entry="POST /v1/readings/bulk", singleton=True),
    # Problems that name no bug: the Play JVM's heap, Kafka consumer lag on the ingest topic.
    Bug("br-tariffs-heap", "tariffs", (),
        (see("datadog.metric", 2, team=TEAM, monitor="tariffs JVM old gen over 90%", scope="service:tariffs", metric="jvm.heap_memory", query="avg(last_5m):avg:jvm.heap_memory{service:tariffs} / avg:jvm.heap_memory_max{service:tariffs} > 0.9", status="jvm.heap_memory over service:tariffs was > 0.9 on average during the last 5m", text="Heap at 9{idx}% of max on tariffs; GC pauses are climbing."),),
        classes=(8,)),
    Bug("br-ingest-lag", "ingest", (),
        (see("datadog.metric", 2, team=TEAM, monitor="meter-reads consumer lag", scope="consumer_group:ingest,topic:meter-reads", metric="kafka.consumer_lag", query="max(last_10m):max:kafka.consumer_lag{consumer_group:ingest,topic:meter-reads} > 50000", status="kafka.consumer_lag over consumer_group:ingest,topic:meter-reads was > 50000.0 during the last 10m", text="ingest is {n}k messages behind on meter-reads."),),
        classes=(8,)),
]

NOISE = [
    Noise("br-noise-deploy", "tariffs", "datadog.event", {"monitor": "Deployed tariffs 1.42.0", "text": "Helm upgraded tariffs to 1.42.0.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("br-noise-play-start", "tariffs", "splunk", {"search": "tariffs - errors", "line": "{gts},{millis} [INFO] from play.api.Play in main - Application started (Prod) (no global state)"}),
    Noise("br-noise-settle-done", "settlement", "splunk", {"search": "settlement - errors", "line": '{"level":"info","msg":"settlement run finished","period":"{week}","time":"{ts}"}'}),
]

BRINDLE = Company(
    key="w",
    name="Brindle Energy",
    domain="brindle.example",
    sentry_org="brindle-energy",
    splunk_url="https://brindle.splunkcloud.com",
    splunk_guid="A0C3E61B-94D2-4B7E-8F05-2C6B19D7E4A3",
    datadog_org=("604417", "Brindle Energy"),
    datadog_template="brindle",
    posthog_project=(0, ""),
    releases=("1.41.0", "1.42.0", "1.43.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="brindle-sentry-client-secret",
)
# fmt: on
