"""spaCy's analysis of a batch of texts, with the dependency parse only where it is read.

Names are wanted everywhere, so the entity recogniser runs over every text. The tagger,
parser, attribute ruler and lemmatizer (with their shared token vectors, about half of the
pipeline's time) serve the casualty grammar, which only starts from a number or a casualty
word, and a few checks of a name's label, which look at the words around the name; so they
run only over the sentences that hold one of those.

Each text is tokenised once: its wanted stretches are copied out by token into one Doc, with
a sentence start preset at each stretch (the parser keeps preset starts, so no tree crosses
from one stretch into the next), analysed in batches, and their tags, lemmas and trees
written back into the whole text's Doc at the same token positions.

Outside those stretches tokens keep no tag, lemma or head (each its own root), so the rules
that read a parse do not fire there; their sentences start where punctuation or a line break
says, so sentences can still be walked everywhere.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy
import numpy.typing
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from newsstream.enrich.lexicon import CASUALTY_CUE_WORDS
from newsstream.enrich.mentions import parse_readers
from newsstream.enrich.numbers import VAGUE_HEADS
from newsstream.enrich.quantities import is_number_word, is_year
from newsstream.enrich.token_attributes import TokenAttributes
from newsstream.enrich.token_lemmas import GroupedLemmas

Pipeline = Any
#: spaCy's stubs type its arrays with thinc's own aliases, which numpy's arrays do not match.
_Array = Any

#: Components whose output only the casualty grammar reads.
PARSE_COMPONENTS: Final[frozenset[str]] = frozenset(
    {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"}
)
_WRITTEN_BACK: Final[list[int | str]] = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
_SENT_START: Final[list[int | str]] = [SENT_START]
#: Entity types whose numbers never count people (a count inside a date is rare enough that
#: a date alone does not make a sentence worth parsing).
_NOT_COUNTS: Final[frozenset[str]] = frozenset(
    {"MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME"}
)
#: Marks after which a headline's next part is a sentence of its own.
_CLAUSE_MARKS: Final[frozenset[str]] = frozenset({":", ";"})
#: Tokens analysed together. A model's working arrays grow with the tokens of its batch and
#: its speed barely does: sixteen articles at once took 240 MB more at their peak than
#: batches of this size, and no less time.
TOKEN_BUDGET: Final[int] = 4_000
#: Endings stripped to find the lemma a cue list holds ("murders", "shootings", "drowning").
_ENDINGS: Final[tuple[str, ...]] = ("s", "es", "ed", "d", "ing")


@dataclass(frozen=True)
class _Parts:
    """The stretches [start, end) of one text that get the full parse, and their copy."""

    text: int
    stretches: list[tuple[int, int]]
    doc: Doc


class Analyser:
    """Runs a loaded pipeline over texts, parsing only where the casualty grammar looks.

    `partial=False` runs every component over every text, as `nlp.pipe` does.
    """

    def __init__(
        self, nlp: Pipeline, *, partial: bool = True, token_budget: int = TOKEN_BUDGET
    ) -> None:
        self._nlp = nlp
        self._partial = partial
        self._budget = token_budget
        self._parse = [_faster(n, p) for n, p in nlp.pipeline if n in PARSE_COMPONENTS]
        self._rest = [p for n, p in nlp.pipeline if n not in PARSE_COMPONENTS]
        self._sentences = Sentencizer()
        self._not_counts = [nlp.vocab.strings.add(label) for label in _NOT_COUNTS]

    def analyse(self, texts: Sequence[str], headlines: Collection[int] = ()) -> list[Doc]:
        """One Doc per text, in order. The texts at `headlines` are headlines, whose parts
        around a colon or semicolon ("2 killed at a gas station: 'Bill got shot!'") are
        parsed as sentences of their own."""
        docs = [self._nlp.make_doc(text) for text in texts]
        guesses = self._sentences.predict(docs)
        starts = [
            _segment_starts(doc, guess, clauses=index in headlines)
            for index, (doc, guess) in enumerate(zip(docs, guesses, strict=True))
        ]
        if not self._partial:
            whole = [
                _copy(doc, [(0, len(doc))], starts[index]) if index in headlines else doc
                for index, doc in enumerate(docs)
            ]
            return _in_batches(self._nlp, whole, self._budget)
        for component in self._rest:
            docs = _in_batches(component, docs, self._budget)
        wanted = [
            _Parts(
                index, stretches, _copy(docs[index], stretches, starts[index], index in headlines)
            )
            for index, stretches in enumerate(
                self._wanted(doc, begins) for doc, begins in zip(docs, starts, strict=True)
            )
            if stretches
        ]
        parts = [p.doc for p in wanted]
        for component in self._parse:
            parts = _in_batches(component, parts, self._budget)
        for found, parsed in zip(wanted, parts, strict=True):
            _write_back(docs[found.text], found.stretches, parsed, starts[found.text])
        for index, doc in enumerate(docs):
            if not doc.has_annotation("SENT_START"):
                doc.from_array(_SENT_START, _flags(starts[index]))
        return docs

    def _wanted(self, doc: Doc, begins: numpy.typing.NDArray[numpy.bool_]) -> list[tuple[int, int]]:
        """Runs of adjacent sentences that hold a possible head count, a casualty word, or a
        name whose label the mention rules may check against the parse."""
        if not len(doc):
            return []
        values = doc.to_array([LOWER, ENT_TYPE])
        strings = doc.vocab.strings
        cue = numpy.zeros(len(doc), dtype=bool)
        number = numpy.zeros(len(doc), dtype=bool)
        for value in numpy.unique(values[:, 0]):
            kind = _word_kind(strings[int(value)])
            if kind:
                at = values[:, 0] == value
                if kind == "cue":
                    cue |= at
                else:
                    number |= at
        number &= ~numpy.isin(values[:, 1], self._not_counts)
        names = numpy.zeros(len(doc), dtype=bool)
        names[parse_readers(doc)] = True
        hits = numpy.cumsum(numpy.concatenate(([0], cue | number | names)))
        bounds = [*numpy.flatnonzero(begins).tolist(), len(doc)]
        runs: list[tuple[int, int]] = []
        for start, end in itertools.pairwise(bounds):
            if hits[end] == hits[start]:
                continue
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        return runs


def _faster(name: str, component: Any) -> Any:
    """The component, or where one of the same output runs faster, that one."""
    if name == "attribute_ruler":
        return TokenAttributes.of(component) or component
    if name == "lemmatizer":
        return GroupedLemmas.of(component) or component
    return component


@functools.lru_cache(maxsize=65536)
def _word_kind(lower: str) -> str:
    """ "cue" for a casualty word, "number" for a possible count, "" otherwise."""
    if _is_cue(lower):
        return "cue"
    if is_year(lower):
        return ""
    if is_number_word(lower):
        return "number"
    return "number" if lower in VAGUE_HEADS and lower != "a" else ""


def _is_cue(lower: str) -> bool:
    if lower in CASUALTY_CUE_WORDS:
        return True
    for ending in _ENDINGS:
        if len(lower) > len(ending) + 2 and lower.endswith(ending):
            stem = lower[: -len(ending)]
            if stem in CASUALTY_CUE_WORDS or f"{stem}e" in CASUALTY_CUE_WORDS:
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in CASUALTY_CUE_WORDS:
                return True  # "stabbed", "shooting" → "stab", "shoot"
    return False


def _segment_starts(
    doc: Doc, guesses: Sequence[bool], *, clauses: bool = False
) -> numpy.typing.NDArray[numpy.bool_]:
    """Where sentence-like runs begin: where punctuation starts a sentence, after a line
    break, and with `clauses` after a colon or semicolon; spaces stay with the run before
    them."""
    size = len(doc)
    begins = numpy.zeros(size, dtype=bool)
    if not size:
        return begins
    values = doc.to_array([IS_SPACE, ORTH])
    space = values[:, 0].astype(bool)
    guessed = numpy.asarray(guesses, dtype=bool)
    strings = doc.vocab.strings
    breaks = [v for v in numpy.unique(values[:, 1]) if "\n" in strings[int(v)]]
    marks = [strings[mark] for mark in _CLAUSE_MARKS] if clauses else []
    before = numpy.isin(values[:, 1], breaks) | (space & guessed) | numpy.isin(values[:, 1], marks)
    begins[1:] = ~space[1:] & (guessed[1:] | before[:-1])
    begins[0] = True
    return begins


def _flags(begins: numpy.typing.NDArray[numpy.bool_]) -> _Array:
    return numpy.where(begins, 1, -1).astype("int64").astype("uint64")


def _copy(
    doc: Doc,
    stretches: list[tuple[int, int]],
    begins: numpy.typing.NDArray[numpy.bool_],
    every_begin: bool = True,
) -> Doc:
    """The stretches' tokens as one Doc without tokenising again, each stretch opening a
    sentence, and with `every_begin` every run inside them too."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool | int | None] = []
    for start, end in stretches:
        for index in range(start, end):
            token = doc[index]
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            sent_starts.append(True if index == start or (every_begin and begins[index]) else None)
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=sent_starts)


def _write_back(
    doc: Doc,
    stretches: list[tuple[int, int]],
    parsed: Doc,
    begins: numpy.typing.NDArray[numpy.bool_],
) -> None:
    """Tags, lemmas and trees of the parsed stretches into `doc`; elsewhere sentences start
    where the segments do (the trees set them only inside the stretches)."""
    values: _Array = numpy.zeros((len(doc), len(_WRITTEN_BACK)), dtype="uint64")
    flags = _flags(begins)
    parsed_values = parsed.to_array(_WRITTEN_BACK)
    parsed_flags = parsed.to_array(_SENT_START)
    at = 0
    for start, end in stretches:
        size = end - start
        values[start:end] = parsed_values[at : at + size]
        flags[start:end] = parsed_flags[at : at + size]
        at += size
    doc.from_array(_WRITTEN_BACK, values)
    doc.from_array(_SENT_START, flags)


def _in_batches(runner: Any, docs: Sequence[Doc], budget: int) -> list[Doc]:
    """`runner.pipe` over `docs` in order, a batch at most `budget` tokens long (a longer
    text is a batch of its own)."""
    out: list[Doc] = []
    batch: list[Doc] = []
    tokens = 0
    for doc in docs:
        if batch and tokens + len(doc) > budget:
            out.extend(runner.pipe(batch, batch_size=len(batch)))
            batch, tokens = [], 0
        batch.append(doc)
        tokens += len(doc)
    if batch:
        out.extend(runner.pipe(batch, batch_size=len(batch)))
    return out
