from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core.testing import SoulcasterClient, json_fixtures, running_app

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def payload() -> Callable[[str], dict[str, Any]]:
    """A fresh copy of ``fixtures/<name>.json`` each call (from the senders' documented
    examples), so tests can edit it freely."""
    return json_fixtures(FIXTURES)


@pytest.fixture(params=["sqlite", "redis"])
def either_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SoulcasterClient]:
    """The real app on each store: a group's alerts are one batch on both."""
    with running_app(store=request.param, data_dir=tmp_path) as client:
        yield client
