"""Projects and their sources' config (``config:<source>:{<project>}:<field>``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ...models import Project
from .connection import _guarded
from .queue import QueueMixin


class ProjectsMixin(QueueMixin):
    @_guarded
    async def create_project(self, project: Project) -> bool:
        # The queue's consumer group first: each step may be done again, so a crash between
        # them leaves nothing a later start-up or a second try stumbles on.
        await self._ensure_group(project.id)
        created = await self.redis.hsetnx(
            self._g("projects"), project.id, project.model_dump_json()
        )
        return bool(created)

    @_guarded
    async def get_project(self, project_id: str) -> Project | None:
        raw = await self.redis.hget(self._g("projects"), project_id)
        return Project.from_stored(raw) if raw else None

    @_guarded
    async def list_projects(self) -> list[Project]:
        raw = await self.redis.hgetall(self._g("projects"))
        return sorted((Project.from_stored(v) for v in raw.values()), key=lambda p: p.id)

    @_guarded
    async def save_project(self, project: Project) -> None:
        await self.redis.hset(self._g("projects"), project.id, project.model_dump_json())

    # -- config --------------------------------------------------------------------------------
    @_guarded
    async def get_config(
        self, project_id: str, source: str, fields: Sequence[str]
    ) -> dict[str, Any]:
        if not fields:
            return {}
        keys = [self.config_key(project_id, source, f) for f in fields]
        values = await self.redis.mget(keys)
        return {f: json.loads(v) for f, v in zip(fields, values, strict=True) if v is not None}

    @_guarded
    async def set_config(self, project_id: str, source: str, values: Mapping[str, Any]) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            for field, value in values.items():
                key = self.config_key(project_id, source, field)
                if value is None:
                    pipe.delete(key)
                else:
                    pipe.set(key, json.dumps(value))
            await pipe.execute()
