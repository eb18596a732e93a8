"""Workers joining and leaving a consumer group under load lose nothing: partitions move twice
mid-stream, and every page still yields its articles, and every article its casualty summary."""

from __future__ import annotations

import signal
import subprocess
import time
import uuid
from pathlib import Path

import orjson
import pytest

from tests.support.streams import (
    create_topics,
    headers,
    produce,
    read_to_end,
    read_until,
    running_worker,
    settings_for,
    wait_until_consumed,
)

pytestmark = pytest.mark.kafka

PAGES = 80
PARTITIONS = 4
SUMMARY = "news.casualty_summary.v1"
READY = "[^Worker]: Ready"
REVOKED = "Revoking previously assigned partitions"


def _wait_for_line(
    log: Path, line: str, worker: subprocess.Popen[bytes], timeout: float = 120
) -> None:
    deadline = time.monotonic() + timeout
    while line not in log.read_text(errors="replace"):
        assert worker.poll() is None, f"the worker exited: {log.read_text()[-2000:]}"
        assert time.monotonic() < deadline, f"no {line!r} within {timeout}s"
        time.sleep(0.2)


def _page(template: str, n: int) -> bytes:
    body = template.replace("Port Elm", f"Rebalance Point {n}")
    url = f"https://example.org/rebalance/{n}"
    return orjson.dumps({"body": body, "url": url, "fetched_at": "2025-07-19T12:00:00Z"})


def test_a_worker_joining_and_one_leaving_mid_stream_lose_nothing(
    kafka_bootstrap: str, fixtures_dir: Path, tmp_path: Path
) -> None:
    settings = settings_for(kafka_bootstrap, f"rebalance-{uuid.uuid4().hex[:8]}.")
    settings = settings.model_copy(update={"topic_partitions": PARTITIONS})
    create_topics(settings)
    topics = settings.topics
    template = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    waves = [range(0, PAGES // 2), range(PAGES // 2, PAGES)]
    produce(kafka_bootstrap, topics.raw, [(f"k{n}".encode(), _page(template, n)) for n in waves[0]])
    logs = {name: tmp_path / name / "worker.log" for name in ("first", "second")}
    for log in logs.values():
        log.parent.mkdir()

    with running_worker(settings, logs["first"]) as first:
        read_until(kafka_bootstrap, topics.articles, lambda r: len(r) >= 4, worker=first)
        with running_worker(settings, logs["second"]) as second:
            # The second joins while the first is busy: the group rebalances under load.
            _wait_for_line(logs["second"], READY, second)
            produce(
                kafka_bootstrap,
                topics.raw,
                [(f"k{n}".encode(), _page(template, n)) for n in waves[1]],
            )
            # Then the first leaves in the middle of the second wave: it rebalances again.
            read_until(
                kafka_bootstrap, topics.articles, lambda r: len(r) >= PAGES // 2 + 4, worker=second
            )
            first.send_signal(signal.SIGINT)
            assert first.wait(60) == 0
            for topic in (topics.raw, topics.parsed, topics.articles):
                wait_until_consumed(kafka_bootstrap, settings.app_id, topic, timeout=300)
            assert second.poll() is None
    assert logs["first"].read_text().count(REVOKED) >= 2, (
        "the first worker never shared its partitions"
    )

    articles = read_to_end(kafka_bootstrap, topics.articles)
    urls = {orjson.loads(r.value)["url"] for r in articles}
    assert urls == {f"https://example.org/rebalance/{n}" for n in range(PAGES)}
    summarised = {
        r.key
        for r in read_to_end(kafka_bootstrap, topics.casualties)
        if headers(r)["ce_type"] == SUMMARY
    }
    assert {r.key for r in articles} <= summarised
