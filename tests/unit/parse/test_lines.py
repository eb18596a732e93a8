"""Inline link labels that run into the text beside them are split off into lines of their own."""

from __future__ import annotations

import pytest

from newsstream.parse.text.lines import split_page, unglue


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Read More »Bridge reopens after repairs",
            ["Read More »", "Bridge reopens after repairs"],
        ),
        ("Continue reading → Storm nears coast", ["Continue reading →", "Storm nears coast"]),
        (
            "The bridge reopened on Monday. Source link",
            ["The bridge reopened on Monday.", "Source link"],
        ),
        ("Read more", ["Read more"]),
        ("the vote will be held in May... More »", ["the vote will be held in May...", "More »"]),
        ("He wants more » now.", ["He wants more » now."]),
        ("talks resume in April. JE", ["talks resume in April.", "JE"]),
        (
            "He called it “a great step.” by Jane Doe",
            ["He called it “a great step.”", "by Jane Doe"],
        ),
        ("The plan was drawn up by Jane Doe.", ["The plan was drawn up by Jane Doe."]),
        ("Read more about the storm here.", ["Read more about the storm here."]),
        ("He told pupils to read more books.", ["He told pupils to read more books."]),
    ],
)
def test_link_labels_are_cut_from_the_text_they_run_into(text: str, parts: list[str]) -> None:
    assert unglue(text) == parts


def test_a_page_of_inline_cards_becomes_one_line_per_part() -> None:
    page = split_page("First story text. Source link\nRead More »Second headline\nSecond text.")
    assert [line.text for line in page.lines] == [
        "First story text.",
        "Source link",
        "Read More »",
        "Second headline",
        "Second text.",
    ]
