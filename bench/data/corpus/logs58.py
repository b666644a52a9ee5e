"""blind58's log formats: a Next.js 14 App Router app on Vercel as its JSON log drain delivers
it (one record per ``console.error``, the request's ``proxy`` block beside it; the server
bundle minified under ``/var/task/.next/server``) (fu); a NestJS 10 API on winston's JSON
format, through nest-winston (``ExceptionsHandler``'s ``stack`` as a one-item array) or the
services' own ``logger.error(msg, err)`` (winston's ``errors({ stack: true })`` appending the
error's message to the log message) (fv); a Django 4.2 API with django-structlog's JSON
(``request_failed`` with the ``exception`` text from ``format_exc_info``) and its Celery
receivers (``task_failed`` with only ``error``; Celery's own ``celery.app.trace`` record
through ``ProcessorFormatter``) (fw).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Frame tables and log layouts are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .rand import stable_hex, stable_int
from .traces import node_stack, python_traceback

Fields = dict[str, str]

HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- Next.js 14 on Vercel (log drain JSON) -----------------------------------------------------


def _min_name(d: Delivery, name: str) -> str:
    """Next 14 minifies the server bundle: an app function's name is one or two letters,
    drawn anew by every build."""
    if not name:
        return ""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    n = stable_int("fu-min", name, d.release)
    return letters[n % 52] + (letters[(n // 52) % 52] if n % 3 == 0 else "")


def _next_stack(d: Delivery, exc: Exc) -> list[str]:
    lines = [f"{exc.type}: {exc.value}".rstrip(": ")]
    for f in reversed(exc.frames):
        prefix = "async " if f.args == "async" else ""
        if f.file.startswith("node:"):
            where, name = f"{f.file}:{f.line}:{f.col}", f.function
        elif f.in_app:
            route = f.file.removeprefix("app/").rsplit("/", 1)[0]
            if f.file.startswith("app/"):
                kind = "route" if f.file.endswith("/route.ts") else "page"
                chunk = f"/var/task/.next/server/app/{route}/{kind}.js"
            else:
                chunk = (
                    f"/var/task/.next/server/chunks/{100 + stable_int('fu-chunk', f.file) % 900}.js"
                )
            col = 1000 + stable_int("fu-col", f.file, f.function, d.release) % 60000
            where, name = f"{chunk}:1:{col}", _min_name(d, f.function)
        else:
            where, name = f"/var/task/{f.file}:{f.line}:{f.col}", f.function
        lines.append(f"    at {prefix}{name} ({where})" if name else f"    at {prefix}{where}")
    return lines


def vercel_drain(d: Delivery) -> tuple[str, Fields]:
    """One entry of Vercel's JSON log drain (``id``, ``message``, ``timestamp``, ``type``,
    ``source``, ``projectId``, ``deploymentId``, ``host``, ``path``, ``requestId``,
    ``statusCode``, ``level``, ``proxy``). The message is what the function wrote to stderr:
    Next's ``console.error`` of a Server Component or route handler error, ``{ digest }``
    after the stack (``opts.kind`` ``digest``), or the Lambda-style
    ``<iso>\\t<requestId>\\tERROR\\t<text>`` line (``opts.kind`` ``lambda``), or the team's own
    ``console.error('msg', err)`` (``opts.log``). ``opts.lines`` cuts the message (a drain
    truncates a long one to its tail: ``opts.tail``)."""
    kind = str(d.opts.get("kind", "digest"))
    exc = d.thrown
    req = d.rand.hex(4) + "::" + d.rand.hex(5) + "-" + str(d.epoch_ms) + "-" + d.rand.hex(12)
    stack = _next_stack(d, exc)
    cut = int(str(d.opts.get("lines", 0)))
    if cut:
        stack = stack[:cut]
    if "log" in d.opts:
        stack[0] = d.values.fill(str(d.opts["log"])) + " " + stack[0]
    if kind == "digest":
        stack[-1] += " {"
        stack += [f"  digest: '{stable_int('fu-digest', d.bug.id, d.index) % 10**10}'", "}"]
    message = "\n".join(stack)
    if kind == "lambda":
        message = f"{d.iso(3)}\t{d.rand.uuid()}\tERROR\t{message}"
    if d.opts.get("tail"):
        message = message[-int(str(d.opts["tail"])) :]
    path = d.request_path if d.bug.entry else "/"
    verb = d.bug.entry.split(" ", 1)[0] if d.bug.entry.startswith(HTTP_VERBS) else "GET"
    dep = "dpl_" + stable_hex(28, "fu-dpl", d.release)
    host = f"lorton-{stable_hex(9, 'fu-host', d.release)}-lorton-bikes.vercel.app"
    entry = {
        "id": str(d.epoch_ms) + str(d.rand.randint(10**12, 10**13 - 1)),
        "message": message,
        "timestamp": d.epoch_ms,
        "type": "stderr",
        "source": "lambda",
        "projectId": "prj_Lx2v9QeT4mHk0sWp7bNc3RaYdG1f",
        "deploymentId": dep,
        "host": host,
        "path": str(d.opts.get("entrypoint", path)),
        "requestId": req,
        "statusCode": 500,
        "level": "error",
        "proxy": {
            "timestamp": d.epoch_ms - d.rand.randint(40, 900),
            "method": verb,
            "scheme": "https",
            "host": "www.lorton-bikes.example",
            "path": path,
            "userAgent": [
                d.rand.choice(
                    (
                        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
                    )
                )
            ],
            "referer": "https://www.lorton-bikes.example/",
            "statusCode": 500,
            "clientIp": f"{d.rand.randint(2, 223)}.{d.rand.randint(0, 255)}.{d.rand.randint(0, 255)}.{d.rand.randint(1, 254)}",
            "region": d.rand.choice(("lhr1", "cdg1", "fra1", "dub1")),
            "vercelCache": "MISS",
        },
    }
    return _compact(entry), {"source": "lambda", "level": "error", "deploymentId": dep}


# --- NestJS on winston JSON ----------------------------------------------------------------------


def nest_winston(d: Delivery) -> tuple[str, Fields]:
    """winston's ``format.combine(timestamp(), errors({ stack: true }), json())``.
    ``opts.kind`` ``handler`` (the default): nest-winston's ``WinstonLogger.error`` for Nest's
    ``ExceptionsHandler`` (``{"context","level","message","stack":[<stack>],"timestamp"}``);
    ``team``: a service's ``this.logger.error(msg, err)`` on the winston instance, where the
    errors format appends the error's message to the log message and sets ``stack``;
    ``opts.context`` names the service."""
    kind = str(d.opts.get("kind", "handler"))
    exc = d.thrown
    first = exc.value.split("\n", 1)[0]
    stack = node_stack(exc, exc.value)
    ts = d.iso(3)
    if kind == "team":
        msg = d.values.fill(d.bug.log) if d.bug.log else "operation failed"
        record: dict[str, object] = {
            "context": str(d.opts.get("context", d.logger)),
            "level": "error",
            "message": f"{msg} {first}",
            "stack": stack,
            "timestamp": ts,
        }
    else:
        record = {
            "context": "ExceptionsHandler",
            "level": "error",
            "message": exc.value,
            "stack": [stack],
            "timestamp": ts,
        }
    return _compact(record), {"level": "error", "context": str(record["context"])}


# --- Django 4.2 + Celery on django-structlog JSON ------------------------------------------------


def django_structlog(d: Delivery) -> tuple[str, Fields]:
    """structlog's ``JSONRenderer`` after ``format_exc_info`` (the traceback as one string under
    ``exception``). ``opts.kind`` ``request`` (the default): django-structlog's
    ``request_failed`` (``code``, ``request``, ``user_id``, ``ip``, ``request_id``);
    ``task``: its Celery receiver's ``task_failed`` with ``error`` (the exception's str) and
    no traceback; ``celery``: Celery's own ``celery.app.trace`` ``Task ... raised unexpected``
    record through ``ProcessorFormatter``, the traceback under ``exception``."""
    kind = str(d.opts.get("kind", "request"))
    exc = d.thrown
    rid = d.rand.uuid()
    if kind == "task":
        record: dict[str, object] = {
            "error": exc.value,
            "event": "task_failed",
            "level": "error",
            "logger": "django_structlog.celery.receivers",
            "request_id": rid,
            "task_id": d.rand.uuid(),
            "timestamp": d.iso(6),
        }
        return json.dumps(record), {"level": "error", "logger": "django_structlog.celery.receivers"}
    if kind == "celery":
        task_id = d.rand.uuid()
        record = {
            "event": f"Task {d.bug.entry}[{task_id}] raised unexpected: {exc.type}({exc.value!r})",
            "exception": python_traceback(d.chain).rstrip("\n"),
            "level": "error",
            "logger": "celery.app.trace",
            "request_id": rid,
            "task_id": task_id,
            "timestamp": d.iso(6),
        }
        return json.dumps(record), {"level": "error", "logger": "celery.app.trace"}
    record = {
        "code": 500,
        "request": f"{d.bug.entry.split(' ', 1)[0]} {d.request_path}",
        "event": "request_failed",
        "user_id": d.rand.randint(1, 90_000),
        "ip": f"10.{d.rand.randint(0, 255)}.{d.rand.randint(0, 255)}.{d.rand.randint(1, 254)}",
        "request_id": rid,
        "timestamp": d.iso(6),
        "logger": "django_structlog.middlewares.request",
        "level": "error",
        "exception": python_traceback(d.chain).rstrip("\n"),
    }
    return json.dumps(record), {"level": "error", "logger": "django_structlog.middlewares.request"}


FORMATS58: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "fu-vercel-drain": vercel_drain,
    "fv-nest-winston": nest_winston,
    "fw-django-structlog": django_structlog,
}
