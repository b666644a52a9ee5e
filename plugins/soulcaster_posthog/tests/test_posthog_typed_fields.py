"""What each PostHog payload hands over as structure: frames, service, release, trace, links.

Fixtures follow PostHog's documented shapes: a processed ``$exception_list`` with resolved
frames (destination), a posthog-python chain (REST hook), and legacy posthog-js captures whose
``$exception_stack_trace_raw`` is the browser's ``error.stack`` in Chrome's, Firefox's and
Safari's words, or whose ``$exception_message`` carries the whole stack.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from soulcaster_core.testing import SoulcasterClient
from soulcaster_posthog import parse_webhook, posthog_event_to_feedback_item

Payload = Callable[[str], dict[str, Any]]
MAIN = "https://app.ledgerly.example/static/js/main.4f1c2a.js"
VENDOR = "https://app.ledgerly.example/static/js/vendor.91ab3e.js"


def item_of(payload: Payload, name: str) -> Any:
    event = parse_webhook(json.dumps(payload(name)).encode())
    return posthog_event_to_feedback_item(event, "ledgerly")


def _frames(exception: Any) -> list[tuple[str | None, str | None, bool | None]]:
    return [(f.filename, f.function, f.in_app) for f in exception.frames]


def test_resolved_frames_become_typed_frames(payload: Payload) -> None:
    item = item_of(payload, "destination_resolved_exception")

    [thrown] = item.exceptions
    assert thrown.headline() == "TypeError: Cannot read properties of undefined (reading 'total')"
    # The symbolicated name where PostHog resolved one, the mangled name where it could not.
    assert _frames(thrown) == [
        (VENDOR, "Hs", False),
        ("src/pages/Invoices/InvoiceTable.tsx", "InvoiceTable", True),
        ("src/lib/money.ts", "formatTotal", True),
    ]
    table = thrown.frames[1]
    assert (table.lineno, table.colno) == (58, 17)
    assert table.context_line == "<InvoiceRow key={inv.id} amount={summaries[inv.id].total} />"


def test_properties_that_name_service_release_environment_and_trace(payload: Payload) -> None:
    item = item_of(payload, "destination_resolved_exception")

    assert item.service == "ledgerly-web"
    assert item.release == "ledgerly-web@2024.12.09.2"
    assert item.environment == "production"
    assert item.trace_id == "0af7651916cd43dd8448eb211c80319c"
    assert item.level == "error"
    # The page and the person: what incidents read as the endpoint and the user.
    assert item.endpoint == "https://app.ledgerly.example/invoices?status=overdue"
    assert item.tags == {
        "url": "https://app.ledgerly.example/invoices?status=overdue",
        "user": "acct_5521_u09",
    }


def test_links_to_the_event_person_replay_and_issue(payload: Payload) -> None:
    item = item_of(payload, "destination_resolved_exception")

    project = "https://us.posthog.com/project/60412"
    event = "0193c4e2-8a10-7b55-a1c3-6e2f9d0b4c71"
    assert item.links == {
        "posthog": f"{project}/events/{event}/2024-12-09T11:47:03.126Z",
        "person": f"{project}/person/acct_5521_u09",
        "replay": f"{project}/replay/0193c4d9-11f0-7a3c-b6e5-08d2c4f1a9e7",
        "issue": f"{project}/error_tracking/0193b7aa-0c41-7e02-8d5b-2f61c9e0a7d3",
    }
    assert not {"replay_url", "event_url", "person_url", "exceptions"} & set(item.metadata)


@pytest.mark.parametrize(
    ("key", "value"),
    [("$service_name", "ledgerly-api"), ("app", "ledgerly-worker")],
)
def test_other_names_for_the_service(payload: Payload, key: str, value: str) -> None:
    body = payload("destination_resolved_exception")
    properties = body["event"]["properties"]
    del properties["service"]
    properties[key] = value

    event = parse_webhook(json.dumps(body).encode())

    assert posthog_event_to_feedback_item(event, "ledgerly").service == value


def test_without_such_properties_the_fields_stay_empty(payload: Payload) -> None:
    item = item_of(payload, "destination_js_exception")

    # A PostHog project is not a service, and the browser SDK names no release.
    assert (item.service, item.release, item.environment, item.trace_id) == (None,) * 4
    assert item.level == "error"


def test_links_that_are_not_http_are_dropped(payload: Payload) -> None:
    body = payload("destination_resolved_exception")
    body["event"]["url"] = "javascript:alert(1)"
    body["project"]["url"] = "data:text/html,<b>hi</b>"

    event = parse_webhook(json.dumps(body).encode())
    links = posthog_event_to_feedback_item(event, "ledgerly").links

    assert links == {"person": "https://us.posthog.com/project/60412/person/acct_5521_u09"}


def test_a_python_chain_reads_cause_first_with_its_frames(payload: Payload) -> None:
    item = item_of(payload, "rest_hook_python_exception")

    assert [e.type for e in item.exceptions] == ["KeyError", "RuntimeError"]
    cause = item.exceptions[0]
    assert [(f.module, f.function, f.lineno, f.in_app) for f in cause.frames] == [
        ("billing.settings", "load_secrets", 41, True),
        ("os", "__getitem__", 714, False),
    ]


def test_a_java_frame_keeps_module_and_method_apart() -> None:
    frame = {
        "platform": "java",
        "filename": "OrderController.java",
        "function": "submit",
        "module": "com.acme.orders.OrderController",
        "lineno": 73,
        "in_app": True,
    }
    event = {
        "uuid": "0193c4e2-0000-7000-8000-00000000aa01",
        "event": "$exception",
        "properties": {
            "$exception_list": [
                {"type": "NullPointerException", "stacktrace": {"type": "raw", "frames": [frame]}}
            ]
        },
    }

    item = posthog_event_to_feedback_item(event, "ledgerly")

    [typed] = item.exceptions[0].frames
    assert (typed.module, typed.function) == ("com.acme.orders.OrderController", "submit")
    # A reader sees the method the way a JVM prints it.
    assert "> OrderController.java:73 in com.acme.orders.OrderController.submit" in item.body


# The same bug, one browser each: the frames are the same functions, innermost last.
ENGINES = [
    (
        "legacy_chrome_stack",
        "TypeError: Cannot read properties of undefined (reading 'total')",
        [
            (MAIN, "loadInvoices"),
            (VENDOR, "renderWithHooks"),
            (MAIN, "InvoiceTable"),
            (MAIN, "formatTotal"),
        ],
    ),
    (
        "legacy_firefox_stack",
        'TypeError: can\'t access property "total", summary is undefined',
        [
            (MAIN, "loadInvoices"),
            (VENDOR, "renderWithHooks"),
            (MAIN, "InvoiceTable"),
            (MAIN, "formatTotal"),
        ],
    ),
    (
        "legacy_safari_stack",
        "TypeError: undefined is not an object (evaluating 'summary.total')",
        [(MAIN, None), (VENDOR, "renderWithHooks"), (MAIN, "InvoiceTable"), (MAIN, "formatTotal")],
    ),
]


@pytest.mark.parametrize(("fixture", "title", "frames"), ENGINES)
def test_legacy_error_stack_of_each_browser_becomes_frames(
    payload: Payload, fixture: str, title: str, frames: list[tuple[str, str | None]]
) -> None:
    item = item_of(payload, fixture)

    assert item.title == title
    [thrown] = item.exceptions
    assert f"{thrown.type}: {thrown.value}" == title
    app_frames = [(f.filename, f.function) for f in thrown.frames if f.filename != "[native code]"]
    assert app_frames[-len(frames) :] == frames
    innermost = thrown.frames[-1]
    assert innermost.lineno == 2
    assert innermost.colno in (51234, 51240)
    assert "formatTotal" in item.body


def test_a_message_that_carries_its_stack_is_titled_by_its_first_line(payload: Payload) -> None:
    item = item_of(payload, "legacy_message_with_stack")

    assert item.title == "TypeError: Cannot read properties of undefined (reading 'total')"
    [thrown] = item.exceptions
    assert (thrown.type, thrown.value) == (
        "TypeError",
        "Cannot read properties of undefined (reading 'total')",
    )
    assert [f.function for f in thrown.frames][-2:] == ["InvoiceTable", "formatTotal"]
    assert f"{MAIN}:2:51234 in formatTotal" in item.body


def test_a_python_traceback_in_the_message_is_titled_by_what_was_raised() -> None:
    message = (
        "Traceback (most recent call last):\n"
        '  File "/srv/shop/orders/export.py", line 88, in export_day\n'
        "    row = build_row(order)\n"
        '  File "/srv/shop/orders/export.py", line 41, in build_row\n'
        '    "sku": line["sku"],\n'
        "KeyError: 'sku'"
    )
    event = {
        "uuid": "0193c4e2-0000-7000-8000-00000000aa02",
        "event": "$exception",
        "properties": {"$exception_message": message, "$lib": "posthog-python"},
    }

    item = posthog_event_to_feedback_item(event, "shop")

    assert item.title == "KeyError: 'sku'"
    [thrown] = item.exceptions
    assert [f.function for f in thrown.frames] == ["export_day", "build_row"]
    assert "build_row" in item.body


def test_a_multi_line_message_without_a_stack_is_titled_by_its_first_line() -> None:
    event = {
        "uuid": "0193c4e2-0000-7000-8000-00000000aa03",
        "event": "$exception",
        "properties": {
            "$exception_type": "ValidationError",
            "$exception_message": "3 fields are invalid\nemail: not an address\nzip: too short",
        },
    }

    item = posthog_event_to_feedback_item(event, "shop")

    assert item.title == "ValidationError: 3 fields are invalid"
    assert "zip: too short" in item.body


def test_typed_fields_survive_the_store(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    response = soulcaster_client.post_webhook("posthog", payload("legacy_message_with_stack"))
    assert response.status_code == 201, response.text

    item = soulcaster_client.item(response.json()["id"])

    assert item["title"] == "TypeError: Cannot read properties of undefined (reading 'total')"
    assert item["exceptions"][0]["frames"][-1]["function"] == "formatTotal"
    assert item["links"]["posthog"].startswith("https://us.posthog.com/project/60412/events/")
