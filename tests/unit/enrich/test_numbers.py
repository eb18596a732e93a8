"""Number normalisation: written amounts become numbers, vague ones ranges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsstream.enrich.numbers import (
    VAGUE_AMOUNTS,
    Amount,
    parse_amount,
    parse_amount_text,
    qualifier_before,
)
from newsstream.models import CountQualifier

_UNIT_WORDS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen"""
_UNITS = _UNIT_WORDS.split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
_SCALES = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def to_words(number: int, *, british_and: bool, hyphen: bool) -> str:
    """English words for 0 <= number < 10**12, written independently of the code under test."""
    if number == 0:
        return "zero"
    parts: list[str] = []
    for scale, name in _SCALES:
        if number >= scale:
            parts.append(f"{_below_thousand(number // scale, british_and, hyphen)} {name}")
            number %= scale
    if number:
        if parts and british_and and number < 100:
            parts.append("and")
        parts.append(_below_thousand(number, british_and, hyphen))
    return " ".join(parts)


def _below_thousand(number: int, british_and: bool, hyphen: bool) -> str:
    words: list[str] = []
    if number >= 100:
        words.append(f"{_UNITS[number // 100]} hundred")
        number %= 100
        if number and british_and:
            words.append("and")
    if number >= 20:
        tens, unit = divmod(number, 10)
        words.append(f"{_TENS[tens - 2]}{'-' if hyphen else ' '}{_UNITS[unit]}" if unit else
                     _TENS[tens - 2])  # fmt: skip
    elif number:
        words.append(_UNITS[number])
    return " ".join(words)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three", 3),
        ("Three", 3),
        ("a dozen", 12),
        ("two dozen", 24),
        ("2 dozen", 24),
        ("half a dozen", 6),
        ("1,200", 1200),
        ("1200", 1200),
        ("1.5 million", 1_500_000),
        ("a hundred", 100),
        ("one hundred and twenty", 120),
        ("twenty-one", 21),
        ("twelve hundred", 1200),
        ("0", 0),
    ],
)
def test_written_numbers(text: str, value: int) -> None:
    assert parse_amount_text(text) == Amount(value, value, value)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("dozens", 24, 99),
        ("hundreds", 200, 999),
        ("thousands", 2_000, 9_999),
        ("tens of thousands", 20_000, 99_999),
        ("several", 3, 9),
        ("10-15", 10, 15),
        ("10 to 15", 10, 15),
        ("between 10 and 15", 10, 15),
        ("one or two", 1, 2),
    ],
)
def test_vague_amounts_and_ranges_have_no_value(text: str, low: int, high: int) -> None:
    amount = parse_amount_text(text)
    assert amount == Amount(None, low, high)
    assert amount is not None
    assert amount.vague


@pytest.mark.parametrize(
    "text", ["", "7.8", "a", "and", "hundred hundred", "1 2", "twenty twenty", "1,20", "million",
             "two thousand thousand", "15 to 10", "people"],
)  # fmt: skip
def test_non_numbers_give_none(text: str) -> None:
    assert parse_amount_text(text) is None


@pytest.mark.parametrize(
    ("words", "qualifier", "size"),
    [
        (["killed", "at", "least"], CountQualifier.AT_LEAST, 2),
        (["more", "than"], CountQualifier.MORE_THAN, 2),
        (["over"], CountQualifier.MORE_THAN, 1),
        (["nearly"], CountQualifier.APPROX, 1),
        (["some"], CountQualifier.APPROX, 1),
        (["as", "many", "as"], CountQualifier.AT_MOST, 3),
        (["fewer", "than"], CountQualifier.FEWER_THAN, 2),
        (["up", "to"], CountQualifier.AT_MOST, 2),
        (["At", "Least"], CountQualifier.AT_LEAST, 2),
        (["killed"], CountQualifier.EXACT, 0),
        ([], CountQualifier.EXACT, 0),
    ],
)
def test_qualifiers(words: list[str], qualifier: CountQualifier, size: int) -> None:
    assert qualifier_before(words) == (qualifier, size)


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(number: int) -> None:
    assert parse_amount_text(str(number)) == Amount(number, number, number)
    assert parse_amount_text(f"{number:,}") == Amount(number, number, number)


@given(
    st.integers(min_value=0, max_value=10**12 - 1),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_words_round_trip(number: int, british_and: bool, hyphen: bool, capitalise: bool) -> None:
    text = to_words(number, british_and=british_and, hyphen=hyphen)
    if capitalise:
        text = text.capitalize()
    assert parse_amount_text(text) == Amount(number, number, number)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["million", "thousand"]))
def test_decimal_with_scale(tenths: int, scale: str) -> None:
    factor = 10**6 if scale == "million" else 10**3
    text = f"{tenths // 10}.{tenths % 10} {scale}"
    assert parse_amount_text(text) == Amount(tenths * factor // 10, tenths * factor // 10,
                                             tenths * factor // 10)  # fmt: skip


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_ranges(low: int, span: int) -> None:
    high = low + span
    assert parse_amount_text(f"{low}-{high}") == Amount(None, low, high)
    assert parse_amount_text(f"between {low} and {high}") == Amount(None, low, high)
    assert parse_amount_text(f"{high} to {low}") is None


@given(st.sampled_from(sorted(VAGUE_AMOUNTS)))
def test_vague_amounts_never_get_a_value(words: tuple[str, ...]) -> None:
    amount = parse_amount(list(words))
    assert amount is not None
    assert amount.value is None
    assert amount.low is not None
    assert amount.high is not None
    assert amount.low < amount.high


@given(st.lists(st.text(max_size=12), max_size=8))
def test_any_words_parse_or_give_none(words: list[str]) -> None:
    amount = parse_amount(words)
    if amount is not None:
        assert amount.value is None or amount.value >= 0
        assert amount.low is None or amount.high is None or amount.low <= amount.high
        if amount.value is not None:
            assert amount.low == amount.value == amount.high


@given(st.text(max_size=60))
def test_any_text_parses_or_gives_none(text: str) -> None:
    amount = parse_amount_text(text)
    if amount is not None and amount.value is not None:
        assert amount.value >= 0
        assert amount.low == amount.value == amount.high


@given(st.lists(st.text(max_size=10), max_size=6))
def test_qualifier_never_consumes_more_than_given(words: list[str]) -> None:
    qualifier, size = qualifier_before(words)
    assert 0 <= size <= len(words)
    assert (size == 0) == (qualifier is CountQualifier.EXACT)
