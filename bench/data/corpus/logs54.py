"""blind54's log formats: arq's worker log under its own ``default_log_config`` (``HH:MM:SS:``
heads, ``%6.2fs ! <job_id>:<function> failed, <Type>: <message>`` over the traceback) (fi),
a Sinatra 4 app on Puma 6 whose stderr carries Sinatra's ``dump_errors!`` block (``date -
Class - message:`` then the whole backtrace, each line after a tab), Rack::CommonLogger's
request line and Puma's own ``Rack app (...)`` error for what escapes the app (fj), and Go
Kratos v2 services on Kratos' ``log.NewStdLogger`` (the level, then ``key=value`` pairs
printed with ``%v``, unquoted, so an error's ``%+v`` stack runs over lines) (fk).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Frame tables and log layouts are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Callable

from .delivery import Delivery
from .traces import python_traceback

Fields = dict[str, str]


# --- arq ---------------------------------------------------------------------------------------


def arq_worker(d: Delivery) -> tuple[str, Fields]:
    """arq's ``default_log_config``: ``%(asctime)s: %(message)s`` with ``%H:%M:%S``. A job
    that raised: ``logger.exception('%6.2fs ! %s failed, %s: %s', t, ref, ...)`` where ``ref``
    is ``<job_id>:<function>``, the traceback after it. ``opts.kind`` ``team`` is the team's
    own ``logger.exception`` record in the job (``%(levelname)s %(name)s``) in the same stream.
    (arq's ``↻ ... retrying job in`` line has no traceback: the companies write it as a
    ``line`` template.)"""
    kind = str(d.opts.get("kind", "failed"))
    hms = d.stamp("%H:%M:%S")
    job_id = d.rand.hex(16)
    ref = f"{job_id}:{d.bug.entry}"
    took = f"{d.rand.uniform(0.02, 45.0):6.2f}s"
    exc = d.thrown
    first = exc.value.split("\n", 1)[0]
    if kind == "team":
        head = f"{hms}: ERROR {d.logger} {d.log_message}"
        return head + "\n" + python_traceback(d.chain), {"logger": d.logger}
    head = f"{hms}: {took} ! {ref} failed, {exc.type}: {first}"
    return head + "\n" + python_traceback(d.chain), {"function": d.bug.entry}


# --- Sinatra on Puma ---------------------------------------------------------------------------


def _rb_path(f_file: str, in_app: bool) -> str:
    return ("/app/" if in_app else "/usr/local/bundle/gems/") + f_file


def _rb_lines(d: Delivery) -> list[str]:
    """The whole backtrace, innermost first, as Ruby 3.3 prints it (backquoted labels)."""
    return [f"{_rb_path(f.file, f.in_app)}:{f.line}:in `{f.function}'" for f in reversed(d.frames)]


def sinatra_puma(d: Delivery) -> tuple[str, Fields]:
    """Puma's stderr. ``dump_errors!``: ``<local time> - <Class> - <message>:`` and each
    backtrace line after ``\\n\\t`` (a message's second lines too); ``opts.kind`` ``puma`` is
    Puma's ``lowlevel`` report for an error raised outside Sinatra's dispatch (a Rack
    middleware): ``<Time.now> Rack app ("VERB /path" - (ip)): #<Class: message>`` and the
    backtrace one line each. (Rack::CommonLogger's request line has no exception: the
    companies write it as a ``line`` template.)"""
    kind = str(d.opts.get("kind", "dump"))
    exc = d.thrown
    verb, _, _ = d.bug.entry.partition(" ")
    ip = d.values["ip"]
    if kind == "puma":
        head = f'{d.stamp("%Y-%m-%d %H:%M:%S +0000")} Rack app ("{verb} {d.request_path}" - ({ip})): #<{exc.type}: {exc.value}>'
        return "\n".join([head, *_rb_lines(d)]), {}
    message = exc.value.split("\n")
    head = f"{d.stamp('%Y-%m-%d %H:%M:%S')} - {exc.type} - {message[0]}:"
    return "\n\t".join([head, *message[1:], *_rb_lines(d)]), {}


# --- Go Kratos ---------------------------------------------------------------------------------


def _kratos_prefix(d: Delivery, caller: str) -> str:
    return (
        f"ERROR ts={d.stamp('%Y-%m-%dT%H:%M:%SZ')} caller={caller} "
        f"service.id={d.host} service.name={d.service.name} "
        f"service.version={d.company.releases[d.release]} "
        f"trace.id={d.rand.hex(16)} span.id={d.rand.hex(8)}"
    )


def _kratos_stack(d: Delivery) -> str:
    """``fmt.Sprintf("%+v", err)``: the Kratos error's own text, then the cause's stack where
    pkg/errors made it (``errors.WithStack`` in the data layer)."""
    lines = [d.thrown.value]
    for f in reversed(d.frames):
        if f.in_app:
            lines.append(f"{f.module}.{f.function}")
            lines.append(f"\t{f.file}:{f.line}")
    return "\n".join(lines)


def kratos_std(d: Delivery) -> tuple[str, Fields]:
    """Kratos' ``log.NewStdLogger(os.Stdout)`` under kratos-layout's ``log.With`` (``ts``,
    ``caller``, ``service.*``, ``trace.id``, ``span.id``). ``opts.kind`` ``server``: the logging
    middleware's record (``kind``, ``component``, ``operation``, ``args``, ``code``,
    ``reason``, ``stack``, ``latency``; ``caller`` the middleware's own line); ``helper``:
    the usecase's ``log.Helper.Errorf`` (``msg=``, ``caller`` its own file)."""
    kind = str(d.opts.get("kind", "server"))
    if kind == "helper":
        f = [x for x in d.frames if x.in_app][-1]
        caller = "/".join(f.file.split("/")[-2:]) + f":{f.line}"
        msg = d.values.fill(d.bug.log) if d.bug.log else "request failed"
        return f"{_kratos_prefix(d, caller)} msg={msg}: {d.thrown.value}", {"msg": msg}
    component = str(d.opts.get("component", "grpc"))
    operation = str(d.opts.get("operation", d.bug.entry))
    args = d.values.fill(str(d.opts.get("args", "")))
    code = str(d.opts.get("code", "500"))
    reason = str(d.opts.get("reason", ""))
    latency = f"{d.rand.uniform(0.001, 3.0):.6f}".rstrip("0")
    caller = "logging/logging.go:52"
    line = (
        f"{_kratos_prefix(d, caller)} kind=server component={component} "
        f"operation={operation} args={args} code={code} reason={reason} "
        f"stack={_kratos_stack(d)} latency={latency}"
    )
    return line, {"operation": operation, "code": code}


FORMATS54: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "fi-arq-worker": arq_worker,
    "fj-sinatra-puma": sinatra_puma,
    "fk-kratos-std": kratos_std,
}
