"""A rendered page as numbered lines, plus the crawler's own date stamp when it leads the page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsstream.parse.text.vocabulary import LINK_LABEL, MORE_ARROW

# Crawlers prefix the stored text with the page's date: " date 2025-07-20 DAMASCUS: ...".
_PAGE_STAMP = re.compile(r"^\s*(?:date|published|time)\s*:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")


# A label glued before a card's headline, with its arrow: "Read More »Three dead after blast".
_LEADING_LABEL = re.compile(r"^(" + LINK_LABEL + r"\s*[»›→>]+)\s*(?=\S)", re.IGNORECASE)
# A label after the last sentence of a card's text: "... caused the blast. Source link".
_TRAILING_LABEL = re.compile(
    r"(?<=[.!?\"”’])\s+(" + LINK_LABEL + r"\s*[»›→>]*|" + MORE_ARROW + r")$", re.IGNORECASE
)
# An editor's initials signing off wire copy: "... the peace talks in April. JE".
_TRAILING_INITIALS = re.compile(r"(?<=[.!?\"”’])\s+([A-Z]{2,3})$")


# A card's byline printed on after its last sentence: "... for the city.” by Jane Doe".
_TRAILING_BYLINE = re.compile(r"(?<=[.!?\"”’])\s+(by\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3})$")


def unglue(text: str) -> list[str]:
    """A line split where an inline link label or a card's byline runs into the text next to
    it."""
    parts = [text]
    leading = _LEADING_LABEL.match(text)
    if leading:
        parts = [leading.group(1), text[leading.end() :].strip()]
    for pattern in (_TRAILING_LABEL, _TRAILING_BYLINE, _TRAILING_INITIALS):
        trailing = pattern.search(parts[-1])
        if trailing and trailing.start() > 0:
            parts[-1:] = [parts[-1][: trailing.start()].strip(), trailing.group(1)]
    return [part for part in parts if part]


@dataclass(frozen=True)
class Line:
    index: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class Page:
    lines: tuple[Line, ...]
    stamp: str | None  # the crawler's page date, used only when a story shows none


def split_page(text: str) -> Page:
    """Lines of the page, stripped, with the leading crawler stamp taken off the first one."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    stamp = None
    match = _PAGE_STAMP.match(normalised)
    if match:
        stamp = match.group(1)
        normalised = normalised[match.end() :]
    lines = tuple(
        Line(index, part)
        for index, raw in enumerate(normalised.split("\n"))
        for part in (unglue(raw.strip()) if raw.strip() else [""])
    )
    return Page(lines, stamp)
