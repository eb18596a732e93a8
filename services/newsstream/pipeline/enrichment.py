"""Article records → entity events, casualty events and one casualty summary each.

Never raises: an article that cannot be read or enriched becomes a dead letter, and the
rest of its batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from pydantic import ValidationError

from newsstream import __version__, ids
from newsstream.enrich import Enricher, Enrichment
from newsstream.models import (
    Article,
    CasualtyEvent,
    CasualtySummary,
    EntityEvent,
    EventType,
)
from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.errors import describe_validation_error
from newsstream.pipeline.incidents import report_emission
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.topology import Topic

log = logging.getLogger(__name__)

PRODUCER = f"newsstream.enrich/{__version__}"
SOURCE = "/newsstream/enrich"


def _now() -> datetime:
    return datetime.now(UTC)


def enrichment_emissions(
    article: Article, found: Enrichment, *, processed_at: datetime
) -> list[Emission]:
    """Events of one article: entities, then casualty figures, then the summary last."""
    emissions: list[Emission] = []
    base = {"article_id": article.article_id, "producer": PRODUCER, "processed_at": processed_at}
    for entity in found.entities:
        event_id = ids.stable_id("entity", article.event_id, entity.label, entity.name)
        event = EntityEvent(event_id=event_id, lang=article.lang, **base, **dict(entity))
        emissions.append(_emission(Topic.ENTITIES, EventType.ENTITY, event, event_id, article))
    for figure in found.casualties:
        event_id = ids.stable_id("casualty", article.event_id, figure.figure_id)
        casualty = CasualtyEvent(event_id=event_id, **base, **dict(figure))
        emissions.append(
            _emission(Topic.CASUALTIES, EventType.CASUALTY, casualty, event_id, article)
        )
    event_id = ids.stable_id("casualty_summary", article.event_id)
    summary = CasualtySummary(
        event_id=event_id,
        totals=found.totals,
        figure_count=len(found.casualties),
        notes=list(found.notes),
        **base,
    )
    emissions.append(
        _emission(Topic.CASUALTIES, EventType.CASUALTY_SUMMARY, summary, event_id, article)
    )
    report = report_emission(article, found, SOURCE)
    if report is not None:
        emissions.append(report)
    return emissions


def _emission(
    output: Topic,
    event_type: EventType,
    message: EntityEvent | CasualtyEvent | CasualtySummary,
    event_id: str,
    article: Article,
) -> Emission:
    return Emission(
        output=output,
        key=article.article_id,
        message=message,
        event_type=event_type,
        event_id=event_id,
        source=SOURCE,
        time=message.processed_at,
        subject=article.article_id,
    )


def article_dead_letters(max_value_bytes: int) -> DeadLetters:
    return DeadLetters(PRODUCER, SOURCE, Topic.ARTICLES_DLQ, max_value_bytes)


class ArticleProcessor:
    """Wraps an Enricher with decoding and dead-lettering for a batch of article records.

    An article longer than `max_article_chars` is dead-lettered (`too_long`) before it
    reaches the model: no news story is that long, the model itself refuses a million
    characters, and such a text would hold the whole batch for minutes.
    """

    def __init__(
        self,
        enricher: Enricher,
        *,
        max_dead_letter_value_bytes: int,
        max_article_chars: int,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.enricher = enricher
        self.dead_letters = article_dead_letters(max_dead_letter_value_bytes)
        self.max_article_chars = max_article_chars
        self.clock = clock

    def process(self, records: Sequence[ConsumedRecord]) -> list[list[Emission]]:
        """One list of emissions per record, in order."""
        now = self.clock()
        results: list[list[Emission]] = [[] for _ in records]
        readable: list[tuple[int, Article]] = []
        for index, record in enumerate(records):
            try:
                article = Article.model_validate_json(record.value or b"")
            except ValidationError as error:
                message = describe_validation_error(error)
                results[index] = [self._dead(record, "invalid_article", message, "decode", now)]
                continue
            size = len(article.body) + len(article.title or "")
            if size > self.max_article_chars:
                message = (
                    f"{size} characters; enrichment takes articles of up to"
                    f" {self.max_article_chars} (NEWSSTREAM_MAX_ARTICLE_CHARS)"
                )
                results[index] = [self._dead(record, "too_long", message, "enrich", now)]
                continue
            readable.append((index, article))
        for (index, article), found in self._enrich(readable, now, records):
            if isinstance(found, Enrichment):
                results[index] = enrichment_emissions(article, found, processed_at=now)
            else:
                results[index] = [found]
        return results

    def _enrich(
        self,
        indexed: list[tuple[int, Article]],
        now: datetime,
        records: Sequence[ConsumedRecord],
    ) -> list[tuple[tuple[int, Article], Enrichment | Emission]]:
        """Enrich the batch at once; if that fails, isolate the article that breaks it."""
        if not indexed:
            return []
        try:
            found: list[Enrichment | Emission] = list(
                self.enricher.enrich([article for _, article in indexed])
            )
            return list(zip(indexed, found, strict=True))
        except Exception:
            log.exception("batch enrichment failed; retrying article by article")
        out: list[tuple[tuple[int, Article], Enrichment | Emission]] = []
        for index, article in indexed:
            try:
                out.append(((index, article), self.enricher.enrich([article])[0]))
            except Exception as error:
                log.exception("enrichment failed for article %s", article.article_id)
                out.append(
                    (
                        (index, article),
                        self._dead(
                            records[index],
                            "internal_error",
                            f"{type(error).__name__}: {error}",
                            "enrich",
                            now,
                        ),
                    )
                )
        return out

    def _dead(
        self, record: ConsumedRecord, kind: str, message: str, stage: str, now: datetime
    ) -> Emission:
        return self.dead_letters.letter(
            record, kind=kind, message=message, stage=stage, failed_at=now
        )
