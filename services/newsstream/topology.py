"""The service's data flow, declared once: its topics and the stages between them.

Topic names, the Faust agents, the offline pipeline, topic creation, metrics and the AsyncAPI
document are all read from here, so a new stage is one entry in `STAGES` (and its topics one
entry each in `TOPICS`), not an edit in every one of those places.

Reading this module costs nothing at start: a stage names the function that builds its step
(`module:function`) instead of importing it, so the models and parsers load only where a
stage actually runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsstream.pipeline.steps import StepBuilder


class Topic(StrEnum):
    """Logical topics; `TopicNames` turns them into real names under a deployment's prefix."""

    RAW = "raw"
    RAW_DLQ = "raw_dlq"
    PARSED = "parsed"
    ARTICLES = "articles"
    ARTICLES_DLQ = "articles_dlq"
    ENTITIES = "entities"
    CASUALTIES = "casualties"
    REPORTS = "reports"
    INCIDENTS = "incidents"


@dataclass(frozen=True)
class TopicSpec:
    topic: Topic
    suffix: str
    channel: str = ""  # AsyncAPI channel id
    messages: tuple[str, ...] = ()  # AsyncAPI message ids
    internal: bool = False  # between stages only: not for consumers, not printed offline
    dead_letters: bool = False
    # Keeps the latest value per key (a null value deletes it); offline, the latest values
    # are printed after all input.
    compacted: bool = False
    description: str = ""


TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(Topic.RAW, "pages.raw", "rawPages", ("rawPage",), description="Raw pages in."),
    TopicSpec(
        Topic.RAW_DLQ,
        "pages.raw.dlq",
        "rawPagesDeadLetters",
        ("deadLetter",),
        dead_letters=True,
        description="Pages that could not be parsed.",
    ),
    TopicSpec(
        Topic.PARSED,
        "articles.parsed",
        "parsedArticles",
        ("article",),
        internal=True,
        description="Parsed articles keyed by article_id, so de-duplication is co-partitioned.",
    ),
    TopicSpec(Topic.ARTICLES, "articles", "articles", ("article",), description="Clean articles."),
    TopicSpec(
        Topic.ARTICLES_DLQ,
        "articles.dlq",
        "articlesDeadLetters",
        ("deadLetter",),
        dead_letters=True,
        description="Articles that could not be de-duplicated or enriched.",
    ),
    TopicSpec(Topic.ENTITIES, "entities", "entities", ("entity",), description="Entities."),
    TopicSpec(
        Topic.CASUALTIES,
        "casualties",
        "casualties",
        ("casualty", "casualtySummary"),
        description="Casualty figures and per-article summaries.",
    ),
    TopicSpec(
        Topic.REPORTS,
        "incidents.reports",
        "incidentReports",
        ("incidentReport",),
        internal=True,
        description="What each article tells about an incident, keyed by its region.",
    ),
    TopicSpec(
        Topic.INCIDENTS,
        "incidents",
        "incidents",
        ("incident",),
        compacted=True,
        description="Incidents with their current toll, keyed by incident_id; compacted.",
    ),
)


@dataclass(frozen=True)
class StageSpec:
    """One processing step between topics.

    `batched` stages take up to `enrich_batch_size` records at a time; `in_thread` ones run
    off the event loop (steps that touch a Faust table must stay on it); `state` names the
    key-value store the step keeps (a changelog-backed table in the worker, a dict offline),
    partitioned like the stage's input topic.
    """

    name: str
    consumes: Topic
    produces: tuple[Topic, ...]
    step: str  # "module:function" of the `StepBuilder`
    batched: bool = False
    in_thread: bool = True
    state: str | None = None
    state_help: str = ""

    @property
    def agent_name(self) -> str:
        return f"newsstream.{self.name}"

    def builder(self) -> StepBuilder:
        module, function = self.step.split(":")
        built: Any = getattr(importlib.import_module(module), function)
        return built  # type: ignore[no-any-return]


STAGES: tuple[StageSpec, ...] = (
    StageSpec(
        "parse",
        Topic.RAW,
        (Topic.PARSED, Topic.RAW_DLQ),
        "newsstream.pipeline.steps:parse_step",
    ),
    StageSpec(
        "dedup",
        Topic.PARSED,
        (Topic.ARTICLES, Topic.ARTICLES_DLQ),
        "newsstream.pipeline.steps:dedup_step",
        in_thread=False,
        state="seen-articles",
        state_help="Versions of each article already published, for de-duplication.",
    ),
    StageSpec(
        "enrich",
        Topic.ARTICLES,
        (Topic.ENTITIES, Topic.CASUALTIES, Topic.REPORTS, Topic.ARTICLES_DLQ),
        "newsstream.pipeline.steps:enrich_step",
        batched=True,
    ),
    StageSpec(
        "incidents",
        Topic.REPORTS,
        (Topic.INCIDENTS, Topic.ARTICLES_DLQ),
        "newsstream.pipeline.steps:incident_step",
        in_thread=False,
        state="open-incidents",
        state_help="Open incidents of each region key, for linking reports.",
    ),
)


def spec(topic: Topic) -> TopicSpec:
    return _BY_TOPIC[topic]


def consumed_by(topic: Topic) -> StageSpec | None:
    """The stage reading `topic`, if any (each topic feeds at most one stage)."""
    return _CONSUMER.get(topic)


def produced(topic: Topic) -> bool:
    return any(topic in stage.produces for stage in STAGES)


class TopicNames:
    """Every topic name, derived from one prefix so a deployment can namespace them.

    `names[Topic.ARTICLES]` or `names.articles`: the attribute is the topic's logical name.
    """

    def __init__(self, prefix: str) -> None:
        self._names = {spec.topic: f"{prefix}{spec.suffix}" for spec in TOPICS}

    def __getitem__(self, topic: Topic) -> str:
        return self._names[topic]

    def __getattr__(self, name: str) -> str:
        try:
            return self._names[Topic(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[tuple[Topic, str]]:
        return iter(self._names.items())

    def all(self) -> list[str]:
        return list(self._names.values())


def _check() -> tuple[dict[Topic, TopicSpec], dict[Topic, StageSpec]]:
    """The declaration is read at import: a topic declared twice, a stage reading a topic no
    one declares, or two stages on one topic fail at once, not at run time."""
    by_topic = {spec.topic: spec for spec in TOPICS}
    if len(by_topic) != len(TOPICS) or set(by_topic) != set(Topic):
        raise ValueError("every Topic needs exactly one TopicSpec")
    consumer: dict[Topic, StageSpec] = {}
    for stage in STAGES:
        if stage.consumes in consumer:
            raise ValueError(f"{stage.consumes} is read by two stages")
        consumer[stage.consumes] = stage
    return by_topic, consumer


_BY_TOPIC, _CONSUMER = _check()
