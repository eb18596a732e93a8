"""Partition keys: country and US state where known, else country, else the unplaced key."""

from __future__ import annotations

from newsstream.incidents import UNPLACED_KEY, partition_key
from tests.unit.incidents.reports import report


def test_keys() -> None:
    assert partition_key(report("a", city="nashville")) == "US-TN"
    assert partition_key(report("a", city="houston")) == "US-TX"
    assert partition_key(report("a", country="SY")) == "SY"
    assert partition_key(report("a")) == UNPLACED_KEY
