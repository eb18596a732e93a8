"""A non-English article is still enriched as far as possible, and the summary says what was not."""

from __future__ import annotations

from datetime import UTC, datetime

from newsstream.enrich import Enricher
from newsstream.models import CasualtySummary
from newsstream.pipeline.enrichment import enrichment_emissions
from tests.support.articles import make_article

BODY = (
    "Un incendie s'est déclaré mardi dans un entrepôt du port, blessant quatre ouvriers, "
    "a indiqué le service des pompiers."
)


def test_the_summary_says_enrichment_was_skipped_for_the_language(enricher: Enricher) -> None:
    article = make_article(BODY, "Incendie dans un entrepôt", lang="fr")
    [found] = enricher.enrich([article])
    emissions = enrichment_emissions(article, found, processed_at=datetime.now(UTC))
    [summary] = [e.message for e in emissions if isinstance(e.message, CasualtySummary)]
    assert summary.figure_count == 0
    assert any("'fr'" in note for note in summary.notes)
    assert len(emissions) == 1
