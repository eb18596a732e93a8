"""The Faust application: topics as raw bytes, agents registered from `agents`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

import faust
from faust.transport.consumer import RecordMap
from faust.transport.drivers.aiokafka import Consumer as KafkaConsumer
from faust.transport.drivers.aiokafka import Producer as KafkaProducer
from faust.types import TP, ConsumerT, Message, ProducerT
from mode.utils.queues import ThrowableQueue

from newsstream.broker.connection import ssl_context
from newsstream.settings import Settings
from newsstream.topology import Topic, produced

log = logging.getLogger(__name__)

# Headroom for the record envelope on top of the largest value we produce.
_RECORD_OVERHEAD = 64 * 1024


def _credentials(settings: Settings) -> Any:
    context = ssl_context(settings)
    if settings.kafka_security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username,
            password=(
                settings.kafka_sasl_password.get_secret_value()
                if settings.kafka_sasl_password
                else None
            ),
            mechanism=settings.kafka_sasl_mechanism,
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


class IdempotentProducer(KafkaProducer):
    """Faust's producer with idempotence on (Faust sets it only for exactly-once processing).

    With acks=all alone, a send retried after a broker failed over can be written twice; an
    idempotent producer lets the broker drop the retry.
    """

    def _settings_extra(self) -> Mapping[str, Any]:
        return {**super()._settings_extra(), "enable_idempotence": True}


class _Unfiltered(dict[TP, int | None]):
    """Faust's "read offsets", read as unknown: Faust drops every fetched record below the
    offset it last delivered, and when that offset is written after the seek that ends a
    rebalance (a delivery held up by the rebalance completes late) the records between the
    committed offset and it are dropped unprocessed. Delivering them again costs a duplicate
    at most (ids are deterministic, articles pass de-duplication); dropping them loses pages.
    """

    def __getitem__(self, tp: TP) -> None:
        return None


class GuardedConsumer(KafkaConsumer):
    """Faust's consumer, committing only what was processed, and fetching again what was not.

    Around a rebalance Faust's streams skip records: those still queued when it began, those
    fetched during it, and those of the new assignment converted while the generation number
    was still the old one. Faust acknowledges them as if processed, so the next commit moves
    past records nobody processed, and they are lost. Here a skipped record is not acknowledged,
    and its partition is sent back to it once the rebalance is over; nothing drops it on the way
    back in (`_Unfiltered`). A record processed just as a rebalance began may be processed
    twice, never skipped.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._read_offset = _Unfiltered()
        self._rewinds: dict[TP, int] = {}
        self._rewinding: asyncio.Future[None] | None = None
        self._fetched: dict[TP, tuple[int, int]] = {}

    async def _wait_next_records(self, timeout: float) -> tuple[RecordMap | None, set[TP] | None]:
        records, active = await super()._wait_next_records(timeout)
        self._fetched = {
            tp: (batch[0].offset, batch[-1].offset)
            for tp, batch in (records or {}).items()
            if batch
        }
        return records, active

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:
        """Faust's fetch loop, fetching again what it fetched and then dropped.

        Faust drops a fetched batch when flow stopped while it was on its way (a rebalance
        began), or stops handing it out when the generation changes, trusting a seek to the
        committed offsets to fetch the records again. A partition with nothing committed yet is
        never sought, so its records were skipped until the next restart, and a new worker
        whose first fetch met a rebalance sat idle with its whole backlog unread.
        """
        handed: dict[TP, int] = {}
        try:
            async for tp, message in super().getmany(timeout):
                handed[tp] = message.offset
                yield tp, message
        finally:
            fetched, self._fetched = self._fetched, {}
            for tp, (first, last) in fetched.items():
                done = handed.get(tp)
                if (done is None or done < last) and self.app.topics.acks_enabled_for(tp.topic):
                    self._rewind_later(tp, first if done is None else done + 1)

    def ack(self, message: Message) -> bool:
        app = self.app
        if not app.flow_control.is_active() or message.generation_id != app.consumer_generation_id:
            self._unacked_messages.discard(message)  # nothing waits for it at shutdown
            self._rewind_later(message.tp, message.offset)
            return False
        return super().ack(message)

    def _rewind_later(self, tp: TP, offset: int) -> None:
        self._rewinds[tp] = min(offset, self._rewinds.get(tp, offset))
        if self._rewinding is None or self._rewinding.done():
            self._rewinding = asyncio.ensure_future(self._rewind())

    async def _rewind(self) -> None:
        # After any rebalance under way: its seek to the committed offsets may already have
        # gone back far enough (a partition never committed is not sought at all).
        await self.app.flow_control.acquire()
        targets, self._rewinds = self._rewinds, {}
        # What the group committed was processed, by this worker or another.
        committed = self._committed_offset
        targets = {tp: max(offset, committed.get(tp) or 0) for tp, offset in targets.items()}
        if targets:
            await self._thread.call_thread(self._seek_back, targets)

    async def _seek_back(self, targets: dict[TP, int]) -> None:
        """In the consumer's own thread, between its fetches and seeks; only ever backwards, so
        at worst records are fetched twice."""
        consumer = self._thread._ensure_consumer()
        subscription = consumer._subscription.subscription
        assignment = subscription.assignment if subscription is not None else None
        if assignment is None:
            return
        for tp, offset in targets.items():
            if tp in assignment.tps:
                state = assignment.state_value(tp)
                if state.has_valid_position and state.position > offset:
                    log.info("fetching %s[%d] again from %d", tp.topic, tp.partition, offset)
                    consumer.seek(tp, offset)

    def _new_offset(self, tp: TP) -> int | None:
        """Faust merges skipped offset ranges into the acknowledged list and can repeat an
        offset there; a repeat ends its run of consecutive offsets, and the commit then crept
        forward one offset per commit interval. Each offset counts once."""
        acked = self._acked[tp]
        if len(acked) != len(set(acked)):
            acked[:] = sorted(set(acked))
        return super()._new_offset(tp)


class PlainStream(faust.Stream[Any]):
    """Faust's stream, iterated by its pure-Python loop rather than the compiled one.

    Both skip records fetched around a rebalance; the compiled loop then drops them without a
    word (never acknowledged, never fetched again: the partition's commits stop at the first
    one, and the records after it wait until the next restart), while the Python loop hands them
    to `GuardedConsumer.ack`, which sends the partition back to them. Per record the difference
    is microseconds, against the milliseconds of parsing and enrichment.
    """

    def __aiter__(self) -> Any:
        iterator: Any = self._py_aiter()  # an async generator; Faust types it as an iterator
        self._active_agens.add(iterator)
        return iterator


class NewsstreamApp(faust.App):
    """A Faust app that never drops a record it has fetched.

    Faust clears its stream queues whenever flow resumes after a rebalance, trusting a seek
    to the committed offset to fetch the cleared records again. When a worker restores a
    table, the fetcher is already running while that seek happens, so records fetched in
    between are cleared yet lie before the new position: they are skipped until the next
    restart, and the gap they leave stops every later offset commit. Keeping the queues
    means a record may be processed twice after a rebalance, never skipped; duplicates are
    harmless, since every output has a deterministic id and articles pass de-duplication.
    """

    def _new_producer(self) -> ProducerT:
        return IdempotentProducer(self.transport, loop=self.loop, beacon=self.beacon)

    def _new_consumer(self) -> ConsumerT:
        return GuardedConsumer(
            self.transport,
            callback=self.topics.on_message,
            on_partitions_revoked=self._on_partitions_revoked,
            on_partitions_assigned=self._on_partitions_assigned,
            beacon=self.beacon,
            loop=self.transport.loop,
        )

    def FlowControlQueue(
        self, maxsize: int | None = None, *, clear_on_resume: bool = False
    ) -> ThrowableQueue[Any]:
        return super().FlowControlQueue(maxsize, clear_on_resume=False)


def create_app(settings: Settings, bootstrap: str) -> faust.App:
    """Values and keys stay raw bytes: decoding happens in our code, where failures are caught."""
    return NewsstreamApp(
        settings.app_id,
        broker=[f"kafka://{server.strip()}" for server in bootstrap.split(",")],
        broker_credentials=_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication_factor,
        web_enabled=False,  # our own endpoints (`health`) start before Faust's could
        producer_max_request_size=settings.max_message_bytes + _RECORD_OVERHEAD,
        consumer_max_fetch_size=settings.max_message_bytes + _RECORD_OVERHEAD,
        producer_acks=-1,
        stream_buffer_maxsize=settings.stream_buffer_records,
        broker_session_timeout=settings.kafka_session_timeout_seconds,
        broker_heartbeat_interval=min(3.0, settings.kafka_session_timeout_seconds / 3),
        store="memory://",
        Stream=PlainStream,
        datadir=settings.worker_data_dir / settings.app_id,
        autodiscover=False,
    )


def output_topics(app: faust.App, settings: Settings) -> dict[Topic, Any]:
    """A Faust topic for everything a stage produces."""
    return {
        topic: app.topic(name, key_type=bytes, value_type=bytes, value_serializer="raw")
        for topic, name in settings.topics
        if produced(topic)
    }
