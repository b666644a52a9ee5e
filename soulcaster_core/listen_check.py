"""Whether ``serve`` can listen where it was asked, checked before it prints its banner.

A taken port otherwise shows up as a full "Soulcaster ingest on ..." banner followed by a bind
error further down; this says what is wrong and what to type instead.
"""

from __future__ import annotations

import errno
import socket


def why_cannot_listen(host: str, port: int) -> str | None:
    """What stops a server listening on ``host:port``, and what to do; ``None`` if nothing."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as exc:
        return (
            f"cannot listen on {host!r}: {exc}. Give an address of this machine: "
            "HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface)"
        )
    family, kind, proto, _, address = found[0]
    with socket.socket(family, kind, proto) as sock:
        # As uvicorn binds: a port left in TIME_WAIT by a server just stopped is free to take.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            return _advice(host, port, exc)
    return None


def _advice(host: str, port: int, exc: OSError) -> str:
    other = port + 1 if port < 65535 else 8080
    pick = f"`make run PORT={other}` or `soulcaster serve --port {other}`"
    if exc.errno == errno.EADDRINUSE:
        return (
            f"port {port} on {host} is taken: another program (or another soulcaster serve) "
            f"listens there. Stop it, or pick another port: {pick}"
        )
    if exc.errno == errno.EACCES:
        return f"port {port} needs privileges this user lacks (ports below 1024): {pick}"
    if exc.errno == errno.EADDRNOTAVAIL:
        return (
            f"{host} is not an address of this machine: HOST=127.0.0.1 (this machine only) "
            "or HOST=0.0.0.0 (every interface)"
        )
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
