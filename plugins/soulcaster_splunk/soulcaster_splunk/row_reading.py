"""What a result row says went wrong: its problem, a readable text, and its typed fields.

A row is one of three things. An event whose ``_raw`` is a JSON log line: the shared parser
reads it, and the text becomes the message, the traceback and the other fields, not an escaped
JSON dump. An event whose ``_raw`` is text: a multi-line one may be a stack trace under a log
prefix, read by the shared parser; the text stays as it was. A ``table``/``stats`` row without
``_raw``: its columns, without Splunk's default fields. Columns named like the common loggers'
fields (``service``, ``trace_id``, ``error.kind``...) fill what the event itself did not say.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from soulcaster_core.parsing import (
    LogLine,
    first_statement,
    log_message,
    normal_level,
    parse_log_line,
    parse_trace,
    trailing_error,
)
from soulcaster_core.stacktrace import ExceptionInfo, format_exceptions

from .alert import Row
from .columns import Columns, read_columns
from .default_fields import split_row

# The level word of a text log line's prefix ("2024-03-14 13:39:57,114 ERROR [main] ..."),
# or Serilog's three letters ("[ERR]").
_LEVEL_WORD = re.compile(
    r"\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL|SEVERE)\b"
    r"|\[(VRB|DBG|INF|WRN|ERR|FTL)\]"
)
_SERILOG = {
    "VRB": "verbose",
    "DBG": "debug",
    "INF": "info",
    "WRN": "warning",
    "ERR": "error",
    "FTL": "fatal",
}
#: How far into a line a JSON object may start (``2024-03-06T08:31:12Z stdout F {...}``).
_MAX_PREFIX = 256
#: Other fields of a JSON log line shown in the text: enough for context, not a dump.
_MAX_FIELD_LINES = 30
_MAX_FIELD_CHARS = 300


@dataclass(slots=True)
class RowReading:
    #: The problem the row states (an exception's headline, a log message), else None.
    problem: str | None
    #: The row as a person reads it.
    text: str
    #: What the row says, without the context around it (a JSON line's other fields): what
    #: grouping reads. The same as ``text`` for text events and tables.
    statement: str
    exceptions: list[ExceptionInfo] = field(default_factory=list)
    service: str | None = None
    trace_id: str | None = None
    environment: str | None = None
    level: str | None = None
    #: The route or job a JSON log record was written under.
    endpoint: str | None = None
    #: Splunk's default fields of the row (``_raw`` aside).
    default_fields: Row = field(default_factory=dict)


def read_row(row: Row) -> RowReading:
    own, default = split_row(row)
    columns = read_columns(own)
    raw = row.get("_raw")
    # _raw is multivalue only after mvcombine-style searches; keep one event per line.
    raw_text = raw if isinstance(raw, str) else "\n".join(raw) if raw else ""
    line = parse_log_line(raw_text) if _json_line(raw_text) else None
    if line is not None and (line.message or line.exceptions):
        exceptions = line.exceptions or columns.exceptions
        if not exceptions or not (exceptions[-1].type or exceptions[-1].value):
            exceptions = _records_trace(raw_text) or exceptions
        if not exceptions and "\n" not in line.message.strip():
            # A record without an error states what went wrong in its message (a warning's
            # "upload slow ..."): that, not its logger's name before it, is what grouping reads.
            exceptions = [ExceptionInfo(type=None, value=line.message.strip(), frames=[])]
        statement, text = _log_line_texts(line)
        return RowReading(
            problem=_headline(exceptions) or line.message or columns.message,
            text=text,
            statement=statement,
            exceptions=exceptions,
            service=line.service or columns.service,
            trace_id=line.trace_id or columns.trace_id,
            environment=line.environment or columns.environment,
            level=line.level or columns.level,
            endpoint=line.endpoint or columns.endpoint,
            default_fields=default,
        )
    if raw_text:
        chain = parse_trace(raw_text) if "\n" in raw_text.strip() else _joined_trace(raw_text)
        head = raw_text.strip().split("\n", 1)[0]
        # Frames printed under a record that names its error in a field of the first line
        # (Temporal's 'Activity panic. ... PanicError="..." PanicStack=').
        unsaid = bool(chain) and not (chain[-1].type or chain[-1].value)
        failed = trailing_error(head) if unsaid else None
        if failed is None and unsaid and all(f.in_app is False for f in chain[-1].frames):
            # Frames of libraries only, which tell nothing apart, under a message that says
            # what failed ("PATCH /api/bookings/:ref failed error: duplicate key ...": pg's
            # error, whose type the parser cannot tell from a word): the message is the error.
            failed = log_message(head)
        if failed is not None:
            chain[-1] = chain[-1].model_copy(update={"value": failed})
        exceptions = chain or columns.exceptions
        # A one-line record states its problem in its message, after the logger's fields.
        said = log_message(raw_text) if "\n" not in raw_text.strip() else raw_text.strip()
        problem = _headline(exceptions) or (said if said != raw_text.strip() else None)
        if not exceptions and said and "\n" not in said.strip():
            # What failed, as a monitor's quoted sample is: the line, not the search that
            # found it (one search finds many problems). The title stays the search's. A
            # record that says only that something failed names it in its error field.
            failed = trailing_error(raw_text.strip()) or said.strip()
            exceptions = [ExceptionInfo(type=None, value=failed, frames=[])]
        elif not exceptions and (first := first_statement(raw_text)) is not None:
            # A record of several lines in a format no parser reads: its first line that says
            # something is what failed, not the search that found it (the search's name would
            # make one problem of every row it returns); the title too.
            exceptions = [ExceptionInfo(type=None, value=first, frames=[])]
            problem = problem or first
        return RowReading(
            problem=problem,
            text=raw_text,
            statement=raw_text,
            exceptions=exceptions,
            service=columns.service,
            trace_id=columns.trace_id,
            environment=columns.environment,
            level=columns.level or _prefix_level(raw_text),
            endpoint=columns.endpoint or _head_endpoint(head, exceptions),
            default_fields=default,
        )
    text = _columns_text(own, columns)
    return RowReading(
        problem=_headline(columns.exceptions) or columns.message,
        text=text,
        statement=text,
        exceptions=columns.exceptions,
        service=columns.service,
        trace_id=columns.trace_id,
        environment=columns.environment,
        level=columns.level,
        endpoint=columns.endpoint,
        default_fields=default,
    )


def _records_trace(raw: str) -> list[ExceptionInfo]:
    """The error that a run of JSON records, one a line, states across their messages (Sidekiq's
    JSON logger: the job's context, then "Type: message", then the backtrace, each a record)."""
    lines = [line for line in raw.splitlines() if line.strip()]
    if len(lines) < 2 or not all(line.lstrip().startswith("{") for line in lines):
        return []
    messages = [record.message for line in lines if (record := parse_log_line(line)) is not None]
    chain = parse_trace("\n".join(messages))
    return chain if chain and (chain[-1].type or chain[-1].value) else []


def render_fields(row: Row) -> str:
    """``name=value`` lines, sorted, for rows without ``_raw`` (stats, table, chart).

    Empty values are fields the row did not fill, so they are left out. Multivalue fields
    read ``name=a, b``.
    """
    lines = []
    for name in sorted(row, key=lambda n: (n.lower(), n)):
        value = row[name]
        text = value if isinstance(value, str) else ", ".join(v for v in value if v)
        if text:
            lines.append(f"{name}={text}")
    return "\n".join(lines)


# (After the record's level, as go-kratos' std logger writes it: "ERROR ts=... caller=...".)
_LOGFMT_START = re.compile(r'(?:[A-Z]{3,8}\s+)?[a-z_]+="?[^\s"]*"?\s+[a-z_.]+=\S')


def _json_line(raw: str) -> bool:
    """A JSON object, alone or after a container runtime's or syslog's short prefix, or a
    logfmt record.

    A text line that merely quotes an object ("rejected payload {...} from web-1") is not one.
    """
    if raw.lstrip().startswith(("{", "<log4net:event", "<log4j:event")):
        return True  # (or log4net's and log4j's XMLLayout event)
    first = raw.split("\n", 1)[0].rstrip()
    if _LOGFMT_START.match(first):
        return True  # logfmt (logrus text): key=value fields from the start or the level
    return first.endswith("}") and "{" in first[:_MAX_PREFIX]


def _columns_text(own: Row, columns: Columns) -> str:
    """The fields; a stack among them goes below, as a traceback reads."""
    if columns.stack_column is None:
        return render_fields(own)
    stack = own[columns.stack_column]
    trace = stack if isinstance(stack, str) else "\n".join(stack)
    rest = {name: value for name, value in own.items() if name != columns.stack_column}
    return f"{render_fields(rest)}\n\n{trace.strip()}" if rest else trace.strip()


def _headline(exceptions: list[ExceptionInfo]) -> str | None:
    return (exceptions[-1].headline() or None) if exceptions else None


def _prefix_level(raw: str) -> str | None:
    match = _LEVEL_WORD.search(raw, 0, raw.find("\n") if "\n" in raw else len(raw))
    if match is None:
        return None
    return normal_level(match[1] or _SERILOG[match[2]])


def _log_line_texts(line: LogLine) -> tuple[str, str]:
    """The message (after its level and logger) and the traceback; and those with the line's
    other fields below them."""
    head = line.message or _headline(line.exceptions) or ""
    if line.logger:
        head = f"{line.logger}: {head}"
    if line.level:
        head = f"{line.level.upper()} {head}"
    trace_key, trace = _trace_field(line.fields)
    if trace is None and any(exc.frames for exc in line.exceptions):
        trace = format_exceptions(line.exceptions)
    shown = {line.message, line.logger, trace}
    rest = _field_lines(line.fields, skip_key=trace_key, skip_values=shown, level=line.level)
    statement = "\n\n".join(part for part in (head, trace) if part)
    return statement, f"{statement}\n\n{rest}" if rest else statement


def _trace_field(fields: dict[str, Any]) -> tuple[str | None, str | None]:
    """The longest multi-line text of the line (or of an object in it): its traceback."""
    best: tuple[str | None, str | None] = (None, None)
    for key, value in fields.items():
        values = value.items() if isinstance(value, dict) else [(None, value)]
        for sub, text in values:
            if isinstance(text, str) and "\n" in text.strip() and len(text) > len(best[1] or ""):
                best = (f"{key}.{sub}" if sub else key, text.strip("\n"))
    return best


def _field_lines(
    fields: dict[str, Any], *, skip_key: str | None, skip_values: set[str | None], level: str | None
) -> str:
    lines: list[str] = []
    for key, value in _flat(fields):
        if key == skip_key or value is None or value == "":
            continue
        if isinstance(value, str) and value in skip_values:
            continue
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if level and text.lower() == level:
            continue  # shown in the first line
        if len(text) > _MAX_FIELD_CHARS:
            text = text[: _MAX_FIELD_CHARS - 1] + "…"
        lines.append(f"{key}: {text}")
        if len(lines) == _MAX_FIELD_LINES:
            lines.append("…")
            break
    return "\n".join(lines)


def _flat(fields: dict[str, Any]) -> list[tuple[str, Any]]:
    # One level of nesting reads as dotted names ("error.kind: KeyError"); deeper stays JSON.
    flat: list[tuple[str, Any]] = []
    for key, value in fields.items():
        if isinstance(value, dict):
            flat.extend((f"{key}.{sub}", inner) for sub, inner in value.items())
        else:
            flat.append((str(key), value))
    return flat


def _head_endpoint(head: str, exceptions: list[ExceptionInfo]) -> str | None:
    """The task a failure's first line names in its ``key=value`` fields (``ActivityType=``),
    for a record that states an error: other lines' fields are no failure's."""
    if not exceptions or "=" not in head:
        return None
    line = parse_log_line(head)
    return line.endpoint if line is not None else None


def _joined_trace(line: str) -> list[ExceptionInfo]:
    """The trace a one-line record holds when its logger joined the frames onto the line
    (Action Cable's ``frame | frame``, an escaped ``\\n``): two frames at least, or a typed
    exception at one file and line. A line with one frame-like part is a log line, nothing
    more."""
    chain = parse_trace(line)
    if not chain:
        return []
    thrown = chain[-1]
    # (Or one located exception: PHP's "PHP Warning:  ... in /x.php on line 12".)
    located = thrown.type and len(thrown.frames) == 1 and thrown.frames[0].lineno is not None
    return chain if len(thrown.frames) >= 2 or located else []
