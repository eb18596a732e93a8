"""The per-article casualty summary: one best total per kind."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from newsstream.models import CasualtyFinding, CasualtyKind, CasualtyTotals


def summarise(
    findings: Sequence[CasualtyFinding], superseded: Collection[str] = ()
) -> CasualtyTotals:
    """Per kind: the stated toll where there is one, else the sum of the parts.

    The toll is the largest total still standing (a total that a later "rose to" figure
    replaced no longer stands), because articles that give several totals usually give a
    whole and smaller tolls of its episodes. Without a total, the figures that are not part
    of another figure are added up, so "182 of whom" is never counted twice. Vague amounts
    have no number and add nothing; a kind without any number stays null.
    """
    values: dict[str, int | None] = {}
    for kind in CasualtyKind:
        counted = [f for f in findings if f.kind is kind and f.count is not None]
        totals = [f.count for f in counted if f.is_total and f.figure_id not in superseded]
        if totals:
            values[kind.value] = max(c for c in totals if c is not None)
            continue
        parts = [f.count for f in counted if f.part_of is None and f.count is not None]
        values[kind.value] = sum(parts) if parts else None
    return CasualtyTotals(**values)
