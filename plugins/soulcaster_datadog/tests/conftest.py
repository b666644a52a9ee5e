from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core.testing import json_fixtures

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def payload() -> Callable[[str], dict[str, Any]]:
    """A fresh copy of ``fixtures/<name>.json`` each call, so tests can edit it freely."""
    return json_fixtures(FIXTURES)
