"""Fixtures of the attack tests: DNS answers of their own, so no test asks the real DNS."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from soulcaster_core import outbound


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[str]]]:
    """Names the outbound policy resolves, as ``{name: [address, ...]}``; others do not exist."""
    answers: dict[str, list[str]] = {}

    async def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise OSError(f"{host}: name not known")
        return list(answers[host])

    monkeypatch.setattr(outbound, "resolve_host", resolve)
    yield answers
