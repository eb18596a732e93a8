"""Final incidents of a run: what the compacted topic would hold at its end."""

from __future__ import annotations

from collections.abc import Iterable

from newsstream.incidents import IncidentLinker, LinkPolicy, Report
from newsstream.models.incident import IncidentV1


def final_incidents(reports: Iterable[Report], policy: LinkPolicy) -> dict[str, IncidentV1]:
    """Feed one linker, apply every outcome as a consumer of the topic would (latest value per
    id, tombstones for retired ids), then close what is still open."""
    linker = IncidentLinker(policy)
    topic: dict[str, IncidentV1] = {}
    for report in reports:
        outcome = linker.add(report)
        for incident in outcome.closed:
            topic[incident.incident_id] = incident
        if outcome.updated is not None:
            topic[outcome.updated.incident_id] = outcome.updated
        for retired in outcome.retired:
            topic.pop(retired, None)
    for incident in linker.close_all():
        topic[incident.incident_id] = incident
    return topic
