"""JSON log lines: the message, level, logger, service, trace id, environment and exceptions
a structured logger wrote, whatever its field names.

``parse_log_line(text)`` promises:

- a ``LogLine`` when ``text`` is a JSON object, possibly after a short non-JSON prefix (a
  syslog or container-runtime header, up to ``MAX_PREFIX`` characters) and before trailing
  text; None otherwise (also for texts over ``MAX_CHARS``); it never raises;
- a line wrapped by a log shipper (``{"log": "{\\"level\\": ...}", "stream": "stderr"}``) is
  read through its wrapper, once;
- field names are matched without regard to case, dotted names both flat (``"error.kind"``,
  Datadog's ``"@error.kind"``) and nested (``{"error": {"kind": ...}}``);
- ``exceptions`` come from the line's exception fields (``log_errors`` says which and how:
  a formatted trace, an error object, frame lists, a bare type and message); a stack that
  states no headline (Firefox's ``error.stack``) takes its type and message from the fields
  beside it. With no exception field, a trace in the message itself is read.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import msgspec

from ..stacktrace import ExceptionInfo
from .endpoints import ENDPOINT_FIELDS
from .log_errors import exceptions_of
from .log_fields import Fields
from .traces import parse_trace, without_colors, without_program_head

log = logging.getLogger(__name__)

MAX_CHARS = 1024 * 1024
MAX_PREFIX = 256
#: Objects a prefix may contain before the line's own ("[{thread}] {...}").
_MAX_ATTEMPTS = 4

_MESSAGE_KEYS = (
    "message",
    "msg",
    "@m",
    "renderedmessage",
    "event",
    "log",
    "@message",
    "short_message",
    "body",
    "messagetemplate",
    "@mt",
    "text",
    "resultdescription",  # Azure Monitor's resource logs (App Service console lines)
)
_LEVEL_KEYS = (
    "level",
    "level.name",  # loguru's record: {"name": "ERROR", "no": 40, "icon": ...}
    "levelname",
    "log.level",
    "severity",
    "severity_text",
    "severitytext",
    "lvl",
    "@l",
    "loglevel",
    "level_name",
    "status",
)
_LOGGER_KEYS = (
    "logger",
    "logger_name",
    "loggername",
    "log.logger",
    "logger.name",
    "sourcecontext",
    "name",
)
_SERVICE_KEYS = (
    "service",
    "AppRoleName",
    "service.name",
    "dd.service",
    "app",
    "application",
    "app_name",
    "appname",
    "service_name",
    "servicename",
    "resource.service.name",
    "resource.labels.service_name",  # a Cloud Logging entry of Cloud Run
    "cf_app_name",  # Cloud Foundry's Loggregator envelope
)
_TRACE_KEYS = (
    "trace_id",
    "traceid",
    "dd.trace_id",
    "trace.id",
    "oteltraceid",
    "trace_id_hex",
    "logging.googleapis.com/trace",
)
_ENV_KEYS = (
    "env",
    "environment",
    "deployment.environment",
    "dd.env",
    "resource.deployment.environment",
)
# (Azure's console-log tables name it "Log", and "Log_s" once in Log Analytics.)
_WRAPPED = ("log", "message", "msg", "Log", "Log_s")
# The whole record as the logger's sink formatted it, its traceback included (loguru).
_FORMATTED_KEYS = ("text",)
# tracing-subscriber's JSON names the request a record was written in by its span's fields
# (tower-http's and axum's request spans: ``uri``, OpenTelemetry's ``http.route``).
_SPAN_ENDPOINT_FIELDS = ("span.http.route", "span.route", "span.uri", "span.path")

# pino and bunyan write levels as numbers.
_NUMERIC_LEVELS = {10: "trace", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "fatal"}
# Short and foreign spellings of a level, in ``FeedbackItem.level``'s words.
_LEVEL_WORDS = {
    "warn": "warning",
    "err": "error",
    "information": "info",
    "crit": "critical",
    "emerg": "emergency",
    "severe": "error",  # java.util.logging
}
_KNOWN_LEVELS = frozenset(
    {"trace", "debug", "info", "notice", "warning", "error", "critical", "fatal", "alert"}
    | {"emergency", "verbose", *_LEVEL_WORDS}
)

_DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class LogLine:
    message: str
    level: str | None
    logger: str | None
    service: str | None
    trace_id: str | None
    environment: str | None
    exceptions: list[ExceptionInfo]
    fields: dict[str, Any]
    #: The route or job the record was written under (see ``endpoints.endpoint_name``).
    endpoint: str | None = None


def parse_log_line(text: str) -> LogLine | None:
    """The JSON log line ``text`` holds (a JSON object, possibly after a short non-JSON
    prefix such as a syslog/timestamp header); None when it is not one. Never raises."""
    try:
        return _parse(text)
    except Exception:  # a bug here must cost one line its structure, not its delivery
        log.exception("could not read a log line of %d characters", len(text))
        return None


def _parse(text: str) -> LogLine | None:
    if len(text) > MAX_CHARS:
        return None
    text = without_colors(text)
    decoded = _decode(text) or _logfmt(text) or _xml_event(text)
    if decoded is None:
        return None
    obj, start, end = decoded
    records = obj.get("records")
    if isinstance(records, list) and records and isinstance(records[0], dict):
        # Azure Monitor's export batch (Event Hubs, a storage account): {"records": [...]},
        # one of them what failed, among requests and traces of the same seconds.
        return _chosen([_line(r, "", 0, 0) for r in records[:MAX_RECORDS] if isinstance(r, dict)])
    events = obj.get("logEvents")
    if isinstance(events, list) and events and isinstance(events[0], dict):
        # A CloudWatch Logs subscription's batch (through Firehose or a Lambda): each line a
        # container wrote is an event of its own; together they are the record (a panic and
        # its goroutine's frames, a traceback).
        said = [e["message"] for e in events[:MAX_EVENTS] if isinstance(e.get("message"), str)]
        return _parse("\n".join(said)) or _text_record("\n".join(said), obj)
    return _line(obj, text, start, end)


#: Events of one CloudWatch Logs batch read, at most.
MAX_EVENTS = 200


def _text_record(text: str, envelope: dict[str, Any]) -> LogLine:
    """A record of text lines a shipper's envelope carried: its first line is its message,
    its exceptions what the lines state."""
    fields = Fields(envelope)
    return LogLine(
        message=text.split("\n", 1)[0].strip(),
        level=None,
        logger=None,
        service=fields.text(_SERVICE_KEYS),
        trace_id=None,
        environment=None,
        exceptions=parse_trace(text),
        fields=envelope,
        endpoint=None,
    )


#: Records of one export batch read, at most.
MAX_RECORDS = 50
_FAILED_LEVELS = frozenset({"error", "critical", "fatal"})


def _chosen(lines: list[LogLine]) -> LogLine | None:
    """Of a batch's records, the first that states an error with its type, else the first
    logged as an error, else the first."""
    for line in lines:
        if any(e.type for e in line.exceptions):
            return line
    failed = (line for line in lines if line.level in _FAILED_LEVELS)
    return next(failed, lines[0] if lines else None)


def _line(obj: dict[str, Any], text: str, start: int, end: int) -> LogLine:
    """The record ``obj``, decoded from ``text[start:end]`` (what surrounds it may be a
    logger's head before it, or a trace after it)."""
    obj = _lifted(_unwrapped(obj))
    fields = Fields(obj)
    # zap's console encoder writes "time<TAB>level<TAB>caller<TAB>message<TAB>{fields}".
    message = fields.text(_MESSAGE_KEYS) or _tabbed_message(text[:start]) or ""
    exceptions = exceptions_of(fields)
    # A trace printed on the lines after the record (a Go panic after logrus' line), or in
    # the line as the logger's sink formatted it (loguru's ``text``).
    after_text = text[end:] if text[end:].strip() else fields.text(_FORMATTED_KEYS) or ""
    if not exceptions and after_text:
        exceptions = parse_trace(after_text)
    elif exceptions and not exceptions[-1].frames and after_text:
        # ...and prints the stack on the lines after the fields.
        after = parse_trace(after_text)
        frames = after[-1].frames if after else []
        if frames:
            exceptions[-1] = exceptions[-1].model_copy(update={"frames": frames})
    if not exceptions and message:
        exceptions = parse_trace(message)
    elif exceptions and message and not exceptions[-1].type and not exceptions[-1].value:
        # Frames that say nothing of what went wrong (Python's stack_info, a bare stack
        # field): the record's message does.
        exceptions[-1] = exceptions[-1].model_copy(update={"value": message})
    return LogLine(
        message=message,
        level=_level(fields),
        logger=fields.text(_LOGGER_KEYS),
        service=fields.text(_SERVICE_KEYS),
        trace_id=fields.text(_TRACE_KEYS),
        environment=fields.text(_ENV_KEYS),
        exceptions=exceptions,
        fields=obj,
        endpoint=fields.text(ENDPOINT_FIELDS) or fields.text(_SPAN_ENDPOINT_FIELDS),
    )


def _decode(text: str) -> tuple[dict[str, Any], int, int] | None:
    """The object the line holds, with where it starts and ends in ``text``."""
    if text.lstrip().startswith("[") and _is_json(text):
        return None  # a JSON array is JSON, not a prefix before an object
    start = text.find("{", 0, MAX_PREFIX + 1)
    for _ in range(_MAX_ATTEMPTS):
        if start < 0:
            return None
        found = _decode_at(text, start)
        if found is not None and isinstance(found[0], dict):
            return found[0], start, found[1]
        start = text.find("{", start + 1, MAX_PREFIX + 1)
    return None


# log4net's and log4j's XMLLayout: one <log4net:event> (or <log4j:event>) element a record.
_XML_EVENT = re.compile(
    r"<(?P<ns>log4net|log4j):event\b(?P<attributes>[^>]*)>(?P<body>.*?)</(?P=ns):event>", re.S
)
_XML_ATTRIBUTE = re.compile(r'([\w:]+)="([^"]*)"')
_XML_CHILD = re.compile(r"<(?:log4net|log4j):(message|exception|throwable)>(.*?)</", re.S)
_XML_DATA = re.compile(r'<(?:log4net|log4j):data name="([^"]*)" value="([^"]*)"')


def _xml_event(text: str) -> tuple[dict[str, Any], int, int] | None:
    """The fields of a log4net or log4j ``XMLLayout`` event: its attributes (logger, level,
    thread), its message, its exception's text and its properties, entities unescaped. Read
    with regular expressions, not an XML parser: a sender's text decides nothing here."""
    if "<log4" not in text or (found := _XML_EVENT.search(text)) is None:
        return None
    fields: dict[str, Any] = {
        name: html.unescape(value)
        for name, value in _XML_ATTRIBUTE.findall(found["attributes"])
        if not name.startswith("xmlns")
    }
    for name, value in _XML_DATA.findall(found["body"]):
        fields[name] = html.unescape(value)
    for name, value in _XML_CHILD.findall(found["body"]):
        text_value = value.removeprefix("<![CDATA[").removesuffix("]]>")
        fields["exception" if name == "throwable" else name] = html.unescape(text_value)
    return fields, found.start(), found.end()


# logfmt (Go's logrus text, Heroku): key=value or key="quoted value", space separated.
# (lograge's key=value quotes a value with spaces in single quotes: error='KeyError: x'.)
_LOGFMT_PAIR = re.compile(
    r"""([A-Za-z_@][\w.@-]*)=("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s"']*)(?=\s|$)"""
)


def _logfmt(text: str) -> tuple[dict[str, Any], int, int] | None:
    """A logfmt line's fields, when its first line is ``key=value`` pairs (three at least) up
    to its end, at its start or after a logger's short prefix (Ruby's Logger before lograge's
    pairs); quoted values unescaped as Go quotes them."""
    first = text.split("\n", 1)[0]
    pairs = list(_LOGFMT_PAIR.finditer(first))
    if len(pairs) < 3:
        return None
    start = pairs[0].start()
    gaps = [first[a.end() : b.start()].strip() for a, b in pairwise(pairs)]
    gaps.append(first[pairs[-1].end() :].strip())
    # A logger that prints values unquoted (go-kratos' std logger: "stack=error: code = 500
    # reason = X"), once three pairs in a row have shown the line is its fields: the words up
    # to the next pair are the value's.
    spaced = not any(gaps[:2]) and all(
        not g or pair.group(2)[:1] not in "\"'" for pair, g in zip(pairs, gaps, strict=True)
    )
    if start:
        # (After one word at most: the record's level, not a sentence that has an "=".)
        spaced = spaced and len(first[:start].split()) <= 1
        # After a prefix, only pairs to the end of the line: not a sentence that has an "=".
        if start > MAX_PREFIX or first[start - 1] not in " \t" or (any(gaps) and not spaced):
            return None
    fields: dict[str, Any] = {}
    for pair, gap in zip(pairs, gaps, strict=True):
        value = pair.group(2)
        if value.startswith('"'):
            try:
                value = json.loads(value)
            except ValueError:
                value = value[1:-1]
        elif value.startswith("'"):
            value = value[1:-1].replace("\\'", "'")
        elif gap and spaced:
            value = f"{value} {gap}" if value else gap
        fields[pair.group(1)] = value
    return fields, start, len(first)


def _tabbed_message(prefix: str) -> str | None:
    """The last field of a tab-separated record head (zap's console encoder): the message."""
    if "\t" not in prefix:
        return None
    fields = [part.strip() for part in prefix.split("\t") if part.strip()]
    return fields[-1] if len(fields) >= 2 else None


def _is_json(text: str) -> bool:
    try:
        msgspec.json.decode(text.strip())
    except (msgspec.MsgspecError, ValueError, RecursionError):
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            return False
    return True


def _decode_at(text: str, start: int) -> tuple[Any, int] | None:
    try:
        return msgspec.json.decode(text[start:].rstrip()), len(text)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        pass
    # Trailing text, NaN, lone surrogates: the standard library reads what msgspec refuses.
    try:
        value, end = _DECODER.raw_decode(text, start)
        return _without_surrogates(value), end
    except (ValueError, RecursionError):
        return None


def _without_surrogates(value: Any) -> Any:
    """JSON may escape half a surrogate pair ("\\ud83d"); no stored text can hold one."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _unwrapped(obj: dict[str, Any]) -> dict[str, Any]:
    """A shipper's wrapper around a JSON line (Docker's ``log``, a collector's ``message``)
    merged with the line inside it, the inner fields winning."""
    for key in _WRAPPED:
        inner = obj.get(key)
        if isinstance(inner, str) and inner.lstrip().startswith("{"):
            decoded = _decode(inner.strip())
            if decoded is not None:
                outer = {k: v for k, v in obj.items() if k != key}
                return {**outer, **decoded[0]}
    line = obj.get("line")
    if isinstance(line, str) and obj.get("source") in ("stdout", "stderr"):
        # Docker's Splunk logging driver: {"line": <the container's line>, "source":
        # "stderr", "tag": ...}; the line is the record, JSON or text.
        outer = {k: v for k, v in obj.items() if k != "line"}
        decoded = _decode(line.strip()) if line.lstrip().startswith("{") else None
        return {**outer, **decoded[0]} if decoded is not None else {**outer, "message": line}
    return obj


def _lifted(obj: dict[str, Any]) -> dict[str, Any]:
    """The line's fields at its top where a logger nests them: tracing-subscriber's JSON
    formatter writes an event's own fields (its ``message``, an ``error``) in a ``fields``
    object beside the record's ``timestamp``, ``level`` and ``target`` (the record's own win a
    clash); loguru's ``serialize=True`` writes ``{"text": <the formatted line>, "record":
    {...}}``, the record's ``extra`` holding what was bound to the logger (they lose one)."""
    if "cf_app_name" in obj and "job" in obj:
        # Cloud Foundry's Loggregator envelope (the Firehose nozzle's): its "job" is the
        # platform's VM that carried the line (diego_cell), no route or job of the app's.
        obj = {k: v for k, v in obj.items() if k not in ("job", "job_index")}
    data = obj.get("data")
    if isinstance(data, dict) and ("messageId" in obj or "publishTime" in obj):
        # A Pub/Sub message whole (Dataflow's Pub/Sub to Splunk template with
        # includePubsubMessage): the record is its data, the rest is the message's.
        return _lifted(_unwrapped(data))
    payload = obj.get("jsonPayload")
    if isinstance(payload, dict):
        # Google Cloud Logging's LogEntry (as exported to Pub/Sub, BigQuery, a SIEM): the
        # logger's record is its ``jsonPayload`` (a text line its ``textPayload``), the
        # entry's ``severity``, ``trace`` and ``resource`` around it.
        outer = {k: v for k, v in obj.items() if k != "jsonPayload"}
        if isinstance(trace := outer.pop("trace", None), str):
            # The entry's trace is what the record's special field becomes once written.
            outer["logging.googleapis.com/trace"] = trace
        return _lifted({**outer, **payload})
    properties = obj.get("properties")
    if isinstance(properties, dict) and "resourceId" in obj:
        # An Azure Monitor resource log (as Event Hubs exports it): the record of its
        # category (FunctionAppLogs' message, exceptionDetails...) under ``properties``.
        outer = {k: v for k, v in obj.items() if k != "properties"}
        return _unwrapped({**outer, **properties})
    text_payload = obj.get("textPayload")
    if isinstance(text_payload, str) and "message" not in obj:
        outer = {k: v for k, v in obj.items() if k != "textPayload"}
        return {**outer, "message": text_payload}
    record = obj.get("record")
    if isinstance(record, dict) and isinstance(obj.get("text"), str):
        extra = record.get("extra")
        bound = extra if isinstance(extra, dict) else {}
        return {**bound, **record, "text": obj["text"]}
    inner = obj.get("fields")
    if not isinstance(inner, dict) or not all(isinstance(key, str) for key in inner):
        return obj
    return {**inner, **obj}


def _level(fields: Fields) -> str | None:
    for path in _LEVEL_KEYS:
        value = fields.find(path)
        if isinstance(value, int) and not isinstance(value, bool) and value in _NUMERIC_LEVELS:
            return _NUMERIC_LEVELS[value]
        if isinstance(value, str) and value.strip():
            word = value.strip().lower()
            if path == "status" and word not in _KNOWN_LEVELS:
                continue  # an HTTP or job status, not a level
            return normal_level(word)
    return None


def normal_level(word: str) -> str:
    """A level in ``FeedbackItem.level``'s words: lower case, ``warn`` as ``warning``."""
    word = word.strip().lower()
    return _LEVEL_WORDS.get(word, word)


# The head of a text log record: its time (ISO, syslog's "Mar  3 10:05:25", Serilog console's
# "[21:54:25 WRN]") and/or its level.
_RECORD_HEAD = re.compile(
    r"^\s*(?:\[?(?:\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?(?: [+-]\d\d:?\d\d)?|"
    r"[A-Z][a-z]{2} +\d+ [\d:]+|[DIWEFAU], \[[^\]]*|\d\d:\d\d:\d\d(?:[.,]\d+)?)\]?\s+)?"
    # the level, with Laravel's channel before it ("production.ERROR:")
    r"(?:\[?(?:[\w-]+\.)?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|SEVERE|FATAL|CRITICAL"
    r"|VRB|DBG|INF|WRN|ERR|FTL)"  # Serilog's three letters
    r"(?:\]|\b):?\s*"
    # or in brackets in lower case, as Elixir's Logger writes it ("[error]"), and structlog's
    # console renderer, padded ("[error    ]")
    r"|\[(?:trace|debug|info|notice|warn|warning|error|critical|fatal) *\]:?\s*)",
)
# NestJS's ConsoleLogger: "[Nest] 1234  - 03/05/2026, 7:12:09 PM   ERROR [ExceptionsHandler] ".
_NEST_HEAD = re.compile(
    r"^\[Nest\]\s+\d+\s+-\s+\S+\s+[\d:.]+(?:\s*[AP]M)?\s+"
    r"(?:LOG|ERROR|WARN|DEBUG|VERBOSE|FATAL)\s+(?:\[[^\]\n]*\]\s*)?"
)
# Where the logger's own fields end and the message begins, by convention: Spring Boot and
# logback " : ", Ruby's Logger " -- : ", log4j and Python " - ".
_MESSAGE_AFTER = (" -- : ", " : ", " - ")
_BRACKETED_HEAD = re.compile(r"^(?:\[[^\]\n]{1,80}\]\s*){2,8}")
_LEVEL_IN_BRACKETS = re.compile(
    r"\[(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|SEVERE|FATAL|CRITICAL)\]", re.IGNORECASE
)
_TAGS = re.compile(r"^\s*(?:\[[^\]]*\]\s*)+")
# What may stand between the level and the message without a separator: "[thread]", a pid,
# "logger.name:" (Python's "%(levelname)s [%(name)s] %(message)s", "ERROR:root:..."), and
# JBoss/WildFly's "(thread)" after its "[category]" ("[io.undertow.request] (default task-7)").
# (Flask's default format names the module after the level: "ERROR in app: ".)
_LOGGER_FIELDS = re.compile(
    r"^(?:\[[^\]]*\]\s*|(?<=\] )\([^()\n]{1,80}\)\s+|\d+\s+|in\s+[\w.]+:\s+"
    r"|[\w.$-]+(?:::[\w.$-]+)*:(?:\s+|(?=[^\s:])))*"
)


# Elixir's Logger console default, "$time $metadata[$level] $message": "07:55:38.749
# request_id=F8x [error] ** (KeyError) key :berth not found".
_ELIXIR_HEAD = re.compile(
    r"^\d\d:\d\d:\d\d(?:\.\d+)?\s+(?:[\w.]+=\S+\s+)*"
    r"\[(?:debug|info|notice|warning|warn|error|critical|alert|emergency)\]\s+"
)
_DD_CONTEXT = re.compile(r"\[dd\.\w+=[^\]]*\]\s*")
_MONOLOG_TAIL = re.compile(r"\s+(?:\{.*\}|\[\])\s+(?:\{.*\}|\[\])$")
_TRACING_SPANS = re.compile(r"(?<=\s)(?:[A-Za-z_][\w:]*\{[^{}\n]*\}:)+\s+")


def log_message(line: str) -> str:
    """The message of a one-line text log record, without the time, level, pid, thread and
    logger its format put before it (``2026-03-08T08:12:59Z  WARN 1 --- [app] [main]
    c.k.Sftp : Slow upload`` is ``Slow upload``), and without the ``key=value`` fields a
    console renderer puts after it (``upload slow bytes=0 elapsed=<1 sec``); the line itself
    when it has neither."""
    line = without_program_head(without_colors(line).strip())
    if line.startswith("[Nest]") and (nest := _NEST_HEAD.match(line)) is not None:
        return line[nest.end() :].strip() or line
    if "[dd." in line:
        # ddtrace's log injection ("[dd.service=api dd.env=prod ... dd.span_id=0] - message"):
        # the tracing context, not the message's fields.
        line = _DD_CONTEXT.sub("", line)
    if "}:" in line:
        # tracing-subscriber's spans before the target: 'request{method=GET uri=/x}: '.
        line = _TRACING_SPANS.sub("", line, count=1)
    if line.endswith(("]", "}")):
        # Monolog's line format ends in the record's context and extra, as JSON ("[]" empty).
        line = _MONOLOG_TAIL.sub("", line)
    line = _without_trailing_fields(_without_nginx_context(line))
    if line.startswith("FATAL ERROR: "):
        return line  # V8's own words for a fatal error ("FATAL ERROR: Reached heap limit ...")
    head = _RECORD_HEAD.match(line)
    if head is None and (elixir := _ELIXIR_HEAD.match(line)) is not None:
        return line[elixir.end() :].strip() or line
    if head is None:
        # "[time] [PID 3368] [Thread-2] [logger] [WARNING] message": a format made of
        # bracketed fields, the level among them.
        fields = _BRACKETED_HEAD.match(line) if line.startswith("[") else None
        if fields is not None and _LEVEL_IN_BRACKETS.search(fields.group(0)):
            return line[fields.end() :].strip() or line
        return line
    rest = line[head.end() :]
    for separator in _MESSAGE_AFTER:
        before, found, after = rest.partition(separator)
        if found and after.strip() and len(before) < 200:
            # Rails' tagged logging puts the request id first: "[a98b3b92] message".
            return _TAGS.sub("", after).strip() or after.strip()
    return rest[_LOGGER_FIELDS.match(rest).end() :].strip() or line  # type: ignore[union-attr]


# Words of a line that says what went wrong, not a report's header ("=CRASH REPORT==== ...").
_FAILURE_WORDS = re.compile(
    r"\b(?:error|exception|fail\w*|fatal|panic\w*|time[ds]? ?out|refused|denied|invalid"
    r"|cannot|can't|unable|not found|undefined|abort\w*)\b",
    re.IGNORECASE,
)


def first_statement(text: str) -> str | None:
    """What a record of several lines in a format no parser reads says failed: the message of
    its first line that says so in words of failure (an Erlang crash report's "exception
    error: ..." under its header), else of its first line that says more than its logger's
    head; its error field, if it has one. None when none of its first lines says anything."""
    first: str | None = None
    for line in text.splitlines()[:20]:
        said = log_message(line).strip() if line.strip() else ""
        if len(said.split()) < 2 or not any(c.isalpha() for c in said):
            continue
        if said.startswith("=") and said.endswith("="):
            continue  # a report's header ("=ERROR REPORT==== 7-Mar-2026::02:51:39 ===")
        said = trailing_error(line.strip()) or said
        if _FAILURE_WORDS.search(said):
            return said
        first = first or said
    return first


def _without_nginx_context(line: str) -> str:
    """nginx's error log puts the request's context after the error: ``connect() failed (111:
    Connection refused) while connecting to upstream, client: 10.0.0.7, server: api, request:
    "POST /x HTTP/1.1", upstream: ...``; the error ends where it begins."""
    if ", client: " not in line or ", server: " not in line:
        return line
    return line.split(", client: ", 1)[0]


# A console renderer's error field after the message (zerolog, logrus, structlog):
# 'panic recovered error="assignment to entry in nil map" method=POST'.
_ERROR_FIELD = re.compile(
    r'\s(?i:error|err|exception|exc|panicerror)=(?:"(?P<quoted>(?:[^"\\]|\\.)+)"'
    r"|'(?P<single>(?:[^'\\]|\\.)+)'|(?P<bare>[^\s\"']+))"
)


def trailing_error(line: str) -> str | None:
    """The value of a one-line record's ``error=`` field (what failed, where the message says
    only that something did), else None."""
    if "=" not in line:
        return None
    line = without_colors(line)
    found = _ERROR_FIELD.search(line)
    if found is None:
        return None
    value = next(v for v in (found["quoted"], found["single"], found["bare"]) if v is not None)
    if found["bare"] is not None:
        # An unquoted value runs to the next field (apex/log's text handler quotes nothing:
        # 'error=geocode "TL14": json: cannot unmarshal ... lane_id=62549').
        rest = line[found.end() :]
        following = _TRAILING_FIELD.search(rest)
        value += rest[: following.start()] if following else rest
    return value.replace('\\"', '"').replace("\\'", "'").strip() or None


# " bytes=", " elapsed=": a field's name after the message. Values may hold spaces
# ("bytes=1,234 bytes (1.21 KB)"), so the message ends where the first of them starts.
_TRAILING_FIELD = re.compile(r"\s(?=[A-Za-z_][\w.]*=[^=\s])")


def _outside_parts(before: str) -> bool:
    """Whether the text after ``before`` is outside its parentheses and double quotes."""
    return before.count("(") <= before.count(")") and before.count('"') % 2 == 0


def _without_trailing_fields(line: str) -> str:
    """``line`` without the ``key=value`` fields after its message, when two at least follow
    a message of two words or more (one ``x=y`` may be part of a sentence)."""
    if line.count("=") < 2:
        return line
    # (A "key=value" inside the message's parentheses or quotes is the message's own:
    # urllib3's "HTTPSConnectionPool(host='x', port=443): Read timed out. (read timeout=15)".)
    starts = [
        m.start() for m in _TRAILING_FIELD.finditer(line) if _outside_parts(line[: m.start()])
    ]
    if len(starts) < 2 or len(line[: starts[0]].split()) < 2:
        return line
    return line[: starts[0]].rstrip()
