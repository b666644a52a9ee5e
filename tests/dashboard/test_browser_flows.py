"""The triage flows of issue 15 in a real browser (Debian's Chromium under Playwright): health
turns green again after a good delivery, merge and move from the pages, resolve then regress,
a dead letter viewed and discarded, and the first-source panel of an empty project.

Each test makes a project of its own on the module's live server, so they do not meet.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from soulcaster_core.models import utcnow
from soulcaster_core.outbound import tls_context
from soulcaster_core.settings import Settings
from soulcaster_core.testing import TEST_TOKEN

from .conftest import cluster_live

pytestmark = pytest.mark.browser

HEAD = "Traceback (most recent call last):\n"
TRACES = {
    "card": HEAD + "  File \"shop/pay.py\", line 3, in pay\nKeyError: 'card'",
    "cart": HEAD + '  File "shop/cart.py", line 9, in add\nValueError: negative quantity',
}


@pytest.fixture
def page(browser: Any, live: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def api(live: str) -> httpx.Client:
    return httpx.Client(
        base_url=live,
        headers={"authorization": f"Bearer {TEST_TOKEN}"},
        verify=tls_context(),  # not a CA bundle loaded per call (~30 ms of CPU)
    )


def new_project(live: str, **settings: Any) -> str:
    project_id = f"p-{uuid.uuid4().hex[:8]}"
    with api(live) as client:
        made = client.post("/api/projects", json={"name": project_id, "id": project_id, **settings})
        assert made.status_code == 201, made.text
    return project_id


def send(live: str, project_id: str, payload: Any, token: str | None = None) -> httpx.Response:
    query = {"project_id": project_id, **({"token": token} if token else {})}
    body = (
        payload if isinstance(payload, bytes) else httpx.Request("POST", "/", json=payload).read()
    )
    return httpx.post(
        f"{live}/ingest/manual/webhook",
        params=query,
        content=body,
        headers={"content-type": "application/json"},
        verify=tls_context(),
    )


def log_in(page: Any, live: str, project_id: str, path: str = "/") -> None:
    page.goto(f"{live}{path}?token={TEST_TOKEN}&project_id={project_id}")


def test_health_turns_red_on_a_refusal_and_green_again_after_a_good_delivery(
    page: Any, live: str
) -> None:
    from playwright.sync_api import expect

    project_id = new_project(live)
    with api(live) as client:
        client.put(
            f"/config/manual?project_id={project_id}", json={"webhook_secret": "s3cret"}
        ).raise_for_status()
    assert send(live, project_id, {"title": "forged"}, token="guess").status_code == 401
    log_in(page, live, project_id)
    row = page.locator('tr[data-source="manual"]')
    expect(row).to_have_attribute("data-health", "red")
    expect(row.get_by_test_id("state")).to_have_text("Failing")
    expect(row.get_by_test_id("health-reason")).to_contain_text("refused (401)")

    assert send(live, project_id, {"title": "ok"}, token="s3cret").status_code == 201
    page.reload()
    expect(row).to_have_attribute("data-health", "green")
    expect(row.get_by_test_id("state")).to_have_text("Healthy")
    expect(row.get_by_test_id("health-history")).to_contain_text("1 refused (401) in 24 h")
    expect(row.get_by_test_id("last-error")).to_be_visible()


def problems(live: str, project_id: str, settings: Settings) -> dict[str, str]:
    for name, trace in TRACES.items():
        title = trace.splitlines()[-1]
        sent = send(live, project_id, {"title": title, "body": trace, "external_id": name})
        assert sent.status_code == 201, sent.text
    cluster_live(settings)
    with api(live) as client:
        items = client.get("/api/feedback", params={"project_id": project_id}).json()["items"]
    return {i["external_id"]: i["cluster_id"] for i in items}


def test_merge_two_clusters_then_move_an_item_out_from_the_pages(
    page: Any, live_app: tuple[str, Settings]
) -> None:
    from playwright.sync_api import expect

    live, settings = live_app
    project_id = new_project(live, allow_unauthenticated=True)
    ids = problems(live, project_id, settings)
    assert len(set(ids.values())) == 2
    log_in(page, live, project_id, "/clusters")
    listed = page.get_by_test_id("problems").locator("li")
    expect(listed).to_have_count(2)
    for cluster_id in ids.values():
        page.locator(f'li[data-cluster="{cluster_id}"] input[type=checkbox]').check()
    page.get_by_role("button", name="Merge selected").click()
    expect(page.get_by_role("status")).to_contain_text("Merged")
    expect(page.locator("h1")).to_be_visible()
    with api(live) as client:
        left = client.get("/api/clusters", params={"project_id": project_id}).json()["clusters"]
    assert len(left) == 1 and left[0]["item_count"] == 2

    page.get_by_role("link", name="ValueError: negative quantity").click()
    page.get_by_test_id("move-item").locator("summary").click()
    page.get_by_label("Cluster").select_option(label="A new cluster of its own")
    page.get_by_role("button", name="Move").click()
    expect(page.get_by_role("status")).to_contain_text("Moved")
    with api(live) as client:
        after = client.get("/api/clusters", params={"project_id": project_id}).json()["clusters"]
    assert sorted(c["item_count"] for c in after) == [1, 1]


def test_resolve_from_the_page_then_a_new_item_regresses_it(
    page: Any, live_app: tuple[str, Settings]
) -> None:
    from playwright.sync_api import expect

    live, settings = live_app
    project_id = new_project(live, allow_unauthenticated=True)
    ids = problems(live, project_id, settings)
    card = ids["card"]
    log_in(page, live, project_id, "/clusters")
    row = page.locator(f'li[data-cluster="{card}"]')
    expect(row.get_by_test_id("status")).to_have_text("new")
    row.get_by_role("button", name="Resolve").click()
    expect(page.locator(f'li[data-cluster="{card}"]')).to_have_count(0)  # open ones only
    page.get_by_label("Status").select_option("resolved")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(f'li[data-cluster="{card}"]').get_by_test_id("status")).to_have_text(
        "resolved"
    )

    again = {"title": "KeyError: 'card'", "body": TRACES["card"], "external_id": "card-2"}
    assert send(live, project_id, again).status_code == 201
    cluster_live(settings)
    log_in(page, live, project_id, f"/clusters/{card}")
    expect(page.get_by_test_id("status")).to_have_text("regressed")
    page.get_by_role("button", name="Ignore").click()
    expect(page.get_by_test_id("status")).to_have_text("ignored")
    expect(page.get_by_role("button", name="Reopen")).to_be_visible()


def test_view_a_dead_letter_then_discard_it(page: Any, live: str) -> None:
    from playwright.sync_api import expect

    project_id = new_project(live, allow_unauthenticated=True)
    assert send(live, project_id, b'{"title": ').status_code == 400
    assert send(live, project_id, b"[1, 2]").status_code == 400
    log_in(page, live, project_id)
    page.get_by_role("link", name="Dead letters", exact=True).click()
    expect(page.get_by_test_id("dead-letter-count")).to_have_text("2")
    expect(page.get_by_test_id("letters")).not_to_contain_text("[1, 2]")  # never a body there
    page.get_by_test_id("letters").locator("a.item-link").first.click()  # the newest: [1, 2]
    expect(page.get_by_test_id("letter-error")).to_be_visible()
    expect(page.get_by_test_id("letter-body")).to_have_text("[\n  1,\n  2\n]")  # indented
    expect(page.get_by_test_id("letter-headers")).to_be_visible()
    expect(page.get_by_test_id("letter-headers")).to_contain_text("content-type")
    page.get_by_role("button", name="Discard").click()
    expect(page.get_by_role("status")).to_have_text("Discarded.")
    expect(page.get_by_test_id("dead-letter-count")).to_have_text("1")
    page.get_by_role("button", name="Discard all").click()
    expect(page.get_by_test_id("dead-letter-count")).to_have_text("0")
    expect(page.get_by_text("None: every delivery could be read.")).to_be_visible()
    assert re.search(r"/dead-letters\?", page.url)


def test_the_home_page_refreshes_its_numbers_itself(page: Any, live: str) -> None:
    from playwright.sync_api import expect

    project_id = new_project(live, allow_unauthenticated=True)
    page.clock.install()
    log_in(page, live, project_id)
    expect(page.get_by_test_id("first-steps")).to_be_visible()
    expect(page.get_by_test_id("events-24h")).to_have_text("0")
    url = page.url
    for n in range(2):
        assert send(live, project_id, {"title": f"arrived later {n}"}).status_code == 201
    page.clock.run_for(31_000)
    expect(page.get_by_test_id("events-24h")).to_have_text("2")
    expect(page.locator('li[data-chart="manual"]').get_by_test_id("chart-total")).to_have_text("2")
    assert page.url == url  # the numbers changed, the page was not reloaded


def alert(name: str, service: str) -> dict[str, Any]:
    return {
        "status": "firing",
        "fingerprint": f"fp-{name}",
        "labels": {"alertname": name, "severity": "critical", "service": service},
        "annotations": {"summary": f"{name} on {service}"},
        "startsAt": utcnow().isoformat(),  # an item is seen when its alert started
    }


def test_filter_the_problems_by_service_and_switch_the_time_windows(
    page: Any, live_app: tuple[str, Settings]
) -> None:
    from playwright.sync_api import expect

    live, settings = live_app
    project_id = new_project(live, allow_unauthenticated=True)
    group = {
        "version": "4",
        "status": "firing",
        "receiver": "soulcaster",
        "alerts": [alert("DiskFull", "db"), alert("HighLatency", "checkout")],
    }
    sent = httpx.post(
        f"{live}/ingest/alertmanager/webhook",
        params={"project_id": project_id},
        json=group,
        verify=tls_context(),
    )
    assert sent.status_code == 201, sent.text
    cluster_live(settings)
    log_in(page, live, project_id, "/clusters")
    rows = page.get_by_test_id("problems").locator("li.problem")
    expect(rows).to_have_count(2)
    page.get_by_label("Service").select_option("checkout")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(1)
    expect(rows.get_by_test_id("service")).to_have_text("checkout")
    expect(rows.get_by_test_id("sparkline")).to_have_attribute("data-total", "1")
    expect(rows.get_by_test_id("sparkline")).to_have_attribute(
        "aria-label", "1 occurrence in the last 24 h"
    )
    page.get_by_label("Occurrences over").select_option("14d")
    page.get_by_role("button", name="Filter").click()
    expect(rows.get_by_test_id("sparkline")).to_have_attribute(
        "aria-label", "1 occurrence in the last 14 d"
    )
    expect(rows).to_have_count(1)  # the service filter stays

    page.get_by_role("link", name="Dashboard").click()
    chart = page.locator('li[data-chart="alertmanager"]')
    page.get_by_role("navigation", name="Window").get_by_role("link", name="1 h").click()
    expect(page.get_by_role("link", name="1 h")).to_have_attribute("aria-current", "true")
    expect(chart.get_by_test_id("chart-total")).to_have_text("2")
    expect(chart.locator("rect.bar")).to_have_count(1)
    page.get_by_role("link", name="7 d").click()
    expect(chart.get_by_test_id("chart-total")).to_have_text("2")
