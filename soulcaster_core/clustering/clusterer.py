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

from ..models import Cluster, FeedbackItem
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
        scores = (np.stack([self.vectors[r.id] for r in records]) @ vector).tolist()
        return [Match(r.id, s, dict(r.metadata)) for r, s in zip(records, scores, strict=True)]


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
            matrix = await self.embedder.embed_matrix([texts[s] for s in fresh])
            batch.vectors = dict(zip(fresh, matrix, strict=True))

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
                vector,
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
        above = [m for m in candidates if m.score >= self.threshold]
        if not above:
            return None, 0.0  # most new templates: nothing that close
        frames = _cluster_frames(candidates)
        close = [
            m
            for m in sorted(above, key=lambda m: -m.score)
            if not _vetoed(doc, m.metadata, frames[_cluster(m)])
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
        # One atomic store step writes the clusters and the items' assignments, and the new
        # templates' vectors too when the index keeps them in the store (the local index).
        # An index that keeps them elsewhere (Upstash) gets them first: a replay after a crash
        # in between then finds the signatures and their cluster ids (an item with a cluster
        # id is skipped by a replay, and a cluster lists an item once).
        vectors = self.index.store_rows(self.store, batch.records) if batch.records else []
        if vectors is None:
            await self.index.upsert(project_id, batch.records)
        by_cluster: dict[str, list[FeedbackItem]] = {}
        for item, assignment in zip(items, assignments, strict=True):
            by_cluster.setdefault(assignment.cluster_id, []).append(item)

        def update(found: Mapping[str, Cluster]) -> list[Cluster]:
            clusters = []
            for cluster_id, members in by_cluster.items():
                cluster = found.get(cluster_id)
                if cluster is None:
                    cluster = new_cluster(project_id, cluster_id, members[0], docs[members[0].id])
                add_items(cluster, members)
                clusters.append(cluster)
            return clusters

        # One record per decision, shared by the items it decided (the store encodes it once).
        records: dict[tuple[str, float, str], dict[str, Any]] = {}
        rows = []
        for a in assignments:
            key = (a.method, a.similarity, a.signature)
            record = records.get(key)
            if record is None:
                record = records[key] = a.record()
            rows.append((a.item_id, a.cluster_id, record))
        await self.store.update_clusters(project_id, list(by_cluster), update, rows, vectors or ())
        if vectors:
            await self.index.stored(project_id, batch.records)
