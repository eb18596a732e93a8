"""Gazetteer lookups: countries, regions, cities, context, and nationality adjectives."""

from __future__ import annotations

import pytest

from newsstream.enrich.gazetteer import Gazetteer, get_gazetteer
from newsstream.enrich.place_names import name_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


@pytest.mark.parametrize(
    ("name", "code"),
    [("United States", "US"), ("America", "US"), ("U.S.", "US"), ("Syria", "SY"),
     ("Syrian Arab Republic", "SY"), ("Russia", "RU"), ("Britain", "GB"), ("Iran", "IR")],
)  # fmt: skip
def test_country_names(name: str, code: str, gazetteer: Gazetteer) -> None:
    assert gazetteer.country_code(name) == code
    place = gazetteer.resolve(name, allow_codes=True)
    assert place is not None
    assert (place.country_code, place.feature) == (code, "country")
    assert place.latitude is None


def test_bare_codes_only_when_allowed(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_code("US", allow_codes=True) == "US"
    assert gazetteer.country_code("us", allow_codes=True) is None
    assert gazetteer.country_code("IN") is None


def test_city_has_geonames_id_and_coordinates(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Damascus")
    assert place is not None
    assert (place.country_code, place.feature) == ("SY", "city")
    assert place.geonames_id is not None
    assert place.latitude is not None
    assert place.longitude is not None


def test_most_populous_city_without_context(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Tripoli")
    assert place is not None
    assert place.country_code == "LY"


def test_context_country_wins_for_ambiguous_names(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("Tripoli", {"LB": 2})
    assert place is not None
    assert place.country_code == "LB"


def test_region_of_the_context_country_beats_a_foreign_country(gazetteer: Gazetteer) -> None:
    alone = gazetteer.resolve("Niger")
    in_nigeria = gazetteer.resolve("Niger", {"NG": 3})
    assert alone is not None
    assert in_nigeria is not None
    assert (alone.country_code, alone.feature) == ("NE", "country")
    assert (in_nigeria.country_code, in_nigeria.feature) == ("NG", "region")


def test_unknown_names_resolve_to_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Golan Heights") is None
    assert gazetteer.resolve("Tungar Kafau") is None


@pytest.mark.parametrize("word", ["Syrian", "Israeli", "Lebanese", "Turkish", "Kazakh", "Afghan"])
def test_demonyms(word: str, gazetteer: Gazetteer) -> None:
    assert gazetteer.is_demonym(word)


@pytest.mark.parametrize("word", ["Syria", "Trump", "Netanyahu", "Jordan", "Francis", "Sunni"])
def test_not_demonyms(word: str, gazetteer: Gazetteer) -> None:
    assert not gazetteer.is_demonym(word)


def test_name_key_evens_out_spelling() -> None:
    assert name_key("U.S.") == name_key("US")
    assert name_key("Balıkesir") == name_key("Balikesir")
    assert name_key("The Hague") == name_key("Hague")
    assert name_key("Al-Jawf") == name_key("al Jawf")


@pytest.mark.parametrize(
    ("name", "code"), [("S. Korea", "KR"), ("N. Korea", "KP"), ("St Helier", "JE")]
)
def test_abbreviated_first_words_are_written_out(
    name: str, code: str, gazetteer: Gazetteer
) -> None:
    place = gazetteer.resolve(name)
    assert place is not None
    assert place.country_code == code
