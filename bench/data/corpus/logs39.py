"""blind39's log formats: Ruby's stdlib ``Logger`` default format under a Grape API and
Sidekiq 7's own error handler lines (dp); Windows Event Log records of .NET 6's EventLog
logging provider as Splunk's WinEventLog input writes them, and ElmahCore's XML error file
(dq); Python ``SysLogHandler`` lines as rsyslog stores them, newlines escaped ``#012``, in the
traditional and the RFC 5424 file formats (dr).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from .delivery import Delivery
from .model import Exc, Frame
from .traces import dotnet_core_trace, python_traceback

Fields = dict[str, str]


def _rb_path(f: Frame) -> str:
    """A Grape app's image keeps the code under /app (no Rails, so no backtrace cleaner),
    gems under the bundle path."""
    return ("/app/" if f.in_app else "/usr/local/bundle/gems/") + f.file


def _rb_backtrace(exc: Exc) -> list[str]:
    return [f"{_rb_path(f)}:{f.line}:in `{f.function}'" for f in reversed(exc.frames)]


def _rb_name(exc: Exc) -> str:
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def ruby_logger(d: Delivery) -> tuple[str, Fields]:
    """``Logger::Formatter``: ``%s, [%s #%d] %5s -- %s: %s`` with the exception passed as the
    message (``logger.error(e)`` in Grape's ``rescue_from :all``): ``message (Class)`` and the
    whole backtrace, one frame a line. No progname: ``-- : ``."""
    exc = d.thrown
    stamp = d.stamp("%Y-%m-%dT%H:%M:%S") + f".{d.millis}{d.rand.randint(100, 999)}"
    head = f"E, [{stamp} #{d.rand.randint(7, 60)}] ERROR -- : {exc.value} ({_rb_name(exc)})"
    return "\n".join([head, *_rb_backtrace(exc)]), {"severity": "ERROR"}


def sidekiq_warn(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 7's default error handler logs three WARN events (the context JSON, ``Class:
    message``, the backtrace); the saved search joins them by ``tid`` (``transaction``)."""
    exc = d.thrown
    stamp = d.stamp("%Y-%m-%dT%H:%M:%S") + f".{d.millis}Z"
    pid = d.rand.randint(7, 40)
    tid, jid = d.rand.alnum(4, "abcdefghijklmnopqrstuvwxyz0123456789"), d.rand.hex(24)
    prefix = f"{stamp} pid={pid} tid={tid} class={d.bug.entry} jid={jid}"
    queue = str(d.opts.get("queue", "default"))
    ctx = (
        f'{{"context":"Job raised exception","job":{{"retry":true,"queue":"{queue}",'
        f'"class":"{d.bug.entry}","args":[{d.values["id"]}],"jid":"{jid}",'
        f'"retry_count":{d.rand.randint(0, 12)}}}}}'
    )
    lines = [
        f"{prefix} elapsed={d.rand.randint(1, 90)}.{d.rand.randint(100, 999)} WARN: {ctx}",
        f"{prefix} WARN: {_rb_name(exc)}: {exc.value}",
        f"{prefix} WARN: " + "\n".join(_rb_backtrace(exc)),
    ]
    return "\n".join(lines), {"class": d.bug.entry, "queue": queue}


# Kestrel's and IIS's connection ids: "0HN" and base-32 digits.
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUV0123456789"


def _eventlog_message(d: Delivery, category: str, event_id: int, message: str) -> str:
    """``EventLogLogger.WriteMessage``: category, event id, the scopes, the message, then
    ``Exception: `` and ``Exception.ToString()``."""
    scopes = ""
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ")):
        scopes = (
            f"SpanId:{d.rand.hex(16)}\nTraceId:{d.rand.hex(32)}\nParentId:{'0' * 16}\n"
            f"ConnectionId:0HN{d.rand.alnum(9, _BASE32)}\n"
            f"RequestId:0HN{d.rand.alnum(9, _BASE32)}:0000000{d.rand.randint(1, 9)}\n"
            f"RequestPath:{d.request_path}\n"
        )
    return (
        f"Category: {category}\nEventId: {event_id}\n{scopes}\n{message}\n\n"
        f"Exception: \n{dotnet_core_trace(d.chain)}"
    )


def wineventlog(d: Delivery) -> tuple[str, Fields]:
    """Splunk's ``WinEventLog:Application`` classic text: the header lines, then ``Message=``
    and the provider's multi-line message (source ``.NET Runtime``, event 1000 on .NET 6)."""
    category = str(d.opts.get("category", d.bug.logger or d.logger))
    event_id = int(str(d.opts.get("event_id", 1)))
    message = d.log_message
    body = _eventlog_message(d, category, event_id, message)
    host = str(d.opts.get("computer", f"IIS-WEB{d.rand.randint(1, 4):02d}"))
    raw = "\n".join(
        [
            d.stamp("%m/%d/%Y %I:%M:%S %p"),
            "LogName=Application",
            "EventCode=1000",
            "EventType=2",
            f"ComputerName={host}.corp.dunsop.example",
            "SourceName=.NET Runtime",
            "Type=Error",
            f"RecordNumber={d.rand.randint(100_000, 999_999)}",
            "Keywords=Classic",
            "TaskCategory=None",
            "OpCode=Info",
            f"Message={body}",
        ]
    )
    return raw, {"EventCode": "1000", "SourceName": ".NET Runtime", "ComputerName": host}


def elmah_xml(d: Delivery) -> tuple[str, Fields]:
    """An ElmahCore XML error file (``App_Data/errors/error-<time>-<guid>.xml``) indexed
    whole: the detail is ``Exception.ToString()`` inside an attribute, CR LF escaped."""
    exc = d.thrown
    detail = dotnet_core_trace(d.chain).replace("\n", "\r\n")
    host = f"IIS-WEB{d.rand.randint(1, 4):02d}"
    source = exc.frames[-1].module.rsplit(".", 1)[0] if exc.frames else d.service.name
    attrs = {
        "errorId": d.rand.uuid(),
        "application": "/LM/W3SVC/2/ROOT",
        "host": host,
        "type": exc.type,
        "message": exc.value,
        "source": source,
        "detail": detail,
        "user": f"DUNSOP\\{d.rand.choice(('jwalsh', 'mokafor', 'lhughes', 'spatel'))}",
        "time": d.iso(7),
        "statusCode": "500",
    }
    # XmlWriter's attribute escaping: quotes, angle brackets, CR and LF as character references.
    entities = {'"': "&quot;", "\r": "&#xD;", "\n": "&#xA;"}
    text = " ".join(f'{k}="{escape(v, entities)}"' for k, v in attrs.items())
    path = d.request_path if " " in d.bug.entry else "/"
    method = d.bug.entry.split(" ")[0]
    raw = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<error {text}>\n  <serverVariables>\n'
        f'    <item name="PATH_INFO">\n      <value string="{path}" />\n    </item>\n'
        f'    <item name="REQUEST_METHOD">\n      <value string="{method}" />\n    </item>\n'
        f"  </serverVariables>\n</error>"
    )
    return raw, {"type": exc.type, "host": host}


def _escaped(text: str) -> str:
    """rsyslog's ``$EscapeControlCharactersOnReceive``: a newline becomes ``#012``."""
    return text.replace("\n", "#012")


def _py_message(d: Delivery) -> tuple[str, str]:
    """The logger's name and message a syslog line carries for this delivery."""
    if d.service.framework == "rq":
        job = d.rand.uuid()
        text = (
            f"[Job {job}]: exception raised while executing ({d.bug.entry})\n"
            + python_traceback(d.chain)
        )
        return "rq.worker", text
    url = f"https://{d.company.domain.replace('.example', '')}.example{d.request_path}"
    # pyramid_exclog: the URL between blank lines, then the traceback.
    return "exc_logger", f"\n\n{url}\n\n" + python_traceback(d.chain)


def syslog_bsd(d: Delivery) -> tuple[str, Fields]:
    """rsyslog's ``RSYSLOG_TraditionalFileFormat``: ``Mmm dd HH:MM:SS host tag[pid]: msg``,
    the handler's formatter ``%(name)s %(levelname)s %(message)s``."""
    logger, text = _py_message(d)
    day = d.stamp("%b ") + d.stamp("%d").lstrip("0").rjust(2) + d.stamp(" %H:%M:%S")
    host = d.host
    tag = "rq" if d.service.framework == "rq" else "gunicorn"
    raw = f"{day} {host} {tag}[{d.rand.randint(8, 400)}]: {logger} ERROR {_escaped(text)}"
    return raw, {"process": tag}


def syslog_5424(d: Delivery) -> tuple[str, Fields]:
    """The same handler through rsyslog's ``RSYSLOG_SyslogProtocol23Format`` on the newer
    hosts: ``<PRI>1 timestamp host app procid - - msg``; error from facility local0."""
    logger, text = _py_message(d)
    tag = "rq" if d.service.framework == "rq" else "gunicorn"
    raw = (
        f"<131>1 {d.iso(6, z=False)} {d.host} {tag} {d.rand.randint(8, 400)} - - "
        f"{logger} ERROR {_escaped(text)}"
    )
    return raw, {"appname": tag}


FORMATS39: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "dp-ruby-logger": ruby_logger,
    "dp-sidekiq-warn": sidekiq_warn,
    "dq-wineventlog": wineventlog,
    "dq-elmah-xml": elmah_xml,
    "dr-syslog": syslog_bsd,
    "dr-syslog-5424": syslog_5424,
}
