"""What a running server (or worker) holds: settings, store, plugins, an HTTP client, the token."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx

from .models import Project
from .plugins import PluginHost, load_plugins
from .settings import Settings
from .store import Store, open_store

DEFAULT_PROJECT = "default"


@dataclass
class Services:
    settings: Settings
    store: Store
    plugins: PluginHost
    http: httpx.AsyncClient
    api_token: str


def plugins_for(settings: Settings, extra: Iterable[object] = ()) -> PluginHost:
    return load_plugins(allow=settings.allowed_plugins, strict=settings.strict_plugins, extra=extra)


def api_token(settings: Settings) -> str:
    """The configured token, or the one generated into the data dir on first start."""
    if settings.api_token is not None:
        return settings.api_token.get_secret_value()
    path = settings.data_dir / "api_token"
    if path.exists():
        return path.read_text().strip()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    path.touch(mode=0o600)
    path.write_text(token + "\n")
    return token


@asynccontextmanager
async def open_services(
    settings: Settings, plugins: PluginHost | None = None
) -> AsyncIterator[Services]:
    store = open_store(settings)
    await store.open()
    if store.kind == "sqlite" and not await store.list_projects():
        # The embedded default should work with a first curl, so it starts with a project.
        await store.create_project(Project(id=DEFAULT_PROJECT, name="Default"))
    async with httpx.AsyncClient(timeout=httpx.Timeout(30.0)) as http:
        try:
            yield Services(
                settings=settings,
                store=store,
                plugins=plugins or plugins_for(settings),
                http=http,
                api_token=api_token(settings),
            )
        finally:
            await store.close()
