"""An HTML page's own metadata: title, authors, site name, dates, language, canonical URL.

trafilatura reads JSON-LD, OpenGraph and meta tags; the language and an exact publication time
come from the page's own declarations when it makes them. The publication date as written is
the text of the visible element that shows it (a `<time>`, a dateline) when there is one.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from htmldate import find_date as find_declared_date
from lxml.html import HtmlElement
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import Document

from newsstream.parse.dates import find_date, resolve_date

_LANG: Final = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$")
_LANG_XPATHS: Final = (
    "/html/@lang",
    "/html/@xml:lang",
    "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
    "='content-language']/@content",
    "//meta[@property='og:locale']/@content",
)
_PUBLISHED_XPATHS: Final = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//time[@itemprop='datePublished']/@datetime",
)
_DESCRIPTION_XPATHS: Final = (
    "//meta[@property='og:description']/@content",
    "//meta[@name='description']/@content",
    "//meta[@name='twitter:description']/@content",
)
_TITLE_XPATHS: Final = (
    "//meta[@property='og:title']/@content",
    "//meta[@name='twitter:title']/@content",
    "//h1",
)
# Elements that show a date to the reader: <time>, and short elements named for dates.
_SHOWN_DATE_TAGS: Final = ("time", "span", "div", "p", "li", "small")
_DATE_NAMES: Final = re.compile(r"date|time|publish|posted|dateline|byline", re.IGNORECASE)
_MAX_SHOWN_DATE_CHARS: Final = 120
MAX_SHOWN_DATE_CANDIDATES: Final = 20  # each is a dateparser call; comment stamps can be many
SHOWN_DATE_TOLERANCE: Final = timedelta(hours=36)


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself; `descriptions` are the standfirsts it declares."""

    title: str | None
    headlines: tuple[str, ...]
    descriptions: tuple[str, ...]
    authors: tuple[str, ...]
    publisher: str | None
    published_text: str | None
    published_at: datetime | None
    canonical_url: str | None
    lang: str | None


def read_meta(
    tree: HtmlElement, *, url: str | None, fetched_at: datetime, light: bool = False
) -> PageMeta:
    """The page's metadata; `tree` is left as it was (the libraries read it, and copy it where
    they prune). `light` skips scanning all text for dates."""
    limit = (fetched_at + timedelta(days=1)).strftime("%Y-%m-%d")
    document = _declared(tree, url=url, extensive=not light, max_date=limit)
    title = (document.title or "").strip() or None
    published_meta = _first(tree, _PUBLISHED_XPATHS)
    published_text = published_meta or document.date
    published_at = resolve_date(published_text, fetched_at) if published_text else None
    if published_at is None and document.date and published_text != document.date:
        published_text, published_at = document.date, resolve_date(document.date, fetched_at)
    if published_at is not None:
        published_text = (
            _shown_date(tree, published_at, published_text, fetched_at) or published_text
        )
    else:
        published_text = None
    authors = tuple(
        name.strip() for name in re.split(r";|\|", document.author or "") if name.strip()
    )
    headlines = tuple(dict.fromkeys(t for t in (title, *_all(tree, _TITLE_XPATHS)) if t))
    return PageMeta(
        title=title,
        headlines=headlines,
        descriptions=tuple(dict.fromkeys(_all(tree, _DESCRIPTION_XPATHS))),
        authors=authors,
        publisher=(document.sitename or "").strip() or None,
        published_text=published_text,
        published_at=published_at,
        canonical_url=document.url or url,
        lang=_language(tree),
    )


def _declared(tree: HtmlElement, *, url: str | None, extensive: bool, max_date: str) -> Document:
    """trafilatura's metadata steps for the fields read here, in `extract_metadata`'s order.

    `extract_metadata` also searches the whole page for categories, tags and a licence, which
    nothing here reads and which cost a third of its time.
    """
    found = trafilatura_metadata.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a single word is a handle, not a name
    with contextlib.suppress(Exception):  # the library's JSON-LD reader trips on odd data
        found = trafilatura_metadata.extract_meta_json(tree, found)
    found.title = found.title or trafilatura_metadata.extract_title(tree)
    found.author = found.author or trafilatura_metadata.extract_author(tree)
    found.url = found.url or trafilatura_metadata.extract_url(tree, url)
    found.date = find_declared_date(
        tree, url=found.url, original_date=True, extensive_search=extensive, max_date=max_date
    )
    found.sitename = found.sitename or trafilatura_metadata.extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url and (host := trafilatura_metadata.META_URL.match(found.url)):
        found.sitename = host[1]
    found.clean_and_trim()
    return found


def _shown_date(
    tree: HtmlElement, published_at: datetime, declared: str | None, fetched_at: datetime
) -> str | None:
    """The publication date as the page prints it.

    The first shown date on the declared day wins (a site header printing today's date comes
    before it but on another day); failing that, the first within a day and a half, since a
    date printed without its time or zone can land that far from the exact declared time.
    """
    days = {published_at.date()}
    with contextlib.suppress(ValueError, TypeError):
        days.add(datetime.fromisoformat((declared or "").strip()).date())  # the local day
    near: str | None = None
    # A date shown in a <div class="date"> around a <span class="date"> is the same text
    # twice, and each reading is a dateparser call.
    read: dict[str, datetime | None] = {}
    for text in itertools.islice(_shown_texts(tree), MAX_SHOWN_DATE_CANDIDATES):
        if len(text) > _MAX_SHOWN_DATE_CHARS:
            continue
        found = find_date(text)
        if found is None or not any(char.isdigit() for char in found.text):
            continue
        if found.text not in read:
            read[found.text] = resolve_date(found.text, fetched_at)
        when = read[found.text]
        if when is None:
            continue
        if when.date() in days:
            return found.text
        if near is None and abs(when - published_at) <= SHOWN_DATE_TOLERANCE:
            near = found.text
    return near


def _shown_texts(tree: HtmlElement) -> Iterator[str]:
    """The texts of the body's elements that show a date, in page order, blank ones left out.

    A walk over the body's elements rather than an XPath query: matching their class, id
    and itemprop in an XPath expression took twice as long.
    """
    body = tree.find("body")
    if body is None:
        return
    for element in body.iter(*_SHOWN_DATE_TAGS):
        if element.tag != "time":
            names = (element.get(name, "") for name in ("class", "id", "itemprop"))
            if not _DATE_NAMES.search(" ".join(names)):
                continue
        text = " ".join(element.text_content().split())
        if text:
            yield text


def _all(tree: HtmlElement, xpaths: tuple[str, ...]) -> list[str]:
    values: list[str] = []
    for xpath in xpaths:
        try:
            found = tree.xpath(xpath)
        except (ValueError, TypeError):  # lxml rejects some malformed documents at query time
            continue
        for value in found if isinstance(found, list) else []:
            raw = value.text_content() if isinstance(value, HtmlElement) else str(value)
            text = " ".join(raw.split())
            if text:
                values.append(text)
    return values


def _first(tree: HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    found = _all(tree, xpaths)
    return found[0] if found else None


def _language(tree: HtmlElement) -> str | None:
    declared = _first(tree, _LANG_XPATHS)
    if declared is None:
        return None
    match = _LANG.match(declared.split(",")[0].strip())
    return match.group(1).lower() if match else None
