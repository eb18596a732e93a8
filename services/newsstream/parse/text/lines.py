"""A rendered page as numbered lines, plus the crawler's own date stamp when it leads the page."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Crawlers prefix the stored text with the page's date: " date 2025-07-20 DAMASCUS: ...".
_PAGE_STAMP = re.compile(r"^\s*(?:date|published|time)\s*:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")


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
    lines = tuple(Line(index, raw.strip()) for index, raw in enumerate(normalised.split("\n")))
    return Page(lines, stamp)
