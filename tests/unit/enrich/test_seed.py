"""The seed page's four stories must enrich as annotated in gold.json."""

from __future__ import annotations

from collections import Counter

import pytest

from newsstream.enrich import Enrichment
from newsstream.models import CasualtyFinding, CasualtyKind, EntityFinding
from tests.unit.enrich.helpers import SeedStory

LABELS = ("PERSON", "ORG", "GPE", "LOC")
SWEIDA = 3


def _without_article(name: str) -> str:
    """Gold keeps "The" in "The Wall Street Journal"; canonical names drop articles."""
    return name.removeprefix("The ")


def _by_count(findings: list[CasualtyFinding]) -> dict[int | None, CasualtyFinding]:
    return {f.count: f for f in findings}


def test_seed_bodies_are_cut_as_the_parser_delivers_them(seed_stories: list[SeedStory]) -> None:
    assert len(seed_stories) == 4
    main, _, nahar, lbci = seed_stories
    assert "Read more" not in main.body
    assert main.body.count("\n\n") == main.gold["paragraphs"] - 1
    assert nahar.body.startswith("Hezbollah chief Sheikh Naim Qassem")
    assert lbci.body.endswith("in Israeli strikes, the Observatory said.")


def test_sweida_story_gives_exactly_the_gold_figures(
    seed_stories: list[SeedStory], seed_results: list[Enrichment]
) -> None:
    gold = Counter((c["count"], c["kind"]) for c in seed_stories[SWEIDA].gold["casualties"])
    found = Counter((c.count, c.kind.value) for c in seed_results[SWEIDA].casualties)
    assert found == gold
    assert len(seed_results[SWEIDA].casualties) == 8


def test_sweida_toll_and_its_parts(seed_results: list[Enrichment]) -> None:
    figures = _by_count(seed_results[SWEIDA].casualties)
    toll = figures[940]
    assert toll.is_total
    assert toll.part_of is None
    assert [f.count for f in figures.values() if f.is_total] == [940]
    for part in (326, 262, 312, 21, 15):
        assert figures[part].part_of == toll.figure_id, part
    assert figures[182].part_of == figures[262].figure_id
    assert figures[3].part_of == figures[21].figure_id
    assert all(f.kind is CasualtyKind.KILLED for f in figures.values())


def test_sweida_figure_details(seed_results: list[Enrichment]) -> None:
    figures = _by_count(seed_results[SWEIDA].casualties)
    assert figures[182].manner == "summarily executed"
    assert figures[182].perpetrator_or_cause == "defense and interior ministry personnel"
    assert figures[3].manner == "summarily executed"
    assert figures[3].perpetrator_or_cause == "Druze fighters"
    assert figures[15].perpetrator_or_cause == "Israeli strikes"
    assert figures[326].victims == "Druze fighters"
    assert figures[262].victims == "Druze civilians"
    assert figures[262].victim_type.value == "civilian"
    assert figures[312].victim_type.value == "security_forces"
    assert figures[326].victim_type.value == "combatant"
    assert figures[940].time_text == "since last weekend"
    location = figures[940].location
    assert location is not None
    assert location.text == "Sweida"
    assert location.place is not None
    assert location.place.country_code == "SY"
    for figure in figures.values():
        assert figure.evidence.field == "body"
        assert "940" in figures[940].evidence.text


def test_sweida_summary_is_the_stated_toll(seed_results: list[Enrichment]) -> None:
    totals = seed_results[SWEIDA].totals
    assert totals.killed == 940
    assert (totals.injured, totals.missing, totals.kidnapped) == (None, None, None)
    assert (totals.arrested, totals.displaced) == (None, None)


@pytest.mark.parametrize("position", [0, 1, 2])
def test_other_seed_stories_have_no_casualty_figures(
    position: int, seed_results: list[Enrichment]
) -> None:
    result = seed_results[position]
    assert result.casualties == []
    assert result.totals.model_dump(exclude_none=True) == {}


@pytest.mark.parametrize("position", [0, 1, 2, 3])
def test_seed_entities_match_gold(
    position: int, seed_stories: list[SeedStory], seed_results: list[Enrichment]
) -> None:
    gold = seed_stories[position].gold
    optional = {_without_article(n) for n in gold.get("optional_entities", [])}
    for label in LABELS:
        expected = {_without_article(n) for n in gold["entities"][label]}
        found = {e.name for e in seed_results[position].entities if e.label == label}
        assert expected <= found, (label, expected - found)
        assert found - expected <= optional, (label, found - expected - optional)


def _entity(result: Enrichment, name: str) -> EntityFinding:
    matches = [e for e in result.entities if e.name == name]
    assert len(matches) == 1, [e.name for e in result.entities]
    return matches[0]


@pytest.mark.parametrize(
    ("position", "name", "aliases"),
    [
        (0, "Gideon Sa'ar", {"Gideon Saar"}),
        (0, "Donald Trump", {"Trump", "President Trump"}),
        (0, "United States", {"US"}),
        (0, "Benjamin Netanyahu", {"Netanyahu", "Prime Minister Benjamin Netanyahu"}),
        (1, "Donald Trump", {"Trump", "President Donald Trump"}),
        (1, "United States", {"U.S."}),
        (1, "Rupert Murdoch", {"Murdoch", "Rupert"}),
        (2, "United States", {"America"}),
        (2, "Naim Qassem", {"Qassem", "Sheikh Naim Qassem"}),
        (3, "Syrian Observatory for Human Rights", {"Observatory"}),
    ],
)
def test_seed_aliases_are_merged(
    position: int, name: str, aliases: set[str], seed_results: list[Enrichment]
) -> None:
    result = seed_results[position]
    entity = _entity(result, name)
    assert aliases <= set(entity.aliases)
    others = {e.name for e in result.entities if e is not entity}
    assert not (others & (aliases | {name}))


def test_scare_quotes_and_possessives_make_no_new_entities(
    seed_stories: list[SeedStory], seed_results: list[Enrichment]
) -> None:
    result = seed_results[0]
    israel = _entity(result, "Israel")
    body = seed_stories[0].body
    assert israel.mention_count >= body.count('"Israel')
    assert not [e for e in result.entities if "'" in e.name and "Israel" in e.name]
    assert {m.text for m in israel.mentions} == {"Israel"}


def test_one_person_for_al_sharaa(seed_results: list[Enrichment]) -> None:
    sharaa = [e for e in seed_results[0].entities if "Sharaa" in e.name]
    assert [e.name for e in sharaa] == ["Ahmad al-Sharaa"]
    assert sharaa[0].label == "PERSON"
    assert sharaa[0].mention_count == 2


def test_places_are_resolved(seed_results: list[Enrichment]) -> None:
    main = seed_results[0]
    united_states = _entity(main, "United States").place
    assert united_states is not None
    assert (united_states.country_code, united_states.feature) == ("US", "country")
    washington = _entity(main, "Washington").place
    assert washington is not None
    assert washington.country_code == "US"
    assert washington.geonames_id is not None
    assert washington.latitude is not None
    sweida = _entity(seed_results[SWEIDA], "Sweida").place
    assert sweida is not None
    assert sweida.country_code == "SY"
    assert _entity(main, "Golan Heights").place is None


def test_headline_source_is_an_organisation(seed_results: list[Enrichment]) -> None:
    axios = _entity(seed_results[0], "Axios")
    assert axios.label == "ORG"
    assert any(m.field == "title" for m in axios.mentions)


def test_salience_ranks_the_story_subjects_first(seed_results: list[Enrichment]) -> None:
    names = [e.name for e in seed_results[2].entities if e.label != "NORP"]
    assert names[0] == "Naim Qassem"
    assert all(0.0 <= e.salience <= 1.0 for r in seed_results for e in r.entities)
