"""The local index's vectors: one hash per project."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..port import VectorRow
from .connection import RedisBase, _guarded


def _vector_values(rows: Sequence[VectorRow]) -> dict[str, str]:
    return {
        vector_id: json.dumps({"vector": list(vector), "metadata": dict(metadata)})
        for vector_id, vector, metadata in rows
    }


class VectorsMixin(RedisBase):
    @_guarded
    async def save_vectors(self, project_id: str, rows: Sequence[VectorRow]) -> None:
        if not rows:
            return
        await self.redis.hset(self._k("vectors", project_id), mapping=_vector_values(rows))

    @_guarded
    async def load_vectors(self, project_id: str) -> list[tuple[str, list[float], dict[str, Any]]]:
        raw = await self.redis.hgetall(self._k("vectors", project_id))
        out = []
        for vector_id in sorted(raw):
            value = json.loads(raw[vector_id])
            out.append((vector_id, value["vector"], value["metadata"]))
        return out

    @_guarded
    async def delete_vectors(self, project_id: str, vector_ids: Sequence[str]) -> None:
        if vector_ids:
            await self.redis.hdel(self._k("vectors", project_id), *vector_ids)
