"""blind65's log formats: a Java 21 Spring Boot 3.2 service on log4j2's
``JsonTemplateLayout`` with the bundled ``EcsLayout.json`` template (``@timestamp``,
``ecs.version``, ``log.level``, ``message``, ``process.thread.name``, ``log.logger``, the MDC
flattened into the record (dd-java-agent's ``dd.trace_id``/``dd.span_id``), ``error.type``,
``error.message``, ``error.stack_trace``), Tomcat's "with root cause" record, a scheduled
task's ``TaskUtils$LoggingErrorHandler`` record, ``maxStringLength`` cutting a long trace, and
a CronJob image still on a ``PatternLayout`` (gp); a Node 20 Koa 2 API on bunyan's JSON records
(``name``, ``hostname``, ``pid``, ``req_id``, ``level`` 50, the ``err`` serializer's
``message``/``name``/``stack``/``code``, ``msg``, ``time``, ``v``) and Koa's own default
``app.onerror`` on stderr for the admin app that has no error listener (gq).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, node_stack

Fields = dict[str, str]

SERVLET_LOGGER = (
    "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
)
SCHEDULED_LOGGER = "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler"


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _thread(d: Delivery) -> str:
    entry = d.bug.entry
    if entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        return f"http-nio-8080-exec-{d.rand.randint(1, 40)}"
    if entry.startswith("@Async"):
        return f"task-{d.rand.randint(1, 8)}"
    return f"scheduling-{d.rand.randint(1, 4)}"


def ecs_json(d: Delivery) -> tuple[str, Fields]:
    """log4j2 ``JsonTemplateLayout`` with ``classpath:EcsLayout.json``. ``opts.kind``:
    ``team`` (the default): the code's own ``log.error("...", e)``, the whole chain;
    ``servlet``: Tomcat's ``StandardWrapperValve`` record, "... threw exception [Request
    processing failed: <thrown>] with root cause", only the root cause under ``error.*``;
    ``scheduled``: ``TaskUtils$LoggingErrorHandler``'s "Unexpected error occurred in
    scheduled task"; ``cut``: the team's record with ``maxStringLength`` 2048 cutting the trace
    (``…`` appended); ``noexc``: the team's ``log.error("... {}", e.getMessage())``."""
    kind = str(d.opts.get("kind", "team"))
    thrown = d.thrown
    logger, message, chain = d.logger, d.log_message, list(d.chain)
    if kind == "servlet":
        logger = SERVLET_LOGGER
        head = thrown.value.split("\n", 1)[0]
        message = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed: {thrown.text_name}: {head}] with root cause"
        )
        chain = chain[:1]
    elif kind == "scheduled":
        logger = SCHEDULED_LOGGER
        message = "Unexpected error occurred in scheduled task"
    elif kind == "noexc":
        message = f"{d.log_message} {thrown.value.split(chr(10), 1)[0]}"
    record: dict[str, object] = {
        "@timestamp": d.iso(3),
        "ecs.version": "1.2.0",
        "log.level": "ERROR",
        "message": message,
        "process.thread.name": _thread(d),
        "log.logger": logger,
    }
    trace_id = str(d.rand.randint(10**18, 9 * 10**18))
    record["dd.env"] = "prod"
    record["dd.service"] = d.service.name
    record["dd.span_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    record["dd.trace_id"] = trace_id
    record["dd.version"] = d.company.releases[d.release]
    if " /" in d.bug.entry:
        record["requestId"] = d.rand.uuid()
    if kind != "noexc":
        root = chain[-1]
        stack = java_trace(chain)
        if kind == "cut" and len(stack) > 2048:
            stack = stack[:2048] + "…"
        record["error.type"] = root.text_name
        if root.value:
            record["error.message"] = root.value
        record["error.stack_trace"] = stack
    record["service.name"] = d.service.name
    return _compact(record), {"log.level": "ERROR", "log.logger": logger}


def pattern_text(d: Delivery) -> tuple[str, Fields]:
    """The reminder CronJob's image, still on log4j2's ``PatternLayout``
    ``%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %pid --- [%t] %logger{36} : %msg%n%throwable``."""
    logger = d.logger
    if len(logger) > 36:
        parts = logger.split(".")
        logger = ".".join([p[0] for p in parts[:-1]] + [parts[-1]])
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis} ERROR 1 --- [{_thread(d)}] {logger} : "
        f"{d.log_message}"
    )
    return f"{head}\n{java_trace(d.chain)}", {"level": "ERROR"}


def bunyan_json(d: Delivery) -> tuple[str, Fields]:
    """bunyan 1.8: the child logger's ``req_id`` (koa-bunyan-logger's request id), ``level``
    50, the std ``err`` serializer (``message``, ``name``, ``stack``, ``code`` where the error
    has one), ``msg``, ``time``, ``v``. ``opts.kind`` ``msgonly``: the team's
    ``log.error('... %s', err.message)`` with no ``err`` field."""
    kind = str(d.opts.get("kind", "err"))
    exc = d.thrown
    record: dict[str, object] = {"name": d.service.name, "hostname": d.host, "pid": 1}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record["req_id"] = d.rand.uuid()
    elif d.bug.logger:
        record["component"] = d.bug.logger
    record["level"] = 50
    msg = d.log_message
    if kind == "msgonly":
        msg = f"{d.bug.log or 'request failed'}: {exc.value.split(chr(10), 1)[0]}"
    else:
        err: dict[str, object] = {
            "message": exc.value,
            "name": exc.type,
            "stack": node_stack(exc, exc.value),
        }
        code = d.opts.get("code")
        if code:
            err["code"] = d.values.fill(str(code))
        record["err"] = err
        if " /" in d.bug.entry:
            record["status"] = int(str(d.opts.get("http", 500)))
    record["msg"] = msg
    record["time"] = d.iso(3)
    record["v"] = 0
    return _compact(record), {"level": "50", "name": d.service.name}


def koa_stderr(d: Delivery) -> tuple[str, Fields]:
    """Koa 2's default ``app.onerror`` (no ``error`` listener): a blank line, the stack with
    every line indented by two spaces, a blank line, on stderr."""
    stack = node_stack(d.thrown, d.thrown.value)
    body = "\n".join("  " + line for line in stack.split("\n"))
    return f"\n{body}\n", {"stream": "stderr"}


FORMATS65: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "gp-ecs-json": ecs_json,
    "gp-pattern": pattern_text,
    "gq-bunyan": bunyan_json,
    "gq-koa-stderr": koa_stderr,
}
