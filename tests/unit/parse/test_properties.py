"""Whatever arrives, parsing returns well-formed stories or raises ParseError, nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsstream.models.envelope import ContentType
from newsstream.parse import ParseError, Story, extract_stories

FETCHED_AT = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

# Pieces of real page shapes, so generated pages reach deep into the text parser.
_FRAGMENTS = [
    "Preliminary talks underway between the two neighbours",
    "The minister said on Monday that talks would resume next week, officials said.",
    "Al Mayadeen4 days ago",
    "time9 hours ago",
    "  • LBCI",
    "- Sky News",
    "January 23, 2020 | Via BBC",
    "By: Agence France Presse November 18,2024 - 08:54 AM",
    "by Naharnet Newsdesk 9 hours Hezbollah chief said",
    "the Observatory said. AFP",
    "Read more: Another headline here",
    "Related Articles",
    "No comments yet...",
    "DOWNLOAD THE APP",
    "Advertisement",
    "Meanwhile, police in another town arrested two men.",
    " date 2024-01-02 ",
    "1831 GMT",
    "KABUL, Aug. 3 (Xinhua) -- Some 15 soldiers died",
    "Jane\nApril 22, 2019 at 5:47 PM\nRIP",
    "— Jane Doe (@jdoe) April 21, 2019",
    "© Photo by Someone / AFP",
    "Заголовок открываемого материала",
    "010020070750000000000000011100001355613641",
    "",
    "\n",
]

page_lines = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=80)), max_size=40)
text_pages = st.one_of(st.text(max_size=3000), page_lines.map("\n".join))

_TAGS = ["html", "head", "body", "title", "p", "div", "article", "h1", "span", "a", "script", "br"]
html_pieces = st.one_of(
    st.sampled_from(_TAGS).map(lambda tag: f"<{tag}>"),
    st.sampled_from(_TAGS).map(lambda tag: f"</{tag}>"),
    st.just("<!DOCTYPE html>"),
    st.just('<meta property="article:published_time" content="2024-02-30T99:00">'),
    st.just('<html lang="zz-@@">'),
    st.just("<!-- c -->"),
    st.sampled_from(_FRAGMENTS),
    st.text(max_size=60),
)
html_pages = st.lists(html_pieces, max_size=60).map("".join)


def assert_well_formed(stories: list[Story]) -> None:
    assert stories, "an empty list must be a ParseError instead"
    for story in stories:
        assert story.paragraphs
        for paragraph in story.paragraphs:
            assert paragraph
            assert paragraph == paragraph.strip()
        assert story.title is None or (story.title and story.title == story.title.strip())
        assert story.publisher is None or story.publisher.strip()
        assert all(author.strip() for author in story.authors)
        if story.published_at is not None:
            assert story.published_at.tzinfo is not None
            assert story.published_at <= FETCHED_AT + timedelta(days=1)
            assert story.published_text


def parse_or_refuse(body: str, content_type: ContentType | None) -> None:
    refused: str | None = None
    stories: list[Story] = []
    try:
        stories = extract_stories(
            body,
            content_type=content_type,
            url=None,
            fetched_at=FETCHED_AT,
        )
    except ParseError as error:
        refused = error.kind
    if refused is None:
        assert_well_formed(stories)
    else:
        assert refused in {"no_article", "unreadable"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=text_pages, content_type=st.sampled_from([None, "text/plain"]))
def test_any_text(body: str, content_type: ContentType | None) -> None:
    parse_or_refuse(body, content_type)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=html_pages, content_type=st.sampled_from([None, "text/html"]))
def test_any_html_ish(body: str, content_type: ContentType | None) -> None:
    parse_or_refuse(body, content_type)
