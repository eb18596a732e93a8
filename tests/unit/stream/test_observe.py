"""Metrics count what each record became, and each record gets one log line."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from prometheus_client import generate_latest

from newsstream.pipeline.pages import PageLimits, process_page_record
from newsstream.pipeline.records import ConsumedRecord
from newsstream.stream.observe import Metrics

LIMITS = PageLimits(max_page_bytes=2_000_000, max_dead_letter_value_bytes=100_000)
AT = datetime(2025, 7, 19, 12, tzinfo=UTC)


def _record(value: bytes, offset: int = 0) -> ConsumedRecord:
    return ConsumedRecord("news.pages.raw", 0, offset, b"key", value, timestamp=AT)


def _sample(metrics: Metrics, name: str, **labels: str) -> float:
    value = metrics.registry.get_sample_value(name, labels)
    return 0.0 if value is None else value


def test_a_page_and_a_bad_record_are_counted_and_logged(
    fixtures_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    body = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    good = _record(orjson.dumps({"body": body, "fetched_at": AT.isoformat()}))
    bad = _record(b'{"body": ["not", "text"]}', offset=1)
    outputs = [process_page_record(good, LIMITS), process_page_record(bad, LIMITS)]
    metrics = Metrics(spacy_model="model", lag=lambda: [("news.pages.raw", 0, 7)])

    with caplog.at_level(logging.INFO, logger="newsstream.records"):
        metrics.observe("parse", [good, bad], outputs, 0.5)

    assert (
        _sample(metrics, "newsstream_records_consumed_total", topic="news.pages.raw", outcome="ok")
        == 1
    )
    assert (
        _sample(
            metrics,
            "newsstream_records_consumed_total",
            topic="news.pages.raw",
            outcome="dead_letter",
        )
        == 1
    )
    letter = outputs[1][0].message.error  # type: ignore[attr-defined]
    assert (
        _sample(metrics, "newsstream_dead_letters_total", type=letter.type, stage=letter.stage) == 1
    )
    # Articles the parse stage finds are counted when published, after de-duplication.
    assert _sample(metrics, "newsstream_events_emitted_total", kind="articles") == 0
    assert _sample(metrics, "newsstream_stage_seconds_count", stage="parse") == 1
    assert _sample(metrics, "newsstream_consumer_lag", topic="news.pages.raw", partition="0") == 7
    text = generate_latest(metrics.registry).decode()
    assert "newsstream_build_info{" in text
    assert 'spacy_model="model"' in text

    lines = [r for r in caplog.records if r.name == "newsstream.records"]
    assert len(lines) == 2
    assert 'outcome="ok"' in lines[0].getMessage()
    assert f"articles={len(outputs[0])}" in lines[0].getMessage()
    assert lines[1].levelno == logging.WARNING
    assert f'error="{letter.type}"' in lines[1].getMessage()
    assert all(r.exc_info is None for r in lines)


def test_a_duplicate_is_its_own_outcome() -> None:
    metrics = Metrics(spacy_model="model")
    record = ConsumedRecord("news.articles.parsed", 1, 5, b"id", b"{}")
    metrics.observe("dedup", [record], [[]], 0.001, duplicates=1)
    assert (
        _sample(
            metrics,
            "newsstream_records_consumed_total",
            topic="news.articles.parsed",
            outcome="duplicate",
        )
        == 1
    )


def test_produced_records_are_counted_per_topic() -> None:
    metrics = Metrics(spacy_model="model")
    metrics.produced_to(["news.articles", "news.articles", "news.entities"])
    assert _sample(metrics, "newsstream_records_produced_total", topic="news.articles") == 2
    assert _sample(metrics, "newsstream_records_produced_total", topic="news.entities") == 1


def test_incident_versions_are_counted_and_a_merged_incident_s_tombstone_is_not(
    fixtures_dir: Path,
) -> None:
    from dataclasses import replace

    from newsstream.models import EventType
    from newsstream.topology import Topic

    body = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    page = _record(orjson.dumps({"body": body, "fetched_at": AT.isoformat()}))
    article = process_page_record(page, LIMITS)[0]
    version = replace(article, output=Topic.INCIDENTS, event_type=EventType.INCIDENT)
    tombstone = replace(version, key="merged-away", message=None)
    report = ConsumedRecord("news.incidents.reports", 0, 0, b"US-TN", b"{}")
    metrics = Metrics(spacy_model="model")
    metrics.observe("incidents", [report], [[version, tombstone]], 0.01)
    assert _sample(metrics, "newsstream_events_emitted_total", kind="incident versions") == 1
