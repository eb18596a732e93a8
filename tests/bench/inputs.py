"""What the benchmarks run on: reference pages and article bodies, and synthetic long pages.

Rendered-text pages come from the data folder when it holds them, else from the copies in
`tests/fixtures/reference`, so every part but the HTML one runs without the shared folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsstream.pipeline.language import detect_language

REPO = Path(__file__).resolve().parents[2]
FIXTURE_DATA = REPO / "tests" / "fixtures" / "reference"
#: Every page is parsed as if fetched at this moment, so relative dates resolve the same way.
FETCHED_AT = datetime(2025, 7, 19, 12, 0, tzinfo=UTC)
#: Headline of the synthetic long page; what follows it is real prose, repeated.
SYNTHETIC_TITLE = "Fighting in the south leaves dozens dead as aid convoys wait at the border"
_MIN_PARAGRAPH_CHARS = 120
#: Names of the full news articles start with this.
NEWS_PREFIX = "news-"


def default_data_dir() -> Path:
    """The shared data folder beside the repository."""
    return REPO.parent / "shared" / "data"


@dataclass(frozen=True)
class Page:
    """One raw page: a short name for tables, its body, and where it was fetched."""

    name: str
    body: str
    url: str | None


def benchmark_dir(data: Path) -> Path:
    return data / "article-benchmark" / "dev"


def has_benchmark(data: Path) -> bool:
    return any(benchmark_dir(data).glob("*.html.gz"))


def _ground_truth(data: Path) -> dict[str, Any]:
    path = benchmark_dir(data) / "ground-truth.json"
    if not path.is_file():
        return {}
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def html_pages(data: Path) -> list[Page]:
    """The benchmark's HTML pages, decompressed, with their URLs from the ground truth."""
    truth = _ground_truth(data)
    pages = []
    for path in sorted(benchmark_dir(data).glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        body = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        url = truth.get(page_id, {}).get("url")
        pages.append(Page(page_id[:12], body, url))
    return pages


def text_folder(data: Path) -> Path:
    """Where the seed page and pages-dev are read from: the data folder, else the fixtures."""
    if (data / "seed" / "page.txt").is_file() and (data / "pages-dev").is_dir():
        return data
    return FIXTURE_DATA


def text_pages(folder: Path) -> list[Page]:
    """The seed page and every pages-dev `raw` text: rendered text as crawlers store it."""
    pages = [Page("seed", (folder / "seed" / "page.txt").read_text(encoding="utf-8"), None)]
    for path in sorted((folder / "pages-dev").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        pages.append(Page(path.stem, document["raw"], document.get("url")))
    return pages


def news_articles(data: Path, limit: int) -> list[Page]:
    """Full local news articles as a crawler keeps their text: headline, blank line, text.

    The gun-violence set's articles, the same `limit` every run (ordered by a hash of their id).
    """
    path = data / "casualties-gva-dev.jsonl"
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows.sort(key=lambda row: hashlib.sha256(str(row["id"]).encode()).digest())
    pages: list[Page] = []
    for row in rows[:limit]:
        body = f"{row.get('title') or ''}\n\n{row['text']}".strip()
        pages.append(Page(f"{NEWS_PREFIX}{len(pages):03d}", body, row.get("url")))
    return pages


def realistic_pages(data: Path, *, html: int, news: int) -> list[Page]:
    """What a crawl sends: benchmark HTML pages, the rendered seed and pages-dev pages, and
    full news articles as text, at their real lengths, taken in turn so any first N pages
    mix the kinds; at most `html` and `news` of the two large kinds."""
    kinds = [html_pages(data)[:html], text_pages(text_folder(data)), news_articles(data, news)]
    mixed: list[Page] = []
    for index in range(max(len(kind) for kind in kinds)):
        mixed.extend(kind[index] for kind in kinds if index < len(kind))
    return mixed


def benchmark_bodies(data: Path) -> list[str]:
    """The hand-made article bodies of the HTML benchmark's ground truth."""
    return [
        entry["articleBody"] for entry in _ground_truth(data).values() if entry.get("articleBody")
    ]


def gold_bodies(folder: Path) -> list[str]:
    """Bodies of the annotated pages-dev stories, cut from the raw text as the gold says."""
    bodies = []
    for path in sorted((folder / "pages-dev").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        raw: str = document["raw"]
        gold = document.get("gold", {})
        dropped = {line.strip() for line in gold.get("boilerplate_examples", [])}
        for story in gold.get("articles", []):
            try:
                start = raw.index(story["body_first_words"])
                end = raw.index(story["body_last_words"], start) + len(story["body_last_words"])
            except (KeyError, ValueError):
                continue
            lines = (line.strip() for line in raw[start:end].splitlines())
            bodies.append("\n\n".join(line for line in lines if line and line not in dropped))
    return bodies


def english(bodies: Iterable[str]) -> list[str]:
    """Only English bodies: enrichment skips other languages, so they would flatter it."""
    return [body for body in bodies if detect_language(body) == "en"]


def prose_paragraphs(pages: Sequence[Page]) -> list[str]:
    """Long lines of the rendered pages: real article paragraphs, not menus or captions."""
    return [
        line.strip()
        for page in pages
        for line in page.body.splitlines()
        if len(line.strip()) >= _MIN_PARAGRAPH_CHARS
    ]


def synthetic_page(paragraphs: Sequence[str], size: int) -> str:
    """A headline and real paragraphs repeated in turn until the page is `size` characters."""
    if not paragraphs:
        raise ValueError("no paragraphs to build a page from")
    parts = [SYNTHETIC_TITLE]
    length = len(SYNTHETIC_TITLE)
    index = 0
    while length < size:
        paragraph = paragraphs[index % len(paragraphs)]
        parts.append(paragraph)
        length += len(paragraph) + 2
        index += 1
    return "\n\n".join(parts)
