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
    LinkPolicy,
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
    return Emission(
        output=Topic.INCIDENTS,
        key=incident.incident_id,
        message=incident,
        event_type=EventType.INCIDENT,
        event_id=incident.event_id,
        source=SOURCE,
        time=incident.last_updated,
        subject=incident.incident_id,
    )


def tombstone(incident_id: str, time: datetime) -> Emission:
    """Deletes an id a merge retired from the compacted topic."""
    return Emission(
        output=Topic.INCIDENTS,
        key=incident_id,
        message=None,
        event_type=EventType.INCIDENT,
        event_id=f"{incident_id}/retired",
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
    ) -> None:
        self.state = state
        self.policy = policy
        self.dead_letters = dead_letters

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
        remember = partial(_store, self.state, key, dumps(linker.state))
        return Result(emissions, after_delivery=remember, duplicate=outcome.updated is None)


def _store(state: MutableMapping[bytes, bytes], key: bytes, value: bytes) -> None:
    state[key] = value


def policy_of(quiet_hours: float, lateness_hours: float) -> LinkPolicy:
    return LinkPolicy(
        quiet_period=timedelta(hours=quiet_hours),
        allowed_lateness=timedelta(hours=lateness_hours),
    )
