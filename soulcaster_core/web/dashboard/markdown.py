"""An item's body as a page shows it: a small, safe subset of markdown.

Senders write markdown (Datadog's ``%%%`` messages, Sentry's rule texts), but a body is still
what a webhook sent: every byte of it is escaped, and only paragraphs, lists, ``code``, fenced
code, ``**bold**`` and http(s) links become markup (markdown-it with HTML off). A stack trace
is set as code whatever its sender did, so that its lines, indentation and ``__init__`` are
shown as they are rather than read as markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markupsafe import Markup

#: A line that only a stack trace has: the paragraph holding it is shown as code.
_TRACE_LINE = re.compile(
    r"Traceback \(most recent call last\):"  # Python
    r'|\s*File ".*", line \d+'  # Python frames
    r"|\s+at \S"  # Java, JavaScript and .NET frames
    r"|\s*\.\.\. \d+ (more|common frames omitted)"  # Java
    r"|[> ] \S+:\d+(:\d+)? in \S"  # frames as soulcaster_core.stacktrace writes them
)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def safe_url(value: Any) -> str | None:
    """``value`` when it is an http(s) URL a link may point at, else ``None``."""
    if not isinstance(value, str) or len(value) > 2048 or not value.isprintable():
        return None
    if any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value


def _strong(state: StateInline, silent: bool) -> bool:
    """``**bold**`` only: ``*`` and ``_`` alone stay text (``*args``, ``__init__``)."""
    start = state.pos
    if not state.src.startswith("**", start):
        return False
    end = state.src.find("**", start + 2, state.posMax)
    inner = state.src[start + 2 : end]
    if end < 0 or not inner.strip() or inner != inner.strip() or "\n" in inner:
        return False
    if not silent:
        state.push("strong_open", "strong", 1)
        old_max = state.posMax
        state.pos, state.posMax = start + 2, end
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("strong_close", "strong", -1)
    state.pos = end + 2
    return True


def _link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    tokens[idx].attrSet("rel", "nofollow noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


def _renderer() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["fence", "list", "backticks", "escape", "newline", "link", "autolink"])
    md.inline.ruler.before("link", "strong_only", _strong)
    md.validateLink = lambda url: safe_url(url) is not None  # type: ignore[method-assign]
    md.add_render_rule("link_open", _link_open)
    return md


_MD = _renderer()


def fence_traces(text: str) -> str:
    """``text`` with each paragraph that holds a stack trace put in a code fence."""
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if any(_TRACE_LINE.match(line) for line in block):
            out.extend(["````", *block, "````"])
        else:
            out.extend(block)
        block.clear()

    for line in lines:
        opener = _FENCE.match(line)
        if fence is not None:  # inside the sender's own fence: as it is
            out.append(line)
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
        elif opener:
            flush()
            fence = opener.group(1)
            out.append(line)
        elif line.strip():
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def render_body(text: str) -> Markup:
    """The body as HTML: escaped, then the subset above."""
    # Markup is safe here: with HTML off, markdown-it escapes every byte of the text it renders.
    return Markup(_MD.render(fence_traces(text)))
