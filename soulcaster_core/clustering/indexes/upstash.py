"""The VectorIndex port's production adapter: Upstash Vector via ``upstash-vector``.

Imported only when ``SOULCASTER_VECTOR_INDEX=upstash`` (the ``[upstash]`` extra). Each project
is one namespace of the index, so projects never see each other's vectors and a project can
be dropped with its namespace. Create the index with the embedder's dimension
(``SOULCASTER_EMBEDDING_DIMENSIONS``); any metric works, because scores are recomputed here as
cosine similarity from the vectors the query returns (Upstash rescales its scores to 0..1,
differently per metric, which would make one threshold mean different things).
"""

from __future__ import annotations

import math
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeVar

import anyio
import httpx
import numpy as np
from upstash_vector import AsyncIndex
from upstash_vector import Vector as UpstashVector
from upstash_vector.errors import UpstashError
from upstash_vector.types import MetadataUpdateMode

from ...errors import ClusteringUnavailable
from .port import Match, Vector, VectorIndex, VectorRecord

T = TypeVar("T")


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


class UpstashIndex(VectorIndex):
    name = "upstash"

    def __init__(
        self,
        url: str,
        token: str,
        *,
        attempts: int = 4,
        base_delay: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        # The SDK's own retries sleep a fixed second and ignore the status; ours back off.
        self._index = AsyncIndex(url=url, token=token, retries=0, allow_telemetry=False)
        self.attempts = attempts
        self.base_delay = base_delay
        self._sleep = sleep

    @staticmethod
    def namespace(project_id: str) -> str:
        return f"project-{project_id}"

    async def _call(self, what: str, operation: Callable[[], Awaitable[T]]) -> T:
        failure: Exception | None = None
        for attempt in range(self.attempts):
            try:
                return await operation()
            # UpstashError: the service answered with an error (rate limit, outage);
            # ValueError: it answered with something that is not its JSON (a proxy's 502 page).
            except (httpx.HTTPError, UpstashError, ValueError, KeyError) as exc:
                failure = exc
            if attempt + 1 < self.attempts:
                delay = self.base_delay * 2**attempt
                await self._sleep(delay * (0.5 + random.random() / 2))
        raise ClusteringUnavailable(f"Upstash Vector {what} failed: {failure}") from failure

    async def upsert(self, project_id: str, records: Sequence[VectorRecord]) -> None:
        if not records:
            return
        vectors = [
            UpstashVector(
                id=r.id,
                vector=np.asarray(r.vector, dtype=np.float64).tolist(),
                metadata=dict(r.metadata),
            )
            for r in records
        ]
        ns = self.namespace(project_id)
        await self._call("upsert", lambda: self._index.upsert(vectors=vectors, namespace=ns))

    async def query(
        self,
        project_id: str,
        vector: Vector,
        top_k: int,
        where: Mapping[str, str] | None = None,
    ) -> list[Match]:
        ns = self.namespace(project_id)
        values = np.asarray(vector, dtype=np.float64).tolist()
        # Values we filter on are hex digests or ids; quotes are refused rather than escaped.
        if any("'" in str(v) for v in (where or {}).values()):
            raise ValueError("filter values must not contain quotes")
        condition = " AND ".join(f"{k} = '{v}'" for k, v in (where or {}).items())
        results = await self._call(
            "query",
            lambda: self._index.query(
                vector=values,
                top_k=top_k,
                include_vectors=True,
                include_metadata=True,
                filter=condition,
                namespace=ns,
            ),
        )
        matches = [
            Match(r.id, _cosine(values, r.vector) if r.vector else 0.0, dict(r.metadata or {}))
            for r in results
        ]
        return sorted(matches, key=lambda m: -m.score)

    async def fetch(self, project_id: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not ids:
            return {}
        ns = self.namespace(project_id)
        results = await self._call(
            "fetch",
            lambda: self._index.fetch(ids=list(ids), include_metadata=True, namespace=ns),
        )
        return {r.id: dict(r.metadata or {}) for r in results if r is not None}

    async def update_metadata(
        self, project_id: str, ids: Sequence[str], changes: Mapping[str, Any]
    ) -> None:
        ns = self.namespace(project_id)
        for vector_id in ids:
            await self._call(
                "update",
                lambda vector_id=vector_id: self._index.update(  # type: ignore[misc]
                    id=vector_id,
                    metadata=dict(changes),
                    namespace=ns,
                    metadata_update_mode=MetadataUpdateMode.PATCH,
                ),
            )

    async def delete(self, project_id: str, ids: Sequence[str]) -> None:
        if not ids:
            return
        ns = self.namespace(project_id)
        await self._call("delete", lambda: self._index.delete(ids=list(ids), namespace=ns))

    async def clear(self, project_id: str) -> None:
        ns = self.namespace(project_id)
        await self._call("reset", lambda: self._index.reset(namespace=ns))

    async def aclose(self) -> None:
        await self._index._client.aclose()
