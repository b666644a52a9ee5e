"""Dead letters kept within bounds: per project at most so many, so many bytes, so many days.

A sender that keeps posting what cannot be read must not fill the disk (or Redis' memory): past
a cap the oldest letters are dropped when a new one is filed. Listing them reads their heads
(``DeadLetterHead``: who, when, why, how big), never their bodies; one letter is read whole.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import BaseModel

from ..models import DeadLetter


@dataclass(frozen=True)
class DeadLetterLimits:
    #: Letters a project keeps; the oldest goes first.
    max_count: int = 1000
    #: Bytes of stored letters a project keeps (bodies as stored, base64 and headers included).
    max_bytes: int = 64 * 1024 * 1024
    #: Older letters are dropped when the next one is filed; ``None``: no age limit.
    max_age: timedelta | None = None


class DeadLetterHead(BaseModel):
    """A dead letter as listed: everything but its body, and the body's size."""

    id: str
    project_id: str
    source: str
    error: str
    content_type: str = ""
    received_at: datetime
    size: int

    @classmethod
    def of(cls, letter: DeadLetter) -> DeadLetterHead:
        return cls(
            id=letter.id,
            project_id=letter.project_id,
            source=letter.source,
            error=letter.error,
            content_type=letter.content_type,
            received_at=letter.received_at,
            size=len(letter.body),
        )


# KEYS: 1 letters hash, 2 index zset (received time), 3 heads hash, 4 bytes counter
# ARGV: 1 id, 2 letter json, 3 received (epoch s), 4 head json, 5 max count, 6 max bytes,
#       7 drop letters received before this (epoch s; "-inf": none)
# Returns how many older letters were dropped.
ADD_DEAD_LETTER_LUA = """
local letters, index, heads, bytes = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local max_count, max_bytes = tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('HSET', letters, ARGV[1], ARGV[2])
redis.call('HSET', heads, ARGV[1], ARGV[4])
redis.call('ZADD', index, ARGV[3], ARGV[1])
local total = redis.call('INCRBY', bytes, string.len(ARGV[2]))
local dropped = 0
local function drop(id)
  local size = redis.call('HSTRLEN', letters, id)
  redis.call('HDEL', letters, id)
  redis.call('HDEL', heads, id)
  redis.call('ZREM', index, id)
  total = redis.call('DECRBY', bytes, size)
  dropped = dropped + 1
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', '(' .. ARGV[7])) do
  if id ~= ARGV[1] then drop(id) end
end
local count = redis.call('ZCARD', index)
while count > 1 and (count > max_count or total > max_bytes) do
  drop(redis.call('ZRANGE', index, 0, 0)[1])
  count = count - 1
end
if total < 0 then redis.call('SET', bytes, 0) end
return dropped
"""

# KEYS as above; ARGV: 1 id. Returns 1 when it was there.
DELETE_DEAD_LETTER_LUA = """
local size = redis.call('HSTRLEN', KEYS[1], ARGV[1])
local deleted = redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if deleted == 1 and redis.call('DECRBY', KEYS[4], size) < 0 then
  redis.call('SET', KEYS[4], 0)
end
return deleted
"""

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
    from .base import iso

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
