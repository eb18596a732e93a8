"""Story metadata printed as lines: who published it, who wrote it, when.

Pages glue these together ("Al Mayadeen4 days ago", "time9 hours ago", "January 23, 2020 | Via
BBC", "By: Agence France Presse November 18,2024 - 08:54 AM"). A line is split at its date
expression, and what is left on either side must be a label, an outlet or a byline, otherwise the
line is not metadata at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from newsstream.parse.dates import find_date, is_bare_duration, is_clock_time
from newsstream.parse.text.vocabulary import (
    AGENCY,
    AGGREGATORS,
    DATE_LABELS,
    NAME_PARTICLES,
    is_wire_agency,
)


class DateRank(IntEnum):
    """Which printed date wins: the publication date over a bare one over an update."""

    PUBLISHED = 0
    PLAIN = 1
    UPDATED = 2


@dataclass(frozen=True)
class Meta:
    date_text: str | None = None
    date_rank: DateRank = DateRank.PLAIN
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    credit: bool = False  # an agency credit line ("AFP", "(Reporting by ...)")

    @property
    def has_date(self) -> bool:
        return self.date_text is not None


_MAX_META_CHARS = 160
_SEPARATORS = " \t|•·,;:-–—/()[]"
_BULLET = re.compile(r"^[•·▪►|–—-]\s*(.+)$")
_BYLINE = re.compile(
    r"^(?:(?:written|words|story|text|posted|report(?:ed)?)\s+)?by\s*:?\s+(.+)$", re.IGNORECASE
)
_SOURCE = re.compile(r"^(?:source|via|from|credit)\s*:?\s+(.+)$", re.IGNORECASE)
_ON_AGGREGATOR = re.compile(r"^(.+?)\s+on\s+" + AGGREGATORS + r"$")
_REPORTING = re.compile(
    r"^[(\[]?\s*(?:reporting|additional reporting|writing|editing|compiled)\s+by\b.{0,200}$"
    # "(The Associated Press contributed to this report.)"
    r"|^[(\[]?[^()\[\].!?]{2,80}\s+contributed\s+to\s+this\s+(?:report|story|article)\.?[)\]]?$",
    re.IGNORECASE,
)
_KEPT_LABEL = re.compile(
    r"(?:^|\s)((?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on)?)\s*:?\s*$",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.&-]*|[A-Z]\.|\d+[A-Za-z]+[\w-]*|[A-Za-z]+\d+\w*)$")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\|)\s*")


def is_name(text: str, *, max_tokens: int = 6) -> bool:
    """Looks like an outlet or person name: a few capitalised words, no sentence punctuation."""
    tokens = text.split()
    if not tokens or len(tokens) > max_tokens or len(text) > 60:
        return False
    if text.endswith((":", ",", ";", "?", "!")) or (text.endswith(".") and len(tokens[-1]) > 2):
        return False
    named = 0
    for token in tokens:
        if token.lower() in NAME_PARTICLES:
            continue
        if not _NAME_TOKEN.match(token):
            return False
        named += 1
    return named > 0


def _authors(text: str) -> tuple[str, ...]:
    names = [part.strip(" .") for part in _AUTHOR_SPLIT.split(text) if part.strip(" .")]
    if not names or not all(is_name(name) for name in names):
        return ()
    return tuple(names)


def _outlet(text: str) -> str | None:
    """An outlet named by a fragment of a meta line, or None when it is not one."""
    fragment = text.strip(_SEPARATORS)
    if not fragment:
        return None
    source = _SOURCE.match(fragment)
    if source:
        fragment = source.group(1).strip(_SEPARATORS)
    aggregated = _ON_AGGREGATOR.match(fragment)
    if aggregated:
        fragment = aggregated.group(1).strip()
    return fragment if is_name(fragment) else None


def _date_label(left: str, glued: bool) -> tuple[str | None, DateRank] | None:
    """Read the words just before a date: a label keeps its rank; glued labels are dropped."""
    label = left.strip(_SEPARATORS).lower()
    if not label:
        return None, DateRank.PLAIN
    if label not in DATE_LABELS:
        return None
    rank = DateRank.PLAIN
    if "updated" in label or "modified" in label:
        rank = DateRank.UPDATED
    elif "published" in label or "posted" in label:
        rank = DateRank.PUBLISHED
    kept = _KEPT_LABEL.search(left)
    if kept and not glued:
        return kept.group(1), rank
    return None, rank


# Every metadata line has one of these; most lines of a page have none, and are skipped cheaply.
_HINT = re.compile(
    r"\d|\bago\b|^[\W_]|^(?:written|words|story|text|posted|report\w*|by|source|via|from|credit"
    r"|additional|editing|writing|compiled)\b|\son\s|\scontributed\s",
    re.IGNORECASE,
)


# A byline signed without "By": "Jane Doe, AP National Political Writer", "Jane Doe - Science
# Contributor", "Jane Doe, Associated Press", "Jane Doe@janedoe".
_SIGNED = re.compile(r"^(.{3,60}?)\s*(?:,|\s[-–—|]\s)\s*(.{2,60})$")
_HANDLE = re.compile(r"^(.{3,60}?)\s*@\w{2,30}$")
_ROLE = re.compile(
    r"\b(?:writer|reporter|correspondent|contributor|editor|columnist|journalist|producer"
    r"|photographer|staff|bureau\s+chief)s?$",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}$")


def _signed_byline(line: str) -> Meta | None:
    handle = _HANDLE.match(line)
    if handle and _PERSON.match(handle.group(1)):
        return Meta(authors=(handle.group(1),))
    signed = _SIGNED.match(line)
    if not signed or not _PERSON.match(signed.group(1)):
        return None
    name, role = signed.group(1), signed.group(2).strip()
    if is_wire_agency(role):
        return Meta(authors=(name,), publisher=role)
    if len(role.split()) <= 6 and _ROLE.search(role):
        return Meta(authors=(name,))
    return None


def parse_meta_line(text: str) -> Meta | None:
    """The metadata a whole line carries, or None when the line is something else."""
    if not text or len(text) > _MAX_META_CHARS:
        return None
    signed = _signed_byline(text.strip())
    if signed is not None:
        return signed
    if not _HINT.search(text) and not is_wire_agency(text):
        return None
    line = text.strip()
    if line[:1] in "([" and line[-1:] in ")]":
        line = line[1:-1].strip()
    if _REPORTING.match(line):
        return Meta(credit=True)
    if is_wire_agency(line):
        return Meta(authors=(line.strip(" ()[]—–-"),), credit=True)
    byline = _BYLINE.match(line)
    if byline:
        return _parse_byline(byline.group(1))
    date = find_date(line)
    if date is None:
        return _parse_undated(line)
    left, right = line[: date.start], line[date.end :]
    glued = bool(left) and not left[-1:].isspace() and left[-1:].isalnum()
    publisher = None
    label = _date_label(left, glued)
    if label is None:
        publisher = _outlet(left)
        if publisher is None:
            return None
        label = (None, DateRank.PLAIN)
    kept_label, rank = label
    rest = right.strip(_SEPARATORS)
    found = date.text
    if rest and is_clock_time(rest):  # "November 19, 2019 / 10:07 AM"
        found, rest = f"{found} {rest}", ""
    if rest and _labelled_date(rest):  # "PUBLISHED: ... | UPDATED: ...": the first one leads
        rest = ""
    if rest:
        outlet = _outlet(rest)
        if outlet is None or publisher is not None:
            return None
        publisher = outlet
    date_text = f"{kept_label} {found}" if kept_label else found
    return Meta(date_text=date_text, date_rank=rank, publisher=publisher)


def _labelled_date(text: str) -> bool:
    """The whole of `text` is a date under a label ("UPDATED: 11:05, Tue, Nov 19, 2019")."""
    date = find_date(text)
    if date is None or text[date.end :].strip(_SEPARATORS):
        return False
    left = text[: date.start]
    return bool(left.strip(_SEPARATORS)) and _date_label(left, glued=False) is not None


def _parse_byline(rest: str) -> Meta | None:
    date = find_date(rest)
    names = rest
    date_text = None
    if date is not None:
        names = rest[: date.start] + " " + rest[date.end :]
        date_text = date.text
    names = re.sub(r"\s+(?:on|at|in)$", "", names.strip(_SEPARATORS)).strip(_SEPARATORS)
    authors = _authors(names)
    if not authors:
        return None
    publisher = next((name for name in authors if is_wire_agency(name)), None)
    return Meta(date_text=date_text, publisher=publisher, authors=authors)


def _parse_undated(line: str) -> Meta | None:
    """Lines with no date: an outlet chip ("• LBCI", "- Sky News"), "Source: X", "Via X"."""
    bullet = _BULLET.match(line)
    if bullet:
        outlet = _outlet(bullet.group(1))
        return Meta(publisher=outlet) if outlet else None
    if _SOURCE.match(line) or _ON_AGGREGATOR.match(line):
        outlet = _outlet(line)
        return Meta(publisher=outlet) if outlet else None
    parts = [part.strip() for part in re.split(r"\s[·•|]\s", line)]
    if len(parts) == 2:  # news cards: "Reuters · 2h"
        for name, age in (parts, parts[::-1]):
            if is_bare_duration(age) and is_name(name):
                return Meta(date_text=age, publisher=name)
    if is_bare_duration(line):
        return Meta(date_text=line)
    return None


# A byline glued to the start of a body: "by Naharnet Newsdesk 9 hours Hezbollah chief ...".
_GLUED_BYLINE = re.compile(
    r"^(?i:by)\s*:?\s+((?:[A-Z][\w'’.-]*\s+){1,5}?)"
    r"(?:(\d{1,3}\s+(?i:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)(?:\s+ago)?)"
    r"\s*[|•·,–—-]?\s+|[|•·–—-]\s+)"
    r"(?=[\"'“‘A-Z0-9])"
)


def cut_glued_byline(paragraph: str) -> tuple[str, tuple[str, ...], str | None]:
    """Paragraph without a leading byline, the author(s) it named, and the age it printed."""
    match = _GLUED_BYLINE.match(paragraph[:200])
    if not match:
        return paragraph, (), None
    authors = _authors(match.group(1).strip())
    if not authors:
        return paragraph, (), None
    return paragraph[match.end() :], authors, match.group(2)


# A wire credit after the last sentence: "... the Observatory said. AFP" / "... said. (AFP)".
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"'”’)])\s+[(\[—–-]*\s*(" + AGENCY + r"(?:\s*[/,&]\s*" + AGENCY + r")*)\s*[)\]]?\s*$"
)


def cut_trailing_credit(paragraph: str) -> tuple[str, tuple[str, ...]]:
    """Paragraph without a closing agency credit, and the agencies it named."""
    tail_start = max(0, len(paragraph) - 120)
    match = _TRAILING_CREDIT.search(paragraph, tail_start)
    if not match:
        return paragraph, ()
    names = tuple(part.strip() for part in re.split(r"\s*[/,&]\s*", match.group(1)))
    return paragraph[: match.start()].rstrip(), names
