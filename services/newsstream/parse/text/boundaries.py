"""Where one body is really several stories: the inputs of the learned story-split model.

A search-result or tag page that keeps only each card's summary prints a column of paragraphs
with no headline between them; the rules, which cut stories at headlines, read it as one
article. What tells the two apart is how the paragraphs hang together: a story's paragraphs
share its names and words, go on with a pronoun or a quote, and run to full stops, while a
column of snippets repeats the same shape (a fresh lede naming its day and its source, often cut
off with an ellipsis) and shares little but the topic. These are the features of each paragraph
boundary inside a body; the model that weighs them is in `learned.py`.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections.abc import Sequence

from newsstream.parse.text.classify import Classified, Kind
from newsstream.parse.text.segment import Draft, names_in
from newsstream.parse.text.vocabulary import ATTRIBUTION, STOPWORDS, WEEKDAYS

SPLIT_FEATURES = (
    "names_previous",
    "names_before",
    "words_previous",
    "words_before",
    "log_words_previous",
    "log_words_next",
    "previous_ellipsis",
    "next_ellipsis",
    "previous_terminal",
    "next_lower",
    "next_function_word",
    "next_quote",
    "next_weekday",
    "previous_weekday",
    "next_attribution",
    "log_paragraphs",
    "gap_lines",
    "gap_furniture",
    "has_title",
    "ellipsis_share",
    "function_share",
    "words_spread",
    "names_mean",
    "words_mean",
    "attribution_share",
    "weekday_share",
    "quote_share",
    "log_drafts",
)

_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
_QUOTES = "\"'“‘«"
_TERMINAL = '.!?"”’…'
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“”]")
_BEFORE = 2  # paragraphs above a boundary its "before" names and words are gathered from


def content_words(paragraphs: Sequence[str]) -> set[str]:
    """Lower-cased words of some length that are not function words: what a story is about."""
    text = " ".join(paragraph[:2000] for paragraph in paragraphs).lower()
    return {word for word in text.split() if len(word) > 3 and word not in STOPWORDS}


def overlap(first: set[str], second: set[str]) -> float:
    """Shared share of the smaller set: 1 when one says nothing the other does not."""
    return len(first & second) / min(len(first), len(second)) if first and second else 0.0


def _first_word(paragraph: str) -> str:
    words = paragraph.split(maxsplit=1)
    return words[0].strip(_QUOTES + "(").lower() if words else ""


def _opens_with_function_word(paragraph: str) -> bool:
    return _first_word(paragraph) in STOPWORDS


def _ends_with_ellipsis(paragraph: str) -> bool:
    return bool(_ELLIPSIS.search(paragraph))


def split_vectors(draft: Draft, items: Sequence[Classified], drafts: int) -> list[list[float]]:
    """One input vector per boundary between neighbouring paragraphs of `draft` (before its
    second, third, ... paragraph), in `SPLIT_FEATURES` order. Names and words are compared with
    the paragraph above and with the two above it; the draft's own shape (how much its
    neighbouring paragraphs share, how many quote someone or name a day) is in every row, since
    a column of snippets is told from an article as a whole."""
    paragraphs = draft.paragraphs
    if len(paragraphs) < 2 or len(draft.lines) != len(paragraphs):
        return []
    names = [names_in([paragraph]) for paragraph in paragraphs]
    words = [content_words([paragraph]) for paragraph in paragraphs]
    sizes = [len(paragraph.split()) for paragraph in paragraphs]
    mean = statistics.fmean(sizes)
    spread = statistics.pstdev(sizes) / mean if mean else 0.0
    ellipsis_share = sum(map(_ends_with_ellipsis, paragraphs)) / len(paragraphs)
    function_share = sum(map(_opens_with_function_word, paragraphs[1:])) / (len(paragraphs) - 1)
    names_mean = statistics.fmean(overlap(a, b) for a, b in itertools.pairwise(names))
    words_mean = statistics.fmean(overlap(a, b) for a, b in itertools.pairwise(words))
    shape = [
        ellipsis_share,
        function_share,
        spread,
        names_mean,
        words_mean,
        _share(paragraphs, ATTRIBUTION),
        _share(paragraphs, _WEEKDAY),
        _share(paragraphs, _QUOTED),
    ]
    rows: list[list[float]] = []
    for index in range(1, len(paragraphs)):
        previous, following = paragraphs[index - 1], paragraphs[index]
        low, high = draft.lines[index - 1], draft.lines[index]
        between = [items[line].kind for line in range(low + 1, high) if line < len(items)]
        rows.append(
            [
                overlap(names[index - 1], names[index]),
                overlap(set().union(*names[max(0, index - _BEFORE) : index]), names[index]),
                overlap(words[index - 1], words[index]),
                overlap(set().union(*words[max(0, index - _BEFORE) : index]), words[index]),
                math.log1p(sizes[index - 1]),
                math.log1p(sizes[index]),
                float(_ends_with_ellipsis(previous)),
                float(_ends_with_ellipsis(following)),
                float(previous.rstrip()[-1:] in _TERMINAL),
                float(following[:1].islower()),
                float(_opens_with_function_word(following)),
                float(following[:1] in _QUOTES),
                float(bool(_WEEKDAY.search(following))),
                float(bool(_WEEKDAY.search(previous))),
                float(bool(ATTRIBUTION.search(following))),
                math.log1p(len(paragraphs)),
                math.log1p(sum(kind is not Kind.BLANK for kind in between)),
                float(sum(kind in (Kind.FURNITURE, Kind.NOISE) for kind in between)),
                float(draft.title is not None),
                *shape,
                math.log1p(drafts),
            ]
        )
    return rows


def _share(paragraphs: Sequence[str], pattern: re.Pattern[str]) -> float:
    return sum(bool(pattern.search(paragraph)) for paragraph in paragraphs) / len(paragraphs)
