"""Structure from text: stack traces and JSON log lines, read the same way for every source.

Plugins that receive a trace as text (a Splunk ``_raw`` row, a sample pasted in a monitor's
message, a legacy ``$exception_stack_trace_raw``, a manual report) turn it into the
``ExceptionInfo``/``Frame`` structures that SDKs send, so a trace seen as text and the same
trace sent as frames look alike to grouping.

- ``parse_trace(text)``: the exceptions of a text trace (``traces``).
- ``parse_log_line(text)``: a JSON log line's message, level, service, trace id, environment
  and exceptions (``logs``).
- ``log_message(line)``: a one-line text log record's message, without its time, level and
  logger (``logs``).
- ``first_statement(text)``: what a record of several lines in a format no parser reads says
  first (``logs``).
- ``trailing_error(line)``: the ``error=`` field a console renderer writes after a one-line
  record's message (``logs``).
- ``endpoint_name(text)``: a route or job name as every tool's spelling of it compares
  (``endpoints``).
- ``normal_level(word)``: a level word in ``FeedbackItem.level``'s vocabulary (``logs``).
"""

from .endpoints import endpoint_name, endpoint_verb
from .logs import (
    LogLine,
    first_statement,
    log_message,
    normal_level,
    parse_log_line,
    trailing_error,
)
from .traces import parse_trace

__all__ = [
    "LogLine",
    "endpoint_name",
    "endpoint_verb",
    "first_statement",
    "log_message",
    "normal_level",
    "parse_log_line",
    "parse_trace",
    "trailing_error",
]
