"""blind90's log formats.

jm: a Go 1.22 chi API and a segmentio/kafka-go consumer on ``log/slog``'s ``JSONHandler``
(no ``AddSource``): ``time``, ``level``, ``msg``, then the attributes, ``err`` as ``Error()``;
the API adds ``method``, ``path``, ``request_id``, the consumer ``topic``, ``partition``,
``offset`` and ``group``. A panic caught by the team's recover middleware is logged as
``panic recovered`` with the value in ``err`` and ``debug.Stack()`` in ``stack`` (the only
record with a stack). The records reach Splunk through a small slog handler posting to HEC
(``sourcetype=_json``, ``source=http:<service>``), and Datadog through the agent.

jn: a Symfony 7.1 app and its Messenger workers on Monolog 3's ``JsonFormatter`` (``message``,
``context.exception`` with ``class``, ``message``, ``code``, ``file``, ``trace``,
``previous``; ``level``, ``level_name``, ``channel``, ``datetime``, ``extra``). A failed
message is logged by Messenger's ``SendFailedMessageForRetryListener`` with the
``HandlerFailedException`` that wraps the handler's exception (``Handling "<class>" failed:
<message>``, its ``previous`` the handler's exception). The nightly ``bin/console`` cron
container still writes Monolog's ``LineFormatter`` text to ``var/log/prod.log``, which the
Splunk universal forwarder reads.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .delivery import Delivery
from .logs66 import monolog_json, monolog_throwable
from .model import Frame
from .traces import go_debug_stack, monolog_exception

Fields = dict[str, str]

HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- jm: slog JSON -----------------------------------------------------------------------------

RECOVER = Frame(
    "Recoverer.func1.1",
    "/src/depot/internal/httpx/recover.go",
    31,
    "nunnykirk.example/depot/internal/httpx",
)


def slog_json(d: Delivery) -> tuple[str, Fields]:
    """``slog.New(slog.NewJSONHandler(w, nil))``. ``opts.kind``: ``app`` (default):
    ``logger.ErrorContext(ctx, msg, "err", err, ...)``; ``panic``: the recover middleware's
    ``logger.Error("panic recovered", "err", rec, "stack", string(debug.Stack()))``."""
    kind = str(d.opts.get("kind", "app"))
    exc = d.thrown
    record: dict[str, Any] = {"time": d.iso(9 if d.index % 2 else 6), "level": "ERROR"}
    if kind == "panic":
        record["msg"] = "panic recovered"
        record["err"] = exc.value
        frames = tuple(f for f in exc.frames if f.function != "gopanic")
        record["stack"] = go_debug_stack(
            replace(exc, frames=frames), d.rand.randint(30, 4000), (RECOVER,)
        )
    else:
        record["msg"] = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
        record["err"] = exc.value
    if d.bug.entry.startswith(HTTP_VERBS):
        record["method"] = d.bug.entry.split(" ", 1)[0]
        record["path"] = d.request_path
        record["request_id"] = f"{d.host}/{d.rand.alnum(10)}-{d.rand.randint(1, 999999):06d}"
    elif d.bug.entry.startswith("kafka:"):
        record["topic"] = d.bug.entry.removeprefix("kafka:")
        record["partition"] = d.rand.randint(0, 11)
        record["offset"] = d.rand.randint(1_000_000, 9_999_999)
        record["group"] = "scan-consumer"
    record["service"] = d.service.name
    record["version"] = d.company.releases[d.release]
    return _compact(record), {"level": "ERROR", "msg": str(record["msg"])}


# --- jn: Monolog -------------------------------------------------------------------------------

SF_MESSENGER = "/srv/lettings/vendor/symfony/messenger/"
HANDLER_FAILED = "Symfony\\Component\\Messenger\\Exception\\HandlerFailedException"


def monolog_messenger(d: Delivery) -> tuple[str, Fields]:
    """Monolog's ``JsonFormatter``; for ``opts.kind`` ``retry`` and ``failed`` the exception
    in the context is Messenger's ``HandlerFailedException`` over the handler's own (and the
    message quotes the wrapper's message), as Symfony 7 logs it."""
    raw, fields = monolog_json(d)
    kind = str(d.opts.get("kind", "request"))
    if kind not in ("retry", "failed"):
        return raw, fields
    rec = json.loads(raw)
    cls = str(d.bug.entry)
    inner = d.thrown.value
    wrapped = f'Handling "{cls}" failed: {inner}'
    trace = [
        f"{SF_MESSENGER}Middleware/SendMessageMiddleware.php:77",
        f"{SF_MESSENGER}Middleware/StackMiddleware.php:35",
        f"{SF_MESSENGER}MessageBus.php:70",
        f"{SF_MESSENGER}Worker.php:206",
        f"{SF_MESSENGER}Worker.php:162",
        f"{SF_MESSENGER}Worker.php:115",
        f"{SF_MESSENGER}Command/ConsumeMessagesCommand.php:252",
    ]
    outer: dict[str, Any] = {
        "class": HANDLER_FAILED,
        "message": wrapped,
        "code": 0,
        "file": f"{SF_MESSENGER}Middleware/HandleMessageMiddleware.php:124",
        "trace": trace,
        "previous": monolog_throwable(d.chain),
    }
    ctx = rec["context"]
    ctx["error"] = wrapped
    ctx["exception"] = outer
    rec["message"] = rec["message"].replace(f'Error: "{inner}"', f'Error: "{wrapped}"')
    rec["extra"] = {"message_id": str(d.rand.randint(10_000, 999_999))}
    return _compact(rec), fields


def monolog_line(d: Delivery) -> tuple[str, Fields]:
    """Monolog's ``LineFormatter`` with stack traces (``[%datetime%] %channel%.%level_name%:
    %message% %context% %extra%``) as the cron container writes ``var/log/prod.log``: a
    ``bin/console`` command's ``Error thrown while running command``."""
    exc = d.thrown
    first = exc.value.split("\n", 1)[0]
    command = d.bug.entry
    context = {
        "exception": monolog_exception(d.chain),
        "command": command,
        "message": first,
    }
    text = _compact(context).replace("\\n", "\n")
    stamp = d.iso(6, z=False)
    line = (
        f'[{stamp}] console.CRITICAL: Error thrown while running command "{command}". '
        f'Message: "{first}" {text} []'
    )
    return line, {"channel": "console", "level_name": "CRITICAL"}


FORMATS90: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "jm-slog-json": slog_json,
    "jn-monolog-json": monolog_messenger,
    "jn-monolog-line": monolog_line,
}
