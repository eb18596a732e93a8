"""Casualty figures: counts, kinds, qualifiers, parts and wholes, and what is not a figure."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsstream.enrich import Enrichment
from newsstream.models import CasualtyFinding, CountQualifier

Enrich = Callable[..., Enrichment]


def _figures(result: Enrichment) -> list[tuple[int | None, str]]:
    return [(f.count, f.kind.value) for f in result.casualties]


def _one(result: Enrichment) -> CasualtyFinding:
    assert len(result.casualties) == 1, _figures(result)
    return result.casualties[0]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Three people were killed and 28 injured.", [(3, "killed"), (28, "injured")]),
        ("A dozen soldiers were wounded in the ambush.", [(12, "injured")]),
        ("A roadside bomb kills 35 and injures 27.", [(35, "killed"), (27, "injured")]),
        ("10 men were shot to death and two others became injured.",
         [(10, "killed"), (2, "injured")]),
        ("The army said it had eliminated 30 militants.", [(30, "killed")]),
        ("Troops captured 14 fighters near the border.", [(14, "arrested")]),
        ("Gunmen abducted 20 students from a school.", [(20, "kidnapped")]),
        ("Some 5,000 residents were evacuated from the area.", [(5000, "displaced")]),
        ("More than 300 people have died of cholera this year.", [(300, "killed")]),
        ("The toll is expected to rise, as more than 1,700 are still missing.",
         [(1700, "missing")]),
        ("An explosion in a factory left 11 dead and five injured on Tuesday.",
         [(11, "killed"), (5, "injured")]),
    ],
)  # fmt: skip
def test_counts_and_kinds(text: str, figures: list[tuple[int, str]], enrich_text: Enrich) -> None:
    assert _figures(enrich_text(text)) == figures


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("At least 21 people were killed in the blast.", CountQualifier.AT_LEAST),
        ("More than 100 people were wounded in the blast.", CountQualifier.MORE_THAN),
        ("Nearly 1,000 people have died since the offensive began.", CountQualifier.APPROX),
        ("Some 15 soldiers died during the operation.", CountQualifier.APPROX),
        ("The death toll topped 1,000 on Sunday.", CountQualifier.MORE_THAN),
        ("Four people were killed in the blast.", CountQualifier.EXACT),
    ],
)
def test_qualifiers(text: str, qualifier: CountQualifier, enrich_text: Enrich) -> None:
    assert _one(enrich_text(text)).count_qualifier is qualifier


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Dozens of people were killed in the raid.", 24, 99),
        ("Hundreds were injured in the stampede.", 200, 999),
        ("Between 10 and 15 people were killed in the clashes.", 10, 15),
    ],
)
def test_vague_amounts_are_ranges_never_numbers(
    text: str, low: int, high: int, enrich_text: Enrich
) -> None:
    result = enrich_text(text)
    figure = _one(result)
    assert figure.count is None
    assert (figure.count_low, figure.count_high) == (low, high)
    assert figure.count_qualifier is CountQualifier.APPROX
    assert result.totals.model_dump(exclude_none=True) == {}


def test_including_gives_parts_of_the_total(enrich_text: Enrich) -> None:
    result = enrich_text("The strike killed ten people, including six children and two women.")
    total, children, women = result.casualties
    assert (total.count, total.is_total) == (10, True)
    assert (children.count, children.part_of, children.is_total) == (6, total.figure_id, False)
    assert (women.count, women.part_of) == (2, total.figure_id)
    assert children.victim_type.value == "civilian"
    assert result.totals.killed == 10


def test_of_whom_is_part_of_the_figure_before(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The dead included 30 soldiers and 20 civilians, 12 of whom were shot dead by gunmen."
    )
    soldiers, civilians, shot = result.casualties
    assert shot.count == 12
    assert shot.part_of == civilians.figure_id
    assert shot.manner == "shot dead"
    assert shot.perpetrator_or_cause == "gunmen"
    assert (shot.victims, shot.victim_type) == (civilians.victims, civilians.victim_type)
    assert shot.victims == "civilians"
    assert not soldiers.is_total
    assert result.totals.killed == 50


def test_another_joins_the_list_of_parts(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The death toll rose to 60. The dead included 30 soldiers and 20 civilians. "
        "Another 10 police officers were killed in an ambush."
    )
    toll, *parts = result.casualties
    assert [p.count for p in parts] == [30, 20, 10]
    assert all(p.part_of == toll.figure_id for p in parts)
    assert result.totals.killed == 60


def test_another_without_a_list_is_a_new_total(enrich_text: Enrich) -> None:
    result = enrich_text("At least 480 people died, and another 2,500 were injured.")
    assert [(f.count, f.kind.value, f.is_total) for f in result.casualties] == [
        (480, "killed", True),
        (2500, "injured", True),
    ]


def test_superseded_toll_gives_way_to_the_later_one(enrich_text: Enrich) -> None:
    result = enrich_text("Gunmen killed 11 villagers on Monday. The death toll later rose to 141.")
    first, later = result.casualties
    assert (first.count, later.count) == (11, 141)
    assert result.totals.killed == 141
    assert result.notes == [f"figure {first.figure_id} was superseded by a later toll"]


def test_parts_without_a_total_are_summed_once(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Police said 4 people were killed in the north. In the south, 3 people were killed."
    )
    assert result.totals.killed == 4
    parts = enrich_text("The dead included 5 soldiers and 3 civilians, 2 of whom were children.")
    assert parts.totals.killed == 8


@pytest.mark.parametrize(
    "text",
    [
        "A 21-year-old man was charged on Monday.",
        "The company paid $10 billion in 2019 for 40% of the shares.",
        "Three tanks were destroyed and 2,000 homes were damaged.",
        "At least 50 people were killed or wounded in the attack.",
        "Three players were injured in Saturday's match against the league leaders.",
        "The 1974 agreement was signed after talks spanning three decades.",
        "Sk Mohammed, 60, was questioned by police.",
        "There were days when more than 450 people died.",
        "No one was killed in the attack.",
        "The storm could kill thousands, experts warned.",
        "Epstein died by suicide in a New York jail cell in 2019.",
        "Around 20 gunmen attacked the village.",
        "A man pleaded guilty to charges he threatened to kill two officers.",
        "The actor has been eliminated from the dancing contest.",
    ],
)
def test_numbers_that_are_not_casualty_figures(text: str, enrich_text: Enrich) -> None:
    assert _figures(enrich_text(text)) == []


def test_headline_figure_repeated_in_body_is_one_event(enrich_text: Enrich) -> None:
    result = enrich_text(
        "An explosion at a market killed 11 people on Tuesday, police said.",
        title="Blast kills 11 in market",
    )
    figure = _one(result)
    assert figure.evidence.field == "body"


def test_headline_figure_only_when_the_body_does_not_state_it(enrich_text: Enrich) -> None:
    result = enrich_text(
        "The bus overturned on the highway near the town.", title="Seven Injured As Bus Overturns"
    )
    figure = _one(result)
    assert (figure.count, figure.kind.value) == (7, "injured")
    assert figure.evidence.field == "title"
    assert figure.evidence.text == "Seven Injured As Bus Overturns"


def test_rounded_headline_figure_restates_the_body(enrich_text: Enrich) -> None:
    result = enrich_text(
        "At least 480 people died in Saturday's earthquake, officials said.",
        title="As death toll nears 500, rescuers race against the clock",
    )
    assert _figures(result) == [(480, "killed")]


def test_same_figure_repeated_in_the_body_is_one_event(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Gunmen shot dead 34 people in two villages. Police confirmed that 34 people were "
        'killed. "34 people were killed by the bandits," a spokesman said.'
    )
    assert _figures(result) == [(34, "killed")]


def test_a_lone_victim_counts_one(enrich_text: Enrich) -> None:
    result = enrich_text("The head of the country's nuclear forces has been killed in Moscow.")
    figure = _one(result)
    assert (figure.count, figure.kind.value) == (1, "killed")
    assert figure.location is not None
    assert figure.location.text == "Moscow"


def test_a_lone_victim_inside_a_stated_count_is_not_counted_again(enrich_text: Enrich) -> None:
    result = enrich_text(
        "Three people died in the fire. A firefighter was killed when a wall fell."
    )
    assert _figures(result) == [(3, "killed")]


def test_evidence_is_the_sentence(enrich_text: Enrich) -> None:
    body = "Officials met on Monday.\n\nFour people were killed in the blast, police said."
    figure = _one(enrich_text(body))
    assert figure.evidence.text == "Four people were killed in the blast, police said."
    assert body[figure.evidence.start : figure.evidence.end] == figure.evidence.text


def test_ids_are_deterministic_and_distinct(enrich_text: Enrich) -> None:
    text = "Three people were killed and 28 injured. Police arrested 5 suspects."
    first, second = enrich_text(text), enrich_text(text)
    assert first == second
    ids = [f.figure_id for f in first.casualties]
    assert len(ids) == len(set(ids)) == 3


def test_a_headline_without_a_full_stop_keeps_each_count_with_its_verb(
    enrich_text: Callable[..., Enrichment],
) -> None:
    found = enrich_text("A roadside bomb kills 35 and injures 27")
    assert sorted((f.count, f.kind.value) for f in found.casualties) == [
        (27, "injured"),
        (35, "killed"),
    ]
