"""blind104's log formats: containers on AWS ECS whose stdout and stderr FireLens (Fluent Bit)
ships to Splunk HEC and to Datadog.

FireLens wraps every record: ``source`` (``stdout``/``stderr``), ``log`` (the line the
container wrote, a JSON line kept as a string), ``container_id``, ``container_name``,
``ecs_cluster``, ``ecs_task_arn`` and ``ecs_task_definition``. Splunk's ``_raw`` is that
wrapper; Datadog's log intake takes ``log`` as the message and parses it when it is JSON, so
the Datadog monitors read the inner record (the ``-dd`` keys below).

lc: NestJS 10 on Node 20 with nestjs-pino 4 (pino-http's ``req``, ``context``, ``err``,
``msg``). Nest's ``ExceptionsHandler`` and the microservices' ``RpcExceptionsHandler`` call
``logger.error(exception.message, exception.stack)``, which nestjs-pino logs as ``err`` built
with ``new Error(message)`` (``err.type`` ``Error``, the stack keeping the thrown class's name);
the team's own ``this.logger.error(err)`` keeps the thrown type. ``opts.ctx`` names the context.

ld: a Python 3.11 FastAPI service on uvicorn's default logging (``%(levelprefix)s
%(message)s``) and the team's ``logging.basicConfig`` for its own loggers. ``opts.kind``:
``traceback`` (uvicorn's "Exception in ASGI application" traceback, joined by Fluent Bit's
built-in ``python`` multiline parser, which starts at ``Traceback (most recent call last):``
and so leaves the ``ERROR:`` header in a record of its own), ``team`` (the team's
``logger.exception`` line and its traceback, joined by the team's timestamp parser), ``tail``
(a task definition without the multiline filter: the exception's last line alone), ``access``
(uvicorn's access line for the 500).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_hex, stable_int
from .traces import node_stack, python_traceback

Fields = dict[str, str]
_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
ACCOUNTS = {"lc": "418273665102", "ld": "552901847316"}
CLUSTERS = {"lc": "jolliffe-prod", "ld": "jaywick-inference"}


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _fargate_host(d: Delivery) -> str:
    """``os.hostname()`` in an awsvpc task: the ENI's private DNS name."""
    return f"ip-10-40-{d.rand.randint(0, 63)}-{d.rand.randint(4, 250)}.eu-west-2.compute.internal"


def _firelens(d: Delivery, log: str, source: str) -> tuple[str, Fields]:
    key = d.company.key
    cluster = CLUSTERS.get(key, key + "-prod")
    account = ACCOUNTS.get(key, "000000000000")
    task = stable_hex(32, key, d.service.name, d.release, d.rand.randint(0, 3))
    revision = 40 + d.release * 3 + stable_int(key, d.service.name) % 3
    record = {
        "source": source,
        "log": log,
        "container_id": f"{task}-{stable_int(task) % 9_000_000_000 + 1_000_000_000}",
        "container_name": d.service.name,
        "ecs_cluster": cluster,
        "ecs_task_arn": f"arn:aws:ecs:eu-west-2:{account}:task/{cluster}/{task}",
        "ecs_task_definition": f"{d.service.name}:{revision}",
    }
    return _compact(record), {
        "container_name": d.service.name,
        "ecs_cluster": cluster,
        "source": source,
    }


# --- lc: nestjs-pino --------------------------------------------------------------------------


def _nest_pino(d: Delivery) -> str:
    exc = d.thrown
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": _fargate_host(d),
    }
    ctx = str(d.opts.get("ctx", ""))
    if d.bug.entry.startswith(_HTTP) and not ctx:
        ctx = "ExceptionsHandler"
        record["req"] = {
            "id": d.rand.randint(1, 240_000),
            "method": d.bug.entry.split(" ", 1)[0],
            "url": d.request_path,
            "query": {},
            "params": {"0": d.request_path.lstrip("/")},
            "headers": {
                "host": f"{d.service.name}.jolliffe.internal",
                "user-agent": "ELB-HealthChecker/2.0"
                if d.bug.entry.startswith("GET /health")
                else "Mozilla/5.0",
                "x-amzn-trace-id": f"Root=1-{d.rand.hex(8)}-{d.rand.hex(24)}",
            },
            "remoteAddress": f"10.40.{d.rand.randint(0, 63)}.{d.rand.randint(4, 250)}",
            "remotePort": d.rand.randint(32_768, 60_999),
        }
    stack = node_stack(exc, exc.value).replace("(/app/<anonymous>:0:1)", "(<anonymous>)")
    if ctx in ("ExceptionsHandler", "RpcExceptionsHandler"):
        # The wrong-contract path: a new Error carrying the thrown one's stack.
        err = {"type": "Error", "message": exc.value, "stack": stack}
        msg = exc.value
    else:
        err = {"type": exc.type, "message": exc.value, "stack": stack}
        msg = d.log_message
    if "pattern" in d.opts:
        record["pattern"] = str(d.opts["pattern"])
    record["context"] = ctx or d.bug.logger or d.service.name
    record["err"] = err
    record["msg"] = msg
    return _compact(record)


def lc_firelens_pino(d: Delivery) -> tuple[str, Fields]:
    raw, fields = _firelens(d, _nest_pino(d), "stdout")
    fields["level"] = "50"
    return raw, fields


def lc_pino_dd(d: Delivery) -> tuple[str, Fields]:
    """What Datadog keeps: the ``log`` field parsed as JSON."""
    return _nest_pino(d), {"level": "50"}


# --- ld: uvicorn and the team's logging as text ---------------------------------------------


def _uvicorn_text(d: Delivery) -> tuple[str, str]:
    kind = str(d.opts.get("kind", "traceback"))
    exc = d.thrown
    if kind == "access":
        method = d.bug.entry.split(" ", 1)[0] if " " in d.bug.entry else "POST"
        line = (
            f"INFO:     10.60.{d.rand.randint(0, 31)}.{d.rand.randint(4, 250)}:"
            f'{d.rand.randint(32_768, 60_999)} - "{method} {d.request_path} HTTP/1.1" '
            "500 Internal Server Error"
        )
        return line, "stdout"
    if kind == "tail":
        return f"{exc.text_name}: {exc.value}".split("\n", 1)[0], "stderr"
    trace = python_traceback(d.chain)
    if kind == "team":
        head = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR [{d.logger}] {d.log_message}"
        return head + "\n" + trace, "stderr"
    return trace, "stderr"


def ld_firelens_uvicorn(d: Delivery) -> tuple[str, Fields]:
    text, source = _uvicorn_text(d)
    return _firelens(d, text, source)


def ld_uvicorn_dd(d: Delivery) -> tuple[str, Fields]:
    """Datadog's message: the ``log`` field's text."""
    text, _ = _uvicorn_text(d)
    return text, {}


FORMATS104: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "lc-firelens-pino": lc_firelens_pino,
    "lc-pino-dd": lc_pino_dd,
    "ld-firelens-uvicorn": ld_firelens_uvicorn,
    "ld-uvicorn-dd": ld_uvicorn_dd,
}
