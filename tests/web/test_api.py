"""The read API (/api/...), /health and /openapi.json."""

from __future__ import annotations

from soulcaster_core.testing import SoulcasterClient


def _post(client: SoulcasterClient, n: int, source_prefix: str = "report") -> list[str]:
    ids = []
    for i in range(n):
        response = client.post_webhook(
            "manual",
            {
                "title": f"{source_prefix} {i}",
                "body": f"body {i}",
                "external_id": f"{source_prefix}-{i}",
            },
        )
        ids.append(response.json()["id"])
    return ids


def test_feedback_pages_newest_first_without_gaps(soulcaster_client: SoulcasterClient) -> None:
    ids = _post(soulcaster_client, 23)
    seen: list[str] = []
    cursor = None
    while True:
        params = {"project_id": "test", "limit": "5", **({"cursor": cursor} if cursor else {})}
        page = soulcaster_client.api.get("/api/feedback", params=params).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(ids))


def test_feedback_filters_by_source_and_text(soulcaster_client: SoulcasterClient) -> None:
    _post(soulcaster_client, 3, "checkout")
    _post(soulcaster_client, 2, "login")
    found = soulcaster_client.api.get(
        "/api/feedback", params={"project_id": "test", "q": "LOGIN"}
    ).json()
    assert sorted(i["title"] for i in found["items"]) == ["login 0", "login 1"]
    other = soulcaster_client.api.get(
        "/api/feedback", params={"project_id": "test", "source": "sentry"}
    ).json()
    assert other["items"] == []


def test_bad_paging_parameters_are_400(soulcaster_client: SoulcasterClient) -> None:
    for limit in ("0", "100000", "ten"):
        response = soulcaster_client.api.get(
            "/api/feedback", params={"project_id": "test", "limit": limit}
        )
        assert response.status_code == 400
        assert "limit" in response.json()["error"]


def test_one_item_and_missing_item(soulcaster_client: SoulcasterClient) -> None:
    [item_id] = _post(soulcaster_client, 1)
    assert soulcaster_client.item(item_id)["title"] == "report 0"
    missing = soulcaster_client.api.get("/api/feedback/nope", params={"project_id": "test"})
    assert missing.status_code == 404


def test_read_api_needs_the_token(soulcaster_client: SoulcasterClient) -> None:
    _post(soulcaster_client, 1)
    for path in ("/api/feedback", "/api/stats", "/api/dead-letters", "/api/projects"):
        response = soulcaster_client.http.get(path, params={"project_id": "test"})
        assert response.status_code == 401, path
        assert "report" not in response.text


def test_stats_count_by_source_duplicates_and_dead_letters(
    soulcaster_client: SoulcasterClient,
) -> None:
    _post(soulcaster_client, 2)
    soulcaster_client.post_webhook("manual", {"title": "report 0", "external_id": "report-0"})
    soulcaster_client.post_webhook("manual", b"oops")
    stats = soulcaster_client.api.get("/api/stats", params={"project_id": "test"}).json()
    manual = stats["sources"]["manual"]
    assert manual["events_24h"] == 3
    assert manual["counts_24h"]["created"] == 2
    assert manual["last_event_at"] is not None
    assert stats["duplicates_24h"] == 1
    assert stats["dead_letters"] == 1


def test_projects_api(soulcaster_client: SoulcasterClient) -> None:
    created = soulcaster_client.api.post("/api/projects", json={"name": "Acme Web"})
    assert created.status_code == 201
    assert created.json()["id"] == "acme-web"
    again = soulcaster_client.api.post("/api/projects", json={"name": "Acme Web"})
    assert again.status_code == 200
    bad = soulcaster_client.api.post("/api/projects", json={"name": "x", "id": "{evil}"})
    assert bad.status_code == 400
    listed = soulcaster_client.api.get("/api/projects").json()["projects"]
    assert {"acme-web", "test"} <= {p["id"] for p in listed}
    assert next(p for p in listed if p["id"] == "acme-web")["allow_unauthenticated"] is False
    # A new project is closed: manual takes the API token, and nothing without credentials.
    refused = soulcaster_client.post_webhook("manual", {"title": "t"}, project_id="acme-web")
    assert refused.status_code == 401
    assert "PUT /config/manual?project_id=acme-web" in refused.json()["error"]
    bearer = {"authorization": "Bearer test-token"}
    sent = soulcaster_client.post_webhook(
        "manual", {"title": "t"}, project_id="acme-web", headers=bearer
    )
    assert sent.status_code == 201, sent.text


def test_a_project_can_be_opened_and_closed(soulcaster_client: SoulcasterClient) -> None:
    api = soulcaster_client.api
    api.post("/api/projects", json={"name": "Open", "allow_unauthenticated": True})
    assert api.get("/api/projects/open").json()["allow_unauthenticated"] is True
    assert soulcaster_client.post_webhook("splunk", {}, project_id="open").status_code == 201
    closed = api.put("/api/projects/open", json={"allow_unauthenticated": False})
    assert closed.status_code == 200
    assert closed.json()["allow_unauthenticated"] is False
    assert soulcaster_client.post_webhook("splunk", {}, project_id="open").status_code == 401
    for bad in ({"allow_unauthenticated": "yes"}, {"colour": "red"}):
        assert api.put("/api/projects/open", json=bad).status_code == 400
    assert api.put("/api/projects/nope", json={"name": "x"}).status_code == 404
    assert soulcaster_client.http.put("/api/projects/open", json={}).status_code == 401


def test_health_is_public_and_reveals_no_data(soulcaster_client: SoulcasterClient) -> None:
    _post(soulcaster_client, 1)
    health = soulcaster_client.http.get("/health")
    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "ok"
    assert body["store"] == {"kind": "sqlite", "reachable": True}
    assert "manual" in body["plugins"]["loaded"]
    assert "report" not in health.text and "test" not in health.text


def test_openapi_documents_every_route(soulcaster_client: SoulcasterClient) -> None:
    doc = soulcaster_client.http.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    paths = doc["paths"]
    for path in (
        "/ingest/{source}/webhook",
        "/ingest/{source}/sync",
        "/config/{source}",
        "/config/{source}/{name}",
        "/api/feedback",
        "/api/stats",
        "/api/dead-letters/{letter_id}/replay",
        "/health",
    ):
        assert path in paths, path
    assert "401" in paths["/ingest/{source}/webhook"]["post"]["responses"]


def test_a_mangled_cursor_is_400(soulcaster_client: SoulcasterClient) -> None:
    _post(soulcaster_client, 2)
    for cursor in ("abc", "12", ":x", "1" * 30 + ":x"):
        response = soulcaster_client.api.get(
            "/api/feedback", params={"project_id": "test", "cursor": cursor}
        )
        assert response.status_code == 400, cursor
        assert "cursor" in response.json()["error"]


def test_the_dashboard_cookie_does_not_open_the_api(soulcaster_client: SoulcasterClient) -> None:
    from soulcaster_core.testing import TEST_TOKEN
    from soulcaster_core.web.auth import SESSION_COOKIE

    # What a page of another site could make a logged-in browser send: only the cookie.
    soulcaster_client.http.get("/", params={"token": TEST_TOKEN}, follow_redirects=False)
    assert SESSION_COOKIE in soulcaster_client.http.cookies
    try:
        response = soulcaster_client.http.put(
            "/config/manual", params={"project_id": "test"}, json={"enabled": False}
        )
        assert response.status_code == 401
        page = soulcaster_client.http.get("/settings/integrations")
        assert page.status_code == 200, "the dashboard's pages take the cookie"
    finally:
        soulcaster_client.http.cookies.clear()
