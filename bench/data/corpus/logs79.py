"""blind79's log formats: what ``console.error(...)`` prints from a Node 20 Express API and a
Bull worker in Docker (Node's ``util.inspect`` of the error: its stack, its own properties, a
``[cause]``), as the Datadog Agent tails the container (``if-console``) and as Docker's
``splunk`` logging driver ships it with ``splunk-format: json`` (``if-docker-splunk``): one
event per line, ``{"line": <one console line>, "source": "stderr", "tag": <container>}``, so
a stack trace arrives one line per event unless the driver's multi-line option is on (``whole``).
The Laravel company (ig) reuses blind14's ``monolog-json``; the mobile app (ih) has no logs.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .logs76 import inspect_error

Fields = dict[str, str]


def _console(d: Delivery) -> str:
    """``console.error(err)`` or, with the bug's ``log``, ``console.error(log, err)``."""
    text = inspect_error(d)
    return f"{d.log_message} {text}" if d.bug.log else text


def console_text(d: Delivery) -> tuple[str, Fields]:
    """The container's stderr as written; ``keep``: the first lines only."""
    lines = _console(d).split("\n")
    if "keep" in d.opts:
        lines = lines[: int(str(d.opts["keep"]))]
    return "\n".join(lines), {}


def docker_splunk(d: Delivery) -> tuple[str, Fields]:
    """Docker's ``splunk`` logging driver (``splunk-format: json``, ``tag: {{.Name}}``): the
    event the search matched, line ``lineno`` of the print (0: the one naming the error), or,
    with ``whole``, the print as one event."""
    text = _console(d)
    if d.opts.get("whole"):
        line = text
    else:
        lines = text.split("\n")
        line = lines[min(int(str(d.opts.get("lineno", 0))), len(lines) - 1)]
    tag = f"{d.service.name}-{d.rand.randint(1, 3)}"
    record = {"line": line, "source": "stderr", "tag": tag}
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {"tag": tag}


FORMATS79: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "if-console": console_text,
    "if-docker-splunk": docker_splunk,
}
