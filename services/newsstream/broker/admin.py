"""Create the service's topics, waiting for a broker that is still starting."""

from __future__ import annotations

import asyncio
import logging
import time

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError

from newsstream.broker.connection import aiokafka_options
from newsstream.settings import Settings
from newsstream.topology import spec

log = logging.getLogger(__name__)

_TOPIC_EXISTS = 36


async def _connect(settings: Settings, bootstrap: str, timeout: float) -> AIOKafkaAdminClient:
    deadline = time.monotonic() + timeout
    while True:
        client = AIOKafkaAdminClient(**aiokafka_options(settings, bootstrap))
        try:
            await client.start()
            return client
        except (KafkaConnectionError, KafkaError, OSError) as error:
            await client.close()
            if time.monotonic() > deadline:
                raise TimeoutError(f"no Kafka broker answered at {bootstrap}") from error
            await asyncio.sleep(0.5)


async def ensure_topics(settings: Settings, bootstrap: str, *, timeout: float = 60.0) -> list[str]:
    """Create every missing topic of the service; returns the names it created."""
    client = await _connect(settings, bootstrap, timeout)
    try:
        existing = set(await client.list_topics())
        wanted = [name for name in settings.topics.all() if name not in existing]
        if not wanted:
            return []
        size = {"max.message.bytes": str(settings.max_message_bytes + 64 * 1024)}
        compacted = {**size, "cleanup.policy": "compact"}
        by_name = {name: spec(topic).compacted for topic, name in settings.topics}
        response = await client.create_topics(
            [
                NewTopic(
                    name,
                    settings.topic_partitions,
                    settings.topic_replication_factor,
                    topic_configs=compacted if by_name[name] else size,
                )
                for name in wanted
            ]
        )
        created = []
        for name, code, message in _topic_errors(response):
            if code == 0:
                created.append(name)
            elif code != _TOPIC_EXISTS:
                raise RuntimeError(f"cannot create topic {name}: error {code} {message}")
        log.info("created topics %s", ", ".join(created))
        return created
    finally:
        await client.close()


def _topic_errors(response: object) -> list[tuple[str, int, str | None]]:
    """(name, error code, message) per topic, across CreateTopicsResponse versions."""
    rows = getattr(response, "topic_errors", None) or getattr(response, "topics", [])
    out = []
    for row in rows:
        name, code = row[0], row[1]
        message = row[2] if len(row) > 2 and isinstance(row[2], str) else None
        out.append((str(name), int(code), message))
    return out


def ensure_topics_sync(settings: Settings, bootstrap: str, *, timeout: float = 60.0) -> list[str]:
    return asyncio.run(ensure_topics(settings, bootstrap, timeout=timeout))
