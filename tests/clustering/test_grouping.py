"""Grouping keys: one problem, one cluster, whichever tool saw it and however it said it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from soulcaster_core.clustering.clusterer import ALGORITHM, Clusterer
from soulcaster_core.clustering.document import document_for
from soulcaster_core.clustering.explain import grouping_of
from soulcaster_core.clustering.messages import canonical
from soulcaster_core.clustering.stack_frames import frame_name
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo, Frame
from soulcaster_core.store.port import Store

from .grouping_kit import PROJECT, clusters_of, exc, item


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("TypeError", "Cannot read properties of undefined (reading 'price')"),
        ("TypeError", 'can\'t access property "price", item is undefined'),
        ("TypeError", "undefined is not an object (evaluating 'item.price')"),
        ("TypeError", "Cannot read property 'price' of undefined"),
    ],
)
def test_three_engines_wordings_are_one_message(kind: str, message: str) -> None:
    assert canonical(kind, message).message == "cannot read property 'price' of undefined"


@pytest.mark.parametrize(
    "message",
    [
        "Invalid currency code : undefined",
        "invalid currency code in NumberFormat(): undefined",
        "currency is not a well-formed currency code",
    ],
)
def test_three_engines_words_for_a_missing_currency_are_one_message(message: str) -> None:
    assert canonical("RangeError", message).message == "invalid currency code: undefined"


def test_chromes_word_for_json_that_is_no_json_is_the_others() -> None:
    said = canonical("SyntaxError", '"[object Object]" is not valid JSON').message
    assert said == canonical("SyntaxError", "JSON.parse: unexpected character").message


def test_temporal_s_wrappers_around_an_activity_s_error_are_read_past() -> None:
    said = (
        "activity error (type: SubmitCarrierPayout, scheduledEventID: 5, startedEventID: 6,"
        " identity: 1@dispatch-worker@): payout 25: validate beneficiary: iban checksum mismatch"
        " (type: wrapError, retryable: true)"
    )
    assert canonical(None, said).message == (
        "payout 25: validate beneficiary: iban checksum mismatch"
    )


def test_grpc_s_status_around_a_server_s_error_is_read_past() -> None:
    said = "rpc error: code = Internal desc = lookup depot for scan: no rows in result set"
    assert canonical(None, said).message == "lookup depot for scan: no rows in result set"


def test_a_first_line_that_only_introduces_the_problem_takes_the_next_one() -> None:
    # Prisma's errors: the call on the first line, what failed below it.
    unique = "\nInvalid `prisma.booking.create()` invocation:\n\n\nUnique constraint failed"
    foreign = "\nInvalid `prisma.booking.create()` invocation:\n\n\nForeign key constraint failed"
    said = [canonical("PrismaClientKnownRequestError", m).message for m in (unique, foreign)]
    assert said == [
        "Invalid prisma.booking.create() invocation: Unique constraint failed",
        "Invalid prisma.booking.create() invocation: Foreign key constraint failed",
    ]


def test_not_a_function_in_every_engine() -> None:
    said = {
        canonical("TypeError", m).message
        for m in (
            "cart.applyCoupon is not a function",
            "this.cart.applyCoupon is not a function. (In 'this.cart.applyCoupon(code)', "
            "'this.cart.applyCoupon' is undefined)",
            "(intermediate value).applyCoupon is not a function",
        )
    }
    assert said == {"'applyCoupon' is not a function"}


def test_keys_ignore_lines_files_and_packages() -> None:
    sentry = item(
        exceptions=[
            ExceptionInfo(
                type="java.lang.IllegalStateException",
                value="cart is closed",
                frames=[
                    Frame(module="com.shop.Cart", function="checkout", lineno=40, in_app=True),
                    Frame(module="com.shop.Cart", function="close", lineno=88, in_app=True),
                ],
            )
        ]
    )
    later_release = item(
        "splunk",
        exceptions=[
            ExceptionInfo(
                type="IllegalStateException",
                value="cart is closed",
                frames=[
                    Frame(function="com.shop.Cart.checkout", filename="Cart.java", lineno=41),
                    Frame(function="com.shop.Cart.close", filename="Cart.java", lineno=93),
                ],
            )
        ],
    )
    assert document_for(sentry).signature == document_for(later_release).signature


pytestmark = pytest.mark.anyio


async def test_same_message_at_two_code_locations_is_two_clusters(
    clusterer: Clusterer, store: Store
) -> None:
    message = "index out of range [3] with length 3"
    a, b = await clusters_of(
        clusterer,
        store,
        item(exceptions=[exc("panic", message, "main", "handleOrders", "splitBatch")]),
        item(exceptions=[exc("panic", message, "main", "exportReport", "pageRows")]),
    )
    assert a != b


async def test_an_alert_without_a_trace_joins_by_message(
    clusterer: Clusterer, store: Store
) -> None:
    error = item(exceptions=[exc("KeyError", "'user_id'", "profile_view", "load_profile")])
    monitor = item("datadog", exceptions=[ExceptionInfo(type="KeyError", value="'user_id'")])
    other = item("datadog", exceptions=[ExceptionInfo(type="KeyError", value="'order_id'")])
    a, b, c = await clusters_of(clusterer, store, error, monitor, other)
    assert a == b != c


async def test_an_alert_naming_only_an_error_type_and_its_repeat_in_one_batch(
    clusterer: Clusterer, store: Store
) -> None:
    # Nothing but the type: no message, no frames, no service (a monitor on @error.kind).
    first, again = (
        item("datadog", exceptions=[ExceptionInfo(type="GatewayTimeout")]) for _ in "12"
    )
    for one in (first, again):
        await store.ingest(one)
    a, b = await clusterer.assign(PROJECT, [first, again])
    assert (a.method, b.method) == ("new", "service")
    assert a.cluster_id == b.cluster_id


async def test_an_untyped_line_under_a_job_and_its_repeat_in_one_batch(
    clusterer: Clusterer, store: Store
) -> None:
    # An error said without a type or frames under a job (Temporal's "Workflow panic" record):
    # its first key is the job it mentions. Its repeat in the same batch used to crash the batch.
    first, again = (
        item(
            "splunk",
            exceptions=[ExceptionInfo(type=None, value="Workflow panic")],
            endpoint="ReconcileLedgerWorkflow",
        )
        for _ in "12"
    )
    for one in (first, again):
        await store.ingest(one)
    a, b = await clusterer.assign(PROJECT, [first, again])
    assert (a.method, b.method) == ("new", "entry")
    assert a.cluster_id == b.cluster_id


async def test_an_alert_naming_only_service_and_kind_joins_the_one_such_cluster(
    clusterer: Clusterer, store: Store
) -> None:
    error = item(
        exceptions=[exc("TimeoutError", "read timed out after 30s", "charge")],
        service="payments",
    )
    monitor = item("datadog", exceptions=[ExceptionInfo(type="TimeoutError")], service="payments")
    elsewhere = item("datadog", exceptions=[ExceptionInfo(type="TimeoutError")], service="search")
    a, b, c = await clusters_of(clusterer, store, error, monitor, elsewhere)
    assert a == b != c


async def test_an_alert_naming_only_a_type_joins_the_one_such_problem_seen_just_before_it(
    clusterer: Clusterer, store: Store
) -> None:
    # Two TimeoutError problems in "payments": the monitor counted the one of its last minutes.
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def timeout(function: str, minutes: int) -> FeedbackItem:
        error = exc("TimeoutError", f"{function} timed out", function)
        at = start + timedelta(minutes=minutes)
        return item(exceptions=[error], service="payments", created_at=at)

    def monitor(minutes: int) -> FeedbackItem:
        at = start + timedelta(minutes=minutes)
        alert = ExceptionInfo(type="TimeoutError")
        return item("datadog", exceptions=[alert], service="payments", created_at=at)

    charge, refund, alert, refund_again, both_recent = await clusters_of(
        clusterer,
        store,
        timeout("charge", 0),
        timeout("refund", 240),
        monitor(250),
        timeout("refund", 600),
        monitor(605),  # the charge problem was seen hours ago, the refund one just now
    )
    assert alert == refund == refund_again == both_recent != charge

    # Both seen in the minutes before it: the alert could be either, and joins neither.
    charge_again, undecided = await clusters_of(
        clusterer, store, timeout("charge", 606), monitor(610)
    )
    assert charge_again == charge
    assert undecided not in (charge, refund)


async def test_an_alert_that_joined_one_error_does_not_draw_another_s_words(
    clusterer: Clusterer, store: Store
) -> None:
    # postgres.js errors carry no caller: two bugs of one type, told apart by their words.
    def postgres(constraint: str) -> FeedbackItem:
        said = f'duplicate key value violates unique constraint "{constraint}"'
        return item(exceptions=[ExceptionInfo(type="PostgresError", value=said)], service="shop")

    monitor = item("datadog", exceptions=[ExceptionInfo(type="PostgresError")], service="shop")
    alert, orders, reviews, orders_again = await clusters_of(
        clusterer,
        store,
        monitor,
        postgres("orders_checkout_id_key"),
        postgres("reviews_order_id_key"),
        postgres("orders_checkout_id_key"),
    )
    assert alert == orders == orders_again
    assert reviews != orders


async def test_an_alert_that_joined_one_stack_does_not_draw_another_stack_of_its_type(
    clusterer: Clusterer, store: Store
) -> None:
    # The monitor counts UniqueViolationError spans of "api" and joins the first such bug; a
    # second bug of that type, with a stack of its own, is not that alert's problem.
    # (The first bug is seen in a log row that names no service.)
    passes = item(
        "splunk",
        exceptions=[exc("UniqueViolationError", 'violates "rider_pass_key"', "buy_pass")],
    )
    monitor = item(
        "datadog", exceptions=[ExceptionInfo(type="UniqueViolationError")], service="api"
    )
    referrals = item(
        exceptions=[exc("UniqueViolationError", 'violates "referral_code_key"', "refer")],
        service="api",
    )
    a, b, c = await clusters_of(clusterer, store, passes, monitor, referrals)
    assert a == b != c


async def test_a_log_that_states_only_the_file_meets_the_stack_raised_there(
    clusterer: Clusterer, store: Store
) -> None:
    # Two bugs say the same; the log line (Symfony's "at /src/Order/Reorderer.php line 33",
    # PHP's "in file:line", a Rust panic's location) names no function, only the file.
    said = "Call to a member function getSku() on null"

    def stack(function: str, file: str) -> ExceptionInfo:
        frame = Frame(function=function, filename=f"/var/www/html/src/{file}", in_app=True)
        return ExceptionInfo(type="Error", value=said, frames=[frame])

    basket = item(exceptions=[stack("addLine", "Cart/Basket.php")])
    reorder = item(exceptions=[stack("reorder", "Order/Reorderer.php")])
    only_where = ExceptionInfo(
        type="Error",
        value=said,
        frames=[Frame(filename="/var/www/html/src/Order/Reorderer.php", lineno=33)],
    )
    logged = item("splunk", exceptions=[only_where])
    a, b, c = await clusters_of(clusterer, store, basket, reorder, logged)
    assert a != b == c
    explained = grouping_of(await store.get_item(PROJECT, logged.id))
    assert explained is not None and explained["method"] == "place"


async def test_a_stack_raised_in_another_file_does_not_meet_a_log_that_said_only_where(
    clusterer: Clusterer, store: Store
) -> None:
    # The log that names only the file comes first this time (a Messenger worker's record);
    # a stack of the same words raised in another file is another bug.
    said = "Call to a member function getPrice() on null"

    def stack(function: str, file: str) -> ExceptionInfo:
        frame = Frame(function=function, filename=f"/var/www/app/src/{file}", in_app=True)
        return ExceptionInfo(type="Error", value=said, frames=[frame])

    only_where = ExceptionInfo(
        type="Error",
        value=said,
        frames=[Frame(filename="/var/www/app/src/Pricing/BasketRepricer.php", lineno=63)],
    )
    logged = item("splunk", exceptions=[only_where])
    cart = item(exceptions=[stack("addEdition", "Cart/CartManager.php")])
    reprice = item(exceptions=[stack("reprice", "Pricing/BasketRepricer.php")])
    first, other, same = await clusters_of(clusterer, store, logged, cart, reprice)
    assert other != first == same


async def test_logs_that_state_only_one_file_meet_before_any_stack(
    clusterer: Clusterer, store: Store
) -> None:
    # CakePHP's error.log names files only. Two records of one error raised in one file are one
    # problem even before a stack is seen; the same words raised in another file are another.
    said = "Call to a member function format() on null"

    def logged(file: str) -> FeedbackItem:
        where = Frame(filename=f"/var/www/app/src/{file}", lineno=33)
        return item("splunk", exceptions=[ExceptionInfo(type="Error", value=said, frames=[where])])

    a, b, c = await clusters_of(
        clusterer,
        store,
        logged("Mailer/TicketMailer.php"),
        logged("Mailer/TicketMailer.php"),
        logged("Pdf/TicketPdf.php"),
    )
    assert a == b != c


def test_a_runtime_s_file_is_no_place() -> None:
    # A monitor's sample cut after Go's runtime frames: every nil panic is raised there.
    runtime = Frame(filename="/usr/local/go/src/runtime/signal_unix.go", lineno=917, in_app=False)
    panic = ExceptionInfo(type="panic", value="runtime error: nil map", frames=[runtime])
    assert document_for(item("datadog", exceptions=[panic])).places == ()
    app = Frame(filename="/src/internal/lockers/open.go", lineno=41)
    said = panic.model_copy(update={"frames": [app, runtime]})
    assert document_for(item("datadog", exceptions=[said])).places == ("open",)


async def test_a_stack_meets_the_log_that_said_only_its_file_first(
    clusterer: Clusterer, store: Store
) -> None:
    only_where = ExceptionInfo(
        type="panic",
        value="called `Option::unwrap()` on a `None` value",
        frames=[Frame(filename="src/payslip/totals.rs", lineno=88)],
    )
    logged = item("splunk", exceptions=[only_where])
    panic = item(
        exceptions=[
            ExceptionInfo(
                type="panic",
                value="called `Option::unwrap()` on a `None` value",
                frames=[Frame(function="payslip::totals::sum", filename="src/payslip/totals.rs")],
            )
        ],
        service="payslips",
    )
    elsewhere = item(
        exceptions=[
            ExceptionInfo(
                type="panic",
                value="called `Option::unwrap()` on a `None` value",
                frames=[Frame(function="bank::iban::parse", filename="src/bank/iban.rs")],
            )
        ],
        service="payslips",
    )
    a, b, c = await clusters_of(clusterer, store, logged, panic, elsewhere)
    assert a == b != c


async def test_a_framework_s_wrapper_is_read_past_to_the_error_it_wraps(
    clusterer: Clusterer, store: Store
) -> None:
    # Symfony Messenger, Pedestal: the thrown exception wraps the application's and has only
    # the framework's frames. A log that shows only the wrapped error is the same problem, and
    # an alert quoting the wrapper still finds it.
    def lib(function: str) -> Frame:
        return Frame(function=function, module="Symfony\\Component\\Messenger", in_app=False)

    cause = ExceptionInfo(
        type="Doctrine\\DBAL\\Exception\\UniqueConstraintViolationException",
        value='duplicate key value violates unique constraint "offer_unique"',
        frames=[Frame(function="record", module="App\\Offers\\Recorder", in_app=True)],
    )
    wrapper = ExceptionInfo(
        type="Symfony\\Component\\Messenger\\Exception\\HandlerFailedException",
        value='Handling "App\\Message\\RecordOffer" failed',
        frames=[lib("dispatch"), lib("handle")],
    )
    reported = item(exceptions=[cause, wrapper], service="portal")
    # The log's text kept the wrapper's frames but lost its headline.
    logged = item("splunk", exceptions=[cause, ExceptionInfo(frames=wrapper.frames)])
    alert = item(
        "datadog",
        exceptions=[ExceptionInfo(type=wrapper.type, value=wrapper.value)],
        service="portal",
    )
    a, b, c = await clusters_of(clusterer, store, reported, logged, alert)
    assert a == b == c


async def test_a_route_learnt_from_a_later_member_keeps_out_the_same_words_elsewhere(
    clusterer: Clusterer, store: Store
) -> None:
    # A server log names no route; the same error reported by Sentry does. A browser error
    # that says the same on another page is another problem.
    said = "Cannot read properties of undefined (reading 'variants')"
    logged = item("splunk", exceptions=[exc("TypeError", said, "defaultVariant")])
    reported = item(
        exceptions=[exc("TypeError", said, "defaultVariant")], endpoint="GET /products/{slug}"
    )
    browser = item(
        "posthog",
        exceptions=[ExceptionInfo(type="TypeError", value=said)],
        endpoint="/listings/9/edit",
    )
    a, b, c = await clusters_of(clusterer, store, logged, reported, browser)
    assert a == b != c


async def test_two_bugs_ending_in_one_helper_stay_apart_and_each_meets_its_twin(
    clusterer: Clusterer, store: Store
) -> None:
    def through_helper(*callers: str) -> FeedbackItem:
        return item(exceptions=[exc("AppError", "request failed", *callers, "report_error")])

    refunds = through_helper("dispatch_refunds", "refund_order")
    invoices = through_helper("render_invoices", "invoice_pdf")
    # A release renamed the outer caller, in its file.
    refunds_again = through_helper("dispatch_refunds_v2", "refund_order")
    refunds_again.exceptions[-1].frames[0].filename = "app/dispatch_refunds.py"
    invoices_again = through_helper("render_invoices", "invoice_pdf")
    a, b, c, d = await clusters_of(
        clusterer, store, refunds, invoices, refunds_again, invoices_again
    )
    assert a != b
    assert (c, d) == (a, b)


async def test_one_bug_whose_sdks_disagree_on_in_app_is_one_cluster(
    clusterer: Clusterer, store: Store
) -> None:
    # One SDK counts the app's HTTP wrapper as application code, the other does not.
    sentry = item(exceptions=[exc("HTTPError", "502 Bad Gateway", "sync_orders", "fetch_json")])
    posthog = item(
        "posthog",
        exceptions=[
            ExceptionInfo(
                type="HTTPError",
                value="502 Bad Gateway",
                frames=[
                    Frame(function="sync_orders", in_app=True),
                    Frame(function="fetch_json", filename="lib/http.py", in_app=False),
                ],
            )
        ],
    )
    a, b = await clusters_of(clusterer, store, sentry, posthog)
    assert a == b


async def test_minified_frames_leave_the_decision_to_the_message(
    clusterer: Clusterer, store: Store
) -> None:
    mapped = item(
        exceptions=[exc("TypeError", "Cannot read properties of null (reading 'id')", "saveCart")]
    )
    minified = item(
        "splunk",
        exceptions=[
            ExceptionInfo(
                type="TypeError",
                value="null is not an object (evaluating 'n.id')",
                frames=[Frame(function="t", filename="https://cdn/chunk-3f9a1.js", in_app=True)],
            )
        ],
    )
    a, b = await clusters_of(clusterer, store, mapped, minified)
    assert a == b


async def test_log_values_of_several_words_meet_their_one_word_siblings(
    clusterer: Clusterer, store: Store
) -> None:
    lines = [
        "chrome.exe - proxy.example.org:5070 close, 0 bytes sent, 0 bytes received, lifetime 00:01",
        "chrome.exe - proxy.example.org:5070 close, 1,234 bytes (1.20 KB) sent, 312 bytes "
        "received, lifetime <1 sec",
        "chrome.exe - proxy.example.org close, 5,120 bytes (5.00 KB) sent, 3,001 bytes (2.93 KB) "
        "received, lifetime 02:10",
    ]
    found = await clusters_of(clusterer, store, *(item("manual", line) for line in lines))
    assert len(set(found)) == 1


async def test_one_search_s_rows_for_two_jobs_are_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # "stats count by JOB_NAME": the row's job is its endpoint; its count a value of one
    # word or several.
    def row(job: str, count: str) -> FeedbackItem:
        return item("splunk", f"failed batch job executions ({count})", endpoint=job)

    telematics, invoices, telematics_again = await clusters_of(
        clusterer,
        store,
        row("telematicsImportJob", "24h"),
        row("invoiceRunJob", "7d (168h)"),
        row("telematicsImportJob", "7d (168h)"),
    )
    assert telematics != invoices
    assert telematics == telematics_again


async def test_the_item_records_which_key_grouped_it_and_what_was_read(
    clusterer: Clusterer, store: Store
) -> None:
    first = item(exceptions=[exc("KeyError", "'user_id'", "profile_view", "load_profile")])
    again = item("posthog", exceptions=[exc("KeyError", "'user_id'", "load_profile")])
    await clusters_of(clusterer, store, first, again)
    stored = await store.get_item(PROJECT, again.id)
    assert stored is not None
    assert grouping_of(stored) == {
        "method": "frames",
        "reason": "same exception type and innermost application frame",
        "algorithm": ALGORITHM,
        "similarity": 1.0,
        "key": document_for(stored).signature,
        "type": "KeyError",
        "message": "'user_id'",
        "frames": ["load_profile"],
        "frames_from": "exceptions",
        "raised_in": ["load_profile"],
        "service": None,
        "endpoint": None,
    }


async def test_an_error_logged_without_its_type_meets_its_typed_twin(
    clusterer: Clusterer, store: Store
) -> None:
    # Sentry names the Go error's type; the service's own log line does not.
    sentry = item(exceptions=[exc("*edi.SyntaxError", "unexpected segment", "run", "importFile")])
    logged = item(
        "splunk",
        exceptions=[exc("", "unexpected segment", "run", "importFile", in_app=None)],
    )
    a, b = await clusters_of(clusterer, store, sentry, logged)
    assert a == b


async def test_one_function_name_in_two_files_is_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    def create(controller: str) -> FeedbackItem:
        frame = Frame(function="create", filename=f"app/controllers/{controller}.rb", in_app=True)
        error = ExceptionInfo(type="RecordNotUnique", value="duplicate key", frames=[frame])
        return item(exceptions=[error])

    a, b, c = await clusters_of(
        clusterer, store, create("enrollments"), create("wishlists"), create("enrollments")
    )
    assert a != b and a == c


async def test_the_second_file_s_problem_is_found_again_by_its_file(
    clusterer: Clusterer, store: Store
) -> None:
    # Two pages of one app fail alike in a function of one name; the function's key leads to
    # the first page's problem. The second page's, told again by a log (no service, no route)
    # and again by its SDK, is found by its file with the same frames.
    def page(route: str, source: str, service: str | None = None) -> FeedbackItem:
        frame = Frame(function="getServerSideProps", filename=f"pages/{route}.js", in_app=True)
        error = ExceptionInfo(
            type="TypeError",
            value="Cannot read properties of undefined (reading 'departures')",
            frames=[frame],
        )
        return item(source, exceptions=[error], service=service)

    first, second, logged, again = await clusters_of(
        clusterer,
        store,
        page("[id]", "sentry"),
        page("[route]", "sentry", "ferry-web"),
        page("[route]", "splunk"),
        page("[route]", "sentry", "ferry-web"),
    )
    assert first != second
    assert logged == again == second


async def test_a_log_s_stack_taken_where_it_was_logged_meets_the_panic_below_it(
    clusterer: Clusterer, store: Store
) -> None:
    # zap's "stacktrace" is the logging call's: the handler, not the function that panicked.
    # Another bug says the same words, so the words alone decide nothing.
    message = "runtime error: invalid memory address or nil pointer dereference"
    elsewhere = item(exceptions=[exc("runtime.Error", message, "Pickup", "Release")])
    panic = item(exceptions=[exc("runtime.Error", message, "Deposit", "Assign")])
    logged = item("splunk", exceptions=[exc("", message, "Deposit", in_app=None)])
    other = item("splunk", exceptions=[exc("", "locker is full", "Deposit")])
    _, a, b, c = await clusters_of(clusterer, store, elsewhere, panic, logged, other)
    assert a == b != c


async def test_a_log_of_only_the_root_cause_with_its_stack_meets_the_chain(
    clusterer: Clusterer, store: Store
) -> None:
    # Sentry sends Spring's wrapper and Hibernate's cause, each with its frames; Tomcat's
    # "with root cause" record prints only the cause, with its own stack.
    stale = "Row was updated or deleted by another transaction"

    def cause(function: str) -> ExceptionInfo:
        frames = [
            Frame(function=function, filename="CheckInService.java", in_app=True),
            Frame(function="flush", filename="SessionImpl.java", in_app=False),
        ]
        return ExceptionInfo(type="StaleObjectStateException", value=stale, frames=frames)

    def chain(function: str) -> FeedbackItem:
        thrown = ExceptionInfo(
            type="ObjectOptimisticLockingFailureException",
            value="Object of class [Booking] with identifier [4]: optimistic locking failed",
            frames=[Frame(function=function, filename="CheckInService.java", in_app=True)],
        )
        return item(exceptions=[cause(function), thrown])

    def root_cause(function: str) -> FeedbackItem:
        return item("splunk", exceptions=[cause(function)])

    # Two functions fail alike: the cause's words alone cannot tell which.
    check_in, check_out, logged_in, logged_out = await clusters_of(
        clusterer,
        store,
        chain("checkIn"),
        chain("checkOut"),
        root_cause("checkIn"),
        root_cause("checkOut"),
    )
    assert check_in != check_out
    assert (logged_in, logged_out) == (check_in, check_out)


async def test_a_chain_meets_the_log_of_its_root_cause_that_came_first(
    clusterer: Clusterer, store: Store
) -> None:
    # The log of the root cause with its stack arrives before Sentry's chain; an APM monitor
    # counting the wrapper's type in the service came before both.
    said = "HikariPool-1 - Connection is not available, request timed out after 30000ms."

    def cause(function: str) -> ExceptionInfo:
        frames = [
            Frame(function=function, filename="ProductController.java", in_app=True),
            Frame(function="getConnection", filename="HikariPool.java", in_app=False),
        ]
        return ExceptionInfo(type="SQLTransientConnectionException", value=said, frames=frames)

    def chain(function: str) -> FeedbackItem:
        thrown = ExceptionInfo(
            type="CannotCreateTransactionException",
            value="Could not open JPA EntityManager for transaction",
            frames=[Frame(function=function, filename="ProductController.java", in_app=True)],
        )
        return item(exceptions=[cause(function), thrown], service="order-api")

    monitor = item(
        "datadog",
        exceptions=[ExceptionInfo(type="CannotCreateTransactionException")],
        service="order-api",
    )
    logged = item("splunk", exceptions=[cause("bySlug")], service="order-api")
    _, first, sentry, elsewhere = await clusters_of(
        clusterer, store, monitor, logged, chain("bySlug"), chain("checkout")
    )
    assert sentry == first
    assert elsewhere != first


async def test_the_first_words_heard_at_a_frame_an_alert_showed_tell_the_next_apart(
    clusterer: Clusterer, store: Store
) -> None:
    # A monitor showed only the failing function; the first error there says what failed in
    # it, and another entity's "not found" raised in the same function is another bug.
    def not_found(entity: str) -> FeedbackItem:
        said = f'Could not find any entity of type "{entity}" matching: {{"id": 7}}'
        return item(exceptions=[exc("EntityNotFoundError", said, "assign")])

    alert = item("datadog", exceptions=[exc("", "", "assign")])
    first, driver, depot, depot_again = await clusters_of(
        clusterer, store, alert, not_found("Driver"), not_found("Depot"), not_found("Depot")
    )
    assert driver == first
    assert depot != driver
    assert depot_again == depot


async def test_a_wrapper_quoted_by_an_alert_meets_the_error_whose_words_it_ends_in(
    clusterer: Clusterer, store: Store
) -> None:
    # Symfony Messenger's HandlerFailedException says 'Handling "<message>" failed: ' and its
    # cause's words; Sentry reports the cause, with its stack.
    idle = 'Idle timeout reached for "https://stock.example/api/reserve".'
    cause = item(exceptions=[exc("TransportException", idle, "__invoke", "reserve")])

    def wrapper(said: str) -> FeedbackItem:
        value = f'Handling "App\\Message\\ReservePaper" failed: {said}'
        return item(
            "datadog", exceptions=[ExceptionInfo(type="HandlerFailedException", value=value)]
        )

    sentry, alert, other = await clusters_of(
        clusterer, store, cause, wrapper(idle), wrapper("Paper stock is negative for sheet A4")
    )
    assert alert == sentry
    assert other != sentry


async def test_an_untyped_error_logged_over_the_loggers_stack_meets_the_error_it_logged(
    clusterer: Clusterer, store: Store
) -> None:
    # Go: Sentry reports the wrapped error with the stack where it was made; zap logs
    # "ingest failed: <the error>" with the stack of the log call (a helper, then the handler).
    said = "insert 40 readings: rpc error: code = DeadlineExceeded desc = context deadline exceeded"
    sentry = item(exceptions=[exc("*fmt.wrapError", said, "IngestReadings", "writeBatch")])

    def logged(handler: str) -> FeedbackItem:
        thrown = exc("", f"ingest failed: {said.replace('40', '41')}", handler, "logErr")
        return item("splunk", exceptions=[thrown])

    first, same, elsewhere = await clusters_of(
        clusterer, store, sentry, logged("IngestReadings"), logged("SyncTariffs")
    )
    assert same == first
    assert elsewhere != first  # the same words logged by a handler the error never ran in


async def test_one_lookup_failing_for_two_models_is_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # Active Job cannot deserialize a job whose record is gone: which model says which job.
    def gone(model: str, source: str = "sentry") -> FeedbackItem:
        said = f"Error while trying to deserialize arguments: Couldn't find {model} with 'id'=7"
        return item(source, exceptions=[ExceptionInfo(type="DeserializationError", value=said)])

    booking, inspection, booking_again = await clusters_of(
        clusterer, store, gone("Booking"), gone("Inspection", "splunk"), gone("Booking", "splunk")
    )
    assert inspection != booking
    assert booking_again == booking


async def test_a_later_stack_tells_apart_two_bugs_first_seen_without_one(
    clusterer: Clusterer, store: Store
) -> None:
    message = "Cannot read properties of undefined (reading 'price')"
    browser = item("posthog", exceptions=[ExceptionInfo(type="TypeError", value=message)])
    card = item(exceptions=[exc("TypeError", message, "CourseCard", "formatPrice")])
    upsell = item(exceptions=[exc("TypeError", message, "BundleUpsell")])
    a, b, c = await clusters_of(clusterer, store, browser, card, upsell)
    assert a == b != c


async def test_an_alert_naming_a_task_meets_the_errors_raised_in_it(
    clusterer: Clusterer, store: Store
) -> None:
    error = item(
        exceptions=[
            exc(
                "SoftTimeLimitExceeded",
                "SoftTimeLimitExceeded()",
                "build_weekly_report",
                "iter_rows",
            )
        ]
    )
    other = item(exceptions=[exc("ReadTimeout", "read timed out", "sync_supplier_stock", "fetch")])
    alert = item(
        "datadog",
        "[P2] [Triggered on {resource_name:reports.tasks.build_weekly_report}] Task failures",
    )
    alert_other = item(
        "datadog",
        "[P2] [Triggered on {resource_name:inventory.tasks.sync_supplier_stock}] Task failures",
    )
    a, b, c, d = await clusters_of(clusterer, store, error, other, alert, alert_other)
    assert (c, d) == (a, b)


async def test_a_monitor_alert_with_only_a_type_then_its_errors(
    clusterer: Clusterer, store: Store
) -> None:
    alert = item("datadog", exceptions=[ExceptionInfo(type="NonExistentTimeError")], service="web")
    error = item(exceptions=[exc("NonExistentTimeError", "2026-03-29 02:30:00", "localize")])
    a, b = await clusters_of(clusterer, store, alert, error)
    assert a == b


async def test_an_api_client_two_frames_deep_is_a_helper(
    clusterer: Clusterer, store: Store
) -> None:
    def failing(caller: str) -> FeedbackItem:
        return item(
            exceptions=[exc("ApiError", "Request failed: 500", caller, "request", "toApiError")]
        )

    a, b, c = await clusters_of(
        clusterer, store, failing("saveDietary"), failing("saveWindow"), failing("saveDietary")
    )
    assert a != b and a == c


async def test_the_program_before_a_dash_is_a_value_of_one_word_or_several(
    clusterer: Clusterer, store: Store
) -> None:
    lines = [
        "chrome.exe - proxy.example.org:5070 close, 0 bytes sent, 0 bytes received, lifetime 00:01",
        "Code Helper (Renderer) - api.github.com close, 1,234 bytes (1.20 KB) sent, 312 bytes "
        "received, lifetime <1 sec",
        "svchost.exe *64 - 10.0.0.7:443 close, 5 bytes sent, 3 bytes received, lifetime 02:10",
        "chrome.exe - proxy.example.org:5070 open through proxy proxy.example.org:3128 HTTPS",
    ]
    found = await clusters_of(clusterer, store, *(item("manual", line) for line in lines))
    assert len(set(found[:3])) == 1
    assert found[3] != found[0]


async def test_a_task_named_by_an_alert_is_claimed_by_the_first_error_that_enters_it(
    clusterer: Clusterer, store: Store
) -> None:
    alert = item("datadog", "[P2] [Triggered on {resource_name:claims.submit_claim}] Task failures")
    timeout = item(exceptions=[exc("ReadTimeout", "read timed out", "submit_claim", "submit")])
    invalid = item(
        exceptions=[exc("ValidationError", "1 validation error", "submit_claim", "submit")]
    )
    a, b, c = await clusters_of(clusterer, store, alert, timeout, invalid)
    assert a == b != c


def test_messages_quoted_by_a_logger_or_rendered_by_an_alert_are_the_same_message() -> None:
    plain = canonical("TypeError", "App\\Rent::weekly(): Argument 1 must be of type int")
    quoted = canonical("TypeError", '"App\\Rent::weekly(): Argument 1 must be of type int')
    assert plain == quoted
    assert canonical("QueryException", "update `stock` set x = 1") == canonical(
        "QueryException", "update stock set x = 1"
    )
    assert canonical("E", "") == ("E", "")


async def test_an_endpoint_monitor_meets_the_one_error_of_that_route(
    clusterer: Clusterer, store: Store
) -> None:
    # The error names no route in its frames: only its transaction does, and the monitor's
    # resource in Datadog's spelling. A second bug on another route stays apart.
    error = item(
        exceptions=[exc("InvalidOperation", "ConversionSyntax", "create_offer")],
        endpoint="POST /api/offers/{offer_id}/accept",
    )
    monitor = item(
        "datadog",
        "[P2] [Triggered on {resource_name:post_/api/offers/{offer_id}/accept}] api errors",
        endpoint="post_/api/offers/{offer_id}/accept",
    )
    other = item(
        "datadog",
        "[P2] [Triggered on {resource_name:get_/api/offers}] api errors",
        endpoint="get_/api/offers",
    )
    a, b, c = await clusters_of(clusterer, store, error, monitor, other)
    assert a == b != c


async def test_a_route_with_two_bugs_decides_no_alert(clusterer: Clusterer, store: Store) -> None:
    route = "POST /api/offers/{offer_id}/accept"
    first = item(exceptions=[exc("KeyError", "'price'", "accept_offer")], endpoint=route)
    second = item(exceptions=[exc("TimeoutError", "db timed out", "save_offer")], endpoint=route)
    monitor = item("datadog", "[P2] [Triggered] offer errors", endpoint="post_/api/offers/_/accept")
    a, b, c = await clusters_of(clusterer, store, first, second, monitor)
    assert len({a, b, c}) == 3


async def test_a_job_named_by_its_transaction_meets_the_task_monitor(
    clusterer: Clusterer, store: Store
) -> None:
    # Raised in the queue library's import of the job: no application frame names the job.
    error = item(
        exceptions=[
            ExceptionInfo(
                type="AttributeError",
                value="module 'farm.jobs' has no attribute 'rollup_totals'",
                frames=[Frame(function="import_attribute", filename="rq/utils.py", in_app=False)],
            )
        ],
        endpoint="farm.jobs.rollup_totals",
    )
    monitor = item(
        "datadog",
        "[P2] [Triggered on {resource_name:farm.jobs.rollup_totals}] Background task failures",
        endpoint="farm.jobs.rollup_totals",
    )
    a, b = await clusters_of(clusterer, store, monitor, error)
    assert a == b


async def test_a_monitors_groups_by_route_are_two_problems_by_host_one(
    clusterer: Clusterer, store: Store
) -> None:
    def alert(scope: str) -> FeedbackItem:
        return item("datadog", f"[P2] [Triggered on {{{scope}}}] Error rate on api routes")

    found = await clusters_of(
        clusterer,
        store,
        alert("resource_name:get_/v1/zones/{zone_id}/quote,service:api"),
        alert("resource_name:get_/v1/sessions/{session_id}/receipt,service:api"),
        alert("host:web-12,service:api"),
        alert("host:web-7,service:api"),
    )
    assert found[0] != found[1]
    assert found[2] == found[3] not in found[:2]


async def test_one_caller_each_in_two_files_makes_a_helper(
    clusterer: Clusterer, store: Store
) -> None:
    # A formatting helper innermost, called by two components: no rename moves a caller into
    # another file, so these are two bugs, each meeting its own repeat.
    def formatted(caller: str) -> FeedbackItem:
        frames = [
            Frame(function=caller, filename=f"/src/pages/{caller}.tsx", in_app=True),
            Frame(function="formatPence", filename="/src/lib/money.ts", in_app=True),
        ]
        kind, value = "TypeError", "Cannot read properties of null (reading 'toFixed')"
        return item(exceptions=[ExceptionInfo(type=kind, value=value, frames=frames)])

    a, b, c = await clusters_of(
        clusterer, store, formatted("PlanCard"), formatted("RideReceipt"), formatted("PlanCard")
    )
    assert a != b
    assert c == a


async def test_one_method_name_of_two_components_after_a_helper_is_two_callers(
    clusterer: Clusterer, store: Store
) -> None:
    # Every Vue component's caller is "render": a name shared in two files is two callers, so
    # the date helper is a helper and each component's bug meets only its own repeats.
    def formatted(component: str) -> FeedbackItem:
        frames = [
            Frame(function="render", filename=f"/src/components/{component}.vue", in_app=True),
            Frame(function="formatDay", filename="/src/lib/dates.ts", in_app=True),
        ]
        error = ExceptionInfo(type="RangeError", value="Invalid time value", frames=frames)
        return item(exceptions=[error])

    orders, delivery, delivery_again, orders_again = await clusters_of(
        clusterer,
        store,
        formatted("OrderHistory"),
        formatted("DeliveryStep"),
        formatted("DeliveryStep"),
        formatted("OrderHistory"),
    )
    assert orders != delivery
    assert delivery_again == delivery
    assert orders_again == orders


async def test_a_line_listing_many_jobs_names_none_of_them(
    clusterer: Clusterer, store: Store
) -> None:
    failing = item(exceptions=[exc("IntegrityError", "duplicate key", "import_trips")])
    startup = item(
        "splunk",
        "Starting worker for 4 functions: import_trips, rebalance_docks, send_invoices, "
        "sync_geofences",
    )
    a, b = await clusters_of(clusterer, store, failing, startup)
    assert a != b


async def test_a_sample_several_bugs_share_joins_none_of_them(
    clusterer: Clusterer, store: Store
) -> None:
    def panic(*callers: str) -> FeedbackItem:
        return item(exceptions=[exc("", "index out of range [3] with length 3", *callers)])

    def sample() -> FeedbackItem:
        # A monitor quoting the panic's message, nothing more.
        said = ExceptionInfo(type=None, value="index out of range [4] with length 4")
        return item("datadog", "[P2] [Triggered] Panics on booking", exceptions=[said])

    seats, first = await clusters_of(clusterer, store, panic("HoldSeats", "pickAdjacent"), sample())
    assert first == seats  # one bug says it so far: the sample is about it
    legs, second, third = await clusters_of(
        clusterer, store, panic("Quote", "legFare"), sample(), sample()
    )
    assert legs != seats
    assert second == third
    assert second not in (seats, legs)


async def test_a_stackless_error_that_two_bugs_throw_joins_neither(
    clusterer: Clusterer, store: Store
) -> None:
    value = "Cannot read properties of null (reading 'name')"
    swap = item(exceptions=[exc("TypeError", value, "submitOffer", "fieldLabel")])
    waitlist = item(exceptions=[exc("TypeError", value, "joinWaitlist", "fieldLabel")])
    waitlist.exceptions[-1].frames[0].filename = "src/waitlist/Join.tsx"

    def stackless() -> FeedbackItem:
        return item("posthog", exceptions=[ExceptionInfo(type="TypeError", value=value)])

    a, b, c, d = await clusters_of(clusterer, store, swap, waitlist, stackless(), stackless())
    assert a != b
    assert c == d not in (a, b)


def test_a_line_quoted_as_what_failed_still_states_its_exception() -> None:
    line = (
        "app/controllers/orders_controller.rb:21:in `show': Couldn't find Order with 'id'=3741 "
        "(ActiveRecord::RecordNotFound)"
    )
    doc = document_for(item("splunk", "[Splunk] errors", exceptions=[ExceptionInfo(value=line)]))
    assert (doc.exc_type, doc.message) == ("RecordNotFound", "Couldn't find Order with 'id'=<*>")


async def test_a_stackless_error_shared_by_two_services_goes_to_its_services_bug(
    clusterer: Clusterer, store: Store
) -> None:
    value = "Cannot read properties of undefined (reading 'map')"
    shop = item(exceptions=[exc("TypeError", value, "ProductList")], service="web-shop")
    admin = item(exceptions=[exc("TypeError", value, "OrderTable")], service="admin")
    alert = item(
        "datadog",
        "[P2] [Triggered on {service:web-shop}] Error logs on web-shop",
        exceptions=[ExceptionInfo(type="TypeError", value=value)],
        service="web-shop",
    )
    a, b, c = await clusters_of(clusterer, store, shop, admin, alert)
    assert a != b
    assert c == a


async def test_a_caller_renamed_in_its_file_is_a_release_not_a_helper(
    clusterer: Clusterer, store: Store
) -> None:
    # Two shared frames, then the one caller renamed by a release (endRental → finishRental),
    # in the same file: one bug. Callers in two files after the same frames are two.
    def ride(caller: str, file: str) -> FeedbackItem:
        frames = [
            Frame(function=caller, filename=f"/app/dist/routes/{file}.js", in_app=True),
            Frame(function="priceRide", filename="/app/dist/services/fares.js", in_app=True),
            Frame(function="applyCaps", filename="/app/dist/services/fares.js", in_app=True),
        ]
        value = "Cannot read properties of undefined (reading 'dailyCap')"
        return item(exceptions=[ExceptionInfo(type="TypeError", value=value, frames=frames)])

    a, b, c = await clusters_of(
        clusterer,
        store,
        ride("endRental", "rentals"),
        ride("finishRental", "rentals"),
        ride("renewPass", "passes"),
    )
    assert a == b
    assert c != a


async def test_a_task_monitor_after_an_error_without_application_frames_joins_it(
    clusterer: Clusterer, store: Store
) -> None:
    error = item(
        exceptions=[
            ExceptionInfo(
                type="AttributeError",
                value="module 'farm.jobs' has no attribute 'rollup_totals'",
                frames=[Frame(function="import_attribute", filename="rq/utils.py", in_app=False)],
            )
        ],
        endpoint="farm.jobs.rollup_totals",
    )
    monitor = item(
        "datadog",
        "[P2] [Triggered on {resource_name:farm.jobs.rollup_totals}] Background task failures",
        endpoint="farm.jobs.rollup_totals",
    )
    a, b = await clusters_of(clusterer, store, error, monitor)
    assert a == b


def test_a_jvm_lambda_is_named_after_its_method_not_its_counter() -> None:
    def named(function: str) -> str | None:
        return frame_name(Frame(function=function))

    # Kotlin and Java number the lambdas of a method; a release renumbers them.
    assert named("com.acme.ClaimFragment.onLoaded$lambda$3") == "onLoaded"
    assert named("com.acme.ClaimFragment.onLoaded$lambda-4") == "onLoaded"
    assert named("lambda$submit$0") == "submit"
    assert named("com.acme.Quotes.price") == "price"


async def test_one_message_on_two_pages_without_a_stack_is_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # Minified browser errors whose frames name nothing: the page is all that tells them apart.
    def null_price(page: str, wording: str) -> FeedbackItem:
        return item("posthog", exceptions=[exc("TypeError", wording)], endpoint=page)

    v8 = "Cannot read properties of null (reading 'toFixed')"
    gecko = 'can\'t access property "toFixed", o is null'
    plans, receipt, other_ride, plans_again = await clusters_of(
        clusterer,
        store,
        null_price("/plans", v8),
        null_price("/rides/8812", gecko),
        null_price("/rides/9120", v8),
        null_price("/plans", gecko),
    )
    assert plans != receipt
    assert receipt == other_ride  # one route, its ids aside
    assert plans == plans_again


async def test_an_error_without_a_stack_meets_the_stack_seen_on_its_page(
    clusterer: Clusterer, store: Store
) -> None:
    message = "Cannot read properties of null (reading 'toFixed')"
    plan_card = item(
        exceptions=[exc("TypeError", message, "PlanCard", "formatPence")], endpoint="/plans"
    )
    receipt = item(
        exceptions=[exc("TypeError", message, "RideReceipt", "formatPence")],
        endpoint="/rides/{ride_id}",
    )
    on_receipt = item("posthog", exceptions=[exc("TypeError", message)], endpoint="/rides/8812")
    on_plans = item("posthog", exceptions=[exc("TypeError", message)], endpoint="/plans")
    a, b, c, d = await clusters_of(clusterer, store, plan_card, receipt, on_receipt, on_plans)
    assert a != b
    assert (c, d) == (b, a)
    assert grouping_of((await store.get_item(PROJECT, on_plans.id)) or on_plans) is not None


async def test_another_error_on_the_page_is_not_the_page_s_error(
    clusterer: Clusterer, store: Store
) -> None:
    # An alert's word about a route meets the error entered there; another error seen on the
    # page, with a message of its own, does not.
    chunk = item(
        "posthog",
        exceptions=[exc("TypeError", "Importing a module script failed.")],
        endpoint="/visits/summary",
    )
    render = item(
        exceptions=[exc("TypeError", "c.prescriber is undefined", "renderSummary")],
        endpoint="/visits/summary",
    )
    a, b = await clusters_of(clusterer, store, render, chunk)
    assert a != b


async def test_an_access_log_line_is_its_request_and_answer(
    clusterer: Clusterer, store: Store
) -> None:
    # Envoy's access log in a Splunk row, and a monitor quoting the same request its own way.
    def envoy(path: str, status: int, flags: str) -> FeedbackItem:
        raw = (
            f'[2026-03-09T04:57:37.967Z] "POST {path} HTTP/1.1" {status} {flags} 412 91 36 - '
            '"10.16.37.199" "Mozilla/5.0" "6a4e79d7-cc7c-4baa-b084-0c79d5cfded4" "api.example" '
            '"10.24.67.159:9090"'
        )
        # (The Splunk plugin reads a one-line row as what failed: an untyped error.)
        return item(
            "splunk",
            "[Splunk] edge - envoy 5xx",
            exceptions=[ExceptionInfo(type=None, value=raw, frames=[])],
        )

    sample = item(
        "datadog",
        exceptions=[
            ExceptionInfo(
                type=None,
                value='"POST /v1/bookings/hold HTTP/1.1" 503 UF,URX upstream 10.38.92.54:9090',
                frames=[],
            )
        ],
    )
    hold, quotes, other_hold, monitor = await clusters_of(
        clusterer,
        store,
        envoy("/v1/bookings/hold", 503, "UF,URX"),
        envoy("/v1/quotes", 503, "UF,URX"),
        envoy("/v1/bookings/hold", 503, "UF,URX"),
        sample,
    )
    assert hold != quotes  # one format, two routes: two problems
    assert hold == other_hold == monitor


async def test_an_error_chain_printed_whole_meets_its_outer_error(
    clusterer: Clusterer, store: Store
) -> None:
    # anyhow in Sentry: the outer error with the stack, its cause apart; a monitor's log
    # sample prints the chain on one line.
    outer = ExceptionInfo(
        type="Error",
        value="insert payout batch for pay run 696473",
        frames=[Frame(function="insert_batch", filename="batches.rs", in_app=True)],
    )
    cause = ExceptionInfo(
        type="Database",
        value='error returned from database: duplicate key value violates unique constraint "x"',
        frames=[],
    )
    sentry = item(exceptions=[cause, outer])
    chain = (
        "insert payout batch for pay run 458370: error returned from database: "
        'duplicate key value violates unique constraint "x"'
    )
    sample = item("datadog", exceptions=[ExceptionInfo(type=None, value=chain, frames=[])])
    a, b = await clusters_of(clusterer, store, sentry, sample)
    assert a == b


async def test_every_job_s_perform_is_its_own_caller(clusterer: Clusterer, store: Store) -> None:
    # Two jobs time out in the one HTTP client: the client is a helper, though both callers
    # are reached from a method called ``perform`` (each its own job's, in its own file).
    def timeout(job_file: str, service: str, service_file: str) -> FeedbackItem:
        frames = [
            Frame(function="perform", filename=job_file, in_app=True),
            Frame(function=service, filename=service_file, in_app=True),
            Frame(function="post", filename="app/lib/http/client.rb", in_app=True),
        ]
        error = ExceptionInfo(type="Faraday::TimeoutError", value="Net::ReadTimeout", frames=frames)
        return item(exceptions=[error])

    wallet, pdf, wallet_again = await clusters_of(
        clusterer,
        store,
        timeout("app/jobs/wallet_pass_job.rb", "sign", "app/services/wallet_passes/apple.rb"),
        timeout("app/jobs/ticket_pdf_job.rb", "render", "app/services/pdf_service.rb"),
        timeout("app/jobs/wallet_pass_job.rb", "sign", "app/services/wallet_passes/apple.rb"),
    )
    assert wallet != pdf
    assert wallet == wallet_again


async def test_a_browser_error_s_page_is_not_a_word_about_another_error_there(
    clusterer: Clusterer, store: Store
) -> None:
    # "Error" says nothing of its kind: the message is read as a line quoted from the page.
    loop = item(
        "posthog",
        exceptions=[exc("Error", "ResizeObserver loop completed with undelivered notifications.")],
        endpoint="/payslips",
    )
    undefined = item(
        "posthog",
        exceptions=[exc("TypeError", "Cannot read properties of undefined (reading 'minor')")],
        endpoint="/payslips/2026-02",
    )
    a, b = await clusters_of(clusterer, store, loop, undefined)
    assert a != b


async def test_wrapped_errors_with_one_cause_and_two_contexts_are_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # Go errors reported from one place: the stack is the reporter's, the wrapping says which
    # operation failed; the shared cause is the dependency's timeout.
    def wrapped(message: str) -> FeedbackItem:
        return item(exceptions=[exc("*fmt.wrapError", message, "main", "Run", "report")])

    timeout = 'Get "https://api.example/v2/{0}?branch=HG-0{1}": context deadline exceeded'
    stock, prices, stock_again = await clusters_of(
        clusterer,
        store,
        wrapped("sync branch HG-034: fetch stock levels: " + timeout.format("stock", 34)),
        wrapped("sync prices HG-095: fetch prices: " + timeout.format("prices", 95)),
        wrapped("sync branch HG-062: fetch stock levels: " + timeout.format("stock", 62)),
    )
    assert stock != prices
    assert stock == stock_again


async def test_a_line_ending_in_another_error_s_cause_is_not_that_error(
    clusterer: Clusterer, store: Store
) -> None:
    # sql.ErrNoRows under two wrappings: the monitor's sample wraps it in "get driver", the
    # Sentry event in "get job"; the shared cause is the driver's sentinel, not the bug.
    def wrapped(message: str) -> FeedbackItem:
        cause = ExceptionInfo(type="*errors.errorString", value="no rows in result set")
        error = exc("*fmt.wrapError", f"{message}: no rows in result set", "Assign", "Error")
        return item(exceptions=[cause, error])

    sample = "tracking-api: update position failed - get driver 890440: no rows in result set"
    job, monitor, driver = await clusters_of(
        clusterer,
        store,
        wrapped("get job HT-36"),
        item("datadog", exceptions=[ExceptionInfo(type=None, value=sample, frames=[])]),
        item("datadog", exceptions=[ExceptionInfo(type=None, value=sample.replace("890440", "7"))]),
    )
    assert monitor != job
    assert monitor == driver


async def test_a_line_that_says_an_error_after_a_dash_meets_it(
    clusterer: Clusterer, store: Store
) -> None:
    # zerolog's message, then the error, as a Datadog monitor pastes the log line.
    said = 'send eta sms: Post "https://sms.example/v1/messages": context deadline exceeded'
    sentry = item(exceptions=[exc("*fmt.wrapError", said, "Notify", "post", "Error")])
    sample = item(
        "datadog",
        exceptions=[ExceptionInfo(type=None, value=f"tracking-api: eta sms failed - {said}")],
    )
    a, b = await clusters_of(clusterer, store, sentry, sample)
    assert a == b


async def test_one_function_s_two_failed_operations_are_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # anyhow contexts in one parse function: the stack is the same, the operation is not.
    def failed(context: str) -> FeedbackItem:
        return item(exceptions=[exc("Error", context, "scan", "parse", "construct")])

    decoding, verifying, decoding_again = await clusters_of(
        clusterer,
        store,
        failed("decoding boarding pass"),
        failed("verifying boarding pass"),
        failed("decoding boarding pass"),
    )
    assert decoding != verifying
    assert decoding == decoding_again


async def test_two_exception_types_raised_in_one_function_are_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # An arq job's fetch: a timeout and an HTML answer; TimeoutError says no message.
    html = "0, message='Attempt to decode JSON with unexpected mimetype: text/html'"
    decode = item(exceptions=[exc("ContentTypeError", html, "sync_lab_results", "fetch_json")])
    timeout = item(exceptions=[exc("TimeoutError", "", "sync_lab_results", "fetch_json")])
    logged = item("splunk", exceptions=[exc("TimeoutError", "", "fetch_json", in_app=None)])
    a, b, c = await clusters_of(clusterer, store, decode, timeout, logged)
    assert a != b
    assert b == c


async def test_a_recovered_panic_logged_with_its_request_meets_its_event(
    clusterer: Clusterer, store: Store
) -> None:
    # go-kratos' recovery middleware: "%v: %+v" of the panic and the request.
    # Another panic in the same function came first (the frames lead to it).
    index = "runtime error: index out of range [3] with length 3"
    panic = "runtime error: integer divide by zero"
    bounds = item(exceptions=[exc("*runtime.boundsError", index, "Grade", "Deduction")])
    sentry = item(exceptions=[exc("*runtime.errorString", panic, "Grade", "Deduction")])
    logged = item(
        "splunk",
        exceptions=[exc("", f"{panic}: &{{TicketId:273211 MoisturePct:0}}", "Grade", "Deduction")],
    )
    _, a, b = await clusters_of(clusterer, store, bounds, sentry, logged)
    assert a == b


async def test_a_sample_of_one_service_does_not_join_another_service_s_error(
    clusterer: Clusterer, store: Store
) -> None:
    nil = "runtime error: invalid memory address or nil pointer dereference"
    quote = item(
        exceptions=[exc("*runtime.errorString", nil, "Quote", "haulRate")], service="order"
    )
    other = item("datadog", title=nil, service="weighbridge")
    a, b = await clusters_of(clusterer, store, quote, other)
    assert a != b


async def test_a_client_s_grpc_status_line_meets_the_server_s_error(
    clusterer: Clusterer, store: Store
) -> None:
    said = "lookup depot for scan: no rows in result set"
    server = item(exceptions=[exc("*errors.withStack", said, "RecordScan", "ByCode")])
    client = item("splunk", title=f"rpc error: code = Internal desc = {said}")
    a, b = await clusters_of(clusterer, store, server, client)
    assert a == b


async def test_a_log_that_names_another_file_does_not_join_by_its_words(
    clusterer: Clusterer, store: Store
) -> None:
    # One PHP warning's words in two plugins' files: the log row says which file.
    said = 'Warning: Undefined array key "plan"'
    sentry = item(
        exceptions=[
            ExceptionInfo(
                type="ErrorException",
                value=said,
                frames=[Frame(function="update", filename="plugins/club/Members.php", lineno=88)],
            )
        ]
    )

    def logged(path: str) -> FeedbackItem:
        where = Frame(filename=path, lineno=12)
        return item(
            "splunk", exceptions=[ExceptionInfo(type="ErrorException", value=said, frames=[where])]
        )

    club, seeds = await clusters_of(
        clusterer, store, sentry, logged("plugins/seeds/Germination.php")
    )
    assert club != seeds


async def test_an_error_quoted_whole_meets_the_line_that_says_it_after_its_context(
    clusterer: Clusterer, store: Store
) -> None:
    def quoted(source: str, text: str) -> FeedbackItem:
        return item(source, exceptions=[ExceptionInfo(type=None, value=text, frames=[])])

    error = 'sync branch HG-{0}: fetch stock levels: Get "https://w.example/v2/stock": timeout'
    monitor, row, other_row = await clusters_of(
        clusterer,
        store,
        quoted("datadog", "branch sync failed (stock): " + error.format("026")),
        quoted("splunk", error.format("017")),
        quoted("splunk", error.format("023")),
    )
    assert monitor == row == other_row
    # A few words said after another line's context say too little to be its error.
    short, longer = await clusters_of(
        clusterer,
        store,
        quoted("datadog", "proxy failed: upstream connect error"),
        quoted("splunk", "upstream connect error"),
    )
    assert short != longer


def test_a_message_quoted_with_where_it_was_thrown_is_the_message() -> None:
    # Symfony logs 'Uncaught PHP Exception TypeError: "<message>" at <file> line <n>'.
    said = canonical(
        "TypeError",
        '"App\\Stock::weightFor(): Return value must be of type int, null returned" at '
        "/var/www/html/src/Catalogue/PaperStock.php line 57",
    )
    assert (
        said.message == "App\\Stock::weightFor(): Return value must be of type int, null returned"
    )


async def test_two_views_files_in_two_packages_are_two_places(
    clusterer: Clusterer, store: Store
) -> None:
    # Django's views.py in every app: one method name in cabins/views.py and bookings/views.py.
    def unique(table: str, app: str, path: str) -> FeedbackItem:
        frames = [Frame(function="post", filename=path, in_app=True)]
        value = f'duplicate key value violates unique constraint "{table}"'
        return item(exceptions=[ExceptionInfo(type="IntegrityError", value=value, frames=frames)])

    cabins, seats, cabins_bare = await clusters_of(
        clusterer,
        store,
        unique("cabins_cabinhold_uniq", "cabins", "/app/cabins/views.py"),
        unique("bookings_seatreservation_uniq", "bookings", "/app/bookings/views.py"),
        # A sender that gives the file without its directory still meets it.
        unique("cabins_cabinhold_uniq", "cabins", "views.py"),
    )
    assert cabins != seats
    assert cabins == cabins_bare


def test_clojure_s_ex_data_after_the_message_is_the_occurrence_s() -> None:
    printed = 'Insufficient stock {:sku "LW-403", :requested 3, :available 0}'
    assert canonical("clojure.lang.ExceptionInfo", printed).message == "Insufficient stock"


async def test_an_error_without_application_frames_draws_no_other_error_of_its_route(
    clusterer: Clusterer, store: Store
) -> None:
    # An Akka ask timeout (only the library's frames) and a parse error with its own stack,
    # both raised under POST /v1/readings: two problems.
    timeout = item(
        exceptions=[
            ExceptionInfo(
                type="akka.pattern.AskTimeoutException",
                value="Ask timed out",
                frames=[Frame(function="run", module="akka.actor.Scheduler", in_app=False)],
            )
        ],
        endpoint="POST /v1/readings",
    )
    parse = item(
        exceptions=[exc("NumberFormatException", 'For input string: "14,3"', "parse")],
        endpoint="POST /v1/readings",
    )
    a, b = await clusters_of(clusterer, store, timeout, parse)
    assert a != b


async def test_a_stack_meets_the_log_that_printed_only_its_root_cause_first(
    clusterer: Clusterer, store: Store
) -> None:
    said = 'ERROR: duplicate key value violates unique constraint "deposits_booking_id_key"'
    logged = item("splunk", exceptions=[ExceptionInfo(type="PG::UniqueViolation", value=said)])
    reported = item(
        exceptions=[
            ExceptionInfo(type="PG::UniqueViolation", value=said),
            exc("ROM::SQL::UniqueConstraintError", f"PG::UniqueViolation: {said}", "capture"),
        ]
    )
    a, b = await clusters_of(clusterer, store, logged, reported)
    assert a == b


async def test_a_stack_of_files_only_is_placed_by_its_file_and_the_file_that_called_it(
    clusterer: Clusterer, store: Store
) -> None:
    # Gin's recovery log names files only; two handlers panic in one client helper.
    said = "runtime error: invalid memory address or nil pointer dereference"

    def sentry(handler: str) -> FeedbackItem:
        frames = [
            Frame(
                function=f"Create{handler.title()}",
                filename=f"/src/internal/handlers/{handler}.go",
                in_app=True,
            ),
            Frame(function="Fetch", filename="/src/internal/registry/client.go", in_app=True),
        ]
        return item(exceptions=[ExceptionInfo(type="panic", value=said, frames=frames)])

    def gin(handler: str) -> FeedbackItem:
        frames = [
            Frame(filename=f"/src/internal/handlers/{handler}.go", lineno=41),
            Frame(filename="/src/internal/registry/client.go", lineno=63),
        ]
        return item("splunk", exceptions=[ExceptionInfo(type="panic", value=said, frames=frames)])

    a, b, c, d = await clusters_of(
        clusterer, store, sentry("meters"), sentry("quotes"), gin("quotes"), gin("meters")
    )
    assert a != b
    assert (c, d) == (b, a)


@pytest.mark.parametrize(
    "message",
    [
        "Failed to execute 'setItem' on 'Storage': Setting the value of 'draft:42' exceeded the"
        " quota.",
        "The quota has been exceeded.",
        "Exceeded quota",
    ],
)
def test_a_full_storage_in_every_engine_is_one_message(message: str) -> None:
    assert canonical("QuotaExceededError", message).message == "storage quota exceeded"


async def test_errors_that_say_only_their_code_are_one_problem_per_code(
    clusterer: Clusterer, store: Store
) -> None:
    # Angular's production build throws "NG0600" and "NG02100" without their text, from
    # minified frames that name no application code.
    def angular(code: str) -> FeedbackItem:
        return item(exceptions=[exc("Error", code, "Yl", in_app=False)])

    signal_write, pipe, pipe_again = await clusters_of(
        clusterer, store, angular("NG0600"), angular("NG02100"), angular("NG02100")
    )
    assert signal_write != pipe == pipe_again


async def test_an_nserror_is_its_domain_and_code(clusterer: Clusterer, store: Store) -> None:
    # "Code: -1009" is offline, "Code: -1001" a timeout: two problems of one domain, told by
    # their codes where the description says nothing more.
    def nserror(value: str) -> FeedbackItem:
        return item(exceptions=[ExceptionInfo(type="NSURLErrorDomain", value=value)])

    offline, timeout, offline_again = await clusters_of(
        clusterer, store, nserror("Code: -1009"), nserror("Code: -1001"), nserror("Code: -1009")
    )
    assert offline == offline_again != timeout


async def test_a_line_any_failed_request_logs_joins_no_other(
    clusterer: Clusterer, store: Store
) -> None:
    # A monitor quoted uvicorn's line over a traceback cut before its exception: which bug
    # failed the request is not said, so two such alerts are not one problem.
    def cut(source: str) -> FeedbackItem:
        said = ExceptionInfo(type=None, value="Exception in ASGI application")
        return item(source, title="fleet-api unhandled exceptions", exceptions=[said])

    first, second = await clusters_of(clusterer, store, cut("datadog"), cut("datadog"))
    assert first != second
    # Airflow's line for any task that raised, its record's head kept.
    airflow = "[2026-03-09, 22:09:13 UTC] {taskinstance.py:2699} ERROR - Task failed with exception"
    task = item("datadog", exceptions=[ExceptionInfo(type=None, value=airflow)])
    assert document_for(task).says_nothing
    litestar = item("datadog", exceptions=[ExceptionInfo(type=None, value="Uncaught exception")])
    assert document_for(litestar).says_nothing
    said_nothing = document_for(cut("splunk"))
    assert said_nothing.explain()["template"] == "Exception in ASGI application"
    # It registers no key, when a re-grouping places it either (``Clusterer.remember``).
    assert said_nothing.all_keys() == ()


async def test_one_timeout_calling_two_services_is_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # One HTTP helper, two upstreams: the host the call failed to reach tells them apart,
    # whatever the query or the path's values.
    def timeout(url: str) -> FeedbackItem:
        said = f'Get "{url}": context deadline exceeded (Client.Timeout exceeded)'
        return item(exceptions=[exc("*url.Error", said, "Do")], service="quay-api")

    weather, tides, weather_again = await clusters_of(
        clusterer,
        store,
        timeout("https://api.seaweather.example/v3/forecast?lat=12.2"),
        timeout("https://tides.hydro.example/api/stations/53/predictions"),
        timeout("https://api.seaweather.example/v3/forecast?lat=28.8"),
    )
    assert weather == weather_again != tides


async def test_a_monitor_quoting_celerys_failure_line_meets_the_tasks_error(
    clusterer: Clusterer, store: Store
) -> None:
    said = (
        "Task shop.tasks.send_sms[5d52] raised unexpected: ReadTimeout(ReadTimeoutError("
        "\"HTTPSConnectionPool(host='sms.example', port=443): Read timed out.\"))"
    )
    error = item(
        exceptions=[
            exc(
                "requests.exceptions.ReadTimeout",
                "HTTPSConnectionPool(host='sms.example', port=443): Read timed out.",
                "send_sms",
            )
        ],
        service="worker",
    )
    monitor = item("datadog", exceptions=[ExceptionInfo(value=said)], service="worker")
    assert len(set(await clusters_of(clusterer, store, error, monitor))) == 1


async def test_a_monitors_recoveries_are_apart_from_its_alerts(
    clusterer: Clusterer, store: Store
) -> None:
    def monitor(state: str) -> FeedbackItem:
        return item(
            "datadog",
            title=f"[P2] [{state}] manifest-batch failures",
            service="manifest-batch",
            metadata={"status": state.lower()},
        )

    fired, recovered, fired_again, recovered_again = await clusters_of(
        clusterer,
        store,
        monitor("Triggered"),
        monitor("Recovered"),
        monitor("Triggered"),
        monitor("Recovered"),
    )
    assert fired == fired_again != recovered == recovered_again


async def test_a_message_of_json_over_lines_is_read_whole(
    clusterer: Clusterer, store: Store
) -> None:
    # zod's ZodError says its issues as a JSON array: "[" alone is its first line.
    def zod(field: str) -> FeedbackItem:
        said = (
            f'[\n  {{\n    "code": "invalid_type",\n    "path": [\n      "{field}"\n    ]\n  }}\n]'
        )
        return item(exceptions=[exc("ZodError", said, "parse", in_app=False)])

    damage, rental, damage_again = await clusters_of(
        clusterer, store, zod("damage"), zod("rental"), zod("damage")
    )
    assert damage == damage_again != rental


async def test_a_wrapper_that_defers_to_its_inner_exception_is_told_by_it(
    clusterer: Clusterer, store: Store
) -> None:
    wrapper = (
        "An error occurred while saving the entity changes. See the inner exception for details."
    )

    def duplicate(index: str, function: str) -> FeedbackItem:
        inner = ExceptionInfo(
            type="Npgsql.PostgresException",
            value=f'23505: duplicate key value violates unique constraint "{index}"',
        )
        thrown = exc("Microsoft.EntityFrameworkCore.DbUpdateException", wrapper, function)
        return item(exceptions=[inner, thrown], service="clinic-api")

    patient, appointment, patient_again = await clusters_of(
        clusterer,
        store,
        duplicate("IX_Patients_Email", "SaveAsync"),
        duplicate("IX_Appointments_VetId_StartsAt", "SaveAsync"),
        duplicate("IX_Patients_Email", "SaveAsync"),
    )
    assert patient == patient_again != appointment


def test_a_message_copied_out_of_a_json_string_keeps_single_backslashes() -> None:
    # Monolog's JSON context doubles a PHP namespace's backslashes; Sentry's event does not.
    logged = canonical("ModelNotFoundException", r"No query results for model [App\\Models\\Pet] 7")
    sent = canonical("ModelNotFoundException", r"No query results for model [App\Models\Pet] 7")
    assert logged == sent


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("Cannot read properties of undefined (reading 'axle')", "TypeError"),
        ("undefined is not an object (evaluating 'part.axle')", "TypeError"),
        ("basket.total is not a function", "TypeError"),
        ("Can't find variable: gtag", "ReferenceError"),
        ("Invalid time value", "RangeError"),
        ("Unexpected token '<', \"<html>\" is not valid JSON", "SyntaxError"),
    ],
)
def test_an_engines_wording_names_the_type_a_sender_left_out(message: str, kind: str) -> None:
    # h3/Nitro log a server error's message without its type; Sentry sends the type.
    assert canonical(None, message).type == kind
    assert canonical("CustomError", message).type == "CustomError"  # a type sent is kept


async def test_a_log_of_a_js_error_without_its_type_meets_the_typed_event(
    clusterer: Clusterer, store: Store
) -> None:
    said = "Cannot read properties of undefined (reading 'axle')"

    def event(kind: str | None, path: str) -> FeedbackItem:
        frame = Frame(function="wheelFor", filename=path, lineno=40, in_app=True)
        return item(exceptions=[ExceptionInfo(type=kind, value=said, frames=[frame])])

    # The keys of the typed event and of the log that dropped the type are one.
    typed, untyped = event("TypeError", "fit.ts"), event(None, "fit.ts")
    assert document_for(untyped).all_keys() == document_for(typed).all_keys()
    # Nitro's build writes the server's code into one bundle: its name is no source file.
    nitro, sentry = await clusters_of(
        clusterer,
        store,
        event(None, "./.output/server/chunks/nitro/nitro.mjs"),
        event("TypeError", "server/utils/fit.ts"),
    )
    assert sentry == nitro


def test_an_http_status_with_its_reason_is_kept_in_a_message() -> None:
    def masked(message: str) -> str:
        return document_for(item(exceptions=[exc("FetchError", message, "shopApi")])).message

    bad_gateway = masked('[GET] "https://api.hub.example/v1/cart/81": 502 Bad Gateway')
    assert bad_gateway == '[GET] "<api.hub.example>": 502 Bad Gateway'
    assert masked("503 Server Error: Service Unavailable for url: https://x.example/1") == (
        "503 Server Error: Service Unavailable for url: <x.example>"
    )
    assert masked("took 503 ms for order 5021") == "took <*> for order <*>"  # values stay masked


async def test_two_answers_of_one_api_through_one_client_are_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    def failed(said: str, *callers: str) -> FeedbackItem:
        return item(exceptions=[exc("FetchError", said, *callers, "shopApi")])

    # A server log's message showing the client's frame alone, then ofetch's in Sentry
    # ("[GET] <url>: <status>") with the callers.
    bad_gateway, timeout, bad_gateway_again = await clusters_of(
        clusterer,
        store,
        failed('"https://api.hub.example/v1/cart": 502 Bad Gateway'),
        failed('[GET] "https://api.hub.example/v1/x": 504 Gateway Timeout', "listServices"),
        failed('[POST] "https://api.hub.example/v1/cart": 502 Bad Gateway', "addToCart"),
    )
    assert bad_gateway == bad_gateway_again != timeout


async def test_a_framework_wrapper_of_file_only_stacks_is_told_by_its_cause(
    clusterer: Clusterer, store: Store
) -> None:
    # Monolog's exception chain names files only. Messenger's HandlerFailedException passed
    # through no application code but the console entry; its cause went through the handler.
    def handled(message: str, handler: str, mailer: str) -> FeedbackItem:
        def at(*paths: str) -> list[Frame]:
            return [
                Frame(filename=p, lineno=9, in_app=None if "/src/" in p else False) for p in paths
            ]

        cause = ExceptionInfo(
            type="TransportException",
            value='Connection to "smtp.mail.example:587" has been closed unexpectedly.',
            frames=at(
                "/app/bin/console",
                f"/app/src/MessageHandler/{handler}.php",
                f"/app/src/Notification/{mailer}.php",
                "/app/vendor/symfony/mailer/Transport/Smtp/Stream/AbstractStream.php",
            ),
        )
        wrapper = ExceptionInfo(
            type="HandlerFailedException",
            value=f'Handling "App\\Message\\{message}" failed: {cause.value}',
            frames=[
                Frame(filename="/app/bin/console", lineno=15),
                *at("/app/vendor/symfony/messenger/Middleware/HandleMessageMiddleware.php"),
            ],
        )
        return item(source="splunk", exceptions=[cause, wrapper])

    reminder, confirmation, reminder_again = await clusters_of(
        clusterer,
        store,
        handled("SendRentReminder", "SendRentReminderHandler", "ReminderMailer"),
        handled("SendViewingConfirmation", "SendViewingConfirmationHandler", "ViewingMailer"),
        handled("SendRentReminder", "SendRentReminderHandler", "ReminderMailer"),
    )
    assert reminder == reminder_again != confirmation


async def test_an_error_reporter_called_from_two_places_under_main_is_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # An app's own reporting helper innermost; `$main` (Swift's @main) is every stack's
    # outermost frame, which makes no caller common to two bugs.
    def offline(*callers: str) -> FeedbackItem:
        said = ExceptionInfo(
            type="NSURLErrorDomain",
            value="The Internet connection appears to be offline. (Code: -1009)",
            frames=[
                Frame(function=name, filename=f"{name}.swift", in_app=True)
                for name in ("$main", *callers, "report")
            ],
        )
        return item(exceptions=[said])

    sync, upload, sync_again = await clusters_of(
        clusterer,
        store,
        offline("pushChanges", "send"),
        offline("publish", "upload"),
        offline("pushChanges", "send"),
    )
    assert sync == sync_again != upload
