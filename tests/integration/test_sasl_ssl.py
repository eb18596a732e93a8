"""The service against a broker that only speaks SASL_SSL with SCRAM-SHA-512: topics created,
a page produced and processed, the outputs read back, all through the command line and a
worker configured only by environment variables; a wrong password is one clear error; the
password is never logged."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import orjson
import pytest

from tests.support.secure_kafka import secure_broker
from tests.support.streams import newsstream_command

pytestmark = pytest.mark.kafka

SUMMARY = "news.casualty_summary.v1"


def test_a_page_goes_through_a_sasl_ssl_broker(fixtures_dir: Path, tmp_path: Path) -> None:
    with secure_broker(tmp_path / "kafka") as broker:
        env = os.environ | {
            "NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap,
            "NEWSSTREAM_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
            "NEWSSTREAM_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
            "NEWSSTREAM_KAFKA_SASL_USERNAME": broker.username,
            "NEWSSTREAM_KAFKA_SASL_PASSWORD": broker.password,
            "NEWSSTREAM_KAFKA_SSL_CAFILE": str(broker.ca_file),
            "NEWSSTREAM_TOPIC_PREFIX": "secure.",
            "NEWSSTREAM_APP_ID": "newsstream-secure",
            "NEWSSTREAM_WORKER_WEB_PORT": "0",
            "NEWSSTREAM_WORKER_DATA_DIR": str(tmp_path / "worker"),
        }
        log = tmp_path / "worker.log"
        with log.open("wb") as out:
            worker = subprocess.Popen(
                newsstream_command("worker"), env=env, stdout=out, stderr=subprocess.STDOUT
            )
            try:
                page = tmp_path / "page.txt"
                page.write_text((fixtures_dir / "pages" / "harbour-fire.txt").read_text())
                deadline = time.monotonic() + 120
                while "]: Ready" not in log.read_text(errors="replace"):
                    assert worker.poll() is None, log.read_text()[-3000:]
                    assert time.monotonic() < deadline, "the worker never became ready"
                    time.sleep(0.5)
                sent = _run("produce", str(page), env=env)
                assert sent.returncode == 0, sent.stderr
                summaries: list[dict[str, object]] = []
                while not summaries and time.monotonic() < deadline + 120:
                    tailed = _run("tail", "casualties", "--idle-timeout", "5", env=env)
                    assert tailed.returncode == 0, tailed.stderr
                    records = [orjson.loads(line) for line in tailed.stdout.splitlines()]
                    summaries = [r for r in records if r["headers"].get("ce_type") == SUMMARY]
                assert summaries, "no casualty summary came back"
            finally:
                worker.send_signal(2)
                worker.wait(60)

        wrong = _run("produce", str(page), env=env | {"NEWSSTREAM_KAFKA_SASL_PASSWORD": "wrong"})
        assert wrong.returncode != 0
        assert "Traceback" not in wrong.stderr
        text = log.read_text(errors="replace")
        assert broker.password not in text
        assert "Traceback" not in text


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        newsstream_command(*args), env=env, capture_output=True, text=True, check=False, timeout=180
    )
