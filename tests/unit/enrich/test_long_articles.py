"""An article too long to enrich is a dead letter of its own type, before the model sees it."""

from __future__ import annotations

from datetime import UTC, datetime

from newsstream.enrich import Enricher
from newsstream.models import DeadLetter
from newsstream.pipeline.enrichment import ArticleProcessor
from newsstream.pipeline.records import ConsumedRecord
from newsstream.topology import Topic
from tests.support.articles import make_article

AT = datetime(2025, 7, 19, 12, tzinfo=UTC)


def _record(body: str, offset: int) -> ConsumedRecord:
    article = make_article(body, "Storm hits the coast", index=offset)
    return ConsumedRecord(
        "news.articles", 0, offset, b"id", article.model_dump_json().encode(), timestamp=AT
    )


def test_a_long_article_is_dead_lettered_and_its_batch_goes_on(enricher: Enricher) -> None:
    processor = ArticleProcessor(
        enricher, max_dead_letter_value_bytes=10_000, max_article_chars=5_000
    )
    sentence = "Three people were injured when a storm hit the coast on Monday. "
    short, long = _record(sentence, 0), _record(sentence * 2_000, 1)

    [kept, dropped] = processor.process([short, long])

    assert all(emission.output is not Topic.ARTICLES_DLQ for emission in kept)
    [letter] = dropped
    assert letter.output is Topic.ARTICLES_DLQ
    assert isinstance(letter.message, DeadLetter)
    assert (letter.message.error.type, letter.message.error.stage) == ("too_long", "enrich")
    size = len(sentence * 2_000) + len("Storm hits the coast")
    assert letter.message.error.message.startswith(f"{size} characters")
