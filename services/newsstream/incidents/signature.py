"""Text signatures: a MinHash of an article's word shingles, to tell retold stories.

Two outlets retelling one event share phrases (names, quotes, the police statement), and a wire
story reprinted shares most of its text. A MinHash of word 3-shingles estimates the Jaccard
overlap of two texts from 64 small integers per report, so the state of an incident stays small
and comparing two reports costs a few microseconds. The permutations are seeded, so a signature
is the same on every worker and after every restart.

The sketch is datasketch's default scheme (SHA-1's first four bytes, the MurmurHash3 finalizer,
then affine permutations modulo 2^32, drawn from numpy's seeded generator), computed here and
checked value for value against datasketch in the tests: importing datasketch loads scipy for
its LSH classes, which cost a third of a second at every start and 40 MB in every worker for
64 integers a report.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

#: Signature length: the estimate's standard error is about sqrt(J(1-J)/64), 0.04 at J=0.1.
NUM_PERM: Final[int] = 64
_SEED: Final[int] = 1
_SHINGLE: Final[int] = 3
_WORD = re.compile(r"\w+")
_U32 = np.uint32


@functools.cache
def _permutations() -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """The odd multipliers and the offsets of the NUM_PERM affine maps."""
    draw = np.random.RandomState(_SEED)
    odd = draw.randint(0, 1 << 31, NUM_PERM, dtype=_U32) * _U32(2) + _U32(1)
    offset = draw.randint(0, 1 << 32, NUM_PERM, dtype=_U32)
    return odd, offset


def _mixed(values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """MurmurHash3's 32-bit finalizer: a bijection that spreads similar inputs apart."""
    values = values ^ (values >> _U32(16))
    values = values * _U32(0x85EBCA6B)
    values = values ^ (values >> _U32(13))
    values = values * _U32(0xC2B2AE35)
    return values ^ (values >> _U32(16))


def _sketch(items: Sequence[bytes]) -> list[int]:
    hashed = np.fromiter(
        (int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items),
        dtype=_U32,
        count=len(items),
    )
    odd, offset = _permutations()
    permuted = _mixed(hashed).reshape(-1, 1) * odd + offset  # wraps: modulo 2^32
    return [int(v) for v in permuted.min(axis=0)]


def text_signature(title: str | None, body: str) -> list[int]:
    """The MinHash values of the word 3-shingles of headline and body (empty: no words)."""
    words = _WORD.findall(f"{title or ''}\n{body}".casefold())
    if not words:
        return []
    size = min(_SHINGLE, len(words))
    shingles = {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}
    return _sketch(sorted(shingles))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard overlap of two signatures (0 when either text had no words)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
