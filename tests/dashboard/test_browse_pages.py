"""Feedback list and item pages, clusters, and the project switcher."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path

from soulcaster_core.models import Cluster, FeedbackItem, Project
from soulcaster_core.store.port import ClusterMember
from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient
from soulcaster_core.web.dashboard.browse import CLUSTER_ITEMS_SHOWN

from .conftest import HTML, live_settings

HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def titles(page: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'class="item-link"[^>]*>([^<]*)<', page)]


def item_id(dashboard: SoulcasterClient, title: str) -> str:
    return str(next(i["id"] for i in dashboard.items() if i["title"] == title))


def test_the_list_filters_by_source_and_searches_text(dashboard: SoulcasterClient) -> None:
    dashboard.post_webhook("manual", {"title": "Checkout fails", "body": "TypeError in pay()"})
    dashboard.post_webhook("manual", {"title": "Slow search", "body": "p95 4 s"})
    page = dashboard.http.get("/feedback").text
    assert set(titles(page)) == {"Checkout fails", "Slow search"}
    assert titles(dashboard.http.get("/feedback?q=typeerror").text) == ["Checkout fails"]
    assert titles(dashboard.http.get("/feedback?source=sentry").text) == []
    assert "Nothing matches these filters." in dashboard.http.get("/feedback?q=zzz").text


def test_the_list_pages_through_everything(dashboard: SoulcasterClient) -> None:
    for n in range(30):
        dashboard.post_webhook("manual", {"title": f"report {n:02d}"})
    first = dashboard.http.get("/feedback").text
    assert len(titles(first)) == 25
    older = re.search(r'href="([^"]+)" rel="next"', first)
    assert older
    second = dashboard.http.get(html.unescape(older.group(1))).text
    assert len(titles(second)) == 5
    assert set(titles(first)).isdisjoint(titles(second))
    assert 'rel="next"' not in second
    assert "« Newest" in second


def test_a_mangled_cursor_starts_from_the_newest(dashboard: SoulcasterClient) -> None:
    dashboard.post_webhook("manual", {"title": "only one"})
    response = dashboard.http.get("/feedback?cursor=abc")
    assert response.status_code == 200
    assert titles(response.text) == ["only one"]


def test_the_item_page_shows_everything_about_an_item(dashboard: SoulcasterClient) -> None:
    trace = 'Traceback (most recent call last):\n  File "pay.py", line 3\nTypeError: boom'
    payload = {"title": "Pay fails", "body": trace, "metadata": {"release": "2.1", "tags": [1]}}
    dashboard.post_webhook("manual", payload)
    dashboard.post_webhook("manual", payload)
    page = dashboard.http.get(f"/feedback/{item_id(dashboard, 'Pay fails')}").text
    assert '<h1 class="item-title" data-testid="item-title">Pay fails</h1>' in page
    assert "TypeError: boom" in page and "<pre" in page
    assert "line 3\nTypeError" in html.unescape(page)  # the trace keeps its lines
    assert "release" in page and "2.1" in page
    assert "<dt>Occurrences</dt><dd>2</dd>" in page
    assert "First seen" in page and "Last seen" in page
    assert "not clustered yet" in page


def test_titles_and_bodies_are_shown_as_text_never_as_markup(
    dashboard: SoulcasterClient,
) -> None:
    dashboard.post_webhook(
        "manual", {"title": HOSTILE, "body": HOSTILE, "metadata": {"x": HOSTILE}}
    )
    for path in ["/feedback", f"/feedback/{dashboard.items()[0]['id']}"]:
        page = dashboard.http.get(path).text
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page


def test_unknown_items_and_projects_are_404_pages(dashboard: SoulcasterClient) -> None:
    missing = dashboard.http.get("/feedback/nope", headers=HTML)
    assert missing.status_code == 404
    assert "no such feedback item" in missing.text
    unknown = dashboard.http.get("/feedback?project_id=ghost", headers=HTML)
    assert unknown.status_code == 404
    assert "unknown project &#39;ghost&#39;" in unknown.text


def test_clusters_list_and_page_show_items_from_every_source(
    dashboard: SoulcasterClient,
) -> None:
    assert "No clusters yet" in dashboard.http.get("/clusters").text
    dashboard.post_webhook("manual", {"title": "Checkout 500"})
    item = dashboard.items()[0]
    cluster = Cluster(
        project_id="test",
        title="Checkout is down",
    )
    at = datetime.now(UTC)
    members = [
        ClusterMember(item["id"], "manual", 1, at, at),
        ClusterMember("gone-since", "sentry", 4, at, at),
    ]
    portal = dashboard.http.portal
    assert portal is not None
    portal.call(dashboard.store.add_to_clusters, "test", [(cluster, members)])
    portal.call(dashboard.store.set_item_cluster, "test", item["id"], cluster.id, {})
    listing = dashboard.http.get("/clusters").text
    assert "Checkout is down" in listing and "2 items" in listing
    page = dashboard.http.get(f"/clusters/{cluster.id}").text
    assert titles(page) == ["Checkout 500"]
    assert "sentry" in page and "Showing 1 of 2" in page
    item_page = dashboard.http.get(f"/feedback/{item['id']}").text
    assert f'href="/clusters/{cluster.id}?project_id=test">Checkout is down</a>' in item_page
    assert "cluster: Checkout is down" in dashboard.http.get("/feedback").text
    assert dashboard.http.get("/clusters/nope", headers=HTML).status_code == 404


def test_big_clusters_and_many_clusters_are_shown_a_page_at_a_time(
    dashboard: SoulcasterClient,
) -> None:
    portal = dashboard.http.portal
    assert portal is not None
    members = []
    for n in range(CLUSTER_ITEMS_SHOWN + 3):
        item = FeedbackItem(project_id="test", source="manual", external_id=f"e{n}", title=f"#{n}")
        result = portal.call(dashboard.store.ingest, item)
        members.append(ClusterMember(result.id, "manual", 1, item.created_at, item.created_at))
    big = Cluster(id="big", project_id="test", title="Big one")
    small = [Cluster(id=f"c{n:03}", project_id="test", title=f"Small {n}") for n in range(3)]
    growths = [(big, members), *((c, members[:1]) for c in small)]
    portal.call(dashboard.store.add_to_clusters, "test", growths)

    first = dashboard.http.get("/clusters/big").text
    assert len(titles(first)) == CLUSTER_ITEMS_SHOWN
    assert f"Showing {CLUSTER_ITEMS_SHOWN} of {len(members)}" in first
    more = re.search(r'href="(/clusters/big\?[^"]*cursor=[^"]+)" rel="next"', first)
    assert more is not None
    rest = dashboard.http.get(html.unescape(more.group(1))).text
    assert len(titles(rest)) == 3 and 'rel="next"' not in rest

    # A mangled cursor shows the first page rather than an error.
    assert dashboard.http.get("/clusters/big", params={"cursor": "x"}).status_code == 200


def test_the_switcher_lists_projects_and_remembers_the_choice(
    dashboard: SoulcasterClient,
) -> None:
    portal = dashboard.http.portal
    assert portal is not None
    portal.call(dashboard.store.create_project, Project(id="mobile", name="Acme Mobile"))
    dashboard.post_webhook("manual", {"title": "web only"})
    page = dashboard.http.get("/feedback").text
    assert '<option value="mobile">Acme Mobile</option>' in page
    assert '<option value="test" selected>' in page
    switched = dashboard.http.get("/feedback?project_id=mobile")
    assert "soulcaster_project=mobile" in switched.headers["set-cookie"]
    later = dashboard.http.get("/feedback").text  # no project_id: the remembered one
    assert '<option value="mobile" selected>' in later
    assert titles(later) == []
    # From an item page, switching goes to the list: the item is not in the other project.
    item_page = dashboard.http.get(f"/feedback/{item_id(dashboard, 'web only')}?project_id=test")
    assert 'class="switcher" method="get" action="/feedback"' in item_page.text


def test_one_project_needs_no_switcher(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from soulcaster_core.wiring import create_app

    # The embedded store starts with one project, "default": nothing to switch between.
    with TestClient(create_app(live_settings(tmp_path))) as http:
        page = http.get(f"/?token={TEST_TOKEN}").text
    assert 'id="project-switcher"' not in page
    assert 'class="project-name" title="project id: default">Default<' in page
