"""Raw page record → article emissions, or one dead letter. Never raises."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from newsstream import __version__, ids
from newsstream.models import Article, EventType, RawPage
from newsstream.parse import ParseError, Story, extract_stories
from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.errors import RecordError
from newsstream.pipeline.ingest import decode_page
from newsstream.pipeline.language import detect_language
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.topology import Topic

log = logging.getLogger(__name__)

Extractor = Callable[..., list[Story]]

PRODUCER = f"newsstream.parse/{__version__}"
SOURCE = "/newsstream/parse"


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PageLimits:
    max_page_bytes: int
    max_dead_letter_value_bytes: int


def page_dead_letters(max_value_bytes: int) -> DeadLetters:
    return DeadLetters(PRODUCER, SOURCE, Topic.RAW_DLQ, max_value_bytes)


def build_articles(page: RawPage, stories: list[Story], *, parsed_at: datetime) -> list[Article]:
    """Give stories their ids; a story printed twice on one page becomes one article."""
    assert page.fetched_at is not None
    page_id = ids.page_id(page.url, page.body)
    articles: list[Article] = []
    seen: set[str] = set()
    for story in stories:
        body = story.body
        article_id = ids.article_id(story.title, body)
        if article_id in seen:
            continue
        seen.add(article_id)
        content_hash = ids.content_hash(story.title, body)
        articles.append(
            Article(
                event_id=ids.stable_id("article", article_id, content_hash),
                article_id=article_id,
                producer=PRODUCER,
                url=page.url,
                canonical_url=story.canonical_url,
                title=story.title,
                publisher=story.publisher,
                authors=list(story.authors),
                published_at=story.published_at,
                published_text=story.published_text,
                lang=detect_language(body, declared=story.lang or page.lang),
                body=body,
                word_count=len(body.split()),
                content_hash=content_hash,
                page_id=page_id,
                position=len(articles),
                source=page.source,
                fetched_at=page.fetched_at,
                parsed_at=parsed_at,
            )
        )
    return articles


def article_emission(article: Article, output: Topic = Topic.ARTICLES) -> Emission:
    return Emission(
        output=output,
        key=article.article_id,
        message=article,
        event_type=EventType.ARTICLE,
        event_id=article.event_id,
        source=SOURCE,
        time=article.parsed_at,
        subject=article.article_id,
    )


def process_page_record(
    record: ConsumedRecord,
    limits: PageLimits,
    *,
    extract: Extractor = extract_stories,
    clock: Callable[[], datetime] = _now,
) -> list[Emission]:
    """Every raw page is accounted for: it yields articles, or exactly one dead letter.

    Articles go to the parsed topic, keyed by article_id, where de-duplication picks them up.
    """
    now = clock()
    try:
        page = decode_page(
            record.value, max_bytes=limits.max_page_bytes, record_time=record.timestamp or now
        )
        assert page.fetched_at is not None
        try:
            stories = extract(
                page.body,
                content_type=page.content_type,
                url=page.url,
                fetched_at=page.fetched_at,
            )
        except ParseError as error:
            raise RecordError(error.kind, error.message, "parse") from error
        if not stories:
            raise RecordError("no_article", "no story found on the page", "parse")
        articles = build_articles(page, stories, parsed_at=now)
        return [article_emission(article, Topic.PARSED) for article in articles]
    except RecordError as error:
        kind, message, stage = error.kind, error.message, error.stage
    except Exception as error:  # a bug must not stop the stream; the record is kept for replay
        log.exception(
            "unexpected failure on %s[%d]@%d", record.topic, record.partition, record.offset
        )
        kind, message, stage = "internal_error", f"{type(error).__name__}: {error}", "parse"
    letters = page_dead_letters(limits.max_dead_letter_value_bytes)
    return [letters.letter(record, kind=kind, message=message, stage=stage, failed_at=now)]
