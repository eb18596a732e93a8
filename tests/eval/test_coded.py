"""Scoring of the coded casualty sets: the split, the subsets and the rates must be right."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.eval import coded, report
from tests.eval.sets import CodedRow, load_coded


def _row(
    key: str,
    killed: int,
    wounded: int | None,
    *,
    stated: tuple[bool, bool | None] = (True, True),
    victims: tuple[int | None, int | None] = (None, None),
    group: str | None = None,
) -> CodedRow:
    return CodedRow(
        id=key,
        text=f"text of {key}",
        killed=killed,
        wounded=wounded,
        killed_stated=stated[0],
        wounded_stated=stated[1],
        group=group or key,
        killed_victims=victims[0],
        wounded_victims=victims[1],
    )


def _keys_in(half: str, count: int) -> list[str]:
    keys = (f"row{n}" for n in range(1000))
    return [k for k in keys if coded.half_of(k) == half][:count]


def test_the_split_is_deterministic_and_roughly_even() -> None:
    keys = [f"row{n}" for n in range(1000)]
    halves = [coded.half_of(k) for k in keys]
    assert halves == [coded.half_of(k) for k in keys]
    assert 400 < halves.count(coded.DEV) < 600
    assert set(halves) == {coded.DEV, coded.HELD_OUT}


def test_rows_of_one_group_share_a_half() -> None:
    scores = coded.CodedScores()
    dev_group = _keys_in(coded.DEV, 1)[0]
    for n in range(5):
        scores.add(_row(f"other{n}", 1, 0, group=dev_group), (1, 0))
    assert scores.rows == {coded.DEV: 5, coded.HELD_OUT: 0}


def test_rates_per_subset_and_half() -> None:
    dev = _keys_in(coded.DEV, 2)
    held = _keys_in(coded.HELD_OUT, 2)
    scores = coded.CodedScores()
    scores.add(_row(dev[0], 3, 2), (3, 2))  # both right
    scores.add(_row(dev[1], 1, 0, stated=(False, False)), (0, 0))  # killed wrong, unstated
    scores.add(_row(held[0], 5, None, stated=(True, None)), (5, 7))  # wounded not coded
    scores.add(_row(held[1], 2, 4), (1, 4))  # killed wrong
    killed_all = scores.rate("killed", "all")
    assert (killed_all.hits, killed_all.rows) == (2, 4)
    dev_stated = scores.rate("killed", "stated", coded.DEV)
    assert (dev_stated.hits, dev_stated.rows) == (1, 1)
    held_killed = scores.rate("killed", "stated", coded.HELD_OUT)
    assert (held_killed.hits, held_killed.rows) == (1, 2)
    wounded_all = scores.rate("wounded", "all")
    assert (wounded_all.hits, wounded_all.rows) == (3, 3)  # the uncoded row is not scored
    assert scores.gap("killed", "stated") == pytest.approx(1.0 - 0.5)
    assert not scores.scored("killed_victims")
    assert scores.dev_misses == [f"{dev[1]}: got (0, 0) coded (1, 0)"]


def test_victims_only_counts_leave_suspects_out() -> None:
    scores = coded.CodedScores()
    # two killed, one of them the suspect: a summary of one victim is right victims-only
    scores.add(_row("a", 2, 0, victims=(1, 0)), (1, 0))
    assert scores.rate("killed", "all").hits == 0
    assert scores.rate("killed_victims", "all").hits == 1
    assert [m for m, s in coded.rows_of(scores) if s == "all"] == list(coded.MEASURES)


def test_score_runs_both_systems_and_the_table_prints(tmp_path: Path) -> None:
    rows = [
        {"id": "x1", "text": "Three people were killed and 4 injured.", "killed": 3,
         "wounded": 4, "killed_in_text": True, "wounded_in_text": True},
        {"id": "x2", "text": "A man was shot dead.", "killed": 1, "wounded": None,
         "killed_in_text": False, "wounded_in_text": None},
    ]  # fmt: skip
    (tmp_path / "casualties-wad-dev.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )

    def fake(texts: Sequence[tuple[str, str | None]]) -> list[tuple[int, int]]:
        return [(3, 4), (1, 0)][: len(texts)]

    loaded = load_coded(tmp_path, "casualties-wad-dev")
    assert [r.wounded_stated for r in loaded] == [True, None]
    (result,) = coded.evaluate_coded(tmp_path, summarise=fake)
    assert result.rows == 2
    assert not result.limited
    assert result.ours.rate("killed", "all").hits == 2
    assert result.baseline.rate("killed", "all").hits == 1  # "Three ... killed" only
    table = report.coded_table(result)
    assert "killed, stated rows" in table
    assert "held-out" in table
    assert report.coded_figures(result)["ours"]["killed/all"]["whole"]["hits"] == 2
    (limited,) = coded.evaluate_coded(tmp_path, limit=1, summarise=fake)
    assert limited.rows == 1
    assert limited.limited


def test_sample_is_fixed_and_keeps_file_order() -> None:
    rows = [_row(f"r{n}", 0, 0) for n in range(50)]
    picked = coded.sample(rows, 10)
    assert picked == coded.sample(rows, 10)
    assert len(picked) == 10
    assert [rows.index(r) for r in picked] == sorted(rows.index(r) for r in picked)
    assert coded.sample(rows, None) == rows


def test_a_set_with_headlines_is_scored_again_with_them(tmp_path: Path) -> None:
    row = {"id": "h1", "text": "The victim was named.", "title": "Man killed in shooting",
           "killed": 1, "wounded": 0, "killed_in_text": False, "wounded_in_text": True}  # fmt: skip
    (tmp_path / "casualties-gva-dev.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    seen: list[Sequence[tuple[str, str | None]]] = []

    def fake(texts: Sequence[tuple[str, str | None]]) -> list[tuple[int, int]]:
        seen.append(texts)
        return [(1, 0) if texts[0][1] else (0, 0)]

    alone, headlined = coded.evaluate_coded(tmp_path, summarise=fake)
    assert seen == [[("The victim was named.", None)], [("The victim was named.", row["title"])]]
    assert (alone.label, headlined.label) == (alone.name, f"{alone.name}, with headlines")
    assert alone.ours.rate("killed", "all").hits == 0
    assert headlined.ours.rate("killed", "all").hits == 1
