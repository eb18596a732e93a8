from __future__ import annotations

from newsstream.models import Article
from newsstream.pipeline.dedup import (
    MAX_VERSIONS,
    dedup_dead_letters,
    first_sighting,
    process_parsed_record,
)
from newsstream.pipeline.pages import article_emission
from newsstream.pipeline.records import ConsumedRecord, Output
from tests.support.articles import make_article


def _article(content_hash: str, article_id: str = "a1") -> Article:
    index = 0 if article_id == "a1" else 1
    return make_article("Body.", "T", index=index, content_hash=content_hash)


def test_a_repeat_is_dropped_and_an_edit_is_a_new_version() -> None:
    seen: dict[bytes, bytes] = {}
    assert first_sighting(seen, _article("h1"))
    assert not first_sighting(seen, _article("h1"))
    assert first_sighting(seen, _article("h2"))
    assert not first_sighting(seen, _article("h1"))  # an older version re-sent
    assert first_sighting(seen, _article("h1", article_id="other"))


def test_only_the_latest_versions_are_remembered() -> None:
    seen: dict[bytes, bytes] = {}
    for n in range(MAX_VERSIONS + 1):
        assert first_sighting(seen, _article(f"h{n}"))
    assert len(seen[b"article-0"].split(b",")) == MAX_VERSIONS
    assert first_sighting(seen, _article("h0"))


def _record(value: bytes) -> ConsumedRecord:
    return ConsumedRecord(
        topic="news.articles.parsed", partition=0, offset=5, key=b"a1", value=value
    )


def test_records_pass_once_and_unreadable_ones_are_dead_lettered() -> None:
    seen: dict[bytes, bytes] = {}
    letters = dedup_dead_letters(1000)
    value = article_emission(_article("h1"), Output.PARSED).value_bytes()
    [first] = process_parsed_record(_record(value), seen, letters)
    assert first.output is Output.ARTICLES
    assert first.value_bytes() == value
    assert process_parsed_record(_record(value), seen, letters) == []
    [letter] = process_parsed_record(_record(b"{}"), seen, letters)
    assert letter.output is Output.ARTICLES_DLQ
    assert letter.data()["error"]["stage"] == "dedup"
