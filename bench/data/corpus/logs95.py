"""blind95's log formats.

kb: a Java 11 Spring Boot 2.5 monolith on Tomcat 9 (``merchant-core``) on log4j2's
``JsonTemplateLayout`` with the bundled ``EcsLayout.json`` (``@timestamp``, ``ecs.version``,
``log.level``, ``message``, ``process.thread.name``, ``log.logger``, the MDC flattened,
``error.type`` the thrown class, ``error.message``, ``error.stack_trace`` as
``printStackTrace`` prints it) posted to Splunk over HEC (``kb-ecs``). The records it makes:
the team's own ``log.error("...", e)``; Tomcat's ``StandardWrapperValve`` line in Spring 5's
words (``Request processing failed; nested exception is ...``) with only the root cause;
Quartz's ``JobRunShell`` ("Job <group>.<name> threw an unhandled Exception: ") and its
``ErrorLogger`` ("Job (<group>.<name> threw an exception.", a ``SchedulerException`` over the
job's exception). The older EDI gateway (``edi-gateway``) still logs with a ``PatternLayout``
``%d %-5p [%t] %c{1.} - %m%n%xEx`` (``kb-pattern``): extended frames with their jar.

kc: a Go 1.21 grpc-go service pair on logrus's ``TextFormatter`` (not a TTY: ``time="..."
level=error msg="..."`` then the fields sorted by key, values quoted only when needed):
go-grpc-middleware's ``grpc_logrus`` "finished unary call with code <Code>" line, the team's
``log.WithError(err).WithFields(...).Error(msg)``, and a crashed process's panic on stderr
(``kc-logrus``, ``opts.kind`` ``grpc``/``team``/``panic``). Read by a Splunk universal forwarder
from the container logs and by the Datadog agent.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .delivery import Delivery
from .model import Exc, Frame
from .traces import go_panic, java_trace

Fields = dict[str, str]
HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- kb: log4j2 JSON Template Layout (ECS) and PatternLayout's %xEx ----------------------------

SERVLET_LOGGER = (
    "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
)
QUARTZ_SCHED = Frame(
    "run", "SimpleThreadPool.java", 573, "org.quartz.simpl.SimpleThreadPool$WorkerThread", False
)
QUARTZ_SHELL = Frame("run", "JobRunShell.java", 213, "org.quartz.core.JobRunShell", False)


def _job(d: Delivery) -> str:
    return d.bug.entry.removeprefix("quartz:")


def _kb_thread(d: Delivery) -> str:
    entry = d.bug.entry
    if entry.startswith(HTTP_VERBS):
        return f"http-nio-8080-exec-{d.rand.randint(1, 200)}"
    if entry.startswith("quartz:"):
        return f"quartzScheduler_Worker-{d.rand.randint(1, 10)}"
    return "main"


def _first(exc: Exc) -> str:
    return exc.value.split("\n", 1)[0]


def kb_ecs(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind``: ``team`` (default), ``servlet``, ``quartz`` (JobRunShell),
    ``errorlogger`` (Quartz's ErrorLogger), ``noexc`` (``log.error("... {}", e.getMessage())``)."""
    kind = str(d.opts.get("kind", "team"))
    chain = list(d.chain)
    thrown = d.thrown
    logger, message = d.logger, d.log_message
    if kind == "servlet":
        logger = SERVLET_LOGGER
        message = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed; nested exception is {thrown.text_name}: "
            f"{thrown.value}] with root cause"
        )
        chain = chain[:1]
    elif kind == "quartz":
        logger = "org.quartz.core.JobRunShell"
        message = f"Job {_job(d)} threw an unhandled Exception: "
    elif kind == "errorlogger":
        logger = "org.quartz.core.ErrorLogger"
        message = f"Job ({_job(d)} threw an exception."
        chain.append(
            Exc(
                "SchedulerException",
                "Job threw an unhandled exception.",
                (QUARTZ_SCHED, QUARTZ_SHELL),
                module="org.quartz",
            )
        )
    elif kind == "noexc":
        message = f"{d.values.fill(d.bug.log or 'request failed')} {_first(thrown)}"
    record: dict[str, Any] = {
        "@timestamp": d.iso(3),
        "ecs.version": "1.2.0",
        "log.level": "ERROR",
        "message": message,
        "process.thread.name": _kb_thread(d),
        "log.logger": logger,
    }
    record["dd.span_id"] = str(d.rand.randint(10**17, 9 * 10**18))
    record["dd.trace_id"] = str(d.rand.randint(10**17, 9 * 10**18))
    if d.bug.entry.startswith(HTTP_VERBS):
        record["branch"] = f"TB{d.rand.randint(1, 38):02d}"
        record["requestId"] = d.rand.hex(16)
    if kind != "noexc":
        top = chain[-1]
        record["error.type"] = top.text_name
        if top.value:
            record["error.message"] = top.value
        record["error.stack_trace"] = java_trace(chain)
    record["service.name"] = d.service.name
    return _compact(record), {"log.level": "ERROR", "log.logger": logger}


# Where %xEx finds each class: (module prefix, jar as printed), the first match wins.
JARS = (
    ("com.torpenhow.", "classes!/:?"),
    ("java.", "?:?"),
    ("jdk.", "?:?"),
    ("sun.", "?:?"),
    ("org.quartz.", "quartz-2.3.2.jar!/:?"),
    ("org.springframework.scheduling.", "spring-context-support-5.3.8.jar!/:5.3.8"),
    ("org.springframework.jdbc.", "spring-jdbc-5.3.8.jar!/:5.3.8"),
    ("org.springframework.", "spring-core-5.3.8.jar!/:5.3.8"),
    ("org.mybatis.spring.", "mybatis-spring-2.0.6.jar!/:2.0.6"),
    ("org.apache.ibatis.", "mybatis-3.5.7.jar!/:3.5.7"),
    ("com.mysql.", "mysql-connector-java-8.0.25.jar!/:8.0.25"),
    ("com.zaxxer.", "HikariCP-4.0.3.jar!/:?"),
    ("com.jcraft.", "jsch-0.1.55.jar!/:?"),
)


def _xex_frame(f: Frame) -> str:
    jar = next((j for prefix, j in JARS if f.module.startswith(prefix)), "?:?")
    prefix = "java.base/" if f.module.startswith(("java.", "jdk.internal.", "sun.")) else ""
    where = (
        "Native Method"
        if f.line == -2
        else "Unknown Source"
        if f.line == -1
        else f"{f.file}:{f.line}"
    )
    return f"\tat {prefix}{f.module}.{f.function}({where}) ~[{jar}]"


def _xex(chain: list[Exc]) -> str:
    """log4j2's ``%xEx``: ``printStackTrace``'s shape with each frame's jar appended."""
    plain = java_trace(chain).split("\n")
    out = []
    frames = [f for exc in reversed(chain) for f in reversed(exc.frames)]
    lookup = {f"{f.module}.{f.function}": f for f in frames}
    for line in plain:
        m = re.match(r"\tat (?:java\.base/)?(.+)\(", line)
        if m and m.group(1) in lookup:
            out.append(_xex_frame(lookup[m.group(1)]))
        else:
            out.append(line)
    return "\n".join(out)


def kb_pattern(d: Delivery) -> tuple[str, Fields]:
    """``%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%t] %c{1.} - %m%n%xEx``."""
    parts = d.logger.split(".")
    logger = ".".join([p[0] for p in parts[:-1]] + [parts[-1]])
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR [{_kb_thread(d)}] {logger} - "
        f"{d.log_message}"
    )
    return f"{head}\n{_xex(list(d.chain))}", {"level": "ERROR"}


# --- kc: logrus TextFormatter -----------------------------------------------------------------

_BARE = re.compile(r"^[A-Za-z0-9\-._/@^+]+$")


def _lr(value: object) -> str:
    text = str(value)
    return text if _BARE.match(text) else json.dumps(text, ensure_ascii=False)


def _logrus(d: Delivery, msg: str, fields: dict[str, object]) -> str:
    head = f"time={_lr(d.iso(0))} level=error msg={_lr(msg)}"
    return " ".join([head, *(f"{k}={_lr(v)}" for k, v in sorted(fields.items()))])


def _grpc_method(d: Delivery) -> tuple[str, str]:
    service, _, method = d.bug.entry.strip("/").rpartition("/")
    return service, method


def _peer(d: Delivery) -> str:
    octets = (d.rand.randint(40, 47), d.rand.randint(0, 255), d.rand.randint(2, 254))
    return "10.{}.{}.{}".format(*octets) + f":{d.rand.randint(32768, 60999)}"


def kc_logrus(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "team"))
    if kind == "panic":
        exc = d.thrown
        return go_panic(exc, d.rand.randint(20, 900)), {}
    service, method = _grpc_method(d)
    err = d.thrown.value
    if kind == "grpc":
        code = str(d.opts.get("code", "Internal"))
        fields: dict[str, object] = {
            "error": f"rpc error: code = {code} desc = {err}",
            "grpc.code": code,
            "grpc.method": method,
            "grpc.service": service,
            "grpc.start_time": d.iso(0),
            "grpc.time_ms": f"{d.rand.randint(1, 30000) / 1000:.3f}".rstrip("0").rstrip("."),
            "peer.address": _peer(d),
            "span.kind": "server",
            "system": "grpc",
        }
        msg = f"finished unary call with code {code}"
        return _logrus(d, msg, fields), {"level": "error", "msg": msg}
    msg = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
    fields = {"error": err}
    if method:
        fields["method"] = method
    for key, value in dict(d.opts.get("fields", {})).items():  # type: ignore[call-overload]
        fields[str(key)] = d.values.fill(str(value))
    fields["request_id"] = d.rand.uuid()
    return _logrus(d, msg, fields), {"level": "error", "msg": msg}


FORMATS95: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "kb-ecs": kb_ecs,
    "kb-pattern": kb_pattern,
    "kc-logrus": kc_logrus,
}
