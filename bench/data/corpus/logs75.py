"""blind75's log formats: Rails 8's default production logger on STDOUT (a bare
``ActiveSupport::Logger`` under ``TaggedLogging`` with the request id tag: no severity, no
timestamp), ``DebugExceptions``' block and Active Job's ``Error performing`` record from a
Solid Queue worker, and the same lines as Docker's Splunk logging driver ships them, one JSON
event per line (ht); Monolog's default ``LineFormatter`` of a Symfony 6.4 app with stack
traces included: the ``request``, ``messenger`` and ``console`` channels' CRITICAL records
with the exception rendered into the JSON context (hu); Python's ``logging.basicConfig``
format ``%(asctime)s %(name)s %(levelname)s %(message)s`` of an aiohttp 3 service,
``aiohttp.server``'s own ``Error handling request from <addr>`` and the app's
``log.exception`` records, the traceback below (hv).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .traces import monolog_exception, php_where, python_traceback, ruby_backtrace

Fields = dict[str, str]


def _cut(d: Delivery, text: str) -> str:
    """``half``: the event as a forwarder cut it (the first lines only)."""
    if d.opts.get("half"):
        return "\n".join(text.split("\n")[: int(str(d.opts.get("keep", 4)))])
    return text


# --- ht: Rails 8 on STDOUT -----------------------------------------------------------------------


def _rb_name(d: Delivery) -> str:
    exc = d.thrown
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def rails8_fatal(d: Delivery) -> tuple[str, Fields]:
    """``ActionDispatch::DebugExceptions#log_error`` under Rails 8's production logger
    (``ActiveSupport::TaggedLogging.logger(STDOUT)``, ``log_tags = [:request_id]``): every
    line carries the tag, ``Class (message):``, then the backtrace cleaned to the app's lines
    in Ruby 3.4's wording (``in 'Owner#method'``)."""
    exc = d.thrown
    tag = f"[{d.rand.uuid()}]"
    lines = [
        f"{tag}   ",
        f"{tag} {_rb_name(d)} ({exc.value}):",
        f"{tag}   ",
        *(f"{tag} {line}" for line in ruby_backtrace(exc, ruby34=True)),
    ]
    return _cut(d, "\n".join(lines)), {}


def _job_record(d: Delivery) -> str:
    exc = d.thrown
    job = d.bug.entry or "ApplicationJob"
    jid = d.rand.uuid()
    queue = str(d.opts.get("queue", "default"))
    took = f"{d.rand.uniform(3, 90_000):.2f}"
    head = (
        f"[ActiveJob] [{job}] [{jid}] Error performing {job} (Job ID: {jid}) from "
        f"SolidQueue({queue}) in {took}ms: {_rb_name(d)} ({exc.value}):"
    )
    # Rails 8's Dockerfile: the app in /rails, gems under BUNDLE_PATH=/usr/local/bundle.
    lines = [
        ("/rails/" if f.in_app else "/usr/local/bundle/ruby/3.4.0/gems/")
        + f"{f.file}:{f.line}:in '{f.function}'"
        for f in reversed(exc.frames)
    ]
    return "\n".join([head, *lines])


def activejob_error(d: Delivery) -> tuple[str, Fields]:
    """Active Job's ``LogSubscriber#perform`` under the Solid Queue worker: the tags
    ``[ActiveJob] [JobClass] [job id]`` on the first line only, the whole raw backtrace
    (absolute paths, gems included) below."""
    return _cut(d, _job_record(d)), {"job_class": d.bug.entry}


def docker_line(d: Delivery) -> tuple[str, Fields]:
    """Docker's ``splunk`` logging driver with ``splunk-format: json``: one event per stdout
    line, ``{"line": ..., "source": "stdout", "tag": <container id>}``; the search matched the
    line that names the exception (``which``: ``fatal`` or ``job``)."""
    if d.opts.get("which") == "job":
        line = _job_record(d).split("\n", 1)[0]
    else:
        line = rails8_fatal_line(d)
    record = {"line": line, "source": "stdout", "tag": d.rand.hex(12)}
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {"source": "stdout"}


def rails8_fatal_line(d: Delivery) -> str:
    exc = d.thrown
    return f"[{d.rand.uuid()}] {_rb_name(d)} ({exc.value}):"


# --- hu: Monolog's LineFormatter in Symfony 6.4 ---------------------------------------------------


def _monolog(
    d: Delivery, channel: str, level: str, message: str, context: dict[str, object]
) -> str:
    """``[%datetime%] %channel%.%level_name%: %message% %context% %extra%``: the context as
    JSON (slashes unescaped) whose ``\\n`` escapes Monolog turns back into line breaks once
    stack traces are included."""
    ctx = json.dumps(context, separators=(",", ":"), ensure_ascii=False).replace("\\n", "\n")
    stamp = f"{d.iso(6, z=False)}"
    return f"[{stamp}] {channel}.{level}: {message} {ctx} []"


def _exc_text(d: Delivery) -> str:
    codes = d.opts.get("codes", ())
    text = monolog_exception(d.chain, [str(c) for c in codes] if isinstance(codes, tuple) else [])
    # A frame's call arguments show the delivery's ids (``{main}`` stays as it is).
    return re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], text)


def monolog_request(d: Delivery) -> tuple[str, Fields]:
    """The HttpKernel ``ErrorListener``: ``Uncaught PHP Exception Class: "message" at file
    line n`` at CRITICAL (ERROR under 500)."""
    exc = d.thrown
    level = str(d.opts.get("level", "CRITICAL"))
    file, _, line = php_where(exc).rpartition(":")
    message = f'Uncaught PHP Exception {exc.type}: "{exc.value}" at {file} line {line}'
    raw = _monolog(d, "request", level, message, {"exception": _exc_text(d)})
    return _cut(d, raw), {"channel": "request", "level_name": level}


def monolog_messenger(d: Delivery) -> tuple[str, Fields]:
    """Messenger's ``SendFailedMessageForRetryListener`` after the last retry: the message
    with its placeholders filled (``PsrLogMessageProcessor``), the context kept; the thrown
    exception a ``HandlerFailedException`` over the handler's."""
    cls = str(d.opts.get("message_class", "App\\Message\\Unknown"))
    error = d.thrown.value
    retries = int(str(d.opts.get("retries", 3)))
    message = (
        f"Error thrown while handling message {cls}. Removing from transport after "
        f'{retries} retries. Error: "{error}"'
    )
    context: dict[str, object] = {
        "class": cls,
        "message_id": d.rand.randint(10_000, 999_999),
        "retryCount": retries,
        "error": error,
        "exception": _exc_text(d),
    }
    raw = _monolog(d, "messenger", "CRITICAL", message, context)
    return _cut(d, raw), {"channel": "messenger", "level_name": "CRITICAL"}


def monolog_console(d: Delivery) -> tuple[str, Fields]:
    """The Console ``ErrorListener``: ``Error thrown while running command "cmd". Message:
    "message"`` with the command and the message again in the context."""
    command = d.values.fill(d.bug.entry)
    error = d.thrown.value
    message = f'Error thrown while running command "{command}". Message: "{error}"'
    context = {"exception": _exc_text(d), "command": command, "message": error}
    raw = _monolog(d, "console", "CRITICAL", message, context)
    return _cut(d, raw), {"channel": "console", "level_name": "CRITICAL"}


# --- hv: logging.basicConfig text ---------------------------------------------------------------


def _asctime(d: Delivery) -> str:
    return f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"


def aiohttp_server(d: Delivery) -> tuple[str, Fields]:
    """aiohttp 3.10+'s ``RequestHandler.handle_error``: ``Error handling request from
    <remote>`` on ``aiohttp.server`` over the traceback."""
    remote = d.values["ip"]
    head = f"{_asctime(d)} aiohttp.server ERROR Error handling request from {remote}"
    return _cut(d, head + "\n" + python_traceback(d.chain)), {"logger": "aiohttp.server"}


def app_exception(d: Delivery) -> tuple[str, Fields]:
    """The app's own ``log.exception(...)``: its logger's dotted name and message."""
    head = f"{_asctime(d)} {d.logger} ERROR {d.log_message}"
    return _cut(d, head + "\n" + python_traceback(d.chain)), {"logger": d.logger}


FORMATS75: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ht-rails8-fatal": rails8_fatal,
    "ht-activejob-error": activejob_error,
    "ht-docker-line": docker_line,
    "hu-monolog-request": monolog_request,
    "hu-monolog-messenger": monolog_messenger,
    "hu-monolog-console": monolog_console,
    "hv-aiohttp-server": aiohttp_server,
    "hv-app-exception": app_exception,
}
