"""``/``: the main dashboard. Health per integration, 24 h counts, the newest dead letters."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from ..api_routes import project_stats
from .integration_state import source_states
from .page import Page, dashboard_page

#: Dead letters listed on the dashboard (the rest are on /dead-letters).
LETTERS_SHOWN = 5


@dashboard_page
async def overview(page: Page) -> Response:
    if page.project is None:
        return page.render("dashboard.html", "overview", stats=None, rows=[], letters=[])
    services = page.services
    stats = await project_stats(services, page.project_id)
    rows = await source_states(services, page.project_id, stats)
    letters = await services.store.list_dead_letter_heads(page.project_id, limit=LETTERS_SHOWN)
    return page.render(
        "dashboard.html",
        "overview",
        stats=stats,
        rows=rows,
        events_24h=sum(row.stats.get("events_24h", 0) for row in rows),
        letters=letters,
        # Nothing ever arrived, not even a refusal: the project is new, say how to begin.
        first_steps=not stats["dead_letters"] and not any(row.stats.get("last") for row in rows),
    )


routes = [
    Route("/", overview, methods=["GET"], include_in_schema=False),
]
