"""blind33's log formats: Play 3 on Pekko with logback text and Pekko's supervisor log (cx),
Ktor's own "Unhandled" line and Exposed's failed-transaction warning in logback text (cy),
Django, Channels and Celery lines wrapped by Fluent Bit's Kubernetes pipeline (cz).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .stacks import jl, sclib
from .traces import java_trace, python_traceback

Fields = dict[str, str]

# Play 3's DefaultHttpErrorHandler on a Pekko dispatcher thread (oldest first): Play 3 moved
# from Akka to Apache Pekko, so the server is PekkoHttpServer and the packages org.apache.pekko.
PLAY3_ERROR_HANDLER = (
    jl("java.util.concurrent.ForkJoinWorkerThread", "run", 165),
    jl("java.util.concurrent.ForkJoinPool", "runWorker", 1622),
    jl("java.util.concurrent.ForkJoinPool$WorkQueue", "topLevelExec", 1182),
    jl("java.util.concurrent.ForkJoinTask", "doExec", 387),
    sclib("org.apache.pekko.dispatch.TaskInvocation", "run", 59, "AbstractDispatcher.scala"),
    sclib("scala.concurrent.impl.Promise$Transformation", "run", 500, "Promise.scala"),
    sclib("play.core.server.PekkoHttpServer", "$anonfun$runAction$4", 446),
    sclib("play.api.http.DefaultHttpErrorHandler", "onServerError", 287, "HttpErrorHandler.scala"),
    sclib(
        "play.api.http.HttpErrorHandlerExceptions$",
        "throwableToUsefulException",
        375,
        "HttpErrorHandler.scala",
    ),
)


def play3_text(d: Delivery) -> tuple[str, Fields]:
    """Play's production logback pattern (``%date [%level] from %logger in %thread -
    %message%n%xException``) on Play 3: the '! @<id> - Internal server error, for (<METHOD>)
    [<uri>] ->' line over the UnexpectedException wrapping what the action threw."""
    method = d.bug.entry.split(" ", 1)[0]
    thread = f"application-pekko.actor.default-dispatcher-{d.rand.randint(4, 40)}"
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} [ERROR] from "
        f"play.api.http.DefaultHttpErrorHandler in {thread} - \n\n! @{d.rand.alnum(9)} - "
        f"Internal server error, for ({method}) [{d.request_path}] ->\n"
    )
    first = d.thrown.value.split("\n", 1)[0]
    wrapper = Exc(
        "UnexpectedException",
        f"Unexpected exception[{d.thrown.type}: {first}]",
        PLAY3_ERROR_HANDLER,
        module="play.api",
    )
    return head + "\n" + java_trace([*d.chain, wrapper]), {"level": "ERROR"}


def pekko_supervisor(d: Delivery) -> tuple[str, Fields]:
    """Pekko's ``Slf4jLogger`` into logback (``%date{ISO8601} %-5level %logger{36}
    %X{pekkoSource} - %msg%n``): the supervisor strategy logs the failure of a child actor,
    its message the exception's own, the trace below."""
    actor = d.values.fill(str(d.opts.get("actor", "pekko://auction/user/worker")))
    line = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR o.a.pekko.actor.OneForOneStrategy "
        f"{actor} - {d.thrown.value.split(chr(10), 1)[0]}"
    )
    return line + "\n" + java_trace(d.chain), {"level": "ERROR", "pekkoSource": actor}


def pekko_timer(d: Delivery) -> tuple[str, Fields]:
    """A scheduled job's own ``logger.error(msg, e)`` in the same pattern: no actor, so an
    empty ``%X{pekkoSource}`` leaves two spaces before the dash."""
    line = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR {d.logger}  - {d.log_message}"
    return line + "\n" + java_trace(d.chain), {"level": "ERROR"}


def ktor_unhandled(d: Delivery) -> tuple[str, Fields]:
    """Ktor's generated ``logback.xml`` (``%d{YYYY-MM-dd HH:mm:ss.SSS} [%thread] %-5level
    %logger{36} - %msg%n``) with the line Ktor logs for an exception no StatusPages handler
    took: ``Unhandled: <METHOD> - <uri>``."""
    method = d.bug.entry.split(" ", 1)[0]
    line = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis} "
        f"[eventLoopGroupProxy-4-{d.rand.randint(1, 8)}] ERROR ktor.application - "
        f"Unhandled: {method} - {d.request_path}"
    )
    return line + "\n" + java_trace(d.chain), {"level": "ERROR", "logger": "ktor.application"}


def exposed_warn(d: Delivery) -> tuple[str, Fields]:
    """Exposed's ``Transaction attempt #<n> failed: <message>. Statement(s): <sql>`` warning,
    the ``ExposedSQLException`` below, from the coroutine worker running the transaction."""
    stmt = d.values.fill(str(d.opts.get("stmt", "")))
    line = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis} "
        f"[DefaultDispatcher-worker-{d.rand.randint(1, 16)}] WARN  Exposed - "
        f"Transaction attempt #{d.rand.randint(0, 2)} failed: {d.thrown.value.split(chr(10))[0]}. "
        f"Statement(s): {stmt}"
    )
    return line + "\n" + java_trace(d.chain), {"level": "WARN", "logger": "Exposed"}


def _kubernetes(d: Delivery, container: str) -> dict[str, object]:
    """What Fluent Bit's ``kubernetes`` filter adds to each record."""
    pod = d.host
    deploy = d.service.name
    node = f"ip-10-3-{d.rand.randint(1, 60)}-{d.rand.randint(2, 250)}.eu-west-2.compute.internal"
    return {
        "pod_name": pod,
        "namespace_name": "kiln",
        "pod_id": d.rand.uuid(),
        "labels": {
            "app.kubernetes.io/name": deploy,
            "pod-template-hash": pod.rsplit("-", 2)[1],
        },
        "annotations": {"kubectl.kubernetes.io/restartedAt": "2026-03-01T06:00:00Z"},
        "host": node,
        "container_name": container,
        "docker_id": d.rand.hex(64),
        "container_hash": f"ghcr.io/kilnworks/{deploy}@sha256:{d.rand.hex(64)}",
        "container_image": f"ghcr.io/kilnworks/{deploy}:{d.company.releases[d.release]}",
    }


def _fluent(d: Delivery, log: str, container: str) -> tuple[str, Fields]:
    """Fluent Bit's ``tail`` input on the CRI log with the ``kubernetes`` filter, sent to HEC
    with ``splunk_send_raw off``: the event is the record, the app's line in ``log``."""
    nanos = f"{d.when % 1:.9f}"[2:]
    record = {
        "log": log,
        "stream": "stderr",
        "time": d.stamp("%Y-%m-%dT%H:%M:%S") + f".{nanos}Z",
        "kubernetes": _kubernetes(d, container),
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {
        "kubernetes.pod_name": d.host,
        "kubernetes.container_name": container,
    }


def fluent_json(d: Delivery) -> tuple[str, Fields]:
    """The app's python-json-logger line (``json.dumps`` defaults), wrapped by Fluent Bit."""
    record: dict[str, object] = {
        "asctime": d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis,
        "levelname": "ERROR",
        "name": d.logger,
        "message": d.log_message,
        "exc_info": python_traceback(d.chain),
    }
    entry = d.bug.entry
    if " /" in entry:
        record["path"] = d.request_path
    elif entry:
        record["task_name"] = entry
        record["task_id"] = d.rand.uuid()
    container = "worker" if d.service.framework == "celery" else "web"
    return _fluent(d, json.dumps(record) + "\n", container)


def fluent_daphne(d: Delivery) -> tuple[str, Fields]:
    """Daphne's ``Exception inside application: <message>`` in Python's default logging
    format, the traceback joined onto it by Fluent Bit's ``python`` multiline parser."""
    value = d.thrown.value.split("\n", 1)[0]
    log = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR    Exception inside application: "
        f"{value}\n{python_traceback(d.chain)}\n"
    )
    return _fluent(d, log, "daphne")


FORMATS33: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "cx-play3": play3_text,
    "cx-pekko": pekko_supervisor,
    "cx-pekko-timer": pekko_timer,
    "cy-ktor": ktor_unhandled,
    "cy-exposed": exposed_warn,
    "cz-fluent-json": fluent_json,
    "cz-fluent-daphne": fluent_daphne,
}
