"""Who the victims of a figure are, how they died, at whose hands, and when.

Read from the same parse as the figure: the counted noun phrase, the manner verb ("summarily
executed", "shot dead"), the "by" agent or active subject, a cause noun ("killed in Israeli
strikes"), and a date attached to the predicate. Strings are cut from the source text by
offsets, so a headline parsed in lower case is still quoted as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsstream.enrich.lexicon import (
    CAUSE_NOUNS,
    DEATH_COMPLEMENTS,
    INCLUDE_VERBS,
    MANNER_WORDS,
    NOT_MANNER_ADVERBS,
    TOLL_NOUNS,
    VICTIM_TYPE_WORDS,
)
from newsstream.enrich.quantities import AmountPhrase
from newsstream.enrich.readings import (
    COMPLEMENT_DEPS,
    Reading,
    group_kind,
    has_partitive_subject,
    is_person,
)
from newsstream.models import VictimType

Doc = Any
Token = Any
SpacySpan = Any


@dataclass(frozen=True)
class Description:
    """The words a figure's fields quote."""

    victims: str | None
    victim_type: VictimType
    manner: str | None
    perpetrator: str | None
    time_text: str | None
    named_victim: bool


def describe(
    source: str, doc: Doc, reading: Reading, sentence: SpacySpan, phrase: AmountPhrase | None
) -> Description:
    """Describes the figure `reading` found in `sentence` of `doc` (written as `source`)."""
    victim = reading.victim
    victims = None
    named = False
    if victim is not None and group_kind(victim) is None:
        victims = _victim_text(source, doc, victim, phrase)
        named = any(t.ent_type_ == "PERSON" for t in victim.subtree)
    return Description(
        victims=victims,
        victim_type=victim_type_of(victims),
        manner=_manner(source, reading),
        perpetrator=_perpetrator(source, reading),
        time_text=_time_text(source, reading, sentence),
        named_victim=named,
    )


def victim_type_of(victims: str | None) -> VictimType:
    """Coarse type of a victim group from its words (civilian words checked first)."""
    if not victims:
        return VictimType.UNKNOWN
    words = {w.strip(".,;:'\"()“”’").lower() for w in victims.split()}
    for victim_type, vocabulary in VICTIM_TYPE_WORDS:
        if words & vocabulary:
            return victim_type
    return VictimType.UNKNOWN


def _victim_text(source: str, doc: Doc, victim: Token, phrase: AmountPhrase | None) -> str:
    skip: set[int] = set()
    if phrase is not None:
        skip = set(range(phrase.qualifier_first - 1, phrase.last))
    first = int(victim.i)
    for child in victim.lefts:
        if child.ent_type_ in {"DATE", "TIME"}:
            continue  # "on 3 May 2019 two soldiers": the date the parser hung on the noun
        if child.dep_ in {"compound", "amod", "nmod", "poss", "npadvmod"}:
            first = min(first, int(child.left_edge.i))
    tokens = list(doc[first : victim.i + 1])
    while tokens and (int(tokens[0].i) in skip or tokens[0].dep_ == "det" or tokens[0].is_punct):
        tokens = tokens[1:]
    first_token = tokens[0] if tokens else victim
    return source[int(first_token.idx) : int(victim.idx) + len(victim.text)]


def _token_text(source: str, token: Token) -> str:
    return source[int(token.idx) : int(token.idx) + len(token.text)]


def _manner(source: str, reading: Reading) -> str | None:
    """ "summarily executed", "shot dead", "stabbed to death", "drowned"."""
    verb = None
    for candidate in (reading.carrier, reading.trigger):
        if candidate is not None and (
            candidate.lower_ in MANNER_WORDS or candidate.lemma_.lower() in MANNER_WORDS
        ):
            verb = candidate
            break
    if verb is None and reading.victim is not None:
        for child in _victim_clauses(reading.victim):
            if child.lower_ in MANNER_WORDS:
                verb = child
    if verb is None:
        return None
    words = [
        _token_text(source, c)
        for c in verb.lefts
        if c.dep_ == "advmod" and c.lower_.endswith("ly") and c.lower_ not in NOT_MANNER_ADVERBS
    ]
    words.append(_token_text(source, verb))
    for child in verb.rights:
        if child.dep_ in COMPLEMENT_DEPS and child.lower_ in DEATH_COMPLEMENTS:
            words.append(_token_text(source, child))
        elif child.dep_ == "prep" and child.lower_ == "to":
            death = [o for o in child.children if o.lower_ in DEATH_COMPLEMENTS]
            if death:
                words.extend([_token_text(source, child), _token_text(source, death[0])])
    return " ".join(words)


def _perpetrator(source: str, reading: Reading) -> str | None:
    """Who or what caused the casualties: a "by" agent, an active subject, or a cause noun
    ("killed in Israeli strikes", "the death toll from violence")."""
    verbs = [v for v in (reading.trigger, reading.carrier) if v is not None]
    if reading.victim is not None:
        verbs += _victim_clauses(reading.victim)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [o for o in child.children if o.dep_ == "pobj"]
                if objects:
                    return _phrase_text(source, objects[0])
    for verb in verbs:
        subject = _active_subject(verb, reading.victim)
        if subject is not None:
            return _phrase_text(source, subject)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "by", "from", "during", "after"}:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in CAUSE_NOUNS:
                        return _phrase_text(source, obj)
    return None


def _victim_clauses(victim: Token) -> list[Token]:
    """Participle and relative clauses on the victims, except one that belongs to a part
    ("fighters ..., 182 of whom were executed" is about the 182)."""
    return [
        c for c in victim.children if c.dep_ in {"acl", "relcl"} and not has_partitive_subject(c)
    ]


def _active_subject(verb: Token, victim: Token | None) -> Token | None:
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in INCLUDE_VERBS:
        return None
    source = verb
    if verb.dep_ in {"advcl", "conj"} and not any(c.dep_ == "nsubj" for c in verb.children):
        source = verb.head
    for child in source.children:
        if child.dep_ != "nsubj" or child.pos_ in {"PRON", "NUM"}:
            continue
        if victim is not None and child.i == victim.i:
            return None
        if child.text.isupper() or any(t.like_num for t in child.subtree):
            return None
        if child.lemma_.lower() in TOLL_NOUNS or group_kind(child) is not None:
            return None
        if is_person(child) and child.lower_ in {"officials", "authorities", "police"}:
            return None
        return child
    return None


def _phrase_text(source: str, token: Token) -> str | None:
    """A noun phrase's text without relative clauses, appositions and trailing material."""
    dropped = {"relcl", "acl", "appos", "punct", "advcl", "cc", "conj"}
    if token.dep_ == "pobj" or any(c.dep_ == "cc" for c in token.children):
        dropped = {"relcl", "acl", "appos", "punct", "advcl"}
    indices = {token.i}
    for child in token.children:
        if child.dep_ not in dropped:
            indices |= {t.i for t in child.subtree}
    first, last = min(indices), max(indices)
    if last - first > 12:
        return None
    doc = token.doc
    end_token = doc[last]
    text = source[int(doc[first].idx) : int(end_token.idx) + len(end_token.text)]
    text = text.strip(" \"'“”‘’,.;:")
    words = text.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        text = " ".join(words[1:]) if len(words) > 1 else text
    return text or None


def _time_text(source: str, reading: Reading, sentence: SpacySpan) -> str | None:
    """The date or time the sentence gives the figure ("since last weekend", "Tuesday")."""
    anchors = [t for t in (reading.trigger, reading.carrier) if t is not None]
    if not anchors:
        return None
    for ent in sentence.ents:
        if ent.label_ not in {"DATE", "TIME"} or "old" in ent.text.lower():
            continue
        if not any(a.i in {t.i for t in ent.root.ancestors} or a.i == ent.root.i for a in anchors):
            continue
        text = source[int(ent.start_char) : int(ent.end_char)]
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lower_ == "since":
            return f"{_token_text(source, head)} {text}"
        return text
    return None
