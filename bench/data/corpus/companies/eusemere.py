"""(eu) Eusemere Moorings, marina berths and a fuel dock: Scala 2.13 services on Akka 2.6 and
Akka HTTP 10.2 on JDK 17. ``moorings-http`` (Akka HTTP routes for berth bookings and quotes,
Slick 3.5 over PostgreSQL through HikariCP, asks to the ledger's actors) and ``ledger`` (classic
actors, one per berth-holder account under a supervisor; an Alpakka Kafka consumer of card
terminal payment events from the fuel dock).

Neither service configures akka-slf4j: everything goes through Akka's own ``StdOutLogger`` to
stdout (``[ERROR] [03/05/2026 10:11:12.345] [thread] [source] message`` and the cause's
``printStackTrace`` below, a ``NoStackTrace`` cause as `` (class)`` on the same line). A
route's exception is logged by Akka HTTP's default ExceptionHandler ("Error during processing
of request: '…'. Completing with 500 Internal Server Error response. …") under the source
``akka.actor.ActorSystemImpl(eusemere)``; an actor's by its supervisor under the child's path.
A Slick statement fails on Slick's executor, with no application frame; an ``ask`` that times
out and Akka's TCP failures have no stack at all.

Sentry: sentry-java 7 (``Sentry.captureException`` from a ``handleExceptions`` wrapper and the
supervisor's decider; ``java`` platform, Scala frames, ``in-app-includes: eusemere``). Splunk
saved searches over both. Datadog: dd-java-agent APM and log monitors through the plugin's
recommended template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import jexc, jl, sc, sclib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java", "7.19.0", "maven:io.sentry:sentry")
SERVICES = {
    "moorings-http": Service("moorings-http", "java", "eu-akka-stdout", "eusemere:akka", "/var/log/containers/moorings-http.log", "eusemere", 8520011, "OpenJDK 17.0.12", framework="akka-http", sdk=SDK),
    "ledger": Service("ledger", "java", "eu-akka-stdout", "eusemere:akka", "/var/log/containers/ledger.log", "eusemere", 8520014, "OpenJDK 17.0.12", framework="akka", sdk=SDK),
}

FJ = (
    jl("java.util.concurrent.ForkJoinWorkerThread", "run", 165),
    jl("java.util.concurrent.ForkJoinPool", "runWorker", 1622),
    jl("java.util.concurrent.ForkJoinPool$WorkQueue", "topLevelExec", 1182),
    jl("java.util.concurrent.ForkJoinTask", "doExec", 373),
)
# A route's directives evaluated in a Future's callback on the default dispatcher.
ROUTE = (
    *FJ,
    sclib("akka.dispatch.TaskInvocation", "run", 48, "AbstractDispatcher.scala"),
    sclib("akka.dispatch.BatchingExecutor$BlockableBatch", "run", 95, "BatchingExecutor.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 470, "Promise.scala"),
    sclib("akka.http.scaladsl.server.directives.ExecutionDirectives", "$anonfun$handleExceptions$2", 32, "ExecutionDirectives.scala"),
    sclib("akka.http.scaladsl.server.RouteConcatenation$RouteWithConcatenation", "$anonfun$$tilde$1", 47, "RouteConcatenation.scala"),
    sclib("akka.http.scaladsl.server.Directive$", "$anonfun$addByNameNullaryApply$2", 166, "Directive.scala"),
)
# An actor's receive on its mailbox (the mailbox is the ForkJoinTask).
ACTOR = (
    *FJ,
    sclib("akka.dispatch.Mailbox", "exec", 241, "Mailbox.scala"),
    sclib("akka.dispatch.Mailbox", "run", 231, "Mailbox.scala"),
    sclib("akka.dispatch.Mailbox", "processMailbox", 283, "Mailbox.scala"),
    sclib("akka.actor.ActorCell", "invoke", 547, "ActorCell.scala"),
    sclib("akka.actor.ActorCell", "receiveMessage", 579, "ActorCell.scala"),
    sclib("akka.actor.Actor", "aroundReceive", 537, "Actor.scala"),
)
# The payment-events stream's mapAsync stage running the handler's Future.
CONSUMER = (
    *FJ,
    sclib("akka.dispatch.TaskInvocation", "run", 48, "AbstractDispatcher.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 467, "Promise.scala"),
    sclib("scala.concurrent.Future$", "$anonfun$apply$1", 687, "Future.scala"),
    sc("eusemere.ledger.PaymentEventsConsumer", "$anonfun$handle$1", 52),
)
# A Slick insert on Slick's own executor: no application frame below it.
SLICK_INSERT = (
    jl("java.lang.Thread", "run", 840),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 635),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136),
    sclib("slick.util.AsyncExecutor$$anon$1$$anon$2$$anon$3", "run", 161, "AsyncExecutor.scala"),
    sclib("slick.basic.BasicBackend$DatabaseDef$$anon$3", "liftedTree1$1", 276, "BasicBackend.scala"),
    sclib("slick.jdbc.JdbcActionComponent$InsertActionComposerImpl$SingleInsertAction", "$anonfun$run$15", 520, "JdbcActionComponent.scala"),
    sclib("slick.jdbc.JdbcBackend$SessionDef", "withPreparedInsertStatement", 438, "JdbcBackend.scala"),
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 516),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
SLICK_SUBMIT = (
    *FJ,
    sclib("akka.dispatch.TaskInvocation", "run", 48, "AbstractDispatcher.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 470, "Promise.scala"),
    sc("eusemere.moorings.availability.AvailabilityRepo", "$anonfun$freeBerths$1", 33),
    sclib("slick.basic.BasicBackend$DatabaseDef", "run", 94, "BasicBackend.scala"),
    sclib("slick.basic.BasicBackend$DatabaseDef", "runInContextInline", 258, "BasicBackend.scala"),
    sclib("slick.util.AsyncExecutor$$anon$1$$anon$2", "execute", 129, "AsyncExecutor.scala"),
    jl("java.util.concurrent.ThreadPoolExecutor", "execute", 1365),
    jl("java.util.concurrent.ThreadPoolExecutor", "reject", 833),
    jl("java.util.concurrent.ThreadPoolExecutor$AbortPolicy", "rejectedExecution", 2065),
)
NONE_GET = sclib("scala.None$", "get", 627, "Option.scala")
RATE_FOR = sc("eusemere.pricing.Tariffs$", "rateFor", 38)
HTTP_SEARCH = {"search": "moorings-http errors"}
LEDGER_SEARCH = {"search": "ledger errors"}
HTTP_MON = {"style": "sample", "monitor": "moorings-http error logs", "team": "marina", "filter": "service:moorings-http status:error"}
LEDGER_MON = {"style": "sample", "monitor": "ledger error logs", "team": "payments", "filter": "service:ledger status:error", "akka_source": "akka://eusemere/user/ledger/account-{id}"}
CONSUMER_SRC = "eusemere.ledger.PaymentEventsConsumer"
EVENTS_MON = {"akka_source": CONSUMER_SRC, "monitor": "ledger: payment events failing", "team": "payments", "filter": "service:ledger \"Failed to apply payment event\"", "text": "Card terminal payment events are failing to apply.\n\n{{log.message}}"}
ACCOUNT = "akka://eusemere/user/ledger/account-{id}"


def unique(constraint: str, detail: str) -> tuple[Exc, ...]:
    return (jexc("org.postgresql.util.PSQLException", f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}', SLICK_INSERT),)


def ask_timeout(path: str, message: str) -> tuple[Exc, ...]:
    return (jexc("akka.pattern.AskTimeoutException", f"Ask timed out on [Actor[{path}#-{{id}}]] after [3000 ms]. Message of type [{message}]. A typical reason for `AskTimeoutException` is that the recipient actor didn't send a reply.", ()),)


BUGS = [
    # Two unique violations with no application frame at all: which table is the bug.
    Bug("eu-berth-unique", "moorings-http", unique("berth_bookings_berth_id_season_key", "Key (berth_id, season)=({idx}, 2026) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **HTTP_SEARCH), see("datadog.log", **HTTP_MON)),
        classes=(4,), pair="eu-fuel-unique", entry="POST /api/bookings"),
    Bug("eu-fuel-unique", "ledger", unique("fuel_sales_terminal_id_receipt_no_key", "Key (terminal_id, receipt_no)=(FD-{idx}, {id}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, akka_source=ACCOUNT, **LEDGER_SEARCH), see("datadog.log", **LEDGER_MON)),
        classes=(4,), pair="eu-berth-unique", entry="eusemere.ledger.AccountActor"),
    # Asks timing out: nothing but the path and the message type tells them apart.
    Bug("eu-ask-ledger-timeout", "moorings-http", ask_timeout("akka://eusemere/user/ledger", "eusemere.ledger.Ledger$Charge"),
        (see("sentry.error", 2), see("splunk", 3, **HTTP_SEARCH), see("datadog.apm", style="route", monitor="moorings-http: checkout error rate", team="marina")),
        classes=(4, 8), pair="eu-ask-berths-timeout", entry="POST /api/bookings/{booking_id}/checkout"),
    Bug("eu-ask-berths-timeout", "moorings-http", ask_timeout("akka://eusemere/user/berth-availability", "eusemere.moorings.availability.BerthAvailability$FreeBerths"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **HTTP_SEARCH), see("datadog.log", **HTTP_MON)),
        classes=(4,), pair="eu-ask-ledger-timeout", entry="GET /api/berths/free"),
    # None.get in one tariff lookup: a quote route and the ledger's monthly charge.
    Bug("eu-tariff-none-quote", "moorings-http", (jexc("java.util.NoSuchElementException", "None.get", (*ROUTE, sc("eusemere.moorings.http.QuoteRoutes", "$anonfun$routes$3", 41), sc("eusemere.moorings.booking.Quotes$", "forBoat", 27), RATE_FOR, NONE_GET)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **HTTP_SEARCH), see("datadog.log", **HTTP_MON)),
        classes=(4, 9), pair="eu-tariff-none-charge", entry="GET /api/quotes", span=2),
    Bug("eu-tariff-none-charge", "ledger", (jexc("java.util.NoSuchElementException", "None.get", (*ACTOR, sc("eusemere.ledger.AccountActor$$anonfun$receive$1", "applyOrElse", 57), sc("eusemere.ledger.MonthlyCharges$", "lineFor", 19), RATE_FOR, NONE_GET)),),
        (see("sentry.error", 3), see("splunk", 2, akka_source=ACCOUNT, **LEDGER_SEARCH), see("datadog.apm", style="type", monitor="ledger errors by type", team="payments")),
        classes=(4, 9), pair="eu-tariff-none-quote", entry="eusemere.ledger.AccountActor"),
    # One form parser, two exceptions: a date that is no date, a length with its unit.
    Bug("eu-boatspec-date", "moorings-http", (jexc("java.time.format.DateTimeParseException", "Text '2026-02-3{idx}' could not be parsed: Invalid date 'FEBRUARY 3{idx}'", (*ROUTE, sc("eusemere.moorings.http.BookingRoutes", "$anonfun$routes$7", 63), sc("eusemere.moorings.booking.BoatSpec$", "fromForm", 31), jl("java.time.LocalDate", "parse", 430), jl("java.time.format.DateTimeFormatter", "parse", 2023))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **HTTP_SEARCH)),
        classes=(4,), pair="eu-boatspec-length", entry="POST /api/bookings"),
    Bug("eu-boatspec-length", "moorings-http", (jexc("java.lang.NumberFormatException", 'For input string: "{n}m"', (*ROUTE, sc("eusemere.moorings.http.BookingRoutes", "$anonfun$routes$7", 63), sc("eusemere.moorings.booking.BoatSpec$", "fromForm", 24), sclib("scala.collection.StringOps$", "toDouble$extension", 938, "StringOps.scala"), jl("jdk.internal.math.FloatingDecimal", "parseDouble", 110), jl("jdk.internal.math.FloatingDecimal", "readJavaFormatString", 2054))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", **HTTP_SEARCH), see("datadog.log", **HTTP_MON)),
        classes=(4, 5), pair="eu-boatspec-date", entry="POST /api/bookings", span=3),
    # Two consumer failures under one monitor that pastes whichever log fired it.
    Bug("eu-events-missing-amount", "ledger", (jexc("spray.json.DeserializationException", "Object is missing required member 'amount'", (*CONSUMER, sc("eusemere.ledger.PaymentEvent$", "read", 28), sclib("spray.json.BasicFormats$BigDecimalJsonFormat$", "read", 57, "BasicFormats.scala"), sclib("spray.json.package$", "deserializationError", 34, "package.scala"))),),
        (see("sentry.error", 2), see("splunk", 2, akka_source=CONSUMER_SRC, **LEDGER_SEARCH), see("datadog.log", 2, **EVENTS_MON)),
        log="Failed to apply payment event at offset {offset}", classes=(2,), pair="eu-events-currency", entry="payment-events"),
    Bug("eu-events-currency", "ledger", (jexc("java.lang.IllegalArgumentException", None or "", (*CONSUMER, sc("eusemere.ledger.PaymentEvent$", "read", 33), jl("java.util.Currency", "getInstance", 300))),),
        (see("sentry.error", 3), see("splunk", akka_source=CONSUMER_SRC, **LEDGER_SEARCH), see("datadog.log", 2, **EVENTS_MON)),
        log="Failed to apply payment event at offset {offset}", classes=(2,), pair="eu-events-missing-amount", entry="payment-events"),
    # Slick's queue full when the season opens: the task rejected, values in the message.
    Bug("eu-slick-rejected", "moorings-http", (jexc("java.util.concurrent.RejectedExecutionException", "Task slick.basic.BasicBackend$DatabaseDef$$anon$3@{hex} rejected from slick.util.AsyncExecutor$$anon$1$$anon$2@{hex}[Running, pool size = 20, active threads = 20, queued tasks = 1000, completed tasks = {offset}]", SLICK_SUBMIT),),
        (see("sentry.error", 2), see("sentry.alert", rule="moorings-http: rejected DB tasks"), see("splunk", 2, **HTTP_SEARCH), see("datadog.apm", style="route", monitor="moorings-http: free berths error rate", team="marina")),
        entry="GET /api/berths/free"),
    # The tides service refusing connections: Akka's TCP failure has no stack.
    Bug("eu-tides-refused", "moorings-http", (jexc("akka.stream.StreamTcpException", "Tcp command [Connect(api.tides.example:443,None,List(),Some(10 seconds),true)] failed because of java.net.ConnectException: Connection refused", ()),),
        (see("sentry.error", 3), see("splunk", 2, **HTTP_SEARCH)),
        entry="GET /api/berths/{berth_id}/tides"),
    # An account's refund message the actor's receive does not match.
    Bug("eu-refund-match", "ledger", (jexc("scala.MatchError", "Refund({id},FD-{idx},{n}.50) (of class eusemere.ledger.Ledger$Refund)", (*ACTOR, sc("eusemere.ledger.AccountActor$$anonfun$receive$1", "applyOrElse", 44), sc("eusemere.ledger.AccountActor", "applyRefund", 102))),),
        (see("sentry.error", 2), see("sentry.error", in_app="none"), see("sentry.issue"), see("splunk", 2, akka_source=ACCOUNT, **LEDGER_SEARCH), see("datadog.log", style="stack", monitor="ledger: actor failures", team="payments", akka_source=ACCOUNT)),
        entry="eusemere.ledger.AccountActor"),
    Bug("eu-statement-divzero", "ledger", (jexc("java.lang.ArithmeticException", "/ by zero", (*ACTOR, sc("eusemere.ledger.AccountActor$$anonfun$receive$1", "applyOrElse", 71), sc("eusemere.ledger.Statements$", "averageDailyBalance", 15))),),
        (see("sentry.error"),),
        singleton=True, entry="eusemere.ledger.AccountActor"),
    # Oversized photo uploads refused by Akka HTTP itself: a warning template, values varying.
    Bug("eu-upload-too-large", "moorings-http", (),
        (see("splunk", 3, search="moorings-http warnings", format="eu-akka-stdout", akka_text="Illegal request, responding with status '413 Payload Too Large': Request Content-Length of {offset} bytes exceeds the configured limit of 8388608 bytes"), see("datadog.log", monitor="moorings-http: rejected uploads", filter="service:moorings-http status:warn \"Payload Too Large\"", team="marina", text="Uploads are being refused: Request Content-Length of {offset} bytes exceeds the configured limit of 8388608 bytes")),
        classes=(7,)),
]

NOISE = [
    Noise("eu-noise-dead-letters", "ledger", "splunk", {**LEDGER_SEARCH, "format": "eu-akka-stdout", "level": "INFO", "akka_source": "akka://eusemere/user/ledger/account-{id}", "akka_text": "Message [eusemere.ledger.Ledger$Charge] from Actor[akka://eusemere/temp/$a] to Actor[akka://eusemere/user/ledger/account-{id}#-{n}] was not delivered. [{n}] dead letters encountered. If this is not an expected behavior then Actor[akka://eusemere/user/ledger/account-{id}#-{n}] may have terminated unexpectedly. This logging can be turned off or adjusted with configuration settings 'akka.log-dead-letters' and 'akka.log-dead-letters-during-shutdown'."}),
    Noise("eu-noise-deploy", "moorings-http", "datadog.event", {"monitor": "Deployed moorings-http 2.8.0", "text": "Argo CD synced moorings-http to 2.8.0 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "marina"}),
    Noise("eu-noise-recovered", "ledger", "datadog.event", {"monitor": "[Recovered] ledger error logs", "text": "ledger error logs recovered: 0 error logs in the last 5 minutes.", "priority": "P3", "event_type": "query_alert_monitor", "alert_type": "success", "team": "payments"}),
]

EUSEMERE = Company(
    key="eu",
    name="Eusemere Moorings",
    domain="eusemere.example",
    sentry_org="eusemere",
    splunk_url="https://splunk.eusemere.example:8000",
    splunk_guid="7C2D4F10-3A5B-4C6D-9E8F-1B2C3D4E5F60",
    datadog_org=("852007", "Eusemere Moorings"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2.7.3", "2.7.4", "2.8.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="eusemere-sentry-client-secret",
)
# fmt: on
