"""(y) Kittiwake Energy, energy-supplier switching: a Quarkus 3 tariff service on Java 21
(``tariffs``: RESTEasy Reactive on worker threads, Mutiny and Hibernate Reactive on the
Vert.x event loop, scheduled jobs), an aiohttp switching API on Python 3.11 (``switching``)
and its Huey task consumer (``switch-tasks``).

Sentry sees all three (quarkus-logging-sentry's JUL handler, one deployment without
``in-app-packages``; sentry-python with the aiohttp and Huey integrations); posthog-python
captures a few API errors; Splunk indexes Quarkus' JBoss console format (``%c{3.}``
categories, Vert.x's "HTTP Request to ... failed, error id" line with the trace on the same
line) and its JSON console log, ecs-logging-python's JSON from the API and the task
consumer's ``%(asctime)s %(levelname)s [%(name)s] %(message)s`` text; Datadog posts the
team's template (``summary``, ``body_md``, the monitor under ``meta``).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "tariffs": Service("tariffs", "java", "jboss-text", "kittiwake:tariffs", "/var/log/containers/tariffs.log", "kw_prod", 8120041, "OpenJDK 21.0.4", sdk=("sentry.java.jul", "7.14.0", "maven:io.sentry:sentry-jul")),
    "switching": Service("switching", "python", "ecs-json", "kittiwake:switching:ecs", "/var/log/containers/switching.log", "kw_prod", 8120044, "CPython 3.11.9", framework="aiohttp", sdk=("sentry.python.aiohttp", "2.14.0", "pypi:sentry-sdk")),
    "switch-tasks": Service("switch-tasks", "python", "pylog-text", "kittiwake:switch-tasks", "/var/log/containers/switch-tasks.log", "kw_prod", 8120047, "CPython 3.11.9", framework="huey", sdk=("sentry.python", "2.14.0", "pypi:sentry-sdk")),
}

# A RESTEasy Reactive endpoint on a worker thread, down to the generated invoker.
QK_WORKER = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("org.jboss.threads.DelegatingRunnable", "run", 11),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1520),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "run", 2654),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "doRunWith", 2675),
    jl("org.jboss.threads.ContextHandler$1", "runWith", 18),
    jl("io.quarkus.vertx.core.runtime.VertxCoreRecorder$14", "runWith", 635),
    jl("org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext", "run", 147),
    jl("io.quarkus.resteasy.reactive.server.runtime.QuarkusResteasyReactiveRequestContext", "invokeHandler", 141),
    jl("org.jboss.resteasy.reactive.server.handlers.InvocationHandler", "handle", 29),
)
# The Vert.x event loop firing a timer or a socket read into Mutiny.
QK_LOOP = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor", "runAllTasks", 469),
    jl("io.netty.util.concurrent.AbstractEventExecutor", "safeExecute", 166),
    jl("io.netty.util.concurrent.AbstractEventExecutor", "runTask", 173),
    jl("io.vertx.core.impl.VertxImpl$InternalTimerHandler", "run", 1056),
    jl("io.vertx.core.impl.ContextInternal", "emit", 209),
    jl("io.vertx.core.impl.VertxImpl$InternalTimerHandler", "handle", 1072),
)
MUTINY_TIMEOUT = (
    jl("io.smallrye.mutiny.operators.uni.UniFailOnTimeout$UniFailOnTimeoutProcessor", "lambda$onSubscribe$0", 71),
    jl("io.smallrye.mutiny.operators.uni.UniFailOnTimeout$UniFailOnTimeoutProcessor", "doTimeout", 89),
)
PG_ERROR = (
    jl("io.netty.channel.nio.NioEventLoop", "processSelectedKey", 788),
    jl("io.netty.channel.AbstractChannelHandlerContext", "fireChannelRead", 412),
    jl("io.vertx.core.net.impl.VertxHandler", "channelRead", 159),
    jl("io.vertx.core.net.impl.ConnectionBase", "read", 159),
    jl("io.vertx.sqlclient.impl.SocketConnectionBase", "handleMessage", 318),
    jl("io.vertx.pgclient.impl.codec.PgDecoder", "decodeError", 243),
    jl("io.vertx.pgclient.impl.codec.ErrorResponse", "toException", 31),
)
HR_CONVERT = (
    jl("io.smallrye.mutiny.operators.uni.UniOnFailureTransform$UniOnFailureTransformProcessor", "onFailure", 54),
    jl("org.hibernate.reactive.pool.impl.SqlClientConnection", "lambda$convertException$1", 122),
    jl("org.hibernate.reactive.pool.impl.SqlClientConnection", "convertException", 131),
    jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95),
)
SCHEDULED = (
    jl("java.lang.Thread", "run", 1583),
    jl("org.jboss.threads.EnhancedQueueExecutor$ThreadBody", "run", 1520),
    jl("org.jboss.threads.EnhancedQueueExecutor$Task", "run", 2654),
    jl("io.quarkus.scheduler.runtime.SimpleScheduler$ScheduledTask$2", "run", 365),
    jl("io.quarkus.scheduler.common.runtime.StatusEmitterInvoker", "invoke", 35),
    jl("io.quarkus.scheduler.common.runtime.DefaultInvoker", "invoke", 24),
)


def tk(cls: str, method: str, line: int) -> Frame:
    return jv("com.kittiwake.tariffs." + cls, method, line)


def invoker(resource: str, method: str, digest: str) -> Frame:
    """RESTEasy Reactive's generated invoker: in the app's package, no source file."""
    return Frame("invoke", "", -1, f"com.kittiwake.tariffs.api.{resource}$quarkusrestinvoker${method}_{digest}")


def scheduled_invoker(job: str, method: str, digest: str) -> Frame:
    return Frame("invokeBean", "", -1, f"com.kittiwake.tariffs.{job}_ScheduledInvoker_{method}_{digest}")


def proxy(cls: str, method: str) -> Frame:
    """An ArC client proxy (a generated subclass, no source file)."""
    return Frame(method, "", -1, f"com.kittiwake.tariffs.{cls}_ClientProxy")


def pg_unique(constraint: str, sql: str) -> tuple[Exc, ...]:
    """Hibernate Reactive converting the Vert.x PG client's error: neither has an
    application frame (the failure arrives on the event loop)."""
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}" (23505)'
    return (
        jexc("io.vertx.pgclient.PgException", pg, PG_ERROR),
        jexc("org.hibernate.exception.ConstraintViolationException", f"error executing SQL statement [{pg}] [{sql}]", (*QK_LOOP[:5], *PG_ERROR[:4], *HR_CONVERT)),
    )


AIOHTTP = (
    pylib("aiohttp.web_protocol", "_handle_request", 452, "resp = await request_handler(request)"),
    pylib("aiohttp.web_app", "_handle", 543, "resp = await handler(request)"),
    pylib("aiohttp.web_middlewares", "impl", 114, "return await handler(request)"),
    py("switching.middleware", "request_context", 22, "return await handler(request)"),
)
HUEY = (
    pylib("huey.consumer", "loop", 107, "self.huey.execute(task, timestamp)"),
    pylib("huey.api", "execute", 379, "return self._execute(task, timestamp)"),
    pylib("huey.api", "_execute", 410, "task_value = task.execute()"),
    pylib("huey.api", "execute", 776, "return func(*args, **kwargs)"),
)
XOSERVE = py("switching.clients.xoserve", "_get", 44, "async with self._session.get(url, params=params, timeout=self._timeout) as resp:")
AIO_TIMEOUT = (
    pylib("aiohttp.client", "__aenter__", 1197, "self._resp = await self._coro"),
    pylib("aiohttp.client", "_request", 605, "await resp.start(conn)"),
    pylib("aiohttp.client_reqrep", "start", 966, "message, payload = await protocol.read()  # type: ignore[union-attr]"),
    pylib("aiohttp.streams", "read", 622, "await self._waiter"),
)
TARIFF_LOG = dict(logger="io.quarkus.vertx.http.runtime.QuarkusErrorHandler")
DD_TARIFFS = dict(team="pricing", monitor="tariffs error logs", filter="service:tariffs status:error", style="stack", lines=8)
ECS_TEXT = "{{log.attributes.error.type}} on switching: {{log.attributes.error.message}}\n\nlogger `{{log.attributes.log.logger}}`, path `{{log.attributes.url.path}}`"
NPE_TEXT = 'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because the return value of "com.kittiwake.tariffs.model.Rate.unitPrice()" is null'

BUGS = [
    # One helpful-NPE text from the quote endpoint and from the nightly renewal job.
    Bug("kw-quote-unit-price-npe", "tariffs", (jexc("java.lang.NullPointerException", NPE_TEXT, (*QK_WORKER, invoker("QuoteResource", "quote", "5f1e0c7d2b9a48e0f3c6a1d27b8e94c05a7d3e11"), tk("api.QuoteResource", "quote", 48), proxy("pricing.TariffCalculator", "annualCost"), tk("pricing.TariffCalculator", "annualCost", 62), tk("pricing.TariffCalculator", "standingPlusUnits", 88))),),
        (see("sentry.error", 2), see("sentry.error", in_app="none"), see("splunk", 2), see("splunk", format="quarkus-json"), see("datadog.log", **DD_TARIFFS)),
        classes=(4,), pair="kw-renewal-unit-price-npe", entry="POST /quotes", **TARIFF_LOG),
    Bug("kw-renewal-unit-price-npe", "tariffs", (jexc("java.lang.NullPointerException", NPE_TEXT, (*SCHEDULED, scheduled_invoker("renewal.RenewalJob", "run", "0e8b41f2c9d7a35e6b1f"), tk("renewal.RenewalJob", "run", 37), tk("renewal.RenewalPricer", "priceFor", 54))),),
        (see("sentry.error", 2), see("splunk", 2, thread="executor-thread-{n}"), see("datadog.log", **DD_TARIFFS)),
        classes=(4,), pair="kw-quote-unit-price-npe", log="Renewal pricing failed for account {id}", logger="com.kittiwake.tariffs.renewal.RenewalJob", entry="RenewalJob.run"),
    # Mutiny's timeout firing for two calls: meter reads (HTTP) and the DCC tariff push (job).
    Bug("kw-meter-read-timeout", "tariffs", (jexc("io.smallrye.mutiny.TimeoutException", "", (*QK_LOOP, *MUTINY_TIMEOUT)),),
        (see("sentry.error", 2), see("splunk", 3, thread="vert.x-eventloop-thread-{idx}"), see("splunk", format="quarkus-json", thread="vert.x-eventloop-thread-{idx}"), see("datadog.apm", style="message", team="pricing", monitor="tariffs error spans")),
        classes=(8, 10), pair="kw-dcc-push-timeout", entry="GET /meters/{mpan}/reads", **TARIFF_LOG),
    Bug("kw-dcc-push-timeout", "tariffs", (jexc("io.smallrye.mutiny.TimeoutException", "", (*QK_LOOP, *MUTINY_TIMEOUT)),),
        (see("sentry.error", 2), see("splunk", 2, thread="vert.x-eventloop-thread-{idx}"), see("splunk", format="quarkus-json", thread="vert.x-eventloop-thread-{idx}")),
        classes=(10,), pair="kw-meter-read-timeout", log="Tariff push to DCC gateway failed for batch {uuid}", logger="com.kittiwake.tariffs.dcc.TariffPushJob", entry="TariffPushJob.push"),
    # Unique violations on two tables through Hibernate Reactive: no application frame.
    Bug("kw-quote-reference-unique", "tariffs", pg_unique("quotes_reference_key", "insert into quotes (account_id,annual_cost,created_at,reference,tariff_code,id) values ($1,$2,$3,$4,$5,$6)"),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="pricing", monitor="tariffs constraint violations", filter="service:tariffs @exception.exceptionType:*ConstraintViolationException", text="Constraint violation on tariffs: {{log.attributes.error.message}}", format="quarkus-json")),
        classes=(4, 10), pair="kw-tariff-code-unique", entry="POST /quotes", **TARIFF_LOG),
    Bug("kw-tariff-code-unique", "tariffs", pg_unique("tariffs_code_key", "insert into tariffs (code,region,standing_charge,unit_rate,valid_from,id) values ($1,$2,$3,$4,$5,$6)"),
        (see("sentry.error", 2), see("sentry.error", in_app="none"), see("splunk", format="quarkus-json"), see("splunk"), see("datadog.log", team="pricing", monitor="tariffs constraint violations", filter="service:tariffs @exception.exceptionType:*ConstraintViolationException", text="Constraint violation on tariffs: {{log.attributes.error.message}}", format="quarkus-json")),
        classes=(4, 10), pair="kw-quote-reference-unique", entry="PUT /tariffs/{code}", **TARIFF_LOG),
    # The event loop blocked by a synchronous call in the rate cache: a WARN with the stack.
    Bug("kw-eventloop-blocked", "tariffs", (jexc("io.vertx.core.VertxException", "Thread blocked", (*QK_LOOP[:8], tk("rates.RateCache", "lambda$refresh$2", 71), tk("rates.RateCache", "loadFromWholesale", 93), jl("java.net.Socket$SocketInputStream", "read", 1099), jl("sun.nio.ch.NioSocketImpl", "timedRead", 279), jl("sun.nio.ch.Net", "poll", -2))),),
        (see("splunk", 3, level="WARN", thread="vertx-blocked-thread-checker"), see("datadog.log", team="pricing", monitor="tariffs blocked event loop", filter="service:tariffs \"has been blocked for\"", style="sample", format="jboss-text", level="WARN", thread="vertx-blocked-thread-checker")),
        classes=(2, 7), log="Thread Thread[vert.x-eventloop-thread-{idx},5,main] has been blocked for {ms} ms, time limit is 2000 ms: ", logger="io.vertx.core.impl.BlockedThreadChecker"),
    # The API and a task both reading a payload without its MPAN.
    Bug("kw-switch-mpan-keyerror", "switching", (Exc("KeyError", "'mpan'", (*AIOHTTP, py("switching.handlers.switch", "create_switch", 41, 'mpan = payload["mpan"]'))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2), see("posthog"), see("datadog.log", team="switching", monitor="switching exceptions", filter="service:switching status:error", text=ECS_TEXT)),
        classes=(4,), pair="kw-confirm-mpan-keyerror", log="Error handling request", logger="aiohttp.server", entry="POST /switches"),
    Bug("kw-confirm-mpan-keyerror", "switch-tasks", (Exc("KeyError", "'mpan'", (*HUEY, py("switching.tasks.confirm", "confirm_switch", 33, 'mpan = event["mpan"]'))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", team="switching", monitor="huey task failures")),
        classes=(4,), pair="kw-switch-mpan-keyerror", logger="huey", entry="switching.tasks.confirm.confirm_switch"),
    # One Xoserve helper for two failures: a lookup timing out, reconciliation refused (401).
    Bug("kw-xoserve-lookup-timeout", "switching", (Exc("CancelledError", "", (*AIOHTTP, py("switching.handlers.meters", "lookup", 27, "record = await request.app['xoserve'].meter(mpan)"), py("switching.clients.xoserve", "meter", 31, 'return await self._get(f"/v3/meters/{mpan}")'), XOSERVE, *AIO_TIMEOUT), module="asyncio.exceptions"), Exc("TimeoutError", "", (*AIOHTTP, py("switching.handlers.meters", "lookup", 27, "record = await request.app['xoserve'].meter(mpan)"), py("switching.clients.xoserve", "meter", 31, 'return await self._get(f"/v3/meters/{mpan}")'), XOSERVE, pylib("aiohttp.helpers", "__exit__", 735, "raise asyncio.TimeoutError from None"), pylib("asyncio.timeouts", "__aexit__", 115, "raise TimeoutError from exc_val")))),
        (see("sentry.error", 2), see("splunk", 2, limit=3), see("datadog.apm", style="type", team="switching", monitor="switching error types")),
        classes=(9, 10), pair="kw-xoserve-reconcile-401", log="Error handling request", logger="aiohttp.server", entry="GET /meters/{mpan}/lookup"),
    Bug("kw-xoserve-reconcile-401", "switch-tasks", (Exc("ClientResponseError", "401, message='Unauthorized', url=URL('https://api.xoserve.example/v3/registrations?since=2026-03-0{idx}')", (*HUEY, py("switching.tasks.reconcile", "reconcile_registrations", 19, "rows = run(client.registrations(since))"), pylib("asyncio.runners", "run", 190, "return runner.run(main)"), pylib("asyncio.base_events", "run_until_complete", 654, "return future.result()"), py("switching.clients.xoserve", "registrations", 36, 'return await self._get("/v3/registrations", {"since": since})'), XOSERVE, pylib("aiohttp.client_reqrep", "raise_for_status", 1070, "raise ClientResponseError(")), module="aiohttp.client_exceptions"),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.task", 2, team="switching", monitor="huey task failures")),
        classes=(9,), pair="kw-xoserve-lookup-timeout", logger="huey", entry="switching.tasks.reconcile.reconcile_registrations"),
    # A usage import choking on a malformed reading; the outer caller renamed over releases.
    Bug("kw-usage-decimal", "switch-tasks", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*HUEY, py("switching.tasks.usage", "import_usage_csv", 28, "for row in reader:"), py("switching.tasks.usage", "parse_row", 44, "kwh = Decimal(row['consumption'])")), module="decimal"),),
        (see("sentry.error", 3), see("splunk", 3), see("datadog.task", team="switching", monitor="huey task failures")),
        classes=(5,), span=3, renames={"parse_row": "row_to_usage"}, logger="huey", entry="switching.tasks.usage.import_usage_csv"),
    # The API's pool refused by PostgreSQL; ECS keeps only three frames in one delivery.
    Bug("kw-asyncpg-too-many-clients", "switching", (Exc("TooManyConnectionsError", "sorry, too many clients already", (*AIOHTTP, py("switching.handlers.switch", "get_switch", 63, "async with request.app['pool'].acquire() as conn:"), pylib("asyncpg.pool", "_acquire", 864, "return await _acquire_impl()"), pylib("asyncpg.pool", "_acquire_impl", 849, "await ch.connect()"), pylib("asyncpg.connect_utils", "_connect_addr", 795, "return await __connect_addr(params, timeout, True, *args)"), pylib("asyncpg.connect_utils", "__connect_addr", 842, "await connected")), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2), see("splunk", limit=3), see("datadog.apm", style="type", team="switching", monitor="switching error types"), see("posthog")),
        classes=(10,), log="Error handling request", logger="aiohttp.server", entry="GET /switches/{switch_id}"),
    # The welcome pack's mail refused for an unknown mailbox: the address in the message.
    Bug("kw-welcome-pack-smtp", "switch-tasks", (Exc("SMTPRecipientsRefused", "{'{email}': (550, b'5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table')}", (*HUEY, py("switching.tasks.mail", "send_welcome_pack", 22, "smtp.send_message(msg)"), pylib("smtplib", "send_message", 986, "return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,"), pylib("smtplib", "sendmail", 901, "raise SMTPRecipientsRefused(senderrs)")), module="smtplib"),),
        (see("sentry.error", 3), see("splunk", 2), see("datadog.task", team="switching", monitor="huey task failures")),
        classes=(2,), logger="huey", entry="switching.tasks.mail.send_welcome_pack"),
    # Sentry's metric alert on the tariff service's error count: a problem naming no bug.
    Bug("kw-tariffs-error-spike", "tariffs", (),
        (see("sentry.metric", 2, rule="tariffs error spike", query="level:error", threshold=80, value="{n}0", description="{n}0 errors in the last 10 minutes (threshold 80)"),),
        classes=(8,)),
    # A Synthetic API test of the public quote endpoint.
    Bug("kw-synthetic-quote", "tariffs", (),
        (see("datadog.synthetics", 2, monitor="[Synthetics] Public quote API", event_type="synthetics_alert", scope="location:aws:eu-west-2", team="pricing", text="API test **Public quote API** failed from aws:eu-west-2: response time {ms}ms exceeded the 3000ms assertion."),),
        classes=(8,)),
]

NOISE = [
    Noise("kw-noise-deploy", "tariffs", "datadog.event", {"monitor": "Deployed tariffs 3.14.2", "text": "GitHub Actions rolled out tariffs 3.14.2 (native image, 2/2 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("kw-noise-huey-start", "switch-tasks", "splunk", {"search": "switch-tasks - errors", "line": "{gts},{n}1 INFO [huey.consumer] Huey consumer started with 4 thread, PID 1 at {gts}"}),
    Noise("kw-noise-quarkus-start", "tariffs", "splunk", {"search": "tariffs - errors", "line": "{gts},{n}7 INFO  [io.quarkus] (main) tariffs 3.14.2 native (powered by Quarkus 3.14.4) started in 0.041s. Listening on: http://0.0.0.0:8080"}),
]

KITTIWAKE = Company(
    key="y",
    name="Kittiwake Energy",
    domain="kittiwake.example",
    sentry_org="kittiwake",
    splunk_url="https://kittiwake.splunkcloud.com",
    splunk_guid="B7F1A4D2-3C59-4E0A-9D86-52E8C1B7F0A9",
    datadog_org=("912740", "Kittiwake Energy"),
    datadog_template="kittiwake",
    posthog_project=(31877, "Kittiwake switching"),
    releases=("3.14.0", "3.14.1", "3.14.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kittiwake-sentry-client-secret",
)
# fmt: on
