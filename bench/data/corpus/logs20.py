"""Log formats of blind20's companies (bk, bl, bm): Rails 6.1's tagged production logger
(``config.log_tags = [:request_id]``: ``ActionDispatch::DebugExceptions`` writes the error and
each cleaned backtrace line as its own ``FATAL`` record, so every line of the merged Splunk
event carries the prefix and the tag) and Sidekiq 6.5's text log (``jobstr`` beside ``job``);
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
from .traces import python_traceback, ruby_abs_path

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- bk: Rails 6.1 and Sidekiq 6.5 ---------------------------------------------------------------


def rails61_tagged(d: Delivery) -> tuple[str, Fields]:
    """``ActionDispatch::DebugExceptions#log_error`` under the tagged ``Logger::Formatter``:
    ``F, [<time> #<pid>] FATAL -- : [<request id>]`` before a blank record and the
    ``Class (message):`` record; the cleaned backtrace is one record whose lines Rails 6.1's
    ``log_array`` joins with the tags alone (``"\n[<request id>] "``). ``opts.half``: a
    release whose backtrace silencer kept the first three lines only."""
    exc = d.thrown
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{int(d.when * 1_000_000) % 1_000_000:06d}"
    tag = d.rand.uuid()
    prefix = f"F, [{stamp} #{d.rand.randint(8, 64)}] FATAL -- : [{tag}] "
    trace = [f"{f.file}:{f.line}:in `{f.function}'" for f in reversed(exc.frames) if f.in_app]
    if d.opts.get("half"):
        trace = trace[:3]
    records = ["  ", f"{exc.type} ({exc.value}):", "  ", f"\n[{tag}] ".join(trace)]
    return "\n".join(prefix + r for r in records), {"request_id": tag, "severity": "FATAL"}


def sidekiq65(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 6.5's ``Sidekiq::Logger::Formatters::Pretty``: the job's context before the
    level, ``Job raised exception`` with ``job`` and ``jobstr``, then ``Class: message`` and
    the whole backtrace under ``/app`` unprefixed."""
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
    ctx = f"{d.iso(3)} pid={pid} tid={tid} class={d.bug.entry} jid={jid}"
    trace = [f"{ruby_abs_path(f)}:{f.line}:in `{f.function}'" for f in reversed(exc.frames)]
    lines = [
        f"{ctx} elapsed={d.rand.uniform(0.02, 9):.3f} INFO: fail",
        f"{d.iso(3)} pid={pid} tid={tid} WARN: "
        + _compact({"context": "Job raised exception", "job": job, "jobstr": _compact(job)}),
        f"{d.iso(3)} pid={pid} tid={tid} WARN: {exc.type}: {exc.value}",
        *trace,
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
    ``[%Y-%m-%d %H:%M:%S %z]``) with Flask's ``app.logger.error("Exception on %s [%s]",
    exc_info=...)``: the record's message, then the chained traceback."""
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


def zerolog_pkgerrors(d: Delivery) -> tuple[str, Fields]:
    """``log.Error().Stack().Err(err).Msg(...)`` with ``zerolog.ErrorStackMarshaler =
    pkgerrors.MarshalStack``: ``stack`` innermost first, ``source`` the file's base name,
    ``line`` a string; the request fields the team's middleware adds."""
    exc = d.thrown
    stack = [
        {"func": f.function, "line": str(f.line), "source": f.file.rsplit("/", 1)[-1]}
        for f in reversed(exc.frames)
        if f.in_app
    ]
    record: dict[str, object] = {"level": "error", "service": d.service.name}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")):
        verb, _, _ = d.bug.entry.partition(" ")
        record.update(method=verb, path=d.request_path, request_id=d.rand.hex(16))
    elif d.bug.entry.startswith("/"):
        record.update(grpc_method=d.bug.entry, grpc_code=str(d.opts.get("grpc_code", "Internal")))
    record["stack"] = stack
    record["error"] = exc.value
    record["time"] = d.iso(0)
    record["message"] = d.log_message if d.bug.log else "request failed"
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
        "time": d.iso(0, z=False),
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
