"""Faults, each on a real broker, each ending with a count of every page sent.

Run with `make test-faults` (minutes; CI runs it after `make test`). Every scenario prints one
line: pages sent, accounted for (articles or a dead letter), lost, redelivered, duplicated.
`NEWSSTREAM_FAULT_PAGES` sets how many pages the crash scenario sends.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from newsstream.settings import Settings
from newsstream.stream.worker import EXIT_GAVE_UP
from tests.faults.accounting import Page, account, fresh, mixed_pages
from tests.support.cluster import three_brokers
from tests.support.kafka import local_broker
from tests.support.streams import produce, read_until, running_worker, wait_until_consumed

pytestmark = [pytest.mark.kafka, pytest.mark.faults]

CRASH_PAGES = int(os.environ.get("NEWSSTREAM_FAULT_PAGES", "10000"))
DRAIN_SECONDS = 30
SHUTDOWN_DEADLINE = 10.0


def _send(bootstrap: str, settings: Settings, pages: list[Page]) -> None:
    produce(bootstrap, settings.topics.raw, [(page.key, page.value) for page in pages])


def _until_articles(
    bootstrap: str, settings: Settings, count: int, worker: subprocess.Popen[bytes]
) -> None:
    """Wait until `count` articles are out: the stream is then well under way."""
    read_until(
        bootstrap, settings.topics.articles, lambda r: len(r) >= count, worker=worker, timeout=300
    )


def _consumed(bootstrap: str, settings: Settings, timeout: float) -> None:
    topics = settings.topics
    for topic in (topics.raw, topics.parsed, topics.articles):
        wait_until_consumed(bootstrap, settings.app_id, topic, timeout=timeout)


def test_a_worker_killed_mid_stream_loses_nothing(
    kafka_bootstrap: str, fixtures_dir: Path, tmp_path: Path
) -> None:
    settings = fresh(kafka_bootstrap, "crash", partitions=4)
    pages = mixed_pages(fixtures_dir, CRASH_PAGES, run=settings.topic_prefix.rstrip("."))
    _send(kafka_bootstrap, settings, pages)
    with running_worker(settings, tmp_path / "first.log") as first:
        _until_articles(kafka_bootstrap, settings, 50, first)
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    with running_worker(settings, tmp_path / "second.log") as second:
        _consumed(kafka_bootstrap, settings, timeout=max(600, CRASH_PAGES * 0.6))
        assert second.poll() is None
    count = account("worker SIGKILL, new worker", kafka_bootstrap, settings.topics, pages)
    assert (count.lost, count.duplicated) == (0, 0)


def test_sigterm_drains_commits_and_exits_in_time(
    kafka_bootstrap: str, fixtures_dir: Path, tmp_path: Path
) -> None:
    settings = fresh(kafka_bootstrap, "drain", partitions=4)
    pages = mixed_pages(fixtures_dir, 300, run=settings.topic_prefix.rstrip("."))
    _send(kafka_bootstrap, settings, pages)
    with running_worker(settings, tmp_path / "first.log") as first:
        _until_articles(kafka_bootstrap, settings, 30, first)
        asked = time.monotonic()
        first.send_signal(signal.SIGTERM)
        status = first.wait(DRAIN_SECONDS + 30)
        took = time.monotonic() - asked
    print(f"SIGTERM: exit status {status} after {took:.1f} s")
    assert status == 0
    assert took <= DRAIN_SECONDS
    with running_worker(settings, tmp_path / "second.log") as second:
        _consumed(kafka_bootstrap, settings, timeout=600)
        assert second.poll() is None
    count = account("SIGTERM drain, then a new worker", kafka_bootstrap, settings.topics, pages)
    assert (count.lost, count.duplicated) == (0, 0)
    # A drained worker committed what it did: the next one redelivers little, if anything.
    assert count.redelivered <= settings.enrich_batch_size


def test_two_workers_one_killed_the_other_takes_over(
    kafka_bootstrap: str, fixtures_dir: Path, tmp_path: Path
) -> None:
    settings = fresh(kafka_bootstrap, "takeover", partitions=4)
    pages = mixed_pages(fixtures_dir, 400, run=settings.topic_prefix.rstrip("."))
    _send(kafka_bootstrap, settings, pages)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with (
        running_worker(settings, tmp_path / "a" / "worker.log") as first,
        running_worker(settings, tmp_path / "b" / "worker.log") as second,
    ):
        _until_articles(kafka_bootstrap, settings, 60, second)
        first.send_signal(signal.SIGKILL)
        first.wait(30)
        _consumed(kafka_bootstrap, settings, timeout=900)
        assert second.poll() is None
    count = account("2 workers, 1 SIGKILL", kafka_bootstrap, settings.topics, pages)
    assert (count.lost, count.duplicated) == (0, 0)


def test_the_broker_stopped_and_started_mid_stream_loses_nothing(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    """A broker of our own (the shared one cannot be stopped under other tests), restarted on
    the same port with its data: the worker reconnects by itself."""
    broker = local_broker(tmp_path / "kafka")
    bootstrap = broker.start()
    try:
        settings = fresh(bootstrap, "restart", partitions=4)
        pages = mixed_pages(fixtures_dir, 600, run=settings.topic_prefix.rstrip("."))
        _send(bootstrap, settings, pages)
        with running_worker(settings, tmp_path / "worker.log") as worker:
            _until_articles(bootstrap, settings, 40, worker)
            broker.stop()
            time.sleep(10)  # the worker is left without its broker for a while
            assert worker.poll() is None, "the worker gave up while the broker was down"
            assert broker.start() == bootstrap
            _consumed(bootstrap, settings, timeout=900)
            assert worker.poll() is None
        count = account("broker stopped and started", bootstrap, settings.topics, pages)
        assert (count.lost, count.duplicated) == (0, 0)
    finally:
        broker.stop()


def test_a_worker_told_to_stop_while_its_broker_is_down_exits_by_its_deadline(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    """Stopping commits and leaves the group, which a worker cannot do without its broker: it
    exits anyway once its shutdown deadline passes, rather than waiting to be killed."""
    broker = local_broker(tmp_path / "kafka")
    bootstrap = broker.start()
    try:
        settings = fresh(bootstrap, "deadline", partitions=2)
        settings = settings.model_copy(update={"shutdown_timeout_seconds": SHUTDOWN_DEADLINE})
        pages = mixed_pages(fixtures_dir, 60, run=settings.topic_prefix.rstrip("."))
        _send(bootstrap, settings, pages)
        log = tmp_path / "worker.log"
        with running_worker(settings, log) as worker:
            _until_articles(bootstrap, settings, 5, worker)
            broker.stop()
            asked = time.monotonic()
            worker.send_signal(signal.SIGTERM)
            status = worker.wait(SHUTDOWN_DEADLINE + 60)
            took = time.monotonic() - asked
    finally:
        broker.stop()
    print(f"SIGTERM without a broker: exit status {status} after {took:.1f} s")
    assert took <= SHUTDOWN_DEADLINE + 5
    gave_up = [line for line in log.read_text().splitlines() if "still stopping" in line]
    assert (status, len(gave_up)) in {(0, 0), (EXIT_GAVE_UP, 1)}


def test_one_broker_of_three_killed_mid_stream_loses_nothing(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    """Replication 3, min.insync.replicas 2, acks=all: the worker rides out a broker's death."""
    with three_brokers(tmp_path / "cluster") as cluster:
        settings = fresh(cluster.bootstrap, "replicated", partitions=4, replication=3)
        pages = mixed_pages(fixtures_dir, 600, run=settings.topic_prefix.rstrip("."))
        _send(cluster.bootstrap, settings, pages)
        with running_worker(settings, tmp_path / "worker.log") as worker:
            _until_articles(cluster.bootstrap, settings, 40, worker)
            cluster.kill(1)
            _consumed(cluster.bootstrap, settings, timeout=900)
            assert worker.poll() is None
        count = account("1 of 3 brokers SIGKILL", cluster.bootstrap, settings.topics, pages)
        assert (count.lost, count.duplicated) == (0, 0)
