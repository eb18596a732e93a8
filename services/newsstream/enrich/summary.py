"""The per-article casualty summary: one best total per kind."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from newsstream.models import CasualtyFinding, CasualtyKind, CasualtyTotals


def summarise(
    findings: Sequence[CasualtyFinding],
    superseded: Collection[str] = (),
    joined: Iterable[Collection[str]] = (),
    hits: Collection[str] = (),
    running: Collection[str] = (),
) -> CasualtyTotals:
    """Per kind: the stated toll where there is one, else the sum of the parts.

    The toll is the largest total still standing (a total that a later "rose to" figure
    replaced no longer stands), because articles that give several totals usually give a
    whole and smaller tolls of its episodes. Totals of disjoint groups stated together
    (`joined`: "two soldiers and one civilian were killed") count as one toll, their sum.
    A count of people hit (`hits`: "six people were shot") includes the dead: the killed
    total is taken out of it when it fits. Without a total, the figures that are not part of
    another figure are added up, so "182 of whom" is never counted twice. Vague amounts have
    no number and add nothing; a kind without any number stays null. Counts of a period
    running up to now (`running`: "126 people murdered this year") take in more than the
    event told of: they count only where nothing else counts their kind.
    """
    groups = [frozenset(group) for group in joined]
    kinds = {f.figure_id: f.kind for f in findings}
    values: dict[str, int | None] = {}
    for kind in CasualtyKind:
        counted = [f for f in findings if f.kind is kind and f.count is not None]
        counted = [f for f in counted if f.figure_id not in running] or counted
        dead = values.get(CasualtyKind.KILLED.value) or 0
        standing = {
            f.figure_id: f.count - _taken_out(f, findings, dead if f.figure_id in hits else 0)
            for f in counted
            if (f.is_total or _apart(f, kinds)) and f.figure_id not in superseded
            if f.count is not None
        }
        if standing:
            values[kind.value] = max(_tolls(standing, groups))
            continue
        parts = [f.count for f in counted if f.part_of is None and f.count is not None]
        values[kind.value] = sum(parts) if parts else None
    return CasualtyTotals(**values)


def _apart(finding: CasualtyFinding, kinds: dict[str, CasualtyKind]) -> bool:
    """A part of a whole of another kind stands alone for its own kind: "eight people were
    shot, one of whom died" counts one dead."""
    parent = finding.part_of
    return parent is not None and kinds.get(parent, finding.kind) is not finding.kind


def _taken_out(whole: CasualtyFinding, findings: Sequence[CasualtyFinding], dead: int) -> int:
    """Parts of another kind leave a whole of the injured: of "eight people were shot, one
    of whom died", seven were injured; of people hit, the `dead` that fit in the count."""
    if whole.kind is not CasualtyKind.INJURED:
        return 0
    parts = sum(
        f.count or 0
        for f in findings
        if f.part_of == whole.figure_id and f.kind is CasualtyKind.KILLED
    )
    count = whole.count or 0
    return max(parts, dead if dead <= count else 0)


def _tolls(standing: dict[str, int], joined: Iterable[Collection[str]]) -> list[int]:
    """Each standing total alone, and each group of joined ones as their sum."""
    tolls = list(standing.values())
    for group in joined:
        members = [standing[i] for i in group if i in standing]
        if len(members) > 1:
            tolls.append(sum(members))
    return tolls
