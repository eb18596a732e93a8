"""An HTML page gives one story: its main article with the page's own metadata."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsstream.parse import ParseError, Story, extract_stories

FETCHED_AT = datetime(2024, 3, 15, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def story(fixtures_dir: Path) -> Story:
    html = (fixtures_dir / "html" / "article.html").read_text("utf-8")
    stories = extract_stories(
        html,
        content_type=None,
        url="https://valley-courier.example/news/flood?utm_source=feed",
        fetched_at=FETCHED_AT,
    )
    assert len(stories) == 1
    return stories[0]


def test_metadata_comes_from_the_page(story: Story) -> None:
    assert story.title == "Flood waters recede in river valley as clean-up begins"
    assert story.publisher == "The Valley Courier"
    assert story.authors == ("Hannah Osei",)
    assert story.published_at == datetime(2024, 3, 14, 7, 45, tzinfo=UTC)
    assert story.published_text == "2024-03-14T07:45:00+00:00"
    assert story.lang == "en"
    assert story.canonical_url == "https://valley-courier.example/news/2024/03/flood-waters-recede"


def test_body_is_the_article_paragraphs(story: Story) -> None:
    assert len(story.paragraphs) == 6
    assert story.paragraphs[0].startswith("Flood waters that swamped hundreds of homes")
    assert story.paragraphs[-1].endswith("by Thursday evening, organisers said.")
    assert story.body == "\n\n".join(story.paragraphs)


@pytest.mark.parametrize(
    "furniture",
    [
        "Subscribe",
        "We use cookies",
        "Rain warning extended",
        "Share this article",
        "Log in or register",
        "All rights reserved",
        "Flood waters recede in river valley as clean-up begins",
        "Photo: Sam Reid",
    ],
)
def test_page_furniture_is_not_body(story: Story, furniture: str) -> None:
    assert furniture not in story.body


def test_declared_html_without_a_story_is_no_article() -> None:
    html = "<html><head><title>Login</title></head><body><form><input name=q></form></body></html>"
    with pytest.raises(ParseError) as raised:
        extract_stories(html, content_type="text/html", url=None, fetched_at=FETCHED_AT)
    assert raised.value.kind == "no_article"
