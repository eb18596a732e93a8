"""Linking rules: merges and retired ids, closing in event time, redeliveries and edits."""

from __future__ import annotations

from datetime import timedelta

from newsstream import ids
from newsstream.incidents import IncidentLinker, LinkPolicy
from tests.unit.incidents.reports import report

POLICY = LinkPolicy()


def test_a_report_sharing_a_person_and_place_joins_the_open_incident() -> None:
    linker = IncidentLinker(POLICY)
    first = linker.add(report("a", 0, people=("ann lee",), city="nashville"))
    second = linker.add(report("b", 5, people=("ann lee",), city="nashville"))
    assert first.updated is not None
    assert second.updated is not None
    assert second.updated.incident_id == first.updated.incident_id == ids.stable_id("incident", "a")
    assert [r.article_id for r in second.updated.reports] == ["a", "b"]
    assert second.updated.version == 2


def test_context_alone_does_not_link() -> None:
    """Same city, same day, same toll, but nothing in common in text or people: two events."""
    linker = IncidentLinker(POLICY)
    linker.add(report("a", 0, city="nashville", text=0))
    outcome = linker.add(report("b", 1, city="nashville", text=1))
    assert outcome.updated is not None
    assert len(outcome.updated.reports) == 1
    assert len(linker.state.incidents) == 2


def test_other_state_or_country_vetoes_a_link() -> None:
    linker = IncidentLinker(POLICY)
    linker.add(report("a", 0, people=("ann lee",), text=0, city="nashville"))
    texas = linker.add(report("b", 1, people=("ann lee",), text=0, city="houston"))
    syria = linker.add(report("c", 1, people=("ann lee",), text=0, country="SY"))
    assert texas.updated is not None
    assert syria.updated is not None
    assert len(texas.updated.reports) == len(syria.updated.reports) == 1


def test_a_bridging_report_merges_two_incidents_and_retires_the_later_id() -> None:
    linker = IncidentLinker(POLICY)
    linker.add(report("a", 0, people=("ann lee",), city="memphis"))
    linker.add(report("c", 10, people=("bo chan",), city="memphis"))
    assert len(linker.state.incidents) == 2
    bridge = linker.add(report("b", 20, people=("ann lee", "bo chan"), city="memphis"))
    assert bridge.updated is not None
    assert bridge.updated.incident_id == ids.stable_id("incident", "a")
    assert bridge.retired == [ids.stable_id("incident", "c")]
    assert bridge.updated.version == 3
    assert len(linker.state.incidents) == 1


def test_an_earlier_report_takes_over_the_id_and_retires_the_old_one() -> None:
    linker = IncidentLinker(POLICY)
    linker.add(report("late", 10, people=("ann lee",)))
    outcome = linker.add(report("early", 2, people=("ann lee",)))
    assert outcome.updated is not None
    assert outcome.updated.incident_id == ids.stable_id("incident", "early")
    assert outcome.retired == [ids.stable_id("incident", "late")]


def test_redelivery_changes_nothing_and_an_edit_is_a_new_version() -> None:
    linker = IncidentLinker(POLICY)
    linker.add(report("a", 0, people=("ann lee",)))
    again = linker.add(report("a", 0, people=("ann lee",)))
    assert again.updated is None
    assert not again.retired
    edited = linker.add(report("a", 0, people=("ann lee",), revision="r2"))
    assert edited.updated is not None
    assert edited.updated.version == 2
    assert len(edited.updated.reports) == 1


def test_quiet_incidents_close_and_a_report_after_that_opens_a_new_one() -> None:
    policy = LinkPolicy(quiet_period=timedelta(days=2), allowed_lateness=timedelta(hours=12))
    linker = IncidentLinker(policy)
    first = linker.add(report("a", 0, people=("ann lee",)))
    assert first.updated is not None
    # 2 days 12 hours later the cutoff equals a's time: still open.
    assert not linker.add(report("x", 60, people=("bo chan",))).closed
    closing = linker.add(report("y", 61, people=("cy dee",)))
    assert [i.incident_id for i in closing.closed] == [first.updated.incident_id]
    assert all(i.reports[0].article_id != "a" for i in linker.open_incidents())
    # A late report of the closed event opens an incident of its own.
    late = linker.add(report("b", 1, people=("ann lee",)))
    assert late.late
    assert late.updated is not None
    assert [r.article_id for r in late.updated.reports] == ["b"]


def test_reports_further_apart_than_the_quiet_period_never_link() -> None:
    policy = LinkPolicy(quiet_period=timedelta(days=2), allowed_lateness=timedelta(days=30))
    linker = IncidentLinker(policy)
    linker.add(report("a", 0, people=("ann lee",), text=0, city="nashville"))
    outcome = linker.add(report("b", 49, people=("ann lee",), text=0, city="nashville"))
    assert outcome.updated is not None
    assert len(outcome.updated.reports) == 1
