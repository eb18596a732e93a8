"""The main article of an HTML page: trafilatura for body and metadata, the page's own tags.

One story per page. The body is trafilatura's main-text extraction, one paragraph per line of its
output; the page's headline, printed again at the top of the text, is not body. Title, authors,
site name and date come from trafilatura's metadata; language and an exact publication time from
the page's own declarations when it makes them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Protocol

import trafilatura
from trafilatura.settings import Document

from newsstream.parse.dates import resolve_date
from newsstream.parse.errors import ParseError
from newsstream.parse.story import Story

_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$")
_LANG_XPATHS = (
    "/html/@lang",
    "/html/@xml:lang",
    "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
    "='content-language']/@content",
    "//meta[@property='og:locale']/@content",
)
_PUBLISHED_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//time[@itemprop='datePublished']/@datetime",
)


class _Tree(Protocol):
    """The part of an lxml element this module uses."""

    def xpath(self, path: str) -> object: ...


def _first(tree: _Tree, xpaths: tuple[str, ...]) -> str | None:
    for xpath in xpaths:
        try:
            found = tree.xpath(xpath)
        except (ValueError, TypeError):  # lxml rejects some malformed documents at query time
            continue
        for value in found if isinstance(found, list) else []:
            text = str(value).strip()
            if text:
                return text
    return None


def _language(tree: _Tree) -> str | None:
    declared = _first(tree, _LANG_XPATHS)
    if declared is None:
        return None
    match = _LANG.match(declared.split(",")[0].strip())
    return match.group(1).lower() if match else None


def _same(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def _paragraphs(text: str, title: str | None) -> list[str]:
    """Extracted lines, less the headline printed again above the body."""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    return paragraphs


def extract_html_story(body: str, *, url: str | None, fetched_at: datetime) -> Story:
    """The page's main article; ParseError("no_article") when the page holds none."""
    tree = trafilatura.load_html(body)  # parse failures come back as None
    if tree is None:
        raise ParseError("no_article", "the HTML page has no document to extract from")
    lang = _language(tree)
    published_meta = _first(tree, _PUBLISHED_XPATHS)
    limit = (fetched_at + timedelta(days=1)).strftime("%Y-%m-%d")
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"original_date": True, "extensive_search": True, "max_date": limit},
    )
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        raise ParseError("no_article", "no main text found in the HTML page")
    text = document.text
    title = (document.title or "").strip() or None
    paragraphs = _paragraphs(text, title)
    if not paragraphs:
        raise ParseError("no_article", "no main text found in the HTML page")
    published_text = published_meta or document.date
    published_at = resolve_date(published_text, fetched_at) if published_text else None
    if published_at is None and document.date and published_text != document.date:
        published_text, published_at = document.date, resolve_date(document.date, fetched_at)
    authors = tuple(
        name.strip() for name in re.split(r";|\|", document.author or "") if name.strip()
    )
    return Story(
        title=title,
        paragraphs=tuple(paragraphs),
        publisher=(document.sitename or "").strip() or None,
        authors=authors,
        published_text=published_text if published_at is not None else None,
        published_at=published_at,
        canonical_url=document.url or url,
        lang=lang,
    )
