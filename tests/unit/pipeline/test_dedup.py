from __future__ import annotations

from newsstream.models import Article
from newsstream.pipeline.dedup import (
    MAX_VERSIONS,
    already_published,
    dedup_dead_letters,
    mark_published,
    read_parsed,
)
from newsstream.pipeline.pages import article_emission
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.topology import Topic
from tests.support.articles import make_article


def _article(content_hash: str, article_id: str = "a1") -> Article:
    index = 0 if article_id == "a1" else 1
    return make_article("Body.", "T", index=index, content_hash=content_hash)


def _first_sighting(seen: dict[bytes, bytes], article: Article) -> bool:
    if already_published(seen, article):
        return False
    mark_published(seen, article)
    return True


def test_a_repeat_is_dropped_and_an_edit_is_a_new_version() -> None:
    seen: dict[bytes, bytes] = {}
    assert _first_sighting(seen, _article("h1"))
    assert not _first_sighting(seen, _article("h1"))
    assert _first_sighting(seen, _article("h2"))
    assert not _first_sighting(seen, _article("h1"))  # an older version re-sent
    assert _first_sighting(seen, _article("h1", article_id="other"))


def test_only_the_latest_versions_are_remembered() -> None:
    seen: dict[bytes, bytes] = {}
    for n in range(MAX_VERSIONS + 1):
        assert _first_sighting(seen, _article(f"h{n}"))
    assert len(seen[b"article-0"].split(b",")) == MAX_VERSIONS
    assert _first_sighting(seen, _article("h0"))


def _record(value: bytes) -> ConsumedRecord:
    return ConsumedRecord(
        topic="news.articles.parsed", partition=0, offset=5, key=b"article-0", value=value
    )


def test_a_parsed_record_gives_its_article_or_a_dead_letter() -> None:
    letters = dedup_dead_letters(1000)
    article = _article("h1")
    value = article_emission(article, Topic.PARSED).value_bytes()
    assert read_parsed(_record(value), letters) == article
    letter = read_parsed(_record(b"{}"), letters)
    assert isinstance(letter, Emission)
    assert letter.output is Topic.ARTICLES_DLQ
    assert letter.data()["error"]["stage"] == "dedup"
