"""The gazetteer's indexes kept on disk: read back equal, rebuilt when damaged, never required."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsstream.enrich import place_tables
from newsstream.enrich.gazetteer import DEFAULT_MIN_CITY_POPULATION as POPULATION
from newsstream.enrich.gazetteer import Gazetteer
from newsstream.enrich.place_tables import PlaceTables


@pytest.fixture(scope="module")
def built() -> PlaceTables:
    return place_tables.build(POPULATION)


def test_stored_tables_read_back_equal_to_a_fresh_build(tmp_path: Path, built: PlaceTables) -> None:
    first = place_tables.load(POPULATION, tmp_path)
    [stored] = tmp_path.glob("places-*.marshal")
    second = place_tables.load(POPULATION, tmp_path)
    assert first == second == built
    assert stored.exists()
    place = Gazetteer(second).resolve("Cairo")
    assert place is not None
    assert (place.country_code, place.feature) == ("EG", "city")


def test_a_damaged_file_is_rebuilt_and_replaced(tmp_path: Path, built: PlaceTables) -> None:
    place_tables.load(POPULATION, tmp_path)
    [stored] = tmp_path.glob("places-*.marshal")
    stored.write_bytes(stored.read_bytes()[:1000])
    assert place_tables.load(POPULATION, tmp_path) == built
    assert place_tables.load(POPULATION, tmp_path) == built


def test_an_unwritable_cache_only_costs_a_rebuild(tmp_path: Path, built: PlaceTables) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    assert place_tables.load(POPULATION, blocked / "tables") == built
    assert place_tables.load(POPULATION, None) == built


def test_tables_of_other_versions_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / "places-0000000000000000.marshal"
    stale.write_bytes(b"old")
    place_tables.load(POPULATION, tmp_path)
    assert not stale.exists()
    assert len(list(tmp_path.glob("places-*.marshal"))) == 1
    assert not list(tmp_path.glob(".places-*"))
