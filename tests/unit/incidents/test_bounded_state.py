"""The state of one region key always fits one changelog record, however many reports of how
many incidents arrive within the quiet period."""

from __future__ import annotations

from newsstream.incidents import IncidentLinker, LinkPolicy, dumps, to_incident
from newsstream.pipeline.incidents import MAX_MEMBERS, bounded
from tests.unit.incidents.reports import report

BUDGET = 40_000


def test_a_story_told_by_hundreds_of_reports_keeps_its_id_and_counts_every_version() -> None:
    linker = IncidentLinker(LinkPolicy())
    for n in range(300):
        linker.add(report(f"a{n:03}", hours=n / 60, text=0, city="nashville"))
    [before] = linker.state.incidents
    state, closed = bounded(linker.state, BUDGET)
    [after] = state.incidents
    assert closed == 0
    assert len(after.reports) == MAX_MEMBERS
    assert to_incident(after).incident_id == to_incident(before).incident_id
    assert to_incident(after).version == to_incident(before).version == 300
    assert len(dumps(state)) <= BUDGET


def test_too_many_open_incidents_close_the_oldest_first() -> None:
    linker = IncidentLinker(LinkPolicy())
    for n in range(400):  # unrelated reports: each its own incident
        linker.add(report(f"b{n:03}", hours=n / 60, people=(f"person {n}",)))
    state, closed = bounded(linker.state, BUDGET)
    assert closed > 0
    assert len(dumps(state)) <= BUDGET
    kept = {incident.reports[0].article_id for incident in state.incidents}
    assert "b399" in kept
    assert "b000" not in kept
