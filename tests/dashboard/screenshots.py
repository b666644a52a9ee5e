"""Save a screenshot of every dashboard page into docs/screenshots/ (for docs and the README).

    .venv/bin/python tests/dashboard/screenshots.py [output-dir]

Runs the real app on demo data (every installed plugin's sample event, a cluster, a dead
letter, a few refused deliveries) and drives Debian's Chromium through Playwright.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import httpx

# Run as a script, this folder is on sys.path: the helpers are shared with the tests.
from conftest import chromium, live_server, live_settings, seed

from soulcaster_core.testing import TEST_TOKEN

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 375, "height": 812}
PROJECT = "acme-web"


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data_dir:
        settings = live_settings(Path(data_dir))
        seed(settings, {PROJECT: "Acme Web", "acme-mobile": "Acme Mobile"}, demo=PROJECT)
        with live_server(settings) as base, chromium() as browser:
            api = httpx.Client(base_url=base, headers={"authorization": f"Bearer {TEST_TOKEN}"})
            items = api.get("/api/feedback", params={"project_id": PROJECT, "limit": 200}).json()
            by_source = {item["source"]: item for item in items["items"]}
            item = by_source.get("sentry") or items["items"][0]
            cluster_id = next(i["cluster_id"] for i in items["items"] if i["cluster_id"])

            page = browser.new_page(viewport=DESKTOP)
            page.goto(f"{base}/login")
            page.screenshot(path=out / "login.png")
            page.goto(f"{base}/?token={TEST_TOKEN}&project_id={PROJECT}")

            def shot(name: str, path: str, full: bool = True) -> None:
                page.goto(f"{base}{path}")
                page.screenshot(path=out / f"{name}.png", full_page=full)
                print("saved", out / f"{name}.png")

            shot("dashboard", "/")
            shot("integrations", "/settings/integrations", full=False)
            shot("feedback", "/feedback")
            shot("item", f"/feedback/{item['id']}")
            letters = api.get("/api/dead-letters", params={"project_id": PROJECT}).json()
            shot("clusters", "/clusters?status=all")
            shot("cluster", f"/clusters/{cluster_id}")
            shot("dead-letters", "/dead-letters")
            shot("dead-letter", f"/dead-letters/{letters['dead_letters'][0]['id']}")

            # One card of the empty project: a secret saved, then "Send test webhook".
            page.goto(f"{base}/settings/integrations?project_id=acme-mobile")
            card = page.locator("#source-manual")
            card.locator("summary", has_text="Configuration").click()
            card.get_by_label("Webhook secret").fill("demo-secret")
            card.get_by_role("button", name="Save manual settings").click()
            card.get_by_role("button", name="Send test webhook").click()
            card.locator("summary", has_text="Configuration").click()
            page.locator("#plugin-manual").screenshot(path=out / "integrations-test-webhook.png")
            print("saved", out / "integrations-test-webhook.png")

            phone = browser.new_page(viewport=PHONE)
            phone.goto(f"{base}/?token={TEST_TOKEN}&project_id={PROJECT}")
            phone.goto(f"{base}/settings/integrations")
            phone.screenshot(path=out / "integrations-mobile.png")
            print("saved", out / "integrations-mobile.png")
            phone.goto(f"{base}/")
            phone.screenshot(path=out / "dashboard-mobile.png")
            print("saved", out / "dashboard-mobile.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
