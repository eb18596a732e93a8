"""Date expressions as printed resolve to aware UTC times against the fetch time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsstream.parse.dates import find_date, parse_in_words, resolve_date

FETCHED_AT = datetime(2025, 9, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("expression", "age"),
    [
        ("4 days ago", timedelta(days=4)),
        ("9 hours ago", timedelta(hours=9)),
        ("an hour ago", timedelta(hours=1)),
        ("9 minutes ago", timedelta(minutes=9)),
        ("9 hours", timedelta(hours=9)),
        ("2h", timedelta(hours=2)),
    ],
)
def test_relative_expressions_count_back_from_the_fetch(expression: str, age: timedelta) -> None:
    assert resolve_date(expression, FETCHED_AT) == FETCHED_AT - age


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Published 08.13.25 12:17PM EDT", datetime(2025, 8, 13, 16, 17, tzinfo=UTC)),
        ("Dec. 24, 2024 14:55 PM EST", datetime(2024, 12, 24, 19, 55, tzinfo=UTC)),
        ("Dec. 24, 2024 08:43 AM EST", datetime(2024, 12, 24, 13, 43, tzinfo=UTC)),
        ("November 18,2024 - 08:54 AM", datetime(2024, 11, 18, 8, 54, tzinfo=UTC)),
        ("2025-07-20", datetime(2025, 7, 20, tzinfo=UTC)),
        ("2016-08-03 20:09:19", datetime(2016, 8, 3, 20, 9, 19, tzinfo=UTC)),
        ("April 22, 2019 at 5:47 PM", datetime(2019, 4, 22, 17, 47, tzinfo=UTC)),
        ("January 23, 2020", datetime(2020, 1, 23, tzinfo=UTC)),
        ("1031 GMT", datetime(2025, 9, 1, 10, 31, tzinfo=UTC)),
        ("1831 GMT", datetime(2025, 8, 31, 18, 31, tzinfo=UTC)),
        ("First published on March 9, 2025 8:16 AM", datetime(2025, 3, 9, 8, 16, tzinfo=UTC)),
    ],
)
def test_absolute_expressions(expression: str, expected: datetime) -> None:
    resolved = resolve_date(expression, FETCHED_AT)
    assert resolved == expected
    assert resolved is not None
    assert resolved.tzinfo is not None


def test_a_date_more_than_a_day_after_the_fetch_is_rejected() -> None:
    assert resolve_date("Dec. 24, 2030", FETCHED_AT) is None
    assert resolve_date("September 2, 2025 11:00 AM", FETCHED_AT) is not None


@pytest.mark.parametrize("expression", ["", "soon", "the day after the storm", "x" * 500])
def test_nothing_parses_to_none(expression: str) -> None:
    assert resolve_date(expression, FETCHED_AT) is None


@pytest.mark.parametrize(
    ("text", "found", "start"),
    [
        ("Al Mayadeen4 days ago", "4 days ago", 11),
        ("time9 hours ago", "9 hours ago", 4),
        ("By: Agence France Presse November 18,2024 - 08:54 AM", "November 18,2024 - 08:54 AM", 25),
        ("Source: Xinhua   2016-08-03 20:09:19", "2016-08-03 20:09:19", 17),
        ("08:54 AM, November 18, 2024", "08:54 AM, November 18, 2024", 0),
    ],
)
def test_find_date_locates_the_expression(text: str, found: str, start: int) -> None:
    span = find_date(text)
    assert span is not None
    assert (span.text, span.start, span.end) == (found, start, start + len(found))


@pytest.mark.parametrize("text", ["Omar 24 went home", "at 10:30 the", "Room 101", "Mayday"])
def test_find_date_ignores_look_alikes(text: str) -> None:
    assert find_date(text) is None


@st.composite
def _iso_times(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2025, 8, 1)))
    text = moment.date().isoformat()
    if draw(st.booleans()):
        clock = moment.strftime("%H:%M" if draw(st.booleans()) else "%H:%M:%S")
        text += draw(st.sampled_from(["T", " "])) + clock
        zone = draw(st.sampled_from(["", "Z", "+00:00", "-05:00", "+0530", "+01"]))
        text += zone
    return text


@settings(max_examples=60, deadline=None)
@given(_iso_times())
def test_iso_times_read_as_dateparser_reads_them(text: str) -> None:
    """ISO 8601 times skip dateparser (milliseconds each) and must come out the same."""
    assert resolve_date(text, FETCHED_AT) == parse_in_words(text, FETCHED_AT)
