from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsstream import ids

BODY = "The death toll from violence in Sweida province has risen to 940 since last weekend."


def test_article_id_ignores_case_punctuation_and_spacing() -> None:
    a = ids.article_id("South Syria violence death toll rises to 940: Monitor", BODY)
    b = ids.article_id(
        "South Syria Violence Death Toll Rises to 940 — Monitor", "  " + BODY.upper()
    )
    assert a == b


def test_article_id_survives_a_story_cut_short_elsewhere() -> None:
    long_body = BODY + " " + " ".join(["More text follows here."] * 50)
    cut_body = long_body[:400]
    assert ids.article_id("T", long_body) == ids.article_id("T", cut_body)


def test_different_stories_get_different_ids() -> None:
    assert ids.article_id("A title", BODY) != ids.article_id("Another title", BODY)
    assert ids.article_id(None, BODY) != ids.article_id(None, "Something else entirely.")


def test_an_edit_after_the_lead_keeps_the_id_but_changes_the_hash() -> None:
    body = BODY + " A war monitor said so on Sunday, despite the announcement of a ceasefire by"
    body += " the government in Damascus earlier in the week."
    edited = body + " The monitor later revised the figure."
    assert ids.article_id("T", body) == ids.article_id("T", edited)
    assert ids.content_hash("T", body) != ids.content_hash("T", edited)


@given(st.text(), st.text())
def test_ids_are_deterministic(title: str, body: str) -> None:
    assert ids.article_id(title, body) == ids.article_id(title, body)
    assert ids.page_id(title, body) == ids.page_id(title, body)
