"""What the clusterer reads of an item: its problem, in a form every source shares.

A Sentry issue, a PostHog ``$exception``, a Splunk log line and a Datadog alert about one failure
look nothing alike as payloads; what they share is the exception type, the shape of its message
and, when a stack trace came along, the innermost frames of the application's own code.
``document_for`` pulls those out of an item (structured ``metadata["exceptions"]`` when a plugin
provides them, else the text) and drops the rest: vendor boilerplate, values, line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from pydantic import ValidationError

from ..models import FeedbackItem
from ..stacktrace import ExceptionInfo, Frame
from .normalize import MASK, mask, signature

#: Innermost in-app frames kept: enough to tell two call sites apart, few enough to survive
#: one tool marking a helper frame in-app and another not.
TOP_FRAMES = 3
#: Words of a masked head kept; the shape of a message is in its start.
HEAD_WORDS = 48

# "Type: message", in the spellings of Python, JS, Java, C#, PHP, Go, Ruby: at the start of a
# line, or after a log line's prefix ("2024-03-05 ERROR [web] request 42 failed: Error: ...").
_HEADLINE = re.compile(
    r"(?:^|(?<=[\s:\]]))(?:Uncaught\s+|Unhandled\s+|Caused by:\s+|"
    r"Exception in thread \"[^\"]*\"\s+|PHP Fatal error:\s+Uncaught\s+|Fatal error:\s+Uncaught\s+)?"
    r"(?P<type>\*?[A-Za-z_][\w$]*(?:[.:]{1,2}[A-Za-z_][\w$]*)*"
    r"(?:Error|Exception|Exit|Interrupt|Fault|Panic|Failure|Rejection)|panic|Error"
    r"|[A-Z]\w*(?:::[A-Z]\w*)+)"  # Ruby and PHP namespaces: ActiveRecord::RecordNotFound
    r"(?::\s+(?P<message>.*)|:?$)",
    re.M,
)
# Ruby's own format puts the type last: "file.rb:42:in `show': Couldn't find Order (Type)".
_RUBY_HEADLINE = re.compile(
    r"^(?:.*?:in [`'][^']*':\s*)?(?P<message>[^\n]+?) "
    r"\((?P<type>[A-Z]\w*(?:::[A-Z]\w*)*(?:Error|Exception|::[A-Z]\w*))\)$",
    re.M,
)
# "...: 'abc'" ending a longer message is the offending value ("invalid literal for int() with
# base 10: 'abc'"); a message that is nothing but a quoted value (KeyError: 'user_id') is kept.
_TRAILING_VALUE = re.compile(r"^(\S+(?:\s+\S+)+:\s+)(['\"]).*\2$")
# Sentry's culprit: "shop.billing in compute_total", "ProductList(src/ProductList.tsx)".
_CULPRIT = re.compile(r"^(?:(?P<module>\S+) in (?P<fn>\S+)|(?P<call>[\w$.]+)\(.*\))$")


class _FrameSyntax(NamedTuple):
    """How one language prints a frame; each match yields ``file`` and ``fn`` groups."""

    pattern: re.Pattern[str]
    innermost_first: bool
    #: A substring every such frame contains: most texts are ruled out without a regex.
    hint: str


_FRAME_SYNTAXES = [
    # soulcaster_core.stacktrace.format_exceptions: "> app/billing.py:42 in compute_total"
    _FrameSyntax(
        re.compile(r"^(?P<mark>[> ]) (?P<file>\S+?)(?::\d+)* in (?P<fn>\S+)$", re.M), False, " in "
    ),
    # Python: File "app/billing.py", line 42, in compute_total
    _FrameSyntax(re.compile(r'File "(?P<file>[^"]+)", line \d+, in (?P<fn>\S+)'), False, 'File "'),
    # Java / Kotlin / Scala: at com.shop.InvoiceService.total(InvoiceService.java:42)
    _FrameSyntax(
        re.compile(r"\bat (?P<fn>[\w$.<>]+)\((?P<file>[\w$.-]+\.\w+)(?::\d+)?\)"), True, "at "
    ),
    # C#: at Shop.Billing.Total(Int32 x) in /src/Billing.cs:line 42
    _FrameSyntax(
        re.compile(r"\bat (?P<fn>[\w.`<>]+)\([^)]*\) in (?P<file>\S+?):line \d+"), True, ":line "
    ),
    # JS / Node: at ProductList.render (src/ProductList.tsx:12:5)
    _FrameSyntax(
        re.compile(r"\bat (?:async )?(?P<fn>[\w$.<>\[\] ]+?) \((?P<file>[^()\s]+?)(?::\d+)+\)"),
        True,
        "at ",
    ),
    # Ruby: app/models/order.rb:42:in `total'
    _FrameSyntax(
        re.compile(r"(?P<file>[^\s:]+\.rb):\d+:in [`'](?:block in )?(?P<fn>[^']+)'"), True, ".rb:"
    ),
    # Go: main.(*Server).handle(...)\n\t/srv/server.go:42 +0x1d
    _FrameSyntax(
        re.compile(r"^(?P<fn>[\w./*()-]+)\([^\n]*\)\n\s+(?P<file>\S+\.go):\d+", re.M), True, ".go:"
    ),
]
# Words an exception headline contains; a text with none of them is not searched for one.
_HEADLINE_HINT = re.compile(
    r"Error|Exception|Exit|Interrupt|Fault|Panic|panic|Failure|Rejection|[a-z]::[A-Z]"
)
# Where frames of libraries and runtimes live: not the application's code.
_LIBRARY = re.compile(
    r"site-packages|dist-packages|node_modules|/usr/lib/|/usr/local/lib/|<frozen|\bgems/|"
    r"/go/pkg/mod/|/go/src/|^runtime/|/runtime/|^(?:java|javax|jdk|sun|kotlin|scala)\.|"
    r"^(?:System|Microsoft)\.|^internal/|^node:|webpack/bootstrap"
)
# "[Triggered on {host:web-1}]", "[P1]", "[Recovered]": alert state, not the problem.
_TAGS_PREFIX = re.compile(r"^\s*(?:\[[^\]]{0,80}\]\s*)+")


@dataclass(frozen=True)
class ClusterDoc:
    """The clustering view of one item."""

    #: The masked problem statement: "TypeError: Cannot read properties of <*>", or a log line.
    head: str
    #: Innermost application frames, innermost first, as "Class.method" or "function".
    frames: tuple[str, ...]
    #: The exception type without its package ("NullPointerException"), or "".
    exc_type: str
    #: What the embedder reads.
    text: str

    @cached_property
    def signature(self) -> str:
        """Exact-match key: same head, same frames."""
        return signature(self.head + "\n" + "\n".join(self.frames))

    @cached_property
    def tokens(self) -> list[str]:
        return self.head.split()

    @cached_property
    def shape(self) -> str:
        """Templates that may match this one but for slots share its length and first word."""
        tokens = self.tokens
        return signature(f"{len(tokens)} {tokens[0] if tokens else ''}")[:16]


def short_type(name: str) -> str:
    """``java.lang.NullPointerException`` → ``NullPointerException``; ``*url.Error`` → ``Error``."""
    name = name.lstrip("*")
    return re.split(r"[.:]+", name)[-1] if name else ""


def _frame_key(function: str | None, module: str | None = None) -> str | None:
    if not function or function in {"?", "<module>", "<anonymous>", "anonymous"}:
        return None
    if "." not in function and module and module.rsplit(".", 1)[-1][:1].isupper():
        function = f"{module}.{function}"  # Java and C# frames name the class as the module
    # Keep "Class.method" (Java, C#, JS classes); drop packages, which tools spell differently.
    parts = [p for p in re.split(r"[.:/]+", function.replace("(*", "").replace(")", "")) if p]
    return ".".join(parts[-2:]) if parts else None


def method_name(key: str) -> str:
    """The part of a frame key every tool spells alike: ``LabelPrinter.print`` → ``print``."""
    return key.rsplit(".", 1)[-1]


def _frames_from_culprit(culprit: object) -> tuple[str, ...]:
    m = _CULPRIT.match(culprit.strip()) if isinstance(culprit, str) else None
    if m is None:
        return ()
    key = (
        _frame_key(m.group("fn"), m.group("module"))
        if m.group("fn")
        else _frame_key(m.group("call"))
    )
    return (key,) if key else ()


def _is_library(path: str | None) -> bool:
    return bool(path) and bool(_LIBRARY.search(path or ""))


def _frames_from_infos(infos: Sequence[ExceptionInfo]) -> tuple[str, ...]:
    if not infos:
        return ()
    frames = infos[-1].frames
    chosen: list[Frame] = [f for f in frames if f.in_app]
    if not chosen:
        chosen = [f for f in frames if not _is_library(f.filename or f.module)]
    keys = [_frame_key(f.function, f.module) for f in reversed(chosen)]
    return _dedupe(k for k in keys if k)[:TOP_FRAMES]


def _frames_from_text(text: str) -> tuple[str, ...]:
    if "\n" not in text:
        return ()  # a stack trace takes more than one line
    for syntax in _FRAME_SYNTAXES:
        if syntax.hint not in text:
            continue
        found: list[tuple[str, str, bool | None]] = []
        for m in syntax.pattern.finditer(text):
            mark = m.groupdict().get("mark")
            found.append((m.group("file"), m.group("fn"), None if mark is None else mark == ">"))
        if not found:
            continue
        if any(in_app for _, _, in_app in found):
            app = [fn for _, fn, in_app in found if in_app]
        else:
            app = [fn for file, fn, _ in found if not _is_library(file) and not _is_library(fn)]
        ordered = app if syntax.innermost_first else list(reversed(app))
        return _dedupe(k for k in map(_frame_key, ordered) if k)[:TOP_FRAMES]
    return ()


def _dedupe(keys: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for key in keys:
        seen.setdefault(key, None)
    return tuple(seen)


def _infos_from_metadata(metadata: dict[str, Any]) -> list[ExceptionInfo]:
    raw = metadata.get("exceptions")
    if raw is None and isinstance(metadata.get("exception"), dict):
        raw = [metadata["exception"]]
    if not isinstance(raw, list):
        return []
    try:
        return [ExceptionInfo.model_validate(entry) for entry in raw if isinstance(entry, dict)]
    except ValidationError:
        return []


def _headlines(text: str) -> list[tuple[str, str]]:
    if not _HEADLINE_HINT.search(text):
        return []
    found: list[tuple[int, str, str]] = []
    for m in _HEADLINE.finditer(text):
        if m.group(0).lstrip().startswith("Caused by:"):
            continue  # Java lists causes after the thrown exception; the thrown one is the problem
        kind, message = m.group("type"), (m.group("message") or "").strip()
        if kind == "Error" and not message:
            continue  # a bare word "Error" on its own line says nothing
        found.append((m.start(), kind, message))
    found += [
        (m.start(), m.group("type"), m.group("message").strip())
        for m in _RUBY_HEADLINE.finditer(text)
    ]
    return [(kind, message) for _, kind, message in sorted(found)]


def _headline(title: str, text: str) -> tuple[str, str] | None:
    """The thrown exception's type and message: the title's when it states one (its message
    cut where the text's own line of it ends: titles are flattened to one line), else the
    text's last one with a message (Python prints the causes first)."""
    every = _headlines(text)
    with_message = [c for c in every if c[1]]
    # A log line is its own title: one search does for both.
    in_title = with_message if title == text else [c for c in _headlines(title) if c[1]]
    if in_title:
        kind, message = in_title[0]
        lines = [c for c in with_message if c[0] == kind and message.startswith(c[1])]
        return lines[-1] if lines else in_title[0]
    chosen = with_message or every
    return chosen[-1] if chosen else None


def _strip_tags(title: str) -> str:
    return _TAGS_PREFIX.sub("", title).strip() if title.lstrip().startswith("[") else title


def document_for(item: FeedbackItem) -> ClusterDoc:
    """The clustering view of ``item``; pure, so the worker and the benchmark share it."""
    metadata = item.metadata
    culprit = metadata.get("culprit")
    if (
        metadata.get("exceptions") is None
        and metadata.get("exception") is None
        and (culprit is None or isinstance(culprit, str))
        and len(item.title) + len(item.body) + len(item.raw_text) <= CACHED_TEXT
    ):
        return _text_document(item.title, item.body, item.raw_text, culprit)
    return build_document(item.title, item.body, item.raw_text, metadata)


#: Longest text (title, body and raw text together) whose document is cached.
CACHED_TEXT = 2048


@lru_cache(maxsize=8192)
def _text_document(title: str, body: str, raw_text: str, culprit: str | None) -> ClusterDoc:
    # Without structured exceptions, the document follows from the text alone, and the same
    # log line or alert arrives again and again (over half the lines of LogHub-2k repeat one).
    return build_document(title, body, raw_text, {} if culprit is None else {"culprit": culprit})


def build_document(title: str, body: str, raw_text: str, metadata: dict[str, Any]) -> ClusterDoc:
    infos = _infos_from_metadata(metadata)
    title = _strip_tags(title)
    # Plugins usually make the raw text of the title and the body: then it is the whole text.
    if raw_text and title in raw_text and body in raw_text:
        text = raw_text
    else:
        text = "\n".join(part for part in (title, body, raw_text) if part)
    thrown = infos[-1] if infos else None
    if thrown is not None and thrown.type:
        kind, message = thrown.type, thrown.value or ""
    else:
        kind, message = _headline(title, text) or ("", "")
    frames = (
        _frames_from_infos(infos)
        or _frames_from_text(text)
        or _frames_from_culprit(metadata.get("culprit"))
    )
    if kind:
        exc_type = short_type(kind)
        first_line = message.splitlines()[0].strip() if message else ""
        first_line = _TRAILING_VALUE.sub(rf"\g<1>{MASK}", first_line)
        head = _cap(mask(f"{exc_type}: {first_line}".rstrip(": ")))
    else:
        exc_type = ""
        # No exception: the title states the problem (an alert, a log line), unless the model
        # cut it short; then its full first line, from the raw text it was cut from.
        statement = title
        if title.endswith("…"):
            for source in (raw_text, body):
                line = _strip_tags(source.lstrip().split("\n", 1)[0])
                if line.startswith(title[:-1]):
                    statement = line
                    break
        head = _cap(mask(statement)) or MASK
    embed_text = " ".join([head, *frames])
    return ClusterDoc(head=head, frames=frames, exc_type=exc_type, text=embed_text)


def _cap(template: str) -> str:
    # Cut after masking, at a word: the cut then falls at the same place in every occurrence.
    words = template.split(" ")
    return template if len(words) <= HEAD_WORDS else " ".join(words[:HEAD_WORDS])
