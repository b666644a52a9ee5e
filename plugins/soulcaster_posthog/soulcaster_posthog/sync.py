"""Pulling events from PostHog's query API, page by page, resuming where the last sync stopped.

Why the HogQL query API and not ``GET /api/projects/:id/events/``: PostHog documents the events
endpoint as deprecated; without ``after`` it only reaches back 24 hours, it rejects offsets above
50 000, and its ``next`` links page newest-first by default. A HogQL query ordered by
``(timestamp, uuid)`` pages forward with an exact cursor, so no event is skipped or read twice
even when many share one timestamp.
"""

from __future__ import annotations

import email.utils
import math
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx
from pydantic import SecretStr

from soulcaster_core import SyncContext, SyncReport
from soulcaster_core.models import IngestResult
from soulcaster_core.timestamps import parse_timestamp

from .config import PostHogConfig
from .hogql import Cursor, PageUnreadable, events_query, format_instant, read_page

#: Rows per query. Exception events carry whole stack traces, so pages stay modest.
PAGE_SIZE = 200
#: Pages per sync run, so one run stays short; the next run continues from ``last_synced``.
MAX_PAGES = 25
#: 429 answers in a row we wait out before giving up on this run.
MAX_RETRIES = 3
#: Longer waits than this are not worth holding the run for (the hourly limits say hours).
MAX_RETRY_AFTER = 60.0
DEFAULT_RETRY_AFTER = 5.0
QUERY_TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class SyncFailed(Exception):
    """A run stops here; the message becomes ``SyncReport.error``."""


async def sync_events(
    context: SyncContext[PostHogConfig],
    *,
    page_size: int = PAGE_SIZE,
    max_pages: int = MAX_PAGES,
) -> SyncReport:
    """Ingest the configured events newer than ``last_synced``; never raises."""
    config = context.config
    report = SyncReport(last_synced=config.last_synced)
    if config.api_key is None or not config.project_id:
        report.error = "set api_key (a personal API key, phx_...) and project_id to sync"
        return report
    cursor = _starting_cursor(config)
    query_url = f"{config.host}/api/projects/{quote(config.project_id, safe='@')}/query/"
    project_url = f"{config.host}/project/{config.project_id}"
    try:
        for _ in range(max_pages):
            query = events_query(config.event_types, cursor, page_size)
            payload = await _run_query(context, query_url, config.api_key, query)
            try:
                page = read_page(payload, limit=page_size, project_url=project_url)
            except PageUnreadable as exc:
                raise SyncFailed(f"PostHog sent a page we cannot read: {exc}") from None
            report.pages += 1
            report.fetched += len(page.events)
            if not page.events:
                break
            cursor = await _ingest_page(context, page.events, cursor, report)
            if not page.has_more:
                break
    except SyncFailed as exc:
        report.error = str(exc)
    return report


def _starting_cursor(config: PostHogConfig) -> Cursor | None:
    if config.last_synced is None:
        return None
    moment = parse_timestamp(config.last_synced)
    return Cursor(moment, config.last_synced_uuid) if moment else None


async def _ingest_page(
    context: SyncContext[PostHogConfig],
    events: list[dict[str, Any]],
    cursor: Cursor | None,
    report: SyncReport,
) -> Cursor:
    """Store every event of a page, then move ``last_synced`` past it."""
    if cursor is not None and Cursor.of(events[-1]) == cursor:
        # The API ignored the cursor: continuing would read this page forever.
        raise SyncFailed("PostHog returned the same page again; stopping to avoid a loop")
    stored = cursor
    for event in events:
        try:
            result = await context.ingest(event)
        except Exception as exc:
            # Keep what got stored, so the next run neither skips nor repeats an event.
            if stored is not None and stored != cursor:
                await _save_cursor(context, stored, report)
            raise SyncFailed(
                f"event {event['uuid']} could not be stored: {type(exc).__name__}: {exc}"
            ) from None
        _count(report, result)
        stored = Cursor.of(event)
    last = Cursor.of(events[-1])
    await _save_cursor(context, last, report)
    return last


async def _save_cursor(
    context: SyncContext[PostHogConfig], cursor: Cursor, report: SyncReport
) -> None:
    last_synced = format_instant(cursor.timestamp)
    try:
        await context.save_config(last_synced=last_synced, last_synced_uuid=cursor.uuid)
    except Exception as exc:
        raise SyncFailed(f"could not save last_synced: {type(exc).__name__}: {exc}") from None
    report.last_synced = last_synced


def _count(report: SyncReport, result: IngestResult | None) -> None:
    if result is None:
        report.ignored += 1
    elif result.status == "created":
        report.created += 1
    else:
        report.duplicates += 1


async def _run_query(
    context: SyncContext[PostHogConfig], url: str, api_key: SecretStr, query: str
) -> Any:
    """POST the query, waiting out a bounded number of 429s; ``SyncFailed`` says what broke."""
    config = context.config
    headers = {"Authorization": f"Bearer {api_key.get_secret_value()}"}
    # force_blocking: a cached answer to the same cursor would hide newer events.
    body = {"query": {"kind": "HogQLQuery", "query": query}, "refresh": "force_blocking"}
    for attempt in range(MAX_RETRIES + 1):
        try:
            response = await context.http.post(
                url, json=body, headers=headers, timeout=QUERY_TIMEOUT
            )
        except httpx.HTTPError as exc:
            raise SyncFailed(
                f"could not reach PostHog at {config.host}: {type(exc).__name__}: {exc}"
            ) from None
        if response.status_code != 429:
            break
        wait = _retry_after(response)
        if wait > MAX_RETRY_AFTER:
            raise SyncFailed(f"PostHog rate limit (429): retry after {wait:.0f} s")
        if attempt == MAX_RETRIES:
            raise SyncFailed(f"PostHog rate limit (429) {MAX_RETRIES + 1} times in a row")
        await context.sleep(wait)
    _raise_for_status(response, config)
    try:
        return response.json()
    except ValueError:
        raise SyncFailed(
            f"PostHog answered {response.status_code} with a body that is not JSON"
        ) from None


def _raise_for_status(response: httpx.Response, config: PostHogConfig) -> None:
    """Errors name the status line only: the body of whatever answered is never echoed back."""
    status = response.status_code
    if status < 300:
        return
    if status == 401:
        raise SyncFailed(
            "PostHog rejected the API key (401): use a personal API key (phx_...) "
            "with the query:read scope"
        )
    if status == 403:
        raise SyncFailed(
            "PostHog refused the query (403): the API key needs the query:read scope "
            f"and access to project {config.project_id}"
        )
    if status == 404:
        raise SyncFailed(
            f"PostHog has no project {config.project_id} at {config.host} (404): "
            "check project_id and host"
        )
    if status >= 500:
        raise SyncFailed(f"PostHog failed with {status} {response.reason_phrase}".rstrip())
    raise SyncFailed(f"PostHog rejected the query ({status} {response.reason_phrase})")


def _retry_after(response: httpx.Response) -> float:
    """Seconds to wait: ``Retry-After`` as seconds or an HTTP date, else a short default."""
    value = response.headers.get("retry-after", "").strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return DEFAULT_RETRY_AFTER
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    if not math.isfinite(seconds):
        return DEFAULT_RETRY_AFTER
    return max(0.0, seconds)
