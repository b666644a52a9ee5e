"""How a source's deliveries prove who sent them, declared on the handler::

    class JiraHandler(WebhookHandler[...]):
        auth = SharedToken()                                       # a token the sender repeats
        auth = HmacSha256("X-Hub-Signature-256", prefix="sha256=") # a signature of the body

From the declaration the core derives the handler's ``authenticate`` (constant-time comparison
over the raw body bytes), the signed request "send test webhook" posts, the setup text the
dashboard shows and which config fields make the source open or closed. A handler whose sender
does something else still overrides ``authenticate`` (and ``sample_request``).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, SecretStr

from .errors import Unauthorized
from .handler import WebhookRequest, require_shared_token, secrets_equal
from .timestamps import parse_timestamp

__all__ = ["HmacSha256", "SharedToken", "SourceAuth", "secret_values"]


def secret_values(config: BaseModel, fields: tuple[str, ...]) -> list[str]:
    """The non-empty values of ``fields`` in ``config``, in that order."""
    found: list[str] = []
    for name in fields:
        value = getattr(config, name, None)
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if isinstance(value, str) and value:
            found.append(value)
    return found


class SourceAuth(ABC):
    """What every declared auth gives the core."""

    @abstractmethod
    def secret_fields(self) -> tuple[str, ...]:
        """The config fields holding the secret(s); with none set the source is not set up."""

    @abstractmethod
    def check(self, request: WebhookRequest, secrets: list[str], config: BaseModel) -> None:
        """Raise ``Unauthorized`` unless ``request`` proves it knows one of ``secrets``."""

    @abstractmethod
    def sign(self, request: WebhookRequest, secret: str) -> WebhookRequest:
        """``request`` as the sender would send it with ``secret``."""

    @abstractmethod
    def instructions(self) -> str:
        """What the sender must set up; ``{token}`` stands for the secret."""

    def authenticate(self, request: WebhookRequest, config: BaseModel) -> None:
        """Check ``request`` against what ``config`` holds; nothing set: nothing to check."""
        secrets = secret_values(config, self.secret_fields())
        if secrets:
            self.check(request, secrets, config)

    def signed_sample(self, request: WebhookRequest, config: BaseModel) -> WebhookRequest:
        secrets = secret_values(config, self.secret_fields())
        return self.sign(request, secrets[0]) if secrets else request


def _with(
    request: WebhookRequest,
    headers: Mapping[str, str] | None = None,
    query: Mapping[str, str] | None = None,
) -> WebhookRequest:
    return WebhookRequest(
        body=request.body,
        headers={**request.headers, **(headers or {})},
        query={**request.query, **(query or {})},
        received_at=request.received_at,
    )


@dataclass(frozen=True)
class SharedToken(SourceAuth):
    """A secret the sender repeats on every delivery, for senders that cannot sign.

    Taken from ``header``, ``Authorization: Bearer``, ``?token=`` and, with ``basic``, the
    password of ``Authorization: Basic`` (what Alertmanager's ``basic_auth`` sends; the user
    name is not checked).
    """

    secret_field: str = "webhook_secret"
    header: str = "X-Soulcaster-Token"
    #: A second secret that still passes while the first is rotated in.
    previous_field: str | None = None
    basic: bool = False
    #: Where the sample request carries the token: the header, the query string, or
    #: ``Authorization: Bearer`` (as senders configured with a bearer token send it).
    sample_in: Literal["header", "query", "bearer"] = "header"
    #: The setup text; by default it names the header and the query parameter.
    setup: str | None = None

    def secret_fields(self) -> tuple[str, ...]:
        return (self.secret_field, *((self.previous_field,) if self.previous_field else ()))

    def check(self, request: WebhookRequest, secrets: list[str], config: BaseModel) -> None:
        tokens = [SecretStr(secret) for secret in secrets]
        require_shared_token(request, *tokens, header=self.header.lower(), basic=self.basic)

    def sign(self, request: WebhookRequest, secret: str) -> WebhookRequest:
        if self.sample_in == "query":
            return _with(request, query={"token": secret})
        if self.sample_in == "bearer":
            return _with(request, headers={"authorization": f"Bearer {secret}"})
        return _with(request, headers={self.header.lower(): secret})

    def instructions(self) -> str:
        if self.setup is not None:
            return self.setup
        return (
            f"Send the secret as the {self.header} header, as Authorization: Bearer, or append "
            "?token={token} to the webhook URL."
        )


@dataclass(frozen=True)
class HmacSha256(SourceAuth):
    """The sender signs each delivery: hex HMAC-SHA256 of the raw body under the secret.

    ``timestamp_header`` names the header carrying the send time (Unix seconds or ISO 8601);
    a delivery more than ``tolerance`` seconds off our clock is refused as a possible replay.
    ``tolerance`` is a number of seconds or the name of the config field holding it. With
    ``timestamp_signed`` the signed text is ``"{timestamp}:{body}"`` (Grafana), otherwise the
    body alone (Sentry, whose timestamp only narrows the window). ``timestamp_required=False``
    lets a sender configured without the timestamp through on the signature alone.
    """

    header: str
    secret_field: str = "webhook_secret"
    prefix: str = ""
    timestamp_header: str | None = None
    tolerance: int | str = 300
    previous_field: str | None = None
    timestamp_signed: bool = False
    timestamp_required: bool = True
    setup: str | None = None

    def secret_fields(self) -> tuple[str, ...]:
        return (self.secret_field, *((self.previous_field,) if self.previous_field else ()))

    def signature(self, body: bytes, secret: str, timestamp: str | None = None) -> str:
        """The header value a sender puts on ``body`` (sent at ``timestamp``)."""
        mac = hmac.new(secret.encode("utf-8"), digestmod=hashlib.sha256)
        if self.timestamp_signed and timestamp is not None:
            mac.update(timestamp.encode("utf-8") + b":")
        mac.update(body)
        return self.prefix + mac.hexdigest()

    def verify(self, request: WebhookRequest, secret: str) -> bool:
        """Whether the request's signature is the body's under ``secret`` (constant time)."""
        given = request.headers.get(self.header)
        if not secret or given is None:
            return False
        timestamp = request.headers.get(self.timestamp_header) if self.timestamp_header else None
        expected = self.signature(request.body, secret, timestamp)
        return secrets_equal(given.strip().lower(), expected.lower())

    def check(self, request: WebhookRequest, secrets: list[str], config: BaseModel) -> None:
        if request.headers.get(self.header) is None:
            raise Unauthorized(f"missing {self.header} header")
        # Try every secret so the time taken does not tell which one came close.
        verdicts = [self.verify(request, secret) for secret in secrets]
        if not any(verdicts):
            raise Unauthorized(
                f"{self.header} does not match the body signed with the configured secret"
            )
        if self.timestamp_header is not None:
            self._check_timestamp(request, self._tolerance(config))

    def _tolerance(self, config: BaseModel) -> int:
        if isinstance(self.tolerance, int):
            return self.tolerance
        value: Any = getattr(config, self.tolerance)
        return int(value)

    def _check_timestamp(self, request: WebhookRequest, tolerance: int) -> None:
        name = self.timestamp_header
        assert name is not None
        raw = request.headers.get(name)
        if raw is None:
            if not self.timestamp_required:
                return
            # The sender always sends it, so a signed request without one was not its own.
            raise Unauthorized(f"missing {name} header")
        sent = parse_timestamp(raw)
        if sent is None:
            raise Unauthorized(f"{name}: not a Unix time: {raw[:40]!r}")
        age = (request.received_at - sent).total_seconds()
        if age > tolerance:
            raise Unauthorized(
                f"{name} is {int(age)} s old; deliveries older than {tolerance} s are refused "
                "as possible replays"
            )
        if -age > tolerance:
            raise Unauthorized(
                f"{name} is {int(-age)} s in the future; clocks may differ by at most {tolerance} s"
            )

    def sign(self, request: WebhookRequest, secret: str) -> WebhookRequest:
        headers: dict[str, str] = {}
        timestamp = None
        if self.timestamp_header is not None:
            timestamp = str(int(time.time()))
            headers[self.timestamp_header.lower()] = timestamp
        headers[self.header.lower()] = self.signature(request.body, secret, timestamp)
        return _with(request, headers=headers)

    def instructions(self) -> str:
        if self.setup is not None:
            return self.setup
        return (
            f"Set the sender's signing secret to {{token}}: it signs each delivery ({self.header})."
        )
