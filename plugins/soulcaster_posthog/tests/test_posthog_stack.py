"""Every shape of exception PostHog stores, down to the rendered body."""

from __future__ import annotations

import json
from typing import Any

import pytest

from soulcaster_core.stacktrace import top_in_app_frames
from soulcaster_posthog import posthog_event_to_feedback_item
from soulcaster_posthog.stack import exception_chain


def exception_event(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "uuid": "01935e7a-4b3c-7d2e-9f10-a1b2c3d4e5f6",
        "event": "$exception",
        "distinct_id": "u_2231",
        "timestamp": "2024-11-28T08:30:00.250Z",
        "properties": properties,
    }


def single(platform: str, frames: list[dict[str, Any]], **entry: Any) -> dict[str, Any]:
    return {
        "$exception_list": [
            {
                **entry,
                "stacktrace": {
                    "type": "raw",
                    "frames": [{"platform": platform, **f} for f in frames],
                },
            }
        ]
    }


def test_python_frames() -> None:
    properties = single(
        "python",
        [
            {
                "filename": "shop/views.py",
                "abs_path": "/srv/shop/shop/views.py",
                "function": "checkout",
                "module": "shop.views",
                "lineno": 212,
                "context_line": "    order = Order.objects.get(pk=order_id)",
                "in_app": True,
            },
            {
                "filename": "django/db/models/query.py",
                "function": "get",
                "module": "django.db.models.query",
                "lineno": 649,
                "in_app": False,
            },
        ],
        type="DoesNotExist",
        value="Order matching query does not exist.",
        module="shop.models.Order",
    )

    [exc] = exception_chain(properties).exceptions

    assert exc.headline() == "DoesNotExist: Order matching query does not exist."
    first, last = exc.frames
    assert (first.filename, first.lineno, first.function) == ("shop/views.py", 212, "checkout")
    assert first.context_line == "order = Order.objects.get(pk=order_id)"
    assert (first.in_app, last.in_app) == (True, False)
    assert [f.function for f in top_in_app_frames([exc])] == ["checkout"]


def test_browser_frames_keep_columns_and_chain_causes_last() -> None:
    properties = {
        "$lib": "web",
        "$exception_list": [
            {
                "type": "AggregateError",
                "value": "Checkout failed",
                "stacktrace": {
                    "type": "raw",
                    "frames": [
                        {
                            "platform": "web:javascript",
                            "filename": "https://cdn.tidepool.app/static/js/main.a1b2c3.js",
                            "function": "onPay",
                            "lineno": 2,
                            "colno": 90412,
                            "in_app": True,
                        }
                    ],
                },
            },
            {"type": "NetworkError", "value": "Load failed"},
        ],
    }

    chain = exception_chain(properties)
    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    # The JS SDK lists the thrown error first; rendered traces put the cause first.
    assert [e.type for e in chain.exceptions] == ["NetworkError", "AggregateError"]
    assert item.title == "AggregateError: Checkout failed"
    assert "> https://cdn.tidepool.app/static/js/main.a1b2c3.js:2:90412 in onPay" in item.body
    assert item.body.index("NetworkError: Load failed") < item.body.index("AggregateError:")


def test_node_frames() -> None:
    properties = single(
        "node:javascript",
        [
            {
                "filename": "/app/node_modules/pg/lib/client.js",
                "function": "Client._handleErrorMessage",
                "lineno": 336,
                "colno": 17,
                "in_app": False,
            },
            {
                "filename": "/app/dist/repositories/invoices.js",
                "function": "InvoiceRepo.insert",
                "module": "invoices",
                "lineno": 58,
                "colno": 21,
                "context_line": "    await this.db.query(INSERT_INVOICE, values);",
                "in_app": True,
            },
        ],
        type="error",
        value='duplicate key value violates unique constraint "invoices_number_key"',
    )

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    assert (
        item.title == 'error: duplicate key value violates unique constraint "invoices_number_key"'
    )
    assert "  /app/node_modules/pg/lib/client.js:336:17 in Client._handleErrorMessage" in item.body
    assert "> /app/dist/repositories/invoices.js:58:21 in InvoiceRepo.insert" in item.body
    assert "await this.db.query(INSERT_INVOICE, values);" in item.body


def test_go_frames() -> None:
    # posthog-go lists runtime.Callers' frames innermost first: read oldest first.
    properties = single(
        "go",
        [
            {"filename": "/src/internal/auth/jwt.go", "function": "auth.Verify", "lineno": 97},
            {"filename": "/src/cmd/api/main.go", "function": "main.main", "lineno": 44},
        ],
        type="*errors.errorString",
        value="token is expired",
    )

    [exc] = exception_chain(properties).exceptions

    assert exc.headline() == "*errors.errorString: token is expired"
    assert [(f.filename, f.lineno, f.function) for f in exc.frames] == [
        ("/src/cmd/api/main.go", 44, "main.main"),
        ("/src/internal/auth/jwt.go", 97, "auth.Verify"),
    ]


def test_ios_frames() -> None:
    # posthog-ios lists Thread.callStackReturnAddresses innermost first, symbols raw.
    frames = [
        {"function": f"$s8Holmrook{name}yyYaKF", "in_app": True, "platform": "apple"}
        for name in ("9TelemetryC6report", "6BusAPIC4send", "15DeparturesBoardC4poll")
    ]
    properties = single("apple", frames, type="NSURLErrorDomain", value="Code: -1009")

    [exc] = exception_chain(properties).exceptions

    assert [f.function for f in exc.frames] == [
        "$s8Holmrook15DeparturesBoardC4pollyyYaKF",
        "$s8Holmrook6BusAPIC4sendyyYaKF",
        "$s8Holmrook9TelemetryC6reportyyYaKF",
    ]


def test_flutter_frames() -> None:
    # posthog-flutter lists a Dart stack as Dart prints it, innermost first.
    frames = [
        {"abs_path": f"package:studio/{name}.dart", "function": name, "in_app": True}
        for name in ("_instructorName", "build")
    ]
    properties = single("dart", frames, type="_TypeError", value="Null check operator")

    [exc] = exception_chain(properties).exceptions

    assert [f.function for f in exc.frames] == ["build", "_instructorName"]


def test_java_frames_read_as_class_and_method() -> None:
    properties = single(
        "java",
        [
            {
                "filename": "OrderController.java",
                "function": "submit",
                "module": "com.acme.orders.OrderController",
                "lineno": 73,
                "in_app": True,
            },
            {"filename": None, "function": "run", "module": "java.lang.Thread", "lineno": 1583},
        ],
        type="java.lang.NullPointerException",
        value='Cannot invoke "Customer.getId()" because "customer" is null',
    )

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    assert "> OrderController.java:73 in com.acme.orders.OrderController.submit" in item.body
    assert "  java.lang.Thread:1583 in java.lang.Thread.run" in item.body
    # posthog-android and posthog-java list a Throwable's frames innermost first, as the JVM
    # does: read oldest first, like every other source, the method that threw comes last.
    assert [frame.function for frame in item.exceptions[-1].frames] == ["run", "submit"]


def test_resolved_frames_use_the_symbolicated_names() -> None:
    properties = {
        "$exception_list": [
            {
                "type": "TypeError",
                "value": "Cannot read properties of null (reading 'id')",
                "stacktrace": {
                    "type": "resolved",
                    "frames": [
                        {
                            "raw_id": "9c0e6f1d2a",
                            "mangled_name": "t.qa",
                            "resolved_name": "ProfileCard.render",
                            "source": "src/components/ProfileCard.tsx",
                            "line": 42,
                            "column": 18,
                            "in_app": True,
                            "lang": "javascript",
                            "resolved": True,
                            "synthetic": False,
                            "suspicious": False,
                            "context": {
                                "before": [{"number": 41, "line": "  return ("}],
                                "line": {"number": 42, "line": "    <Avatar id={user.id} />"},
                                "after": [],
                            },
                        },
                        {
                            "raw_id": "51af03c4be",
                            "mangled_name": "e",
                            "resolved_name": None,
                            "source": "/static/chunks/framework-2b1e.js",
                            "line": 1,
                            "column": 69051,
                            "in_app": False,
                            "lang": "javascript",
                            "resolved": False,
                            "resolve_failure": "No sourcemap found",
                        },
                    ],
                },
            }
        ],
        "$exception_issue_id": "01935e7a-0000-7000-8000-000000000042",
        "$exception_fingerprint": "fp-6d21",
    }

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    assert "> src/components/ProfileCard.tsx:42:18 in ProfileCard.render" in item.body
    assert "<Avatar id={user.id} />" in item.body
    assert "  /static/chunks/framework-2b1e.js:1:69051 in e" in item.body  # falls back to mangled
    assert item.metadata["exception_issue_id"] == "01935e7a-0000-7000-8000-000000000042"
    assert item.metadata["exception_fingerprint"] == "fp-6d21"


def test_legacy_stack_trace_raw_as_json_frames() -> None:
    frames = [
        {"filename": "https://app.example.com/js/app.js", "function": "init", "lineno": 3},
        {
            "filename": "https://app.example.com/js/app.js",
            "function": "loadWidgets",
            "lineno": 120,
            "colno": 9,
            "in_app": True,
        },
    ]
    properties = {
        "$exception_type": "ReferenceError",
        "$exception_message": "widgetRegistry is not defined",
        "$exception_stack_trace_raw": json.dumps(frames),
    }

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    assert item.title == "ReferenceError: widgetRegistry is not defined"
    assert item.body.index("app.js:3 in init") < item.body.index("app.js:120:9 in loadWidgets")


def test_legacy_stack_trace_raw_as_chrome_error_stack() -> None:
    stack = (
        "TypeError: Cannot read properties of undefined (reading 'map')\n"
        "    at OrderList (https://app.example.com/static/js/main.4f1c.js:2:51234)\n"
        "    at async loadOrders (https://app.example.com/static/js/main.4f1c.js:2:49820)\n"
        "    at https://app.example.com/static/js/vendor.91ab.js:1:1200\n"
        "    at Array.forEach (<anonymous>)"
    )
    properties = {"$exception_stack_trace_raw": stack}

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    # The headline comes from the stack text itself when no property names the error.
    assert item.title == "TypeError: Cannot read properties of undefined (reading 'map')"
    body = item.body
    # Browsers print the innermost call first; the body reads innermost last.
    assert body.index("in Array.forEach") < body.index("vendor.91ab.js:1:1200 in ?")
    assert body.index("main.4f1c.js:2:49820 in loadOrders") < body.index("2:51234 in OrderList")


def test_firefox_and_safari_stack_lines() -> None:
    properties = {
        "$exception_type": "TypeError",
        "$exception_message": "chart is undefined",
        "$exception_stack_trace_raw": (
            "renderChart@https://dash.example.com/app.js:10:22\n"
            "global code@https://dash.example.com/app.js:1:1\n"
            "@https://dash.example.com/vendor.js:5:100"
        ),
    }

    [exc] = exception_chain(properties).exceptions

    assert exc.headline() == "TypeError: chart is undefined"
    assert [(f.function, f.lineno, f.colno) for f in exc.frames] == [
        (None, 5, 100),
        (None, 1, 1),
        ("renderChart", 10, 22),
    ]


def test_unparseable_stack_text_is_kept_as_it_came() -> None:
    stack = 'Traceback (most recent call last):\n  File "job.py", line 3\nValueError: bad row'
    properties = {"$exception_type": "ValueError", "$exception_stack_trace_raw": stack}

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    assert item.title == "ValueError: bad row"  # the message, read from the text
    assert stack in item.body


def test_window_onerror_location_becomes_a_frame() -> None:
    properties = {
        "$exception_message": "Uncaught SyntaxError: Unexpected token '<'",
        "$exception_source": "https://shop.example.com/chunk-77.js",
        "$exception_lineno": 1,
        "$exception_colno": 1,
    }

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    # "Uncaught" is how the browser reported it, not part of what was thrown.
    assert item.title == "SyntaxError: Unexpected token '<'"
    assert item.exceptions[0].type == "SyntaxError"
    assert "https://shop.example.com/chunk-77.js:1:1 in ?" in item.body


def test_type_already_in_the_message_is_not_repeated() -> None:
    properties = {"$exception_type": "RangeError", "$exception_message": "RangeError: Invalid date"}

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    assert item.title == "RangeError: Invalid date"


@pytest.mark.parametrize(
    "properties",
    [
        {"$exception_list": "TypeError: x"},
        {"$exception_list": [None, 3, {"type": None, "stacktrace": {"frames": "nope"}}]},
        {"$exception_list": [{"type": "E", "stacktrace": {"frames": [None, {"lineno": "x"}]}}]},
        {"$exception_stack_trace_raw": "[[[[" * 2000},
        {"$exception_stack_trace_raw": {"frames": 5}, "$exception_lineno": "9" * 5000},
    ],
)
def test_malformed_exception_details_do_not_break_the_item(properties: dict[str, Any]) -> None:
    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    assert item.title
    assert item.external_id == "01935e7a-4b3c-7d2e-9f10-a1b2c3d4e5f6"


def test_exception_without_any_detail_is_titled_by_event_and_page() -> None:
    properties = {"$current_url": "https://app.example.com/settings"}

    item = posthog_event_to_feedback_item(exception_event(properties), "test")

    assert item.title == "$exception on https://app.example.com/settings"


def test_a_synthetic_error_of_a_console_message_is_the_error_it_prints() -> None:
    # posthog-js's console capture of Blazor's renderer: the frames are the console's
    # callers; the message prints the .NET exception and its stack.
    printed = (
        "crit: Microsoft.AspNetCore.Components.WebAssembly.Rendering.WebAssemblyRenderer[100]\n"
        "      Unhandled exception rendering component: Sequence contains no elements\n"
        "System.InvalidOperationException: Sequence contains no elements\n"
        "   at System.Linq.ThrowHelper.ThrowNoElementsException()\n"
        "   at Yardley.Client.Shared.LensSelector.get_DefaultCoating()\n"
        "   at Yardley.Client.Shared.LensSelector.BuildRenderTree(RenderTreeBuilder b)"
    )
    console = {"platform": "web:javascript", "function": "console.error", "filename": "a.js"}
    entry = {
        "type": "Error",
        "value": printed,
        "mechanism": {"type": "generic", "handled": True, "synthetic": True},
        "stacktrace": {"type": "raw", "frames": [console]},
    }
    [exc] = exception_chain({"$exception_list": [entry]}).exceptions
    assert (exc.type, exc.value) == (
        "System.InvalidOperationException",
        "Sequence contains no elements",
    )
    assert [f.function for f in exc.frames][:2] == ["BuildRenderTree", "get_DefaultCoating"]
    # Without the mark, the sender's exception stands.
    entry["mechanism"] = {"type": "generic", "handled": True}
    [kept] = exception_chain({"$exception_list": [entry]}).exceptions
    assert kept.type == "Error"
