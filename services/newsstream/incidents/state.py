"""The per-key state of the linker, and its bytes for a table with a changelog.

State holds the open incidents of one partition key with their member reports, and the newest
published time seen (the event-time watermark that closes quiet incidents). It is plain JSON
(`dumps`/`loads`), so a changelog record can be read by any consumer, and a worker taking over
a partition rebuilds exactly the state the previous one had.
"""

from __future__ import annotations

from pydantic import Field

from newsstream.models import Contract
from newsstream.models.common import UtcDatetime
from newsstream.models.incident import Report


class OpenIncident(Contract):
    """An incident still taking reports: its members, and every report version it absorbed."""

    reports: list[Report] = Field(description="Members, earliest first.")
    absorbed: list[str] = Field(
        description="Sorted keys (article_id and revision) of the report versions taken in."
    )
    forgotten: int = Field(
        default=0,
        ge=0,
        description="Report versions taken in whose keys were dropped to keep the state small.",
    )


class LinkerState(Contract):
    """The open incidents of one partition key."""

    watermark: UtcDatetime | None = Field(
        default=None, description="The newest published time of any report seen."
    )
    incidents: list[OpenIncident] = Field(default_factory=list)


def dumps(state: LinkerState) -> bytes:
    """The state as JSON bytes."""
    return state.model_dump_json().encode("utf-8")


def loads(data: bytes) -> LinkerState:
    """The state from `dumps` bytes."""
    return LinkerState.model_validate_json(data)
