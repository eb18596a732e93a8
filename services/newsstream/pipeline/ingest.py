"""Turn a raw record's bytes into a validated RawPage, or say precisely why not."""

from __future__ import annotations

from datetime import datetime

import orjson
from pydantic import ValidationError

from newsstream.models import RawPage
from newsstream.pipeline.errors import RecordError, describe_validation_error

_STAGE = "decode"


def decode_page(value: bytes | None, *, max_bytes: int, record_time: datetime) -> RawPage:
    """Read a raw page envelope.

    A value that is a JSON object is the envelope; anything else is the page body itself, so a
    file can be produced as is. A value that starts like a JSON object but is not one is an
    error rather than a body: it is almost certainly a broken envelope.
    """
    if value is None or not value.strip():
        raise RecordError("empty", "record has no value", _STAGE)
    if len(value) > max_bytes:
        raise RecordError(
            "too_large", f"record is {len(value)} bytes, over the limit of {max_bytes}", _STAGE
        )
    if value.lstrip()[:1] == b"{":
        try:
            document = orjson.loads(value)
        except orjson.JSONDecodeError as error:
            raise RecordError(
                "invalid_json", f"not a valid JSON object: {error}", _STAGE
            ) from error
        if not isinstance(document, dict):
            raise RecordError("invalid_json", "not a JSON object", _STAGE)
        try:
            page = RawPage.model_validate(document)
        except ValidationError as error:
            raise RecordError(
                "invalid_envelope", describe_validation_error(error), _STAGE
            ) from error
    else:
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RecordError(
                "undecodable",
                f"body is not valid UTF-8: {error.reason} at byte {error.start}",
                _STAGE,
            ) from error
        if "\x00" in text:
            raise RecordError("undecodable", "body contains NUL bytes: not a text page", _STAGE)
        try:
            page = RawPage(body=text)
        except ValidationError as error:
            raise RecordError(
                "invalid_envelope", describe_validation_error(error), _STAGE
            ) from error
    if page.fetched_at is None:
        page = page.model_copy(update={"fetched_at": record_time})
    return page
