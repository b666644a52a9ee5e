"""blind69's log formats.

- ``hb-boot31``: a Java 17 Spring Boot 3.1 monolith on logback through Spring Boot's default
  console pattern (``%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p ${PID} --- [%15.15t]
  %-40.40logger{39} : %m%n%wEx``): the thread cut to its last 15 characters, the logger
  abbreviated and padded to 40, ``%wEx`` putting an empty line before the trace and after it,
  each frame with its packaging data (``~[spring-web-6.0.13.jar!/:6.0.13]``), ``Caused by:``
  sections ending in ``... N common frames omitted``. Splunk breaks the stream per event (the
  whole record one ``_raw``). ``opts.kind``: ``team`` (the code's ``log.error("...", e)``),
  ``servlet`` (Tomcat's "with root cause" record: the root cause alone), ``kafka`` (Spring
  Kafka's ``DefaultErrorHandler`` giving up: "Backoff FixedBackOff{...} exhausted for
  <topic>-<partition>@<offset>" over ``ListenerExecutionFailedException``), ``noexc`` (the
  code's ``log.error("... {}", e.getMessage())``, no trace), ``firstline`` (a forwarder whose
  sourcetype breaks every line: only the record's first line matched the search).
- ``hc-logstash``: a Kotlin Ktor 2 API on logback with logstash-logback-encoder's
  ``LogstashEncoder`` (``@timestamp``, ``@version``, ``message``, ``logger_name``,
  ``thread_name``, ``level``, ``level_value``, ``stack_trace``, the MDC's ``call-id`` and the
  Datadog agent's ``dd.*``). ``opts.kind``: ``team`` (StatusPages' handler or a worker's own
  ``log.error(msg, e)``), ``ktor`` (Ktor's own "Unhandled: <METHOD> - <uri>. Exception class
  <type>: <message>" on ``ktor.application``). ``opts.half``: a ``ShortenedThrowableConverter``
  with ``maxDepthPerThrowable``.
- ``hd-flask``: Flask 3 on gunicorn with ``logging`` configured to
  ``[%(asctime)s] %(levelname)s in %(module)s: %(message)s`` (Flask's documented dictConfig),
  ``logger.exception(...)`` from the app's modules or Flask's own ``log_exception``
  ("Exception on <path> [<METHOD>]", module ``app``), the traceback below.
- ``hd-rq``: an RQ worker's ``handle_exception`` record (``%(asctime)s %(message)s``,
  ``%H:%M:%S``), the traceback below.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace

from .delivery import Delivery
from .model import Exc, Frame
from .traces import python_traceback

Fields = dict[str, str]

# Which jar a library class comes from, in Spring Boot 3.1.5's dependency set.
_JARS = (
    ("org.springframework.web.servlet.", "spring-webmvc-6.0.13.jar!/:6.0.13"),
    ("org.springframework.web.", "spring-web-6.0.13.jar!/:6.0.13"),
    ("org.springframework.kafka.", "spring-kafka-3.0.12.jar!/:3.0.12"),
    ("org.springframework.transaction.", "spring-tx-6.0.13.jar!/:6.0.13"),
    ("org.springframework.orm.", "spring-orm-6.0.13.jar!/:6.0.13"),
    ("org.springframework.dao.", "spring-tx-6.0.13.jar!/:6.0.13"),
    ("org.springframework.data.", "spring-data-jpa-3.1.5.jar!/:3.1.5"),
    ("org.springframework.aop.", "spring-aop-6.0.13.jar!/:6.0.13"),
    ("org.springframework.messaging.", "spring-messaging-6.0.13.jar!/:6.0.13"),
    ("org.springframework.scheduling.", "spring-context-6.0.13.jar!/:6.0.13"),
    ("org.springframework.", "spring-core-6.0.13.jar!/:6.0.13"),
    ("org.apache.catalina.", "tomcat-embed-core-10.1.15.jar!/:na"),
    ("org.apache.coyote.", "tomcat-embed-core-10.1.15.jar!/:na"),
    ("org.apache.tomcat.", "tomcat-embed-core-10.1.15.jar!/:na"),
    ("jakarta.servlet.", "tomcat-embed-core-10.1.15.jar!/:6.0"),
    ("org.hibernate.", "hibernate-core-6.2.13.Final.jar!/:6.2.13.Final"),
    ("org.postgresql.", "postgresql-42.6.0.jar!/:42.6.0"),
    ("com.zaxxer.hikari.", "HikariCP-5.0.1.jar!/:na"),
    ("com.fasterxml.jackson.", "jackson-databind-2.15.3.jar!/:2.15.3"),
    ("com.stripe.", "stripe-java-24.3.0.jar!/:na"),
    ("org.apache.kafka.", "kafka-clients-3.4.1.jar!/:na"),
)


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _jdk(cls: str) -> bool:
    return cls.startswith(("java.", "jdk.internal.", "sun."))


def _packaging(f: Frame) -> str:
    if _jdk(f.module):
        return "~[na:na]"
    if f.in_app:
        return "~[classes!/:na]"
    for prefix, jar in _JARS:
        if f.module.startswith(prefix):
            return f"~[{jar}]"
    return "~[na:na]"


def _ste(f: Frame, packaging: bool) -> str:
    where = f"{f.file}:{f.line}" if f.line > 0 else f.file
    module = "java.base/" if _jdk(f.module) else ""
    tail = " " + _packaging(f) if packaging else ""
    return f"\tat {module}{f.module}.{f.function}({where}){tail}"


def logback_trace(chain: Sequence[Exc], packaging: bool, depth: int = 0) -> str:
    """logback's ``ThrowableProxyConverter``: the thrown throwable first, each cause as
    ``Caused by:`` with the frames it shares with its enclosing trace folded into ``...
    N common frames omitted``; a null message printed as ``null``; with ``depth``,
    ``ShortenedThrowableConverter``'s ``... N frames truncated``."""
    out: list[str] = []
    enclosing: list[Frame] = []
    for i, exc in enumerate(reversed(chain)):
        head = f"{exc.text_name}: {exc.value or 'null'}"
        out.append(head if i == 0 else "Caused by: " + head)
        frames = list(reversed(exc.frames))
        common = 0
        if i:
            while (
                common < min(len(frames), len(enclosing))
                and frames[-1 - common] == enclosing[-1 - common]
            ):
                common += 1
        shown = frames[: len(frames) - common]
        if depth and len(shown) > depth:
            out.extend(_ste(f, packaging) for f in shown[:depth])
            out.append(f"\t... {len(shown) - depth} frames truncated")
        else:
            out.extend(_ste(f, packaging) for f in shown)
        if common:
            out.append(f"\t... {common} common frames omitted")
        enclosing = frames
    return "\n".join(out)


def _abbreviate(logger: str, width: int = 39) -> str:
    """logback's ``%logger{39}``: leading packages shortened to their first letter, one at a
    time, until the name fits (the class name itself never shortened)."""
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


SERVLET_LOGGER = (
    "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
)
KAFKA_LOGGER = "org.springframework.kafka.listener.DefaultErrorHandler"


def _boot_thread(d: Delivery) -> str:
    if "listener" in d.opts:
        return f"{d.opts['listener']}-0-C-1"
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        return f"http-nio-8080-exec-{d.rand.randint(1, 40)}"
    return f"scheduling-{d.rand.randint(1, 2)}"


def _kafka_chain(d: Delivery) -> list[Exc]:
    """Spring Kafka's ``ListenerExecutionFailedException`` around what the listener threw:
    raised in ``MessagingMessageListenerAdapter.invokeHandler``, its frames the container's
    up to there."""
    chain = list(d.chain)
    frames: list[Frame] = []
    for f in chain[-1].frames:
        if f.function == "invokeHandler":
            frames.append(replace(f, line=392))
            break
        frames.append(f)
    lefe = Exc(
        "ListenerExecutionFailedException",
        f"Listener method '{d.opts.get('method', 'onMessage')}' threw exception",
        tuple(frames),
        module="org.springframework.kafka.listener",
    )
    return [*chain, lefe]


def hb_boot31(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "team"))
    logger, message, chain = d.logger, d.log_message, list(d.chain)
    thread = _boot_thread(d)
    if kind == "firstline" and not d.bug.log:
        kind = "servlet"  # the Tomcat record, of which only the first line matched
    if kind == "servlet":
        logger = SERVLET_LOGGER
        thrown = d.thrown
        first = thrown.value.split("\n", 1)[0]
        message = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed: {thrown.text_name}: {first}] with root cause"
        )
        chain = chain[:1]
    elif kind == "kafka":
        logger = KAFKA_LOGGER
        topic = str(d.opts.get("topic", "events"))
        message = (
            "Backoff FixedBackOff{interval=0, currentAttempts=10, maxAttempts=9} exhausted for "
            f"{topic}-{d.rand.randint(0, 5)}@{d.rand.randint(100_000, 9_999_999)}"
        )
        chain = _kafka_chain(d)
    elif kind == "noexc":
        first = d.thrown.value.split("\n", 1)[0]
        message = f"{d.log_message}: {first}"
    head = (
        f"{d.iso(3)} ERROR 1 --- [{thread[-15:]:>15}] {_abbreviate(logger)[-40:]:<40} : {message}"
    )
    if kind == "noexc" or d.opts.get("kind") == "firstline":
        return head, {"log_level": "ERROR"}
    return head + "\n\n" + logback_trace(chain, packaging=True) + "\n", {"log_level": "ERROR"}


def _ktor_thread(d: Delivery) -> str:
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        return f"eventLoopGroupProxy-4-{d.rand.randint(1, 8)}"
    return f"DefaultDispatcher-worker-{d.rand.randint(1, 16)}"


def hc_logstash(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "team"))
    depth = int(str(d.opts.get("half", 0)))
    logger, message = d.logger, d.log_message
    if kind == "ktor":
        logger = "ktor.application"
        method, _, path = d.bug.entry.partition(" ")
        thrown = d.thrown
        message = (
            f"Unhandled: {method} - {d.request_path}. Exception class "
            f"{thrown.module}.{thrown.type}: {thrown.value.split(chr(10), 1)[0] or 'null'}"
        )
        del path
    record: dict[str, object] = {
        "@timestamp": d.iso(3),
        "@version": "1",
        "message": message,
        "logger_name": logger,
        "thread_name": _ktor_thread(d),
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": logback_trace(d.chain, packaging=False, depth=depth) + "\n",
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record["call-id"] = d.rand.uuid()
    record["dd.trace_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    record["dd.span_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    record["dd.service"] = d.service.name
    record["dd.env"] = "prod"
    record["dd.version"] = d.company.releases[d.release]
    return _compact(record), {"level": "ERROR", "logger_name": logger}


def hd_flask(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "team" if d.bug.log else "app"))
    stamp = f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}]"
    if kind == "app":
        method = d.bug.entry.split(" ", 1)[0]
        head = f"{stamp} ERROR in app: Exception on {d.request_path} [{method}]"
    else:
        module = str(d.opts.get("module", d.logger.rsplit(".", 1)[-1]))
        head = f"{stamp} ERROR in {module}: {d.log_message}"
    if kind == "noexc":
        first = d.thrown.value.split("\n", 1)[0]
        return f"{head}: {first}", {}
    return head + "\n" + python_traceback(d.chain, carets=True), {}


def hd_rq(d: Delivery) -> tuple[str, Fields]:
    """RQ 1.16's ``Worker.handle_exception``: ``[Job <id>]: exception raised while executing
    (<func>)`` and the traceback as the worker formatted it (Python 3.11 carets included)."""
    head = (
        f"{d.stamp('%H:%M:%S')} [Job {d.rand.uuid()}]: exception raised while executing "
        f"({d.bug.entry})"
    )
    return head + "\n" + python_traceback(d.chain, carets=True), {}


FORMATS69: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "hb-boot31": hb_boot31,
    "hc-logstash": hc_logstash,
    "hd-flask": hd_flask,
    "hd-rq": hd_rq,
}
