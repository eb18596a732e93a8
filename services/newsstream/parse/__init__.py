"""Pure parsing: a raw page becomes the stories it carries. No Kafka in here."""

from __future__ import annotations

from datetime import datetime

from newsstream.models.envelope import ContentType
from newsstream.parse.errors import ParseError
from newsstream.parse.story import Story

__all__ = ["ParseError", "Story", "extract_stories"]


def extract_stories(
    body: str, *, content_type: ContentType | None, url: str | None, fetched_at: datetime
) -> list[Story]:
    """Every story on the page, main story first (`extract.extract_stories`).

    The parsers' libraries load at the first call, not at import: a worker hands its pages to
    a parser process and never calls this itself, so it does not load them (half a second at
    every start, and their memory).
    """
    from newsstream.parse.extract import extract_stories as extract

    return extract(body, content_type=content_type, url=url, fetched_at=fetched_at)
