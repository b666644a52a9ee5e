"""blind113's log formats.

md (Malmsbury Lettings' tenant portal), ASP.NET Core 8 on Azure App Service for Linux:

- ``md-appsvc``: Serilog's ``CompactJsonFormatter`` on stdout (``@t``, ``@mt`` the message
  template unrendered, ``@l`` only when not Information, ``@x`` the exception's ``ToString()``,
  ``@r`` renderings of formatted properties where a template has them, then the properties and
  ``SourceContext``), one line per event, which the platform makes an ``AppServiceConsoleLogs``
  resource-log record (``time``, ``resourceId``, ``category``, ``operationName``, ``level``,
  ``resultDescription`` the line, ``containerId``, ``host``). Diagnostic settings stream the
  records to an Event Hub as ``{"records": [...]}``; the Splunk Add-on for Microsoft Cloud
  Services (``mscs:azure:eventhub``) indexes one record per event, or, on the staging input
  whose record splitting is off (``opts.kind`` ``batch``), the hub message's whole body. The
  Datadog Azure integration reads the same hub: the record's fields become attributes.

me (Marrick Moorings' berth bookings), Phoenix 1.7 and Oban on Fly.io:

- ``me-fly``: Fly's log stream as fly-log-shipper's Vector ``log_json`` transform makes it
  (``event.provider``, ``fly.app.name``/``instance``, ``fly.region``, ``host``,
  ``log.level``, ``message``, ``timestamp``), sent on by Vector's ``splunk_hec_logs`` sink
  (the event's JSON as ``_raw``) and ``datadog_logs`` sink. Fly cuts the machine's stdout into
  lines, so a multi-line Logger report arrives as one event per line: ``opts.part`` ``head``
  (the report's first line: ``[error] ** (KeyError) ...`` for a crashed request,
  ``[error] GenServer ... terminating``), ``banner`` (the ``** (Type) message`` line alone) or
  ``oban`` (Oban's default JSON job logger's ``job:exception`` line, ``error`` the banner, no
  stacktrace).

mf (Millbrook Vets' booking SPA), Angular 17 in the browser:

- ``mf-clienterr``: the team's ``ErrorHandler`` also posting the error to the API's
  ``/client-errors`` endpoint, which writes it to Splunk HEC as JSON: ``message``, the engine's
  own ``stack``, ``url``, ``userAgent``, ``release``, ``ngVersion``.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

# Records and user agents are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .delivery import Delivery
from .rand import stable_hex
from .traces import browser_stack, dotnet_core_trace, elixir_exception

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- md: Serilog CLEF in AppServiceConsoleLogs records ---------------------------------------

MD_SUB = "3F6A1C2E-8B7D-4E09-A5C3-92D14B7E6F08"


def _md_resource(d: Delivery) -> str:
    site = f"APP-MALMSBURY-{d.service.name.upper()}"
    return f"/SUBSCRIPTIONS/{MD_SUB}/RESOURCEGROUPS/RG-MALMSBURY-PROD/PROVIDERS/MICROSOFT.WEB/SITES/{site}"


def _azure_time(d: Delivery, shift: float = 0.0) -> str:
    when = d.when - shift
    return d.stamp("%Y-%m-%dT%H:%M:%S") + f".{int(when * 10_000_000) % 10_000_000:07d}Z"


def _clef(d: Delivery) -> dict[str, Any]:
    template = d.bug.log or "Unhandled exception"
    record: dict[str, Any] = {"@t": d.iso(7), "@mt": template, "@l": "Error"}
    if d.opts.get("clef") == "unhandled" or (not d.bug.log and d.bug.entry.startswith(_HTTP)):
        # ASP.NET Core's ExceptionHandlerMiddleware / DeveloperExceptionPage record.
        record["@mt"] = "An unhandled exception has occurred while executing the request."
        record["@x"] = dotnet_core_trace(d.chain)
        record["EventId"] = {"Id": 1, "Name": "UnhandledException"}
        record["SourceContext"] = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
    elif d.opts.get("clef") == "efcore":
        record["@mt"] = (
            "An exception occurred in the database while saving changes for context type "
            "'{contextType}'.{newline}{error}"
        )
        trace = dotnet_core_trace(d.chain)
        record["@x"] = trace
        record["contextType"] = "Malmsbury.Portal.Data.PortalDbContext"
        record["newline"] = "\n"
        record["error"] = trace
        record["EventId"] = {
            "Id": 10000,
            "Name": "Microsoft.EntityFrameworkCore.Update.SaveChangesFailed",
        }
        record["SourceContext"] = "Microsoft.EntityFrameworkCore.Update"
    else:
        record["@x"] = dotnet_core_trace(d.chain)
        for name in re.findall(r"\{([A-Z][A-Za-z]+)\}", template):
            record[name] = d.values["uuid"] if "Id" in name else d.values["id"]
        record["SourceContext"] = d.logger
    if d.bug.entry.startswith(_HTTP):
        record["RequestId"] = f"0HN{d.rand.alnum(9).upper()}:0000000{d.rand.randint(1, 9)}"
        record["RequestPath"] = d.request_path
        record["ConnectionId"] = f"0HN{d.rand.alnum(9).upper()}"
    else:
        record["JobName"] = d.bug.entry
    record["MachineName"] = f"{stable_hex(12, 'mdbox', d.release, d.index % 2)}"
    record["Application"] = d.service.name
    return record


def _md_record(d: Delivery, line: str, level: str = "Error", shift: float = 0.0) -> dict[str, Any]:
    return {
        "time": _azure_time(d, shift),
        "resourceId": _md_resource(d),
        "category": "AppServiceConsoleLogs",
        "operationName": "Microsoft.Web/sites/log",
        "level": level,
        "location": "UK South",
        "resultDescription": line,
        "containerId": stable_hex(64, "mdctr", d.service.name, d.release),
        "host": f"lw1sdlwk{stable_hex(6, 'mdhost', d.release, d.index % 3)}",
        "EventStampType": "Stamp",
        "EventPrimaryStampName": "waws-prod-ln1-063",
        "EventStampName": "waws-prod-ln1-063e",
        "EventIpAddress": f"10.50.{d.rand.randint(0, 15)}.{d.rand.randint(2, 250)}",
    }


def md_appsvc(d: Delivery) -> tuple[str, Fields]:
    line = _compact(_clef(d))
    record = _md_record(d, line)
    if d.opts.get("kind") == "batch":
        before = _compact(
            {
                "@t": d.iso(7),
                "@mt": "Request starting {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString} - {ContentType} {ContentLength}",
                "Protocol": "HTTP/1.1",
                "Method": d.bug.entry.split(" ", 1)[0] if d.bug.entry.startswith(_HTTP) else "POST",
                "Scheme": "https",
                "Host": "portal.malmsbury.example",
                "PathBase": "",
                "Path": d.request_path if d.bug.entry.startswith(_HTTP) else "/jobs",
                "QueryString": "",
                "EventId": {"Id": 1},
                "SourceContext": "Microsoft.AspNetCore.Hosting.Diagnostics",
            }
        )
        body = {"records": [_md_record(d, before, "Informational", 0.01), record]}
        return _compact(body), {"category": "AppServiceConsoleLogs"}
    return _compact(record), {"category": "AppServiceConsoleLogs", "level": "Error"}


# --- me: Elixir Logger lines through fly-log-shipper -----------------------------------------

_B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


def _me_app(d: Delivery) -> str:
    return f"marrick {d.company.releases[d.release]}"


def _me_line(d: Delivery) -> str:
    stamp = f"{d.stamp('%H:%M:%S')}.{d.millis}"
    part = str(d.opts.get("part", "head"))
    crash = elixir_exception(d.thrown, _me_app(d))
    banner = crash.split("\n", 1)[0]
    if part == "banner":
        return "    " + banner if d.bug.entry.startswith(_HTTP) else banner
    if part == "oban":
        worker = d.bug.entry
        job = {
            "args": json.loads(d.values.fill(str(d.opts.get("args", '{"id": {id}}')))),
            "attempt": d.rand.randint(1, 5),
            "duration": d.rand.randint(900, 480_000),
            "error": banner,
            "event": "job:exception",
            "id": d.rand.randint(100_000, 999_999),
            "kind": "error",
            "max_attempts": 20,
            "meta": {},
            "queue": str(d.opts.get("queue", "default")),
            "queue_time": d.rand.randint(200, 90_000),
            "source": "oban",
            "state": "failure",
            "tags": [],
            "worker": worker,
        }
        return f"{stamp} [error] {_compact(job)}"
    if d.opts.get("genserver"):
        return f"{stamp} [error] GenServer {d.opts['genserver']} terminating"
    if d.bug.entry.startswith(_HTTP):
        return f"{stamp} request_id={d.rand.alnum(20, _B64URL)} [error] {banner}"
    return f"{stamp} [error] {banner}"


def me_fly(d: Delivery) -> tuple[str, Fields]:
    line = _me_line(d)
    app = "marrick-web" if d.service.name == "marrick" else f"marrick-{d.service.name}"
    event = {
        "event": {"provider": "app"},
        "fly": {
            "app": {
                "instance": stable_hex(14, "mefly", d.service.name, d.release, d.index % 2),
                "name": app,
            },
            "region": d.rand.choice(("lhr", "lhr", "ams")),
        },
        "host": stable_hex(4, "mehost", d.release, d.index % 3),
        "log": {"level": "info"},
        "message": line,
        "timestamp": d.iso(9),
    }
    return _compact(event), {"fly.app.name": app}


# --- mf: the SPA's own client-error endpoint ---------------------------------------------------

_UA = {
    "chrome": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
    "edge": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.66",
    "firefox": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:123.0) Gecko/20100101 Firefox/123.0",
    "safari": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1",
}


def mf_clienterr(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    message = exc.value
    stack = browser_stack(exc, message, d.engine, d.service.origin, d.company.key, d.release)
    record = {
        "level": "error",
        "source": "browser",
        "message": message if exc.type == "Error" else f"{exc.type}: {message}",
        "name": exc.type,
        "stack": stack,
        "url": d.service.origin + (d.bug.page or "/"),
        "userAgent": _UA.get(d.browser, _UA["chrome"]),
        "release": d.company.releases[d.release],
        "ngVersion": "17.3.4",
        "ts": d.epoch_ms,
    }
    return _compact(record), {"source": "browser", "name": exc.type}


FORMATS113: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "md-appsvc": md_appsvc,
    "me-fly": me_fly,
    "mf-clienterr": mf_clienterr,
}

__all__ = ["FORMATS113"]
