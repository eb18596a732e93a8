"""Articles as the parser would deliver them, for tests of the stages after parsing."""

from __future__ import annotations

from datetime import UTC, datetime

from newsstream.models import Article

FETCHED_AT = datetime(2025, 7, 20, 9, 30, tzinfo=UTC)


def make_article(
    body: str,
    title: str | None = None,
    *,
    lang: str | None = "en",
    index: int = 0,
    content_hash: str | None = None,
) -> Article:
    return Article(
        event_id=f"event-{index}-{content_hash}",
        article_id=f"article-{index}",
        producer="tests",
        url=None,
        title=title,
        publisher=None,
        published_at=None,
        published_text=None,
        lang=lang,
        body=body,
        word_count=len(body.split()),
        content_hash=content_hash or f"hash-{index}",
        page_id="page",
        position=index,
        fetched_at=FETCHED_AT,
        parsed_at=FETCHED_AT,
    )
