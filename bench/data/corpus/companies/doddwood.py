"""(dt) Dodd Wood Haulage, timber haulage dispatch for forestry contractors: a Vert.x 4.5
service on OpenJDK 21 with Vert.x Web and the reactive PostgreSQL client (``haulage-api``),
and a Kafka consumer verticle writing lorry telematics (``telematics-consumer``); VMs.

Vert.x logs through java.util.logging (no SLF4J on the class path): the default
``SimpleFormatter``'s two-line records in ``/var/log/haulage/*.log``; the two newer VMs set a
one-line ``SimpleFormatter.format``. Vert.x's own ``JULLogDelegate`` clears the source class,
so its records name the logger; the app's ``LOG.log(Level.SEVERE, msg, err)`` in a
``onFailure`` lambda names ``Class lambda$method$n``. Reactive PostgreSQL errors carry only the
client's decoder frames, WebClient timeouts no stack at all. Sentry: sentry-jul's handler.
Splunk indexes the files; Datadog log monitors (its default payload) paste a sample.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.jul", "7.16.0", "maven:io.sentry:sentry-jul")
SERVICES = {
    "haulage-api": Service("haulage-api", "java", "dt-jul-simple", "doddwood:jul", "/var/log/haulage/haulage-api.0.log", "doddwood_apps", 4410061, "OpenJDK 21.0.5", framework="", sdk=SDK),
    "telematics-consumer": Service("telematics-consumer", "java", "dt-jul-simple", "doddwood:jul", "/var/log/haulage/telematics.0.log", "doddwood_apps", 4410064, "OpenJDK 21.0.5", framework="", sdk=SDK),
}

NETTY = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.netty.channel.nio.NioEventLoop", "processSelectedKeys", 499),
    jl("io.netty.channel.nio.AbstractNioByteChannel$NioByteUnsafe", "read", 166),
)
WEB = (
    *NETTY,
    jl("io.vertx.core.net.impl.ConnectionBase", "read", 159),
    jl("io.vertx.core.http.impl.Http1xServerConnection", "handleMessage", 145),
    jl("io.vertx.core.impl.ContextImpl", "execute", 287),
    jl("io.vertx.core.http.impl.Http1xServerRequestHandler", "handle", 67),
    jl("io.vertx.ext.web.impl.RouterImpl", "handle", 68),
    jl("io.vertx.ext.web.impl.RoutingContextImpl", "next", 141),
    jl("io.vertx.ext.web.impl.RoutingContextImplBase", "iterateNext", 177),
    jl("io.vertx.ext.web.impl.RouteState", "handleContext", 1284),
)
CONSUMER = (
    *NETTY[:4],
    jl("io.vertx.core.impl.ContextImpl", "lambda$executeBlocking$1", 193),
    jl("io.vertx.kafka.client.consumer.impl.KafkaReadStreamImpl", "run", 241),
    jl("io.vertx.kafka.client.consumer.impl.KafkaConsumerImpl", "lambda$handler$1", 108),
)
PG = (
    jl("io.vertx.core.net.impl.ConnectionBase", "read", 159),
    jl("io.vertx.pgclient.impl.codec.PgDecoder", "channelRead", 104),
    jl("io.vertx.pgclient.impl.codec.PgDecoder", "decodeError", 246),
    jl("io.vertx.pgclient.impl.codec.QueryCommandBaseCodec", "handleErrorResponse", 57),
    jl("io.vertx.pgclient.impl.codec.ErrorResponse", "toException", 31),
)
API = {"search": "haulage-api SEVERE"}
TELE = {"search": "telematics SEVERE"}
NEW = {"format": "dt-jul-oneline"}
MON = {"style": "sample", "monitor": "haulage JUL SEVERE"}
NPE_LOAD = 'Cannot invoke "com.doddwood.haulage.model.Load.getSiteId()" because "load" is null'


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*WEB, *frames)


def pg_unique(constraint: str) -> tuple[Exc, ...]:
    """The reactive client's PgException, built in its decoder on the event loop; its message
    leaves DETAIL out, so only the constraint tells two of them apart."""
    value = f'ERROR: duplicate key value violates unique constraint "{constraint}" (23505)'
    return (jexc("io.vertx.pgclient.PgException", value, (*NETTY, *PG)),)


def timeout(ms: int, method_path: str, server: str) -> tuple[Exc, ...]:
    return (jexc("io.vertx.core.http.impl.NoStackTraceTimeoutException", f"The timeout period of {ms}ms has been exceeded while executing {method_path} for server {server}", ()),)


BUGS = [
    # Two unique constraints seen only through the pg client's decoder frames.
    Bug("dt-booking-unique", "haulage-api", pg_unique("uq_bookings_load_slot"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API), see("datadog.log", **MON)),
        classes=(4, 10), pair="dt-position-unique", entry="POST /api/bookings", log="Booking insert failed for load {id}", logger="com.doddwood.haulage.api.BookingHandler"),
    Bug("dt-position-unique", "telematics-consumer", pg_unique("uq_positions_vehicle_ts"),
        (see("sentry.error", 3), see("splunk", **TELE), see("splunk", **TELE, **NEW)),
        classes=(4, 10), pair="dt-booking-unique", entry="telematics.positions", log="Could not store position batch of {n}", logger="com.doddwood.telematics.PositionWriter"),
    # One WebClient, two upstreams, no stack either way.
    Bug("dt-weighbridge-timeout", "haulage-api", timeout(8000, "GET /v2/tickets/{id}", "weighbridge.doddwood-haulage.example:443"),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **MON)),
        classes=(4, 9), pair="dt-felling-timeout", entry="GET /api/loads/{id}/ticket", log="Weighbridge lookup failed", logger="com.doddwood.haulage.clients.WeighbridgeClient"),
    Bug("dt-felling-timeout", "haulage-api", timeout(8000, "GET /api/v1/licences/{id}", "felling.forestry-register.example:443"),
        (see("sentry.error", 3), see("splunk", **API), see("splunk", **API, **NEW)),
        classes=(4, 9), pair="dt-weighbridge-timeout", entry="GET /api/sites/{id}/licence", log="Felling licence check failed", logger="com.doddwood.haulage.clients.FellingRegisterClient"),
    # The same helpful NPE message in a route handler and in the consumer's planner.
    Bug("dt-load-npe-api", "haulage-api", (jexc("java.lang.NullPointerException", NPE_LOAD, web(jv("com.doddwood.haulage.api.LoadHandler", "get", 48), jv("com.doddwood.haulage.api.LoadHandler", "toJson", 112))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **API), see("datadog.log", **MON)),
        classes=(4, 5), pair="dt-load-npe-planner", entry="GET /api/loads/{id}", span=3),
    Bug("dt-load-npe-planner", "telematics-consumer", (jexc("java.lang.NullPointerException", NPE_LOAD, (*CONSUMER, jv("com.doddwood.telematics.PositionConsumer", "handle", 39), jv("com.doddwood.telematics.DispatchPlanner", "arrival", 77))),),
        (see("sentry.error", 3), see("splunk", **TELE), see("splunk", **TELE, **NEW)),
        classes=(4,), pair="dt-load-npe-api", entry="telematics.positions"),
    # One upload handler, two exceptions.
    Bug("dt-ticket-decode", "haulage-api", (jexc("io.vertx.core.json.DecodeException", "Failed to decode:Unexpected end-of-input: expected close marker for Object (start marker at [Source: (io.netty.buffer.ByteBufInputStream); line: 1, column: 1])", web(jv("com.doddwood.haulage.api.TicketHandler", "upload", 33), jl("io.vertx.ext.web.impl.RequestBodyImpl", "asJsonObject", 71), jl("io.vertx.core.json.jackson.DatabindCodec", "fromBuffer", 91))),),
        (see("sentry.error", 3), see("splunk", 2, **API)),
        classes=(4,), pair="dt-ticket-uuid", entry="POST /api/tickets"),
    Bug("dt-ticket-uuid", "haulage-api", (jexc("java.lang.IllegalArgumentException", "Invalid UUID string: {n}", web(jv("com.doddwood.haulage.api.TicketHandler", "upload", 36), jl("java.util.UUID", "fromString", 235))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", **API, **NEW), see("datadog.log", **MON)),
        classes=(4,), pair="dt-ticket-decode", entry="POST /api/tickets"),
    Bug("dt-kafka-deserialize", "telematics-consumer", (
        jexc("com.fasterxml.jackson.core.JsonParseException", "Unexpected character ('}' (code 125)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: {n}]", (*CONSUMER[:4], jl("org.apache.kafka.clients.consumer.internals.CompletedFetch", "parseRecord", 331), jl("io.vertx.kafka.client.serialization.JsonObjectDeserializer", "deserialize", 36), jl("com.fasterxml.jackson.core.JsonParser", "_constructError", 2477))),
        jexc("org.apache.kafka.common.errors.RecordDeserializationException", "Error deserializing key/value for partition telematics.positions-{part} at offset {offset}. If needed, please seek past the record to continue consumption.", (*CONSUMER[:4], jl("org.apache.kafka.clients.consumer.internals.CompletedFetch", "parseRecord", 331))),
    ), (see("sentry.error", 3), see("splunk", 2, **TELE), see("datadog.log", **MON)),
        entry="telematics.positions"),
    Bug("dt-rate-divide", "haulage-api", (jexc("java.lang.ArithmeticException", "/ by zero", web(jv("com.doddwood.haulage.api.QuoteHandler", "quote", 58), jv("com.doddwood.haulage.pricing.RateCalculator", "perTonne", 41))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **API)),
        classes=(5,), entry="POST /api/quotes", span=3, renames={"quote": "handleQuote"}),
    Bug("dt-head-sent", "haulage-api", (jexc("java.lang.IllegalStateException", "Response head already sent", web(jv("com.doddwood.haulage.api.ExportHandler", "stream", 64), jl("io.vertx.core.http.impl.Http1xServerResponse", "setStatusCode", 154), jl("io.vertx.core.http.impl.Http1xServerResponse", "checkHeadWritten", 722))),),
        (see("sentry.error", 3), see("splunk", **API), see("datadog.log", **MON)),
        entry="GET /api/exports/loads.csv"),
    Bug("dt-reply-timeout", "haulage-api", (jexc("io.vertx.core.eventbus.ReplyException", "Timed out after waiting 30000(ms) for a reply. address: __vertx.reply.{n}, repliedAddress: dispatch.assign", ()),),
        (see("sentry.error", 3), see("splunk", 2, **API, **NEW)),
        entry="POST /api/loads/{id}/assign", log="Dispatch assignment failed for load {id}", logger="com.doddwood.haulage.api.AssignHandler"),
    # Event bus sends with no consumer registered, to two addresses.
    Bug("dt-nohandler-eta", "haulage-api", (jexc("io.vertx.core.eventbus.ReplyException", "No handlers for address telematics.eta", ()),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **MON)),
        classes=(4,), pair="dt-nohandler-fuel", entry="GET /api/loads/{id}/eta", log="ETA request failed for load {id}", logger="com.doddwood.haulage.api.EtaHandler"),
    Bug("dt-nohandler-fuel", "haulage-api", (jexc("io.vertx.core.eventbus.ReplyException", "No handlers for address pricing.fuel-index", ()),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", **API), see("splunk", **API, **NEW)),
        classes=(4,), pair="dt-nohandler-eta", entry="POST /api/quotes", log="Fuel index lookup failed", logger="com.doddwood.haulage.pricing.FuelIndex"),
    Bug("dt-cme-sites", "haulage-api", (jexc("java.util.ConcurrentModificationException", "", web(jv("com.doddwood.haulage.api.SiteHandler", "list", 27), jv("com.doddwood.haulage.cache.SiteCache", "snapshot", 52), jl("java.util.ArrayList$Itr", "next", 1052), jl("java.util.ArrayList$Itr", "checkForComodification", 1095))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/sites"),
]

NOISE = [
    Noise("dt-noise-verticle-deployed", "haulage-api", "splunk", {**API, "line": "Mar 04, 2026 6:00:03 AM io.vertx.core.impl.launcher.commands.VertxIsolatedDeployer\nINFO: Succeeded in deploying verticle"}),
    Noise("dt-noise-dd-recovered", "telematics-consumer", "datadog.log", {"monitor": "haulage JUL SEVERE", "transition": "Recovered", "alert_type": "success", "text": "No SEVERE records in the last 10 minutes.", "priority": "P3"}),
]

DODDWOOD = Company(
    key="dt",
    name="Dodd Wood Haulage",
    domain="doddwood-haulage.example",
    sentry_org="doddwood-haulage",
    splunk_url="https://splunk.doddwood-haulage.example:8000",
    splunk_guid="8D3B6E10-4C7A-4F29-B1E5-27A9C0D4F68B",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("1.8.0", "1.8.1", "1.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="doddwood-sentry-client-secret",
)
# fmt: on
