"""Logging in and out, the session cookie, and the CSRF checks of every dashboard form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient, running_app

from .conftest import HTML, csrf_of


@pytest.fixture
def stranger(tmp_path: Path) -> Iterator[SoulcasterClient]:
    """The real app and a browser that has not logged in."""
    with running_app(data_dir=tmp_path) as client:
        yield client


def login_form(client: SoulcasterClient, path: str = "/login") -> dict[str, str]:
    page = client.http.get(path)
    assert page.status_code == 200
    fields = dict(re.findall(r'name="(nonce|next)" value="([^"]*)"', page.text))
    return fields


@pytest.mark.parametrize(
    "path", ["/", "/settings/integrations", "/feedback", "/feedback/abc", "/clusters"]
)
def test_pages_send_strangers_to_the_login_form(stranger: SoulcasterClient, path: str) -> None:
    response = stranger.http.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")
    assert TEST_TOKEN not in stranger.http.get(path).text


def test_the_serve_link_logs_in_and_drops_the_token_from_the_address(
    stranger: SoulcasterClient,
) -> None:
    response = stranger.http.get(f"/?token={TEST_TOKEN}&project_id=test", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/?project_id=test"
    cookie = response.headers["set-cookie"]
    assert "soulcaster_session=" in cookie
    assert "HttpOnly" in cookie
    assert "samesite=lax" in cookie.lower()
    assert "Secure" not in cookie  # plain http: a Secure cookie would never come back
    assert TEST_TOKEN not in cookie
    assert stranger.http.get("/").status_code == 200


def test_over_https_the_cookie_is_secure(stranger: SoulcasterClient) -> None:
    response = stranger.http.get(f"https://testserver/?token={TEST_TOKEN}", follow_redirects=False)
    assert "Secure" in response.headers["set-cookie"]


def test_a_wrong_link_token_logs_nobody_in(stranger: SoulcasterClient) -> None:
    response = stranger.http.get("/?token=guess", follow_redirects=False)
    assert response.headers["location"] == "/login?error=token"
    assert "set-cookie" not in response.headers
    assert "not valid" in stranger.http.get("/login?error=token").text


def test_the_login_form_takes_the_token_and_returns_to_the_page_asked_for(
    stranger: SoulcasterClient,
) -> None:
    fields = login_form(stranger, "/login?next=/feedback%3Fsource%3Dmanual")
    assert fields["next"] == "/feedback?source=manual"
    wrong = stranger.http.post("/login", data={**fields, "token": "nope"})
    assert wrong.status_code == 401
    assert "Wrong token" in wrong.text
    fields = login_form(stranger, "/login?next=/feedback%3Fsource%3Dmanual")
    right = stranger.http.post(
        "/login", data={**fields, "token": f" {TEST_TOKEN}\n"}, follow_redirects=False
    )
    assert right.status_code == 303
    assert right.headers["location"] == "/feedback?source=manual"
    assert stranger.http.get("/feedback").status_code == 200


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil"])
def test_login_never_sends_anyone_to_another_site(stranger: SoulcasterClient, target: str) -> None:
    fields = login_form(stranger)
    response = stranger.http.post(
        "/login", data={**fields, "next": target, "token": TEST_TOKEN}, follow_redirects=False
    )
    assert response.headers["location"] == "/"


def test_a_login_post_from_another_page_is_refused(stranger: SoulcasterClient) -> None:
    # No nonce cookie: the form was not ours (login CSRF).
    response = stranger.http.post("/login", data={"token": TEST_TOKEN, "nonce": "x"})
    assert response.status_code == 403
    assert "soulcaster_session" not in response.headers.get("set-cookie", "")


def test_logout_needs_the_form_token_then_forgets_the_session(
    dashboard: SoulcasterClient,
) -> None:
    refused = dashboard.http.post("/logout", headers=HTML)
    assert refused.status_code == 403
    assert dashboard.http.get("/", follow_redirects=False).status_code == 200
    csrf = csrf_of(dashboard.http.get("/").text)
    out = dashboard.http.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert out.headers["location"] == "/login"
    assert dashboard.http.get("/", follow_redirects=False).status_code == 303


def test_logout_ends_a_copied_cookie_too_and_a_new_login_works(
    dashboard: SoulcasterClient,
) -> None:
    copied = dashboard.http.cookies["soulcaster_session"]  # as a stolen or shared cookie would be
    csrf = csrf_of(dashboard.http.get("/").text)
    dashboard.http.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    dashboard.http.cookies.clear()
    dashboard.http.cookies.set("soulcaster_session", copied)
    assert dashboard.http.get("/", follow_redirects=False).status_code == 303, "sent to /login"
    dashboard.http.cookies.clear()
    dashboard.http.get("/", params={"token": TEST_TOKEN}, follow_redirects=False)
    assert dashboard.http.cookies["soulcaster_session"] != copied
    assert dashboard.http.get("/", follow_redirects=False).status_code == 200


def test_posts_without_the_csrf_token_change_nothing(dashboard: SoulcasterClient) -> None:
    url = "/settings/integrations/manual/enabled?project_id=test"
    response = dashboard.http.post(url, data={"enabled": "false"})
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]
    page = dashboard.http.post(url, data={"enabled": "false", "csrf_token": "x"}, headers=HTML)
    assert page.status_code == 403
    assert "text/html" in page.headers["content-type"]
    assert "reload the page" in page.text
    shown = dashboard.api.get("/config/manual", params={"project_id": "test"}).json()
    assert shown["enabled"] is True


def test_posts_from_another_origin_are_refused_even_with_the_token(
    dashboard: SoulcasterClient,
) -> None:
    csrf = csrf_of(dashboard.http.get("/settings/integrations").text)
    url = "/settings/integrations/manual/enabled?project_id=test"
    data = {"enabled": "false", "csrf_token": csrf}
    evil = dashboard.http.post(url, data=data, headers={"origin": "https://evil.example"})
    assert evil.status_code == 403
    ours = dashboard.http.post(
        url, data=data, headers={"origin": "http://testserver"}, follow_redirects=False
    )
    assert ours.status_code == 303


def test_pages_forbid_framing_and_foreign_scripts(dashboard: SoulcasterClient) -> None:
    headers = dashboard.http.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["cache-control"] == "no-store"


def test_a_form_posted_after_the_session_ended_leads_to_the_login_form(
    stranger: SoulcasterClient,
) -> None:
    response = stranger.http.post(
        "/settings/integrations/manual/enabled?project_id=test",
        data={"enabled": "false"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/login"
    shown = stranger.api.get("/config/manual", params={"project_id": "test"}).json()
    assert shown["enabled"] is True
