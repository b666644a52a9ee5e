"""The errors the parsers log: how a test sees that a parser's bug was caught and swallowed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def errors_logged() -> Iterator[list[logging.LogRecord]]:
    """The error records ``soulcaster_core.parsing`` logs inside the ``with`` block."""
    logger = logging.getLogger("soulcaster_core.parsing")
    collector = _Collector()
    logger.addHandler(collector)
    try:
        yield collector.records
    finally:
        logger.removeHandler(collector)
