"""Fakes of the remote services, at their HTTP boundary (respx): Gemini and Upstash Vector.

They answer what the real services answer, in the shapes their SDKs parse, so the adapters
run their real code down to the HTTP request. ``down`` makes either fail like an outage.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import httpx

GEMINI_URL = re.compile(
    r"https://generativelanguage\.googleapis\.com/v1(?:beta)?/models/(?P<model>[\w.-]+):batchEmbedContents"
)
UPSTASH_URL = "https://fake-vector.upstash.io"


def _vector_for(text: str, dimensions: int) -> list[float]:
    """A deterministic stand-in for an embedding: similar texts, similar vectors."""
    vec = [0.0] * dimensions
    for word in text.lower().split():
        vec[sum(map(ord, word)) % dimensions] += 1.0
    return vec


class FakeGemini:
    """``models/{model}:batchEmbedContents``; ``down`` is a status to answer instead (429, 503)."""

    def __init__(self) -> None:
        self.down: int | None = None
        self.batches: list[int] = []
        self.refused = 0

    def __call__(self, request: httpx.Request, **_: str) -> httpx.Response:
        if self.down is not None:
            self.refused += 1
            return httpx.Response(
                self.down,
                json={
                    "error": {"code": self.down, "message": "unavailable", "status": "UNAVAILABLE"}
                },
            )
        payload = json.loads(request.content)
        requests = payload["requests"]
        self.batches.append(len(requests))
        out = []
        for entry in requests:
            text = " ".join(part["text"] for part in entry["content"]["parts"])
            dims = entry.get("outputDimensionality") or entry.get("output_dimensionality") or 3072
            out.append({"values": _vector_for(text, dims)})
        return httpx.Response(200, json={"embeddings": out})


class FakeUpstash:
    """Upstash Vector's REST API (upsert, query, fetch, update, delete) over namespaces."""

    def __init__(self) -> None:
        self.down = False
        self.namespaces: dict[str, dict[str, tuple[list[float], dict[str, Any]]]] = {}
        self.calls: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            return httpx.Response(503, text="<html>503 Service Unavailable</html>")
        parts = request.url.path.strip("/").split("/")
        op, ns = parts[0], parts[1] if len(parts) > 1 else ""
        self.calls.append(op)
        space = self.namespaces.setdefault(ns, {})
        body = json.loads(request.content) if request.content else None
        result = getattr(self, f"_{op}")(space, body)
        return httpx.Response(200, json={"result": result})

    def _upsert(self, space: dict[str, Any], body: Any) -> str:
        for entry in body if isinstance(body, list) else [body]:
            space[entry["id"]] = (entry["vector"], entry.get("metadata") or {})
        return "Success"

    def _query(self, space: dict[str, Any], body: dict[str, Any]) -> list[dict[str, Any]]:
        conditions = re.findall(r"(\w+) = '([^']*)'", body.get("filter") or "")
        query = body["vector"]
        scored = []
        for vid, (vector, metadata) in space.items():
            if all(str(metadata.get(k)) == v for k, v in conditions):
                dot = sum(a * b for a, b in zip(query, vector, strict=False))
                norm = math.sqrt(sum(a * a for a in query)) * math.sqrt(sum(b * b for b in vector))
                # Upstash's cosine score: rescaled to 0..1.
                scored.append(((((dot / norm) if norm else 0.0) + 1) / 2, vid))
        scored.sort(reverse=True)
        out = []
        for score, vid in scored[: body["topK"]]:
            vector, metadata = space[vid]
            hit: dict[str, Any] = {"id": vid, "score": score}
            if body.get("includeVectors"):
                hit["vector"] = vector
            if body.get("includeMetadata"):
                hit["metadata"] = metadata
            out.append(hit)
        return out

    def _fetch(self, space: dict[str, Any], body: dict[str, Any]) -> list[dict[str, Any] | None]:
        out: list[dict[str, Any] | None] = []
        for vid in body["ids"]:
            if vid not in space:
                out.append(None)
                continue
            vector, metadata = space[vid]
            hit: dict[str, Any] = {"id": vid}
            if body.get("includeMetadata"):
                hit["metadata"] = metadata
            if body.get("includeVectors"):
                hit["vector"] = vector
            out.append(hit)
        return out

    def _update(self, space: dict[str, Any], body: dict[str, Any]) -> dict[str, int]:
        if body["id"] not in space:
            return {"updated": 0}
        vector, metadata = space[body["id"]]
        if body.get("metadataUpdateMode") == "PATCH":
            metadata = {**metadata, **body.get("metadata", {})}
        else:
            metadata = body.get("metadata", {})
        space[body["id"]] = (vector, metadata)
        return {"updated": 1}

    def _reset(self, space: dict[str, Any], body: None) -> str:
        space.clear()
        return "Success"

    def _delete(self, space: dict[str, Any], body: dict[str, Any]) -> dict[str, int]:
        deleted = [vid for vid in body.get("ids", []) if space.pop(vid, None) is not None]
        return {"deleted": len(deleted)}
