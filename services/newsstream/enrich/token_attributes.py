"""spaCy's attribute ruler, applied with array operations instead of its matcher.

The English pipeline's attribute ruler maps each tag to a part of speech and morphology and
adds a hundred-odd exceptions. Every one of its rules matches on one or two tokens, by equality,
set membership or a regular expression on the tag, lower-cased word, dependency label or
whitespace flag; yet spaCy runs them through its general matcher and sets every match's
attributes in Python one token at a time, which took an eighth of enrichment's time. The same
rules are read here from the loaded ruler and evaluated as masks over a Doc's attribute
arrays, in the ruler's own order, so a later rule overrides an earlier one as it does there:
the result is the same Doc (`tests/unit/enrich/test_token_attributes.py` compares them).

A rule this cannot express (another attribute, an operator such as "?" or "*", a condition
other than equality, IN, NOT_IN or REGEX) makes `TokenAttributes.of` return None; the caller
then keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy
import numpy.typing
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.tokens import Doc

from newsstream.enrich.nlp import DocByDoc

#: Token attributes a condition may test, by the name the ruler's patterns use.
_TESTED: Final[dict[str, int]] = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
#: Attributes a rule may set. POS, MORPH and LEMMA are written as whole arrays; TAG and DEP,
#: which rules set on whitespace tokens only, one token at a time.
_BULK: Final[list[int | str]] = [POS, MORPH, LEMMA]
_SINGLE: Final[dict[int, str]] = {TAG: "tag", DEP: "dep"}

_Mask = numpy.typing.NDArray[numpy.bool_]
_Values = numpy.typing.NDArray[numpy.uint64]
#: spaCy's stubs type its arrays with thinc's own aliases, which numpy's arrays do not match.
_Array = Any


@dataclass(frozen=True)
class _Condition:
    """One token attribute's test: `allowed` or `refused` values, or a regular expression on
    the attribute's string."""

    column: int  # index into _TESTED's order
    allowed: frozenset[int] | None = None
    refused: frozenset[int] | None = None
    pattern: re.Pattern[str] | None = None

    def passing(self, present: frozenset[int], strings: Any) -> frozenset[int]:
        """Which of the values `present` in a Doc pass."""
        if self.pattern is not None:
            pattern = self.pattern
            return frozenset(v for v in present if pattern.search(strings[v]))
        if self.allowed is not None:
            return present & self.allowed
        assert self.refused is not None
        return present - self.refused


class _Columns:
    """A Doc's tested attributes, and each condition's mask over them, worked out once.

    A condition is first tried on the few distinct values of its column: most rules name
    words or tags the Doc does not hold, and are passed over without touching its tokens.
    """

    def __init__(self, doc: Doc) -> None:
        self.values: _Values = doc.to_array(list(_TESTED.values())).astype(numpy.uint64)
        self.strings = doc.vocab.strings
        self._present = [
            frozenset(numpy.unique(self.values[:, column]).tolist())
            for column in range(len(_TESTED))
        ]
        self._masks: dict[_Condition, _Mask | None] = {}

    def mask(self, condition: _Condition) -> _Mask | None:
        """Where `condition` holds; None where it holds nowhere."""
        if condition in self._masks:
            return self._masks[condition]
        present = self._present[condition.column]
        passing = condition.passing(present, self.strings)
        column = self.values[:, condition.column]
        mask: _Mask | None
        if not passing:
            mask = None
        elif passing == present:
            mask = numpy.ones(len(column), dtype=bool)
        elif len(passing) == 1:
            mask = column == next(iter(passing))
        else:
            mask = numpy.isin(column, numpy.fromiter(passing, dtype=numpy.uint64))
        self._masks[condition] = mask
        return mask


@dataclass(frozen=True)
class _Rule:
    """Alternative token sequences, the token of a match to change, and what to set on it."""

    sequences: tuple[tuple[tuple[_Condition, ...], ...], ...]
    index: int
    attrs: Mapping[int, int]


class TokenAttributes(DocByDoc):
    """A loaded pipeline's attribute ruler as masks; call `pipe` as on a spaCy component."""

    def __init__(self, rules: Sequence[_Rule]) -> None:
        self._rules = list(rules)

    @classmethod
    def of(cls, ruler: Any) -> TokenAttributes | None:
        """The rules of `ruler` (spaCy's AttributeRuler), or None if one cannot be expressed."""
        strings = ruler.vocab.strings
        rules: list[_Rule] = []
        # The ruler sorts matches by the order its rules were added in; that order is kept.
        for key, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            patterns = ruler.matcher.get(strings[str(key)])[1]
            if not set(attrs) <= {*_BULK, *_SINGLE}:
                return None
            sequences = []
            for pattern in patterns:
                sequence = [_conditions(spec, strings) for spec in pattern]
                if any(conditions is None for conditions in sequence):
                    return None
                sequences.append(tuple(c for c in sequence if c is not None))
            rules.append(_Rule(tuple(sequences), int(index), dict(attrs)))
        return cls(rules)

    def __call__(self, doc: Doc) -> Doc:
        size = len(doc)
        if not size:
            return doc
        columns = _Columns(doc)
        bulk: _Array = doc.to_array(_BULK).astype(numpy.uint64)
        single: dict[int, dict[int, int]] = {attr: {} for attr in _SINGLE}
        for rule in self._rules:
            targets = [
                found
                for sequence in rule.sequences
                if (found := self._targets(sequence, rule.index, columns, size)) is not None
            ]
            if not targets:
                continue
            at = numpy.unique(numpy.concatenate(targets))
            for attr, value in rule.attrs.items():
                if attr in _SINGLE:
                    single[attr].update(dict.fromkeys(at.tolist(), value))
                else:
                    bulk[at, _BULK.index(attr)] = value
        doc.from_array(_BULK, bulk)
        for attr, changes in single.items():
            for position, value in changes.items():
                setattr(doc[position], _SINGLE[attr], value)
        return doc

    @staticmethod
    def _targets(
        sequence: tuple[tuple[_Condition, ...], ...], index: int, columns: _Columns, size: int
    ) -> numpy.typing.NDArray[numpy.intp] | None:
        """Positions of the tokens a match of `sequence` changes; None when it has none."""
        length = len(sequence)
        if length > size:
            return None
        span = size - length + 1
        starts: _Mask | None = None
        for offset, conditions in enumerate(sequence):
            for condition in conditions:
                mask = columns.mask(condition)
                if mask is None:
                    return None
                window = mask[offset : offset + span]
                starts = window.copy() if starts is None else starts & window
        if starts is None:
            starts = numpy.ones(span, dtype=bool)
        position = index if index >= 0 else length + index
        if not 0 <= position < length:
            raise ValueError(f"attribute rule index {index} outside its pattern")
        found = numpy.flatnonzero(starts)
        return found + position if len(found) else None


def _conditions(spec: Mapping[str, Any], strings: Any) -> tuple[_Condition, ...] | None:
    """A token spec's conditions, or None when one is beyond these tests."""
    conditions: list[_Condition] = []
    for name, test in spec.items():
        if name not in _TESTED:
            return None
        column = list(_TESTED).index(name)
        if name == "IS_SPACE":
            if not isinstance(test, bool):
                return None
            conditions.append(_Condition(column, allowed=frozenset({int(test)})))
        elif isinstance(test, str):
            conditions.append(_Condition(column, allowed=frozenset({strings[test]})))
        elif isinstance(test, dict) and len(test) == 1:
            ((operator, argument),) = test.items()
            if operator == "IN":
                conditions.append(_Condition(column, allowed=_hashes(argument, strings)))
            elif operator == "NOT_IN":
                conditions.append(_Condition(column, refused=_hashes(argument, strings)))
            elif operator == "REGEX" and isinstance(argument, str):
                conditions.append(_Condition(column, pattern=re.compile(argument)))
            else:
                return None
        else:
            return None
    return tuple(conditions)


def _hashes(words: Iterable[str], strings: Any) -> frozenset[int]:
    return frozenset(int(strings[word]) if word else 0 for word in words)
