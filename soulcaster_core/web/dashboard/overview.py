"""``/``: the home page. What is broken right now and why: the open problems, the health of
each source with its reason, events over time, the newest dead letters. It refreshes itself."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from ...models import utcnow
from ..api_routes import project_stats
from .charts import DEFAULT_SPAN, SPANS, WINDOWS, event_charts, window_of
from .integration_state import source_states
from .page import Page, dashboard_page
from .problems import OPEN, add_sparklines, problem_rows

#: Incidents listed on the home page (the latest seen; the rest are on /incidents).
INCIDENTS_SHOWN = 5
#: Dead letters listed on the home page (the rest are on /dead-letters).
LETTERS_SHOWN = 5
#: Open problems listed on the home page, most recently seen first (the rest on /clusters).
PROBLEMS_SHOWN = 10
#: Seconds between the page's own refreshes of its numbers (dashboard.js).
REFRESH_SECONDS = 30


@dashboard_page
async def overview(page: Page) -> Response:
    if page.project is None:
        return page.render(
            "dashboard.html", "overview", stats=None, rows=[], letters=[], incidents=[]
        )
    services = page.services
    now = utcnow()
    window = window_of(page.request.query_params.get("window", ""))
    stats = await project_stats(services, page.project_id)
    rows = await source_states(services, page.project_id, stats)
    letters = await services.store.list_dead_letter_heads(page.project_id, limit=LETTERS_SHOWN)
    incidents = await services.store.list_incidents(page.project_id, limit=INCIDENTS_SHOWN)
    problems = [row for row in await problem_rows(page) if row.status in OPEN]
    problems.sort(
        key=lambda r: r.cluster.last_seen.timestamp() if r.cluster.last_seen else 0.0,
        reverse=True,
    )
    shape = WINDOWS[window]
    if shape.in_slots:
        series = await services.store.recent_event_series(page.project_id, now)
    else:
        series = await services.store.event_series(page.project_id, now, shape.units)
    shown = problems[:PROBLEMS_SHOWN]
    await add_sparklines(page, shown, DEFAULT_SPAN, now)
    return page.render(
        "dashboard.html",
        "overview",
        stats=stats,
        rows=rows,
        events_24h=sum(row.stats.get("events_24h", 0) for row in rows),
        letters=letters,
        incidents=incidents,
        problems=shown,
        spark_span=SPANS[DEFAULT_SPAN],
        open_problems=len(problems),
        charts=event_charts(series, [row.source for row in rows], now, window),
        window=window,
        windows=WINDOWS,
        refresh=REFRESH_SECONDS,
        back=page.href("/"),
        # Nothing ever arrived, not even a refusal: the project is new, say how to begin.
        first_steps=not stats["dead_letters"] and not any(row.stats.get("last") for row in rows),
    )


routes = [
    Route("/", overview, methods=["GET"], include_in_schema=False),
]
