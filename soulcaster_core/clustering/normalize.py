"""Text normalization: mask what varies between occurrences, keep what names the problem.

Two messages about the same event differ in numbers, ids, addresses, paths and times; masking
those turns each into the same *template*, and an exact template match is the cheapest, safest
way to group (see ``signature``). What stays is what a person would read as the problem: the
words, the punctuation that gives the message its shape, the exception type.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache

#: Every masked value becomes this, whatever its kind: a slot in a template is a slot.
MASK = "<*>"

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"

# Values that span whitespace go first, before the text is cut into words. Each pattern has a
# cheap test first: most texts have no date, and the full pattern is the slow part.
# ctime / syslog dates: "Sun Jul  3 10:05:25 2005", "Thu Aug 04 15:29:45 PDT 2005"
_DATE_HINT = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* +\d")
_DATE = re.compile(
    rf"\b(?:{_DAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?\s+\d{{1,2}}:\d{{2}}"
    r"(?::\d{2})?(?:\.\d+)?(?:\s+[A-Z]{3,4})?(?:\s+\d{4})?\b"
)
# A quantity with its unit: "5.2 KB" and "93.0 B" are one value.
_QUANTITY_HINT = re.compile(r"\d ?(?:[KMGTP]i?B|B|bytes|ms|us|ns|sec|secs|s|%)(?!\w)")
_QUANTITY = re.compile(
    # "<1 sec", ">=5s", "~3 ms": a bound or an estimate is the value it qualifies.
    r"(?<![\w.])(?:[<>]=?|~)?[-+]?\d+(?:\.\d+)?\s?(?:[KMGTP]i?B|B|bytes|ms|us|ns|sec|secs|s|%)(?!\w)"
)
# The last label of the host names logs mention: a host is a value, with or without its port.
_TLD = (
    r"(?:com|org|net|io|edu|gov|mil|local|internal|lan|dev|app|cloud|co|ai"
    r"|us|eu|uk|de|fr|nl|jp|cn|hk|in|ru|br|au|ca"
    # and the names kept for examples, tests and private networks
    r"|example|test|invalid|corp|intra|home|svc)"
)
# The word a log names a user by is a value, whatever it looks like: "session closed for user
# cyrus", "Invalid user admin from ..." ("user" followed by a word that is not a preposition),
# "Failed password for root from ...".
_NAMED_HINT = re.compile(r"\b(?:user|for) ", re.I)
_NAMED = re.compile(
    r"(?<=\buser )(?!(?:from|by|for|to|in|on|at|with|is|was|not|has|had|and|or|the|a|an|"
    r"id|name|account|session|request|unknown)\b)[\w.@-]+"
    # "Failed password for root from ...": who a login was for, before where it came from.
    r"|(?<=\bfor )(?!(?:invalid|illegal|user)\b)[\w.@-]+(?= from\b| \[preauth\])",
    re.I,
)
# A short code in quotes is a value: a currency "ISK", a country 'GB', a segment "G6".
_QUOTED_CODE = re.compile(r"([\"'])[A-Z][A-Z0-9]{1,5}\1")
# The currencies payments are made in are values wherever they stand ("fetch fx rates for SEK");
# only widely traded ones, and not "PHP" (a language): ISO 4217 also holds "ALL" and "TRY".
_CURRENCIES = frozenset(
    "USD EUR GBP JPY CHF CAD AUD NZD SEK NOK DKK PLN CZK HUF RON BGN ISK CNY HKD SGD INR BRL "  # noqa: SIM905
    "MXN ZAR KRW TWD THB IDR MYR AED SAR ILS".split()
)
# A URL in quotes is one value to its closing quote, spaces and all ("https://x/v2/vehicles/
# FE51 BTK": a path segment made of a user's words).
_QUOTED_URL = re.compile(r"([\"'])[a-z][a-z0-9+.-]*://[^\"'\n]*\1", re.I)
# A few words in quotes with a digit among them are one value: MySQL's "Duplicate entry
# '12-FC68 BHH'", a plate, a date; however many of its words the other masks would catch.
_QUOTED_WORDS = re.compile(r"(?<!\w)([\"'])([^\"'\n]{1,40} [^\"'\n]{1,40})\1(?!\w)")


def _quoted_value(found: re.Match[str]) -> str:
    inner = found[2]
    if inner.count(" ") > 3 or not _DIGIT.search(inner):
        return found[0]
    return f"{found[1]}{MASK}{found[1]}"


# A currency code standing as a word: not inside a word, a dotted name or a hyphenated one.
# (The edge before it is tested after its letters: a pattern that begins with its literals
# lets the regex engine skip to them, which made it three times faster on LogHub's lines.)
_CURRENCY_WORD = re.compile(rf"(?:{'|'.join(sorted(_CURRENCIES))})(?<![\w.-]...)(?![\w-])")
# Values that are a whole word whatever the word looks like around them.
_WORD_VALUES = re.compile(
    r"[a-z][a-z0-9+.-]*://\S+"  # URL
    r"|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?"  # IPv4 address, with its port
    r"|\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.,]+)?(?:Z|[+-]\d{2}:?\d{2})?"  # ISO 8601 date and time
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"  # time of day
    r"|(?:[0-9a-f]{1,4}:){3,}[0-9a-f]{1,4}"  # MAC and IPv6 addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail address
    r"|(?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{16,}={1,2}"  # base64 with its padding (a token, a handle)
    rf"|(?:[a-z0-9-]+\.)+{_TLD}\.?(?::\d{{1,5}})?"  # host name, with its port if any
    r"|(?:~|\.{1,2})?(?:/[^\s/]+){2,}/?"  # Unix path with two segments or more
    r"|[A-Za-z]:\\\S*",  # Windows path
    re.I,
)
_INNER = re.compile(r"([,:;])")
_LEADERS = re.compile(r"(\.{3,})")
_KEY_VALUE = re.compile(r"(?<=[\w\])'\"]=)[^\s,;&)\]}\"'=]+")
_KEY_FLAG = re.compile(r"(?<=[A-Za-z]:)(?:true|false|null|none)\b", re.I)
# What surrounds a value without being part of it: "(", "[", quotes; ",", ":", ")" and so on.
_EDGES = re.compile(r"^([(\[{<\"']*)(.*?)([)\]}>\"',;:.!?]*)$", re.S)
# A name with a value in brackets after it; the name has no digit (or it is a value itself).
_INDEXED = re.compile(r"(?P<name>[A-Za-z_$][A-Za-z_$.-]*[A-Za-z_$])\[[^\[\]\s]+\]")
_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}
_DIGIT = re.compile(r"\d")
# What a word needs for any rule below to apply to it.
_WORTH_A_LOOK = re.compile(rf"[\d=:/@\\]|\(\)|\.\.\.|\.{_TLD}\b", re.I)
# A word of letters, digits, "_" and "-" between edges: a value if it has a digit, else a word.
_PLAIN = re.compile(r"([(\[{<\"']*)([\w-]+)([)\]}>\"',;:.!?]*)")
# An id made of a type prefix and random letters, digits or none among them: Stripe's
# "req_oiyqLopGYeJtSj", "pi_3OqLbT2eZvKYlo2C".
_PREFIXED_ID = re.compile(r"(?<![\w-])[a-z]{2,8}_([A-Za-z0-9]{10,})(?![\w-])")


def _prefixed_id(found: re.Match[str]) -> str:
    body = found[1]
    upper = sum(1 for c in body if c.isupper())
    lower = sum(1 for c in body if c.islower())
    # Mixed case as no identifier is (camelCase has a capital a word): random.
    return MASK if upper >= 3 and lower >= 3 and upper * 4 >= len(body) else found[0]


# A country's subdivision (ISO 3166-2: "GB-GSY", "CA-NU", "AU-NSW"): a value, a postcode's
# or an address's.
_REGION_CODE = re.compile(r"(?<![\w-])[A-Z]{2}-[A-Z0-9]{1,3}(?![\w-])")
# An error code standing for its message, as production builds print them ("NG0600", Angular's
# runtime error without its text; "E11000", "ORA-00942"): a message of that one word names the
# problem. In a longer message a code is still masked like any other value.
_ERROR_CODE = re.compile(r"[A-Z]{1,5}-?\d{2,6}")
# An HTTP status with its reason phrase ("502 Bad Gateway", requests' "503 Server Error:") is
# which answer came back, not a value: a 502 and a 504 from one API are two problems.
_HTTP_STATUS = re.compile(
    r"(?<![\w.])([1-5]\d\d)(?= (?:Bad Gateway|Gateway Timeout|Service Unavailable|"
    r"Internal Server Error|Not Found|Bad Request|Unauthorized|Forbidden|Too Many Requests|"
    r"Conflict|Gone|Unprocessable (?:Entity|Content)|Request Timeout|Method Not Allowed|"
    r"Payment Required|Not Implemented|Server Error|Client Error)\b)"
)
_STATUS_HINT = re.compile(r" (?:Ga|Se|In|No|Ba|Un|Fo|To|Co|Go|Re|Me|Pa|Cl)")
_STATUS_SLOT = "HTTPSTATUS"
# A list of masked values ("an14 an15 an16", "IRQs 3 4 5") is one slot, however long.
_RUNS = re.compile(r"<\*>(?:[\s,]+<\*>)+")


# Cached as well: words recur across messages, many with their values ("uid=0", "(LOCAL)").
@lru_cache(maxsize=32768)
def _mask_word(word: str) -> str:
    if not _WORTH_A_LOOK.search(word):
        return word  # most words: no digit, no path, no key=value; nothing to mask
    plain = _PLAIN.fullmatch(word)
    if plain:
        # The common case, without the rules below: "42", "node-129,", "[bglio91]", "src:".
        lead, core, trail = plain.groups()
        return f"{lead}{MASK}{trail}" if _DIGIT.search(core) else word
    if "..." in word:
        # "icbi.........0": dot leaders join a word and a value; mask each side on its own.
        return "".join(
            _mask_word(piece) if i % 2 == 0 else piece
            for i, piece in enumerate(_LEADERS.split(word))
        )
    if word == "()":
        # "connection from <ip> () at": an empty value is still that value's slot.
        return f"({MASK})"
    lead, core, trail = _EDGES.match(word).groups()  # type: ignore[union-attr]
    # "LOCAL(0)," keeps its own ")" in the value: only unmatched closers are edges.
    while trail and trail[0] in _CLOSERS and core.count(_CLOSERS[trail[0]]) > core.count(trail[0]):
        core, trail = core + trail[0], trail[1:]
    if _WORD_VALUES.fullmatch(core):
        return f"{lead}{MASK}{trail}"
    if core.endswith("]") and (indexed := _INDEXED.fullmatch(core)) is not None:
        # "tasks.render_invoice_pdf[4e8e4bad-...]", "php-fpm[2117]": the name is what ran (a
        # Celery task, a program), the bracket its run's id.
        return f"{lead}{indexed['name']}[{MASK}]{trail}"
    if "=" in core:
        # "uid=0", "ready=true,policy=3": the keys are the shape, the values vary.
        return _KEY_VALUE.sub(MASK, word)
    if not _DIGIT.search(core):
        return _KEY_FLAG.sub(MASK, word) if ":" in core else word
    if _INNER.search(core):
        # "cancelNotification,index:0": a word made of parts keeps the parts without digits.
        parts = _INNER.split(core)
        core = "".join(
            MASK if i % 2 == 0 and _DIGIT.search(part) else part for i, part in enumerate(parts)
        )
        return f"{lead}{core}{trail}"
    # Counters, ids, sizes, versions, "node-129", "test9": one slot each.
    return f"{lead}{MASK}{trail}"


@lru_cache(maxsize=65536)
def mask(text: str) -> str:
    """``text`` with every variable part replaced by ``MASK`` and whitespace collapsed.

    Cached: the same message arrives again and again, and masking is pure.
    """
    if _DATE_HINT.search(text):
        text = _DATE.sub(MASK, text)
    if _QUANTITY_HINT.search(text):
        text = _QUANTITY.sub(MASK, text)
    if _may_name(text):
        text = _NAMED.sub(MASK, text)
    if '"' in text or "'" in text:
        text = _QUOTED_CODE.sub(rf"\1{MASK}\1", text)
        if "://" in text:
            text = _QUOTED_URL.sub(rf"\1{MASK}\1", text)
        text = _QUOTED_WORDS.sub(_quoted_value, text)
    text = _CURRENCY_WORD.sub(MASK, text)
    if "_" in text:
        text = _PREFIXED_ID.sub(_prefixed_id, text)
    if "-" in text:
        text = _REGION_CODE.sub(MASK, text)
    words = text.split()
    if len(words) == 1 and _ERROR_CODE.fullmatch(words[0]):
        return words[0]  # the whole message is a code: the code is the problem
    statuses: list[str] = []
    if _STATUS_HINT.search(text) is not None and _HTTP_STATUS.search(text) is not None:
        words = _held(_HTTP_STATUS, text, _STATUS_SLOT, statuses, str).split()
    masked = _RUNS.sub(MASK, " ".join(_mask_word(word) for word in words))
    return _given_back(masked, _STATUS_SLOT, statuses)


def _held(
    pattern: re.Pattern[str],
    text: str,
    slot: str,
    held: list[str],
    keep: Callable[[str], str],
    count: int = 0,
) -> str:
    """``text`` with each match of ``pattern`` replaced by a slot of letters (which no masking
    rule touches), ``keep`` of the match appended to ``held``: given back by ``_given_back``."""

    def hold(found: re.Match[str]) -> str:
        held.append(keep(found[0]))
        return f"{slot}{_slot_letters(len(held) - 1)}"

    return pattern.sub(hold, text, count=count)


def _given_back(masked: str, slot: str, held: list[str]) -> str:
    for at, value in enumerate(held):
        masked = masked.replace(f"{slot}{_slot_letters(at)}", value, 1)
    return masked


def _slot_letters(at: int) -> str:
    """The slot's number in letters, A for 0 ("BA" is 10); the slots stand in the text in
    order, so the first of a slot's letters that is left is that slot's."""
    return "".join(chr(ord("A") + int(digit)) for digit in str(at))


# A URL in a message, or a connection pool's host (urllib3's "HTTPSConnectionPool(host=
# 'api.stripe.com', port=443)"): which service a call failed to reach.
# (A URL in quotes is one to its closing quote, spaces and all, as ``_QUOTED_URL`` reads it.)
_URL_OR_HOST = re.compile(
    r"(?<=\")[a-z][a-z0-9+.-]*://[^\"\n]*(?=\")|(?<=')[a-z][a-z0-9+.-]*://[^'\n]*(?=')"
    r"|[a-z][a-z0-9+.-]*://[^\s\"'<>()\[\]{},]*|(?<=host=')[^'\s]+",
    re.I,
)
_AUTHORITY = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/?#]*@)?(?P<host>[^:/?#]*)", re.I)
_HOST_SLOT = "HOSTSLOT"


def mask_message(text: str) -> str:
    """``mask``, but a URL keeps its host, as ``<api.seaweather.example>``: a timeout calling
    one service and the same timeout calling another are two problems. (Only the host: a
    path names what was asked, a value as often as not.) A host label with a digit is a
    value (a pod's, a region's), an address is one."""
    if "://" not in text and "host='" not in text:
        return mask(text)
    hosts: list[str] = []
    masked = mask(_held(_URL_OR_HOST, text, _HOST_SLOT, hosts, _host_slot, count=26))
    return _given_back(masked, _HOST_SLOT, hosts)


def _host_slot(url: str) -> str:
    found = _AUTHORITY.match(url)
    host = (found["host"] if found else "").lower().strip(".")
    if not host or all(part.isdigit() for part in host.split(".")):
        return MASK  # an address
    labels = ["*" if _DIGIT.search(label) else label for label in host.split(".")]
    return f"<{'.'.join(labels)}>"


def _may_name(text: str) -> bool:
    """``_NAMED_HINT``'s answer, most often without it: in ASCII text (where ignoring case is
    what ``lower`` does) "user " or "for " must be there. Most lines have neither."""
    if text.isascii():
        lowered = text.lower()
        if "user " not in lowered and "for " not in lowered:
            return False
    return _NAMED_HINT.search(text) is not None


def signature(template: str) -> str:
    """A short stable key for an exact template match (what the signature index stores)."""
    return hashlib.blake2b(template.encode(), digest_size=16).hexdigest()
