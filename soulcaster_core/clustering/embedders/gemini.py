"""The Embedder port's production adapter: Gemini ``gemini-embedding-001`` via ``google-genai``.

Imported only when ``SOULCASTER_EMBEDDER=gemini`` (the ``[gemini]`` extra). Texts go in batches
of at most 100 (the API's limit per request); a 429 or a 5xx is retried with exponential
backoff a few times, then reported as ``ClusteringUnavailable`` so the worker keeps the items
queued and backs off itself, instead of hammering a service that is down or rate-limiting us.
"""

from __future__ import annotations

import math
import random
import ssl
from collections.abc import Awaitable, Callable, Sequence

import anyio
import httpx
from google import genai
from google.genai import errors, types

from ...errors import ClusteringUnavailable
from .port import Embedder

#: Status codes worth another try: rate limited, or the service is having trouble.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


def _unit(values: Sequence[float]) -> list[float]:
    # Below 3072 dimensions Gemini's vectors are not normalized; cosine needs them to be.
    norm = math.sqrt(sum(v * v for v in values))
    return [v / norm for v in values] if norm else list(values)


class GeminiEmbedder(Embedder):
    name = "gemini"
    max_batch = 100
    #: Gemini places related-but-different texts around 0.8-0.9: only very close ones merge.
    default_threshold = 0.92

    def __init__(
        self,
        api_key: str,
        model: str = "gemini-embedding-001",
        dimensions: int = 768,
        *,
        http: httpx.AsyncClient | None = None,
        tls: ssl.SSLContext | None = None,
        attempts: int = 4,
        base_delay: float = 1.0,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        self.dimensions = dimensions
        self.model = model
        self.attempts = attempts
        self.base_delay = base_delay
        self._sleep = sleep
        # One TLS context (the process's shared one, when given) for every client here: left
        # to itself the SDK loads the CA bundle for its sync client and its websocket too,
        # neither of them used, ~30 ms of CPU each (~100 ms an embedder in all).
        tls = tls or httpx.create_ssl_context(trust_env=True)
        self._own_http = http is None
        self._http = http or httpx.AsyncClient(timeout=httpx.Timeout(30.0), verify=tls)
        self._sync_http = httpx.Client(verify=tls)
        self._client = genai.Client(
            api_key=api_key,
            http_options=types.HttpOptions(
                httpx_async_client=self._http,
                httpx_client=self._sync_http,
                async_client_args={"ssl": tls},  # (what the SDK's websocket reads)
                # We retry ourselves (below), with a sleep the tests can replace.
                retry_options=types.HttpRetryOptions(attempts=1),
            ),
        )
        self._config = types.EmbedContentConfig(
            output_dimensionality=dimensions, task_type="CLUSTERING"
        )

    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.max_batch):
            vectors += await self._embed_batch(list(texts[start : start + self.max_batch]))
        return vectors

    async def _embed_batch(self, texts: list[str]) -> list[list[float]]:
        for attempt in range(self.attempts):
            try:
                response = await self._client.aio.models.embed_content(
                    model=self.model,
                    contents=texts,
                    config=self._config,
                )
            except errors.APIError as exc:
                if exc.code not in RETRY_STATUSES:
                    raise ClusteringUnavailable(f"Gemini refused the request: {exc}") from exc
                failure: Exception = exc
            except httpx.HTTPError as exc:
                failure = exc
            else:
                embeddings = response.embeddings or []
                if len(embeddings) != len(texts) or any(e.values is None for e in embeddings):
                    raise ClusteringUnavailable(
                        "Gemini answered with a different number of vectors"
                    )
                return [_unit(e.values or []) for e in embeddings]
            if attempt + 1 < self.attempts:
                delay = self.base_delay * 2**attempt
                await self._sleep(delay * (0.5 + random.random() / 2))
        raise ClusteringUnavailable(f"Gemini is unavailable: {failure}") from failure

    async def aclose(self) -> None:
        self._sync_http.close()
        if self._own_http:
            await self._http.aclose()
