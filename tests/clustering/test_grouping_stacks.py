"""Grouping by stack: SDKs that mark no frame in-app, library-raised errors, quoted names,
renamed functions under one caller, two paths through one helper."""

from __future__ import annotations

from soulcaster_core.clustering.clusterer import Clusterer
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo, Frame
from soulcaster_core.store.port import Store

from .grouping_kit import clusters_of, exc, item


def jvm(kind: str, said: str, *frames: tuple[str, str], marked: bool | None) -> ExceptionInfo:
    """An exception whose ``(class, method)`` frames, oldest first, all carry ``marked``."""
    return ExceptionInfo(
        type=kind,
        value=said,
        frames=[
            Frame(function=f, module=c, filename=f"{c.rsplit('.', 1)[-1]}.java", in_app=marked)
            for c, f in frames
        ],
    )


async def test_an_sdk_that_marks_no_frame_in_app_is_read_by_the_frames_classes(
    clusterer: Clusterer, store: Store
) -> None:
    # sentry-java without in-app includes marks every frame not the application's; the
    # listener's wrapper says the same for every bug of the listener.
    wrapper = (
        "org.springframework.amqp.rabbit.support.ListenerExecutionFailedException",
        "Listener method 'onReading' threw exception",
    )
    amqp = ("org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer", "invoke")

    def event(cause: str, method: str, marked: bool | None) -> FeedbackItem:
        return item(
            exceptions=[
                jvm(
                    cause,
                    "No value present",
                    ("com.acme.metering.ReadingListener", "onReading"),
                    ("com.acme.metering.MeterPoints", method),
                    ("java.util.Optional", "get"),
                    marked=marked,
                ),
                jvm(*wrapper, amqp, marked=marked),
            ]
        )

    unmarked, logged, other = await clusters_of(
        clusterer,
        store,
        event("java.util.NoSuchElementException", "resolve", False),
        event("java.util.NoSuchElementException", "resolve", None),  # a log's parsed trace
        event("java.lang.IllegalStateException", "tariffOf", False),
    )
    assert unmarked == logged != other


async def test_a_driver_error_with_no_application_frame_is_known_by_its_message(
    clusterer: Clusterer, store: Store
) -> None:
    # The MongoDB driver raises from Node's stream machinery: every frame is the runtime's or
    # a package's, and the SDK says so. Two collections' duplicates are two problems.
    def duplicate(collection: str) -> FeedbackItem:
        frames = [
            Frame(function="insert", filename="/app/node_modules/mongodb/lib/insert.js"),
            Frame(function="MessageStream.emit", filename="node:events"),
            Frame(function="writeOrBuffer", filename="node:internal/streams/writable"),
        ]
        for frame in frames:
            frame.in_app = False
        said = f"E11000 duplicate key error collection: shop.{collection} index: key_1 dup key"
        thrown = ExceptionInfo(type="MongoServerError", value=said, frames=frames)
        return item(exceptions=[thrown])

    orders, users = await clusters_of(clusterer, store, duplicate("orders"), duplicate("users"))
    assert orders != users


async def test_a_library_error_with_no_frame_of_the_app_is_no_unmarked_sdk(
    clusterer: Clusterer, store: Store
) -> None:
    # sentry-ruby marks every frame of ActiveJob's deserializer not in-app, and is right: two
    # jobs whose records are gone are two problems, told by their messages.
    def gone(model: str, job: str) -> FeedbackItem:
        frames = [
            Frame(function="perform", filename="solid_queue/claimed_execution.rb", in_app=False),
            Frame(function="execute", filename="active_job/execution.rb", in_app=False),
            Frame(function="deserialize", filename="active_job/arguments.rb", in_app=False),
        ]
        said = f"Error while trying to deserialize arguments: Couldn't find {model} with 'id'=42"
        thrown = ExceptionInfo(type="ActiveJob::DeserializationError", value=said, frames=frames)
        return item(exceptions=[thrown], endpoint=job)

    viewing, listing = await clusters_of(
        clusterer,
        store,
        gone("Viewing", "ViewingReminderJob"),
        gone("Listing", "Turbo::Streams::ActionBroadcastJob"),
    )
    assert viewing != listing


async def test_the_names_a_message_quotes_tell_two_bugs_of_one_framework_frame(
    clusterer: Clusterer, store: Store
) -> None:
    # Stimulus raises both from its own `connect`: the quoted target and controller are the bug;
    # a quoted one-letter value ("C") is an occurrence's.
    def missing(target: str, controller: str, row: str = "A") -> FeedbackItem:
        said = f'Missing target element "{target}" for "{controller}" controller (row "{row}")'
        return item(exceptions=[exc("Error", said, "get", "connect")], endpoint="/listings")

    a, b, c = await clusters_of(
        clusterer,
        store,
        missing("canvas", "listing-map"),
        missing("slide", "photo-gallery"),
        missing("canvas", "listing-map", row="C"),
    )
    assert a == c != b


async def test_a_function_renamed_under_the_same_caller_is_the_same_problem(
    clusterer: Clusterer, store: Store
) -> None:
    def called(caller: str, function: str) -> FeedbackItem:
        frames = [
            Frame(function=caller, filename="src/Controller/CartController.php", in_app=True),
            Frame(function=function, filename="src/Cart/CartManager.php", in_app=True),
        ]
        said = "Call to a member function getPrice() on null"
        return item(exceptions=[ExceptionInfo(type="Error", value=said, frames=frames)])

    before, after, other_caller = await clusters_of(
        clusterer,
        store,
        called("add", "addEdition"),
        called("add", "addLine"),  # the next release's name
        called("remove", "removeLine"),  # the same words from another path: a near miss
    )
    assert after == before != other_caller


async def test_two_consumers_through_one_client_are_two_problems(
    clusterer: Clusterer, store: Store
) -> None:
    # Two queue consumers (each class's HandleAsync) time out in one shared HTTP client; both
    # run under the worker's one dispatch lambda.
    def timed_out(client_call: str, consumer: str) -> FeedbackItem:
        frames = [
            Frame(function="<StartAsync>b__7_0", filename="QueueWorker.cs", in_app=True),
            Frame(function="HandleAsync", filename=f"{consumer}.cs", in_app=True),
            Frame(function=client_call, filename=f"{client_call}Client.cs", in_app=True),
            Frame(function="PostJsonAsync", filename="ResilientClient.cs", in_app=True),
        ]
        said = "The request was canceled due to the configured HttpClient.Timeout of 30 seconds"
        thrown = ExceptionInfo(type="TaskCanceledException", value=said, frames=frames)
        return item(exceptions=[thrown])

    verify, score, verify_again = await clusters_of(
        clusterer,
        store,
        timed_out("VerifyAsync", "PayeeVerifiedHandler"),
        timed_out("ScoreAsync", "ClaimSubmittedHandler"),
        timed_out("VerifyAsync", "PayeeVerifiedHandler"),
    )
    assert verify == verify_again != score


async def test_a_react_native_fatal_on_ios_is_the_javascript_error_it_names(
    clusterer: Clusterer, store: Store
) -> None:
    # sentry-cocoa reports RN's fatal as an NSException whose value carries the JS error and
    # its stack; the JS SDK reports the same error with its frames.
    said = "Cannot read property 'subtotal' of undefined"

    def js(component: str) -> FeedbackItem:
        # (Hermes' frames in one bundle: their names say where, no file does.)
        frames = [Frame(function=f, in_app=True) for f in ("renderWithHooks", component)]
        return item(exceptions=[ExceptionInfo(type="TypeError", value=said, frames=frames)])

    fatal = ExceptionInfo(
        type=f"RCTFatalException: Unhandled JS Exception: TypeError: {said}",
        value=f"Unhandled JS Exception: TypeError: {said}, stack:\n"
        "BasketTotals@1:1877377\nrenderWithHooks@1:1877377\nperformSyncWorkOnRoot@1:1877377",
        frames=[Frame(function="abort", in_app=False), Frame(function="RCTFatal", in_app=False)],
    )
    basket, summary, crashed = await clusters_of(
        clusterer, store, js("BasketTotals"), js("OrderSummary"), item(exceptions=[fatal])
    )
    assert summary != basket
    assert crashed == basket


async def test_a_message_that_says_its_own_type_first_is_its_words_after_it(
    clusterer: Clusterer, store: Store
) -> None:
    # Ruby's PG::UniqueViolation says "PG::UniqueViolation: ERROR: ..." as Sentry sends it
    # (the cause of ActiveRecord::RecordNotUnique); the log line says its type, then the words.
    said = 'ERROR:  duplicate key value violates unique constraint "index_bookings_on_day"'
    logged = item("splunk", exceptions=[ExceptionInfo(type="PG::UniqueViolation", value=said)])
    cause = ExceptionInfo(type="PG::UniqueViolation", value=f"PG::UniqueViolation: {said}")
    thrown = exc("ActiveRecord::RecordNotUnique", f"PG::UniqueViolation: {said}", "create")
    first, sentry = await clusters_of(clusterer, store, logged, item(exceptions=[cause, thrown]))
    assert sentry == first


async def test_shared_kotlin_code_crashing_on_ios_is_known_by_the_apps_frame(
    clusterer: Clusterer, store: Store
) -> None:
    # sentry-cocoa marks Kotlin/Native's own frames in-app (they are in the app's binary), and
    # names the exception "kotlin.NullPointerException" with no message; sentry-android
    # reports the same bug in the shared module as a NullPointerException of no message.
    def kfun(symbol: str) -> Frame:
        return Frame(function=f"kfun:{symbol}", in_app=True)

    ios = ExceptionInfo(
        type="kotlin.NullPointerException",
        value="kotlin.NullPointerException",
        frames=[
            kfun("com.trails.walk.WalkRecorder.$onFixCOROUTINE$5#invokeSuspend(kotlin.Result){}"),
            kfun("com.trails.walk.WalkRecorder#appendPoint(com.trails.geo.Fix){}"),
            kfun("kotlin.native.internal#ThrowNullPointerException(){}kotlin.Nothing"),
        ],
    )
    android = ExceptionInfo(
        type="java.lang.NullPointerException",
        value="",
        frames=[
            Frame(function="invokeSuspend", module="com.trails.walk.WalkRecorder$onFix$1"),
            Frame(function="appendPoint", module="com.trails.walk.WalkRecorder", in_app=True),
        ],
    )
    first, same = await clusters_of(
        clusterer, store, item(exceptions=[android]), item(exceptions=[ios])
    )
    assert same == first
