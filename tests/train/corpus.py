"""The training corpus of the line model: only data whose terms allow a shipped model.

- The article benchmark's dev half (MIT licence), each page rendered twice: by a real browser
  (Chromium's innerText, as most crawlers keep a page) and by the block renderer (one line per
  block). Its group is the page's site.
- Our own annotated rendered-text pages (the seed and pages-dev), one group per page.
- Synthetic multi-story pages composed from the benchmark's rendered parts (`synthetic.py`),
  labelled by construction, grouped with the sites they were cut from.

`html-more/` and the coded casualty sets are for measuring only and never enter here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from tests.eval.render import page_headline, render_text
from tests.eval.sets import AnnotatedPage, BenchmarkPage, load_benchmark, load_pages
from tests.train.browser import BrowserUnavailable, render_many
from tests.train.labels import LabelledPage, label_against_body, label_spans


def site_of(url: str | None, fallback: str) -> str:
    """A page's site for grouping: the host without "www." (the page id when no URL)."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.") or fallback


def browser_texts(pages: list[BenchmarkPage], *, required: bool = False) -> list[str] | None:
    """Chromium renderings of the pages; None where no browser can run, unless `required`."""
    try:
        return list(render_many(page.html for page in pages))
    except BrowserUnavailable:
        if required:
            raise
        return None


def benchmark_pages(data: Path, *, browser: bool = True) -> list[LabelledPage]:
    pages = load_benchmark(data)
    labelled: list[LabelledPage] = []
    rendered = browser_texts(pages, required=True) if browser else None
    for number, page in enumerate(pages):
        title = page_headline(page.html)
        group = site_of(page.url, page.id[:12])
        versions = [("benchmark-blocks", render_text(page.html))]
        if rendered is not None:
            versions.append(("benchmark-browser", rendered[number]))
        for source, text in versions:
            if text.strip():
                labels = label_against_body(text, page.truth, title)
                labelled.append(LabelledPage(page.id, group, source, text, labels))
    return labelled


def annotated_pages(data: Path) -> list[LabelledPage]:
    return [_annotated(page) for page in load_pages(data) if page.stories]


def _annotated(page: AnnotatedPage) -> LabelledPage:
    spans = [(story.first_words, story.last_words, story.title) for story in page.stories]
    labels, stories = label_spans(page.raw, spans, page.boilerplate)
    return LabelledPage(page.name, page.name, page.set_name, page.raw, labels, stories)


def training_pages(data: Path, *, browser: bool = True) -> list[LabelledPage]:
    """Every page the shipped model may learn from."""
    from tests.train.synthetic import synthetic_pages

    real = benchmark_pages(data, browser=browser) + annotated_pages(data)
    return real + synthetic_pages(real)
