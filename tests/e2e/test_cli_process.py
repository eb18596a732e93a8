"""`newsstream process`, run as a user would, with no Kafka anywhere."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from tests.support.streams import newsstream_command

FETCHED_AT = "2025-07-19T12:00:00Z"


def _process(*args: str, stdin: bytes | None = None) -> tuple[int, list[dict[str, Any]]]:
    result = subprocess.run(
        newsstream_command("process", *args), input=stdin, capture_output=True, check=False
    )
    lines = [orjson.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.returncode, lines


def test_seed_page_prints_articles_entities_casualties_and_summaries(fixtures_dir: Path) -> None:
    code, events = _process(
        str(fixtures_dir / "seed" / "page.txt"),
        "--fetched-at",
        FETCHED_AT,
        "--url",
        "https://example.org/seed",
    )
    assert code == 0
    types = Counter(event["type"] for event in events)
    assert types["news.article.v1"] == 4
    assert types["news.casualty.v1"] == 8
    assert types["news.casualty_summary.v1"] == 4
    assert types["news.entity.v1"] >= 20
    assert types["news.dead_letter.v1"] == 0
    for event in events:
        assert set(event) == {
            "specversion",
            "type",
            "id",
            "source",
            "time",
            "datacontenttype",
            "subject",
            "data",
        }
        assert event["specversion"] == "1.0"
        assert event["datacontenttype"] == "application/json"
        assert event["id"] == event["data"]["event_id"]
    articles = [e["data"] for e in events if e["type"] == "news.article.v1"]
    assert [a["position"] for a in articles] == [0, 1, 2, 3]
    assert all(a["url"] == "https://example.org/seed" for a in articles)


def test_output_is_deterministic_apart_from_processing_times(fixtures_dir: Path) -> None:
    page = str(fixtures_dir / "seed" / "page.txt")
    _, first = _process(page, "--fetched-at", FETCHED_AT)
    _, second = _process(page, "--fetched-at", FETCHED_AT)

    def stable(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for event in events:
            data = {
                k: v for k, v in event["data"].items() if k not in {"parsed_at", "processed_at"}
            }
            out.append({"type": event["type"], "id": event["id"], "data": data})
        return out

    assert stable(first) == stable(second)


def test_bad_input_gives_a_dead_letter_and_status_1() -> None:
    code, events = _process("-", stdin=b'{"body": ""}')
    assert code == 1
    assert [e["type"] for e in events] == ["news.dead_letter.v1"]
    assert events[0]["data"]["error"]["type"] == "invalid_envelope"
    assert events[0]["data"]["original"]["value"] == '{"body": ""}'


def test_jsonl_envelopes_are_processed_one_per_line(fixtures_dir: Path, tmp_path: Path) -> None:
    page = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    lines = [
        orjson.dumps({"body": page, "url": "https://example.org/a", "fetched_at": FETCHED_AT}),
        b"",
        b'{"url": "https://example.org/no-body"}',
    ]
    path = tmp_path / "pages.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    code, events = _process("--jsonl", str(path))
    assert code == 1
    skipped = {"news.entity.v1", "news.casualty.v1"}
    assert [e["type"] for e in events if e["type"] not in skipped] == [
        "news.article.v1",
        "news.casualty_summary.v1",
        "news.dead_letter.v1",
        "news.incident.v1",
    ]
    summary = next(e["data"] for e in events if e["type"] == "news.casualty_summary.v1")
    assert summary["totals"]["injured"] == 4
    letter = next(e["data"] for e in events if e["type"] == "news.dead_letter.v1")
    assert letter["original"]["offset"] == 3
    assert "body" in letter["error"]["message"]


def test_two_reports_of_one_fire_print_one_incident_with_the_updated_toll(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    first = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    update = first.replace(
        "Fire at Port Elm harbour warehouse injures four workers",
        "Six workers hurt in Port Elm harbour warehouse fire",
    ).replace(
        "injuring four workers and", "injuring six workers, two more than first reported, and"
    )
    paths = []
    for name, body, fetched_at in (
        ("first.json", first, "2025-07-15T12:00:00Z"),
        ("update.json", update, "2025-07-16T12:00:00Z"),
    ):
        path = tmp_path / name
        url = f"https://example.org/{name}"
        path.write_bytes(orjson.dumps({"body": body, "url": url, "fetched_at": fetched_at}))
        paths.append(str(path))
    code, events = _process(*paths)
    assert code == 0
    incidents = [e for e in events if e["type"] == "news.incident.v1"]
    assert len(incidents) == 1
    assert events[-1] is incidents[0]  # after everything else: the state once all input is in
    incident = incidents[0]["data"]
    assert [r["url"] for r in incident["reports"]] == [
        "https://example.org/first.json",
        "https://example.org/update.json",
    ]
    assert incident["totals"]["injured"]["count"] == 6
    assert incidents[0]["subject"] == incident["incident_id"]
