"""The three agents: parse, de-duplicate, enrich. Each is a loop: records in, pure pipeline in a
thread, acked outputs out, each record counted and logged once."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import faust

from newsstream.enrich import Enricher
from newsstream.pipeline.bounded import BoundedParser
from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.dedup import (
    already_published,
    dedup_dead_letters,
    mark_published,
    read_parsed,
)
from newsstream.pipeline.enrichment import ArticleProcessor
from newsstream.pipeline.pages import (
    PageLimits,
    article_emission,
    page_dead_letters,
    process_page_record,
)
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.settings import Settings
from newsstream.stream.app import output_topics
from newsstream.stream.emitter import Emitter
from newsstream.stream.observe import Metrics
from newsstream.stream.records import consumed_record

log = logging.getLogger(__name__)


async def deliver(
    emitter: Emitter,
    record: ConsumedRecord,
    emissions: Sequence[Emission],
    dead_letters: DeadLetters,
) -> Sequence[Emission]:
    """Emit a record's outputs; if the broker refuses them, dead-letter the record instead.
    Returns what was delivered.

    If even the dead letter cannot be written the error propagates: the record is then not
    acknowledged as processed, rather than silently lost.
    """
    try:
        await emitter.emit(emissions)
        return emissions
    except Exception as error:
        log.exception("outputs of %s[%d]@%d refused", record.topic, record.partition, record.offset)
        letter = dead_letters.letter(
            record,
            kind="emit_failed",
            message=f"{type(error).__name__}: {error}",
            stage="emit",
            failed_at=datetime.now(UTC),
        )
        await emitter.emit([letter])
        return [letter]


def _raw_topic(app: faust.App, name: str) -> Any:
    return app.topic(name, key_type=bytes, value_type=bytes, value_serializer="raw")


def register_agents(
    app: faust.App,
    settings: Settings,
    enricher: Enricher,
    parser: BoundedParser,
    metrics: Metrics,
) -> None:
    """Wire the parse, de-duplication and enrich agents; each counts and logs every record."""
    emitter = Emitter(output_topics(app, settings), on_acked=metrics.produced_to)
    dead_letter_bytes = settings.max_message_bytes // 2
    limits = PageLimits(
        max_page_bytes=settings.max_page_bytes, max_dead_letter_value_bytes=dead_letter_bytes
    )
    processor = ArticleProcessor(
        enricher,
        max_dead_letter_value_bytes=dead_letter_bytes,
        max_article_chars=settings.max_article_chars,
    )
    page_letters = page_dead_letters(dead_letter_bytes)
    dedup_letters = dedup_dead_letters(dead_letter_bytes)
    # article_id -> content hashes already published; the changelog topic restores it on restart.
    seen = app.Table(
        "seen-articles",
        key_type=bytes,
        value_type=bytes,
        partitions=settings.topic_partitions,
        help="Versions of each article already published, for de-duplication.",
    )

    @app.agent(_raw_topic(app, settings.topics.raw), name="newsstream.parse")
    async def parse_pages(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            record = consumed_record(event)
            emissions = await asyncio.to_thread(process_page_record, record, limits, extract=parser)
            done = await deliver(emitter, record, emissions, page_letters)
            metrics.observe("parse", [record], [done], time.perf_counter() - started)

    @app.agent(_raw_topic(app, settings.topics.parsed), name="newsstream.dedup")
    async def deduplicate(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            started = time.perf_counter()
            record = consumed_record(event)
            found = read_parsed(record, dedup_letters)
            done: Sequence[Emission] = []
            if isinstance(found, Emission):
                done = await deliver(emitter, record, [found], dedup_letters)
            elif not already_published(seen, found):
                done = await deliver(emitter, record, [article_emission(found)], dedup_letters)
                mark_published(seen, found)
            seconds = time.perf_counter() - started
            metrics.observe("dedup", [record], [done], seconds, duplicates=int(not done))

    @app.agent(_raw_topic(app, settings.topics.articles), name="newsstream.enrich")
    async def enrich_articles(stream: Any) -> None:
        async for events in stream.take_events(
            settings.enrich_batch_size, within=settings.enrich_batch_seconds
        ):
            started = time.perf_counter()
            records = [consumed_record(event) for event in events]
            metrics.batch_size.observe(len(records))
            results = await asyncio.to_thread(processor.process, records)
            # One wait for the broker's acknowledgements of the whole batch, not one per
            # article; each article's events still go out in order, on its key's partition.
            delivered = await asyncio.gather(
                *(
                    deliver(emitter, record, emissions, processor.dead_letters)
                    for record, emissions in zip(records, results, strict=True)
                )
            )
            metrics.observe("enrich", records, delivered, time.perf_counter() - started)
