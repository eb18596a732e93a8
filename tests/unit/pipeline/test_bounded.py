"""The parser's time limit: a page that takes too long is cut off and the parser goes on."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from newsstream.parse import ParseError, Story, extract_stories
from newsstream.pipeline.bounded import BoundedParser

NOW = datetime(2025, 7, 19, 12, 0, tzinfo=UTC)


def slow_on_request(body: str, **options: Any) -> list[Story]:
    """Stands in for a pathological page: hangs when asked to, parses normally otherwise."""
    if body.startswith("HANG"):
        time.sleep(60)
    return extract_stories(body, **options)


def crash_on_request(body: str, **options: Any) -> list[Story]:
    if body.startswith("CRASH"):
        os._exit(3)
    return extract_stories(body, **options)


@pytest.fixture
def parser() -> Iterator[BoundedParser]:
    bounded = BoundedParser(1.0, extract=slow_on_request)
    yield bounded
    bounded.close()


def _parse(parser: BoundedParser, body: str) -> list[Story]:
    return parser(body, content_type="text/plain", url=None, fetched_at=NOW)


def test_a_page_over_the_time_limit_is_a_timeout_and_the_next_one_parses(
    parser: BoundedParser, seed_page: bytes
) -> None:
    started = time.monotonic()
    with pytest.raises(ParseError) as caught:
        _parse(parser, "HANG " + seed_page.decode())
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 10
    assert len(_parse(parser, seed_page.decode())) == 4


def test_a_parser_crash_is_a_parse_error_and_the_next_page_parses(seed_page: bytes) -> None:
    bounded = BoundedParser(5.0, extract=crash_on_request)
    try:
        with pytest.raises(ParseError) as caught:
            _parse(bounded, "CRASH")
        assert caught.value.kind == "parser_crashed"
        assert len(_parse(bounded, seed_page.decode())) == 4
    finally:
        bounded.close()


def test_parse_errors_keep_their_kind_across_the_process_boundary(
    parser: BoundedParser,
) -> None:
    with pytest.raises(ParseError) as caught:
        _parse(parser, "\x00\x01\x02" * 50)
    assert caught.value.kind in {"unreadable", "no_article"}
    assert caught.value.message
