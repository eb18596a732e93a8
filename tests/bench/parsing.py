"""Parts 1 and 2: parsing speed. HTML beside plain trafilatura; rendered text, and its scaling.

A page's time is the median of its rounds, so one hiccup of the machine does not count; the
rate is pages divided by the sum of those medians (one pass over the set).
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import trafilatura

from newsstream.parse import ParseError, extract_stories
from tests.bench.inputs import FETCHED_AT, Page, synthetic_page
from tests.bench.report import median, number, percentile, rate

#: What a parser returns for a page: whether it found an article in it.
Parser = Callable[[Page], bool]


@dataclass(frozen=True)
class ParseFigures:
    """How fast one parser went over one set of pages."""

    parser: str
    pages: int
    rounds: int
    pages_per_s: float
    median_ms: float
    p95_ms: float
    max_ms: float
    slowest: str
    failed: int  # pages where no article came out, or the parser raised
    kb_per_s: float

    def row(self) -> list[str]:
        return [
            self.parser,
            str(self.pages),
            str(self.rounds),
            number(self.pages_per_s),
            number(self.median_ms),
            number(self.p95_ms),
            f"{number(self.max_ms)} ({self.slowest})",
            number(self.kb_per_s, 0),
            str(self.failed),
        ]


PARSE_HEADERS = [
    "parser",
    "pages",
    "rounds",
    "pages/s",
    "median ms",
    "p95 ms",
    "max ms (page)",
    "KB/s",
    "no article",
]


def ours(content_type: str | None) -> Parser:
    """`extract_stories` as the service calls it; a page without a story is a failure."""

    def parse(page: Page) -> bool:
        try:
            return bool(
                extract_stories(
                    page.body,
                    content_type=content_type,  # type: ignore[arg-type]
                    url=page.url,
                    fetched_at=FETCHED_AT,
                )
            )
        except ParseError:
            return False

    return parse


def plain_trafilatura(page: Page) -> bool:
    """The baseline: trafilatura's main-text extraction with its defaults."""
    return bool(trafilatura.extract(page.body))


def _timed(parser: Parser, page: Page) -> tuple[float, bool]:
    start = time.perf_counter()
    try:
        found = parser(page)
    except Exception:  # a parser being edited may break on a page; the others still count
        found = False
    return time.perf_counter() - start, found


def _figures(
    name: str, pages: Sequence[Page], samples: list[list[float]], found: list[bool]
) -> ParseFigures:
    per_page = [median(times) for times in samples]
    total = sum(per_page)
    slowest = max(range(len(pages)), key=per_page.__getitem__) if pages else 0
    size_kb = sum(len(page.body.encode("utf-8")) for page in pages) / 1024
    return ParseFigures(
        parser=name,
        pages=len(pages),
        rounds=min((len(times) for times in samples), default=0),
        pages_per_s=rate(len(pages), total),
        median_ms=median(per_page) * 1000,
        p95_ms=percentile(per_page, 95) * 1000,
        max_ms=per_page[slowest] * 1000 if pages else math.nan,
        slowest=pages[slowest].name if pages else "-",
        failed=sum(not ok for ok in found),
        kb_per_s=rate(size_kb, total),
    )


def compare_parsers(
    pages: Sequence[Page], parsers: Sequence[tuple[str, Parser]], rounds: int
) -> list[ParseFigures]:
    """Time each parser on each page, interleaved page by page so both see the same machine.

    The order of the parsers alternates between rounds, and one untimed pass of the first page
    comes first, so neither side pays for imports or cold caches alone.
    """
    for _, parser in parsers:
        if pages:
            _timed(parser, pages[0])
    samples: list[list[list[float]]] = [[[] for _ in pages] for _ in parsers]
    found = [[False] * len(pages) for _ in parsers]
    for round_number in range(rounds):
        order = list(range(len(parsers)))
        if round_number % 2:
            order.reverse()
        for index, page in enumerate(pages):
            for which in order:
                seconds, ok = _timed(parsers[which][1], page)
                samples[which][index].append(seconds)
                found[which][index] = ok
    return [
        _figures(name, pages, samples[which], found[which])
        for which, (name, _) in enumerate(parsers)
    ]


def time_until_stable(
    name: str, pages: Sequence[Page], parser: Parser, *, min_seconds: float, min_rounds: int
) -> ParseFigures:
    """Repeat whole passes until `min_seconds` went by (and `min_rounds` were done).

    The text pages are small and fast, so one pass is too short to time steadily.
    """
    if pages:
        _timed(parser, pages[0])
    samples: list[list[float]] = [[] for _ in pages]
    found = [False] * len(pages)
    spent = 0.0
    rounds = 0
    while rounds < min_rounds or spent < min_seconds:
        for index, page in enumerate(pages):
            seconds, ok = _timed(parser, page)
            samples[index].append(seconds)
            found[index] = ok
            spent += seconds
        rounds += 1
    return _figures(name, pages, samples, found)


@dataclass(frozen=True)
class ScalePoint:
    """The parse time of one synthetic page of a given size."""

    size_kb: float
    paragraphs: int
    runs: int
    ms: float
    us_per_kb: float
    exponent: float | None  # time ∝ size^exponent, against the previous (smaller) page
    stories: int

    def row(self) -> list[str]:
        return [
            number(self.size_kb, 0),
            str(self.paragraphs),
            str(self.runs),
            number(self.ms),
            number(self.us_per_kb, 0),
            "-" if self.exponent is None else f"{self.exponent:.2f}",
            str(self.stories),
        ]


SCALE_HEADERS = ["size KB", "paragraphs", "runs", "ms", "µs/KB", "growth exp.", "stories"]


def scaling(
    paragraphs: Sequence[str], sizes: Sequence[int], *, budget_seconds: float = 1.0
) -> list[ScalePoint]:
    """Parse pages of growing size; an exponent near 1 means time grows linearly with size.

    Each size is run up to three times within `budget_seconds`; the largest may get one run.
    """
    points: list[ScalePoint] = []
    for size in sizes:
        body = synthetic_page(paragraphs, size)
        runs: list[float] = []
        stories = 0
        while not runs or (len(runs) < 3 and sum(runs) < budget_seconds):
            start = time.perf_counter()
            try:
                stories = len(
                    extract_stories(body, content_type=None, url=None, fetched_at=FETCHED_AT)
                )
            except ParseError:
                stories = 0
            runs.append(time.perf_counter() - start)
        seconds = median(runs)
        size_kb = len(body.encode("utf-8")) / 1024
        exponent = None
        if points:
            previous = points[-1]
            exponent = math.log(seconds * 1000 / previous.ms) / math.log(size_kb / previous.size_kb)
        points.append(
            ScalePoint(
                size_kb=size_kb,
                paragraphs=body.count("\n\n"),
                runs=len(runs),
                ms=seconds * 1000,
                us_per_kb=seconds * 1e6 / size_kb,
                exponent=exponent,
                stories=stories,
            )
        )
    return points


def overall_exponent(points: Sequence[ScalePoint]) -> float | None:
    """The growth exponent from the smallest page to the largest."""
    if len(points) < 2:
        return None
    first, last = points[0], points[-1]
    return math.log(last.ms / first.ms) / math.log(last.size_kb / first.size_kb)


# Page shapes that once made a rule quadratic: each is one line repeated `count` times around a
# short story. Their time should grow about linearly with `count`.
ADVERSARIAL_SHAPES: dict[str, Callable[[int], str]] = {
    "look-alike headlines": lambda n: "".join(
        f"Teaser headline number {i} about the same thing\n" for i in range(n)
    ),
    "link labels ('More:')": lambda n: "More:\n" * n,
    "expanders ('Read more')": lambda n: "Read more\n" * n,
}
ADVERSARIAL_HEADERS = ["shape", "lines", "ms", "lines", "ms", "growth exp."]


def adversarial(lead: str, counts: tuple[int, int]) -> list[list[str]]:
    """Time each adversarial shape at two sizes; growth exponent 1 is linear, 2 quadratic."""
    rows: list[list[str]] = []
    for name, shape in ADVERSARIAL_SHAPES.items():
        timings: list[float] = []
        for count in counts:
            body = f"Landslide buries houses\n{lead}\n{shape(count)}{lead}\n"
            start = time.perf_counter()
            with contextlib.suppress(ParseError):
                extract_stories(body, content_type="text/plain", url=None, fetched_at=FETCHED_AT)
            timings.append(time.perf_counter() - start)
        small, large = timings
        growth = math.log(large / small) / math.log(counts[1] / counts[0]) if small > 0 else 0.0
        rows.append(
            [
                name,
                str(counts[0]),
                f"{small * 1000:.1f}",
                str(counts[1]),
                f"{large * 1000:.1f}",
                f"{growth:.2f}",
            ]
        )
    return rows
