"""Turn dead letters back into the records they came from, so fixed inputs can be re-sent."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsstream.models import DeadLetter


@dataclass(frozen=True)
class ReplayRecord:
    topic: str
    key: bytes | None
    value: bytes
    headers: list[tuple[str, bytes]]


class NotReplayable(ValueError):
    """A dead letter whose original cannot be rebuilt exactly (it was cut, or has no value)."""


def _bytes(text: str | None, b64: str | None) -> bytes | None:
    if b64 is not None:
        return base64.b64decode(b64)
    return None if text is None else text.encode("utf-8")


def original_record(letter: DeadLetter) -> ReplayRecord:
    original = letter.original
    if original.value_truncated:
        raise NotReplayable(f"{letter.event_id}: the original value was cut to fit the dead letter")
    value = _bytes(original.value, original.value_base64)
    if value is None:
        raise NotReplayable(f"{letter.event_id}: the original record had no value")
    headers = [(h.key, _bytes(h.value, h.value_base64) or b"") for h in original.headers]
    return ReplayRecord(
        topic=original.topic,
        key=_bytes(original.key, original.key_base64),
        value=value,
        headers=headers,
    )


def letters_from_json(documents: Iterable[Any]) -> list[DeadLetter]:
    """Dead letters from JSON documents: bare, as `tail` prints them, or CloudEvents-wrapped."""
    letters = []
    for document in documents:
        payload = document
        if isinstance(document, dict) and "error" not in document:
            payload = document.get("value") or document.get("data") or document
        letters.append(DeadLetter.model_validate(payload))
    return letters
