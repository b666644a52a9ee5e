"""/settings/integrations: cards from the plugin host, config forms, switch, URL, test webhook."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, Field, SecretStr

from soulcaster_core import FeedbackItem, SourceConfig, WebhookHandler, WebhookRequest, hookimpl
from soulcaster_core.handler import secret_field_names
from soulcaster_core.plugins import load_plugins
from soulcaster_core.testing import SoulcasterClient, running_app

from .conftest import HTML, csrf_of, log_in

SETTINGS = "/settings/integrations?project_id=test"


class Thresholds(BaseModel):
    warn: int = 5
    page: int = 10


class AcmeConfig(SourceConfig):
    #: Signs every delivery (HMAC-SHA256 in ``X-Acme-Signature``).
    signing_secret: SecretStr | None = None
    severity: list[str] = Field(default_factory=lambda: ["high"])
    thresholds: Thresholds = Field(default_factory=Thresholds)


class AcmeHandler(WebhookHandler[dict[str, Any], AcmeConfig]):
    """A third party's source: the core knows nothing about it."""

    source = "acme-alerts"
    Config = AcmeConfig
    description = "Acme Alerts, from a plugin the core has never heard of."
    auth_instructions = "Add the header X-Acme-Signature signed with {token}."
    sample = {"id": "A-1", "title": "Disk almost full", "severity": "high"}

    def authenticate(self, request: WebhookRequest, config: AcmeConfig) -> None:
        from soulcaster_core import Unauthorized

        if config.signing_secret is not None:
            expected = "signed:" + config.signing_secret.get_secret_value()
            if request.headers.get("x-acme-signature") != expected:
                raise Unauthorized("bad signature")

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        return FeedbackItem(
            project_id=project_id, source=self.source, external_id=event["id"], title=event["title"]
        )

    def sample_request(self, config: AcmeConfig) -> WebhookRequest:
        request = super().sample_request(config)
        if config.signing_secret is None:
            return request
        signature = "signed:" + config.signing_secret.get_secret_value()
        headers = {**request.headers, "x-acme-signature": signature}
        from starlette.datastructures import Headers

        return WebhookRequest(body=request.body, headers=Headers(headers))


class AcmePlugin:
    __name__ = "acme"

    @hookimpl
    def register_sources(self, register: Any) -> None:
        register(AcmeHandler)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[SoulcasterClient]:
    with running_app(data_dir=tmp_path, plugins=[AcmePlugin()]) as app_client:
        log_in(app_client)
        yield app_client


def card(page: str, source: str) -> str:
    """The HTML of one source's card."""
    found = re.search(rf'<article [^>]*id="source-{re.escape(source)}".*?</article>', page, re.S)
    assert found, f"no card for {source}"
    return found.group(0)


def post(client: SoulcasterClient, path: str, **data: str) -> httpx.Response:
    csrf = csrf_of(client.http.get(SETTINGS).text)
    url = f"/settings/integrations/{path}?project_id=test"
    response: httpx.Response = client.http.post(
        url, data={"csrf_token": csrf, **data}, headers=HTML
    )
    return response


def config_form(page: str, source: str) -> dict[str, str]:
    """The fields of a card's config form as a browser would post them, unchanged."""
    form = re.search(r'<form [^>]*action="[^"]*/config[^"]*".*?</form>', card(page, source), re.S)
    assert form
    data: dict[str, str] = {}
    for tag in re.findall(r"<(?:input|textarea)[^>]*>(?:[^<]*</textarea>)?", form.group(0)):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or ("checkbox" in tag and "checked" not in tag):
            continue
        value = re.search(r'value="([^"]*)"', tag)
        text = re.search(r">([^<]*)</textarea>", tag)
        raw = text.group(1) if text else value.group(1) if value else ""
        data[name.group(1)] = html.unescape(raw)
    return data


def test_every_installed_plugin_and_a_third_party_one_get_a_card(
    client: SoulcasterClient,
) -> None:
    page = client.http.get(SETTINGS).text
    for source in [*load_plugins().handlers, "acme-alerts"]:
        assert f'id="source-{source}"' in page
    acme = card(page, "acme-alerts")
    assert "Acme Alerts, from a plugin the core has never heard of." in acme
    assert "HMAC-SHA256 in <code>X-Acme-Signature</code>" in acme  # help from the #: comment
    assert 'name="field.severity"' in acme
    assert 'name="field.thresholds"' in acme  # a nested model, as JSON


def test_the_webhook_url_and_what_the_sender_adds(client: SoulcasterClient) -> None:
    acme = card(client.http.get(SETTINGS).text, "acme-alerts")
    assert 'value="http://testserver/ingest/acme-alerts/webhook?project_id=test"' in acme
    assert "signed with &lt;signing_secret&gt;" in acme
    assert "No secret is set" in acme
    assert 'data-copy="url-acme-alerts"' in acme


def test_the_url_uses_the_public_address_when_one_is_set(tmp_path: Path) -> None:
    with running_app(data_dir=tmp_path, public_url="https://ingest.acme.example/") as app:
        log_in(app)
        manual = card(app.http.get(SETTINGS).text, "manual")
    assert 'value="https://ingest.acme.example/ingest/manual/webhook?project_id=test"' in manual


def test_secrets_are_write_only_on_the_page(client: SoulcasterClient) -> None:
    client.configure("acme-alerts", signing_secret="s3cret-value")
    acme = card(client.http.get(SETTINGS).text, "acme-alerts")
    assert "s3cret-value" not in acme
    assert "**********" not in acme
    assert 'placeholder="set — leave blank to keep"' in acme
    assert "A secret is set" in acme


def test_saving_the_form_changes_only_what_was_edited(client: SoulcasterClient) -> None:
    client.configure("acme-alerts", signing_secret="keep-me")
    form = config_form(client.http.get(SETTINGS).text, "acme-alerts")
    form["field.severity"] = "high\r\ncritical"
    response = post(client, "acme-alerts/config", **form)
    assert response.status_code == 200  # after the redirect
    assert "Saved." in card(response.text, "acme-alerts")
    shown = client.api.get("/config/acme-alerts", params={"project_id": "test"}).json()
    assert shown["severity"] == ["high", "critical"]
    assert shown["signing_secret"] == "**********"  # blank input: kept


def test_a_secret_typed_in_is_stored_and_clear_removes_it(client: SoulcasterClient) -> None:
    form = config_form(client.http.get(SETTINGS).text, "acme-alerts")
    post(client, "acme-alerts/config", **{**form, "field.signing_secret": "typed"})
    request = AcmeHandler().sample_request(AcmeConfig(signing_secret=SecretStr("typed")))
    sent = client.post_webhook("acme-alerts", request.body, headers=dict(request.headers))
    assert sent.status_code == 201
    form = config_form(client.http.get(SETTINGS).text, "acme-alerts")
    post(client, "acme-alerts/config", **{**form, "clear.signing_secret": "1"})
    shown = client.api.get("/config/acme-alerts", params={"project_id": "test"}).json()
    assert shown["signing_secret"] is None


def test_invalid_values_are_explained_on_the_card_and_kept_in_the_form(
    client: SoulcasterClient,
) -> None:
    form = config_form(client.http.get(SETTINGS).text, "acme-alerts")
    form["field.thresholds"] = '{"warn": "lots"}'
    response = post(client, "acme-alerts/config", **form)
    assert response.status_code == 400
    acme = card(response.text, "acme-alerts")
    assert "thresholds.warn" in acme and "integer" in acme
    assert "{&#34;warn&#34;: &#34;lots&#34;}" in acme  # what was typed is still there
    broken_json = post(client, "acme-alerts/config", **{**form, "field.thresholds": "{"})
    assert "not valid JSON" in card(broken_json.text, "acme-alerts")


def test_the_switch_turns_a_source_off_and_on(client: SoulcasterClient) -> None:
    off = post(client, "manual/enabled", enabled="false")
    manual = card(off.text, "manual")
    assert "Disabled" in manual and ">Enable<" in manual
    ignored = client.post_webhook("manual", {"title": "while off"})
    assert ignored.json()["status"] == "ignored"
    on = post(client, "manual/enabled", enabled="true")
    assert "Enabled: deliveries are accepted." in card(on.text, "manual")
    assert client.post_webhook("manual", {"title": "back on"}).status_code == 201


def test_the_test_webhook_goes_through_the_pipeline_and_is_counted(
    client: SoulcasterClient,
) -> None:
    first = card(post(client, "manual/test").text, "manual")
    assert "HTTP 201" in first and "created" in first
    again = card(post(client, "manual/test").text, "manual")
    assert "HTTP 200" in again and "duplicate" in again
    stats = client.api.get("/api/stats", params={"project_id": "test"}).json()
    assert stats["sources"]["manual"]["events_24h"] == 2
    assert stats["duplicates_24h"] == 1


def test_a_refused_test_webhook_shows_the_401_a_sender_would_get(
    client: SoulcasterClient,
) -> None:
    class Forgetful(AcmeHandler):
        def sample_request(self, config: AcmeConfig) -> WebhookRequest:
            return WebhookHandler.sample_request(self, config)  # forgets to sign

    client.configure("acme-alerts", signing_secret="x")
    client.app.state.soulcaster.plugins.handlers["acme-alerts"] = Forgetful()
    acme = card(post(client, "acme-alerts/test").text, "acme-alerts")
    assert "HTTP 401" in acme and "bad signature" in acme


INSTALLED = load_plugins().handlers


@pytest.mark.parametrize(
    "source",
    sorted(
        s for s, h in INSTALLED.items() if h.sample is not None and secret_field_names(h.Config)
    ),
)
def test_with_a_secret_set_the_test_webhook_is_signed_and_accepted(
    client: SoulcasterClient, source: str
) -> None:
    handler = INSTALLED[source]
    secret = secret_field_names(handler.Config)[0]
    client.configure(source, **{secret: "a-real-looking-secret"})
    outcome = card(post(client, f"{source}/test").text, source)
    assert re.search(r"HTTP 20[01]</strong>: (created|duplicate|updated)", outcome), outcome


def test_a_source_without_a_sample_cannot_send_one(client: SoulcasterClient) -> None:
    # On this app's handler instance only: the class keeps its sample for other tests.
    client.app.state.soulcaster.plugins.handlers["acme-alerts"].sample = None
    acme = card(client.http.get(SETTINGS).text, "acme-alerts")
    assert re.search(r"<button [^>]*disabled[^>]*>Send test webhook", acme)
    assert post(client, "acme-alerts/test").status_code == 400


def test_a_broken_plugin_is_listed_with_its_error(client: SoulcasterClient) -> None:
    from soulcaster_core.plugins import PluginInfo

    host = client.app.state.soulcaster.plugins
    host.plugins["flaky"] = PluginInfo(name="flaky", error="ImportError: no module named vendor")
    page = client.http.get(SETTINGS).text
    assert "This plugin is broken and was not loaded: ImportError: no module named vendor" in page


@pytest.mark.parametrize(
    ("public_url", "warned"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1"),
        ("http://localhost:8000/", "localhost"),
        ("http://[::1]:8000", "::1"),
        ("https://ingest.acme.example", None),
        ("http://10.0.0.5:8000", None),
    ],
)
def test_a_loopback_public_url_is_warned_about(
    tmp_path: Path, public_url: str, warned: str | None
) -> None:
    with running_app(data_dir=tmp_path, public_url=public_url) as app:
        log_in(app)
        page = app.http.get(SETTINGS).text
    if warned is None:
        assert 'data-testid="loopback-warning"' not in page
    else:
        assert 'data-testid="loopback-warning"' in page
        assert f"<code>{warned}</code>, which is this machine only" in page
