"""JVM stack traces: Java, Kotlin, Scala, Groovy, as ``Throwable.printStackTrace`` and the
logging libraries print them.

Reads the headline (``Exception in thread "main" x.y.Type: message``, or ``x.y.Type: message``
under a log line; a message continues down to the frames), ``at pkg.Class.method(File.java:42)``
frames (also ``(Native Method)``, ``(Unknown Source)``, Java 9 module prefixes
``java.base/``, logback's ``~[jar:version]`` suffixes), ``Caused by:`` blocks and
``... 12 more`` (the omitted frames are the enclosing exception's outermost ones, filled back
in so each exception has its whole stack, as SDKs send it). ``Suppressed:`` blocks are not in
the cause chain and are skipped. Java prints the thrown exception first and its causes after;
they come out cause first. logback's root-cause-first output (``Wrapped by:``) is read too, and
Dropwizard's (every line after ``! ``, a wrapper after ``Causing:``).

Convention: ``module`` is the class (``com.shop.Billing``, ``com.shop.Billing$Inner``),
``function`` the bare method name (``total``, ``<init>``, ``lambda$run$0``), ``filename`` the
file as printed (``Billing.java``), ``type`` the class as printed (fully qualified).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..stacktrace import ExceptionInfo, Frame
from .headlines import headline_above, join_message, split_headline
from .libraries import class_in_app

# The class loader and module ("app//", "java.base/") go; the class is the part before the
# method's dot.
_FRAME = re.compile(
    r"^\s*at\s+(?:[^\s(/]*/)*(?P<owner>[^\s(/]*)\.(?P<method>[^\s(./]+)"
    r"\((?:Native Method|Unknown Source|(?P<file>[^\s():]+)(?::(?P<line>\d{1,9}))?)\)"
)
_MORE = re.compile(r"^\s*\.\.\. (?P<count>\d{1,6}) (?:more|common frames omitted)")
# Tomcat's log line above a servlet's error, naming the exception the application threw
# around the root cause it then prints (Spring 6: "Request processing failed: x.Y: msg";
# Spring 5: "Request processing failed; nested exception is x.Y: msg").
_ROOT_CAUSE_OF = re.compile(r"threw exception \[(?P<thrown>.+)\] with root cause\s*$")
_SERVLET_WRAPPER = re.compile(r"^Request processing failed(?::|; nested exception is)\s*")
_ORIGINAL = "Original Stack Trace:"
_FILE_HINTS = (".java:", ".kt:", ".scala:", ".groovy:", ".clj:", "Native Method", "Unknown Source")


@dataclass
class _Block:
    type: str | None
    value: str | None
    #: Innermost first, as printed.
    frames: list[Frame] = field(default_factory=list)
    omitted: int = 0


def hinted(text: str) -> bool:
    if "at " in text:
        for hint in _FILE_HINTS:
            if hint in text:
                return True
    return False


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    if any(line.startswith("! ") for line in lines):
        lines = [_without_bang(line) for line in lines]
    if any(line.strip() == _ORIGINAL for line in lines):
        lines = _without_checkpoints(lines)
    first = next((i for i, line in enumerate(lines) if _is_frame(line)), None)
    if first is None:
        return []
    head = headline_above(lines, first, qualified=True, stop=_is_frame)
    blocks = [_Block(head.type if head else None, head.value if head else None)]
    root_first = False
    suppressed = False
    i = first
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        m = _FRAME.match(line) if stripped.startswith("at") else None
        if m is not None:
            if not suppressed:
                blocks[-1].frames.append(_frame(m))
            i += 1
            continue
        more = _MORE.match(line) if stripped.startswith("...") else None
        if more is not None:
            if not suppressed:
                blocks[-1].omitted = int(more.group("count"))
            i += 1
            continue
        if stripped.startswith(("Caused by:", "Wrapped by:")) and not (
            suppressed and line[0] in " \t"
        ):
            suppressed = False
            root_first = root_first or stripped.startswith("Wrapped by:")
            i = _cause(lines, i, stripped, blocks)
            continue
        if stripped.startswith("Suppressed:"):
            suppressed = True
        elif not (suppressed and line[:1] in " \t"):
            break  # the trace has ended
        i += 1
    _restore_omitted(blocks)
    if not root_first:
        blocks.reverse()
        if head is not None and (thrown := _thrown_around(lines[: head.line])) is not None:
            blocks.append(thrown)
    return [
        ExceptionInfo(type=b.type or None, value=b.value, frames=b.frames[::-1]) for b in blocks
    ]


def _without_checkpoints(lines: Sequence[str]) -> list[str]:
    """``lines`` without Reactor's assembly report (a ``Suppressed: ...OnAssemblyException``
    listing its checkpoints, then ``Original Stack Trace:``) between an exception and the
    frames it was thrown with."""
    out: list[str] = []
    skipping = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("Suppressed: ") and "OnAssemblyException" in stripped:
            skipping = True
        elif skipping and stripped == _ORIGINAL:
            skipping = False
        elif not skipping:
            out.append(line)
    return out


def _without_bang(line: str) -> str:
    """A line of Dropwizard's trace (root cause first, every line after ``! ``, a wrapper
    after ``Causing:``) as logback's root-cause-first output writes it."""
    if not line.startswith("! "):
        return line
    line = line[2:]
    if line.startswith("Causing: "):
        return "Wrapped by: " + line[len("Causing: ") :]
    return "\t" + line if line.startswith(("at ", "... ")) else line


def _thrown_around(above: Sequence[str]) -> _Block | None:
    """The exception a servlet threw, as Tomcat names it in the line above the root cause it
    prints ("... threw exception [...] with root cause"): the chain's outermost, without a
    stack of its own (its frames are the root cause's, printed below)."""
    found = _ROOT_CAUSE_OF.search(above[-1]) if above else None
    if found is None:
        return None
    head = split_headline(_SERVLET_WRAPPER.sub("", found["thrown"]))
    if head is None or not head.type:
        return None
    return _Block(head.type, head.value)


def _is_frame(line: str) -> bool:
    return line.lstrip().startswith("at") and _FRAME.match(line) is not None


def _cause(lines: Sequence[str], i: int, stripped: str, blocks: list[_Block]) -> int:
    """Append the block whose ``Caused by:`` line is ``lines[i]``; the index of its frames."""
    head = split_headline(stripped.partition(":")[2])
    j = i + 1
    while j < len(lines) and j - i <= 20 and not _is_frame(lines[j]):
        if _MORE.match(lines[j]) or lines[j].lstrip().startswith(("Caused by:", "Wrapped by:")):
            break
        j += 1
    kind = head.type if head else None
    value = join_message(head.value if head else None, lines[i + 1 : j])
    blocks.append(_Block(kind, value))
    return j


def _restore_omitted(blocks: list[_Block]) -> None:
    """A block's "... N more" frames are the outermost N of the block printed before it."""
    for before, block in itertools.pairwise(blocks):
        if block.omitted and before.frames:
            block.frames.extend(before.frames[-block.omitted :])


def _frame(m: re.Match[str]) -> Frame:
    owner, line = m.group("owner"), m.group("line")
    return Frame(
        function=m.group("method"),
        module=owner or None,
        filename=m.group("file"),
        lineno=int(line) or None if line else None,
        in_app=class_in_app(owner),
    )
