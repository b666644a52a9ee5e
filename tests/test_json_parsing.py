"""``parse_json_object`` reads with msgspec, yet accepts, returns and refuses exactly what the
standard library does: senders see no difference, only the time taken."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from soulcaster_core.errors import BadPayload
from soulcaster_core.handler import _parse_json_strictly, parse_json_object

# Every kind of character, lone surrogates included: they are what JSON parsers disagree on.
any_text = st.text(st.characters(exclude_categories=()), max_size=12)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)  # past 64 bits
    | st.floats()  # NaN and infinities included: json writes and reads them
    | any_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4)
    ),
    max_leaves=12,
)


def _body(value: Any, ascii_only: bool) -> bytes:
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def _outcome(parse: Any, body: bytes) -> tuple[str, str]:
    try:
        value = parse(body)
    except BadPayload as exc:
        return "refused", exc.detail
    if not isinstance(value, dict):
        return "refused", f"body must be a JSON object, got {type(value).__name__}"
    # Through json.dumps: NaN equals itself there, and 1 and 1.0 or 0.0 and -0.0 differ.
    return "read", json.dumps(value)


@settings(max_examples=200, deadline=None)
@given(value=json_values, ascii_only=st.booleans())
def test_encoded_values_read_as_the_standard_library_reads_them(
    value: Any, ascii_only: bool
) -> None:
    body = _body(value, ascii_only)
    assert _outcome(parse_json_object, body) == _outcome(_parse_json_strictly, body)


@settings(max_examples=200, deadline=None)
@given(value=json_values, cut=st.integers(min_value=0, max_value=64), junk=st.binary(max_size=3))
def test_damaged_bodies_get_the_standard_library_answer(value: Any, cut: int, junk: bytes) -> None:
    body = _body(value, ascii_only=False)
    damaged = body[:cut] + junk + body[cut:]
    assert _outcome(parse_json_object, damaged) == _outcome(_parse_json_strictly, damaged)


def test_big_integers_stay_exact() -> None:
    # A 20-digit id that a faster parser would round to a float.
    assert parse_json_object(b'{"id": 123456789012345678901}') == {"id": 123456789012345678901}


def test_refusals_name_the_problem() -> None:
    cases = {
        b'{"a": 1} trailing': "body is not JSON: Extra data at line 1 column 10",
        b'{"a": "\\ud83d"}': "a: unpaired UTF-16 surrogate",
        b'{"a": "\xff"}': "body is not UTF-8: invalid start byte at byte 7",
        b"[1, 2]": "body must be a JSON object, got list",
    }
    for body, message in cases.items():
        try:
            parse_json_object(body)
        except BadPayload as exc:
            assert exc.detail.startswith(message), (body, exc.detail)
        else:
            raise AssertionError(f"{body!r} was accepted")
