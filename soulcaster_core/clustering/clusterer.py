"""The online clustering algorithm: each item joins the cluster of its problem, or starts one.

For each item, in order (``ALGORITHM`` names this version, recorded with every assignment,
together with the key that decided and what grouping read of the item):

1. **Keys** (``document.ClusterDoc.keys``), after Sentry's grouping. An exception with
   application frames is known by its type and innermost application frame (``frames``); a
   frame that two otherwise different stacks end in (no caller in common among the next
   three) is a shared helper (a logging or error answering function) and the next frame out
   is used instead. Without frames, or when the
   frame is new, the type and canonical message (``message``) find a cluster whose frames do
   not contradict the item's; an alert without a trace that names only a service and an error
   type finds the one cluster of that type in that service (``service``). Logs and alerts without
   an exception are known by their masked template (``signature``), or by its words without
   the slots when values take one word or several (``skeleton``). A key that came to lead to
   two clusters is ambiguous and decides nothing from then on.
2. **Template.** Logs and alerts only: embed the item and ask the index for its nearest
   templates. A neighbour whose template is the same but for slots (``<*>``) on either side is
   the same problem with a value masking did not catch ("user admin" vs "user <*>"). If such
   neighbours lead to more than one cluster, the item is ambiguous and goes on to step 3.
3. **Nearest.** The most similar neighbour at or above the threshold joins, unless the two
   disagree on the exception type or on the code location (a near miss, not the same bug).
   Embeddings decide only where keys cannot.
4. Otherwise the item **starts a cluster**.

Each key is stored as one record in the vector index with its cluster id, so the index grows
with the number of distinct problems, not with traffic, and a known key needs no embedding (so
Gemini is called once per new problem, not once per item). It leans towards under-merging on
purpose: a wrong merge hides a problem inside another, a missed merge shows it twice.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal, cast

import numpy as np
import numpy.typing as npt

from ..errors import NotFound
from ..incidents.model import IncidentWork
from ..models import FeedbackItem
from ..store.port import ClusterMember, Store
from .agreement import (
    alert_about,
    callers_apart,
    other_page,
    other_service,
    otherwise_different,
    outer_part,
    raised_elsewhere,
    renamed,
    same_message,
    shared_run,
    stacks_agree,
    template_match,
    vetoed,
)
from .clusters import merge, new_cluster
from .document import (
    ClusterDoc,
    GroupingKey,
    KeyKind,
    document_for,
    frame_key,
    location_key,
)
from .embedders import Embedder
from .indexes.port import BY_ID, Match, VectorIndex, VectorRecord, key_only_vector
from .normalize import signature
from .stack_frames import same_file

ALGORITHM = "keys-template-nn/2"
#: Same-shape templates fetched per new template: enough to find one with a slot among its
#: siblings ("user admin", "user root", ... "user <*>").
TOP_K = 100
#: Neighbours of any shape considered for a merge on similarity alone.
NEAREST_K = 5
#: Words an error quoted without type or stack needs to be recognised after another line's
#: context: fewer say too little ("connection refused").
QUOTED_WORDS = 6

Method = Literal[
    "frames",
    "message",
    "page",
    "service",
    "entry",
    "request",
    "place",
    "signature",
    "skeleton",
    "template",
    "nearest",
    "ambiguous",
    "unsaid",
    "new",
]
#: How long before an alert that names only an error type a problem of that type must have
#: been seen to be the one it counted (monitors count over their last 5 to 30 minutes), and
#: how long after (a sender's clock ahead of the monitor's). 2 hours found a few more on the
#: sets tuned on but joined wrong problems on blind71 and on unseen blind76 (docs/benchmarks.md).
RECENT_BEFORE = timedelta(minutes=30)
RECENT_AFTER = timedelta(minutes=2)
#: The problems of one type in one service a service key remembers (the latest).
_PROBLEMS_KEPT = 16
#: Key kinds that stand for one frame of a stack.
_LOCATED = ("frames", "location")
#: How a repeat of a problem first seen in the same batch is found: by its primary key, of
#: any kind (a frameless alert's first key may be a mention, a log line's its tail).
_REPEAT_METHOD: dict[KeyKind, Method] = {
    "frames": "frames",
    "location": "frames",
    "message": "message",
    "tail": "skeleton",
    "suffix": "message",
    "whole": "message",
    "mention": "entry",
    "service": "service",
    "type": "service",  # an alert naming only an error type finds it as it finds a service's
    "template": "signature",
    "skeleton": "skeleton",
    "entry": "entry",
    "page": "page",
    "request": "request",
    "place": "place",
}
#: Keys that stop deciding once they lead to two clusters (frame keys become helpers instead).
_SHAREABLE = (
    "message",
    "location",
    "service",
    "type",
    "entry",
    "skeleton",
    "tail",
    "suffix",
    "mention",
    "page",
    "request",
    "place",
)


@dataclass(frozen=True)
class Assignment:
    item_id: str
    cluster_id: str
    method: Method
    similarity: float
    signature: str

    def record(self) -> dict[str, Any]:
        """What lands in ``item.metadata["clustering"]``."""
        return {
            "algorithm": ALGORITHM,
            "method": self.method,
            "similarity": round(self.similarity, 4),
            "signature": self.signature,
        }


def _cluster(match: Match) -> str:
    return str(match.metadata.get("cluster_id"))


def _cluster_frames(candidates: Sequence[Match]) -> dict[str, list[str]]:
    """The frames each candidate cluster is known by, from all its templates at hand: an
    alert without a stack trace speaks for its cluster's code location, not for any."""
    frames: dict[str, list[str]] = {}
    for m in candidates:
        frames.setdefault(_cluster(m), []).extend(m.metadata.get("frames") or [])
    return frames


@dataclass
class _Batch:
    """What one ``assign`` call knows and decided so far, before it is written."""

    #: Key records by id: those the index held, and those this batch made or changed.
    known: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Records to write, by id (a record changed twice is written once).
    records: dict[str, VectorRecord] = field(default_factory=dict)
    #: Embeddings by document text.
    vectors: dict[str, npt.NDArray[np.float32]] = field(default_factory=dict)
    #: Decisions by document (by identity: equal texts share one cached document), so that
    #: the repeats of one problem in a batch are decided once.
    decided: dict[int, Assignment] = field(default_factory=dict)
    #: Clusters found to be another's problem once this batch is written, by id: the cluster
    #: they join and how (an alert's that named an entry point, ``entry``; a stack's known by
    #: its innermost function's name before a release, ``page``).
    absorbed: dict[str, tuple[str, Method]] = field(default_factory=dict)
    #: When each cluster this batch placed an item in was last seen, by the items so far (the
    #: store knows only earlier batches').
    seen: dict[str, datetime] = field(default_factory=dict)

    def usable(self, key: GroupingKey | None) -> dict[str, Any] | None:
        """The record of ``key`` when it still decides (known, not ambiguous, not a helper)."""
        if key is None:
            return None
        found = self.known.get(key.id)
        if found is None or found.get("ambiguous") or found.get("helper"):
            return None
        return found

    #: The records among them that carry an embedding (the others are found by id only).
    embedded: dict[str, VectorRecord] = field(default_factory=dict)

    def put(self, key_id: str, vector: npt.NDArray[np.float32], metadata: dict[str, Any]) -> None:
        by_id = vector is key_only_vector(len(vector))
        metadata = {**metadata, BY_ID: by_id}
        self.known[key_id] = metadata
        record = self.records[key_id] = VectorRecord(key_id, vector, metadata)
        if by_id:
            self.embedded.pop(key_id, None)
        else:
            self.embedded[key_id] = record

    def neighbours(self, vector: npt.NDArray[np.float32], shape: str | None = None) -> list[Match]:
        # Records created earlier in this batch are not in the index yet (and a remote index
        # may take a moment to show them anyway), so they are compared here.
        records = [
            r for r in self.embedded.values() if shape is None or r.metadata.get("shape") == shape
        ]
        if not records:
            return []
        scores = (np.stack([np.asarray(r.vector) for r in records]) @ vector).tolist()
        # The records' own metadata, not copies: every candidate is read, none changed (a
        # change is a new record, ``put``), and most new templates have no close neighbour.
        return [
            Match(r.id, s, cast("dict[str, Any]", r.metadata))
            for r, s in zip(records, scores, strict=True)
        ]


def _own_keys(doc: ClusterDoc, helpers: frozenset[str]) -> list[tuple[GroupingKey, int]]:
    """The keys ``doc`` registers, each with the index of the frame it starts from: one frame
    (and location) key, its innermost frame that is no shared helper, and every other key."""
    own = next((at for at, name in enumerate(doc.frames) if name not in helpers), None)
    keys: list[tuple[GroupingKey, int]] = []
    if own is not None:
        keys.append((doc.frame_keys[own], own))
        if doc.location_keys:
            keys.append((doc.location_keys[own], own))
    return keys + [(k, 0) for k in doc.all_keys() if k.kind not in _LOCATED]


@dataclass(frozen=True)
class _Decision:
    cluster_id: str | None
    method: Method
    score: float = 1.0


def _seen_at(item: FeedbackItem) -> datetime:
    """When the sender last saw ``item`` (its ``last_seen`` is set whenever it is made)."""
    return item.last_seen or item.created_at


def _ambiguous(key: GroupingKey) -> _Decision:
    """The cluster of the items that say what several problems say (``key``), and no more."""
    return _Decision(signature(f"ambiguous\x1f{key.id}"), "ambiguous")


class Clusterer:
    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        index: VectorIndex,
        *,
        threshold: float | None = None,
        top_k: int = TOP_K,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.index = index
        self.threshold = embedder.default_threshold if threshold is None else threshold
        self.top_k = top_k

    async def assign(
        self,
        project_id: str,
        items: Sequence[FeedbackItem],
        *,
        then: Callable[[Mapping[str, str]], IncidentWork | None] | None = None,
    ) -> list[Assignment]:
        """Cluster ``items`` (one project) and store the result; items that already have a
        cluster are left alone, so a batch handled twice (a crashed worker's) changes nothing.
        ``then``: what else to write in the same atomic step, given each item's new cluster
        (the worker's incident step); not called when there is nothing to cluster.

        Raises ``ClusteringUnavailable`` before writing anything when the embedder or the
        index is down, so the caller can leave the batch queued and try again.
        """
        todo = [item for item in items if item.cluster_id is None]
        if not todo:
            return []
        docs = {item.id: document_for(item) for item in todo}
        key_ids = list(dict.fromkeys(k.id for doc in docs.values() for k in doc.keys))
        batch = _Batch(known=dict(await self.index.fetch(project_id, key_ids)))
        # A log template met for the first time may still be a known one with values of
        # other lengths: its skeleton is looked up too.
        # (And its message may be a known error's, after a context prefix.)
        secondary = [
            key.id
            for doc in docs.values()
            # (A quoted message's keys always: another problem may have come to say it.)
            if (doc.signature not in batch.known or doc.quoted) and not doc.is_exception
            for key in doc.secondary_keys()
        ]
        secondary += [key.id for doc in docs.values() for key in doc.wrapped_keys()]
        secondary += [key.id for doc in docs.values() for key in doc.cause_frame_keys]
        if secondary:
            batch.known.update(await self.index.fetch(project_id, list(dict.fromkeys(secondary))))
        # Only a document whose primary key is new can make a record or need a neighbour (a
        # line that says nothing makes neither: no embedding for it).
        fresh = list(
            dict.fromkeys(
                d.text
                for d in docs.values()
                if d.signature not in batch.known and not d.says_nothing
            )
        )
        if fresh:
            matrix = await self.embedder.embed_matrix(fresh)
            batch.vectors = dict(zip(fresh, matrix, strict=True))

        assignments = [await self._decide(project_id, item, docs[item.id], batch) for item in todo]
        after = then({a.item_id: a.cluster_id for a in assignments}) if then else None
        await self._write(project_id, todo, docs, assignments, batch, after)
        for gone, (into, method) in batch.absorbed.items():
            # After the batch's own step: a join stopped half-way (a crash) leaves two clusters
            # of one problem, as before these rules, and every item in one of them. (A cluster
            # a person merged or emptied meanwhile is left as it is.)
            seen = {gone}
            while into in batch.absorbed and into not in seen:  # itself joined another
                seen.add(into)
                into = batch.absorbed[into][0]
            if into in seen:
                continue
            joined = {"algorithm": ALGORITHM, "method": method, "similarity": 1.0}
            with contextlib.suppress(NotFound):
                await merge(self.store, self.index, project_id, gone, into, joined)
        return assignments

    async def remember(self, project_id: str, items: Sequence[FeedbackItem]) -> None:
        """Make each item's keys lead to the cluster it is in, whatever they led to before:
        how a re-grouping keeps the places a person chose (``soulcaster recluster``)."""
        placed = [item for item in items if item.cluster_id is not None]
        if not placed:
            return
        docs = [document_for(item) for item in placed]
        texts = list(dict.fromkeys(doc.text for doc in docs))
        batch = _Batch(
            vectors=dict(zip(texts, await self.embedder.embed_matrix(texts), strict=True))
        )
        for item, doc in zip(placed, docs, strict=True):
            assert item.cluster_id is not None
            for key, at in _own_keys(doc, frozenset()):
                metadata = self._metadata(item, doc, key, item.cluster_id, at)
                batch.put(key.id, self._vector(doc, batch, key.id), metadata)
        await self.index.upsert(project_id, list(batch.records.values()))

    async def _decide(
        self, project_id: str, item: FeedbackItem, doc: ClusterDoc, batch: _Batch
    ) -> Assignment:
        earlier = None if doc.says_nothing else batch.decided.get(id(doc))
        if earlier is not None:
            assignment = Assignment(
                item.id,
                earlier.cluster_id,
                earlier.method,
                earlier.similarity,
                earlier.signature,
            )
        else:
            assignment = await self._decide_anew(project_id, item, doc, batch)
            # A repeat in this batch finds what this item registered: its own primary key.
            kind = doc.keys[0].kind if doc.keys else "template"
            batch.decided[id(doc)] = (
                replace(assignment, method=_REPEAT_METHOD[kind])
                if assignment.method == "new"
                else assignment
            )
        at = _seen_at(item)
        batch.seen[assignment.cluster_id] = max(at, batch.seen.get(assignment.cluster_id, at))
        return assignment

    async def _decide_anew(
        self, project_id: str, item: FeedbackItem, doc: ClusterDoc, batch: _Batch
    ) -> Assignment:
        if doc.says_nothing:
            # Nothing to tell its problem by: a cluster of its own, registering no key.
            return Assignment(item.id, self._own_id(item), "unsaid", 1.0, doc.signature)
        if doc.is_exception:
            decision = self._by_exception_keys(doc, batch)
            if decision.cluster_id is None and not doc.frames and not doc.message:
                decision = await self._by_recent(project_id, item, doc, batch)
        else:
            decision = self._by_template_keys(doc, batch)
        if decision.cluster_id is None:
            decision = await self._by_embedding(project_id, doc, batch)
        cluster_id = decision.cluster_id or self._own_id(item)
        self._register(item, doc, cluster_id, batch)
        return Assignment(
            item.id,
            cluster_id,
            decision.method if decision.cluster_id else "new",
            decision.score if decision.cluster_id else 1.0,
            doc.signature,
        )

    @staticmethod
    def _own_id(item: FeedbackItem) -> str:
        # A new cluster is named after the item that made it, so a replayed batch (a crashed
        # worker's) makes the same cluster again rather than a second one. (Not after a key:
        # a key may turn out to be a shared helper's and lead elsewhere.)
        return signature(f"cluster\x1f{item.id}")

    def _helpers(self, doc: ClusterDoc, batch: _Batch) -> frozenset[str]:
        """The frames of ``doc`` known to be shared helpers (of this type, or of any)."""
        known = batch.known
        locations = doc.location_keys or doc.frame_keys
        return frozenset(
            name
            for name, key, anywhere in zip(doc.frames, doc.frame_keys, locations, strict=True)
            if (known.get(key.id) or {}).get("helper")
            or (known.get(anywhere.id) or {}).get("helper")
        )

    def _by_exception_keys(self, doc: ClusterDoc, batch: _Batch) -> _Decision:
        found = self._by_frames(doc, doc.frame_keys, batch)
        if found is not None:
            return _Decision(found, "frames")
        helpers = self._helpers(doc, batch)
        if (placed := self._by_place(doc, batch)) is not None:
            return _Decision(placed, "place")
        if not doc.frames and (on_page := batch.usable(doc.page_key)) is not None:
            # Said on the same page or route as a problem already seen there.
            return _Decision(str(on_page["cluster_id"]), "page")
        if not doc.frames and doc.message_key is not None:
            said = batch.known.get(doc.message_key.id) or {}
            if said.get("ambiguous"):
                # Several problems throw this, and the item shows no stack to tell which,
                # unless one problem of its type is in its service.
                in_service = batch.usable(doc.service_key)
                if in_service is not None and same_message(
                    doc.message, str(in_service.get("message") or "")
                ):
                    return _Decision(str(in_service["cluster_id"]), "service")
                return _ambiguous(doc.message_key)
        # The message: the type's, then an untyped one's (an error logged without its type),
        # and, for an item without frames, its causes' (a log may print only the root cause).
        keys = [doc.message_key, doc.untyped_message_key, doc.page_key, doc.untyped_page_key]
        if not doc.frames:
            keys += doc.cause_keys
        for key in keys:
            record = batch.usable(key)
            if (
                record is not None
                and stacks_agree(doc, record, helpers)
                and not (not doc.frames and other_page(doc, record))
                and not raised_elsewhere(doc, record)
            ):
                paged = key in (doc.page_key, doc.untyped_page_key)
                method: Method = "page" if paged else "message"
                return _Decision(str(record["cluster_id"]), method)
        on_page = batch.usable(doc.page_key) if doc.frames else None
        if on_page is not None and renamed(doc, on_page, helpers, on_route=True):
            return _Decision(str(on_page["cluster_id"]), "page")
        same_words = batch.usable(doc.message_key) if doc.frames else None
        if same_words is not None and renamed(doc, same_words, helpers, on_route=False):
            return _Decision(str(same_words["cluster_id"]), "message")
        for key in doc.wrapped_keys():
            # A wrapper's message ends in its cause's words: the error that said them.
            record = batch.usable(key)
            if (
                record is not None
                and record.get("kind") in ("message", "whole")
                and not other_service(doc, record)
                and not other_page(doc, record)
                # A logged error's stack and its error's meet where the error was handled.
                and not (doc.frames and not set(doc.frames) & set(record.get("frames") or ()))
            ):
                return _Decision(str(record["cluster_id"]), "message")
        for key in doc.cause_keys if doc.frames else ():
            # A log that printed only the root cause, without a stack, came first.
            record = batch.usable(key)
            if record is not None and not record.get("frames") and not other_page(doc, record):
                return _Decision(str(record["cluster_id"]), "message")
        for cause, key in zip(doc.cause_frames, doc.cause_frame_keys, strict=True):
            # A log that printed only a cause of this chain, with the cause's stack, came
            # first (Tomcat's "with root cause"): the chain is its problem.
            record = batch.usable(key)
            if (
                record is not None
                # (Not another chain's cause: two chains may end in one cause, "deadlock
                # detected" in one writer for two statements.)
                and not record.get("cause")
                and same_message(cause.message, str(record.get("message") or ""))
                and not other_service(doc, record)
            ):
                return _Decision(str(record["cluster_id"]), "frames")
        if doc.location_keys:
            found = self._by_frames(doc, doc.location_keys, batch)
            if found is not None:
                return _Decision(found, "frames")
        for key in doc.entry_keys:
            # An alert that named the task or job this stack enters by came first; once an
            # error has joined it, only that error does (a task can fail in several ways).
            record = batch.usable(key)
            if record is None:
                continue
            if not doc.frames and not same_message(doc.message, str(record.get("message") or "")):
                continue  # two errors said on one page or route: many problems share one
            if record.get("kind") == "entry":
                # An error entered there first. An alert's word about an error (no frames) of
                # its type, or of no type, is about it: the key is ambiguous when two are.
                if not doc.frames and (not doc.exc_type or record.get("type") == doc.exc_type):
                    return _Decision(str(record["cluster_id"]), "entry")
                if outer_part(doc, record):
                    return _Decision(str(record["cluster_id"]), "entry")
                continue
            if alert_about(doc, record, helpers):
                return _Decision(str(record["cluster_id"]), "entry")
        for key in (doc.service_key, doc.type_only_key):
            # A cluster an alert made of nothing but an error type (in a service) is this
            # error's, whatever the error says.
            record = batch.usable(key)
            if record is None or record.get("frames") or record.get("message"):
                continue
            if doc.frames and record.get("joined"):
                # The alert joined a problem told by its stack: another stack of its type is
                # not that problem for it.
                continue
            if not other_service(doc, record):
                return _Decision(str(record["cluster_id"]), "service")
        if not doc.frames and not doc.message:
            # Only an alert that names nothing but an error type (in a service): a message
            # that matched no cluster's is another problem of that type.
            for key in (doc.service_key, doc.type_only_key):
                record = batch.usable(key)
                if record is not None and not other_service(doc, record):
                    return _Decision(str(record["cluster_id"]), "service")
        return _Decision(None, "new")

    async def _by_recent(
        self, project_id: str, item: FeedbackItem, doc: ClusterDoc, batch: _Batch
    ) -> _Decision:
        """An alert that names only an error type in a service (an APM monitor counting error
        spans by type), where several problems of that type are known there: the one of them
        seen in the half hour before the alert (``RECENT_BEFORE``), when only one was. A
        monitor fires on what it counted in its last minutes; a problem last seen long before
        is not what it counted."""
        record = batch.known.get(doc.service_key.id) if doc.service_key else None
        problems = (record or {}).get("problems") if (record or {}).get("ambiguous") else None
        if not problems:
            return _Decision(None, "new")
        at = _seen_at(item)
        clusters = await self.store.get_clusters(project_id, problems)
        seen = {c.id: c.last_seen for c in clusters if c.last_seen is not None}
        for cluster_id in problems:
            if cluster_id in batch.seen:
                last = batch.seen[cluster_id]
                seen[cluster_id] = max(last, seen.get(cluster_id) or last)
        recent = [c for c, last in seen.items() if at - RECENT_BEFORE <= last <= at + RECENT_AFTER]
        if len(recent) != 1:
            return _Decision(None, "new")
        return _Decision(recent[0], "service")

    @staticmethod
    def _by_place(doc: ClusterDoc, batch: _Batch) -> str | None:
        """The problem of this type and message raised in the same file, when one side says only
        the file: an item without a stack meets the stack's problem there, or another that said
        only the same place, and a stack meets an item that said only where. Two stacks meet by
        a file only where their frames are the same too (names, and files where both know): the
        frame key of the stack's innermost function leads to the first problem that said this
        message in a function of that name, in another file. (Not where only the innermost
        frames are alike: a shared helper's file is the place of every bug that ends in it.)"""
        for key in doc.place_keys:
            record = batch.usable(key)
            if record is None:
                continue
            if doc.frames and record.get("frames"):
                theirs = list(record["frames"])
                files = (doc.files, list(record.get("files") or []))
                if not len(doc.frames) == len(theirs) == shared_run(doc.frames, theirs, files):
                    continue
            elif doc.frames and record.get("joined"):
                continue  # the item that said only where joined a problem by its words
            return str(record["cluster_id"])
        return None

    def _by_frames(self, doc: ClusterDoc, keys: Sequence[GroupingKey], batch: _Batch) -> str | None:
        """The cluster the innermost frame that is no shared helper leads to, when the cluster
        does not tell another story there: another file, or another message."""
        for at, key in enumerate(keys):
            found = batch.known.get(key.id)
            if found is None:
                return None  # the innermost frame that is no helper is new
            if found.get("helper"):
                continue
            if found.get("ambiguous"):
                return None
            theirs = list(found.get("frames") or [])
            alike = same_message(doc.message, str(found.get("message") or ""))
            files = (doc.files[at:], list(found.get("files") or []))
            if otherwise_different(
                doc.frames[at:], theirs, alike, callers_apart(doc, at, found), files
            ):
                self._mark_helper(doc, keys, at, found, batch)
                continue
            mine, other_file = doc.files[at], found.get("file")
            if not alike or (mine and other_file and not same_file(mine, other_file)):
                return None  # one function name, but not one bug there
            if (
                key.kind == "location"
                and doc.exc_type
                and (found.get("type") or "") not in ("", doc.exc_type)
            ):
                return None  # another exception raised there: one function, two failures
            return str(found["cluster_id"])
        return None

    def _mark_helper(
        self,
        doc: ClusterDoc,
        keys: Sequence[GroupingKey],
        at: int,
        found: dict[str, Any],
        batch: _Batch,
    ) -> None:
        """The frames from ``keys[at]`` that ``doc`` shares with the stack ``found`` was made
        of are shared helpers: they decide nothing from now on, and the cluster ``found`` led
        to is known by its first frame out of them instead."""
        theirs = list(found.get("frames") or [])
        run = shared_run(doc.frames[at:], theirs, (doc.files[at:], list(found.get("files") or [])))
        vector = key_only_vector(self.embedder.dimensions)
        for key in keys[at : at + run]:
            before = batch.known.get(key.id) or found
            batch.put(key.id, vector, {**before, "helper": True})
        if len(theirs) > run:
            kind = keys[at].kind
            caller = (
                frame_key(doc.type_key, theirs[run])
                if kind == "frames"
                else location_key(theirs[run])
            )
            if caller.id not in batch.known:
                files = list(found.get("files") or [])[run:]
                moved = {**found, "frames": theirs[run:], "files": files, "kind": kind}
                moved["file"] = files[0] if files else None
                batch.put(caller.id, vector, moved)

    def _by_template_keys(self, doc: ClusterDoc, batch: _Batch) -> _Decision:
        if (on_page := batch.usable(doc.said_page_key())) is not None:
            # An error quoted without its type, on the page or route where its twin was seen.
            return _Decision(str(on_page["cluster_id"]), "page")
        if doc.quoted and (batch.known.get(doc.whole_key().id) or {}).get("ambiguous"):
            # Several problems say this message, and the item says no more: it joins none
            # of them, but the other items that quote it alike.
            return _ambiguous(doc.template_key)
        found = batch.known.get(doc.template_key.id)
        if found is not None:
            return _Decision(str(found["cluster_id"]), "signature")
        if (found := batch.usable(doc.request_key())) is not None:
            return _Decision(str(found["cluster_id"]), "request")
        for key in (doc.skeleton_key, doc.tail_key()):
            found = batch.usable(key)
            if found is not None and found.get("request") == doc.request:
                return _Decision(str(found["cluster_id"]), "skeleton")
        if doc.request:
            # An access line is its request, and no other word on it but its route, where
            # the app failed: the one error that entered there (``mentions``).
            for key in doc.mentions():
                found = batch.usable(key)
                if found is not None and found.get("kind") == "entry":
                    return _Decision(str(found["cluster_id"]), "entry")
            return _Decision(None, "new")
        whole = doc.whole_key()
        for key in doc.message_keys():
            found = batch.usable(key)
            # An error's message, or another line's whole: two log lines that merely end alike
            # are not one problem. An error quoted whole that another line says after its
            # context ("branch sync failed (stock): <this error>") is that line's error.
            if (
                found is not None
                and not (key.kind == "suffix" and found.get("cause"))
                and not other_service(doc, found)  # one runtime error, two services' bugs
                and (
                    found.get("kind") in ("message", "whole")
                    or (key == whole and doc.quoted and len(doc.tokens) >= QUOTED_WORDS)
                )
            ):
                return _Decision(str(found["cluster_id"]), "message")
        for key in doc.mentions():
            found = batch.usable(key)
            # An error entered there, with its stack or, where it has no application frame
            # (raised in the queue library's import of the job), by its endpoint alone.
            if found is not None and (
                found.get("kind") == "entry"
                or (found.get("kind") == "mention" and found.get("type"))
            ):
                return _Decision(str(found["cluster_id"]), "entry")
        return _Decision(None, "new")

    async def _by_embedding(self, project_id: str, doc: ClusterDoc, batch: _Batch) -> _Decision:
        if doc.text not in batch.vectors:  # its primary key is known, but decided nothing
            batch.vectors[doc.text] = (await self.embedder.embed_matrix([doc.text]))[0]
        vector = batch.vectors[doc.text]
        if not doc.is_exception:
            where = {"shape": doc.shape}
            found = await self.index.query(project_id, vector, self.top_k, where)
            cluster_id, score = self._same_template(
                doc, found + batch.neighbours(vector, doc.shape)
            )
            if cluster_id is not None:
                return _Decision(cluster_id, "template", score)
        if doc.is_exception and not doc.message:
            return _Decision(None, "new")  # a type alone is not a problem to compare
        found = await self.index.query(project_id, vector, NEAREST_K)
        cluster_id, score = self._nearest(doc, found + batch.neighbours(vector), batch)
        return _Decision(cluster_id, "nearest", score)

    def _vector(
        self, doc: ClusterDoc, batch: _Batch, key_id: str | None = None
    ) -> npt.NDArray[np.float32]:
        """The vector ``key_id``'s record is stored with: the document's embedding for its
        primary key, a fixed one-hot vector for its other keys. Those are found by id only,
        so they cost a few bytes and never crowd a neighbour search."""
        vector = batch.vectors.get(doc.text)
        if vector is not None and (key_id is None or key_id == doc.signature):
            return vector
        return key_only_vector(self.embedder.dimensions)

    def _register(
        self, item: FeedbackItem, doc: ClusterDoc, cluster_id: str, batch: _Batch
    ) -> None:
        """Make each key of ``doc`` lead to ``cluster_id``; a shareable key that led elsewhere
        becomes ambiguous."""
        known = batch.known
        if all(k in known for k in doc.key_ids):
            # An occurrence of a known problem: nothing new to write (the common case), unless
            # its route tells of the same problem known apart (see ``renamed``).
            page = known.get(doc.page_key.id) if doc.page_key and doc.frames else None
            if page is None or page.get("cluster_id") == cluster_id:
                return
        helpers = self._helpers(doc, batch)
        for key, at in _own_keys(doc, helpers):
            found = known.get(key.id)
            if found is None:
                metadata = self._metadata(item, doc, key, cluster_id, at)
                batch.put(key.id, self._vector(doc, batch, key.id), metadata)
            elif found.get("cluster_id") == cluster_id:
                learnt: dict[str, Any] = {}
                if doc.endpoint and not found.get("endpoint") and key.kind == "message":
                    # Known so far without its page or route: from now on it tells a problem
                    # that says the same elsewhere.
                    learnt["endpoint"] = doc.endpoint
                if doc.frames and not found.get("frames") and key.kind not in _LOCATED:
                    # The cluster was known without a stack (an alert came first): from now
                    # on its frames tell it from another problem with the same message.
                    learnt.update(frames=list(doc.frames), files=list(doc.files), type=doc.exc_type)
                if (
                    key.kind in ("service", "type")
                    and doc.message
                    and not found.get("message")
                    and not found.get("frames")
                ):
                    # An alert that named only a type made the cluster, and this error's words
                    # are the first it hears: another error of that type says other words.
                    learnt["message"] = doc.message
                if key.kind in _LOCATED and doc.message and not found.get("message"):
                    # An alert that showed the frame but said nothing made the cluster: from
                    # now on another message raised in that function is another problem.
                    learnt["message"] = doc.message
                if learnt:
                    batch.put(key.id, self._vector(doc, batch, key.id), {**found, **learnt})
            elif (
                key.kind == "entry"
                and found.get("endpoint")  # named as a route or job, not a word in a line
                and not found.get("frames")
                and not found.get("joined")
                and not found.get("ambiguous")
                and alert_about(doc, found, helpers)
                and cluster_id not in batch.absorbed
            ):
                # An alert named this entry point before any stack that enters there was
                # seen, and made a cluster of its own: this stack's problem is the alert's.
                batch.absorbed.setdefault(str(found["cluster_id"]), (cluster_id, "entry"))
                learnt = {
                    "frames": list(doc.frames),
                    "files": list(doc.files),
                    "type": doc.exc_type,
                }
                metadata = {**found, **learnt, "cluster_id": cluster_id}
                batch.put(key.id, self._vector(doc, batch, key.id), metadata)
            elif (
                key == doc.page_key
                and not found.get("ambiguous")
                and renamed(doc, found, helpers, on_route=True)
                and cluster_id not in batch.absorbed
            ):
                # Its stack's problem was known under the innermost function's old name (items
                # that said no route): one problem, from before and after a release.
                batch.absorbed.setdefault(cluster_id, (str(found["cluster_id"]), "page"))
            elif (
                found.get("cluster_id") != cluster_id
                and (key.kind in _SHAREABLE or found.get("kind") in _SHAREABLE)
                and not found.get("helper")
            ):
                problems = list(found.get("problems") or [found["cluster_id"]])
                if key.kind == "service" and (doc.frames or doc.message):
                    # The problems of this type in this service, for an alert that will name
                    # only the type (``_by_recent``).
                    problems = [*(c for c in problems if c != cluster_id), cluster_id]
                    problems = problems[-_PROBLEMS_KEPT:]
                if not found.get("ambiguous") or problems != found.get("problems"):
                    ambiguous = {**found, "ambiguous": True}
                    if key.kind == "service":
                        ambiguous["problems"] = problems
                    batch.put(key.id, self._vector(doc, batch, key.id), ambiguous)
        self._register_causes(item, doc, cluster_id, batch)

    def _register_causes(
        self, item: FeedbackItem, doc: ClusterDoc, cluster_id: str, batch: _Batch
    ) -> None:
        """Make the frame key of each cause that shows application frames lead to
        ``cluster_id``, unless it leads somewhere already: a log that prints only the root
        cause, with its stack (Tomcat's "with root cause", a logger's innermost cause), says
        the problem of the chain it ends."""
        for cause, key in zip(doc.cause_frames, doc.cause_frame_keys, strict=True):
            if key.id in batch.known or key in doc.frame_keys:
                continue
            # The item's record of a frame key, told of the cause rather than the thrown one.
            metadata = {
                **self._metadata(item, doc, key, cluster_id, 0),
                "head": f"{cause.type}: {cause.message}" if cause.message else cause.type,
                "message": cause.message,
                "frames": list(cause.frames),
                "file": cause.files[0],
                "files": list(cause.files),
                "places": [],
                "type": cause.type,
                "request": None,
                "cause": True,
            }
            batch.put(key.id, key_only_vector(self.embedder.dimensions), metadata)

    @staticmethod
    def _metadata(
        item: FeedbackItem, doc: ClusterDoc, key: GroupingKey, cluster_id: str, at: int
    ) -> dict[str, Any]:
        located = key.kind in _LOCATED
        record: dict[str, Any] = {
            "cluster_id": cluster_id,
            "kind": key.kind,
            "source": item.source,
            "title": item.title,
            "head": doc.head,
            "message": doc.message,
            "frames": list(doc.frames[at:] if located else doc.frames),
            "file": doc.files[at] if located and doc.files else None,
            "files": list(doc.files[at:] if located else doc.files),
            "places": list(doc.places),
            "type": doc.exc_type,
            "service": doc.service,
            "endpoint": doc.endpoint,
            "request": doc.request,
            # Only a log's or an alert's template takes part in the same-shape queries of the
            # template step.
            "shape": doc.shape if key.kind == "template" else key.kind,
        }
        if key in doc.cause_keys:
            # What the error was caused by, not what it says: a line ending in it ("update
            # failed - get driver 7: no rows in result set") says another error wrapping it.
            record["cause"] = True
        if not doc.frames and cluster_id != Clusterer._own_id(item):
            # Said without a stack about a problem another item made (its story is not this
            # item's to tell).
            record["joined"] = True
        return record

    def _same_template(
        self, doc: ClusterDoc, candidates: Sequence[Match]
    ) -> tuple[str | None, float]:
        # Only log lines (no stack) are compared by template, so no frames to compare.
        same = [
            m
            for m in sorted(candidates, key=lambda m: -m.score)
            if template_match(doc, str(m.metadata.get("head", "")))
            and m.metadata.get("request") == doc.request  # another route or answer: not one
            and m.metadata.get("endpoint") == doc.endpoint  # nor a line of another route or job
        ]
        identical = [m for m in same if m.metadata.get("head") == doc.head]
        if len({_cluster(m) for m in identical}) > 1:
            # The same message at several code locations, and this item does not say which:
            # joining any of them could hide a problem in another.
            return None, 0.0
        if not same:
            return None, 0.0
        # A slot can bridge clusters that began apart for lack of evidence ("user admin",
        # "user root", then "user <*>"); the most similar of them is the best guess.
        return _cluster(same[0]), same[0].score

    def _nearest(
        self, doc: ClusterDoc, candidates: Sequence[Match], batch: _Batch
    ) -> tuple[str | None, float]:
        above = [m for m in candidates if m.score >= self.threshold]
        if not above:
            return None, 0.0  # most new templates: nothing that close
        frames = _cluster_frames(candidates)
        helpers = self._helpers(doc, batch)
        close = [
            m
            for m in sorted(above, key=lambda m: -m.score)
            if not vetoed(doc, m.metadata, frames[_cluster(m)], helpers)
        ]
        if not close:
            return None, 0.0
        if not doc.frames and len({_cluster(m) for m in close}) > 1:
            return None, 0.0  # as close to several problems, with nothing to tell them apart
        return _cluster(close[0]), close[0].score

    async def _write(
        self,
        project_id: str,
        items: Sequence[FeedbackItem],
        docs: Mapping[str, ClusterDoc],
        assignments: Sequence[Assignment],
        batch: _Batch,
        after: IncidentWork | None = None,
    ) -> None:
        # One atomic store step writes the clusters and the items' assignments, and the new
        # templates' vectors too when the index keeps them in the store (the local index).
        # An index that keeps them elsewhere (Upstash) gets them first: a replay after a crash
        # in between then finds the signatures and their cluster ids (an item with a cluster
        # id is skipped by a replay, and a cluster lists an item once).
        written = list(batch.records.values())
        vectors = self.index.store_rows(self.store, written) if written else []
        if vectors is None:
            await self.index.upsert(project_id, written)
        by_cluster: dict[str, list[FeedbackItem]] = {}
        for item, assignment in zip(items, assignments, strict=True):
            by_cluster.setdefault(assignment.cluster_id, []).append(item)
        # Each cluster's record is made from its first item if it is new; the store counts
        # the members in place (``Store.add_to_clusters``).
        growths = [
            (
                new_cluster(project_id, cluster_id, members[0], docs[members[0].id]),
                [ClusterMember.of(item) for item in members],
            )
            for cluster_id, members in by_cluster.items()
        ]

        # One record per decision, shared by the items it decided (the store encodes it once).
        records: dict[tuple[str, float, str], dict[str, Any]] = {}
        rows = []
        for a in assignments:
            key = (a.method, a.similarity, a.signature)
            record = records.get(key)
            if record is None:
                record = records[key] = a.record()
            rows.append((a.item_id, a.cluster_id, record))
        await self.store.add_to_clusters(project_id, growths, rows, vectors or (), after)
        if vectors:
            await self.index.stored(project_id, written)
