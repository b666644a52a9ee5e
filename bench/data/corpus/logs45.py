"""blind45's log formats: NLog's default layout with ``${exception:format=tostring}`` as a
.NET Framework 4.8 ASP.NET MVC 5 app on IIS writes it (eh), and a Supabase Edge Function's
``console.error`` as the Supabase log drain forwards it (ej). The Symfony 5 app (ei) reuses
the registered Monolog ``LineFormatter`` format (``symfony-line``).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .logs7 import deno_stack
from .model import Exc

Fields = dict[str, str]

# .NET Framework's wording for an await boundary (Core shortened it to "previous location").
_BOUNDARY = "--- End of stack trace from previous location where exception was thrown ---"


def _full(exc: Exc) -> str:
    name = f"{exc.module}.{exc.type}" if exc.module else exc.type
    return f"{name}: {exc.value}" if exc.value else name


def framework_trace(chain: Sequence[Exc], newline: str = "\r\n") -> str:
    """``Exception.ToString()`` on .NET Framework 4.8: the whole chain on the first line
    joined by `` ---> ``, then the innermost stack first, each inner one closed by "End of
    inner exception stack trace"; files and lines only where the PDBs were deployed."""
    order = list(reversed(chain))
    lines = [" ---> ".join(_full(e) for e in order)]
    for depth, exc in enumerate(chain):
        for f in reversed(exc.frames):
            where = f" in {f.file}:line {f.line}" if f.in_app and f.file else ""
            name = f"{f.module}.{f.function}" if f.module else f.function
            lines.append(f"   at {name}{f.args or '()'}{where}")
            if f.boundary:
                lines.append(_BOUNDARY)
        if depth < len(chain) - 1:
            lines.append("   --- End of inner exception stack trace ---")
    return newline.join(lines)


def nlog_mvc(d: Delivery) -> tuple[str, Fields]:
    """``${longdate}|${level:uppercase=true}|${logger}|${message} ${exception:format=tostring}``
    from ``Application_Error``'s ``Logger.Error(ex, ...)``; the IIS box writes CRLF."""
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{int(d.when % 1 * 10_000):04d}"
    newline = "\r\n" if d.rand.randint(0, 1) else "\n"
    trace = framework_trace(d.chain, newline)
    return f"{stamp}|ERROR|{d.logger}|{d.log_message} {trace}", {"level": "ERROR"}


def supabase_edge(d: Delivery) -> tuple[str, Fields]:
    """A Supabase Edge Function's ``console.error(msg, err)``: the drain's JSON with the
    function's id and the Deno stack under ``event_message`` (one string, newlines kept)."""
    exc = d.thrown
    head = d.values.fill(d.bug.log) if d.bug.log else "Unhandled error"
    record = {
        "event_message": head + " " + deno_stack(exc, exc.value) + "\n",
        "id": d.rand.uuid(),
        "metadata": {
            "function_id": d.rand.uuid(),
            "execution_id": d.rand.uuid(),
            "level": "error",
            "region": d.rand.choice(["eu-west-2", "eu-central-1"]),
            "event_type": "Log",
        },
        "timestamp": d.epoch_ms * 1000,
    }
    return json.dumps(record, separators=(",", ":")), {"level": "error"}


FORMATS45: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "eh-nlog-mvc": nlog_mvc,
    "ej-supabase-edge": supabase_edge,
}
