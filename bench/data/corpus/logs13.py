"""Log formats of blind13's companies (ap, aq, ar): lograge's JSON request line with the team's
``custom_options`` (the exception pair and the backtrace joined with `` -- ``), Sidekiq 7's
JSON logger (the job context, the error and the backtrace as three events), Spring Boot 3.4's
structured ECS JSON (``error.type``/``error.message``/``error.stack_trace``), spring-kafka's
``DefaultErrorHandler`` giving up on a record (the listener's exception wrapped in
``ListenerExecutionFailedException``), gunicorn running uvicorn workers ("Exception in ASGI
application"), and Python ``logging`` with the team's request-id filter.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import java_trace, python_stack_info, python_traceback, ruby_backtrace

Fields = dict[str, str]
HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- Rails (ap) ---------------------------------------------------------------------------------


def _controller(d: Delivery) -> tuple[str, str]:
    """``opts.action``: ``OrdersController#create``, as lograge splits it."""
    action = str(d.opts.get("action", "ApplicationController#index"))
    controller, _, name = action.partition("#")
    return controller, name


def lograge_json(d: Delivery) -> tuple[str, Fields]:
    """``Lograge::Formatters::Json`` with the team's ``custom_options``: the request id, the
    exception as ActionDispatch passes it (``["Class", "message"]``) and the exception
    object's backtrace, cleaned by ``Rails.backtrace_cleaner`` and joined with `` -- ``.
    lograge adds its own ``error: "Class: message"`` when the status comes from an exception."""
    exc = d.thrown
    method = d.bug.entry.split(" ", 1)[0]
    controller, action = _controller(d)
    duration = round(d.rand.uniform(8, 1900), 2)
    record: dict[str, object] = {
        "method": method,
        "path": d.request_path,
        "format": str(d.opts.get("fmt", "html")),
        "controller": controller,
        "action": action,
        "status": 500,
        "error": f"{exc.type}: {exc.value}",
        "allocations": d.rand.randint(900, 90_000),
        "duration": duration,
        "view": 0.0,
        "db": round(d.rand.uniform(0.2, duration / 3), 2),
        "request_id": d.rand.uuid(),
        "exception": [exc.type, exc.value],
        "backtrace": " -- ".join(ruby_backtrace(exc, app_only=True)),
    }
    return _compact(record), {"status": "500", "controller": controller}


def _sidekiq_ctx(d: Delivery) -> dict[str, object]:
    return {"class": d.bug.entry, "jid": d.rand.hex(24)}


def sidekiq_json(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 7's ``Sidekiq::Logger::Formatters::JSON``: the default error handler logs the
    job, then ``"Class: message"``, then the backtrace, each its own event. The saved search
    matches the second: ``opts.part`` picks ``error`` (default) or ``backtrace``, whose
    ``msg`` is the cleaned backtrace and names no exception class."""
    exc = d.thrown
    ctx = _sidekiq_ctx(d)
    record: dict[str, object] = {
        "ts": d.iso(3),
        "pid": d.rand.randint(7, 90),
        "tid": d.rand.alnum(5),
        "lvl": "WARN",
    }
    if d.opts.get("part") == "backtrace":
        # Sidekiq 7.2 passes the backtrace through ``config[:backtrace_cleaner]``, which its
        # railtie points at ``Rails.backtrace_cleaner``: the app's frames, relative paths.
        record["msg"] = "\n".join(ruby_backtrace(exc, app_only=True))
    else:
        record["msg"] = f"{exc.type}: {exc.value}"
    record["ctx"] = ctx
    return _compact(record), {"lvl": "WARN", "class": d.bug.entry}


# --- Spring Boot (aq) ---------------------------------------------------------------------------


def spring_ecs(d: Delivery) -> tuple[str, Fields]:
    """Spring Boot 3.4's ``logging.structured.format.console=ecs``: dotted keys at the top
    level, the thrown exception's class and message and ``printStackTrace`` whole."""
    exc = d.thrown
    thread = d.values.fill(str(d.opts.get("thread", f"http-nio-8080-exec-{d.rand.randint(1, 10)}")))
    record: dict[str, object] = {
        "@timestamp": d.iso(9 if d.index % 2 else 6),
        "log.level": "ERROR",
        "process.pid": 1,
        "process.thread.name": thread,
        "service.name": d.service.name,
        "service.version": d.company.releases[d.release],
        "service.environment": "prod",
        "log.logger": d.logger,
        "message": d.log_message,
    }
    mdc = d.opts.get("mdc", {})
    assert isinstance(mdc, dict)
    record.update({str(k): d.values.fill(str(v)) for k, v in mdc.items()})
    record.update(
        {
            "error.type": exc.text_name,
            "error.message": exc.value,
            "error.stack_trace": java_trace(d.chain),
            "ecs.version": "8.11",
        }
    )
    return _compact(record), {"log.level": "ERROR", "log.logger": d.logger}


def _listener_failure(d: Delivery) -> tuple[list[Exc], str]:
    """What ``DefaultErrorHandler`` (spring-kafka 3.1) logs once its ``FixedBackOff`` is
    spent: its "exhausted" message, and the listener's chain wrapped in
    ``ListenerExecutionFailedException`` naming the method (``opts.listener``)."""
    topic = str(d.opts.get("topic", d.bug.entry))
    record = f"{topic}-{d.values['part']}@{d.values['offset']}"
    signature = str(d.opts.get("listener", "public void Listener.onMessage(java.lang.String)"))
    # The wrapper is made in the adapter's invokeHandler: the container's frames below the
    # listener's (the same frames, so the cause ends in "... n more").
    outer = []
    for f in d.frames:
        if f.in_app or f.module.startswith(
            ("java.lang.reflect", "jdk.internal", "org.springframework.messaging")
        ):
            break
        outer.append(f)
    wrapper = Exc(
        "ListenerExecutionFailedException",
        f"Listener method '{signature}' threw exception",
        tuple(outer),
        module="org.springframework.kafka.listener",
    )
    message = (
        "Backoff FixedBackOff{interval=1000, currentAttempts=3, maxAttempts=2} "
        f"exhausted for {record}"
    )
    return [*d.chain, wrapper], message


def kafka_exhausted(d: Delivery) -> tuple[str, Fields]:
    """The console pattern's ERROR line from ``DefaultErrorHandler`` when it gives up on a
    record, then the wrapped trace (the listener's chain under ``Caused by:``)."""
    chain, message = _listener_failure(d)
    head = (
        f"{d.iso(3)} ERROR 1 --- [{d.service.name}] [ntainer#0-0-C-1] "
        f"{'o.s.kafka.listener.DefaultErrorHandler':<40}: {message}"
    )
    return head + "\n" + java_trace(chain), {"topic": str(d.opts.get("topic", d.bug.entry))}


def ecs_exhausted(d: Delivery) -> tuple[str, Fields]:
    """The same give-up through Spring Boot 3.4's ECS JSON: ``error.type`` is the wrapper,
    the listener's own exception only under ``Caused by:`` in ``error.stack_trace``."""
    chain, message = _listener_failure(d)
    record: dict[str, object] = {
        "@timestamp": d.iso(9 if d.index % 2 else 6),
        "log.level": "ERROR",
        "process.pid": 1,
        "process.thread.name": "org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-1",
        "service.name": d.service.name,
        "service.version": d.company.releases[d.release],
        "service.environment": "prod",
        "log.logger": "org.springframework.kafka.listener.DefaultErrorHandler",
        "message": message,
        "error.type": chain[-1].text_name,
        "error.message": chain[-1].value,
        "error.stack_trace": java_trace(chain),
        "ecs.version": "8.11",
    }
    return _compact(record), {"log.level": "ERROR"}


# --- FastAPI / Celery (ar) ----------------------------------------------------------------------


def gunicorn_asgi(d: Delivery) -> tuple[str, Fields]:
    """gunicorn with ``uvicorn.workers.UvicornWorker``: gunicorn's error-log format on
    uvicorn's ``uvicorn.error`` logger, "Exception in ASGI application", the traceback below
    (uvicorn's ``run_asgi`` frame first)."""
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')} +0000] [{d.rand.randint(9, 80)}] [ERROR] "
        "Exception in ASGI application"
    )
    return head + "\n" + python_traceback(d.chain), {"log_level": "ERROR"}


def pylog_reqid(d: Delivery) -> tuple[str, Fields]:
    """The team's ``logging`` format, ``%(asctime)s %(levelname)s [%(name)s] [%(request_id)s]
    %(message)s`` (a filter puts the request id on every record, ``-`` outside a request);
    ``logger.exception`` appends the traceback."""
    rid = d.rand.hex(16) if d.bug.entry.startswith(HTTP) else "-"
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR [{d.logger}] [{rid}] "
        f"{d.values.fill(d.bug.log) if d.bug.log else d.thrown.value}"
    )
    if d.bug.message_event:
        return head + "\n" + python_stack_info(d.frames), {"levelname": "ERROR", "name": d.logger}
    return head + "\n" + python_traceback(d.chain), {"levelname": "ERROR", "name": d.logger}


def celery_worker_log(d: Delivery) -> tuple[str, Fields]:
    """An app logger's record in a Celery worker that hijacked the root logger: the worker's
    ``worker_log_format`` (``[%(asctime)s: %(levelname)s/%(processName)s] %(message)s``);
    ``stack_info=True`` appends the logging call's stack, an exception its traceback."""
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}: ERROR/ForkPoolWorker-{d.rand.randint(1, 4)}] "
        f"{d.log_message}"
    )
    if d.bug.message_event:
        return head + "\n" + python_stack_info(d.frames), {"levelname": "ERROR"}
    return head + "\n" + python_traceback(d.chain), {"levelname": "ERROR"}


def celery_json(d: Delivery) -> tuple[str, Fields]:
    """The worker's root logger through python-json-logger (``worker_hijack_root_logger =
    False``): Celery's own "Task ... raised unexpected" record with its ``data`` extras
    flattened, the traceback in ``exc_info``."""
    exc = d.thrown
    task_id = d.rand.uuid()
    first = exc.value.splitlines()[0] if exc.value else ""
    record = {
        "asctime": f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}",
        "levelname": "ERROR",
        "name": "celery.app.trace",
        "processName": f"ForkPoolWorker-{d.rand.randint(1, 4)}",
        "message": f"Task {d.bug.entry}[{task_id}] raised unexpected: {exc.type}({first!r})",
        "data": {"id": task_id, "name": d.bug.entry, "description": "raised unexpected"},
        "exc_info": python_traceback(d.chain),
    }
    return _compact(record), {"levelname": "ERROR", "name": "celery.app.trace"}


FORMATS13: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "lograge-json": lograge_json,
    "sidekiq-json": sidekiq_json,
    "spring-ecs": spring_ecs,
    "kafka-exhausted": kafka_exhausted,
    "ecs-exhausted": ecs_exhausted,
    "gunicorn-asgi": gunicorn_asgi,
    "pylog-reqid": pylog_reqid,
    "celery-json": celery_json,
    "celery-worker-log": celery_worker_log,
}

__all__ = ["FORMATS13"]
