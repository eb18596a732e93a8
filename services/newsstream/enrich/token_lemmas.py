"""spaCy's lemmatizer asked once per distinct word form of a Doc, not once per token.

Its rule and lookup modes give a lemma that depends only on the token's text, part of speech
and morphology, and it keeps a lemma already set (the attribute ruler sets some). spaCy still
walks every token in Python, reads its morphology as an object and sets its lemma as a string.
Here the tokens without a lemma are grouped by text, part of speech and morphology, the
lemmatizer is asked for one token of each group, and the lemmas are written as one array: the
same Doc (`tests/unit/enrich/test_token_attributes.py` compares them).
"""

from __future__ import annotations

from typing import Any, Final

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc

from newsstream.enrich.nlp import DocByDoc

_READ: Final[list[int | str]] = [ORTH, POS, MORPH, LEMMA]
_LEMMA: Final[list[int | str]] = [LEMMA]
#: Modes whose lemma depends on nothing but the token's text, part of speech and morphology.
_MODES: Final = frozenset({"rule", "lookup"})


class GroupedLemmas(DocByDoc):
    """A loaded lemmatizer, asked once per group; call `pipe` as on a spaCy component."""

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatize = lemmatizer.lemmatize

    @classmethod
    def of(cls, lemmatizer: Any) -> GroupedLemmas | None:
        """`lemmatizer` grouped, or None when its lemmas may depend on more than the groups
        (another mode) or it overwrites lemmas already set."""
        if getattr(lemmatizer, "mode", None) not in _MODES or getattr(
            lemmatizer, "overwrite", True
        ):
            return None
        return cls(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        values = doc.to_array(_READ)
        unset = numpy.flatnonzero(values[:, 3] == 0)
        if not len(unset):
            return doc
        _, first, group = numpy.unique(
            values[unset, :3], axis=0, return_index=True, return_inverse=True
        )
        strings = doc.vocab.strings
        lemmas = numpy.array(
            [strings.add(self._lemmatize(doc[int(unset[i])])[0]) for i in first],
            dtype=numpy.uint64,
        )
        written: Any = values[:, 3:4].copy()  # spaCy's stubs do not accept numpy's arrays
        written[unset, 0] = lemmas[group.ravel()]
        doc.from_array(_LEMMA, written)
        return doc
