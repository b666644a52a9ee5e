"""(fq) Jervaulx Rail, seat reservations for a regional rail operator: Java 21 services on
Vert.x 4.5 (``seats-svc``: a Vert.x Web router over the reactive PG client, seat maps and
holds; ``fares-svc``: fare quotes with a Vert.x ``WebClient`` to the pricing engine and an
event-bus consumer for ticket issuing).

No logging backend on the classpath, so Vert.x logs through JUL's ``SimpleFormatter``
(``fq-vertx-jul``): the two-line head (``Mar 02, 2026 7:14:09 AM <class> <method>`` then
``SEVERE: <message>``) and the trace; Vert.x Web's ``Unhandled exception in router`` for
handlers that threw, the context's ``Unhandled exception`` for event-bus and timer
callbacks, Netty's tail-of-pipeline WARNING, and the team's own ``LOG.log(SEVERE, ...)``
in failure handlers. Sentry: sentry-java (plain ``io.sentry:sentry``) with
``in-app-includes=rail.jervaulx``. Datadog: dd-java-agent APM (Vert.x integration) and log
monitors, the recommended template. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Noise, Service, see
from ..stacks import jexc, jl, jv

# fmt: off
SENTRY_SDK = ("sentry.java", "7.14.0", "maven:io.sentry:sentry")
SERVICES = {
    "seats-svc": Service("seats-svc", "java", "fq-vertx-jul", "kube:container:seats-svc", "/var/log/containers/seats-svc.log", "fq_prod", 8830442, "OpenJDK 21.0.5", framework="vertx", sdk=SENTRY_SDK),
    "fares-svc": Service("fares-svc", "java", "fq-vertx-jul", "kube:container:fares-svc", "/var/log/containers/fares-svc.log", "fq_prod", 8830447, "OpenJDK 21.0.5", framework="vertx", sdk=SENTRY_SDK),
}

# A Vert.x Web route on the event loop (oldest first).
ROUTER = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.vertx.core.http.impl.Http1xServerConnection", "handleMessage", 160),
    jl("io.vertx.core.http.impl.Http1xServerRequest", "handleEnd", 632),
    jl("io.vertx.ext.web.impl.RouterImpl", "handle", 38),
    jl("io.vertx.ext.web.impl.RoutingContextImpl", "next", 139),
    jl("io.vertx.ext.web.impl.RoutingContextImplBase", "iterateNext", 184),
    jl("io.vertx.ext.web.impl.RouteState", "handleContext", 1285),
    jl("io.vertx.ext.web.handler.impl.BodyHandlerImpl", "handle", 99),
)
# A reactive PG client callback resolving a Future (oldest first).
PGCB = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.vertx.sqlclient.impl.QueryResultBuilder", "tryComplete", 114),
    jl("io.vertx.core.impl.future.FutureImpl$4", "onSuccess", 176),
    jl("io.vertx.core.impl.future.FutureBase", "emitSuccess", 60),
)
EVENTBUS = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.vertx.core.impl.ContextImpl", "emit", 342),
    jl("io.vertx.core.eventbus.impl.HandlerRegistration", "dispatch", 153),
    jl("io.vertx.core.eventbus.impl.MessageConsumerImpl", "dispatch", 164),
)
APP = "rail.jervaulx."
PGX = "io.vertx.pgclient.PgException"
SEARCH = {"search": "jervaulx vertx severe", "app": "jervaulx"}
CTX = {"search": "jervaulx vertx severe", "app": "jervaulx", "kind": "context"}
TEAM = {"search": "jervaulx vertx severe", "app": "jervaulx", "kind": "team"}
NETTY = {"search": "jervaulx netty warnings", "app": "jervaulx", "kind": "netty"}
LOG = dict(team="rail", monitor="[rail] SEVERE in vertx services", filter="source:java status:error", style="error")
APM = dict(team="rail", monitor="[rail] vertx.http.request errors by type", style="type")

HOLD = jv(APP + "seats.HoldHandler", "handle", 52)
MAP = jv(APP + "seats.SeatMapHandler", "handle", 37)
QUOTE = jv(APP + "fares.QuoteHandler", "handle", 44)
ISSUE = jv(APP + "fares.IssueConsumer", "handle", 61)

BUGS = [
    # One unique constraint from two handlers: a seat hold and a ticket issue both insert seat_holds.
    Bug("fq-hold-dup", "seats-svc", (jexc(PGX, 'ERROR: duplicate key value violates unique constraint "seat_holds_service_seat_key" (23505)', (*PGCB, jv(APP + "seats.HoldRepository", "lambda$insert$2", 71), HOLD)),),
        (see("sentry.error", 3), see("splunk", 2, **TEAM), see("datadog.log", **LOG)),
        classes=(4,), pair="fq-issue-dup", entry="POST /services/{n}/holds", log="hold failed for seat {idx}A"),
    Bug("fq-issue-dup", "fares-svc", (jexc(PGX, 'ERROR: duplicate key value violates unique constraint "seat_holds_service_seat_key" (23505)', (*EVENTBUS, ISSUE, jv(APP + "fares.TicketRepository", "lambda$reserveSeat$4", 93))),),
        (see("sentry.error", 2), see("splunk", 3, **CTX), see("datadog.apm", **APM)),
        classes=(4,), pair="fq-hold-dup", entry="tickets.issue"),
    # NullPointerException (helpful NPE messages) from two handlers reading a JsonObject.
    Bug("fq-map-npe", "seats-svc", (jexc("java.lang.NullPointerException", 'Cannot invoke "io.vertx.core.json.JsonObject.getString(String)" because the return value of "io.vertx.core.json.JsonObject.getJsonObject(String)" is null', (*ROUTER, MAP, jv(APP + "seats.SeatMapHandler", "coachOf", 88))),),
        (see("sentry.error", 3), see("splunk", 3, **SEARCH), see("datadog.apm", **APM)),
        classes=(2,), pair="fq-quote-npe", entry="GET /services/{n}/seatmap"),
    Bug("fq-quote-npe", "fares-svc", (jexc("java.lang.NullPointerException", 'Cannot invoke "io.vertx.core.json.JsonObject.getString(String)" because the return value of "io.vertx.core.json.JsonObject.getJsonObject(String)" is null', (*ROUTER, QUOTE, jv(APP + "fares.QuoteHandler", "railcardOf", 119))),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH), see("datadog.log", **LOG)),
        classes=(2,), pair="fq-map-npe", entry="POST /quotes"),
    # Blocked / timed-out pricing calls: WebClient timeout vs event-bus reply timeout.
    Bug("fq-pricing-timeout", "fares-svc", (jexc("io.netty.channel.ConnectTimeoutException", "connection timed out after 5000 ms: pricing.rail.svc/10.{idx}.3.18:8443", (jl("io.vertx.core.net.impl.ChannelProvider", "lambda$handleConnect$0", 147),)), jexc("io.vertx.core.VertxException", "io.netty.channel.ConnectTimeoutException: connection timed out after 5000 ms: pricing.rail.svc/10.{idx}.3.18:8443", (*ROUTER, QUOTE, jv(APP + "fares.PricingClient", "price", 58)))),
        (see("sentry.error", 3), see("splunk", 2, **TEAM), see("datadog.log", **LOG)),
        classes=(9,), pair="fq-issue-reply-timeout", entry="POST /quotes", log="pricing call failed"),
    Bug("fq-issue-reply-timeout", "seats-svc", (jexc("io.vertx.core.eventbus.ReplyException", "Timed out after waiting 30000(ms) for a reply. address: __vertx.reply.{n}, repliedAddress: tickets.issue", (*ROUTER, jv(APP + "seats.ConfirmHandler", "handle", 49), jv(APP + "seats.ConfirmHandler", "lambda$handle$1", 66))),),
        (see("sentry.error", 2), see("splunk", 3, **TEAM), see("datadog.apm", **APM)),
        classes=(9,), pair="fq-pricing-timeout", entry="POST /holds/{uuid}/confirm", log="confirm failed"),
    # DecodeException of two bodies (Jackson under Vert.x's Json).
    Bug("fq-hold-body", "seats-svc", (jexc("io.vertx.core.json.DecodeException", "Failed to decode:Unexpected character ('}' (code 125)): was expecting double-quote to start field name\n at [Source: (String)\"{\"seat\":\"{idx}A\",}\"; line: 1, column: 1{idx}]", (*ROUTER, HOLD, jl("io.vertx.ext.web.impl.RequestBodyImpl", "asJsonObject", 97))),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH)),
        classes=(5,), pair="fq-quote-body", entry="POST /services/{n}/holds"),
    Bug("fq-quote-body", "fares-svc", (jexc("io.vertx.core.json.DecodeException", "Failed to decode:Unrecognized token 'undefined': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", (*ROUTER, QUOTE, jl("io.vertx.ext.web.impl.RequestBodyImpl", "asJsonObject", 97))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **LOG)),
        classes=(5,), pair="fq-hold-body", entry="POST /quotes"),
    # JsonArray index errors in two timer callbacks, ending in the same JsonArray frames.
    Bug("fq-coach-index", "seats-svc", (jexc("java.lang.IndexOutOfBoundsException", "Index {idx} out of bounds for length {idx}", (*EVENTBUS, jv(APP + "seats.CoachRefresh", "lambda$start$0", 42), jv(APP + "seats.CoachRefresh", "apply", 77), jl("io.vertx.core.json.JsonArray", "getJsonObject", 220), jl("java.util.ArrayList", "get", 427))),),
        (see("sentry.error", 2), see("splunk", 3, **CTX), see("datadog.log", **LOG)),
        classes=(3,), pair="fq-fare-index", entry="coach-refresh"),
    Bug("fq-fare-index", "fares-svc", (jexc("java.lang.IndexOutOfBoundsException", "Index {idx} out of bounds for length {idx}", (*EVENTBUS, jv(APP + "fares.FareTableReload", "lambda$start$1", 35), jv(APP + "fares.FareTableReload", "zones", 102), jl("io.vertx.core.json.JsonArray", "getJsonObject", 220), jl("java.util.ArrayList", "get", 427))),),
        (see("sentry.error", 3), see("splunk", 2, **CTX), see("datadog.apm", **APM)),
        classes=(3,), pair="fq-coach-index", entry="fare-reload"),
    # Not pairs.
    Bug("fq-pool-closed", "seats-svc", (jexc("io.vertx.core.impl.NoStackTraceThrowable", "Pool closed", ()),),
        (see("splunk", 3, source="rail.jervaulx.seats.SeatMapRepository lambda$byService$3", **TEAM), see("datadog.log", 2, **LOG)),
        classes=(10,), entry="GET /services/{n}/seatmap", log="seat map query failed"),
    Bug("fq-netty-reset", "seats-svc", (jexc("java.net.SocketException", "Connection reset", (jl("io.netty.channel.nio.NioEventLoop", "run", 569), jl("io.netty.channel.nio.AbstractNioByteChannel$NioByteUnsafe", "read", 151), jl("sun.nio.ch.SocketDispatcher", "read0", -2))),),
        (see("splunk", 3, **NETTY),),
        classes=(10,)),
    Bug("fq-illegal-state", "fares-svc", (jexc("java.lang.IllegalStateException", "Response has already been written", (*ROUTER, QUOTE, jl("io.vertx.core.http.impl.Http1xServerResponse", "checkValid", 700))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.apm", **APM)),
        classes=(6,), entry="POST /quotes", span=2),
    Bug("fq-railcard-singleton", "fares-svc", (jexc("java.lang.IllegalArgumentException", "No enum constant rail.jervaulx.fares.Railcard.TWO_TOGETHER_PLUS", (*ROUTER, QUOTE, jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /quotes"),
    Bug("fq-blocked-thread", "seats-svc", (),
        (see("splunk", 3, search="jervaulx vertx warnings", app="jervaulx", line="Mar 02, 2026 7:{n}:{n} AM io.vertx.core.impl.BlockedThreadChecker\nWARNING: Thread Thread[vert.x-eventloop-thread-{idx},5,main] has been blocked for {ms} ms, time limit is 2000 ms"), see("datadog.log", 2, team="rail", monitor="[rail] blocked event loop", filter="source:java status:warn", text="Thread Thread[vert.x-eventloop-thread-{idx},5,main] has been blocked for {ms} ms, time limit is 2000 ms")),
        classes=(7,)),
]

NOISE = [
    Noise("fq-noise-deploy", "fares-svc", "datadog.event", {"monitor": "Deploy", "text": "fares-svc 2026.3.2 deployed to rail-prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fq-noise-verticle", "seats-svc", "splunk", {"search": "jervaulx vertx severe", "line": "Mar 02, 2026 6:00:04 AM io.vertx.core.impl.launcher.commands.VertxIsolatedDeployer\nINFO: Succeeded in deploying verticle"}),
    Noise("fq-noise-recovered", "seats-svc", "datadog.log", {"monitor": "[rail] SEVERE in vertx services", "text": "Recovered: SEVERE logs back under the threshold.", "transition": "Recovered", "alert_type": "success"}),
]

JERVAULX = Company(
    key="fq",
    name="Jervaulx Rail",
    domain="jervaulx-rail.example",
    sentry_org="jervaulx",
    splunk_url="https://jervaulx.splunkcloud.com",
    splunk_guid="1F6B3D82-9A4C-4E17-8B5D-2C7E0A93F615",
    datadog_org=("724418", "Jervaulx Rail"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jervaulx-sentry-client-secret",
)
# fmt: on
