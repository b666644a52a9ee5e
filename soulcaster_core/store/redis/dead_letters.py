"""Dead letters: a hash of letters, one of their heads, an index by time and a byte count,
kept within bounds by ``add_dead_letter.lua``.
"""

from __future__ import annotations

from typing import Any

from ...models import DeadLetter, utcnow
from ..dead_letters import DeadLetterHead
from .connection import RedisBase, _guarded, lua

ADD_DEAD_LETTER_LUA = lua("add_dead_letter")
DELETE_DEAD_LETTER_LUA = lua("delete_dead_letter")


class DeadLettersMixin(RedisBase):
    #: Registered by ``RedisStore``.
    _add_dead_letter_script: Any
    _delete_dead_letter_script: Any

    @_guarded
    async def add_dead_letter(self, letter: DeadLetter) -> None:
        limits = self.dead_letter_limits
        received = letter.received_at.timestamp()
        await self._add_dead_letter_script(
            keys=self._dead_keys(letter.project_id),
            args=[
                letter.id,
                letter.model_dump_json(),
                received,
                DeadLetterHead.of(letter).model_dump_json(),
                limits.max_count,
                limits.max_bytes,
                "-inf" if limits.max_age is None else (utcnow() - limits.max_age).timestamp(),
            ],
        )

    def _dead_keys(self, project_id: str) -> list[str]:
        return [
            self._k("dead", project_id),
            self._k("dead", project_id, "index"),
            self._k("dead", project_id, "heads"),
            self._k("dead", project_id, "bytes"),
        ]

    @_guarded
    async def list_dead_letter_heads(
        self, project_id: str, limit: int = 100
    ) -> list[DeadLetterHead]:
        ids = await self.redis.zrevrange(self._k("dead", project_id, "index"), 0, limit - 1)
        if not ids:
            return []
        raw = await self.redis.hmget(self._k("dead", project_id, "heads"), ids)
        heads = []
        for letter_id, head in zip(ids, raw, strict=True):
            if head:
                heads.append(DeadLetterHead.model_validate_json(head))
                continue
            # Filed before heads were kept: read it whole, once.
            letter = await self.get_dead_letter(project_id, letter_id)
            if letter is not None:
                heads.append(DeadLetterHead.of(letter))
        return heads

    @_guarded
    async def list_dead_letters(self, project_id: str, limit: int = 100) -> list[DeadLetter]:
        ids = await self.redis.zrevrange(self._k("dead", project_id, "index"), 0, limit - 1)
        if not ids:
            return []
        raw = await self.redis.hmget(self._k("dead", project_id), ids)
        return [DeadLetter.model_validate_json(r) for r in raw if r]

    @_guarded
    async def get_dead_letter(self, project_id: str, letter_id: str) -> DeadLetter | None:
        raw = await self.redis.hget(self._k("dead", project_id), letter_id)
        return DeadLetter.model_validate_json(raw) if raw else None

    @_guarded
    async def delete_dead_letter(self, project_id: str, letter_id: str) -> bool:
        deleted = await self._delete_dead_letter_script(
            keys=self._dead_keys(project_id), args=[letter_id]
        )
        return bool(deleted)

    @_guarded
    async def count_dead_letters(self, project_id: str) -> int:
        return int(await self.redis.hlen(self._k("dead", project_id)))
