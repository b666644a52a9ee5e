"""Items as stored: rows of ``items``, their delivery history and raw bodies."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ...models import FeedbackItem, item_from_json, utcnow
from ..history import DeliveryRecord, RawBody
from ..port import HISTORY_LIMIT, make_cursor, parse_cursor
from .connection import SQLiteBase

#: An item's row, with the incident it is part of (a column of its own).
_SELECT_ITEMS = "SELECT * FROM items"


def _item_from_row(row: sqlite3.Row) -> FeedbackItem:
    item = item_from_json(row["data"])
    item.occurrences = row["occurrences"]
    item.last_seen = datetime.fromisoformat(row["last_seen"])
    item.cluster_id = row["cluster_id"]
    item.incident_id = row["incident_id"]
    if row["status"] is not None:
        item.metadata["status"] = row["status"]
    if row["clustering"] is not None:
        item.metadata["clustering"] = json.loads(row["clustering"])
    return item


class ItemsMixin(SQLiteBase):
    async def list_deliveries(
        self, project_id: str, item_id: str, limit: int = HISTORY_LIMIT
    ) -> list[DeliveryRecord]:
        rows = await self._run(
            lambda c: c.execute(
                "SELECT data FROM item_history WHERE project = ? AND item_id = ?"
                " ORDER BY seq DESC LIMIT ?",
                (project_id, item_id, limit),
            ).fetchall()
        )
        return [DeliveryRecord.model_validate_json(row["data"]) for row in rows]

    async def get_raw_body(self, project_id: str, record_id: str) -> RawBody | None:
        row = await self._run(
            lambda c: c.execute(
                "SELECT value FROM raw_bodies WHERE project = ? AND id = ? AND expires > ?",
                (project_id, record_id, utcnow().timestamp()),
            ).fetchone()
        )
        return None if row is None else RawBody.decode(bytes(row["value"]))

    async def get_items(self, project_id: str, item_ids: Sequence[str]) -> list[FeedbackItem]:
        if not item_ids:
            return []
        marks = ",".join("?" * len(item_ids))
        # ``+project``: with twenty ids or more, SQLite's planner would rather walk every item
        # of the project by its index on project than look the ids up (a worker's batch of
        # 100 then cost as much as the project held).
        rows = await self._run(
            lambda c: c.execute(
                _SELECT_ITEMS + f" WHERE +project = ? AND id IN ({marks})",
                (project_id, *item_ids),
            ).fetchall()
        )
        found = {row["id"]: _item_from_row(row) for row in rows}
        return [found[i] for i in item_ids if i in found]

    async def find_item(
        self, project_id: str, source: str, external_id: str
    ) -> FeedbackItem | None:
        row = await self._run(
            lambda c: c.execute(
                _SELECT_ITEMS + " WHERE project = ? AND source = ? AND external_id = ?",
                (project_id, source, external_id),
            ).fetchone()
        )
        return None if row is None else _item_from_row(row)

    async def list_items(
        self,
        project_id: str,
        *,
        source: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
        query: str | None = None,
    ) -> tuple[list[FeedbackItem], str | None]:
        sql = _SELECT_ITEMS + " WHERE project = ?"
        args: list[Any] = [project_id]
        if source:
            sql += " AND source = ?"
            args.append(source)
        if query:
            sql += " AND instr(search, ?) > 0"
            args.append(query.lower())
        if cursor:
            ms, last_id = parse_cursor(cursor)
            sql += " AND (received_ms < ? OR (received_ms = ? AND id < ?))"
            args += [ms, ms, last_id]
        sql += " ORDER BY received_ms DESC, id DESC LIMIT ?"
        args.append(limit + 1)
        rows = await self._run(lambda c: c.execute(sql, args).fetchall())
        items = [_item_from_row(row) for row in rows[:limit]]
        next_cursor = None
        if len(rows) > limit:
            last = rows[limit - 1]
            next_cursor = make_cursor(last["received_ms"], last["id"])
        return items, next_cursor
