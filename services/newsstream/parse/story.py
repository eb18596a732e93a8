"""What the parser finds: a story's content and metadata, before ids are given."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Story:
    """One distinct story on a page; `paragraphs` are clean body paragraphs in order."""

    title: str | None
    paragraphs: tuple[str, ...]
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published_text: str | None = None
    published_at: datetime | None = None
    canonical_url: str | None = None
    lang: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)
