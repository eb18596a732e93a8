"""The coded casualty sets: the enricher's casualty summary against numbers coded by others.

Each set (see `sets.CODED_SETS`) is split into two halves by a hash of each row's group (the
incident in the gun-violence set, whose several articles on one incident must not straddle the
halves; the row id elsewhere). Rules are developed looking at failures of the "dev" half only;
the "held-out" half says whether they generalise, and `make eval` prints the gap between them.
Only the dev half keeps its failures for `--verbose`.

Scores are exact-match rates of the summary's killed and injured totals (null as 0) against the
coded killed and wounded numbers, on all rows and on the rows whose coded number is stated in
the text; a row whose number was not coded counts for neither. The gun-violence set is also
scored against its victims-only counts (suspects left out). The naive baseline of
casualties-dev (`metrics.baseline_totals`) runs on the same texts.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from tests.eval import metrics
from tests.eval.sets import CODED_SETS, CodedRow, load_coded

DEV: Final = "dev"
HELD_OUT: Final = "held-out"
HALVES: Final = (DEV, HELD_OUT)
SUBSETS: Final = ("all", "stated")
MEASURES: Final = ("killed", "wounded", "killed_victims", "wounded_victims")

#: Summary exact-match targets on the stated rows of the held-out half, per set.
TARGETS: Final[dict[str, float]] = {
    "casualties-dev": 0.92,
    "casualties-wad-dev": 0.92,
    "casualties-gva-dev": 0.75,
}

_CHUNK = 64  # articles handed to the enricher at once (long gun-violence articles)


def half_of(key: str) -> str:
    """The half a row belongs to: the parity of the first byte of its key's SHA-256."""
    return DEV if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else HELD_OUT


def sample(rows: Sequence[CodedRow], limit: int | None) -> list[CodedRow]:
    """At most `limit` rows, the same ones every run, spread over both halves; all by default."""
    if limit is None or limit >= len(rows):
        return list(rows)
    ranked = sorted(rows, key=lambda r: hashlib.sha256(r.id.encode("utf-8")).digest())
    chosen = {r.id for r in ranked[:limit]}
    return [r for r in rows if r.id in chosen]


@dataclass
class Rate:
    """Exact hits out of scored rows."""

    hits: int = 0
    rows: int = 0

    def add(self, hit: bool) -> None:
        self.rows += 1
        self.hits += hit

    def __iadd__(self, other: Rate) -> Rate:
        self.hits += other.hits
        self.rows += other.rows
        return self

    @property
    def value(self) -> float:
        return metrics.share(self.hits, self.rows)


def _coded(row: CodedRow, measure: str) -> tuple[int | None, bool]:
    """The coded number of one measure, and whether the text states it."""
    if measure == "killed":
        return row.killed, row.killed_stated
    if measure == "wounded":
        return row.wounded, bool(row.wounded_stated)
    if measure == "killed_victims":
        return row.killed_victims, row.killed_stated
    return row.wounded_victims, bool(row.wounded_stated)


@dataclass
class CodedScores:
    """One system's exact-match rates on one coded set, per measure, subset and half."""

    rates: dict[tuple[str, str, str], Rate] = field(
        default_factory=lambda: {
            (m, s, h): Rate() for m in MEASURES for s in SUBSETS for h in HALVES
        }
    )
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(HALVES, 0))
    dev_misses: list[str] = field(default_factory=list)

    def add(self, row: CodedRow, got: tuple[int, int]) -> None:
        """`got` is the (killed, injured) summary, null totals as 0."""
        half = half_of(row.group)
        self.rows[half] += 1
        values = {
            "killed": got[0],
            "wounded": got[1],
            "killed_victims": got[0],
            "wounded_victims": got[1],
        }
        for measure in MEASURES:
            coded, stated = _coded(row, measure)
            if coded is None:
                continue
            hit = values[measure] == coded
            self.rates[(measure, "all", half)].add(hit)
            if stated:
                self.rates[(measure, "stated", half)].add(hit)
        wounded = row.wounded if row.wounded is not None else "-"
        if half == DEV and (got[0] != row.killed or got[1] != (row.wounded or 0)):
            self.dev_misses.append(f"{row.id}: got {got} coded ({row.killed}, {wounded})")

    def rate(self, measure: str, subset: str, half: str | None = None) -> Rate:
        """The rate on one half, or on both (`half` None)."""
        total = Rate()
        for h in HALVES if half is None else (half,):
            total += self.rates[(measure, subset, h)]
        return total

    def scored(self, measure: str) -> bool:
        """Whether the set codes this measure at all."""
        return self.rate(measure, "all").rows > 0

    def gap(self, measure: str, subset: str) -> float:
        """Dev half minus held-out half."""
        return self.rate(measure, subset, DEV).value - self.rate(measure, subset, HELD_OUT).value


@dataclass
class CodedEval:
    """One coded set: the enricher's summaries and the naive baseline's, scored."""

    name: str
    rows: int
    ours: CodedScores
    baseline: CodedScores
    seconds_ours: float
    seconds_baseline: float
    limited: bool = False
    headlines: bool = False  # the enricher also had each article's headline

    @property
    def label(self) -> str:
        """The set's name, marked when the headlines were given: a key of its own."""
        return f"{self.name}{HEADLINED}" if self.headlines else self.name

    def target_met(self, measure: str) -> bool | None:
        """Whether the held-out stated rate meets the set's target (None: no target)."""
        target = TARGETS.get(self.name)
        if target is None or measure not in ("killed", "wounded"):
            return None
        return self.ours.rate(measure, "stated", HELD_OUT).value >= target


#: From (text, headline) pairs to the (killed, injured) summaries.
Summarise = Callable[[Sequence[tuple[str, str | None]]], list[tuple[int, int]]]
#: Marks the scoring of a set whose articles were given with their headlines.
HEADLINED: Final = ", with headlines"


def enricher_summaries(model: str | None = None) -> Summarise:
    """A function from texts to the enricher's (killed, injured) summaries, loaded once."""
    from newsstream.enrich import Enricher
    from tests.eval.evaluate import spacy_model
    from tests.support.articles import make_article

    enricher = Enricher(model or spacy_model())

    def run(texts: Sequence[tuple[str, str | None]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for start in range(0, len(texts), _CHUNK):
            chunk = texts[start : start + _CHUNK]
            articles = [
                make_article(text, title, index=start + i) for i, (text, title) in enumerate(chunk)
            ]
            out += [metrics.summary_pair(r.totals.model_dump()) for r in enricher.enrich(articles)]
        return out

    return run


def score(
    name: str,
    rows: Sequence[CodedRow],
    summarise: Summarise,
    *,
    limited: bool = False,
    headlines: bool = False,
) -> CodedEval:
    """Score the enricher (through `summarise`) and the baseline on one coded set; with
    `headlines` the enricher gets each article's headline too, as the service does."""
    started = time.perf_counter()
    got = summarise([(r.text, r.title if headlines else None) for r in rows])
    seconds_ours = time.perf_counter() - started
    ours = CodedScores()
    for row, pair in zip(rows, got, strict=True):
        ours.add(row, pair)
    started = time.perf_counter()
    baseline = CodedScores()
    for row in rows:
        baseline.add(row, metrics.baseline_totals(row.text))
    return CodedEval(
        name=name,
        rows=len(rows),
        ours=ours,
        baseline=baseline,
        seconds_ours=seconds_ours,
        seconds_baseline=time.perf_counter() - started,
        limited=limited,
        headlines=headlines,
    )


def rows_of(scores: CodedScores) -> Iterator[tuple[str, str]]:
    """The (measure, subset) pairs a set is scored on, in print order."""
    for measure in MEASURES:
        if scores.scored(measure):
            for subset in SUBSETS:
                yield measure, subset


def evaluate_coded(
    data: Path, *, limit: int | None = None, summarise: Summarise | None = None
) -> list[CodedEval]:
    """Every coded set found under `data` (at most `limit` rows of each), in one loaded
    enricher: the texts alone, and where the set gives headlines, once more with them."""
    results = []
    for name in CODED_SETS:
        rows = load_coded(data, name)
        if not rows:
            continue
        summarise = summarise or enricher_summaries()
        chosen = sample(rows, limit)
        limited = len(chosen) < len(rows)
        results.append(score(name, chosen, summarise, limited=limited))
        if any(row.title for row in chosen):
            results.append(score(name, chosen, summarise, limited=limited, headlines=True))
    return results
