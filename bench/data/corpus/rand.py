"""Deterministic randomness: every draw derives from a string seed, never from the clock.

Each bug gets its own ``Rand`` seeded with its id, so adding or editing one bug leaves every
other bug's webhooks byte-for-byte the same.
"""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

SEED = "soulcaster-webhook-corpus-v1"


def stable_int(*parts: object) -> int:
    """A number fixed by its parts (same value on every run and every Python)."""
    digest = hashlib.sha256("\x1f".join(map(str, (SEED, *parts))).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def stable_hex(n: int, *parts: object) -> str:
    out = hashlib.sha256("\x1f".join(map(str, (SEED, "hex", *parts))).encode()).hexdigest()
    while len(out) < n:
        out += hashlib.sha256(out.encode()).hexdigest()
    return out[:n]


class Rand:
    def __init__(self, *seed: object) -> None:
        self._r = random.Random("\x1f".join(map(str, (SEED, *seed))))

    def randint(self, low: int, high: int) -> int:
        return self._r.randint(low, high)

    def uniform(self, low: float, high: float) -> float:
        return self._r.uniform(low, high)

    def choice(self, options: Sequence[T]) -> T:
        return options[self._r.randrange(len(options))]

    def hex(self, n: int) -> str:
        return "".join(self._r.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n: int, alphabet: str = string.ascii_lowercase + string.digits) -> str:
        return "".join(self._r.choice(alphabet) for _ in range(n))

    def uuid(self) -> str:
        """A version-4 UUID in canonical form."""
        h = self.hex(32)
        variant = "89ab"[int(h[16], 16) % 4]
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:32]}"

    def uuid7(self, epoch_ms: int) -> str:
        """A version-7 UUID (PostHog's event and session ids) for a time in milliseconds."""
        h = f"{epoch_ms:012x}" + self.hex(20)
        variant = "89ab"[int(h[16], 16) % 4]
        return f"{h[:8]}-{h[8:12]}-7{h[13:16]}-{variant}{h[17:20]}-{h[20:32]}"
