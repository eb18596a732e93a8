"""A real Kafka broker for the tests, in order of preference:

1. the cluster named by NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS,
2. an `apache/kafka` container through testcontainers, when a Docker engine answers,
3. the project's local broker (Maven Central jars, run with java) in a temporary directory.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from newsstream.broker.local import LocalKafka
from newsstream.broker.ports import free_port
from newsstream.settings import Settings

log = logging.getLogger(__name__)

KAFKA_IMAGE = "apache/kafka:4.1.1"


def docker_engine_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=3)
        client.ping()
        return True
    except Exception:
        return False


@contextlib.contextmanager
def _container() -> Iterator[str]:
    from testcontainers.core.container import DockerContainer
    from testcontainers.core.waiting_utils import wait_for_logs

    port = free_port()
    container = DockerContainer(KAFKA_IMAGE).with_bind_ports(9092, port)
    environment = {
        "KAFKA_NODE_ID": "1",
        "KAFKA_PROCESS_ROLES": "broker,controller",
        "KAFKA_LISTENERS": "PLAINTEXT://:9092,CONTROLLER://:9093",
        "KAFKA_ADVERTISED_LISTENERS": f"PLAINTEXT://{container.get_container_host_ip()}:{port}",
        "KAFKA_CONTROLLER_LISTENER_NAMES": "CONTROLLER",
        "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "KAFKA_CONTROLLER_QUORUM_VOTERS": "1@localhost:9093",
        "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR": "1",
        "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR": "1",
        "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR": "1",
        "KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS": "0",
        "KAFKA_MESSAGE_MAX_BYTES": str(16 * 1024 * 1024),
    }
    for name, value in environment.items():
        container = container.with_env(name, value)
    with container:
        wait_for_logs(container, "Kafka Server started", timeout=120)
        yield f"{container.get_container_host_ip()}:{port}"


def local_broker(home: Path) -> LocalKafka:
    """A local broker on a free port, not started; it keeps its port across restarts."""
    settings = Settings()
    return LocalKafka(
        home=home,
        cache=settings.local_kafka_cache,
        version=settings.local_kafka_version,
        preferred_port=free_port(),
        message_max_bytes=16 * 1024 * 1024,
    )


@contextlib.contextmanager
def _local(home: Path) -> Iterator[str]:
    broker = local_broker(home)
    address = broker.start()
    try:
        yield address
    finally:
        broker.stop()


@contextlib.contextmanager
def kafka_for_tests(home: Path) -> Iterator[tuple[str, str]]:
    """Yield (bootstrap address, how it was obtained)."""
    configured = os.environ.get("NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS")
    if configured:
        yield configured, "configured"
    elif docker_engine_answers():
        with _container() as address:
            yield address, "testcontainers"
    else:
        with _local(home) as address:
            yield address, "local"
