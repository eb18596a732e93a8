"""Enrichment reads the English paragraphs of an article, whatever its main language."""

from __future__ import annotations

from newsstream.enrich import Enricher
from tests.support.articles import make_article

ENGLISH = (
    "Police in Nairobi said three people were killed when a truck hit a bus on Sunday "
    "morning, and the driver was arrested."
)
RUSSIAN = (
    "Полиция сообщила, что в воскресенье утром грузовик врезался в автобус, погибли три "
    "человека, водитель задержан в Москве."
)
ARABIC = "تابعونا على قناة الأخبار في تليجرام"
FRENCH = (
    "La police a indiqué que trois personnes ont été tuées dimanche matin lorsqu'un camion "
    "a percuté un bus à Lyon, et le chauffeur a été arrêté."
)


def test_an_english_article_with_a_foreign_script_footer_is_enriched(enricher: Enricher) -> None:
    article = make_article(f"{ENGLISH}\n\n{ARABIC}", "Three killed as truck hits bus", lang="en")
    [found] = enricher.enrich([article])
    assert "Nairobi" in {e.name for e in found.entities}
    assert {(c.count, c.kind.value) for c in found.casualties} >= {(3, "killed"), (1, "arrested")}
    assert any("'ar'" in note for note in found.notes)


def test_the_english_paragraphs_of_a_foreign_article_are_enriched(enricher: Enricher) -> None:
    article = make_article(f"{FRENCH}\n\n{ENGLISH}\n\n{RUSSIAN}", None, lang="fr")
    [found] = enricher.enrich([article])
    names = {e.name for e in found.entities}
    assert "Nairobi" in names
    assert not {"Lyon", "Москве", "Moscow"} & names
    body = article.body
    for entity in found.entities:
        for mention in entity.mentions:
            assert body[mention.start : mention.end] == mention.text
    assert any("'fr'" in note and "'ru'" in note for note in found.notes)


def test_a_foreign_article_without_english_is_skipped(enricher: Enricher) -> None:
    article = make_article(FRENCH, "Trois morts", lang="fr")
    [found] = enricher.enrich([article])
    assert found.entities == []
    assert found.casualties == []
    assert any("'fr'" in note for note in found.notes)
