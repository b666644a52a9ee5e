"""(fp) Jedburgh Tide, a marina and mooring-permit service: Scala 3.4 on ZIO 2.1 with
ZIO-HTTP 3 (``moorings-http``: berth bookings, permits, card payments through a PSP over
zio-http's ``Client``) and a ``tides-worker`` ZStream consumer pulling tide tables and
harbour-master notices, both over PostgreSQL with Quill/ZIO-JDBC.

Logging: zio-logging 2 with ``consoleLogger`` on the default format in the HTTP service
(``timestamp=... level=ERROR thread=zio-fiber-N message="..." cause=Exception in thread
"zio-fiber-N" ...``) and ``consoleJsonLogger`` in the worker (``fp-zio-logging``): the cause
is ``Cause.prettyPrint``'s text, JVM frames with ZIO's own trace frames between. Sentry:
sentry-java (the plain ``io.sentry:sentry``, captured from the app's error handler), no
in-app packages configured so every frame counts. Datadog: log monitors, the recommended
template. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl

# fmt: off
SENTRY_SDK = ("sentry.java", "7.14.0", "maven:io.sentry:sentry")
SERVICES = {
    "moorings-http": Service("moorings-http", "java", "fp-zio-logging", "kube:container:moorings-http", "/var/log/containers/moorings-http.log", "fp_prod", 7720114, "OpenJDK 21.0.4", framework="zio-http", sdk=SENTRY_SDK),
    "tides-worker": Service("tides-worker", "java", "fp-zio-logging", "kube:container:tides-worker", "/var/log/containers/tides-worker.log", "fp_prod", 7720117, "OpenJDK 21.0.4", framework="zio", sdk=SENTRY_SDK),
}


def sc(cls: str, method: str, line: int) -> Frame:
    """A Scala frame: the file is the source's, the class may carry ``$``."""
    simple = cls.rsplit(".", 1)[-1].split("$")[0]
    return Frame(method, simple + ".scala", line, cls, True)


def zl(cls: str, method: str, line: int) -> Frame:
    simple = cls.rsplit(".", 1)[-1].split("$")[0]
    return Frame(method, simple + ".scala", line, cls, False)


# ZIO's runtime under an HTTP route (oldest first): the fiber loop and zio-http's handler.
HTTP = (
    jl("java.lang.Thread", "run", 1583),
    zl("zio.internal.FiberRuntime", "run", 1390),
    zl("zio.internal.FiberRuntime", "evaluateEffect", 1385),
    zl("zio.internal.FiberRuntime", "runLoop", 1142),
    zl("zio.http.netty.server.ServerInboundHandler", "writeResponse", 254),
    zl("zio.http.Handler$$anon$13", "apply", 1038),
)
STREAM = (
    jl("java.lang.Thread", "run", 1583),
    zl("zio.internal.FiberRuntime", "run", 1390),
    zl("zio.internal.FiberRuntime", "runLoop", 1142),
    zl("zio.stream.ZChannel", "mapOutZIO", 588),
)
PG = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeWithFlags", 517),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2725),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
APP = "ie.jedburgh.moorings."
WAPP = "ie.jedburgh.tides."
TEXT = {"search": "jedburgh zio errors", "app": "jedburgh"}
JSON = {"search": "jedburgh worker errors", "app": "jedburgh", "kind": "json"}
LOG = dict(team="harbour", monitor="[harbour] ZIO error logs", filter="env:prod status:error", style="error")


def psql(state: str, msg: str, detail: str, frames: tuple[Frame, ...]) -> Exc:
    return jexc("org.postgresql.util.PSQLException", f"ERROR: {msg}\n  Detail: {detail}" if detail else f"ERROR: {msg}", frames)


BOOK = sc(APP + "routes.BerthRoutes$", "$anonfun$routes$3", 58)
PERMIT = sc(APP + "routes.PermitRoutes$", "$anonfun$routes$2", 41)
REPO_B = sc(APP + "repo.BerthRepoLive", "insert$$anonfun$1", 77)
REPO_P = sc(APP + "repo.PermitRepoLive", "insert$$anonfun$1", 52)

BUGS = [
    # One exclusion constraint violated from two repositories.
    Bug("fp-berth-overlap", "moorings-http", (psql("23P01", 'conflicting key value violates exclusion constraint "berth_bookings_no_overlap"', "Key (berth_id, stay)=({n}, [2026-06-0{idx},2026-06-1{idx})) conflicts with existing key.", (*HTTP, BOOK, sc(APP + "service.BookingServiceLive", "book", 64), REPO_B, *PG)),),
        (see("sentry.error", 3), see("splunk", 3, **TEXT), see("datadog.log", **LOG)),
        classes=(4,), pair="fp-permit-overlap", entry="POST /berths/{n}/bookings", log="booking failed"),
    Bug("fp-permit-overlap", "moorings-http", (psql("23P01", 'conflicting key value violates exclusion constraint "permits_no_overlap"', "Key (vessel_id, valid)=({n}, [2026-04-01,2026-10-01)) conflicts with existing key.", (*HTTP, PERMIT, sc(APP + "service.PermitServiceLive", "issue", 39), REPO_P, *PG)),),
        (see("sentry.error", 2), see("splunk", 2, **TEXT), see("datadog.log", **LOG)),
        classes=(4,), pair="fp-berth-overlap", entry="POST /permits", log="permit failed"),
    # NoSuchElementException from Option.get in two services.
    Bug("fp-vessel-none-get", "moorings-http", (jexc("java.util.NoSuchElementException", "None.get", (*HTTP, BOOK, sc(APP + "service.BookingServiceLive", "vesselLength", 112), zl("scala.None$", "get", 627))),),
        (see("sentry.error", 3), see("splunk", 2, **TEXT)),
        classes=(2,), pair="fp-tide-none-get", entry="POST /berths/{n}/bookings"),
    Bug("fp-tide-none-get", "tides-worker", (jexc("java.util.NoSuchElementException", "None.get", (*STREAM, sc(WAPP + "TideTableSync$", "$anonfun$run$4", 48), sc(WAPP + "TideTableSync$", "station", 91), zl("scala.None$", "get", 627))),),
        (see("sentry.error", 2), see("splunk", 3, **JSON), see("datadog.log", **LOG)),
        classes=(2,), pair="fp-vessel-none-get", entry="TideTableSync", log="tide sync failed"),
    # zio-http client timeouts: the PSP and the harbour-master feed.
    Bug("fp-psp-timeout", "moorings-http", (jexc("java.util.concurrent.TimeoutException", "", (zl("zio.ZIO$", "timeoutFail", 2811),)), jexc("ie.jedburgh.moorings.payments.PaymentError$Unavailable", "psp did not answer in 10 seconds", (*HTTP, PERMIT, sc(APP + "payments.PspClientLive", "authorise", 88)))),
        (see("sentry.error", 3), see("splunk", 2, **TEXT), see("datadog.log", **LOG)),
        classes=(9,), pair="fp-notice-timeout", entry="POST /permits", log="payment failed"),
    Bug("fp-notice-timeout", "tides-worker", (jexc("java.util.concurrent.TimeoutException", "", (zl("zio.ZIO$", "timeoutFail", 2811),)), jexc("ie.jedburgh.tides.feed.FeedError$Unavailable", "harbour notices did not answer in 10 seconds", (*STREAM, sc(WAPP + "feed.NoticeFeedLive", "poll", 54)))),
        (see("sentry.error", 2), see("splunk", 3, **JSON)),
        classes=(9,), pair="fp-psp-timeout", entry="NoticeSync", log="notice poll failed"),
    # JSON decoding (zio-json) of two payloads.
    Bug("fp-tide-decode", "tides-worker", (jexc("ie.jedburgh.tides.feed.FeedError$Decode", ".predictions[{n}].height(missing)", (*STREAM, sc(WAPP + "feed.TideFeedLive", "$anonfun$fetch$2", 67))),),
        (see("sentry.error", 2), see("splunk", 2, **JSON), see("datadog.log", **LOG)),
        classes=(5,), pair="fp-booking-decode", entry="TideTableSync", log="tide decode failed"),
    Bug("fp-booking-decode", "moorings-http", (jexc("zio.http.codec.HttpCodecError$MalformedBody", "Malformed request body failed to decode: .arrival(expected '\"' got 'n')", (*HTTP, BOOK)),),
        (see("sentry.error", 2), see("splunk", 3, **TEXT)),
        classes=(5,), pair="fp-tide-decode", entry="POST /berths/{n}/bookings"),
    # One money helper at the end of two bugs: a comma decimal from the PSP, a rounding in the tariff.
    Bug("fp-money-comma", "moorings-http", (jexc("java.lang.NumberFormatException", "Character , is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.", (*HTTP, PERMIT, sc(APP + "payments.PspClientLive", "$anonfun$authorise$3", 97), sc(APP + "util.Money$", "parse", 18), jl("java.math.BigDecimal", "<init>", 608))),),
        (see("sentry.error", 3), see("splunk", 2, **TEXT), see("datadog.log", **LOG)),
        classes=(1,), pair="fp-money-rounding", entry="POST /permits", log="payment failed"),
    Bug("fp-money-rounding", "moorings-http", (jexc("java.lang.ArithmeticException", "Rounding necessary", (*HTTP, BOOK, sc(APP + "pricing.Tariff$", "total", 41), sc(APP + "util.Money$", "parse", 21), jl("java.math.BigDecimal", "setScale", 2960))),),
        (see("sentry.error", 2), see("splunk", 3, **TEXT), see("datadog.log", **LOG)),
        classes=(1,), pair="fp-money-comma", entry="POST /berths/{n}/bookings", log="booking failed"),
    # Not pairs.
    Bug("fp-hikari-timeout", "moorings-http", (jexc("java.sql.SQLTransientConnectionException", "moorings - Connection is not available, request timed out after 30000ms (total={idx}, active={idx}, idle=0, waiting={waiting})", (*HTTP, PERMIT, sc(APP + "repo.PermitRepoLive", "byVessel", 31), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))),),
        (see("sentry.error", 3), see("splunk", 3, **TEXT), see("datadog.log", **LOG)),
        classes=(3,), entry="GET /permits/{n}", span=2),
    Bug("fp-fiber-interrupted", "tides-worker", (jexc("java.lang.InterruptedException", "Interrupted by fiber zio-fiber-{n}", (*STREAM, sc(WAPP + "TideTableSync$", "$anonfun$run$7", 73))),),
        (see("splunk", 3, **JSON), see("datadog.log", 2, **LOG)),
        classes=(10,), entry="TideTableSync", log="tide sync failed"),
    Bug("fp-arith-div", "moorings-http", (jexc("java.lang.ArithmeticException", "/ by zero", (*HTTP, BOOK, sc(APP + "pricing.Tariff$", "perMetreNight", 22))),),
        (see("sentry.error", 3), see("splunk", 2, **TEXT)),
        classes=(6,), entry="POST /berths/{n}/bookings", log="booking failed"),
    Bug("fp-locale-singleton", "moorings-http", (jexc("java.time.format.DateTimeParseException", "Text '31/06/2026' could not be parsed: Invalid date 'JUNE 31'", (*HTTP, PERMIT, sc(APP + "routes.PermitRoutes$", "parseDate", 97))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /permits"),
    Bug("fp-stream-backlog", "tides-worker", (),
        (see("splunk", 3, search="jedburgh worker warnings", app="jedburgh", line='{"timestamp":"{ts}","level":"WARN","thread":"zio-fiber-{n}","message":"notice queue backlog {waiting} behind, skipping poll"}'), see("datadog.log", 2, team="harbour", monitor="[harbour] notice backlog", filter="service:tides-worker status:warn", text="notice queue backlog {waiting} behind, skipping poll")),
        classes=(7,)),
]

NOISE = [
    Noise("fp-noise-deploy", "moorings-http", "datadog.event", {"monitor": "Deploy", "text": "moorings-http 3.7.0 deployed to harbour-prod (3/3 pods).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fp-noise-started", "moorings-http", "splunk", {"search": "jedburgh zio errors", "line": 'timestamp=2026-03-02T06:00:02.114Z level=INFO thread=zio-fiber-6 message="Server started on port 8080"'}),
    Noise("fp-noise-recovered", "tides-worker", "datadog.log", {"monitor": "[harbour] ZIO error logs", "text": "Recovered: error logs back under the threshold.", "transition": "Recovered", "alert_type": "success"}),
]

JEDBURGH = Company(
    key="fp",
    name="Jedburgh Tide",
    domain="jedburgh-tide.example",
    sentry_org="jedburgh",
    splunk_url="https://jedburgh.splunkcloud.com",
    splunk_guid="8C2F4A61-0D7E-4B95-A3C8-5E1B9F72D034",
    datadog_org=("720135", "Jedburgh Tide"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.6.4", "3.6.5", "3.7.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jedburgh-sentry-client-secret",
)
# fmt: on
