"""Score the HTML extractor on the article-extraction benchmark (dev half).

Usage: python tests/tools/score_benchmark.py [DATA_DIR] [--worst N]

DATA_DIR defaults to ../shared/data next to the repository. The metric follows the benchmark's
README: 4-token shingles of `\\w+` tokens, per-page precision and recall, dataset precision and
recall as means over pages with shingles, F1 their harmonic mean, accuracy the share of pages
whose token sequence equals the truth's.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from newsstream.parse import ParseError, extract_stories

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)
_TOKEN = re.compile(r"\w+")


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=10, help="list the N pages with lowest F1")
    args = parser.parse_args(argv)
    folder = args.data / "article-benchmark" / "dev"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    rows: list[tuple[float, str, float, float]] = []
    started = time.perf_counter()
    slowest = (0.0, "")
    for page_id, expected in sorted(truth.items()):
        html = gzip.decompress((folder / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        began = time.perf_counter()
        try:
            stories = extract_stories(
                html, content_type="text/html", url=expected.get("url"), fetched_at=FETCHED_AT
            )
            body = stories[0].body
        except ParseError:
            body = ""
        slowest = max(slowest, (time.perf_counter() - began, page_id))
        precision, recall, same = page_scores(body, expected["articleBody"])
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
        exact += same
        p, r = precision or 0.0, recall or 0.0
        rows.append((2 * p * r / (p + r) if p + r else 0.0, page_id, p, r))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"pages {len(truth)}  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(
        f"accuracy {exact / len(truth):.3f}  time {time.perf_counter() - started:.1f}s"
        f"  slowest {slowest[0]:.2f}s ({slowest[1][:12]})"
    )
    for score, page_id, p, r in sorted(rows)[: args.worst]:
        print(f"  {page_id[:12]}  F1 {score:.3f}  P {p:.3f}  R {r:.3f}  {truth[page_id]['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
