"""The casualty summary: the stated toll, else the sum of the parts that are not sub-parts."""

from __future__ import annotations

from newsstream.enrich.summary import summarise
from newsstream.models import CasualtyFinding, CasualtyKind, CountQualifier, Span

EVIDENCE = Span(text="x", start=0, end=1)


def figure(
    figure_id: str,
    count: int | None,
    kind: CasualtyKind = CasualtyKind.KILLED,
    *,
    total: bool = True,
    part_of: str | None = None,
) -> CasualtyFinding:
    return CasualtyFinding(
        figure_id=figure_id,
        count=count,
        count_low=24 if count is None else None,
        count_high=99 if count is None else None,
        count_qualifier=CountQualifier.APPROX if count is None else CountQualifier.EXACT,
        kind=kind,
        is_total=total,
        part_of=part_of,
        evidence=EVIDENCE,
    )


def test_no_figures_gives_all_nulls() -> None:
    assert summarise([]).model_dump(exclude_none=True) == {}


def test_the_largest_standing_total_wins() -> None:
    totals = summarise([figure("a", 21), figure("b", 5), figure("c", 3, total=False, part_of="a")])
    assert totals.killed == 21


def test_a_superseded_total_no_longer_counts() -> None:
    totals = summarise([figure("a", 200), figure("b", 141)], superseded={"a"})
    assert totals.killed == 141


def test_parts_are_summed_without_their_sub_parts() -> None:
    findings = [
        figure("a", 326, total=False),
        figure("b", 262, total=False),
        figure("c", 182, total=False, part_of="b"),
    ]
    assert summarise(findings).killed == 588


def test_vague_amounts_add_nothing() -> None:
    findings = [figure("a", None), figure("b", 7, CasualtyKind.INJURED)]
    totals = summarise(findings)
    assert totals.killed is None
    assert totals.injured == 7


def test_kinds_are_kept_apart() -> None:
    findings = [
        figure("a", 3, CasualtyKind.ARRESTED),
        figure("b", 20, CasualtyKind.KIDNAPPED),
        figure("c", 1700, CasualtyKind.MISSING),
        figure("d", 5000, CasualtyKind.DISPLACED),
    ]
    assert summarise(findings).model_dump(exclude_none=True) == {
        "arrested": 3,
        "kidnapped": 20,
        "missing": 1700,
        "displaced": 5000,
    }


def test_a_count_of_a_running_period_gives_way_to_the_events_own() -> None:
    findings = [figure("a", 126), figure("b", 1), figure("c", 21, CasualtyKind.INJURED)]
    totals = summarise(findings, running={"a", "c"})
    assert totals.killed == 1
    assert totals.injured == 21  # nothing else counts the injured
