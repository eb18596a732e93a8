"""A running worker, as an operator sees it: /healthz at once, /readyz once it can work,
/metrics that move when a page goes through, one log line per record and no ERROR on start."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from tests.support.streams import (
    create_topics,
    headers,
    produce,
    read_until,
    running_worker,
    settings_for,
)

pytestmark = pytest.mark.kafka

SUMMARY = "news.casualty_summary.v1"
SECRET = "pw-7d1c0e9a-never-logged"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, bytes] | None:
    """The answer, or None while nothing listens yet."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return None


def _samples(port: int) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    answer = _get(port, "/metrics")
    assert answer is not None
    assert answer[0] == 200
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(answer[1].decode())
        for sample in family.samples
    }


def _value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_health_readiness_metrics_and_logs_of_a_running_worker(
    kafka_bootstrap: str, fixtures_dir: Path, tmp_path: Path
) -> None:
    port = _free_port()
    settings = settings_for(kafka_bootstrap, f"observe-{uuid.uuid4().hex[:8]}.", web_port=port)
    # A password in the environment (unused on a plaintext listener) must never reach the log.
    settings = settings.model_copy(update={"kafka_sasl_password": SecretStr(SECRET)})
    create_topics(settings)
    topics = settings.topics
    body = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    page = orjson.dumps(
        {"body": body, "url": "https://example.org/observe", "fetched_at": "2025-07-19T12:00:00Z"}
    )
    produce(kafka_bootstrap, topics.raw, [(b"good", page), (b"bad", b'{"body": ["not", "text"]}')])
    log = tmp_path / "worker.log"

    with running_worker(settings, log) as worker:
        deadline = time.monotonic() + 120
        readiness: list[int] = []
        while not readiness or readiness[-1] != 200:
            assert worker.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, f"never ready: {readiness[-5:]}"
            if (health := _get(port, "/healthz")) is not None:
                assert health[0] == 200
                ready = _get(port, "/readyz")
                assert ready is not None
                readiness.append(ready[0])
            time.sleep(0.1)
        assert readiness[0] == 503, "the endpoints answered only once everything was loaded"

        read_until(
            kafka_bootstrap,
            topics.casualties,
            lambda records: any(headers(r)["ce_type"] == SUMMARY for r in records),
            worker=worker,
        )
        time.sleep(6)  # the lag is read every 5 s
        samples = _samples(port)
        scraped = (_get(port, "/metrics") or (0, b""))[1] + (_get(port, "/readyz") or (0, b""))[1]

    consumed = "newsstream_records_consumed_total"
    assert _value(samples, consumed, topic=topics.raw, outcome="ok") == 1
    assert _value(samples, consumed, topic=topics.raw, outcome="dead_letter") == 1
    assert _value(samples, consumed, topic=topics.parsed, outcome="ok") >= 1
    assert _value(samples, consumed, topic=topics.articles, outcome="ok") >= 1
    assert (
        sum(v for (name, labels), v in samples.items() if name == "newsstream_dead_letters_total")
        == 1
    )
    assert _value(samples, "newsstream_events_emitted_total", kind="articles") >= 1
    assert _value(samples, "newsstream_events_emitted_total", kind="casualty summaries") >= 1
    assert _value(samples, "newsstream_records_produced_total", topic=topics.articles) >= 1
    for stage in ("parse", "dedup", "enrich"):
        assert _value(samples, "newsstream_stage_seconds_count", stage=stage) >= 1
    assert _value(samples, "newsstream_enrich_batch_size_count") >= 1
    assert any(name == "newsstream_build_info" for name, _ in samples)
    assert any(name == "newsstream_consumer_lag" for name, _ in samples)

    assert SECRET.encode() not in scraped
    assert SECRET not in log.read_text()
    lines = log.read_text().splitlines()
    assert not [line for line in lines if "[ERROR]" in line or "Traceback" in line]
    records = [line for line in lines if " record stage=" in line]
    assert any('outcome="dead_letter"' in line and "[WARNING]" in line for line in records)
    assert any('stage="enrich"' in line and 'outcome="ok"' in line for line in records)
