"""Drive the service as a user would: envelopes in a JSONL file, one `newsstream process` run.

One process per set pays the spaCy load once. Its CloudEvents lines are grouped back to the page
they came from: articles carry the page `url` (each envelope gets a unique one), the other events
carry `article_id`. The same story on two pages has the same `article_id` (and the command prints
it once, for the first page), so an enrichment event is given to the page whose articles were
printed last before it (the command prints each page's articles, then their enrichment), and only
failing that to any page holding that id.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.eval.sets import REPO

# Fixed so relative dates resolve the same on every run (the parse scores compare the text only).
FETCHED_AT = datetime(2025, 7, 21, 12, 0, tzinfo=UTC)
ARTICLE = "news.article.v1"
ENTITY = "news.entity.v1"
CASUALTY = "news.casualty.v1"
SUMMARY = "news.casualty_summary.v1"
DEAD_LETTER = "news.dead_letter.v1"


class ServiceError(RuntimeError):
    """The command crashed or left a page unaccounted for: the figures would be meaningless."""


@dataclass(frozen=True)
class Envelope:
    """One raw page as a producer would send it."""

    url: str
    body: str
    content_type: str | None = None

    def line(self) -> str:
        record: dict[str, str] = {
            "body": self.body,
            "url": self.url,
            "fetched_at": FETCHED_AT.isoformat().replace("+00:00", "Z"),
        }
        if self.content_type is not None:
            record["content_type"] = self.content_type
        return json.dumps(record, ensure_ascii=False)


@dataclass(frozen=True)
class EntityOut:
    name: str
    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CasualtyOut:
    count: int | None
    kind: str
    is_total: bool
    part_of: str | None


@dataclass
class ArticleOut:
    """An emitted article with the enrichment events that name it."""

    article_id: str
    url: str | None
    position: int
    title: str | None
    publisher: str | None
    published_text: str | None
    body: str
    entities: list[EntityOut] = field(default_factory=list)
    casualties: list[CasualtyOut] = field(default_factory=list)
    totals: dict[str, int | None] | None = None  # the casualty summary; None: none was emitted


@dataclass(frozen=True)
class DeadLetterOut:
    error_type: str
    message: str
    stage: str


@dataclass
class PageOut:
    """Everything the command printed for one envelope."""

    url: str
    articles: list[ArticleOut] = field(default_factory=list)
    dead_letters: list[DeadLetterOut] = field(default_factory=list)

    def main_article(self) -> ArticleOut | None:
        return min(self.articles, key=lambda a: a.position, default=None)


@dataclass
class RunResult:
    """One command run: outputs per envelope URL, in input order."""

    pages: dict[str, PageOut]
    seconds: float
    returncode: int
    stderr: str

    def silent(self) -> list[str]:
        """Pages that gave neither an article nor a dead letter.

        The command de-duplicates stories across its whole input, so a page whose every story
        was printed for an earlier page legitimately gives nothing; anything else is a bug.
        """
        return [
            url for url, page in self.pages.items() if not page.articles and not page.dead_letters
        ]


def unique_urls(wanted: Sequence[str | None], set_name: str) -> list[str]:
    """Each page's own URL when it has a fresh one, else a made-up one under `.invalid`."""
    seen: set[str] = set()
    urls = []
    for index, url in enumerate(wanted):
        chosen = url if url and url not in seen else f"https://eval.invalid/{set_name}/{index}"
        seen.add(chosen)
        urls.append(chosen)
    return urls


def cli_command() -> list[str]:
    """The `newsstream` script of the running interpreter's environment, else the one on PATH."""
    beside = Path(sys.executable).parent / "newsstream"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("newsstream")
    if found is None:
        raise ServiceError("the `newsstream` command is not installed (run `make install`)")
    return [found]


def run_process(envelopes: Sequence[Envelope], *, timeout: float = 900.0) -> RunResult:
    """Run `newsstream process --jsonl` once on all envelopes and group what it prints."""
    urls = [e.url for e in envelopes]
    if len(set(urls)) != len(urls):
        raise ValueError("every envelope needs its own url, or outputs cannot be told apart")
    with tempfile.TemporaryDirectory(prefix="newsstream-eval-") as folder:
        path = Path(folder) / "pages.jsonl"
        path.write_text("".join(e.line() + "\n" for e in envelopes), encoding="utf-8")
        started = time.perf_counter()
        done = subprocess.run(
            [*cli_command(), "process", "--jsonl", str(path)],
            capture_output=True,
            cwd=REPO,
            env=os.environ.copy(),
            timeout=timeout,
            check=False,
        )
        seconds = time.perf_counter() - started
    stderr = done.stderr.decode("utf-8", errors="replace")
    # Split on newlines only: str.splitlines() would also cut at U+2028 inside a JSON string.
    lines = done.stdout.split(b"\n")
    try:
        pages = group([json.loads(line) for line in lines if line.strip()], urls)
    except (ValueError, KeyError, ServiceError) as error:  # cut short by a crash, or misplaced
        raise ServiceError(f"unreadable output ({error}); stderr:\n{stderr[-3000:]}") from error
    dead = sum(len(p.dead_letters) for p in pages.values())
    # Exit status 1 is documented for "some input was dead-lettered"; a traceback is not that.
    crashed = done.returncode not in (0, 1) or (done.returncode == 1 and not dead)
    if crashed or "Traceback (most recent call last)" in stderr:
        raise ServiceError(f"`newsstream process` failed ({done.returncode}):\n{stderr[-3000:]}")
    return RunResult(pages=pages, seconds=seconds, returncode=done.returncode, stderr=stderr)


def _dead_letter_url(data: dict[str, Any], urls: Sequence[str]) -> str | None:
    """The page a dead letter is about: the URL in its original value, else its line number."""
    original = data.get("original") or {}
    value = original.get("value")
    if isinstance(value, str):
        try:
            record = json.loads(value)
        except ValueError:
            record = None
        if isinstance(record, dict) and record.get("url") in urls:
            return str(record["url"])
    offset = original.get("offset")  # `process --jsonl` numbers the lines from 1
    if isinstance(offset, int) and 1 <= offset <= len(urls):
        return urls[offset - 1]
    return None


def group(events: Sequence[dict[str, Any]], urls: Sequence[str]) -> dict[str, PageOut]:
    """Sort the printed events into pages, in the order described in the module docstring."""
    pages = {url: PageOut(url) for url in urls}
    by_id: dict[str, list[ArticleOut]] = {}
    current: dict[str, ArticleOut] = {}  # the articles of the page printed last
    current_url: str | None = None
    for event in events:
        kind, data = event.get("type"), event.get("data") or {}
        if kind == ARTICLE:
            article = ArticleOut(
                article_id=data["article_id"],
                url=data.get("url"),
                position=int(data.get("position", 0)),
                title=data.get("title"),
                publisher=data.get("publisher"),
                published_text=data.get("published_text"),
                body=data.get("body") or "",
            )
            if article.url not in pages:
                raise ServiceError(f"an article with an unknown url: {article.url!r}")
            if article.url != current_url:
                current, current_url = {}, article.url
            current[article.article_id] = article
            pages[article.url].articles.append(article)
            by_id.setdefault(article.article_id, []).append(article)
        elif kind == DEAD_LETTER:
            error = data.get("error") or {}
            url = _dead_letter_url(data, urls)
            if url is None:
                raise ServiceError(f"a dead letter that names no page: {error}")
            pages[url].dead_letters.append(
                DeadLetterOut(
                    error_type=str(error.get("type")),
                    message=str(error.get("message")),
                    stage=str(error.get("stage")),
                )
            )
        elif kind in (ENTITY, CASUALTY, SUMMARY):
            article_id = data.get("article_id")
            target = current.get(article_id) if isinstance(article_id, str) else None
            if target is None:
                found = by_id.get(str(article_id))
                if not found:
                    raise ServiceError(f"{kind} for an article never printed: {article_id}")
                target = found[0]
            if kind == ENTITY:
                target.entities.append(
                    EntityOut(
                        name=data["name"],
                        label=data["label"],
                        aliases=tuple(data.get("aliases") or ()),
                    )
                )
            elif kind == CASUALTY:
                target.casualties.append(
                    CasualtyOut(
                        count=data.get("count"),
                        kind=str(data["kind"]),
                        is_total=bool(data.get("is_total")),
                        part_of=data.get("part_of"),
                    )
                )
            else:
                target.totals = dict(data.get("totals") or {})
    return pages
