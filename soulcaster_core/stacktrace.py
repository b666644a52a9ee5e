"""One readable stack trace from the frames any source sends.

Plugins map their vendor's frames onto ``Frame`` and ``ExceptionInfo``; ``format_exceptions``
renders them the way a Python traceback reads: cause first, innermost frame last, in-app frames
marked with ``>``. Clustering reads the same structures to find the top in-app frames.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel


class Frame(BaseModel):
    function: str | None = None
    filename: str | None = None
    module: str | None = None
    lineno: int | None = None
    colno: int | None = None
    in_app: bool | None = None
    context_line: str | None = None

    def location(self) -> str:
        where = self.filename or self.module or "?"
        if self.lineno is not None:
            where += f":{self.lineno}"
            if self.colno is not None:
                where += f":{self.colno}"
        return where

    def render(self) -> str:
        mark = ">" if self.in_app else " "
        line = f"{mark} {self.location()} in {self.function or '?'}"
        if self.context_line and self.context_line.strip():
            line += f"\n      {self.context_line.strip()}"
        return line


class ExceptionInfo(BaseModel):
    type: str | None = None
    value: str | None = None
    module: str | None = None
    #: Oldest frame first, as Sentry and PostHog send them.
    frames: list[Frame] = []

    def headline(self) -> str:
        if self.type and self.value:
            return f"{self.type}: {self.value}"
        return self.type or self.value or ""


def described(
    chain: list[ExceptionInfo], type: str | None, value: str | None
) -> list[ExceptionInfo]:
    """``chain`` with its thrown (last) exception given ``type`` and ``value`` where it has none:
    a stack that carries frames only, sent beside its error's type and message."""
    thrown = chain[-1]
    if (thrown.type or not type) and (thrown.value or not value):
        return chain
    completed = thrown.model_copy(
        update={"type": thrown.type or type, "value": thrown.value or value}
    )
    return [*chain[:-1], completed]


def format_exceptions(exceptions: Sequence[ExceptionInfo]) -> str:
    """Render a chain (cause first, the thrown one last) as one plain-text trace."""
    blocks: list[str] = []
    for index, exc in enumerate(exceptions):
        lines: list[str] = []
        if index:
            lines.append("")
            lines.append("The above exception was the direct cause of the following exception:")
            lines.append("")
        if exc.frames:
            lines.append("Traceback (most recent call last):")
            lines.extend(frame.render() for frame in exc.frames)
        lines.append(exc.headline() or "(no message)")
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def top_in_app_frames(exceptions: Sequence[ExceptionInfo], count: int = 3) -> list[Frame]:
    """The innermost in-app frames of the thrown exception (all frames if none is in-app)."""
    if not exceptions:
        return []
    frames = exceptions[-1].frames
    in_app = [f for f in frames if f.in_app] or frames
    return list(reversed(in_app))[:count]
