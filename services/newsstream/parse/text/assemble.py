"""Drafts become stories: body edges cleaned, outlet, authors and date settled, non-stories dropped.

Bylines glued to the first paragraph and wire credits after the last sentence move from the body
to `authors`. A draft with neither headline nor date of its own needs two paragraphs, or one that
reports in a news voice, to count as a story (a lone paragraph under a name is a reader's
comment); live-blog housekeeping is not a story; a story printed twice is kept once.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

from newsstream.parse.dates import resolve_date
from newsstream.parse.story import Story
from newsstream.parse.text.boilerplate import is_housekeeping
from newsstream.parse.text.meta import Meta, cut_glued_byline, cut_trailing_credit
from newsstream.parse.text.segment import Draft
from newsstream.parse.text.vocabulary import AGENCY, is_wire_agency

_DATELINE_CREDIT = re.compile(r"^[^()\n]{0,80}\((" + AGENCY + r")\)\s*(?:--|—|–|-|:)")
_MIN_WORDS = 3


def _clean_paragraphs(draft: Draft) -> tuple[list[str], list[str]]:
    """Body paragraphs without glued bylines or closing credits, and the authors they named."""
    authors: list[str] = []
    paragraphs = [paragraph.strip() for paragraph in draft.paragraphs]
    if paragraphs:
        first, named, _age = cut_glued_byline(paragraphs[0])
        paragraphs[0] = first.strip()
        authors.extend(named)
    while paragraphs and is_wire_agency(paragraphs[-1]):
        authors.append(paragraphs.pop().strip(" ()[]—–-"))
    if paragraphs:
        last, credited = cut_trailing_credit(paragraphs[-1])
        paragraphs[-1] = last.strip()
        authors.extend(credited)
    return [paragraph for paragraph in paragraphs if paragraph], authors


def _lineage(draft: Draft) -> list[Draft]:
    chain = [draft]
    while chain[-1].parent is not None:
        parent = chain[-1].parent
        assert parent is not None
        chain.append(parent)
    return chain


def _pick_date(metas: list[Meta]) -> str | None:
    dated = [meta for meta in metas if meta.date_text]
    if not dated:
        return None
    best = min(dated, key=lambda meta: meta.date_rank)
    return best.date_text


def _dateline_agency(paragraphs: list[str]) -> str | None:
    for paragraph in paragraphs:
        match = _DATELINE_CREDIT.match(paragraph[:140])
        if match:
            return match.group(1)
    return None


def _own_date(draft: Draft) -> bool:
    return any(meta.date_text for meta in draft.metas + draft.trailing)


def _is_story(draft: Draft, paragraphs: list[str]) -> bool:
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    if words < _MIN_WORDS:
        return False
    if is_housekeeping(" ".join(paragraphs)[:600]) and words < 120:
        return False
    if draft.title is None and draft.parent is None and not _own_date(draft):
        return len(paragraphs) >= 2 or _reports(paragraphs[0]) or narrates(paragraphs[0])
    return True


_QUOTED = re.compile(r"\"[^\"]{0,600}\"|“[^”]{0,600}”|‘[^’]{0,600}’")
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|confirmed|stated)\b", re.IGNORECASE
)
_ADDRESSING = re.compile(r"\b(?:you|your|yours|I|my|me)\b", re.IGNORECASE)


def _reports(paragraph: str) -> bool:
    """A lone paragraph is news if it reports and does not address the reader as comments do."""
    sample = paragraph[:3000]
    if len(sample.split()) < 40:
        return False
    unquoted = _QUOTED.sub(" ", sample)
    return bool(_REPORTING.search(unquoted)) and len(_ADDRESSING.findall(unquoted)) <= 1


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|u|ur)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|we|us|our|ours)\b")
_EVENT = re.compile(r"\d|\b[A-Z][a-z]+\b")


def narrates(paragraph: str) -> bool:
    """A lone paragraph told in the third person about an event is news, even without "said".

    Reader comments, the other lone paragraphs pages carry, argue with someone: they address
    the reader or an author, speak for themselves, or exclaim; a news brief does none of that.
    """
    sample = _QUOTED.sub(" ", paragraph[:3000])
    words = sample.split()
    last = sample.rstrip()[-1:]
    if len(words) < 6 or not (last.isalnum() or last in ".)"):
        return False
    if _SECOND_PERSON.search(sample) or len(_FIRST_PERSON.findall(sample)) > 0:
        return False
    if "!" in sample:
        return False
    # Names or figures beyond the first word: a report is about someone, somewhere, some number.
    return len(_EVENT.findall(" ".join(words[1:]))) >= 2


def _unique(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def _story(
    draft: Draft, paragraphs: list[str], authors: list[str], stamp: str | None, fetched_at: datetime
) -> Story:
    lineage = _lineage(draft)
    metas = [meta for item in lineage for meta in item.metas + item.trailing]
    publisher = next((meta.publisher for meta in metas if meta.publisher), None)
    credit_authors = [name for meta in draft.credits for name in meta.authors]
    all_authors = [name for meta in draft.metas for name in meta.authors] + authors + credit_authors
    if publisher is None:
        publisher = _dateline_agency(paragraphs)
    if publisher is None:
        publisher = next((name for name in all_authors if is_wire_agency(name)), None)
    date_text = None
    for item in lineage:  # a story's own date first, then the one it was split from
        date_text = _pick_date(item.metas + item.trailing)
        if date_text:
            break
    if date_text is None:
        date_text = stamp
    return Story(
        title=draft.title,
        paragraphs=tuple(paragraphs),
        publisher=publisher,
        authors=_unique(all_authors),
        published_text=date_text,
        published_at=resolve_date(date_text, fetched_at) if date_text else None,
    )


def _fingerprint(paragraphs: list[str]) -> str:
    return " ".join(" ".join(paragraphs).lower().split())


def _wire_page_agency(stories: list[Story]) -> str | None:
    """The agency whose own page this is: every dated item carries its dateline (AP tag pages)."""
    datelined = [_dateline_agency(list(story.paragraphs[:1])) for story in stories]
    agencies = {agency for agency in datelined if agency}
    publishers = {story.publisher for story in stories if story.publisher}
    if (
        len(agencies) == 1
        and sum(1 for agency in datelined if agency) >= 2
        and publishers <= agencies
    ):
        return agencies.pop()
    return None


def assemble(drafts: list[Draft], *, stamp: str | None, fetched_at: datetime) -> list[Story]:
    """Stories in page order, without non-stories and reprints."""
    stories: list[Story] = []
    seen: list[str] = []
    for draft in drafts:
        paragraphs, authors = _clean_paragraphs(draft)
        if not _is_story(draft, paragraphs):
            continue
        fingerprint = _fingerprint(paragraphs)
        if any(fingerprint == earlier or fingerprint in earlier for earlier in seen):
            continue
        seen.append(fingerprint)
        stories.append(_story(draft, paragraphs, authors, stamp, fetched_at))
    agency = _wire_page_agency(stories)
    if agency is not None:
        stories = [
            story if story.publisher else dataclasses.replace(story, publisher=agency)
            for story in stories
        ]
    return stories
