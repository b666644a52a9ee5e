"""Dead letters in a table, kept within bounds (``store/dead_letters.py``)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from ...models import DeadLetter, utcnow
from ..dead_letters import DeadLetterHead, DeadLetterLimits
from ..port import iso
from .connection import SQLiteBase

#: A head straight from the stored JSON: the body's base64 is measured, never decoded.
SQLITE_HEADS = """
SELECT id, project, received,
       json_extract(data, '$.source') AS source,
       json_extract(data, '$.error') AS error,
       coalesce(json_extract(data, '$.content_type'), '') AS content_type,
       length(json_extract(data, '$.body')) AS b64,
       length(rtrim(json_extract(data, '$.body'), '=')) AS unpadded
FROM dead_letters WHERE project = ? ORDER BY received DESC LIMIT ?
"""


def sqlite_head(row: sqlite3.Row) -> DeadLetterHead:
    b64, padding = int(row["b64"] or 0), int(row["b64"] or 0) - int(row["unpadded"] or 0)
    return DeadLetterHead(
        id=row["id"],
        project_id=row["project"],
        source=row["source"],
        error=row["error"],
        content_type=row["content_type"],
        received_at=datetime.fromisoformat(row["received"]),
        size=b64 * 3 // 4 - padding,
    )


def trim_sqlite(
    conn: sqlite3.Connection, project_id: str, limits: DeadLetterLimits, now: datetime
) -> None:
    """Drop the project's letters past its caps, oldest first (the newest always stays)."""
    if limits.max_age is not None:
        conn.execute(
            "DELETE FROM dead_letters WHERE project = ? AND received < ? AND id NOT IN "
            "(SELECT id FROM dead_letters WHERE project = ? ORDER BY received DESC LIMIT 1)",
            (project_id, iso(now - limits.max_age), project_id),
        )
    rows = conn.execute(
        "SELECT id, length(data) AS size FROM dead_letters WHERE project = ? "
        "ORDER BY received DESC",
        (project_id,),
    ).fetchall()
    total, doomed = 0, []
    for kept, row in enumerate(rows):
        total += int(row["size"])
        if kept > 0 and (kept >= limits.max_count or total > limits.max_bytes):
            doomed.append(row["id"])
    if doomed:
        conn.executemany(
            "DELETE FROM dead_letters WHERE project = ? AND id = ?",
            [(project_id, letter_id) for letter_id in doomed],
        )


class DeadLettersMixin(SQLiteBase):
    async def add_dead_letter(self, letter: DeadLetter) -> None:
        def add(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                conn.execute(
                    "INSERT INTO dead_letters VALUES (?, ?, ?, ?)",
                    (
                        letter.id,
                        letter.project_id,
                        iso(letter.received_at),
                        letter.model_dump_json(),
                    ),
                )
                trim_sqlite(conn, letter.project_id, self.dead_letter_limits, utcnow())

        await self._run(add)

    async def list_dead_letter_heads(
        self, project_id: str, limit: int = 100
    ) -> list[DeadLetterHead]:
        rows = await self._run(lambda c: c.execute(SQLITE_HEADS, (project_id, limit)).fetchall())
        return [sqlite_head(row) for row in rows]

    async def list_dead_letters(self, project_id: str, limit: int = 100) -> list[DeadLetter]:
        rows = await self._run(
            lambda c: c.execute(
                "SELECT data FROM dead_letters WHERE project = ? ORDER BY received DESC LIMIT ?",
                (project_id, limit),
            ).fetchall()
        )
        return [DeadLetter.model_validate_json(row["data"]) for row in rows]

    async def get_dead_letter(self, project_id: str, letter_id: str) -> DeadLetter | None:
        row = await self._run(
            lambda c: c.execute(
                "SELECT data FROM dead_letters WHERE project = ? AND id = ?",
                (project_id, letter_id),
            ).fetchone()
        )
        return DeadLetter.model_validate_json(row["data"]) if row else None

    async def delete_dead_letter(self, project_id: str, letter_id: str) -> bool:
        cur = await self._run(
            lambda c: c.execute(
                "DELETE FROM dead_letters WHERE project = ? AND id = ?", (project_id, letter_id)
            )
        )
        return cur.rowcount == 1

    async def count_dead_letters(self, project_id: str) -> int:
        row = await self._run(
            lambda c: c.execute(
                "SELECT COUNT(*) AS n FROM dead_letters WHERE project = ?", (project_id,)
            ).fetchone()
        )
        return int(row["n"])
