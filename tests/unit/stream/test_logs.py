"""JSON log lines carry a record's fields; a start's coordinator election is not an ERROR."""

from __future__ import annotations

import json
import logging

import pytest

from newsstream.stream import logs


def test_json_lines_carry_the_record_fields() -> None:
    record = logging.LogRecord(
        "newsstream.records", logging.INFO, __file__, 1, "record x", (), None
    )
    record.fields = {"topic": "news.pages.raw", "offset": 3, "outcome": "ok"}
    line = json.loads(logs.JsonFormatter().format(record))
    assert line["level"] == "INFO"
    assert line["message"] == "record x"
    assert (line["topic"], line["offset"], line["outcome"]) == ("news.pages.raw", 3, "ok")


def test_coordinator_not_available_at_start_is_info(caplog: pytest.LogCaptureFixture) -> None:
    root = logging.getLogger("test-root")
    logs.configure(root, json=False)
    logs.configure(root, json=False)  # twice: still one filter
    coordinator = logging.getLogger("aiokafka.consumer.group_coordinator")
    assert len(coordinator.filters) == 1
    with caplog.at_level(logging.INFO, logger="aiokafka.consumer.group_coordinator"):
        coordinator.error(
            "Group Coordinator Request failed: [Error 15] GroupCoordinatorNotAvailableError"
        )
        coordinator.error("Heartbeat failed: something else")
    levels = [
        r.levelname for r in caplog.records if r.name == "aiokafka.consumer.group_coordinator"
    ]
    assert levels == ["INFO", "ERROR"]
