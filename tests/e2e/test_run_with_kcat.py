"""`newsstream run` on its embedded broker, fed and read by kcat (a non-Python Kafka client)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from newsstream.broker.ports import free_port, is_free, wait_for_listener
from tests.support.streams import newsstream_command

pytestmark = [pytest.mark.kafka, pytest.mark.e2e]

KCAT = shutil.which("kcat")


def _kcat_required() -> None:
    if KCAT is None:
        if os.environ.get("NEWSSTREAM_REQUIRE_KCAT"):
            pytest.fail("kcat is required (NEWSSTREAM_REQUIRE_KCAT is set) but not installed")
        pytest.skip("kcat is not installed (Debian package kcat)")


def _wait_for_line(log: Path, needle: str, process: subprocess.Popen[bytes], timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace") if log.exists() else ""
        for line in text.splitlines():
            if needle in line:
                return line
        if process.poll() is not None:
            raise AssertionError(f"`newsstream run` exited early:\n{text[-3000:]}")
        time.sleep(0.3)
    raise AssertionError(f"no {needle!r} in the log within {timeout}s")


def _consume(
    bootstrap: str,
    topic: str,
    until: int,
    timeout: float,
    service: subprocess.Popen[bytes],
    log: Path,
) -> list[dict[str, Any]]:
    """kcat -C in JSON envelope mode until `until` messages are read or time runs out; fails at
    once if the service has exited."""
    deadline = time.monotonic() + timeout
    messages: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        if service.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:]
            raise AssertionError(f"`newsstream run` exited ({service.returncode}):\n{tail}")
        result = subprocess.run(
            [KCAT or "kcat", "-b", bootstrap, "-C", "-t", topic, "-o", "beginning", "-e", "-J"],
            capture_output=True,
            check=False,
            timeout=60,
        )
        messages = [orjson.loads(line) for line in result.stdout.splitlines() if line.strip()]
        if len(messages) >= until:
            return messages
        time.sleep(1)
    raise AssertionError(f"only {len(messages)} of {until} messages on {topic}")


def test_run_then_kcat_page_in_and_casualties_out(tmp_path: Path, fixtures_dir: Path) -> None:
    _kcat_required()
    env = {k: v for k, v in os.environ.items() if k != "NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS"}
    port = free_port()
    env.update(
        {
            "NEWSSTREAM_LOCAL_KAFKA_HOME": str(tmp_path / "kafka"),
            "NEWSSTREAM_LOCAL_KAFKA_PORT": str(port),
        }
    )
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        run = subprocess.Popen(
            newsstream_command("run"), env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        _wait_for_line(log, "Local Apache Kafka", run, timeout=180)
        bootstrap = f"127.0.0.1:{port}"
        assert wait_for_listener("127.0.0.1", port, 5)
        subprocess.run(
            [
                KCAT or "kcat",
                "-b",
                bootstrap,
                "-t",
                "news.pages.raw",
                "-P",
                str(fixtures_dir / "seed" / "page.txt"),
            ],
            check=True,
            timeout=60,
        )
        messages = _consume(
            bootstrap, "news.casualties", until=12, timeout=180, service=run, log=log
        )
    finally:
        run.send_signal(signal.SIGINT)
        try:
            run.wait(90)
        except subprocess.TimeoutExpired:
            run.kill()
            raise
    assert run.returncode == 0, log.read_text(errors="replace")[-3000:]
    assert is_free(port), "the embedded broker still listens after Ctrl-C"

    kinds: dict[str, list[dict[str, Any]]] = {}
    for message in messages:
        headers = dict(zip(message["headers"][::2], message["headers"][1::2], strict=True))
        assert headers["ce_specversion"] == "1.0"
        assert headers["content-type"] == "application/json"
        payload = orjson.loads(message["payload"])  # plain JSON, readable by any client
        assert headers["ce_id"] == payload["event_id"]
        assert message["key"] == payload["article_id"]
        kinds.setdefault(headers["ce_type"], []).append(payload)
    figures = kinds["news.casualty.v1"]
    assert sorted(f["count"] for f in figures) == [3, 15, 21, 182, 262, 312, 326, 940]
    totals = [s["totals"]["killed"] for s in kinds["news.casualty_summary.v1"]]
    assert sorted(totals, key=lambda t: t or 0) == [None, None, None, 940]
