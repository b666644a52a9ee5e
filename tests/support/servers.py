"""An ASGI app served by uvicorn in a thread, on a free port of 127.0.0.1, for tests that
need a real socket (HTTP parsing limits, the writes a client sees, a browser)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


@contextmanager
def threaded_server(app: Any, **config: Any) -> Iterator[int]:
    """Serve ``app`` until the block ends; yields its port. ``config`` goes to uvicorn."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # the port is ours before uvicorn starts: no race for it
    server = uvicorn.Server(uvicorn.Config(app, **{"log_level": "critical", **config}))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the server did not start; see the log above")
            threading.Event().wait(0.01)
        yield sock.getsockname()[1]
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
