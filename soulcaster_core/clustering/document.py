"""What the clusterer reads of an item: its problem, and the grouping keys that name it.

A Sentry event, a PostHog ``$exception``, a Splunk log row and a Datadog monitor about one
failure look nothing alike as payloads. What they share, after the plugins have read them into
``FeedbackItem.exceptions``, is the exception type, its message in one wording
(``messages.canonical``) and the application frames it went through. ``document_for`` turns an
item into a ``ClusterDoc`` holding those and the keys built from them (``keys``), after
Sentry's grouping: frames first, the message where there are no frames, the masked template
for logs and alerts. Items that came as text (the ``manual`` source, log lines) are read from
their text; structure a plugin gave is never re-read from text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from pydantic import ValidationError

from ..incidents.signals import is_recovered
from ..models import FeedbackItem
from ..parsing import endpoint_name, endpoint_verb, parse_trace
from ..parsing.headlines import TYPE_SUFFIXES
from ..stacktrace import ExceptionInfo
from .messages import canonical, key_type
from .normalize import MASK, mask_message, signature
from .stack_frames import (
    application_frames,
    entries_of,
    named_frames,
    places_of,
    reading,
    unmarked,
)

#: Words of a masked head kept; the shape of a message is in its start.
HEAD_WORDS = 48

KeyKind = Literal[
    "frames",
    "message",
    "location",
    "service",
    "type",
    "entry",
    "template",
    "skeleton",
    "tail",
    "suffix",
    "whole",
    "mention",
    "page",
    "request",
    "place",
]

# "Type: message", in the spellings of Python, JS, Java, C#, PHP, Go, Ruby: at the start of a
# line, or after a log line's prefix ("2024-03-05 ERROR [web] request 42 failed: Error: ...").
_HEADLINE = re.compile(
    r"(?:^|(?<=[\s:\]]))(?:Uncaught\s+|Unhandled\s+|Caused by:\s+|"
    r"Exception in thread \"[^\"]*\"\s+|PHP Fatal error:\s+Uncaught\s+|Fatal error:\s+Uncaught\s+)?"
    r"(?P<type>\*?[A-Za-z_][\w$]*(?:[.:]{1,2}[A-Za-z_][\w$]*)*"
    rf"(?:{'|'.join(TYPE_SUFFIXES)})|panic|Error"
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
# A .NET wrapper's message that says nothing but where to look (EF Core's DbUpdateException).
_DEFERS_TO_CAUSE = re.compile(r"\b[Ss]ee the inner exception for details\b")


def defers_to_cause(message: str) -> bool:
    """Whether ``message`` is a wrapper's that says only to read its cause (EF Core's "An
    error occurred while saving the entity changes. See the inner exception for details.")."""
    return "inner exception" in message and _DEFERS_TO_CAUSE.search(message) is not None


# An NSError's code as Apple's SDKs print it after its description: "Code: -1009",
# "... (Code: 4864)".
_NSERROR_CODE = re.compile(r"\(?\bCode[:=] ?(?P<code>-?\d+)\)?\s*$")
# A Go value printed after the error with %+v (a recovery middleware's "<panic>: &{Id:7}"):
# the request that met the bug, not the bug.
_GO_VALUE_DUMP = re.compile(r": &\{[^{}\n]*\}$")
# Words an exception headline contains; a text with none of them is not searched for one.
_HEADLINE_WORDS = (*TYPE_SUFFIXES, "panic")
_HEADLINE_HINT = re.compile(rf"{'|'.join(_HEADLINE_WORDS)}|[a-z]::[A-Z]")
# "[Triggered on {host:web-1}]", "[P1]", "[Recovered]": alert state, not the problem.
_TAGS_PREFIX = re.compile(r"^\s*(?:\[[^\]]{0,200}\]\s*)+")
# A scope may hold a route's parameters: "{resource_name:post_/a/{id}/b,service:api}".
_BRACED = r"\{(?:[^{}]|\{[^{}]*\})*\}"
_SCOPE = re.compile(_BRACED)
# "key:value" in a scope, and the keys that name a place rather than a problem.
_SCOPE_PAIR = re.compile(r"(?P<key>[\w.@-]+):(?:[^,{}]|\{[^{}]*\})*")
_PLACE_KEYS = frozenset(
    {
        "host",
        "hostname",
        "pod",
        "pod_name",
        "kube_pod",
        "container",
        "container_name",
        "container_id",
        "instance",
        "instance-type",
        "ip",
        "availability-zone",
        "zone",
        "node",
    }
)
_LEADING_SCOPES = re.compile(rf"(?:{_BRACED}\s*)+")
# A bundler's content hash in a file name: "chunk-3f9a1c", "main.8e4b2a0d".
# An access log's request and answer (nginx, Apache, Envoy, a load balancer), however the rest
# of its line is laid out: '"POST /v1/bookings/hold HTTP/1.1" 503'.
_REQUEST_LINE = re.compile(
    r'"(?P<method>[A-Z]{3,7}) (?P<path>/[^\s"]*) HTTP/[\d.]+" (?P<status>[1-5]\d\d)\b'
)
# The same as logfmt fields (Heroku's router: 'at=error code=H12 method=GET path="/x"
# ... status=503'; Go's request loggers).
_REQUEST_FIELDS = re.compile(
    r'\bmethod=(?P<method>[A-Z]{3,7})\b.*?\bpath="?(?P<path>/[^\s"]*)"?.*?\bstatus=(?P<status>[1-5]\d\d)\b'
)
# The line a web framework logs when a request raised (it answers 500): Flask's "Exception on
# /refunds/9 [POST]", Django's "Internal Server Error: /refunds/9/".
_FAILED_REQUEST = re.compile(
    r"(?:^|\s)(?:Exception on (?P<path>/\S*) \[(?P<method>[A-Z]{3,7})\]"
    r"|Internal Server Error: (?P<django>/\S*)"
    # Tornado's "Uncaught exception POST /v1/bookings (10.0.3.7)", Ktor's "Unhandled error on
    # POST /v1/classes/7/book".
    r"|Uncaught exception (?P<verb>[A-Z]{3,7}) (?P<tornado>/\S*) \([^()\s]*\)"
    r"|Unhandled error on (?P<ktor_verb>[A-Z]{3,7}) (?P<ktor>/\S*))\s*$"
)
# What a server logs for any request that raised, before the traceback that says which
# error: uvicorn's and aiohttp's lines, ASP.NET Core's exception handler's, Litestar's; and
# Airflow's for any task that raised. After the record's head, if it kept one ("[<*>]
# {taskinstance.py:<*>} ERROR - ").
_ANY_FAILURE = re.compile(
    r"(?:.*?\b(?:ERROR|CRITICAL|FATAL)\b:?\s+(?:-\s+)?)?"
    r"(?:Exception in ASGI application|Error handling request(?: <\*>)?"
    r"|An unhandled exception has occurred while executing the request\.?"
    r"|Task failed with exception|Uncaught exception)"
)
# A log line's source before " - ": a program or component name of up to four words.
_SOURCE = re.compile(r"^[^\s-](?:\S*\s){0,3}?\S*\s-\s(?=(?:\S+\s+){3})")
# A word that is nothing but slots and punctuation: "<*>", "(<*>)", "<<*>", "<*>,<*>".
_SLOT = re.compile(r"(?<=\s)[^\w\s]*(?:<\*>[^\w\s]*)+(?=\s)")


@dataclass(frozen=True, slots=True)
class GroupingKey:
    """One way to recognise a problem: its kind, and a stable id (what the index stores)."""

    kind: KeyKind
    id: str


def _key(kind: KeyKind, *parts: str) -> GroupingKey:
    return GroupingKey(kind, f"{kind[0]}:" + signature("\x1f".join(parts)))


def _after_contexts(text: str) -> tuple[list[GroupingKey], str]:
    """The ``suffix`` keys of what ``text`` says after each of its context prefixes
    (``request failed: upsert checkpoint: ...``), while three words or more remain and
    ``MAX_SUFFIXES`` at most; and what it says before the first of them ("" without any)."""
    found: list[GroupingKey] = []
    first = ""
    for context in _CONTEXT_END.finditer(text):
        rest = text[context.end() :]
        if len(rest.split()) < 3 or len(found) >= MAX_SUFFIXES:
            break
        first = first or text[: context.start()]
        found.append(_suffix(rest))
    return found, first


def _suffix(message: str) -> GroupingKey:
    # The id of an untyped error's message key, in the role of a log line's suffix.
    return GroupingKey("suffix", _key("message", "", message).id)


def location_key(name: str) -> GroupingKey:
    """Where an exception of any type, or of none, was raised: ``name`` its innermost relevant
    application frame."""
    return _key("location", name)


def frame_key(type_key: str, name: str) -> GroupingKey:
    """The key of an exception of ``type_key`` (see ``messages.key_type``) whose innermost
    relevant application frame is ``name``."""
    return _key("frames", type_key, name)


class CauseStack(NamedTuple):
    """A cause of an exception chain, with its own application frames (innermost first)."""

    type_key: str
    type: str
    message: str
    frames: tuple[str, ...]
    files: tuple[str | None, ...]


@dataclass(slots=True)
class ClusterDoc:
    """The clustering view of one item, with its grouping keys (computed once, when made:
    a document is read many times, and most are cached). Never changed once made."""

    #: The masked problem statement: "TypeError: cannot read property 'x' of undefined", or a
    #: log line's template.
    head: str
    #: Application frames, innermost first, by method name (never lines, columns or files).
    frames: tuple[str, ...]
    #: The exception type without its package ("NullPointerException"), or "".
    exc_type: str
    #: What the embedder reads.
    text: str
    #: Whether the item states an exception (typed, or a headline in its text).
    is_exception: bool = False
    service: str | None = None
    #: The type as keys compare it ("" for types that say nothing, like Go's errorString).
    type_key: str = ""
    #: The canonical message, masked, without the type.
    message: str = ""
    #: Where the frames came from, for the explanation: "exceptions" or "text".
    frames_from: str = ""
    #: The file (name without extension) of each frame, when the sender gave one.
    files: tuple[str | None, ...] = ()
    #: The causes of the thrown exception: (type as keys compare it, masked message).
    causes: tuple[tuple[str, str], ...] = ()
    #: The causes that show application frames: (type as keys compare it, short type, masked
    #: message, application frames innermost first, their files). A log may print only the
    #: root cause with its own stack (Tomcat's "with root cause"): it meets the chain by these.
    cause_frames: tuple[CauseStack, ...] = ()
    #: The names of the stack's entry point: its outermost application frame's function, and
    #: the class it belongs to where a language names one (``CertificateIssuerJob#perform``).
    entries: tuple[str, ...] = ()
    #: The route or job the item ran under (``endpoints.endpoint_name``): an entry point too.
    endpoint: str | None = None
    #: The HTTP method of that route, where the sender named one: two routes of one path
    #: (``POST /v1/bookings``, ``PATCH /v1/bookings/{id}``) are two entry points.
    verb: str | None = None
    #: A message quoted without type or stack (a monitor's sample, a logged error's text):
    #: it may be what several problems say.
    quoted: bool = False
    #: A line a server logs for any failed request, and nothing else of it ("Exception in
    #: ASGI application" over a traceback cut before its exception): no problem to group by.
    says_nothing: bool = False
    #: The files an exception was raised in (``frame_file``): for a stack, its innermost frame's
    #: and its innermost application frame's; for an item that states only where it was thrown
    #: (PHP's "in /src/Cart.php:42", a Rust panic's location), that file.
    places: tuple[str, ...] = ()
    #: An access log line's request and answer (``POST bookings/hold 503``): a problem of its
    #: own per route and status, whatever else the line's format says.
    request: str | None = None
    #: One key per application frame, innermost first: the first that is not a shared helper
    #: is the item's key (the clusterer decides which frames are helpers).
    frame_keys: tuple[GroupingKey, ...] = field(init=False)
    message_key: GroupingKey | None = field(init=False)
    #: The same frames of an exception of any type, and its message without the type: how an
    #: error logged without its type (a Go error, a log line) and its typed twin meet.
    location_keys: tuple[GroupingKey, ...] = field(init=False)
    untyped_message_key: GroupingKey | None = field(init=False)
    #: The message without the type on the page or route: how an error a log quoted without
    #: its type meets its typed twin there, among problems that say the same elsewhere.
    untyped_page_key: GroupingKey | None = field(init=False)
    #: The type and message on the page or route it happened on: what tells apart, without a
    #: stack, two problems that say the same (one null price on two pages).
    page_key: GroupingKey | None = field(init=False)
    #: Type and message raised in a file (``places``): how a log line that says only where an
    #: error was thrown meets the stack that shows it, among problems that say the same.
    place_keys: tuple[GroupingKey, ...] = field(init=False)
    #: Type and service: what a monitor without a trace says of an error; the type alone.
    service_key: GroupingKey | None = field(init=False)
    type_only_key: GroupingKey | None = field(init=False)
    #: The causes' messages, as ``message`` keys (a log may print only the root cause).
    cause_keys: tuple[GroupingKey, ...] = field(init=False)
    #: The outermost application frame, by name and by file: the entry point (a task, a job,
    #: a handler) an alert may name instead of the failing function.
    entry_keys: tuple[GroupingKey, ...] = field(init=False)
    #: The frame key of each cause that shows application frames (``cause_frames``, in
    #: order): where a log that printed only that cause, with its stack, is known.
    cause_frame_keys: tuple[GroupingKey, ...] = field(init=False)
    #: The exact masked template, with frames: the key of logs and alerts.
    template_key: GroupingKey = field(init=False)
    _skeleton: GroupingKey | bool | None = field(init=False, default=False, repr=False)
    _secondary: tuple[GroupingKey, ...] | None = field(init=False, default=None, repr=False)
    #: The keys every occurrence is looked up by, the primary one first (a log's skeleton and
    #: message keys are looked up only when its template is new: see ``secondary_keys``).
    keys: tuple[GroupingKey, ...] = field(init=False)
    key_ids: tuple[str, ...] = field(init=False)
    #: The primary key's id: what identical occurrences share.
    signature: str = field(init=False)

    def __post_init__(self) -> None:
        # Plain assignments (the class is not frozen): this runs for every distinct log line.
        # (The endpoint only where there is one: a line without keeps the key it always had,
        # so templates stored before lines kept their route still lead to their clusters.)
        routed = (self.endpoint,) if self.endpoint else ()
        self.template_key = _key("template", self.head, *self.frames, self.request or "", *routed)
        self.message_key = self.untyped_message_key = self.page_key = None
        self.untyped_page_key = None
        self.service_key = self.type_only_key = None
        self.frame_keys = self.location_keys = self.cause_keys = self.entry_keys = ()
        self.place_keys = ()
        self.cause_frame_keys = tuple(
            frame_key(cause.type_key, cause.frames[0]) for cause in self.cause_frames
        )
        if self.says_nothing:
            self.keys = ()
        elif not self.is_exception:
            self.keys = (self.template_key,)
        else:
            typed = self.type_key
            self.frame_keys = tuple(frame_key(typed, name) for name in self.frames)
            if self.message:  # a type alone says too little to join on
                self.message_key = _key("message", typed, self.message)
                if self.endpoint:
                    self.page_key = _key("page", typed, self.message, self.endpoint)
                self.place_keys = tuple(
                    _key("place", typed, self.message, "@", place) for place in self.places
                )
            self.location_keys = tuple(location_key(name) for name in self.frames)
            if typed:
                if self.message:
                    self.untyped_message_key = _key("message", "", self.message)
                    if self.endpoint:
                        self.untyped_page_key = _key("page", "", self.message, self.endpoint)
                if self.service:
                    self.service_key = _key("service", typed, self.service.lower())
                self.type_only_key = _key("type", typed)
            self.cause_keys = tuple(
                _key("message", kind, message) for kind, message in self.causes if message
            )
            # Without frames the item is an alert's word about an error: it names an entry
            # point as an alert does (see ``mentions``).
            role: KeyKind = "entry" if self.frames else "mention"
            self.entry_keys = tuple(
                GroupingKey(role, _key("entry", n).id)
                for n in sorted({_identifier(e) for e in (*self.entries, *self._routes())})
                if len(n) >= 6
            )
            found = [
                *self.frame_keys,
                self.message_key,
                self.untyped_message_key,
                self.page_key,
                self.untyped_page_key,
                *self.place_keys,
                *self.location_keys,
                self.service_key,
                self.type_only_key,
                *self.cause_keys,
                *self.entry_keys,
            ]
            self.keys = tuple(k for k in found if k is not None)
        self.key_ids = tuple(k.id for k in self.keys)
        self.signature = self.keys[0].id if self.keys else self.template_key.id

    def explain(self) -> dict[str, Any]:
        """What grouping read of the item: shown on the item page and in the API."""
        if not self.is_exception:
            return {"template": self.head, "endpoint": self.endpoint, "request": self.request}
        return {
            "type": self.exc_type or None,
            "message": self.message,
            "frames": list(self.frames),
            "frames_from": self.frames_from or None,
            # The file(s) it was raised in: what the place key reads (``file>caller``).
            "raised_in": list(self.places),
            "service": self.service,
            "endpoint": self.endpoint,
        }

    @property
    def skeleton_key(self) -> GroupingKey | None:
        """The template's words without its slots, for values that take one word or several
        ("0 bytes" and "1,234 bytes (1.20 KB)"); only for templates that have slots. Worked
        out when first asked: only a template met for the first time needs it."""
        if self._skeleton is False:
            self._skeleton = None
            if not self.is_exception and MASK in self.head:
                self._skeleton = _skeleton(self.head, self.endpoint)
        assert self._skeleton is not True
        return self._skeleton or None

    def tail_key(self) -> GroupingKey | None:
        """The skeleton of what a log line says after its source ("chrome.exe - ...",
        "Code Helper (Renderer) - ..."): the program or component that wrote it is a value
        of one word or several, which the masking cannot tell from a word of the message."""
        if self.is_exception or MASK not in self.head:
            return None
        source = _SOURCE.match(self.head)
        return _skeleton(self.head[source.end() :], self.endpoint, "tail") if source else None

    def request_key(self) -> GroupingKey | None:
        """The key of an access log line's request and answer: how the same request in two
        formats (a Splunk row, a monitor's sample) meets."""
        return _key("request", self.request) if self.request else None

    def said_page_key(self) -> GroupingKey | None:
        """For an error quoted without its type: its message on its page or route (the
        ``untyped_page_key`` of the error that says it there)."""
        if not self.quoted or not self.endpoint:
            return None
        return _key("page", "", self.head, self.endpoint)

    def whole_key(self) -> GroupingKey:
        """The ``message`` key of an untyped error whose message is this whole line (said
        under a route or job, a line that names one is no error's message elsewhere)."""
        if self.endpoint and not self.quoted:
            return GroupingKey("whole", _key("message", "", self.head, self.endpoint).id)
        return GroupingKey("whole", _key("message", "", self.head).id)

    def message_keys(self) -> tuple[GroupingKey, ...]:
        """For a log line or alert: the ``message`` keys of an untyped error with this message,
        or with the part after a context prefix ("request failed: upsert checkpoint: pq:
        deadlock detected" ends in the message of a Go error)."""
        if self.is_exception:
            return ()
        suffixes, first = _after_contexts(self.head)
        found = [self.whole_key(), *suffixes]
        if self.quoted and suffixes and len(first.split()) >= 3:
            # An error chain printed whole ("insert payout batch for pay run 42: error returned
            # from database: ..."), whose sender reports the outer error apart from its causes
            # (anyhow in Sentry): the outer message is the error's. (Only for an error's
            # message: a log line's text before a colon is often its context, not an error.)
            found.append(_suffix(first))
        return tuple(found)

    def wrapped_keys(self) -> tuple[GroupingKey, ...]:
        """For an exception without frames: the ``message`` keys of an untyped error with the
        part of its message after a context ('Handling "App\\Message\\ReservePaper" failed:
        Idle timeout reached ...'): a wrapper a framework threw says its cause's words. Also
        for an error logged without a type over the stack of the line that logged it (Go's
        ``logger.Error("ingest failed", zap.Error(err))``): its words after the context are
        the error's, its stack is not where the error was made."""
        if not self.is_exception or (self.frames and self.exc_type) or not self.message:
            return ()
        return tuple(_after_contexts(self.message)[0])

    def mentions(self) -> tuple[GroupingKey, ...]:
        """For an alert or log line: the ``entry`` keys of the code names it mentions (a task
        ``reports.tasks.build_weekly_report``, a job ``CertificateIssuerJob``), so that it
        meets the errors whose stacks enter there, whichever comes first."""
        if self.is_exception:
            return ()
        if self.request:
            # An access line names its route, and only where the app itself failed (500; a
            # proxy's 502-504 are another layer's): the error that entered there answered it.
            verb_route, _, status = self.request.rpartition(" ")
            if status != "500":
                return ()
            verb, _, route = verb_route.partition(" ")
            routes = _route_names(None if verb == "*" else verb, route)
            return tuple(
                GroupingKey("mention", _key("entry", n).id)
                for n in map(_identifier, routes)
                if len(n) >= 6
            )
        # A quoted error's endpoint is where it happened (a page, a route), not a word about
        # another problem there: many problems happen on one page.
        names = {_identifier(r) for r in self._routes()} if not self.quoted else set()
        # (Not a name with its run's id, "shop.tasks.send_receipt[<*>]": a line about a run,
        # a warning as often as a failure, names the task it ran in, not the code that failed.)
        head = _RUN.sub(" ", self.head) if f"[{MASK}]" in self.head else self.head
        words = _WORDS.split(head) if _CODE_NAME.search(head) else []
        named = [word for word in words if len(word) >= 6 and _CODE_NAME.search(word)]
        # A line that lists many ("Starting worker for 9 functions: a, b, c") names none.
        for word in named if len(named) <= MAX_MENTIONS else ():
            # The whole name, its last part (a function), and a class before it.
            parts = word.split(".")
            names.update((_identifier(word), _identifier(parts[-1])))
            if len(parts) > 1 and parts[-2][:1].isupper():
                names.add(_identifier(parts[-2]))
        return tuple(
            GroupingKey("mention", _key("entry", n).id) for n in sorted(names) if len(n) >= 6
        )

    def _routes(self) -> tuple[str, ...]:
        """The endpoint as entry points name it: with its method where one is known (how two
        routes of one path are told apart), and without (how a sender that omits it meets)."""
        return _route_names(self.verb, self.endpoint) if self.endpoint else ()

    def secondary_keys(self) -> tuple[GroupingKey, ...]:
        """A log's or alert's skeleton, message and mention keys: looked up and registered
        only when its template is new. (None for a line that says nothing: it registers no
        key, whether the worker places it or a re-grouping does.)"""
        if self.says_nothing:
            return ()
        if self._secondary is None:
            shapes = (self.skeleton_key, self.tail_key(), self.request_key(), self.said_page_key())
            found = (*self.message_keys(), *self.mentions())
            self._secondary = (*(k for k in shapes if k is not None), *found)
        return self._secondary

    def all_keys(self) -> tuple[GroupingKey, ...]:
        """Every key a new problem may register."""
        return (*self.keys, *self.secondary_keys())

    @property
    def tokens(self) -> list[str]:
        return self.head.split()

    @property
    def shape(self) -> str:
        """Templates that may match this one but for slots share its length and first word."""
        tokens = self.tokens
        return signature(f"{len(tokens)} {tokens[0] if tokens else ''}")[:16]


def _skeleton(
    template: str, endpoint: str | None, role: KeyKind = "skeleton"
) -> GroupingKey | None:
    """The key of a template's words without its slots, if three words at least are left,
    under its endpoint where it has one (one search's rows for two jobs are two problems)."""
    words = _SLOT.sub(" ", f" {template} ").split()
    if len(words) < 3:
        return None
    routed = (endpoint,) if endpoint else ()
    return GroupingKey(role, _key("skeleton", " ".join(words), *routed).id)


def _route_names(verb: str | None, route: str) -> tuple[str, ...]:
    """A route as entry points name it: with its method where one is known, and without."""
    return (f"{verb} {route}", route) if verb else (route,)


def _identifier(name: str) -> str:
    """A code name as a key compares it: ``CertificateIssuerJob``, ``certificate_issuer_job``
    and ``certificate-issuer-job`` are one."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


# Where a sentence's words end, and what makes a word a code name: snake_case, a dotted path,
# or CamelCase.
_RUN = re.compile(rf"\S+\[{re.escape(MASK)}\]")
_WORDS = re.compile(r"[\s{}()\[\],;:'\"`<>=]+")
_CODE_NAME = re.compile(r"_|\.[a-z]|[a-z][A-Z]")
#: Code names an alert or a log line may mention and still be about one of them.
MAX_MENTIONS = 2
#: Context prefixes a log line's message may be read without ("request failed: ...").
MAX_SUFFIXES = 3
# Where a context prefix ends: "request failed: <error>", "eta sms failed - <error>", and
# gRPC's status around the error a server returned ("rpc error: code = Internal desc = <error>").
_CONTEXT_END = re.compile(r": | - | desc = ")


# A message that is itself "Qualified.TypeName: message".
_JS_FATAL = "Unhandled JS Exception: "


def _js_error(value: str) -> str:
    """The JavaScript error React Native's native fatal names, its stack below it."""
    return value[len(_JS_FATAL) :].replace(", stack:\n", "\n", 1)


_LABELLED = re.compile(
    r"^(?P<type>[A-Za-z_]\w*(?:\.\w+)+(?:Exception|Error)): (?P<message>.*)$", re.DOTALL
)


def stored_exceptions(item: FeedbackItem) -> list[ExceptionInfo]:
    """The item's exceptions; items stored before the typed field kept them in metadata."""
    if item.exceptions:
        return item.exceptions
    raw = item.metadata.get("exceptions")
    if raw is None and isinstance(item.metadata.get("exception"), dict):
        raw = [item.metadata["exception"]]
    if not isinstance(raw, list):
        return []
    try:
        return [ExceptionInfo.model_validate(entry) for entry in raw if isinstance(entry, dict)]
    except ValidationError:
        return []


def document_for(item: FeedbackItem) -> ClusterDoc:
    """The clustering view of ``item``; pure, so the worker and the benchmark share it."""
    exceptions = stored_exceptions(item)
    endpoint = endpoint_name(item.endpoint)
    verb = endpoint_verb(item.endpoint) if endpoint else None
    if exceptions:
        return exception_document(exceptions, item.service, endpoint, verb)
    if is_recovered(item):
        # An alert's recovery is no occurrence of its problem: the recoveries of one monitor
        # are a cluster of their own, beside the alerts'.
        return recovery_document(item.title, item.service)
    if len(item.title) + len(item.body) + len(item.raw_text) <= CACHED_TEXT:
        return _text_document(item.title, item.body, item.raw_text, item.service, endpoint, verb)
    return build_document(item.title, item.body, item.raw_text, item.service, endpoint, verb)


@lru_cache(maxsize=1024)
def recovery_document(title: str, service: str | None) -> ClusterDoc:
    """The document of an alert that recovered: its title's statement, marked as a recovery."""
    head = f"recovered: {_cap(_masked_statement(_strip_tags(title))) or MASK}"
    return ClusterDoc(head=head, frames=(), exc_type="", text=head, service=service or None)


#: Longest text (title, body and raw text together) whose document is cached.
CACHED_TEXT = 2048


def exception_document(
    exceptions: Sequence[ExceptionInfo],
    service: str | None = None,
    endpoint: str | None = None,
    verb: str | None = None,
) -> ClusterDoc:
    """The document of an item whose exceptions a plugin read: nothing of its text is used."""
    exceptions = unmarked(exceptions)
    said = exceptions[-1].value if exceptions else None
    if said and said.startswith(_JS_FATAL) and (js := parse_trace(_js_error(said))):
        # React Native's fatal on iOS (sentry-cocoa's RCTFatalException): the JavaScript error
        # that crashed the app, its stack after ", stack:" in the JS engine's words, is the
        # problem; the native frames that abort are every such crash's.
        exceptions = [*exceptions[:-1], js[-1]]
    thrown, found = reading(exceptions)
    places = places_of(thrown, bool(found))
    kind, value = thrown.type, thrown.value
    if kind and ": " in kind:
        # A type that says its message after it (sentry-cocoa's "RCTFatalException: Unhandled
        # JS Exception: TypeError: ..."): a type is one name.
        kind, _, after = kind.partition(": ")
        value = value or after
    if kind in ("Exception", "Error") and value and (inner := _LABELLED.match(value)):
        # "Exception: System.InvalidOperationException: ..." (the Functions host's label
        # before the worker's error): the labelled exception is the one thrown.
        kind, value = inner["type"], inner["message"]
    if value and defers_to_cause(value):
        # .NET's wrappers that say only "See the inner exception for details" (EF Core's
        # DbUpdateException): what failed is the cause's message, under the wrapper's type.
        below = exceptions[: exceptions.index(thrown)] if thrown in exceptions else []
        value = next((e.value for e in reversed(below) if e.value), value)
    if not kind and not found and value and "\n" not in value and _request(value) is None:
        # A line quoted as what failed may still state its exception ("...:in `show':
        # Couldn't find Order (ActiveRecord::RecordNotFound)", "KeyError: 'sku'").
        kind, value = _headline(value, value) or _read_headline(value) or (kind, value)
    return _exception_doc(
        kind,
        value,
        tuple(name for name, _ in found),
        service,
        "exceptions",
        files=tuple(file for _, file in found),
        # The others of the chain, a wrapper read past among them: an alert may quote it.
        causes=tuple(
            (key_type(e.type), _said(e.type, e.value)[1]) for e in exceptions if e is not thrown
        ),
        cause_frames=tuple(
            CauseStack(
                key_type(e.type),
                *_said(e.type, e.value),
                tuple(name for name, _ in named),
                tuple(file for _, file in named),
            )
            for e in exceptions
            if e is not thrown and key_type(e.type) and (named := named_frames(e))
        ),
        entries=entries_of(exceptions),
        endpoint=endpoint,
        verb=verb,
        places=places,
    )


def _said(kind: str | None, message: str | None) -> tuple[str, str]:
    """The canonical short type and masked message of an exception."""
    said = canonical(kind, message)
    text = _TRAILING_VALUE.sub(rf"\g<1>{MASK}", said.message)
    if text.endswith("}") and ": &{" in text:
        text = _GO_VALUE_DUMP.sub("", text)
    if said.type.endswith("Domain") and (code := _NSERROR_CODE.search(text)) is not None:
        # An NSError is its domain and code ("NSURLErrorDomain", "Code: -1009": offline),
        # whatever its description says around them.
        before = text[: code.start()].strip()
        return said.type, _cap(f"{mask_message(before)} (code {code['code']})".lstrip())
    return said.type, (_cap(mask_message(text)) if text else "")


def _exception_doc(
    kind: str | None,
    message: str | None,
    frames: tuple[str, ...],
    service: str | None,
    frames_from: str,
    files: tuple[str | None, ...] = (),
    causes: tuple[tuple[str, str], ...] = (),
    cause_frames: tuple[CauseStack, ...] = (),
    entries: tuple[str, ...] = (),
    endpoint: str | None = None,
    places: tuple[str, ...] = (),
    verb: str | None = None,
) -> ClusterDoc:
    exc_type, masked = _said(kind, message)
    # (The canonical type: an engine's wording may name one the sender left out.)
    typed = key_type(exc_type)
    if not typed and not frames and masked and not places:
        # A message with neither a type that says anything nor a stack (a logged error, a
        # sample quoted by a monitor) is a log line: its template and skeleton find it.
        # (A type that says nothing is left out: "*fmt.wrapError: x" and "x" are one line.)
        request = _request(message or "")
        return ClusterDoc(
            head=masked,
            frames=(),
            exc_type="",
            text=masked,
            service=service or None,
            endpoint=endpoint,
            verb=verb,
            quoted=True,
            request=request,
            says_nothing=not endpoint
            and not request
            and _ANY_FAILURE.fullmatch(masked) is not None,
        )
    head = f"{exc_type}: {masked}" if exc_type and masked else exc_type or masked or MASK
    return ClusterDoc(
        head=head,
        frames=frames,
        exc_type=exc_type,
        text=" ".join([head, *frames]),
        is_exception=True,
        service=service or None,
        type_key=typed,
        message=masked,
        frames_from=frames_from if frames else "",
        files=files or (None,) * len(frames),
        causes=causes,
        cause_frames=cause_frames,
        entries=entries,
        endpoint=endpoint,
        verb=verb,
        places=places,
    )


@lru_cache(maxsize=8192)
def _text_document(
    title: str,
    body: str,
    raw_text: str,
    service: str | None,
    endpoint: str | None,
    verb: str | None,
) -> ClusterDoc:
    # Without structured exceptions, the document follows from the text alone, and the same
    # log line or alert arrives again and again (over half the lines of LogHub-2k repeat one).
    return build_document(title, body, raw_text, service, endpoint, verb)


def build_document(
    title: str,
    body: str,
    raw_text: str,
    service: str | None = None,
    endpoint: str | None = None,
    verb: str | None = None,
) -> ClusterDoc:
    """The document of an item that came as text: a log line, an alert, a hand-written report."""
    title = _strip_tags(title)
    # Plugins usually make the raw text of the title and the body: then it is the whole text.
    # (A title the model cut short ends in "…", and is in the raw text but for that.)
    # Titles are flattened to one line, which the raw text is not.
    shown = title[:-1] if title.endswith("…") else title
    if raw_text and body in raw_text and (shown in raw_text or shown in " ".join(raw_text.split())):
        text = raw_text
    else:
        text = "\n".join(part for part in (title, body, raw_text) if part)
    headline = _headline(title, text)
    if headline is not None:
        parsed = parse_trace(text) if "\n" in text else []
        found = application_frames(parsed)
        return _exception_doc(
            headline[0],
            headline[1],
            tuple(name for name, _ in found),
            service,
            "text",
            files=tuple(file for _, file in found),
            entries=entries_of(parsed),
            endpoint=endpoint,
            verb=verb,
        )
    # No exception: the title states the problem (an alert, a log line), unless the model cut
    # it short; then its full first line, from the raw text it was cut from.
    statement = title
    if title.endswith("…"):
        for source in (raw_text, body):
            line = _strip_tags(source.lstrip().split("\n", 1)[0])
            if line.startswith(title[:-1]):
                statement = line
                break
    head = _cap(_masked_statement(statement)) or MASK
    return ClusterDoc(
        head=head,
        frames=(),
        exc_type="",
        text=head,
        service=service or None,
        endpoint=endpoint,
        verb=verb,
        request=_request(statement),
    )


def _request(statement: str) -> str | None:
    """``POST bookings/hold 503`` of an access log line, or of a framework's line about a
    request that raised (``* refunds 500`` where it names no method); None for any other."""
    if "HTTP/" in statement and (found := _REQUEST_LINE.search(statement)) is not None:
        route = endpoint_name(found["path"]) or "/"
        return f"{found['method']} {route} {found['status']}"
    if "method=" in statement and (found := _REQUEST_FIELDS.search(statement)) is not None:
        route = endpoint_name(found["path"]) or "/"
        return f"{found['method']} {route} {found['status']}"
    if (
        "rror: /" in statement
        or "Exception on /" in statement
        or "exception " in statement
        or "rror on " in statement
    ):
        failed = _FAILED_REQUEST.search(statement)
        if failed is not None:
            path = failed["path"] or failed["django"] or failed["tornado"] or failed["ktor"]
            verb = failed["method"] or failed["verb"] or failed["ktor_verb"] or "*"
            return f"{verb} {endpoint_name(path) or '/'} 500"
    return None  # most lines: no regex


def _masked_statement(statement: str) -> str:
    """The statement masked, but for the scope in front of it (``{resource_name:get_/v1/x}``):
    a monitor's groups by route, job or error are different problems, whatever values they
    name; its groups by host or pod are one problem in several places."""
    scopes = _LEADING_SCOPES.match(statement) if statement.startswith("{") else None
    if scopes is None:
        return mask_message(statement)
    scope = _SCOPE_PAIR.sub(
        lambda m: f"{m['key']}:{MASK}" if m["key"].lower() in _PLACE_KEYS else m[0],
        scopes.group(0),
    )
    return f"{scope}{mask_message(statement[scopes.end() :])}"


def _headlines(text: str) -> list[tuple[str, str]]:
    if not _may_state_exception(text):
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


def _may_state_exception(text: str) -> bool:
    """``_HEADLINE_HINT``'s answer, in a third of its time on log lines (most have none of
    its words): a word is looked for as a substring; the regex only where a "::" may be."""
    for word in _HEADLINE_WORDS:
        if word in text:
            return True
    return "::" in text and _HEADLINE_HINT.search(text) is not None


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


def _read_headline(line: str) -> tuple[str, str] | None:
    """The exception a quoted line states as the trace reader knows the forms (Celery's
    repr of it, Rails' "Type (message):"), where ``_headline`` finds no "Type: message"."""
    said = parse_trace(line)
    if len(said) != 1 or not said[0].type or said[0].frames:
        return None
    return said[0].type, said[0].value or ""


def _strip_tags(title: str) -> str:
    """The title without the state and priority tags in front of it ("[P1] [Triggered on
    {service:checkout}] ..."), but with the scope they name, in braces: one monitor's groups
    are different problems, and its states are one."""
    if not title.lstrip().startswith("["):
        return title
    tags = _TAGS_PREFIX.match(title)
    if tags is None:
        return title
    scopes = _SCOPE.findall(tags.group(0))
    return " ".join([*scopes, title[tags.end() :].strip()])


def _cap(template: str) -> str:
    # Cut after masking, at a word: the cut then falls at the same place in every occurrence.
    words = template.split(" ")
    return template if len(words) <= HEAD_WORDS else " ".join(words[:HEAD_WORDS])


__all__ = [
    "ClusterDoc",
    "GroupingKey",
    "build_document",
    "document_for",
    "exception_document",
    "frame_key",
    "location_key",
    "stored_exceptions",
]
