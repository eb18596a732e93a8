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

from tests.train.labels import LabelledPage

_PAGES_PER_SOURCE = 1  # synthetic pages made per real page given
_SEED = 20261129


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
        made.append(
            LabelledPage(
                name=f"synthetic-{number}",
                group=cards[0][0].group,
                source="synthetic",
                text="\n".join(texts),
                labels=tuple(labels),
                stories=tuple(stories),
            )
        )
    return made
