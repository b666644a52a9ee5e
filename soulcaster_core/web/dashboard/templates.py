"""The Jinja2 environment of the dashboard: autoescaping everywhere, and HTML responses.

Every value reaches the page through autoescaping (no template marks user data ``|safe``), and
every page carries a Content-Security-Policy that allows only our own script and stylesheet,
so a ``<script>`` that slips into a webhook title is shown as text and could not run anyway.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.responses import HTMLResponse, JSONResponse, Response

from ... import __version__
from ...timestamps import parse_timestamp

WEB_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    # Keep ?token= and item ids out of the Referer of links to other sites. Not "no-referrer":
    # with it, browsers send "Origin: null" on our own form posts, which the CSRF check refuses.
    "referrer-policy": "same-origin",
    # Pages show data that only a logged-in user may see: no shared or back-button caches.
    "cache-control": "no-store",
}


def _when(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return parse_timestamp(str(value))


def ago(value: Any, now: datetime | None = None) -> str:
    """``3 min ago``: how people read recency on a dashboard."""
    at = _when(value)
    if at is None:
        return "never"
    seconds = int(((now or datetime.now(UTC)) - at).total_seconds())
    if seconds < 45:
        return "just now"
    if seconds >= 30 * 86400:  # "412 d ago" says less than the date
        return at.astimezone(UTC).strftime("%Y-%m-%d")
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return "1 min ago"


def utc(value: Any) -> str:
    at = _when(value)
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if at else ""


def iso(value: Any) -> str:
    at = _when(value)
    return at.astimezone(UTC).isoformat() if at else ""


def pretty_json(value: Any) -> str:
    """Readable JSON as plain text (autoescaped where it lands, unlike Jinja's ``tojson``)."""
    return json.dumps(value, indent=2, ensure_ascii=False, default=str, sort_keys=True)


def code_spans(text: str) -> list[tuple[str, bool]]:
    """Split help text on ````code```` spans, so the template can set them in ``<code>``."""
    parts = re.split(r"``(.+?)``", text)
    return [(part, index % 2 == 1) for index, part in enumerate(parts) if part]


def is_block(value: Any) -> bool:
    """A metadata value shown as a block: containers, and text of several lines."""
    return isinstance(value, dict | list | tuple) or (isinstance(value, str) and "\n" in value)


def scalar(value: Any) -> str:
    """A metadata scalar as JSON writes it (``null``, ``true``), strings as they are."""
    return value if isinstance(value, str) else json.dumps(value, default=str)


def urlpart(value: Any) -> str:
    """One path segment, quoted: ids come from plugins and may hold any character."""
    return quote(str(value), safe="")


def static(name: str) -> str:
    # The version busts browser caches when an upgrade changes the stylesheet or script.
    return f"/static/{name}?v={__version__}"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        ago=ago,
        utc=utc,
        iso=iso,
        pretty_json=pretty_json,
        urlpart=urlpart,
        code_spans=code_spans,
        scalar=scalar,
    )
    env.tests.update(block=is_block)
    env.globals.update(static=static, version=__version__)
    return env


ENV = _environment()


def html(template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    body = ENV.get_template(template).render(**context)
    return HTMLResponse(body, status_code=status_code, headers=SECURITY_HEADERS)


def error_response(
    accept: str, status_code: int, detail: str, context: dict[str, Any] | None = None
) -> Response:
    """An error as the client wants it: a page for a browser, ``{"error": ...}`` for a script."""
    if "text/html" not in accept:
        return JSONResponse({"error": detail}, status_code=status_code, headers=SECURITY_HEADERS)
    return html(
        "error.html", {**(context or {}), "status": status_code, "detail": detail}, status_code
    )
