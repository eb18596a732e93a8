"""The evaluation parts: each runs the service on one reference set and scores what came out.

The service parts go through `newsstream process`, once per set. Two parts run in-process on
purpose, to tell errors apart: the enricher on the gold bodies (what a perfect parser would hand
it) and the naive baseline. Every part reports its own wall time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsstream.models import Article
from tests.eval import metrics
from tests.eval.metrics import BenchmarkScore, EnrichScores, PageScore, SummaryScores
from tests.eval.service import FETCHED_AT, Envelope, RunResult, run_process, unique_urls
from tests.eval.sets import (
    AnnotatedPage,
    BenchmarkPage,
    Incident,
    html_more_dir,
    load_benchmark,
    load_html_set,
    load_incidents,
    load_pages,
)

_NOW = datetime(2025, 7, 21, 12, 0, tzinfo=UTC)


def spacy_model() -> str:
    """The model the service is configured with, so the baseline uses the same one."""
    from newsstream.settings import get_settings

    return get_settings().spacy_model


@dataclass
class PagesEval:
    """Seed and pages-dev through the command: parse scores, and enrichment of what came out."""

    scores: list[PageScore]
    total: PageScore
    emitted: EnrichScores  # entities and figures of the article matched to each gold story
    dead_letters: list[str]
    seconds: float


@dataclass
class IncidentsEval:
    """casualties-dev through the command, as text/plain pages."""

    summary: SummaryScores
    ceiling: metrics.Ceiling
    dead_letters: list[str]
    extra_articles: int  # incidents the parser cut into more than one article
    seconds: float


@dataclass
class GoldEval:
    """The enricher and the naive baseline, in-process, on the gold bodies and incident texts."""

    ours: EnrichScores
    ours_summary: SummaryScores
    baseline: EnrichScores
    baseline_summary: SummaryScores
    seconds_ours: float
    seconds_baseline: float


@dataclass
class BenchmarkEval:
    """The HTML benchmark: the service's main-article body against plain trafilatura's."""

    ours: BenchmarkScore
    trafilatura: BenchmarkScore
    dead_letters: list[str] = field(default_factory=list)
    seconds_ours: float = 0.0
    seconds_trafilatura: float = 0.0


def _dead_letter_notes(run: RunResult, names: dict[str, str]) -> list[str]:
    return [
        f"{names[url]}: {letter.stage} {letter.error_type}: {letter.message}"
        for url, page in run.pages.items()
        for letter in page.dead_letters
    ]


def evaluate_pages(data: Path) -> PagesEval:
    """Run seed and pages-dev through the command in one process and score parse and enrich."""
    pages = load_pages(data)
    urls = unique_urls([p.url for p in pages], "pages")
    envelopes = [
        Envelope(url=url, body=page.raw, content_type=page.content_type)
        for url, page in zip(urls, pages, strict=True)
    ]
    run = run_process(envelopes)
    scores: list[PageScore] = []
    emitted = EnrichScores()
    for url, page in zip(urls, pages, strict=True):
        out = run.pages[url]
        articles = sorted(out.articles, key=lambda a: a.position)
        errors = [f"dead letter {d.error_type}: {d.message}" for d in out.dead_letters]
        if url in run.silent():
            errors.append("no output: every story de-duplicated against an earlier page?")
        score = metrics.score_page(page, articles, "; ".join(errors) or None)
        scores.append(score)
        if page.set_name != "pages-dev":
            continue  # the seed's entity annotation follows other rules (optional entities)
        for index, gold in enumerate(page.stories):
            name = f"{page.name}#{index}"
            match = score.matches.get(index)
            if match is None:
                metrics.score_missing_story(emitted, name, gold)
                continue
            article = articles[match]
            metrics.score_story(
                emitted,
                name,
                gold,
                [(e.label, e.name, e.aliases) for e in article.entities],
                [(c.count, c.kind) for c in article.casualties if c.count is not None],
            )
    names = {url: page.name for url, page in zip(urls, pages, strict=True)}
    return PagesEval(
        scores=scores,
        total=metrics.total_score(scores),
        emitted=emitted,
        dead_letters=_dead_letter_notes(run, names),
        seconds=run.seconds,
    )


def evaluate_incidents(data: Path) -> IncidentsEval:
    """Send each incident text as a text/plain page; compare the main article's summary."""
    incidents = load_incidents(data)
    urls = unique_urls([None] * len(incidents), "casualties")
    envelopes = [
        Envelope(url=url, body=incident.text, content_type="text/plain")
        for url, incident in zip(urls, incidents, strict=True)
    ]
    run = run_process(envelopes)
    summary = SummaryScores()
    extra = 0
    for url, incident in zip(urls, incidents, strict=True):
        out = run.pages[url]
        extra += len(out.articles) > 1
        main = out.main_article()
        got = None if main is None or main.totals is None else metrics.summary_pair(main.totals)
        summary.add(incident, got)
    names = {url: incident.id for url, incident in zip(urls, incidents, strict=True)}
    return IncidentsEval(
        summary=summary,
        ceiling=metrics.ceiling(incidents),
        dead_letters=_dead_letter_notes(run, names),
        extra_articles=extra,
        seconds=run.seconds,
    )


def _gold_stories(pages: list[AnnotatedPage]) -> list[tuple[str, AnnotatedPage, int]]:
    return [
        (f"{page.name}#{index}", page, index)
        for page in pages
        if page.set_name == "pages-dev"
        for index in range(len(page.stories))
    ]


def _article(index: int, title: str | None, body: str) -> Article:
    """An Article message as the parse agent would emit it, around a gold body."""
    return Article(
        event_id=f"eval-{index}", article_id=f"eval-{index}", producer="tests.eval",
        url=None, title=title, publisher=None, published_at=None, published_text=None,
        lang="en", body=body, word_count=len(body.split()), content_hash=str(index),
        page_id="eval", position=0, fetched_at=_NOW, parsed_at=_NOW,
    )  # fmt: skip


def evaluate_gold(data: Path, model: str | None = None, *, baseline: bool = True) -> GoldEval:
    """The enricher on gold bodies and incident texts; then the naive baseline on the same."""
    from newsstream.enrich import Enricher

    model = model or spacy_model()
    stories = _gold_stories(load_pages(data))
    incidents = load_incidents(data)
    started = time.perf_counter()
    enricher = Enricher(model)
    bodies = [page.gold_body(index) for _, page, index in stories]
    articles = [
        _article(i, page.stories[index].title, body)
        for i, ((_, page, index), body) in enumerate(zip(stories, bodies, strict=True))
    ]
    articles += [_article(len(articles) + i, None, inc.text) for i, inc in enumerate(incidents)]
    results = enricher.enrich(articles)
    ours = EnrichScores()
    for (name, page, index), result in zip(stories, results, strict=False):
        metrics.score_story(
            ours,
            name,
            page.stories[index],
            [(e.label, e.name, e.aliases) for e in result.entities],
            [(c.count, c.kind.value) for c in result.casualties if c.count is not None],
        )
    ours_summary = SummaryScores()
    for incident, result in zip(incidents, results[len(stories) :], strict=True):
        ours_summary.add(incident, metrics.summary_pair(result.totals.model_dump()))
    seconds_ours = time.perf_counter() - started

    started = time.perf_counter()
    base, base_summary = EnrichScores(), SummaryScores()
    if baseline:
        base, base_summary = _baseline(model, stories, bodies, incidents)
    return GoldEval(
        ours=ours,
        ours_summary=ours_summary,
        baseline=base,
        baseline_summary=base_summary,
        seconds_ours=seconds_ours,
        seconds_baseline=time.perf_counter() - started,
    )


def _baseline(
    model: str,
    stories: list[tuple[str, AnnotatedPage, int]],
    bodies: list[str],
    incidents: list[Incident],
) -> tuple[EnrichScores, SummaryScores]:
    import spacy

    nlp = spacy.load(model)
    scores = EnrichScores()
    for (name, page, index), body in zip(stories, bodies, strict=True):
        gold = page.stories[index]
        metrics.score_story(
            scores,
            name,
            gold,
            metrics.baseline_entities(nlp, gold.title, body),
            metrics.baseline_figures(f"{gold.title or ''}\n{body}"),
        )
    summary = SummaryScores()
    for incident in incidents:
        summary.add(incident, metrics.baseline_totals(incident.text))
    return scores, summary


def plain_trafilatura(html: str, url: str | None) -> str:
    """trafilatura out of the box, comments off (a benchmark body never holds them)."""
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def evaluate_benchmark(data: Path, *, baseline: bool = True) -> BenchmarkEval:
    """The benchmark pages through the command as text/html; plain trafilatura in-process."""
    pages = load_benchmark(data)
    urls = unique_urls([p.url for p in pages], "benchmark")
    run = run_process(
        [
            Envelope(url=url, body=page.html, content_type="text/html")
            for url, page in zip(urls, pages, strict=True)
        ]
    )
    ours = BenchmarkScore()
    for url, page in zip(urls, pages, strict=True):
        main = run.pages[url].main_article()
        ours.add(page.id, main.body if main else "", page.truth)
    names = {url: page.id[:12] for url, page in zip(urls, pages, strict=True)}
    result = BenchmarkEval(
        ours=ours,
        trafilatura=BenchmarkScore(),
        dead_letters=_dead_letter_notes(run, names),
        seconds_ours=run.seconds,
    )
    if baseline:
        started = time.perf_counter()
        for url, page in zip(urls, pages, strict=True):
            result.trafilatura.add(page.id, plain_trafilatura(page.html, url), page.truth)
        result.seconds_trafilatura = time.perf_counter() - started
    return result


def evaluate_benchmark_parse(data: Path) -> BenchmarkScore:
    """The HTML extractor in-process, no enrichment: the same bodies in a tenth of the time.

    Through the command, enrichment of 91 long articles costs about a minute that the body
    metric never looks at; the regression tests use this instead, `make eval` the command.
    """
    return parse_html_pages(load_benchmark(data), "benchmark")


def html_bodies(pages: list[BenchmarkPage], name: str) -> list[str]:
    """Main-story bodies of the HTML extractor in-process ("" where it found none)."""
    from newsstream.parse import ParseError, extract_stories

    bodies = []
    for url, page in zip(unique_urls([p.url for p in pages], name), pages, strict=True):
        try:
            stories = extract_stories(
                page.html, content_type="text/html", url=url, fetched_at=FETCHED_AT
            )
        except ParseError:
            stories = []
        bodies.append(stories[0].body if stories else "")
    return bodies


def parse_html_pages(pages: list[BenchmarkPage], name: str) -> BenchmarkScore:
    """Main-story bodies of the HTML extractor in-process, scored against each reference."""
    from tests.eval.rendered import reference_body

    score = BenchmarkScore()
    for page, body in zip(pages, html_bodies(pages, name), strict=True):
        score.add(page.id, body, reference_body(page))
    return score


@dataclass
class HtmlMoreEval:
    """html-more (never used in development): ours against plain trafilatura, per site group."""

    ours: dict[str, BenchmarkScore]
    trafilatura: dict[str, BenchmarkScore]
    seconds_ours: float
    seconds_trafilatura: float


def evaluate_html_more(data: Path) -> HtmlMoreEval | None:
    """Each group of html-more (`big9`: nine news sites over twelve years; `chaos`: 2017 search
    results from about 250 sites) and all pages, in-process (bodies only)."""
    from tests.eval.rendered import reference_body

    pages = load_html_set(html_more_dir(data))
    if not pages:
        return None
    groups = {page.id: ("all", page.id.split("_", 1)[0].split("-", 1)[0]) for page in pages}
    names = sorted({group for pair in groups.values() for group in pair})
    ours: dict[str, BenchmarkScore] = {group: BenchmarkScore() for group in names}
    trafilatura: dict[str, BenchmarkScore] = {group: BenchmarkScore() for group in names}
    started = time.perf_counter()
    bodies = html_bodies(pages, "html-more")
    seconds_ours = time.perf_counter() - started
    started = time.perf_counter()
    baseline = [plain_trafilatura(page.html, page.url) for page in pages]
    seconds_trafilatura = time.perf_counter() - started
    for page, body, plain in zip(pages, bodies, baseline, strict=True):
        for group in groups[page.id]:
            ours[group].add(page.id, body, reference_body(page))
            trafilatura[group].add(page.id, plain, reference_body(page))
    return HtmlMoreEval(ours, trafilatura, seconds_ours, seconds_trafilatura)
