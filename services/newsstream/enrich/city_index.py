"""The gazetteer's cities and their name indexes as flat arrays rather than Python objects.

Some 34,000 cities under 180,000 own and alternate names, held as dicts of strings to lists
and tuples of rows, took 43 MB in every worker. As sorted 64-bit hashes of the names beside
the positions they map to, and as one column per field of a city row, they take about a tenth
of that; a lookup is a binary search. Both round-trip through plain bytes, so the on-disk copy
is read back without rebuilding anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

#: geonames id, name, country code, latitude, longitude, population
CityRow = tuple[int, str, str, float, float, int]
#: A plain form marshal can store.
Plain = tuple[Any, ...]


def name_hash(key: str) -> int:
    """A stable 64-bit hash of a folded name (Python's own `hash` changes per process)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


class NameIndex:
    """Folded name -> positions of cities, in the order they were given.

    Two names could share a hash only with a chance of about one in 10^9 over the whole
    index; such a name would then also list the other's cities as candidates.
    """

    __slots__ = ("_hashes", "_positions")

    def __init__(self, hashes: npt.NDArray[np.uint64], positions: npt.NDArray[np.int32]) -> None:
        self._hashes = hashes
        self._positions = positions

    @classmethod
    def of(cls, index: Mapping[str, Sequence[int]]) -> NameIndex:
        keys = [name_hash(key) for key, rows in index.items() for _ in rows]
        rows = [row for found in index.values() for row in found]
        hashes = np.array(keys, dtype=np.uint64)
        order = np.argsort(hashes, kind="stable")
        return cls(hashes[order], np.array(rows, dtype=np.int32)[order])

    def get(self, key: str) -> list[int]:
        """Positions of the cities `key` names; empty when none."""
        wanted = name_hash(key)
        hashes = self._hashes
        start = int(hashes.searchsorted(np.uint64(wanted)))
        end = start
        while end < len(hashes) and int(hashes[end]) == wanted:
            end += 1
        return [int(row) for row in self._positions[start:end]]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.get(key))

    def __len__(self) -> int:
        return len(np.unique(self._hashes))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, NameIndex)
            and np.array_equal(self._hashes, other._hashes)
            and np.array_equal(self._positions, other._positions)
        )

    __hash__ = None  # type: ignore[assignment]  # mutable arrays inside

    def plain(self) -> Plain:
        return (self._hashes.tobytes(), self._positions.tobytes())

    @classmethod
    def from_plain(cls, plain: Plain) -> NameIndex:
        hashes, positions = plain
        return cls(np.frombuffer(hashes, np.uint64), np.frombuffer(positions, np.int32))


class Cities:
    """City rows by position, one array per field."""

    __slots__ = ("_codes", "_ids", "_latitudes", "_longitudes", "_names", "_populations")

    def __init__(
        self,
        ids: npt.NDArray[np.int64],
        names: list[str],
        codes: bytes,
        latitudes: npt.NDArray[np.float64],
        longitudes: npt.NDArray[np.float64],
        populations: npt.NDArray[np.int64],
    ) -> None:
        self._ids = ids
        self._names = names
        self._codes = codes  # two ASCII letters a city
        self._latitudes = latitudes
        self._longitudes = longitudes
        self._populations = populations

    @classmethod
    def of(cls, rows: Iterable[CityRow]) -> Cities:
        listed = list(rows)
        codes = "".join(row[2] for row in listed)
        if not codes.isascii() or len(codes) != 2 * len(listed):
            raise ValueError("every city needs a two-letter ASCII country code")
        return cls(
            np.array([row[0] for row in listed], dtype=np.int64),
            [row[1] for row in listed],
            codes.encode("ascii"),
            np.array([row[3] for row in listed], dtype=np.float64),
            np.array([row[4] for row in listed], dtype=np.float64),
            np.array([row[5] for row in listed], dtype=np.int64),
        )

    def __getitem__(self, number: int) -> CityRow:
        return (
            int(self._ids[number]),
            self._names[number],
            self._codes[2 * number : 2 * number + 2].decode("ascii"),
            float(self._latitudes[number]),
            float(self._longitudes[number]),
            int(self._populations[number]),
        )

    def __len__(self) -> int:
        return len(self._names)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cities) and self.plain() == other.plain()

    __hash__ = None  # type: ignore[assignment]  # mutable arrays inside

    def plain(self) -> Plain:
        return (
            self._ids.tobytes(),
            self._names,
            self._codes,
            self._latitudes.tobytes(),
            self._longitudes.tobytes(),
            self._populations.tobytes(),
        )

    @classmethod
    def from_plain(cls, plain: Plain) -> Cities:
        ids, names, codes, latitudes, longitudes, populations = plain
        return cls(
            np.frombuffer(ids, np.int64),
            list(names),
            bytes(codes),
            np.frombuffer(latitudes, np.float64),
            np.frombuffer(longitudes, np.float64),
            np.frombuffer(populations, np.int64),
        )
