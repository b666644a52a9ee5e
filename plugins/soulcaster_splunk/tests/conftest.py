"""Payload fixtures: realistic bodies of Splunk's webhook alert action, under ``fixtures/``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def load_alert() -> Callable[[str], Any]:
    """``load_alert("stats_error_rate")``: a fresh copy each call, so tests may edit it."""

    def load(name: str) -> Any:
        return json.loads((FIXTURES / f"{name}.json").read_text())

    return load
