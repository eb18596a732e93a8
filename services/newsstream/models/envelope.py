"""The raw page envelope producers put on the raw topic."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from newsstream.models.common import UtcDatetime

ContentType = Literal["text/html", "text/plain"]

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml", "text/xml"}
_TEXT_TYPES = {"text/plain", "text/markdown"}


class RawPage(BaseModel):
    """One crawled page. Unknown extra fields are tolerated: producers add their own."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    body: str = Field(description="The page: HTML, or its rendered text.")
    url: str | None = Field(default=None, description="Where it was fetched.")
    fetched_at: UtcDatetime | None = Field(
        default=None, description="When it was fetched; defaults to the Kafka record timestamp."
    )
    content_type: ContentType | None = Field(
        default=None, description="text/html or text/plain; sniffed from the body when absent."
    )
    source: str | None = Field(default=None, description="Which crawler or feed sent it.")
    lang: str | None = Field(default=None, description="A language hint (ISO 639-1).")

    @field_validator("body")
    @classmethod
    def _body_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body is empty")
        return value

    @field_validator("content_type", mode="before")
    @classmethod
    def _normalise_content_type(cls, value: object) -> object:
        """Accept MIME types with parameters and close relatives ("text/html; charset=utf-8")."""
        if not isinstance(value, str):
            return value
        mime = value.split(";", 1)[0].strip().lower()
        if mime in _HTML_TYPES:
            return "text/html"
        if mime in _TEXT_TYPES:
            return "text/plain"
        raise ValueError(f"unsupported content_type {value!r}: expected text/html or text/plain")
