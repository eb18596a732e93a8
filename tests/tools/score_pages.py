"""Score the rendered-text parser, in-process, against annotated pages (seed and pages-dev).

Usage: python tests/tools/score_pages.py [DATA_DIR] [--verbose]

A quick loop for parser work: it calls the parser directly (no enrichment, about 2 s). The
metric is the one `make eval` applies to what `newsstream process` prints (tests/eval/metrics.py):
gold stories are matched to parsed stories by their first body words, then the table shows
stories found over expected, exact titles, bodies starting and ending right, boilerplate lines
leaked into a body, and parsed stories that match no gold story (invented).

DATA_DIR defaults to $NEWSSTREAM_REFERENCE_DATA, else ../shared/data beside the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import cast

if __package__ in (None, ""):  # run as a script: make the repository's `tests` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.eval import metrics, report
from tests.eval.service import FETCHED_AT
from tests.eval.sets import AnnotatedPage, default_data_dir, load_pages

from newsstream.models.envelope import ContentType
from newsstream.parse import ParseError, Story, extract_stories


def parse_page(page: AnnotatedPage) -> tuple[list[Story], str | None]:
    """The parser's stories for a page, or none and the reason it gave."""
    try:
        stories = extract_stories(
            page.raw,
            content_type=cast("ContentType | None", page.content_type),
            url=None,
            fetched_at=FETCHED_AT,
        )
    except ParseError as error:
        return [], f"ParseError {error.kind}: {error.message}"
    return stories, None


def score_pages(data: Path) -> list[metrics.PageScore]:
    scores = []
    for page in load_pages(data):
        stories, error = parse_page(page)
        scores.append(metrics.score_page(page, stories, error))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=None)
    parser.add_argument("--verbose", "-v", action="store_true", help="print what went wrong")
    args = parser.parse_args(argv)
    scores = score_pages(args.data or default_data_dir())
    print(report.parse_table(scores, metrics.total_score(scores), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
