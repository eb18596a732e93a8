"""Part 0: the off-the-shelf assembly beside our parse + enrich, each in one process on one core.

The assembly is what a user would script in an afternoon instead of running the service:
trafilatura for an HTML page (a text page's whole text), spaCy's `en_core_web_sm` with every
component over each text with `nlp.pipe`, and a regular expression counting casualty phrases.
Ours is the pure pipeline the worker runs (parse, de-duplicate, enrich, events out), in one
process. Both read the same pages in the same order, each in a child process pinned to the same
core with `taskset`, timed after loading and after one untimed pass over a few pages.

Run as a child: python -m tests.bench.assembly SIDE PAGES.jsonl ROUNDS -> one JSON line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from tests.bench.inputs import FETCHED_AT, Page
from tests.bench.report import number, peak_mb, rate

SIDES = ("assembly", "ours")
_WARM_UP_PAGES = 3
#: The baseline's whole casualty logic: a number, then within a few words a casualty word.
_CASUALTY = re.compile(
    r"\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\b"
    r"(?:\W+\w+){0,4}?\W+(killed|dead|died|injured|wounded|hurt|missing)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SideFigures:
    """One side over the pages: its best round, and what it loaded and kept in memory."""

    side: str
    pages: int
    articles: int
    words: int
    rounds: int
    load_s: float
    seconds: float
    pages_per_s: float
    articles_per_s: float
    words_per_s: float
    rss_mb: float

    def row(self) -> list[str]:
        return [
            self.side,
            str(self.pages),
            str(self.articles),
            number(self.load_s, 2),
            number(self.seconds, 2),
            number(self.pages_per_s, 2),
            number(self.articles_per_s, 2),
            number(self.words_per_s, 0),
            number(self.rss_mb, 0),
        ]


SIDE_HEADERS = [
    "side (one core)",
    "pages",
    "articles",
    "load s",
    "seconds",
    "pages/s",
    "articles/s",
    "words/s",
    "peak RSS MB",
]
SIDE_NAMES = {
    "assembly": "(a) trafilatura + spaCy sm, all components + regex",
    "ours": "(b) ours: parse + enrich, in process",
}


def page_words(page: Page) -> int:
    """Words a reader sees on the page: trafilatura's text of an HTML page, else the text."""
    if is_html(page.body):
        import trafilatura

        return len((trafilatura.extract(page.body) or "").split())
    return len(page.body.split())


def is_html(body: str) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


# -- the two sides, as run in the pinned child ------------------------------------------------


def _assembly() -> tuple[Callable[[Sequence[Page]], int], float]:
    """The baseline's pass over pages: one article per page with any text."""
    import spacy
    import trafilatura

    from newsstream.settings import get_settings

    start = time.perf_counter()
    nlp = spacy.load(get_settings().spacy_model)

    def run(pages: Sequence[Page]) -> int:
        texts = []
        for page in pages:
            text = (trafilatura.extract(page.body) or "") if is_html(page.body) else page.body
            if text.strip():
                texts.append(text)
        figures = 0
        for doc in nlp.pipe(texts, batch_size=16):
            figures += sum(1 for _ in _CASUALTY.finditer(doc.text))
            figures += sum(1 for ent in doc.ents if ent.label_ in {"CARDINAL", "QUANTITY"})
        return len(texts)

    return run, time.perf_counter() - start


def _ours() -> tuple[Callable[[Sequence[Page]], int], float]:
    """The worker's pipeline in this process; a fresh one per pass, so none is de-duplicated."""
    from newsstream.offline import OfflinePipeline
    from newsstream.pipeline.records import ConsumedRecord
    from newsstream.settings import get_settings
    from newsstream.topology import Topic

    start = time.perf_counter()
    OfflinePipeline(get_settings(), in_process=True)

    def run(pages: Sequence[Page]) -> int:
        pipeline = OfflinePipeline(get_settings(), in_process=True)
        articles = 0
        for offset, page in enumerate(pages):
            value = {"body": page.body, "url": page.url, "fetched_at": FETCHED_AT.isoformat()}
            record = ConsumedRecord(
                topic="bench",
                partition=0,
                offset=offset,
                key=page.name.encode(),
                value=orjson.dumps(value),
                timestamp=FETCHED_AT,
            )
            emitted = pipeline.run(record)
            articles += sum(1 for emission in emitted if emission.output is Topic.ARTICLES)
        return articles

    return run, time.perf_counter() - start


def _child(side: str, pages_path: Path, rounds: int) -> dict[str, Any]:
    pages = [Page(**json.loads(line)) for line in pages_path.read_text().splitlines()]
    run, load_s = _assembly() if side == "assembly" else _ours()
    run(pages[:_WARM_UP_PAGES])
    timings = []
    articles = 0
    for _ in range(rounds):
        start = time.perf_counter()
        articles = run(pages)
        timings.append(time.perf_counter() - start)
    rss_mb = peak_mb("self")
    return {"load_s": load_s, "seconds": min(timings), "articles": articles, "rss_mb": rss_mb}


# -- the parent: write the pages, run each side pinned --------------------------------------------


def compare_sides(pages: Sequence[Page], *, rounds: int, cpu: int = 0) -> list[SideFigures]:
    """(a) and (b) over the same pages, each in a child pinned to `cpu`."""
    if shutil.which("taskset") is None:
        raise RuntimeError("taskset (util-linux) is needed to pin each side to one core")
    words = sum(page_words(page) for page in pages)
    results = []
    with tempfile.TemporaryDirectory(prefix="newsstream-bench-") as work:
        path = Path(work) / "pages.jsonl"
        path.write_text(
            "\n".join(json.dumps({"name": p.name, "body": p.body, "url": p.url}) for p in pages)
        )
        for side in SIDES:
            command = ["taskset", "-c", str(cpu), sys.executable, "-m", __name__, side]
            done = subprocess.run(
                [*command, str(path), str(rounds)],
                capture_output=True,
                text=True,
                check=False,
                env=os.environ | {"PYTHONWARNINGS": "ignore"},
            )
            if done.returncode != 0:
                raise RuntimeError(f"side {side} failed: {done.stderr[-2000:]}")
            found = json.loads(done.stdout.strip().splitlines()[-1])
            seconds = found["seconds"]
            results.append(
                SideFigures(
                    side=SIDE_NAMES[side],
                    pages=len(pages),
                    articles=found["articles"],
                    words=words,
                    rounds=rounds,
                    load_s=found["load_s"],
                    seconds=seconds,
                    pages_per_s=rate(len(pages), seconds),
                    articles_per_s=rate(found["articles"], seconds),
                    words_per_s=rate(words, seconds),
                    rss_mb=found["rss_mb"],
                )
            )
    return results


if __name__ == "__main__":
    side_name, pages_file, round_count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(_child(side_name, pages_file, round_count)))
