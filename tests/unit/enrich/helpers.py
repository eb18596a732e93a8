"""Test inputs for enrichment: the seed stories cut out of the seed page, and articles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.support.articles import make_article

__all__ = ["FETCHED_AT", "SeedStory", "cut_seed_stories", "make_article"]

from tests.support.articles import FETCHED_AT


@dataclass(frozen=True)
class SeedStory:
    """A seed story as the parser should deliver it, with its gold annotation."""

    title: str
    body: str
    gold: dict[str, Any]


def cut_seed_stories(page: str, gold: dict[str, Any]) -> list[SeedStory]:
    """Each gold story's body runs from its first to its last words; lines the annotation
    calls boilerplate (the "Read more" line) are dropped and paragraphs join with a blank
    line, as the parser delivers them."""
    boilerplate = {line.strip() for line in gold["boilerplate"]}
    stories = []
    for entry in gold["articles"]:
        start = page.index(entry["body_first_words"])
        end = page.index(entry["body_last_words"], start) + len(entry["body_last_words"])
        lines = (line.strip() for line in page[start:end].splitlines())
        body = "\n\n".join(line for line in lines if line and line not in boilerplate)
        stories.append(SeedStory(entry["title"], body, entry))
    return stories
