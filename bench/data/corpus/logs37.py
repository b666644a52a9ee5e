"""blind37's log formats: Django and Celery records shipped by Vector's ``docker_logs``
source and ``encoding.codec = "json"`` sink (dj), Tomcat 9's ``catalina.out`` with a Log4j
1.2 ``PatternLayout`` and JULI's ``OneLineFormatter`` (dk), a Deno Fresh server's JSON line
(dl).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .logs7 import deno_stack
from .traces import java_trace, python_repr, python_traceback

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _vector(d: Delivery, container: str, message: str) -> str:
    """Vector's ``docker_logs`` event as its JSON codec writes it: the container's whole
    multiline record (joined by the ``auto_partial_merge``/multiline rule) in ``message``."""
    event = {
        "container_created_at": d.iso(9),
        "container_id": d.rand.hex(32) + d.rand.hex(32),
        "container_name": container,
        "host": d.host,
        "image": f"registry.example/{d.service.name}:{d.release_name.split('@')[-1]}",
        "label": {"com.docker.compose.service": d.service.name},
        "message": message,
        "source_type": "docker_logs",
        "stream": "stderr",
        "timestamp": d.iso(9),
    }
    return json.dumps(event, separators=(",", ":"))


def django_vector(d: Delivery) -> tuple[str, Fields]:
    """Django's ``LOGGING`` with ``format = "%(asctime)s %(levelname)s %(name)s
    %(message)s"``: ``django.request`` logs 'Internal Server Error: /path' and the traceback;
    the app's own ``logger.exception`` its message."""
    stamp = d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis
    if d.bug.entry.startswith(_HTTP) and not d.bug.log:
        name, msg = "django.request", f"Internal Server Error: {d.request_path}"
    else:
        name, msg = d.logger, d.log_message
    text = f"{stamp} ERROR {name} {msg}\n{python_traceback(d.chain)}"
    return _vector(d, d.service.name, text), {"container_name": d.service.name, "level": "ERROR"}


def celery_vector(d: Delivery) -> tuple[str, Fields]:
    """Celery 5's worker line ``Task <name>[<id>] raised unexpected: <repr>`` and the
    traceback, as Vector ships it."""
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}: ERROR/ForkPoolWorker-{d.rand.randint(1, 8)}] "
        f"Task {d.bug.entry}[{d.rand.uuid()}] raised unexpected: {python_repr(d.thrown)}"
    )
    text = head + "\n" + python_traceback(d.chain)
    return _vector(d, d.service.name, text), {"container_name": d.service.name, "level": "ERROR"}


def log4j1_text(d: Delivery) -> tuple[str, Fields]:
    """Log4j 1.2 ``ConsoleAppender`` into ``catalina.out``: ``%d{ISO8601} %-5p [%t] %c -
    %m%n``, the throwable's ``printStackTrace`` below (causes ``Caused by:``, ``... N more``)."""
    thread = str(d.opts.get("thread", f"http-nio-8080-exec-{d.rand.randint(1, 40)}"))
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    head = f"{stamp} ERROR [{thread}] {d.logger} - {d.log_message}"
    return head + "\n" + java_trace(d.chain), {"priority": "ERROR", "category": d.logger}


def juli_oneline(d: Delivery) -> tuple[str, Fields]:
    """What escaped Spring's DispatcherServlet, logged by Tomcat's StandardWrapperValve
    through JULI's ``OneLineFormatter``: only the root cause's trace follows."""
    exc = d.thrown
    root = d.chain[0]
    stamp = d.stamp("%d-%b-%Y %H:%M:%S") + "." + d.millis
    head = (
        f"{stamp} SEVERE [http-nio-8080-exec-{d.rand.randint(1, 40)}] "
        "org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for servlet "
        "[dispatcherServlet] in context with path [] threw exception [Request processing failed; "
        f"nested exception is {exc.text_name}: {exc.value.splitlines()[0] if exc.value else ''}] "
        "with root cause"
    )
    return head + "\n" + java_trace([root]), {"severity": "SEVERE"}


def deno_json(d: Delivery) -> tuple[str, Fields]:
    """The Fresh app's own ``console.error(JSON.stringify({...}))`` in its ``_middleware.ts``:
    the route, the message, the V8 stack as Deno prints it."""
    exc = d.thrown
    record = {
        "level": "error",
        "time": d.iso(3),
        "msg": d.values.fill(d.bug.log) if d.bug.log else "unhandled route error",
        "route": d.bug.entry,
        "url": d.request_path,
        "err": {"name": exc.type, "message": exc.value, "stack": deno_stack(exc, exc.value)},
        "deno": d.service.runtime.split(" ")[-1],
    }
    return json.dumps(record, separators=(",", ":")), {"level": "error", "route": d.bug.entry}


FORMATS37: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "dj-django-vector": django_vector,
    "dj-celery-vector": celery_vector,
    "dk-log4j1": log4j1_text,
    "dk-juli": juli_oneline,
    "dl-deno-json": deno_json,
}
