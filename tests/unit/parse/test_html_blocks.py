"""Two extractions of one page combined: what both kept, unless they read different regions."""

from __future__ import annotations

from newsstream.parse.html_blocks import Block, agreed_blocks


def _blocks(*texts: str) -> list[Block]:
    return [Block("p", (text,), 0.0) for text in texts]


LONG = "The council voted to rebuild the bridge before the spring floods arrive this year."


def test_blocks_only_one_run_kept_are_dropped() -> None:
    recall = _blocks(LONG, "Most read: Ten things to do this weekend", LONG + " Again.")
    balanced = _blocks(LONG, LONG + " Again.", "Cookie settings and privacy choices")
    assert agreed_blocks(recall, balanced) == _blocks(LONG, LONG + " Again.")


def test_agreement_ignores_case_and_spacing() -> None:
    recall = _blocks(LONG)
    balanced = _blocks("  " + LONG.upper().replace(" ", "  "))
    assert agreed_blocks(recall, balanced) == recall


def test_runs_that_read_different_regions_keep_the_recall_run() -> None:
    recall = _blocks(LONG, LONG + " Again.", LONG + " Once more.")
    balanced = _blocks(LONG, "A whole page of menus, footers and unrelated teasers.")
    assert agreed_blocks(recall, balanced) == recall
