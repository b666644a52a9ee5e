"""Whether two items tell the same story: the comparisons of stacks, messages, routes and
places that the clusterer's keys rely on (``clusterer.Clusterer``) before they join an item to
a key's cluster. Pure functions of two documents, or of a document and a key's record."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .document import ClusterDoc, defers_to_cause
from .normalize import MASK
from .stack_frames import same_file

#: Frames after a shared one that two stacks compare to tell a helper from one bug's code
#: (two at least on each side).
CALLER_FRAMES = 3


def template_match(doc: ClusterDoc, head: str) -> bool:
    """Same template but for slots, at least half of it constant words."""
    mine, theirs = doc.tokens, head.split()
    if len(mine) != len(theirs):
        return False
    same = 0
    for a, b in zip(mine, theirs, strict=True):
        if a == b:
            same += a != MASK
        elif a != MASK and b != MASK:
            return False
    return same >= max(1, math.ceil(len(mine) / 2))


def frames_agree(
    mine: Sequence[str], theirs: Sequence[str], helpers: frozenset[str] = frozenset()
) -> bool:
    """Unknown on either side agrees; otherwise the innermost application frame of one stack
    (shared helpers aside) must be in the other (one tool marks a frame in-app that another
    does not, or shows half the stack)."""
    mine = [f for f in mine if f not in helpers]
    theirs = [f for f in theirs if f not in helpers]
    if not mine or not theirs:
        return True
    # The innermost frame of one is in the other: not just a shared caller far out (two bugs
    # of one view share its dispatch method).
    return mine[0] in theirs or theirs[0] in mine


def shared_run(
    mine: Sequence[str],
    theirs: Sequence[str],
    files: tuple[Sequence[str | None], Sequence[str | None]] = ((), ()),
) -> int:
    """How many innermost frames two stacks have in common, in order: one name, in one file
    where both files are known (two components' ``render`` are two frames)."""
    my_files, their_files = files
    run = 0
    for a, b in zip(mine, theirs, strict=False):
        if a != b:
            break
        file = my_files[run] if run < len(my_files) else None
        other = their_files[run] if run < len(their_files) else None
        if file and other and not same_file(file, other):
            break
        run += 1
    return run


def otherwise_different(
    mine: Sequence[str],
    theirs: Sequence[str],
    alike: bool = True,
    apart: bool | None = None,
    files: tuple[Sequence[str | None], Sequence[str | None]] = ((), ()),
) -> bool:
    """Two stacks that end in the same frames and share none of the callers after them: those
    frames are a helper many problems pass through (an error reporter, an API client), not a
    problem.

    One caller on a side after one shared frame is what a release that renamed the caller
    looks like: it takes more to tell a helper: two callers, a run of two shared frames (a
    helper calling a helper), another message (not ``alike``), or callers in two files (``apart``:
    a rename keeps its file)."""
    run = shared_run(mine, theirs, files)
    mine_callers, their_callers = mine[run : run + CALLER_FRAMES], theirs[run : run + CALLER_FRAMES]
    if not (run and mine_callers and their_callers):
        return False
    if common_caller(mine, theirs, run, files):
        return False
    if apart is False and alike and min(len(mine_callers), len(their_callers)) == 1:
        return False  # the one caller on a side renamed in its file: a release, not a helper
    # Stacks of very different depths after the shared run are two paths, not one renamed.
    depths = abs(len(mine) - len(theirs)) >= 2
    return (
        min(len(mine_callers), len(their_callers)) >= 2
        or run >= 2
        or depths
        or not alike
        or bool(apart)
    )


#: The program's entry, which the language names and every stack of the program runs under
#: (Swift's `@main` as `$main`, C's and Go's `main`, a Python script's `<module>`): no caller
#: two stacks have in common.
_ENTRY_POINTS = frozenset({"main", "$main", "<module>"})


def common_caller(
    mine: Sequence[str],
    theirs: Sequence[str],
    run: int,
    files: tuple[Sequence[str | None], Sequence[str | None]],
) -> bool:
    """Whether the callers after the shared run have one in common: one name, in one file
    where both files are known (every job's ``perform``, every command's ``execute``, is its
    own class's method: two of them are two callers)."""
    my_files, their_files = files

    def at(names: Sequence[str], paths: Sequence[str | None], i: int) -> tuple[str, str | None]:
        return names[i], paths[i] if i < len(paths) else None

    mine_callers = [at(mine, my_files, i) for i in range(run, min(len(mine), run + CALLER_FRAMES))]
    theirs_callers = [
        at(theirs, their_files, i) for i in range(run, min(len(theirs), run + CALLER_FRAMES))
    ]
    for (name, file), (other, other_file) in zip(mine_callers, theirs_callers, strict=False):
        if name == other and file and other_file and not same_file(file, other_file):
            # One method of two classes at one depth (two consumers' ``HandleAsync``): two
            # paths through a helper, whatever dispatcher both run under further out.
            return False
    return any(
        name == other
        and name not in _ENTRY_POINTS
        and (not file or not other_file or same_file(file, other_file))
        for name, file in mine_callers
        for other, other_file in theirs_callers
    )


def callers_apart(doc: ClusterDoc, at: int, found: Mapping[str, Any]) -> bool | None:
    """Whether the first callers after the frames ``doc`` (from frame ``at``) shares with a
    key's record are in two files; None where either file is unknown."""
    theirs = list(found.get("frames") or [])
    their_files = list(found.get("files") or [])
    run = shared_run(doc.frames[at:], theirs, (doc.files[at:], their_files))
    mine = doc.files[at + run] if at + run < len(doc.files) else None
    other = their_files[run] if run < len(their_files) else None
    return None if not (mine and other) else not same_file(mine, other)


def stacks_agree(doc: ClusterDoc, record: Mapping[str, Any], helpers: frozenset[str]) -> bool:
    """``frames_agree`` of the item and a key's record, and where both name the file of the
    innermost frame they share, the same file: ``create`` of two controllers is two places."""
    theirs = list(record.get("frames") or [])
    if not frames_agree(doc.frames, theirs, helpers):
        return False
    files = dict(zip(theirs, record.get("files") or [], strict=False))
    return all(
        not (mine and files.get(name)) or same_file(files[name], mine)
        for name, mine in zip(doc.frames, doc.files, strict=False)
        if name in files and name not in helpers
    )


def renamed(
    doc: ClusterDoc, record: Mapping[str, Any], helpers: frozenset[str], *, on_route: bool
) -> bool:
    """Whether the stack of ``doc`` is the one ``record`` was made of, its innermost function
    renamed by a release: another name in the same file, the same type and message (``record``
    is a key's of both), said on the same route (``on_route``: the ``page`` key's) or called
    from the same function. (Two functions of one file that fail alike on one route, or under
    one caller, are rarer than a rename.)"""
    theirs = list(record.get("frames") or [])
    files = list(record.get("files") or [])
    if not doc.exc_type or not doc.frames or not theirs or not files or not doc.files[0]:
        return False
    if doc.frames[0] == theirs[0] or doc.frames[0] in helpers or not files[0]:
        return False
    if not on_route and (len(doc.frames) < 2 or list(doc.frames[1:2]) != theirs[1:2]):
        return False
    return same_file(str(files[0]), doc.files[0])


# A word of a message that names an exception type: the cause a wrapper quotes.
_TYPE_NAME = re.compile(r"[A-Z]\w*(?:::|\.)[A-Z]\w+|[A-Z]\w*(?:Error|Exception|Failed|Timeout)\b")


def other_service(doc: ClusterDoc, record: Mapping[str, Any]) -> bool:
    theirs = record.get("service")
    return bool(doc.service and theirs and doc.service != theirs)


def other_page(doc: ClusterDoc, record: Mapping[str, Any]) -> bool:
    """Whether ``record`` was said on another page or route than ``doc`` (both known). A path
    that goes on where the other ends is the same page: a route's parameters are not part of
    its name (``/book/[slug]`` is ``book``), and a log's path names their values, of which
    only ids can be told from words (``/book/intro-to-sql`` is ``book/intro-to-sql``)."""
    theirs = record.get("endpoint")
    if not (doc.endpoint and theirs) or doc.endpoint == theirs:
        return False
    shorter, longer = sorted((doc.endpoint, str(theirs)), key=len)
    return not longer.startswith(shorter + "/")


def outer_contexts_differ(mine: str, theirs: str) -> bool:
    """Two wrapped errors ("sync branch <*>: fetch stock levels: Get <*>: timeout" and "sync
    prices <*>: fetch prices: Get <*>: timeout") whose outermost contexts say different things:
    the shared cause is a dependency's failure, the context is which operation failed."""
    if ": " not in mine or ": " not in theirs:
        return False
    outer, other = mine.split(": ", 1)[0], theirs.split(": ", 1)[0]
    return outer != other and len(outer.split()) >= 2 and len(other.split()) >= 2


# A word in quotes that names code (three characters or more, a lower-case letter among
# them: a field, a key, a controller), not a value ("C", "GB-GSY") or a masked one.
_QUOTED_NAME = re.compile(r"""^(["'])(?=[^"']*[a-z])[A-Za-z_][\w.-]{2,}\1[,.:;)]*$""")


def same_message(mine: str, theirs: str) -> bool:
    """Two masked messages that say the same thing but for a word or two (an unmasked name):
    at least half of their words in common. An unknown message is not another one."""
    if not mine or not theirs or mine == theirs:
        return True
    if outer_contexts_differ(mine, theirs):
        return False
    a, b = set(mine.split()), set(theirs.split())
    if any(_TYPE_NAME.search(word) for word in a ^ b):
        return False  # "giving up after 5 attempts (Net::ReadTimeout)" vs "(...ConnectionFailed)"
    if any(_QUOTED_NAME.match(word) for word in a ^ b):
        # A name the code quotes is what failed ('Missing target "canvas" for "listing-map"'
        # and '"slide" for "photo-gallery"' are two controllers' bugs).
        return False
    mine_only, theirs_only = a - b, b - a
    if (
        len(mine_only) == len(theirs_only) == 1
        and _CLASS_NAME.match(next(iter(mine_only)))
        and _CLASS_NAME.match(next(iter(theirs_only)))
    ):
        # One class or model named where the other names another ("Couldn't find Booking"
        # and "Couldn't find Inspection"): the same lookup failing for two entities.
        return False
    if _plain_words(a - b) and _plain_words(b - a):
        # Each says a word of its own that is no name or value ("decoding boarding pass",
        # "verifying boarding pass"): two operations that failed, not one with a name unmasked.
        return False
    return len(a & b) * 2 >= len(a | b)


# A class or model name, capitalised or CamelCase ("Booking", "RentalPlan").
_CLASS_NAME = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)*$")


def _plain_words(words: set[str]) -> bool:
    return any(len(word) >= 4 and word.isalpha() and word.islower() for word in words)


def raised_elsewhere(doc: ClusterDoc, record: Mapping[str, Any]) -> bool:
    """Whether ``doc``, which says only the file its error was raised in, names another file
    than the stack ``record`` was made of, or than the one its item said only (one PHP
    warning's words in two files); or whether ``doc``'s stack was raised in another file than
    the one ``record``'s item said only."""
    files = record.get("files") or record.get("places") or []
    if doc.frames and doc.places and not record.get("frames") and (said := record.get("places")):
        # ...or the other way: a stack meets an item that said only where, in a file the
        # stack never passed through.
        where = str(said[0]).split(">", 1)[0]
        mine = [p.split(">", 1)[0] for p in doc.places] + [f for f in doc.files if f]
        return not any(same_file(file, where) for file in mine)
    if doc.frames or not doc.places or not files or not files[0]:
        return False
    # (A place said by files only is "file>caller": the file is what it was raised in.)
    return not same_file(doc.places[0].split(">", 1)[0], str(files[0]).split(">", 1)[0])


def vetoed(
    doc: ClusterDoc,
    metadata: Mapping[str, Any],
    frames: Sequence[str],
    helpers: frozenset[str] = frozenset(),
) -> bool:
    other_type = str(metadata.get("type") or "")
    if doc.exc_type and other_type and doc.exc_type != other_type:
        return True
    if other_service(doc, metadata):
        return True
    if not doc.frames and (other_page(doc, metadata) or raised_elsewhere(doc, metadata)):
        return True
    if metadata.get("request") != doc.request:
        return True  # another request or answer, or an access line against another line
    if doc.is_exception and not same_message(doc.message, str(metadata.get("message") or "")):
        return True
    return not frames_agree(doc.frames, frames, helpers) or not stacks_agree(doc, metadata, helpers)


def outer_part(doc: ClusterDoc, record: Mapping[str, Any]) -> bool:
    """Whether ``doc``'s stack is the outer part of the stack ``record`` was made of, with the
    same words: a log's stack taken where the error was logged (zap's ``stacktrace``, a
    logger's call site), not where it was raised, of the error that stack raised below it."""
    theirs = list(record.get("frames") or ())
    mine = list(doc.frames)
    return (
        0 < len(mine) < len(theirs)
        and theirs[-len(mine) :] == mine
        and bool(doc.message)
        and same_message(doc.message, str(record.get("message") or ""))
        and (not doc.exc_type or record.get("type") in (None, "", doc.exc_type))
    )


def alert_about(doc: ClusterDoc, record: Mapping[str, Any], helpers: frozenset[str]) -> bool:
    """Whether an alert's word about an entry point (``record``, a ``mention`` key) can be about
    the error of ``doc``, a stack that enters there: not of another type, not another stack."""
    if record.get("kind") != "mention":
        return False
    if record.get("frames") and (
        record.get("type") != doc.exc_type or not stacks_agree(doc, record, helpers)
    ):
        return False
    said = str(record.get("message") or "")
    if said and doc.message and not same_message(doc.message, said) and not defers_to_cause(said):
        return False  # it quotes another error's words (not a wrapper's that say none)
    # An error of another type said where it happened, not an alert on it.
    return not (record.get("type") and doc.exc_type and record.get("type") != doc.exc_type)
