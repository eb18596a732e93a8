"""Three KRaft brokers on loopback, each also a controller: replication 3, min.insync.replicas
2, so one broker may die without losing an acknowledged record."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsstream.broker.ports import free_port, wait_for_listener
from tests.support import kraft

NODES = 3


@dataclass
class Cluster:
    bootstrap: str
    ports: list[int]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def kill(self, index: int) -> None:
        """SIGKILL one broker, as a crash or a lost machine would."""
        kraft.stop(self.processes[index], kill=True)


@contextlib.contextmanager
def three_brokers(home: Path) -> Iterator[Cluster]:
    ports = [free_port() for _ in range(NODES)]
    controllers = [free_port() for _ in range(NODES)]
    voters = ",".join(f"{n + 1}@127.0.0.1:{port}" for n, port in enumerate(controllers))
    configs = []
    for n in range(NODES):
        node_home = home / f"node-{n + 1}"
        configs.append(
            kraft.write_config(
                node_home,
                [
                    f"node.id={n + 1}",
                    f"controller.quorum.voters={voters}",
                    f"listeners=PLAINTEXT://127.0.0.1:{ports[n]},"
                    f"CONTROLLER://127.0.0.1:{controllers[n]}",
                    f"advertised.listeners=PLAINTEXT://127.0.0.1:{ports[n]}",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "default.replication.factor=3",
                    "min.insync.replicas=2",
                    "offsets.topic.replication.factor=3",
                    "transaction.state.log.replication.factor=3",
                    "transaction.state.log.min.isr=2",
                    "share.coordinator.state.topic.replication.factor=3",
                    "share.coordinator.state.topic.min.isr=2",
                ],
            )
        )
        kraft.format_storage(node_home, configs[-1])
    cluster = Cluster(",".join(f"127.0.0.1:{port}" for port in ports), ports)
    try:
        for n in range(NODES):
            cluster.processes.append(kraft.start(home / f"node-{n + 1}", configs[n]))
        for port in ports:
            if not wait_for_listener("127.0.0.1", port, 120):
                raise RuntimeError(f"a broker of the cluster did not start: see {home}")
        yield cluster
    finally:
        for process in cluster.processes:
            kraft.stop(process)
