"""Small producer and consumer helpers for the command line (produce, tail, replay)."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator, Sequence
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from newsstream.broker.connection import aiokafka_options
from newsstream.settings import Settings

Record = tuple[bytes | None, bytes, list[tuple[str, bytes]]]


async def produce(
    settings: Settings, bootstrap: str, topic: str, records: Sequence[Record]
) -> list[tuple[int, int]]:
    """Send records and wait for every ack; returns (partition, offset) of each."""
    producer = AIOKafkaProducer(
        **aiokafka_options(settings, bootstrap),
        acks="all",
        max_request_size=settings.max_message_bytes + 64 * 1024,
        enable_idempotence=True,
    )
    try:
        await producer.start()
    except BaseException:
        await producer.stop()  # a client that could not start still holds connections
        raise
    try:
        futures = [
            await producer.send(topic, value=value, key=key, headers=headers or None)
            for key, value, headers in records
        ]
        results = await asyncio.gather(*futures)
        return [(meta.partition, meta.offset) for meta in results]
    finally:
        await producer.stop()


async def consume(
    settings: Settings,
    bootstrap: str,
    topic: str,
    *,
    from_beginning: bool,
    idle_timeout: float | None,
    limit: int | None,
) -> AsyncIterator[Any]:
    """Read a topic without joining a group (nothing is committed); stop when idle or at limit."""
    consumer = AIOKafkaConsumer(
        **aiokafka_options(settings, bootstrap),
        enable_auto_commit=False,
        group_id=None,
        max_partition_fetch_bytes=settings.max_message_bytes + 64 * 1024,
    )
    try:
        await consumer.start()
    except BaseException:
        await consumer.stop()
        raise
    try:
        partitions = consumer.partitions_for_topic(topic)
        if partitions is None:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            raise LookupError(f"topic {topic!r} does not exist")
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(assigned)
        if from_beginning:
            await consumer.seek_to_beginning(*assigned)
        else:
            await consumer.seek_to_end(*assigned)
        seen = 0
        while limit is None or seen < limit:
            timeout_ms = int(idle_timeout * 1000) if idle_timeout is not None else 1000
            batch = await consumer.getmany(timeout_ms=timeout_ms)
            if not batch:
                if idle_timeout is not None:
                    return
                continue
            for records in batch.values():
                for record in records:
                    yield record
                    seen += 1
                    if limit is not None and seen >= limit:
                        return
    finally:
        await consumer.stop()


def _text(raw: bytes | None) -> Any:
    if raw is None:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(raw).decode("ascii")}


def record_as_json(record: Any) -> bytes:
    """One consumed record as a JSON line: JSON values are inlined, others kept as text."""
    value: Any
    try:
        value = orjson.loads(record.value) if record.value is not None else None
    except orjson.JSONDecodeError:
        value = _text(record.value)
    return orjson.dumps(
        {
            "topic": record.topic,
            "partition": record.partition,
            "offset": record.offset,
            "timestamp": record.timestamp,
            "key": _text(record.key),
            "headers": {name: _text(data) for name, data in (record.headers or ())},
            "value": value,
        }
    )
