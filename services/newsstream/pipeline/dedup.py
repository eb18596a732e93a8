"""One article per story: a story seen again is dropped; an edited story is a new version.

`seen` maps article_id to the content hashes already emitted for it. In the worker it is a
Faust table (changelog-backed, so it survives a restart, and co-partitioned with the parsed
articles topic, which is keyed by article_id); offline it is a plain dict.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from datetime import UTC, datetime

from pydantic import ValidationError

from newsstream.models import Article
from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.errors import describe_validation_error
from newsstream.pipeline.pages import PRODUCER, SOURCE
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.topology import Topic

#: Versions remembered per article; an old version re-sent after this many edits is emitted again.
MAX_VERSIONS = 16
_SEPARATOR = b","


def dedup_dead_letters(max_value_bytes: int) -> DeadLetters:
    """De-duplication belongs to the parse side; what it cannot read goes with the articles."""
    return DeadLetters(PRODUCER, SOURCE, Topic.ARTICLES_DLQ, max_value_bytes)


def already_published(seen: Mapping[bytes, bytes], article: Article) -> bool:
    known = seen.get(article.article_id.encode())
    return bool(known) and article.content_hash.encode() in (known or b"").split(_SEPARATOR)


def mark_published(seen: MutableMapping[bytes, bytes], article: Article) -> None:
    """Remember this version; call only once the article is acknowledged by the broker, so a
    worker killed in between publishes it again rather than never."""
    key = article.article_id.encode()
    known = seen.get(key)
    versions = known.split(_SEPARATOR) if known else []
    version = article.content_hash.encode()
    if version not in versions:
        seen[key] = _SEPARATOR.join([*versions, version][-MAX_VERSIONS:])


def read_parsed(record: ConsumedRecord, dead_letters: DeadLetters) -> Article | Emission:
    """The parsed article in the record, or the dead letter of a record that is not one."""
    try:
        return Article.model_validate_json(record.value or b"")
    except ValidationError as error:
        return dead_letters.letter(
            record,
            kind="invalid_article",
            message=describe_validation_error(error),
            stage="dedup",
            failed_at=datetime.now(UTC),
        )
