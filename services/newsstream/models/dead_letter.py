"""Dead-letter records: a failed input with its reason, ready to be fixed and replayed."""

from __future__ import annotations

from pydantic import Field

from newsstream.models.common import Contract, UtcDatetime


class FailureReason(Contract):
    type: str = Field(description="Error class, e.g. invalid_envelope, too_large, no_article.")
    message: str
    stage: str = Field(description="Where it failed: decode, parse, enrich, emit.")


class Header(Contract):
    key: str
    value: str | None = Field(description="UTF-8 text of the header value.")
    value_base64: str | None = Field(default=None, description="Set when not valid UTF-8.")


class OriginalRecord(Contract):
    """The record as it was consumed; bytes that are not UTF-8 are kept as base64."""

    topic: str
    partition: int
    offset: int
    timestamp: UtcDatetime | None
    key: str | None
    key_base64: str | None = None
    value: str | None
    value_base64: str | None = None
    value_truncated: bool = Field(
        default=False, description="True when the value was too large to keep whole."
    )
    headers: list[Header] = Field(default_factory=list)


class DeadLetter(Contract):
    event_id: str
    producer: str
    error: FailureReason
    original: OriginalRecord
    failed_at: UtcDatetime
