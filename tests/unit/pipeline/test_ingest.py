from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsstream.models import RawPage
from newsstream.pipeline.errors import RecordError
from newsstream.pipeline.ingest import decode_page

NOW = datetime(2025, 7, 19, 12, 0, tzinfo=UTC)


def decode(value: bytes | None, max_bytes: int = 1000) -> object:
    return decode_page(value, max_bytes=max_bytes, record_time=NOW)


def test_a_bare_body_is_the_page_and_takes_the_record_time() -> None:
    page = decode_page(b"Some page text", max_bytes=1000, record_time=NOW)
    assert page.body == "Some page text"
    assert page.fetched_at == NOW
    assert page.content_type is None


def test_an_envelope_keeps_its_fields_and_normalises_them() -> None:
    value = orjson.dumps(
        {
            "body": "<html></html>",
            "url": "https://example.org/a",
            "fetched_at": "2025-07-01T10:00:00+02:00",
            "content_type": "text/html; charset=utf-8",
            "source": "crawler-1",
            "lang": "en",
            "something_else": 1,
        }
    )
    page = decode_page(value, max_bytes=1000, record_time=NOW)
    assert page.url == "https://example.org/a"
    assert page.fetched_at == datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
    assert page.content_type == "text/html"
    assert page.source == "crawler-1"


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (None, "empty"),
        (b"   \n", "empty"),
        (b"x" * 1001, "too_large"),
        (b"{not json", "invalid_json"),
        (b'{"body": 42}', "invalid_envelope"),
        (b'{"body": "   "}', "invalid_envelope"),
        (b'{"url": "https://example.org"}', "invalid_envelope"),
        (b'{"body": "x", "fetched_at": "yesterday"}', "invalid_envelope"),
        (b'{"body": "x", "content_type": "application/pdf"}', "invalid_envelope"),
        (b"\xff\xfe\xfd", "undecodable"),
        (b"text\x00with nul", "undecodable"),
    ],
)
def test_unreadable_values_are_refused_with_a_reason(value: bytes | None, kind: str) -> None:
    with pytest.raises(RecordError) as caught:
        decode(value)
    assert caught.value.kind == kind
    assert caught.value.stage == "decode"
    assert caught.value.message


def test_a_json_value_that_is_not_an_object_is_a_body() -> None:
    assert decode(b'"quoted"').body == '"quoted"'  # type: ignore[attr-defined]


@given(st.binary(max_size=300))
def test_any_bytes_give_a_page_or_a_record_error(value: bytes) -> None:
    outcome = _outcome(value)
    if isinstance(outcome, RecordError):
        assert outcome.kind in {
            "empty",
            "too_large",
            "invalid_json",
            "invalid_envelope",
            "undecodable",
        }
    else:
        assert outcome.body.strip()


def _outcome(value: bytes) -> RawPage | RecordError:
    try:
        return decode_page(value, max_bytes=1000, record_time=NOW)
    except RecordError as error:
        return error
