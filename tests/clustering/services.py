"""``services_for``: what a worker runs with in these tests.

Apart from ``conftest.py`` so that the worker scripts run as child processes
(``crashing_worker.py``, ``stalled_worker.py``) import only this: the conftest's fakes and the
Gemini SDK would add most of a second to each child's start, which the tests spend waiting.
"""

from __future__ import annotations

from typing import Any

import httpx

from soulcaster_core.clustering.embedders.local import LocalEmbedder
from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.configs import ConfigCache
from soulcaster_core.plugins import load_plugins
from soulcaster_core.services import Services
from soulcaster_core.settings import Settings
from soulcaster_core.store.port import Store
from soulcaster_core.wiring import ingest_options, job_options


def services_for(store: Store, http: httpx.AsyncClient, **settings: Any) -> Services:
    """What a worker runs with: these settings, this store, no plugins."""
    chosen = Settings(api_token="test", load_plugins="", **settings)
    return Services(
        ingest=ingest_options(chosen),
        jobs=job_options(chosen),
        store=store,
        plugins=load_plugins(allow=set(), entrypoints=()),
        embedder=LocalEmbedder(chosen.embedding_dimensions),
        index=LocalIndex(store),
        http=http,
        api_token="test",
        configs=ConfigCache(store),
    )
