"""One canonical entity per real-world thing in an article.

Mentions are merged in steps, each on evidence inside the article: identical names; short
person names that are the first or last name of exactly one fuller name ("Netanyahu",
"al-Sharaa"); a one-word organisation name or acronym contained in exactly one longer name
("Observatory", "GHF"); places the gazetteer resolves to the same entry ("US", "U.S.",
"America"). The canonical name is the fullest form the article uses; only countries take the
gazetteer's common name, so that every article calls the United States the same thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsstream.enrich.gazetteer import Gazetteer
from newsstream.enrich.lexicon import ADMIN_NOUNS, NAME_ARTICLES, NAME_FUNCTION_WORDS
from newsstream.enrich.mentions import Mention
from newsstream.enrich.place_names import name_key
from newsstream.models import EntityFinding, Place, Span

_PLACE_LABELS = frozenset({"GPE", "LOC"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})
#: Labels that never merge with the four name labels ("Druze" the community is no person).
_SEPARATE_LABELS = frozenset({"NORP", "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"})


@dataclass
class _Cluster:
    text: str
    mentions: list[Mention]
    place: Place | None = None
    label: str = ""

    @property
    def key(self) -> str:
        return name_key(self.text)

    @property
    def words(self) -> list[str]:
        return _name_words(self.text)

    @property
    def first(self) -> int:
        return min(_position(m) for m in self.mentions)

    def absorb(self, other: _Cluster) -> None:
        self.mentions.extend(other.mentions)
        other.mentions = []


def build_entities(
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    *,
    body_length: int,
    attributed_sources: Iterable[str] = (),
) -> list[EntityFinding]:
    """Entities of one article from the mentions of its title and body.

    `attributed_sources` are names a headline credits as its source ("…: Axios"); such a
    one-word name is an outlet, not a person, unless the article gives it a first name.
    """
    clusters = _group_identical(mentions)
    _merge_acronyms(clusters, mentions)
    context = _country_context(clusters, gazetteer)
    for cluster in clusters:
        cluster.label = _vote_label(cluster.mentions, gazetteer)
    _merge_event_names(clusters)
    _merge_person_names(clusters, gazetteer)
    _merge_organisation_parts(clusters)
    _merge_places(clusters, gazetteer, context)
    live = [c for c in clusters if c.mentions]
    sources = {name_key(s) for s in attributed_sources}
    findings: list[EntityFinding] = []
    max_count = max((len(c.mentions) for c in live), default=1)
    for cluster in live:
        if all(m.field == "title" for m in cluster.mentions) and cluster.place is None:
            continue
        if cluster.label == "PERSON" and len(cluster.words) == 1 and cluster.key in sources:
            cluster.label = "ORG"
        findings.append(_finding(cluster, body_length, max_count))
    findings.sort(key=lambda f: (-f.salience, _first_offset(f), f.name))
    return findings


# -- grouping ------------------------------------------------------------------------------------


def _group_identical(mentions: Sequence[Mention]) -> list[_Cluster]:
    """Same name, same family of label: one cluster ("Tyr" as GPE and as ORG is one thing)."""
    groups: dict[tuple[str, str], _Cluster] = {}
    for mention in sorted(mentions, key=_position):
        family = mention.label if mention.label in _SEPARATE_LABELS else "NAME"
        key = (family, _match_key(mention.text))
        if key in groups:
            groups[key].mentions.append(mention)
        else:
            groups[key] = _Cluster(mention.text, [mention])
    return list(groups.values())


def _vote_label(mentions: Sequence[Mention], gazetteer: Gazetteer) -> str:
    """The cluster's label: places win where any mention is a place in a place-like context or
    the gazetteer knows the name; then a group named by its members ("Boko Haram fighters");
    otherwise a weighted vote, where a headline mention (the model reads Title Case badly)
    counts half and a person's title ("President Trump") adds a vote for PERSON; ties go to
    the earliest label."""
    if len({m.label for m in mentions}) == 1:
        return mentions[0].label
    place_mentions = [m for m in mentions if m.label in _PLACE_LABELS]
    if place_mentions and any(
        m.locative or m.dateline or gazetteer.resolve(m.text) is not None for m in place_mentions
    ):
        return Counter(m.label for m in place_mentions).most_common(1)[0][0]
    if any(m.group for m in mentions):
        return "ORG"  # "Boko Haram fighters": the model's persons elsewhere are the group
    votes: dict[str, float] = {}
    for mention in mentions:
        weight = 0.5 if mention.field == "title" else 1.0
        votes[mention.label] = votes.get(mention.label, 0.0) + weight
        if mention.titled:
            votes["PERSON"] = votes.get("PERSON", 0.0) + 1.0
    best = max(votes.values())
    return next(m.label for m in mentions if votes.get(m.label) == best)


def _country_context(clusters: Sequence[_Cluster], gazetteer: Gazetteer) -> Counter[str]:
    """Countries the article's places point at, weighted by mentions (see Gazetteer.resolve)."""
    context: Counter[str] = Counter()
    for cluster in clusters:
        if not any(m.label in _PLACE_LABELS for m in cluster.mentions):
            continue
        code = gazetteer.country_hint(cluster.text, allow_codes=True)
        if code is not None:
            context[code] += len(cluster.mentions)
    return context


# -- merging -------------------------------------------------------------------------------------


def _merge_acronyms(clusters: list[_Cluster], mentions: Sequence[Mention]) -> None:
    """An acronym the article defines in brackets ("Khyber Pakhtunkhwa (KP)") is that name
    wherever it occurs, so "KP" is never read as a country code."""
    expansions = {
        _match_key(m.text): _match_key(m.expansion) for m in mentions if m.expansion is not None
    }
    by_key = {_match_key(c.text): c for c in clusters if c.mentions}
    for short_key, long_key in expansions.items():
        short, long = by_key.get(short_key), by_key.get(long_key)
        if short is not None and long is not None and short is not long:
            long.absorb(short)
    clusters[:] = [c for c in clusters if c.mentions]


def _merge_event_names(clusters: list[_Cluster]) -> None:
    """ "Hagupit" after "Typhoon Hagupit" is the storm, whatever the model called it."""
    events = [c for c in clusters if c.label == "EVENT" and len(c.words) == 2]
    for short in clusters:
        if not short.mentions or short.label == "EVENT" or len(short.words) != 1:
            continue
        targets = [e for e in events if e.mentions and e.words[-1] == short.words[0]]
        if len(targets) == 1:
            targets[0].absorb(short)


def _merge_person_names(clusters: list[_Cluster], gazetteer: Gazetteer) -> None:
    """A shorter name that starts or ends exactly one fuller person name is that person.

    The shorter one may carry any name label ("al-Sharaa" tagged LOC, "Trump" tagged ORG in
    "the Trump administration"), unless the gazetteer knows it as a place and it was tagged
    as one: "Washington" the city stays apart from George Washington.
    """
    persons = [
        c
        for c in clusters
        if c.label == "PERSON" and len(c.words) > 1 and any(m.field == "body" for m in c.mentions)
    ]
    for short in sorted(clusters, key=lambda c: len(c.words)):
        if not short.mentions or short.label not in _NAME_LABELS:
            continue
        if short.label in _PLACE_LABELS and gazetteer.resolve(short.text):
            continue
        words = short.words
        targets = [
            p
            for p in persons
            if p is not short
            and p.mentions
            and len(p.words) > len(words)
            and (p.words[: len(words)] == words or p.words[-len(words) :] == words)
        ]
        if short.label != "PERSON":
            targets = [p for p in targets if p.words[-len(words) :] == words]
        target = _most_mentioned(targets)
        if target is not None:
            target.absorb(short)


def _merge_organisation_parts(clusters: list[_Cluster]) -> None:
    """ "Observatory" or "GHF" is the one longer organisation that contains or abbreviates it."""
    orgs = [
        c
        for c in clusters
        if c.label == "ORG" and len(c.words) > 1 and any(m.field == "body" for m in c.mentions)
    ]
    for index, cluster in enumerate(orgs):
        same = [
            o
            for o in orgs[index + 1 :]
            if o.mentions and _content_words(o) == _content_words(cluster)
        ]
        for other in same:  # "Health Ministry" is "Ministry of Health"
            if cluster.mentions:
                cluster.absorb(other)
    for short in clusters:
        if not short.mentions or short.label not in {"ORG", "PERSON"} or len(short.words) != 1:
            continue
        word = short.words[0]
        surface = short.text
        targets = [
            o
            for o in orgs
            if o is not short
            and o.mentions
            and (word in _content_words(o) or (surface.isupper() and _initials(o) == word))
        ]
        if len(targets) == 1:
            targets[0].absorb(short)
            targets[0].label = "ORG"


def _merge_places(clusters: list[_Cluster], gazetteer: Gazetteer, context: Counter[str]) -> None:
    """Places resolving to one gazetteer entry are one place; "Golan" is "Golan Heights", and
    "Gaza" is "Gaza Strip" when the longer name is no entry of its own."""
    places = [c for c in clusters if c.mentions and c.label in _PLACE_LABELS]
    by_entry: dict[tuple[str | None, int | None, str], _Cluster] = {}
    for cluster in places:
        cluster.place = _resolve(cluster, gazetteer, context)
        if cluster.place is None:
            continue
        entry = (cluster.place.country_code, cluster.place.geonames_id, cluster.place.name)
        if entry in by_entry:
            by_entry[entry].absorb(cluster)
        else:
            by_entry[entry] = cluster
    places = [c for c in places if c.mentions]
    by_words = {tuple(c.words): c for c in places}
    for cluster in places:
        words = cluster.words
        if len(words) > 1 and words[-1] in ADMIN_NOUNS:
            bare = by_words.get(tuple(words[:-1]))  # "Hnan Khar Village" is "Hnan Khar"
            if bare is not None and bare is not cluster and bare.mentions:
                cluster.absorb(bare)
    places = [c for c in places if c.mentions]
    for short in places:
        if len(short.words) != 1 or not short.mentions:
            continue
        if any(m.administrative for m in short.mentions):
            continue  # "Khyber district" is not "Khyber Pakhtunkhwa"
        longer = [
            c
            for c in places
            if c is not short and c.mentions and len(c.words) > 1 and c.words[0] == short.words[0]
        ]
        if len(longer) == 1 and (
            short.place is None or longer[0].place is None or short.place == longer[0].place
        ):
            longer[0].absorb(short)


def _resolve(cluster: _Cluster, gazetteer: Gazetteer, context: Counter[str]) -> Place | None:
    for text in sorted({m.text for m in cluster.mentions}, key=len, reverse=True):
        place = gazetteer.resolve(text, context, allow_codes=True)
        if place is not None:
            return place
    return None


def _most_mentioned(candidates: Sequence[_Cluster]) -> _Cluster | None:
    if not candidates:
        return None
    return max(candidates, key=lambda c: (len(c.mentions), -c.first))


# -- output --------------------------------------------------------------------------------------


def _finding(cluster: _Cluster, body_length: int, max_count: int) -> EntityFinding:
    mentions = sorted(cluster.mentions, key=_position)
    name = _canonical_name(cluster)
    aliases: list[str] = []
    for mention in mentions:
        for form in (mention.text, mention.titled):
            if form and form != name and form not in aliases:
                aliases.append(form)
    spans = [Span(text=m.text, start=m.start, end=m.end, field=m.field) for m in mentions]
    return EntityFinding(
        name=name,
        label=cluster.label,
        aliases=aliases,
        mentions=spans,
        mention_count=len(spans),
        salience=_salience(mentions, body_length, max_count),
        place=cluster.place if cluster.label in _PLACE_LABELS else None,
    )


def _canonical_name(cluster: _Cluster) -> str:
    """Countries take the gazetteer's common name; anything else the fullest form used.

    Fullest means most words, then most characters (so "Gideon Sa'ar" beats "Gideon Saar"),
    then the most frequent, then the earliest. A place written only in capitals (a dateline)
    gets title case; other capitals are acronyms and stay.
    """
    if cluster.place is not None and cluster.place.feature == "country":
        return cluster.place.name
    counts = Counter(m.text for m in cluster.mentions)
    first_seen: dict[str, int] = {}
    for mention in sorted(cluster.mentions, key=_position):
        first_seen.setdefault(mention.text, _position(mention))
    forms = list(counts)
    mixed = [f for f in forms if not _all_capitals(f)] or forms
    best = max(
        mixed,
        key=lambda f: (
            len(_name_words(f)),
            len(f.rstrip(".")),
            not f.endswith("."),
            counts[f],
            -first_seen[f],
        ),
    )
    if (
        _all_capitals(best)
        and cluster.label in _PLACE_LABELS
        and (cluster.place is not None or any(m.dateline for m in cluster.mentions))
    ):
        return _title_case(best)
    return best


def _salience(mentions: Sequence[Mention], body_length: int, max_count: int) -> float:
    """How central an entity is: mention share, how early it comes, whether the title names it."""
    frequency = len(mentions) / max(max_count, 1)
    body_starts = [m.start for m in mentions if m.field == "body"]
    in_title = any(m.field == "title" for m in mentions)
    earliness = 1.0 if in_title or not body_starts else 1 - min(body_starts) / max(body_length, 1)
    score = 0.5 * frequency + 0.3 * max(0.0, earliness) + 0.2 * in_title
    return round(min(1.0, max(0.0, score)), 4)


# -- helpers -------------------------------------------------------------------------------------


def _match_key(text: str) -> str:
    """Key on which mentions are the same name: articles ("al-") and apostrophes ignored."""
    return " ".join(_name_words(text))


def _name_words(text: str) -> list[str]:
    words = name_key(text).split()
    kept = [w for w in words if w not in NAME_ARTICLES]
    return kept or words


def _content_words(cluster: _Cluster) -> set[str]:
    return {w for w in cluster.words if w not in NAME_FUNCTION_WORDS}


def _initials(cluster: _Cluster) -> str:
    words = [w for w in name_key(cluster.text).split() if w not in NAME_FUNCTION_WORDS]
    return "".join(w[0] for w in words if w)


def _position(mention: Mention) -> int:
    """Order of mentions: the title before the body."""
    return mention.start if mention.field == "title" else 1_000_000 + mention.start


def _first_offset(finding: EntityFinding) -> int:
    return min((m.start if m.field == "title" else 1_000_000 + m.start) for m in finding.mentions)


def _all_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


def _title_case(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())
