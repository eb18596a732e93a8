"""Only records processed in the current generation, with flow running, count towards a commit;
each offset counts once."""

from __future__ import annotations

import asyncio

from faust.types import TP
from faust.types.tuples import ConsumerMessage

from newsstream.settings import Settings
from newsstream.stream.app import create_app

TOPIC = "news.pages.raw"


def _app_with_generation(generation: int):  # type: ignore[no-untyped-def]
    app = create_app(Settings(app_id="newsstream-unit"), "127.0.0.1:9")
    app.consumer_generation_id = generation
    app.flow_control.resume()  # as the end of a rebalance leaves it
    app.topics.acks_enabled_for = lambda topic: True  # type: ignore[method-assign]
    return app


def _message(offset: int, generation: int) -> ConsumerMessage:
    return ConsumerMessage(
        TOPIC, 0, offset, 0.0, 0, None, b"k", b"v", None, generation_id=generation
    )


def _recording(generation: int = 3):  # type: ignore[no-untyped-def]
    """An app at `generation`, its consumer, and the rewinds that consumer asks for."""
    app = _app_with_generation(generation)
    return app, app.consumer, _recorded_rewinds(app.consumer)


def _recorded_rewinds(consumer: object) -> list[dict[TP, int]]:
    """The rewinds the consumer asks its thread for, recorded instead of carried out."""
    calls: list[dict[TP, int]] = []

    async def call_thread(function: object, targets: dict[TP, int]) -> None:
        calls.append(dict(targets))

    consumer._thread.call_thread = call_thread  # type: ignore[attr-defined]
    return calls


async def test_a_record_of_the_current_generation_is_acknowledged() -> None:
    app = _app_with_generation(3)
    assert app.consumer.ack(_message(0, 3))
    assert list(app.consumer._acked[TP(TOPIC, 0)]) == [0]


async def test_a_record_fetched_before_the_rebalance_is_not() -> None:
    app = _app_with_generation(3)
    assert not app.consumer.ack(_message(0, 2))
    assert not app.consumer._acked[TP(TOPIC, 0)]


async def test_nothing_is_acknowledged_while_a_rebalance_holds_the_flow() -> None:
    app = _app_with_generation(3)
    app.flow_control.suspend()
    assert not app.consumer.ack(_message(0, 3))
    assert not app.consumer._acked[TP(TOPIC, 0)]


async def test_an_offset_listed_twice_does_not_hold_back_the_commit() -> None:
    app = _app_with_generation(3)
    tp = TP(TOPIC, 0)
    app.consumer._acked[tp] = [0, 1, 1, 2, 3, 3, 4]
    assert app.consumer._new_offset(tp) == 5


async def test_no_fetched_record_is_dropped_as_already_read() -> None:
    """Faust filters fetched records below the last offset it delivered; that offset can be
    written late, after the seek back to the committed offset, and then hides records."""
    app = _app_with_generation(3)
    tp = TP(TOPIC, 0)
    app.consumer._read_offset[tp] = 13
    assert app.consumer._read_offset[tp] is None


async def test_a_skipped_record_is_fetched_again_from_its_offset() -> None:
    _, consumer, calls = _recording()
    for offset in (7, 5, 9):
        consumer.ack(_message(offset, 2))  # converted while the generation was still 2
    await consumer._rewinding
    assert calls == [{TP(TOPIC, 0): 5}]


async def test_the_rewind_waits_for_a_rebalance_under_way_to_end() -> None:
    app, consumer, calls = _recording()
    app.flow_control.suspend()
    consumer.ack(_message(5, 3))
    await asyncio.sleep(0.05)
    assert calls == []
    app.consumer_generation_id = 4
    app.flow_control.resume()
    await consumer._rewinding
    assert calls == [{TP(TOPIC, 0): 5}]


async def test_a_record_the_stream_skips_reaches_the_consumer_to_be_fetched_again() -> None:
    """Faust's compiled stream loop drops skipped records silently; the app's streams use the
    Python loop, which hands them to the consumer."""
    from faust.events import Event

    app, consumer, calls = _recording()
    stream = app.stream(app.channel())
    message = _message(5, 2)  # fetched before the rebalance that made generation 3
    await stream.channel.put(Event(app, b"k", b"v", {}, message))
    seen: list[object] = []

    async def read() -> None:
        async for value in stream:
            seen.append(value)

    reader = asyncio.ensure_future(read())
    for _ in range(50):
        await asyncio.sleep(0.01)
        if consumer._rewinding is not None:
            break
    reader.cancel()
    assert seen == []
    assert consumer._rewinding is not None
    await consumer._rewinding
    assert calls == [{TP(TOPIC, 0): 5}]


def _fetching(consumer: object, offsets: list[int]) -> None:
    """The consumer's next fetch returns these records of partition 0."""
    from aiokafka.structs import ConsumerRecord

    tp = TP(TOPIC, 0)
    batch = [
        ConsumerRecord(TOPIC, 0, offset, 0, 0, b"k", b"v", None, 1, 1, ()) for offset in offsets
    ]

    async def fetch(active_partitions: object, timeout: float) -> dict[TP, list[object]]:
        return {tp: batch}

    async def no_seek() -> None:
        return None

    consumer._getmany = fetch  # type: ignore[attr-defined]
    consumer._get_active_partitions = lambda: {tp}  # type: ignore[attr-defined]
    consumer.highwater = lambda tp: offsets[-1] + 1  # type: ignore[attr-defined]
    consumer.perform_seek = no_seek  # type: ignore[attr-defined]


async def test_records_fetched_but_not_handed_out_when_flow_stops_are_fetched_again() -> None:
    _, consumer, calls = _recording()
    _fetching(consumer, [5, 6, 7])
    consumer.resume_flow()
    handed = []
    async for _, message in consumer.getmany(timeout=0.1):
        handed.append(message.offset)
        consumer.stop_flow()  # a rebalance begins while the batch is handed out
    assert handed == [5]
    await consumer._rewinding
    assert calls == [{TP(TOPIC, 0): 6}]


async def test_a_batch_that_arrives_after_flow_stopped_is_fetched_again_whole() -> None:
    """Faust then seeks to the committed offsets, and a partition never committed is not
    sought at all: a new worker sat idle with its backlog read past and never handed out."""
    _, consumer, calls = _recording()
    _fetching(consumer, [0, 1, 2])
    consumer.resume_flow()
    fetch = consumer._getmany

    async def fetch_then_stop(active_partitions: object, timeout: float) -> object:
        records = await fetch(active_partitions, timeout)
        consumer.stop_flow()
        return records

    consumer._getmany = fetch_then_stop  # type: ignore[method-assign]
    assert [message async for _, message in consumer.getmany(timeout=0.1)] == []
    await consumer._rewinding
    assert calls == [{TP(TOPIC, 0): 0}]


async def test_a_rewind_stops_at_what_the_group_committed() -> None:
    _, consumer, calls = _recording()
    consumer._committed_offset[TP(TOPIC, 0)] = 8  # another worker processed up to here
    consumer.ack(_message(5, 2))
    await consumer._rewinding
    assert calls == [{TP(TOPIC, 0): 8}]


async def test_a_batch_handed_out_whole_is_not_fetched_again() -> None:
    _, consumer, _ = _recording()
    _fetching(consumer, [5, 6, 7])
    consumer.resume_flow()
    assert [message.offset async for _, message in consumer.getmany(timeout=0.1)] == [5, 6, 7]
    assert consumer._rewinding is None
