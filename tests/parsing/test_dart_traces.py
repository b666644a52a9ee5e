"""Dart and Flutter errors as the VM and package:stack_trace print them, read as sentry-dart
reports them: the class as the type, the whole toString() as the message."""

from __future__ import annotations

import pytest

from soulcaster_core.parsing import parse_trace

VM = """\
Unhandled exception:
Bad state: No element
#0      List.firstWhere (dart:core/list.dart:123:5)
#1      SlotService.reserve (package:bakery_api/slots/slot_service.dart:41:7)
<asynchronous suspension>
#2      OrdersHandler.create.<anonymous closure> (package:bakery_api/orders/handler.dart:62:20)
"""

TERSE = """\
FormatException: Unexpected character (at character 1)
package:bakery_api/orders/menu.dart 18:11               MenuClient.decode
dart:convert                                            JsonDecoder.convert
===== asynchronous gap ===========================
package:shelf/src/pipeline.dart 23:28                   Pipeline.addHandler.<fn>
"""


def test_the_vms_trace_with_its_error_above() -> None:
    [exc] = parse_trace(VM)

    assert (exc.type, exc.value) == ("StateError", "Bad state: No element")
    assert [(f.function, f.lineno, f.in_app) for f in exc.frames[::-1]] == [
        ("List.firstWhere", 123, False),  # the SDK's: never the application's
        ("SlotService.reserve", 41, None),
        ("OrdersHandler.create", 62, None),
    ]


def test_the_terse_chain_of_package_stack_trace() -> None:
    [exc] = parse_trace(TERSE)

    assert exc.type == "FormatException"
    assert exc.value == "FormatException: Unexpected character (at character 1)"
    assert [f.function for f in exc.frames[::-1]] == [
        "MenuClient.decode",
        "JsonDecoder.convert",
        "Pipeline.addHandler",
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Bad state: No element", "StateError"),
        ("Null check operator used on a null value", "TypeError"),
    ],
)
def test_a_core_errors_line_alone_says_its_class(line: str, kind: str) -> None:
    # Cloud Run writes each line of stderr as an entry: the error's line comes alone.
    [exc] = parse_trace(line)

    assert (exc.type, exc.value, exc.frames) == (kind, line, [])
