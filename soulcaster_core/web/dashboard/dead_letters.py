"""``/dead-letters``: deliveries a source could not read; view, replay, discard.

The list reads the letters' heads, never their bodies; one letter's page shows its body
pretty-printed (JSON indented), its error, content type, query and headers (credentials were
never kept). A replay that fails again updates its letter (``pipeline.replay``).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ...errors import HTTPError, NotFound
from ...models import DeadLetter
from ...pipeline import Answer, replay
from .page import Page, dashboard_page

#: Letters listed on the page, and replayed or discarded by one "... all" click.
LETTERS_SHOWN = 200
BATCH = 200
#: A letter's page shows at most this much of its body.
BODY_SHOWN = 256 * 1024
#: What a redirect after a post says (``?done=``): fixed texts, never echoed input.
NOTICES = {
    "discarded": "Discarded.",
    "discarded-all": "Discarded every dead letter of this project.",
}


@dataclass
class ReplayReport:
    """What a replay did, in one line for the banner and the answers for the curious."""

    summary: str
    answers: list[Answer]

    @property
    def failed(self) -> bool:
        return any(a.status_code >= 400 for a in self.answers)


@dataclass
class ShownBody:
    text: str
    #: How it is shown: "json" (indented), "text", or "binary" (not UTF-8: base64 at the API).
    kind: str
    truncated: bool = False


def shown_body(letter: DeadLetter) -> ShownBody:
    body = letter.body[:BODY_SHOWN]
    truncated = len(letter.body) > BODY_SHOWN
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return ShownBody(body.decode("utf-8", errors="replace"), "binary", truncated)
    if not truncated:
        try:
            return ShownBody(json.dumps(json.loads(text), indent=2, ensure_ascii=False), "json")
        except (ValueError, RecursionError):
            pass
    return ShownBody(text, "text", truncated)


async def _render(page: Page, report: ReplayReport | None = None) -> Response:
    store = page.services.store
    letters = await store.list_dead_letter_heads(page.project_id, limit=LETTERS_SHOWN)
    return page.render(
        "dead_letters.html",
        "dead-letters",
        letters=letters,
        total=await store.count_dead_letters(page.project_id),
        report=report,
        notice=NOTICES.get(page.request.query_params.get("done", "")),
    )


@dashboard_page
async def letter_list(page: Page) -> Response:
    return await _render(page)


async def _letter(page: Page) -> DeadLetter:
    letter_id = page.request.path_params["letter_id"]
    letter = await page.services.store.get_dead_letter(page.project_id, letter_id)
    if letter is None:
        raise NotFound("no such dead letter in this project (was it replayed or discarded?)")
    return letter


@dashboard_page
async def letter_page(page: Page) -> Response:
    letter = await _letter(page)
    return page.render("dead_letter.html", "dead-letters", letter=letter, body=shown_body(letter))


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
    answers = [await _replay_one(page, await _letter(page))]
    return await _render(page, ReplayReport(f"Replayed: {_summary(answers)}", answers))


@dashboard_page
async def replay_all(page: Page) -> Response:
    letters = await page.services.store.list_dead_letters(page.project_id, limit=BATCH)
    answers = [await _replay_one(page, letter) for letter in letters]
    return await _render(page, ReplayReport(f"Replayed: {_summary(answers)}", answers))


@dashboard_page
async def discard_letter(page: Page) -> Response:
    letter = await _letter(page)
    await page.services.store.delete_dead_letter(page.project_id, letter.id)
    return RedirectResponse(page.href("/dead-letters", done="discarded"), status_code=303)


@dashboard_page
async def discard_all(page: Page) -> Response:
    store = page.services.store
    while heads := await store.list_dead_letter_heads(page.project_id, limit=BATCH):
        for head in heads:
            await store.delete_dead_letter(page.project_id, head.id)
    return RedirectResponse(page.href("/dead-letters", done="discarded-all"), status_code=303)


routes = [
    Route("/dead-letters", letter_list, methods=["GET"], include_in_schema=False),
    Route("/dead-letters/replay", replay_all, methods=["POST"], include_in_schema=False),
    Route("/dead-letters/discard", discard_all, methods=["POST"], include_in_schema=False),
    Route("/dead-letters/{letter_id}", letter_page, methods=["GET"], include_in_schema=False),
    Route(
        "/dead-letters/{letter_id}/replay", replay_letter, methods=["POST"], include_in_schema=False
    ),
    Route(
        "/dead-letters/{letter_id}/discard",
        discard_letter,
        methods=["POST"],
        include_in_schema=False,
    ),
]
