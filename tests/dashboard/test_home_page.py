"""/: the open problems, events over time per source (1 h, 24 h or 7 d, drawn as SVG on the
server), and the series behind the chart on both stores."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from soulcaster_core.models import Project, utcnow
from soulcaster_core.store.port import Store
from soulcaster_core.testing import SoulcasterClient
from soulcaster_core.timestamps import hour_bucket, slot_bucket
from soulcaster_core.web.dashboard.charts import HEIGHT, event_charts

from .conftest import cluster_now


@pytest.mark.anyio
async def test_the_series_counts_deliveries_that_went_through_per_hour(store: Store) -> None:
    await store.create_project(Project(id="p", name="P"))
    now = utcnow()
    for kind, hours_ago in [
        ("created", 0),
        ("duplicate", 0),
        ("created", 3),
        ("unauthorized", 0),
        ("created", 30),
    ]:
        await store.record_event("p", "manual", kind, now - timedelta(hours=hours_ago))
    hour = hour_bucket(now)
    assert await store.event_series("p", now, 24) == {"manual": {hour: 2, hour - 3: 1}}
    week = await store.event_series("p", now, 168)
    assert week == {"manual": {hour: 2, hour - 3: 1, hour - 30: 1}}


def test_a_chart_has_a_bar_per_hour_or_per_6_hours_and_names_each() -> None:
    now = utcnow()
    hour = hour_bucket(now)
    series = {"manual": {hour: 4, hour - 1: 1}, "gone": {hour - 500: 9}}
    (day,) = event_charts(series, ["manual"], now, "24h")
    assert (len(day.bars), day.total, day.peak) == (24, 5, 4)
    assert day.bars[-1].height == HEIGHT - 2 and day.bars[-1].label.endswith("UTC: 4")
    assert 1 <= day.bars[-2].height < day.bars[-1].height
    quiet, week = event_charts(series, ["sentry", "manual"], now, "7d")
    assert (len(week.bars), week.total, quiet.total) == (28, 5, 0)
    assert "+6 h" in week.bars[-1].label


def test_the_last_hour_has_a_bar_per_5_minutes() -> None:
    now = utcnow()
    slot = slot_bucket(now)
    slots = {"manual": {slot: 2, slot - 11: 1, slot - 12: 7}}  # the last is an hour ago
    (hour,) = event_charts(slots, ["manual"], now, "1h")
    assert (len(hour.bars), hour.total, hour.peak) == (12, 3, 2)
    assert [bar.n for bar in hour.bars if bar.n] == [1, 2]
    assert hour.bars[-1].label.endswith("UTC +5 min: 2")


def test_home_lists_open_problems_and_draws_events(dashboard: SoulcasterClient) -> None:
    titles = ["Disk full on db-1", "TypeError: cart is undefined", "Payment gateway timed out"]
    for n, title in enumerate(titles):
        dashboard.post_webhook("manual", {"title": title, "external_id": str(n)})
    cluster_now(dashboard)
    page = dashboard.http.get("/").text
    assert re.search(r'data-testid="open-problems">3<', page)
    assert len(re.findall(r'data-cluster="[^"]+" data-status="new"', page)) == 3
    chart = re.search(r'<li data-chart="manual">.*?</li>', page, re.S)
    assert chart and 'data-testid="chart-total">3<' in chart.group(0)
    assert chart.group(0).count('<rect class="bar"') == 1
    assert 'data-refresh="30"' in page and "data-live" in page
    week = dashboard.http.get("/?window=7d").text
    assert '<a href="/?project_id=test&amp;window=7d" aria-current="true">7 d</a>' in week
    hour = dashboard.http.get("/?window=1h").text
    assert 'aria-current="true">1 h</a>' in hour and "per 5 minutes" in hour
    chart = re.search(r'<li data-chart="manual">.*?</li>', hour, re.S)
    assert chart and 'data-testid="chart-total">3<' in chart.group(0)
    odd = dashboard.http.get("/?window=1y").text  # an unknown window is the default
    assert 'aria-current="true">24 h</a>' in odd


def test_resolved_problems_leave_the_home_page(dashboard: SoulcasterClient) -> None:
    dashboard.post_webhook("manual", {"title": "fixed soon"})
    cluster_now(dashboard)
    (cluster,) = dashboard.api.get("/api/clusters?project_id=test").json()["clusters"]
    dashboard.api.post(
        f"/api/clusters/{cluster['id']}/status?project_id=test", json={"status": "resolved"}
    )
    page = dashboard.http.get("/").text
    assert re.search(r'data-testid="open-problems">0<', page)
    assert "None open" in page
