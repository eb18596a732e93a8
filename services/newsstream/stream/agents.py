"""An agent per stage of the topology. Each is a loop: records in, the stage's pure step (in a
thread unless it keeps a table), acked outputs out, each record counted and logged once."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
import time
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import faust

from newsstream.enrich import Enricher
from newsstream.pipeline.bounded import BoundedParser
from newsstream.pipeline.dead_letters import DeadLetters
from newsstream.pipeline.records import ConsumedRecord, Emission
from newsstream.pipeline.steps import Step, StepContext
from newsstream.settings import Settings
from newsstream.stream.app import output_topics
from newsstream.stream.emitter import Emitter
from newsstream.stream.observe import Metrics
from newsstream.stream.records import consumed_record
from newsstream.topology import STAGES, StageSpec

log = logging.getLogger(__name__)


async def deliver(
    emitter: Emitter,
    record: ConsumedRecord,
    emissions: Sequence[Emission],
    dead_letters: DeadLetters,
) -> Sequence[Emission]:
    """Emit a record's outputs; if the broker refuses them, dead-letter the record instead.
    Returns what was delivered.

    If even the dead letter cannot be written the error propagates: the record is then not
    acknowledged as processed, rather than silently lost.
    """
    try:
        await emitter.emit(emissions)
        return emissions
    except Exception as error:
        log.exception("outputs of %s[%d]@%d refused", record.topic, record.partition, record.offset)
        letter = dead_letters.letter(
            record,
            kind="emit_failed",
            message=f"{type(error).__name__}: {error}",
            stage="emit",
            failed_at=datetime.now(UTC),
        )
        await emitter.emit([letter])
        return [letter]


def _raw_topic(app: faust.App, name: str) -> Any:
    return app.topic(name, key_type=bytes, value_type=bytes, value_serializer="raw")


def register_agents(
    app: faust.App,
    settings: Settings,
    enricher: Enricher,
    parser: BoundedParser,
    metrics: Metrics,
) -> None:
    """One agent per stage of the topology; each counts and logs every record."""
    emitter = Emitter(output_topics(app, settings), on_acked=metrics.produced_to)
    context = StepContext(settings, extract=parser, enricher=lambda: enricher)
    for stage in STAGES:
        state = None
        if stage.state is not None:
            # Changelog-backed, so it survives a restart; partitioned like the stage's input.
            state = app.Table(
                stage.state,
                key_type=bytes,
                value_type=bytes,
                partitions=settings.topic_partitions,
                help=stage.state_help,
            )
        step = stage.builder()(replace(context, state=state))
        source = _raw_topic(app, settings.topics[stage.consumes])
        app.agent(source, name=stage.agent_name)(_agent(stage, step, settings, emitter, metrics))


def _agent(
    stage: StageSpec, step: Step, settings: Settings, emitter: Emitter, metrics: Metrics
) -> Callable[[Any], Coroutine[Any, Any, None]]:
    # A thread of the stage's own rather than whichever of the shared pool is free: glibc
    # gives each thread that allocates its own heap, and a step's large short-lived arrays
    # spread over every pool thread's heap held about 50 MB more at the peak of a burst.
    thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=stage.name)

    async def run(records: list[ConsumedRecord]) -> None:
        started = time.perf_counter()
        if stage.in_thread:
            call = functools.partial(contextvars.copy_context().run, step, records)
            results = await asyncio.get_running_loop().run_in_executor(thread, call)
        else:
            results = step(records)
        # One wait for the broker's acknowledgements of the whole batch, not one per record;
        # each record's outputs still go out in order, on its key's partition.
        delivered = await asyncio.gather(
            *(
                deliver(emitter, record, result.emissions, step.dead_letters)
                for record, result in zip(records, results, strict=True)
            )
        )
        for result, done in zip(results, delivered, strict=True):
            if result.after_delivery is not None and done is result.emissions:
                result.after_delivery()
        duplicates = sum(result.duplicate for result in results)
        metrics.observe(
            stage.name, records, delivered, time.perf_counter() - started, duplicates=duplicates
        )

    if stage.batched:

        async def batches(stream: Any) -> None:
            async for events in stream.take_events(
                settings.enrich_batch_size, within=settings.enrich_batch_seconds
            ):
                metrics.batch_size.observe(len(events))
                await run([consumed_record(event) for event in events])

        return _named(batches, stage)

    async def one_by_one(stream: Any) -> None:
        async for event in stream.events():
            await run([consumed_record(event)])

    return _named(one_by_one, stage)


def _named(
    loop: Callable[[Any], Coroutine[Any, Any, None]], stage: StageSpec
) -> Callable[[Any], Coroutine[Any, Any, None]]:
    """Faust labels an agent in its logs by its function's name: make that the stage's."""
    loop.__name__ = loop.__qualname__ = stage.name
    return loop
