"""Hostile input through the real broker: every class lands as a dead letter with a clear type
or as articles within the limits, and the worker logs no traceback.

The articles each record should yield are found first by the same pure pipeline (under the
same parse time limit); a class counts as handled when its dead letter is on the raw
dead-letter topic, or its articles were published (by it, or by an earlier record with the
same story), and every published article has its casualty summary or an enrichment dead
letter. The test prints where each class landed.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from newsstream.pipeline.bounded import BoundedParser
from newsstream.pipeline.pages import PageLimits, process_page_record
from newsstream.pipeline.records import ConsumedRecord
from newsstream.settings import Settings
from newsstream.topology import Topic
from tests.faults.accounting import fresh
from tests.faults.hostile import Hostile, hostile_records
from tests.support.streams import headers, read_to_end, running_worker, wait_until_consumed

pytestmark = [pytest.mark.kafka, pytest.mark.faults]

SUMMARY = "news.casualty_summary.v1"


def _expected(records: list[Hostile], settings: Settings) -> dict[str, frozenset[str]]:
    """Article ids each record yields by the pure pipeline (none: a dead letter)."""
    limits = PageLimits(settings.max_page_bytes, settings.max_message_bytes // 2)
    parser = BoundedParser(settings.parse_timeout_seconds)
    try:
        found = {}
        for index, hostile in enumerate(records):
            record = ConsumedRecord(
                "raw", 0, index, _key(index), hostile.value, timestamp=datetime.now(UTC)
            )
            emissions = process_page_record(record, limits, extract=parser)
            found[hostile.name] = frozenset(
                e.key for e in emissions if e.output is Topic.PARSED and e.key
            )
        return found
    finally:
        parser.close()


def _key(index: int) -> bytes:
    return f"hostile-{index:02d}".encode()


async def _send(bootstrap: str, topic: str, records: list[Hostile]) -> None:
    plain = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", max_request_size=8 << 20)
    packed = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", compression_type="gzip", max_request_size=16 << 20
    )
    await plain.start()
    await packed.start()
    try:
        for index, hostile in enumerate(records):
            producer = packed if hostile.compressed else plain
            await producer.send_and_wait(topic, hostile.value, key=_key(index))
    finally:
        await plain.stop()
        await packed.stop()


def test_every_hostile_class_is_a_dead_letter_or_valid_output(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = fresh(kafka_bootstrap, "hostile", partitions=2)
    records = hostile_records()
    expected = _expected(records, settings)
    asyncio.run(_send(kafka_bootstrap, settings.topics.raw, records))
    log = tmp_path / "worker.log"
    with running_worker(settings, log) as worker:
        for topic in (settings.topics.raw, settings.topics.parsed, settings.topics.articles):
            wait_until_consumed(kafka_bootstrap, settings.app_id, topic, timeout=900)
        assert worker.poll() is None

    topics = settings.topics
    page_letters = {
        orjson.loads(r.value)["original"]["key"]: orjson.loads(r.value)["error"]["type"]
        for r in read_to_end(kafka_bootstrap, topics.raw_dlq)
    }
    published = {r.key.decode() for r in read_to_end(kafka_bootstrap, topics.articles)}
    summarised = {
        r.key.decode()
        for r in read_to_end(kafka_bootstrap, topics.casualties)
        if headers(r)["ce_type"] == SUMMARY
    }
    article_letters = {
        orjson.loads(r.value)["original"]["key"]: orjson.loads(r.value)["error"]["type"]
        for r in read_to_end(kafka_bootstrap, topics.articles_dlq)
    }

    unhandled = []
    print(f"\n{'class':<34} landed as")
    for index, hostile in enumerate(records):
        key = _key(index).decode()
        ids = expected[hostile.name]
        if key in page_letters:
            landed = f"dead letter {page_letters[key]}"
        elif ids and ids <= published:
            enriched = sum(1 for i in ids if i in summarised)
            letters = sorted({article_letters[i] for i in ids if i in article_letters})
            landed = f"{len(ids)} article(s), {enriched} summarised"
            landed += f", enrichment dead letter {', '.join(letters)}" if letters else ""
            if enriched + sum(1 for i in ids if i in article_letters) < len(ids):
                unhandled.append(hostile.name)
        else:
            landed = "NOTHING"
            unhandled.append(hostile.name)
        print(f"{hostile.name:<34} {landed}")
    print(f"{len(records)} classes, {len(records) - len(unhandled)} handled")

    assert len(records) >= 40
    assert not unhandled
    text = log.read_text(errors="replace")
    assert "Traceback" not in text
    assert "[ERROR]" not in text
