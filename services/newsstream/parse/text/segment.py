"""Group classified lines into story drafts: a headline, its metadata lines, its body paragraphs.

A body is a run of body lines; furniture, captions and short noise between paragraphs do not end
it, while a section header, a comment, a metadata line or a headline that opens a new story does.
Each run then looks upwards for its header: the nearest headline (the first print of a repeated
or near-repeated headline) and the metadata lines around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from newsstream.parse.text.classify import TRANSPARENT, Classified, Kind
from newsstream.parse.text.meta import Meta
from newsstream.parse.text.vocabulary import CALENDAR_WORDS, TOPIC_SHIFT

#: How many times longer than any other story the main story of an article page is.
MAIN_STORY_RATIO = 3
_NEAR_REPEAT = 0.6  # word overlap at which two headlines are one headline printed twice
_DECK_OVERLAP = 0.6  # share of a deck's words that its story's lead repeats
_DECK_MAX_WORDS = 50  # a deck is a sentence or two; a longer lone paragraph is a story's body
_REPEAT_WINDOW = 4  # content lines searched on each side for a repeated headline
_CONTEXT_PARAGRAPHS = 4  # paragraphs compared on each side of a headline inside a body


@dataclass
class Draft:
    """A story before clean-up: what segmentation found, in page order."""

    title: str | None
    metas: list[Meta]
    paragraphs: list[str]
    credits: list[Meta] = field(default_factory=list)
    trailing: list[Meta] = field(default_factory=list)
    parent: Draft | None = None  # the story this one was split from (same page item)
    # where the headline was looked for: lines from `zone[0]` up to the body's first line
    zone: tuple[int, int] | None = None
    title_line: int | None = None
    lines: list[int] = field(default_factory=list)  # page line of each paragraph


@dataclass
class _Run:
    lines: list[int]
    credits: list[Meta] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.lines[0]

    @property
    def end(self) -> int:
        return self.lines[-1]


@dataclass
class _Header:
    title: int | None
    metas: list[tuple[int, Meta]]
    top: int  # first line the header reaches up to


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _same_headline(first: str, second: str) -> bool:
    a, b = _word_set(first), _word_set(second)
    if not a or not b:
        return False
    return a == b or len(a & b) / len(a | b) >= _NEAR_REPEAT


def _step(
    items: list[Classified], index: int, step: int, skip_text: str | None = None
) -> int | None:
    """Next line in direction `step` that is not transparent (nor a reprint of `skip_text`:
    a few reprints are skipped, a page of look-alike headlines is not)."""
    position = index + step
    reprints = 0
    while 0 <= position < len(items):
        item = items[position]
        repeat = (
            skip_text is not None
            and item.kind is Kind.HEADLINE
            and reprints < _REPEAT_WINDOW
            and _same_headline(item.text, skip_text)
        )
        if item.kind not in TRANSPARENT and not repeat:
            return position
        reprints += repeat
        position += step
    return None


def _solid_neighbours(items: list[Classified]) -> tuple[list[int | None], list[int | None]]:
    """For each line, the nearest line before and after it that is not transparent."""
    before: list[int | None] = [None] * len(items)
    after: list[int | None] = [None] * len(items)
    last: int | None = None
    for index, item in enumerate(items):
        before[index] = last
        if item.kind not in TRANSPARENT:
            last = index
    last = None
    for index in range(len(items) - 1, -1, -1):
        after[index] = last
        if items[index].kind not in TRANSPARENT:
            last = index
    return before, after


def _is_story_meta(item: Classified | None) -> bool:
    return item is not None and item.kind is Kind.META and not (item.meta and item.meta.credit)


def _body_around(items: list[Classified], index: int, step: int) -> list[str]:
    """Up to a few body paragraphs on one side of a line, stopping where a body would end."""
    found: list[str] = []
    position = index + step
    while 0 <= position < len(items) and len(found) < _CONTEXT_PARAGRAPHS:
        item = items[position]
        if item.kind is Kind.BODY:
            found.append(item.text)
        elif item.kind not in TRANSPARENT:
            break
        position += step
    return found


def _continues(before: list[str], after: list[str]) -> bool:
    """The text after a line is the same story as the text before it: they share names."""
    common = _lower_words(before + after)
    return bool(_names(before, common) & _names(after, common))


# A button that unfolds the rest of an article, or the label over an ad inside it.
_EXPANDER = re.compile(
    r"^\W{0,3}(?:read\s+more|continue\s+reading|keep\s+reading"
    r"|read\s+(?:the\s+)?full\s+(?:story|article)|(?:story|article)\s+continues(?:\s+below)?)"
    r"\W{0,3}$",
    re.IGNORECASE,
)


def _open_expanders(items: list[Classified]) -> None:
    """ "Read more" between two body paragraphs unfolds the same story; it heads no links."""
    for index, item in enumerate(items):
        if item.kind is not Kind.SECTION or not _EXPANDER.match(item.text):
            continue
        before, after = _step(items, index, -1), _step(items, index, 1)
        if before is None or after is None:
            continue
        if items[before].kind is Kind.BODY and items[after].kind is Kind.BODY:
            items[index] = replace(item, kind=Kind.FURNITURE)


# A label over a few links set inside an article: "More:", "Related:", "Read more:".
_LINKS_LABEL = re.compile(
    r"^\W{0,3}(?:more|related|read\s+more|read\s+also|also\s+read|see\s+also"
    r"|more\s+on\s+this(?:\s+(?:story|topic))?)\s*:\s*$",
    re.IGNORECASE,
)
_MAX_INLINE_LINKS = 4


def _mark_labelled_links(items: list[Classified]) -> None:
    """ "More:" and a few headlines inside a story, which goes on for two paragraphs or more
    after them, are links set into the story: the headlines head no stories of their own."""
    previous, following = _solid_neighbours(items)  # once: a page of labels stays linear
    for index, item in enumerate(items):
        if item.kind not in {Kind.FURNITURE, Kind.SECTION} or not _LINKS_LABEL.match(item.text):
            continue
        before = previous[index]
        if before is None or items[before].kind is not Kind.BODY:
            continue
        links: list[int] = []
        position = following[index]
        while (
            position is not None
            and items[position].kind is Kind.HEADLINE
            and len(links) <= _MAX_INLINE_LINKS
        ):
            links.append(position)
            position = following[position]
        if not 0 < len(links) <= _MAX_INLINE_LINKS or position is None:
            continue
        bodies = 0
        while position is not None and items[position].kind is Kind.BODY and bodies < 2:
            bodies += 1
            position = following[position]
        if bodies < 2:
            continue
        items[index] = replace(item, kind=Kind.FURNITURE)
        for link in links:
            items[link] = replace(items[link], kind=Kind.RELATED)


_CARD_PARAGRAPHS = 2  # body paragraphs a teaser card holds under its headline, at most
_CARD_RUN = 3  # headline-and-teaser cards in a row that make a list of stories


def _card_headlines(items: list[Classified]) -> set[int]:
    """Headlines of a list of cards: three or more times in a row a headline, one or two
    paragraphs, then the next headline. A tag, archive or search page prints its stories so;
    a story's link cards do not come that regularly."""
    following: dict[int, int] = {}
    for index, item in enumerate(items):
        if item.kind is not Kind.HEADLINE:
            continue
        position = _step(items, index, 1)
        paragraphs = 0
        while position is not None and items[position].kind is Kind.BODY:
            paragraphs += 1
            position = _step(items, position, 1)
        if (
            1 <= paragraphs <= _CARD_PARAGRAPHS
            and position is not None
            and items[position].kind is Kind.HEADLINE
        ):
            following[index] = position
    cards: set[int] = set()
    heads = set(following) - set(following.values())
    for head in sorted(heads):
        chain = [head]
        while chain[-1] in following:
            chain.append(following[chain[-1]])
        if len(chain) >= _CARD_RUN:
            cards.update(chain)
    return cards


def _mark_related_links(items: list[Classified]) -> None:
    """A lone headline inside a story's text, without date, outlet or reprint, is a link card."""
    cards = _card_headlines(items)
    for index, item in enumerate(items):
        if item.kind is not Kind.HEADLINE or index in cards:
            continue
        before = _step(items, index, -1, item.text)
        after = _step(items, index, 1, item.text)
        if before is None or after is None:
            continue
        if items[before].kind is not Kind.BODY or items[after].kind is not Kind.BODY:
            continue
        lo, hi = max(0, index - 3 * _REPEAT_WINDOW), min(len(items), index + 3 * _REPEAT_WINDOW)
        reprinted = any(
            other != index
            and items[other].kind is Kind.HEADLINE
            and _same_headline(items[other].text, item.text)
            for other in range(lo, hi)
        )
        if reprinted:
            continue
        # Link cards are the common case; only a fresh lead (a dateline) about other names
        # shows a new story printed without date or outlet.
        features = items[after].features
        fresh_lead = features is not None and features.dateline
        if fresh_lead and not _continues(
            _body_around(items, index, -1), _body_around(items, index, 1)
        ):
            continue
        items[index] = replace(item, kind=Kind.RELATED)


def _runs(items: list[Classified]) -> list[_Run]:
    runs: list[_Run] = []
    current: _Run | None = None
    for index, item in enumerate(items):
        if item.kind is Kind.BODY:
            if current is None:
                current = _Run([])
                runs.append(current)
            current.lines.append(index)
        elif item.kind is Kind.META and item.meta is not None and item.meta.credit:
            if current is not None:
                current.credits.append(item.meta)
        elif item.kind not in TRANSPARENT:
            current = None
    return runs


def _header(items: list[Classified], start: int, floor: int) -> _Header:
    """Walk up from a body's first line to collect its headline and metadata lines."""
    title: int | None = None
    metas: list[tuple[int, Meta]] = []
    position = start - 1
    while position >= floor:
        item = items[position]
        if item.kind in TRANSPARENT:
            position -= 1
            continue
        if item.kind is Kind.META and item.meta is not None and item.meta.credit:
            # above a body, a lone agency name is the card's source, not a closing credit
            if item.meta.authors:
                metas.append((position, Meta(publisher=item.meta.authors[0])))
            position -= 1
            continue
        if item.kind is Kind.META and item.meta is not None:
            if title is not None:
                above = _step(items, position, -1)
                if (
                    above is not None
                    and above >= floor
                    and items[above].kind is Kind.HEADLINE
                    and not _same_headline(items[above].text, items[title].text)
                ):
                    break  # this line belongs to the headline above it
            metas.append((position, item.meta))
            position -= 1
            continue
        if item.kind is Kind.HEADLINE and (
            title is None or _same_headline(item.text, items[title].text)
        ):
            title = position  # the first print of a repeated headline is the headline
            position -= 1
            continue
        break
    metas.reverse()
    return _Header(title, metas, position + 1)


def _headline_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _first_prints(items: list[Classified]) -> dict[str, int]:
    """Where each headline is first printed on the page."""
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.kind is Kind.HEADLINE:
            first.setdefault(_headline_key(item.text), index)
    return first


def _article_header(
    items: list[Classified], header: _Header, start: int, floor: int, first: dict[str, int]
) -> _Header | None:
    """The header of an article page whose body sits under a strip of teaser links.

    When the headline found above a body is a link printed further up the page too (a menu
    or a trending strip repeated over the article), the article's own headline is the first
    one above it that is printed only here and has a byline or date under it.
    """

    def teaser(position: int) -> bool:
        return first.get(_headline_key(items[position].text), position) < (
            position - 3 * _REPEAT_WINDOW
        )

    if header.title is None or not teaser(header.title):
        return None
    metas: list[tuple[int, Meta]] = []
    position = start - 1
    while position >= floor:
        item = items[position]
        if item.kind in TRANSPARENT or (item.kind is Kind.HEADLINE and teaser(position)):
            position -= 1
            continue
        if item.kind is Kind.META and item.meta is not None and not item.meta.credit:
            metas.append((position, item.meta))
            position -= 1
            continue
        if item.kind is Kind.HEADLINE and metas:
            metas.reverse()
            return _Header(position, metas, position)
        return None
    return None


def _is_deck(
    items: list[Classified],
    run: _Run,
    header: _Header,
    following: _Run,
    header_of_following: _Header,
) -> bool:
    """A one-paragraph run under a headline, then only metadata, then the real body: a deck.

    It is one when the lead repeats it, when a byline sits between them, or when it sits
    right under its own headline, is as short as decks are, and the body below has no
    headline of its own (headline, deck, byline, date, body is how article pages open).
    """
    if len(run.lines) != 1 or header_of_following.title is not None:
        return False
    if not header_of_following.metas or header_of_following.top <= run.end:
        return False
    deck = _word_set(items[run.start].text)
    lead = _word_set(items[following.start].text)
    repeated = bool(deck) and len(deck & lead) / len(deck) >= _DECK_OVERLAP
    bylined = any(meta.authors for _, meta in header_of_following.metas)
    short = (
        header.title is not None
        and not header.metas  # a deck sits right under its headline
        and len(items[run.start].text.split()) <= _DECK_MAX_WORDS
    )
    return repeated or bylined or short


def _trailing_metas(items: list[Classified], start: int, stop: int) -> list[Meta]:
    """Metadata after a body that no later headline claims: "(Published 26 November 2023)"."""
    found: list[Meta] = []
    for position in range(start, stop):
        item = items[position]
        if not _is_story_meta(item) or item.meta is None:
            continue
        after = _step(items, position, 1)
        if after is not None and items[after].kind is Kind.HEADLINE:
            break
        found.append(item.meta)
    return found


def segment(items: list[Classified]) -> list[Draft]:
    """Story drafts in page order."""
    _open_expanders(items)
    _mark_labelled_links(items)
    _mark_related_links(items)
    runs = _runs(items)
    first = _first_prints(items)
    headers: list[_Header] = []
    for number, run in enumerate(runs):
        floor = runs[number - 1].end + 1 if number else 0
        header = _header(items, run.start, floor)
        headers.append(_article_header(items, header, run.start, floor, first) or header)
    drafts: list[Draft] = []
    carried: _Header | None = None
    carried_floor = 0
    for number, run in enumerate(runs):
        header = headers[number]
        floor = runs[number - 1].end + 1 if number else 0
        if carried is not None:
            header = _Header(carried.title, carried.metas + header.metas, carried.top)
            floor = carried_floor
            carried = None
        following = runs[number + 1] if number + 1 < len(runs) else None
        if following is not None and _is_deck(
            items, run, headers[number], following, headers[number + 1]
        ):
            carried = header
            carried_floor = floor
            continue
        stop = headers[number + 1].top if following is not None else len(items)
        drafts.append(
            Draft(
                title=items[header.title].text if header.title is not None else None,
                metas=[meta for _, meta in header.metas],
                paragraphs=[items[position].text for position in run.lines],
                credits=list(run.credits),
                trailing=_trailing_metas(items, run.end + 1, stop),
                zone=(floor, run.start),
                title_line=header.title,
                lines=list(run.lines),
            )
        )
    return [part for draft in drafts for part in split_topic_shifts(draft)]


def _lower_words(paragraphs: list[str]) -> set[str]:
    """Words printed in lower case somewhere: capitalised, they open a sentence, not a name."""
    return set(re.findall(r"\b[a-z][\w'’-]*", " ".join(p[:4000] for p in paragraphs)))


def names_in(paragraphs: list[str]) -> set[str]:
    """The names a few paragraphs use (see `_names`), judged against their own lower-case
    words."""
    return _names(paragraphs, _lower_words(paragraphs))


def _names(paragraphs: list[str], common: set[str]) -> set[str]:
    """Capitalised words not opening a sentence, cut to a stem so Israel meets Israeli."""
    found: set[str] = set()
    for paragraph in paragraphs:
        previous = ""
        for token in paragraph[:4000].split():
            word = token.strip("\"'“”‘’()[],.;:!?")
            opens_sentence = not previous or previous[-1] in ".!?:" or token[:1] in "\"“‘'("
            previous = token
            if opens_sentence or not word[:1].isupper():
                continue
            key = re.sub(r"['’]s$", "", word.lower())
            if key in common or key in CALENDAR_WORDS:
                continue  # also printed in lower case: an ordinary word
            found.add(key[:5])
    return found


def split_topic_shifts(draft: Draft) -> list[Draft]:
    """Split where a paragraph turns to another story ("Meanwhile, in ...") sharing no names.

    Names are gathered once per paragraph, with running unions before and after each
    candidate, so a long body costs linear time however many candidates it has.
    """
    parts: list[Draft] = []
    current = draft
    start = 0
    paragraphs = draft.paragraphs
    common = _lower_words(paragraphs)
    per_paragraph = [_names([paragraph], common) for paragraph in paragraphs]
    after: list[set[str]] = [set() for _ in range(len(paragraphs) + 1)]
    for index in range(len(paragraphs) - 1, -1, -1):
        after[index] = after[index + 1] | per_paragraph[index]
    before: set[str] = set(per_paragraph[0]) if paragraphs else set()
    for index in range(1, len(paragraphs)):
        shifts = index - start >= 2 and bool(TOPIC_SHIFT.match(paragraphs[index]))
        if shifts and not before & after[index]:
            parts.append(
                replace(
                    current,
                    paragraphs=paragraphs[start:index],
                    credits=[],
                    lines=draft.lines[start:index],
                )
            )
            current = Draft(title=None, metas=[], paragraphs=[], parent=draft, zone=None)
            start = index
            before = set()
        before |= per_paragraph[index]
    if not parts:
        return [draft]
    # a credit line after the body signs its last story
    parts.append(
        replace(
            current,
            paragraphs=draft.paragraphs[start:],
            credits=draft.credits,
            lines=draft.lines[start:],
        )
    )
    return parts
