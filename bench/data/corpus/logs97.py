"""blind97's log formats.

kh: AWS Lambda functions whose CloudWatch Logs a subscription filter sends through Kinesis
Data Firehose to Splunk's HEC (``aws:cloudwatchlogs``, one event per CloudWatch line):

- Python 3.12 with Powertools for AWS Lambda's ``Logger`` (``logger.exception`` in the
  resolver's exception handler or the batch record handler): ``level``, ``location``
  (``function:line`` of the log call), ``message``, ``timestamp``, ``service``,
  ``cold_start``, the Lambda context keys, ``exception`` (the formatted traceback),
  ``exception_name``, ``xray_trace_id``. From the third release on the functions run
  Powertools v3, whose ``serialize_stacktrace`` adds ``stack_trace`` (type, value, module and
  the frames as file/line/function/statement).
- the Python runtime's own ``[ERROR] Type: message`` line and traceback for an error nothing
  caught (blind27's renderer);
- Node.js 20: the runtime's ``<iso>\\t<requestId>\\tERROR\\tInvoke Error \\t{json}`` line
  (blind27's renderer) and the team's ``console.error(msg, err)``, which the runtime prefixes
  the same way (``<iso>\\t<requestId>\\tERROR\\t``) over ``util.inspect`` of the error: the
  stack, then the AWS SDK's own properties in braces.

ki: a Nuxt 3 storefront's server output (Nuxt's ``[nuxt] [request error] [unhandled] [500]``
line over the normalised stack, consola's `` ERROR  [tag]`` for what the app logs itself;
blind51's renderer), read by a Splunk universal forwarder as multi-line events.

kj: arq workers on Python 3.11 logging through loguru's default text format
(``{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{function}:{line} - {message}``)
with ``backtrace`` and ``diagnose`` on: the frames above the catching one, the catching frame
marked ``>``, the variables' values drawn under each source line. arq's own
``<t>s ! <job_id>:<function> failed, <Class>: <message>`` reaches loguru through an
``InterceptHandler`` and keeps arq's logger name and line.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from .delivery import Delivery
from .logs27 import _lambda_traceback, _node_lambda_stack, cg_lambda_node, cg_lambda_py, cg_timeout
from .logs27 import lambda_py_path as _lambda_path
from .logs51 import nitro_console

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- kh: AWS Lambda through Firehose ------------------------------------------------------------


def _stream(d: Delivery) -> str:
    """A CloudWatch log stream name: the day, the version and the execution environment."""
    return f"{d.stamp('%Y/%m/%d')}/[$LATEST]{d.rand.hex(32)}"


def kh_powertools(d: Delivery) -> tuple[str, Fields]:
    """Powertools' ``Logger`` record of ``logger.exception(...)``; v3 (release 2 on) adds the
    serialized ``stack_trace``."""
    fn = d.service.name
    exc = d.thrown
    record: dict[str, object] = {
        "level": "ERROR",
        "location": str(d.opts.get("location", "handle_error:61")),
        "message": d.log_message,
        "timestamp": f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}+0000",
        "service": str(d.opts.get("pt_service", fn.removeprefix("ald-"))),
        "cold_start": d.index % 4 == 0,
        "function_name": fn,
        "function_memory_size": "1024",
        "function_arn": f"arn:aws:lambda:eu-west-1:604118839271:function:{fn}",
        "function_request_id": d.rand.uuid(),
        "exception": _lambda_traceback(d),
        "exception_name": exc.type,
    }
    if d.release >= 2:
        record["stack_trace"] = {
            "type": exc.type,
            "value": exc.value,
            "module": exc.module or "builtins",
            "frames": [
                {
                    "file": _lambda_path(f),
                    "line": f.line,
                    "function": f.function,
                    "statement": f.context.strip(),
                }
                for f in exc.frames
            ],
        }
    record["xray_trace_id"] = f"1-{int(d.when):08x}-{d.rand.hex(24)}"
    return _compact(record), {"level": "ERROR", "log_stream": _stream(d)}


def kh_lambda_py(d: Delivery) -> tuple[str, Fields]:
    raw, fields = cg_lambda_py(d)
    return raw, {**fields, "log_stream": _stream(d)}


def kh_lambda_node(d: Delivery) -> tuple[str, Fields]:
    raw, fields = cg_lambda_node(d)
    return raw, {**fields, "log_stream": _stream(d)}


def kh_node_console(d: Delivery) -> tuple[str, Fields]:
    """``console.error(message, err)`` in a Node.js 20 function: the runtime's tab prefix,
    the message, then ``util.inspect(err)`` (the stack; an AWS SDK v3 error's own properties
    in braces after it)."""
    stack = "\n".join(_node_lambda_stack(d))
    props = d.opts.get("props")
    if props:
        assert isinstance(props, Mapping)
        inner = ",\n".join(f"  {k}: {d.values.fill(str(v))}" for k, v in props.items())
        stack += " {\n" + inner + "\n}"
    raw = f"{d.iso(3)}\t{d.rand.uuid()}\tERROR\t{d.log_message} {stack}"
    return raw, {"function_name": d.service.name, "log_stream": _stream(d)}


# --- ki: Nuxt 3 / Nitro server output -----------------------------------------------------------


def ki_nitro(d: Delivery) -> tuple[str, Fields]:
    raw, fields = nitro_console(d)
    return raw, {**fields, "container_name": "storefront"}


# --- kj: arq workers on loguru's default format -------------------------------------------------


def kj_loguru(d: Delivery) -> tuple[str, Fields]:
    from .logs import loguru_text  # logs imports this module's FORMATS97

    raw, fields = loguru_text(d)
    return raw, {**fields, "level": "ERROR"}


FORMATS97: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "kh-powertools": kh_powertools,
    "kh-lambda-py": kh_lambda_py,
    "kh-lambda-node": kh_lambda_node,
    "kh-node-console": kh_node_console,
    "kh-lambda-timeout": cg_timeout,
    "ki-nitro": ki_nitro,
    "kj-loguru": kj_loguru,
}
