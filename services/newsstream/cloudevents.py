"""CloudEvents 1.0 framing: binary mode for Kafka headers, structured mode for JSON lines."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"


def format_time(moment: datetime) -> str:
    """RFC 3339 in UTC with a Z suffix, as the CloudEvents spec recommends."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def binary_headers(
    *, event_type: str, event_id: str, source: str, time: datetime, subject: str | None
) -> list[tuple[str, bytes]]:
    """Kafka protocol binding, binary content mode: attributes as ce_* headers."""
    headers = [
        ("ce_specversion", SPEC_VERSION.encode()),
        ("ce_id", event_id.encode()),
        ("ce_source", source.encode()),
        ("ce_type", event_type.encode()),
        ("ce_time", format_time(time).encode()),
        ("content-type", CONTENT_TYPE.encode()),
    ]
    if subject is not None:
        headers.append(("ce_subject", subject.encode()))
    return headers


def structured(
    *,
    event_type: str,
    event_id: str,
    source: str,
    time: datetime,
    subject: str | None,
    data: dict[str, Any] | None,
) -> dict[str, Any]:
    """Structured content mode: one self-describing JSON object; without `data` for a
    tombstone (a deletion on a compacted topic)."""
    envelope: dict[str, Any] = {
        "specversion": SPEC_VERSION,
        "type": event_type,
        "id": event_id,
        "source": source,
        "time": format_time(time),
        "datacontenttype": CONTENT_TYPE,
    }
    if subject is not None:
        envelope["subject"] = subject
    if data is not None:
        envelope["data"] = data
    return envelope
