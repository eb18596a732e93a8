"""Incidents: many reports of one event (several outlets, updated tolls) as one record.

`news.incidents` is compacted and keyed by `incident_id`: the latest value per key is the
incident as it stands, and a tombstone (null value) retires the id of an incident that merged
into another.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Final

from pydantic import Field

from newsstream.models.casualty import CasualtyKind
from newsstream.models.common import Contract, UtcDatetime
from newsstream.models.entity import Place

#: The CloudEvents type and schema name of an incident record.
INCIDENT_SCHEMA: Final[str] = "news.incident.v1"


class TotalMethod(StrEnum):
    """How an incident's current total of one kind was chosen among its reports."""

    LATEST_STATED = "latest_stated"
    SUPERSEDING = "superseding"
    SUM_OF_PARTS = "sum_of_parts"


class IncidentTotal(Contract):
    """The current total of one casualty kind, and where it comes from."""

    count: int = Field(ge=0)
    method: TotalMethod = Field(
        description=(
            "latest_stated: the latest stated toll by the reports' published times;"
            " superseding: a 'rose to' / 'now stands at' update that a later, smaller"
            " restatement does not undo; sum_of_parts: the report gave no toll, only parts"
            " that add up to it."
        )
    )
    article_id: str = Field(description="The report that gave this total.")


class IncidentTotals(Contract):
    """Current totals per kind; null where no report gives a number of that kind."""

    killed: IncidentTotal | None = None
    injured: IncidentTotal | None = None
    missing: IncidentTotal | None = None
    kidnapped: IncidentTotal | None = None
    arrested: IncidentTotal | None = None
    displaced: IncidentTotal | None = None

    def of(self, kind: CasualtyKind) -> IncidentTotal | None:
        total: IncidentTotal | None = getattr(self, kind.value)
        return total


class IncidentReport(Contract):
    """One article that contributed to the incident, and the figures it gave."""

    article_id: str
    url: str | None = None
    publisher: str | None = None
    published_at: UtcDatetime = Field(
        description="When the report was published (its fetch time when the page gave none)."
    )
    title: str | None = None
    figures: dict[CasualtyKind, int] = Field(
        default_factory=dict, description="The article's summary total per kind it gave."
    )


class IncidentV1(Contract):
    """An event as the reports about it describe it, with its current toll."""

    event_id: str = Field(
        description="Deterministic: the same incident at the same version yields the same id."
    )
    producer: str = Field(description="Producing component and its version.")
    incident_id: str = Field(
        description=(
            "Deterministic: a UUIDv5 of the article_id of the earliest report (by published"
            " time, then article_id). When two incidents merge, the smaller id survives."
        )
    )
    version: int = Field(
        ge=1, description="Number of changes: report versions absorbed, merges included."
    )
    totals: IncidentTotals
    place: Place | None = Field(
        default=None, description="Where it happened, resolved against the gazetteer."
    )
    place_text: str | None = Field(default=None, description="The place as a report wrote it.")
    event_date: str | None = Field(
        default=None,
        description="Date of the event (YYYY-MM-DD) where a report's time text pins it down.",
    )
    time_text: str | None = Field(default=None, description="The time as a report wrote it.")
    perpetrator_or_cause: str | None = Field(default=None, description="As a report stated it.")
    victims: list[str] = Field(
        default_factory=list, description="Named victims and victim groups, as written."
    )
    first_seen: UtcDatetime = Field(description="Published time of the earliest report.")
    last_updated: UtcDatetime = Field(description="Published time of the latest report.")
    reports: list[IncidentReport] = Field(
        description="Contributing reports, by published time then article_id."
    )


class ReportFigure(Contract):
    """An article's total of one kind and how the article arrived at it."""

    count: int = Field(ge=0)
    method: TotalMethod


class Report(Contract):
    """One article as evidence about an event: what the incidents stage links (internal)."""

    article_id: str
    revision: str = Field(default="", description="content_hash: an edited article differs.")
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    published_at: UtcDatetime = Field(description="Event time of the report.")
    figures: dict[CasualtyKind, ReportFigure] = Field(default_factory=dict)
    place: Place | None = None
    place_text: str | None = None
    country: str | None = None
    admin1: str | None = Field(default=None, description="GeoNames admin1 code in `country`.")
    event_date: date | None = None
    time_text: str | None = None
    perpetrator_or_cause: str | None = None
    victims: list[str] = Field(default_factory=list, description="Named victims and groups.")
    people: list[str] = Field(default_factory=list, description="Folded full names of people.")
    signature: list[int] = Field(default_factory=list, description="MinHash of the text.")

    def order_key(self) -> tuple[datetime, str]:
        """Earliest first: published time, then article_id (never arrival)."""
        return (self.published_at, self.article_id)
