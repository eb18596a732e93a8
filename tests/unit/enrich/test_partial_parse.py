"""The dependency parse only where it is read: the rest of a text gets entities only."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsstream.enrich.analysis import Analyser
from newsstream.enrich.casualties import extract_figures
from newsstream.enrich.nlp import Pipeline, load_pipeline
from tests.unit.enrich.conftest import MODEL

TEXT = (
    "The weather in the valley was mild on Sunday afternoon. "
    "Farmers brought their goats to market as they do every week.\n\n"
    "Three people were killed when a bus overturned near the bridge. "
    "Officials said the road had been closed for repairs.\n\n"
    "Ahmed Musa, a local teacher, said the market would open again."
)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return load_pipeline(MODEL)


def _sentence_of(doc: object, words: str) -> object:
    return next(s for s in doc.sents if words in s.text)  # type: ignore[attr-defined]


def test_only_the_sentences_the_rules_read_are_parsed(nlp: Pipeline) -> None:
    doc = Analyser(nlp).analyse([TEXT])[0]
    weather = _sentence_of(doc, "The weather")
    toll = _sentence_of(doc, "Three people")
    named = _sentence_of(doc, "Ahmed Musa")
    assert all(t.dep_ == "" and t.tag_ == "" for t in weather)  # type: ignore[attr-defined]
    assert any(t.dep_ == "ROOT" for t in toll)  # type: ignore[attr-defined]
    # a name followed by an appositive: its label may be checked against the parse
    assert any(t.dep_ == "appos" for t in named)  # type: ignore[attr-defined]


def test_sentences_outside_the_parse_still_start_where_punctuation_says(nlp: Pipeline) -> None:
    doc = Analyser(nlp).analyse([TEXT])[0]
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts[:2] == ["The", "Farmers"]
    assert "Three" in starts


def test_entities_and_text_are_those_of_the_whole_pipeline(nlp: Pipeline) -> None:
    partial = Analyser(nlp).analyse([TEXT])[0]
    full = Analyser(nlp, partial=False).analyse([TEXT])[0]
    assert partial.text == full.text == TEXT
    assert [(e.text, e.label_) for e in partial.ents] == [(e.text, e.label_) for e in full.ents]


def test_a_casualty_sentence_gives_the_figures_of_the_whole_parse(nlp: Pipeline) -> None:
    def figures(partial: bool) -> list[tuple[str, int | None]]:
        doc = Analyser(nlp, partial=partial).analyse([TEXT])[0]
        return [(f.reading.kind.value, f.amount.value) for f in extract_figures(doc, "body")]

    assert figures(True) == figures(False) == [("killed", 3)]


def test_a_text_with_nothing_to_parse_has_sentences_and_no_figures(nlp: Pipeline) -> None:
    text = "The weather was mild. Farmers brought their goats to market."
    doc = Analyser(nlp).analyse([text])[0]
    assert [s.text.strip() for s in doc.sents] == [
        "The weather was mild.",
        "Farmers brought their goats to market.",
    ]
    assert extract_figures(doc, "body") == []


def test_the_whole_parse_can_be_asked_for(nlp: Pipeline) -> None:
    doc = Analyser(nlp, partial=False).analyse([TEXT])[0]
    assert all(t.dep_ for t in _sentence_of(doc, "The weather"))  # type: ignore[attr-defined]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["killed", "3", "two", "Paris", ",", ".", "\n", "\n\n", " ", "of", "in", "a"]
            ),
            st.text(max_size=12),
        ),
        max_size=40,
    )
)
def test_any_text_comes_back_whole_with_walkable_sentences(nlp: Pipeline, words: list[str]) -> None:
    text = " ".join(words)
    doc = Analyser(nlp).analyse([text, ""])[0]
    assert doc.text == text
    assert sum(len(s) for s in doc.sents) == len(doc)
    extract_figures(doc, "body")


@pytest.mark.parametrize("partial", [True, False])
def test_batches_of_any_token_budget_give_the_same_analysis(nlp: Pipeline, partial: bool) -> None:
    """The budget bounds memory only: texts split over many batches come out as in one."""
    texts = [TEXT, "Two soldiers were wounded in Kabul.", "", TEXT.upper(), TEXT[:80]]

    def analysed(budget: int) -> list[list[tuple[str, str, str, int, str]]]:
        docs = Analyser(nlp, partial=partial, token_budget=budget).analyse(texts)
        return [[(t.text, t.ent_type_, t.dep_, t.head.i, t.lemma_) for t in doc] for doc in docs]

    whole = analysed(10_000)
    assert [len(doc) for doc in whole] == [len(nlp.make_doc(text)) for text in texts]
    assert analysed(1) == analysed(20) == whole
