"""A Redis Cluster that does not answer: every store method says ``StoreUnavailable`` (503),
as on a single Redis (``tests/store/test_unavailable.py``, whose calls these are)."""

from __future__ import annotations

import pytest

from soulcaster_core.errors import StoreUnavailable
from soulcaster_core.store.redis import RedisStore
from tests.store.test_unavailable import CALLS
from tests.support.redis_server import free_port


@pytest.mark.anyio
@pytest.mark.parametrize("method", list(CALLS))
async def test_every_method_says_unavailable_when_no_node_listens(method: str) -> None:
    store = RedisStore(f"redis+cluster://127.0.0.1:{free_port()}", prefix="down:")
    try:
        with pytest.raises(StoreUnavailable):
            await CALLS[method](store)
    finally:
        await store.close()
