"""The ``soulcaster`` command as a user runs it: a real server process on a real port."""

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
    while True:
        try:
            if httpx.get(f"{url}/health").status_code == 200:
                break
        except httpx.TransportError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise
            time.sleep(0.1)
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
    refused = httpx.post(f"{url}/ingest/manual?project_id=default", json={"title": "Hello"})
    assert refused.status_code == 401
    assert "webhook_secret" in refused.json()["error"]
    sent = httpx.post(
        f"{url}/ingest/manual?project_id=default",
        json={"title": "Hello", "body": "world"},
        headers={"authorization": f"Bearer {token}"},
    )
    assert sent.status_code == 201
    listed = httpx.get(
        f"{url}/api/feedback",
        params={"project_id": "default"},
        headers={"authorization": f"Bearer {token}"},
    )
    assert [i["title"] for i in listed.json()["items"]] == ["Hello"]
    assert (tmp_path / "api_token").read_text().strip() == token
    assert oct((tmp_path / "api_token").stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(("flags", "logged"), [((), False), (("--access-log",), True)])
def test_requests_are_logged_only_when_asked(
    tmp_path: Path, flags: tuple[str, ...], logged: bool
) -> None:
    with running_serve(tmp_path, "--log-level", "info", *flags) as (url, token, proc):
        bearer = {"authorization": f"Bearer {token}"}
        sent = httpx.post(
            f"{url}/ingest/manual?project_id=default", json={"title": "Hi"}, headers=bearer
        )
        assert sent.status_code == 201
        proc.terminate()
        output, _ = proc.communicate(timeout=10)
    assert "Application startup complete" in output
    assert ('"POST /ingest/manual?project_id=default HTTP/1.1" 201' in output) is logged


def test_more_workers_need_redis(tmp_path: Path) -> None:
    done = subprocess.run(
        [*CLI, "serve", "--workers", "2"], env=_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "SOULCASTER_REDIS_URL" in done.stderr


def test_projects_create_and_list(tmp_path: Path) -> None:
    created = subprocess.run(
        [*CLI, "projects", "create", "Acme Web"], env=_env(tmp_path), capture_output=True, text=True
    )
    assert created.stdout.strip() == "created: acme-web"
    opened = subprocess.run(
        [*CLI, "projects", "create", "Demo", "--open"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert opened.stdout.startswith("created: demo")
    listed = subprocess.run(
        [*CLI, "projects", "list"], env=_env(tmp_path), capture_output=True, text=True
    )
    assert "acme-web\tAcme Web\n" in listed.stdout
    assert "demo\tDemo\topen" in listed.stdout


def test_projects_on_redis(tmp_path: Path) -> None:
    url = os.environ.get("SOULCASTER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    prefix = f"test-cli-{os.getpid()}-{free_port()}:"
    env = _env(tmp_path, SOULCASTER_REDIS_URL=url, SOULCASTER_REDIS_PREFIX=prefix)
    try:
        subprocess.run(
            [*CLI, "projects", "create", "Shop"], env=env, check=True, capture_output=True
        )
        listed = subprocess.run([*CLI, "projects", "list"], env=env, capture_output=True, text=True)
        assert listed.stdout.strip() == "shop\tShop", "Redis starts with no default project"
    finally:
        import redis

        client = redis.Redis.from_url(url)
        for key in client.scan_iter(match=f"{prefix}*"):
            client.delete(key)
