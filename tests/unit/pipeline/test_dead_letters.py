from __future__ import annotations

import base64

from newsstream.models import DeadLetter
from newsstream.pipeline.records import ConsumedRecord
from tests.unit.pipeline.letters import NOW, decode_failure


def _letter(record: ConsumedRecord, max_value_bytes: int = 100) -> DeadLetter:
    emission = decode_failure(record, max_value_bytes)
    assert isinstance(emission.message, DeadLetter)
    return emission.message


def test_the_original_record_is_kept_whole_for_replay() -> None:
    record = ConsumedRecord(
        topic="news.pages.raw",
        partition=2,
        offset=41,
        key=b"https://example.org/a",
        value=b"{broken",
        headers=(("trace", b"abc"), ("bin", b"\xff")),
        timestamp=NOW,
    )
    letter = _letter(record)
    assert letter.error.type == "invalid_json"
    assert letter.error.stage == "decode"
    original = letter.original
    assert (original.topic, original.partition, original.offset) == ("news.pages.raw", 2, 41)
    assert original.key == "https://example.org/a"
    assert original.value == "{broken"
    assert not original.value_truncated
    assert original.headers[0].value == "abc"
    assert original.headers[1].value is None
    assert base64.b64decode(original.headers[1].value_base64 or "") == b"\xff"


def test_binary_values_are_kept_as_base64() -> None:
    record = ConsumedRecord(topic="t", partition=0, offset=0, key=None, value=b"\xff\xfe")
    letter = _letter(record)
    assert letter.original.value is None
    assert base64.b64decode(letter.original.value_base64 or "") == b"\xff\xfe"


def test_oversized_values_are_cut_and_marked() -> None:
    record = ConsumedRecord(topic="t", partition=0, offset=0, key=None, value="é".encode() * 80)
    letter = _letter(record, max_value_bytes=51)
    assert letter.original.value_truncated
    assert letter.original.value == "é" * 25


def test_the_same_failure_gets_the_same_id() -> None:
    record = ConsumedRecord(topic="t", partition=1, offset=7, key=None, value=b"x")
    assert _letter(record).event_id == _letter(record).event_id
