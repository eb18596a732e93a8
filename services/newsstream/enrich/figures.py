"""From the figures of a title and a body to one article's casualty findings.

A figure stated twice (headline and body, lead and quote) is one finding: the body's first
statement is kept and a headline figure survives only when the body does not state it. A lone
victim counted as one ("the minister was killed") is dropped where the article counts that
kind with a number, unless the victim is named. A lone victim only said to be hit, in a
story of one death, is that death told of at an earlier stage. Ids hash the figure's
position, count and kind, so the same article always yields the same ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from newsstream.enrich.casualties import Figure, Token, coordinated
from newsstream.enrich.lexicon import (
    CARE_VERBS,
    DISCHARGE_VERBS,
    FEMALE_PERSON_WORDS,
    HIT_VERBS,
    MALE_PERSON_WORDS,
    ONE_MORE_WORDS,
    OTHER_PERSON_WORDS,
    PERPETRATOR_NOUNS,
    SELF_PRONOUNS,
    SINGLE_PERSON_PRONOUNS,
    SURVIVAL_VERBS,
)
from newsstream.enrich.readings import (
    INTRANSITIVE_DEATHS,
    bears_injuries,
    hurt_others,
    inferred_injury,
    over_a_running_period,
    own_life,
    stated_condition,
)
from newsstream.models import (
    CasualtyFinding,
    CasualtyKind,
    CountQualifier,
    Location,
    Place,
    Span,
)
from newsstream.models.common import TextField

_GENERIC_VICTIMS = frozenset({"people", "persons", "others", "other", "more", "person"})
_OTHERS = frozenset({"others", "other", "more"})


@dataclass(frozen=True)
class PlaceMention:
    """A resolved place mention, for a figure's location."""

    field: TextField
    start: int
    end: int
    text: str
    place: Place | None


@dataclass(frozen=True)
class CasualtyResult:
    """An article's casualty findings, the ids of totals a later toll replaced, the ids of
    totals stated together of disjoint groups ("two soldiers and one civilian"), of counts
    of everyone hit, and of counts of a period running up to now ("killed this year")."""

    findings: list[CasualtyFinding]
    superseded: frozenset[str]
    joined: tuple[frozenset[str], ...] = ()
    hits: frozenset[str] = frozenset()
    running: frozenset[str] = frozenset()


def assemble(
    title_figures: Sequence[Figure],
    body_figures: Sequence[Figure],
    places: Sequence[PlaceMention],
    texts: dict[TextField, str],
) -> CasualtyResult:
    """Findings of one article, headline figures first, then the body's in text order."""
    body = _dedupe(body_figures)
    title = [f for f in _dedupe(title_figures) if not _stated_in(f, body)]
    figures = _drop_counted_lone_victims(_resolve_lone_victims(title + body))
    figures = _drop_dead_among_injured(figures)
    kept = {id(f) for f in figures}
    for figure in figures:
        while figure.parent is not None and id(figure.parent) not in kept:
            figure.parent = figure.parent.parent
    ids = {id(f): figure_id(f) for f in figures}
    locations: dict[int, Location | None] = {}
    findings: list[CasualtyFinding] = []
    for figure in figures:
        location = _location(figure, places)
        if location is None and figure.parent is not None:
            location = locations.get(id(figure.parent))
        locations[id(figure)] = location
        findings.append(_finding(figure, ids, location, texts))
    groups = [*coordinated(figures), *_with_perpetrator(figures)]
    joined = tuple(frozenset(ids[id(f)] for f in group if id(f) in ids) for group in groups)
    hits = frozenset(ids[id(f)] for f in figures if _counts_all_hit(f) and _victims_died(figures))
    running = frozenset(ids[id(f)] for f in figures if _running(f))
    return CasualtyResult(
        findings, _superseded(figures, ids), tuple(j for j in joined if len(j) > 1), hits, running
    )


def figure_id(figure: Figure) -> str:
    """Deterministic id: where the count is, what it says and of which kind."""
    amount = figure.amount
    key = (
        f"{figure.text_field}:{figure.start}:{figure.end}:{figure.kind.value}:"
        f"{amount.value}:{amount.low}:{amount.high}"
    )
    return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:12]


def _dedupe(figures: Sequence[Figure]) -> list[Figure]:
    kept: list[Figure] = []
    replaced: dict[int, Figure] = {}
    for figure in figures:
        while figure.parent is not None and id(figure.parent) in replaced:
            figure.parent = replaced[id(figure.parent)]
        twin = next((k for k in kept if _same_figure(k, figure)), None)
        if twin is None:
            kept.append(figure)
        else:
            replaced[id(figure)] = twin
    return kept


def _same_figure(a: Figure, b: Figure) -> bool:
    """The same count of the same kind for the same group, stated again."""
    if a.kind is not b.kind or a.amount != b.amount or a.is_total != b.is_total:
        return False
    if not a.is_total and a.parent is not b.parent:
        return False
    if _one_predicate(a, b):
        return False  # "a girl, two women and a man were shot": two people, not one twice
    if a.implicit or b.implicit:
        return _same_victim(a, b)
    known = {a.victim_type, b.victim_type} - {a.victim_type.UNKNOWN}
    return len(known) <= 1


def _one_predicate(a: Figure, b: Figure) -> bool:
    """Two figures of one predicate over different words: parts of one statement."""
    trigger, other = a.reading.trigger, b.reading.trigger
    if trigger is None or other is None or a.text_field != b.text_field:
        return False
    return trigger.i == other.i and a.start != b.start


def _same_victim(a: Figure, b: Figure) -> bool:
    if a.named_victim and b.named_victim:
        return _last_word(a.victims) == _last_word(b.victims)
    return a.implicit and b.implicit and _last_word(a.victims) == _last_word(b.victims)


def _last_word(text: str | None) -> str:
    return text.split()[-1].lower() if text else ""


def _stated_in(headline: Figure, body: Sequence[Figure]) -> bool:
    """Whether the body states the headline's figure (the same, or the one it rounds)."""
    for figure in body:
        if figure.kind is not headline.kind:
            continue
        if headline.implicit or figure.amount == headline.amount:
            return True
        if headline.amount.vague and figure.amount.vague:
            return True
        h, b = headline.count, figure.count
        rounded = headline.qualifier is not CountQualifier.EXACT
        if rounded and h is not None and b is not None and abs(h - b) <= 0.1 * max(h, b):
            return True
    return False


def _drop_counted_lone_victims(figures: list[Figure]) -> list[Figure]:
    """Lone victims of a kind the article counts with a number of its event (a count of a
    period running up to now takes in more than the event); a named one stays, unless told
    of as a member of a counted group ("Steve was among those shot dead")."""
    counted = {
        f.kind for f in figures if not f.implicit and f.count is not None and not _running(f)
    }
    return [
        f
        for f in figures
        if not f.implicit
        or (f.named_victim and not f.reading.include_part)
        or f.kind not in counted
        or _perpetrator(f)
    ]


def _running(figure: Figure) -> bool:
    """A count of a period running up to now ("126 people killed this year"); a toll is the
    event's own however long it ran ("the death toll has risen to 940 since last week")."""
    trigger = figure.reading.trigger
    return trigger is not None and not figure.reading.toll and over_a_running_period(trigger)


def _perpetrator(figure: Figure) -> bool:
    """A lone victim who did the violence: "the gunman was shot dead", "shot his wife, then
    himself" (but not the child who shot himself by accident)."""
    victim = figure.reading.victim
    if not figure.implicit or victim is None:
        return False
    if victim.lower_ in SELF_PRONOUNS or own_life(victim):
        return figure.reading.trigger is not None and hurt_others(figure.reading.trigger)
    return victim.lower_ in PERPETRATOR_NOUNS


def _with_perpetrator(figures: Sequence[Figure]) -> list[list[Figure]]:
    """The one who did the violence is not among the victims counted: each toll of the
    victims joined with the perpetrator's own death adds up to the deaths. Several lone
    mentions of a perpetrator are taken for one person, told of again. (A wounded suspect is
    too often one of the people counted as hurt to be added.)"""
    killed = [f for f in figures if f.kind is CasualtyKind.KILLED and f.is_total]
    own = [f for f in killed if _perpetrator(f)]
    if not own:
        return []
    return [[f, own[0]] for f in killed if f.count is not None and not _perpetrator(f)]


def _resolve_lone_victims(figures: list[Figure]) -> list[Figure]:
    """A lone victim told of again: "Marcus Lewis was shot in the face ... Lewis died" and
    "a woman was hit by a bullet. She died in hospital" are one death. A pronoun ("he died")
    goes back to the lone victim just before it, a name to the one it shares a word with;
    one that goes back to none is dropped, unless it is a full name, or is the only word of
    its kind in the article and the word tells of violence ("Joey Llana was driving his van
    when he was killed"; but "he died in 1998" may be any death)."""
    kept: list[Figure] = []
    orphans: list[Figure] = []
    for figure in figures:
        if not figure.implicit:
            kept.append(figure)
            continue
        earlier = [
            k
            for k in kept
            if k.implicit and k.text_field == figure.text_field and k.start < figure.start
        ]
        antecedent = next((k for k in reversed(earlier) if _same_name(k, figure)), None)
        if antecedent is None and figure.anaphor and _is_pronoun(figure) and earlier:
            antecedent = earlier[-1]
        if antecedent is None:
            (orphans if figure.anaphor else kept).append(figure)
            continue
        if antecedent.kind is CasualtyKind.INJURED and figure.kind is CasualtyKind.KILLED:
            kept.remove(antecedent)
            figure.victims = antecedent.victims
            figure.victim_type = antecedent.victim_type
            figure.named_victim = antecedent.named_victim
            figure.anaphor = False
            kept.append(figure)
        elif antecedent.kind is not figure.kind and not (
            antecedent.kind is CasualtyKind.KILLED and figure.kind is CasualtyKind.INJURED
        ):
            figure.anaphor = False
            kept.append(figure)
    kinds = {k.kind for k in kept}
    for orphan in orphans:
        if orphan.kind not in kinds and not _plain_death(orphan):
            kinds.add(orphan.kind)
            kept.append(orphan)
    order = {id(f): n for n, f in enumerate(figures)}
    return sorted(kept, key=lambda f: order[id(f)])


def _plain_death(figure: Figure) -> bool:
    """ "died", "perished": a death that may have no violence in it."""
    trigger = figure.reading.trigger
    return trigger is not None and trigger.lemma_.lower() in INTRANSITIVE_DEATHS


def _is_pronoun(figure: Figure) -> bool:
    victim = figure.reading.victim
    return victim is not None and victim.pos_ == "PRON"


def _same_name(a: Figure, b: Figure) -> bool:
    """Two victims with a name word in common."""
    if not (a.named_victim or a.anaphor) or not (b.named_victim or b.anaphor):
        return False
    return bool(_name_words(a.victims) & _name_words(b.victims))


def _name_words(text: str | None) -> set[str]:
    return {
        w
        for w in (text or "").split()
        if w[:1].isupper() and w.lower() not in SINGLE_PERSON_PRONOUNS
    }


def _drop_dead_among_injured(figures: list[Figure]) -> list[Figure]:
    """People only said to be hit or taken to hospital are the dead told of at another
    stage of their story, not more injured: as many as the same group counted dead ("four
    officers were rushed to hospital; they did not survive"), or, where the dead are one
    person, any lone victim ("a girl was shot ... the child died", "the boy shot himself ...
    he was pronounced dead"). Nothing may set them apart: another name, "a second victim",
    "also shot", "survived", or having done the violence."""
    dead = [f for f in figures if f.kind is CasualtyKind.KILLED and f.count is not None]
    lone_death = _one_death(dead)
    names = set().union(*(_name_words(f.victims) for f in dead if f.named_victim))
    sexes = {sex for f in dead if (sex := _sex(f)) is not None}
    return [
        f
        for f in figures
        if not (
            _only_hit(f)
            and (
                any(d.count == f.count and _same_group(d, f) for d in dead)
                or (lone_death and _hit_of_the_dead(f, names, sexes))
            )
        )
    ]


def _one_death(dead: Sequence[Figure]) -> bool:
    """The dead are one person: every death counted is one, none of a list, and no
    perpetrator died beside a victim."""
    if not dead or any(f.count != 1 or f.listed for f in dead):
        return False
    return len({_perpetrator(f) for f in dead}) == 1


def _only_hit(figure: Figure) -> bool:
    """An injury inferred from a hit or a stay in care, with nothing that says the person
    lives or is another."""
    reading = figure.reading
    if not inferred_injury(reading) or stated_condition(reading):
        return False
    return not _set_apart(figure)


def _hit_of_the_dead(figure: Figure, dead_names: set[str], dead_sexes: set[str]) -> bool:
    """A lone victim only hit is the one dead, unless they did the violence, bear a stated
    injury ("found with a gunshot wound"), are of another sex than the dead, or are named
    and share no name with the dead."""
    if not figure.implicit or _perpetrator(figure):
        return False
    sex = _sex(figure)
    if sex is not None and dead_sexes and sex not in dead_sexes:
        return False
    carrier = figure.reading.carrier
    if carrier is not None and bears_injuries(carrier):
        return False
    return not (figure.named_victim and dead_names and not _name_words(figure.victims) & dead_names)


def _sex(figure: Figure) -> str | None:
    """ "woman", "her son", "he": the sex the victim's word gives, if any."""
    victim = figure.reading.victim
    if victim is None:
        return None
    if victim.lower_ in FEMALE_PERSON_WORDS:
        return "female"
    return "male" if victim.lower_ in MALE_PERSON_WORDS else None


def _set_apart(figure: Figure) -> bool:
    """ "a second victim", "another man", "a woman was also shot", "was hit and survived"."""
    victim, trigger = figure.reading.victim, figure.reading.trigger
    words = [c for c in trigger.children if c.dep_ == "advmod"] if trigger is not None else []
    if victim is not None:
        words += [c for c in victim.children if c.dep_ in {"det", "amod"}]
        if victim.lower_ in ONE_MORE_WORDS:
            return True
    if any(w.lower_ in OTHER_PERSON_WORDS for w in words):
        return True
    return any(_lived(t) for t in figure.sentence)


def _lived(verb: Token) -> bool:
    """ "survived", "is expected to recover", "released from the hospital", "treated and
    released" (not "did not survive")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in SURVIVAL_VERBS:
        return True
    if lemma not in DISCHARGE_VERBS:
        return False
    from_care = any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
    return from_care or (verb.dep_ == "conj" and verb.head.lemma_.lower() in CARE_VERBS)


def _same_group(a: Figure, b: Figure) -> bool:
    words = {_last_word(a.victims), _last_word(b.victims)} - {""}
    return len(words) <= 1 or bool(words & _GENERIC_VICTIMS)


def _victims_died(figures: Sequence[Figure]) -> bool:
    """Whether anyone but the one who did the violence died: the dead among people hit are
    victims ("shot two neighbours, then turned the gun on himself" leaves two hurt)."""
    return any(f.kind is CasualtyKind.KILLED and not _perpetrator(f) for f in figures)


def _counts_all_hit(figure: Figure) -> bool:
    """ "Six people were shot", "found four people suffering from gunshot wounds": a count
    of everyone hit, the dead among them included (unless they are "others" beside the
    dead)."""
    carrier = figure.reading.carrier
    if figure.implicit or carrier is None or _others(figure):
        return False
    if figure.kind is CasualtyKind.INJURED and bears_injuries(carrier):
        return True
    return carrier.lemma_.lower() in HIT_VERBS and inferred_injury(figure.reading)


def _others(figure: Figure) -> bool:
    """ "four others", "two other teens", "three more people": people beside those told of
    before, so not the dead among them."""
    if _last_word(figure.victims) in _OTHERS:
        return True
    victim = figure.reading.victim
    return victim is not None and any(
        c.dep_ == "amod" and c.lower_ in _OTHERS for c in victim.children
    )


def _superseded(figures: Sequence[Figure], ids: dict[int, str]) -> frozenset[str]:
    """Totals stated before a toll that replaced them ("the toll rose to 141")."""
    result: set[str] = set()
    for index, figure in enumerate(figures):
        if not figure.reading.supersedes:
            continue
        for earlier in figures[:index]:
            if earlier.kind is figure.kind and earlier.is_total and earlier.count is not None:
                result.add(ids[id(earlier)])
    return frozenset(result)


def _location(figure: Figure, places: Sequence[PlaceMention]) -> Location | None:
    sentence = figure.sentence
    start, end = int(sentence.start_char), int(sentence.end_char)
    inside = [
        p for p in places if p.field == figure.text_field and start <= p.start and p.end <= end
    ]
    if not inside:
        return None
    ranges = []
    for token in (figure.reading.trigger, figure.reading.victim):
        if token is not None:
            ranges.append((int(token.left_edge.idx), int(token.right_edge.idx) + 1))
    near = [p for p in inside if any(a <= p.start < b for a, b in ranges)]
    chosen = (near or inside)[0]
    return Location(text=chosen.text, place=chosen.place)


def _finding(
    figure: Figure,
    ids: dict[int, str],
    location: Location | None,
    texts: dict[TextField, str],
) -> CasualtyFinding:
    amount = figure.amount
    ranged = amount.value is None
    parent = figure.parent
    return CasualtyFinding(
        figure_id=ids[id(figure)],
        count=amount.value,
        count_low=amount.low if ranged else None,
        count_high=amount.high if ranged else None,
        count_qualifier=CountQualifier.APPROX if ranged else figure.qualifier,
        kind=figure.kind,
        manner=figure.manner,
        victims=figure.victims,
        victim_type=figure.victim_type,
        perpetrator_or_cause=figure.perpetrator,
        location=location,
        time_text=figure.time_text,
        is_total=figure.is_total,
        part_of=ids.get(id(parent)) if parent is not None else None,
        evidence=_evidence(figure, texts[figure.text_field]),
    )


def _evidence(figure: Figure, text: str) -> Span:
    start, end = int(figure.sentence.start_char), int(figure.sentence.end_char)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(text=text[start:end], start=start, end=end, field=figure.text_field)
