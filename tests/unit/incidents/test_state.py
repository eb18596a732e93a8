"""The linker's state as bytes: the same after a round trip, and it carries on identically."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsstream.incidents import IncidentLinker, LinkPolicy, Report, dumps, loads
from tests.unit.incidents.reports import report, reports


def test_round_trip_of_a_state_with_incidents() -> None:
    linker = IncidentLinker(LinkPolicy())
    linker.add(report("a", 0, people=("ann lee",), city="nashville", text=1))
    linker.add(report("b", 2, people=("ann lee",), country="US"))
    data = dumps(linker.state)
    assert isinstance(data, bytes)
    assert loads(data) == linker.state
    assert dumps(loads(data)) == data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_size=12), st.integers(min_value=0, max_value=12))
def test_a_restored_state_carries_on_as_the_original(made: list[Report], cut: int) -> None:
    """A worker taking over from the changelog after `cut` reports ends where one worker ends."""
    policy = LinkPolicy(quiet_period=timedelta(days=3))
    ordered = sorted(made, key=Report.order_key)
    whole = IncidentLinker(policy)
    whole.add_all(ordered)
    first = IncidentLinker(policy)
    first.add_all(ordered[:cut])
    restored = IncidentLinker(policy, loads(dumps(first.state)))
    restored.add_all(ordered[cut:])
    assert restored.state == whole.state
