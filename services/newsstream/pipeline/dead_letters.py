"""Build dead-letter records that keep the original record whole enough to replay."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from newsstream import ids
from newsstream.models import DeadLetter, EventType, FailureReason, Header, OriginalRecord
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.topology import Topic


def _text_or_base64(raw: bytes | None) -> tuple[str | None, str | None]:
    if raw is None:
        return None, None
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return None, base64.b64encode(raw).decode("ascii")


def original_of(record: ConsumedRecord, *, max_value_bytes: int) -> OriginalRecord:
    """Copy the record; a value too large to fit a dead letter is cut and marked so."""
    value = record.value
    truncated = value is not None and len(value) > max_value_bytes
    if truncated and value is not None:
        value = value[:max_value_bytes]
    key_text, key_b64 = _text_or_base64(record.key)
    value_text, value_b64 = _text_or_base64(value)
    if truncated and value_text is None and value is not None:
        # Cutting may split a multi-byte character; keep what decodes rather than base64 it all.
        value_text, value_b64 = value.decode("utf-8", errors="ignore"), None
    headers = []
    for name, raw in record.headers:
        text, b64 = _text_or_base64(raw)
        headers.append(Header(key=name, value=text, value_base64=b64))
    return OriginalRecord(
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        timestamp=record.timestamp,
        key=key_text,
        key_base64=key_b64,
        value=value_text,
        value_base64=value_b64,
        value_truncated=truncated,
        headers=headers,
    )


def dead_letter(
    record: ConsumedRecord,
    *,
    kind: str,
    message: str,
    stage: str,
    producer: str,
    source: str,
    output: Topic,
    failed_at: datetime,
    max_value_bytes: int,
) -> Emission:
    """The dead-letter emission for a failed record, keyed like the original."""
    event_id = ids.stable_id(
        "dead_letter", record.topic, str(record.partition), str(record.offset), kind
    )
    letter = DeadLetter(
        event_id=event_id,
        producer=producer,
        error=FailureReason(type=kind, message=message, stage=stage),
        original=original_of(record, max_value_bytes=max_value_bytes),
        failed_at=failed_at,
    )
    key = record.key.decode("utf-8", errors="replace") if record.key is not None else None
    return Emission(
        output=output,
        key=key,
        message=letter,
        event_type=EventType.DEAD_LETTER,
        event_id=event_id,
        source=source,
        time=failed_at,
        subject=None,
    )


@dataclass(frozen=True)
class DeadLetters:
    """Where one stage's failures go, under which producer, keeping how much of the original."""

    producer: str
    source: str
    output: Topic
    max_value_bytes: int

    def letter(
        self, record: ConsumedRecord, *, kind: str, message: str, stage: str, failed_at: datetime
    ) -> Emission:
        return dead_letter(
            record,
            kind=kind,
            message=message,
            stage=stage,
            producer=self.producer,
            source=self.source,
            output=self.output,
            failed_at=failed_at,
            max_value_bytes=self.max_value_bytes,
        )
