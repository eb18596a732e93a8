"""Message contracts: the one source of every record newsstream reads or writes."""

from newsstream.models.article import Article, ArticleRef
from newsstream.models.casualty import (
    CasualtyEvent,
    CasualtyFinding,
    CasualtyKind,
    CasualtySummary,
    CasualtyTotals,
    CountQualifier,
    Location,
    VictimType,
)
from newsstream.models.common import Contract, EventHeader, Span
from newsstream.models.dead_letter import DeadLetter, FailureReason, Header, OriginalRecord
from newsstream.models.entity import EntityEvent, EntityFinding, Place
from newsstream.models.envelope import RawPage
from newsstream.models.event_types import EVENT_TYPES, EventType, event_type_of

__all__ = [
    "EVENT_TYPES",
    "Article",
    "ArticleRef",
    "CasualtyEvent",
    "CasualtyFinding",
    "CasualtyKind",
    "CasualtySummary",
    "CasualtyTotals",
    "Contract",
    "CountQualifier",
    "DeadLetter",
    "EntityEvent",
    "EntityFinding",
    "EventHeader",
    "EventType",
    "FailureReason",
    "Header",
    "Location",
    "OriginalRecord",
    "Place",
    "RawPage",
    "Span",
    "VictimType",
    "event_type_of",
]
