"""A Python exception read from its printed traceback looks like the same exception sent as
frames by an SDK: same types, same function names, innermost frames alike. This is what lets a
Splunk row and a Sentry event of one bug meet."""

from __future__ import annotations

import os
import traceback

from soulcaster_core.parsing import parse_trace
from soulcaster_core.stacktrace import ExceptionInfo, Frame, top_in_app_frames


def _load_price(cart: dict[str, dict[str, int]]) -> int:
    return cart["item"]["price"]


def _compute_total(cart: dict[str, dict[str, int]]) -> int:
    try:
        return _load_price(cart)
    except KeyError as exc:
        raise LookupError("cart has no priced item") from exc


def _raised() -> BaseException:
    try:
        _compute_total({"item": {}})
    except LookupError as exc:
        return exc
    raise AssertionError("nothing was raised")


def _as_an_sdk_sends_it(exc: BaseException) -> list[ExceptionInfo]:
    """What an SDK builds from the live exception: its chain, cause first, frames oldest first."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None:
        chain.append(current)
        current = current.__cause__ or current.__context__
    infos = []
    for raised in reversed(chain):
        frames = [
            Frame(
                function=entry.name,
                filename=os.path.relpath(entry.filename),
                module=__name__,
                lineno=entry.lineno,
                in_app=True,
            )
            for entry in traceback.extract_tb(raised.__traceback__)
        ]
        infos.append(ExceptionInfo(type=type(raised).__name__, value=str(raised), frames=frames))
    return infos


def test_a_printed_traceback_and_sdk_frames_give_the_same_exceptions() -> None:
    exc = _raised()
    text = "".join(traceback.format_exception(exc))
    logged = f"2024-03-05 12:00:01,123 ERROR [worker-2] shop.tasks: sync failed\n{text}"

    parsed = parse_trace(logged)
    sent = _as_an_sdk_sends_it(exc)

    assert [(e.type, [f.function for f in e.frames]) for e in parsed] == [
        (e.type, [f.function for f in e.frames]) for e in sent
    ]
    assert [e.type for e in parsed] == ["KeyError", "LookupError"]
    # The innermost frames grouping reads: same functions, same lines.
    parsed_top = top_in_app_frames(parsed)
    sent_top = top_in_app_frames(sent)
    assert [(f.function, f.lineno) for f in parsed_top] == [
        (f.function, f.lineno) for f in sent_top
    ]
    assert parsed_top[0].function == "_compute_total"
    assert parsed[0].frames[-1].function == "_load_price"
    assert parsed[-1].value == "cart has no priced item"
