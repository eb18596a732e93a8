"""Convert Faust events to the pipeline's transport-neutral records."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from newsstream.pipeline.records import ConsumedRecord


def _headers(raw: Any) -> tuple[tuple[str, bytes], ...]:
    if not raw:
        return ()
    items: Iterable[tuple[Any, Any]] = raw.items() if isinstance(raw, Mapping) else raw
    out = []
    for name, value in items:
        key = name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
        data = value if isinstance(value, bytes) else str(value).encode("utf-8")
        out.append((key, data))
    return tuple(out)


def _bytes(value: Any) -> bytes | None:
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return bytes(value)


def consumed_record(event: Any) -> ConsumedRecord:
    """The record behind a Faust event; the timestamp is Kafka's, in UTC."""
    message = event.message
    timestamp = datetime.fromtimestamp(message.timestamp, tz=UTC) if message.timestamp else None
    return ConsumedRecord(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=_bytes(message.key),
        value=_bytes(message.value),
        headers=_headers(message.headers),
        timestamp=timestamp,
    )
