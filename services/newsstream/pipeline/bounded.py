"""Parsing in a child process with a time limit, so one pathological page cannot stall a worker.

A thread cannot be stopped from outside, so the parser runs in a separate process; when a page
takes too long the process is killed and replaced, and the page becomes a dead letter.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import Any

from newsstream.models.envelope import ContentType
from newsstream.parse import ParseError, Story, extract_stories

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child: if the worker is killed outright, its parser process goes with it."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before the signal was armed
            os._exit(0)


def _warm_up() -> bool:
    """Import the parser's libraries and read its line model in the child before the first
    real page arrives."""
    from newsstream.parse.text.learned import shipped_model

    shipped_model()
    return True


class BoundedParser:
    """`extract_stories` with a wall-clock limit; call `close()` when done.

    The child starts reading its libraries and model as soon as the parser is built, without
    holding up the caller, who meanwhile loads its own (the enricher): on two cores both halves
    of a start run at once. The first page waits for that warm-up outside its time limit.
    """

    def __init__(
        self, timeout_seconds: float, extract: Callable[..., list[Story]] = extract_stories
    ) -> None:
        self.timeout_seconds = timeout_seconds
        self.extract = extract
        self._pool, self._ready = self._start()

    def _start(self) -> tuple[ProcessPoolExecutor, Future[bool]]:
        # Spawned, not forked: the worker has threads, and forking a threaded process is unsafe.
        pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_die_with_parent,
        )
        return pool, pool.submit(_warm_up)

    def _restart(self) -> None:
        processes: dict[Any, Any] = getattr(self._pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool, self._ready = self._start()

    def __call__(
        self,
        body: str,
        *,
        content_type: ContentType | None,
        url: str | None,
        fetched_at: datetime,
    ) -> list[Story]:
        self._ready.result()  # a child that cannot even load the parser is a fault of the install
        future = self._pool.submit(
            self.extract, body, content_type=content_type, url=url, fetched_at=fetched_at
        )
        try:
            return future.result(timeout=self.timeout_seconds)
        except FutureTimeout:
            log.warning("parsing took over %.1fs; restarting the parser", self.timeout_seconds)
            self._restart()
            raise ParseError(
                "timeout", f"parsing took longer than {self.timeout_seconds:g}s"
            ) from None
        except BrokenProcessPool:
            self._restart()
            raise ParseError("parser_crashed", "the parser process died on this page") from None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
