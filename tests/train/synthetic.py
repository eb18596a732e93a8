"""Multi-story pages composed from real rendered parts, labelled by construction.

Tag pages, search results, digests and live blogs are rare among article pages, yet they are
where a parser that learned only article pages fails: several short bodies, each under its
own headline, with furniture between. Each synthetic page takes a few real pages' headlines and
opening paragraphs (teaser cards, some with no body at all) and the furniture of other pages,
and lays them out the way such pages do. Built only from the pages it is given, so inside
cross-validation a fold's synthetic pages never hold text from its held-out pages.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from newsstream.parse.text.boundaries import content_words, overlap
from tests.train.labels import LabelledPage

_PAGES_PER_SOURCE = 1  # synthetic pages made per real page given
_SNIPPET_SHARE = 0.5  # snippet columns made per card page
_SEED = 20261129
#: The source of snippet columns: story-split examples only (a line of a column is a lede, and
#: the line model, which learns where an article's body starts, is not taught otherwise).
SNIPPETS = "snippets"
#: Every source of composed pages: what is not one of these is a real page.
COMPOSED = ("synthetic", SNIPPETS)
_ANNOTATED = ("pages-dev", "seed")
_LEDE_WORDS = 15  # an opening line shorter than this is a headline or a fragment, not a lede
_SIMILAR = 15  # a column of snippets draws from this many stories nearest its first in words


def _parts(page: LabelledPage) -> tuple[str | None, list[str], list[str]]:
    """A page's headline, body lines and furniture lines (non-blank, in order)."""
    lines = page.text.replace("\r\n", "\n").split("\n")
    title = None
    body: list[str] = []
    other: list[str] = []
    for line, label in zip(lines, page.labels, strict=False):
        text = line.strip()
        if not text:
            continue
        if label == "title" and title is None:
            title = text
        elif label in ("body", "start"):
            body.append(text)
        else:
            other.append(text)
    return title, body, other


def synthetic_pages(real: Sequence[LabelledPage]) -> list[LabelledPage]:
    """Composed pages from `real` (only benchmark pages with a headline and a body are used)."""
    rng = random.Random(_SEED)
    sources = [
        (page, *_parts(page))
        for page in real
        if page.source.startswith("benchmark") and page.labels.count("body") >= 2
    ]
    sources = [item for item in sources if item[1] is not None]
    if len(sources) < 4:
        return []
    made: list[LabelledPage] = []
    for number in range(len(sources) * _PAGES_PER_SOURCE):
        cards = rng.sample(sources, k=min(len(sources), rng.randint(2, 7)))
        lines: list[tuple[str, str, int]] = []
        furniture = cards[0][3]
        blank = rng.random() < 0.5  # browsers put blank lines between blocks, others do not
        headlines = rng.random() < 0.8  # search snippets and tag items may come without
        for text in furniture[: rng.randint(0, 8)]:
            lines.append((text, "other", -1))
        for card, (page, title, body, other) in enumerate(cards):
            del page
            assert title is not None
            if headlines:
                lines.append((title, "title", -1))
                if other and rng.random() < 0.5:
                    lines.append((rng.choice(other[:10]), "other", -1))  # a date or byline
                if rng.random() < 0.15:
                    continue  # a teaser with no body
            for place, text in enumerate(body[: rng.randint(1, 3)]):
                lines.append((text, "start" if place == 0 else "body", card))
            if rng.random() < 0.4:
                link = rng.choice(("Read more", "Continue reading", "Source link"))
                lines.append((link, "other", -1))
        for text in furniture[-rng.randint(0, 8) :] if furniture else []:
            lines.append((text, "other", -1))
        made.append(_page(f"synthetic-{number}", cards[0][0].group, lines, blank=blank))
    ledes = [(body[0], other, page.group) for page, _, body, other in sources if _is_lede(body[0])]
    ledes += [lede for page in real if page.source in _ANNOTATED for lede in _story_ledes(page)]
    columns = _snippet_columns(ledes, rng)
    articles = [(body, other, page.group) for page, _, body, other in sources]
    return made + columns + _bare_articles(articles, len(columns), rng)


def _bare_articles(
    articles: list[tuple[list[str], list[str], str]], count: int, rng: random.Random
) -> list[LabelledPage]:
    """Articles printed with no headline of their own: a feed's or a copy-paste's plain text,
    the article's paragraphs alone, sometimes with furniture around. Without them the story-
    split model sees headerless bodies only as columns of snippets, and cuts a plain article
    of short paragraphs into one story a paragraph; they are as many as the columns."""
    usable = [article for article in articles if len(article[0]) >= 3]
    made: list[LabelledPage] = []
    for number in range(min(count, len(usable) * 2)):
        body, furniture, group = rng.choice(usable)
        start = rng.randrange(max(1, len(body) - 2)) if rng.random() < 0.3 else 0
        paragraphs = body[start : start + rng.randint(3, 15)]
        lines: list[tuple[str, str, int]] = []
        for text in furniture[: rng.randint(0, 6)]:
            lines.append((text, "other", -1))
        for place, text in enumerate(paragraphs):
            lines.append((text, "start" if place == 0 else "body", 0))
        for text in furniture[-rng.randint(0, 6) :] if furniture else []:
            lines.append((text, "other", -1))
        blank = rng.random() < 0.5
        made.append(_page(f"bare-{number}", group, lines, blank=blank, source=SNIPPETS))
    return made


def _story_ledes(page: LabelledPage) -> list[tuple[str, list[str], str]]:
    """The opening paragraph of each annotated story that opens with a full paragraph (news
    ledes as crawled pages print them), with the page's other lines as furniture."""
    lines = page.text.replace("\r\n", "\n").split("\n")
    story_of = page.story_of_lines()
    firsts: dict[int, str] = {}
    other: list[str] = []
    for line, story in zip(lines, story_of, strict=False):
        text = line.strip()
        if story >= 0:
            firsts.setdefault(story, text)
        elif text:
            other.append(text)
    return [(text, other, page.group) for text in firsts.values() if _is_lede(text)]


def _is_lede(text: str) -> bool:
    return len(text.split()) >= _LEDE_WORDS and text[-1:] in '."”’'


def _page(
    name: str,
    group: str,
    lines: list[tuple[str, str, int]],
    *,
    blank: bool,
    source: str = "synthetic",
) -> LabelledPage:
    texts: list[str] = []
    labels: list[str] = []
    stories: list[int] = []
    for text, label, story in lines:
        texts.append(text)
        labels.append(label)
        stories.append(story)
        if blank:
            texts.append("")
            labels.append("other")
            stories.append(-1)
    return LabelledPage(
        name=name,
        group=group,
        source=source,
        text="\n".join(texts),
        labels=tuple(labels),
        stories=tuple(stories),
    )


def _snippet_columns(
    ledes: list[tuple[str, list[str], str]], rng: random.Random
) -> list[LabelledPage]:
    """Pages that keep only each card's summary: one opening paragraph per story, no headlines,
    often cut to a search engine's length with an ellipsis; the stories of one column are
    on neighbouring topics, as on a tag page or a search for one event."""
    words = [content_words([text]) for text, _, _ in ledes]
    made: list[LabelledPage] = []
    for number in range(int(len(ledes) * _SNIPPET_SHARE)):
        seed = rng.randrange(len(ledes))
        nearest = sorted(
            (index for index in range(len(ledes)) if index != seed),
            key=lambda index: -overlap(words[seed], words[index]),
        )[:_SIMILAR]
        cards = [seed, *rng.sample(nearest, k=min(len(nearest), rng.randint(2, 9)))]
        cut = rng.random() < 0.5  # search results cut each snippet; tag pages print it whole
        lines: list[tuple[str, str, int]] = []
        furniture = ledes[seed][1]
        for text in furniture[: rng.randint(0, 6)]:
            lines.append((text, "other", -1))
        for card, index in enumerate(cards):
            text = ledes[index][0]
            if cut:
                tokens = text.split()
                size = rng.randint(20, 40)
                text = " ".join(tokens[:size]) + (" ..." if len(tokens) > size else "")
            lines.append((text, "start", card))
        if rng.random() < 0.3:  # the excerpt ends inside the last snippet
            last, label, story = lines[-1]
            lines[-1] = (last[: rng.randint(len(last) // 3, max(len(last) // 3, len(last) - 1))],
                         label, story)  # fmt: skip
        for text in furniture[-rng.randint(0, 6) :] if furniture else []:
            lines.append((text, "other", -1))
        blank = rng.random() < 0.5
        made.append(
            _page(f"snippets-{number}", ledes[seed][2], lines, blank=blank, source=SNIPPETS)
        )
    return made
