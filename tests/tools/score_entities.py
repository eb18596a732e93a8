"""Entity scores of the enricher on gold bodies, per page and per group of pages.

Usage: python tests/tools/score_entities.py [DATA_DIR] [--verbose] [--pages SLUG ...]

The enricher gets the gold bodies and titles of the seed and pages-dev (as in
`score_enrich.py`), and entities are matched with the metric of tests/eval/metrics.py. The
seed's optional entities count neither way. Pages are grouped by how long the project has
known them: "older" (the seed and pages-dev slugs without an `a-`, `b-` or `c-` prefix) and
"newer" (those with one); a rule that helps only the older group does not generalise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository's `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.eval import metrics
from tests.eval.evaluate import _article, spacy_model
from tests.eval.sets import AnnotatedPage, default_data_dir, load_pages

_NEWER = re.compile(r"^[abc]-")


def _seed_optional(data: Path) -> list[set[str]]:
    gold = json.loads((data / "seed" / "gold.json").read_text(encoding="utf-8"))
    return [
        {metrics.norm_name(n) for n in article.get("optional_entities", [])}
        for article in gold["articles"]
    ]


def group(page: AnnotatedPage) -> str:
    return "newer" if _NEWER.match(page.name) else "older"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=None)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--pages", nargs="*", default=None, help="only these slugs")
    args = parser.parse_args(argv)
    data = args.data or default_data_dir()
    from newsstream.enrich import Enricher

    pages = [p for p in load_pages(data) if not args.pages or p.name in args.pages]
    optional = _seed_optional(data)
    stories = [(page, index) for page in pages for index in range(len(page.stories))]
    articles = [
        _article(i, page.stories[index].title, page.gold_body(index))
        for i, (page, index) in enumerate(stories)
    ]
    results = Enricher(spacy_model()).enrich(articles)
    per_page: dict[str, metrics.EnrichScores] = {}
    for (page, index), result in zip(stories, results, strict=True):
        scores = per_page.setdefault(page.name, metrics.EnrichScores())
        skip = optional[index] if page.set_name == "seed" else set()
        found = [
            (e.label, e.name, e.aliases)
            for e in result.entities
            if not {metrics.norm_name(n) for n in (e.name, *e.aliases)} & skip
        ]
        metrics.score_story(scores, f"{page.name}#{index}", page.stories[index], found, [])
    groups: dict[str, metrics.Tally] = {"older": metrics.Tally(), "newer": metrics.Tally()}
    print(f"{'page':45} {'P':>5} {'R':>5} {'F1':>5}  tp fp fn")
    for page in pages:
        if page.name not in per_page:
            continue
        tally = per_page[page.name].all_entities()
        groups[group(page)] += tally
        p, r, f = tally.prf()
        print(f"{page.name:45} {p:5.2f} {r:5.2f} {f:5.2f}  {tally.tp} {tally.fp} {tally.fn}")
    overall = metrics.Tally()
    for name, tally in groups.items():
        overall += tally
        p, r, f = tally.prf()
        print(f"{name.upper():45} {p:5.3f} {r:5.3f} {f:5.3f}  {tally.tp} {tally.fp} {tally.fn}")
    p, r, f = overall.prf()
    print(f"{'ALL':45} {p:5.3f} {r:5.3f} {f:5.3f}  {overall.tp} {overall.fp} {overall.fn}")
    if args.verbose:
        for scores in per_page.values():
            for miss in scores.misses:
                if "figures:" in miss and miss.count("\n") == 1:
                    continue
                print("\n".join(ln for ln in miss.splitlines() if "figures:" not in ln))
    return 0


if __name__ == "__main__":
    sys.exit(main())
