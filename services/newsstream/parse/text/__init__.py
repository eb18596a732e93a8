"""Stories from the rendered text of a page: classify lines, segment, assemble."""

from __future__ import annotations

from datetime import datetime

from newsstream.parse.story import Story
from newsstream.parse.text.assemble import assemble
from newsstream.parse.text.classify import classify_page
from newsstream.parse.text.lines import split_page
from newsstream.parse.text.segment import segment


def extract_text_stories(text: str, *, fetched_at: datetime) -> list[Story]:
    """Every story in the page text, in page order (possibly none)."""
    page = split_page(text)
    drafts = segment(classify_page(page.lines))
    return assemble(drafts, stamp=page.stamp, fetched_at=fetched_at)


__all__ = ["extract_text_stories"]
