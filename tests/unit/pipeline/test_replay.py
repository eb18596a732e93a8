from __future__ import annotations

import pytest

from newsstream.pipeline.records import ConsumedRecord
from newsstream.pipeline.replay import NotReplayable, letters_from_json, original_record
from tests.unit.pipeline.letters import decode_failure


def _letter_json(record: ConsumedRecord, max_value_bytes: int = 1000) -> dict[str, object]:
    return decode_failure(record, max_value_bytes).data()


def test_a_dead_letter_gives_back_the_exact_record() -> None:
    record = ConsumedRecord(
        topic="news.pages.raw",
        partition=0,
        offset=3,
        key=b"k",
        value=b"\xff\x00binary",
        headers=(("h", b"v"),),
    )
    [letter] = letters_from_json([_letter_json(record)])
    replayed = original_record(letter)
    assert replayed.topic == "news.pages.raw"
    assert replayed.key == b"k"
    assert replayed.value == b"\xff\x00binary"
    assert replayed.headers == [("h", b"v")]


def test_tail_and_cloudevents_wrappings_are_accepted() -> None:
    record = ConsumedRecord(topic="t", partition=0, offset=0, key=None, value=b"{x")
    data = _letter_json(record)
    letters = letters_from_json([{"topic": "t.dlq", "value": data}, {"type": "x", "data": data}])
    assert [original_record(letter).value for letter in letters] == [b"{x", b"{x"]


def test_a_cut_value_is_not_replayed() -> None:
    record = ConsumedRecord(topic="t", partition=0, offset=0, key=None, value=b"x" * 20)
    [letter] = letters_from_json([_letter_json(record, max_value_bytes=5)])
    with pytest.raises(NotReplayable):
        original_record(letter)
