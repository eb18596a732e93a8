"""The clean article: one per distinct story found on a page."""

from __future__ import annotations

from pydantic import Field

from newsstream.models.common import Contract, EventHeader, UtcDatetime


class Article(EventHeader):
    """A story with its metadata and a body free of boilerplate."""

    url: str | None = Field(description="URL of the page the story was found on.")
    canonical_url: str | None = Field(
        default=None, description="The story's own URL when the page declares one."
    )
    title: str | None
    publisher: str | None = Field(description="The outlet named for this story.")
    authors: list[str] = Field(default_factory=list)
    published_at: UtcDatetime | None = Field(
        description="Absolute time; relative expressions are resolved against fetched_at."
    )
    published_text: str | None = Field(description="The time expression as written on the page.")
    lang: str | None = Field(description="Detected language (ISO 639-1).")
    body: str = Field(description="Paragraphs separated by a blank line.")
    word_count: int = Field(ge=0)
    content_hash: str = Field(description="Hash of title and body: a changed story changes it.")
    page_id: str = Field(description="Deterministic id of the raw page the story came from.")
    position: int = Field(ge=0, description="0 is the page's main story.")
    source: str | None = Field(default=None, description="The producer's source label, if any.")
    fetched_at: UtcDatetime
    parsed_at: UtcDatetime


class ArticleRef(Contract):
    """What enrichment events need to know of their article."""

    article_id: str
    title: str | None
    lang: str | None
