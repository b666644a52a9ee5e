"""The online clustering algorithm: each item joins the cluster of its problem, or starts one.

For each item, in order (``ALGORITHM`` names this version, recorded with every assignment):

1. **Signature.** The item's masked head and top frames (``document``) hash to a signature; a
   signature seen before belongs to a cluster already: join it. Most items end here, without
   an embedding (so Gemini is called once per new template, not once per item).
2. **Template.** Embed the item and ask the index for its nearest templates. A neighbour whose
   template is the same but for slots (``<*>``) on either side, and whose frames do not
   contradict the item's, is the same problem with a value masking did not catch ("user admin"
   vs "user <*>"), or the same exception seen by a tool that sends no stack trace. If such
   neighbours lead to more than one cluster, the item is ambiguous and goes on to step 3.
3. **Nearest.** The most similar neighbour at or above the threshold joins, unless the two
   disagree on the exception type or on the code location (a near miss, not the same bug).
4. Otherwise the item **starts a cluster**.

Every new signature is stored as one vector in the index with its cluster id, so the index
grows with the number of distinct templates, not with traffic. It leans towards under-merging
on purpose: a wrong merge hides a problem inside another, a missed merge shows it twice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from ..models import FeedbackItem
from ..store.base import Store
from .clusters import add_items, new_cluster
from .document import ClusterDoc, document_for, method_name
from .normalize import MASK
from .ports import Embedder, Match, VectorIndex, VectorRecord

ALGORITHM = "sig-template-nn/1"
#: Same-shape templates fetched per new template: enough to find one with a slot among its
#: siblings ("user admin", "user root", ... "user <*>").
TOP_K = 100
#: Neighbours of any shape considered for a merge on similarity alone.
NEAREST_K = 5

Method = Literal["signature", "template", "nearest", "new"]


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


def template_match(doc: ClusterDoc, head: str, frames: Sequence[str]) -> bool:
    """Same template but for slots, at least half of it constant words, frames compatible."""
    mine, theirs = doc.tokens, head.split()
    if len(mine) != len(theirs):
        return False
    same = 0
    for a, b in zip(mine, theirs, strict=True):
        if a == b:
            same += a != MASK
        elif a != MASK and b != MASK:
            return False
    return same >= max(1, math.ceil(len(mine) / 2)) and frames_agree(doc.frames, frames)


def frames_agree(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Unknown on either side agrees; two stack traces must share an application frame (by
    method name: one tool says ``LabelPrinter.print``, another ``print``)."""
    if not mine or not theirs:
        return True
    return bool({method_name(f) for f in mine} & {method_name(f) for f in theirs})


def _vetoed(doc: ClusterDoc, metadata: Mapping[str, Any], frames: Sequence[str]) -> bool:
    other_type = str(metadata.get("type") or "")
    if doc.exc_type and other_type and doc.exc_type != other_type:
        return True
    return not frames_agree(doc.frames, frames)


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
    """What one ``assign`` call decided so far, before it is written."""

    by_signature: dict[str, str] = field(default_factory=dict)
    records: list[VectorRecord] = field(default_factory=list)
    vectors: dict[str, npt.NDArray[np.float32]] = field(default_factory=dict)

    def neighbours(self, vector: npt.NDArray[np.float32], shape: str | None = None) -> list[Match]:
        # Templates created earlier in this batch are not in the index yet (and a remote index
        # may take a moment to show them anyway), so they are compared here.
        records = [r for r in self.records if shape is None or r.metadata["shape"] == shape]
        if not records:
            return []
        scores = np.stack([self.vectors[r.id] for r in records]) @ vector
        return [
            Match(r.id, float(s), dict(r.metadata)) for r, s in zip(records, scores, strict=True)
        ]


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

    async def assign(self, project_id: str, items: Sequence[FeedbackItem]) -> list[Assignment]:
        """Cluster ``items`` (one project) and store the result; items that already have a
        cluster are left alone, so a batch handled twice (a crashed worker's) changes nothing.

        Raises ``ClusteringUnavailable`` before writing anything when the embedder or the
        index is down, so the caller can leave the batch queued and try again.
        """
        todo = [item for item in items if item.cluster_id is None]
        if not todo:
            return []
        docs = {item.id: document_for(item) for item in todo}
        signatures = list(dict.fromkeys(doc.signature for doc in docs.values()))
        known = await self.index.fetch(project_id, signatures)
        batch = _Batch(by_signature={s: str(m["cluster_id"]) for s, m in known.items()})
        fresh = [s for s in signatures if s not in known]
        if fresh:
            texts = {doc.signature: doc.text for doc in docs.values()}
            vectors = await self.embedder.embed([texts[s] for s in fresh])
            batch.vectors = {
                s: np.asarray(v, dtype=np.float32) for s, v in zip(fresh, vectors, strict=True)
            }

        assignments = [await self._decide(project_id, item, docs[item.id], batch) for item in todo]
        await self._write(project_id, todo, docs, assignments, batch)
        return assignments

    async def _decide(
        self, project_id: str, item: FeedbackItem, doc: ClusterDoc, batch: _Batch
    ) -> Assignment:
        sig = doc.signature
        if sig in batch.by_signature:
            return Assignment(item.id, batch.by_signature[sig], "signature", 1.0, sig)
        vector = batch.vectors[sig]
        where = {"shape": doc.shape}
        found = await self.index.query(project_id, vector, self.top_k, where)
        cluster_id, score = self._same_template(doc, found + batch.neighbours(vector, doc.shape))
        method: Method = "template"
        if cluster_id is None:
            found = await self.index.query(project_id, vector, NEAREST_K)
            cluster_id, score = self._nearest(doc, found + batch.neighbours(vector))
            method = "nearest"
        if cluster_id is None:
            cluster_id, method, score = sig, "new", 1.0
        batch.by_signature[sig] = cluster_id
        batch.records.append(
            VectorRecord(
                sig,
                vector.tolist(),
                {
                    "cluster_id": cluster_id,
                    "source": item.source,
                    "title": item.title,
                    "head": doc.head,
                    "frames": list(doc.frames),
                    "type": doc.exc_type,
                    "shape": doc.shape,
                },
            )
        )
        return Assignment(item.id, cluster_id, method, score, sig)

    def _same_template(
        self, doc: ClusterDoc, candidates: Sequence[Match]
    ) -> tuple[str | None, float]:
        frames = _cluster_frames(candidates)
        same = [
            m
            for m in sorted(candidates, key=lambda m: -m.score)
            if template_match(doc, str(m.metadata.get("head", "")), frames[_cluster(m)])
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

    def _nearest(self, doc: ClusterDoc, candidates: Sequence[Match]) -> tuple[str | None, float]:
        frames = _cluster_frames(candidates)
        close = [
            m
            for m in sorted(candidates, key=lambda m: -m.score)
            if m.score >= self.threshold and not _vetoed(doc, m.metadata, frames[_cluster(m)])
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
    ) -> None:
        # Order matters for a crash half-way: vectors first (a replay then finds the signature
        # and its cluster id), clusters next (item ids are added once), items last (an item
        # with a cluster id is done, and is skipped by a replay).
        await self.index.upsert(project_id, batch.records)
        by_cluster: dict[str, list[tuple[FeedbackItem, ClusterDoc]]] = {}
        for item, assignment in zip(items, assignments, strict=True):
            by_cluster.setdefault(assignment.cluster_id, []).append((item, docs[item.id]))
        # Clusters this batch started need no read (a replay's do: they are then found).
        created = {a.cluster_id for a in assignments if a.method == "new"}
        wanted = [c for c in by_cluster if c not in created]
        existing = {c.id: c for c in await self.store.get_clusters(project_id, wanted)}
        clusters = []
        for cluster_id, members in by_cluster.items():
            cluster = existing.get(cluster_id)
            if cluster is None:
                first_item, first_doc = members[0]
                cluster = new_cluster(project_id, cluster_id, first_item, first_doc)
            add_items(cluster, [item for item, _ in members])
            clusters.append(cluster)
        await self.store.save_clusters(clusters)
        rows = [(a.item_id, a.cluster_id, a.record()) for a in assignments]
        await self.store.set_item_clusters(project_id, rows)
