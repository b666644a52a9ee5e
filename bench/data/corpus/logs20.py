"""Log formats of blind20's companies (bk, bl, bm): Rails 6.1's tagged production logger
(``config.log_tags = [:request_id]``: ``ActionDispatch::DebugExceptions`` writes the error and
the cleaned backtrace as one ``FATAL`` record whose later lines carry only the tag),
ActionCable's one-line rescue log and Sidekiq 6.5's text log (the default error handler's
three ``WARN`` records);
gunicorn's error log carrying Flask's ``Exception on <path> [<METHOD>]`` record with the
traceback below, and RQ 1.x's worker log (``HH:MM:SS`` stamps, ``[Job <id>]: exception
raised while executing (<func>)``); zerolog's JSON with ``pkgerrors.MarshalStack`` (``stack``
as ``func``/``line``/``source`` objects, innermost first, ``line`` a string) and logrus's
``JSONFormatter`` in a NATS consumer (``error`` a plain string, no stack).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .traces import go_debug_stack, python_traceback, ruby_abs_path

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- bk: Rails 6.1 and Sidekiq 6.5 ---------------------------------------------------------------


def rails61_tagged(d: Delivery) -> tuple[str, Fields]:
    """``ActionDispatch::DebugExceptions#log_error`` in Rails 6.1 under the tagged
    ``Logger::Formatter``: one ``FATAL`` record (``F, [<time> #<pid>] FATAL -- : [<request
    id>]``) whose lines (a blank, ``Class (message):``, a blank, the cleaned backtrace)
    ``log_array`` joins with the tags alone (``"\n[<request id>] "``). ``opts.half``: a
    release whose backtrace silencer kept the first three lines only."""
    exc = d.thrown
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{int(d.when * 1_000_000) % 1_000_000:06d}"
    tag = d.rand.uuid()
    prefix = f"F, [{stamp} #{d.rand.randint(8, 64)}] FATAL -- : [{tag}] "
    trace = [f"{f.file}:{f.line}:in `{f.function}'" for f in reversed(exc.frames) if f.in_app]
    if d.opts.get("half"):
        trace = trace[:3]
    lines = ["  ", f"{exc.type} ({exc.value}):", "  ", *trace]
    return prefix + f"\n[{tag}] ".join(lines), {"request_id": tag, "severity": "FATAL"}


def sidekiq65(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 6.5's ``Pretty`` formatter: the job logger's ``fail`` inside the job's context
    (``class=``, ``jid=``, ``elapsed=``), then ``Sidekiq.default_error_handler`` outside it:
    the context hash as JSON, ``Class: message`` and the backtrace, one ``WARN`` record each
    (the backtrace's lines after its first carry no prefix); the app lives under /rails."""
    exc = d.thrown
    tid = d.rand.alnum(5, "abcdefghijklmnopqrstuvwxyz0123456789")
    pid = d.rand.randint(8, 64)
    jid = d.rand.hex(24)
    job = {
        "retry": 5,
        "queue": str(d.opts.get("queue", "default")),
        "class": d.bug.entry,
        "args": [int(d.values["id"])],
        "jid": jid,
        "created_at": round(d.when - 31, 6),
        "enqueued_at": round(d.when - 1.2, 6),
    }
    at = f"{d.iso(3)} pid={pid} tid={tid}"
    trace = "\n".join(
        f"{ruby_abs_path(f)}:{f.line}:in `{f.function}'" for f in reversed(exc.frames)
    )
    lines = [
        f"{at} class={d.bug.entry} jid={jid} elapsed={d.rand.uniform(0.02, 9):.3f} INFO: fail",
        f"{at} WARN: " + _compact({"context": "Job raised exception", "job": job}),
        f"{at} WARN: {exc.type}: {exc.value}",
        f"{at} WARN: {trace}",
    ]
    return "\n".join(lines), {"class": d.bug.entry, "jid": jid}


def actioncable61(d: Delivery) -> tuple[str, Fields]:
    """ActionCable 6.1's ``Channel::Base#dispatch_action`` rescue as the connection logs it:
    ``Could not execute command from (<data.inspect>) [<Class> - <message>]: <first five
    backtrace lines joined by " | ">``, tagged ``[ActionCable] [<identifier>]``."""
    exc = d.thrown
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{int(d.when * 1_000_000) % 1_000_000:06d}"
    channel = str(d.opts.get("channel", d.bug.entry))
    ident = '{\\"channel\\":\\"' + channel + '\\"}'
    data = (
        f'{{"command"=>"message", "identifier"=>"{ident}", '
        f'"data"=>"{{\\"action\\":\\"{d.opts.get("action", "update")}\\",'
        f'\\"line_id\\":{d.values["id"]}}}"}}'
    )
    trace = " | ".join(
        f"{ruby_abs_path(f)}:{f.line}:in `{f.function}'" for f in list(reversed(exc.frames))[:5]
    )
    head = f"E, [{stamp} #{d.rand.randint(8, 64)}] ERROR -- : [ActionCable] [{d.values['email']}]"
    return f"{head} Could not execute command from ({data}) [{exc.type} - {exc.value}]: {trace}", {}


# --- bl: gunicorn + Flask, RQ ------------------------------------------------------------------


def gunicorn_flask(d: Delivery) -> tuple[str, Fields]:
    """gunicorn's error log format (``%(asctime)s [%(process)d] [%(levelname)s] %(message)s``,
    ``[%Y-%m-%d %H:%M:%S %z]``) carrying Flask 3's ``log_exception`` record (``Exception on
    <path> [<METHOD>]``, then the chained traceback): the app hands ``app.logger`` the
    ``gunicorn.error`` logger's handlers, as Flask's deployment docs suggest."""
    verb, _, _ = d.bug.entry.partition(" ")
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')} +0000] [{d.rand.randint(7, 40)}] [ERROR] "
        f"Exception on {d.request_path} [{verb}]"
    )
    return head + "\n" + python_traceback(d.chain), {"log_level": "ERROR"}


def rq_worker(d: Delivery) -> tuple[str, Fields]:
    """RQ 1.16's worker: ``%(asctime)s %(message)s`` with ``%H:%M:%S``; ``handle_exception``
    logs the job, its function call and the traceback, then the move to FailedJobRegistry."""
    job = d.rand.uuid()
    func = str(d.opts.get("func", d.bug.entry))
    hms = d.stamp("%H:%M:%S")
    queue = str(d.opts.get("queue", "default"))
    lines = [
        f"{hms} {queue}: {func}({d.values['id']}) ({job})",
        f"{hms} [Job {job}]: exception raised while executing ({func})",
        python_traceback(d.chain),
    ]
    return "\n".join(lines), {"job_id": job, "queue": queue}


# --- bm: zerolog with pkgerrors, logrus in the NATS consumer -------------------------------------


# ``debug.Stack()`` ends with the goroutine's creator: net/http's server or grpc-go's.
_HTTP_CREATED = (
    "created by net/http.(*Server).Serve in goroutine 1\n"
    "\t/usr/local/go/src/net/http/server.go:3285 +0x4b4"
)
_GRPC_CREATED = (
    "created by google.golang.org/grpc.(*Server).serveStreams.func2 in goroutine 87\n"
    "\t/go/pkg/mod/google.golang.org/grpc@v1.64.0/server.go:1040 +0x13c"
)


def zerolog_pkgerrors(d: Delivery) -> tuple[str, Fields]:
    """``log.Error().Stack().Err(err).Msg("request failed")`` with ``zerolog.ErrorStackMarshaler =
    pkgerrors.MarshalStack``: ``stack`` (``func``/``line``/``source``, innermost first, the
    file's base name, ``line`` a string) only when the error carries a pkg/errors stack; a
    ``fmt.Errorf`` chain logs none. A recovered panic is logged by the team's recover
    middleware with ``debug.Stack()`` as a string."""
    exc = d.thrown
    record: dict[str, object] = {"level": "error", "service": d.service.name}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")):
        verb, _, _ = d.bug.entry.partition(" ")
        record.update(method=verb, path=d.request_path, request_id=d.rand.hex(16))
    elif d.bug.entry.startswith("/"):
        code = str(d.opts.get("grpc_code", "Internal"))
        record.update(grpc_method=d.bug.entry, grpc_code=code)
    message = d.log_message if d.bug.log else "request failed"
    if exc.type.startswith("runtime."):
        grpc = d.service.framework == "go-grpc"
        pkg, file = (
            ("internal/grpcx", "recovery.go") if grpc else ("internal/httpx", "middleware.go")
        )
        name = "RecoveryInterceptor.func1.1" if grpc else "RequestLogger.func1.1"
        recover = Frame(name, f"/src/{pkg}/{file}", 21, f"github.com/cairnlode/platform/{pkg}")
        stack = go_debug_stack(exc, d.rand.randint(40, 9000), (recover,))
        if grpc:
            stack = stack.replace(_HTTP_CREATED, _GRPC_CREATED)
        record["stack"] = stack
        record["error"] = f"panic: {exc.value}"
        message = "panic recovered"
    elif exc.type.startswith("*errors.with"):
        record["stack"] = [
            {"func": f.function, "line": str(f.line), "source": f.file.rsplit("/", 1)[-1]}
            for f in reversed(exc.frames)
            if f.in_app
        ]
        record["error"] = exc.value
    else:
        record["error"] = exc.value
    record["time"] = d.iso(0)
    record["message"] = message
    return _compact(record), {}


def logrus_nats(d: Delivery) -> tuple[str, Fields]:
    """logrus's ``JSONFormatter`` (keys sorted, ``time`` RFC 3339): the consumer logs the
    subject, the stream sequence and ``err.Error()`` as ``error``; no stack."""
    record = {
        "error": d.thrown.value,
        "level": "error",
        "msg": d.log_message if d.bug.log else "message handler failed",
        "seq": int(d.values["offset"]),
        "subject": d.values.fill(str(d.opts.get("subject", d.bug.entry))),
        "time": d.iso(0),
    }
    return _compact(record), {}


FORMATS20: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "bk-rails61-tagged": rails61_tagged,
    "bk-sidekiq65": sidekiq65,
    "bk-actioncable61": actioncable61,
    "bl-gunicorn-flask": gunicorn_flask,
    "bl-rq-worker": rq_worker,
    "bm-zerolog-pkgerrors": zerolog_pkgerrors,
    "bm-logrus-nats": logrus_nats,
}
