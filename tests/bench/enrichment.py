"""Part 3: enrichment speed beside plain spaCy over the same bodies, in the same batches.

spaCy's pipeline is most of enrichment's work, so `nlp.pipe` alone is the floor: the ratio
is what our entity resolution, casualty figures and summaries add on top of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import spacy

from newsstream.enrich import Enricher
from newsstream.models import Article
from tests.bench.report import median, number, percentile, rate
from tests.support.articles import make_article


@dataclass(frozen=True)
class EnrichFigures:
    """How fast one side went over the bodies, batch by batch."""

    side: str
    articles: int
    batch: int
    rounds: int
    load_s: float
    articles_per_s: float
    ms_per_article: float
    batch_median_ms: float
    batch_p95_ms: float

    def row(self) -> list[str]:
        return [
            self.side,
            str(self.articles),
            str(self.batch),
            str(self.rounds),
            number(self.load_s, 2),
            number(self.articles_per_s),
            number(self.ms_per_article),
            number(self.batch_median_ms),
            number(self.batch_p95_ms),
        ]


ENRICH_HEADERS = [
    "side",
    "articles",
    "batch",
    "rounds",
    "load s",
    "articles/s",
    "ms/article",
    "batch median ms",
    "batch p95 ms",
]


def _batches(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _figures(
    side: str, count: int, batch: int, rounds: int, load_s: float, samples: list[float]
) -> EnrichFigures:
    total = sum(samples)
    return EnrichFigures(
        side=side,
        articles=count,
        batch=batch,
        rounds=rounds,
        load_s=load_s,
        articles_per_s=rate(count * rounds, total),
        ms_per_article=total * 1000 / (count * rounds) if count else float("nan"),
        batch_median_ms=median(samples) * 1000,
        batch_p95_ms=percentile(samples, 95) * 1000,
    )


def compare_enrichment(
    bodies: Sequence[str], *, model: str, batch: int, rounds: int
) -> tuple[EnrichFigures, EnrichFigures]:
    """(ours, plain spaCy): `Enricher.enrich` and `nlp.pipe` on the same batches of bodies.

    Articles carry no title, so both sides parse exactly the same texts. The sides alternate
    round by round, and each does one untimed batch first (spaCy's first call is slow).
    """
    articles: list[Article] = [
        make_article(body, lang="en", index=index) for index, body in enumerate(bodies)
    ]
    start = time.perf_counter()
    enricher = Enricher(model)
    ours_load = time.perf_counter() - start
    start = time.perf_counter()
    nlp = spacy.load(model)
    spacy_load = time.perf_counter() - start

    def run_ours(chunk: Sequence[Any]) -> None:
        enricher.enrich(chunk)

    def run_spacy(chunk: Sequence[Any]) -> None:
        list(nlp.pipe(chunk, batch_size=batch))

    sides: list[tuple[Callable[[Sequence[Any]], None], list[Sequence[Any]]]] = [
        (run_ours, _batches(articles, batch)),
        (run_spacy, _batches(list(bodies), batch)),
    ]
    samples: list[list[float]] = [[], []]
    for run, chunks in sides:
        if chunks:
            run(chunks[0])
    for round_number in range(rounds):
        order = [1, 0] if round_number % 2 else [0, 1]
        for which in order:
            run, chunks = sides[which]
            for chunk in chunks:
                begin = time.perf_counter()
                run(chunk)
                samples[which].append(time.perf_counter() - begin)
    return (
        _figures("ours: Enricher.enrich", len(bodies), batch, rounds, ours_load, samples[0]),
        _figures("plain spaCy: nlp.pipe", len(bodies), batch, rounds, spacy_load, samples[1]),
    )
