"""Date and time expressions: find them as printed, resolve them to aware UTC.

Finding uses bounded regular expressions (linear time on any input, so a megabyte of one line
cannot stall the parser); resolving is left to dateparser, with `fetched_at` as the base for
relative expressions. A few spellings dateparser misreads are normalised first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import dateparser

_MONTH = (
    r"(?<![A-Za-z])(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?<![A-Za-z])(?i:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
    r"(?:day|nesday|urday|sday)?\.?,?\s{1,3})"
)
_ZONE = r"(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})"
_CLOCK = (
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:[AaPp]\.?[Mm]\.?)?|\d{1,2}\s?[AaPp]\.?[Mm]\.?)"
    r"(?:\s?" + _ZONE + r"(?![A-Za-z]))?"
)
_DAY = r"\d{1,2}(?i:st|nd|rd|th)?"
_CALENDAR = (
    r"(?:"
    + _WEEKDAY
    + r"?(?:"
    + _MONTH
    + r"\s{1,3}"
    + _DAY
    + r",?\s{0,3}\d{4}"  # Dec. 24, 2024 / November 18,2024
    + r"|"
    + _DAY
    + r"\s{1,3}"
    + _MONTH
    + r",?\s{1,3}\d{4}"  # 26 November 2023
    + r"|\d{4}-\d{2}-\d{2}"  # 2016-08-03
    + r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)"  # 08.13.25
    + r"|"
    + _MONTH
    + r"\s{1,3}"
    + _DAY
    + r"(?![\d:])"  # Dec. 24 (no year)
    + r"))"
)
_ABSOLUTE = (
    r"(?:" + _CALENDAR + r"(?:\s{0,3}(?:[,|@–—-]|\bat\b|T)?\s{0,3}" + _CLOCK + r")?"
    r"|" + _CLOCK + r",?\s{1,3}" + _CALENDAR + r")"
)
_COUNT = r"(?:\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few))"
_UNIT = (
    r"(?i:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|wks?|months?|mos?"
    r"|years?|yrs?)"
)
# No word boundary before the count: pages glue labels and names to it ("time9 hours ago").
_RELATIVE = r"(?<!\d)" + _COUNT + r"\s{1,3}" + _UNIT + r"\s{1,3}(?i:ago)\b"
_MILITARY = r"(?<![\d:])(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC)\b"  # "1831 GMT" on live blogs

_ANY_DATE = re.compile(
    r"(?:" + _ABSOLUTE + r"|" + _RELATIVE + r"|" + _MILITARY + r"|" + _CLOCK + r")"
)
# A clock alone ("10:30") is a date only with a zone or am/pm; plain numbers are not times.
_CLOCK_ONLY = re.compile(r"^" + _CLOCK + r"$")
#: A calendar date, optionally with a clock time and a UTC offset, as ISO 8601 writes it.
_ISO_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_CLOCK_QUALIFIED = re.compile(r"(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,5})\s*$")
_BARE_RELATIVE = re.compile(r"^" + _COUNT + r"\s{1,3}" + _UNIT + r"$")
_COMPACT_RELATIVE = re.compile(r"^\d{1,3}\s?(?:h|hr|hrs|m|min|mins|d|w|wk|mo|y|yr)$")


@dataclass(frozen=True)
class DateSpan:
    """A date expression found in a text, with its place, so callers can cut around it."""

    text: str
    start: int
    end: int


# Where a date can start: a digit, a month or weekday name, a count word. Trying the full
# pattern only there is much cheaper than letting it scan every position.
_STARTS = re.compile(
    r"\d+|(?<![A-Za-z])(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri"
    r"|sat|sun|an?\s|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few)"
    r"|(?i:an?\s)"
)


def find_date(text: str) -> DateSpan | None:
    """First plausible date or time expression in `text`; None when there is none."""
    for candidate in _STARTS.finditer(text):
        match = _ANY_DATE.match(text, candidate.start())
        if match is None:
            continue
        found = match.group(0).strip()
        if _CLOCK_ONLY.match(found) and not _CLOCK_QUALIFIED.search(found):
            continue
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        return DateSpan(found, start, start + len(found))
    return None


def is_clock_time(text: str) -> bool:
    """'10:07 AM' or '8:16 p.m. EST' standing alone: the time of a date printed before it."""
    stripped = text.strip()
    return bool(_CLOCK_ONLY.match(stripped) and _CLOCK_QUALIFIED.search(stripped))


def is_bare_duration(text: str) -> bool:
    """'9 hours' or '3h': an age printed without 'ago', as bylines and news cards do."""
    stripped = text.strip()
    return bool(_BARE_RELATIVE.match(stripped) or _COMPACT_RELATIVE.match(stripped))


_LABELS = re.compile(
    r"^\s*(?:(?:(?:last|first|originally)\s+)?"
    r"(?:updated|modified|published|posted|created|edited)(?:\s+on|\s+at)?"
    r"|on|at|date|time)\s*:?\s*",
    re.IGNORECASE,
)
_MERIDIEM_AFTER_24H = re.compile(r"\b(1[3-9]|2[0-3])(:\d{2})\s?[AaPp]\.?[Mm]\.?")
_MILITARY_TIME = re.compile(r"^((?:[01]\d|2[0-3]))([0-5]\d)\s?(GMT|UTC)$", re.IGNORECASE)
_TWO_DIGIT_YEAR = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?!\d)")
_COMPACT_UNITS = {
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "m": "minutes",
    "min": "minutes",
    "mins": "minutes",
    "d": "days",
    "w": "weeks",
    "wk": "weeks",
    "mo": "months",
    "y": "years",
    "yr": "years",
}


def _normalise(expression: str, fetched_at: datetime) -> str:
    """Rewrite spellings dateparser gets wrong; keep everything else as printed."""
    text = _LABELS.sub("", expression.strip()).strip(" ,|-–—()[]")
    text = _MERIDIEM_AFTER_24H.sub(r"\1\2", text)  # "14:55 PM" is 14:55
    military = _MILITARY_TIME.match(text)
    if military:
        text = f"{military.group(1)}:{military.group(2)} {military.group(3)}"
    compact = re.match(r"^(\d{1,3})\s?([a-z]{1,4})$", text)
    if compact and compact.group(2) in _COMPACT_UNITS:
        text = f"{compact.group(1)} {_COMPACT_UNITS[compact.group(2)]} ago"
    elif _BARE_RELATIVE.match(text):
        text = f"{text} ago"
    two_digit = _TWO_DIGIT_YEAR.match(text)
    if two_digit:
        century = fetched_at.year // 100 * 100
        year = century + int(two_digit.group(4))
        if year > fetched_at.year + 1:
            year -= 100
        sep = two_digit.group(2)
        text = f"{two_digit.group(1)}{sep}{two_digit.group(3)}{sep}{year}" + text[two_digit.end() :]
    return text


def resolve_date(expression: str, fetched_at: datetime) -> datetime | None:
    """Aware UTC time of `expression`, relative ones counted back from `fetched_at`.

    None when it does not parse, or lands more than a day after the fetch (a misread).
    """
    base = fetched_at.astimezone(UTC)
    text = _normalise(expression, base)
    if not text or len(text) > 80:
        return None
    parsed = _iso_time(text)
    if parsed is None:
        parsed = parse_in_words(text, base)
    if parsed is None or parsed > base + timedelta(days=1):
        return None
    return parsed


def _iso_time(text: str) -> datetime | None:
    """An ISO 8601 date or time (what most pages' metadata holds), read without dateparser,
    which takes milliseconds each; the same reading as dateparser's (no zone: UTC)."""
    if not _ISO_TIME.match(text):
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_in_words(text: str, base: datetime) -> datetime | None:
    """dateparser's reading of a normalised expression, in UTC, relative to `base`."""
    # A clock time alone is the latest such time not after the fetch; dateparser's "past"
    # preference mishandles it at month boundaries, so the day is settled here.
    clock_only = bool(_CLOCK_ONLY.match(text))
    settings: dict[str, object] = {
        "RELATIVE_BASE": base.replace(tzinfo=None),
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "current_period" if clock_only else "past",
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):  # library trips on odd input
        return None
    if parsed is None:
        return None
    parsed = parsed.astimezone(UTC)
    if clock_only and parsed > base:
        parsed -= timedelta(days=1)
    return parsed
