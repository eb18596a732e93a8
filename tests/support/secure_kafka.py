"""A local broker that only talks SASL_SSL with SCRAM-SHA-512, as production clusters do.

The test makes its own certificate authority and broker certificate with openssl, gives the
broker one SCRAM user at storage format time, and serves clients on a SASL_SSL listener (the
broker talks to itself on a plaintext listener that clients are never told about).
"""

from __future__ import annotations

import contextlib
import secrets
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsstream.broker.ports import free_port, wait_for_listener
from tests.support import kraft

USER = "newsstream"


@dataclass(frozen=True)
class SecureBroker:
    bootstrap: str
    ca_file: Path
    username: str
    password: str


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _certificates(folder: Path) -> tuple[Path, Path]:
    """A CA, and a broker key and certificate for 127.0.0.1 signed by it: (ca.crt, broker.pem)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "san.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    steps = [
        "req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=newsstream-test-CA"
        " -keyout ca.key -out ca.crt",
        "req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout broker.key -out broker.csr",
        "x509 -req -in broker.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2"
        " -extfile san.ext -out broker.crt",
        "pkcs8 -topk8 -nocrypt -in broker.key -out broker.pk8",
    ]
    for step in steps:
        _openssl(*step.split(), cwd=folder)
    pem = folder / "broker.pem"
    pem.write_text((folder / "broker.pk8").read_text() + (folder / "broker.crt").read_text())
    return folder / "ca.crt", pem


def _config(home: Path, port: int, internal: int, controller: int, pem: Path) -> Path:
    return kraft.write_config(
        home,
        [
            "node.id=1",
            f"controller.quorum.voters=1@127.0.0.1:{controller}",
            f"listeners=SASL_SSL://127.0.0.1:{port},INTERNAL://127.0.0.1:{internal},"
            f"CONTROLLER://127.0.0.1:{controller}",
            f"advertised.listeners=SASL_SSL://127.0.0.1:{port},INTERNAL://127.0.0.1:{internal}",
            "listener.security.protocol.map="
            "SASL_SSL:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name=INTERNAL",
            "sasl.enabled.mechanisms=SCRAM-SHA-512",
            "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config="
            "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.keystore.type=PEM",
            f"ssl.keystore.location={pem}",
            *kraft.SINGLE_NODE,
        ],
    )


@contextlib.contextmanager
def secure_broker(home: Path) -> Iterator[SecureBroker]:
    """Start it, yield how to reach it, stop it."""
    ca_file, pem = _certificates(home / "tls")
    port, internal, controller = free_port(), free_port(), free_port()
    config = _config(home, port, internal, controller, pem)
    password = secrets.token_urlsafe(16)
    kraft.format_storage(
        home, config, "--add-scram", f"SCRAM-SHA-512=[name={USER},password={password}]"
    )
    process = kraft.start(home, config)
    try:
        if not wait_for_listener("127.0.0.1", port, 90):
            raise RuntimeError(f"the SASL_SSL broker did not start: see {home / 'logs'}")
        yield SecureBroker(f"127.0.0.1:{port}", ca_file, USER, password)
    finally:
        kraft.stop(process)
