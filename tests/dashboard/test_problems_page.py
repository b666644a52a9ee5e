"""/clusters, the problem stream: status badges and filters, resolve / ignore / reopen, merge the
selected clusters, move an item; every post with the page's CSRF token."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from soulcaster_core.models import FeedbackItem, utcnow
from soulcaster_core.testing import SoulcasterClient

from .conftest import HTML, cluster_now, csrf_of

HEAD = "Traceback (most recent call last):\n"
TRACES = {
    "card": HEAD + "  File \"shop/pay.py\", line 3, in pay\nKeyError: 'card'",
    "cart": HEAD + '  File "shop/cart.py", line 9, in add\nValueError: negative quantity',
    "mail": HEAD + '  File "shop/mail.py", line 4, in send\nTimeoutError: SMTP',
}


def three_problems(dashboard: SoulcasterClient) -> dict[str, str]:
    """Three unrelated errors, clustered; ``{name: cluster_id}``."""
    for name, trace in TRACES.items():
        title = trace.splitlines()[-1]
        sent = dashboard.post_webhook(
            "manual", {"title": title, "body": trace, "external_id": name}
        )
        assert sent.status_code == 201, sent.text
    cluster_now(dashboard)
    found = {}
    for item in dashboard.items("manual"):
        found[item["external_id"]] = item["cluster_id"]
    assert len(set(found.values())) == 3, found
    return found


def rows(page: str) -> dict[str, str]:
    """``{cluster_id: status}`` of the rows listed."""
    return dict(re.findall(r'data-cluster="([^"]+)" data-status="([^"]+)"', page))


def test_rows_show_status_and_filter_by_it(dashboard: SoulcasterClient) -> None:
    ids = three_problems(dashboard)
    page = dashboard.http.get("/clusters").text
    assert rows(page) == {cid: "new" for cid in ids.values()}
    assert "Showing 1\N{EN DASH}3 of 3" in page
    dashboard.api.post(
        f"/api/clusters/{ids['mail']}/status?project_id=test", json={"status": "ignored"}
    )
    page = dashboard.http.get("/clusters").text  # open problems by default
    assert set(rows(page)) == {ids["card"], ids["cart"]}
    assert "Ignored (1)" in page
    ignored = dashboard.http.get("/clusters?status=ignored").text
    assert rows(ignored) == {ids["mail"]: "ignored"}
    searched = dashboard.http.get("/clusters?status=all&q=negative").text
    assert set(rows(searched)) == {ids["cart"]}
    recent = dashboard.http.get("/clusters?status=all&seen=1h").text
    assert set(rows(recent)) == set(ids.values())


def test_the_time_window_keeps_only_problems_seen_in_it(dashboard: SoulcasterClient) -> None:
    old = utcnow() - timedelta(days=3)
    item = FeedbackItem(
        project_id="test",
        source="manual",
        external_id="old",
        title="Disk almost full on db-1",
        created_at=old,
        received_at=old,
    )
    portal = dashboard.http.portal
    assert portal is not None
    portal.call(dashboard.store.ingest, item)
    dashboard.post_webhook(
        "manual", {"title": "TypeError: cart is undefined", "external_id": "fresh"}
    )
    cluster_now(dashboard)
    day = dashboard.http.get("/clusters?status=all&seen=24h").text
    assert "TypeError: cart is undefined" in day and "Disk almost full on db-1" not in day
    week = dashboard.http.get("/clusters?status=all&seen=7d").text
    assert "TypeError: cart is undefined" in week and "Disk almost full on db-1" in week


def test_resolve_and_reopen_from_the_page(dashboard: SoulcasterClient) -> None:
    ids = three_problems(dashboard)
    page = dashboard.http.get(f"/clusters/{ids['card']}").text
    done = dashboard.http.post(
        f"/clusters/{ids['card']}/status?project_id=test",
        data={"csrf_token": csrf_of(page), "status": "resolved", "back": "/clusters?status=all"},
    )
    assert done.status_code == 200  # followed the redirect to `back`
    assert rows(done.text)[ids["card"]] == "resolved"
    page = dashboard.http.get(f"/clusters/{ids['card']}").text
    assert 'data-status="resolved"' in page and ">Reopen<" in page
    dashboard.http.post(
        f"/clusters/{ids['card']}/status?project_id=test",
        data={"csrf_token": csrf_of(page), "status": "ongoing", "back": "https://evil.example/"},
        follow_redirects=False,
    )
    api = dashboard.api.get(f"/api/clusters/{ids['card']}?project_id=test").json()
    assert api["status"] == "ongoing"


def test_a_status_post_without_the_csrf_token_is_refused(dashboard: SoulcasterClient) -> None:
    ids = three_problems(dashboard)
    answer = dashboard.http.post(
        f"/clusters/{ids['card']}/status?project_id=test", data={"status": "resolved"}
    )
    assert answer.status_code == 403
    api = dashboard.api.get(f"/api/clusters/{ids['card']}?project_id=test").json()
    assert api["status"] == "new"


def test_a_redirect_never_leaves_the_site(dashboard: SoulcasterClient) -> None:
    ids = three_problems(dashboard)
    page = dashboard.http.get("/clusters").text
    for back in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        answer = dashboard.http.post(
            f"/clusters/{ids['card']}/status?project_id=test",
            data={"csrf_token": csrf_of(page), "status": "ignored", "back": back},
            follow_redirects=False,
        )
        assert answer.status_code == 303
        assert answer.headers["location"].startswith(f"/clusters/{ids['card']}")


def test_merge_the_selected_clusters_and_the_next_occurrence_follows(
    dashboard: SoulcasterClient,
) -> None:
    ids = three_problems(dashboard)
    page = dashboard.http.get("/clusters").text
    merged = dashboard.http.post(
        "/clusters/merge?project_id=test",
        data={"csrf_token": csrf_of(page), "cluster_id": [ids["card"], ids["cart"]]},
    )
    assert merged.status_code == 200
    assert "Merged" in merged.text
    left = dashboard.api.get("/api/clusters?project_id=test").json()["clusters"]
    assert len(left) == 2
    together = {i["external_id"]: i["cluster_id"] for i in dashboard.items("manual")}
    assert together["card"] == together["cart"] != together["mail"]

    dashboard.post_webhook(
        "manual",
        {"title": "ValueError: negative quantity", "body": TRACES["cart"], "external_id": "again"},
    )
    cluster_now(dashboard)
    again = {i["external_id"]: i["cluster_id"] for i in dashboard.items("manual")}
    assert again["again"] == together["card"]


def test_merging_fewer_than_two_says_what_to_do(dashboard: SoulcasterClient) -> None:
    ids = three_problems(dashboard)
    page = dashboard.http.get("/clusters").text
    answer = dashboard.http.post(
        "/clusters/merge?project_id=test",
        data={"csrf_token": csrf_of(page), "cluster_id": ids["card"]},
        headers=HTML,
    )
    assert answer.status_code == 400
    assert "select two or more clusters" in answer.text


def test_move_an_item_to_another_cluster_or_a_new_one(dashboard: SoulcasterClient) -> None:
    ids = three_problems(dashboard)
    card = next(i for i in dashboard.items("manual") if i["external_id"] == "card")
    page = dashboard.http.get(f"/feedback/{card['id']}").text
    assert f'<option value="{ids["mail"]}">' in page
    moved = dashboard.http.post(
        f"/feedback/{card['id']}/move?project_id=test",
        data={"csrf_token": csrf_of(page), "cluster_id": ids["mail"]},
    )
    assert moved.status_code == 200 and "Moved" in moved.text
    assert dashboard.item(card["id"])["cluster_id"] == ids["mail"]
    assert dashboard.api.get(f"/api/clusters/{ids['card']}?project_id=test").status_code == 404

    alone = dashboard.http.post(
        f"/feedback/{card['id']}/move?project_id=test",
        data={"csrf_token": csrf_of(page), "cluster_id": ""},
    )
    assert alone.status_code == 200
    now_in = dashboard.item(card["id"])["cluster_id"]
    assert now_in not in ids.values()
    grouping = dashboard.api.get(f"/api/feedback/{card['id']}?project_id=test").json()["grouping"]
    assert grouping["method"] == "manual"


def stored(dashboard: SoulcasterClient, name: str, hours_ago: float, **fields: object) -> None:
    """An item of error ``name`` (``TRACES``) last seen ``hours_ago``, stored as ingest would."""
    at = utcnow() - timedelta(hours=hours_ago)
    trace = TRACES[name]
    item = FeedbackItem(
        project_id="test",
        source="manual",
        title=trace.splitlines()[-1],
        body=trace,
        created_at=at,
        received_at=at,
        **fields,  # type: ignore[arg-type]
    )
    portal = dashboard.http.portal
    assert portal is not None
    portal.call(dashboard.store.ingest, item)


def titles(page: str) -> list[str]:
    """The titles of the rows listed, in their order."""
    found = re.findall(r'<a class="item-link" href="/clusters/[^"]+">([^<]+)</a>', page)
    return [html.unescape(title) for title in found]


def test_rows_show_their_services_and_filter_by_one(dashboard: SoulcasterClient) -> None:
    stored(dashboard, "card", 1, external_id="c1", service="checkout")
    stored(dashboard, "card", 1, external_id="c2", service="payments")
    stored(dashboard, "cart", 1, external_id="c3", service="cart")
    stored(dashboard, "mail", 1, external_id="c4")
    cluster_now(dashboard)
    page = dashboard.http.get("/clusters").text
    assert '<option value="payments">payments</option>' in page
    (row,) = [li for li in page.split('<li class="problem"') if "KeyError" in li]
    assert re.findall(r'data-testid="service">([^<]+)<', row) == ["checkout", "payments"]
    assert titles(dashboard.http.get("/clusters?service=payments").text) == ["KeyError: 'card'"]
    assert titles(dashboard.http.get("/clusters?service=cart").text) == [
        "ValueError: negative quantity"
    ]
    api = dashboard.api.get("/api/clusters?project_id=test").json()["clusters"]
    assert sorted(s for c in api for s in c["services"]) == ["cart", "checkout", "payments"]
    card = next(c for c in api if "checkout" in c["services"])
    shown = dashboard.http.get(f"/clusters/{card['id']}").text
    assert re.findall(r'data-testid="service">([^<]+)<', shown) == ["checkout", "payments"]


def test_sort_by_trend_puts_the_problem_that_grows_first(dashboard: SoulcasterClient) -> None:
    stored(dashboard, "card", 1, external_id="card-now")  # the latest seen, but fading:
    for n in range(4):  # four the day before
        stored(dashboard, "card", 30, external_id=f"card-{n}")
    for n in range(2):  # two today, none before
        stored(dashboard, "cart", 20, external_id=f"cart-{n}")
    stored(dashboard, "mail", 5, external_id="mail")
    cluster_now(dashboard)
    by_last_seen = titles(dashboard.http.get("/clusters").text)
    assert by_last_seen[0] == "KeyError: 'card'"
    by_trend = titles(dashboard.http.get("/clusters?sort=trend").text)
    assert by_trend == ["ValueError: negative quantity", "TimeoutError: SMTP", "KeyError: 'card'"]


def test_each_row_draws_its_occurrences_over_a_day_or_two_weeks(
    dashboard: SoulcasterClient,
) -> None:
    for _ in range(3):  # one item, three occurrences (before it is clustered)
        stored(dashboard, "card", 2, external_id="today")
    stored(dashboard, "card", 24 * 5, external_id="last-week")
    stored(dashboard, "card", 24 * 20, external_id="long-ago")
    cluster_now(dashboard)

    def sparkline(page: str) -> tuple[str, int]:
        found = re.search(r'data-testid="sparkline" data-total="(\d+)".*?</svg>', page, re.S)
        assert found, "no sparkline"
        return found.group(0), int(found.group(1))

    svg, total = sparkline(dashboard.http.get("/clusters").text)
    assert total == 3 and svg.count('<rect class="bar"') == 1
    assert 'aria-label="3 occurrences in the last 24 h"' in svg
    svg, total = sparkline(dashboard.http.get("/clusters?graph=14d").text)
    assert total == 4 and svg.count('<rect class="bar"') == 2  # 20 days ago is out of reach
    assert "UTC +24 h: 1</title>" in svg
    home = dashboard.http.get("/").text
    assert sparkline(home)[1] == 3
