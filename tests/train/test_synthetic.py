"""Composed training pages are labelled by construction: what each kind of page must hold."""

from __future__ import annotations

from tests.train.labels import LabelledPage
from tests.train.synthetic import SNIPPETS, synthetic_pages

PLACES = ("Korva", "Tarn", "Ostrava", "Lienz", "Brod", "Vaduz")


def _article(number: int, place: str) -> LabelledPage:
    lines = [
        ("Menu", "other"),
        (f"Landslide buries houses in {place}", "title"),
        (
            f"Rescue teams reached {place} on Monday after {number} houses were buried, the "
            "regional governor said.",
            "start",
        ),
        (f"Four people were pulled alive from the mud near {place} and taken to hospital.", "body"),
        ("Heavy rain is forecast for the rest of the week across the valley.", "body"),
        ("The governor asked residents of nearby valleys to leave their homes.", "body"),
        ("Share this story", "other"),
    ]
    return LabelledPage(
        name=f"page-{number}",
        group=f"site-{number}",
        source="benchmark-browser",
        text="\n".join(text for text, _ in lines),
        labels=tuple(label for _, label in lines),
    )


def test_articles_without_a_headline_are_one_story_each() -> None:
    real = [_article(number, place) for number, place in enumerate(PLACES, start=2)]
    composed = synthetic_pages(real)
    columns = [page for page in composed if page.name.startswith("snippets-")]
    bare = [page for page in composed if page.name.startswith("bare-")]
    assert columns
    assert len(bare) == len(columns)
    bodies = {
        line
        for page in real
        for line, label in zip(page.text.split("\n"), page.labels, strict=True)
        if label in ("start", "body")
    }
    for page in bare:
        assert page.source == SNIPPETS
        assert "title" not in page.labels
        lines = page.text.split("\n")
        stories = page.story_of_lines()
        story_lines = [line for line, story in zip(lines, stories, strict=True) if story >= 0]
        assert len(story_lines) >= 3
        assert set(story_lines) <= bodies
        assert {story for story in stories if story >= 0} == {0}
