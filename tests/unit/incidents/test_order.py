"""The same reports give the same incidents, ids and totals whatever the order they come in."""

from __future__ import annotations

import random
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsstream.incidents import LinkPolicy, Report
from tests.unit.incidents.outcomes import final_incidents
from tests.unit.incidents.reports import reports

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(reports(), st.randoms(use_true_random=False), st.sampled_from([0.1, 0.35, 0.6]))
def test_any_order_gives_the_same_incidents(
    made: list[Report], shuffler: random.Random, threshold: float
) -> None:
    """Any permutation, with a lateness allowance covering the whole span (nothing closes
    early): every incident value, id, version and total is the same as in published order."""
    policy = LinkPolicy(threshold=threshold, allowed_lateness=timedelta(days=30))
    in_order = final_incidents(sorted(made, key=Report.order_key), policy)
    shuffled = list(made)
    shuffler.shuffle(shuffled)
    assert final_incidents(shuffled, policy) == in_order
    members = sorted(r.article_id for i in in_order.values() for r in i.reports)
    assert members == sorted(r.article_id for r in made)  # every report in exactly one


@SETTINGS
@given(
    reports(max_size=16, max_hours=24 * 30),
    st.lists(st.integers(min_value=0, max_value=23), min_size=16, max_size=16),
)
def test_bounded_lateness_with_closing_gives_the_same_incidents(
    made: list[Report], jitter_hours: list[int]
) -> None:
    """Reports arriving up to the allowed lateness out of order, with incidents closing along
    the way (a short quiet period over a month of reports): the same final incidents."""
    policy = LinkPolicy(
        threshold=0.35, quiet_period=timedelta(days=2), allowed_lateness=timedelta(hours=24)
    )
    in_order = final_incidents(sorted(made, key=Report.order_key), policy)
    jitter = {r.article_id: timedelta(hours=h) for r, h in zip(made, jitter_hours, strict=False)}
    arrival = sorted(made, key=lambda r: (r.published_at + jitter[r.article_id], r.article_id))
    assert final_incidents(arrival, policy) == in_order
