"""A worker killed at any moment loses nothing: every raw page still yields its articles or
its dead letter once a new worker has taken over."""

from __future__ import annotations

import signal
import uuid
from pathlib import Path

import orjson
import pytest

from tests.support.streams import (
    create_topics,
    produce,
    read_to_end,
    read_until,
    running_worker,
    settings_for,
    value,
    wait_until_consumed,
)

pytestmark = pytest.mark.kafka

PAGES = 60
TOWNS = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum", "Hazel", "Ivy", "Juniper"]


def _page(template: str, n: int) -> bytes:
    town = f"{TOWNS[n % len(TOWNS)]}haven {n}"
    body = template.replace("Port Elm", town)
    url = f"https://example.org/crash/{n}"
    return orjson.dumps({"body": body, "url": url, "fetched_at": "2025-07-19T12:00:00Z"})


def test_killing_the_worker_mid_stream_loses_no_page(
    kafka_bootstrap: str, fixtures_dir: Path, tmp_path: Path
) -> None:
    settings = settings_for(kafka_bootstrap, f"crash-{uuid.uuid4().hex[:8]}.")
    create_topics(settings)
    topics = settings.topics
    template = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    records: list[tuple[bytes | None, bytes]] = []
    for n in range(PAGES):
        records.append((f"k{n}".encode(), _page(template, n)))
        if n % 15 == 7:
            records.append((f"bad{n}".encode(), b'{"body": ["not", "text"]}'))
    produce(kafka_bootstrap, topics.raw, records)
    bad = sum(1 for key, _ in records if key and key.startswith(b"bad"))

    with running_worker(settings, tmp_path / "first.log") as first:
        read_until(kafka_bootstrap, topics.articles, lambda r: len(r) >= 5, worker=first)
        first.send_signal(signal.SIGKILL)
        first.wait(30)

    with running_worker(settings, tmp_path / "second.log") as second:
        wait_until_consumed(kafka_bootstrap, settings.app_id, topics.raw, timeout=240)
        wait_until_consumed(kafka_bootstrap, settings.app_id, topics.parsed, timeout=240)
        assert second.poll() is None

    urls = {value(r)["url"] for r in read_to_end(kafka_bootstrap, topics.articles)}
    assert urls == {f"https://example.org/crash/{n}" for n in range(PAGES)}
    letters = {value(r)["original"]["key"] for r in read_to_end(kafka_bootstrap, topics.raw_dlq)}
    assert len(letters) == bad
