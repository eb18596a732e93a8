"""A worker enriches for weeks: what a batch adds to the language model's vocabulary goes with
the batch, so memory does not grow with every new word the news brings."""

from __future__ import annotations

from newsstream.enrich import Enricher
from tests.support.articles import make_article


def test_new_words_of_a_batch_do_not_stay_in_the_vocabulary(enricher: Enricher) -> None:
    strings = enricher._nlp.vocab.strings
    enricher.enrich([make_article("A storm hit the coast on Monday.", "Storm", index=0)])
    before = len(strings)
    novel = " ".join(f"Zqx{n}vel" for n in range(300))
    body = f"Five people were injured in Qarvendale on Tuesday. {novel}."
    [found] = enricher.enrich([make_article(body, "Qarvendale storm", index=1)])
    assert found.totals.injured == 5  # the findings outlive the batch's docs
    assert len(strings) == before
