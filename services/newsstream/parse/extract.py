"""Entry point of parsing: check the body is readable, decide markup or text, dispatch."""

from __future__ import annotations

from datetime import UTC, datetime

from newsstream.models.envelope import ContentType
from newsstream.parse.errors import ParseError
from newsstream.parse.html import extract_html_story
from newsstream.parse.sniff import has_markup, is_unreadable, looks_like_html
from newsstream.parse.story import Story
from newsstream.parse.text import extract_text_stories


def _is_html(body: str, content_type: ContentType | None) -> bool:
    if content_type == "text/plain":
        return False
    if content_type == "text/html":
        return has_markup(body)  # a tagless body declared HTML is still just text
    return looks_like_html(body)


def extract_stories(
    body: str,
    *,
    content_type: ContentType | None,
    url: str | None,
    fetched_at: datetime,
) -> list[Story]:
    """Return every story on the page, main story first; raise ParseError when there is none."""
    if is_unreadable(body):
        raise ParseError("unreadable", "the body is binary or undecodable, not a page")
    if not any(char.isalnum() for char in body):
        raise ParseError("no_article", "the body holds no words")
    when = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
    if _is_html(body, content_type):
        return [extract_html_story(body, url=url, fetched_at=when)]
    stories = extract_text_stories(body, fetched_at=when)
    if not stories:
        raise ParseError("no_article", "no story with a body was found on the page")
    return stories
