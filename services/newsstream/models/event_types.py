"""CloudEvents type names of the messages, one per contract."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

from newsstream.models.article import Article
from newsstream.models.casualty import CasualtyEvent, CasualtySummary
from newsstream.models.dead_letter import DeadLetter
from newsstream.models.entity import EntityEvent
from newsstream.models.envelope import RawPage
from newsstream.models.incident import IncidentV1, Report


class EventType(StrEnum):
    ARTICLE = "news.article.v1"
    ENTITY = "news.entity.v1"
    CASUALTY = "news.casualty.v1"
    CASUALTY_SUMMARY = "news.casualty_summary.v1"
    DEAD_LETTER = "news.dead_letter.v1"
    RAW_PAGE = "news.page.raw.v1"
    INCIDENT = "news.incident.v1"
    # Internal: what one article tells about an incident, on its way to the incidents stage.
    INCIDENT_REPORT = "news.incident_report.v1"


EVENT_TYPES: dict[EventType, type[BaseModel]] = {
    EventType.RAW_PAGE: RawPage,
    EventType.ARTICLE: Article,
    EventType.ENTITY: EntityEvent,
    EventType.CASUALTY: CasualtyEvent,
    EventType.CASUALTY_SUMMARY: CasualtySummary,
    EventType.DEAD_LETTER: DeadLetter,
    EventType.INCIDENT: IncidentV1,
    EventType.INCIDENT_REPORT: Report,
}

_BY_MODEL = {model: event_type for event_type, model in EVENT_TYPES.items()}


def event_type_of(message: BaseModel) -> EventType:
    return _BY_MODEL[type(message)]
