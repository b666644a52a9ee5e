"""``/clusters``: the problem stream, one row per cluster, and the corrections a person makes.

A row has the cluster's title, sources, services, status, counts, first/last seen and a
sparkline of its occurrences (24 h or 14 d); the list filters by status, source, service, when
last seen and text, sorts (trend among the keys) and pages. From the pages a person resolves,
ignores or reopens a cluster, merges the selected clusters, and moves an item to another (or a
new) cluster: the API's merge and move (``clustering/clusters.py``), so the next occurrence
follows the correction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ...clustering import clusters
from ...clustering.clusterer import ALGORITHM
from ...clustering.status import STATUSES, Status, set_status, statuses
from ...errors import BadRequest
from ...models import Cluster, utcnow
from ...timestamps import hour_bucket
from .charts import SPANS, Chart, span_of, sparkline
from .page import Page, dashboard_page

PAGE_SIZE = 50
#: The statuses of a problem someone should look at: the list's default.
OPEN: tuple[Status, ...] = ("new", "ongoing", "regressed")
#: ``?sort=``: each a key of the list, largest first.
SORTS = {
    "last_seen": "last seen",
    "trend": "trend",
    "occurrences": "occurrences",
    "items": "items",
    "first_seen": "first seen",
}
#: Trend: occurrences in the last ``TREND_HOURS`` hours less those in the same span before.
TREND_HOURS = 24
#: ``?seen=``: last seen within this long.
SEEN = {
    "1h": ("last hour", timedelta(hours=1)),
    "24h": ("last 24 h", timedelta(hours=24)),
    "7d": ("last 7 days", timedelta(days=7)),
}
#: What a redirect after a correction says (``?done=``): fixed texts, never echoed input.
NOTICES = {
    "merged": "Merged: the selected clusters are one now, and their next occurrences come here.",
    "moved": "Moved: this item's next occurrences follow it.",
}


@dataclass
class Row:
    cluster: Cluster
    status: Status
    #: Occurrences in the last day less the day before (filled in for a sort by trend).
    trend: int = 0
    #: Its occurrences over the list's span (filled in for the rows shown).
    spark: Chart | None = None


@dataclass
class Filters:
    status: str
    source: str
    q: str
    sort: str
    page: int
    seen: str = ""
    service: str = ""
    graph: str = ""

    def params(self, **changes: object) -> dict[str, object]:
        values: dict[str, object] = {
            "status": self.status,
            "source": self.source,
            "service": self.service,
            "q": self.q,
            "sort": self.sort if self.sort != "last_seen" else "",
            "seen": self.seen,
            "graph": self.graph,
        }
        values.update(changes)
        return values


def _filters(page: Page) -> Filters:
    params = page.request.query_params
    status = params.get("status", "open")
    if status not in ("open", "all", *STATUSES):
        status = "open"
    sort = params.get("sort", "last_seen")
    number = params.get("page", "1")
    return Filters(
        status=status,
        source=params.get("source", ""),
        q=params.get("q", "").strip(),
        sort=sort if sort in SORTS else "last_seen",
        page=int(number) if number.isdigit() and 0 < int(number) < 100_000 else 1,
        seen=params.get("seen", "") if params.get("seen", "") in SEEN else "",
        service=params.get("service", ""),
        graph=params.get("graph", "") if params.get("graph", "") in SPANS else "",
    )


def _wanted(row: Row, f: Filters, now: datetime) -> bool:
    if f.status == "open" and row.status not in OPEN:
        return False
    if f.status not in ("open", "all") and row.status != f.status:
        return False
    if f.source and f.source not in row.cluster.sources:
        return False
    if f.service and f.service not in row.cluster.services:
        return False
    if f.seen:
        last = row.cluster.last_seen
        if last is None or now - last > SEEN[f.seen][1]:
            return False
    if f.q:
        text = f"{row.cluster.title}\n{row.cluster.summary}".casefold()
        return f.q.casefold() in text
    return True


def _sort_key(sort: str) -> Callable[[Row], Any]:
    def at(value: datetime | None) -> float:
        return value.timestamp() if value is not None else 0.0

    keys = {
        "last_seen": lambda r: at(r.cluster.last_seen),
        "trend": lambda r: (r.trend, at(r.cluster.last_seen)),
        "first_seen": lambda r: at(r.cluster.first_seen),
        "occurrences": lambda r: (r.cluster.occurrence_count, at(r.cluster.last_seen)),
        "items": lambda r: (r.cluster.item_count, at(r.cluster.last_seen)),
    }
    return keys[sort]


async def problem_rows(page: Page) -> list[Row]:
    """Every cluster of the project with its status (one read of each)."""
    store = page.services.store
    found = await store.all_clusters(page.project_id)
    status = await statuses(store, page.project_id, found)
    return [Row(c, status[c.id]) for c in found]


async def add_sparklines(page: Page, rows: list[Row], span: str, now: datetime) -> None:
    """Draw each row's occurrences over ``span`` (one read for all of them)."""
    last = hour_bucket(now)
    first = last - SPANS[span].units + 1
    ids = [row.cluster.id for row in rows]
    hours = await page.services.store.cluster_hours(page.project_id, ids, first, last)
    for row in rows:
        row.spark = sparkline(hours.get(row.cluster.id, {}), span, now)


async def add_trends(page: Page, rows: list[Row], now: datetime) -> None:
    last = hour_bucket(now)
    ids = [row.cluster.id for row in rows]
    hours = await page.services.store.cluster_hours(
        page.project_id, ids, last - 2 * TREND_HOURS + 1, last
    )
    for row in rows:
        counts = hours.get(row.cluster.id, {}).items()
        recent = sum(n for h, n in counts if h > last - TREND_HOURS)
        row.trend = recent - sum(n for h, n in counts if h <= last - TREND_HOURS)


@dashboard_page
async def cluster_list(page: Page) -> Response:
    f = _filters(page)
    rows = await problem_rows(page)
    counts = {s: 0 for s in STATUSES}
    for row in rows:
        counts[row.status] += 1
    now = utcnow()
    shown = [row for row in rows if _wanted(row, f, now)]
    if f.sort == "trend":
        await add_trends(page, shown, now)
    shown.sort(key=_sort_key(f.sort), reverse=True)
    pages = max(1, -(-len(shown) // PAGE_SIZE))
    number = min(f.page, pages)
    start = (number - 1) * PAGE_SIZE
    listed = shown[start : start + PAGE_SIZE]
    span = span_of(f.graph)
    await add_sparklines(page, listed, span, now)
    return page.render(
        "clusters.html",
        "clusters",
        problem_rows=listed,
        total=len(rows),
        matching=len(shown),
        first=start + 1,
        counts=counts,
        open_count=sum(counts[s] for s in OPEN),
        f=f,
        number=number,
        pages=pages,
        sorts=SORTS,
        seen=SEEN,
        statuses=STATUSES,
        sources=sorted({s for row in rows for s in row.cluster.sources}),
        services=sorted({s for row in rows for s in row.cluster.services}),
        spark_span=SPANS[span],
        spans=SPANS,
        back=_here(page),
        notice=NOTICES.get(page.request.query_params.get("done", "")),
    )


def _here(page: Page) -> str:
    url = page.request.url
    return url.path + (f"?{url.query}" if url.query else "")


def _local(path: str, fallback: str) -> str:
    """``path`` when it is a path on this site (a form's ``back``), else ``fallback``."""
    parts = urlsplit(path)
    if path.startswith("/") and not path.startswith("//") and not parts.scheme and not parts.netloc:
        return path
    return fallback


@dashboard_page
async def change_status(page: Page) -> Response:
    cluster_id = page.request.path_params["cluster_id"]
    await set_status(page.services.store, page.project_id, cluster_id, page.form_text("status"))
    back = _local(page.form_text("back"), page.href(f"/clusters/{cluster_id}"))
    return RedirectResponse(back, status_code=303)


@dashboard_page
async def merge_selected(page: Page) -> Response:
    """Merge the selected clusters into the one of them with the most items."""
    assert page.form is not None
    chosen = list(dict.fromkeys(str(v) for v in page.form.getlist("cluster_id")))
    if len(chosen) < 2:
        raise BadRequest("select two or more clusters to merge")
    store = page.services.store
    found = await store.get_clusters(page.project_id, chosen)
    if len(found) != len(chosen):
        raise BadRequest("a selected cluster no longer exists: reload the list and select again")
    found.sort(key=lambda c: (-c.item_count, c.first_seen.timestamp() if c.first_seen else 0))
    into, rest = found[0], found[1:]
    index = page.services.index
    for other in rest:
        await clusters.merge(store, index, page.project_id, other.id, into.id, ALGORITHM)
    return RedirectResponse(page.href(f"/clusters/{into.id}", done="merged"), status_code=303)


@dashboard_page
async def move_item(page: Page) -> Response:
    """Move one item to the chosen cluster, or to a new cluster of its own."""
    item_id = page.request.path_params["item_id"]
    target = page.form_text("cluster_id").strip() or None
    store = page.services.store
    index = page.services.index
    await clusters.move(store, index, page.project_id, item_id, target, ALGORITHM)
    return RedirectResponse(page.href(f"/feedback/{item_id}", done="moved"), status_code=303)


routes = [
    Route("/clusters", cluster_list, methods=["GET"], include_in_schema=False),
    Route("/clusters/merge", merge_selected, methods=["POST"], include_in_schema=False),
    Route(
        "/clusters/{cluster_id}/status", change_status, methods=["POST"], include_in_schema=False
    ),
    Route("/feedback/{item_id}/move", move_item, methods=["POST"], include_in_schema=False),
]
