"""(cx) Scarthwaite Auctions, timed online auctions of farm machinery: a Play 3 app in Scala
2.13 on Apache Pekko (``auction-web``: the catalogue, bidding, buyers' invoices and a JSON API
for consignors, Slick over PostgreSQL, HikariCP) and a Pekko actor system in its own
deployment (``lot-engine``: one actor per live lot, closing timers, the catalogue import).
Both log through logback: the app with Play's production pattern (``%date [%level] from
%logger in %thread - %message%n%xException``, DefaultHttpErrorHandler's ``! @<id>`` line over
``UnexpectedException``), the engine with Pekko's ``Slf4jLogger`` (the supervisor strategy's
failure line with ``%X{pekkoSource}``) and its jobs' own ``logger.error``. A Slick statement
runs on Slick's executor, so its exception carries no application frame at all; a Pekko
``ask`` that times out fails on the scheduler's thread, with none either.
Sentry: sentry-logback (``java`` platform, Scala frames, ``in-app-includes: scarthwaite``).
Splunk saved searches over both. Datadog: dd-java-agent APM and log monitors through the
plugin's recommended template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, sc, sclib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.logback", "7.18.1", "maven:io.sentry:sentry-logback")
SERVICES = {
    "auction-web": Service("auction-web", "java", "cx-play3", "scarthwaite:play", "/opt/scarthwaite/auction-web/logs/application.log", "sw_prod", 7330011, "OpenJDK 21.0.4", framework="logback", sdk=SDK),
    "lot-engine": Service("lot-engine", "java", "cx-pekko", "scarthwaite:pekko", "/opt/scarthwaite/lot-engine/logs/engine.log", "sw_prod", 7330014, "OpenJDK 21.0.4", framework="logback", sdk=SDK),
}

FJ = (
    jl("java.util.concurrent.ForkJoinWorkerThread", "run", 165),
    jl("java.util.concurrent.ForkJoinPool", "runWorker", 1622),
    jl("java.util.concurrent.ForkJoinPool$WorkQueue", "topLevelExec", 1182),
    jl("java.util.concurrent.ForkJoinTask", "doExec", 387),
    sclib("org.apache.pekko.dispatch.TaskInvocation", "run", 59, "AbstractDispatcher.scala"),
)
# A Future's callback resuming on the default dispatcher (oldest first).
FUTURE = (*FJ, sclib("scala.concurrent.impl.Promise$Transformation", "run", 500, "Promise.scala"))
# A synchronous Action body invoked by Play.
ACTION = (
    *FJ,
    sclib("play.api.mvc.ActionBuilder$$anon$10", "apply", 480, "Action.scala"),
    sclib("play.api.mvc.ActionBuilderImpl", "invokeBlock", 441, "Action.scala"),
)
# A Slick statement on Slick's own executor: no application frame below it.
SLICK_INSERT = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    sclib("slick.util.AsyncExecutor$$anon$1$$anon$2$$anon$3", "run", 161, "AsyncExecutor.scala"),
    sclib("slick.basic.BasicBackend$DatabaseDef$$anon$3", "liftedTree1$1", 276, "BasicBackend.scala"),
    sclib("slick.jdbc.JdbcActionComponent$InsertActionComposerImpl$SingleInsertAction", "$anonfun$run$15", 520, "JdbcActionComponent.scala"),
    sclib("slick.jdbc.JdbcBackend$SessionDef", "withPreparedInsertStatement", 438, "JdbcBackend.scala"),
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 516),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2442),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
SLICK_CONNECT = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    sclib("slick.util.AsyncExecutor$$anon$1$$anon$2$$anon$3", "run", 161, "AsyncExecutor.scala"),
    sclib("slick.basic.BasicBackend$DatabaseDef$$anon$3", "run", 273, "BasicBackend.scala"),
    sclib("slick.jdbc.JdbcBackend$BaseSession", "<init>", 524, "JdbcBackend.scala"),
    sclib("slick.jdbc.hikaricp.HikariCPJdbcDataSource", "createConnection", 14, "HikariCPJdbcDataSource.scala"),
    jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100),
    jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181),
    jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686),
)
# Pekko's ask timing out: the scheduler's thread completes the promise, nothing of the asker.
ASK_TIMEOUT = (
    jl("java.lang.Thread", "run", 1583),
    sclib("org.apache.pekko.actor.LightArrayRevolverScheduler$$anon$3", "run", 241, "LightArrayRevolverScheduler.scala"),
    sclib("org.apache.pekko.actor.LightArrayRevolverScheduler$$anon$3", "executeBucket$1", 287, "LightArrayRevolverScheduler.scala"),
    sclib("org.apache.pekko.actor.LightArrayRevolverScheduler$TaskHolder", "executeTask", 334, "LightArrayRevolverScheduler.scala"),
    sclib("org.apache.pekko.pattern.PromiseActorRef$", "$anonfun$apply$1", 733, "AskSupport.scala"),
)
# An actor's message handler on the engine's dispatcher.
ACTOR = (
    *FJ[:4],
    sclib("org.apache.pekko.dispatch.Mailbox", "run", 231, "Mailbox.scala"),
    sclib("org.apache.pekko.dispatch.Mailbox", "processMailbox", 271, "Mailbox.scala"),
    sclib("org.apache.pekko.actor.ActorCell", "invoke", 547, "ActorCell.scala"),
    sclib("org.apache.pekko.actor.ActorCell", "receiveMessage", 582, "ActorCell.scala"),
    sclib("org.apache.pekko.actor.Actor", "aroundReceive$", 536, "Actor.scala"),
)
NONE_GET = sclib("scala.None$", "get", 627, "Option.scala")
JSRESULT_AS = (
    sclib("play.api.libs.json.JsReadable", "$anonfun$as$2", 35, "JsReadable.scala"),
    sclib("play.api.libs.json.JsError", "fold", 122, "JsResult.scala"),
)


def ask_timeout(msg_type: str, path: str) -> tuple[Exc, ...]:
    return (jexc("org.apache.pekko.pattern.AskTimeoutException", f"Ask timed out on [Actor[pekko://auction/user/{path}#-{{id}}]] after [5000 ms]. Message of type [{msg_type}]. A typical reason for `AskTimeoutException` is that the recipient actor didn't send a reply.", ASK_TIMEOUT),)


def pg_unique(constraint: str, detail: str) -> tuple[Exc, ...]:
    return (jexc("org.postgresql.util.PSQLException", f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}', SLICK_INSERT),)


WEB = {"search": "auction-web 500s"}
ENGINE = {"search": "lot-engine actor failures"}
JOBS = {"search": "lot-engine job errors", "format": "cx-pekko-timer"}
LOG_MON = {"monitor": "auction-web logged a 500", "team": "auctions", "text": "Play logged an internal server error on {{log.host}}:\n\n```\n{{log.message}}\n```", "sample_lines": 6}
ENGINE_MON = {"monitor": "lot-engine actor restarts", "team": "auctions", "style": "stack", "lines": 8}
APM = {"monitor": "auction-web errors by type", "team": "auctions"}


def lot(cls: str, method: str, line: int, file: str = "") -> Frame:
    return sc(f"scarthwaite.{cls}", method, line, file=file)


BUGS = [
    # None.get twice: a lot page reading an unset reserve, and the deposit check on a bidder without a card.
    Bug("cx-lot-reserve-none", "auction-web", (Exc("NoSuchElementException", "None.get", (*FUTURE, lot("controllers.LotController", "$anonfun$show$2", 47), lot("views.LotView$", "reserveLabel", 22, "LotView.scala"), NONE_GET), module="java.util"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="cx-bidder-deposit-none", entry="GET /lots/{id}", span=2),
    Bug("cx-bidder-deposit-none", "auction-web", (Exc("NoSuchElementException", "None.get", (*FUTURE, lot("controllers.BidController", "$anonfun$place$3", 63), lot("bidding.DepositPolicy", "requiredFor", 38), lot("bidding.DepositPolicy", "cardOnFile", 51), NONE_GET), module="java.util"),),
        (see("sentry.error", 2), see("sentry.alert", rule="Bidding errors"), see("splunk", 2, **WEB), see("datadog.log", **LOG_MON)),
        classes=(4,), pair="cx-lot-reserve-none", entry="POST /lots/{id}/bids"),
    # Unique violations from Slick's executor: only the constraint tells a bid from a watchlist row.
    Bug("cx-bid-unique", "auction-web", pg_unique("bids_lot_id_amount_key", "Key (lot_id, amount)=({id}, {n}00.00) already exists."),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM), see("datadog.log", **LOG_MON)),
        classes=(4, 10), pair="cx-watchlist-unique", entry="POST /lots/{id}/bids"),
    Bug("cx-watchlist-unique", "auction-web", pg_unique("watchlist_user_id_lot_id_key", "Key (user_id, lot_id)=({user}, {id}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB)),
        classes=(4, 10), pair="cx-bid-unique", entry="POST /watchlist"),
    # Two asks timing out on the scheduler thread: closing a lot (engine) and placing a bid (web).
    Bug("cx-close-ask-timeout", "lot-engine", ask_timeout("scarthwaite.lots.LotActor$Close$", "lots/lot-{order}"),
        (see("sentry.error", 3), see("splunk", 2, **JOBS), see("datadog.log", 2, **ENGINE_MON)),
        classes=(4, 10), pair="cx-bid-ask-timeout", log="closing sweep failed for lot {order}", logger="scarthwaite.lots.ClosingSweep", entry="ClosingSweep"),
    Bug("cx-bid-ask-timeout", "auction-web", ask_timeout("scarthwaite.lots.LotActor$PlaceBid", "lots/lot-{order}"),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", 2, **APM)),
        classes=(4, 10), pair="cx-close-ask-timeout", entry="POST /lots/{id}/bids"),
    # One actor's receive, two failures: a withdrawn lot the match does not cover, a bid under the increment.
    Bug("cx-lotactor-matcherror", "lot-engine", (Exc("MatchError", "Withdrawn(consignor request) (of class scarthwaite.lots.LotState$Withdrawn)", (*ACTOR, lot("lots.LotActor", "$anonfun$receive$1", 74, "LotActor.scala"), lot("lots.LotActor", "applyBid", 112, "LotActor.scala")), module="scala"),),
        (see("sentry.error", 2), see("splunk", 3, actor="pekko://auction/user/lots/lot-{order}", **ENGINE), see("datadog.log", **ENGINE_MON)),
        classes=(4,), pair="cx-lotactor-increment", span=2),
    Bug("cx-lotactor-increment", "lot-engine", (Exc("IllegalArgumentException", "requirement failed: bid {n}0.00 is below the next increment", (*ACTOR, lot("lots.LotActor", "$anonfun$receive$1", 74, "LotActor.scala"), lot("lots.LotActor", "applyBid", 106, "LotActor.scala"), sclib("scala.Predef$", "require", 337, "Predef.scala")), module="java.lang"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, actor="pekko://auction/user/lots/lot-{order}", **ENGINE)),
        classes=(4,), pair="cx-lotactor-matcherror"),
    # JSON reads failing: a consignor's lot without a reserve (API), a catalogue row without a lot number (import).
    Bug("cx-consignor-jsresult", "auction-web", (Exc("JsResultException", "JsResultException(errors:List((/reserve,List(JsonValidationError(List(error.path.missing),List())))))", (*ACTION, lot("controllers.ConsignorApi", "$anonfun$createLot$1", 29), *JSRESULT_AS), module="play.api.libs.json"),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="cx-catalogue-jsresult", entry="POST /api/consignors/lots"),
    Bug("cx-catalogue-jsresult", "lot-engine", (Exc("JsResultException", "JsResultException(errors:List((/lots({idx})/lotNumber,List(JsonValidationError(List(error.expected.jsstring),List())))))", (*FUTURE, lot("catalogue.CatalogueImport", "$anonfun$run$2", 57), lot("catalogue.CatalogueImport", "parseSheet", 88), *JSRESULT_AS), module="play.api.libs.json"),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS), see("datadog.log", **ENGINE_MON)),
        classes=(4, 5), pair="cx-consignor-jsresult", log="catalogue import failed for sale {n}", logger="scarthwaite.catalogue.CatalogueImport", entry="CatalogueImport", span=2, renames={"parseSheet": "parseCatalogueSheet"}),
    # The buyer's premium for a lot sold at zero (a no-sale recorded as a sale).
    Bug("cx-premium-div-zero", "auction-web", (Exc("ArithmeticException", "/ by zero", (*FUTURE, lot("controllers.InvoiceController", "$anonfun$show$1", 35), lot("invoicing.BuyersPremium", "effectiveRate", 44)), module="java.lang"),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(5,), entry="GET /invoices/{id}", span=3),
    # The pool exhausted during the Saturday sale's last minutes.
    Bug("cx-hikari-timeout", "auction-web", (jexc("java.sql.SQLTransientConnectionException", "db - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting={waiting})", SLICK_CONNECT),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.apm", 2, **APM), see("datadog.log", **LOG_MON)),
        classes=(10,), entry="GET /sales/{id}/live"),
    # A lot photo missing from the bucket.
    Bug("cx-photo-nosuchkey", "auction-web", (jexc("software.amazon.awssdk.services.s3.model.NoSuchKeyException", "The specified key does not exist. (Service: S3, Status Code: 404, Request ID: {hex}, Extended Request ID: {uuid})", (*FUTURE, lot("controllers.PhotoController", "$anonfun$thumbnail$1", 31), lot("media.PhotoStore", "fetch", 52), jl("software.amazon.awssdk.core.internal.handler.BaseSyncClientHandler", "execute", 73), jl("software.amazon.awssdk.protocols.xml.internal.unmarshall.AwsXmlPredicatedResponseHandler", "handleErrorResponse", 156))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB)),
        entry="GET /photos/{id}/thumb"),
    # A thousands separator where a number was expected: a bid typed as "1,250" (web), a catalogue estimate (engine).
    Bug("cx-bid-amount-format", "auction-web", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}50"', (*ACTION, lot("controllers.BidController", "$anonfun$place$1", 55), lot("bidding.BidForm$", "parseAmount", 19, "BidForm.scala"), sclib("scala.collection.StringOps$", "toInt$extension", 910, "StringOps.scala"), jl("java.lang.Integer", "parseInt", 662), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="cx-estimate-format", entry="POST /lots/{id}/bids"),
    Bug("cx-estimate-format", "lot-engine", (jexc("java.lang.NumberFormatException", 'For input string: "{n},{idx}50"', (*FUTURE, lot("catalogue.CatalogueImport", "$anonfun$run$2", 61), lot("catalogue.Estimates$", "low", 27, "Estimates.scala"), sclib("scala.collection.StringOps$", "toInt$extension", 910, "StringOps.scala"), jl("java.lang.Integer", "parseInt", 662), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("datadog.log", **ENGINE_MON)),
        classes=(4,), pair="cx-bid-amount-format", log="catalogue import failed for sale {n}", logger="scarthwaite.catalogue.CatalogueImport", entry="CatalogueImport"),
    # Seen once: the invoice mailer's SMTP relay refusing the login.
    Bug("cx-mailer-auth", "lot-engine", (jexc("jakarta.mail.AuthenticationFailedException", "535 5.7.8 Authentication credentials invalid", (*FUTURE, lot("invoicing.InvoiceMailer", "$anonfun$sendAll$1", 40), jl("jakarta.mail.Service", "connect", 364))),),
        (see("sentry.error"),),
        singleton=True, entry="InvoiceMailer"),
]

NOISE = [
    Noise("cx-noise-play-started", "auction-web", "splunk", {**WEB, "line": "{gts},{millis} [INFO] from play.core.server.PekkoHttpServer in main - Listening for HTTP on /0.0.0.0:9000"}),
    Noise("cx-noise-deploy", "auction-web", "datadog.event", {"monitor": "Deployed auction-web 2026.03.2", "text": "Jenkins deployed auction-web 2026.03.2 (sbt dist, Play 3.0.5).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "auctions"}),
    Noise("cx-noise-engine-up", "lot-engine", "splunk", {**ENGINE, "line": "{gts},{millis} INFO  o.a.p.event.slf4j.Slf4jLogger  - Slf4jLogger started"}),
]

SCARTHWAITE = Company(
    key="cx",
    name="Scarthwaite Auctions",
    domain="scarthwaite.example",
    sentry_org="scarthwaite",
    splunk_url="https://scarthwaite.splunkcloud.com",
    splunk_guid="6A0F93C2-41D7-4B8E-9E25-C7B14D08A3F1",
    datadog_org=("733019", "Scarthwaite Auctions"),
    datadog_template="recommended",
    posthog_project=(73301, "scarthwaite.example"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="scarthwaite-sentry-client-secret",
)
# fmt: on
