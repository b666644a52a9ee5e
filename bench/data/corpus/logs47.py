"""blind47's log formats: what a Heroku app's stdout looks like after Logplex (en, eo) and
what Google Cloud Logging exports for a Firebase Cloud Function written in Node (ep).

Logplex splits stdout into lines and stamps each one (``2026-03-04T10:12:01.123456+00:00
app[web.1]: ...``); the HTTPS drain feeding Splunk keeps one event per drained batch, so a
stack trace arrives as many prefixed lines. Each function returns the ``_raw`` text and the
fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .traces import ruby_backtrace

Fields = dict[str, str]


def _dyno(d: Delivery) -> str:
    kind = str(d.opts.get("dyno", "web"))
    return f"{kind}.{d.rand.randint(1, 4 if kind == 'web' else 2)}"


def _logplex(d: Delivery, lines: list[str], dyno: str) -> str:
    stamp = d.iso(6, z=False)
    return "\n".join(f"{stamp} app[{dyno}]: {line}" for line in lines)


def _node_where(f: Frame, root: str) -> str:
    if f.file.startswith("node:"):
        return f"{f.file}:{f.line}:{max(f.col, 1)}"
    return f"{root}/{f.file}:{f.line}:{max(f.col, 1)}"


def node_stack(d: Delivery, root: str) -> list[str]:
    """V8's ``err.stack`` for plain JavaScript (no build step): innermost frame first."""
    exc = d.thrown
    first = exc.value.split("\n", 1)[0]
    out = [f"{exc.type}: {first}" if first else exc.type]
    for f in reversed(exc.frames):
        where = _node_where(f, root)
        lead = "    at async " if f.args == "async" else "    at "
        out.append(f"{lead}{f.function} ({where})" if f.function else f"{lead}{where}")
    return out


def express_logplex(d: Delivery) -> tuple[str, Fields]:
    """The Express app's error middleware: ``console.error(`${req.method} ${req.path} failed`,
    err)`` on a web dyno; ``lines`` keeps only the first lines (a drain batch cut short)."""
    dyno = _dyno(d)
    lines = node_stack(d, "/app")
    if d.bug.log:
        lines[0] = f"{d.log_message} {lines[0]}"
    keep = int(str(d.opts.get("sample_lines", 0)))
    if keep:
        lines = lines[:keep]
    return _logplex(d, lines, dyno), {"dyno": dyno}


def _ruby_name(d: Delivery) -> str:
    exc = d.thrown
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def _prefix(d: Delivery, level: str, pid: int) -> str:
    return f"{level[0]}, [{d.iso(6, z=False)[:-6]} #{pid}] {level:>5} -- : "


def rails6_logplex(d: Delivery) -> tuple[str, Fields]:
    """Rails 6.1 with ``RAILS_LOG_TO_STDOUT`` and ``log_tags = [:request_id]``: the FATAL
    block of ``DebugExceptions``, every line stamped by Logplex."""
    dyno = "web." + str(d.rand.randint(1, 3))
    rid = d.values["uuid"]
    tag = f"[{rid}]"
    first = d.thrown.value.split("\n", 1)[0]
    lines = [
        f"{_prefix(d, 'FATAL', 4)}{tag}   ",
        f"{tag} {_ruby_name(d)} ({first}):",
        f"{tag}   ",
        *(f"{tag} {line}" for line in ruby_backtrace(d.thrown)),
    ]
    return _logplex(d, lines, dyno), {"dyno": dyno, "request_id": rid}


def _heroku_path(f: Frame) -> str:
    """The Ruby buildpack vendors Ruby itself and the gems inside the slug."""
    if f.in_app:
        return "/app/" + f.file
    if f.file.startswith("ruby-"):
        return "/app/vendor/" + f.file
    return "/app/vendor/bundle/ruby/2.7.0/gems/" + f.file


def activejob_dj_logplex(d: Delivery) -> tuple[str, Fields]:
    """Rails 6.1's Active Job ``Error performing`` record from a Delayed Job worker dyno: the
    whole backtrace, gem paths and all, one Logplex line each."""
    dyno = "worker." + str(d.rand.randint(1, 2))
    job, jid = d.bug.entry, d.values["uuid"]
    queue = str(d.opts.get("queue", "default"))
    first = d.thrown.value.split("\n", 1)[0]
    ms = f"{d.rand.randint(4, 90_000) / 100:.2f}"
    head = (
        f"{_prefix(d, 'ERROR', 4)}[ActiveJob] [{job}] [{jid}] Error performing {job} "
        f"(Job ID: {jid}) from DelayedJob({queue}) in {ms}ms: {_ruby_name(d)} ({first}):"
    )
    trace = [f"{_heroku_path(f)}:{f.line}:in `{f.function}'" for f in reversed(d.thrown.frames)]
    return _logplex(d, [head, *trace], dyno), {"dyno": dyno, "queue": queue}


def dj_failed_logplex(d: Delivery) -> tuple[str, Fields]:
    """Delayed Job's own ``say`` after a failed attempt: one line, no backtrace (that goes to
    ``delayed_jobs.last_error``), the worker named by the dyno's host."""
    dyno = "worker." + str(d.rand.randint(1, 2))
    job, jid = d.bug.entry, d.values["uuid"]
    queue = str(d.opts.get("queue", "default"))
    first = d.thrown.value.split("\n", 1)[0]
    host = d.rand.uuid()
    args = d.values.fill(str(d.opts.get("args", "[{id}]")))
    # A ``.delay`` call's job is named ``Class#method``; Active Job's wrapper names the job.
    name = job if "#" in job else f"{job} [{jid}] from DelayedJob({queue}) with arguments: {args}"
    if d.opts.get("permanently"):
        outcome = f"FAILED permanently with {_ruby_name(d)}: {first}"
    else:
        outcome = f"FAILED ({d.rand.randint(0, 24)} prior attempts) with {_ruby_name(d)}: {first}"
    job_id = d.rand.randint(100_000, 999_999)
    text = f"[Worker(host:{host} pid:4)] Job {name} (id={job_id}) (queue={queue}) {outcome}"
    line = f"{_prefix(d, 'ERROR', 4)}{d.stamp('%Y-%m-%dT%H:%M:%S+0000')}: {text}"
    return _logplex(d, [line], dyno), {"dyno": dyno, "queue": queue}


def _resource(d: Delivery) -> dict[str, object]:
    fn = str(d.opts.get("function", d.bug.entry))
    return {
        "type": "cloud_run_revision",
        "labels": {
            "configuration_name": fn.lower(),
            "location": "europe-west2",
            "project_id": "ep-orchard-prod",
            "revision_name": f"{fn.lower()}-{d.release + 41:05d}-{d.rand.alnum(3)}",
            "service_name": fn.lower(),
        },
    }


def _entry(d: Delivery, payload: dict[str, object]) -> dict[str, object]:
    entry: dict[str, object] = {
        "insertId": d.rand.alnum(16),
        **payload,
        "resource": _resource(d),
        "timestamp": d.iso(6),
        "severity": "ERROR",
        "labels": {
            "firebase-log-type": "callable-request-verification" if d.opts.get("callable") else "",
            "goog-managed-by": "cloudfunctions",
            "instanceId": "00" + d.rand.hex(40),
        },
        "logName": "projects/ep-orchard-prod/logs/run.googleapis.com%2Fstderr",
        "receiveTimestamp": d.iso(9),
    }
    labels = entry["labels"]
    if isinstance(labels, dict) and not labels["firebase-log-type"]:
        del labels["firebase-log-type"]
    return entry


def gcf_logger(d: Delivery) -> tuple[str, Fields]:
    """``logger.error(msg, err)`` from ``firebase-functions/logger`` in a 2nd-gen function:
    Cloud Logging's ``jsonPayload.message`` is ``util.format`` of both (the stack included),
    exported through Pub/Sub to Splunk as the whole ``LogEntry``."""
    message = "\n".join(node_stack(d, "/workspace"))
    if d.bug.log:
        message = f"{d.log_message} {message}"
    entry = _entry(d, {"jsonPayload": {"message": message}})
    entry["logName"] = "projects/ep-orchard-prod/logs/run.googleapis.com%2Fstdout"
    return json.dumps(entry, separators=(",", ":")), {"severity": "ERROR"}


def gcf_uncaught(d: Delivery) -> tuple[str, Fields]:
    """An exception the handler did not catch: the Functions Framework prints the stack on
    stderr, Cloud Logging keeps it as ``textPayload``."""
    text = "\n".join(node_stack(d, "/workspace"))
    entry = _entry(d, {"textPayload": text})
    return json.dumps(entry, separators=(",", ":")), {"severity": "ERROR"}


FORMATS47: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "en-express-logplex": express_logplex,
    "eo-rails6-logplex": rails6_logplex,
    "eo-activejob-dj": activejob_dj_logplex,
    "eo-dj-failed": dj_failed_logplex,
    "ep-gcf-logger": gcf_logger,
    "ep-gcf-uncaught": gcf_uncaught,
}
