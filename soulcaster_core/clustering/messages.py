"""Canonical exception messages: one wording per problem, whichever runtime or SDK said it.

The same JavaScript bug reads ``Cannot read properties of undefined (reading 'price')`` in
Chrome (V8), ``can't access property "price", item is undefined`` in Firefox (SpiderMonkey) and
``undefined is not an object (evaluating 'item.price')`` in Safari (JavaScriptCore). Each rule
below recognises one family of such wordings and writes it the one way; what no rule knows is
kept as it came. Values are masked afterwards (``normalize.mask``), but the names a message
quotes (the property, the function, the key) are kept: they say which bug it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

#: Exception types that say nothing of the problem: Go's errors carry no type of their own
#: (``*errors.errorString``), a text trace may only say ``panic``, and the runtime's own panic
#: types differ between an SDK (``runtime.boundsError``) and the printed panic. Keys compare
#: such items by their frames and message alone.
GENERIC_TYPES = frozenset(
    {
        "error",
        "errorstring",
        "fundamental",
        "withstack",
        "withmessage",
        "wraperror",
        "joinerror",
        "panic",
        "boundserror",
        "plainerror",
        "typeassertionerror",
        "runtimeerror",
    }
)
# The same JS error under another type name in one engine.
_TYPE_ALIASES = {"InternalError": "RangeError"}


class Canonical(NamedTuple):
    type: str
    message: str


def short_type(name: str | None) -> str:
    """``java.lang.NullPointerException`` → ``NullPointerException``; ``*url.Error`` → ``Error``."""
    if not name:
        return ""
    # Markdown and quoting around a type ("`TypeError`", "'KeyError'") is not part of it.
    name = name.strip().strip("`'\"*_ ")
    short = re.split(r"[.:\\]+", name)[-1] if name else ""
    return _TYPE_ALIASES.get(short, short)


def key_type(name: str | None) -> str:
    """The type as a grouping key compares it: short, and empty when it says nothing."""
    short = short_type(name)
    return "" if short.lower() in GENERIC_TYPES else short


def _last_segment(expression: str) -> str:
    """``this.cart.items`` → ``items``; ``a[0].b()`` → ``b``: the name the bug is about."""
    expression = re.sub(r"\(.*\)\s*$", "", expression.strip())
    parts = [p for p in re.split(r"[.\[\]'\"?]+", expression) if p]
    return parts[-1] if parts else expression


#: A wording, its one way, and the type every engine throws with it ("" where it varies).
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str], str]


def _read(match: re.Match[str]) -> str:
    return f"cannot read property '{match['prop']}' of {match['what']}"


def _read_evaluating(match: re.Match[str]) -> str:
    return f"cannot read property '{_last_segment(match['expr'])}' of {match['what']}"


def _not_function(match: re.Match[str]) -> str:
    return f"'{_last_segment(match['expr'])}' is not a function"


def _not_defined(match: re.Match[str]) -> str:
    return f"'{match['name']}' is not defined"


_RULES: list[_Rule] = [
    # V8, current and old; SpiderMonkey; JavaScriptCore.
    (
        re.compile(
            r"^Cannot read propert(?:y|ies) of (?P<what>undefined|null) "
            r"\(reading '(?P<prop>[^']*)'\)"
        ),
        _read,
        "TypeError",
    ),
    (
        re.compile(r"^Cannot read property '(?P<prop>[^']*)' of (?P<what>undefined|null)"),
        _read,
        "TypeError",
    ),
    (
        re.compile(
            r"^can't access property \"(?P<prop>[^\"]*)\",? .*? is (?P<what>undefined|null)"
        ),
        _read,
        "TypeError",
    ),
    (
        re.compile(r"^(?P<what>undefined|null) is not an object \(evaluating '(?P<expr>[^']*)'\)"),
        _read_evaluating,
        "TypeError",
    ),
    # "x.y is not a function", with Safari's "(In 'x.y()', 'x.y' is undefined)" after it.
    (
        re.compile(r"^(?P<expr>\S.*?) is not a function(?:\.|\s|\(|$)"),
        _not_function,
        "TypeError",
    ),
    (re.compile(r"^(?P<name>[\w$]+) is not defined$"), _not_defined, "ReferenceError"),
    (re.compile(r"^Can't find variable: (?P<name>[\w$]+)"), _not_defined, "ReferenceError"),
    (
        re.compile(r"^(?:Maximum call stack size exceeded|too much recursion)\.?$", re.I),
        lambda _: "maximum call stack size exceeded",
        "RangeError",
    ),
    (
        re.compile(
            r"^(?:Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$"
        ),
        lambda _: "failed to fetch",
        "TypeError",
    ),
    (
        re.compile(
            r"^(?:JSON\.parse: unexpected|Unexpected token .* (?:in JSON|is not valid JSON)|"
            r"JSON Parse error: |\".*\" is not valid JSON)"
        ),
        lambda _: "invalid json",
        "SyntaxError",
    ),
    # Intl.NumberFormat given no currency (V8, SpiderMonkey, JavaScriptCore).
    (
        re.compile(
            r"^(?:Invalid currency code ?: ?|invalid currency code in NumberFormat\(\): ?)"
            r"(?P<code>.*)$|^currency is not a well-formed currency code$"
        ),
        lambda m: f"invalid currency code: {m['code'] or 'undefined'}",
        "RangeError",
    ),
    # A code-split chunk that is gone after a deploy.
    (
        re.compile(
            r"^(?:Failed to fetch dynamically imported module|error loading dynamically "
            r"imported module|Importing a module script failed)",
            re.I,
        ),
        lambda _: "failed to import a module",
        "TypeError",
    ),
    # new Date("...").toISOString() and the like.
    (
        re.compile(r"^(?:Invalid time value|invalid date)\.?$", re.I),
        lambda _: "invalid date",
        "RangeError",
    ),
    # <video>/<audio> with no playable source.
    (
        re.compile(
            r"^(?:Failed to load because no supported source was found|The media resource "
            r"indicated by the src attribute .* was not suitable|The operation is not "
            r"supported)\.?$"
        ),
        lambda _: "no supported media source",
        "",
    ),
    # localStorage/sessionStorage full: Chrome names the key, Firefox and Safari do not.
    (
        re.compile(
            r"^(?:Failed to execute 'setItem' on 'Storage': Setting the value of .* exceeded "
            r"the quota|The quota has been exceeded|Exceeded quota)\.?$"
        ),
        lambda _: "storage quota exceeded",
        "",
    ),
]
_ESCAPED_QUOTE = re.compile(r"\\+([\"'])")
_GRPC_STATUS = re.compile(r"^rpc error: code = \w+ desc = ")
_TEMPORAL_WRAPPER = re.compile(r"^(?:(?:child )?workflow execution|activity) error \([^()]*\): ")
_TEMPORAL_APPLICATION = re.compile(r" \(type: [^(),]*, retryable: (?:true|false)\)$")
# A cheap test before the rules: every wording above contains one of these.
_HINT = re.compile(
    r"propert|is not an object|is not a function|is not defined|find variable|recursion|"
    r"call stack|fetch|Load failed|JSON|module|(?i:invalid (?:time|date))|media|supported|"
    r"quota|currency"
)


# A message quoted, then where it was thrown: '"Call to a member function x() on null" at
# /var/www/src/Cart.php line 42'.
_QUOTED_AT = re.compile(r'^"(?P<message>.+)" at \S+(?: line |:)\d+\)?$')


def canonical(type_name: str | None, message: str | None) -> Canonical:
    """The problem in one wording: the short type and the message's first line (with the next
    when the first only introduces it), rewritten by the first rule that recognises it
    (unmasked: the caller masks)."""
    kind = short_type(type_name)
    text, _, rest = (message or "").strip().partition("\n")
    text = text.strip()
    if kind and " " not in text and (text == kind or text.endswith(f".{kind}")):
        text = ""  # an SDK's message that is only the type's name ("kotlin.NullPointerException")
    for said in (type_name, kind):
        if said and text.startswith(said) and text[len(said) : len(said) + 2] == ": ":
            # A message that says its own type first (Ruby's "PG::UniqueViolation: ERROR:
            # ...", Dart's toString "FormatException: ..."): the rest is what it says.
            text = text[len(said) + 2 :].strip()
            break
    if text in ("[", "{") and rest:
        # A message that is JSON over several lines (zod's ZodError: its issues as an array):
        # the whole of it, on one line.
        text = " ".join(f"{text}\n{rest}".split())
    elif text.endswith(":") and (detail := next((s for s in rest.split("\n") if s.strip()), "")):
        # A heading that introduces its detail on the next line ("Invalid `prisma.x()`
        # invocation:" then "Unique constraint failed on ..."): the detail is the problem.
        text = f"{text} {detail.strip()}"
    if "\\" in text:  # a message quoted inside a JSON string keeps its escapes: \"id\"
        text = _ESCAPED_QUOTE.sub(r"\1", text)
        # (And its backslashes doubled: Monolog's JSON context, "App\\Models\\Pet".)
        text = text.replace("\\\\", "\\")
    if "`" in text:  # markdown code quotes, which an alert's rendering may drop
        text = text.replace("`", "")
    if text.endswith("}") and " {:" in text:
        # Clojure's ExceptionInfo prints its data after the message: "Insufficient stock
        # {:sku "LW-403", :requested 3}"; the data is the occurrence's, the message the problem.
        text = text[: text.index(" {:")].rstrip()
    if text.startswith('"') and (located := _QUOTED_AT.match(text)):
        text = located["message"]  # Symfony's 'Uncaught PHP Exception T: "msg" at f.php line 9'
    if text.startswith("rpc error: code = "):
        # gRPC's status as a client prints it, around the server's error.
        text = _GRPC_STATUS.sub("", text)
    if text.endswith(")") and ", retryable: " in text:
        # Temporal's failures as its Go SDK prints them, around the error the activity
        # returned: "activity error (type: X, scheduledEventID: 5, ...): <error> (type:
        # wrapError, retryable: true)".
        text = _TEMPORAL_WRAPPER.sub("", _TEMPORAL_APPLICATION.sub("", text))
    if text and text[0] in "\"'" and text.count(text[0]) % 2:
        text = text[1:]  # a message a logger quoted, its closing quote cut off with the line
    if text and _HINT.search(text):
        for pattern, rewrite, thrown in _RULES:
            match = pattern.match(text)
            if match:
                # A message printed without its type (h3's and Nitro's request errors, a log
                # of error.message alone) still names it: the engine's words do.
                return Canonical(kind or thrown, rewrite(match))
    return Canonical(kind, text)
