"""One article per story: a story seen again is dropped; an edited story is a new version.

`seen` maps article_id to the content hashes already emitted for it. In the worker it is a
Faust table (changelog-backed, so it survives a restart, and co-partitioned with the parsed
articles topic, which is keyed by article_id); offline it is a plain dict.
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from datetime import UTC, datetime

from pydantic import ValidationError

from newsstream.models import Article
from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.pages import PRODUCER, SOURCE, article_emission
from newsstream.pipeline.records import ConsumedRecord, Emission, Output

log = logging.getLogger(__name__)

#: Versions remembered per article; an old version re-sent after this many edits is emitted again.
MAX_VERSIONS = 16
_SEPARATOR = b","


def dedup_dead_letters(max_value_bytes: int) -> DeadLetters:
    """De-duplication belongs to the parse side; what it cannot read goes with the articles."""
    return DeadLetters(PRODUCER, SOURCE, Output.ARTICLES_DLQ, max_value_bytes)


def first_sighting(seen: MutableMapping[bytes, bytes], article: Article) -> bool:
    """Record this version of the article; False when exactly this version was seen before."""
    key = article.article_id.encode()
    version = article.content_hash.encode()
    known = seen.get(key)
    versions = known.split(_SEPARATOR) if known else []
    if version in versions:
        return False
    seen[key] = _SEPARATOR.join([*versions, version][-MAX_VERSIONS:])
    return True


def process_parsed_record(
    record: ConsumedRecord,
    seen: MutableMapping[bytes, bytes],
    dead_letters: DeadLetters,
) -> list[Emission]:
    """The article to publish, nothing for a repeat, or a dead letter if it cannot be read."""
    try:
        article = Article.model_validate_json(record.value or b"")
    except ValidationError as error:
        return [
            dead_letters.letter(
                record,
                kind="invalid_article",
                message=str(error),
                stage="dedup",
                failed_at=datetime.now(UTC),
            )
        ]
    if not first_sighting(seen, article):
        log.debug("article %s version %s seen before", article.article_id, article.content_hash)
        return []
    return [article_emission(article)]
