"""The seed page must come out exactly as annotated: four stories, nothing else."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsstream.parse import Story, extract_stories

FETCHED_AT = datetime(2025, 7, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def stories(seed_page: bytes) -> list[Story]:
    return extract_stories(
        seed_page.decode("utf-8"), content_type="text/plain", url=None, fetched_at=FETCHED_AT
    )


@pytest.fixture(scope="module")
def gold(fixtures_dir: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((fixtures_dir / "seed" / "gold.json").read_text("utf-8"))
    return data


def test_exactly_four_stories_in_page_order(stories: list[Story]) -> None:
    assert [story.title for story in stories] == [
        "Preliminary US-backed talks underway between 'Israel', Syria: Axios",
        "Trump Sues Wall Street Journal Over Epstein Report, Seeks $10 Billion",
        "Qassem says to talk 'defense strategy' after 'existential threat' ends",
        "South Syria violence death toll rises to 940: Monitor",
    ]


@pytest.mark.parametrize(
    ("position", "publisher", "authors", "published_text", "age"),
    [
        (0, "Al Mayadeen", (), "4 days ago", timedelta(days=4)),
        (1, "MTV Lebanon", (), "9 hours ago", timedelta(hours=9)),
        (2, "Nahar Net", ("Naharnet Newsdesk",), "9 hours ago", timedelta(hours=9)),
        (3, "LBCI", ("AFP",), "13 hours ago", timedelta(hours=13)),
    ],
)
def test_metadata(
    stories: list[Story],
    position: int,
    publisher: str,
    authors: tuple[str, ...],
    published_text: str,
    age: timedelta,
) -> None:
    story = stories[position]
    assert story.publisher == publisher
    assert story.authors == authors
    assert story.published_text == published_text
    assert story.published_at == FETCHED_AT - age


@pytest.mark.parametrize(
    ("position", "first", "last"),
    [
        (
            0,
            "The Trump administration has begun early discussions with",
            "feature prominently in talks with President Trump.",
        ),
        (
            1,
            "U.S. President Donald Trump sued the Wall Street Journal",
            "Dominion Voting Systems for $787.5 million.",
        ),
        (
            2,
            "Hezbollah chief Sheikh Naim Qassem has said that",
            "in a proper way,' Qassem added.",
        ),
        (
            3,
            "The death toll from violence in Sweida province,",
            "in Israeli strikes, the Observatory said.",
        ),
    ],
)
def test_body_edges(stories: list[Story], position: int, first: str, last: str) -> None:
    body = stories[position].body
    assert body.startswith(first)
    assert body.endswith(last)


def test_main_story_has_nineteen_paragraphs_without_the_read_more_line(
    stories: list[Story],
) -> None:
    main = stories[0]
    assert len(main.paragraphs) == 19
    assert not any(paragraph.startswith("Read more:") for paragraph in main.paragraphs)


def test_no_boilerplate_line_in_any_body(stories: list[Story], gold: dict[str, object]) -> None:
    boilerplate = gold["boilerplate"]
    assert isinstance(boilerplate, list)
    assert boilerplate
    for line in boilerplate:
        for story in stories:
            assert line.strip() not in story.body, (line, story.title)


def test_promotion_and_widgets_are_not_stories(stories: list[Story]) -> None:
    bodies = " ".join(story.body for story in stories)
    assert "Download Daily8 app" not in bodies
    assert "DOWNLOAD THE APP" not in bodies
    assert all(story.title and "APP" not in story.title for story in stories)
