"""Text normalization: mask what varies between occurrences, keep what names the problem.

Two messages about the same event differ in numbers, ids, addresses, paths and times; masking
those turns each into the same *template*, and an exact template match is the cheapest, safest
way to group (see ``signature``). What stays is what a person would read as the problem: the
words, the punctuation that gives the message its shape, the exception type.
"""

from __future__ import annotations

import hashlib
import re

#: Every masked value becomes this, whatever its kind: a slot in a template is a slot.
MASK = "<*>"

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"

# Order matters: the wide patterns (URLs, timestamps) go before the pieces they contain.
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s\"'<>)\]]+", re.I), MASK),  # URLs
    (re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), MASK),  # e-mail addresses
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I), MASK),
    # ctime / syslog dates: "Sun Jul  3 10:05:25 2005", "Thu Aug 04 15:29:45 PDT 2005"
    (
        re.compile(
            rf"\b(?:{_DAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
            r"(?:\.\d+)?(?:\s+[A-Z]{3,4})?(?:\s+\d{4})?\b"
        ),
        MASK,
    ),
    # ISO 8601 and friends: 2024-03-05T10:00:00.123Z, 2016/9/27:20:30:31.455
    (
        re.compile(
            r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T :_-]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)?"
            r"(?:Z|[+-]\d{2}:?\d{2})?"
        ),
        MASK,
    ),
    (re.compile(r"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b"), MASK),  # times of day
    # MAC addresses and other colon-separated hex runs (IPv6 included)
    (re.compile(r"(?<![\w:])(?:[0-9a-f]{1,4}:){3,}[0-9a-f]{1,4}(?![\w:])", re.I), MASK),
    (re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w.])"), MASK),  # IPv4[:port]
    # Unix paths with at least two segments, and Windows paths
    (re.compile(r"(?<![\w/.~-])(?:~|\.{1,2})?(?:/[\w.$@~+-]+){2,}/?"), MASK),
    (re.compile(r"\b[A-Za-z]:\\[^\s\"'<>|]*"), MASK),
    (re.compile(r"\b0x[0-9a-f]+\b", re.I), MASK),  # hex literals
    # key=value and key:value pairs inside one word: the value varies, the key is the shape
    (re.compile(r"(?<=[\w\]]=)[^\s,;&)\]}\"'=]+"), MASK),
    (re.compile(r"(?<=[A-Za-z]:)(?:true|false|null|none)\b", re.I), MASK),
    # anything else with a digit in it: counters, ids, sizes, versions, "node-129", "test9"
    (re.compile(r"[\w.+-]*\d[\w.+-]*(?:\s?(?:[KMGT]i?B|B|ms|us|ns|s|sec|%))?(?![\w])"), MASK),
]

# A list of masked values ("an14 an15 an16", "IRQs 3 4 5") is one slot, however long.
_RUNS = re.compile(r"<\*>(?:[\s,]+<\*>)+")
_SPACE = re.compile(r"\s+")


def mask(text: str) -> str:
    """``text`` with every variable part replaced by ``MASK`` and whitespace collapsed."""
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    text = _RUNS.sub(MASK, text)
    return _SPACE.sub(" ", text).strip()


def signature(template: str) -> str:
    """A short stable key for an exact template match (what the signature index stores)."""
    return hashlib.blake2b(template.encode(), digest_size=16).hexdigest()
