"""Grouping by route and job: access lines, framework request lines, routes with methods, entry
points named before their stack, releases that rename a function on one route."""

from __future__ import annotations

from typing import Any

import pytest

from soulcaster_core.clustering.clusterer import Clusterer
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo, Frame
from soulcaster_core.store.port import Store

from .grouping_kit import PROJECT, clusters_of, exc, item


async def test_an_error_logged_without_its_type_meets_its_twin_on_the_same_route(
    clusterer: Clusterer, store: Store
) -> None:
    # Two Go handlers dereference nil: Sentry names the type, the service's log only says it.
    said = "runtime error: invalid memory address or nil pointer dereference"
    usage = item(
        exceptions=[exc("runtime.errorString", said, "meterUsage", "Summarise")],
        endpoint="GET /v1/meters/{id}/usage",
    )
    tariffs = item(
        exceptions=[exc("runtime.errorString", said, "listTariffs", "rateFor")],
        endpoint="GET /v1/tariffs",
    )
    logged = item(
        "splunk",
        exceptions=[ExceptionInfo(type=None, value=said, frames=[])],
        endpoint="/v1/meters/8812/usage",
    )
    elsewhere = item(
        "splunk",
        exceptions=[ExceptionInfo(type=None, value=said, frames=[])],
        endpoint="/v1/readings",
    )
    a, b, c, d = await clusters_of(clusterer, store, usage, tariffs, logged, elsewhere)
    assert a != b
    assert c == a
    assert d not in (a, b)  # a route neither was seen on: it says what both say


async def test_logs_on_a_route_s_pages_meet_its_error_and_not_another_route_s(
    clusterer: Clusterer, store: Store
) -> None:
    # A log drain names the page's path, slug and all; Sentry names the route, which drops its
    # parameter. A slug is a word, not an id: the path goes on where the route's name ends.
    # (Two slugs' pages before the route is known stay apart: nothing tells a slug from a page.)
    said = 'duplicate key value violates unique constraint "bookings_bike_id_slot_start_key"'

    def logged(path: str) -> FeedbackItem:
        error = ExceptionInfo(type="NeonDbError", value=said, frames=[])
        return item("splunk", exceptions=[error], endpoint=path)

    sentry, first, second, other = await clusters_of(
        clusterer,
        store,
        item(
            exceptions=[exc("NeonDbError", said, "createBooking", "insertRow")],
            endpoint="/book/[slug]",
        ),
        logged("/book/intro-to-sql"),
        logged("/book/rust-for-pythonistas"),
        logged("/waitlist"),
    )
    assert first == second == sentry
    assert other != sentry


async def test_an_alert_that_named_a_job_first_joins_the_stack_that_proves_it_ran_there(
    clusterer: Clusterer, store: Store
) -> None:
    # The job's log came first (no job name on it), then the monitor naming the job, then
    # Sentry's event: the stack of the log, under the job the monitor named.
    said = "You have insufficient available funds in your Stripe account."

    def stack(source: str, **fields: Any) -> FeedbackItem:
        return item(
            source,
            exceptions=[exc("StripeInvalidRequestError", said, "process", "transferToTutor")],
            **fields,
        )

    def monitor() -> FeedbackItem:
        return item(
            "datadog",
            "Background task failures on resource_name:payouts:weekly-transfer",
            "Task payouts:weekly-transfer on jobs failed 29 times in the last 15 minutes.",
            endpoint="payouts:weekly-transfer",
        )

    logged, alert, sentry, again = await clusters_of(
        clusterer,
        store,
        stack("splunk"),
        monitor(),
        stack("sentry", endpoint="payouts:weekly-transfer"),
        monitor(),
    )
    assert alert != logged
    assert sentry == logged
    assert again == logged  # the monitor's next firing goes where its first one went
    members = await store.cluster_item_ids(PROJECT, logged, limit=10)
    assert len(members[0]) == 4  # the first firing moved too
    assert await store.get_cluster(PROJECT, alert) is None


async def test_a_log_line_that_names_code_is_no_alert_a_stack_draws_in(
    clusterer: Clusterer, store: Store
) -> None:
    def dropped(source: str, module: str | None = None) -> FeedbackItem:
        frames = [
            Frame(function="call", module=module, filename="endpoint.ex"),
            Frame(function="hold", module="Seatmap.Holds", filename="holds.ex"),
        ]
        thrown = ExceptionInfo(type="DBConnection.ConnectionError", value="dropped", frames=frames)
        return item(source, exceptions=[thrown])

    # The log names no module; the start-up line names one; Sentry's frames name it too.
    error, started, sentry = await clusters_of(
        clusterer,
        store,
        dropped("splunk"),
        item("splunk", "09:00:02.114 [info] Running SeatmapWeb.Endpoint with cowboy 2.12.0"),
        dropped("sentry", module="SeatmapWeb.Endpoint"),
    )
    assert sentry == error != started
    assert await store.get_cluster(PROJECT, started) is not None


@pytest.mark.parametrize(
    "said",
    [
        "Exception on /refunds/94031 [POST]",
        "Internal Server Error: /refunds/94031/",
        "Uncaught exception POST /refunds/94031 (10.0.3.7)",  # Tornado's
        "ERROR ktor.application - Unhandled error on POST /refunds/94031",  # Ktor's
    ],
)
async def test_the_line_a_framework_logs_for_a_failed_request_meets_the_error_there(
    clusterer: Clusterer, store: Store, said: str
) -> None:
    # Flask's, Django's, Tornado's and Ktor's words when a view raised, quoted by a monitor's
    # sample.
    refund = item(exceptions=[exc("KeyError", "'account_ref'", "refund")], endpoint="/refunds/<id>")
    order = item(
        exceptions=[exc("UndefinedError", "'x' is undefined", "detail")], endpoint="/orders/<id>"
    )
    quoted = item("datadog", exceptions=[ExceptionInfo(type=None, value=said, frames=[])])
    a, b, c = await clusters_of(clusterer, store, refund, order, quoted)
    assert c == a != b


async def test_a_saved_search_s_rows_about_two_jobs_are_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # A stats row names the task and a count; the search's name is the same on every row.
    def row(task: str) -> FeedbackItem:
        return item("splunk", "[Splunk] worker - failures by task (hourly)", endpoint=task)

    charge = "billing.tasks.charge_renewal"
    receipt = "orders.tasks.send_order_receipt"
    found = await clusters_of(
        clusterer,
        store,
        item(exceptions=[exc("CardError", "declined", "charge_renewal")], endpoint=charge),
        row(charge),
        row(receipt),
        item(exceptions=[exc("TemplateDoesNotExist", "receipt.html", "render")], endpoint=receipt),
        row(receipt),
    )
    assert found[1] == found[0]
    assert found[2] == found[3] == found[4] != found[0]


def in_file(function: str, filename: str, **fields: Any) -> FeedbackItem:
    """A Prisma error raised in ``function`` of ``filename``, the only application frame."""
    frames = [Frame(function=function, filename=filename, in_app=True)]
    said = "\nInvalid `prisma.booking.update()` invocation:\n\nRecord to update not found."
    thrown = ExceptionInfo(type="PrismaClientKnownRequestError", value=said, frames=frames)
    return item(exceptions=[thrown], **fields)


async def test_a_function_renamed_by_a_release_is_the_same_problem_on_the_same_route(
    clusterer: Clusterer, store: Store
) -> None:
    route = {"endpoint": "POST /v1/bookings/{id}/cancel"}
    before, after, elsewhere, other_route = await clusters_of(
        clusterer,
        store,
        in_file("cancelBooking", "/app/src/routes/bookings.ts", **route),
        in_file("cancelMemberBooking", "/app/dist/routes/bookings.js", **route),
        # The same words from another file, or on another route: another problem.
        in_file("refundBooking", "/app/src/routes/refunds.ts", **route),
        in_file("rescheduleBooking", "/app/src/routes/bookings.ts", endpoint="POST /v1/x"),
    )
    assert after == before
    assert elsewhere != before
    assert other_route != before


async def test_a_renamed_stack_seen_first_without_its_route_joins_when_an_item_names_it(
    clusterer: Clusterer, store: Store
) -> None:
    route = {"endpoint": "POST /v1/bookings/{id}/cancel"}
    renamed, old, proof = await clusters_of(
        clusterer,
        store,
        in_file("cancelMemberBooking", "/app/dist/routes/bookings.js"),  # a log: no route
        in_file("cancelBooking", "/app/src/routes/bookings.ts", **route),
        in_file("cancelMemberBooking", "/app/dist/routes/bookings.js", **route),
    )
    assert renamed == proof != old
    # The new name's cluster joined the problem's: one cluster holds all three.
    ids, _ = await store.cluster_item_ids(PROJECT, old, limit=10)
    assert len(ids) == 3
    assert await store.get_cluster(PROJECT, renamed) is None


def morgan(method: str, path: str, status: int) -> FeedbackItem:
    """An access log line (Express's morgan, combined format) in a Splunk row."""
    raw = (
        f'10.28.161.13 - - [11/Mar/2026:00:38:02 +0000] "{method} {path} HTTP/1.1" {status} 61 '
        '"https://app.example/" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"'
    )
    return item(
        "splunk", "[Splunk] api 5xx", exceptions=[ExceptionInfo(type=None, value=raw, frames=[])]
    )


async def test_an_access_line_the_app_answered_500_meets_the_error_of_its_route(
    clusterer: Clusterer, store: Store
) -> None:
    said = "Cannot read properties of undefined (reading 'startsAt')"
    booking = item(
        exceptions=[exc("TypeError", said, "createBooking", "slotOf")], endpoint="POST /v1/bookings"
    )
    # The same message on another route of the same path, raised elsewhere: a near miss.
    reschedule = item(
        exceptions=[exc("TypeError", said, "reschedule", "windowOf")],
        endpoint="PATCH /v1/bookings/{booking_id}",
    )
    found = await clusters_of(
        clusterer,
        store,
        booking,
        reschedule,
        morgan("POST", "/v1/bookings", 500),
        morgan("PATCH", "/v1/bookings/38456", 500),
        # A proxy's answer (the upstream was down) is another layer's problem.
        morgan("POST", "/v1/bookings", 504),
    )
    assert found[2] == found[0]
    assert found[3] == found[1]
    assert found[4] not in found[:2]


async def test_an_access_line_that_came_first_draws_the_error_of_its_route(
    clusterer: Clusterer, store: Store
) -> None:
    first, error, other = await clusters_of(
        clusterer,
        store,
        morgan("PUT", "/v1/lessons/8812/notes", 500),
        item(
            exceptions=[exc("TypeError", "Cannot read properties of null", "saveNotes", "canEdit")],
            endpoint="PUT /v1/lessons/:lessonId/notes",
        ),
        # Another bug on that route, after: the line told of the first, not of every bug there.
        item(
            exceptions=[exc("RangeError", "Invalid time value", "saveNotes", "stamp")],
            endpoint="PUT /v1/lessons/:lessonId/notes",
        ),
    )
    assert error == first
    assert other != first


def heroku_router(path: str, request_id: str, fwd: str) -> FeedbackItem:
    """Heroku's router line (logfmt) in a Splunk row, its Logplex head read off."""
    raw = (
        f'at=error code=H12 desc="Request timeout" method=GET path="{path}"'
        f' host=dispatch.herokuapp.com request_id={request_id} fwd="{fwd}" dyno=web.9'
        " connect=0ms service=30000ms status=503 bytes=0 protocol=https"
    )
    return item(
        "splunk", "[Splunk] router errors", exceptions=[ExceptionInfo(type=None, value=raw)]
    )


async def test_a_router_s_logfmt_line_is_its_request_and_answer(
    clusterer: Clusterer, store: Store
) -> None:
    # Two routes time out: each is a problem, whatever label, request id or client it served.
    labels, labels_again, quotes = await clusters_of(
        clusterer,
        store,
        heroku_router("/api/labels/291919.pdf", "39dd51e0-2e21", "10.39.207.241"),
        heroku_router("/api/labels/107720.pdf", "91516bbe-6c83", "10.25.187.60"),
        heroku_router("/api/quotes?zone=4", "770366ac-72ed", "10.12.30.61"),
    )
    assert labels == labels_again != quotes


async def test_an_alert_quoting_one_errors_words_on_a_route_draws_no_other_error_there(
    clusterer: Clusterer, store: Store
) -> None:
    # A browser-logs monitor quotes one TypeError on the pet form's submit; Sentry's stack of
    # another TypeError entering by the same submit is another bug.
    alert = item(
        "datadog",
        exceptions=[ExceptionInfo(type="TypeError", value="'toFixed' is not a function")],
        endpoint="submitPetForm",
    )
    other = item(
        exceptions=[exc("TypeError", "cannot read property 'trim' of null", "submitPetForm")]
    )
    same = item(exceptions=[exc("TypeError", "'toFixed' is not a function", "submitPetForm")])
    first, elsewhere, joined = await clusters_of(clusterer, store, alert, other, same)
    assert elsewhere != first
    assert joined == first
