"""The reference sets, read into plain records: where they live and what each gold entry says.

Nothing here scores or runs the service, so the loaders can be shared by the evaluation runner,
the regression tests and the quick per-component tools in `tests/tools/`.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DATA_ENV = "NEWSSTREAM_REFERENCE_DATA"
# The small sets copied into the repository, so the regression tests need nothing outside it.
FIXTURE_DATA = REPO / "tests" / "fixtures" / "reference"
LABELS = ("PERSON", "ORG", "GPE", "LOC")


def default_data_dir() -> Path:
    """`$NEWSSTREAM_REFERENCE_DATA`, else the shared folder beside the repository."""
    configured = os.environ.get(DATA_ENV)
    return Path(configured) if configured else REPO.parent / "shared" / "data"


@dataclass(frozen=True)
class GoldStory:
    """One annotated story: how the parser should cut it and what enrichment should find."""

    title: str | None
    publisher: str | None
    published: str | None
    first_words: str
    last_words: str
    entities: Mapping[str, tuple[str, ...]]
    figures: tuple[tuple[int, str], ...]  # (count, kind); vague amounts left out


@dataclass(frozen=True)
class AnnotatedPage:
    """A rendered-text page with its gold stories and boilerplate lines."""

    set_name: str  # "seed" or "pages-dev"
    name: str
    raw: str
    stories: tuple[GoldStory, ...]
    boilerplate: tuple[str, ...]
    content_type: str | None  # None: let the service sniff it, as for a bare crawler record
    url: str | None

    def gold_body(self, index: int) -> str:
        """The gold body of story `index`: first to last words, boilerplate lines dropped.

        Paragraphs are joined by a blank line, as the service writes bodies, so enrichment can
        be measured on what a perfect parser would hand it.
        """
        story = self.stories[index]
        start = self.raw.index(story.first_words)
        end = self.raw.index(story.last_words, start) + len(story.last_words)
        dropped = {line.strip() for line in self.boilerplate}
        lines = (line.strip() for line in self.raw[start:end].splitlines())
        return "\n\n".join(line for line in lines if line and line not in dropped)


@dataclass(frozen=True)
class Incident:
    """A short incident text with independently coded killed and wounded numbers."""

    id: str
    text: str
    killed: int
    wounded: int


@dataclass(frozen=True)
class BenchmarkPage:
    """An HTML page of the article-extraction benchmark with its reference body."""

    id: str
    html: str
    truth: str
    url: str | None


def _story(article: Mapping[str, Any]) -> GoldStory:
    entities = article.get("entities") or {}
    figures = tuple(
        (int(c["count"]), str(c["kind"]))
        for c in article.get("casualties") or []
        if c.get("count") is not None
    )
    return GoldStory(
        title=article.get("title"),
        publisher=article.get("publisher"),
        published=article.get("published"),
        first_words=article["body_first_words"],
        last_words=article["body_last_words"],
        entities={label: tuple(entities.get(label) or ()) for label in LABELS},
        figures=figures,
    )


def load_seed(data: Path) -> list[AnnotatedPage]:
    """The seed page, or nothing when the folder has none."""
    seed = data / "seed"
    if not (seed / "gold.json").exists():
        return []
    gold = json.loads((seed / "gold.json").read_text(encoding="utf-8"))
    raw = (seed / gold.get("page", "page.txt")).read_text(encoding="utf-8")
    return [
        AnnotatedPage(
            set_name="seed",
            name="seed",
            raw=raw,
            stories=tuple(_story(a) for a in gold["articles"]),
            boilerplate=tuple(gold.get("boilerplate", [])),
            content_type=gold.get("content_type", "text/plain"),
            url=None,
        )
    ]


def load_pages_dev(data: Path) -> list[AnnotatedPage]:
    """The pages-dev pages in name order; their content type is left for the service to sniff."""
    pages = []
    for path in sorted((data / "pages-dev").glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        gold = page["gold"]
        pages.append(
            AnnotatedPage(
                set_name="pages-dev",
                name=path.stem,
                raw=page["raw"],
                stories=tuple(_story(a) for a in gold["articles"]),
                boilerplate=tuple(gold.get("boilerplate_examples", [])),
                content_type=None,
                url=page.get("url"),
            )
        )
    return pages


def load_pages(data: Path) -> list[AnnotatedPage]:
    """Every rendered-text page: the seed first, then pages-dev."""
    return load_seed(data) + load_pages_dev(data)


def load_incidents(data: Path) -> list[Incident]:
    """casualties-dev.jsonl, or nothing when the file is absent."""
    path = data / "casualties-dev.jsonl"
    if not path.exists():
        return []
    rows: Iterable[dict[str, Any]] = (
        json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip()
    )
    return [
        Incident(
            id=str(r["id"]), text=r["text"], killed=int(r["killed"]), wounded=int(r["wounded"])
        )
        for r in rows
    ]


def benchmark_dir(data: Path) -> Path:
    return data / "article-benchmark" / "dev"


def has_benchmark(data: Path) -> bool:
    return (benchmark_dir(data) / "ground-truth.json").exists()


def load_benchmark(data: Path) -> list[BenchmarkPage]:
    """The benchmark's dev half in id order; nothing when the folder is absent."""
    folder = benchmark_dir(data)
    if not has_benchmark(data):
        return []
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        BenchmarkPage(
            id=page_id,
            html=gzip.decompress((folder / f"{page_id}.html.gz").read_bytes()).decode("utf-8"),
            truth=expected["articleBody"],
            url=expected.get("url"),
        )
        for page_id, expected in sorted(truth.items())
    ]
