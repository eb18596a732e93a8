"""Casualty events (one per stated figure) and the per-article summary."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from newsstream.models.common import Contract, EventHeader, Span, UtcDatetime
from newsstream.models.entity import Place


class CasualtyKind(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    KIDNAPPED = "kidnapped"
    ARRESTED = "arrested"
    DISPLACED = "displaced"


class CountQualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    APPROX = "approx"
    MORE_THAN = "more_than"
    FEWER_THAN = "fewer_than"


class VictimType(StrEnum):
    CIVILIAN = "civilian"
    COMBATANT = "combatant"
    SECURITY_FORCES = "security_forces"
    UNKNOWN = "unknown"


class Location(Contract):
    """A place as written, with its resolution where the gazetteer knows it."""

    text: str
    place: Place | None = None


class CasualtyFinding(Contract):
    """One stated figure as found in an article."""

    figure_id: str = Field(description="Deterministic id of this figure within its article.")
    count: int | None = Field(ge=0, description="Null for vague amounts such as 'dozens'.")
    count_low: int | None = Field(default=None, ge=0)
    count_high: int | None = Field(default=None, ge=0)
    count_qualifier: CountQualifier
    kind: CasualtyKind
    manner: str | None = None
    victims: str | None = Field(default=None, description="The group as written.")
    victim_type: VictimType = VictimType.UNKNOWN
    perpetrator_or_cause: str | None = None
    location: Location | None = None
    time_text: str | None = None
    is_total: bool = Field(description="A toll, rather than a part of one.")
    part_of: str | None = Field(
        default=None, description="figure_id of the figure this one is a subset of."
    )
    evidence: Span


class CasualtyEvent(CasualtyFinding, EventHeader):
    """A stated casualty figure."""

    processed_at: UtcDatetime


class CasualtyTotals(Contract):
    """Best total per kind; null where the article states no figure of that kind."""

    killed: int | None = None
    injured: int | None = None
    missing: int | None = None
    kidnapped: int | None = None
    arrested: int | None = None
    displaced: int | None = None


class CasualtySummary(EventHeader):
    """One per article: the stated toll per kind, or the sum of non-overlapping parts."""

    totals: CasualtyTotals
    figure_count: int = Field(ge=0, description="How many casualty events the article gave.")
    notes: list[str] = Field(
        default_factory=list,
        description="What enrichment skipped or revised (e.g. a language it cannot read).",
    )
    processed_at: UtcDatetime
