"""The attribute ruler as array masks and the lemmatizer asked once per word form give the Doc
spaCy's own components give, token for token."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler

from newsstream.enrich.nlp import Pipeline, load_pipeline
from newsstream.enrich.token_attributes import TokenAttributes
from newsstream.enrich.token_lemmas import GroupedLemmas
from tests.unit.enrich.conftest import MODEL

_COMPARED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START]
_BEFORE = ("tok2vec", "tagger", "parser")
#: Words that the ruler's exceptions name (contractions, "gonna", pronouns as objects,
#: determiners used as pronouns, "there is") and ordinary ones, with spacing of every kind.
_WORDS = (
    *("I", "you", "it", "he", "they", "we", "us", "me", "Y'", "y'all", "all"),
    *("ai", "n't", "not", "nt", "is", "'s", "are", "'re", "am", "'m", "have", "'ve", "be"),
    *("do", "does", "did", "'d", "has", "had", "gon", "na", "got", "ta", "let", "c'm", "on"),
    *("nothin'", "that", "this", "these", "those", "which", "what", "if", "because", "while"),
    *("there", "here", "was", "were", "to", "of", "the", "a", "an", "some", "all", "both"),
    *("police", "said", "killed", "three", "people", "wounded", "in", "Kano", "on", "Monday"),
    *(".", ",", "?", "!", "'", '"', "-", "\n", "\n\n", "  ", "\t"),
)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return load_pipeline(MODEL)


@pytest.fixture(scope="module")
def attributes(nlp: Pipeline) -> TokenAttributes:
    found = TokenAttributes.of(nlp.get_pipe("attribute_ruler"))
    assert found is not None, "every rule of the English pipeline's ruler is expressible"
    return found


def _both(nlp: Pipeline, attributes: TokenAttributes, text: str) -> tuple[Any, Any]:
    lemmas = GroupedLemmas.of(nlp.get_pipe("lemmatizer"))
    assert lemmas is not None, "the English pipeline's lemmatizer works by rule"
    docs = []
    for ruler, lemmatizer in (
        (nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")),
        (attributes, lemmas),
    ):
        doc = nlp.make_doc(text)
        for name in _BEFORE:
            doc = nlp.get_pipe(name)(doc)
        docs.append(lemmatizer(ruler(doc)))
    return docs[0], docs[1]


def _rows(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.parametrize(
    "text",
    [
        "Three people were killed and five wounded when gunmen attacked a bus in Kano.",
        "Y'all ain't gonna believe it: let's go, c'm on! Nothin' is there. I saw you and it.",
        "There is a dog and there are two cats. Did he have it? He does not, and they didn't.",
        "That was what these were for; which of those is this?\n\n  Both had  gone.\t",
        # one word form, two parts of speech, two lemmas
        "I saw the saw he left on the left. The wounded were wounded and lives lives.",
        "",
        "\n",
    ],
)
def test_the_same_doc_as_spacys_ruler(
    nlp: Pipeline, attributes: TokenAttributes, text: str
) -> None:
    theirs, ours = _both(nlp, attributes, text)
    assert _rows(ours) == _rows(theirs)
    assert (ours.to_array(_COMPARED) == theirs.to_array(_COMPARED)).all()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_the_same_doc_on_any_run_of_tricky_words(
    nlp: Pipeline, attributes: TokenAttributes, words: list[str]
) -> None:
    theirs, ours = _both(nlp, attributes, " ".join(words))
    assert _rows(ours) == _rows(theirs)
    assert (ours.to_array(_COMPARED) == theirs.to_array(_COMPARED)).all()


def test_a_rule_beyond_its_tests_keeps_spacys_ruler(nlp: Pipeline) -> None:
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "shot"}]], {"POS": "VERB"})
    assert TokenAttributes.of(ruler) is not None
    ruler.add([[{"LOWER": "killed", "OP": "?"}]], {"POS": "VERB"})
    assert TokenAttributes.of(ruler) is None


def test_a_lemmatizer_that_overwrites_is_left_as_it_is(nlp: Pipeline) -> None:
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert GroupedLemmas.of(lemmatizer) is not None
    lemmatizer.overwrite = True
    try:
        assert GroupedLemmas.of(lemmatizer) is None
    finally:
        lemmatizer.overwrite = False
