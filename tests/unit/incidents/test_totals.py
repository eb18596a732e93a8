"""An incident's totals: latest stated, updates that stand, sums only without a stated toll."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from newsstream.incidents import Report
from newsstream.incidents.totals import current_total, current_totals
from newsstream.models import CasualtyKind
from newsstream.models.incident import TotalMethod
from tests.unit.incidents.reports import report, reports

KILLED = CasualtyKind.KILLED
STATED = TotalMethod.LATEST_STATED
UPDATE = TotalMethod.SUPERSEDING
PARTS = TotalMethod.SUM_OF_PARTS


def _killed(*figures: tuple[str, float, int, TotalMethod]) -> tuple[int, TotalMethod, str]:
    made = [report(a, h, figures={KILLED: (n, m)}) for a, h, n, m in figures]
    total = current_total(made, KILLED)
    assert total is not None
    return total.count, total.method, total.article_id


def test_the_latest_stated_toll_stands_whatever_its_size() -> None:
    assert _killed(("a", 0, 5, STATED), ("b", 3, 4, STATED)) == (4, STATED, "b")


def test_an_update_is_not_undone_by_a_later_smaller_restatement() -> None:
    assert _killed(("a", 0, 9, UPDATE), ("b", 3, 4, STATED)) == (9, UPDATE, "a")
    assert _killed(("a", 0, 9, UPDATE), ("b", 3, 12, STATED)) == (12, STATED, "b")
    assert _killed(("a", 0, 9, UPDATE), ("b", 3, 7, UPDATE)) == (7, UPDATE, "b")


def test_a_sum_of_parts_counts_only_without_a_stated_toll() -> None:
    assert _killed(("a", 0, 3, STATED), ("b", 3, 5, PARTS)) == (3, STATED, "a")
    assert _killed(("a", 0, 2, PARTS), ("b", 3, 5, PARTS)) == (5, PARTS, "b")


def test_ties_in_time_go_by_article_id_and_kinds_without_figures_are_null() -> None:
    assert _killed(("b", 0, 1, STATED), ("a", 0, 2, STATED)) == (1, STATED, "b")
    assert current_totals([report("a", 0)]).of(CasualtyKind.MISSING) is None


@settings(max_examples=200, deadline=None)
@given(reports(max_size=10), st.randoms(use_true_random=False))
def test_totals_do_not_depend_on_the_order_of_reports(
    made: list[Report], shuffler: random.Random
) -> None:
    shuffled = list(made)
    shuffler.shuffle(shuffled)
    assert current_totals(shuffled) == current_totals(made)
