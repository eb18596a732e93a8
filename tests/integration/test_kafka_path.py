"""The whole path on a real broker: raw page in; articles, entities, casualties out."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from subprocess import Popen

import orjson
import pytest

from newsstream.settings import Settings
from tests.support.streams import (
    create_topics,
    headers,
    produce,
    read_to_end,
    read_until,
    running_worker,
    settings_for,
    topic_config,
    value,
    wait_until_consumed,
)

pytestmark = pytest.mark.kafka

FETCHED_AT = "2025-07-19T12:00:00Z"
SEED_URL = "https://example.org/seed"


@pytest.fixture(scope="module")
def service(
    kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Settings, Popen[bytes]]]:
    import uuid

    settings = settings_for(kafka_bootstrap, f"it-{uuid.uuid4().hex[:8]}.")
    create_topics(settings)
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    with running_worker(settings, log) as worker:
        yield settings, worker
    print(log.read_text(errors="replace")[-4000:])


def _envelope(body: bytes, url: str) -> bytes:
    return orjson.dumps({"body": body.decode(), "url": url, "fetched_at": FETCHED_AT})


def test_seed_page_becomes_articles_entities_and_casualties(
    service: tuple[Settings, Popen[bytes]], seed_page: bytes
) -> None:
    settings, worker = service
    bootstrap = settings.kafka_bootstrap_servers or ""
    topics = settings.topics
    produce(bootstrap, topics.raw, [(SEED_URL.encode(), _envelope(seed_page, SEED_URL))])

    articles = read_until(bootstrap, topics.articles, lambda r: len(r) >= 4, worker=worker)
    by_title = {value(r)["title"]: r for r in articles}
    assert len(articles) == 4
    assert set(by_title) == {
        "Preliminary US-backed talks underway between 'Israel', Syria: Axios",
        "Trump Sues Wall Street Journal Over Epstein Report, Seeks $10 Billion",
        "Qassem says to talk 'defense strategy' after 'existential threat' ends",
        "South Syria violence death toll rises to 940: Monitor",
    }
    for record in articles:
        article = value(record)
        assert record.key.decode() == article["article_id"]
        meta = headers(record)
        assert meta["ce_specversion"] == "1.0"
        assert meta["ce_type"] == "news.article.v1"
        assert meta["ce_id"] == article["event_id"]
        assert meta["content-type"] == "application/json"
        assert article["url"] == SEED_URL
        assert article["fetched_at"] == FETCHED_AT
    sweida = value(by_title["South Syria violence death toll rises to 940: Monitor"])
    assert sweida["publisher"] == "LBCI"
    assert sweida["published_at"] == "2025-07-18T23:00:00Z"  # "13 hours ago"

    casualties = read_until(
        bootstrap,
        topics.casualties,
        lambda r: sum(headers(x)["ce_type"] == "news.casualty_summary.v1" for x in r) >= 4,
        worker=worker,
    )
    figures = [value(r) for r in casualties if headers(r)["ce_type"] == "news.casualty.v1"]
    summaries = {
        value(r)["article_id"]: value(r)
        for r in casualties
        if headers(r)["ce_type"] == "news.casualty_summary.v1"
    }
    assert sorted(f["count"] for f in figures) == [3, 15, 21, 182, 262, 312, 326, 940]
    assert {f["kind"] for f in figures} == {"killed"}
    assert {f["article_id"] for f in figures} == {sweida["article_id"]}
    assert summaries[sweida["article_id"]]["totals"]["killed"] == 940
    assert all(
        s["totals"]["killed"] is None for a, s in summaries.items() if a != sweida["article_id"]
    )
    for record in casualties:
        assert record.key.decode() == value(record)["article_id"]

    entities = read_until(bootstrap, topics.entities, lambda r: len(r) >= 20, worker=worker)
    main_id = value(
        by_title["Preliminary US-backed talks underway between 'Israel', Syria: Axios"]
    )["article_id"]
    main_people = {
        value(r)["name"]
        for r in entities
        if value(r)["article_id"] == main_id and value(r)["label"] == "PERSON"
    }
    assert {"Benjamin Netanyahu", "Donald Trump", "Tom Barrack", "Marco Rubio"} <= main_people
    assert all(headers(r)["ce_type"] == "news.entity.v1" for r in entities)

    # The one story with a toll becomes an incident, keyed by its id on a compacted topic.
    incidents = read_until(bootstrap, topics.incidents, lambda r: len(r) >= 1, worker=worker)
    incident = value(incidents[0])
    assert incidents[0].key.decode() == incident["incident_id"]
    assert headers(incidents[0])["ce_type"] == "news.incident.v1"
    assert incident["totals"]["killed"]["count"] == 940
    assert [r["article_id"] for r in incident["reports"]] == [sweida["article_id"]]
    assert topic_config(bootstrap, topics.incidents)["cleanup.policy"] == "compact"


def test_bad_records_go_to_the_dead_letter_topic_and_the_worker_goes_on(
    service: tuple[Settings, Popen[bytes]], fixtures_dir: Path
) -> None:
    settings, worker = service
    bootstrap = settings.kafka_bootstrap_servers or ""
    topics = settings.topics
    key = b"same-key-keeps-order"
    good = orjson.dumps(
        {
            "body": (fixtures_dir / "pages" / "harbour-fire.txt").read_text(),
            "url": "https://example.org/after-bad-ones",
            "fetched_at": FETCHED_AT,
        }
    )
    offsets = produce(
        bootstrap,
        topics.raw,
        [(key, b'{"body": 42}'), (key, b"\xff\xfe\x00binary"), (key, b"{not json"), (key, good)],
    )

    letters = read_until(bootstrap, topics.raw_dlq, lambda r: len(r) >= 3, worker=worker)
    reasons = {value(r)["original"]["offset"]: value(r)["error"] for r in letters}
    assert reasons[offsets[0]]["type"] == "invalid_envelope"
    assert "body" in reasons[offsets[0]]["message"]
    assert reasons[offsets[1]]["type"] == "undecodable"
    assert reasons[offsets[2]]["type"] == "invalid_json"
    for record in letters:
        letter = value(record)
        assert letter["original"]["topic"] == topics.raw
        assert letter["original"]["key"] == key.decode()
        assert headers(record)["ce_type"] == "news.dead_letter.v1"
    binary = next(value(r) for r in letters if value(r)["original"]["offset"] == offsets[1])
    assert binary["original"]["value"] is None
    assert binary["original"]["value_base64"]

    articles = read_until(
        bootstrap,
        topics.articles,
        lambda r: any(value(x)["url"] == "https://example.org/after-bad-ones" for x in r),
        worker=worker,
    )
    assert worker.poll() is None
    good_articles = [
        value(x) for x in articles if value(x)["url"] == "https://example.org/after-bad-ones"
    ]
    assert [a["title"] for a in good_articles] == [
        "Fire at Port Elm harbour warehouse injures four workers"
    ]


def _variant(fixtures_dir: Path, *, extra: str = "") -> bytes:
    """A story of its own, derived from the harbour page; `extra` edits its last paragraph."""
    text = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    text = text.replace("Port Elm", "Lake Arden").replace("Fire at", "Blaze at")
    text = text.replace("through the building.", "through the building." + extra)
    return text.encode()


def test_a_story_seen_again_is_one_article_even_after_a_restart(
    service: tuple[Settings, Popen[bytes]],
    fixtures_dir: Path,
    seed_page: bytes,
    tmp_path: Path,
) -> None:
    settings, worker = service
    bootstrap = settings.kafka_bootstrap_servers or ""
    topics = settings.topics
    title = "Blaze at Lake Arden harbour warehouse injures four workers"
    story = _variant(fixtures_dir)
    edited = _variant(fixtures_dir, extra=" Police said the site had been inspected in May.")
    produce(
        bootstrap,
        topics.raw,
        [
            (b"https://example.org/one", _envelope(story, "https://example.org/one")),
            (b"https://example.org/two", _envelope(story, "https://example.org/two")),
            (b"https://example.org/seed-again", _envelope(seed_page, "https://example.org/x")),
            (b"https://example.org/one", _envelope(edited, "https://example.org/one")),
        ],
    )
    wait_until_consumed(bootstrap, settings.app_id, topics.raw)
    wait_until_consumed(bootstrap, settings.app_id, topics.parsed)

    # A new worker process must remember what the old one published.
    worker.send_signal(signal.SIGINT)
    assert worker.wait(60) == 0
    with running_worker(settings, tmp_path / "restarted.log") as restarted:
        produce(
            bootstrap,
            topics.raw,
            [(b"https://example.org/three", _envelope(story, "https://example.org/three"))],
        )
        wait_until_consumed(bootstrap, settings.app_id, topics.raw, timeout=180)
        wait_until_consumed(bootstrap, settings.app_id, topics.parsed, timeout=180)
        assert restarted.poll() is None

    articles = [value(r) for r in read_to_end(bootstrap, topics.articles)]
    versions = [a for a in articles if a["title"] == title]
    assert len(versions) == 2, [a["url"] for a in versions]
    assert len({a["article_id"] for a in versions}) == 1
    assert len({a["content_hash"] for a in versions}) == 2
    seed_titles = [
        a for a in articles if a["title"] == "South Syria violence death toll rises to 940: Monitor"
    ]
    assert len(seed_titles) == 1
