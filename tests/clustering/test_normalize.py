"""Masking and the clustering view of an item: what varies goes, what names the problem stays."""

from __future__ import annotations

import pytest

from soulcaster_core.clustering.document import build_document, exception_document
from soulcaster_core.clustering.normalize import mask, mask_message
from soulcaster_core.clustering.stack_frames import frame_file, frame_name
from soulcaster_core.stacktrace import ExceptionInfo, Frame


@pytest.mark.parametrize(
    ("text", "template"),
    [
        (
            "Failed password for root from 5.36.59.76 port 42393 ssh2",
            "Failed password for <*> from <*> port <*>",
        ),
        ("request 7b0e4c1a-9f1e-4c55-8d7c-1d2e3f4a5b6c took 523 ms", "request <*> took <*>"),
        ("GET https://shop.example.com/cart?id=42 failed", "GET <*> failed"),
        # A quoted URL is one value to its quote, a path segment of words and all.
        (
            'I/O error on GET request for "https://cars.example/v2/vehicles/FE51 BTK": timed out',
            'I/O error on GET request for "<*>": timed out',
        ),
        # A few quoted words with a digit among them are one value (MySQL's entry, a plate);
        # quotes of words alone, and apostrophes, are not.
        (
            "Duplicate entry '12-FC68 BHH' for key 'bookings.uniq_slot_vehicle'",
            "Duplicate entry '<*>' for key 'bookings.uniq_slot_vehicle'",
        ),
        ("it's a 'big deal' isn't it", "it's a 'big deal' isn't it"),
        # A base64 token with its padding is a value (an SQS receipt handle).
        (
            "Value AQEB7678909d29d12ed654280ad5+d3ee467a86a8== for parameter ReceiptHandle",
            "Value <*> for parameter ReceiptHandle",
        ),
        # A name with its run's id in brackets: the name is what ran (a Celery task, a program).
        (
            "Hard time limit (300s) exceeded for shop.tasks.render_invoice[4e8e4bad-c6b5-4189]",
            "Hard time limit (<*>) exceeded for shop.tasks.render_invoice[<*>]",
        ),
        (
            "php-fpm[2117]: child 12 exited on signal 9",
            "php-fpm[<*>]: child <*> exited on signal <*>",
        ),
        # PostgreSQL's DETAIL: a key's values after its columns.
        (
            "DETAIL: Key (property_id, start_date)=(233399, 7) already exists.",
            "DETAIL: Key (property_id, start_date)=<*>) already exists.",
        ),
        # A currency is a value; a language of the same letters is not.
        ("fetch fx rates for SEK: timed out", "fetch fx rates for <*>: timed out"),
        ("PHP Fatal error: Allowed memory exhausted", "PHP Fatal error: Allowed memory exhausted"),
        # A bound or an estimate is the value it qualifies, whatever its form.
        ("uploaded 0 bytes in <1 sec", "uploaded <*> in <*>"),
        ("uploaded 466 bytes in ~3 ms (>=5s budget)", "uploaded <*> in <*> (<*> budget)"),
        ("cannot open /var/lib/app/data/0001.db: denied", "cannot open <*>: denied"),
        ("at 2024-03-05T10:00:01.123Z worker 0x7fe3a1 stopped", "at <*> worker <*> stopped"),
        (
            "connection from 1.2.3.4 () at Sun Jul  3 10:05:25 2005",
            "connection from <*> (<*>) at <*>",
        ),
        (
            "uid=0 euid=0 tty=NODEVssh ruser= rhost=a.example.net",
            "uid=<*> euid=<*> tty=<*> ruser= rhost=<*>",
        ),
        ("user ana@example.com saved 5.2 KB", "user <*> saved <*>"),
        ("name an14 an15 an16 an17 resolved", "name <*> resolved"),
        ("session closed for user cyrus", "session closed for user <*>"),
        (
            "Failed password for root from 5.36.59.76 port 22",
            "Failed password for <*> from <*> port <*>",
        ),
        (
            "Failed password for invalid user git from 1.2.3.4",
            "Failed password for invalid user <*> from <*>",
        ),
        ("connect to proxy.example.org:5070 failed", "connect to <*> failed"),
        (
            "close, 1,234 bytes (1.20 KB) sent, lifetime <1 sec",
            "close, <*> (<*>) sent, lifetime <*>",
        ),
        ("cancelNotification,index:0", "cancelNotification,index:<*>"),
        ("synchronized to LOCAL(0), stratum 10", "synchronized to <*>, stratum <*>"),
        # A message that is only an error code is that code (Angular's production errors); in
        # a longer message a code is a value.
        ("NG0600", "NG0600"),
        ("NG02100", "NG02100"),
        (
            "E11000 duplicate key error collection: shop.orders",
            "<*> duplicate key error collection: shop.orders",
        ),
        ("42", "<*>"),
        # A prefixed random id is a value; a prefixed identifier is not.
        (
            "Request req_oiyqLopGYeJtSj: Your card was declined.",
            "Request <*>: Your card was declined.",
        ),
        ("call get_userProfileName failed", "call get_userProfileName failed"),
        # A country's subdivision is a value (ISO 3166-2).
        (
            "courier: unexpected status 422: postcode GB-GSY is not serviceable",
            "courier: unexpected status <*>: postcode <*> is not serviceable",
        ),
    ],
)
def test_mask(text: str, template: str) -> None:
    assert mask(text) == template


@pytest.mark.parametrize(
    ("text", "template"),
    [
        (
            'Get "https://api.seaweather.example/v3/forecast?lat=12.2": context deadline exceeded',
            'Get "<api.seaweather.example>": context deadline exceeded',
        ),
        (
            "HTTPSConnectionPool(host='api.stripe.com', port=443): Read timed out.",
            "HTTPSConnectionPool(host='<api.stripe.com>', port=<*>): Read timed out.",
        ),
        # A quoted URL is one to its quote; an address or a pod's name is a value.
        (
            'I/O error on GET for "https://registry.example/v2/vehicles/FE51 EBP": timed out',
            'I/O error on GET for "<registry.example>": timed out',
        ),
        ('Post "http://10.0.0.4:8080/x": EOF', 'Post "<*>": EOF'),
        ("GET https://payments-7f9c.default.svc:8080/v1 failed", "GET <*.default.svc> failed"),
    ],
)
def test_a_message_keeps_the_host_a_call_failed_to_reach(text: str, template: str) -> None:
    assert mask_message(text) == template


def test_mask_keeps_words_and_shape() -> None:
    assert mask("KeyError: 'user_id'") == "KeyError: 'user_id'"
    assert mask("Cannot read properties of undefined (reading 'map')") == (
        "Cannot read properties of undefined (reading 'map')"
    )


PY_TRACE = """Traceback (most recent call last):
  File "/srv/app/.venv/lib/python3.11/site-packages/flask/app.py", line 1484, in dispatch
  File "/srv/app/shop/views/cart.py", line 88, in checkout
  File "/srv/app/shop/billing.py", line 42, in compute_total
ZeroDivisionError: division by zero"""

JAVA_TRACE = """2024-03-05 10:00:01.123 ERROR 1 --- [exec-4] c.s.b.InvoiceService : failed
java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null
\tat com.shop.billing.InvoiceService.format(InvoiceService.java:57)
\tat com.shop.billing.InvoiceController.render(InvoiceController.java:31)
\tat java.base/java.lang.Thread.run(Thread.java:833)"""

JS_TRACE = """TypeError: Cannot read properties of undefined (reading 'map')
    at ProductList (webpack:///src/components/ProductList.tsx:23:18)
    at renderWithHooks (node_modules/react-dom/cjs/react-dom.development.js:14985:18)"""

GO_TRACE = """panic: runtime error: index out of range [5] with length 3

goroutine 1 [running]:
orders.SplitBatch(0xc000010000, {0x0, 0x0})
\t/srv/orders/batch.go:48 +0x1d
net/http.HandlerFunc.ServeHTTP(0xc0000a, {0x1})
\t/usr/local/go/src/net/http/server.go:2136 +0x29"""

RUBY_TRACE = """E, [2024-03-05T10:00:01.1 #131] ERROR -- : app/models/cart.rb:42:in `total': \
undefined method `price' for nil:NilClass (NoMethodError)
\tfrom app/controllers/carts_controller.rb:13:in `show'"""


@pytest.mark.parametrize(
    ("title", "body", "head", "frames"),
    [
        (
            "Splunk alert",
            PY_TRACE,
            "ZeroDivisionError: division by zero",
            ("compute_total", "checkout"),
        ),
        (
            "errors",
            JAVA_TRACE,
            'NullPointerException: Cannot invoke "String.length()" because "name" is null',
            ("format", "render"),
        ),
        (
            "errors",
            JS_TRACE,
            "TypeError: cannot read property 'map' of undefined",
            ("ProductList",),
        ),
        (
            "errors",
            GO_TRACE,
            "panic: runtime error: index out of range [<*>] with length <*>",
            ("SplitBatch",),
        ),
        (
            "errors",
            RUBY_TRACE,
            "NoMethodError: undefined method price' for nil:NilClass",  # markdown quotes go
            ("total", "show"),
        ),
        (
            "[P2] [Triggered on {service:api}] Errors",
            "```\nZeroDivisionError: division by zero\n```",
            "ZeroDivisionError: division by zero",
            (),
        ),
        (
            "ValueError: invalid literal for int() with base 10: 'abc'",
            "",
            "ValueError: invalid literal for int() with base <*>: <*>",
            (),
        ),
    ],
)
def test_document_of_a_text_trace_across_languages(
    title: str, body: str, head: str, frames: tuple[str, ...]
) -> None:
    doc = build_document(title, body, "")
    assert doc.head == head
    assert doc.frames == frames
    assert doc.frames_from == ("text" if frames else "")


def test_structured_exceptions_are_read_as_given() -> None:
    exceptions = [
        ExceptionInfo(
            type="KeyError",
            value="'user_id'",
            frames=[
                Frame(function="dispatch", filename="django/core/handlers/base.py", in_app=False),
                Frame(function="profile_view", filename="accounts/views.py", in_app=True),
                Frame(function="load_profile", filename="accounts/profiles.py", in_app=True),
            ],
        )
    ]
    doc = exception_document(exceptions)
    assert (doc.head, doc.frames, doc.exc_type) == (
        "KeyError: 'user_id'",
        ("load_profile", "profile_view"),
        "KeyError",
    )


@pytest.mark.parametrize(
    ("function", "name"),
    [
        ("compute_total", "compute_total"),
        ("com.shop.Billing.total", "total"),
        ("main.(*Server).handle", "handle"),
        ("Billing->total", "total"),
        ("block in total", "total"),
        ("Object.saveCart", "saveCart"),
        ("async fetchCart", "fetchCart"),
        ("main.handler.func1", "handler.func1"),
        # Swift: symbolicated (generic arguments and all) and mangled, as posthog-ios sends it.
        ("BusAPI.fetch<A>(_:)", "fetch"),
        ("$s13HolmrookBuses15DeparturesBoardC4pollyyYaKF", "poll"),
        ("$s13HolmrookBuses6BusAPIC5fetchyyYaKF", "fetch"),
        ("TicketView.price.getter", "getter"),
        ("$s13HolmrookBuses10TicketViewC5priceSivg", "getter"),
        # Rust: an async fn's body is a closure of itself.
        ("orders_api::store::basket::insert_line::{{closure}}", "insert_line"),
        # Objective-C: a method by its selector, a block by the method it is written in.
        ("-[ILKProductCell configureWithProduct:]", "configureWithProduct:"),
        ("__38-[ILKImageCache storeImage:forKey:]_block_invoke_2", "storeImage:forKey:"),
        ("+[ILKTheme(Dark) palette]", "palette"),
        # Kotlin/Native: "kfun:<package>.<Class>#<method>(<params>){}<returns>", bridged or not.
        ("kfun:com.trails.walk.WalkRecorder#appendPoint(com.trails.geo.Fix){}", "appendPoint"),
        ("objc2kotlin_kfun:com.trails.packs.PackRepository#open(kotlin.String){}", "open"),
        ("t", None),
        ("<anonymous>", None),
    ],
)
def test_a_frame_is_known_by_its_method(function: str, name: str | None) -> None:
    assert frame_name(Frame(function=function)) == name


def test_a_name_that_only_looks_mangled_is_kept_as_sent() -> None:
    # A sender's "$s" and thousands of digits: no Swift symbol, and no number to convert.
    function = "$s" + "9" * 5000 + "x"
    assert frame_name(Frame(function=function)) == function


def test_a_log_line_is_its_own_head() -> None:
    doc = build_document("Connection closed by 1.2.3.4 [preauth]", "", "")
    assert (doc.head, doc.frames, doc.exc_type) == ("Connection closed by <*> [preauth]", (), "")


def test_a_cut_title_is_read_whole_from_the_raw_text() -> None:
    line = "start " + " ".join(f"word{i} x" for i in range(80)) + " end"
    doc = build_document(line[:299] + "…", "", line)
    assert doc.head.startswith("start <*> x <*> x")
    assert len(doc.tokens) == 48  # capped, at a word, after masking


def test_a_bundle_a_build_wrote_names_no_source_file() -> None:
    bundled = Frame(function="putBoards", filename="/app/app.asar/out/main/index.js")
    compiled = Frame(function="render", filename="/app/dist/routes/render.js")
    assert frame_file(bundled) is None
    # One compiled file per source file still names its source.
    assert frame_file(compiled) == "render"


def test_an_exception_labelled_by_a_host_is_the_one_thrown() -> None:
    # The Azure Functions host: "Exception: <the worker's exception>: message".
    labelled = exception_document(
        [
            ExceptionInfo(
                type="Exception",
                value="Azure.Messaging.ServiceBus.ServiceBusException: The lock is invalid.",
            )
        ]
    )
    thrown = exception_document(
        [
            ExceptionInfo(
                type="Azure.Messaging.ServiceBus.ServiceBusException",
                value="The lock is invalid.",
            )
        ]
    )
    assert labelled.message_key == thrown.message_key


def test_a_clojure_frame_is_named_by_its_function_not_by_invoke() -> None:
    named = Frame(function="invokeStatic", module="shop.orders.stock$reserve_BANG_")
    anonymous = Frame(function="invoke", module="shop.api.orders$fn__30211")
    assert frame_name(named) == "reserve_BANG_"
    assert frame_name(anonymous) is None


def test_rust_runtime_and_library_frames_are_no_application_code_however_marked() -> None:
    def rust(function: str) -> Frame:
        return Frame(function=function, filename=f"{function.split('::')[0]}.rs", in_app=True)

    frames = [
        rust("orders_api::routes::basket::add_line::{{closure}}"),
        rust("orders_api::store::basket::insert_line::{{closure}}"),
        rust("<core::future::from_generator::GenFuture<T> as core::future::Future>::poll"),
        rust("anyhow::error::<impl anyhow::Error>::construct"),
    ]
    doc = exception_document([ExceptionInfo(type="Error", value="adding a line", frames=frames)])
    assert doc.frames == ("insert_line", "add_line")
