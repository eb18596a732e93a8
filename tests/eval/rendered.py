"""HTML pages rendered to text, through the text parser: the rendered-text path on many sites.

Two renderings of each page: a real browser's (Chromium's innerText, as most crawlers keep a
page) and the block renderer's (one line per block). Three parsers on the same text: the
service's (rules corrected by the shipped line model), the rules alone, and no parser (the
whole text). `html-more/` never enters training, so its figures are held-out as they stand; the
benchmark's dev half trains the shipped model, so its held-out figures come from grouped
cross-validation (`crossval_figures`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsstream.parse.story import Story
from newsstream.parse.text import LineModel, extract_text_stories
from tests.eval import metrics
from tests.eval.metrics import BenchmarkScore
from tests.eval.render import page_headline, render_text
from tests.eval.service import FETCHED_AT
from tests.eval.sets import BenchmarkPage, html_more_dir, load_benchmark, load_html_set

Parser = Callable[[str], list[Story]]


@dataclass
class TitleCount:
    headlined: int = 0
    right: int = 0

    @property
    def share(self) -> float:
        return metrics.share(self.right, self.headlined)


@dataclass
class RenderedSet:
    """One set under one renderer: per parser, the main story's body scores and titles."""

    name: str
    bodies: dict[str, BenchmarkScore] = field(default_factory=dict)
    titles: dict[str, TitleCount] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    unrendered: int = 0


def reference_body(page: BenchmarkPage) -> str:
    """The reference body without a leading headline (`html-more/` starts with it)."""
    if page.title:
        first, _, rest = page.truth.lstrip().partition("\n")
        if metrics.norm(first) == metrics.norm(page.title):
            return rest.strip()
    return page.truth


def reference_title(page: BenchmarkPage) -> str | None:
    """The set's headline where it gives one, else the page's single <h1>."""
    return page.title or page_headline(page.html)


def parsers(model: LineModel | None) -> dict[str, Parser]:
    def with_model(text: str) -> list[Story]:
        return extract_text_stories(text, fetched_at=FETCHED_AT, model=model)

    def rules(text: str) -> list[Story]:
        return extract_text_stories(text, fetched_at=FETCHED_AT, model=None)

    def whole(text: str) -> list[Story]:
        return [Story(title=None, paragraphs=(text,))] if text.strip() else []

    return {"service": with_model, "rules alone": rules, "whole text (no parser)": whole}


def score_rendered(
    name: str, pages: list[BenchmarkPage], texts: list[str], model: LineModel | None
) -> RenderedSet:
    result = RenderedSet(name, pages=len(pages))
    result.unrendered = sum(1 for text in texts if not text.strip())
    for label, parse in parsers(model).items():
        bodies, titles = BenchmarkScore(), TitleCount()
        started = time.perf_counter()
        for page, text in zip(pages, texts, strict=True):
            stories = parse(text) if text.strip() else []
            main = stories[0] if stories else None
            bodies.add(page.id, main.body if main else "", reference_body(page))
            headline = reference_title(page)
            if headline and label != "whole text (no parser)":
                titles.headlined += 1
                titles.right += metrics.norm(main.title or "" if main else "") == metrics.norm(
                    headline
                )
        result.seconds[label] = time.perf_counter() - started
        result.bodies[label] = bodies
        if titles.headlined:
            result.titles[label] = titles
    return result


def evaluate_rendered_sets(data: Path, model: LineModel | None) -> list[RenderedSet]:
    """Both sets under both renderers (the browser where Chromium runs here)."""
    from tests.train.corpus import browser_texts

    results = []
    for set_name, pages in (
        ("article-benchmark/dev", load_benchmark(data)),
        ("html-more", load_html_set(html_more_dir(data))),
    ):
        if not pages:
            continue
        blocks = [render_text(page.html) for page in pages]
        results.append(score_rendered(f"{set_name}, block renderer", pages, blocks, model))
        browser = browser_texts(pages)
        if browser is not None:
            results.append(score_rendered(f"{set_name}, Chromium innerText", pages, browser, model))
    return results


def crossval_summaries(data: Path) -> dict[str, Any] | None:
    """The text parser's figures by grouped cross-validation on the training corpus: rules
    alone, held-out and in-sample, per source; None when there is no training data."""
    from tests.train import crossval
    from tests.train.browser import BrowserUnavailable
    from tests.train.corpus import training_pages
    from tests.train.run import references
    from tests.train.synthetic import COMPOSED

    try:
        corpus = training_pages(data)
    except BrowserUnavailable as error:
        print(f"cross-validation on block-rendered pages only: {error}")
        corpus = training_pages(data, browser=False)
    real = [page for page in corpus if page.source not in COMPOSED]
    if not real:
        return None
    result = crossval.cross_validate(real, references(data, real))
    return {
        "rules alone": result.rules.summary(),
        "held-out": result.held_out.summary(),
        "in-sample": result.in_sample.summary(),
    }
