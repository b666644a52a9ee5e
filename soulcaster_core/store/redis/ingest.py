"""Ingest: one atomic script call per item (``ingest.lua``), batched per project by
``_IngestBatcher``: dedup, save or merge, count, record the delivery and queue it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import msgspec
from redis import exceptions as redis_errors

from ...errors import StoreUnavailable
from ...models import FeedbackItem, IngestResult, utcnow
from ...timestamps import hour_bucket, slot_bucket
from ..batch import IngestEntry
from ..history import RawBody, Via, new_record_id, record_head
from ..merge import DEFAULT_MERGE_POLICY, MergePolicy, base_json, policy_json, richness, unit_parts
from ..port import HISTORY_LIMIT, RAW_TTL_SECONDS, iso
from .batcher import Arg
from .connection import _DOWN, RedisBase, milliseconds
from .events import SLOT_STATS_TTL, STATS_TTL

_pack = msgspec.msgpack.Encoder().encode


def _as_string(value: bytes) -> msgspec.Raw:
    """``value`` as a MessagePack string of its bytes, which need not be UTF-8: Redis's
    ``cmsgpack`` reads strings as bytes, and refuses the binary type bytes are encoded as."""
    size = len(value)
    if size < 32:
        head = bytes((0xA0 | size,))
    elif size < 0x100:
        head = b"\xd9" + bytes((size,))
    elif size < 0x10000:
        head = b"\xda" + size.to_bytes(2, "big")
    else:
        head = b"\xdb" + size.to_bytes(4, "big")
    return msgspec.Raw(head + value)


class IngestMixin(RedisBase):
    def _ingest_head(self, project: str) -> tuple[list[str], list[Arg]]:
        """What one ingest call of ``project`` starts with (see ingest.lua); read at send time."""
        now = utcnow()
        at = iso(now)
        keys = [
            self._k("items", project),
            self._k("stats", project, str(hour_bucket(now))),
            self._k("last", project),
            self._k("queue", project),
            self._k("stats-slot", project, str(slot_bucket(now))),
        ]
        args: list[Arg] = [
            project,
            self._k("item", project, ""),
            STATS_TTL,
            # _last_event(now, None) and json.dumps of the status, written out: the time is
            # the only value, and it holds nothing to escape.
            f'{{"at": "{at}", "detail": null}}',
            self._k("history", project, ""),
            self._k("raw", project, ""),
            HISTORY_LIMIT,
            SLOT_STATS_TTL,
            self._k("cluster", project, ""),
            self._k("cluster-hours", project, ""),
            self._k("clusters-by-time", project),
            self._k("cluster_status", project),
            f'{{"status": "regressed", "at": "{at}"}}',
        ]
        return keys, args

    async def ingest(
        self,
        item: FeedbackItem,
        *,
        occurrence: bool = True,
        delivery_id: str | None = None,
        delivery_ttl: int = 7 * 24 * 3600,
        policy: MergePolicy = DEFAULT_MERGE_POLICY,
        via: Via = "webhook",
        raw: RawBody | None = None,
        raw_ttl: float = RAW_TTL_SECONDS,
    ) -> IngestResult:
        packed = self._ingest_call(
            item, occurrence, delivery_id, delivery_ttl, policy, via, raw, raw_ttl
        )
        # The batch's future is awaited here, not through _guarded and a coroutine of the
        # batcher's: two coroutines fewer to pass on every webhook's way to Redis and back.
        try:
            outcome, item_id = await self._ingest_batches.submit(item.project_id, packed)
        except _DOWN as exc:
            raise StoreUnavailable(f"Redis: {exc}") from exc
        except redis_errors.ResponseError as exc:
            # A key of the wrong type, a Redis out of memory: the sender must retry, not
            # see a 500; the log says what Redis refused.
            raise StoreUnavailable(f"Redis refused the write: {exc}") from exc
        return IngestResult(status=outcome, id=item_id)

    async def ingest_batch(
        self,
        entries: Sequence[IngestEntry],
        *,
        delivery_ttl: int = 7 * 24 * 3600,
        policy: MergePolicy = DEFAULT_MERGE_POLICY,
        via: Via = "webhook",
        raw_ttl: float = RAW_TTL_SECONDS,
    ) -> list[IngestResult]:
        # Submitted without an await in between, so they share the project's next script
        # call: one script run, which nothing else interleaves with.
        projects = {entry.item.project_id for entry in entries}
        if len(projects) > 1:
            raise ValueError("a batch holds the items of one project")
        futures = [
            self._ingest_batches.submit(
                entry.item.project_id,
                self._ingest_call(
                    entry.item,
                    entry.occurrence,
                    entry.delivery_id,
                    delivery_ttl,
                    policy,
                    via,
                    entry.raw,
                    raw_ttl,
                ),
            )
            for entry in entries
        ]
        try:
            replies = await asyncio.gather(*futures)
        except _DOWN as exc:
            raise StoreUnavailable(f"Redis: {exc}") from exc
        except redis_errors.ResponseError as exc:
            raise StoreUnavailable(f"Redis refused the write: {exc}") from exc
        return [IngestResult(status=outcome, id=item_id) for outcome, item_id in replies]

    def _ingest_call(
        self,
        item: FeedbackItem,
        occurrence: bool,
        delivery_id: str | None,
        delivery_ttl: int,
        policy: MergePolicy,
        via: Via,
        raw: RawBody | None,
        raw_ttl: float,
    ) -> bytes:
        """One item's part of the ingest script's call, packed (see ingest.lua): its values,
        every one a string as the script reads it, then its keys."""
        p, source = item.project_id, item.source
        if raw_ttl <= 0:  # nothing to keep it for
            raw = None
        record_id = new_record_id()
        first_seen, last_seen = (
            item.first_seen or item.created_at,
            item.last_seen or item.created_at,
        )
        last = iso(last_seen)
        # One MessagePack array for all: hiredis packs arguments one by one, at a cost per
        # argument that made packing the costliest step of the call (bench/ingest.py).
        return _pack(
            (
                item.id,
                base_json(item),
                str(int(item.received_at.timestamp() * 1000)),
                last if first_seen == last_seen else iso(first_seen),
                last,
                "1" if occurrence else "0",
                source,
                str(delivery_ttl) if delivery_id is not None else "",
                policy_json(policy),
                str(richness(item)),
                record_id,
                record_head(record_id, item.received_at, source, via, occurrence, delivery_id, raw),
                "" if raw is None else str(milliseconds(raw_ttl)),
                "" if raw is None else _as_string(raw.encode()),
                unit_parts(item),
                self._k("dedup", p, source, item.external_id),
                self._k("item", p, item.id),
                self._k("items", p, "source", source),
                self._k("delivery", p, source, delivery_id or ""),
            )
        )
