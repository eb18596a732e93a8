"""What a running worker tells its operator: Prometheus metrics and one log line per record.

Metrics live in a registry of their own (not prometheus-client's global one), so a process can
hold more than one worker's figures, as tests do. Names follow Prometheus conventions: a
`newsstream_` prefix, `_total` counters, `_seconds` histograms, labels of low cardinality.
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version

import orjson
from prometheus_client import CollectorRegistry, Counter, Histogram, Info
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from newsstream.models import DeadLetter, EventType
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.topology import spec

log = logging.getLogger("newsstream.records")

#: Seconds a stage may take on one record or batch: from a short page to a long batch.
_STAGE_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128)
#: Events counted on their own, as the figures users build on.
_EMITTED = {
    EventType.ARTICLE: "articles",
    EventType.ENTITY: "entities",
    EventType.CASUALTY: "casualty figures",
    EventType.CASUALTY_SUMMARY: "casualty summaries",
    EventType.INCIDENT: "incident versions",
}

#: One consumer position: topic, partition, records not yet read (high water minus position).
Lag = tuple[str, int, int]


class Metrics:
    """Every metric of one worker, in its own registry."""

    def __init__(self, *, spacy_model: str, lag: Callable[[], Iterable[Lag]] | None = None):
        self.registry = CollectorRegistry(auto_describe=True)
        self.consumed = Counter(
            "newsstream_records_consumed",
            "Records consumed, by topic and outcome (ok, dead_letter, duplicate).",
            ["topic", "outcome"],
            registry=self.registry,
        )
        self.produced = Counter(
            "newsstream_records_produced",
            "Records produced and acknowledged by the broker, by topic.",
            ["topic"],
            registry=self.registry,
        )
        self.dead_letters = Counter(
            "newsstream_dead_letters",
            "Dead letters produced, by error type and the stage that failed.",
            ["type", "stage"],
            registry=self.registry,
        )
        self.stage_seconds = Histogram(
            "newsstream_stage_seconds",
            "Seconds spent on one record (or batch, in batched stages), outputs included.",
            ["stage"],
            buckets=_STAGE_BUCKETS,
            registry=self.registry,
        )
        self.batch_size = Histogram(
            "newsstream_enrich_batch_size",
            "Articles per enrichment batch.",
            buckets=_BATCH_BUCKETS,
            registry=self.registry,
        )
        self.emitted = Counter(
            "newsstream_events_emitted",
            "Events emitted, by kind: articles, entities, casualty figures, casualty summaries,"
            " incident versions.",
            ["kind"],
            registry=self.registry,
        )
        build = Info("newsstream_build", "Versions this worker runs.", registry=self.registry)
        build.info(
            {
                "version": _version("newsstream"),
                "python": platform.python_version(),
                "spacy": _version("spacy"),
                "spacy_model": spacy_model,
                "faust": _version("faust-streaming"),
            }
        )
        if lag is not None:
            self.registry.register(_LagCollector(lag))

    def observe(
        self,
        stage: str,
        records: Sequence[ConsumedRecord],
        outputs: Sequence[Sequence[Emission]],
        seconds: float,
        *,
        duplicates: int = 0,
    ) -> None:
        """Count what `records` became and log one line each; `seconds` is for them all."""
        self.stage_seconds.labels(stage).observe(seconds)
        share_ms = seconds * 1000 / max(len(records), 1)
        for record, emissions in zip(records, outputs, strict=True):
            outcome = _outcome(emissions, duplicate=duplicates > 0 and not emissions)
            self.consumed.labels(record.topic, outcome).inc()
            for emission in emissions:
                # Articles on the internal parsed topic are counted once published, after
                # de-duplication.
                kind = _EMITTED.get(emission.event_type)
                # A tombstone (an incident merged into another) is no event of its own.
                if (
                    kind is not None
                    and emission.message is not None
                    and not spec(emission.output).internal
                ):
                    self.emitted.labels(kind).inc()
                if isinstance(emission.message, DeadLetter):
                    error = emission.message.error
                    self.dead_letters.labels(error.type, error.stage).inc()
            _log_record(stage, record, emissions, outcome, share_ms)

    def produced_to(self, topics: Iterable[str]) -> None:
        for topic in topics:
            self.produced.labels(topic).inc()


def _outcome(emissions: Sequence[Emission], *, duplicate: bool) -> str:
    if duplicate:
        return "duplicate"
    if any(isinstance(emission.message, DeadLetter) for emission in emissions):
        return "dead_letter"
    return "ok"


def _log_record(
    stage: str, record: ConsumedRecord, emissions: Sequence[Emission], outcome: str, ms: float
) -> None:
    """One line per record: where it came from, what became of it, how long it took.

    A dead letter is logged here as a warning with its reason, and only here: no traceback.
    """
    articles = sum(1 for e in emissions if e.event_type is EventType.ARTICLE)
    fields: dict[str, object] = {
        "stage": stage,
        "topic": record.topic,
        "partition": record.partition,
        "offset": record.offset,
        "key": None if record.key is None else record.key[:120].decode("utf-8", "replace"),
        "outcome": outcome,
        "articles": articles,
        "ms": round(ms, 1),
    }
    letters = [e.message for e in emissions if isinstance(e.message, DeadLetter)]
    if letters:
        fields["error"] = letters[0].error.type
        fields["message"] = letters[0].error.message[:300]
    level = logging.WARNING if letters else logging.INFO
    if log.isEnabledFor(level):
        log.log(level, "record %s", _as_text(fields), extra={"fields": fields})


def _as_text(fields: dict[str, object]) -> str:
    parts = []
    for name, value in fields.items():
        text = orjson.dumps(value).decode() if isinstance(value, str) else str(value)
        parts.append(f"{name}={text}")
    return " ".join(parts)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


class _LagCollector(Collector):
    """Consumer lag read at scrape time: records a partition holds beyond our position."""

    def __init__(self, lag: Callable[[], Iterable[Lag]]) -> None:
        self._lag = lag

    def collect(self) -> Iterable[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "newsstream_consumer_lag",
            "Records in a partition not yet read by this worker (high water minus position).",
            labels=["topic", "partition"],
        )
        for topic, partition, behind in self._lag():
            family.add_metric([topic, str(partition)], behind)
        yield family
