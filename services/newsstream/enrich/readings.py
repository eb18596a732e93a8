"""What the dependency parse says about one number: the casualty it counts, if any.

A number phrase (see `quantities`) is tied to the predicate that governs it: the verb or
adjective whose subject or object it counts ("15 troops were killed", "killing 31", "left 11
dead"), a toll it is the value of ("the death toll rose to 940"), or a list of the dead it is a
member of ("the dead included 326 fighters"). The result also says whether the figure is a
breakdown of another ("including six children") or a member of a listed toll. When the parse
is visibly wrong, the casualty word right before or after the number decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from newsstream.enrich.lexicon import (
    ANY_KIND_GROUP_NOUNS,
    BREAKDOWN_PREPS,
    CARE_VERBS,
    CARE_WORDS,
    CARRIER_VERBS,
    CASUALTY_GROUP_NOUNS,
    COLLECTIVE_NOUNS,
    COMMUNITY_WORDS,
    CONDITION_NOUNS,
    CONDITION_WORDS,
    CUSTODY_OBJECTS,
    DEATH_COMPLEMENTS,
    FATAL_ADVERBS,
    HIT_VERBS,
    INCLUDE_VERBS,
    INJURY_NOUNS,
    KILLING_PARTICLES,
    KIND_WORDS,
    LIFE_LOSING_VERBS,
    LIFE_NOUNS,
    LIFE_STRUGGLE_VERBS,
    LIFE_TAKING_VERBS,
    NEAR_MISS_ADVERBS,
    NON_PERSON_NOUNS,
    NOUN_ONLY_FORMS,
    OTHERS_WORDS,
    OUTCOME_VERBS,
    OWN_WORDS,
    PART_WORDS,
    PERSON_NOUNS,
    PERSON_SINGULAR_SUFFIXES,
    PERSON_SUFFIXES,
    REPORTING_VERBS,
    RUNNING_PERIOD_NOUNS,
    SELF_PRONOUNS,
    SINCE_WORDS,
    SINGLE_PERSON_PRONOUNS,
    SO_FAR_WORDS,
    SPORTS_WORDS,
    SUFFER_VERBS,
    SUPERSEDING_TOLL_VERBS,
    SURVIVAL_VERBS,
    TIME_NOUNS,
    TO_DATE_WORDS,
    TOLL_NOUNS,
    TOLL_OBJECT_VERBS,
    TOLL_VERBS,
    TURN_VERBS,
    UNDERGO_VERBS,
    WEAPON_NOUNS,
)
from newsstream.enrich.numbers import parse_amount_text
from newsstream.enrich.quantities import AmountPhrase, is_year
from newsstream.models import CasualtyKind, CountQualifier

Doc = Any
Token = Any

_NUMBER_DEPS: Final[frozenset[str]] = frozenset(
    {"nummod", "quantmod", "compound", "amod", "nmod", "det", "npadvmod"}
)
_PARTITIVE_PRONOUNS: Final[frozenset[str]] = frozenset(
    {"whom", "them", "those", "these", "which", "us", "they"}
)
_SUBJECT_PRONOUNS: Final[frozenset[str]] = frozenset({"they", "these", "those", "it"})
COMPLEMENT_DEPS: Final[frozenset[str]] = frozenset(
    {"acomp", "oprd", "xcomp", "advmod", "ccomp", "dobj", "attr", "conj", "prt"}
)
#: How the parser sometimes attaches a resultative "dead" to the verb ("shot dead a man" as a
#: preposition, "shot him dead in the street" as an adverbial clause).
_RESULT_DEPS: Final[frozenset[str]] = frozenset({"prep", "advcl"})
_OWN_MODIFIER_DEPS: Final[frozenset[str]] = frozenset({"amod", "acl", "relcl", "oprd"})
_HYPOTHETICAL: Final[frozenset[str]] = frozenset({"could", "would", "might", "can"})
_ARGUMENT_DEPS: Final[frozenset[str]] = frozenset({"nsubj", "nsubjpass", "dobj"})
INTRANSITIVE_DEATHS: Final[frozenset[str]] = frozenset(
    {"die", "perish", "succumb", "drown", "disappear", "survive"}  # "did not survive"
)
#: Kinds that say where people are (held, missing, displaced) rather than what befell them.
_STANDING_KINDS: Final[frozenset[CasualtyKind]] = frozenset(
    {CasualtyKind.KIDNAPPED, CasualtyKind.ARRESTED, CasualtyKind.DISPLACED, CasualtyKind.MISSING}
)
_HARM_KINDS: Final[frozenset[CasualtyKind]] = frozenset({CasualtyKind.KILLED, CasualtyKind.INJURED})
COPULAS: Final[frozenset[str]] = frozenset(
    {"be", "become", "remain", "lie", "lay", "go", "get", "seem", "appear", "stay"}
)


@dataclass
class Reading:
    """What the parse says about one number: which casualty it counts and through what."""

    kind: CasualtyKind
    trigger: Token | None
    victim: Token | None = None
    toll: bool = False
    supersedes: bool = False
    include_part: bool = False
    breakdown: bool = False
    qualifier: CountQualifier | None = None
    carrier: Token | None = None


def read_number(
    doc: Doc, phrase: AmountPhrase, anchor: Token, include_kind: CasualtyKind | None = None
) -> Reading | None:
    """The casualty a number phrase counts, or None when it counts something else."""
    if _apposed_to_name(anchor):
        return None  # "Dallas Reed, 19,", "Chadney and Kara Allen -- 19 and 17 --": ages
    if age_between_commas(doc, phrase.first, phrase.last):
        return None  # "Boy, 14, dies after shooting", however it was parsed
    victim = _victim_noun(doc, phrase, anchor)
    if _among_doers(victim or anchor):
        return None  # "killed by two gunmen", "shot by one of his friends"
    lives = _lives_taken(victim) if victim is not None else None
    if lives is not None:
        return lives  # "claimed 12 lives"
    if victim is not None and not (is_person(victim) or group_kind(victim) is not None):
        return None
    if victim is None and _counts_things(anchor):
        return None
    if _partitive_whole(anchor) and _own_modifier(anchor, victim) is None:
        return None  # "two of the four men died": the two count, not the four
    if anchor.dep_ == "punct":
        # A number is never punctuation: the parse broke here (typically a headline without
        # a full stop, "kills 35 and injures 27"), so read the words beside it instead.
        reading = _preceding_predicate(doc, phrase) or _following_predicate(doc, phrase)
    else:
        own = _own_modifier(anchor, victim)
        reading = own or _walk_up(victim or anchor, include_kind)
        if (
            reading is not None
            and reading.trigger is not None
            and reading.trigger.dep_ == "relcl"
            and not _partitive_whole(anchor)
        ):
            # "six children who were kidnapped ... were shot dead": the main predicate; but in
            # "two of the four men who were shot died" the main predicate is the part's
            main = _walk_up(victim or anchor, include_kind)
            reading = main if main is not None and main.kind is not reading.kind else reading
        elif own is not None and own.kind in _STANDING_KINDS:
            reading = _harm_to_the_held(victim or anchor, own, include_kind)
    if reading is None and not _argument_of_other_verb(victim or anchor):
        reading = _preceding_predicate(doc, phrase) or _following_predicate(doc, phrase)
    elif reading is not None and _is_coordination_artefact(victim or anchor, reading):
        reading = _following_predicate(doc, phrase) or reading
    elif reading is not None:
        reading = _nearer_verb(doc, phrase, reading)
    if reading is None:
        return None
    if fatal_part(anchor):
        reading.kind = CasualtyKind.KILLED
    reading.victim = victim
    if rejected(doc, anchor, reading):
        return None
    return reading


def _apposed_to_name(anchor: Token) -> bool:
    """A number, or the first of a list of numbers, set beside a name: the names' ages."""
    first = anchor
    while first.dep_ == "conj" and first.head.i != first.i and first.head.like_num:
        first = first.head
    return bool(first.dep_ == "appos" and first.head.pos_ == "PROPN")


def _harm_to_the_held(start: Token, own: Reading, include_kind: CasualtyKind | None) -> Reading:
    """ "killed three hostages", "four detainees were shot dead", "displaced people died in the
    shelling": a word for people held, missing or displaced says what they were before; a
    predicate that killed or hurt them says what befell them in the event."""
    main = _walk_up(start, include_kind)
    if main is not None and main.kind in _HARM_KINDS:
        return main
    return own


def age_between_commas(doc: Doc, first: int, last: int) -> bool:
    """ "Boy, 14,", "a man, 25,": a lone number set off by commas just after one person (a
    singular person noun or a name) is that person's age."""
    if last - first != 1 or first < 2 or last >= len(doc):
        return False
    if doc[first - 1].text != "," or doc[last].text != ",":
        return False
    person = doc[first - 2]
    if person.tag_ == "NNP":
        return True
    return person.tag_ not in {"NNS", "NNPS"} and is_person(person)  # "Boy" may be tagged UH


def _among_doers(token: Token) -> bool:
    """Whether the counted words are the agent of a passive ("by two gunmen"), or inside it
    ("by one of his friends")."""
    current = token
    for _ in range(4):
        if current.dep_ == "agent":
            return True
        if current.dep_ not in {"pobj", "prep"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def anchor_of(doc: Doc, phrase: AmountPhrase) -> Token:
    """The phrase token attached to the rest of the sentence."""
    for index in range(phrase.last - 1, phrase.first - 1, -1):
        head = doc[index].head
        if not phrase.first <= int(head.i) < phrase.last or head.i == index:
            return doc[index]
    return doc[phrase.last - 1]


def _victim_noun(doc: Doc, phrase: AmountPhrase, anchor: Token) -> Token | None:
    """The noun a number counts: "326 Druze fighters" -> fighters, "dozens of militants"."""
    head = anchor.head
    inside = phrase.first <= int(head.i) < phrase.last
    if (
        anchor.dep_ in _NUMBER_DEPS
        and not inside
        and head.i != anchor.i
        and head.pos_ in {"NOUN", "PROPN"}
        and not _quantified_apart(doc, anchor, head)
    ):
        while (
            head.dep_ == "compound"
            and head.head.i != head.i
            and head.head.pos_
            in {
                "NOUN",
                "PROPN",
            }
        ):
            head = head.head
        return head
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}:
                    return obj
    return None


def _quantified_apart(doc: Doc, anchor: Token, head: Token) -> bool:
    """ "141 a few days later": another quantifier between a number and the noun it was
    attached to shows the attachment is wrong (the noun has its own amount)."""
    low, high = sorted((int(anchor.i), int(head.i)))
    return any(t.dep_ in {"det", "quantmod"} or t.like_num for t in doc[low + 1 : high])


def _partitive_whole(anchor: Token) -> bool:
    """The whole a part is taken from ("two of the four men", "which of the three victims",
    "image 1 of 12", "four people out of the 75"): what happened to the part is not what
    happened to the whole (unless the whole has its own: "one of five people shot")."""
    counted = anchor.head if anchor.dep_ in _NUMBER_DEPS else anchor
    of = counted.head
    if counted.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return False
    part = of.head
    if part.lower_ == "out" and part.head.i != part.i:
        part = part.head  # "four people out of the 75"
        return bool(part.like_num or any(c.dep_ == "nummod" for c in part.children))
    return bool(part.like_num or part.lower_ in PART_WORDS)


def is_partitive(anchor: Token) -> bool:
    """ "182 of whom", "three of them": a part of a group counted just before."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(o.lower_ in _PARTITIVE_PRONOUNS for o in child.children)
        for child in anchor.children
    )


def partitive_kind(anchor: Token) -> CasualtyKind | None:
    """ "six of those killed": the kind of the group a part is taken from, when the pronoun
    says it; the whole is then the last group of that kind, not merely the last one."""
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pronoun in child.children:
                if pronoun.lower_ in _PARTITIVE_PRONOUNS:
                    return _described_kind(pronoun)
    return None


def is_person(token: Token) -> bool:
    lower = token.lower_
    if lower in NON_PERSON_NOUNS:
        return False
    if lower in PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS:
        return True
    if token.ent_type_ in {"NORP", "PERSON"} or lower in COMMUNITY_WORDS:
        return True
    return token.pos_ in {"NOUN", "PROPN"} and lower.endswith(PERSON_SUFFIXES)


def _counts_things(anchor: Token) -> bool:
    """A bare number set beside a noun that is not a person ("2 blasts, 1 at a tea shop")."""
    head = anchor.head
    if anchor.dep_ in {"appos", "conj"} and head.pos_ == "NOUN":
        return not (is_person(head) or group_kind(head) is not None)
    return False


def kind_of(token: Token) -> CasualtyKind | None:
    """The casualty a word states; "fatally wounded", "mortally injured" and "did not
    survive" state a killing."""
    kind = KIND_WORDS.get(token.lower_) or KIND_WORDS.get(token.lemma_.lower())
    if kind is CasualtyKind.INJURED and _fatally(token):
        return CasualtyKind.KILLED
    if kind is None and life_lost(token):
        return CasualtyKind.KILLED
    if kind is None and _not_survived(token):
        return CasualtyKind.KILLED
    return kind


def life_lost(verb: Token) -> bool:
    """ "lost their lives", "lost his life": the subject is the one who died, though the
    verb is transitive and its object no person."""
    if verb.lemma_.lower() not in LIFE_LOSING_VERBS and verb.lower_ not in LIFE_LOSING_VERBS:
        return False
    return any(
        c.dep_ == "dobj" and (c.lemma_.lower() in LIFE_NOUNS or c.lower_ in LIFE_NOUNS)
        for c in verb.children
    )


def _not_survived(verb: Token) -> bool:
    """ "did not survive", "never recovered": a death told by the life it did not keep."""
    return verb.lemma_.lower() in SURVIVAL_VERBS and any(c.dep_ == "neg" for c in verb.children)


def fatal_part(anchor: Token) -> bool:
    """ "six people were shot, one fatally": a count of the dead among those just counted,
    with only the adverb left of its predicate."""
    if anchor.pos_ != "NUM":
        return False
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    return _fatally(anchor) or (after is not None and after.lower_ in FATAL_ADVERBS)


def _fatally(token: Token) -> bool:
    return any(c.dep_ == "advmod" and _fatal_adverb(c) for c in token.children)


def _fatal_adverb(adverb: Token) -> bool:
    """ "fatally shot"; not "6 shot, 1 fatally", where the adverb tells of the one counted
    just before it, whatever the parser hangs it on."""
    if adverb.lower_ not in FATAL_ADVERBS:
        return False
    before = adverb.doc[adverb.i - 1] if adverb.i > 0 else None
    return before is None or not before.like_num or before.i == adverb.head.i


def _kind_after_of(
    noun: Token, kind_of_word: Callable[[Token], CasualtyKind | None]
) -> CasualtyKind | None:
    """The casualty kind of a word after "of" under `noun` ("victims of the shooting")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                kind = kind_of_word(obj)
                if kind is not None:
                    return kind
    return None


def _victims_of(noun: Token) -> CasualtyKind | None:
    return _kind_after_of(noun, kind_of)


def _is_any_kind_group(token: Token) -> bool:
    """ "victims": casualties of some kind, which a count of them does not say."""
    return token.lower_ in ANY_KIND_GROUP_NOUNS


def group_kind(token: Token) -> CasualtyKind | None:
    return CASUALTY_GROUP_NOUNS.get(token.lower_)


def _own_modifier(anchor: Token, victim: Token | None) -> Reading | None:
    """ "five others injured", "three women abducted", "11 dead", "civilians who were executed"."""
    if victim is not None and group_kind(victim) is not None and not _is_any_kind_group(victim):
        return Reading(kind=group_kind(victim) or CasualtyKind.KILLED, trigger=victim)
    if victim is not None and _is_any_kind_group(victim):
        kind = _victims_of(victim)
        if kind is not None:
            return Reading(kind=kind, trigger=victim)  # "27 victims of the massacre"
    holders = [anchor] + ([victim] if victim is not None else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ not in _OWN_MODIFIER_DEPS:
                continue
            if child.dep_ == "relcl" and has_partitive_subject(child):
                continue
            kind = kind_of(child)
            if kind is not None and child.lower_ not in {"death", "deaths"}:
                return Reading(kind=kind, trigger=child)
            carried = carried_kind(child)
            if carried is not None:
                return Reading(kind=carried, trigger=child, carrier=child)
    return _closing_participle(victim or anchor)


def _closing_participle(counted: Token) -> Reading | None:
    """ "(killed and) over 100 more including 35 children injured": the participle closing a
    breakdown the group runs into says what befell the whole group; the parser hangs it on
    the breakdown's last noun."""
    for prep in counted.children:
        if prep.dep_ != "prep" or prep.lower_ not in BREAKDOWN_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            for participle in noun.rights:
                kind = kind_of(participle) if participle.tag_ == "VBN" else None
                if participle.dep_ == "acl" and kind is not None:
                    return Reading(kind=kind, trigger=participle)
    return None


def has_partitive_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and is_partitive(c) for c in verb.children)


def _walk_up(start: Token, include_kind: CasualtyKind | None) -> Reading | None:
    """Climbs from the counted noun to the predicate that says what happened to it."""
    current = start
    via_of = False
    breakdown = False
    for _ in range(7):
        head = current.head
        relation = current.dep_
        if head.i == current.i:
            return None
        lower, lemma = head.lower_, head.lemma_.lower()
        if relation == "prep" and current.lower_ not in _SHARING_PREPS and _counted_apart(head):
            return None  # "five people from a group of eight": the eight are a group apart
        if head.pos_ == "ADP" or head.dep_ == "prep":
            if _counterparts_of_event(head):
                return None
            via_of = lower == "of"
            breakdown = breakdown or lower in BREAKDOWN_PREPS or lower == "with"
            current = head
            continue
        if lemma in TOLL_NOUNS or lower in TOLL_NOUNS:
            return _toll_reading(head, head, start, breakdown)
        toll = _toll_subject(head)
        if toll is not None and (
            lemma in TOLL_VERBS or lower in TOLL_VERBS or lemma in TOLL_OBJECT_VERBS
        ):
            return _toll_reading(toll, head, start, breakdown)
        if lemma in INCLUDE_VERBS or lower in INCLUDE_VERBS:
            kind = _listed_kind(head, include_kind)
            if kind is None:
                return None
            return Reading(kind=kind, trigger=head, include_part=True, breakdown=breakdown)
        among = _among_kind(head)
        if among is not None:
            return Reading(kind=among, trigger=head, include_part=True)
        kind = kind_of(head)
        if kind is not None and (
            head.pos_ in {"VERB", "AUX", "ADJ"} or relation in {"dobj", "nsubjpass"}
        ):
            if relation == "nsubj" and _subject_is_agent(head, kind):
                return None
            return Reading(kind=kind, trigger=head, breakdown=breakdown or _in_breakdown(head))
        if kind is not None and head.pos_ in {"NOUN", "PROPN"} and via_of:
            return Reading(kind=kind, trigger=head, breakdown=breakdown)
        group = group_kind(head)
        if group is not None and via_of and not _is_any_kind_group(head):
            return Reading(kind=group, trigger=head, breakdown=breakdown)  # "the bodies of 10"
        shared = _shared_outcome(head, breakdown) if relation == "nsubj" else None
        if shared is not None:
            return shared  # "took a wrong turn and ended up getting shot"
        if lemma in CARRIER_VERBS or lower in CARRIER_VERBS:
            state = _own_state(current) if relation == "conj" else None
            if state is not None:  # "left two dead and three others in the hospital"
                return Reading(kind=state, trigger=head, carrier=head, breakdown=breakdown)
            carried = carried_kind(head)
            if carried is None or (
                relation == "nsubj" and lemma not in COPULAS and lemma not in UNDERGO_VERBS
            ):
                return None
            return Reading(kind=carried, trigger=head, carrier=head, breakdown=breakdown)
        if head.pos_ in {"VERB", "AUX"}:
            if relation in {"nsubj", "nsubjpass"}:
                return _raised(head, breakdown)
            return None
        lives = _lives_taken(head) if via_of else None
        if lives is not None:
            return lives  # "claimed the lives of ten people"
        if via_of and head.pos_ == "NOUN" and not _holds_people(head):
            return None  # "bans meetings of 50 people": the meetings are the argument
        if relation == "appos" and not listed_apart(current):
            breakdown = True
        via_of = False
        current = head
    return None


#: Prepositions whose numbers may share in the count they hang on: breakdowns ("including six
#: children") and absolute phrases ("with five others wounded").
_SHARING_PREPS: Final[frozenset[str]] = BREAKDOWN_PREPS | {"with"}
_COUNTED_ARGUMENTS: Final[frozenset[str]] = frozenset({"dobj", "nsubjpass"})


def _counted_apart(word: Token) -> bool:
    """A noun with a count of its own, or a predicate whose victims already have theirs: a
    number in a phrase hung on it counts other people ("five people from a group of eight",
    "killed four hostages from a group of nine")."""
    if word.pos_ == "NOUN":
        return _has_count(word)
    return word.pos_ == "VERB" and any(
        c.dep_ in _COUNTED_ARGUMENTS and _has_count(c) for c in word.children
    )


def _has_count(noun: Token) -> bool:
    return any(c.dep_ == "nummod" and c.like_num for c in noun.children)


def _counterparts_of_event(preposition: Token) -> bool:
    """ "after a shoot-out with three officers", "in clashes with 30 militants": those an
    event was had with are its other side, not whom the predicate above it befell (unless the
    event is itself a casualty: "a shooting with three victims")."""
    if preposition.lower_ != "with" or preposition.dep_ != "prep":
        return False
    event = preposition.head
    return (
        event.pos_ == "NOUN"
        and kind_of(event) is None
        and group_kind(event) is None
        and not is_person(event)
    )


_CLOSING_MARKS: Final[frozenset[str]] = frozenset({",", ")", "-", "–", "—", "--"})


def listed_apart(appositive: Token) -> bool:
    """ "killed 12 soldiers, a policeman and two civilians", "killed his wife, two children
    and himself", "a man, two others": one person set in apposition to a counted group, or a
    counted group to one person, cannot name the same people, and others add to those named:
    the parser split a list there, and the appositive is never a breakdown."""
    if appositive.dep_ != "appos" or appositive.head.i == appositive.i:
        return False
    if appositive.lower_ in OTHERS_WORDS:
        return True
    if any(c.dep_ == "conj" for c in appositive.head.children):
        return False  # "Cathy and Mike Scott, two of four people": told of as a whole again
    after = int(appositive.right_edge.i) + 1
    if after < len(appositive.doc) and appositive.doc[after].text in _CLOSING_MARKS:
        return False  # "three people, a man and two children, were killed": a breakdown
    pair = (appositive, appositive.head)
    if not any(one_person(one) and _count(many) for one, many in (pair, tuple(reversed(pair)))):
        return False
    # "three people, a man and two children were killed": people who add up to the group
    # are the group told again
    members = [appositive, *(c for c in appositive.subtree if c.dep_ == "conj")]
    return sum(_count(m) or 1 for m in members) != _count(appositive.head)


def age_for_person(token: Token) -> bool:
    """ "a 9-year-old", "the 16-year-old": an age standing for one person (the parser makes
    "old" the head)."""
    return token.lower_ == "old" and any(c.lower_ in {"year", "years"} for c in token.children)


def aged(token: Token) -> bool:
    """ "a 19-year-old Ruben Ardilla", "left a 6-year-old dead": a name or noun with an age
    is a person, whatever the entity model or the tagger took it for."""
    return any(c.dep_ == "amod" and age_for_person(c) for c in token.children)


def one_person(noun: Token) -> bool:
    """ "a man", "an 11-year-old child", "Rev. Pinckney", "he": a singular person with an
    indefinite article or an owner, a person's name, or a pronoun of one person."""
    if named_or_pronoun(noun):
        return True
    if noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return False
    if not any(
        (c.dep_ == "det" and c.lower_ in {"a", "an"}) or c.dep_ == "poss" for c in noun.children
    ):
        return False
    return noun.lower_ in PERSON_NOUNS or person_by_ending(noun)


def named_or_pronoun(token: Token) -> bool:
    """A person's name (its head word) or a pronoun of one person ("he", "himself")."""
    if token.pos_ == "PRON":
        return bool(token.lower_ in SINGLE_PERSON_PRONOUNS | SELF_PRONOUNS)
    return bool(token.pos_ == "PROPN" and token.tag_ == "NNP" and token.ent_type_ == "PERSON")


def person_by_ending(noun: Token) -> bool:
    """ "shopkeeper", "pensioner": a noun of one person by its ending."""
    lower = noun.lower_
    return lower not in NON_PERSON_NOUNS and lower.endswith(PERSON_SINGULAR_SUFFIXES)


def _count(noun: Token) -> int | None:
    """The number a plural noun is counted by ("12 soldiers"), if any."""
    if noun.tag_ not in {"NNS", "NNPS"}:
        return None
    for child in noun.children:
        if child.dep_ == "nummod" and child.like_num:
            amount = parse_amount_text(child.text)
            return None if amount is None else amount.value
    return None


def _lives_taken(noun: Token) -> Reading | None:
    verb = noun.head
    if noun.lower_ not in LIFE_NOUNS or noun.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in LIFE_TAKING_VERBS and verb.lower_ not in LIFE_TAKING_VERBS:
        return None
    return Reading(kind=CasualtyKind.KILLED, trigger=verb)


def _holds_people(noun: Token) -> bool:
    return (
        is_person(noun)
        or noun.lower_ in COLLECTIVE_NOUNS
        or noun.lemma_.lower() in COLLECTIVE_NOUNS
    )


def _subject_is_agent(verb: Token, kind: CasualtyKind) -> bool:
    """In "20 gunmen killed 34 people" the subject did the killing; in "80 others wounded"
    (a participle) or "1,700 are missing" and "480 people died" it is the victim."""
    if verb.pos_ == "ADJ" or verb.tag_ == "VBN" or kind is CasualtyKind.MISSING:
        return False
    if life_lost(verb):
        return False
    lemma = verb.lemma_.lower()
    return lemma not in INTRANSITIVE_DEATHS and lemma not in {"flee", "disappear"}


def _in_breakdown(trigger: Token) -> bool:
    """ "... with 11 Adara and 130 Fulani dying": a clause hung on "with" or "including"."""
    head = trigger.head
    return head.i != trigger.i and (head.lower_ in BREAKDOWN_PREPS or head.lower_ == "with")


def carried_kind(verb: Token) -> CasualtyKind | None:
    """Kind held by a carrier verb's complement: "shot dead", "left ... injured",
    "stabbed to death", "taken into custody", "taken hostage", "shot and wounded"; else by
    what the verb says of its person: "taken to hospital", "in critical condition",
    "sustained injuries", and a bare hit ("two were hit", "was shot") is an injury."""
    kind = _complement_kind(verb)
    if kind is not None:
        return kind
    lemma, lower = verb.lemma_.lower(), verb.lower_
    cared = _in_care(verb, lemma in CARE_VERBS or lower in CARE_VERBS)
    if cared is not None:
        return cared
    if bears_injuries(verb):
        return CasualtyKind.INJURED
    if lemma in SUFFER_VERBS or lower in SUFFER_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj" and names_injuries(child):
                return CasualtyKind.INJURED
    if (lemma in HIT_VERBS or lower in HIT_VERBS) and not _event_noun(verb):
        if _fatally(verb):
            return CasualtyKind.KILLED
        # "shot the boy and killed him": what the next verb of the chain did decides
        then = [
            kind_of(c)
            for c in verb.children
            if c.dep_ == "conj" and not _own_subject(c) and not _other_object(c)
        ]
        return CasualtyKind.KILLED if CasualtyKind.KILLED in then else CasualtyKind.INJURED
    return None


def hurt_others(verb: Token) -> bool:
    """Whether the one a reflexive casualty verb happened to first did it to others: "shot
    the woman, then himself", "killed her children before killing herself"."""
    current = verb
    for _ in range(4):
        if (
            current.dep_ not in {"conj", "advcl", "pcomp", "prep", "dep"}
            or current.head.i == current.i
        ):
            return False
        current = current.head
        if current.pos_ == "VERB" and _hurts_someone(current):
            return True
    return False


def self_harm(verb: Token) -> Token | None:
    """The word for the doer in "turned the gun on himself" (the reflexive) and "took his
    own life" (the life), or None."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in TURN_VERBS and any(o.lower_ in WEAPON_NOUNS for o in objects):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "on":
                return next((o for o in prep.children if o.lower_ in SELF_PRONOUNS), None)
    if lemma in LIFE_TAKING_VERBS or verb.lower_ in LIFE_TAKING_VERBS:
        return next((o for o in objects if own_life(o)), None)
    return None


def own_life(word: Token) -> bool:
    """ "his own life"."""
    return word.lemma_.lower() in LIFE_NOUNS and any(c.lower_ in OWN_WORDS for c in word.children)


def _hurts_someone(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if kind_of(verb) is None and lemma not in HIT_VERBS and verb.lower_ not in HIT_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.lower_ not in SELF_PRONOUNS for c in verb.children)


def bears_injuries(word: Token) -> bool:
    """ "found with gunshot wounds", "suffering from injuries": people bearing injuries; also
    through a participle of their state ("found bleeding from gunshot wounds", "found lying
    on the road with head wounds")."""
    states = [c for c in word.children if c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VBG"]
    return any(
        child.dep_ == "prep"
        and child.lower_ in {"with", "from"}
        and any(obj.dep_ == "pobj" and names_injuries(obj) for obj in child.children)
        for holder in (word, *states)
        for child in holder.children
    )


def names_injuries(noun: Token) -> bool:
    """ "wounds", and "various degrees of injuries", "multiple kinds of burns": the injuries
    themselves, or a measure or sort of them, which the parse makes the head."""
    if _injury_word(noun):
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(obj.dep_ == "pobj" and _injury_word(obj) for obj in prep.children)
        for prep in noun.children
    )


def _injury_word(noun: Token) -> bool:
    return noun.lemma_.lower() in INJURY_NOUNS or noun.lower_ in INJURY_NOUNS


def _own_state(noun: Token) -> CasualtyKind | None:
    """The state a conjoined group is left in by its own words: "(left two dead and) three
    others in the hospital", "four more in critical condition", "two with gunshot wounds"."""
    if bears_injuries(noun):
        return CasualtyKind.INJURED
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ != "in":
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and (_in_condition(obj) or obj.lower_ in CARE_WORDS):
                return CasualtyKind.INJURED
    return None


def _in_condition(obj: Token) -> bool:
    """ "critical condition": a patient's state, named with its degree."""
    return obj.lemma_.lower() in CONDITION_NOUNS and any(
        m.lower_ in CONDITION_WORDS for m in obj.children
    )


def stated_condition(reading: Reading) -> bool:
    """An injury known from the state the people are in now ("two are in critical
    condition"): they are alive, so not the dead of the same count."""
    verb = reading.carrier
    if verb is None or reading.kind is not CasualtyKind.INJURED:
        return False
    return any(
        child.dep_ == "prep"
        and any(obj.dep_ == "pobj" and _in_condition(obj) for obj in child.children)
        for child in verb.children
    )


def _event_noun(verb: Token) -> bool:
    """ "in the shooting": a gerund standing for the event, not a hit of anyone."""
    return verb.tag_ == "VBG" and verb.dep_ in {"pobj", "nsubj", "nsubjpass", "dobj", "compound"}


def inferred_injury(reading: Reading) -> bool:
    """Whether the injury is inferred from a hit or a stay in care rather than stated: the
    same people may be counted as dead elsewhere ("rushed to hospital ... did not survive")."""
    verb = reading.carrier
    if verb is None or reading.kind is not CasualtyKind.INJURED:
        return False
    lemma = verb.lemma_.lower()
    return _complement_kind(verb) is None and lemma not in SUFFER_VERBS


def _in_care(verb: Token, cares: bool) -> CasualtyKind | None:
    """ "taken to (the) hospital", "treated at a medical center", "in critical condition":
    injured; "taken to a hospital, where he was pronounced dead": killed."""
    for child in verb.children:
        if child.dep_ not in {"prep", "dative"}:
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            if _in_condition(obj):
                return CasualtyKind.INJURED
            if verb.lemma_.lower() in LIFE_STRUGGLE_VERBS and obj.lower_ in LIFE_NOUNS:
                return CasualtyKind.INJURED  # "fighting for their lives"
            words = {t.lower_ for t in obj.subtree}
            if not cares or not words & CARE_WORDS:
                continue
            if not _death_within(obj):
                return CasualtyKind.INJURED
            if _died_there(obj):
                return CasualtyKind.KILLED
    return None


def _died_there(place: Token) -> bool:
    """ "a hospital, where he died": the one brought there died (not "where one of them")."""
    for token in place.subtree:
        if token.dep_ != "relcl":
            continue
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and all(c.lower_ in SINGLE_PERSON_PRONOUNS for c in subjects):
            return kind_of(token) is CasualtyKind.KILLED or carried_kind(token) is (
                CasualtyKind.KILLED
            )
    return False


def _death_within(token: Token) -> bool:
    return any(
        t.lower_ in DEATH_COMPLEMENTS or kind_of(t) is CasualtyKind.KILLED for t in token.subtree
    )


def _complement_kind(verb: Token) -> CasualtyKind | None:
    particle = KILLING_PARTICLES.get(verb.lower_) or KILLING_PARTICLES.get(verb.lemma_.lower())
    if particle is not None and any(
        c.dep_ == "prt" and c.lower_ == particle for c in verb.children
    ):
        return CasualtyKind.KILLED  # "gunned down"
    for child in verb.children:
        if (
            child.dep_ in _RESULT_DEPS
            and child.lower_ in DEATH_COMPLEMENTS
            and _one_clause(verb, child)
        ):
            return CasualtyKind.KILLED  # "shot dead a cameraman", "shot two policemen dead"
        if child.dep_ in COMPLEMENT_DEPS:
            if child.lower_ in DEATH_COMPLEMENTS or _fatal_adverb(child):
                return CasualtyKind.KILLED
            kind = kind_of(child)
            if kind is not None and not _has_own_argument(child) and not _agents_act(child, kind):
                return kind
            if (
                _is_hit(child)
                and not _has_own_argument(child)
                and carried_kind(child) is CasualtyKind.KILLED
            ):
                return CasualtyKind.KILLED  # "found shot to death", "found shot dead"
        if child.dep_ == "dobj":
            if child.lower_ in DEATH_COMPLEMENTS and aged(child):
                return CasualtyKind.KILLED  # "left a 6-year-old dead", parsed as a noun
            state = _state_after(child)
            if state is not None:
                return state
            if _dead_before(verb, child):
                return CasualtyKind.KILLED  # "shot dead Sheikh Ali Othman"
        if child.dep_ == "prep" and child.lower_ in {"to", "into", "in"}:
            for obj in child.children:
                if obj.lower_ in DEATH_COMPLEMENTS and child.lower_ == "to":
                    return CasualtyKind.KILLED
                if obj.lower_ in CUSTODY_OBJECTS:
                    return CasualtyKind.ARRESTED
    return None


def _is_hit(word: Token) -> bool:
    return bool(
        word.pos_ == "VERB" and (word.lemma_.lower() in HIT_VERBS or word.lower_ in HIT_VERBS)
    )


def _one_clause(verb: Token, word: Token) -> bool:
    """No punctuation between the verb and the word: "4 women shot, 2 dead" is two clauses."""
    first, last = sorted((verb.i, word.i))
    return not any(token.is_punct for token in verb.doc[first + 1 : last])


def _dead_before(verb: Token, person: Token) -> bool:
    """ "shot dead Sheikh Ali Othman": the parser hangs a resultative "dead" right after the
    verb on the object that follows it."""
    return any(
        word.dep_ == "amod" and word.i == verb.i + 1 and word.lower_ in DEATH_COMPLEMENTS
        for word in person.children
    )


def _state_after(person: Token) -> CasualtyKind | None:
    """ "left a boy dead", "found her husband injured": the state an object is left in, as
    the parse hangs it on the object after it."""
    for word in person.children:
        if word.dep_ not in {"amod", "oprd", "acl"} or word.i < person.i:
            continue
        if word.lower_ in DEATH_COMPLEMENTS:
            return CasualtyKind.KILLED
        kind = kind_of(word)
        if kind is not None and not _has_own_argument(word):
            return kind
    return None


def over_a_running_period(trigger: Token) -> bool:
    """ "126 people have been murdered this year", "80 killed since the protests began",
    "21 adults have been shot so far": a count of a period running up to now, which may take
    in more than the event told of; so is a tally of a whole year ("762 murders in 2016")."""
    tally = trigger.pos_ == "NOUN" or any(c.dep_ == "expl" for c in trigger.children)
    if tally and any(_in_a_year(t) for t in trigger.subtree):
        return True  # "762 murders, 3,550 shooting incidents and 4,331 victims in 2016"
    current = trigger
    for _ in range(3):
        words = [current, *(c for c in current.children if c.dep_ in _ARGUMENT_DEPS)]
        if any(_marks_running_period(c) for w in words for c in w.children):
            return True
        if tally and any(_in_a_year(c) for w in words for c in w.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _in_a_year(word: Token) -> bool:
    """ "(there were 762 murders) in 2016": a tally of deaths named by a noun over a whole
    year is a statistic of that year, not a count of the event told of (a verb's count
    stays: "a gunman killed 49 people in 2016")."""
    return (
        word.dep_ == "prep"
        and word.lower_ in {"in", "during"}
        and any(o.dep_ == "pobj" and is_year(o.lower_) for o in word.children)
    )


def _marks_running_period(word: Token) -> bool:
    """ "since ...", "so far", "to date", "this year"."""
    if word.dep_ == "prep" and word.lower_ in SINCE_WORDS:
        return True
    if word.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in SINCE_WORDS for m in word.children
    ):
        return True  # "since the unrest began"
    if word.dep_ == "advmod" and word.lower_ in SO_FAR_WORDS:
        return True
    if word.dep_ == "prep" and word.lower_ == "to":
        return any(o.lower_ in TO_DATE_WORDS for o in word.children)
    return bool(
        word.lemma_.lower() in RUNNING_PERIOD_NOUNS
        and any(d.lower_ == "this" for d in word.children)
    )


def _agents_act(then: Token, kind: CasualtyKind) -> bool:
    """ "shot two people and fled": after a verb with an object, a next verb of the chain
    that does not hurt tells what its subject did, not what happened to the object."""
    hurts = kind in {CasualtyKind.KILLED, CasualtyKind.INJURED}
    return then.dep_ == "conj" and not hurts and any(c.dep_ == "dobj" for c in then.head.children)


def _other_object(verb: Token) -> bool:
    """ "(shot his daughter and) killed her mother": a next verb with a noun object of its
    own did it to someone else (not so "killed him")."""
    return any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _has_own_argument(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children)


def _toll_subject(verb: Token) -> Token | None:
    """The toll a verb reports: its subject ("the toll rose to 9"), or the object of a verb
    that sets it ("bringing the toll to 9")."""
    sets_toll = verb.lemma_.lower() in TOLL_OBJECT_VERBS
    for child in verb.children:
        if sets_toll and child.dep_ == "dobj" and child.lemma_.lower() in TOLL_NOUNS:
            return child
        if child.dep_ in {"nsubj", "nsubjpass"}:
            if child.lemma_.lower() in TOLL_NOUNS or child.lower_ in TOLL_NOUNS:
                return child
            if child.lower_ == "number" and _of_group_kind(child) is not None:
                return child
    return None


def _toll_reading(toll: Token, verb: Token, counted: Token, breakdown: bool) -> Reading:
    """A toll is of deaths unless a word says otherwise; the word right after the count says
    it most plainly ("the toll rose to six injured"), whatever the parser hung it on."""
    kind = CasualtyKind.KILLED
    for child in toll.children:
        found = kind_of(child) if child.dep_ in {"compound", "amod", "nmod"} else None
        if found is not None:
            kind = found
    of_kind = _of_group_kind(toll)
    if of_kind is not None:
        kind = of_kind
    stated = _kind_right_after(counted)
    if stated is not None:
        kind = stated
    lemma = verb.lemma_.lower()
    implied = TOLL_VERBS.get(lemma) or TOLL_VERBS.get(verb.lower_)
    qualifier = CountQualifier(implied) if implied and implied != "exact" else None
    return Reading(
        kind=kind,
        trigger=verb,
        toll=True,
        supersedes=lemma in SUPERSEDING_TOLL_VERBS | TOLL_OBJECT_VERBS
        or verb.lower_ in SUPERSEDING_TOLL_VERBS,
        breakdown=breakdown,
        qualifier=qualifier,
    )


def _kind_right_after(counted: Token) -> CasualtyKind | None:
    after = counted.i + 1
    if after >= len(counted.doc):
        return None
    word = counted.doc[after]
    return kind_of(word) if word.pos_ in {"ADJ", "VERB"} else None


def _of_group_kind(noun: Token) -> CasualtyKind | None:
    return _kind_after_of(noun, group_kind)


def _listed_kind(verb: Token, include_kind: CasualtyKind | None) -> CasualtyKind | None:
    """Kind of the group a list verb lists: "the dead included", "those killed included";
    "They also included" continues the list of the sentence before."""
    for child in verb.children:
        if child.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        kind = group_kind(child)
        if kind is not None:
            return kind
        found = _modifier_kind(child)
        if found is not None:
            return found
        if child.lower_ in _SUBJECT_PRONOUNS:
            return include_kind
    return None


def _among_kind(verb: Token) -> CasualtyKind | None:
    """ "Among the dead were five children"."""
    if verb.lemma_.lower() != "be":
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "among":
            for obj in child.children:
                kind = group_kind(obj) or _described_kind(obj)
                if kind is not None:
                    return kind
    return None


def _described_kind(pronoun: Token) -> CasualtyKind | None:
    """ "those killed", "those who were wounded": a pronoun described by a casualty verb."""
    return _modifier_kind(pronoun) if pronoun.pos_ == "PRON" else None


def _modifier_kind(word: Token) -> CasualtyKind | None:
    """The casualty kind of a verb or adjective describing `word` ("those killed")."""
    for modifier in word.children:
        if modifier.dep_ in {"acl", "relcl", "amod"}:
            kind = kind_of(modifier)
            if kind is not None:
                return kind
    return None


def _is_coordination_artefact(start: Token, reading: Reading) -> bool:
    """A number parsed as coordinated with a verb ("killed and over 100 more ... injured")
    took that verb's kind; the predicate after the number is more reliable then."""
    return (
        start.dep_ == "conj" and reading.trigger is not None and start.head.i == reading.trigger.i
    )


def _argument_of_other_verb(token: Token) -> bool:
    """Whether the counted words are the subject or object of a verb that states no casualty
    ("66 Fulani were buried"): then no casualty word nearby may claim them."""
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return False
        if head.pos_ in {"VERB", "AUX"} and current.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            return kind_of(head) is None and head.lemma_.lower() not in CARRIER_VERBS
        if current.dep_ not in {"conj", "appos", "compound", "nummod"}:
            return False
        current = head
    return False


def _nearer_verb(doc: Doc, phrase: AmountPhrase, reading: Reading) -> Reading:
    """ "killed three and injured five": a count right after a casualty verb is that verb's,
    even where the parse hung it on an earlier verb of the chain."""
    trigger = reading.trigger
    if trigger is None or reading.toll or reading.include_part or trigger.i >= phrase.first:
        return reading
    before = _preceding_predicate(doc, phrase)
    if before is None or before.trigger is None or not trigger.i < before.trigger.i:
        return reading
    if before.trigger.pos_ != "VERB" or before.trigger.dep_ != "conj":
        return reading
    return before


def _preceding_predicate(doc: Doc, phrase: AmountPhrase) -> Reading | None:
    """A casualty verb right before its count ("kills at least 12 people"), for parses that
    tag the verb as a noun."""
    if phrase.qualifier_first == 0:
        return None
    token = doc[phrase.qualifier_first - 1]
    kind = kind_of(token)
    if kind is None or token.lower_ in NOUN_ONLY_FORMS:
        return None
    return Reading(kind=kind, trigger=token)


def _following_predicate(doc: Doc, phrase: AmountPhrase) -> Reading | None:
    """A casualty word within a few tokens after the number, inside the same clause: the
    fallback for parses that attach the number wrongly ("28 injured", "another 110 were
    injured")."""
    for token in doc[phrase.last : phrase.last + 6]:
        if token.is_punct or token.is_sent_start or token.like_num:
            return None  # a casualty word after another count is that count's
        if token.dep_ in {"nsubj", "nsubjpass"} and not any(
            phrase.first <= c.i < phrase.last for c in token.children
        ):
            return None  # "called 911 and said she shot ...": another clause's subject
        kind = kind_of(token)
        if kind is not None and token.pos_ in {"VERB", "ADJ"}:
            return Reading(kind=kind, trigger=token)
        carried = carried_kind(token) if token.lower_ in CARRIER_VERBS else None
        if carried is not None:
            return Reading(kind=carried, trigger=token, carrier=token)
    return None


def rejected(doc: Doc, anchor: Token, reading: Reading) -> bool:
    """Figures the reading does not support: negated, hypothetical or merely intended,
    thresholds ("days when more than 450 died"), sports injuries, knock-outs ("eliminated
    from"), and combined "killed or wounded" counts."""
    trigger = reading.trigger
    if trigger is None:
        return False
    if any(c.dep_ == "neg" for c in trigger.children) and not _not_survived(trigger):
        return True
    if _near_miss(trigger):
        return True
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in trigger.children):
        return True
    if any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "TO" for c in trigger.children
    ) and not _reported(trigger):
        return True  # "threatened to kill", "tried to abduct": intended, not done
    if trigger.lemma_.lower() == "eliminate" and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in trigger.children
    ):
        return True  # "eliminated from the contest"
    if trigger.dep_ in {"relcl", "advcl", "acl"} and trigger.head.lemma_.lower() in TIME_NOUNS:
        return True
    sentence_words = {t.lower_ for t in anchor.sent}
    if reading.kind is CasualtyKind.INJURED and sentence_words & SPORTS_WORDS:
        return True
    return _is_combined(trigger, reading.kind)


def _near_miss(trigger: Token) -> bool:
    """ "was nearly killed", "almost died": an adverb of a near miss before the predicate
    denies it ("killed nearly 50" qualifies the count instead)."""
    doc = trigger.doc
    return any(
        c.dep_ == "advmod"
        and c.lower_ in NEAR_MISS_ADVERBS
        and c.i < trigger.i
        and not (c.i + 1 < len(doc) and doc[c.i + 1].like_num)
        for c in trigger.children
    )


def _raised(verb: Token, breakdown: bool) -> Reading | None:
    """ "eight people are feared to have been killed", "two were reported to be shot": the
    subject of a reporting verb is the one its to-infinitive happened to."""
    reported = verb.lemma_.lower() in REPORTING_VERBS or verb.lower_ in REPORTING_VERBS
    if not reported and verb.lemma_.lower() not in OUTCOME_VERBS:
        return None
    for child in verb.children:
        if child.dep_ not in {"xcomp", "advcl", "oprd"}:
            continue
        if not reported and not _passive(child):
            continue  # "ended up shooting two men": what they did, not what befell them
        kind = kind_of(child)
        if kind is not None:
            return Reading(kind=kind, trigger=child, breakdown=breakdown)
        carried = carried_kind(child) if child.lemma_.lower() in CARRIER_VERBS else None
        if carried is not None:
            return Reading(kind=carried, trigger=child, carrier=child, breakdown=breakdown)
    return None


def raised_subject(verb: Token) -> Token | None:
    """The subject of the reporting verb a casualty verb is the to-infinitive of (shared
    with the verb before it: "took a wrong turn and ended up getting shot")."""
    if verb.dep_ != "xcomp" or not _reported(verb):
        return None
    head = verb.head
    own = _subject_of(head)
    if own is not None:
        return own
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return _subject_of(first) if head in _subjectless_conjuncts(first) else None


def _shared_outcome(verb: Token, breakdown: bool) -> Reading | None:
    """What befell the subject in a later verb sharing it, when that verb tells an outcome
    or a report ("stopped for directions and ended up getting shot")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    for conjunct in _subjectless_conjuncts(verb):
        reading = _raised(conjunct, breakdown)
        if reading is not None:
            return reading
    return None


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _subjectless_conjuncts(verb: Token) -> list[Token]:
    """Verbs joined to `verb` that share its subject, having none of their own."""
    found, pending = [], [c for c in verb.children if c.dep_ == "conj"]
    while pending:
        current = pending.pop()
        if current.pos_ in {"VERB", "AUX"} and not _own_subject(current):
            found.append(current)
            pending.extend(c for c in current.children if c.dep_ == "conj")
    return found


def _reported(verb: Token) -> bool:
    """ "reported to be shot", "feared to have been killed": a report, not an intention;
    "ended up getting shot": what befell the subject."""
    head = verb.head
    if verb.dep_ not in {"xcomp", "ccomp"}:
        return False
    if head.lemma_.lower() in OUTCOME_VERBS:
        return verb.dep_ == "xcomp" and _passive(verb)
    return head.lemma_.lower() in REPORTING_VERBS or head.lower_ in REPORTING_VERBS


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _is_combined(trigger: Token, kind: CasualtyKind) -> bool:
    """ "killed or wounded", and "killed and wounded" sharing one count."""
    partners = [c for c in trigger.children if c.dep_ == "conj"]
    if trigger.dep_ == "conj":
        partners.append(trigger.head)
    for partner in partners:
        other = kind_of(partner)
        if other is None or other is kind:
            continue
        joiners = {c.lower_ for c in trigger.children if c.dep_ == "cc"}
        joiners |= {c.lower_ for c in partner.children if c.dep_ == "cc"}
        if "or" in joiners:
            return True
        if not _has_own_argument(partner) and not _has_own_argument(trigger):
            return True
    return False
