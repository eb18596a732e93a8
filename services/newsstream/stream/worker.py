"""Start a worker running both agents against a given broker."""

from __future__ import annotations

import asyncio
import logging

import faust

from newsstream.broker.admin import ensure_topics
from newsstream.enrich import Enricher
from newsstream.pipeline.bounded import BoundedParser
from newsstream.settings import Settings
from newsstream.stream.agents import register_agents
from newsstream.stream.app import create_app

log = logging.getLogger(__name__)


def build_worker(settings: Settings, bootstrap: str) -> tuple[faust.Worker, BoundedParser]:
    """Create topics if asked, load the NLP model once, and wire the agents.

    The parser's process is started first: it reads its libraries while this one creates topics
    and loads the enricher, so a start costs the longer of the two rather than their sum.
    """
    parser = BoundedParser(settings.parse_timeout_seconds)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    if settings.create_topics:
        loop.run_until_complete(ensure_topics(settings, bootstrap))
    enricher = Enricher(settings.spacy_model, table_cache=settings.table_cache)
    settings.worker_data_dir.mkdir(parents=True, exist_ok=True)  # Faust makes only the last level
    app = create_app(settings, bootstrap)
    register_agents(app, settings, enricher, parser)
    worker = faust.Worker(app, loop=loop, loglevel=settings.log_level, override_logging=True)
    return worker, parser


def run_worker(settings: Settings, bootstrap: str) -> None:
    """Run until SIGINT/SIGTERM; Faust stops the agents and commits what was processed."""
    worker, parser = build_worker(settings, bootstrap)
    try:
        worker.execute_from_commandline()
    except SystemExit as done:
        if done.code not in (0, None):
            raise
    finally:
        parser.close()
