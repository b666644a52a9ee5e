"""The one policy for every request a plugin sends out (``SyncContext.http``).

A project's config names the hosts a sync talks to (PostHog's ``host``), and whoever holds the
API token writes that config: without a policy they could point the server, and the API key it
sends, at its own loopback, the cloud metadata service or the private network. So:

- https only, unless ``SOULCASTER_ALLOW_PRIVATE_HOSTS=true`` (a self-hosted service on the LAN);
- every address a name resolves to is checked (loopback, private, link-local, CGNAT, metadata,
  multicast, reserved, IPv4-mapped IPv6 of these), and the connection goes to the address that
  was checked, so a name cannot resolve to a public address for the check and a private one for
  the connection (DNS rebinding);
- short timeouts, whatever a plugin asks for.

IP literals are read the way ``inet_aton`` reads them (``2130706433``, ``0177.0.0.1``,
``0x7f.1``), since that is how the system resolver would connect to them.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import typing
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

import anyio
import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: ``resolve(host, port)``: the addresses to connect to. Tests swap ``resolve_host`` for one
#: that knows their names, so no test asks the real DNS.
Resolver = Callable[[str, int], Awaitable[list[str]]]

#: Longest any outbound request may wait for each step, whatever the caller asks for.
MAX_TIMEOUT = httpx.Timeout(30.0, connect=5.0, pool=5.0)

_REFUSED_V4 = [
    ipaddress.IPv4Network(net)
    for net in (
        "0.0.0.0/8",  # "this network": 0.0.0.0 reaches the local host
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, where cloud metadata services answer
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
    )
]
_REFUSED_V6 = [
    ipaddress.IPv6Network(net)
    for net in (
        "::/128",
        "::1/128",
        "64:ff9b::/96",  # NAT64: carries an IPv4 address, checked below
        "100::/64",
        "2001:db8::/32",
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",
        "ff00::/8",
        "fd00:ec2::254/128",  # AWS metadata over IPv6 (inside fc00::/7, named for the docs)
    )
]


class _OutboundMarker:
    """Marks a config field as a URL a sync connects to: ``PUT /config`` checks it."""


_OUTBOUND = _OutboundMarker()
#: The type of a config field naming a host a plugin will send requests to.
OutboundURL = Annotated[str, _OUTBOUND]


def is_outbound_url(metadata: Iterable[Any]) -> bool:
    return any(item is _OUTBOUND for item in metadata)


class HostRefused(httpx.ConnectError):
    """The outbound policy refuses this URL; the message names the rule."""


def refusal(address: IPAddress) -> str | None:
    """Why ``address`` may not be reached, or ``None`` when it may."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in ipaddress.IPv6Network("64:ff9b::/96"):
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is None and address in ipaddress.IPv6Network("::/96") and int(address) > 1:
            embedded = ipaddress.IPv4Address(int(address))  # deprecated IPv4-compatible form
        if embedded is not None:
            return refusal(embedded)
        nets: Iterable[ipaddress.IPv4Network | ipaddress.IPv6Network] = _REFUSED_V6
    else:
        nets = _REFUSED_V4
    for net in nets:
        if address in net:
            return f"{address} is in {net}, a loopback, private, link-local or reserved range"
    return None


def parse_ip(host: str) -> IPAddress | None:
    """``host`` as an IP address if it is one in any spelling a resolver accepts, else ``None``."""
    text = host.strip("[]")
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        pass
    try:
        # inet_aton: decimal, octal and hex parts, and fewer than four of them.
        return ipaddress.IPv4Address(socket.inet_aton(text))
    except (OSError, ValueError):
        return None


async def system_resolve(host: str, port: int) -> list[str]:
    infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


#: The resolver every check and connection uses (see ``Resolver``).
resolve_host: Resolver = system_resolve


@dataclass(frozen=True)
class OutboundPolicy:
    #: ``SOULCASTER_ALLOW_PRIVATE_HOSTS``: plain http and private addresses allowed.
    allow_private: bool = False

    def check_url(self, url: str) -> str:
        """What can be told without DNS; returns the host. Raises ``HostRefused``."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.scheme != "https" and not (self.allow_private and parts.scheme == "http"):
            raise HostRefused(
                f"{url}: only https URLs are allowed "
                "(http and private hosts need SOULCASTER_ALLOW_PRIVATE_HOSTS=true)"
            )
        if not host:
            raise HostRefused(f"{url}: no host")
        if not self.allow_private:
            self.check_name(host)
        return host

    def check_name(self, host: str) -> None:
        if self.allow_private:
            return
        name = host.lower().rstrip(".")
        if name == "localhost" or name.endswith(".localhost"):
            raise HostRefused(f"{host} is the local host; {_HINT}")
        address = parse_ip(name)
        if address is not None:
            self.check_address(host, address)

    def check_address(self, host: str, address: IPAddress) -> None:
        if self.allow_private:
            return
        why = refusal(address)
        if why is not None:
            raise HostRefused(f"{host}: {why}; {_HINT}")

    async def resolve(self, host: str, port: int) -> list[str]:
        """Every address of ``host``, each checked; refused if any one of them is refused."""
        self.check_name(host)
        literal = parse_ip(host)
        if literal is not None:
            return [str(literal)]
        addresses = await resolve_host(host, port)
        for text in addresses:
            self.check_address(host, ipaddress.ip_address(text.split("%", 1)[0]))
        return addresses

    async def check(self, url: str) -> None:
        """``check_url`` plus DNS: for a config naming a host. A name that does not resolve
        now passes (it is checked again on every connection)."""
        host = self.check_url(url)
        try:
            port = urlsplit(url).port or 443
        except ValueError:
            raise HostRefused(f"{url}: not a valid port") from None
        try:
            await self.resolve(host, port)
        except UnicodeError:
            raise HostRefused(f"{host!r} is not a valid host name") from None
        except OSError:
            return

    def client(self, **kwargs: Any) -> httpx.AsyncClient:
        """An HTTP client whose every request and connection follows this policy."""
        return httpx.AsyncClient(
            transport=_GuardedTransport(self), timeout=MAX_TIMEOUT, trust_env=False, **kwargs
        )


_HINT = "set SOULCASTER_ALLOW_PRIVATE_HOSTS=true to reach private hosts"


@functools.cache
def tls_context(*, trust_env: bool = False) -> ssl.SSLContext:
    """The CA bundle as a TLS context, loaded once per process and shared by its clients:
    loading it costs ~40 ms of CPU, which every client (one per sync) would pay again.
    ``trust_env`` reads ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` as httpx's default does."""
    return httpx.create_ssl_context(trust_env=trust_env)


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to addresses the policy checked, resolved here rather than by the socket."""

    def __init__(self, policy: OutboundPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            with anyio.fail_after(timeout):
                addresses = await self.policy.resolve(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
        except OSError as exc:
            raise httpcore.ConnectError(f"could not resolve {host}: {exc}") from None
        error: Exception = httpcore.ConnectError(f"{host} has no address")
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                error = exc
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise HostRefused("unix sockets are not reachable from plugins")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class _GuardedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, policy: OutboundPolicy) -> None:
        super().__init__(verify=tls_context(), trust_env=False)
        self.policy = policy
        # The default pool resolves names inside the socket call, past any check: swap in
        # one whose network backend resolves, checks and connects to the checked address.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=tls_context(),
            network_backend=_GuardedBackend(policy),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.policy.check_url(str(request.url))
        request.extensions["timeout"] = _capped(request.extensions.get("timeout", {}))
        return await super().handle_async_request(request)


def _capped(asked: dict[str, float | None]) -> dict[str, float]:
    limits = MAX_TIMEOUT.as_dict()
    capped: dict[str, float] = {}
    for step, limit in limits.items():
        value = asked.get(step)
        assert limit is not None
        capped[step] = limit if value is None else min(value, limit)
    return capped
