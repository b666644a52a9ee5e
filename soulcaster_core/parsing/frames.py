"""Small pieces every language parser shares: numbers, ``file:line:column`` locations, the
dotted-name split of class-based languages."""

from __future__ import annotations

from typing import NamedTuple

#: Longer digit runs are no line number (and ``int`` refuses very long ones).
_MAX_DIGITS = 9


class Location(NamedTuple):
    filename: str
    lineno: int | None
    colno: int | None


def number(text: str) -> int | None:
    """A line or column number, or None for anything else (``0`` means unknown in every
    runtime that prints it)."""
    text = text.strip()
    if not text or len(text) > _MAX_DIGITS or not text.isascii() or not text.isdigit():
        return None
    return int(text) or None


def split_location(text: str) -> Location | None:
    """``path:line:column`` or ``path:line`` (the path may hold colons: URLs, ports, drive
    letters); None when ``text`` ends in no line number."""
    head, sep, last = text.rpartition(":")
    if not sep or not head or not last.isdigit():
        return None
    path, sep, middle = head.rpartition(":")
    if sep and path and middle.isdigit():
        return Location(path, number(middle), number(last))
    return Location(head, number(last), None)


def split_member(name: str, separators: tuple[str, ...] = (".",)) -> tuple[str | None, str]:
    """``("com.shop.Billing", "total")`` from ``com.shop.Billing.total``: the owner goes to
    ``module``, the bare member name to ``function``, so tools that name members alike meet."""
    best = -1
    width = 0
    for sep in separators:
        at = name.rfind(sep)
        if at > best:
            best, width = at, len(sep)
    if best <= 0:
        return None, name
    return name[:best], name[best + width :]
