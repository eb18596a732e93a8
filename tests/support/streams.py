"""Drive the service from the outside: run a worker process, produce, and read topics."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from newsstream.broker.admin import ensure_topics
from newsstream.settings import Settings


def settings_for(bootstrap: str, prefix: str, *, web_port: int = 0) -> Settings:
    return Settings(
        kafka_bootstrap_servers=bootstrap,
        topic_prefix=prefix,
        topic_partitions=2,
        app_id=f"newsstream-{prefix.rstrip('.')}",
        worker_web_port=web_port,
    )


def worker_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers or "",
            "NEWSSTREAM_TOPIC_PREFIX": settings.topic_prefix,
            "NEWSSTREAM_TOPIC_PARTITIONS": str(settings.topic_partitions),
            "NEWSSTREAM_TOPIC_REPLICATION_FACTOR": str(settings.topic_replication_factor),
            "NEWSSTREAM_APP_ID": settings.app_id,
            "NEWSSTREAM_LOG_LEVEL": "info",
            # A killed worker's partitions move to the next one quickly.
            "NEWSSTREAM_KAFKA_SESSION_TIMEOUT_SECONDS": "8",
            # Several workers run side by side: each takes a free port for its endpoints.
            "NEWSSTREAM_WORKER_WEB_PORT": str(settings.worker_web_port),
            "NEWSSTREAM_SHUTDOWN_TIMEOUT_SECONDS": str(settings.shutdown_timeout_seconds),
        }
    )
    if settings.kafka_sasl_password is not None:
        env["NEWSSTREAM_KAFKA_SASL_PASSWORD"] = settings.kafka_sasl_password.get_secret_value()
    return env


def newsstream_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsstream.cli", *args]


@contextlib.contextmanager
def running_worker(
    settings: Settings, log_path: Path, *, cpus: str | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A `newsstream worker` process, pinned to `cpus` ("0", "0,1") if given; stopped with
    SIGINT (Ctrl-C) and checked to exit cleanly. Its local state goes beside its log."""
    pinned = ["taskset", "-c", cpus] if cpus is not None else []
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*pinned, *newsstream_command("worker")],
            env={**worker_env(settings), "NEWSSTREAM_WORKER_DATA_DIR": str(log_path.parent)},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        except BaseException:
            _print_tail(log_path, process)
            raise
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
                try:
                    process.wait(60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def _print_tail(log_path: Path, process: subprocess.Popen[bytes], lines: int = 80) -> None:
    """A failing test shows what the worker said last and where each of its threads and
    tasks was waiting (the worker dumps its stacks on SIGUSR1); pytest prints the output."""
    stacks_from = 0
    with contextlib.suppress(OSError):
        stacks_from = log_path.stat().st_size
    if process.poll() is None:
        process.send_signal(signal.SIGUSR1)
        time.sleep(3)
    with contextlib.suppress(OSError):
        text = log_path.read_bytes()
        tail = text[:stacks_from].decode(errors="replace").splitlines()[-lines:]
        print(f"--- last {len(tail)} lines of {log_path.name} ---", *tail, sep="\n")
        stacks = _frames_only(text[stacks_from:].decode(errors="replace").splitlines())
        print("--- stacks of the worker's threads and tasks ---", *stacks, sep="\n")


def _frames_only(dump: list[str]) -> list[str]:
    """Thread and task names with their frames, without the local variables mode also dumps."""
    kept: list[str] = []
    for number, line in enumerate(dump):
        header = line.strip().startswith(("THREAD ", "TASK ", "File "))
        if header or (number and dump[number - 1].strip().startswith("File ")):
            kept.append(line)
    return kept


def create_topics(settings: Settings) -> None:
    asyncio.run(ensure_topics(settings, settings.kafka_bootstrap_servers or ""))


def produce(bootstrap: str, topic: str, records: Sequence[tuple[bytes | None, bytes]]) -> list[int]:
    async def send() -> list[int]:
        producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=True
        )
        await producer.start()
        try:
            offsets = []
            for key, value in records:
                meta = await producer.send_and_wait(topic, value=value, key=key)
                offsets.append(meta.offset)
            return offsets
        finally:
            await producer.stop()

    return asyncio.run(send())


async def _partitions(consumer: Any, topic: str, timeout: float = 30.0) -> list[TopicPartition]:
    """Every partition of `topic`, waiting for the topic to appear in the cluster metadata."""
    deadline = time.monotonic() + timeout
    while True:
        found = consumer.partitions_for_topic(topic)
        if found:
            return [TopicPartition(topic, p) for p in sorted(found)]
        if time.monotonic() > deadline:
            raise TimeoutError(f"topic {topic} never appeared")
        await consumer._client.force_metadata_update()
        await asyncio.sleep(0.2)


def read_until(
    bootstrap: str,
    topic: str,
    done: Callable[[list[Any]], bool],
    *,
    timeout: float = 120.0,
    worker: subprocess.Popen[bytes] | None = None,
) -> list[Any]:
    """Read a topic from the beginning until `done(records)` holds; fail on timeout."""

    async def read() -> list[Any]:
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
        await consumer.start()
        try:
            deadline = time.monotonic() + timeout
            assigned = await _partitions(consumer, topic, timeout)
            consumer.assign(assigned)
            await consumer.seek_to_beginning(*assigned)
            records: list[Any] = []
            while not done(records):
                if worker is not None and worker.poll() is not None:
                    raise RuntimeError(f"worker exited with {worker.returncode}")
                if time.monotonic() > deadline:
                    raise TimeoutError(f"gave up on {topic} after {timeout}s with {len(records)}")
                batch = await consumer.getmany(timeout_ms=500)
                for chunk in batch.values():
                    records.extend(chunk)
            return records
        finally:
            await consumer.stop()

    return asyncio.run(read())


def value(record: Any) -> Any:
    return orjson.loads(record.value)


def headers(record: Any) -> dict[str, str]:
    return {name: data.decode() for name, data in record.headers}


def wait_until_consumed(bootstrap: str, group: str, topic: str, *, timeout: float = 120.0) -> None:
    """Block until the group has committed every partition of `topic` up to its end."""

    async def wait() -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False
        )
        await consumer.start()
        try:
            partitions = await _partitions(consumer, topic)
            deadline = time.monotonic() + timeout
            while True:
                ends = await consumer.end_offsets(partitions)
                done = True
                for partition in partitions:
                    committed = await consumer.committed(partition) or 0
                    done &= committed >= ends[partition]
                if done:
                    return
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{group} did not consume {topic} within {timeout}s")
                await asyncio.sleep(0.5)
        finally:
            await consumer.stop()

    asyncio.run(wait())


def read_to_end(bootstrap: str, topic: str) -> list[Any]:
    """Every record on the topic right now (up to the end offsets read at the start)."""

    async def read() -> list[Any]:
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
        await consumer.start()
        try:
            partitions = await _partitions(consumer, topic)
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            ends = await consumer.end_offsets(partitions)
            records: list[Any] = []
            while True:
                behind = [p for p in partitions if await consumer.position(p) < ends[p]]
                if not behind:
                    return records
                batch = await consumer.getmany(*behind, timeout_ms=500)
                for chunk in batch.values():
                    records.extend(chunk)
        finally:
            await consumer.stop()

    return asyncio.run(read())


def topic_config(bootstrap: str, topic: str) -> dict[str, str]:
    """The topic's configuration as the broker reports it."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

    async def describe() -> dict[str, str]:
        client = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await client.start()
        try:
            responses = await client.describe_configs(
                [ConfigResource(ConfigResourceType.TOPIC, topic)]
            )
            entries = responses[0].resources[0][4]
            return {str(entry[0]): str(entry[1]) for entry in entries}
        finally:
            await client.close()

    return asyncio.run(describe())
