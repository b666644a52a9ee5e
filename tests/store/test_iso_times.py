"""``iso``: the stores' fixed-width UTC timestamps, written by msgspec, read as ``isoformat``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from soulcaster_core.store.port import iso

_ZONES = st.one_of(
    st.just(UTC),
    st.integers(min_value=-14 * 60, max_value=14 * 60).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    ),
)


@settings(max_examples=500)
@given(
    st.datetimes(
        min_value=datetime(1, 1, 2),  # a day's margin: any zone can reach UTC from here
        max_value=datetime(9999, 12, 30),
        timezones=_ZONES,
    )
)
def test_iso_is_isoformat_in_utc_to_the_microsecond(at: datetime) -> None:
    assert iso(at) == at.astimezone(UTC).isoformat(timespec="microseconds")


def test_iso_of_a_whole_second_keeps_its_six_zeros() -> None:
    assert iso(datetime(2026, 12, 5, 10, 0, tzinfo=UTC)) == "2026-12-05T10:00:00.000000+00:00"
