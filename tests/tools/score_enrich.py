"""Score enrichment, in-process, on the gold stories of pages-dev and the casualties-dev texts.

Usage: python tests/tools/score_enrich.py [DATA_DIR] [--model NAME] [--verbose]

A quick loop for enrichment work: the enricher gets the gold bodies (`body_first_words` to
`body_last_words`, boilerplate lines dropped, paragraphs joined by a blank line; the gold title),
so parse errors do not count. A naive baseline runs on the same inputs: spaCy's entities as they
come, and a regular-expression casualty counter. `make eval` prints the same columns next to
what the service emits through `newsstream process`; the metric (tests/eval/metrics.py) is:

- Entities: per story and label (PERSON, ORG, GPE, LOC), a predicted entity is right when its
  canonical name or one of its aliases equals a gold name of the same label, compared
  case-insensitively without a leading "the", dots or apostrophes; each gold name counts once.
- Casualty figures: per story, the multiset of (count, kind) against the gold one; events
  without a count (vague amounts) are left out, as pages-dev/README.md says.
- Totals: on casualties-dev, the article summary's killed and injured against the coded
  killed and wounded, a null total counting as 0 (the data codes "none stated" as 0).

DATA_DIR defaults to $NEWSSTREAM_REFERENCE_DATA, else ../shared/data beside the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository's `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.eval import metrics, report
from tests.eval.evaluate import evaluate_gold, spacy_model
from tests.eval.sets import default_data_dir, load_incidents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=None)
    parser.add_argument("--model", default=None, help="spaCy model (default: the service's)")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    data = args.data or default_data_dir()
    result = evaluate_gold(data, args.model or spacy_model())
    print(
        f"pages-dev: {result.ours.stories} stories;"
        f" casualties-dev: {result.ours_summary.incidents} incidents\n"
    )
    columns = [
        report.Column("naive baseline", result.baseline, result.baseline_summary),
        report.Column("enricher on gold text", result.ours, result.ours_summary),
    ]
    print(report.enrich_table(columns, metrics.ceiling(load_incidents(data))))
    print(
        f"\nenricher (model load and one batch) {result.seconds_ours:.1f}s;"
        f" baseline {result.seconds_baseline:.1f}s"
    )
    if args.verbose:
        print("\nDifferences (enricher):")
        print("\n".join(f"  {line}" for line in result.ours.misses + result.ours_summary.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
