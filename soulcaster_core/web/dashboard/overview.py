"""``/``: the main dashboard. Health per integration, 24 h counts, duplicates, dead letters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from starlette.responses import Response
from starlette.routing import Route

from ...errors import HTTPError, NotFound
from ...models import DeadLetter
from ...pipeline import Answer, replay
from ..api_routes import project_stats
from .integration_state import source_states
from .page import Page, dashboard_page

#: Dead letters listed on the dashboard, and replayed by one "replay all" click.
LETTERS_SHOWN = 20
REPLAY_BATCH = 100


@dataclass
class ReplayReport:
    """What a replay did, in one line for the banner and the answers for the curious."""

    summary: str
    answers: list[Answer]

    @property
    def failed(self) -> bool:
        return any(a.status_code >= 400 for a in self.answers)


async def _render(page: Page, report: ReplayReport | None = None) -> Response:
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
        report=report,
    )


@dashboard_page
async def overview(page: Page) -> Response:
    return await _render(page)


async def _replay_one(page: Page, letter: DeadLetter) -> Answer:
    try:
        return await replay(page.services, letter)
    except HTTPError as exc:
        return Answer.refusal(exc)


def _summary(answers: list[Answer]) -> str:
    kinds = Counter(
        str(a.body.get("status") or ("still unreadable" if a.status_code == 400 else a.status_code))
        for a in answers
    )
    return ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "nothing to replay"


@dashboard_page
async def replay_letter(page: Page) -> Response:
    letter_id = page.request.path_params["letter_id"]
    letter = await page.services.store.get_dead_letter(page.project_id, letter_id)
    if letter is None:
        raise NotFound("no such dead letter in this project (was it replayed already?)")
    answers = [await _replay_one(page, letter)]
    return await _render(page, ReplayReport(f"Replayed: {_summary(answers)}", answers))


@dashboard_page
async def replay_all(page: Page) -> Response:
    letters = await page.services.store.list_dead_letters(page.project_id, limit=REPLAY_BATCH)
    answers = [await _replay_one(page, letter) for letter in letters]
    return await _render(page, ReplayReport(f"Replayed: {_summary(answers)}", answers))


routes = [
    Route("/", overview, methods=["GET"], include_in_schema=False),
    Route("/dead-letters/replay", replay_all, methods=["POST"], include_in_schema=False),
    Route(
        "/dead-letters/{letter_id}/replay",
        replay_letter,
        methods=["POST"],
        include_in_schema=False,
    ),
]
