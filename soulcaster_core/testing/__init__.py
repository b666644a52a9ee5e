"""Test helpers for Soulcaster and its plugins; also a pytest plugin (fixtures below).

``soulcaster-core`` registers this module under the ``pytest11`` entry point, so any test
suite that has the core installed gets the fixtures ``soulcaster_client`` (real app, SQLite
store in a temporary folder) and ``soulcaster_redis_client`` (real app, real Redis, a key
prefix of its own), plus ``HandlerContract``, the tests every source handler must pass, and
``StoreContract``, the tests every store adapter must pass (``testing/store/``), and
``EmbedderContract`` and ``VectorIndexContract`` for the clustering ports' adapters
(``testing/clustering.py``). docs/adapters.md says how to use them.

Their project allows unauthenticated ingestion, so a test that is not about credentials posts
without any. A new project is closed: a source without a secret answers 401. Tests about
credentials configure a secret (``client.configure(source, webhook_secret=...)``), or start
from a closed project: ``soulcaster_closed_client``, ``running_app(allow_unauthenticated=False)``
or ``client.open_project(False)``.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest

from ..handler import SourceConfig, WebhookHandler, WebhookRequest, hmac_sha256_hex
from ..hookspecs import hookimpl
from ..models import FeedbackItem
from .clustering import EmbedderContract, VectorIndexContract
from .store import StoreContract

__all__ = [
    "TEST_PROJECT",
    "TEST_TOKEN",
    "EmbedderContract",
    "HandlerContract",
    "SoulcasterClient",
    "StoreContract",
    "VectorIndexContract",
    "hmac_sha256_hex",
    "hook_names",
    "json_fixtures",
    "running_app",
    "soulcaster_client",
    "soulcaster_closed_client",
    "soulcaster_redis_client",
    "webhook_request",
]

TEST_TOKEN = "test-token"
TEST_PROJECT = "test"


def hook_names() -> list[str]:
    """The name of every hook a plugin can implement (``soulcaster_core/hookspecs.py``)."""
    import pluggy

    from .. import hookspecs

    pm = pluggy.PluginManager("soulcaster")
    pm.add_hookspecs(hookspecs)
    return sorted(name for name in vars(pm.hook) if not name.startswith("_"))


def test_redis_url() -> str:
    return os.environ.get("SOULCASTER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _as_body(payload: Any) -> bytes:
    if isinstance(payload, bytes):
        return payload
    return json.dumps(payload).encode()


def webhook_request(
    payload: Any,
    *,
    headers: Mapping[str, str] | None = None,
    query: Mapping[str, str] | None = None,
) -> WebhookRequest:
    """A ``WebhookRequest`` for calling a handler's steps directly; dicts are JSON-encoded."""
    base = {"content-type": "application/json"}
    base.update(headers or {})
    return WebhookRequest(body=_as_body(payload), headers=base, query=dict(query or {}))


def json_fixtures(folder: Path) -> Callable[[str], dict[str, Any]]:
    """A loader of ``folder/<name>.json``; each call returns a fresh copy tests may edit."""

    def load(name: str) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads((folder / f"{name}.json").read_text())
        return loaded

    return load


class _WithToken:
    """The test client, with the API token on every call (config and read routes need it)."""

    def __init__(self, http: Any, token: str) -> None:
        self._http = http
        self._auth = {"authorization": f"Bearer {token}"}

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        kwargs["headers"] = {**self._auth, **(kwargs.get("headers") or {})}
        response: httpx.Response = self._http.request(method, url, **kwargs)
        return response

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", url, **kwargs)


class SoulcasterClient:
    """The real app behind Starlette's test client, with shortcuts for webhook tests.

    ``http`` sends requests as a webhook sender would (no API token); ``api`` adds the token.
    """

    def __init__(self, http: Any, app: Any, project_id: str = TEST_PROJECT) -> None:
        self.http = http
        self.api = _WithToken(http, TEST_TOKEN)
        self.app = app
        self.project_id = project_id

    @property
    def store(self) -> Any:
        return self.app.state.soulcaster.store

    def post_webhook(
        self,
        source: str,
        payload: Any,
        *,
        headers: Mapping[str, str] | None = None,
        query: Mapping[str, str] | None = None,
        project_id: str | None = None,
        path: str = "webhook",
        as_owner: bool = False,
    ) -> httpx.Response:
        """POST to ``/ingest/{source}/{path}``; a dict payload is JSON-encoded.

        ``as_owner`` adds the API token, so an ``ignored`` answer names the filter that turned
        the delivery away (a sender without it is told only that a filter did)."""
        params = {"project_id": project_id or self.project_id, **(query or {})}
        url = f"/ingest/{source}/{path}" if path else f"/ingest/{source}"
        owner = {"authorization": f"Bearer {TEST_TOKEN}"} if as_owner else {}
        sent = {"content-type": "application/json", **owner, **(headers or {})}
        response: httpx.Response = self.http.post(
            url, content=_as_body(payload), params=params, headers=sent
        )
        return response

    def open_project(self, allowed: bool = True) -> None:
        """Let sources without a secret take unauthenticated deliveries (or, ``False``, not)."""
        response = self.api.put(
            f"/api/projects/{self.project_id}", json={"allow_unauthenticated": allowed}
        )
        assert response.status_code == 200, response.text

    def configure(self, source: str, **values: Any) -> httpx.Response:
        response = self.api.put(
            f"/config/{source}", params={"project_id": self.project_id}, json=values
        )
        assert response.status_code == 200, response.text
        return response

    def items(self, source: str | None = None) -> list[dict[str, Any]]:
        params = {"project_id": self.project_id, "limit": "200"}
        if source:
            params["source"] = source
        response = self.api.get("/api/feedback", params=params)
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items

    def item(self, item_id: str) -> dict[str, Any]:
        response = self.api.get(f"/api/feedback/{item_id}", params={"project_id": self.project_id})
        assert response.status_code == 200, response.text
        item: dict[str, Any] = response.json()
        return item


@contextmanager
def running_app(
    *,
    store: str = "sqlite",
    data_dir: Path,
    plugins: Sequence[object] = (),
    load_entrypoints: bool = True,
    allow_unauthenticated: bool = True,
    **settings: Any,
) -> Iterator[SoulcasterClient]:
    """The real app, started (lifespan and all), on a fresh SQLite file or Redis key space.

    Its project takes unauthenticated deliveries unless ``allow_unauthenticated=False``."""
    from starlette.testclient import TestClient

    from ..settings import Settings
    from ..wiring import create_app

    options: dict[str, Any] = {
        "data_dir": data_dir,
        "api_token": TEST_TOKEN,
        "run_worker": False,
        **settings,
    }
    if store == "redis":
        options["redis_url"] = test_redis_url()
        options["redis_prefix"] = f"test-{uuid.uuid4().hex[:12]}:"
    if not load_entrypoints:
        options["load_plugins"] = ""
    app = create_app(Settings(**options), plugins=plugins)
    with TestClient(app, raise_server_exceptions=False) as http:
        client = SoulcasterClient(http, app)
        created = client.api.post(
            "/api/projects",
            json={"name": TEST_PROJECT, "allow_unauthenticated": allow_unauthenticated},
        )
        assert created.status_code in (200, 201), created.text
        try:
            yield client
        finally:
            if store == "redis":
                portal = http.portal
                assert portal is not None
                portal.call(client.store.destroy)


@pytest.fixture
def soulcaster_client(tmp_path: Path) -> Iterator[SoulcasterClient]:
    """The real app on an SQLite store in ``tmp_path``, every installed plugin loaded."""
    with running_app(store="sqlite", data_dir=tmp_path) as client:
        yield client


@pytest.fixture
def soulcaster_closed_client(tmp_path: Path) -> Iterator[SoulcasterClient]:
    """As ``soulcaster_client``, on a project as a new one is: sources without a secret are 401."""
    with running_app(store="sqlite", data_dir=tmp_path, allow_unauthenticated=False) as client:
        yield client


@pytest.fixture
def soulcaster_redis_client(tmp_path: Path) -> Iterator[SoulcasterClient]:
    """The real app on the real Redis (``SOULCASTER_TEST_REDIS_URL``), keys under a fresh prefix."""
    with running_app(store="redis", data_dir=tmp_path) as client:
        yield client


class HandlerContract:
    """Tests every source handler must pass. Subclass with ``handler_class = YourHandler``."""

    handler_class: ClassVar[type[WebhookHandler[Any, Any]]]

    def test_source_name_is_a_slug(self) -> None:
        import re

        from ..models import SLUG_PATTERN

        assert re.fullmatch(SLUG_PATTERN, self.handler_class.source)

    def test_config_has_defaults(self) -> None:
        assert issubclass(self.handler_class.Config, SourceConfig)
        self.handler_class.Config()

    def test_sample_maps_to_a_stable_item(self) -> None:
        handler = self.handler_class()
        assert handler.sample is not None, "ship a realistic sample for 'send test webhook'"
        request = handler.sample_request(self.handler_class.Config())
        first = list(handler.to_feedback_items(handler.parse_request(request), TEST_PROJECT))
        second = list(handler.to_feedback_items(handler.parse_request(request), TEST_PROJECT))
        assert first, "the sample maps to at least one item"
        for item in first:
            assert item.source == self.handler_class.source
            assert item.title.strip()
        same = [a.external_id == b.external_id for a, b in zip(first, second, strict=True)]
        assert all(same), "the same payload must dedup"

    def test_sample_goes_through_the_pipeline(self, soulcaster_client: SoulcasterClient) -> None:
        source = self.handler_class.source
        request = self.handler_class().sample_request(self.handler_class.Config())
        first = soulcaster_client.post_webhook(
            source, request.body, headers=dict(request.headers), query=dict(request.query)
        )
        assert first.status_code == 201, first.text
        assert first.json()["status"] == "created"
        again = soulcaster_client.post_webhook(
            source, request.body, headers=dict(request.headers), query=dict(request.query)
        )
        assert again.status_code == 200, again.text
        if not self.handler_class.maps_many():
            assert again.json() == {"status": "duplicate", "id": first.json()["id"]}
            return
        # A delivery of many items: a line per item, each a duplicate of the first time's.
        assert again.json()["status"] == "duplicate"
        before = [(line["external_id"], line["id"]) for line in first.json()["items"]]
        after = [(line["external_id"], line["id"]) for line in again.json()["items"]]
        assert after == before
        assert {line["status"] for line in again.json()["items"]} == {"duplicate"}

    @pytest.mark.parametrize("body", [b"", b"not json", b"[1, 2]", b"\xff\xfe", b'{"a": ' * 5])
    def test_unreadable_bodies_are_400(
        self, soulcaster_client: SoulcasterClient, body: bytes
    ) -> None:
        response = soulcaster_client.post_webhook(self.handler_class.source, body)
        assert response.status_code == 400, response.text
        assert response.json()["error"]

    def test_deliveries_without_the_secret_are_401(
        self, soulcaster_closed_client: SoulcasterClient
    ) -> None:
        """Closed until a secret is set; then only what carries it passes (the signed sample)."""
        client, source = soulcaster_closed_client, self.handler_class.source
        fields = self.handler_class.credentials()
        if not fields:
            pytest.skip("this source checks no credential")
        handler = self.handler_class()
        bare = handler.sample_request(self.handler_class.Config())
        unset = client.post_webhook(source, bare.body, headers=dict(bare.headers))
        assert unset.status_code == 401, unset.text
        assert fields[0] in unset.json()["error"], "the 401 says which secret to set"
        secret = "contract-" + "s3cret" * 4
        client.configure(source, **{fields[0]: secret})
        wrong = handler.sample_request(self.handler_class.Config(**{fields[0]: "not-" + secret}))
        refused = client.post_webhook(
            source, wrong.body, headers=dict(wrong.headers), query=dict(wrong.query)
        )
        assert refused.status_code == 401, refused.text
        assert secret not in refused.text
        signed = handler.sample_request(self.handler_class.Config(**{fields[0]: secret}))
        passed = client.post_webhook(
            source, signed.body, headers=dict(signed.headers), query=dict(signed.query)
        )
        assert passed.status_code == 201, passed.text

    def test_a_hook_taking_only_the_item_hears_of_the_sample(self, tmp_path: Path) -> None:
        """pluggy lets an implementation take a subset of the arguments: it must run."""
        heard: list[str] = []

        class ItemOnly:
            @hookimpl
            def feedback_ingested(self, item: FeedbackItem) -> None:
                heard.append(item.source)

        source = self.handler_class.source
        request = self.handler_class().sample_request(self.handler_class.Config())
        with running_app(data_dir=tmp_path, plugins=[ItemOnly()]) as client:
            answer = client.post_webhook(
                source, request.body, headers=dict(request.headers), query=dict(request.query)
            )
            assert answer.status_code == 201, answer.text
        # Hooks run after the answer; closing the app runs what is still queued.
        assert heard and set(heard) == {source}

    def test_every_hook_is_documented(self) -> None:
        """Each hook has a heading of its own, written as its signature, in the plugin guide."""
        from .. import hookspecs

        guide = Path(hookspecs.__file__).parent.parent / "docs" / "writing-plugins.md"
        if not guide.exists():
            pytest.skip("the plugin guide ships with the source tree, not the wheel")
        headings = [line for line in guide.read_text().splitlines() if line.startswith("#")]
        for name in hook_names():
            assert any(f"`{name}(" in line for line in headings), f"{name} is not documented"

    def test_secrets_are_write_only(self, soulcaster_client: SoulcasterClient) -> None:
        secrets = [
            name
            for name, info in self.handler_class.Config.model_fields.items()
            if "SecretStr" in str(info.annotation)
        ]
        if not secrets:
            pytest.skip("this source has no secret")
        source = self.handler_class.source
        soulcaster_client.configure(source, **{secrets[0]: "s3cret-value"})
        shown = soulcaster_client.api.get(
            f"/config/{source}", params={"project_id": soulcaster_client.project_id}
        )
        assert shown.status_code == 200
        assert "s3cret-value" not in shown.text
