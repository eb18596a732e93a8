"""The gun-violence articles through the real parse and enrichment, cached between runs.

Each article of casualties-gva-dev goes in as a raw text page (its published date as the
fetch time) through the offline pipeline in this process, exactly what the worker runs. What
comes out for the article (its main story, entity events, casualty events and summary) is kept
in a cache file named after the data file and the files of the stages that made it, so a
change of the parser or the enricher makes a new one and re-runs of the linker cost seconds
rather than minutes. The cache holds derived messages for internal measurement only and lives
under `.cache/` (never committed). The plumbing between the stages (dedup, batching) does not
change what comes out, so only the stages and the message models name the cache.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsstream.models import Article, CasualtyEvent, CasualtySummary, EntityEvent
from tests.eval.sets import REPO

GVA_FILE = "casualties-gva-dev.jsonl"
CACHE_DIR = REPO / ".cache" / "eval"
_STAGES = ("parse", "enrich")
_MODULES = (
    "ids.py",
    *(f"models/{n}.py" for n in ("article", "casualty", "common", "entity", "envelope")),
)


@dataclass(frozen=True)
class GvaArticle:
    """One row of the gun-violence set: an article and the registry's incident it reports."""

    id: str
    text: str
    url: str | None
    published: str  # YYYY-MM-DD
    incident_id: str
    incident_date: str | None
    state: str | None
    city_or_county: str | None
    killed: int
    injured: int


@dataclass(frozen=True)
class Enriched:
    """What the pipeline emitted for one row's main story (None: nothing came out)."""

    row: GvaArticle
    article: Article | None
    entities: list[EntityEvent]
    casualties: list[CasualtyEvent]
    summary: CasualtySummary | None


def load_gva(data: Path) -> list[GvaArticle]:
    """The rows in the order of their published dates, then ids (the order they would come)."""
    path = data / GVA_FILE
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_bytes().split(b"\n") if line.strip()]
    articles = [
        GvaArticle(
            id=str(r["id"]),
            text=str(r["text"]),
            url=r.get("url"),
            published=str(r.get("dct") or r.get("incident_date")),
            incident_id=str(r["incident_id"]),
            incident_date=r.get("incident_date"),
            state=r.get("state"),
            city_or_county=r.get("city_or_county"),
            killed=int(r.get("killed") or 0),
            injured=int(r.get("injured") or r.get("wounded") or 0),
        )
        for r in rows
    ]
    return sorted(articles, key=lambda a: (a.published, a.id))


def _fingerprint(data_file: Path) -> str:
    """The data file and every file of the stages that produce the cached messages: their
    source and what ships beside it (the line model, word tables)."""
    digest = hashlib.sha256(data_file.read_bytes())
    root = REPO / "services" / "newsstream"
    for stage in _STAGES:
        shipped = (root / stage).rglob("*")
        for path in sorted(p for p in shipped if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    for name in _MODULES:
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:16]


def _envelope(row: GvaArticle) -> bytes:
    return json.dumps(
        {
            "body": row.text,
            "url": row.url,
            "fetched_at": f"{row.published}T12:00:00Z",
            "content_type": "text/plain",
        }
    ).encode()


def _run_pipeline(rows: Sequence[GvaArticle]) -> Iterator[dict[str, Any]]:
    """Each row through parse, dedup and enrich; dedup is fresh per row so that a story seen
    on two pages still maps each row to its article (both get the same article_id)."""
    from newsstream.models import Article as ArticleModel
    from newsstream.offline import OfflinePipeline, file_record
    from newsstream.offline import Overrides as _Overrides
    from newsstream.settings import get_settings

    pipeline = OfflinePipeline(get_settings(), in_process=True)
    try:
        for index, row in enumerate(rows):
            pipeline.forget()
            record = file_record(row.id, _envelope(row), _Overrides(), index=index)
            messages = [e.message for e in pipeline.run(record)]
            articles = [m for m in messages if isinstance(m, ArticleModel)]
            main = min(articles, key=lambda a: a.position) if articles else None
            found: dict[str, Any] = {"id": row.id, "article": None}
            if main is not None:
                mine = [m for m in messages if getattr(m, "article_id", None) == main.article_id]
                found = {
                    "id": row.id,
                    "article": main.model_dump(mode="json"),
                    "entities": [
                        m.model_dump(mode="json") for m in mine if isinstance(m, EntityEvent)
                    ],
                    "casualties": [
                        m.model_dump(mode="json") for m in mine if isinstance(m, CasualtyEvent)
                    ],
                    "summary": next(
                        (m.model_dump(mode="json") for m in mine if isinstance(m, CasualtySummary)),
                        None,
                    ),
                }
            yield found
    finally:
        pipeline.close()


def _parse(row: GvaArticle, stored: Mapping[str, Any]) -> Enriched:
    if stored.get("article") is None:
        return Enriched(row, None, [], [], None)
    summary = stored.get("summary")
    return Enriched(
        row=row,
        article=Article.model_validate(stored["article"]),
        entities=[EntityEvent.model_validate(e) for e in stored["entities"]],
        casualties=[CasualtyEvent.model_validate(c) for c in stored["casualties"]],
        summary=None if summary is None else CasualtySummary.model_validate(summary),
    )


def enriched_gva(data: Path, *, cache_dir: Path = CACHE_DIR) -> tuple[list[Enriched], float]:
    """Every row enriched (from the cache when current), in published order, and the seconds
    the pipeline took (0 when read from the cache)."""
    rows = load_gva(data)
    if not rows:
        return [], 0.0
    cache = cache_dir / f"incidents-gva-{_fingerprint(data / GVA_FILE)}.jsonl"
    seconds = 0.0
    if not cache.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(".partial")
        started = time.perf_counter()
        with partial.open("w", encoding="utf-8") as out:
            for done, found in enumerate(_run_pipeline(rows), start=1):
                out.write(json.dumps(found) + "\n")
                if done % 100 == 0:
                    rate = done / (time.perf_counter() - started)
                    print(f"  enriched {done}/{len(rows)} ({rate:.1f}/s)", file=sys.stderr)
        seconds = time.perf_counter() - started
        partial.replace(cache)
    stored = {}
    for line in cache.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        stored[item["id"]] = item
    return [_parse(row, stored[row.id]) for row in rows], seconds


if __name__ == "__main__":
    from tests.eval.sets import default_data_dir

    found, took = enriched_gva(default_data_dir())
    print(f"{len(found)} rows, {sum(f.article is not None for f in found)} articles, {took:.0f} s")
