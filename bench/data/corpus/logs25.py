"""Log formats of blind25's companies (bz, ca, cb): tracing-subscriber's default ``fmt``
text and its flattened JSON from Rust axum services and a tokio worker; Python ``logging``
text from an aiohttp API (``aiohttp.server``'s "Error handling request", ``aiohttp.access``)
and arq's own worker lines (``%(asctime)s: %(message)s``, ``HH:MM:SS``, ``  1.23s ! <job
id>:<function> failed, <Type>: <message>`` then the traceback); Slim 4's error log
(``PlainTextErrorRenderer`` through ``error_log``, with or without php-fpm's "child N said
into stderr" decoration on every line) and Monolog 3's ``LineFormatter`` from PHP CLI
scripts.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys (prefixed with the company's
letters: no other set uses them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import monolog_exception, php_trace, php_where, python_traceback, rust_std_backtrace

Fields = dict[str, str]

HTTP = ("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _first(d: Delivery) -> str:
    return d.thrown.value.splitlines()[0] if d.thrown.value else ""


# --- bz: Rust, tracing-subscriber --------------------------------------------------------------


def _bz_error(d: Delivery) -> str:
    """The ``error`` field as the call site recorded it: ``%err`` (Display: the outermost
    context), ``err = format!("{err:#}")`` (every context joined by ``: ``), or ``?err``
    (anyhow's Debug: ``Caused by:`` and the backtrace when ``RUST_BACKTRACE`` is set)."""
    chain = list(reversed(d.chain))
    style = str(d.opts.get("err", "alternate"))
    if style == "display":
        return chain[0].value
    if style == "alternate":
        return ": ".join(e.value for e in chain)
    text = chain[0].value
    causes = chain[1:]
    if len(causes) == 1:
        text += "\n\nCaused by:\n    " + causes[0].value
    elif causes:
        text += "\n\nCaused by:\n" + "\n".join(f"{i:>5}: {e.value}" for i, e in enumerate(causes))
    if d.opts.get("backtrace"):
        text += "\n\nStack backtrace:\n" + rust_std_backtrace(d.frames)
    return text


def _bz_span(d: Delivery) -> tuple[str, dict[str, str]]:
    """The span the event is in: tower-http's ``request`` span, or the worker's ``job`` span."""
    entry = d.bug.entry
    if entry.startswith(HTTP):
        method, _ = entry.split(" ", 1)
        return "request", {"method": method, "uri": d.request_path, "version": "HTTP/1.1"}
    if entry:
        return "job", {"kind": entry, "delivery_tag": d.values["n"]}
    return "", {}


def bz_fmt_text(d: Delivery) -> tuple[str, Fields]:
    """``tracing_subscriber::fmt()`` with ANSI off: the RFC 3339 time, the level padded to 5,
    the span with its fields, the target, the message and the event's fields as
    ``key=value`` (a ``?err`` field's Debug text keeps its line breaks). ``opts.err``: how the
    call site recorded the error (see ``_bz_error``)."""
    name, fields = _bz_span(d)
    span = ""
    if name:
        span = name + "{" + " ".join(f"{k}={v}" for k, v in fields.items()) + "}: "
    extra = d.opts.get("fields", {})
    assert isinstance(extra, dict)
    kv = " ".join(f"{k}={d.values.fill(str(v))}" for k, v in extra.items())
    err = _bz_error(d)
    if str(d.opts.get("err", "alternate")) == "alternate":
        # ``error = format!("{err:#}")`` records a ``&str``: the formatter prints it quoted
        # (Debug); ``%err`` and ``?err`` print as Display and Debug of the error, unquoted.
        err = json.dumps(err, ensure_ascii=False)
    tail = f" {kv}" if kv else ""
    line = f"{d.iso(6)} ERROR {span}{d.logger}: {d.log_message}{tail} error={err}"
    return line, {"level": "ERROR", "target": d.logger}


def bz_json_flat(d: Delivery) -> tuple[str, Fields]:
    """``fmt().json().flatten_event(true).with_current_span(false).with_span_list(true)``
    plus ``with_thread_names`` and ``with_file``/``with_line_number``: the event's fields at the
    top level beside ``timestamp``, ``level``, ``target``."""
    record: dict[str, object] = {"timestamp": d.iso(6), "level": "ERROR"}
    record["message"] = d.log_message
    extra = d.opts.get("fields", {})
    assert isinstance(extra, dict)
    record.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    record["error"] = _bz_error(d)
    record["target"] = d.logger
    app = [f for f in d.frames if f.in_app]
    if app and not d.opts.get("no_file"):
        # The call site that logged: the handler or job function, not where the error began.
        site = app[min(1, len(app) - 1)] if len(app) > 1 else app[0]
        record["filename"] = site.file
        record["line_number"] = site.line + 3
    record["threadName"] = "tokio-runtime-worker"
    name, fields = _bz_span(d)
    if name:
        record["spans"] = [{**fields, "name": name}]
    return _compact(record), {"level": "ERROR", "target": d.logger}


# --- ca: aiohttp and arq ----------------------------------------------------------------------


def ca_aiohttp(d: Delivery) -> tuple[str, Fields]:
    """``logging.basicConfig(format="%(asctime)s %(levelname)s [%(name)s] %(message)s")``:
    an unhandled handler error is logged by ``aiohttp.server`` as "Error handling request"
    with the traceback; the app's own ``log.exception`` calls name their logger. ``opts.half``:
    the log shipper's 12-line cap."""
    if d.bug.log:
        name, message = d.logger, d.log_message
    else:
        name, message = "aiohttp.server", "Error handling request"
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    text = f"{stamp} ERROR [{name}] {message}\n{python_traceback(d.chain)}"
    if d.opts.get("half"):
        text = "\n".join(text.splitlines()[:12])
    return text, {"log_level": "ERROR", "logger": name}


def ca_arq(d: Delivery) -> tuple[str, Fields]:
    """arq's worker log (``arq.worker``, ``%(asctime)s: %(message)s`` with ``%H:%M:%S``):
    ``logger.exception('%6.2fs ! %s failed, %s: %s', t, ref, type, exc)``, ``ref`` the job id
    and the function's name, then the traceback."""
    took = f"{d.rand.randint(1, 2999) / 100:6.2f}s"
    job_id = d.rand.hex(32)
    exc = d.thrown
    head = f"{d.stamp('%H:%M:%S')}: {took} ! {job_id}:{d.bug.entry} failed, {exc.type}: {_first(d)}"
    return head + "\n" + python_traceback(d.chain), {"job_function": d.bug.entry}


# --- cb: Slim 4 and PHP CLI scripts ------------------------------------------------------------


def _php_args(d: Delivery, trace: str) -> str:
    """The call arguments in a PHP trace show the delivery's ids where a frame writes ``{id}``
    or ``{n}`` (``{main}`` and the rest of the trace's braces stay as they are)."""
    return re.sub(r"\{(id|n)\}", lambda m: d.values[m.group(1)], trace)


def _php_code(exc: Exc) -> str:
    """``getCode()``: PDO's is the SQLSTATE; DBAL's driver exceptions carry MySQL's error
    number; the rest 0."""
    if "SQLSTATE[" not in exc.value:
        return "0"
    if exc.type == "PDOException":
        return exc.value.split("SQLSTATE[", 1)[1].split("]", 1)[0]
    m = re.search(r"\]: [A-Za-z ]+: (\d{4}) ", exc.value)
    return m.group(1) if m else "0"


def _slim_fragment(d: Delivery, index: int) -> list[str]:
    exc = list(reversed(d.chain))[index]
    _, trace = php_trace(exc)
    file, _, line = php_where(exc).rpartition(":")
    return [
        f"Type: {exc.type}",
        f"Code: {_php_code(exc)}",
        f"Message: {exc.value}",
        f"File: {file}",
        f"Line: {line}",
        "Trace: " + "\n".join(trace),
    ]


def cb_slim_errorlog(d: Delivery) -> tuple[str, Fields]:
    """Slim 4's ``ErrorHandler::writeToErrorLog``: ``PlainTextErrorRenderer`` with details,
    each previous exception under "Previous Error:", the display tip; ``error_log`` writes it
    to php-fpm's stderr. ``opts.fpm``: the pool decorates every line ("child N said into
    stderr"), cutting long ones at 1024 bytes; else ``decorate_workers_output = no``."""
    lines = ["Slim Application Error", *_slim_fragment(d, 0)]
    for i in range(1, len(d.chain)):
        lines += ["", "Previous Error:", *_slim_fragment(d, i)]
    lines.append(
        'Tips: To display error details in HTTP response set "displayErrorDetails" to true in '
        "the ErrorHandler constructor."
    )
    text = "\n".join(lines)
    text = _php_args(d, text)
    if d.opts.get("fpm"):
        child = d.rand.randint(20, 400)
        stamp = d.stamp("%d-%b-%Y %H:%M:%S")
        out = []
        for line in text.split("\n"):
            out.append(
                f'[{stamp}] WARNING: [pool www] child {child} said into stderr: "{line[:1000]}"'
            )
        text = "\n".join(out)
    return text, {"log_level": "ERROR"}


def cb_monolog_cli(d: Delivery) -> tuple[str, Fields]:
    """Monolog 3's ``LineFormatter`` (``includeStacktraces``) on a CLI script's stream
    handler: ``[time] channel.ERROR: message {"exception":"[object] (...)"} []``; the
    context's JSON keeps escaped backslashes, the trace's line breaks real."""
    channel = str(d.opts.get("channel", "cron"))
    codes = [_php_code(e) for e in reversed(d.chain)]
    context = {"exception": _php_args(d, monolog_exception(d.chain, codes))}
    # Monolog encodes with JSON_UNESCAPED_SLASHES; the LineFormatter puts the trace's line
    # breaks back.
    encoded = json.dumps(context, ensure_ascii=False, separators=(",", ":"))
    encoded = encoded.replace("\\n", "\n")
    stamp = d.iso(6, z=False)
    line = f"[{stamp}] {channel}.ERROR: {d.log_message} {encoded} []"
    return line, {"channel": channel, "level_name": "ERROR"}


FORMATS25: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "bz-fmt-text": bz_fmt_text,
    "bz-json-flat": bz_json_flat,
    "ca-aiohttp-text": ca_aiohttp,
    "ca-arq-text": ca_arq,
    "cb-slim-errorlog": cb_slim_errorlog,
    "cb-monolog-cli": cb_monolog_cli,
}
