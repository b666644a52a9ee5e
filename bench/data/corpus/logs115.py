"""blind115's log formats.

mj: Dropwizard 4 services on EC2 VMs. ``orders-api`` logs with Dropwizard's ``json`` layout
(``timestamp`` epoch milliseconds, ``level``, ``thread`` as Jetty names it, ``dw-<n> - POST
/path``, ``logger``, ``message``, ``exception`` the trace as one string, root cause first as
Dropwizard's converter prints it); ``catalog-api`` still logs logstash-logback-encoder's
``stack_trace``. Filebeat ships the files to Logstash, whose HTTP output posts HEC events
(``event``, ``host``, ``source``, ``sourcetype``, ``fields``): on the main pipeline the
Logstash event with the app's line still a string in ``message`` (``log.file.path``,
``host.name``, ``agent``), on the older pipeline with a ``json`` filter that lifted the
line's keys to the top. The Datadog agent tails the same files and parses the JSON.

mk: Python 3.12 Lambda functions. Powertools' ``Logger`` JSON, the runtime's own
``[ERROR] Type: message`` text for an unhandled error, the runtime's logging format for bare
``logging`` calls (``[ERROR]\\t<iso>\\t<request id>\\t<message>`` and the traceback),
``print`` lines, ``Task timed out`` and the ``REPORT`` line with ``Status: timeout``. The
Splunk Add-on for AWS pulls the log groups (``aws:cloudwatchlogs``, one CloudWatch event an
event); the Datadog Forwarder sends the same messages.

ml: Nuxt 3 on Node 20; Nitro's console on stdout collected by the Datadog agent (blind51's
renderer); ``opts.head``: the agent without a multi-line rule keeps the first line alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .logs27 import cg_lambda_py, cg_timeout
from .logs51 import nitro_console
from .rand import stable_hex
from .traces import java_trace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- mj: Dropwizard on EC2, Filebeat -> Logstash -> HEC ------------------------------------------

MJ_LLE = ("catalog-api",)


def _thread(d: Delivery) -> str:
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")):
        return f"dw-{d.rand.randint(18, 240)} - {d.bug.entry.split(' ', 1)[0]} {d.request_path}"
    return str(d.opts.get("thread", f"pool-3-thread-{d.rand.randint(1, 8)}"))


def _message(d: Delivery) -> str:
    if d.bug.log:
        return d.log_message
    # Dropwizard's LoggingExceptionMapper logs an unmapped exception with a random id.
    return f"Error handling a request: {d.rand.hex(16)}"


def _logger(d: Delivery) -> str:
    return d.bug.logger or "io.dropwizard.jersey.errors.LoggingExceptionMapper"


def _dw_record(d: Delivery) -> dict[str, object]:
    if d.service.name in MJ_LLE:
        return {
            "@timestamp": d.iso(3).replace("Z", "+00:00"),
            "@version": "1",
            "message": _message(d),
            "logger_name": _logger(d),
            "thread_name": _thread(d),
            "level": "ERROR",
            "level_value": 40000,
            "stack_trace": java_trace(d.chain) + "\n",
        }
    return {
        "timestamp": d.epoch_ms,
        "level": "ERROR",
        "thread": _thread(d),
        "logger": _logger(d),
        "message": _message(d),
        "exception": java_trace(d.chain, root_first=True),
        "mdc": {"requestId": d.rand.uuid()},
    }


def _vm(d: Delivery) -> str:
    return f"ip-10-40-{d.rand.randint(1, 9)}-{d.rand.randint(10, 250)}.eu-west-2.compute.internal"


def mj_hec(d: Delivery) -> tuple[str, Fields]:
    """The Logstash event HEC indexed (the HEC envelope's ``event``)."""
    line = _compact(_dw_record(d))
    vm = _vm(d)
    path = f"/var/log/kelsick/{d.service.name}.json"
    event: dict[str, object] = {"@timestamp": d.iso(3), "@version": "1"}
    if d.opts.get("pipeline") == "parsed":
        event.update(json.loads(line))
        event["@timestamp"] = d.iso(3)
        event["tags"] = ["beats_input_codec_plain_applied", "_jsonparsed"]
    else:
        event["message"] = line
        event["tags"] = ["beats_input_codec_plain_applied"]
    event["host"] = {"name": vm}
    event["log"] = {"file": {"path": path}, "offset": d.rand.randint(10**5, 10**8)}
    event["agent"] = {"type": "filebeat", "version": "8.13.4", "name": vm}
    event["ecs"] = {"version": "8.0.0"}
    event["service"] = {"name": d.service.name}
    return _compact(event), {"env": "prod", "app": d.service.name, "source": path, "host": vm}


def mj_dd(d: Delivery) -> tuple[str, Fields]:
    """The line the Datadog agent tails (parsed into attributes)."""
    return _compact(_dw_record(d)), {}


# --- mk: Python Lambda, CloudWatch Logs -> Splunk Add-on for AWS / Datadog Forwarder ----------

MK_ACCOUNT = "739102456610"


def _stream(d: Delivery) -> str:
    env = stable_hex(32, d.service.name, d.release, d.index % 3)
    return f"{d.stamp('%Y/%m/%d')}/[$LATEST]{env}"


def _powertools(d: Delivery) -> str:
    from .logs27 import _lambda_traceback  # the formatted chain, as Powertools keeps it

    fn = d.service.name
    record: dict[str, object] = {
        "level": "ERROR",
        "location": str(d.opts.get("location", "handle_error:47")),
        "message": d.log_message,
        "timestamp": f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}+0000",
        "service": fn.removeprefix("kin-"),
        "cold_start": d.index % 4 == 1,
        "function_name": fn,
        "function_memory_size": "512",
        "function_arn": f"arn:aws:lambda:eu-west-2:{MK_ACCOUNT}:function:{fn}",
        "function_request_id": d.rand.uuid(),
        "exception": _lambda_traceback(d),
        "exception_name": d.thrown.type,
        "xray_trace_id": f"1-{int(d.when):08x}-{d.rand.hex(24)}",
    }
    return _compact(record)


def _logging(d: Delivery) -> str:
    """The runtime's handler on the root logger: ``logger.exception`` in a bare function."""
    from .logs27 import _lambda_traceback

    return f"[ERROR]\t{d.iso(3)}\t{d.rand.uuid()}\t{d.log_message}\n{_lambda_traceback(d)}"


def _report(d: Delivery) -> str:
    limit = int(str(d.opts.get("limit", 30)))
    ms = limit * 1000
    used = d.rand.randint(90, 480)
    return (
        f"REPORT RequestId: {d.rand.uuid()}\tDuration: {ms}.00 ms\tBilled Duration: {ms} ms\t"
        f"Memory Size: 512 MB\tMax Memory Used: {used} MB\tStatus: timeout"
    )


def _mk_raw(d: Delivery) -> str:
    kind = str(d.opts.get("kind", "powertools"))
    if kind == "runtime":
        return cg_lambda_py(d)[0]
    if kind == "logging":
        return _logging(d)
    if kind == "print":
        return d.values.fill(str(d.opts.get("print", d.log_message)))
    if kind == "timeout":
        return cg_timeout(d)[0]
    if kind == "report":
        return _report(d)
    return _powertools(d)


def mk_cwl(d: Delivery) -> tuple[str, Fields]:
    """An ``aws:cloudwatchlogs`` event as the Splunk Add-on for AWS indexes it."""
    group = f"/aws/lambda/{d.service.name}"
    return _mk_raw(d), {
        "source": f"eu-west-2:{group}:{_stream(d)}",
        "log_group": group,
        "account_id": MK_ACCOUNT,
        # A modular input's events carry the host of the heavy forwarder that pulled them.
        "host": "hf-aws-01.kinmontparking.example",
    }


def mk_dd(d: Delivery) -> tuple[str, Fields]:
    """The message the Datadog Forwarder sent (JSON messages become attributes)."""
    return _mk_raw(d), {}


# --- ml: Nuxt 3 / Nitro stdout to the Datadog agent --------------------------------------------


def ml_nitro(d: Delivery) -> tuple[str, Fields]:
    raw, fields = nitro_console(d)
    if d.opts.get("head"):
        raw = raw.split("\n", 1)[0]
    return raw, fields


FORMATS115: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "mj-hec": mj_hec,
    "mj-dd": mj_dd,
    "mk-cwl": mk_cwl,
    "mk-dd": mk_dd,
    "ml-nitro": ml_nitro,
}
