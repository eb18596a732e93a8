"""The training side: labels read off references, and an exported model that predicts exactly
what scikit-learn's fitted model does."""

from __future__ import annotations

import gc

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier

from newsstream.parse.text.learned import LABELS, Trees, feature_names
from tests.train.fit import PageKey, Rows, export, matrix
from tests.train.labels import LabelledPage, label_against_body, label_spans, mark_inside


def test_lines_in_the_reference_are_body_and_short_ones_only_as_whole_lines() -> None:
    body = "The storm hit the coast on Monday night.\n\nShare the road.\n\nIt moved north."
    page = (
        "Menu\nStorm hits coast\nThe storm hit the coast on Monday night.\nShare\nIt moved north."
    )
    labels = label_against_body(page, body, "Storm hits coast")
    assert labels == ("other", "title", "start", "inside", "body")


def test_a_line_mostly_in_the_reference_is_body() -> None:
    body = "Officials said the bridge would reopen next week after repairs to its deck."
    page = "Officials said the bridge would reopen next week after repairs to its deck [1]."
    assert label_against_body(page, body, None) == ("start",)


def test_annotated_spans_label_each_story_and_keep_their_gap_a_boundary() -> None:
    page = "First headline\nOne body line.\nAd\nTwo body line.\nSecond headline\nThree body."
    spans = [("One body", "Two body line.", "First headline"), ("Three", "body.", None)]
    labels, stories = label_spans(page, spans, boilerplate=["Ad"])
    assert labels == ("title", "start", "inside", "body", "other", "start")
    assert stories == (-1, 0, -1, 0, -1, 1)


def test_inside_needs_the_same_story_on_both_sides() -> None:
    assert mark_inside(["body", "other", "body"], [0, None, 1]) == ("body", "other", "body")


@pytest.mark.parametrize("classes", [2, len(LABELS)])
def test_the_exported_trees_predict_what_the_fitted_model_predicts(classes: int) -> None:
    rng = np.random.default_rng(0)
    width = len(feature_names())
    x = rng.normal(size=(400, width))
    y = np.minimum(
        (x[:, 0] > 0).astype(int)
        + (x[:, 1] > 0.5).astype(int)
        + (x[:, 2] > 0.5).astype(int)
        + (x[:, 3] > 1).astype(int),
        classes - 1,
    )
    assert set(y) == set(range(classes))
    fitted = HistGradientBoostingClassifier(max_iter=15, max_depth=4, random_state=0).fit(x, y)
    model = Trees.from_json(export(fitted, x[:1], classes), width)
    expected = fitted.predict_proba(x[:20])
    got = model.predict(x[:20].tolist())
    assert np.allclose(got, expected, atol=1e-9)


def test_a_page_gets_its_own_rows_from_a_cache_kept_across_fits() -> None:
    """Folds make synthetic pages anew, under the same names, and a freed page's id is soon
    another page's: the rows cached for one page must never be handed to the next."""
    cache: dict[PageKey, Rows] = {}
    for number in range(12):
        furniture, more = number % 3, number % 4
        lines = ["Menu"] * furniture + ["A headline", "One line."] + ["More."] * more
        labels = ("other",) * furniture + ("title", "start") + ("body",) * more
        page = LabelledPage("synthetic-0", "site", "synthetic", "\n".join(lines), labels)
        _, targets, _ = matrix([page], cache)
        assert tuple(LABELS[target] for target in targets) == labels
        del page
        gc.collect()
