"""What ``soulcaster serve`` holds a client to before the app sees its request.

uvicorn's httptools protocol buffers a request's head without a bound and waits for a slow
client for ever (its only timer is keep-alive, between requests). This protocol adds both:
a request head over ``MAX_HEAD_BYTES`` is answered 431, and a request not fully received
``READ_TIMEOUT_SECONDS`` after its first byte is answered 408 (or, mid-body, cut off), so a
client trickling bytes holds a connection for that long at most.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from .http_writes import HeadWithBody

#: Request line and headers together (nginx allows 32 KiB by default).
MAX_HEAD_BYTES = 64 * 1024
#: From a request's first byte to its last.
READ_TIMEOUT_SECONDS = 30.0
#: For the h11 fallback (no httptools): uvicorn's own bound on a request head.
H11_MAX_INCOMPLETE_EVENT_SIZE = MAX_HEAD_BYTES
#: Idle time between requests on a kept-alive connection.
KEEP_ALIVE_SECONDS = 5


class _HeadTooLarge(Exception):
    pass


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    # Every request passes here, so the common one, whole in one read, costs no more than a
    # flag or two: no timer (one is set only when a request spans reads) and no callback of
    # the parser's per header (the head is measured once, and only when the read was large).
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reading = False
        self._in_head = False
        self._head_bytes = 0  # bytes received since the request began (its head, mostly)
        self._head_too_large = False
        self._read_timer: asyncio.TimerHandle | None = None
        self._writes: HeadWithBody | None = None

    def send_400_response(self, msg: str) -> None:
        if self._head_too_large:
            self._refuse(431, f"request headers over {MAX_HEAD_BYTES // 1024} KiB")
        else:
            super().send_400_response(msg)

    def data_received(self, data: bytes) -> None:
        began = not self._reading
        if began:
            self._reading = self._in_head = True
            self._head_bytes = 0
        if self._in_head:
            self._head_bytes += len(data)
        super().data_received(data)
        # Checked after parsing: a chunk that ends the head may carry the body's first bytes.
        if self._in_head and self._head_bytes > MAX_HEAD_BYTES and self.parser is not None:
            self._refuse(431, f"request headers over {MAX_HEAD_BYTES // 1024} KiB")
        elif began and self._reading and self._read_timer is None:
            # Not received whole in the read that began it: from its first byte, now.
            self._read_timer = self.loop.call_later(READ_TIMEOUT_SECONDS, self._read_timed_out)

    def on_headers_complete(self) -> None:
        # A head that arrives in one read is parsed before data_received can count it; the
        # parser has it whole here, as uvicorn keeps it. A refusal makes the parser fail, which
        # uvicorn answers with send_400_response (made a 431 above).
        if self._head_bytes > MAX_HEAD_BYTES and self._head_size() > MAX_HEAD_BYTES:
            self._head_too_large = True
            raise _HeadTooLarge
        self._in_head = False
        super().on_headers_complete()
        if self.cycle is not None and self.cycle.transport is self.transport:
            # Its answer's head and body in one write (http_writes); its task has not run yet.
            if self._writes is None:
                self._writes = HeadWithBody(self.transport, self.loop)
            self.cycle.transport = self._writes  # type: ignore[assignment]

    def _head_size(self) -> int:
        return len(self.url) + sum(len(name) + len(value) + 4 for name, value in self.headers)

    def on_message_complete(self) -> None:
        self._done_reading()
        super().on_message_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._done_reading()
        super().connection_lost(exc)

    def _done_reading(self) -> None:
        self._reading = self._in_head = False
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _read_timed_out(self) -> None:
        self._read_timer = None
        if not self._reading or self.transport.is_closing():
            return
        if self._in_head:
            self._refuse(408, f"request not received within {READ_TIMEOUT_SECONDS:g} s")
        else:  # the app is reading the body: it sees a disconnect
            self.transport.close()

    def _refuse(self, status: int, message: str) -> None:
        self._done_reading()
        self.logger.warning("%s: %s", status, message)
        body = message.encode("ascii")
        self.transport.write(
            b"".join(
                [
                    STATUS_LINE[status],
                    b"content-type: text/plain; charset=utf-8\r\n",
                    b"content-length: " + str(len(body)).encode("ascii") + b"\r\n",
                    b"connection: close\r\n\r\n",
                    body,
                ]
            )
        )
        self.transport.close()


def http_protocol() -> type[asyncio.Protocol] | str:
    """The protocol ``serve`` runs: ours over httptools when installed, else uvicorn's h11."""
    try:
        import httptools  # noqa: F401
    except ImportError:
        return "h11"
    return LimitedHttpToolsProtocol
