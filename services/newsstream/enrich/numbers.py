"""Number normalisation: written amounts ("three", "a dozen", "1,200", "1.5 million",
"dozens") become numbers or, for vague amounts, ranges.

Kept free of spaCy so it can be tested exhaustively on its own; the casualty extractor feeds it
the words of a number phrase it found in the parse. A vague amount never becomes a number: it
gets a range and no value, so nothing downstream can mistake it for a stated count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from newsstream.models import CountQualifier

_UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen"""
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"

UNIT_WORDS: Final[dict[str, int]] = {word: value for value, word in enumerate(_UNITS.split())}
TENS_WORDS: Final[dict[str, int]] = {
    word: 10 * (index + 2) for index, word in enumerate(_TENS.split())
}
SCALE_WORDS: Final[dict[str, int]] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
#: Multipliers that work like "hundred" (below thousands): "two dozen", "a hundred".
SMALL_MULTIPLIERS: Final[dict[str, int]] = {"hundred": 100, "dozen": 12}

#: Vague amounts and the range each is taken to mean.
VAGUE_AMOUNTS: Final[dict[tuple[str, ...], tuple[int, int]]] = {
    ("dozens",): (24, 99),
    ("scores",): (40, 99),
    ("hundreds",): (200, 999),
    ("thousands",): (2_000, 9_999),
    ("millions",): (2_000_000, 999_999_999),
    ("tens", "of", "thousands"): (20_000, 99_999),
    ("hundreds", "of", "thousands"): (200_000, 999_999),
    ("tens", "of", "millions"): (20_000_000, 99_999_999),
    ("hundreds", "of", "millions"): (200_000_000, 999_999_999),
    ("several",): (3, 9),
    ("a", "few"): (2, 5),
    ("a", "handful"): (2, 5),
}

#: Words that may occur inside a written number.
NUMBER_WORDS: Final[frozenset[str]] = frozenset(
    {*UNIT_WORDS, *TENS_WORDS, *SCALE_WORDS, *SMALL_MULTIPLIERS}
)
#: Words that start a vague amount.
VAGUE_HEADS: Final[frozenset[str]] = frozenset(key[0] for key in VAGUE_AMOUNTS)

_INTEGER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_RANGE = re.compile(r"^(\d[\d,]*)\s*[-–—]\s*(\d[\d,]*)$")

#: Qualifier phrases as word tuples; the longest one ending right before a number wins.
QUALIFIER_PHRASES: Final[dict[tuple[str, ...], CountQualifier]] = {
    tuple(phrase.split()): qualifier
    for qualifier, phrases in (
        (
            CountQualifier.AT_LEAST,
            "at least|no fewer than|no less than|not less than|a minimum of|a minimum",
        ),
        (
            CountQualifier.MORE_THAN,
            "more than|over|above|upwards of|in excess of|just over|well over|beyond",
        ),
        (
            CountQualifier.AT_MOST,
            "at most|up to|as many as|no more than|not more than|a maximum of",
        ),
        (
            CountQualifier.FEWER_THAN,
            "fewer than|less than|under|just under|below",
        ),
        (
            CountQualifier.APPROX,
            "about|around|some|approximately|roughly|nearly|almost|close to|an estimated|"
            "estimated|circa|approx.|approx|an approximate|upward of|near",
        ),
    )
    for phrase in phrases.split("|")
}
_LONGEST_QUALIFIER: Final[int] = max(len(key) for key in QUALIFIER_PHRASES)


@dataclass(frozen=True)
class Amount:
    """A stated amount: `value` when a number was written, else only a range."""

    value: int | None
    low: int | None = None
    high: int | None = None

    @property
    def vague(self) -> bool:
        return self.value is None


def split_number_words(text: str) -> list[str]:
    """Lower-cased words of a number phrase; hyphenated words ("twenty-one") come apart."""
    words: list[str] = []
    for raw in text.lower().split():
        if _RANGE.match(raw) or _INTEGER.match(raw) or _DECIMAL.match(raw):
            words.append(raw)
        elif raw in {"-", "–", "—"}:
            words.append("-")
        else:
            words.extend(part for part in re.split(r"[-‐‑–]", raw) if part)
    return words


def parse_amount_text(text: str) -> Amount | None:
    """`parse_amount` on free text ("at least" and the like must already be stripped)."""
    return parse_amount(split_number_words(text))


def parse_amount(words: Sequence[str]) -> Amount | None:
    """The amount written by `words` (lower-cased), or None when they are not one amount.

    Digits ("1,200"), words ("one hundred and twenty"), mixed forms ("1.5 million",
    "two dozen"), "a"/"an"/"half a" before a multiplier, ranges ("10-15", "10 to 15",
    "between 10 and 15", "one or two") and vague amounts ("dozens", "tens of thousands").
    Anything else, including fractions that are not whole numbers, gives None.
    """
    cleaned = [word.strip().lower() for word in words if word.strip()]
    if not cleaned:
        return None
    vague = VAGUE_AMOUNTS.get(tuple(cleaned))
    if vague is not None:
        return Amount(None, vague[0], vague[1])
    ranged = _parse_range(cleaned)
    if ranged is not None:
        return ranged
    value = _parse_number(cleaned)
    return None if value is None else Amount(value, value, value)


def qualifier_before(words: Sequence[str]) -> tuple[CountQualifier, int]:
    """The qualifier ending `words` (lower-cased words right before a number) and its length.

    ("killed", "at", "least") gives (AT_LEAST, 2); no qualifier gives (EXACT, 0).
    """
    for size in range(min(_LONGEST_QUALIFIER, len(words)), 0, -1):
        qualifier = QUALIFIER_PHRASES.get(tuple(w.lower() for w in words[-size:]))
        if qualifier is not None:
            return qualifier, size
    return CountQualifier.EXACT, 0


def _parse_range(words: list[str]) -> Amount | None:
    if len(words) == 1:
        match = _RANGE.match(words[0])
        if match is None:
            return None
        low, high = _parse_number([match.group(1)]), _parse_number([match.group(2)])
        return _range(low, high)
    body = words[1:] if words[0] == "between" else words
    for joiner in ("to", "and", "or", "-", "–"):
        if joiner not in body:
            continue
        if joiner == "and" and words[0] != "between":
            continue
        cut = body.index(joiner)
        low, high = _parse_number(body[:cut]), _parse_number(body[cut + 1 :])
        if low is not None and high is not None:
            return _range(low, high)
    return None


def _range(low: int | None, high: int | None) -> Amount | None:
    if low is None or high is None or low >= high:
        return None
    return Amount(None, low, high)


def _parse_number(words: list[str]) -> int | None:
    """A single written number; None if the words are not exactly one."""
    words = [w for w in words if w != "and"] if _and_is_internal(words) else words
    if not words or any(w == "and" for w in words):
        return None
    if words[0] in {"a", "an"}:
        if len(words) == 1 or words[1] not in {*SMALL_MULTIPLIERS, *SCALE_WORDS}:
            return None
        words = ["one", *words[1:]]
    if words[:2] == ["half", "a"] and words[2:] == ["dozen"]:
        return 6
    total = Decimal(0)
    current: Decimal | None = None
    last_scale = 10**15
    for word in words:
        literal = _literal(word)
        if literal is not None:
            if current is not None:
                return None
            current = literal
        elif word in UNIT_WORDS or word in TENS_WORDS:
            value = UNIT_WORDS.get(word, TENS_WORDS.get(word, 0))
            current = _add_word(current, value, is_tens=word in TENS_WORDS)
            if current is None:
                return None
        elif word in SMALL_MULTIPLIERS:
            multiplier = SMALL_MULTIPLIERS[word]
            if current is not None and current >= 100:
                return None
            current = (current if current is not None else Decimal(1)) * multiplier
        elif word in SCALE_WORDS:
            scale = SCALE_WORDS[word]
            if scale >= last_scale or current is None or current == 0:
                return None
            total += current * scale
            current = None
            last_scale = scale
        else:
            return None
    result = total + (current if current is not None else Decimal(0))
    if result != result.to_integral_value():
        return None
    return int(result)


def _and_is_internal(words: list[str]) -> bool:
    """ "one hundred and twenty": an "and" between number words is part of the number."""
    return all(0 < i < len(words) - 1 for i, w in enumerate(words) if w == "and")


def _literal(word: str) -> Decimal | None:
    if _INTEGER.match(word):
        return Decimal(word.replace(",", ""))
    if _DECIMAL.match(word):
        try:
            return Decimal(word)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            return None
    return None


def _add_word(current: Decimal | None, value: int, *, is_tens: bool) -> Decimal | None:
    """Adds a unit or tens word to the number being read, rejecting impossible orders."""
    if current is None:
        return Decimal(value)
    if current != current.to_integral_value():
        return None
    below_hundred = int(current) % 100
    if below_hundred == 0 and current > 0:
        return current + value
    if not is_tens and below_hundred % 10 == 0 and below_hundred >= 20 and value < 10:
        return current + value
    return None
