"""Entity events: one per distinct named entity per article."""

from __future__ import annotations

from pydantic import Field

from newsstream.models.common import Contract, EventHeader, Span, UtcDatetime


class Place(Contract):
    """A place resolved against the gazetteer; fields stay empty rather than guessed."""

    name: str = Field(description="Gazetteer name of the place.")
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2.")
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: str | None = Field(default=None, description="country, city, region or other.")


class EntityFinding(Contract):
    """An entity as found in one article, before it becomes an event."""

    name: str = Field(description="Canonical name: the fullest form used in the article.")
    label: str = Field(description="PERSON, ORG, GPE, LOC, NORP, FAC, ...")
    aliases: list[str] = Field(default_factory=list, description="Other forms seen.")
    mentions: list[Span]
    mention_count: int = Field(ge=1)
    salience: float = Field(ge=0.0, le=1.0)
    place: Place | None = None


class EntityEvent(EntityFinding, EventHeader):
    """An entity found in an article."""

    lang: str | None
    processed_at: UtcDatetime
