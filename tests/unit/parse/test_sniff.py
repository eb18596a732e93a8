"""Markup or rendered text when nobody said, and binary junk refused."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsstream.parse import ParseError, extract_stories
from newsstream.parse.sniff import has_markup, is_unreadable, looks_like_html

FETCHED_AT = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    "body",
    [
        "<!DOCTYPE html><html><body><p>Hello</p></body></html>",
        "  \n<html lang='en'><p>x</p></html>",
        "<?xml version='1.0'?><!-- saved --><html><body>x</body></html>",
        "<body><div><p>One</p><p>Two</p></div></body>",
        "<div><p>One</p><p>Two</p><p>Three</p><span>x</span></div>",
    ],
)
def test_markup_is_html(body: str) -> None:
    assert looks_like_html(body)


@pytest.mark.parametrize(
    "body",
    [
        "Headline here\n\nBody text that says 3 < 4 and 5 > 2, which is true.",
        "I <3 this story. Read more: <link>",
        "",
    ],
)
def test_text_is_not_html(body: str) -> None:
    assert not looks_like_html(body)


def test_seed_page_is_text(fixtures_dir: Path) -> None:
    assert not looks_like_html((fixtures_dir / "seed" / "page.txt").read_text("utf-8"))


def test_has_markup_needs_a_tag() -> None:
    assert has_markup("plain words <b>bold</b>")
    assert not has_markup("plain words, 3 < 4")


def test_binary_junk_is_unreadable() -> None:
    junk = bytes(range(256)).decode("latin-1") * 40
    assert is_unreadable(junk)
    assert not is_unreadable("Ordinary text with a tab\tand new lines\n.")
    with pytest.raises(ParseError) as raised:
        extract_stories(junk, content_type=None, url=None, fetched_at=FETCHED_AT)
    assert raised.value.kind == "unreadable"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("word " * 90 + "\x00\x01\x7f" * 10, True),  # ASCII control characters
        ("word " * 90 + "\ue000\U000e0080\ufffd" * 10, True),  # private, unassigned, replaced
        ("word " * 95 + "\x00\ue000", False),  # a few stray ones
        ("Ein Ärger über Öl: 東京で記者会見。 " * 20, False),  # text beyond ASCII
        ("tab\tvertical\vfeed\fcarriage\r" * 20, False),  # whitespace is no junk
    ],
)
def test_unreadable_share(body: str, expected: bool) -> None:
    assert is_unreadable(body) is expected


def test_sniffed_html_goes_to_the_html_extractor(fixtures_dir: Path) -> None:
    html = (fixtures_dir / "html" / "article.html").read_text("utf-8")
    stories = extract_stories(html, content_type=None, url=None, fetched_at=FETCHED_AT)
    assert [story.publisher for story in stories] == ["The Valley Courier"]


def test_declared_text_is_never_parsed_as_html(fixtures_dir: Path) -> None:
    page = (fixtures_dir / "seed" / "page.txt").read_text("utf-8")
    wrapped = f"<p>{page}</p>"
    stories = extract_stories(wrapped, content_type="text/plain", url=None, fetched_at=FETCHED_AT)
    assert stories[0].publisher == "Al Mayadeen"


def test_tagless_body_declared_html_is_read_as_text(fixtures_dir: Path) -> None:
    page = (fixtures_dir / "seed" / "page.txt").read_text("utf-8")
    stories = extract_stories(page, content_type="text/html", url=None, fetched_at=FETCHED_AT)
    assert len(stories) == 4


@pytest.mark.parametrize("body", ["   \n\t ", "!!! ??? ...", "\n\n"])
def test_wordless_body_is_no_article(body: str) -> None:
    with pytest.raises(ParseError) as raised:
        extract_stories(body, content_type=None, url=None, fetched_at=FETCHED_AT)
    assert raised.value.kind == "no_article"
