"""blind76's log formats: PM2's own log files of an Express 4 API and a worker started with
``pm2 start --time`` (every line PM2 writes prefixed ``2026-03-05T10:11:12: ``), what
``console.error(err)`` and ``console.error('context', err)`` print there (Node's
``util.inspect`` of the error: its stack, its own properties in braces, a ``[cause]``), as the
Splunk Universal Forwarder reads the ``*-error.log`` files, whole or line-broken at the
prefix, and the worker's file in PM2's ``--log-type json`` (hw); a Django REST Framework API
on gunicorn whose error log holds gunicorn's own ``[<time>] [<pid>] [ERROR] Error handling
request <path>`` over the traceback and, through a ``LOGGING`` formatter copying gunicorn's
look, ``django.request``'s and the code's own records (hx).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import node_stack, python_traceback

Fields = dict[str, str]


def _cut(d: Delivery, lines: list[str]) -> list[str]:
    """``keep``: the event as the forwarder cut it (its first lines only)."""
    if "keep" in d.opts:
        return lines[: int(str(d.opts["keep"]))]
    return lines


# --- hw: PM2 --time ------------------------------------------------------------------------------


def _props(d: Delivery, indent: str) -> list[str]:
    """The error's own enumerable properties as ``util.inspect`` prints them."""
    props = d.opts.get("props", ())
    assert isinstance(props, tuple)
    return [f"{indent}{d.values.fill(str(p))}," for p in props]


def inspect_error(d: Delivery) -> str:
    """``util.inspect(err)``: the stack, then ``{ props, [cause]: ... }`` where there are any."""
    chain = d.chain
    thrown = chain[-1]
    text = node_stack(thrown, thrown.value)
    props = _props(d, "  ")
    cause_lines: list[str] = []
    if len(chain) > 1:
        cause = chain[-2]
        inner = node_stack(cause, cause.value).split("\n")
        cause_lines = [f"  [cause]: {inner[0]}", *(f"  {line}" for line in inner[1:])]
    if not props and not cause_lines:
        return text
    body = [*props, *cause_lines]
    if body and body[-1].endswith(","):
        body[-1] = body[-1][:-1]
    return text + " {\n" + "\n".join(body) + "\n}"


def _console_error(d: Delivery) -> str:
    """``console.error(err)`` or, with the bug's ``log``, ``console.error(log, err)``."""
    text = inspect_error(d)
    if d.bug.log:
        return f"{d.log_message} {text}"
    return text


def _pm2_stamp(d: Delivery) -> str:
    return d.stamp("%Y-%m-%dT%H:%M:%S")


def pm2_time(d: Delivery) -> tuple[str, Fields]:
    """PM2 ``--time``: every line of the write prefixed with its timestamp; with ``first``,
    the forwarder broke the event at each prefix and the search matched the first line."""
    prefix = f"{_pm2_stamp(d)}: "
    lines = [prefix + line for line in _console_error(d).split("\n")]
    if d.opts.get("first"):
        lines = lines[:1]
    return "\n".join(_cut(d, lines)), {"pm2_app": str(d.opts.get("pm2_app", d.service.name))}


def pm2_json(d: Delivery) -> tuple[str, Fields]:
    """PM2 ``--log-type json --time``: one record per write, the whole print in ``message``."""
    record = {
        "message": _console_error(d) + "\n",
        "timestamp": _pm2_stamp(d),
        "type": "err",
        "process_id": d.rand.randint(0, 3),
        "app_name": str(d.opts.get("pm2_app", d.service.name)),
    }
    raw = json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    return raw, {"app_name": record["app_name"], "type": "err"}


# --- hx: gunicorn's error log ---------------------------------------------------------------------


def _gstamp(d: Delivery) -> str:
    return d.stamp("[%Y-%m-%d %H:%M:%S +0000]")


def _pid(d: Delivery) -> str:
    return str(7 + d.rand.randint(0, 40))


def gunicorn_handling(d: Delivery) -> tuple[str, Fields]:
    """gunicorn's ``handle_error``: ``Error handling request <path>`` over the traceback, for
    what escapes Django's handler (WSGI middleware, streamed bodies)."""
    head = f"{_gstamp(d)} [{_pid(d)}] [ERROR] Error handling request {d.request_path}"
    lines = [head, *python_traceback(d.chain).split("\n")]
    return "\n".join(_cut(d, lines)), {"logger": "gunicorn.error"}


def django_request(d: Delivery) -> tuple[str, Fields]:
    """``django.request``'s ``Internal Server Error: <path>`` through the team's formatter
    ``[{asctime}] [{process}] [{levelname}] {name}: {message}`` (datefmt like gunicorn's)."""
    head = (
        f"{_gstamp(d)} [{_pid(d)}] [ERROR] django.request: Internal Server Error: {d.request_path}"
    )
    lines = [head, *python_traceback(d.chain).split("\n")]
    return "\n".join(_cut(d, lines)), {"logger": "django.request"}


def app_record(d: Delivery) -> tuple[str, Fields]:
    """The code's own ``logger.exception(...)`` under the same formatter; ``bare``: a
    ``logger.error`` without the traceback."""
    head = f"{_gstamp(d)} [{_pid(d)}] [ERROR] {d.logger}: {d.log_message}"
    if d.opts.get("bare"):
        return head, {"logger": d.logger}
    lines = [head, *python_traceback(d.chain).split("\n")]
    return "\n".join(_cut(d, lines)), {"logger": d.logger}


FORMATS76: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "hw-pm2-time": pm2_time,
    "hw-pm2-json": pm2_json,
    "hx-gunicorn-handling": gunicorn_handling,
    "hx-django-request": django_request,
    "hx-app-record": app_record,
}
