"""Score the HTML extractor on the article-extraction benchmark (dev half) beside trafilatura.

Usage: python tests/tools/score_benchmark.py [DATA_DIR] [--worst N]

DATA_DIR defaults to ../shared/data next to the repository. Two extractors run on the same pages
in the same run: plain trafilatura (`trafilatura.extract` with its default settings) and
newsstream's (`extract_stories`, the body of its one story). The metric follows the benchmark's
README: 4-token shingles of `\\w+` tokens, per-page precision and recall, dataset precision and
recall as means over pages with shingles, F1 their harmonic mean, accuracy the share of pages
whose token sequence equals the truth's. Time is the extractor's own, summed over the pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from newsstream.parse import ParseError, extract_stories

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)
_TOKEN = re.compile(r"\w+")

Extractor = Callable[[str, str | None], str]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_scores(predicted: str, truth: str) -> tuple[float | None, float | None, bool]:
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum(pred.values()) - tp
    fn = sum(gold.values()) - tp
    precision = (tp / (tp + fp) if tp + fp else 1.0) if pred else None
    recall = (tp / (tp + fn) if tp + fn else 1.0) if gold else None
    return precision, recall, _TOKEN.findall(predicted) == _TOKEN.findall(truth)


def plain_trafilatura(html: str, url: str | None) -> str:
    """The baseline: trafilatura's own text output with its default settings."""
    del url  # the default call is given the page alone
    return trafilatura.extract(html) or ""


def newsstream(html: str, url: str | None) -> str:
    try:
        stories = extract_stories(html, content_type="text/html", url=url, fetched_at=FETCHED_AT)
    except ParseError:
        return ""
    return stories[0].body


@dataclass
class Tally:
    """One extractor's scores over the pages."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    exact: int = 0
    seconds: float = 0.0
    slowest: tuple[float, str] = (0.0, "")
    page_f1: dict[str, tuple[float, float, float]] = field(default_factory=dict)

    def add(self, page_id: str, body: str, truth: str, seconds: float) -> None:
        precision, recall, same = page_scores(body, truth)
        if precision is not None:
            self.precisions.append(precision)
        if recall is not None:
            self.recalls.append(recall)
        self.exact += same
        self.seconds += seconds
        self.slowest = max(self.slowest, (seconds, page_id))
        p, r = precision or 0.0, recall or 0.0
        self.page_f1[page_id] = (2 * p * r / (p + r) if p + r else 0.0, p, r)

    def row(self, name: str) -> str:
        precision = sum(self.precisions) / len(self.precisions) if self.precisions else 0.0
        recall = sum(self.recalls) / len(self.recalls) if self.recalls else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = self.exact / len(self.page_f1) if self.page_f1 else 0.0
        return (
            f"{name:<18} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {accuracy:>9.3f}"
            f" {self.seconds:>7.1f}s {self.slowest[0]:>7.2f}s ({self.slowest[1][:12]})"
        )


EXTRACTORS: dict[str, Extractor] = {
    "trafilatura plain": plain_trafilatura,
    "newsstream": newsstream,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=10, help="list the N pages with lowest F1")
    args = parser.parse_args(argv)
    folder = args.data / "article-benchmark" / "dev"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    tallies = {name: Tally() for name in EXTRACTORS}
    for page_id, expected in sorted(truth.items()):
        html = gzip.decompress((folder / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        for name, extract in EXTRACTORS.items():
            began = time.perf_counter()
            body = extract(html, expected.get("url"))
            tallies[name].add(page_id, body, expected["articleBody"], time.perf_counter() - began)
    print(f"{len(truth)} pages")
    print(
        f"{'extractor':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'accuracy':>9} "
        f"{'time':>8} {'slowest page':>8}"
    )
    for name, tally in tallies.items():
        print(tally.row(name))
    ours, plain = tallies["newsstream"].page_f1, tallies["trafilatura plain"].page_f1
    if args.worst:
        print("lowest F1 of newsstream (plain trafilatura's F1 beside):")
    for page_id in sorted(ours, key=lambda key: ours[key][0])[: args.worst]:
        f1, p, r = ours[page_id]
        print(
            f"  {page_id[:12]}  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}  (plain {plain[page_id][0]:.3f})"
            f"  {truth[page_id]['url']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
