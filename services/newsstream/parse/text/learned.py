"""A learned second opinion on every line: body, headline or page furniture.

The phrase rules judge a line from what it says; they cannot weigh the dozens of weak signals a
page gives at once (a short sentence between two long paragraphs, a prose line far below the
story, a headline-like line inside a body). A small gradient-boosted tree model does: its inputs
are the line's own traits, the rules' verdicts on it and on its neighbours, and where the rules'
segmentation put it; its output corrects the rules' kinds before the page is segmented. The
model is a JSON file shipped with the package (rebuilt by `make train` from data whose terms
allow it), evaluated here with plain arrays: no training library is needed at run time.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsstream.parse.text.boundaries import SPLIT_FEATURES, content_words, overlap, split_vectors
from newsstream.parse.text.classify import Classified, Kind
from newsstream.parse.text.segment import Draft, names_in, segment

#: The labels the model tells apart, in the order of its outputs.
LABELS = ("other", "body", "title", "inside", "start")
MODEL_FILE = "line_model.json"
#: Share of a page's story words its largest story must hold for the model to drop body lines:
#: an article page. (Measured: on pages of peers, dropping lines cost a tenth of their stories.)
ARTICLE_SHARE = 0.5
#: Mean chance of a new story over a body's paragraph boundaries from which the body is read
#: as a column of snippets, a story a paragraph: most of its boundaries open one.
COLUMN_ON = 0.5
#: A body of fewer paragraphs is a column only when each of its boundaries opens a story with
#: at least `SHORT_COLUMN_ON`: two or three short paragraphs of an article may share few words.
COLUMN_PARAGRAPHS = 4
SHORT_COLUMN_ON = 0.9

_KINDS = tuple(kind for kind in Kind if kind is not Kind.BLANK)
_CONTEXT = (-2, -1, 1, 2)  # neighbouring content lines whose verdicts are inputs
_WINDOW = 5  # content lines on each side whose body share is an input


def _group(kind: Kind) -> int:
    """Coarse verdict of a neighbour: 0 body, 1 headline, 2 metadata, 3 section or comment,
    4 anything the body runs through."""
    if kind is Kind.BODY:
        return 0
    if kind is Kind.HEADLINE:
        return 1
    if kind is Kind.META:
        return 2
    if kind in (Kind.SECTION, Kind.COMMENT):
        return 3
    return 4


def feature_names() -> list[str]:
    names = [
        "log_words",
        "log_chars",
        "terminal",
        "colon_end",
        "breaks",
        "stopword_ratio",
        "capitalised_ratio",
        "starts_upper",
        "letters_ratio",
        "digit_ratio",
        "glued",
        "dateline",
        "other_script",
        "meta_date",
        "meta_authors",
        "meta_publisher",
        "meta_credit",
        "blank_before",
        "blank_after",
        "repeats",
        "position",
        "in_rule_story",
        "in_rule_main",
        "before_rule_main",
        "after_rule_main",
        "body_share_window",
        "log_story_words",
    ]
    names += [f"kind_{kind.value}" for kind in _KINDS]
    for offset in _CONTEXT:
        names += [f"ctx{offset:+d}_group{group}" for group in range(5)]
        names += [f"ctx{offset:+d}_log_words", f"ctx{offset:+d}_terminal"]
    return names


def _story_sizes(drafts: Sequence[Draft]) -> dict[str, int]:
    """The word count of the rule-built story each body text landed in, negative for the
    largest one: the rules' segmentation as an input, not a decision."""
    sizes = [sum(len(paragraph.split()) for paragraph in draft.paragraphs) for draft in drafts]
    if not sizes:
        return {}
    main = max(range(len(sizes)), key=sizes.__getitem__)
    where: dict[str, int] = {}
    for number, draft in enumerate(drafts):
        for paragraph in draft.paragraphs:
            where.setdefault(paragraph, -sizes[number] if number == main else sizes[number])
    return where


def line_vectors(
    items: Sequence[Classified], drafts: Sequence[Draft] | None = None
) -> list[list[float]]:
    """One input vector per line (blank lines included, all zero), in `feature_names()` order;
    `drafts` are the rules' stories of these lines, when the caller has them already."""
    content = [index for index, item in enumerate(items) if item.kind is not Kind.BLANK]
    order = {index: rank for rank, index in enumerate(content)}
    repeats = Counter(items[index].text for index in content)
    stories = _story_sizes(segment(list(items)) if drafts is None else drafts)
    main_lines = [index for index in content if stories.get(items[index].text, 0) < 0]
    main_first = main_lines[0] if main_lines else None
    main_last = main_lines[-1] if main_lines else None
    page_script = _page_script(items)
    all_words = [_words(items[index]) for index in content]
    body_words = [
        words if items[index].kind is Kind.BODY else 0
        for words, index in zip(all_words, content, strict=True)
    ]
    width = len(feature_names())
    vectors: list[list[float]] = []
    for index, item in enumerate(items):
        if item.kind is Kind.BLANK or item.features is None:
            vectors.append([0.0] * width)
            continue
        features = item.features
        meta = item.meta
        rank = order[index]
        story = stories.get(item.text, 0)
        low, high = max(0, rank - _WINDOW), min(len(content), rank + _WINDOW + 1)
        window_words = sum(all_words[low:high]) or 1
        row = [
            math.log1p(features.words),
            math.log1p(len(item.text)),
            float(features.terminal),
            float(features.colon_end),
            float(min(features.breaks, 10)),
            features.stopword_ratio,
            features.capitalised_ratio,
            float(features.starts_upper),
            features.letters_ratio,
            features.digit_ratio,
            float(features.glued_tokens > 0),
            float(features.dateline),
            float(features.script not in ("", "LATIN", page_script)),
            float(meta is not None and meta.has_date),
            float(meta is not None and bool(meta.authors)),
            float(meta is not None and meta.publisher is not None),
            float(meta is not None and meta.credit),
            float(index > 0 and items[index - 1].kind is Kind.BLANK),
            float(index + 1 < len(items) and items[index + 1].kind is Kind.BLANK),
            float(min(repeats[item.text] - 1, 5)),
            rank / max(1, len(content) - 1),
            float(story != 0),
            float(story < 0),
            float(main_first is not None and index < main_first),
            float(main_last is not None and index > main_last),
            sum(body_words[low:high]) / window_words,
            math.log1p(abs(story)),
        ]
        row += [float(item.kind is kind) for kind in _KINDS]
        for offset in _CONTEXT:
            other = rank + offset
            if 0 <= other < len(content):
                neighbour = items[content[other]]
                group = _group(neighbour.kind)
                row += [float(group == number) for number in range(5)]
                measured = neighbour.features
                row += [
                    math.log1p(measured.words) if measured else 0.0,
                    float(measured.terminal) if measured else 0.0,
                ]
            else:
                row += [0.0] * 7
        vectors.append(row)
    return vectors


def _words(item: Classified) -> int:
    return item.features.words if item.features is not None else 0


def _page_script(items: Sequence[Classified]) -> str:
    weights: Counter[str] = Counter()
    for item in items:
        if item.features is not None and item.features.script:
            weights[item.features.script] += item.features.words
    return weights.most_common(1)[0][0] if weights else ""


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted trees, one per label and round, summed and soft-maxed.

    Stored as padded arrays (tree, node) so that every tree walks every row at once: a page
    costs a few array operations per tree level, not a loop per line.
    """

    init: np.ndarray[Any, np.dtype[np.float64]]  # (labels,)
    rate: float
    label_of_tree: np.ndarray[Any, np.dtype[np.intp]]  # (trees,)
    feature: np.ndarray[Any, np.dtype[np.intp]]  # (trees, nodes); leaves point at feature 0
    threshold: np.ndarray[Any, np.dtype[np.float64]]
    left: np.ndarray[Any, np.dtype[np.intp]]  # leaves point at themselves
    right: np.ndarray[Any, np.dtype[np.intp]]
    value: np.ndarray[Any, np.dtype[np.float64]]
    depth: int
    width: int  # inputs per row

    @classmethod
    def from_json(cls, data: dict[str, Any], width: int) -> Trees:
        rounds = data["trees"]
        labels = len(data["init"])
        if labels == 1:  # a two-label model boosts one score: the second label's log-odds
            rounds = [[None, tree[0]] for tree in rounds]
        trees = [
            (label, tree)
            for round_ in rounds
            for label, tree in enumerate(round_)
            if tree is not None
        ]
        nodes = max(len(tree[0]) for _, tree in trees)
        count = len(trees)
        feature = np.zeros((count, nodes), dtype=np.intp)
        threshold = np.zeros((count, nodes))
        left = np.tile(np.arange(nodes, dtype=np.intp), (count, 1))
        right = left.copy()
        value = np.zeros((count, nodes))
        for number, (_, (feat, thresh, lefts, rights, values)) in enumerate(trees):
            size = len(feat)
            inner = np.asarray(lefts) >= 0
            feature[number, :size] = np.where(inner, feat, 0)
            threshold[number, :size] = thresh
            left[number, :size] = np.where(inner, lefts, np.arange(size))
            right[number, :size] = np.where(inner, rights, np.arange(size))
            value[number, :size] = values
        init = [0.0, *data["init"]] if labels == 1 else list(data["init"])
        return cls(
            init=np.asarray(init, dtype=float),
            rate=float(data["rate"]),
            label_of_tree=np.asarray([label for label, _ in trees], dtype=np.intp),
            feature=feature,
            threshold=threshold,
            left=left,
            right=right,
            value=value,
            depth=int(data["depth"]),
            width=width,
        )

    def predict(self, rows: Sequence[Sequence[float]]) -> np.ndarray[Any, np.dtype[np.float64]]:
        """Label probabilities, one row per input row."""
        x = np.asarray(rows, dtype=float).reshape(len(rows), self.width)
        trees = np.arange(len(self.feature))[:, None]
        node = np.zeros((len(self.feature), len(x)), dtype=np.intp)
        columns = np.arange(len(x))[None, :]
        for _ in range(self.depth):
            goes_left = x.T[self.feature[trees, node], columns] <= self.threshold[trees, node]
            node = np.where(goes_left, self.left[trees, node], self.right[trees, node])
        leaves = self.value[trees, node]  # (trees, rows)
        scores = np.tile(self.init, (len(x), 1))
        np.add.at(scores.T, self.label_of_tree, self.rate * leaves)
        scores -= scores.max(axis=1, keepdims=True)
        exps = np.exp(scores)
        probabilities: np.ndarray[Any, np.dtype[np.float64]] = exps / exps.sum(
            axis=1, keepdims=True
        )
        return probabilities


@dataclass(frozen=True)
class LineModel:
    """The line model, the story-join and story-split models and the confidence the line and
    join decisions need (a column's is `COLUMN_ON`)."""

    lines: Trees
    pairs: Trees | None
    splits: Trees | None
    body_on: float  # P(body) above which a line the rules dropped becomes body
    body_off: float  # P(body) below which a line the rules kept as body is dropped
    title_on: float  # P(title) from which a line becomes its story's headline
    join_on: float  # P(join) from which a story goes on with the next one

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        if list(data["features"]) != feature_names() or list(data["labels"]) != list(LABELS):
            raise ValueError("line model was built for other features: run `make train`")
        pairs = data.get("pairs")
        if pairs is not None and list(pairs["features"]) != list(PAIR_FEATURES):
            raise ValueError("story-join model was built for other features: run `make train`")
        splits = data.get("splits")
        if splits is not None and list(splits["features"]) != list(SPLIT_FEATURES):
            raise ValueError("story-split model was built for other features: run `make train`")
        return cls(
            lines=Trees.from_json(data, len(data["features"])),
            pairs=Trees.from_json(pairs, len(PAIR_FEATURES)) if pairs is not None else None,
            splits=Trees.from_json(splits, len(SPLIT_FEATURES)) if splits is not None else None,
            body_on=float(data["body_on"]),
            body_off=float(data["body_off"]),
            title_on=float(data["title_on"]),
            join_on=float(data.get("join_on", 1.1)),
        )

    def predict(self, rows: Sequence[Sequence[float]]) -> np.ndarray[Any, np.dtype[np.float64]]:
        return self.lines.predict(rows)


@lru_cache(maxsize=1)
def shipped_model() -> LineModel | None:
    """The model shipped with the package; None when it was not built."""
    source = resources.files("newsstream.parse.text").joinpath(MODEL_FILE)
    if not source.is_file():
        return None
    return LineModel.from_json(json.loads(source.read_text(encoding="utf-8")))


# Kinds a confident model may turn into body: the rules' weighed guesses, not phrase matches.
_MAY_BE_BODY = frozenset({Kind.WEAK, Kind.NOISE, Kind.HEADLINE, Kind.CAPTION})


@dataclass(frozen=True)
class Judgement:
    """The lines with the model's corrections, and each line's chance of being a headline and
    of opening a story (inputs of the story-join model)."""

    items: list[Classified]
    title_chance: list[float]
    start_chance: list[float]


def judge(
    items: list[Classified],
    model: LineModel | None,
    vectors: Sequence[Sequence[float]] | None = None,
) -> Judgement:
    """The rules' kinds, with the lines the model is confident about changed.

    A body line the model rejects becomes furniture, so the story runs on through it; a line
    the rules dropped but the model finds to be body becomes body. Metadata, section headers
    and comments keep the rules' verdict. ("inside" and "start" are labels the model learns
    so that body, headline and furniture are told apart more sharply; cutting stories at
    confident "start" lines was measured and invented more articles than it found.)
    """
    if model is None or not items:
        return Judgement(items, [], [])
    drafts = segment(list(items))  # the rules' stories: inputs, and the page's kind
    chances = model.predict(line_vectors(items, drafts) if vectors is None else vectors)
    body = chances[:, LABELS.index("body")] + chances[:, LABELS.index("start")]
    share, kept = _rule_stories(drafts)
    result = list(items)
    for index, item in enumerate(items):
        if item.kind is Kind.BODY:
            if share >= ARTICLE_SHARE and index not in kept and body[index] < model.body_off:
                result[index] = replace(item, kind=Kind.FURNITURE)
        elif item.kind in _MAY_BE_BODY and body[index] > model.body_on:
            result[index] = replace(item, kind=Kind.BODY)
    blank = np.asarray([item.kind is Kind.BLANK for item in items])
    title = np.where(blank, 0.0, chances[:, LABELS.index("title")])
    start = np.where(blank, 0.0, chances[:, LABELS.index("start")])
    return Judgement(result, title.tolist(), start.tolist())


def _rule_stories(drafts: Sequence[Draft]) -> tuple[float, set[int]]:
    """What the rules' stories say about the page: the share of its story words the largest
    one holds, and the lines of stories printed under a header of their own where the page has
    several.

    The share is high on an article page (perhaps cut in parts by a box of links), the kind of
    page the model learned to clean; low on a page of peers (a digest, a tag or search page),
    where a short card is a story, not a stray line, and is not emptied. Stories under their
    own headline and date or outlet line are items of a list, whatever their sizes: their lines
    are kept.
    """
    sizes = [sum(len(text.split()) for text in draft.paragraphs) for draft in drafts]
    if not sizes or not sum(sizes):
        return 0.0, set()
    headed = [draft for draft in drafts if _own_header(draft)]
    kept = {line for draft in headed for line in draft.lines} if len(headed) > 1 else set()
    return max(sizes) / sum(sizes), kept


# Kinds a headline may have been given by the rules (metadata and comments are never one).
_TITLE_KINDS = frozenset({Kind.HEADLINE, Kind.NOISE, Kind.WEAK, Kind.FURNITURE, Kind.SECTION})


def retitle(drafts: list[Draft], judgement: Judgement, threshold: float) -> list[Draft]:
    """Each story's headline: the line above its body the model likes best as a headline, when
    it is sure enough; otherwise the one the rules chose."""
    if not judgement.title_chance:
        return drafts
    items, chance = judgement.items, judgement.title_chance
    result: list[Draft] = []
    for draft in drafts:
        if draft.zone is None:
            result.append(draft)
            continue
        low, high = draft.zone
        candidates = [i for i in range(low, high) if items[i].kind in _TITLE_KINDS]
        best = max(candidates, key=chance.__getitem__, default=None)
        if best is None or best == draft.title_line or chance[best] < threshold:
            result.append(draft)
            continue
        text = items[best].text
        paragraphs = draft.paragraphs[1:] if draft.paragraphs[:1] == [text] else draft.paragraphs
        result.append(replace(draft, title=text, title_line=best, paragraphs=paragraphs))
    return result


# ---------------------------------------------------------------------------------------------
# Joining neighbouring stories: the rules end a story at a box of related links, a subheading
# or a pull quote; whether the text below goes on with the same story is learned too.

PAIR_FEATURES = (
    "names_shared",
    "words_shared",
    "log_words_before",
    "log_words_after",
    "after_has_title",
    "after_title_chance",
    "after_has_meta",
    "after_has_date",
    "after_start_chance",
    "gap_lines",
    "gap_headlines",
    "gap_sections",
    "gap_metas",
    "gap_other",
    "before_ends_sentence",
    "after_starts_lower",
    "before_is_largest",
    "after_is_largest",
    "stories",
)


def pair_vectors(drafts: Sequence[Draft], judgement: Judgement) -> list[list[float]]:
    """One input vector per pair of neighbouring drafts (their page order), in `PAIR_FEATURES`
    order."""
    items = judgement.items
    sizes = [sum(len(paragraph.split()) for paragraph in draft.paragraphs) for draft in drafts]
    largest = max(range(len(sizes)), key=sizes.__getitem__) if sizes else -1
    rows: list[list[float]] = []
    for number in range(len(drafts) - 1):
        before, after = drafts[number], drafts[number + 1]
        tail, head = before.paragraphs[-3:], after.paragraphs[:3]
        gap = range(before.lines[-1] + 1, after.lines[0]) if before.lines and after.lines else ()
        gap_kinds = [items[index].kind for index in gap if items[index].kind is not Kind.BLANK]
        first_line = after.lines[0] if after.lines else None
        title_line = after.title_line
        rows.append(
            [
                overlap(names_in(tail), names_in(head)),
                overlap(content_words(tail), content_words(head)),
                math.log1p(sizes[number]),
                math.log1p(sizes[number + 1]),
                float(after.title is not None),
                judgement.title_chance[title_line] if title_line is not None else 0.0,
                float(bool(after.metas)),
                float(any(meta.has_date for meta in after.metas)),
                judgement.start_chance[first_line] if first_line is not None else 0.0,
                math.log1p(len(gap_kinds)),
                float(sum(kind is Kind.HEADLINE for kind in gap_kinds)),
                float(sum(kind is Kind.SECTION for kind in gap_kinds)),
                float(sum(kind is Kind.META for kind in gap_kinds)),
                float(sum(kind in (Kind.NOISE, Kind.FURNITURE) for kind in gap_kinds)),
                float(bool(tail) and tail[-1].rstrip()[-1:] in '.!?"”’'),
                float(bool(head) and head[0][:1].islower()),
                float(number == largest),
                float(number + 1 == largest),
                math.log1p(len(drafts)),
            ]
        )
    return rows


def _own_header(draft: Draft) -> bool:
    """A headline with its own date or outlet line: a story printed as an item of its own, never
    the rest of the story above it."""
    return draft.title is not None and any(meta.has_date or meta.publisher for meta in draft.metas)


def join_continuations(
    drafts: list[Draft], judgement: Judgement, model: LineModel | None
) -> list[Draft]:
    """Join each story to the one before it where the model is sure it goes on with it."""
    if model is None or model.pairs is None or len(drafts) < 2:
        return drafts
    if any(not draft.lines for draft in drafts):
        return drafts
    chances = model.pairs.predict(pair_vectors(drafts, judgement))[:, 1]
    joined = [drafts[0]]
    for number, draft in enumerate(drafts[1:]):
        if draft.parent is None and not _own_header(draft) and chances[number] >= model.join_on:
            last = joined[-1]
            joined[-1] = replace(
                last,
                paragraphs=[*last.paragraphs, *draft.paragraphs],
                lines=[*last.lines, *draft.lines],
                credits=[*last.credits, *draft.credits],
                trailing=draft.trailing,
            )
        else:
            joined.append(draft)
    return joined


# ---------------------------------------------------------------------------------------------
# Splitting a body where a new story begins with no headline of its own: a column of search
# snippets or card summaries (see `boundaries.py`).


def split_rows(drafts: Sequence[Draft], judgement: Judgement) -> list[list[list[float]]]:
    """The boundary vectors of each draft (none for a one-paragraph draft)."""
    return [split_vectors(draft, judgement.items, len(drafts)) for draft in drafts]


def split_stories(
    drafts: list[Draft], judgement: Judgement, model: LineModel | None
) -> list[Draft]:
    """Cut a column of snippets into its stories, a story a paragraph.

    A column is told as a whole: a body with no header of its own where the model finds most
    paragraph boundaries to open a new story (their mean chance at least `COLUMN_ON`; see
    `_column` for short bodies). A single boundary is never cut on its own: inside an article,
    a paragraph that turns to new names is far more often its next part than another story
    (measured: cutting at sure boundaries alone found no story and cut article bodies). The
    parts have no headline or metadata (the page printed none) and are marked as split from
    the story, so that no join puts them back. Only headerless bodies are judged: no other
    body is ever cut.
    """
    if model is None or model.splits is None or not judgement.items:
        return drafts
    rows = [
        split_vectors(draft, judgement.items, len(drafts)) if _headerless(draft) else []
        for draft in drafts
    ]
    flat = [row for draft_rows in rows for row in draft_rows]
    if not flat:
        return drafts
    chances = iter(model.splits.predict(flat)[:, 1].tolist())
    result: list[Draft] = []
    for draft, draft_rows in zip(drafts, rows, strict=True):
        chance = [next(chances) for _ in draft_rows]
        result.extend(_one_per_paragraph(draft) if _column(chance) else [draft])
    return result


def _column(chance: Sequence[float]) -> bool:
    """Most boundaries open a story; in a short body, which says less as a whole, every one
    surely does."""
    if not chance or sum(chance) / len(chance) < COLUMN_ON:
        return False
    return len(chance) + 1 >= COLUMN_PARAGRAPHS or min(chance) >= SHORT_COLUMN_ON


def _headerless(draft: Draft) -> bool:
    """No headline, date or byline of its own, nor the rest of a story cut off at a topic
    shift: a body printed under a header is one item of the page, whatever its paragraphs."""
    return draft.title is None and not draft.metas and draft.parent is None


def _one_per_paragraph(draft: Draft) -> list[Draft]:
    """A story of each paragraph of a headerless draft: the first keeps its place on the page,
    the last its credits and trailing lines, the others are split from it."""
    last = len(draft.paragraphs) - 1
    parts: list[Draft] = []
    for number, paragraph in enumerate(draft.paragraphs):
        part = replace(
            draft,
            paragraphs=[paragraph],
            lines=draft.lines[number : number + 1],
            credits=draft.credits if number == last else [],
            trailing=draft.trailing if number == last else [],
        )
        if number:
            part = replace(part, zone=None, title_line=None, parent=draft)
        parts.append(part)
    return parts
