"""Headlinese: the passive a headline writes without its auxiliary.

Headlines drop "was" and "were": "Teen shot, killed during party" says a teen was shot and
killed, "6 shot at Easter party" that six were shot. The small English model was trained on
full sentences and reads such a bare participle as a noun ("shot" the ROOT, "6" its number)
or as an active past whose subject did the shooting, so the casualty grammar, which reads
victims from the subject of a passive, finds nobody. Restoring the passive reading in the
parse lets the same grammar read headlines and body text alike; body text keeps its parse,
where "he shot at officers" is active.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsstream.enrich.lexicon import HIT_VERBS, IRREGULAR_PARTICIPLES, KIND_WORDS, PERSON_NOUNS
from newsstream.enrich.readings import INTRANSITIVE_DEATHS, age_between_commas, is_person

#: Tags of the last word of a noun phrase that can be a participle's subject.
_NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD"})
#: Parts of speech that open an object after the participle: an active verb, not a passive.
_OBJECT_OPENERS = frozenset({"DET", "NUM", "PRON", "PROPN", "NOUN"})
#: Words between two participles of one chain ("shot, killed", "shot and killed").
_CHAIN_WORDS = frozenset({",", "and"})


def restore_passives(doc: Doc) -> None:
    """Re-attach each bare casualty participle of a headline as a passive predicate whose
    subject is the noun phrase just before it, and a second participle chained to it
    ("shot, killed") as its conjunct."""
    for verb in doc:
        _restore_aged_subject(verb)
        subject = _bare_passive_subject(verb)
        if subject is None:
            continue
        verb.tag_, verb.pos_ = "VBN", "VERB"
        first = _listed_before(subject)
        if first is not None and first.is_ancestor(verb):
            # "Teen, 3 adults shot": the parser made the list's first noun the headline's
            # root; the participle becomes the predicate of the whole list
            verb.head, verb.dep_ = verb, "ROOT"
        elif verb.dep_ in {"acl", "relcl"} and verb.head.i == subject.i:
            continue  # "a boy killed in the crossfire": already the participle of its noun
        elif subject.is_ancestor(verb):
            # the participle hangs under its subject ("shot" as the noun's modifier, or the
            # subject the headline's root)
            _take_place_of(verb, subject)
        subject.head = verb
        subject.dep_ = "nsubjpass"
        _as_person_noun(subject)
        if first is not None:
            first.head, first.dep_ = subject, "conj"
        _chain(verb)


def _restore_aged_subject(verb: Token) -> None:
    """ "Man, 25, dies after crash": the person before an age set off by commas is the subject
    of the death verb right after it, which the parser gives to the age or to nothing."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in INTRANSITIVE_DEATHS:
        return
    comma = verb.i - 1
    if comma - 3 < verb.sent.start or not age_between_commas(verb.doc, comma - 1, comma):
        return
    person = verb.doc[comma - 3]
    if person.is_ancestor(verb):
        _take_place_of(verb, person)
    others = [c for c in verb.children if c.dep_ == "nsubj" and c.i < person.i]
    person.head, person.dep_ = verb, "nsubj"
    for other in others:  # "Stowe shooting victim": the place is the person's modifier
        other.head, other.dep_ = person, "compound"
    _as_person_noun(person)


def _take_place_of(verb: Token, noun: Token) -> None:
    """The verb takes the place in the tree of the noun it hangs under, which is to become
    its subject."""
    governor = noun.head
    verb.head = verb if governor.i == noun.i else governor
    verb.dep_ = noun.dep_


def _as_person_noun(token: Token) -> None:
    """ "Man, 25, dies", "Boy, 14, shot": a headline's capitalised first word is tagged a name
    or an interjection; a word for a person there is the common noun."""
    if token.pos_ in {"PROPN", "INTJ"} and token.lower_ in PERSON_NOUNS:
        token.tag_, token.pos_ = "NN", "NOUN"


def _bare_passive_subject(verb: Token) -> Token | None:
    """The noun phrase head a bare participle is said of, or None when `verb` is no bare
    casualty participle or reads as active (an object follows)."""
    if not _participle(verb) or _takes_object(verb):
        return None
    if any(c.dep_ in {"aux", "auxpass", "nsubjpass"} for c in verb.children):
        return None  # a full clause, or restored already
    index = verb.i - 1
    start = verb.sent.start
    while index >= start and verb.doc[index].pos_ == "ADV":
        index -= 1  # "fatally shot", "accidentally shot"
    if index < start:
        return None
    aged = index - 3 >= start and age_between_commas(verb.doc, index - 1, index)
    if aged:
        index -= 3  # "Man, 25, shot dead": the subject before its age
    subject = verb.doc[index]
    if subject.tag_ in _NOMINAL_TAGS or subject.lower_ == "old":  # "a 3-year-old shot"
        return subject
    return subject if aged else None  # a person with an age, whatever its tag ("Boy" as UH)


def _listed_before(subject: Token) -> Token | None:
    """ "Teen" in "Teen, 3 adults shot", "Man, woman wounded": a headline writes "and" as a
    comma, so a person noun that opens the headline just before a comma is listed with the
    subject."""
    doc = subject.doc
    comma = subject.left_edge.i - 1
    if comma - 1 < subject.sent.start or doc[comma].text != ",":
        return None
    first = doc[comma - 1]
    if first.i != subject.sent.start or first.tag_ not in {"NN", "NNS"} or not is_person(first):
        return None
    return first


def _participle(token: Token) -> bool:
    lower = token.lower_
    if lower not in KIND_WORDS and lower not in HIT_VERBS:
        return False
    return lower.endswith("ed") or lower in IRREGULAR_PARTICIPLES


def _takes_object(verb: Token) -> bool:
    """ "Gunman shot two officers", "suspect shot at deputies": an object, or people shot at,
    after the participle make it an active past. People are shot *at* a place or event (a
    name after "at" is more often a place than a person shot at)."""
    following = verb.doc[verb.i + 1 : verb.i + 3]
    if not len(following):
        return False
    first = following[0]
    if first.pos_ in _OBJECT_OPENERS and first.lower_ not in KIND_WORDS:
        return True
    if first.lower_ == "at" and len(following) > 1:
        shot_at = following[1]
        if shot_at.pos_ == "DET" and shot_at.head.i != shot_at.i:
            shot_at = shot_at.head  # "shot at the officers"
        return shot_at.pos_ == "PRON" or (shot_at.pos_ == "NOUN" and is_person(shot_at))
    return False


def _chain(verb: Token) -> None:
    """ "shot, killed", "shot and killed": the next participle shares the subject."""
    index = verb.i + 1
    while index < len(verb.doc) and verb.doc[index].text in _CHAIN_WORDS:
        index += 1
    if index == verb.i + 1 or index >= len(verb.doc):
        return
    then = verb.doc[index]
    if _participle(then) and then.head.i != then.i and not then.is_ancestor(verb):
        then.head, then.dep_ = verb, "conj"
        then.tag_, then.pos_ = "VBN", "VERB"
