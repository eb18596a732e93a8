"""Start a worker running the agents against a given broker, with its HTTP endpoints."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

import faust
from aiokafka.errors import KafkaError

from newsstream.broker.admin import ensure_topics
from newsstream.broker.connection import SETTINGS_HINT
from newsstream.enrich import Enricher
from newsstream.pipeline.bounded import BoundedParser
from newsstream.settings import Settings
from newsstream.stream import logs
from newsstream.stream.agents import register_agents
from newsstream.stream.app import create_app
from newsstream.stream.health import HealthServer, Readiness
from newsstream.stream.memory import limit_malloc_arenas
from newsstream.stream.observe import Lag, Metrics

log = logging.getLogger(__name__)

#: Seconds between two readings of the consumer's lag, and of whether it is settled.
LAG_INTERVAL = 5.0
READINESS_INTERVAL = 1.0
#: Exit status of a worker that did not stop in time after a signal.
EXIT_GAVE_UP = 3


class Worker(faust.Worker):
    """Faust's worker, with the service's log format applied once Faust has set up logging.

    Named as Faust's is, so its lines read "[^Worker]: Ready" as operators know them.
    """

    def __init__(
        self, app: faust.App, *, json_logs: bool, shutdown_timeout: float, **options: Any
    ) -> None:
        super().__init__(app, **options)
        self.json_logs = json_logs
        self.shutdown_timeout = shutdown_timeout

    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        super().on_setup_root_logger(logger, level)
        logs.configure(logger, json=self.json_logs)

    def _schedule_shutdown(self, signal: signal.Signals) -> None:
        """Faust's orderly stop, with a deadline: waiting for a broker that is gone (to commit,
        to leave the group) would otherwise keep the process alive until it is killed."""
        if not self._signal_stop_time:
            deadline = threading.Timer(self.shutdown_timeout, self._give_up, args=(signal,))
            deadline.daemon = True
            deadline.start()
        super()._schedule_shutdown(signal)

    def _give_up(self, signal: signal.Signals) -> None:
        log.error(
            "still stopping %.0f s after %s (is the broker reachable?): exiting now; records"
            " processed since the last commit will be processed again",
            self.shutdown_timeout,
            signal.name,
        )
        logging.shutdown()
        os._exit(EXIT_GAVE_UP)


def build_worker(settings: Settings, bootstrap: str, stack: ExitStack) -> faust.Worker:
    """Serve health and metrics, create topics if asked, load the models once, wire the agents.

    The parser's process is started first: it reads its libraries while this one creates topics
    and loads the enricher, so a start costs the longer of the two rather than their sum.
    Everything to stop at the end is pushed onto `stack`.
    """
    lags: dict[tuple[str, int], int] = {}
    metrics = Metrics(spacy_model=settings.spacy_model, lag=lambda: _lag_rows(lags))
    readiness = Readiness(bootstrap)
    if settings.worker_web_enabled:
        bind, port = settings.worker_web_bind, settings.worker_web_port
        try:
            server = HealthServer(bind, port, metrics.registry, readiness)
        except OSError as error:
            raise SystemExit(
                f"cannot serve /metrics, /healthz and /readyz on {bind}:{port} ({error});"
                " set NEWSSTREAM_WORKER_WEB_PORT (0 takes any free port)"
            ) from None
        stack.callback(server.close)
    parser = BoundedParser(settings.parse_timeout_seconds)
    stack.callback(parser.close)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    if settings.create_topics:
        try:
            connect = settings.kafka_connect_timeout_seconds
            loop.run_until_complete(ensure_topics(settings, bootstrap, timeout=connect))
        except (KafkaError, TimeoutError) as error:
            raise SystemExit(
                f"cannot create the topics on Kafka at {bootstrap}: {error}; {SETTINGS_HINT}"
            ) from None
    enricher = Enricher(
        settings.spacy_model,
        table_cache=settings.table_cache,
        partial_parse=not settings.parse_every_sentence,
    )
    readiness.models_loaded = True
    settings.worker_data_dir.mkdir(parents=True, exist_ok=True)  # Faust makes only the last level
    app = create_app(settings, bootstrap)
    register_agents(app, settings, enricher, parser, metrics)
    settled = False

    async def read_assignment() -> None:
        """Faust's state is read here, in its own loop; the HTTP thread only reads the flag."""
        nonlocal settled
        settled = _settled(app)

    app.timer(interval=READINESS_INTERVAL)(read_assignment)
    readiness.partitions_assigned = lambda: settled

    own_topics = set(settings.topics.all())

    async def read_lag() -> None:
        """From what Faust's monitor already tracks (the high water mark seen in each fetch,
        the last offset read): asking the consumer for positions could move its fetch state
        in the middle of a rebalance."""
        monitor = app.monitor
        current: dict[tuple[str, int], int] = {}
        for tp, end in list(monitor.tp_end_offsets.items()):
            read = monitor.tp_read_offsets.get(tp)
            if tp.topic in own_topics and read is not None:
                current[(tp.topic, tp.partition)] = max(0, end - read - 1)
        lags.clear()
        lags.update(current)

    app.timer(interval=LAG_INTERVAL)(read_lag)

    return Worker(
        app,
        json_logs=settings.log_format == "json",
        shutdown_timeout=settings.shutdown_timeout_seconds,
        loop=loop,
        loglevel=settings.log_level,
        override_logging=True,
    )


def _lag_rows(lags: dict[tuple[str, int], int]) -> Iterator[Lag]:
    for (topic, partition), behind in list(lags.items()):
        yield topic, partition, behind


def _settled(app: faust.App) -> bool:
    """Partitions assigned and tables recovered, with no rebalance under way."""
    recovery = getattr(app.tables, "recovery", None)  # the manager's type omits it
    return bool(recovery is not None and recovery.completed.is_set() and not app.rebalancing)


def run_worker(settings: Settings, bootstrap: str) -> None:
    """Run until SIGINT/SIGTERM; Faust stops the agents and commits what was processed."""
    limit_malloc_arenas(settings.malloc_arenas)  # before any thread starts
    with ExitStack() as stack:
        worker = build_worker(settings, bootstrap, stack)
        try:
            worker.execute_from_commandline()
        except SystemExit as done:
            if done.code not in (0, None):
                raise
