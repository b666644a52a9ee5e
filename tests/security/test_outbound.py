"""Attack 3: a config points a plugin's requests at the server's own network, or at a slow host.

PostHog's ``host`` decides where sync sends the API key. Every fetch a plugin makes goes through
one policy: https to public addresses only, checked after DNS, and each sync under a deadline.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from pydantic import SecretStr

from soulcaster_core import (
    FeedbackItem,
    SourceConfig,
    SyncContext,
    SyncReport,
    WebhookHandler,
    hookimpl,
)
from soulcaster_core.outbound import OutboundURL
from soulcaster_core.sync import sync_due_sources
from soulcaster_core.testing import SoulcasterClient, running_app

REFUSED_HOSTS = [
    "https://127.0.0.1",
    "https://localhost",
    "https://0.0.0.0",
    "https://2130706433",  # 127.0.0.1 in decimal
    "https://0177.0.0.1",  # in octal
    "https://0x7f.0.0.1",  # in hex
    "https://[::1]",
    "https://[::ffff:127.0.0.1]",
    "https://169.254.169.254",  # cloud metadata
    "https://10.1.2.3",
    "https://192.168.1.1",
    "https://100.64.0.1",  # carrier-grade NAT
    "https://[fe80::1]",
    "https://[fd00:ec2::254]",
]


@pytest.mark.parametrize("host", REFUSED_HOSTS)
def test_a_private_posthog_host_is_refused_by_put_config(
    soulcaster_client: SoulcasterClient, host: str
) -> None:
    response = _put(soulcaster_client, "posthog", host=host)

    assert response.status_code == 422
    error = response.json()["error"]
    assert "host" in error and "SOULCASTER_ALLOW_PRIVATE_HOSTS" in error


def test_plain_http_is_refused(soulcaster_client: SoulcasterClient) -> None:
    response = _put(soulcaster_client, "posthog", host="http://posthog.example.com")

    assert response.status_code == 422
    assert "only https" in response.json()["error"]


def test_a_name_that_resolves_to_a_private_address_is_refused(
    soulcaster_client: SoulcasterClient, dns: dict[str, list[str]]
) -> None:
    # One public address is not enough: every address of the name is checked.
    dns["posthog.attacker.example"] = ["93.184.215.14", "127.0.0.1"]

    response = _put(soulcaster_client, "posthog", host="https://posthog.attacker.example")

    assert response.status_code == 422
    assert "127.0.0.1" in response.json()["error"]


def test_a_public_host_is_kept(
    soulcaster_client: SoulcasterClient, dns: dict[str, list[str]]
) -> None:
    dns["posthog.example.com"] = ["93.184.215.14"]

    response = _put(soulcaster_client, "posthog", host="https://posthog.example.com")

    assert response.status_code == 200, response.text
    assert response.json()["host"] == "https://posthog.example.com"


# A source whose sync fetches the URL its config names.


class FetcherConfig(SourceConfig):
    api_key: SecretStr | None = None
    url: OutboundURL = "https://api.example.com"


class Fetcher(WebhookHandler[dict[str, Any], FetcherConfig]):
    source = "fetcher"
    Config = FetcherConfig

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        return FeedbackItem(
            project_id=project_id, source=self.source, external_id=event["t"], title=event["t"]
        )

    @classmethod
    def sync_configured(cls, config: FetcherConfig) -> bool:
        return config.api_key is not None

    async def sync(self, context: SyncContext[FetcherConfig]) -> SyncReport:
        response = await context.http.get(context.config.url)
        report = SyncReport()
        for event in response.json():
            report.fetched += 1
            if await context.ingest(event) is not None:
                report.created += 1
        return report


class FetcherPlugin:
    @hookimpl
    def register_sources(self, register: Any) -> None:
        register(Fetcher)


class _Answer(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.hits += 1  # type: ignore[attr-defined]
        body = b'[{"t": "checkout fails"}]'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def answering_server() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    server.hits = 0  # type: ignore[attr-defined]
    # A short poll: shutdown() waits for the next one (0.5 s by default), at every teardown.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_server() -> Iterator[socket.socket]:
    """Accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener
    listener.close()


def _put(client: SoulcasterClient, source: str, **values: Any) -> httpx.Response:
    return client.api.put(
        f"/config/{source}", params={"project_id": client.project_id}, json=values
    )


def _url(server_port: int) -> str:
    return f"http://127.0.0.1:{server_port}/events"


def test_a_name_that_turns_private_after_the_check_is_not_connected_to(
    tmp_path: Path, dns: dict[str, list[str]], answering_server: ThreadingHTTPServer
) -> None:
    port = answering_server.server_address[1]
    dns["rebind.example.com"] = ["93.184.215.14"]
    with running_app(data_dir=tmp_path, plugins=[FetcherPlugin()]) as client:
        configured = _put(
            client, "fetcher", api_key="k", url=f"https://rebind.example.com:{port}/events"
        )
        assert configured.status_code == 200, configured.text
        dns["rebind.example.com"] = ["127.0.0.1"]  # the attacker's DNS changes its answer

        [(_, _, report)] = _sync_all(client)

    assert report.error is not None and "127.0.0.1" in report.error
    assert answering_server.hits == 0  # type: ignore[attr-defined]


def test_a_silent_host_stops_its_own_sync_only(
    tmp_path: Path, answering_server: ThreadingHTTPServer, silent_server: socket.socket
) -> None:
    settings = {"allow_private_hosts": True, "sync_timeout_seconds": 0.5}
    with running_app(data_dir=tmp_path, plugins=[FetcherPlugin()], **settings) as client:
        slow = _put(client, "fetcher", api_key="k", url=_url(silent_server.getsockname()[1]))
        assert slow.status_code == 200, slow.text
        other = client.api.post("/api/projects", json={"name": "Other"}).json()["id"]
        fine = client.api.put(
            "/config/fetcher",
            params={"project_id": other},
            json={"api_key": "k", "url": _url(answering_server.server_address[1])},
        )
        assert fine.status_code == 200, fine.text

        reports = {project: report for project, _, report in _sync_all(client)}

    assert reports[other].error is None and reports[other].created == 1
    assert reports[client.project_id].error is not None
    assert "SOULCASTER_SYNC_TIMEOUT_SECONDS" in reports[client.project_id].error


def _sync_all(client: SoulcasterClient) -> list[tuple[str, str, SyncReport]]:
    services = client.app.state.soulcaster
    result: list[tuple[str, str, SyncReport]] = client.http.portal.call(sync_due_sources, services)
    return result


def test_what_a_host_answers_is_not_echoed_in_sync_errors(
    soulcaster_client: SoulcasterClient, dns: dict[str, list[str]]
) -> None:
    # Whoever runs the host a config names could otherwise read pages of it back through
    # the sync report (300 characters of it, before).
    dns["posthog.example.com"] = ["93.184.215.14"]
    configured = _put(
        soulcaster_client,
        "posthog",
        host="https://posthog.example.com",
        api_key="phx_key",
        project_id="9137",
    )
    assert configured.status_code == 200, configured.text
    with respx.mock() as host:
        host.post("https://posthog.example.com/api/projects/9137/query/").respond(
            403, json={"detail": "INTERNAL-PAGE-CONTENT " * 20}
        )
        answer = soulcaster_client.api.post(
            "/ingest/posthog/sync", params={"project_id": soulcaster_client.project_id}
        )

    assert "403" in answer.text
    assert "INTERNAL-PAGE-CONTENT" not in answer.text
