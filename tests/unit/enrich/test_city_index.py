"""The flat city tables answer every lookup as the dicts and rows they replace did."""

from __future__ import annotations

import marshal

from hypothesis import given
from hypothesis import strategies as st

from newsstream.enrich.city_index import Cities, NameIndex

_NAMES = st.text(min_size=0, max_size=12)
_INDEXES = st.dictionaries(_NAMES, st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=4))
_ROWS = st.lists(
    st.tuples(
        st.integers(0, 2**40),
        st.text(max_size=20),
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
        st.floats(-90, 90),
        st.floats(-180, 180),
        st.integers(0, 2**40),
    ),
    max_size=20,
)


@given(_INDEXES, _NAMES)
def test_a_name_index_gives_each_names_positions_in_order(
    index: dict[str, list[int]], other: str
) -> None:
    flat = NameIndex.of(index)
    for name, positions in index.items():
        assert flat.get(name) == positions
        assert name in flat
    if other not in index:
        assert flat.get(other) == []
        assert other not in flat
    assert len(flat) == len(index)


@given(_INDEXES)
def test_a_name_index_reads_back_from_its_stored_form(index: dict[str, list[int]]) -> None:
    flat = NameIndex.of(index)
    again = NameIndex.from_plain(marshal.loads(marshal.dumps(flat.plain())))
    assert again == flat
    assert all(again.get(name) == positions for name, positions in index.items())


@given(_ROWS)
def test_city_rows_read_back_whole(rows: list[tuple[int, str, str, float, float, int]]) -> None:
    cities = Cities.of(rows)
    again = Cities.from_plain(marshal.loads(marshal.dumps(cities.plain())))
    assert again == cities
    assert len(again) == len(rows)
    assert [again[number] for number in range(len(rows))] == rows
