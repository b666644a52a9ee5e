"""The ``soulcaster`` command as a user runs it: a real server process on a real port; the
commands that only read and write the store run in the test's process (``run_cli``)."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from soulcaster_core.outbound import tls_context
from tests.support.cli import RunCli

CLI = [sys.executable, "-m", "soulcaster_core.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOULCASTER_")}
    return {**env, "SOULCASTER_DATA_DIR": str(data_dir), **extra}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str, subprocess.Popen[str]]]:
    with running_serve(tmp_path, "--log-level", "warning") as started:
        yield started


@contextlib.contextmanager
def running_serve(tmp_path: Path, *flags: str) -> Iterator[tuple[str, str, subprocess.Popen[str]]]:
    port = free_port()
    proc = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), *flags],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    banner = "".join(proc.stdout.readline() for _ in range(4))
    token = re.search(r"token: (\S+)", banner)
    assert token, banner
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    # One client for the polls: each httpx.get builds a client (and its TLS context).
    with httpx.Client(verify=tls_context()) as probe:
        while True:
            try:
                if probe.get(f"{url}/health").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
    try:
        yield url, token.group(1), proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_on_the_embedded_default_takes_a_first_webhook(
    server: tuple[str, str, subprocess.Popen[str]], tmp_path: Path
) -> None:
    url, token, _ = server
    # The default project is closed: without credentials, the answer says how to set them.
    refused = httpx.post(
        f"{url}/ingest/manual?project_id=default", json={"title": "Hello"}, verify=tls_context()
    )
    assert refused.status_code == 401
    assert "webhook_secret" in refused.json()["error"]
    sent = httpx.post(
        f"{url}/ingest/manual?project_id=default",
        json={"title": "Hello", "body": "world"},
        headers={"authorization": f"Bearer {token}"},
        verify=tls_context(),
    )
    assert sent.status_code == 201
    listed = httpx.get(
        f"{url}/api/feedback",
        params={"project_id": "default"},
        headers={"authorization": f"Bearer {token}"},
        verify=tls_context(),
    )
    assert [i["title"] for i in listed.json()["items"]] == ["Hello"]
    assert (tmp_path / "api_token").read_text().strip() == token
    assert oct((tmp_path / "api_token").stat().st_mode & 0o777) == "0o600"


def test_requests_are_not_logged_unless_asked(tmp_path: Path) -> None:
    """(With ``--access-log`` they are: tests/security/test_server_limits.py, which also
    checks that the line hides a token.)"""
    with running_serve(tmp_path, "--log-level", "info") as (url, token, proc):
        bearer = {"authorization": f"Bearer {token}"}
        sent = httpx.post(
            f"{url}/ingest/manual?project_id=default",
            json={"title": "Hi"},
            headers=bearer,
            verify=tls_context(),
        )
        assert sent.status_code == 201
        proc.terminate()
        output, _ = proc.communicate(timeout=10)
    assert "Application startup complete" in output
    assert "POST /ingest/manual" not in output


def test_more_workers_need_redis(run_cli: RunCli) -> None:
    done = run_cli(["serve", "--workers", "2"])
    assert done.code == 2
    assert "SOULCASTER_REDIS_URL" in done.err


def test_projects_create_and_list(run_cli: RunCli) -> None:
    created = run_cli(["projects", "create", "Acme Web"])
    assert created.out.strip() == "created: acme-web"
    opened = run_cli(["projects", "create", "Demo", "--open"])
    assert opened.out.startswith("created: demo")
    listed = run_cli(["projects", "list"])
    assert "acme-web\tAcme Web\n" in listed.out
    assert "demo\tDemo\topen" in listed.out


def test_projects_on_redis(run_cli: RunCli) -> None:
    url = os.environ.get("SOULCASTER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    prefix = f"test-cli-{os.getpid()}-{free_port()}:"
    env = {"SOULCASTER_REDIS_URL": url, "SOULCASTER_REDIS_PREFIX": prefix}
    try:
        assert run_cli(["projects", "create", "Shop"], **env).code == 0
        listed = run_cli(["projects", "list"], **env)
        assert listed.out.strip() == "shop\tShop", "Redis starts with no default project"
    finally:
        import redis

        client = redis.Redis.from_url(url)
        for key in client.scan_iter(match=f"{prefix}*"):
            client.delete(key)
