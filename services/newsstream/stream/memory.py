"""How the worker's process holds memory.

A worker's threads (the Kafka consumer's, the HTTP endpoints', the parser pool's) each get a
malloc arena of their own from glibc, up to eight per core, and memory freed in one arena is
not reused by another: over a burst of 200 pages a worker's peak was some 150 MB higher than
with two arenas, for no gain in speed. `MALLOC_ARENA_MAX` in the environment says the same
but must be set before the process starts; setting it here covers a worker started any way.
"""

from __future__ import annotations

import ctypes
import logging
import os

log = logging.getLogger(__name__)

#: mallopt's parameter number for the arena limit (glibc's M_ARENA_MAX).
_M_ARENA_MAX = -8


def limit_malloc_arenas(arenas: int) -> bool:
    """Cap glibc's arenas at `arenas` (0 or an explicit MALLOC_ARENA_MAX: leave it alone).

    Call it before any thread starts. Returns whether the cap was set; on a C library other
    than glibc there is nothing to set.
    """
    if arenas <= 0 or "MALLOC_ARENA_MAX" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the process already runs on
    except (OSError, AttributeError):
        return False
    done = bool(mallopt(_M_ARENA_MAX, arenas))
    if not done:
        log.debug("the C library refused an arena limit of %d", arenas)
    return done
