"""blind71's log formats: a Java 21 Quarkus 3 service on Kubernetes logging through
quarkus-logging-json (jboss-logmanager's ``JsonFormatter``: ``timestamp``, ``sequence``,
``loggerClassName``, ``loggerName``, ``level``, ``message``, ``threadName``, ``mdc``, the
exception either ``detailed`` as ``exception`` {refId, exceptionType, message, frames,
causedBy} or ``formatted`` as the ``stackTrace`` string), and one pod still on Quarkus'
default console pattern ``%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{3.}] (%t) %s%e%n`` (hh); a Go
1.22 Gin API on logrus' ``TextFormatter`` without a terminal (``time="…" level=error
msg="…"`` then the fields sorted, values quoted Go-style where they need it) and Gin's own
``Recovery`` report of a panic (the request dumped, the Authorization header masked, the
stack as ``file:line (0xpc)`` lines: the container has no source to quote) (hi); a
SvelteKit 2 server on adapter-node: the team's ``handleError`` hook ``console.error`` of a
tag and the error (Node prints the error's stack after the tag, ``file://`` URLs of the
hashed ``build/server/chunks/*.js``), and SvelteKit's default ``handleError`` before the
hook existed: the error alone (hj).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_int
from .releases import vite_hash
from .traces import java_trace

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- hh: Quarkus 3 on quarkus-logging-json ------------------------------------------------------


def _qframes(exc: Exc) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for f in reversed(exc.frames):
        frame: dict[str, object] = {"class": f.module, "method": f.function}
        if f.line > 0:
            frame["line"] = f.line
        out.append(frame)
    return out


def _qdetailed(chain: list[Exc]) -> dict[str, object]:
    """``exception-output-type=detailed``: the thrown exception, each cause nested in
    ``causedBy.exception``; refIds count from the outermost."""
    node: dict[str, object] | None = None
    for i, exc in enumerate(chain):  # cause first
        this: dict[str, object] = {"refId": len(chain) - i, "exceptionType": exc.text_name}
        if exc.value:
            this["message"] = exc.value
        this["frames"] = _qframes(exc)
        if node is not None:
            this["causedBy"] = {"exception": node}
        node = this
    assert node is not None
    return node


def _qlogger(d: Delivery) -> str:
    if d.bug.logger:
        return d.bug.logger
    if d.bug.log:
        return d.logger
    return "io.quarkus.vertx.http.runtime.QuarkusErrorHandler"


def _qmessage(d: Delivery) -> str:
    if d.bug.log:
        return d.log_message
    return (
        f"HTTP Request to {d.request_path} failed, error id: "
        f"{d.values['uuid']}-{d.rand.randint(1, 60)}"
    )


def _qthread(d: Delivery) -> str:
    if "thread" in d.opts:
        return str(d.opts["thread"])
    if d.bug.entry.startswith(_HTTP):
        return f"executor-thread-{d.rand.randint(1, 32)}"
    if d.bug.entry.startswith("kafka:"):
        return f"vert.x-worker-thread-{d.rand.randint(0, 19)}"
    return f"executor-thread-{d.rand.randint(1, 8)}"


def quarkus_json(d: Delivery) -> tuple[str, Fields]:
    """quarkus-logging-json's console record as the pod prints it to stdout; ``opts.output``
    ``formatted`` (the ``reporting`` pods) for ``stackTrace`` instead of ``exception``."""
    logger = _qlogger(d)
    record: dict[str, object] = {
        "timestamp": d.iso(3),
        "sequence": d.rand.randint(1_000, 400_000),
        "loggerClassName": "org.jboss.logging.Logger",
        "loggerName": logger,
        "level": "ERROR",
        "message": _qmessage(d),
        "threadName": _qthread(d),
        "threadId": d.rand.randint(30, 240),
        "mdc": {"spanId": d.rand.hex(16), "traceId": d.rand.hex(32), "sampled": "true"},
        "ndc": "",
        "hostName": d.host,
        "processName": "quarkus-run.jar",
        "processId": 1,
    }
    if d.opts.get("output") == "formatted":
        record["stackTrace"] = java_trace(d.chain)
    else:
        record["exception"] = _qdetailed(d.chain)
    return _compact(record), {"level": "ERROR", "loggerName": logger}


def _abbrev(category: str) -> str:
    """``%c{3.}``: package segments cut to three characters, the class kept."""
    *pkg, cls = category.split(".")
    return ".".join([p[:3] for p in pkg] + [cls])


def quarkus_console(d: Delivery) -> tuple[str, Fields]:
    """Quarkus' default console format, on the one pod whose JSON logging was switched
    off to debug: the message, ``: `` and the throwable as ``printStackTrace`` prints it."""
    logger = _qlogger(d)
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR [{_abbrev(logger)}] "
        f"({_qthread(d)}) {_qmessage(d)}: "
    )
    return head + java_trace(d.chain), {"level": "ERROR"}


# --- hi: Gin on logrus' TextFormatter -----------------------------------------------------------


def _needs_quote(text: str) -> bool:
    if not text:
        return True
    return not all(c.isascii() and (c.isalnum() or c in "-._/@^+") for c in text)


def _lv(value: object) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if _needs_quote(text) else text


def logrus_gin(d: Delivery) -> tuple[str, Fields]:
    """``logrus.WithFields(...).WithError(err).Error(msg)`` from the team's Gin error
    middleware (``c.Errors.Last()`` after the handler): time (RFC 3339, always quoted: it
    has colons), level, msg, then the fields sorted by key. A worker's record has
    ``component`` and ``job`` instead of the request's fields."""
    msg = str(d.opts.get("msg", d.bug.log or "request failed"))
    fields: dict[str, object] = {"error": d.thrown.value}
    if d.bug.entry.startswith(_HTTP):
        fields["method"] = d.bug.entry.split(" ", 1)[0]
        fields["path"] = d.request_path
        fields["status"] = int(str(d.opts.get("status", 500)))
        fields["request_id"] = d.rand.uuid()
        fields["client_ip"] = d.values["ip"]
        fields["latency"] = f"{d.rand.uniform(1, 2_900):.3f}ms"
    else:
        fields["component"] = "worker"
        fields["job"] = d.bug.entry
        fields["attempt"] = d.rand.randint(1, 5)
    pairs = [("time", d.stamp("%Y-%m-%dT%H:%M:%SZ")), ("level", "error"), ("msg", msg)]
    pairs += sorted(fields.items())
    return " ".join(f"{k}={_lv(v)}" for k, v in pairs), {"level": "error", "msg": msg}


def _pc(f: Frame) -> str:
    return f"0x{0x8A0000 + stable_int('ginpc', f.module, f.function, f.line) % 0x3FFFFF:x}"


def gin_recovery(d: Delivery) -> tuple[str, Fields]:
    """gin.Recovery()'s report on stderr: ``log.New(os.Stderr, "\\n\\n\\x1b[31m",
    log.LstdFlags)`` (the colour codes dropped by the log agent), ``[Recovery] <time> panic
    recovered:``, the request as ``httputil.DumpRequest`` prints it with ``Authorization``
    masked, the panic value, then ``stack(3)``: each caller as ``file:line (0xpc)``; the
    distroless image has no sources, so no ``\\tfunc: source`` lines follow."""
    exc = d.thrown
    method = d.bug.entry.split(" ", 1)[0]
    now = d.stamp("%Y/%m/%d - %H:%M:%S")
    lines = [
        f"{d.stamp('%Y/%m/%d %H:%M:%S')} [Recovery] {now} panic recovered:",
        f"{method} {d.request_path} HTTP/1.1",
        f"Host: api.{d.company.domain}",
        "Accept: application/json",
        "Authorization: *",
        f"User-Agent: {d.opts.get('ua', 'okhttp/4.12.0')}",
        f"X-Forwarded-For: {d.values['ip']}",
        "",
        exc.value,
        "/usr/local/go/src/runtime/panic.go:770 (0x43d2e5)",
    ]
    if exc.value.startswith("runtime error"):
        lines.append("/usr/local/go/src/runtime/panic.go:261 (0x43c1d7)")
        lines.append("/usr/local/go/src/runtime/signal_unix.go:881 (0x45a2a5)")
    for f in reversed(exc.frames):
        lines.append(f"{f.file}:{f.line} ({_pc(f)})")
    return "\n".join(lines) + "\n", {}


# --- hj: SvelteKit 2 on adapter-node ------------------------------------------------------------

_KIT = "file:///app/build/server/index.js"


def _built(d: Delivery, f: Frame) -> str:
    """Where adapter-node's Rollup output runs a frame: app modules in hashed
    ``build/server/chunks/<name>-<hash>.js``, SvelteKit's runtime in ``build/server/index.js``,
    other packages bundled into their own chunks, Node's internals as they are."""
    if f.file.startswith("node:"):
        return f"{f.file}:{f.line}:{f.col}"
    if f.file.startswith("node_modules/@sveltejs/kit/"):
        n = stable_int("kit", f.file, f.function)
        return f"{_KIT}:{1200 + n % 2600}:{5 + n % 40}"
    base = f.file.rsplit("/", 1)[-1]
    # Route modules keep their extension (_page.server.ts), other modules lose it.
    name = "_" + base[1:] if base.startswith("+") else base.rsplit(".", 1)[0]
    if f.file.startswith("node_modules/"):
        name = f.file.split("/")[1].lstrip("@")
    digest = vite_hash(d.company.key, f.file, d.release)
    line = f.line + stable_int("hjline", f.file) % 7 + 3
    return f"file:///app/build/server/chunks/{name}-{digest}.js:{line}:{max(f.col, 1) + 4}"


def _node_error(d: Delivery) -> str:
    exc = d.thrown
    out = [f"{exc.type}: {exc.value}" if exc.value else exc.type]
    for i, f in enumerate(reversed(exc.frames)):
        where = _built(d, f)
        prefix = "async " if f.args == "async" and i else ""
        if f.function:
            out.append(f"    at {prefix}{f.function} ({where})")
        else:
            out.append(f"    at {prefix}{where}")
    text = "\n".join(out)
    if len(d.chain) > 1:
        cause = d.chain[-2]
        text += " {\n  [cause]: " + f"{cause.type}: {cause.value}" + "\n}"
    return text


def sveltekit_hook(d: Delivery) -> tuple[str, Fields]:
    """``handleError`` in ``src/hooks.server.ts``: Sentry's wrapper, then
    ``console.error(`[handleError] ${status} ${method} ${pathname} errorId=${id}`, error)``;
    before the hook (``opts.default``), SvelteKit's own ``console.error(error)``."""
    if d.opts.get("default"):
        return _node_error(d), {}
    method = d.bug.entry.split(" ", 1)[0] if d.bug.entry.startswith(_HTTP) else "GET"
    status = int(str(d.opts.get("status", 500)))
    tag = f"[handleError] {status} {method} {d.request_path} errorId={d.values['uuid']}"
    return f"{tag} {_node_error(d)}", {}


FORMATS71: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "hh-quarkus-json": quarkus_json,
    "hh-quarkus-console": quarkus_console,
    "hi-logrus-gin": logrus_gin,
    "hi-gin-recovery": gin_recovery,
    "hj-sveltekit-hook": sveltekit_hook,
}
