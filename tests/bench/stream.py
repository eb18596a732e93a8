"""Part 4: one `newsstream worker` end to end on a real broker, beside a plain round trip.

The same page values go through a plain topic (aiokafka produce → consume: the broker's
ceiling on this machine) and through the service (raw page → casualty summaries), on the
same broker in the same run. A page is done when every article it yields has its summary;
its latency runs from its produce timestamp to the timestamp of its last summary.

Every page is a real one (the seed and pages-dev) with its headlines tagged "(update N)", so
the de-duplication table keeps every copy. Which articles each copy yields is found first
with the same pure pipeline the worker runs, so the run knows when it is complete.
"""

from __future__ import annotations

import asyncio
import logging
import re
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from subprocess import Popen
from typing import Any, Protocol

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from newsstream.models import EventType
from newsstream.parse import ParseError, Story, extract_stories
from newsstream.pipeline.pages import PageLimits, process_page_record
from newsstream.pipeline.records import ConsumedRecord, Output
from newsstream.settings import Settings, TopicNames
from tests.bench.inputs import FETCHED_AT, Page
from tests.bench.report import number, percentile, rate
from tests.support.kafka import kafka_for_tests
from tests.support.streams import create_topics, running_worker, settings_for

_LOG_TIME = re.compile(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\]")
_READY_LINE = "[^Worker]: Ready"
_SUMMARY = EventType.CASUALTY_SUMMARY.value.encode()
_MAX_REQUEST_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Marked:
    """A page as produced: key (its unique URL), envelope value, and the articles it yields."""

    key: str
    value: bytes
    article_ids: frozenset[str]


def _tagged(body: str, stories: Sequence[Story], tag: str, *, lead: bool) -> str:
    """Append "(tag)" to each story's headline line; with `lead`, also prefix its first line.

    The article id is made of the headline and the opening words, so either makes a copy new.
    """
    for story in stories:
        if story.title and story.title in body:
            end = body.find("\n", body.index(story.title))
            end = len(body) if end < 0 else end
            body = f"{body[:end]} ({tag}){body[end:]}"
        if lead or not story.title or story.title not in body:
            first_line = story.paragraphs[0].splitlines()[0][:60]
            at = body.find(first_line)
            if at >= 0:
                body = f"{body[:at]}{tag.capitalize()}: {body[at:]}"
    return body


def expected_articles(key: str, value: bytes, settings: Settings) -> frozenset[str]:
    """The article ids the worker's parse stage yields for this record (none: a dead letter)."""
    record = ConsumedRecord(
        topic="bench", partition=0, offset=0, key=key.encode(), value=value, timestamp=FETCHED_AT
    )
    limits = PageLimits(settings.max_page_bytes, settings.max_message_bytes // 2)
    return frozenset(
        emission.key
        for emission in process_page_record(record, limits)
        if emission.output is Output.PARSED and emission.key
    )


def marked_pages(originals: Sequence[Page], count: int, settings: Settings) -> list[Marked]:
    """`count` distinct pages cycling through the originals, none sharing an article id."""
    usable: list[tuple[Page, list[Story]]] = []
    for page in originals:
        try:
            stories = extract_stories(page.body, content_type=None, url=None, fetched_at=FETCHED_AT)
        except ParseError:
            continue  # e.g. a comments page: a dead letter, not a page to time
        usable.append((page, stories))
    if not usable:
        raise RuntimeError("none of the pages yields an article")
    taken: set[str] = set()
    pages: list[Marked] = []
    attempt = 0
    while len(pages) < count and attempt < 3 * count:
        page, stories = usable[attempt % len(usable)]
        attempt += 1
        key = f"https://bench.example.org/{attempt:05d}/{page.name}"
        for lead in (False, True):
            body = _tagged(page.body, stories, f"update {attempt}", lead=lead)
            value = orjson.dumps({"body": body, "url": key, "fetched_at": FETCHED_AT.isoformat()})
            ids = expected_articles(key, value, settings)
            if ids and not ids & taken:
                taken |= ids
                pages.append(Marked(key, value, ids))
                break
    return pages


class Tracker(Protocol):
    """Reads output records and says when each page is done."""

    topics: list[str]
    finished: dict[str, float]  # page key -> when it was done (epoch seconds)
    records: int

    def feed(self, record: Any, received: float) -> None: ...


class RoundTrip:
    """The baseline: a page is done when a plain consumer receives it back."""

    def __init__(self, topic: str) -> None:
        self.topics = [topic]
        self.finished: dict[str, float] = {}
        self.records = 0

    def feed(self, record: Any, received: float) -> None:
        self.records += 1
        self.finished[record.key.decode()] = received


class Summaries:
    """The service: a page is done when each of its articles has its casualty summary.

    The summary is the last event of an article. Articles read from the articles topic add
    any the worker found beyond what the offline parse expected, so the run does not hang.
    """

    def __init__(self, names: TopicNames, expected: Mapping[str, frozenset[str]]) -> None:
        self.topics = [names.articles, names.casualties]
        self._articles_topic = names.articles
        self._page_of = {article: key for key, ids in expected.items() for article in ids}
        self._waiting = {key: set(ids) for key, ids in expected.items()}
        self._last: dict[str, float] = {}
        self._early: dict[str, float] = {}  # summaries of articles not yet known
        self.finished: dict[str, float] = {}
        self.records = 0
        self.articles = 0

    def feed(self, record: Any, received: float) -> None:
        self.records += 1
        article = record.key.decode()
        if record.topic == self._articles_topic:
            self.articles += 1
            url = orjson.loads(record.value).get("url")
            if url in self._waiting and article not in self._page_of:
                self._page_of[article] = url
                self._waiting[url].add(article)
                if article in self._early:
                    self._summarised(article, self._early.pop(article))
            return
        if ("ce_type", _SUMMARY) not in record.headers:
            return
        if article in self._page_of:
            self._summarised(article, record.timestamp / 1000)
        else:
            self._early[article] = record.timestamp / 1000

    def _summarised(self, article: str, at: float) -> None:
        key = self._page_of[article]
        self._last[key] = max(self._last.get(key, 0.0), at)
        waiting = self._waiting[key]
        waiting.discard(article)
        if not waiting and key not in self.finished:
            self.finished[key] = self._last[key]


@dataclass(frozen=True)
class Flow:
    """When each page was produced and when it was done."""

    produced: dict[str, float]
    finished: dict[str, float]
    complete: bool


async def _assign_at_end(consumer: Any, topics: Sequence[str], timeout: float = 30.0) -> None:
    """Read the topics from their current end, resolved before anything is produced."""
    deadline = time.monotonic() + timeout
    while not all(consumer.partitions_for_topic(topic) for topic in topics):
        if time.monotonic() > deadline:
            raise TimeoutError(f"topics {topics} never appeared")
        await consumer._client.force_metadata_update()  # as tests/support/streams.py does
        await asyncio.sleep(0.1)
    partitions = [
        TopicPartition(topic, partition)
        for topic in topics
        for partition in sorted(consumer.partitions_for_topic(topic))
    ]
    consumer.assign(partitions)
    # A topic created a moment ago may not have its leader yet: aiokafka logs an error, then
    # retries and succeeds (a lasting failure still raises here).
    fetcher = logging.getLogger("aiokafka.consumer.fetcher")
    level = fetcher.level
    fetcher.setLevel(logging.CRITICAL)
    try:
        await consumer.seek_to_end(*partitions)
        for partition in partitions:
            await consumer.position(partition)
    finally:
        fetcher.setLevel(level)


async def _read(consumer: Any, tracker: Tracker, stop: asyncio.Event) -> None:
    while not stop.is_set():
        batches = await consumer.getmany(timeout_ms=50)
        received = time.time()
        for records in batches.values():
            for record in records:
                tracker.feed(record, received)


async def _wait(
    done: Callable[[], bool],
    tracker: Tracker,
    worker: Popen[bytes] | None,
    *,
    idle_seconds: float,
    timeout: float,
) -> bool:
    """Until `done()`; False when the outputs stop coming or time runs out."""
    deadline = time.monotonic() + timeout
    seen = tracker.records
    quiet_since = time.monotonic()
    while not done():
        if worker is not None and worker.poll() is not None:
            raise RuntimeError(f"the worker exited with status {worker.returncode}")
        now = time.monotonic()
        if tracker.records != seen:
            seen, quiet_since = tracker.records, now
        if now - quiet_since > idle_seconds or now > deadline:
            return False
        await asyncio.sleep(0.005)
    return True


async def _drive(
    bootstrap: str,
    topic: str,
    pages: Sequence[Marked],
    tracker: Tracker,
    *,
    paced: bool,
    worker: Popen[bytes] | None = None,
    idle_seconds: float = 90.0,
    timeout: float = 1800.0,
) -> Flow:
    """Produce the pages (all at once, or each after the previous is done) and track them."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        max_partition_fetch_bytes=_MAX_REQUEST_BYTES,
    )
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", max_request_size=_MAX_REQUEST_BYTES
    )
    await consumer.start()
    await producer.start()
    stop = asyncio.Event()
    reader: asyncio.Task[None] | None = None
    try:
        await _assign_at_end(consumer, tracker.topics)
        reader = asyncio.create_task(_read(consumer, tracker, stop))
        produced: dict[str, float] = {}
        complete = True
        if paced:
            for page in pages:
                meta = await producer.send_and_wait(topic, page.value, key=page.key.encode())
                produced[page.key] = meta.timestamp / 1000

                def page_done(key: str = page.key) -> bool:
                    return key in tracker.finished

                complete &= await _wait(
                    page_done, tracker, worker, idle_seconds=idle_seconds, timeout=timeout
                )
        else:
            futures = [await producer.send(topic, p.value, key=p.key.encode()) for p in pages]
            metas = await asyncio.gather(*futures)
            produced = {p.key: m.timestamp / 1000 for p, m in zip(pages, metas, strict=True)}
            complete = await _wait(
                lambda: all(p.key in tracker.finished for p in pages),
                tracker,
                worker,
                idle_seconds=idle_seconds,
                timeout=timeout,
            )
        return Flow(produced, dict(tracker.finished), complete)
    finally:
        stop.set()
        if reader is not None:
            await reader
        await producer.stop()
        await consumer.stop()


@dataclass(frozen=True)
class FlowFigures:
    """Throughput and per-page latency of one run of pages."""

    label: str
    pages: int
    done: int
    seconds: float
    pages_per_s: float
    p50_ms: float
    p95_ms: float
    max_ms: float

    @classmethod
    def of(cls, label: str, flow: Flow, keys: Sequence[str]) -> FlowFigures:
        latencies = [flow.finished[k] - flow.produced[k] for k in keys if k in flow.finished]
        done = len(latencies)
        span = (
            max(flow.finished[k] for k in keys if k in flow.finished)
            - min(flow.produced[k] for k in keys)
            if done
            else float("nan")
        )
        return cls(
            label=label,
            pages=len(keys),
            done=done,
            seconds=span,
            pages_per_s=rate(done, span),
            p50_ms=percentile(latencies, 50) * 1000,
            p95_ms=percentile(latencies, 95) * 1000,
            max_ms=max(latencies, default=float("nan")) * 1000,
        )

    def row(self) -> list[str]:
        return [
            self.label,
            f"{self.done}/{self.pages}",
            number(self.seconds, 2),
            number(self.pages_per_s),
            number(self.p50_ms),
            number(self.p95_ms),
            number(self.max_ms),
        ]


FLOW_HEADERS = ["run", "pages done", "seconds", "pages/s", "p50 ms", "p95 ms", "max ms"]


@dataclass(frozen=True)
class Startup:
    """Seconds from starting the worker process to each milestone."""

    first_log_s: float | None  # imports done, spaCy loaded: Faust logs its first line
    ready_s: float | None  # joined the group, got its partitions: Faust logs "Ready"
    first_summary_s: float | None  # the summary of a page produced at process start


@dataclass(frozen=True)
class EndToEnd:
    """Everything part 4 measured."""

    broker: str
    broker_start_s: float
    partitions: int
    pages: int
    articles: int
    kb_per_page: float
    startup: Startup
    flows: list[FlowFigures]


def _log_times(log: Path) -> tuple[float | None, float | None]:
    """Epoch seconds of the worker's first log line and of its "Ready" line."""
    first = ready = None
    for line in log.read_text(errors="replace").splitlines():
        match = _LOG_TIME.match(line)
        if not match:
            continue
        at = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
        first = at if first is None else first
        if _READY_LINE in line:
            ready = at
            break
    return first, ready


def run_end_to_end(pages: Sequence[Page], count: int, paced: int) -> EndToEnd:
    """Start a broker, run the round-trip baseline, then one worker on the same pages."""
    prefix = f"bench-{uuid.uuid4().hex[:8]}."
    marked = marked_pages(pages, count + paced + 1, Settings())
    if len(marked) < 2 + paced:
        raise RuntimeError(f"only {len(marked)} distinct pages could be made")
    warm_up, slow, burst = marked[0], marked[1 : 1 + paced], marked[1 + paced :]
    expected = {page.key: page.article_ids for page in marked}
    with tempfile.TemporaryDirectory(prefix="newsstream-bench-") as work:
        started = time.monotonic()
        with kafka_for_tests(Path(work) / "kafka") as (bootstrap, how):
            broker_start = time.monotonic() - started
            settings = settings_for(bootstrap, prefix)
            plain = settings_for(bootstrap, f"{prefix}plain.")
            create_topics(settings)
            create_topics(plain)
            topic = plain.topics.raw
            flows: list[tuple[str, Flow, list[Marked]]] = []
            # The warm-up page goes first, untimed, as it does through the service.
            for label, sent, chosen, is_paced in (
                ("round trip, one at a time", [warm_up, *slow], slow, True),
                ("round trip, burst", burst, burst, False),
            ):
                flow = asyncio.run(_drive(bootstrap, topic, sent, RoundTrip(topic), paced=is_paced))
                flows.append((label, flow, chosen))
            log = Path(work) / "worker.log"
            process_start = time.time()
            with running_worker(settings, log) as worker:
                raw = settings.topics.raw

                def service(chosen: Sequence[Marked], is_paced: bool) -> Flow:
                    tracker = Summaries(settings.topics, expected)
                    return asyncio.run(
                        _drive(bootstrap, raw, chosen, tracker, paced=is_paced, worker=worker)
                    )

                try:
                    first = service([warm_up], True)
                    flows.append(("service, one at a time", service(slow, True), slow))
                    flows.append(("service, burst", service(burst, False), burst))
                except Exception:
                    print(log.read_text(errors="replace")[-3000:])
                    raise
            first_log, ready = _log_times(log)
    first_done = first.finished.get(warm_up.key)
    return EndToEnd(
        broker=how,
        broker_start_s=broker_start,
        partitions=settings.topic_partitions,
        pages=len(burst),
        articles=sum(len(page.article_ids) for page in burst),
        kb_per_page=sum(len(page.value) for page in burst) / len(burst) / 1024,
        startup=Startup(
            first_log_s=None if first_log is None else first_log - process_start,
            ready_s=None if ready is None else ready - process_start,
            first_summary_s=None if first_done is None else first_done - process_start,
        ),
        flows=[
            FlowFigures.of(label, flow, [p.key for p in chosen]) for label, flow, chosen in flows
        ],
    )
