"""blind48's log formats: CakePHP 5's default file error log (``logs/error.log`` written by
``ErrorLogger``) for eq, Serilog's console sink with its default output template as a .NET 8
Worker Service with MassTransit writes it to Docker's stdout (er), and a Django app on AWS
Elastic Beanstalk whose ``web.stdout.log`` lines arrive through CloudWatch Logs, each line
with the rsyslog prefix the platform adds (es).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

from collections.abc import Callable

from .delivery import Delivery
from .traces import dotnet_core_trace, python_traceback

Fields = dict[str, str]


def cake_error(d: Delivery) -> tuple[str, Fields]:
    """CakePHP 5 ``ErrorLogger::logException``: ``[Type] message in file on line N``, the
    previous exceptions as ``Caused by:``, the trace in ``points`` format, then the request."""
    order = list(reversed(d.chain))
    first = order[0]
    where = first.frames[-1] if first.frames else None
    head = f"{d.stamp('%Y-%m-%d %H:%M:%S')} error: [{first.type}] {first.value}"
    if where is not None:
        head += f" in {where.file} on line {where.line}"
    lines = [head]
    for exc in order[1:]:
        at = exc.frames[-1] if exc.frames else None
        cause = f"Caused by: [{exc.type}] {exc.value}"
        lines.append(cause + (f" in {at.file} on line {at.line}" if at else ""))
    lines.append("Stack Trace:")
    lines.extend(f"- {f.file}:{f.line}" for f in reversed(first.frames))
    lines.append("")
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        lines.append(f"Request URL: {d.request_path}")
        lines.append(f"Client IP: 10.40.{d.rand.randint(0, 7)}.{d.rand.randint(2, 250)}")
    return "\n".join(lines), {"level": "error"}


def serilog_console(d: Delivery) -> tuple[str, Fields]:
    """``WriteTo.Console()`` with its default template ``[{Timestamp:HH:mm:ss} {Level:u3}]
    {Message:lj}{NewLine}{Exception}``: no date, no logger, the .NET 8 ``ToString()`` below."""
    level = str(d.opts.get("level", "ERR"))
    head = f"[{d.stamp('%H:%M:%S')} {level}] {d.log_message}"
    return head + "\n" + dotnet_core_trace(d.chain), {}


def eb_web_stdout(d: Delivery) -> tuple[str, Fields]:
    """``/var/log/web.stdout.log`` on an Amazon Linux 2023 Elastic Beanstalk instance: every
    line gunicorn's worker writes gets rsyslog's ``Mon dd HH:MM:SS host web[pid]:`` prefix;
    Django's ``django.request`` logger writes "Internal Server Error: <path>" over the
    traceback (the app's LOGGING sends it to the console with the default formatter). With
    ``half``, the one CloudWatch event a search on the exception's last line matched."""
    host = f"ip-172-31-{d.rand.randint(0, 47)}-{d.rand.randint(2, 250)}"
    pid = d.rand.randint(2000, 9000)
    stamp = d.stamp("%b %d %H:%M:%S")
    # syslog pads a one-digit day with a space.
    if stamp[4] == "0":
        stamp = stamp[:4] + " " + stamp[5:]
    prefix = f"{stamp} {host} web[{pid}]: "
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        head = f"Internal Server Error: {d.request_path}"
    else:
        head = d.log_message
    body = [head, *python_traceback(d.chain).split("\n")]
    if d.opts.get("half"):
        # CloudWatch keeps each line its own event: a search on the exception's line gets that one.
        body = body[-1:]
    return "\n".join(prefix + line for line in body), {"host": host}


FORMATS48: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "eq-cake-error": cake_error,
    "er-serilog-console": serilog_console,
    "es-eb-web-stdout": eb_web_stdout,
}
