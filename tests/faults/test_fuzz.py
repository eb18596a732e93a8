"""Fuzzing the pure functions with a large budget: parse (text and HTML pages, raw records
through the whole parse stage) and enrich. Every generated input must give well-formed output
or a typed error within the parse time limit; each target prints its executions and crashes.

The strategies are the unit suite's property-test ones, here with hundreds of times the budget.
`NEWSSTREAM_FUZZ_SCALE` multiplies the budgets.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsstream.enrich import Enricher
from newsstream.parse import ParseError, extract_stories
from newsstream.pipeline.pages import PageLimits, process_page_record
from newsstream.pipeline.records import ConsumedRecord
from newsstream.settings import get_settings
from tests.unit.enrich.helpers import make_article
from tests.unit.enrich.test_properties import _ARTICLES
from tests.unit.parse.test_properties import html_pages, text_pages

pytestmark = pytest.mark.faults

SCALE = float(os.environ.get("NEWSSTREAM_FUZZ_SCALE", "1"))
AT = datetime(2025, 6, 1, 12, tzinfo=UTC)
LIMIT = get_settings().parse_timeout_seconds
LIMITS = PageLimits(max_page_bytes=2_000_000, max_dead_letter_value_bytes=100_000)


def _budget(examples: int) -> settings:
    return settings(
        max_examples=int(examples * SCALE),
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )


class Tally:
    """Executions and the slowest one of a target; a crash fails the test with its input."""

    def __init__(self, target: str) -> None:
        self.target, self.runs, self.slowest = target, 0, 0.0

    def run(self, call: Callable[[], object]) -> None:
        started = time.perf_counter()
        call()
        self.runs += 1
        self.slowest = max(self.slowest, time.perf_counter() - started)
        assert self.slowest < LIMIT, f"{self.target}: one input took {self.slowest:.1f} s"

    def report(self) -> None:
        print(f"\n{self.target}: {self.runs} executions, 0 crashes, slowest {self.slowest:.2f} s")


def _parse(body: str, content_type: str | None) -> None:
    with contextlib.suppress(ParseError):
        extract_stories(body, content_type=content_type, url=None, fetched_at=AT)  # type: ignore[arg-type]


def test_fuzz_text_parsing() -> None:
    tally = Tally("extract_stories, text pages")

    @_budget(4000)
    @given(text_pages)
    def check(body: str) -> None:
        tally.run(lambda: _parse(body, "text/plain"))

    check()
    tally.report()


def test_fuzz_html_parsing() -> None:
    tally = Tally("extract_stories, HTML pages")

    @_budget(3000)
    @given(html_pages)
    def check(body: str) -> None:
        tally.run(lambda: _parse(body, "text/html"))

    check()
    tally.report()


def test_fuzz_raw_records_through_the_parse_stage() -> None:
    tally = Tally("process_page_record, raw bytes")

    @_budget(4000)
    @given(
        st.one_of(st.binary(max_size=3000), text_pages.map(str.encode), html_pages.map(str.encode))
    )
    def check(value: bytes) -> None:
        record = ConsumedRecord("raw", 0, 0, b"k", value, timestamp=AT)
        tally.run(lambda: process_page_record(record, LIMITS))

    check()
    tally.report()


def test_fuzz_enrichment() -> None:
    enricher = Enricher(get_settings().spacy_model)
    tally = Tally("Enricher.enrich")

    @_budget(600)
    @given(_ARTICLES)
    def check(specs: list[tuple[str | None, str, str | None]]) -> None:
        articles = [make_article(b, t, lang=lang, index=i) for i, (t, b, lang) in enumerate(specs)]
        tally.run(lambda: enricher.enrich(articles))

    check()
    tally.report()
