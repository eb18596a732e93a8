"""The app keeps what it has fetched when flow resumes after a rebalance."""

from __future__ import annotations

import faust

from newsstream.settings import Settings
from newsstream.stream.app import create_app


async def test_resuming_flow_keeps_records_already_queued_for_a_stream() -> None:
    app = create_app(Settings(app_id="newsstream-unit"), "127.0.0.1:9")
    queue = app.FlowControlQueue(maxsize=10, clear_on_resume=True)
    app.flow_control.suspend()
    queue.put_nowait("fetched before the seek")
    app.flow_control.resume()
    assert queue.qsize() == 1
    assert queue.get_nowait() == "fetched before the seek"


async def test_a_plain_faust_app_would_have_dropped_them() -> None:
    """The behaviour the app overrides, so this test notices if Faust changes it."""
    app = faust.App("newsstream-unit-plain", broker="kafka://127.0.0.1:9", autodiscover=False)
    queue = app.FlowControlQueue(maxsize=10, clear_on_resume=True)
    queue.put_nowait("fetched before the seek")
    app.flow_control.resume()
    assert queue.qsize() == 0
