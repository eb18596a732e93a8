"""Which extracted blocks are article: page furniture at the edges and inside is dropped.

The rules are about kinds of text every news page carries, never about one site:

- promotions of other pages inside the body: a short block that is all link text (a headline
  linking elsewhere), or one led by a "Related:" / "Read more:" / "Don't miss" label;
- the page's own title, standfirst, section label, byline and dateline printed above the body,
  and the controls around it ("Share", "Print", "1 / 8"): a few words, no sentence;
- the sign-off below it: newsletter and subscription offers, follow-us lines, tip lines,
  copyright notices, credits, calls to share or comment, and what follows them; and a heading
  in the second half with only end matter under it, the title of a box of links or a bio.

Blocks the precision extraction dropped are weaker evidence: inside the body too, such a block
goes when it is also weak on its face (a table row, a list item, link text, a short line that
is no sentence), unless the precision run dropped most of the page (then it read the page
differently, and its verdicts say little). Headings and citations stay: that run drops
structure and references by link density.

When the rules would leave nothing, the extraction is kept as it was: a page of headings is
still better read than refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from newsstream.parse.dates import find_date
from newsstream.parse.html_blocks import Block
from newsstream.parse.html_meta import PageMeta

# A headline-sized line that is all link text points to another page, unless it is a citation.
PROMO_MAX_CHARS: Final = 120
PROMO_LINK_SHARE: Final = 0.8
SIGN_OFF_MAX_CHARS: Final = 400
INNER_SIGN_OFF_MAX_CHARS: Final = 200
END_MATTER_SHORT_CHARS: Final = 40
# Two texts say the same when the shorter holds this share of the longer's words.
COVER_SHARE: Final = 0.6
BYLINE_MAX_WORDS: Final = 10
LEAD_HEAD_MAX_CHARS: Final = 120
# Above the body, a line of this many words or fewer that is no sentence is a control or label.
LEAD_LABEL_MAX_WORDS: Final = 3
# Below this share of the text confirmed by the precision run, its verdicts are not used.
CONFIRMED_MIN_SHARE: Final = 0.5
UNCONFIRMED_SHORT_CHARS: Final = 100
UNCONFIRMED_LINK_SHARE: Final = 0.3

_WORD: Final = re.compile(r"\w+")
_SENTENCE_CLOSE: Final = (".", "!", "?", ":", "…")
_CLOSED: Final = (*_SENTENCE_CLOSE, '"', "”", "’", ")")
# Link text that is a reference, not a promotion: a URL, a DOI, a numbered footnote.
_CITATION: Final = re.compile(
    r"^(?:\[\d{1,3}\]|https?://|www\.|doi\b|\S+\.(?:com|org|net|gov|edu)\b)", re.I
)
_PROMO_LABEL: Final = re.compile(
    r"^\W{0,3}(?:related(?:\s+(?:articles?|stories|content|coverage|reading|links?))?"
    r"|(?:read|see|watch|click|listen)\s+(?:more|also|next|here)|read\s+more"
    r"|more\s*(?:from|on|about|stories)?\s*:|also\s+(?:read|see|watch)|also"
    r"|recommended(?:\s+(?:for\s+you|stories|reading))?|don.?t\s+miss|must\s+read|trending"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|(?:most|more)\s+(?:popular|read)"
    r"|top\s+stories|latest\s+(?:news|stories|videos?)|up\s+next|what\s+to\s+read\s+next"
    r"|further\s+reading|further\s+coverage|explore\s+further)(?!\w)",
    re.I,
)
# After a label, a promotion goes on with a separator, or with nothing at all.
_LABEL_SEPARATOR: Final = re.compile(r"^(?:$|[:|»›>.…\-–—])")
# Sentences that sign a page off rather than tell a story, by phrase family.
_SIGN_OFF: Final = re.compile(
    # newsletters and subscriptions
    r"(?:\bsubscribe\s+(?:to|now|today|for|here)\b|^subscribe\b|newsletters?\W*$"
    r"|\b(?:our|free)\s+(?:\w+\s+){0,3}newsletters?\b"
    r"|thanks?\s+for\s+(?:signing\s+up|subscribing|reading)|your\s+subscription"
    r"|subscriptions?\s+(?:service|offer|plan)|(?:delivered|straight|right|directly)\s+"
    r"(?:to|in(?:to)?)\s+your\s+inbox|an\s+eye\s+on\s+your\s+inbox"
    r"|delivered\s+(?:to|through)\s+your\s+(?:door|letterbox|mailbox|home)"
    # follow-us, contact and tip lines
    r"|\bfollow\s+(?:us|him|her|them|me)\s+(?:on|at|@)|\bfollow\s+@"
    r"|\bfollow\s+\S+\s+on\s+(?:twitter|facebook|instagram|youtube|x)\b"
    r"|\bfollow\s+(?:\S+\s+){0,3}(?:full\s+)?coverage|on\s+(?:twitter|facebook|instagram)\s*@"
    r"|have\s+a\s+(?:news\s+)?tip\b|^send\s+us\b|(?:may|can)\s+be\s+reached\s+at"
    r"|\bcontact\s+(?:us|the\s+author)\b|^e-?mail\s*:|^\S+@\S+\.\w+$"
    # rights
    r"|©|\(c\)\s*\d{4}|\bcopyright\s*(?:\(c\)|\d{4})|^copyright\s+(?:(?-i:[A-Z])\S*\s+){1,4}\d{4}\b"
    r"|all\s+rights\s+reserved"
    # calls to share, comment, listen, install
    r"|^share\s+(?:this|on)\b|leave\s+a\s+(?:comment|reply)|tell\s+us\s+what\s+you\s+think"
    r"|^comments?$|join\s+the\s+(?:discussion|conversation)"
    r"|if\s+you\s+(?:enjoyed|liked)\s+this"
    # labels and credits
    r"|filed\s+under|^tags?\s*:|^sources?\s*:|^photo(?:graph)?s?\s*(?:by|:)"
    r"|^image\s*(?:credit|:)|^credits?\s*:|^(?:last\s+)?updated\s*(?::|at\b|on\b)"
    r"|^(?:additional\s+)?reporting\s+by|contributed\s+(?:to\s+)?(?:this\s+)?report"
    r"|^(?:edited|compiled)\s+by)",
    re.I,
)
# Calls to action: furniture below a story, but inside one they may be part of it (a deals
# post tells the reader to sign up for an offer or click through to a download).
_CALL_TO_ACTION: Final = re.compile(
    r"\bsign\s+up\s+(?:for|to|now|here|today)\b|click\s+here\b"
    r"|^(?:listen|watch)\s+(?:to\s+)?\S+\s+live\b|download\s+(?:the|our)\s+(?:\w+\s+)?app\b"
    r"|get\s+the\s+\w+(?:\s+\w+)?\s+app\b",
    re.I,
)
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+")
_BYLINE_LEAD: Final = re.compile(
    r"^(?:(?:written\s+|posted\s+)?by|von|por|par|door|di|av)\s*:?\s+", re.I
)
_STAFF_BYLINE: Final = re.compile(r"^(?:staff|wire)\s+(?:reports?|writers?)$", re.I)
_NAME_JOINERS: Final = frozenset(
    {"and", "&", "of", "the", "de", "da", "del", "van", "von", "der", "den", "le", "la", "und"}
    | {"y", "et", "e", "in", "at", "for", "staff", "writer", "reporter", "correspondent"}
)
_READING_TIME: Final = re.compile(
    r"\b(?:read(?:ing)?\s+time|\d+\s*min(?:ute)?s?\s+read|tempo\s+de\s+leitura|lesezeit"
    r"|tiempo\s+de\s+lectura|temps\s+de\s+lecture)\b",
    re.I,
)


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def _covers(text: str, candidates: tuple[str, ...]) -> bool:
    """`text` says what one of `candidates` says: the same words, give or take a few.

    "Headline | Site name" covers "Headline"; a paragraph that merely mentions the site name
    or an author in passing does not cover them.
    """
    words = _words(text)
    if not words:
        return False
    for candidate in candidates:
        other = _words(candidate)
        if not other:
            continue
        shorter, longer = sorted((words, other), key=len)
        if len(shorter) >= COVER_SHARE * len(longer) and " ".join(shorter) in " ".join(longer):
            return True
    return False


def is_promotion(block: Block) -> bool:
    """A pointer to another page: short all-link lines, or a block led by a promotion label."""
    text = block.text
    label = _PROMO_LABEL.match(text)
    if label is not None and len(text) <= 2 * PROMO_MAX_CHARS:
        rest = text[label.end() :].strip()
        if _LABEL_SEPARATOR.match(rest) or block.link_share >= 0.5:
            return True
    if block.kind in ("head", "row") or max(len(line) for line in block.lines) > PROMO_MAX_CHARS:
        return False  # headings and table rows are structure, even when linked
    return block.link_share >= PROMO_LINK_SHARE and not _CITATION.match(text)


def _sign_off_sentences(block: Block, *, calls: bool = True) -> list[bool]:
    sentences = [part for part in _SENTENCE_END.split(block.text) if part.strip()]
    return [
        bool(_SIGN_OFF.search(sentence) or (calls and _CALL_TO_ACTION.search(sentence)))
        for sentence in sentences
    ]


def is_sign_off(block: Block) -> bool:
    """Newsletter offers, follow-us and tip lines, copyright: what ends a page, not a story.

    The block must open with such a sentence or be mostly made of them, so a closing paragraph
    that ends by inviting comments is still article.
    """
    if len(block.text) > SIGN_OFF_MAX_CHARS:
        return False
    flagged = _sign_off_sentences(block)
    return bool(flagged) and (flagged[0] or 2 * sum(flagged) >= len(flagged))


def is_byline(text: str) -> bool:
    """ "By Jane Doe and John Roe, Reuters": a lead word, then names, no sentence."""
    if _STAFF_BYLINE.match(text):
        return True
    lead = _BYLINE_LEAD.match(text)
    if lead is None:
        return False
    rest = text[lead.end() :]
    date = find_date(rest)
    if date is not None:
        rest = rest[: date.start] + rest[date.end :]
    names = [word for word in re.split(r"[\s,|/]+", rest) if _WORD.search(word)]
    return 0 < len(names) <= BYLINE_MAX_WORDS and all(
        word[0].isupper() or word.casefold() in _NAME_JOINERS or word.startswith("@")
        for word in names
    )


def _is_dateline(text: str) -> bool:
    found = find_date(text)
    return found is not None and len(found.text) >= len(text) / 2


def _is_label(text: str) -> bool:
    """ "Share", "Updated", "1 / 8": a few words that do not close a sentence."""
    return len(_WORD.findall(text)) <= LEAD_LABEL_MAX_WORDS and not text.endswith(_SENTENCE_CLOSE)


def _is_lead_furniture(block: Block, meta: PageMeta) -> bool:
    """Title, standfirst, section label, byline or dateline printed above the body."""
    text = block.text
    if _covers(text, meta.headlines):
        return True
    if block.kind == "head":
        # a kicker, a title variant or the declared standfirst; a paragraph set as a heading
        # stays (a paragraph that repeats the description is the lead itself)
        return len(text) <= LEAD_HEAD_MAX_CHARS or _covers(text, meta.descriptions)
    return len(text) <= PROMO_MAX_CHARS and bool(
        _is_label(text)
        or block.link_share >= PROMO_LINK_SHARE
        or is_byline(text)
        or _READING_TIME.search(text)
        or (_CITATION.match(text) and " " not in text)
        or _is_dateline(text)
        or _covers(text, meta.authors)
    )


def drop_lead(blocks: list[Block], meta: PageMeta) -> list[Block]:
    """Drop what sits above the first paragraph of the body when it is title, deck or byline."""
    start = 0
    while start < len(blocks) and _is_lead_furniture(blocks[start], meta):
        start += 1
    return blocks[start:]


def _is_end_matter(block: Block) -> bool:
    """What may follow the last paragraph: sign-offs, headings, short or link-heavy blocks,
    and blocks only the lenient extraction kept."""
    return (
        is_sign_off(block)
        or block.kind == "head"
        or not block.precise
        or block.link_share >= 0.5
        or len(block.text) < END_MATTER_SHORT_CHARS
    )


def _is_trailing_heading(block: Block) -> bool:
    """A heading with nothing under it titles a box of links, unless it is a whole sentence."""
    text = block.text
    sentence = len(_WORD.findall(text)) >= 6 and text.endswith((".", "!", "?"))
    return block.kind == "head" and not (sentence and not text.endswith(".."))


def drop_end(blocks: list[Block]) -> list[Block]:
    """Drop the sign-off below the story.

    Trailing sign-off lines and headings go. And once a sign-off (a newsletter box, a
    follow-us line) or a heading that is no sentence appears in the second half of the text
    with only end matter after it, it and everything after it go: that is the page's footer
    zone or a box of links under its title, not the story.
    """
    end = len(blocks)
    while end > 0 and (is_sign_off(blocks[end - 1]) or _is_trailing_heading(blocks[end - 1])):
        end -= 1
    kept = blocks[:end]
    total = sum(len(block.text) for block in kept)
    only_end_matter_after = [True] * (len(kept) + 1)
    for index in range(len(kept) - 1, -1, -1):
        only_end_matter_after[index] = only_end_matter_after[index + 1] and _is_end_matter(
            kept[index]
        )
    seen = 0
    for index, block in enumerate(kept):
        cut = is_sign_off(block) or _is_trailing_heading(block)
        if 2 * seen >= total and cut and only_end_matter_after[index + 1]:
            return kept[:index]
        seen += len(block.text)
    return kept


def _is_weak(block: Block) -> bool:
    """A row, an item, link text or a short line that is no sentence; never a heading or a
    citation."""
    text = block.text.rstrip()
    if block.kind == "head" or _CITATION.match(text):
        return False
    return (
        block.kind in ("row", "item")
        or block.link_share >= UNCONFIRMED_LINK_SHARE
        or (len(text) < UNCONFIRMED_SHORT_CHARS and not text.endswith(_CLOSED))
    )


def drop_unconfirmed(blocks: list[Block]) -> list[Block]:
    """Weak blocks the precision extraction dropped, where it kept most of the text."""
    confirmed = sum(len(block.text) for block in blocks if block.precise)
    if confirmed < CONFIRMED_MIN_SHARE * sum(len(block.text) for block in blocks):
        return blocks
    return [block for block in blocks if block.precise or not _is_weak(block)]


def drop_promotions(blocks: list[Block]) -> list[Block]:
    return [block for block in blocks if not is_promotion(block)]


def drop_sign_offs(blocks: list[Block]) -> list[Block]:
    """Short blocks made only of sign-off sentences (calls to action aside), inside the body too."""
    return [
        block
        for block in blocks
        if len(block.text) > INNER_SIGN_OFF_MAX_CHARS
        or not all(_sign_off_sentences(block, calls=False))
    ]


def drop_wordless(blocks: list[Block]) -> list[Block]:
    """Separators and ornaments ("___", "* * *") carry no text."""
    return [block for block in blocks if _WORD.search(block.text)]


def _drop_title(blocks: list[Block], meta: PageMeta) -> list[Block]:
    if blocks and meta.title and _covers(blocks[0].text, (meta.title,)):
        return blocks[1:]
    return blocks


Rule = Callable[[list[Block], PageMeta], list[Block]]
RULES: list[Rule] = [
    lambda blocks, meta: drop_wordless(blocks),
    lambda blocks, meta: drop_unconfirmed(blocks),
    lambda blocks, meta: drop_promotions(blocks),
    drop_lead,
    lambda blocks, meta: drop_end(blocks),
    lambda blocks, meta: drop_sign_offs(blocks),
]


def article_paragraphs(blocks: list[Block], meta: PageMeta) -> list[str]:
    """Body paragraphs of the article, in page order."""
    kept = blocks
    for rule in RULES:
        kept = rule(kept, meta)
    if not kept:
        kept = _drop_title(drop_wordless(blocks), meta)
    return [line for block in kept for line in block.lines]
