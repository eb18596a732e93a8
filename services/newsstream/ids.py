"""Deterministic identifiers: the same input always yields the same id.

Consumers de-duplicate redeliveries on `event_id`, and a story seen on two pages must get the
same `article_id`, so ids are name-based UUIDs over normalised content, never random.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid

_NAMESPACE = uuid.UUID("6f1c2b0e-7d4a-5e39-9c1b-2a7e4f0d8b31")
_WORD = re.compile(r"\w+")
_LEAD_WORDS = 30


def stable_id(kind: str, *parts: str) -> str:
    """A UUIDv5 over the kind and the parts; the separator cannot occur in normal text."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join((kind, *parts))))


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def article_id(title: str | None, body: str) -> str:
    """Identity of a story: its headline and the opening words of its body.

    Punctuation, case and spacing are ignored so that the same wire story printed by two
    outlets, or cut short differently on two pages, keeps one id.
    """
    lead = " ".join(_words(body)[:_LEAD_WORDS])
    return stable_id("article", " ".join(_words(title or "")), lead)


def content_hash(title: str | None, body: str) -> str:
    """Exact content fingerprint: an edited story gets a new one under the same article_id."""
    digest = hashlib.sha256()
    digest.update((title or "").encode("utf-8"))
    digest.update(b"\x1f")
    digest.update(body.encode("utf-8"))
    return digest.hexdigest()[:32]


def page_id(url: str | None, body: str) -> str:
    """Identity of a raw page: the same page re-sent gets the same id."""
    return stable_id("page", url or "", hashlib.sha256(body.encode("utf-8")).hexdigest())
