"""Process pages without Kafka: the same pipeline the agents run, on files or stdin."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import orjson

from newsstream.pipeline.bounded import BoundedParser
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.pipeline.steps import Step, StepContext
from newsstream.settings import Settings
from newsstream.topology import STAGES, StageSpec, Topic, consumed_by, spec

if TYPE_CHECKING:
    from newsstream.enrich import Enricher


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
    """Every stage of the topology in turn: emissions in the order a consumer would see them.

    Parsing runs under the same time limit as in the worker, in a process of its own that
    close() stops; `in_process=True` parses in this process instead, without a limit (to time
    parse and enrich on one core). Each stage's state is a dict here, kept across `run` calls
    as the worker's tables are kept across records.
    """

    def __init__(self, settings: Settings, *, in_process: bool = False) -> None:
        self.settings = settings
        self.parser: BoundedParser | None = None
        if not in_process:
            self.parser = BoundedParser(settings.parse_timeout_seconds)
        self.states: dict[str, dict[bytes, bytes]] = {}
        # What compacted topics would hold: the latest value per key, printed at the end.
        self.latest: dict[tuple[Topic, str | None], Emission] = {}
        context = StepContext(settings, extract=self.parser, enricher=self._load_enricher)
        # Built in order, so the enricher loads while the parser's process reads its own
        # libraries: a start costs the longer of the two rather than their sum.
        self.steps: list[tuple[StageSpec, Step]] = []
        for stage in STAGES:
            state = self.states.setdefault(stage.state, {}) if stage.state else None
            self.steps.append((stage, stage.builder()(replace(context, state=state))))

    def _load_enricher(self) -> Enricher:
        from newsstream.enrich import Enricher

        return Enricher(
            self.settings.spacy_model,
            table_cache=self.settings.table_cache,
            partial_parse=not self.settings.parse_every_sentence,
        )

    def forget(self) -> None:
        """Drop what the stages remember (articles already published), as a fresh worker
        on new topics would."""
        for state in self.states.values():
            state.clear()

    def run(self, record: ConsumedRecord) -> list[Emission]:
        """What one raw page becomes downstream; internal topics' records are not returned."""
        out: list[Emission] = []
        inputs: dict[Topic, list[ConsumedRecord]] = {STAGES[0].consumes: [record]}
        for stage, step in self.steps:
            records = inputs.pop(stage.consumes, [])
            size = self.settings.enrich_batch_size if stage.batched else 1
            for start in range(0, len(records), size):
                for result in step(records[start : start + size]):
                    for emission in result.emissions:
                        topic = spec(emission.output)
                        if topic.compacted:
                            self._keep_latest(emission)
                        elif not topic.internal:
                            out.append(emission)
                        if consumed_by(emission.output) is not None:
                            queue = inputs.setdefault(emission.output, [])
                            queue.append(_as_record(emission, emission.output, len(queue)))
                    if result.after_delivery is not None:
                        result.after_delivery()
        return out

    def _keep_latest(self, emission: Emission) -> None:
        key = (emission.output, emission.key)
        self.latest.pop(key, None)  # re-inserted last: the order is that of the last change
        if emission.message is not None:
            self.latest[key] = emission

    def finish(self) -> list[Emission]:
        """After all input: the latest value of every key of the compacted topics."""
        return list(self.latest.values())

    def close(self) -> None:
        if self.parser is not None:
            self.parser.close()
