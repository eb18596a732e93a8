"""Reports in, incidents out: single-linkage clustering of reports, one partition key at a time.

Two reports are linked when their similarity score reaches the policy's threshold, and an
incident is a connected component of that graph. Single linkage makes the result a function of
the set of reports, not of their order: a report joins every open incident it links to, merging
them. Everything derived from an incident (its id, totals, place, version) is computed from its
member set, ordered by published time then article_id, never by arrival:

- `incident_id` is a UUIDv5 of the earliest member's article_id. When incidents merge, or a
  report earlier than all members arrives, the id is that of the earliest member, and every
  other id the incident had is *retired*: the caller writes a tombstone for it.
- `version` counts the report versions absorbed (an edited article is a new version), merges
  included, so it grows with every change and is the same whatever the order.

State is bounded in event time: an incident closes when the newest published time seen (the
watermark) is more than the quiet period plus the allowed lateness past its latest report.
Reports more than the quiet period apart are never linked, so closing changes nothing as long
as reports arrive at most the allowed lateness behind the watermark. A report arriving later
than that is still taken, against the incidents still open: if its own incident has closed, it
opens a new one (a later report of that event may join it), and the result then depends on
arrival order. A closed incident is dropped from the open set; its last value stays on the
compacted topic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from newsstream import __version__, ids
from newsstream.incidents.policy import LinkPolicy
from newsstream.incidents.similarity import linked
from newsstream.incidents.state import LinkerState, OpenIncident
from newsstream.incidents.totals import current_totals
from newsstream.models.incident import IncidentReport, IncidentV1, Report

PRODUCER = f"newsstream.incidents/{__version__}"
#: Victims listed per incident at most: the message stays small for incidents of many reports.
MAX_VICTIMS = 50

_T = TypeVar("_T")


@dataclass(frozen=True)
class LinkOutcome:
    """What one report changed."""

    updated: IncidentV1 | None = None  # the report's incident, None when nothing changed
    retired: list[str] = field(default_factory=list)  # ids to tombstone
    closed: list[IncidentV1] = field(default_factory=list)  # incidents dropped from the state
    late: bool = False  # arrived more than the allowed lateness behind the watermark


def incident_id(reports: Sequence[Report]) -> str:
    """The id of an incident: its earliest member's, whatever the order they came in."""
    earliest = min(reports, key=Report.order_key)
    return ids.stable_id("incident", earliest.article_id)


def _version_key(report: Report) -> str:
    return f"{report.article_id}\x1f{report.revision}"


def _preferred(a: Report, b: Report) -> Report:
    """Of two versions of one article, the one kept: a choice that ignores arrival."""
    return max(a, b, key=lambda r: (r.published_at, r.revision))


class IncidentLinker:
    """The linker of one partition key; `state` is what the caller persists."""

    def __init__(self, policy: LinkPolicy | None = None, state: LinkerState | None = None):
        self.policy = policy or LinkPolicy()
        self.state = state or LinkerState()

    def add(self, report: Report) -> LinkOutcome:
        """Link one report: it joins (and merges) the open incidents it links to, or opens one."""
        policy = self.policy
        watermark = self.state.watermark
        late = watermark is not None and report.published_at < watermark - policy.allowed_lateness
        key = _version_key(report)
        if any(key in incident.absorbed for incident in self.state.incidents):
            return LinkOutcome(late=late)  # a redelivery: nothing changes
        joined: list[OpenIncident] = []
        kept: list[OpenIncident] = []
        for incident in self.state.incidents:
            if any(
                member.article_id == report.article_id or linked(report, member, policy)
                for member in incident.reports
            ):
                joined.append(incident)
            else:
                kept.append(incident)
        members: dict[str, Report] = {}
        for member in (*(r for i in joined for r in i.reports), report):
            known = members.get(member.article_id)
            members[member.article_id] = member if known is None else _preferred(known, member)
        absorbed = sorted({key, *(k for i in joined for k in i.absorbed)})
        merged = OpenIncident(
            reports=sorted(members.values(), key=Report.order_key),
            absorbed=absorbed,
            forgotten=sum(i.forgotten for i in joined),
        )
        new_id = incident_id(merged.reports)
        retired = sorted({incident_id(i.reports) for i in joined} - {new_id})
        newest = report.published_at if watermark is None else max(watermark, report.published_at)
        open_now, closed = _close([*kept, merged], newest, policy)
        self.state = LinkerState(watermark=newest, incidents=open_now)
        return LinkOutcome(
            updated=to_incident(merged),
            retired=retired,
            closed=[to_incident(i) for i in closed],
            late=late,
        )

    def add_all(self, reports: Iterable[Report]) -> list[LinkOutcome]:
        return [self.add(report) for report in reports]

    def open_incidents(self) -> list[IncidentV1]:
        """The incidents still open, by id."""
        return sorted((to_incident(i) for i in self.state.incidents), key=lambda i: i.incident_id)

    def close_all(self) -> list[IncidentV1]:
        """Close every open incident (end of input); they are returned and the state emptied."""
        closed = self.open_incidents()
        self.state = LinkerState(watermark=self.state.watermark)
        return closed


def _close(
    incidents: Sequence[OpenIncident], watermark: datetime, policy: LinkPolicy
) -> tuple[list[OpenIncident], list[OpenIncident]]:
    """Split into those still open and those quiet for longer than the period, by id."""
    cutoff = watermark - policy.quiet_period - policy.allowed_lateness
    ordered = sorted(incidents, key=lambda i: incident_id(i.reports))
    open_now = [i for i in ordered if _latest(i) >= cutoff]
    closed = [i for i in ordered if _latest(i) < cutoff]
    return open_now, closed


def _latest(incident: OpenIncident) -> datetime:
    return max(r.published_at for r in incident.reports)


def _most_common_earliest(values: Iterable[tuple[_T, Report]]) -> tuple[_T, Report] | None:
    """The value most members give; ties go to the earliest member's."""
    pairs = sorted(values, key=lambda p: p[1].order_key())
    if not pairs:
        return None
    counts = Counter(value for value, _ in pairs)
    top = max(counts.values())
    return next(p for p in pairs if counts[p[0]] == top)


def to_incident(incident: OpenIncident) -> IncidentV1:
    """The incident as it stands: everything a function of its member set."""
    reports = incident.reports
    identifier = incident_id(reports)
    version = len(incident.absorbed) + incident.forgotten
    place = _most_common_earliest(
        (r.place.geonames_id or r.place.name, r) for r in reports if r.place is not None
    )
    when = _most_common_earliest((r.event_date, r) for r in reports if r.event_date is not None)
    timed = [r for r in reports if r.time_text]
    causes = [r for r in reports if r.perpetrator_or_cause]
    victims = list(dict.fromkeys(v for r in reports for v in r.victims))[:MAX_VICTIMS]
    return IncidentV1(
        event_id=ids.stable_id("incident_event", identifier, str(version)),
        producer=PRODUCER,
        incident_id=identifier,
        version=version,
        totals=current_totals(reports),
        place=place[1].place if place else None,
        place_text=place[1].place_text if place else None,
        event_date=when[0].isoformat() if when else None,
        time_text=timed[0].time_text if timed else None,
        perpetrator_or_cause=causes[-1].perpetrator_or_cause if causes else None,
        victims=victims,
        first_seen=reports[0].published_at,
        last_updated=max(r.published_at for r in reports),
        reports=[
            IncidentReport(
                article_id=r.article_id,
                url=r.url,
                publisher=r.publisher,
                published_at=r.published_at,
                title=r.title,
                figures={kind: figure.count for kind, figure in r.figures.items()},
            )
            for r in reports
        ],
    )
