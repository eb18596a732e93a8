"""Produce emissions and wait for the broker's acknowledgement of every one.

An agent awaits `emit` before it takes the next record, so a consumed offset is only
committed once everything derived from it is safely on the broker.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import Any

from newsstream.pipeline.records import Emission
from newsstream.topology import Topic

log = logging.getLogger(__name__)


class Emitter:
    def __init__(
        self,
        topics: dict[Topic, Any],
        on_acked: Callable[[list[str]], None] | None = None,
    ) -> None:
        self.topics = topics
        self.on_acked = on_acked

    async def emit(self, emissions: Sequence[Emission]) -> None:
        """Send all, then wait for all acks; raises on the first failed delivery."""
        pending = []
        for emission in emissions:
            topic = self.topics[emission.output]
            pending.append(
                await topic.send(
                    key=emission.key_bytes(),
                    value=emission.value_bytes(),
                    headers=emission.headers(),
                )
            )
        await asyncio.gather(*pending)
        if self.on_acked is not None:
            self.on_acked([self.topics[emission.output].get_topic_name() for emission in emissions])
