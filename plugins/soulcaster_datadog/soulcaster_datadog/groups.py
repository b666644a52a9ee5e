"""Which group of a multi-alert monitor a notification is about.

A monitor "by service" alerts, recovers and re-notifies for each service on its own: each group
is its own alert, so the group is part of the item's key. Datadog names it in ``$ALERT_SCOPE``
(``service:a, env:prod``), in the title (``[Triggered on {service:a,env:prod}]``), and in the
tags of the group (``service:a``) that the query's ``by`` clause names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .title import title_scope

# Metric and APM queries: "... by {service,env}.as_count()"; log, trace and RUM queries:
# '.by("service","@error.kind")'.
_BY_BRACES = re.compile(r"\bby\s*\{([^}]*)\}")
_BY_CALL = re.compile(r"\.by\(([^)]*)\)")


def alert_group(
    scope: str | None, title: str | None, query: str | None, tags: Sequence[str]
) -> str:
    """The group as ``key:value`` tags, sorted and comma-joined; "" when there is none."""
    if scope and (group := normal_scope(scope)):
        return group
    if title and (in_title := title_scope(title)) and (group := normal_scope(in_title)):
        return group
    if query and tags:
        return normal_scope(",".join(_group_tags(query, tags)))
    return ""


def normal_scope(scope: str) -> str:
    """``az:us-east-1a, role:db`` and ``role:db,az:us-east-1a`` are one scope; ``*`` is none."""
    parts = {part.strip() for part in scope.split(",")}
    parts.discard("")
    parts.discard("*")
    return ",".join(sorted(parts))


def _group_tags(query: str, tags: Sequence[str]) -> list[str]:
    keys: set[str] = set()
    for match in _BY_BRACES.finditer(query):
        keys.update(key.strip() for key in match[1].split(","))
    for match in _BY_CALL.finditer(query):
        keys.update(key.strip().strip("\"'").lstrip("@") for key in match[1].split(","))
    keys.discard("")
    if not keys:
        return []
    return [tag for tag in tags if tag.partition(":")[0].lstrip("@") in keys]
