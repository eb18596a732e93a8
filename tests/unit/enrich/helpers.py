"""Test inputs for enrichment: the seed stories cut out of the seed page, and articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsstream.models import Article

FETCHED_AT = datetime(2025, 7, 20, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class SeedStory:
    """A seed story as the parser should deliver it, with its gold annotation."""

    title: str
    body: str
    gold: dict[str, Any]


def cut_seed_stories(page: str, gold: dict[str, Any]) -> list[SeedStory]:
    """Each gold story's body runs from its first to its last words; lines the annotation
    calls boilerplate (the "Read more" line) are dropped and paragraphs join with a blank
    line, as the parser delivers them."""
    boilerplate = {line.strip() for line in gold["boilerplate"]}
    stories = []
    for entry in gold["articles"]:
        start = page.index(entry["body_first_words"])
        end = page.index(entry["body_last_words"], start) + len(entry["body_last_words"])
        lines = (line.strip() for line in page[start:end].splitlines())
        body = "\n\n".join(line for line in lines if line and line not in boilerplate)
        stories.append(SeedStory(entry["title"], body, entry))
    return stories


def make_article(body: str, title: str | None = None, *, lang: str | None = "en", index: int = 0
                 ) -> Article:  # fmt: skip
    return Article(
        event_id=f"event-{index}",
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
        content_hash=f"hash-{index}",
        page_id="page",
        position=index,
        fetched_at=FETCHED_AT,
        parsed_at=FETCHED_AT,
    )
