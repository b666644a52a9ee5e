"""The error a log or APM monitor's notification names, as ``ExceptionInfo``.

Monitor messages quote what failed in the words their authors chose: the error attributes as
``@error.kind: ...`` / ``@error.message: ...`` / ``@error.stack: ...`` lines, a sample log line
(often JSON), a pasted stack trace in a code block, or only the error kind in the monitored
query (``service:payments status:error @error.kind:GatewayTimeout``). The shared parser reads the
traces and log lines; this module finds them in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from soulcaster_core.parsing import (
    first_statement,
    log_message,
    parse_log_line,
    parse_trace,
    trailing_error,
)
from soulcaster_core.stacktrace import ExceptionInfo, Frame, described

from .guesses import FOOTER

# "@error.kind: GatewayTimeout", "- **error.message**: capture timed out", "error.stack = ...",
# "**error:** capture timed out", zap's and slog's "err: ...":
# one error attribute per line, as authors write {{log.attributes.error.kind}} and the like.
_ATTRIBUTE_LINE = re.compile(
    r"^[ \t>*_`-]*@?(?:log\.)?(?:attributes\.)?(?:error|err)"
    r"(?:\.(?P<key>kind|type|message|msg|stack))?\b"
    r"[*_`]*[ \t]*[:=][ \t]*(?P<value>.*)$",
    re.IGNORECASE | re.MULTILINE,
)
# "@error.kind:GatewayTimeout" or '@error.kind:"Gateway Timeout"' in a search query; not
# negated ("-@error.kind:..."), not a wildcard.
_QUERY_KIND = re.compile(
    r"(?<![\w.@-])@?error\.(?:kind|type):"
    # (A PHP class keeps its namespace: "error.type:Shop\\Courier\\CourierException".)
    r"(?:\\?\"(?P<quoted>[^\"\\]+)\\?\"|(?P<bare>(?:[^\s\"'\\(){},]|\\(?=[A-Za-z_]))+))"
)
# Words of a record that states a failure ("FATAL ERROR:", "failed", "panic").
_FAILURE_STATED = re.compile(
    r"\b(?:error|exception|fatal|fail(?:ed|ure)?|panic|timed? ?out)\b", re.I
)
# A logger's source location alone on a line: "(src/jobs/rti.rs:81)".
_LOCATION_ONLY = re.compile(r"^\(?[\w./\\-]+\.\w{1,5}:\d{1,7}(?::\d{1,5})?\)?$")
# "**GraphQLError** at `["x"]`: message": an author's line naming the error and saying it.
_TYPED_LINE = re.compile(
    r"^[ \t>*_-]*[*`]*(?P<type>(?:[A-Za-z_]\w*(?:\.|::))*[A-Z]\w*(?:Error|Exception))[*`]*"
    r"(?: (?:at|in|on) [^\n:]{1,120})?:[ \t]+(?P<msg>\S[^\n]*)$",
    re.MULTILINE,
)
# "portal-jobs is failing: System.FormatException The input string 'N/A' was not ...": after
# the author's words, a qualified type and its message, as "{{error.kind}} {{error.message}}"
# lays them out without a colon between.
_SPACED_TYPED = re.compile(
    r":[ \t]+(?P<type>(?:[A-Za-z_]\w*(?:\.|::))+[A-Z]\w*(?:Error|Exception))"
    r"[ \t]+(?P<msg>\S+ \S[^\n]*)$",
    re.MULTILINE,
)
# An exception type by its usual endings, with its packages ("Illuminate\\Http\\X", "a.b.C").
_ERROR_TYPE = (
    r"(?:[A-Za-z_]\w*(?:\.|::|\\))*[A-Z]\w*"
    r"(?:Error|Exception|Timeout|Fault|Failure|Rejection|Panic|Interrupt)"
)
# "dock-api logged **TypeError**: Cannot read ...": a type in bold, then its message on its
# line, as a template lays out "**{{err.name}}**: {{err.message}}". Node's
# "AssertionError [ERR_ASSERTION]" keeps its code; a bare "**error**" (node-postgres' name for
# every error it raises) names no type.
_BOLD_TYPED = re.compile(
    rf"\*\*(?P<type>{_ERROR_TYPE}(?: \[[A-Z_]+\])?|error)\*\*:[ \t]+(?P<msg>\S[^\n]*)$",
    re.MULTILINE,
)
# `ReadTimeout`, `java.lang.IllegalStateException`, `HttpClientErrorException$NotFound`, Go's
# `*fares.UnknownCurrencyError`: one code span naming an exception type by its usual endings.
_QUOTED_TYPE = re.compile(
    rf"(?<!`)`(?P<type>\*?{_ERROR_TYPE}(?:\$\w+)?"
    # Go names an error by its pointer type, whatever it is called: `*errors.errorString`.
    r"|\*[a-z]\w*\.[A-Za-z_]\w*)`(?!`)"
)
# A Go pointer type in a query or a tag ("error.type:*url.Error"): not a wildcard.
_GO_POINTER = re.compile(r"\*[a-z]\w*\.[A-Za-z_]\w*")
_INLINE_SAMPLE = re.compile(
    r"\b(?:(?:[Ll]atest |[Ll]ast )?[Ss]ample(?: log)?(?: line)?|[Ll]atest|[Ll]ast seen)"
    # "Latest on ocpp.sessions: ...": the sample of one topic, queue or route.
    r"(?: (?:on|from|in) [\w./:-]+)?:"
    r"[ \t]*(?P<line>[^`\s][^\n]*)$",
    re.MULTILINE,
)
# "Latest line:" / "render logged an error:" closing a sentence, the sample in the paragraph
# after it (as {{log.message}} is often laid out).
_SAMPLE_BELOW = re.compile(
    r"(?:\b(?:[Ll]atest|[Ss]ample|[Ll]ast seen)(?: (?:sample|log|line|error|event))*|"
    r"\blogged an? (?:error|exception)(?: on [^\n:`]{1,80})?|"
    # "A django-q task failed:", "Panic in payroll-api:": the failure the paragraph shows.
    r"\b(?:[Ff]ailed|[Pp]anic|[Cc]rashed)(?: (?:in|on) [^\n:`]{1,80})?"
    r"):[ \t]*\n(?:[ \t]*\n)+(?P<block>(?:[^\n]*\S[^\n]*\n?)+)"
)
# An author's line that ends by quoting an error in a code span, after a colon: "Panic in
# hire-api: `runtime error: ...`" (words of failure inside it; not a fence).
_QUOTED_ERROR = re.compile(
    r"^[^`\n]*\S:[ \t]+`(?P<error>[^`\n]*\b(?:[Ee]rror|[Ee]xception|[Pp]anic\w*|[Ff]ail\w*"
    r"|[Tt]imed? ?out|refused|denied)\b[^`\n]*)`[ \t]*$",
    re.MULTILINE,
)
# A log monitor's message quoting the error alone on its line, in a code span, as a template
# lays out `{{log.attributes.error}}` under the record's message: an error's words (a Go
# error's "context: cause"), not a name or a number.
_QUOTED_LINE = re.compile(r"^[ \t]*`(?P<error>[^`\n]*\w: [^`\n]*\w[^`\n]*)`[ \t]*$", re.MULTILINE)
# "route: POST /v1/jobs", "- **http.route**: /v1/jobs": the request an author's lines name.
_ROUTE_LINE = re.compile(
    r"^[ \t>*_`-]*@?(?:http\.)?route[*_`]*[ \t]*[:=][ \t]*(?P<value>\S[^\n]*)$", re.MULTILINE
)
_JSON_LINE = re.compile(r'\s*\{\s*"')
# What a notification adds to its author's words: @-mentions, the footer and its links.
_NOTIFICATION_PART = re.compile(rf"^(?:@|{re.escape(FOOTER)}|- - -|\[\[|Monitor Status)")
_FENCE = re.compile(r"```[^\n]*\n(.*?)```", re.DOTALL)
# A line of a stack trace in any language the shared parser reads. Outside a code block, only a
# message with one of these is read as a trace: most monitor messages have none, and the parser
# would look at each of their lines for an exception's headline.
_FRAME_LINE = re.compile(
    r"^\s*(?:at |File \"|#\d+ |Traceback \(|goroutine \d|panic: |\S+\.(?:go|rb|php):\d+"
    # Elixir's: "(ecto_sql 3.12.1) lib/ecto/adapters/sql.ex:1096: Ecto.Adapters.SQL.f/1"
    r"|\(\w+(?: [\w.+-]+)?\) \S+\.exs?:\d+"
    # Erlang's crash report: "in function  ilm_rating:rate/3 (src/ilm_rating.erl, line 24)"
    r"|in (?:function|call from)\s+\S+:\S+/\d+)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class FailingError:
    """What the message says failed, and where, when a sample log line says so."""

    exceptions: list[ExceptionInfo] = field(default_factory=list)
    service: str | None = None
    environment: str | None = None
    trace_id: str | None = None
    endpoint: str | None = None


NOTHING = FailingError()


def failing_error(message: str, *queries: str | None) -> FailingError:
    """The failing error in a monitor's message, else the error kind its query filters on; the
    route a ``route:`` line of the message names, where the error itself names none."""
    found = _failing_error(message, *queries)
    if not found.exceptions or found.endpoint is not None or "route" not in message:
        return found
    route = _ROUTE_LINE.search(message)
    return replace(found, endpoint=route["value"].strip("`*_ \t")) if route else found


def _failing_error(message: str, *queries: str | None) -> FailingError:
    attributes = _attributes(message)
    stack = attributes.get("stack")
    if stack and (chain := parse_trace(stack)):
        return FailingError(_with_message(chain, attributes))
    if found := _in_samples(message):
        return found
    # A line of the author's that names the error and says it ("**GraphQLError** at
    # `["departures"]`: Cannot read properties of undefined"): one monitor over many bugs
    # tells each by that line, not by its title.
    if ("rror" in message or "xception" in message) and (
        typed := _TYPED_LINE.search(message)
    ) is not None:
        said = ExceptionInfo(type=typed["type"], value=typed["msg"].strip(), frames=[])
        return FailingError([said])
    if ("rror" in message or "xception" in message) and (
        spaced := _SPACED_TYPED.search(message)
    ) is not None:
        said = ExceptionInfo(type=spaced["type"], value=spaced["msg"].strip(), frames=[])
        return FailingError([said])
    if "**" in message and (bold := _BOLD_TYPED.search(message)) is not None:
        kind = None if bold["type"] == "error" else bold["type"]
        return FailingError([ExceptionInfo(type=kind, value=bold["msg"].strip(), frames=[])])
    emphasised = _emphasised_error(message)
    kind = (
        attributes.get("kind")
        or attributes.get("type")
        or _query_kind(message, *queries)
        or _quoted_type(message)
        or (emphasised[0] if emphasised else None)
        or _logged_type(message)
    )
    value = (
        attributes.get("message")
        or attributes.get("msg")
        or (emphasised[1] if emphasised and emphasised[0] == kind else None)
    )
    if kind or value:
        # A stack pasted in a code block without its exception line ({{error.stack}} under
        # the kind and message the author laid out) is the error's.
        return FailingError(
            [ExceptionInfo(type=kind, value=value, frames=_unstated_frames(message))]
        )
    if "`" in message and (quoted := _QUOTED_ERROR.search(message)) is not None:
        # "Panic in hire-api: `runtime error: index out of range [4] with length 3`": the
        # author's line quotes the error ({{log.attributes.error}} in a code span); the
        # trace below it, if any, is where it was raised.
        frames = _unstated_frames(message)
        said = ExceptionInfo(type=None, value=quoted["error"].strip(), frames=frames)
        return FailingError([said])
    of_logs = any(q and q.lstrip().startswith("logs(") for q in queries)
    if of_logs and "`" in message and (quoted := _QUOTED_LINE.search(message)) is not None:
        said = ExceptionInfo(type=None, value=quoted["error"].strip(), frames=[])
        return FailingError([said])
    # A log monitor's ("logs(...)" query) message may be the line it counts, as
    # {{log.message}} renders it.
    if of_logs and (lone := _lone_line(message, of_logs=True)):
        return FailingError([ExceptionInfo(type=None, value=log_message(lone), frames=[])])
    return NOTHING


def _attributes(message: str) -> dict[str, str]:
    """The ``error.*`` lines of the message; a stack runs on to the next attribute or fence."""
    found: dict[str, str] = {}
    if "rror" not in message:
        return found  # most messages: no regex
    matches = list(_ATTRIBUTE_LINE.finditer(message))
    for index, match in enumerate(matches):
        # A bare "error: ..." line ("**error:** save photo 42: timeout") is the error's message.
        key = (match["key"] or "message").lower()
        value = match["value"].strip().strip("`*_").strip()
        if key == "stack":
            end = matches[index + 1].start() if index + 1 < len(matches) else len(message)
            value = message[match.start("value") : end].split("```")[0].strip()
        if value and key not in found:
            found[key] = value
    return found


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


def _states_an_error(paragraph: str) -> bool:
    """Whether a paragraph is a log record or a trace that states an error with its type."""
    text = paragraph.strip()
    if not text or text.startswith("@"):
        return False
    line = parse_log_line(text) if "\n" not in text else None
    if line is not None and any(e.type for e in line.exceptions):
        return True
    if "\n" not in text and log_message(text) != text:
        # One text record, its head (time, level...) before what it says: a typed error it
        # states is the sample's, with or without a trace ("17:39:18.092 [error] **
        # (KeyError) key :berth not found", an Elixir crash's banner line).
        return any(e.type for e in parse_trace(text))
    return any(e.type and e.frames for e in parse_trace(text))


def _in_samples(message: str) -> FailingError | None:
    """A sample log line (JSON or text) or a trace pasted into the message, parsed."""
    blocks = [match[1] for match in _FENCE.finditer(message)] if "```" in message else []
    # JSON log lines quoted outside a code block: one per line.
    if "{" in message and '"' in message:
        # ('{ "time": ...}': NLog's and Serilog's JSON layouts put a space after the brace.)
        blocks += [line for line in message.splitlines() if _JSON_LINE.match(line)]
    # "Sample: upload slow bytes=0 elapsed=00:01", as {{log.message}} renders in a sentence.
    if "ample" in message or "atest" in message or "ast seen:" in message:
        blocks += [found["line"] for found in _INLINE_SAMPLE.finditer(message)]
    if ":\n" in message:
        blocks += [found["block"] for found in _SAMPLE_BELOW.finditer(message)]
    if not blocks and "\n\n" in message:
        # A text-only template ($TEXT_ONLY_MSG) drops the fences: a paragraph that is a log
        # record stating an error (lograge's "error='Type: message'", Rails' FATAL block)
        # is the sample, after the author's line ("500s on api (PaymentsController):").
        blocks += [
            paragraph
            for paragraph in _PARAGRAPH_BREAK.split(message)
            if FOOTER not in paragraph and _states_an_error(paragraph)
        ]
    for block in blocks:
        text = block.strip()
        # A JSON log line, a record whose fields follow its head (zap's console encoder), or
        # a logfmt record.
        head = text.split("\n", 1)[0]
        if ("{" in head or head.count("=") >= 3) and (line := parse_log_line(text)) is not None:
            if line.exceptions:
                return FailingError(
                    line.exceptions, line.service, line.environment, line.trace_id, line.endpoint
                )
            if line.message:  # a warning's record: its message is what went wrong
                said = ExceptionInfo(type=None, value=line.message, frames=[])
                return FailingError(
                    [said], line.service, line.environment, line.trace_id, line.endpoint
                )
            if "{" in head:
                continue
            # (A logfmt record's words before its fields are its message: read as text.)
        parsed = parse_trace(text)
        if chain := _stated(parsed):
            return FailingError(chain)
        frames = parsed[-1].frames if parsed else []
        cut = _cut_short(text)
        # (Frames an SDK or path marked the application's; else frames under a logger's head
        # and a "Traceback (" line, the shape of a cut Python record.)
        if any(frame.in_app for frame in frames) or (
            cut is not None and any(frame.in_app is None for frame in frames)
        ):
            # A traceback the sample cut before its exception line: where the failure was
            # raised, its application's frames, says more than the logger's head over it
            # ("Error handling request from <ip>").
            return FailingError([ExceptionInfo(type=None, value=None, frames=frames)])
        if cut is not None:
            return FailingError([ExceptionInfo(type=None, value=cut, frames=[])])
        if text and "\n" not in text:
            if _might_hold_frames(message) and (chain := _stated(parse_trace(message))):
                return FailingError(chain)  # the trace pasted below the line says more
            # A sample log line that names no exception: its message is what failed.
            # (A record that says only that something failed names it in its error field.)
            failed = trailing_error(text) or log_message(text)
            return FailingError([ExceptionInfo(type=None, value=failed, frames=[])])
        if (
            not parsed
            and "\n" in text
            and not _might_hold_frames(text)  # (frames without their exception: no statement)
            and (first := first_statement(text)) is not None
        ):
            # A record of several lines no parser reads (a Swift trap's report): what it
            # says first, as a Splunk row of it is read.
            return FailingError([ExceptionInfo(type=None, value=first, frames=[])])
    if not blocks and _might_hold_frames(message) and (chain := _stated(parse_trace(message))):
        return FailingError(chain)
    if not blocks and (lone := _lone_line(message)) is not None:
        # A message that is one error line and the notification's mentions: {{log.message}}
        # pasted as the whole message.
        failed = trailing_error(lone) or log_message(lone)
        return FailingError([ExceptionInfo(type=None, value=failed, frames=[])])
    return None


def _cut_short(sample: str) -> str | None:
    """The message of a sample's log line whose trace was cut before its exception line
    (Datadog pastes the first lines of a record): "Exception on /refunds/9 [POST]" is what
    the record said failed; None when the sample is no such record."""
    head, _, rest = sample.partition("\n")
    if not rest.lstrip().startswith("Traceback (") or not head.strip():
        return None
    return log_message(head)


def _lone_line(message: str, of_logs: bool = False) -> str | None:
    """The message's one line of its own that reads as an error chain's (contexts, then what
    failed: "sync branch HG-026: fetch stock levels: context deadline exceeded"), among the
    author's few short paragraphs ("**GeocodeStops** failed on attempt 2" above it); or, in a
    log monitor's message of one line, that line whatever it says: the log line it counts, as
    ``{{log.message}}`` renders it ("[CRITICAL] WORKER TIMEOUT (pid:587805)")."""
    own = [
        p.strip()
        for p in message.split("\n\n")
        if p.strip()
        # (Mentions and Datadog's footer are the notification's; a source location a logger
        # printed with the line, "(src/jobs/rti.rs:81)", says nothing of what failed.)
        and not _NOTIFICATION_PART.match(p.strip())
        and not _LOCATION_ONLY.match(p.strip())
    ]
    if of_logs:
        # A line that says values (a pid, a time, a size, a quoted name: what {{log.message}}
        # renders), not the author's markup (code, emphasis, a mention, a link): "Too many
        # errors." is the author's, as the title is.
        if len(own) != 1 or "\n" in own[0]:
            return None
        line = own[0]
        if (
            # (Or a statement of a failure, "FATAL ERROR: Reached heap limit ...": a record's
            # words, where the author's title would not say "what: why".)
            (
                not any(c.isdigit() for c in line)
                and line.count('"') < 2
                and not (": " in line and _FAILURE_STATED.search(line))
            )
            or any(c in line for c in "`*")
            or line.startswith(("@", "[["))
            or "](" in line
        ):
            return None
        return line
    if len(own) > 3:
        return None  # a page of the author's: no line of it is the error by its shape alone
    # Two contexts at least: an author's sentence may have one colon ("Jobs on queue feeds are
    # failing: 31 failures"), an error chain has several.
    chains = [
        p
        for p in own
        if "\n" not in p
        and p.count(": ") >= 2
        # (pgx quotes its connection string in backticks: a chain of four contexts or more
        # is the error's, whatever marks it holds.)
        and (p.count(": ") >= 4 or not any(c in p for c in "`*@["))
        # (Among several, an "error: ..." line is an attribute's, read as such.)
        and (len(own) == 1 or not _ATTRIBUTE_LINE.match(p))
    ]
    if len(chains) == 1:
        return chains[0]
    if chains or len(own) < 2 or not _FAILURE_STATED.search(own[0]):
        return None
    # The author's line says what failed ("Activity BookCarrier failed on attempt 1"), the
    # line below it what the error said ("carrier rejected booking: weight exceeds ...").
    said = [
        p
        for p in own[1:]
        if "\n" not in p
        and ": " in p
        # (Words before the colon: a field's "function_request_id: 3ed0..." is no error.)
        and " " in p.partition(": ")[0].strip()
        and not any(c in p for c in "`*@[")
    ]
    return said[0] if len(said) == 1 else None


def _stated(chain: list[ExceptionInfo]) -> list[ExceptionInfo]:
    """``chain`` if it says what was raised; a traceback cut short before its exception line
    (frames only) is no statement of the failure: the alert's own words are."""
    return chain if chain and (chain[-1].type or chain[-1].value) else []


def _might_hold_frames(message: str) -> bool:
    # Frames are indented lines (PHP's are numbered, Ruby's Logger writes them flush): most
    # messages fail these substring tests and skip the regex, which looks at every position.
    if (
        "\n " not in message
        and "\n\t" not in message
        and "\n#" not in message
        and ":in " not in message
    ):
        return False
    return _FRAME_LINE.search(message) is not None


def _with_message(chain: list[ExceptionInfo], attributes: dict[str, str]) -> list[ExceptionInfo]:
    # A stack attribute may carry frames only; its kind and message lines complete it.
    kind = attributes.get("kind") or attributes.get("type")
    return described(chain, kind, attributes.get("message") or attributes.get("msg"))


# "Horizon logged **RedisException**", "UndefinedError in notify-worker": an error type the
# author set in bold, or first on its line, as a template lays out {{error.kind}}; the
# paragraph after it, when one line, its message.
_EMPHASISED_TYPE = re.compile(
    rf"(?:\*\*|^)(?P<type>{_ERROR_TYPE})(?:\*\*|[ \t])"
    r"[^\n]*\n\n(?P<msg>[^\n`*@\[][^\n]*)(?:\n\n|$)",
    re.MULTILINE,
)


# "marine weather responded 503 Service Unavailable" / "HttpError ()": the message, then in a
# paragraph of its own the error's type (and its code), as "{{err.message}}\n\n{{err.type}}
# ({{err.code}})" lays them out.
_TYPE_BELOW = re.compile(
    rf"(?:\A|\n\n)(?P<msg>[^\n`*@\[][^\n]*)\n\n(?P<type>{_ERROR_TYPE})(?: \([^)\n]*\))?[ \t]*"
    r"(?:\n\n|\Z)"
)


def _emphasised_error(message: str) -> tuple[str, str] | None:
    if "rror" not in message and "xception" not in message and "**" not in message:
        return None
    found = _EMPHASISED_TYPE.search(message)
    if found is not None:
        return found["type"], found["msg"].strip()
    below = _TYPE_BELOW.search(message.strip())
    return (below["type"], below["msg"].strip()) if below else None


def _unstated_frames(message: str) -> list[Frame]:
    """The frames of a trace pasted in a code block that states no exception."""
    if "```" not in message:
        return []
    for block in _FENCE.findall(message):
        chain = parse_trace(block)
        if chain and chain[-1].frames and not (chain[-1].type or chain[-1].value):
            return chain[-1].frames
    return []


# "ald-bookings-api logged JSONDecodeError at handle_error:61: ...": the type a template
# names as what the service logged ("{{service.name}} logged {{log.attributes.exception_name}}").
_LOGGED_TYPE = re.compile(rf"\blogged (?:an? )?(?P<type>{_ERROR_TYPE})\b")


def _logged_type(message: str) -> str | None:
    found = _LOGGED_TYPE.search(message) if "logged " in message else None
    return found["type"] if found else None


def _quoted_type(message: str) -> str | None:
    """An exception type the message quotes as code ("**api** is raising `ReadTimeout`"): what
    an APM monitor's template says of the error kind it counts."""
    if "`" not in message:
        return None
    found = _QUOTED_TYPE.search(message)
    return found["type"] if found else None


def _query_kind(*texts: str | None) -> str | None:
    for text in texts:
        if not text or "error." not in text:
            continue
        for match in _QUERY_KIND.finditer(text):
            # "**...@error.kind:ReadTimeout**" in markdown; "*Timeout" is a pattern, not a type.
            kind = (match["quoted"] or match["bare"].rstrip("*_`")).strip()
            if kind and "?" not in kind and ("*" not in kind or _GO_POINTER.fullmatch(kind)):
                return kind
    return None
