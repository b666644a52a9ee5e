"""``serve`` sends an answer's head and body in one write (http_writes): what a client sees."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import AsyncIterator, Iterator

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

from soulcaster_core import http_limits
from tests.support.servers import threaded_server

#: Set by a test once it has the head of the streamed answer; the rest of the body then comes.
_head_seen = threading.Event()


def _app() -> Starlette:
    async def plain(request: Request) -> PlainTextResponse:
        return PlainTextResponse(f"read {len(await request.body())}")

    async def streamed(request: Request) -> StreamingResponse:
        async def body() -> AsyncIterator[bytes]:
            await asyncio.to_thread(_head_seen.wait, 10)
            yield b"late"

        return StreamingResponse(body(), media_type="text/plain")

    return Starlette(
        routes=[Route("/", plain, methods=["GET", "POST"]), Route("/stream", streamed)]
    )


@pytest.fixture
def server() -> Iterator[int]:
    with threaded_server(_app(), http=http_limits.LimitedHttpToolsProtocol) as port:
        yield port


def _read_until(conn: socket.socket, end: bytes) -> bytes:
    conn.settimeout(10)
    got = b""
    while end not in got:
        chunk = conn.recv(4096)
        if not chunk:
            break
        got += chunk
    return got


def test_an_answer_comes_whole_and_pipelined_answers_in_order(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server)) as conn:
        conn.sendall(
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nd"
        )
        got = _read_until(conn, b"read 1")
    first, second = got.split(b"HTTP/1.1 200 OK")[1:]
    assert first.endswith(b"\r\n\r\nread 3") and second.endswith(b"\r\n\r\nread 1")


def test_a_streamed_answer_sends_its_head_before_its_body_is_ready(server: int) -> None:
    _head_seen.clear()
    with socket.create_connection(("127.0.0.1", server)) as conn:
        conn.sendall(b"GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")
        head = _read_until(conn, b"\r\n\r\n")  # would wait for ever if the head were held
        _head_seen.set()
        rest = _read_until(conn, b"0\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and b"late" in rest


def test_a_client_that_expects_100_continue_gets_it_before_sending_its_body(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server)) as conn:
        conn.sendall(
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"
        )
        assert _read_until(conn, b"\r\n\r\n").startswith(b"HTTP/1.1 100 Continue")
        conn.sendall(b"body")
        assert _read_until(conn, b"read 4").endswith(b"read 4")
