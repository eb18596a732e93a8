"""Process pages without Kafka: the same pipeline the agents run, on files or stdin."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import orjson

from newsstream.pipeline.bounded import BoundedParser
from newsstream.pipeline.dedup import (
    already_published,
    dedup_dead_letters,
    mark_published,
    read_parsed,
)
from newsstream.pipeline.pages import PageLimits, article_emission, process_page_record
from newsstream.pipeline.records import ConsumedRecord, Emission, Output
from newsstream.settings import Settings

if TYPE_CHECKING:
    from newsstream.pipeline.enrichment import ArticleProcessor


@dataclass(frozen=True)
class Overrides:
    """Envelope fields given on the command line; they wrap a bare body into an envelope."""

    content_type: str | None = None
    url: str | None = None
    fetched_at: datetime | None = None

    def any(self) -> bool:
        return any(v is not None for v in (self.content_type, self.url, self.fetched_at))


def file_record(name: str, data: bytes, overrides: Overrides, index: int = 0) -> ConsumedRecord:
    """A file as the raw topic would carry it: the bytes as they are, or wrapped with options."""
    value = data
    if overrides.any():
        envelope = _as_envelope(data)
        if overrides.content_type is not None:
            envelope["content_type"] = overrides.content_type
        if overrides.url is not None:
            envelope["url"] = overrides.url
        if overrides.fetched_at is not None:
            envelope["fetched_at"] = overrides.fetched_at.isoformat()
        value = orjson.dumps(envelope)
    key = overrides.url.encode() if overrides.url else None
    return ConsumedRecord(
        topic=name, partition=0, offset=index, key=key, value=value, timestamp=datetime.now(UTC)
    )


def _as_envelope(data: bytes) -> dict[str, object]:
    """An existing JSON envelope is kept; anything else becomes its body."""
    if data.lstrip()[:1] == b"{":
        try:
            document = orjson.loads(data)
        except orjson.JSONDecodeError:
            document = None
        if isinstance(document, dict):
            return document
    return {"body": data.decode("utf-8", errors="strict")}


def jsonl_records(name: str, data: bytes, overrides: Overrides) -> Iterator[ConsumedRecord]:
    """One raw-page envelope per non-blank line; the offset is the line number."""
    for number, line in enumerate(data.splitlines(), start=1):
        if line.strip():
            yield file_record(name, line, overrides, index=number)


def _as_record(emission: Emission, topic: str, offset: int) -> ConsumedRecord:
    """An emission as the next stage would consume it from its topic."""
    return ConsumedRecord(
        topic=topic,
        partition=0,
        offset=offset,
        key=emission.key_bytes(),
        value=emission.value_bytes(),
        headers=tuple(emission.headers()),
        timestamp=emission.time,
    )


class OfflinePipeline:
    """Parse, de-duplicate, enrich: emissions in the order a consumer would see them.

    Parsing runs under the same time limit as in the worker, in a process of its own that
    close() stops; `in_process=True` parses in this process instead, without a limit (to time
    parse and enrich on one core).
    """

    def __init__(self, settings: Settings, *, in_process: bool = False) -> None:
        dead_letter_bytes = settings.max_message_bytes // 2
        self.limits = PageLimits(
            max_page_bytes=settings.max_page_bytes, max_dead_letter_value_bytes=dead_letter_bytes
        )
        self.settings = settings
        self.dead_letter_bytes = dead_letter_bytes
        self.batch_size = settings.enrich_batch_size
        self.parser: BoundedParser | None = None
        if not in_process:
            self.parser = BoundedParser(settings.parse_timeout_seconds)
        self.seen: dict[bytes, bytes] = {}
        self.dedup_letters = dedup_dead_letters(dead_letter_bytes)
        self.articles = self._load_articles()

    def _load_articles(self) -> ArticleProcessor:
        """The enricher, loaded while the parser's process reads its own libraries: a start
        costs the longer of the two rather than their sum."""
        from newsstream.enrich import Enricher
        from newsstream.pipeline.enrichment import ArticleProcessor

        return ArticleProcessor(
            Enricher(self.settings.spacy_model, table_cache=self.settings.table_cache),
            max_dead_letter_value_bytes=self.dead_letter_bytes,
            max_article_chars=self.settings.max_article_chars,
        )

    def run(self, record: ConsumedRecord) -> list[Emission]:
        out: list[Emission] = []
        articles: list[Emission] = []
        if self.parser is None:
            parsed = process_page_record(record, self.limits)
        else:
            parsed = process_page_record(record, self.limits, extract=self.parser)
        for offset, emission in enumerate(parsed):
            if emission.output is not Output.PARSED:
                out.append(emission)
                continue
            found = read_parsed(_as_record(emission, "parsed", offset), self.dedup_letters)
            if isinstance(found, Emission):
                out.append(found)
            elif not already_published(self.seen, found):
                mark_published(self.seen, found)
                out.append(article_emission(found))
                articles.append(out[-1])
        records = [_as_record(e, "articles", i) for i, e in enumerate(articles)]
        for start in range(0, len(records), self.batch_size):
            for emissions in self.articles.process(records[start : start + self.batch_size]):
                out.extend(emissions)
        return out

    def close(self) -> None:
        if self.parser is not None:
            self.parser.close()
