"""Transport-neutral records: what was consumed and what is to be produced.

The pipeline works on these so the same code serves the Faust agents and the offline CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson

from newsstream import cloudevents
from newsstream.models import Contract, EventType
from newsstream.topology import Topic


@dataclass(frozen=True)
class ConsumedRecord:
    """A record as read from a topic (or from a file, for offline processing)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...] = ()
    timestamp: datetime | None = None


@dataclass(frozen=True)
class Emission:
    """One message to produce, with its CloudEvents attributes."""

    output: Topic
    key: str | None
    message: Contract | None  # None: a tombstone, deleting `key` from a compacted topic
    event_type: EventType
    event_id: str
    source: str
    time: datetime
    subject: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def data(self) -> dict[str, Any] | None:
        return None if self.message is None else self.message.model_dump(mode="json")

    def value_bytes(self) -> bytes | None:
        """The Kafka value: the contract as plain JSON (binary content mode); None for a
        tombstone."""
        return None if self.message is None else orjson.dumps(self.data())

    def key_bytes(self) -> bytes | None:
        return None if self.key is None else self.key.encode("utf-8")

    def headers(self) -> list[tuple[str, bytes]]:
        return cloudevents.binary_headers(
            event_type=self.event_type.value,
            event_id=self.event_id,
            source=self.source,
            time=self.time,
            subject=self.subject,
        )

    def structured(self) -> dict[str, Any]:
        """The same event as one CloudEvents structured-mode JSON object."""
        return cloudevents.structured(
            event_type=self.event_type.value,
            event_id=self.event_id,
            source=self.source,
            time=self.time,
            subject=self.subject,
            data=self.data(),
        )
