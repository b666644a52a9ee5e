"""Items as stored: a hash per item (see ``ingest.lua``), sorted sets by time, their
delivery history and raw bodies.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from redis.client import NEVER_DECODE

from ...models import FeedbackItem, item_from_fields
from ..history import DeliveryRecord, RawBody
from ..merge import assemble
from ..port import HISTORY_LIMIT, make_cursor, parse_cursor
from .connection import RedisBase, _guarded

#: How far a text search looks back, at most (Redis has no full-text index here).
SEARCH_SCAN_LIMIT = 10_000


def _item_from_hash(data: Mapping[str, str]) -> FeedbackItem | None:
    """An item from its hash (see ingest.lua): its data, with its units and bookkeeping set."""
    if "data" not in data:  # what is left of an item Redis evicted: nothing to show
        return None
    fields: dict[str, Any] = json.loads(data["data"])
    if "status" in data:  # stored whole, before units were kept apart
        fields.setdefault("metadata", {})["status"] = data["status"]
    assemble(fields, ((name[2:], text) for name, text in data.items() if name[:2] == "u:"))
    fields["occurrences"] = int(data["occurrences"])
    fields["last_seen"] = data["last_seen"]
    if "first_seen" in data:
        fields["first_seen"] = data["first_seen"]
    fields["cluster_id"] = data.get("cluster_id") or None
    fields["incident_id"] = data.get("incident_id") or None
    if "clustering" in data:
        fields.setdefault("metadata", {})["clustering"] = json.loads(data["clustering"])
    return item_from_fields(fields)


class ItemsMixin(RedisBase):
    @_guarded
    async def get_items(self, project_id: str, item_ids: Sequence[str]) -> list[FeedbackItem]:
        async with self.redis.pipeline(transaction=False) as pipe:
            for item_id in item_ids:
                pipe.hgetall(self._k("item", project_id, item_id))
            hashes = await pipe.execute()
        return [item for data in hashes if (item := _item_from_hash(data)) is not None]

    @_guarded
    async def find_item(
        self, project_id: str, source: str, external_id: str
    ) -> FeedbackItem | None:
        item_id = await self.redis.get(self._k("dedup", project_id, source, external_id))
        return await self.get_item(project_id, item_id) if item_id else None

    @_guarded
    async def list_deliveries(
        self, project_id: str, item_id: str, limit: int = HISTORY_LIMIT
    ) -> list[DeliveryRecord]:
        rows = await self.redis.lrange(self._k("history", project_id, item_id), 0, limit - 1)
        return [DeliveryRecord.model_validate_json(row) for row in rows]

    @_guarded
    async def get_raw_body(self, project_id: str, record_id: str) -> RawBody | None:
        # Bodies are bytes as they came, not necessarily UTF-8: read without decoding.
        value = await self.redis.execute_command(
            "GET", self._k("raw", project_id, record_id), **{NEVER_DECODE: True}
        )
        return None if value is None else RawBody.decode(value)

    @_guarded
    async def list_items(
        self,
        project_id: str,
        *,
        source: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
        query: str | None = None,
    ) -> tuple[list[FeedbackItem], str | None]:
        index = (
            self._k("items", project_id, "source", source)
            if source
            else self._k("items", project_id)
        )
        top = parse_cursor(cursor) if cursor else None
        needle = query.lower() if query else None
        found: list[tuple[int, FeedbackItem]] = []
        scanned = 0
        while len(found) <= limit and scanned < SEARCH_SCAN_LIMIT:
            batch = max(limit + 1, 100) if needle else limit + 1
            rows = await self._page_before(index, top, batch)
            if not rows:
                break
            scanned += len(rows)
            async with self.redis.pipeline(transaction=False) as pipe:
                for member, _ in rows:
                    pipe.hgetall(self._k("item", project_id, member))
                hashes = await pipe.execute()
            for (_member, score), data in zip(rows, hashes, strict=True):
                item = _item_from_hash(data)
                if item is None:
                    continue
                if needle and needle not in f"{item.title}\n{item.body}".lower():
                    continue
                found.append((int(score), item))
            last_member, last_score = rows[-1]
            top = (int(last_score), last_member)
            if not needle:
                break
        page = found[:limit]
        next_cursor = None
        if len(found) > limit:
            score, item = page[-1]
            next_cursor = make_cursor(score, item.id)
        return [item for _, item in page], next_cursor

    async def _page_before(
        self, index: str, top: tuple[int, str] | None, count: int
    ) -> list[tuple[str, float]]:
        """Up to ``count`` members after ``top`` in (score, id) descending order.

        Members that share a score come back in reverse id order; a burst can give many items
        one millisecond, so the rest of the cursor's millisecond is read on its own first.
        """
        if top is None:
            rows: list[tuple[str, float]] = await self.redis.zrevrangebyscore(
                index, "+inf", "-inf", start=0, num=count, withscores=True
            )
            return rows
        score, last_id = top
        same = await self.redis.zrevrangebyscore(index, score, score, withscores=True)
        rows = [(m, s) for m, s in same if m < last_id][:count]
        if len(rows) < count:
            rows += await self.redis.zrevrangebyscore(
                index, f"({score}", "-inf", start=0, num=count - len(rows), withscores=True
            )
        return rows
