"""Part 4: the service through Kafka on one core and on two, beside a plain pass-through.

The same realistic pages (HTML, rendered text, full news articles) go through a plain
aiokafka consume → produce relay (the transport's ceiling on this machine) and through the
service (raw page → casualty summaries), on the same broker in the same run: one worker pinned
to one core, then two workers pinned to a core each on one consumer group over 4 partitions.
A page is done when every article it yields has its summary; its latency runs from its produce
timestamp to the timestamp of its last summary. Latency is taken at a fixed offered load (half
of what one worker sustained in the burst), where it is not just time spent queueing.

Each page is sent once under its own URL, so the de-duplication table keeps every one; which
articles each yields is found first with the same pure pipeline the worker runs, so the run
knows when it is complete.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import re
import shutil
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
from newsstream.pipeline.pages import PageLimits, process_page_record
from newsstream.pipeline.records import ConsumedRecord
from newsstream.settings import Settings
from newsstream.topology import Topic, TopicNames
from tests.bench.assembly import page_words
from tests.bench.inputs import FETCHED_AT, Page
from tests.bench.report import number, peak_mb, percentile, rate
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
    page: Page
    words: int


def expected_articles(key: str, value: bytes, settings: Settings) -> frozenset[str]:
    """The article ids the worker's parse stage yields for this record (none: a dead letter)."""
    record = ConsumedRecord(
        topic="bench", partition=0, offset=0, key=key.encode(), value=value, timestamp=FETCHED_AT
    )
    limits = PageLimits(settings.max_page_bytes, settings.max_message_bytes // 2)
    return frozenset(
        emission.key
        for emission in process_page_record(record, limits)
        if emission.output is Topic.PARSED and emission.key
    )


def unique_pages(originals: Sequence[Page], settings: Settings) -> list[Marked]:
    """Each page once under a URL of its own, kept when it yields articles no other page does
    (a page with none is a dead letter: nothing to time)."""
    taken: set[str] = set()
    pages: list[Marked] = []
    for index, page in enumerate(originals):
        base = page.url or f"https://bench.example.org/{page.name}"
        key = f"{base}{'&' if '?' in base else '?'}newsstream-bench={index}"
        value = orjson.dumps({"body": page.body, "url": key, "fetched_at": FETCHED_AT.isoformat()})
        ids = expected_articles(key, value, settings)
        if ids and not ids & taken:
            taken |= ids
            pages.append(Marked(key, value, ids, page, page_words(page)))
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


async def _clients(bootstrap: str) -> tuple[Any, Any]:
    """A started consumer (no group, nothing committed) and producer for large records."""
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
    return consumer, producer


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
    workers: Sequence[Popen[bytes]],
    *,
    idle_seconds: float,
    timeout: float,
) -> bool:
    """Until `done()`; False when the outputs stop coming or time runs out."""
    deadline = time.monotonic() + timeout
    seen = tracker.records
    quiet_since = time.monotonic()
    while not done():
        for worker in workers:
            if worker.poll() is not None:
                raise RuntimeError(f"a worker exited with status {worker.returncode}")
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
    paced: bool = False,
    rate: float | None = None,
    workers: Sequence[Popen[bytes]] = (),
    idle_seconds: float = 90.0,
    timeout: float = 1800.0,
) -> Flow:
    """Produce the pages (all at once, at `rate` pages a second, or each after the previous is
    done) and track them."""
    consumer, producer = await _clients(bootstrap)
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
                    page_done, tracker, workers, idle_seconds=idle_seconds, timeout=timeout
                )
        else:
            futures = []
            began = time.monotonic()
            for index, page in enumerate(pages):
                if rate is not None:
                    await asyncio.sleep(max(0.0, began + index / rate - time.monotonic()))
                futures.append(await producer.send(topic, page.value, key=page.key.encode()))
            metas = await asyncio.gather(*futures)
            produced = {p.key: m.timestamp / 1000 for p, m in zip(pages, metas, strict=True)}
            complete = await _wait(
                lambda: all(p.key in tracker.finished for p in pages),
                tracker,
                workers,
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
    articles_per_s: float
    words_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    offered_per_s: float | None  # a fixed offered load; None for a burst

    @classmethod
    def of(
        cls, label: str, flow: Flow, pages: Sequence[Marked], offered: float | None = None
    ) -> FlowFigures:
        done_pages = [p for p in pages if p.key in flow.finished]
        latencies = [flow.finished[p.key] - flow.produced[p.key] for p in done_pages]
        span = (
            max(flow.finished[p.key] for p in done_pages) - min(flow.produced[p.key] for p in pages)
            if done_pages
            else float("nan")
        )
        return cls(
            label=label,
            pages=len(pages),
            done=len(done_pages),
            seconds=span,
            pages_per_s=rate(len(done_pages), span),
            articles_per_s=rate(sum(len(p.article_ids) for p in done_pages), span),
            words_per_s=rate(sum(p.words for p in done_pages), span),
            p50_ms=percentile(latencies, 50) * 1000,
            p95_ms=percentile(latencies, 95) * 1000,
            p99_ms=percentile(latencies, 99) * 1000,
            offered_per_s=offered,
        )

    def row(self) -> list[str]:
        return [
            self.label,
            "burst" if self.offered_per_s is None else f"{self.offered_per_s:.1f}/s",
            f"{self.done}/{self.pages}",
            number(self.seconds, 2),
            number(self.pages_per_s, 2),
            number(self.articles_per_s, 2),
            number(self.words_per_s, 0),
            number(self.p50_ms),
            number(self.p95_ms),
            number(self.p99_ms),
        ]


FLOW_HEADERS = [
    "run",
    "offered",
    "pages done",
    "seconds",
    "pages/s",
    "articles/s",
    "words/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
]


@dataclass(frozen=True)
class Startup:
    """Seconds from starting the worker process to each milestone."""

    first_log_s: float | None  # imports done, spaCy loaded: Faust logs its first line
    ready_s: float | None  # joined the group, got its partitions: Faust logs "Ready"
    first_summary_s: float | None  # the summary of a page produced at process start


@dataclass(frozen=True)
class Memory:
    """Peak resident memory of one worker: its own process and its parser's."""

    worker_mb: float
    parser_mb: float

    @property
    def total_mb(self) -> float:
        return self.worker_mb + self.parser_mb


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
    memory: Memory | None
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


def _wait_ready(
    logs: Sequence[Path], workers: Sequence[Popen[bytes]], timeout: float = 120.0
) -> None:
    """Until every worker has logged that it is ready (joined the group, partitions assigned)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(log.is_file() and _log_times(log)[1] is not None for log in logs):
            return
        if any(worker.poll() is not None for worker in workers):
            raise RuntimeError("a worker exited before it was ready")
        time.sleep(0.2)
    raise TimeoutError(f"workers not ready within {timeout:.0f} s")


def _memory(worker: Popen[bytes]) -> Memory | None:
    """The worker's peak memory and its parser child's (Linux /proc only)."""
    children = Path(f"/proc/{worker.pid}/task/{worker.pid}/children")
    if not children.is_file():
        return None
    parser_pids = [int(pid) for pid in children.read_text().split()]
    return Memory(peak_mb(worker.pid), sum(peak_mb(pid) for pid in parser_pids))


async def _relay(bootstrap: str, source: str, target: str, stop: asyncio.Event) -> None:
    """The transport alone: consume each record and produce it again, as an agent would."""
    consumer, producer = await _clients(bootstrap)
    try:
        await _assign_at_end(consumer, [source])
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=20)
            sent = [
                await producer.send(target, record.value, key=record.key)
                for records in batches.values()
                for record in records
            ]
            await asyncio.gather(*sent)
    finally:
        await producer.stop()
        await consumer.stop()


async def _through_relay(
    bootstrap: str, source: str, target: str, pages: Sequence[Marked], rate: float | None
) -> Flow:
    stop = asyncio.Event()
    relay = asyncio.create_task(_relay(bootstrap, source, target, stop))
    await asyncio.sleep(1.0)  # let the relay take its partitions before anything is sent
    try:
        return await _drive(bootstrap, source, pages, RoundTrip(target), rate=rate)
    finally:
        stop.set()
        await relay


def _service(
    bootstrap: str,
    settings: Settings,
    pages: Sequence[Marked],
    workers: Sequence[Popen[bytes]],
    rate: float | None = None,
) -> Flow:
    expected = {page.key: page.article_ids for page in pages}
    tracker = Summaries(settings.topics, expected)
    return asyncio.run(
        _drive(bootstrap, settings.topics.raw, pages, tracker, rate=rate, workers=workers)
    )


def _keep_logs(root: Path) -> None:
    """A run where pages went missing keeps its workers' logs: that is a fault to look into."""
    kept = Path(tempfile.mkdtemp(prefix="newsstream-bench-incomplete-"))
    for log in root.glob("*/worker.log"):
        shutil.copy(log, kept / f"{log.parent.name}.log")
    print(f"pages went missing: the workers' logs are kept in {kept}")


@dataclass(frozen=True)
class _OneWorker:
    """One round through a single pinned worker: its start, its burst, its memory."""

    startup: Startup
    burst: Flow
    memory: Memory | None


def _one_worker(
    bootstrap: str, settings: Settings, folder: Path, warm_up: Marked, burst: Sequence[Marked]
) -> _OneWorker:
    """A fresh worker on core 0: the warm-up page as it starts, then the burst."""
    folder.mkdir()
    log = folder / "worker.log"
    process_start = time.time()
    with running_worker(settings, log, cpus="0") as worker:
        warmed = _service(bootstrap, settings, [warm_up], [worker])
        flow = _service(bootstrap, settings, burst, [worker])
        memory = _memory(worker)
    first_log, ready = _log_times(log)
    first_done = warmed.finished.get(warm_up.key)
    startup = Startup(
        first_log_s=None if first_log is None else first_log - process_start,
        ready_s=None if ready is None else ready - process_start,
        first_summary_s=None if first_done is None else first_done - process_start,
    )
    return _OneWorker(startup, flow, memory)


def _workers(
    bootstrap: str,
    settings: Settings,
    root: Path,
    name: str,
    cpus: int,
    warm_up: Marked,
    burst: Sequence[Marked],
) -> Flow:
    """Fresh workers pinned to a core each, on one consumer group: the burst through them."""
    with contextlib.ExitStack() as stack:
        workers, logs = [], []
        for index in range(cpus):
            (root / f"{name}-{index}").mkdir()
            logs.append(root / f"{name}-{index}" / "worker.log")
            workers.append(stack.enter_context(running_worker(settings, logs[-1], cpus=str(index))))
        # A worker joining after the first has taken every partition rebalances the group
        # mid-burst: the burst starts once all of them are in it.
        _wait_ready(logs, workers)
        _service(bootstrap, settings, [warm_up], workers)
        return _service(bootstrap, settings, burst, workers)


def _fastest(runs: Sequence[Flow], burst: Sequence[Marked]) -> Flow:
    """The round that went fastest, among those that lost no page if any did not."""
    complete = [flow for flow in runs if flow.complete] or list(runs)
    return max(complete, key=lambda flow: FlowFigures.of("", flow, burst).pages_per_s)


def run_end_to_end(
    warm_up: Marked,
    burst: Sequence[Marked],
    *,
    partitions: int = 4,
    cpus: int = 2,
    rounds: int = 1,
) -> EndToEnd:
    """Start a broker; run the relay, one pinned worker, `cpus` pinned workers, and one worker
    at a fixed load, each on its own topics and consumer group, over the same pages.

    The bursts through one and through `cpus` workers run `rounds` times each, with fresh
    topics and workers, and the fastest round counts, as the in-process sides keep their best
    round: one burst's throughput varies by several percent on the same machine.
    """
    flows: list[FlowFigures] = []
    with tempfile.TemporaryDirectory(prefix="newsstream-bench-") as work:
        root = Path(work)
        started = time.monotonic()
        with kafka_for_tests(root / "kafka") as (bootstrap, how):
            broker_start = time.monotonic() - started

            def fresh(name: str) -> Settings:
                settings = settings_for(bootstrap, f"bench-{uuid.uuid4().hex[:6]}-{name}.")
                settings = settings.model_copy(update={"topic_partitions": partitions})
                create_topics(settings)
                return settings

            relay = fresh("relay")
            target = f"{relay.topic_prefix}relayed"
            create_topics(relay.model_copy(update={"topic_prefix": f"{target}."}))
            target = relay.model_copy(update={"topic_prefix": f"{target}."}).topics.raw
            relayed = asyncio.run(_through_relay(bootstrap, relay.topics.raw, target, burst, None))
            flows.append(FlowFigures.of("(c) relay: consume → produce", relayed, burst))

            ones = [
                _one_worker(bootstrap, fresh(f"one{n}"), root / f"one{n}", warm_up, burst)
                for n in range(rounds)
            ]
            single = _fastest([one.burst for one in ones], burst)
            known = [one.memory for one in ones if one.memory is not None]
            memory = max(known, key=lambda m: m.total_mb, default=None)
            flows.append(FlowFigures.of("(d) service, 1 worker on 1 core", single, burst))

            doubles = [
                _workers(bootstrap, fresh(f"two{n}"), root, f"two{n}", cpus, warm_up, burst)
                for n in range(rounds)
            ]
            double = _fastest(doubles, burst)
            flows.append(
                FlowFigures.of(f"(d) service, {cpus} workers on {cpus} cores", double, burst)
            )

            load = FlowFigures.of("", single, burst).pages_per_s / 2
            if math.isfinite(load) and load > 0:
                paced = fresh("paced")
                (root / "paced").mkdir()
                with running_worker(paced, root / "paced" / "worker.log", cpus="0") as worker:
                    _service(bootstrap, paced, [warm_up], [worker])
                    steady = _service(bootstrap, paced, burst, [worker], rate=load)
                flows.append(
                    FlowFigures.of("(d) service, 1 worker, half its load", steady, burst, load)
                )
                relayed = asyncio.run(
                    _through_relay(bootstrap, relay.topics.raw, target, burst, load)
                )
                flows.append(FlowFigures.of("(c) relay, the same load", relayed, burst, load))
        lost = any(not flow.complete for flow in [*(one.burst for one in ones), *doubles])
        if lost or any(flow.done < flow.pages for flow in flows):
            _keep_logs(root)
    return EndToEnd(
        broker=how,
        broker_start_s=broker_start,
        partitions=partitions,
        pages=len(burst),
        articles=sum(len(page.article_ids) for page in burst),
        kb_per_page=sum(len(page.value) for page in burst) / len(burst) / 1024,
        startup=ones[0].startup,  # the first start, as a user's would be
        memory=memory,
        flows=flows,
    )
