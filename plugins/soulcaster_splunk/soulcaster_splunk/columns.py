"""The typed fields a result row states in columns of its own.

Splunk extracts a JSON event's keys as fields (``service``, ``dd.trace_id``, ``error.kind``...),
and ``table``/``stats`` searches return them as columns without ``_raw``. The names are those of
the common JSON loggers and tracers (Datadog's ``error.*`` and ``dd.*``, OpenTelemetry's
``exception.*`` and ``trace_id``, structlog's and logrus' ``level``, ``exc_info``, ``stack``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from soulcaster_core.parsing import normal_level, parse_trace
from soulcaster_core.parsing.endpoints import ENDPOINT_FIELDS
from soulcaster_core.stacktrace import ExceptionInfo, described

_SERVICE = ("service", "service.name", "dd.service", "service_name", "app_name", "application")
_TRACE_ID = ("trace_id", "dd.trace_id", "trace.id", "traceId", "traceid", "otel.trace_id")
_ENVIRONMENT = ("env", "environment", "dd.env", "deployment.environment")
# Not "status": in web logs it is the HTTP status.
_LEVEL = ("level", "log_level", "loglevel", "log.level", "levelname", "severity")
_ERROR_TYPE = (
    "error.kind",
    "error.type",
    "exception.type",
    "exc_type",
    "error_type",
    "error.class",
    "exception_type",
    "exception_class",
    "error_class",
    # A stats row's "the last one seen" column ("stats latest(exc_type) as last_exception").
    "last_exception",
    "last_error_type",
)
_ERROR_MESSAGE = (
    "error.message",
    "exception.message",
    "error_message",
    "exc_message",
    "error.msg",
    # A stats row's "the last one seen" column ("stats latest(err) as last_error").
    "last_error",
    "last_error_message",
)
_STACK = (
    "error.stack",
    "exception.stacktrace",
    "stack_trace",
    "stacktrace",
    "stack",
    "exc_info",
    "exception",
    "err",
)
_MESSAGE = ("message", "msg", "log.message")


@dataclass(slots=True)
class Columns:
    exceptions: list[ExceptionInfo] = field(default_factory=list)
    #: The column holding the exceptions' formatted stack, if one did.
    stack_column: str | None = None
    message: str | None = None
    service: str | None = None
    trace_id: str | None = None
    environment: str | None = None
    level: str | None = None
    #: The route or job the row counts or logs (``stats count by job``).
    endpoint: str | None = None


_NOTHING = Columns()


def _spelt(name: str) -> str:
    """A column's name as the tables below spell it: searches name their fields in every
    case and separator (``ExceptionType``, ``exception_type``, ``RequestPath``)."""
    return name.lower().replace("_", "").replace(".", "").replace("-", "")


#: Each known column name (as ``_spelt``): the role it plays and its rank among that role's
#: names (the best rank where two names are spelt alike).
_ROLES: dict[str, tuple[str, int]] = {
    _spelt(name): (role, rank)
    for role, names in (
        ("service", _SERVICE),
        ("trace_id", _TRACE_ID),
        ("environment", _ENVIRONMENT),
        ("level", _LEVEL),
        ("type", _ERROR_TYPE),
        ("value", _ERROR_MESSAGE),
        ("message", _MESSAGE),
        ("endpoint", ENDPOINT_FIELDS),
    )
    for rank, name in reversed(list(enumerate(names)))
}
_STACK_RANK = {_spelt(name): rank for rank, name in reversed(list(enumerate(_STACK)))}


def read_columns(fields: Mapping[str, str | list[str]]) -> Columns:
    """What ``fields`` (a row without Splunk's default fields) says, by the usual names."""
    # A row has a few fields and there are many names: look each field up, not each name.
    found: dict[str, tuple[int, str]] = {}
    stacks: list[tuple[int, str]] = []
    for name, value in fields.items():
        spelt = _spelt(name)
        if spelt in _STACK_RANK:
            if text := _text(value, "\n"):
                stacks.append((_STACK_RANK[spelt], name))
            continue
        role = _ROLES.get(spelt)
        if role is None:
            continue
        text = _text(value, None)
        if text and (role[0] not in found or role[1] < found[role[0]][0]):
            found[role[0]] = (role[1], text)
    if not found and not stacks:
        return _NOTHING
    get = {role: text for role, (_, text) in found.items()}.get
    exceptions, stack_column = _exceptions(fields, sorted(stacks), get("type"), get("value"))
    level = get("level")
    return Columns(
        exceptions=exceptions,
        stack_column=stack_column,
        message=get("message"),
        service=get("service"),
        trace_id=get("trace_id"),
        environment=get("environment"),
        level=normal_level(level) if level else None,
        endpoint=get("endpoint"),
    )


def _exceptions(
    fields: Mapping[str, str | list[str]],
    stacks: list[tuple[int, str]],
    kind: str | None,
    value: str | None,
) -> tuple[list[ExceptionInfo], str | None]:
    for _, name in stacks:
        if (stack := _text(fields.get(name), "\n")) and (chain := parse_trace(stack)):
            return described(chain, kind, value), name
    if kind or value:
        return [ExceptionInfo(type=kind, value=value, frames=[])], None
    return [], None


def _text(value: str | list[str] | None, joiner: str | None) -> str | None:
    """A value's text; of a multivalue field, the first value, or all of them joined."""
    if isinstance(value, list):
        values = [v for v in value if v.strip()]
        if not values:
            return None
        value = joiner.join(values) if joiner is not None else values[0]
    if value is None:
        return None
    return value.strip() or None
