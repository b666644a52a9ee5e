"""blind55's log formats: a Sanic 23 service on Sanic's own ``LOGGING_CONFIG_DEFAULTS``
(``[%Y-%m-%d %H:%M:%S %z] [pid] [ERROR] Exception occurred while handling uri: '<url>'`` over
the traceback) (fl), Erlang/OTP 26 releases on kernel's default logger handler with the legacy
header (``=CRASH REPORT====`` from proc_lib, ``=ERROR REPORT====`` with a gen_server's
``** Generic server ... terminating``) (fm), and a Mezzio 3 API on laminas-log's ``Simple``
formatter (``%timestamp% %priorityName% (%priority%): %message% %extra%``, the exception cast
to its ``__toString`` inside the JSON of ``extra``) or PHP's own ``error_log`` for an uncaught
error (fn).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Frame tables and log layouts are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc, Frame
from .traces import php_trace, php_where, python_traceback

Fields = dict[str, str]


# --- Sanic -------------------------------------------------------------------------------------


def sanic_default(d: Delivery) -> tuple[str, Fields]:
    """Sanic's ``generic`` formatter: ``%(asctime)s [%(process)s] [%(levelname)s] %(message)s``
    with ``datefmt`` ``[%Y-%m-%d %H:%M:%S %z]``. The error handler logs ``Exception occurred
    while handling uri: %s`` with ``repr(request.url)``; ``opts.kind`` ``team`` is the team's
    own ``logger.exception`` in a background task (no uri)."""
    kind = str(d.opts.get("kind", "handler"))
    pid = 7 + d.rand.randint(0, 40)
    head = f"{d.stamp('[%Y-%m-%d %H:%M:%S +0000]')} [{pid}] [ERROR]"
    if kind == "team":
        return f"{head} {d.log_message}\n{python_traceback(d.chain)}", {"logger": d.logger}
    host = str(d.opts.get("host", "api.internal"))
    url = f"http://{host}{d.request_path}"
    return f"{head} Exception occurred while handling uri: '{url}'\n{python_traceback(d.chain)}", {
        "uri": d.request_path
    }


# --- Erlang/OTP --------------------------------------------------------------------------------


def _otp_time(d: Delivery) -> str:
    """The legacy header's time: ``5-Dec-2026::13:40:26.123456``."""
    day = str(int(d.stamp("%d")))
    return f"{day}-{d.stamp('%b-%Y::%H:%M:%S')}.{d.rand.randint(0, 999999):06d}"


def _mfa(f: Frame) -> str:
    return f"{f.module}:{f.function}{f.args}"


def _erl_stack_term(frames: tuple[Frame, ...]) -> str:
    """The stacktrace as a term: ``[{M,F,Arity,[{file,"src/m.erl"},{line,N}]},...]``."""
    out = []
    for f in reversed(frames):
        arity = f.args.lstrip("/") or "0"
        loc = f'[{{file,"{f.file}"}},{{line,{f.line}}}]' if f.file else "[]"
        out.append(f"{{{f.module},{f.function},{arity},{loc}}}")
    return "[" + ",\n     ".join(out) + "]"


def _pid(d: Delivery) -> str:
    return f"<0.{d.rand.randint(300, 9999)}.0>"


def _crash_report(d: Delivery, exc: Exc) -> str:
    frames = list(reversed(exc.frames))
    lines = [
        f"=CRASH REPORT==== {_otp_time(d)} ===",
        "  crasher:",
        f"    initial call: {d.opts.get('initial', d.bug.entry if ':' in d.bug.entry else d.bug.entry + ':init/1')}",
        f"    pid: {_pid(d)}",
        f"    registered_name: {d.opts.get('name', '[]')}",
        f"    exception {d.opts.get('class', 'error')}: {d.values.fill(exc.value)}",
    ]
    for i, f in enumerate(frames):
        if i == 0:
            lines.append(
                f"      in function  {_mfa(f)}" + (f" ({f.file}, line {f.line})" if f.file else "")
            )
            if f.context:
                lines.append(f"         called as {d.values.fill(f.context)}")
        else:
            lines.append(
                f"      in call from {_mfa(f)}" + (f" ({f.file}, line {f.line})" if f.file else "")
            )
    sup = str(d.opts.get("sup", f"{d.service.name}_sup"))
    lines += [
        f"    ancestors: [{sup},<0.{d.rand.randint(200, 260)}.0>]",
        "    message_queue_len: 0",
        "    messages: []",
        f"    links: [{_pid(d)}]",
        "    dictionary: []",
        "    trap_exit: false",
        "    status: running",
        f"    heap_size: {d.rand.choice((2586, 4185, 6772, 10958))}",
        "    stack_size: 28",
        f"    reductions: {d.rand.randint(900, 90000)}",
        "  neighbours:",
    ]
    return "\n".join(lines)


def _genserver(d: Delivery, exc: Exc) -> str:
    name = str(d.opts.get("name", d.bug.entry))
    last = d.values.fill(str(d.opts.get("last", "undefined")))
    lines = [
        f"=ERROR REPORT==== {_otp_time(d)} ===",
        f"** Generic server {name} terminating ",
        f"** Last message in was {last}",
        f"** When Server state == {d.values.fill(str(d.opts.get('state', '{state,undefined}')))}",
        "** Reason for termination ==",
        f"** {{{d.values.fill(exc.type)},\n    {_erl_stack_term(exc.frames)}}}",
    ]
    if d.opts.get("client"):
        lines.append(f"** Client {_pid(d)} stacktrace")
        lines.append(
            '** [{gen,do_call,4,[{file,"gen.erl"},{line,240}]},\n    {gen_server,call,3,[{file,"gen_server.erl"},{line,401}]}]'
        )
    return "\n".join(lines)


def otp_legacy(d: Delivery) -> tuple[str, Fields]:
    """kernel's default handler (``logger_formatter`` with ``legacy_header => true``,
    ``single_line => false``). ``opts.kind`` ``crash``: proc_lib's crash report of a process
    that died (``exception error: <erl_error text>``, ``in function`` / ``in call from``);
    ``genserver``: gen_server's own terminate report (the reason and stack as one term)."""
    kind = str(d.opts.get("kind", "crash"))
    exc = d.thrown
    if kind == "genserver":
        return _genserver(d, exc), {"report": "genserver"}
    return _crash_report(d, exc), {"report": "crash"}


# --- Mezzio + laminas-log ----------------------------------------------------------------------


def _php_one(exc: Exc, d: Delivery) -> str:
    _, trace = php_trace(exc)
    name = f"{exc.module}\\{exc.type}" if exc.module else exc.type
    return f"{name}: {d.values.fill(exc.value)} in {php_where(exc)}\nStack trace:\n" + "\n".join(
        trace
    )


def _php_to_string(d: Delivery) -> str:
    """``Throwable::__toString()``: the innermost previous exception first, then each
    wrapper after ``Next``: ``<Class>: <message> in <file>:<line>``, ``Stack trace:`` and
    ``getTraceAsString()``."""
    return "\n\nNext ".join(_php_one(exc, d) for exc in d.chain)


def laminas_simple(d: Delivery) -> tuple[str, Fields]:
    """laminas-log's ``Simple`` formatter under the team's Mezzio error listener
    (``$logger->err($e->getMessage(), ['exception' => $e])``): ``%timestamp%`` ISO 8601,
    ``ERR (3)``, the message and ``extra`` normalised to JSON, the exception as its
    ``__toString`` (newlines escaped). ``opts.kind`` ``fatal``: PHP's own ``error_log`` line
    for an uncaught error (``PHP Fatal error:  Uncaught ...``, ``thrown in ... on line``)."""
    kind = str(d.opts.get("kind", "laminas"))
    exc = d.thrown
    if kind == "fatal":
        where = php_where(exc)
        file, _, line = where.rpartition(":")
        text = _php_to_string(d)
        head = f"{d.stamp('[%d-%b-%Y %H:%M:%S UTC]')} PHP Fatal error:  Uncaught {text}\n  thrown in {file} on line {line}"
        return head, {"severity": "fatal"}
    message = d.values.fill(exc.value).split("\n")[0]
    extra = {"exception": _php_to_string(d), "request_id": d.rand.hex(16)}
    extra_json = json.dumps(extra, ensure_ascii=False, separators=(",", ":"))
    ts = d.stamp("%Y-%m-%dT%H:%M:%S+00:00")
    return f"{ts} ERR (3): {message} {extra_json}", {"priorityName": "ERR"}


FORMATS55: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "fl-sanic": sanic_default,
    "fm-otp-legacy": otp_legacy,
    "fn-laminas-simple": laminas_simple,
}
