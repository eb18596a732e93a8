"""Reports in, incident changes out: the linker applied record by record, state per region key.

An article with casualty figures becomes one report, sent keyed by its region (see
`newsstream.incidents.partition`), so that every report of one event meets the same state.
The state of a key (its open incidents) is read, the report linked, and the incident's new
value emitted keyed by `incident_id`, with a tombstone for every id a merge retired; the new
state is written only once the broker holds those outputs, so a worker killed in between
links the report again and, the linker being deterministic, emits the same values.
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial

from pydantic import ValidationError

from newsstream import __version__
from newsstream.enrich import Enrichment
from newsstream.incidents import (
    IncidentLinker,
    LinkerState,
    LinkPolicy,
    OpenIncident,
    Report,
    dumps,
    loads,
    partition_key,
    report_from_enrichment,
)
from newsstream.models import Article, EventType
from newsstream.models.incident import IncidentV1
from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.errors import describe_validation_error
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.pipeline.steps import Result
from newsstream.topology import Topic

log = logging.getLogger(__name__)

PRODUCER = f"newsstream.incidents/{__version__}"
SOURCE = "/newsstream/incidents"


def report_emission(article: Article, found: Enrichment, source: str) -> Emission | None:
    """The article as evidence about an incident, or None when it states no casualty figure.

    A report that cannot be built is logged and left out: the article's own events matter
    more than its contribution to an incident.
    """
    if not found.casualties:
        return None
    try:
        report = report_from_enrichment(article, found)
    except Exception:
        log.exception("no incident report for article %s", article.article_id)
        return None
    return Emission(
        output=Topic.REPORTS,
        key=partition_key(report),
        message=report,
        event_type=EventType.INCIDENT_REPORT,
        event_id=article.event_id,
        source=source,
        time=report.published_at,
        subject=article.article_id,
    )


def incident_emission(incident: IncidentV1) -> Emission:
    return _on_incidents(incident.incident_id, incident, incident.event_id, incident.last_updated)


def tombstone(incident_id: str, time: datetime) -> Emission:
    """Deletes an id a merge retired from the compacted topic."""
    return _on_incidents(incident_id, None, f"{incident_id}/retired", time)


def _on_incidents(
    incident_id: str, incident: IncidentV1 | None, event_id: str, time: datetime
) -> Emission:
    return Emission(
        output=Topic.INCIDENTS,
        key=incident_id,
        message=incident,
        event_type=EventType.INCIDENT,
        event_id=event_id,
        source=SOURCE,
        time=time,
        subject=incident_id,
    )


class IncidentStep:
    """The incidents stage: `state` maps a region key to its linker state (JSON bytes)."""

    def __init__(
        self,
        state: MutableMapping[bytes, bytes],
        policy: LinkPolicy,
        dead_letters: DeadLetters,
        max_state_bytes: int,
    ) -> None:
        self.state = state
        self.policy = policy
        self.dead_letters = dead_letters
        self.max_state_bytes = max_state_bytes

    def __call__(self, records: Sequence[ConsumedRecord]) -> list[Result]:
        return [self._one(record) for record in records]

    def _one(self, record: ConsumedRecord) -> Result:
        try:
            report = Report.model_validate_json(record.value or b"")
        except ValidationError as error:
            letter = self.dead_letters.letter(
                record,
                kind="invalid_report",
                message=describe_validation_error(error),
                stage="incidents",
                failed_at=datetime.now(UTC),
            )
            return Result([letter])
        key = record.key if record.key is not None else partition_key(report).encode()
        known = self.state.get(key)
        linker = IncidentLinker(self.policy, loads(known) if known else None)
        outcome = linker.add(report)
        emissions = []
        if outcome.updated is not None:
            emissions.append(incident_emission(outcome.updated))
            emissions.extend(
                tombstone(retired, outcome.updated.last_updated) for retired in outcome.retired
            )
        if outcome.late:
            log.info("report %s came later than the allowed lateness", report.article_id)
        state, evicted = bounded(linker.state, self.max_state_bytes)
        if evicted:
            log.warning("%d open incidents of %s closed early: its state is full", evicted, key)
        remember = partial(_store, self.state, key, dumps(state))
        return Result(emissions, after_delivery=remember, duplicate=outcome.updated is None)


#: Members an open incident keeps for linking and lists: its earliest (which gives the id) and
#: the most recent (which carry the current toll). Reports beyond them still count in `version`.
MAX_MEMBERS = 16
#: Report versions whose keys an incident keeps to recognise a redelivery.
MAX_ABSORBED = 256


def bounded(state: LinkerState, max_bytes: int) -> tuple[LinkerState, int]:
    """The state of a key, small enough for one record of the table's changelog.

    Each incident keeps at most `MAX_MEMBERS` reports and `MAX_ABSORBED` keys; if the open
    incidents of the key still do not fit, those whose latest report is oldest close early (their
    last value stays on the topic; a later report of one opens a new incident). Returns the state
    and how many incidents were closed.
    """
    incidents = [_trimmed(incident) for incident in state.incidents]
    sizes = {id(i): len(i.model_dump_json()) + 1 for i in incidents}
    total = sum(sizes.values()) + 64
    evict: set[int] = set()
    for incident in sorted(incidents, key=_latest_report):
        if total <= max_bytes:
            break
        evict.add(id(incident))
        total -= sizes[id(incident)]
    kept = [i for i in incidents if id(i) not in evict]
    return LinkerState(watermark=state.watermark, incidents=kept), len(evict)


def _trimmed(incident: OpenIncident) -> OpenIncident:
    reports, absorbed = incident.reports, incident.absorbed
    if len(reports) <= MAX_MEMBERS and len(absorbed) <= MAX_ABSORBED:
        return incident
    if len(reports) > MAX_MEMBERS:
        reports = [reports[0], *reports[-(MAX_MEMBERS - 1) :]]
    forgotten = incident.forgotten + max(0, len(absorbed) - MAX_ABSORBED)
    return OpenIncident(reports=reports, absorbed=absorbed[-MAX_ABSORBED:], forgotten=forgotten)


def _latest_report(incident: OpenIncident) -> datetime:
    return max(report.published_at for report in incident.reports)


def _store(state: MutableMapping[bytes, bytes], key: bytes, value: bytes) -> None:
    state[key] = value


def policy_of(quiet_hours: float, lateness_hours: float) -> LinkPolicy:
    return LinkPolicy(
        quiet_period=timedelta(hours=quiet_hours),
        allowed_lateness=timedelta(hours=lateness_hours),
    )
