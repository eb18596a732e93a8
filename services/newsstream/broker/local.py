"""A single-node Apache Kafka (KRaft) broker run from Maven Central jars on loopback.

Used by `newsstream run` when no bootstrap servers are configured, and by the tests when no
external broker or Docker engine is available. The jars are resolved once with Maven and
cached; the broker's data, config and log live in its home directory.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from newsstream.broker.ports import free_port, is_free, wait_for_listener

log = logging.getLogger(__name__)


class BrokerError(RuntimeError):
    """The local broker could not be resolved, formatted or started."""


def kafka_assets_dir() -> Path:
    """Where pom.xml and the config templates are: in the wheel, or in the source tree."""
    packaged = Path(__file__).with_name("kafka")
    if (packaged / "pom.xml").exists():
        return packaged
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "deploy" / "kafka"
        if (candidate / "pom.xml").exists():
            return candidate
    raise BrokerError("cannot find deploy/kafka/pom.xml (the local broker's Maven project)")


def resolve_jars(version: str, cache: Path) -> Path:
    """Download the broker's jars with Maven once; later calls reuse the cached directory."""
    libs = cache / version / "libs"
    marker = libs / ".complete"
    if marker.exists():
        return libs
    mvn = shutil.which("mvn")
    if mvn is None:
        raise BrokerError("Maven (mvn) is needed once to fetch the Kafka jars; install it")
    staging = cache / version / f"libs.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    pom = kafka_assets_dir() / "pom.xml"
    command = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(pom),
        f"-Dkafka.version={version}",
        "dependency:copy-dependencies",
        f"-DoutputDirectory={staging}",
    ]
    log.info("resolving Apache Kafka %s jars with Maven (once)", version)
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise BrokerError(
            f"Maven could not resolve the Kafka jars:\n{result.stdout}{result.stderr}"
        )
    (staging / ".complete").write_text(version)
    with contextlib.suppress(FileExistsError, OSError):
        staging.rename(libs)
    shutil.rmtree(staging, ignore_errors=True)
    if not marker.exists():
        raise BrokerError(f"jar cache {libs} is incomplete")
    return libs


def _tied_to_parent(command: list[str]) -> list[str]:
    """Prefix the command so the broker gets SIGTERM if the process that started it dies.

    Uses util-linux `setpriv` where present; elsewhere the broker is only stopped explicitly.
    """
    setpriv = shutil.which("setpriv")
    if setpriv is None or sys.platform != "linux":
        return command
    return [setpriv, "--pdeathsig", "TERM", "--", *command]


def _cluster_id() -> str:
    """A random cluster id in Kafka's format; one with a leading dash would read as an option."""
    while True:
        text = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if text[0].isalnum():
            return text


@dataclass
class LocalKafka:
    """One broker process; `start()` returns its bootstrap address."""

    home: Path
    cache: Path
    version: str = "4.1.1"
    preferred_port: int = 9092
    message_max_bytes: int = 8 * 1024 * 1024
    heap: str = "512m"
    #: Also records the address here, so commands run from another directory find the broker.
    pointer: Path | None = None
    port: int | None = field(default=None, init=False)
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def bootstrap(self) -> str:
        if self.port is None:
            raise BrokerError("broker not started")
        return f"127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "server.log"

    @property
    def pid_file(self) -> Path:
        return self.home / "broker.pid"

    def _java(self) -> str:
        java_home = os.environ.get("JAVA_HOME")
        if java_home and (Path(java_home) / "bin" / "java").exists():
            return str(Path(java_home) / "bin" / "java")
        java = shutil.which("java")
        if java is None:
            raise BrokerError("Java 17 or newer is needed to run the local Kafka broker")
        return java

    def _logging_options(self) -> list[str]:
        """Both the storage tool and the broker log to the home's log file, not the console."""
        return [
            f"-Dlog4j2.configurationFile={kafka_assets_dir() / 'log4j2.yaml'}",
            f"-Dkafka.logs.dir={self.home / 'logs'}",
        ]

    def _classpath(self, libs: Path) -> str:
        return str(libs / "*")

    def _write_config(self, port: int, controller_port: int) -> Path:
        template = Template((kafka_assets_dir() / "server.properties.template").read_text())
        config = template.substitute(
            port=port,
            controller_port=controller_port,
            data_dir=str((self.home / "data").resolve()),
            message_max_bytes=self.message_max_bytes,
        )
        path = self.home / "server.properties"
        path.write_text(config)
        return path

    def _format(self, java: str, classpath: str, config: Path) -> None:
        """Format storage once; a formatted data directory is reused with its topics."""
        if (self.home / "data" / "meta.properties").exists():
            return
        cluster_file = self.home / "cluster.id"
        if not cluster_file.exists():
            cluster_file.write_text(_cluster_id())
        command = [
            java,
            "-cp",
            classpath,
            *self._logging_options(),
            "kafka.tools.StorageTool",
            "format",
            "-t",
            cluster_file.read_text().strip(),
            "-c",
            str(config),
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise BrokerError(f"formatting Kafka storage failed:\n{result.stdout}{result.stderr}")

    def start(self, *, timeout: float = 90.0, tie_to_parent: bool = True) -> str:
        """Start the broker; 127.0.0.1:9092 when free, else another free port."""
        libs = resolve_jars(self.version, self.cache)
        java = self._java()
        (self.home / "logs").mkdir(parents=True, exist_ok=True)
        (self.home / "data").mkdir(parents=True, exist_ok=True)
        port = self.preferred_port if is_free(self.preferred_port) else free_port()
        controller_port = free_port()
        while controller_port == port:
            controller_port = free_port()
        config = self._write_config(port, controller_port)
        classpath = self._classpath(libs)
        self._format(java, classpath, config)
        command = [
            java,
            f"-Xmx{self.heap}",
            "-Xms128m",
            "-XX:+UseG1GC",
            "-Djava.awt.headless=true",
            *self._logging_options(),
            "-cp",
            classpath,
            "kafka.Kafka",
            str(config),
        ]
        console = (self.home / "logs" / "console.out").open("ab")
        started = time.monotonic()
        self.process = subprocess.Popen(
            _tied_to_parent(command) if tie_to_parent else command,
            stdout=console,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        console.close()
        self.port = port
        self.pid_file.write_text(str(self.process.pid))
        (self.home / "bootstrap").write_text(self.bootstrap)
        if self.pointer is not None:
            self.pointer.parent.mkdir(parents=True, exist_ok=True)
            self.pointer.write_text(f"{self.bootstrap}\n{self.home.resolve()}\n")
        if not wait_for_listener("127.0.0.1", port, timeout):
            code = self.process.poll()
            self.stop()
            raise BrokerError(
                f"Kafka did not listen on {port} within {timeout:.0f}s (exit code {code}); "
                f"see {self.log_file} and {self.home / 'logs' / 'console.out'}"
            )
        log.info(
            "local Kafka %s up on %s in %.1fs (log: %s)",
            self.version,
            self.bootstrap,
            time.monotonic() - started,
            self.log_file,
        )
        return self.bootstrap

    def stop(self, timeout: float = 30.0) -> None:
        """Controlled shutdown with SIGTERM; SIGKILL only if it hangs."""
        process = self.process
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                log.warning("Kafka did not stop within %.0fs; killing it", timeout)
                process.kill()
                process.wait()
        self.process = None
        with contextlib.suppress(FileNotFoundError):
            self.pid_file.unlink()
        with contextlib.suppress(FileNotFoundError):
            (self.home / "bootstrap").unlink()
        if self.pointer is not None:
            forget_pointer(self.pointer, self.home)

    def __enter__(self) -> LocalKafka:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def forget_pointer(pointer: Path, home: Path) -> None:
    """Remove the address record if it is this broker's (another may have started since)."""
    with contextlib.suppress(OSError):
        lines = pointer.read_text().splitlines()
        if len(lines) > 1 and Path(lines[1]) == home.resolve():
            pointer.unlink()


def recorded_address(pointer: Path) -> str | None:
    """The address a local broker recorded, if something listens there."""
    try:
        address = pointer.read_text().splitlines()[0].strip()
    except (OSError, IndexError):
        return None
    host, _, port = address.rpartition(":")
    return address if port.isdigit() and wait_for_listener(host, int(port), 0.5) else None


def stop_detached(home: Path, timeout: float = 30.0, pointer: Path | None = None) -> bool:
    """Stop a broker started in the background by `newsstream broker start`."""
    if pointer is not None:
        forget_pointer(pointer, home)
    pid_file = home / "broker.pid"
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().strip())
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pid_file.unlink(missing_ok=True)
        return False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL)
    pid_file.unlink(missing_ok=True)
    (home / "bootstrap").unlink(missing_ok=True)
    return True
