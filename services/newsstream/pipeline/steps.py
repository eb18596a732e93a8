"""The step behind each stage of the topology: records of its input topic in, emissions out.

Each step is pure and transport-neutral, so the Faust agents and the offline pipeline run the
same code; what differs between them (a Faust table or a dict for state, a time-limited child
process or a plain call for parsing) comes in through `StepContext`.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol

from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.records import ConsumedRecord, Emission

if TYPE_CHECKING:
    from newsstream.enrich import Enricher
    from newsstream.pipeline.pages import Extractor
    from newsstream.settings import Settings


@dataclass(frozen=True)
class Result:
    """What one record became.

    `after_delivery` runs once the broker has acknowledged `emissions` (at once, offline):
    state that says "done" must not be written before the outputs it vouches for are safe.
    An empty `emissions` with `duplicate` set means the record was seen before.
    """

    emissions: Sequence[Emission]
    after_delivery: Callable[[], None] | None = None
    duplicate: bool = False


class Step(Protocol):
    """One result per record, in order; never raises for a bad record (it dead-letters it)."""

    dead_letters: DeadLetters

    def __call__(self, records: Sequence[ConsumedRecord]) -> list[Result]: ...


@dataclass
class StepContext:
    """What steps may need; the worker and the offline pipeline each fill it their way."""

    settings: Settings
    extract: Extractor | None = None  # None: parse in this process, without a time limit
    enricher: Callable[[], Enricher] | None = None
    # The stage's own store, named by its `state` in the topology.
    state: MutableMapping[bytes, bytes] | None = None

    @property
    def dead_letter_bytes(self) -> int:
        return self.settings.max_message_bytes // 2


StepBuilder = Callable[[StepContext], Step]


class _ParseStep:
    def __init__(self, context: StepContext) -> None:
        from newsstream.pipeline.pages import PageLimits, page_dead_letters

        self.dead_letters = page_dead_letters(context.dead_letter_bytes)
        self.limits = PageLimits(
            max_page_bytes=context.settings.max_page_bytes,
            max_dead_letter_value_bytes=context.dead_letter_bytes,
        )
        self.extract = context.extract

    def __call__(self, records: Sequence[ConsumedRecord]) -> list[Result]:
        from newsstream.pipeline.pages import process_page_record

        if self.extract is None:
            return [Result(process_page_record(record, self.limits)) for record in records]
        return [
            Result(process_page_record(record, self.limits, extract=self.extract))
            for record in records
        ]


class _DedupStep:
    def __init__(self, context: StepContext) -> None:
        from newsstream.pipeline.dedup import dedup_dead_letters

        if context.state is None:
            raise ValueError("the dedup stage keeps state: declare it in the topology")
        self.dead_letters = dedup_dead_letters(context.dead_letter_bytes)
        self.seen = context.state

    def __call__(self, records: Sequence[ConsumedRecord]) -> list[Result]:
        from newsstream.pipeline.dedup import already_published, mark_published, read_parsed
        from newsstream.pipeline.pages import article_emission

        results: list[Result] = []
        for record in records:
            found = read_parsed(record, self.dead_letters)
            if isinstance(found, Emission):
                results.append(Result([found]))
            elif already_published(self.seen, found):
                results.append(Result([], duplicate=True))
            else:
                remember = partial(mark_published, self.seen, found)
                results.append(Result([article_emission(found)], after_delivery=remember))
        return results


class _EnrichStep:
    def __init__(self, context: StepContext) -> None:
        from newsstream.pipeline.enrichment import ArticleProcessor

        if context.enricher is None:
            raise ValueError("the enrich stage needs an enricher")
        self.processor = ArticleProcessor(
            context.enricher(),
            max_dead_letter_value_bytes=context.dead_letter_bytes,
            max_article_chars=context.settings.max_article_chars,
        )
        self.dead_letters = self.processor.dead_letters

    def __call__(self, records: Sequence[ConsumedRecord]) -> list[Result]:
        return [Result(emissions) for emissions in self.processor.process(records)]


def parse_step(context: StepContext) -> Step:
    return _ParseStep(context)


def dedup_step(context: StepContext) -> Step:
    return _DedupStep(context)


def enrich_step(context: StepContext) -> Step:
    return _EnrichStep(context)


def incident_step(context: StepContext) -> Step:
    from newsstream.pipeline.enrichment import article_dead_letters
    from newsstream.pipeline.incidents import IncidentStep, policy_of

    if context.state is None:
        raise ValueError("the incidents stage keeps state: declare it in the topology")
    settings = context.settings
    return IncidentStep(
        context.state,
        policy_of(settings.incident_quiet_hours, settings.incident_lateness_hours),
        article_dead_letters(context.dead_letter_bytes),
        # One changelog record per region key: half the largest record, as for dead letters.
        max_state_bytes=context.dead_letter_bytes,
    )
