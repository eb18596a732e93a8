"""Entities: one canonical entity per real-world thing, with aliases, mentions and places."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsstream.enrich import Enricher, Enrichment
from newsstream.models import EntityFinding
from tests.unit.enrich.helpers import make_article

Enrich = Callable[..., Enrichment]


def _named(result: Enrichment, label: str) -> dict[str, EntityFinding]:
    return {e.name: e for e in result.entities if e.label == label}


def test_person_forms_merge_into_the_fullest_name(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Netanyahu met officials. Prime Minister Benjamin Netanyahu said Israel would respond. "
        "Benjamin Netanyahu later left."
    )
    persons = _named(result, "PERSON")
    assert list(persons) == ["Benjamin Netanyahu"]
    netanyahu = persons["Benjamin Netanyahu"]
    assert {"Netanyahu", "Prime Minister Benjamin Netanyahu"} <= set(netanyahu.aliases)
    assert netanyahu.mention_count == 3
    assert [m.text for m in netanyahu.mentions] == [
        "Netanyahu",
        "Benjamin Netanyahu",
        "Benjamin Netanyahu",
    ]


def test_country_forms_merge_under_the_common_country_name(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The US said it would act. U.S. officials met in America, and the United States agreed."
    )
    places = _named(result, "GPE")
    assert list(places) == ["United States"]
    united_states = places["United States"]
    assert {"US", "U.S.", "America"} <= set(united_states.aliases)
    assert united_states.place is not None
    assert united_states.place.country_code == "US"


def test_quotes_and_possessives_are_one_entity_and_nationalities_stay_apart(
    enrich_text: Enrich,
) -> None:
    result = enrich_text(
        "'Israel' rejected the plan. \"Israel's\" army moved, and Israel's allies said Israeli "
        "officials agreed."
    )
    assert list(_named(result, "GPE")) == ["Israel"]
    assert _named(result, "GPE")["Israel"].mention_count == 3
    assert list(_named(result, "NORP")) == ["Israeli"]


def test_titles_and_honorifics_are_dropped(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Sheikh Naim Qassem spoke on Friday. Secretary of State Marco Rubio answered him."
    )
    assert set(_named(result, "PERSON")) == {"Naim Qassem", "Marco Rubio"}
    assert "Sheikh Naim Qassem" in _named(result, "PERSON")["Naim Qassem"].aliases
    assert not [e for e in result.entities if e.name in {"State", "Secretary of State"}]


def test_surname_tagged_as_a_place_joins_the_person(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Syrian President Ahmad al-Sharaa took power in December. Officials said al-Sharaa "
        "would travel to Paris."
    )
    sharaa = [e for e in result.entities if "Sharaa" in e.name]
    assert [(e.name, e.label) for e in sharaa] == [("Ahmad al-Sharaa", "PERSON")]


@pytest.mark.parametrize(("country", "code"), [("Lebanon", "LB"), ("Libya", "LY")])
def test_ambiguous_city_takes_the_country_of_the_article(
    country: str, code: str, enrich_text: Enrich
) -> None:
    result = enrich_text(f"Officials in Tripoli said {country} would help.")
    tripoli = _named(result, "GPE")["Tripoli"]
    assert tripoli.place is not None
    assert tripoli.place.country_code == code


def test_unknown_places_get_no_invented_location(enrich_text: Enrich) -> None:
    result = enrich_text("Gunmen attacked Tungar Kafau and Gidan Wawa villages in the north.")
    villages = _named(result, "GPE")
    assert {"Tungar Kafau", "Gidan Wawa"} <= set(villages)
    assert villages["Tungar Kafau"].place is None


def test_dateline_city_and_agency(enrich_text: Enrich) -> None:
    result = enrich_text("ISTANBUL (AP) — An explosion at a factory in Turkey killed 12 people.")
    places = _named(result, "GPE")
    assert {"Istanbul", "Turkey"} <= set(places)
    assert places["Istanbul"].mentions[0].text == "ISTANBUL"
    assert not [e for e in result.entities if e.name == "AP"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He posted the message on his Liberty Square platform on Monday.", "Liberty Square"),
        ("The ministry said so on its Freedom Tower account.", "Freedom Tower"),
    ],
)
def test_a_name_before_a_service_noun_is_an_organisation(
    text: str, name: str, enrich_text: Enrich
) -> None:
    result = enrich_text(text)
    assert name in _named(result, "ORG")
    assert not _named(result, "LOC")


def test_a_square_is_still_a_place(enrich_text: Enrich) -> None:
    result = enrich_text("Supporters gathered in Liberty Square on Monday.")
    assert "Liberty Square" in _named(result, "LOC")


def test_community_words_are_not_people(enrich_text: Enrich) -> None:
    result = enrich_text("The dead included 326 Druze fighters and 21 Sunni Bedouin.")
    assert not _named(result, "PERSON")
    assert not _named(result, "ORG")


def test_non_english_articles_are_skipped_with_a_note(enricher: Enricher) -> None:
    english, french = enricher.enrich(
        [
            make_article("Three people were killed in Paris.", index=0),
            make_article("Trois personnes ont été tuées à Paris.", lang="fr", index=1),
        ]
    )
    assert english.casualties
    assert french.entities == []
    assert french.casualties == []
    assert french.notes == ["enrichment skipped: language 'fr' is not English"]


def test_batch_results_keep_article_order(enricher: Enricher) -> None:
    bodies = [f"{n} people were killed in the blast." for n in (3, 4, 5, 6)]
    results = enricher.enrich([make_article(b, index=i) for i, b in enumerate(bodies)])
    assert [r.totals.killed for r in results] == [3, 4, 5, 6]
    assert enricher.enrich([]) == []
