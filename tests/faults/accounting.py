"""Counting what became of every page sent: the measure every fault scenario ends with.

A page is accounted for when an article with its URL was published, or a dead letter carries
its key. Copies of an article event with the same `event_id` are redeliveries (at-least-once
after a crash, harmless to consumers that de-duplicate on it); two different `event_id`s for
one article version would be a real duplicate.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import orjson

from newsstream.settings import Settings
from newsstream.topology import TopicNames
from tests.support.streams import read_to_end

TOWNS = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum", "Hazel", "Ivy", "Juniper"]
FETCHED_AT = "2025-07-19T12:00:00Z"


@dataclass(frozen=True)
class Page:
    key: bytes
    value: bytes
    url: str | None  # None: a bad record, expected to become a dead letter


def mixed_pages(fixtures: Path, count: int, *, run: str) -> list[Page]:
    """Text and HTML pages, each its own story, and every fifteenth record broken."""
    text = (fixtures / "pages" / "harbour-fire.txt").read_text()
    html = (fixtures / "html" / "article.html").read_text()
    pages = []
    for n in range(count):
        key = f"{run}-{n}".encode()
        if n % 15 == 14:
            pages.append(Page(key, b'{"body": ["not", "text"]}', None))
            continue
        url = f"https://example.org/{run}/{n}"
        if n % 3 == 0:
            body, kind = html.replace("river valley", f"river valley {n}"), "text/html"
        else:
            body, kind = text.replace("Port Elm", f"{TOWNS[n % len(TOWNS)]}haven {n}"), "text/plain"
        envelope = {"body": body, "url": url, "fetched_at": FETCHED_AT, "content_type": kind}
        pages.append(Page(key, orjson.dumps(envelope), url))
    return pages


@dataclass(frozen=True)
class Count:
    scenario: str
    sent: int
    accounted: int
    lost: int
    redelivered: int
    duplicated: int

    def line(self) -> str:
        return (
            f"{self.scenario:<34} sent {self.sent:>6}  accounted {self.accounted:>6}"
            f"  lost {self.lost:>4}  redelivered {self.redelivered:>4}"
            f"  duplicated {self.duplicated:>3}"
        )


def account(scenario: str, bootstrap: str, topics: TopicNames, pages: list[Page]) -> Count:
    """Read the output topics to their ends and count every page's fate."""
    articles = read_to_end(bootstrap, topics.articles)
    letters = read_to_end(bootstrap, topics.raw_dlq)
    published = {orjson.loads(r.value)["url"] for r in articles}
    lettered = {orjson.loads(r.value)["original"]["key"] for r in letters}
    accounted = sum(
        1
        for page in pages
        if (page.url is not None and page.url in published) or page.key.decode() in lettered
    )
    ids = Counter(_header(r, "ce_id") for r in articles)
    versions = Counter((r.key, orjson.loads(r.value)["content_hash"]) for r in articles)
    redelivered = sum(n - 1 for n in ids.values())
    duplicated = sum(n - 1 for n in versions.values()) - redelivered
    count = Count(scenario, len(pages), accounted, len(pages) - accounted, redelivered, duplicated)
    print(count.line())
    return count


def _header(record: object, name: str) -> str:
    for key, value in getattr(record, "headers", ()):
        if key == name:
            return bytes(value).decode()
    return ""


def fresh(bootstrap: str, name: str, partitions: int, replication: int = 1) -> Settings:
    from tests.support.streams import create_topics, settings_for

    settings = settings_for(bootstrap, f"{name}-{uuid.uuid4().hex[:8]}.")
    settings = settings.model_copy(
        update={"topic_partitions": partitions, "topic_replication_factor": replication}
    )
    create_topics(settings)
    return settings
