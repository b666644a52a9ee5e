"""A response's head and body in one write: one system call and one TCP segment per answer.

uvicorn writes a response's status line and headers as soon as the app sends them, then its
body: two sends on the socket for every webhook answer, and two wake-ups of the client. This
transport, which ``http_limits.LimitedHttpToolsProtocol`` gives each request's response cycle,
holds the head until the next write (the body, in the same step of the app's task for every
answer this server makes) and sends both together. Should the body not follow in that step
(a streamed response), the head leaves at the event loop's next turn, so nothing waits longer.
"""

from __future__ import annotations

import asyncio
from typing import Any

#: How every head uvicorn writes begins (its STATUS_LINE), but for ``100 Continue``, which the
#: client waits for before sending its body: that one is never held.
_HEAD = b"HTTP/1.1 "
_CONTINUE = b"HTTP/1.1 100 "


class HeadWithBody:
    """The transport as a response cycle sees it, one per connection."""

    __slots__ = ("_head", "_loop", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._head: bytes | None = None

    def write(self, data: bytes) -> None:
        head = self._head
        if head is not None:
            self._head = None
            self._transport.write(head + data)
        elif data.startswith(_HEAD) and not data.startswith(_CONTINUE):
            self._head = data
            self._loop.call_soon(self.flush)
        else:
            self._transport.write(data)

    def flush(self) -> None:
        """Send a head still held (its body did not follow at once)."""
        head = self._head
        if head is not None:
            self._head = None
            self._transport.write(head)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def is_closing(self) -> bool:
        return self._transport.is_closing()

    def __getattr__(self, name: str) -> Any:
        # Whatever else a cycle may ask of its transport (uvicorn asks only the above).
        return getattr(self._transport, name)
