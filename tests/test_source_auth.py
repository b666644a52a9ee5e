"""Auth declared on a handler: what the core derives from ``SharedToken`` and ``HmacSha256``."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import pytest
from pydantic import SecretStr

from soulcaster_core import (
    FeedbackItem,
    HmacSha256,
    SharedToken,
    SourceConfig,
    Unauthorized,
    WebhookHandler,
    WebhookRequest,
)
from soulcaster_core.models import utcnow

SECRET = "k3y-of-the-sender"


class TokenConfig(SourceConfig):
    webhook_secret: SecretStr | None = None
    old_secret: SecretStr | None = None


class Signed(WebhookHandler[dict[str, Any], TokenConfig]):
    source = "signed"
    Config = TokenConfig
    sample = {"title": "disk full"}
    auth = HmacSha256(
        "X-Signature",
        prefix="sha256=",
        timestamp_header="X-Timestamp",
        tolerance=60,
        timestamp_signed=True,
        previous_field="old_secret",
    )

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        return FeedbackItem(
            project_id=project_id, source=self.source, external_id="x", title=event["title"]
        )


class Basic(Signed):
    source = "basic"
    auth = SharedToken(basic=True)


def test_the_signed_sample_passes_and_a_changed_body_does_not() -> None:
    handler, config = Signed(), TokenConfig(webhook_secret=SECRET)
    request = handler.sample_request(config)
    assert request.headers["x-signature"].startswith("sha256=")
    handler.authenticate(request, config)
    tampered = WebhookRequest(body=request.body + b" ", headers=request.headers)
    with pytest.raises(Unauthorized, match="does not match"):
        handler.authenticate(tampered, config)


def test_the_timestamp_is_signed_and_bounded() -> None:
    handler, config = Signed(), TokenConfig(webhook_secret=SECRET)
    request = handler.sample_request(config)
    moved = {**request.headers, "x-timestamp": str(int(request.headers["x-timestamp"]) - 1)}
    with pytest.raises(Unauthorized, match="does not match"):
        handler.authenticate(WebhookRequest(body=request.body, headers=moved), config)
    late = WebhookRequest(
        body=request.body, headers=request.headers, received_at=utcnow() + timedelta(minutes=5)
    )
    with pytest.raises(Unauthorized, match="s old"):
        handler.authenticate(late, config)


def test_the_previous_secret_still_verifies() -> None:
    handler = Signed()
    request = handler.sample_request(TokenConfig(webhook_secret="retired"))
    handler.authenticate(request, TokenConfig(webhook_secret=SECRET, old_secret="retired"))
    with pytest.raises(Unauthorized):
        handler.authenticate(request, TokenConfig(webhook_secret=SECRET))


def test_declared_auth_names_the_credentials_and_the_setup_text() -> None:
    assert Signed.credentials() == ("webhook_secret", "old_secret")
    assert "X-Signature" in Signed.auth_instructions
    assert "{token}" in Basic.auth_instructions
    assert not Signed().has_credentials(TokenConfig())


@pytest.mark.parametrize(
    ("authorization", "passes"),
    [
        (f"Basic {base64.b64encode(f'alertmanager:{SECRET}'.encode()).decode()}", True),
        (f"Bearer {SECRET}", True),
        (f"Basic {base64.b64encode(b'alertmanager:nope').decode()}", False),
        ("Basic not-base64!", False),
        (f"Basic {base64.b64encode(SECRET.encode()).decode()}", False),  # no user:password
    ],
)
def test_basic_auth_checks_the_password(authorization: str, passes: bool) -> None:
    request = WebhookRequest(body=b"{}", headers={"Authorization": authorization})
    config = TokenConfig(webhook_secret=SECRET)
    if passes:
        Basic().authenticate(request, config)
    else:
        with pytest.raises(Unauthorized):
            Basic().authenticate(request, config)


def test_authenticate_stays_overridable() -> None:
    class Stricter(Basic):
        source = "stricter"

        def authenticate(self, request: WebhookRequest, config: TokenConfig) -> None:
            if request.headers.get("x-from") != "us":
                raise Unauthorized("not from us")
            super().authenticate(request, config)

    config = TokenConfig(webhook_secret=SECRET)
    with pytest.raises(Unauthorized, match="not from us"):
        Stricter().authenticate(Stricter().sample_request(config), config)
    headers = {**Stricter().sample_request(config).headers, "X-From": "us"}
    Stricter().authenticate(WebhookRequest(body=b"{}", headers=headers), config)


def test_headers_may_be_any_mapping_and_are_case_insensitive() -> None:
    request = WebhookRequest(body=b"{}", headers={"X-Soulcaster-Token": SECRET})
    assert request.headers.get("x-soulcaster-token") == SECRET
    Basic().authenticate(request, TokenConfig(webhook_secret=SECRET))
