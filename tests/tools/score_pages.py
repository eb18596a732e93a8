"""Score the rendered-text parser against annotated pages (seed and pages-dev).

Usage: python tests/tools/score_pages.py [DATA_DIR] [--verbose]

DATA_DIR defaults to ../shared/data next to the repository. For every page, gold stories are
matched to parsed stories by their first body words, then the table shows: stories found over
expected, exact titles, bodies starting and ending right, boilerplate lines leaked into a body,
and parsed stories that match no gold story (invented). Publisher and date columns are extra.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsstream.models.envelope import ContentType
from newsstream.parse import ParseError, Story, extract_stories

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
FETCHED_AT = datetime(2025, 7, 21, 12, 0, tzinfo=UTC)


def norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class PageScore:
    name: str
    expected: int = 0
    found: int = 0
    titles: int = 0
    starts: int = 0
    ends: int = 0
    bodies: int = 0  # start and end both right
    publishers: int = 0
    dates: int = 0
    leaks: int = 0
    invented: int = 0
    notes: list[str] = field(default_factory=list)


def _matches(story: Story, gold: dict[str, Any]) -> bool:
    first = norm(gold.get("body_first_words") or "")
    return bool(first) and first in norm(story.body)


def _leaks(stories: list[Story], boilerplate: list[str]) -> list[str]:
    leaked = []
    for line in boilerplate:
        pattern = re.compile(r"(?<!\w)" + re.escape(norm(line)) + r"(?!\w)")
        if any(pattern.search(norm(story.body)) for story in stories):
            leaked.append(line)
    return leaked


def score_page(
    name: str,
    raw: str,
    gold_articles: list[dict[str, Any]],
    boilerplate: list[str],
    content_type: ContentType | None,
) -> PageScore:
    score = PageScore(name, expected=len(gold_articles))
    try:
        stories = extract_stories(
            raw,
            content_type=content_type,
            url=None,
            fetched_at=FETCHED_AT,
        )
    except ParseError as error:
        stories = []
        score.notes.append(f"ParseError {error.kind}: {error.message}")
    unused = list(range(len(stories)))
    for gold in gold_articles:
        match = next((i for i in unused if _matches(stories[i], gold)), None)
        if match is None:
            score.notes.append(f"missing: {gold.get('title')!r} / {gold.get('body_first_words')!r}")
            continue
        unused.remove(match)
        story = stories[match]
        body = norm(story.body)
        score.found += 1
        if story.title == gold.get("title"):
            score.titles += 1
        else:
            score.notes.append(f"title {story.title!r} != {gold.get('title')!r}")
        starts = body.startswith(norm(gold["body_first_words"]))
        ends = body.endswith(norm(gold["body_last_words"]))
        score.starts += starts
        score.ends += ends
        score.bodies += starts and ends
        if not starts:
            score.notes.append(f"start {body[:60]!r} != {gold['body_first_words']!r}")
        if not ends:
            score.notes.append(f"end {body[-60:]!r} != {gold['body_last_words']!r}")
        if story.publisher == gold.get("publisher"):
            score.publishers += 1
        else:
            score.notes.append(f"publisher {story.publisher!r} != {gold.get('publisher')!r}")
        if story.published_text == gold.get("published"):
            score.dates += 1
        else:
            score.notes.append(f"published {story.published_text!r} != {gold.get('published')!r}")
    for index in unused:
        score.invented += 1
        score.notes.append(f"invented: {stories[index].title!r} / {stories[index].body[:60]!r}")
    leaked = _leaks(stories, boilerplate)
    score.leaks = len(leaked)
    score.notes.extend(f"leak: {line!r}" for line in leaked)
    return score


Page = tuple[str, str, list[dict[str, Any]], list[str], ContentType | None]


def load_pages(data: Path) -> list[Page]:
    """Seed and pages-dev pages: name, raw text, gold stories, boilerplate lines, content type."""
    pages: list[Page] = []
    seed = data / "seed"
    if (seed / "gold.json").exists():
        gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
        raw = (seed / gold.get("page", "page.txt")).read_text(encoding="utf-8")
        pages.append(("seed", raw, gold["articles"], gold.get("boilerplate", []), "text/plain"))
    for path in sorted((data / "pages-dev").glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        gold = page["gold"]
        pages.append(
            (path.stem, page["raw"], gold["articles"], gold.get("boilerplate_examples", []), None)
        )
    return pages


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "  n/a "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--verbose", "-v", action="store_true", help="print what went wrong")
    args = parser.parse_args(argv)
    scores = [score_page(*page) for page in load_pages(args.data)]
    header = (
        f"{'page':28} {'found':>7} {'title':>5} {'start':>5} {'end':>5} {'publ':>5} {'date':>5}"
        f" {'leaks':>5} {'invent':>6}"
    )
    print(header)
    print("-" * len(header))
    for s in scores:
        print(
            f"{s.name:28} {s.found:>3}/{s.expected:<3} {s.titles:>5} {s.starts:>5} {s.ends:>5}"
            f" {s.publishers:>5} {s.dates:>5} {s.leaks:>5} {s.invented:>6}"
        )
        if args.verbose:
            for note in s.notes:
                print(f"    {note}")
    total = PageScore("TOTAL")
    for s in scores:
        for key in (
            "expected",
            "found",
            "titles",
            "starts",
            "ends",
            "bodies",
            "publishers",
            "dates",
            "leaks",
            "invented",
        ):
            setattr(total, key, getattr(total, key) + getattr(s, key))
    print("-" * len(header))
    print(
        f"{'TOTAL':28} {total.found:>3}/{total.expected:<3} {total.titles:>5} {total.starts:>5}"
        f" {total.ends:>5} {total.publishers:>5} {total.dates:>5} {total.leaks:>5}"
        f" {total.invented:>6}"
    )
    print(
        f"stories found {pct(total.found, total.expected)} | titles exact "
        f"{pct(total.titles, total.expected)} | start and end right "
        f"{pct(total.bodies, total.expected)} (start {pct(total.starts, total.expected)},"
        f" end {pct(total.ends, total.expected)})"
        f" | publisher {pct(total.publishers, total.expected)}"
        f" | published {pct(total.dates, total.expected)} | leaks {total.leaks}"
        f" | invented {total.invented}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
