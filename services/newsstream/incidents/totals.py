"""An incident's current total per kind, chosen among its reports' figures.

The choice depends on the set of reports only, never on the order they arrived: reports are
ranked by published time, then article_id. Per kind:

- a toll stated outright beats a sum of parts (an article that only adds up its parts may miss
  some), so sums count only where no report states a toll of the kind;
- among stated tolls the latest stands (`latest_stated`), because later reports know more;
- except that a toll stated as an update ("rose to 12", `superseding`) is not undone by a later
  report restating a smaller figure: outlets reprint early wire copy after the toll has risen.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsstream.models import CasualtyKind
from newsstream.models.incident import IncidentTotal, IncidentTotals, Report, TotalMethod


def current_total(reports: Iterable[Report], kind: CasualtyKind) -> IncidentTotal | None:
    """The incident's total of `kind`, or None when no report gives a number of that kind."""
    ranked = sorted((r for r in reports if kind in r.figures), key=Report.order_key)
    if not ranked:
        return None
    stated = [r for r in ranked if r.figures[kind].method is not TotalMethod.SUM_OF_PARTS]
    if not stated:
        last = ranked[-1]
        return IncidentTotal(
            count=last.figures[kind].count,
            method=TotalMethod.SUM_OF_PARTS,
            article_id=last.article_id,
        )
    best = stated[0]
    update: Report | None = None  # the latest update so far
    for report in stated:
        count = report.figures[kind].count
        if report.figures[kind].method is TotalMethod.SUPERSEDING:
            update = best = report
        elif update is None or count >= update.figures[kind].count:
            best = report
    figure = best.figures[kind]
    return IncidentTotal(count=figure.count, method=figure.method, article_id=best.article_id)


def current_totals(reports: Iterable[Report]) -> IncidentTotals:
    """Every kind's current total."""
    members = list(reports)
    return IncidentTotals(**{kind.value: current_total(members, kind) for kind in CasualtyKind})
