"""Grouped cross-validation of the text parser with its line model: held-out beside in-sample.

Pages are grouped (a site, an annotated page) and the groups split into folds; each fold's model
is fitted on the other folds' pages (and synthetic pages made from them only), then the whole
parser runs on the fold's pages with that model. The in-sample figure runs the model fitted on
everything over the same pages; their difference is what fitting to these pages bought, which
unseen pages will not get.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sklearn.model_selection import GroupKFold

from newsstream.parse.story import Story
from newsstream.parse.text import LineModel, extract_text_stories
from tests.eval import metrics
from tests.eval.metrics import BenchmarkScore, PageScore, score_page, total_score
from tests.eval.sets import AnnotatedPage
from tests.train.fit import PageKey, Rows, as_model, fit
from tests.train.labels import LabelledPage
from tests.train.synthetic import synthetic_pages

FOLDS = 5
FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Reference:
    """What a labelled page is scored against: a reference body (and headline), or gold
    stories."""

    body: str | None = None
    headline: str | None = None
    annotated: AnnotatedPage | None = None


@dataclass
class ParseFigures:
    """Scores of one way of parsing (rules alone, held-out model, in-sample model)."""

    bodies: dict[str, BenchmarkScore] = field(default_factory=dict)  # per source
    headlined: dict[str, int] = field(default_factory=dict)
    titles: dict[str, int] = field(default_factory=dict)
    pages: list[PageScore] = field(default_factory=list)

    def add(self, page: LabelledPage, reference: Reference, stories: list[Story]) -> None:
        if reference.annotated is not None:
            self.pages.append(score_page(reference.annotated, stories))
            return
        score = self.bodies.setdefault(page.source, BenchmarkScore())
        score.add(page.name, stories[0].body if stories else "", reference.body or "")
        if reference.headline:
            self.headlined[page.source] = self.headlined.get(page.source, 0) + 1
            title = stories[0].title if stories else None
            right = metrics.norm(title or "") == metrics.norm(reference.headline)
            self.titles[page.source] = self.titles.get(page.source, 0) + right

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for source, score in sorted(self.bodies.items()):
            out[source] = {
                **score.figures(),
                "titles": metrics.share(self.titles.get(source, 0), self.headlined.get(source, 0)),
            }
        if self.pages:
            total = total_score(self.pages)
            out["annotated"] = {
                "stories": metrics.share(total.found, total.expected),
                "titles": metrics.share(total.titles, total.expected),
                "bodies": metrics.share(total.bodies, total.expected),
                "leaks_per_10_pages": 10 * total.leaks / len(self.pages),
                "invented_per_10_pages": 10 * total.invented / len(self.pages),
                "counts": total.counts(),
            }
        return out


def parse_with(page: LabelledPage, model: LineModel | None) -> list[Story]:
    return extract_text_stories(page.text, fetched_at=FETCHED_AT, model=model)


def _score(
    pages: Sequence[LabelledPage],
    references: dict[tuple[str, str], Reference],
    model_of: Callable[[LabelledPage], LineModel | None],
) -> ParseFigures:
    figures = ParseFigures()
    for page in pages:
        figures.add(page, references[(page.source, page.name)], parse_with(page, model_of(page)))
    return figures


@dataclass
class CrossValidation:
    rules: ParseFigures
    held_out: ParseFigures
    in_sample: ParseFigures
    model: dict[str, Any]  # fitted on every page: the one to ship


def cross_validate(
    pages: Sequence[LabelledPage],
    references: dict[tuple[str, str], Reference],
    *,
    folds: int = FOLDS,
    progress: Callable[[str], None] = lambda _: None,
) -> CrossValidation:
    """Rules alone, held-out and in-sample figures on `pages` (real pages only: synthetic ones
    are made inside each fold from that fold's training pages)."""
    cache: dict[PageKey, Rows] = {}
    groups = [page.group for page in pages]
    fold_model: dict[int, LineModel] = {}
    splitter = GroupKFold(n_splits=folds)
    for number, (train, test) in enumerate(splitter.split(list(pages), groups=groups)):
        training = [pages[index] for index in train]
        exported = fit([*training, *synthetic_pages(training)], cache)
        model = as_model(exported)
        for index in test:
            fold_model[id(pages[index])] = model
        progress(f"fold {number + 1}/{folds} fitted on {len(training)} pages")
    full = fit([*pages, *synthetic_pages(pages)], cache)
    shipped = as_model(full)
    progress("full model fitted")
    return CrossValidation(
        rules=_score(pages, references, lambda _: None),
        held_out=_score(pages, references, lambda page: fold_model[id(page)]),
        in_sample=_score(pages, references, lambda _: shipped),
        model=full,
    )
