"""A dead letter for a record that failed to decode, as the parse stage writes it."""

from __future__ import annotations

from datetime import UTC, datetime

from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.topology import Topic

NOW = datetime(2025, 7, 19, 12, 0, tzinfo=UTC)


def decode_failure(record: ConsumedRecord, max_value_bytes: int = 1000) -> Emission:
    letters = DeadLetters(
        "newsstream.parse/test", "/newsstream/parse", Topic.RAW_DLQ, max_value_bytes
    )
    return letters.letter(
        record, kind="invalid_json", message="broken", stage="decode", failed_at=NOW
    )
