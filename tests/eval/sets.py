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
class CodedRow:
    """A text with casualty numbers coded by others (casualties-*.jsonl).

    `killed`/`wounded` are the coded numbers (None where the project coded none);
    `*_stated` say whether that number appears in the text (None where not coded). In the
    gun-violence set the counts are per incident and include suspects; `*_victims` leave them
    out (None in sets that do not split them). `group` is what rows of one event share (the
    incident of the gun-violence set, else the row itself): the split into halves follows it.
    Whether a number is stated is judged on `text` alone.
    """

    id: str
    text: str
    killed: int
    wounded: int | None
    killed_stated: bool
    wounded_stated: bool | None
    group: str
    killed_victims: int | None = None
    wounded_victims: int | None = None
    title: str | None = None  # the article's headline, where the set gives one


#: The coded sets, in the order `make eval` prints them.
CODED_SETS = ("casualties-dev", "casualties-wad-dev", "casualties-gva-dev")


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _coded_row(row: Mapping[str, Any]) -> CodedRow:
    wounded = _optional_int(row.get("wounded"))
    stated = row.get("wounded_in_text")
    return CodedRow(
        id=str(row["id"]),
        text=str(row["text"]),
        killed=int(row["killed"]),
        wounded=wounded,
        killed_stated=bool(row.get("killed_in_text")),
        wounded_stated=None if wounded is None or stated is None else bool(stated),
        group=str(row.get("incident_id") or row["id"]),
        killed_victims=_optional_int(row.get("killed_victims")),
        wounded_victims=_optional_int(row.get("injured_victims")),
        title=str(row["title"]) if row.get("title") else None,
    )


def load_coded(data: Path, name: str) -> list[CodedRow]:
    """One coded casualty set (`name`.jsonl) in file order, or nothing when it is absent."""
    path = data / f"{name}.jsonl"
    if not path.exists():
        return []
    lines = path.read_bytes().split(b"\n")
    return [_coded_row(json.loads(line)) for line in lines if line.strip()]


@dataclass(frozen=True)
class BenchmarkPage:
    """An HTML page of the article-extraction benchmark with its reference body."""

    id: str
    html: str
    truth: str
    url: str | None
    title: str | None = None  # the reference headline, where the set gives one


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
    return load_html_set(benchmark_dir(data))


def html_more_dir(data: Path) -> Path:
    return data / "html-more"


def load_html_set(folder: Path) -> list[BenchmarkPage]:
    """HTML pages with reference bodies in the benchmark's layout (`<id>.html.gz` and
    `ground-truth.json`), in id order; nothing when the folder is absent."""
    if not (folder / "ground-truth.json").exists():
        return []
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        BenchmarkPage(
            id=page_id,
            html=gzip.decompress((folder / f"{page_id}.html.gz").read_bytes()).decode(
                "utf-8", "replace"
            ),
            truth=expected["articleBody"],
            url=expected.get("url"),
            title=expected.get("title"),
        )
        for page_id, expected in sorted(truth.items())
    ]
