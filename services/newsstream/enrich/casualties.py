"""Casualty figures of one parsed text: every number the parse ties to a casualty, lone
victims, and the links between parts and wholes.

`readings` says what each number counts and `describe` who and how; this module adds lone
victims without a number ("the minister was killed"), which give a figure of one only where
nothing else in the article counts that kind, and ties each part to its whole: "182 of whom"
to the figure just before (whose victims it shares), "including six children" to the figure
it breaks down, "the dead included" to the toll, "another 15" to the toll the list before it
breaks down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import IDS as POS_IDS

from newsstream.enrich.describe import describe
from newsstream.enrich.headline_grammar import restore_passives
from newsstream.enrich.lexicon import (
    ALTERNATIVE_CONJUNCTIONS,
    ATTEMPT_WORDS,
    CARRIER_VERBS,
    DEATH_COMPLEMENTS,
    DEATH_OF_NOUNS,
    FATAL_EVENT_NOUNS,
    FATAL_WORDS,
    GROUP_PRONOUNS,
    LEAVING_VERBS,
    NON_PERSON_NAME_WORDS,
    ONE_MORE_WORDS,
    PERSON_NOUNS,
    RELATIVE_PRONOUNS,
    SELF_PRONOUNS,
    SINGLE_PERSON_PRONOUNS,
    UNDERGO_VERBS,
    WHOLE_GROUP_WORDS,
)
from newsstream.enrich.nlp import text_of
from newsstream.enrich.numbers import Amount
from newsstream.enrich.quantities import (
    AmountPhrase,
    attach_counts,
    find_amounts,
    is_abbreviated_age,
)
from newsstream.enrich.readings import (
    COPULAS,
    INTRANSITIVE_DEATHS,
    Reading,
    age_for_person,
    aged,
    anchor_of,
    carried_kind,
    fatal_part,
    hurt_others,
    is_partitive,
    is_person,
    kind_of,
    life_lost,
    listed_apart,
    named_or_pronoun,
    one_person,
    partitive_kind,
    person_by_ending,
    raised_subject,
    read_number,
    rejected,
    self_harm,
)
from newsstream.models import CasualtyKind, CountQualifier, VictimType
from newsstream.models.common import TextField

Doc = Any
Token = Any
SpacySpan = Any


@dataclass
class Figure:
    """A casualty figure of one text field, before it becomes a `CasualtyFinding`."""

    text_field: TextField
    doc: Doc
    source: str
    sentence: SpacySpan
    start: int
    end: int
    amount: Amount
    qualifier: CountQualifier
    reading: Reading
    partitive: bool = False
    # the kind of a partitive's whole, when the words say it ("six of those killed")
    whole_kind: CasualtyKind | None = None
    another: bool = False
    implicit: bool = False
    victims: str | None = None
    victim_type: VictimType = VictimType.UNKNOWN
    manner: str | None = None
    perpetrator: str | None = None
    time_text: str | None = None
    named_victim: bool = False
    # people listed one by one ("X and Y were killed"): counted by the list, none added again
    listed: bool = False
    # a lone victim told of again, by a pronoun ("he died") or a bare surname ("Hale died"):
    # it counts only through the victim it goes back to (see `figures`)
    anaphor: bool = False
    parent: Figure | None = field(default=None, repr=False)
    is_total: bool = True
    anchor: Token | None = field(default=None, repr=False)

    @property
    def kind(self) -> CasualtyKind:
        return self.reading.kind

    @property
    def count(self) -> int | None:
        return self.amount.value

    @property
    def sentence_start(self) -> int:
        return int(self.sentence.start_char)


def extract_figures(doc: Doc, field_name: TextField, source: str | None = None) -> list[Figure]:
    """Casualty figures in one parsed text, in text order, with parts tied to their wholes.

    `source` is the text as written when `doc` parsed a same-length copy of it (a lower-cased
    headline); every string a figure quotes is cut from `source` by offsets. A headline's
    parse first gets back the passives headlines write without "was" (`headline_grammar`).
    """
    source = text_of(doc) if source is None else source
    if field_name == "title":
        restore_passives(doc)
    attach_counts(doc)
    figures: list[Figure] = []
    include_kind: CasualtyKind | None = None
    include_sentence = -10
    sentences = {int(s.start): n for n, s in enumerate(doc.sents)}
    used_triggers: set[int] = set()
    unread: list[tuple[AmountPhrase, int]] = []  # counts of people no predicate claimed
    for phrase in find_amounts(doc):
        anchor = anchor_of(doc, phrase)
        sentence = anchor.sent
        sentence_number = sentences.get(int(sentence.start), 0)
        context = include_kind if sentence_number - include_sentence <= 1 else None
        reading = read_number(doc, phrase, anchor, context)
        if reading is None:
            if phrase.amount.value is not None and is_person(anchor.head):
                unread.append((phrase, sentence_number))
            continue
        if reading.include_part:
            include_kind, include_sentence = reading.kind, sentence_number
        if reading.trigger is not None:
            used_triggers.add(int(reading.trigger.i))
        figure = Figure(
            text_field=field_name,
            doc=doc,
            source=source,
            sentence=sentence,
            start=phrase.start_char,
            end=phrase.end_char,
            amount=phrase.amount,
            qualifier=reading.qualifier or phrase.qualifier,
            reading=reading,
            partitive=is_partitive(anchor) or fatal_part(anchor),
            whole_kind=partitive_kind(anchor),
            another=phrase.another,
            anchor=anchor,
        )
        _describe(figure, phrase)
        figures.append(figure)
    figures.extend(_lone_victims(doc, field_name, source, used_triggers))
    figures.extend(_deaths_of(doc, field_name, source, used_triggers))
    figures.extend(_killers_own_deaths(doc, field_name, source, used_triggers))
    figures.extend(_whole_groups(doc, field_name, source, used_triggers, unread, sentences))
    figures.extend(_single_members(figures))
    figures.sort(key=lambda f: f.start)
    _link_parts(figures)
    _link_summed_lists(figures)
    return figures


def _describe(figure: Figure, phrase: AmountPhrase | None) -> None:
    found = describe(figure.source, figure.doc, figure.reading, figure.sentence, phrase)
    figure.victims = found.victims
    figure.victim_type = found.victim_type
    figure.manner = found.manner
    figure.perpetrator = found.perpetrator
    figure.time_text = found.time_text
    figure.named_victim = figure.named_victim or found.named_victim


# -- one person among counted groups ----------------------------------------------------------


def _single_members(figures: list[Figure]) -> list[Figure]:
    """ "a girl, two women and a man were shot", "killed two soldiers and a civilian": a
    person with "a" in the coordination of a counted group is one more of that predicate."""
    singles: list[Figure] = []
    counted = {int(f.reading.victim.i) for f in figures if f.reading.victim is not None}
    for figure in figures:
        victim = figure.reading.victim
        if victim is None or figure.implicit or figure.listed or figure.count is None:
            continue
        # "a policeman and one of his colleagues": the count's own word is the conjunct
        holder = _listed_word(figure) or victim
        for member in [*_conjuncts(holder), *_split_list(holder)]:
            if int(member.i) in counted or member.i == holder.i:
                continue
            if not (one_person(member) or (figure.text_field == "title" and _bare_one(member))):
                continue
            counted.add(int(member.i))
            reading = Reading(
                kind=figure.reading.kind,
                trigger=figure.reading.trigger,
                victim=member,
                carrier=figure.reading.carrier,
            )
            single = Figure(
                text_field=figure.text_field,
                doc=figure.doc,
                source=figure.source,
                sentence=figure.sentence,
                start=int(member.left_edge.idx),
                end=int(member.idx) + len(member.text),
                amount=Amount(1, 1, 1),
                qualifier=CountQualifier.EXACT,
                reading=reading,
                anchor=member,
            )
            _describe(single, None)
            singles.append(single)
    return singles


#: Arguments a verb has one of: a second one is a list the parser split.
_LIST_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _split_list(victim: Token) -> list[Token]:
    """Members of the victim's list that the parser hung elsewhere: "a man, two others" (the
    others set in apposition to the man), "a girl, two women and a man were shot" (the girl
    made a second subject of the verb)."""
    before = _split_from(_conj_root(victim))
    return [] if before is None else [before]


def _split_from(root: Token) -> Token | None:
    """The member just before the first conjunct `root` of a list, where the parser split the
    list there: the word `root` is set in apposition to, or an argument of the same role
    right before it."""
    if listed_apart(root):
        return root.head
    if root.dep_ in _LIST_ARGUMENTS and root.head.i != root.i:
        return next(
            (c for c in root.head.children if c.dep_ == root.dep_ and _just_before(c, root)),
            None,
        )
    return None


def _just_before(first: Token, then: Token) -> bool:
    """ "a girl, two women": `first` ends with a comma right before the phrase of `then`."""
    comma = int(then.left_edge.i) - 1
    return (
        comma > first.i
        and first.doc[comma].text == ","
        and (int(first.right_edge.i) in {comma - 1, comma})
    )


def _conjuncts(token: Token) -> list[Token]:
    root = token
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    found, stack = [], [root]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(c for c in current.children if c.dep_ == "conj")
    return found


def _bare_one(noun: Token) -> bool:
    """ "Teen" in the headline "Teen, 3 adults shot": headlines drop the article of one
    person."""
    return _singular_person_noun(noun) and not any(
        c.dep_ in {"det", "nummod", "poss"} for c in noun.children
    )


def _listed_person(token: Token) -> bool:
    """One person in a list of victims: a name, a pronoun, or a singular person noun with a
    determiner or owner ("his wife", "a neighbour")."""
    if named_or_pronoun(token) or _one_of_theirs(token):
        return True
    return _singular_person_noun(token) and any(c.dep_ in {"det", "poss"} for c in token.children)


def _listed_word(figure: Figure) -> Token | None:
    """The word that stands for a figure's people in a list: its victim noun, but "one" in
    "one of his colleagues"."""
    if figure.anchor is not None and _one_of_theirs(figure.anchor):
        return figure.anchor
    return figure.reading.victim or figure.anchor


def _one_of_theirs(token: Token) -> bool:
    """ "one of his bodyguards", "one of the officers": one member of a group of people."""
    if token.lower_ != "one":
        return False
    return any(
        noun.dep_ == "pobj"
        and noun.tag_ == "NNS"
        and (is_person(noun) or any(c.dep_ == "poss" for c in noun.children))
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for noun in prep.children
    )


def _singular_person_noun(token: Token) -> bool:
    """ "man", "neighbour", "shopkeeper": a common noun of one person."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or _looks_plural(token):
        return False
    return token.lower_ in PERSON_NOUNS or person_by_ending(token)


# -- groups told of again -----------------------------------------------------------------------


def _whole_groups(
    doc: Doc,
    field_name: TextField,
    source: str,
    used: set[int],
    unread: list[tuple[AmountPhrase, int]],
    sentences: dict[int, int],
) -> list[Figure]:
    """ "opened fire on four men. They were all hit", "six children. All of them were
    killed": a whole group counted just before (in that sentence or the one before it, by a
    number no predicate claimed) as the subject of a casualty predicate; "both were
    killed" counts two by itself."""
    figures: list[Figure] = []
    for token in _tokens_of(doc, {"VERB", "AUX"}):
        if token.i in used:
            continue
        kind, carrier = kind_of(token), None
        if kind is None and (token.lower_ in CARRIER_VERBS or token.lemma_ in CARRIER_VERBS):
            kind, carrier = carried_kind(token), token
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if kind is None or subject is None:
            continue
        amount = _group_amount(token, subject, unread, sentences)
        if amount is None:
            continue
        reading = Reading(kind=kind, trigger=token, victim=None, carrier=carrier)
        if rejected(doc, subject, reading):
            continue
        figures.append(
            _figure_at(subject, token, doc, field_name, source, amount, reading, anchor=subject)
        )
    return figures


def _figure_at(
    word: Token,
    verb: Token,
    doc: Doc,
    field_name: TextField,
    source: str,
    amount: Amount,
    reading: Reading,
    **details: Any,
) -> Figure:
    """An exact figure whose evidence is one word (a group's subject, a lone victim), described
    like every other figure."""
    figure = Figure(
        text_field=field_name,
        doc=doc,
        source=source,
        sentence=verb.sent,
        start=int(word.idx),
        end=int(word.idx) + len(word.text),
        amount=amount,
        qualifier=CountQualifier.EXACT,
        reading=reading,
        **details,
    )
    _describe(figure, None)
    return figure


def _group_amount(
    verb: Token, subject: Token, unread: list[tuple[AmountPhrase, int]], sentences: dict[int, int]
) -> Amount | None:
    lower = subject.lower_
    if lower == "both" and subject.pos_ == "PRON":
        return Amount(2, 2, 2)
    whole = lower in WHOLE_GROUP_WORDS and any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.lower_ in GROUP_PRONOUNS for o in c.children)
        for c in subject.children
    )
    whole = whole or (
        lower in GROUP_PRONOUNS
        and any(c.lower_ in WHOLE_GROUP_WORDS for c in (*verb.children, *subject.children))
    )
    if not whole:
        return None
    here = sentences.get(int(verb.sent.start), 0)
    before = [
        phrase
        for phrase, number in unread
        if here - 1 <= number <= here and phrase.last <= subject.i
    ]
    return before[-1].amount if before else None


# -- lone victims --------------------------------------------------------------------------------


def _deaths_of(doc: Doc, field_name: TextField, source: str, used: set[int]) -> list[Figure]:
    """ "charged in the shooting death of a 3-year-old girl", "the fatal shooting of Omar
    Reed", "the slaying of a man and his son": a death named with its victims, one person or
    a list of them, and no number."""
    figures: list[Figure] = []
    for token in _tokens_of(doc, {"NOUN"}):
        if token.i in used or not _names_a_death(token):
            continue
        victim = next(
            (
                obj
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for obj in prep.children
                if obj.dep_ == "pobj"
            ),
            None,
        )
        if victim is None:
            continue
        members = _conjuncts(victim)
        if not all(_one_dead(m) for m in members):
            continue
        reading = Reading(kind=CasualtyKind.KILLED, trigger=token, victim=victim)
        if rejected(doc, victim, reading):
            continue
        size = len(members)
        figure = _figure_at(
            victim,
            token,
            doc,
            field_name,
            source,
            Amount(size, size, size),
            reading,
            implicit=size == 1,
            listed=size > 1,
            named_victim=victim.ent_type_ == "PERSON",
            anaphor=size == 1 and _anaphor(victim),
        )
        figures.append(_spanning(figure, members))
    return figures


def _killers_own_deaths(
    doc: Doc, field_name: TextField, source: str, used: set[int]
) -> list[Figure]:
    """ "shot his wife, then turned the gun on himself", "killed his son before taking his
    own life": the one who hurt others died by their own hand too."""
    figures: list[Figure] = []
    for token in _tokens_of(doc, {"VERB"}):
        if token.i in used:
            continue
        self_word = self_harm(token)
        if self_word is None or not hurt_others(token):
            continue
        reading = Reading(kind=CasualtyKind.KILLED, trigger=token, victim=self_word)
        figures.append(
            _figure_at(
                self_word, token, doc, field_name, source, Amount(1, 1, 1), reading, implicit=True
            )
        )
    return figures


def _tokens_of(doc: Doc, parts_of_speech: set[str]) -> list[Token]:
    """The tokens tagged with one of these parts of speech, in order, found without making a
    Python object of every other token."""
    tags = [POS_IDS[name] for name in parts_of_speech]
    return [doc[i] for i in numpy.flatnonzero(numpy.isin(doc.to_array(POS), tags)).tolist()]


def _names_a_death(noun: Token) -> bool:
    """ "death", "murder", "slaying"; "shooting" only when fatal; never an attempt."""
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
    if modifiers & ATTEMPT_WORDS:
        return False
    if noun.lower_ in DEATH_OF_NOUNS or noun.lemma_.lower() in DEATH_OF_NOUNS:
        return True
    return noun.lower_ in FATAL_EVENT_NOUNS and bool(modifiers & FATAL_WORDS)


def _one_dead(token: Token) -> bool:
    """One person whose death is named: a name (which the model may take for a building), a
    singular person noun, or an age standing for one ("a 9-year-old")."""
    if any(c.dep_ == "nummod" and not is_abbreviated_age(c) for c in token.children):
        return False
    if token.pos_ == "PROPN":
        return bool(token.ent_type_ in {"PERSON", "FAC", ""} and token.tag_ == "NNP")
    if age_for_person(token):
        return True
    return _singular_person_noun(token)


def _lone_victims(doc: Doc, field_name: TextField, source: str, used: set[int]) -> list[Figure]:
    """ "The head of the forces has been killed", "eliminated spokesman Mohammed Afif": one
    named or singled-out person as the argument of a casualty predicate."""
    figures: list[Figure] = []
    for token in _tokens_of(doc, {"VERB", "AUX"}):
        if token.i in used:
            continue
        kind = kind_of(token)
        carrier = None
        if kind is None and (token.lower_ in CARRIER_VERBS or token.lemma_ in CARRIER_VERBS):
            kind = carried_kind(token)
            carrier = token
        if kind is None:
            continue
        if _by_suicide(token):
            continue
        victim = _single_victim(token, kind, carrier)
        if victim is None:
            figures.extend(_victim_list(doc, field_name, source, token, kind, carrier))
            continue
        reading = Reading(
            kind=kind,
            trigger=token,
            victim=victim,
            carrier=carrier,
            include_part=_among_a_group(token),
        )
        if rejected(doc, victim, reading):
            continue
        figures.append(
            _figure_at(
                victim,
                token,
                doc,
                field_name,
                source,
                Amount(1, 1, 1),
                reading,
                implicit=True,
                named_victim=victim.ent_type_ == "PERSON",
                anaphor=_anaphor(victim),
            )
        )
    return figures


def _among_a_group(verb: Token) -> bool:
    """ "Steve was among those shot dead": one member of a group counted elsewhere, whose
    count already takes them in."""
    return any(c.dep_ == "prep" and c.lower_ == "among" for c in verb.children)


def _victim_list(
    doc: Doc,
    field_name: TextField,
    source: str,
    verb: Token,
    kind: CasualtyKind,
    carrier: Token | None,
) -> list[Figure]:
    """People listed one by one give a count of as many ("X and Y were shot dead": two)."""
    members = _listed_victims(verb, kind, carrier)
    if not members:
        return []
    reading = Reading(kind=kind, trigger=verb, victim=members[0], carrier=carrier)
    if rejected(doc, members[0], reading):
        return []
    size = len(members)
    figure = _figure_at(
        members[0], verb, doc, field_name, source, Amount(size, size, size), reading, listed=True
    )
    return [_spanning(figure, members)]


def _spanning(figure: Figure, members: Sequence[Token]) -> Figure:
    """The figure's text runs to the last person listed."""
    figure.end = int(members[-1].idx) + len(members[-1].text)
    return figure


def _single_victim(verb: Token, kind: CasualtyKind, carrier: Token | None) -> Token | None:
    guessed = carrier is not None and kind is CasualtyKind.INJURED
    for child in _victim_arguments(verb, kind, carrier):
        if child.pos_ == "PRON" and child.lower_ in SINGLE_PERSON_PRONOUNS | ONE_MORE_WORDS:
            return child
        if child.lower_ in SELF_PRONOUNS:
            return child  # "shot himself"
        if age_for_person(child) or (child.lower_ in DEATH_COMPLEMENTS and aged(child)):
            return child  # "a 15-year-old was shot", "left a 6-year-old dead"
        if child.pos_ not in {"NOUN", "PROPN"}:
            continue
        if child.tag_ not in {"NN", "NNP"} or _looks_plural(child):
            return None
        if any(
            (c.dep_ == "nummod" and not is_abbreviated_age(c))
            or c.dep_ == "conj"
            or _listed_after_name(c)
            or c.lower_ in {"no", "every", "each"}
            for c in child.children
        ):
            return None
        if (
            child.ent_type_ == "PERSON"
            or child.lower_ in PERSON_NOUNS
            or _anaphor(child)
            or aged(child)
            or _untagged_name(child)
        ):
            return child
        if not guessed and person_by_ending(child):
            return child
    return None


def _listed_victims(verb: Token, kind: CasualtyKind, carrier: Token | None) -> list[Token]:
    """ "Ronald Smith and his wife were killed", "shot a neighbour and her son": people listed
    one by one, each a name, a pronoun or one person, as the argument of one predicate."""
    for child in _victim_arguments(verb, kind, carrier):
        after = next((c for c in child.children if _listed_after_name(c)), None)
        if any(c.dep_ == "conj" for c in child.children):
            members = _conjuncts(child)
        elif after is not None:
            members = [child, *_conjuncts(after)]
        else:
            continue
        if any(
            c.dep_ == "cc" and c.lower_ in ALTERNATIVE_CONJUNCTIONS
            for m in members
            for c in m.children
        ):
            return []  # "that gang member or that gang member": alternatives, not a list
        # a name whose list goes on in apposition is one person by that alone
        checked = members[1:] if after is not None else members
        if len(members) > 1 and all(_listed_person(m) or _bare_one(m) for m in checked):
            return members
        return []
    return []


def _listed_after_name(token: Token) -> bool:
    """ "Betty Mungin, 55, Alexis Mungin, 29, and Armani Mungin": a name the parser set in
    apposition to the name before it, when a list goes on from it, is that list's next member,
    not another name of the same person."""
    return (
        token.dep_ == "appos"
        and token.head.tag_ == "NNP"
        and token.head.ent_type_ in {"PERSON", ""}
        and named_or_pronoun(token)
        and any(c.dep_ == "conj" for c in token.children)
    )


def _victim_arguments(verb: Token, kind: CasualtyKind, carrier: Token | None) -> list[Token]:
    """The words of a casualty predicate that may stand for its victims: the subject of a
    passive, intransitive or carried predicate, else the object."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    lemma = verb.lemma_.lower()
    elided = verb.dep_ == "conj" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    if elided and any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.head.children):
        passive = True  # "three were killed and another [was] injured"
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        passive = True  # "a boy killed in the crossfire"
    if _left_in_state(verb):
        passive = True  # "left a man dead and another injured"
    wanted = {"nsubjpass", "nsubj"} if passive else {"dobj"}
    if not passive and (
        lemma in INTRANSITIVE_DEATHS
        or kind is CasualtyKind.MISSING
        or lemma in UNDERGO_VERBS
        or life_lost(verb)
        or (carrier is not None and lemma in COPULAS)
    ):
        wanted = {"nsubj"}
    arguments = list(verb.children)
    raised = raised_subject(verb)
    if raised is not None:  # "the toddler was reported to be shot"
        arguments, wanted = [raised], {raised.dep_}
    found = [_antecedent(child, verb) for child in arguments if child.dep_ in wanted]
    if found or "nsubj" not in wanted:
        return found
    return _shared_subject(verb)


def _antecedent(argument: Token, verb: Token) -> Token:
    """The noun a relative pronoun stands for: "the teen who died" is about the teen."""
    if argument.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.i != verb.i:
        return verb.head
    return argument


def _left_in_state(verb: Token) -> bool:
    """ "(left a man dead and) another injured": a casualty word joined to a verb that
    leaves people in a state, with a subject and no object, is the state of its subject."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return head.lower_ in LEAVING_VERBS or head.lemma_.lower() in LEAVING_VERBS


def _shared_subject(verb: Token) -> list[Token]:
    """The subject a predicate without its own shares: the first verb's in a chain ("the
    man shot on Friday has died", as parsed), the noun a participle describes ("the
    16-year-old fatally shot on Monday", "a boy killed in the crossfire")."""
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        if any(c.dep_ == "auxpass" for c in verb.children):
            return []  # "a worker was killed and several others were wounded": a clause
        return [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return [verb.head]
    return []


def _anaphor(token: Token) -> bool:
    """ "he", "she", or a lone proper noun the model did not tag (a surname told again)."""
    if token.lower_ in SINGLE_PERSON_PRONOUNS:
        return True
    return (
        token.tag_ == "NNP"
        and not token.ent_type_
        and not any(c.dep_ == "compound" for c in token.children)
    )


def _untagged_name(token: Token) -> bool:
    """ "Morgan Slaight died": a first name and surname the model gave no label, which no
    word marks as an organisation's, a building's or a place's."""
    if token.tag_ != "NNP" or token.ent_type_ or not token.is_title:
        return False
    parts = [c for c in token.children if c.dep_ == "compound"]
    if not 1 <= len(parts) <= 2 or any(c.i > token.i for c in parts):
        return False
    name = [*parts, token]
    return all(
        p.tag_ == "NNP" and p.is_title and p.ent_type_ in {"", "PERSON"} for p in parts
    ) and not any(p.lower_ in NON_PERSON_NAME_WORDS for p in name)


def _looks_plural(token: Token) -> bool:
    """Plural by its form; a name's ending says nothing ("Lewis", "Jones")."""
    if "Plur" in token.morph.get("Number"):
        return True
    if token.pos_ == "PROPN" and token.tag_ == "NNP":
        return False
    return bool(token.lower_.endswith(("s", "men", "people")))


def _by_suicide(verb: Token) -> bool:
    """A single person's suicide is not a casualty of the events a story reports."""
    return any(
        obj.lemma_.lower() == "suicide"
        for child in verb.children
        if child.dep_ in {"prep", "agent"}
        for obj in child.children
    )


# -- parts and wholes ----------------------------------------------------------------------------


def _link_parts(figures: list[Figure]) -> None:
    """Ties each part to its whole: "182 of whom" to the figure just before, "including six
    children" to the figure it breaks down, "the dead included" to the toll, "another 15" to
    the toll the list before it breaks down."""
    for index, figure in enumerate(figures):
        earlier = figures[:index]
        same_sentence = [f for f in earlier if f.sentence_start == figure.sentence_start]
        if figure.partitive:
            kind = figure.whole_kind
            if kind is not None:
                same_sentence = [f for f in same_sentence if f.kind is kind]
                earlier = [f for f in earlier if f.kind is kind]
            figure.parent = _last(same_sentence) or _last(earlier)
            _inherit_victims(figure)
        elif figure.reading.breakdown and not figure.reading.toll:
            wholes = [
                f
                for f in same_sentence
                if f.kind is figure.kind and not f.reading.breakdown and not f.partitive
            ]
            figure.parent = _last(wholes)
        elif figure.reading.include_part:
            figure.parent = _last([f for f in earlier if f.kind is figure.kind and f.is_total])
            figure.is_total = False
            continue
        elif figure.another:
            previous = _last([f for f in earlier if f.kind is figure.kind])
            if previous is not None and not previous.is_total:
                figure.parent = _root(previous)
                figure.is_total = False
                continue
        figure.is_total = figure.parent is None


def _link_summed_lists(figures: list[Figure]) -> None:
    """ "40 people, 6 security personnel and 34 civilians, were killed": a list whose first
    group, of people in general, numbers exactly the rest together is that whole and its
    breakdown (the parser reads the apposition as one more conjunct), not three groups."""
    for group in coordinated(figures):
        whole, *parts = sorted(group, key=lambda f: f.start)
        if len(parts) < 2 or whole.victim_type is not VictimType.UNKNOWN:
            continue
        if any(f.qualifier is not CountQualifier.EXACT for f in group):
            continue
        if whole.count != sum(f.count or 0 for f in parts):
            continue
        for part in parts:
            part.parent = whole
            part.is_total = False


def coordinated(figures: list[Figure]) -> list[list[Figure]]:
    """Disjoint groups stated together: "two soldiers and one civilian were killed" gives two
    totals of one predicate, over different victims joined by "and" (never "or"), which add
    up to the toll of that statement."""
    groups: dict[tuple[str, int, CasualtyKind], list[Figure]] = {}
    for figure in figures:
        trigger = figure.reading.trigger
        if trigger is None or figure.implicit or figure.count is None or not figure.is_total:
            continue
        key = (figure.text_field, int(trigger.i), figure.kind)
        groups.setdefault(key, []).append(figure)
    return [group for group in groups.values() if len(group) > 1 and _joined_by_and(group)]


def _joined_by_and(group: list[Figure]) -> bool:
    """The figures' words are one coordination with "and": conjuncts of each other, with no
    "or" between them."""
    heads = [h for h in (_listed_word(f) for f in group) if h is not None]
    if len(heads) < len(group):
        return False
    if len({int(h.i) for h in heads}) < len(heads):
        return False
    first, last = min(int(h.i) for h in heads), max(int(h.i) for h in heads)
    between = group[0].doc[first:last]
    if any(t.lower_ in ALTERNATIVE_CONJUNCTIONS for t in between):
        return False
    roots = {int(_list_head(h).i) for h in heads}
    return len(roots) == 1


def _list_head(token: Token) -> Token:
    """The first member of the list a token belongs to, across the parser's splits of a list
    (see `_split_list`)."""
    root = _conj_root(token)
    before = _split_from(root)
    return root if before is None else _conj_root(before)


def _conj_root(token: Token) -> Token:
    """The first conjunct of the coordination a token belongs to."""
    current = token
    for _ in range(12):
        if current.dep_ != "conj" or current.head.i == current.i:
            break
        current = current.head
    return current


def _inherit_victims(part: Figure) -> None:
    """ "262 civilians, 182 of whom were executed": the 182 are civilians too."""
    whole = part.parent
    if whole is None or part.victims is not None or whole.kind is not part.kind:
        return
    part.victims = whole.victims
    part.victim_type = whole.victim_type


def _last(figures: list[Figure]) -> Figure | None:
    return figures[-1] if figures else None


def _root(figure: Figure) -> Figure | None:
    """The whole a part ultimately belongs to (None when the chain ends in a part)."""
    current = figure
    seen = {id(current)}
    while current.parent is not None and id(current.parent) not in seen:
        current = current.parent
        seen.add(id(current))
    return current if current.is_total else current.parent
