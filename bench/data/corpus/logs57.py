"""blind57's log formats: a Roda 3 API on Puma with Sequel, logging through Ruby's stdlib
``Logger`` (``E, [<iso> #<pid>] ERROR -- <progname>: <message> (<Class>)`` and the backtrace,
``Logger::Formatter#msg2str`` for an exception; Sequel's own ``<Class>: <message>: <SQL>``
error line) (fr); a Remix v2 app on Fly.io as ``fly logs`` prints it, every stdout line of
``console.error(error)`` a record of its own (``<ts> app[<machine>] <region> [info] <line>``)
(fs); a Kotlin Spring Cloud Stream consumer on Kafka under Spring Boot 3's default console
pattern (``<ts>  LEVEL <pid> --- [<app>] [<thread>] <logger> : <message>`` then the trace)
(ft).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Frame tables and log layouts are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import time
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .rand import stable_int
from .stacks import jl
from .traces import java_trace

Fields = dict[str, str]


# --- Roda on Puma (Ruby Logger) ----------------------------------------------------------------


def _rb_lines(d: Delivery) -> list[str]:
    out = []
    for f in reversed(d.frames):
        path = ("/srv/app/" if f.in_app else "/usr/local/bundle/ruby/3.3.0/gems/") + f.file
        out.append(f"{path}:{f.line}:in `{f.function}'")
    return out


def roda_logger(d: Delivery) -> tuple[str, Fields]:
    """Ruby's ``Logger`` default formatter: ``%s, [%s #%d] %5s -- %s: %s`` with the time as
    ``%Y-%m-%dT%H:%M:%S.%6N``. The team's ``plugin :error_handler`` block calls
    ``LOGGER.error(e)``: ``msg2str`` prints ``message (Class)`` and the backtrace, one line
    each. ``opts.kind`` ``sequel``: Sequel's ``log_exception`` on the same logger
    (``Class: message: SQL``, no backtrace); ``opts.kind`` ``short``: the team's own
    ``LOGGER.error("#{e.class}: #{e.message}")`` with only the first app line."""
    kind = str(d.opts.get("kind", "handler"))
    exc = d.thrown
    pid = 7 + stable_int("fr-pid", d.host) % 40
    head = f"E, [{d.iso(6)[:-1]} #{pid}] ERROR -- {d.opts.get('progname', 'api')}: "
    if kind == "sequel":
        sql = d.values.fill(str(d.opts.get("sql", "")))
        first = exc.value.split("\n", 1)[0]
        return head + f"{exc.type}: {first}: {sql}", {"progname": "api"}
    if kind == "short":
        app = [line for line in _rb_lines(d) if line.startswith("/srv/app/")]
        return head + f"{exc.type}: {exc.value.split(chr(10))[0]} at {app[0]}", {}
    return "\n".join([head + f"{exc.value} ({exc.type})", *_rb_lines(d)]), {}


# --- Remix on Fly.io ---------------------------------------------------------------------------


def _remix_stack(d: Delivery) -> list[str]:
    """Node's ``console.error(error)`` of an error from the Vite-built server bundle: the app's
    code all in ``build/server/index.js`` (ESM, ``file://`` URLs), packages under
    ``node_modules``."""
    exc = d.thrown
    lines = [f"{exc.type}: {exc.value}".rstrip(": ")]
    for f in reversed(exc.frames):
        if f.file.startswith("node:"):
            where = f"{f.file}:{f.line}:{f.col}"
        elif f.in_app:
            line = 40 + stable_int("fs-bundle", f.file, d.release) % 3000 + f.line
            where = f"file:///app/build/server/index.js:{line}:{f.col}"
        else:
            where = f"file:///app/{f.file}:{f.line}:{f.col}"
        if f.function:
            prefix = "async " if f.args == "async" else ""
            lines.append(f"    at {prefix}{f.function} ({where})")
        else:
            lines.append(f"    at {'async ' if f.args == 'async' else ''}{where}")
    extra = str(d.opts.get("extra", ""))
    if extra:
        lines[-1] += " {"
        lines += [f"  {x}" for x in d.values.fill(extra).split("\n")] + ["}"]
    return lines


def fly_logs(d: Delivery) -> tuple[str, Fields]:
    """``fly logs``: each stdout/stderr line its own record, ``<ts> app[<machine id>] <region>
    [info] <line>``. ``opts.kind`` ``stack`` (the default) is Remix's default ``handleError``
    (``console.error(error)``); ``opts.lines`` cuts the stack at that many records (the
    search's window); ``opts.kind`` ``morgan`` adds remix-serve's ``morgan("tiny")`` line."""
    machine = stable_int("fs-machine", d.release, d.rand.randint(0, 2)) % (16**14)
    mid = f"{machine:014x}"
    region = d.rand.choice(("lhr", "ams", "fra", "cdg"))
    stack = _remix_stack(d)
    records = [x for line in stack for x in line.split("\n")]
    cut = int(str(d.opts.get("lines", 0)))
    if cut:
        records = records[:cut]
    if d.opts.get("kind") == "morgan":
        verb, _, _ = d.bug.entry.partition(" ")
        ms = f"{d.rand.uniform(3, 900):.3f}"
        records.append(f"{verb} {d.request_path} 500 - - {ms} ms")
    out = []
    for i, line in enumerate(records):
        t = int(d.when * 1e6) + i * 400
        ts = (
            time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t // 1_000_000))
            + f".{t % 1_000_000:06d}Z"
        )
        out.append(f"{ts} app[{mid}] {region} [info] {line}")
    return "\n".join(out), {"region": region, "instance": mid}


# --- Spring Cloud Stream on Kafka (Spring Boot 3 console) --------------------------------------


def _logger39(name: str) -> str:
    """Logback's ``%-40.40logger{39}``: leading packages cut to their initial until it fits."""
    parts = name.split(".")
    i = 0
    while len(".".join(parts)) > 39 and i < len(parts) - 1:
        parts[i] = parts[i][0]
        i += 1
    return f"{'.'.join(parts)[-40:]:<40}"


def boot3_console(d: Delivery) -> tuple[str, Fields]:
    """Spring Boot 3.3's ``CONSOLE_LOG_PATTERN``: ``%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p
    ${PID} --- [${spring.application.name}] [%15.15t] %-40.40logger{39} : %m%n%wEx``.
    ``opts.kind`` ``dlq``: the Kafka ``DefaultErrorHandler``'s "Backoff ... exhausted for
    topic-partition@offset" over the ``ListenerExecutionFailedException`` trace; ``handler``:
    Spring Integration's ``LoggingHandler`` on the binder's error channel (a
    ``MessageHandlingException`` with the failed message); ``team``: the consumer's own
    ``log.error(msg, e)``."""
    kind = str(d.opts.get("kind", "dlq"))
    pid = 1
    app = d.service.name
    thread = str(d.opts.get("thread", f"container-{d.rand.randint(0, 2)}-C-1"))[-15:]
    ts = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{d.millis}Z"
    topic = str(d.opts.get("topic", "events"))
    binding = str(d.opts.get("binding", "process-in-0"))
    group = str(d.opts.get("group", d.service.name))
    chain = list(d.chain)
    spring_frames = (
        jl("java.lang.Thread", "run", 1583),
        jl(
            "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer",
            "run",
            1294,
        ),
        jl(
            "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer",
            "pollAndInvoke",
            1536,
        ),
        jl(
            "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer",
            "invokeRecordListener",
            2695,
        ),
        jl(
            "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer",
            "doInvokeOnMessage",
            2855,
        ),
    )
    payload = f"byte[{d.rand.randint(180, 2400)}]"
    headers = f"kafka_offset={d.rand.randint(10_000, 900_000)}, kafka_receivedPartitionId={d.rand.randint(0, 11)}, kafka_receivedTopic={topic}, kafka_groupId={group}, id={d.values['uuid']}, contentType=application/json"
    handler = Exc(
        "MessageHandlingException",
        f"error occurred in message handler [org.springframework.cloud.stream.function.FunctionConfiguration$FunctionToDestinationBinder$1@{d.rand.hex(8)}], failedMessage=GenericMessage [payload={payload}, headers={{{headers}}}]",
        (
            *spring_frames,
            jl(
                "org.springframework.integration.handler.AbstractMessageHandler",
                "handleMessage",
                105,
            ),
        ),
        module="org.springframework.messaging",
    )
    partition = d.rand.randint(0, 11)
    offset = d.rand.randint(10_000, 900_000)
    if kind == "team":
        logger = str(d.opts.get("logger", d.logger))
        msg = d.values.fill(str(d.opts["log"])) if "log" in d.opts else d.log_message
        head = f"{ts} ERROR {pid} --- [{app}] [{thread:>15}] {_logger39(logger)} : {msg}"
        return head + "\n" + java_trace(chain), {"logger": logger}
    if kind == "handler":
        head = f"{ts} ERROR {pid} --- [{app}] [{thread:>15}] {_logger39('org.springframework.integration.handler.LoggingHandler')} : {handler.text_name}: {handler.value}"
        return head + "\n" + java_trace([*chain, handler]), {"binding": binding}
    lefe = Exc(
        "ListenerExecutionFailedException",
        "Listener failed",
        (
            *spring_frames[:4],
            jl(
                "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer",
                "decorateException",
                2985,
            ),
        ),
        module="org.springframework.kafka.listener",
    )
    head = f"{ts} ERROR {pid} --- [{app}] [{thread:>15}] {_logger39('org.springframework.kafka.listener.DefaultErrorHandler')} : Backoff FixedBackOff{{interval=1000, currentAttempts=3, maxAttempts=2}} exhausted for {topic}-{partition}@{offset}"
    return head + "\n" + java_trace([*chain, handler, lefe]), {"topic": topic}


FORMATS57: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "fr-roda-logger": roda_logger,
    "fs-fly-logs": fly_logs,
    "ft-boot3-console": boot3_console,
}
