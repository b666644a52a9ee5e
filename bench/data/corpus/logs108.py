"""blind108's log formats: containers on Kubernetes whose stdout the OpenTelemetry Collector's
``filelog`` receiver reads (the ``container`` operator strips the CRI prefix, one log line one
record) and whose ``splunk_hec`` exporter sends to Splunk: ``_raw`` is the line, the row carries
the resource attributes ``k8s.pod.name``, ``k8s.namespace.name``, ``k8s.container.name``,
``k8s.deployment.name`` and ``service.name``.

- ``lo-semantic``: rails_semantic_logger's JSON formatter on Ruby 3.3 (host, application,
  environment, timestamp, level, level_index, pid, thread, ``named_tags`` with the request id,
  ``name``, ``message``, ``payload``, ``duration_ms``, and the ``exception`` hash: ``name``,
  ``message``, ``stack_trace`` as Ruby 3.3 prints it, the ``cause`` nested). ``opts.kind``:
  ``request`` (``DebugExceptions``' record through the ``Rails`` logger: no message, the
  exception), ``team`` (the code's ``logger.error(message, payload, exception)``), ``job``
  (the Sidekiq integration's ``Job raised exception`` with the job in ``payload``),
  ``sidekiq-warn`` (Sidekiq's own default error handler still installed: three ``warn``
  records through the ``Sidekiq`` logger, ``opts.part`` ``head`` the ``Class: message`` one,
  ``trace`` the cleaned backtrace as a message, no exception hash).
- ``lo-ruby-uncaught``: a ``bin/rails runner`` CronJob dying: Ruby 3.3's uncaught exception on
  stderr (``file:line:in `method': message (Class)`` then ``\\tfrom`` lines); the filelog
  receiver has no recombine rule for this container, so ``opts.part`` ``head`` is the first
  line alone and ``from`` a lone ``\\tfrom`` line.
- ``lq-logstash``: logstash-logback-encoder's ``LogstashEncoder`` with a
  ``ShortenedThrowableConverter`` (``rootCauseFirst``, ``maxDepthPerThrowable`` 24 or
  ``opts.depth``, ``shortenedClassNameLength`` 30: long class names abbreviated package by
  package; its own frame text, without the ``java.base/`` module prefix), Micronaut's
  MDC-free records, the thread of the event loop or the IO pool; ``opts.nostack`` a record
  whose logger call passed no throwable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, ruby_abs_path

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _otel(d: Delivery, namespace: str, deployment: str = "") -> Fields:
    dep = deployment or d.service.name
    return {
        "k8s.pod.name": d.pod(dep) if deployment else d.host,
        "k8s.namespace.name": namespace,
        "k8s.container.name": d.service.name,
        "k8s.deployment.name": dep,
        "service.name": d.service.name,
    }


def _compact(record: dict[str, object]) -> str:
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


# --- Ruby 3.3 --------------------------------------------------------------------------------


def _rb_lines(frames: object) -> list[str]:
    return [f"{ruby_abs_path(f)}:{f.line}:in `{f.function}'" for f in reversed(frames)]  # type: ignore[attr-defined]


def _rb_clean(frames: object) -> list[str]:
    """Rails' backtrace cleaner: the application's lines, relative to the root."""
    return [f"{f.file}:{f.line}:in `{f.function}'" for f in reversed(frames) if f.in_app]  # type: ignore[attr-defined]


def lo_semantic(d: Delivery) -> tuple[str, Fields]:
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "request" if http else "job"))

    def as_hash(i: int) -> dict[str, object]:
        exc = d.chain[i]
        out: dict[str, object] = {
            "name": exc.text_name.replace(".", "::"),
            "message": exc.value,
            "stack_trace": _rb_lines(exc.frames),
        }
        if i > 0:
            out["cause"] = as_hash(i - 1)
        return out

    record: dict[str, object] = {
        "host": d.host,
        "application": "Semantic Logger",
        "environment": "production",
        "timestamp": d.iso(6),
        "level": "warn" if kind == "sidekiq-warn" else "error",
        "level_index": 3 if kind == "sidekiq-warn" else 4,
        "pid": 1,
        "thread": f"puma srv tp {d.rand.randint(1, 5):03d}"
        if http
        else f"sidekiq.default/processor-{d.rand.randint(1, 10)}",
    }
    if http:
        record["named_tags"] = {"request_id": d.rand.uuid()}
    else:
        record["named_tags"] = {"jid": d.rand.hex(24), "class": d.bug.entry}
    exc = d.thrown
    if kind == "request":
        record["name"] = "Rails"
        record["exception"] = as_hash(len(d.chain) - 1)
    elif kind == "team":
        record["name"] = d.logger
        record["message"] = d.log_message
        record["payload"] = {"path": d.request_path} if http else {"job": d.bug.entry}
        record["exception"] = as_hash(len(d.chain) - 1)
    elif kind == "sidekiq-warn":
        record["name"] = "Sidekiq"
        if d.opts.get("part") == "trace":
            record["message"] = "\n".join(_rb_clean(exc.frames))
        else:
            record["message"] = f"{exc.text_name.replace('.', '::')}: {exc.value}"
    else:
        record["name"] = "Sidekiq"
        record["message"] = "Job raised exception"
        record["payload"] = {
            "context": "Job raised exception",
            "job": {
                "retry": True,
                "queue": str(d.opts.get("queue", "default")),
                "class": d.bug.entry,
                "args": [int(d.values["id"])],
                "jid": record["named_tags"]["jid"],  # type: ignore[index]
                "retry_count": d.rand.randint(0, 8),
            },
        }
        record["exception"] = as_hash(len(d.chain) - 1)
    fields = _otel(d, "xelmoor")
    fields["level"] = str(record["level"])
    return _compact(record), fields


def lo_ruby_uncaught(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    lines = _rb_lines(exc.frames)
    name = exc.text_name.replace(".", "::")
    head = f"{lines[0]}: {exc.value} ({name})"
    part = str(d.opts.get("part", "whole"))
    if part == "head":
        raw = head
    elif part == "from":
        raw = "\tfrom " + lines[min(len(lines) - 1, int(str(d.opts.get("at", 1))))]
    else:
        raw = "\n".join([head, *("\tfrom " + x for x in lines[1:])])
    return raw, _otel(d, "xelmoor", str(d.opts.get("deployment", d.service.name)))


# --- Micronaut 4 on logstash-logback-encoder -------------------------------------------------


def _abbreviate(name: str, target: int = 30) -> str:
    """logback's ``TargetLengthBasedClassNameAbbreviator``: package segments cut to their first
    letter, left to right, until the name fits."""
    if len(name) <= target:
        return name
    parts = name.split(".")
    for i in range(len(parts) - 1):
        parts[i] = parts[i][0]
        if len(".".join(parts)) <= target:
            break
    return ".".join(parts)


_AT = re.compile(r"^(\tat )(?:java\.base/)?([\w.$]+)\.([\w$<>]+)\((.*)\)$")
_HEAD = re.compile(r"^((?:Wrapped by: )?)([\w.$]+)(: .*)?$", re.S)


def _shorten(trace: str) -> str:
    out = []
    for line in trace.split("\n"):
        m = _AT.match(line)
        if m:
            out.append(f"{m.group(1)}{_abbreviate(m.group(2))}.{m.group(3)}({m.group(4)})")
            continue
        h = _HEAD.match(line)
        if h and not line.startswith("\t"):
            out.append(f"{h.group(1)}{_abbreviate(h.group(2))}{h.group(3) or ''}")
            continue
        out.append(line)
    return "\n".join(out)


def lq_logstash(d: Delivery) -> tuple[str, Fields]:
    depth = int(str(d.opts.get("depth", 24)))
    http = d.bug.entry.startswith(_HTTP)
    thread = (
        f"io-executor-thread-{d.rand.randint(1, 16)}"
        if http
        else f"scheduled-executor-thread-{d.rand.randint(1, 4)}"
    )
    if d.opts.get("loop"):
        thread = f"default-nioEventLoopGroup-1-{d.rand.randint(1, 8)}"
    record: dict[str, object] = {
        "@timestamp": d.iso(3, z=False),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
    }
    if not d.opts.get("nostack"):
        record["stack_trace"] = _shorten(java_trace(d.chain, depth=depth, root_first=True)) + "\n"
    fields = _otel(d, "xolbury")
    fields["level"] = "ERROR"
    fields["logger_name"] = d.logger
    return _compact(record), fields


FORMATS108: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "lo-semantic": lo_semantic,
    "lo-ruby-uncaught": lo_ruby_uncaught,
    "lq-logstash": lq_logstash,
}
