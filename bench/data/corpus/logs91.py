"""blind91's log formats.

- ``jp-pylog``: a Python 3.12 Flask 3 API on gunicorn whose ``dictConfig`` formats every record
  as ``%(asctime)s %(levelname)s [%(name)s] %(message)s`` (``asctime`` as ``logging`` writes
  it, ``2026-03-02 10:14:07,315``), the traceback under the message. ``opts.kind``: ``team``
  (the code's ``logger.exception(...)`` on its module's logger), ``flask`` (Flask's own
  ``log_exception``: "Exception on <path> [<METHOD>]" on the app's logger, ``seedshop``),
  ``noexc`` (``logger.error("...: %s", exc)``, one line), ``rq`` (an RQ 1.16 worker started
  by the team's script after ``dictConfig``, so RQ's ``[Job <id>]: exception raised while
  executing (<func>)`` record comes out in the team's format on ``rq.worker``), ``rqown``
  (a worker started with plain ``rq worker``: RQ's own ``%(asctime)s %(message)s`` with
  ``%H:%M:%S``), ``gunicorn`` (gunicorn's error log, ``[%Y-%m-%d %H:%M:%S +0000] [pid]
  [ERROR] Error handling request <path>`` over the ``SystemExit: 1`` of a timed-out worker).
  ``opts.cut``: the universal forwarder closed the multi-line event after that many lines
  (``MAX_EVENTS``, or a line that looked like a new event's timestamp), the rest lost.
- ``jq-boot31``: a Java 17 Spring Boot 3.1 service on logback's default console pattern
  (``%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p ${PID} --- [%15.15t] %-40.40logger{39} :
  %m%n%wEx``; a VM, so a real PID). ``opts.kind``: ``team`` (``log.error("...", e)``),
  ``servlet`` (Tomcat's "Servlet.service() ... with root cause": the root cause alone),
  ``hibernate`` (Hibernate's ``SqlExceptionHelper`` WARN "SQL Error: 0, SQLState: <state>"
  and ERROR lines, no trace), ``noexc``.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

from collections.abc import Callable

from .delivery import Delivery
from .logs69 import SERVLET_LOGGER, _abbreviate, logback_trace
from .traces import python_traceback

Fields = dict[str, str]

PY312 = "/usr/local/lib/python3.12/"


def _asctime(d: Delivery) -> str:
    return f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"


def _trace(d: Delivery) -> str:
    text = python_traceback(d.chain, carets=True).replace("/usr/local/lib/python3.11/", PY312)
    return text.replace('File "/app/', 'File "/srv/seedshop/')


def _cut(d: Delivery, raw: str) -> str:
    n = int(str(d.opts.get("cut", 0)))
    return "\n".join(raw.split("\n")[:n]) if n else raw


def jp_pylog(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "team" if d.bug.log else "flask"))
    trace = _trace(d)
    first = d.thrown.value.split("\n", 1)[0]
    if kind == "flask":
        method = d.bug.entry.split(" ", 1)[0]
        raw = f"{_asctime(d)} ERROR [seedshop] Exception on {d.request_path} [{method}]\n{trace}"
    elif kind == "noexc":
        raw = f"{_asctime(d)} ERROR [{d.logger}] {d.log_message}: {first}"
    elif kind in ("rq", "rqown"):
        job = f"[Job {d.rand.uuid()}]: exception raised while executing ({d.bug.entry})"
        head = (
            f"{d.stamp('%H:%M:%S')} {job}"
            if kind == "rqown"
            else f"{_asctime(d)} ERROR [rq.worker] {job}"
        )
        raw = f"{head}\n{trace}\n"
    elif kind == "gunicorn":
        pid = d.rand.randint(8, 60)
        raw = (
            f"[{d.stamp('%Y-%m-%d %H:%M:%S')} +0000] [{pid}] [ERROR] Error handling request "
            f"{d.request_path}\n{trace}"
        )
    else:
        raw = f"{_asctime(d)} ERROR [{d.logger}] {d.log_message}\n{trace}"
    return _cut(d, raw), {"log_level": "ERROR"}


def _boot_thread(d: Delivery) -> str:
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        return f"http-nio-8080-exec-{d.rand.randint(1, 200)}"
    return f"scheduling-{d.rand.randint(1, 4)}"


def _boot_line(d: Delivery, pid: int, thread: str, level: str, logger: str, msg: str) -> str:
    return (
        f"{d.iso(3)} {level:>5} {pid} --- [{thread[-15:]:>15}] "
        f"{_abbreviate(logger)[-40:]:<40} : {msg}"
    )


def jq_boot31(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "team" if d.bug.log else "servlet"))
    pid = 2000 + int(d.host.rsplit("-", 1)[-1], 36) % 60000 if "-" in d.host else 4242
    thread = _boot_thread(d)
    chain = list(d.chain)
    first = d.thrown.value.split("\n", 1)[0]
    if kind == "hibernate":
        root = d.chain[0]
        state = str(d.opts.get("sqlstate", "23505"))
        logger = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper"
        raw = (
            _boot_line(d, pid, thread, "WARN", logger, f"SQL Error: 0, SQLState: {state}")
            + "\n"
            + _boot_line(d, pid, thread, "ERROR", logger, root.value)
        )
        return raw, {"log_level": "ERROR"}
    if kind == "servlet":
        logger = SERVLET_LOGGER
        message = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed: {d.thrown.text_name}: {first}] with root cause"
        )
        chain = chain[:1]
    elif kind == "noexc":
        return _boot_line(d, pid, thread, "ERROR", d.logger, f"{d.log_message}: {first}"), {
            "log_level": "ERROR"
        }
    else:
        logger, message = d.logger, d.log_message
    head = _boot_line(d, pid, thread, "ERROR", logger, message)
    return head + "\n\n" + logback_trace(chain, packaging=True) + "\n", {"log_level": "ERROR"}


FORMATS91: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "jp-pylog": jp_pylog,
    "jq-boot31": jq_boot31,
}
