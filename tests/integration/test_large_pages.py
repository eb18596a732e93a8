"""A page over 1 MB, a common client default, goes through `newsstream produce` whole."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.support.streams import create_topics, newsstream_command, read_to_end, settings_for

pytestmark = pytest.mark.kafka


def test_produce_sends_a_page_of_one_and_a_half_megabytes(
    kafka_bootstrap: str, fixtures_dir: Path, tmp_path: Path
) -> None:
    settings = settings_for(kafka_bootstrap, f"large-{uuid.uuid4().hex[:8]}.")
    create_topics(settings)
    paragraph = (fixtures_dir / "pages" / "harbour-fire.txt").read_text()
    page = tmp_path / "large.txt"
    page.write_text((paragraph + "\n\n") * (1_500_000 // len(paragraph) + 1))
    env = os.environ | {
        "NEWSSTREAM_KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "NEWSSTREAM_TOPIC_PREFIX": settings.topic_prefix,
    }

    sent = subprocess.run(
        newsstream_command("produce", str(page)),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert sent.returncode == 0, sent.stderr
    [record] = read_to_end(kafka_bootstrap, settings.topics.raw)
    assert len(record.value) == page.stat().st_size > 1_500_000
