"""Runs spaCy once over a batch of articles and derives entities and casualty figures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from newsstream.enrich.analysis import Analyser
from newsstream.enrich.canonical import build_entities
from newsstream.enrich.casualties import extract_figures
from newsstream.enrich.figures import PlaceMention, assemble
from newsstream.enrich.gazetteer import DEFAULT_MIN_CITY_POPULATION, get_gazetteer
from newsstream.enrich.language import Paragraph, classify, english_view, warm_up
from newsstream.enrich.mentions import Mention, doc_mentions
from newsstream.enrich.nlp import Pipeline, load_pipeline, lowered_headline, text_of
from newsstream.enrich.summary import summarise
from newsstream.models import Article, CasualtyFinding, CasualtyTotals, EntityFinding

#: "…: Axios" at the end of a headline credits a source.
_HEADLINE_SOURCE = re.compile(r":\s+((?:[A-Z][\w.&'-]*\s?){1,3})\s*$")
_PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass(frozen=True)
class Enrichment:
    """Everything enrichment found in one article."""

    entities: list[EntityFinding]
    casualties: list[CasualtyFinding]
    totals: CasualtyTotals
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Plan:
    """Where an article's texts sit in the batch handed to spaCy."""

    title: int | None
    title_parse: int | None
    body: int
    note: str | None = None  # paragraphs left out for their language


class Enricher:
    """Holds the loaded spaCy pipeline; build one per worker and reuse it."""

    def __init__(
        self,
        model: str,
        *,
        min_city_population: int = DEFAULT_MIN_CITY_POPULATION,
        table_cache: Path | None = None,
        partial_parse: bool = True,
    ) -> None:
        self.model = model
        self._nlp: Pipeline = load_pipeline(model)
        self._analyser = Analyser(self._nlp, partial=partial_parse)
        self._gazetteer = get_gazetteer(min_city_population, table_cache)
        warm_up(table_cache)

    def enrich(self, articles: Sequence[Article]) -> list[Enrichment]:
        """One Enrichment per article, in order; texts go through `nlp.pipe` together."""
        texts: list[str] = []
        headlines: set[int] = set()
        plans: list[_Plan | None] = []
        for article in articles:
            english = _is_english(article.lang)
            view = english_view(article.body, english=english)
            if view is None:
                plans.append(None)
                continue
            body, dropped = view
            title_index = title_parse = None
            if article.title and _title_is_english(article.title, english=english):
                title_index = len(texts)
                texts.append(article.title)
                lowered = lowered_headline(article.title)
                title_parse = title_index
                if lowered is not None:
                    title_parse = len(texts)
                    texts.append(lowered)
                headlines.update({title_index, title_parse})
            plans.append(_Plan(title_index, title_parse, len(texts), _skipped_note(dropped)))
            texts.append(body)
        # A worker runs for weeks: every new word would stay in the vocabulary's string store,
        # so the batch's strings are freed with its docs. Findings hold plain Python values.
        with self._nlp.memory_zone():
            docs = self._analyser.analyse(texts, headlines)
            results: list[Enrichment] = []
            for article, plan in zip(articles, plans, strict=True):
                if plan is None:
                    note = f"enrichment skipped: language {article.lang!r} is not English"
                    if _is_english(article.lang):
                        note = "enrichment skipped: no paragraph is in English"
                    results.append(Enrichment([], [], CasualtyTotals(), [note]))
                else:
                    results.append(self._enrich_one(article, plan, docs))
        return results

    def _enrich_one(self, article: Article, plan: _Plan, docs: Sequence[Doc]) -> Enrichment:
        title = (article.title or "") if plan.title is not None else ""
        body_doc = docs[plan.body]
        mentions = doc_mentions(body_doc, "body", self._gazetteer)
        sources = _headline_sources(title)
        if plan.title is not None:
            title_mentions = doc_mentions(docs[plan.title], "title", self._gazetteer)
            taken = [(m.start, m.end) for m in title_mentions]
            title_mentions += [
                s for s in sources if not any(s.start < e and b < s.end for b, e in taken)
            ]
            mentions = title_mentions + mentions
        entities = build_entities(
            mentions,
            self._gazetteer,
            body_length=len(article.body),
            attributed_sources=[s.text for s in sources],
        )
        places = [
            PlaceMention(m.field, m.start, m.end, m.text, entity.place)
            for entity in entities
            if entity.label in _PLACE_LABELS
            for m in entity.mentions
        ]
        title_figures = []
        if plan.title_parse is not None:
            title_figures = extract_figures(docs[plan.title_parse], "title", title)
        body_figures = extract_figures(body_doc, "body")
        # Evidence is quoted from the text enrichment read: a sentence never takes in a
        # paragraph left out for its language.
        result = assemble(
            title_figures, body_figures, places, {"title": title, "body": text_of(body_doc)}
        )
        notes = [
            f"figure {figure_id} was superseded by a later toll"
            for figure_id in sorted(result.superseded)
        ]
        if plan.note is not None:
            notes.insert(0, plan.note)
        return Enrichment(
            entities=entities,
            casualties=result.findings,
            totals=summarise(
                result.findings, result.superseded, result.joined, result.hits, result.running
            ),
            notes=notes,
        )


def _is_english(lang: str | None) -> bool:
    return lang is None or lang.strip().lower().split("-")[0] in {"", "en"}


def _title_is_english(title: str, *, english: bool) -> bool:
    """A headline too short to judge follows its article; otherwise its own language counts."""
    lang = classify(title)
    return lang == "en" or (english and lang is None)


def _skipped_note(dropped: Sequence[Paragraph]) -> str | None:
    if not dropped:
        return None
    langs = ", ".join(repr(lang) for lang in sorted({p.lang or "unknown" for p in dropped}))
    return f"enrichment skipped {len(dropped)} paragraph(s) not in English (language {langs})"


def _headline_sources(title: str) -> list[Mention]:
    """The outlet a headline credits at its end ("…: Axios"), as a title mention."""
    match = _HEADLINE_SOURCE.search(title)
    if match is None:
        return []
    start = match.start(1)
    text = match.group(1).rstrip()
    return [Mention(text, start, start + len(text), "title", "ORG")]
