"""Fixtures of the dashboard tests: a logged-in test client, and a real server for the browser.

The browser half is also imported by ``screenshots.py`` (run as a script), so the helpers are
plain functions here and the fixtures are thin wrappers around them.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core.clustering.clusterer import ALGORITHM
from soulcaster_core.models import Cluster, DeadLetter, FeedbackItem, Project, utcnow
from soulcaster_core.settings import Settings
from soulcaster_core.store.port import ClusterMember
from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient, running_app
from soulcaster_core.wiring import build_store, plugins_for
from tests.support.servers import threaded_server

CHROMIUM = Path("/usr/bin/chromium")
#: Where the browser tests save the docs' screenshots (``screenshots.py`` sets it); unset: none.
SCREENSHOTS = "SOULCASTER_SCREENSHOTS"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HTML = {"accept": "text/html"}


# -- the test client, logged in ---------------------------------------------------------------


def log_in(client: SoulcasterClient) -> None:
    """Log in the way ``soulcaster serve``'s link does, choosing the client's project."""
    response = client.http.get(f"/?token={TEST_TOKEN}&project_id={client.project_id}")
    assert response.status_code == 200, response.text


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


@pytest.fixture
def dashboard(tmp_path: Path) -> Iterator[SoulcasterClient]:
    """The real app (SQLite in ``tmp_path``, every installed plugin), logged in."""
    with running_app(data_dir=tmp_path) as client:
        log_in(client)
        yield client


# -- a real server and browser ----------------------------------------------------------------


def live_settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, api_token=TEST_TOKEN, run_worker=False)


@contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    """The app under uvicorn on a free port of 127.0.0.1, in a thread; yields its base URL."""
    from soulcaster_core.wiring import create_app

    with threaded_server(create_app(settings), log_level="warning", lifespan="on") as port:
        yield f"http://127.0.0.1:{port}"


def run_async(main: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run a coroutine to the end in a thread of its own.

    Playwright's sync API keeps an event loop running in the test thread, so ``asyncio.run``
    cannot be called there once a browser is up.
    """
    failures: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(main())
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def seed(settings: Settings, projects: dict[str, str], demo: str | None = None) -> None:
    """Create ``projects`` ({id: name}) and, in project ``demo``, a realistic history."""

    async def run() -> None:
        store = build_store(settings)
        await store.open()
        try:
            for project_id, name in projects.items():
                await store.create_project(Project(id=project_id, name=name))
            if demo:
                await _seed_demo(settings, store, demo)
        finally:
            await store.close()

    run_async(run)


async def _seed_demo(settings: Settings, store: Any, project_id: str) -> None:
    """Every installed plugin's sample, as stored by the pipeline's tail, plus some trouble."""
    handlers = plugins_for(settings).handlers
    now = utcnow()
    stored: dict[str, FeedbackItem] = {}
    for offset, (source, handler) in enumerate(sorted(handlers.items())):
        if handler.sample is None:
            continue
        config = handler.Config()
        request = handler.sample_request(config)
        handler.authenticate(request, config)
        # A group of alerts (Alertmanager) seeds its first alert.
        item = next(iter(handler.to_feedback_items(handler.parse(request.body), project_id)))
        # The samples carry their vendors' dates; a demo reads better with recent ones.
        at = now - timedelta(minutes=7 * offset + 3)
        times = {"received_at": at, "created_at": at, "first_seen": at, "last_seen": at}
        item = item.model_copy(update={"project_id": project_id, **times})
        result = await store.ingest(item)
        stored[source] = item.model_copy(update={"id": result.id})
    for _ in range(2):  # the same error again: two duplicates
        if "sentry" in stored:
            await store.ingest(stored["sentry"].model_copy(update={"id": "again"}))
    if "sentry" in stored:
        await store.set_config(project_id, "sentry", {"webhook_secret": "demo-secret"})
    if "splunk" in handlers:
        await store.set_config(project_id, "splunk", {"webhook_token": "demo-token"})
    if "datadog" in handlers:
        for _ in range(3):
            await store.record_event(project_id, "datadog", "unauthorized", now, "wrong token")
    if "posthog" in handlers:
        await store.record_event(project_id, "posthog", "sync", now - timedelta(minutes=4))
    if "splunk" in handlers:
        letter = DeadLetter(
            project_id=project_id,
            source="splunk",
            error="body is not JSON: Expecting value at line 1 column 1",
            body=b"search_name=Payments+API&result=...",
            content_type="application/x-www-form-urlencoded",
            headers={
                "content-type": "application/x-www-form-urlencoded",
                "user-agent": "Splunk/9.1.2",
            },
        )
        await store.add_dead_letter(letter)
        await store.record_event(project_id, "splunk", "bad_payload", now, letter.error)
    members = [item for source, item in stored.items() if source != "splunk"]
    if members:
        cluster = Cluster(
            project_id=project_id,
            title="Checkout fails when the order is submitted",
            summary="The same checkout failure, seen by the browser, the backend and the monitor.",
        )
        await store.add_to_clusters(project_id, [(cluster, [ClusterMember.of(i) for i in members])])
        for item in members:
            # A person put the demo's items of several tools together: the item page says so.
            placed = {"algorithm": ALGORITHM, "method": "manual", "similarity": None}
            await store.set_item_cluster(project_id, item.id, cluster.id, placed)
    # Problems of one source each, with reports spread over the last days (their sparklines):
    # one fixed and back again, one fixed, one ignored, one that grows today.
    placed = {"algorithm": ALGORITHM, "method": "manual", "similarity": None}
    for title, service, hours_ago, status in [
        ("Payment gateway timed out after 30 s", "payments", [30, 20, 9, 4, 2, 1], "regressed"),
        ("Disk almost full on db-1 (91 %)", "db", [50, 49, 48, 26], "resolved"),
        ("Deprecated API version used by the mobile app", "mobile-api", [80, 60, 30], "ignored"),
        ("Search results time out for long queries", "search", [12, 6, 5, 3, 2, 1, 0], None),
    ]:
        single = Cluster(project_id=project_id, title=title)
        grown: list[ClusterMember] = []
        for n, ago in enumerate(hours_ago):
            at = now - timedelta(hours=ago, minutes=7)
            item = FeedbackItem(
                project_id=project_id,
                source="manual",
                external_id=f"{title} #{n}",
                title=title,
                service=service,
                received_at=at,
                created_at=at,
            )
            result = await store.ingest(item)
            grown.append(ClusterMember.of(item.model_copy(update={"id": result.id})))
        rows = [(m.item_id, single.id, placed) for m in grown]
        await store.add_to_clusters(project_id, [(single, grown)], rows)
        if status:
            await store.set_cluster_status(project_id, single.id, status, now)


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium under Playwright (no browser download), headless."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def require_chromium() -> None:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(
            "no /usr/bin/chromium: install Debian's chromium (`make browser` or "
            "`apt-get install chromium`) to run the browser tests"
        )
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


def save_screenshot(target: Any, name: str, *, full_page: bool = False) -> None:
    """Save ``target`` (a page or an element) as ``<name>.png`` in ``$SOULCASTER_SCREENSHOTS``,
    when it is set: the docs' screenshots are taken by the tests that check what they show."""
    folder = os.environ.get(SCREENSHOTS)
    if not folder:
        return
    path = Path(folder) / f"{name}.png"
    if full_page:
        target.screenshot(path=path, full_page=True)
    else:
        target.screenshot(path=path)
    print("saved", path)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with chromium() as launched:
        yield launched


def cluster_live(settings: Settings) -> None:
    """Run a clustering worker over what a live server queued, as ``serve``'s worker would."""
    from soulcaster_core.wiring import open_services
    from soulcaster_core.worker import ClusterWorker

    async def run() -> None:
        async with open_services(settings) as services:
            worker = ClusterWorker(services, "browser-test", block_ms=0)
            while await worker.run_once():
                pass

    run_async(run)


@pytest.fixture(scope="module")
def live(live_app: tuple[str, Settings]) -> str:
    """The base URL of ``live_app``."""
    return live_app[0]


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    """A real server: project ``test`` (empty; ``manual`` switched off) and ``mobile`` (demo);
    its URL and settings (a test may open the same store, e.g. to run the worker)."""
    require_chromium()
    settings = live_settings(tmp_path_factory.mktemp("live"))
    seed(settings, {"test": "Acme Web", "mobile": "Acme Mobile"}, demo="mobile")

    async def switch_off_manual() -> None:
        store = build_store(settings)
        await store.open()
        await store.set_config("test", "manual", {"enabled": False})
        await store.close()

    run_async(switch_off_manual)
    with live_server(settings) as base_url:
        yield base_url, settings


def cluster_now(client: SoulcasterClient) -> int:
    """Run the clustering worker over what is queued, as ``serve``'s worker would."""
    from soulcaster_core.worker import ClusterWorker

    portal = client.http.portal
    assert portal is not None
    worker = ClusterWorker(client.app.state.soulcaster, "test-worker", block_ms=0)
    total = 0
    while handled := portal.call(worker.run_once):
        total += handled
    return total
