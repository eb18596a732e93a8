"""The Faust application: topics as raw bytes, agents registered from `agents`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import faust
from faust.transport.drivers.aiokafka import Producer as KafkaProducer
from faust.types import ProducerT
from mode.utils.queues import ThrowableQueue

from newsstream.broker.connection import ssl_context
from newsstream.settings import Settings
from newsstream.topology import Topic, produced

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
        broker_session_timeout=settings.kafka_session_timeout_seconds,
        broker_heartbeat_interval=min(3.0, settings.kafka_session_timeout_seconds / 3),
        store="memory://",
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
