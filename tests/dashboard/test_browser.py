"""The dashboard in a real browser: Debian's Chromium, driven by Playwright, on a real server.

Skipped, with the reason, where /usr/bin/chromium is missing (``make browser`` installs it).
With ``SOULCASTER_SCREENSHOTS`` set (``screenshots.py`` sets it), these tests also save the
docs' screenshots of the pages they check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from soulcaster_core.outbound import tls_context
from soulcaster_core.testing import TEST_TOKEN

from .conftest import save_screenshot

pytestmark = pytest.mark.browser

HOSTILE = (
    "<script>window.__pwned = 1; alert('xss')</script>"
    '<img src=x onerror="window.__pwned = 2; alert(2)">'
)
PHONE = {"width": 375, "height": 812}
#: The pages the 375 px test saves for the docs.
PHONE_SHOTS = {"/": "dashboard-mobile", "/settings/integrations": "integrations-mobile"}


@pytest.fixture
def page(browser: Any, live: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live)
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


def test_settings_flow_from_login_to_a_counted_test_webhook(page: Any, live: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{live}/settings/integrations?project_id=test")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    save_screenshot(page, "login")
    page.get_by_label("API token").fill(TEST_TOKEN)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/settings/integrations\?project_id=test"))

    card = page.locator("#source-manual")
    expect(card.get_by_test_id("enabled-state")).to_have_text("Disabled")
    card.get_by_role("button", name="Enable").click()
    expect(card.get_by_test_id("enabled-state")).to_have_text("Enabled")

    card.locator("summary", has_text="Configuration").click()
    card.get_by_label("Webhook secret").fill("hunter2-webhook-secret")
    card.get_by_role("button", name="Save manual settings").click()
    expect(card.get_by_text("Saved.")).to_be_visible()
    expect(card.get_by_label("Webhook secret")).to_have_attribute(
        "placeholder", "set — leave blank to keep"
    )
    assert "hunter2-webhook-secret" not in page.content()
    expect(card.get_by_text("A secret is set")).to_be_visible()

    card.get_by_role("button", name="Copy").click()
    expect(card.get_by_role("button", name="Copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{live}/ingest/manual/webhook?project_id=test"

    card.get_by_role("button", name="Send test webhook").click()
    expect(card.get_by_test_id("outcome")).to_contain_text("HTTP 201")
    expect(card.get_by_test_id("outcome")).to_contain_text("created")
    card.locator("summary", has_text="Configuration").click()
    save_screenshot(page.locator("#plugin-manual"), "integrations-test-webhook")

    page.get_by_role("link", name="Dashboard").click()
    row = page.locator('tr[data-source="manual"]')
    expect(row.get_by_test_id("events")).to_have_text("1")
    expect(row).to_have_attribute("data-health", "green")
    expect(page.get_by_test_id("events-24h")).to_have_text("1")


def test_a_script_in_a_webhook_title_is_shown_as_text_and_runs_as_nothing(
    page: Any, live: str
) -> None:
    from playwright.sync_api import expect

    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    sent = httpx.post(
        f"{live}/ingest/manual/webhook",
        params={"project_id": "mobile"},
        json={"title": HOSTILE, "body": HOSTILE, "metadata": {"note": HOSTILE}},
        headers={"authorization": f"Bearer {TEST_TOKEN}"},
        verify=tls_context(),
    )
    assert sent.status_code == 201, sent.text

    page.goto(f"{live}/feedback?token={TEST_TOKEN}&project_id=mobile&source=manual")
    link = page.get_by_role("link", name=HOSTILE)
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_test_id("item-title")).to_have_text(HOSTILE)
    expect(page.get_by_test_id("item-body")).to_have_text(HOSTILE)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main script, main img").count() == 0
    assert dialogs == []


def test_every_page_fits_a_375_px_phone_without_sideways_scrolling(browser: Any, live: str) -> None:
    with api(live) as client:
        items = client.get("/api/feedback", params={"project_id": "mobile"}).json()["items"]
        letters = client.get("/api/dead-letters", params={"project_id": "mobile"}).json()
    longest = max(items, key=lambda i: len(i["body"]))
    cluster_id = next(i["cluster_id"] for i in items if i["cluster_id"])
    letter_id = letters["dead_letters"][0]["id"]
    paths = [
        "/dead-letters",
        f"/dead-letters/{letter_id}",
        "/",
        "/settings/integrations",
        "/feedback",
        f"/feedback/{longest['id']}",
        "/clusters",
        f"/clusters/{cluster_id}",
    ]
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    too_wide = {}
    try:
        tab.goto(f"{live}/login")
        too_wide["/login"] = tab.evaluate("document.documentElement.scrollWidth")
        tab.goto(f"{live}/?token={TEST_TOKEN}&project_id=mobile")
        for path in paths:
            tab.goto(f"{live}{path}")
            assert tab.locator("h1").first.is_visible(), path
            if path in PHONE_SHOTS:
                save_screenshot(tab, PHONE_SHOTS[path])
            # Forms folded away must fit too once opened.
            tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            too_wide[path] = tab.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert {path: width for path, width in too_wide.items() if width > 375} == {}


def test_a_busy_project_page_by_page_at_1280_px(page: Any, live: str) -> None:
    """The demo project (every plugin's sample, a cross-tool cluster, problems in every status,
    refusals, a dead letter) as a person sees it; the docs' screenshots are of these pages."""
    from playwright.sync_api import expect

    with api(live) as client:
        items = client.get("/api/feedback", params={"project_id": "mobile", "limit": 200}).json()
    by_source = {item["source"]: item for item in items["items"]}
    cluster_id = by_source["sentry"]["cluster_id"]
    page.goto(f"{live}/?token={TEST_TOKEN}&project_id=mobile")

    problems = page.get_by_test_id("problems").locator("li.problem")
    expect(problems.filter(has_text="Checkout fails when the order is submitted")).to_have_count(1)
    expect(problems.filter(has_text="Disk almost full")).to_have_count(0)  # resolved: not open
    growing = problems.filter(has_text="Search results time out")
    expect(growing.get_by_test_id("sparkline")).to_have_attribute("data-total", "7")
    expect(page.locator('tr[data-source="datadog"]')).to_have_attribute("data-state", "not_set_up")
    expect(page.locator('li[data-chart="sentry"]').get_by_test_id("chart-total")).to_have_text("3")
    save_screenshot(page, "dashboard", full_page=True)

    page.get_by_role("link", name="Integrations", exact=True).click()
    expect(page.locator("#source-sentry").get_by_test_id("enabled-state")).to_be_visible()
    save_screenshot(page, "integrations")

    page.goto(f"{live}/feedback")
    expect(page.locator("h1")).to_contain_text("Feedback")
    save_screenshot(page, "feedback", full_page=True)
    page.goto(f"{live}/feedback/{by_source['sentry']['id']}")
    expect(page.get_by_test_id("item-title")).to_have_text(by_source["sentry"]["title"])
    save_screenshot(page, "item", full_page=True)

    page.goto(f"{live}/clusters?status=all&graph=14d")
    rows = page.get_by_test_id("problems").locator("li.problem")
    expect(rows).to_have_count(5)
    payments = rows.filter(has_text="Payment gateway timed out")
    expect(payments.get_by_test_id("status")).to_have_text("regressed")
    expect(payments.get_by_test_id("service")).to_have_text("payments")
    expect(payments.get_by_test_id("sparkline")).to_have_attribute("data-total", "6")
    save_screenshot(page, "clusters", full_page=True)
    page.goto(f"{live}/clusters/{cluster_id}")
    expect(page.locator("h1")).to_contain_text("Checkout fails when the order is submitted")
    save_screenshot(page, "cluster", full_page=True)

    page.goto(f"{live}/dead-letters")
    expect(page.get_by_test_id("dead-letter-count")).to_have_text("1")
    save_screenshot(page, "dead-letters", full_page=True)
    page.get_by_test_id("letters").locator("a.item-link").first.click()
    expect(page.get_by_test_id("letter-body")).to_have_text("search_name=Payments+API&result=...")
    save_screenshot(page, "dead-letter", full_page=True)
