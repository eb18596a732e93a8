"""What one article contributes to incidents: a `Report`, built from its enrichment.

A report keeps only what linking and totals need (figures per kind with how the article arrived
at them, where and when, who, and a short text signature), so that an incident's state stays
small enough to live in a table with a changelog.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsstream.enrich.lexicon import SUPERSEDING_TOLL_VERBS, TOLL_NOUNS, TOLL_UPDATE_PHRASES
from newsstream.incidents.regions import admin1_of
from newsstream.incidents.signature import text_signature
from newsstream.incidents.when import event_date_of
from newsstream.models import (
    Article,
    CasualtyEvent,
    CasualtyFinding,
    CasualtyKind,
    CasualtySummary,
    CasualtyTotals,
    EntityEvent,
    EntityFinding,
    Place,
)
from newsstream.models.incident import Report, ReportFigure, TotalMethod

if TYPE_CHECKING:
    from newsstream.enrich import Enrichment

_PLACE_LABELS = frozenset({"GPE", "LOC"})
_WORD = re.compile(r"\w+")
#: Specific places say more about where an event happened than the country they are in.
_SPECIFICITY = {"city": 2, "region": 1}


def fold_name(name: str) -> str:
    """A person's name as compared across reports: case, accents and punctuation ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text.casefold()))


def build_report(
    article: Article,
    entities: Sequence[EntityFinding],
    casualties: Sequence[CasualtyFinding],
    totals: CasualtyTotals,
) -> Report:
    """The report of an enriched article (what `Enricher.enrich` or the topics give)."""
    published = article.published_at or article.fetched_at
    place, place_text = _event_place(entities, casualties)
    country = place.country_code if place else None
    admin1 = admin1_of(place)
    if admin1 is None and country is not None:
        admin1 = _region_admin1(entities, country)
    time_text = next((f.time_text for f in _by_position(casualties) if f.time_text), None)
    return Report(
        article_id=article.article_id,
        revision=article.content_hash,
        url=article.url,
        publisher=article.publisher,
        title=article.title,
        published_at=published,
        figures=_figures(totals, casualties),
        place=place,
        place_text=place_text,
        country=country,
        admin1=admin1,
        event_date=event_date_of(published.date(), time_text),
        time_text=time_text,
        perpetrator_or_cause=next(
            (f.perpetrator_or_cause for f in _by_position(casualties) if f.perpetrator_or_cause),
            None,
        ),
        victims=_victims(entities, casualties),
        people=sorted(
            {
                fold_name(e.name)
                for e in entities
                if e.label == "PERSON" and len(fold_name(e.name).split()) > 1
            }
        ),
        signature=text_signature(article.title, article.body),
    )


def report_from_enrichment(article: Article, found: Enrichment) -> Report:
    """The report of an article and what `Enricher.enrich` found in it."""
    return build_report(article, found.entities, found.casualties, found.totals)


def reports_from_messages(messages: Iterable[object]) -> list[Report]:
    """Reports from the messages the pipeline emits (articles, entity and casualty events and
    summaries, in any order); articles without a summary are not enriched yet and give none."""
    articles: dict[str, Article] = {}
    entities: dict[str, list[EntityEvent]] = {}
    casualties: dict[str, list[CasualtyEvent]] = {}
    summaries: dict[str, CasualtySummary] = {}
    for message in messages:
        if isinstance(message, Article):
            articles[message.article_id] = message
        elif isinstance(message, EntityEvent):
            entities.setdefault(message.article_id, []).append(message)
        elif isinstance(message, CasualtyEvent):
            casualties.setdefault(message.article_id, []).append(message)
        elif isinstance(message, CasualtySummary):
            summaries[message.article_id] = message
    return [
        build_report(
            article,
            entities.get(key, []),
            casualties.get(key, []),
            summaries[key].totals,
        )
        for key, article in articles.items()
        if key in summaries
    ]


def _by_position(casualties: Sequence[CasualtyFinding]) -> list[CasualtyFinding]:
    """Figures in reading order: headline first, then the body."""
    return sorted(casualties, key=lambda f: (f.evidence.field != "title", f.evidence.start))


def _figures(
    totals: CasualtyTotals, casualties: Sequence[CasualtyFinding]
) -> dict[CasualtyKind, ReportFigure]:
    """Per kind the summary's total, marked by how the article stated it: a toll given as an
    update ("rose to") supersedes, a toll stated outright is stated, anything else was added
    up from parts."""
    found: dict[CasualtyKind, ReportFigure] = {}
    for kind in CasualtyKind:
        total = getattr(totals, kind.value)
        if total is None:
            continue
        stated = [f for f in casualties if f.kind is kind and f.is_total and f.count == total]
        if any(_is_update(f.evidence.text) for f in stated):
            method = TotalMethod.SUPERSEDING
        elif stated:
            method = TotalMethod.LATEST_STATED
        else:
            method = TotalMethod.SUM_OF_PARTS
        found[kind] = ReportFigure(count=total, method=method)
    return found


def _is_update(sentence: str) -> bool:
    """A toll stated as an update: an update phrase ("now stands at"), or a toll noun with a
    verb of a rising toll ("the death toll topped 1,000")."""
    words = _WORD.findall(sentence.casefold())
    text = f" {' '.join(words)} "
    if any(f" {phrase} " in text for phrase in TOLL_UPDATE_PHRASES):
        return True
    return bool(TOLL_NOUNS.intersection(words)) and bool(SUPERSEDING_TOLL_VERBS.intersection(words))


def _event_place(
    entities: Sequence[EntityFinding], casualties: Sequence[CasualtyFinding]
) -> tuple[Place | None, str | None]:
    """Where the article says it happened, within the country it is most about.

    The country is the one its resolved places weigh most in (salience summed per country),
    so one misplaced figure location cannot carry a report abroad. Within it: the location
    most figures give, else the most salient city or region, else the country itself.
    """
    places = [e for e in entities if e.label in _PLACE_LABELS and e.place is not None]
    weight: dict[str, float] = {}
    for entity in places:
        if entity.place and entity.place.country_code:
            code = entity.place.country_code
            weight[code] = weight.get(code, 0.0) + entity.salience
    located = [f.location for f in _by_position(casualties) if f.location and f.location.place]
    if not weight:
        for location in located:
            if location.place and location.place.country_code:
                code = location.place.country_code
                weight[code] = weight.get(code, 0.0) + 1.0
    if not weight:
        return None, None
    country = min(weight, key=lambda code: (-weight[code], code))
    local = [loc for loc in located if loc.place and loc.place.country_code == country]
    if local:
        counts = Counter(_place_key(loc.place) for loc in local if loc.place)
        best = max(local, key=lambda loc: counts[_place_key(loc.place)] if loc.place else 0)
        return best.place, best.text
    inside = [e for e in places if e.place and e.place.country_code == country]
    specific = [e for e in inside if e.place and e.place.feature in _SPECIFICITY]
    if specific:
        entity = max(specific, key=lambda e: (e.salience, e.name))
        return entity.place, entity.name
    if inside:
        entity = max(inside, key=lambda e: (e.salience, e.name))
        return entity.place, entity.name
    return None, None


def _place_key(place: Place | None) -> str:
    if place is None:
        return ""
    return str(place.geonames_id) if place.geonames_id else f"{place.country_code}:{place.name}"


def _region_admin1(entities: Sequence[EntityFinding], country: str) -> str | None:
    """The region of the most salient region entity of `country`, where it has a code."""
    regions = [
        e
        for e in entities
        if e.place is not None
        and e.place.feature == "region"
        and e.place.country_code == country
        and admin1_of(e.place) is not None
    ]
    if not regions:
        return None
    return admin1_of(max(regions, key=lambda e: (e.salience, e.name)).place)


def _victims(entities: Sequence[EntityFinding], casualties: Sequence[CasualtyFinding]) -> list[str]:
    """People named inside a casualty figure's sentence, then victim groups as written."""
    spans = [(f.evidence.field, f.evidence.start, f.evidence.end) for f in casualties]
    named = [
        e.name
        for e in entities
        if e.label == "PERSON"
        and any(
            m.field == field and start <= m.start and m.end <= end
            for m in e.mentions
            for field, start, end in spans
        )
    ]
    groups = [f.victims for f in _by_position(casualties) if f.victims]
    return list(dict.fromkeys([*named, *groups]))
