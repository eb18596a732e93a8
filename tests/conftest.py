"""Shared fixtures: paths to fixtures, and one real Kafka broker per test session."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.kafka import kafka_for_tests

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seed_page() -> bytes:
    return (FIXTURES / "seed" / "page.txt").read_bytes()


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real broker: configured, testcontainers, or the project's local one."""
    with kafka_for_tests(tmp_path_factory.mktemp("kafka")) as (address, how):
        print(f"\nKafka for tests: {address} ({how})")
        yield address


@pytest.fixture
def listening() -> Iterator[int]:
    """A loopback port where something accepts connections, standing in for a broker."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield int(server.getsockname()[1])


@pytest.fixture
def topic_prefix() -> str:
    """Each test gets its own topics and consumer group, so tests never see each other's data."""
    return f"test-{uuid.uuid4().hex[:10]}."
