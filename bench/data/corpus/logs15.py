"""Log formats of blind15's companies (av, aw, ax): Django's ``django.request`` logger with the
"verbose" formatter of Django's logging docs, a Celery 5 worker's task failure, Rails 7.1's
production logger (``Logger::Formatter`` with request-id tags; DebugExceptions logs the
exception line and the cleaned backtrace as two events), Active Job's "Error performing" line
for a GoodJob execution, and Spring Boot 2.7's default console pattern (Tomcat's "with root
cause" on Spring 5.3's ``NestedServletException`` wording, spring-amqp's listener failure).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, jvm_frame, python_repr, python_traceback, ruby_backtrace

Fields = dict[str, str]


def _py_stamp(d: Delivery) -> str:
    """``logging``'s default ``asctime``: ``2026-03-04 10:12:01,123``."""
    return f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"


def django_verbose(d: Delivery) -> tuple[str, Fields]:
    """``"{levelname} {asctime} {module} {process:d} {thread:d} {message}"`` (style "{"), the
    formatter of Django's logging how-to. An unhandled view error is logged by
    ``django.utils.log.log_response`` (module ``log``) as "Internal Server Error: <path>";
    an error the code logs itself names its own module."""
    pid, thread = d.rand.randint(7, 60), d.rand.randint(139_800_000_000_000, 139_899_999_999_999)
    if d.bug.log:
        app = [f for f in d.frames if f.in_app]
        module = app[-1].file.rsplit("/", 1)[-1].removesuffix(".py") if app else "views"
        message = d.log_message
    else:
        module, message = "log", f"Internal Server Error: {d.request_path}"
    head = f"ERROR {_py_stamp(d)} {module} {pid} {thread} {message}"
    fields = {"levelname": "ERROR", "module": module}
    return head + "\n" + python_traceback(d.chain, carets=True), fields


def celery_worker(d: Delivery) -> tuple[str, Fields]:
    """Celery 5's worker log format ``[%(asctime)s: %(levelname)s/%(processName)s]
    %(message)s``: ``celery.app.trace`` reports the task's failure with the exception's repr,
    the traceback below."""
    worker = f"ForkPoolWorker-{d.rand.randint(1, 8)}"
    task_id = d.values["uuid"]
    head = (
        f"[{_py_stamp(d)}: ERROR/{worker}] Task {d.bug.entry}[{task_id}] raised unexpected: "
        f"{python_repr(d.thrown)}"
    )
    return head + "\n" + python_traceback(d.chain, carets=True), {"task_name": d.bug.entry}


def celery_json(d: Delivery) -> tuple[str, Fields]:
    """From release 1 on, the workers log through python-json-logger (``%(asctime)s
    %(levelname)s %(name)s %(processName)s %(message)s``, ``json.dumps`` defaults): the record
    ``celery.app.trace`` makes for a failure carries its ``data`` extra (id, name, exc,
    description) and the traceback as the ``exc_info`` string. Release 0's pods still wrote
    Celery's text lines."""
    if d.release == 0:
        return celery_worker(d)
    task_id = d.values["uuid"]
    exc = python_repr(d.thrown)
    record = {
        "asctime": _py_stamp(d),
        "levelname": "ERROR",
        "name": "celery.app.trace",
        "processName": f"ForkPoolWorker-{d.rand.randint(1, 8)}",
        "message": f"Task {d.bug.entry}[{task_id}] raised unexpected: {exc}",
        "data": {
            "hostname": f"celery@{d.host}",
            "id": task_id,
            "name": d.bug.entry,
            "exc": exc,
            "traceback": python_traceback(d.chain, carets=True) + "\n",
            "args": f"[{d.values['id']}]",
            "kwargs": "{}",
            "description": "raised unexpected",
            "internal": False,
        },
        "exc_info": python_traceback(d.chain, carets=True),
    }
    return json.dumps(record), {"levelname": "ERROR", "name": "celery.app.trace"}


def _rails_prefix(d: Delivery, level: str = "FATAL") -> str:
    """Ruby's ``Logger::Formatter``: ``F, [2026-03-04T10:12:01.123456 #1] FATAL -- : ``."""
    return f"{level[0]}, [{d.iso(6, z=False)[:-6]} #{d.values['pid']}] {level:>5} -- : "


def rails_tagged(d: Delivery) -> tuple[str, Fields]:
    """Rails 7.1's production log on stdout (``config.log_tags = [:request_id]``).
    ``ActionDispatch::DebugExceptions#log_error`` writes the exception line in one call and
    the cleaned backtrace in another, so Splunk keeps them as two events: ``opts.part`` picks
    "head" (the exception line alone) or "trace" (the backtrace alone, no type); the default is
    a ``transaction request_id`` search that joins them."""
    req = d.values["uuid"]
    tag = f"[{req}] "
    first = d.thrown.value.split("\n", 1)[0]
    head = f"{_rails_prefix(d)}{tag}{d.thrown.text_name} ({first}):"
    trace_lines = ruby_backtrace(d.thrown)
    trace = _rails_prefix(d) + tag + f"\n{tag}".join(trace_lines)
    part = str(d.opts.get("part", "both"))
    fields = {"request_id": req}
    if part == "head":
        return head, fields
    if part == "trace":
        return trace, fields
    return head + "\n" + _rails_prefix(d) + tag + "  \n" + trace, {**fields, "eventcount": "3"}


def goodjob_error(d: Delivery) -> tuple[str, Fields]:
    """Active Job's ``LogSubscriber#perform`` for a GoodJob execution (Rails 7.1: the backtrace
    cleaned by Rails' backtrace cleaner, the job's tags on the first line only)."""
    job = d.bug.entry
    job_id = d.values["uuid"]
    queue = str(d.opts.get("queue", "default"))
    ms = f"{d.rand.randint(4, 90_000) / 100:.2f}"
    first = d.thrown.value
    head = (
        f"{_rails_prefix(d, 'ERROR')}[ActiveJob] [{job}] [{job_id}] Error performing {job} "
        f"(Job ID: {job_id}) from GoodJob({queue}) in {ms}ms: {d.thrown.text_name} ({first}):"
    )
    lines = ruby_backtrace(d.thrown)
    return head + "\n" + "\n".join(lines), {"job_class": job, "queue_name": queue}


def _boot27_head(d: Delivery, level: str, thread: str, logger: str, message: str) -> str:
    """Spring Boot 2.7's console pattern: ``%d{yyyy-MM-dd HH:mm:ss.SSS} %5p ${PID} --- [%15.15t]
    %-40.40logger{39} : %m``."""
    return (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis} {level:>5} 1 --- [{thread[-15:]:>15}] "
        f"{logger[-40:]:<40} : {message}"
    )


def boot27_console(d: Delivery) -> tuple[str, Fields]:
    """An HTTP request's error as Tomcat 9 logs it under Spring 5.3: "Request processing
    failed; nested exception is …" then the root cause's trace alone; a listener's failure as
    spring-amqp 2.4's ``ConditionalRejectingErrorHandler`` logs it, the whole chain; an error
    the code logs itself (``bug.log``) under its own logger."""
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        thread = f"nio-8080-exec-{d.rand.randint(1, 40)}"
        root = d.chain[0]
        message = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed; nested exception is {d.thrown.text_name}: "
            f"{d.thrown.value.split(chr(10))[0]}] with root cause"
        )
        head = _boot27_head(d, "ERROR", thread, "o.a.c.c.C.[.[.[/].[dispatcherServlet]", message)
        return head + "\n" + java_trace([root]), {"logger_name": "dispatcherServlet"}
    if d.bug.log:
        thread = str(d.opts.get("thread", "scheduling-1"))
        head = _boot27_head(d, "ERROR", thread, _short(d.logger), d.log_message)
        return head + "\n" + java_trace(d.chain), {"logger_name": d.logger}
    thread = f"ntContainer#{d.rand.randint(0, 3)}-1"
    head = _boot27_head(
        d,
        "WARN",
        thread,
        "s.a.r.l.ConditionalRejectingErrorHandler",
        "Execution of Rabbit message listener failed.",
    )
    return head + "\n" + java_trace(d.chain), {"logger_name": "ConditionalRejectingErrorHandler"}


def _short(logger: str) -> str:
    """``%logger{39}`` for the app's own loggers: leading packages cut to one letter."""
    parts = logger.split(".")
    while len(".".join(parts)) > 39 and any(len(p) > 1 for p in parts[:-1]):
        i = next(i for i, p in enumerate(parts[:-1]) if len(p) > 1)
        parts[i] = parts[i][0]
    return ".".join(parts)


def boot27_frames(d: Delivery) -> str:
    """The innermost app frames only, as a team's Datadog monitor pastes them."""
    return "\n".join(jvm_frame(f) for f in reversed(d.frames) if f.in_app)


FORMATS15: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "django-request-verbose": django_verbose,
    "celery-worker": celery_worker,
    "celery-json-logger": celery_json,
    "rails-tagged": rails_tagged,
    "goodjob-error": goodjob_error,
    "boot27-console": boot27_console,
}

__all__ = ["FORMATS15", "boot27_frames"]
