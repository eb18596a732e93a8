"""Pieces shared by every message: the event header and text spans."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _as_utc(value: datetime) -> datetime:
    """Naive times are taken as UTC so every emitted time is unambiguous."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc)]

TextField = Literal["title", "body"]


class Contract(BaseModel):
    """Base of every emitted message: immutable, and unknown fields are a bug."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Contract):
    """A piece of an article's text with character offsets (end exclusive)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    field: TextField = Field(
        default="body", description="Which article field the offsets point into."
    )


class EventHeader(Contract):
    """Fields every output event carries, so consumers can de-duplicate and trace it."""

    event_id: str = Field(description="Deterministic: the same input yields the same id.")
    article_id: str = Field(description="Stable id of the story; the Kafka key of every output.")
    producer: str = Field(
        description="Producing component and its version, e.g. newsstream.parse/0.1.0."
    )
