"""Running Kafka brokers of particular shapes for tests: the jars `make` fetched, a config
file, storage formatted once, the broker process started and stopped."""

from __future__ import annotations

import subprocess
from pathlib import Path

from newsstream.broker.local import kafka_assets_dir, resolve_jars
from newsstream.settings import Settings

#: Fixed: every node of one test cluster shares it.
CLUSTER_ID = "s5iCw0VzQkW9bnKVBrm0sA"

#: Replication settings of a single node.
SINGLE_NODE = [
    "offsets.topic.replication.factor=1",
    "transaction.state.log.replication.factor=1",
    "transaction.state.log.min.isr=1",
    "share.coordinator.state.topic.replication.factor=1",
    "share.coordinator.state.topic.min.isr=1",
]
COMMON = [
    "process.roles=broker,controller",
    "controller.listener.names=CONTROLLER",
    "group.initial.rebalance.delay.ms=0",
    "auto.create.topics.enable=false",
    "message.max.bytes=16777216",
    "replica.fetch.max.bytes=16777216",
]


def java(home: Path) -> list[str]:
    """The java command line up to the main class, logging into `home`/logs."""
    settings = Settings()
    libs = resolve_jars(settings.local_kafka_version, settings.local_kafka_cache)
    logging = [
        f"-Dlog4j2.configurationFile={kafka_assets_dir() / 'log4j2.yaml'}",
        f"-Dkafka.logs.dir={home / 'logs'}",
    ]
    return ["java", "-Xmx384m", *logging, "-cp", str(libs / "*")]


def write_config(home: Path, lines: list[str]) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "server.properties"
    path.write_text("\n".join([*COMMON, f"log.dirs={home / 'data'}", *lines]) + "\n")
    return path


def format_storage(home: Path, config: Path, *extra: str) -> None:
    command = [*java(home), "kafka.tools.StorageTool", "format", "-t", CLUSTER_ID]
    subprocess.run([*command, "-c", str(config), *extra], check=True, capture_output=True)


def start(home: Path, config: Path) -> subprocess.Popen[bytes]:
    with (home / "console.out").open("ab") as console:
        return subprocess.Popen(
            [*java(home), "kafka.Kafka", str(config)], stdout=console, stderr=subprocess.STDOUT
        )


def stop(process: subprocess.Popen[bytes], *, kill: bool = False) -> None:
    if process.poll() is not None:
        return
    if kill:
        process.kill()
    else:
        process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
