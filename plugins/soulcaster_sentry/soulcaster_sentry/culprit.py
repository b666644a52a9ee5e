"""Where an issue happened when Sentry sends no frames: the issue's metadata and its culprit.

An ``issue`` webhook carries no stack trace, but ``metadata`` names the crash location Sentry
computed from the event (``filename``, ``function``: the innermost in-app frame) and
``culprit`` writes it the way ``Frame.get_culprit_string`` does in Sentry:

- ``billing.invoices in finalize_invoice``: module (or file) ``in`` function, most platforms;
- ``ProductList(src/ProductList.tsx)``: function(module or file), JavaScript and Node;
- ``/api/orders/{id}``: a transaction name, for issues whose events had no frames.

Only Sentry writes culprits, so this reading lives in the Sentry plugin and not in the core.
"""

from __future__ import annotations

import re

from soulcaster_core.stacktrace import ExceptionInfo, Frame

_IN = re.compile(r"^(?P<where>\S+) in (?P<function>\S.*)$")
_CALL = re.compile(r"^(?P<function>[^\s()]+)\((?P<where>[^()]*)\)$")
#: What Sentry writes when it does not know the function.
_UNKNOWN_FUNCTIONS = frozenset({"?", "<anonymous>", "anonymous", "<unknown>"})
#: File name endings that tell a path without a slash ("invoices.py") from a dotted module.
_SOURCE_FILE = re.compile(
    r"[^.]\.(?:pyx?|[mc]?jsx?|tsx?|vue|svelte|rb|go|java|kts?|scala|groovy|clj|php|cs|fs|vb"
    r"|swift|mm?|c|cc|cpp|cxx|h|hpp|rs|exs?|erl|dart|lua|pl)$",
    re.IGNORECASE,
)
#: ``metadata.in_app_frame_mix`` when the crash location is a library's frame.
_SYSTEM_ONLY = "system-only"


def culprit_frame(culprit: str | None, *, in_app: bool | None = True) -> Frame | None:
    """The one frame a culprit names, or ``None`` when it names no function (a transaction)."""
    if not culprit:
        return None
    text = culprit.strip()
    match = _IN.match(text) or _CALL.match(text)
    if match is None:
        return None
    function = match["function"].strip()
    if function in _UNKNOWN_FUNCTIONS:
        return None
    where = match["where"].strip()
    if not where or where in _UNKNOWN_FUNCTIONS:
        return Frame(function=function, in_app=in_app)
    if _is_path(where):
        return Frame(function=function, filename=where, in_app=in_app)
    return Frame(function=function, module=where, in_app=in_app)


def _is_path(where: str) -> bool:
    if "/" in where or "\\" in where or where.startswith("<"):
        return True
    return _SOURCE_FILE.search(where) is not None


def crash_location(
    filename: str | None,
    function: str | None,
    culprit: str | None,
    frame_mix: str | None = None,
) -> Frame | None:
    """The crash location of an issue: ``metadata`` first, the culprit for what it lacks."""
    in_app = frame_mix != _SYSTEM_ONLY
    from_culprit = culprit_frame(culprit, in_app=in_app)
    if function is None or function in _UNKNOWN_FUNCTIONS:
        return from_culprit
    # The culprit adds the module to metadata's file when both name the same function.
    same = from_culprit is not None and from_culprit.function == function
    return Frame(
        function=function,
        filename=filename or (from_culprit.filename if same and from_culprit else None),
        module=from_culprit.module if same and from_culprit else None,
        in_app=in_app,
    )


def issue_exception(
    kind: str | None,
    value: str | None,
    location: Frame | None,
) -> ExceptionInfo | None:
    """The thrown exception an issue describes, with its crash location as its only frame."""
    if not (kind or value or location):
        return None
    return ExceptionInfo(type=kind, value=value, frames=[location] if location else [])
