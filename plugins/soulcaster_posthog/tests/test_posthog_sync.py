"""Sync against PostHog's query API, mocked with respx at the HTTP boundary."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from pydantic import SecretStr

from soulcaster_posthog import PostHogConfig, PostHogHandler, sync_events
from soulcaster_posthog.hogql import hogql_string

Payload = Callable[[str], dict[str, Any]]
QUERY_URL = "https://us.posthog.com/api/projects/9137/query/"
API_KEY = "phx_s3cr3tPersonalKey0000000000001"
PAGE_1_LAST = ("2024-12-03T10:16:42.000001Z", "0193890a-0003-7000-8000-0a0b0c0d0e03")

pytestmark = pytest.mark.anyio


def sent_query(call: Any) -> str:
    body = json.loads(call.request.content)
    assert body["query"]["kind"] == "HogQLQuery"
    query: str = body["query"]["query"]
    return query


def error_page(status: int, detail: str) -> httpx.Response:
    return httpx.Response(status, json={"type": "server_error", "code": "error", "detail": detail})


async def test_pages_until_the_api_has_no_more(make_sync: Any, payload: Payload) -> None:
    pages = [payload("query_page_1"), payload("query_page_2")]
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http, api_key=API_KEY, last_synced="2024-12-03T10:00:00Z")
        with respx.mock() as posthog:
            query = posthog.post(QUERY_URL).mock(
                side_effect=[httpx.Response(200, json=page) for page in pages]
            )
            report = await sync_events(context, page_size=3)

    assert report.error is None
    assert (report.pages, report.fetched, report.created, report.duplicates) == (2, 5, 5, 0)
    assert pipeline.ingested == [row[0] for page in pages for row in page["results"]]
    # The cursor moves after each stored page, to that page's newest event.
    assert pipeline.saved == [
        {"last_synced": PAGE_1_LAST[0], "last_synced_uuid": PAGE_1_LAST[1]},
        {
            "last_synced": "2024-12-03T10:20:00.000000Z",
            "last_synced_uuid": "0193890a-0005-7000-8000-0a0b0c0d0e05",
        },
    ]
    assert report.last_synced == "2024-12-03T10:20:00.000000Z"
    first, second = (sent_query(call) for call in query.calls)
    assert "timestamp > toDateTime('2024-12-03T10:00:00.000000Z')" in first
    assert "event IN ('$exception')" in first
    assert "ORDER BY timestamp ASC, uuid ASC LIMIT 3" in first
    # The second page starts right after the first page's last event, ties broken by uuid.
    moment = f"toDateTime('{PAGE_1_LAST[0]}')"
    assert f"timestamp > {moment}" in second
    assert f"timestamp = {moment} AND uuid > toUUID('{PAGE_1_LAST[1]}')" in second


async def test_the_request_is_an_authenticated_fresh_hogql_query(
    make_sync: Any, payload: Payload
) -> None:
    async with httpx.AsyncClient() as http:
        context, _ = make_sync(http, api_key=API_KEY)
        with respx.mock() as posthog:
            query = posthog.post(QUERY_URL).respond(200, json=payload("query_page_2"))
            await sync_events(context)

    request = query.calls.last.request
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    body = json.loads(request.content)
    assert body["refresh"] == "force_blocking"  # a cached answer could hide new events
    assert body["query"]["query"].startswith(
        "SELECT uuid, event, distinct_id, properties, timestamp FROM events WHERE"
    )


async def test_first_sync_reaches_back_one_day(make_sync: Any, payload: Payload) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        with respx.mock() as posthog:
            query = posthog.post(QUERY_URL).respond(200, json=payload("query_page_2"))
            report = await sync_events(context)

    assert "timestamp > now() - INTERVAL 1 DAY" in sent_query(query.calls.last)
    assert report.created == 2
    assert pipeline.saved[-1]["last_synced"] == "2024-12-03T10:20:00.000000Z"


async def test_resumes_after_the_saved_cursor(make_sync: Any, payload: Payload) -> None:
    async with httpx.AsyncClient() as http:
        context, _ = make_sync(
            http, last_synced=PAGE_1_LAST[0], last_synced_uuid=PAGE_1_LAST[1].upper()
        )
        with respx.mock() as posthog:
            query = posthog.post(QUERY_URL).respond(200, json=payload("query_page_2"))
            await sync_events(context)

    assert f"uuid > toUUID('{PAGE_1_LAST[1]}')" in sent_query(query.calls.last)


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("https://eu.posthog.com", "https://eu.posthog.com/api/projects/9137/query/"),
        ("https://posthog.corp.example/", "https://posthog.corp.example/api/projects/9137/query/"),
    ],
)
async def test_other_hosts(make_sync: Any, payload: Payload, host: str, url: str) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http, host=host)
        with respx.mock() as posthog:
            posthog.post(url).respond(200, json=payload("query_page_2"))
            report = await sync_events(context)

    assert report.error is None and report.created == 2
    item = pipeline.items["0193890a-0005-7000-8000-0a0b0c0d0e05"]
    assert item.title == "Error: Quota exceeded for export job 8841"


async def test_waits_out_a_429_then_continues(make_sync: Any, payload: Payload) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).mock(
                side_effect=[
                    httpx.Response(429, headers={"Retry-After": "7"}, json={"detail": "slow"}),
                    httpx.Response(200, json=payload("query_page_2")),
                ]
            )
            report = await sync_events(context)

    assert pipeline.sleeps == [7.0]
    assert report.error is None
    assert report.created == 2


async def test_gives_up_after_repeated_429s(make_sync: Any) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http, last_synced="2024-12-01T00:00:00Z")
        with respx.mock() as posthog:
            query = posthog.post(QUERY_URL).respond(429, headers={"Retry-After": "2"})
            report = await sync_events(context)

    assert query.call_count == 4
    assert pipeline.sleeps == [2.0, 2.0, 2.0]
    assert report.error is not None and "429" in report.error
    assert pipeline.saved == []
    assert report.last_synced == "2024-12-01T00:00:00Z"


async def test_does_not_hold_the_run_for_an_hour_long_retry_after(make_sync: Any) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).respond(429, headers={"Retry-After": "3600"})
            report = await sync_events(context)

    assert pipeline.sleeps == []
    assert report.error is not None and "3600" in report.error


async def test_rejected_key_is_reported_without_leaking_it(make_sync: Any) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http, api_key=API_KEY, last_synced="2024-12-01T00:00:00Z")
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).respond(
                401,
                json={
                    "type": "authentication_error",
                    "code": "authentication_failed",
                    "detail": "Personal API key found in request Authorization header is invalid.",
                },
            )
            report = await sync_events(context)

    assert report.error is not None
    assert "401" in report.error and "API key" in report.error
    # What answered is not echoed back: a config could point sync at any host.
    assert "is invalid" not in report.error
    assert API_KEY not in report.error
    assert pipeline.saved == [] and pipeline.items == {}
    assert report.last_synced == "2024-12-01T00:00:00Z"


@pytest.mark.parametrize(
    ("response", "says"),
    [
        (error_page(500, "Query failed: Code: 241. Memory limit exceeded"), "500"),
        (error_page(403, "API key missing required scope 'query:read'"), "query:read"),
        (error_page(404, "Not found."), "no project 9137"),
        (httpx.Response(200, text="<html>maintenance</html>"), "not JSON"),
        (httpx.Response(200, json={"results": None}), "results"),
        (httpx.Response(200, json={"results": [["only-one-column"]]}), "results[0]"),
    ],
)
async def test_api_failures_become_the_report_error(
    make_sync: Any, response: httpx.Response, says: str
) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).mock(return_value=response)
            report = await sync_events(context)

    assert report.error is not None and says in report.error
    assert pipeline.saved == []


async def test_network_failure_is_reported(make_sync: Any) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).mock(side_effect=httpx.ConnectError("connection refused"))
            report = await sync_events(context)

    assert report.error is not None
    assert "could not reach PostHog at https://us.posthog.com" in report.error
    assert pipeline.saved == []


@pytest.mark.parametrize(
    "second",
    [
        error_page(502, "Bad gateway"),
        httpx.Response(200, json={"columns": ["uuid"], "results": [["0193"]], "hasMore": False}),
    ],
    ids=["http-error", "unreadable-page"],
)
async def test_failure_half_way_keeps_the_first_page(
    make_sync: Any, payload: Payload, second: httpx.Response
) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http, last_synced="2024-12-03T10:00:00Z")
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).mock(
                side_effect=[httpx.Response(200, json=payload("query_page_1")), second]
            )
            report = await sync_events(context, page_size=3)

    assert report.error is not None
    assert report.created == 3 and len(pipeline.items) == 3
    assert pipeline.saved == [{"last_synced": PAGE_1_LAST[0], "last_synced_uuid": PAGE_1_LAST[1]}]
    assert report.last_synced == PAGE_1_LAST[0]


async def test_store_failure_mid_page_keeps_what_was_stored(
    make_sync: Any, payload: Payload
) -> None:
    failing = "0193890a-0002-7000-8000-0a0b0c0d0e02"
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http, fail_on=frozenset({failing}))
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).respond(200, json=payload("query_page_1"))
            report = await sync_events(context, page_size=3)

    assert report.error is not None and failing in report.error
    assert report.created == 1
    # The next run resumes right after the one event that was stored, not before or after.
    stored = {
        "last_synced": "2024-12-03T10:15:00.123456Z",
        "last_synced_uuid": "0193890a-0001-7000-8000-0a0b0c0d0e01",
    }
    assert pipeline.saved == [stored]


async def test_a_page_served_twice_stops_the_run(make_sync: Any, payload: Payload) -> None:
    page = payload("query_page_1")
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        with respx.mock() as posthog:
            query = posthog.post(QUERY_URL).respond(200, json=page)
            report = await sync_events(context, page_size=3)

    assert query.call_count == 2
    assert report.error is not None and "same page" in report.error
    assert report.created == 3 and len(pipeline.saved) == 1


async def test_max_pages_bounds_one_run(make_sync: Any, payload: Payload) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        with respx.mock() as posthog:
            query = posthog.post(QUERY_URL).mock(
                side_effect=[httpx.Response(200, json=payload("query_page_1"))]
            )
            report = await sync_events(context, page_size=3, max_pages=1)

    assert query.call_count == 1
    assert report.error is None and report.pages == 1
    assert pipeline.saved[-1]["last_synced"] == PAGE_1_LAST[0]


async def test_events_already_delivered_count_as_duplicates(
    make_sync: Any, payload: Payload
) -> None:
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        await pipeline.ingest(
            {
                "uuid": "0193890a-0004-7000-8000-0a0b0c0d0e04",
                "event": "$exception",
                "distinct_id": "posting-api",
                "properties": {},
                "timestamp": "2024-12-03T10:17:00.5Z",
            }
        )
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).respond(200, json=payload("query_page_2"))
            report = await sync_events(context)

    assert (report.created, report.duplicates) == (1, 1)
    assert len(pipeline.items) == 2


async def test_properties_may_arrive_as_objects(make_sync: Any, payload: Payload) -> None:
    page = payload("query_page_2")
    for row in page["results"]:
        row[3] = json.loads(row[3])
    async with httpx.AsyncClient() as http:
        context, pipeline = make_sync(http)
        with respx.mock() as posthog:
            posthog.post(QUERY_URL).respond(200, json=page)
            report = await sync_events(context)

    assert report.error is None
    java = pipeline.items["0193890a-0004-7000-8000-0a0b0c0d0e04"]
    assert "PostingService.java:88 in io.ledgerly.posting.PostingService.post" in java.body


async def test_event_names_are_escaped_in_the_query(make_sync: Any, payload: Payload) -> None:
    names = ["$exception", "checkout' OR 1=1 --", "back\\slash\nnewline"]
    async with httpx.AsyncClient() as http:
        context, _ = make_sync(http, event_types=names)
        with respx.mock() as posthog:
            query = posthog.post(QUERY_URL).respond(200, json=payload("query_page_2"))
            await sync_events(context)

    sent = sent_query(query.calls.last)
    assert "event IN ('$exception', 'checkout\\' OR 1=1 --', 'back\\\\slash\\nnewline')" in sent


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        ("$exception", "'$exception'"),
        ("it's", "'it\\'s'"),
        ("a\\'b", "'a\\\\\\'b'"),
        ("tab\there\x00", "'tab\\there\\0'"),
    ],
)
def test_hogql_string_literals(value: str, literal: str) -> None:
    assert hogql_string(value) == literal


async def test_unconfigured_sync_reports_what_is_missing(make_sync: Any) -> None:
    async with httpx.AsyncClient() as http:
        context, _ = make_sync(http, api_key=None)
        with respx.mock() as posthog:
            report = await sync_events(context)

    assert posthog.calls.call_count == 0
    assert report.error is not None and "api_key" in report.error


@pytest.mark.parametrize(
    ("values", "configured"),
    [
        ({}, False),
        ({"api_key": SecretStr(API_KEY)}, False),
        ({"project_id": "9137"}, False),
        ({"api_key": SecretStr(""), "project_id": "9137"}, False),
        ({"api_key": SecretStr(API_KEY), "project_id": "9137"}, True),
    ],
)
def test_sync_configured_needs_key_and_project(values: dict[str, Any], configured: bool) -> None:
    assert PostHogHandler.sync_configured(PostHogConfig(**values)) is configured
