"""Entity mentions in one parsed text: spaCy's named entities, cleaned and relabelled.

The model's spans carry titles ("Prime Minister"), articles, possessives and quotes, and its
labels fail in predictable ways (villages tagged PERSON, "Mount Hermon" as ORG, "Druze" as
PERSON, a dateline city glued into a sentence). Each rule below fixes one such failure from
general evidence: word shape, gazetteer membership, the syntax around the span.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, replace
from typing import Any, Final

import pycountry
from spacy.attrs import IDX

from newsstream.enrich.gazetteer import Gazetteer
from newsstream.enrich.lexicon import (
    ADMIN_NOUNS,
    CALENDAR_WORDS,
    COMMUNITY_WORDS,
    EVENT_LEADING_WORDS,
    FACILITY_HEAD_WORDS,
    GENERIC_ORG_WORDS,
    GPE_DESCRIPTION_NOUNS,
    GROUP_DESCRIPTION_NOUNS,
    GROUP_MEMBER_NOUNS,
    INHABITANT_NOUNS,
    KICKER_WORDS,
    LOC_HEAD_WORDS,
    LOC_LEADING_WORDS,
    NAME_FUNCTION_WORDS,
    ORG_HEAD_WORDS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PLACE_DESCRIPTION_NOUNS,
    PLACE_QUALIFIER_WORDS,
    PLATFORM_NAMES,
    RELIGION_NAMES,
    ROLE_TITLES,
    SERVICE_NOUNS,
    SOURCE_WORDS,
    STREET_ENDINGS,
    TIME_ZONES,
    TITLE_ABBREVIATIONS,
    TITLE_PHRASES,
    WIRE_AGENCIES,
)
from newsstream.enrich.nlp import text_of, word_positions
from newsstream.models.common import TextField

Doc = Any
Token = Any

#: spaCy labels that name things; numeric and temporal labels are not entities.
NAME_LABELS: Final[frozenset[str]] = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
#: First words of the person titles: a token with another word cannot open one.
_TITLE_FIRST_WORDS: Final[frozenset[str]] = frozenset(t.split(" ")[0] for t in PERSON_TITLES)
#: Labels a gazetteer hit may turn into a place.
_RELABELLABLE: Final[frozenset[str]] = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "NORP"})
_PLACE_LABELS: Final[frozenset[str]] = frozenset({"GPE", "LOC"})
#: Nouns after a name that keep the name but are not part of it ("the Beirut area").
_AREA_WORDS: Final[frozenset[str]] = frozenset({"area", "neighbourhood", "neighborhood", "quarter"})
_LOCATIVE_PREPS: Final[frozenset[str]] = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "to",
        "across",
        "outside",
        "inside",
        "around",
        "into",
        "toward",
        "towards",
        "through",
        "throughout",
        "within",
        "along",
        "outskirts",
    }
)
_QUOTES: Final[str] = "\"'“”‘’«»`´"
_POSSESSIVES: Final[frozenset[str]] = frozenset({"'s", "’s", "'", "’", "s'", "s’"})
_LEADING_JUNK: Final[frozenset[str]] = frozenset({"the", "a", "an", "this", "that"})

#: A dateline: an all-capital place, optionally a region, a date and an agency credit, then a
#: dash or colon ("FORT LAUDERDALE, Fla. (AP) —", "KABUL, Aug. 3 (Xinhua) --", "DAMASCUS:").
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,\s+(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
    r"(?:,?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?P<dash>—|–|--|-|:)\s"
)
#: A dateline that is only an outlet's credit: "(Newser) -" at the start of a line.
_CREDIT_DATELINE = re.compile(r"\((?P<agency>[^()\n]{1,40})\)\s*(?:—|–|--|-|:)\s")
#: An acronym in brackets right after the name it abbreviates: "Islamic State (ISIS)".
_BRACKETED_ACRONYM = re.compile(r"\s?\((?P<acronym>[A-Z][A-Za-z&]{0,2}[A-Z][A-Za-z&-]{0,6})\)")
#: The short form "Malda: Two elderly persons ..." (checked against the gazetteer).
_COLON_DATELINE = re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?):\s")
#: A model designation: letters, an optional hyphen, then digits ("C-130", "AK-47", "Mi-8").
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Z]?")
#: An abbreviation written with dots after a comma ("Washington, D.C.").
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
_NOT_A_NAME = re.compile(r"@|#|https?:|www\.|/|\.com\b")
_COORDINATION_GAP = re.compile(r"\s*,?\s*(?:and|or)?\s*")
#: Administrative nouns clear enough to make even a "person" a place ("Gidan Wawa villages").
_PLACE_NOUNS_FOR_PERSONS: Final[frozenset[str]] = ADMIN_NOUNS - {"state", "community"}


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in a text field; `text` is exactly `field_text[start:end]`."""

    text: str
    start: int
    end: int
    field: TextField
    label: str
    titled: str | None = None
    locative: bool = False
    dateline: bool = False
    #: For an acronym bracketed after a name ("(ISIS)"), the name it stands for.
    expansion: str | None = None
    #: Marked as an administrative unit of its own ("Khyber district").
    administrative: bool = False
    #: Named as a group by the members after it ("Boko Haram fighters").
    group: bool = False


@dataclass(frozen=True)
class _Dateline:
    place: tuple[int, int]
    region: tuple[int, int] | None
    credit: tuple[int, int] | None


#: Nouns an appositive after a name can use to say what the name is (`_appositive_label`).
_APPOSITIVE_NOUNS: Final[frozenset[str]] = (
    PERSON_NOUNS | ROLE_TITLES | ORG_HEAD_WORDS | ADMIN_NOUNS | GPE_DESCRIPTION_NOUNS
)
#: Nouns a name can modify or complete, read through the parse (`_modifies`, `_is_locative`,
#: `_label_from_description`).
_PLACE_NOUNS_AROUND: Final[frozenset[str]] = (
    ADMIN_NOUNS
    | LOC_HEAD_WORDS
    | INHABITANT_NOUNS
    | GPE_DESCRIPTION_NOUNS
    | PLACE_DESCRIPTION_NOUNS
)


def parse_readers(doc: Doc) -> list[int]:
    """Tokens around which the rules below may read the dependency parse or tags: the
    names whose surroundings meet a plain-word superset of those rules' conditions, and
    capitalised person titles. A text parsed only in the sentences of these tokens (and of
    numbers and casualty words) gets the mentions a text parsed throughout gets. Keep it in
    step with the rules that read `dep_`, `head`, `pos_` or `tag_`."""
    found = [i for i in _title_openers(doc) if _person_title_at(doc, i)]
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS and _reads_parse_near(doc, ent.start, ent.end):
            found.append(int(ent.start))
    return found


def _reads_parse_near(doc: Doc, first: int, last: int) -> bool:
    lowers = [t.lower_ for t in doc[max(0, first - 3) : min(len(doc), last + 8)]]
    offset = first - max(0, first - 3)
    before, after = lowers[:offset], lowers[offset + last - first :]
    if any(word in _LOCATIVE_PREPS or word == "of" for word in before):
        return True  # a place after "in", "at", "near"; "the town of ..."
    if any(word in _PLACE_NOUNS_AROUND for word in (*before, *after[:3])):
        return True  # "Zamfara state", "the port capital St Helier", "Hnan Khar villagers"
    return after[:1] == [","] and any(word in _APPOSITIVE_NOUNS for word in after[1:])


def doc_mentions(doc: Doc, field: TextField, gazetteer: Gazetteer) -> list[Mention]:
    """Named-entity mentions of a parsed title or body, cleaned and with corrected labels."""
    text: str = text_of(doc)
    datelines = _datelines(text, gazetteer)
    blocked = [d.place for d in datelines] + [d.credit for d in datelines if d.credit]
    blocked += [d.region for d in datelines if d.region]
    blocked += _credit_datelines(text)
    mentions: list[Mention] = []
    for dateline in datelines:
        start, end = dateline.place
        mentions.append(Mention(text[start:end], start, end, field, "GPE", dateline=True))
        if dateline.region is not None:
            start, end = dateline.region
            mentions.append(Mention(text[start:end], start, end, field, "GPE", locative=True))
    for first, last in _titled_names(doc):
        span = doc[first:last]
        start, end = int(span.start_char), int(span.end_char)
        if any(start < b_end and b_start < end for b_start, b_end in blocked):
            continue
        titled = str(text_of(doc)[int(doc[_title_before(doc, first) or first].idx) : end])
        mentions.append(Mention(str(span.text), start, end, field, "PERSON", titled=titled))
        blocked.append((start, end))
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        truncated = field == "body" and _is_truncated(doc, ent)  # headlines are whole
        if truncated or any(t.lower_ in CALENDAR_WORDS for t in ent):
            continue
        for first, last, after_title in _name_parts(doc, int(ent.start), int(ent.end)):
            begin, finish = int(doc[first].idx), int(doc[last - 1].idx) + len(doc[last - 1])
            if any(begin < b_end and b_start < finish for b_start, b_end in blocked):
                continue
            label = "PERSON" if after_title else str(ent.label_)
            mention = _clean(doc, first, last, label, field, gazetteer)
            if mention is not None:
                mentions.append(mention)
                if mention.end > ent.end_char:  # grown over the next words: they are taken
                    blocked.append((int(ent.end_char), mention.end))
    mentions += _bracketed_acronyms(doc, mentions, field)
    mentions = _named_groups(doc, mentions, field)
    taken = [(m.start, m.end) for m in mentions] + blocked
    for token in _hyphen_joined_places(doc, gazetteer):
        start, end = int(token.idx), int(token.idx) + len(token.text)
        if not any(start < b_end and b_start < end for b_start, b_end in taken):
            mentions.append(Mention(token.text, start, end, field, "GPE"))
    mentions += _owned_organisations(doc, mentions, field)
    mentions.sort(key=lambda m: m.start)
    return _join_adjacent_places(text, _spread_coordinated_places(doc, mentions))


def _join_adjacent_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Oriental Mindoro" tagged as two places side by side is one place, and so is
    "Washington, D.C." """
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label == mention.label
            and mention.label in _PLACE_LABELS
            and not (previous.dateline or mention.dateline)
            and (
                text[previous.end : mention.start] == " "
                or (text[previous.end : mention.start] == ", " and _DOTTED.fullmatch(mention.text))
            )
        ):
            surface = text[previous.start : mention.end]
            joined[-1] = replace(
                previous,
                text=surface,
                end=mention.end,
                locative=previous.locative or mention.locative,
                administrative=mention.administrative,
            )
            continue
        joined.append(mention)
    return joined


def _named_groups(doc: Doc, mentions: list[Mention], field: TextField) -> list[Mention]:
    """ "Islamic State militants", "the Islamic State group": a community's adjective and
    capitalised words before a noun for an armed group or its members name the group, which
    the model cut into an adjective ("Islamic") and a word of its own ("State")."""
    starts: list[int] = doc.to_array(IDX).tolist()
    found: list[Mention] = []
    for mention in mentions:
        if mention.label != "NORP":
            continue
        at = bisect.bisect_left(starts, mention.end + 1)
        words = [doc[i] for i in range(at, min(at + 4, len(doc)))]
        if not words or int(words[0].idx) != mention.end + 1:
            continue
        names = list(itertools.takewhile(_is_name_word, words[:3]))
        after = words[len(names)] if len(names) < len(words) else None
        if not names or not _group_of(after) or any(_community(w) for w in names):
            continue  # "Muslim Rohingya militants": two communities, no group's name
        stop = int(names[-1].idx) + len(names[-1].text)
        text = str(text_of(doc)[mention.start : stop])
        found.append(Mention(text, mention.start, stop, field, "ORG", group=True))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.start < g.end and g.start < m.end for g in found)]
    return sorted(kept + found, key=lambda m: m.start)


def _community(word: Token) -> bool:
    return bool(word.ent_type_ == "NORP" or word.lower_ in COMMUNITY_WORDS)


def _owned_organisations(doc: Doc, mentions: list[Mention], field: TextField) -> list[Mention]:
    """ "Iraq's Security Media Cell": capitalised words ending in an organisation word after
    a place's possessive name an organisation, even where the model tagged none."""
    taken = [(m.start, m.end) for m in mentions]
    starts: list[int] = doc.to_array(IDX).tolist()
    found: list[Mention] = []
    for mention in mentions:
        if mention.label not in _PLACE_LABELS:
            continue
        at = bisect.bisect_left(starts, mention.end)
        after = [doc[i] for i in range(at, min(at + 5, len(doc)))]
        if not after or after[0].text not in _POSSESSIVES or int(after[0].idx) != mention.end:
            continue
        end: Token | None = None
        for token in after[1:]:
            if not (token.text[:1].isupper() and token.is_alpha):
                break
            if token.lower_ in ORG_HEAD_WORDS:
                end = token
        if end is None or len(after) < 2 or end.i - after[1].i < 1:
            continue
        start, stop = int(after[1].idx), int(end.idx) + len(end.text)
        if any(start < b and a < stop for a, b in taken):
            continue
        found.append(Mention(str(text_of(doc)[start:stop]), start, stop, field, "ORG"))
    return found


def _credit_datelines(text: str) -> list[tuple[int, int]]:
    """Spans of outlet credits that open a line in place of a dateline ("(Newser) - ...")."""
    found: list[tuple[int, int]] = []
    for match in re.finditer(r"(?:^|\n)\s*", text):
        credit = _CREDIT_DATELINE.match(text, match.end())
        if credit is not None:
            found.append(credit.span("agency"))
    return found


def _bracketed_acronyms(doc: Doc, mentions: list[Mention], field: TextField) -> list[Mention]:
    """ "Khyber Pakhtunkhwa (KP)", "Islamic State (ISIS)": an acronym in brackets right after
    the name it abbreviates is that name. Marks the acronym (adding it where the model missed
    it) with its expansion; where the model tagged no name before the bracket, the capitalised
    words whose initials spell the acronym become one (an organisation, unless the model
    called the acronym something else)."""
    text: str = text_of(doc)
    added: list[Mention] = []
    for match in _BRACKETED_ACRONYM.finditer(text):
        acronym = match.group("acronym")
        start, end = match.span("acronym")
        letters = "".join(ch for ch in acronym if ch.isupper())
        before = next((m for m in mentions if m.end == match.start() and m.start < m.end), None)
        named = next((m for m in mentions if m.start == start and m.end == end), None)
        if before is not None and _abbreviates(letters, before.text, loose=True):
            long_text, label = before.text, before.label
        else:
            found = _name_before(doc, match.start(), letters)
            if found is None:
                continue
            first, last = found
            long_text = str(text_of(doc)[first:last])
            label = named.label if named is not None and named.label != "NORP" else "ORG"
            if label in {"ORG", "PERSON", "GPE", "LOC"}:
                added.append(Mention(long_text, first, last, field, label))
        if named is not None:
            mentions[mentions.index(named)] = replace(named, label=label, expansion=long_text)
        else:
            added.append(Mention(acronym, start, end, field, label, expansion=long_text))
    return added


def _initials(name: str) -> str:
    words = re.split(r"[\s\-]+", name)
    return "".join(
        w[0].upper() for w in words if w and w.lower() not in NAME_FUNCTION_WORDS and w[0].isalpha()
    )


def _abbreviates(letters: str, name: str, *, loose: bool = False) -> bool:
    """Whether `letters` abbreviates `name`: its initials, or (loose) their start or end, or
    an extension of them ("ISIS" for "Islamic State")."""
    initials = _initials(name)
    if len(letters) < 2 or len(initials) < 2:
        return False
    if letters == initials or letters.startswith(initials):
        return True
    return loose and (initials.startswith(letters) or initials.endswith(letters))


def _name_before(doc: Doc, at: int, letters: str) -> tuple[int, int] | None:
    """Character span of the capitalised words ending at `at` whose initials spell `letters`."""
    tokens = [t for t in doc if int(t.idx) + len(t.text) <= at]
    words: list[Token] = []
    for token in reversed(tokens[-10:]):
        joiner = token.text in {"-", "'s", "’s"} or token.text in _QUOTES
        if token.text[:1].isupper() or token.lower_ in NAME_FUNCTION_WORDS or joiner:
            words.insert(0, token)
        else:
            break
    for index in range(len(words)):
        if not words[index].text[:1].isupper() or words[index].lower_ in NAME_FUNCTION_WORDS:
            continue
        start = int(words[index].idx)
        if _abbreviates(letters, str(text_of(doc)[start:at])):
            return start, int(words[-1].idx) + len(words[-1].text)
    return None


def _hyphen_joined_places(doc: Doc, gazetteer: Gazetteer) -> list[Token]:
    """ "Moscow-Ankara-Tehran negotiations": places joined by hyphens, which the model reads as
    one word and tags in part. Each part counts when all parts are known places."""
    found: list[Token] = []
    index = 0
    while index < len(doc):
        parts = [doc[index]]
        cursor = index + 1
        while cursor + 1 < len(doc) and doc[cursor].text == "-" and not doc[cursor].whitespace_:
            parts.append(doc[cursor + 1])
            cursor += 2
        if len(parts) >= 2 and all(
            p.text[:1].isupper() and gazetteer.resolve(p.text) is not None for p in parts
        ):
            found.extend(parts)
        index = max(cursor, index + 1)
    return found


def _titled_names(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised names right after a person's title that the model left untagged or cut
    short ("PM Nawaf Salam" tagged as just "Salam"): token ranges of the names."""
    found: list[tuple[int, int]] = []
    free = 0  # the first token after the names found so far
    for index in _title_openers(doc):
        if index < free:
            continue
        size = _person_title_at(doc, index)
        if size == 0:
            continue
        first = last = index + size
        while last < len(doc) and last - first < 4 and _is_name_word(doc[last]):
            last += 1
        covered = [e for e in doc.ents if e.start < last and first < e.end]
        inside = all(e.label_ == "PERSON" and first <= e.start and e.end <= last for e in covered)
        shorter = not covered or any(e.end - e.start < last - first for e in covered)
        if last - first >= 2 and inside and shorter:
            found.append((first, last))
        free = max(last, index + 1)
    return found


def _title_openers(doc: Doc) -> list[int]:
    """Tokens whose word may open a person's title: the only ones `_person_title_at` needs
    to look at."""
    return word_positions(doc, _TITLE_FIRST_WORDS.__contains__)


def _person_title_at(doc: Doc, index: int) -> int:
    """Length of a capitalised person title starting at token `index`, or 0."""
    if not doc[index].text[:1].isupper():
        return 0
    for size in (3, 2, 1):
        words = " ".join(t.lower_ for t in doc[index : index + size])
        if index + size <= len(doc) and words in PERSON_TITLES:
            return size
    return 0


def _is_name_word(token: Token) -> bool:
    text = token.text
    return bool(token.pos_ == "PROPN" and text[:1].isupper() and text.replace("-", "").isalpha())


def _datelines(text: str, gazetteer: Gazetteer) -> list[_Dateline]:
    found: list[_Dateline] = []
    for match in re.finditer(r"(?:^|\n)\s*", text):
        at = match.end()
        full = _DATELINE.match(text, at)
        if full is not None and _is_dateline(full, gazetteer):
            found.append(
                _Dateline(
                    place=full.span("place"),
                    region=full.span("region") if full.group("region") else None,
                    credit=full.span("agency") if full.group("agency") else None,
                )
            )
            continue
        short = _COLON_DATELINE.match(text, at)
        if short is not None and _colon_dateline(short.group("place"), gazetteer):
            found.append(_Dateline(place=short.span("place"), region=None, credit=None))
    return found


def _colon_dateline(place: str, gazetteer: Gazetteer) -> bool:
    """ "Kabul: ..." opens a story with its place; "Police: ..." with its source."""
    if place.lower() in SOURCE_WORDS | GENERIC_ORG_WORDS | PERSON_NOUNS | KICKER_WORDS:
        return False
    return gazetteer.resolve(place) is not None


def _is_dateline(match: re.Match[str], gazetteer: Gazetteer) -> bool:
    """All-capital words count as a dateline when the gazetteer knows them or the line also
    carries a region, date or agency credit ("BREAKING:" alone is not a place)."""
    place = match.group("place")
    if sum(ch.isalpha() for ch in place) < 3:
        return False
    if match.group("region") or match.group("date") or match.group("agency"):
        return True
    if gazetteer.resolve(place.title()) is not None:
        return True
    # "SULAIMANI — ...": an unknown all-capital word before a long dash still opens a story
    # with its place, unless it is a kicker such as "BREAKING".
    return match.group("dash") in {"—", "--"} and place.lower() not in KICKER_WORDS


def _is_truncated(doc: Doc, ent: Any) -> bool:
    """A name that is the text's last word with nothing after it was cut off mid-word."""
    return bool(int(ent.end) == len(doc) and text_of(doc).rstrip()[-1:] not in ".!?\"'”’)")


def _name_parts(doc: Doc, first: int, last: int) -> list[tuple[int, int, bool]]:
    """Token ranges of the names in an entity span: split at its commas, and at abbreviated
    titles ("State Police Capt. Doug Cain" is an organisation and, after the title, a person:
    the flag)."""
    parts: list[tuple[int, int, bool]] = []
    for begin, end in _comma_parts(doc, first, last):
        start, titled = begin, False
        for index in range(begin, end):
            last_word = not any(token.is_alpha for token in doc[index + 1 : end])
            street = last_word and doc[index].lower_ in STREET_ENDINGS  # "Shadybrook Dr."
            if doc[index].text in TITLE_ABBREVIATIONS and not street:
                if start < index:
                    parts.append((start, index, titled))
                start, titled = index + 1, True
        if start < end:
            parts.append((start, end, titled))
    return parts


def _comma_parts(doc: Doc, first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges of a span split at its commas ("Dow Jones, News Corp" is two names) and
    line breaks (no name runs on into the next paragraph: "Scott Theisen\n\nAuthorities")."""
    parts: list[tuple[int, int]] = []
    start = first
    broken = False
    for index in range(first, last):
        token = doc[index]
        line_break = token.is_space and "\n" in token.text
        if token.text == "," or line_break:
            parts.append((start, index))
            start = index + 1
            broken = broken or line_break
    parts.append((start, last))
    kept = [(a, b) for a, b in parts if a < b]
    if broken:  # each line must hold a name of its own: "Photo\n\nDetroit"
        kept = [(a, b) for a, b in kept if any(t.pos_ == "PROPN" for t in doc[a:b])]
    return kept


def _clean(
    doc: Doc, first: int, last: int, model_label: str, field: TextField, gazetteer: Gazetteer
) -> Mention | None:
    label = "LOC" if model_label == "FAC" else model_label
    before = doc[first - 1] if first > 0 else None
    if _NOT_A_NAME.search(str(doc[first:last].text)) or (
        before is not None and before.text in {"#", "@"}
    ):
        return None
    while first < last and (doc[first].lower_ in _LEADING_JUNK or _is_punct(doc[first])):
        first += 1
    while last > first and (doc[last - 1].text in _POSSESSIVES or _is_punct(doc[last - 1])):
        last -= 1
    titled_from: int | None = None
    if label == "PERSON":
        stripped = _strip_titles(doc, first, last)
        if stripped != first:
            titled_from, first = first, stripped
        else:
            titled_from = _title_before(doc, first)
    if first >= last:
        return None
    if label != "PERSON" and _inside_title_phrase(doc, first, last):
        return None
    if _is_not_a_name(doc, first, last):
        return None
    if last - first > 2 and doc[first].lower_ in EVENT_LEADING_WORDS:
        first += 1  # "Typhoon Slams Into Philippines", a Title Case headline misread
    if _names_an_event(doc, first, last):
        label = "EVENT"
    grown = _organisation_continuation(doc, last)
    if grown is not None and label != "EVENT":
        last, label = grown, "ORG"
    if last - first == 1 and doc[first].lower_ in GENERIC_ORG_WORDS | SOURCE_WORDS:
        return None  # "the Army", "Police", "Detectives": a generic body, not a name
    if label in _PLACE_LABELS | _RELABELLABLE and _capitalised_qualifier(doc, first - 1):
        # "Eastern Samar", "Upper Myanmar": a part of a country is a region (LOC); another
        # name so qualified is a place whatever the model said
        if gazetteer.country_code(str(doc[first:last].text)) is not None:
            label = "LOC"
        elif label not in _PLACE_LABELS:
            label = "GPE"
        first -= 1
    locative = _is_locative(doc, first, last)
    administrative = False
    last_word = doc[last - 1]
    if last - first > 1 and last_word.is_lower and last_word.lower_ in ADMIN_NOUNS:
        last -= 1
        locative = administrative = True
        label = "GPE" if label != "LOC" else label
    elif last_word.is_lower and last_word.lower_ in LOC_HEAD_WORDS:
        label = "LOC"
    following = doc[last] if last < len(doc) else None
    group = label == "PERSON" and _group_of(following)
    if group:
        label = "ORG"
    if following is not None and following.is_lower and _modifies(following, label):
        if following.lower_ in ADMIN_NOUNS:
            locative = administrative = True
            label = "GPE" if label in _RELABELLABLE | {"GPE", "LOC"} else label
        elif following.lower_ in LOC_HEAD_WORDS and label in _RELABELLABLE | {"GPE", "LOC"}:
            indefinite = first > 0 and doc[first - 1].lower_ in {"a", "an"}
            if _classifies(doc, last + 1):
                return None
            if indefinite:
                pass
            elif gazetteer.resolve(str(doc[first:last].text)) is not None:
                pass  # "the New Zealand island": a known place, described
            elif following.lower_ not in _AREA_WORDS:
                last += 1
                label = "LOC"
            elif gazetteer.resolve(str(doc[first:last].text)) is None:
                label = "LOC"
            locative = True
    span = doc[first:last]
    surface = str(span.text)
    label = _corrected_label(surface, label, locative, gazetteer)
    label = _label_from_description(doc, first, last, label, surface, gazetteer)
    if label not in {"NORP", "EVENT", "ORG"} and _named_as_group(doc, first, last):
        label, group = "ORG", True  # "the militant group al Shabaab", "the rebel group M23"
    if _names_a_service(following, label, surface, gazetteer):
        label, locative = "ORG", False
    start, end = int(span.start_char), int(span.end_char)
    titled = None
    if titled_from is not None:
        titled = str(text_of(doc)[int(doc[titled_from].idx) : end])
    return Mention(
        surface,
        start,
        end,
        field,
        label,
        titled=titled,
        locative=locative,
        administrative=administrative,
        group=group,
    )


def _named_as_group(doc: Doc, first: int, last: int) -> bool:
    """Whether the name is set right after a noun for an armed group, as its name (read from
    the words alone: the sentence may not have been parsed)."""
    before = doc[first - 1] if first > 0 else None
    return bool(before is not None and before.is_lower and before.lower_ in GROUP_DESCRIPTION_NOUNS)


def _group_of(following: Token | None) -> bool:
    """Whether the word after a name is a noun for the members of an armed group."""
    return bool(
        following is not None
        and following.is_lower
        and following.lower_ in GROUP_MEMBER_NOUNS
        and str(following.tag_).startswith("NN")
    )


def _corrected_label(surface: str, label: str, locative: bool, gazetteer: Gazetteer) -> str:
    """The label after gazetteer and vocabulary checks."""
    words = surface.split()
    lowered = [w.lower().strip(_QUOTES) for w in words]
    is_country = gazetteer.country_code(surface) is not None
    if all(w in COMMUNITY_WORDS for w in lowered) or (
        len(words) == 1 and lowered[0] in _language_names() | RELIGION_NAMES and not is_country
    ):
        return "NORP"
    if (
        len(words) > 1
        and _capitalised_in(words[-1], STREET_ENDINGS)
        and gazetteer.resolve(surface) is None
    ):
        return "LOC"  # "Fawn Drive", "East 52nd Street", though the model said a person
    if label in {"NORP", "EVENT"}:
        return label
    if len(words) == 1 and lowered[0] in PLATFORM_NAMES:
        return "PRODUCT"
    if len(words) > 1 and gazetteer.is_demonym(words[0]) and all(w.islower() for w in words[1:]):
        return "NORP"  # "a Kazakh national"
    if len(words) > 1 and _capitalised_in(words[-1], ORG_HEAD_WORDS) and not is_country:
        return "ORG"  # "Gangaw People's Defense Force", "Pakistan Army"
    if (
        len(words) > 1
        and _capitalised_in(words[-1], FACILITY_HEAD_WORDS)
        and not any(_capitalised_in(w, ORG_HEAD_WORDS) for w in words[:-1])
        and gazetteer.resolve(surface) is None
    ):
        return "LOC"  # "King Faisal Hospital"; "Medical College and Hospital" is an institution
    if len(words) == 1 and not is_country and gazetteer.is_demonym(surface):
        return "NORP"
    if is_country and label in _RELABELLABLE | {"LOC"}:
        return "GPE"
    first_word, last_word = lowered[0], lowered[-1]
    has_feature_word = first_word in LOC_LEADING_WORDS or last_word in LOC_HEAD_WORDS
    if len(words) > 1 and has_feature_word and gazetteer.resolve(surface) is None:
        return "LOC"
    if (
        locative
        and label in _RELABELLABLE
        and len(words) <= 3
        and (gazetteer.is_known_city(surface) or gazetteer.is_known_region(surface))
    ):
        return "GPE"
    if label in {"LOC", "GPE"} and len(words) == 1 and lowered[0] in WIRE_AGENCIES:
        return "ORG"
    if label == "LOC" and len(words) <= 3 and gazetteer.is_known_city(surface):
        return "GPE"  # a city the model called a place of another kind ("Port Vila")
    return label


def _capitalised_in(word: str, vocabulary: frozenset[str]) -> bool:
    return word[:1].isupper() and word.lower().strip(_QUOTES) in vocabulary


def _capitalised_qualifier(doc: Doc, index: int) -> bool:
    """Whether token `index` is a capitalised compass or position word opening a name."""
    if index < 0:
        return False
    token = doc[index]
    return bool(
        token.text[:1].isupper()
        and not token.text.isupper()
        and token.lower_ in PLACE_QUALIFIER_WORDS
        and not token.ent_type_
    )


def _is_not_a_name(doc: Doc, first: int, last: int) -> bool:
    """A time zone ("1315 GMT"), a bare event noun ("Tsunami" in a Title Case headline), a
    model designation of an aircraft or weapon ("C-130 Hercules", "AK-47"), or words all in
    lower case ("meth", "jog memories"): a name has a capital, unless its script has none."""
    text = str(doc[first:last].text)
    if any(char.islower() for char in text) and not any(char.isupper() for char in text):
        return True
    if _DESIGNATION.fullmatch(str(doc[first].text)):
        return True
    if last - first != 1:
        return False
    word = doc[first].lower_
    return word in TIME_ZONES or word in EVENT_LEADING_WORDS


def _names_an_event(doc: Doc, first: int, last: int) -> bool:
    """ "Typhoon Hagupit", "super typhoon Haiyan": a name opened by, or right after, a storm
    word names the event."""
    if last - first == 2 and doc[first].lower_ in EVENT_LEADING_WORDS:
        return True
    return first > 0 and doc[first - 1].lower_ in EVENT_LEADING_WORDS


def _organisation_continuation(doc: Doc, last: int) -> int | None:
    """End of capitalised words right after a name that make it an organisation's:
    "Los Angeles County" + "Sheriff's Department", "Communist Party" + "of the Philippines"
    after a name ending in an organisation word. None when nothing continues the name."""
    end: int | None = None
    cursor = last
    while cursor < len(doc) and cursor - last < 4:
        token = doc[cursor]
        if token.text in _POSSESSIVES and cursor == last:
            break  # "Iraq's Security Media Cell": the name owns the organisation
        if token.text in _POSSESSIVES and cursor + 1 < len(doc):
            if not doc[cursor + 1].text[:1].isupper():
                break
        elif not (token.text[:1].isupper() and token.is_alpha):
            break
        cursor += 1
        if token.text[:1].isupper() and token.lower_ in ORG_HEAD_WORDS:
            end = cursor
    name_end = end if end is not None else last
    if doc[name_end - 1].text[:1].isupper() and doc[name_end - 1].lower_ in ORG_HEAD_WORDS:
        of_end = _of_place(doc, name_end)
        if of_end is not None:
            return of_end
    return end


def _of_place(doc: Doc, at: int) -> int | None:
    """End of "of (the) <Capitalised words>" starting at token `at`, if there."""
    if at >= len(doc) or doc[at].lower_ != "of":
        return None
    cursor = at + 1
    if cursor < len(doc) and doc[cursor].lower_ == "the":
        cursor += 1
    end = cursor
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    return end if end > cursor else None


def _classifies(doc: Doc, at: int) -> bool:
    """Whether the place noun before token `at` is followed by "of <Name>": in "the Channel
    island of Jersey" the name before the noun only classifies the place named after it."""
    return (
        at + 1 < len(doc)
        and doc[at].lower_ == "of"
        and doc[at + 1].text[:1].isupper()
        and doc[at + 1].pos_ == "PROPN"
    )


def _label_from_description(
    doc: Doc, first: int, last: int, label: str, surface: str, gazetteer: Gazetteer
) -> str:
    """ "the town of Dolores", "the island of Efate", "the plains of Mina": the noun the name
    completes says what it is. A known country or city stays a political place."""
    if label in {"NORP", "EVENT", "PRODUCT"}:
        return label
    root = doc[first:last].root
    described = _appositive_label(root)
    if described is not None:
        return described
    if (
        label in {"PERSON", "ORG"}
        and root.dep_ == "compound"
        and root.head.is_lower
        and root.head.lower_ in INHABITANT_NOUNS
        and root.head.i == last
    ):
        return "GPE"  # "two Hnan Khar villagers"
    before = doc[first - 1] if first > 0 else None
    if (
        before is not None
        and before.is_lower
        and label not in _PLACE_LABELS
        and before.lower_ in GPE_DESCRIPTION_NOUNS
        and root.head.i == before.i
    ):
        return "GPE"  # "the port capital St Helier"
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.i != first - 1:
        return label
    noun = of.head
    if not noun.is_lower:
        return label
    if noun.lower_ in ADMIN_NOUNS | GPE_DESCRIPTION_NOUNS:
        return "GPE"
    if noun.lower_ in LOC_HEAD_WORDS | PLACE_DESCRIPTION_NOUNS:
        return "GPE" if gazetteer.country_code(surface) is not None else "LOC"
    return label


def _appositive_label(root: Token) -> str | None:
    """ "Al-Shabab, a terrorist group", "Mabel Evardone, an official of ...": the noun of an
    appositive says whether the name is a person, an organisation or a place."""
    for child in root.children:
        if child.dep_ != "appos" or not child.is_lower:
            continue
        noun = child.lower_
        if noun in PERSON_NOUNS or noun in ROLE_TITLES:
            return "PERSON"
        if noun in ORG_HEAD_WORDS:
            return "ORG"
        if noun in ADMIN_NOUNS or noun in GPE_DESCRIPTION_NOUNS:
            return "GPE"
    return None


def _strip_titles(doc: Doc, first: int, last: int) -> int:
    """Index of the first name token once leading titles are dropped."""
    moved = True
    while moved and first < last - 1:
        moved = False
        for size in (4, 3, 2, 1):
            if first + size >= last:
                continue
            words = " ".join(t.lower_ for t in doc[first : first + size])
            role = words in ROLE_TITLES or (size == 1 and words in PERSON_NOUNS)
            if words in TITLE_PHRASES or (role and first + size <= last - 2):
                first += size
                moved = True
                break
    return first


def _title_before(doc: Doc, first: int) -> int | None:
    """Start of a capitalised title right before a name ("President Trump"), if any."""
    best: int | None = None
    for size in (1, 2, 3, 4):
        start = first - size
        if start < 0:
            break
        tokens = doc[start:first]
        if not tokens[0].text[:1].isupper():
            continue
        if " ".join(t.lower_ for t in tokens) in TITLE_PHRASES:
            best = start
    return best


def _inside_title_phrase(doc: Doc, first: int, last: int) -> bool:
    """Whether the span is only a piece of a title ("State" in "Secretary of State")."""
    for size in (1, 2, 3, 4):
        for start in range(max(0, last - size), first + 1):
            end = start + size
            if end < last or end > len(doc):
                continue
            words = " ".join(t.lower_ for t in doc[start:end])
            if words in TITLE_PHRASES and (end - start) >= (last - first):
                return True
    return False


def _names_a_service(
    following: Token | None, label: str, surface: str, gazetteer: Gazetteer
) -> bool:
    """ "on his Liberty Square platform": a name that is not a known place, right before a
    service noun it modifies, is the service's brand."""
    return (
        following is not None
        and following.is_lower
        and following.lower_ in SERVICE_NOUNS
        and label in {"LOC", "GPE"}
        and gazetteer.resolve(surface) is None
    )


def _is_locative(doc: Doc, first: int, last: int) -> bool:
    root = doc[first:last].root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPS:
        return True
    if root.dep_ in {"compound", "poss"} and head.is_lower and head.lower_ in ADMIN_NOUNS:
        return True
    return bool(root.dep_ == "poss" and head.lower_ in LOC_HEAD_WORDS)


def _modifies(following: Token, label: str) -> bool:
    """Whether the lower-case noun right after a name is a place noun the name modifies."""
    if following.pos_ not in {"NOUN", "PROPN"} and not str(following.tag_).startswith("NN"):
        return False
    if following.lower_ in ADMIN_NOUNS:
        return label != "PERSON" or following.lower_ in _PLACE_NOUNS_FOR_PERSONS
    return following.lower_ in LOC_HEAD_WORDS


def _is_punct(token: Token) -> bool:
    return bool(token.is_punct or token.is_space or token.text in _QUOTES)


def _spread_coordinated_places(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Zamfara, Katsina, Kaduna and Niger states": names coordinated with a place that an
    administrative noun marks are places too, whatever the model called them."""
    text: str = text_of(doc)
    result = list(mentions)
    for index in range(len(result) - 1, 0, -1):
        if not (result[index].locative and result[index].label == "GPE"):
            continue
        cursor = index
        while cursor > 0:
            previous = result[cursor - 1]
            if not _COORDINATION_GAP.fullmatch(text[previous.end : result[cursor].start]):
                break
            if previous.label in _RELABELLABLE | {"LOC"}:
                result[cursor - 1] = replace(previous, label="GPE", locative=True)
            cursor -= 1
    return result


@functools.cache
def _language_names() -> frozenset[str]:
    """Major language names (pycountry, ISO 639-1), which double as nationality adjectives."""
    names: set[str] = set()
    for language in pycountry.languages:
        if getattr(language, "alpha_2", None) is None:
            continue
        name = str(language.name).split(" (")[0]
        if len(name) >= 4 and " " not in name:
            names.add(name.lower())
    return frozenset(names)
