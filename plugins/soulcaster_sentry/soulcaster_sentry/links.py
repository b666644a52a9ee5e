"""The links an item offers, and the issue a Sentry link points at.

Links are shown as clickable: only ``http``/``https`` ones are kept, whatever a forged body
says. Sentry's web links read ``.../issues/<issue id>/events/<event id>/``.
"""

from __future__ import annotations

import re

_ISSUE_ID = re.compile(r"/issues/(\d{1,30})(?:[/?#]|$)")
_ISSUE_PAGE = re.compile(r"^(https?://[^?#]*?/issues/\d{1,30}/)")


def http_links(**links: str | None) -> dict[str, str]:
    """The given links that are ``http``/``https`` URLs, by name."""
    return {
        name: url
        for name, url in links.items()
        if url and url[:8].lower().startswith(("https://", "http://"))
    }


def issue_id_in(*urls: str | None) -> str | None:
    """The issue id in the first of ``urls`` that names one (``issue_url`` or ``web_url``)."""
    for url in urls:
        if url and (match := _ISSUE_ID.search(url)):
            return match[1]
    return None


# An event's API address names its project: /api/0/projects/{organization}/{project}/events/...
_PROJECT_SLUG = re.compile(r"/api/0/projects/[^/]+/([^/]+)/events/")


def project_in(api_url: str | None) -> str | None:
    """The project slug in an event's ``url``: the service it happened in, for incidents."""
    match = _PROJECT_SLUG.search(api_url) if api_url else None
    return match[1] if match else None


def issue_page(event_url: str | None) -> str | None:
    """The issue's web page, from the web link of one of its events."""
    if not event_url:
        return None
    match = _ISSUE_PAGE.match(event_url)
    return match[1] if match else None
