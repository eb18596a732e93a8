"""Fit the line model: gradient-boosted trees over line features, exported to plain JSON.

scikit-learn fits; the service reads the exported trees with no training library
(`newsstream.parse.text.learned`). A line's label is one of `LABELS`; blank lines are left out.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from newsstream.parse.text.classify import Classified, classify_page
from newsstream.parse.text.learned import (
    LABELS,
    PAIR_FEATURES,
    SPLIT_FEATURES,
    Judgement,
    LineModel,
    feature_names,
    judge,
    line_vectors,
    pair_vectors,
    split_rows,
)
from newsstream.parse.text.lines import split_page
from newsstream.parse.text.segment import Draft, segment
from tests.train.labels import LabelledPage
from tests.train.synthetic import SNIPPETS

#: Boosting settings: small trees, few rounds, so the shipped file stays small and fast to read.
ROUNDS = 100
DEPTH = 4
MIN_LEAF = 40  # lines a leaf must hold: no rule from a handful of lines
RATE = 0.1
#: Crawler pages annotated by hand are the service's own input, and few: they weigh more than
#: a benchmark page rendered by us.
SOURCE_WEIGHT = {"pages-dev": 4.0, "seed": 4.0}
#: How sure the model must be to overrule the rules, either way.
BODY_ON = 0.8
BODY_OFF = 0.1
TITLE_ON = 0.5
PAIR_ROUNDS = 60
INNER_FOLDS = 3
#: Join a story to the one above when the join model finds that more likely than not: its
#: chances are fitted probabilities, and a missed join and a wrong one each cost a story.
JOIN_ON = 0.5


Prepared = tuple[list[Classified], list[list[float]]]
PageKey = tuple[str, str, int]
Rows = tuple[list[list[float]], list[int]]
_PREPARED: dict[PageKey, Prepared] = {}


def page_key(page: LabelledPage) -> PageKey:
    """What tells pages apart in a run's caches. Not the object's id: synthetic pages are made
    anew for every fold, and a freed page's id is soon another page's."""
    return (page.source, page.name, hash(page.text))


def prepared(page: LabelledPage) -> Prepared:
    """A page's classified lines and their feature rows, computed once per run."""
    key = page_key(page)
    if key not in _PREPARED:
        items = classify_page(split_page(page.text).lines)
        _PREPARED[key] = (items, line_vectors(items))
    return _PREPARED[key]


def page_rows(page: LabelledPage) -> tuple[list[list[float]], list[int]]:
    """The feature rows and label numbers of a page's non-blank lines."""
    items, vectors = prepared(page)
    lines = [item.line for item in items]
    rows: list[list[float]] = []
    targets: list[int] = []
    for line, row, label in zip(lines, vectors, page.labels, strict=False):
        if line.text:
            rows.append(row)
            targets.append(LABELS.index(label))
    return rows, targets


def matrix(
    pages: Sequence[LabelledPage], cache: dict[PageKey, Rows]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Rows, labels and per-row weights (a page weighs the square root of its line count, times
    its source's weight: long pages count more, but not line for line)."""
    rows: list[list[float]] = []
    targets: list[int] = []
    weights: list[float] = []
    for page in pages:
        key = page_key(page)
        if key not in cache:
            cache[key] = page_rows(page)
        page_x, page_y = cache[key]
        rows.extend(page_x)
        targets.extend(page_y)
        weight = SOURCE_WEIGHT.get(page.source, 1.0) / max(1, len(page_y)) ** 0.5
        weights.extend([weight] * len(page_y))
    return np.asarray(rows, dtype=float), np.asarray(targets), np.asarray(weights)


def _boosted(rounds: int) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(
        max_iter=rounds,
        max_depth=DEPTH,
        learning_rate=RATE,
        min_samples_leaf=MIN_LEAF,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=0,
    )


def fit(
    pages: Sequence[LabelledPage],
    cache: dict[PageKey, Rows] | None = None,
) -> dict[str, Any]:
    """The exported model fitted on `pages`: the line model, then the story-join model on the
    stories that the line model's corrections give on the same pages."""
    cache = {} if cache is None else cache
    every = list(pages)
    pages = [page for page in every if page.source != SNIPPETS]
    x, y, w = matrix(pages, cache)
    exported = export(_boosted(ROUNDS).fit(x, y, sample_weight=w), x[:1], len(LABELS))
    # The join model learns from stories cut with line models that did not see the page, as
    # the service's will be on a new page: in-sample cuts would be cleaner than any it meets.
    pair_x: list[list[float]] = []
    pair_y: list[int] = []
    split_x: list[list[float]] = []
    split_y: list[int] = []
    groups = [page.group for page in pages]
    for train, test in GroupKFold(n_splits=INNER_FOLDS).split(list(pages), groups=groups):
        inner_x, inner_y, inner_w = matrix([pages[index] for index in train], cache)
        held = {pages[index].group for index in test}
        inner = _boosted(ROUNDS).fit(inner_x, inner_y, sample_weight=inner_w)
        line_model = LineModel.from_json(export(inner, inner_x[:1], len(LABELS)))
        rows, targets = pair_matrix([pages[index] for index in test], line_model)
        pair_x.extend(rows)
        pair_y.extend(targets)
        rows, targets = split_matrix(
            [page for page in every if page.source == SNIPPETS and page.group in held]
            + [pages[index] for index in test],
            line_model,
        )
        split_x.extend(rows)
        split_y.extend(targets)
    if len(set(pair_y)) == 2:
        pairs = _boosted(PAIR_ROUNDS).fit(np.asarray(pair_x), np.asarray(pair_y))
        exported["pairs"] = {
            **export(pairs, np.asarray(pair_x[:1]), 2),
            "features": list(PAIR_FEATURES),
        }
        exported["join_on"] = JOIN_ON
    if len(set(split_y)) == 2:
        splits = _boosted(PAIR_ROUNDS).fit(np.asarray(split_x), np.asarray(split_y))
        exported["splits"] = {
            **export(splits, np.asarray(split_x[:1]), 2),
            "labels": ["same story", "new story"],
            "features": list(SPLIT_FEATURES),
        }
    return exported


def _majority(stories: Sequence[int]) -> int:
    known = [story for story in stories if story >= 0]
    return max(set(known), key=known.count) if known else -1


def _judged(
    pages: Sequence[LabelledPage], model: LineModel
) -> Iterator[tuple[tuple[int, ...], Judgement, list[Draft]]]:
    """Each page's story of every line, the model's judgement and the stories it gives."""
    for page in pages:
        items, vectors = prepared(page)
        judgement = judge(items, model, vectors)
        yield page.story_of_lines(), judgement, segment(judgement.items)


def pair_matrix(
    pages: Sequence[LabelledPage], model: LineModel
) -> tuple[list[list[float]], list[int]]:
    """Neighbouring story drafts of every page, labelled 1 when both hold the same story."""
    rows: list[list[float]] = []
    targets: list[int] = []
    for story_of, judgement, drafts in _judged(pages, model):
        if len(drafts) < 2 or any(not draft.lines for draft in drafts):
            continue
        owners = [
            _majority([story_of[line] for line in draft.lines if line < len(story_of)])
            for draft in drafts
        ]
        rows.extend(pair_vectors(drafts, judgement))
        targets.extend(
            int(first >= 0 and first == second) for first, second in itertools.pairwise(owners)
        )
    return rows, targets


def split_matrix(
    pages: Sequence[LabelledPage], model: LineModel
) -> tuple[list[list[float]], list[int]]:
    """Boundaries between neighbouring paragraphs of each story draft, labelled 1 where the
    paragraph below belongs to another story than the one above (both must be story text)."""
    rows: list[list[float]] = []
    targets: list[int] = []
    for story_of, judgement, drafts in _judged(pages, model):
        for draft, draft_rows in zip(drafts, split_rows(drafts, judgement), strict=True):
            for index, row in enumerate(draft_rows, start=1):
                above, below = draft.lines[index - 1], draft.lines[index]
                if max(above, below) >= len(story_of):
                    continue
                if story_of[above] < 0 or story_of[below] < 0:
                    continue
                rows.append(row)
                targets.append(int(story_of[above] != story_of[below]))
    return rows, targets


def export(
    model: HistGradientBoostingClassifier, sample: np.ndarray[Any, Any], labels: int
) -> dict[str, Any]:
    """The fitted trees as plain lists (a leaf's left child is -1, as the reader expects)."""
    del sample
    classes = [int(value) for value in model.classes_]
    if classes != list(range(labels)):
        raise ValueError(f"every label needs examples, got classes {classes}")
    trees = []
    for stage in model._predictors:  # the fitted trees; scikit-learn has no public accessor
        round_ = []
        for predictor in stage:
            nodes = predictor.nodes
            leaf = nodes["is_leaf"].astype(bool)
            left = np.where(leaf, -1, nodes["left"].astype(np.int64))
            right = np.where(leaf, -1, nodes["right"].astype(np.int64))
            round_.append([
                [int(value) for value in nodes["feature_idx"]],
                [float(value) for value in nodes["num_threshold"]],
                [int(value) for value in left],
                [int(value) for value in right],
                [float(value) for value in nodes["value"]],
            ])  # fmt: skip
        trees.append(round_)
    return {
        "labels": list(LABELS) if labels == len(LABELS) else ["apart", "joined"],
        "features": feature_names(),
        "init": [float(value) for value in np.ravel(model._baseline_prediction)],
        "rate": 1.0,  # the learning rate is already in the leaf values
        "trees": trees,
        "depth": DEPTH,
        "body_on": BODY_ON,
        "body_off": BODY_OFF,
        "title_on": TITLE_ON,
    }


def save(exported: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(exported, separators=(",", ":")) + "\n", encoding="utf-8")


def as_model(exported: dict[str, Any]) -> LineModel:
    return LineModel.from_json(exported)
