"""Log formats of blind27's companies (cf, cg, ch).

- cf: Kratos v2's ``log.NewStdLogger`` (the level, then `` key=value`` pairs written with
  ``%v``, nothing quoted) under the logging middleware (``kind``, ``component``,
  ``operation``, ``args``, ``code``, ``reason``, ``stack`` = the error's ``%+v``) and the
  recovery middleware (the panic, the request, then ``runtime.Stack``'s goroutine dump);
  go-kit's ``log.NewLogfmtLogger`` (``level``, ``ts``, ``caller``; values with spaces
  quoted) from its transport's ``LogErrorHandler``.
- cg: AWS Lambda's CloudWatch lines as Firehose hands them to Splunk: the Python runtime's
  unhandled ``[ERROR] Type: message`` and traceback, its JSON log format (``errorType``,
  ``errorMessage``, ``stackTrace`` a list of formatted frames), Powertools for AWS Lambda's
  ``Logger`` (``location``, ``exception``, ``exception_name``, ``xray_trace_id``), the Node.js
  runtime's ``Invoke Error`` line (the error as JSON, ``stack`` a list of lines, the esbuild
  bundle's positions), and the runtime's ``Task timed out`` line.
- ch: Ruby's stdlib ``Logger`` default formatter under Sinatra (``E, [time #pid] ERROR --
  progname: message (Class)`` then the backtrace, Ruby 3.4's labels from the third release).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys (prefixed with the company's
letters: no other set uses them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .rand import stable_int
from .traces import PY_STDLIB, ruby_backtrace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _first(d: Delivery) -> str:
    return d.thrown.value.splitlines()[0] if d.thrown.value else ""


# --- cf: Kratos and go-kit ----------------------------------------------------------------------


def _kratos_prefix(d: Delivery, caller: str) -> str:
    version = d.company.releases[d.release]
    return (
        f"ERROR ts={d.iso(3)} caller={caller} service.id={d.host} "
        f"service.name={d.service.name} service.version={version} "
        f"trace.id={d.rand.hex(32)} span.id={d.rand.hex(16)}"
    )


# A Kratos ``*errors.Error``'s text: ``error: code = 404 reason = LOT_MISSING message = ...``.
_KRATOS = re.compile(r"error: code = (\d+) reason = (\S*) ")


def _goroutine_dump(d: Delivery) -> str:
    """``runtime.Stack(buf, false)`` in Kratos' recovery middleware: the recovering closures,
    ``panic``, the panicking frames (innermost first), the goroutine's creator."""
    g = d.rand.randint(30, 900)
    lines = [f"goroutine {g} [running]:"]
    recovery = "/go/pkg/mod/github.com/go-kratos/kratos/v2@v2.8.2/middleware/recovery/recovery.go"
    lines += [
        "github.com/go-kratos/kratos/v2/middleware/recovery.Recovery.func2.1.1()",
        f"\t{recovery}:58 +0x{stable_int('kr', 1) % 0xFFF:x}",
        f"panic({{0x{stable_int('pv', d.thrown.value) % 0xFFFFFF:x}?, 0xc000{g:06x}?}})",
        "\t/usr/local/go/src/runtime/panic.go:785 +0x132",
    ]
    for f in reversed(d.frames):
        offset = stable_int("goff", f.function, f.line) % 0x3FF
        lines.append(
            f"{f.module}.{f.function}(...)"
            if not f.in_app
            else f"{f.module}.{f.function}(0xc000{g:06x}?, {{0x1b2c3a0, 0xc000{g + 7:06x}}})"
        )
        lines.append(f"\t{f.file}:{f.line} +0x{offset:x}")
    lines.append("created by google.golang.org/grpc.(*Server).serveStreams.func2 in goroutine 41")
    lines.append("\t/go/pkg/mod/google.golang.org/grpc@v1.64.0/server.go:1029 +0x13c")
    return "\n".join(lines)


def cf_kratos(d: Delivery) -> tuple[str, Fields]:
    """One Kratos record. A returned error: the logging middleware's line (``caller`` the
    middleware's own file; ``stack`` the error's ``%+v``, no Go stack at all). A panic
    (``opts.panic``): the recovery middleware's ``Errorf("%v: %+v\\n%s\\n", ...)``."""
    entry = d.bug.entry
    component = str(d.opts.get("component", "http"))
    if d.opts.get("panic"):
        head = _kratos_prefix(d, "recovery/recovery.go:55")
        req = d.values.fill(str(d.opts.get("req", "&{Id:{id}}")))
        raw = f"{head} msg={d.thrown.value}: {req}\n{_goroutine_dump(d)}\n"
        return raw, {"level": "ERROR", "service_name": d.service.name}
    head = _kratos_prefix(d, "logging/logging.go:46")
    args = d.values.fill(str(d.opts.get("args", "id:{id}")))
    stack = d.thrown.value
    m = _KRATOS.match(stack)
    code, reason = (m.group(1), m.group(2)) if m else ("500", "")
    raw = (
        f"{head} kind=server component={component} operation={entry} args={args} "
        f"code={code} reason={reason} stack={stack} "
        f"latency={d.rand.uniform(0.002, 4.5):.6f}"
    )
    return raw, {"level": "ERROR", "service_name": d.service.name, "reason": reason}


def _logfmt(value: str) -> str:
    """go-logfmt: a value with a space, a quote or an equals sign is quoted, Go-escaped."""
    if value and not any(c in value for c in ' "=\\\n\t'):
        return value
    return json.dumps(value, ensure_ascii=False)


def cf_gokit(d: Delivery) -> tuple[str, Fields]:
    """go-kit's logfmt: ``level`` from ``level.Error``, ``ts`` from ``DefaultTimestampUTC``
    (nanoseconds), ``caller`` the file of the ``Log`` call (go-kit's own error handler for
    transport errors, the app's file where the service logs). ``opts.msg`` the app's message."""
    ts = d.iso(6)[:-1] + f"{d.rand.randint(0, 999):03d}Z"
    pairs: list[tuple[str, str]] = [("level", "error"), ("ts", ts)]
    entry = d.bug.entry
    if "msg" in d.opts:
        app = [f for f in d.frames if f.in_app]
        where = app[-1] if app else Frame("", "main.go", 1)
        pairs.append(("caller", f"{where.file.rsplit('/', 1)[-1]}:{where.line}"))
        pairs.append(("msg", str(d.opts["msg"])))
    else:
        pairs.append(("caller", "error_handler.go:26"))
        pairs.append(("component", "HTTP"))
    if " " in entry:
        method, _ = entry.split(" ", 1)
        pairs += [("method", method), ("path", d.request_path)]
    else:
        pairs.append(("job", entry))
    pairs.append(("err", d.thrown.value))
    raw = " ".join(f"{k}={_logfmt(v)}" for k, v in pairs)
    return raw, {"level": "error"}


# --- cg: AWS Lambda through Firehose --------------------------------------------------------------

PY_RUNTIME = "/var/lang/lib/python3.12/"


def lambda_py_path(f: Frame) -> str:
    """Where a Python Lambda runs a frame: the deployment package under /var/task (the code
    and its vendored packages), boto3 and the runtime under /var/runtime, the stdlib under
    /var/lang."""
    if f.in_app:
        return "/var/task/" + f.file
    top = f.file.split("/")[0].removesuffix(".py")
    if top in ("sentry_sdk", "aws_lambda_powertools"):
        return "/opt/python/" + f.file  # the Sentry and Powertools Lambda layers
    if top in ("boto3", "botocore", "s3transfer", "awslambdaric", "bootstrap"):
        return "/var/runtime/" + f.file
    if top in PY_STDLIB:
        return PY_RUNTIME + f.file
    return "/var/task/" + f.file


def _py_frame_lines(frames: tuple[Frame, ...]) -> list[str]:
    out = []
    for f in frames:
        text = f'  File "{lambda_py_path(f)}", line {f.line}, in {f.function}\n'
        if f.context:
            text += f"    {f.context.strip()}\n"
        out.append(text)
    return out


def _lambda_traceback(d: Delivery) -> str:
    blocks = []
    for exc in d.chain:
        lines = [
            "Traceback (most recent call last):",
            *(s.rstrip("\n") for s in _py_frame_lines(exc.frames)),
        ]
        lines.append(f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name)
        blocks.append("\n".join(lines))
    cause = "\n\nThe above exception was the direct cause of the following exception:\n\n"
    return cause.join(blocks)


def cg_lambda_py(d: Delivery) -> tuple[str, Fields]:
    """The Python runtime's text log of an unhandled exception: ``[ERROR] Type: message``
    and the traceback (Lambda prints the thrown exception's frames only, not its cause)."""
    exc = d.thrown
    frames = "".join(_py_frame_lines(exc.frames))
    raw = f"[ERROR] {exc.type}: {exc.value}\nTraceback (most recent call last):\n{frames}".rstrip(
        "\n"
    )
    return raw, {"function_name": d.service.name}


def cg_lambda_py_json(d: Delivery) -> tuple[str, Fields]:
    """The runtime's JSON log format (``LoggingConfig.LogFormat: JSON``): the unhandled
    error as ``errorType``/``errorMessage`` and ``stackTrace`` a list of formatted frames."""
    exc = d.thrown
    request = d.rand.uuid()
    record = {
        "timestamp": d.iso(3),
        "level": "ERROR",
        "message": {
            "errorMessage": exc.value,
            "errorType": exc.type,
            "requestId": request,
            "stackTrace": _py_frame_lines(exc.frames),
        },
        "requestId": request,
    }
    return _compact(record), {"level": "ERROR", "function_name": d.service.name}


def cg_powertools(d: Delivery) -> tuple[str, Fields]:
    """Powertools for AWS Lambda (Python) ``Logger.exception``: ``location`` is
    ``function:line`` of the log call (the resolver's exception handler); ``exception`` the
    formatted traceback."""
    fn = d.service.name
    record = {
        "level": "ERROR",
        # The app's ``@app.exception_handler(Exception)`` makes the ``logger.exception`` call.
        "location": str(d.opts.get("location", "handle_unexpected:88")),
        "message": d.log_message,
        "timestamp": f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}+0000",
        "service": str(d.opts.get("pt_service", fn.removeprefix("gb-"))),
        "cold_start": d.index % 5 == 0,
        "function_name": fn,
        "function_memory_size": "512",
        "function_arn": f"arn:aws:lambda:eu-west-2:318204775512:function:{fn}",
        "function_request_id": d.rand.uuid(),
        "exception": _lambda_traceback(d),
        "exception_name": d.thrown.type,
        "xray_trace_id": f"1-{int(d.when):08x}-{d.rand.hex(24)}",
    }
    return _compact(record), {"level": "ERROR", "service": str(record["service"])}


def _bundle_pos(f: Frame) -> tuple[int, int]:
    """esbuild bundles every module into one ``index.mjs``: a module's lines sit at an offset
    of their own in it."""
    return f.line + 40 + stable_int("esb", f.file) % 3_000, max(f.col, 1)


def _node_lambda_stack(d: Delivery) -> list[str]:
    exc = d.thrown
    lines = [f"{exc.type}: {exc.value}"]
    for f in reversed(exc.frames):
        if f.file.startswith("node:"):
            where = f"{f.file}:{f.line}:{f.col}"
        elif f.file.startswith("/"):
            where = f"file://{f.file}:{f.line}:{f.col}"
        else:
            line, col = _bundle_pos(f)
            where = f"file:///var/task/index.mjs:{line}:{col}"
        prefix = "async " if f.args == "async" else ""
        lines.append(
            f"    at {prefix}{f.function} ({where})" if f.function else f"    at {prefix}{where}"
        )
    return lines


def cg_lambda_node(d: Delivery) -> tuple[str, Fields]:
    """The Node.js 20 runtime's line for an unhandled error: time, request id, ``ERROR``,
    ``Invoke Error`` (or ``Unhandled Promise Rejection``) and the error as JSON."""
    exc = d.thrown
    what = str(d.opts.get("what", "Invoke Error"))
    err: dict[str, object] = {
        "errorType": exc.type,
        "errorMessage": exc.value,
        "stack": _node_lambda_stack(d),
    }
    if what == "Unhandled Promise Rejection":
        err = {
            "errorType": "Runtime.UnhandledPromiseRejection",
            "errorMessage": f"{exc.type}: {exc.value}",
            "reason": {
                "errorType": exc.type,
                "errorMessage": exc.value,
                "stack": _node_lambda_stack(d),
            },
            "promise": {},
            "stack": [
                f"Runtime.UnhandledPromiseRejection: {exc.type}: {exc.value}",
                "    at process.<anonymous> (file:///var/runtime/index.mjs:1276:17)",
                "    at process.emit (node:events:519:28)",
            ],
        }
    raw = f"{d.iso(3)}\t{d.rand.uuid()}\tERROR\t{what} \t{_compact(err)}"
    return raw, {"function_name": d.service.name}


def cg_timeout(d: Delivery) -> tuple[str, Fields]:
    """The runtime's line when the function runs out of time: no trace, the limit."""
    limit = int(str(d.opts.get("limit", 30)))
    took = f"{limit}.{d.rand.randint(1, 9):02d}"
    raw = f"{d.iso(3)} {d.rand.uuid()} Task timed out after {took} seconds"
    return raw, {"function_name": d.service.name}


# --- ch: Sinatra with Ruby's Logger ---------------------------------------------------------------


def ch_ruby_logger(d: Delivery) -> tuple[str, Fields]:
    """``Logger::Formatter``: ``E, [2026-03-04T10:12:33.120941 #1] ERROR -- api: `` then
    ``msg2str`` of the exception (``message (Class)`` and the backtrace, gems' paths whole).
    The app upgraded to Ruby 3.4 at its third release: labels then quote with ``'`` and name
    the owner. ``opts.msg``: a string logged before the exception (two records joined)."""
    exc = d.thrown
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{d.rand.randint(0, 999_999):06d}"
    pid = d.rand.randint(1, 40)
    prog = str(d.opts.get("progname", "api"))
    head = f"E, [{stamp} #{pid}] ERROR -- {prog}: "
    # ``opts.half``: a release whose error handler ran the backtrace through a cleaner that
    # drops the gems' lines and the root path.
    trace = ruby_backtrace(exc, app_only=bool(d.opts.get("half")), ruby34=d.release >= 2)
    trace = [line.replace("/rails/", "/app/", 1) for line in trace]
    text = f"{exc.value} ({exc.module + '::' if exc.module else ''}{exc.type})\n" + "\n".join(trace)
    if "msg" in d.opts:
        text = f"{d.values.fill(str(d.opts['msg']))}\n{head}{text}"
    return head + text, {"severity": "ERROR", "progname": prog}


def ch_sidekiq(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 7's default failure log, as the shared renderer writes it, with the app under
    ``/app`` (a plain Ruby image, not Rails' ``/rails``)."""
    from .logs import sidekiq_text  # logs imports this module's FORMATS27

    raw, fields = sidekiq_text(d)
    exc = d.thrown
    if exc.module:  # Sidekiq logs ``ex.class.name``, the namespace included
        raw = raw.replace(f" WARN: {exc.type}: ", f" WARN: {exc.module}::{exc.type}: ", 1)
    queue = str(d.opts.get("queue", "default"))
    raw = raw.replace('"queue":"default"', f'"queue":"{queue}"', 1)
    return raw.replace(" WARN: /rails/", " WARN: /app/"), fields


FORMATS27: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "cf-kratos-std": cf_kratos,
    "cf-gokit-logfmt": cf_gokit,
    "cg-lambda-py": cg_lambda_py,
    "cg-lambda-py-json": cg_lambda_py_json,
    "cg-powertools": cg_powertools,
    "cg-lambda-node": cg_lambda_node,
    "cg-lambda-timeout": cg_timeout,
    "ch-ruby-logger": ch_ruby_logger,
    "ch-sidekiq": ch_sidekiq,
}
