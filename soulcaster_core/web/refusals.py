"""Requests refused while the store is down, logged as one line per interval with a count.

A Redis outage under load refuses thousands of webhooks a second (issue 18: 9,925 lines in
6 s, one per webhook); the log should say that it happens and how much, not bury the rest.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

#: Seconds between two lines about the same outage.
INTERVAL_SECONDS = 10.0


class RefusalLog:
    """Says at once that the store is unavailable, then, at most once per ``interval``, how
    many requests were refused since the last line (webhooks apart from the rest)."""

    def __init__(
        self,
        logger: logging.Logger,
        interval: float = INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.logger = logger
        self.interval = interval
        self.clock = clock
        self._since: float | None = None  # when the last line was written
        self._last = 0.0  # when the last request was refused
        self._webhooks = 0
        self._others = 0

    def refused(self, path: str, reason: object) -> None:
        now = self.clock()
        if self._since is None or now - self._last >= self.interval:
            # A new outage (none for a whole interval before): said at once.
            earlier = self._webhooks + self._others
            self.logger.warning(
                "storage unavailable (%s): answering 503, counted every %.0f s%s",
                reason,
                self.interval,
                f" ({earlier} more were refused at the end of the last outage)" if earlier else "",
            )
            self._start(now)
            return
        self._last = now
        if path.startswith("/ingest/"):
            self._webhooks += 1
        else:
            self._others += 1
        if now - self._since >= self.interval:
            others = f" and {self._others} other requests" if self._others else ""
            self.logger.warning(
                "%d webhooks%s refused in the last %.0f s: storage unavailable (%s)",
                self._webhooks,
                others,
                now - self._since,
                reason,
            )
            self._start(now)

    def _start(self, now: float) -> None:
        self._since = self._last = now
        self._webhooks = self._others = 0
