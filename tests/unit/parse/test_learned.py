"""The learned line model: what its verdicts change in a page, and the shipped file."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

import pytest

from newsstream.parse.text import extract_text_stories
from newsstream.parse.text.boundaries import SPLIT_FEATURES
from newsstream.parse.text.classify import Kind, classify_page
from newsstream.parse.text.learned import (
    LABELS,
    PAIR_FEATURES,
    LineModel,
    feature_names,
    judge,
    line_vectors,
    shipped_model,
    split_rows,
)
from newsstream.parse.text.lines import split_page
from newsstream.parse.text.segment import segment

FETCHED_AT = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
ARTICLE = (
    "Harbour fire destroys three warehouses\n"
    "A fire destroyed three warehouses at the Portville harbour on Monday night, the fire"
    " department said, and no one was hurt.\n"
    "Officials stayed at the scene\n"
    "Firefighters fought the blaze for six hours before it was brought under control, a"
    " spokesman said on Tuesday.\n"
    "The cause of the fire is not yet known, and an inquiry has been opened by the city.\n"
)


def _constant(label: str, *, pairs: bool = False, splits: float | None = None) -> LineModel:
    """A model sure of one label for every line: a single leaf per label and a decisive prior."""
    leaf = [[0], [0.0], [-1], [-1], [0.0]]
    data: dict[str, Any] = {
        "labels": list(LABELS),
        "features": feature_names(),
        "init": [10.0 if name == label else 0.0 for name in LABELS],
        "rate": 1.0,
        "trees": [[leaf for _ in LABELS]],
        "depth": 1,
        "body_on": 0.8,
        "body_off": 0.1,
        "title_on": 0.5,
    }
    if pairs:
        data["pairs"] = {**data, "init": [10.0], "trees": [[leaf]], "features": PAIR_FEATURES}
        data["join_on"] = 0.5
    if splits is not None:  # every paragraph boundary opens a story with this chance
        odds = math.log(splits / (1 - splits))
        data["splits"] = {**data, "init": [odds], "trees": [[leaf]], "features": SPLIT_FEATURES}
    return LineModel.from_json(data)


def test_every_line_gets_one_input_row_of_the_declared_width() -> None:
    items = classify_page(split_page(ARTICLE).lines)
    rows = line_vectors(items)
    assert len(rows) == len(items)
    assert {len(row) for row in rows} == {len(feature_names())}


def test_a_line_the_model_is_sure_of_becomes_body() -> None:
    items = classify_page(split_page(ARTICLE).lines)
    assert items[2].kind is Kind.HEADLINE  # a short line without a full stop
    judged = judge(items, _constant("body")).items
    assert judged[2].kind is Kind.BODY


def test_body_lines_the_model_rejects_on_an_article_page_become_furniture() -> None:
    items = classify_page(split_page(ARTICLE).lines)
    judged = judge(items, _constant("other")).items
    assert [item.kind for item in judged if item.kind is Kind.BODY] == []
    assert all(
        after.kind is Kind.FURNITURE
        for before, after in zip(items, judged, strict=True)
        if before.kind is Kind.BODY
    )


def test_a_page_of_peers_keeps_its_short_cards_whatever_the_model_says() -> None:
    cards = "\n".join(
        f"Item {name} headline about the town\nThe town of {name} held its vote on Monday, the"
        " council said in a statement."
        for name in ("Alder", "Birch", "Cedar", "Dunmore")
    )
    items = classify_page(split_page(cards).lines)
    judged = judge(items, _constant("other")).items
    assert [item.kind for item in judged] == [item.kind for item in items]


def test_a_sure_join_model_joins_the_parts_of_a_story_the_rules_cut() -> None:
    page = (
        "Harbour fire destroys three warehouses\n"
        "A fire destroyed three warehouses at the Portville harbour on Monday night, the fire"
        " department said.\n"
        "Related stories\n"
        "Mayor opens the new harbour road\n"
        "Firefighters fought the Portville blaze for six hours before it was brought under"
        " control, the fire department said.\n"
    )
    apart = extract_text_stories(page, fetched_at=FETCHED_AT, model=None)
    assert len(apart) == 2
    joined = extract_text_stories(page, fetched_at=FETCHED_AT, model=_constant("body", pairs=True))
    assert len(joined) == 1
    assert joined[0].body.endswith("brought under control, the fire department said.")


SNIPPETS = (
    "Rescuers searched the rubble of a collapsed school in Dunmore on Tuesday, officials said.\n"
    "Floods cut the coastal road to Portville for a third day, the transport ministry said ...\n"
    "A court in Alder jailed two former ministers on Monday for taking bribes, prosecutors said."
)


def test_a_sure_split_model_cuts_a_column_of_snippets_into_stories() -> None:
    whole = extract_text_stories(SNIPPETS, fetched_at=FETCHED_AT, model=_constant("body"))
    assert len(whole) == 1
    cut = extract_text_stories(
        SNIPPETS, fetched_at=FETCHED_AT, model=_constant("body", splits=0.99)
    )
    assert [story.body.split()[0] for story in cut] == ["Rescuers", "Floods", "A"]
    assert all(story.title is None for story in cut[1:])


FOURTH = "Storms closed the airport at Tarn for six hours on Sunday, the operator said."


@pytest.mark.parametrize(("page", "stories"), [(SNIPPETS, 1), (f"{SNIPPETS}\n{FOURTH}", 4)])
def test_a_short_body_is_a_column_only_when_every_boundary_surely_opens_a_story(
    page: str, stories: int
) -> None:
    """Most boundaries (0.7) opening a story make a column of four paragraphs, not of three."""
    cut = extract_text_stories(page, fetched_at=FETCHED_AT, model=_constant("body", splits=0.7))
    assert len(cut) == stories


def test_each_paragraph_boundary_gets_one_split_row_of_the_declared_width() -> None:
    page = split_page(SNIPPETS)
    items = classify_page(page.lines)
    judgement = judge(items, _constant("body"))
    drafts = segment(judgement.items)
    rows = [row for draft_rows in split_rows(drafts, judgement) for row in draft_rows]
    assert len(rows) == 2
    assert {len(row) for row in rows} == {len(SPLIT_FEATURES)}
    ellipsis_after = SPLIT_FEATURES.index("previous_ellipsis")
    assert [row[ellipsis_after] for row in rows] == [0.0, 1.0]


def test_the_shipped_model_matches_the_features_the_code_computes() -> None:
    model = shipped_model()
    assert model is not None, "run `make train` to build the line model"
    assert model.lines.width == len(feature_names())
    assert model.pairs is not None
    assert model.pairs.width == len(PAIR_FEATURES)
    assert model.splits is not None
    assert model.splits.width == len(SPLIT_FEATURES)
    row = model.predict([[0.0] * len(feature_names())])[0]
    assert row.sum() == pytest.approx(1.0)


def test_a_model_built_for_other_features_is_refused() -> None:
    with pytest.raises(ValueError, match="make train"):
        LineModel.from_json({"labels": list(LABELS), "features": ["something else"]})
