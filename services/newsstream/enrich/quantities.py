"""Number phrases in a parsed text, with their qualifier, ready for the casualty rules.

A phrase is a run of number tokens ("1,200", "one hundred and twenty", "a dozen", "tens of
thousands", "10 to 15"). Phrases that are not head counts are dropped here, on the model's
entity type (dates, times, money, percentages, quantities) and on the words around them (ages
such as "a 21-year-old" or "Mohammed, 60,", durations, units), so later rules only see
numbers that could count people.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Final

from newsstream.enrich.lexicon import AGE_COMPARISONS, AGE_WORDS, CALENDAR_WORDS, DATE_WORDS
from newsstream.enrich.nlp import word_positions
from newsstream.enrich.numbers import (
    NUMBER_WORDS,
    SCALE_WORDS,
    SMALL_MULTIPLIERS,
    VAGUE_HEADS,
    Amount,
    parse_amount,
    qualifier_before,
    split_number_words,
)
from newsstream.models import CountQualifier

Doc = Any
Token = Any

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$|^\d+\.\d+$|^\d[\d,]*[-–]\d[\d,]*$")
_NON_COUNT_ENTITIES: Final[frozenset[str]] = frozenset({"MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_TEMPORAL_ENTITIES: Final[frozenset[str]] = frozenset({"DATE", "TIME"})
_YEAR = re.compile(r"^[12]\d{3}$")
_APOSTROPHES: Final = frozenset({"'", "’", "‘"})
_DECADE_ENDINGS: Final = frozenset({"'s", "’s"})
#: Words after a number that make it a measure, not a head count.
_UNIT_WORDS: Final[frozenset[str]] = frozenset(
    """year years yr yrs month months week weeks day days hour hours minute minutes second
    seconds percent per cent km kilometres kilometers miles mile metres meters metre meter kg
    kilograms tonnes tons pounds dollars euros degrees magnitude storey story stories floors
    floor times year-old years-old""".split()  # noqa: SIM905
)
#: "years old" abbreviated after a number ("a 23 yo man", "a 7 y.o. girl"), as one token
#: or as the tokenizer splits "y/o".
_HYPHENS: Final = frozenset({"-", "‐", "‑"})
_AGE_ABBREVIATIONS: Final[frozenset[str]] = frozenset({"yo", "y.o", "y.o."})
_AGE_ABBREVIATION_SPLIT: Final[list[str]] = ["y", "/", "o"]
_CURRENCY: Final[frozenset[str]] = frozenset({"$", "£", "€", "¥", "₹", "₦", "us$", "usd"})
_ANOTHER: Final[frozenset[str]] = frozenset({"another", "further", "additional"})
#: Vague words that only count as amounts when followed by their complement.
_VAGUE_CONTINUATIONS: Final[frozenset[str]] = frozenset({"of", "few", "handful"})


@dataclass(frozen=True)
class AmountPhrase:
    """A number phrase: tokens [first, last), what it says, and how it is qualified."""

    first: int
    last: int
    amount: Amount
    qualifier: CountQualifier
    qualifier_first: int
    another: bool
    start_char: int
    end_char: int


def find_amounts(doc: Doc) -> list[AmountPhrase]:
    """Every number phrase in `doc` that may be a head count."""
    phrases: list[AmountPhrase] = []
    temporal = _temporal(doc)
    free = 0  # the first token not inside a phrase already found
    for index in word_positions(doc, _may_open):
        if index < free or not _starts_amount(doc, index):
            continue
        last = _phrase_end(doc, index)
        phrase = _phrase(doc, index, last, temporal)
        if phrase is not None:
            phrases.append(phrase)
        free = max(last, index + 1)
    return phrases


def _may_open(lower: str) -> bool:
    """Whether a word can be the first of a number phrase (`_starts_amount` decides)."""
    return is_number_word(lower) or lower in VAGUE_HEADS or lower in {"a", "an", "half"}


def _is_number_token(token: Token) -> bool:
    return is_number_word(token.lower_)


@functools.lru_cache(maxsize=65536)
def is_number_word(lower: str) -> bool:
    """Whether a lower-cased word is a number: digits ("1,200", "10-15") or number words
    ("twenty-one")."""
    if _DIGITS.match(lower):
        return True
    parts = [part for part in re.split(r"[-‐‑]", lower) if part]
    return bool(parts) and all(part in NUMBER_WORDS for part in parts)


def is_year(lower: str) -> bool:
    return bool(_YEAR.match(lower))


def _starts_amount(doc: Doc, index: int) -> bool:
    token = doc[index]
    lower = token.lower_
    if _is_number_token(token):
        return True
    if lower in VAGUE_HEADS and lower != "a":
        return lower not in {"tens"} or (
            index + 2 < len(doc)
            and doc[index + 1].lower_ == "of"
            and doc[index + 2].lower_ in {"thousands", "millions"}
        )
    nxt = doc[index + 1].lower_ if index + 1 < len(doc) else ""
    if lower in {"a", "an"}:
        return nxt in {"dozen", "hundred", "thousand", "million", "billion", "few", "handful"}
    return lower == "half" and nxt == "a"


def _phrase_end(doc: Doc, first: int) -> int:
    """Token index after the phrase starting at `first` (greedy, then parsed as a whole)."""
    last = first + 1
    while last < len(doc) and _continues(doc, first, last):
        last += 1
    return last


def _written_apart(previous: str, current: str) -> bool:
    """Digits then a number word that multiplies nothing, or a word then digits, are two
    numbers side by side ("on 3 May 2019 two soldiers", "July 25 five people"); "2 million"
    and "twenty five" are one."""
    if previous.isdigit():
        return current.isalpha() and current not in {*SCALE_WORDS, *SMALL_MULTIPLIERS}
    return previous in NUMBER_WORDS and current[:1].isdigit()


def _continues(doc: Doc, first: int, at: int) -> bool:
    """Whether token `at` extends the number phrase that starts at `first`."""
    token = doc[at]
    lower = token.lower_
    prev = doc[at - 1].lower_
    nxt = doc[at + 1] if at + 1 < len(doc) else None
    if _is_number_token(token):
        return not _written_apart(prev, lower)
    if lower in {"dozen", "hundred"}:
        return True
    if (lower in {"few", "handful"} and prev in {"a", "an"}) or (lower == "a" and prev == "half"):
        return True
    if lower in {"thousands", "millions"} and prev == "of":
        return True
    if nxt is None:
        return False
    if lower == "of":
        return prev in {"tens", "hundreds"} and nxt.lower_ in {"thousands", "millions"}
    return (
        lower in {"and", "-", "–", "to", "or"}
        and _is_number_token(nxt)
        and _joins_numbers(doc, first, at, lower)
    )


def _joins_numbers(doc: Doc, first: int, at: int, joiner: str) -> bool:
    """Whether a joiner inside a number run belongs to it ("hundred and twenty", "10 to 15")."""
    before = doc[first - 1].lower_ if first > 0 else ""
    if joiner == "and":
        return before == "between" or doc[at - 1].lower_ in {"hundred", "thousand", "million"}
    if joiner == "to":
        return before != "from"
    return True


def _phrase(doc: Doc, first: int, last: int, temporal: list[Any]) -> AmountPhrase | None:
    tokens = doc[first:last]
    if any(t.ent_type_ in _NON_COUNT_ENTITIES for t in tokens) or _in_date(
        doc, first, last, temporal
    ):
        return None
    if first > 0 and doc[first - 1].lower_ in {"no", "not", "nor"}:
        return None
    words = split_number_words(str(tokens.text))
    between = first > 0 and doc[first - 1].lower_ == "between"
    amount = parse_amount(["between", *words] if between else words)
    if amount is None or _is_measure(doc, first, last):
        return None
    if amount.value is not None and amount.value > 10**8:
        return None
    preceding = [t.lower_ for t in doc[max(0, first - 4) : first]]
    qualifier, used = qualifier_before(preceding)
    if between:
        used = 1
    if amount.vague or (amount.value is None and amount.low is not None):
        qualifier = CountQualifier.APPROX
    qualifier_first = first - used
    before = doc[qualifier_first - 1].lower_ if qualifier_first > 0 else ""
    return AmountPhrase(
        first=first,
        last=last,
        amount=amount,
        qualifier=qualifier,
        qualifier_first=qualifier_first,
        another=before in _ANOTHER,
        start_char=int(doc[first].idx),
        end_char=int(doc[last - 1].idx + len(doc[last - 1].text)),
    )


def _in_date(doc: Doc, first: int, last: int, temporal: list[Any]) -> bool:
    """Whether the number belongs to a date or time ("in 2019", "April 21", "24 hours").

    The model's DATE spans also swallow plain counts ("Between 10 and 15" people), so a
    number only counts as a date when it looks like a year or its span has calendar words.
    """
    if any(is_year(t.text) for t in doc[first:last]) or _abbreviated_year(doc, first, last):
        return True
    for ent in temporal:  # the DATE and TIME entities, in text order
        if ent.start < last and first < ent.end:
            if _count_after_date(doc, last, ent):
                return False
            words = {t.lower_ for t in ent}
            return bool(words & (CALENDAR_WORDS | DATE_WORDS)) or ":" in ent.text
    return False


def _count_after_date(doc: Doc, last: int, ent: Any) -> bool:
    """ "On 25 July five people were killed": a number closing a date that has its day
    already, before the plural noun it counts, is that noun's count run into the date."""
    if last != ent.end or last >= len(doc) or doc[last].tag_ not in {"NNS", "NNPS"}:
        return False
    number = doc[last - 1]
    if not number.like_num or is_year(number.text):
        return False
    return any(t.like_num and not is_year(t.text) for t in doc[ent.start : last - 1])


def _temporal(doc: Doc) -> list[Any]:
    return [ent for ent in doc.ents if ent.label_ in _TEMPORAL_ENTITIES]


def attach_counts(doc: Doc) -> None:
    """Give counts the parser hung on the wrong word back to what they count, before they
    are read: a count run into a date ("25 July five people": "five" a number of "July")
    to its noun, and a bare count read as the object of a reporting verb ("reports indicated
    75 were wounded") to the clause it is the subject of."""
    for ent in _temporal(doc):
        if _count_after_date(doc, ent.end, ent):
            number = doc[ent.end - 1]
            number.head, number.dep_ = doc[ent.end], "nummod"
    for token in doc:
        if token.dep_ == "dobj" and token.tag_ == "CD" and token.i + 1 < len(doc):
            _subject_of_next_clause(token, doc[token.i + 1])
        elif token.dep_ == "nummod":
            _onto_whole_word(token)


def _onto_whole_word(number: Token) -> None:
    """ "three co-workers", "two ex-combatants": the tokenizer cuts a hyphenated word apart
    and the parser, trained on whole words, gives every piece the word's own head and
    label, with the count on the first piece. The count goes to the last piece, the noun,
    and the other pieces hang on it, so the word is read as the one noun it is."""
    doc, first = number.doc, number.head
    pieces = [first]
    while pieces[-1].i + 2 < len(doc) and not pieces[-1].whitespace_:
        hyphen, after = doc[pieces[-1].i + 1], doc[pieces[-1].i + 2]
        if hyphen.text not in _HYPHENS or hyphen.whitespace_:
            break
        if not (_same_role(hyphen, first) and _same_role(after, first)):
            break
        pieces.append(after)
    if len(pieces) == 1 or number.i > first.i:
        return
    noun = pieces[-1]
    number.head = noun
    for piece in pieces[:-1]:
        hyphen = doc[piece.i + 1]
        piece.head, piece.dep_ = noun, "compound"
        hyphen.head, hyphen.dep_ = noun, "punct"


def _same_role(token: Token, first: Token) -> bool:
    return bool(
        token.head.i == first.head.i and token.dep_ == first.dep_ and token.head.i != first.i
    )


def _subject_of_next_clause(number: Token, auxiliary: Token) -> None:
    clause = auxiliary.head
    if auxiliary.dep_ not in {"aux", "auxpass"} or clause.head.i != number.head.i:
        return
    if clause.dep_ not in {"ccomp", "conj"} or clause.i == clause.head.i:
        return
    if any(child.dep_ in {"nsubj", "nsubjpass"} for child in clause.children):
        return
    number.head = clause
    number.dep_ = "nsubjpass" if auxiliary.dep_ == "auxpass" else "nsubj"


def _abbreviated_year(doc: Doc, first: int, last: int) -> bool:
    """ "in ’91", "the class of '09": two digits written straight after an apostrophe."""
    if last - first != 1 or first == 0:
        return False
    mark = doc[first - 1]
    return mark.text in _APOSTROPHES and not mark.whitespace_ and len(doc[first].text) == 2


def _is_measure(doc: Doc, first: int, last: int) -> bool:
    """Ages, durations, money, percentages and units: numbers that are not head counts."""
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.lower_ in _CURRENCY:
        return True
    if _is_age(doc, first):
        return True
    after = [t.lower_ for t in doc[last : last + 3]]
    while after and after[0] in {"-", "‐", "‑"}:
        after = after[1:]
    if after and (after[0] in _UNIT_WORDS or after[0] in {"%", "pc"}):
        return True
    if (
        after
        and after[0] in _DECADE_ENDINGS
        and doc[last].idx == doc[last - 1].idx + len(doc[last - 1].text)
    ):
        return True  # "in his 20's", "the 1990’s": a decade
    if _before_age_abbreviation(after):
        return True
    if after[:2] == ["per", "cent"]:
        return True
    if any(ch in doc[last - 1].text for ch in "%"):
        return True
    return _is_apposed_age(doc, first, last)


def is_abbreviated_age(token: Token) -> bool:
    """ "4" in "a 4 yo boy": a number that gives a person's age, so the person is still one."""
    doc = token.doc
    return bool(token.like_num) and _before_age_abbreviation(
        [t.lower_ for t in doc[token.i + 1 : token.i + 4]]
    )


def _before_age_abbreviation(after: list[str]) -> bool:
    return bool(after) and (after[0] in _AGE_ABBREVIATIONS or after == _AGE_ABBREVIATION_SPLIT)


def _is_age(doc: Doc, first: int) -> bool:
    """ "aged 21", "ages 15, 17 and 18", "all younger than 45": a number of a list that
    follows an age word, or after a comparison of age."""
    index = first - 1
    while index >= 0 and (doc[index].like_num or doc[index].lower_ in {",", "and", "or"}):
        index -= 1
    if index >= 0 and doc[index].lower_ in AGE_WORDS:
        return True
    return (
        first >= 2
        and doc[first - 1].lower_ == "than"
        and doc[first - 2].lower_ in (AGE_COMPARISONS)
    )


def _is_apposed_age(doc: Doc, first: int, last: int) -> bool:
    """ "Sk Mohammed, 60, died", "his father Vic Reed, 50; his mother": a bare number between
    a comma and a comma, bracket or semicolon, right after a name or a person."""
    if first < 2 or last >= len(doc) or last - first != 1:
        return False
    if doc[first - 1].text != "," or doc[last].text not in {",", ")", ";"}:
        return False
    value = doc[first].text
    if not value.isdigit() or not 0 < int(value) < 120:
        return False
    previous = doc[first - 2]
    return bool(previous.ent_type_ == "PERSON" or (previous.tag_ in {"NN", "NNP"}))
