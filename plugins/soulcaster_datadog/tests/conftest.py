from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def payload() -> Callable[[str], dict[str, Any]]:
    """A fresh copy of ``fixtures/<name>.json`` each call, so tests can edit it freely."""

    def load(name: str) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
        return loaded

    return load
